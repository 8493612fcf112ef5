/* measure.c - flexibility and pain measurements: toe-touch reaches and
 * level words, sit-and-reach readings and the YMCA norms, and the progress
 * of a series (first, best, latest, least-squares trend, the day the trend
 * reaches zero). Pure: no store, no exit. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "bk.h"

/* from the shortest reach to the longest: fingertips at the knees ... the
 * palms flat on the floor */
const char *const bk_reach_levels[] = { "knees", "shins", "ankles", "toes",
	"floor", "knuckles", "palms", NULL };
const char *const bk_protocols[] = { "ymca", "acsm", NULL };
const char *const bk_sexes[] = { "male", "female", NULL };
const char *const bk_ymca_bands[] = { "excellent", "good",
	"above average", "average", "below average", "poor", "very poor",
	NULL };

/* the widest reaches a person can stand and measure, in cm from the floor */
#define REACH_MIN_CM (-150.0)
#define REACH_MAX_CM 100.0

int
bk_level_index(const char *s)
{
	int i;

	for (i = 0; bk_reach_levels[i]; i++)
		if (bk_strcaseeq(bk_reach_levels[i], s))
			return i;
	return -1;
}

/* a decimal number ("-12", "+3.5", ".5") followed by letters (the unit);
 * 0 with the unit's start in *unit, or -1 */
static int
parse_number(const char *s, double *v, const char **unit)
{
	const char *p = s;
	double x = 0, scale = 1;
	int neg = 0, digits = 0;

	if (*p == '+' || *p == '-')
		neg = *p++ == '-';
	for (; isdigit((unsigned char)*p); p++, digits++)
		if (digits < 12)
			x = x * 10 + (*p - '0');
	if (*p == '.') {
		for (p++; isdigit((unsigned char)*p); p++, digits++)
			if (scale > 1e-9)
				x += (*p - '0') * (scale /= 10);
	}
	if (digits == 0 || digits > 12)
		return -1;
	*unit = p;
	for (; *p; p++)
		if (!isalpha((unsigned char)*p))
			return -1;
	*v = neg && x != 0 ? -x : x;	/* no "-0" */
	return 0;
}

/* "(did you mean knees?)" when word is near a level word */
static void
level_hint(const char *word, char *err, size_t errlen)
{
	int i, d, best = 3, at = -1;

	for (i = 0; bk_reach_levels[i]; i++) {
		d = bk_edit_distance(word, bk_reach_levels[i], 3);
		if (d < best) {
			best = d;
			at = i;
		}
	}
	if (at >= 0)
		snprintf(err, errlen, "unknown level word (did you mean %s?)",
		    bk_reach_levels[at]);
	else
		snprintf(err, errlen, "not a distance like -12cm or -5in, nor "
		    "a level word (knees, shins, ankles, toes, floor, knuckles, "
		    "palms)");
}

int
bk_reach_parse(const char *s, int imperial, struct bk_reach *r, char *err,
    size_t errlen)
{
	const char *unit;
	double v;

	memset(r, 0, sizeof *r);
	r->level = -1;
	if ((r->level = bk_level_index(s)) >= 0)
		return 0;
	if (isalpha((unsigned char)*s)) {
		level_hint(s, err, errlen);
		return -1;
	}
	if (parse_number(s, &v, &unit) != 0) {
		snprintf(err, errlen, "not a distance like -12cm or -5in, nor "
		    "a level word (knees, shins, ankles, toes, floor, knuckles, "
		    "palms)");
		return -1;
	}
	if (*unit == '\0')
		unit = imperial ? "in" : "cm";
	if (bk_strcaseeq(unit, "cm")) {
		r->unit = "cm";
		r->cm = v;
	} else if (bk_strcaseeq(unit, "in")) {
		r->unit = "in";
		r->cm = v * BK_CM_PER_IN;
	} else {
		snprintf(err, errlen, "unknown unit '%.16s' (cm or in)", unit);
		return -1;
	}
	if (r->cm < REACH_MIN_CM || r->cm > REACH_MAX_CM) {
		snprintf(err, errlen, "out of range (%g to %+g cm from the "
		    "floor)", REACH_MIN_CM, REACH_MAX_CM);
		return -1;
	}
	r->value = v;
	return 0;
}

int
bk_reach_better(const struct bk_reach *a, const struct bk_reach *b)
{
	if (a->level >= 0 || b->level >= 0)
		return a->level > b->level;
	return a->cm > b->cm;
}

/* v rounded to one decimal, without a trailing ".0"; signed when sign */
static char *
format_number(double v, int sign, char *buf, size_t len)
{
	char *dot;

	v = round(v * 10) / 10;
	if (v == 0)
		v = 0;	/* no "-0" */
	snprintf(buf, len, sign && v > 0 ? "%+.1f" : "%.1f", v);
	if ((dot = strstr(buf, ".0")) && dot[2] == '\0')
		*dot = '\0';
	return buf;
}

char *
bk_length_format(double cm, int imperial, char *buf, size_t len)
{
	char num[48];

	format_number(imperial ? cm / BK_CM_PER_IN : cm, 1, num, sizeof num);
	snprintf(buf, len, "%s %s", num, imperial ? "in" : "cm");
	return buf;
}

int
bk_sitreach_parse(const char *s, enum bk_protocol proto, double *value,
    double *cm, char *err, size_t errlen)
{
	const char *unit;
	double v;

	if (parse_number(s, &v, &unit) != 0) {
		snprintf(err, errlen, "not a number");
		return -1;
	}
	if (proto == BK_PROTO_YMCA) {
		if (*unit && !bk_strcaseeq(unit, "in")) {
			snprintf(err, errlen, "a YMCA reading is in inches on "
			    "the yardstick (a box in cm is --protocol acsm)");
			return -1;
		}
		if (v < 0 || v > BK_YMCA_STICK_IN) {
			snprintf(err, errlen, "out of range (0 to %g in on the "
			    "yardstick)", BK_YMCA_STICK_IN);
			return -1;
		}
		*cm = (v - BK_YMCA_HEELS_IN) * BK_CM_PER_IN;
	} else {
		if (*unit && !bk_strcaseeq(unit, "cm")) {
			snprintf(err, errlen, "an ACSM box reading is in cm (a "
			    "yardstick in inches is --protocol ymca)");
			return -1;
		}
		if (v < 0 || v > BK_ACSM_BOX_CM) {
			snprintf(err, errlen, "out of range (0 to %g cm on the "
			    "box)", BK_ACSM_BOX_CM);
			return -1;
		}
		*cm = v - BK_ACSM_FEET_CM;
	}
	*value = v;
	return 0;
}

/* YMCA sit-and-reach percentiles, in inches on the yardstick with the
 * heels at 15: the 90th, 80th, ... 10th percentile of each age group.
 * Source: YMCA Fitness Testing and Assessment Manual, 4th ed. (2000),
 * as reprinted in ACSM's Guidelines for Exercise Testing and Prescription
 * ("Fitness categories for the YMCA sit-and-reach test"). */
static const signed char ymca_pct[2][6][9] = {
	{	/* men */
		{ 22, 20, 19, 18, 17, 15, 14, 13, 11 },	/* 18-25 */
		{ 21, 19, 17, 17, 15, 14, 13, 11, 9 },	/* 26-35 */
		{ 21, 19, 17, 16, 15, 13, 13, 11, 7 },	/* 36-45 */
		{ 19, 17, 15, 14, 13, 11, 10, 9, 6 },	/* 46-55 */
		{ 17, 15, 13, 13, 11, 9, 9, 7, 5 },	/* 56-65 */
		{ 17, 15, 13, 12, 10, 9, 8, 7, 4 },	/* over 65 */
	}, {	/* women */
		{ 24, 22, 21, 20, 19, 18, 17, 16, 14 },
		{ 23, 21, 20, 20, 19, 17, 16, 15, 13 },
		{ 22, 21, 19, 18, 17, 16, 15, 14, 12 },
		{ 21, 20, 18, 17, 16, 14, 14, 12, 10 },
		{ 20, 19, 17, 16, 15, 14, 13, 11, 9 },
		{ 20, 18, 17, 17, 15, 14, 13, 11, 9 },
	}
};
/* the lowest percentile of each band, as an index into a row above:
 * excellent from the 90th, good the 70th, above average the 60th, average
 * the 40th, below average the 30th, poor the 10th; very poor below */
static const int band_from[6] = { 0, 2, 3, 5, 6, 8 };
static const char *const age_groups[] = { "18-25", "26-35", "36-45",
	"46-55", "56-65", "over 65" };

int
bk_ymca_band(int age, enum bk_sex sex, double inches, const char **group)
{
	int g, b;

	if (group)
		*group = NULL;
	if (age < 18 || (sex != BK_SEX_MALE && sex != BK_SEX_FEMALE))
		return -1;
	g = age <= 25 ? 0 : age > 65 ? 5 : (age - 26) / 10 + 1;
	if (group)
		*group = age_groups[g];
	for (b = 0; b < 6; b++)
		if (inches >= ymca_pct[sex == BK_SEX_FEMALE][g][band_from[b]])
			return b;
	return 6;
}

double
bk_ymca_inches(double cm_past_toes)
{
	return BK_YMCA_HEELS_IN + cm_past_toes / BK_CM_PER_IN;
}

/* progress: a running least-squares fit (Welford's updates keep it exact
 * enough over years of days) */
void
bk_trend_init(struct bk_trend *t, int lower_better)
{
	memset(t, 0, sizeof *t);
	t->lower_better = lower_better;
}

void
bk_trend_add(struct bk_trend *t, bk_day day, double y)
{
	double x, dx;

	if (t->n == 0) {
		t->first_day = t->best_day = day;
		t->first = t->best = y;
	} else if (t->lower_better ? y < t->best : y > t->best) {
		t->best = y;
		t->best_day = day;
	}
	t->latest = y;
	t->latest_day = day;
	t->n++;
	x = (double)(day - t->first_day);
	dx = x - t->mx;
	t->mx += dx / t->n;
	t->my += (y - t->my) / t->n;
	t->cxx += dx * (x - t->mx);
	t->cxy += dx * (y - t->my);
}

void
bk_trend_finish(const struct bk_trend *t, struct bk_progress *p)
{
	double slope, x0;

	memset(p, 0, sizeof *p);
	p->n = t->n;
	if (t->n == 0)
		return;
	p->first = t->first;
	p->best = t->best;
	p->latest = t->latest;
	p->change = t->latest - t->first;
	p->first_day = t->first_day;
	p->best_day = t->best_day;
	p->latest_day = t->latest_day;
	/* a line needs enough tests over enough days, or two ratings a
	 * day apart make "+28 a week" */
	if (t->n < BK_TREND_TESTS || t->cxx <= 0 ||
	    t->latest_day - t->first_day < BK_TREND_DAYS) {
		p->dir = BK_TREND_NONE;
		return;
	}
	slope = t->cxy / t->cxx;
	p->per_week = slope * 7;
	if (fabs(p->per_week) < BK_FLAT_PER_WEEK)
		p->dir = BK_TREND_FLAT;
	else
		p->dir = slope > 0 ? BK_TREND_RISING : BK_TREND_FALLING;
	/* pain: the day the falling line reaches 0, never a rating */
	if (t->lower_better ? p->dir != BK_TREND_FALLING || t->latest <= 0 :
	    p->dir != BK_TREND_RISING || t->latest >= 0)
		return;
	/* where the line mx + (y - my) / slope meets y = 0, as a whole day;
	 * the small margin keeps an exact day from rounding up to the next */
	x0 = t->mx - t->my / slope;
	p->projected = 1;
	p->zero_day = t->first_day + (bk_day)ceil(x0 - 1e-6);
}

void
bk_levels_init(struct bk_levels *l)
{
	memset(l, 0, sizeof *l);
	l->best = -1;
}

void
bk_levels_add(struct bk_levels *l, bk_day day, int level)
{
	if (level < 0)
		return;
	if (l->n == 0 || level > l->best) {
		l->best = level;
		l->best_day = day;
	}
	if (l->n == 0)
		l->first = level;
	l->latest = level;
	l->n++;
	if (l->nseq > 0 && l->seq[l->nseq - 1] == level)
		return;
	if (l->nseq == BK_LEVELS_SHOWN) {
		memmove(l->seq, l->seq + 1, sizeof l->seq[0] * (l->nseq - 1));
		l->nseq--;
		l->dropped = 1;
	}
	l->seq[l->nseq++] = level;
}

char *
bk_levels_format(const struct bk_levels *l, char *buf, size_t len)
{
	size_t k;
	int i;

	buf[0] = '\0';
	if (l->dropped)
		snprintf(buf, len, "\xe2\x80\xa6");
	for (i = 0; i < l->nseq; i++) {
		k = strlen(buf);
		snprintf(buf + k, len - k, "%s%s", k ? " \xe2\x86\x92 " : "",
		    bk_reach_levels[l->seq[i]]);
	}
	return buf;
}
