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
	/* views for people who query the store (backkit-store(5)): the
	 * quantities by the library's one definition. A later migration that
	 * rebuilds or changes a table they read drops them first and creates
	 * them again with the same columns. The rebuilds that give tables
	 * AUTOINCREMENT run after the migrations: renaming a rebuilt table
	 * back must not check the views that name it while it is away. */
	"PRAGMA legacy_alter_table = ON;"
	"DROP VIEW IF EXISTS sets_v;"
	"DROP VIEW IF EXISTS tests_v;"
	"DROP VIEW IF EXISTS plan_days_v;"
	/* a logged set, its exercise and plan, what it held and moved */
	"CREATE VIEW sets_v AS SELECT s.id AS id, s.date AS date,"
	"  s.time AS time, s.exercise_id AS exercise_id, e.slug AS exercise,"
	"  e.name AS exercise_name, s.set_no AS set_no, s.reps AS reps,"
	"  s.hold_s AS hold_s, s.load_kg AS load_kg, s.distance_m AS distance_m,"
	"  s.side AS side, s.rpe AS rpe, s.set_type AS set_type,"
	"  s.skipped AS skipped, s.reason AS reason,"
	"  " BK_WORKING_SQL("s") " AS working,"
	"  CASE WHEN s.skipped = 0 THEN " BK_HELD_SQL("s") " ELSE 0 END"
	"    AS held_s,"
	"  CASE WHEN s.skipped = 0 THEN " BK_MOVED_SQL("s") " ELSE 0 END"
	"    AS moved_kg,"
	"  s.plan_item_id AS plan_item_id, pi.plan_id AS plan_id,"
	"  p.name AS plan, s.note AS note, s.journal_id AS journal_id"
	"  FROM sets s JOIN exercises e ON e.id = s.exercise_id"
	"  LEFT JOIN plan_items pi ON pi.id = s.plan_item_id"
	"  LEFT JOIN plans p ON p.id = pi.plan_id;"
	/* a test day of a kind (and of a region, for pain): its tries and
	 * its best try, the longest reach, then the highest level word
	 * (pain: the highest rating), then the first */
	"CREATE VIEW tests_v AS SELECT date, kind, region, tries, value, unit,"
	"  value_cm, level, protocol, id AS best_id, note FROM ("
	"  SELECT m.*, count(*) OVER w AS tries, row_number() OVER ("
	"    PARTITION BY kind, date, coalesce(region, '')"
	"    ORDER BY value_cm DESC, " BK_LEVEL_RANK_SQL " DESC,"
	"    CASE WHEN kind = 'pain' THEN value END DESC, try, id) AS rn"
	"  FROM measurements m"
	"  WINDOW w AS (PARTITION BY kind, date, coalesce(region, '')))"
	"  WHERE rn = 1;"
	/* each planned item on each day it is planned: a dated item on its
	 * date, a weekly one on its weekday from the plan's start to its
	 * end, or to a week from today for an open-ended plan */
	"CREATE VIEW plan_days_v AS WITH RECURSIVE"
	"  span(plan_id, d, last) AS ("
	"    SELECT id, start_date, coalesce(end_date,"
	"      max(start_date, date('now', 'localtime', '+7 days')))"
	"    FROM plans WHERE start_date IS NOT NULL"
	"    UNION ALL SELECT plan_id, date(d, '+1 day'), last FROM span"
	"    WHERE d < last),"
	"  due(d, item_id) AS ("
	"    SELECT date, id FROM plan_items WHERE date IS NOT NULL"
	"    UNION ALL SELECT span.d, pi.id FROM span"
	"    JOIN plan_items pi ON pi.plan_id = span.plan_id"
	"    AND pi.date IS NULL AND pi.weekday ="
	"    (CAST(strftime('%w', span.d) AS INTEGER) + 6) % 7 + 1)"
	"  SELECT due.d AS date, pi.plan_id AS plan_id, p.name AS plan,"
	"  p.active AS active, pi.id AS item_id, pi.kind AS kind,"
	"  pi.exercise_id AS exercise_id, e.slug AS exercise,"
	"  e.name AS exercise_name, pi.test_kind AS test_kind,"
	"  pi.sets AS sets, pi.reps AS reps, pi.hold_s AS hold_s,"
	"  pi.load_kg AS load_kg, pi.per_side AS per_side,"
	"  pi.rest_s AS rest_s, pi.side AS side, pi.times AS times,"
	"  pi.seq AS seq, pi.phase AS phase,"
	"  pi.date IS NULL AS weekly"
	"  FROM due JOIN plan_items pi ON pi.id = due.item_id"
	"  JOIN plans p ON p.id = pi.plan_id"
	"  LEFT JOIN exercises e ON e.id = pi.exercise_id;",
	/* a random id of the store, for the UIDs of its calendar events:
	 * stable across exports, unique across stores */
	"INSERT OR IGNORE INTO meta (key, value)"
	"  VALUES ('store_id', lower(hex(randomblob(16))));",
	/* the set log keeps the indexes a query needs, no more: each costs
	 * every insert of an import. A journal entry finds the sets it
	 * inserted by their ids, which only grow: the first it may have
	 * given is sets_from (NULL for an entry from before it: all of them
	 * are looked at). The sets done on a day are found through
	 * sets_date. */
	"ALTER TABLE journal ADD COLUMN sets_from INTEGER;"
	"DROP INDEX IF EXISTS sets_journal;"
	"DROP INDEX IF EXISTS sets_done;"
	/* The same check of a set type, written so that SQLite tests it in
	 * place: its IN list built a temporary table for every row stored,
	 * half the cost of an import's insert. The stored schema is edited
	 * as SQLite's ALTER TABLE page describes for a change that leaves
	 * every row as it is; the check's meaning does not change. */
	"PRAGMA writable_schema = ON;"
	"UPDATE sqlite_schema SET sql = replace(sql,"
	"  'CHECK (set_type IN (''normal'', ''warmup'', ''drop'', ''failure''))',"
	"  'CHECK (set_type = ''normal'' OR set_type = ''warmup'' OR"
	" set_type = ''drop'' OR set_type = ''failure'')')"
	"  WHERE type = 'table' AND name = 'sets';"
	"PRAGMA writable_schema = OFF;",
};

const int bk_nmigrations = sizeof bk_migrations / sizeof bk_migrations[0];
