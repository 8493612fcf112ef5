/* date.c - calendar arithmetic and the date parser (pure, no store) */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "bk.h"

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_days(int y, int m)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
		30, 31 };

	return mdays[m - 1] + (m == 2 && leap(y));
}

int
bk_date_valid(int y, int m, int d)
{
	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1)
		return 0;
	return d <= month_days(y, m);
}

/* days from civil, after H. Hinnant's public-domain algorithm */
bk_day
bk_date_from_ymd(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
bk_date_to_ymd(bk_day z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

int
bk_date_weekday(bk_day day)
{
	/* 1970-01-01 was a thursday (4) */
	long w = (day + 3) % 7;

	if (w < 0)
		w += 7;
	return (int)w + 1;
}

void
bk_date_isoweek(bk_day day, int *year, int *week)
{
	/* the week belongs to the year of its thursday */
	bk_day thu = day - bk_date_weekday(day) + 4;
	int y, m, d;

	bk_date_to_ymd(thu, &y, &m, &d);
	*year = y;
	*week = (int)((thu - bk_date_from_ymd(y, 1, 1)) / 7 + 1);
}

char *
bk_date_format(bk_day day, char *buf)
{
	char tmp[40];
	int y, m, d, i;

	bk_date_to_ymd(day, &y, &m, &d);
	if (y < 0 || y > 9999) {
		snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y, m, d);
		memcpy(buf, tmp, 10);
	} else {
		/* as "%04d-%02d-%02d" writes it: an import formats a date a
		 * row */
		for (i = 3; i >= 0; i--, y /= 10)
			buf[i] = (char)('0' + y % 10);
		buf[4] = '-';
		buf[5] = (char)('0' + m / 10);
		buf[6] = (char)('0' + m % 10);
		buf[7] = '-';
		buf[8] = (char)('0' + d / 10);
		buf[9] = (char)('0' + d % 10);
	}
	buf[10] = '\0';
	return buf;
}

int
bk_date_parse_iso(const char *s, bk_day *out)
{
	int y, m, d, i;

	for (i = 0; i < 10; i++) {
		if (i == 4 || i == 7) {
			if (s[i] != '-')
				return -1;
		} else if (!isdigit((unsigned char)s[i]))
			return -1;
	}
	if (s[10] != '\0')
		return -1;
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	if (!bk_date_valid(y, m, d))
		return -1;
	*out = bk_date_from_ymd(y, m, d);
	return 0;
}

/* 1 when day is within 0001-01-01..9999-12-31, the dates stored */
int
bk_date_in_range(bk_day day)
{
	return day >= bk_date_from_ymd(1, 1, 1) &&
	    day <= bk_date_from_ymd(9999, 12, 31);
}

/* the first day of day's week, weeks starting on week_start (1..7) */
static bk_day
week_first(bk_day day, int week_start)
{
	return day - (bk_date_weekday(day) - week_start + 7) % 7;
}

/* month t counted from year 0 (t = y * 12 + m - 1): its first and last day */
static void
month_span(long t, bk_day *first, bk_day *last)
{
	int y = (int)(t / 12), m = (int)(t % 12) + 1;

	*first = bk_date_from_ymd(y, m, 1);
	*last = *first + month_days(y, m) - 1;
}

/* "+N" / "-N" then a unit: 'd', 'w', 'm' or 'y'; 0 or -1 */
static int
parse_offset(const char *s, long *n, char *unit)
{
	const char *p = s + 1;

	if (*s != '-' && *s != '+')
		return -1;
	if (!isdigit((unsigned char)*p))
		return -1;
	for (*n = 0; isdigit((unsigned char)*p); p++) {
		/* beyond ten million days nothing is in range */
		if (*n > 10000000L)
			return -1;
		*n = *n * 10 + (*p - '0');
	}
	*unit = (char)tolower((unsigned char)*p);
	if (*unit == '\0' || !strchr("dwmy", *unit) || p[1] != '\0')
		return -1;
	if (*s == '-')
		*n = -*n;
	return 0;
}

/* n digits exactly, as a number */
static int
digits(const char *s, int n)
{
	int v = 0, i;

	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* "last", "this" or "next" (-1, 0, 1), one '-' or blanks, then "week",
 * "month" or "year" ('w', 'm', 'y'); 0 or -1 */
static int
parse_relative(const char *s, int *k, char *unit)
{
	static const char *const rel[] = { "last", "this", "next" };
	static const char *const units[] = { "week", "month", "year" };
	const char *p;
	int i;

	for (i = 0; i < 3; i++)
		if (strncasecmp(s, rel[i], 4) == 0)
			break;
	if (i == 3)
		return -1;
	*k = i - 1;
	p = s + 4;
	if (*p == '-')
		p++;
	else if (*p == ' ' || *p == '\t')
		while (*p == ' ' || *p == '\t')
			p++;
	else
		return -1;
	for (i = 0; i < 3; i++)
		if (bk_strcaseeq(p, units[i])) {
			*unit = units[i][0];
			return 0;
		}
	return -1;
}

static int
parse_span(const char *s, bk_day today, enum bk_date_dir dir,
    int week_start, bk_day *first, bk_day *last)
{
	static const char *const edges[] = { "sow", "eow", "som", "eom",
		"soy", "eoy" };
	char unit;
	long n;
	int y, m, d, i, k, wd;

	if (bk_date_parse_iso(s, first) == 0) {
		*last = *first;
		return 0;
	}
	/* YYYY: a year; YYYY-MM: a month */
	if (strlen(s) == 4 && (y = digits(s, 4)) >= 1) {
		*first = bk_date_from_ymd(y, 1, 1);
		*last = bk_date_from_ymd(y, 12, 31);
		return 0;
	}
	if (strlen(s) == 7 && s[4] == '-' && (y = digits(s, 4)) >= 1 &&
	    (m = digits(s + 5, 2)) >= 1 && m <= 12) {
		month_span(y * 12L + m - 1, first, last);
		return 0;
	}
	/* the rest counts from today */
	if (!bk_date_in_range(today))
		return -1;
	bk_date_to_ymd(today, &y, &m, &d);
	if (bk_strcaseeq(s, "today"))
		*first = today;
	else if (bk_strcaseeq(s, "yesterday"))
		*first = today - 1;
	else if (bk_strcaseeq(s, "tomorrow"))
		*first = today + 1;
	else if (parse_offset(s, &n, &unit) == 0) {
		if (unit == 'd' || unit == 'w')
			*first = today + (unit == 'w' ? 7 * n : n);
		else {
			/* a month or year later, or as near as the month
			 * allows: 03-31 -1m is 02-28 (02-29 in a leap year) */
			long t = y * 12L + m - 1 + (unit == 'y' ? 12 * n : n);

			if (t < 12 || t >= 10000 * 12L)
				return -1;
			month_span(t, first, last);
			if (d <= *last - *first)
				*first += d - 1;
			else
				*first = *last;
		}
	} else if (parse_relative(s, &k, &unit) == 0) {
		if (unit == 'w') {
			*first = week_first(today, week_start) + 7 * k;
			*last = *first + 6;
		} else if (unit == 'm')
			month_span(y * 12L + m - 1 + k, first, last);
		else {
			*first = bk_date_from_ymd(y + k, 1, 1);
			*last = bk_date_from_ymd(y + k, 12, 31);
		}
		return 0;
	} else if ((wd = bk_weekday_parse(s)) > 0) {
		k = wd - bk_date_weekday(today);
		if (dir == BK_DATE_PAST) {
			if (k > 0)
				k -= 7;
		} else if (k < 0)
			k += 7;
		*first = today + k;
	} else {
		for (i = 0; i < 6; i++)
			if (bk_strcaseeq(s, edges[i]))
				break;
		if (i == 6)
			return -1;
		if (i < 2)
			*first = week_first(today, week_start) + 6 * (i == 1);
		else if (i < 4) {
			month_span(y * 12L + m - 1, first, last);
			if (i == 3)
				*first = *last;
		} else
			*first = bk_date_from_ymd(y, i == 4 ? 1 : 12,
			    i == 4 ? 1 : 31);
	}
	*last = *first;
	return 0;
}

int
bk_date_parse_period(const char *s, bk_day today, enum bk_date_dir dir,
    int week_start, bk_day *first, bk_day *last)
{
	bk_day f, l;

	if (!s || week_start < 1 || week_start > 7 ||
	    parse_span(s, today, dir, week_start, &f, &l) != 0)
		return -1;
	/* "yesterday" on 0001-01-01 is no date we can store */
	if (!bk_date_in_range(f) || !bk_date_in_range(l))
		return -1;
	*first = f;
	*last = l;
	return 0;
}

int
bk_date_parse(const char *s, bk_day today, enum bk_date_dir dir,
    bk_day *out)
{
	bk_day last;

	return bk_date_parse_period(s, today, dir, 1, out, &last);
}

const char bk_date_hint[] = "YYYY-MM-DD, YYYY-MM, YYYY, today, yesterday, "
    "tomorrow, a weekday, -3d, +2w, -1m, -1y, sow, eow, som, eom, soy, eoy, "
    "last|this|next week|month|year";

bk_day
bk_today(void)
{
	const char *env = getenv("BK_TODAY");
	struct tm tm;
	time_t now;
	bk_day d;

	if (env && *env) {
		if (bk_date_parse_iso(env, &d) != 0)
			bk_errx(BK_EXIT_USAGE,
			    "invalid BK_TODAY '%s': expected YYYY-MM-DD", env);
		return d;
	}
	now = time(NULL);
	localtime_r(&now, &tm);
	return bk_date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

char *
bk_date_words(bk_day d, char *buf, size_t len)
{
	static const char *const names[] = { "", "Mon", "Tue", "Wed", "Thu",
		"Fri", "Sat", "Sun" };
	char iso[11];

	snprintf(buf, len, "%s %s", names[bk_date_weekday(d)],
	    bk_date_format(d, iso));
	return buf;
}
