/* journal.c - the undo journal: every write of bk-log and bk-test is one
 * entry; inserted rows carry its id, removed rows wait in the trash */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bk.h"

static const char *const journaled[] = { "sets", "measurements", NULL };

long long
bk_journal_add(struct bk_db *db, const char *command, const char *summary)
{
	sqlite3_stmt *st = bk_db_prepare(db, "INSERT INTO journal (at, "
	    "command, summary) VALUES (strftime('%Y-%m-%dT%H:%M:%S', 'now', "
	    "'localtime'), ?, ?)");
	long long id;

	sqlite3_bind_text(st, 1, command, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, summary, -1, SQLITE_STATIC);
	bk_db_step(db, st);
	sqlite3_finalize(st);
	id = sqlite3_last_insert_rowid(db->h);
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

/* the table's columns as "a, b, c" or with a prefix/wrapper per column;
 * names come from our own schema, never from a user */
static char *
columns(struct bk_db *db, const char *tbl, const char *fmt)
{
	char sql[128], *buf = NULL, piece[256];
	size_t len = 0;
	sqlite3_stmt *st;
	const char *c;

	snprintf(sql, sizeof sql, "SELECT name FROM pragma_table_info('%s')",
	    tbl);
	st = bk_db_prepare(db, sql);
	while (bk_db_step(db, st) == SQLITE_ROW) {
		c = (const char *)sqlite3_column_text(st, 0);
		snprintf(piece, sizeof piece, fmt, c, c);
		buf = bk_xrealloc(buf, len + strlen(piece) + 3);
		len += (size_t)sprintf(buf + len, "%s%s", len ? ", " : "",
		    piece);
	}
	sqlite3_finalize(st);
	return buf;
}

static int
table_ok(const char *tbl)
{
	return bk_word_index(journaled, tbl) >= 0;
}

int
bk_journal_remove(struct bk_db *db, long long jid, const char *tbl,
    long long id)
{
	char *cols, *sql;
	sqlite3_stmt *st;
	size_t n;
	int moved;

	if (!table_ok(tbl))
		return 0;
	cols = columns(db, tbl, "'%s', %s");
	n = strlen(cols) + 256;
	sql = bk_xmalloc(n);
	snprintf(sql, n, "INSERT INTO trash (journal_id, tbl, row_id, data) "
	    "SELECT ?1, '%s', id, json_object(%s) FROM %s WHERE id = ?2",
	    tbl, cols, tbl);
	st = bk_db_prepare(db, sql);
	sqlite3_bind_int64(st, 1, jid);
	sqlite3_bind_int64(st, 2, id);
	bk_db_step(db, st);
	sqlite3_finalize(st);
	moved = sqlite3_changes(db->h) > 0;
	snprintf(sql, n, "DELETE FROM %s WHERE id = ?", tbl);
	st = bk_db_prepare(db, sql);
	sqlite3_bind_int64(st, 1, id);
	bk_db_step(db, st);
	sqlite3_finalize(st);
	free(sql);
	free(cols);
	return moved;
}

int
bk_journal_undo(struct bk_db *db, char *buf, size_t len)
{
	sqlite3_stmt *st;
	char *cols, *vals, *sql;
	long long jid;
	size_t n;
	int i;

	st = bk_db_prepare(db, "SELECT id, command || ': ' || summary FROM "
	    "journal WHERE undone = 0 ORDER BY id DESC LIMIT 1");
	if (bk_db_step(db, st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return 0;
	}
	jid = sqlite3_column_int64(st, 0);
	snprintf(buf, len, "%s", sqlite3_column_text(st, 1));
	sqlite3_finalize(st);
	for (i = 0; journaled[i]; i++) {
		cols = columns(db, journaled[i], "%s");
		vals = columns(db, journaled[i], "json_extract(data, '$.%s')");
		n = strlen(cols) + strlen(vals) + 256;
		sql = bk_xmalloc(n);
		snprintf(sql, n, "DELETE FROM %s WHERE journal_id = ?",
		    journaled[i]);
		st = bk_db_prepare(db, sql);
		sqlite3_bind_int64(st, 1, jid);
		bk_db_step(db, st);
		sqlite3_finalize(st);
		snprintf(sql, n, "INSERT INTO %s (%s) SELECT %s FROM trash "
		    "WHERE journal_id = ? AND tbl = '%s'", journaled[i], cols,
		    vals, journaled[i]);
		st = bk_db_prepare(db, sql);
		sqlite3_bind_int64(st, 1, jid);
		bk_db_step(db, st);
		sqlite3_finalize(st);
		free(sql);
		free(cols);
		free(vals);
	}
	st = bk_db_prepare(db, "DELETE FROM trash WHERE journal_id = ?");
	sqlite3_bind_int64(st, 1, jid);
	bk_db_step(db, st);
	sqlite3_finalize(st);
	st = bk_db_prepare(db, "UPDATE journal SET undone = 1 WHERE id = ?");
	sqlite3_bind_int64(st, 1, jid);
	bk_db_step(db, st);
	sqlite3_finalize(st);
	return 1;
}

void
bk_journal_undo_command(struct bk_db *db, const char *dbopt)
{
	char what[1024];

	bk_db_open(db, dbopt, BK_DB_WRITE);
	bk_db_begin(db);
	if (!bk_journal_undo(db, what, sizeof what)) {
		bk_db_rollback(db);
		bk_errx(BK_EXIT_DATA, "cannot undo: nothing left to undo");
	}
	bk_db_commit(db);
	fputs("undid ", stdout);
	bk_term_string(stdout, what);
	putchar('\n');
}
