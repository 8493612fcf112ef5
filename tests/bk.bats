#!/usr/bin/env bats
# bk: the front end.

load common

@test "bk alone shows today's plan, then the summary" {
	bk-plan new mine --template back-mobility --start today > /dev/null
	run -0 --separate-stderr bk
	assert_equal "$stderr" ""
	local plan summary
	plan=$(bk-plan today)
	summary=$(bk-stats summary)
	assert_equal "$output" "$plan"$'\n\n'"$summary"
	[[ $output == *"backkit summary for"* ]]
	# a part that fails gives the exit status
	BK_DB="$BATS_TEST_TMPDIR" run -1 --separate-stderr bk
	[[ $stderr == "bk-plan: cannot open"* ]]
}

@test "bk help and bk --help list every command with a summary" {
	run -0 --separate-stderr bk help
	assert_line --index 0 'usage: bk COMMAND [ARG...]'
	assert_line --regexp '^   plan +the exercise catalog'
	assert_line --regexp '^   log +'
	assert_line --regexp '^   test +'
	assert_line --regexp '^   stats +'
	assert_equal "$stderr" ""
	local list=$output
	run -0 bk help
	assert_equal "$output" "$list"
	run -0 bk --help
	assert_equal "$output" "$list"
	run -0 bk --version
	assert_output --regexp '^bk \(backkit\) [0-9.]+$'
}

@test "bk COMMAND runs bk-COMMAND with the arguments and its exit status" {
	run -0 bk plan exercises --kind breathing --format csv
	assert_equal "$output" "$(bk-plan exercises --kind breathing --format csv)"
	run -2 --separate-stderr bk plan exercise nosuch
	assert_err_partial "bk-plan: unknown exercise 'nosuch'"
}

@test "bk runs the command beside it before the one on PATH" {
	mkdir -p "$BATS_TEST_TMPDIR/decoy"
	printf '#!/bin/sh\necho decoy\n' > "$BATS_TEST_TMPDIR/decoy/bk-plan"
	chmod +x "$BATS_TEST_TMPDIR/decoy/bk-plan"
	PATH="$BATS_TEST_TMPDIR/decoy:$PATH" run -0 "$TOP/bin/bk" plan --version
	assert_output --partial 'bk-plan (backkit)'
	# a copy of bk alone falls back to PATH
	cp "$TOP/bin/bk" "$BATS_TEST_TMPDIR/bk"
	PATH="$BATS_TEST_TMPDIR/decoy:$PATH" run -0 "$BATS_TEST_TMPDIR/bk" plan --version
	assert_output decoy
}

@test "bk: an unknown command suggests the nearest, exit 2" {
	run -2 --separate-stderr bk pln today
	assert_equal "$output" ""
	assert_err "bk: unknown command 'pln' (did you mean 'plan'?)"
	run -2 --separate-stderr bk sta
	assert_err "bk: unknown command 'sta' (did you mean 'stats'?)"
	run -2 --separate-stderr bk frobnicate
	assert_err "bk: unknown command 'frobnicate' (see 'bk help')"
	run -2 --separate-stderr bk --bogus
	assert_err "bk: unknown option '--bogus'"
	run -2 --separate-stderr bk help nosuch
	assert_err "bk: unknown command 'nosuch' (see 'bk help')"
}

@test "bk help COMMAND opens the command's manual" {
	MANPAGER=cat PAGER=cat MANWIDTH=80 run -0 bk help plan
	assert_output --partial 'bk-plan'
	assert_output --partial 'SYNOPSIS'
}

@test "completions: bash completes command names, then delegates" {
	run -0 bash -c "source '$TOP/completions/bk.bash'
		COMP_WORDS=(bk p); COMP_CWORD=1; _bk; echo \"\${COMPREPLY[*]}\"
		COMP_WORDS=(bk plan exercise jeff); COMP_CWORD=3; _bk; echo \"\${COMPREPLY[*]}\"
		COMP_WORDS=(bk help pl); COMP_CWORD=2; _bk; echo \"\${COMPREPLY[*]}\""
	assert_line --index 0 'plan'
	assert_line --index 1 'jefferson-curl'
	assert_line --index 2 'plan'
}

@test "backkit(7): names every command, and every man page points to it" {
	local page cmd
	for cmd in bk bk-plan bk-log bk-test bk-stats; do
		grep -q "^.Xr $cmd 1" "$TOP/man/man7/backkit.7"
	done
	for page in "$TOP"/man/man[15]/*; do
		sed -n '/^.Sh SEE ALSO/,$p' "$page" | grep -q '^.Xr backkit 7' ||
			fail "$page: SEE ALSO does not name backkit(7)"
	done
	MANPAGER=cat PAGER=cat MANWIDTH=80 run -0 bk help backkit
	assert_output --partial 'TUTORIAL'
}

@test "man pages: every NAME line says backkit, TSV escapes and the awk example render as typed" {
	local page
	for page in "$TOP"/man/man[157]/*; do
		sed -n '/^\.Sh NAME/,/^\.Sh/p' "$page" | grep -q 'backkit' ||
			fail "$page: its NAME line does not say backkit"
	done
	for page in bk-plan.1 bk-stats.1; do
		MANWIDTH=200 run -0 man -l "$TOP/man/man1/$page"
		assert_output --partial 'inside a value as \t, \n, \r and \\.'
	done
	MANWIDTH=200 run -0 man -l "$TOP/man/man7/backkit.7"
	local line
	line=$(grep -m1 "awk -F" <<< "$output")
	[[ $line == *"awk -F'\t' 'NR > 1 && \$5 > 0 { print \$5 \"s\", \$1 }' | sort -nr" ]]
	# pasted, it works
	bk-log cat-cow 2x30s > /dev/null
	line=${line#"${line%%awk*}"}
	run -0 bash -c "bk-stats exercises --format tsv | $line"
	assert_output "60s cat-cow"
}
