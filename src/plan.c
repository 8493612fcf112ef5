/* plan.c - plans and their planned items: templates from share/ or a
 * file, creating a plan and writing its items, adding by hand, phase
 * changes, and the day-by-day rows that show, today, check and export
 * read. Helpers report with bk_warnx and return -1; only mains exit. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bk.h"

#define MAX_TEMPLATE_BYTES (256 * 1024)

/* the due rule of the shared contract: item pi of plan p on day d */
#define WEEKDAY_OF(d) "((CAST(strftime('%w', " d ") AS INTEGER) + 6) % 7 + 1)"

static int
is_path(const char *t)
{
	size_t n = strlen(t);

	return strchr(t, '/') || (n > 5 && strcmp(t + n - 5, ".plan") == 0);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **
bk_plan_template_names(int *n)
{
	char dir[PATH_MAX], **names = NULL;
	struct dirent *de;
	size_t len;
	DIR *dp;

	*n = 0;
	snprintf(dir, sizeof dir, "%s/templates", bk_datadir());
	if (!(dp = opendir(dir)))
		return NULL;
	while ((de = readdir(dp))) {
		len = strlen(de->d_name);
		if (len <= 5 || strcmp(de->d_name + len - 5, ".plan") != 0 ||
		    de->d_name[0] == '.')
			continue;
		names = bk_xrealloc(names, (*n + 1) * sizeof *names);
		names[*n] = bk_xstrdup(de->d_name);
		names[(*n)++][len - 5] = '\0';
	}
	closedir(dp);
	if (*n)
		qsort(names, *n, sizeof *names, cmp_str);
	return names;
}

void
bk_plan_names_free(char **names, int n)
{
	int i;

	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

static void
suggest_template(const char *name, char *out, size_t len)
{
	char **names;
	int n, i, d, best = 99, cap = (int)strlen(name) / 3 + 2;

	out[0] = '\0';
	names = bk_plan_template_names(&n);
	for (i = 0; i < n; i++) {
		d = bk_edit_distance(name, names[i], cap + 1);
		if (d > cap && strlen(name) >= 3 && strstr(names[i], name))
			d = cap;
		if (d <= cap && d < best) {
			best = d;
			snprintf(out, len, "%s", names[i]);
		}
	}
	bk_plan_names_free(names, n);
}

int
bk_plan_template_load(const char *spec, struct bk_template *t, char **text,
    char **name)
{
	char path[PATH_MAX], err[512], hint[80], *buf;
	const char *shown = spec, *base;
	size_t n, cap = 0;
	FILE *fp;
	int rc;

	*text = *name = NULL;
	if (is_path(spec))
		snprintf(path, sizeof path, "%s", spec);
	else {
		if (!bk_slug_valid(spec) || snprintf(path, sizeof path,
		    "%s/templates/%s.plan", bk_datadir(), spec) >=
		    (int)sizeof path || !(fp = fopen(path, "r"))) {
			suggest_template(spec, hint, sizeof hint);
			if (hint[0])
				bk_warnx("unknown template '%s' (did you mean "
				    "%s?)", spec, hint);
			else
				bk_warnx("unknown template '%s' (see 'bk-plan "
				    "templates')", spec);
			return -2;
		}
		fclose(fp);
	}
	if (!(fp = fopen(path, "r"))) {
		bk_warnx("cannot read template '%s': %s", shown,
		    strerror(errno));
		return -1;
	}
	buf = NULL;
	n = 0;
	for (;;) {
		if (n == cap) {
			cap = cap ? cap * 2 : 4096;
			buf = bk_xrealloc(buf, cap + 1);
		}
		size_t got = fread(buf + n, 1, cap - n, fp);
		n += got;
		if (n > MAX_TEMPLATE_BYTES) {
			fclose(fp);
			free(buf);
			bk_warnx("cannot read template '%s': larger than "
			    "%d KiB", shown, MAX_TEMPLATE_BYTES / 1024);
			return -1;
		}
		if (got == 0)
			break;
	}
	if (ferror(fp)) {
		bk_warnx("cannot read template '%s': %s", shown,
		    strerror(errno ? errno : EIO));
		fclose(fp);
		free(buf);
		return -1;
	}
	fclose(fp);
	buf[n] = '\0';
	if (!(fp = fmemopen(buf, n ? n : 1, "r")))
		bk_errx(BK_EXIT_DATA, "cannot allocate memory");
	if (n == 0)
		fgetc(fp);	/* an empty file: read nothing */
	rc = bk_template_parse(fp, t, err, sizeof err);
	fclose(fp);
	if (rc != 0) {
		bk_warnx("cannot read template '%s': %s", shown, err);
		free(buf);
		return -1;
	}
	*text = buf;
	if (t->name)
		*name = bk_xstrdup(t->name);
	else {
		base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
		*name = bk_xstrdup(base);
		n = strlen(*name);
		if (n > 5 && strcmp(*name + n - 5, ".plan") == 0)
			(*name)[n - 5] = '\0';
	}
	return 0;
}

/* --- finding plans ------------------------------------------------- */

long long
bk_plan_id(struct bk_db *db, const char *name)
{
	sqlite3_stmt *st;
	long long id = -1;

	st = bk_db_prepare(db, "SELECT id FROM plans WHERE name = ?");
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (bk_db_step(db, st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id;
}

long long
bk_plan_find(struct bk_db *db, const char *name)
{
	sqlite3_stmt *st;
	long long id;
	char best[80];
	int d, bestd = 99, cap = (int)strlen(name) / 3 + 2;

	if ((id = bk_plan_id(db, name)) >= 0)
		return id;
	best[0] = '\0';
	st = bk_db_prepare(db, "SELECT name FROM plans ORDER BY name");
	while (bk_db_step(db, st) == SQLITE_ROW) {
		const char *p = (const char *)sqlite3_column_text(st, 0);

		d = bk_edit_distance(name, p, cap + 1);
		if (d <= cap && d < bestd) {
			bestd = d;
			snprintf(best, sizeof best, "%s", p);
		}
	}
	sqlite3_finalize(st);
	if (best[0])
		bk_warnx("unknown plan '%s' (did you mean %s?)", name, best);
	else
		bk_warnx("unknown plan '%s' (see 'bk-plan list')", name);
	return -1;
}

/* --- writing items ------------------------------------------------- */

struct gen {
	struct bk_db *db;
	long long plan_id;
	const struct bk_template *t;
	long long *ids;		/* per rule of every phase: the exercise */
	struct bk_tpl_dose *base;	/* ... and its whole dose */
	int *first;		/* index of each phase's first rule */
	int times;		/* the plan's sessions a day, or 0 */
	sqlite3_stmt *ins;
	long sessions, tests;
	bk_day last_date;
};

/* the exercise's catalog dose where the template gave none */
static void
fill_dose(struct bk_db *db, long long id, struct bk_tpl_dose *d)
{
	sqlite3_stmt *st = bk_db_prepare(db, "SELECT sets, reps, hold_s,"
	    " per_side, rest_s FROM exercises WHERE id = ?");

	sqlite3_bind_int64(st, 1, id);
	if (bk_db_step(db, st) == SQLITE_ROW) {
		if (d->sets < 0)
			d->sets = sqlite3_column_int(st, 0);
		if (d->reps < 0)
			d->reps = sqlite3_column_int(st, 1);
		if (d->hold_s < 0)
			d->hold_s = sqlite3_column_int(st, 2);
		if (d->per_side < 0)
			d->per_side = d->side ? 0 : sqlite3_column_int(st, 3);
		if (d->rest_s < 0)
			d->rest_s = sqlite3_column_int(st, 4);
	}
	sqlite3_finalize(st);
	if (d->sets < 1)
		d->sets = 1;
}

/* resolve the exercises of phases from..end; quiet says no message is
 * wanted where the template is named (a phase change long after) */
static int
gen_init(struct gen *g, struct bk_db *db, const struct bk_template *t,
    const char *tname, int from)
{
	char where[PATH_MAX + 64];
	const char *saved = bk_progname;
	struct bk_tpl_rule *r;
	int p, i, n = 0, bad = 0;

	memset(g, 0, sizeof *g);
	g->db = db;
	g->t = t;
	g->first = bk_xmalloc((t->nphase + 1) * sizeof *g->first);
	for (p = 0; p < t->nphase; p++) {
		g->first[p] = n;
		n += t->phase[p].nrule;
	}
	g->first[p] = n;
	g->ids = calloc(n ? n : 1, sizeof *g->ids);
	g->base = calloc(n ? n : 1, sizeof *g->base);
	if (!g->ids || !g->base)
		bk_errx(BK_EXIT_DATA, "cannot allocate memory");
	for (p = from; p < t->nphase && !bad; p++) {
		for (i = 0; i < t->phase[p].nrule; i++) {
			r = &t->phase[p].rule[i];
			g->base[g->first[p] + i] = r->dose;
			if (r->act != BK_TPL_EXERCISE)
				continue;
			/* name the template and line in the lookup's one-line
			 * message */
			snprintf(where, sizeof where, "%s: cannot use template "
			    "'%s': line %ld", saved, tname, r->line);
			bk_progname = where;
			g->ids[g->first[p] + i] = bk_catalog_lookup(db,
			    r->what);
			bk_progname = saved;
			if (g->ids[g->first[p] + i] < 0) {
				bad = 1;
				break;
			}
			fill_dose(db, g->ids[g->first[p] + i],
			    &g->base[g->first[p] + i]);
		}
	}
	g->ins = bk_db_prepare(db, "INSERT INTO plan_items (plan_id, date,"
	    " kind, exercise_id, test_kind, sets, reps, hold_s, load_kg,"
	    " per_side, rest_s, phase, seq, side, times) VALUES (?1, ?2, ?3,"
	    " ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
	return bad ? -1 : 0;
}

static void
gen_free(struct gen *g)
{
	sqlite3_finalize(g->ins);
	free(g->ids);
	free(g->base);
	free(g->first);
}

int
bk_plan_template_check(struct bk_db *db, const struct bk_template *t,
    const char *source)
{
	struct gen g;
	int rc = gen_init(&g, db, t, source, 0);

	gen_free(&g);
	return rc;
}

static void
bind_dose(sqlite3_stmt *st, int col, const struct bk_tpl_dose *d)
{
	sqlite3_bind_int64(st, col, d->sets);
	sqlite3_bind_int64(st, col + 1, d->reps);
	sqlite3_bind_int64(st, col + 2, d->hold_s);
	if (d->load_kg > 0)
		sqlite3_bind_double(st, col + 3, d->load_kg);
	else
		sqlite3_bind_null(st, col + 3);
	sqlite3_bind_int(st, col + 4, d->per_side > 0);
	sqlite3_bind_int64(st, col + 5, d->rest_s > 0 ? d->rest_s : 0);
}

static void
gen_day(struct gen *g, int p, int day, bk_day date, const int *rules,
    int n, int drop_rest)
{
	const struct bk_tpl_phase *ph = &g->t->phase[p];
	const struct bk_tpl_rule *r;
	struct bk_tpl_dose d;
	char iso[11];
	int i, seq = 0, session = 0;

	bk_date_format(date, iso);
	for (i = 0; i < n; i++) {
		r = &ph->rule[rules[i]];
		if (r->act == BK_TPL_REST && drop_rest)
			continue;
		sqlite3_reset(g->ins);
		sqlite3_clear_bindings(g->ins);
		sqlite3_bind_int64(g->ins, 1, g->plan_id);
		sqlite3_bind_text(g->ins, 2, iso, -1, SQLITE_TRANSIENT);
		if (ph->name)
			sqlite3_bind_text(g->ins, 12, ph->name, -1,
			    SQLITE_STATIC);
		sqlite3_bind_int(g->ins, 10, 0);
		sqlite3_bind_int(g->ins, 13, ++seq);
		sqlite3_bind_int(g->ins, 15, 1);
		if (r->act == BK_TPL_REST) {
			sqlite3_bind_text(g->ins, 3, "rest", -1, SQLITE_STATIC);
		} else if (r->act == BK_TPL_TEST) {
			sqlite3_bind_text(g->ins, 3, "test", -1, SQLITE_STATIC);
			sqlite3_bind_text(g->ins, 5, r->what, -1,
			    SQLITE_STATIC);
			g->tests++;
		} else {
			d = g->base[g->first[p] + rules[i]];
			bk_template_progress(r, (day - 1) / 7 + 1, &d);
			sqlite3_bind_text(g->ins, 3, "exercise", -1,
			    SQLITE_STATIC);
			sqlite3_bind_int64(g->ins, 4,
			    g->ids[g->first[p] + rules[i]]);
			bind_dose(g->ins, 6, &d);
			if (d.side)
				sqlite3_bind_text(g->ins, 14,
				    bk_template_sides[d.side], -1,
				    SQLITE_STATIC);
			sqlite3_bind_int(g->ins, 15, g->times ? g->times :
			    d.times ? d.times : ph->times ? ph->times :
			    g->t->times ? g->t->times : 1);
			session = 1;
		}
		bk_db_step(g->db, g->ins);
	}
	g->sessions += session;
	g->last_date = date;
}

struct walk {
	struct gen *g;
	unsigned mask;
	bk_day start, slot;
};

static int
walk_day(int p, int day, int k, const int *rules, int n, void *data)
{
	struct walk *w = data;
	const struct bk_tpl_phase *ph = &w->g->t->phase[p];
	int i;

	if (!w->mask) {
		gen_day(w->g, p, day, w->start + k - 1, rules, n, 0);
		return 0;
	}
	for (i = 0; i < n; i++)
		if (ph->rule[rules[i]].act != BK_TPL_REST)
			break;
	if (i == n)
		return 0;	/* the days between sessions rest anyway */
	while (!(w->mask & (1u << bk_date_weekday(w->slot))))
		w->slot++;
	gen_day(w->g, p, day, w->slot++, rules, n, 1);
	return 0;
}

/* Write the items of phases p.. for ndays program days from date. With a
 * weekday mask, each program day that has something to do takes the next
 * free one of those weekdays, so the sessions keep their order and the
 * days between are rest. */
static void
generate(struct gen *g, int p, bk_day date, int ndays, unsigned mask)
{
	struct walk w;

	w.g = g;
	w.mask = mask;
	w.start = w.slot = date;
	bk_template_walk(g->t, p, date, ndays, walk_day, &w);
}

static void
set_phase(struct bk_db *db, long long plan, const struct bk_template *t,
    int p, bk_day start)
{
	const struct bk_tpl_phase *ph = &t->phase[p];
	sqlite3_stmt *st;
	char iso[11];

	st = bk_db_prepare(db, "UPDATE plans SET phase = ?2, phase_no = ?3,"
	    " phase_start = ?4, phase_until_h = ?5, phase_regions = ?6"
	    " WHERE id = ?1");
	sqlite3_bind_int64(st, 1, plan);
	if (ph->name)
		sqlite3_bind_text(st, 2, ph->name, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, p);
	sqlite3_bind_text(st, 4, bk_date_format(start, iso), -1,
	    SQLITE_STATIC);
	sqlite3_bind_int(st, 5, ph->until ? ph->hours : 0);
	sqlite3_bind_int(st, 6, (int)ph->regions);
	bk_db_step(db, st);
	sqlite3_finalize(st);
}

static int
has_condition(const struct bk_template *t)
{
	int p;

	for (p = 0; p < t->nphase; p++)
		if (t->phase[p].until)
			return 1;
	return 0;
}

long long
bk_plan_create(struct bk_db *db, const struct bk_plan_new *pn,
    struct bk_plan_made *made)
{
	const struct bk_template *t = pn->tpl;
	sqlite3_stmt *st;
	struct gen g;
	char iso[11], today[11];
	int days;

	memset(made, 0, sizeof *made);
	st = bk_db_prepare(db, "SELECT 1 FROM plans WHERE name = ?");
	sqlite3_bind_text(st, 1, pn->name, -1, SQLITE_STATIC);
	if (bk_db_step(db, st) == SQLITE_ROW) {
		sqlite3_finalize(st);
		bk_warnx("cannot create plan '%s': a plan with that name "
		    "exists", pn->name);
		return -1;
	}
	sqlite3_finalize(st);
	if (t && pn->weekdays && t->weekdays) {
		bk_warnx("cannot use --on with template '%s': it names "
		    "weekdays itself", pn->source ? pn->source :
		    pn->template_name);
		return -2;
	}
	if (t && pn->weekdays && has_condition(t)) {
		bk_warnx("cannot use --on with template '%s': it changes "
		    "phase on a condition, day by day", pn->source ?
		    pn->source : pn->template_name);
		return -2;
	}
	days = pn->days ? pn->days : t ? (t->days ? t->days : 28) : 0;
	if (t && gen_init(&g, db, t, pn->source ? pn->source :
	    pn->template_name, 0) != 0) {
		gen_free(&g);
		return -1;
	}
	st = bk_db_prepare(db, "INSERT INTO plans (name, template,"
	    " template_text, start_date, end_date, weekdays, times, created)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
	sqlite3_bind_text(st, 1, pn->name, -1, SQLITE_STATIC);
	if (t) {
		sqlite3_bind_text(st, 2, pn->template_name, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, pn->template_text, -1, SQLITE_STATIC);
	}
	sqlite3_bind_text(st, 4, bk_date_format(pn->start, iso), -1,
	    SQLITE_TRANSIENT);
	if (days)
		sqlite3_bind_text(st, 5, bk_date_format(pn->start + days - 1,
		    iso), -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 6, (int)pn->weekdays);
	if (pn->times)
		sqlite3_bind_int(st, 7, pn->times);
	sqlite3_bind_text(st, 8, bk_date_format(bk_today(), today), -1,
	    SQLITE_STATIC);
	bk_db_step(db, st);
	sqlite3_finalize(st);
	made->id = sqlite3_last_insert_rowid(db->h);
	made->start = pn->start;
	made->end = days ? pn->start + days - 1 : -1;
	if (!t)
		return made->id;
	g.plan_id = made->id;
	g.times = pn->times;
	g.last_date = pn->start;
	generate(&g, 0, pn->start, days, pn->weekdays);
	set_phase(db, made->id, t, 0, pn->start);
	if (pn->weekdays) {
		/* the sessions decide where a remapped plan ends */
		made->end = g.last_date;
		st = bk_db_prepare(db, "UPDATE plans SET end_date = ? WHERE "
		    "id = ?");
		sqlite3_bind_text(st, 1, bk_date_format(made->end, iso), -1,
		    SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 2, made->id);
		bk_db_step(db, st);
		sqlite3_finalize(st);
	}
	made->sessions = g.sessions;
	made->tests = g.tests;
	gen_free(&g);
	return made->id;
}

/* --- phase changes ------------------------------------------------- */

static long
minutes_of(const char *time)
{
	int h, m;

	if (time && strlen(time) >= 5 && time[2] == ':' &&
	    sscanf(time, "%2d:%2d", &h, &m) == 2 && h >= 0 && h < 24 &&
	    m >= 0 && m < 60)
		return h * 60L + m;
	return 12 * 60L;	/* a rating without a time: midday */
}

/* The day on which pain ratings (in the regions, or with no region) had
 * been 0 for hours since the first 0 after the last higher rating, looking
 * at ratings from from to today; 0 with *met set, or -1. */
static int
pain_free(struct bk_db *db, bk_day from, bk_day today, int hours,
    unsigned regions, bk_day *met)
{
	sqlite3_stmt *st;
	char a[11], b[11];
	const char *region;
	long long zero_since = -1, ts;
	bk_day day;
	int r, found = -1;

	st = bk_db_prepare(db, "SELECT date, time, value, region FROM"
	    " measurements WHERE kind = 'pain' AND date >= ? AND date <= ?"
	    " ORDER BY date, coalesce(time, '12:00'), id");
	sqlite3_bind_text(st, 1, bk_date_format(from, a), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, bk_date_format(today, b), -1, SQLITE_STATIC);
	while (found < 0 && bk_db_step(db, st) == SQLITE_ROW) {
		region = (const char *)sqlite3_column_text(st, 3);
		if (regions && region && region[0] &&
		    ((r = bk_word_index(bk_regions, region)) < 0 ||
		    !(regions & (1u << r))))
			continue;
		if (bk_date_parse_iso((const char *)sqlite3_column_text(st, 0),
		    &day) != 0)
			continue;
		ts = (long long)day * 1440 + minutes_of((const char *)
		    sqlite3_column_text(st, 1));
		if (sqlite3_column_type(st, 2) == SQLITE_NULL ||
		    sqlite3_column_double(st, 2) > 0)
			zero_since = -1;
		else if (zero_since < 0)
			zero_since = ts;
		else if (ts - zero_since >= hours * 60LL) {
			*met = day;
			found = 0;
		}
	}
	sqlite3_finalize(st);
	return found;
}

struct pending {
	long long id;
	bk_day phase_start, end;
	int hours;
	unsigned regions;
};

/* the plans whose current phase's condition is met by today */
static int
due_changes(struct bk_db *db, bk_day today, struct pending **out,
    bk_day **met)
{
	sqlite3_stmt *st;
	struct pending p;
	bk_day when;
	int n = 0;

	*out = NULL;
	*met = NULL;
	st = bk_db_prepare(db, "SELECT id, phase_start, coalesce(end_date,"
	    " '9999-12-31'), phase_until_h, phase_regions FROM plans"
	    " WHERE active = 1 AND phase_until_h > 0 AND phase_start <= ?"
	    " ORDER BY id");
	{
		char iso[11];

		sqlite3_bind_text(st, 1, bk_date_format(today, iso), -1,
		    SQLITE_TRANSIENT);
	}
	while (bk_db_step(db, st) == SQLITE_ROW) {
		p.id = sqlite3_column_int64(st, 0);
		if (bk_date_parse_iso((const char *)sqlite3_column_text(st, 1),
		    &p.phase_start) != 0 || bk_date_parse_iso((const char *)
		    sqlite3_column_text(st, 2), &p.end) != 0)
			continue;
		p.hours = sqlite3_column_int(st, 3);
		p.regions = (unsigned)sqlite3_column_int(st, 4);
		if (pain_free(db, p.phase_start, today, p.hours, p.regions,
		    &when) != 0)
			continue;
		*out = bk_xrealloc(*out, (n + 1) * sizeof **out);
		*met = bk_xrealloc(*met, (n + 1) * sizeof **met);
		(*out)[n] = p;
		(*met)[n++] = when;
	}
	sqlite3_finalize(st);
	return n;
}

/* move plan p on to its next phase from the day after met */
static int
change_phase(struct bk_db *db, const struct pending *p, bk_day met)
{
	sqlite3_stmt *st;
	struct bk_template t;
	struct gen g;
	char err[512], iso[11], tname[80];
	const char *text;
	FILE *fp;
	bk_day from = met + 1;
	int no, rc;

	st = bk_db_prepare(db, "SELECT template_text, phase_no, template"
	    " FROM plans WHERE id = ?");
	sqlite3_bind_int64(st, 1, p->id);
	if (bk_db_step(db, st) != SQLITE_ROW ||
	    sqlite3_column_type(st, 0) == SQLITE_NULL) {
		sqlite3_finalize(st);
		return -1;
	}
	text = (const char *)sqlite3_column_text(st, 0);
	no = sqlite3_column_int(st, 1);
	snprintf(tname, sizeof tname, "%s", sqlite3_column_text(st, 2));
	fp = fmemopen((void *)text, strlen(text) ? strlen(text) : 1, "r");
	if (!fp)
		bk_errx(BK_EXIT_DATA, "cannot allocate memory");
	rc = bk_template_parse(fp, &t, err, sizeof err);
	fclose(fp);
	sqlite3_finalize(st);
	if (rc != 0 || no + 1 >= t.nphase) {
		if (rc == 0)
			bk_template_free(&t);
		/* nothing to move on to: stop asking */
		st = bk_db_prepare(db, "UPDATE plans SET phase_until_h = 0"
		    " WHERE id = ?");
		sqlite3_bind_int64(st, 1, p->id);
		bk_db_step(db, st);
		sqlite3_finalize(st);
		return 0;
	}
	st = bk_db_prepare(db, "DELETE FROM plan_items WHERE plan_id = ?"
	    " AND date >= ? AND phase IS NOT NULL");
	sqlite3_bind_int64(st, 1, p->id);
	sqlite3_bind_text(st, 2, bk_date_format(from, iso), -1,
	    SQLITE_STATIC);
	bk_db_step(db, st);
	sqlite3_finalize(st);
	rc = gen_init(&g, db, &t, tname, no + 1);
	if (rc == 0 && from <= p->end) {
		g.plan_id = p->id;
		st = bk_db_prepare(db, "SELECT times FROM plans WHERE id = ?");
		sqlite3_bind_int64(st, 1, p->id);
		if (bk_db_step(db, st) == SQLITE_ROW)
			g.times = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
		generate(&g, no + 1, from, (int)(p->end - from + 1), 0);
	}
	gen_free(&g);
	set_phase(db, p->id, &t, no + 1, from);
	bk_template_free(&t);
	return 1;
}

int
bk_plan_refresh(struct bk_db *db, bk_day today)
{
	struct pending *p;
	bk_day *met;
	int n, i, own, changed = 0, rounds;

	if (!db->writable || db->in_memory)
		return 0;
	/* a cheap look first, so that reading takes no write lock */
	n = due_changes(db, today, &p, &met);
	free(p);
	free(met);
	if (n == 0)
		return 0;
	/* a read computes the change in a transaction it never commits; a
	 * write stores it with its own, as an entry of the journal */
	own = sqlite3_get_autocommit(db->h) || db->scratch;
	if (own)
		bk_db_scratch(db);
	else
		bk_journal_add(db, "bk-plan", "move plans on to their next "
		    "phase");
	/* a phase may be followed by another that ends on a condition */
	for (rounds = 0; rounds < 20; rounds++) {
		n = due_changes(db, today, &p, &met);
		for (i = 0; i < n; i++)
			changed += change_phase(db, &p[i], met[i]) > 0;
		free(p);
		free(met);
		if (n == 0)
			break;
	}
	return changed;
}

/* --- adding by hand ------------------------------------------------ */

int
bk_plan_add(struct bk_db *db, struct bk_plan_add *a)
{
	sqlite3_stmt *st, *find, *upd, *ins;
	char iso[11];
	bk_day start, end = -1, day;
	unsigned mask, touched = 0;
	int w, n = 0, seq, times;

	st = bk_db_prepare(db, "SELECT start_date, end_date, weekdays, times"
	    " FROM plans WHERE id = ?");
	sqlite3_bind_int64(st, 1, a->plan_id);
	bk_db_step(db, st);
	bk_date_parse_iso((const char *)sqlite3_column_text(st, 0), &start);
	if (sqlite3_column_type(st, 1) != SQLITE_NULL)
		bk_date_parse_iso((const char *)sqlite3_column_text(st, 1),
		    &end);
	mask = a->weekdays ? a->weekdays : (unsigned)sqlite3_column_int(st, 2);
	times = sqlite3_column_int(st, 3);
	sqlite3_finalize(st);
	fill_dose(db, a->exercise_id, &a->dose);
	if (a->dose.times < 1)
		a->dose.times = times > 0 ? times : 1;
	if (a->day_from && end >= 0 && start + a->day_to - 1 > end) {
		bk_warnx("cannot add to plan '%s': it has %ld days, day %d is "
		    "past its end", a->plan, (long)(end - start + 1),
		    a->day_to);
		return -1;
	}
	find = bk_db_prepare(db, "SELECT id FROM plan_items WHERE plan_id = ?1"
	    " AND kind = 'exercise' AND exercise_id = ?2"
	    " AND coalesce(side, '') = ?3 AND (date = ?4 OR weekday = ?5)");
	upd = bk_db_prepare(db, "UPDATE plan_items SET sets = ?2, reps = ?3,"
	    " hold_s = ?4, load_kg = ?5, per_side = ?6, rest_s = ?7,"
	    " times = ?8 WHERE id = ?1");
	ins = bk_db_prepare(db, "INSERT INTO plan_items (plan_id, date,"
	    " weekday, exercise_id, sets, reps, hold_s, load_kg, per_side,"
	    " rest_s, times, side, seq) VALUES (?1, ?9, ?10, ?11, ?2, ?3, ?4,"
	    " ?5, ?6, ?7, ?8, ?12, ?13)");
	/* added by hand: after everything in the plan, in the order added */
	st = bk_db_prepare(db, "SELECT coalesce(max(seq), 0) + 1 FROM"
	    " plan_items WHERE plan_id = ?");
	sqlite3_bind_int64(st, 1, a->plan_id);
	bk_db_step(db, st);
	seq = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	for (day = a->day_from, w = 1; a->day_from ? day <= a->day_to : w <= 7;
	    a->day_from ? day++ : w++) {
		long long id = -1;
		sqlite3_stmt *s;

		if (a->day_from) {
			w = bk_date_weekday(start + day - 1);
			if (mask && !(mask & (1u << w)))
				continue;
			bk_date_format(start + day - 1, iso);
		} else if (mask && !(mask & (1u << w)))
			continue;
		sqlite3_reset(find);
		sqlite3_bind_int64(find, 1, a->plan_id);
		sqlite3_bind_int64(find, 2, a->exercise_id);
		sqlite3_bind_text(find, 3, bk_template_sides[a->dose.side], -1,
		    SQLITE_STATIC);
		if (a->day_from) {
			sqlite3_bind_text(find, 4, iso, -1, SQLITE_STATIC);
			sqlite3_bind_null(find, 5);
		} else {
			sqlite3_bind_null(find, 4);
			sqlite3_bind_int(find, 5, w);
		}
		if (bk_db_step(db, find) == SQLITE_ROW)
			id = sqlite3_column_int64(find, 0);
		s = id >= 0 ? upd : ins;
		sqlite3_reset(s);
		sqlite3_clear_bindings(s);
		sqlite3_bind_int64(s, 1, id >= 0 ? id : a->plan_id);
		bind_dose(s, 2, &a->dose);
		sqlite3_bind_int(s, 8, a->dose.times > 0 ? a->dose.times : 1);
		if (id < 0) {
			if (a->day_from)
				sqlite3_bind_text(s, 9, iso, -1, SQLITE_STATIC);
			else
				sqlite3_bind_int(s, 10, w);
			sqlite3_bind_int64(s, 11, a->exercise_id);
			if (a->dose.side)
				sqlite3_bind_text(s, 12,
				    bk_template_sides[a->dose.side], -1,
				    SQLITE_STATIC);
			sqlite3_bind_int(s, 13, seq);
		}
		bk_db_step(db, s);
		touched |= 1u << w;
		a->updated += id >= 0;
		n++;
	}
	a->weekdays = touched;
	sqlite3_finalize(find);
	sqlite3_finalize(upd);
	sqlite3_finalize(ins);
	return n;
}

/* --- reading days -------------------------------------------------- */

static const char rows_sql[] =
    "WITH RECURSIVE d(day) AS (SELECT ?1 UNION ALL"
    "  SELECT date(day, '+1 day') FROM d WHERE day < ?2),"
    " it AS ("
    "  SELECT pi.date AS day, pi.* FROM plan_items pi"
    "   WHERE pi.date BETWEEN ?1 AND ?2"
    "  UNION ALL"
    "  SELECT d.day, pi.* FROM d JOIN plan_items pi"
    "   ON pi.date IS NULL AND pi.weekday = " WEEKDAY_OF("d.day") ")"
    " SELECT it.day, p.id, p.name,"
    "  CAST(julianday(it.day) - julianday(p.start_date) AS INTEGER) + 1,"
    "  it.seq, it.kind, coalesce(e.slug, it.test_kind, 'rest'),"
    "  coalesce(e.name, it.test_kind, 'rest'), e.kind, e.source,"
    "  it.sets, it.reps, it.hold_s, it.load_kg, it.per_side, it.side,"
    "  it.times, it.rest_s, it.phase, it.id,"
    "  CASE it.kind WHEN 'exercise' THEN " BK_ITEM_ANY_SQL("it.day", "it")
    "   WHEN 'test' THEN EXISTS (SELECT 1 FROM measurements m"
    "    WHERE m.kind = it.test_kind AND m.date = it.day) END,"
    "  CASE it.kind WHEN 'exercise' THEN " BK_ITEM_SKIPS_SQL("it.day", "it")
    "   END,"
    "  CASE it.kind WHEN 'exercise' THEN (SELECT s.reason FROM sets s"
    "    WHERE s.date = it.day AND s.skipped = 1 AND s.reason IS NOT NULL"
    "    AND (s.plan_item_id = it.id OR (s.plan_item_id IS NULL AND"
    "    s.exercise_id = it.exercise_id)) ORDER BY s.id DESC LIMIT 1) END,"
    "  it.exercise_id,"
    "  CASE it.kind WHEN 'exercise' THEN " BK_ITEM_FULL_SQL("it.day", "it")
    "   END"
    " FROM it JOIN plans p ON p.id = it.plan_id"
    " LEFT JOIN exercises e ON e.id = it.exercise_id"
    " WHERE (?3 = 0 AND p.active = 1 OR p.id = ?3)"
    "  AND (it.date IS NOT NULL OR (it.day >= p.start_date AND"
    "   (p.end_date IS NULL OR it.day <= p.end_date)))"
    " ORDER BY it.day, p.id, it.seq, it.id";

#define TXT(i) ((const char *)sqlite3_column_text(st, (i)))

void
bk_plan_rows(struct bk_db *db, long long plan, bk_day from, bk_day to,
    bk_day today, bk_plan_row_cb cb, void *data)
{
	struct bk_plan_row r;
	sqlite3_stmt *st;
	char a[11], b[11];
	bk_day day;
	long half, full, need;

	if (to < from)
		return;
	st = bk_db_prepare(db, rows_sql);
	sqlite3_bind_text(st, 1, bk_date_format(from, a), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, bk_date_format(to, b), -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, plan);
	while (bk_db_step(db, st) == SQLITE_ROW) {
		memset(&r, 0, sizeof r);
		r.date = TXT(0);
		bk_date_parse_iso(r.date, &day);
		r.day = day;
		r.plan_id = sqlite3_column_int64(st, 1);
		r.plan = TXT(2);
		r.day_no = sqlite3_column_int(st, 3);
		r.seq = sqlite3_column_int(st, 4);
		r.kind = TXT(5);
		r.item = TXT(6);
		r.name = TXT(7);
		r.ekind = TXT(8);
		r.source = TXT(9);
		r.sets = sqlite3_column_int(st, 10);
		r.reps = sqlite3_column_int(st, 11);
		r.hold_s = sqlite3_column_int(st, 12);
		r.load_kg = sqlite3_column_type(st, 13) == SQLITE_NULL ? 0 :
		    sqlite3_column_double(st, 13);
		r.per_side = sqlite3_column_int(st, 14);
		r.side = TXT(15);
		r.times = sqlite3_column_int(st, 16);
		r.rest_s = sqlite3_column_int(st, 17);
		r.phase = TXT(18);
		r.item_id = sqlite3_column_int64(st, 19);
		r.exercise_id = sqlite3_column_int64(st, 23);
		half = sqlite3_column_int(st, 20);
		full = sqlite3_column_int(st, 24);
		r.skips = sqlite3_column_int(st, 21);
		r.reason = TXT(22);
		if (strcmp(r.kind, "test") == 0) {
			/* one test a day is the item's measurement */
			r.needed = 1;
			r.logged = half;
			full = half;
			need = 1;
			r.at_dose = half;
		} else {
			/* sets x sessions, each side a half */
			r.needed = (long)(r.sets > 0 ? r.sets : 1) *
			    (r.times > 0 ? r.times : 1);
			r.logged = half / 2;
			r.one_side = half % 2;
			need = 2 * r.needed;
			r.at_dose = full / 2;
		}
		r.status = bk_item_status(r.kind, full, half, r.skips, need,
		    day, today);
		if (cb(&r, data) != 0)
			break;
	}
	sqlite3_finalize(st);
}

/* --- doses for people ---------------------------------------------- */

char *
bk_plan_load_format(double kg, int imperial, char *buf, size_t len)
{
	return bk_load_text(kg, imperial, buf, len);
}

char *
bk_plan_dose_format(const struct bk_tpl_dose *d, double load_kg, int imperial,
    char *buf, size_t len)
{
	size_t n;

	bk_dose_text(d->sets, d->reps, d->hold_s, load_kg, d->per_side > 0 ?
	    "each side" : d->side > 0 ? bk_template_sides[d->side] : NULL,
	    imperial, buf, len);
	n = strlen(buf);
	if (d->times > 1 && n < len)
		snprintf(buf + n, len - n, ", %d times a day", d->times);
	return buf;
}

/* --- checks -------------------------------------------------------- */

/* how a movement bends or twists the spine, for the balance of tcm-style
 * days (article 003: a right twist then a left, a forward bend then a
 * backward one). The catalog has no such column; these are its slugs. */
enum { MOVE_NONE, MOVE_TWIST, MOVE_FORWARD, MOVE_BACKWARD, MOVE_BOTH };
static int
movement(const char *slug)
{
	static const struct {
		const char *slug;
		int move;
	} moves[] = {
		{ "back-twist", MOVE_TWIST }, { "neck-twist", MOVE_TWIST },
		{ "trunk-rotation", MOVE_TWIST },
		{ "chair-rotation", MOVE_TWIST },
		{ "leg-stretch", MOVE_FORWARD },
		{ "jefferson-curl", MOVE_FORWARD },
		{ "knee-to-chest", MOVE_FORWARD },
		{ "back-arch", MOVE_BACKWARD },
		{ "prone-back-extension", MOVE_BACKWARD },
		{ "forward-backward-bend", MOVE_BOTH },
		{ "cat-cow", MOVE_BOTH }, { "arch-and-relax", MOVE_BOTH },
	};
	size_t i;

	for (i = 0; i < sizeof moves / sizeof moves[0]; i++)
		if (strcmp(moves[i].slug, slug) == 0)
			return moves[i].move;
	return MOVE_NONE;
}

enum { W_HOLD, W_CONSEC, W_SIDE, W_BEND, W_RELIEF, NWARN };

struct warn {
	long count;
	char first[320];
};

struct dayitem {
	char slug[72];
	int strength, hold, tcm, move, relief, times;
	char side[12];
	int per_side;
};

struct checker {
	char date[11];
	bk_day day, last_strength;
	char last_strength_ex[72];
	struct dayitem *it;
	int n, cap;
	struct warn w[NWARN];
};

static void
warn_at(struct checker *c, int kind, const char *fmt, const char *a,
    const char *b)
{
	struct warn *w = &c->w[kind];

	if (w->count++ == 0)
		snprintf(w->first, sizeof w->first, fmt, a, b);
}

static void
check_day(struct checker *c)
{
	struct dayitem *x, *y;
	char buf[96];
	int i, j, m, relief = 0, strength = -1, found;
	const char *fwd_ex = NULL, *back_ex = NULL;

	if (c->n == 0)
		return;
	for (i = 0; i < c->n; i++) {
		x = &c->it[i];
		/* a long static hold before strength work in the same day */
		if (x->hold) {
			for (j = i + 1; j < c->n; j++)
				if (c->it[j].strength)
					break;
			if (j < c->n) {
				snprintf(buf, sizeof buf, "%s: %s", c->date,
				    x->slug);
				warn_at(c, W_HOLD, "%s holds 60s or more "
				    "before strength work (%s)", buf,
				    c->it[j].slug);
			}
		}
		if (x->strength && strength < 0)
			strength = i;
		/* one side without the other */
		if (x->side[0] && (strcmp(x->side, "left") == 0 ||
		    strcmp(x->side, "right") == 0)) {
			const char *other = strcmp(x->side, "left") == 0 ?
			    "right" : "left";

			for (found = 0, j = 0; j < c->n; j++) {
				y = &c->it[j];
				if (strcmp(y->slug, x->slug) == 0 &&
				    (y->per_side ||
				    strcmp(y->side, other) == 0))
					found = 1;
			}
			if (!found) {
				snprintf(buf, sizeof buf, "%s: %s", c->date,
				    x->slug);
				warn_at(c, W_SIDE, "%s on the %s side only",
				    buf, x->side);
			}
		}
		m = movement(x->slug);
		if (strcmp(x->side, "forward") == 0)
			m = MOVE_FORWARD;
		else if (strcmp(x->side, "backward") == 0)
			m = MOVE_BACKWARD;
		if ((m == MOVE_FORWARD || m == MOVE_BOTH) && !fwd_ex)
			fwd_ex = x->slug;
		if ((m == MOVE_BACKWARD || m == MOVE_BOTH) && !back_ex)
			back_ex = x->slug;
		if (x->relief && x->times > relief)
			relief = x->times;
	}
	/* tcm-style days: every bend balanced by its opposite */
	for (i = 0, found = 0; i < c->n; i++)
		found |= c->it[i].tcm;
	if (found && !fwd_ex != !back_ex) {
		snprintf(buf, sizeof buf, "%s: %s", c->date,
		    fwd_ex ? fwd_ex : back_ex);
		warn_at(c, W_BEND, fwd_ex ? "%s bends forward with no backward "
		    "bend%s" : "%s bends backward with no forward bend%s", buf,
		    " the same day");
	}
	if (relief > 10) {
		snprintf(buf, sizeof buf, "%d", relief);
		warn_at(c, W_RELIEF, "%s: %s relief sessions in one day (the "
		    "article advises 10 at most)", c->date, buf);
	}
	if (strength >= 0) {
		if (c->last_strength == c->day - 1) {
			char prev[11];

			bk_date_format(c->last_strength, prev);
			snprintf(buf, sizeof buf, "%s and %s", prev, c->date);
			warn_at(c, W_CONSEC, "%s: strength work on consecutive "
			    "days (%s), with no rest day between", buf,
			    c->it[strength].slug);
		}
		c->last_strength = c->day;
	}
	c->n = 0;
}

static int
check_row(const struct bk_plan_row *r, void *data)
{
	struct checker *c = data;
	struct dayitem *x;

	if (strcmp(r->date, c->date) != 0) {
		check_day(c);
		snprintf(c->date, sizeof c->date, "%s", r->date);
		c->day = r->day;
	}
	if (strcmp(r->kind, "exercise") != 0)
		return 0;
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 32;
		c->it = bk_xrealloc(c->it, c->cap * sizeof *c->it);
	}
	x = &c->it[c->n++];
	memset(x, 0, sizeof *x);
	snprintf(x->slug, sizeof x->slug, "%s", r->item);
	snprintf(x->side, sizeof x->side, "%s", r->side ? r->side : "");
	x->per_side = r->per_side;
	/* strength work: a strength exercise for two sets or more, or with a
	 * load; a single set of a gentle strength move is not training */
	x->strength = r->ekind && strcmp(r->ekind, "strength") == 0 &&
	    (r->sets >= 2 || r->load_kg > 0);
	x->hold = r->hold_s >= 60 && (r->reps == 0 ||
	    (r->ekind && strcmp(r->ekind, "static") == 0));
	x->tcm = r->source && strcmp(r->source, "003") == 0;
	x->relief = r->source && strcmp(r->source, "004") == 0;
	x->times = r->times;
	return 0;
}

static const char *const advice[NWARN] = {
	"long static holds weaken the work after them: keep warm-up holds to "
	    "10-20s, or stretch after",
	"leave a rest day between strength sessions",
	"do the other side too",
	"balance each bend with its opposite",
	"do the sequence at most 10 times a day",
};

int
bk_plan_check(struct bk_db *db, long long plan, const char *name,
    bk_day today, FILE *out)
{
	struct checker c;
	sqlite3_stmt *st;
	bk_day from, to, last;
	int i, n = 0;

	(void)today;
	st = bk_db_prepare(db, "SELECT start_date, end_date,"
	    " (SELECT max(date) FROM plan_items WHERE plan_id = ?1)"
	    " FROM plans WHERE id = ?1");
	sqlite3_bind_int64(st, 1, plan);
	bk_db_step(db, st);
	bk_date_parse_iso(TXT(0), &from);
	if (sqlite3_column_type(st, 1) != SQLITE_NULL)
		bk_date_parse_iso(TXT(1), &to);
	else {
		/* two weeks show every weekly pattern, Sunday to Monday too */
		to = from + 13;
		if (sqlite3_column_type(st, 2) != SQLITE_NULL &&
		    bk_date_parse_iso(TXT(2), &last) == 0 && last > to)
			to = last;
	}
	sqlite3_finalize(st);
	memset(&c, 0, sizeof c);
	c.last_strength = -100000;
	bk_plan_rows(db, plan, from, to, today, check_row, &c);
	check_day(&c);
	free(c.it);
	for (i = 0; i < NWARN; i++) {
		if (!c.w[i].count)
			continue;
		fprintf(out, "%s: ", name);
		bk_term_string(out, c.w[i].first);
		if (c.w[i].count > 1)
			fprintf(out, " (and %ld more)", c.w[i].count - 1);
		fprintf(out, ": %s\n", advice[i]);
		n++;
	}
	return n;
}

static bk_day
column_day(sqlite3_stmt *st, int col)
{
	bk_day d;

	if (sqlite3_column_type(st, col) == SQLITE_NULL ||
	    bk_date_parse_iso((const char *)sqlite3_column_text(st, col),
	    &d) != 0)
		return -1;
	return d;
}

int
bk_plan_info_load(struct bk_db *db, const char *name,
    struct bk_plan_info **out)
{
	sqlite3_stmt *st;
	struct bk_plan_info *p;
	long long id = 0;
	int n = 0;

	if (name && (id = bk_plan_find(db, name)) < 0)
		exit(BK_EXIT_USAGE);
	st = bk_db_prepare(db, "SELECT id, name, coalesce(template, ''),"
	    " coalesce(phase, ''), start_date, end_date, phase_start,"
	    " (SELECT max(date) FROM plan_items WHERE plan_id = p.id)"
	    " FROM plans p WHERE (?1 = 0 AND active = 1) OR id = ?1"
	    " ORDER BY start_date, name");
	bk_db_bound(sqlite3_bind_int64(st, 1, id));
	*out = NULL;
	while (bk_db_step(db, st) == SQLITE_ROW) {
		*out = bk_xrealloc(*out, (size_t)(n + 1) * sizeof **out);
		p = &(*out)[n++];
		p->id = sqlite3_column_int64(st, 0);
		p->name = bk_xstrdup((const char *)sqlite3_column_text(st, 1));
		p->tmpl = bk_xstrdup((const char *)sqlite3_column_text(st, 2));
		p->phase = bk_xstrdup((const char *)sqlite3_column_text(st, 3));
		if ((p->start = column_day(st, 4)) < 0)
			bk_errx(BK_EXIT_DATA, "plan %lld has no valid start "
			    "date", p->id);
		p->end = column_day(st, 5);
		p->phase_start = column_day(st, 6);
		p->last_dated = column_day(st, 7);
	}
	sqlite3_finalize(st);
	return n;
}

void
bk_plan_info_free(struct bk_plan_info *p, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		free(p[i].name);
		free(p[i].tmpl);
		free(p[i].phase);
	}
	free(p);
}
