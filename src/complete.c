/* complete.c - the hidden completion helper every shell script calls:
 * given the words typed so far, the candidates for the last one, from the
 * option table, the command's subcommands and the store */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "bk.h"

static const char *const date_words[] = { "today", "yesterday", "tomorrow",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "sow", "eow", "som", "eom", "soy", "eoy", "last-week",
	"this-week", "next-week", "last-month", "this-month", "next-month",
	NULL };
static const char *const weekday_words[] = { "mon", "tue", "wed", "thu",
	"fri", "sat", "sun", NULL };

/* the word lists a ":NAME" word stands for */
static const struct {
	const char *name;
	const char *const *list;
} lists[] = {
	{ "region", bk_regions },
	{ "kind", bk_kinds },
	{ "position", bk_positions },
	{ "equipment", bk_equipment },
	{ "test-kind", bk_test_kinds },
	{ "protocol", bk_protocols },
	{ "sex", bk_sexes },
	{ "level", bk_reach_levels },
	{ "import-format", bk_logfmt_names },
	{ "config-key", bk_config_keys },
	{ "date", date_words },
	{ "weekday", weekday_words },
	{ NULL, NULL }
};

/* what is being completed, and where the store is */
struct state {
	const char *cur;	/* the word being completed */
	const char *prefix;	/* put before each candidate ("--week=") */
	size_t plen;
	const char *db;	/* --db given on the line */
	int files;	/* say ":files" at the end */
	int nodesc;	/* the words alone, no descriptions */
};

static void
put(const struct state *s, const char *word, const char *desc)
{
	size_t n = strlen(s->cur);

	if (strlen(word) + s->plen < n ||
	    strncmp(s->prefix, s->cur, s->plen < n ? s->plen : n) != 0 ||
	    (n > s->plen && strncmp(word, s->cur + s->plen, n - s->plen) != 0))
		return;
	printf("%.*s%s", (int)s->plen, s->prefix, word);
	if (desc && *desc && !s->nodesc)
		printf("\t%s", desc);
	putchar('\n');
}

static void
put_list(const struct state *s, const char *const *list)
{
	for (; *list; list++)
		put(s, *list, NULL);
}

/* the store's rows, quietly: a completion never creates the store, and
 * one that cannot be read offers nothing */
static void
put_rows(const struct state *s, const char *sql)
{
	struct bk_db db;
	sqlite3_stmt *st;
	const char *env = getenv("BK_COMPLETE_DB");

	fflush(stdout);
	bk_db_open(&db, s->db ? s->db : env && *env ? env : NULL,
	    BK_DB_READONLY);
	st = bk_db_prepare(&db, sql);
	while (bk_db_step(&db, st) == SQLITE_ROW)
		put(s, (const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1));
	sqlite3_finalize(st);
	bk_db_close(&db);
}

static void
put_templates(const struct state *s)
{
	char **names;
	int i, n;

	names = bk_plan_template_names(&n);
	for (i = 0; i < n; i++)
		put(s, names[i], NULL);
	bk_plan_names_free(names, n);
}

/* the words of spec: literal words, and ":NAME" for a list or the store */
static void
put_spec(struct state *s, const char *spec)
{
	char w[64];
	size_t n;
	int i;

	while (spec && *spec) {
		n = strcspn(spec, " ");
		if (n && n < sizeof w) {
			memcpy(w, spec, n);
			w[n] = '\0';
			if (w[0] != ':')
				put(s, w, NULL);
			else if (strcmp(w, ":files") == 0)
				s->files = 1;
			else if (strcmp(w, ":exercise") == 0)
				put_rows(s, "SELECT slug, name FROM exercises "
				    "ORDER BY slug");
			else if (strcmp(w, ":plan") == 0)
				put_rows(s, "SELECT name, NULL FROM plans "
				    "ORDER BY name");
			else if (strcmp(w, ":template") == 0)
				put_templates(s);
			else
				for (i = 0; lists[i].name; i++)
					if (strcmp(w + 1, lists[i].name) == 0)
						put_list(s, lists[i].list);
		}
		spec += n;
		while (*spec == ' ')
			spec++;
	}
}

static const struct bk_subopts *
sub_entry(const struct bk_subopts *t, const char *sub)
{
	for (; t && t->sub; t++)
		if (strcmp(t->sub, sub) == 0)
			return t;
	return NULL;
}

/* whether sub takes the option name (every one takes --db, --help) */
static int
takes(const struct bk_complete *c, const char *sub, const char *name)
{
	const struct bk_subopts *e;
	const char *p;
	size_t n = strlen(name);

	if (strcmp(name, "db") == 0 || strcmp(name, "help") == 0 ||
	    strcmp(name, "version") == 0)
		return 1;
	if (!sub)
		return 1;
	if (!(e = sub_entry(c->subopts, sub)))
		return 0;
	for (p = e->options; (p = strstr(p, name)); p += n)
		if ((p == e->options || p[-1] == ' ') &&
		    (p[n] == ' ' || p[n] == '\0'))
			return 1;
	return 0;
}

/* the option a word names: "--da" (a unique prefix), "--date=x", or the
 * letter c */
static const struct bk_option *
option_of(const struct bk_complete *c, const char *word, int letter)
{
	const struct option *lo, *found = NULL;
	size_t n = strcspn(word, "=");

	for (lo = c->longopts; lo->name; lo++) {
		if (letter) {
			if (lo->val == letter)
				return bk_opt_find(lo->name);
			continue;
		}
		if (strncmp(lo->name, word, n) != 0)
			continue;
		if (lo->name[n] == '\0')
			return bk_opt_find(lo->name);
		if (found)
			return NULL;
		found = lo;
	}
	return found ? bk_opt_find(found->name) : NULL;
}

/* the values an option takes: the command's own words first, else what
 * its argument's shape says */
static void
put_values(const struct bk_complete *c, struct state *s, const char *sub,
    const struct bk_option *op)
{
	const char *spec = c->words ? c->words(sub, op->name, 0) : NULL;
	const char *a, *comma;
	char list[128];
	size_t n;

	if (spec) {
		put_spec(s, spec);
		return;
	}
	if (strcmp(op->name, "on") == 0) {
		/* a list: complete its last weekday */
		comma = strrchr(s->cur + s->plen, ',');
		if (comma) {
			n = (size_t)(comma + 1 - s->cur);
			s->prefix = s->cur;
			s->plen = n;
		}
		put_spec(s, ":weekday");
		return;
	}
	if (strcmp(op->name, "format") == 0) {
		put_spec(s, c->formats ? c->formats : "table csv tsv json");
		return;
	}
	switch (op->arg) {
	case BK_ARG_DATE:
	case BK_ARG_OPTDATE:
		put_spec(s, ":date");
		return;
	case BK_ARG_PATH:
		s->files = 1;
		return;
	default:
		break;
	}
	if (strcmp(op->name, "region") == 0 || strcmp(op->name, "kind") == 0 ||
	    strcmp(op->name, "position") == 0 ||
	    strcmp(op->name, "equipment") == 0) {
		snprintf(list, sizeof list, ":%s", op->name);
		put_spec(s, list);
		return;
	}
	/* "day|week|month": the words of the argument's name */
	for (a = op->argname; a && *a; a++)
		if (!strchr("abcdefghijklmnopqrstuvwxyz|", *a))
			return;
	if (op->argname && strlen(op->argname) < sizeof list) {
		snprintf(list, sizeof list, "%s", op->argname);
		for (n = 0; list[n]; n++)
			if (list[n] == '|')
				list[n] = ' ';
		put_spec(s, list);
	}
}

static void
put_options(const struct bk_complete *c, struct state *s, const char *sub)
{
	const struct option *lo;
	const struct bk_option *op;
	char w[48];

	for (lo = c->longopts; lo->name; lo++) {
		if (!(op = bk_opt_find(lo->name)) || !op->help ||
		    !takes(c, sub, op->name))
			continue;
		snprintf(w, sizeof w, "--%s", op->name);
		put(s, w, op->help);
	}
}

/* the subcommands: the command's list, or the first words of its
 * option table's entries */
static void
put_commands(const struct bk_complete *c, const struct state *s)
{
	const struct bk_subopts *e, *f;
	size_t i;

	if (c->commands) {
		for (i = 0; c->commands[i]; i++)
			put(s, c->commands[i], NULL);
		return;
	}
	for (e = c->subopts; e && e->sub; e++) {
		if (strchr(e->sub, ' '))
			continue;
		for (f = c->subopts; f < e; f++)
			if (strcmp(f->sub, e->sub) == 0)
				break;
		if (f == e)
			put(s, e->sub, NULL);
	}
}

static int
is_command(const struct bk_complete *c, const char *w)
{
	size_t i;

	if (!c->commands)
		return !strchr(w, ' ') && sub_entry(c->subopts, w) != NULL;
	for (i = 0; c->commands[i]; i++)
		if (strcmp(c->commands[i], w) == 0)
			return 1;
	return 0;
}

/* words: the words after the command, the last the one being completed */
static void
complete_words(const struct bk_complete *c, int n, char **words)
{
	const struct bk_option *op, *value_of = NULL, *maybe_of = NULL;
	struct state s;
	char sub2[64];
	const char *sub = NULL, *w, *l;
	int i, nops = 0, dashdash = 0;

	memset(&s, 0, sizeof s);
	s.prefix = "";
	s.cur = n > 0 ? words[n - 1] : "";
	for (i = 0; i < n - 1; i++) {
		w = words[i];
		op = NULL;
		if (!dashdash && strcmp(w, "--") == 0) {
			dashdash = 1;
			continue;
		}
		if (!dashdash && w[0] == '-' && w[1] == '-') {
			if ((op = option_of(c, w + 2, 0)) &&
			    op->arg != BK_ARG_NONE &&
			    op->arg != BK_ARG_OPTDATE && !strchr(w, '=')) {
				if (i + 1 == n - 1)
					value_of = op;
				else if (strcmp(op->name, "db") == 0)
					s.db = words[i + 1];
				i++;
			} else if (op && strcmp(op->name, "db") == 0)
				s.db = strchr(w, '=') + 1;
			else if (op && op->arg == BK_ARG_OPTDATE &&
			    !strchr(w, '=') && i + 1 == n - 1)
				maybe_of = op;	/* --week [DATE] */
			continue;
		}
		if (!dashdash && w[0] == '-' && w[1] && !(w[1] >= '0' &&
		    w[1] <= '9')) {
			for (l = w + 1; *l; l++) {
				if ((op = option_of(c, "", *l)) &&
				    op->arg == BK_ARG_OPTDATE && !l[1] &&
				    i + 1 == n - 1)
					maybe_of = op;
				if (!op || op->arg == BK_ARG_NONE ||
				    op->arg == BK_ARG_OPTDATE)
					continue;
				if (l[1] == '\0') {
					if (i + 1 == n - 1)
						value_of = op;
					else if (op->letter == 'd')
						s.db = words[i + 1];
					i++;
				} else if (op->letter == 'd')
					s.db = l + 1;
				break;
			}
			continue;
		}
		if (!sub && is_command(c, w)) {
			sub = w;
			continue;
		}
		if (!sub && c->dflt_sub) {
			/* bk-log EXERCISE: the exercise is log's first
			 * operand */
			sub = c->dflt_sub;
		} else if (sub && sub != sub2 && nops == 0 &&
		    snprintf(sub2, sizeof sub2,
		    "%s %s", sub, w) < (int)sizeof sub2 &&
		    sub_entry(c->subopts, sub2)) {
			sub = sub2;
			continue;
		}
		nops++;
	}
	if (value_of) {
		put_values(c, &s, sub, value_of);
	} else if (!dashdash && s.cur[0] == '-' && s.cur[1] == '-' &&
	    strchr(s.cur, '=')) {
		/* --week=D */
		if ((op = option_of(c, s.cur + 2, 0)) &&
		    op->arg != BK_ARG_NONE) {
			s.plen = (size_t)(strchr(s.cur, '=') + 1 - s.cur);
			s.prefix = s.cur;
			put_values(c, &s, sub, op);
		}
	} else if (!dashdash && s.cur[0] == '-' &&
	    !(s.cur[1] >= '0' && s.cur[1] <= '9')) {
		put_options(c, &s, sub);
	} else {
		/* an operand, or the date an optional argument may be */
		if (maybe_of)
			put_values(c, &s, sub, maybe_of);
		if (!sub) {
			put_commands(c, &s);
			if (c->words)
				put_spec(&s, c->words(NULL, NULL, 0));
		} else if (c->words)
			put_spec(&s, c->words(sub, NULL, nops));
	}
	if (s.files)
		puts(":files");
}

int
bk_complete_run(const struct bk_complete *c, const char *what, int argc,
    char **argv)
{
	const struct option *lo;
	const struct bk_option *op;
	struct state s;

	if (argc > 0 && strcmp(argv[0], "--") == 0) {
		argc--;
		argv++;
	}
	memset(&s, 0, sizeof s);
	s.prefix = s.cur = "";
	s.nodesc = strcmp(what, "exercises") == 0;
	if (strcmp(what, "words") == 0)
		complete_words(c, argc, argv);
	else if (strcmp(what, "commands") == 0)
		put_commands(c, &s);
	else if (strcmp(what, "letters") == 0)
		bk_opt_letters(c->longopts);
	else if (strncmp(what, "options:", 8) == 0)
		put_options(c, &s, what + 8);
	else if (strcmp(what, "options") == 0) {
		for (lo = c->longopts; lo->name; lo++)
			if ((op = bk_opt_find(lo->name)) && op->help)
				printf("--%s\n", lo->name);
	} else if (strcmp(what, "exercises") == 0)
		put_spec(&s, ":exercise");
	else if (strcmp(what, "plans") == 0)
		put_spec(&s, ":plan");
	else if (strcmp(what, "templates") == 0)
		put_spec(&s, ":template");
	else
		bk_usage("invalid --complete '%s'", what);
	return bk_close_stdout();
}
