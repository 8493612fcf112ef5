/* spec.c - set specs, durations and doses (pure functions, fuzzed) */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bk.h"

char *
bk_duration_format(long s, char *buf, size_t len)
{
	if (s < 60 || s % 60 != 0) {
		if (s >= 60)
			snprintf(buf, len, "%ldm%lds", s / 60, s % 60);
		else
			snprintf(buf, len, "%lds", s);
	} else
		snprintf(buf, len, "%ldm", s / 60);
	return buf;
}

char *
bk_dose_format(long sets, long reps, long hold_s, int per_side, char *buf,
    size_t len)
{
	char d[32];
	size_t n;

	if (reps > 0) {
		snprintf(buf, len, "%ldx%ld", sets, reps);
		if (hold_s > 0) {
			n = strlen(buf);
			snprintf(buf + n, len - n, " hold %s",
			    bk_duration_format(hold_s, d, sizeof d));
		}
	} else
		snprintf(buf, len, "%ldx%s", sets,
		    bk_duration_format(hold_s, d, sizeof d));
	if (per_side) {
		n = strlen(buf);
		snprintf(buf + n, len - n, " each side");
	}
	return buf;
}

/* digits only, into *out; -1 when empty, not digits or above max */
static int
digits(const char *s, size_t n, long max, long *out)
{
	long v = 0;
	size_t i;

	if (n == 0)
		return -1;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		if (v > max)
			continue;	/* keep reading: too big, not malformed */
		v = v * 10 + (s[i] - '0');
	}
	*out = v > max ? max + 1 : v;
	return 0;
}

static int
all_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return n > 0;
}

/* "30s", "2m", "1m30s" or (bare) "45" seconds, n bytes of s */
static int
duration(const char *s, size_t n, int bare, long *out, const char **why)
{
	const char *m;
	long a = 0, b = 0;

	if (n == 0) {
		*why = "missing time";
		return -1;
	}
	if (all_digits(s, n)) {
		if (!bare) {
			*why = "a time needs a unit: s or m";
			return -1;
		}
		digits(s, n, BK_HOLD_MAX, &a);
	} else if (s[n - 1] == 's' && (m = memchr(s, 'm', n)) != NULL) {
		if (digits(s, (size_t)(m - s), BK_HOLD_MAX, &a) != 0 ||
		    digits(m + 1, n - (size_t)(m - s) - 2, 59, &b) != 0) {
			*why = "expected a time like 30s, 2m or 1m30s";
			return -1;
		}
		if (b > 59) {
			*why = "seconds after minutes must be 0 to 59";
			return -1;
		}
		a = a > BK_HOLD_MAX ? a : a * 60 + b;
	} else if (s[n - 1] == 's' || s[n - 1] == 'm' || s[n - 1] == 'h') {
		if (digits(s, n - 1, BK_HOLD_MAX, &a) != 0) {
			*why = "expected a time like 30s, 2m or 1m30s";
			return -1;
		}
		if (s[n - 1] == 'm' && a <= BK_HOLD_MAX)
			a *= 60;
		else if (s[n - 1] == 'h' && a <= 24)
			a *= 3600;
		else if (s[n - 1] == 'h')
			a = BK_HOLD_MAX + 1;
	} else {
		*why = "expected a time like 30s, 2m or 1m30s";
		return -1;
	}
	if (a < 1 || a > BK_HOLD_MAX) {
		*why = "a time must be 1s to 24h";
		return -1;
	}
	*out = a;
	return 0;
}

int
bk_duration_parse(const char *s, long *secs, const char **why)
{
	return duration(s, strlen(s), 1, secs, why);
}

int
bk_clock_list_parse(const char *s, int *mins, int max, int *n,
    const char **why)
{
	long h, m;
	int k = 0, v;
	char *end;

	*why = "expected times of day as HH:MM, separated by commas";
	for (;;) {
		if (!isdigit((unsigned char)s[0]))
			return -1;
		h = strtol(s, &end, 10);
		if (end - s > 2 || *end != ':' || !isdigit((unsigned char)end[1]) ||
		    !isdigit((unsigned char)end[2]) ||
		    isdigit((unsigned char)end[3]))
			return -1;
		m = strtol(end + 1, NULL, 10);
		if (h > 23 || m > 59) {
			*why = "a time of day is 00:00 to 23:59";
			return -1;
		}
		v = (int)(h * 60 + m);
		if (k > 0 && v <= mins[k - 1]) {
			*why = "times of day go in order, none twice";
			return -1;
		}
		if (k == max) {
			*why = "at most 24 times of day";
			return -1;
		}
		mins[k++] = v;
		s = end + 3;
		if (!*s)
			break;
		if (*s++ != ',')
			return -1;
	}
	*n = k;
	return 0;
}

int
bk_load_parse(const char *s, double *kg, const char **why)
{
	char num[32];
	size_t n = strspn(s, "0123456789.");
	const char *unit = s + n;
	double v;

	if (n == 0 || n >= sizeof num) {
		*why = !*s ? "missing load" : n ? "a load must be at most 1000kg" :
		    "a load starts with a number, as in 5kg";
		return -1;
	}
	memcpy(num, s, n);
	num[n] = '\0';
	if (bk_decimal_parse(num, 0, &v) != 0) {
		*why = "a load starts with a number, as in 5kg";
		return -1;
	}
	if (!*unit) {
		*why = "a load needs a unit: kg or lb";
		return -1;
	}
	if (bk_strcaseeq(unit, "lb") || bk_strcaseeq(unit, "lbs"))
		v *= BK_KG_PER_LB;
	else if (!bk_strcaseeq(unit, "kg")) {
		*why = "a load's unit must be kg or lb";
		return -1;
	}
	v = bk_round3(v);
	if (v <= 0 || v > BK_LOAD_MAX) {
		*why = "a load must be more than 0 and at most 1000kg";
		return -1;
	}
	*kg = v;
	return 0;
}

/* "0kg", "0lb", "0.0kg": no load, said outright */
static int
zero_load(const char *s)
{
	size_t n = strspn(s, "0."), z = strspn(s, "0");

	if (z == 0 || n > 8)
		return 0;
	return bk_strcaseeq(s + n, "kg") || bk_strcaseeq(s + n, "lb") ||
	    bk_strcaseeq(s + n, "lbs");
}

int
bk_spec_parse(const char *s, struct bk_spec *out, const char **why)
{
	const char *at = strchr(s, '@'), *x;
	size_t n = at ? (size_t)(at - s) : strlen(s);

	memset(out, 0, sizeof *out);
	out->sets = 1;
	if (n == 0) {
		*why = at ? "missing sets and reps before '@'" : "empty spec";
		return -1;
	}
	x = memchr(s, 'x', n);
	if (!x)
		x = memchr(s, 'X', n);
	if (x) {
		if (x == s) {
			*why = "missing sets before 'x'";
			return -1;
		}
		if (digits(s, (size_t)(x - s), BK_SETS_MAX, &out->sets) != 0) {
			*why = "sets must be a whole number, as in 3x10";
			return -1;
		}
		if (out->sets < 1 || out->sets > BK_SETS_MAX) {
			*why = "sets must be 1 to 100";
			return -1;
		}
		n -= (size_t)(x + 1 - s);
		s = x + 1;
		if (n == 0) {
			*why = "missing reps or time after 'x'";
			return -1;
		}
	}
	if (all_digits(s, n)) {
		digits(s, n, BK_REPS_MAX, &out->reps);
		if (out->reps < 1 || out->reps > BK_REPS_MAX) {
			*why = "reps must be 1 to 10000";
			return -1;
		}
	} else if (s[0] < '0' || s[0] > '9') {
		*why = x ? "expected reps or a time like 30s after 'x'" :
		    "expected SETSxREPS, SETSxTIME or REPS, as in 3x10";
		return -1;
	} else if (duration(s, n, 0, &out->hold_s, why) != 0)
		return -1;
	if (at && zero_load(at + 1)) {
		out->no_load = 1;
		return 0;
	}
	if (at && bk_load_parse(at + 1, &out->load_kg, why) != 0)
		return -1;
	return 0;
}

double
bk_round3(double v)
{
	return round(v * 1000) / 1000;
}

char *
bk_num_format(double v, int decimals, char *buf, size_t len)
{
	char *p;

	snprintf(buf, len, "%.*f", decimals, v);
	if (decimals > 0 && strchr(buf, '.')) {
		p = buf + strlen(buf) - 1;
		while (*p == '0')
			*p-- = '\0';
		if (*p == '.')
			*p = '\0';
	}
	if (strcmp(buf, "-0") == 0)
		snprintf(buf, len, "0");
	return buf;
}

int
bk_decimal_parse(const char *s, char point, double *out)
{
	double v = 0, scale = 1;
	int seen = 0;

	for (; *s >= '0' && *s <= '9'; s++, seen = 1)
		if (v < 1e12)
			v = v * 10 + (*s - '0');
	if (*s == '.' || (point && *s == point))
		for (s++; *s >= '0' && *s <= '9'; s++, seen = 1)
			if (scale > 1e-9)
				v += (*s - '0') * (scale /= 10);
	if (!seen || *s)
		return -1;
	*out = v;
	return 0;
}
