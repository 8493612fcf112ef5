/* db.c - finding, creating, checking and opening the store */
#include <errno.h>
#include <fcntl.h>
#include <dirent.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "bk.h"

/* A store this process made, and the directories made for it: a command
 * that stores nothing in it (it was refused) takes them away again, so that
 * a refused command never leaves a store behind. */
static char *made_store, *made_dir[16];
static int nmade_dir, committed;

/* HOME, when it is an absolute path to a directory; else an error: a
 * missing home is not made (as root, under /) */
static const char *
home_dir(void)
{
	const char *home = getenv("HOME");
	struct stat sb;

	if (!home || !*home)
		bk_errx(BK_EXIT_DATA, "cannot find the database: HOME is not "
		    "set (set HOME, XDG_DATA_HOME or BK_DB, or use --db)");
	if (home[0] != '/')
		bk_errx(BK_EXIT_DATA, "cannot find the database: HOME '%s' is "
		    "not an absolute path (set HOME, XDG_DATA_HOME or BK_DB, "
		    "or use --db)", home);
	if (stat(home, &sb) != 0 || !S_ISDIR(sb.st_mode))
		bk_errx(BK_EXIT_DATA, "cannot find the database: HOME '%s' is "
		    "%s (set HOME, XDG_DATA_HOME or BK_DB, or use --db)", home,
		    stat(home, &sb) != 0 ? "missing" : "not a directory");
	return home;
}

char *
bk_db_path(const char *opt)
{
	const char *env = getenv("BK_DB"), *xdg = getenv("XDG_DATA_HOME");
	const char *home;
	size_t n;
	char *p;

	if (opt && *opt)
		return bk_xstrdup(opt);
	if (env && *env)
		return bk_xstrdup(env);
	/* a relative XDG_DATA_HOME is ignored, as the XDG spec says */
	if (xdg && xdg[0] == '/') {
		n = strlen(xdg) + 32;
		p = bk_xmalloc(n);
		snprintf(p, n, "%s/backkit/backkit.db", xdg);
		return p;
	}
	home = home_dir();
	n = strlen(home) + 40;
	p = bk_xmalloc(n);
	snprintf(p, n, "%s/.local/share/backkit/backkit.db", home);
	return p;
}

_Noreturn void
bk_db_die(struct bk_db *db, const char *what)
{
	int code, sys;

	if (!db->h)
		bk_errx(BK_EXIT_DATA, "cannot %s '%s': out of memory", what,
		    db->path);
	/* "disk I/O error" says little: add what the system said */
	code = sqlite3_errcode(db->h);
	sys = sqlite3_system_errno(db->h);
	if ((code == SQLITE_IOERR || code == SQLITE_FULL ||
	    code == SQLITE_CANTOPEN) && sys != 0)
		bk_errx(BK_EXIT_DATA, "cannot %s '%s': %s (%s)", what,
		    db->path, sqlite3_errmsg(db->h), strerror(sys));
	bk_errx(BK_EXIT_DATA, "cannot %s '%s': %s", what, db->path,
	    sqlite3_errmsg(db->h));
}

sqlite3_stmt *
bk_db_prepare(struct bk_db *db, const char *sql)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		bk_errx(BK_EXIT_DATA, "cannot read '%s': %s (in: %.60s)",
		    db->path, sqlite3_errmsg(db->h), sql);
	return st;
}

/* a failed write rolls the transaction back: ask before the step */
int
bk_db_step(struct bk_db *db, sqlite3_stmt *st)
{
	int writing = !sqlite3_get_autocommit(db->h) ||
	    !sqlite3_stmt_readonly(st);
	int rc = sqlite3_step(st);

	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		bk_db_die(db, writing ? "write" : "read");
	return rc;
}

void
bk_db_exec(struct bk_db *db, const char *sql)
{
	int writing = !sqlite3_get_autocommit(db->h);

	if (sqlite3_exec(db->h, sql, NULL, NULL, NULL) != SQLITE_OK)
		bk_db_die(db, writing || !sqlite3_get_autocommit(db->h) ?
		    "write" : "read");
}

static void sync_catalog(struct bk_db *, int);

void
bk_db_bound(int rc)
{
	/* a value SQLite would not take (too big, no memory) is never
	 * stored as NULL in its place: the command stops, storing nothing */
	if (rc != SQLITE_OK)
		bk_errx(BK_EXIT_DATA, "cannot store a value: %s",
		    sqlite3_errstr(rc));
}

void
bk_db_begin(struct bk_db *db)
{
	if (db->scratch) {
		/* a read turned into a write: start again, for real */
		bk_db_rollback(db);
		db->scratch = 0;
	}
	if (sqlite3_exec(db->h, "BEGIN IMMEDIATE", NULL, NULL, NULL) !=
	    SQLITE_OK)
		bk_db_die(db, "write");
	/* a changed catalog is stored with the first write, never alone */
	if (!db->synced && !db->in_memory) {
		db->synced = 1;
		sync_catalog(db, 0);
	}
}

void
bk_db_scratch(struct bk_db *db)
{
	if (!db->writable || db->in_memory || db->scratch ||
	    !sqlite3_get_autocommit(db->h))
		return;
	bk_db_exec(db, "BEGIN");
	db->scratch = 1;
}

void
bk_db_commit(struct bk_db *db)
{
	int bad;

	if (db->scratch) {
		bk_db_rollback(db);
		db->scratch = 0;
		return;
	}
	bk_journal_close(db);
	/* what the command says it did reaches stdout before it is done */
	bad = fflush(stdout) != 0 || ferror(stdout);
	if (bad) {
		int e = errno;

		bk_db_rollback(db);
		bk_errx(BK_EXIT_DATA, "cannot write output: %s; nothing "
		    "was stored", strerror(e ? e : EIO));
	}
	bk_db_exec(db, "COMMIT");
	committed = 1;
}

void
bk_db_rollback(struct bk_db *db)
{
	if (db->h && !sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
}

static long long
pragma_int(struct bk_db *db, const char *sql)
{
	sqlite3_stmt *st = bk_db_prepare(db, sql);
	long long v = 0;

	if (bk_db_step(db, st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* mkdir -p the directory part of path; new directories get mode 0700 */
static void
make_parent(const char *path)
{
	char *dir = bk_xstrdup(path), *p;
	struct stat sb;

	if (!(p = strrchr(dir, '/')) || p == dir) {
		free(dir);
		return;
	}
	*p = '\0';
	for (p = dir + 1; ; p++) {
		if (*p == '/' || *p == '\0') {
			char c = *p;

			*p = '\0';
			if (stat(dir, &sb) != 0) {
				if (mkdir(dir, 0700) != 0 && errno != EEXIST)
					bk_errx(BK_EXIT_DATA,
					    "cannot create directory '%s': %s",
					    dir, strerror(errno));
				/* whatever the umask says: health data */
				chmod(dir, 0700);
				if (nmade_dir < 16)
					made_dir[nmade_dir++] = bk_xstrdup(dir);
			} else if (!S_ISDIR(sb.st_mode))
				bk_errx(BK_EXIT_DATA, "cannot create '%s': "
				    "'%s' is not a directory", path, dir);
			*p = c;
			if (c == '\0')
				break;
		}
	}
	free(dir);
}

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

/* a file named path + suffix exists (or cannot be told not to) */
static int
beside(const char *path, const char *suffix)
{
	size_t n = strlen(path) + strlen(suffix) + 1;
	char *p = bk_xmalloc(n);
	int there;

	snprintf(p, n, "%s%s", path, suffix);
	there = access(p, F_OK) == 0 || errno != ENOENT;
	free(p);
	return there;
}

/* Read the file's SQLite header ourselves, so that a file we refuse is
 * never opened by SQLite and keeps every byte. *wal is set when the file
 * is in WAL mode. */
static void
check_header(const char *path, const struct stat *sb, int *wal)
{
	unsigned char h[100];
	uint32_t pagesize, pages;
	struct stat now;
	ssize_t n;
	int fd, tries;

	if (!S_ISREG(sb->st_mode))
		bk_errx(BK_EXIT_DATA, "cannot open '%s': not a regular file",
		    path);
	if (sb->st_size == 0)
		bk_errx(BK_EXIT_DATA, "cannot open '%s': not a backkit "
		    "database (empty file)", path);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		bk_errx(BK_EXIT_DATA, "cannot open '%s': %s", path,
		    strerror(errno));
	/* The page count is valid when the change counters agree. A writer
	 * copying its log into the file (a checkpoint) writes the header
	 * before it extends the file, so a short file with a -wal or
	 * -journal beside it is no proof, and one without is looked at
	 * again: a checkpoint ends within milliseconds, a cut file never
	 * grows back. The header and the size are read together each time. */
	for (tries = 0; ; tries++) {
		n = pread(fd, h, sizeof h, 0);
		if (n < 0 || fstat(fd, &now) != 0) {
			close(fd);
			bk_errx(BK_EXIT_DATA, "cannot read '%s': %s", path,
			    strerror(errno));
		}
		if (n < (ssize_t)sizeof h ||
		    memcmp(h, "SQLite format 3", 16) != 0) {
			close(fd);
			bk_errx(BK_EXIT_DATA, "cannot open '%s': not a backkit "
			    "database (not an SQLite file)", path);
		}
		if (be32(h + 68) != BK_APPLICATION_ID) {
			close(fd);
			bk_errx(BK_EXIT_DATA, "cannot open '%s': not a backkit "
			    "database (application id %#x)", path,
			    (unsigned)be32(h + 68));
		}
		pagesize = (uint32_t)h[16] << 8 | h[17];
		if (pagesize == 1)
			pagesize = 65536;
		pages = be32(h + 28);
		if (be32(h + 60) > (uint32_t)bk_nmigrations) {
			/* refused before SQLite opens it: no byte changes */
			close(fd);
			bk_errx(BK_EXIT_DATA, "cannot open '%s': made by a newer "
			    "backkit (schema %lu; this one knows up to %d)",
			    path, (unsigned long)be32(h + 60), bk_nmigrations);
		}
		if (be32(h + 24) != be32(h + 92) ||
		    (off_t)pagesize * pages <= now.st_size ||
		    beside(path, "-wal") || beside(path, "-journal"))
			break;
		if (tries == 20) {
			close(fd);
			bk_errx(BK_EXIT_DATA, "cannot open '%s': database is "
			    "truncated (%lld of %lld bytes)", path,
			    (long long)now.st_size, (long long)pagesize * pages);
		}
		usleep(10000);
	}
	close(fd);
	*wal = h[18] == 2 && h[19] == 2;
}

static void
set_pragmas(struct bk_db *db)
{
	sqlite3_busy_timeout(db->h, 10000);
	bk_db_exec(db, "PRAGMA foreign_keys = ON");
	bk_db_exec(db, "PRAGMA synchronous = NORMAL");
}

/* the tables whose ids users see: an id once given is never given again */
static const char *const counted[] = { "exercises", "plans", "plan_items",
    "sets", "measurements", "journal", NULL };

/* Rebuild tbl with AUTOINCREMENT, whatever columns the migrations gave
 * it: its CREATE statement as stored, with the keyword added, rows and ids
 * copied, its indexes made again. Ids removed before it (in the trash)
 * count as given. Foreign keys are off, so nothing cascades. */
static void
autoincrement(struct bk_db *db, const char *tbl)
{
	static const char key[] = "id INTEGER PRIMARY KEY,";
	sqlite3_stmt *st;
	char *create, *p, *sql, **idx = NULL;
	int nidx = 0, i;
	size_t n;

	st = bk_db_prepare(db, "SELECT sql FROM sqlite_schema WHERE type = "
	    "'table' AND name = ?");
	sqlite3_bind_text(st, 1, tbl, -1, SQLITE_STATIC);
	if (bk_db_step(db, st) != SQLITE_ROW ||
	    strstr((const char *)sqlite3_column_text(st, 0), "AUTOINCREMENT") ||
	    !(p = strstr((const char *)sqlite3_column_text(st, 0), key))) {
		sqlite3_finalize(st);
		return;
	}
	create = bk_xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	p = strstr(create, key);
	n = strlen(create) + strlen(tbl) + 64;
	sql = bk_xmalloc(n);
	/* "CREATE TABLE name (" becomes "CREATE TABLE bk_rebuild (" */
	snprintf(sql, n, "CREATE TABLE bk_rebuild %.*s id INTEGER PRIMARY KEY "
	    "AUTOINCREMENT,%s", (int)(p - strchr(create, '(')),
	    strchr(create, '('), p + strlen(key));
	st = bk_db_prepare(db, "SELECT sql FROM sqlite_schema WHERE type = "
	    "'index' AND tbl_name = ? AND sql IS NOT NULL");
	sqlite3_bind_text(st, 1, tbl, -1, SQLITE_STATIC);
	while (bk_db_step(db, st) == SQLITE_ROW) {
		idx = bk_xrealloc(idx, (nidx + 1) * sizeof *idx);
		idx[nidx++] = bk_xstrdup((const char *)sqlite3_column_text(st,
		    0));
	}
	sqlite3_finalize(st);
	bk_db_exec(db, sql);
	free(sql);
	n = strlen(tbl) * 8 + 512;
	sql = bk_xmalloc(n);
	snprintf(sql, n, "INSERT INTO bk_rebuild SELECT * FROM %s;"
	    "DROP TABLE %s; ALTER TABLE bk_rebuild RENAME TO %s;"
	    "DELETE FROM sqlite_sequence WHERE name = '%s';"
	    "INSERT INTO sqlite_sequence (name, seq) VALUES ('%s', max("
	    "(SELECT coalesce(max(id), 0) FROM %s), (SELECT coalesce("
	    "max(row_id), 0) FROM trash WHERE tbl = '%s')))",
	    tbl, tbl, tbl, tbl, tbl, tbl, tbl);
	bk_db_exec(db, sql);
	free(sql);
	for (i = 0; i < nidx; i++) {
		bk_db_exec(db, idx[i]);
		free(idx[i]);
	}
	free(idx);
	free(create);
}

/* bring the schema to the current version in one transaction */
static void
migrate(struct bk_db *db)
{
	long long v;
	int i;

	/* a table rebuilt must not take its children with it */
	bk_db_exec(db, "PRAGMA foreign_keys = OFF");
	if (sqlite3_exec(db->h, "BEGIN IMMEDIATE", NULL, NULL, NULL) !=
	    SQLITE_OK)
		bk_db_die(db, "write");
	v = pragma_int(db, "PRAGMA user_version");
	if (v < bk_nmigrations) {
		char sql[64];

		for (i = (int)v; i < bk_nmigrations; i++)
			bk_db_exec(db, bk_migrations[i]);
		for (i = 0; counted[i]; i++)
			autoincrement(db, counted[i]);
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d",
		    bk_nmigrations);
		bk_db_exec(db, sql);
		snprintf(sql, sizeof sql, "PRAGMA application_id = %d",
		    BK_APPLICATION_ID);
		bk_db_exec(db, sql);
	}
	bk_db_exec(db, "COMMIT");
	bk_db_exec(db, "PRAGMA foreign_keys = ON");
}

void (*bk_db_fill)(struct bk_db *, int);

/* the catalog, through the hook its layer set: the store never names it */
static void
sync_catalog(struct bk_db *db, int force)
{
	if (bk_db_fill)
		bk_db_fill(db, force);
}

/* the directory and the base name of path, into dir (of strlen(path) + 2
 * bytes): "s.db" is in "." */
static const char *
split_path(const char *path, char *dir)
{
	const char *p = strrchr(path, '/');

	if (!p) {
		strcpy(dir, ".");
		return path;
	}
	memcpy(dir, path, (size_t)(p - path) + (p == path));
	dir[(p - path) + (p == path)] = '\0';
	return p + 1;
}

/* Take away what a creation killed before it ended left beside the
 * store: base.new-XXXXXX and its -journal, -wal and -shm. A maker holds
 * an flock on its base.new-XXXXXX for as long as it works on it, so one
 * that can be locked is stale; a -journal, -wal or -shm without its file
 * is too (a maker removes its file last). */
static void
sweep_leftovers(const char *path)
{
	char *dir = bk_xmalloc(strlen(path) + 2), *name, *sfx;
	const char *base = split_path(path, dir);
	size_t bl = strlen(base), n;
	struct dirent *e;
	struct stat sb;
	DIR *d;
	int fd;

	if (!(d = opendir(dir))) {
		free(dir);
		return;
	}
	n = strlen(dir) + NAME_MAX + 2;
	name = bk_xmalloc(n);
	while ((e = readdir(d))) {
		const char *t = e->d_name + bl;

		if (strncmp(e->d_name, base, bl) != 0 ||
		    strncmp(t, ".new-", 5) != 0 || strlen(t + 5) < 6 ||
		    strspn(t + 5, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstu"
		    "vwxyz0123456789") != 6)
			continue;
		sfx = e->d_name + bl + 11;
		if (*sfx && strcmp(sfx, "-journal") != 0 &&
		    strcmp(sfx, "-wal") != 0 && strcmp(sfx, "-shm") != 0)
			continue;
		snprintf(name, n, "%s/%.*s", dir, (int)(bl + 11), e->d_name);
		if (*sfx) {
			/* its maker's file is gone: nobody works on it */
			if (lstat(name, &sb) != 0 && errno == ENOENT) {
				snprintf(name, n, "%s/%s", dir, e->d_name);
				unlink(name);
			}
			continue;
		}
		if ((fd = open(name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
		    O_CLOEXEC)) < 0)
			continue;
		if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) &&
		    sb.st_uid == geteuid() && flock(fd, LOCK_EX | LOCK_NB) == 0) {
			static const char *const side[] = { "-journal", "-wal",
			    "-shm" };
			size_t k, l = strlen(name);

			for (k = 0; k < 3; k++) {
				snprintf(name + l, n - l, "%s", side[k]);
				unlink(name);
			}
			name[l] = '\0';
			unlink(name);
		}
		close(fd);	/* the lock goes with it */
	}
	closedir(d);
	free(name);
	free(dir);
}

/* Build a complete store under a temporary name and link it into place,
 * so that no other process ever sees a half-made one. The temporary file
 * is locked while it is made, so that what a killed maker leaves is known
 * for stale and taken away by the next one. */
static void
create_store(struct bk_db *db)
{
	size_t n = strlen(db->path) + 16;
	char *tmp = bk_xmalloc(n), *real = db->path;
	struct stat a, b;
	int fd, tries;

	make_parent(db->path);
	sweep_leftovers(db->path);
	for (tries = 0; ; tries++) {
		snprintf(tmp, n, "%s.new-XXXXXX", db->path);
		if ((fd = mkstemp(tmp)) < 0)
			bk_errx(BK_EXIT_DATA, "cannot create '%s': %s",
			    db->path, strerror(errno));
		/* a sweeper may have taken it between mkstemp and the lock:
		 * then it is no longer there, under that name */
		if (flock(fd, LOCK_EX) == 0 && fstat(fd, &a) == 0 &&
		    lstat(tmp, &b) == 0 && a.st_ino == b.st_ino &&
		    a.st_dev == b.st_dev)
			break;
		close(fd);
		if (tries == 10)
			bk_errx(BK_EXIT_DATA, "cannot create '%s': its "
			    "temporary file keeps going away", db->path);
	}
	fchmod(fd, 0600);
	db->path = tmp;
	if (sqlite3_open_v2(tmp, &db->h, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		unlink(tmp);
		bk_db_die(db, "create");
	}
	db->writable = 1;
	sqlite3_busy_timeout(db->h, 10000);
	/* no -journal: a file nobody else sees needs none */
	bk_db_exec(db, "PRAGMA journal_mode = MEMORY");
	bk_db_exec(db, "PRAGMA foreign_keys = ON");
	migrate(db);
	sync_catalog(db, 1);
	bk_db_exec(db, "PRAGMA journal_mode = WAL");
	sqlite3_close(db->h);
	db->h = NULL;
	db->path = real;
	/* link() refuses to replace: if another process won, use its store */
	if (link(tmp, real) == 0)
		made_store = bk_xstrdup(real);
	else if (errno != EEXIST) {
		if (rename(tmp, real) != 0) {
			unlink(tmp);
			bk_errx(BK_EXIT_DATA, "cannot create '%s': %s", real,
			    strerror(errno));
		}
		made_store = bk_xstrdup(real);
	}
	unlink(tmp);
	close(fd);	/* after SQLite's: closing it drops SQLite's locks */
	free(tmp);
	committed = 0;	/* the making of it stored nothing of the user's */
}

static int
dir_writable(const char *path)
{
	char *dir = bk_xstrdup(path), *p = strrchr(dir, '/');
	int ok;

	if (!p)
		ok = access(".", W_OK) == 0;
	else {
		if (p == dir)
			p[1] = '\0';
		else
			*p = '\0';
		ok = access(dir, W_OK) == 0;
	}
	free(dir);
	return ok;
}

/* The store a command has open. An error exits without closing it; this
 * closes it then, so that SQLite removes the -wal and -shm files it made
 * beside the store (a refused store keeps none). */
static sqlite3 *open_h;

/* the store this process made and stored nothing in goes, if no other
 * process has written to it since (checked under an exclusive lock) */
static void
unmake_store(sqlite3 *h)
{
	sqlite3_stmt *st;
	int empty = 0, i;
	char sfx[PATH_MAX];

	if (!made_store || committed || !h)
		return;
	sqlite3_exec(h, "ROLLBACK", NULL, NULL, NULL);
	if (sqlite3_exec(h, "BEGIN EXCLUSIVE", NULL, NULL, NULL) != SQLITE_OK)
		return;
	if (sqlite3_prepare_v2(h, "SELECT NOT EXISTS (SELECT 1 FROM journal)"
	    " AND NOT EXISTS (SELECT 1 FROM sets) AND NOT EXISTS (SELECT 1 "
	    "FROM plans) AND NOT EXISTS (SELECT 1 FROM measurements)", -1, &st,
	    NULL) == SQLITE_OK) {
		empty = sqlite3_step(st) == SQLITE_ROW &&
		    sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	if (empty) {
		unlink(made_store);
		snprintf(sfx, sizeof sfx, "%s-wal", made_store);
		unlink(sfx);
		snprintf(sfx, sizeof sfx, "%s-shm", made_store);
		unlink(sfx);
		for (i = nmade_dir - 1; i >= 0; i--)
			rmdir(made_dir[i]);
	}
	sqlite3_exec(h, "ROLLBACK", NULL, NULL, NULL);
}

static void
close_at_exit(void)
{
	sqlite3_stmt *st;

	if (!open_h)
		return;
	while ((st = sqlite3_next_stmt(open_h, NULL)))
		sqlite3_finalize(st);
	unmake_store(open_h);
	sqlite3_close(open_h);
	open_h = NULL;
}

static char *uri_with(const char *path, const char *query);

/* "file:" and the path, as an SQLite URI with ?immutable=1 */
static char *
immutable_uri(const char *path)
{
	return uri_with(path, "?immutable=1");
}

/* Look at a store before opening it for writing: its schema version and
 * whether SQLite can read it, through a read-only connection that opens
 * the -shm read-only and never checkpoints, so that a store refused keeps
 * every byte of its file, -wal and -shm. A -wal without its -shm (or a
 * directory where none can be made) cannot be read that way: the file is
 * then read as it stands. */
static void
precheck(const char *path)
{
	static const char *const queries[] = { "?mode=ro&readonly_shm=1",
	    "?immutable=1" };
	sqlite3_stmt *st;
	sqlite3 *h;
	long long v = 0;
	char msg[256];
	int i, rc;

	/* with no -wal there is nothing but the file to read */
	for (i = beside(path, "-wal") ? 0 : 1; i < 2; i++) {
		char *uri = uri_with(path, queries[i]);

		h = NULL;
		rc = sqlite3_open_v2(uri, &h, SQLITE_OPEN_READONLY |
		    SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
		free(uri);
		if (rc == SQLITE_OK) {
			sqlite3_db_config(h, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
			    1, NULL);
			sqlite3_busy_timeout(h, 10000);
			rc = sqlite3_prepare_v2(h, "SELECT (SELECT user_version "
			    "FROM pragma_user_version), (SELECT count(*) FROM "
			    "sqlite_schema)", -1, &st, NULL);
			if (rc == SQLITE_OK) {
				if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
					v = sqlite3_column_int64(st, 0);
					rc = SQLITE_OK;
				}
				sqlite3_finalize(st);
			}
		}
		if (rc == SQLITE_OK || i == 1)
			break;
		sqlite3_close(h);
	}
	if (rc != SQLITE_OK) {
		snprintf(msg, sizeof msg, "%s", h ? sqlite3_errmsg(h) :
		    "out of memory");
		sqlite3_close(h);
		bk_errx(BK_EXIT_DATA, "cannot read '%s': %s", path, msg);
	}
	sqlite3_close(h);
	if (v > bk_nmigrations)
		bk_errx(BK_EXIT_DATA, "cannot open '%s': made by a newer "
		    "backkit (schema %lld; this one knows up to %d)", path, v,
		    bk_nmigrations);
}

static char *
uri_with(const char *path, const char *query)
{
	static const char hex[] = "0123456789ABCDEF";
	char *uri = bk_xmalloc(strlen(path) * 3 + strlen(query) + 8), *o = uri;
	const unsigned char *p;

	o += sprintf(o, "file:");
	for (p = (const unsigned char *)path; *p; p++)
		if (strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
		    "0123456789/._-~", *p))
			*o++ = (char)*p;
		else {
			*o++ = '%';
			*o++ = hex[*p >> 4];
			*o++ = hex[*p & 15];
		}
	strcpy(o, query);
	return uri;
}

/* Whose store it is, as ssh's StrictModes asks of its files: a store or
 * a directory holding it that another user owns or that group or others
 * can write is refused (anyone else could change the history, or put a
 * -wal or -journal beside the store for SQLite to replay), unless
 * BK_ALLOW_SHARED=1 says it is shared on purpose. Root may read another
 * user's store, without writing a byte of it: *foreign is then set. sb is
 * the store's, or NULL when it is yet to be made. */
static void
check_private(const char *path, const struct stat *sb, int mode, int *foreign)
{
	const char *allow = getenv("BK_ALLOW_SHARED");
	const char *way = "or set BK_ALLOW_SHARED=1 to use it as it is";
	char *dir = bk_xstrdup(path), *p = strrchr(dir, '/');
	uid_t me = geteuid();
	struct stat ds;

	*foreign = 0;
	if (allow && strcmp(allow, "1") == 0) {
		free(dir);
		return;
	}
	if (!p)
		strcpy(dir, ".");
	else if (p == dir)
		p[1] = '\0';
	else
		*p = '\0';
	if (sb && sb->st_uid != me) {
		if (me != 0 || mode == BK_DB_WRITE)
			bk_errx(BK_EXIT_DATA, "cannot open '%s': owned by "
			    "another user (uid %lu): use a store of your own, %s",
			    path, (unsigned long)sb->st_uid, way);
		*foreign = 1;
	}
	if (sb && (sb->st_mode & (S_IWGRP | S_IWOTH)))
		bk_errx(BK_EXIT_DATA, "cannot open '%s': writable by group or "
		    "others (mode %04o): chmod go-w it, %s", path,
		    (unsigned)(sb->st_mode & 07777), way);
	/* a missing directory is made 0700 */
	if (stat(dir, &ds) == 0) {
		if (ds.st_uid != me && ds.st_uid != 0) {
			if (me != 0 || mode == BK_DB_WRITE)
				bk_errx(BK_EXIT_DATA, "cannot open '%s': its "
				    "directory '%s' is owned by another user "
				    "(uid %lu): use a store of your own, %s",
				    path, dir, (unsigned long)ds.st_uid, way);
			*foreign = 1;
		}
		if (ds.st_mode & (S_IWGRP | S_IWOTH))
			bk_errx(BK_EXIT_DATA, "cannot open '%s': its directory "
			    "'%s' is writable by group or others (mode %04o): "
			    "chmod go-w it or put the store in a private "
			    "directory, %s", path, dir,
			    (unsigned)(ds.st_mode & 07777), way);
	}
	free(dir);
}

void
bk_db_open(struct bk_db *db, const char *opt, int mode)
{
	struct stat sb;
	long long v;
	int wal = 0, flags, rc, foreign = 0;
	char *uri = NULL;

	/* one thread per process: no locks around each call and no memory
	 * statistics, which a bulk import pays for on every row (set before
	 * SQLite starts; a second open is told it is too late, harmlessly) */
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	memset(db, 0, sizeof *db);
	db->plans = -1;
	db->path = bk_db_path(opt);
	if (stat(db->path, &sb) != 0) {
		if (errno != ENOENT)
			bk_errx(BK_EXIT_DATA, "cannot open '%s': %s",
			    db->path, strerror(errno));
		if (mode != BK_DB_WRITE) {
			/* nothing stored yet: answer from the catalog alone,
			 * in a private store of SQLite's that is memory while
			 * small and a file it deletes beyond (a dry run of a
			 * big import) */
			if (sqlite3_open_v2("", &db->h,
			    SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
			    NULL) != SQLITE_OK)
				bk_db_die(db, "open");
			db->in_memory = db->writable = 1;
			set_pragmas(db);
			migrate(db);
			sync_catalog(db, 1);
			db->writable = 0;
			return;
		}
		check_private(db->path, NULL, mode, &foreign);
		create_store(db);
		if (stat(db->path, &sb) != 0)
			bk_errx(BK_EXIT_DATA, "cannot open '%s': %s",
			    db->path, strerror(errno));
	}
	check_private(db->path, &sb, mode, &foreign);
	if (mode == BK_DB_WRITE)
		sweep_leftovers(db->path);
	check_header(db->path, &sb, &wal);
	precheck(db->path);
	db->writable = mode != BK_DB_READONLY && access(db->path, W_OK) == 0 &&
	    dir_writable(db->path) && !foreign;
	if (mode == BK_DB_WRITE && !db->writable)
		bk_errx(BK_EXIT_DATA, "cannot write '%s': %s", db->path,
		    access(db->path, W_OK) == 0 ?
		    "its directory is read-only" : "permission denied");
	flags = (db->writable ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY) |
	    SQLITE_OPEN_NOMUTEX;
	if (!db->writable && !beside(db->path, "-wal")) {
		/* A store we cannot write, with no -wal file beside it: no
		 * writer has it open (a writer keeps one), so it is read as
		 * it stands. Opened the usual way, SQLite would make -shm and
		 * -wal files it cannot remove, or fail in a read-only
		 * directory; a read-only -shm left behind makes every later
		 * write fail. */
		uri = immutable_uri(db->path);
		flags |= SQLITE_OPEN_URI;
	}
	rc = sqlite3_open_v2(uri ? uri : db->path, &db->h, flags, NULL);
	free(uri);
	if (!open_h && atexit(close_at_exit) != 0)
		bk_errx(BK_EXIT_DATA, "cannot open '%s': out of memory",
		    db->path);
	open_h = db->h;
	if (rc != SQLITE_OK)
		bk_db_die(db, "open");
	set_pragmas(db);
	v = pragma_int(db, "PRAGMA user_version");
	if (v > bk_nmigrations)
		bk_errx(BK_EXIT_DATA, "cannot open '%s': made by a newer "
		    "backkit (schema %lld; this one knows up to %d)",
		    db->path, v, bk_nmigrations);
	if (v < bk_nmigrations && mode == BK_DB_READONLY && !foreign &&
	    access(db->path, W_OK) == 0 && dir_writable(db->path)) {
		/* The one write a read-only open makes: an older store is
		 * brought up to date first, as any command would; its
		 * record is not changed. Then it is opened again, for reading
		 * only. */
		bk_db_close(db);
		bk_db_open(db, opt, BK_DB_READ);
		bk_db_close(db);
		bk_db_open(db, opt, BK_DB_READONLY);
		return;
	}
	if (v < bk_nmigrations) {
		if (!db->writable)
			bk_errx(BK_EXIT_DATA, "cannot upgrade '%s': "
			    "permission denied", db->path);
		migrate(db);
	}
	if (db->writable && !wal)
		bk_db_exec(db, "PRAGMA journal_mode = WAL");
	if (db->writable && mode == BK_DB_READ) {
		/* a read sees a changed catalog without storing it */
		bk_db_scratch(db);
		sync_catalog(db, 0);
	}
}

void
bk_db_close(struct bk_db *db)
{
	if (open_h == db->h)
		open_h = NULL;
	bk_db_rollback(db);	/* a read's scratch transaction */
	db->scratch = 0;
	sqlite3_finalize(db->due);
	db->due = NULL;
	if (db->h)
		sqlite3_close(db->h);
	db->h = NULL;
	free(db->path);
	db->path = NULL;
}
