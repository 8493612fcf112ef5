#!/usr/bin/env bats
# bk-plan: the built-in programs, as templates and as plans.

load common

q() { sqlite3 "$BK_DB" "$1"; }

# sessions (days with exercises), tests, rest days, days, exercise items
# and the most sessions a day of plan $1
counts() {
	q "SELECT count(DISTINCT CASE WHEN kind = 'exercise' THEN date END),
		sum(kind = 'test'), sum(kind = 'rest'), count(DISTINCT date),
		sum(kind = 'exercise'), max(pi.times)
		FROM plans p JOIN plan_items pi ON pi.plan_id = p.id
		WHERE p.name = '$1'"
}

pain() {	# DATE RATING [TIME] [REGION]
	local time=NULL region=NULL
	[[ -n ${3:-} ]] && time="'$3'"
	[[ -n ${4:-} ]] && region="'$4'"
	q "INSERT INTO measurements (kind, date, time, value, region)
		VALUES ('pain', '$1', $time, $2, $region)"
}

@test "templates: the seven built-in programs with length, sessions a week and a day" {
	run -0 bk-plan templates
	assert_line --index 0 'name,days,per_week,per_day,summary'
	assert_equal "${#lines[@]}" 8
	assert_line --regexp '^back-mobility,30,7,1,'
	assert_line --regexp '^desk-break,28,7,3,'
	assert_line --regexp '^jefferson-30,30,6\.1,1,"Slow Jefferson curls'
	assert_line --regexp '^neck-upper-back,28,3\.5,1,'
	assert_line --regexp '^shoulder-back-strength,28,3\.5,1,'
	assert_line --regexp '^tcm-back,28,7,1,'
	assert_line --regexp '^upper-back-relief,42,7,1,'
	run -0 bk-plan templates --format json
	run -0 /usr/bin/python3 -c 'import json,sys; print(len(json.loads(sys.argv[1])))' "$output"
	assert_output 7
	# templates come from BK_DATADIR too
	mkdir -p "$BATS_TEST_TMPDIR/share/templates"
	cp "$TOP/share/backkit/exercises.csv" "$BATS_TEST_TMPDIR/share/"
	printf 'summary Mine\nlength 7\nmon: cat-cow\n' > "$BATS_TEST_TMPDIR/share/templates/mine.plan"
	BK_DATADIR="$BATS_TEST_TMPDIR/share" run -0 bk-plan templates
	assert_output "$(printf 'name,days,per_week,per_day,summary\nmine,7,1,1,Mine')"
}

@test "template: the card of jefferson-30 says who should not do it" {
	run -0 bk-plan template jefferson-30
	assert_line --index 0 --partial 'jefferson-30: Slow Jefferson curls'
	assert_line --index 1 --regexp '^length: +30 days, 26 sessions \(6\.1 a week\), 6 tests$'
	assert_output --partial 'acute back pain'
	assert_output --partial 'disc injury'
	assert_output --partial 'osteoporosis'
	assert_line --regexp '^ +1, every 7 days, last: test toe-touch$'
	assert_line --regexp '^ +daily: jefferson-curl 2x5 hold 5s, \+2kg each week from week 2 up to 6kg$'
	run -2 --separate-stderr bk-plan template jeferson
	assert_equal "$stderr" "bk-plan: unknown template 'jeferson' (did you mean jefferson-30?)"
	run -2 --separate-stderr bk-plan template nothing-like-it
	assert_equal "$stderr" "bk-plan: unknown template 'nothing-like-it' (see 'bk-plan templates')"
}

@test "new --template: every built-in makes the right sessions, tests and rest days" {
	local t
	for t in jefferson-30 desk-break upper-back-relief shoulder-back-strength \
		back-mobility neck-upper-back tcm-back; do
		run -0 bk-plan new "$t" --template "$t"
	done
	# sessions|tests|rest days|days|exercise items|times a day
	assert_equal "$(counts jefferson-30)" '26|6|4|30|78|1'
	assert_equal "$(counts desk-break)" '28|0|0|28|308|3'
	assert_equal "$(counts upper-back-relief)" '42|42|0|42|630|1'
	assert_equal "$(counts shoulder-back-strength)" '14|0|14|28|112|1'
	assert_equal "$(counts back-mobility)" '30|2|0|30|240|1'
	assert_equal "$(counts neck-upper-back)" '14|0|14|28|140|1'
	assert_equal "$(counts tcm-back)" '28|0|0|28|280|1'
	run -0 bk-plan list
	assert_line 'jefferson-30,jefferson-30,2026-11-21,2026-12-20,30,,running,78'
	assert_line 'upper-back-relief,upper-back-relief,2026-11-21,2027-01-01,42,relief,running,630'
}

@test "check: every built-in program is clean, also moved onto weekdays" {
	local t
	for t in jefferson-30 desk-break upper-back-relief shoulder-back-strength \
		back-mobility neck-upper-back tcm-back; do
		run -0 bk-plan new "$t" --template "$t"
		run -0 bk-plan check "$t"
		assert_output "$t: no warnings"
	done
	for t in jefferson-30 shoulder-back-strength neck-upper-back tcm-back; do
		run -0 bk-plan new "$t-3" --template "$t" --on mon,wed,fri
		run -0 bk-plan check "$t-3"
	done
	run -0 bk-plan check
	assert_equal "${#lines[@]}" 11
	# strength sessions moved onto days in a row are warned about
	run -0 bk-plan new strong --template shoulder-back-strength --on mon,tue,thu
	run -1 bk-plan check strong
	assert_output 'strong: 2026-11-23 and 2026-11-24: strength work on consecutive days (lateral-raise-circle), with no rest day between (and 4 more): leave a rest day between strength sessions'
	run -1 bk-plan check
	assert_equal "${#lines[@]}" 12
}

@test "jefferson-30: warm-up first, body weight in week 1, then 2kg more a week up to 6kg" {
	run -0 bk-plan new jc --template jefferson-30 --start 2026-11-23
	assert_line --index 0 'created plan jc from template jefferson-30: Mon 2026-11-23 to Tue 2026-12-22, 26 sessions, 6 tests'
	assert_line --partial 'note: Not for you if you have acute back pain'
	# day, load of the curl on every session day
	run -0 q "SELECT CAST(julianday(date) - julianday('2026-11-23') AS INTEGER) + 1,
		printf('%g', coalesce(load_kg, 0)) FROM plan_items JOIN exercises e ON e.id = exercise_id
		WHERE e.slug = 'jefferson-curl' ORDER BY date"
	assert_equal "${#lines[@]}" 26
	local line day load
	for line in "${lines[@]}"; do
		day=${line%|*} load=${line#*|}
		case $day in
		[1-6]) assert_equal "$load" 0 ;;
		8|9|1[0-3]) assert_equal "$load" 2 ;;
		1[5-9]|20) assert_equal "$load" 4 ;;
		*) assert_equal "$load" 6 ;;
		esac
	done
	assert_equal "$(q "SELECT group_concat(date) FROM plan_items WHERE kind = 'rest'")" \
		'2026-11-29,2026-12-06,2026-12-13,2026-12-20'
	assert_equal "$(q "SELECT group_concat(date) FROM plan_items WHERE kind = 'test' AND test_kind = 'toe-touch'")" \
		'2026-11-23,2026-11-30,2026-12-07,2026-12-14,2026-12-21,2026-12-22'
	# each day: the test, then cat-cow and the hip flexor stretch, then the curl
	assert_equal "$(q "SELECT group_concat(coalesce(e.slug, pi.test_kind), ' ') FROM
		(SELECT * FROM plan_items WHERE date = '2026-11-30' ORDER BY seq) pi
		LEFT JOIN exercises e ON e.id = pi.exercise_id")" \
		'toe-touch cat-cow hip-flexor-stretch jefferson-curl'
	run -0 bk-plan show jc --date 2026-12-14 --format table
	assert_line '  jefferson-curl      2x5 hold 5s @6kg'
}

@test "new --days: the program cut short or run on, the last-day test on the last day" {
	run -0 bk-plan new short --template jefferson-30 --days 10
	assert_line --index 0 --partial 'Sat 2026-11-21 to Mon 2026-11-30, 9 sessions, 3 tests'
	assert_equal "$(q "SELECT group_concat(date) FROM plan_items WHERE kind = 'test'")" \
		'2026-11-21,2026-11-28,2026-11-30'
	run -0 bk-plan new long --template jefferson-30 --days 60
	assert_equal "$(q "SELECT count(*), max(date), max(load_kg) FROM plan_items pi JOIN plans p ON p.id = pi.plan_id
		WHERE p.name = 'long' AND kind = 'test'")" '10|2027-01-19|'
	assert_equal "$(q "SELECT max(load_kg) FROM plan_items pi JOIN plans p ON p.id = pi.plan_id WHERE p.name = 'long'")" '6.0'
}

@test "new --on: sessions move onto those weekdays in order, the days between rest" {
	run -0 bk-plan new s --template shoulder-back-strength --on mon,wed,fri --start 2026-11-23
	assert_line --index 0 'created plan s from template shoulder-back-strength: Mon 2026-11-23 to Wed 2026-12-23, 14 sessions'
	assert_equal "$(q "SELECT count(DISTINCT date), count(DISTINCT strftime('%w', date)), sum(kind = 'rest') FROM plan_items")" '14|3|0'
	assert_equal "$(q "SELECT group_concat(strftime('%w', date), '') FROM (SELECT DISTINCT date FROM plan_items ORDER BY date)")" \
		'13513513513513'
	# the rounds still grow in the program's third week: its 8th session
	assert_equal "$(q "SELECT group_concat(sets, '') FROM (SELECT date, pi.sets FROM plan_items pi JOIN exercises e
		ON e.id = pi.exercise_id WHERE e.slug = 'lateral-raise-circle' ORDER BY date)")" '33333334444444'
	run -0 bk-plan check s
	assert_output 's: no warnings'
}

@test "new --on: refused for a program that changes phase on a condition, nothing written" {
	run -0 bk-plan new other
	local before
	before=$(digest "$BK_DB")
	run -2 --separate-stderr bk-plan new u --template upper-back-relief --on mon
	assert_equal "$stderr" "bk-plan: cannot use --on with template 'upper-back-relief': it changes phase on a condition, day by day"
	printf 'length 7\nmon: cat-cow\n' > "$BATS_TEST_TMPDIR/w.plan"
	run -2 --separate-stderr bk-plan new u --template "$BATS_TEST_TMPDIR/w.plan" --on tue
	assert_equal "$stderr" "bk-plan: cannot use --on with template '$BATS_TEST_TMPDIR/w.plan': it names weekdays itself"
	assert_equal "$(digest "$BK_DB")" "$before"
}

@test "desk-break: three breaks a day, up to --times" {
	run -0 bk-plan new desk --template desk-break
	run -0 bk-plan today --format csv
	assert_line --regexp '^2026-11-21,desk,1,1,exercise,stand-and-move,1,10,0,,0,,3,"1x10, 3 times a day",,0,3,due,$'
	run -0 bk-plan new desk10 --template desk-break --times 10
	assert_equal "$(q "SELECT DISTINCT pi.times FROM plan_items pi JOIN plans p ON p.id = plan_id WHERE p.name = 'desk10'")" 10
	run -0 bk-plan check desk10
	run -0 bk-plan new desk12 --template desk-break --times 12
	run -1 bk-plan check desk12
	assert_output 'desk12: 2026-11-21: 12 relief sessions in one day (the article advises 10 at most) (and 27 more): do the sequence at most 10 times a day'
}

@test "upper-back-relief: stays in relief without pain ratings, or while they are above 0" {
	run -0 bk-plan new ubr --template upper-back-relief
	pain 2026-11-21 3
	pain 2026-11-22 0
	pain 2026-11-23 2
	pain 2026-11-24 0
	BK_TODAY=2026-11-24 run -0 bk-plan list
	assert_line --regexp '^ubr,upper-back-relief,2026-11-21,2027-01-01,42,relief,running,'
	BK_TODAY=2026-11-24 run -0 bk-plan today --format csv
	assert_line --regexp '^2026-11-24,ubr,4,1,test,pain,'
	assert_line --regexp '^2026-11-24,ubr,4,2,exercise,all-fours-blade-squeeze,'
}

@test "upper-back-relief: switches to the warm-up the day after 24 pain-free hours" {
	run -0 bk-plan new ubr --template upper-back-relief
	pain 2026-11-21 4 09:00
	pain 2026-11-22 0 20:00
	pain 2026-11-23 0 08:00	# 12 hours: not yet
	pain 2026-11-23 1 10:00 lower-back	# another region does not count
	BK_TODAY=2026-11-23 run -0 bk-plan list
	assert_line --regexp ',relief,running,'
	pain 2026-11-23 0 21:00	# 25 hours after the first 0
	BK_TODAY=2026-11-23 run -0 bk-plan list
	assert_line --regexp '^ubr,upper-back-relief,2026-11-21,2027-01-01,42,warm-up,running,'
	# a read shows the change; the next write stores it
	assert_equal "$(q "SELECT phase FROM plans")" relief
	BK_TODAY=2026-11-23 run -0 bk-log cat-cow 1
	# relief up to the day the condition was met, warm-up after
	assert_equal "$(q "SELECT max(date) FROM plan_items WHERE phase = 'relief'")" 2026-11-23
	assert_equal "$(q "SELECT min(date), max(date), count(DISTINCT date) FROM plan_items WHERE phase = 'warm-up'")" \
		'2026-11-24|2027-01-01|39'
	BK_TODAY=2026-11-24 run -0 bk-plan today --format table
	assert_line --index 0 'plan ubr: upper-back-relief, 2026-11-21 to 2027-01-01, phase warm-up since 2026-11-24'
	assert_line --regexp '^  neck-roll +1x3 hold 2s +due$'
	refute_output --partial 'all-fours-blade-squeeze'
	# once is enough: later ratings change nothing
	pain 2026-11-25 6
	BK_TODAY=2026-11-26 run -0 bk-plan list
	assert_line --regexp ',warm-up,running,'
}

@test "upper-back-relief: ratings before the plan began, or after today, do not count" {
	run -0 bk-plan new other
	pain 2026-11-19 0
	pain 2026-11-20 0
	run -0 bk-plan new ubr --template upper-back-relief --start 2026-11-21
	pain 2026-11-21 0 22:00
	pain 2026-11-23 0
	BK_TODAY=2026-11-22 run -0 bk-plan list
	assert_line --regexp ',relief,running,'
	BK_TODAY=2026-11-23 run -0 bk-plan show ubr --date 2026-11-24 --format csv
	assert_line --regexp '^2026-11-24,ubr,4,1,exercise,neck-roll,'
}

@test "upper-back-relief: a read-only store is read as it is, the change waits" {
	local d
	unprivileged_dir d
	export BK_DB="$d/ro.db"
	user() {
		as_user "$@"
	}
	run -0 user bk-plan new ubr --template upper-back-relief
	pain 2026-11-21 0
	pain 2026-11-22 0
	chmod 0400 "$BK_DB"
	local before
	before=$(digest "$BK_DB")
	BK_TODAY=2026-11-22 run -0 user bk-plan list
	assert_line --regexp ',relief,running,'
	assert_equal "$(digest "$BK_DB")" "$before"
	# (the read made the shared-memory file read-only too)
	chmod 0600 "$BK_DB"*
	BK_TODAY=2026-11-22 run -0 user bk-plan list
	assert_line --regexp ',warm-up,running,'
	rm -rf "$d"
}
