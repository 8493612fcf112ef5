/* date.c - calendar arithmetic and the date parser (pure, no store) */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bk.h"

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
bk_date_valid(int y, int m, int d)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
		30, 31 };

	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1)
		return 0;
	return d <= mdays[m - 1] + (m == 2 && leap(y));
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
	int y, m, d;

	bk_date_to_ymd(day, &y, &m, &d);
	snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y, m, d);
	memcpy(buf, tmp, 10);
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

static int parse(const char *, bk_day, enum bk_date_dir, bk_day *);

int
bk_date_parse(const char *s, bk_day today, enum bk_date_dir dir,
    bk_day *out)
{
	bk_day d;

	/* "yesterday" on 0001-01-01 is no date we can store */
	if (parse(s, today, dir, &d) != 0 || !bk_date_in_range(d))
		return -1;
	*out = d;
	return 0;
}

static int
parse(const char *s, bk_day today, enum bk_date_dir dir, bk_day *out)
{
	long long n;
	char num[16];
	size_t len;
	int wd, delta;

	if (!s || !*s)
		return -1;
	if (bk_date_parse_iso(s, out) == 0)
		return 0;
	if (bk_strcaseeq(s, "today")) {
		*out = today;
		return 0;
	}
	if (bk_strcaseeq(s, "yesterday")) {
		*out = today - 1;
		return 0;
	}
	if (bk_strcaseeq(s, "tomorrow")) {
		*out = today + 1;
		return 0;
	}
	if ((s[0] == '-' || s[0] == '+') && (len = strlen(s)) >= 3 &&
	    len < sizeof num && (s[len - 1] == 'd' || s[len - 1] == 'w')) {
		memcpy(num, s + 1, len - 2);
		num[len - 2] = '\0';
		if (!isdigit((unsigned char)num[0]) ||
		    bk_parse_int(num, 0, 100000, &n) != 0)
			return -1;
		if (s[len - 1] == 'w')
			n *= 7;
		*out = s[0] == '-' ? today - (bk_day)n : today + (bk_day)n;
		if (*out < bk_date_from_ymd(1, 1, 1) ||
		    *out > bk_date_from_ymd(9999, 12, 31))
			return -1;
		return 0;
	}
	if ((wd = bk_weekday_parse(s)) > 0) {
		delta = wd - bk_date_weekday(today);
		if (dir == BK_DATE_PAST) {
			if (delta > 0)
				delta -= 7;
		} else if (delta < 0)
			delta += 7;
		*out = today + delta;
		return 0;
	}
	return -1;
}

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
