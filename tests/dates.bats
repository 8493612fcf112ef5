#!/usr/bin/env bats
# The one date rule (backkit(7) DATES): the parser's cases through the
# bk-unit driver, then the forms working through the commands. Today is
# pinned to Saturday 2026-11-21.

load common

unit() { "$TOP/build/bk-unit" "$@"; }

# the dates of the logged sets, one a line, in list order
logged_dates() {
	bk-log list --format csv "$@" | tail -n +2 | cut -d, -f2
}

@test "dates: every case of the rule (month ends, leap years, week starts, year bounds)" {
	run -0 --separate-stderr unit dates
	assert_output --regexp '^[0-9]+ cases, 0 failed$'
	assert_equal "$stderr" ""
}

@test "dates: a period's first and last day, weeks from Monday or Sunday" {
	run -0 unit span past 1 2026-03 2026 2024-02 'this week' last-week \
		'next month' 'last year' 2026-11-05 sow eom fri -1m
	assert_output "$(printf '%s\n' '2026-03-01 2026-03-31' \
		'2026-01-01 2026-12-31' '2024-02-01 2024-02-29' \
		'2026-11-16 2026-11-22' '2026-11-09 2026-11-15' \
		'2026-12-01 2026-12-31' '2025-01-01 2025-12-31' \
		'2026-11-05 2026-11-05' '2026-11-16 2026-11-16' \
		'2026-11-30 2026-11-30' '2026-11-20 2026-11-20' \
		'2026-10-21 2026-10-21')"
	run -0 unit span future 7 'this week' 'next week' sow eow fri
	assert_output "$(printf '%s\n' '2026-11-15 2026-11-21' \
		'2026-11-22 2026-11-28' '2026-11-15 2026-11-15' \
		'2026-11-21 2026-11-21' '2026-11-27 2026-11-27')"
	run -0 unit span past 0 today
	assert_output invalid
}

@test "dates: months and years clamp to the month's end; leap years" {
	BK_TODAY=2026-03-31 run -0 unit date -1m +1m -1y -13m
	assert_output "$(printf '%s\n' 2026-02-28 2026-04-30 2025-03-31 2025-02-28)"
	BK_TODAY=2024-02-29 run -0 unit date +1y -4y +12m
	assert_output "$(printf '%s\n' 2025-02-28 2020-02-29 2025-02-28)"
	BK_TODAY=2096-02-29 run -0 unit date +4y
	assert_output 2100-02-28
	BK_TODAY=1996-02-29 run -0 unit date +4y
	assert_output 2000-02-29
}

@test "dates: nothing outside 0001-01-01..9999-12-31" {
	BK_TODAY=0001-01-01 run -0 unit date today yesterday -1d -1m 'last week' \
		'last year' 0000-12
	assert_output "$(printf '%s\n' 0001-01-01 invalid invalid invalid \
		invalid invalid invalid)"
	BK_TODAY=9999-12-31 run -0 unit future today tomorrow +1d +1m 'next year' \
		eow 'this week' 9999 10000
	assert_output "$(printf '%s\n' 9999-12-31 invalid invalid invalid \
		invalid invalid invalid 9999-01-01 invalid)"
}

@test "bk-log: sets dated by weekday, offset, start of month, period" {
	run -0 --separate-stderr bk-log band-row 3x10 --date mon
	assert_output 'logged band-row 3x10 on 2026-11-16 (ids 1-3)'
	assert_equal "$stderr" ""
	run -0 bk-log band-row 1x10 --date -1m
	assert_output 'logged band-row 1x10 on 2026-10-21 (id 4)'
	run -0 bk-log band-row 1x10 --date som
	assert_output 'logged band-row 1x10 on 2026-11-01 (id 5)'
	run -0 bk-log band-row 1x10 --date 'last month'
	assert_output 'logged band-row 1x10 on 2026-10-01 (id 6)'
	run -0 bk-log band-row 1x10 --date 2026-03
	assert_output 'logged band-row 1x10 on 2026-03-01 (id 7)'
	run -0 bk-log band-row 1x10 --date last-year
	assert_output 'logged band-row 1x10 on 2025-01-01 (id 8)'
	run -0 bk-log cat-cow 2 --date sow
	assert_output --partial 'on 2026-11-16'
}

@test "bk-log list: --since and --until take every form" {
	local d
	for d in 2025-12-31 2026-01-01 2026-03-31 2026-10-20 2026-10-21 \
		2026-11-08 2026-11-09 2026-11-15 2026-11-16 2026-11-21; do
		run -0 bk-log band-row 1x10 --date "$d"
	done
	run -0 --separate-stderr logged_dates --since -1m
	assert_output "$(printf '%s\n' 2026-10-21 2026-11-08 2026-11-09 \
		2026-11-15 2026-11-16 2026-11-21)"
	assert_equal "$stderr" ""
	run -0 logged_dates --since 'last week' --until sun
	assert_output "$(printf '%s\n' 2026-11-09 2026-11-15)"
	run -0 logged_dates --since this-week
	assert_output "$(printf '%s\n' 2026-11-16 2026-11-21)"
	run -0 logged_dates --since 2026 --until 2026-03-31
	assert_output "$(printf '%s\n' 2026-01-01 2026-03-31)"
	run -0 logged_dates --since -1y --until -10m
	assert_output "$(printf '%s\n' 2025-12-31 2026-01-01)"
	run -0 logged_dates --since som
	assert_output "$(printf '%s\n' 2026-11-08 2026-11-09 2026-11-15 \
		2026-11-16 2026-11-21)"
}

@test "bk-stats volume: --since a month or a year" {
	run -0 bk-log band-row 1x10 --date 2026-02-28
	run -0 bk-log band-row 2x10 --date 2026-03-31
	run -0 bk-log band-row 1x8 --date 2026-11-20
	run -0 --separate-stderr bk-stats volume --since 2026-03 --by month --format csv
	assert_output "$(printf '%s\n' 'period,exercise,sets,reps,hold_seconds,load_kg,warmup_sets' \
		'2026-03,band-row,2,20,0,0,0' '2026-11,band-row,1,8,0,0,0')"
	assert_equal "$stderr" ""
	run -0 bk-stats volume --since this-year --until 2026-03-30 --by month --format csv
	assert_output "$(printf '%s\n' 'period,exercise,sets,reps,hold_seconds,load_kg,warmup_sets' \
		'2026-02,band-row,1,10,0,0,0')"
	run -0 bk-stats volume --since 'this month' --format csv
	assert_output "$(printf '%s\n' 'period,exercise,sets,reps,hold_seconds,load_kg,warmup_sets' \
		'2026-W47,band-row,1,8,0,0,0')"
}

@test "bk-plan new and bk-test: the next weekday for plans, the last for tests" {
	run -0 --separate-stderr bk-plan new p --start next-week
	assert_output --partial 'from Mon 2026-11-23'
	assert_equal "$stderr" ""
	run -0 bk-plan new q --start sun
	assert_output --partial 'from Sun 2026-11-22'
	run -0 bk-plan new r --start +1m
	assert_output --partial 'from Mon 2026-12-21'
	run -0 bk-plan new s --start eom
	assert_output --partial 'from Mon 2026-11-30'
	run -0 bk-plan new t --start 'next month'
	assert_output --partial 'from Tue 2026-12-01'
	run -0 bk-test toe-touch -10 --date sun
	assert_output 'toe-touch on 2026-11-15: -10 cm (id 1)'
	run -0 bk-test toe-touch -9 --date 'this month'
	assert_output 'toe-touch on 2026-11-01: -9 cm (id 2)'
}

@test "dates: bad and out-of-range dates are refused, exit 2, store unchanged" {
	local before
	run -0 bk-log band-row 1x10
	before=$(digest "$BK_DB")
	run -2 --separate-stderr bk-log band-row 3x10 --date 'last fortnight'
	assert_output ""
	assert_err "bk-log: invalid date 'last fortnight' (YYYY-MM-DD, YYYY-MM, YYYY, today, yesterday, tomorrow, a weekday, -3d, +2w, -1m, -1y, sow, eow, som, eom, soy, eoy, last|this|next week|month|year)"
	run -2 --separate-stderr bk-log band-row 3x10 --date lastweek
	assert_err_partial "invalid date 'lastweek'"
	run -2 --separate-stderr bk-log list --since 2026-13
	assert_output ""
	assert_err_partial "invalid date '2026-13'"
	run -2 --separate-stderr bk-log band-row 3x10 --date eom
	assert_err "bk-log: invalid date 'eom': it is after today"
	BK_TODAY=0001-01-01 run -2 --separate-stderr bk-log band-row 3x10 --date yesterday
	assert_output ""
	assert_err_partial "invalid date 'yesterday'"
	run -2 --separate-stderr bk-stats volume --since 10000
	assert_output ""
	assert_err_partial "invalid date '10000' for --since"
	BK_TODAY=9999-12-31 run -2 --separate-stderr bk-plan new p --start tomorrow
	assert_output ""
	assert_err "bk-plan: invalid --start 'tomorrow' (YYYY-MM-DD, YYYY-MM, YYYY, today, yesterday, tomorrow, a weekday, -3d, +2w, -1m, -1y, sow, eow, som, eom, soy, eoy, last|this|next week|month|year)"
	run -2 --separate-stderr bk-plan new p --start +1x
	assert_err_partial "invalid --start '+1x'"
	assert_equal "$(digest "$BK_DB")" "$before"
}

@test "backkit(7) DATES names every form the parser takes, and each parses" {
	local section form
	section=$(mandoc -Tutf8 -Owidth=200 "$TOP/man/man7/backkit.7" | col -b |
		sed -n '/^DATES/,/^ENVIRONMENT/p')
	[ -n "$section" ] || fail "no DATES section in backkit(7)"
	for form in YYYY-MM-DD today yesterday tomorrow -3d +2w -1m +1y sow eow \
		som eom soy eoy 'mon .. sun' 'monday .. sunday' 'YYYY-MM, YYYY' \
		'last|this|next week|month|year' "'last week'" last-week \
		0001-01-01 9999-12-31; do
		[[ $section == *"$form"* ]] || fail "DATES does not name '$form'"
	done
	# and the examples given there hold
	BK_TODAY=2026-03-31 run -0 unit date -1m
	assert_output 2026-02-28
	BK_TODAY=2024-02-29 run -0 unit date +1y
	assert_output 2025-02-28
	run -0 unit span past 1 2026-03 'last week' last-week
	assert_output "$(printf '%s\n' '2026-03-01 2026-03-31' \
		'2026-11-09 2026-11-15' '2026-11-09 2026-11-15')"
}

@test "--until a period is its last day, --since its first, in every command" {
	run -0 bk-log band-row 1x10 --date 2026-02-28
	run -0 bk-log band-row 2x10 --date 2026-03-31
	run -0 bk-log band-row 1x8 --date 2026-04-01
	run -0 bk-test pain 3 --date 2026-03-31
	run -0 bk-test pain 2 --date 2026-04-01
	run -0 bash -c "bk-log list --since 2026-03 --until 2026-03 --format csv | cut -d, -f2 | tail -n +2"
	assert_output "$(printf '2026-03-31\n2026-03-31')"
	run -0 bk-stats volume --until 2026-03 --by month --format csv
	assert_output "$(printf '%s\n' 'period,exercise,sets,reps,hold_seconds,load_kg,warmup_sets' \
		'2026-02,band-row,1,10,0,0,0' '2026-03,band-row,2,20,0,0,0')"
	run -0 bash -c "bk-test list --until 2026-03 --format csv | tail -n +2 | cut -d, -f2"
	assert_output 2026-03-31
	# a week: from its Monday to its Sunday (2026-03-30 to 2026-04-05)
	run -0 bash -c "bk-log list --since 'last week' --until 'last week' --format csv | tail -n +2 | wc -l"
	assert_output 0
	BK_TODAY=2026-04-08 run -0 bash -c "bk-log list --since 'last week' --until 'last week' --format csv | cut -d, -f2 | tail -n +2"
	assert_output "$(printf '2026-03-31\n2026-03-31\n2026-04-01')"
	BK_TODAY=2026-04-08 run -0 bash -c "bk-stats volume --since last-week --until last-week --by day --format csv | cut -d, -f1 | tail -n +2"
	assert_output "$(printf '2026-03-31\n2026-04-01')"
}
