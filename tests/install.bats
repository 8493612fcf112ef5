#!/usr/bin/env bats
# make install / uninstall under PREFIX and DESTDIR. The tests install the
# build as it is (its own PREFIX): another PREFIX would rebuild bin/ while
# other suites run; what another PREFIX does is checked with make -n.

load common

@test "install: every command, man page, completion and the catalog land in place and work" {
	local dest="$BATS_TEST_TMPDIR/stage" p="$BATS_TEST_TMPDIR/stage/usr/local"
	run -0 make -s -C "$TOP" install DESTDIR="$dest"
	local exe cmd page
	for exe in "$TOP"/bin/*; do
		cmd=${exe##*/}
		assert_file_executable "$p/bin/$cmd"
		run -0 "$p/bin/$cmd" --version
		assert_output --partial "$cmd (backkit)"
		assert_file_exists "$p/share/man/man1/$cmd.1"
		assert_file_exists "$p/share/bash-completion/completions/$cmd"
		assert_file_exists "$p/share/zsh/site-functions/_$cmd"
		assert_file_exists "$p/share/fish/vendor_completions.d/$cmd.fish"
	done
	for page in "$TOP"/man/man[1-9]/*; do
		assert_file_exists "$p/share/man/man${page##*.}/${page##*/}"
	done
	assert_file_exists "$p/share/backkit/exercises.csv"
	# the installed binary reads the installed catalog, wherever it is
	echo 'zz-installed,Installed Only,neck,static,sitting,none,1,0,10,0,0,c,d,004' \
		>> "$p/share/backkit/exercises.csv"
	run -0 "$p/bin/bk-plan" exercises --format csv
	assert_equal "${#lines[@]}" "$(wc -l < "$p/share/backkit/exercises.csv")"
	assert_line --regexp '^zz-installed,'
	run -0 "$p/bin/bk" plan exercise add mine --name Mine
	run -0 mandoc -Tutf8 "$p/share/man/man1/bk-plan.1"
	assert_output --partial 'bk-plan'
	run -0 make -s -C "$TOP" uninstall DESTDIR="$dest"
	for exe in "$TOP"/bin/*; do
		cmd=${exe##*/}
		assert_file_not_exists "$p/bin/$cmd"
		assert_file_not_exists "$p/share/man/man1/$cmd.1"
		assert_file_not_exists "$p/share/fish/vendor_completions.d/$cmd.fish"
	done
	assert_file_not_exists "$p/share/backkit/exercises.csv"
}

@test "install: BINDIR and MANDIR are honoured" {
	local dest="$BATS_TEST_TMPDIR/stage"
	run -0 make -s -C "$TOP" install DESTDIR="$dest" BINDIR=/usr/games MANDIR=/usr/man
	assert_file_executable "$dest/usr/games/bk-plan"
	assert_file_exists "$dest/usr/man/man1/bk-plan.1"
}

@test "install: another PREFIX puts every path, and the built-in data directory, under it" {
	run -0 make -n -C "$TOP" install PREFIX=/opt/bk DESTDIR=/stage
	assert_output --regexp "install -m 755 bin/bk .*bin/bk-plan"
	assert_output --partial "/stage/opt/bk/bin"
	assert_output --partial "/stage/opt/bk/share/backkit"
	assert_output --partial "/stage/opt/bk/share/man/man"
	assert_output --partial "BK_DEFAULT_DATADIR='\"/opt/bk/share/backkit\"'"
}
