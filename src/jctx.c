/* jctx.c - the journal's per-connection context, emptied when the store
 * is closed (below db.c, which calls it: plain SQLite only) */
#include <sqlite3.h>

#include "bk.h"

void
bk_journal_close(struct bk_db *db)
{
	if (db->journaling &&
	    sqlite3_exec(db->h, "DELETE FROM bk_jctx", NULL, NULL, NULL) !=
	    SQLITE_OK)
		bk_errx(BK_EXIT_DATA, "cannot write '%s': %s", db->path,
		    sqlite3_errmsg(db->h));
}
