/* icsplan.c - bk-plan export --format ics: the plans as an iCalendar
 * (RFC 5545) file. A day's items make one all-day event, or with times of
 * day one timed event per session; a weekly plan's weekday is one event
 * that recurs (RRULE), a dated program's day one event. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bk.h"

#define TITLE_MAX 80	/* bytes of exercise names in a SUMMARY */
#define TEST_SECONDS 60	/* a test's tries, or a pain rating */
#define DAY_MIN (24 * 60)	/* an event lasts at most a day */

struct item {
	char *name;	/* what the title says */
	char *text;	/* its line of the description */
	int times;	/* sessions a day */
	long long secs;	/* how long it takes */
};

/* the items of one day of a dated program, or of one weekday of a weekly
 * plan */
struct day {
	char date[11];	/* YYYY-MM-DD, or "" */
	int weekday;	/* 1 monday .. 7 sunday for a weekly one, else 0 */
	struct item *it;
	int n, cap;
};

struct ics {
	const struct bk_plan_info *p;
	const char *store_id;
	int imperial;
	const int *at;	/* the times of day, minutes */
	int nat;	/* 0: all-day events */
	long alarm_s;	/* -1: no alarm */
	char stamp[20];
};

static const char *const byday[] = { "", "MO", "TU", "WE", "TH", "FR", "SA",
	"SU" };
static const char *const wdnames[] = { "", "Monday", "Tuesday", "Wednesday",
	"Thursday", "Friday", "Saturday", "Sunday" };

static char *
store_id(struct bk_db *db)
{
	sqlite3_stmt *st;
	char *id = NULL;

	st = bk_db_prepare(db, "SELECT value FROM meta WHERE key = 'store_id'");
	if (bk_db_step(db, st) == SQLITE_ROW)
		id = bk_xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (!id || !id[0])
		bk_errx(BK_EXIT_DATA, "cannot export: the store has no id");
	return id;
}

static void
compact(bk_day d, char *buf)
{
	char iso[11];

	bk_date_format(d, iso);
	snprintf(buf, 9, "%.4s%.2s%.2s", iso, iso + 5, iso + 8);
}

/* "-PT1H30M": the alarm's trigger, s before the event */
static void
trigger(long s, char *buf, size_t len)
{
	size_t n;

	n = (size_t)snprintf(buf, len, "-PT");
	if (s >= 3600)
		n += (size_t)snprintf(buf + n, len - n, "%ldH", s / 3600);
	if (s % 3600 >= 60)
		n += (size_t)snprintf(buf + n, len - n, "%ldM", s % 3600 / 60);
	if (s % 60 || s == 0)
		snprintf(buf + n, len - n, "%ldS", s % 60);
}

/* the name into fp, cut at max bytes (never inside a UTF-8 character)
 * with an ellipsis */
static void
put_cut(FILE *fp, const char *name, size_t max)
{
	const unsigned char *s = (const unsigned char *)name;
	size_t i = 0, k;

	if (strlen(name) <= max) {
		fputs(name, fp);
		return;
	}
	while (s[i]) {
		k = bk_utf8_len(s + i);
		if (k == 0)
			k = 1;
		if (i + k > max - 3)
			break;
		i += k;
	}
	fwrite(name, 1, i, fp);
	fputs("\xe2\x80\xa6", fp);
}

/* the title: the plan, then what to do, the names that fit and how many
 * more there are */
static void
title(FILE *fp, const struct ics *x, const struct day *d, int s)
{
	size_t used = 0, len;
	int i, shown = 0, total = 0;

	fprintf(fp, "%s: ", x->p->name);
	for (i = 0; i < d->n; i++) {
		if (s >= 0 && d->it[i].times <= s)
			continue;
		total++;
		if (shown < total - 1)
			continue;	/* one did not fit: count the rest */
		len = strlen(d->it[i].name);
		if (shown == 0) {
			put_cut(fp, d->it[i].name, TITLE_MAX);
			used = len;
			shown++;
		} else if (used + 2 + len <= TITLE_MAX) {
			fprintf(fp, ", %s", d->it[i].name);
			used += 2 + len;
			shown++;
		}
	}
	if (shown < total)
		fprintf(fp, " and %d more", total - shown);
}

/* one event: the day's items (s < 0: all-day), or those of session s
 * (0-based) of ns */
static void
event(const struct ics *x, const struct day *d, bk_day date, int s, int ns)
{
	char uid[512], when[32], end[32], rule[64], c[9], iso[11], trig[32];
	char *sum = NULL, *desc = NULL;
	size_t sumlen = 0, desclen = 0;
	FILE *sfp, *dfp;
	long long secs = 0, min, at_end;
	int i;

	if (!(sfp = open_memstream(&sum, &sumlen)) ||
	    !(dfp = open_memstream(&desc, &desclen)))
		bk_errx(BK_EXIT_DATA, "cannot allocate memory");
	title(sfp, x, d, s);
	fclose(sfp);
	if (d->weekday) {
		fprintf(dfp, "every %s", wdnames[d->weekday]);
		if (x->p->end >= 0)
			fprintf(dfp, " until %s", bk_date_format(x->p->end,
			    iso));
	} else {
		fprintf(dfp, "day %ld", (long)(date - x->p->start + 1));
		if (x->p->end >= 0)
			fprintf(dfp, " of %ld", (long)(x->p->end -
			    x->p->start + 1));
	}
	if (ns > 1)
		fprintf(dfp, ", session %d of %d", s + 1, ns);
	fputc('\n', dfp);
	for (i = 0; i < d->n; i++)
		if (s < 0 || d->it[i].times > s) {
			fprintf(dfp, "%s\n", d->it[i].text);
			secs += d->it[i].secs;
		}
	/* whole minutes, at least one, at most a day */
	min = (secs + 59) / 60;
	if (min < 1)
		min = 1;
	if (min > DAY_MIN)
		min = DAY_MIN;
	if (s >= 0)
		fprintf(dfp, "about %lld min", min);
	fclose(dfp);
	/* the last newline is not part of the text */
	if (desclen && desc[desclen - 1] == '\n')
		desc[desclen - 1] = '\0';

	fputs("BEGIN:VEVENT\r\n", stdout);
	compact(date, c);
	snprintf(uid, sizeof uid, "%s-s%d-p%lld-%s@backkit",
	    d->weekday ? byday[d->weekday] : c, s < 0 ? 1 : s + 1, x->p->id,
	    x->store_id);
	bk_ics_line(stdout, "UID", uid, 1);
	bk_ics_line(stdout, "DTSTAMP", x->stamp, 0);
	if (s < 0) {
		bk_ics_line(stdout, "DTSTART;VALUE=DATE", c, 0);
		compact(date + 1, end);
		bk_ics_line(stdout, "DTEND;VALUE=DATE", end, 0);
	} else {
		/* floating local time: at that hour wherever one is */
		snprintf(when, sizeof when, "%sT%02d%02d00", c, x->at[s] / 60,
		    x->at[s] % 60);
		bk_ics_line(stdout, "DTSTART", when, 0);
		at_end = x->at[s] + min;
		compact(date + (bk_day)(at_end / DAY_MIN), c);
		snprintf(end, sizeof end, "%sT%02d%02d00", c,
		    (int)(at_end % DAY_MIN / 60), (int)(at_end % 60));
		bk_ics_line(stdout, "DTEND", end, 0);
	}
	if (d->weekday) {
		snprintf(rule, sizeof rule, "FREQ=WEEKLY;BYDAY=%s",
		    byday[d->weekday]);
		if (x->p->end >= 0) {
			compact(x->p->end, c);
			/* UNTIL takes the form of DTSTART */
			snprintf(rule + strlen(rule), sizeof rule - strlen(rule),
			    ";UNTIL=%s%s", c, s < 0 ? "" : "T235959");
		}
		bk_ics_line(stdout, "RRULE", rule, 0);
	}
	bk_ics_line(stdout, "SUMMARY", sum, 1);
	bk_ics_line(stdout, "DESCRIPTION", desc, 1);
	bk_ics_line(stdout, "CATEGORIES", "backkit", 1);
	bk_ics_line(stdout, "TRANSP", "TRANSPARENT", 0);
	if (s >= 0 && x->alarm_s >= 0) {
		fputs("BEGIN:VALARM\r\n", stdout);
		bk_ics_line(stdout, "ACTION", "DISPLAY", 0);
		bk_ics_line(stdout, "DESCRIPTION", sum, 1);
		trigger(x->alarm_s, trig, sizeof trig);
		bk_ics_line(stdout, "TRIGGER", trig, 0);
		fputs("END:VALARM\r\n", stdout);
	}
	fputs("END:VEVENT\r\n", stdout);
	free(sum);
	free(desc);
}

/* the events of a day: one all-day event, or one per session: session s
 * (at the s-th time of day) holds the items planned more than s times a
 * day, so an item planned more often than there are times is in each */
static void
day_flush(const struct ics *x, struct day *d)
{
	bk_day date;
	int i, s, ns = 0, ok = 1;

	if (d->n == 0)
		return;
	if (d->weekday) {
		/* the first of that weekday in the plan */
		date = x->p->start;
		while (bk_date_weekday(date) != d->weekday)
			date++;
	} else
		ok = bk_date_parse_iso(d->date, &date) == 0;
	/* an event ends by the next day, which must be a date too */
	if (ok && bk_date_in_range(date + 1) &&
	    (x->p->end < 0 || date <= x->p->end)) {
		if (x->nat == 0)
			event(x, d, date, -1, 1);
		else {
			for (i = 0; i < d->n; i++)
				if (d->it[i].times > ns)
					ns = d->it[i].times;
			if (ns > x->nat)
				ns = x->nat;
			for (s = 0; s < ns; s++)
				event(x, d, date, s, ns);
		}
	}
	for (i = 0; i < d->n; i++) {
		free(d->it[i].name);
		free(d->it[i].text);
	}
	d->n = 0;
}

#define TXT(i) ((const char *)sqlite3_column_text(st, (i)))

static void
add_item(const struct ics *x, struct day *d, sqlite3_stmt *st)
{
	struct bk_tpl_dose dose;
	struct item *it;
	const char *kind = TXT(2), *slug = TXT(3), *name = TXT(4);
	char buf[1024], text[160];
	int pain = strcmp(slug, "pain") == 0;

	if (d->n == d->cap) {
		d->cap = d->cap ? 2 * d->cap : 16;
		d->it = bk_xrealloc(d->it, (size_t)d->cap * sizeof *d->it);
	}
	it = &d->it[d->n++];
	if (strcmp(kind, "test") == 0) {
		snprintf(buf, sizeof buf, "%s %s", slug, pain ? "rating" :
		    "test");
		it->name = bk_xstrdup(buf);
		snprintf(buf, sizeof buf, "%s %s: record it with bk-test %s",
		    pain ? "Pain" : slug, pain ? "rating" : "test", slug);
		it->text = bk_xstrdup(buf);
		it->times = 1;
		it->secs = TEST_SECONDS;
		return;
	}
	bk_template_dose_init(&dose);
	dose.sets = sqlite3_column_int(st, 5);
	dose.reps = sqlite3_column_int(st, 6);
	dose.hold_s = sqlite3_column_int(st, 7);
	dose.per_side = sqlite3_column_int(st, 9);
	dose.side = TXT(10) ? bk_word_index(bk_template_sides, TXT(10)) : 0;
	if (dose.side < 0)
		dose.side = 0;
	dose.times = sqlite3_column_int(st, 11);
	bk_plan_dose_format(&dose, sqlite3_column_double(st, 8), x->imperial,
	    text, sizeof text);
	it->name = bk_xstrdup(name);
	it->text = bk_xmalloc(strlen(name) + strlen(slug) + strlen(text) + 6);
	sprintf(it->text, "%s (%s): %s", name, slug, text);
	it->times = dose.times > 0 ? dose.times : 1;
	it->secs = bk_dose_seconds(dose.sets, dose.reps, dose.hold_s,
	    sqlite3_column_int(st, 12), dose.per_side);
}

static void
plan_events(struct bk_db *db, const struct ics *x)
{
	sqlite3_stmt *st;
	struct day d;
	char a[11], b[11];
	int wd;

	memset(&d, 0, sizeof d);
	st = bk_db_prepare(db, "SELECT pi.date, pi.weekday, pi.kind,"
	    " coalesce(e.slug, pi.test_kind, ''),"
	    " coalesce(e.name, pi.test_kind, ''), pi.sets, pi.reps,"
	    " pi.hold_s, pi.load_kg, pi.per_side, pi.side, pi.times,"
	    " pi.rest_s FROM plan_items pi LEFT JOIN exercises e"
	    " ON e.id = pi.exercise_id"
	    " WHERE pi.plan_id = ?1 AND pi.kind IN ('exercise', 'test')"
	    " AND (pi.date IS NULL AND pi.weekday BETWEEN 1 AND 7"
	    "  OR pi.date BETWEEN ?2 AND ?3)"
	    " ORDER BY pi.date IS NULL, pi.date, pi.weekday, pi.seq, pi.id");
	bk_db_bound(sqlite3_bind_int64(st, 1, x->p->id));
	bk_db_bound(sqlite3_bind_text(st, 2,
	    bk_date_format(x->p->start, a), -1, SQLITE_STATIC));
	bk_db_bound(sqlite3_bind_text(st, 3,
	    x->p->end >= 0 ? bk_date_format(x->p->end, b) : "9999-12-31", -1,
	    SQLITE_STATIC));
	while (bk_db_step(db, st) == SQLITE_ROW) {
		wd = sqlite3_column_type(st, 0) == SQLITE_NULL ?
		    sqlite3_column_int(st, 1) : 0;
		if (wd != d.weekday || (!wd && strcmp(TXT(0), d.date) != 0)) {
			day_flush(x, &d);
			d.weekday = wd;
			snprintf(d.date, sizeof d.date, "%s", wd ? "" : TXT(0));
		}
		add_item(x, &d, st);
	}
	sqlite3_finalize(st);
	day_flush(x, &d);
	free(d.it);
}

static void
ics_stamp(char *buf, size_t len)
{
	const char *env = getenv("BK_TODAY");
	struct tm tm;
	time_t now;

	if (env && *env) {
		/* reproducible: midnight of the pinned day */
		snprintf(buf, len, "%.4s%.2s%.2sT000000Z", env, env + 5,
		    env + 8);
		return;
	}
	now = time(NULL);
	gmtime_r(&now, &tm);
	strftime(buf, len, "%Y%m%dT%H%M%SZ", &tm);
}

int
bk_icsplan_export(struct bk_db *db, const struct bk_planopts *o,
    const char *name)
{
	struct bk_plan_info *plans;
	struct bk_config cfg;
	struct ics x;
	char *sid, dur[32];
	int i, n;

	bk_config_load(&cfg);
	memset(&x, 0, sizeof x);
	/* the command line over the config */
	x.at = o->nat > 0 ? o->at : cfg.at;
	x.nat = o->nat > 0 ? o->nat : cfg.nat;
	x.alarm_s = o->alarm_s >= 0 ? o->alarm_s : cfg.alarm_s;
	if (o->alarm_s >= 0 && x.nat == 0)
		bk_usage("--alarm %s needs a time of day (--at, or remind_at "
		    "in the config): an all-day event has none",
		    bk_duration_format(o->alarm_s, dur, sizeof dur));
	x.imperial = cfg.imperial;
	bk_db_open(db, o->db, BK_DB_READ);
	bk_plan_refresh(db, o->today);
	n = bk_plan_info_load(db, name, &plans);
	if (n == 0)
		bk_errx(BK_EXIT_DATA, "cannot export: there are no plans");
	x.store_id = sid = store_id(db);
	ics_stamp(x.stamp, sizeof x.stamp);
	fputs("BEGIN:VCALENDAR\r\n", stdout);
	bk_ics_line(stdout, "VERSION", "2.0", 0);
	bk_ics_line(stdout, "PRODID", "-//backkit//bk-plan " BK_VERSION "//EN",
	    0);
	bk_ics_line(stdout, "CALSCALE", "GREGORIAN", 0);
	bk_ics_line(stdout, "METHOD", "PUBLISH", 0);
	if (name)
		bk_ics_line(stdout, "X-WR-CALNAME", name, 1);
	for (i = 0; i < n; i++) {
		x.p = &plans[i];
		plan_events(db, &x);
	}
	fputs("END:VCALENDAR\r\n", stdout);
	bk_plan_info_free(plans, n);
	free(sid);
	return 0;
}
