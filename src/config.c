/* config.c - the optional key = value configuration file */
#include <ctype.h>
#include <stddef.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "bk.h"

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

static FILE *
open_config(char *path, size_t len)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");

	if (xdg && *xdg)
		snprintf(path, len, "%s/backkit/config", xdg);
	else if (home && *home)
		snprintf(path, len, "%s/.config/backkit/config", home);
	else
		return NULL;
	return fopen(path, "r");
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
	char path[4096], *line = NULL, *key, *val, *eq;
	size_t cap = 0;
	long lineno = 0;
	long long year;
	const struct choice *c;
	int ty, tm, td;
	FILE *fp;

	memset(cfg, 0, sizeof *cfg);
	path[0] = '\0';
	if (!(fp = open_config(path, sizeof path))) {
		if (errno != ENOENT && errno != ENOTDIR && path[0])
			bk_errx(BK_EXIT_DATA, "cannot read '%s': %s", path,
			    strerror(errno));
		return;
	}
	while (getline(&line, &cap, fp) != -1) {
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
		if (strcmp(key, "birth_year") == 0) {
			bk_date_to_ymd(bk_today(), &ty, &tm, &td);
			if (bk_parse_int(val, 1900, ty, &year) != 0)
				bk_errx(BK_EXIT_DATA, "%s:%ld: invalid birth_year "
				    "'%s': expected a year from 1900 to %d", path,
				    lineno, val, ty);
			cfg->birth_year = (int)year;
			continue;
		}
		for (c = choices; c->key; c++)
			if (strcmp(key, c->key) == 0)
				break;
		if (!c->key)
			bk_errx(BK_EXIT_DATA, "%s:%ld: unknown key '%s' (one of: "
			    "units, week_start, birth_year, sex)", path, lineno,
			    key);
		if (c == choices)
			cfg->units_set = 1;	/* imports take it as said */
		if (strcmp(val, c->word[0]) == 0)
			*field(cfg, c) = c->value[0];
		else if (strcmp(val, c->word[1]) == 0)
			*field(cfg, c) = c->value[1];
		else
			bk_errx(BK_EXIT_DATA, "%s:%ld: invalid %s '%s': expected "
			    "%s or %s", path, lineno, key, val, c->word[0],
			    c->word[1]);
	}
	if (ferror(fp))
		bk_errx(BK_EXIT_DATA, "cannot read '%s': %s", path,
		    strerror(errno));
	free(line);
	fclose(fp);
}
