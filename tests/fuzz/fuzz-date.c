/* libFuzzer harness: the date parser and calendar arithmetic */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/bk.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), buf[11];
	bk_day d, today = bk_date_from_ymd(2026, 11, 21);
	int y, m, dd, w;

	memcpy(s, data, size);
	s[size] = '\0';
	if (bk_date_parse(s, today, BK_DATE_PAST, &d) == 0) {
		/* what parses prints as a date that parses back the same */
		bk_date_format(d, buf);
		bk_date_to_ymd(d, &y, &m, &dd);
		if (!bk_date_valid(y, m, dd) || bk_date_parse_iso(buf, &d) != 0)
			abort();
		bk_date_isoweek(d, &y, &w);
		if (w < 1 || w > 53)
			abort();
	}
	bk_date_parse(s, today, BK_DATE_FUTURE, &d);
	free(s);
	return 0;
}
