/* template.c - program templates (bk-plan(5)): parsing a template from a
 * stream into a struct, doses, and which rule falls on which program day.
 * Pure: no store, no exit; errors come back as "line N: reason". */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "bk.h"

#define MAX_LINE 1024
#define MAX_RULES 1000
#define MAX_PHASES 20
#define MAX_NOTES 50
#define MAX_TOKENS 64

const char *const bk_template_sides[] = { "", "left", "right", "forward",
	"backward", NULL };
const char *const bk_template_tests[] = { "toe-touch", "sit-and-reach", "pain",
	NULL };

struct parser {
	struct bk_template *t;
	long line;
	char *err;
	size_t errlen;
};

static int
fail(char *err, size_t errlen, long line, const char *fmt, ...)
{
	va_list ap;
	size_t n = 0;

	if (line > 0) {
		snprintf(err, errlen, "line %ld: ", line);
		n = strlen(err);
	}
	va_start(ap, fmt);
	vsnprintf(err + n, errlen - n, fmt, ap);
	va_end(ap);
	return -1;
}

static char *
dupstr(const char *s, size_t n)
{
	char *p = malloc(n + 1);

	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

/* grow *arr (of *n elements of size sz) by one zeroed element */
static void *
grow(void *arrp, int *n, size_t sz)
{
	void **arr = arrp;
	char *p = realloc(*arr, (*n + 1) * sz);

	if (!p)
		return NULL;
	memset(p + *n * sz, 0, sz);
	*arr = p;
	return p + (*n)++ * sz;
}

/* split s in place into whitespace-separated tokens; a token that starts
 * with a double quote runs to the closing quote, which is dropped */
static int
tokenize(char *s, char **tok, int max, const char **bad)
{
	int n = 0;

	*bad = NULL;
	for (;;) {
		while (*s == ' ' || *s == '\t')
			s++;
		if (!*s)
			return n;
		if (n == max) {
			*bad = "too many words";
			return -1;
		}
		if (*s == '"') {
			tok[n++] = ++s;
			if (!(s = strchr(s, '"'))) {
				*bad = "a quote is not closed";
				return -1;
			}
			*s++ = '\0';
			if (*s && *s != ' ' && *s != '\t') {
				*bad = "text right after a closing quote";
				return -1;
			}
			continue;
		}
		tok[n++] = s;
		while (*s && *s != ' ' && *s != '\t')
			s++;
		if (*s)
			*s++ = '\0';
	}
}

/* the position of the first c outside double quotes, or NULL */
static char *
find_unquoted(char *s, int c)
{
	int q = 0;

	for (; *s; s++) {
		if (*s == '"')
			q = !q;
		else if (*s == c && !q)
			return s;
	}
	return NULL;
}

static int
word_is(const char *s, const char *w)
{
	return bk_strcaseeq(s, w);
}

/* a whole decimal number in [min, max] */
static int
number(const char *s, long min, long max, long *out)
{
	long long v;

	if (!isdigit((unsigned char)*s) || bk_parse_int(s, min, max, &v) != 0)
		return -1;
	*out = (long)v;
	return 0;
}

/* the first n bytes of s as a plain decimal number */
static int
decimal(const char *s, size_t n, double *out)
{
	char buf[32];

	if (n == 0 || n >= sizeof buf)
		return -1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	return bk_decimal_parse(buf, 0, out);
}

/* the loads and durations a template allows: a subset of bk-log's */
#define TPL_LOAD_MAX 500.0
#define TPL_DURATION_MAX 3600

static int
load(const char *s, double *kg)
{
	const char *why;

	return bk_load_parse(s, kg, &why) != 0 || *kg > TPL_LOAD_MAX ? -1 : 0;
}

/* a template says its unit: "30s", "2m", "1m30s"; "90" is no duration */
static int
duration(const char *s, long *secs)
{
	const char *why;
	size_t n = strlen(s);

	if (n == 0 || (s[n - 1] != 's' && s[n - 1] != 'm'))
		return -1;
	return bk_duration_parse(s, secs, &why) != 0 ||
	    *secs > TPL_DURATION_MAX ? -1 : 0;
}

/* a set spec in bk-log's grammar (12, 3x10, 3x8@5kg, 2x10@15lb, 3x30s,
 * 2x1m, 30s), or @LOAD alone to load the catalog's dose */
static int
spec(const char *s, struct bk_tpl_dose *d)
{
	struct bk_spec sp;
	const char *why;

	if (s[0] == '@')
		return load(s + 1, &d->load_kg);
	if (bk_spec_parse(s, &sp, &why) != 0 || sp.reps > 1000 ||
	    sp.hold_s > TPL_DURATION_MAX || sp.load_kg > TPL_LOAD_MAX)
		return -1;
	d->sets = sp.sets;
	d->reps = sp.reps;
	d->hold_s = sp.hold_s;
	if (sp.load_kg > 0)
		d->load_kg = sp.load_kg;
	return 0;
}

void
bk_template_dose_init(struct bk_tpl_dose *d)
{
	d->sets = d->reps = d->hold_s = d->rest_s = -1;
	d->load_kg = -1;
	d->per_side = -1;
	d->side = 0;
	d->times = 0;
}

/* a spec and its modifiers: hold DUR, each side, left, rest DUR, @LOAD */
static int
dose_tokens(char **tok, int n, struct bk_tpl_dose *d, char *err, size_t errlen,
    long line)
{
	int i = 0, side;
	long v;

	if (n > 0 && (isdigit((unsigned char)tok[0][0]) || tok[0][0] == '@')) {
		if (spec(tok[0], d) != 0)
			return fail(err, errlen, line, "invalid dose '%s' "
			    "(like 12, 3x10, 3x8@5kg, 2x10@15lb, 3x30s)",
			    tok[0]);
		i = 1;
	}
	for (; i < n; i++) {
		if (word_is(tok[i], "hold") || word_is(tok[i], "rest")) {
			if (i + 1 >= n || duration(tok[i + 1], &v) != 0)
				return fail(err, errlen, line, "'%s' needs a "
				    "duration from 1s to 60m, like 5s or "
				    "1m30s, not '%s'", tok[i], i + 1 < n ?
				    tok[i + 1] : "");
			if (word_is(tok[i], "hold"))
				d->hold_s = v;
			else
				d->rest_s = v;
			i++;
		} else if ((word_is(tok[i], "each") ||
		    word_is(tok[i], "per")) && i + 1 < n &&
		    word_is(tok[i + 1], "side")) {
			d->per_side = 1;
			i++;
		} else if ((side = bk_word_index(bk_template_sides,
		    tok[i])) > 0) {
			d->side = side;
		} else if (tok[i][0] == '@') {
			if (load(tok[i] + 1, &d->load_kg) != 0)
				return fail(err, errlen, line, "invalid load "
				    "'%s' (like @5kg, @2.5kg or @10lb, at most "
				    "500kg)", tok[i]);
		} else
			return fail(err, errlen, line, "unexpected '%s' in a "
			    "dose (expected hold DUR, rest DUR, each side, "
			    "left, right, forward, backward or @LOAD)", tok[i]);
	}
	if (d->per_side == 1 && d->side)
		return fail(err, errlen, line, "'each side' and '%s' together",
		    bk_template_sides[d->side]);
	return 0;
}

int
bk_template_dose_parse(const char *s, struct bk_tpl_dose *d, char *err,
    size_t errlen)
{
	char buf[MAX_LINE], *tok[MAX_TOKENS];
	const char *bad;
	int n;

	bk_template_dose_init(d);
	if (strlen(s) >= sizeof buf)
		return fail(err, errlen, 0, "dose too long");
	strcpy(buf, s);
	if ((n = tokenize(buf, tok, MAX_TOKENS, &bad)) < 0)
		return fail(err, errlen, 0, "%s", bad);
	if (n == 0)
		return fail(err, errlen, 0, "empty dose");
	return dose_tokens(tok, n, d, err, errlen, 0);
}

/* one selector: 3, 1-30, daily, every 2 days from 3, last, mon, mon-fri */
static int
selector(char *s, struct bk_tpl_sel *sel, int *uses_weekdays, char *err,
    size_t errlen, long line)
{
	char *tok[8], *dash;
	const char *bad;
	long a, b;
	int n, i = 0, w1, w2;

	memset(sel, 0, sizeof *sel);
	if ((n = tokenize(s, tok, 8, &bad)) < 0)
		return fail(err, errlen, line, "%s", bad);
	if (n > 0 && (word_is(tok[0], "day") || word_is(tok[0], "days")))
		i = 1;
	if (i == n)
		return fail(err, errlen, line, "empty day selector");
	if (n - i == 1 && (word_is(tok[i], "daily") ||
	    word_is(tok[i], "everyday"))) {
		sel->kind = BK_SEL_EVERY;
		sel->a = sel->step = 1;
		return 0;
	}
	if (n - i == 1 && word_is(tok[i], "last")) {
		sel->kind = BK_SEL_LAST;
		return 0;
	}
	if (word_is(tok[i], "every")) {
		sel->kind = BK_SEL_EVERY;
		sel->a = 1;
		if (n - i == 2 && word_is(tok[i + 1], "day"))
			sel->step = 1;
		else if (n - i == 3 && word_is(tok[i + 1], "other") &&
		    word_is(tok[i + 2], "day"))
			sel->step = 2;
		else if ((n - i == 3 || n - i == 5) &&
		    number(tok[i + 1], 1, BK_TPL_MAX_DAYS, &a) == 0 &&
		    word_is(tok[i + 2], "days") &&
		    (n - i == 3 || (word_is(tok[i + 3], "from") &&
		    number(tok[i + 4], 1, BK_TPL_MAX_DAYS, &b) == 0))) {
			sel->step = (int)a;
			if (n - i == 5)
				sel->a = (int)b;
		} else
			return fail(err, errlen, line, "invalid day selector "
			    "'every ...' (like every 2 days, every 7 days "
			    "from 3, every other day)");
		return 0;
	}
	if (n - i != 1)
		return fail(err, errlen, line, "invalid day selector '%s'",
		    tok[i]);
	s = tok[i];
	if (isdigit((unsigned char)s[0])) {
		sel->kind = BK_SEL_RANGE;
		if ((dash = strchr(s, '-')))
			*dash = '\0';
		if (number(s, 1, BK_TPL_MAX_DAYS, &a) != 0 ||
		    (dash && number(dash + 1, 1, BK_TPL_MAX_DAYS, &b) != 0)) {
			if (dash)
				*dash = '-';
			return fail(err, errlen, line, "invalid day '%s' (from "
			    "1 to %d)", s, BK_TPL_MAX_DAYS);
		}
		if (!dash)
			b = a;
		if (b < a) {
			*dash = '-';
			return fail(err, errlen, line, "invalid day range '%s' "
			    "(the first day comes after the last)", s);
		}
		sel->a = (int)a;
		sel->b = (int)b;
		return 0;
	}
	/* weekdays: mon, mon-fri (a range may wrap: fri-mon) */
	if ((dash = strchr(s, '-')))
		*dash = '\0';
	w1 = bk_weekday_parse(s);
	w2 = dash ? bk_weekday_parse(dash + 1) : w1;
	if (dash)
		*dash = '-';
	if (w1 < 0 || w2 < 0)
		return fail(err, errlen, line, "invalid day selector '%s' "
		    "(a day like 3, a range like 1-30, daily, every N days, "
		    "last, or a weekday like mon or mon-fri)", s);
	sel->kind = BK_SEL_WEEKDAYS;
	for (;;) {
		sel->mask |= 1u << w1;
		if (w1 == w2)
			break;
		w1 = w1 % 7 + 1;
	}
	*uses_weekdays = 1;
	return 0;
}

/* "+2kg each week from week 2 up to 6kg", "+1 set every 2 weeks" */
static int
progression(char **tok, int n, struct bk_tpl_prog *p, char *err,
    size_t errlen, long line)
{
	const char *u, *num, *lim;
	char unit[16];
	double v, l;
	long k;
	int i, what = -1;
	size_t nl;

	memset(p, 0, sizeof *p);
	p->every = 1;
	p->from = 2;
	num = tok[0] + 1;
	for (u = num; isdigit((unsigned char)*u) || *u == '.'; u++)
		;
	i = 1;
	if (!*u && n > 1)
		u = tok[i++];
	snprintf(unit, sizeof unit, "%s", u);
	if (decimal(num, strcspn(num, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJK"
	    "LMNOPQRSTUVWXYZ"), &v) != 0 || v <= 0)
		return fail(err, errlen, line, "invalid step '%s' (like +2kg, "
		    "+5s, +1 set, +2 reps)", tok[0]);
	if (bk_strcaseeq(unit, "kg") || bk_strcaseeq(unit, "lb")) {
		what = BK_PROG_LOAD;
		if (bk_strcaseeq(unit, "lb"))
			v *= 0.45359237;
	} else if (bk_strcaseeq(unit, "s") || bk_strcaseeq(unit, "m")) {
		what = BK_PROG_HOLD;
		if (bk_strcaseeq(unit, "m"))
			v *= 60;
	} else if (bk_strcaseeq(unit, "set") || bk_strcaseeq(unit, "sets"))
		what = BK_PROG_SETS;
	else if (bk_strcaseeq(unit, "rep") || bk_strcaseeq(unit, "reps"))
		what = BK_PROG_REPS;
	else
		return fail(err, errlen, line, "invalid step '%s' (a step is "
		    "in kg, lb, s, m, sets or reps)", tok[0]);
	if (what != BK_PROG_LOAD && v != floor(v))
		return fail(err, errlen, line, "invalid step '%s' (a whole "
		    "number)", tok[0]);
	p->what = what;
	p->step = v;
	if (i < n && (word_is(tok[i], "weekly")))
		i++;
	else if (i + 1 < n && word_is(tok[i], "each") &&
	    word_is(tok[i + 1], "week"))
		i += 2;
	else if (i + 2 < n && word_is(tok[i], "every") &&
	    number(tok[i + 1], 1, 100, &k) == 0 &&
	    word_is(tok[i + 2], "weeks")) {
		p->every = (int)k;
		i += 3;
	} else
		return fail(err, errlen, line, "a step needs 'each week' or "
		    "'every N weeks' after '%s'", tok[0]);
	if (i + 2 < n && word_is(tok[i], "from") &&
	    word_is(tok[i + 1], "week")) {
		if (number(tok[i + 2], 1, 600, &k) != 0)
			return fail(err, errlen, line, "invalid week '%s'",
			    tok[i + 2]);
		p->from = (int)k;
		i += 3;
	}
	if (i + 2 < n && word_is(tok[i], "up") && word_is(tok[i + 1], "to")) {
		lim = tok[i + 2];
		i += 3;
		nl = strspn(lim, "0123456789.");
		u = lim + nl;
		if (!*u && i < n)
			u = tok[i++];
		if (decimal(lim, nl, &l) != 0)
			return fail(err, errlen, line, "invalid limit '%s'",
			    lim);
		if (what == BK_PROG_LOAD) {
			if (bk_strcaseeq(u, "lb"))
				l *= 0.45359237;
			else if (!bk_strcaseeq(u, "kg"))
				return fail(err, errlen, line, "the limit of a "
				    "load step is in kg or lb");
		} else if (what == BK_PROG_HOLD) {
			if (bk_strcaseeq(u, "m"))
				l *= 60;
			else if (!bk_strcaseeq(u, "s"))
				return fail(err, errlen, line, "the limit of a "
				    "hold step is in s or m");
		} else if (*u && !bk_strcaseeq(u, what == BK_PROG_SETS ?
		    "sets" : "reps") && !bk_strcaseeq(u,
		    what == BK_PROG_SETS ? "set" : "rep"))
			return fail(err, errlen, line, "the limit of a %s step "
			    "is a number of %s", what == BK_PROG_SETS ? "set" :
			    "rep", what == BK_PROG_SETS ? "sets" : "reps");
		p->limit = l;
		p->has_limit = 1;
	}
	if (i < n)
		return fail(err, errlen, line, "unexpected '%s' after a step",
		    tok[i]);
	return 0;
}

/* the action after the colon: rest | test KIND | EXERCISE [DOSE] {, ...} */
static int
action(struct parser *ps, char *s, struct bk_tpl_rule *r)
{
	char *tok[MAX_TOKENS], *next, *part = s;
	const char *bad;
	long v;
	int n, first = 1;

	bk_template_dose_init(&r->dose);
	for (; part; part = next) {
		if ((next = find_unquoted(part, ',')))
			*next++ = '\0';
		if ((n = tokenize(part, tok, MAX_TOKENS, &bad)) < 0)
			return fail(ps->err, ps->errlen, ps->line, "%s", bad);
		if (n == 0)
			return fail(ps->err, ps->errlen, ps->line, "%s",
			    first ? "nothing after the colon" :
			    "empty part after a comma");
		if (first) {
			first = 0;
			if (n == 1 && word_is(tok[0], "rest")) {
				r->act = BK_TPL_REST;
				continue;
			}
			if (word_is(tok[0], "test")) {
				r->act = BK_TPL_TEST;
				if (n != 2 || bk_word_index(bk_template_tests,
				    tok[1]) < 0)
					return fail(ps->err, ps->errlen,
					    ps->line, "invalid test '%s' (one "
					    "of: toe-touch, sit-and-reach, "
					    "pain)", n > 1 ? tok[1] : "");
				if (!(r->what = dupstr(tok[1], strlen(tok[1]))))
					return fail(ps->err, ps->errlen, 0,
					    "out of memory");
				continue;
			}
			r->act = BK_TPL_EXERCISE;
			if (!tok[0][0] || strlen(tok[0]) > 200)
				return fail(ps->err, ps->errlen, ps->line,
				    "invalid exercise name '%s'", tok[0]);
			if (!(r->what = dupstr(tok[0], strlen(tok[0]))))
				return fail(ps->err, ps->errlen, 0,
				    "out of memory");
			if (dose_tokens(tok + 1, n - 1, &r->dose, ps->err,
			    ps->errlen, ps->line) != 0)
				return -1;
			continue;
		}
		if (r->act != BK_TPL_EXERCISE)
			return fail(ps->err, ps->errlen, ps->line, "a %s day "
			    "takes nothing after a comma",
			    r->act == BK_TPL_REST ? "rest" : "test");
		if (tok[0][0] == '+') {
			if (r->nprog == 4)
				return fail(ps->err, ps->errlen, ps->line,
				    "too many steps");
			if (progression(tok, n, &r->prog[r->nprog], ps->err,
			    ps->errlen, ps->line) != 0)
				return -1;
			r->nprog++;
		} else if (n == 4 && word_is(tok[1], "times") &&
		    word_is(tok[2], "a") && word_is(tok[3], "day")) {
			if (number(tok[0], 1, 20, &v) != 0)
				return fail(ps->err, ps->errlen, ps->line,
				    "invalid number of times a day '%s' "
				    "(1 to 20)", tok[0]);
			r->dose.times = (int)v;
		} else
			return fail(ps->err, ps->errlen, ps->line, "unexpected "
			    "'%s' after a comma (expected a step like +2kg "
			    "each week, or N times a day)", tok[0]);
	}
	return 0;
}

static struct bk_tpl_phase *
current_phase(struct parser *ps)
{
	struct bk_template *t = ps->t;

	if (t->nphase == 0) {
		if (!grow(&t->phase, &t->nphase, sizeof *t->phase))
			return NULL;
		t->phase[0].line = ps->line;
	}
	return &t->phase[t->nphase - 1];
}

static int
rule_line(struct parser *ps, char *s, char *colon)
{
	struct bk_tpl_phase *ph;
	struct bk_tpl_rule *r;
	char *part, *next;

	if (ps->t->named_phases == 0)
		ps->t->named_phases = -1;
	if (ps->t->named_phases == 1 && ps->t->nphase == 0)
		return fail(ps->err, ps->errlen, ps->line, "a rule before the "
		    "first phase");
	if (!(ph = current_phase(ps)))
		return fail(ps->err, ps->errlen, 0, "out of memory");
	if (ph->nrule == MAX_RULES)
		return fail(ps->err, ps->errlen, ps->line, "too many rules "
		    "(at most %d in a phase)", MAX_RULES);
	if (!(r = grow(&ph->rule, &ph->nrule, sizeof *ph->rule)))
		return fail(ps->err, ps->errlen, 0, "out of memory");
	r->line = ps->line;
	*colon = '\0';
	for (part = s; part; part = next) {
		struct bk_tpl_sel *sel;

		if ((next = strchr(part, ',')))
			*next++ = '\0';
		if (r->nsel == 100)
			return fail(ps->err, ps->errlen, ps->line,
			    "too many day selectors");
		if (!(sel = grow(&r->sel, &r->nsel, sizeof *r->sel)))
			return fail(ps->err, ps->errlen, 0, "out of memory");
		if (selector(part, sel, &ps->t->weekdays, ps->err, ps->errlen,
		    ps->line) != 0)
			return -1;
	}
	return action(ps, colon + 1, r);
}

static int
text_value(struct parser *ps, const char *key, char *v, char **out)
{
	size_t n;

	while (*v == ' ' || *v == '\t')
		v++;
	n = strlen(v);
	while (n > 0 && (v[n - 1] == ' ' || v[n - 1] == '\t'))
		n--;
	if (n == 0)
		return fail(ps->err, ps->errlen, ps->line, "'%s' needs a text",
		    key);
	if (n > 400)
		return fail(ps->err, ps->errlen, ps->line, "'%s' text too long "
		    "(at most 400 bytes)", key);
	if (!(*out = dupstr(v, n)))
		return fail(ps->err, ps->errlen, 0, "out of memory");
	return 0;
}

/* phase NAME [for N days | until pain-free DURATION [REGION]...] */
static int
phase_line(struct parser *ps, char *rest)
{
	struct bk_template *t = ps->t;
	struct bk_tpl_phase *ph;
	char *tok[16];
	const char *bad;
	long v;
	int n, i, r;
	size_t len;

	if (t->named_phases < 0)
		return fail(ps->err, ps->errlen, ps->line, "a phase after "
		    "rules that belong to no phase");
	t->named_phases = 1;
	if ((n = tokenize(rest, tok, 16, &bad)) < 0)
		return fail(ps->err, ps->errlen, ps->line, "%s", bad);
	if (n == 0 || !bk_slug_valid(tok[0]))
		return fail(ps->err, ps->errlen, ps->line, "invalid phase name "
		    "'%s' (lowercase letters, digits and hyphens)", n ?
		    tok[0] : "");
	if (t->nphase == MAX_PHASES)
		return fail(ps->err, ps->errlen, ps->line, "too many phases "
		    "(at most %d)", MAX_PHASES);
	for (i = 0; i < t->nphase; i++)
		if (strcmp(t->phase[i].name, tok[0]) == 0)
			return fail(ps->err, ps->errlen, ps->line, "a second "
			    "phase '%s'", tok[0]);
	if (t->nphase > 0) {
		ph = &t->phase[t->nphase - 1];
		if (!ph->days && !ph->until)
			return fail(ps->err, ps->errlen, ps->line, "phase '%s' "
			    "follows phase '%s', which has no end (give it "
			    "'for N days' or 'until ...')", tok[0], ph->name);
	}
	if (!(ph = grow(&t->phase, &t->nphase, sizeof *t->phase)))
		return fail(ps->err, ps->errlen, 0, "out of memory");
	ph->line = ps->line;
	if (!(ph->name = dupstr(tok[0], strlen(tok[0]))))
		return fail(ps->err, ps->errlen, 0, "out of memory");
	if (n == 1)
		return 0;
	if (word_is(tok[1], "for")) {
		if (n < 3 || n > 4 ||
		    number(tok[2], 1, BK_TPL_MAX_DAYS, &v) != 0 ||
		    (n == 4 && !word_is(tok[3], "days") &&
		    !word_is(tok[3], "day")))
			return fail(ps->err, ps->errlen, ps->line, "invalid "
			    "phase length (like: phase build for 14 days)");
		ph->days = (int)v;
		return 0;
	}
	if (word_is(tok[1], "until") && n >= 4 &&
	    word_is(tok[2], "pain-free")) {
		len = strlen(tok[3]);
		if (len < 2 || (tok[3][len - 1] != 'h' &&
		    tok[3][len - 1] != 'd'))
			v = -1;
		else {
			char num[16];

			snprintf(num, sizeof num, "%.*s", (int)(len - 1),
			    tok[3]);
			if (number(num, 1, 720, &v) != 0)
				v = -1;
			else if (tok[3][len - 1] == 'd')
				v *= 24;
		}
		if (v < 1 || v > 720)
			return fail(ps->err, ps->errlen, ps->line, "invalid "
			    "pain-free time '%s' (like 24h or 2d, at most 30d)",
			    tok[3]);
		ph->until = 1;
		ph->hours = (int)v;
		for (i = 4; i < n; i++) {
			if ((r = bk_word_index(bk_regions, tok[i])) < 0)
				return fail(ps->err, ps->errlen, ps->line,
				    "invalid region '%s'", tok[i]);
			ph->regions |= 1u << r;
		}
		return 0;
	}
	return fail(ps->err, ps->errlen, ps->line, "invalid phase line "
	    "(like: phase relief until pain-free 24h upper-back, or phase "
	    "build for 14 days)");
}

static int
header_line(struct parser *ps, const char *key, char *rest)
{
	struct bk_template *t = ps->t;
	char *tok[4], **slot;
	const char *bad;
	long v;
	int n;

	if (strcmp(key, "note") == 0) {
		if (t->nnote == MAX_NOTES)
			return fail(ps->err, ps->errlen, ps->line, "too many "
			    "notes (at most %d)", MAX_NOTES);
		if (!(slot = grow(&t->note, &t->nnote, sizeof *t->note)))
			return fail(ps->err, ps->errlen, 0, "out of memory");
		return text_value(ps, key, rest, slot);
	}
	if (strcmp(key, "summary") == 0) {
		if (t->summary)
			return fail(ps->err, ps->errlen, ps->line, "a second "
			    "'summary'");
		return text_value(ps, key, rest, &t->summary);
	}
	if (strcmp(key, "phase") == 0)
		return phase_line(ps, rest);
	if ((n = tokenize(rest, tok, 4, &bad)) < 0)
		return fail(ps->err, ps->errlen, ps->line, "%s", bad);
	if (strcmp(key, "name") == 0) {
		if (t->name)
			return fail(ps->err, ps->errlen, ps->line, "a second "
			    "'name'");
		if (n != 1 || !bk_slug_valid(tok[0]))
			return fail(ps->err, ps->errlen, ps->line, "invalid "
			    "template name '%s' (lowercase letters, digits and "
			    "hyphens, starting with a letter)",
			    n ? tok[0] : "");
		if (!(t->name = dupstr(tok[0], strlen(tok[0]))))
			return fail(ps->err, ps->errlen, 0, "out of memory");
		return 0;
	}
	if (strcmp(key, "length") == 0) {
		if (t->days)
			return fail(ps->err, ps->errlen, ps->line, "a second "
			    "'length'");
		if (n < 1 || n > 2 ||
		    number(tok[0], 1, BK_TPL_MAX_DAYS, &v) != 0 ||
		    (n == 2 && !word_is(tok[1], "days")))
			return fail(ps->err, ps->errlen, ps->line, "invalid "
			    "length '%s' (a number of days from 1 to %d)",
			    n ? tok[0] : "", BK_TPL_MAX_DAYS);
		t->days = (int)v;
		return 0;
	}
	/* times N [a day]: before any phase for the template, else for the
	 * phase it follows */
	if (n < 1 || number(tok[0], 1, 20, &v) != 0 || (n != 1 && (n != 3 ||
	    !word_is(tok[1], "a") || !word_is(tok[2], "day"))))
		return fail(ps->err, ps->errlen, ps->line, "invalid times "
		    "'%s' (sessions a day, from 1 to 20)", n ? tok[0] : "");
	if (t->named_phases == 1)
		t->phase[t->nphase - 1].times = (int)v;
	else {
		if (t->times)
			return fail(ps->err, ps->errlen, ps->line, "a second "
			    "'times'");
		t->times = (int)v;
	}
	return 0;
}

static int
parse_line(struct parser *ps, char *s)
{
	static const char *const keys[] = { "name", "summary", "length",
		"times", "note", "phase", NULL };
	char *colon, *hash, key[16];
	size_t n;
	int k;

	/* a comment starts at '#' at the start or after a blank, outside
	 * quotes */
	for (hash = s; (hash = find_unquoted(hash, '#')); hash++)
		if (hash == s || hash[-1] == ' ' || hash[-1] == '\t') {
			*hash = '\0';
			break;
		}
	while (*s == ' ' || *s == '\t')
		s++;
	if (!*s)
		return 0;
	n = strcspn(s, " \t:");
	if (n < sizeof key) {
		memcpy(key, s, n);
		key[n] = '\0';
		for (k = 0; key[k]; k++)
			key[k] = (char)tolower((unsigned char)key[k]);
		if ((k = bk_word_index(keys, key)) >= 0 && s[n] != ':')
			return header_line(ps, keys[k], s + n);
	}
	if ((colon = find_unquoted(s, ':')))
		return rule_line(ps, s, colon);
	return fail(ps->err, ps->errlen, ps->line, "expected 'DAYS: ACTION' "
	    "or one of name, summary, length, times, note, phase; not '%.*s'",
	    (int)(n > 40 ? 40 : n), s);
}

static int
check_template(struct parser *ps)
{
	struct bk_template *t = ps->t;
	int i, j, exercises = 0;

	for (i = 0; i < t->nphase; i++) {
		for (j = 0; j < t->phase[i].nrule; j++)
			if (t->phase[i].rule[j].act == BK_TPL_EXERCISE)
				exercises++;
		if (t->phase[i].until && i == t->nphase - 1)
			return fail(ps->err, ps->errlen, t->phase[i].line,
			    "phase '%s' ends on a condition, but no phase "
			    "follows it", t->phase[i].name);
		if (t->phase[i].nrule == 0)
			return fail(ps->err, ps->errlen, t->phase[i].line,
			    "phase '%s' has no rules", t->phase[i].name);
	}
	if (exercises == 0)
		return fail(ps->err, ps->errlen, ps->line, "no exercises (a "
		    "rule looks like: daily: cat-cow 1x5)");
	return 0;
}

struct item_count {
	const struct bk_template *t;
	long n;
	long line;	/* the rule that went past the cap, or 0 */
};

static int
count_day(int phase, int day, int k, const int *rules, int n, void *data)
{
	struct item_count *c = data;

	(void)day;
	(void)k;
	if (c->n + n > BK_TPL_MAX_ITEMS) {
		/* the rule that makes the first item too many */
		c->line = c->t->phase[phase].rule[rules[BK_TPL_MAX_ITEMS -
		    c->n]].line;
		return 1;
	}
	c->n += n;
	return 0;
}

/* the items a plan made from t gets, over the template's length (28 days
 * without one), counted from every weekday it could start on: at most
 * BK_TPL_MAX_ITEMS, or the store and every report grow without need */
static int
check_items(struct parser *ps)
{
	struct item_count c;
	bk_day start;

	for (start = 0; start < (ps->t->weekdays ? 7 : 1); start++) {
		memset(&c, 0, sizeof c);
		c.t = ps->t;
		bk_template_walk(ps->t, 0, start, ps->t->days ? ps->t->days :
		    28, count_day, &c);
		if (c.line)
			return fail(ps->err, ps->errlen, c.line, "the template "
			    "makes more than %d plan items (days times the "
			    "rules of each day): fewer days or fewer rules",
			    BK_TPL_MAX_ITEMS);
	}
	return 0;
}

int
bk_template_parse(FILE *fp, struct bk_template *t, char *err, size_t errlen)
{
	struct parser ps;
	/* room for a whole line with a byte-order mark and a CR */
	char buf[MAX_LINE + 8];
	size_t n;
	int c, rc = 0;

	memset(t, 0, sizeof *t);
	memset(&ps, 0, sizeof ps);
	ps.t = t;
	ps.err = err;
	ps.errlen = errlen;
	err[0] = '\0';
	for (;;) {
		n = 0;
		while ((c = getc(fp)) != EOF && c != '\n') {
			if (n < sizeof buf - 1)
				buf[n] = (char)c;
			n++;
		}
		if (c == EOF && n == 0)
			break;
		ps.line++;
		if (n < sizeof buf) {
			if (ps.line == 1 && n >= 3 &&
			    memcmp(buf, "\xef\xbb\xbf", 3) == 0) {
				memmove(buf, buf + 3, n - 3);
				n -= 3;
			}
			if (n > 0 && buf[n - 1] == '\r')
				n--;
		}
		if (n > MAX_LINE) {
			rc = fail(err, errlen, ps.line, "line too long (at "
			    "most %d bytes)", MAX_LINE);
			break;
		}
		buf[n] = '\0';
		if (strlen(buf) != n) {
			rc = fail(err, errlen, ps.line, "NUL byte");
			break;
		}
		if ((rc = parse_line(&ps, buf)) != 0)
			break;
		if (c == EOF)
			break;
	}
	if (rc == 0 && ferror(fp))
		rc = fail(err, errlen, 0, "%s", strerror(errno ? errno : EIO));
	if (rc == 0)
		rc = check_template(&ps);
	if (rc == 0)
		rc = check_items(&ps);
	if (rc != 0)
		bk_template_free(t);
	return rc;
}

void
bk_template_free(struct bk_template *t)
{
	int i, j;

	for (i = 0; i < t->nphase; i++) {
		for (j = 0; j < t->phase[i].nrule; j++) {
			free(t->phase[i].rule[j].sel);
			free(t->phase[i].rule[j].what);
		}
		free(t->phase[i].rule);
		free(t->phase[i].name);
	}
	free(t->phase);
	for (i = 0; i < t->nnote; i++)
		free(t->note[i]);
	free(t->note);
	free(t->name);
	free(t->summary);
	memset(t, 0, sizeof *t);
}

int
bk_template_selects(const struct bk_tpl_rule *r, int day, bk_day date,
    int last)
{
	const struct bk_tpl_sel *s;
	int i;

	for (i = 0; i < r->nsel; i++) {
		s = &r->sel[i];
		switch (s->kind) {
		case BK_SEL_RANGE:
			if (day >= s->a && day <= s->b)
				return 1;
			break;
		case BK_SEL_EVERY:
			if (day >= s->a && (day - s->a) % s->step == 0)
				return 1;
			break;
		case BK_SEL_WEEKDAYS:
			if (s->mask & (1u << bk_date_weekday(date)))
				return 1;
			break;
		case BK_SEL_LAST:
			if (day == last)
				return 1;
			break;
		}
	}
	return 0;
}

int
bk_template_expand(const struct bk_tpl_phase *ph, int day, bk_day date,
    int last, int *rules, int max)
{
	int i, n = 0, rest = -1;

	/* a rest day drops the exercises that day; tests stay */
	for (i = 0; i < ph->nrule && rest < 0; i++)
		if (ph->rule[i].act == BK_TPL_REST &&
		    bk_template_selects(&ph->rule[i], day, date, last))
			rest = i;
	for (i = 0; i < ph->nrule && n < max; i++) {
		if (ph->rule[i].act == BK_TPL_REST ? i != rest :
		    ph->rule[i].act == BK_TPL_EXERCISE && rest >= 0)
			continue;
		if (bk_template_selects(&ph->rule[i], day, date, last))
			rules[n++] = i;
	}
	return n;
}

void
bk_template_progress(const struct bk_tpl_rule *r, int week,
    struct bk_tpl_dose *d)
{
	const struct bk_tpl_prog *p;
	double v, base;
	int i, steps;

	for (i = 0; i < r->nprog; i++) {
		p = &r->prog[i];
		if (week < p->from)
			continue;
		steps = (week - p->from) / p->every + 1;
		switch (p->what) {
		case BK_PROG_SETS: base = d->sets; break;
		case BK_PROG_REPS: base = d->reps; break;
		case BK_PROG_HOLD: base = d->hold_s; break;
		default: base = d->load_kg > 0 ? d->load_kg : 0; break;
		}
		v = base + p->step * steps;
		if (p->has_limit && v > p->limit)
			v = base > p->limit ? base : p->limit;
		switch (p->what) {
		case BK_PROG_SETS: d->sets = v > 100 ? 100 : (long)v; break;
		case BK_PROG_REPS: d->reps = v > 1000 ? 1000 : (long)v; break;
		case BK_PROG_HOLD: d->hold_s = v > 3600 ? 3600 : (long)v; break;
		default: d->load_kg = v > 500 ? 500 : round(v * 1000) / 1000;
		}
	}
}

void
bk_template_walk(const struct bk_template *t, int p, bk_day start,
    int ndays, bk_tpl_day_cb cb, void *data)
{
	int k, j, n, first = 1, max = 1, *rules, i;

	for (i = p; i < t->nphase; i++)
		if (t->phase[i].nrule > max)
			max = t->phase[i].nrule;
	if (!(rules = malloc(sizeof *rules * max)))
		return;
	for (k = 1; k <= ndays; k++) {
		/* a phase of fixed length hands over to the next; one that
		 * ends on a condition runs on until the condition is met */
		while (p < t->nphase - 1 && !t->phase[p].until &&
		    t->phase[p].days && k - first >= t->phase[p].days) {
			first += t->phase[p].days;
			p++;
		}
		j = k - first + 1;
		n = bk_template_expand(&t->phase[p], j, start + k - 1,
		    k == ndays ? j : 0, rules, max);
		if (n > 0 && cb(p, j, k, rules, n, data) != 0)
			break;
	}
	free(rules);
}
