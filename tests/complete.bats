#!/usr/bin/env bats
# Completions: one helper in the library (CMD --complete words -- WORD...)
# computed from the option table, and the bash, zsh and fish scripts that
# call it.
load common

# the helper's candidates for the last word
words() {
	local cmd=$1
	shift
	"$cmd" --complete words -- "$@"
}

@test "complete: subcommands, and only the options that subcommand takes, with what they do" {
	run -0 --separate-stderr words bk-plan ex
	assert_equal "$stderr" ""
	assert_output "$(printf '%s\n' exercises exercise export)"
	run -0 words bk-plan show --
	assert_output "$(printf '%s\t%s\n' --all 'every day of the plan' --date 'the day it is for' \
		--db 'the store to use' --format 'output (or file) format' --help 'the usage' \
		--version 'the version' --week 'the week of a day')"
	run -0 words bk-log list -
	assert_line $'--since\tfrom this day'
	refute_line --regexp '^--note'
	run -0 words bk-log edit --
	assert_line --regexp $'^--note\t'
	refute_line --regexp '^--since'
	# the subcommand of two words takes its own options
	run -0 words bk-plan exercise add x --
	assert_line --regexp $'^--name\t'
	refute_line --regexp '^--format'
	run -0 words bk-stats plot volume --
	assert_line --regexp $'^--output\t'
	refute_line --regexp '^--format'
	run -0 words bk-stats summary --
	assert_line --regexp $'^--plan\t'
	refute_line --regexp '^--since'
	# hidden options are never offered
	run -0 words bk-stats --
	refute_line --partial -- '--complete'
	refute_line --partial -- '--explain'
	# options skip their values: "--date yesterday" is no operand
	run -0 words bk-log --date yesterday skip --re
	assert_output $'--reason\twhy it was skipped'
	run -0 words bk-test pain -12 --r
	assert_output $'--region\tbody region'
}

@test "complete: option values come from the argument's shape and the command's words" {
	run -0 words bk-log list --since to
	assert_output "$(printf '%s\n' today tomorrow)"
	run -0 words bk-plan show --week ''
	assert_line today
	assert_line this-week
	run -0 words bk-plan show --week=ne
	assert_output "--week=next-week"$'\n'"--week=next-month"
	run -0 words bk-plan -D eo
	assert_output "$(printf '%s\n' eow eom eoy)"
	run -0 words bk-plan list --format ''
	assert_output "$(printf '%s\n' table csv tsv json)"
	run -0 words bk-plan export --format ''
	assert_output "$(printf '%s\n' ics csv tsv json)"
	run -0 words bk-log import x -f ''
	assert_output "$(printf '%s\n' auto bk strong fitnotes hevy fitbod)"
	run -0 words bk-plan exercises --region low
	assert_output lower-back
	run -0 words bk-plan exercises --position s
	assert_line sitting
	run -0 words bk-plan new x --on mon,t
	assert_output "$(printf '%s\n' mon,tue mon,thu)"
	run -0 words bk-plan add x y --side ''
	assert_output "$(printf '%s\n' left right forward backward)"
	run -0 words bk-log x --side ''
	assert_output "$(printf '%s\n' left right both)"
	run -0 words bk-stats volume --by m
	assert_output month
	run -0 words bk-stats plot flex --terminal ''
	assert_output dumb
	run -0 words bk-test list --kind s
	assert_output sit-and-reach
	run -0 words bk-test sit-and-reach 15 --protocol ''
	assert_output "$(printf '%s\n' ymca acsm)"
	# free text: nothing to offer
	run -0 words bk-log x --note ''
	assert_output ""
	run -0 words bk-plan new x --times ''
	assert_output ""
}

@test "complete: file names for --db, --output, import FILE and --template" {
	run -0 words bk-plan --db ''
	assert_output ":files"
	run -0 words bk-log -d ''
	assert_output ":files"
	run -0 words bk-stats plot flex --output ''
	assert_output ":files"
	run -0 words bk-log import ''
	assert_output "$(printf '%s\n' - :files)"
	run -0 words bk-plan new x --template jeff
	assert_output "$(printf '%s\n' jefferson-30 :files)"
	run -0 words bk-plan template up
	assert_output "$(printf '%s\n' upper-back-relief :files)"
	run -0 words bk-plan show ''
	[[ $output != *:files* ]]
}

@test "complete: exercise slugs and plan names from the store named on the line, never made" {
	bk-plan new morning --template back-mobility > /dev/null
	bk-plan new evening > /dev/null
	run -0 words bk-plan show ''
	assert_output "$(printf '%s\n' evening morning)"
	run -0 words bk-log session m
	assert_output morning
	run -0 words bk-plan add morning jeff
	assert_output $'jefferson-curl\tJefferson Curl'
	run -0 words bk-log done --except cat
	assert_output $'cat-cow\tCat-Cow'
	run -0 words bk-stats volume --plan e
	assert_output evening
	run -0 words bk-log jeff
	assert_output $'jefferson-curl\tJefferson Curl'
	# --db on the line, then BK_COMPLETE_DB, then the usual store
	local other="$BATS_TEST_TMPDIR/other.db"
	BK_DB=$other bk-plan new other > /dev/null
	run -0 words bk-plan --db "$other" show ''
	assert_output other
	run -0 words bk-plan --db="$other" show ''
	assert_output other
	BK_COMPLETE_DB=$other run -0 words bk-plan show ''
	assert_output other
	# a store that is not there is not made: the catalog answers alone
	run -0 words bk-plan -d "$BATS_TEST_TMPDIR/none.db" exercise jefferson-c
	assert_output $'jefferson-curl\tJefferson Curl'
	run -0 words bk-plan -d "$BATS_TEST_TMPDIR/none.db" show ''
	assert_output ""
	assert_file_not_exists "$BATS_TEST_TMPDIR/none.db"
	# the plain word lists, without descriptions
	run -0 bk-plan --complete exercises
	assert_line jefferson-curl
	run -2 --separate-stderr bk-plan --complete nonsense
	assert_err "bk-plan: invalid --complete 'nonsense'"
}

@test "complete: bk completes its own words and delegates to the command" {
	run -0 words bk ''
	assert_line $'plan\tthe exercise catalog, built-in programs, weekly plans'
	assert_line --regexp $'^config\t'
	assert_line --regexp $'^undo\t'
	run -0 words bk plan show --f
	assert_output $'--format\toutput (or file) format'
	run -0 words bk undo --d
	assert_output "$(printf '%s\t%s\n' --db 'the store to use' --dry-run 'write nothing, show what would be done')"
	run -0 words bk help b
	assert_output backkit
	run -0 words bk config w
	assert_output week_start
	run -0 words bk config --unset s
	assert_output sex
	run -0 words bk config units ''
	assert_output "$(printf '%s\n' metric imperial)"
	run -0 words bk config sex ''
	assert_output "$(printf '%s\n' male female)"
	run -0 words bk config birth_year ''
	assert_output ""
}

@test "complete: the scripts of every command are the same thin caller" {
	local c first="" body
	for c in bk bk-plan bk-log bk-test bk-stats; do
		# the list of options (below) left out
		body=$(sed "/^# options: /,/^# end of options/d; s/\\<$c\\>/CMD/g; s/\\<_${c//-/_}\\>/_CMD/g" "$TOP/completions/$c.bash"
			sed "/^# options: /,/^# end of options/d; s/\\<$c\\>/CMD/g" "$TOP/completions/$c.fish"
			sed "/^# options: /,/^# end of options/d; s/\\<$c\\>/CMD/g" "$TOP/completions/zsh/_$c")
		[[ $body == *"--complete words --"* ]] || fail "$c: no call of the helper"
		if [ -z "$first" ]; then first=$body; else assert_equal "$body" "$first"; fi
	done
}

@test "complete: every script names the options its command offers, as its option table has them" {
	local c f opt
	cp -R "$TOP/completions" "$BATS_TEST_TMPDIR/c"
	"$TOP/tests/completion-options.sh" "$BATS_TEST_TMPDIR/c"
	run -0 diff -r "$TOP/completions" "$BATS_TEST_TMPDIR/c"
	for c in bk-log bk-plan bk-stats bk-test; do
		for opt in $("$c" --complete options); do
			for f in "$TOP/completions/$c.bash" "$TOP/completions/$c.fish" "$TOP/completions/zsh/_$c"; do
				grep -q -- "$opt\>" "$f" || fail "$opt is not named in $f"
			done
			"$c" --help | grep -q -- "$opt\>" || [[ $opt == --complete ]] || fail "$c --help lacks $opt"
		done
	done
	# a script whose list went stale is found
	sed -i 's/ --since / /' "$BATS_TEST_TMPDIR/c/bk-log.bash"
	run -1 diff -r "$TOP/completions" "$BATS_TEST_TMPDIR/c"
}

@test "complete: bash offers the helper's words, without descriptions, and file names" {
	bk-plan new morning > /dev/null
	run -0 bash -c "source '$TOP/completions/bk-plan.bash'
		COMP_WORDS=(bk-plan exer); COMP_CWORD=1; _bk_plan; echo \"\${COMPREPLY[*]}\"
		COMP_WORDS=(bk-plan show --f); COMP_CWORD=2; _bk_plan; echo \"\${COMPREPLY[*]}\"
		COMP_WORDS=(bk-plan show m); COMP_CWORD=2; _bk_plan; echo \"\${COMPREPLY[*]}\"
		COMP_WORDS=(bk-plan exercise jefferson-c); COMP_CWORD=2; _bk_plan; echo \"\${COMPREPLY[*]}\"
		COMP_WORDS=(bk-plan show --week = ne); COMP_CWORD=4; _bk_plan; echo \"\${COMPREPLY[*]}\"
		cd '$TOP/tests/fixtures'
		COMP_WORDS=(bk-plan --db hevy); COMP_CWORD=2; _bk_plan; echo \"\${COMPREPLY[*]}\""
	assert_line --index 0 'exercises exercise'
	assert_line --index 1 '--format'
	assert_line --index 2 'morning'
	assert_line --index 3 'jefferson-curl'
	assert_line --index 4 'next-week next-month'
	assert_line --index 5 'hevy.csv hevy-lbs.csv'
	run -0 bash -c "source '$TOP/completions/bk.bash'
		COMP_WORDS=(bk p); COMP_CWORD=1; _bk; echo \"\${COMPREPLY[*]}\"
		COMP_WORDS=(bk log list --s); COMP_CWORD=3; _bk; echo \"\${COMPREPLY[*]}\"
		COMP_WORDS=(bk-test how s); COMP_CWORD=2; source '$TOP/completions/bk-test.bash'; _bk_test; echo \"\${COMPREPLY[*]}\"
		COMP_WORDS=(bk-stats plot a); COMP_CWORD=2; source '$TOP/completions/bk-stats.bash'; _bk_stats; echo \"\${COMPREPLY[*]}\""
	assert_line --index 0 'plan'
	assert_line --index 1 '--since'
	assert_line --index 2 'sit-and-reach'
	assert_line --index 3 'adherence'
}

@test "complete: fish offers the helper's words with their descriptions, and file names" {
	command -v fish > /dev/null || skip "no fish"
	bk-plan new morning > /dev/null
	fishc() {
		fish --no-config -c "source '$TOP/completions/$1.fish'; complete -C '$2'"
	}
	run -0 fishc bk-plan 'bk-plan show --f'
	assert_output $'--format\toutput (or file) format'
	run -0 fishc bk-plan 'bk-plan show m'
	assert_output morning
	run -0 fishc bk-plan 'bk-plan sh'
	assert_output show
	run -0 fishc bk-plan 'bk-plan exercise jefferson-c'
	assert_output $'jefferson-curl\tJefferson Curl'
	run -0 fishc bk-log "bk-log --db $TOP/tests/fixtures/hevy-l"
	assert_output "$TOP/tests/fixtures/hevy-lbs.csv"
	run -0 fishc bk 'bk log list --unt'
	assert_output $'--until\tup to this day'
	run -0 fishc bk 'bk config week_start '
	assert_output "$(printf '%s\n' monday sunday)"
}

@test "complete: zsh offers the helper's words with their descriptions, and file names" {
	command -v zsh > /dev/null || skip "no zsh"
	bk-plan new morning > /dev/null
	# the completion system's functions, stubbed to print what they get
	zshc() {
		local file=$1 prefix=$2
		shift 2
		zsh -f -c '_describe() { print -l -- "${(@P)${@[-1]}}" }
			_files() { print "(files)" }
			file=$1 PREFIX=$2; shift 2; words=("$@" "$PREFIX"); CURRENT=$#words
			source $file' zsh "$file" "$prefix" "$@"
	}
	run -0 zshc "$TOP/completions/zsh/_bk-plan" --f bk-plan show
	assert_output "--format:output (or file) format"
	run -0 zshc "$TOP/completions/zsh/_bk-plan" m bk-plan show
	assert_output morning
	run -0 zshc "$TOP/completions/zsh/_bk-log" '' bk-log --db
	assert_output "(files)"
	run -0 zshc "$TOP/completions/zsh/_bk" jefferson-c bk plan exercise
	assert_output "jefferson-curl:Jefferson Curl"
	run -0 zshc "$TOP/completions/zsh/_bk-stats" --o bk-stats plot flex
	assert_output "--output:plot: the image file"
}

@test "complete: every option a command takes is offered somewhere and is in its SYNOPSIS" {
	local cmd opt sub offered syn letters letter missing=""
	for cmd in bk-log bk-plan bk-test bk-stats; do
		offered=$(words "$cmd" --)
		run -0 "$cmd" --complete commands
		for sub in "${lines[@]}"; do
			offered+=$'\n'$(words "$cmd" "$sub" --)
		done
		offered+=$'\n'$(words "$cmd" exercise add --)
		syn=$(sed -n '/^\.Sh SYNOPSIS/,/^\.Sh DESCRIPTION/p' "$TOP/man/man1/$cmd.1")
		letters=$("$cmd" --complete letters)
		run -0 "$cmd" --complete options
		(( ${#lines[@]} > 5 ))
		for opt in "${lines[@]}"; do
			grep -q -- "^$opt"$'\t' <<< "$offered" || missing+=" $cmd:$opt(completions)"
			# .Fl -NAME, or .Fl X for its letter
			letter=$(awk -v o="$opt" '$2 == o { print substr($1, 2) }' <<< "$letters")
			grep -qE -- "(Fl |\\| )(\\\\)?-${opt#--}( |$)" <<< "$syn" ||
				{ [ -n "$letter" ] && grep -qE -- "Fl $letter( |$)" <<< "$syn"; } ||
				missing+=" $cmd:$opt(SYNOPSIS)"
		done
	done
	[ -z "$missing" ] || fail "missing:$missing"
}
