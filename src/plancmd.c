/* plancmd.c - bk-plan's catalog, templates and plan editing: exercises,
 * exercise show|add, templates, template, new, add, rm, end */
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

void
bk_plancmd_exercises(struct bk_db *db, const struct bk_planopts *o)
{
	static const char *cols[] = { "slug", "name", "regions", "kind",
		"position", "equipment", "dose" };
	sqlite3_stmt *st;
	struct bk_out *out;
	const char *v[7];
	char dose[96];
	int i;

	st = bk_db_prepare(db, "SELECT slug, name, regions, kind, position,"
	    " equipment, sets, reps, hold_s, per_side FROM exercises"
	    " WHERE (?1 IS NULL OR instr(' ' || regions || ' ',"
	    "   ' ' || ?1 || ' ') > 0)"
	    " AND (?2 IS NULL OR kind = ?2)"
	    " AND (?3 IS NULL OR position = ?3)"
	    " AND (?4 IS NULL OR instr(' ' || equipment || ' ',"
	    "   ' ' || ?4 || ' ') > 0)"
	    " ORDER BY builtin DESC, source, id");
	if (o->nregion)
		sqlite3_bind_text(st, 1, o->region[0], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, o->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, o->position, -1, SQLITE_STATIC);
	if (o->nequipment)
		sqlite3_bind_text(st, 4, o->equipment[0], -1, SQLITE_STATIC);
	out = bk_out_new(stdout, out_format(o), cols, 7);
	while (bk_db_step(db, st) == SQLITE_ROW) {
		for (i = 0; i < 6; i++)
			v[i] = (const char *)sqlite3_column_text(st, i);
		v[6] = bk_dose_format(sqlite3_column_int(st, 6),
		    sqlite3_column_int(st, 7), sqlite3_column_int(st, 8),
		    sqlite3_column_int(st, 9), dose, sizeof dose);
		bk_out_row(out, v, NULL);
	}
	bk_out_end(out);
	sqlite3_finalize(st);
}

void
bk_plancmd_exercise_show(struct bk_db *db, const struct bk_planopts *o, const char *name)
{
	static const char *cols[] = { "slug", "name", "regions", "kind",
		"position", "equipment", "sets", "reps", "hold_s", "per_side",
		"rest_s", "cues", "cautions", "source", "builtin" };
	sqlite3_stmt *st;
	struct bk_out *out;
	const char *title, *src;
	char dose[96], rest[32], line[192];
	long long id;
	int fmt = o->fmt >= 0 ? o->fmt : BK_FMT_TABLE;

	if ((id = bk_catalog_lookup(db, name)) < 0)
		exit(BK_EXIT_USAGE);
	st = bk_db_prepare(db, "SELECT slug, name, regions, kind, position,"
	    " equipment, sets, reps, hold_s, per_side, rest_s, cues, cautions,"
	    " source, builtin FROM exercises WHERE id = ?");
	sqlite3_bind_int64(st, 1, id);
	bk_db_step(db, st);
	if (fmt != BK_FMT_TABLE) {
		out = bk_out_new(stdout, fmt, cols, 15);
		bk_out_stmt(out, st);
		bk_out_end(out);
		sqlite3_finalize(st);
		return;
	}
#define COL(i) ((const char *)sqlite3_column_text(st, (i)))
	bk_term_string(stdout, COL(1));
	printf(" (%s)\n", COL(0));
	bk_term_wrap(stdout, "regions:", COL(2));
	/* an exercise added without a kind or position leaves the line out */
	snprintf(line, sizeof line, "%s%s%s", COL(3) ? COL(3) : "",
	    COL(3) && COL(4) ? ", " : "", COL(4) ? COL(4) : "");
	if (line[0])
		bk_term_wrap(stdout, "kind:", line);
	bk_term_wrap(stdout, "equipment:", COL(5));
	bk_dose_format(sqlite3_column_int(st, 6), sqlite3_column_int(st, 7),
	    sqlite3_column_int(st, 8), sqlite3_column_int(st, 9), dose,
	    sizeof dose);
	if (sqlite3_column_int(st, 10) > 0) {
		snprintf(line, sizeof line, "%s, rest %s between sets", dose,
		    bk_duration_format(sqlite3_column_int(st, 10), rest,
		    sizeof rest));
		bk_term_wrap(stdout, "dose:", line);
	} else
		bk_term_wrap(stdout, "dose:", dose);
	if (COL(11)[0])
		bk_term_wrap(stdout, "cues:", COL(11));
	if (COL(12)[0])
		bk_term_wrap(stdout, "cautions:", COL(12));
	src = COL(13);
	if (sqlite3_column_int(st, 14) == 0)
		bk_term_wrap(stdout, "source:", "added by you");
	else if ((title = bk_source_title(src))) {
		snprintf(line, sizeof line, "article %s, \"%s\"", src, title);
		bk_term_wrap(stdout, "source:", line);
	} else if (src[0])
		bk_term_wrap(stdout, "source:", src);
#undef COL
	sqlite3_finalize(st);
}

static void
join_words(char *buf, size_t len, const char *const *w, int n)
{
	size_t k;
	int i;

	buf[0] = '\0';
	for (i = 0; i < n; i++) {
		k = strlen(buf);
		snprintf(buf + k, len - k, "%s%s", i ? " " : "", w[i]);
	}
}

void
bk_plancmd_exercise_add(struct bk_db *db, const struct bk_planopts *o, const char *slug)
{
	sqlite3_stmt *st;
	char regions[256], equipment[256], today[11];
	const char *none = "none";

	if (!bk_slug_valid(slug))
		bk_usage("invalid slug '%s' (lowercase letters, digits and "
		    "hyphens, starting with a letter, at most 64)", slug);
	if (!o->name)
		bk_usage("%s", "exercise add needs --name NAME");
	if (!o->name[0] || strlen(o->name) > 200)
		bk_usage("invalid name '%s' (1 to 200 bytes)", o->name);
	join_words(regions, sizeof regions, o->region, o->nregion);
	join_words(equipment, sizeof equipment,
	    o->nequipment ? o->equipment : &none,
	    o->nequipment ? o->nequipment : 1);
	bk_db_begin(db);
	{
		char summary[128];

		snprintf(summary, sizeof summary, "add exercise %s", slug);
		bk_journal_add(db, "bk-plan", summary);
	}
	st = bk_db_prepare(db, "SELECT slug FROM exercises WHERE slug = ?1 "
	    "OR name = ?2 COLLATE NOCASE");
	sqlite3_bind_text(st, 1, slug, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, o->name, -1, SQLITE_STATIC);
	if (bk_db_step(db, st) == SQLITE_ROW) {
		if (strcmp((const char *)sqlite3_column_text(st, 0), slug) == 0)
			bk_errx(BK_EXIT_DATA, "cannot add '%s': an exercise "
			    "with that slug exists", slug);
		bk_errx(BK_EXIT_DATA, "cannot add '%s': exercise '%s' has "
		    "the name '%s'", slug, sqlite3_column_text(st, 0),
		    o->name);
	}
	sqlite3_finalize(st);
	st = bk_db_prepare(db, "INSERT INTO exercises (slug, name, regions,"
	    " kind, position, equipment, sets, reps, builtin, added)"
	    " VALUES (?, ?, ?, ?, ?, ?, 1, 10, 0, ?)");
	sqlite3_bind_text(st, 1, slug, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, o->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, regions, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, o->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, o->position, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, equipment, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, bk_date_format(bk_today(), today), -1,
	    SQLITE_STATIC);
	bk_db_step(db, st);
	sqlite3_finalize(st);
	printf("added exercise %s\n", slug);
	bk_db_commit(db);
}


/* --- templates ----------------------------------------------------- */

struct tally {
	const struct bk_template *t;
	long sessions, tests;
};

static int
tally_day(int p, int day, int k, const int *rules, int n, void *data)
{
	struct tally *ty = data;
	int i, session = 0;

	(void)day;
	(void)k;
	for (i = 0; i < n; i++) {
		if (ty->t->phase[p].rule[rules[i]].act == BK_TPL_EXERCISE)
			session = 1;
		else if (ty->t->phase[p].rule[rules[i]].act == BK_TPL_TEST)
			ty->tests++;
	}
	ty->sessions += session;
	return 0;
}

static void
tally(const struct bk_template *t, bk_day start, struct tally *ty)
{
	memset(ty, 0, sizeof *ty);
	ty->t = t;
	bk_template_walk(t, 0, start, t->days ? t->days : 28, tally_day, ty);
}

/* "3.5", "7": sessions a week over the whole program */
static char *
per_week(const struct bk_template *t, const struct tally *ty, char *buf,
    size_t len)
{
	double v = ty->sessions * 7.0 / (t->days ? t->days : 28);

	snprintf(buf, len, "%.1f", v);
	if (strlen(buf) > 2 && strcmp(buf + strlen(buf) - 2, ".0") == 0)
		buf[strlen(buf) - 2] = '\0';
	return buf;
}

static int
times_a_day(const struct bk_template *t)
{
	return t->times ? t->times : t->phase[0].times ? t->phase[0].times : 1;
}

int
bk_plancmd_templates(const struct bk_planopts *o)
{
	static const char *cols[] = { "name", "days", "per_week", "per_day",
		"summary" };
	static const int num[] = { 0, 1, 1, 1, 0 };
	struct bk_template t;
	struct tally ty;
	struct bk_out *out;
	const char *v[5];
	char **names, *text, *name, days[16], week[16], day[16];
	int i, n, rc = 0;

	names = bk_plan_template_names(&n);
	if (n == 0)
		bk_errx(BK_EXIT_DATA, "cannot find templates in '%s/templates'",
		    bk_datadir());
	out = bk_out_new(stdout, out_format(o), cols, 5);
	for (i = 0; i < n; i++) {
		if (bk_plan_template_load(names[i], &t, &text, &name) != 0) {
			rc = BK_EXIT_DATA;
			continue;
		}
		tally(&t, o->today, &ty);
		snprintf(days, sizeof days, "%d", t.days ? t.days : 28);
		snprintf(day, sizeof day, "%d", times_a_day(&t));
		v[0] = names[i];
		v[1] = days;
		v[2] = per_week(&t, &ty, week, sizeof week);
		v[3] = day;
		v[4] = t.summary ? t.summary : "";
		bk_out_row(out, v, num);
		bk_template_free(&t);
		free(text);
		free(name);
	}
	bk_out_end(out);
	bk_plan_names_free(names, n);
	return rc;
}

void
bk_plancmd_template(const struct bk_planopts *o, const char *spec)
{
	struct bk_template t;
	struct tally ty;
	char *text, *name, line[512], week[16], *p, *e;
	int i, rc;

	if ((rc = bk_plan_template_load(spec, &t, &text, &name)) != 0)
		exit(rc == -2 ? BK_EXIT_USAGE : BK_EXIT_DATA);
	tally(&t, o->today, &ty);
	bk_term_string(stdout, name);
	if (t.summary) {
		fputs(": ", stdout);
		bk_term_string(stdout, t.summary);
	}
	putchar('\n');
	snprintf(line, sizeof line, "%d days, %ld sessions (%s a week), "
	    "%ld tests", t.days ? t.days : 28, ty.sessions,
	    per_week(&t, &ty, week, sizeof week), ty.tests);
	bk_term_wrap(stdout, "length:", line);
	if (times_a_day(&t) > 1) {
		snprintf(line, sizeof line, "%d sessions a day",
		    times_a_day(&t));
		bk_term_wrap(stdout, "times:", line);
	}
	for (i = 0; i < t.nnote; i++)
		bk_term_wrap(stdout, i ? "" : "notes:", t.note[i]);
	/* the program as written, without comments and headers */
	puts("program:");
	for (p = text; *p; p = *e ? e + 1 : e) {
		e = p + strcspn(p, "\n");
		snprintf(line, sizeof line, "%.*s", (int)(e - p), p);
		line[strcspn(line, "#\r")] = '\0';
		for (i = (int)strlen(line); i > 0 && (line[i - 1] == ' ' ||
		    line[i - 1] == '\t'); i--)
			line[i - 1] = '\0';
		if (!line[0] || strncmp(line, "note", 4) == 0 ||
		    strncmp(line, "summary", 7) == 0 ||
		    strncmp(line, "length", 6) == 0 ||
		    strncmp(line, "name", 4) == 0 ||
		    strncmp(line, "times", 5) == 0)
			continue;
		printf("%11s", "");
		bk_term_string(stdout, line);
		putchar('\n');
	}
	bk_template_free(&t);
	free(text);
	free(name);
}

/* --- creating and changing plans ----------------------------------- */

static void
check_plan_name(const char *name)
{
	if (!bk_slug_valid(name))
		bk_usage("invalid plan name '%s' (lowercase letters, digits "
		    "and hyphens, starting with a letter, at most 64)", name);
}

/* --days A-B (or N) for add and rm */
static void
parse_day_range(const char *s, int *a, int *b)
{
	char buf[32], *dash;
	long long x, y;

	snprintf(buf, sizeof buf, "%s", s);
	if ((dash = strchr(buf, '-')))
		*dash = '\0';
	if (strlen(s) >= sizeof buf || bk_parse_int(buf, 1, BK_TPL_MAX_DAYS,
	    &x) != 0 || (dash && bk_parse_int(dash + 1, 1, BK_TPL_MAX_DAYS,
	    &y) != 0) || (dash && y < x))
		bk_usage("invalid --days '%s' (days of the plan like 3 or "
		    "1-14, counted from 1)", s);
	*a = (int)x;
	*b = dash ? (int)y : (int)x;
}

static const char *const day_abbr[] = { "", "mon", "tue", "wed", "thu",
	"fri", "sat", "sun" };

static char *
mask_words(unsigned mask, char *buf, size_t len)
{
	size_t n;
	int w;

	buf[0] = '\0';
	for (w = 1; w <= 7; w++) {
		if (!(mask & (1u << w)))
			continue;
		n = strlen(buf);
		snprintf(buf + n, len - n, "%s%s", n ? "," : "", day_abbr[w]);
	}
	return buf;
}

/* the plan items a template makes over ndays from start, up to the cap */
static int
count_items(int phase, int day, int k, const int *rules, int n, void *data)
{
	long *count = data;

	(void)phase;
	(void)day;
	(void)k;
	(void)rules;
	*count += n;
	return *count > BK_TPL_MAX_ITEMS;
}

int
bk_plancmd_new(struct bk_db *db, const struct bk_planopts *o, const char *name)
{
	struct bk_template t;
	struct bk_plan_new pn;
	struct bk_plan_made made;
	char *text = NULL, *tname = NULL, a[32], b[32];
	long long days = 0, id;
	int i, rc;

	check_plan_name(name);
	if (o->days && bk_parse_int(o->days, 1, BK_TPL_MAX_DAYS, &days) != 0)
		bk_usage("invalid --days '%s' (a number of days from 1 to "
		    "3660)", o->days);
	memset(&pn, 0, sizeof pn);
	if (o->template) {
		if ((rc = bk_plan_template_load(o->template, &t, &text,
		    &tname)) != 0)
			exit(rc == -2 ? BK_EXIT_USAGE : BK_EXIT_DATA);
		pn.tpl = &t;
		pn.template_name = tname;
		pn.template_text = text;
		pn.source = o->template;
	}
	/* --days makes a template longer than its own check covered */
	if (o->template && days > 0) {
		long count = 0;

		bk_template_walk(&t, 0, o->has_start ? o->start : o->today,
		    (int)days, count_items, &count);
		if (count > BK_TPL_MAX_ITEMS)
			bk_usage("invalid --days '%s': the template would make "
			    "more than %d plan items over %lld days (fewer "
			    "days or fewer rules)", o->days, BK_TPL_MAX_ITEMS,
			    days);
	}
	pn.name = name;
	pn.start = o->has_start ? o->start : o->today;
	pn.days = (int)days;
	pn.weekdays = o->on;
	pn.times = o->times;
	/* a plan that would end after 9999-12-31, before a store is made */
	if ((pn.days > 0 && !bk_date_in_range(pn.start + pn.days - 1)) ||
	    (o->template && !pn.days && t.days > 0 &&
	    !bk_date_in_range(pn.start + t.days - 1)))
		bk_errx(BK_EXIT_USAGE, "invalid start '%s': the plan would end "
		    "after 9999-12-31", o->start_arg ? o->start_arg :
		    bk_date_format(pn.start, a));
	if (o->template) {
		/* refuse an unknown exercise before a store is made */
		bk_db_open(db, o->db, BK_DB_READ);
		if (bk_plan_template_check(db, &t, o->template) != 0)
			exit(BK_EXIT_DATA);
		bk_db_close(db);
	}
	bk_db_open(db, o->db, BK_DB_WRITE);
	bk_db_begin(db);
	snprintf(a, sizeof a, "new plan %.20s", name);
	bk_journal_add(db, "bk-plan", a);
	if ((id = bk_plan_create(db, &pn, &made)) < 0) {
		bk_db_rollback(db);
		exit(id == -2 ? BK_EXIT_USAGE : BK_EXIT_DATA);
	}
	if (made.end >= 0 && !bk_date_in_range(made.end)) {
		bk_db_rollback(db);
		bk_errx(BK_EXIT_USAGE, "invalid start '%s': the plan would end "
		    "after 9999-12-31", o->start_arg ? o->start_arg :
		    bk_date_format(pn.start, a));
	}
	bk_date_words(made.start, a, sizeof a);
	if (made.end >= 0)
		bk_date_words(made.end, b, sizeof b);
	if (o->template) {
		/* the template's name may come from a file's name: any
		 * control byte in it is shown escaped */
		printf("created plan %s from template ", name);
		bk_term_string(stdout, tname);
		printf(": %s to %s, %ld sessions", a, b, made.sessions);
		if (made.tests)
			printf(", %ld tests", made.tests);
		putchar('\n');
		for (i = 0; i < t.nnote; i++) {
			fputs("note: ", stdout);
			bk_term_string(stdout, t.note[i]);
			putchar('\n');
		}
		bk_template_free(&t);
	} else {
		printf("created plan %s: from %s", name, a);
		if (made.end >= 0)
			printf(" to %s", b);
		if (o->on)
			printf(", on %s", mask_words(o->on, b, sizeof b));
		printf("; add exercises with 'bk-plan add %s EXERCISE "
		    "[SPEC]'\n", name);
	}
	bk_db_commit(db);
	free(text);
	free(tname);
	return 0;
}

/* a lookup that failed (and said why) ends the command: exit 2 */
static long long
found_or_exit(struct bk_db *db, long long id)
{
	if (id < 0) {
		bk_db_rollback(db);
		exit(BK_EXIT_USAGE);
	}
	return id;
}

int
bk_plancmd_add(struct bk_db *db, const struct bk_planopts *o, char **argv, int argc)
{
	struct bk_plan_add a;
	sqlite3_stmt *st;
	char err[256], dose[128], where[64], slug[80];
	int n, imperial;
	struct bk_config cfg;

	memset(&a, 0, sizeof a);
	if (argc > 2) {
		if (bk_template_dose_parse(argv[2], &a.dose, err,
		    sizeof err) != 0)
			bk_usage("invalid dose '%s': %s",
			    argv[2], err);
	} else
		bk_template_dose_init(&a.dose);
	if (o->side_arg) {
		if (a.dose.per_side == 1)
			bk_usage("%s", "a dose 'each side' and --side "
			    "together");
		a.dose.side = o->side;
	}
	if (o->times)
		a.dose.times = o->times;
	if (o->days)
		parse_day_range(o->days, &a.day_from, &a.day_to);
	a.weekdays = o->on;
	a.plan = argv[0];
	bk_config_load(&cfg);
	imperial = cfg.imperial;
	bk_db_open(db, o->db, BK_DB_WRITE);
	bk_db_begin(db);
	a.plan_id = found_or_exit(db, bk_plan_find(db, argv[0]));
	a.exercise_id = found_or_exit(db, bk_catalog_lookup(db, argv[1]));
	snprintf(err, sizeof err, "add %.60s to plan %.60s", argv[1], argv[0]);
	bk_journal_add(db, "bk-plan", err);
	if ((n = bk_plan_add(db, &a)) < 0) {
		bk_db_rollback(db);
		exit(BK_EXIT_DATA);
	}
	if (n == 0) {
		bk_db_rollback(db);
		bk_errx(BK_EXIT_DATA, "cannot add to plan '%s': none of days "
		    "%s falls on its weekdays", argv[0], o->days);
	}
	st = bk_db_prepare(db, "SELECT slug FROM exercises WHERE id = ?");
	sqlite3_bind_int64(st, 1, a.exercise_id);
	bk_db_step(db, st);
	snprintf(slug, sizeof slug, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	bk_plan_dose_format(&a.dose, a.dose.load_kg, imperial, dose,
	    sizeof dose);
	if (a.day_from)
		snprintf(where, sizeof where, "on days %s (%d day%s)", o->days,
		    n, n > 1 ? "s" : "");
	else if (a.weekdays == 0xfe)
		snprintf(where, sizeof where, "every day");
	else {
		snprintf(where, sizeof where, "on ");
		mask_words(a.weekdays, where + 3, sizeof where - 3);
	}
	if (a.updated == n)
		printf("changed %s in %s to %s, %s\n", slug, argv[0], dose,
		    where);
	else
		printf("added %s %s to %s, %s\n", slug, dose, argv[0], where);
	bk_db_commit(db);
	return 0;
}

static void set_summary(struct bk_db *, long long, const char *,
    const char *, const char *);

int
bk_plancmd_rm(struct bk_db *db, const struct bk_planopts *o, char **argv, int argc)
{
	sqlite3_stmt *st;
	long long plan, ex;
	char from[11], to[11];
	bk_day start;
	int a = 0, b = 0, n;

	if (argc == 1 && (o->on || o->days))
		bk_usage("%s", "--on and --days need an EXERCISE to remove");
	if (o->days)
		parse_day_range(o->days, &a, &b);
	bk_db_open(db, o->db, BK_DB_WRITE);
	bk_db_begin(db);
	plan = found_or_exit(db, bk_plan_find(db, argv[0]));
	if (argc == 1) {
		set_summary(db, bk_journal_add(db, "bk-plan", "rm plan"),
		    "rm plan", argv[0], NULL);
		st = bk_db_prepare(db, "DELETE FROM plans WHERE id = ?");
		sqlite3_bind_int64(st, 1, plan);
		bk_db_step(db, st);
		sqlite3_finalize(st);
		fputs("removed plan ", stdout);
		bk_term_string(stdout, argv[0]);
		fputs(" ('bk-plan undo' puts it back; 'bk-plan end ", stdout);
		bk_term_string(stdout, argv[0]);
		fputs("' would have stopped it and kept its history)\n",
		    stdout);
		bk_db_commit(db);
		return 0;
	}
	set_summary(db, bk_journal_add(db, "bk-plan", "rm"), "rm", argv[1],
	    argv[0]);
	ex = found_or_exit(db, bk_catalog_lookup(db, argv[1]));
	st = bk_db_prepare(db, "SELECT start_date FROM plans WHERE id = ?");
	sqlite3_bind_int64(st, 1, plan);
	bk_db_step(db, st);
	bk_date_parse_iso((const char *)sqlite3_column_text(st, 0), &start);
	sqlite3_finalize(st);
	st = bk_db_prepare(db, "DELETE FROM plan_items WHERE plan_id = ?1"
	    " AND exercise_id = ?2 AND (?3 = 0 OR (?3 >> coalesce(weekday, "
	    "((CAST(strftime('%w', date) AS INTEGER) + 6) % 7 + 1))) & 1)"
	    " AND (?4 IS NULL OR date BETWEEN ?4 AND ?5)");
	sqlite3_bind_int64(st, 1, plan);
	sqlite3_bind_int64(st, 2, ex);
	sqlite3_bind_int(st, 3, (int)o->on);
	if (o->days) {
		sqlite3_bind_text(st, 4, bk_date_format(start + a - 1, from),
		    -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, bk_date_format(start + b - 1, to), -1,
		    SQLITE_STATIC);
	}
	bk_db_step(db, st);
	sqlite3_finalize(st);
	if ((n = sqlite3_changes(db->h)) == 0) {
		bk_db_rollback(db);
		bk_errx(BK_EXIT_DATA, "cannot remove '%s' from plan '%s': it "
		    "is not planned%s", argv[1], argv[0], o->on || o->days ?
		    " on those days" : "");
	}
	printf("removed %d item%s of %s from %s\n", n, n > 1 ? "s" : "",
	    argv[1], argv[0]);
	bk_db_commit(db);
	return 0;
}

/* the open journal entry's summary: "what a from b" */
static void
set_summary(struct bk_db *db, long long jid, const char *what, const char *a,
    const char *b)
{
	char buf[256];

	snprintf(buf, sizeof buf, "%s %.80s%s%.80s", what, a, b ? " from " :
	    "", b ? b : "");
	bk_journal_set_summary(db, jid, buf);
}

int
bk_plancmd_end(struct bk_db *db, const struct bk_planopts *o, const char *name)
{
	sqlite3_stmt *st;
	char day[11], start[11], end[11], words[32], summary[256];
	bk_day d = o->has_date ? o->date : o->today, s, e = -1;
	long long plan;
	long gone;

	bk_db_open(db, o->db, BK_DB_WRITE);
	bk_db_begin(db);
	plan = found_or_exit(db, bk_plan_find(db, name));
	st = bk_db_prepare(db, "SELECT start_date, end_date FROM plans WHERE "
	    "id = ?");
	sqlite3_bind_int64(st, 1, plan);
	bk_db_step(db, st);
	bk_date_parse_iso((const char *)sqlite3_column_text(st, 0), &s);
	if (sqlite3_column_type(st, 1) != SQLITE_NULL)
		bk_date_parse_iso((const char *)sqlite3_column_text(st, 1), &e);
	sqlite3_finalize(st);
	bk_date_format(d, day);
	if (d < s - 1) {
		bk_db_rollback(db);
		bk_errx(BK_EXIT_DATA, "cannot end plan '%s' on %s: it starts "
		    "on %s", name, day, bk_date_format(s, start));
	}
	if (e >= 0 && e <= d) {
		bk_db_rollback(db);
		bk_errx(BK_EXIT_DATA, "cannot end plan '%s' on %s: it ends on "
		    "%s already", name, day, bk_date_format(e, end));
	}
	snprintf(summary, sizeof summary, "end plan %.80s on %s", name, day);
	bk_journal_add(db, "bk-plan", summary);
	/* nothing is due after the end, and no phase comes */
	st = bk_db_prepare(db, "UPDATE plans SET end_date = ?2, ended = 1, "
	    "phase_until_h = 0 WHERE id = ?1");
	sqlite3_bind_int64(st, 1, plan);
	sqlite3_bind_text(st, 2, day, -1, SQLITE_STATIC);
	bk_db_step(db, st);
	sqlite3_finalize(st);
	st = bk_db_prepare(db, "DELETE FROM plan_items WHERE plan_id = ?1 AND "
	    "date > ?2");
	sqlite3_bind_int64(st, 1, plan);
	sqlite3_bind_text(st, 2, day, -1, SQLITE_STATIC);
	bk_db_step(db, st);
	sqlite3_finalize(st);
	gone = sqlite3_changes(db->h);
	fputs("ended plan ", stdout);
	bk_term_string(stdout, name);
	printf(" on %s: nothing is due after it", bk_date_words(d, words,
	    sizeof words));
	if (gone)
		printf(" (%ld planned item%s dropped)", gone, gone == 1 ? "" :
		    "s");
	fputs("; its history stays ('bk-plan undo' takes it back)\n",
	    stdout);
	bk_db_commit(db);
	return 0;
}

