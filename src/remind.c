/* remind.c - what is still to do, for prompts, status bars and desktop
 * reminders: bk-plan today --quiet, next, remind and notify. An item is
 * still to do on a day when bk_plan_rows gives it the status due, partly
 * or (a later day) planned: not done, not skipped, not a rest day. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bk.h"

/* one item still to do, copied out of its bk_plan_row */
struct todo {
	bk_day day;
	int at;		/* minutes of the day of its next session; -1: none */
	int session, times;	/* its next session (from 1) of times a day */
	long long plan_id;
	int seq;
	char date[11], plan[80], kind[12], item[80], name[120], dose[160];
	char status[12];
};

struct todos {
	const struct bk_config *cfg;
	struct todo *v;
	int n;
	bk_day first;	/* the first day with something to do; -1: none yet */
};

static int
still_open(const struct bk_plan_row *r)
{
	return strcmp(r->kind, "rest") != 0 && (strcmp(r->status, "due") == 0 ||
	    strcmp(r->status, "partly") == 0 ||
	    strcmp(r->status, "planned") == 0);
}

static int
todo_row(const struct bk_plan_row *r, void *data)
{
	struct todos *t = data;
	struct todo *d;
	long sets;

	if (t->first >= 0 && r->day > t->first)
		return 1;
	if (!still_open(r))
		return 0;
	t->first = r->day;
	t->v = bk_xrealloc(t->v, (size_t)(t->n + 1) * sizeof *t->v);
	d = &t->v[t->n++];
	memset(d, 0, sizeof *d);
	d->day = r->day;
	d->plan_id = r->plan_id;
	d->seq = r->seq;
	snprintf(d->date, sizeof d->date, "%s", r->date);
	snprintf(d->plan, sizeof d->plan, "%s", r->plan);
	snprintf(d->kind, sizeof d->kind, "%s", r->kind);
	snprintf(d->item, sizeof d->item, "%s", r->item);
	snprintf(d->name, sizeof d->name, "%s", r->name ? r->name : r->item);
	snprintf(d->status, sizeof d->status, "%s", r->status);
	d->times = r->times > 0 ? r->times : 1;
	if (strcmp(r->kind, "exercise") == 0) {
		/* the sessions done are the sets logged at the dose, a
		 * session's worth at a time */
		sets = r->sets > 0 ? r->sets : 1;
		d->session = (int)(r->at_dose / sets);
		if (d->session > d->times - 1)
			d->session = d->times - 1;
		bk_dose_text(r->sets, r->reps, r->hold_s, r->load_kg,
		    r->per_side ? "each side" : r->side, t->cfg->imperial,
		    d->dose, sizeof d->dose);
	} else
		snprintf(d->dose, sizeof d->dose, "%s", strcmp(r->item,
		    "pain") ? "test" : "rating");
	/* session k of an item done N times a day is at the k-th time of
	 * remind_at */
	d->at = d->session < t->cfg->nat ? t->cfg->at[d->session] : -1;
	d->session++;
	return 0;
}

static int
todo_cmp(const void *a, const void *b)
{
	const struct todo *x = a, *y = b;
	int xa = x->at < 0 ? 24 * 60 : x->at, ya = y->at < 0 ? 24 * 60 : y->at;

	if (xa != ya)
		return xa < ya ? -1 : 1;
	if (x->plan_id != y->plan_id)
		return x->plan_id < y->plan_id ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* the plan named (0: every active plan), its id; an unknown one exits 2 */
static long long
open_store(struct bk_db *db, const struct bk_planopts *o, const char *name)
{
	long long id = 0;

	bk_db_open(db, o->db, BK_DB_READ);
	bk_plan_refresh(db, o->today);
	if (name && (id = bk_plan_find(db, name)) < 0)
		exit(BK_EXIT_USAGE);
	return id;
}

/* what is still to do on the first day from from to to that has any */
static void
collect(struct bk_db *db, long long plan, bk_day from, bk_day to,
    bk_day today, struct todos *t)
{
	bk_day a, b;

	t->first = -1;
	for (a = from; a <= to && t->first < 0; a = b + 1) {
		/* a month at a time: a program may leave weeks empty */
		b = a + 30 < to ? a + 30 : to;
		bk_plan_rows(db, plan, a, b, today, todo_row, t);
	}
	if (t->n > 1)
		qsort(t->v, (size_t)t->n, sizeof *t->v, todo_cmp);
}

/* the last day anything can be due in the plans read: an end date, the
 * last dated item, or a week past an open-ended plan's start or today */
static bk_day
horizon(struct bk_db *db, long long plan, bk_day today)
{
	sqlite3_stmt *st;
	char d[11];
	bk_day h = today;

	st = bk_db_prepare(db, "SELECT max(max(coalesce(p.end_date,"
	    " date(max(p.start_date, ?1), '+7 days')),"
	    " coalesce((SELECT max(date) FROM plan_items WHERE plan_id = p.id),"
	    " ''))) FROM plans p WHERE (?2 = 0 AND p.active = 1) OR p.id = ?2");
	bk_db_bound(sqlite3_bind_text(st, 1, bk_date_format(today, d), -1,
	    SQLITE_STATIC));
	bk_db_bound(sqlite3_bind_int64(st, 2, plan));
	if (bk_db_step(db, st) == SQLITE_ROW &&
	    sqlite3_column_type(st, 0) == SQLITE_TEXT)
		bk_date_parse_iso((const char *)sqlite3_column_text(st, 0), &h);
	sqlite3_finalize(st);
	return h < today ? today : h;
}

static void
todos_today(struct bk_db *db, const struct bk_planopts *o, const char *name,
    const struct bk_config *cfg, struct todos *t)
{
	long long id = open_store(db, o, name);

	memset(t, 0, sizeof *t);
	t->cfg = cfg;
	collect(db, id, o->today, o->today, o->today, t);
}

int
bk_remind_quiet(struct bk_db *db, const struct bk_planopts *o,
    const char *name)
{
	struct bk_config cfg;
	struct todos t;
	int n;

	bk_config_load(&cfg);
	todos_today(db, o, name, &cfg, &t);
	n = t.n;
	free(t.v);
	return n > 0 ? 0 : BK_EXIT_DATA;
}

/* "cat-cow 2x10 (back, today 13:00)"; when NULL: no day word */
static void
todo_line(FILE *fp, const struct todo *d, const char *when)
{
	bk_term_string(fp, d->item);
	fputc(' ', fp);
	bk_term_string(fp, d->dose);
	fputs(" (", fp);
	bk_term_string(fp, d->plan);
	if (when || d->at >= 0)
		fputs(",", fp);
	if (when)
		fprintf(fp, " %s", when);
	if (d->at >= 0)
		fprintf(fp, " %02d:%02d", d->at / 60, d->at % 60);
	if (d->times > 1)
		fprintf(fp, ", %d of %d", d->session, d->times);
	fputs(")\n", fp);
}

int
bk_remind_next(struct bk_db *db, const struct bk_planopts *o,
    const char *name)
{
	static const char *cols[] = { "date", "time", "plan", "kind", "item",
		"name", "dose", "session", "times", "status" };
	static const int num[] = { 0, 0, 0, 0, 0, 0, 0, 1, 1, 0 };
	struct bk_config cfg;
	struct bk_out *out;
	struct todos t;
	struct todo *d;
	const char *v[10];
	char when[32], hm[16], s[12], n[12];
	long long id;

	bk_config_load(&cfg);
	id = open_store(db, o, name);
	memset(&t, 0, sizeof t);
	t.cfg = &cfg;
	collect(db, id, o->today, horizon(db, id, o->today), o->today, &t);
	if (t.n == 0) {
		free(t.v);
		return BK_EXIT_DATA;
	}
	d = &t.v[0];
	if (o->fmt < 0 || o->fmt == BK_FMT_TABLE) {
		/* the line a prompt shows, also when stdout is a pipe */
		if (d->day == o->today)
			snprintf(when, sizeof when, "today");
		else if (d->day == o->today + 1)
			snprintf(when, sizeof when, "tomorrow");
		else
			bk_date_words(d->day, when, sizeof when);
		todo_line(stdout, d, when);
	} else {
		out = bk_out_new(stdout, (enum bk_format)o->fmt, cols, 10);
		snprintf(hm, sizeof hm, "%02d:%02d", d->at / 60,
		    d->at % 60);
		snprintf(s, sizeof s, "%d", d->session);
		snprintf(n, sizeof n, "%d", d->times);
		v[0] = d->date;
		v[1] = d->at >= 0 ? hm : NULL;
		v[2] = d->plan;
		v[3] = d->kind;
		v[4] = d->item;
		v[5] = d->name;
		v[6] = d->dose;
		v[7] = s;
		v[8] = n;
		v[9] = d->status;
		bk_out_row(out, v, num);
		bk_out_end(out);
	}
	free(t.v);
	return 0;
}

/* --- running other programs ---------------------------------------- */

/* the path of program prog on PATH into buf; 0, or -1 when not there */
static int
on_path(const char *prog, char *buf, size_t len)
{
	const char *path = getenv("PATH"), *p, *e;
	size_t n;

	if (!path || !*path)
		path = "/usr/bin:/bin";
	for (p = path; ; p = e + 1) {
		e = strchr(p, ':');
		n = e ? (size_t)(e - p) : strlen(p);
		if (n > 0 && (size_t)snprintf(buf, len, "%.*s/%s", (int)n, p,
		    prog) < len && access(buf, X_OK) == 0)
			return 0;
		if (!e)
			return -1;
	}
}

/* run argv (never through a shell), its output on stderr so that ours
 * stays what we print; its exit status, or -1 when it could not run */
static int
run(char *const argv[])
{
	pid_t pid;
	int st;

	fflush(stdout);
	if ((pid = fork()) < 0) {
		bk_warnx("cannot run %s: %s", argv[0], strerror(errno));
		return -1;
	}
	if (pid == 0) {
		dup2(STDERR_FILENO, STDOUT_FILENO);
		execvp(argv[0], argv);
		bk_warnx("cannot run %s: %s", argv[0], strerror(errno));
		_exit(127);
	}
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR) {
			bk_warnx("cannot wait for %s: %s", argv[0],
			    strerror(errno));
			return -1;
		}
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* --- notify -------------------------------------------------------- */

static int
desktop(void)
{
	static const char *const vars[] = { "DISPLAY", "WAYLAND_DISPLAY",
		"DBUS_SESSION_BUS_ADDRESS", NULL };
	const char *v;
	int i;

	for (i = 0; vars[i]; i++)
		if ((v = getenv(vars[i])) && *v)
			return 1;
	return 0;
}

/* the time of day as minutes: BK_NOW (HH:MM), else the end of a day that
 * BK_TODAY pins (all of it has come), else the clock */
static int
now_minutes(void)
{
	const char *env = getenv("BK_NOW"), *why;
	struct tm tm;
	time_t now;
	int m, n;

	if (env && *env) {
		if (bk_clock_list_parse(env, &m, 1, &n, &why) != 0)
			bk_errx(BK_EXIT_USAGE, "invalid BK_NOW '%s': expected "
			    "HH:MM", env);
		return m;
	}
	if ((env = getenv("BK_TODAY")) && *env)
		return 24 * 60;
	now = time(NULL);
	localtime_r(&now, &tm);
	return tm.tm_hour * 60 + tm.tm_min;
}

int
bk_remind_notify(struct bk_db *db, const struct bk_planopts *o,
    const char *name)
{
	struct bk_config cfg;
	struct todos t;
	char *body = NULL, path[PATH_MAX];
	size_t len = 0;
	FILE *fp;
	int i, j, rc = 0, st, now = now_minutes();

	bk_config_load(&cfg);
	todos_today(db, o, name, &cfg, &t);
	/* a session whose time has not come yet is not due now */
	for (i = j = 0; i < t.n; i++)
		if (t.v[i].at < 0 || t.v[i].at <= now)
			t.v[j++] = t.v[i];
	t.n = j;
	if (t.n == 0) {
		free(t.v);
		return 0;
	}
	if (!(fp = open_memstream(&body, &len)))
		bk_errx(BK_EXIT_DATA, "cannot allocate memory");
	for (i = 0; i < t.n; i++)
		todo_line(fp, &t.v[i], NULL);
	if (fclose(fp) != 0)
		bk_errx(BK_EXIT_DATA, "cannot allocate memory");
	free(t.v);
	if (desktop() && on_path("notify-send", path, sizeof path) == 0) {
		char *argv[] = { path, "--app-name=backkit", "--", "backkit",
			body, NULL };

		/* the last newline is not part of the text */
		body[len - 1] = '\0';
		if ((st = run(argv)) == 0) {
			free(body);
			return 0;
		}
		body[len - 1] = '\n';
		fputs(body, stdout);
		bk_warnx("notify-send failed (exit %d): the reminder is printed "
		    "instead", st);
		rc = BK_EXIT_DATA;
	} else {
		fputs(body, stdout);
		if (desktop())
			bk_warnx("notify-send not found: install libnotify-bin "
			    "to see reminders on the desktop");
	}
	free(body);
	return rc;
}

/* --- remind: systemd units and crontab lines ------------------------ */

/* when reminders come */
struct sched {
	int mins[24 * 60];	/* minutes of the day, ascending */
	int n;
	unsigned on;		/* weekdays: bit 1 monday .. bit 7 sunday */
	int at;			/* times of day (not an interval) */
	long every_s;
	int from, to;
	const char *why;	/* where a default comes from, or NULL */
};

#define ALLDAYS 0xfeu
#define DESK_FROM (9 * 60)
#define DESK_TO (17 * 60)
#define DESK_EVERY (30 * 60)
#define DESK_DAYS 0x3eu	/* monday to friday */

static void
sched_every(struct sched *s, long every_s, int from, int to)
{
	int m;

	s->every_s = every_s;
	s->from = from;
	s->to = to;
	/* from the start of the span, up to (not at) its end */
	for (m = from; m < to; m += (int)(every_s / 60))
		s->mins[s->n++] = m;
}

static void
sched_make(const struct bk_planopts *o, const struct bk_config *cfg,
    struct sched *s)
{
	char d[32];
	int i;

	memset(s, 0, sizeof s[0]);
	if (o->nat && o->every_s)
		bk_usage("remind takes --at or --every, not both");
	if (o->has_between && !o->every_s)
		bk_usage("--between needs --every");
	if (o->every_s && o->every_s % 60 != 0)
		bk_usage("invalid --every '%s': reminders come in whole "
		    "minutes", bk_duration_format(o->every_s, d, sizeof d));
	s->on = o->on ? o->on : ALLDAYS;
	if (o->nat || (!o->every_s && cfg->nat)) {
		s->at = 1;
		for (i = 0; i < (o->nat ? o->nat : cfg->nat); i++)
			s->mins[s->n++] = o->nat ? o->at[i] : cfg->at[i];
		if (!o->nat)
			s->why = "remind_at in the configuration";
	} else if (o->every_s)
		sched_every(s, o->every_s, o->has_between ? o->between[0] :
		    DESK_FROM, o->has_between ? o->between[1] : DESK_TO);
	else {
		/* the desk day: a reminder to stand up and move each half
		 * hour of the working day (Stretchly's long break) */
		sched_every(s, DESK_EVERY, DESK_FROM, DESK_TO);
		if (!o->on)
			s->on = DESK_DAYS;
		s->why = "the desk-day default";
	}
}

/* the weekdays as systemd ("Mon..Fri", "Mon,Wed,Fri") or cron ("1-5")
 * writes them; "" (systemd) or "*" (cron) for every day */
static void
weekdays(unsigned on, int cron, char *buf, size_t len)
{
	static const char *const names[] = { "", "Mon", "Tue", "Wed", "Thu",
		"Fri", "Sat", "Sun" };
	FILE *fp;
	int a, b, first = 1;

	buf[0] = '\0';
	if ((on & ALLDAYS) == ALLDAYS) {
		if (cron)
			snprintf(buf, len, "*");
		return;
	}
	if (!(fp = fmemopen(buf, len, "w")))
		bk_errx(BK_EXIT_DATA, "cannot allocate memory");
	for (a = 1; a <= 7; a = b + 1) {
		b = a;
		if (!(on & (1u << a)))
			continue;
		while (b < 7 && (on & (1u << (b + 1))))
			b++;
		fputs(first ? "" : ",", fp);
		first = 0;
		/* cron's 7 is sunday too */
		if (cron)
			fprintf(fp, b > a ? "%d-%d" : "%d", a, b);
		else if (b > a + 1)
			fprintf(fp, "%s..%s", names[a], names[b]);
		else if (b > a)
			fprintf(fp, "%s,%s", names[a], names[b]);
		else
			fputs(names[a], fp);
	}
	fclose(fp);
}

/* the hours of the day that share one list of minutes: systemd's minute
 * repetition ("09..16:00/45") starts again each hour, so an interval that
 * does not divide 60 is written as its explicit times, the hours with
 * the same minutes together */
struct group {
	unsigned long long mins;	/* bit m: minute m */
	unsigned hours;			/* bit h: hour h */
};

static int
groups(const struct sched *s, struct group *g)
{
	unsigned long long by_hour[24] = { 0 };
	int h, i, n = 0;

	for (i = 0; i < s->n; i++)
		by_hour[s->mins[i] / 60] |= 1ull << (s->mins[i] % 60);
	for (h = 0; h < 24; h++) {
		if (!by_hour[h])
			continue;
		for (i = 0; i < n && g[i].mins != by_hour[h]; i++)
			;
		if (i == n) {
			g[n].mins = by_hour[h];
			g[n++].hours = 0;
		}
		g[i].hours |= 1u << h;
	}
	return n;
}

/* hours as "09..12,15" (systemd) or "9-12,15" (cron) */
static void
hour_list(FILE *fp, unsigned hours, int cron)
{
	int a, b, first = 1;

	for (a = 0; a < 24; a = b + 1) {
		b = a;
		if (!(hours & (1u << a)))
			continue;
		while (b < 23 && (hours & (1u << (b + 1))))
			b++;
		fprintf(fp, cron ? "%s%d" : "%s%02d", first ? "" : ",", a);
		if (b > a + 1 || (cron && b > a))
			fprintf(fp, cron ? "-%d" : "..%02d", b);
		else if (b > a)
			fprintf(fp, cron ? ",%d" : ",%02d", b);
		first = 0;
	}
}

static void
minute_list(FILE *fp, unsigned long long mins, int cron)
{
	int m, first = 1;

	for (m = 0; m < 60; m++)
		if (mins & (1ull << m)) {
			fprintf(fp, cron ? "%s%d" : "%s%02d", first ? "" : ",",
			    m);
			first = 0;
		}
}

/* the words of the schedule, for people */
static void
sched_words(FILE *fp, const struct sched *s)
{
	char d[32], w[64];
	int i;

	weekdays(s->on, 0, w, sizeof w);
	fputs(w[0] ? w : "every day", fp);
	if (s->at) {
		fputs(" at", fp);
		for (i = 0; i < s->n; i++)
			fprintf(fp, "%s %02d:%02d", i ? "," : "",
			    s->mins[i] / 60, s->mins[i] % 60);
	} else
		fprintf(fp, " every %s from %02d:%02d to %02d:%02d",
		    bk_duration_format(s->every_s, d, sizeof d), s->from / 60,
		    s->from % 60, s->to / 60, s->to % 60);
	if (s->why)
		fprintf(fp, " (%s)", s->why);
}

/* a word of ExecStart, quoted by systemd's rules when it must be: in
 * double quotes, backslash and quote escaped, % doubled, and $ doubled
 * but in the program's path, which systemd does not expand */
static void
unit_word(FILE *fp, const char *s, int prog)
{
	const char *p;

	if (*s && strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789/._+,:@=-") == strlen(s)) {
		fputs(s, fp);
		return;
	}
	fputc('"', fp);
	for (p = s; *p; p++) {
		if (*p == '\\' || *p == '"')
			fputc('\\', fp);
		else if (*p == '%' || (*p == '$' && !prog))
			fputc(*p, fp);
		fputc(*p, fp);
	}
	fputc('"', fp);
}

/* a word of a crontab line: for sh, in single quotes; cron's % escaped */
static void
cron_word(FILE *fp, const char *s)
{
	const char *p;

	if (*s && strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789/._+,:@=-") == strlen(s)) {
		fputs(s, fp);
		return;
	}
	fputc('\'', fp);
	for (p = s; *p; p++)
		if (*p == '\'')
			fputs("'\\''", fp);
		else if (*p == '%')
			fputs("\\%", fp);
		else
			fputc(*p, fp);
	fputc('\'', fp);
}

/* the command the reminder runs: this bk-plan, notify, the store when
 * one is named and the plan */
struct job {
	char self[PATH_MAX], db[PATH_MAX];
	const char *name;	/* NULL: every plan */
	char unit[96];		/* backkit-remind[-NAME] */
	char dir[PATH_MAX];	/* where the user's units are */
};

static void
no_controls(const char *what, const char *s)
{
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			bk_errx(BK_EXIT_DATA, "cannot write a reminder: %s holds "
			    "a control character", what);
}

static void
job_make(const struct bk_planopts *o, const char *name, struct job *j)
{
	const char *env = getenv("BK_DB"), *xdg = getenv("XDG_CONFIG_HOME"),
	    *home = getenv("HOME");
	char cwd[PATH_MAX], *p;
	ssize_t n;

	memset(j, 0, sizeof *j);
	j->name = name;
	snprintf(j->unit, sizeof j->unit, "backkit-remind%s%s", name ? "-" : "",
	    name ? name : "");
	if ((n = readlink("/proc/self/exe", j->self, sizeof j->self - 1)) <= 0)
		bk_errx(BK_EXIT_DATA, "cannot find the path of bk-plan: %s",
		    strerror(errno));
	j->self[n] = '\0';
	no_controls("the path of bk-plan", j->self);
	if (strpbrk(j->self, "\"\\"))
		bk_errx(BK_EXIT_DATA, "cannot write a reminder: systemd runs no "
		    "program whose path holds a quote or a backslash (%s)",
		    j->self);
	if (o->db || (env && *env)) {
		p = bk_db_path(o->db);
		if (p[0] == '/')
			snprintf(j->db, sizeof j->db, "%s", p);
		else if (getcwd(cwd, sizeof cwd) &&
		    (size_t)snprintf(j->db, sizeof j->db, "%s/%s", cwd, p) <
		    sizeof j->db)
			;
		else
			bk_errx(BK_EXIT_DATA, "cannot make the store's path "
			    "absolute: %s", p);
		free(p);
		no_controls("the store's path", j->db);
	}
	if (xdg && xdg[0] == '/')
		snprintf(j->dir, sizeof j->dir, "%s/systemd/user", xdg);
	else if (home && home[0] == '/')
		snprintf(j->dir, sizeof j->dir, "%s/.config/systemd/user", home);
}

static void
write_service(FILE *fp, const struct job *j)
{
	fputs("# written by bk-plan remind; bk-plan remind", fp);
	if (j->name)
		fprintf(fp, " %s", j->name);
	fputs(" --off removes it\n[Unit]\n", fp);
	fprintf(fp, "Description=backkit: what is still to do today%s%s\n",
	    j->name ? " in plan " : "", j->name ? j->name : "");
	fputs("Documentation=man:bk-plan(1)\n\n[Service]\nType=oneshot\n"
	    "ExecStart=", fp);
	unit_word(fp, j->self, 1);
	if (j->db[0]) {
		fputs(" --db ", fp);
		unit_word(fp, j->db, 0);
	}
	fputs(" notify", fp);
	if (j->name)
		fprintf(fp, " %s", j->name);
	fputc('\n', fp);
}

static void
write_timer(FILE *fp, const struct job *j, const struct sched *s)
{
	struct group g[24];
	char w[64];
	int i, n;

	fputs("# written by bk-plan remind; bk-plan remind", fp);
	if (j->name)
		fprintf(fp, " %s", j->name);
	fputs(" --off removes it\n[Unit]\nDescription=backkit reminders", fp);
	if (j->name)
		fprintf(fp, " for plan %s", j->name);
	fputs(": ", fp);
	sched_words(fp, s);
	fputs("\nDocumentation=man:bk-plan(1)\n\n[Timer]\n", fp);
	weekdays(s->on, 0, w, sizeof w);
	if (s->at)
		for (i = 0; i < s->n; i++)
			fprintf(fp, "OnCalendar=%s%s*-*-* %02d:%02d:00\n", w,
			    w[0] ? " " : "", s->mins[i] / 60, s->mins[i] % 60);
	else {
		n = groups(s, g);
		for (i = 0; i < n; i++) {
			fprintf(fp, "OnCalendar=%s%s*-*-* ", w, w[0] ? " " : "");
			hour_list(fp, g[i].hours, 0);
			fputc(':', fp);
			minute_list(fp, g[i].mins, 0);
			fputs(":00\n", fp);
		}
	}
	fputs("\n[Install]\nWantedBy=timers.target\n", fp);
}

static void
write_cron(FILE *fp, const struct job *j, const struct sched *s)
{
	struct group g[24];
	char w[64];
	int i, n;

	fprintf(fp, "# %s: ", j->unit);
	sched_words(fp, s);
	fputc('\n', fp);
	weekdays(s->on, 1, w, sizeof w);
	n = groups(s, g);
	for (i = 0; i < n; i++) {
		minute_list(fp, g[i].mins, 1);
		fputc(' ', fp);
		hour_list(fp, g[i].hours, 1);
		fprintf(fp, " * * %s ", w);
		cron_word(fp, j->self);
		if (j->db[0]) {
			fputs(" --db ", fp);
			cron_word(fp, j->db);
		}
		fputs(" notify", fp);
		if (j->name)
			fprintf(fp, " %s", j->name);
		fputc('\n', fp);
	}
}

/* write one unit file whole, or not at all: a temporary file renamed */
static int
put_unit(const char *dir, const char *file, const struct job *j,
    const struct sched *s)
{
	char path[PATH_MAX + 128], tmp[PATH_MAX + 160];
	FILE *fp;
	int fd;

	snprintf(path, sizeof path, "%s/%s", dir, file);
	snprintf(tmp, sizeof tmp, "%s/.%s.XXXXXX", dir, file);
	if ((fd = mkstemp(tmp)) < 0 || fchmod(fd, 0644) != 0 ||
	    !(fp = fdopen(fd, "w"))) {
		bk_warnx("cannot write %s: %s", path, strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(tmp);
		}
		return -1;
	}
	if (s)
		write_timer(fp, j, s);
	else
		write_service(fp, j);
	if (fflush(fp) != 0 || fsync(fd) != 0 || ferror(fp)) {
		bk_warnx("cannot write %s: %s", path, strerror(errno));
		fclose(fp);
		unlink(tmp);
		return -1;
	}
	if (fclose(fp) != 0 || rename(tmp, path) != 0) {
		bk_warnx("cannot write %s: %s", path, strerror(errno));
		unlink(tmp);
		return -1;
	}
	return 0;
}

/* mkdir -p, 0755 for what it makes */
static int
make_dirs(const char *dir)
{
	char p[PATH_MAX];
	size_t i;

	snprintf(p, sizeof p, "%s", dir);
	for (i = 1; ; i++)
		if (p[i] == '/' || p[i] == '\0') {
			char c = p[i];

			p[i] = '\0';
			if (mkdir(p, 0755) != 0 && errno != EEXIST) {
				bk_warnx("cannot make %s: %s", p,
				    strerror(errno));
				return -1;
			}
			if (!(p[i] = c))
				return 0;
		}
}

static int
systemctl(const char *ctl, const char *verb, const char *now,
    const char *unit)
{
	char *argv[6];
	int i = 0, st;

	argv[i++] = (char *)ctl;
	argv[i++] = "--user";
	argv[i++] = (char *)verb;
	if (now)
		argv[i++] = (char *)now;
	if (unit)
		argv[i++] = (char *)unit;
	argv[i] = NULL;
	if ((st = run(argv)) != 0)
		bk_warnx("'systemctl --user %s%s%s%s%s' failed (exit %d)", verb,
		    now ? " " : "", now ? now : "", unit ? " " : "",
		    unit ? unit : "", st);
	return st;
}

static int
remind_off(const struct job *j, const char *ctl)
{
	char svc[PATH_MAX + 128], tim[PATH_MAX + 128], unit[128];
	int had = 0, rc = 0;

	snprintf(svc, sizeof svc, "%s/%s.service", j->dir, j->unit);
	snprintf(tim, sizeof tim, "%s/%s.timer", j->dir, j->unit);
	snprintf(unit, sizeof unit, "%s.timer", j->unit);
	if (access(tim, F_OK) != 0 && access(svc, F_OK) != 0) {
		printf("no reminders to remove: %s is not there\n", tim);
		return 0;
	}
	if (ctl)
		systemctl(ctl, "disable", "--now", unit);
	if (unlink(tim) == 0)
		had = printf("removed %s\n", tim);
	else if (errno != ENOENT) {
		bk_warnx("cannot remove %s: %s", tim, strerror(errno));
		rc = BK_EXIT_DATA;
	}
	if (unlink(svc) == 0)
		had = printf("removed %s\n", svc);
	else if (errno != ENOENT) {
		bk_warnx("cannot remove %s: %s", svc, strerror(errno));
		rc = BK_EXIT_DATA;
	}
	if (ctl && had && systemctl(ctl, "daemon-reload", NULL, NULL) != 0)
		rc = BK_EXIT_DATA;
	return rc;
}

int
bk_remind_setup(struct bk_db *db, const struct bk_planopts *o,
    const char *name)
{
	static struct sched s;
	struct bk_config cfg;
	struct job j;
	char ctl[PATH_MAX], svc[128], tim[128];
	int have_ctl;

	if (o->cron + o->print + o->off > 1)
		bk_usage("remind takes one of --cron, --print and --off");
	if (o->off && (o->nat || o->every_s || o->has_between || o->on))
		bk_usage("remind --off takes no --at, --every, --between or "
		    "--on");
	if (name && !bk_slug_valid(name))
		bk_usage("invalid plan name '%s' (lowercase letters, digits "
		    "and hyphens, starting with a letter, at most 64)", name);
	bk_config_load(&cfg);
	sched_make(o, &cfg, &s);
	if (name && !o->off)
		open_store(db, o, name);
	job_make(o, name, &j);
	have_ctl = on_path("systemctl", ctl, sizeof ctl) == 0;
	if (o->cron) {
		write_cron(stdout, &j, &s);
		return 0;
	}
	snprintf(svc, sizeof svc, "%s.service", j.unit);
	snprintf(tim, sizeof tim, "%s.timer", j.unit);
	if (o->print) {
		printf("# %s\n", svc);
		write_service(stdout, &j);
		printf("\n# %s\n", tim);
		write_timer(stdout, &j, &s);
		return 0;
	}
	if (!j.dir[0])
		bk_errx(BK_EXIT_DATA, "cannot find the systemd user directory: "
		    "neither XDG_CONFIG_HOME nor HOME is an absolute path");
	if (o->off)
		return remind_off(&j, have_ctl ? ctl : NULL);
	if (!have_ctl)
		bk_errx(BK_EXIT_DATA, "cannot install reminders: systemctl is "
		    "not on PATH (systemd is needed; --print shows the units, "
		    "--cron crontab lines)");
	if (make_dirs(j.dir) != 0 || put_unit(j.dir, svc, &j, NULL) != 0)
		return BK_EXIT_DATA;
	if (put_unit(j.dir, tim, &j, &s) != 0)
		goto undo;
	if (systemctl(ctl, "daemon-reload", NULL, NULL) != 0 ||
	    systemctl(ctl, "enable", "--now", tim) != 0)
		goto undo;
	printf("wrote %s/%s\nwrote %s/%s\nenabled %s: ", j.dir, svc, j.dir,
	    tim, tim);
	sched_words(stdout, &s);
	putchar('\n');
	return 0;
undo:
	{
		char p[PATH_MAX + 128];

		snprintf(p, sizeof p, "%s/%s", j.dir, tim);
		unlink(p);
		snprintf(p, sizeof p, "%s/%s", j.dir, svc);
		unlink(p);
	}
	bk_warnx("reminders not installed: the units were removed again");
	return BK_EXIT_DATA;
}
