/* bk-plan - the exercise catalog, program templates and plans */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bk.h"

static const char usage_text[] =
    "usage: bk-plan exercises [--region R] [--kind K] [--position P]\n"
    "                         [--equipment E] [--format F]\n"
    "       bk-plan exercise SLUG [--format F]\n"
    "       bk-plan exercise add SLUG --name NAME [--region R]... [--kind K]\n"
    "                         [--position P] [--equipment E]...\n"
    "       bk-plan templates [--format F]\n"
    "       bk-plan template NAME|PATH\n"
    "       bk-plan new NAME [--template NAME|PATH] [--start DATE] [--days N]\n"
    "                         [--on WEEKDAYS] [--times N]\n"
    "       bk-plan add NAME EXERCISE [SPEC] [--on WEEKDAYS] [--days A-B]\n"
    "                         [--side SIDE] [--times N]\n"
    "       bk-plan rm NAME [EXERCISE [--on WEEKDAYS] [--days A-B]]\n"
    "       bk-plan end NAME [--date DATE]\n"
    "       bk-plan undo [--dry-run]\n"
    "       bk-plan list [--format F]\n"
    "       bk-plan show [NAME] [--date DATE | --week [DATE] | --all]\n"
    "                         [--format F]\n"
    "       bk-plan today [NAME] [--format F]\n"
    "       bk-plan check [NAME]\n"
    "       bk-plan export [NAME] [--format ics|csv|tsv|json]\n"
    "common options: [--db PATH] [-h | --help] [--version]\n";

static const struct option longopts[] = {
	{ "all", no_argument, NULL, 'a' },
	{ "date", required_argument, NULL, 'D' },
	{ "days", required_argument, NULL, 'N' },
	{ "db", required_argument, NULL, 'd' },
	{ "dry-run", no_argument, NULL, 'u' },
	{ "equipment", required_argument, NULL, 'e' },
	{ "format", required_argument, NULL, 'f' },
	{ "help", no_argument, NULL, 'h' },
	{ "kind", required_argument, NULL, 'k' },
	{ "name", required_argument, NULL, 'n' },
	{ "on", required_argument, NULL, 'o' },
	{ "position", required_argument, NULL, 'p' },
	{ "region", required_argument, NULL, 'r' },
	{ "side", required_argument, NULL, 'S' },
	{ "start", required_argument, NULL, 's' },
	{ "template", required_argument, NULL, 't' },
	{ "times", required_argument, NULL, 'x' },
	{ "version", no_argument, NULL, 'V' },
	{ "week", optional_argument, NULL, 'w' },
	{ "complete", required_argument, NULL, 'C' },	/* for completions */
	{ NULL, 0, NULL, 0 }
};

static const char *const commands[] = { "exercises", "exercise",
	"templates", "template", "new", "add", "rm", "end", "undo", "list",
	"show", "today", "check", "export", NULL };

#define MAXWORDS 16

struct opts {
	const char *db, *name, *kind, *position;
	const char *region[MAXWORDS], *equipment[MAXWORDS];
	int nregion, nequipment;
	const char *format;	/* as given: its sense depends on the command */
	int fmt;		/* the table/csv/tsv/json format; -1: default */
	const char *template, *days, *side_arg;
	const char *start_arg, *date_arg, *week_or_plan;
	unsigned on;		/* --on as a weekday mask */
	int side, times, all, week, dry_run;
	int has_start, has_date, has_week;
	bk_day start, date, week_date;
	bk_day today;
	const char *seen;	/* options given, as their letters */
};

_Noreturn static void
usage_error(const char *fmt, const char *arg)
{
	bk_usage_error(usage_text, fmt, arg);
}

/* only the options in allowed (as letters) may be given to a subcommand */
static void
only_options(const struct opts *o, const char *sub, const char *allowed)
{
	bk_only_options(longopts, o->seen, sub, allowed, usage_text);
}

static int
out_format(const struct opts *o)
{
	return o->fmt >= 0 ? o->fmt : (int)bk_format_default();
}

static void
complete_plans(void)
{
	struct bk_db db;
	sqlite3_stmt *st;

	bk_db_open(&db, getenv("BK_COMPLETE_DB"), BK_DB_READ);
	st = bk_db_prepare(&db, "SELECT name FROM plans ORDER BY name");
	while (bk_db_step(&db, st) == SQLITE_ROW)
		puts((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	bk_db_close(&db);
}

static void
complete(const char *what)
{
	static const char *const dates[] = { "today", "tomorrow", "monday",
		"tuesday", "wednesday", "thursday", "friday", "saturday",
		"sunday", NULL };
	static const char *const weekdays[] = { "mon", "tue", "wed", "thu",
		"fri", "sat", "sun", NULL };
	const struct option *lo;
	const char *const *list = NULL;
	struct bk_db db;
	sqlite3_stmt *st;
	char **names;
	int i, n;

	if (strcmp(what, "commands") == 0)
		list = commands;
	else if (strcmp(what, "region") == 0)
		list = bk_regions;
	else if (strcmp(what, "kind") == 0)
		list = bk_kinds;
	else if (strcmp(what, "position") == 0)
		list = bk_positions;
	else if (strcmp(what, "equipment") == 0)
		list = bk_equipment;
	else if (strcmp(what, "side") == 0)
		list = bk_template_sides + 1;
	else if (strcmp(what, "dates") == 0)
		list = dates;
	else if (strcmp(what, "weekdays") == 0)
		list = weekdays;
	else if (strcmp(what, "format") == 0) {
		puts("table\ncsv\ntsv\njson\nics");
		return;
	} else if (strcmp(what, "options") == 0) {
		for (lo = longopts; lo->name; lo++)
			if (lo->val != 'C')
				printf("--%s\n", lo->name);
		return;
	} else if (strcmp(what, "exercises") == 0) {
		bk_db_open(&db, getenv("BK_COMPLETE_DB"), BK_DB_READ);
		st = bk_db_prepare(&db, "SELECT slug FROM exercises ORDER BY "
		    "slug");
		while (bk_db_step(&db, st) == SQLITE_ROW)
			puts((const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
		bk_db_close(&db);
		return;
	} else if (strcmp(what, "plans") == 0) {
		complete_plans();
		return;
	} else if (strcmp(what, "templates") == 0) {
		names = bk_plan_template_names(&n);
		for (i = 0; i < n; i++)
			puts(names[i]);
		bk_plan_names_free(names, n);
		return;
	} else
		usage_error("invalid --complete '%s'", what);
	for (i = 0; list[i]; i++)
		puts(list[i]);
}

static void
cmd_exercises(struct bk_db *db, const struct opts *o)
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

static void
cmd_exercise_show(struct bk_db *db, const struct opts *o, const char *name)
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

static void
cmd_exercise_add(struct bk_db *db, const struct opts *o, const char *slug)
{
	sqlite3_stmt *st;
	char regions[256], equipment[256], today[11];
	const char *none = "none";

	if (!bk_slug_valid(slug))
		usage_error("invalid slug '%s' (lowercase letters, digits and "
		    "hyphens, starting with a letter, at most 64)", slug);
	if (!o->name)
		usage_error("%s", "exercise add needs --name NAME");
	if (!o->name[0] || strlen(o->name) > 200)
		usage_error("invalid name '%s' (1 to 200 bytes)", o->name);
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

static int
cmd_templates(const struct opts *o)
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

static void
cmd_template(const struct opts *o, const char *spec)
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
		usage_error("invalid plan name '%s' (lowercase letters, digits "
		    "and hyphens, starting with a letter, at most 64)", name);
}

static int
parse_times(const char *s)
{
	long long v;

	if (bk_parse_int(s, 1, 20, &v) != 0)
		usage_error("invalid --times '%s' (sessions a day, 1 to 20)",
		    s);
	return (int)v;
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
		usage_error("invalid --days '%s' (days of the plan like 3 or "
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

static int
cmd_new(struct bk_db *db, const struct opts *o, const char *name)
{
	struct bk_template t;
	struct bk_plan_new pn;
	struct bk_plan_made made;
	char *text = NULL, *tname = NULL, a[32], b[32];
	long long days = 0, id;
	int i, rc;

	check_plan_name(name);
	if (o->days && bk_parse_int(o->days, 1, BK_TPL_MAX_DAYS, &days) != 0)
		usage_error("invalid --days '%s' (a number of days from 1 to "
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
		printf("created plan %s from template %s: %s to %s, %ld "
		    "sessions", name, tname, a, b, made.sessions);
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

static int
cmd_add(struct bk_db *db, const struct opts *o, char **argv, int argc)
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
			bk_usage_error(usage_text, "invalid dose '%s': %s",
			    argv[2], err);
	} else
		bk_template_dose_init(&a.dose);
	if (o->side_arg) {
		if (a.dose.per_side == 1)
			usage_error("%s", "a dose 'each side' and --side "
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

static int
cmd_rm(struct bk_db *db, const struct opts *o, char **argv, int argc)
{
	sqlite3_stmt *st;
	long long plan, ex;
	char from[11], to[11];
	bk_day start;
	int a = 0, b = 0, n;

	if (argc == 1 && (o->on || o->days))
		usage_error("%s", "--on and --days need an EXERCISE to remove");
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

static int
cmd_end(struct bk_db *db, const struct opts *o, const char *name)
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

/* --- reading plans ------------------------------------------------- */

static void
open_plans(struct bk_db *db, const struct opts *o)
{
	bk_db_open(db, o->db, BK_DB_READ);
	bk_plan_refresh(db, o->today);
}

/* every row of st, as they are, then st finalized */
static void
stmt_out(struct bk_db *db, sqlite3_stmt *st, const struct opts *o,
    const char **cols, int n)
{
	struct bk_out *out = bk_out_new(stdout, out_format(o), cols, n);

	while (bk_db_step(db, st) == SQLITE_ROW)
		bk_out_stmt(out, st);
	bk_out_end(out);
	sqlite3_finalize(st);
}

static int
cmd_list(struct bk_db *db, const struct opts *o)
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

struct plan_info {
	long long id;
	char name[80], tmpl[80], phase[80];
	bk_day start, end, phase_start, last_dated;	/* end -1: open */
};

/* the plans to read: the one named, or every active plan */
static int
load_plans(struct bk_db *db, const char *name, struct plan_info **out)
{
	sqlite3_stmt *st;
	struct plan_info *p;
	long long id = 0;
	int n = 0;

	if (name && (id = bk_plan_find(db, name)) < 0)
		exit(BK_EXIT_USAGE);
	st = bk_db_prepare(db, "SELECT id, name, coalesce(template, ''),"
	    " coalesce(phase, ''), start_date, end_date, phase_start,"
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
		snprintf(p->tmpl, sizeof p->tmpl, "%s",
		    sqlite3_column_text(st, 2));
		snprintf(p->phase, sizeof p->phase, "%s",
		    sqlite3_column_text(st, 3));
		bk_date_parse_iso((const char *)sqlite3_column_text(st, 4),
		    &p->start);
		p->end = p->phase_start = p->last_dated = -1;
		if (sqlite3_column_type(st, 5) != SQLITE_NULL)
			bk_date_parse_iso((const char *)sqlite3_column_text(st,
			    5), &p->end);
		if (sqlite3_column_type(st, 6) != SQLITE_NULL)
			bk_date_parse_iso((const char *)sqlite3_column_text(st,
			    6), &p->phase_start);
		if (sqlite3_column_type(st, 7) != SQLITE_NULL)
			bk_date_parse_iso((const char *)sqlite3_column_text(st,
			    7), &p->last_dated);
	}
	sqlite3_finalize(st);
	return n;
}

/* the last day worth reading of a plan: its end, or for an open-ended one
 * at least a week past its start, today and its last dated item */
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

struct show {
	const struct opts *o;
	const struct plan_info *p;
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
plan_header(const struct plan_info *p)
{
	char a[11], b[11];

	printf("plan %s: ", p->name);
	if (p->tmpl[0])
		printf("%s, ", p->tmpl);
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

static int
cmd_show(struct bk_db *db, struct opts *o, const char *name,
    int today_only)
{
	static const char *cols[] = { "date", "plan", "day", "seq", "kind",
		"item", "sets", "reps", "hold_s", "load_kg", "per_side", "side",
		"times", "dose", "phase", "logged", "needed", "status",
		"reason" };
	struct plan_info *plans;
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
	n = load_plans(db, name, &plans);
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
	}
	free(plans);
	return 0;
}

static int
cmd_check(struct bk_db *db, const struct opts *o, const char *name)
{
	struct plan_info *plans;
	int i, n, warned = 0;

	open_plans(db, o);
	n = load_plans(db, name, &plans);
	for (i = 0; i < n; i++) {
		if (bk_plan_check(db, plans[i].id, plans[i].name, o->today,
		    stdout) > 0)
			warned = 1;
		else
			printf("%s: no warnings\n", plans[i].name);
	}
	if (n == 0)
		puts("no plans to check");
	free(plans);
	return warned ? BK_EXIT_DATA : 0;
}

/* --- export -------------------------------------------------------- */

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

static int
cmd_export(struct bk_db *db, const struct opts *o, const char *name)
{
	static const char *cols[] = { "date", "weekday", "plan", "phase",
		"seq", "kind", "item", "sets", "reps", "hold_s", "load_kg",
		"per_side", "side", "times", "rest_s" };
	struct plan_info *plans;
	struct bk_config cfg;
	struct ics x;
	sqlite3_stmt *st;
	long long id = 0;
	int i, n;

	bk_config_load(&cfg);
	open_plans(db, o);
	if (!o->format || strcmp(o->format, "ics") != 0) {
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

static void
parse_date(const char *opt, const char *s, bk_day today, bk_day *out)
{
	if (bk_date_parse(s, today, BK_DATE_FUTURE, out) != 0) {
		fflush(stdout);
		fprintf(stderr, "%s: invalid --%s '%s' (YYYY-MM-DD, today, "
		    "tomorrow, a weekday, +3d or -1w)\n", bk_progname, opt, s);
		fputs(usage_text, stderr);
		exit(BK_EXIT_USAGE);
	}
}

static void
parse_weekdays(struct opts *o, const char *s)
{
	const char *bad;
	size_t badlen;

	if (bk_weekdays_parse(s, &o->on, &bad, &badlen) != 0) {
		fflush(stdout);
		fprintf(stderr, "%s: invalid weekday '%.*s' in --on '%s' (mon, "
		    "tue, wed, thu, fri, sat, sun, separated by commas)\n",
		    bk_progname, (int)(badlen > 40 ? 40 : badlen), bad, s);
		fputs(usage_text, stderr);
		exit(BK_EXIT_USAGE);
	}
}

/* operands: at least min and at most max after the command word */
static void
operands(int argc, char **argv, int min, int max, const char *what)
{
	if (argc - 1 < min)
		usage_error("%s", what);
	if (argc - 1 > max)
		usage_error("unexpected argument '%s'", argv[max + 1]);
}

int
main(int argc, char *argv[])
{
	struct opts o;
	struct bk_db db;
	char seen[64];
	size_t nseen = 0;
	const char *sub, *week_arg = NULL;
	int c, rc = 0;

	bk_init(argv[0]);
	memset(&o, 0, sizeof o);
	memset(&db, 0, sizeof db);
	o.fmt = -1;
	while ((c = getopt_long(argc, argv,
	    "aD:d:e:f:hk:N:n:o:p:r:S:s:t:uVw::x:", longopts, NULL)) != -1) {
		if (nseen < sizeof seen - 1 && !memchr(seen, c, nseen))
			seen[nseen++] = (char)c;
		switch (c) {
		case 'a':
			o.all = 1;
			break;
		case 'D':
			o.date_arg = optarg;
			break;
		case 'd':
			o.db = optarg;
			break;
		case 'e':
			bk_check_word("equipment", bk_equipment, optarg);
			if (o.nequipment == MAXWORDS)
				usage_error("too many --equipment '%s'",
				    optarg);
			o.equipment[o.nequipment++] = optarg;
			break;
		case 'f':
			o.format = optarg;
			break;
		case 'h':
			fputs(usage_text, stdout);
			return bk_close_stdout();
		case 'k':
			bk_check_word("kind", bk_kinds, optarg);
			o.kind = optarg;
			break;
		case 'N':
			o.days = optarg;
			break;
		case 'n':
			o.name = optarg;
			break;
		case 'o':
			parse_weekdays(&o, optarg);
			break;
		case 'p':
			bk_check_word("position", bk_positions, optarg);
			o.position = optarg;
			break;
		case 'r':
			bk_check_word("region", bk_regions, optarg);
			if (o.nregion == MAXWORDS)
				usage_error("too many --region '%s'", optarg);
			o.region[o.nregion++] = optarg;
			break;
		case 'S':
			o.side = bk_word_index(bk_template_sides, optarg);
			if (o.side <= 0) {
				fflush(stdout);
				fprintf(stderr, "%s: invalid side '%s' (one "
				    "of: left, right, forward, backward)\n",
				    bk_progname, optarg);
				fputs(usage_text, stderr);
				exit(BK_EXIT_USAGE);
			}
			o.side_arg = optarg;
			break;
		case 's':
			o.start_arg = optarg;
			break;
		case 't':
			o.template = optarg;
			break;
		case 'u':
			o.dry_run = 1;
			break;
		case 'V':
			puts("bk-plan (backkit) " BK_VERSION);
			return bk_close_stdout();
		case 'w':
			o.week = 1;
			week_arg = optarg;
			break;
		case 'x':
			o.times = parse_times(optarg);
			break;
		case 'C':
			complete(optarg);
			return bk_close_stdout();
		default:
			fputs(usage_text, stderr);
			return BK_EXIT_USAGE;
		}
	}
	seen[nseen] = '\0';
	o.seen = seen;
	argc -= optind;
	argv += optind;
	if (argc < 1)
		usage_error("%s", "missing command");
	sub = argv[0];
	o.today = bk_today();
	if (o.start_arg) {
		parse_date("start", o.start_arg, o.today, &o.start);
		o.has_start = 1;
	}
	if (o.date_arg) {
		parse_date("date", o.date_arg, o.today, &o.date);
		o.has_date = 1;
	}
	if (week_arg) {
		parse_date("week", week_arg, o.today, &o.week_date);
		o.has_week = 1;
	}
	if (o.format) {
		if (strcmp(o.format, "ics") == 0 && strcmp(sub, "export") == 0)
			;
		else if ((o.fmt = bk_format_parse(o.format)) < 0)
			usage_error(strcmp(sub, "export") == 0 ?
			    "invalid format '%s' (one of: ics, csv, tsv, json, "
			    "table)" : "invalid format '%s' (one of: table, "
			    "csv, tsv, json)", o.format);
	}

	if (strcmp(sub, "exercises") == 0) {
		only_options(&o, sub, "erkpf");
		operands(argc, argv, 0, 0, "");
		if (o.nregion > 1 || o.nequipment > 1)
			usage_error("%s", "exercises takes one --region and "
			    "one --equipment");
		bk_db_open(&db, o.db, BK_DB_READ);
		cmd_exercises(&db, &o);
	} else if (strcmp(sub, "exercise") == 0 && argc > 1 &&
	    strcmp(argv[1], "add") == 0) {
		only_options(&o, "exercise add", "nrkpe");
		if (argc < 3)
			usage_error("%s", "exercise add needs a SLUG");
		if (argc > 3)
			usage_error("unexpected argument '%s'", argv[3]);
		bk_db_open(&db, o.db, BK_DB_WRITE);
		cmd_exercise_add(&db, &o, argv[2]);
	} else if (strcmp(sub, "exercise") == 0) {
		only_options(&o, sub, "f");
		operands(argc, argv, 1, 1, "exercise needs a SLUG");
		bk_db_open(&db, o.db, BK_DB_READ);
		cmd_exercise_show(&db, &o, argv[1]);
	} else if (strcmp(sub, "templates") == 0) {
		only_options(&o, sub, "f");
		operands(argc, argv, 0, 0, "");
		rc = cmd_templates(&o);
	} else if (strcmp(sub, "template") == 0) {
		only_options(&o, sub, "");
		operands(argc, argv, 1, 1, "template needs a NAME or PATH");
		cmd_template(&o, argv[1]);
	} else if (strcmp(sub, "new") == 0) {
		only_options(&o, sub, "tsNox");
		operands(argc, argv, 1, 1, "new needs a plan NAME");
		rc = cmd_new(&db, &o, argv[1]);
	} else if (strcmp(sub, "add") == 0) {
		only_options(&o, sub, "oNSx");
		operands(argc, argv, 2, 3, "add needs a plan NAME and an "
		    "EXERCISE");
		rc = cmd_add(&db, &o, argv + 1, argc - 1);
	} else if (strcmp(sub, "rm") == 0) {
		only_options(&o, sub, "oN");
		operands(argc, argv, 1, 2, "rm needs a plan NAME");
		rc = cmd_rm(&db, &o, argv + 1, argc - 1);
	} else if (strcmp(sub, "end") == 0) {
		only_options(&o, sub, "D");
		operands(argc, argv, 1, 1, "end needs a plan NAME");
		rc = cmd_end(&db, &o, argv[1]);
	} else if (strcmp(sub, "undo") == 0) {
		only_options(&o, sub, "u");
		operands(argc, argv, 0, 0, "");
		bk_journal_undo_command(&db, o.db, o.dry_run);
	} else if (strcmp(sub, "list") == 0) {
		only_options(&o, sub, "f");
		operands(argc, argv, 0, 0, "");
		rc = cmd_list(&db, &o);
	} else if (strcmp(sub, "show") == 0) {
		only_options(&o, sub, "Dwaf");
		if (!!o.date_arg + o.week + o.all > 1)
			usage_error("%s", "show takes one of --date, --week "
			    "and --all");
		/* "--week DATE": a date after --week is its argument unless
		 * it names a plan */
		if (o.week && !week_arg && argc == 2)
			o.week_or_plan = argv[1];
		else if (o.week && !week_arg && argc == 3) {
			parse_date("week", argv[2], o.today, &o.week_date);
			o.has_week = 1;
			argc--;
		}
		operands(argc, argv, 0, 1, "");
		rc = cmd_show(&db, &o, argc > 1 ? argv[1] : NULL, 0);
	} else if (strcmp(sub, "today") == 0) {
		only_options(&o, sub, "f");
		operands(argc, argv, 0, 1, "");
		rc = cmd_show(&db, &o, argc > 1 ? argv[1] : NULL, 1);
	} else if (strcmp(sub, "check") == 0) {
		only_options(&o, sub, "");
		operands(argc, argv, 0, 1, "");
		rc = cmd_check(&db, &o, argc > 1 ? argv[1] : NULL);
	} else if (strcmp(sub, "export") == 0) {
		only_options(&o, sub, "f");
		operands(argc, argv, 0, 1, "");
		rc = cmd_export(&db, &o, argc > 1 ? argv[1] : NULL);
	} else
		usage_error("unknown command '%s'", sub);
	bk_db_close(&db);
	c = bk_close_stdout();
	return rc ? rc : c;
}
