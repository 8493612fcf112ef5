/* gen - deterministic synthetic history for the benchmarks.
 *
 *   gen sets N END DAYS CATALOG.tsv   N sets in bk-csv(5) format, spread
 *                                     evenly over the DAYS days that end
 *                                     on END, oldest first
 *   gen tests END DAYS                "DATE REACH" per week: toe-touch
 *                                     tests every 7 days back from END
 *
 * CATALOG.tsv is what `bk-plan exercises --format tsv` prints. The
 * random numbers come from a fixed seed (splitmix64), so every machine
 * gets the same bytes. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SEED 0x6261636b6b6974ULL	/* "backkit" */
#define MAXEX 256

static uint64_t state = SEED;

static uint64_t
next(void)
{
	uint64_t z = (state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* 0 .. n - 1 */
static long
pick(long n)
{
	return (long)(next() % (uint64_t)n);
}

struct ex {
	char slug[80], name[128];
	long sets, reps, hold;	/* reps 0: timed sets of hold seconds */
	int side, load;
};

static struct ex ex[MAXEX];
static int nex;

/* days since 1970-01-01 and back (Howard Hinnant's algorithms); buf
 * holds 16 bytes */
static long
days_from_civil(long y, long m, long d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void
civil(long z, char *buf)
{
	long era, doe, yoe, y, doy, mp, d, m;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp + (mp < 10 ? 3 : -9);
	snprintf(buf, 16, "%04u-%02u-%02u", (unsigned)(y + (m <= 2)) % 10000,
	    (unsigned)m % 100, (unsigned)d % 100);
}

static long
parse_day(const char *s)
{
	int y, m, d;

	if (sscanf(s, "%4d-%2d-%2d", &y, &m, &d) != 3) {
		fprintf(stderr, "gen: bad date '%s'\n", s);
		exit(2);
	}
	return days_from_civil(y, m, d);
}

/* the dose column of the catalog: "3x15 hold 2s each side", "2x30s" */
static void
parse_dose(struct ex *e, const char *dose)
{
	char *end;
	long a, b;

	e->sets = 1;
	e->reps = 10;
	e->hold = 0;
	a = strtol(dose, &end, 10);
	if (*end == 'x') {
		e->sets = a;
		b = strtol(end + 1, &end, 10);
		if (*end == 's' || *end == 'm') {
			e->reps = 0;
			e->hold = *end == 'm' ? b * 60 : b;
		} else {
			e->reps = b;
			if (strncmp(end, " hold ", 6) == 0)
				e->hold = strtol(end + 6, NULL, 10);
		}
	}
	e->side = strstr(dose, "each side") != NULL;
}

static void
read_catalog(const char *path)
{
	char line[4096], *f[8], *p;
	FILE *fp = fopen(path, "r");
	int n;

	if (!fp) {
		perror(path);
		exit(1);
	}
	while (fgets(line, sizeof line, fp) && nex < MAXEX) {
		line[strcspn(line, "\n")] = '\0';
		for (n = 0, p = line; n < 8; n++) {
			f[n] = p;
			if (!(p = strchr(p, '\t')))
				break;
			*p++ = '\0';
		}
		if (n < 6 || strcmp(f[0], "slug") == 0)
			continue;
		snprintf(ex[nex].slug, sizeof ex[nex].slug, "%s", f[0]);
		snprintf(ex[nex].name, sizeof ex[nex].name, "%s", f[1]);
		parse_dose(&ex[nex], f[6]);
		ex[nex].load = strstr(f[5], "dumbbell") != NULL ||
		    strstr(f[5], "band") != NULL;
		nex++;
	}
	fclose(fp);
	if (nex == 0) {
		fprintf(stderr, "gen: no exercises in %s\n", path);
		exit(1);
	}
}

/* notes as export writes them: quoted, and a leading - guarded */
static const char *const notes[] = {
	"felt good", "\"slow, 2s down\"", "stiff this morning",
	"\"\"\"easy\"\" today\"", "left side tighter", "'-5 next time",
};
static const char *const reasons[] = {
	"pinches low back", "no time", "travelling", "\"sore, resting\"",
};

static void
gen_sets(long total, long end, long days)
{
	char date[16], key[33];
	long day, done = 0, target, set, minute;
	int s, nsides, k;

	fputs("date,time,exercise,exercise_name,set,side,reps,hold_s,load_kg,"
	    "rpe,skipped,reason,note,plan,key\n", stdout);
	for (day = end - days + 1; day <= end; day++) {
		civil(day, date);
		target = (long)((double)total * (day - (end - days)) / days + 0.5);
		minute = 6 * 60 + pick(60);
		while (done < target) {
			const struct ex *e = &ex[pick(nex)];
			long sets = e->sets + pick(3) - 1, reps, hold, rpe;
			double load = 0;
			const char *note = pick(50) == 0 ?
			    notes[pick(sizeof notes / sizeof *notes)] : "";
			char tm[6];

			snprintf(tm, sizeof tm, "%02ld:%02ld", minute / 60 % 24,
			    minute % 60);
			minute += 1 + pick(4);
			if (minute >= 24 * 60)
				minute = 24 * 60 - 1;
			if (pick(50) == 0) {
				/* a skip: one row, no dose */
				for (k = 0; k < 32; k++)
					key[k] = "0123456789abcdef"[pick(16)];
				key[32] = '\0';
				printf("%s,%s,%s,%s,1,,,,,,1,%s,,,log:%s\n", date,
				    tm, e->slug, e->name,
				    reasons[pick(sizeof reasons / sizeof *reasons)],
				    key);
				done++;
				continue;
			}
			if (sets < 1)
				sets = 1;
			reps = e->reps ? e->reps + pick(5) - 2 : 0;
			if (e->reps && reps < 1)
				reps = 1;
			hold = e->reps ? e->hold : e->hold + 5 * (pick(5) - 2);
			if (!e->reps && hold < 5)
				hold = 5;
			if (e->load)
				load = 0.5 * (4 + pick(30));
			rpe = pick(3) == 0 ? 5 + pick(5) : -1;
			nsides = e->side ? 2 : 1;
			for (set = 1; set <= sets && done < target; set++)
				for (s = 0; s < nsides && done < target; s++) {
					for (k = 0; k < 32; k++)
						key[k] = "0123456789abcdef"[pick(16)];
					key[32] = '\0';
					printf("%s,%s,%s,%s,%ld,%s,", date, tm,
					    e->slug, e->name, set, nsides == 2 ?
					    (s ? "right" : "left") : "");
					if (reps)
						printf("%ld", reps);
					putchar(',');
					if (hold)
						printf("%ld", hold);
					putchar(',');
					if (load > 0)
						printf("%g", load);
					putchar(',');
					if (rpe >= 0)
						printf("%ld", rpe);
					printf(",0,,%s,,log:%s\n", note, key);
					done++;
				}
		}
	}
}

/* weekly tests: the reach improves from about -30 cm by a few cm a year,
 * with the noise of a real tape measure */
static void
gen_tests(long end, long days)
{
	char date[16];
	long day, n = 0, weeks = days / 7;
	double reach;

	for (day = end - (weeks - 1) * 7; day <= end; day += 7, n++) {
		civil(day, date);
		reach = -30.0 + 25.0 * n / weeks + (pick(41) - 20) / 10.0;
		printf("%s %.1f\n", date, reach);
	}
}

int
main(int argc, char *argv[])
{
	if (argc == 6 && strcmp(argv[1], "sets") == 0) {
		read_catalog(argv[5]);
		gen_sets(atol(argv[2]), parse_day(argv[3]), atol(argv[4]));
	} else if (argc == 4 && strcmp(argv[1], "tests") == 0)
		gen_tests(parse_day(argv[2]), atol(argv[3]));
	else {
		fputs("usage: gen sets N END DAYS CATALOG.tsv\n"
		    "       gen tests END DAYS\n", stderr);
		return 2;
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("gen");
		return 1;
	}
	return 0;
}
