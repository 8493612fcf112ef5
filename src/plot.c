/* plot.c - the only code that talks to gnuplot.
 *
 * gnuplot runs as a child (fork and exec, no shell) that reads its script
 * from a pipe. Nothing a user typed is ever script: the data blocks hold
 * only numbers, and dates and period labels this file formats itself;
 * names reach gnuplot only through bk_plot_text(), inside single quotes,
 * where gnuplot substitutes nothing. The output file's name never enters
 * the script either: gnuplot writes the image to its standard output, a
 * pipe that we copy to a temporary file beside the target, renamed into
 * place only once gnuplot has succeeded, so a failure leaves any older
 * file as it was. We do the writing because gnuplot does not notice when
 * its output cannot be written: on a full disk it would leave a cut image
 * and succeed. */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bk.h"

#define TEXT_MAX 40	/* characters of a name in a title or legend */
#define TEXT_BUF (4 * TEXT_MAX + 8)
#define MAX_SERIES 8	/* exercises drawn apart; the rest are "other" */
#define MAX_REGIONS 12

struct gp {
	pid_t pid;
	FILE *in;	/* the script: gnuplot's stdin */
	FILE *err;	/* gnuplot's stderr, read when it fails */
	int pipefd;	/* gnuplot's stdout, copied to outfd */
	int outfd;	/* the temporary output */
	int werr;	/* errno of a failed write to outfd, or 0 */
	const char *dest;	/* the output file, or NULL */
	const char *name;	/* the output as the user named it */
	char *real;	/* dest, when it is the file a link names */
	void (*oldpipe)(int);	/* SIGPIPE's handling before gnuplot ran */
	FILE *out;	/* or a temporary file copied to our stdout, */
	int inplace;	/* or to dest, opened like a shell redirection */
	enum bk_plot_term term;
};

/* the temporary output, removed if the program exits before renaming,
 * by a signal included */
static char *volatile tmp_path;
static pid_t tmp_owner;

/* the signals that end a program by default */
static const int fatal_signals[] = { SIGHUP, SIGINT, SIGQUIT, SIGTERM,
	SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ,
	SIGPIPE };

static void
remove_tmp(void)
{
	char *p = tmp_path;

	if (p) {
		tmp_path = NULL;
		unlink(p);
		free(p);
	}
}

static void
on_fatal_signal(int sig)
{
	char *p = tmp_path;

	/* only the process that made it: not gnuplot before its exec */
	if (p && getpid() == tmp_owner)
		unlink(p);
	signal(sig, SIG_DFL);
	raise(sig);
}

/* remove the temporary output on a signal that ends the program */
static void
catch_fatal_signals(void)
{
	struct sigaction sa, old;
	size_t i;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_fatal_signal;
	sigfillset(&sa.sa_mask);
	tmp_owner = getpid();
	for (i = 0; i < sizeof fatal_signals / sizeof fatal_signals[0]; i++) {
		/* a signal the caller ignores stays ignored */
		if (sigaction(fatal_signals[i], NULL, &old) == 0 &&
		    old.sa_handler != SIG_IGN)
			sigaction(fatal_signals[i], &sa, NULL);
	}
}

/* gnuplot's own environment, which would change the plot or make it
 * fail: GNUTERM picks another terminal, the others fonts, help, drivers
 * and libraries; cleared in the child before exec */
static void
clear_gnuplot_env(void)
{
	extern char **environ;
	static const char *const names[] = { "GNUTERM", "GNUHELP",
		"GDFONTPATH", "FIT_SCRIPT", "FIT_LOG", NULL };
	char name[256], **e;
	size_t i, n;

	for (i = 0; names[i]; i++)
		unsetenv(names[i]);
	for (e = environ; e && *e;) {
		n = strcspn(*e, "=");
		if (strncmp(*e, "GNUPLOT", 7) == 0 && n < sizeof name) {
			memcpy(name, *e, n);
			name[n] = '\0';
			unsetenv(name);
			e = environ;	/* unsetenv moved the entries */
		} else
			e++;
	}
}

int
bk_plot_kind_parse(const char *s)
{
	static const char *const names[] = { "flex", "volume", "adherence",
		"pain", NULL };

	return bk_word_index(names, s);
}

int
bk_plot_term_for(const char *path)
{
	const char *dot = strrchr(path, '.'), *slash = strrchr(path, '/');

	if (!dot || (slash && dot < slash) || dot == path ||
	    (slash && dot == slash + 1))
		return -1;
	if (bk_strcaseeq(dot + 1, "png"))
		return BK_PLOT_PNG;
	if (bk_strcaseeq(dot + 1, "svg"))
		return BK_PLOT_SVG;
	return -1;
}

/* length of the UTF-8 sequence at s that may stand in a title, or 0:
 * not C1 controls, line or paragraph separators, byte order marks */
static size_t
title_char_len(const unsigned char *s)
{
	size_t n = bk_utf8_len(s);

	if (n < 2 || (s[0] == 0xc2 && s[1] < 0xa0) ||
	    (s[0] == 0xe2 && s[1] == 0x80 && (s[2] == 0xa8 || s[2] == 0xa9)) ||
	    (s[0] == 0xef && s[1] == 0xbb && s[2] == 0xbf))
		return 0;
	return n;
}

char *
bk_plot_text(const char *str, char *buf, size_t len)
{
	const unsigned char *s = (const unsigned char *)(str ? str : "");
	const char *rep;
	size_t o = 0, n;
	int chars = 0;

	if (len < TEXT_BUF) {
		if (len)
			buf[0] = '\0';
		return buf;
	}
	while (*s && chars < TEXT_MAX) {
		rep = NULL;
		n = 1;
		switch (*s) {
		case '\'': rep = "\xe2\x80\x99"; break;	/* right quote */
		case '"': rep = "\xe2\x80\x9d"; break;
		case '`': rep = "\xe2\x80\x98"; break;	/* left quote */
		case '\\': rep = "/"; break;
		case '@': case '$': rep = "?"; break;
		default:
			if (*s < 0x20 || *s == 0x7f)
				rep = " ";
			else if (*s >= 0x80 && (n = title_char_len(s)) == 0) {
				rep = "?";
				n = 1;
			}
		}
		if (rep) {
			memcpy(buf + o, rep, strlen(rep));
			o += strlen(rep);
		} else {
			memcpy(buf + o, s, n);
			o += n;
		}
		s += n;
		chars++;
	}
	if (*s) {
		memcpy(buf + o, "\xe2\x80\xa6", 3);	/* ellipsis */
		o += 3;
	}
	if (o == 0)
		buf[o++] = '?';
	buf[o] = '\0';
	return buf;
}

/* s for an error message: one line, control bytes escaped */
static const char *
shown(const char *s)
{
	static char *buf;
	size_t len;
	FILE *fp;

	free(buf);
	buf = NULL;
	if (!(fp = open_memstream(&buf, &len)))
		return "?";
	bk_term_string(fp, s);
	fclose(fp);
	return buf ? buf : "?";
}

static int
cloexec(int fd)
{
	return fcntl(fd, F_SETFD, FD_CLOEXEC);
}

/* make the temporary output file beside path; -1 after a message */
static int
open_output(struct gp *g, const char *path)
{
	const char *slash;
	struct stat sb;
	size_t n;
	mode_t mode = 0600;	/* a new file: private, like the store */
	char *real = NULL;
	int fd;

	g->name = path;
	if (stat(path, &sb) == 0) {
		if (S_ISDIR(sb.st_mode)) {
			bk_warnx("cannot write '%s': %s", shown(path),
			    strerror(EISDIR));
			return -1;
		}
		if (access(path, W_OK) != 0) {
			bk_warnx("cannot write '%s': %s", shown(path),
			    strerror(errno));
			return -1;
		}
	}
	/* through a link to a file, the temporary file goes beside the file
	 * the link names, and is renamed over it */
	if (lstat(path, &sb) == 0 && S_ISLNK(sb.st_mode) &&
	    stat(path, &sb) == 0 && S_ISREG(sb.st_mode) &&
	    (real = realpath(path, NULL)) != NULL)
		path = real;
	if (lstat(path, &sb) == 0 && S_ISREG(sb.st_mode))
		mode = sb.st_mode & 0777;	/* the existing file's mode */
	else if (lstat(path, &sb) == 0) {
		/* a device, a pipe or a link to no file is never replaced
		 * by a file of ours: it is written once gnuplot has
		 * succeeded */
		if (!(g->out = tmpfile()) || cloexec(fileno(g->out)) != 0) {
			bk_warnx("cannot make a temporary file: %s",
			    strerror(errno));
			return -1;
		}
		g->outfd = fileno(g->out);
		g->dest = path;
		g->inplace = 1;
		return 0;
	}
	g->real = real;
	slash = strrchr(path, '/');
	n = strlen(path) + 32;
	tmp_path = bk_xmalloc(n);
	if (!slash)
		snprintf(tmp_path, n, ".bk-stats-plot-XXXXXX");
	else
		snprintf(tmp_path, n, "%.*s/.bk-stats-plot-XXXXXX",
		    (int)(slash - path), path);
	catch_fatal_signals();
	if ((fd = mkstemp(tmp_path)) < 0 || cloexec(fd) != 0) {
		if (fd >= 0) {
			close(fd);
			unlink(tmp_path);
		}
		free(tmp_path);
		tmp_path = NULL;
		bk_warnx("cannot write '%s': %s", shown(g->name),
		    strerror(errno));
		return -1;
	}
	atexit(remove_tmp);
	if (fchmod(fd, mode) != 0) {
		bk_warnx("cannot write '%s': %s", shown(g->name),
		    strerror(errno));
		close(fd);
		return -1;
	}
	g->outfd = fd;
	g->dest = path;
	return 0;
}

/* start gnuplot; -1 after a message */
static int
gp_start(struct gp *g, const struct bk_plot_opts *o)
{
	int in[2], out[2], status[2], errfd, child_errno;
	ssize_t n;

	memset(g, 0, sizeof *g);
	g->term = o->term;
	if (o->output) {
		if (open_output(g, o->output) != 0)
			return -1;
	} else if (!(g->out = tmpfile()) || cloexec(fileno(g->out)) != 0) {
		bk_warnx("cannot make a temporary file: %s", strerror(errno));
		return -1;
	} else
		g->outfd = fileno(g->out);
	if (!(g->err = tmpfile()) || cloexec(fileno(g->err)) != 0 ||
	    pipe(in) != 0 || cloexec(in[0]) != 0 || cloexec(in[1]) != 0 ||
	    pipe(out) != 0 || cloexec(out[0]) != 0 || cloexec(out[1]) != 0 ||
	    pipe(status) != 0 || cloexec(status[0]) != 0 ||
	    cloexec(status[1]) != 0) {
		bk_warnx("cannot run gnuplot: %s", strerror(errno));
		return -1;
	}
	errfd = fileno(g->err);
	fflush(stdout);
	if ((g->pid = fork()) < 0) {
		bk_warnx("cannot run gnuplot: %s", strerror(errno));
		return -1;
	}
	if (g->pid == 0) {
		signal(SIGPIPE, SIG_DFL);
		clear_gnuplot_env();
		if (dup2(in[0], STDIN_FILENO) < 0 ||
		    dup2(out[1], STDOUT_FILENO) < 0 ||
		    dup2(errfd, STDERR_FILENO) < 0)
			child_errno = errno;
		else {
			/* -d: no initialisation file, the same plot for all */
			execlp("gnuplot", "gnuplot", "-d", (char *)NULL);
			child_errno = errno;
		}
		n = write(status[1], &child_errno, sizeof child_errno);
		(void)n;
		_exit(127);
	}
	close(in[0]);
	close(out[1]);
	close(status[1]);
	g->pipefd = out[0];
	n = read(status[0], &child_errno, sizeof child_errno);
	close(status[0]);
	if (n == (ssize_t)sizeof child_errno) {
		close(in[1]);
		close(out[0]);
		waitpid(g->pid, NULL, 0);
		bk_warnx("cannot run gnuplot: %s%s", strerror(child_errno),
		    child_errno == ENOENT ? " (install gnuplot-nox)" : "");
		return -1;
	}
	/* a gnuplot that dies early must not kill us: we report it */
	g->oldpipe = signal(SIGPIPE, SIG_IGN);
	if (!(g->in = fdopen(in[1], "w"))) {
		bk_warnx("cannot run gnuplot: %s", strerror(errno));
		close(in[1]);
		close(out[0]);
		waitpid(g->pid, NULL, 0);
		return -1;
	}
	return 0;
}

/* gnuplot's output, to its end, into outfd; the first error is kept in
 * g->werr and the rest is read and dropped */
static void
gp_copy(struct gp *g)
{
	char buf[16384];
	ssize_t n, w, off;

	for (;;) {
		n = read(g->pipefd, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		for (off = 0; off < n && !g->werr; off += w)
			if ((w = write(g->outfd, buf + off, n - off)) < 0) {
				if (errno == EINTR)
					w = 0;
				else
					g->werr = errno;
			}
	}
	close(g->pipefd);
}

/* the line of gnuplot's stderr that says what went wrong */
static void
gp_reason(struct gp *g, char *buf, size_t len)
{
	char line[512], *p, *e;
	int found = 0;

	buf[0] = '\0';
	rewind(g->err);
	while (fgets(line, sizeof line, g->err)) {
		for (p = line; *p == ' ' || *p == '\t'; p++)
			;
		for (e = p + strlen(p); e > p && (e[-1] == '\n' ||
		    e[-1] == '\r' || e[-1] == ' '); e--)
			;
		*e = '\0';
		if (!*p || strncmp(p, "gnuplot>", 8) == 0 ||
		    strspn(p, "^ ") == strlen(p))
			continue;
		if (!found || (found == 1 && !strstr(p, "warning:"))) {
			snprintf(buf, len, "%s", p);
			found = strstr(p, "warning:") ? 1 : 2;
		}
	}
}

static void
copy_out(FILE *fp)
{
	char buf[8192];
	size_t n;

	rewind(fp);
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
		if (fwrite(buf, 1, n, stdout) != n)
			break;
}

/* the plot into g->dest where it stands; 0, or -1 after a message */
static int
copy_inplace(struct gp *g)
{
	char buf[8192];
	size_t n;
	ssize_t w, off;
	int fd, err = 0;

	if ((fd = open(g->dest, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0600)) < 0)
		err = errno;
	rewind(g->out);
	while (!err && (n = fread(buf, 1, sizeof buf, g->out)) > 0)
		for (off = 0; off < (ssize_t)n && !err; off += w)
			if ((w = write(fd, buf + off, n - off)) < 0) {
				w = 0;
				if (errno != EINTR)
					err = errno;
			}
	if (!err && ferror(g->out))
		err = EIO;
	if (fd >= 0 && close(fd) != 0 && !err)
		err = errno;
	if (err) {
		bk_warnx("cannot write '%s': %s", shown(g->name),
		    strerror(err));
		return -1;
	}
	return 0;
}

/* end the script, wait for gnuplot and put the output in place; ok = 0
 * drops the output. 0, or -1 after a message */
static int
gp_finish(struct gp *g, int ok)
{
	char reason[256], *p;
	struct stat sb;
	int status, rc = 0;

	if (!ok)
		kill(g->pid, SIGTERM);
	if (fclose(g->in) != 0 && ok)
		rc = -1;	/* gnuplot stopped reading: its status says why */
	/* gnuplot writes once it has read the plot command, the script's
	 * last line: the whole script is sent by now, so reading its output
	 * only after writing the script cannot block both of us */
	gp_copy(g);
	while (waitpid(g->pid, &status, 0) < 0 && errno == EINTR)
		;
	signal(SIGPIPE, g->oldpipe == SIG_ERR ? SIG_DFL : g->oldpipe);
	if (!ok) {
		rc = -1;
	} else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || rc) {
		gp_reason(g, reason, sizeof reason);
		if (reason[0])
			bk_warnx("cannot plot: gnuplot failed: %s",
			    shown(reason));
		else if (WIFSIGNALED(status))
			bk_warnx("cannot plot: gnuplot was killed by signal "
			    "%d", WTERMSIG(status));
		else
			bk_warnx("cannot plot: gnuplot failed (exit status "
			    "%d)", WIFEXITED(status) ? WEXITSTATUS(status) :
			    -1);
		rc = -1;
	}
	fclose(g->err);
	if (rc == 0 && g->werr) {
		if (g->out && !g->inplace)
			bk_warnx("cannot write a temporary file: %s",
			    strerror(g->werr));
		else
			bk_warnx("cannot write '%s': %s", shown(g->name),
			    strerror(g->werr));
		rc = -1;
	}
	if (g->out) {
		/* our stdout, whose errors bk_close_stdout() reports */
		if (rc == 0 && g->inplace)
			rc = copy_inplace(g);
		else if (rc == 0)
			copy_out(g->out);
		fclose(g->out);
		return rc;
	}
	if (rc == 0 && (fstat(g->outfd, &sb) != 0 || sb.st_size == 0)) {
		bk_warnx("cannot plot: gnuplot wrote nothing");
		rc = -1;
	}
	/* no fsync: a chart is made again in a moment, and the wait for
	 * the disk was a third of the time bk-stats adds to gnuplot's */
	if (close(g->outfd) != 0 && rc == 0) {
		bk_warnx("cannot write '%s': %s", shown(g->name),
		    strerror(errno));
		rc = -1;
	}
	if (rc == 0 && rename(tmp_path, g->dest) != 0) {
		bk_warnx("cannot write '%s': %s", shown(g->name),
		    strerror(errno));
		rc = -1;
	}
	if (rc == 0) {
		/* renamed: no signal may remove it now */
		p = tmp_path;
		tmp_path = NULL;
		free(p);
	}
	remove_tmp();
	free(g->real);
	return rc;
}

static void
terminal_size(int *w, int *h)
{
	struct winsize ws;

	*w = 79;
	*h = 24;
	if (isatty(STDOUT_FILENO) &&
	    ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
		*w = ws.ws_col > 200 ? 200 : ws.ws_col < 40 ? 40 : ws.ws_col;
		*h = ws.ws_row > 60 ? 60 : ws.ws_row < 16 ? 16 : ws.ws_row - 1;
	}
}

static void
gp_header(struct gp *g, const char *title)
{
	int w, h;

	switch (g->term) {
	case BK_PLOT_PNG:
		fputs("set terminal pngcairo size 960,600 font 'Sans,11' "
		    "noenhanced\n", g->in);
		break;
	case BK_PLOT_SVG:
		fputs("set terminal svg size 960,600 font 'Sans,11' "
		    "noenhanced background rgb 'white'\n", g->in);
		break;
	case BK_PLOT_DUMB:
		terminal_size(&w, &h);
		fprintf(g->in, "set terminal dumb size %d,%d noenhanced\n", w,
		    h);
		break;
	}
	fputs("set encoding utf8\nset grid\n", g->in);
	fprintf(g->in, "set title '%s'\n", title);
}

/* a date axis from first to last (days) with a day's margin */
static void
gp_date_axis(struct gp *g, bk_day first, bk_day last)
{
	char a[11], b[11];

	fputs("set xdata time\nset timefmt '%Y-%m-%d'\n", g->in);
	/* double quotes for the newline: a constant, never user text */
	fprintf(g->in, "set format x \"%s\"\n", g->term == BK_PLOT_DUMB ?
	    "%m-%d" : "%d %b\\n%Y");
	fprintf(g->in, "set xrange ['%s':'%s']\n", bk_date_format(first - 1,
	    a), bk_date_format(last + 1, b));
	fputs("set xlabel 'date'\n", g->in);
}

/* a row's date, checked: the store's text is not trusted to be a date */
static int
row_day(sqlite3_stmt *st, int col, bk_day *d)
{
	const char *s = (const char *)sqlite3_column_text(st, col);

	return s && bk_date_parse_iso(s, d) == 0 ? 0 : -1;
}

static int
row_value(sqlite3_stmt *st, int col, double *v)
{
	if (sqlite3_column_type(st, col) == SQLITE_NULL)
		return -1;
	*v = sqlite3_column_double(st, col);
	return isfinite(*v) ? 0 : -1;
}

/* flex: rows (kind, date, reach) by kind, the first row already read */
static int
plot_flex(struct gp *g, struct bk_db *db, sqlite3_stmt *st,
    const struct bk_plot_opts *o)
{
	double v, lo = 0, hi = 0, pad, scale = o->imperial ? 1 / 2.54 : 1;
	bk_day d, first = 0, last = 0, tt0 = 0, floor;
	char ds[11], cur[16] = "";
	int n = 0, ntt = 0, nsr = 0, tt, has_floor;

	do {
		if (row_day(st, 1, &d) != 0 || row_value(st, 2, &v) != 0)
			continue;
		tt = strcmp((const char *)sqlite3_column_text(st, 0),
		    "toe-touch") == 0;
		if (strcmp(cur, tt ? "tt" : "sr") != 0) {
			if (cur[0])
				fputs("EOD\n", g->in);
			snprintf(cur, sizeof cur, "%s", tt ? "tt" : "sr");
			fprintf(g->in, "$%s << EOD\n", cur);
		}
		if (tt && ntt++ == 0)
			tt0 = d;
		nsr += !tt;
		v *= scale;
		if (n++ == 0 || d < first)
			first = d;
		if (n == 1 || d > last)
			last = d;
		lo = v < lo ? v : lo;
		hi = v > hi ? v : hi;
		fprintf(g->in, "%s %ld %.6g\n", bk_date_format(d, ds),
		    (long)(d - tt0), v);
	} while (bk_db_step(db, st) == SQLITE_ROW);
	if (cur[0])
		fputs("EOD\n", g->in);
	if (n == 0)
		return -1;
	gp_header(g, ntt ? "Flexibility: standing toe-touch reach" :
	    "Flexibility: sit-and-reach");
	if (ntt >= 2) {
		/* gnuplot's own least-squares fit, on days since the first
		 * test (before the axis turns to time); trend() takes
		 * gnuplot's time, seconds since 1970 */
		fputs("set fit quiet nolog\na = 0\nb = 0\nf(x) = a * x + b\n"
		    "fit f(x) $tt using 2:3 via a, b\nset samples 400\n",
		    g->in);
		fprintf(g->in, "trend(t) = f(t / 86400.0 - %ld)\n", (long)tt0);
	}
	/* PROJECTED FLOOR DATE, from the computation of bk-test progress */
	has_floor = ntt && bk_stats_floor_date(db, &floor) == 0 &&
	    floor > last && floor - last < 730;
	gp_date_axis(g, first, has_floor ? floor + 3 : last);
	if (has_floor) {
		fprintf(g->in, "set arrow from '%s', graph 0 to '%s', graph 1 "
		    "nohead dt 3 lw 2 lc rgb 'dark-green'\n",
		    bk_date_format(floor, ds), ds);
		fprintf(g->in, "set label 'floor about %s' at '%s', "
		    "graph 0.45 right offset -1,0\n", ds, ds);
	}
	pad = (hi - lo) * 0.1 < 1 ? 1 : (hi - lo) * 0.1;
	fprintf(g->in, "set yrange [%.6g:%.6g]\n", lo - pad, hi + pad);
	fprintf(g->in, "set ylabel 'reach (%s), 0 = floor for the toe-touch, "
	    "toes for sit-and-reach'\n", o->imperial ? "in" : "cm");
	fputs("set key below\n", g->in);
	fputs("plot ", g->in);
	/* the trend first, so that the tests are drawn over it; in text,
	 * a test is an 'o' (gnuplot's point 7 there is a letter) */
	if (ntt >= 2)
		fputs("trend(x) with lines lw 2 dt 1 "
		    "title 'trend (least squares)', ", g->in);
	if (ntt)
		fprintf(g->in, "$tt using 1:3 with linespoints lw 2 pt %s "
		    "title 'toe-touch (best try of the day)', ",
		    o->term == BK_PLOT_DUMB ? "'o'" : "7");
	if (nsr)
		fprintf(g->in, "$sr using 1:3 with linespoints lw 2 pt %s "
		    "title 'sit-and-reach (past the toes)', ",
		    o->term == BK_PLOT_DUMB ? "'x'" : "5");
	fputs("0 with lines dt 2 lw 2 lc rgb 'gray30' title 'floor (0)'\n",
	    g->in);
	return 0;
}

static const char *
period_word(enum bk_by by)
{
	return by == BK_BY_DAY ? "day" : by == BK_BY_MONTH ? "month" : "week";
}

/* one bar; returns its height */
static long long
volume_row(struct gp *g, const char *period, const long long *count,
    int nseries)
{
	long long sum = 0;
	int i;

	/* the label, and a short one for a terminal: W47, 11-21 */
	fprintf(g->in, "%s %s", period, strlen(period) == 8 ? period + 5 :
	    strlen(period) == 10 ? period + 5 : period);
	for (i = 0; i < nseries; i++) {
		fprintf(g->in, " %lld", count[i]);
		sum += count[i];
	}
	fputc('\n', g->in);
	return sum;
}

/* the rows of the periods after day from and before day to, other than
 * the periods *period (updated) and next: empty bars where nothing was
 * done */
static void
volume_gap(struct gp *g, const struct bk_stats_filter *f, bk_day from,
    bk_day to, char *period, const char *next, int nseries)
{
	long long zero[MAX_SERIES + 1] = { 0 };
	char ds[11], label[16];
	bk_day d;

	for (d = from + 1; d < to; d++) {
		bk_stats_period(bk_date_format(d, ds), f->by, f->week_sunday,
		    label);
		if (strcmp(label, period) != 0 && strcmp(label, next) != 0) {
			volume_row(g, label, zero, nseries);
			memcpy(period, label, sizeof label);
		}
	}
}

/* volume: rows (period, slug, sets, reps, hold, load, exercise id, first
 * date) by period, the first row already read; one bar a period, stacked
 * by exercise */
static int
plot_volume(struct gp *g, struct bk_db *db, sqlite3_stmt *st,
    const struct bk_stats_filter *f)
{
	long long ids[MAX_SERIES], count[MAX_SERIES + 1];
	char names[MAX_SERIES + 1][TEXT_BUF], title[64];
	char period[16] = "", label[16], ds[11];
	const char *p;
	sqlite3_stmt *ex;
	bk_day d, last = 0;
	long long top = 0, h;
	int seen = 0;
	int nids = 0, other = 0, nseries, i, n = 0;

	/* the exercises with the most sets get series of their own */
	ex = bk_stats_exercises(db, f, 1);
	while (bk_db_step(db, ex) == SQLITE_ROW) {
		if (nids < MAX_SERIES) {
			ids[nids] = sqlite3_column_int64(ex, 3);
			bk_plot_text((const char *)sqlite3_column_text(ex, 1),
			    names[nids], sizeof names[nids]);
			nids++;
		} else
			other = 1;
	}
	sqlite3_finalize(ex);
	nseries = nids + other;
	if (other)
		snprintf(names[nids], sizeof names[nids], "other exercises");
	memset(count, 0, sizeof count);
	fputs("$vol << EOD\n", g->in);
	do {
		/* the label is remade from the date: only our own text */
		p = (const char *)sqlite3_column_text(st, 0);
		if (!p || row_day(st, 8, &d) != 0 ||
		    bk_stats_period(bk_date_format(d, ds), f->by,
		    f->week_sunday, label) != 0 || strcmp(label, p) != 0)
			continue;
		if (strcmp(period, label) != 0) {
			if (n++) {
				if ((h = volume_row(g, period, count,
				    nseries)) > top)
					top = h;
				memset(count, 0, sizeof count);
				volume_gap(g, f, last, d, period, label,
				    nseries);
			}
			memcpy(period, label, sizeof label);
		}
		/* from the first date, which may be before 1970 (day 0) */
		if (!seen || d > last)
			last = d;
		seen = 1;
		for (i = 0; i < nids; i++)
			if (ids[i] == sqlite3_column_int64(st, 7))
				break;
		count[i] += sqlite3_column_int64(st, 2);
	} while (bk_db_step(db, st) == SQLITE_ROW);
	if (n && (h = volume_row(g, period, count, nseries)) > top)
		top = h;
	fputs("EOD\n", g->in);
	if (n == 0 || nseries == 0)
		return -1;
	snprintf(title, sizeof title, "%s volume: sets per exercise",
	    f->by == BK_BY_DAY ? "Daily" : f->by == BK_BY_MONTH ? "Monthly" :
	    "Weekly");
	gp_header(g, title);
	fputs("set style data histograms\nset style histogram rowstacked\n"
	    "set style fill solid 0.75 border -1\nset boxwidth 0.8 relative\n"
	    "set yrange [0:*]\nset ylabel 'sets done'\n"
	    "set key outside right top\n", g->in);
	fprintf(g->in, "set xlabel '%s'\nset ytics 0, %lld\n",
	    period_word(f->by), top > 8 ? (top + 7) / 8 : 1);
	if (g->term != BK_PLOT_DUMB)
		fputs("set xtics rotate by -45\n", g->in);
	fputs("plot ", g->in);
	for (i = 0; i < nseries; i++)
		fprintf(g->in, "%s$vol using %d%s title '%s'", i ? ", " : "",
		    i + 3, i ? "" : g->term == BK_PLOT_DUMB ? ":xtic(2)" :
		    ":xtic(1)", names[i]);
	fputc('\n', g->in);
	return 0;
}

/* adherence: rows (period, planned, done, skipped, percent), the first
 * row already read */
static int
plot_adherence(struct gp *g, struct bk_db *db, sqlite3_stmt *st,
    const struct bk_stats_filter *f, const struct bk_plot_opts *o)
{
	char name[TEXT_BUF], title[TEXT_BUF + 64];
	const char *p;
	double pct;
	int n = 0;

	fputs("$adh << EOD\n", g->in);
	do {
		/* labels come from bk_period(): digits, hyphens and a W */
		p = (const char *)sqlite3_column_text(st, 0);
		if (!p || strlen(p) > 10 || strspn(p, "0123456789-W") !=
		    strlen(p) || row_value(st, 4, &pct) != 0)
			continue;
		fprintf(g->in, "%s %.6g %lld %lld\n", p, pct,
		    (long long)sqlite3_column_int64(st, 2),
		    (long long)sqlite3_column_int64(st, 1));
		n++;
	} while (bk_db_step(db, st) == SQLITE_ROW);
	fputs("EOD\n", g->in);
	if (n == 0)
		return -1;
	if (o->plan_name)
		snprintf(title, sizeof title, "Adherence per %s: plan %s",
		    period_word(f->by), bk_plot_text(o->plan_name, name,
		    sizeof name));
	else
		snprintf(title, sizeof title, "Adherence per %s: every active "
		    "plan", period_word(f->by));
	gp_header(g, title);
	fputs("set style fill solid 0.6 border -1\nset boxwidth 0.7\n"
	    "set yrange [0:125]\nset ytics 0, 20, 100\n"
	    "set ylabel 'planned exercises done (%)'\n"
	    "set key top left\n", g->in);
	fprintf(g->in, "set xlabel '%s'\n", period_word(f->by));
	fprintf(g->in, "set xrange [-0.6:%d.6]\n", n - 1);
	if (g->term != BK_PLOT_DUMB)
		fputs("set xtics rotate by -45\n", g->in);
	fputs("plot $adh using 0:2:xtic(1) with boxes title 'done (%)', "
	    "$adh using 0:2:(sprintf('%.0f/%.0f', $3, $4)) with labels "
	    "offset 0,0.7 notitle\n", g->in);
	return 0;
}

/* pain: rows (region, date, rating) by region, the first row already
 * read; one line a region */
static int
plot_pain(struct gp *g, struct bk_db *db, sqlite3_stmt *st)
{
	char names[MAX_REGIONS][TEXT_BUF], region[64] = "", ds[11];
	const char *r;
	bk_day d, first = 0, last = 0;
	double v;
	int nreg = 0, n = 0, i, skipped = 0;

	fputs("$pain << EOD\n", g->in);
	do {
		r = (const char *)sqlite3_column_text(st, 0);
		if (!r || row_day(st, 1, &d) != 0 || row_value(st, 2, &v) != 0)
			continue;
		if (nreg == 0 || strncmp(region, r, sizeof region - 1) != 0) {
			if (nreg == MAX_REGIONS) {
				skipped = 1;
				break;
			}
			if (nreg)
				fputs("\n\n", g->in);
			snprintf(region, sizeof region, "%s", r);
			bk_plot_text(r[0] ? r : "no region given",
			    names[nreg], sizeof names[nreg]);
			nreg++;
		}
		if (n++ == 0 || d < first)
			first = d;
		if (n == 1 || d > last)
			last = d;
		fprintf(g->in, "%s %.6g\n", bk_date_format(d, ds), v);
	} while (bk_db_step(db, st) == SQLITE_ROW);
	fputs("EOD\n", g->in);
	if (n == 0)
		return -1;
	if (skipped)
		bk_warnx("only the first %d regions are drawn", MAX_REGIONS);
	gp_header(g, "Pain ratings by region (highest of the day)");
	gp_date_axis(g, first, last);
	fputs("set yrange [-0.3:10.5]\nset ytics 0, 2, 10\n"
	    "set ylabel 'pain, 0 (none) to 10 (worst)'\n"
	    "set key outside right top\n", g->in);
	fputs("plot ", g->in);
	for (i = 0; i < nreg; i++)
		fprintf(g->in, "%s$pain index %d using 1:2 with linespoints pt 7 "
		    "lw 2 title '%s'", i ? ", " : "", i, names[i]);
	fputc('\n', g->in);
	return 0;
}

int
bk_plot_draw(struct bk_db *db, enum bk_plot_kind kind,
    const struct bk_stats_filter *f, const struct bk_plot_opts *o)
{
	static const char *const empty[] = {
		"no toe-touch or sit-and-reach result",
		"no set logged", "no planned exercise due", "no pain rating" };
	static const char *const names[] = { "flex", "volume", "adherence",
		"pain" };
	sqlite3_stmt *st = NULL;
	struct gp g;
	int rc = -1;

	switch (kind) {
	case BK_PLOT_FLEX: st = bk_stats_flex(db, f, 1); break;
	case BK_PLOT_VOLUME: st = bk_stats_volume(db, f); break;
	case BK_PLOT_ADHERENCE: st = bk_stats_adherence_total(db, f); break;
	case BK_PLOT_PAIN: st = bk_stats_pain(db, f, 1); break;
	}
	/* nothing to draw is said before gnuplot starts or a file exists */
	if (bk_db_step(db, st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		bk_warnx("cannot plot %s: %s in that time", names[kind],
		    empty[kind]);
		return -1;
	}
	if (gp_start(&g, o) != 0) {
		sqlite3_finalize(st);
		remove_tmp();
		return -1;
	}
	switch (kind) {
	case BK_PLOT_FLEX: rc = plot_flex(&g, db, st, o); break;
	case BK_PLOT_VOLUME: rc = plot_volume(&g, db, st, f); break;
	case BK_PLOT_ADHERENCE: rc = plot_adherence(&g, db, st, f, o); break;
	case BK_PLOT_PAIN: rc = plot_pain(&g, db, st); break;
	}
	sqlite3_finalize(st);
	if (rc != 0) {
		gp_finish(&g, 0);
		bk_warnx("cannot plot %s: %s in that time", names[kind],
		    empty[kind]);
		return -1;
	}
	return gp_finish(&g, 1);
}
