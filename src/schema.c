/* schema.c - the store's migrations, applied in order by db.c. Each entry
 * brings user_version from its index to index + 1; never edit one that has
 * shipped, add another. */
#include "bk.h"

const char *const bk_migrations[] = {
	/* 0 -> 1 */
	"CREATE TABLE meta ("
	"  key TEXT PRIMARY KEY,"
	"  value TEXT NOT NULL"
	") WITHOUT ROWID;"
	"CREATE TABLE exercises ("
	"  id INTEGER PRIMARY KEY,"
	"  slug TEXT NOT NULL UNIQUE,"
	"  name TEXT NOT NULL,"
	"  regions TEXT NOT NULL DEFAULT '',"	/* space-separated */
	"  kind TEXT,"
	"  position TEXT,"
	"  equipment TEXT NOT NULL DEFAULT 'none',"	/* space-separated */
	"  sets INTEGER NOT NULL DEFAULT 1,"
	"  reps INTEGER NOT NULL DEFAULT 0,"
	"  hold_s INTEGER NOT NULL DEFAULT 0,"
	"  per_side INTEGER NOT NULL DEFAULT 0,"
	"  rest_s INTEGER NOT NULL DEFAULT 0,"
	"  cues TEXT NOT NULL DEFAULT '',"
	"  cautions TEXT NOT NULL DEFAULT '',"
	"  source TEXT NOT NULL DEFAULT '',"
	"  builtin INTEGER NOT NULL DEFAULT 0,"	/* 1: from the catalog */
	"  added TEXT"
	");"
	"CREATE INDEX exercises_name ON exercises(name COLLATE NOCASE);"
	"CREATE TABLE plans ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  template TEXT,"	/* the template's name; NULL: built by hand */
	"  template_text TEXT,"	/* its source, for the phases to come */
	"  start_date TEXT NOT NULL,"
	"  end_date TEXT,"	/* NULL: open-ended */
	"  weekdays INTEGER NOT NULL DEFAULT 0,"	/* --on: bit 1 monday .. 7 */
	"  times INTEGER,"	/* sessions a day, overriding the template */
	"  active INTEGER NOT NULL DEFAULT 1,"
	"  phase TEXT,"		/* the current phase */
	"  phase_no INTEGER NOT NULL DEFAULT 0,"
	"  phase_start TEXT,"
	/* the current phase ends once pain ratings have been 0 this long;
	 * 0: it does not end on a condition */
	"  phase_until_h INTEGER NOT NULL DEFAULT 0,"
	"  phase_regions INTEGER NOT NULL DEFAULT 0,"	/* bit i: region i */
	"  created TEXT NOT NULL"
	");"
	"CREATE TABLE plan_items ("
	"  id INTEGER PRIMARY KEY,"
	"  plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,"
	"  date TEXT,"		/* a dated item ... */
	"  weekday INTEGER,"	/* ... or a weekly one: 1 monday .. 7 sunday */
	"  kind TEXT NOT NULL DEFAULT 'exercise'"
	"    CHECK (kind IN ('exercise', 'test', 'rest')),"
	"  exercise_id INTEGER REFERENCES exercises(id),"
	"  test_kind TEXT,"
	"  sets INTEGER,"
	"  reps INTEGER,"
	"  hold_s INTEGER,"
	"  load_kg REAL,"	/* NULL: body weight */
	"  per_side INTEGER NOT NULL DEFAULT 0,"
	"  rest_s INTEGER,"
	"  phase TEXT,"		/* the template phase that wrote it */
	"  seq INTEGER NOT NULL DEFAULT 0,"	/* order within the day */
	"  side TEXT CHECK (side IN ('left', 'right', 'forward',"
	"    'backward')),"	/* one side or direction only */
	"  times INTEGER NOT NULL DEFAULT 1,"	/* sessions in the day */
	"  CHECK ((date IS NULL) <> (weekday IS NULL))"
	");"
	"CREATE INDEX plan_items_date ON plan_items(date, plan_id);"
	"CREATE INDEX plan_items_plan ON plan_items(plan_id, weekday);"
	/* what is due for one exercise: bk-log asks it for every set */
	"CREATE INDEX plan_items_exercise ON plan_items(exercise_id, date);"
	"CREATE INDEX plan_items_weekday ON plan_items(weekday)"
	"  WHERE date IS NULL;"
	"CREATE TABLE journal ("
	"  id INTEGER PRIMARY KEY,"
	"  at TEXT NOT NULL,"
	"  command TEXT NOT NULL,"
	"  summary TEXT NOT NULL,"
	"  undone INTEGER NOT NULL DEFAULT 0"
	");"
	/* the set log: one row per set, and one per side of a set done on
	 * each side; a skip is a row with skipped = 1 */
	"CREATE TABLE sets ("
	"  id INTEGER PRIMARY KEY,"
	"  date TEXT NOT NULL,"
	"  time TEXT,"		/* HH:MM */
	"  exercise_id INTEGER NOT NULL REFERENCES exercises(id),"
	"  set_no INTEGER NOT NULL DEFAULT 1,"
	"  reps INTEGER,"	/* NULL for a timed set */
	"  hold_s REAL,"	/* per rep with reps, else the set's length */
	"  load_kg REAL,"
	"  side TEXT CHECK (side IN ('left', 'right')),"
	"  rpe REAL,"
	"  note TEXT,"
	"  skipped INTEGER NOT NULL DEFAULT 0,"
	"  reason TEXT,"
	"  plan_item_id INTEGER REFERENCES plan_items(id) ON DELETE SET NULL,"
	"  journal_id INTEGER REFERENCES journal(id),"
	/* the row's identity across exports and imports: a random key for
	 * a set logged here, one made from the source row for an import */
	"  source_key TEXT"
	");"
	"CREATE INDEX sets_date ON sets(date, time);"
	/* the days something was done: bk-stats streak seeks one a day */
	"CREATE INDEX sets_done ON sets(date) WHERE skipped = 0;"
	"CREATE INDEX sets_exercise_date ON sets(exercise_id, date);"
	"CREATE INDEX sets_plan_item ON sets(plan_item_id, date)"
	"  WHERE plan_item_id IS NOT NULL;"
	"CREATE INDEX sets_journal ON sets(journal_id);"
	"CREATE UNIQUE INDEX sets_source_key ON sets(source_key)"
	"  WHERE source_key IS NOT NULL;"
	/* one row per value: a toe-touch or sit-and-reach test is one row
	 * per try (try 1..n) sharing date and journal_id, its result the
	 * best try; a pain rating is one row */
	"CREATE TABLE measurements ("
	"  id INTEGER PRIMARY KEY,"
	"  kind TEXT NOT NULL,"	/* toe-touch, sit-and-reach, pain */
	"  date TEXT NOT NULL,"
	"  time TEXT,"
	"  value REAL,"		/* as entered; pain: the rating 0-10 */
	"  unit TEXT,"		/* of value: cm or in; NULL for pain */
	"  value_cm REAL,"	/* toe-touch: signed cm from the floor; */
				/* sit-and-reach: cm past the toes; */
				/* NULL for a level word and for pain */
	"  level TEXT,"		/* a toe-touch level word, or NULL */
	"  region TEXT,"	/* pain: NULL is the back as a whole */
	"  protocol TEXT,"	/* sit-and-reach: ymca or acsm */
	"  try INTEGER NOT NULL DEFAULT 1,"
	"  note TEXT,"
	"  journal_id INTEGER REFERENCES journal(id)"
	");"
	"CREATE INDEX measurements_kind_date ON measurements(kind, date);"
	"CREATE INDEX measurements_date ON measurements(date);"
	"CREATE INDEX measurements_journal ON measurements(journal_id);"
	/* rows removed by rm, kept so that undo can put them back */
	"CREATE TABLE trash ("
	"  journal_id INTEGER NOT NULL REFERENCES journal(id),"
	"  tbl TEXT NOT NULL,"
	"  row_id INTEGER NOT NULL,"
	"  data TEXT NOT NULL"	/* the row as a JSON object */
	");"
	"CREATE INDEX trash_journal ON trash(journal_id);",
	/* every write is undoable: plans, their items and exercises carry
	 * the journal entry that wrote them too (db.c then rebuilds the
	 * tables whose ids users see with AUTOINCREMENT) */
	"ALTER TABLE exercises ADD COLUMN journal_id INTEGER"
	"  REFERENCES journal(id);"
	"ALTER TABLE plans ADD COLUMN journal_id INTEGER"
	"  REFERENCES journal(id);"
	"ALTER TABLE plan_items ADD COLUMN journal_id INTEGER"
	"  REFERENCES journal(id);"
	"CREATE INDEX plans_journal ON plans(journal_id);"
	"CREATE INDEX plan_items_journal ON plan_items(journal_id);"
	"CREATE INDEX exercises_journal ON exercises(journal_id);"
	"CREATE INDEX trash_row ON trash(journal_id, tbl, row_id);"
	/* 1: ended by bk-plan end on end_date, before its time */
	"ALTER TABLE plans ADD COLUMN ended INTEGER NOT NULL DEFAULT 0;",
	/* what kind of set it was, and how far it went (imports bring both) */
	"ALTER TABLE sets ADD COLUMN set_type TEXT NOT NULL DEFAULT 'normal'"
	"  CHECK (set_type IN ('normal', 'warmup', 'drop', 'failure'));"
	"ALTER TABLE sets ADD COLUMN distance_m REAL;",
};

const int bk_nmigrations = sizeof bk_migrations / sizeof bk_migrations[0];
