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
	int repaired, repaired_last;
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
		row.repaired = r->repaired;
		row.repaired_last = r->repaired_last;
		if (r->cb(&row, r->data) != 0)
			r->stop = 1;
		if (f != fields)
			free(f);
	}
	r->n = 0;
	r->used = 0;
	r->row_line = 0;
	r->repaired = r->repaired_last = 0;
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

/* A one-line record that strict reading refuses, read again with one
 * allowance: an unquoted field may hold quotes written as "" pairs (an
 * app that doubled the quotes of a note and did not put it in quotes).
 * A well-quoted field is read as usual; anything else is refused. The
 * fields go to r as libcsv would give them; 0, or -1. */
static int
repair(struct reader *r, const char *s, size_t n)
{
	char *buf = bk_xmalloc(n + 1), *o;
	size_t i = 0;
	int bad = 0, pairs = 0;

	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r'))
		n--;
	for (;;) {
		o = buf;
		if (i < n && s[i] == '"' && !(i + 1 < n && s[i + 1] == '"' &&
		    i + 2 < n && s[i + 2] != r->delim)) {
			/* quoted: to the closing quote, "" inside */
			for (i++;; i++) {
				if (i >= n) {
					bad = 1;
					break;
				}
				if (s[i] == '"') {
					if (i + 1 < n && s[i + 1] == '"')
						*o++ = s[i++];
					else
						break;
				} else
					*o++ = s[i];
			}
			if (bad)
				break;
			i++;
			if (i < n && s[i] != r->delim) {
				bad = 1;
				break;
			}
		} else {
			for (; i < n && s[i] != r->delim; i++) {
				if (s[i] != '"')
					*o++ = s[i];
				else if (i + 1 < n && s[i + 1] == '"') {
					*o++ = s[i++];
					pairs = 1;
					if (!r->repaired)
						r->repaired = r->n + 1;
					r->repaired_last = r->n + 1;
				} else {
					bad = 1;
					break;
				}
			}
			if (bad)
				break;
		}
		field_cb(buf, (size_t)(o - buf), r);
		if (i >= n)
			break;
		i++;	/* the separator */
	}
	free(buf);
	if (bad || !pairs) {
		r->n = 0;
		r->used = 0;
		r->repaired = r->repaired_last = 0;
		return -1;
	}
	row_cb('\n', r);
	return 0;
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
			/* a record on this one line may be an app's quoting
			 * slip; the reader starts afresh after it */
			if (r.row_line == r.line) {
				r.n = 0;
				r.used = 0;
				csv_free(&p);
				if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) {
					snprintf(err, errlen, "cannot allocate "
					    "memory");
					return -1;
				}
				csv_set_space_func(&p, no_space);
				csv_set_delim(&p, (unsigned char)r.delim);
				if (repair(&r, s, n) == 0)
					continue;
			}
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
