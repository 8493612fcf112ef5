/* quantity.c - the one definition of each quantity that the commands
 * show: held seconds, load moved, sets and reps done, the status of a
 * planned item and how a dose reads. The SQL halves live in bk.h as
 * macros (BK_HELD_SQL ...) so that every report's statement is built from
 * them; the C halves are here. Pure: no store, no exit. */
#include <string.h>

#include "bk.h"

double
bk_held_seconds(long reps, double hold_s)
{
	if (hold_s <= 0)
		return 0;
	return reps > 0 ? reps * hold_s : hold_s;
}

double
bk_moved_kg(long reps, double load_kg)
{
	return reps > 0 && load_kg > 0 ? reps * load_kg : 0;
}

int
bk_set_meets(long reps, double hold_s, double load_kg, long preps,
    double phold_s, double pload_kg)
{
	if (preps > 0 && reps < preps)
		return 0;
	if (phold_s > 0 && hold_s + 1e-9 < phold_s)
		return 0;
	if (pload_kg > 0 && load_kg + 0.0005 < pload_kg)
		return 0;
	return 1;
}

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
