/* options.c - the suite's one option table: every option has one long
 * name, at most one letter, one meaning and one argument shape in every
 * command; each command names the options it takes and its getopt_long
 * tables are built from here */
#include <getopt.h>
#include <string.h>

#include "bk.h"

/* code: the letter, or for an option without one a byte that is never a
 * letter, so that getopt_long can return it and a command can switch on it
 * (a byte not in the short options: "-#" is refused) */
const struct bk_option bk_options[] = {
	{ "age", 'A', 'A', BK_ARG_NUMBER, "N", "age in years, for the norms" },
	{ "alarm", 0, '~', BK_ARG_DURATION, "DUR",
	    "a reminder this long before" },
	{ "all", 'a', 'a', BK_ARG_NONE, NULL, "every day of the plan" },
	{ "at", 0, '*', BK_ARG_STRING, "HH:MM[,HH:MM...]",
	    "times of day" },
	{ "between", 0, '[', BK_ARG_STRING, "HH:MM-HH:MM",
	    "remind: only in these hours" },
	{ "by", 'b', 'b', BK_ARG_WORD, "day|week|month", "period of a row" },
	{ "complete", 0, '#', BK_ARG_WORD, "WHAT", NULL },
	{ "create-missing", 'c', 'c', BK_ARG_NONE, NULL,
	    "import: add unknown exercises" },
	{ "cron", 0, ']', BK_ARG_NONE, NULL,
	    "remind: print crontab lines" },
	{ "date", 'D', 'D', BK_ARG_DATE, "D", "the day it is for" },
	{ "days", 'N', 'N', BK_ARG_STRING, "N|A-B",
	    "length of a plan, or its days an item is on" },
	{ "db", 'd', 'd', BK_ARG_PATH, "PATH", "the store to use" },
	{ "dry-run", 'n', 'n', BK_ARG_NONE, NULL,
	    "write nothing, show what would be done" },
	{ "equipment", 'E', 'E', BK_ARG_WORD, "E", "equipment needed" },
	{ "every", 0, '$', BK_ARG_DURATION, "DUR",
	    "remind: this often" },
	{ "exercise", 'e', 'e', BK_ARG_STRING, "X", "one exercise only" },
	{ "except", 0, '!', BK_ARG_STRING, "EXERCISE",
	    "done: leave this exercise out" },
	{ "explain", 0, '%', BK_ARG_NONE, NULL, NULL },
	{ "format", 'f', 'f', BK_ARG_WORD, "F", "output (or file) format" },
	{ "help", 'h', 'h', BK_ARG_NONE, NULL, "the usage" },
	{ "hold", 'H', 'H', BK_ARG_DURATION, "DUR", "hold of every rep, as 5s" },
	{ "kind", 'k', 'k', BK_ARG_WORD, "K", "kind of exercise or test" },
	{ "load", 'l', 'l', BK_ARG_STRING, "W", "load, as 5kg or 10lb" },
	{ "name", 0, '&', BK_ARG_STRING, "NAME", "display name" },
	{ "no-timer", 0, '+', BK_ARG_NONE, NULL, "session: no countdowns" },
	{ "note", 'm', 'm', BK_ARG_STRING, "TEXT", "a note" },
	{ "off", 0, '{', BK_ARG_NONE, NULL, "remind: remove the reminders" },
	{ "on", 'o', 'o', BK_ARG_STRING, "WEEKDAYS", "weekdays, as mon,thu" },
	{ "output", 'O', 'O', BK_ARG_PATH, "FILE", "plot: the image file" },
	{ "plan", 'p', 'p', BK_ARG_STRING, "NAME", "one plan only" },
	{ "position", 'P', 'P', BK_ARG_WORD, "P", "body position" },
	{ "print", 0, '_', BK_ARG_NONE, NULL,
	    "remind: print the units, install nothing" },
	{ "protocol", 0, '.', BK_ARG_WORD, "ymca|acsm",
	    "sit-and-reach protocol" },
	{ "quiet", 'q', 'q', BK_ARG_NONE, NULL,
	    "print nothing; the exit status tells" },
	{ "reason", 'R', 'R', BK_ARG_STRING, "TEXT", "why it was skipped" },
	{ "region", 'r', 'r', BK_ARG_WORD, "R", "body region" },
	{ "reps", 'x', 'x', BK_ARG_NUMBER, "N", "reps of every set" },
	{ "rpe", 0, '/', BK_ARG_NUMBER, "N", "effort, 0 to 10" },
	{ "sex", 0, '<', BK_ARG_WORD, "male|female", "for the norms" },
	{ "side", 'S', 'S', BK_ARG_WORD, "SIDE", "side worked" },
	{ "since", 's', 's', BK_ARG_DATE, "D", "from this day" },
	{ "start", 0, '>', BK_ARG_DATE, "DATE", "first day of a plan" },
	{ "template", 0, '=', BK_ARG_STRING, "NAME|PATH",
	    "program a plan is made from" },
	{ "terminal", 0, '@', BK_ARG_WORD, "dumb", "plot: as text" },
	{ "time", 't', 't', BK_ARG_STRING, "HH:MM", "time of day" },
	{ "timer", 'T', 'T', BK_ARG_NONE, NULL, "session: countdowns" },
	{ "times", 0, '^', BK_ARG_NUMBER, "N", "sessions a day" },
	{ "units", 'U', 'U', BK_ARG_WORD, "kg|lb",
	    "import: unit of weights the file does not name" },
	{ "until", 'u', 'u', BK_ARG_DATE, "D", "up to this day" },
	{ "version", 'V', 'V', BK_ARG_NONE, NULL, "the version" },
	{ "week", 'w', 'w', BK_ARG_OPTDATE, "DATE", "the week of a day" },
	{ NULL, 0, 0, BK_ARG_NONE, NULL, NULL }
};

static int usage_lines(FILE *fp, const char *usage, const char *sub);

const struct bk_option *
bk_opt_find(const char *name)
{
	const struct bk_option *op;

	for (op = bk_options; op->name; op++)
		if (strcmp(op->name, name) == 0)
			return op;
	return NULL;
}

void
bk_opt_build(const char *const *names, struct option *lo, size_t nlo,
    char *shortopts, size_t nshort)
{
	const struct bk_option *op;
	size_t i, s = 0;

	for (i = 0; names[i]; i++) {
		if (!(op = bk_opt_find(names[i])) || i + 1 >= nlo ||
		    s + 4 >= nshort)
			bk_errx(BK_EXIT_DATA, "option table: no room for "
			    "--%s", names[i]);
		lo[i].name = op->name;
		lo[i].has_arg = op->arg == BK_ARG_NONE ? no_argument :
		    op->arg == BK_ARG_OPTDATE ? optional_argument :
		    required_argument;
		lo[i].flag = NULL;
		lo[i].val = op->code;
		if (!op->letter)
			continue;
		shortopts[s++] = (char)op->letter;
		if (op->arg != BK_ARG_NONE)
			shortopts[s++] = ':';
		if (op->arg == BK_ARG_OPTDATE)
			shortopts[s++] = ':';
	}
	memset(&lo[i], 0, sizeof lo[i]);
	shortopts[s] = '\0';
	bk_usage_lines = usage_lines;
}

void
bk_opt_letters(const struct option *lo)
{
	const struct bk_option *op;

	for (; lo->name; lo++)
		if ((op = bk_opt_find(lo->name)) && op->letter)
			printf("-%c --%s\n", op->letter, op->name);
}

static const struct bk_subopts *
sub_entry(const struct bk_subopts *t, const char *sub)
{
	for (; t->sub; t++)
		if (strcmp(t->sub, sub) == 0)
			return t;
	return NULL;
}

/* the codes of the options named in names ("date note"), into buf */
static void
codes(const char *names, char *buf, size_t len)
{
	const struct bk_option *op;
	char name[32];
	size_t n, k = 0;

	while (*names) {
		n = strcspn(names, " ");
		if (n && n < sizeof name) {
			memcpy(name, names, n);
			name[n] = '\0';
			if (!(op = bk_opt_find(name)))
				bk_errx(BK_EXIT_DATA, "option table: no --%s",
				    name);
			if (k + 1 < len)
				buf[k++] = (char)op->code;
		}
		names += n;
		while (*names == ' ')
			names++;
	}
	buf[k] = '\0';
}

void
bk_opt_only(const struct bk_subopts *t, const char *sub,
    const struct option *lo, const char *seen, const char *usage)
{
	const struct bk_subopts *e = sub_entry(t, sub);
	char allowed[64];

	codes(e ? e->options : "", allowed, sizeof allowed);
	bk_only_options(lo, seen, sub, allowed, usage);
}

#define NOPTIONS (sizeof bk_options / sizeof bk_options[0])

/* mark in named the options that text (up to end) names as --NAME */
static void
names_in(const char *text, const char *end, unsigned char *named)
{
	const struct bk_option *op;
	char name[32];
	size_t n;

	for (; text + 2 < end; text++) {
		if (text[0] != '-' || text[1] != '-' || (text > end - 3))
			continue;
		n = strspn(text + 2, "abcdefghijklmnopqrstuvwxyz-");
		if (n == 0 || n >= sizeof name || text + 2 + n > end)
			continue;
		memcpy(name, text + 2, n);
		name[n] = '\0';
		if ((op = bk_opt_find(name)))
			named[op - bk_options] = 1;
		text += n + 1;
	}
}

/* whether the entry's words (from w) begin with sub, or with
 * alternatives one of which is sub ("streak | exercises ...") */
static int
names_sub(const char *w, const char *end, const char *sub, size_t slen)
{
	size_t n;

	for (;;) {
		n = strcspn(w, " \n");
		if (w + n > end)
			return 0;
		if (strncmp(w, sub, slen) == 0 && (w[slen] == ' ' ||
		    w + slen == end))
			return 1;
		if (n == 0 || strncmp(w + n, " | ", 3) != 0)
			return 0;
		w += n + 3;
	}
}

/* the entries of sub in usage ("usage: PROG SUB ..." or "       PROG
 * SUB ...") with their continuation lines, and with common the "common
 * options:" line, printed; the options they name marked in named (may
 * be NULL); whether sub has an entry */
static int
sub_lines(FILE *fp, const char *usage, const char *sub, int common,
    unsigned char *named)
{
	const char *p, *e, *w;
	size_t plen = strlen(bk_progname), slen = strlen(sub);
	int in = 0, entry, found = 0;

	for (p = usage; *p; p = *e ? e + 1 : e) {
		if (!(e = strchr(p, '\n')))
			e = p + strlen(p);
		for (w = p; *w == ' '; w++)
			;
		if (strncmp(w, "usage: ", 7) == 0)
			for (w += 7; *w == ' '; w++)
				;
		entry = strncmp(w, bk_progname, plen) == 0 && w[plen] == ' ';
		if (entry)
			in = names_sub(w + plen + 1, e, sub, slen);
		else if (w == p)	/* a line of its own: "SPEC: ..." */
			in = common && found &&
			    strncmp(p, "common options:", 15) == 0;
		if (!in)
			continue;
		if (entry)
			fprintf(fp, "%s%.*s\n", found++ ? "       " : "usage: ",
			    (int)(e - w), w);
		else
			fprintf(fp, "%.*s\n", (int)(e - p), p);
		if (named)
			names_in(p, e, named);
	}
	return found;
}

/* a usage error's hint: the subcommand's usage lines ("plot flex": those
 * of plot) */
static int
usage_lines(FILE *fp, const char *usage, const char *sub)
{
	char first[64];

	snprintf(first, sizeof first, "%.*s", (int)strcspn(sub, " "), sub);
	return sub_lines(fp, usage, first, 0, NULL);
}

void
bk_usage_show(FILE *fp, const char *usage, const char *sub)
{
	unsigned char named[NOPTIONS];
	const struct bk_option *op;
	char left[64];
	size_t i;

	memset(named, 0, sizeof named);
	if (!sub || !sub_lines(fp, usage, sub, 1, named)) {
		fputs(usage, fp);
		names_in(usage, usage + strlen(usage), named);
	}
	fputs("\noptions:\n", fp);
	for (i = 0; i < NOPTIONS && bk_options[i].name; i++) {
		op = &bk_options[i];
		if (!named[i] || !op->help)
			continue;
		snprintf(left, sizeof left, "--%s%s%s%s", op->name,
		    op->arg == BK_ARG_OPTDATE ? "[=" : op->arg ? " " : "",
		    op->arg ? op->argname : "",
		    op->arg == BK_ARG_OPTDATE ? "]" : "");
		if (op->letter)
			fprintf(fp, "  -%c, %-24s %s\n", op->letter, left,
			    op->help);
		else
			fprintf(fp, "      %-24s %s\n", left, op->help);
	}
}
