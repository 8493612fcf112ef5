/* config.c - the optional key = value configuration file */
#include <ctype.h>
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

void
bk_config_load(struct bk_config *cfg)
{
	char path[4096], *line = NULL, *key, *val, *eq;
	size_t cap = 0;
	long lineno = 0;
	long long year;
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
		if (strcmp(key, "units") == 0) {
			if (strcmp(val, "metric") == 0)
				cfg->imperial = 0;
			else if (strcmp(val, "imperial") == 0)
				cfg->imperial = 1;
			else
				bk_errx(BK_EXIT_DATA, "%s:%ld: invalid units "
				    "'%s': expected metric or imperial", path,
				    lineno, val);
		} else if (strcmp(key, "week_start") == 0) {
			if (strcmp(val, "monday") == 0)
				cfg->week_sunday = 0;
			else if (strcmp(val, "sunday") == 0)
				cfg->week_sunday = 1;
			else
				bk_errx(BK_EXIT_DATA, "%s:%ld: invalid week_start "
				    "'%s': expected monday or sunday", path,
				    lineno, val);
		} else if (strcmp(key, "birth_year") == 0) {
			bk_date_to_ymd(bk_today(), &ty, &tm, &td);
			if (bk_parse_int(val, 1900, ty, &year) != 0)
				bk_errx(BK_EXIT_DATA, "%s:%ld: invalid birth_year "
				    "'%s': expected a year from 1900 to %d", path,
				    lineno, val, ty);
			cfg->birth_year = (int)year;
		} else if (strcmp(key, "sex") == 0) {
			if (strcmp(val, "male") == 0)
				cfg->sex = BK_SEX_MALE;
			else if (strcmp(val, "female") == 0)
				cfg->sex = BK_SEX_FEMALE;
			else
				bk_errx(BK_EXIT_DATA, "%s:%ld: invalid sex '%s': "
				    "expected male or female", path, lineno, val);
		}
		/* other keys belong to other commands or later versions */
	}
	if (ferror(fp))
		bk_errx(BK_EXIT_DATA, "cannot read '%s': %s", path,
		    strerror(errno));
	free(line);
	fclose(fp);
}
