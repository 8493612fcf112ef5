# backkit - see README.md.  Users may add CFLAGS; the warnings stay.
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share
MANDIR ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR ?= $(PREFIX)/share/zsh/site-functions
FISHCOMPDIR ?= $(PREFIX)/share/fish/vendor_completions.d

CC ?= cc
CFLAGS ?= -O2 -g
BK_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	-Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	-DBK_DEFAULT_DATADIR='"$(DATADIR)/backkit"'
LDLIBS = -lsqlite3 -lcsv -lm

ifeq ($(SANITIZE),1)
BK_CFLAGS += -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer
LDFLAGS += -fsanitize=address,undefined
endif

# src/bk.c and every src/bk-*.c are commands; every other src/*.c goes into
# libbk.a
COMMANDS = $(patsubst src/%.c,%,$(wildcard src/bk.c src/bk-*.c))
LIBSRC = $(filter-out $(COMMANDS:%=src/%.c),$(wildcard src/*.c))
LIBOBJ = $(LIBSRC:src/%.c=build/%.o)
BINS = $(COMMANDS:%=bin/%)
MANPAGES = $(wildcard man/man[1-9]/*.[1-9])

all: $(BINS)

# Without the compiler or the libraries' headers, say in one line what to
# install instead of a compiler error. The targets that install them first
# (and then build in a make of their own) are left alone.
SETUP_GOALS = deps fuzz-deps check demo bench fuzz fuzz-replay fuzz-cli \
	clean uninstall
ifeq ($(filter $(SETUP_GOALS),$(MAKECMDGOALS)),)
have_header = $(shell printf '\043include <%s>\n' $(1) | \
	$(CC) $(CFLAGS) -E -x c - >/dev/null 2>&1 && echo yes)
ifeq ($(shell command -v $(CC) 2>/dev/null),)
$(error backkit: no C compiler '$(CC)': install gcc (run 'make deps'))
endif
ifneq ($(call have_header,sqlite3.h),yes)
$(error backkit: sqlite3.h not found: install libsqlite3-dev (run 'make deps'))
endif
ifneq ($(call have_header,csv.h),yes)
$(error backkit: csv.h not found: install libcsv-dev (run 'make deps'))
endif
endif

# rebuild everything when the flags change (a SANITIZE=1 build, say)
build/flags: FORCE
	@mkdir -p build
	@echo '$(CC) $(CFLAGS) $(BK_CFLAGS) $(LDFLAGS)' | cmp -s - $@ || \
		echo '$(CC) $(CFLAGS) $(BK_CFLAGS) $(LDFLAGS)' > $@

build/%.o: src/%.c src/bk.h build/flags
	$(CC) $(CFLAGS) $(BK_CFLAGS) -c -o $@ $<

build/libbk.a: $(LIBOBJ)
	rm -f $@
	$(AR) rcs $@ $(LIBOBJ)

bin/%: build/%.o build/libbk.a
	@mkdir -p bin
	$(CC) $(LDFLAGS) -o $@ $< build/libbk.a $(LDLIBS)

build/bk-unit: tests/unit/bk-unit.c src/bk.h build/libbk.a
	$(CC) $(CFLAGS) $(BK_CFLAGS) $(LDFLAGS) -o $@ $< build/libbk.a $(LDLIBS)

# Debian packages the build, the tests and the demo need (tests/harness.bats
# checks that every command the suites call comes from one of them)
DEB_PACKAGES = gcc make libc6-dev libsqlite3-dev sqlite3 libcsv-dev \
	gnuplot-nox bats bats-assert bats-support bats-file mandoc shellcheck \
	python3 python3-icalendar hyperfine parallel util-linux man-db tmux \
	time bsdutils zsh fish khal systemd
deps:
	@sh tests/deps.sh $(DEB_PACKAGES)

check: deps
	$(MAKE) all build/bk-unit
	$(MAKE) lint
	tests/run.sh tests/

# the 30-day story on a throwaway database (see tests/demo.sh)
demo: deps
	$(MAKE) all
	bash tests/demo.sh

lint: all
	mandoc -Tlint -W warning man/*/*.[1-9]
	shellcheck -S warning -s bash completions/*.bash tests/*.sh \
		tests/bench/*.sh .ci/run

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/backkit \
		$(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) \
		$(DESTDIR)$(FISHCOMPDIR)
	install -m 755 $(BINS) $(DESTDIR)$(BINDIR)
	cd share/backkit && find . -type d -exec install -d \
		'$(DESTDIR)$(DATADIR)/backkit/{}' ';' && find . -type f -exec \
		install -m 644 '{}' '$(DESTDIR)$(DATADIR)/backkit/{}' ';'
	for m in $(MANPAGES); do \
		s=$${m##*.}; install -d $(DESTDIR)$(MANDIR)/man$$s; \
		install -m 644 $$m $(DESTDIR)$(MANDIR)/man$$s/; \
	done
	for c in $(COMMANDS); do \
		install -m 644 completions/$$c.bash $(DESTDIR)$(BASHCOMPDIR)/$$c; \
		install -m 644 completions/zsh/_$$c $(DESTDIR)$(ZSHCOMPDIR)/_$$c; \
		install -m 644 completions/$$c.fish $(DESTDIR)$(FISHCOMPDIR)/$$c.fish; \
	done

uninstall:
	for c in $(COMMANDS); do \
		rm -f $(DESTDIR)$(BINDIR)/$$c $(DESTDIR)$(BASHCOMPDIR)/$$c \
			$(DESTDIR)$(ZSHCOMPDIR)/_$$c $(DESTDIR)$(FISHCOMPDIR)/$$c.fish; \
	done
	for m in $(MANPAGES); do \
		s=$${m##*.}; rm -f $(DESTDIR)$(MANDIR)/man$$s/$${m##*/}; \
	done
	rm -rf $(DESTDIR)$(DATADIR)/backkit

clean:
	rm -rf bin build

# libFuzzer harnesses (clang), each run FUZZ_SECONDS on its seed corpus;
# a crash leaves its input in build/fuzz/ to be kept under
# tests/fuzz/regressions/NAME/, which make check replays
FUZZERS = $(patsubst tests/fuzz/fuzz-%.c,%,$(wildcard tests/fuzz/fuzz-*.c))
FUZZ_SECONDS ?= 60
FUZZ_CFLAGS = -g -O1 -fsanitize=fuzzer,address,undefined \
	-fno-sanitize-recover=all -std=c11 -D_POSIX_C_SOURCE=200809L \
	-D_DEFAULT_SOURCE -DBK_DEFAULT_DATADIR='"$(DATADIR)/backkit"'
fuzz-deps:
	@sh tests/deps.sh clang libclang-rt-14-dev $(DEB_PACKAGES)

build/fuzz/%: tests/fuzz/fuzz-%.c $(LIBSRC) src/bk.h
	@mkdir -p build/fuzz
	clang $(FUZZ_CFLAGS) -o $@ $< $(LIBSRC) $(LDLIBS)

fuzz: fuzz-deps
	$(MAKE) $(FUZZERS:%=build/fuzz/%)
	for f in $(FUZZERS); do \
		mkdir -p build/fuzz/corpus-$$f && \
		build/fuzz/$$f -max_total_time=$(FUZZ_SECONDS) \
			-artifact_prefix=build/fuzz/$$f- \
			build/fuzz/corpus-$$f tests/fuzz/corpus/$$f || exit 1; \
	done
	$(MAKE) fuzz-cli

# the commands themselves, built with the sanitizers, run with random
# subcommands, options and values from their man pages (tests/fuzz/cli.py);
# FUZZ_SEED=N repeats a run
fuzz-cli: fuzz-deps
	$(MAKE) SANITIZE=1 all
	/usr/bin/python3 tests/fuzz/cli.py $(FUZZ_SECONDS) $(FUZZ_SEED)

# replay every kept crash and the seeds once (part of check)
fuzz-replay: fuzz-deps
	$(MAKE) $(FUZZERS:%=build/fuzz/%)
	for f in $(FUZZERS); do \
		build/fuzz/$$f -runs=0 tests/fuzz/corpus/$$f \
			$$(test -d tests/fuzz/regressions/$$f && \
			echo tests/fuzz/regressions/$$f) || exit 1; \
	done

# backkit against the sqlite3 shell and gnuplot on ten years of synthetic
# history (tests/bench/run.sh); BENCH_QUICK=1 for a short run. The table
# goes to build/bench/results.md.
BENCH_PACKAGES = hyperfine time
build/bench/gen: tests/bench/gen.c build/flags
	@mkdir -p build/bench
	$(CC) $(CFLAGS) $(BK_CFLAGS) $(LDFLAGS) -o $@ tests/bench/gen.c

bench:
	@sh tests/deps.sh $(DEB_PACKAGES) $(BENCH_PACKAGES)
	$(MAKE) all build/bench/gen
	tests/bench/run.sh

FORCE:
.PHONY: all deps demo check lint install uninstall clean fuzz fuzz-deps \
	fuzz-replay fuzz-cli bench FORCE
.SECONDARY: $(LIBOBJ) $(COMMANDS:%=build/%.o)
