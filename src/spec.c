/* spec.c - set specs, durations and doses (pure functions, fuzzed) */
#include <stdio.h>
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
