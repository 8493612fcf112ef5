/* bk-unit - a driver that exposes the library's pure functions to the
 * bats suites (tests/unit.bats); not installed */
#include <stdlib.h>
#include <string.h>

#include "../../src/bk.h"

static int
print_row(const struct bk_csv_row *row, void *data)
{
	int i;

	(void)data;
	printf("%ld:", row->line);
	for (i = 0; i < row->n; i++) {
		putchar('[');
		bk_term_string(stdout, row->f[i]);
		putchar(']');
	}
	putchar('\n');
	return 0;
}

int
main(int argc, char *argv[])
{
	char buf[128], err[256];
	bk_day d;
	int i, y, w;

	bk_init("bk-unit");
	if (argc < 2)
		bk_errx(2, "usage: bk-unit date|future|week|csv|json|term|dose|"
		    "weekdays ARG...");
	if (strcmp(argv[1], "date") == 0 || strcmp(argv[1], "future") == 0) {
		for (i = 2; i < argc; i++) {
			if (bk_date_parse(argv[i], bk_today(), argv[1][0] == 'd' ?
			    BK_DATE_PAST : BK_DATE_FUTURE, &d) != 0)
				puts("invalid");
			else
				puts(bk_date_format(d, buf));
		}
	} else if (strcmp(argv[1], "week") == 0) {
		for (i = 2; i < argc; i++) {
			if (bk_date_parse_iso(argv[i], &d) != 0) {
				puts("invalid");
				continue;
			}
			bk_date_isoweek(d, &y, &w);
			printf("%04d-W%02d %d\n", y, w, bk_date_weekday(d));
		}
	} else if (strcmp(argv[1], "csv") == 0) {
		if (bk_csv_read(stdin, argc > 2 ? argv[2][0] : ',', print_row,
		    NULL, err, sizeof err) != 0) {
			printf("error: %s\n", err);
			return 1;
		}
	} else if (strcmp(argv[1], "json") == 0) {
		for (i = 2; i < argc; i++) {
			bk_json_string(stdout, argv[i]);
			putchar('\n');
		}
	} else if (strcmp(argv[1], "term") == 0) {
		for (i = 2; i < argc; i++) {
			bk_term_string(stdout, argv[i]);
			printf(" %zu\n", bk_term_width(argv[i]));
		}
	} else if (strcmp(argv[1], "dose") == 0 && argc == 6) {
		puts(bk_dose_format(atol(argv[2]), atol(argv[3]), atol(argv[4]),
		    atoi(argv[5]), buf, sizeof buf));
	} else if (strcmp(argv[1], "out") == 0 && argc >= 3) {
		/* rows of "a|b|c" from stdin through a writer */
		static const char *cols[] = { "key", "text", "n" };
		static const int num[] = { 0, 0, 1 };
		const char *v[3];
		char *line = NULL, *p, *q;
		size_t cap = 0;
		ssize_t n;
		struct bk_out *o = bk_out_new(stdout, bk_format_parse(argv[2]),
		    cols, 3);

		while ((n = getline(&line, &cap, stdin)) > 0) {
			if (line[n - 1] == '\n')
				line[n - 1] = '\0';
			p = strchr(line, '|');
			q = p ? strchr(p + 1, '|') : NULL;
			if (!q)
				continue;
			*p = *q = '\0';
			v[0] = line;
			v[1] = p + 1;
			v[2] = *(q + 1) ? q + 1 : NULL;
			bk_out_row(o, v, num);
		}
		bk_out_end(o);
		free(line);
	} else if (strcmp(argv[1], "period") == 0 && argc >= 4) {
		/* period day|week|sunday-week|month DATE... */
		int sunday = strcmp(argv[2], "sunday-week") == 0;
		int by = bk_stats_by_parse(sunday ? "week" : argv[2]);

		for (i = 3; i < argc; i++) {
			if (by < 0 || bk_stats_period(argv[i], by, sunday,
			    buf) != 0)
				puts("invalid");
			else
				puts(buf);
		}
	} else if (strcmp(argv[1], "plot-text") == 0) {
		char t[4 * 40 + 8];

		for (i = 2; i < argc; i++)
			printf("[%s]\n", bk_plot_text(argv[i], t, sizeof t));
	} else if (strcmp(argv[1], "plot-term") == 0) {
		static const char *const terms[] = { "dumb", "png", "svg" };

		for (i = 2; i < argc; i++) {
			int t = bk_plot_term_for(argv[i]);

			puts(t < 0 ? "invalid" : terms[t]);
		}
	} else
		bk_errx(2, "unknown test '%s'", argv[1]);
	return bk_close_stdout();
}
