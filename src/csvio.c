/* csvio.c - streaming, strict RFC 4180 reading through libcsv */
#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "bk.h"

struct reader {
	char *buf;	/* the row's fields, each NUL-terminated */
	size_t used, cap;
	size_t *off, *len;
	int n, nmax;
	long line, row_line;
	char delim;
	bk_csv_cb cb;
	void *data;
	int stop;
};

static void
field_cb(void *s, size_t len, void *data)
{
	struct reader *r = data;

	if (r->stop)
		return;
	if (r->n == r->nmax) {
		r->nmax = r->nmax ? r->nmax * 2 : 16;
		r->off = bk_xrealloc(r->off, r->nmax * sizeof *r->off);
		r->len = bk_xrealloc(r->len, r->nmax * sizeof *r->len);
	}
	if (r->used + len + 1 > r->cap) {
		while (r->used + len + 1 > r->cap)
			r->cap = r->cap ? r->cap * 2 : 1024;
		r->buf = bk_xrealloc(r->buf, r->cap);
	}
	if (len)
		memcpy(r->buf + r->used, s, len);
	r->buf[r->used + len] = '\0';
	r->off[r->n] = r->used;
	r->len[r->n] = len;
	r->used += len + 1;
	r->n++;
}

static void
row_cb(int c, void *data)
{
	struct reader *r = data;
	struct bk_csv_row row;
	char *fields[256], **f = fields;
	int i;

	(void)c;
	if (!r->stop && r->n > 0) {
		if (r->n > 256)
			f = bk_xmalloc(r->n * sizeof *f);
		for (i = 0; i < r->n; i++)
			f[i] = r->buf + r->off[i];
		row.f = f;
		row.len = r->len;
		row.n = r->n;
		row.line = r->row_line;
		row.delim = r->delim;
		if (r->cb(&row, r->data) != 0)
			r->stop = 1;
		if (f != fields)
			free(f);
	}
	r->n = 0;
	r->used = 0;
	r->row_line = 0;
}

static int
no_space(unsigned char c)
{
	(void)c;
	return 0;	/* keep every blank: the round trip must be lossless */
}

/* the separator of a header line: Android apps write ';' */
static char
guess_delim(const char *s, size_t n)
{
	size_t i, commas = 0, semis = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == ',')
			commas++;
		else if (s[i] == ';')
			semis++;
	}
	return semis > commas ? ';' : ',';
}

int
bk_csv_read(FILE *fp, char delim, bk_csv_cb cb, void *data, char *err,
    size_t errlen)
{
	struct csv_parser p;
	struct reader r;
	char *line = NULL, *s;
	size_t cap = 0, n;
	ssize_t len;
	int rc = 0;

	memset(&r, 0, sizeof r);
	r.cb = cb;
	r.data = data;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) {
		snprintf(err, errlen, "cannot allocate memory");
		return -1;
	}
	csv_set_space_func(&p, no_space);
	while (!r.stop && (len = getline(&line, &cap, fp)) != -1) {
		r.line++;
		s = line;
		n = (size_t)len;
		if (r.line == 1 && n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
			s += 3, n -= 3;
		if (r.line == 1) {
			r.delim = delim ? delim : guess_delim(s, n);
			csv_set_delim(&p, (unsigned char)r.delim);
		}
		if (r.row_line == 0)
			r.row_line = r.line;
		if (csv_parse(&p, s, n, field_cb, row_cb, &r) != n) {
			snprintf(err, errlen, "line %ld: malformed CSV: a quote "
			    "inside an unquoted field or after a closing quote",
			    r.line);
			rc = -1;
			goto out;
		}
	}
	if (ferror(fp)) {
		snprintf(err, errlen, "%s", strerror(errno));
		rc = -1;
		goto out;
	}
	if (!r.stop && csv_fini(&p, field_cb, row_cb, &r) != 0) {
		snprintf(err, errlen, "line %ld: malformed CSV: unterminated "
		    "quoted field", r.row_line ? r.row_line : r.line);
		rc = -1;
		goto out;
	}
	if (r.stop)
		rc = -1, err[0] = '\0';
out:
	csv_free(&p);
	free(line);
	free(r.buf);
	free(r.off);
	free(r.len);
	return rc;
}
