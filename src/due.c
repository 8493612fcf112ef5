/* due.c - what a plan prescribes for an exercise on a given day */
#include <string.h>

#include "bk.h"

int
bk_due_item(struct bk_db *db, long long exercise_id, bk_day day,
    const char *plan_name, struct bk_due *item)
{
	sqlite3_stmt *st;
	char date[11];
	int found;

	/* a store without an active plan (often: those who only log) needs
	 * no more; the answer holds for the transaction we are in */
	if (db->plans < 0) {
		st = bk_db_prepare(db, "SELECT EXISTS (SELECT 1 FROM plans"
		    " WHERE active = 1)");
		bk_db_step(db, st);
		db->plans = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	memset(item, 0, sizeof *item);
	if (!db->plans)
		return plan_name && bk_plan_id(db, plan_name) < 0 ? -1 : 0;
	/* among the items due, the first (by plan, then order in the day)
	 * that is not done yet (quantity.c: every set at its dose), else the
	 * first;
	 * the statement is prepared once, for an import asks for every row */
	if (!(st = db->due))
		st = db->due = bk_db_prepare(db, "SELECT pi.id, p.id, p.name,"
	    " pi.sets, pi.reps, pi.hold_s, pi.load_kg, pi.per_side, pi.rest_s,"
	    " pi.side, pi.times"
	    " FROM plan_items pi JOIN plans p ON p.id = pi.plan_id"
	    " WHERE p.active = 1 AND pi.kind = 'exercise'"
	    " AND pi.exercise_id = ?1"
	    " AND (pi.date = ?2 OR (pi.date IS NULL AND pi.weekday = ?3"
	    "  AND ?2 >= p.start_date"
	    "  AND (p.end_date IS NULL OR ?2 <= p.end_date)))"
	    " AND (?4 IS NULL OR p.name = ?4)"
	    " ORDER BY " BK_ITEM_FULL_SQL("?2", "pi") " >= "
	    BK_ITEM_NEEDED_SQL("pi") ","
	    " p.id, pi.seq, pi.id LIMIT 1");
	sqlite3_reset(st);
	sqlite3_bind_int64(st, 1, exercise_id);
	sqlite3_bind_text(st, 2, bk_date_format(day, date), -1,
	    SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 3, bk_date_weekday(day));
	sqlite3_bind_text(st, 4, plan_name, -1, SQLITE_STATIC);
	found = bk_db_step(db, st) == SQLITE_ROW;
	if (found) {
		item->id = sqlite3_column_int64(st, 0);
		item->plan_id = sqlite3_column_int64(st, 1);
		snprintf(item->plan, sizeof item->plan, "%s",
		    (const char *)sqlite3_column_text(st, 2));
#define INTCOL(i) (sqlite3_column_type(st, (i)) == SQLITE_NULL ? -1 : \
	sqlite3_column_int64(st, (i)))
		item->sets = INTCOL(3);
		item->reps = INTCOL(4);
		item->hold_s = INTCOL(5);
		item->rest_s = INTCOL(8);
#undef INTCOL
		item->load_kg = sqlite3_column_double(st, 6);
		item->per_side = sqlite3_column_int(st, 7);
		if (sqlite3_column_type(st, 9) == SQLITE_TEXT)
			snprintf(item->side, sizeof item->side, "%s",
			    (const char *)sqlite3_column_text(st, 9));
		item->times = sqlite3_column_int(st, 10);
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (!found && plan_name && bk_plan_id(db, plan_name) < 0)
		return -1;
	return found;
}

void
bk_due_from_row(struct bk_due *d, const struct bk_plan_row *r)
{
	d->id = r->item_id;
	d->plan_id = r->plan_id;
	snprintf(d->plan, sizeof d->plan, "%s", r->plan);
	d->sets = r->sets;
	d->reps = r->reps;
	d->hold_s = r->hold_s;
	d->rest_s = r->rest_s;
	d->load_kg = r->load_kg;
	d->per_side = r->per_side;
	snprintf(d->side, sizeof d->side, "%s", r->side ? r->side : "");
	d->times = r->times;
}
