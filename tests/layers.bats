#!/usr/bin/env bats
# The shape of the code: the library's files call each other one way only
# (no cycle among them), and the command files stay thin.
load common

@test "layers: the library objects have no import cycle" {
	local tool="$TOP/../shared/tools/layers.py"
	[ -f "$tool" ] || skip "no $tool here to read the calls with"
	command -v nm > /dev/null || skip "no nm to read the objects with"
	# the objects of the last build (make check builds first; never
	# rebuilt here, so that a sanitizer build stays as it is)
	compgen -G "$TOP/build/*.o" > /dev/null || skip "no objects in build/: run make first"
	run --separate-stderr python3 "$tool" "$TOP/build"
	[ "$status" -eq 0 ] || { echo "$output"; false; }
	[[ $output != *cycle* ]]
	# the catalog sits above the store: opening one never calls up
	if grep -qE '^db\.c .*catalog\.c' <<< "$output"; then false; fi
}

@test "layers: each command file is its options and a dispatch, at most 600 lines" {
	local f n long=""
	for f in "$TOP"/src/bk.c "$TOP"/src/bk-*.c; do
		n=$(wc -l < "$f")
		[ "$n" -le 600 ] || long+=" ${f##*/}($n)"
	done
	[ -z "$long" ] || { echo "too long:$long"; false; }
}

@test "options: every letter means one option, the same in every command" {
	local cmd line letter name all=""
	for cmd in bk-log bk-plan bk-test bk-stats; do
		run -0 --separate-stderr "$cmd" --complete letters
		assert_equal "$stderr" ""
		[ -n "$output" ]
		while read -r letter name; do
			[[ $letter =~ ^-[A-Za-z]$ && $name == --* ]] || fail "$cmd: bad line '$letter $name'"
			all+="$letter $name $cmd"$'\n'
		done <<< "$output"
	done
	# one long name per letter, one letter per long name, across the suite
	run bash -c "sort -u -k1,2 <<< '$all' | awk 'NF { print \$1 }' | sort | uniq -d"
	assert_output ""
	run bash -c "sort -u -k1,2 <<< '$all' | awk 'NF { print \$2 }' | sort | uniq -d"
	assert_output ""
	# the letters people bring from other tools' habits
	for line in "-s --since" "-u --until" "-n --dry-run" "-m --note" "-S --side" "-D --date" "-f --format"; do
		[[ $all == *"$line "* ]] || fail "no '$line'"
		while read -r letter name _; do
			[[ $letter != "${line%% *}" || $name == "${line#* }" ]] ||
				fail "$letter means $name somewhere"
		done <<< "$all"
	done
}

@test "options: every option a command takes is in its man page SYNOPSIS" {
	local cmd name syn missing=""
	for cmd in bk-log bk-plan bk-test bk-stats; do
		syn=$(sed -n '/^\.Sh SYNOPSIS/,/^\.Sh DESCRIPTION/p' "$TOP/man/man1/$cmd.1")
		run -0 "$cmd" --complete options
		for name in $output; do
			grep -qE -- "(Fl |\| )-?${name#--}( |$)" <<< "$syn" || missing+=" $cmd:$name"
		done
	done
	[ -z "$missing" ] || fail "not in SYNOPSIS:$missing"
}

@test "options: --complete options:SUB lists only what that subcommand takes" {
	run -0 --separate-stderr bk-log --complete options:list
	assert_equal "$stderr" ""
	assert_line $'--since\tfrom this day'
	assert_line --regexp '^--exercise	'
	assert_line --regexp '^--db	'
	refute_line --regexp '^--note	'
	refute_line --regexp '^--side	'
	run -0 bk-log --complete options:edit
	assert_line --regexp '^--note	'
	assert_line --regexp '^--side	'
	refute_line --regexp '^--since	'
	run -0 bk-plan --complete "options:exercise add"
	assert_line --regexp '^--name	'
	refute_line --regexp '^--start	'
	run -0 bk-test --complete options:sit-and-reach
	assert_line --regexp '^--protocol	'
	refute_line --regexp '^--kind	'
	# what the table says a subcommand takes is what the command accepts
	run -2 --separate-stderr bk-log list --note x
	assert_equal "$stderr" "bk-log: option --note does not apply to 'list'"$'\n'"usage: bk-log list [--since D] [--until D] [--exercise X] [--format F]"
	run -2 --separate-stderr bk-plan exercise add x --start today
	assert_err "bk-plan: option --start does not apply to 'exercise add'"
}
