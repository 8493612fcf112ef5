/* config.c - the optional key = value configuration file */
#include <ctype.h>
#include <stddef.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bk.h"

/* a configuration is a few short lines: anything bigger is not one */
#define CONFIG_MAX (64 * 1024)

static char *
trim(char *s)
{
	char *e;

	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

/* the configuration file's bytes, at most CONFIG_MAX, into buf (of
 * CONFIG_MAX + 1 bytes, NUL-terminated) and their count into *len; -1 and
 * errno when it cannot be read, 0 with no path when there is none to
 * look for. Only a regular file is read: a FIFO would hang every command
 * and a device such as /dev/zero never ends */
static int
read_config(char *path, size_t plen, char *buf, size_t *len)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	struct stat sb;
	ssize_t n;
	int fd;

	*len = 0;
	buf[0] = '\0';	/* no file, no lines */
	/* relative paths are ignored, as the XDG spec says */
	if (xdg && xdg[0] == '/')
		snprintf(path, plen, "%s/backkit/config", xdg);
	else if (home && home[0] == '/')
		snprintf(path, plen, "%s/.config/backkit/config", home);
	else
		return 0;
	/* O_NONBLOCK: opening a FIFO does not wait for a writer */
	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)) < 0)
		return -1;
	if (fstat(fd, &sb) != 0) {
		close(fd);
		return -1;
	}
	if (!S_ISREG(sb.st_mode)) {
		close(fd);
		bk_errx(BK_EXIT_DATA, "cannot read '%s': not a regular file",
		    path);
	}
	/* to the cap and one byte more, which says the file is too big */
	while (*len <= CONFIG_MAX) {
		n = read(fd, buf + *len, CONFIG_MAX + 1 - *len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			close(fd);
			return -1;
		}
		if (n == 0)
			break;
		*len += n;
	}
	close(fd);
	if (*len > CONFIG_MAX)
		bk_errx(BK_EXIT_DATA, "cannot read '%s': larger than %d KiB",
		    path, CONFIG_MAX / 1024);
	buf[*len] = '\0';
	return 0;
}

/* the keys whose value is one of two words */
static const struct choice {
	const char *key, *word[2];
	int value[2];
	size_t offset;	/* of the int it sets in struct bk_config */
} choices[] = {
	{ "units", { "metric", "imperial" }, { 0, 1 },
	    offsetof(struct bk_config, imperial) },
	{ "week_start", { "monday", "sunday" }, { 0, 1 },
	    offsetof(struct bk_config, week_sunday) },
	{ "sex", { "male", "female" }, { BK_SEX_MALE, BK_SEX_FEMALE },
	    offsetof(struct bk_config, sex) },
	{ NULL, { NULL, NULL }, { 0, 0 }, 0 }
};

static int *
field(struct bk_config *cfg, const struct choice *c)
{
	return (int *)(void *)((char *)cfg + c->offset);
}

void
bk_config_load(struct bk_config *cfg)
{
	char path[4096], *buf, *line, *next, *key, *val, *eq, kb[512], vb[512];
	size_t len;
	long lineno = 0;
	long long year;
	const struct choice *c;
	int ty, tm, td;

	memset(cfg, 0, sizeof *cfg);
	path[0] = '\0';
	buf = bk_xmalloc(CONFIG_MAX + 1);
	if (read_config(path, sizeof path, buf, &len) != 0) {
		if (errno != ENOENT && errno != ENOTDIR && path[0])
			bk_errx(BK_EXIT_DATA, "cannot read '%s': %s", path,
			    strerror(errno));
		free(buf);
		return;
	}
	if (memchr(buf, '\0', len))
		bk_errx(BK_EXIT_DATA, "cannot read '%s': a NUL byte: not a "
		    "text file", path);
	line = buf;
	/* a byte order mark, as some editors write, is not part of a key */
	if (len >= 3 && memcmp(line, "\xef\xbb\xbf", 3) == 0)
		line += 3;
	for (; line && *line; line = next) {
		if ((next = strchr(line, '\n')))
			*next++ = '\0';
		lineno++;
		key = trim(line);
		if (*key == '\0' || *key == '#')
			continue;
		if (!(eq = strchr(key, '=')))
			bk_errx(BK_EXIT_DATA, "%s:%ld: expected 'key = value'",
			    path, lineno);
		*eq = '\0';
		key = trim(key);
		val = trim(eq + 1);
		bk_term_snprint(kb, sizeof kb, key);
		bk_term_snprint(vb, sizeof vb, val);
		if (strcmp(key, "birth_year") == 0) {
			bk_date_to_ymd(bk_today(), &ty, &tm, &td);
			if (bk_parse_int(val, 1900, ty, &year) != 0)
				bk_errx(BK_EXIT_DATA, "%s:%ld: invalid birth_year "
				    "'%s': expected a year from 1900 to %d", path,
				    lineno, vb, ty);
			cfg->birth_year = (int)year;
			continue;
		}
		for (c = choices; c->key; c++)
			if (strcmp(key, c->key) == 0)
				break;
		if (!c->key)
			bk_errx(BK_EXIT_DATA, "%s:%ld: unknown key '%s' (one of: "
			    "units, week_start, birth_year, sex)", path, lineno,
			    kb);
		if (c == choices)
			cfg->units_set = 1;	/* imports take it as said */
		if (strcmp(val, c->word[0]) == 0)
			*field(cfg, c) = c->value[0];
		else if (strcmp(val, c->word[1]) == 0)
			*field(cfg, c) = c->value[1];
		else
			bk_errx(BK_EXIT_DATA, "%s:%ld: invalid %s '%s': expected "
			    "%s or %s", path, lineno, key, vb, c->word[0],
			    c->word[1]);
	}
	free(buf);
}
