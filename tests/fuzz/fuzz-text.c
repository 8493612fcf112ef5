/* libFuzzer harness: user text on its way out (JSON, CSV, terminal) */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/bk.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* the code point of the valid UTF-8 sequence of n bytes at s */
static unsigned
code_point(const unsigned char *s, size_t n)
{
	unsigned cp = s[0] & (n == 1 ? 0x7f : n == 2 ? 0x1f : n == 3 ? 0x0f :
	    0x07);
	size_t i;

	for (i = 1; i < n; i++)
		cp = cp << 6 | (s[i] & 0x3f);
	return cp;
}

/* terminal text: valid UTF-8 with no control, C1, bidi or invisible
 * character; newlines only where nl allows */
static void
check_terminal(const char *out, size_t len, int nl)
{
	const unsigned char *p = (const unsigned char *)out;
	size_t i = 0, n;
	unsigned cp;

	while (i < len) {
		if (p[i] == '\n' && nl) {
			i++;
			continue;
		}
		if (p[i] < 0x20 || p[i] == 0x7f || !(n = bk_utf8_len(p + i)))
			abort();
		cp = code_point(p + i, n);
		if ((cp >= 0x80 && cp < 0xa0) || (cp >= 0x200b && cp <= 0x200f) ||
		    (cp >= 0x2028 && cp <= 0x202e) ||
		    (cp >= 0x2066 && cp <= 0x2069) || cp == 0xfeff)
			abort();
		i += n;
	}
}

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
	check_terminal(out, len, 0);
	(void)w;
	/* wrapped, it is cut only between characters */
	rewind(fp);
	bk_term_wrap(fp, "note:", s);
	fflush(fp);
	check_terminal(out, len, 1);
	/* a CSV or TSV text cell never starts a formula */
	{
		static const char *cols[] = { "t" };
		static const char *const bad = "=+-@\t\r";
		const char *v[1] = { s };
		struct bk_out *o;
		enum bk_format f;
		size_t start;

		for (f = BK_FMT_CSV; f <= BK_FMT_TSV; f++) {
			rewind(fp);
			o = bk_out_new(fp, f, cols, 1);
			fflush(fp);
			start = ftell(fp);
			bk_out_row(o, v, NULL);
			bk_out_end(o);
			fflush(fp);
			i = start;
			if (f == BK_FMT_CSV && i < len && out[i] == '"')
				i++;
			if (i < len && out[i] != '\n' && strchr(bad, out[i]))
				abort();
		}
	}
	rewind(fp);
	bk_json_string(fp, s);
	bk_csv_field(fp, s);
	fclose(fp);
	free(out);
	free(s);
	return 0;
}
