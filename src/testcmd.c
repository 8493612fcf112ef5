/* testcmd.c - bk-test's records (toe-touch, sit-and-reach, pain), list,
 * edit, rm and how */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bk.h"

const char *const bk_test_kinds[] = { "toe-touch", "sit-and-reach", "pain",
	NULL };

#define MAXTRIES 10
#define MAXNOTE 2000
/* a level word's rank for SQL: 1 (knees) .. 7 (palms), the order of
 * bk_reach_levels */

/* loaded by the commands where units, birth_year or sex matter, so that
 * a bad configuration line never stands in the way of undo or rm */
static struct bk_config cfg;

static int
out_format(const struct bk_testopts *o)
{
	return o->format >= 0 ? o->format : (int)bk_format_default();
}


static bk_day
parse_day(const char *s)
{
	bk_day d;

	if (bk_date_parse(s, bk_today(), BK_DATE_PAST, &d) != 0)
		bk_usage("invalid date '%s' (%s)", s, bk_date_hint);
	return d;
}

/* a date for a test: in the past or today */
static bk_day
test_date(const char *s)
{
	bk_day today = bk_today(), d;

	if (!s)
		return today;
	if ((d = parse_day(s)) > today)
		bk_errx(BK_EXIT_USAGE, "invalid date '%s': it is in the future",
		    s);
	return d;
}

/* a --since (a period's first day) or --until (with last, its last day)
 * bound as YYYY-MM-DD, or NULL */
const char *
bk_testcmd_bound(const char *s, int last, char *buf)
{
	bk_day first, end;

	if (!s)
		return NULL;
	if (bk_date_parse_period(s, bk_today(), BK_DATE_PAST, 1, &first,
	    &end) != 0)
		parse_day(s);	/* says why */
	return bk_date_format(last ? end : first, buf);
}

static void
check_note(const char *note)
{
	if (note && strlen(note) > MAXNOTE)
		bk_errx(BK_EXIT_USAGE, "invalid note: longer than %d bytes",
		    MAXNOTE);
}

/* "id 4" or "ids 4-6": the rows one write inserted */
static void
print_ids(long long first, int n)
{
	if (n == 1)
		printf(" (id %lld)\n", first);
	else
		printf(" (ids %lld-%lld)\n", first, first + n - 1);
}

/* one measurement row to insert */
struct row {
	const char *kind;
	double value;
	int has_value;
	const char *unit;
	double cm;
	int has_cm;
	const char *level, *region, *protocol;
	int try;
};

static long long
insert_row(struct bk_db *db, sqlite3_stmt *st, const struct row *r,
    const char *date, const char *note, long long jid)
{
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	sqlite3_bind_text(st, 1, r->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, date, -1, SQLITE_STATIC);
	if (r->has_value)
		sqlite3_bind_double(st, 3, r->value);
	sqlite3_bind_text(st, 4, r->unit, -1, SQLITE_STATIC);
	if (r->has_cm)
		sqlite3_bind_double(st, 5, r->cm);
	sqlite3_bind_text(st, 6, r->level, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, r->region, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, r->protocol, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 9, r->try);
	sqlite3_bind_text(st, 10, note, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 11, jid);
	bk_db_step(db, st);
	return sqlite3_last_insert_rowid(db->h);
}

/* rows as one journal entry of bk-test in the caller's transaction;
 * returns the first row's id */
static long long
insert_rows(struct bk_db *db, const struct row *rows, int n, bk_day day,
    const char *note, const char *summary)
{
	sqlite3_stmt *st;
	char date[11];
	long long jid, first = 0, id;
	int i;

	bk_date_format(day, date);
	jid = bk_journal_add(db, "bk-test", summary);
	st = bk_db_prepare(db, "INSERT INTO measurements (kind, date, value,"
	    " unit, value_cm, level, region, protocol, try, note, journal_id)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	for (i = 0; i < n; i++) {
		id = insert_row(db, st, &rows[i], date, note, jid);
		if (i == 0)
			first = id;
	}
	sqlite3_finalize(st);
	return first;
}

/* write rows as one journal entry, in a transaction left open; returns
 * the first row's id */
static long long
write_rows(struct bk_db *db, const struct row *rows, int n, bk_day day,
    const char *note, const char *summary)
{
	bk_db_begin(db);
	/* the caller says what it stored, then commits */
	return insert_rows(db, rows, n, day, note, summary);
}

/* the tries of a toe-touch test, checked, into rows (r holds the
 * reaches); the best try's index, or -1 with the message in err */
static int
reach_rows(int n, char **vals, struct bk_reach *r, struct row *rows,
    char *err, size_t errlen)
{
	char why[160];
	int i, best = 0;

	if (n > MAXTRIES) {
		snprintf(err, errlen, "too many tries '%s' (at most %d)",
		    vals[MAXTRIES], MAXTRIES);
		return -1;
	}
	for (i = 0; i < n; i++) {
		if (bk_reach_parse(vals[i], cfg.imperial, &r[i], why,
		    sizeof why) != 0) {
			snprintf(err, errlen, "invalid reach '%s': %s",
			    vals[i], why);
			return -1;
		}
		/* the sign of a distance is never guessed: 12 may be short
		 * of the floor or past it */
		if (r[i].level < 0 && r[i].cm != 0 && vals[i][0] != '-' &&
		    vals[i][0] != '+') {
			char v[32];

			bk_num_format(r[i].value, 2, v, sizeof v);
			snprintf(err, errlen, "invalid reach '%s': is that %s "
			    "%s short of the floor (-%s) or past it (+%s)?",
			    vals[i], v, r[i].unit, vals[i], vals[i]);
			return -1;
		}
	}
	/* a level word and a distance are different scales */
	for (i = 1; i < n; i++)
		if ((r[i].level >= 0) != (r[0].level >= 0)) {
			snprintf(err, errlen, "invalid reach '%s': one test is "
			    "all distances or all level words", vals[i]);
			return -1;
		}
	for (i = 0; i < n; i++) {
		memset(&rows[i], 0, sizeof rows[i]);
		rows[i].kind = "toe-touch";
		rows[i].try = i + 1;
		if (r[i].level >= 0)
			rows[i].level = bk_reach_levels[r[i].level];
		else {
			rows[i].has_value = rows[i].has_cm = 1;
			rows[i].value = r[i].value;
			rows[i].unit = r[i].unit;
			rows[i].cm = r[i].cm;
		}
		if (bk_reach_better(&r[i], &r[best]))
			best = i;
	}
	return best;
}

/* "toe-touch on 2026-11-21: best -12 cm of 3 tries" */
static void
reach_summary(const struct bk_reach *best, int n, bk_day day, char *summary,
    size_t len)
{
	char date[11], shown[48];

	if (best->level >= 0)
		snprintf(shown, sizeof shown, "%s", bk_reach_levels[best->level]);
	else
		bk_length_format(best->cm, cfg.imperial, shown, sizeof shown);
	bk_date_format(day, date);
	if (n == 1)
		snprintf(summary, len, "toe-touch on %s: %s", date, shown);
	else
		snprintf(summary, len, "toe-touch on %s: best %s of %d tries",
		    date, shown, n);
}

void
bk_testcmd_toe_touch(struct bk_db *db, const struct bk_testopts *o, int n, char **vals)
{
	struct bk_reach r[MAXTRIES];
	struct row rows[MAXTRIES];
	char err[400], summary[160];
	bk_day day;
	long long first;
	int best;

	bk_config_load(&cfg);
	if ((best = reach_rows(n, vals, r, rows, err, sizeof err)) < 0)
		bk_errx(BK_EXIT_USAGE, "%s", err);
	day = test_date(o->date);
	check_note(o->note);
	reach_summary(&r[best], n, day, summary, sizeof summary);
	bk_db_open(db, o->db, BK_DB_WRITE);
	first = write_rows(db, rows, n, day, o->note, summary);
	fputs(summary, stdout);
	print_ids(first, n);
	bk_db_commit(db);
}

/* "5.1 cm past the toes", "7.6 cm short of the toes", "at the toes" */
static char *
toes_phrase(double cm, char *buf, size_t len)
{
	char num[48];

	bk_length_format(cm < 0 ? -cm : cm, cfg.imperial, num, sizeof num);
	if (num[0] == '0' && num[1] == ' ')
		snprintf(buf, len, "at the toes");
	else
		snprintf(buf, len, "%s %s the toes", num + (num[0] == '+'),
		    cm < 0 ? "short of" : "past");
	return buf;
}

/* the YMCA band line, when the age and the sex are known */
static void
print_band(const struct bk_testopts *o, bk_day day, double cm)
{
	enum bk_sex sex = o->sex != BK_SEX_UNKNOWN ? o->sex :
	    (enum bk_sex)cfg.sex;
	const char *group;
	int age = o->age, y, m, d, band;

	if (age < 0 && cfg.birth_year > 0) {
		bk_date_to_ymd(day, &y, &m, &d);
		age = y - cfg.birth_year;
	}
	if (age < 0 || sex == BK_SEX_UNKNOWN)
		return;
	band = bk_ymca_band(age, sex, bk_ymca_inches(cm), &group);
	if (band < 0)
		printf("YMCA rating: none, the norms start at age 18\n");
	else
		printf("YMCA rating: %s (%s %s, age %d)\n", bk_ymca_bands[band],
		    sex == BK_SEX_MALE ? "men" : "women", group, age);
}

void
bk_testcmd_sit_and_reach(struct bk_db *db, const struct bk_testopts *o, int n,
    char **vals)
{
	struct row rows[MAXTRIES];
	enum bk_protocol proto = o->protocol >= 0 ? o->protocol : BK_PROTO_YMCA;
	const char *unit = proto == BK_PROTO_YMCA ? "in" : "cm";
	char err[160], date[11], num[64], tries[24], summary[200];
	double value[MAXTRIES], cm[MAXTRIES];
	bk_day day;
	long long first;
	int i, best = 0;

	bk_config_load(&cfg);
	if (n > MAXTRIES)
		bk_errx(BK_EXIT_USAGE, "too many tries '%s' (at most %d)",
		    vals[MAXTRIES], MAXTRIES);
	for (i = 0; i < n; i++) {
		if (bk_sitreach_parse(vals[i], proto, &value[i], &cm[i], err,
		    sizeof err) != 0)
			bk_errx(BK_EXIT_USAGE, "invalid sit-and-reach '%s': %s",
			    vals[i], err);
		if (cm[i] > cm[best])
			best = i;
	}
	day = test_date(o->date);
	check_note(o->note);
	for (i = 0; i < n; i++) {
		memset(&rows[i], 0, sizeof rows[i]);
		rows[i].kind = "sit-and-reach";
		rows[i].try = i + 1;
		rows[i].has_value = rows[i].has_cm = 1;
		rows[i].value = value[i];
		rows[i].unit = unit;
		rows[i].cm = cm[i];
		rows[i].protocol = bk_protocols[proto];
	}
	bk_date_format(day, date);
	snprintf(tries, sizeof tries, " of %d tries", n);
	snprintf(summary, sizeof summary, "sit-and-reach on %s: %s%g %s%s "
	    "(%s), %s", date, n > 1 ? "best " : "", value[best], unit,
	    n > 1 ? tries : "", proto == BK_PROTO_YMCA ? "YMCA" : "ACSM",
	    toes_phrase(cm[best], num, sizeof num));
	bk_db_open(db, o->db, BK_DB_WRITE);
	first = write_rows(db, rows, n, day, o->note, summary);
	fputs(summary, stdout);
	print_ids(first, n);
	/* all of it said before COMMIT: output that cannot be written
	 * stores nothing */
	print_band(o, day, cm[best]);
	bk_db_commit(db);
}

/* a pain rating, checked, into row; 0, or -1 with the message in err */
static int
pain_row(const char *arg, const char *region, struct row *row, char *err,
    size_t errlen)
{
	long long rating;

	if (bk_parse_int(arg, 0, 10, &rating) != 0) {
		snprintf(err, errlen, "invalid pain rating '%s' (a whole "
		    "number from 0 to 10)", arg);
		return -1;
	}
	memset(row, 0, sizeof *row);
	row->kind = "pain";
	row->has_value = 1;
	row->value = (double)rating;
	row->region = region;
	row->try = 1;
	return 0;
}

/* "pain on 2026-11-21: 3/10, lower-back" */
static void
pain_summary(const struct row *row, bk_day day, char *summary, size_t len)
{
	char date[11];

	bk_date_format(day, date);
	snprintf(summary, len, "pain on %s: %d/10%s%s", date, (int)row->value,
	    row->region ? ", " : "", row->region ? row->region : "");
}

static void
pain_advice(const struct row *row)
{
	if (row->value >= 7)
		puts("A rating of 7 or more: stop the exercises that hurt and "
		    "see a health professional.");
}

void
bk_testcmd_pain(struct bk_db *db, const struct bk_testopts *o, const char *arg)
{
	struct row row;
	char summary[160], err[200];
	long long first;
	bk_day day;

	if (pain_row(arg, o->region, &row, err, sizeof err) != 0)
		bk_errx(BK_EXIT_USAGE, "%s", err);
	day = test_date(o->date);
	check_note(o->note);
	pain_summary(&row, day, summary, sizeof summary);
	bk_db_open(db, o->db, BK_DB_WRITE);
	first = write_rows(db, &row, 1, day, o->note, summary);
	fputs(summary, stdout);
	print_ids(first, 1);
	pain_advice(&row);
	bk_db_commit(db);
}

int
bk_testcmd_record(struct bk_db *db, const char *kind, bk_day day, int n,
    char **vals, char *out, size_t outlen, char *err, size_t errlen)
{
	struct bk_reach r[MAXTRIES];
	struct row rows[MAXTRIES];
	char summary[160];
	const char *region = NULL;
	long long first;
	int i, best = 0;

	bk_config_load(&cfg);
	if (n < 1) {
		snprintf(err, errlen, "no result");
		return -1;
	}
	if (strcmp(kind, "toe-touch") == 0) {
		if ((best = reach_rows(n, vals, r, rows, err, errlen)) < 0)
			return -1;
		reach_summary(&r[best], n, day, summary, sizeof summary);
	} else if (strcmp(kind, "pain") == 0) {
		if (n > 2) {
			snprintf(err, errlen, "one rating and at most one "
			    "region, not '%s'", vals[2]);
			return -1;
		}
		if (n == 2 && (i = bk_word_index(bk_regions, vals[1])) < 0) {
			size_t k = (size_t)snprintf(err, errlen, "invalid "
			    "region '%s' (one of:", vals[1]);

			for (i = 0; bk_regions[i] && k < errlen; i++)
				k += (size_t)snprintf(err + k, errlen - k,
				    "%s %s", i ? "," : "", bk_regions[i]);
			if (k < errlen)
				snprintf(err + k, errlen - k, ")");
			return -1;
		}
		if (n == 2)
			region = bk_regions[i];
		if (pain_row(vals[0], region, rows, err, errlen) != 0)
			return -1;
		pain_summary(rows, day, summary, sizeof summary);
		n = 1;
	} else {
		snprintf(err, errlen, "cannot record a %s test here", kind);
		return -1;
	}
	first = insert_rows(db, rows, n, day, NULL, summary);
	fputs(summary, stdout);
	print_ids(first, n);
	if (strcmp(kind, "pain") == 0)
		pain_advice(rows);
	/* what comes after "KIND on DATE: " */
	snprintf(out, outlen, "%s", strstr(summary, ": ") + 2);
	return 0;
}

void
bk_testcmd_list(struct bk_db *db, const struct bk_testopts *o)
{
	static const char *cols[] = { "id", "date", "kind", "try", "value",
		"unit", "value_cm", "level", "protocol", "region", "best",
		"note" };
	char since[11], until[11];
	const char *s = bk_testcmd_bound(o->since, 0, since);
	const char *u = bk_testcmd_bound(o->until, 1, until);
	struct bk_out *out;
	sqlite3_stmt *st;

	bk_db_open(db, o->db, BK_DB_READ);
	/* the best try of each test: the longest reach, then the longest
	 * level word, then the first try */
	st = bk_db_prepare(db, "SELECT id, date, kind, try, value, unit,"
	    " value_cm, level, protocol, region,"
	    " CASE WHEN kind = 'pain' THEN 1 ELSE row_number() OVER"
	    "  (PARTITION BY kind, date, coalesce(journal_id, -id)"
	    "   ORDER BY value_cm DESC, " BK_LEVEL_RANK_SQL " DESC, try, id) = 1"
	    " END, note"
	    " FROM measurements"
	    " WHERE (?1 IS NULL OR kind = ?1) AND (?2 IS NULL OR date >= ?2)"
	    " AND (?3 IS NULL OR date <= ?3) AND (?4 IS NULL OR region = ?4)"
	    " ORDER BY date, id");
	sqlite3_bind_text(st, 1, o->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, s, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, u, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, o->region, -1, SQLITE_STATIC);
	out = bk_out_new(stdout, out_format(o), cols, 12);
	while (bk_db_step(db, st) == SQLITE_ROW)
		bk_out_stmt(out, st);
	bk_out_end(out);
	sqlite3_finalize(st);
}

/* change one measurement in place, as one journal entry: its value,
 * checked as recording it checks it, its date or its note */
void
bk_testcmd_edit(struct bk_db *db, const struct bk_testopts *o, const char *id_s,
    const char *value)
{
	sqlite3_stmt *st;
	struct bk_reach r;
	char kind[32], proto[16], err[160], date[11];
	long long id, rating;
	double v = 0, cm = 0;
	int has_v = 0, has_cm = 0;
	const char *unit = NULL, *level = NULL;
	bk_day day = 0;

	if (bk_parse_int(id_s, 1, (long long)1 << 53, &id) != 0)
		bk_errx(BK_EXIT_USAGE, "invalid id '%s'", id_s);
	if (!value && !o->date && !o->note)
		bk_usage("%s", "edit needs a VALUE, --date or --note");
	if (o->date)
		day = test_date(o->date);
	check_note(o->note);
	bk_config_load(&cfg);
	bk_db_open(db, o->db, BK_DB_WRITE);
	bk_db_begin(db);
	st = bk_db_prepare(db, "SELECT kind, coalesce(protocol, 'ymca') FROM "
	    "measurements WHERE id = ?");
	sqlite3_bind_int64(st, 1, id);
	if (bk_db_step(db, st) != SQLITE_ROW) {
		bk_db_rollback(db);
		bk_errx(BK_EXIT_DATA, "cannot edit %lld: no such measurement",
		    id);
	}
	snprintf(kind, sizeof kind, "%s", sqlite3_column_text(st, 0));
	snprintf(proto, sizeof proto, "%s", sqlite3_column_text(st, 1));
	sqlite3_finalize(st);
	if (value && strcmp(kind, "pain") == 0) {
		if (bk_parse_int(value, 0, 10, &rating) != 0)
			bk_errx(BK_EXIT_USAGE, "invalid pain rating '%s' (a "
			    "whole number from 0 to 10)", value);
		v = (double)rating;
		has_v = 1;
	} else if (value && strcmp(kind, "toe-touch") == 0) {
		if (bk_reach_parse(value, cfg.imperial, &r, err,
		    sizeof err) != 0)
			bk_errx(BK_EXIT_USAGE, "invalid reach '%s': %s", value,
			    err);
		if (r.level >= 0)
			level = bk_reach_levels[r.level];
		else {
			has_v = has_cm = 1;
			v = r.value;
			unit = r.unit;
			cm = r.cm;
		}
	} else if (value) {
		enum bk_protocol p = strcmp(proto, "acsm") == 0 ?
		    BK_PROTO_ACSM : BK_PROTO_YMCA;

		if (bk_sitreach_parse(value, p, &v, &cm, err, sizeof err) != 0)
			bk_errx(BK_EXIT_USAGE, "invalid sit-and-reach '%s': %s",
			    value, err);
		has_v = has_cm = 1;
		unit = p == BK_PROTO_YMCA ? "in" : "cm";
	}
	snprintf(err, sizeof err, "edit %s %lld", kind, id);
	bk_journal_add(db, "bk-test", err);
	st = bk_db_prepare(db, "UPDATE measurements SET"
	    " value = CASE WHEN ?2 THEN ?3 ELSE value END,"
	    " unit = CASE WHEN ?2 THEN ?4 ELSE unit END,"
	    " value_cm = CASE WHEN ?2 THEN ?5 ELSE value_cm END,"
	    " level = CASE WHEN ?2 THEN ?6 ELSE level END,"
	    " date = coalesce(?7, date),"
	    " note = CASE WHEN ?8 THEN ?9 ELSE note END WHERE id = ?1");
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, value != NULL);
	if (has_v)
		sqlite3_bind_double(st, 3, v);
	if (strcmp(kind, "pain") != 0)
		sqlite3_bind_text(st, 4, unit, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 4);
	if (has_cm)
		sqlite3_bind_double(st, 5, cm);
	sqlite3_bind_text(st, 6, level, -1, SQLITE_STATIC);
	if (o->date)
		sqlite3_bind_text(st, 7, bk_date_format(day, date), -1,
		    SQLITE_STATIC);
	sqlite3_bind_int(st, 8, o->note != NULL);
	sqlite3_bind_text(st, 9, o->note && *o->note ? o->note : NULL, -1,
	    SQLITE_STATIC);
	bk_db_step(db, st);
	sqlite3_finalize(st);
	printf("changed %s %lld\n", kind, id);
	bk_db_commit(db);
}

void
bk_testcmd_rm(struct bk_db *db, const struct bk_testopts *o, int n, char **idv)
{
	long long *ids = bk_xmalloc(sizeof *ids * n), jid;
	char summary[160];
	size_t k;
	int i, j, nids = 0, dup;

	for (i = 0; i < n; i++) {
		long long id;

		if (bk_parse_int(idv[i], 1, (long long)1 << 53, &id) != 0)
			bk_errx(BK_EXIT_USAGE, "invalid id '%s'", idv[i]);
		for (dup = 0, j = 0; j < nids; j++)
			dup |= ids[j] == id;
		if (!dup)
			ids[nids++] = id;
	}
	snprintf(summary, sizeof summary, "rm");
	for (i = 0; i < nids; i++) {
		k = strlen(summary);
		if (k + 24 < sizeof summary)
			snprintf(summary + k, sizeof summary - k, " %lld",
			    ids[i]);
		else if (!strstr(summary, "..."))
			snprintf(summary + k, sizeof summary - k, " ...");
	}
	bk_db_open(db, o->db, BK_DB_WRITE);
	bk_db_begin(db);
	jid = bk_journal_add(db, "bk-test", summary);
	for (i = 0; i < nids; i++) {
		if (!bk_journal_remove(db, jid, "measurements", ids[i])) {
			bk_db_rollback(db);
			bk_errx(BK_EXIT_DATA, "cannot remove %lld: no such "
			    "measurement", ids[i]);
		}
	}
	printf("removed %d measurement%s:", nids, nids == 1 ? "" : "s");
	for (i = 0; i < nids; i++)
		printf(" %lld", ids[i]);
	putchar('\n');
	bk_db_commit(db);
	free(ids);
}


static const char how_toe_touch[] =
"The standing toe-touch test\n"
"\n"
"Warm up the same way before every test (say five minutes of walking and\n"
"a few easy arm circles), and test at the same time of day: most backs\n"
"are stiffer in the morning than in the evening.\n"
"\n"
"1. Take your shoes off and stand on a firm floor with your feet together.\n"
"2. Keep your knees straight, without forcing them back, for the whole\n"
"   test.\n"
"3. Breathe out and bend forward slowly, letting your head and arms hang.\n"
"   Never bounce to gain a little more.\n"
"4. At the lowest point you reach, stay still for two seconds.\n"
"5. Measure from your fingertips to the floor, or have someone do it.\n"
"   Short of the floor is negative (-12cm), touching it is 0, and past it\n"
"   (standing on a step) is positive (+3cm). Without a tape, name where\n"
"   your fingertips are: knees, shins, ankles, toes, floor, knuckles (on\n"
"   the floor) or palms (flat on the floor).\n"
"6. Roll up slowly, rest a few breaths and go again: three tries, and the\n"
"   best one is the result. Record them together:\n"
"   bk-test toe-touch -14 -12 -13\n";

static const char how_sit_and_reach[] =
"The sit-and-reach test\n"
"\n"
"Warm up as for the toe-touch test, at the same time of day, shoes off.\n"
"\n"
"YMCA (a yardstick, inches): lay the stick on the floor and tape it\n"
"across at the 15 in mark. Sit with the stick between your legs, zero\n"
"towards you, heels at the tape and about a foot apart. Knees straight,\n"
"one hand on the other, breathe out and slide your fingertips slowly\n"
"along the stick; hold two seconds and read the mark under them.\n"
"   bk-test sit-and-reach 16 17.5 17\n"
"\n"
"ACSM (a sit-and-reach box, cm): sit with the soles flat against the box,\n"
"whose scale reads 26 cm at the soles, feet about 15 cm apart. Reach the\n"
"same slow way along the top, hold two seconds and read the scale.\n"
"   bk-test sit-and-reach --protocol acsm 24 25\n"
"\n"
"Three tries, the best one counts; no bouncing.\n";

static const char how_when_not[] =
"\n"
"When not to test: while your back hurts sharply, when pain, numbness or\n"
"tingling runs down a leg, after a recent back injury or operation, with\n"
"osteoporosis, or when bending head-down makes you dizzy. Ask a health\n"
"professional first in those cases, and stop if the test hurts: a pull\n"
"behind the legs is expected, pain is not.\n";

static const char how_pain[] =
"Rating pain and stiffness\n"
"\n"
"Give a whole number from 0 (no pain at all) to 10 (the worst pain you\n"
"can imagine) for how your back feels right now. Rate at the same time\n"
"of day, before or after your exercises but always the same, so that the\n"
"numbers compare. Name the part that hurts with --region (neck,\n"
"upper-back, lower-back, ...) and rate each part on its own line; leave\n"
"--region out for the back as a whole.\n"
"   bk-test pain 4 --region lower-back\n"
"\n"
"A rating of 7 or more means: stop the exercises that hurt and see a\n"
"health professional.\n";

void
bk_testcmd_how(const char *kind)
{
	if (!kind || strcmp(kind, "toe-touch") == 0) {
		fputs(how_toe_touch, stdout);
		fputs(how_when_not, stdout);
	}
	if (!kind || strcmp(kind, "sit-and-reach") == 0) {
		if (!kind)
			putchar('\n');
		fputs(how_sit_and_reach, stdout);
		if (kind)
			fputs(how_when_not, stdout);
	}
	if (!kind || strcmp(kind, "pain") == 0) {
		if (!kind)
			putchar('\n');
		fputs(how_pain, stdout);
	}
}

