/* guide.c - the guided session's interface: the day's list, the
 * cards, timers and answers */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bk.h"

/* one exercise of the day's list, and what was answered for it */
struct step {
	struct bk_due due;
	long long exercise;
	char *slug, *name;
	long todo;	/* sets left for the day; 0: as many as planned */
	const char *result;	/* "done", "partly", "skipped" or NULL */
	char *text;	/* the dose logged or the reason for a skip */
	int warmup;	/* from a plan's phase called warm-up */
};

struct session {
	struct bk_db *db;
	struct bk_logopts o;	/* the time and the reason change per answer */
	struct step *step;
	int n, cap, done, skipped;
	char *tests;	/* tests due and not recorded: "toe-touch test" */
	size_t testslen;
	FILE *testfp;
	int tty, live, color, timer, imperial;
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

static int
collect_step(const struct bk_plan_row *r, void *data)
{
	struct session *s = data;
	struct step *st;

	if (strcmp(r->kind, "test") == 0) {
		if (r->logged < r->needed)
			fprintf(s->testfp, "%sthe %s %s of plan %s ('bk-test "
			    "%s')", ftell(s->testfp) > 0 ? ", " : "", r->item,
			    strcmp(r->item, "pain") ? "test" : "rating",
			    r->plan, r->item);
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
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 16;
		s->step = bk_xrealloc(s->step, s->cap * sizeof *s->step);
	}
	st = &s->step[s->n++];
	memset(st, 0, sizeof *st);
	bk_due_from_row(&st->due, r);
	st->exercise = r->exercise_id;
	st->warmup = r->phase && bk_strcaseeq(r->phase, "warm-up");
	st->slug = bk_xstrdup(r->item);
	st->name = bk_xstrdup(r->name);
	if (r->needed > r->logged && r->logged > 0)
		st->todo = r->needed - r->logged;
	return 0;
}

/* the day's list: every plan (or the one named) in the order that
 * bk-plan today shows them, each in its own order; the items of a plan
 * in its warm-up phase before all others */
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
	for (pass = 1; pass >= 0; pass--)
		for (i = 0; i < s->n; i++)
			if (s->step[i].warmup == pass)
				v[k++] = s->step[i];
	free(s->step);
	s->step = v;
}

static void
tests_note(const struct session *s, const char *lead)
{
	if (!s->tests[0])
		return;
	fputs(lead, stdout);
	bk_term_string(stdout, s->tests);
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

/* the countdowns of timed sets: each set (each side of it) held, the rest
 * between sets; on a terminal Enter starts them */
static int
run_timers(struct session *s, const struct bk_dose *d, long rest)
{
	char dur[32];
	long i;
	int j, k, r = GO_ON, nsides = d->nsides ? d->nsides : 1;

	if (s->tty) {
		bk_tty_keys(1);
		fputs("Enter starts the timer, s skips it, q quits: ", stdout);
		fflush(stdout);
		do
			k = bk_tty_key();
		while (k >= 0 && !strchr("\n\r sSqQ", k));
		putchar('\n');
		if (k == 's' || k == 'S') {
			bk_tty_keys(0);
			return GO_ON;
		}
		if (k < 0 || k == 'q' || k == 'Q') {
			bk_tty_keys(0);
			return k == -2 ? STOPPED : QUIT;
		}
	}
	for (i = 1; i <= d->sets && r == GO_ON; i++)
		for (j = 0; j < nsides && r == GO_ON; j++) {
			printf("set %ld of %ld%s%s%s: hold %s\n", i, d->sets,
			    d->nsides ? ", " : "", d->nsides ? d->side[j] : "",
			    d->nsides ? " side" : "",
			    bk_duration_format(d->hold_s, dur, sizeof dur));
			r = count(s, "hold", d->hold_s);
			if (r == GO_ON && j == nsides - 1 && i < d->sets &&
			    rest > 0)
				r = count(s, "rest", rest);
		}
	bk_tty_keys(0);
	return r;
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
	if (s->tty) {
		fprintf(stderr, "invalid answer '%s': %s\n", v, why);
		return GO_ON;
	}
	*fail = 1;
	fprintf(stderr, "%s: invalid answer '%s' on line %ld: %s\n",
	    bk_progname, v, s->line, why);
	return QUIT;
}

/* show one step and store its answer: GO_ON, QUIT or STOPPED (fail is
 * set for a bad answer in a script) */
static int
run_step(struct session *s, int i, int *fail)
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
	rest = step_rest(s, st);
	show_step(s, i, &d, rest);
	if (s->timer && d.reps == 0 && d.hold_s > 0 &&
	    (r = run_timers(s, &d, rest)) != GO_ON)
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
		if (st->result && st->text[0]) {
			fputs(strcmp(st->result, "skipped") ? " " : ": ",
			    stdout);
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
	printf("session of %s: %d exercise%s to do", date, s.n,
	    s.n == 1 ? "" : "s");
	if (s.done || s.skipped)
		printf(" (%d done, %d skipped before)", s.done, s.skipped);
	putchar('\n');
	tests_note(&s, "first: ");
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

