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

static const char *const optnames[] = { "age", "date", "db", "dry-run",
	"format", "help", "kind", "note", "protocol", "region", "since", "sex",
	"until", "version", "complete", NULL };
static struct option longopts[48];
static char shortopts[128];

/* the options each subcommand takes, besides --db, --help and --version */
static const struct bk_subopts subopts[] = {
	{ "toe-touch", "date note" },
	{ "sit-and-reach", "date note protocol age sex" },
	{ "pain", "date note region" },
	{ "list", "kind region since until format" },
	{ "rm", "" },
	{ "edit", "date note" },
	{ "undo", "dry-run" },
	{ "how", "" },
	{ "progress", "region since until format" },
	{ NULL, NULL }
};

static const char *const commands[] = { "toe-touch", "sit-and-reach",
	"pain", "list", "rm", "edit", "undo", "how", "progress", NULL };

static char **args;	/* argv with the operands last */

_Noreturn static void
usage_error(const char *fmt, const char *arg)
{
	bk_usage_error(usage_text, fmt, arg);
}

/* only the options subopts names may be given to a subcommand */
static void
only_options(const struct bk_testopts *o, const char *sub)
{
	bk_opt_only(subopts, sub, longopts, o->seen, usage_text);
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

/* the words of an operand or an option's value, for the completions */
static const char *
complete_words(const char *sub, const char *opt, int n)
{
	if (opt)
		return strcmp(opt, "kind") == 0 ? ":test-kind" : NULL;
	if (!sub)
		return NULL;
	if (strcmp(sub, "toe-touch") == 0)
		return ":level";
	if ((strcmp(sub, "how") == 0 || strcmp(sub, "progress") == 0) &&
	    n == 0)
		return ":test-kind";
	return NULL;
}

static int
complete(const char *what, int argc, char **argv)
{
	static const struct bk_complete c = { commands, subopts, longopts,
		NULL, NULL, complete_words };

	return bk_complete_run(&c, what, argc, argv);
}

int
main(int argc, char *argv[])
{
	struct bk_testopts o;
	struct bk_db db;
	char seen[64];
	size_t nseen = 0;
	long long n;
	const char *sub;
	int help = 0, c;

	bk_init(argv[0]);
	bk_opt_build(optnames, longopts, sizeof longopts / sizeof longopts[0],
	    shortopts, sizeof shortopts);
	bk_usage_text = usage_text;
	memset(&o, 0, sizeof o);
	memset(&db, 0, sizeof db);
	o.format = o.protocol = o.age = -1;
	args = split_operands(argc, argv);
	for (argc = 0; args[argc]; argc++)
		;
	opterr = 0;
	while ((c = getopt_long(argc, args, shortopts, longopts, NULL)) !=
	    -1) {
		if (nseen < sizeof seen - 1 && !memchr(seen, c, nseen))
			seen[nseen++] = (char)c;
		switch (c) {
		case 'A':
			if (bk_parse_int(optarg, 1, 120, &n) != 0)
				bk_usage("invalid age '%s' (a whole "
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
				bk_usage("invalid format '%s' (one "
				    "of: table, csv, tsv, json)", optarg);
			break;
		case 'h':
			help = 1;
			break;
		case 'k':
			bk_check_word("kind", bk_test_kinds, optarg);
			o.kind = optarg;
			break;
		case 'm':
			o.note = optarg;
			break;
		case 'n':
			o.dry_run = 1;
			break;
		case '.':
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
		case '<':
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
		case '#':
			return complete(optarg, argc - optind, args + optind);
		default:
			bk_getopt_fail(args, optind, optopt, shortopts);
		}
	}
	seen[nseen] = '\0';
	o.seen = seen;
	argc -= optind;
	argv = args + optind;
	if (help) {
		bk_usage_show(stdout, usage_text, argc > 0 ? argv[0] : NULL);
		return bk_close_stdout();
	}
	if (argc < 1)
		usage_error("%s", "missing command");
	sub = argv[0];
	if (strcmp(sub, "help") == 0) {
		if (argc > 1)
			usage_error("unexpected argument '%s'", argv[1]);
		fputs(usage_text, stdout);
		return bk_close_stdout();
	}

	if (strcmp(sub, "toe-touch") == 0) {
		only_options(&o, sub);
		if (argc < 2)
			usage_error("%s", "toe-touch needs a REACH");
		bk_testcmd_toe_touch(&db, &o, argc - 1, argv + 1);
	} else if (strcmp(sub, "sit-and-reach") == 0) {
		only_options(&o, sub);
		if (argc < 2)
			usage_error("%s", "sit-and-reach needs a VALUE");
		bk_testcmd_sit_and_reach(&db, &o, argc - 1, argv + 1);
	} else if (strcmp(sub, "pain") == 0) {
		only_options(&o, sub);
		if (argc < 2)
			usage_error("%s", "pain needs a RATING");
		if (argc > 2)
			usage_error("unexpected argument '%s'", argv[2]);
		bk_testcmd_pain(&db, &o, argv[1]);
	} else if (strcmp(sub, "list") == 0) {
		only_options(&o, sub);
		if (argc > 1)
			usage_error("unexpected argument '%s'", argv[1]);
		bk_testcmd_list(&db, &o);
	} else if (strcmp(sub, "rm") == 0) {
		only_options(&o, sub);
		if (argc < 2)
			usage_error("%s", "rm needs an ID");
		bk_testcmd_rm(&db, &o, argc - 1, argv + 1);
	} else if (strcmp(sub, "edit") == 0) {
		only_options(&o, sub);
		if (argc < 2)
			usage_error("%s", "edit needs an ID");
		if (argc > 3)
			usage_error("unexpected argument '%s'", argv[3]);
		bk_testcmd_edit(&db, &o, argv[1], argc > 2 ? argv[2] : NULL);
	} else if (strcmp(sub, "undo") == 0) {
		only_options(&o, sub);
		if (argc > 1)
			usage_error("unexpected argument '%s'", argv[1]);
		bk_journal_undo_command(&db, o.db, o.dry_run);
	} else if (strcmp(sub, "how") == 0) {
		only_options(&o, sub);
		if (argc > 2)
			usage_error("unexpected argument '%s'", argv[2]);
		if (argc == 2)
			bk_check_word("kind", bk_test_kinds, argv[1]);
		bk_testcmd_how(argc == 2 ? argv[1] : NULL);
	} else if (strcmp(sub, "progress") == 0) {
		only_options(&o, sub);
		if (argc > 2)
			usage_error("unexpected argument '%s'", argv[2]);
		bk_testprog_run(&db, &o, argc == 2 ? argv[1] : NULL);
	} else
		usage_error("unknown command '%s'", sub);
	if (db.h)
		bk_db_close(&db);
	free(args);
	return bk_close_stdout();
}
