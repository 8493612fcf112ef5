#!/usr/bin/env bats
# --help and usage errors from the option table, the date hint, and the
# option table of backkit(7).
load common

@test "usage: --help lists, after the usage, the options it names, from the table" {
	run -0 --separate-stderr bk-log --help
	assert_equal "$stderr" ""
	assert_line --index 0 --partial 'usage: bk-log EXERCISE [SPEC]'
	assert_line 'options:'
	assert_line --regexp '^  -s, --since D +from this day$'
	assert_line --regexp '^      --rpe N +effort, 0 to 10$'
	assert_line --regexp '^  -d, --db PATH +the store to use$'
	refute_line --partial -- '--complete'
	run -0 bk-plan --help
	assert_line --regexp '^  -w, --week\[=DATE\] +the week of a day$'
	assert_line --regexp '^      --template NAME\|PATH +program a plan is made from$'
	run -0 bk-stats --help
	assert_line --regexp '^      --terminal dumb +plot: as text$'
	refute_line --partial -- '--explain'
}

@test "usage: SUB --help and --help SUB show that usage line and its options only" {
	local a b
	run -0 --separate-stderr bk-log list --help
	assert_equal "$stderr" ""
	assert_line --index 0 'usage: bk-log list [--since D] [--until D] [--exercise X] [--format F]'
	assert_line --regexp '^  -e, --exercise X +one exercise only$'
	refute_line --partial -- '--note'
	refute_line --partial 'bk-log skip'
	a=$output
	run -0 bk-log --help list
	b=$output
	assert_equal "$a" "$b"
	run -0 bk-plan exercise --help
	assert_line --index 0 'usage: bk-plan exercise SLUG [--format F]'
	assert_line --index 1 '       bk-plan exercise add SLUG --name NAME [--region R]... [--kind K]'
	assert_line --regexp '^      --name NAME +display name$'
	refute_line --partial 'bk-plan exercises'
	run -0 bk-test pain --help
	assert_line --index 0 'usage: bk-test pain RATING [--region R] [--date D] [--note TEXT]'
	refute_line --partial -- '--protocol'
}

# the options named on the usage lines of sub
usage_options() {
	"$1" --help "$2" | sed -n '/^options:/q; p' | grep -o -- '--[a-z-]*' | sort -u
}

@test "usage: every option on a usage line is in the table and taken by that subcommand" {
	local cmd sub opt takes missing=""
	for cmd in bk-log bk-plan bk-test bk-stats; do
		run -0 "$cmd" --complete commands
		for sub in "${lines[@]}" "exercise add"; do
			[[ $sub == "exercise add" && $cmd != bk-plan ]] && continue
			[[ $cmd == bk-log && $sub == log ]] && continue
			takes=$("$cmd" --complete "options:$sub" | cut -f1)
			for opt in $(usage_options "$cmd" "${sub%% *}"); do
				# --help SUB shows every entry of SUB ("exercise" and
				# "exercise add"): the option is taken by one of them
				grep -qx -- "$opt" <<< "$takes" ||
					grep -qx -- "$opt" <<< "$("$cmd" --complete "options:${sub%% *}" | cut -f1)" ||
					grep -qx -- "$opt" <<< "$("$cmd" --complete "options:${sub%% *} add" | cut -f1)" ||
					missing+=" $cmd $sub:$opt"
			done
			# and the other way: what the table says it takes, its usage shows
			for opt in $takes; do
				usage_options "$cmd" "${sub%% *}" | grep -qx -- "$opt" ||
					missing+=" $cmd $sub:$opt(not on its usage line)"
			done
		done
	done
	[ -z "$missing" ] || fail "drift:$missing"
}

@test "usage: a usage error is one line, then the subcommand's usage line or where --help is" {
	run -2 --separate-stderr bk-log list --note x
	assert_output ""
	assert_equal "$stderr" "bk-log: option --note does not apply to 'list'
usage: bk-log list [--since D] [--until D] [--exercise X] [--format F]"
	run -2 --separate-stderr bk-plan show a b
	assert_equal "$stderr" "bk-plan: unexpected argument 'b'
usage: bk-plan show [NAME] [--date DATE | --week [DATE] | --all]
                         [--format F]"
	run -2 --separate-stderr bk-test pain
	assert_equal "$stderr" "bk-test: pain needs a RATING
usage: bk-test pain RATING [--region R] [--date D] [--note TEXT]"
	run -2 --separate-stderr bk-stats volume extra
	assert_equal "$stderr" "bk-stats: unexpected argument 'extra'
usage: bk-stats volume [--by day|week|month] [--exercise X] [--plan NAME]
                       [--since D] [--until D] [--format F]"
	# a bad word for an option
	run -2 --separate-stderr bk-test list --kind yoga
	assert_equal "$stderr" "bk-test: invalid kind 'yoga' (one of: toe-touch, sit-and-reach, pain)
see 'bk-test --help'"
	# before the subcommand is known: where the help is
	run -2 --separate-stderr bk-log --formt x list
	assert_equal "$stderr" "bk-log: unrecognized option '--formt'
see 'bk-log --help'"
	run -2 --separate-stderr bk-stats nosuch
	assert_equal "$stderr" "bk-stats: unknown command 'nosuch'
see 'bk-stats --help'"
	run -2 --separate-stderr bk nosuch
	assert_equal "$stderr" "bk: unknown command 'nosuch' (see 'bk help')
see 'bk --help'"
	run -2 --separate-stderr bk config nosuch
	assert_err_partial "unknown key 'nosuch'"
	[ "${#stderr_lines[@]}" -eq 2 ]
	assert_file_not_exists "$BK_DB"
}

@test "usage: a bad date names the forms the one parser takes, in every command" {
	local hint form
	hint="(YYYY-MM-DD, YYYY-MM, YYYY, today, yesterday, tomorrow, a weekday, -3d, +2w, -1m, -1y, sow, eow, som, eom, soy, eoy, last|this|next week|month|year)"
	run -2 --separate-stderr bk-log list --since someday
	assert_err "bk-log: invalid date 'someday' $hint"
	run -2 --separate-stderr bk-plan show --date someday
	assert_err "bk-plan: invalid --date 'someday' $hint"
	run -2 --separate-stderr bk-test list --since someday
	assert_err "bk-test: invalid date 'someday' $hint"
	run -2 --separate-stderr bk-stats volume --since someday
	assert_err "bk-stats: invalid date 'someday' for --since $hint"
	assert_file_not_exists "$BK_DB"
	# every form the hint names parses
	for form in 2026-03-15 2026-03 2026 today yesterday tomorrow monday -3d +2w -1m -1y \
		sow eow som eom soy eoy "last week" "this month" "next year" last-week; do
		run -0 bk-stats volume --since "$form" --format csv
		run -0 bk-plan show --date "$form" --format csv
	done
}

@test "backkit(7): its option table and bk_options agree, letters and names" {
	local table have want
	table=$(sed -n '/^\.Sh OPTIONS ACROSS THE SUITE/,/^\.Sh /p' "$TOP/man/man7/backkit.7" |
		sed -n 's/^\.It //p')
	# every entry: ".It Fl X , Fl \-name ..." or ".It Fl \-name ..."
	have=$(sed -E 's/^Fl ([A-Za-z]) , Fl \\-([a-z-]+).*/-\1 --\2/; s/^Fl \\-([a-z-]+).*/--\1/' <<< "$table" | sort)
	want=$(for cmd in bk-log bk-plan bk-test bk-stats; do
		"$cmd" --complete letters
		"$cmd" --complete options
	done | sort -u | awk '
		NF == 2 { letter[$2] = $1; next }
		{ names[$1] = 1 }
		END { for (n in names) print (n in letter ? letter[n] " " : "") n }' | sort)
	assert_equal "$have" "$want"
}

@test "usage: a bad option value of bk-log or bk-test is one line, then where --help is" {
	run -2 --separate-stderr bk-log cat-cow 3 --hold x
	assert_output ""
	assert_equal "$stderr" "bk-log: invalid hold 'x': expected a time like 30s, 2m or 1m30s
see 'bk-log --help'"
	run -2 --separate-stderr bk-log cat-cow 3 --rpe 11
	assert_equal "$stderr" "bk-log: invalid RPE '11' (0 to 10)
see 'bk-log --help'"
	run -2 --separate-stderr bk-log list --units stone
	assert_equal "$stderr" "bk-log: invalid units 'stone' (kg or lb)
see 'bk-log --help'"
	run -2 --separate-stderr bk-test sit-and-reach 30 --age old
	assert_equal "${#stderr_lines[@]}" 2
	assert_equal "${stderr_lines[0]}" "bk-test: invalid age 'old' (a whole number of years from 1 to 120)"
	assert_equal "${stderr_lines[1]}" "see 'bk-test --help'"
	assert_file_not_exists "$BK_DB"
}

@test "usage: --except before -V, --help, help or --complete leaves nothing behind, as the sanitizers check" {
	run -0 --separate-stderr bk-log --except cat-cow -V
	assert_output --partial 'bk-log (backkit)'
	assert_equal "$stderr" ""
	run -0 --separate-stderr bk-log --except cat-cow --help
	assert_equal "$stderr" ""
	run -0 --separate-stderr bk-log --except cat-cow help
	assert_equal "$stderr" ""
	run -0 --separate-stderr bk-log --except cat-cow --complete commands
	assert_equal "$stderr" ""
}
