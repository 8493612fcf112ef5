#!/usr/bin/env bats
# On a terminal, tables and exercise cards fit its width ($COLUMNS, else
# the terminal's): long text cut with an ellipsis, numbers never cut, a
# table too wide for any cut shown as records. CSV, TSV, JSON and output
# to a pipe or a file are never cut.

load common

NOTE='a long note about how the set felt today, rather long indeed'

setup() {
	unset COLUMNS
	run -0 bk-log cat-cow 2x10
	run -0 bk-log band-row 3x8@12.5kg --note "$NOTE"
	run -0 bk-log hip-flexor-stretch 1x5 --hold 10s --side both
}

# run a command on a terminal (script(1)): $1 the terminal's columns (0:
# leave the terminal's size unset), the rest the command line; output
# with the terminal's CRs taken out
on_tty() {
	local cols=$1
	shift
	if [ "$cols" -gt 0 ]; then
		script -qec "stty cols $cols rows 30; $*" /dev/null | tr -d '\r'
	else
		script -qec "$*" /dev/null | tr -d '\r'
	fi
}

# the widest line of the output, in columns
widest() {
	printf '%s\n' "$output" | wc -L
}

@test "COLUMNS=80: bk-log list is a table that fits, the note cut with an ellipsis" {
	# without a width the table is as wide as its longest note
	run -0 on_tty 0 bk-log list
	assert_line --partial "$NOTE"
	[ "$(widest)" -gt 100 ]
	COLUMNS=80 run -0 on_tty 0 bk-log list
	[ "$(widest)" -le 80 ] || fail "$(widest) columns: $output"
	# the headers wider than their numbers are cut too, the others whole
	assert_line --index 0 --regexp '^id +date +time +exercise +set +side +reps +hold_s +load_… +skipp… +note +set_t…$'
	assert_line --index 1 --regexp '^-- +---------- +----- +[- ]+$'
	assert_line --regexp '^ *4 +2026-11-21 +[0-9:]+ +band-row +2 +8 +12\.5 +0 +a long [a-z ]*… +normal$'
	refute_output --partial "$NOTE"
	# the numbers are whole and right-aligned; the slug is cut, in its column
	assert_line --regexp '^ *6 .* hip-fle… +1 +left +5 +10 +0 +normal$'
}

@test "COLUMNS=40: bk-log list fits 40 columns, as one record a row" {
	COLUMNS=40 run -0 on_tty 0 bk-log list
	[ "$(widest)" -le 40 ] || fail "$(widest) columns: $output"
	assert_line --index 0 --regexp '^id: +1$'
	assert_line 'exercise:   band-row'
	assert_line 'load_kg:    12.5'
	assert_line --regexp '^note: +a long note about how the s…$'
	# a record a row, a blank line between them; empty cells left out
	assert_equal "$(grep -c '^id:' <<< "$output")" 7
	assert_equal "$(grep -c '^$' <<< "$output")" 6
	refute_line --regexp '^rpe:'
}

@test "the terminal's own width when COLUMNS is not set (or not a number)" {
	run -0 on_tty 40 bk-log list
	[ "$(widest)" -le 40 ] || fail "$(widest) columns: $output"
	assert_line --regexp '^note: +a long note about how the s…$'
	# (the shell script(1) runs sets COLUMNS after stty: env sets it here)
	run -0 on_tty 90 env COLUMNS=abc bk-log list
	[ "$(widest)" -le 90 ] || fail "$(widest) columns: $output"
	assert_line --index 0 --regexp '^id +date +time'
	run -0 on_tty 40 env COLUMNS=0 bk-log list
	[ "$(widest)" -le 40 ] || fail "$(widest) columns: $output"
	# COLUMNS wins over the terminal
	run -0 on_tty 40 env COLUMNS=200 bk-log list
	assert_line --partial "$NOTE"
}

@test "wide characters and escapes are cut whole, within the column" {
	run -0 bk-log cat-cow 1x5 --note "$(printf '背中のストレッチはとても気持ちがいいです\033[31mred')"
	COLUMNS=80 run -0 on_tty 0 bk-log list
	[ "$(widest)" -le 80 ] || fail "$(widest) columns: $output"
	# a character two columns wide does not fit the column's last one
	assert_line --regexp ' 背中の…  normal$'
	refute_output --partial $'\033'
	COLUMNS=40 run -0 on_tty 0 bk-log list
	[ "$(widest)" -le 40 ] || fail "$(widest) columns: $output"
	assert_line --regexp '^note: +背中のストレッチはとても気…$'
}

@test "a table too wide to cut is records: bk-stats volume at 40 columns, a table at 60" {
	COLUMNS=40 run -0 on_tty 0 bk-stats volume
	[ "$(widest)" -le 40 ] || fail "$(widest) columns: $output"
	assert_line --index 0 --regexp '^period: +2026-W47$'
	assert_line --regexp '^hold_seconds: +100$'
	COLUMNS=60 run -0 on_tty 0 bk-stats volume
	[ "$(widest)" -le 60 ] || fail "$(widest) columns: $output"
	assert_line --index 0 --regexp '^period +exercise +sets +reps +hold_seconds +load_kg +warmup_sets$'
	assert_line --regexp '^2026-W47 +band-row +3 +24 +0 +300 +0$'
}

@test "exercise cards wrap to the width, losing no word" {
	run -0 on_tty 0 bk-plan exercise cat-cow
	local wide=$output
	[ "$(widest)" -le 76 ]
	[ "$(widest)" -gt 60 ]
	COLUMNS=40 run -0 on_tty 0 bk-plan exercise cat-cow
	[ "$(widest)" -le 40 ] || fail "$(widest) columns: $output"
	assert_line --index 0 'Cat-Cow (cat-cow)'
	assert_line --index 1 'regions:   mid-back lower-back'
	# the same words, in the same order
	assert_equal "$(tr -s ' \n' '  ' <<< "$output")" "$(tr -s ' \n' '  ' <<< "$wide")"
	run -0 on_tty 40 bk-plan exercise cat-cow
	[ "$(widest)" -le 40 ] || fail "$(widest) columns: $output"
	# a terminal too narrow for the labels still gets every word
	COLUMNS=10 run -0 on_tty 0 bk-plan exercise cat-cow
	[ "$(widest)" -le 31 ]
	assert_equal "$(tr -s ' \n' '  ' <<< "$output")" "$(tr -s ' \n' '  ' <<< "$wide")"
}

@test "piped output, files, CSV, TSV and JSON are never cut" {
	run -0 bash -c 'bk-log list --format table | cat'
	local table=$output
	assert_line --partial "$NOTE"
	COLUMNS=40 run -0 bash -c 'bk-log list --format table | cat'
	assert_equal "$output" "$table"
	COLUMNS=40 run -0 bash -c 'bk-plan exercise cat-cow | cat'
	[ "$(widest)" -gt 60 ]
	local f
	for f in csv tsv json; do
		run -0 bk-log list --format "$f"
		local piped=$output
		assert_output --partial "$NOTE"
		COLUMNS=40 run -0 on_tty 0 bk-log list --format "$f"
		assert_equal "$output" "$piped"
	done
}
