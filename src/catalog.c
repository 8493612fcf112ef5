/* catalog.c - the exercise catalog: loading share/backkit/exercises.csv
 * into the store, and finding exercises by slug, prefix or name */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bk.h"

#ifndef BK_DEFAULT_DATADIR
#define BK_DEFAULT_DATADIR "/usr/local/share/backkit"
#endif

const char *const bk_regions[] = { "neck", "shoulders", "upper-back",
	"mid-back", "lower-back", "hips", "hamstrings", "core", "pelvic-floor",
	NULL };
const char *const bk_kinds[] = { "dynamic", "static", "strength",
	"mobility", "breathing", "self-massage", NULL };
const char *const bk_positions[] = { "standing", "sitting", "kneeling",
	"all-fours", "lying-back", "lying-front", "hanging", "squatting",
	NULL };
const char *const bk_equipment[] = { "none", "mat", "chair", "wall",
	"door-frame", "bar", "foam-roller", "band", "dumbbell", NULL };

static const char *const catalog_cols[] = { "slug", "name", "regions",
	"kind", "position", "equipment", "sets", "reps", "hold_s", "per_side",
	"rest_s", "cues", "cautions", "source" };
#define NCOLS 14

int
bk_slug_valid(const char *s)
{
	size_t n = 0;

	if (!islower((unsigned char)*s))
		return 0;
	for (; *s; s++, n++)
		if (!islower((unsigned char)*s) && !isdigit((unsigned char)*s) &&
		    *s != '-')
			return 0;
	return n <= 64 && s[-1] != '-';
}

static int
is_dir_with_catalog(const char *dir)
{
	char path[PATH_MAX + 16];

	snprintf(path, sizeof path, "%s/exercises.csv", dir);
	return access(path, R_OK) == 0;
}

const char *
bk_datadir(void)
{
	static char dir[PATH_MAX];
	const char *env = getenv("BK_DATADIR");
	char exe[PATH_MAX], *p;
	ssize_t n;

	if (env && *env)
		return env;
	if (dir[0])
		return dir;
	/* bin/bk-x finds ../share/backkit: the source tree's, or the one
	 * installed beside it under any PREFIX or DESTDIR */
	if ((n = readlink("/proc/self/exe", exe, sizeof exe - 1)) > 0) {
		exe[n] = '\0';
		if ((p = strrchr(exe, '/'))) {
			*p = '\0';
			if ((p = strrchr(exe, '/'))) {
				*p = '\0';
				snprintf(dir, sizeof dir, "%.*s/share/backkit",
				    (int)(sizeof dir - 16), exe);
				if (is_dir_with_catalog(dir))
					return dir;
			}
		}
	}
	snprintf(dir, sizeof dir, "%s", BK_DEFAULT_DATADIR);
	return dir;
}

/* every word of a space-separated list is in the allowed set */
static const char *
check_words(const char *s, const char *const *allowed, char *bad,
    size_t badlen)
{
	const char *p = s, *e;
	size_t n;
	int i, ok, count = 0;

	for (;;) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		e = strchr(p, ' ');
		n = e ? (size_t)(e - p) : strlen(p);
		ok = 0;
		for (i = 0; allowed[i]; i++)
			if (strlen(allowed[i]) == n &&
			    strncmp(allowed[i], p, n) == 0)
				ok = 1;
		if (!ok) {
			snprintf(bad, badlen, "%.*s", (int)(n < 64 ? n : 64), p);
			return bad;
		}
		count++;
		p += n;
	}
	if (count == 0) {
		snprintf(bad, badlen, "%s", "");
		return bad;
	}
	return NULL;
}

struct load {
	struct bk_db *db;
	sqlite3_stmt *ins;
	char *err;
	size_t errlen;
	long rows;
};

static int
load_row(const struct bk_csv_row *row, void *data)
{
	struct load *l = data;
	char bad[80];
	long long v;
	int i;
	static const int intcol[] = { 6, 7, 8, 9, 10 };
	static const long long intmax[] = { 100, 1000, 3600, 1, 3600 };

	if (l->rows++ == 0) {
		for (i = 0; i < NCOLS && i < row->n; i++)
			if (strcmp(row->f[i], catalog_cols[i]) != 0)
				break;
		if (i < NCOLS || row->n != NCOLS) {
			snprintf(l->err, l->errlen, "line %ld: the header is not "
			    "slug,name,regions,kind,position,equipment,sets,"
			    "reps,hold_s,per_side,rest_s,cues,cautions,source",
			    row->line);
			return -1;
		}
		return 0;
	}
	if (row->n != NCOLS) {
		snprintf(l->err, l->errlen, "line %ld: %d fields, expected %d",
		    row->line, row->n, NCOLS);
		return -1;
	}
	for (i = 0; i < NCOLS; i++)
		if (strlen(row->f[i]) != row->len[i]) {
			snprintf(l->err, l->errlen, "line %ld: NUL byte in "
			    "field %s", row->line, catalog_cols[i]);
			return -1;
		}
#define BAD(...) do { snprintf(l->err, l->errlen, __VA_ARGS__); \
	return -1; } while (0)
	if (!bk_slug_valid(row->f[0]))
		BAD("line %ld: invalid slug '%s'", row->line, row->f[0]);
	if (!row->f[1][0])
		BAD("line %ld: empty name", row->line);
	if (check_words(row->f[2], bk_regions, bad, sizeof bad))
		BAD("line %ld: invalid region '%s'", row->line, bad);
	if (bk_word_index(bk_kinds, row->f[3]) < 0)
		BAD("line %ld: invalid kind '%s'", row->line, row->f[3]);
	if (bk_word_index(bk_positions, row->f[4]) < 0)
		BAD("line %ld: invalid position '%s'", row->line, row->f[4]);
	if (check_words(row->f[5], bk_equipment, bad, sizeof bad))
		BAD("line %ld: invalid equipment '%s'", row->line, bad);
	sqlite3_reset(l->ins);
	for (i = 0; i < 6; i++)
		sqlite3_bind_text(l->ins, i + 1, row->f[i], -1, SQLITE_STATIC);
	for (i = 0; i < 5; i++) {
		if (bk_parse_int(row->f[intcol[i]], 0, intmax[i], &v) != 0)
			BAD("line %ld: invalid %s '%s'", row->line,
			    catalog_cols[intcol[i]], row->f[intcol[i]]);
		sqlite3_bind_int64(l->ins, intcol[i] + 1, v);
	}
	for (i = 11; i < NCOLS; i++)
		sqlite3_bind_text(l->ins, i + 1, row->f[i], -1, SQLITE_STATIC);
#undef BAD
	if (sqlite3_step(l->ins) != SQLITE_DONE) {
		snprintf(l->err, l->errlen, "line %ld: %s", row->line,
		    sqlite3_errmsg(l->db->h));
		return -1;
	}
	return 0;
}

static int
stored_stamp_is(struct bk_db *db, const char *stamp)
{
	sqlite3_stmt *st = bk_db_prepare(db,
	    "SELECT 1 FROM meta WHERE key = 'catalog' AND value = ?");
	int same;

	sqlite3_bind_text(st, 1, stamp, -1, SQLITE_STATIC);
	same = bk_db_step(db, st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return same;
}

int
bk_catalog_sync(struct bk_db *db, int force, char *err, size_t errlen)
{
	char path[PATH_MAX], stamp[PATH_MAX + 64], msg[256], csverr[256];
	struct stat sb;
	struct load l;
	sqlite3_stmt *st;
	int own_txn, rc;
	FILE *fp;

	snprintf(path, sizeof path, "%s/exercises.csv", bk_datadir());
	if (stat(path, &sb) != 0) {
		if (!force)
			return 0;	/* keep the catalog the store holds */
		snprintf(err, errlen, "cannot read catalog '%s': %s", path,
		    strerror(errno));
		return -1;
	}
	snprintf(stamp, sizeof stamp, "%lld %lld.%09ld %s",
	    (long long)sb.st_size, (long long)sb.st_mtim.tv_sec,
	    sb.st_mtim.tv_nsec, path);
	if (!force && stored_stamp_is(db, stamp))
		return 0;
	if (!(fp = fopen(path, "r"))) {
		snprintf(err, errlen, "cannot read catalog '%s': %s", path,
		    strerror(errno));
		return -1;
	}
	own_txn = sqlite3_get_autocommit(db->h);
	if (own_txn) {
		bk_db_begin(db);
		/* another process may have refreshed it while we waited */
		if (!force && stored_stamp_is(db, stamp)) {
			bk_db_commit(db);
			fclose(fp);
			return 0;
		}
	}
	memset(&l, 0, sizeof l);
	l.db = db;
	l.err = msg;
	l.errlen = sizeof msg;
	msg[0] = '\0';
	l.ins = bk_db_prepare(db,
	    "INSERT INTO exercises (slug, name, regions, kind, position,"
	    " equipment, sets, reps, hold_s, per_side, rest_s, cues, cautions,"
	    " source, builtin) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
	    " ?10, ?11, ?12, ?13, ?14, 1)"
	    " ON CONFLICT (slug) DO UPDATE SET name = ?2, regions = ?3,"
	    " kind = ?4, position = ?5, equipment = ?6, sets = ?7, reps = ?8,"
	    " hold_s = ?9, per_side = ?10, rest_s = ?11, cues = ?12,"
	    " cautions = ?13, source = ?14 WHERE builtin = 1");
	rc = bk_csv_read(fp, ',', load_row, &l, csverr, sizeof csverr);
	if (rc != 0 && csverr[0])
		snprintf(msg, sizeof msg, "%s", csverr);
	sqlite3_finalize(l.ins);
	fclose(fp);
	if (rc == 0 && l.rows < 2) {
		snprintf(msg, sizeof msg, "no exercises");
		rc = -1;
	}
	if (rc != 0) {
		if (own_txn)
			bk_db_rollback(db);
		snprintf(err, errlen, "cannot read catalog '%s': %s", path,
		    msg);
		return -1;
	}
	st = bk_db_prepare(db, "INSERT OR REPLACE INTO meta (key, value) "
	    "VALUES ('catalog', ?)");
	sqlite3_bind_text(st, 1, stamp, -1, SQLITE_STATIC);
	bk_db_step(db, st);
	sqlite3_finalize(st);
	if (own_txn)
		bk_db_commit(db);
	return 0;
}

/* print the nearest slugs to name, for "did you mean" */
static void
suggest(struct bk_db *db, const char *name, char *out, size_t outlen)
{
	sqlite3_stmt *st = bk_db_prepare(db, "SELECT slug, name FROM "
	    "exercises ORDER BY slug");
	const char *best[3] = { NULL, NULL, NULL };
	char *keep[3] = { NULL, NULL, NULL };
	int bestd[3] = { 99, 99, 99 }, d, d2, i, j, cap;
	size_t n;

	cap = (int)strlen(name) / 3 + 2;
	while (bk_db_step(db, st) == SQLITE_ROW) {
		const char *slug = (const char *)sqlite3_column_text(st, 0);
		const char *disp = (const char *)sqlite3_column_text(st, 1);

		d = bk_edit_distance(name, slug, cap + 1);
		d2 = bk_edit_distance(name, disp, cap + 1);
		if (d2 < d)
			d = d2;
		/* a word of the slug typed alone is a good hint too */
		if (d > cap && strlen(name) >= 3 && strstr(slug, name))
			d = cap;
		if (d > cap)
			continue;
		for (i = 0; i < 3; i++) {
			if (d < bestd[i]) {
				free(keep[2]);
				for (j = 2; j > i; j--) {
					bestd[j] = bestd[j - 1];
					keep[j] = keep[j - 1];
				}
				bestd[i] = d;
				keep[i] = bk_xstrdup(slug);
				break;
			}
		}
	}
	sqlite3_finalize(st);
	out[0] = '\0';
	for (i = 0; i < 3 && keep[i]; i++) {
		best[i] = keep[i];
		n = strlen(out);
		snprintf(out + n, outlen - n, "%s%s", i ? ", " : "", best[i]);
	}
	for (i = 0; i < 3; i++)
		free(keep[i]);
}

long long
bk_catalog_lookup(struct bk_db *db, const char *name)
{
	sqlite3_stmt *st;
	long long id = -1;
	char hint[256], amb[256];
	size_t n;
	int count = 0;

	st = bk_db_prepare(db, "SELECT id FROM exercises WHERE slug = ?1 "
	    "UNION ALL SELECT id FROM exercises WHERE name = ?1 "
	    "COLLATE NOCASE LIMIT 1");
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (bk_db_step(db, st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (id >= 0)
		return id;
	st = bk_db_prepare(db, "SELECT id, slug FROM exercises "
	    "WHERE substr(slug, 1, length(?1)) = ?1 ORDER BY slug LIMIT 6");
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	amb[0] = '\0';
	while (bk_db_step(db, st) == SQLITE_ROW) {
		if (count++ == 0)
			id = sqlite3_column_int64(st, 0);
		n = strlen(amb);
		if (count <= 5)
			snprintf(amb + n, sizeof amb - n, "%s%s",
			    count > 1 ? ", " : "", sqlite3_column_text(st, 1));
		else
			snprintf(amb + n, sizeof amb - n, ", ...");
	}
	sqlite3_finalize(st);
	if (count == 1 && name[0])
		return id;
	if (count > 1 && name[0]) {
		bk_warnx("ambiguous exercise '%s': %s", name, amb);
		return -1;
	}
	suggest(db, name, hint, sizeof hint);
	if (hint[0])
		bk_warnx("unknown exercise '%s' (did you mean %s?)", name, hint);
	else
		bk_warnx("unknown exercise '%s' (see 'bk-plan exercises')",
		    name);
	return -1;
}

const char *
bk_source_title(const char *id)
{
	static const char *const titles[] = {
		"What exercises can relieve back stiffness?",
		"The 6 Best Stretches For Back Pain, Mobility & Flexibility",
		"Back Pain And Neck Pain Exercises: The 10 Best",
		"Exercise For Lower Back Problems / Upper Back Pain & Stiff Neck",
		"Upper Back Relief Stretches",
	};
	long long n;

	if (strlen(id) != 3 || bk_parse_int(id, 0, 4, &n) != 0)
		return NULL;
	return titles[n];
}

/* the store's filler: a changed catalog is loaded with the first write
 * (or into a read's scratch transaction), or the command ends */
static void
fill_store(struct bk_db *db, int force)
{
	char err[512];

	if (bk_catalog_sync(db, force, err, sizeof err) != 0) {
		bk_db_rollback(db);
		bk_errx(BK_EXIT_DATA, "%s", err);
	}
}

/* set before main: every program that links the catalog opens its stores
 * with it */
__attribute__((constructor)) static void
attach(void)
{
	bk_db_fill = fill_store;
}
