/* csvio.c - streaming, strict RFC 4180 reading through libcsv */
#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "bk.h"

/* A note is a few lines: a field, a line or a record bigger than these is
 * not a log, and is refused before it is held in memory. */
#define FIELD_CAP (64 * 1024)
#define LINE_CAP (1024 * 1024)

/* the file's bytes, read a buffer at a time */
struct lines {
	FILE *fp;
	char in[65536];
	size_t pos, len;
	char *buf;	/* the line, through its \n, \r or \r\n */
	size_t cap;
};

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
	long toolong;	/* the line of a record with a field over FIELD_CAP */
	size_t record;	/* bytes of the record so far */
};

static void
field_cb(void *s, size_t len, void *data)
{
	struct reader *r = data;

	if (r->stop)
		return;
	if (len > FIELD_CAP) {
		r->toolong = r->row_line ? r->row_line : r->line;
		r->stop = 1;
		return;
	}
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
	r->record = 0;
	r->repaired = r->repaired_last = 0;
}

static int
fill(struct lines *l)
{
	if (l->pos < l->len)
		return 1;
	l->pos = 0;
	l->len = fread(l->in, 1, sizeof l->in, l->fp);
	return l->len > 0;
}

/* The next line into l->buf, ended by \n, \r (an old Mac's files) or
 * \r\n: its length, 0 at the end of the file, -1 on a read error, -2
 * when it is longer than LINE_CAP (what was read of it is in l->buf). */
static ssize_t
next_line(struct lines *l)
{
	size_t n = 0, i, end;
	char *p;
	int found, cr = 0;

	while (fill(l)) {
		end = l->len - l->pos;
		if (end > LINE_CAP + 1 - n)
			end = LINE_CAP + 1 - n;
		p = l->in + l->pos;
		for (i = 0; i < end && p[i] != '\n' && p[i] != '\r'; i++)
			;
		if ((found = i < end))
			cr = p[i++] == '\r';
		if (n + i + 2 > l->cap) {
			while (n + i + 2 > l->cap)
				l->cap = l->cap ? l->cap * 2 : 4096;
			l->buf = bk_xrealloc(l->buf, l->cap);
		}
		memcpy(l->buf + n, p, i);
		n += i;
		l->pos += i;
		if (n > LINE_CAP)
			return -2;
		if (found) {
			if (cr && fill(l) && l->in[l->pos] == '\n')
				l->buf[n++] = l->in[l->pos++];
			return (ssize_t)n;
		}
	}
	if (ferror(l->fp))
		return -1;
	return (ssize_t)n;
}

/* a part of a line over LINE_CAP that has no separator in FIELD_CAP
 * bytes is one long field, to say so */
static int
long_field(const char *s, size_t n, char delim)
{
	size_t i, run = 0;

	for (i = 0; i < n; i++)
		if (s[i] == delim || s[i] == '\n' || s[i] == '\r')
			run = 0;
		else if (++run > FIELD_CAP)
			return 1;
	return 0;
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

static int
reinit(struct csv_parser *p, char delim)
{
	if (csv_init(p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		return -1;
	csv_set_space_func(p, no_space);
	if (delim)
		csv_set_delim(p, (unsigned char)delim);
	return 0;
}

int
bk_csv_read(FILE *fp, char delim, bk_csv_cb cb, void *data, char *err,
    size_t errlen)
{
	struct csv_parser p;
	struct reader r;
	struct lines *l = bk_xmalloc(sizeof *l);
	char *s;
	size_t n;
	ssize_t len;
	int rc = 0;

	memset(&r, 0, sizeof r);
	memset(l, 0, sizeof *l);
	l->fp = fp;
	r.cb = cb;
	r.data = data;
	if (reinit(&p, 0) != 0) {
		free(l);
		snprintf(err, errlen, "cannot allocate memory");
		return -1;
	}
	while (!r.stop && (len = next_line(l)) != 0) {
		r.line++;
		s = l->buf;
		n = len > 0 ? (size_t)len : LINE_CAP;
		if (r.line == 1 && n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
			s += 3, n -= 3;
		if (r.line == 1) {
			r.delim = delim ? delim : guess_delim(s, n);
			csv_set_delim(&p, (unsigned char)r.delim);
		}
		if (len == -1)
			break;
		if (len == -2) {
			if (long_field(s, n, r.delim))
				snprintf(err, errlen, "line %ld: field longer "
				    "than %d KiB", r.line, FIELD_CAP / 1024);
			else
				snprintf(err, errlen, "line %ld: line longer "
				    "than %d MiB", r.line, LINE_CAP / 1024 / 1024);
			rc = -1;
			goto out;
		}
		if (r.row_line == 0)
			r.row_line = r.line;
		if ((r.record += n) > LINE_CAP) {
			snprintf(err, errlen, "line %ld: record longer than "
			    "%d MiB (from line %ld)", r.line,
			    LINE_CAP / 1024 / 1024, r.row_line);
			rc = -1;
			goto out;
		}
		if (csv_parse(&p, s, n, field_cb, row_cb, &r) != n) {
			/* a record on this one line may be an app's quoting
			 * slip; the reader starts afresh after it */
			if (r.row_line == r.line) {
				r.n = 0;
				r.used = 0;
				csv_free(&p);
				if (reinit(&p, r.delim) != 0) {
					free(l->buf);
					free(l);
					snprintf(err, errlen, "cannot allocate "
					    "memory");
					return -1;
				}
				r.record = 0;
				if (repair(&r, s, n) == 0)
					continue;
			}
			snprintf(err, errlen, "line %ld: malformed CSV: a quote "
			    "inside an unquoted field or after a closing quote",
			    r.line);
			rc = -1;
			goto out;
		}
		/* a quoted field going on over the lines */
		if (!r.stop && p.entry_pos > FIELD_CAP)
			r.toolong = r.row_line, r.stop = 1;
	}
	if (r.toolong) {
		snprintf(err, errlen, "line %ld: field longer than %d KiB",
		    r.toolong, FIELD_CAP / 1024);
		rc = -1;
		goto out;
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
	if (r.toolong) {
		snprintf(err, errlen, "line %ld: field longer than %d KiB",
		    r.toolong, FIELD_CAP / 1024);
		rc = -1;
		goto out;
	}
	if (r.stop)
		rc = -1, err[0] = '\0';
out:
	csv_free(&p);
	free(l->buf);
	free(l);
	free(r.buf);
	free(r.off);
	free(r.len);
	return rc;
}
