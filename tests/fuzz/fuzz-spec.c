/* libFuzzer harness: SPECs, durations and loads as a user types them */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/bk.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), buf[96];
	struct bk_spec sp;
	const char *why;
	double kg;
	long secs;

	memcpy(s, data, size);
	s[size] = '\0';
	if (bk_spec_parse(s, &sp, &why) == 0) {
		/* what parses is inside the documented bounds */
		if (sp.sets < 1 || sp.sets > BK_SETS_MAX || sp.reps < 0 ||
		    sp.reps > BK_REPS_MAX || sp.hold_s < 0 ||
		    sp.hold_s > BK_HOLD_MAX || sp.load_kg < 0 ||
		    sp.load_kg > BK_LOAD_MAX || (sp.reps == 0) != (sp.hold_s > 0))
			abort();
		bk_dose_format(sp.sets, sp.reps, sp.hold_s, 0, buf, sizeof buf);
	} else if (!why || !*why)
		abort();	/* every refusal says why */
	if (bk_duration_parse(s, &secs, &why) == 0 &&
	    (secs < 1 || secs > BK_HOLD_MAX))
		abort();
	if (bk_load_parse(s, &kg, &why) == 0 && (kg < 0 || kg > BK_LOAD_MAX))
		abort();
	free(s);
	return 0;
}
