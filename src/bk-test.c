/* bk-test - flexibility tests and pain ratings: record them, list and
 * correct them, learn how to take them, and follow their progress */
#include <ctype.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "bk.h"

static const char usage_text[] =
    "usage: bk-test toe-touch REACH... [--date D] [--note TEXT]\n"
    "       bk-test sit-and-reach VALUE... [--protocol ymca|acsm] [--age N]\n"
    "                         [--sex male|female] [--date D] [--note TEXT]\n"
    "       bk-test pain RATING [--region R] [--date D] [--note TEXT]\n"
    "       bk-test list [--kind K] [--region R] [--since D] [--until D]\n"
    "                         [--format F]\n"
    "       bk-test rm ID...\n"
    "       bk-test edit ID [VALUE] [--date D] [--note TEXT]\n"
    "       bk-test undo [--dry-run]\n"
    "       bk-test how [KIND]\n"
    "       bk-test progress [KIND] [--region R] [--since D] [--until D]\n"
    "                         [--format F]\n"
    "common options: [--db PATH] [-h | --help] [--version]\n";

static const struct option longopts[] = {
	{ "age", required_argument, NULL, 'a' },
	{ "date", required_argument, NULL, 'D' },
	{ "db", required_argument, NULL, 'd' },
	{ "dry-run", no_argument, NULL, 'N' },
	{ "format", required_argument, NULL, 'f' },
	{ "help", no_argument, NULL, 'h' },
	{ "kind", required_argument, NULL, 'k' },
	{ "note", required_argument, NULL, 'n' },
	{ "protocol", required_argument, NULL, 'p' },
	{ "region", required_argument, NULL, 'r' },
	{ "since", required_argument, NULL, 's' },
	{ "sex", required_argument, NULL, 'S' },
	{ "until", required_argument, NULL, 'u' },
	{ "version", no_argument, NULL, 'V' },
	{ "complete", required_argument, NULL, 'C' },	/* for completions */
	{ NULL, 0, NULL, 0 }
};
static const char shortopts[] = "a:D:d:f:hk:Nn:p:r:s:S:u:V";

static const char *const kinds[] = { "toe-touch", "sit-and-reach", "pain",
	NULL };
static const char *const commands[] = { "toe-touch", "sit-and-reach",
	"pain", "list", "rm", "edit", "undo", "how", "progress", NULL };

#define MAXTRIES 10
#define MAXNOTE 2000
/* a level word's rank for SQL: 1 (knees) .. 7 (palms), the order of
 * bk_reach_levels */
struct opts {
	const char *db, *date, *note, *kind, *region, *since, *until;
	int protocol, age, format;	/* -1: not given */
	int dry_run;
	enum bk_sex sex;
	const char *seen;	/* options given, as their letters */
};

/* loaded by the commands where units, birth_year or sex matter, so that
 * a bad configuration line never stands in the way of undo or rm */
static struct bk_config cfg;
static char **args;	/* argv with the operands last */

_Noreturn static void
usage_error(const char *fmt, const char *arg)
{
	bk_usage_error(usage_text, fmt, arg);
}

/* only the options in allowed (as letters) may be given to a subcommand */
static void
only_options(const struct opts *o, const char *sub, const char *allowed)
{
	bk_only_options(longopts, o->seen, sub, allowed, usage_text);
}

static int
out_format(const struct opts *o)
{
	return o->format >= 0 ? o->format : (int)bk_format_default();
}

/* the long option that name ("--da", "--date=x") stands for, or NULL */
static const struct option *
long_option(const char *name)
{
	const struct option *lo, *found = NULL;
	size_t n = strcspn(name, "=");

	for (lo = longopts; lo->name; lo++) {
		if (strncmp(lo->name, name, n) != 0)
			continue;
		if (lo->name[n] == '\0')
			return lo;
		if (found)
			return NULL;	/* ambiguous: getopt says so */
		found = lo;
	}
	return found;
}

static int
negative_number(const char *s)
{
	return s[0] == '-' && (isdigit((unsigned char)s[1]) ||
	    (s[1] == '.' && isdigit((unsigned char)s[2])));
}

/* "-12cm" is a reach, not a cluster of options: put the options (with
 * their arguments) first and every operand after a "--", in order, so
 * that getopt never sees an operand */
static char **
split_operands(int argc, char **argv)
{
	char **out = bk_xmalloc(sizeof *out * (argc + 2)), **ops;
	const struct option *lo;
	const char *c, *p;
	int i, nout = 0, nops = 0;

	ops = bk_xmalloc(sizeof *ops * (argc + 1));
	out[nout++] = argv[0];
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (strcmp(a, "--") == 0) {
			while (++i < argc)
				ops[nops++] = argv[i];
			break;
		}
		if (a[0] != '-' || a[1] == '\0' || negative_number(a)) {
			ops[nops++] = argv[i];
			continue;
		}
		out[nout++] = argv[i];
		if (a[1] == '-') {
			lo = long_option(a + 2);
			if (lo && lo->has_arg == required_argument &&
			    !strchr(a, '=') && i + 1 < argc)
				out[nout++] = argv[++i];
			continue;
		}
		for (c = a + 1; *c; c++) {
			p = strchr(shortopts, *c);
			if (p && *c != ':' && p[1] == ':') {
				if (c[1] == '\0' && i + 1 < argc)
					out[nout++] = argv[++i];
				break;
			}
		}
	}
	out[nout++] = "--";
	memcpy(out + nout, ops, sizeof *ops * nops);
	out[nout + nops] = NULL;
	free(ops);
	return out;
}

static void
complete(const char *what)
{
	const struct option *lo;
	const char *const *list = NULL;
	int i;

	if (strcmp(what, "commands") == 0)
		list = commands;
	else if (strcmp(what, "kind") == 0)
		list = kinds;
	else if (strcmp(what, "protocol") == 0)
		list = bk_protocols;
	else if (strcmp(what, "region") == 0)
		list = bk_regions;
	else if (strcmp(what, "sex") == 0)
		list = bk_sexes;
	else if (strcmp(what, "levels") == 0)
		list = bk_reach_levels;
	else if (strcmp(what, "format") == 0) {
		puts("table\ncsv\ntsv\njson");
		return;
	} else if (strcmp(what, "options") == 0) {
		for (lo = longopts; lo->name; lo++)
			if (lo->val != 'C')
				printf("--%s\n", lo->name);
		return;
	} else
		usage_error("invalid --complete '%s'", what);
	for (i = 0; list[i]; i++)
		puts(list[i]);
}

static bk_day
parse_day(const char *s)
{
	bk_day d;

	if (bk_date_parse(s, bk_today(), BK_DATE_PAST, &d) != 0)
		bk_errx(BK_EXIT_USAGE, "invalid date '%s' (YYYY-MM-DD, today, "
		    "yesterday, a weekday or -3d)", s);
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

/* a --since or --until bound as YYYY-MM-DD, or NULL */
static const char *
bound(const char *s, char *buf)
{
	return s ? bk_date_format(parse_day(s), buf) : NULL;
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

/* write rows as one journal entry, in a transaction left open; returns
 * the first row's id */
static long long
write_rows(struct bk_db *db, const struct row *rows, int n, bk_day day,
    const char *note, const char *summary)
{
	sqlite3_stmt *st;
	char date[11];
	long long jid, first = 0, id;
	int i;

	bk_date_format(day, date);
	bk_db_begin(db);
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
	return first;	/* the caller says what it stored, then commits */
}

static void
cmd_toe_touch(struct bk_db *db, const struct opts *o, int n, char **vals)
{
	struct bk_reach r[MAXTRIES];
	struct row rows[MAXTRIES];
	char err[160], date[11], shown[48], summary[160];
	bk_day day;
	long long first;
	int i, best = 0;

	bk_config_load(&cfg);
	if (n > MAXTRIES)
		bk_errx(BK_EXIT_USAGE, "too many tries '%s' (at most %d)",
		    vals[MAXTRIES], MAXTRIES);
	for (i = 0; i < n; i++) {
		if (bk_reach_parse(vals[i], cfg.imperial, &r[i], err,
		    sizeof err) != 0)
			bk_errx(BK_EXIT_USAGE, "invalid reach '%s': %s",
			    vals[i], err);
		/* the sign of a distance is never guessed: 12 may be short
		 * of the floor or past it */
		if (r[i].level < 0 && r[i].cm != 0 && vals[i][0] != '-' &&
		    vals[i][0] != '+') {
			char v[32];

			bk_num_format(r[i].value, 2, v, sizeof v);
			bk_errx(BK_EXIT_USAGE, "invalid reach '%s': is that %s %s "
			    "short of the floor (-%s) or past it (+%s)?", vals[i],
			    v, r[i].unit, vals[i], vals[i]);
		}
	}
	/* a level word and a distance are different scales */
	for (i = 1; i < n; i++)
		if ((r[i].level >= 0) != (r[0].level >= 0))
			bk_errx(BK_EXIT_USAGE, "invalid reach '%s': one test is "
			    "all distances or all level words", vals[i]);
	day = test_date(o->date);
	check_note(o->note);
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
	if (r[best].level >= 0)
		snprintf(shown, sizeof shown, "%s", bk_reach_levels[r[best].level]);
	else
		bk_length_format(r[best].cm, cfg.imperial, shown, sizeof shown);
	bk_date_format(day, date);
	if (n == 1)
		snprintf(summary, sizeof summary, "toe-touch on %s: %s", date,
		    shown);
	else
		snprintf(summary, sizeof summary, "toe-touch on %s: best %s of "
		    "%d tries", date, shown, n);
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
print_band(const struct opts *o, bk_day day, double cm)
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

static void
cmd_sit_and_reach(struct bk_db *db, const struct opts *o, int n,
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
	bk_db_commit(db);
	print_band(o, day, cm[best]);
}

static void
cmd_pain(struct bk_db *db, const struct opts *o, const char *arg)
{
	struct row row;
	char date[11], summary[160];
	long long rating, first;
	bk_day day;

	if (bk_parse_int(arg, 0, 10, &rating) != 0)
		bk_errx(BK_EXIT_USAGE, "invalid pain rating '%s' (a whole "
		    "number from 0 to 10)", arg);
	day = test_date(o->date);
	check_note(o->note);
	memset(&row, 0, sizeof row);
	row.kind = "pain";
	row.has_value = 1;
	row.value = (double)rating;
	row.region = o->region;
	row.try = 1;
	bk_date_format(day, date);
	snprintf(summary, sizeof summary, "pain on %s: %lld/10%s%s", date,
	    rating, o->region ? ", " : "", o->region ? o->region : "");
	bk_db_open(db, o->db, BK_DB_WRITE);
	first = write_rows(db, &row, 1, day, o->note, summary);
	fputs(summary, stdout);
	print_ids(first, 1);
	bk_db_commit(db);
	if (rating >= 7)
		puts("A rating of 7 or more: stop the exercises that hurt and "
		    "see a health professional.");
}

static void
cmd_list(struct bk_db *db, const struct opts *o)
{
	static const char *cols[] = { "id", "date", "kind", "try", "value",
		"unit", "value_cm", "level", "protocol", "region", "best",
		"note" };
	char since[11], until[11];
	const char *s = bound(o->since, since), *u = bound(o->until, until);
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
static void
cmd_edit(struct bk_db *db, const struct opts *o, const char *id_s,
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
		usage_error("%s", "edit needs a VALUE, --date or --note");
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

static void
cmd_rm(struct bk_db *db, const struct opts *o, int n, char **idv)
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

static void
cmd_how(const char *kind)
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

/* progress */

/* a number with its sign, one decimal at most: "+2", "-0.5", "0" */
static char *
signed_number(double v, char *buf, size_t len)
{
	char *dot;

	v = (double)(long long)(v * 10 + (v < 0 ? -0.5 : 0.5)) / 10;
	snprintf(buf, len, v == 0 ? "0" : "%+.1f", v);
	if ((dot = strstr(buf, ".0")) && dot[2] == '\0')
		*dot = '\0';
	return buf;
}

static char *
value_text(const struct bk_series *s, double v, int sign, char *buf,
    size_t len)
{
	char num[48];

	if (strcmp(s->kind, "pain") != 0)
		return bk_length_format(v, cfg.imperial, buf, len);
	if (sign)
		snprintf(buf, len, "%s", signed_number(v, num, sizeof num));
	else
		snprintf(buf, len, "%g/10", v);
	return buf;
}

static void
print_span(long days)
{
	if (days % 7 == 0)
		printf("%ld week%s", days / 7, days == 7 ? "" : "s");
	else
		printf("%ld day%s", days, days == 1 ? "" : "s");
}

static void
print_trend(const struct bk_series *s)
{
	const struct bk_progress *p = &s->p;
	int pain = strcmp(s->kind, "pain") == 0;
	const char *zero = strcmp(s->kind, "toe-touch") == 0 ? "floor" :
	    "toes";
	char rate[64], date[11];

	if (p->n == 0) {
		printf("  trend    none: level words do not enter the trend; "
		    "measure to see one\n");
		return;
	}
	if (p->dir == BK_TREND_NONE) {
		printf("  trend    none: too few tests for a trend (%d over "
		    "%d days or more)\n", BK_TREND_TESTS, BK_TREND_DAYS);
		return;
	}
	value_text(s, p->per_week, 1, rate, sizeof rate);
	if (p->dir == BK_TREND_FLAT) {
		printf("  trend    flat (%s a week over %ld tests)", rate,
		    p->n);
		if (!pain && p->latest < 0)
			printf(": at this rate the reach does not get to the %s",
			    zero);
		putchar('\n');
		return;
	}
	if (p->dir == BK_TREND_FALLING) {
		printf("  trend    %s a week over %ld tests, falling", rate,
		    p->n);
		if (pain) {
			printf(" (better)\n");
			if (p->projected && p->zero_day > p->latest_day) {
				printf("  0/10     %s on this trend, ",
				    bk_date_format(p->zero_day, date));
				print_span(p->zero_day - p->latest_day);
				printf(" after the latest rating\n");
			} else if (p->projected)
				printf("  0/10     the trend line got there on "
				    "%s; the next ratings should show it\n",
				    bk_date_format(p->zero_day, date));
		} else
			printf(": no date for the %s while the reach shrinks\n",
			    zero);
		return;
	}
	printf("  trend    %s a week over %ld tests, rising%s\n", rate, p->n,
	    pain ? " (worse)" : "");
	if (pain)
		return;
	if (!p->projected)
		printf("  %-8s reached: the latest reach is at or past the %s\n",
		    zero, zero);
	else if (p->zero_day <= p->latest_day)
		printf("  %-8s the trend line got there on %s; the next tests "
		    "should show it\n", zero, bk_date_format(p->zero_day, date));
	else {
		printf("  %-8s %s on this trend, ", zero,
		    bk_date_format(p->zero_day, date));
		print_span(p->zero_day - p->latest_day);
		printf(" after the latest test\n");
	}
}

static void
print_report(const struct bk_series *s, const char *since)
{
	const struct bk_progress *p = &s->p;
	char a[64], b[11], lv[256];

	if (s->tests == 0) {
		printf("%s: no tests%s%s\n", s->kind, since ? " since " : "",
		    since ? since : "");
		return;
	}
	fputs(s->kind, stdout);
	if (s->region) {
		fputs(" (", stdout);
		bk_term_string(stdout, s->region);
		putchar(')');
	}
	printf(": %ld test%s, %s", s->tests, s->tests == 1 ? "" :
	    "s", bk_date_format(s->from, b));
	printf(" to %s\n", bk_date_format(s->to, b));
	if (p->n > 0) {
		printf("  first    %s on %s\n", value_text(s, p->first, 0, a,
		    sizeof a), bk_date_format(p->first_day, b));
		printf("  best     %s on %s\n", value_text(s, p->best, 0, a,
		    sizeof a), bk_date_format(p->best_day, b));
		printf("  latest   %s on %s\n", value_text(s, p->latest, 0, a,
		    sizeof a), bk_date_format(p->latest_day, b));
		printf("  change   %s since the first test\n",
		    value_text(s, p->change, 1, a, sizeof a));
	}
	print_trend(s);
	if (s->levels.n > 0)
		printf("  levels   %s (best %s on %s)\n",
		    bk_levels_format(&s->levels, lv, sizeof lv),
		    bk_reach_levels[s->levels.best],
		    bk_date_format(s->levels.best_day, b));
}

static void
progress_row(struct bk_out *out, const struct bk_series *s)
{
	static const char *const dirs[] = { "none", "flat", "rising",
		"falling" };
	static const int isnum[] = { 0, 1, 0, 0, 1, 0, 1, 0, 1, 1, 1, 0, 0,
		0, 0 };
	const struct bk_progress *p = &s->p;
	char n[6][32], d[4][11], tests[24], lv[256];
	const char *v[15];

	memset(v, 0, sizeof v);
	v[0] = s->kind;
	snprintf(tests, sizeof tests, "%ld", s->tests);
	v[1] = tests;
	v[2] = strcmp(s->kind, "pain") == 0 ? "rating" : "cm";
	if (p->n > 0) {
		v[3] = bk_date_format(p->first_day, d[0]);
		snprintf(n[0], sizeof n[0], "%.6g", p->first);
		v[4] = n[0];
		v[5] = bk_date_format(p->best_day, d[1]);
		snprintf(n[1], sizeof n[1], "%.6g", p->best);
		v[6] = n[1];
		v[7] = bk_date_format(p->latest_day, d[2]);
		snprintf(n[2], sizeof n[2], "%.6g", p->latest);
		v[8] = n[2];
		snprintf(n[3], sizeof n[3], "%.6g", p->change);
		v[9] = n[3];
	}
	if (p->n > 0 && p->dir != BK_TREND_NONE) {
		snprintf(n[4], sizeof n[4], "%.6g", p->per_week);
		v[10] = n[4];
	}
	v[11] = dirs[p->dir];
	if (p->projected)
		v[12] = bk_date_format(p->zero_day, d[3]);
	if (s->levels.n > 0)
		v[13] = bk_levels_format(&s->levels, lv, sizeof lv);
	v[14] = s->region;
	bk_out_row(out, v, isnum);
}

/* the pain reports, one per region rated (the back as a whole is
 * "overall"); the number shown */
static int
progress_regions(struct bk_db *db, struct bk_out *out, const char *since,
    const char *until, int shown, int asked)
{
	struct bk_series ser;
	sqlite3_stmt *st;
	char *region;
	int n = 0;

	st = bk_db_prepare(db, "SELECT DISTINCT coalesce(region, '')"
	    " FROM measurements WHERE kind = 'pain'"
	    " AND (?1 IS NULL OR date >= ?1) AND (?2 IS NULL OR date <= ?2)"
	    " ORDER BY 1");
	sqlite3_bind_text(st, 1, since, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, until, -1, SQLITE_STATIC);
	while (bk_db_step(db, st) == SQLITE_ROW) {
		region = bk_xstrdup((const char *)sqlite3_column_text(st, 0));
		memset(&ser, 0, sizeof ser);
		ser.kind = "pain";
		ser.region = region[0] ? region : "overall";
		bk_series_read(db, &ser, since, until, region);
		if (out)
			progress_row(out, &ser);
		else {
			if (shown + n)
				putchar('\n');
			print_report(&ser, since);
		}
		n++;
		free(region);
	}
	sqlite3_finalize(st);
	if (n == 0 && asked && !out) {
		memset(&ser, 0, sizeof ser);
		ser.kind = "pain";
		print_report(&ser, since);
		n++;
	}
	return n;
}

static void
cmd_progress(struct bk_db *db, const struct opts *o, const char *kind)
{
	static const char *cols[] = { "kind", "tests", "unit", "first_date",
		"first", "best_date", "best", "latest_date", "latest", "change",
		"per_week", "trend", "projected_date", "levels", "region" };
	char since[11], until[11];
	const char *s = bound(o->since, since), *u = bound(o->until, until);
	struct bk_series ser;
	struct bk_out *out = NULL;
	int fmt = out_format(o), i, shown = 0;

	if (kind)
		bk_check_word("kind", kinds, kind);
	bk_config_load(&cfg);
	if (o->region && kind && strcmp(kind, "pain") != 0)
		usage_error("option --region applies to pain only, not '%s'",
		    kind);
	bk_db_open(db, o->db, BK_DB_READ);
	if (fmt != BK_FMT_TABLE)
		out = bk_out_new(stdout, fmt, cols, 15);
	for (i = 0; kinds[i]; i++) {
		if (kind ? strcmp(kind, kinds[i]) != 0 :
		    o->region && strcmp(kinds[i], "pain") != 0)
			continue;
		if (strcmp(kinds[i], "pain") == 0 && !o->region) {
			/* pain is always per region: one report each */
			shown += progress_regions(db, out, s, u, shown,
			    kind != NULL);
			continue;
		}
		memset(&ser, 0, sizeof ser);
		ser.kind = kinds[i];
		ser.region = o->region;
		bk_series_read(db, &ser, s, u, o->region);
		if (ser.tests == 0 && !kind)
			continue;
		if (out) {
			if (ser.tests > 0)
				progress_row(out, &ser);
			continue;
		}
		if (shown++)
			putchar('\n');
		print_report(&ser, s);
	}
	if (out)
		bk_out_end(out);
	else if (!kind && !shown)
		printf("no tests%s%s\n", s ? " since " : "", s ? s : "");
}

int
main(int argc, char *argv[])
{
	struct opts o;
	struct bk_db db;
	char seen[64];
	size_t nseen = 0;
	long long n;
	const char *sub;
	int c;

	bk_init(argv[0]);
	memset(&o, 0, sizeof o);
	memset(&db, 0, sizeof db);
	o.format = o.protocol = o.age = -1;
	args = split_operands(argc, argv);
	for (argc = 0; args[argc]; argc++)
		;
	while ((c = getopt_long(argc, args, shortopts, longopts, NULL)) !=
	    -1) {
		if (nseen < sizeof seen - 1 && !memchr(seen, c, nseen))
			seen[nseen++] = (char)c;
		switch (c) {
		case 'a':
			if (bk_parse_int(optarg, 1, 120, &n) != 0)
				bk_errx(BK_EXIT_USAGE, "invalid age '%s' (a whole "
				    "number of years from 1 to 120)", optarg);
			o.age = (int)n;
			break;
		case 'D':
			o.date = optarg;
			break;
		case 'd':
			o.db = optarg;
			break;
		case 'f':
			if ((o.format = bk_format_parse(optarg)) < 0)
				bk_errx(BK_EXIT_USAGE, "invalid format '%s' (one "
				    "of: table, csv, tsv, json)", optarg);
			break;
		case 'h':
			fputs(usage_text, stdout);
			return bk_close_stdout();
		case 'k':
			bk_check_word("kind", kinds, optarg);
			o.kind = optarg;
			break;
		case 'n':
			o.note = optarg;
			break;
		case 'N':
			o.dry_run = 1;
			break;
		case 'p':
			bk_check_word("protocol", bk_protocols, optarg);
			o.protocol = bk_word_index(bk_protocols, optarg);
			break;
		case 'r':
			bk_check_word("region", bk_regions, optarg);
			o.region = optarg;
			break;
		case 's':
			o.since = optarg;
			break;
		case 'S':
			bk_check_word("sex", bk_sexes, optarg);
			o.sex = strcmp(optarg, "male") == 0 ? BK_SEX_MALE :
			    BK_SEX_FEMALE;
			break;
		case 'u':
			o.until = optarg;
			break;
		case 'V':
			puts("bk-test (backkit) " BK_VERSION);
			return bk_close_stdout();
		case 'C':
			complete(optarg);
			return bk_close_stdout();
		default:
			fputs(usage_text, stderr);
			return BK_EXIT_USAGE;
		}
	}
	seen[nseen] = '\0';
	o.seen = seen;
	argc -= optind;
	argv = args + optind;
	if (argc < 1)
		usage_error("%s", "missing command");
	sub = argv[0];

	if (strcmp(sub, "toe-touch") == 0) {
		only_options(&o, sub, "Dn");
		if (argc < 2)
			usage_error("%s", "toe-touch needs a REACH");
		cmd_toe_touch(&db, &o, argc - 1, argv + 1);
	} else if (strcmp(sub, "sit-and-reach") == 0) {
		only_options(&o, sub, "DnpaS");
		if (argc < 2)
			usage_error("%s", "sit-and-reach needs a VALUE");
		cmd_sit_and_reach(&db, &o, argc - 1, argv + 1);
	} else if (strcmp(sub, "pain") == 0) {
		only_options(&o, sub, "Dnr");
		if (argc < 2)
			usage_error("%s", "pain needs a RATING");
		if (argc > 2)
			usage_error("unexpected argument '%s'", argv[2]);
		cmd_pain(&db, &o, argv[1]);
	} else if (strcmp(sub, "list") == 0) {
		only_options(&o, sub, "krsuf");
		if (argc > 1)
			usage_error("unexpected argument '%s'", argv[1]);
		cmd_list(&db, &o);
	} else if (strcmp(sub, "rm") == 0) {
		only_options(&o, sub, "");
		if (argc < 2)
			usage_error("%s", "rm needs an ID");
		cmd_rm(&db, &o, argc - 1, argv + 1);
	} else if (strcmp(sub, "edit") == 0) {
		only_options(&o, sub, "Dn");
		if (argc < 2)
			usage_error("%s", "edit needs an ID");
		if (argc > 3)
			usage_error("unexpected argument '%s'", argv[3]);
		cmd_edit(&db, &o, argv[1], argc > 2 ? argv[2] : NULL);
	} else if (strcmp(sub, "undo") == 0) {
		only_options(&o, sub, "N");
		if (argc > 1)
			usage_error("unexpected argument '%s'", argv[1]);
		bk_journal_undo_command(&db, o.db, o.dry_run);
	} else if (strcmp(sub, "how") == 0) {
		only_options(&o, sub, "");
		if (argc > 2)
			usage_error("unexpected argument '%s'", argv[2]);
		if (argc == 2)
			bk_check_word("kind", kinds, argv[1]);
		cmd_how(argc == 2 ? argv[1] : NULL);
	} else if (strcmp(sub, "progress") == 0) {
		only_options(&o, sub, "rsuf");
		if (argc > 2)
			usage_error("unexpected argument '%s'", argv[2]);
		cmd_progress(&db, &o, argc == 2 ? argv[1] : NULL);
	} else
		usage_error("unknown command '%s'", sub);
	if (db.h)
		bk_db_close(&db);
	free(args);
	return bk_close_stdout();
}
