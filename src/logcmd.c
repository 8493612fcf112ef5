/* logcmd.c - bk-log's log, skip, list, export, rm and edit */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bk.h"

static enum bk_format
out_format(const struct bk_logopts *o, enum bk_format dflt)
{
	int f;

	if (!o->format)
		return dflt;
	if ((f = bk_format_parse(o->format)) < 0)
		bk_errx(BK_EXIT_USAGE, "invalid format '%s' (one of: table, csv, "
		    "tsv, json)", o->format);
	return (enum bk_format)f;
}


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

void
bk_logcmd_bind_num(sqlite3_stmt *st, int i, double v)
{
	if (v < 0)
		bk_db_bound(sqlite3_bind_null(st, i));
	else
		bk_db_bound(sqlite3_bind_double(st, i, v));
}

void
bk_logcmd_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	bk_db_bound(sqlite3_bind_text(st, i, s && *s ? s : NULL, -1, SQLITE_STATIC));
}

static long long
insert_set(struct bk_db *db, sqlite3_stmt *st, long long jid,
    const struct bk_setrow *s)
{
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	bk_logcmd_bind_text(st, 1, s->date);
	bk_logcmd_bind_text(st, 2, s->time);
	bk_db_bound(sqlite3_bind_int64(st, 3, s->exercise));
	bk_db_bound(sqlite3_bind_int64(st, 4, s->set_no));
	if (s->reps >= 0)
		bk_db_bound(sqlite3_bind_int64(st, 5, s->reps));
	bk_logcmd_bind_num(st, 6, s->hold_s);
	bk_logcmd_bind_num(st, 7, s->load_kg);
	bk_logcmd_bind_text(st, 8, s->side);
	bk_logcmd_bind_num(st, 9, s->rpe);
	bk_logcmd_bind_text(st, 10, s->note);
	bk_db_bound(sqlite3_bind_int(st, 11, s->skipped));
	bk_logcmd_bind_text(st, 12, s->reason);
	if (s->item > 0)
		bk_db_bound(sqlite3_bind_int64(st, 13, s->item));
	bk_db_bound(sqlite3_bind_int64(st, 14, jid));
	bk_logcmd_bind_text(st, 15, s->key);
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
	bk_db_bound(sqlite3_bind_int64(st, 1, id));
	bk_db_step(db, st);
	snprintf(slug, len, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return id;
}

void
bk_logcmd_now(char *buf)
{
	time_t t = time(NULL);
	struct tm tm;

	localtime_r(&t, &tm);
	snprintf(buf, 6, "%02u:%02u", (unsigned)tm.tm_hour % 24,
	    (unsigned)tm.tm_min % 60);
}

/* the planned item due for the exercise; exits 2 on an unknown plan */
int
bk_logcmd_due(struct bk_db *db, const struct bk_logopts *o, long long ex,
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


/* the SPEC, else the planned item's dose, else the catalog's; then the
 * options. What a SPEC leaves out (the hold of each rep, the load) comes
 * from the planned item, else from the catalog; "@0kg" says no load. */
void
bk_logcmd_dose(struct bk_db *db, long long ex, const struct bk_due *due,
    const struct bk_spec *spec, const struct bk_logopts *o, struct bk_dose *d)
{
	sqlite3_stmt *st;
	long creps, chold;
	int per_side;

	memset(d, 0, sizeof *d);
	st = bk_db_prepare(db, "SELECT sets, reps, hold_s, per_side FROM "
	    "exercises WHERE id = ?");
	bk_db_bound(sqlite3_bind_int64(st, 1, ex));
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
				d->planned |= BK_FILL_HOLD;
			}
			if (!spec->no_load && spec->load_kg <= 0 &&
			    due->load_kg > 0) {
				d->load_kg = due->load_kg;
				d->planned |= BK_FILL_LOAD;
			}
		} else if (spec->reps > 0 && o->hold_s <= 0 && creps > 0 &&
		    chold > 0) {
			d->hold_s = chold;
			d->catalog |= BK_FILL_HOLD;
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
char *
bk_logcmd_dose_text(const struct bk_dose *d, int imperial, char *buf, size_t len)
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


/* the rows of an entry under journal entry jid, and the line that says
 * so; returns how many rows */
static long
store_rows(struct bk_db *db, sqlite3_stmt *st, long long jid,
    const struct bk_logopts *o, const struct bk_entry *e, int imperial)
{
	struct bk_setrow s;
	char date[11], text[128];
	long long first = 0, last = 0;
	long i, rows = 0;
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
	} else {
		bk_logcmd_dose_text(&e->d, imperial, text, sizeof text);
		s.reps = e->d.reps > 0 ? e->d.reps : -1;
		s.hold_s = e->d.hold_s > 0 ? e->d.hold_s : -1;
		s.load_kg = e->d.load_kg > 0 ? e->d.load_kg : -1;
		s.rpe = o->rpe;
		s.note = o->note;
	}
	for (i = 1; i <= (e->skip ? 1 : e->d.sets); i++) {
		s.set_no = i;
		for (j = 0; j < (e->skip ? 1 : nsides); j++) {
			s.side = e->d.nsides && !e->skip ? e->d.side[j] : NULL;
			last = insert_set(db, st, jid, &s);
			if (!first)
				first = last;
			rows++;
		}
	}
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
	return rows;
}

/* store an entry as one journal entry (so that undo reverses it whole),
 * in the transaction the caller began; commit, and say what was stored */
void
bk_logcmd_store(struct bk_db *db, const struct bk_logopts *o, const struct bk_entry *e,
    int imperial)
{
	sqlite3_stmt *st;
	char date[11], text[128], summary[512];
	long long jid;
	long rows;

	bk_date_format(o->day, date);
	if (e->skip)
		snprintf(summary, sizeof summary, "skip %s on %s", e->slug,
		    date);
	else {
		bk_logcmd_dose_text(&e->d, imperial, text, sizeof text);
		rows = e->d.sets * (e->d.nsides ? e->d.nsides : 1);
		snprintf(summary, sizeof summary, "log %s %s on %s (%ld row%s)",
		    e->slug, text, date, rows, rows == 1 ? "" : "s");
	}
	jid = bk_journal_add(db, "bk-log", summary);
	st = prepare_insert(db, 0);
	store_rows(db, st, jid, o, e, imperial);
	sqlite3_finalize(st);
	bk_db_commit(db);
}

void
bk_logcmd_log(struct bk_db *db, const struct bk_logopts *o, const char *name,
    const char *spec_s)
{
	struct bk_spec spec;
	struct bk_config cfg;
	struct bk_due due;
	struct bk_entry e;
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
	planned = bk_logcmd_due(db, o, e.exercise, &due);
	bk_logcmd_dose(db, e.exercise, planned ? &due : NULL, spec_s ? &spec : NULL,
	    o, &e.d);
	e.item = planned ? due.id : 0;
	e.plan = planned ? due.plan : NULL;
	bk_logcmd_store(db, o, &e, cfg.imperial);
}

void
bk_logcmd_skip(struct bk_db *db, const struct bk_logopts *o, const char *name)
{
	struct bk_due due;
	struct bk_entry e;
	char slug[80];
	int planned;

	bk_db_open(db, o->db, BK_DB_WRITE);
	bk_db_begin(db);
	memset(&e, 0, sizeof e);
	e.exercise = exercise_arg(db, name, slug, sizeof slug);
	e.slug = slug;
	e.skip = 1;
	bk_plan_refresh(db, bk_today());	/* a phase change may be due */
	planned = bk_logcmd_due(db, o, e.exercise, &due);
	e.item = planned ? due.id : 0;
	e.plan = planned ? due.plan : NULL;
	bk_logcmd_store(db, o, &e, 0);
}

/* one item of the day that bk-log done logs */
struct done_item {
	struct bk_due due;
	long long exercise;
	char *slug;
	long todo;	/* sets the day still needs at the planned dose */
};

struct done_list {
	struct done_item *v;
	int n, cap, done, skipped, except;
	const long long *skip_ex;	/* --except, by exercise id */
	int nskip_ex;
	FILE *tests;	/* tests due and not recorded */
};

static int
collect_done(const struct bk_plan_row *r, void *data)
{
	struct done_list *l = data;
	struct done_item *it;
	int i;

	if (strcmp(r->kind, "test") == 0) {
		if (r->logged < r->needed)
			fprintf(l->tests, "%sthe %s %s of plan %s ('bk-test %s')",
			    ftell(l->tests) > 0 ? ", " : "", r->item,
			    strcmp(r->item, "pain") ? "test" : "rating",
			    r->plan, r->item);
		return 0;
	}
	if (strcmp(r->kind, "exercise") != 0)
		return 0;
	if (strcmp(r->status, "done") == 0) {
		l->done++;
		return 0;
	}
	if (strcmp(r->status, "skipped") == 0) {
		l->skipped++;
		return 0;
	}
	for (i = 0; i < l->nskip_ex; i++)
		if (l->skip_ex[i] == r->exercise_id) {
			l->except++;
			return 0;
		}
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 16;
		l->v = bk_xrealloc(l->v, l->cap * sizeof *l->v);
	}
	it = &l->v[l->n++];
	memset(it, 0, sizeof *it);
	bk_due_from_row(&it->due, r);
	it->exercise = r->exercise_id;
	it->slug = bk_xstrdup(r->item);
	/* every session of the day, less the sets already at the dose */
	it->todo = r->needed - r->at_dose;
	if (it->todo < 1)
		it->todo = 1;
	return 0;
}

/* the --except names, each a name or a comma list, as exercise ids;
 * exits 2 on an unknown one */
static int
except_ids(struct bk_db *db, const struct bk_logopts *o, long long **out)
{
	long long *ids = NULL;
	char *copy, *name, *save, slug[80];
	int i, n = 0, cap = 0;

	for (i = 0; i < o->nexcept; i++) {
		copy = bk_xstrdup(o->except[i]);
		for (name = strtok_r(copy, ",", &save); name;
		    name = strtok_r(NULL, ",", &save)) {
			if (n == cap) {
				cap = cap ? 2 * cap : 8;
				ids = bk_xrealloc(ids, cap * sizeof *ids);
			}
			ids[n++] = exercise_arg(db, name, slug, sizeof slug);
		}
		free(copy);
	}
	*out = ids;
	return n;
}

static void
done_free(struct done_list *l)
{
	int i;

	for (i = 0; i < l->n; i++)
		free(l->v[i].slug);
	free(l->v);
	free((void *)l->skip_ex);
	memset(l, 0, sizeof *l);
}

/* the day's list, in db as it is opened (the plan and the --except names
 * checked, exiting 2 on an unknown one); the tests due into *tests */
static void
done_read(struct bk_db *db, const struct bk_logopts *o, const char *plan_name,
    struct done_list *l, char **tests)
{
	long long plan = 0, *skip_ex;
	size_t testslen = 0;

	done_free(l);
	if (plan_name && (plan = bk_plan_find(db, plan_name)) < 0) {
		bk_db_close(db);
		exit(BK_EXIT_USAGE);
	}
	l->nskip_ex = except_ids(db, o, &skip_ex);
	l->skip_ex = skip_ex;
	bk_plan_refresh(db, o->today);	/* a phase change may be due */
	free(*tests);
	*tests = NULL;
	if (!(l->tests = open_memstream(tests, &testslen)))
		bk_errx(BK_EXIT_DATA, "cannot allocate memory");
	bk_plan_rows(db, plan, o->day, o->day, o->today, collect_done, l);
	fclose(l->tests);
	l->tests = NULL;
}

/* bk-log done: every exercise still due on the day (of one plan, or of
 * every active plan) logged at its planned dose, linked to its item, as
 * one journal entry. Nothing due is not an error: the day is done. Read
 * first, so that a refusal or nothing to do creates no store */
void
bk_logcmd_done(struct bk_db *db, const struct bk_logopts *o,
    const char *plan_name)
{
	struct done_list l;
	struct bk_config cfg;
	struct bk_entry e;
	sqlite3_stmt *st;
	long long jid;
	char date[16], iso[11], summary[256], *tests = NULL;
	long rows = 0;
	int i;

	bk_config_load(&cfg);
	memset(&l, 0, sizeof l);
	bk_db_open(db, o->db, BK_DB_READ);
	done_read(db, o, plan_name, &l, &tests);
	if (l.n) {
		bk_db_close(db);
		bk_db_open(db, o->db, BK_DB_WRITE);
		bk_db_begin(db);
		done_read(db, o, plan_name, &l, &tests);
	}
	bk_date_words(o->day, date, sizeof date);
	bk_date_format(o->day, iso);
	if (l.n == 0) {
		if (l.done || l.skipped) {
			printf("nothing left to do on %s: %d done, %d skipped",
			    date, l.done, l.skipped);
			if (l.except)
				printf(", %d left out", l.except);
			putchar('\n');
		} else if (l.except)
			printf("nothing left to do on %s: %d left out\n", date,
			    l.except);
		else
			printf("nothing due on %s\n", date);
	} else {
		snprintf(summary, sizeof summary, "done %d exercise%s on %s",
		    l.n, l.n == 1 ? "" : "s", iso);
		jid = bk_journal_add(db, "bk-log", summary);
		st = prepare_insert(db, 0);
		for (i = 0; i < l.n; i++) {
			memset(&e, 0, sizeof e);
			e.exercise = l.v[i].exercise;
			e.slug = l.v[i].slug;
			e.item = l.v[i].due.id;
			e.plan = l.v[i].due.plan;
			bk_logcmd_dose(db, e.exercise, &l.v[i].due, NULL, o,
			    &e.d);
			e.d.sets = l.v[i].todo;
			rows += store_rows(db, st, jid, o, &e, cfg.imperial);
		}
		sqlite3_finalize(st);
		snprintf(summary, sizeof summary, "done %d exercise%s on %s "
		    "(%ld row%s)", l.n, l.n == 1 ? "" : "s", iso, rows,
		    rows == 1 ? "" : "s");
		bk_journal_set_summary(db, jid, summary);
		printf("%s", summary);
		if (l.except)
			printf(", %d left out", l.except);
		putchar('\n');
	}
	if (tests && tests[0]) {
		fputs("still to record: ", stdout);
		bk_term_string(stdout, tests);
		putchar('\n');
	}
	if (l.n)
		bk_db_commit(db);
	done_free(&l);
	free(tests);
}

/* the rows list and export show, oldest first */
static sqlite3_stmt *
select_sets(struct bk_db *db, const struct bk_logopts *o, const char *cols)
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
	bk_db_bound(sqlite3_bind_text(st, 1, o->since_s ? bk_date_format(o->since, since) :
	    "0000-00-00", -1, SQLITE_TRANSIENT));
	bk_db_bound(sqlite3_bind_text(st, 2, o->until_s ? bk_date_format(o->until, until) :
	    "9999-99-99", -1, SQLITE_TRANSIENT));
	if (o->exercise)
		bk_db_bound(sqlite3_bind_int64(st, 3, exercise_arg(db, o->exercise, slug,
		    sizeof slug)));
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

void
bk_logcmd_list(struct bk_db *db, const struct bk_logopts *o)
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
	if (cfg.imperial) {
		cols[8] = "load_lb";
		cols[13] = "distance_mi";
	}
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
		if (cfg.imperial && v[13])
			v[13] = bk_num_format(sqlite3_column_double(st, 13) /
			    BK_M_PER_MI, 3, nums[13], sizeof nums[13]);
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

void
bk_logcmd_export(struct bk_db *db, const struct bk_logopts *o)
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

/* an id and where it was given, to find repeats by sorting */
struct idpos {
	long long id;
	int pos;
};

static int
idpos_cmp(const void *a, const void *b)
{
	const struct idpos *x = a, *y = b;

	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	return (x->pos > y->pos) - (x->pos < y->pos);
}

/* the row ids of argv, each once, in the order first given (repeats are
 * found by sorting, so that 100000 ids take no longer than a sort); exits
 * 2 on a bad one. Returns how many, the ids into *out (to be freed) */
static int
parse_ids(int argc, char **argv, long long **out)
{
	struct idpos *v = bk_xmalloc((argc ? argc : 1) * sizeof *v);
	unsigned char *keep = bk_xmalloc(argc ? argc : 1);
	long long *ids = bk_xmalloc((argc ? argc : 1) * sizeof *ids);
	int i, n = 0;

	for (i = 0; i < argc; i++) {
		if (bk_parse_int(argv[i], 1, 0x7fffffffffffffffLL, &v[i].id) != 0)
			bk_errx(BK_EXIT_USAGE, "invalid id '%s' (a row id that "
			    "'bk-log list' shows)", argv[i]);
		v[i].pos = i;
		keep[i] = 0;
	}
	qsort(v, argc, sizeof *v, idpos_cmp);
	for (i = 0; i < argc; i++)
		if (i == 0 || v[i].id != v[i - 1].id)
			keep[v[i].pos] = 1;
	free(v);
	for (i = 0; i < argc; i++) {
		long long id;

		if (!keep[i])
			continue;
		bk_parse_int(argv[i], 1, 0x7fffffffffffffffLL, &id);
		ids[n++] = id;
	}
	free(keep);
	*out = ids;
	return n;
}

/* the ids that have no row, as "99, 100": at most MISSING_SHOWN of them,
 * then "... (N more)", never cut inside a number */
#define MISSING_SHOWN 10

void
bk_logcmd_rm(struct bk_db *db, const struct bk_logopts *o, int argc, char **argv)
{
	sqlite3_stmt *st;
	long long *ids, jid;
	char summary[256], missing[MISSING_SHOWN * 24 + 64];
	size_t n;
	int i, nids, nmissing = 0;

	nids = parse_ids(argc, argv, &ids);
	bk_db_open(db, o->db, BK_DB_WRITE);
	bk_db_begin(db);
	st = bk_db_prepare(db, "SELECT 1 FROM sets WHERE id = ?");
	missing[0] = '\0';
	for (i = 0; i < nids; i++) {
		sqlite3_reset(st);
		bk_db_bound(sqlite3_bind_int64(st, 1, ids[i]));
		if (bk_db_step(db, st) == SQLITE_ROW)
			continue;
		if (nmissing < MISSING_SHOWN) {
			n = strlen(missing);
			snprintf(missing + n, sizeof missing - n, "%s%lld",
			    nmissing ? ", " : "", ids[i]);
		}
		nmissing++;
	}
	sqlite3_finalize(st);
	if (nmissing) {
		bk_db_rollback(db);
		if (nmissing > MISSING_SHOWN) {
			n = strlen(missing);
			snprintf(missing + n, sizeof missing - n, ", ... (%d "
			    "more)", nmissing - MISSING_SHOWN);
		}
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
void
bk_logcmd_edit(struct bk_db *db, const struct bk_logopts *o, int argc, char **argv)
{
	struct bk_spec spec;
	sqlite3_stmt *st, *upd;
	long long *ids;
	const char *why, *spec_s = NULL;
	char summary[256], date[11];
	size_t n;
	int i, nids, has_reps = 0, has_hold = 0, has_load = 0;
	long long reps = 0;
	double hold = 0, load = 0;

	if (argc > 1 && !all_digits(argv[argc - 1]))
		spec_s = argv[--argc];
	nids = parse_ids(argc, argv, &ids);
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
		bk_usage_error(o->usage, "%s", "edit needs a SPEC or an option saying what "
		    "to change");
	bk_db_open(db, o->db, BK_DB_WRITE);
	bk_db_begin(db);
	st = bk_db_prepare(db, "SELECT skipped FROM sets WHERE id = ?");
	for (i = 0; i < nids; i++) {
		sqlite3_reset(st);
		bk_db_bound(sqlite3_bind_int64(st, 1, ids[i]));
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
		bk_db_bound(sqlite3_bind_int64(upd, 1, ids[i]));
		bk_db_bound(sqlite3_bind_int(upd, 2, has_reps));
		if (reps > 0)
			bk_db_bound(sqlite3_bind_int64(upd, 3, reps));
		bk_db_bound(sqlite3_bind_int(upd, 4, has_hold));
		if (hold > 0)
			bk_db_bound(sqlite3_bind_double(upd, 5, hold));
		bk_db_bound(sqlite3_bind_int(upd, 6, has_load));
		if (load > 0)
			bk_db_bound(sqlite3_bind_double(upd, 7, load));
		bk_db_bound(sqlite3_bind_int(upd, 8, o->rpe >= 0));
		bk_logcmd_bind_num(upd, 9, o->rpe);
		bk_db_bound(sqlite3_bind_int(upd, 10, o->note != NULL));
		bk_logcmd_bind_text(upd, 11, o->note);
		if (o->date_s)
			bk_db_bound(sqlite3_bind_text(upd, 12, bk_date_format(o->day, date),
			    -1, SQLITE_STATIC));
		bk_logcmd_bind_text(upd, 13, o->time);
		bk_logcmd_bind_text(upd, 14, o->side);
		bk_db_step(db, upd);
	}
	sqlite3_finalize(upd);
	printf("changed %s\n", summary + 5);
	bk_db_commit(db);
	free(ids);
}

