/* logio.c - the CSV files bk-log reads and writes: its own lossless format
 * (bk-csv(5)) and the exports of Strong, FitNotes and Hevy. Pure: rows in,
 * rows out, no store and no exit. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "bk.h"

const char *const bk_logfmt_names[] = { "auto", "bk", "strong", "fitnotes",
	"hevy", "fitbod", NULL };
static const char *const fmt_titles[] = { "", "bk", "Strong", "FitNotes",
	"Hevy", "Fitbod" };

/* the bk format's columns, in order: F_DATE .. F_DIST below match them;
 * files written before set_type and distance_m end at key */
const char *const bk_logio_columns[] = { "date", "time", "exercise",
	"exercise_name", "set", "side", "reps", "hold_s", "load_kg", "rpe",
	"skipped", "reason", "note", "plan", "key", "set_type", "distance_m",
	NULL };
#define BK_OLD_COLUMNS 15

/* the set types, as the bk format and the store write them */
const char *const bk_logio_set_types[] = { "normal", "warmup", "drop",
	"failure", NULL };

enum field {
	F_DATE, F_TIME, F_EXERCISE, F_EXNAME, F_SET, F_SIDE, F_REPS, F_HOLD,
	F_LOAD, F_RPE, F_SKIPPED, F_REASON, F_NOTE, F_PLAN, F_KEY,
	F_SETTYPE, F_DIST, F_WORKOUT, F_UNIT, F_LOAD_LB, F_CLOCK, F_STATUS,
	F_DIST_UNIT, F_WARMUP, F_SETS, NFIELDS
};

/* the distance units a header names, in the unit field of a colspec */
enum { D_NONE, D_M, D_KM, D_MI };
static const double metres_per[] = { 0, 1, 1000, 1609.344 };

/* the layouts of one app that share no header */
enum { L_MAIN, L_FITNOTES_IOS, L_FITBOD_OLD };

struct colspec {
	enum bk_logfmt fmt;
	int layout;
	const char *name;
	enum field field;
	int required;
	int unit;	/* BK_UNIT_KG or BK_UNIT_LB (a distance: D_*) when the
			 * name says it */
};

/* the columns of the foreign formats that mean something here, each under
 * every name an app version gave it; the others (distance, workout length,
 * ...) are read and left aside */
static const struct colspec foreign[] = {
	{ BK_LOGFMT_STRONG, L_MAIN, "Date", F_DATE, 1, 0 },
	{ BK_LOGFMT_STRONG, L_MAIN, "Workout Name", F_WORKOUT, 0, 0 },
	{ BK_LOGFMT_STRONG, L_MAIN, "Exercise Name", F_EXERCISE, 1, 0 },
	{ BK_LOGFMT_STRONG, L_MAIN, "Set Order", F_SETTYPE, 1, 0 },
	{ BK_LOGFMT_STRONG, L_MAIN, "Weight", F_LOAD, 1, 0 },
	{ BK_LOGFMT_STRONG, L_MAIN, "Weight (kg)", F_LOAD, 1, BK_UNIT_KG },
	{ BK_LOGFMT_STRONG, L_MAIN, "Weight (lbs)", F_LOAD, 1, BK_UNIT_LB },
	{ BK_LOGFMT_STRONG, L_MAIN, "kg", F_LOAD, 1, BK_UNIT_KG },
	{ BK_LOGFMT_STRONG, L_MAIN, "lbs", F_LOAD, 1, BK_UNIT_LB },
	{ BK_LOGFMT_STRONG, L_MAIN, "Weight Unit", F_UNIT, 0, 0 },
	{ BK_LOGFMT_STRONG, L_MAIN, "Distance", F_DIST, 0, D_NONE },
	{ BK_LOGFMT_STRONG, L_MAIN, "Distance (meters)", F_DIST, 0, D_M },
	{ BK_LOGFMT_STRONG, L_MAIN, "km", F_DIST, 0, D_KM },
	{ BK_LOGFMT_STRONG, L_MAIN, "mi", F_DIST, 0, D_MI },
	{ BK_LOGFMT_STRONG, L_MAIN, "Distance Unit", F_DIST_UNIT, 0, 0 },
	{ BK_LOGFMT_STRONG, L_MAIN, "Reps", F_REPS, 1, 0 },
	{ BK_LOGFMT_STRONG, L_MAIN, "Seconds", F_HOLD, 0, 0 },
	{ BK_LOGFMT_STRONG, L_MAIN, "Notes", F_NOTE, 0, 0 },
	{ BK_LOGFMT_STRONG, L_MAIN, "RPE", F_RPE, 0, 0 },
	{ BK_LOGFMT_FITNOTES, L_MAIN, "Date", F_DATE, 1, 0 },
	{ BK_LOGFMT_FITNOTES, L_MAIN, "Exercise", F_EXERCISE, 1, 0 },
	{ BK_LOGFMT_FITNOTES, L_MAIN, "Weight", F_LOAD, 1, 0 },
	{ BK_LOGFMT_FITNOTES, L_MAIN, "Weight (kgs)", F_LOAD, 1, BK_UNIT_KG },
	{ BK_LOGFMT_FITNOTES, L_MAIN, "Weight (kg)", F_LOAD, 1, BK_UNIT_KG },
	{ BK_LOGFMT_FITNOTES, L_MAIN, "Weight (lbs)", F_LOAD, 1, BK_UNIT_LB },
	{ BK_LOGFMT_FITNOTES, L_MAIN, "Weight Unit", F_UNIT, 0, 0 },
	{ BK_LOGFMT_FITNOTES, L_MAIN, "Distance", F_DIST, 0, D_NONE },
	{ BK_LOGFMT_FITNOTES, L_MAIN, "Distance Unit", F_DIST_UNIT, 0, 0 },
	{ BK_LOGFMT_FITNOTES, L_MAIN, "Reps", F_REPS, 1, 0 },
	{ BK_LOGFMT_FITNOTES, L_MAIN, "Time", F_HOLD, 0, 0 },
	{ BK_LOGFMT_FITNOTES, L_MAIN, "Comment", F_NOTE, 0, 0 },
	{ BK_LOGFMT_FITNOTES, L_FITNOTES_IOS, "Start Date (UTC)", F_DATE, 1, 0 },
	{ BK_LOGFMT_FITNOTES, L_FITNOTES_IOS, "Start Time (UTC)", F_CLOCK, 1, 0 },
	{ BK_LOGFMT_FITNOTES, L_FITNOTES_IOS, "Name", F_WORKOUT, 0, 0 },
	{ BK_LOGFMT_FITNOTES, L_FITNOTES_IOS, "Exercise", F_EXERCISE, 1, 0 },
	{ BK_LOGFMT_FITNOTES, L_FITNOTES_IOS, "Reps", F_REPS, 1, 0 },
	{ BK_LOGFMT_FITNOTES, L_FITNOTES_IOS, "Weight", F_LOAD, 1, 0 },
	{ BK_LOGFMT_FITNOTES, L_FITNOTES_IOS, "Time", F_HOLD, 0, 0 },
	{ BK_LOGFMT_FITNOTES, L_FITNOTES_IOS, "Status", F_STATUS, 0, 0 },
	{ BK_LOGFMT_FITNOTES, L_FITNOTES_IOS, "Distance", F_DIST, 0, D_NONE },
	{ BK_LOGFMT_FITBOD, L_MAIN, "Date", F_DATE, 1, 0 },
	{ BK_LOGFMT_FITBOD, L_MAIN, "Exercise", F_EXERCISE, 1, 0 },
	{ BK_LOGFMT_FITBOD, L_MAIN, "Reps", F_REPS, 1, 0 },
	{ BK_LOGFMT_FITBOD, L_MAIN, "Weight(kg)", F_LOAD, 1, BK_UNIT_KG },
	{ BK_LOGFMT_FITBOD, L_MAIN, "Duration(s)", F_HOLD, 0, 0 },
	{ BK_LOGFMT_FITBOD, L_MAIN, "Distance(m)", F_DIST, 0, D_M },
	{ BK_LOGFMT_FITBOD, L_MAIN, "isWarmup", F_WARMUP, 0, 0 },
	{ BK_LOGFMT_FITBOD, L_MAIN, "Note", F_NOTE, 0, 0 },
	{ BK_LOGFMT_FITBOD, L_FITBOD_OLD, "Date", F_DATE, 1, 0 },
	{ BK_LOGFMT_FITBOD, L_FITBOD_OLD, "Exercise", F_EXERCISE, 1, 0 },
	{ BK_LOGFMT_FITBOD, L_FITBOD_OLD, "Sets", F_SETS, 1, 0 },
	{ BK_LOGFMT_FITBOD, L_FITBOD_OLD, "Reps", F_REPS, 1, 0 },
	{ BK_LOGFMT_FITBOD, L_FITBOD_OLD, "Weight", F_LOAD, 1, 0 },
	{ BK_LOGFMT_FITBOD, L_FITBOD_OLD, "isWarmup", F_WARMUP, 0, 0 },
	{ BK_LOGFMT_FITBOD, L_FITBOD_OLD, "Note", F_NOTE, 0, 0 },
	{ BK_LOGFMT_HEVY, L_MAIN, "start_time", F_DATE, 1, 0 },
	{ BK_LOGFMT_HEVY, L_MAIN, "title", F_WORKOUT, 0, 0 },
	{ BK_LOGFMT_HEVY, L_MAIN, "exercise_title", F_EXERCISE, 1, 0 },
	{ BK_LOGFMT_HEVY, L_MAIN, "exercise_notes", F_NOTE, 0, 0 },
	{ BK_LOGFMT_HEVY, L_MAIN, "set_type", F_SETTYPE, 0, 0 },
	{ BK_LOGFMT_HEVY, L_MAIN, "weight_kg", F_LOAD, 0, BK_UNIT_KG },
	{ BK_LOGFMT_HEVY, L_MAIN, "weight_lbs", F_LOAD_LB, 0, BK_UNIT_LB },
	{ BK_LOGFMT_HEVY, L_MAIN, "reps", F_REPS, 1, 0 },
	{ BK_LOGFMT_HEVY, L_MAIN, "duration_seconds", F_HOLD, 0, 0 },
	{ BK_LOGFMT_HEVY, L_MAIN, "distance_km", F_DIST, 0, D_KM },
	{ BK_LOGFMT_HEVY, L_MAIN, "distance_miles", F_DIST, 0, D_MI },
	{ BK_LOGFMT_HEVY, L_MAIN, "rpe", F_RPE, 0, 0 },
};
#define NFOREIGN (sizeof foreign / sizeof foreign[0])

/* Strong writes its header in the app's language, in the English layout:
 * these nine columns first, in this order, then Notes, Workout Notes and
 * RPE. The words known here only confirm the layout. */
struct word {
	enum field field;	/* NFIELDS: read and left aside */
	const char *word[4];	/* English first */
};
static const struct word strong_layout[] = {
	{ F_DATE, { "Date", "Datum", NULL, NULL } },
	{ F_WORKOUT, { "Workout Name", "Workout-Name",
	    "Nom de l'entra\xc3\xaenement", NULL } },
	{ NFIELDS, { "Duration", "Dauer", "Dur\xc3\xa9" "e", NULL } },
	{ F_EXERCISE, { "Exercise Name", "Name der \xc3\x9c" "bung",
	    "Nom de l'exercice", NULL } },
	{ F_SETTYPE, { "Set Order", "Reihenfolge festlegen",
	    "Ordre de la s\xc3\xa9rie", NULL } },
	{ F_LOAD, { "Weight", "Gewicht", "Poids", NULL } },
	{ F_REPS, { "Reps", "Wiederh.", "R\xc3\xa9ps", NULL } },
	{ F_DIST, { "Distance", "Entfernung", NULL, NULL } },
	{ F_HOLD, { "Seconds", "Sekunden", "Secondes", NULL } },
};
#define NLAYOUT (sizeof strong_layout / sizeof strong_layout[0])
static const struct word strong_tail[] = {
	{ F_NOTE, { "Notes", "Notizen", NULL, NULL } },
	{ NFIELDS, { "Workout Notes", "Workout-Notizen",
	    "Notes de l'entra\xc3\xaenement", NULL } },
	{ F_RPE, { "RPE", NULL, NULL, NULL } },
};
#define NTAIL (sizeof strong_tail / sizeof strong_tail[0])

static const char *const months[] = { "jan", "feb", "mar", "apr", "may",
	"jun", "jul", "aug", "sep", "oct", "nov", "dec" };

/* a copy of s without blanks at either end, into buf */
static const char *
trimmed(const char *s, char *buf, size_t len)
{
	size_t n;

	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n >= len)
		n = len - 1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	return buf;
}

static int
is_bk_header(const struct bk_csv_row *row)
{
	int i;

	for (i = 0; bk_logio_columns[i]; i++)
		if (i >= row->n || strcmp(row->f[i], bk_logio_columns[i]) != 0)
			break;
	return row->n == i && (!bk_logio_columns[i] || i == BK_OLD_COLUMNS);
}

static int
has_column(const struct bk_csv_row *row, const char *name)
{
	char buf[64];
	int i;

	for (i = 0; i < row->n; i++)
		if (bk_strcaseeq(trimmed(row->f[i], buf, sizeof buf), name))
			return 1;
	return 0;
}

static int
is_word(const struct word *w, const char *s)
{
	int i;

	for (i = 0; i < 4 && w->word[i]; i++)
		if (bk_strcaseeq(s, w->word[i]))
			return 1;
	return 0;
}

/* a Strong header in another language: the English layout, with at least
 * four of its first nine words known; 0 or -1 */
static int
strong_localized(struct bk_logmap *m, const struct bk_csv_row *row)
{
	char buf[64];
	size_t k, t;
	int i, known = 0;

	if (row->n < (int)NLAYOUT || row->n > (int)(NLAYOUT + NTAIL))
		return -1;
	for (k = 0; k < NLAYOUT; k++)
		known += is_word(&strong_layout[k],
		    trimmed(row->f[k], buf, sizeof buf));
	if (known < 4)
		return -1;
	for (i = 0; i < BK_LOGIO_NFIELDS; i++)
		m->col[i] = -1;
	for (k = 0; k < NLAYOUT; k++)
		if (strong_layout[k].field != NFIELDS) {
			m->col[strong_layout[k].field] = (int)k;
			m->name[strong_layout[k].field] =
			    strong_layout[k].word[0];
		}
	for (i = (int)NLAYOUT; i < row->n; i++) {
		trimmed(row->f[i], buf, sizeof buf);
		for (t = 0; t < NTAIL; t++)
			if (is_word(&strong_tail[t], buf))
				break;
		/* words not known here: the English order */
		if (t == NTAIL && row->n == (int)(NLAYOUT + NTAIL))
			t = (size_t)i - NLAYOUT;
		if (t < NTAIL && strong_tail[t].field != NFIELDS &&
		    m->col[strong_tail[t].field] < 0) {
			m->col[strong_tail[t].field] = i;
			m->name[strong_tail[t].field] = strong_tail[t].word[0];
		}
	}
	return 0;
}

int
bk_logio_header(struct bk_logmap *m, enum bk_logfmt fmt,
    const struct bk_csv_row *row, char *err, size_t errlen)
{
	char buf[64];
	size_t k;
	int i, f, localized = 0;

	memset(m, 0, sizeof *m);
	for (i = 0; i < BK_LOGIO_NFIELDS; i++)
		m->col[i] = -1;
	m->ncols = row->n;
	m->point = row->delim == ';' ? ',' : 0;
	if (fmt == BK_LOGFMT_AUTO) {
		if (is_bk_header(row))
			fmt = BK_LOGFMT_BK;
		else if (has_column(row, "exercise_title"))
			fmt = BK_LOGFMT_HEVY;
		else if (has_column(row, "isWarmup"))
			fmt = BK_LOGFMT_FITBOD;
		else if (has_column(row, "Exercise Name"))
			fmt = BK_LOGFMT_STRONG;
		else if (has_column(row, "Exercise") &&
		    (has_column(row, "Category") ||
		    has_column(row, "Start Date (UTC)")))
			fmt = BK_LOGFMT_FITNOTES;
		else if (strong_localized(m, row) == 0)
			fmt = BK_LOGFMT_STRONG, localized = 1;
		else {
			snprintf(err, errlen, "line %ld: unknown header: not the "
			    "bk, Strong, FitNotes, Hevy or Fitbod format",
			    row->line);
			return -1;
		}
	} else if (fmt == BK_LOGFMT_STRONG && !has_column(row, "Exercise Name"))
		localized = strong_localized(m, row) == 0;
	m->fmt = fmt;
	if (fmt == BK_LOGFMT_FITNOTES && has_column(row, "Start Date (UTC)")) {
		m->layout = L_FITNOTES_IOS;
		m->point = ',';	/* "9,07" in a comma-separated file */
	}
	if (fmt == BK_LOGFMT_FITBOD && has_column(row, "Sets"))
		m->layout = L_FITBOD_OLD;
	if (fmt == BK_LOGFMT_BK) {
		if (!is_bk_header(row)) {
			snprintf(err, errlen, "line %ld: not a bk header: "
			    "expected date,time,exercise,exercise_name,set,side,"
			    "reps,hold_s,load_kg,rpe,skipped,reason,note,plan,key,"
			    "set_type,distance_m", row->line);
			return -1;
		}
		for (i = 0; i < row->n; i++) {
			m->col[i] = i;
			m->name[i] = bk_logio_columns[i];
		}
		m->unit = BK_UNIT_KG;
		m->says_unit = 1;
		return 0;
	}
	for (k = 0; k < NFOREIGN && !localized; k++) {
		if (foreign[k].fmt != fmt || foreign[k].layout != m->layout)
			continue;
		f = foreign[k].field;
		if (!m->name[f])
			m->name[f] = foreign[k].name;
		if (m->col[f] >= 0)
			continue;
		for (i = 0; i < row->n; i++)
			if (bk_strcaseeq(trimmed(row->f[i], buf, sizeof buf),
			    foreign[k].name)) {
				m->col[f] = i;
				m->name[f] = foreign[k].name;
				if (f == F_DIST)
					m->dunit = foreign[k].unit;
				else if (foreign[k].unit)
					m->unit = foreign[k].unit;
				break;
			}
	}
	for (k = 0; k < NFOREIGN; k++)
		if (foreign[k].fmt == fmt && foreign[k].layout == m->layout &&
		    foreign[k].required && m->col[foreign[k].field] < 0) {
			snprintf(err, errlen, "line %ld: not a %s header: no "
			    "column '%s'", row->line, fmt_titles[fmt],
			    foreign[k].name);
			return -1;
		}
	if (fmt == BK_LOGFMT_HEVY && m->col[F_LOAD] < 0 &&
	    m->col[F_LOAD_LB] < 0) {
		snprintf(err, errlen, "line %ld: not a Hevy header: no column "
		    "'weight_kg' or 'weight_lbs'", row->line);
		return -1;
	}
	m->says_unit = m->unit != BK_UNIT_NONE || m->col[F_UNIT] >= 0;
	return 0;
}

int
bk_logio_used(const struct bk_logmap *m, int col)
{
	int f;

	for (f = 0; f < NFIELDS; f++)
		if (m->col[f] == col)
			return 1;
	return 0;
}

int
bk_logio_blank(const struct bk_logmap *m, const char *s)
{
	char buf[64];
	double v;

	s = trimmed(s, buf, sizeof buf);
	return !*s || (m->fmt != BK_LOGFMT_BK &&
	    bk_decimal_parse(s, m->point, &v) == 0 && v == 0);
}

/* between lo and hi digits at *p, into *out; moves *p past them */
static int
getnum(const char **p, int lo, int hi, int *out)
{
	int n = 0, v = 0;

	while (n < hi && (*p)[n] >= '0' && (*p)[n] <= '9')
		v = v * 10 + ((*p)[n++] - '0');
	if (n < lo || ((*p)[n] >= '0' && (*p)[n] <= '9'))
		return -1;
	*p += n;
	*out = v;
	return 0;
}

/* HH:MM or H:MM, with :SS (dropped), into time */
static int
clock_time(const char *s, char *time)
{
	int h, mi, sec = 0;

	if (getnum(&s, 1, 2, &h) != 0 || *s++ != ':' ||
	    getnum(&s, 2, 2, &mi) != 0)
		return -1;
	if (*s == ':' && (s++, getnum(&s, 2, 2, &sec) != 0))
		return -1;
	if (*s || h > 23 || mi > 59 || sec > 59)
		return -1;
	time[0] = (char)('0' + h / 10);
	time[1] = (char)('0' + h % 10);
	time[2] = ':';
	time[3] = (char)('0' + mi / 10);
	time[4] = (char)('0' + mi % 10);
	time[5] = '\0';
	return 0;
}

int
bk_logio_time(const char *s, char time[6])
{
	return clock_time(s, time);
}

int
bk_logio_datetime(const char *s, char date[11], char time[6])
{
	char iso[11];
	int d, y, i;
	bk_day day;

	time[0] = '\0';
	if (strlen(s) >= 10) {
		memcpy(iso, s, 10);
		iso[10] = '\0';
		if (bk_date_parse_iso(iso, &day) == 0) {
			memcpy(date, iso, 11);
			if (!s[10])
				return 0;
			if (s[10] != ' ' && s[10] != 'T')
				return -1;
			return clock_time(s + 11, time);
		}
	}
	/* Hevy: "22 Dec 2025, 08:00" */
	if (getnum(&s, 1, 2, &d) != 0 || *s++ != ' ')
		return -1;
	for (i = 0; i < 12; i++)
		if (strncasecmp(s, months[i], 3) == 0)
			break;
	if (i == 12)
		return -1;
	s += 3;
	while ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z'))
		s++;	/* "December" */
	if (*s++ != ' ' || getnum(&s, 4, 4, &y) != 0 ||
	    !bk_date_valid(y, i + 1, d))
		return -1;
	bk_date_format(bk_date_from_ymd(y, i + 1, d), date);
	if (!*s)
		return 0;
	if (*s == ',')
		s++;
	if (*s++ != ' ')
		return -1;
	return clock_time(s, time);
}

/* Fitbod: "2024-03-04 18:02:11 +0000", a time with its UTC offset, as
 * the local date and time; without an offset, as it is */
static int
offset_datetime(const char *s, char date[11], char time[6])
{
	char buf[40];
	const char *sp = strrchr(s, ' ');
	int y, mo, d, h, mi, sec = 0, off, sign;
	struct tm tm;
	time_t t;

	if (!sp || (sp[1] != '+' && sp[1] != '-') || strlen(sp) != 6 ||
	    (size_t)(sp - s) >= sizeof buf)
		return bk_logio_datetime(s, date, time);
	memcpy(buf, s, (size_t)(sp - s));
	buf[sp - s] = '\0';
	if (bk_logio_datetime(buf, date, time) != 0 || !time[0])
		return -1;
	sign = sp[1] == '-' ? -1 : 1;
	sp += 2;
	if (getnum(&sp, 4, 4, &off) != 0 || off % 100 > 59 || off > 1400)
		return -1;
	s = buf;
	if (getnum(&s, 4, 4, &y) != 0 || *s++ != '-' ||
	    getnum(&s, 2, 2, &mo) != 0 || *s++ != '-' ||
	    getnum(&s, 2, 2, &d) != 0 || (*s != ' ' && *s != 'T') ||
	    (s++, getnum(&s, 1, 2, &h)) != 0 || *s++ != ':' ||
	    getnum(&s, 2, 2, &mi) != 0)
		return -1;
	if (*s == ':' && (s++, getnum(&s, 2, 2, &sec) != 0))
		return -1;
	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = sec;
	t = timegm(&tm) - sign * ((off / 100) * 3600 + (off % 100) * 60);
	if (!localtime_r(&t, &tm) || tm.tm_year + 1900 < 1 ||
	    tm.tm_year + 1900 > 9999)
		return -1;
	snprintf(date, 11, "%04u-%02u-%02u", (unsigned)(tm.tm_year + 1900) %
	    10000u, (unsigned)(tm.tm_mon + 1) % 100u, (unsigned)tm.tm_mday % 100u);
	snprintf(time, 6, "%02u:%02u", (unsigned)tm.tm_hour % 100u,
	    (unsigned)tm.tm_min % 100u);
	return 0;
}

/* FitNotes for iOS: "3/4/2025" and "5:45:45 AM" in UTC, as the local
 * date and time; -1 for a bad date, -2 for a bad time */
static int
utc_datetime(const char *ds, const char *ts, char date[11], char time[6])
{
	int mo, d, y, h, mi, sec = 0;
	struct tm tm;
	time_t t;

	if (getnum(&ds, 1, 2, &mo) != 0 || *ds++ != '/' ||
	    getnum(&ds, 1, 2, &d) != 0 || *ds++ != '/' ||
	    getnum(&ds, 4, 4, &y) != 0 || *ds || !bk_date_valid(y, mo, d))
		return -1;
	if (getnum(&ts, 1, 2, &h) != 0 || *ts++ != ':' ||
	    getnum(&ts, 2, 2, &mi) != 0 || mi > 59)
		return -2;
	if (*ts == ':' && (ts++, getnum(&ts, 2, 2, &sec) != 0 || sec > 59))
		return -2;
	if (*ts == ' ')
		ts++;
	if (strcasecmp(ts, "AM") == 0 && h >= 1 && h <= 12)
		h %= 12;
	else if (strcasecmp(ts, "PM") == 0 && h >= 1 && h <= 12)
		h = h % 12 + 12;
	else if (*ts || h > 23)
		return -2;
	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = sec;
	t = timegm(&tm);
	if (!localtime_r(&t, &tm))
		return -1;
	if (tm.tm_year + 1900 < 1 || tm.tm_year + 1900 > 9999)
		return -1;
	snprintf(date, 11, "%04u-%02u-%02u", (unsigned)(tm.tm_year + 1900) %
	    10000u, (unsigned)(tm.tm_mon + 1) % 100u, (unsigned)tm.tm_mday % 100u);
	snprintf(time, 6, "%02u:%02u", (unsigned)tm.tm_hour % 100u,
	    (unsigned)tm.tm_min % 100u);
	return 0;
}

/* the Latin letters U+00C0 .. U+017F without their marks, lower case */
static const char *const latin[] = {
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i",
	"i", "i", "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u",
	"u", "y", "th", "ss", "a", "a", "a", "a", "a", "a", "ae", "c", "e",
	"e", "e", "e", "i", "i", "i", "i", "d", "n", "o", "o", "o", "o", "o",
	"", "o", "u", "u", "u", "u", "y", "th", "y", "a", "a", "a", "a", "a",
	"a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d", "d", "d", "e",
	"e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g", "g",
	"g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i",
	"i", "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l",
	"l", "l", "l", "l", "l", "l", "l", "n", "n", "n", "n", "n", "n", "n",
	"n", "n", "o", "o", "o", "o", "o", "o", "oe", "oe", "r", "r", "r",
	"r", "r", "r", "s", "s", "s", "s", "s", "s", "s", "s", "t", "t", "t",
	"t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u",
	"u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s"
};

void
bk_logio_slug(const char *name, char *buf, size_t len)
{
	size_t n = 0, max = len - 1 < 64 ? len - 1 : 64;
	const unsigned char *p;
	const char *t;
	char one[2] = { 0, 0 };
	unsigned cp;
	int dash = 0;

	for (p = (const unsigned char *)name; *p && n < max; p++) {
		t = NULL;
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    (*p >= 'A' && *p <= 'Z')) {
			one[0] = (char)(*p | (*p >= 'A' && *p <= 'Z' ? 0x20 : 0));
			t = one;
		} else if (*p >= 0xc3 && *p <= 0xc5 && (p[1] & 0xc0) == 0x80) {
			cp = ((unsigned)(*p & 0x1f) << 6) | (p[1] & 0x3f);
			p++;
			if (cp >= 0xc0 && *latin[cp - 0xc0])
				t = latin[cp - 0xc0];
		}
		if (!t) {
			dash = 1;
			continue;
		}
		if (dash && n > 0 && n < max - 1)
			buf[n++] = '-';
		dash = 0;
		for (; *t && n < max; t++)
			buf[n++] = *t;
	}
	buf[n] = '\0';
	if (n > 0 && !(buf[0] >= 'a' && buf[0] <= 'z')) {
		memmove(buf + 2, buf, n + 1 < max - 1 ? n + 1 : max - 1);
		buf[0] = 'x';
		buf[1] = '-';
		buf[max] = '\0';
		n = strlen(buf);
	}
	while (n > 1 && buf[n - 1] == '-')
		buf[--n] = '\0';
}

static uint64_t
fnv1a(const char *s, size_t n, uint64_t h)
{
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	/* a final mix, so that near keys look unrelated */
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	return h;
}

/* "prefix:" and the two hashes in hex, as "%s:%016llx%016llx" writes
 * them: an import's keys are made once a row */
char *
bk_logio_key(const char *prefix, const char *base, long n, char *buf,
    size_t len)
{
	static const char hex[] = "0123456789abcdef";
	size_t bl = strlen(base), pl = strlen(prefix), nl = 0, ol;
	uint64_t h[2];
	unsigned long v;
	char digits[24], num[24], out[200], *o;
	int i, k;

	/* "#n", as "#%ld" writes it (a key is made for every row) */
	num[nl++] = '#';
	if (n < 0)
		num[nl++] = '-';
	v = n < 0 ? 0UL - (unsigned long)n : (unsigned long)n;
	k = 0;
	do
		digits[k++] = (char)('0' + v % 10);
	while ((v /= 10) > 0);
	while (k > 0)
		num[nl++] = digits[--k];
	h[0] = fnv1a(num, nl, fnv1a(base, bl, 0xcbf29ce484222325ULL));
	h[1] = fnv1a(num, nl, fnv1a(base, bl, 0x84222325cbf29ce4ULL ^ bl));
	if (pl > sizeof out - 34)
		pl = sizeof out - 34;
	memcpy(out, prefix, pl);
	o = out + pl;
	*o++ = ':';
	for (k = 0; k < 2; k++)
		for (i = 60; i >= 0; i -= 4)
			*o++ = hex[(h[k] >> i) & 15];
	*o = '\0';
	if (len > 0) {
		ol = (size_t)(o - out);
		if (ol >= len)
			ol = len - 1;
		memcpy(buf, out, ol);
		buf[ol] = '\0';
	}
	return buf;
}

int
bk_logio_escape_needed(const char *s)
{
	return s && s[0] && strchr("=+-@'\t\r", s[0]) != NULL;
}

/* a letter, digit, or one of . _ : - (a key is read for every row) */
static int
key_char(unsigned c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '.' || c == '_' || c == ':' ||
	    c == '-';
}

int
bk_logio_key_valid(const char *s)
{
	size_t i;

	if (!s || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' &&
	    s[0] <= 'Z') || (s[0] >= '0' && s[0] <= '9')))
		return 0;
	for (i = 0; s[i]; i++)
		if (i == 128 || !key_char((unsigned char)s[i]))
			return 0;
	return 1;
}

/* append s (n bytes) to the growing buffer */
static void
put(char **buf, size_t *cap, size_t *used, const char *s, size_t n)
{
	if (*used + n + 1 > *cap) {
		while (*used + n + 1 > *cap)
			*cap = *cap ? *cap * 2 : 256;
		*buf = bk_xrealloc(*buf, *cap);
	}
	memcpy(*buf + *used, s, n);
	*used += n;
	(*buf)[*used] = '\0';
}

void
bk_logrow_free(struct bk_logrow *r)
{
	free(r->nbuf);
	free(r->bbuf);
	r->nbuf = r->bbuf = NULL;
	r->ncap = r->bcap = 0;
}

struct ctx {
	const struct bk_logmap *m;
	const struct bk_csv_row *row;
	char *err;
	size_t errlen;
};

static const char *
field(const struct ctx *c, enum field f)
{
	int i = c->m->col[f];

	return i >= 0 && i < c->row->n ? c->row->f[i] : "";
}

static int
bad(const struct ctx *c, enum field f, const char *why)
{
	char v[400];

	snprintf(c->err, c->errlen, "line %ld: invalid %s '%s'%s%s",
	    c->row->line, c->m->name[f] ? c->m->name[f] : "value",
	    bk_term_snprint(v, sizeof v, field(c, f)), why ? ": " : "", why ? why : "");
	return -1;
}

/* a number field: -1 when empty (or 0 in a foreign file, where apps write
 * 0 for nothing), else a value in [min, max] */
static int
number(const struct ctx *c, enum field f, double min, double max,
    int whole, double *out)
{
	char buf[64];
	const char *s = trimmed(field(c, f), buf, sizeof buf);
	double v;

	*out = -1;
	if (!*s)
		return 0;
	if (bk_decimal_parse(s, c->m->point, &v) != 0 || strlen(s) > 40)
		return bad(c, f, NULL);
	if (whole && v != (double)(long long)v)
		return bad(c, f, "not a whole number");
	if (v == 0 && c->m->fmt != BK_LOGFMT_BK)
		return 0;
	if (v < min || v > max) {
		char why[64], a[32], b[32];

		snprintf(why, sizeof why, "out of range %s to %s",
		    bk_num_format(min, 3, a, sizeof a),
		    bk_num_format(max, 3, b, sizeof b));
		return bad(c, f, why);
	}
	*out = whole ? v : bk_round3(v);
	return 0;
}

/* text, NULL when empty; in the bk format's free text, a leading quote
 * that export added to keep spreadsheets from running a formula is taken
 * off */
static const char *
text(const struct ctx *c, enum field f)
{
	const char *s = field(c, f);

	if (c->m->fmt == BK_LOGFMT_BK && s[0] == '\'' && (f == F_EXNAME ||
	    f == F_REASON || f == F_NOTE || f == F_PLAN))
		s++;
	return *s ? s : NULL;
}

/* the h:mm:ss, m:ss or plain seconds of FitNotes' Time column */
static int
hms(const struct ctx *c, double *out)
{
	char buf[64];
	const char *s = trimmed(field(c, F_HOLD), buf, sizeof buf);
	int a, b, sec = 0;

	*out = -1;
	if (!strchr(s, ':'))
		return number(c, F_HOLD, 0, BK_HOLD_MAX, 0, out);
	if (getnum(&s, 1, 5, &a) != 0 || *s++ != ':' ||
	    getnum(&s, 2, 2, &b) != 0 || b > 59)
		return bad(c, F_HOLD, NULL);
	if (*s == ':') {
		s++;
		if (getnum(&s, 2, 2, &sec) != 0 || sec > 59)
			return bad(c, F_HOLD, NULL);
		sec += a * 3600 + b * 60;
	} else
		sec = a * 60 + b;
	if (*s)
		return bad(c, F_HOLD, NULL);
	if (sec > BK_HOLD_MAX)
		return bad(c, F_HOLD, "more than 24h");
	if (sec > 0)
		*out = sec;
	return 0;
}

/* the Set Order of Strong's rest-timer rows, in the app's languages */
static const char *const rest_words[] = { "Rest Timer", "Ruhezeit",
	"Minuteur de repos", "Temporizador de descanso", "Timer di riposo",
	"Timer de descanso", NULL };

/* is the field empty or a zero */
static int
nothing(const struct ctx *c, enum field f)
{
	char buf[64];
	const char *s = trimmed(field(c, f), buf, sizeof buf);
	double v;

	return !*s || (bk_decimal_parse(s, c->m->point, &v) == 0 && v == 0);
}

/* the set type a Strong Set Order or a Hevy set_type says (NULL: a
 * normal set); *rest is set for a Strong rest-timer row */
static int
set_kind(const struct ctx *c, const char **what, int *rest)
{
	char buf[32];
	const char *s = trimmed(field(c, F_SETTYPE), buf, sizeof buf);
	double v;
	int i;

	*what = NULL;
	*rest = 0;
	if (c->m->fmt == BK_LOGFMT_STRONG) {
		if (bk_decimal_parse(s, 0, &v) == 0 && !strchr(s, '.'))
			return 0;
		if (bk_strcaseeq(s, "W") || bk_strcaseeq(s, "WARM_UP") ||
		    bk_strcaseeq(s, "WARMUP"))
			*what = "warmup";
		else if (bk_strcaseeq(s, "D") || bk_strcaseeq(s, "DROP") ||
		    bk_strcaseeq(s, "DROP_SET") || bk_strcaseeq(s, "DROPSET"))
			*what = "drop";
		else if (bk_strcaseeq(s, "F") || bk_strcaseeq(s, "FAILURE"))
			*what = "failure";
		else {
			for (i = 0; rest_words[i]; i++)
				if (bk_strcaseeq(s, rest_words[i]))
					break;
			/* a word in a language not listed: a row with no
			 * load and no reps is a rest timer too */
			if (rest_words[i] || (*s && (*s < '0' || *s > '9') &&
			    nothing(c, F_REPS) && nothing(c, F_LOAD))) {
				*rest = 1;
				return 0;
			}
			return bad(c, F_SETTYPE, "expected a number, W, D, F, "
			    "WARM_UP, DROP, FAILURE or a rest timer");
		}
		return 0;
	}
	if (!*s || bk_strcaseeq(s, "normal"))
		return 0;
	if (bk_strcaseeq(s, "warmup"))
		*what = "warmup";
	else if (bk_strcaseeq(s, "dropset"))
		*what = "drop";
	else if (bk_strcaseeq(s, "failure"))
		*what = "failure";
	else
		return bad(c, F_SETTYPE, "expected normal, warmup, dropset or "
		    "failure");
	return 0;
}

static int
bk_row(const struct ctx *c, struct bk_logrow *r)
{
	double v;
	size_t used = 0;
	int i;

	if (bk_logio_datetime(field(c, F_DATE), r->date, r->time) != 0 ||
	    strlen(field(c, F_DATE)) != 10)
		return bad(c, F_DATE, "expected YYYY-MM-DD");
	if (*field(c, F_TIME) && (strlen(field(c, F_TIME)) != 5 ||
	    clock_time(field(c, F_TIME), r->time) != 0))
		return bad(c, F_TIME, "expected HH:MM");
	if (!(r->exercise = text(c, F_EXERCISE)))
		return bad(c, F_EXERCISE, "empty");
	r->exercise_name = text(c, F_EXNAME);
	if (number(c, F_SET, 1, 100000, 1, &v) != 0)
		return -1;
	if (v < 0)
		return bad(c, F_SET, "empty");
	r->set_no = (long)v;
	if (!*field(c, F_SIDE))
		r->side = NULL;
	else if (strcmp(field(c, F_SIDE), "left") == 0)
		r->side = "left";
	else if (strcmp(field(c, F_SIDE), "right") == 0)
		r->side = "right";
	else
		return bad(c, F_SIDE, "expected left, right or nothing");
	if (number(c, F_REPS, 1, BK_REPS_MAX, 1, &v) != 0)
		return -1;
	r->reps = (long)v;
	if (number(c, F_HOLD, 0.001, BK_HOLD_MAX, 0, &r->hold_s) != 0 ||
	    number(c, F_LOAD, 0.001, BK_LOAD_MAX, 0, &r->load_kg) != 0 ||
	    number(c, F_RPE, 0, 10, 0, &r->rpe) != 0)
		return -1;
	if (strcmp(field(c, F_SKIPPED), "0") == 0)
		r->skipped = 0;
	else if (strcmp(field(c, F_SKIPPED), "1") == 0)
		r->skipped = 1;
	else
		return bad(c, F_SKIPPED, "expected 0 or 1");
	r->reason = text(c, F_REASON);
	r->note = text(c, F_NOTE);
	r->plan = text(c, F_PLAN);
	r->key = text(c, F_KEY);
	if (r->key && !bk_logio_key_valid(r->key))
		return bad(c, F_KEY, "expected 1 to 128 letters, digits and "
		    ". _ : -, starting with a letter or digit");
	for (i = 0; bk_logio_set_types[i]; i++)
		if (strcmp(field(c, F_SETTYPE), bk_logio_set_types[i]) == 0)
			break;
	if (*field(c, F_SETTYPE) && !bk_logio_set_types[i])
		return bad(c, F_SETTYPE, "expected normal, warmup, drop or "
		    "failure");
	r->set_type = i > 0 && bk_logio_set_types[i] ? bk_logio_set_types[i] :
	    NULL;
	if (number(c, F_DIST, 0.001, BK_DIST_MAX, 0, &r->distance_m) != 0)
		return -1;
	if (r->key)
		return 0;
	/* a row without a key is known by everything it says */
	for (i = 0; i < c->row->n; i++) {
		put(&r->bbuf, &r->bcap, &used, c->row->f[i], c->row->len[i]);
		put(&r->bbuf, &r->bcap, &used, "\x1f", 1);
	}
	r->base = r->bbuf;
	return 0;
}

/* metres per unit of a Distance Unit word; 0 when not known */
static double
metres(const char *s)
{
	if (bk_strcaseeq(s, "km"))
		return 1000;
	if (bk_strcaseeq(s, "m"))
		return 1;
	if (bk_strcaseeq(s, "mi") || bk_strcaseeq(s, "miles"))
		return 1609.344;
	if (bk_strcaseeq(s, "ft"))
		return 0.3048;
	return 0;
}

/* the distance of a foreign row, in metres: its unit from the header, a
 * unit column, or --units (km with kg, miles with lb) */
static int
distance(const struct ctx *c, struct bk_logrow *r, int default_lb)
{
	char buf[32];
	const char *u;
	double v, per = metres_per[c->m->dunit];

	if (number(c, F_DIST, 0, 1e9, 0, &v) != 0)
		return -1;
	if (c->m->col[F_DIST_UNIT] >= 0) {
		u = trimmed(field(c, F_DIST_UNIT), buf, sizeof buf);
		if (*u && !(per = metres(u)))
			return bad(c, F_DIST_UNIT, "expected km, m, mi or ft");
	}
	if (per == 0 && default_lb >= 0)
		per = default_lb ? 1609.344 : 1000;
	if (v <= 0)
		return 0;
	if (per == 0)
		return bad(c, F_DIST, "the file does not say its unit (give "
		    "--units kg for km or --units lb for miles)");
	if (v * per > BK_DIST_MAX)
		return bad(c, F_DIST, "more than 1000 km");
	r->distance_m = bk_round3(v * per);
	return 0;
}

static int
foreign_row(const struct ctx *c, struct bk_logrow *r, int default_lb)
{
	const char *what = NULL, *unit;
	char buf[32], *p;
	size_t used = 0;
	double v;
	int lb = default_lb == 1, rc;

	if (c->m->layout == L_FITNOTES_IOS) {
		if ((rc = utc_datetime(field(c, F_DATE), field(c, F_CLOCK),
		    r->date, r->time)) != 0)
			return bad(c, rc == -1 ? F_DATE : F_CLOCK, NULL);
		/* a set planned in the app and never done */
		if (bk_strcaseeq(field(c, F_STATUS), "NotStarted")) {
			r->not_done = 1;
			return 0;
		}
	} else if (c->m->fmt == BK_LOGFMT_FITBOD) {
		if (offset_datetime(field(c, F_DATE), r->date, r->time) != 0)
			return bad(c, F_DATE, NULL);
	} else if (bk_logio_datetime(field(c, F_DATE), r->date, r->time) != 0)
		return bad(c, F_DATE, NULL);
	if (c->m->col[F_SETTYPE] >= 0 && set_kind(c, &what, &r->rest) != 0)
		return -1;
	if (r->rest)
		return 0;
	if (!(r->exercise = text(c, F_EXERCISE)))
		return bad(c, F_EXERCISE, "empty");
	r->exercise_name = r->exercise;
	if (number(c, F_REPS, 1, BK_REPS_MAX, 1, &v) != 0)
		return -1;
	r->reps = (long)v;
	if (c->m->fmt == BK_LOGFMT_FITNOTES) {
		if (hms(c, &r->hold_s) != 0)
			return -1;
	} else if (number(c, F_HOLD, 0, BK_HOLD_MAX, 0, &r->hold_s) != 0)
		return -1;
	if (number(c, F_RPE, 0, 10, 0, &r->rpe) != 0)
		return -1;
	if (c->m->unit != BK_UNIT_NONE)
		lb = c->m->unit == BK_UNIT_LB;
	if (c->m->col[F_UNIT] >= 0) {
		unit = trimmed(field(c, F_UNIT), buf, sizeof buf);
		if (bk_strcaseeq(unit, "kg") || bk_strcaseeq(unit, "kgs"))
			lb = 0;
		else if (bk_strcaseeq(unit, "lb") || bk_strcaseeq(unit, "lbs"))
			lb = 1;
		else if (*unit)
			return bad(c, F_UNIT, "expected kg or lbs");
	}
	if (c->m->fmt == BK_LOGFMT_HEVY)
		lb = c->m->col[F_LOAD] < 0;	/* weight_kg or weight_lbs */
	if (c->m->col[F_LOAD] < 0) {
		if (number(c, F_LOAD_LB, 0, BK_LOAD_MAX / BK_KG_PER_LB, 0,
		    &r->load_kg) != 0)
			return -1;
	} else if (number(c, F_LOAD, 0, lb ? BK_LOAD_MAX / BK_KG_PER_LB :
	    BK_LOAD_MAX, 0, &r->load_kg) != 0)
		return -1;
	if (r->load_kg > 0)
		r->unit = lb ? BK_UNIT_LB : BK_UNIT_KG;
	if (lb && r->load_kg > 0)
		r->load_kg = bk_round3(r->load_kg * BK_KG_PER_LB);
	if (c->m->col[F_WARMUP] >= 0) {
		unit = trimmed(field(c, F_WARMUP), buf, sizeof buf);
		if (bk_strcaseeq(unit, "true") || strcmp(unit, "1") == 0)
			what = "warmup";
		else if (*unit && !bk_strcaseeq(unit, "false") &&
		    strcmp(unit, "0") != 0)
			return bad(c, F_WARMUP, "expected true or false");
	}
	if (c->m->col[F_SETS] >= 0) {
		if (number(c, F_SETS, 1, 100, 1, &v) != 0)
			return -1;
		if (v < 0)
			return bad(c, F_SETS, "empty");
		r->repeat = (long)v;
	}
	r->set_type = what;
	r->note = text(c, F_NOTE);
	if (distance(c, r, default_lb) != 0)
		return -1;
	/* the sets of one exercise in one workout are numbered in file
	 * order; the workout is known by its start and its name */
	used = 0;
	/* Fitbod stamps each set: its workout is the day */
	if (c->m->fmt == BK_LOGFMT_FITBOD)
		put(&r->bbuf, &r->bcap, &used, r->date, strlen(r->date));
	else
		put(&r->bbuf, &r->bcap, &used, field(c, F_DATE),
		    strlen(field(c, F_DATE)));
	if (c->m->layout == L_FITNOTES_IOS) {
		put(&r->bbuf, &r->bcap, &used, " ", 1);
		put(&r->bbuf, &r->bcap, &used, field(c, F_CLOCK),
		    strlen(field(c, F_CLOCK)));
	}
	put(&r->bbuf, &r->bcap, &used, "\x1f", 1);
	put(&r->bbuf, &r->bcap, &used, field(c, F_WORKOUT),
	    strlen(field(c, F_WORKOUT)));
	put(&r->bbuf, &r->bcap, &used, "\x1f", 1);
	put(&r->bbuf, &r->bcap, &used, r->exercise, strlen(r->exercise));
	/* names match in any case, so keys must too */
	for (p = r->bbuf; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p |= 0x20;
	r->base = r->bbuf;
	return 0;
}

/* Strong's Notes, or a column not read (Workout Notes) */
static int
note_column(const struct bk_logmap *m, int col)
{
	return col == m->col[F_NOTE] || !bk_logio_used(m, col);
}

/* row with the fields that FitNotes' unquoted commas split out of its
 * exercise name joined again (into r's note buffer) */
static int
rejoin(const struct bk_logmap *m, const struct bk_csv_row *row,
    struct bk_csv_row *out, struct bk_logrow *r)
{
	int ex = m->col[F_EXERCISE], extra = row->n - m->ncols, i;
	size_t used = 0;

	*out = *row;
	out->n = m->ncols;
	out->f = bk_xmalloc(m->ncols * sizeof *out->f);
	out->len = bk_xmalloc(m->ncols * sizeof *out->len);
	for (i = 0; i <= ex + extra; i++) {
		if (i > ex)
			put(&r->nbuf, &r->ncap, &used, ",", 1);
		if (i >= ex)
			put(&r->nbuf, &r->ncap, &used, row->f[i], row->len[i]);
	}
	for (i = 0; i < m->ncols; i++) {
		out->f[i] = row->f[i < ex ? i : i + extra];
		out->len[i] = row->len[i < ex ? i : i + extra];
	}
	out->f[ex] = r->nbuf;
	out->len[ex] = used;
	return 0;
}

int
bk_logio_row(const struct bk_logmap *m, const struct bk_csv_row *row,
    int default_lb, struct bk_logrow *r, char *err, size_t errlen)
{
	struct ctx c = { m, row, err, errlen };
	struct bk_csv_row fixed;
	int i, rc;

	r->repair = BK_REPAIR_NONE;
	if (row->repaired) {
		/* bare "" pairs: Strong's quotes in a note it did not quote;
		 * in any other column or file the line stays refused */
		if (m->fmt != BK_LOGFMT_STRONG || !note_column(m,
		    row->repaired - 1) || !note_column(m,
		    row->repaired_last - 1)) {
			snprintf(err, errlen, "line %ld: malformed CSV: a quote "
			    "inside an unquoted field or after a closing quote",
			    row->line);
			return -1;
		}
		r->repair = BK_REPAIR_QUOTES;
	}
	if (row->n > m->ncols && m->fmt == BK_LOGFMT_FITNOTES &&
	    m->layout == L_MAIN && m->col[F_EXERCISE] >= 0) {
		/* FitNotes writes commas in a name unquoted; the columns
		 * after it are fixed, so the name is the fields between */
		if (rejoin(m, row, &fixed, r) != 0)
			return -1;
		rc = bk_logio_row(m, &fixed, default_lb, r, err, errlen);
		free(fixed.f);
		free(fixed.len);
		r->repair = BK_REPAIR_COMMAS;
		if (rc != 0)	/* not that slip, then */
			snprintf(err, errlen, "line %ld: %d fields, expected %d",
			    row->line, row->n, m->ncols);
		return rc;
	}
	if (row->n != m->ncols) {
		snprintf(err, errlen, "line %ld: %d fields, expected %d",
		    row->line, row->n, m->ncols);
		return -1;
	}
	for (i = 0; i < row->n; i++)
		if (strlen(row->f[i]) != row->len[i]) {
			snprintf(err, errlen, "line %ld: a NUL byte in field %d",
			    row->line, i + 1);
			return -1;
		}
	r->date[0] = r->time[0] = '\0';
	r->exercise = r->exercise_name = r->side = NULL;
	r->reason = r->note = r->plan = r->key = r->base = NULL;
	r->set_no = 0;
	r->reps = -1;
	r->hold_s = r->load_kg = r->rpe = -1;
	r->skipped = 0;
	r->rest = r->not_done = 0;
	r->unit = BK_UNIT_NONE;
	r->set_type = NULL;
	r->distance_m = -1;
	r->repeat = 1;
	if (m->fmt != BK_LOGFMT_BK)
		rc = foreign_row(&c, r, default_lb);
	else
		rc = bk_row(&c, r);
	if (rc != 0)
		return -1;
	/* no exercise has a longer name: --create-missing would make one */
	if (r->exercise && strlen(r->exercise) > BK_LOGIO_NAME_MAX)
		return bad(&c, F_EXERCISE, "longer than 200 bytes");
	if (r->exercise_name && strlen(r->exercise_name) > BK_LOGIO_NAME_MAX)
		return bad(&c, F_EXNAME, "longer than 200 bytes");
	if (m->fmt != BK_LOGFMT_BK)
		return 0;
	if (r->load_kg > 0)
		r->unit = BK_UNIT_KG;
	return 0;
}
