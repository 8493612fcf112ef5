/* libFuzzer harness: user text on its way out (JSON, CSV, terminal) */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/bk.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), *out = NULL;
	size_t len = 0, i, w;
	FILE *fp;

	memcpy(s, data, size);
	s[size] = '\0';
	if (!(fp = open_memstream(&out, &len)))
		abort();
	bk_term_string(fp, s);
	fflush(fp);
	w = bk_term_width(s);
	/* nothing a terminal would act on gets through */
	for (i = 0; i < len; i++)
		if ((unsigned char)out[i] < 0x20 || out[i] == 0x7f)
			abort();
	(void)w;
	rewind(fp);
	bk_json_string(fp, s);
	bk_csv_field(fp, s);
	fclose(fp);
	free(out);
	free(s);
	return 0;
}
