/* term.c - text made safe for a terminal: control bytes, bad UTF-8 and
 * invisible characters escaped, and the width it takes */
#include <sys/ioctl.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bk.h"

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

/* a code point that reorders or hides text on a terminal: bidi embeddings,
 * overrides and isolates, zero-width characters and marks, line and
 * paragraph separators, the byte order mark */
static int
term_invisible(unsigned cp)
{
	return (cp >= 0x200b && cp <= 0x200f) ||
	    (cp >= 0x2028 && cp <= 0x202e) ||
	    (cp >= 0x2066 && cp <= 0x2069) || cp == 0xfeff;
}

/* two columns wide on a terminal: the East Asian wide and full-width
 * ranges */
static int
term_wide(unsigned cp)
{
	return (cp >= 0x1100 && cp <= 0x115f) ||
	    (cp >= 0x2e80 && cp <= 0xa4cf && cp != 0x303f) ||
	    (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) ||
	    (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
	    (cp >= 0xffe0 && cp <= 0xffe6) ||
	    (cp >= 0x1f300 && cp <= 0x1f64f) ||
	    (cp >= 0x20000 && cp <= 0x3fffd);
}

/* the terminal form of the character at s, into fp (or only measured when
 * fp is NULL); its width in columns is returned and its length in bytes
 * left in *len */
size_t
bk_term_char(FILE *fp, const unsigned char *s, size_t *len)
{
	size_t n, i;
	unsigned cp;
	char esc[12];

	*len = 1;
	if (*s < 0x20 || *s == 0x7f) {
		if (*s == '\n')
			snprintf(esc, sizeof esc, "\\n");
		else if (*s == '\t')
			snprintf(esc, sizeof esc, "\\t");
		else
			snprintf(esc, sizeof esc, "\\x%02x", *s);
	} else if (*s < 0x80) {
		if (fp)
			fputc(*s, fp);
		return 1;
	} else if ((n = bk_utf8_len(s)) == 0) {
		snprintf(esc, sizeof esc, "\\x%02x", *s);
	} else {
		*len = n;
		cp = s[0] & (n == 2 ? 0x1f : n == 3 ? 0x0f : 0x07);
		for (i = 1; i < n; i++)
			cp = cp << 6 | (s[i] & 0x3f);
		/* C1 controls (U+0080..U+009F) can steer a terminal */
		if (cp < 0xa0 || term_invisible(cp)) {
			snprintf(esc, sizeof esc, "\\u%04x", cp);
		} else {
			if (fp)
				fwrite(s, 1, n, fp);
			return term_wide(cp) ? 2 : 1;
		}
	}
	if (fp)
		fputs(esc, fp);
	return strlen(esc);
}

/* the terminal form of s, into fp (or only measured when fp is NULL) */
static size_t
term_string(FILE *fp, const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t w = 0, n;

	while (s && *s) {
		w += bk_term_char(fp, s, &n);
		s += n;
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

int
bk_term_columns(FILE *fp)
{
	struct winsize ws;
	const char *c = getenv("COLUMNS");
	char *end;
	long n;
	int fd = fileno(fp);

	if (fd < 0 || !isatty(fd))
		return 0;
	if (c && *c >= '1' && *c <= '9' && (n = strtol(c, &end, 10)) > 0 &&
	    n <= 100000 && !*end)
		return (int)n;
	if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 0;
}

/* a locale name that says UTF-8: "C.UTF-8", "en_US.utf8" */
static int
utf8_locale(const char *v)
{
	char low[16];
	size_t i, n;

	if (!(v = strrchr(v, '.')))
		return 0;
	n = strcspn(++v, "@");
	if (n >= sizeof low)
		return 0;
	for (i = 0; i < n; i++)
		low[i] = v[i] >= 'A' && v[i] <= 'Z' ? v[i] - 'A' + 'a' : v[i];
	low[n] = '\0';
	return strcmp(low, "utf-8") == 0 || strcmp(low, "utf8") == 0;
}

/* the ellipsis of a cut: one character in a UTF-8 locale */
static const char *
ellipsis(size_t *w)
{
	const char *v = getenv("LC_ALL");

	if (!v || !*v)
		v = getenv("LC_CTYPE");
	if (!v || !*v)
		v = getenv("LANG");
	if (v && utf8_locale(v)) {
		*w = 1;
		return "\xe2\x80\xa6";
	}
	*w = 3;
	return "...";
}

size_t
bk_term_cut(FILE *fp, const char *str, size_t max)
{
	const unsigned char *s = (const unsigned char *)str;
	const char *dots;
	size_t w = 0, ew, cw, n;

	if (!s)
		return 0;
	if (term_string(NULL, str) <= max)
		return term_string(fp, str);
	dots = ellipsis(&ew);
	if (ew > max)
		return 0;
	/* whole characters (and whole escapes) before the ellipsis */
	while (*s) {
		cw = bk_term_char(NULL, s, &n);
		if (w + cw + ew > max)
			break;
		bk_term_char(fp, s, &n);
		w += cw;
		s += n;
	}
	if (fp)
		fputs(dots, fp);
	return w + ew;
}
