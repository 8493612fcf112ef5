/* ics.c - iCalendar (RFC 5545) content lines: TEXT escaping, and folding
 * at 75 octets without splitting a UTF-8 character (pure) */
#include <string.h>

#include "bk.h"

/* length of the UTF-8 sequence at s if it is valid, else 0 */
static size_t
seq_len(const unsigned char *s)
{
	size_t n, i;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4;
	else
		return 0;
	for (i = 1; i < n; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	/* overlong forms, surrogates and code points past U+10FFFF */
	if ((s[0] == 0xe0 && s[1] < 0xa0) || (s[0] == 0xed && s[1] > 0x9f) ||
	    (s[0] == 0xf0 && s[1] < 0x90) || (s[0] == 0xf4 && s[1] > 0x8f))
		return 0;
	return n;
}

struct fold {
	FILE *fp;
	size_t col;	/* octets on the current physical line */
};

static void
put(struct fold *f, const char *s, size_t n)
{
	if (f->col + n > 75) {
		fputs("\r\n ", f->fp);
		f->col = 1;
	}
	fwrite(s, 1, n, f->fp);
	f->col += n;
}

void
bk_ics_line(FILE *fp, const char *name, const char *value, int text)
{
	const unsigned char *s = (const unsigned char *)value;
	struct fold f;
	size_t n;
	char esc[3];

	f.fp = fp;
	f.col = 0;
	put(&f, name, strlen(name));
	put(&f, ":", 1);
	while (s && *s) {
		if (text && (*s == '\\' || *s == ';' || *s == ',')) {
			esc[0] = '\\';
			esc[1] = (char)*s++;
			put(&f, esc, 2);
		} else if (*s == '\n') {
			put(&f, text ? "\\n" : " ", text ? 2 : 1);
			s++;
		} else if (*s < 0x20 || *s == 0x7f) {
			/* no control character may appear in a value */
			put(&f, " ", 1);
			s++;
		} else if ((n = seq_len(s)) == 0) {
			put(&f, "\xef\xbf\xbd", 3);	/* U+FFFD */
			s++;
		} else {
			put(&f, (const char *)s, n);
			s += n;
		}
	}
	fputs("\r\n", fp);
}
