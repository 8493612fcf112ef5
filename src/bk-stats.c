/* bk-stats - reports as tables, CSV, TSV or JSON, and plots */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bk.h"

static const char usage_text[] =
    "usage: bk-stats summary [--plan NAME]\n"
    "       bk-stats volume [--by day|week|month] [--exercise X] [--plan NAME]\n"
    "                       [--since D] [--until D] [--format F]\n"
    "       bk-stats adherence [--by day|week|month] [--exercise X]\n"
    "                          [--plan NAME] [--since D] [--until D] [--format F]\n"
    "       bk-stats streak | exercises [--exercise X] [--plan NAME]\n"
    "                          [--since D] [--until D] [--format F]\n"
    "       bk-stats flex | pain [--since D] [--until D] [--format F]\n"
    "       bk-stats plot flex|volume|adherence|pain [--by day|week|month]\n"
    "                     [--exercise X] [--plan NAME] [--since D] [--until D]\n"
    "                     [--output FILE.png|FILE.svg] [--terminal dumb]\n"
    "F: table, csv, tsv or json\n"
    "common options: [--db PATH] [-h | --help] [--version]\n";

static const char *const optnames[] = { "by", "db", "exercise", "format",
	"help", "output", "plan", "since", "terminal", "until", "version",
	"complete", "explain", NULL };
static struct option longopts[48];
static char shortopts[128];

/* the reports: their columns, and the options that apply to them */
static const char *const volume_cols[] = { "period", "exercise", "sets",
	"reps", "hold_seconds", "load_kg", "warmup_sets" };
static const char *const adherence_cols[] = { "period", "plan", "planned",
	"done", "skipped", "percent", "partly" };
static const char *const flex_cols[] = { "date", "kind", "reach_cm" };
static const char *const pain_cols[] = { "date", "region", "rating" };
static const char *const streak_cols[] = { "current_days", "current_since",
	"longest_days", "longest_from", "longest_to", "last_active" };
static const char *const exercises_cols[] = { "exercise", "name", "sets",
	"reps", "hold_seconds", "best_load_kg", "best_hold_seconds",
	"last_done", "warmup_sets" };

static const struct report {
	const char *name;
	const char *options;	/* as their letters */
	const char *const *cols;
	int ncols;
} reports[] = {
	{ "volume", "sufbep%", volume_cols, 7 },
	{ "adherence", "sufbep%", adherence_cols, 7 },
	{ "flex", "suf%", flex_cols, 3 },
	{ "pain", "suf%", pain_cols, 3 },
	{ "streak", "sufep%", streak_cols, 6 },
	{ "exercises", "sufep%", exercises_cols, 9 },
	{ NULL, NULL, NULL, 0 }
};

/* the options of each plot, as letters */
static const char *const plot_options[] = { "suO@", "suO@bep", "suO@bep",
	"suO@" };

struct opts {
	const char *db, *since, *until, *exercise, *plan, *output;
	int by, format, dumb, explain;
	const char *seen;	/* options given, as their letters */
};

_Noreturn static void
usage_error(const char *fmt, const char *arg)
{
	bk_usage_error(usage_text, fmt, arg);
}

static void
only_options(const struct opts *o, const char *sub, const char *allowed)
{
	bk_only_options(longopts, o->seen, sub, allowed, usage_text);
}

/* the words of an operand or an option's value, for the completions */
static const char *
complete_words(const char *sub, const char *opt, int n)
{
	if (opt)
		return strcmp(opt, "exercise") == 0 ? ":exercise" :
		    strcmp(opt, "plan") == 0 ? ":plan" : NULL;
	return sub && strcmp(sub, "plot") == 0 && n == 0 ?
	    "flex volume adherence pain" : NULL;
}

/* the options of each report and plot, by name, from their letters */
static void
complete_names(const char *letters, char *buf, size_t len)
{
	const struct option *lo;
	size_t k = 0;

	buf[0] = '\0';
	for (; *letters; letters++)
		for (lo = longopts; lo->name; lo++)
			if (lo->val == *letters && k + strlen(lo->name) + 2 < len)
				k += (size_t)snprintf(buf + k, len - k, "%s%s",
				    k ? " " : "", lo->name);
}

static int
complete(const char *what, int argc, char **argv)
{
	static const char *const subs[] = { "summary", "volume", "adherence",
		"streak", "exercises", "flex", "pain", "plot", NULL };
	static const char *const plots[] = { "flex", "volume", "adherence",
		"pain" };
	static char names[16][160], subs2[4][24];
	static struct bk_subopts t[16];
	struct bk_complete c = { subs, t, longopts, NULL, NULL,
		complete_words };
	size_t i, k = 0;

	t[k].sub = "summary";
	complete_names("p", names[k], sizeof names[k]);
	t[k].options = names[k];
	k++;
	t[k].sub = "plot";
	complete_names("suO@bep", names[k], sizeof names[k]);
	t[k].options = names[k];
	k++;
	for (i = 0; reports[i].name; i++, k++) {
		t[k].sub = reports[i].name;
		complete_names(reports[i].options, names[k], sizeof names[k]);
		t[k].options = names[k];
	}
	for (i = 0; i < 4; i++, k++) {
		snprintf(subs2[i], sizeof subs2[i], "plot %s", plots[i]);
		t[k].sub = subs2[i];
		complete_names(plot_options[i], names[k], sizeof names[k]);
		t[k].options = names[k];
	}
	t[k].sub = t[k].options = NULL;
	return bk_complete_run(&c, what, argc, argv);
}

/* a period (2026-03, last week) is its first day for --since, its last
 * for --until; weeks start as the config says */
static void
parse_date(const char *opt, const char *s, bk_day today, int week_start,
    char *out)
{
	bk_day first, last;

	if (bk_date_parse_period(s, today, BK_DATE_PAST, week_start, &first,
	    &last) != 0)
		bk_usage_error(usage_text, "invalid date '%s' for --%s (%s)", s,
		    opt, bk_date_hint);
	bk_date_format(strcmp(opt, "until") == 0 ? last : first, out);
}

/* the filter from the options; names are looked up in the store */
static void
make_filter(struct bk_db *db, const struct opts *o,
    const struct bk_config *cfg, struct bk_stats_filter *f)
{
	memset(f, 0, sizeof *f);
	f->today = bk_today();
	f->by = o->by;
	f->week_sunday = cfg->week_sunday;
	f->exercise = f->plan = -1;
	if (o->since)
		parse_date("since", o->since, f->today,
		    cfg->week_sunday ? 7 : 1, f->since);
	if (o->until)
		parse_date("until", o->until, f->today,
		    cfg->week_sunday ? 7 : 1, f->until);
	if (o->since && o->until && strcmp(f->since, f->until) > 0)
		bk_usage_error(usage_text, "--since %s is after --until %s",
		    f->since, f->until);
	bk_stats_init(db);
	if (o->exercise && (f->exercise = bk_catalog_lookup(db,
	    o->exercise)) < 0)
		exit(BK_EXIT_USAGE);
	if (o->plan && (f->plan = bk_plan_find(db, o->plan)) < 0)
		exit(BK_EXIT_USAGE);
}

static void
run_report(struct bk_db *db, const struct report *r,
    const struct bk_stats_filter *f, const struct opts *o)
{
	sqlite3_stmt *st = NULL;
	struct bk_out *out;

	if (strcmp(r->name, "volume") == 0)
		st = bk_stats_volume(db, f);
	else if (strcmp(r->name, "adherence") == 0)
		st = bk_stats_adherence(db, f);
	else if (strcmp(r->name, "flex") == 0)
		st = bk_stats_flex(db, f, 0);
	else if (strcmp(r->name, "pain") == 0)
		st = bk_stats_pain(db, f, 0);
	else if (strcmp(r->name, "streak") == 0)
		st = bk_stats_streak(db, f);
	else
		st = bk_stats_exercises(db, f, 0);
	if (o->explain) {
		bk_stats_explain(db, st, stdout);
		sqlite3_finalize(st);
		return;
	}
	out = bk_out_new(stdout, o->format >= 0 ? o->format :
	    (int)bk_format_default(), (const char **)r->cols, r->ncols);
	while (bk_db_step(db, st) == SQLITE_ROW)
		bk_out_stmt(out, st);
	bk_out_end(out);
	sqlite3_finalize(st);
}

int
main(int argc, char *argv[])
{
	static char dflt_sub[] = "summary";
	static char *dflt[] = { dflt_sub, NULL };
	const struct report *r;
	struct bk_stats_filter f;
	struct bk_plot_opts po;
	struct bk_config cfg;
	struct opts o;
	struct bk_db db;
	char seen[64];
	size_t nseen = 0;
	const char *sub;
	int help = 0, c, kind, rc = BK_EXIT_OK;

	bk_init(argv[0]);
	bk_opt_build(optnames, longopts, sizeof longopts / sizeof longopts[0],
	    shortopts, sizeof shortopts);
	memset(&o, 0, sizeof o);
	o.format = -1;
	o.by = BK_BY_WEEK;
	opterr = 0;
	while ((c = getopt_long(argc, argv, shortopts, longopts,
	    NULL)) != -1) {
		if (nseen < sizeof seen - 1 && !memchr(seen, c, nseen))
			seen[nseen++] = (char)c;
		switch (c) {
		case 'b':
			if ((o.by = bk_stats_by_parse(optarg)) < 0)
				usage_error("invalid --by '%s' (one of: day, "
				    "week, month)", optarg);
			break;
		case 'd':
			o.db = optarg;
			break;
		case 'f':
			if ((o.format = bk_format_parse(optarg)) < 0)
				usage_error("invalid format '%s' (one of: table, "
				    "csv, tsv, json)", optarg);
			break;
		case 'h':
			help = 1;
			break;
		case 'O':
			o.output = optarg;
			break;
		case 'p':
			o.plan = optarg;
			break;
		case 's':
			o.since = optarg;
			break;
		case '@':
			if (strcmp(optarg, "dumb") != 0)
				usage_error("invalid terminal '%s' (dumb; the "
				    "output file's extension picks png or svg)",
				    optarg);
			o.dumb = 1;
			break;
		case 'u':
			o.until = optarg;
			break;
		case 'V':
			puts("bk-stats (backkit) " BK_VERSION);
			return bk_close_stdout();
		case 'e':
			o.exercise = optarg;
			break;
		case '#':
			return complete(optarg, argc - optind, argv + optind);
		case '%':
			o.explain = 1;
			break;
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
		if (argc > 1)
			usage_error("unexpected argument '%s'", argv[1]);
		fputs(usage_text, stdout);
		return bk_close_stdout();
	}
	bk_config_load(&cfg);

	if (strcmp(sub, "summary") == 0) {
		only_options(&o, sub, "p");
		if (argc > 1)
			usage_error("unexpected argument '%s'", argv[1]);
		bk_db_open(&db, o.db, BK_DB_READONLY);
		bk_plan_refresh(&db, bk_today());
		make_filter(&db, &o, &cfg, &f);
		bk_stats_summary(&db, &f, cfg.imperial, stdout);
	} else if (strcmp(sub, "plot") == 0) {
		char what[40];

		/* from here on, a usage error shows plot's usage */
		bk_usage_sub = sub;
		if (argc < 2)
			usage_error("%s", "plot needs one of: flex, volume, "
			    "adherence, pain");
		if ((kind = bk_plot_kind_parse(argv[1])) < 0)
			usage_error("unknown plot '%s' (one of: flex, volume, "
			    "adherence, pain)", argv[1]);
		if (argc > 2)
			usage_error("unexpected argument '%s'", argv[2]);
		snprintf(what, sizeof what, "plot %s", argv[1]);
		only_options(&o, what, plot_options[kind]);
		memset(&po, 0, sizeof po);
		po.output = o.output;
		po.imperial = cfg.imperial;
		po.plan_name = o.plan;
		if (o.dumb)
			po.term = BK_PLOT_DUMB;
		else if (o.output) {
			if ((c = bk_plot_term_for(o.output)) < 0)
				usage_error("cannot tell the image format of "
				    "'%s': name a .png or .svg file, or use "
				    "--terminal dumb", o.output);
			po.term = c;
		} else if (isatty(STDOUT_FILENO))
			po.term = BK_PLOT_DUMB;
		else
			usage_error("%s", "standard output is not a terminal: "
			    "use --output FILE.png|FILE.svg, or --terminal "
			    "dumb for text");
		bk_db_open(&db, o.db, BK_DB_READONLY);
		bk_plan_refresh(&db, bk_today());
		make_filter(&db, &o, &cfg, &f);
		if (bk_plot_draw(&db, kind, &f, &po) != 0)
			rc = BK_EXIT_DATA;
	} else {
		for (r = reports; r->name; r++)
			if (strcmp(sub, r->name) == 0)
				break;
		if (!r->name)
			usage_error("unknown command '%s'", sub);
		only_options(&o, sub, r->options);
		if (argc > 1)
			usage_error("unexpected argument '%s'", argv[1]);
		bk_db_open(&db, o.db, BK_DB_READONLY);
		bk_plan_refresh(&db, bk_today());
		make_filter(&db, &o, &cfg, &f);
		run_report(&db, r, &f, &o);
	}
	bk_db_close(&db);
	if (bk_close_stdout() != 0)
		rc = BK_EXIT_DATA;
	return rc;
}
