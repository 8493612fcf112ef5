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

int
bk_config_path(char *path, size_t len)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	int n;

	path[0] = '\0';
	/* relative paths are ignored, as the XDG spec says */
	if (xdg && xdg[0] == '/')
		n = snprintf(path, len, "%s/backkit/config", xdg);
	else if (home && home[0] == '/')
		n = snprintf(path, len, "%s/.config/backkit/config", home);
	else
		return -1;
	if (n < 0 || (size_t)n >= len) {
		path[0] = '\0';
		return -1;
	}
	return 0;
}

/* the configuration file's bytes, at most CONFIG_MAX, into buf (of
 * CONFIG_MAX + 1 bytes, NUL-terminated) and their count into *len; -1 and
 * errno when it cannot be read, 0 with no path when there is none to
 * look for. Only a regular file is read: a FIFO would hang every command
 * and a device such as /dev/zero never ends */
static int
read_config(char *path, size_t plen, char *buf, size_t *len)
{
	struct stat sb;
	ssize_t n;
	int fd;

	*len = 0;
	buf[0] = '\0';	/* no file, no lines */
	if (bk_config_path(path, plen) != 0)
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

const char *const bk_config_keys[] = { "units", "week_start", "birth_year",
	"sex", "remind_at", "remind_alarm", "get_ready", NULL };

const char *
bk_config_key_list(void)
{
	static char list[256];
	size_t i, k = 0;

	if (!list[0])
		for (i = 0; bk_config_keys[i]; i++)
			k += (size_t)snprintf(list + k, sizeof list - k, "%s%s",
			    i ? ", " : "", bk_config_keys[i]);
	return list;
}

#define READY_MAX 60	/* seconds of a get-ready countdown */

/* remind_at, remind_alarm and get_ready into cfg (when not NULL): 0, 1
 * when key is none of them, -2 for a bad value */
static int
apply_times(struct bk_config *cfg, const char *key, const char *val,
    char *why, size_t len)
{
	const char *w;
	int at[BK_AT_MAX], n;
	long s;

	if (strcmp(key, "remind_at") == 0) {
		if (bk_clock_list_parse(val, at, BK_AT_MAX, &n, &w) != 0) {
			snprintf(why, len, "%s", w);
			return -2;
		}
		if (cfg) {
			memcpy(cfg->at, at, sizeof at);
			cfg->nat = n;
		}
		return 0;
	}
	if (strcmp(key, "remind_alarm") == 0) {
		if (bk_duration_parse(val, &s, &w) != 0) {
			snprintf(why, len, "expected a duration, as 10m: %s", w);
			return -2;
		}
		if (cfg)
			cfg->alarm_s = s;
		return 0;
	}
	if (strcmp(key, "get_ready") == 0) {
		if (strcmp(val, "0") == 0)
			s = 0;
		else if (bk_duration_parse(val, &s, &w) != 0 || s > READY_MAX) {
			snprintf(why, len, "expected 0 (none) or a duration up "
			    "to %ds, as 5s", READY_MAX);
			return -2;
		}
		if (cfg)
			cfg->ready_s = s;
		return 0;
	}
	return 1;
}

/* key = val into cfg (when not NULL): 0, -1 for an unknown key, -2 for a
 * bad value with why it is bad */
static int
apply(struct bk_config *cfg, const char *key, const char *val, char *why,
    size_t len)
{
	const struct choice *c;
	long long year;
	int ty, tm, td, r;

	if ((r = apply_times(cfg, key, val, why, len)) != 1)
		return r;
	if (strcmp(key, "birth_year") == 0) {
		bk_date_to_ymd(bk_today(), &ty, &tm, &td);
		if (bk_parse_int(val, 1900, ty, &year) != 0) {
			snprintf(why, len, "expected a year from 1900 to %d", ty);
			return -2;
		}
		if (cfg)
			cfg->birth_year = (int)year;
		return 0;
	}
	for (c = choices; c->key; c++)
		if (strcmp(key, c->key) == 0)
			break;
	if (!c->key)
		return -1;
	if (strcmp(val, c->word[0]) != 0 && strcmp(val, c->word[1]) != 0) {
		snprintf(why, len, "expected %s or %s", c->word[0], c->word[1]);
		return -2;
	}
	if (!cfg)
		return 0;
	if (c == choices)
		cfg->units_set = 1;	/* imports take it as said */
	*field(cfg, c) = c->value[strcmp(val, c->word[0]) == 0 ? 0 : 1];
	return 0;
}

int
bk_config_check(const char *key, const char *value, char *why, size_t len)
{
	return apply(NULL, key, value, why, len);
}

/* the default of key, as the commands take it when it is not set; NULL
 * when there is none */
const char *
bk_config_default(const char *key)
{
	const struct choice *c;

	if (strcmp(key, "get_ready") == 0)
		return "5s";
	for (c = choices; c->key; c++)
		if (strcmp(key, c->key) == 0 && strcmp(c->key, "sex") != 0)
			return c->word[0];
	return NULL;
}

void
bk_config_load(struct bk_config *cfg)
{
	char path[4096], *buf, *line, *next, *key, *val, *eq, kb[512], vb[512];
	char why[128];
	size_t len;
	long lineno = 0;

	memset(cfg, 0, sizeof *cfg);
	cfg->alarm_s = -1;
	cfg->ready_s = -1;
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
		switch (apply(cfg, key, val, why, sizeof why)) {
		case -1:
			bk_errx(BK_EXIT_DATA, "%s:%ld: unknown key '%s' (one of: "
			    "%s)", path, lineno, kb, bk_config_key_list());
		case -2:
			bk_errx(BK_EXIT_DATA, "%s:%ld: invalid %s '%s': %s", path,
			    lineno, key, vb, why);
		}
	}
	free(buf);
}

/* the key of a line of the file (trimmed, into kb), or NULL for a blank,
 * a comment or a line without '=' */
static const char *
line_key(const char *line, size_t n, char *kb, size_t len, const char **val)
{
	const char *eq = memchr(line, '=', n), *k = line, *e;
	size_t kn;

	while (k < line + n && isspace((unsigned char)*k))
		k++;
	if (k == line + n || *k == '#' || !eq)
		return NULL;
	for (e = eq; e > k && isspace((unsigned char)e[-1]); e--)
		;
	kn = (size_t)(e - k);
	if (kn >= len)
		kn = len - 1;
	memcpy(kb, k, kn);
	kb[kn] = '\0';
	if (val)
		*val = eq + 1;
	return kb;
}

/* the lines of the file, each with its length (no newline); the BOM is
 * left out of the first */
static char *
next_line(char *p, char *end, size_t *n)
{
	char *nl = memchr(p, '\n', (size_t)(end - p));

	*n = (size_t)((nl ? nl : end) - p);
	return nl ? nl + 1 : end;
}

static char *
file_text(char *path, size_t plen, size_t *len)
{
	char *buf = bk_xmalloc(CONFIG_MAX + 1);

	if (read_config(path, plen, buf, len) != 0) {
		if (errno != ENOENT && errno != ENOTDIR && path[0])
			bk_errx(BK_EXIT_DATA, "cannot read '%s': %s", path,
			    strerror(errno));
		*len = 0;
		buf[0] = '\0';
	}
	if (memchr(buf, '\0', *len))
		bk_errx(BK_EXIT_DATA, "cannot read '%s': a NUL byte: not a "
		    "text file", path);
	return buf;
}

int
bk_config_get(const char *key, char *out, size_t outlen)
{
	char path[4096], kb[512], *buf, *p, *end, *v;
	const char *val;
	size_t len, n;
	int found = 0;

	buf = file_text(path, sizeof path, &len);
	p = buf;
	end = buf + len;
	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	while (p < end) {
		char *line = p;

		p = next_line(p, end, &n);
		if (!line_key(line, n, kb, sizeof kb, &val) ||
		    strcmp(kb, key) != 0)
			continue;
		/* the last line wins, as bk_config_load reads them */
		line[n] = '\0';
		v = trim((char *)val);
		snprintf(out, outlen, "%s", v);
		found = 1;
	}
	free(buf);
	return found;
}

/* make the directories of path that are missing, mode 0700 */
static void
make_dirs(const char *path)
{
	char dir[4096], *slash;

	snprintf(dir, sizeof dir, "%s", path);
	for (slash = strchr(dir + 1, '/'); slash; slash = strchr(slash + 1,
	    '/')) {
		*slash = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST)
			bk_errx(BK_EXIT_DATA, "cannot create '%s': %s", dir,
			    strerror(errno));
		*slash = '/';
	}
}

/* write text to path through a temporary file beside it and rename, so
 * that a reader sees the old file or the new one, never half of one */
static void
write_atomic(const char *path, const char *text, size_t len, mode_t mode)
{
	char tmp[4200];
	size_t off = 0;
	ssize_t n;
	int fd;

	make_dirs(path);
	snprintf(tmp, sizeof tmp, "%s.new-XXXXXX", path);
	if ((fd = mkstemp(tmp)) < 0)
		bk_errx(BK_EXIT_DATA, "cannot write '%s': %s", path,
		    strerror(errno));
	if (fchmod(fd, mode) != 0)
		goto fail;
	while (off < len) {
		if ((n = write(fd, text + off, len - off)) < 0) {
			if (errno == EINTR)
				continue;
			goto fail;
		}
		off += (size_t)n;
	}
	if (fsync(fd) != 0 || close(fd) != 0) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (rename(tmp, path) != 0)
		goto fail;
	return;
fail:
	n = errno;
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	bk_errx(BK_EXIT_DATA, "cannot write '%s': %s", path,
	    strerror((int)n));
}

int
bk_config_set(const char *key, const char *value, char *path, size_t plen)
{
	char kb[512], *buf, *p, *end, *out;
	size_t len, n, olen = 0, cap;
	struct stat sb;
	mode_t mode = 0600;
	int found = 0;

	if (bk_config_path(path, plen) != 0)
		bk_errx(BK_EXIT_DATA, "cannot write the configuration: neither "
		    "XDG_CONFIG_HOME nor HOME is an absolute path");
	buf = file_text(path, plen, &len);
	cap = len + strlen(key) + (value ? strlen(value) : 0) + 8;
	out = bk_xmalloc(cap);
	p = buf;
	end = buf + len;
	while (p < end) {
		char *line = p;

		p = next_line(p, end, &n);
		if (line_key(line + (line == buf && n >= 3 &&
		    memcmp(line, "\xef\xbb\xbf", 3) == 0 ? 3 : 0),
		    n - (line == buf && n >= 3 && memcmp(line, "\xef\xbb\xbf",
		    3) == 0 ? 3 : 0), kb, sizeof kb, NULL) &&
		    strcmp(kb, key) == 0) {
			/* the first line of the key takes the value, the
			 * others go: one line per key */
			if (value && !found)
				olen += (size_t)snprintf(out + olen, cap - olen,
				    "%s = %s\n", key, value);
			found = 1;
			continue;
		}
		memcpy(out + olen, line, n);
		olen += n;
		out[olen++] = '\n';
	}
	if (value && !found)
		olen += (size_t)snprintf(out + olen, cap - olen, "%s = %s\n",
		    key, value);
	free(buf);
	if (!value && !found) {
		free(out);
		return 0;
	}
	if (olen > CONFIG_MAX)
		bk_errx(BK_EXIT_DATA, "cannot write '%s': it would be larger "
		    "than %d KiB", path, CONFIG_MAX / 1024);
	if (stat(path, &sb) == 0)
		mode = sb.st_mode & 07777;
	write_atomic(path, out, olen, mode);
	free(out);
	return 1;
}
