/* libFuzzer harness: a hostile file through the import's reading and
 * mapping (every format's header recognition and row mapping) */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/bk.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct state {
	struct bk_logmap map;
	int have_header, lb;
};

static int
row(const struct bk_csv_row *r, void *data)
{
	struct state *s = data;
	struct bk_logrow lr;
	char err[256];

	if (!s->have_header) {
		if (bk_logio_header(&s->map, BK_LOGFMT_AUTO, r, err,
		    sizeof err) != 0)
			return -1;
		s->have_header = 1;
		return 0;
	}
	memset(&lr, 0, sizeof lr);
	if (bk_logio_row(&s->map, r, s->lb, &lr, err, sizeof err) == 0) {
		bk_day d;

		if (bk_date_parse_iso(lr.date, &d) != 0)
			abort();	/* a mapped row always has a real date */
		/* a set has an exercise, a known type and a sane distance */
		if (!lr.rest && !lr.not_done && (!lr.exercise ||
		    (lr.set_type && strcmp(lr.set_type, "warmup") != 0 &&
		    strcmp(lr.set_type, "drop") != 0 &&
		    strcmp(lr.set_type, "failure") != 0) ||
		    lr.distance_m > BK_DIST_MAX || lr.repeat < 1))
			abort();
	}
	bk_logrow_free(&lr);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct state s;
	char err[256];
	FILE *fp;

	if (size == 0)
		return 0;
	memset(&s, 0, sizeof s);
	s.lb = data[0] & 1;
	if (!(fp = fmemopen((void *)(data + 1), size - 1, "r")))
		return 0;
	/* delimiter 0: guessed from the header, as the import does */
	bk_csv_read(fp, 0, row, &s, err, sizeof err);
	fclose(fp);
	return 0;
}
