/* bk-plan - the exercise catalog (and, later, programs and plans) */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "bk.h"

static const char usage_text[] =
    "usage: bk-plan exercises [--region R] [--kind K] [--position P]\n"
    "                         [--equipment E] [--format F]\n"
    "       bk-plan exercise SLUG [--format F]\n"
    "       bk-plan exercise add SLUG --name NAME [--region R]... [--kind K]\n"
    "                         [--position P] [--equipment E]...\n"
    "common options: [--db PATH] [-h | --help] [--version]\n";

static const struct option longopts[] = {
	{ "db", required_argument, NULL, 'd' },
	{ "equipment", required_argument, NULL, 'e' },
	{ "format", required_argument, NULL, 'f' },
	{ "help", no_argument, NULL, 'h' },
	{ "kind", required_argument, NULL, 'k' },
	{ "name", required_argument, NULL, 'n' },
	{ "position", required_argument, NULL, 'p' },
	{ "region", required_argument, NULL, 'r' },
	{ "version", no_argument, NULL, 'V' },
	{ "complete", required_argument, NULL, 'C' },	/* for completions */
	{ NULL, 0, NULL, 0 }
};

#define MAXWORDS 16

struct opts {
	const char *db, *name, *kind, *position;
	const char *region[MAXWORDS], *equipment[MAXWORDS];
	int nregion, nequipment;
	int format;	/* -1: the default */
	const char *seen;	/* options given, as their letters */
};

_Noreturn static void
usage_error(const char *fmt, const char *arg)
{
	bk_usage_error(usage_text, fmt, arg);
}

static void
check_word(const char *what, const char *const *list, const char *v)
{
	if (bk_word_index(list, v) >= 0)
		return;
	fflush(stdout);
	fprintf(stderr, "%s: invalid %s '", bk_progname, what);
	bk_term_string(stderr, v);
	fputs("' (one of: ", stderr);
	bk_word_list(stderr, list);
	fputs(")\n", stderr);
	exit(BK_EXIT_USAGE);
}

/* only the options in allowed (as letters) may be given to a subcommand */
static void
only_options(const struct opts *o, const char *sub, const char *allowed)
{
	const struct option *lo;
	const char *c;

	for (c = o->seen; *c; c++) {
		if (strchr(allowed, *c) || strchr("dhV", *c))
			continue;
		for (lo = longopts; lo->name; lo++)
			if (lo->val == *c)
				break;
		fflush(stdout);
		fprintf(stderr, "%s: option --%s does not apply to '%s'\n",
		    bk_progname, lo->name ? lo->name : "?", sub);
		fputs(usage_text, stderr);
		exit(BK_EXIT_USAGE);
	}
}

static int
out_format(const struct opts *o)
{
	return o->format >= 0 ? o->format : (int)bk_format_default();
}

static void
complete(const char *what)
{
	static const char *const subs[] = { "exercises", "exercise", NULL };
	const struct option *lo;
	const char *const *list = NULL;
	struct bk_db db;
	sqlite3_stmt *st;
	int i;

	if (strcmp(what, "commands") == 0)
		list = subs;
	else if (strcmp(what, "region") == 0)
		list = bk_regions;
	else if (strcmp(what, "kind") == 0)
		list = bk_kinds;
	else if (strcmp(what, "position") == 0)
		list = bk_positions;
	else if (strcmp(what, "equipment") == 0)
		list = bk_equipment;
	else if (strcmp(what, "format") == 0) {
		puts("table\ncsv\ntsv\njson");
		return;
	} else if (strcmp(what, "options") == 0) {
		for (lo = longopts; lo->name; lo++)
			if (lo->val != 'C')
				printf("--%s\n", lo->name);
		return;
	} else if (strcmp(what, "exercises") == 0) {
		bk_db_open(&db, getenv("BK_COMPLETE_DB"), BK_DB_READ);
		st = bk_db_prepare(&db, "SELECT slug FROM exercises ORDER BY "
		    "slug");
		while (bk_db_step(&db, st) == SQLITE_ROW)
			puts((const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
		bk_db_close(&db);
		return;
	} else
		usage_error("invalid --complete '%s'", what);
	for (i = 0; list[i]; i++)
		puts(list[i]);
}

static void
cmd_exercises(struct bk_db *db, const struct opts *o)
{
	static const char *cols[] = { "slug", "name", "regions", "kind",
		"position", "equipment", "dose" };
	sqlite3_stmt *st;
	struct bk_out *out;
	const char *v[7];
	char dose[96];
	int i;

	st = bk_db_prepare(db, "SELECT slug, name, regions, kind, position,"
	    " equipment, sets, reps, hold_s, per_side FROM exercises"
	    " WHERE (?1 IS NULL OR instr(' ' || regions || ' ',"
	    "   ' ' || ?1 || ' ') > 0)"
	    " AND (?2 IS NULL OR kind = ?2)"
	    " AND (?3 IS NULL OR position = ?3)"
	    " AND (?4 IS NULL OR instr(' ' || equipment || ' ',"
	    "   ' ' || ?4 || ' ') > 0)"
	    " ORDER BY builtin DESC, source, id");
	if (o->nregion)
		sqlite3_bind_text(st, 1, o->region[0], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, o->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, o->position, -1, SQLITE_STATIC);
	if (o->nequipment)
		sqlite3_bind_text(st, 4, o->equipment[0], -1, SQLITE_STATIC);
	out = bk_out_new(stdout, out_format(o), cols, 7);
	while (bk_db_step(db, st) == SQLITE_ROW) {
		for (i = 0; i < 6; i++)
			v[i] = (const char *)sqlite3_column_text(st, i);
		v[6] = bk_dose_format(sqlite3_column_int(st, 6),
		    sqlite3_column_int(st, 7), sqlite3_column_int(st, 8),
		    sqlite3_column_int(st, 9), dose, sizeof dose);
		bk_out_row(out, v, NULL);
	}
	bk_out_end(out);
	sqlite3_finalize(st);
}

/* print text wrapped at 76 columns, continuation lines indented */
static void
wrapped(const char *label, const char *text)
{
	const char *p = text, *e, *brk;
	int col;

	printf("%-11s", label);
	col = 11;
	while (*p) {
		/* break at the last blank that fits */
		brk = NULL;
		for (e = p; *e && (e - p) < 76 - col; e++)
			if (*e == ' ')
				brk = e;
		if (!*e)
			brk = e;
		else if (!brk)
			brk = e;
		{
			char *part = strndup(p, brk - p);

			if (!part)
				bk_errx(BK_EXIT_DATA, "cannot allocate memory");
			bk_term_string(stdout, part);
			free(part);
		}
		p = brk;
		while (*p == ' ')
			p++;
		if (*p)
			printf("\n%11s", "");
	}
	putchar('\n');
}

static void
cmd_exercise_show(struct bk_db *db, const struct opts *o, const char *name)
{
	static const char *cols[] = { "slug", "name", "regions", "kind",
		"position", "equipment", "sets", "reps", "hold_s", "per_side",
		"rest_s", "cues", "cautions", "source", "builtin" };
	sqlite3_stmt *st;
	struct bk_out *out;
	const char *title, *src;
	char dose[96], rest[32], line[192];
	long long id;
	int fmt = o->format >= 0 ? o->format : BK_FMT_TABLE;

	if ((id = bk_catalog_lookup(db, name)) < 0)
		exit(BK_EXIT_USAGE);
	st = bk_db_prepare(db, "SELECT slug, name, regions, kind, position,"
	    " equipment, sets, reps, hold_s, per_side, rest_s, cues, cautions,"
	    " source, builtin FROM exercises WHERE id = ?");
	sqlite3_bind_int64(st, 1, id);
	bk_db_step(db, st);
	if (fmt != BK_FMT_TABLE) {
		out = bk_out_new(stdout, fmt, cols, 15);
		bk_out_stmt(out, st);
		bk_out_end(out);
		sqlite3_finalize(st);
		return;
	}
#define COL(i) ((const char *)sqlite3_column_text(st, (i)))
	bk_term_string(stdout, COL(1));
	printf(" (%s)\n", COL(0));
	wrapped("regions:", COL(2));
	snprintf(line, sizeof line, "%s, %s", COL(3) ? COL(3) : "-",
	    COL(4) ? COL(4) : "-");
	wrapped("kind:", line);
	wrapped("equipment:", COL(5));
	bk_dose_format(sqlite3_column_int(st, 6), sqlite3_column_int(st, 7),
	    sqlite3_column_int(st, 8), sqlite3_column_int(st, 9), dose,
	    sizeof dose);
	if (sqlite3_column_int(st, 10) > 0) {
		snprintf(line, sizeof line, "%s, rest %s between sets", dose,
		    bk_duration_format(sqlite3_column_int(st, 10), rest,
		    sizeof rest));
		wrapped("dose:", line);
	} else
		wrapped("dose:", dose);
	if (COL(11)[0])
		wrapped("cues:", COL(11));
	if (COL(12)[0])
		wrapped("cautions:", COL(12));
	src = COL(13);
	if (sqlite3_column_int(st, 14) == 0)
		wrapped("source:", "added by you");
	else if ((title = bk_source_title(src))) {
		snprintf(line, sizeof line, "article %s, \"%s\"", src, title);
		wrapped("source:", line);
	} else if (src[0])
		wrapped("source:", src);
#undef COL
	sqlite3_finalize(st);
}

static void
join_words(char *buf, size_t len, const char *const *w, int n)
{
	size_t k;
	int i;

	buf[0] = '\0';
	for (i = 0; i < n; i++) {
		k = strlen(buf);
		snprintf(buf + k, len - k, "%s%s", i ? " " : "", w[i]);
	}
}

static void
cmd_exercise_add(struct bk_db *db, const struct opts *o, const char *slug)
{
	sqlite3_stmt *st;
	char regions[256], equipment[256], today[11];
	const char *none = "none";

	if (!bk_slug_valid(slug))
		usage_error("invalid slug '%s' (lowercase letters, digits and "
		    "hyphens, starting with a letter, at most 64)", slug);
	if (!o->name)
		usage_error("%s", "exercise add needs --name NAME");
	if (!o->name[0] || strlen(o->name) > 200)
		usage_error("invalid name '%s' (1 to 200 bytes)", o->name);
	join_words(regions, sizeof regions, o->region, o->nregion);
	join_words(equipment, sizeof equipment,
	    o->nequipment ? o->equipment : &none,
	    o->nequipment ? o->nequipment : 1);
	bk_db_begin(db);
	st = bk_db_prepare(db, "SELECT slug FROM exercises WHERE slug = ?1 "
	    "OR name = ?2 COLLATE NOCASE");
	sqlite3_bind_text(st, 1, slug, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, o->name, -1, SQLITE_STATIC);
	if (bk_db_step(db, st) == SQLITE_ROW) {
		if (strcmp((const char *)sqlite3_column_text(st, 0), slug) == 0)
			bk_errx(BK_EXIT_DATA, "cannot add '%s': an exercise "
			    "with that slug exists", slug);
		bk_errx(BK_EXIT_DATA, "cannot add '%s': exercise '%s' has "
		    "the name '%s'", slug, sqlite3_column_text(st, 0),
		    o->name);
	}
	sqlite3_finalize(st);
	st = bk_db_prepare(db, "INSERT INTO exercises (slug, name, regions,"
	    " kind, position, equipment, sets, reps, builtin, added)"
	    " VALUES (?, ?, ?, ?, ?, ?, 1, 10, 0, ?)");
	sqlite3_bind_text(st, 1, slug, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, o->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, regions, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, o->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, o->position, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, equipment, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, bk_date_format(bk_today(), today), -1,
	    SQLITE_STATIC);
	bk_db_step(db, st);
	sqlite3_finalize(st);
	bk_db_commit(db);
	printf("added exercise %s\n", slug);
}

int
main(int argc, char *argv[])
{
	struct opts o;
	struct bk_db db;
	char seen[64];
	size_t nseen = 0;
	const char *sub;
	int c;

	bk_init(argv[0]);
	memset(&o, 0, sizeof o);
	o.format = -1;
	while ((c = getopt_long(argc, argv, "d:e:f:hk:n:p:r:V", longopts,
	    NULL)) != -1) {
		if (nseen < sizeof seen - 1 && !memchr(seen, c, nseen))
			seen[nseen++] = (char)c;
		switch (c) {
		case 'd':
			o.db = optarg;
			break;
		case 'e':
			check_word("equipment", bk_equipment, optarg);
			if (o.nequipment == MAXWORDS)
				usage_error("too many --equipment '%s'", optarg);
			o.equipment[o.nequipment++] = optarg;
			break;
		case 'f':
			if ((o.format = bk_format_parse(optarg)) < 0)
				usage_error("invalid format '%s' (one of: table, "
				    "csv, tsv, json)", optarg);
			break;
		case 'h':
			fputs(usage_text, stdout);
			return bk_close_stdout();
		case 'k':
			check_word("kind", bk_kinds, optarg);
			o.kind = optarg;
			break;
		case 'n':
			o.name = optarg;
			break;
		case 'p':
			check_word("position", bk_positions, optarg);
			o.position = optarg;
			break;
		case 'r':
			check_word("region", bk_regions, optarg);
			if (o.nregion == MAXWORDS)
				usage_error("too many --region '%s'", optarg);
			o.region[o.nregion++] = optarg;
			break;
		case 'V':
			puts("bk-plan (backkit) " BK_VERSION);
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
	argv += optind;
	if (argc < 1)
		usage_error("%s", "missing command");
	sub = argv[0];

	if (strcmp(sub, "exercises") == 0) {
		only_options(&o, sub, "erkpf");
		if (argc > 1)
			usage_error("unexpected argument '%s'", argv[1]);
		if (o.nregion > 1 || o.nequipment > 1)
			usage_error("%s", "exercises takes one --region and one "
			    "--equipment");
		bk_db_open(&db, o.db, BK_DB_READ);
		cmd_exercises(&db, &o);
	} else if (strcmp(sub, "exercise") == 0 && argc > 1 &&
	    strcmp(argv[1], "add") == 0) {
		only_options(&o, "exercise add", "nrkpe");
		if (argc < 3)
			usage_error("%s", "exercise add needs a SLUG");
		if (argc > 3)
			usage_error("unexpected argument '%s'", argv[3]);
		bk_db_open(&db, o.db, BK_DB_WRITE);
		cmd_exercise_add(&db, &o, argv[2]);
	} else if (strcmp(sub, "exercise") == 0) {
		only_options(&o, sub, "f");
		if (argc < 2)
			usage_error("%s", "exercise needs a SLUG");
		if (argc > 2)
			usage_error("unexpected argument '%s'", argv[2]);
		bk_db_open(&db, o.db, BK_DB_READ);
		cmd_exercise_show(&db, &o, argv[1]);
	} else
		usage_error("unknown command '%s'", sub);
	bk_db_close(&db);
	return bk_close_stdout();
}
