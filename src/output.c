/* output.c - rows as an aligned table, CSV (RFC 4180), TSV or JSON */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bk.h"

/* a table is aligned on this many rows; later rows reuse the widths, so a
 * huge listing streams instead of filling memory */
#define TABLE_BUFFER_ROWS 1000

struct bk_out {
	FILE *fp;
	enum bk_format fmt;
	int ncols;
	const char **cols;
	long nrows;
	/* table buffering */
	char **cells;	/* nbuf * ncols, NULL for an empty cell */
	int *num;	/* numeric columns, from the first value in each: 1
			 * numbers, 0 text, -1 only empty cells so far */
	long nbuf;
	size_t *width;
	int flushed;
};

int
bk_format_parse(const char *s)
{
	static const char *const names[] = { "table", "csv", "tsv", "json",
		NULL };
	return bk_word_index(names, s);
}

enum bk_format
bk_format_default(void)
{
	return isatty(STDOUT_FILENO) ? BK_FMT_TABLE : BK_FMT_CSV;
}

int
bk_out_guard_needed(const char *s)
{
	return s && s[0] && strchr("=+-@'\t\r", s[0]) != NULL;
}

/* a CSV field, with the guard's quote in front when guard is set */
static void
csv_cell(FILE *fp, const char *s, int guard)
{
	const char *p;
	size_t n;

	if (!s)
		return;
	n = strlen(s);
	if (n == 0 || (!strpbrk(s, ",\"\r\n") && (guard || (s[0] != ' ' &&
	    s[0] != '\t')) && s[n - 1] != ' ' && s[n - 1] != '\t')) {
		if (guard)
			fputc('\'', fp);
		fputs(s, fp);
		return;
	}
	fputc('"', fp);
	if (guard)
		fputc('\'', fp);
	for (p = s; *p; p++) {
		if (*p == '"')
			fputc('"', fp);
		fputc(*p, fp);
	}
	fputc('"', fp);
}

void
bk_csv_field(FILE *fp, const char *s)
{
	csv_cell(fp, s, 0);
}

static void
tsv_field(FILE *fp, const char *s, int guard)
{
	if (guard && s && *s)
		fputc('\'', fp);
	for (; s && *s; s++) {
		switch (*s) {
		case '\t': fputs("\\t", fp); break;
		case '\n': fputs("\\n", fp); break;
		case '\r': fputs("\\r", fp); break;
		case '\\': fputs("\\\\", fp); break;
		default: fputc(*s, fp);
		}
	}
}

void
bk_json_string(FILE *fp, const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t n;

	fputc('"', fp);
	while (*s) {
		if (*s == '"' || *s == '\\') {
			fputc('\\', fp);
			fputc(*s++, fp);
		} else if (*s < 0x20 || *s == 0x7f) {
			switch (*s) {
			case '\n': fputs("\\n", fp); break;
			case '\t': fputs("\\t", fp); break;
			case '\r': fputs("\\r", fp); break;
			default: fprintf(fp, "\\u%04x", *s);
			}
			s++;
		} else if ((n = bk_utf8_len(s)) == 0) {
			fputs("\\ufffd", fp);
			s++;
		} else {
			fwrite(s, 1, n, fp);
			s += n;
		}
	}
	fputc('"', fp);
}

struct bk_out *
bk_out_new(FILE *fp, enum bk_format fmt, const char **cols, int ncols)
{
	struct bk_out *o = bk_xmalloc(sizeof *o);
	int i;

	memset(o, 0, sizeof *o);
	o->fp = fp;
	o->fmt = fmt;
	o->cols = cols;
	o->ncols = ncols;
	switch (fmt) {
	case BK_FMT_CSV:
	case BK_FMT_TSV:
		for (i = 0; i < ncols; i++) {
			if (i)
				fputc(fmt == BK_FMT_CSV ? ',' : '\t', fp);
			if (fmt == BK_FMT_CSV)
				bk_csv_field(fp, cols[i]);
			else
				tsv_field(fp, cols[i], 0);
		}
		fputc('\n', fp);
		break;
	case BK_FMT_JSON:
		fputc('[', fp);
		break;
	case BK_FMT_TABLE:
		o->cells = bk_xmalloc(sizeof *o->cells * ncols *
		    TABLE_BUFFER_ROWS);
		o->num = calloc(ncols, sizeof *o->num);
		o->width = bk_xmalloc(sizeof *o->width * ncols);
		if (!o->num)
			bk_errx(BK_EXIT_DATA, "cannot allocate memory");
		for (i = 0; i < ncols; i++) {
			o->width[i] = bk_term_width(cols[i]);
			o->num[i] = -1;
		}
		break;
	}
	return o;
}

static int
json_number_ok(const char *s)
{
	/* what a store can print that JSON cannot hold: Inf, NaN */
	for (; *s; s++)
		if (!strchr("0123456789+-.eE", *s))
			return 0;
	return 1;
}

static void
table_cell(struct bk_out *o, int i, const char *v, int last)
{
	size_t w = v ? bk_term_width(v) : 0, pad;

	pad = o->width[i] > w ? o->width[i] - w : 0;
	if (o->num[i] > 0)
		for (; pad; pad--)
			fputc(' ', o->fp);
	if (v)
		bk_term_string(o->fp, v);
	if (!last) {
		if (o->num[i] <= 0)
			for (; pad; pad--)
				fputc(' ', o->fp);
		fputs("  ", o->fp);
	}
}

static void
table_flush(struct bk_out *o)
{
	long r;
	int i;
	size_t k;

	if (!o->flushed) {
		for (i = 0; i < o->ncols; i++)
			table_cell(o, i, o->cols[i], i == o->ncols - 1);
		fputc('\n', o->fp);
		for (i = 0; i < o->ncols; i++) {
			for (k = 0; k < o->width[i]; k++)
				fputc('-', o->fp);
			if (i < o->ncols - 1)
				fputs("  ", o->fp);
		}
		fputc('\n', o->fp);
		o->flushed = 1;
	}
	for (r = 0; r < o->nbuf; r++) {
		for (i = 0; i < o->ncols; i++) {
			table_cell(o, i, o->cells[r * o->ncols + i],
			    i == o->ncols - 1);
			free(o->cells[r * o->ncols + i]);
		}
		fputc('\n', o->fp);
	}
	o->nbuf = 0;
}

void
bk_out_row(struct bk_out *o, const char **vals, const int *isnum)
{
	int i, guard, e;
	size_t w;

	switch (o->fmt) {
	case BK_FMT_CSV:
	case BK_FMT_TSV:
		for (i = 0; i < o->ncols; i++) {
			if (i)
				fputc(o->fmt == BK_FMT_CSV ? ',' : '\t', o->fp);
			/* a text cell a spreadsheet would run as a formula;
			 * one that starts with the quote is text already
			 * (bk-log export puts it there itself) */
			guard = !(isnum && isnum[i]) &&
			    bk_out_guard_needed(vals[i]) && vals[i][0] != '\'';
			if (o->fmt == BK_FMT_CSV)
				csv_cell(o->fp, vals[i], guard);
			else
				tsv_field(o->fp, vals[i], guard);
		}
		fputc('\n', o->fp);
		break;
	case BK_FMT_JSON:
		fputs(o->nrows ? ",\n{" : "\n{", o->fp);
		for (i = 0; i < o->ncols; i++) {
			if (i)
				fputc(',', o->fp);
			bk_json_string(o->fp, o->cols[i]);
			fputc(':', o->fp);
			if (!vals[i])
				fputs("null", o->fp);
			else if (isnum && isnum[i] && json_number_ok(vals[i]))
				fputs(vals[i], o->fp);
			else
				bk_json_string(o->fp, vals[i]);
		}
		fputc('}', o->fp);
		break;
	case BK_FMT_TABLE:
		for (i = 0; i < o->ncols; i++) {
			if (o->num[i] < 0 && vals[i] && !o->flushed)
				o->num[i] = isnum ? isnum[i] : 0;
			o->cells[o->nbuf * o->ncols + i] =
			    vals[i] ? bk_xstrdup(vals[i]) : NULL;
			if (!o->flushed && vals[i] &&
			    (w = bk_term_width(vals[i])) > o->width[i])
				o->width[i] = w;
		}
		if (++o->nbuf == TABLE_BUFFER_ROWS)
			table_flush(o);
		break;
	}
	o->nrows++;
	/* a reader that went away (a closed pipe: EPIPE) or a full disk
	 * ends the listing now, not after the last row */
	if (ferror(o->fp)) {
		e = errno;
		bk_errx(BK_EXIT_DATA, "cannot write output: %s",
		    strerror(e ? e : EIO));
	}
}

void
bk_out_stmt(struct bk_out *o, sqlite3_stmt *st)
{
	const char *vals[32];
	char nums[32][32];
	int isnum[32], i, n = o->ncols < 32 ? o->ncols : 32;

	for (i = 0; i < n; i++) {
		isnum[i] = 0;
		switch (sqlite3_column_type(st, i)) {
		case SQLITE_NULL:
			vals[i] = NULL;
			break;
		case SQLITE_INTEGER:
			isnum[i] = 1;
			vals[i] = (const char *)sqlite3_column_text(st, i);
			break;
		case SQLITE_FLOAT:
			isnum[i] = 1;
			snprintf(nums[i], sizeof nums[i], "%.10g",
			    sqlite3_column_double(st, i));
			vals[i] = nums[i];
			break;
		default:
			vals[i] = (const char *)sqlite3_column_text(st, i);
		}
	}
	bk_out_row(o, vals, isnum);
}

void
bk_out_end(struct bk_out *o)
{
	switch (o->fmt) {
	case BK_FMT_JSON:
		fputs(o->nrows ? "\n]\n" : "]\n", o->fp);
		break;
	case BK_FMT_TABLE:
		table_flush(o);
		free(o->cells);
		free(o->num);
		free(o->width);
		break;
	default:
		break;
	}
	free(o);
}

void
bk_term_wrap(FILE *fp, const char *label, const char *text)
{
	const char *p = text, *e, *brk;
	char *part;
	size_t w, cw, n;
	int col;

	fprintf(fp, "%-11s", label);
	col = 11;
	while (*p) {
		/* break at the last blank that fits, never inside a
		 * character */
		brk = NULL;
		for (e = p, w = 0; *e; e += n) {
			cw = bk_term_char(NULL, (const unsigned char *)e, &n);
			if (w + cw > (size_t)(76 - col))
				break;
			if (*e == ' ')
				brk = e;
			w += cw;
		}
		if (!*e || !brk)
			brk = e;
		if (!(part = strndup(p, brk - p)))
			bk_errx(BK_EXIT_DATA, "cannot allocate memory");
		bk_term_string(fp, part);
		free(part);
		p = brk;
		while (*p == ' ')
			p++;
		if (*p)
			fprintf(fp, "\n%11s", "");
	}
	fputc('\n', fp);
}
