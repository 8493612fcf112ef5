/* bk-plan - the exercise catalog, program templates and plans */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bk.h"

static const char usage_text[] =
    "usage: bk-plan exercises [--region R] [--kind K] [--position P]\n"
    "                         [--equipment E] [--format F]\n"
    "       bk-plan exercise SLUG [--format F]\n"
    "       bk-plan exercise add SLUG --name NAME [--region R]... [--kind K]\n"
    "                         [--position P] [--equipment E]...\n"
    "       bk-plan templates [--format F]\n"
    "       bk-plan template NAME|PATH\n"
    "       bk-plan new NAME [--template NAME|PATH] [--start DATE] [--days N]\n"
    "                         [--on WEEKDAYS] [--times N]\n"
    "       bk-plan add NAME EXERCISE [SPEC] [--on WEEKDAYS] [--days A-B]\n"
    "                         [--side SIDE] [--times N]\n"
    "       bk-plan rm NAME [EXERCISE [--on WEEKDAYS] [--days A-B]]\n"
    "       bk-plan end NAME [--date DATE]\n"
    "       bk-plan undo [--dry-run]\n"
    "       bk-plan list [--format F]\n"
    "       bk-plan show [NAME] [--date DATE | --week [DATE] | --all]\n"
    "                         [--format F]\n"
    "       bk-plan today [NAME] [--quiet] [--format F]\n"
    "       bk-plan next [NAME] [--format F]\n"
    "       bk-plan check [NAME]\n"
    "       bk-plan export [NAME] [--format ics|csv|tsv|json]\n"
    "                         [--at HH:MM[,HH:MM...]] [--alarm DUR]\n"
    "       bk-plan remind [NAME] [--at HH:MM[,HH:MM...] | --every DUR]\n"
    "                         [--between HH:MM-HH:MM] [--on WEEKDAYS]\n"
    "                         [--cron | --print | --off]\n"
    "       bk-plan notify [NAME]\n"
    "common options: [--db PATH] [-h | --help] [--version]\n";

static const char *const optnames[] = { "all", "date", "days", "db",
	"dry-run", "equipment", "format", "help", "kind", "name", "on", "position",
	"region", "side", "start", "template", "times", "version", "week",
	"complete", "alarm", "at", "between", "cron", "every", "off", "print",
	"quiet", NULL };
static struct option longopts[48];
static char shortopts[128];

/* the options each subcommand takes, besides --db, --help and --version */
static const struct bk_subopts subopts[] = {
	{ "exercises", "equipment region kind position format" },
	{ "exercise add", "name region kind position equipment" },
	{ "exercise", "format" },
	{ "templates", "format" },
	{ "template", "" },
	{ "new", "template start days on times" },
	{ "add", "on days side times" },
	{ "rm", "on days" },
	{ "end", "date" },
	{ "undo", "dry-run" },
	{ "list", "format" },
	{ "show", "date week all format" },
	{ "today", "format quiet" },
	{ "check", "" },
	{ "export", "format at alarm" },
	{ "next", "format" },
	{ "remind", "at every between on cron print off" },
	{ "notify", "" },
	{ NULL, NULL }
};

static const char *const commands[] = { "exercises", "exercise",
	"templates", "template", "new", "add", "rm", "end", "undo", "list",
	"show", "today", "check", "export", "next", "remind", "notify",
	NULL };


_Noreturn static void
usage_error(const char *fmt, const char *arg)
{
	bk_usage_error(usage_text, fmt, arg);
}

/* only the options subopts names may be given to a subcommand */
static void
only_options(const struct bk_planopts *o, const char *sub)
{
	bk_opt_only(subopts, sub, longopts, o->seen, usage_text);
}


/* the words of an operand or an option's value, for the completions */
static const char *
complete_words(const char *sub, const char *opt, int n)
{
	if (opt) {
		if (strcmp(opt, "side") == 0)
			return "left right forward backward";
		if (strcmp(opt, "template") == 0)
			return ":template :files";
		if (strcmp(opt, "format") == 0 && sub &&
		    strcmp(sub, "export") == 0)
			return "ics csv tsv json";
		return NULL;
	}
	if (!sub)
		return NULL;
	if (strcmp(sub, "exercise") == 0)
		return n == 0 ? "add :exercise" : NULL;
	if (strcmp(sub, "template") == 0)
		return n == 0 ? ":template :files" : NULL;
	if (strcmp(sub, "add") == 0 || strcmp(sub, "rm") == 0)
		return n == 0 ? ":plan" : n == 1 ? ":exercise" : NULL;
	if (strcmp(sub, "new") == 0 || strcmp(sub, "exercises") == 0 ||
	    strcmp(sub, "templates") == 0 || strcmp(sub, "undo") == 0 ||
	    strcmp(sub, "list") == 0 || strcmp(sub, "exercise add") == 0)
		return NULL;
	return n == 0 ? ":plan" : NULL;
}

static int
complete(const char *what, int argc, char **argv)
{
	static const struct bk_complete c = { commands, subopts, longopts,
		NULL, NULL, complete_words };

	return bk_complete_run(&c, what, argc, argv);
}

static int
parse_times(const char *s)
{
	long long v;

	if (bk_parse_int(s, 1, 20, &v) != 0)
		usage_error("invalid --times '%s' (sessions a day, 1 to 20)",
		    s);
	return (int)v;
}

static void
parse_date(const char *opt, const char *s, bk_day today, bk_day *out)
{
	if (bk_date_parse(s, today, BK_DATE_FUTURE, out) != 0)
		bk_usage("invalid --%s '%s' (%s)", opt, s, bk_date_hint);
}

static void
parse_at(struct bk_planopts *o, const char *s)
{
	const char *why;
	char v[512];

	if (bk_clock_list_parse(s, o->at, BK_AT_MAX, &o->nat, &why) != 0)
		bk_usage("invalid --at '%s': %s", bk_term_snprint(v, sizeof v, s),
		    why);
}

static long
parse_duration(const char *opt, const char *s)
{
	const char *why;
	char v[512];
	long secs;

	if (bk_duration_parse(s, &secs, &why) != 0)
		bk_usage("invalid --%s '%s': %s", opt,
		    bk_term_snprint(v, sizeof v, s), why);
	return secs;
}

/* --between HH:MM-HH:MM: a span within one day */
static void
parse_between(struct bk_planopts *o, const char *s)
{
	const char *dash = strchr(s, '-'), *why;
	char a[8], v[512];
	int n;

	if (!dash || dash - s > 5 || dash == s)
		goto bad;
	memcpy(a, s, (size_t)(dash - s));
	a[dash - s] = '\0';
	if (bk_clock_list_parse(a, &o->between[0], 1, &n, &why) != 0 ||
	    bk_clock_list_parse(dash + 1, &o->between[1], 1, &n, &why) != 0)
		goto bad;
	if (o->between[1] <= o->between[0])
		bk_usage("invalid --between '%s': it must end after it begins",
		    bk_term_snprint(v, sizeof v, s));
	o->has_between = 1;
	return;
bad:
	bk_usage("invalid --between '%s' (HH:MM-HH:MM, as 09:00-17:00)",
	    bk_term_snprint(v, sizeof v, s));
}

static void
parse_weekdays(struct bk_planopts *o, const char *s)
{
	const char *bad;
	size_t badlen;

	char v[512];

	if (bk_weekdays_parse(s, &o->on, &bad, &badlen) != 0)
		bk_usage("invalid weekday '%.*s' in --on '%s' (mon, tue, wed, "
		    "thu, fri, sat, sun, separated by commas)",
		    (int)(badlen > 40 ? 40 : badlen), bad,
		    bk_term_snprint(v, sizeof v, s));
}

/* "--week DATE" (or "-w DATE"): the word after an option whose argument
 * is optional is its argument when it parses as a date, even one that
 * looks like an option ("-1w"); getopt_long only takes "--week=DATE".
 * The words are rewritten so; the joined ones live until exit. */
static void
join_week(int argc, char **argv)
{
	bk_day d;
	size_t n;
	char *w;
	int i, j;

	for (i = 1; i + 1 < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "--week") != 0 && strcmp(argv[i], "-w") != 0)
			continue;
		if (bk_date_parse(argv[i + 1], bk_today(), BK_DATE_FUTURE,
		    &d) != 0)
			continue;
		n = strlen(argv[i + 1]) + 8;
		w = bk_xmalloc(n);
		snprintf(w, n, "--week=%s", argv[i + 1]);
		argv[i] = w;
		for (j = i + 1; j + 1 < argc; j++)
			argv[j] = argv[j + 1];
		argv[argc - 1] = NULL;
		argc--;
	}
}

/* operands: at least min and at most max after the command word */
static void
operands(int argc, char **argv, int min, int max, const char *what)
{
	if (argc - 1 < min)
		usage_error("%s", what);
	if (argc - 1 > max)
		usage_error("unexpected argument '%s'", argv[max + 1]);
}

int
main(int argc, char *argv[])
{
	static char dflt_sub[] = "today";
	static char *dflt[] = { dflt_sub, NULL };
	struct bk_planopts o;
	struct bk_db db;
	char seen[64];
	size_t nseen = 0;
	const char *sub, *week_arg = NULL;
	int help = 0, c, rc = 0;

	bk_init(argv[0]);
	bk_opt_build(optnames, longopts, sizeof longopts / sizeof longopts[0],
	    shortopts, sizeof shortopts);
	memset(&o, 0, sizeof o);
	memset(&db, 0, sizeof db);
	bk_usage_text = usage_text;
	o.fmt = -1;
	o.alarm_s = -1;
	join_week(argc, argv);
	for (c = 0; argv[c]; c++)
		;
	argc = c;
	opterr = 0;
	while ((c = getopt_long(argc, argv,
	    shortopts, longopts, NULL)) != -1) {
		if (nseen < sizeof seen - 1 && !memchr(seen, c, nseen))
			seen[nseen++] = (char)c;
		switch (c) {
		case 'a':
			o.all = 1;
			break;
		case 'D':
			o.date_arg = optarg;
			break;
		case 'd':
			o.db = optarg;
			break;
		case 'E':
			bk_check_word("equipment", bk_equipment, optarg);
			if (o.nequipment == BK_PLAN_MAXWORDS)
				usage_error("too many --equipment '%s'",
				    optarg);
			o.equipment[o.nequipment++] = optarg;
			break;
		case 'f':
			o.format = optarg;
			break;
		case 'h':
			help = 1;
			break;
		case 'k':
			bk_check_word("kind", bk_kinds, optarg);
			o.kind = optarg;
			break;
		case 'N':
			o.days = optarg;
			break;
		case '&':
			o.name = optarg;
			break;
		case 'o':
			parse_weekdays(&o, optarg);
			break;
		case 'P':
			bk_check_word("position", bk_positions, optarg);
			o.position = optarg;
			break;
		case 'r':
			bk_check_word("region", bk_regions, optarg);
			if (o.nregion == BK_PLAN_MAXWORDS)
				usage_error("too many --region '%s'", optarg);
			o.region[o.nregion++] = optarg;
			break;
		case 'S':
			o.side = bk_word_index(bk_template_sides, optarg);
			if (o.side <= 0)
				usage_error("invalid side '%s' (one of: left, "
				    "right, forward, backward)", optarg);
			o.side_arg = optarg;
			break;
		case '>':
			o.start_arg = optarg;
			break;
		case '=':
			o.template = optarg;
			break;
		case 'n':
			o.dry_run = 1;
			break;
		case 'V':
			puts("bk-plan (backkit) " BK_VERSION);
			return bk_close_stdout();
		case 'w':
			o.week = 1;
			week_arg = optarg;
			break;
		case '^':
			o.times = parse_times(optarg);
			break;
		case '*':
			parse_at(&o, optarg);
			break;
		case '~':
			o.alarm_s = parse_duration("alarm", optarg);
			break;
		case '$':
			o.every_s = parse_duration("every", optarg);
			break;
		case '[':
			parse_between(&o, optarg);
			break;
		case ']':
			o.cron = 1;
			break;
		case '_':
			o.print = 1;
			break;
		case '{':
			o.off = 1;
			break;
		case 'q':
			o.quiet = 1;
			break;
		case '#':
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
		bk_usage_show(stdout, usage_text, argc > 0 ? argv[0] : NULL);
		return bk_close_stdout();
	}
	if (argc < 1) {
		/* alone, the day's report */
		argv = dflt;
		argc = 1;
	}
	sub = argv[0];
	if (strcmp(sub, "help") == 0) {
		operands(argc, argv, 0, 0, "");
		fputs(usage_text, stdout);
		return bk_close_stdout();
	}
	o.today = bk_today();
	if (o.start_arg) {
		parse_date("start", o.start_arg, o.today, &o.start);
		o.has_start = 1;
	}
	if (o.date_arg) {
		parse_date("date", o.date_arg, o.today, &o.date);
		o.has_date = 1;
	}
	if (week_arg) {
		parse_date("week", week_arg, o.today, &o.week_date);
		o.has_week = 1;
	}
	if (o.format) {
		if (strcmp(o.format, "ics") == 0 && strcmp(sub, "export") == 0)
			;
		else if ((o.fmt = bk_format_parse(o.format)) < 0)
			usage_error(strcmp(sub, "export") == 0 ?
			    "invalid format '%s' (one of: ics, csv, tsv, json, "
			    "table)" : "invalid format '%s' (one of: table, "
			    "csv, tsv, json)", o.format);
	}

	if (strcmp(sub, "exercises") == 0) {
		only_options(&o, sub);
		operands(argc, argv, 0, 0, "");
		if (o.nregion > 1 || o.nequipment > 1)
			usage_error("%s", "exercises takes one --region and "
			    "one --equipment");
		bk_db_open(&db, o.db, BK_DB_READ);
		bk_plancmd_exercises(&db, &o);
	} else if (strcmp(sub, "exercise") == 0 && argc > 1 &&
	    strcmp(argv[1], "add") == 0) {
		only_options(&o, "exercise add");
		if (argc < 3)
			usage_error("%s", "exercise add needs a SLUG");
		if (argc > 3)
			usage_error("unexpected argument '%s'", argv[3]);
		bk_db_open(&db, o.db, BK_DB_WRITE);
		bk_plancmd_exercise_add(&db, &o, argv[2]);
	} else if (strcmp(sub, "exercise") == 0) {
		only_options(&o, sub);
		operands(argc, argv, 1, 1, "exercise needs a SLUG");
		bk_db_open(&db, o.db, BK_DB_READ);
		bk_plancmd_exercise_show(&db, &o, argv[1]);
	} else if (strcmp(sub, "templates") == 0) {
		only_options(&o, sub);
		operands(argc, argv, 0, 0, "");
		rc = bk_plancmd_templates(&o);
	} else if (strcmp(sub, "template") == 0) {
		only_options(&o, sub);
		operands(argc, argv, 1, 1, "template needs a NAME or PATH");
		bk_plancmd_template(&o, argv[1]);
	} else if (strcmp(sub, "new") == 0) {
		only_options(&o, sub);
		operands(argc, argv, 1, 1, "new needs a plan NAME");
		rc = bk_plancmd_new(&db, &o, argv[1]);
	} else if (strcmp(sub, "add") == 0) {
		only_options(&o, sub);
		operands(argc, argv, 2, 3, "add needs a plan NAME and an "
		    "EXERCISE");
		rc = bk_plancmd_add(&db, &o, argv + 1, argc - 1);
	} else if (strcmp(sub, "rm") == 0) {
		only_options(&o, sub);
		operands(argc, argv, 1, 2, "rm needs a plan NAME");
		rc = bk_plancmd_rm(&db, &o, argv + 1, argc - 1);
	} else if (strcmp(sub, "end") == 0) {
		only_options(&o, sub);
		operands(argc, argv, 1, 1, "end needs a plan NAME");
		rc = bk_plancmd_end(&db, &o, argv[1]);
	} else if (strcmp(sub, "undo") == 0) {
		only_options(&o, sub);
		operands(argc, argv, 0, 0, "");
		bk_journal_undo_command(&db, o.db, o.dry_run);
	} else if (strcmp(sub, "list") == 0) {
		only_options(&o, sub);
		operands(argc, argv, 0, 0, "");
		rc = bk_planshow_list(&db, &o);
	} else if (strcmp(sub, "show") == 0) {
		only_options(&o, sub);
		if (!!o.date_arg + o.week + o.all > 1)
			usage_error("%s", "show takes one of --date, --week "
			    "and --all");
		/* "--week DATE": a date after --week is its argument unless
		 * it names a plan */
		if (o.week && !week_arg && argc == 2)
			o.week_or_plan = argv[1];
		else if (o.week && !week_arg && argc == 3) {
			parse_date("week", argv[2], o.today, &o.week_date);
			o.has_week = 1;
			argc--;
		}
		operands(argc, argv, 0, 1, "");
		rc = bk_planshow_show(&db, &o, argc > 1 ? argv[1] : NULL, 0);
	} else if (strcmp(sub, "today") == 0) {
		only_options(&o, sub);
		operands(argc, argv, 0, 1, "");
		if (o.quiet && o.format)
			usage_error("%s", "today takes --quiet or --format, "
			    "not both");
		if (o.quiet)
			rc = bk_remind_quiet(&db, &o, argc > 1 ? argv[1] : NULL);
		else
			rc = bk_planshow_show(&db, &o, argc > 1 ? argv[1] :
			    NULL, 1);
	} else if (strcmp(sub, "check") == 0) {
		only_options(&o, sub);
		operands(argc, argv, 0, 1, "");
		rc = bk_planshow_check(&db, &o, argc > 1 ? argv[1] : NULL);
	} else if (strcmp(sub, "export") == 0) {
		only_options(&o, sub);
		operands(argc, argv, 0, 1, "");
		if (o.format && strcmp(o.format, "ics") == 0)
			rc = bk_icsplan_export(&db, &o, argc > 1 ? argv[1] :
			    NULL);
		else if (o.nat || o.alarm_s >= 0)
			usage_error("%s", o.nat ? "--at needs --format ics" :
			    "--alarm needs --format ics");
		else
			rc = bk_planshow_export(&db, &o, argc > 1 ? argv[1] :
			    NULL);
	} else if (strcmp(sub, "next") == 0) {
		only_options(&o, sub);
		operands(argc, argv, 0, 1, "");
		rc = bk_remind_next(&db, &o, argc > 1 ? argv[1] : NULL);
	} else if (strcmp(sub, "remind") == 0) {
		only_options(&o, sub);
		operands(argc, argv, 0, 1, "");
		rc = bk_remind_setup(&db, &o, argc > 1 ? argv[1] : NULL);
	} else if (strcmp(sub, "notify") == 0) {
		only_options(&o, sub);
		operands(argc, argv, 0, 1, "");
		rc = bk_remind_notify(&db, &o, argc > 1 ? argv[1] : NULL);
	} else
		usage_error("unknown command '%s'", sub);
	bk_db_close(&db);
	c = bk_close_stdout();
	return rc ? rc : c;
}
