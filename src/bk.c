/* bk - the front end: `bk plan today` runs `bk-plan today`, like git */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bk.h"

static const struct {
	const char *name, *summary;
} commands[] = {
	{ "plan", "the exercise catalog, built-in programs, weekly plans" },
	{ "log", "log sets, holds and skips; import and export" },
	{ "test", "the toe-touch test, sit-and-reach, pain ratings" },
	{ "stats", "tables, CSV and plots of what you did" },
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

static const char usage_text[] =
    "usage: bk COMMAND [ARG...]\n"
    "       bk help [COMMAND]\n"
    "       bk undo [--dry-run]\n"
    "       bk config [KEY [VALUE]]\n"
    "       bk config --unset KEY\n"
    "       bk [-h | --help] [--version]\n";

static void
list_commands(FILE *fp)
{
	size_t i;

	fputs(usage_text, fp);
	fputs("\ncommands:\n", fp);
	for (i = 0; i < NCOMMANDS; i++)
		fprintf(fp, "   %-7s %s\n", commands[i].name, commands[i].summary);
	fputs("\n'bk help COMMAND' shows a command's manual; "
	    "'man backkit' the tutorial.\n", fp);
}

static int
known(const char *name)
{
	size_t i;

	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return 1;
	return 0;
}

_Noreturn static void
unknown(const char *name)
{
	const char *best = NULL;
	int d, bestd = 3;
	size_t i;

	/* the nearest name, or the one the word begins */
	for (i = 0; i < NCOMMANDS; i++) {
		d = bk_edit_distance(name, commands[i].name, 3);
		if (name[0] && strncmp(name, commands[i].name,
		    strlen(name)) == 0)
			d = 1;
		if (d < bestd) {
			bestd = d;
			best = commands[i].name;
		}
	}
	if (best)
		bk_usage_error(usage_text, "unknown command '%s' (did you mean "
		    "'%s'?)", name, best);
	bk_usage_error(usage_text, "unknown command '%s' (see 'bk help')",
	    name);
}

/* path of rel under the directory this program is in; 0 if it exists */
static int
beside(const char *rel, char *path, size_t len, int mode)
{
	char self[PATH_MAX], *slash;
	ssize_t n;

	if ((n = readlink("/proc/self/exe", self, sizeof self - 1)) <= 0)
		return -1;
	self[n] = '\0';
	if (!(slash = strrchr(self, '/')))
		return -1;
	*slash = '\0';
	if ((size_t)snprintf(path, len, "%s/%s", self, rel) >= len)
		return -1;
	return access(path, mode);
}

/* run bk-NAME: the one next to this program first, then PATH */
_Noreturn static void
run(const char *name, char **argv)
{
	char path[PATH_MAX + 80], prog[64];

	snprintf(prog, sizeof prog, "bk-%.50s", name);
	argv[0] = prog;
	if (beside(prog, path, sizeof path, X_OK) == 0) {
		execv(path, argv);
		bk_errx(BK_EXIT_DATA, "cannot run '%s': %s", path,
		    strerror(errno));
	}
	execvp(prog, argv);
	bk_errx(BK_EXIT_DATA, "cannot run '%s': %s", prog, strerror(errno));
}

/* bk alone: today's plan, then the summary, each from its command; exit
 * with the first failure */
static int
overview(void)
{
	static char *const today[] = { "plan", "today", NULL };
	static char *const summary[] = { "stats", "summary", NULL };
	char *const *const steps[] = { today, summary };
	char *args[3];
	pid_t pid;
	int status, rc = 0;
	size_t i;

	for (i = 0; i < 2; i++) {
		if (i)
			putchar('\n');
		if (fflush(stdout) != 0)
			return bk_close_stdout();
		args[0] = steps[i][0];
		args[1] = steps[i][1];
		args[2] = NULL;
		if ((pid = fork()) < 0)
			bk_errx(BK_EXIT_DATA, "cannot run 'bk-%s': %s", args[0],
			    strerror(errno));
		if (pid == 0)
			run(args[0], args);
		if (waitpid(pid, &status, 0) < 0)
			bk_errx(BK_EXIT_DATA, "cannot run 'bk-%s': %s", args[0],
			    strerror(errno));
		if (!rc && (!WIFEXITED(status) || WEXITSTATUS(status) != 0))
			rc = WIFEXITED(status) ? WEXITSTATUS(status) :
			    BK_EXIT_DATA;
	}
	return rc ? rc : bk_close_stdout();
}

/* a KEY on the command line: exits 2 unless it is one the commands read */
static void
config_key(const char *key)
{
	char kb[128], why[128];

	if (bk_config_check(key, "", why, sizeof why) == -1) {
		bk_term_snprint(kb, sizeof kb, key);
		bk_usage_error(usage_text, "unknown key '%s' (one of: %s)", kb,
		    bk_config_key_list());
	}
}

/* bk config, like git config: list, read, write or remove a key of the
 * configuration file */
static int
config(int argc, char **argv)
{
	char path[4096], val[512], vb[128], why[128];
	const char *dflt, *v;
	int i, unset = 0;

	if (argc > 0 && (strcmp(argv[0], "-h") == 0 ||
	    strcmp(argv[0], "--help") == 0)) {
		fputs("usage: bk config [KEY [VALUE]]\n"
		    "       bk config --unset KEY\n"
		    "keys: units (metric|imperial), week_start (monday|sunday),\n"
		    "      birth_year (YYYY), sex (male|female)\n", stdout);
		return bk_close_stdout();
	}
	if (argc > 0 && strcmp(argv[0], "--unset") == 0) {
		unset = 1;
		argc--;
		argv++;
		if (argc < 1)
			bk_usage_error(usage_text, "%s", "--unset needs a KEY");
	}
	for (i = 0; i < argc; i++)
		if (argv[i][0] == '-' && !(i == 1 && !unset))
			bk_usage_error(usage_text, "unknown option '%s'",
			    argv[i]);
	if (argc > (unset ? 1 : 2))
		bk_usage_error(usage_text, "unexpected argument '%s'",
		    argv[unset ? 1 : 2]);
	if (argc == 0) {
		/* the keys set, then the others as comments with their
		 * defaults: the output is itself a configuration file */
		for (i = 0; bk_config_keys[i]; i++) {
			if (bk_config_get(bk_config_keys[i], val, sizeof val)) {
				printf("%s = ", bk_config_keys[i]);
				bk_term_string(stdout, val);
				putchar('\n');
			}
		}
		for (i = 0; bk_config_keys[i]; i++) {
			if (bk_config_get(bk_config_keys[i], val, sizeof val))
				continue;
			if ((dflt = bk_config_default(bk_config_keys[i])))
				printf("# %s = %s (the default)\n",
				    bk_config_keys[i], dflt);
			else
				printf("# %s is not set\n", bk_config_keys[i]);
		}
		return bk_close_stdout();
	}
	config_key(argv[0]);
	if (unset) {
		if (!bk_config_set(argv[0], NULL, path, sizeof path))
			bk_errx(BK_EXIT_DATA, "cannot unset %s: it is not set",
			    argv[0]);
		printf("unset %s in %s\n", argv[0], path);
		return bk_close_stdout();
	}
	if (argc == 1) {
		if (!bk_config_get(argv[0], val, sizeof val)) {
			bk_close_stdout();
			return BK_EXIT_DATA;	/* unset, as git config says */
		}
		bk_term_string(stdout, val);
		putchar('\n');
		return bk_close_stdout();
	}
	v = argv[1];
	if (bk_config_check(argv[0], v, why, sizeof why) != 0) {
		bk_term_snprint(vb, sizeof vb, v);
		bk_usage_error(usage_text, "invalid %s '%s': %s", argv[0], vb,
		    why);
	}
	bk_config_set(argv[0], v, path, sizeof path);
	printf("set %s = %s in %s\n", argv[0], v, path);
	return bk_close_stdout();
}

/* man PAGE: the page of this tree or installation first, then MANPATH */
_Noreturn static void
manual(const char *page, int section)
{
	char rel[128], path[PATH_MAX + 160];
	static const char *const dirs[] = { "../man", "../share/man" };
	size_t i;

	for (i = 0; i < 2; i++) {
		snprintf(rel, sizeof rel, "%s/man%d/%s.%d", dirs[i], section,
		    page, section);
		if (beside(rel, path, sizeof path, R_OK) == 0) {
			execlp("man", "man", "-l", path, (char *)NULL);
			bk_errx(BK_EXIT_DATA, "cannot run 'man': %s",
			    strerror(errno));
		}
	}
	execlp("man", "man", page, (char *)NULL);
	bk_errx(BK_EXIT_DATA, "cannot run 'man': %s", strerror(errno));
}

/* for the completions: word, with its description, if it begins as cur */
static void
complete_put(const char *cur, const char *word, const char *desc)
{
	if (strncmp(word, cur, strlen(cur)) != 0)
		return;
	if (desc)
		printf("%s\t%s\n", word, desc);
	else
		puts(word);
}

/* bk --complete words -- WORD...: bk's own words, and for bk COMMAND ...
 * the command's, as bk-COMMAND --complete words gives them */
static int
complete(int argc, char **argv)
{
	static const char *const values[] = { "metric", "imperial", "monday",
		"sunday", "male", "female", NULL };
	char why[128], **args;
	const char *cur;
	size_t i;
	int n, undo;

	if (argc == 0 || strcmp(argv[0], "words") != 0) {
		for (i = 0; i < NCOMMANDS; i++)
			puts(commands[i].name);
		return bk_close_stdout();
	}
	argc--;
	argv++;
	if (argc > 0 && strcmp(argv[0], "--") == 0) {
		argc--;
		argv++;
	}
	cur = argc > 0 ? argv[argc - 1] : "";
	if (argc > 1 && (known(argv[0]) || strcmp(argv[0], "undo") == 0)) {
		/* bk undo is bk-log undo; bk plan ... is bk-plan ... */
		undo = strcmp(argv[0], "undo") == 0;
		args = bk_xmalloc(sizeof *args * (size_t)(argc + 5));
		args[0] = NULL;
		args[1] = "--complete";
		args[2] = "words";
		args[3] = "--";
		for (n = undo ? 0 : 1; n < argc; n++)
			args[4 + n - !undo] = argv[n];
		args[4 + argc - !undo] = NULL;
		run(undo ? "log" : argv[0], args);
	}
	if (argc <= 1) {
		if (cur[0] == '-') {
			complete_put(cur, "--help", "list the commands");
			complete_put(cur, "--version", "the version");
		}
		for (i = 0; i < NCOMMANDS; i++)
			complete_put(cur, commands[i].name, commands[i].summary);
		complete_put(cur, "help", "a command's manual");
		complete_put(cur, "config", "read and write the configuration");
		complete_put(cur, "undo", "take back the last change");
	} else if (strcmp(argv[0], "help") == 0 && argc == 2) {
		for (i = 0; i < NCOMMANDS; i++)
			complete_put(cur, commands[i].name, NULL);
		complete_put(cur, "backkit", NULL);
	} else if (strcmp(argv[0], "config") == 0 && argc == 2) {
		for (i = 0; bk_config_keys[i]; i++)
			complete_put(cur, bk_config_keys[i], NULL);
		complete_put(cur, "--unset", NULL);
		complete_put(cur, "--help", NULL);
	} else if (strcmp(argv[0], "config") == 0 && argc == 3 &&
	    strcmp(argv[1], "--unset") == 0) {
		for (i = 0; bk_config_keys[i]; i++)
			complete_put(cur, bk_config_keys[i], NULL);
	} else if (strcmp(argv[0], "config") == 0 && argc == 3) {
		/* the words the key takes, as bk config checks them */
		for (i = 0; values[i]; i++)
			if (bk_config_check(argv[1], values[i], why,
			    sizeof why) == 0)
				complete_put(cur, values[i], NULL);
	}
	return bk_close_stdout();
}

int
main(int argc, char *argv[])
{
	char page[64];

	bk_init(argv[0]);
	if (argc < 2)
		return overview();
	if (strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "--help") == 0 ||
	    (strcmp(argv[1], "help") == 0 && argc == 2)) {
		list_commands(stdout);
		return bk_close_stdout();
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		puts("bk (backkit) " BK_VERSION);
		return bk_close_stdout();
	}
	if (strcmp(argv[1], "--complete") == 0)
		return complete(argc - 2, argv + 2);
	if (argv[1][0] == '-')
		bk_usage_error(usage_text, "unknown option '%s'", argv[1]);
	if (strcmp(argv[1], "help") == 0) {
		if (argc > 3)
			bk_usage_error(usage_text, "unexpected argument '%s'",
			    argv[3]);
		if (strcmp(argv[2], "backkit") == 0)
			manual("backkit", 7);
		if (strcmp(argv[2], "bk") == 0)
			manual("bk", 1);
		if (!known(argv[2]))
			unknown(argv[2]);
		snprintf(page, sizeof page, "bk-%s", argv[2]);
		manual(page, 1);
	}
	if (strcmp(argv[1], "config") == 0)
		return config(argc - 2, argv + 2);
	/* one journal for every command: any command's undo will do */
	if (strcmp(argv[1], "undo") == 0)
		run("log", argv);
	if (!known(argv[1]))
		unknown(argv[1]);
	run(argv[1], argv + 1);
}
