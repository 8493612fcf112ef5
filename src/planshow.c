/* planshow.c - bk-plan's reading of plans: list, show, today, check,
 * export */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bk.h"

static int
out_format(const struct bk_planopts *o)
{
	return o->fmt >= 0 ? o->fmt : (int)bk_format_default();
}


static void
open_plans(struct bk_db *db, const struct bk_planopts *o)
{
	bk_db_open(db, o->db, BK_DB_READ);
	bk_plan_refresh(db, o->today);
}

/* every row of st, as they are, then st finalized */
static void
stmt_out(struct bk_db *db, sqlite3_stmt *st, const struct bk_planopts *o,
    const char **cols, int n)
{
	struct bk_out *out = bk_out_new(stdout, out_format(o), cols, n);

	while (bk_db_step(db, st) == SQLITE_ROW)
		bk_out_stmt(out, st);
	bk_out_end(out);
	sqlite3_finalize(st);
}

int
bk_planshow_list(struct bk_db *db, const struct bk_planopts *o)
{
	static const char *cols[] = { "name", "template", "start", "end",
		"days", "phase", "status", "items" };
	sqlite3_stmt *st;
	char today[11];

	open_plans(db, o);
	st = bk_db_prepare(db, "SELECT name, template, start_date, end_date,"
	    " CAST(julianday(end_date) - julianday(start_date) AS INTEGER) + 1,"
	    " phase, CASE WHEN start_date > ?1 THEN 'upcoming'"
	    "  WHEN end_date < ?1 THEN CASE WHEN ended THEN 'ended'"
	    "  ELSE 'finished' END ELSE 'running' END,"
	    " (SELECT count(*) FROM plan_items pi WHERE pi.plan_id = p.id"
	    "  AND pi.kind = 'exercise')"
	    " FROM plans p ORDER BY start_date, name");
	sqlite3_bind_text(st, 1, bk_date_format(o->today, today), -1,
	    SQLITE_STATIC);
	stmt_out(db, st, o, cols, 8);
	return 0;
}

/* the last day worth reading of a plan: its end, or for an open-ended one
 * at least a week past its start, today and its last dated item */
static bk_day
plan_last(const struct bk_plan_info *p, bk_day today, int extra)
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

struct show {
	const struct bk_planopts *o;
	const struct bk_plan_info *p;
	struct bk_out *out;
	int table, imperial, measure;
	size_t witem, wdose;
	bk_day next, to;
	long rows, measured;
};

static void
row_item(const struct bk_plan_row *r, char *buf, size_t len)
{
	if (strcmp(r->kind, "test") == 0)
		snprintf(buf, len, "%s %s", r->item, strcmp(r->item, "pain") ?
		    "test" : "rating");
	else if (strcmp(r->kind, "rest") == 0)
		snprintf(buf, len, "rest day");
	else
		snprintf(buf, len, "%s", r->item);
}

static void
row_dose(const struct bk_plan_row *r, int imperial, char *buf, size_t len)
{
	struct bk_tpl_dose d;

	buf[0] = '\0';
	if (strcmp(r->kind, "exercise") != 0)
		return;
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

static void
day_header(struct show *s, bk_day day)
{
	char buf[32];

	bk_date_words(day, buf, sizeof buf);
	printf("%s  day %ld", buf, (long)(day - s->p->start + 1));
	if (s->p->end >= 0)
		printf(" of %ld", (long)(s->p->end - s->p->start + 1));
	if (day == s->o->today)
		fputs("  (today)", stdout);
	putchar('\n');
}

static void
empty_days(struct show *s, bk_day upto)
{
	for (; s->next < upto; s->next++) {
		day_header(s, s->next);
		puts("  nothing planned");
	}
}

static int
show_row(const struct bk_plan_row *r, void *data)
{
	static const int num[] = { 0, 0, 1, 1, 0, 0, 1, 1, 1, 1, 1, 0, 1, 0,
		0, 1, 1, 0, 0 };
	struct show *s = data;
	char item[96], dose[160], status[96], n[9][32];
	const char *v[19];
	size_t w;

	row_item(r, item, sizeof item);
	row_dose(r, s->imperial, dose, sizeof dose);
	if (s->measure) {
		s->measured++;
		if ((w = bk_term_width(item)) > s->witem)
			s->witem = w;
		if ((w = strlen(dose)) > s->wdose)
			s->wdose = w;
		return 0;
	}
	s->rows++;
	if (!s->table) {
		snprintf(n[0], 32, "%d", r->day_no);
		snprintf(n[1], 32, "%d", r->seq);
		snprintf(n[2], 32, "%ld", r->sets);
		snprintf(n[3], 32, "%ld", r->reps);
		snprintf(n[4], 32, "%ld", r->hold_s);
		snprintf(n[5], 32, "%g", r->load_kg);
		snprintf(n[6], 32, "%ld", r->logged);
		snprintf(n[7], 32, "%ld", r->needed);
		snprintf(n[8], 32, "%d", r->times);
		v[0] = r->date;
		v[1] = r->plan;
		v[2] = n[0];
		v[3] = n[1];
		v[4] = r->kind;
		v[5] = strcmp(r->kind, "rest") ? r->item : NULL;
		if (strcmp(r->kind, "exercise") == 0) {
			v[6] = n[2];
			v[7] = n[3];
			v[8] = n[4];
			v[9] = r->load_kg > 0 ? n[5] : NULL;
			v[10] = r->per_side ? "1" : "0";
			v[11] = r->side;
			v[12] = n[8];
		} else {
			v[6] = v[7] = v[8] = v[9] = NULL;
			v[10] = v[11] = v[12] = NULL;
		}
		v[13] = dose[0] ? dose : NULL;
		v[14] = r->phase;
		v[15] = strcmp(r->kind, "rest") ? n[6] : NULL;
		v[16] = strcmp(r->kind, "rest") ? n[7] : NULL;
		v[17] = r->status;
		v[18] = r->reason;
		bk_out_row(s->out, v, num);
		return 0;
	}
	if (r->day >= s->next) {
		empty_days(s, r->day);
		day_header(s, r->day);
		s->next = r->day + 1;
	}
	if (strcmp(r->status, "partly") == 0)
		snprintf(status, sizeof status, "partly %ld%s/%ld sets%s",
		    r->logged, r->one_side ? ".5" : "", r->needed,
		    r->logged >= r->needed ? ", below the dose" : "");
	else if (strcmp(r->status, "done") == 0 && r->needed > 1)
		snprintf(status, sizeof status, "done %ld/%ld", r->logged,
		    r->needed);
	else if (strcmp(r->status, "planned") == 0 ||
	    strcmp(r->status, "rest") == 0)
		status[0] = '\0';
	else
		snprintf(status, sizeof status, "%s", r->status);
	fputs("  ", stdout);
	bk_term_string(stdout, item);
	if (status[0] || dose[0]) {
		printf("%*s  %-*s", (int)(s->witem - bk_term_width(item)), "",
		    status[0] ? (int)s->wdose : 0, dose);
		if (status[0]) {
			printf("  %s", status);
			if (r->reason && strcmp(r->status, "skipped") == 0) {
				fputs(": ", stdout);
				bk_term_string(stdout, r->reason);
			}
		}
	}
	putchar('\n');
	return 0;
}

static void
plan_header(const struct bk_plan_info *p)
{
	char a[11], b[11];

	printf("plan %s: ", p->name);
	if (p->tmpl[0]) {
		/* a template's name may come from a file's name */
		bk_term_string(stdout, p->tmpl);
		fputs(", ", stdout);
	}
	printf("%s", bk_date_format(p->start, a));
	if (p->end >= 0)
		printf(" to %s", bk_date_format(p->end, b));
	else
		fputs(", open-ended", stdout);
	if (p->phase[0]) {
		printf(", phase %s", p->phase);
		if (p->phase_start > p->start)
			printf(" since %s", bk_date_format(p->phase_start, a));
	}
	putchar('\n');
}

static bk_day
week_start(bk_day d, const struct bk_config *cfg)
{
	int w = bk_date_weekday(d);

	return cfg->week_sunday ? d - (w % 7) : d - (w - 1);
}

int
bk_planshow_show(struct bk_db *db, struct bk_planopts *o, const char *name,
    int today_only)
{
	static const char *cols[] = { "date", "plan", "day", "seq", "kind",
		"item", "sets", "reps", "hold_s", "load_kg", "per_side", "side",
		"times", "dose", "phase", "logged", "needed", "status",
		"reason" };
	struct bk_plan_info *plans;
	struct bk_config cfg;
	struct show s;
	bk_day from, to, wk;
	char a[32], b[32];
	int i, n, shown = 0;

	bk_config_load(&cfg);
	open_plans(db, o);
	if (o->week_or_plan && bk_plan_id(db, name) < 0 &&
	    bk_date_parse(name, o->today, BK_DATE_FUTURE, &wk) == 0) {
		o->week_date = wk;
		o->has_week = 1;
		name = NULL;
	}
	n = bk_plan_info_load(db, name, &plans);
	memset(&s, 0, sizeof s);
	s.o = o;
	s.imperial = cfg.imperial;
	s.table = out_format(o) == BK_FMT_TABLE;
	if (!s.table)
		s.out = bk_out_new(stdout, out_format(o), cols, 19);
	for (i = 0; i < n; i++) {
		s.p = &plans[i];
		if (today_only || o->has_date)
			from = to = today_only ? o->today : o->date;
		else if (o->all) {
			from = plans[i].start;
			to = plan_last(&plans[i], o->today, 0);
		} else {
			wk = week_start(o->has_week ? o->week_date : o->today,
			    &cfg);
			/* by default, a plan not yet begun or already over
			 * shows its first or its last week */
			if (!o->week && wk + 6 < plans[i].start)
				wk = week_start(plans[i].start, &cfg);
			else if (!o->week && plans[i].end >= 0 &&
			    wk > plans[i].end)
				wk = week_start(plans[i].end, &cfg);
			from = wk;
			to = wk + 6;
		}
		if (from < plans[i].start)
			from = plans[i].start;
		if (plans[i].end >= 0 && to > plans[i].end)
			to = plans[i].end;
		if (to < from)
			continue;
		if (s.table) {
			s.measure = 1;
			s.witem = s.wdose = 0;
			s.measured = 0;
			bk_plan_rows(db, plans[i].id, from, to, o->today,
			    show_row, &s);
			s.measure = 0;
			/* the morning list leaves out plans idle today */
			if (today_only && s.measured == 0)
				continue;
			if (shown++)
				putchar('\n');
			plan_header(&plans[i]);
			s.next = from;
		}
		bk_plan_rows(db, plans[i].id, from, to, o->today, show_row, &s);
		if (s.table)
			empty_days(&s, to + 1);
	}
	if (!s.table)
		bk_out_end(s.out);
	else if (!shown && n == 0 && !name)
		puts("no plans yet: make one with 'bk-plan new NAME "
		    "[--template T]'");
	else if (!shown) {
		if (today_only || o->has_date) {
			bk_date_words(today_only ? o->today : o->date, a, sizeof a);
			printf("nothing planned on %s\n", a);
		} else {
			wk = week_start(o->has_week ? o->week_date : o->today,
			    &cfg);
			bk_date_words(wk, a, sizeof a);
			bk_date_words(wk + 6, b, sizeof b);
			printf("nothing planned from %s to %s\n", a, b);
		}
		/* a plan not begun yet says when it begins */
		to = today_only || o->has_date ? (today_only ? o->today :
		    o->date) : wk + 6;
		for (i = 0; i < n; i++)
			if (plans[i].start > to) {
				fputs("plan ", stdout);
				bk_term_string(stdout, plans[i].name);
				printf(" begins on %s\n", bk_date_words(
				    plans[i].start, a, sizeof a));
			}
	}
	bk_plan_info_free(plans, n);
	return 0;
}

int
bk_planshow_check(struct bk_db *db, const struct bk_planopts *o, const char *name)
{
	struct bk_plan_info *plans;
	int i, n, warned = 0;

	open_plans(db, o);
	n = bk_plan_info_load(db, name, &plans);
	for (i = 0; i < n; i++) {
		if (bk_plan_check(db, plans[i].id, plans[i].name, o->today,
		    stdout) > 0)
			warned = 1;
		else
			printf("%s: no warnings\n", plans[i].name);
	}
	if (n == 0)
		puts("no plans to check");
	bk_plan_info_free(plans, n);
	return warned ? BK_EXIT_DATA : 0;
}

/* --- export -------------------------------------------------------- */

int
bk_planshow_export(struct bk_db *db, const struct bk_planopts *o, const char *name)
{
	static const char *cols[] = { "date", "weekday", "plan", "phase",
		"seq", "kind", "item", "sets", "reps", "hold_s", "load_kg",
		"per_side", "side", "times", "rest_s" };
	sqlite3_stmt *st;
	long long id = 0;

	open_plans(db, o);
	if (name && (id = bk_plan_find(db, name)) < 0)
		exit(BK_EXIT_USAGE);
	st = bk_db_prepare(db, "SELECT pi.date, pi.weekday, p.name,"
	    " pi.phase, pi.seq, pi.kind,"
	    " coalesce(e.slug, pi.test_kind), pi.sets, pi.reps,"
	    " pi.hold_s, pi.load_kg, pi.per_side, pi.side, pi.times,"
	    " pi.rest_s FROM plan_items pi JOIN plans p"
	    " ON p.id = pi.plan_id LEFT JOIN exercises e"
	    " ON e.id = pi.exercise_id"
	    " WHERE (?1 = 0 AND p.active = 1) OR p.id = ?1"
	    " ORDER BY p.start_date, p.name, pi.date IS NULL,"
	    " pi.date, pi.weekday, pi.seq, pi.id");
	sqlite3_bind_int64(st, 1, id);
	stmt_out(db, st, o, cols, 15);
	return 0;
}
