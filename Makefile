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

# Debian packages the build, the tests and the demo need
DEB_PACKAGES = gcc make libc6-dev libsqlite3-dev sqlite3 libcsv-dev \
	gnuplot-nox bats bats-assert bats-support bats-file mandoc shellcheck \
	python3 python3-icalendar hyperfine parallel util-linux man-db
deps:
	@sh tests/deps.sh $(DEB_PACKAGES)

check: deps
	$(MAKE) all build/bk-unit
	$(MAKE) lint
	tests/run.sh tests/

lint: all
	mandoc -Tlint -W warning man/*/*.[1-9]
	shellcheck -S warning -s bash completions/*.bash tests/*.sh .ci/run

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
		install -m 644 completions/_$$c $(DESTDIR)$(ZSHCOMPDIR)/_$$c; \
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

FORCE:
.PHONY: all deps check lint install uninstall clean FORCE
.SECONDARY: $(LIBOBJ) $(COMMANDS:%=build/%.o)
