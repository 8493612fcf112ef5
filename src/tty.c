/* tty.c - the terminal of a guided session: keys, countdowns, signals */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "bk.h"

static volatile sig_atomic_t stop_sig;
static volatile sig_atomic_t keys_on;	/* the terminal is in key mode */
static int tty_fd = -1;
static int have_saved;
static struct termios saved, keymode;
static int wake[2] = { -1, -1 };	/* a signal writes a byte here */

static void
on_stop(int sig)
{
	int e = errno;
	char c = 0;

	if (!stop_sig)
		stop_sig = sig;
	if (wake[1] >= 0 && write(wake[1], &c, 1) < 0)
		(void)0;	/* the pipe is full: a wake-up is pending */
	errno = e;
}

/* Ctrl-Z: the shell gets its terminal back as it was, and key mode comes
 * back when the session goes on */
static void
on_tstp(int sig)
{
	int e = errno, was = keys_on;
	sigset_t set;

	if (was && have_saved)
		tcsetattr(tty_fd, TCSADRAIN, &saved);
	signal(sig, SIG_DFL);
	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(sig);
	/* continued */
	signal(sig, on_tstp);
	if (was && have_saved)
		tcsetattr(tty_fd, TCSADRAIN, &keymode);
	errno = e;
}

/* a signal that ends the program: the terminal as it was, then the
 * signal's own default action (a core dump for SIGQUIT) */
static void
on_fatal(int sig)
{
	sigset_t set;

	if (keys_on && have_saved)
		tcsetattr(tty_fd, TCSANOW, &saved);
	signal(sig, SIG_DFL);
	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(sig);
}

/* every signal whose default action ends the program, other than those
 * on_stop takes: the session never leaves the terminal without echo */
static const int fatal_sigs[] = { SIGQUIT, SIGPIPE, SIGUSR1, SIGUSR2,
	SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ, SIGABRT, SIGSEGV,
	SIGBUS, SIGFPE, SIGILL, SIGTRAP, SIGSYS,
#ifdef SIGPWR
	SIGPWR,
#endif
#ifdef SIGSTKFLT
	SIGSTKFLT,
#endif
#ifdef SIGIO
	SIGIO,
#endif
#ifdef SIGLOST
	SIGLOST,
#endif
};

static void
catch_fatal(int sig)
{
	struct sigaction sa, old;

	/* an ignored signal (SIGPIPE, SIGXFSZ: see bk_init) stays ignored */
	if (sigaction(sig, NULL, &old) != 0 || old.sa_handler == SIG_IGN)
		return;
	memset(&sa, 0, sizeof sa);
	sigfillset(&sa.sa_mask);
	sa.sa_handler = on_fatal;
	sigaction(sig, &sa, NULL);
}

void
bk_tty_init(int fd)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	struct sigaction sa;
	size_t i;

	if (pipe(wake) != 0)
		bk_errx(BK_EXIT_DATA, "cannot make a pipe: %s",
		    strerror(errno));
	for (i = 0; i < 2; i++)
		fcntl(wake[i], F_SETFL, fcntl(wake[i], F_GETFL) | O_NONBLOCK);
	for (i = 0; i < 2; i++)
		fcntl(wake[i], F_SETFD, FD_CLOEXEC);
	tty_fd = fd;
	if (fd >= 0 && tcgetattr(fd, &saved) == 0) {
		have_saved = 1;
		keymode = saved;
		keymode.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
		keymode.c_cc[VMIN] = 1;
		keymode.c_cc[VTIME] = 0;
	}
	atexit(bk_tty_restore);
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_stop;
	/* no SA_RESTART: a read waiting for an answer must give up */
	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &sa, NULL);
	for (i = 0; i < sizeof fatal_sigs / sizeof fatal_sigs[0]; i++)
		catch_fatal(fatal_sigs[i]);
#ifdef SIGRTMIN
	for (i = SIGRTMIN; (int)i <= SIGRTMAX; i++)
		catch_fatal((int)i);
#endif
	if (have_saved) {
		sa.sa_handler = on_tstp;
		sigaction(SIGTSTP, &sa, NULL);
	}
}

int
bk_tty_stopped(void)
{
	return stop_sig;
}

void
bk_tty_keys(int on)
{
	if (!have_saved || keys_on == on)
		return;
	keys_on = on;
	tcsetattr(tty_fd, TCSADRAIN, on ? &keymode : &saved);
}

void
bk_tty_restore(void)
{
	bk_tty_keys(0);
}

int
bk_tty_wait(int fd, long ms)
{
	struct pollfd p[2];
	struct timespec t0, t1;
	long left = ms;
	int n;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		if (stop_sig)
			return -1;
		p[0].fd = wake[0];
		p[0].events = POLLIN;
		p[1].fd = fd;
		p[1].events = POLLIN;
		n = poll(p, fd >= 0 ? 2 : 1, ms < 0 ? -1 : (int)left);
		if (stop_sig)
			return -1;
		if (n > 0 && fd >= 0 && p[1].revents)
			return 1;	/* input, end of input or an error */
		if (n == 0)
			return 0;
		if (n < 0 && errno != EINTR)
			bk_errx(BK_EXIT_DATA, "cannot wait for input: %s",
			    strerror(errno));
		if (ms >= 0) {
			clock_gettime(CLOCK_MONOTONIC, &t1);
			left = ms - ((t1.tv_sec - t0.tv_sec) * 1000 +
			    (t1.tv_nsec - t0.tv_nsec) / 1000000);
			if (left <= 0)
				return 0;
		}
	}
}

int
bk_tty_key(void)
{
	unsigned char c;
	ssize_t n;

	for (;;) {
		if (bk_tty_wait(tty_fd, -1) < 0)
			return -2;
		n = read(tty_fd, &c, 1);
		if (n == 1)
			return c;
		if (n == 0 || (errno != EINTR && errno != EAGAIN))
			return -1;
	}
}

static long
elapsed_ms(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (t1.tv_sec - t0->tv_sec) * 1000 +
	    (t1.tv_nsec - t0->tv_nsec) / 1000000;
}

int
bk_tty_countdown(FILE *fp, const char *label, long secs, int live,
    int color, int keys)
{
	struct timespec t0;
	char d[32];
	long ms, left;
	int k, r;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		ms = elapsed_ms(&t0);
		left = secs - ms / 1000;
		if (left <= 0)
			break;
		if (live) {
			fprintf(fp, "\r  %s: %s%s left%s   ", label,
			    color ? "\033[1;33m" : "",
			    bk_duration_format(left, d, sizeof d),
			    color ? "\033[0m" : "");
			fflush(fp);
		}
		r = bk_tty_wait(keys ? tty_fd : -1, 1000 - ms % 1000);
		if (r < 0)
			return BK_COUNT_STOPPED;
		if (r == 0)
			continue;
		k = bk_tty_key();
		if (k == -2)
			return BK_COUNT_STOPPED;
		if (k == 'q' || k == 'Q' || k == -1) {
			if (live)
				fputc('\n', fp);
			return BK_COUNT_QUIT;
		}
		if (k == '\n' || k == '\r' || k == ' ')
			break;
	}
	if (live)
		fprintf(fp, "\r  %s: %stime%s%*s\a\n", label,
		    color ? "\033[1;32m" : "", color ? "\033[0m" : "", 12, "");
	else
		fprintf(fp, "  %s: time\n", label);
	fflush(fp);
	return BK_COUNT_DONE;
}

_Noreturn void
bk_tty_exit(int sig)
{
	struct sigaction sa;

	bk_tty_restore();
	fflush(stdout);
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = SIG_DFL;
	sigaction(sig, &sa, NULL);
	raise(sig);
	_exit(128 + sig);
}
