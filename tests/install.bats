#!/usr/bin/env bats
# make install / uninstall under PREFIX and DESTDIR.

load common

@test "install: binaries, catalog, man pages and completions land in place and work" {
	local dest="$BATS_TEST_TMPDIR/stage" p="$BATS_TEST_TMPDIR/stage/opt/bk" tree
	tree=$(tree_copy)
	run -0 make -s -C "$tree" install PREFIX=/opt/bk DESTDIR="$dest"
	assert_file_executable "$p/bin/bk-plan"
	assert_file_exists "$p/share/backkit/exercises.csv"
	assert_file_exists "$p/share/man/man1/bk-plan.1"
	assert_file_exists "$p/share/bash-completion/completions/bk-plan"
	assert_file_exists "$p/share/zsh/site-functions/_bk-plan"
	assert_file_exists "$p/share/fish/vendor_completions.d/bk-plan.fish"
	# the installed binary reads the installed catalog, wherever it is
	echo 'zz-installed,Installed Only,neck,static,sitting,none,1,0,10,0,0,c,d,004' \
		>> "$p/share/backkit/exercises.csv"
	run -0 "$p/bin/bk-plan" exercises --format csv
	assert_equal "${#lines[@]}" "$(wc -l < "$p/share/backkit/exercises.csv")"
	assert_line --regexp '^zz-installed,'
	run -0 "$p/bin/bk-plan" exercise add mine --name Mine
	run -0 mandoc -Tutf8 "$p/share/man/man1/bk-plan.1"
	assert_output --partial 'bk-plan'
	run -0 make -s -C "$tree" uninstall PREFIX=/opt/bk DESTDIR="$dest"
	assert_file_not_exists "$p/bin/bk-plan"
	assert_file_not_exists "$p/share/backkit/exercises.csv"
	assert_file_not_exists "$p/share/man/man1/bk-plan.1"
	assert_file_not_exists "$p/share/fish/vendor_completions.d/bk-plan.fish"
}

@test "install: BINDIR and MANDIR are honoured" {
	local dest="$BATS_TEST_TMPDIR/stage" tree
	tree=$(tree_copy)
	run -0 make -s -C "$tree" install PREFIX=/usr DESTDIR="$dest" BINDIR=/usr/games MANDIR=/usr/man
	assert_file_executable "$dest/usr/games/bk-plan"
	assert_file_exists "$dest/usr/man/man1/bk-plan.1"
}
