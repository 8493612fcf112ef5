#!/usr/bin/env bats
# Reports cost the days with data, not the calendar span: a plan started
# in year 1 reports what the same plan started a year ago does, fast.

load common

# history START [DB]: a weekly plan 'w' (cat-cow 2x10 on mon, wed, fri)
# from START, with a few sets in November 2026 (today is Sat 2026-11-21):
# done on 11-13, 11-16, 11-18 and 11-20, partly on 11-11, skipped 11-09
history() {
	local d
	export BK_DB="${2:-$BK_DB}"
	bk-plan new w --on mon,wed,fri --start "$1" > /dev/null
	bk-plan add w cat-cow 2x10 > /dev/null
	for d in 2026-11-13 2026-11-16 2026-11-18 2026-11-20; do
		bk-log cat-cow 2x10 --date "$d" > /dev/null
	done
	bk-log cat-cow 1x10 --date 2026-11-11 > /dev/null
	bk-log skip cat-cow --date 2026-11-09 > /dev/null
}

# the lines of the summary's plans and streak, the plan's "from" left out
summary_numbers() {
	bk-stats summary | grep -E '^    |^  (current|longest)'
}

@test "spans: a weekly plan from year 1 reports what the same plan from a year ago does" {
	old="$BATS_TEST_TMPDIR/old.db" new="$BATS_TEST_TMPDIR/new.db"
	history 0001-01-01 "$old"
	# nothing logged before November 2026: the weekdays count from a year
	# before today, as if the plan had started then
	history 2025-11-21 "$new"
	for cmd in "adherence --format csv" "adherence --by month --format csv" \
		"adherence --by day --format csv" "streak --format csv"; do
		# shellcheck disable=SC2086
		run -0 --separate-stderr env BK_DB="$old" bk-stats $cmd
		[ -z "$stderr" ]
		o=$output
		# shellcheck disable=SC2086
		run -0 env BK_DB="$new" bk-stats $cmd
		[ "$o" = "$output" ]
	done
	BK_DB=$old run -0 summary_numbers
	o=$output
	BK_DB=$new run -0 summary_numbers
	[ "$o" = "$output" ]
	# and the numbers are the right ones: 157 weekdays from 2025-11-21 to
	# 2026-11-21 (mon, wed, fri), today's item done
	BK_DB=$old run -0 bk-stats summary
	assert_line '  w (from 0001-01-01)'
	assert_line '    adherence: 4 of 157 done (3%), 1 partly, 1 skipped, 151 missed'
	assert_line '    this week: 3 of 3 done'
	assert_line '  current: 11 days, since 2026-11-11'
	# the part after 2026-01-01 is the plan started 2026-01-01's
	new2="$BATS_TEST_TMPDIR/new2.db"
	history 2026-01-01 "$new2"
	for cmd in "adherence --since 2026-01-01 --by month --format csv" \
		"streak --since 2026-01-01 --format csv"; do
		# shellcheck disable=SC2086
		run -0 env BK_DB="$old" bk-stats $cmd
		o=$output
		# shellcheck disable=SC2086
		run -0 env BK_DB="$new2" bk-stats $cmd
		[ "$o" = "$output" ]
	done
	BK_DB=$new2 run -0 bk-stats adherence --format csv
	# W01: Friday 2026-01-02 only; then three a week to today's
	assert_line --index 0 'period,plan,planned,done,skipped,percent,partly'
	assert_line --index 1 '2026-W01,w,1,0,0,0,0'
	assert_line --index 2 '2026-W02,w,3,0,0,0,0'
	assert_line --index 46 '2026-W46,w,3,1,1,33.3,1'
	assert_line --index 47 '2026-W47,w,3,3,0,100,0'
	[ "${#lines[@]}" -eq 48 ]
}

@test "spans: the weekdays count from the first set when it is more than a year back" {
	old="$BATS_TEST_TMPDIR/old.db" new="$BATS_TEST_TMPDIR/new.db"
	history 0001-01-01 "$old"
	BK_DB=$old bk-log cat-cow 2x10 --date 2025-06-02 > /dev/null
	history 2025-06-02 "$new"
	BK_DB=$new bk-log cat-cow 2x10 --date 2025-06-02 > /dev/null
	BK_DB=$old run -0 bk-stats adherence --by month --format csv
	assert_line --index 1 '2025-06,w,13,1,0,7.7,0'
	o=$output
	BK_DB=$new run -0 bk-stats adherence --by month --format csv
	[ "$o" = "$output" ]
	BK_DB=$old run -0 summary_numbers
	assert_line '    adherence: 5 of 231 done (2%), 1 partly, 1 skipped, 224 missed'
	o=$output
	BK_DB=$new run -0 summary_numbers
	[ "$o" = "$output" ]
}

@test "spans: a window from year 1 walks only the days since data, bounded" {
	history 0001-01-01
	# the report's rows are the weeks of the last year, not 105,000 weeks
	run -0 --separate-stderr timeout 5 bk-stats adherence --since 0001-01-01 --by month --format csv
	[ -z "$stderr" ]
	assert_line --index 1 '2025-11,w,4,0,0,0,0'
	[ "${#lines[@]}" -eq 14 ]
	o=$output
	run -0 bk-stats adherence --since 2025-11-21 --by month --format csv
	[ "$o" = "$output" ]
	run -0 timeout 5 bk-stats adherence --since 0001-01-01 --by day --format csv
	[ "${#lines[@]}" -eq 158 ]
	# an end far in the past: a year before it, nothing after
	run -0 timeout 5 bk-stats adherence --until 0002-01-01 --by month --format csv
	assert_line --index 1 '0001-01,w,14,0,0,0,0'
	[ "${#lines[@]}" -eq 13 ]
	run -0 timeout 5 bk-stats summary
	assert_line '    adherence: 4 of 157 done (3%), 1 partly, 1 skipped, 151 missed'
	run -0 timeout 5 bk-stats streak --since 0001-01-01 --format csv
	assert_line --index 1 '11,2026-11-11,11,2026-11-11,2026-11-21,2026-11-20'
}

@test "spans: a set in year 1 does not make the streak walk the years between" {
	history 0001-01-01
	bk-log cat-cow 2x10 --date 0001-01-03 > /dev/null
	run -0 --separate-stderr timeout 5 bk-stats streak --format csv
	[ -z "$stderr" ]
	# Wed 0001-01-03 is done, Fri 0001-01-05 is due and missed
	assert_output 'current_days,current_since,longest_days,longest_from,longest_to,last_active
11,2026-11-11,11,2026-11-11,2026-11-21,2026-11-20'
	run -0 timeout 5 bk-stats streak --until 0001-12-31 --format csv
	assert_line --index 1 '0,,2,0001-01-03,0001-01-04,0001-01-03'
}

@test "spans: a streak over a plan with nothing due runs through the days between" {
	# a plan that trains nothing keeps every day it covers
	bk-plan new rest --start 2026-10-01 > /dev/null
	bk-log cat-cow 2x10 --date 2026-10-05 > /dev/null
	bk-log cat-cow 2x10 --date 2026-11-20 > /dev/null
	run -0 bk-stats streak --format csv
	assert_line --index 1 '48,2026-10-05,48,2026-10-05,2026-11-21,2026-11-20'
	# without a plan, the days between break the run
	bk-plan rm rest > /dev/null
	run -0 bk-stats streak --format csv
	assert_line --index 1 '1,2026-11-20,1,2026-11-20,2026-11-20,2026-11-20'
}

@test "spans: dated items count whatever their date" {
	printf 'length 3 days\ndaily: cat-cow 2x10\n' > "$BATS_TEST_TMPDIR/t.plan"
	bk-plan new t --template "$BATS_TEST_TMPDIR/t.plan" --start 0001-01-01 > /dev/null
	run -0 timeout 5 bk-stats summary
	assert_line '    adherence: 0 of 3 done (0%), 0 partly, 0 skipped, 3 missed'
	run -0 bk-stats adherence --format csv
	assert_output 'period,plan,planned,done,skipped,percent,partly
0001-W01,t,3,0,0,0,0'
}

@test "spans: bk-plan new --days keeps a template under the item cap" {
	for _ in $(seq 10); do echo 'daily: cat-cow'; done > "$BATS_TEST_TMPDIR/t.plan"
	# 10 rules a day: 2001 days are 20,010 items
	run -2 --separate-stderr bk-plan new big --template "$BATS_TEST_TMPDIR/t.plan" --days 2001
	assert_equal "${stderr_lines[0]}" "bk-plan: invalid --days '2001': the template would make more than 20000 plan items over 2001 days (fewer days or fewer rules)"
	[ -z "$output" ]
	[ ! -e "$BK_DB" ]
	run -2 --separate-stderr bk-plan new big --template "$BATS_TEST_TMPDIR/t.plan" --days 3660 --on mon
	assert_equal "${stderr_lines[0]}" "bk-plan: invalid --days '3660': the template would make more than 20000 plan items over 3660 days (fewer days or fewer rules)"
	[ ! -e "$BK_DB" ]
	# a store that exists is left as it was
	bk-plan new small --template "$BATS_TEST_TMPDIR/t.plan" --days 2 > /dev/null
	before=$(digest "$BK_DB")
	run -2 --separate-stderr bk-plan new big --template "$BATS_TEST_TMPDIR/t.plan" --days 2001
	[ "$(digest "$BK_DB")" = "$before" ]
	# at the cap, the plan is made with every item
	run -0 bk-plan new full --template "$BATS_TEST_TMPDIR/t.plan" --days 2000 --on mon,tue
	run -0 sqlite3 "$BK_DB" "SELECT count(*) FROM plan_items pi JOIN plans p ON p.id = pi.plan_id WHERE p.name = 'full'"
	assert_output 20000
}
