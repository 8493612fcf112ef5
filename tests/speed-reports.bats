#!/usr/bin/env bats
# The reports read the set log through the indexes left and the shape an
# import tells the planner: they say what they said before.

load common

q() {
	sqlite3 "$BK_DB" "$@"
}

history() {
	cat > "$BATS_TEST_TMPDIR/h.csv" <<'CSV'
date,time,exercise,exercise_name,set,side,reps,hold_s,load_kg,rpe,skipped,reason,note,plan,key,set_type,distance_m
2026-11-10,08:00,cat-cow,,1,,5,,,,0,,,,a1,normal,
2026-11-14,08:00,cat-cow,,1,,5,,,,0,,,,a2,normal,
2026-11-15,08:00,cat-cow,,1,,5,,,,0,,,,a3,normal,
2026-11-16,08:00,cat-cow,,1,,5,,,,0,,,,a4,normal,
2026-11-17,08:00,cat-cow,,1,,5,,,,0,,,,b1,normal,
2026-11-17,08:00,cat-cow,,2,,5,,,,0,,,,b2,normal,
2026-11-17,08:05,cat-cow,,1,,8,,,,0,,,,b3,warmup,
2026-11-18,08:00,cat-cow,,1,,,,,,1,tired,,,b4,normal,
2026-11-19,08:00,band-row,,1,,10,,5,,0,,,,c1,normal,
2026-11-20,08:00,band-row,,1,,10,,5,,0,,,,c2,normal,
CSV
	bk-log import "$BATS_TEST_TMPDIR/h.csv"
}

@test "reports: the summary's week, bk-stats volume and the streak agree after an import" {
	run -0 history
	# the import told the planner how the set log is spread
	run -0 q "SELECT count(*) > 0 FROM sqlite_stat1 WHERE tbl = 'sets'"
	assert_output 1
	run -0 --separate-stderr bk-stats volume --since 2026-11-16 --by week --format csv
	assert_output "$(printf '%s\n' period,exercise,sets,reps,hold_seconds,load_kg,warmup_sets \
		2026-W47,band-row,2,20,0,100,0 2026-W47,cat-cow,3,15,0,0,1)"
	run -0 --separate-stderr bk-stats summary
	assert_line '  band-row                  2 sets     20 reps  100 kg moved'
	assert_line '  cat-cow                   3 sets     15 reps  (+1 warm-up)'
	# a day with a skip only breaks the run; today breaks nothing yet
	assert_line '  current: 2 days, since 2026-11-19'
	assert_line '  longest: 4 days, 2026-11-14 to 2026-11-17'
	assert_line '  last active: 2026-11-20'
	run -0 --separate-stderr bk-stats streak --format csv
	assert_output "$(printf '%s\n' current_days,current_since,longest_days,longest_from,longest_to,last_active \
		2,2026-11-19,4,2026-11-14,2026-11-17,2026-11-20)"
	# the same over a window, and for one exercise
	run -0 --separate-stderr bk-stats streak --since 2026-11-15 --format csv
	assert_line 2,2026-11-19,3,2026-11-15,2026-11-17,2026-11-20
	run -0 --separate-stderr bk-stats streak --exercise band-row --format csv
	assert_line 2,2026-11-19,2,2026-11-19,2026-11-20,2026-11-20
}

@test "reports: an empty log has no streak, and a week with nothing logged says so" {
	run -0 --separate-stderr bk-stats streak --format csv
	assert_output "$(printf '%s\n' current_days,current_since,longest_days,longest_from,longest_to,last_active 0,,0,,,)"
	run -0 --separate-stderr bk-stats summary
	assert_line '  nothing logged yet'
	assert_line '  no sets logged yet'
	run -2 --separate-stderr bk-stats streak --since bogus
	assert_output ""
	[[ "$stderr" == "bk-stats: invalid date 'bogus' for --since ("* ]]
}
