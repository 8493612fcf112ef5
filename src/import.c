/* import.c - the mapping of foreign logs (Strong, FitNotes, Hevy, ...)
 * into the store */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bk.h"

/* import: one pass over the file inside one transaction */
#define IMPORT_NAMES 256
/* the ranks of the latest row bases in memory, the others in a temporary
 * table; a bit per hash tells which bases ever went there, so that a new
 * base costs no query */
#define RANK_SLOTS 1024
#define RANK_BITS (1u << 21)
#define NOTE_BITS (1u << 16)
/* the sets read and not yet written: they go in in the order of their
 * keys, so that the unique index of the keys (random, most of them) is
 * walked once a batch rather than jumped about in once a row, which at a
 * hundred thousand rows no longer fits SQLite's page cache. Each keeps
 * the id of its place in the file, so ids still follow the file. */
#define IMPORT_BATCH 8192
#define IMPORT_BATCH_BYTES (4u << 20)	/* of their strings: a batch of long
					 * notes is written sooner */
enum { P_DATE, P_TIME, P_SIDE, P_NOTE, P_REASON, P_KEY, P_TYPE, P_NSTR };
struct pending {
	struct bk_setrow s;	/* its strings set when the batch is written */
	size_t str[P_NSTR];	/* offsets into the batch's pool; -1: NULL */
	double distance_m;
	long long id;
	int missing;
};
struct rank_slot {
	uint64_t h[2];	/* the base's hash */
	long n;		/* 0 when free */
};
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
	char *note_base, *note_last;	/* of the set before */
	unsigned char note_bits[NOTE_BITS / 8];
	long unit_rows[3];	/* rows by enum bk_logunit */
	sqlite3_stmt *find, *ins, *ins_rows, *id_used, *stored, *unk, *mk;
	sqlite3_stmt *slug_used;
	/* the exercise of each name met so far, so that a long file costs a
	 * query per name rather than per row; direct-mapped, so bounded */
	char *names[IMPORT_NAMES];
	long long name_ids[IMPORT_NAMES];
	struct rank_slot ranks[RANK_SLOTS];
	unsigned char *rank_out;	/* RANK_BITS bits */
	sqlite3_stmt *rank_get, *rank_put;
	struct pending *batch, **order;
	long nbatch;
	long long next_id;	/* of the next new set */
	char *pool;
	size_t pool_used, pool_cap;
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
	bk_db_bound(sqlite3_bind_text(im->find, 1, name, -1, SQLITE_STATIC));
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
	bk_db_bound(sqlite3_bind_text(im->slug_used, 1, slug, -1, SQLITE_STATIC));
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
	bk_db_bound(sqlite3_bind_text(im->mk, 1, try, -1, SQLITE_STATIC));
	bk_db_bound(sqlite3_bind_text(im->mk, 2, r->exercise_name ? r->exercise_name :
	    r->exercise, -1, SQLITE_STATIC));
	bk_db_bound(sqlite3_bind_text(im->mk, 3, bk_date_format(bk_today(), today), -1,
	    SQLITE_TRANSIENT));
	bk_db_step(im->db, im->mk);
	im->created++;
	return sqlite3_last_insert_rowid(im->db->h);
}


static unsigned str_hash(const char *);

static long long
row_exercise(struct import *im, const struct bk_logrow *r, long line)
{
	unsigned slot = str_hash(r->exercise) % IMPORT_NAMES;
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
		bk_db_bound(sqlite3_bind_text(im->unk, 1, r->exercise, -1, SQLITE_STATIC));
		bk_db_bound(sqlite3_bind_int64(im->unk, 2, line));
		bk_db_step(im->db, im->unk);
		sqlite3_reset(im->unk);
		return -1;
	}
	free(im->names[slot]);
	im->names[slot] = bk_xstrdup(r->exercise);
	im->name_ids[slot] = id;
	return id;
}

/* the insert of n imported sets, each with its id: a new one, or the
 * one it had when it replaces an older version of itself; nothing for a
 * set whose key is stored. Sets go in IMPORT_ROWS to a statement, which
 * pays once what a statement costs (the sequence of ids). OR IGNORE,
 * for a statement that cannot stop halfway needs no journal of its own;
 * a row it left out for another reason than its key is found missing
 * afterwards (import_stored), and the import fails. */
#define IMPORT_ROWS 32
#define IMPORT_COLS 18
static sqlite3_stmt *
prepare_import(struct bk_db *db, int n)
{
	sqlite3_stmt *st;
	char *sql = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&sql, &len);
	int i, o;

	if (!fp)
		bk_errx(BK_EXIT_DATA, "cannot allocate memory");
	fputs("INSERT OR IGNORE INTO sets (date, time, exercise_id, set_no,"
	    " reps, hold_s, load_kg, side, rpe, note, skipped, reason,"
	    " set_type, distance_m,"
	    " plan_item_id, journal_id, source_key, id) VALUES ", fp);
	for (i = 0; i < n; i++) {
		o = i * IMPORT_COLS;
		fprintf(fp, "%s(?%d, ?%d, ?%d, ?%d, ?%d, ?%d, ?%d, ?%d, ?%d,"
		    " ?%d, ?%d, ?%d, coalesce(?%d, 'normal'), ?%d, ?%d, ?%d,"
		    " ?%d, ?%d)", i ? ", " : "", o + 1, o + 2, o + 3, o + 4, o + 5, o + 6,
		    o + 7, o + 8, o + 9, o + 10, o + 11, o + 12, o + 13, o + 14,
		    o + 15, o + 16, o + 17, o + 18);
	}
	if (fclose(fp) != 0 || !sql)
		bk_errx(BK_EXIT_DATA, "cannot allocate memory");
	st = bk_db_prepare(db, sql);
	free(sql);
	return st;
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

/* a set's values as ?1 .. ?14 of the statements above, from o + 1 on */
static void
bind_values(sqlite3_stmt *st, int o, const struct bk_setrow *s,
    const char *set_type, double distance_m)
{
	bk_logcmd_bind_text(st, o + 1, s->date);
	bk_logcmd_bind_text(st, o + 2, s->time);
	bk_db_bound(sqlite3_bind_int64(st, o + 3, s->exercise));
	bk_db_bound(sqlite3_bind_int64(st, o + 4, s->set_no));
	if (s->reps >= 0)
		bk_db_bound(sqlite3_bind_int64(st, o + 5, s->reps));
	bk_logcmd_bind_num(st, o + 6, s->hold_s);
	bk_logcmd_bind_num(st, o + 7, s->load_kg);
	bk_logcmd_bind_text(st, o + 8, s->side);
	bk_logcmd_bind_num(st, o + 9, s->rpe);
	bk_logcmd_bind_text(st, o + 10, s->note);
	bk_db_bound(sqlite3_bind_int(st, o + 11, s->skipped));
	bk_logcmd_bind_text(st, o + 12, s->reason);
	bk_logcmd_bind_text(st, o + 13, set_type);
	bk_logcmd_bind_num(st, o + 14, distance_m);
}

static const char *pool_get(const struct import *, size_t);

/* set p as row o / IMPORT_COLS of an insert, planned item and id given */
static void
bind_insert(struct import *im, sqlite3_stmt *st, int o,
    const struct pending *p, long long item, long long id)
{
	bind_values(st, o, &p->s, pool_get(im, p->str[P_TYPE]), p->distance_m);
	if (item > 0)
		bk_db_bound(sqlite3_bind_int64(st, o + 15, item));
	bk_db_bound(sqlite3_bind_int64(st, o + 16, im->jid));
	bk_logcmd_bind_text(st, o + 17, p->s.key);
	bk_db_bound(sqlite3_bind_int64(st, o + 18, id));
}

/* a set whose key the insert met: unchanged, or an update of the row
 * its key names, which goes to the journal's trash so that undo puts it
 * back */
static void
import_stored(struct import *im, const struct pending *p)
{
	const struct bk_setrow *s = &p->s;
	long long id, item = s->item;

	sqlite3_reset(im->stored);
	sqlite3_clear_bindings(im->stored);
	bind_values(im->stored, 0, s, pool_get(im, p->str[P_TYPE]),
	    p->distance_m);
	bk_logcmd_bind_text(im->stored, 15, s->key);
	if (bk_db_step(im->db, im->stored) != SQLITE_ROW) {
		/* the insert met a key that is not there: cannot be */
		sqlite3_reset(im->stored);
		bk_errx(BK_EXIT_DATA, "cannot write '%s': key '%s' neither "
		    "new nor stored", im->db->path, s->key);
	}
	id = sqlite3_column_int64(im->stored, 0);
	/* the same key twice in one file, or nothing changed */
	if (sqlite3_column_int64(im->stored, 1) == im->jid ||
	    sqlite3_column_int(im->stored, 2)) {
		sqlite3_reset(im->stored);
		im->unchanged++;
		return;
	}
	if (item <= 0)
		item = sqlite3_column_int64(im->stored, 3);
	sqlite3_reset(im->stored);
	bk_journal_remove(im->db, im->jid, "sets", id);
	sqlite3_reset(im->ins);
	sqlite3_clear_bindings(im->ins);
	bind_insert(im, im->ins, 0, p, item, id);
	bk_db_step(im->db, im->ins);
	sqlite3_reset(im->ins);
	/* the insert ignores a row it cannot store: that one must be */
	if (sqlite3_changes(im->db->h) != 1)
		bk_errx(BK_EXIT_DATA, "cannot write '%s': set '%s' not "
		    "stored again", im->db->path, s->key);
	im->updated++;
}

/* a set stored new */
static void
import_added(struct import *im, const struct pending *p)
{
	im->added++;
	im->unlinked += p->missing;
}

/* store one set: new, unchanged, or an update. A new key costs the
 * insert alone: the stored row is looked at only when the insert meets
 * its key. */
static void
import_insert(struct import *im, const struct pending *p)
{
	sqlite3_reset(im->ins);
	sqlite3_clear_bindings(im->ins);
	bind_insert(im, im->ins, 0, p, p->s.item, p->id);
	bk_db_step(im->db, im->ins);
	sqlite3_reset(im->ins);
	if (sqlite3_changes(im->db->h) > 0)
		import_added(im, p);
	else
		import_stored(im, p);
}

/* store IMPORT_ROWS sets in one statement; when some keys were met, a
 * set went in if its id (new, not given before) is there */
static void
import_rows(struct import *im, struct pending *const *p)
{
	sqlite3_stmt *st = im->ins_rows;
	int i, n, used;

	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	for (i = 0; i < IMPORT_ROWS; i++)
		bind_insert(im, st, i * IMPORT_COLS, p[i], p[i]->s.item,
		    p[i]->id);
	bk_db_step(im->db, st);
	sqlite3_reset(st);
	n = sqlite3_changes(im->db->h);
	for (i = 0; i < IMPORT_ROWS; i++) {
		if (n == IMPORT_ROWS) {
			import_added(im, p[i]);
			continue;
		}
		sqlite3_reset(im->id_used);
		bk_db_bound(sqlite3_bind_int64(im->id_used, 1, p[i]->id));
		used = bk_db_step(im->db, im->id_used) == SQLITE_ROW;
		sqlite3_reset(im->id_used);
		if (used)
			import_added(im, p[i]);
		else
			import_stored(im, p[i]);
	}
}

/* a copy of s in the batch's pool, as its offset; -1 for NULL or "" */
static size_t
pool_put(struct import *im, const char *s)
{
	size_t n, at;

	if (!s || !*s)
		return (size_t)-1;
	n = strlen(s) + 1;
	if (im->pool_used + n > im->pool_cap) {
		while (im->pool_used + n > im->pool_cap)
			im->pool_cap = im->pool_cap ? im->pool_cap * 2 : 65536;
		im->pool = bk_xrealloc(im->pool, im->pool_cap);
	}
	at = im->pool_used;
	memcpy(im->pool + at, s, n);
	im->pool_used += n;
	return at;
}

static const char *
pool_get(const struct import *im, size_t at)
{
	return at == (size_t)-1 ? NULL : im->pool + at;
}

/* by key, and by place in the file among the same key (a key twice in
 * one file: the first is the one stored) */
static int
pending_cmp(const void *a, const void *b)
{
	const struct pending *x = *(const struct pending *const *)a;
	const struct pending *y = *(const struct pending *const *)b;
	int c = strcmp(x->s.key ? x->s.key : "", y->s.key ? y->s.key : "");

	return c ? c : x->id < y->id ? -1 : x->id > y->id;
}

/* write the sets read so far, in the order of their keys */
static void
batch_write(struct import *im)
{
	struct pending *p;
	long i;

	if (!im->nbatch)
		return;	/* nothing read, or all written */
	for (i = 0; i < im->nbatch; i++) {
		p = &im->batch[i];
		p->s.date = pool_get(im, p->str[P_DATE]);
		p->s.time = pool_get(im, p->str[P_TIME]);
		p->s.side = pool_get(im, p->str[P_SIDE]);
		p->s.note = pool_get(im, p->str[P_NOTE]);
		p->s.reason = pool_get(im, p->str[P_REASON]);
		p->s.key = pool_get(im, p->str[P_KEY]);
		im->order[i] = p;
	}
	qsort(im->order, (size_t)im->nbatch, sizeof *im->order, pending_cmp);
	for (i = 0; i + IMPORT_ROWS <= im->nbatch; i += IMPORT_ROWS)
		import_rows(im, im->order + i);
	for (; i < im->nbatch; i++)
		import_insert(im, im->order[i]);
	im->nbatch = 0;
	im->pool_used = 0;
}

/* keep a set for the batch: its strings are copied, for the row they
 * point into is read again */
static void
batch_add(struct import *im, const struct bk_setrow *s,
    const char *set_type, double distance_m, int missing)
{
	struct pending *p;

	if (!im->batch) {
		im->batch = bk_xmalloc(IMPORT_BATCH * sizeof *im->batch);
		im->order = bk_xmalloc(IMPORT_BATCH * sizeof *im->order);
	}
	p = &im->batch[im->nbatch++];
	p->s = *s;
	p->str[P_DATE] = pool_put(im, s->date);
	p->str[P_TIME] = pool_put(im, s->time);
	p->str[P_SIDE] = pool_put(im, s->side);
	p->str[P_NOTE] = pool_put(im, s->note);
	p->str[P_REASON] = pool_put(im, s->reason);
	p->str[P_KEY] = pool_put(im, s->key);
	p->str[P_TYPE] = pool_put(im, set_type);
	p->distance_m = distance_m;
	p->missing = missing;
	p->id = im->next_id++;
	if (im->nbatch == IMPORT_BATCH || im->pool_used >= IMPORT_BATCH_BYTES)
		batch_write(im);
}

static unsigned
str_hash(const char *s)
{
	unsigned h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* two 64-bit FNV-1a hashes of s, with different seeds */
static void
base_hash(const char *s, uint64_t h[2])
{
	uint64_t a = 0xcbf29ce484222325ULL, b = 0x84222325cbf29ce4ULL;

	for (; *s; s++) {
		a = (a ^ (unsigned char)*s) * 0x100000001b3ULL;
		b = (b ^ (unsigned char)*s) * 0x100000001b3ULL;
	}
	h[0] = a ^ (a >> 29);
	h[1] = b ^ (b >> 31);
}

static void
bind_hash(sqlite3_stmt *st, const uint64_t h[2])
{
	bk_db_bound(sqlite3_bind_int64(st, 1, (sqlite3_int64)h[0]));
	bk_db_bound(sqlite3_bind_int64(st, 2, (sqlite3_int64)h[1]));
}

/* the rank of this base among the rows read so far with the same one */
static long
rank(struct import *im, const char *base)
{
	struct rank_slot *sl;
	uint64_t h[2];
	unsigned bit;

	base_hash(base, h);
	sl = &im->ranks[h[0] % RANK_SLOTS];
	if (sl->n && sl->h[0] == h[0] && sl->h[1] == h[1])
		return ++sl->n;
	if (sl->n) {
		/* the slot's base goes to the table, and is marked there */
		bit = (unsigned)(sl->h[1] % RANK_BITS);
		im->rank_out[bit / 8] |= (unsigned char)(1u << bit % 8);
		sqlite3_reset(im->rank_put);
		bind_hash(im->rank_put, sl->h);
		bk_db_bound(sqlite3_bind_int64(im->rank_put, 3, sl->n));
		bk_db_step(im->db, im->rank_put);
		sqlite3_reset(im->rank_put);
	}
	sl->h[0] = h[0];
	sl->h[1] = h[1];
	sl->n = 0;
	bit = (unsigned)(h[1] % RANK_BITS);
	if (im->rank_out[bit / 8] & (1u << bit % 8)) {
		sqlite3_reset(im->rank_get);
		bind_hash(im->rank_get, h);
		if (bk_db_step(im->db, im->rank_get) == SQLITE_ROW)
			sl->n = sqlite3_column_int64(im->rank_get, 0);
		sqlite3_reset(im->rank_get);
	}
	return ++sl->n;
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
	uint64_t hb[2];
	unsigned bit;
	char h[80];
	int same;

	/* the set before was of the same exercise with the same note: the
	 * table holds it already (most sets; supersets interleave) */
	if (im->note_base && strcmp(im->note_base, r->base) == 0 &&
	    ((!im->note_last && !r->note) || (im->note_last && r->note &&
	    strcmp(im->note_last, r->note) == 0)))
		return NULL;
	free(im->note_base);
	free(im->note_last);
	im->note_base = bk_xstrdup(r->base);
	im->note_last = r->note ? bk_xstrdup(r->note) : NULL;
	/* no note, and none was put for this base (a bit per hash says
	 * which may have one): nothing kept and nothing to forget, for a
	 * base the table lacks reads as one with no note */
	base_hash(r->base, hb);
	bit = (unsigned)(hb[1] % NOTE_BITS);
	if (!r->note && !(im->note_bits[bit / 8] & (1u << bit % 8)))
		return NULL;
	bk_logio_key("", r->base, 0, h, sizeof h);
	sqlite3_reset(im->note_seen);
	bk_db_bound(sqlite3_bind_text(im->note_seen, 1, h, -1, SQLITE_TRANSIENT));
	bk_logcmd_bind_text(im->note_seen, 2, r->note);
	same = bk_db_step(im->db, im->note_seen) == SQLITE_ROW &&
	    sqlite3_column_int(im->note_seen, 0);
	sqlite3_reset(im->note_seen);
	if (same)
		return NULL;
	sqlite3_reset(im->note_put);
	bk_db_bound(sqlite3_bind_text(im->note_put, 1, h, -1, SQLITE_TRANSIENT));
	bk_logcmd_bind_text(im->note_put, 2, r->note);
	bk_db_step(im->db, im->note_put);
	sqlite3_reset(im->note_put);
	if (r->note)
		im->note_bits[bit / 8] |= (unsigned char)(1u << bit % 8);
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
	struct bk_setrow s;
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
	/* which planned item a set is for depends on the sets stored */
	if (r->plan && im->nbatch)
		batch_write(im);
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
	batch_add(im, &s, r->set_type, r->distance_m, missing);
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

void
bk_import_run(struct bk_db *db, const struct bk_logopts *o, const char *path)
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
	bk_db_exec(db, "CREATE TEMP TABLE bk_import_seen (h1 INTEGER, h2 INTEGER,"
	    " n INTEGER NOT NULL, PRIMARY KEY (h1, h2)) WITHOUT ROWID;"
	    "CREATE TEMP TABLE bk_import_unknown (name TEXT PRIMARY KEY,"
	    " line INTEGER NOT NULL) WITHOUT ROWID");
	im.jid = bk_journal_add(db, "bk-log", "import");
	/* a new set's id: above every id given, as AUTOINCREMENT gives */
	st = bk_db_prepare(db, "SELECT max(coalesce((SELECT sets_from FROM"
	    " journal WHERE id = ?1), 1), coalesce((SELECT max(id) FROM sets),"
	    " 0) + 1)");
	bk_db_bound(sqlite3_bind_int64(st, 1, im.jid));
	bk_db_step(db, st);
	im.next_id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
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
	im.rank_get = bk_db_prepare(db, "SELECT n FROM temp.bk_import_seen"
	    " WHERE h1 = ?1 AND h2 = ?2");
	im.rank_put = bk_db_prepare(db, "INSERT OR REPLACE INTO"
	    " temp.bk_import_seen (h1, h2, n) VALUES (?1, ?2, ?3)");
	im.rank_out = bk_xmalloc(RANK_BITS / 8);
	memset(im.rank_out, 0, RANK_BITS / 8);
	im.unk = bk_db_prepare(db, "INSERT OR IGNORE INTO"
	    " temp.bk_import_unknown (name, line) VALUES (?, ?)");
	im.mk = bk_db_prepare(db, "INSERT INTO exercises (slug, name, sets,"
	    " reps, builtin, added) VALUES (?, ?, 1, 10, 0, ?)");
	im.slug_used = bk_db_prepare(db, "SELECT 1 FROM exercises"
	    " WHERE slug = ?");
	im.ins = prepare_import(db, 1);
	im.ins_rows = prepare_import(db, IMPORT_ROWS);
	im.id_used = bk_db_prepare(db, "SELECT 1 FROM sets WHERE id = ?");
	im.stored = prepare_stored(db);
	csverr[0] = '\0';
	rc = bk_csv_read(fp, 0, import_row, &im, csverr, sizeof csverr);
	if (fp != stdin)
		fclose(fp);
	if (rc == 0 && !im.unknown)
		batch_write(&im);
	free(im.batch);
	free(im.order);
	free(im.pool);
	sqlite3_finalize(im.find);
	sqlite3_finalize(im.rank_get);
	sqlite3_finalize(im.rank_put);
	free(im.rank_out);
	sqlite3_finalize(im.unk);
	sqlite3_finalize(im.mk);
	sqlite3_finalize(im.slug_used);
	sqlite3_finalize(im.ins);
	sqlite3_finalize(im.ins_rows);
	sqlite3_finalize(im.id_used);
	sqlite3_finalize(im.stored);
	sqlite3_finalize(im.note_seen);
	sqlite3_finalize(im.note_put);
	bk_logrow_free(&im.row);
	for (i = 0; i < IMPORT_NAMES; i++)
		free(im.names[i]);
	free(im.last_plan);
	free(im.note_base);
	free(im.note_last);
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
		bk_db_bound(sqlite3_bind_int64(st, 1, im.max_exercise));
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
	else {
		/* The planner is told the shape of the set log (how many
		 * sets a day, an exercise, a planned item has), from a sample:
		 * without it, it reads a planned item's sets of a day through
		 * all the sets of that day. An import is what makes a log
		 * big. */
		bk_db_exec(db, "PRAGMA analysis_limit = 1000; ANALYZE sets");
		bk_db_commit(db);
	}
	free_left(&im);
}

