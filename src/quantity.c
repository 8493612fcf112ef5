/* quantity.c - the one definition of each quantity that the commands
 * show: held seconds, load moved, sets and reps done, the status of a
 * planned item and how a dose reads. The SQL halves live in bk.h as
 * macros (BK_HELD_SQL ...) so that every report's statement is built from
 * them; the status and the dose text are here. Pure: no store, no exit. */
#include <string.h>

#include "bk.h"

const char *
bk_item_status(const char *kind, long full, long any, long skips,
    long needed, bk_day day, bk_day today)
{
	if (strcmp(kind, "rest") == 0)
		return "rest";
	if (full >= needed)
		return "done";
	if (any > 0)
		return "partly";
	if (skips > 0)
		return "skipped";
	if (day < today)
		return "missed";
	return day == today ? "due" : "planned";
}

static long
clamp(long v, long max)
{
	return v < 0 ? 0 : v > max ? max : v;
}

long long
bk_dose_seconds(long sets, long reps, long hold_s, long rest_s, int per_side)
{
	long long n, set;

	n = sets > 0 ? clamp(sets, BK_SETS_MAX) : 1;
	reps = clamp(reps, BK_REPS_MAX);
	hold_s = clamp(hold_s, BK_HOLD_MAX);
	set = reps > 0 ? (long long)reps * (BK_REP_SECONDS + hold_s) : hold_s;
	if (per_side)
		set *= 2;
	return n * set + (n - 1) * clamp(rest_s, BK_HOLD_MAX);
}

char *
bk_load_text(double kg, int imperial, char *buf, size_t len)
{
	char n[32];

	if (imperial)
		snprintf(buf, len, "%slb", bk_num_format(kg / BK_KG_PER_LB, 1,
		    n, sizeof n));
	else
		snprintf(buf, len, "%skg", bk_num_format(kg, 2, n, sizeof n));
	return buf;
}

char *
bk_dose_text(long sets, long reps, long hold_s, double load_kg,
    const char *side, int imperial, char *buf, size_t len)
{
	char l[32];
	size_t n;

	bk_dose_format(sets, reps, hold_s, 0, buf, len);
	n = strlen(buf);
	if (load_kg > 0 && n < len)
		snprintf(buf + n, len - n, " @%s",
		    bk_load_text(load_kg, imperial, l, sizeof l));
	n = strlen(buf);
	if (side && side[0] && n < len)
		snprintf(buf + n, len - n, " %s", side);
	return buf;
}
