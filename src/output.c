/* output.c - rows as an aligned table, CSV (RFC 4180), TSV or JSON */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bk.h"

/* a table is aligned on this many rows; later rows reuse the widths, so a
 * huge listing streams instead of filling memory */
#define TABLE_BUFFER_ROWS 1000
/* on a terminal too narrow for a table, its text columns are cut to this
 * width at the least (a column whose values all take the same width, up to
 * TABLE_FIXED_TEXT, such as dates, is not cut), then headers wider than their values to
 * TABLE_MIN_HEADER, before it is shown as records */
#define TABLE_MIN_TEXT 8
#define TABLE_MIN_HEADER 4
#define TABLE_FIXED_TEXT 10

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
	size_t *vmin, *vmax;	/* the narrowest and widest value */
	int flushed;
	/* on a terminal: its width (0: not one, never cut), the columns
	 * left out because they are empty, one "column: value" line per
	 * cell when no table fits */
	int limit;
	char *hide;
	int records;
	size_t labelw;
	int gap;	/* blanks between columns: 2, 1 on a narrow terminal */
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
		o->hide = calloc(ncols, 1);
		o->vmin = calloc(ncols, sizeof *o->vmin);
		o->vmax = calloc(ncols, sizeof *o->vmax);
		o->limit = bk_term_columns(fp);
		o->gap = 2;
		if (!o->num || !o->hide || !o->vmin || !o->vmax)
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
	size_t w, pad;

	/* on a terminal a text cell is cut to its column, a number never */
	if (o->limit > 0 && o->num[i] <= 0)
		w = v ? bk_term_cut(NULL, v, o->width[i]) : 0;
	else
		w = v ? bk_term_width(v) : 0;
	pad = o->width[i] > w ? o->width[i] - w : 0;
	if (o->num[i] > 0)
		for (; pad; pad--)
			fputc(' ', o->fp);
	if (v && o->limit > 0 && o->num[i] <= 0)
		bk_term_cut(o->fp, v, o->width[i]);
	else if (v)
		bk_term_string(o->fp, v);
	if (!last) {
		if (o->num[i] <= 0)
			for (; pad; pad--)
				fputc(' ', o->fp);
		fputs(o->gap == 1 ? " " : "  ", o->fp);
	}
}

/* a column's name, cut to its column on a terminal */
static void
header_cell(struct bk_out *o, int i, int last)
{
	size_t w, pad;

	w = o->limit > 0 ? bk_term_cut(NULL, o->cols[i], o->width[i]) :
	    bk_term_width(o->cols[i]);
	pad = o->width[i] > w ? o->width[i] - w : 0;
	if (o->num[i] > 0)
		for (; pad; pad--)
			fputc(' ', o->fp);
	if (o->limit > 0)
		bk_term_cut(o->fp, o->cols[i], o->width[i]);
	else
		bk_term_string(o->fp, o->cols[i]);
	if (!last) {
		if (o->num[i] <= 0)
			for (; pad; pad--)
				fputc(' ', o->fp);
		fputs(o->gap == 1 ? " " : "  ", o->fp);
	}
}

/* the table's width with its columns as they are */
static size_t
table_width(const struct bk_out *o)
{
	size_t total = 0;
	int i, n = 0;

	for (i = 0; i < o->ncols; i++)
		if (!o->hide[i])
			total += o->width[i] + (n++ ? o->gap : 0);
	return total;
}

/* the width a text column can be cut to */
static size_t
text_floor(const struct bk_out *o, int i)
{
	if (o->num[i] > 0 || (o->vmin[i] == o->vmax[i] && o->vmax[i] &&
	    o->vmax[i] <= TABLE_FIXED_TEXT))
		return o->width[i];
	return o->width[i] < TABLE_MIN_TEXT ? o->width[i] : TABLE_MIN_TEXT;
}

/* the width a header wider than its values can be cut to */
static size_t
header_floor(const struct bk_out *o, int i)
{
	size_t f = o->vmax[i] > TABLE_MIN_HEADER ? o->vmax[i] :
	    TABLE_MIN_HEADER;

	return o->width[i] < f ? o->width[i] : f;
}

/* fit the terminal's width: leave out the columns no row fills (when
 * every row is known), then one blank between columns, then cut the
 * widest text columns, then the headers wider than their values; when
 * that is not enough, show records */
static void
table_fit(struct bk_out *o)
{
	size_t total, cut;
	long r;
	int i, wide, text;

	if ((total = table_width(o)) <= (size_t)o->limit)
		return;
	for (i = 0; i < o->ncols && o->nrows < TABLE_BUFFER_ROWS; i++) {
		for (r = 0; r < o->nbuf; r++)
			if (o->cells[r * o->ncols + i] &&
			    o->cells[r * o->ncols + i][0])
				break;
		o->hide[i] = r == o->nbuf;
	}
	/* one blank between columns when two do not fit with the text cut */
	total = table_width(o);
	for (i = 0, cut = total; i < o->ncols; i++)
		if (!o->hide[i])
			cut -= o->width[i] - text_floor(o, i);
	if (cut > (size_t)o->limit) {
		o->gap = 1;
		total = table_width(o);
	}
	while (total > (size_t)o->limit) {
		wide = -1;
		for (i = 0; i < o->ncols; i++)
			if (!o->hide[i] && o->width[i] > text_floor(o, i) &&
			    (wide < 0 || o->width[i] > o->width[wide]))
				wide = i;
		for (i = 0, text = wide >= 0; !text && i < o->ncols; i++)
			if (!o->hide[i] && o->width[i] > header_floor(o, i) &&
			    (wide < 0 || o->width[i] > o->width[wide]))
				wide = i;
		if (wide < 0) {
			o->records = 1;
			break;
		}
		o->width[wide]--;
		total--;
	}
	for (i = 0; i < o->ncols; i++)
		if (bk_term_width(o->cols[i]) + 1 > o->labelw)
			o->labelw = bk_term_width(o->cols[i]) + 1;
	/* a label takes half the width at most */
	if (o->labelw > (size_t)o->limit / 2)
		o->labelw = o->limit / 2;
}

/* a row as records: "column: value" a line, empty cells left out, text
 * cut to the width; a blank line between rows */
static void
record_row(struct bk_out *o, char **cells)
{
	size_t w, room;
	int i;

	if (o->nrows > o->nbuf || cells != o->cells)
		fputc('\n', o->fp);
	for (i = 0; i < o->ncols; i++) {
		if (!cells[i] || !cells[i][0])
			continue;
		w = bk_term_cut(o->fp, o->cols[i], o->labelw - 1);
		fputc(':', o->fp);
		for (w++; w < o->labelw + 1; w++)
			fputc(' ', o->fp);
		room = (size_t)o->limit > o->labelw + 1 + TABLE_MIN_TEXT ?
		    o->limit - o->labelw - 1 : TABLE_MIN_TEXT;
		if (o->num[i] > 0)
			bk_term_string(o->fp, cells[i]);
		else
			bk_term_cut(o->fp, cells[i], room);
		fputc('\n', o->fp);
	}
}

static void
table_flush(struct bk_out *o)
{
	long r;
	int i, last;
	size_t k;

	if (!o->flushed && o->limit > 0)
		table_fit(o);
	for (last = o->ncols - 1; last > 0 && o->hide[last]; last--)
		;
	if (!o->flushed && !o->records) {
		for (i = 0; i < o->ncols; i++)
			if (!o->hide[i])
				header_cell(o, i, i == last);
		fputc('\n', o->fp);
		for (i = 0; i < o->ncols; i++) {
			if (o->hide[i])
				continue;
			for (k = 0; k < o->width[i]; k++)
				fputc('-', o->fp);
			if (i < last)
				fputs(o->gap == 1 ? " " : "  ", o->fp);
		}
		fputc('\n', o->fp);
	}
	o->flushed = 1;
	for (r = 0; r < o->nbuf; r++) {
		if (o->records)
			record_row(o, o->cells + r * o->ncols);
		else {
			for (i = 0; i < o->ncols; i++)
				if (!o->hide[i])
					table_cell(o, i,
					    o->cells[r * o->ncols + i],
					    i == last);
			fputc('\n', o->fp);
		}
		for (i = 0; i < o->ncols; i++)
			free(o->cells[r * o->ncols + i]);
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
			if (o->flushed || !vals[i] || !vals[i][0])
				continue;
			w = bk_term_width(vals[i]);
			if (w > o->width[i])
				o->width[i] = w;
			if (w > o->vmax[i])
				o->vmax[i] = w;
			if (!o->vmin[i] || w < o->vmin[i])
				o->vmin[i] = w;
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
		free(o->hide);
		free(o->vmin);
		free(o->vmax);
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
	int col, right = bk_term_columns(fp);

	/* lines end at column 76, or at a narrower terminal's edge (with
	 * room for a few characters past the label) */
	if (right <= 0 || right > 76)
		right = 76;
	else if (right < 31)
		right = 31;
	fprintf(fp, "%-11s", label);
	col = 11;
	while (*p) {
		/* break at the last blank that fits, never inside a
		 * character, after one character at least */
		brk = NULL;
		for (e = p, w = 0; *e; e += n) {
			cw = bk_term_char(NULL, (const unsigned char *)e, &n);
			if (w + cw > (size_t)(right - col) && e != p)
				break;
			if (*e == ' ')
				brk = e;
			w += cw;
		}
		if (!*e || !brk || brk == p)
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
