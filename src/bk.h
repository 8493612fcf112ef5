/* bk.h - the one public header of backkit's shared library (libbk.a).
 * Sections name the file the functions come from. */
#ifndef BK_H
#define BK_H

#include <stddef.h>
#include <stdio.h>
#include <sqlite3.h>

#define BK_VERSION "0.1.0"

/* exit codes shared by every command */
enum { BK_EXIT_OK = 0, BK_EXIT_DATA = 1, BK_EXIT_USAGE = 2 };

/* util.c */
extern const char *bk_progname;
void bk_init(const char *argv0);
void bk_warnx(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
_Noreturn void bk_errx(int code, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* report a usage error: message, the usage text, exit 2 */
_Noreturn void bk_usage_error(const char *usage, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void *bk_xmalloc(size_t n);
void *bk_xrealloc(void *p, size_t n);
char *bk_xstrdup(const char *s);
/* parse a whole decimal integer in [min, max]; 0 or -1 */
int bk_parse_int(const char *s, long long min, long long max, long long *out);
/* flush stdout; report and return 1 when the output could not be written */
int bk_close_stdout(void);
/* case-insensitive ASCII comparison helpers */
int bk_strcaseeq(const char *a, const char *b);
/* Levenshtein distance, capped at cap */
int bk_edit_distance(const char *a, const char *b, int cap);
/* "mon".."sun" or full names, case-insensitive: 1 (monday) .. 7 (sunday) */
int bk_weekday_parse(const char *s);
/* splits on commas; each part a weekday; sets bit (1 << wday) in *mask */
int bk_weekdays_parse(const char *s, unsigned *mask, const char **bad,
    size_t *badlen);

/* date.c: days are counted from 1970-01-01 (day 0) */
typedef long bk_day;
int bk_date_valid(int y, int m, int d);
bk_day bk_date_from_ymd(int y, int m, int d);
void bk_date_to_ymd(bk_day day, int *y, int *m, int *d);
/* 1 = monday .. 7 = sunday */
int bk_date_weekday(bk_day day);
/* ISO 8601 week: year and week number */
void bk_date_isoweek(bk_day day, int *year, int *week);
/* buf of at least 11 bytes: YYYY-MM-DD */
char *bk_date_format(bk_day day, char *buf);
/* strict YYYY-MM-DD; 0 or -1 */
int bk_date_parse_iso(const char *s, bk_day *out);
enum bk_date_dir { BK_DATE_PAST, BK_DATE_FUTURE };
/* ISO date, today, yesterday, tomorrow, weekday names (the most recent one
 * on or before today for BK_DATE_PAST, the next one on or after today for
 * BK_DATE_FUTURE), -3d, +2w. 0 or -1 */
int bk_date_parse(const char *s, bk_day today, enum bk_date_dir dir,
    bk_day *out);
/* today from BK_TODAY or the clock; exits 2 on a bad BK_TODAY */
bk_day bk_today(void);

/* config.c */
struct bk_config {
	int imperial;	/* units = imperial */
	int week_sunday;	/* week_start = sunday */
};
/* read $XDG_CONFIG_HOME/backkit/config (or ~/.config/...); exits 1 on a
 * bad line */
void bk_config_load(struct bk_config *cfg);

/* output.c */
enum bk_format { BK_FMT_TABLE, BK_FMT_CSV, BK_FMT_TSV, BK_FMT_JSON };
/* "table", "csv", "tsv", "json"; -1 if unknown */
int bk_format_parse(const char *s);
/* the default: table on a terminal, CSV otherwise */
enum bk_format bk_format_default(void);
struct bk_out;
struct bk_out *bk_out_new(FILE *fp, enum bk_format fmt, const char **cols,
    int ncols);
/* one row: vals[i] NULL is an empty/null cell; isnum[i] marks numbers */
void bk_out_row(struct bk_out *o, const char **vals, const int *isnum);
/* one row straight from a statement's columns */
void bk_out_stmt(struct bk_out *o, sqlite3_stmt *st);
void bk_out_end(struct bk_out *o);
/* writers for single values */
void bk_csv_field(FILE *fp, const char *s);
void bk_json_string(FILE *fp, const char *s);
/* printable form for a terminal: control bytes and bad UTF-8 escaped */
void bk_term_string(FILE *fp, const char *s);
/* display width of bk_term_string's output */
size_t bk_term_width(const char *s);

/* db.c */
struct bk_db {
	sqlite3 *h;
	char *path;
	int writable;
	int in_memory;
};
enum { BK_DB_READ = 0, BK_DB_WRITE = 1 };
#define BK_APPLICATION_ID 0x626b6b74	/* "bkkt" */
/* the resolved path: --db, $BK_DB, $XDG_DATA_HOME, ~/.local/share */
char *bk_db_path(const char *opt);
/* open (and for BK_DB_WRITE create) the store; exits 1 with a message when
 * it cannot. A read of a store that does not exist yet gets an in-memory
 * one holding the catalog, and no file is created. */
void bk_db_open(struct bk_db *db, const char *opt, int mode);
void bk_db_close(struct bk_db *db);
sqlite3_stmt *bk_db_prepare(struct bk_db *db, const char *sql);
/* step; dies on an error; returns SQLITE_ROW or SQLITE_DONE */
int bk_db_step(struct bk_db *db, sqlite3_stmt *st);
void bk_db_exec(struct bk_db *db, const char *sql);
void bk_db_begin(struct bk_db *db);
void bk_db_commit(struct bk_db *db);
void bk_db_rollback(struct bk_db *db);
_Noreturn void bk_db_die(struct bk_db *db, const char *what);

/* schema.c: bk_migrations[v] brings user_version v to v + 1 */
extern const char *const bk_migrations[];
extern const int bk_nmigrations;

/* journal.c: the undo journal shared by bk-log and bk-test. Call inside
 * the write's transaction; rows written get the entry's id in their
 * journal_id column. */
long long bk_journal_add(struct bk_db *db, const char *command,
    const char *summary);
void bk_journal_set_summary(struct bk_db *db, long long jid,
    const char *summary);
/* move row id of tbl ("sets" or "measurements") into the trash of entry
 * jid, so that undo can put it back; 1 if moved, 0 if no such row */
int bk_journal_remove(struct bk_db *db, long long jid, const char *tbl,
    long long id);
/* undo the latest entry not yet undone (inside a transaction); 1 with its
 * summary in buf, 0 when there is nothing to undo */
int bk_journal_undo(struct bk_db *db, char *buf, size_t len);

/* csvio.c: streaming strict RFC 4180 reading through libcsv */
struct bk_csv_row {
	char **f;	/* fields, NUL-terminated */
	size_t *len;	/* field lengths (fields may hold NUL bytes) */
	int n;
	long line;	/* line the row starts on */
};
/* called once per row; return 0 to go on, -1 to stop reading */
typedef int (*bk_csv_cb)(const struct bk_csv_row *row, void *data);
/* read fp to the end; on error returns -1 and writes a message
 * ("line N: reason") into err */
int bk_csv_read(FILE *fp, char delim, bk_csv_cb cb, void *data, char *err,
    size_t errlen);

/* spec.c: set specs, durations and doses (pure: no store, no exit) */
/* "3x10", "2x30s", "3x5 hold 5s", "... each side"; buf >= 64 bytes */
char *bk_dose_format(long sets, long reps, long hold_s, int per_side,
    char *buf, size_t len);
/* seconds as "45s", "2m", "1m30s" */
char *bk_duration_format(long s, char *buf, size_t len);

/* catalog.c */
/* directory holding exercises.csv and templates/ */
const char *bk_datadir(void);
/* load or refresh the program's catalog into the store when it changed;
 * returns -1 with a message in err */
int bk_catalog_sync(struct bk_db *db, int force, char *err, size_t errlen);
/* the exercise id for a slug, unique slug prefix or display name; on
 * failure prints an error naming NAME with the nearest slugs and returns
 * -1 */
long long bk_catalog_lookup(struct bk_db *db, const char *name);
/* slug rules: lowercase letters, digits, hyphens, starting with a letter */
int bk_slug_valid(const char *s);
/* the title of a source article ("001"), or NULL */
const char *bk_source_title(const char *id);
extern const char *const bk_regions[];
extern const char *const bk_kinds[];
extern const char *const bk_positions[];
extern const char *const bk_equipment[];
/* index of s in a NULL-terminated list, or -1 */
int bk_word_index(const char *const *list, const char *s);
/* the list as "a, b, c" for messages */
void bk_word_list(FILE *fp, const char *const *list);

/* template.c: program templates, the format of bk-plan(5). Pure: parsing
 * never touches the store or exits; errors come back as "line N: ...". */
#define BK_TPL_MAX_DAYS 3660
/* "", left, right, forward, backward: the side or direction of an item */
extern const char *const bk_template_sides[];
/* toe-touch, sit-and-reach, pain */
extern const char *const bk_template_tests[];
/* a dose; -1 (load: < 0, times: 0) where it was not given */
struct bk_tpl_dose {
	long sets, reps, hold_s, rest_s;
	double load_kg;
	int per_side;	/* 1: each side */
	int side;	/* index in bk_template_sides */
	int times;	/* sessions a day */
};
enum bk_tpl_act { BK_TPL_EXERCISE, BK_TPL_TEST, BK_TPL_REST };
enum bk_sel_kind { BK_SEL_RANGE, BK_SEL_EVERY, BK_SEL_WEEKDAYS,
	BK_SEL_LAST };
struct bk_tpl_sel {
	int kind;
	int a, b;	/* range a-b; every step days from a */
	int step;
	unsigned mask;	/* weekdays: bit 1 monday .. bit 7 sunday */
};
enum { BK_PROG_SETS, BK_PROG_REPS, BK_PROG_HOLD, BK_PROG_LOAD };
struct bk_tpl_prog {
	int what;
	double step, limit;	/* load in kg, hold in seconds */
	int every, from;	/* every N weeks, from week W */
	int has_limit;
};
struct bk_tpl_rule {
	long line;
	struct bk_tpl_sel *sel;
	int nsel;
	int act;	/* enum bk_tpl_act */
	char *what;	/* the exercise as written, or the test kind */
	struct bk_tpl_dose dose;
	struct bk_tpl_prog prog[4];
	int nprog;
};
struct bk_tpl_phase {
	char *name;	/* NULL in a template without phases */
	long line;
	int days;	/* a fixed length, or 0 */
	int until;	/* 1: ends once pain-free for hours */
	int hours;
	unsigned regions;	/* bit i: bk_regions[i]; 0: every region */
	int times;	/* sessions a day, or 0 */
	struct bk_tpl_rule *rule;
	int nrule;
};
struct bk_template {
	char *name, *summary;	/* NULL when not given */
	int days, times;	/* 0 when not given */
	char **note;
	int nnote;
	struct bk_tpl_phase *phase;
	int nphase;
	int weekdays;		/* some rule names weekdays */
	int named_phases;	/* 1: phase lines, -1: none */
};
/* read a template to the end of fp; -1 with the reason in err */
int bk_template_parse(FILE *fp, struct bk_template *t, char *err,
    size_t errlen);
void bk_template_free(struct bk_template *t);
/* a dose as "3x10", "3x8@5kg", "2x10@15lb", "3x30s", "12", with the
 * modifiers "hold 5s", "rest 30s", "each side", "left" ...; -1 with a
 * reason in err */
int bk_template_dose_parse(const char *s, struct bk_tpl_dose *d, char *err,
    size_t errlen);
void bk_template_dose_init(struct bk_tpl_dose *d);
/* whether rule r falls on program day day (of its phase) whose date is
 * date; last is the program day that is the plan's last, or 0 */
int bk_template_selects(const struct bk_tpl_rule *r, int day, bk_day date,
    int last);
/* the rules of phase ph that fall on a day, in order, into rules (at most
 * max): a rest day keeps its tests and drops its exercises */
int bk_template_expand(const struct bk_tpl_phase *ph, int day, bk_day date,
    int last, int *rules, int max);
/* call cb for each program day 1..ndays from start that has rules, from
 * phase p on: the phase, the day within it, the program day and the
 * rules; phases of fixed length follow each other, a phase that ends on a
 * condition runs to the end. cb returns non-zero to stop. */
typedef int (*bk_tpl_day_cb)(int phase, int day, int k, const int *rules,
    int n, void *data);
void bk_template_walk(const struct bk_template *t, int p, bk_day start,
    int ndays, bk_tpl_day_cb cb, void *data);
/* apply r's weekly steps for week (1-based) of its phase to d */
void bk_template_progress(const struct bk_tpl_rule *r, int week,
    struct bk_tpl_dose *d);

/* plan.c: plans and their planned items. A planned item is due on day D
 * when p.active = 1 AND pi.kind = 'exercise' AND pi.exercise_id = E AND
 * (pi.date = D OR (pi.date IS NULL AND pi.weekday = W AND
 * D >= p.start_date AND (p.end_date IS NULL OR D <= p.end_date))). */
/* the names of the built-in templates, sorted; free with
 * bk_plan_names_free */
char **bk_plan_template_names(int *n);
void bk_plan_names_free(char **names, int n);
/* a built-in template by name, or a file (a PATH holds a slash or ends in
 * .plan): parsed into t, its source in *text and its name in *name (free
 * both). Reports and returns -2 for an unknown name (with the nearest),
 * -1 for a file that cannot be read or parsed (naming file and line). */
int bk_plan_template_load(const char *spec, struct bk_template *t,
    char **text, char **name);
/* whether every exercise of t is in the catalog: 0, or -1 reported with
 * the template (as source names it) and the line */
int bk_plan_template_check(struct bk_db *db, const struct bk_template *t,
    const char *source);
/* the id of plan name; reports "unknown plan" with the nearest, -1 */
long long bk_plan_find(struct bk_db *db, const char *name);
struct bk_plan_new {
	const char *name;
	const struct bk_template *tpl;	/* NULL: a plan built by hand */
	const char *template_name, *template_text;
	const char *source;	/* the template as the user named it */
	bk_day start;
	int days;		/* 0: the template's length, or open-ended */
	unsigned weekdays;	/* --on: bit 1 monday .. bit 7 sunday */
	int times;		/* sessions a day, or 0 */
};
struct bk_plan_made {
	long long id;
	bk_day start, end;	/* end -1: open-ended */
	long sessions, tests;
};
/* create a plan and write its items, inside the caller's transaction.
 * Reports and returns -1 for a data error (a duplicate name, an unknown
 * exercise in the template), -2 for a usage error. */
long long bk_plan_create(struct bk_db *db, const struct bk_plan_new *pn,
    struct bk_plan_made *made);
struct bk_plan_add {
	long long plan_id, exercise_id;
	const char *plan;
	struct bk_tpl_dose dose;	/* the catalog's where not given */
	unsigned weekdays;	/* weekly items on these days ... */
	int day_from, day_to;	/* ... or dated items for program days */
	int updated;		/* out: how many items had their dose changed */
};
/* add (or change the dose of) an exercise in a plan, on a->weekdays or
 * days day_from..day_to (of those weekdays), or on the plan's weekdays,
 * or every day; as many times a day as the plan says unless dose.times.
 * a->weekdays becomes the weekdays written. The number of items written,
 * or -1 reported. */
int bk_plan_add(struct bk_db *db, struct bk_plan_add *a);
/* apply the phase changes whose conditions are met by today, in one write
 * transaction (or the caller's); the number of plans changed. Call it
 * before reading plans; a read-only store is left as it is. */
int bk_plan_refresh(struct bk_db *db, bk_day today);
/* the item due on day for exercise_id (in plan, or any active plan when
 * plan is 0), preferring one not yet done: 1 with *out filled, or 0 */
struct bk_plan_dose {
	long long item_id, plan_id;
	char plan[80];
	struct bk_tpl_dose dose;	/* load_kg 0: body weight */
};
int bk_plan_due(struct bk_db *db, long long exercise_id, bk_day day,
    long long plan, struct bk_plan_dose *out);
/* one planned item on one day, with what was logged for it */
struct bk_plan_row {
	const char *date, *plan, *kind;	/* kind: exercise, test, rest */
	const char *item, *name;	/* slug (or test kind) and name */
	const char *ekind, *source;	/* the exercise's kind and article */
	const char *side, *phase, *reason;	/* NULL when none */
	/* done, partly, skipped, missed, due, planned or rest */
	const char *status;
	bk_day day;
	int day_no, seq, per_side, times;
	long sets, reps, hold_s, rest_s;
	double load_kg;		/* 0: body weight */
	long logged, needed;	/* sets (tests: measurements) */
	int one_side;		/* and one side of a set more */
	long skips;
	long long plan_id, item_id, exercise_id;
};
typedef int (*bk_plan_row_cb)(const struct bk_plan_row *r, void *data);
/* every item due from from to to (of plan, or of every active plan when
 * plan is 0), by day, plan and order; cb returns non-zero to stop */
void bk_plan_rows(struct bk_db *db, long long plan, bk_day from, bk_day to,
    bk_day today, bk_plan_row_cb cb, void *data);
/* "5kg", "2.5kg", "11lb" */
char *bk_plan_load_format(double kg, int imperial, char *buf, size_t len);
/* "2x5 hold 5s @2kg each side, 3 times a day" */
char *bk_plan_dose_format(const struct bk_tpl_dose *d, double load_kg,
    int imperial, char *buf, size_t len);
/* the warnings of the articles for one plan, one line each into out;
 * returns how many */
int bk_plan_check(struct bk_db *db, long long plan, const char *name,
    bk_day today, FILE *out);

/* ics.c: iCalendar (RFC 5545) output (pure) */
/* write "NAME:VALUE" and CRLF, folded at 75 octets without splitting a
 * UTF-8 character; text escapes a TEXT value (backslash, ';', ',',
 * newline); control characters become blanks, bad UTF-8 U+FFFD */
void bk_ics_line(FILE *fp, const char *name, const char *value, int text);

#endif
