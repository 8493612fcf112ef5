/* util.c - messages, allocation, number parsing, small string helpers */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bk.h"

const char *bk_progname = "bk";

void
bk_init(const char *argv0)
{
	const char *p;

	if (argv0 && *argv0) {
		p = strrchr(argv0, '/');
		bk_progname = p ? p + 1 : argv0;
	}
	/* a file size limit (ulimit -f) makes a write fail with EFBIG, which
	 * is reported, instead of killing the command without a word */
	signal(SIGXFSZ, SIG_IGN);
	/* a closed pipe (bk-log list | head -1) makes a write fail with
	 * EPIPE, reported with exit 1, instead of killing the command */
	signal(SIGPIPE, SIG_IGN);
}

const char *bk_usage_text = "";
const char *bk_usage_sub;
int (*bk_usage_lines)(FILE *fp, const char *usage, const char *sub);

/* after a usage error: the subcommand's usage line once it is known, else
 * where the usage is; exit 2 */
_Noreturn static void
usage_hint(void)
{
	if (!bk_usage_sub || !bk_usage_lines || !bk_usage_text[0] ||
	    !bk_usage_lines(stderr, bk_usage_text, bk_usage_sub))
		fprintf(stderr, "see '%s --help'\n", bk_progname);
	exit(BK_EXIT_USAGE);
}

/* The message goes through bk_term_string: the names, paths and values
 * it quotes are the user's or a file's, and their control bytes must
 * not steer the terminal. */
static void
vwarn(const char *fmt, va_list ap)
{
	char buf[1024], *msg = buf;
	va_list aq;
	int n;

	fflush(stdout);
	va_copy(aq, ap);
	n = vsnprintf(buf, sizeof buf, fmt, aq);
	va_end(aq);
	if (n >= (int)sizeof buf && (msg = malloc((size_t)n + 1)))
		vsnprintf(msg, (size_t)n + 1, fmt, ap);
	else if (n >= (int)sizeof buf)
		msg = buf;	/* cut, but said */
	fprintf(stderr, "%s: ", bk_progname);
	bk_term_string(stderr, n < 0 ? fmt : msg);
	fputc('\n', stderr);
	if (msg != buf)
		free(msg);
}

void
bk_warnx(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
}

void
bk_errx(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
	exit(code);
}

void
bk_usage_error(const char *usage, const char *fmt, ...)
{
	va_list ap;

	if (usage && *usage)
		bk_usage_text = usage;
	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
	usage_hint();
}

void
bk_usage(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
	usage_hint();
}

void
bk_getopt_fail(char *const *argv, int optind, int optopt,
    const char *shortopts)
{
	const char *word = argv[optind - 1], *p;

	if (!word || word[0] != '-') {
		bk_usage("invalid option -- '%c'", optopt);
	} else if (word[1] == '-') {
		/* a long option: unknown or ambiguous (optopt 0), or with
		 * a value missing or one it does not take */
		if (!optopt)
			bk_usage("unrecognized option '%s'", word);
		if (strchr(word, '='))
			bk_usage("option '%.*s' doesn't allow an argument",
			    (int)(strchr(word, '=') - word), word);
		bk_usage("option '%s' requires an argument", word);
	}
	if (optopt && optopt != ':' && (p = strchr(shortopts, optopt)) &&
	    p[1] == ':')
		bk_usage("option requires an argument -- '%c'", optopt);
	if (optopt > 0x20 && optopt < 0x7f)
		bk_usage("invalid option -- '%c'", optopt);
	bk_usage("invalid option '%s'", word);
}

void *
bk_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		bk_errx(BK_EXIT_DATA, "cannot allocate memory");
	return p;
}

void *
bk_xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		bk_errx(BK_EXIT_DATA, "cannot allocate memory");
	return p;
}

char *
bk_xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(bk_xmalloc(n), s, n);
}

int
bk_parse_int(const char *s, long long min, long long max, long long *out)
{
	char *end;
	long long v;

	if (!s || !*s || isspace((unsigned char)*s))
		return -1;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno || *end || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

int
bk_close_stdout(void)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		bk_warnx("cannot write output: %s",
		    strerror(errno ? errno : EIO));
		return 1;
	}
	return 0;
}

int
bk_strcaseeq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
		if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
			return 0;
	return *a == *b;
}

void
bk_check_word(const char *what, const char *const *list, const char *v)
{
	if (bk_word_index(list, v) >= 0)
		return;
	fflush(stdout);
	fprintf(stderr, "%s: invalid %s '", bk_progname, what);
	bk_term_string(stderr, v);
	fputs("' (one of: ", stderr);
	bk_word_list(stderr, list);
	fputs(")\n", stderr);
	usage_hint();
}

int
bk_edit_distance(const char *a, const char *b, int cap)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	int *row, prev, tmp, best, d;

	if (la > 64 || lb > 64)
		return cap;
	row = bk_xmalloc((lb + 1) * sizeof *row);
	for (j = 0; j <= lb; j++)
		row[j] = (int)j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = (int)i;
		best = row[0];
		for (j = 1; j <= lb; j++) {
			tmp = row[j];
			d = prev + (tolower((unsigned char)a[i - 1]) !=
			    tolower((unsigned char)b[j - 1]));
			if (row[j] + 1 < d)
				d = row[j] + 1;
			if (row[j - 1] + 1 < d)
				d = row[j - 1] + 1;
			row[j] = d;
			prev = tmp;
			if (d < best)
				best = d;
		}
		if (best >= cap) {
			free(row);
			return cap;
		}
	}
	d = row[lb];
	free(row);
	return d < cap ? d : cap;
}

static const char *const wdays[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday"
};

int
bk_weekday_parse(const char *s)
{
	size_t n = strlen(s), i;

	if (n < 3)
		return -1;
	for (i = 0; i < 7; i++) {
		if (n > strlen(wdays[i]))
			continue;
		if (strncasecmp(s, wdays[i], n) == 0)
			return (int)i + 1;
	}
	return -1;
}

int
bk_weekdays_parse(const char *s, unsigned *mask, const char **bad,
    size_t *badlen)
{
	char part[16];
	const char *p = s, *e;
	size_t n;
	int wd;

	*mask = 0;
	for (;;) {
		e = strchr(p, ',');
		n = e ? (size_t)(e - p) : strlen(p);
		wd = -1;
		if (n > 0 && n < sizeof part) {
			memcpy(part, p, n);
			part[n] = '\0';
			wd = bk_weekday_parse(part);
		}
		if (wd < 0) {
			*bad = p;
			*badlen = n;
			return -1;
		}
		*mask |= 1u << wd;
		if (!e)
			return 0;
		p = e + 1;
	}
}

void
bk_only_options(const struct option *longopts, const char *seen,
    const char *sub, const char *allowed, const char *usage)
{
	const struct option *lo;
	const char *c;

	/* from here on, a usage error shows this subcommand's usage */
	bk_usage_sub = sub;
	if (usage && *usage)
		bk_usage_text = usage;
	for (c = seen; *c; c++) {
		if (strchr(allowed, *c) || strchr("dhV", *c))
			continue;
		for (lo = longopts; lo->name; lo++)
			if (lo->val == *c)
				break;
		bk_usage("option --%s does not apply to '%s'",
		    lo->name ? lo->name : "?", sub);
	}
}

int
bk_word_index(const char *const *list, const char *s)
{
	int i;

	for (i = 0; list[i]; i++)
		if (strcmp(list[i], s) == 0)
			return i;
	return -1;
}

void
bk_word_list(FILE *fp, const char *const *list)
{
	int i;

	for (i = 0; list[i]; i++)
		fprintf(fp, "%s%s", i ? ", " : "", list[i]);
}
