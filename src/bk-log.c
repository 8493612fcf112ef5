/* bk-log - log sets and skips; list, remove, undo, export and import them */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bk.h"

static const char usage_text[] =
    "usage: bk-log EXERCISE [SPEC] [--date D] [--time HH:MM]\n"
    "              [--side left|right|both] [--hold DUR] [--rpe N]\n"
    "              [--note TEXT] [--plan NAME]\n"
    "       bk-log skip EXERCISE [--reason TEXT] [--date D] [--plan NAME]\n"
    "       bk-log list [--since D] [--until D] [--exercise X] [--format F]\n"
    "       bk-log rm ID...\n"
    "       bk-log edit ID... [SPEC] [--reps N] [--hold DUR] [--load W]\n"
    "              [--rpe N] [--note TEXT] [--date D] [--time HH:MM]\n"
    "              [--side left|right]\n"
    "       bk-log undo [--dry-run]\n"
    "       bk-log export [--since D] [--until D] [--exercise X] [--format F]\n"
    "       bk-log import FILE|- [--format auto|bk|strong|fitnotes|hevy]\n"
    "              [--units kg|lb] [--dry-run] [--create-missing]\n"
    "       bk-log session [PLAN] [--date D] [--no-timer | --timer]\n"
    "SPEC: 3x10, 3x8@5kg, 2x10@15lb, 3x30s, 2x1m, 12\n"
    "common options: [--db PATH] [-h | --help] [--version]\n";

static const struct option longopts[] = {
	{ "create-missing", no_argument, NULL, 'c' },
	{ "date", required_argument, NULL, 'D' },
	{ "db", required_argument, NULL, 'd' },
	{ "dry-run", no_argument, NULL, 'n' },
	{ "exercise", required_argument, NULL, 'e' },
	{ "format", required_argument, NULL, 'f' },
	{ "help", no_argument, NULL, 'h' },
	{ "hold", required_argument, NULL, 'H' },
	{ "load", required_argument, NULL, 'l' },
	{ "no-timer", no_argument, NULL, 'N' },
	{ "note", required_argument, NULL, 'm' },
	{ "plan", required_argument, NULL, 'p' },
	{ "reason", required_argument, NULL, 'R' },
	{ "reps", required_argument, NULL, 'x' },
	{ "rpe", required_argument, NULL, 'r' },
	{ "side", required_argument, NULL, 's' },
	{ "since", required_argument, NULL, 'S' },
	{ "time", required_argument, NULL, 't' },
	{ "timer", no_argument, NULL, 'T' },
	{ "until", required_argument, NULL, 'U' },
	{ "units", required_argument, NULL, 'u' },
	{ "version", no_argument, NULL, 'V' },
	{ "complete", required_argument, NULL, 'C' },	/* for completions */
	{ NULL, 0, NULL, 0 }
};

static const char *const subcommands[] = { "skip", "list", "rm", "edit",
	"undo", "export", "import", "log", "session", NULL };
static const char *const sides[] = { "left", "right", "both", NULL };

struct opts {
	const char *db, *note, *plan, *reason, *exercise, *format, *side;
	const char *date_s, *since_s, *until_s;
	bk_day today, day, since, until;
	char time[6];
	long hold_s;	/* 0: no --hold */
	long long reps;	/* 0: no --reps */
	double load_kg;	/* -1: no --load */
	double rpe;	/* -1: no --rpe */
	int dry_run, create_missing;
	int units;	/* --units: 0 kg, 1 lb, -1 not given */
	int no_timer, timer;	/* session: --no-timer, --timer */
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

static bk_day
date_arg(const char *what, const char *s, bk_day today)
{
	bk_day d;

	if (bk_date_parse(s, today, BK_DATE_PAST, &d) != 0)
		bk_errx(BK_EXIT_USAGE, "invalid %s '%s' (YYYY-MM-DD, today, "
		    "yesterday, a weekday or -3d)", what, s);
	return d;
}

static enum bk_format
out_format(const struct opts *o, enum bk_format dflt)
{
	int f;

	if (!o->format)
		return dflt;
	if ((f = bk_format_parse(o->format)) < 0)
		bk_errx(BK_EXIT_USAGE, "invalid format '%s' (one of: table, csv, "
		    "tsv, json)", o->format);
	return (enum bk_format)f;
}

static void
complete(const char *what)
{
	const struct option *lo;
	struct bk_db db;
	sqlite3_stmt *st;
	const char *const *list = NULL;
	int i;

	if (strcmp(what, "commands") == 0)
		list = subcommands;
	else if (strcmp(what, "side") == 0)
		list = sides;
	else if (strcmp(what, "import-format") == 0)
		list = bk_logfmt_names;
	else if (strcmp(what, "format") == 0) {
		puts("table\ncsv\ntsv\njson");
		return;
	} else if (strcmp(what, "options") == 0) {
		for (lo = longopts; lo->name; lo++)
			if (lo->val != 'C')
				printf("--%s\n", lo->name);
		return;
	} else if (strcmp(what, "exercises") == 0 ||
	    strcmp(what, "plans") == 0) {
		bk_db_open(&db, getenv("BK_COMPLETE_DB"), BK_DB_READ);
		st = bk_db_prepare(&db, what[0] == 'e' ?
		    "SELECT slug FROM exercises ORDER BY slug" :
		    "SELECT name FROM plans ORDER BY name");
		while (bk_db_step(&db, st) == SQLITE_ROW)
			puts((const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
		bk_db_close(&db);
		return;
	} else
		usage_error("invalid --complete '%s'", what);
	for (i = 0; list[i]; i++)
		puts(list[i]);
}

/* one set (or one side of one) to store */
struct setrow {
	const char *date, *time;
	long long exercise, item;	/* item 0: no planned item */
	long set_no, reps;	/* reps -1: none */
	double hold_s, load_kg, rpe;	/* -1: none */
	const char *side, *note, *reason, *key;	/* key NULL: a new one */
	int skipped;
};

/* the insert of one set; with keep_old, a row whose key is stored
 * already is left out (sqlite3_changes() then says 0) */
static sqlite3_stmt *
prepare_insert(struct bk_db *db, int keep_old)
{
	return bk_db_prepare(db, keep_old ?
	    "INSERT INTO sets (date, time, exercise_id,"
	    " set_no, reps, hold_s, load_kg, side, rpe, note, skipped, reason,"
	    " plan_item_id, journal_id, source_key) VALUES (?1, ?2, ?3, ?4,"
	    " ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)"
	    " ON CONFLICT (source_key) WHERE source_key IS NOT NULL"
	    " DO NOTHING" :
	    "INSERT INTO sets (date, time, exercise_id,"
	    " set_no, reps, hold_s, load_kg, side, rpe, note, skipped, reason,"
	    " plan_item_id, journal_id, source_key) VALUES (?1, ?2, ?3, ?4,"
	    " ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
	    " coalesce(?15, 'log:' || lower(hex(randomblob(16)))))");
}

static void
bind_num(sqlite3_stmt *st, int i, double v)
{
	if (v < 0)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_double(st, i, v);
}

static void
bind_text(sqlite3_stmt *st, int i, const char *s)
{
	sqlite3_bind_text(st, i, s && *s ? s : NULL, -1, SQLITE_STATIC);
}

static long long
insert_set(struct bk_db *db, sqlite3_stmt *st, long long jid,
    const struct setrow *s)
{
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	bind_text(st, 1, s->date);
	bind_text(st, 2, s->time);
	sqlite3_bind_int64(st, 3, s->exercise);
	sqlite3_bind_int64(st, 4, s->set_no);
	if (s->reps >= 0)
		sqlite3_bind_int64(st, 5, s->reps);
	bind_num(st, 6, s->hold_s);
	bind_num(st, 7, s->load_kg);
	bind_text(st, 8, s->side);
	bind_num(st, 9, s->rpe);
	bind_text(st, 10, s->note);
	sqlite3_bind_int(st, 11, s->skipped);
	bind_text(st, 12, s->reason);
	if (s->item > 0)
		sqlite3_bind_int64(st, 13, s->item);
	sqlite3_bind_int64(st, 14, jid);
	bind_text(st, 15, s->key);
	bk_db_step(db, st);
	return sqlite3_last_insert_rowid(db->h);
}

/* an exercise named on the command line; exits 2 when there is none */
static long long
exercise_arg(struct bk_db *db, const char *name, char *slug, size_t len)
{
	sqlite3_stmt *st;
	long long id;

	if ((id = bk_catalog_lookup(db, name)) < 0) {
		bk_db_close(db);
		exit(BK_EXIT_USAGE);
	}
	st = bk_db_prepare(db, "SELECT slug FROM exercises WHERE id = ?");
	sqlite3_bind_int64(st, 1, id);
	bk_db_step(db, st);
	snprintf(slug, len, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return id;
}

static void
now_time(char *buf)
{
	time_t t = time(NULL);
	struct tm tm;

	localtime_r(&t, &tm);
	snprintf(buf, 6, "%02u:%02u", (unsigned)tm.tm_hour % 24,
	    (unsigned)tm.tm_min % 60);
}

/* the planned item due for the exercise; exits 2 on an unknown plan */
static int
due_item(struct bk_db *db, const struct opts *o, long long ex,
    struct bk_due *due)
{
	int r = bk_due_item(db, ex, o->day, o->plan, due);

	if (r < 0) {
		bk_db_rollback(db);
		bk_plan_find(db, o->plan);	/* says so, with the nearest */
		exit(BK_EXIT_USAGE);
	}
	return r;
}

/* what one log command stores: sets of reps or timed sets, maybe loaded,
 * maybe on each side */
struct dose {
	long sets, reps, hold_s;	/* reps 0: timed sets of hold_s */
	double load_kg;	/* 0: none */
	int nsides;
	const char *side[2];
	unsigned planned, catalog;	/* FILL_HOLD, FILL_LOAD: what a SPEC
					 * left out and the plan (or the
					 * catalog) filled in */
};
enum { FILL_HOLD = 1, FILL_LOAD = 2 };

/* the SPEC, else the planned item's dose, else the catalog's; then the
 * options. What a SPEC leaves out (the hold of each rep, the load) comes
 * from the planned item, else from the catalog; "@0kg" says no load. */
static void
dose_for(struct bk_db *db, long long ex, const struct bk_due *due,
    const struct bk_spec *spec, const struct opts *o, struct dose *d)
{
	sqlite3_stmt *st;
	long creps, chold;
	int per_side;

	memset(d, 0, sizeof *d);
	st = bk_db_prepare(db, "SELECT sets, reps, hold_s, per_side FROM "
	    "exercises WHERE id = ?");
	sqlite3_bind_int64(st, 1, ex);
	bk_db_step(db, st);
	d->sets = sqlite3_column_int(st, 0);
	d->reps = creps = sqlite3_column_int(st, 1);
	d->hold_s = chold = sqlite3_column_int(st, 2);
	per_side = sqlite3_column_int(st, 3);
	sqlite3_finalize(st);
	if (due)
		per_side = per_side || due->per_side;
	if (spec) {
		d->sets = spec->sets;
		d->reps = spec->reps;
		d->hold_s = spec->hold_s;
		d->load_kg = spec->load_kg;
		if (due && (due->reps > 0 || due->hold_s > 0)) {
			if (spec->reps > 0 && o->hold_s <= 0 && due->reps > 0 &&
			    due->hold_s > 0) {
				d->hold_s = due->hold_s;
				d->planned |= FILL_HOLD;
			}
			if (!spec->no_load && spec->load_kg <= 0 &&
			    due->load_kg > 0) {
				d->load_kg = due->load_kg;
				d->planned |= FILL_LOAD;
			}
		} else if (spec->reps > 0 && o->hold_s <= 0 && creps > 0 &&
		    chold > 0) {
			d->hold_s = chold;
			d->catalog |= FILL_HOLD;
		}
	} else if (due && (due->reps > 0 || due->hold_s > 0)) {
		/* an item with no reps and no hold leaves it to the catalog */
		d->sets = due->sets > 0 ? due->sets : 1;
		d->reps = due->reps > 0 ? due->reps : 0;
		d->hold_s = due->hold_s > 0 ? due->hold_s : 0;
		d->load_kg = due->load_kg > 0 ? due->load_kg : 0;
	}
	if (o->hold_s > 0)
		d->hold_s = o->hold_s;
	if (d->sets < 1)
		d->sets = 1;
	if (d->reps < 0 || (d->reps == 0 && d->hold_s <= 0))
		d->reps = 1;
	if (o->side && strcmp(o->side, "both") != 0)
		d->side[d->nsides++] = o->side;
	else if (!o->side && due && (strcmp(due->side, "left") == 0 ||
	    strcmp(due->side, "right") == 0))
		d->side[d->nsides++] = strcmp(due->side, "left") == 0 ?
		    "left" : "right";
	else if (o->side || per_side) {
		d->side[d->nsides++] = "left";
		d->side[d->nsides++] = "right";
	}
}

/* "3x8 @5kg each side", through the one dose formatter, and after it
 * what came from the plan or the catalog: " (hold and load as planned)" */
static char *
dose_text(const struct dose *d, int imperial, char *buf, size_t len)
{
	static const char *const what[] = { "", "hold", "load",
		"hold and load" };
	size_t n;

	bk_dose_text(d->sets, d->reps, d->hold_s, d->load_kg, d->nsides ?
	    (d->nsides == 2 ? "each side" : d->side[0]) : NULL, imperial, buf,
	    len);
	if (d->nsides == 1 && (n = strlen(buf)) < len)
		snprintf(buf + n, len - n, " side");
	n = strlen(buf);
	if (d->planned && n < len)
		snprintf(buf + n, len - n, " (%s as planned)",
		    what[d->planned & 3]);
	else if (d->catalog && n < len)
		snprintf(buf + n, len - n, " (%s as in the catalog)",
		    what[d->catalog & 3]);
	return buf;
}

/* one write of bk-log: the sets of one exercise, or a skip */
struct entry {
	long long exercise, item;	/* item 0: no planned item */
	const char *slug, *plan;	/* plan: the item's, or NULL */
	struct dose d;	/* the sets (not for a skip) */
	int skip;
};

/* store an entry as one journal entry (so that undo reverses it whole),
 * in the transaction the caller began; commit, and say what was stored */
static void
store_entry(struct bk_db *db, const struct opts *o, const struct entry *e,
    int imperial)
{
	struct setrow s;
	sqlite3_stmt *st;
	char date[11], text[128], summary[512];
	long long jid, first = 0, last = 0;
	long i, rows = 1;
	int j, nsides = e->d.nsides ? e->d.nsides : 1;

	memset(&s, 0, sizeof s);
	s.date = bk_date_format(o->day, date);
	s.time = o->time;
	s.exercise = e->exercise;
	s.item = e->item;
	if (e->skip) {
		s.reps = -1;
		s.hold_s = s.load_kg = s.rpe = -1;
		s.skipped = 1;
		s.reason = o->reason;
		snprintf(summary, sizeof summary, "skip %s on %s", e->slug,
		    date);
	} else {
		dose_text(&e->d, imperial, text, sizeof text);
		rows = e->d.sets * nsides;
		snprintf(summary, sizeof summary, "log %s %s on %s (%ld row%s)",
		    e->slug, text, date, rows, rows == 1 ? "" : "s");
		s.reps = e->d.reps > 0 ? e->d.reps : -1;
		s.hold_s = e->d.hold_s > 0 ? e->d.hold_s : -1;
		s.load_kg = e->d.load_kg > 0 ? e->d.load_kg : -1;
		s.rpe = o->rpe;
		s.note = o->note;
	}
	jid = bk_journal_add(db, "bk-log", summary);
	st = prepare_insert(db, 0);
	for (i = 1; i <= (e->skip ? 1 : e->d.sets); i++) {
		s.set_no = i;
		for (j = 0; j < (e->skip ? 1 : nsides); j++) {
			s.side = e->d.nsides && !e->skip ? e->d.side[j] : NULL;
			last = insert_set(db, st, jid, &s);
			if (!first)
				first = last;
		}
	}
	sqlite3_finalize(st);

	if (e->skip)
		printf("skipped %s on %s", e->slug, date);
	else
		printf("logged %s %s on %s", e->slug, text, date);
	if (o->time[0] && !e->skip)
		printf(" at %s", o->time);
	if (e->plan) {
		fputs(" for plan ", stdout);
		bk_term_string(stdout, e->plan);
	}
	if (first == last)
		printf(" (id %lld)\n", first);
	else
		printf(" (ids %lld-%lld)\n", first, last);
	bk_db_commit(db);
}

static void
cmd_log(struct bk_db *db, const struct opts *o, const char *name,
    const char *spec_s)
{
	struct bk_spec spec;
	struct bk_config cfg;
	struct bk_due due;
	struct entry e;
	const char *why;
	char slug[80];
	int planned;

	if (spec_s && bk_spec_parse(spec_s, &spec, &why) != 0)
		bk_errx(BK_EXIT_USAGE, "invalid spec '%s': %s", spec_s, why);
	if (spec_s && spec.reps == 0 && o->hold_s > 0)
		bk_errx(BK_EXIT_USAGE, "--hold goes with sets of reps, not with "
		    "timed sets like '%s'", spec_s);
	bk_config_load(&cfg);
	bk_db_open(db, o->db, BK_DB_WRITE);
	bk_db_begin(db);
	memset(&e, 0, sizeof e);
	e.exercise = exercise_arg(db, name, slug, sizeof slug);
	e.slug = slug;
	bk_plan_refresh(db, bk_today());	/* a phase change may be due */
	planned = due_item(db, o, e.exercise, &due);
	dose_for(db, e.exercise, planned ? &due : NULL, spec_s ? &spec : NULL,
	    o, &e.d);
	e.item = planned ? due.id : 0;
	e.plan = planned ? due.plan : NULL;
	store_entry(db, o, &e, cfg.imperial);
}

static void
cmd_skip(struct bk_db *db, const struct opts *o, const char *name)
{
	struct bk_due due;
	struct entry e;
	char slug[80];
	int planned;

	bk_db_open(db, o->db, BK_DB_WRITE);
	bk_db_begin(db);
	memset(&e, 0, sizeof e);
	e.exercise = exercise_arg(db, name, slug, sizeof slug);
	e.slug = slug;
	e.skip = 1;
	bk_plan_refresh(db, bk_today());	/* a phase change may be due */
	planned = due_item(db, o, e.exercise, &due);
	e.item = planned ? due.id : 0;
	e.plan = planned ? due.plan : NULL;
	store_entry(db, o, &e, 0);
}

/* the rows list and export show, oldest first */
static sqlite3_stmt *
select_sets(struct bk_db *db, const struct opts *o, const char *cols)
{
	static const char where[] = " FROM sets s"
	    " JOIN exercises e ON e.id = s.exercise_id"
	    " LEFT JOIN plan_items pi ON pi.id = s.plan_item_id"
	    " LEFT JOIN plans p ON p.id = pi.plan_id"
	    " WHERE s.date >= ?1 AND s.date <= ?2"
	    " AND (?3 IS NULL OR s.exercise_id = ?3)"
	    " ORDER BY s.date, s.time, s.id";
	sqlite3_stmt *st;
	char sql[1024], since[11], until[11], slug[80];

	snprintf(sql, sizeof sql, "SELECT %s%s", cols, where);
	st = bk_db_prepare(db, sql);
	sqlite3_bind_text(st, 1, o->since_s ? bk_date_format(o->since, since) :
	    "0000-00-00", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, o->until_s ? bk_date_format(o->until, until) :
	    "9999-99-99", -1, SQLITE_TRANSIENT);
	if (o->exercise)
		sqlite3_bind_int64(st, 3, exercise_arg(db, o->exercise, slug,
		    sizeof slug));
	return st;
}

/* column i of st as text, numbers with at most 3 decimals; NULL if null */
static const char *
col_text(sqlite3_stmt *st, int i, char *buf, size_t len)
{
	switch (sqlite3_column_type(st, i)) {
	case SQLITE_NULL:
		return NULL;
	case SQLITE_FLOAT:
		return bk_num_format(sqlite3_column_double(st, i), 3, buf, len);
	default:
		return (const char *)sqlite3_column_text(st, i);
	}
}

static void
cmd_list(struct bk_db *db, const struct opts *o)
{
	static const char *cols[] = { "id", "date", "time", "exercise", "set",
		"side", "reps", "hold_s", "load_kg", "rpe", "skipped", "note",
		"set_type", "distance_m" };
	static const int isnum[] = { 1, 0, 0, 0, 1, 0, 1, 1, 1, 1, 1, 0, 0, 1 };
	enum bk_format fmt = out_format(o, bk_format_default());
	struct bk_config cfg;
	struct bk_out *out;
	sqlite3_stmt *st;
	const char *v[14];
	char nums[14][40];
	int i;

	bk_config_load(&cfg);
	if (cfg.imperial)
		cols[8] = "load_lb";
	bk_db_open(db, o->db, BK_DB_READ);
	st = select_sets(db, o, "s.id, s.date, s.time, e.slug, s.set_no,"
	    " s.side, s.reps, s.hold_s, s.load_kg, s.rpe, s.skipped,"
	    " coalesce(s.note, s.reason), s.set_type, s.distance_m");
	out = bk_out_new(stdout, fmt, cols, 14);
	while (bk_db_step(db, st) == SQLITE_ROW) {
		for (i = 0; i < 14; i++)
			v[i] = col_text(st, i, nums[i], sizeof nums[i]);
		if (cfg.imperial && v[8])
			v[8] = bk_num_format(sqlite3_column_double(st, 8) /
			    BK_KG_PER_LB, 2, nums[8], sizeof nums[8]);
		bk_out_row(out, v, isnum);
	}
	bk_out_end(out);
	sqlite3_finalize(st);
}

/* export's text: in CSV and TSV a value that a spreadsheet would run as a
 * formula gets a leading quote (import takes it off) */
static const char *
cell_text(const char *s, int guard, char **buf, size_t *cap)
{
	size_t n;

	if (!s || !guard || !bk_logio_escape_needed(s))
		return s;
	n = strlen(s) + 2;
	if (n > *cap) {
		*cap = n;
		*buf = bk_xrealloc(*buf, n);
	}
	(*buf)[0] = '\'';
	memcpy(*buf + 1, s, n - 1);
	return *buf;
}

static void
cmd_export(struct bk_db *db, const struct opts *o)
{
	static const int isnum[] = { 0, 0, 0, 0, 1, 0, 1, 1, 1, 1, 1, 0, 0, 0,
		0, 0, 1 };
	static const int text_cols[] = { 3, 11, 12, 13 };
	enum bk_format fmt = out_format(o, BK_FMT_CSV);
	struct bk_out *out;
	sqlite3_stmt *st;
	const char *v[17];
	char nums[17][40], key[80], *buf[4] = { NULL }, base[160];
	size_t cap[4] = { 0 };
	int i, guard = fmt == BK_FMT_CSV || fmt == BK_FMT_TSV;

	bk_db_open(db, o->db, BK_DB_READ);
	st = select_sets(db, o, "s.date, s.time, e.slug, e.name, s.set_no,"
	    " s.side, s.reps, s.hold_s, s.load_kg, s.rpe, s.skipped, s.reason,"
	    " s.note, p.name, s.source_key, s.set_type, s.distance_m, s.id");
	out = bk_out_new(stdout, fmt, (const char **)bk_logio_columns, 17);
	while (bk_db_step(db, st) == SQLITE_ROW) {
		for (i = 0; i < 17; i++)
			v[i] = col_text(st, i, nums[i], sizeof nums[i]);
		for (i = 0; i < 4; i++)
			v[text_cols[i]] = cell_text(v[text_cols[i]], guard,
			    &buf[i], &cap[i]);
		if (!v[14]) {
			/* a row some other program stored: give it a key */
			snprintf(base, sizeof base, "%lld\x1f%s\x1f%s",
			    sqlite3_column_int64(st, 17), v[0], v[2]);
			v[14] = bk_logio_key("bk", base, 1, key, sizeof key);
		}
		bk_out_row(out, v, isnum);
	}
	bk_out_end(out);
	sqlite3_finalize(st);
	for (i = 0; i < 4; i++)
		free(buf[i]);
}

static void
cmd_rm(struct bk_db *db, const struct opts *o, int argc, char **argv)
{
	sqlite3_stmt *st;
	long long *ids = bk_xmalloc(argc * sizeof *ids), jid;
	char summary[256], missing[256];
	size_t n;
	int i, j, nids = 0, nmissing = 0;

	for (i = 0; i < argc; i++) {
		long long id;

		if (bk_parse_int(argv[i], 1, 0x7fffffffffffffffLL, &id) != 0)
			bk_errx(BK_EXIT_USAGE, "invalid id '%s' (a row id that "
			    "'bk-log list' shows)", argv[i]);
		for (j = 0; j < nids && ids[j] != id; j++)
			;
		if (j == nids)
			ids[nids++] = id;
	}
	bk_db_open(db, o->db, BK_DB_WRITE);
	bk_db_begin(db);
	st = bk_db_prepare(db, "SELECT 1 FROM sets WHERE id = ?");
	missing[0] = '\0';
	for (i = 0; i < nids; i++) {
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, ids[i]);
		if (bk_db_step(db, st) != SQLITE_ROW) {
			n = strlen(missing);
			snprintf(missing + n, sizeof missing - n, "%s%lld",
			    nmissing++ ? ", " : "", ids[i]);
		}
	}
	sqlite3_finalize(st);
	if (nmissing) {
		bk_db_rollback(db);
		bk_errx(BK_EXIT_DATA, "cannot remove: no row with id%s %s",
		    nmissing > 1 ? "s" : "", missing);
	}
	snprintf(summary, sizeof summary, "rm %d row%s (id%s ", nids,
	    nids > 1 ? "s" : "", nids > 1 ? "s" : "");
	for (i = 0; i < nids; i++) {
		n = strlen(summary);
		if (n > sizeof summary - 32) {
			snprintf(summary + n, sizeof summary - n, ", ...");
			break;
		}
		snprintf(summary + n, sizeof summary - n, "%s%lld",
		    i ? ", " : "", ids[i]);
	}
	n = strlen(summary);
	snprintf(summary + n, sizeof summary - n, ")");
	jid = bk_journal_add(db, "bk-log", summary);
	for (i = 0; i < nids; i++)
		bk_journal_remove(db, jid, "sets", ids[i]);
	printf("removed %s\n", summary + 3);
	bk_db_commit(db);
	free(ids);
}

static int
all_digits(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

/* change logged rows in place, as one journal entry: what a SPEC and the
 * options say, checked as logging checks them */
static void
cmd_edit(struct bk_db *db, const struct opts *o, int argc, char **argv)
{
	struct bk_spec spec;
	sqlite3_stmt *st, *upd;
	long long *ids;
	const char *why, *spec_s = NULL;
	char summary[256], date[11];
	size_t n;
	int i, j, nids = 0, has_reps = 0, has_hold = 0, has_load = 0;
	long long reps = 0;
	double hold = 0, load = 0;

	if (argc > 1 && !all_digits(argv[argc - 1]))
		spec_s = argv[--argc];
	ids = bk_xmalloc(argc * sizeof *ids);
	for (i = 0; i < argc; i++) {
		long long id;

		if (bk_parse_int(argv[i], 1, 0x7fffffffffffffffLL, &id) != 0)
			bk_errx(BK_EXIT_USAGE, "invalid id '%s' (a row id that "
			    "'bk-log list' shows)", argv[i]);
		for (j = 0; j < nids && ids[j] != id; j++)
			;
		if (j == nids)
			ids[nids++] = id;
	}
	if (spec_s) {
		if (bk_spec_parse(spec_s, &spec, &why) != 0)
			bk_errx(BK_EXIT_USAGE, "invalid spec '%s': %s", spec_s,
			    why);
		if (spec.sets != 1 && spec.sets != nids)
			bk_errx(BK_EXIT_USAGE, "invalid spec '%s': %ld sets for "
			    "%d row%s (each row is one set)", spec_s, spec.sets,
			    nids, nids == 1 ? "" : "s");
		if (spec.reps == 0 && o->hold_s > 0)
			bk_errx(BK_EXIT_USAGE, "--hold goes with sets of reps, "
			    "not with timed sets like '%s'", spec_s);
		has_reps = has_hold = has_load = 1;
		reps = spec.reps;
		hold = spec.reps ? 0 : (double)spec.hold_s;
		load = spec.load_kg;
	}
	if (o->reps) {
		has_reps = 1;
		reps = o->reps;
	}
	if (o->hold_s > 0) {
		has_hold = 1;
		hold = (double)o->hold_s;
	}
	if (o->load_kg >= 0) {
		has_load = 1;
		load = o->load_kg;
	}
	if (o->side && strcmp(o->side, "both") == 0)
		bk_errx(BK_EXIT_USAGE, "invalid side '%s' for edit (left or "
		    "right: a row is one side)", o->side);
	if (!spec_s && !o->reps && o->hold_s <= 0 && o->load_kg < 0 &&
	    o->rpe < 0 && !o->note && !o->date_s && !o->time[0] && !o->side)
		usage_error("%s", "edit needs a SPEC or an option saying what "
		    "to change");
	bk_db_open(db, o->db, BK_DB_WRITE);
	bk_db_begin(db);
	st = bk_db_prepare(db, "SELECT skipped FROM sets WHERE id = ?");
	for (i = 0; i < nids; i++) {
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, ids[i]);
		if (bk_db_step(db, st) != SQLITE_ROW) {
			bk_db_rollback(db);
			bk_errx(BK_EXIT_DATA, "cannot edit: no row with id %lld",
			    ids[i]);
		}
		if (sqlite3_column_int(st, 0) && (has_reps || has_hold ||
		    has_load || o->rpe >= 0)) {
			bk_db_rollback(db);
			bk_errx(BK_EXIT_DATA, "cannot edit row %lld: it is a "
			    "skip, with nothing done to change", ids[i]);
		}
	}
	sqlite3_finalize(st);
	snprintf(summary, sizeof summary, "edit %d row%s (id%s ", nids,
	    nids > 1 ? "s" : "", nids > 1 ? "s" : "");
	for (i = 0; i < nids; i++) {
		n = strlen(summary);
		if (n > sizeof summary - 32) {
			snprintf(summary + n, sizeof summary - n, ", ...");
			break;
		}
		snprintf(summary + n, sizeof summary - n, "%s%lld",
		    i ? ", " : "", ids[i]);
	}
	n = strlen(summary);
	snprintf(summary + n, sizeof summary - n, ")");
	bk_journal_add(db, "bk-log", summary);
	upd = bk_db_prepare(db, "UPDATE sets SET"
	    " reps = CASE WHEN ?2 THEN ?3 ELSE reps END,"
	    " hold_s = CASE WHEN ?4 THEN ?5 ELSE hold_s END,"
	    " load_kg = CASE WHEN ?6 THEN ?7 ELSE load_kg END,"
	    " rpe = CASE WHEN ?8 THEN ?9 ELSE rpe END,"
	    " note = CASE WHEN ?10 THEN ?11 ELSE note END,"
	    " date = coalesce(?12, date), time = coalesce(?13, time),"
	    " side = coalesce(?14, side) WHERE id = ?1");
	for (i = 0; i < nids; i++) {
		sqlite3_reset(upd);
		sqlite3_clear_bindings(upd);
		sqlite3_bind_int64(upd, 1, ids[i]);
		sqlite3_bind_int(upd, 2, has_reps);
		if (reps > 0)
			sqlite3_bind_int64(upd, 3, reps);
		sqlite3_bind_int(upd, 4, has_hold);
		if (hold > 0)
			sqlite3_bind_double(upd, 5, hold);
		sqlite3_bind_int(upd, 6, has_load);
		if (load > 0)
			sqlite3_bind_double(upd, 7, load);
		sqlite3_bind_int(upd, 8, o->rpe >= 0);
		bind_num(upd, 9, o->rpe);
		sqlite3_bind_int(upd, 10, o->note != NULL);
		bind_text(upd, 11, o->note);
		if (o->date_s)
			sqlite3_bind_text(upd, 12, bk_date_format(o->day, date),
			    -1, SQLITE_STATIC);
		bind_text(upd, 13, o->time);
		bind_text(upd, 14, o->side);
		bk_db_step(db, upd);
	}
	sqlite3_finalize(upd);
	printf("changed %s\n", summary + 5);
	bk_db_commit(db);
	free(ids);
}

/* --- guided sessions ----------------------------------------------- */

/* one exercise of the day's list, and what was answered for it */
struct step {
	struct bk_due due;
	long long exercise;
	char *slug, *name;
	long todo;	/* sets left for the day; 0: as many as planned */
	const char *result;	/* "done", "partly", "skipped" or NULL */
	char *text;	/* the dose logged or the reason for a skip */
	int warmup;	/* from a plan's phase called warm-up */
};

struct session {
	struct bk_db *db;
	struct opts o;	/* the time and the reason change per answer */
	struct step *step;
	int n, cap, done, skipped;
	char *tests;	/* tests due and not recorded: "toe-touch test" */
	size_t testslen;
	FILE *testfp;
	int tty, live, color, timer, imperial;
	long line;	/* of the answers read from a script */
	char *buf;
	size_t bufcap;
};

enum { GO_ON, QUIT, STOPPED };

static const char answers_help[] =
    "answers (one a line; the first letter is enough):\n"
    "  done            the whole dose shown\n"
    "  skip [REASON]   left out today, and why\n"
    "  partly N        N sets done, or for a dose of one set N reps "
    "(or seconds)\n"
    "  partly SPEC     what was done, as 1x6, 2x20s or 2x8@5kg\n"
    "  rest            count the rest down, then ask again\n"
    "  quit            stop here; every answer so far is kept\n";

static int
collect_step(const struct bk_plan_row *r, void *data)
{
	struct session *s = data;
	struct step *st;

	if (strcmp(r->kind, "test") == 0) {
		if (r->logged < r->needed)
			fprintf(s->testfp, "%sthe %s %s of plan %s ('bk-test "
			    "%s')", ftell(s->testfp) > 0 ? ", " : "", r->item,
			    strcmp(r->item, "pain") ? "test" : "rating",
			    r->plan, r->item);
		return 0;
	}
	if (strcmp(r->kind, "exercise") != 0)
		return 0;
	if (strcmp(r->status, "done") == 0) {
		s->done++;
		return 0;
	}
	if (strcmp(r->status, "skipped") == 0) {
		s->skipped++;
		return 0;
	}
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 16;
		s->step = bk_xrealloc(s->step, s->cap * sizeof *s->step);
	}
	st = &s->step[s->n++];
	memset(st, 0, sizeof *st);
	st->due.id = r->item_id;
	st->due.plan_id = r->plan_id;
	snprintf(st->due.plan, sizeof st->due.plan, "%s", r->plan);
	st->due.sets = r->sets;
	st->due.reps = r->reps;
	st->due.hold_s = r->hold_s;
	st->due.rest_s = r->rest_s;
	st->due.load_kg = r->load_kg;
	st->due.per_side = r->per_side;
	snprintf(st->due.side, sizeof st->due.side, "%s", r->side ? r->side :
	    "");
	st->due.times = r->times;
	st->exercise = r->exercise_id;
	st->warmup = r->phase && bk_strcaseeq(r->phase, "warm-up");
	st->slug = bk_xstrdup(r->item);
	st->name = bk_xstrdup(r->name);
	if (r->needed > r->logged && r->logged > 0)
		st->todo = r->needed - r->logged;
	return 0;
}

/* the day's list: every plan (or the one named) in the order that
 * bk-plan today shows them, each in its own order; the items of a plan
 * in its warm-up phase before all others */
static void
session_list(struct session *s, long long plan)
{
	sqlite3_stmt *st;
	struct step *v;
	int i, k = 0, pass;

	s->testfp = open_memstream(&s->tests, &s->testslen);
	if (!s->testfp)
		bk_errx(BK_EXIT_DATA, "cannot allocate memory");
	st = bk_db_prepare(s->db, "SELECT id FROM plans WHERE"
	    " (?1 = 0 AND active = 1) OR id = ?1 ORDER BY start_date, name");
	sqlite3_bind_int64(st, 1, plan);
	while (bk_db_step(s->db, st) == SQLITE_ROW)
		bk_plan_rows(s->db, sqlite3_column_int64(st, 0), s->o.day,
		    s->o.day, s->o.today, collect_step, s);
	sqlite3_finalize(st);
	fclose(s->testfp);
	v = bk_xmalloc((s->n + 1) * sizeof *v);
	for (pass = 1; pass >= 0; pass--)
		for (i = 0; i < s->n; i++)
			if (s->step[i].warmup == pass)
				v[k++] = s->step[i];
	free(s->step);
	s->step = v;
}

static void
tests_note(const struct session *s, const char *lead)
{
	if (!s->tests[0])
		return;
	fputs(lead, stdout);
	bk_term_string(stdout, s->tests);
	putchar('\n');
}

/* the dose of one step: the plan's for one session, cut to what is left
 * of the day */
static void
step_dose(struct session *s, const struct step *st, struct dose *d)
{
	dose_for(s->db, st->exercise, &st->due, NULL, &s->o, d);
	if (st->todo > 0 && st->todo < d->sets)
		d->sets = st->todo;
}

static void
show_step(struct session *s, int i, const struct dose *d, long rest)
{
	const struct step *st = &s->step[i];
	sqlite3_stmt *q;
	char text[160], dur[32];

	printf("\n%s[%d/%d] ", s->color ? "\033[1m" : "", i + 1, s->n);
	bk_term_string(stdout, st->name);
	printf(" (%s)%s, plan ", st->slug, s->color ? "\033[0m" : "");
	bk_term_string(stdout, st->due.plan);
	putchar('\n');
	bk_term_wrap(stdout, "dose:", dose_text(d, s->imperial, text,
	    sizeof text));
	if (d->nsides == 2)
		bk_term_wrap(stdout, "sides:", "each set on the left side, "
		    "then on the right");
	else if (d->nsides == 1)
		bk_term_wrap(stdout, "sides:", strcmp(d->side[0], "left") ?
		    "the right side only" : "the left side only");
	else if (st->due.side[0])
		bk_term_wrap(stdout, "direction:", st->due.side);
	if (rest > 0 && d->sets > 1) {
		snprintf(text, sizeof text, "%s between sets",
		    bk_duration_format(rest, dur, sizeof dur));
		bk_term_wrap(stdout, "rest:", text);
	}
	q = bk_db_prepare(s->db, "SELECT cues, cautions FROM exercises"
	    " WHERE id = ?");
	sqlite3_bind_int64(q, 1, st->exercise);
	if (bk_db_step(s->db, q) == SQLITE_ROW) {
		if (*sqlite3_column_text(q, 0))
			bk_term_wrap(stdout, "cues:",
			    (const char *)sqlite3_column_text(q, 0));
		if (*sqlite3_column_text(q, 1))
			bk_term_wrap(stdout, "cautions:",
			    (const char *)sqlite3_column_text(q, 1));
	}
	sqlite3_finalize(q);
	fflush(stdout);
}

/* the rest between sets: the plan's, else the catalog's, else 30s */
static long
step_rest(struct session *s, const struct step *st)
{
	sqlite3_stmt *q;
	long rest = st->due.rest_s;

	if (rest > 0)
		return rest;
	q = bk_db_prepare(s->db, "SELECT rest_s FROM exercises WHERE id = ?");
	sqlite3_bind_int64(q, 1, st->exercise);
	if (bk_db_step(s->db, q) == SQLITE_ROW)
		rest = sqlite3_column_int(q, 0);
	sqlite3_finalize(q);
	return rest;
}

static int
count(struct session *s, const char *label, long secs)
{
	int r = bk_tty_countdown(stdout, label, secs, s->live, s->color,
	    s->tty);

	return r == BK_COUNT_DONE ? GO_ON : r == BK_COUNT_QUIT ? QUIT :
	    STOPPED;
}

/* the countdowns of timed sets: each set (each side of it) held, the rest
 * between sets; on a terminal Enter starts them */
static int
run_timers(struct session *s, const struct dose *d, long rest)
{
	char dur[32];
	long i;
	int j, k, r = GO_ON, nsides = d->nsides ? d->nsides : 1;

	if (s->tty) {
		bk_tty_keys(1);
		fputs("Enter starts the timer, s skips it, q quits: ", stdout);
		fflush(stdout);
		do
			k = bk_tty_key();
		while (k >= 0 && !strchr("\n\r sSqQ", k));
		putchar('\n');
		if (k == 's' || k == 'S') {
			bk_tty_keys(0);
			return GO_ON;
		}
		if (k < 0 || k == 'q' || k == 'Q') {
			bk_tty_keys(0);
			return k == -2 ? STOPPED : QUIT;
		}
	}
	for (i = 1; i <= d->sets && r == GO_ON; i++)
		for (j = 0; j < nsides && r == GO_ON; j++) {
			printf("set %ld of %ld%s%s%s: hold %s\n", i, d->sets,
			    d->nsides ? ", " : "", d->nsides ? d->side[j] : "",
			    d->nsides ? " side" : "",
			    bk_duration_format(d->hold_s, dur, sizeof dur));
			r = count(s, "hold", d->hold_s);
			if (r == GO_ON && j == nsides - 1 && i < d->sets &&
			    rest > 0)
				r = count(s, "rest", rest);
		}
	bk_tty_keys(0);
	return r;
}

/* the next answer line, blanks cut: GO_ON, QUIT at the end of input, or
 * STOPPED by a signal */
static int
read_answer(struct session *s, const char *prompt)
{
	ssize_t n;

	if (bk_tty_stopped())
		return STOPPED;
	if (s->tty) {
		fputs(prompt, stdout);
		fflush(stdout);
		if (bk_tty_wait(0, -1) < 0)
			return STOPPED;
	}
	errno = 0;
	n = getline(&s->buf, &s->bufcap, stdin);
	if (bk_tty_stopped())
		return STOPPED;
	if (n < 0) {
		if (ferror(stdin) && errno != EINTR)
			bk_errx(BK_EXIT_DATA, "cannot read the answers: %s",
			    strerror(errno));
		if (s->tty)
			putchar('\n');
		return QUIT;
	}
	s->line++;
	return GO_ON;
}

/* store one answer as bk-log EXERCISE or bk-log skip would */
static void
store_answer(struct session *s, struct step *st, const struct dose *d,
    const char *reason)
{
	struct entry e;
	sqlite3_stmt *q;
	char text[160];
	int item;

	if (s->o.day == s->o.today)
		now_time(s->o.time);
	s->o.reason = reason;
	memset(&e, 0, sizeof e);
	e.exercise = st->exercise;
	e.slug = st->slug;
	e.skip = d == NULL;
	if (d)
		e.d = *d;
	bk_db_begin(s->db);
	/* the phase change the list was read with, stored now */
	bk_plan_refresh(s->db, s->o.today);
	/* the item may have gone since the list was read */
	q = bk_db_prepare(s->db, "SELECT 1 FROM plan_items WHERE id = ?");
	sqlite3_bind_int64(q, 1, st->due.id);
	item = bk_db_step(s->db, q) == SQLITE_ROW;
	sqlite3_finalize(q);
	e.item = item ? st->due.id : 0;
	e.plan = item ? st->due.plan : NULL;
	store_entry(s->db, &s->o, &e, s->imperial);
	free(st->text);
	st->text = bk_xstrdup(d ? dose_text(d, s->imperial, text, sizeof text)
	    : reason ? reason : "");
}

/* a bad answer: asked again on a terminal, the end of a script */
static int
bad_answer(struct session *s, const char *why, int *fail)
{
	char v[512];

	fflush(stdout);
	bk_term_snprint(v, sizeof v, s->buf);
	if (s->tty) {
		fprintf(stderr, "invalid answer '%s': %s\n", v, why);
		return GO_ON;
	}
	*fail = 1;
	fprintf(stderr, "%s: invalid answer '%s' on line %ld: %s\n",
	    bk_progname, v, s->line, why);
	return QUIT;
}

/* show one step and store its answer: GO_ON, QUIT or STOPPED (fail is
 * set for a bad answer in a script) */
static int
run_step(struct session *s, int i, int *fail)
{
	struct step *st = &s->step[i];
	struct bk_answer a;
	struct bk_answer_dose plan, got;
	struct dose d;
	char prompt[160], err[256], dur[32];
	const char *why, *n_is;
	long rest;
	int r;

	step_dose(s, st, &d);
	rest = step_rest(s, st);
	show_step(s, i, &d, rest);
	if (s->timer && d.reps == 0 && d.hold_s > 0 &&
	    (r = run_timers(s, &d, rest)) != GO_ON)
		return r;
	n_is = d.sets > 1 ? "sets" : d.reps > 0 ? "reps" : "seconds";
	snprintf(prompt, sizeof prompt, "done, skip [REASON], partly N (%s "
	    "done), rest or quit? ", n_is);
	for (;;) {
		if ((r = read_answer(s, prompt)) != GO_ON)
			return r;
		if (bk_answer_parse(s->buf, &a, &why) != 0) {
			if (bad_answer(s, why, fail) != GO_ON)
				return QUIT;
			continue;
		}
		switch (a.kind) {
		case BK_ANSWER_NONE:
			continue;
		case BK_ANSWER_HELP:
			fputs(answers_help, stdout);
			continue;
		case BK_ANSWER_REST:
			if (rest <= 0)
				rest = 30;
			if (!s->timer) {
				printf("rest %s (no timer)\n",
				    bk_duration_format(rest, dur, sizeof dur));
				continue;
			}
			bk_tty_keys(1);
			r = count(s, "rest", rest);
			bk_tty_keys(0);
			if (r != GO_ON)
				return r;
			continue;
		case BK_ANSWER_QUIT:
			return QUIT;
		case BK_ANSWER_SKIP:
			if (!a.arg && s->tty) {
				if ((r = read_answer(s, "reason (Enter for "
				    "none)? ")) != GO_ON)
					return r;
				a.arg = s->buf;
				s->buf[strcspn(s->buf, "\r\n")] = '\0';
			}
			store_answer(s, st, NULL, a.arg && *a.arg ? a.arg :
			    NULL);
			st->result = "skipped";
			return GO_ON;
		case BK_ANSWER_PARTLY:
			plan.sets = d.sets;
			plan.reps = d.reps;
			plan.hold_s = d.hold_s;
			plan.load_kg = d.load_kg;
			if (bk_answer_partly(a.arg, &plan, &got, err,
			    sizeof err) != 0) {
				if (bad_answer(s, err, fail) != GO_ON)
					return QUIT;
				continue;
			}
			d.sets = got.sets;
			d.reps = got.reps;
			d.hold_s = got.hold_s;
			d.load_kg = got.load_kg;
			store_answer(s, st, &d, NULL);
			st->result = "partly";
			return GO_ON;
		case BK_ANSWER_DONE:
			store_answer(s, st, &d, NULL);
			st->result = "done";
			return GO_ON;
		}
	}
}

static void
session_summary(const struct session *s, bk_day day)
{
	static const char *const results[] = { "done", "partly", "skipped" };
	char date[16];
	int i, k, n[3] = { 0, 0, 0 }, left = 0;

	for (i = 0; i < s->n; i++) {
		if (!s->step[i].result)
			left++;
		for (k = 0; k < 3; k++)
			n[k] += s->step[i].result &&
			    strcmp(s->step[i].result, results[k]) == 0;
	}
	printf("\nsession of %s: %d done, %d partly, %d skipped, %d not "
	    "answered\n", bk_date_words(day, date, sizeof date), n[0], n[1],
	    n[2], left);
	for (i = 0; i < s->n; i++) {
		const struct step *st = &s->step[i];

		printf("  %-8s %s", st->result ? st->result : "to do",
		    st->slug);
		if (st->result && st->text[0]) {
			fputs(strcmp(st->result, "skipped") ? " " : ": ",
			    stdout);
			bk_term_string(stdout, st->text);
		}
		putchar('\n');
	}
	tests_note(s, "still to record: ");
}

static void
session_free(struct session *s)
{
	int i;

	for (i = 0; i < s->n; i++) {
		free(s->step[i].slug);
		free(s->step[i].name);
		free(s->step[i].text);
	}
	free(s->step);
	free(s->tests);
	free(s->buf);
}

static void
cmd_session(struct bk_db *db, const struct opts *o, const char *plan_name)
{
	struct session s;
	struct bk_config cfg;
	const char *nc = getenv("NO_COLOR");
	char date[16];
	long long plan = 0;
	int i, r = GO_ON, fail = 0;

	bk_config_load(&cfg);
	memset(&s, 0, sizeof s);
	s.db = db;
	s.o = *o;
	s.imperial = cfg.imperial;
	s.tty = isatty(STDIN_FILENO);
	s.live = isatty(STDOUT_FILENO);
	s.color = s.live && !(nc && *nc);
	s.timer = !o->no_timer && (s.tty || o->timer);
	bk_db_open(db, o->db, BK_DB_READ);
	if (plan_name && (plan = bk_plan_find(db, plan_name)) < 0) {
		bk_db_close(db);
		exit(BK_EXIT_USAGE);
	}
	bk_plan_refresh(db, o->today);	/* a phase change may be due */
	session_list(&s, plan);
	bk_date_words(o->day, date, sizeof date);
	if (s.n == 0) {
		if (s.done || s.skipped)
			printf("nothing left to do on %s: %d done, %d "
			    "skipped\n", date, s.done, s.skipped);
		else
			printf("nothing due on %s\n", date);
		tests_note(&s, "still to record: ");
		session_free(&s);
		return;
	}
	if (!db->writable) {	/* says why it cannot be written */
		bk_db_close(db);
		bk_db_open(db, o->db, BK_DB_WRITE);
	}
	bk_tty_init(s.tty ? STDIN_FILENO : -1);
	printf("session of %s: %d exercise%s to do", date, s.n,
	    s.n == 1 ? "" : "s");
	if (s.done || s.skipped)
		printf(" (%d done, %d skipped before)", s.done, s.skipped);
	putchar('\n');
	tests_note(&s, "first: ");
	if (s.tty)
		fputs("answer each with done, skip [REASON], partly N, rest or "
		    "quit (? for help)\n", stdout);
	for (i = 0; i < s.n && r == GO_ON; i++)
		r = run_step(&s, i, &fail);
	bk_tty_restore();
	if (r == STOPPED)
		fputs("\ninterrupted\n", stdout);
	session_summary(&s, o->day);
	session_free(&s);
	if (r == STOPPED) {
		bk_db_close(db);
		bk_close_stdout();
		bk_tty_exit(bk_tty_stopped());
	}
	if (fail) {
		bk_db_close(db);
		exit(bk_close_stdout() ? BK_EXIT_DATA : BK_EXIT_USAGE);
	}
}

/* import: one pass over the file inside one transaction */
#define IMPORT_NAMES 256
struct import {
	struct bk_db *db;
	const char *file;	/* as shown in messages */
	enum bk_logfmt want;
	struct bk_logmap map;
	struct bk_logrow row;
	int header_seen, default_lb, create;
	long long jid, max_exercise;
	long added, updated, unchanged, unknown, created, unlinked, rest;
	long not_done;
	/* the file's columns that no field is read from: their names and
	 * how many values they held */
	char **left;	/* by column; NULL for a column that is read */
	long *nleft;
	int ncols;
	/* the lines of the rows mended, by enum bk_repair: the first few,
	 * and how many */
	long fixed_line[3][8], nfixed[3];
	/* Hevy repeats an exercise's note on each of its sets */
	sqlite3_stmt *note_seen, *note_put;
	long unit_rows[3];	/* rows by enum bk_logunit */
	sqlite3_stmt *find, *count, *ins, *stored, *unk, *mk, *slug_used;
	/* the exercise of each name met so far, so that a long file costs a
	 * query per name rather than per row; direct-mapped, so bounded */
	char *names[IMPORT_NAMES];
	long long name_ids[IMPORT_NAMES];
	/* the previous row's planned item, which the next sets share */
	long long last_item, item_ex;
	char last_date[11], *last_plan;
	char err[1024];
};

static long long
find_exercise(struct import *im, const char *name)
{
	long long id = -1;

	if (!name)
		return -1;
	sqlite3_reset(im->find);
	sqlite3_bind_text(im->find, 1, name, -1, SQLITE_STATIC);
	if (bk_db_step(im->db, im->find) == SQLITE_ROW)
		id = sqlite3_column_int64(im->find, 0);
	sqlite3_reset(im->find);
	return id;
}

static int
slug_taken(struct import *im, const char *slug)
{
	int taken;

	sqlite3_reset(im->slug_used);
	sqlite3_bind_text(im->slug_used, 1, slug, -1, SQLITE_STATIC);
	taken = bk_db_step(im->db, im->slug_used) == SQLITE_ROW;
	sqlite3_reset(im->slug_used);
	return taken;
}

/* add an exercise for a name the store does not know */
static long long
create_exercise(struct import *im, const struct bk_logrow *r)
{
	char slug[80], try[80], today[11];
	int k;

	if (bk_slug_valid(r->exercise))
		snprintf(slug, sizeof slug, "%s", r->exercise);
	else
		bk_logio_slug(r->exercise, slug, 65);
	snprintf(try, sizeof try, "%s", slug);
	/* a name in another script: exercise-1, exercise-2, ... */
	if (!slug[0])
		snprintf(try, sizeof try, "exercise-1");
	for (k = 2; slug_taken(im, try); k++)
		snprintf(try, sizeof try, "%.*s-%d", 56, slug[0] ? slug :
		    "exercise", k);
	sqlite3_reset(im->mk);
	sqlite3_bind_text(im->mk, 1, try, -1, SQLITE_STATIC);
	sqlite3_bind_text(im->mk, 2, r->exercise_name ? r->exercise_name :
	    r->exercise, -1, SQLITE_STATIC);
	sqlite3_bind_text(im->mk, 3, bk_date_format(bk_today(), today), -1,
	    SQLITE_TRANSIENT);
	bk_db_step(im->db, im->mk);
	im->created++;
	return sqlite3_last_insert_rowid(im->db->h);
}

static unsigned
name_slot(const char *s)
{
	unsigned h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h % IMPORT_NAMES;
}

static long long
row_exercise(struct import *im, const struct bk_logrow *r, long line)
{
	unsigned slot = name_slot(r->exercise);
	long long id;

	if (im->names[slot] && strcmp(im->names[slot], r->exercise) == 0)
		return im->name_ids[slot];
	id = find_exercise(im, r->exercise);
	if (id < 0 && r->exercise_name && strcmp(r->exercise_name,
	    r->exercise) != 0)
		id = find_exercise(im, r->exercise_name);
	if (id < 0 && im->create)
		id = create_exercise(im, r);
	if (id < 0) {
		sqlite3_reset(im->unk);
		sqlite3_bind_text(im->unk, 1, r->exercise, -1, SQLITE_STATIC);
		sqlite3_bind_int64(im->unk, 2, line);
		bk_db_step(im->db, im->unk);
		sqlite3_reset(im->unk);
		return -1;
	}
	free(im->names[slot]);
	im->names[slot] = bk_xstrdup(r->exercise);
	im->name_ids[slot] = id;
	return id;
}

/* the insert of one imported set, with the id it had when it replaces
 * an older version of itself (else NULL: a new id) */
static sqlite3_stmt *
prepare_import(struct bk_db *db)
{
	return bk_db_prepare(db, "INSERT INTO sets (date, time, exercise_id,"
	    " set_no, reps, hold_s, load_kg, side, rpe, note, skipped, reason,"
	    " set_type, distance_m, plan_item_id, journal_id, source_key, id)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
	    " coalesce(?13, 'normal'), ?14, ?15, ?16, ?17, ?18)");
}

/* the stored row of a key: its id, the import that wrote it, whether it
 * holds the same values, and its planned item */
static sqlite3_stmt *
prepare_stored(struct bk_db *db)
{
	return bk_db_prepare(db, "SELECT id, journal_id, date IS ?1 AND"
	    " time IS ?2 AND exercise_id IS ?3 AND set_no IS ?4 AND reps IS ?5"
	    " AND hold_s IS ?6 AND load_kg IS ?7 AND side IS ?8 AND rpe IS ?9"
	    " AND note IS ?10 AND skipped IS ?11 AND reason IS ?12 AND"
	    " set_type IS coalesce(?13, 'normal') AND distance_m IS ?14,"
	    " plan_item_id FROM sets WHERE source_key = ?15");
}

/* a set's values as ?1 .. ?14 of the two statements above */
static void
bind_values(sqlite3_stmt *st, const struct setrow *s,
    const struct bk_logrow *r)
{
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	bind_text(st, 1, s->date);
	bind_text(st, 2, s->time);
	sqlite3_bind_int64(st, 3, s->exercise);
	sqlite3_bind_int64(st, 4, s->set_no);
	if (s->reps >= 0)
		sqlite3_bind_int64(st, 5, s->reps);
	bind_num(st, 6, s->hold_s);
	bind_num(st, 7, s->load_kg);
	bind_text(st, 8, s->side);
	bind_num(st, 9, s->rpe);
	bind_text(st, 10, s->note);
	sqlite3_bind_int(st, 11, s->skipped);
	bind_text(st, 12, s->reason);
	bind_text(st, 13, r->set_type);
	bind_num(st, 14, r->distance_m);
}

/* store one set: new, unchanged, or an update of the row its key names,
 * which goes to the journal's trash so that undo puts it back; 1 when a
 * row was written */
static int
import_insert(struct import *im, const struct setrow *s,
    const struct bk_logrow *r)
{
	long long id = 0, item = s->item;
	int rc;

	bind_values(im->stored, s, r);
	bind_text(im->stored, 15, s->key);
	if ((rc = bk_db_step(im->db, im->stored)) == SQLITE_ROW) {
		id = sqlite3_column_int64(im->stored, 0);
		/* the same key twice in one file, or nothing changed */
		if (sqlite3_column_int64(im->stored, 1) == im->jid ||
		    sqlite3_column_int(im->stored, 2)) {
			sqlite3_reset(im->stored);
			im->unchanged++;
			return 0;
		}
		if (item <= 0)
			item = sqlite3_column_int64(im->stored, 3);
	}
	sqlite3_reset(im->stored);
	if (id)
		bk_journal_remove(im->db, im->jid, "sets", id);
	bind_values(im->ins, s, r);
	if (item > 0)
		sqlite3_bind_int64(im->ins, 15, item);
	sqlite3_bind_int64(im->ins, 16, im->jid);
	bind_text(im->ins, 17, s->key);
	if (id)
		sqlite3_bind_int64(im->ins, 18, id);
	bk_db_step(im->db, im->ins);
	if (id)
		im->updated++;
	else
		im->added++;
	return !id;
}

/* the rank of this base among the rows read so far with the same one */
static long
rank(struct import *im, const char *base)
{
	char h[80];
	long n;

	bk_logio_key("", base, 0, h, sizeof h);
	sqlite3_reset(im->count);
	sqlite3_bind_text(im->count, 1, h, -1, SQLITE_TRANSIENT);
	bk_db_step(im->db, im->count);
	n = sqlite3_column_int(im->count, 0);
	sqlite3_reset(im->count);
	return n;
}

/* the planned item a bk row names by its plan; the sets of one logged
 * command (set 2 and on, and the right side of set 1) share one. *missing
 * is set when the plan has no such item */
static long long
row_item(struct import *im, const struct bk_logrow *r, long long ex,
    int *missing)
{
	struct bk_due due;
	bk_day day;

	*missing = 0;
	if (!r->plan)
		return 0;
	if (im->last_item && ex == im->item_ex && im->last_plan &&
	    strcmp(r->date, im->last_date) == 0 &&
	    strcmp(r->plan, im->last_plan) == 0 &&
	    (r->set_no > 1 || (r->side && strcmp(r->side, "right") == 0)))
		return im->last_item;
	bk_date_parse_iso(r->date, &day);
	if (bk_due_item(im->db, ex, day, r->plan, &due) != 1) {
		*missing = 1;
		im->last_item = 0;
		return 0;
	}
	im->last_item = due.id;
	im->item_ex = ex;
	memcpy(im->last_date, r->date, 11);
	free(im->last_plan);
	im->last_plan = bk_xstrdup(r->plan);
	return due.id;
}

/* Hevy's note on an exercise, kept on its first set in the workout only
 * (and on a set whose note differs), also when supersets interleave */
static const char *
exercise_note(struct import *im, const struct bk_logrow *r)
{
	char h[80];
	int same;

	bk_logio_key("", r->base, 0, h, sizeof h);
	sqlite3_reset(im->note_seen);
	sqlite3_bind_text(im->note_seen, 1, h, -1, SQLITE_TRANSIENT);
	bind_text(im->note_seen, 2, r->note);
	same = bk_db_step(im->db, im->note_seen) == SQLITE_ROW &&
	    sqlite3_column_int(im->note_seen, 0);
	sqlite3_reset(im->note_seen);
	if (same)
		return NULL;
	sqlite3_reset(im->note_put);
	sqlite3_bind_text(im->note_put, 1, h, -1, SQLITE_TRANSIENT);
	bind_text(im->note_put, 2, r->note);
	bk_db_step(im->db, im->note_put);
	sqlite3_reset(im->note_put);
	return r->note;
}

static void import_set(struct import *, const struct bk_logrow *,
    long long);

static int
import_row(const struct bk_csv_row *row, void *data)
{
	struct import *im = data;
	struct bk_logrow *r = &im->row;
	long long ex;
	long k;
	int i;

	if (!im->header_seen) {
		im->header_seen = 1;
		if (bk_logio_header(&im->map, im->want, row, im->err,
		    sizeof im->err) != 0)
			return -1;
		if (!im->map.says_unit && im->default_lb < 0) {
			snprintf(im->err, sizeof im->err, "the file does not say "
			    "whether its weights are kg or lb (give --units kg "
			    "or --units lb)");
			return -1;
		}
		im->ncols = row->n;
		im->left = bk_xmalloc(row->n * sizeof *im->left);
		im->nleft = bk_xmalloc(row->n * sizeof *im->nleft);
		memset(im->left, 0, row->n * sizeof *im->left);
		memset(im->nleft, 0, row->n * sizeof *im->nleft);
		for (i = 0; i < row->n; i++)
			if (!bk_logio_used(&im->map, i))
				im->left[i] = bk_xstrdup(row->f[i]);
		return 0;
	}
	if (bk_logio_row(&im->map, row, im->default_lb, r, im->err,
	    sizeof im->err) != 0)
		return -1;
	if (r->rest || r->not_done) {
		im->rest += r->rest;
		im->not_done += r->not_done;
		return 0;
	}
	for (i = 0; i < im->ncols && i < row->n; i++)
		if (im->left[i] && !bk_logio_blank(&im->map, row->f[i]))
			im->nleft[i]++;
	if (r->repair) {
		if (im->nfixed[r->repair] < 8)
			im->fixed_line[r->repair][im->nfixed[r->repair]] =
			    row->line;
		im->nfixed[r->repair]++;
	}
	im->unit_rows[r->unit]++;
	if ((ex = row_exercise(im, r, row->line)) < 0) {
		im->unknown++;
		return 0;
	}
	if (im->unknown)
		return 0;	/* the import fails: only look for more names */
	for (k = 0; k < r->repeat; k++)
		import_set(im, r, ex);
	return 0;
}

/* one set of a row read */
static void
import_set(struct import *im, const struct bk_logrow *r, long long ex)
{
	struct setrow s;
	char key[80];
	long n;
	int missing;

	memset(&s, 0, sizeof s);
	s.key = r->key;
	if (!s.key || r->set_no == 0) {
		n = rank(im, r->base);
		if (!s.key)
			s.key = bk_logio_key(bk_logfmt_names[im->map.fmt],
			    r->base, n, key, sizeof key);
		s.set_no = r->set_no ? r->set_no : n;
	} else
		s.set_no = r->set_no;
	s.date = r->date;
	s.time = r->time;
	s.exercise = ex;
	s.item = row_item(im, r, ex, &missing);
	s.reps = r->reps;
	s.hold_s = r->hold_s;
	s.load_kg = r->load_kg;
	s.rpe = r->rpe;
	s.side = r->side;
	s.note = r->note;
	if (im->map.fmt == BK_LOGFMT_HEVY)
		s.note = exercise_note(im, r);
	s.reason = r->reason;
	s.skipped = r->skipped;
	if (import_insert(im, &s, r))
		im->unlinked += missing;
}

/* "'a' (line 2), 'b' (line 7)" for the names nothing matched */
static char *
unknown_names(struct import *im)
{
	sqlite3_stmt *st = bk_db_prepare(im->db, "SELECT name, line FROM "
	    "temp.bk_import_unknown ORDER BY line");
	char *buf = NULL, v[512];
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	int i = 0;

	if (!fp)
		bk_errx(BK_EXIT_DATA, "cannot allocate memory");
	while (bk_db_step(im->db, st) == SQLITE_ROW)
		fprintf(fp, "%s'%s' (line %lld)", i++ ? ", " : "",
		    bk_term_snprint(v, sizeof v,
		    (const char *)sqlite3_column_text(st, 0)),
		    sqlite3_column_int64(st, 1));
	sqlite3_finalize(st);
	fclose(fp);
	return buf;
}

/* a warning for each kind of row mended, with its lines */
static void
warn_mended(const struct import *im)
{
	static const char *const what[] = { "", "an exercise name written "
		"with unquoted commas was joined again", "quotes in a note "
		"that were not escaped were read as quotes" };
	char lines[200];
	size_t len;
	int k, i;

	for (k = 1; k < 3; k++) {
		if (!im->nfixed[k])
			continue;
		len = 0;
		for (i = 0; i < im->nfixed[k] && i < 8; i++)
			len += (size_t)snprintf(lines + len, sizeof lines - len,
			    "%s%ld", i ? ", " : "", im->fixed_line[k][i]);
		if (im->nfixed[k] > 8)
			snprintf(lines + len, sizeof lines - len, " and %ld "
			    "more", im->nfixed[k] - 8);
		bk_warnx("warning: %s: line%s %s: %s", im->file, im->nfixed[k] > 1 ?
		    "s" : "", lines, what[k]);
	}
}

static void
free_left(struct import *im)
{
	int i;

	for (i = 0; i < im->ncols; i++)
		free(im->left[i]);
	free(im->left);
	free(im->nleft);
	im->left = NULL;
	im->nleft = NULL;
	im->ncols = 0;
}

static void
import_fail(struct import *im, const char *fmt, const char *arg)
{
	char what[600];

	free_left(im);
	bk_db_rollback(im->db);
	snprintf(what, sizeof what, fmt, arg);
	bk_errx(BK_EXIT_DATA, "cannot import %s: %s", im->file, what);
}

static void
cmd_import(struct bk_db *db, const struct opts *o, const char *path)
{
	struct import im;
	struct bk_config cfg;
	sqlite3_stmt *st;
	char shown[600], csverr[512], summary[800], v[512];
	const char *unit;
	FILE *fp;
	int fmt = BK_LOGFMT_AUTO, rc, i, n;

	if (o->format && (fmt = bk_word_index(bk_logfmt_names, o->format)) < 0)
		bk_errx(BK_EXIT_USAGE, "invalid format '%s' (one of: auto, bk, "
		    "strong, fitnotes, hevy, fitbod)", o->format);
	memset(&im, 0, sizeof im);
	if (strcmp(path, "-") == 0) {
		fp = stdin;
		snprintf(shown, sizeof shown, "stdin");
	} else {
		snprintf(shown, sizeof shown, "'%s'",
		    bk_term_snprint(v, sizeof v, path));
		if (!(fp = fopen(path, "r")))
			bk_errx(BK_EXIT_DATA, "cannot open %s: %s", shown,
			    strerror(errno));
	}
	bk_config_load(&cfg);
	im.db = db;
	im.file = shown;
	im.want = (enum bk_logfmt)fmt;
	/* a unit the file does not say comes from --units or the config */
	im.default_lb = o->units >= 0 ? o->units : cfg.units_set ?
	    cfg.imperial : -1;
	im.create = o->create_missing;
	/* a dry run never creates the store */
	bk_db_open(db, o->db, o->dry_run ? BK_DB_READ : BK_DB_WRITE);
	/* Every id a row refers to is looked up or made in this transaction
	 * (its exercise, its planned item, the journal entry), so checking
	 * the foreign keys again on each of a million rows would only cost
	 * time: a fifth of the import. */
	bk_db_exec(db, "PRAGMA foreign_keys = OFF");
	bk_db_begin(db);
	bk_db_exec(db, "CREATE TEMP TABLE bk_import_note (h TEXT PRIMARY KEY,"
	    " note TEXT) WITHOUT ROWID");
	bk_db_exec(db, "CREATE TEMP TABLE bk_import_seen (h TEXT PRIMARY KEY,"
	    " n INTEGER NOT NULL) WITHOUT ROWID;"
	    "CREATE TEMP TABLE bk_import_unknown (name TEXT PRIMARY KEY,"
	    " line INTEGER NOT NULL) WITHOUT ROWID");
	im.jid = bk_journal_add(db, "bk-log", "import");
	st = bk_db_prepare(db, "SELECT coalesce(max(id), 0) FROM exercises");
	bk_db_step(db, st);
	im.max_exercise = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	im.find = bk_db_prepare(db, "SELECT id FROM exercises WHERE slug = ?1"
	    " UNION ALL SELECT id FROM exercises WHERE slug = lower(?1)"
	    " UNION ALL SELECT id FROM exercises WHERE name = ?1"
	    " COLLATE NOCASE LIMIT 1");
	im.note_seen = bk_db_prepare(db, "SELECT note IS ?2 FROM"
	    " temp.bk_import_note WHERE h = ?1");
	im.note_put = bk_db_prepare(db, "INSERT OR REPLACE INTO"
	    " temp.bk_import_note (h, note) VALUES (?1, ?2)");
	im.count = bk_db_prepare(db, "INSERT INTO temp.bk_import_seen (h, n)"
	    " VALUES (?, 1) ON CONFLICT (h) DO UPDATE SET n = n + 1"
	    " RETURNING n");
	im.unk = bk_db_prepare(db, "INSERT OR IGNORE INTO"
	    " temp.bk_import_unknown (name, line) VALUES (?, ?)");
	im.mk = bk_db_prepare(db, "INSERT INTO exercises (slug, name, sets,"
	    " reps, builtin, added) VALUES (?, ?, 1, 10, 0, ?)");
	im.slug_used = bk_db_prepare(db, "SELECT 1 FROM exercises"
	    " WHERE slug = ?");
	im.ins = prepare_import(db);
	im.stored = prepare_stored(db);
	csverr[0] = '\0';
	rc = bk_csv_read(fp, 0, import_row, &im, csverr, sizeof csverr);
	if (fp != stdin)
		fclose(fp);
	sqlite3_finalize(im.find);
	sqlite3_finalize(im.count);
	sqlite3_finalize(im.unk);
	sqlite3_finalize(im.mk);
	sqlite3_finalize(im.slug_used);
	sqlite3_finalize(im.ins);
	sqlite3_finalize(im.stored);
	sqlite3_finalize(im.note_seen);
	sqlite3_finalize(im.note_put);
	bk_logrow_free(&im.row);
	for (i = 0; i < IMPORT_NAMES; i++)
		free(im.names[i]);
	free(im.last_plan);
	if (rc != 0)
		import_fail(&im, "%s", csverr[0] ? csverr : im.err);
	if (!im.header_seen)
		import_fail(&im, "%s", "the file is empty (no header row)");
	if (im.unknown) {
		char *names = unknown_names(&im);

		free_left(&im);
		bk_db_rollback(db);
		bk_errx(BK_EXIT_DATA, "cannot import %s: unknown exercise%s %s "
		    "(add %s with --create-missing or 'bk-plan exercise add')",
		    im.file, strchr(names, ',') ? "s" : "", names,
		    strchr(names, ',') ? "them" : "it");
	}
	warn_mended(&im);
	/* what --create-missing added, to tell the user */
	if (im.created && (im.added + im.updated > 0 || o->dry_run)) {
		st = bk_db_prepare(db, "SELECT slug, name FROM exercises"
		    " WHERE id > ? ORDER BY id");
		sqlite3_bind_int64(st, 1, im.max_exercise);
		while (bk_db_step(db, st) == SQLITE_ROW) {
			printf("%s exercise %s (", o->dry_run ? "would add" :
			    "added", sqlite3_column_text(st, 0));
			bk_term_string(stdout,
			    (const char *)sqlite3_column_text(st, 1));
			puts(")");
		}
		sqlite3_finalize(st);
	}
	snprintf(summary, sizeof summary, "import %s (%s): %ld new, %ld "
	    "updated", im.file, bk_logfmt_names[im.map.fmt], im.added,
	    im.updated);
	/* the unit the loads were read in */
	if (im.unit_rows[BK_UNIT_KG] && im.unit_rows[BK_UNIT_LB])
		unit = "kg and lb";
	else if (im.unit_rows[BK_UNIT_LB] || (!im.unit_rows[BK_UNIT_KG] &&
	    (im.map.unit == BK_UNIT_LB || (im.map.unit == BK_UNIT_NONE &&
	    im.default_lb == 1))))
		unit = "lb";
	else
		unit = "kg";
	bk_journal_set_summary(db, im.jid, summary);
	bk_db_exec(db, "DROP TABLE temp.bk_import_note;"
	    "DROP TABLE temp.bk_import_seen;"
	    "DROP TABLE temp.bk_import_unknown");
	/* said before COMMIT: an import whose summary cannot be written
	 * stores nothing */
	printf("%s %ld set%s from ", o->dry_run ? "would import" : "imported",
	    im.added + im.updated, im.added + im.updated == 1 ? "" : "s");
	bk_term_string(stdout, im.file);
	printf(" (%s, %s): %ld new, %ld updated, %ld unchanged",
	    bk_logfmt_names[im.map.fmt], unit, im.added, im.updated,
	    im.unchanged);
	if (im.rest)
		printf("; %ld rest timer%s skipped", im.rest,
		    im.rest == 1 ? "" : "s");
	if (im.not_done)
		printf("; %ld set%s not started skipped", im.not_done,
		    im.not_done == 1 ? "" : "s");
	if (im.unlinked)
		printf("; %ld plan link%s not found", im.unlinked,
		    im.unlinked == 1 ? "" : "s");
	/* what the file holds that no set keeps */
	for (i = n = 0; i < im.ncols; i++)
		if (im.left[i] && im.nleft[i] > 0) {
			printf("%s'", n++ ? ", " : "; not imported: ");
			bk_term_string(stdout, im.left[i]);
			printf("' (%ld value%s)", im.nleft[i],
			    im.nleft[i] == 1 ? "" : "s");
		}
	putchar('\n');
	if (o->dry_run || im.added + im.updated == 0)
		bk_db_rollback(db);
	else
		bk_db_commit(db);
	free_left(&im);
}

int
main(int argc, char *argv[])
{
	struct opts o;
	struct bk_db db;
	char seen[64];
	size_t nseen = 0;
	const char *sub, *why;
	int c;

	bk_init(argv[0]);
	memset(&o, 0, sizeof o);
	memset(&db, 0, sizeof db);
	o.rpe = o.load_kg = -1;
	o.units = -1;
	o.today = bk_today();
	o.day = o.today;
	while ((c = getopt_long(argc, argv, "cD:d:ne:f:hH:l:m:Np:R:r:s:S:t:TU:u:Vx:",
	    longopts, NULL)) != -1) {
		if (nseen < sizeof seen - 1 && !memchr(seen, c, nseen))
			seen[nseen++] = (char)c;
		switch (c) {
		case 'c':
			o.create_missing = 1;
			break;
		case 'D':
			o.date_s = optarg;
			o.day = date_arg("date", optarg, o.today);
			if (o.day > o.today)
				bk_errx(BK_EXIT_USAGE, "invalid date '%s': it is "
				    "after today", optarg);
			break;
		case 'd':
			o.db = optarg;
			break;
		case 'n':
			o.dry_run = 1;
			break;
		case 'N':
			o.no_timer = 1;
			break;
		case 'T':
			o.timer = 1;
			break;
		case 'e':
			o.exercise = optarg;
			break;
		case 'f':
			o.format = optarg;
			break;
		case 'h':
			fputs(usage_text, stdout);
			return bk_close_stdout();
		case 'H':
			if (bk_duration_parse(optarg, &o.hold_s, &why) != 0)
				bk_errx(BK_EXIT_USAGE, "invalid hold '%s': %s",
				    optarg, why);
			break;
		case 'l':
			if (bk_load_parse(optarg, &o.load_kg, &why) != 0)
				bk_errx(BK_EXIT_USAGE, "invalid load '%s': %s",
				    optarg, why);
			break;
		case 'm':
			o.note = optarg;
			break;
		case 'x':
			if (bk_parse_int(optarg, 1, BK_REPS_MAX, &o.reps) != 0)
				bk_errx(BK_EXIT_USAGE, "invalid reps '%s' (a whole "
				    "number from 1 to %d)", optarg, BK_REPS_MAX);
			break;
		case 'p':
			o.plan = optarg;
			break;
		case 'R':
			o.reason = optarg;
			break;
		case 'r':
			if (bk_decimal_parse(optarg, 0, &o.rpe) != 0 ||
			    o.rpe > 10)
				bk_errx(BK_EXIT_USAGE, "invalid RPE '%s' (0 to 10)",
				    optarg);
			o.rpe = bk_round3(o.rpe);
			break;
		case 's':
			if (bk_word_index(sides, optarg) < 0)
				bk_errx(BK_EXIT_USAGE, "invalid side '%s' (one of: "
				    "left, right, both)", optarg);
			o.side = optarg;
			break;
		case 'S':
			o.since_s = optarg;
			o.since = date_arg("date", optarg, o.today);
			break;
		case 't':
			if (bk_logio_time(optarg, o.time) != 0)
				bk_errx(BK_EXIT_USAGE, "invalid time '%s' "
				    "(HH:MM, 00:00 to 23:59)", optarg);
			break;
		case 'U':
			o.until_s = optarg;
			o.until = date_arg("date", optarg, o.today);
			break;
		case 'u':
			if (strcmp(optarg, "kg") == 0)
				o.units = 0;
			else if (strcmp(optarg, "lb") == 0)
				o.units = 1;
			else
				bk_errx(BK_EXIT_USAGE, "invalid units '%s' (kg or "
				    "lb)", optarg);
			break;
		case 'V':
			puts("bk-log (backkit) " BK_VERSION);
			return bk_close_stdout();
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
		usage_error("%s", "missing exercise or command");
	sub = argv[0];

	if (strcmp(sub, "skip") == 0) {
		only_options(&o, sub, "RDp");
		if (argc < 2)
			usage_error("%s", "skip needs an EXERCISE");
		if (argc > 2)
			usage_error("unexpected argument '%s'", argv[2]);
		if (o.day == o.today)
			now_time(o.time);
		cmd_skip(&db, &o, argv[1]);
	} else if (strcmp(sub, "list") == 0 || strcmp(sub, "export") == 0) {
		only_options(&o, sub, "SUef");
		if (argc > 1)
			usage_error("unexpected argument '%s'", argv[1]);
		if (sub[0] == 'l')
			cmd_list(&db, &o);
		else
			cmd_export(&db, &o);
	} else if (strcmp(sub, "rm") == 0) {
		only_options(&o, sub, "");
		if (argc < 2)
			usage_error("%s", "rm needs at least one ID");
		cmd_rm(&db, &o, argc - 1, argv + 1);
	} else if (strcmp(sub, "edit") == 0) {
		only_options(&o, sub, "xHlrmDts");
		if (argc < 2)
			usage_error("%s", "edit needs at least one ID");
		cmd_edit(&db, &o, argc - 1, argv + 1);
	} else if (strcmp(sub, "undo") == 0) {
		only_options(&o, sub, "n");
		if (argc > 1)
			usage_error("unexpected argument '%s'", argv[1]);
		bk_journal_undo_command(&db, o.db, o.dry_run);
	} else if (strcmp(sub, "session") == 0) {
		only_options(&o, sub, "DNT");
		if (o.timer && o.no_timer)
			usage_error("%s", "--timer and --no-timer do not go "
			    "together");
		if (argc > 2)
			usage_error("unexpected argument '%s'", argv[2]);
		cmd_session(&db, &o, argc > 1 ? argv[1] : NULL);
	} else if (strcmp(sub, "import") == 0) {
		only_options(&o, sub, "fncu");
		if (argc < 2)
			usage_error("%s", "import needs a FILE (or - for stdin)");
		if (argc > 2)
			usage_error("unexpected argument '%s'", argv[2]);
		cmd_import(&db, &o, argv[1]);
	} else {
		if (strcmp(sub, "log") == 0) {
			argc--;
			argv++;
			if (argc < 1)
				usage_error("%s", "log needs an EXERCISE");
		}
		only_options(&o, "log", "DtsHrmp");
		if (argc > 2)
			usage_error("unexpected argument '%s'", argv[2]);
		if (!o.time[0] && o.day == o.today)
			now_time(o.time);
		cmd_log(&db, &o, argv[0], argc > 1 ? argv[1] : NULL);
	}
	bk_db_close(&db);
	return bk_close_stdout();
}
