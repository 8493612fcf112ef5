#!/usr/bin/env bats
# bk-test progress: first, best, latest, change, the least-squares trend
# and the projected day the reach gets to the floor.

load common

# a toe-touch test per argument "DATE:REACH..." (tries separated by commas)
tests() {
	local t date
	for t in "$@"; do
		date=${t%%:*}
		IFS=, read -r -a tries <<< "${t#*:}"
		bk-test toe-touch --date "$date" -- "${tries[@]}" > /dev/null
	done
}

@test "progress: -20, -18, -16, -14 cm a week apart rise 2 cm a week and reach the floor 7 weeks after the last" {
	tests 2026-10-31:-20 2026-11-07:-18 2026-11-14:-16 2026-11-21:-14
	run -0 bk-test progress toe-touch --format table
	assert_output "$(cat <<-'EOF'
	toe-touch: 4 tests, 2026-10-31 to 2026-11-21
	  first    -20 cm on 2026-10-31
	  best     -14 cm on 2026-11-21
	  latest   -14 cm on 2026-11-21
	  change   +6 cm since the first test
	  trend    +2 cm a week over 4 tests, rising
	  floor    2027-01-09 on this trend, 7 weeks after the latest test
	EOF
	)"
	# 2027-01-09 is 49 days after 2026-11-21
	assert_equal "$(date -u -d '2026-11-21 + 49 days' +%F)" 2027-01-09
	run -0 bk-test progress toe-touch --format csv
	assert_output "$(printf '%s\n' \
		'kind,tests,unit,first_date,first,best_date,best,latest_date,latest,change,per_week,trend,projected_date,levels,region' \
		'toe-touch,4,cm,2026-10-31,-20,2026-11-21,-14,2026-11-21,-14,6,2,rising,2027-01-09,,')"
}

@test "progress: the projection follows the fitted line, not the last two points" {
	# slope 0.2 cm a day; the line meets 0 at day 50.5, so on day 51
	tests 2026-10-01:-10 2026-10-08:-9 2026-10-15:-7 2026-10-22:-6
	run -0 bk-test progress toe-touch --format csv
	assert_line --index 1 'toe-touch,4,cm,2026-10-01,-10,2026-10-22,-6,2026-10-22,-6,4,1.4,rising,2026-11-21,,'
	run -0 bk-test progress --format table
	assert_line '  floor    2026-11-21 on this trend, 30 days after the latest test'
}

@test "progress: a flat trend does not project" {
	tests 2026-11-01:-15 2026-11-08:-15 2026-11-15:-15
	run -0 bk-test progress --format table
	assert_line '  trend    flat (0 cm a week over 3 tests): at this rate the reach does not get to the floor'
	refute_line --partial 'floor    '
	run -0 bk-test progress --format csv
	assert_line --index 1 'toe-touch,3,cm,2026-11-01,-15,2026-11-01,-15,2026-11-15,-15,0,0,flat,,,'
}

@test "progress: a falling trend does not project" {
	tests 2026-11-01:-14 2026-11-08:-16 2026-11-15:-18
	run -0 bk-test progress toe-touch --format table
	assert_line '  trend    -2 cm a week over 3 tests, falling: no date for the floor while the reach shrinks'
	assert_line '  best     -14 cm on 2026-11-01'
	assert_line '  change   -4 cm since the first test'
	refute_line --partial 'on this trend'
	run -0 bk-test progress toe-touch --format csv
	assert_line --index 1 'toe-touch,3,cm,2026-11-01,-14,2026-11-01,-14,2026-11-15,-18,-4,-2,falling,,,'
}

@test "progress: one test, or tests on one day only, give no trend" {
	tests 2026-11-10:-12,-11,-13
	run -0 bk-test progress --format table
	assert_output "$(cat <<-'EOF'
	toe-touch: 1 test, 2026-11-10 to 2026-11-10
	  first    -11 cm on 2026-11-10
	  best     -11 cm on 2026-11-10
	  latest   -11 cm on 2026-11-10
	  change   0 cm since the first test
	  trend    none: too few tests for a trend (3 over 14 days or more)
	EOF
	)"
	run -0 bk-test progress --format csv
	assert_line --index 1 'toe-touch,1,cm,2026-11-10,-11,2026-11-10,-11,2026-11-10,-11,0,,none,,,'
	# a second test the same day is the same test day: its best try
	tests 2026-11-10:-9
	run -0 bk-test progress --format table
	assert_line 'toe-touch: 1 test, 2026-11-10 to 2026-11-10'
	assert_line '  best     -9 cm on 2026-11-10'
	assert_line '  trend    none: too few tests for a trend (3 over 14 days or more)'
	# three tests over 11 days are still too few
	tests 2026-11-15:-8 2026-11-21:-7
	run -0 bk-test progress --format csv
	assert_line --index 1 'toe-touch,3,cm,2026-11-10,-9,2026-11-21,-7,2026-11-21,-7,2,,none,,,'
	tests 2026-10-28:-10
	run -0 bk-test progress --format csv
	assert_line --index 1 --regexp '^toe-touch,4,cm,.*,rising,'
}

@test "progress: each test counts once, by its best try" {
	tests 2026-11-01:-30,-20,-25 2026-11-08:-19,-18 2026-11-15:-16,-17,-40
	run -0 bk-test progress --format csv
	assert_line --index 1 'toe-touch,3,cm,2026-11-01,-20,2026-11-15,-16,2026-11-15,-16,4,2,rising,2027-01-10,,'
}

@test "progress: at or past the floor there is nothing to project" {
	tests 2026-11-01:-4 2026-11-08:-2 2026-11-15:+1
	run -0 bk-test progress --format table
	assert_line '  floor    reached: the latest reach is at or past the floor'
	run -0 bk-test progress --format csv
	assert_line --index 1 --regexp ',rising,,,$'
}

@test "progress: level words show as a progression and stay out of the trend" {
	tests 2026-10-01:knees 2026-10-08:shins 2026-10-15:shins,knees 2026-10-22:ankles
	run -0 bk-test progress --format table
	assert_output "$(cat <<-'EOF'
	toe-touch: 4 tests, 2026-10-01 to 2026-10-22
	  trend    none: level words do not enter the trend; measure to see one
	  levels   knees → shins → ankles (best ankles on 2026-10-22)
	EOF
	)"
	run -0 bk-test progress --format csv
	assert_line --index 1 'toe-touch,4,cm,,,,,,,,,none,,knees → shins → ankles,'
	# numbers later: the trend uses them alone
	tests 2026-10-31:-20 2026-11-07:-18 2026-11-14:-16 2026-11-21:-14
	run -0 bk-test progress --format csv
	assert_line --index 1 'toe-touch,8,cm,2026-10-31,-20,2026-11-21,-14,2026-11-21,-14,6,2,rising,2027-01-09,knees → shins → ankles,'
}

@test "progress: --since and --until narrow the series" {
	tests 2026-09-01:-40 2026-10-31:-20 2026-11-07:-18 2026-11-14:-16 2026-11-21:-14
	run -0 bk-test progress --since 2026-10-01 --format csv
	assert_line --index 1 --regexp '^toe-touch,4,cm,2026-10-31,-20,.*,2027-01-09,,$'
	run -0 bk-test progress --until 2026-11-07 --format csv
	assert_line --index 1 --regexp '^toe-touch,3,cm,2026-09-01,-40,'
	run -0 bk-test progress toe-touch --since 2026-12-01 --format table
	assert_output 'toe-touch: no tests since 2026-12-01'
}

@test "progress: sit-and-reach projects to the toes, pain falls for the better" {
	bk-test sit-and-reach 11 --date 2026-11-01
	bk-test sit-and-reach 12 --date 2026-11-08
	bk-test sit-and-reach 13 --date 2026-11-15
	bk-test pain 6 --date 2026-11-01 --region lower-back
	bk-test pain 5 --date 2026-11-08 --region lower-back
	bk-test pain 9 --date 2026-11-08 --region neck > /dev/null
	bk-test pain 4 --date 2026-11-15 --region lower-back
	run -0 bk-test progress sit-and-reach --format table
	assert_line '  trend    +2.5 cm a week over 3 tests, rising'
	assert_line '  toes     2026-11-29 on this trend, 2 weeks after the latest test'
	run -0 bk-test progress pain --region lower-back --format table
	assert_output "$(cat <<-'EOF'
	pain (lower-back): 3 tests, 2026-11-01 to 2026-11-15
	  first    6/10 on 2026-11-01
	  best     4/10 on 2026-11-15
	  latest   4/10 on 2026-11-15
	  change   -2 since the first test
	  trend    -1 a week over 3 tests, falling (better)
	  0/10     2026-12-13 on this trend, 4 weeks after the latest rating
	EOF
	)"
	run -0 bk-test progress pain --format csv
	# one row per region, never the regions pooled
	assert_output "$(printf '%s\n' \
		'kind,tests,unit,first_date,first,best_date,best,latest_date,latest,change,per_week,trend,projected_date,levels,region' \
		'pain,3,rating,2026-11-01,6,2026-11-15,4,2026-11-15,4,-2,-1,falling,2026-12-13,,lower-back' \
		'pain,1,rating,2026-11-08,9,2026-11-08,9,2026-11-08,9,0,,none,,,neck')"
	# without a kind, every kind with tests; --region keeps pain alone
	run -0 bk-test progress --format csv
	assert_equal "${#lines[@]}" 4
	assert_line --index 1 --regexp '^sit-and-reach,3,cm,2026-11-01,-10.16,'
	run -0 bk-test progress --region neck --format csv
	assert_equal "${#lines[@]}" 2
	assert_line --index 1 'pain,1,rating,2026-11-08,9,2026-11-08,9,2026-11-08,9,0,,none,,,neck'
	run -2 --separate-stderr bk-test progress toe-touch --region neck
	assert_err_partial "option --region applies to pain only"
}

@test "progress: shown in inches under units = imperial, CSV stays in cm" {
	mkdir -p "$XDG_CONFIG_HOME/backkit"
	echo 'units = imperial' > "$XDG_CONFIG_HOME/backkit/config"
	tests 2026-10-31:-8in 2026-11-07:-7in 2026-11-14:-6in
	run -0 bk-test progress --format table
	assert_line '  first    -8 in on 2026-10-31'
	assert_line '  trend    +1 in a week over 3 tests, rising'
	assert_line '  floor    2026-12-26 on this trend, 6 weeks after the latest test'
	run -0 bk-test progress --format csv
	assert_line --index 1 'toe-touch,3,cm,2026-10-31,-20.32,2026-11-14,-15.24,2026-11-14,-15.24,5.08,2.54,rising,2026-12-26,,'
}

@test "progress: nothing recorded, JSON, and bad arguments" {
	run -0 bk-test progress --format table
	assert_output 'no tests'
	run -0 bk-test progress --format csv
	assert_output 'kind,tests,unit,first_date,first,best_date,best,latest_date,latest,change,per_week,trend,projected_date,levels,region'
	run -0 bk-test progress pain --format table
	assert_output 'pain: no tests'
	assert_file_not_exists "$BK_DB"
	tests 2026-10-31:-20 2026-11-07:-18 2026-11-14:-16
	run -0 bash -c "bk-test progress --format json | /usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin)[0]; print(d[\"kind\"], d[\"per_week\"], d[\"projected_date\"], d[\"levels\"])'"
	assert_output 'toe-touch 2 2027-01-09 None'
	run -2 --separate-stderr bk-test progress flex
	assert_err "bk-test: invalid kind 'flex' (one of: toe-touch, sit-and-reach, pain)"
	run -2 --separate-stderr bk-test progress toe-touch pain
	assert_err "bk-test: unexpected argument 'pain'"
	run -2 --separate-stderr bk-test progress --since soon
	assert_err_partial "invalid date 'soon'"
	run -2 --separate-stderr bk-test progress --note x
	assert_err "bk-test: option --note does not apply to 'progress'"
}
