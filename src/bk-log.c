/* bk-log - log sets and skips; list, remove, undo, export and import them */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bk.h"

static const char usage_text[] =
    "usage: bk-log EXERCISE [SPEC] [--date D] [--time HH:MM]\n"
    "              [--side left|right|both] [--hold DUR] [--rpe N]\n"
    "              [--note TEXT] [--plan NAME]\n"
    "       bk-log skip EXERCISE [--reason TEXT] [--date D] [--plan NAME]\n"
    "       bk-log list [--since D] [--until D] [--exercise X] [--format F]\n"
    "       bk-log rm ID...\n"
    "       bk-log edit ID... [SPEC] [--reps N] [--hold DUR] [--load W]\n"
    "              [--rpe N] [--note TEXT] [--date D] [--time HH:MM]\n"
    "              [--side left|right]\n"
    "       bk-log undo [--dry-run]\n"
    "       bk-log export [--since D] [--until D] [--exercise X] [--format F]\n"
    "       bk-log import FILE|- [--format auto|bk|strong|fitnotes|hevy]\n"
    "              [--units kg|lb] [--dry-run] [--create-missing]\n"
    "       bk-log session [PLAN] [--date D] [--no-timer | --timer]\n"
    "       bk-log done [PLAN] [--except EXERCISE]... [--date D]\n"
    "SPEC: 3x10, 3x8@5kg, 2x10@15lb, 3x30s, 2x1m, 12\n"
    "common options: [--db PATH] [-h | --help] [--version]\n";

static const char *const optnames[] = { "create-missing", "date", "db",
	"dry-run", "exercise", "format", "help", "hold", "load", "no-timer", "note",
	"plan", "reason", "reps", "rpe", "side", "since", "time", "timer", "until",
	"units", "version", "complete", "except", NULL };
static struct option longopts[48];
static char shortopts[128];

/* the options each subcommand takes, besides --db, --help and --version */
static const struct bk_subopts subopts[] = {
	{ "skip", "reason date plan" },
	{ "list", "since until exercise format" },
	{ "export", "since until exercise format" },
	{ "rm", "" },
	{ "edit", "reps hold load rpe note date time side" },
	{ "undo", "dry-run" },
	{ "session", "date no-timer timer" },
	{ "done", "except date" },
	{ "import", "format dry-run create-missing units" },
	{ "log", "date time side hold rpe note plan" },
	{ NULL, NULL }
};

static const char *const subcommands[] = { "skip", "list", "rm", "edit",
	"undo", "export", "import", "log", "session", "done", NULL };
static const char *const sides[] = { "left", "right", "both", NULL };


_Noreturn static void
usage_error(const char *fmt, const char *arg)
{
	bk_usage_error(usage_text, fmt, arg);
}

/* only the options subopts names may be given to a subcommand */
static void
only_options(const struct bk_logopts *o, const char *sub)
{
	bk_opt_only(subopts, sub, longopts, o->seen, usage_text);
}

/* a date; a period (2026-03, last week) is its first day, or with last
 * its last day (--until) */
static bk_day
date_arg(const char *what, const char *s, bk_day today, int last)
{
	bk_day first, end;

	if (bk_date_parse_period(s, today, BK_DATE_PAST, 1, &first, &end) != 0)
		bk_usage("invalid %s '%s' (%s)", what, s, bk_date_hint);
	return last ? end : first;
}


/* the words of an operand or an option's value, for the completions */
static const char *
complete_words(const char *sub, const char *opt, int n)
{
	if (opt) {
		if (strcmp(opt, "side") == 0)
			return "left right both";
		if (strcmp(opt, "format") == 0 && sub &&
		    strcmp(sub, "import") == 0)
			return ":import-format";
		if (strcmp(opt, "exercise") == 0 || strcmp(opt, "except") == 0)
			return ":exercise";
		if (strcmp(opt, "plan") == 0)
			return ":plan";
		if (strcmp(opt, "units") == 0)
			return "kg lb";
		return NULL;
	}
	if (n > 0)
		return NULL;
	if (!sub || strcmp(sub, "log") == 0 || strcmp(sub, "skip") == 0)
		return ":exercise";
	if (strcmp(sub, "session") == 0 || strcmp(sub, "done") == 0)
		return ":plan";
	if (strcmp(sub, "import") == 0)
		return "- :files";
	return NULL;
}

static int
complete(const char *what, int argc, char **argv)
{
	static const struct bk_complete c = { subcommands, subopts, longopts,
		NULL, "log", complete_words };

	return bk_complete_run(&c, what, argc, argv);
}

int
main(int argc, char *argv[])
{
	struct bk_logopts o;
	struct bk_db db;
	char seen[64];
	size_t nseen = 0;
	const char *sub, *why;
	int help = 0, c;

	bk_init(argv[0]);
	bk_opt_build(optnames, longopts, sizeof longopts / sizeof longopts[0],
	    shortopts, sizeof shortopts);
	memset(&o, 0, sizeof o);
	memset(&db, 0, sizeof db);
	o.rpe = o.load_kg = -1;
	o.units = -1;
	o.usage = usage_text;
	o.today = bk_today();
	o.day = o.today;
	opterr = 0;
	while ((c = getopt_long(argc, argv, shortopts,
	    longopts, NULL)) != -1) {
		if (nseen < sizeof seen - 1 && !memchr(seen, c, nseen))
			seen[nseen++] = (char)c;
		switch (c) {
		case 'c':
			o.create_missing = 1;
			break;
		case 'D':
			o.date_s = optarg;
			o.day = date_arg("date", optarg, o.today, 0);
			if (o.day > o.today)
				bk_usage("invalid date '%s': it is "
				    "after today", optarg);
			break;
		case 'd':
			o.db = optarg;
			break;
		case 'n':
			o.dry_run = 1;
			break;
		case '+':
			o.no_timer = 1;
			break;
		case 'T':
			o.timer = 1;
			break;
		case 'e':
			o.exercise = optarg;
			break;
		case 'f':
			o.format = optarg;
			break;
		case 'h':
			help = 1;
			break;
		case 'H':
			if (bk_duration_parse(optarg, &o.hold_s, &why) != 0)
				bk_usage("invalid hold '%s': %s",
				    optarg, why);
			break;
		case 'l':
			if (bk_load_parse(optarg, &o.load_kg, &why) != 0)
				bk_usage("invalid load '%s': %s",
				    optarg, why);
			break;
		case 'm':
			o.note = optarg;
			break;
		case 'x':
			if (bk_parse_int(optarg, 1, BK_REPS_MAX, &o.reps) != 0)
				bk_usage("invalid reps '%s' (a whole "
				    "number from 1 to %d)", optarg, BK_REPS_MAX);
			break;
		case 'p':
			o.plan = optarg;
			break;
		case 'R':
			o.reason = optarg;
			break;
		case '/':
			if (bk_decimal_parse(optarg, 0, &o.rpe) != 0 ||
			    o.rpe > 10)
				bk_usage("invalid RPE '%s' (0 to 10)",
				    optarg);
			o.rpe = bk_round3(o.rpe);
			break;
		case 'S':
			if (bk_word_index(sides, optarg) < 0)
				bk_usage("invalid side '%s' (one of: "
				    "left, right, both)", optarg);
			o.side = optarg;
			break;
		case 's':
			o.since_s = optarg;
			o.since = date_arg("date", optarg, o.today, 0);
			break;
		case 't':
			if (bk_logio_time(optarg, o.time) != 0)
				bk_usage("invalid time '%s' "
				    "(HH:MM, 00:00 to 23:59)", optarg);
			break;
		case 'u':
			o.until_s = optarg;
			o.until = date_arg("date", optarg, o.today, 1);
			break;
		case 'U':
			if (strcmp(optarg, "kg") == 0)
				o.units = 0;
			else if (strcmp(optarg, "lb") == 0)
				o.units = 1;
			else
				bk_usage("invalid units '%s' (kg or "
				    "lb)", optarg);
			break;
		case 'V':
			free(o.except);
			puts("bk-log (backkit) " BK_VERSION);
			return bk_close_stdout();
		case '!':
			if (!o.except)
				o.except = bk_xmalloc(argc * sizeof *o.except);
			o.except[o.nexcept++] = optarg;
			break;
		case '#':
			free(o.except);
			return complete(optarg, argc - optind, argv + optind);
		default:
			bk_getopt_fail(argv, optind, optopt, shortopts);
		}
	}
	seen[nseen] = '\0';
	o.seen = seen;
	argc -= optind;
	argv += optind;
	if (help) {
		free(o.except);
		bk_usage_show(stdout, usage_text, argc > 0 ? argv[0] : NULL);
		return bk_close_stdout();
	}
	if (argc < 1)
		usage_error("%s", "missing exercise or command");
	sub = argv[0];
	if (strcmp(sub, "help") == 0) {
		if (argc > 1)
			usage_error("unexpected argument '%s'", argv[1]);
		free(o.except);
		fputs(usage_text, stdout);
		return bk_close_stdout();
	}

	if (strcmp(sub, "skip") == 0) {
		only_options(&o, sub);
		if (argc < 2)
			usage_error("%s", "skip needs an EXERCISE");
		if (argc > 2)
			usage_error("unexpected argument '%s'", argv[2]);
		if (o.day == o.today)
			bk_logcmd_now(o.time);
		bk_logcmd_skip(&db, &o, argv[1]);
	} else if (strcmp(sub, "list") == 0 || strcmp(sub, "export") == 0) {
		only_options(&o, sub);
		if (argc > 1)
			usage_error("unexpected argument '%s'", argv[1]);
		if (sub[0] == 'l')
			bk_logcmd_list(&db, &o);
		else
			bk_logcmd_export(&db, &o);
	} else if (strcmp(sub, "rm") == 0) {
		only_options(&o, sub);
		if (argc < 2)
			usage_error("%s", "rm needs at least one ID");
		bk_logcmd_rm(&db, &o, argc - 1, argv + 1);
	} else if (strcmp(sub, "edit") == 0) {
		only_options(&o, sub);
		if (argc < 2)
			usage_error("%s", "edit needs at least one ID");
		bk_logcmd_edit(&db, &o, argc - 1, argv + 1);
	} else if (strcmp(sub, "undo") == 0) {
		only_options(&o, sub);
		if (argc > 1)
			usage_error("unexpected argument '%s'", argv[1]);
		bk_journal_undo_command(&db, o.db, o.dry_run);
	} else if (strcmp(sub, "session") == 0) {
		only_options(&o, sub);
		if (o.timer && o.no_timer)
			usage_error("%s", "--timer and --no-timer do not go "
			    "together");
		if (argc > 2)
			usage_error("unexpected argument '%s'", argv[2]);
		bk_guide_run(&db, &o, argc > 1 ? argv[1] : NULL);
	} else if (strcmp(sub, "done") == 0) {
		only_options(&o, sub);
		if (argc > 2)
			usage_error("unexpected argument '%s'", argv[2]);
		if (o.day == o.today)
			bk_logcmd_now(o.time);
		bk_logcmd_done(&db, &o, argc > 1 ? argv[1] : NULL);
	} else if (strcmp(sub, "import") == 0) {
		only_options(&o, sub);
		if (argc < 2)
			usage_error("%s", "import needs a FILE (or - for stdin)");
		if (argc > 2)
			usage_error("unexpected argument '%s'", argv[2]);
		bk_import_run(&db, &o, argv[1]);
	} else {
		if (strcmp(sub, "log") == 0) {
			argc--;
			argv++;
			if (argc < 1)
				usage_error("%s", "log needs an EXERCISE");
		}
		only_options(&o, "log");
		if (argc > 2)
			usage_error("unexpected argument '%s'", argv[2]);
		if (!o.time[0] && o.day == o.today)
			bk_logcmd_now(o.time);
		bk_logcmd_log(&db, &o, argv[0], argc > 1 ? argv[1] : NULL);
	}
	free(o.except);
	bk_db_close(&db);
	return bk_close_stdout();
}
