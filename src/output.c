/* output.c - rows as an aligned table, CSV (RFC 4180), TSV or JSON */
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

size_t
bk_utf8_len(const unsigned char *s)
{
	unsigned c = s[0], cp, n, i;

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		n = 2, cp = c & 0x1f;
	else if (c >= 0xe0 && c <= 0xef)
		n = 3, cp = c & 0x0f;
	else if (c >= 0xf0 && c <= 0xf4)
		n = 4, cp = c & 0x07;
	else
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if ((n == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
	    (n == 4 && (cp < 0x10000 || cp > 0x10ffff)))
		return 0;
	return n;
}

void
bk_csv_field(FILE *fp, const char *s)
{
	const char *p;
	size_t n;

	if (!s)
		return;
	n = strlen(s);
	if (n == 0 || (!strpbrk(s, ",\"\r\n") && s[0] != ' ' &&
	    s[0] != '\t' && s[n - 1] != ' ' && s[n - 1] != '\t')) {
		fputs(s, fp);
		return;
	}
	fputc('"', fp);
	for (p = s; *p; p++) {
		if (*p == '"')
			fputc('"', fp);
		fputc(*p, fp);
	}
	fputc('"', fp);
}

static void
tsv_field(FILE *fp, const char *s)
{
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

/* the terminal form of s, into fp (or only measured when fp is NULL) */
static size_t
term_string(FILE *fp, const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t w = 0, n;
	char esc[8];

	while (s && *s) {
		if (*s < 0x20 || *s == 0x7f) {
			if (*s == '\n')
				snprintf(esc, sizeof esc, "\\n");
			else if (*s == '\t')
				snprintf(esc, sizeof esc, "\\t");
			else
				snprintf(esc, sizeof esc, "\\x%02x", *s);
			if (fp)
				fputs(esc, fp);
			w += strlen(esc);
			s++;
		} else if ((n = bk_utf8_len(s)) == 0) {
			if (fp)
				fprintf(fp, "\\x%02x", *s);
			w += 4;
			s++;
		} else {
			/* C1 controls (U+0080..U+009F) can steer a terminal */
			if (n == 2 && s[0] == 0xc2 && s[1] < 0xa0) {
				if (fp)
					fprintf(fp, "\\u%04x", s[1]);
				w += 6;
			} else {
				if (fp)
					fwrite(s, 1, n, fp);
				w += 1;
			}
			s += n;
		}
	}
	return w;
}

void
bk_term_string(FILE *fp, const char *s)
{
	term_string(fp, s);
}

size_t
bk_term_width(const char *s)
{
	return term_string(NULL, s);
}

char *
bk_term_snprint(char *buf, size_t len, const char *s)
{
	FILE *fp;
	char cut[84];

	if (strlen(s) > 80) {
		snprintf(cut, sizeof cut, "%.77s...", s);
		s = cut;
	}
	buf[0] = '\0';
	if (!*s || !(fp = fmemopen(buf, len, "w")))
		return buf;
	term_string(fp, s);
	fclose(fp);
	return buf;
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
				tsv_field(fp, cols[i]);
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
	int i;
	size_t w;

	switch (o->fmt) {
	case BK_FMT_CSV:
	case BK_FMT_TSV:
		for (i = 0; i < o->ncols; i++) {
			if (i)
				fputc(o->fmt == BK_FMT_CSV ? ',' : '\t', o->fp);
			if (o->fmt == BK_FMT_CSV)
				bk_csv_field(o->fp, vals[i]);
			else
				tsv_field(o->fp, vals[i]);
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
	int col;

	fprintf(fp, "%-11s", label);
	col = 11;
	while (*p) {
		/* break at the last blank that fits */
		brk = NULL;
		for (e = p; *e && (e - p) < 76 - col; e++)
			if (*e == ' ')
				brk = e;
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
