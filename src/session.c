/* session.c - the answers of a guided session (pure: no store, no exit) */
#include <string.h>

#include "bk.h"

static const struct {
	const char *word, *letter;
	enum bk_answer_kind kind;
} words[] = {
	{ "done", "d", BK_ANSWER_DONE },
	{ "yes", "y", BK_ANSWER_DONE },
	{ "skip", "s", BK_ANSWER_SKIP },
	{ "partly", "p", BK_ANSWER_PARTLY },
	{ "rest", "r", BK_ANSWER_REST },
	{ "quit", "q", BK_ANSWER_QUIT },
	{ "help", "?", BK_ANSWER_HELP },
};

static int
blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* does the n bytes at s spell w, in any case */
static int
word_is(const char *s, size_t n, const char *w)
{
	size_t i;

	if (strlen(w) != n)
		return 0;
	for (i = 0; i < n; i++) {
		char c = s[i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != w[i])
			return 0;
	}
	return 1;
}

int
bk_answer_parse(char *line, struct bk_answer *a, const char **why)
{
	char *p = line, *e, *arg;
	size_t i, n;

	memset(a, 0, sizeof *a);
	while (blank(*p))
		p++;
	e = p + strlen(p);
	while (e > p && blank(e[-1]))
		*--e = '\0';
	if (!*p) {
		a->kind = BK_ANSWER_NONE;
		return 0;
	}
	for (n = 0; p[n] && !blank(p[n]); n++)
		;
	for (arg = p + n; blank(*arg); arg++)
		;
	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		if (word_is(p, n, words[i].word) ||
		    word_is(p, n, words[i].letter))
			break;
	if (i == sizeof words / sizeof words[0]) {
		*why = "not an answer (one of: done, skip [REASON], "
		    "partly N, rest, quit, help)";
		return -1;
	}
	a->kind = words[i].kind;
	if (*arg) {
		if (a->kind != BK_ANSWER_SKIP && a->kind != BK_ANSWER_PARTLY) {
			*why = "nothing may follow this answer";
			return -1;
		}
		a->arg = arg;
	} else if (a->kind == BK_ANSWER_PARTLY) {
		*why = "partly needs what was done (partly N, or a SPEC "
		    "such as 1x6)";
		return -1;
	}
	return 0;
}

int
bk_answer_partly(const char *arg, const struct bk_answer_dose *plan,
    struct bk_answer_dose *out, char *err, size_t errlen)
{
	struct bk_spec spec;
	const char *why, *what;
	long long n;
	long most;

	*out = *plan;
	if (strspn(arg, "0123456789") == strlen(arg)) {
		/* a bare number: sets of a dose of several sets, else the
		 * reps (or seconds) of its one set */
		if (plan->sets > 1) {
			most = plan->sets;
			what = "sets";
		} else if (plan->reps > 0) {
			most = plan->reps;
			what = "reps";
		} else {
			most = plan->hold_s;
			what = "seconds";
		}
		if (bk_parse_int(arg, 0, 0x7fffffff, &n) != 0 || n >= most) {
			snprintf(err, errlen, "%s is not fewer than the %ld %s "
			    "planned (answer done)", arg, most, what);
			return -1;
		}
		if (n == 0) {
			snprintf(err, errlen, "nothing done is a skip (answer "
			    "skip)");
			return -1;
		}
		if (plan->sets > 1)
			out->sets = (long)n;
		else if (plan->reps > 0)
			out->reps = (long)n;
		else
			out->hold_s = (long)n;
		return 0;
	}
	if (bk_spec_parse(arg, &spec, &why) != 0) {
		snprintf(err, errlen, "%s", why);
		return -1;
	}
	out->sets = spec.sets;
	out->reps = spec.reps;
	/* reps keep the hold planned on each rep */
	out->hold_s = spec.reps > 0 ? (plan->reps > 0 ? plan->hold_s : 0) :
	    spec.hold_s;
	if (spec.load_kg > 0)
		out->load_kg = spec.load_kg;
	return 0;
}

int
bk_answer_parse_test(char *line, struct bk_answer *a, const char **why)
{
	const char *w;
	char *p;
	size_t n;

	if (bk_answer_parse(line, a, why) == 0) {
		switch (a->kind) {
		case BK_ANSWER_DONE:
		case BK_ANSWER_PARTLY:
		case BK_ANSWER_REST:
			*why = "a test is answered with what was measured "
			    "(or skip, quit, help)";
			return -1;
		default:
			return 0;
		}
	}
	/* not an answer word: what was measured, if it starts as a result
	 * can (a sign, a digit, a point or a level word's letter) */
	for (p = line; blank(*p); p++)
		;
	for (n = 0; p[n] && !blank(p[n]); n++)
		;
	w = p;
	if (!(*w == '-' || *w == '+' || *w == '.' || (*w >= '0' && *w <= '9') ||
	    (*w >= 'a' && *w <= 'z') || (*w >= 'A' && *w <= 'Z'))) {
		*why = "not a result nor an answer (the result, or one of: "
		    "skip, quit, help)";
		return -1;
	}
	memset(a, 0, sizeof *a);
	a->kind = BK_ANSWER_RESULT;
	a->arg = p;
	return 0;
}

int
bk_answer_words(char *s, char **v, int max)
{
	int n = 0;

	for (;;) {
		while (blank(*s))
			*s++ = '\0';
		if (!*s || n == max)
			return n;
		v[n++] = s;
		while (*s && !blank(*s))
			s++;
	}
}
