/* testprog.c - bk-test progress: the first, best and latest results and
 * their trend */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bk.h"

/* loaded by the commands where units, birth_year or sex matter, so that
 * a bad configuration line never stands in the way of undo or rm */
static struct bk_config cfg;

static int
out_format(const struct bk_testopts *o)
{
	return o->format >= 0 ? o->format : (int)bk_format_default();
}


/* a number with its sign, one decimal at most: "+2", "-0.5", "0" */
static char *
signed_number(double v, char *buf, size_t len)
{
	char *dot;

	v = (double)(long long)(v * 10 + (v < 0 ? -0.5 : 0.5)) / 10;
	snprintf(buf, len, v == 0 ? "0" : "%+.1f", v);
	if ((dot = strstr(buf, ".0")) && dot[2] == '\0')
		*dot = '\0';
	return buf;
}

static char *
value_text(const struct bk_series *s, double v, int sign, char *buf,
    size_t len)
{
	char num[48];

	if (strcmp(s->kind, "pain") != 0)
		return bk_length_format(v, cfg.imperial, buf, len);
	if (sign)
		snprintf(buf, len, "%s", signed_number(v, num, sizeof num));
	else
		snprintf(buf, len, "%g/10", v);
	return buf;
}

static void
print_span(long days)
{
	if (days % 7 == 0)
		printf("%ld week%s", days / 7, days == 7 ? "" : "s");
	else
		printf("%ld day%s", days, days == 1 ? "" : "s");
}

static void
print_trend(const struct bk_series *s)
{
	const struct bk_progress *p = &s->p;
	int pain = strcmp(s->kind, "pain") == 0;
	const char *zero = strcmp(s->kind, "toe-touch") == 0 ? "floor" :
	    "toes";
	char rate[64], date[11];

	if (p->n == 0) {
		printf("  trend    none: level words do not enter the trend; "
		    "measure to see one\n");
		return;
	}
	if (p->dir == BK_TREND_NONE) {
		printf("  trend    none: too few tests for a trend (%d over "
		    "%d days or more)\n", BK_TREND_TESTS, BK_TREND_DAYS);
		return;
	}
	value_text(s, p->per_week, 1, rate, sizeof rate);
	if (p->dir == BK_TREND_FLAT) {
		printf("  trend    flat (%s a week over %ld tests)", rate,
		    p->n);
		if (!pain && p->latest < 0)
			printf(": at this rate the reach does not get to the %s",
			    zero);
		putchar('\n');
		return;
	}
	if (p->dir == BK_TREND_FALLING) {
		printf("  trend    %s a week over %ld tests, falling", rate,
		    p->n);
		if (pain) {
			printf(" (better)\n");
			if (p->projected && p->zero_day > p->latest_day) {
				printf("  0/10     %s on this trend, ",
				    bk_date_format(p->zero_day, date));
				print_span(p->zero_day - p->latest_day);
				printf(" after the latest rating\n");
			} else if (p->projected)
				printf("  0/10     the trend line got there on "
				    "%s; the next ratings should show it\n",
				    bk_date_format(p->zero_day, date));
		} else
			printf(": no date for the %s while the reach shrinks\n",
			    zero);
		return;
	}
	printf("  trend    %s a week over %ld tests, rising%s\n", rate, p->n,
	    pain ? " (worse)" : "");
	if (pain)
		return;
	if (!p->projected)
		printf("  %-8s reached: the latest reach is at or past the %s\n",
		    zero, zero);
	else if (p->zero_day <= p->latest_day)
		printf("  %-8s the trend line got there on %s; the next tests "
		    "should show it\n", zero, bk_date_format(p->zero_day, date));
	else {
		printf("  %-8s %s on this trend, ", zero,
		    bk_date_format(p->zero_day, date));
		print_span(p->zero_day - p->latest_day);
		printf(" after the latest test\n");
	}
}

static void
print_report(const struct bk_series *s, const char *since)
{
	const struct bk_progress *p = &s->p;
	char a[64], b[11], lv[256];

	if (s->tests == 0) {
		printf("%s: no tests%s%s\n", s->kind, since ? " since " : "",
		    since ? since : "");
		return;
	}
	fputs(s->kind, stdout);
	if (s->region) {
		fputs(" (", stdout);
		bk_term_string(stdout, s->region);
		putchar(')');
	}
	printf(": %ld test%s, %s", s->tests, s->tests == 1 ? "" :
	    "s", bk_date_format(s->from, b));
	printf(" to %s\n", bk_date_format(s->to, b));
	if (p->n > 0) {
		printf("  first    %s on %s\n", value_text(s, p->first, 0, a,
		    sizeof a), bk_date_format(p->first_day, b));
		printf("  best     %s on %s\n", value_text(s, p->best, 0, a,
		    sizeof a), bk_date_format(p->best_day, b));
		printf("  latest   %s on %s\n", value_text(s, p->latest, 0, a,
		    sizeof a), bk_date_format(p->latest_day, b));
		printf("  change   %s since the first test\n",
		    value_text(s, p->change, 1, a, sizeof a));
	}
	print_trend(s);
	if (s->levels.n > 0)
		printf("  levels   %s (best %s on %s)\n",
		    bk_levels_format(&s->levels, lv, sizeof lv),
		    bk_reach_levels[s->levels.best],
		    bk_date_format(s->levels.best_day, b));
}

static void
progress_row(struct bk_out *out, const struct bk_series *s)
{
	static const char *const dirs[] = { "none", "flat", "rising",
		"falling" };
	static const int isnum[] = { 0, 1, 0, 0, 1, 0, 1, 0, 1, 1, 1, 0, 0,
		0, 0 };
	const struct bk_progress *p = &s->p;
	char n[6][32], d[4][11], tests[24], lv[256];
	const char *v[15];

	memset(v, 0, sizeof v);
	v[0] = s->kind;
	snprintf(tests, sizeof tests, "%ld", s->tests);
	v[1] = tests;
	v[2] = strcmp(s->kind, "pain") == 0 ? "rating" : "cm";
	if (p->n > 0) {
		v[3] = bk_date_format(p->first_day, d[0]);
		snprintf(n[0], sizeof n[0], "%.6g", p->first);
		v[4] = n[0];
		v[5] = bk_date_format(p->best_day, d[1]);
		snprintf(n[1], sizeof n[1], "%.6g", p->best);
		v[6] = n[1];
		v[7] = bk_date_format(p->latest_day, d[2]);
		snprintf(n[2], sizeof n[2], "%.6g", p->latest);
		v[8] = n[2];
		snprintf(n[3], sizeof n[3], "%.6g", p->change);
		v[9] = n[3];
	}
	if (p->n > 0 && p->dir != BK_TREND_NONE) {
		snprintf(n[4], sizeof n[4], "%.6g", p->per_week);
		v[10] = n[4];
	}
	v[11] = dirs[p->dir];
	if (p->projected)
		v[12] = bk_date_format(p->zero_day, d[3]);
	if (s->levels.n > 0)
		v[13] = bk_levels_format(&s->levels, lv, sizeof lv);
	v[14] = s->region;
	bk_out_row(out, v, isnum);
}

/* the pain reports, one per region rated (the back as a whole is
 * "overall"); the number shown */
static int
progress_regions(struct bk_db *db, struct bk_out *out, const char *since,
    const char *until, int shown, int asked)
{
	struct bk_series ser;
	sqlite3_stmt *st;
	char *region;
	int n = 0;

	st = bk_db_prepare(db, "SELECT DISTINCT coalesce(region, '')"
	    " FROM measurements WHERE kind = 'pain'"
	    " AND (?1 IS NULL OR date >= ?1) AND (?2 IS NULL OR date <= ?2)"
	    " ORDER BY 1");
	sqlite3_bind_text(st, 1, since, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, until, -1, SQLITE_STATIC);
	while (bk_db_step(db, st) == SQLITE_ROW) {
		region = bk_xstrdup((const char *)sqlite3_column_text(st, 0));
		memset(&ser, 0, sizeof ser);
		ser.kind = "pain";
		ser.region = region[0] ? region : "overall";
		bk_series_read(db, &ser, since, until, region);
		if (out)
			progress_row(out, &ser);
		else {
			if (shown + n)
				putchar('\n');
			print_report(&ser, since);
		}
		n++;
		free(region);
	}
	sqlite3_finalize(st);
	if (n == 0 && asked && !out) {
		memset(&ser, 0, sizeof ser);
		ser.kind = "pain";
		print_report(&ser, since);
		n++;
	}
	return n;
}

void
bk_testprog_run(struct bk_db *db, const struct bk_testopts *o, const char *kind)
{
	static const char *cols[] = { "kind", "tests", "unit", "first_date",
		"first", "best_date", "best", "latest_date", "latest", "change",
		"per_week", "trend", "projected_date", "levels", "region" };
	char since[11], until[11];
	const char *s = bk_testcmd_bound(o->since, 0, since);
	const char *u = bk_testcmd_bound(o->until, 1, until);
	struct bk_series ser;
	struct bk_out *out = NULL;
	int fmt = out_format(o), i, shown = 0;

	if (kind)
		bk_check_word("kind", bk_test_kinds, kind);
	bk_config_load(&cfg);
	if (o->region && kind && strcmp(kind, "pain") != 0)
		bk_usage("option --region applies to pain only, not '%s'",
		    kind);
	bk_db_open(db, o->db, BK_DB_READ);
	if (fmt != BK_FMT_TABLE)
		out = bk_out_new(stdout, fmt, cols, 15);
	for (i = 0; bk_test_kinds[i]; i++) {
		if (kind ? strcmp(kind, bk_test_kinds[i]) != 0 :
		    o->region && strcmp(bk_test_kinds[i], "pain") != 0)
			continue;
		if (strcmp(bk_test_kinds[i], "pain") == 0 && !o->region) {
			/* pain is always per region: one report each */
			shown += progress_regions(db, out, s, u, shown,
			    kind != NULL);
			continue;
		}
		memset(&ser, 0, sizeof ser);
		ser.kind = bk_test_kinds[i];
		ser.region = o->region;
		bk_series_read(db, &ser, s, u, o->region);
		if (ser.tests == 0 && !kind)
			continue;
		if (out) {
			if (ser.tests > 0)
				progress_row(out, &ser);
			continue;
		}
		if (shown++)
			putchar('\n');
		print_report(&ser, s);
	}
	if (out)
		bk_out_end(out);
	else if (!kind && !shown)
		printf("no tests%s%s\n", s ? " since " : "", s ? s : "");
}

