/* icsplan.c - bk-plan export --format ics: the plans as an iCalendar
 * (RFC 5545) file */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bk.h"

struct plan_info {
	long long id;
	char name[80];
	bk_day start, end, last_dated;	/* end -1: open */
};

/* the plans to export: the one named, or every active plan */
static int
load_plans(struct bk_db *db, const char *name, struct plan_info **out)
{
	sqlite3_stmt *st;
	struct plan_info *p;
	long long id = 0;
	int n = 0;

	if (name && (id = bk_plan_find(db, name)) < 0)
		exit(BK_EXIT_USAGE);
	st = bk_db_prepare(db, "SELECT id, name, start_date, end_date,"
	    " (SELECT max(date) FROM plan_items WHERE plan_id = p.id)"
	    " FROM plans p WHERE (?1 = 0 AND active = 1) OR id = ?1"
	    " ORDER BY start_date, name");
	sqlite3_bind_int64(st, 1, id);
	*out = NULL;
	while (bk_db_step(db, st) == SQLITE_ROW) {
		*out = bk_xrealloc(*out, (n + 1) * sizeof **out);
		p = &(*out)[n++];
		memset(p, 0, sizeof *p);
		p->id = sqlite3_column_int64(st, 0);
		snprintf(p->name, sizeof p->name, "%s",
		    sqlite3_column_text(st, 1));
		bk_date_parse_iso((const char *)sqlite3_column_text(st, 2),
		    &p->start);
		p->end = p->last_dated = -1;
		if (sqlite3_column_type(st, 3) != SQLITE_NULL)
			bk_date_parse_iso((const char *)sqlite3_column_text(st,
			    3), &p->end);
		if (sqlite3_column_type(st, 4) != SQLITE_NULL)
			bk_date_parse_iso((const char *)sqlite3_column_text(st,
			    4), &p->last_dated);
	}
	sqlite3_finalize(st);
	return n;
}

/* the last day worth exporting of a plan: its end, or for an open-ended
 * one at least a week past its start, today and its last dated item */
static bk_day
plan_last(const struct plan_info *p, bk_day today, int extra)
{
	bk_day to;

	if (p->end >= 0)
		return p->end;
	to = p->start + 6;
	if (today + extra > to)
		to = today + extra;
	if (p->last_dated > to)
		to = p->last_dated;
	return to;
}

static void
row_dose(const struct bk_plan_row *r, int imperial, char *buf, size_t len)
{
	struct bk_tpl_dose d;

	bk_template_dose_init(&d);
	d.sets = r->sets;
	d.reps = r->reps;
	d.hold_s = r->hold_s;
	d.per_side = r->per_side;
	d.side = r->side ? bk_word_index(bk_template_sides, r->side) : 0;
	if (d.side < 0)
		d.side = 0;
	d.times = r->times;
	bk_plan_dose_format(&d, r->load_kg, imperial, buf, len);
}

struct ics {
	const struct plan_info *p;
	int imperial;
	char stamp[20];
	char date[11];
	char *desc;
	size_t desclen;
	FILE *dfp;
	int exercises;
	char test[32];
	long events;
};

static void
ics_flush(struct ics *x)
{
	char uid[160], v[160], compact[9], next[11];
	bk_day d;

	if (!x->dfp)
		return;
	fclose(x->dfp);
	x->dfp = NULL;
	if (x->exercises || x->test[0]) {
		bk_date_parse_iso(x->date, &d);
		snprintf(compact, sizeof compact, "%.4s%.2s%.2s", x->date,
		    x->date + 5, x->date + 8);
		fputs("BEGIN:VEVENT\r\n", stdout);
		snprintf(uid, sizeof uid, "%s-%s@backkit", compact, x->p->name);
		bk_ics_line(stdout, "UID", uid, 0);
		bk_ics_line(stdout, "DTSTAMP", x->stamp, 0);
		bk_ics_line(stdout, "DTSTART;VALUE=DATE", compact, 0);
		bk_date_format(d + 1, next);
		snprintf(compact, sizeof compact, "%.4s%.2s%.2s", next,
		    next + 5, next + 8);
		bk_ics_line(stdout, "DTEND;VALUE=DATE", compact, 0);
		if (x->p->end >= 0)
			snprintf(v, sizeof v, "%s: day %ld of %ld", x->p->name,
			    (long)(d - x->p->start + 1),
			    (long)(x->p->end - x->p->start + 1));
		else
			snprintf(v, sizeof v, "%s: day %ld", x->p->name,
			    (long)(d - x->p->start + 1));
		if (x->test[0]) {
			size_t n = strlen(v);

			snprintf(v + n, sizeof v - n, ", %s test", x->test);
		}
		bk_ics_line(stdout, "SUMMARY", v, 1);
		/* the last newline is not part of the text */
		if (x->desclen && x->desc[x->desclen - 1] == '\n')
			x->desc[x->desclen - 1] = '\0';
		bk_ics_line(stdout, "DESCRIPTION", x->desc, 1);
		bk_ics_line(stdout, "CATEGORIES", "backkit", 1);
		bk_ics_line(stdout, "TRANSP", "TRANSPARENT", 0);
		fputs("END:VEVENT\r\n", stdout);
		x->events++;
	}
	free(x->desc);
	x->desc = NULL;
	x->desclen = 0;
}

static int
ics_row(const struct bk_plan_row *r, void *data)
{
	struct ics *x = data;
	char dose[160];

	if (!x->dfp || strcmp(r->date, x->date) != 0) {
		ics_flush(x);
		snprintf(x->date, sizeof x->date, "%s", r->date);
		x->exercises = 0;
		x->test[0] = '\0';
		if (!(x->dfp = open_memstream(&x->desc, &x->desclen)))
			bk_errx(BK_EXIT_DATA, "cannot allocate memory");
	}
	if (strcmp(r->kind, "exercise") == 0) {
		row_dose(r, x->imperial, dose, sizeof dose);
		fprintf(x->dfp, "%s (%s): %s\n", r->name, r->item, dose);
		x->exercises++;
	} else if (strcmp(r->kind, "test") == 0) {
		fprintf(x->dfp, "%s %s: record it with bk-test %s\n",
		    strcmp(r->item, "pain") ? r->item : "Pain",
		    strcmp(r->item, "pain") ? "test" : "rating", r->item);
		snprintf(x->test, sizeof x->test, "%s", r->item);
	}
	return 0;
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
	struct plan_info *plans;
	struct bk_config cfg;
	struct ics x;
	int i, n;

	bk_config_load(&cfg);
	bk_db_open(db, o->db, BK_DB_READ);
	bk_plan_refresh(db, o->today);
	n = load_plans(db, name, &plans);
	if (n == 0)
		bk_errx(BK_EXIT_DATA, "cannot export: there are no plans");
	memset(&x, 0, sizeof x);
	x.imperial = cfg.imperial;
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
		/* an open-ended plan: twelve weeks ahead */
		bk_plan_rows(db, plans[i].id, plans[i].start,
		    plan_last(&plans[i], o->today, 83), o->today, ics_row, &x);
		ics_flush(&x);
	}
	fputs("END:VCALENDAR\r\n", stdout);
	free(plans);
	return 0;
}
