/* journal.c - the undo journal: every write of every command is one entry.
 * While an entry is open, triggers on this connection record each change:
 * a row inserted carries the entry's id in journal_id, a row changed or
 * removed (by the command, a cascade or a link cleared) leaves its
 * before-image in the trash. Undo deletes what the entry inserted and puts
 * the before-images back. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bk.h"

/* parents before children: restored in this order, deleted in reverse */
static const char *const journaled[] = { "exercises", "plans", "plan_items",
    "sets", "measurements", NULL };

/* the table's columns, each through fmt (which may use the name twice);
 * names come from our own schema, never from a user. NULL when the table
 * has no journal_id column (a store from before it) */
static char *
columns(struct bk_db *db, const char *tbl, const char *fmt)
{
	char sql[128], *buf = NULL, piece[512];
	size_t len = 0;
	sqlite3_stmt *st;
	const char *c;
	int journal = 0;

	/* a column added after the image was taken gets its default */
	snprintf(sql, sizeof sql, "SELECT name, dflt_value FROM "
	    "pragma_table_info('%s')", tbl);
	st = bk_db_prepare(db, sql);
	while (bk_db_step(db, st) == SQLITE_ROW) {
		c = (const char *)sqlite3_column_text(st, 0);
		journal |= strcmp(c, "journal_id") == 0;
		snprintf(piece, sizeof piece, fmt, c, c, c, c);
		buf = bk_xrealloc(buf, len + strlen(piece) + 3);
		len += (size_t)sprintf(buf + len, "%s%s", len ? ", " : "",
		    piece);
	}
	sqlite3_finalize(st);
	if (!journal) {
		free(buf);
		return NULL;
	}
	return buf;
}

/* the value of column c of a trash row put back: a link to a row that is
 * no longer there is cleared, as ON DELETE SET NULL would */
static char *
restored_values(struct bk_db *db, const char *tbl)
{
	char sql[160], *buf = NULL, piece[600];
	size_t len = 0;
	sqlite3_stmt *st, *fk;
	const char *c;

	/* a column added after the image was taken gets its default */
	snprintf(sql, sizeof sql, "SELECT name, dflt_value FROM "
	    "pragma_table_info('%s')", tbl);
	st = bk_db_prepare(db, sql);
	snprintf(sql, sizeof sql, "SELECT \"table\", coalesce(\"to\", 'id') "
	    "FROM pragma_foreign_key_list('%s') WHERE \"from\" = ?", tbl);
	fk = bk_db_prepare(db, sql);
	while (bk_db_step(db, st) == SQLITE_ROW) {
		c = (const char *)sqlite3_column_text(st, 0);
		sqlite3_reset(fk);
		sqlite3_bind_text(fk, 1, c, -1, SQLITE_TRANSIENT);
		if (strcmp(c, "journal_id") != 0 &&
		    bk_db_step(db, fk) == SQLITE_ROW)
			snprintf(piece, sizeof piece, "CASE WHEN EXISTS "
			    "(SELECT 1 FROM main.\"%s\" WHERE \"%s\" = "
			    "json_extract(data, '$.%s')) THEN json_extract("
			    "data, '$.%s') END", sqlite3_column_text(fk, 0),
			    sqlite3_column_text(fk, 1), c, c);
		else if (sqlite3_column_type(st, 1) != SQLITE_NULL)
			snprintf(piece, sizeof piece, "CASE WHEN json_type("
			    "data, '$.%s') IS NULL THEN %s ELSE json_extract("
			    "data, '$.%s') END", c, sqlite3_column_text(st, 1),
			    c);
		else
			snprintf(piece, sizeof piece, "json_extract(data, "
			    "'$.%s')", c);
		buf = bk_xrealloc(buf, len + strlen(piece) + 3);
		len += (size_t)sprintf(buf + len, "%s%s", len ? ", " : "",
		    piece);
	}
	sqlite3_finalize(fk);
	sqlite3_finalize(st);
	return buf;
}

/* the triggers that record an open entry's changes, on this connection */
static void
make_triggers(struct bk_db *db)
{
	char *image, *sql;
	size_t n;
	int i;

	if (db->journaling)
		return;
	bk_db_exec(db, "CREATE TEMP TABLE IF NOT EXISTS bk_jctx (jid INTEGER)");
	for (i = 0; journaled[i]; i++) {
		const char *t = journaled[i];

		if (!(image = columns(db, t, "'%s', OLD.\"%s\"")))
			continue;
		n = strlen(image) + 1024;
		sql = bk_xmalloc(n);
		snprintf(sql, n, "CREATE TEMP TRIGGER IF NOT EXISTS bk_j_%s_d "
		    "BEFORE DELETE ON main.%s WHEN (SELECT jid FROM bk_jctx) "
		    "IS NOT NULL AND OLD.journal_id IS NOT (SELECT jid FROM "
		    "bk_jctx) BEGIN INSERT INTO trash (journal_id, tbl, "
		    "row_id, data) SELECT jid, '%s', OLD.id, json_object(%s) "
		    "FROM bk_jctx; END", t, t, t, image);
		bk_db_exec(db, sql);
		snprintf(sql, n, "CREATE TEMP TRIGGER IF NOT EXISTS bk_j_%s_u "
		    "BEFORE UPDATE ON main.%s WHEN (SELECT jid FROM bk_jctx) "
		    "IS NOT NULL AND OLD.journal_id IS NOT (SELECT jid FROM "
		    "bk_jctx) AND NEW.journal_id IS NOT (SELECT jid FROM "
		    "bk_jctx) BEGIN INSERT INTO trash (journal_id, tbl, "
		    "row_id, data) SELECT jid, '%s', OLD.id, json_object(%s) "
		    "FROM bk_jctx; END", t, t, t, image);
		bk_db_exec(db, sql);
		snprintf(sql, n, "CREATE TEMP TRIGGER IF NOT EXISTS bk_j_%s_a "
		    "AFTER UPDATE ON main.%s WHEN (SELECT jid FROM bk_jctx) "
		    "IS NOT NULL AND NEW.journal_id IS NOT (SELECT jid FROM "
		    "bk_jctx) BEGIN UPDATE %s SET journal_id = (SELECT "
		    "jid FROM bk_jctx) WHERE id = NEW.id; END", t, t, t);
		bk_db_exec(db, sql);
		/* every insert into sets names its entry itself: a trigger
		 * there would make each of an import's million inserts keep
		 * a statement journal */
		if (strcmp(t, "sets") == 0) {
			free(sql);
			free(image);
			continue;
		}
		snprintf(sql, n, "CREATE TEMP TRIGGER IF NOT EXISTS bk_j_%s_i "
		    "AFTER INSERT ON main.%s WHEN (SELECT jid FROM bk_jctx) "
		    "IS NOT NULL AND NEW.journal_id IS NULL BEGIN UPDATE "
		    "%s SET journal_id = (SELECT jid FROM bk_jctx) WHERE "
		    "id = NEW.id; END", t, t, t);
		bk_db_exec(db, sql);
		free(sql);
		free(image);
	}
	db->journaling = 1;
}

static void
set_entry(struct bk_db *db, long long jid)
{
	sqlite3_stmt *st;
	int same;

	make_triggers(db);
	/* a row at a time (a re-import's updates): only when it changes */
	st = bk_db_prepare(db, "SELECT 1 FROM bk_jctx WHERE jid = ?");
	sqlite3_bind_int64(st, 1, jid);
	same = bk_db_step(db, st) == SQLITE_ROW;
	sqlite3_finalize(st);
	if (same)
		return;
	bk_db_exec(db, "DELETE FROM bk_jctx");
	if (jid <= 0)
		return;
	st = bk_db_prepare(db, "INSERT INTO bk_jctx (jid) VALUES (?)");
	sqlite3_bind_int64(st, 1, jid);
	bk_db_step(db, st);
	sqlite3_finalize(st);
}

long long
bk_journal_add(struct bk_db *db, const char *command, const char *summary)
{
	/* the sets it inserts get ids above every id given so far */
	sqlite3_stmt *st = bk_db_prepare(db, "INSERT INTO journal (at, "
	    "command, summary, sets_from) VALUES (strftime('%Y-%m-%dT%H:%M:%S',"
	    " 'now', 'localtime'), ?, ?, coalesce((SELECT seq FROM "
	    "sqlite_sequence WHERE name = 'sets'), 0) + 1)");
	long long id;

	sqlite3_bind_text(st, 1, command, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, summary, -1, SQLITE_STATIC);
	bk_db_step(db, st);
	sqlite3_finalize(st);
	id = sqlite3_last_insert_rowid(db->h);
	set_entry(db, id);
	return id;
}

void
bk_journal_set_summary(struct bk_db *db, long long jid, const char *summary)
{
	sqlite3_stmt *st = bk_db_prepare(db, "UPDATE journal SET summary = ? "
	    "WHERE id = ?");

	sqlite3_bind_text(st, 1, summary, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, jid);
	bk_db_step(db, st);
	sqlite3_finalize(st);
}

static int
table_ok(const char *tbl)
{
	return bk_word_index(journaled, tbl) >= 0;
}

/* the row's before-image goes to the trash through the triggers */
int
bk_journal_remove(struct bk_db *db, long long jid, const char *tbl,
    long long id)
{
	char sql[96];
	sqlite3_stmt *st;

	if (!table_ok(tbl))
		return 0;
	set_entry(db, jid);
	snprintf(sql, sizeof sql, "DELETE FROM %s WHERE id = ?", tbl);
	st = bk_db_prepare(db, sql);
	sqlite3_bind_int64(st, 1, id);
	bk_db_step(db, st);
	sqlite3_finalize(st);
	return sqlite3_changes(db->h) > 0;
}

/* run sql with jid bound to every ?; SQLITE_OK or the error */
static int
run(struct bk_db *db, const char *sql, long long jid)
{
	sqlite3_stmt *st;
	int rc, i;

	if ((rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL)) != SQLITE_OK)
		return rc;
	for (i = 1; i <= sqlite3_bind_parameter_count(st); i++)
		sqlite3_bind_int64(st, i, jid);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

/* reverse entry jid; SQLITE_OK or the error that stopped it */
static int
reverse(struct bk_db *db, long long jid)
{
	char *cols, *vals, *sql;
	int i, rc = SQLITE_OK;
	size_t n;

	for (i = 0; journaled[i]; i++)
		;
	/* what the entry inserted, children first */
	while (rc == SQLITE_OK && i-- > 0) {
		const char *t = journaled[i];

		if (!(cols = columns(db, t, "%s")))
			continue;
		n = strlen(t) * 2 + 384;
		sql = bk_xmalloc(n);
		/* the sets an entry inserted are found by their ids: an id
		 * range, not an index that every insert would pay for */
		snprintf(sql, n, "DELETE FROM main.%s WHERE %s journal_id = ?1 "
		    "AND id NOT IN (SELECT row_id FROM trash WHERE journal_id "
		    "= ?1 AND tbl = '%s')", t, strcmp(t, "sets") == 0 ?
		    "id >= coalesce((SELECT sets_from FROM journal WHERE id = "
		    "?1), 0) AND" : "", t);
		rc = run(db, sql, jid);
		free(sql);
		free(cols);
	}
	/* the before-images, parents first */
	for (i = 0; rc == SQLITE_OK && journaled[i]; i++) {
		const char *t = journaled[i];

		if (!(cols = columns(db, t, "\"%s\"")))
			continue;
		vals = restored_values(db, t);
		n = strlen(cols) + strlen(vals) + 512;
		sql = bk_xmalloc(n);
		snprintf(sql, n, "UPDATE main.%s SET (%s) = (SELECT %s FROM "
		    "trash WHERE journal_id = ?1 AND tbl = '%s' AND row_id = "
		    "%s.id) WHERE id IN (SELECT row_id FROM trash WHERE "
		    "journal_id = ?1 AND tbl = '%s')", t, cols, vals, t, t, t);
		rc = run(db, sql, jid);
		if (rc == SQLITE_OK) {
			snprintf(sql, n, "INSERT INTO main.%s (%s) SELECT %s "
			    "FROM trash WHERE journal_id = ?1 AND tbl = '%s' "
			    "AND row_id NOT IN (SELECT id FROM main.%s) "
			    "ORDER BY rowid", t, cols, vals, t, t);
			rc = run(db, sql, jid);
		}
		free(sql);
		free(cols);
		free(vals);
	}
	if (rc == SQLITE_OK)
		rc = run(db, "DELETE FROM trash WHERE journal_id = ?", jid);
	if (rc == SQLITE_OK)
		rc = run(db, "UPDATE journal SET undone = 1 WHERE id = ?", jid);
	return rc;
}

/* the latest entry not yet undone: its id and "command: summary" */
static long long
latest(struct bk_db *db, char *buf, size_t len)
{
	sqlite3_stmt *st;
	long long jid = 0;

	st = bk_db_prepare(db, "SELECT id, command || ': ' || summary FROM "
	    "journal WHERE undone = 0 ORDER BY id DESC LIMIT 1");
	if (bk_db_step(db, st) == SQLITE_ROW) {
		jid = sqlite3_column_int64(st, 0);
		snprintf(buf, len, "%s", sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	return jid;
}

int
bk_journal_undo_why(struct bk_db *db, char *buf, size_t len, char *why,
    size_t whylen)
{
	long long jid;

	if (!(jid = latest(db, buf, len)))
		return 0;
	set_entry(db, 0);
	bk_db_exec(db, "SAVEPOINT bk_undo");
	if (reverse(db, jid) == SQLITE_OK) {
		bk_db_exec(db, "RELEASE bk_undo");
		return 1;
	}
	/* it cannot be put back: leave it as it is, out of undo's way */
	snprintf(why, whylen, "%s", sqlite3_errmsg(db->h));
	bk_db_exec(db, "ROLLBACK TO bk_undo");
	bk_db_exec(db, "RELEASE bk_undo");
	if (run(db, "UPDATE journal SET undone = 2 WHERE id = ?", jid) !=
	    SQLITE_OK)
		bk_db_die(db, "write");
	return 2;
}

int
bk_journal_undo(struct bk_db *db, char *buf, size_t len)
{
	char why[256];

	return bk_journal_undo_why(db, buf, len, why, sizeof why);
}

/* the latest writes, newest first, and which one undo takes next */
static void
preview(struct bk_db *db)
{
	sqlite3_stmt *st;
	char what[1024];
	int n = 0, next = 0;

	if (latest(db, what, sizeof what)) {
		fputs("undo would take back: ", stdout);
		bk_term_string(stdout, what);
		fputs("\n\n", stdout);
	}
	st = bk_db_prepare(db, "SELECT id, at, undone, command || ': ' || "
	    "summary FROM journal ORDER BY id DESC LIMIT 10");
	while (bk_db_step(db, st) == SQLITE_ROW) {
		int undone = sqlite3_column_int(st, 2);
		const char *mark = undone == 1 ? "undone" : undone == 2 ?
		    "kept" : !next ? "next" : "";

		if (!undone)
			next = 1;
		if (!n++)
			printf("%-6s %-6s %-19s %s\n", "ENTRY", "STATE", "AT",
			    "WRITE");
		printf("%-6lld %-6s %-19s ", sqlite3_column_int64(st, 0), mark,
		    sqlite3_column_text(st, 1));
		bk_term_string(stdout, (const char *)sqlite3_column_text(st,
		    3));
		putchar('\n');
	}
	sqlite3_finalize(st);
	if (!next && !latest(db, what, sizeof what))
		printf("%snothing left to undo\n", n ? "\n" : "");
}

void
bk_journal_undo_command(struct bk_db *db, const char *dbopt, int dry_run)
{
	char what[1024], why[256], next[1024];
	int rc;

	if (dry_run) {
		bk_db_open(db, dbopt, BK_DB_READ);
		preview(db);
		return;
	}
	bk_db_open(db, dbopt, BK_DB_WRITE);
	bk_db_begin(db);
	if (!(rc = bk_journal_undo_why(db, what, sizeof what, why,
	    sizeof why))) {
		bk_db_rollback(db);
		bk_errx(BK_EXIT_DATA, "cannot undo: nothing left to undo");
	}
	if (rc == 1) {
		fputs("undid ", stdout);
		bk_term_string(stdout, what);
		putchar('\n');
	} else {
		fputs("cannot undo ", stdout);
		bk_term_string(stdout, what);
		fputs(": ", stdout);
		bk_term_string(stdout, why);
		fputs("; it is left as it is", stdout);
		if (latest(db, next, sizeof next)) {
			fputs(", and the next undo takes ", stdout);
			bk_term_string(stdout, next);
		}
		putchar('\n');
	}
	bk_db_commit(db);
}
