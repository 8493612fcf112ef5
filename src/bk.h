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
/* report a usage error: the message, then the subcommand's usage line
 * (once bk_only_options has named it) or "see 'PROG --help'", exit 2 */
_Noreturn void bk_usage_error(const char *usage, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* the running command's usage, set by its main; bk_usage reports a usage
 * error with it */
extern const char *bk_usage_text;
_Noreturn void bk_usage(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));
/* the subcommand being run, set by bk_only_options; and the function that
 * prints its usage lines (options.c sets it; 0 when it has none) */
extern const char *bk_usage_sub;
extern int (*bk_usage_lines)(FILE *fp, const char *usage, const char *sub);
/* getopt_long (opterr = 0) returned '?': say why, escaped, as a usage
 * error */
_Noreturn void bk_getopt_fail(char *const *argv, int optind, int optopt,
    const char *shortopts);
void *bk_xmalloc(size_t n);
void *bk_xrealloc(void *p, size_t n);
char *bk_xstrdup(const char *s);
/* parse a whole decimal integer in [min, max]; 0 or -1 */
int bk_parse_int(const char *s, long long min, long long max, long long *out);
/* flush stdout; report and return 1 when the output could not be written */
int bk_close_stdout(void);
/* case-insensitive ASCII comparison helpers */
int bk_strcaseeq(const char *a, const char *b);
/* refuse, as a usage error, the options given (seen: their short
 * letters) that are not in allowed for command sub; -d, -h and -V always
 * apply */
struct option;
void bk_only_options(const struct option *longopts, const char *seen,
    const char *sub, const char *allowed, const char *usage);
/* v must be one of list: else "invalid WHAT 'v' (one of: ...)", exit 2 */
void bk_check_word(const char *what, const char *const *list, const char *v);
/* index of s in a NULL-terminated list, or -1 */
int bk_word_index(const char *const *list, const char *s);
/* the list as "a, b, c" for messages */
void bk_word_list(FILE *fp, const char *const *list);
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
/* "Sat 2026-11-21"; buf of at least 15 bytes */
char *bk_date_words(bk_day day, char *buf, size_t len);
/* strict YYYY-MM-DD; 0 or -1 */
int bk_date_parse_iso(const char *s, bk_day *out);
/* 1 when day is within 0001-01-01..9999-12-31, the dates backkit keeps */
int bk_date_in_range(bk_day day);
enum bk_date_dir { BK_DATE_PAST, BK_DATE_FUTURE };
/* The one date rule of the suite (backkit(7) DATES): YYYY-MM-DD; today,
 * yesterday, tomorrow; offsets -3d +2w -1m -1y (months and years clamp to
 * the month's last day); sow eow som eom soy eoy; weekday names (the most
 * recent one on or before today for BK_DATE_PAST, the next one on or after
 * today for BK_DATE_FUTURE); and the periods YYYY-MM, YYYY and
 * last|this|next week|month|year ("last week", "last-week"). A period gives
 * its first day; weeks start on Monday. Every date is within
 * 0001-01-01..9999-12-31. 0 or -1, *out untouched on -1 */
int bk_date_parse(const char *s, bk_day today, enum bk_date_dir dir,
    bk_day *out);
/* the same rule, a period's first and last day (first == last for a single
 * day), weeks starting on week_start: 1 (monday) .. 7 (sunday). 0 or -1 */
int bk_date_parse_period(const char *s, bk_day today, enum bk_date_dir dir,
    int week_start, bk_day *first, bk_day *last);
/* the forms bk_date_parse takes, for the messages about a bad date */
extern const char bk_date_hint[];
/* today from BK_TODAY or the clock; exits 2 on a bad BK_TODAY */
bk_day bk_today(void);

/* config.c */
enum bk_sex { BK_SEX_UNKNOWN, BK_SEX_MALE, BK_SEX_FEMALE };
#define BK_AT_MAX 24	/* times of day in a list */
struct bk_config {
	int imperial;	/* units = imperial */
	int units_set;	/* the file has a units key */
	int week_sunday;	/* week_start = sunday */
	int birth_year;	/* birth_year = YYYY; 0 when not set */
	int sex;	/* enum bk_sex: sex = male|female */
	int at[BK_AT_MAX];	/* remind_at = HH:MM,...: minutes of the day */
	int nat;	/* how many; 0 when not set */
	long alarm_s;	/* remind_alarm = DUR; -1 when not set */
	long ready_s;	/* get_ready = DUR or 0; -1 when not set */
};
/* read $XDG_CONFIG_HOME/backkit/config (or ~/.config/...); exits 1 on a
 * bad line */
void bk_config_load(struct bk_config *cfg);
/* bk config: the keys; whether key = value is valid as the commands read
 * it (0, -1 unknown key, -2 bad value with why); a key's default or NULL */
extern const char *const bk_config_keys[];
const char *bk_config_key_list(void);	/* "units, week_start, ..." */
int bk_config_check(const char *key, const char *value, char *why,
    size_t len);
const char *bk_config_default(const char *key);
/* the file's path into path; -1 when there is none (no absolute
 * XDG_CONFIG_HOME or HOME) */
int bk_config_path(char *path, size_t len);
/* the value of key in the file (its last line) into out; 1 if set */
int bk_config_get(const char *key, char *out, size_t len);
/* key = value into the file (value NULL: remove the key), through a
 * temporary file and rename, creating the file 0600 and its directories
 * 0700; the path into path. 1 if written, 0 when there was nothing to
 * remove; exits 1 when it cannot write */
int bk_config_set(const char *key, const char *value, char *path,
    size_t plen);

/* term.c */
/* printable form for a terminal: control bytes and bad UTF-8 escaped */
void bk_term_string(FILE *fp, const char *s);
/* display width of bk_term_string's output */
size_t bk_term_width(const char *s);
/* bk_term_string's output into buf, for a message; a value longer than
 * 80 bytes is cut to 77 and "..." */
char *bk_term_snprint(char *buf, size_t len, const char *s);
/* length of the valid UTF-8 sequence at s (1 for ASCII), or 0 */
size_t bk_utf8_len(const unsigned char *s);
/* the terminal form of the character at s into fp (or only measured when
 * fp is NULL): its width in columns; its length in bytes in *len */
size_t bk_term_char(FILE *fp, const unsigned char *s, size_t *len);
/* the width of the terminal fp writes to: $COLUMNS when it is a number,
 * else the terminal's; 0 when fp is not a terminal or its width unknown */
int bk_term_columns(FILE *fp);
/* bk_term_string of s cut to max columns, its end an ellipsis ("…" in a
 * UTF-8 locale, else "...") when it is wider; returns the width written */
size_t bk_term_cut(FILE *fp, const char *s, size_t max);

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
/* 1 when a text cell starts with =, +, -, @, a single quote, a tab or a CR:
 * the CSV and TSV writers put a single quote in front so that a
 * spreadsheet shows it as text instead of running it as a formula */
int bk_out_guard_needed(const char *s);
void bk_json_string(FILE *fp, const char *s);
/* "label:    text" with text wrapped at 76 columns (or the terminal's
 * width, when narrower), the lines after the first indented 11 columns,
 * through bk_term_string */
void bk_term_wrap(FILE *fp, const char *label, const char *text);

/* db.c */
struct bk_db {
	sqlite3 *h;
	char *path;
	int writable;
	int in_memory;
	sqlite3_stmt *due;	/* due.c's query, prepared on first use */
	int plans;	/* due.c: -1 not looked yet, else any active plan */
	int journaling;	/* journal.c: its triggers are in place */
	int synced;	/* the catalog was synced in this connection */
	int scratch;	/* a read's transaction, never committed */
};
/* BK_DB_READONLY: never opened for writing, whatever the file allows */
enum { BK_DB_READ = 0, BK_DB_WRITE = 1, BK_DB_READONLY = 2 };
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
/* BEGIN IMMEDIATE; the first one of a connection brings the catalog up to
 * date in that transaction */
void bk_db_begin(struct bk_db *db);
/* the result of a sqlite3_bind_*() call: exits 1 unless SQLITE_OK */
void bk_db_bound(int rc);
/* write and flush what stdout holds, then COMMIT; when stdout cannot be
 * written the transaction is rolled back and the program exits 1, so print
 * the confirmation before committing */
void bk_db_commit(struct bk_db *db);
/* a read that needs changes it must not store (a phase change that is
 * due): a transaction that is rolled back when the store is closed */
void bk_db_scratch(struct bk_db *db);
void bk_db_rollback(struct bk_db *db);
_Noreturn void bk_db_die(struct bk_db *db, const char *what);
/* set by the layer that fills a store (catalog.c does, before main):
 * called with the first write, a read's scratch transaction, or force
 * for a new store */
extern void (*bk_db_fill)(struct bk_db *db, int force);

/* jctx.c: the open journal entry ends (bk_db_close calls it) */
void bk_journal_close(struct bk_db *db);

/* schema.c: bk_migrations[v] brings user_version v to v + 1 */
extern const char *const bk_migrations[];
extern const int bk_nmigrations;

/* journal.c: the undo journal shared by every command. Call
 * bk_journal_add inside the write's transaction, before writing: from then
 * on rows inserted get the entry's id in their journal_id column and rows
 * changed or removed leave their before-image in the trash (triggers on
 * the connection do it, for cascades and cleared links too). */
long long bk_journal_add(struct bk_db *db, const char *command,
    const char *summary);
void bk_journal_set_summary(struct bk_db *db, long long jid,
    const char *summary);
/* move row id of tbl (sets, measurements, plans, plan_items, exercises)
 * into the trash of entry jid, so that undo can put it back; 1 if moved, 0
 * if no such row. A row inserted again with the same id and journal_id =
 * jid replaces it: undo puts the old values back. */
int bk_journal_remove(struct bk_db *db, long long jid, const char *tbl,
    long long id);
/* undo the latest entry not yet undone (inside a transaction); 1 with its
 * summary in buf, 0 when there is nothing to undo, 2 when it cannot be
 * reversed (why says so): it is marked kept, so older ones stay reachable */
int bk_journal_undo(struct bk_db *db, char *buf, size_t len);
int bk_journal_undo_why(struct bk_db *db, char *buf, size_t len, char *why,
    size_t whylen);
/* `undo` of every command: open the store, undo the latest entry and say
 * what was undone; exits 1 when there is nothing to undo. dry_run: list
 * the latest writes and which one undo takes next, writing nothing */
void bk_journal_undo_command(struct bk_db *db, const char *dbopt,
    int dry_run);

/* csvio.c: streaming strict RFC 4180 reading through libcsv */
struct bk_csv_row {
	char **f;	/* fields, NUL-terminated */
	size_t *len;	/* field lengths (fields may hold NUL bytes) */
	int n;
	long line;	/* line the row starts on */
	char delim;	/* the separator in use */
	int repaired;	/* 0, or 1 + the field whose bare "" pairs were
			 * taken for quotes (a line strict reading refuses) */
	int repaired_last;	/* 1 + the last such field */
};
/* called once per row; return 0 to go on, -1 to stop reading */
typedef int (*bk_csv_cb)(const struct bk_csv_row *row, void *data);
/* read fp to the end; on error returns -1 and writes a message
 * ("line N: reason") into err. A delim of 0 lets the first line choose:
 * ';' when it holds more semicolons than commas, else ','. */
int bk_csv_read(FILE *fp, char delim, bk_csv_cb cb, void *data, char *err,
    size_t errlen);

/* spec.c: set specs, durations and doses (pure: no store, no exit) */
/* "3x10", "2x30s", "3x5 hold 5s", "... each side"; buf >= 64 bytes */
char *bk_dose_format(long sets, long reps, long hold_s, int per_side,
    char *buf, size_t len);
/* seconds as "45s", "2m", "1m30s" */
char *bk_duration_format(long s, char *buf, size_t len);
#define BK_SETS_MAX 100
#define BK_REPS_MAX 10000
#define BK_HOLD_MAX 86400	/* seconds */
#define BK_LOAD_MAX 1000.0	/* kg */
#define BK_KG_PER_LB 0.45359237
#define BK_M_PER_MI 1609.344
/* a parsed SPEC: sets of reps, or sets of timed holds, with a load */
struct bk_spec {
	long sets;	/* 1 .. BK_SETS_MAX */
	long reps;	/* 0 for timed sets */
	long hold_s;	/* the length of a timed set; 0 with reps */
	double load_kg;	/* 0: none */
	int no_load;	/* "@0kg": explicitly without a load */
};
/* "3x10", "3x8@5kg", "2x10@15lb", "3x30s", "2x1m", "12", "45s", and
 * "3x10@0kg" for no load at all; 0, or -1 with a reason in *why */
int bk_spec_parse(const char *s, struct bk_spec *out, const char **why);
/* "30s", "2m", "1m30s" or a bare number of seconds, 1s to 24h */
int bk_duration_parse(const char *s, long *secs, const char **why);
/* "09:00,13:30": minutes of the day into mins (at most max, ascending,
 * none twice) and their count into *n; 0, or -1 with a reason in *why */
int bk_clock_list_parse(const char *s, int *mins, int max, int *n,
    const char **why);
/* "5kg", "2.5kg", "15lb", "15lbs": kilograms rounded to grams */
int bk_load_parse(const char *s, double *kg, const char **why);
/* a plain decimal number: digits, '.' (or point, when not 0) and digits;
 * no sign, no exponent, no blanks. 0 or -1 */
int bk_decimal_parse(const char *s, char point, double *out);
/* v rounded to 3 decimals: how loads, holds and RPE are stored */
double bk_round3(double v);
/* v with at most decimals digits after the point, trailing zeros cut */
char *bk_num_format(double v, int decimals, char *buf, size_t len);

/* quantity.c: the one definition of each quantity every command shows
 * (bk-stats(1) and bk-csv(5) write them down). A set is one row of sets;
 * a set done on each side is a row per side, so each side counts. */
/* held seconds of a set: reps x hold with reps (hold_s is per rep),
 * else the timed set's hold */
#define BK_HELD_SQL(s) "(CASE WHEN " s ".reps IS NOT NULL THEN " s ".reps" \
	" * coalesce(" s ".hold_s, 0) ELSE coalesce(" s ".hold_s, 0) END)"
/* a working set: done, and not a warm-up; volume, totals and bests count
 * working sets only, warm-ups apart */
#define BK_WORKING_SQL(s) "(" s ".skipped = 0 AND " s ".set_type <> 'warmup')"
#define BK_WARMUP_SQL(s) "(" s ".skipped = 0 AND " s ".set_type = 'warmup')"
/* load moved by a set: reps x load (a timed set moves nothing) */
#define BK_MOVED_SQL(s) "coalesce(" s ".reps * " s ".load_kg, 0)"
/* a logged set s meets the dose of planned item it: the reps, hold and
 * load planned, or more */
#define BK_MEETS_SQL(s, it) "((coalesce(" it ".reps, 0) <= 0 OR" \
	" coalesce(" s ".reps, 0) >= " it ".reps) AND" \
	" (coalesce(" it ".hold_s, 0) <= 0 OR" \
	" coalesce(" s ".hold_s, 0) >= " it ".hold_s) AND" \
	" (coalesce(" it ".load_kg, 0) <= 0 OR" \
	" coalesce(" s ".load_kg, 0) + 0.0005 >= " it ".load_kg))"
/* the sets logged on day d for exercise item it: those linked to it, and
 * those of its exercise linked to no item */
#define BK_ITEM_SETS_SQL(d, it) " FROM sets s WHERE s.date = " d \
	" AND (s.plan_item_id = " it ".id OR (s.plan_item_id IS NULL AND" \
	" s.exercise_id = " it ".exercise_id))"
/* halves of sets (a row on one side of a per-side item is a half) */
#define BK_HALVES_SQL(it) "coalesce(sum(CASE WHEN " it ".per_side AND" \
	" s.side IN ('left', 'right') THEN 1 ELSE 2 END), 0)"
/* for item it on day d: the halves logged at its dose or more, the halves
 * logged at all, the skips, and the halves needed (sets x times a day,
 * both sides) */
#define BK_ITEM_FULL_SQL(d, it) "(SELECT " BK_HALVES_SQL(it) \
	BK_ITEM_SETS_SQL(d, it) " AND s.skipped = 0 AND " \
	BK_MEETS_SQL("s", it) ")"
#define BK_ITEM_ANY_SQL(d, it) "(SELECT " BK_HALVES_SQL(it) \
	BK_ITEM_SETS_SQL(d, it) " AND s.skipped = 0)"
#define BK_ITEM_SKIPS_SQL(d, it) "(SELECT count(*)" \
	BK_ITEM_SETS_SQL(d, it) " AND s.skipped <> 0)"
#define BK_ITEM_NEEDED_SQL(it) "(2 * max(coalesce(" it ".sets, 1), 1)" \
	" * max(coalesce(" it ".times, 1), 1))"
/* the status of a planned item from those counts (halves): rest; done
 * when full >= needed; partly when any; skipped when only skips; else
 * missed (before today), due (today) or planned. A test item: full and
 * any are its measurements that day, needed 1. */
const char *bk_item_status(const char *kind, long full, long any,
    long skips, long needed, bk_day day, bk_day today);
/* how long a dose takes, in seconds: each set is reps x (BK_REP_SECONDS
 * + hold) with reps, else its timed hold; twice that per side; plus
 * rest_s between sets. Values past the BK_*_MAX limits count as those. */
#define BK_REP_SECONDS 3	/* the movement of one rep */
long long bk_dose_seconds(long sets, long reps, long hold_s, long rest_s,
    int per_side);
/* the one dose formatter: "2x5 hold 5s @2kg each side"; side is NULL,
 * "each side", "left", ... */
char *bk_dose_text(long sets, long reps, long hold_s, double load_kg,
    const char *side, int imperial, char *buf, size_t len);
/* "5kg", "2.25kg", "11lb" */
char *bk_load_text(double kg, int imperial, char *buf, size_t len);

/* due.c: the planned item an exercise fulfils on a day. An item of an
 * active plan is due on day D when it is dated D, or is weekly on D's
 * weekday with D inside the plan's start and end dates. */
struct bk_due {
	long long id, plan_id;
	char plan[256];	/* the plan's name (cut at 255 bytes) */
	long sets, reps, hold_s, rest_s;	/* -1 when the item leaves them open */
	double load_kg;	/* 0: none */
	int per_side;
	char side[10];	/* "left", "right", "forward", "backward" or "" */
	int times;	/* sessions a day */
};
/* the item due for exercise_id on day (in the plan called plan_name only,
 * unless it is NULL): the first by plan id and order that the sets logged
 * on day do not fulfil yet (sets x times, x 2 for each side), else the
 * first. 1 with *item filled, 0 when nothing is
 * due, -1 when there is no plan called plan_name */
int bk_due_item(struct bk_db *db, long long exercise_id, bk_day day,
    const char *plan_name, struct bk_due *item);
struct bk_plan_row;
/* the due item of a planned item as bk_plan_rows() reads it */
void bk_due_from_row(struct bk_due *d, const struct bk_plan_row *r);

/* logio.c: the CSV files of bk-log: its own format (bk-csv(5)) and the
 * exports of Strong, FitNotes and Hevy (pure: no store, no exit) */
enum bk_logfmt { BK_LOGFMT_AUTO, BK_LOGFMT_BK, BK_LOGFMT_STRONG,
	BK_LOGFMT_FITNOTES, BK_LOGFMT_HEVY, BK_LOGFMT_FITBOD };
extern const char *const bk_logfmt_names[];	/* by enum bk_logfmt */
extern const char *const bk_logio_columns[];	/* the bk format's header */
/* normal, warmup, drop, failure: the set types as stored */
extern const char *const bk_logio_set_types[];
#define BK_DIST_MAX 1e6	/* metres in one set */
#define BK_LOGIO_NFIELDS 32
/* the quoting slips of the apps that an import mends */
enum bk_repair { BK_REPAIR_NONE, BK_REPAIR_COMMAS, BK_REPAIR_QUOTES };
/* the weight unit a file's header says, or a row uses */
enum bk_logunit { BK_UNIT_NONE, BK_UNIT_KG, BK_UNIT_LB };
/* where each field is in a file's rows, from its header */
struct bk_logmap {
	enum bk_logfmt fmt;
	int ncols;
	int unit;	/* enum bk_logunit: the unit the header names */
	int says_unit;	/* the file says its unit (header or a unit column) */
	int layout;	/* which of an app's layouts */
	int dunit;	/* the distance unit the header names (logio.c) */
	int col[BK_LOGIO_NFIELDS];	/* -1: not in the file */
	const char *name[BK_LOGIO_NFIELDS];	/* for messages */
	char point;	/* ',' as decimal point too (';'-separated files) */
};
/* one set read from a file; strings point into the CSV row or the
 * struct's own buffers (free them with bk_logrow_free) */
struct bk_logrow {
	char date[11], time[6];	/* time "" when none */
	const char *exercise;	/* slug or name, as the file says */
	const char *exercise_name;	/* the display name for a new one */
	long set_no;	/* 0: number the sets of each workout in file order */
	long reps;	/* -1: none */
	double hold_s, load_kg, rpe;	/* -1: none */
	double distance_m;	/* -1: none */
	const char *set_type;	/* NULL for a normal set, else "warmup", ... */
	const char *side;	/* NULL, "left" or "right" */
	int skipped;
	int rest;	/* a rest-timer row: nothing else is read */
	int not_done;	/* a set the app lists as not started: nor here */
	int repair;	/* enum bk_repair: how the app's row was mended */
	long repeat;	/* this many sets alike (Fitbod's Sets column) */
	int unit;	/* enum bk_logunit of load_kg as the file wrote it */
	const char *reason, *note, *plan, *key;	/* NULL when empty */
	const char *base;	/* what a key is made from; NULL with a key */
	char *nbuf, *bbuf;
	size_t ncap, bcap;
};
/* recognise (fmt BK_LOGFMT_AUTO) or check the format from the header row;
 * 0, or -1 with "line N: reason" in err */
int bk_logio_header(struct bk_logmap *m, enum bk_logfmt fmt,
    const struct bk_csv_row *row, char *err, size_t errlen);
/* map one data row; weights without a unit are pounds when default_lb
 * is 1 (kilograms when 0);
 * 0, or -1 with "line N: invalid Column 'value'..." in err */
int bk_logio_row(const struct bk_logmap *m, const struct bk_csv_row *row,
    int default_lb, struct bk_logrow *r, char *err, size_t errlen);
void bk_logrow_free(struct bk_logrow *r);
/* is column col of the file read into sets */
int bk_logio_used(const struct bk_logmap *m, int col);
/* is a value nothing: empty, or in an app's file a 0 */
int bk_logio_blank(const struct bk_logmap *m, const char *s);
/* "2025-12-22", "2025-12-22 08:00[:ss]", "2025-12-22T08:00:00",
 * "22 Dec 2025, 08:00": date and time ("" when none); 0 or -1 */
int bk_logio_datetime(const char *s, char date[11], char time[6]);
/* "08:00", "8:00", "08:00:30" as "HH:MM"; 0 or -1 */
int bk_logio_time(const char *s, char time[6]);
/* a slug made from a name ("Bench Press (Barbell)": bench-press-barbell,
 * "Über Curl": uber-curl); "" when the name has no Latin letter or digit;
 * buf >= 65 bytes */
void bk_logio_slug(const char *name, char *buf, size_t len);
/* a row's identity: prefix ":" and 32 hex digits from base and n (the
 * row's rank among those with the same base) */
char *bk_logio_key(const char *prefix, const char *base, long n, char *buf,
    size_t len);
/* does export quote this text (it starts with = + - @ ' tab or CR, which a
 * spreadsheet could take for a formula) */
int bk_logio_escape_needed(const char *s);
/* the longest exercise name an imported row may give, as bk-plan's */
#define BK_LOGIO_NAME_MAX 200
/* is s a key a bk file may give: 1 to 128 letters, digits and . _ : -,
 * starting with a letter or digit (never a spreadsheet formula) */
int bk_logio_key_valid(const char *s);

/* session.c: the answers of a guided session, one a line (pure: no
 * store, no exit) */
enum bk_answer_kind { BK_ANSWER_NONE, BK_ANSWER_DONE, BK_ANSWER_SKIP,
	BK_ANSWER_PARTLY, BK_ANSWER_REST, BK_ANSWER_QUIT, BK_ANSWER_HELP,
	BK_ANSWER_RESULT };
struct bk_answer {
	enum bk_answer_kind kind;	/* NONE: a blank line */
	const char *arg;	/* skip: the reason; partly: what was done;
				 * NULL when none (points into the line) */
};
/* "done", "skip REASON", "partly N", "rest", "quit", "help", their first
 * letters ("?" for help), "yes"/"y" for done; any case. Blanks around
 * are cut off the line in place. 0, or -1 with the reason in *why */
int bk_answer_parse(char *line, struct bk_answer *a, const char **why);
/* a dose: sets of reps (hold_s on each rep), or timed sets of hold_s */
struct bk_answer_dose {
	long sets, reps, hold_s;
	double load_kg;
};
/* what a "partly ARG" answer stands for, from the dose planned: a number
 * counts the sets of a dose of several sets, else the reps (or seconds)
 * of its one set, fewer than planned; a SPEC (1x6, 2x20s, 2x8@5kg) says
 * it all, the load and the hold of each rep staying as planned. 0, or -1
 * with the reason in err */
int bk_answer_partly(const char *arg, const struct bk_answer_dose *plan,
    struct bk_answer_dose *out, char *err, size_t errlen);
/* an answer to a test: skip, quit and help as bk_answer_parse reads
 * them, else BK_ANSWER_RESULT with arg the line, blanks cut (done,
 * partly and rest are refused). 0, or -1 with the reason in *why */
int bk_answer_parse_test(char *line, struct bk_answer *a, const char **why);
/* the words of s, split in place at blanks, into v: how many (at most
 * max) */
int bk_answer_words(char *s, char **v, int max);

/* tty.c: the terminal of a guided session: keys without Enter, one-line
 * countdowns, and the signals that must leave the terminal as it was.
 * A signal (SIGINT, SIGTERM, SIGHUP) only sets a flag that every wait
 * here notices; the caller ends the work and calls bk_tty_exit. */
/* catch the signals; fd is the terminal the keys come from, or -1 */
void bk_tty_init(int fd);
/* the signal that asked to stop, or 0 */
int bk_tty_stopped(void);
/* keys without Enter or echo (on), or the terminal's own modes (off);
 * safe to call at any time, and at exit */
void bk_tty_keys(int on);
void bk_tty_restore(void);
/* wait up to ms milliseconds (-1: no limit) for input on fd (-1: none,
 * just sleep): 1 ready, 0 time out, -1 a signal came */
int bk_tty_wait(int fd, long ms);
/* one key from the terminal in key mode: the byte, -1 at end of input,
 * -2 on a signal */
int bk_tty_key(void);
/* count secs down on fp: live redraws one line each second (a terminal),
 * color paints it, keys lets Enter or space end it early and q quit.
 * BK_COUNT_DONE (ended or cut short), BK_COUNT_QUIT, BK_COUNT_STOPPED */
enum { BK_COUNT_DONE, BK_COUNT_QUIT, BK_COUNT_STOPPED };
int bk_tty_countdown(FILE *fp, const char *label, long secs, int live,
    int color, int keys);
/* after the caller's clean-up: restore the terminal and end by the signal
 * that stopped the work, as if it had not been caught */
_Noreturn void bk_tty_exit(int sig);

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

/* measure.c: toe-touch reaches, sit-and-reach readings, the YMCA norms
 * and the progress of a series of tests (pure: no store, no exit) */
#define BK_CM_PER_IN 2.54
#define BK_YMCA_HEELS_IN 15.0	/* the yardstick mark at the heels */
#define BK_YMCA_STICK_IN 36.0	/* the yardstick's length */
#define BK_ACSM_FEET_CM 26.0	/* the box's mark at the soles */
#define BK_ACSM_BOX_CM 100.0	/* the longest box scale accepted */
/* toe-touch level words, from the shortest reach (knees) to the longest
 * (palms flat on the floor); ordered among themselves only */
extern const char *const bk_reach_levels[];
extern const char *const bk_protocols[];	/* "ymca", "acsm" */
extern const char *const bk_sexes[];	/* "male", "female" */
extern const char *const bk_ymca_bands[];	/* "excellent" .. "very poor" */
enum bk_protocol { BK_PROTO_YMCA, BK_PROTO_ACSM };
struct bk_reach {
	double value;	/* as entered, in unit */
	const char *unit;	/* "cm" or "in"; NULL for a level word */
	double cm;	/* signed distance from the floor: + is past it */
	int level;	/* index in bk_reach_levels, or -1 for a number */
};
/* index of a level word (any case), or -1 */
int bk_level_index(const char *s);
/* "-12cm", "+3", "0", "-5in" or a level word; a bare number is in cm, or
 * in inches when imperial. 0, or -1 with the reason in err */
int bk_reach_parse(const char *s, int imperial, struct bk_reach *r,
    char *err, size_t errlen);
/* a beats b (both numbers or both level words) */
int bk_reach_better(const struct bk_reach *a, const struct bk_reach *b);
/* a signed length for people: "-12 cm", "+3.5 cm", "0 cm", or inches */
char *bk_length_format(double cm, int imperial, char *buf, size_t len);
/* a sit-and-reach reading: YMCA inches on the yardstick (heels at 15) or
 * ACSM cm on the box (soles at 26); *cm gets the cm past the toes */
int bk_sitreach_parse(const char *s, enum bk_protocol proto, double *value,
    double *cm, char *err, size_t errlen);
/* a reach in cm past the toes as a YMCA yardstick reading */
double bk_ymca_inches(double cm_past_toes);
/* the YMCA band (index in bk_ymca_bands) of a yardstick reading for an
 * age and sex, with the age group's name in *group; -1 without norms
 * (under 18, or no sex) */
int bk_ymca_band(int age, enum bk_sex sex, double inches,
    const char **group);

/* progress of one kind: feed the result of each test in date order */
#define BK_FLAT_PER_WEEK 0.05	/* |units per week| below this is flat */
enum bk_trend_dir { BK_TREND_NONE, BK_TREND_FLAT, BK_TREND_RISING,
	BK_TREND_FALLING };
struct bk_trend {
	int lower_better;	/* pain: the lowest rating is the best */
	long n;
	bk_day first_day, best_day, latest_day;
	double first, best, latest;
	double mx, my, cxx, cxy;	/* running means and co-moments */
};
struct bk_progress {
	long n;	/* tests */
	double first, best, latest, change;
	bk_day first_day, best_day, latest_day;
	/* NONE: fewer than BK_TREND_TESTS tests, or spanning fewer than
	 * BK_TREND_DAYS days */
	enum bk_trend_dir dir;
	double per_week;	/* the least-squares slope, units per week */
	/* rising, higher is better, latest below 0; or falling, lower is
	 * better (pain), latest above 0: */
	int projected;
	bk_day zero_day;	/* the first day the trend line is at 0 */
};
#define BK_TREND_TESTS 3	/* a trend needs this many tests ... */
#define BK_TREND_DAYS 14	/* ... the first and latest this far apart */
void bk_trend_init(struct bk_trend *t, int lower_better);
void bk_trend_add(struct bk_trend *t, bk_day day, double value);
void bk_trend_finish(const struct bk_trend *t, struct bk_progress *p);
/* SQL: a toe-touch row's level word as its rank, 1 (knees) .. 7 (palms) */
#define BK_LEVEL_RANK_SQL "CASE level WHEN 'knees' THEN 1" \
	" WHEN 'shins' THEN 2 WHEN 'ankles' THEN 3 WHEN 'toes' THEN 4" \
	" WHEN 'floor' THEN 5 WHEN 'knuckles' THEN 6 WHEN 'palms' THEN 7 END"
/* the level words of a series: first, best, latest, and the progression
 * with repeats folded ("shins → ankles"), the last BK_LEVELS_SHOWN kept */
#define BK_LEVELS_SHOWN 8
struct bk_levels {
	long n;
	int first, best, latest;
	bk_day best_day;
	int seq[BK_LEVELS_SHOWN], nseq, dropped;
};
void bk_levels_init(struct bk_levels *l);
void bk_levels_add(struct bk_levels *l, bk_day day, int level);
/* buf of at least 160 bytes holds any progression */
char *bk_levels_format(const struct bk_levels *l, char *buf, size_t len);
/* progress.c: a kind's tests from the store, each test's best try, fed
 * through the trend (numbers) and the levels (level words) */
struct bk_series {
	const char *kind;	/* toe-touch, sit-and-reach or pain */
	const char *region;	/* pain: the region's name for people */
	struct bk_trend trend;
	struct bk_levels levels;
	struct bk_progress p;
	long tests;
	bk_day from, to;
};
/* A test is one test day of a kind (its result the best try of the day,
 * level words included; pain: the highest rating of the day in one
 * region). since, until (YYYY-MM-DD) may be NULL; region NULL reads
 * every region together, "" the back as a whole (no region). */
void bk_series_read(struct bk_db *db, struct bk_series *s, const char *since,
    const char *until, const char *region);

/* stats.c: periods and the report queries of bk-stats. Each query
 * function returns a prepared statement, bound, whose first columns are
 * the report's; the caller steps it and streams the rows out. */
enum bk_by { BK_BY_DAY, BK_BY_WEEK, BK_BY_MONTH };
struct bk_stats_filter {
	char since[11], until[11];	/* YYYY-MM-DD, or "" when not given */
	long long exercise;	/* exercise id, or -1 */
	long long plan;	/* plan id, or -1 */
	enum bk_by by;
	int week_sunday;	/* week_start = sunday */
	bk_day today;
};
/* "day", "week", "month"; -1 if unknown */
int bk_stats_by_parse(const char *s);
/* the period of an ISO date: the date, YYYY-Www or YYYY-MM (buf >= 11
 * bytes); with week_sunday a week runs Sunday to Saturday and takes the
 * ISO week of its Monday. 0, or -1 for a bad date */
int bk_stats_period(const char *date, enum bk_by by, int week_sunday,
    char *buf);
/* the first day of the week holding day */
bk_day bk_stats_week_start(bk_day day, int week_sunday);
/* make the store ready for the queries below (the bk_period() function) */
void bk_stats_init(struct bk_db *db);
/* period, exercise, sets, reps, hold_seconds, load_kg [, exercise id,
 * first date] */
sqlite3_stmt *bk_stats_volume(struct bk_db *db,
    const struct bk_stats_filter *f);
/* period, plan, planned, done, skipped, percent */
sqlite3_stmt *bk_stats_adherence(struct bk_db *db,
    const struct bk_stats_filter *f);
/* period, planned, done, skipped, percent: every plan together */
sqlite3_stmt *bk_stats_adherence_total(struct bk_db *db,
    const struct bk_stats_filter *f);
/* date, kind, reach_cm (ordered by date) or kind, date, reach_cm (by
 * kind, rows without a number left out) */
sqlite3_stmt *bk_stats_flex(struct bk_db *db,
    const struct bk_stats_filter *f, int by_kind);
/* date, region, rating (ordered by date) or region, date, highest rating
 * of the day (by region) */
sqlite3_stmt *bk_stats_pain(struct bk_db *db,
    const struct bk_stats_filter *f, int by_region);
/* current_days, current_since, longest_days, longest_from, longest_to,
 * last_active */
sqlite3_stmt *bk_stats_streak(struct bk_db *db,
    const struct bk_stats_filter *f);
/* exercise, name, sets, reps, hold_seconds, best_load_kg,
 * best_hold_seconds, last_done */
sqlite3_stmt *bk_stats_exercises(struct bk_db *db,
    const struct bk_stats_filter *f, int by_sets);
/* print the plan SQLite chose for a statement (EXPLAIN QUERY PLAN) */
void bk_stats_explain(struct bk_db *db, sqlite3_stmt *st, FILE *fp);
/* the one-screen overview */
void bk_stats_summary(struct bk_db *db, const struct bk_stats_filter *f,
    int imperial, FILE *fp);
/* the day the toe-touch trend reaches the floor, from the computation
 * bk-test progress shares; 0 with *out set, or -1 when there is none */
int bk_stats_floor_date(struct bk_db *db, bk_day *out);

/* plot.c: the only code that talks to gnuplot */
enum bk_plot_kind { BK_PLOT_FLEX, BK_PLOT_VOLUME, BK_PLOT_ADHERENCE,
	BK_PLOT_PAIN };
enum bk_plot_term { BK_PLOT_DUMB, BK_PLOT_PNG, BK_PLOT_SVG };
struct bk_plot_opts {
	const char *output;	/* file, or NULL for standard output */
	enum bk_plot_term term;
	int imperial;
	const char *plan_name;	/* for the adherence title, or NULL */
};
/* "flex", "volume", "adherence", "pain"; -1 if unknown */
int bk_plot_kind_parse(const char *s);
/* the terminal an output file's extension asks for (.png, .svg); -1 */
int bk_plot_term_for(const char *path);
/* s as text that is safe inside a gnuplot single-quoted string: quotes,
 * backquotes, backslashes, @, $ and control bytes replaced, at most 40
 * characters; buf >= 4 * 40 + 8 bytes */
char *bk_plot_text(const char *s, char *buf, size_t len);
/* draw; 0, or -1 after printing why (no file is left behind) */
int bk_plot_draw(struct bk_db *db, enum bk_plot_kind kind,
    const struct bk_stats_filter *f, const struct bk_plot_opts *o);
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
/* the items a template may make a plan (days times the rules that fall
 * on each): more is refused when it is read */
#define BK_TPL_MAX_ITEMS 20000
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
/* the id of plan name, or -1 */
long long bk_plan_id(struct bk_db *db, const char *name);
/* a plan as the reports read it */
struct bk_plan_info {
	long long id;
	char *name, *tmpl, *phase;	/* tmpl and phase "" when none */
	bk_day start, end, phase_start, last_dated;	/* -1: open, none */
};
/* the plan called name (exits 2 when there is none), or every active
 * plan, by start date and name, into *out; their count. Free with
 * bk_plan_info_free */
int bk_plan_info_load(struct bk_db *db, const char *name,
    struct bk_plan_info **out);
void bk_plan_info_free(struct bk_plan_info *p, int n);
/* the same, but reports "unknown plan" with the nearest before -1 */
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
	long logged, needed;	/* sets (tests: 1 when tested that day) */
	long at_dose;		/* sets logged at the planned dose or more */
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

/* options.c: the suite's option table */
enum bk_arg { BK_ARG_NONE, BK_ARG_STRING, BK_ARG_WORD, BK_ARG_DATE,
	BK_ARG_OPTDATE, BK_ARG_DURATION, BK_ARG_NUMBER, BK_ARG_PATH };
struct bk_option {
	const char *name;
	int letter;	/* 0: none */
	int code;	/* what getopt_long returns: the letter, or a byte
			 * that is no letter */
	enum bk_arg arg;
	const char *argname, *help;	/* help NULL: hidden */
};
extern const struct bk_option bk_options[];
const struct bk_option *bk_opt_find(const char *name);
/* getopt_long's tables for the options named (NULL-terminated); nlo
 * entries of lo, nshort bytes of shortopts; exits 1 if they do not fit */
struct option;
void bk_opt_build(const char *const *names, struct option *lo, size_t nlo,
    char *shortopts, size_t nshort);
/* "-L --long", one a line, for the options in lo that have a letter */
void bk_opt_letters(const struct option *lo);
/* a command's subcommands and the options each takes, by long name
 * ("date note"); --db, --help and --version go with every one */
struct bk_subopts {
	const char *sub, *options;
};
/* --help: the usage entries of subcommand sub (with their continuation
 * lines and the common options), or the whole usage when sub is NULL or
 * has none; then the options they name, from the table */
void bk_usage_show(FILE *fp, const char *usage, const char *sub);
/* refuse, as a usage error, an option given (seen: their codes) that sub
 * does not take */
void bk_opt_only(const struct bk_subopts *t, const char *sub,
    const struct option *lo, const char *seen, const char *usage);

/* complete.c: the hidden completion helper the shell scripts call,
 * "CMD --complete words -- WORD...": the candidates for the last word,
 * one a line, "WORD<TAB>what it is" where there is something to say, and
 * a last line ":files" where file names go */
struct bk_complete {
	const char *const *commands;	/* the subcommands */
	const struct bk_subopts *subopts;
	const struct option *longopts;	/* the command's, from bk_opt_build */
	const char *formats;	/* --format's words; NULL: table csv tsv json */
	const char *dflt_sub;	/* the subcommand of a first word that is
				 * none (bk-log EXERCISE: "log"), or NULL */
	/* the words of the nth operand of sub (opt NULL; sub NULL before
	 * the subcommand) or of option opt's value, as "add :exercise":
	 * literal words, and :exercise :plan :template :files or a list
	 * (:region :kind :position :equipment :test-kind :protocol :sex
	 * :level :import-format :config-key :date :weekday); NULL: nothing
	 * to offer, or for an option what the table says */
	const char *(*words)(const char *sub, const char *opt, int n);
};
/* --complete WHAT, the words after it in argv: words, commands, options,
 * options:SUB, letters, exercises, plans, templates; the exit status */
int bk_complete_run(const struct bk_complete *c, const char *what, int argc,
    char **argv);

/* logcmd.c: bk-log's log, skip, list, export, rm and edit */
/* bk-log's options, as parsed */
struct bk_logopts {
	const char *db, *note, *plan, *reason, *exercise, *format, *side;
	const char *date_s, *since_s, *until_s;
	bk_day today, day, since, until;
	char time[6];
	long hold_s;	/* 0: no --hold */
	long long reps;	/* 0: no --reps */
	double load_kg;	/* -1: no --load */
	double rpe;	/* -1: no --rpe */
	int dry_run, create_missing;
	int units;	/* --units: 0 kg, 1 lb, -1 not given */
	int no_timer, timer;	/* session: --no-timer, --timer */
	const char **except;	/* done: the --except values */
	int nexcept;
	const char *seen;	/* options given, as their letters */
	const char *usage;	/* the usage text, for usage errors */
};

/* one set (or one side of one) to store */
struct bk_setrow {
	const char *date, *time;
	long long exercise, item;	/* item 0: no planned item */
	long set_no, reps;	/* reps -1: none */
	double hold_s, load_kg, rpe;	/* -1: none */
	const char *side, *note, *reason, *key;	/* key NULL: a new one */
	int skipped;
};

/* what one log command stores: sets of reps or timed sets, maybe loaded,
 * maybe on each side */
struct bk_dose {
	long sets, reps, hold_s;	/* reps 0: timed sets of hold_s */
	double load_kg;	/* 0: none */
	int nsides;
	const char *side[2];
	unsigned planned, catalog;	/* BK_FILL_HOLD, BK_FILL_LOAD: what a SPEC
					 * left out and the plan (or the
					 * catalog) filled in */
};
enum { BK_FILL_HOLD = 1, BK_FILL_LOAD = 2 };

/* one write of bk-log: the sets of one exercise, or a skip */
struct bk_entry {
	long long exercise, item;	/* item 0: no planned item */
	const char *slug, *plan;	/* plan: the item's, or NULL */
	struct bk_dose d;	/* the sets (not for a skip) */
	int skip;
};
void bk_logcmd_bind_num(sqlite3_stmt *st, int i, double v);
void bk_logcmd_bind_text(sqlite3_stmt *st, int i, const char *s);
/* the clock's HH:MM into buf (6 bytes) */
void bk_logcmd_now(char *buf);
/* the planned item due for the exercise; exits 2 on an unknown plan */
int bk_logcmd_due(struct bk_db *db, const struct bk_logopts *o, long long ex,
    struct bk_due *due);
/* the SPEC, else the planned item's dose, else the catalog's; then the
 * options */
void bk_logcmd_dose(struct bk_db *db, long long ex, const struct bk_due *due,
    const struct bk_spec *spec, const struct bk_logopts *o,
    struct bk_dose *d);
char *bk_logcmd_dose_text(const struct bk_dose *d, int imperial, char *buf,
    size_t len);
/* store an entry as one journal entry in the caller's transaction; commit
 * and say what was stored */
void bk_logcmd_store(struct bk_db *db, const struct bk_logopts *o,
    const struct bk_entry *e, int imperial);
void bk_logcmd_log(struct bk_db *db, const struct bk_logopts *o,
    const char *name, const char *spec_s);
void bk_logcmd_skip(struct bk_db *db, const struct bk_logopts *o,
    const char *name);
void bk_logcmd_list(struct bk_db *db, const struct bk_logopts *o);
void bk_logcmd_export(struct bk_db *db, const struct bk_logopts *o);
void bk_logcmd_rm(struct bk_db *db, const struct bk_logopts *o, int argc,
    char **argv);
void bk_logcmd_edit(struct bk_db *db, const struct bk_logopts *o, int argc,
    char **argv);
/* bk-log done: everything still due on the day, at its planned dose, as
 * one journal entry (plan_name NULL: every active plan) */
void bk_logcmd_done(struct bk_db *db, const struct bk_logopts *o,
    const char *plan_name);

/* guide.c: the guided session (bk-log session) */
void bk_guide_run(struct bk_db *db, const struct bk_logopts *o,
    const char *plan_name);

/* import.c: bk-log import, the mapping of foreign logs */
void bk_import_run(struct bk_db *db, const struct bk_logopts *o,
    const char *path);

/* plancmd.c: bk-plan's exercises, exercise show|add, templates, template,
 * new, add, rm, end */
/* bk-plan's options, as parsed */
#define BK_PLAN_MAXWORDS 16

struct bk_planopts {
	const char *db, *name, *kind, *position;
	const char *region[BK_PLAN_MAXWORDS], *equipment[BK_PLAN_MAXWORDS];
	int nregion, nequipment;
	const char *format;	/* as given: its sense depends on the command */
	int fmt;		/* the table/csv/tsv/json format; -1: default */
	const char *template, *days, *side_arg;
	const char *start_arg, *date_arg, *week_or_plan;
	unsigned on;		/* --on as a weekday mask */
	int side, times, all, week, dry_run;
	int has_start, has_date, has_week;
	bk_day start, date, week_date;
	bk_day today;
	const char *seen;	/* options given, as their letters */
	int at[BK_AT_MAX], nat;	/* --at: minutes of the day; 0: not given */
	long alarm_s;		/* --alarm; -1: not given */
	long every_s;		/* --every; 0: not given */
	int between[2], has_between;	/* --between: minutes of the day */
	int quiet, cron, print, off;
};
void bk_plancmd_exercises(struct bk_db *db, const struct bk_planopts *o);
void bk_plancmd_exercise_show(struct bk_db *db, const struct bk_planopts *o,
    const char *name);
void bk_plancmd_exercise_add(struct bk_db *db, const struct bk_planopts *o,
    const char *slug);
int bk_plancmd_templates(const struct bk_planopts *o);
void bk_plancmd_template(const struct bk_planopts *o, const char *spec);
int bk_plancmd_new(struct bk_db *db, const struct bk_planopts *o,
    const char *name);
int bk_plancmd_add(struct bk_db *db, const struct bk_planopts *o, char **argv,
    int argc);
int bk_plancmd_rm(struct bk_db *db, const struct bk_planopts *o, char **argv,
    int argc);
int bk_plancmd_end(struct bk_db *db, const struct bk_planopts *o,
    const char *name);

/* planshow.c: bk-plan's list, show, today, check, export */
int bk_planshow_list(struct bk_db *db, const struct bk_planopts *o);
/* show (today_only: today) */
int bk_planshow_show(struct bk_db *db, struct bk_planopts *o, const char *name,
    int today_only);
int bk_planshow_check(struct bk_db *db, const struct bk_planopts *o,
    const char *name);
int bk_planshow_export(struct bk_db *db, const struct bk_planopts *o,
    const char *name);

/* icsplan.c: bk-plan export --format ics */
int bk_icsplan_export(struct bk_db *db, const struct bk_planopts *o,
    const char *name);

/* remind.c: bk-plan today --quiet, next, remind and notify. An item is
 * still to do on a day when it is due, partly done or (a later day)
 * planned: not done, skipped or a rest day (bk_item_status) */
/* 0 when something is still to do today (in plan name, or any), else 1 */
int bk_remind_quiet(struct bk_db *db, const struct bk_planopts *o,
    const char *name);
/* the next item still to do, today or on the next day with one; 1 when
 * there is none */
int bk_remind_next(struct bk_db *db, const struct bk_planopts *o,
    const char *name);
/* the systemd user units (or crontab lines) that run notify */
int bk_remind_setup(struct bk_db *db, const struct bk_planopts *o,
    const char *name);
/* what is still to do today, through notify-send or on stdout */
int bk_remind_notify(struct bk_db *db, const struct bk_planopts *o,
    const char *name);

/* testcmd.c: bk-test's toe-touch, sit-and-reach, pain, list, edit, rm, how */
/* the kinds of test, in the order of their reports */
extern const char *const bk_test_kinds[];
/* bk-test's options, as parsed */
struct bk_testopts {
	const char *db, *date, *note, *kind, *region, *since, *until;
	int protocol, age, format;	/* -1: not given */
	int dry_run;
	enum bk_sex sex;
	const char *seen;	/* options given, as their letters */
};
void bk_testcmd_toe_touch(struct bk_db *db, const struct bk_testopts *o, int n,
    char **vals);
void bk_testcmd_sit_and_reach(struct bk_db *db, const struct bk_testopts *o,
    int n, char **vals);
void bk_testcmd_pain(struct bk_db *db, const struct bk_testopts *o,
    const char *arg);
void bk_testcmd_list(struct bk_db *db, const struct bk_testopts *o);
void bk_testcmd_edit(struct bk_db *db, const struct bk_testopts *o,
    const char *id_s, const char *value);
void bk_testcmd_rm(struct bk_db *db, const struct bk_testopts *o, int n,
    char **idv);
void bk_testcmd_how(const char *kind);
/* record a test of kind (toe-touch: up to 10 tries as REACH values; pain:
 * a RATING and maybe a region) on day as bk-test records it: checked,
 * then one journal entry in the caller's transaction and the line that
 * says so; what was found ("best -12 cm of 3 tries") into out. 0, or -1
 * with the message in err and nothing written */
int bk_testcmd_record(struct bk_db *db, const char *kind, bk_day day, int n,
    char **vals, char *out, size_t outlen, char *err, size_t errlen);

/* a --since or --until bound as YYYY-MM-DD into buf (11 bytes), or NULL */
const char *bk_testcmd_bound(const char *s, int last, char *buf);

/* testprog.c: bk-test progress */
void bk_testprog_run(struct bk_db *db, const struct bk_testopts *o,
    const char *kind);

#endif
