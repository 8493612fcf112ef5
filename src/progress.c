/* progress.c - a kind's series of tests from the store, as bk-test
 * progress, the bk-stats summary and the flex plot all read it */
#include <string.h>

#include "bk.h"

void
bk_series_read(struct bk_db *db, struct bk_series *s, const char *since,
    const char *until, const char *region)
{
	sqlite3_stmt *st;
	bk_day day;
	int pain = strcmp(s->kind, "pain") == 0;

	bk_trend_init(&s->trend, pain);
	bk_levels_init(&s->levels);
	s->tests = 0;
	/* one row per test day, its result the best try (quantity.c's
	 * definition of a test) */
	st = bk_db_prepare(db, "SELECT date, max(value_cm), max(value),"
	    " max(" BK_LEVEL_RANK_SQL ") FROM measurements"
	    " WHERE kind = ?1 AND (?2 IS NULL OR date >= ?2)"
	    " AND (?3 IS NULL OR date <= ?3)"
	    " AND (?4 IS NULL OR coalesce(region, '') = ?4)"
	    " GROUP BY date ORDER BY date");
	sqlite3_bind_text(st, 1, s->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, since, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, until, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, region, -1, SQLITE_STATIC);
	while (bk_db_step(db, st) == SQLITE_ROW) {
		if (bk_date_parse_iso((const char *)sqlite3_column_text(st, 0),
		    &day) != 0)
			continue;	/* not ours to judge: skip it */
		if (s->tests++ == 0)
			s->from = day;
		s->to = day;
		if (pain && sqlite3_column_type(st, 2) != SQLITE_NULL)
			bk_trend_add(&s->trend, day,
			    sqlite3_column_double(st, 2));
		else if (!pain && sqlite3_column_type(st, 1) != SQLITE_NULL)
			bk_trend_add(&s->trend, day,
			    sqlite3_column_double(st, 1));
		else if (sqlite3_column_int(st, 3) > 0)
			bk_levels_add(&s->levels, day,
			    sqlite3_column_int(st, 3) - 1);
	}
	sqlite3_finalize(st);
	bk_trend_finish(&s->trend, &s->p);
}

