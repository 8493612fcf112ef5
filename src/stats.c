/* stats.c - periods and the report queries of bk-stats. Every report is
 * one statement over indexed columns, stepped by the caller so that rows
 * stream out; nothing here holds more than a row of the history. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bk.h"

/* Parameters every query shares: ?1 since, ?2 until, ?3 exercise id,
 * ?4 plan id, ?5 the first day of this week (summary only), ?6 the
 * period mode of bk_period(). */

/* the sets a report looks at: a date range on sets_date, and filters */
#define SETS_WINDOW \
	" s.date >= ?1 AND s.date <= ?2" \
	" AND (?3 IS NULL OR s.exercise_id = ?3)" \
	" AND (?4 IS NULL OR s.plan_item_id IN" \
	"   (SELECT pi.id FROM plan_items pi WHERE pi.plan_id = ?4))"

/* the counts of planned item pi on day d that its status is made of
 * (quantity.c's definition): halves at the dose, halves at all, skips,
 * halves needed */
#define ITEM_COUNTS(d) \
	" " BK_ITEM_FULL_SQL(d, "pi") ", " BK_ITEM_ANY_SQL(d, "pi") "," \
	" " BK_ITEM_SKIPS_SQL(d, "pi") ", " BK_ITEM_NEEDED_SQL("pi")

/* The planned exercise items due on each day from ?1 (default: the
 * first day of the active plans) to ?2, with their status. An item is
 * dated, or weekly: due on its weekday from its plan's start to its end.
 * Dated items are read from their index, whatever the span; the days of
 * weekly items are walked, but never from before the earlier of the
 * first set ever logged and a year before ?2 (bk-stats(1)), so a plan
 * started in year 1 costs the days since it was used, not two thousand
 * years. */
#define DUE_CTE \
	"WITH RECURSIVE" \
	" days(d) AS (" \
	"  SELECT s FROM (SELECT max(coalesce(?1, (" \
	"    SELECT min(p.start_date) FROM plans p" \
	"    WHERE p.active = 1 AND (?4 IS NULL OR p.id = ?4)))," \
	"   min(coalesce((SELECT min(date) FROM sets), ?2)," \
	"    date(?2, '-1 year'))) AS s)" \
	"  WHERE s IS NOT NULL AND s <= ?2" \
	"  UNION ALL SELECT date(d, '+1 day') FROM days WHERE d < ?2)," \
	" dd(d) AS (SELECT DISTINCT date FROM plan_items" \
	"  WHERE date >= coalesce(?1, '0000-01-01') AND date <= ?2)," \
	" sc(d, plan_id, full, anyh, skips, needed) AS (" \
	"  SELECT dd.d, p.id," ITEM_COUNTS("dd.d") \
	"  FROM dd" \
	"  JOIN plan_items pi ON pi.date = dd.d" \
	"  JOIN plans p ON p.id = pi.plan_id" \
	"  WHERE p.active = 1 AND pi.kind = 'exercise'" \
	"  AND (?3 IS NULL OR pi.exercise_id = ?3)" \
	"  AND (?4 IS NULL OR p.id = ?4)" \
	"  UNION ALL" \
	"  SELECT days.d, p.id," ITEM_COUNTS("days.d") \
	"  FROM days" \
	"  CROSS JOIN plans p ON days.d >= p.start_date" \
	"   AND (p.end_date IS NULL OR days.d <= p.end_date)" \
	"  CROSS JOIN plan_items pi ON pi.plan_id = p.id" \
	"   AND pi.weekday = (CAST(strftime('%w', days.d) AS INTEGER) + 6) % 7 + 1" \
	"  WHERE +pi.date IS NULL AND p.active = 1 AND pi.kind = 'exercise'" \
	"  AND (?3 IS NULL OR pi.exercise_id = ?3)" \
	"  AND (?4 IS NULL OR p.id = ?4))," \
" st(d, plan_id, done, partly, skipped) AS (SELECT d, plan_id," \
	"  full >= needed, full < needed AND anyh > 0," \
	"  anyh = 0 AND skips > 0 FROM sc)"

#define PERCENT "round(100.0 * sum(done) / count(*), 1)"

int
bk_stats_by_parse(const char *s)
{
	static const char *const names[] = { "day", "week", "month", NULL };

	return bk_word_index(names, s);
}

bk_day
bk_stats_week_start(bk_day day, int week_sunday)
{
	int wd = bk_date_weekday(day);

	return week_sunday ? day - wd % 7 : day - (wd - 1);
}

int
bk_stats_period(const char *date, enum bk_by by, int week_sunday, char *buf)
{
	char tmp[32];
	bk_day d;
	int y, w;

	if (!date || bk_date_parse_iso(date, &d) != 0)
		return -1;
	switch (by) {
	case BK_BY_DAY:
		bk_date_format(d, buf);
		return 0;
	case BK_BY_MONTH:
		memcpy(buf, date, 7);
		buf[7] = '\0';
		return 0;
	case BK_BY_WEEK:
		/* a Sunday-first week is the ISO week of its Monday */
		bk_date_isoweek(week_sunday ? d + 1 : d, &y, &w);
		snprintf(tmp, sizeof tmp, "%04d-W%02d", y, w);
		memcpy(buf, tmp, 9);
		buf[8] = '\0';
		return 0;
	}
	return -1;
}

/* bk_period(date, mode): mode 0 day, 1 week from Monday, 2 week from
 * Sunday, 3 month */
static void
period_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	static const enum bk_by by[] = { BK_BY_DAY, BK_BY_WEEK, BK_BY_WEEK,
		BK_BY_MONTH };
	int mode = sqlite3_value_int(argv[1]);
	char buf[16];

	(void)argc;
	if (mode < 0 || mode > 3)
		mode = 0;
	if (bk_stats_period((const char *)sqlite3_value_text(argv[0]),
	    by[mode], mode == 2, buf) != 0)
		sqlite3_result_null(ctx);
	else
		sqlite3_result_text(ctx, buf, -1, SQLITE_TRANSIENT);
}

void
bk_stats_init(struct bk_db *db)
{
	if (sqlite3_create_function(db->h, "bk_period", 2,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, period_fn, NULL,
	    NULL) != SQLITE_OK)
		bk_db_die(db, "read");
}

static void
bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (i > sqlite3_bind_parameter_count(st))
		return;
	if (s && *s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

static void
bind_id(sqlite3_stmt *st, int i, long long id)
{
	if (i > sqlite3_bind_parameter_count(st))
		return;
	if (id >= 0)
		sqlite3_bind_int64(st, i, id);
	else
		sqlite3_bind_null(st, i);
}

/* prepare sql and bind the window [since, until] and the filters */
static sqlite3_stmt *
query(struct bk_db *db, const char *sql, const struct bk_stats_filter *f,
    const char *since, const char *until)
{
	sqlite3_stmt *st = bk_db_prepare(db, sql);

	bind_text(st, 1, since);
	bind_text(st, 2, until);
	bind_id(st, 3, f->exercise);
	bind_id(st, 4, f->plan);
	if (sqlite3_bind_parameter_count(st) >= 6)
		sqlite3_bind_int(st, 6, f->by == BK_BY_DAY ? 0 :
		    f->by == BK_BY_MONTH ? 3 : f->week_sunday ? 2 : 1);
	return st;
}

static const char *
since_or_first(const struct bk_stats_filter *f)
{
	return f->since[0] ? f->since : "0000-01-01";
}

static const char *
until_or_last(const struct bk_stats_filter *f)
{
	return f->until[0] ? f->until : "9999-12-31";
}

/* the end of the window, never after today (buf >= 11 bytes) */
static const char *
until_today(const struct bk_stats_filter *f, char *buf)
{
	bk_date_format(f->today, buf);
	if (f->until[0] && strcmp(f->until, buf) < 0)
		return f->until;
	return buf;
}

/* the volume of an exercise's sets: working sets, reps, held seconds,
 * load moved, warm-up sets */
#define VOLUME_COLUMNS \
	" count(CASE WHEN " BK_WORKING_SQL("s") " THEN 1 END) AS sets," \
	" coalesce(sum(CASE WHEN " BK_WORKING_SQL("s") " THEN s.reps END)," \
	"  0) AS reps," \
	" coalesce(sum(CASE WHEN " BK_WORKING_SQL("s") " THEN " \
	BK_HELD_SQL("s") " END), 0) AS hold_seconds," \
	" round(coalesce(sum(CASE WHEN " BK_WORKING_SQL("s") " THEN " \
	BK_MOVED_SQL("s") " END), 0), 2) AS load_kg," \
	" count(CASE WHEN " BK_WARMUP_SQL("s") " THEN 1 END) AS warmup_sets,"

sqlite3_stmt *
bk_stats_volume(struct bk_db *db, const struct bk_stats_filter *f)
{
	return query(db, "SELECT bk_period(s.date, ?6) AS period,"
	    " e.slug AS exercise," VOLUME_COLUMNS
	    " e.id, min(s.date)"
	    " FROM sets s JOIN exercises e ON e.id = s.exercise_id"
	    " WHERE s.skipped = 0 AND" SETS_WINDOW
	    " GROUP BY period, e.id ORDER BY period, e.slug", f,
	    since_or_first(f), until_or_last(f));
}

sqlite3_stmt *
bk_stats_adherence(struct bk_db *db, const struct bk_stats_filter *f)
{
	char today[11];

	return query(db, DUE_CTE
	    " SELECT bk_period(st.d, ?6) AS period, p.name AS plan,"
	    " count(*) AS planned, sum(done) AS done,"
	    " sum(skipped) AS skipped, " PERCENT " AS percent,"
	    " sum(partly) AS partly"
	    " FROM st CROSS JOIN plans p ON p.id = st.plan_id"
	    " GROUP BY period, st.plan_id ORDER BY period, p.name", f,
	    f->since, until_today(f, today));
}

sqlite3_stmt *
bk_stats_adherence_total(struct bk_db *db, const struct bk_stats_filter *f)
{
	char today[11];

	return query(db, DUE_CTE
	    " SELECT bk_period(d, ?6) AS period, count(*), sum(done),"
	    " sum(skipped), " PERCENT ", sum(partly)"
	    " FROM st GROUP BY period ORDER BY period", f, f->since,
	    until_today(f, today));
}

sqlite3_stmt *
bk_stats_flex(struct bk_db *db, const struct bk_stats_filter *f,
    int by_kind)
{
	/* a toe-touch test is the best of the tries of its day */
	return query(db, by_kind ?
	    "SELECT kind, date, max(value_cm) FROM measurements"
	    " WHERE kind IN ('sit-and-reach', 'toe-touch')"
	    " AND date >= ?1 AND date <= ?2"
	    " GROUP BY kind, date HAVING max(value_cm) IS NOT NULL"
	    " ORDER BY kind, date" :
	    "SELECT date, kind, max(value_cm) AS reach_cm FROM measurements"
	    " WHERE kind IN ('sit-and-reach', 'toe-touch')"
	    " AND date >= ?1 AND date <= ?2"
	    " GROUP BY date, kind ORDER BY date, kind", f,
	    since_or_first(f), until_or_last(f));
}

sqlite3_stmt *
bk_stats_pain(struct bk_db *db, const struct bk_stats_filter *f,
    int by_region)
{
	return query(db, by_region ?
	    "SELECT coalesce(region, ''), date, max(value) FROM measurements"
	    " WHERE kind = 'pain' AND date >= ?1 AND date <= ?2"
	    " AND value IS NOT NULL"
	    " GROUP BY region, date ORDER BY region, date" :
	    "SELECT date, region, value AS rating FROM measurements"
	    " WHERE kind = 'pain' AND date >= ?1 AND date <= ?2"
	    " ORDER BY date, time, id", f,
	    since_or_first(f), until_or_last(f));
}

/* Of day d, for the streak: done (a set was done), kept (bk-stats(1):
 * done, or covered by an active plan with nothing due), and the next
 * day the walk looks at: the day after a kept day, else the next day a
 * set was done, for a run starts only there. So the walk costs the days
 * with sets and the kept days after them, not the calendar between. */
#define STREAK_DONE(d) \
	"EXISTS (SELECT 1 FROM sets s WHERE s.date = " d \
	" AND s.skipped = 0 AND" SETS_WINDOW ")"
#define STREAK_COVERED(d) \
	"(EXISTS (SELECT 1 FROM plans p" \
	" WHERE p.active = 1 AND (?4 IS NULL OR p.id = ?4)" \
	" AND " d " >= p.start_date" \
	" AND (p.end_date IS NULL OR " d " <= p.end_date))" \
	" AND NOT EXISTS (SELECT 1 FROM plan_items pi JOIN plans p" \
	" ON p.id = pi.plan_id WHERE p.active = 1" \
	" AND pi.kind = 'exercise' AND (?4 IS NULL OR p.id = ?4)" \
	" AND (?3 IS NULL OR pi.exercise_id = ?3)" \
	" AND (pi.date = " d " OR (pi.date IS NULL AND pi.weekday =" \
	" (CAST(strftime('%w', " d ") AS INTEGER) + 6) % 7 + 1" \
	" AND " d " >= p.start_date AND (p.end_date IS NULL OR" \
	" " d " <= p.end_date)))))"
/* The walk takes three steps a day, each computing one thing from the
 * step before, so that each is computed once: step 0 has the day, step 1
 * whether it was done, step 2 whether it was kept; from step 2, step 0
 * of the next day, and the runs so far: the current run's first done day
 * fd (NULL: none yet since the last break), its length n and last day cl,
 * the longest run bn, bf to bl (the later of two as long), and the last
 * day done la. */
#define STREAK_FIRST(w) \
	"coalesce(" w ".fd, CASE WHEN " w ".done THEN " w ".d END)"
#define STREAK_GROWS(w) "(" w ".kept AND " STREAK_FIRST(w) " IS NOT NULL)"
/* a day not kept breaks the run, but today only once it is over */
#define STREAK_BREAKS(w) "(NOT " w ".kept AND " w ".d < ?2)"
#define STREAK_RUN(w, col, grows, breaks) \
	" CASE WHEN " w ".ph < 2 THEN " w "." col \
	"  WHEN " STREAK_GROWS(w) " THEN " grows \
	"  WHEN " STREAK_BREAKS(w) " THEN " breaks " ELSE " w "." col " END,"
#define STREAK_STEP(w) \
	" CASE WHEN " w ".ph < 2 THEN " w ".d" \
	"  WHEN " w ".d >= ?2 THEN NULL WHEN " w ".kept" \
	"  THEN date(" w ".d, '+1 day') ELSE (SELECT min(s.date) FROM sets s" \
	"  WHERE s.date > " w ".d AND s.skipped = 0 AND" SETS_WINDOW ") END," \
	" (" w ".ph + 1) % 3," \
	" CASE " w ".ph WHEN 0 THEN " STREAK_DONE(w ".d") " ELSE " w ".done END," \
	" CASE " w ".ph WHEN 1 THEN " w ".done OR " STREAK_COVERED(w ".d") \
	"  ELSE " w ".kept END," \
	STREAK_RUN(w, "fd", STREAK_FIRST(w), "NULL") \
	STREAK_RUN(w, "n", w ".n + 1", "0") \
	STREAK_RUN(w, "cl", w ".d", "NULL") \
	STREAK_RUN(w, "bn", "max(" w ".bn, " w ".n + 1)", w ".bn") \
	STREAK_RUN(w, "bf", "CASE WHEN " w ".n + 1 >= " w ".bn THEN " \
	    STREAK_FIRST(w) " ELSE " w ".bf END", w ".bf") \
	STREAK_RUN(w, "bl", "CASE WHEN " w ".n + 1 >= " w ".bn THEN " w ".d" \
	    " ELSE " w ".bl END", w ".bl") \
	" CASE WHEN " w ".ph = 2 AND " w ".done THEN " w ".d ELSE " w ".la END"

sqlite3_stmt *
bk_stats_streak(struct bk_db *db, const struct bk_stats_filter *f)
{
	char today[11];

	/* Kept days in a row (bk-stats(1)): a day is kept when something
	 * was done, or when an active plan covers it and nothing was due
	 * (a rest day, a weekday the plan does not train); a day with
	 * something due and nothing done breaks the run, a day no plan
	 * covers breaks it when nothing was done. Today breaks nothing until
	 * it is over. A run starts on a day something was done. The walk
	 * ends on a row without a day, holding the runs. */
	return query(db, "WITH RECURSIVE"
	    " w(d, ph, done, kept, fd, n, cl, bn, bf, bl, la) AS ("
	    "  SELECT (SELECT min(s.date) FROM sets s WHERE s.skipped = 0"
	    "   AND" SETS_WINDOW "), 0, 0, 0, NULL, 0, NULL, 0, NULL, NULL,"
	    "   NULL"
	    "  UNION ALL"
	    "  SELECT" STREAK_STEP("w") " FROM w"
	    "  WHERE w.d IS NOT NULL)"
	    " SELECT CASE WHEN fd IS NOT NULL AND cl >= date(?2, '-1 day')"
	    "  THEN n ELSE 0 END AS current_days,"
	    " CASE WHEN fd IS NOT NULL AND cl >= date(?2, '-1 day')"
	    "  THEN fd END AS current_since,"
	    " bn AS longest_days, bf AS longest_from, bl AS longest_to,"
	    " la AS last_active FROM w WHERE d IS NULL", f,
	    since_or_first(f), until_today(f, today));
}

sqlite3_stmt *
bk_stats_exercises(struct bk_db *db, const struct bk_stats_filter *f,
    int by_sets)
{
	return query(db, by_sets ?
	    "SELECT e.slug AS exercise, e.name, count(*) AS sets, e.id"
	    " FROM sets s JOIN exercises e ON e.id = s.exercise_id"
	    " WHERE s.skipped = 0 AND" SETS_WINDOW
	    " GROUP BY e.id ORDER BY sets DESC, e.slug" :
	    "SELECT e.slug AS exercise, e.name,"
	    " count(CASE WHEN " BK_WORKING_SQL("s") " THEN 1 END) AS sets,"
	    " coalesce(sum(CASE WHEN " BK_WORKING_SQL("s") " THEN s.reps END),"
	    "  0) AS reps,"
	    " coalesce(sum(CASE WHEN " BK_WORKING_SQL("s") " THEN "
	    BK_HELD_SQL("s") " END), 0) AS hold_seconds,"
	    " max(CASE WHEN " BK_WORKING_SQL("s") " THEN s.load_kg END)"
	    "  AS best_load_kg,"
	    " max(CASE WHEN " BK_WORKING_SQL("s") " THEN s.hold_s END)"
	    "  AS best_hold_seconds,"
	    " max(s.date) AS last_done,"
	    " count(CASE WHEN " BK_WARMUP_SQL("s") " THEN 1 END) AS warmup_sets"
	    " FROM sets s JOIN exercises e ON e.id = s.exercise_id"
	    " WHERE s.skipped = 0 AND" SETS_WINDOW
	    " GROUP BY e.id ORDER BY e.slug", f,
	    since_or_first(f), until_or_last(f));
}

void
bk_stats_explain(struct bk_db *db, sqlite3_stmt *st, FILE *fp)
{
	char *sql = sqlite3_expanded_sql(st), *eqp;
	sqlite3_stmt *q;
	size_t n;

	if (!sql)
		bk_errx(BK_EXIT_DATA, "cannot allocate memory");
	n = strlen(sql) + 32;
	eqp = bk_xmalloc(n);
	snprintf(eqp, n, "EXPLAIN QUERY PLAN %s", sql);
	sqlite3_free(sql);
	q = bk_db_prepare(db, eqp);
	while (bk_db_step(db, q) == SQLITE_ROW)
		fprintf(fp, "%s\n", sqlite3_column_text(q, 3));
	sqlite3_finalize(q);
	free(eqp);
}

int
bk_stats_floor_date(struct bk_db *db, bk_day *out)
{
	struct bk_series s;

	/* the projection of bk-test progress, from the same series */
	memset(&s, 0, sizeof s);
	s.kind = "toe-touch";
	bk_series_read(db, &s, NULL, NULL, NULL);
	if (!s.p.projected)
		return -1;
	*out = s.p.zero_day;
	return 0;
}

/* The summary: a screen for a person, not for scripts. */

#define COL(st, i) ((const char *)sqlite3_column_text((st), (i)))

/* a date from the store, printed only when it is one */
static const char *
day_col(sqlite3_stmt *st, int i)
{
	const char *s = COL(st, i);
	bk_day d;

	return s && bk_date_parse_iso(s, &d) == 0 ? s : "?";
}

/* a number without trailing zeros, at most one decimal */
static char *
num(double v, char *buf, size_t len)
{
	v = round(v * 10) / 10;
	snprintf(buf, len, "%.10g", v == 0 ? 0 : v);
	return buf;
}

static char *
length(double cm, int imperial, char *buf, size_t len)
{
	char n[32];

	if (imperial)
		snprintf(buf, len, "%s%s in", cm > 0 ? "+" : "",
		    num(cm / 2.54, n, sizeof n));
	else
		snprintf(buf, len, "%s%s cm", cm > 0 ? "+" : "",
		    num(cm, n, sizeof n));
	return buf;
}

static void
summary_plans(struct bk_db *db, const struct bk_stats_filter *f,
    const char *week, FILE *fp)
{
	struct bk_stats_filter all = *f;
	sqlite3_stmt *st;
	char today[11];
	long long planned, done, skipped, wplanned, wdone, partly, open;
	char now[11];
	int n = 0;

	all.since[0] = all.until[0] = '\0';
	all.exercise = -1;
	st = query(db, DUE_CTE
	    " SELECT p.name, p.start_date, p.end_date, coalesce(a.planned, 0),"
	    " coalesce(a.done, 0), coalesce(a.skipped, 0),"
	    " coalesce(a.wplanned, 0), coalesce(a.wdone, 0),"
	    " coalesce(a.partly, 0), coalesce(a.open, 0)"
	    " FROM plans p LEFT JOIN (SELECT plan_id, count(*) AS planned,"
	    "  sum(done) AS done, sum(skipped) AS skipped,"
	    "  sum(partly) AS partly,"
	    /* today's items not touched yet are still due, not missed */
	    "  sum(d = ?6 AND NOT done AND NOT partly AND NOT skipped) AS open,"
	    "  sum(d >= ?5) AS wplanned, sum(done AND d >= ?5) AS wdone"
	    "  FROM st GROUP BY plan_id) a ON a.plan_id = p.id"
	    " WHERE p.active = 1 AND (?4 IS NULL OR p.id = ?4)"
	    " ORDER BY p.name", &all, NULL, until_today(&all, today));
	bind_text(st, 5, week);
	bind_text(st, 6, bk_date_format(f->today, now));
	while (bk_db_step(db, st) == SQLITE_ROW) {
		if (n++ == 0)
			fputs("Plans\n", fp);
		planned = sqlite3_column_int64(st, 3);
		done = sqlite3_column_int64(st, 4);
		skipped = sqlite3_column_int64(st, 5);
		wplanned = sqlite3_column_int64(st, 6);
		wdone = sqlite3_column_int64(st, 7);
		partly = sqlite3_column_int64(st, 8);
		open = sqlite3_column_int64(st, 9);
		fputs("  ", fp);
		bk_term_string(fp, COL(st, 0));
		fprintf(fp, " (from %s%s%s)\n", day_col(st, 1),
		    COL(st, 2) ? " to " : "", COL(st, 2) ? day_col(st, 2) : "");
		if (planned == 0) {
			fputs("    nothing due yet\n", fp);
			continue;
		}
		fprintf(fp, "    adherence: %lld of %lld done (%lld%%), "
		    "%lld partly, %lld skipped, %lld missed", done, planned,
		    (done * 100 + planned / 2) / planned, partly, skipped,
		    planned - done - partly - skipped - open);
		if (open)
			fprintf(fp, ", %lld due today", open);
		fputc('\n', fp);
		fprintf(fp, "    this week: %lld of %lld done\n", wdone,
		    wplanned);
	}
	sqlite3_finalize(st);
	if (n == 0)
		fputs("Plans\n  no active plan (see bk-plan templates)\n", fp);
}

static void
summary_volume(struct bk_db *db, const struct bk_stats_filter *f,
    const char *week, const char *label, int imperial, FILE *fp)
{
	struct bk_stats_filter w = *f;
	sqlite3_stmt *st;
	char a[32], b[32];
	double load;
	size_t width;
	int n = 0;

	snprintf(w.since, sizeof w.since, "%s", week);
	bk_date_format(f->today, w.until);
	w.by = BK_BY_WEEK;
	w.exercise = -1;
	/* bk_stats_volume's columns for one week: no period to compute */
	st = query(db, "SELECT NULL, e.slug," VOLUME_COLUMNS " e.id"
	    " FROM sets s JOIN exercises e ON e.id = s.exercise_id"
	    " WHERE s.skipped = 0 AND" SETS_WINDOW
	    " GROUP BY e.id ORDER BY e.slug", &w, w.since, w.until);
	fprintf(fp, "\nThis week (%s)\n", label);
	while (bk_db_step(db, st) == SQLITE_ROW) {
		n++;
		fputs("  ", fp);
		bk_term_string(fp, COL(st, 1));
		width = bk_term_width(COL(st, 1));
		fprintf(fp, "%*s%3lld %s", width < 24 ? (int)(24 - width) : 1,
		    "", (long long)sqlite3_column_int64(st, 2),
		    sqlite3_column_int64(st, 2) == 1 ? "set " : "sets");
		if (sqlite3_column_int64(st, 3) > 0)
			fprintf(fp, "  %5lld reps",
			    (long long)sqlite3_column_int64(st, 3));
		if (sqlite3_column_double(st, 4) > 0)
			fprintf(fp, "  %s held", bk_duration_format(
			    lround(sqlite3_column_double(st, 4)), a, sizeof a));
		if ((load = sqlite3_column_double(st, 5)) > 0)
			fprintf(fp, "  %s %s moved", num(imperial ?
			    load * 2.2046226 : load, b, sizeof b),
			    imperial ? "lb" : "kg");
		if (sqlite3_column_int64(st, 6) > 0)
			fprintf(fp, "  (+%lld warm-up)",
			    (long long)sqlite3_column_int64(st, 6));
		fputc('\n', fp);
	}
	sqlite3_finalize(st);
	if (n == 0)
		fputs("  nothing logged yet\n", fp);
}

static void
summary_streak(struct bk_db *db, const struct bk_stats_filter *f, FILE *fp)
{
	struct bk_stats_filter all = *f;
	sqlite3_stmt *st;

	all.since[0] = all.until[0] = '\0';
	all.exercise = all.plan = -1;
	st = bk_stats_streak(db, &all);
	bk_db_step(db, st);
	fputs("\nStreak\n", fp);
	if (sqlite3_column_type(st, 5) == SQLITE_NULL)
		fputs("  no sets logged yet\n", fp);
	else {
		if (sqlite3_column_int64(st, 0) > 0)
			fprintf(fp, "  current: %lld day%s, since %s\n",
			    (long long)sqlite3_column_int64(st, 0),
			    sqlite3_column_int64(st, 0) == 1 ? "" : "s",
			    day_col(st, 1));
		else
			fputs("  current: none (log a set today to start "
			    "one)\n", fp);
		fprintf(fp, "  longest: %lld day%s, %s to %s\n",
		    (long long)sqlite3_column_int64(st, 2),
		    sqlite3_column_int64(st, 2) == 1 ? "" : "s", day_col(st, 3),
		    day_col(st, 4));
		fprintf(fp, "  last active: %s\n", day_col(st, 5));
	}
	sqlite3_finalize(st);
}

static void
summary_toe_touch(struct bk_db *db, const struct bk_stats_filter *f,
    int imperial, FILE *fp)
{
	static const char *const levels[] = { "", "knees", "shins", "ankles",
		"toes", "floor", "knuckles", "palms" };
	struct bk_series ser;
	sqlite3_stmt *st;
	char today[11], a[48];
	int lv;

	st = bk_db_prepare(db, "WITH t(date, r, lv) AS MATERIALIZED ("
	    " SELECT date, max(value_cm), max(" BK_LEVEL_RANK_SQL ")"
	    " FROM measurements WHERE kind = 'toe-touch' AND date <= ?1"
	    " GROUP BY date)"
	    " SELECT l.date, l.r, l.lv, b.date, b.r, (SELECT count(*) FROM t)"
	    " FROM (SELECT * FROM t ORDER BY date DESC LIMIT 1) l"
	    " LEFT JOIN (SELECT * FROM t WHERE r IS NOT NULL"
	    "  ORDER BY r DESC, date DESC LIMIT 1) b");
	sqlite3_bind_text(st, 1, bk_date_format(f->today, today), -1,
	    SQLITE_TRANSIENT);
	fputs("\nToe-touch (fingertips to the floor, 0 = touching)\n", fp);
	if (bk_db_step(db, st) != SQLITE_ROW) {
		fputs("  no test yet (see bk-test how toe-touch)\n", fp);
		sqlite3_finalize(st);
		return;
	}
	lv = sqlite3_column_int(st, 2);
	if (sqlite3_column_type(st, 1) != SQLITE_NULL)
		fprintf(fp, "  latest: %s on %s\n", length(
		    sqlite3_column_double(st, 1), imperial, a, sizeof a),
		    day_col(st, 0));
	else
		fprintf(fp, "  latest: %s on %s\n", lv >= 1 && lv <= 7 ?
		    levels[lv] : "?", day_col(st, 0));
	/* the tests and the projection of bk-test progress, from the same
	 * series */
	memset(&ser, 0, sizeof ser);
	ser.kind = "toe-touch";
	bk_series_read(db, &ser, NULL, today, NULL);
	if (sqlite3_column_type(st, 4) != SQLITE_NULL)
		fprintf(fp, "  best:   %s on %s (%ld test%s)\n", length(
		    sqlite3_column_double(st, 4), imperial, a, sizeof a),
		    day_col(st, 3), ser.tests, ser.tests == 1 ? "" : "s");
	if (ser.p.projected)
		fprintf(fp, "  floor:  projected for %s\n",
		    bk_date_format(ser.p.zero_day, a));
	else
		fputs("  floor:  no projection (see bk-test progress)\n", fp);
	sqlite3_finalize(st);
}

static void
summary_pain(struct bk_db *db, const struct bk_stats_filter *f, FILE *fp)
{
	sqlite3_stmt *st;
	char today[11], a[32];
	int n = 0;

	st = bk_db_prepare(db, "SELECT coalesce(region, 'overall'), value, date"
	    " FROM (SELECT region, value, date, row_number() OVER"
	    "  (PARTITION BY region ORDER BY date DESC, time DESC, id DESC)"
	    "  AS k FROM measurements WHERE kind = 'pain' AND date <= ?1"
	    "  AND value IS NOT NULL)"
	    " WHERE k = 1 ORDER BY region");
	sqlite3_bind_text(st, 1, bk_date_format(f->today, today), -1,
	    SQLITE_TRANSIENT);
	fputs("\nPain (latest rating per region, 0-10)\n", fp);
	while (bk_db_step(db, st) == SQLITE_ROW) {
		n++;
		fputs("  ", fp);
		bk_term_string(fp, COL(st, 0));
		fprintf(fp, "%*s%s/10 on %s\n",
		    bk_term_width(COL(st, 0)) < 14 ?
		    (int)(14 - bk_term_width(COL(st, 0))) : 1, "",
		    num(sqlite3_column_double(st, 1), a, sizeof a),
		    day_col(st, 2));
	}
	sqlite3_finalize(st);
	if (n == 0)
		fputs("  no rating yet (see bk-test pain)\n", fp);
}

void
bk_stats_summary(struct bk_db *db, const struct bk_stats_filter *f,
    int imperial, FILE *fp)
{
	static const char *const days[] = { "", "Monday", "Tuesday",
		"Wednesday", "Thursday", "Friday", "Saturday", "Sunday" };
	struct bk_stats_filter w = *f;
	char today[11], week[11], label[16];

	w.by = BK_BY_WEEK;
	bk_date_format(f->today, today);
	bk_date_format(bk_stats_week_start(f->today, f->week_sunday), week);
	bk_stats_period(today, BK_BY_WEEK, f->week_sunday, label);
	fprintf(fp, "backkit summary for %s %s (week %s)\n\n",
	    days[bk_date_weekday(f->today)], today, label);
	summary_plans(db, f, week, fp);
	summary_volume(db, &w, week, label, imperial, fp);
	summary_streak(db, f, fp);
	summary_toe_touch(db, f, imperial, fp);
	summary_pain(db, f, fp);
}
