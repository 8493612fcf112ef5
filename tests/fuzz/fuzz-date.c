/* libFuzzer harness: the date parser and calendar arithmetic.
 * The input is the argument, then optionally a NUL and three bytes that
 * pick today within 0001-01-01..9999-12-31 (else today is 2026-11-21);
 * every week start and both directions are tried. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/bk.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* a day prints as a date that parses back the same, in a valid ISO week */
static void
check_day(bk_day day)
{
	char buf[11];
	bk_day back;
	int y, m, d, w;

	if (!bk_date_in_range(day))
		abort();
	bk_date_format(day, buf);
	bk_date_to_ymd(day, &y, &m, &d);
	if (!bk_date_valid(y, m, d) || bk_date_parse_iso(buf, &back) != 0 ||
	    back != day)
		abort();
	bk_date_isoweek(day, &y, &w);
	if (w < 1 || w > 53)
		abort();
}

static void
check(const char *s, bk_day today, enum bk_date_dir dir, int ws)
{
	const bk_day unset = -999999999;
	bk_day first = unset, last = unset, one = unset, f2, l2;
	int r, y, m, d;

	r = bk_date_parse_period(s, today, dir, ws, &first, &last);
	if (r != 0) {
		/* refused: nothing written; a week start is 1..7 */
		if (r != -1 || first != unset || last != unset)
			abort();
	} else {
		if (ws < 1 || ws > 7 || first > last)
			abort();
		check_day(first);
		check_day(last);
		if (last - first == 6) {
			/* a week begins on its week start */
			if (bk_date_weekday(first) != ws)
				abort();
		} else if (last != first) {
			/* else a month or a year: whole months */
			bk_date_to_ymd(first, &y, &m, &d);
			if (d != 1)
				abort();
			bk_date_to_ymd(last + 1, &y, &m, &d);
			if (d != 1)
				abort();
		}
		if (bk_date_parse_period(s, today, dir, ws, &f2, &l2) != 0 ||
		    f2 != first || l2 != last)
			abort();
	}
	if (ws != 1)
		return;
	/* bk_date_parse is the same rule, a period's first day */
	if (bk_date_parse(s, today, dir, &one) != r ||
	    (r == 0 ? one != first : one != unset))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	bk_day today = bk_date_from_ymd(2026, 11, 21);
	bk_day lo = bk_date_from_ymd(1, 1, 1);
	bk_day span = bk_date_from_ymd(9999, 12, 31) - lo + 1;
	size_t n;
	int ws;

	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	n = strlen(s);
	if (size - n > 3) {
		const uint8_t *t = data + n + 1;

		today = lo + (bk_day)(((unsigned long)t[0] << 16 |
		    (unsigned long)t[1] << 8 | t[2]) % (unsigned long)span);
	}
	for (ws = 0; ws <= 8; ws++) {
		check(s, today, BK_DATE_PAST, ws);
		check(s, today, BK_DATE_FUTURE, ws);
	}
	free(s);
	return 0;
}
