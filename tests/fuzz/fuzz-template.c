/* fuzz-template.c - a libFuzzer harness for the template parser (bk-plan(5)):
 * any input is parsed, and a template that parses is walked for its
 * program days (make fuzz runs it with the others).
 */
#include <stdint.h>
#include <stdio.h>

#include "../../src/bk.h"

static int
day(int p, int d, int k, const int *rules, int n, void *data)
{
	const struct bk_template *t = data;
	struct bk_tpl_dose dose;
	int i;

	(void)k;
	for (i = 0; i < n; i++) {
		dose = t->phase[p].rule[rules[i]].dose;
		bk_template_progress(&t->phase[p].rule[rules[i]],
		    (d - 1) / 7 + 1, &dose);
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bk_template t;
	char err[256];
	FILE *fp;

	if (size == 0 || !(fp = fmemopen((void *)data, size, "r")))
		return 0;
	if (bk_template_parse(fp, &t, err, sizeof err) == 0) {
		bk_template_walk(&t, 0, 20000, 90, day, &t);
		bk_template_free(&t);
	}
	fclose(fp);
	return 0;
}
