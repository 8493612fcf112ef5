/* guide.c - the guided session's interface: the day's list, the
 * cards, timers and answers */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bk.h"

#define READY_DEFAULT 5	/* seconds of get-ready when get_ready is unset */

/* one exercise of the day's list, and what was answered for it */
struct step {
	struct bk_due due;
	long long exercise;
	char *slug, *name;
	long todo;	/* sets left for the day; 0: as many as planned */
	const char *result;	/* "done", "partly", "skipped" or NULL */
	char *text;	/* the dose logged or the reason for a skip */
	int order;	/* 2: a test, 1: from a plan's phase called warm-up */
	const char *test;	/* a test's kind, or NULL for an exercise */
};

/* what the timers of one step counted to the end */
struct held {
	long sets;	/* whole sets, every side of them */
	int sides;	/* sides of the set under way */
	long reps;	/* reps held on the side under way */
};

struct session {
	struct bk_db *db;
	struct bk_logopts o;	/* the time and the reason change per answer */
	struct step *step;
	int n, cap, done, skipped, ntests;
	char *tests;	/* tests due that the session cannot ask for */
	size_t testslen;
	FILE *testfp;
	int tty, live, color, timer, imperial;
	long ready;	/* seconds of the lead-in before a hold */
	long line;	/* of the answers read from a script */
	char *buf;
	size_t bufcap;
};

enum { GO_ON, QUIT, STOPPED };

static const char answers_help[] =
    "answers (one a line; the first letter is enough):\n"
    "  done            the whole dose shown\n"
    "  skip [REASON]   left out today, and why\n"
    "  partly N        N sets done, or for a dose of one set N reps "
    "(or seconds)\n"
    "  partly SPEC     what was done, as 1x6, 2x20s or 2x8@5kg\n"
    "  rest            count the rest down, then ask again\n"
    "  quit            stop here; every answer so far is kept\n";

static const char test_help[] =
    "answers to a test (one a line):\n"
    "  RESULT...       what was measured: the reach of each try for the\n"
    "                  toe-touch test (-12cm -10cm, 0, +3cm or a level word\n"
    "                  such as shins), a pain rating 0-10 and maybe a region\n"
    "  skip [REASON]   not now: the test stays to record\n"
    "  quit            stop here; every answer so far is kept\n";

/* the tests a session asks for, and what the card says of each */
static const struct {
	const char *kind, *name, *how, *prompt;
} test_cards[] = {
	{ "toe-touch", "Toe-Touch Test",
	  "stand with your feet together, knees straight, bend forward "
	  "slowly and stay 2s at the lowest point; measure your fingertips "
	  "to the floor: -12cm short of it, 0 touching, +3cm past it, or name "
	  "where they are (knees, shins, ankles, toes, floor, knuckles, "
	  "palms); up to 10 tries, the best counts ('bk-test how toe-touch' "
	  "says more)",
	  "reach of each try (as -12cm -10cm, or shins), skip or quit? " },
	{ "pain", "Pain Rating",
	  "how your back feels now, a whole number from 0 (no pain) to 10 "
	  "(the worst you can imagine); a region after it (3 lower-back) "
	  "rates that part only",
	  "pain 0-10 [REGION], skip or quit? " },
};

static int
test_card(const char *kind)
{
	size_t i;

	for (i = 0; i < sizeof test_cards / sizeof test_cards[0]; i++)
		if (strcmp(test_cards[i].kind, kind) == 0)
			return (int)i;
	return -1;
}

static struct step *
new_step(struct session *s, const struct bk_plan_row *r)
{
	struct step *st;

	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 16;
		s->step = bk_xrealloc(s->step, s->cap * sizeof *s->step);
	}
	st = &s->step[s->n++];
	memset(st, 0, sizeof *st);
	bk_due_from_row(&st->due, r);
	st->slug = bk_xstrdup(r->item);
	st->name = bk_xstrdup(r->name);
	return st;
}

static int
collect_step(const struct bk_plan_row *r, void *data)
{
	struct session *s = data;
	struct step *st;
	int i, c;

	if (strcmp(r->kind, "test") == 0) {
		if (r->logged >= r->needed)
			return 0;
		if ((c = test_card(r->item)) < 0) {
			fprintf(s->testfp, "%sthe %s test of plan %s ('bk-test "
			    "%s')", ftell(s->testfp) > 0 ? ", " : "", r->item,
			    r->plan, r->item);
			return 0;
		}
		/* one test of a kind a day, whichever plans ask for it */
		for (i = 0; i < s->n; i++)
			if (s->step[i].test && strcmp(s->step[i].test,
			    r->item) == 0)
				return 0;
		st = new_step(s, r);
		st->test = test_cards[c].kind;
		st->order = 2;
		s->ntests++;
		return 0;
	}
	if (strcmp(r->kind, "exercise") != 0)
		return 0;
	if (strcmp(r->status, "done") == 0) {
		s->done++;
		return 0;
	}
	if (strcmp(r->status, "skipped") == 0) {
		s->skipped++;
		return 0;
	}
	st = new_step(s, r);
	st->exercise = r->exercise_id;
	st->order = r->phase && bk_strcaseeq(r->phase, "warm-up");
	if (r->needed > r->logged && r->logged > 0)
		st->todo = r->needed - r->logged;
	return 0;
}

/* the day's list: every plan (or the one named) in the order that
 * bk-plan today shows them, each in its own order; the tests first, as
 * they are taken cold, then the items of a plan in its warm-up phase,
 * then all others */
static void
session_list(struct session *s, long long plan)
{
	sqlite3_stmt *st;
	struct step *v;
	int i, k = 0, pass;

	s->testfp = open_memstream(&s->tests, &s->testslen);
	if (!s->testfp)
		bk_errx(BK_EXIT_DATA, "cannot allocate memory");
	st = bk_db_prepare(s->db, "SELECT id FROM plans WHERE"
	    " (?1 = 0 AND active = 1) OR id = ?1 ORDER BY start_date, name");
	sqlite3_bind_int64(st, 1, plan);
	while (bk_db_step(s->db, st) == SQLITE_ROW)
		bk_plan_rows(s->db, sqlite3_column_int64(st, 0), s->o.day,
		    s->o.day, s->o.today, collect_step, s);
	sqlite3_finalize(st);
	fclose(s->testfp);
	v = bk_xmalloc((s->n + 1) * sizeof *v);
	for (pass = 2; pass >= 0; pass--)
		for (i = 0; i < s->n; i++)
			if (s->step[i].order == pass)
				v[k++] = s->step[i];
	free(s->step);
	s->step = v;
}

/* the tests still to record: those not answered or skipped, and those
 * the session does not ask for */
static void
tests_note(const struct session *s, const char *lead)
{
	int i, k = 0;

	for (i = 0; i < s->n; i++) {
		const struct step *st = &s->step[i];

		if (!st->test || (st->result && strcmp(st->result, "done") == 0))
			continue;
		fputs(k++ ? ", " : lead, stdout);
		printf("the %s %s of plan ", st->test, strcmp(st->test, "pain") ?
		    "test" : "rating");
		bk_term_string(stdout, st->due.plan);
		printf(" ('bk-test %s')", st->test);
	}
	if (s->tests[0]) {
		fputs(k++ ? ", " : lead, stdout);
		bk_term_string(stdout, s->tests);
	}
	if (k)
		putchar('\n');
}

/* the dose of one step: the plan's for one session, cut to what is left
 * of the day */
static void
step_dose(struct session *s, const struct step *st, struct bk_dose *d)
{
	bk_logcmd_dose(s->db, st->exercise, &st->due, NULL, &s->o, d);
	if (st->todo > 0 && st->todo < d->sets)
		d->sets = st->todo;
}

static void
show_step(struct session *s, int i, const struct bk_dose *d, long rest)
{
	const struct step *st = &s->step[i];
	sqlite3_stmt *q;
	char text[160], dur[32];

	printf("\n%s[%d/%d] ", s->color ? "\033[1m" : "", i + 1, s->n);
	bk_term_string(stdout, st->name);
	printf(" (%s)%s, plan ", st->slug, s->color ? "\033[0m" : "");
	bk_term_string(stdout, st->due.plan);
	putchar('\n');
	bk_term_wrap(stdout, "dose:", bk_logcmd_dose_text(d, s->imperial, text,
	    sizeof text));
	if (d->nsides == 2)
		bk_term_wrap(stdout, "sides:", "each set on the left side, "
		    "then on the right");
	else if (d->nsides == 1)
		bk_term_wrap(stdout, "sides:", strcmp(d->side[0], "left") ?
		    "the right side only" : "the left side only");
	else if (st->due.side[0])
		bk_term_wrap(stdout, "direction:", st->due.side);
	if (rest > 0 && d->sets > 1) {
		snprintf(text, sizeof text, "%s between sets",
		    bk_duration_format(rest, dur, sizeof dur));
		bk_term_wrap(stdout, "rest:", text);
	}
	q = bk_db_prepare(s->db, "SELECT cues, cautions FROM exercises"
	    " WHERE id = ?");
	sqlite3_bind_int64(q, 1, st->exercise);
	if (bk_db_step(s->db, q) == SQLITE_ROW) {
		if (*sqlite3_column_text(q, 0))
			bk_term_wrap(stdout, "cues:",
			    (const char *)sqlite3_column_text(q, 0));
		if (*sqlite3_column_text(q, 1))
			bk_term_wrap(stdout, "cautions:",
			    (const char *)sqlite3_column_text(q, 1));
	}
	sqlite3_finalize(q);
	fflush(stdout);
}

/* the rest between sets: the plan's, else the catalog's, else 30s */
static long
step_rest(struct session *s, const struct step *st)
{
	sqlite3_stmt *q;
	long rest = st->due.rest_s;

	if (rest > 0)
		return rest;
	q = bk_db_prepare(s->db, "SELECT rest_s FROM exercises WHERE id = ?");
	sqlite3_bind_int64(q, 1, st->exercise);
	if (bk_db_step(s->db, q) == SQLITE_ROW)
		rest = sqlite3_column_int(q, 0);
	sqlite3_finalize(q);
	return rest;
}

static int
count(struct session *s, const char *label, long secs)
{
	int r = bk_tty_countdown(stdout, label, secs, s->live, s->color,
	    s->tty);

	return r == BK_COUNT_DONE ? GO_ON : r == BK_COUNT_QUIT ? QUIT :
	    STOPPED;
}

static long
since_ms(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (t1.tv_sec - t0->tv_sec) * 1000 +
	    (t1.tv_nsec - t0->tv_nsec) / 1000000;
}

/* the width of "  get ready: 5 4 3 2 1" */
static int
ready_width(long n)
{
	int w = 13;

	for (; n > 0; n--)
		w += n >= 10 ? 3 : 2;
	return w;
}

/* the lead-in before a hold: "get ready: 5 4 3 2 1", a number a second
 * (redrawn in place on a terminal too narrow for all of them); Enter or
 * space ends it early, q quits */
static int
get_ready(struct session *s)
{
	struct timespec t0;
	long n, left;
	int k, w, cols, inplace;

	if (s->ready <= 0)
		return GO_ON;
	cols = s->live ? bk_term_columns(stdout) : 0;
	inplace = cols > 0 && ready_width(s->ready) >= cols;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	fputs("  get ready:", stdout);
	for (n = s->ready; n > 0; n--) {
		if (inplace)
			printf("\r  get ready: %2ld", n);
		else
			printf(" %ld", n);
		fflush(stdout);
		for (;;) {
			left = (s->ready - n + 1) * 1000 - since_ms(&t0);
			if (left <= 0)
				break;
			w = bk_tty_wait(s->tty ? STDIN_FILENO : -1, left);
			if (w < 0) {
				putchar('\n');
				return STOPPED;
			}
			if (w == 0)
				break;
			k = bk_tty_key();
			if (k == -2 || k == -1 || k == 'q' || k == 'Q') {
				putchar('\n');
				return k == -2 ? STOPPED : QUIT;
			}
			if (k == '\n' || k == '\r' || k == ' ') {
				n = 0;
				break;
			}
		}
		if (n == 0)
			break;
	}
	putchar('\n');
	fflush(stdout);
	return GO_ON;
}

/* between the sides of a per-side item: the prompt to switch, which
 * waits for Enter on a terminal */
static int
switch_side(struct session *s, const char *side)
{
	int k;

	printf("switch to the %s side", side);
	if (!s->tty) {
		putchar('\n');
		fflush(stdout);
		return GO_ON;
	}
	fputs(", then Enter (q quits): ", stdout);
	fflush(stdout);
	do
		k = bk_tty_key();
	while (k >= 0 && !strchr("\n\r qQ", k));
	putchar('\n');
	return k == -2 ? STOPPED : k == -1 || k == 'q' || k == 'Q' ? QUIT :
	    GO_ON;
}

/* the countdowns of a timed dose: each hold after its lead-in (each set,
 * or each rep of a set with a hold on each rep, on each side in turn),
 * the rest between sets; on a terminal Enter starts them. What was held
 * to the end goes into h. */
static int
run_timers(struct session *s, const struct bk_dose *d, long rest,
    struct held *h)
{
	char dur[32], set[64], rep[64];
	long i, k, reps = d->reps > 0 ? d->reps : 1;
	int j, key, r = GO_ON, nsides = d->nsides ? d->nsides : 1;

	if (s->tty) {
		bk_tty_keys(1);
		fputs("Enter starts the timer, s skips it, q quits: ", stdout);
		fflush(stdout);
		do
			key = bk_tty_key();
		while (key >= 0 && !strchr("\n\r sSqQ", key));
		putchar('\n');
		if (key == 's' || key == 'S') {
			bk_tty_keys(0);
			return GO_ON;
		}
		if (key < 0 || key == 'q' || key == 'Q') {
			bk_tty_keys(0);
			return key == -2 ? STOPPED : QUIT;
		}
	}
	bk_duration_format(d->hold_s, dur, sizeof dur);
	for (i = 1; i <= d->sets && r == GO_ON; i++) {
		for (j = 0; j < nsides && r == GO_ON; j++) {
			if (nsides == 2 && (i > 1 || j > 0) &&
			    (r = switch_side(s, d->side[j])) != GO_ON)
				break;
			set[0] = '\0';
			if (d->reps == 0 || d->sets > 1)
				snprintf(set, sizeof set, "set %ld of %ld", i,
				    d->sets);
			for (k = 1; k <= reps && r == GO_ON; k++) {
				rep[0] = '\0';
				if (d->reps > 0)
					snprintf(rep, sizeof rep, "%srep %ld of "
					    "%ld", set[0] ? ", " : "", k, reps);
				printf("%s%s%s%s%s: hold %s\n", set, rep,
				    d->nsides ? ", " : "", d->nsides ?
				    d->side[j] : "", d->nsides ? " side" : "",
				    dur);
				if ((r = get_ready(s)) == GO_ON &&
				    (r = count(s, "hold", d->hold_s)) == GO_ON)
					h->reps = k;
			}
			if (r == GO_ON) {
				h->sides = j + 1;
				h->reps = 0;
			}
		}
		if (r != GO_ON)
			break;
		h->sets = i;
		h->sides = 0;
		if (i < d->sets && rest > 0)
			r = count(s, "rest", rest);
	}
	bk_tty_keys(0);
	return r;
}

/* the dose the timers held to the end, when they stopped short of the
 * whole of it: whole sets, else the sides of the first set held, else
 * the reps of its first side; 0 when nothing was held */
static int
held_dose(const struct bk_dose *d, const struct held *h, struct bk_dose *out)
{
	*out = *d;
	out->planned = out->catalog = 0;
	if (h->sets > 0) {
		out->sets = h->sets;
		return 1;
	}
	out->sets = 1;
	if (h->sides > 0) {	/* the first side of two */
		out->nsides = 1;
		return 1;
	}
	if (d->reps > 0 && h->reps > 0) {
		out->reps = h->reps;
		if (d->nsides)
			out->nsides = 1;
		return 1;
	}
	return 0;
}

/* the next answer line, blanks cut: GO_ON, QUIT at the end of input, or
 * STOPPED by a signal */
static int
read_answer(struct session *s, const char *prompt)
{
	ssize_t n;

	if (bk_tty_stopped())
		return STOPPED;
	if (s->tty) {
		fputs(prompt, stdout);
		fflush(stdout);
		if (bk_tty_wait(0, -1) < 0)
			return STOPPED;
	}
	errno = 0;
	n = getline(&s->buf, &s->bufcap, stdin);
	if (bk_tty_stopped())
		return STOPPED;
	if (n < 0) {
		if (ferror(stdin) && errno != EINTR)
			bk_errx(BK_EXIT_DATA, "cannot read the answers: %s",
			    strerror(errno));
		if (s->tty)
			putchar('\n');
		return QUIT;
	}
	s->line++;
	return GO_ON;
}

/* store one answer as bk-log EXERCISE or bk-log skip would */
static void
store_answer(struct session *s, struct step *st, const struct bk_dose *d,
    const char *reason)
{
	struct bk_entry e;
	sqlite3_stmt *q;
	char text[160];
	int item;

	if (s->o.day == s->o.today)
		bk_logcmd_now(s->o.time);
	s->o.reason = reason;
	memset(&e, 0, sizeof e);
	e.exercise = st->exercise;
	e.slug = st->slug;
	e.skip = d == NULL;
	if (d)
		e.d = *d;
	bk_db_begin(s->db);
	/* the phase change the list was read with, stored now */
	bk_plan_refresh(s->db, s->o.today);
	/* the item may have gone since the list was read */
	q = bk_db_prepare(s->db, "SELECT 1 FROM plan_items WHERE id = ?");
	sqlite3_bind_int64(q, 1, st->due.id);
	item = bk_db_step(s->db, q) == SQLITE_ROW;
	sqlite3_finalize(q);
	e.item = item ? st->due.id : 0;
	e.plan = item ? st->due.plan : NULL;
	bk_logcmd_store(s->db, &s->o, &e, s->imperial);
	free(st->text);
	st->text = bk_xstrdup(d ? bk_logcmd_dose_text(d, s->imperial, text, sizeof text)
	    : reason ? reason : "");
}

/* a bad answer: asked again on a terminal, the end of a script */
static int
bad_answer(struct session *s, const char *why, int *fail)
{
	char v[512];

	fflush(stdout);
	bk_term_snprint(v, sizeof v, s->buf);
	if (s->tty)
		fprintf(stderr, "invalid answer '%s': ", v);
	else
		fprintf(stderr, "%s: invalid answer '%s' on line %ld: ",
		    bk_progname, v, s->line);
	/* a reason may quote the answer */
	bk_term_string(stderr, why);
	fputc('\n', stderr);
	if (s->tty)
		return GO_ON;
	*fail = 1;
	return QUIT;
}

/* show one exercise, run its timers and store its answer (d: its dose,
 * h: what the timers held) */
static int
ask_step(struct session *s, int i, struct bk_dose *dp, struct held *h,
    int *fail)
{
	struct step *st = &s->step[i];
	struct bk_answer a;
	struct bk_answer_dose plan, got;
	struct bk_dose d;
	char prompt[160], err[256], dur[32];
	const char *why, *n_is;
	long rest;
	int r;

	step_dose(s, st, &d);
	*dp = d;
	rest = step_rest(s, st);
	show_step(s, i, &d, rest);
	if (s->timer && d.hold_s > 0 &&
	    (r = run_timers(s, &d, rest, h)) != GO_ON)
		return r;
	n_is = d.sets > 1 ? "sets" : d.reps > 0 ? "reps" : "seconds";
	snprintf(prompt, sizeof prompt, "done, skip [REASON], partly N (%s "
	    "done), rest or quit? ", n_is);
	for (;;) {
		if ((r = read_answer(s, prompt)) != GO_ON)
			return r;
		if (bk_answer_parse(s->buf, &a, &why) != 0) {
			if (bad_answer(s, why, fail) != GO_ON)
				return QUIT;
			continue;
		}
		switch (a.kind) {
		case BK_ANSWER_NONE:
			continue;
		case BK_ANSWER_HELP:
			fputs(answers_help, stdout);
			continue;
		case BK_ANSWER_REST:
			if (rest <= 0)
				rest = 30;
			if (!s->timer) {
				printf("rest %s (no timer)\n",
				    bk_duration_format(rest, dur, sizeof dur));
				continue;
			}
			bk_tty_keys(1);
			r = count(s, "rest", rest);
			bk_tty_keys(0);
			if (r != GO_ON)
				return r;
			continue;
		case BK_ANSWER_RESULT:	/* only from a test's answers */
		case BK_ANSWER_QUIT:
			return QUIT;
		case BK_ANSWER_SKIP:
			if (!a.arg && s->tty) {
				if ((r = read_answer(s, "reason (Enter for "
				    "none)? ")) != GO_ON)
					return r;
				a.arg = s->buf;
				s->buf[strcspn(s->buf, "\r\n")] = '\0';
			}
			store_answer(s, st, NULL, a.arg && *a.arg ? a.arg :
			    NULL);
			st->result = "skipped";
			return GO_ON;
		case BK_ANSWER_PARTLY:
			plan.sets = d.sets;
			plan.reps = d.reps;
			plan.hold_s = d.hold_s;
			plan.load_kg = d.load_kg;
			if (bk_answer_partly(a.arg, &plan, &got, err,
			    sizeof err) != 0) {
				if (bad_answer(s, err, fail) != GO_ON)
					return QUIT;
				continue;
			}
			d.sets = got.sets;
			d.reps = got.reps;
			d.hold_s = got.hold_s;
			d.load_kg = got.load_kg;
			store_answer(s, st, &d, NULL);
			st->result = "partly";
			return GO_ON;
		case BK_ANSWER_DONE:
			store_answer(s, st, &d, NULL);
			st->result = "done";
			return GO_ON;
		}
	}
}

/* a test step: its card, then the result, recorded as bk-test records
 * it, in its own transaction and journal entry */
static int
run_test(struct session *s, int i, int *fail)
{
	struct step *st = &s->step[i];
	struct bk_answer a;
	const char *why;
	char *v[12], err[512], found[160], line[1024];
	int c = test_card(st->test), n, r;

	printf("\n%s[%d/%d] %s%s, plan ", s->color ? "\033[1m" : "", i + 1,
	    s->n, test_cards[c].name, s->color ? "\033[0m" : "");
	bk_term_string(stdout, st->due.plan);
	putchar('\n');
	bk_term_wrap(stdout, "how:", test_cards[c].how);
	for (;;) {
		if ((r = read_answer(s, test_cards[c].prompt)) != GO_ON)
			return r;
		if (bk_answer_parse_test(s->buf, &a, &why) != 0) {
			if (bad_answer(s, why, fail) != GO_ON)
				return QUIT;
			continue;
		}
		switch (a.kind) {
		case BK_ANSWER_NONE:
			continue;
		case BK_ANSWER_HELP:
			fputs(test_help, stdout);
			continue;
		case BK_ANSWER_QUIT:
			return QUIT;
		case BK_ANSWER_SKIP:
			st->result = "skipped";
			free(st->text);
			st->text = bk_xstrdup(a.arg ? a.arg : "");
			printf("the %s stays to record\n", strcmp(st->test,
			    "pain") ? "test" : "rating");
			return GO_ON;
		case BK_ANSWER_RESULT:
			/* the line as typed stays in s->buf for a message */
			snprintf(line, sizeof line, "%s", a.arg);
			n = bk_answer_words(line, v, 12);
			bk_db_begin(s->db);
			bk_plan_refresh(s->db, s->o.today);
			if (bk_testcmd_record(s->db, st->test, s->o.day, n, v,
			    found, sizeof found, err, sizeof err) != 0) {
				bk_db_rollback(s->db);
				if (bad_answer(s, err, fail) != GO_ON)
					return QUIT;
				continue;
			}
			bk_db_commit(s->db);
			st->result = "done";
			free(st->text);
			st->text = bk_xstrdup(found);
			return GO_ON;
		default:
			continue;
		}
	}
}

/* after the timers stopped, or a quit: what they held to the end is
 * kept, as done when it is the whole dose, else as partly done */
static void
keep_held(struct session *s, struct step *st, const struct bk_dose *d,
    const struct held *h)
{
	struct bk_dose k;
	int whole;

	if (!held_dose(d, h, &k))
		return;
	whole = k.sets == d->sets && k.nsides == d->nsides && k.reps == d->reps;
	if (whole)
		printf("\nkept what the timers counted: all of it, as done\n");
	else if (h->sets > 0)
		printf("\nkept what the timers counted: %ld of %ld sets, as "
		    "partly done\n", k.sets, d->sets);
	else if (k.reps != d->reps)
		printf("\nkept what the timers counted: %ld of %ld reps%s, as "
		    "partly done\n", k.reps, d->reps, k.nsides ?
		    " on the first side" : "");
	else
		printf("\nkept what the timers counted: the %s side, as partly "
		    "done\n", k.side[0]);
	store_answer(s, st, &k, NULL);
	st->result = whole ? "done" : "partly";
}

/* show one step and store its answer: GO_ON, QUIT or STOPPED (fail is
 * set for a bad answer in a script) */
static int
run_step(struct session *s, int i, int *fail)
{
	struct held h = { 0, 0, 0 };
	struct bk_dose d;
	int r;

	if (s->step[i].test)
		return run_test(s, i, fail);
	r = ask_step(s, i, &d, &h, fail);
	if (r != GO_ON && !s->step[i].result)
		keep_held(s, &s->step[i], &d, &h);
	return r;
}

static void
session_summary(const struct session *s, bk_day day)
{
	static const char *const results[] = { "done", "partly", "skipped" };
	char date[16];
	int i, k, n[3] = { 0, 0, 0 }, left = 0;

	for (i = 0; i < s->n; i++) {
		if (!s->step[i].result)
			left++;
		for (k = 0; k < 3; k++)
			n[k] += s->step[i].result &&
			    strcmp(s->step[i].result, results[k]) == 0;
	}
	printf("\nsession of %s: %d done, %d partly, %d skipped, %d not "
	    "answered\n", bk_date_words(day, date, sizeof date), n[0], n[1],
	    n[2], left);
	for (i = 0; i < s->n; i++) {
		const struct step *st = &s->step[i];

		printf("  %-8s %s", st->result ? st->result : "to do",
		    st->slug);
		if (st->test)
			fputs(strcmp(st->test, "pain") ? " test" : " rating",
			    stdout);
		if (st->test && st->result && !strcmp(st->result, "skipped"))
			fputs(" (not recorded)", stdout);
		if (st->result && st->text[0]) {
			fputs(strcmp(st->result, "skipped") && !st->test ?
			    " " : ": ", stdout);
			bk_term_string(stdout, st->text);
		}
		putchar('\n');
	}
	tests_note(s, "still to record: ");
}

static void
session_free(struct session *s)
{
	int i;

	for (i = 0; i < s->n; i++) {
		free(s->step[i].slug);
		free(s->step[i].name);
		free(s->step[i].text);
	}
	free(s->step);
	free(s->tests);
	free(s->buf);
}

void
bk_guide_run(struct bk_db *db, const struct bk_logopts *o, const char *plan_name)
{
	struct session s;
	struct bk_config cfg;
	const char *nc = getenv("NO_COLOR");
	char date[16];
	long long plan = 0;
	int i, r = GO_ON, fail = 0;

	bk_config_load(&cfg);
	memset(&s, 0, sizeof s);
	s.db = db;
	s.o = *o;
	s.imperial = cfg.imperial;
	s.tty = isatty(STDIN_FILENO);
	s.live = isatty(STDOUT_FILENO);
	s.color = s.live && !(nc && *nc);
	s.timer = !o->no_timer && (s.tty || o->timer);
	s.ready = cfg.ready_s < 0 ? READY_DEFAULT : cfg.ready_s;
	bk_db_open(db, o->db, BK_DB_READ);
	if (plan_name && (plan = bk_plan_find(db, plan_name)) < 0) {
		bk_db_close(db);
		exit(BK_EXIT_USAGE);
	}
	bk_plan_refresh(db, o->today);	/* a phase change may be due */
	session_list(&s, plan);
	bk_date_words(o->day, date, sizeof date);
	if (s.n == 0) {
		if (s.done || s.skipped)
			printf("nothing left to do on %s: %d done, %d "
			    "skipped\n", date, s.done, s.skipped);
		else
			printf("nothing due on %s\n", date);
		tests_note(&s, "still to record: ");
		session_free(&s);
		return;
	}
	if (!db->writable) {	/* says why it cannot be written */
		bk_db_close(db);
		bk_db_open(db, o->db, BK_DB_WRITE);
	}
	bk_tty_init(s.tty ? STDIN_FILENO : -1);
	printf("session of %s: ", date);
	if (s.n > s.ntests)
		printf("%d exercise%s", s.n - s.ntests, s.n - s.ntests == 1 ?
		    "" : "s");
	if (s.ntests)
		printf("%s%d test%s", s.n > s.ntests ? " and " : "", s.ntests,
		    s.ntests == 1 ? "" : "s");
	fputs(" to do", stdout);
	if (s.done || s.skipped)
		printf(" (%d done, %d skipped before)", s.done, s.skipped);
	putchar('\n');
	if (s.tests[0]) {
		fputs("first: ", stdout);
		bk_term_string(stdout, s.tests);
		putchar('\n');
	}
	if (s.tty)
		fputs("answer each with done, skip [REASON], partly N, rest or "
		    "quit (? for help)\n", stdout);
	for (i = 0; i < s.n && r == GO_ON; i++)
		r = run_step(&s, i, &fail);
	bk_tty_restore();
	if (r == STOPPED)
		fputs("\ninterrupted\n", stdout);
	session_summary(&s, o->day);
	session_free(&s);
	if (r == STOPPED) {
		bk_db_close(db);
		bk_close_stdout();
		bk_tty_exit(bk_tty_stopped());
	}
	if (fail) {
		bk_db_close(db);
		exit(bk_close_stdout() ? BK_EXIT_DATA : BK_EXIT_USAGE);
	}
}

