/* bk-unit - a driver that exposes the library's pure functions to the
 * bats suites (tests/unit.bats); not installed */
#include <stdlib.h>
#include <string.h>

#include "../../src/bk.h"

static int
print_row(const struct bk_csv_row *row, void *data)
{
	int i;

	(void)data;
	printf("%ld:", row->line);
	for (i = 0; i < row->n; i++) {
		putchar('[');
		bk_term_string(stdout, row->f[i]);
		putchar(']');
	}
	putchar('\n');
	return 0;
}

static void
print_dose(const struct bk_tpl_dose *d)
{
	if (d->sets >= 0)
		printf(" sets=%ld", d->sets);
	if (d->reps >= 0)
		printf(" reps=%ld", d->reps);
	if (d->hold_s >= 0)
		printf(" hold=%ld", d->hold_s);
	if (d->load_kg >= 0)
		printf(" load=%g", d->load_kg);
	if (d->per_side >= 0)
		printf(" per_side=%d", d->per_side);
	if (d->side)
		printf(" side=%s", bk_template_sides[d->side]);
	if (d->rest_s >= 0)
		printf(" rest=%ld", d->rest_s);
	if (d->times)
		printf(" times=%d", d->times);
}

static int
print_day(int p, int day, int k, const int *rules, int n, void *data)
{
	const struct bk_template *t = data;
	const struct bk_tpl_rule *r;
	struct bk_tpl_dose d;
	char iso[11];
	int i;

	printf("%d %s %s/%d:", k, bk_date_format(bk_today() + k - 1, iso),
	    t->phase[p].name ? t->phase[p].name : "-", day);
	for (i = 0; i < n; i++) {
		r = &t->phase[p].rule[rules[i]];
		if (r->act == BK_TPL_REST)
			printf(" | rest");
		else if (r->act == BK_TPL_TEST)
			printf(" | test %s", r->what);
		else {
			d = r->dose;
			bk_template_progress(r, (day - 1) / 7 + 1, &d);
			printf(" | %s", r->what);
			print_dose(&d);
		}
	}
	putchar('\n');
	return 0;
}

/* a template from stdin: its headers, phases and program days */
static int
template_dump(int days)
{
	struct bk_template t;
	char err[256];
	int i;

	if (bk_template_parse(stdin, &t, err, sizeof err) != 0) {
		printf("error: %s\n", err);
		return 1;
	}
	printf("name %s\nsummary %s\nlength %d\ntimes %d\nnotes %d\n",
	    t.name ? t.name : "-", t.summary ? t.summary : "-", t.days,
	    t.times, t.nnote);
	for (i = 0; i < t.nphase; i++)
		printf("phase %s days=%d until=%d hours=%d regions=%u times=%d "
		    "rules=%d\n", t.phase[i].name ? t.phase[i].name : "-",
		    t.phase[i].days, t.phase[i].until, t.phase[i].hours,
		    t.phase[i].regions, t.phase[i].times, t.phase[i].nrule);
	bk_template_walk(&t, 0, bk_today(), days ? days : t.days ? t.days :
	    28, print_day, &t);
	bk_template_free(&t);
	return 0;
}

/* the date rule, case by case: on day today, in direction dir ('p' past,
 * 'f' future), weeks from ws, s is first..last (last 0: first; first 0:
 * refused) */
static const struct date_case {
	const char *today;
	char dir;
	int ws;
	const char *s, *first, *last;
} date_cases[] = {
	/* ISO dates, leap years */
	{ "2026-11-21", 'p', 1, "2026-01-31", "2026-01-31", 0 },
	{ "2026-11-21", 'p', 1, "2024-02-29", "2024-02-29", 0 },
	{ "2026-11-21", 'p', 1, "2000-02-29", "2000-02-29", 0 },
	{ "2026-11-21", 'p', 1, "2025-02-29", 0, 0 },
	{ "2026-11-21", 'p', 1, "2100-02-29", 0, 0 },
	{ "2026-11-21", 'p', 1, "2026-04-31", 0, 0 },
	{ "2026-11-21", 'p', 1, "0001-01-01", "0001-01-01", 0 },
	{ "2026-11-21", 'p', 1, "9999-12-31", "9999-12-31", 0 },
	{ "2026-11-21", 'p', 1, "0000-12-31", 0, 0 },
	/* words */
	{ "2026-11-21", 'p', 1, "today", "2026-11-21", 0 },
	{ "2026-11-21", 'p', 1, "TODAY", "2026-11-21", 0 },
	{ "2026-11-21", 'p', 1, "yesterday", "2026-11-20", 0 },
	{ "2026-11-21", 'f', 1, "tomorrow", "2026-11-22", 0 },
	{ "2026-03-01", 'p', 1, "yesterday", "2026-02-28", 0 },
	{ "2024-03-01", 'p', 1, "yesterday", "2024-02-29", 0 },
	{ "2026-12-31", 'p', 1, "tomorrow", "2027-01-01", 0 },
	/* offsets */
	{ "2026-11-21", 'p', 1, "-3d", "2026-11-18", 0 },
	{ "2026-11-21", 'p', 1, "+2w", "2026-12-05", 0 },
	{ "2026-11-21", 'p', 1, "-0d", "2026-11-21", 0 },
	{ "2026-11-21", 'p', 1, "-1m", "2026-10-21", 0 },
	{ "2026-11-21", 'p', 1, "+1m", "2026-12-21", 0 },
	{ "2026-11-21", 'p', 1, "+2m", "2027-01-21", 0 },
	{ "2026-11-21", 'p', 1, "-11m", "2025-12-21", 0 },
	{ "2026-11-21", 'p', 1, "-1y", "2025-11-21", 0 },
	{ "2026-11-21", 'p', 1, "+10y", "2036-11-21", 0 },
	{ "2026-11-21", 'p', 1, "-1W", "2026-11-14", 0 },
	{ "2026-11-21", 'p', 1, "+1000d", "2029-08-17", 0 },
	/* months and years clamp to the month's last day */
	{ "2026-03-31", 'p', 1, "-1m", "2026-02-28", 0 },
	{ "2024-03-31", 'p', 1, "-1m", "2024-02-29", 0 },
	{ "2026-03-31", 'p', 1, "+1m", "2026-04-30", 0 },
	{ "2026-03-31", 'p', 1, "-13m", "2025-02-28", 0 },
	{ "2026-01-31", 'p', 1, "+1m", "2026-02-28", 0 },
	{ "2024-01-31", 'p', 1, "+1m", "2024-02-29", 0 },
	{ "2026-12-31", 'p', 1, "+2m", "2027-02-28", 0 },
	{ "2026-05-31", 'p', 1, "-1m", "2026-04-30", 0 },
	{ "2026-02-28", 'p', 1, "+1m", "2026-03-28", 0 },
	{ "2024-02-29", 'p', 1, "+1y", "2025-02-28", 0 },
	{ "2024-02-29", 'p', 1, "-1y", "2023-02-28", 0 },
	{ "2024-02-29", 'p', 1, "+4y", "2028-02-29", 0 },
	{ "2024-02-29", 'p', 1, "+12m", "2025-02-28", 0 },
	{ "2096-02-29", 'p', 1, "+4y", "2100-02-28", 0 },
	{ "1996-02-29", 'p', 1, "+4y", "2000-02-29", 0 },
	/* year bounds */
	{ "0001-01-01", 'p', 1, "today", "0001-01-01", 0 },
	{ "0001-01-01", 'p', 1, "yesterday", 0, 0 },
	{ "0001-01-01", 'p', 1, "-1d", 0, 0 },
	{ "0001-01-31", 'p', 1, "-1m", 0, 0 },
	{ "0001-12-31", 'p', 1, "-1y", 0, 0 },
	{ "0001-01-02", 'p', 1, "-1d", "0001-01-01", 0 },
	{ "0002-01-01", 'p', 1, "-1y", "0001-01-01", 0 },
	{ "9999-12-31", 'p', 1, "today", "9999-12-31", 0 },
	{ "9999-12-31", 'f', 1, "tomorrow", 0, 0 },
	{ "9999-12-31", 'p', 1, "+1d", 0, 0 },
	{ "9999-12-31", 'p', 1, "+1w", 0, 0 },
	{ "9999-12-01", 'p', 1, "+1m", 0, 0 },
	{ "9999-01-01", 'p', 1, "+1y", 0, 0 },
	{ "9998-12-31", 'p', 1, "+1y", "9999-12-31", 0 },
	{ "2026-11-21", 'p', 1, "+2912118d", "9999-12-31", 0 },
	{ "2026-11-21", 'p', 1, "+2912119d", 0, 0 },
	{ "2026-11-21", 'p', 1, "-739940d", "0001-01-01", 0 },
	{ "2026-11-21", 'p', 1, "-739941d", 0, 0 },
	{ "2026-11-21", 'p', 1, "-700000d", "0110-05-10", 0 },
	{ "2026-11-21", 'p', 1, "+8000y", 0, 0 },
	{ "2026-11-21", 'p', 1, "+999999999d", 0, 0 },
	{ "2026-11-21", 'p', 1, "-99999999999999999999m", 0, 0 },
	/* months and years are periods */
	{ "2026-11-21", 'p', 1, "2026-03", "2026-03-01", "2026-03-31" },
	{ "2026-11-21", 'p', 1, "2026-02", "2026-02-01", "2026-02-28" },
	{ "2026-11-21", 'p', 1, "2024-02", "2024-02-01", "2024-02-29" },
	{ "2026-11-21", 'p', 1, "2100-02", "2100-02-01", "2100-02-28" },
	{ "2026-11-21", 'p', 1, "2000-02", "2000-02-01", "2000-02-29" },
	{ "2026-11-21", 'p', 1, "2026-04", "2026-04-01", "2026-04-30" },
	{ "2026-11-21", 'p', 1, "2026-12", "2026-12-01", "2026-12-31" },
	{ "2026-11-21", 'f', 1, "2026", "2026-01-01", "2026-12-31" },
	{ "2026-11-21", 'p', 1, "0001", "0001-01-01", "0001-12-31" },
	{ "2026-11-21", 'p', 1, "9999", "9999-01-01", "9999-12-31" },
	{ "2026-11-21", 'p', 1, "9999-12", "9999-12-01", "9999-12-31" },
	{ "2026-11-21", 'p', 1, "0000", 0, 0 },
	{ "2026-11-21", 'p', 1, "0000-12", 0, 0 },
	{ "2026-11-21", 'p', 1, "10000", 0, 0 },
	{ "2026-11-21", 'p', 1, "2026-13", 0, 0 },
	{ "2026-11-21", 'p', 1, "2026-00", 0, 0 },
	{ "2026-11-21", 'p', 1, "2026-3", 0, 0 },
	{ "2026-11-21", 'p', 1, "202", 0, 0 },
	{ "2026-11-21", 'p', 1, "2026-", 0, 0 },
	/* starts and ends: 2026-11-21 is a saturday */
	{ "2026-11-21", 'p', 1, "sow", "2026-11-16", 0 },
	{ "2026-11-21", 'f', 1, "eow", "2026-11-22", 0 },
	{ "2026-11-21", 'p', 7, "sow", "2026-11-15", 0 },
	{ "2026-11-21", 'p', 7, "eow", "2026-11-21", 0 },
	{ "2026-11-21", 'p', 6, "sow", "2026-11-21", 0 },
	{ "2026-11-21", 'p', 6, "EOW", "2026-11-27", 0 },
	{ "2026-11-16", 'p', 1, "sow", "2026-11-16", 0 },
	{ "2026-11-16", 'p', 1, "eow", "2026-11-22", 0 },
	{ "2026-11-16", 'p', 7, "sow", "2026-11-15", 0 },
	{ "2026-11-22", 'p', 1, "sow", "2026-11-16", 0 },
	{ "2026-11-22", 'p', 1, "eow", "2026-11-22", 0 },
	{ "2026-11-22", 'p', 7, "sow", "2026-11-22", 0 },
	{ "2026-11-22", 'p', 7, "eow", "2026-11-28", 0 },
	{ "2026-12-30", 'p', 1, "eow", "2027-01-03", 0 },
	{ "2026-11-21", 'p', 1, "som", "2026-11-01", 0 },
	{ "2026-11-21", 'p', 1, "eom", "2026-11-30", 0 },
	{ "2024-02-10", 'p', 1, "eom", "2024-02-29", 0 },
	{ "2100-02-10", 'p', 1, "eom", "2100-02-28", 0 },
	{ "2000-02-10", 'p', 1, "eom", "2000-02-29", 0 },
	{ "2026-11-21", 'p', 1, "soy", "2026-01-01", 0 },
	{ "2026-11-21", 'p', 1, "eoy", "2026-12-31", 0 },
	{ "0001-01-03", 'p', 1, "sow", "0001-01-01", 0 },
	{ "0001-01-03", 'p', 7, "sow", 0, 0 },
	{ "9999-12-31", 'p', 1, "sow", "9999-12-27", 0 },
	{ "9999-12-31", 'p', 1, "eow", 0, 0 },
	{ "9999-12-31", 'p', 1, "eoy", "9999-12-31", 0 },
	/* last, this and next week, month and year are periods */
	{ "2026-11-21", 'p', 1, "this week", "2026-11-16", "2026-11-22" },
	{ "2026-11-21", 'p', 1, "last week", "2026-11-09", "2026-11-15" },
	{ "2026-11-21", 'f', 1, "next week", "2026-11-23", "2026-11-29" },
	{ "2026-11-21", 'p', 1, "last-week", "2026-11-09", "2026-11-15" },
	{ "2026-11-21", 'p', 1, "Last  Week", "2026-11-09", "2026-11-15" },
	{ "2026-11-21", 'p', 7, "this week", "2026-11-15", "2026-11-21" },
	{ "2026-11-21", 'p', 7, "last-week", "2026-11-08", "2026-11-14" },
	{ "2026-11-22", 'p', 7, "this week", "2026-11-22", "2026-11-28" },
	{ "2026-11-22", 'p', 1, "this week", "2026-11-16", "2026-11-22" },
	{ "2026-12-30", 'p', 1, "next week", "2027-01-04", "2027-01-10" },
	{ "2026-11-21", 'p', 1, "this month", "2026-11-01", "2026-11-30" },
	{ "2026-11-21", 'p', 1, "last month", "2026-10-01", "2026-10-31" },
	{ "2026-11-21", 'p', 1, "next-month", "2026-12-01", "2026-12-31" },
	{ "2026-12-15", 'p', 1, "next month", "2027-01-01", "2027-01-31" },
	{ "2026-01-15", 'p', 1, "last month", "2025-12-01", "2025-12-31" },
	{ "2024-03-31", 'p', 1, "last month", "2024-02-01", "2024-02-29" },
	{ "2026-11-21", 'p', 1, "this year", "2026-01-01", "2026-12-31" },
	{ "2026-11-21", 'p', 1, "last-year", "2025-01-01", "2025-12-31" },
	{ "2026-11-21", 'p', 1, "next year", "2027-01-01", "2027-12-31" },
	{ "0001-01-03", 'p', 1, "this week", "0001-01-01", "0001-01-07" },
	{ "0001-01-03", 'p', 1, "last week", 0, 0 },
	{ "0001-06-01", 'p', 1, "last year", 0, 0 },
	{ "0001-01-31", 'p', 1, "last month", 0, 0 },
	{ "9999-12-31", 'p', 1, "this week", 0, 0 },
	{ "9999-12-31", 'p', 6, "this week", "9999-12-25", "9999-12-31" },
	{ "9999-12-31", 'p', 1, "next month", 0, 0 },
	{ "9999-12-31", 'p', 1, "next year", 0, 0 },
	{ "9999-12-31", 'p', 1, "this year", "9999-01-01", "9999-12-31" },
	{ "2026-11-21", 'p', 1, "lastweek", 0, 0 },
	{ "2026-11-21", 'p', 1, "last_week", 0, 0 },
	{ "2026-11-21", 'p', 1, "last--week", 0, 0 },
	{ "2026-11-21", 'p', 1, "last", 0, 0 },
	{ "2026-11-21", 'p', 1, "last week x", 0, 0 },
	{ "2026-11-21", 'p', 1, "last day", 0, 0 },
	{ "2026-11-21", 'p', 1, "past week", 0, 0 },
	/* weekdays: back for the past, forward for the future */
	{ "2026-11-21", 'p', 1, "saturday", "2026-11-21", 0 },
	{ "2026-11-21", 'p', 1, "friday", "2026-11-20", 0 },
	{ "2026-11-21", 'p', 1, "sun", "2026-11-15", 0 },
	{ "2026-11-21", 'p', 7, "Monday", "2026-11-16", 0 },
	{ "2026-11-21", 'f', 1, "saturday", "2026-11-21", 0 },
	{ "2026-11-21", 'f', 1, "fri", "2026-11-27", 0 },
	{ "2026-11-21", 'f', 1, "sun", "2026-11-22", 0 },
	{ "2026-11-21", 'f', 1, "MON", "2026-11-23", 0 },
	{ "0001-01-01", 'p', 1, "sunday", 0, 0 },
	{ "9999-12-31", 'f', 1, "monday", 0, 0 },
	/* malformed */
	{ "2026-11-21", 'p', 1, "", 0, 0 },
	{ "2026-11-21", 'p', 1, "3d", 0, 0 },
	{ "2026-11-21", 'p', 1, "+d", 0, 0 },
	{ "2026-11-21", 'p', 1, "-3x", 0, 0 },
	{ "2026-11-21", 'p', 1, "+3dd", 0, 0 },
	{ "2026-11-21", 'p', 1, "+-3d", 0, 0 },
	{ "2026-11-21", 'p', 1, "- 3d", 0, 0 },
	{ "2026-11-21", 'p', 1, "-3", 0, 0 },
	{ "2026-11-21", 'p', 1, "funday", 0, 0 },
	{ "2026-11-21", 'p', 1, "mo", 0, 0 },
	{ "2026-11-21", 'p', 1, " today", 0, 0 },
	{ "2026-11-21", 'p', 1, "today ", 0, 0 },
	{ "2026-11-21", 'p', 1, "2026-11-21x", 0, 0 },
	{ "2026-11-21", 'p', 1, "so", 0, 0 },
	{ "2026-11-21", 'p', 1, "sowx", 0, 0 },
	/* week starts are 1..7 */
	{ "2026-11-21", 'p', 0, "today", 0, 0 },
	{ "2026-11-21", 'p', 8, "sow", 0, 0 },
};

/* every case above through bk_date_parse_period, and through bk_date_parse
 * where it starts weeks on monday; the cases that failed, then a count */
static int
date_check(void)
{
	const struct date_case *c;
	char f[11], l[11];
	bk_day today, first, last, one;
	size_t i;
	int r, bad = 0;

	for (i = 0; i < sizeof date_cases / sizeof date_cases[0]; i++) {
		c = &date_cases[i];
		if (bk_date_parse_iso(c->today, &today) != 0)
			bk_errx(1, "bad case today '%s'", c->today);
		first = last = one = -999999999;
		r = bk_date_parse_period(c->s, today, c->dir == 'p' ?
		    BK_DATE_PAST : BK_DATE_FUTURE, c->ws, &first, &last);
		if (r == 0) {
			bk_date_format(first, f);
			bk_date_format(last, l);
		}
		if (c->first ? r != 0 || strcmp(f, c->first) != 0 ||
		    strcmp(l, c->last ? c->last : c->first) != 0 :
		    r != -1 || first != -999999999 || last != -999999999) {
			printf("FAIL '%s' on %s (%c, week from %d): %s %s, "
			    "expected %s %s\n", c->s, c->today, c->dir, c->ws,
			    r == 0 ? f : "refused", r == 0 ? l : "",
			    c->first ? c->first : "refused",
			    c->first ? c->last ? c->last : c->first : "");
			bad++;
			continue;
		}
		if (c->ws != 1)
			continue;
		r = bk_date_parse(c->s, today, c->dir == 'p' ? BK_DATE_PAST :
		    BK_DATE_FUTURE, &one);
		if (c->first ? r != 0 || one != first :
		    r != -1 || one != -999999999) {
			printf("FAIL bk_date_parse '%s' on %s\n", c->s,
			    c->today);
			bad++;
		}
	}
	printf("%zu cases, %d failed\n", i, bad);
	return bad != 0;
}

int
main(int argc, char *argv[])
{
	char buf[128], err[256];
	bk_day d;
	int i, y, w;

	bk_init("bk-unit");
	if (argc < 2)
		bk_errx(2, "usage: bk-unit date|future|dates|span|week|csv|json|term|dose|"
		    "spec|duration|load|datetime|slug ARG...");
	if (strcmp(argv[1], "date") == 0 || strcmp(argv[1], "future") == 0) {
		for (i = 2; i < argc; i++) {
			if (bk_date_parse(argv[i], bk_today(), argv[1][0] == 'd' ?
			    BK_DATE_PAST : BK_DATE_FUTURE, &d) != 0)
				puts("invalid");
			else
				puts(bk_date_format(d, buf));
		}
	} else if (strcmp(argv[1], "dates") == 0) {
		if (date_check() != 0)
			return 1;
	} else if (strcmp(argv[1], "span") == 0 && argc >= 4) {
		/* span past|future WEEK_START ARG...: first and last day */
		bk_day first, last;
		char l[11];

		for (i = 4; i < argc; i++) {
			if (bk_date_parse_period(argv[i], bk_today(),
			    argv[2][0] == 'p' ? BK_DATE_PAST : BK_DATE_FUTURE,
			    atoi(argv[3]), &first, &last) != 0)
				puts("invalid");
			else
				printf("%s %s\n", bk_date_format(first, buf),
				    bk_date_format(last, l));
		}
	} else if (strcmp(argv[1], "week") == 0) {
		for (i = 2; i < argc; i++) {
			if (bk_date_parse_iso(argv[i], &d) != 0) {
				puts("invalid");
				continue;
			}
			bk_date_isoweek(d, &y, &w);
			printf("%04d-W%02d %d\n", y, w, bk_date_weekday(d));
		}
	} else if (strcmp(argv[1], "csv") == 0) {
		if (bk_csv_read(stdin, argc > 2 ? argv[2][0] : ',', print_row,
		    NULL, err, sizeof err) != 0) {
			printf("error: %s\n", err);
			return 1;
		}
	} else if (strcmp(argv[1], "json") == 0) {
		for (i = 2; i < argc; i++) {
			bk_json_string(stdout, argv[i]);
			putchar('\n');
		}
	} else if (strcmp(argv[1], "term") == 0) {
		for (i = 2; i < argc; i++) {
			bk_term_string(stdout, argv[i]);
			printf(" %zu\n", bk_term_width(argv[i]));
		}
	} else if (strcmp(argv[1], "wrap") == 0 && argc == 4) {
		bk_term_wrap(stdout, argv[2], argv[3]);
	} else if (strcmp(argv[1], "guard") == 0) {
		for (i = 2; i < argc; i++)
			printf("%d\n", bk_out_guard_needed(argv[i]));
	} else if (strcmp(argv[1], "dose") == 0 && argc == 6) {
		puts(bk_dose_format(atol(argv[2]), atol(argv[3]), atol(argv[4]),
		    atoi(argv[5]), buf, sizeof buf));
	} else if (strcmp(argv[1], "out") == 0 && argc >= 3) {
		/* rows of "a|b|c" from stdin through a writer */
		static const char *cols[] = { "key", "text", "n" };
		static const int num[] = { 0, 0, 1 };
		const char *v[3];
		char *line = NULL, *p, *q;
		size_t cap = 0;
		ssize_t n;
		struct bk_out *o = bk_out_new(stdout, bk_format_parse(argv[2]),
		    cols, 3);

		while ((n = getline(&line, &cap, stdin)) > 0) {
			if (line[n - 1] == '\n')
				line[n - 1] = '\0';
			p = strchr(line, '|');
			q = p ? strchr(p + 1, '|') : NULL;
			if (!q)
				continue;
			*p = *q = '\0';
			v[0] = line;
			v[1] = p + 1;
			v[2] = *(q + 1) ? q + 1 : NULL;
			bk_out_row(o, v, num);
		}
		bk_out_end(o);
		free(line);
	} else if (strcmp(argv[1], "spec") == 0) {
		/* each SPEC as "sets reps hold load_kg", or its error */
		struct bk_spec sp;
		const char *why;

		for (i = 2; i < argc; i++) {
			if (bk_spec_parse(argv[i], &sp, &why) != 0)
				printf("error: %s\n", why);
			else
				printf("%ld %ld %ld %s\n", sp.sets, sp.reps,
				    sp.hold_s, bk_num_format(sp.load_kg, 3, buf,
				    sizeof buf));
		}
	} else if (strcmp(argv[1], "duration") == 0 ||
	    strcmp(argv[1], "load") == 0) {
		const char *why;
		double kg;
		long secs;
		int rc;

		for (i = 2; i < argc; i++) {
			rc = argv[1][0] == 'd' ?
			    bk_duration_parse(argv[i], &secs, &why) :
			    bk_load_parse(argv[i], &kg, &why);
			if (rc != 0)
				printf("error: %s\n", why);
			else if (argv[1][0] == 'd')
				printf("%ld\n", secs);
			else
				puts(bk_num_format(kg, 3, buf, sizeof buf));
		}
	} else if (strcmp(argv[1], "datetime") == 0) {
		char date[11], tm[6];

		for (i = 2; i < argc; i++) {
			if (bk_logio_datetime(argv[i], date, tm) != 0)
				puts("invalid");
			else
				printf("%s %s\n", date, tm[0] ? tm : "-");
		}
	} else if (strcmp(argv[1], "slug") == 0) {
		for (i = 2; i < argc; i++) {
			bk_logio_slug(argv[i], buf, 65);
			puts(buf);
		}
	} else if (strcmp(argv[1], "reach") == 0 || strcmp(argv[1],
	    "reach-imperial") == 0) {
		/* value unit cm level, or the error */
		struct bk_reach r;

		for (i = 2; i < argc; i++) {
			if (bk_reach_parse(argv[i], argv[1][5] == '-', &r, err,
			    sizeof err) != 0)
				printf("error: %s\n", err);
			else if (r.level >= 0)
				printf("level %s %d\n", bk_reach_levels[r.level],
				    r.level);
			else
				printf("%g %s %.4f %s\n", r.value, r.unit, r.cm,
				    bk_length_format(r.cm, 0, buf, sizeof buf));
		}
	} else if (strcmp(argv[1], "sitreach") == 0 && argc >= 3) {
		double v, cm;
		int p = bk_word_index(bk_protocols, argv[2]);

		for (i = 3; i < argc && p >= 0; i++) {
			if (bk_sitreach_parse(argv[i], p, &v, &cm, err,
			    sizeof err) != 0)
				printf("error: %s\n", err);
			else
				printf("%g %.4f %.4f\n", v, cm, bk_ymca_inches(cm));
		}
	} else if (strcmp(argv[1], "ymca") == 0 && argc >= 4) {
		/* ymca AGE male|female INCHES...: the band of each reading */
		const char *group;
		int band, sex = bk_word_index(bk_sexes, argv[3]) + 1;

		for (i = 4; i < argc; i++) {
			band = bk_ymca_band(atoi(argv[2]), sex, atof(argv[i]),
			    &group);
			printf("%s: %s%s%s\n", argv[i], band < 0 ? "none" :
			    bk_ymca_bands[band], group ? " " : "",
			    group ? group : "");
		}
	} else if (strcmp(argv[1], "trend") == 0) {
		/* lines "YYYY-MM-DD value" on stdin, in date order */
		struct bk_trend t;
		struct bk_progress p;
		static const char *const dirs[] = { "none", "flat", "rising",
			"falling" };
		char line[128], date[11], day[11], b2[11], b3[11];
		double v;

		bk_trend_init(&t, argc > 2 && strcmp(argv[2], "pain") == 0);
		while (fgets(line, sizeof line, stdin)) {
			if (sscanf(line, "%10s %lf", date, &v) != 2 ||
			    bk_date_parse_iso(date, &d) != 0)
				bk_errx(2, "bad line: %s", line);
			bk_trend_add(&t, d, v);
		}
		bk_trend_finish(&t, &p);
		if (p.n == 0) {
			puts("n=0");
			return bk_close_stdout();
		}
		printf("n=%ld first=%g@%s best=%g@%s latest=%g@%s change=%g "
		    "trend=%s", p.n, p.first, bk_date_format(p.first_day, day),
		    p.best, bk_date_format(p.best_day, b2), p.latest,
		    bk_date_format(p.latest_day, b3), p.change, dirs[p.dir]);
		if (p.dir != BK_TREND_NONE)
			printf(" per_week=%.4f", p.per_week);
		if (p.projected)
			printf(" zero=%s", bk_date_format(p.zero_day, day));
		putchar('\n');
	} else if (strcmp(argv[1], "levels") == 0) {
		struct bk_levels l;
		char lv[256];

		bk_levels_init(&l);
		for (i = 2; i < argc; i++)
			bk_levels_add(&l, i, bk_level_index(argv[i]));
		printf("%ld %s | first %s best %s latest %s\n", l.n,
		    bk_levels_format(&l, lv, sizeof lv),
		    l.n ? bk_reach_levels[l.first] : "-",
		    l.n ? bk_reach_levels[l.best] : "-",
		    l.n ? bk_reach_levels[l.latest] : "-");
	} else if (strcmp(argv[1], "period") == 0 && argc >= 4) {
		/* period day|week|sunday-week|month DATE... */
		int sunday = strcmp(argv[2], "sunday-week") == 0;
		int by = bk_stats_by_parse(sunday ? "week" : argv[2]);

		for (i = 3; i < argc; i++) {
			if (by < 0 || bk_stats_period(argv[i], by, sunday,
			    buf) != 0)
				puts("invalid");
			else
				puts(buf);
		}
	} else if (strcmp(argv[1], "plot-text") == 0) {
		char t[4 * 40 + 8];

		for (i = 2; i < argc; i++)
			printf("[%s]\n", bk_plot_text(argv[i], t, sizeof t));
	} else if (strcmp(argv[1], "plot-term") == 0) {
		static const char *const terms[] = { "dumb", "png", "svg" };

		for (i = 2; i < argc; i++) {
			int t = bk_plot_term_for(argv[i]);

			puts(t < 0 ? "invalid" : terms[t]);
		}
	} else if (strcmp(argv[1], "template") == 0) {
		if (template_dump(argc > 2 ? atoi(argv[2]) : 0) != 0)
			return 1;
	} else if (strcmp(argv[1], "dose") == 0) {
		struct bk_tpl_dose dose;

		for (i = 2; i < argc; i++) {
			if (bk_template_dose_parse(argv[i], &dose, err,
			    sizeof err) != 0)
				printf("error: %s", err);
			else
				print_dose(&dose);
			putchar('\n');
		}
	} else if (strcmp(argv[1], "due") == 0 && argc >= 4) {
		/* the planned item bk-log would link a set of EXERCISE to */
		struct bk_due due;
		struct bk_db db;
		long long ex;
		int r;

		bk_db_open(&db, NULL, BK_DB_READ);
		bk_plan_refresh(&db, bk_today());
		if ((ex = bk_catalog_lookup(&db, argv[2])) < 0 ||
		    bk_date_parse_iso(argv[3], &d) != 0)
			return 2;
		r = bk_due_item(&db, ex, d, argc > 4 ? argv[4] : NULL, &due);
		if (r < 0)
			return 2;
		if (r) {
			printf("%s %lld sets=%ld reps=%ld hold=%ld load=%g "
			    "per_side=%d", due.plan, due.id, due.sets, due.reps,
			    due.hold_s, due.load_kg, due.per_side);
			if (due.side[0])
				printf(" side=%s", due.side);
			printf(" rest=%ld times=%d\n", due.rest_s, due.times);
		} else
			puts("none");
		bk_db_close(&db);
	} else if (strcmp(argv[1], "answer") == 0) {
		static const char *const kinds[] = { "none", "done", "skip",
			"partly", "rest", "quit", "help" };
		struct bk_answer a;
		const char *why;

		for (i = 2; i < argc; i++) {
			if (bk_answer_parse(argv[i], &a, &why) != 0)
				printf("error: %s\n", why);
			else if (a.arg)
				printf("%s [%s]\n", kinds[a.kind], a.arg);
			else
				printf("%s\n", kinds[a.kind]);
		}
	} else if (strcmp(argv[1], "partly") == 0 && argc >= 6) {
		/* partly SETS REPS HOLD ARG...: the dose a partly answer
		 * stands for, from a planned dose of 2kg */
		struct bk_answer_dose plan, got;

		plan.sets = atol(argv[2]);
		plan.reps = atol(argv[3]);
		plan.hold_s = atol(argv[4]);
		plan.load_kg = 2;
		for (i = 5; i < argc; i++) {
			if (bk_answer_partly(argv[i], &plan, &got, err,
			    sizeof err) != 0)
				printf("error: %s\n", err);
			else
				printf("sets=%ld reps=%ld hold=%ld load=%g\n",
				    got.sets, got.reps, got.hold_s,
				    got.load_kg);
		}
	} else if (strcmp(argv[1], "ics") == 0 && argc == 5) {
		bk_ics_line(stdout, argv[2], argv[3], atoi(argv[4]));
	} else
		bk_errx(2, "unknown test '%s'", argv[1]);
	return bk_close_stdout();
}
