#!/usr/bin/env bats
# The set-up itself: what `make deps` installs covers every command the
# suites, the demo and the benchmarks call; the permission tests work
# wherever the checkout is; `make` without the libraries says what to do.
load common

# the Debian packages make deps installs (the Makefile's lists)
deps_packages() {
	make -s -C "$TOP" --eval 'print-deps: ; @echo $(DEB_PACKAGES)' print-deps
}

# the package that holds a file, diversions aside
owner() {
	dpkg -S "$1" 2> /dev/null | grep -v '^diversion' | head -n 1 | cut -d: -f1
}

@test "harness: every external command of the suites comes from a package make deps installs" {
	local pkgs deps cmd path pkg missing=""
	pkgs=" $(deps_packages) "
	# what those packages pull in directly counts too (python3-minimal)
	# shellcheck disable=SC2086
	deps=" $(dpkg-query -W -f='${Depends}, ${Pre-Depends}, ' $pkgs |
		tr ',|' '\n\n' | sed 's/(.*//; s/:any//; s/ //g' | sort -u | tr '\n' ' ') "
	for cmd in sqlite3 gnuplot bats mandoc shellcheck hyperfine parallel \
		tmux setpriv script /usr/bin/time /usr/bin/python3 man; do
		path=$(command -v "$cmd") || { missing+=" $cmd(not installed)"; continue; }
		pkg=$(owner "$path")
		[ -n "$pkg" ] || pkg=$(owner "$(readlink -f "$path")")
		[ -n "$pkg" ] || pkg=$(owner "${path/#\/usr/}")
		[[ $pkgs == *" $pkg "* || $deps == *" $pkg "* ]] ||
			missing+=" $cmd($pkg)"
	done
	/usr/bin/python3 -c 'import icalendar' ||
		missing+=" python3-icalendar"
	[ -z "$missing" ] || fail "not installed by make deps:$missing"
}

@test "harness: the unprivileged user runs the commands from a checkout it cannot reach" {
	[ "$(id -u)" -eq 0 ] || skip "only root can run a command as another user"
	need_other_user
	local d priv
	# a checkout in a private home directory, as /root/backkit is
	priv="$BATS_TEST_TMPDIR/home0700"
	mkdir -m 700 "$priv"
	cp -R "$TOP/bin" "$TOP/share" "$priv/"
	unprivileged_dir d
	export BK_DB="$d/s.db"
	TOP=$priv run -0 --separate-stderr as_user bk-log cat-cow 2x5
	assert_output --partial 'logged cat-cow'
	assert_equal "$(stat -c %u "$BK_DB")" "$BK_NOBODY_UID"
	# the checkout itself stays out of reach: this is what the copy is for
	run -126 setpriv --reuid="$BK_NOBODY_UID" --regid="$BK_NOBODY_UID" \
		--clear-groups -- env "$priv/bin/bk-log" --version
	rm -rf "$d"
}

@test "harness: make without a library's headers names the package and make deps" {
	local inc="$BATS_TEST_TMPDIR/inc"
	mkdir "$inc"
	echo '#error missing' > "$inc/csv.h"
	run -2 --separate-stderr make -s -C "$TOP" CFLAGS="-O2 -I$inc" all
	assert_err_partial "backkit: csv.h not found: install libcsv-dev (run 'make deps')"
	assert_equal "${#stderr_lines[@]}" 1
	echo '#error missing' > "$inc/sqlite3.h"
	run -2 --separate-stderr make -s -C "$TOP" CFLAGS="-O2 -I$inc" all
	assert_err_partial "backkit: sqlite3.h not found: install libsqlite3-dev (run 'make deps')"
	run -2 --separate-stderr make -s -C "$TOP" CC=/nonexistent/cc all
	assert_err_partial "backkit: no C compiler '/nonexistent/cc': install gcc (run 'make deps')"
}
