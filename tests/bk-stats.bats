#!/usr/bin/env bats
# bk-stats: the reports, on histories written straight into the store.

load common

# a store with the catalog and one exercise of the user's
new_store() {
	bk-plan exercise add my-move --name 'My Move' > /dev/null
}

sql() {
	sqlite3 "$BK_DB" "$@"
}

# log_set DATE SLUG REPS HOLD LOAD [SKIPPED] [PLAN_ITEM]: one set row;
# an empty value is NULL
log_set() {
	sql "INSERT INTO sets (date, exercise_id, reps, hold_s, load_kg,
		skipped, plan_item_id) VALUES ('$1',
		(SELECT id FROM exercises WHERE slug = '$2'), ${3:-NULL},
		${4:-NULL}, ${5:-NULL}, ${6:-0}, ${7:-NULL})"
}

# plan NAME START END|'' ACTIVE: prints the plan's id
plan() {
	local end=NULL
	[ -n "$3" ] && end="'$3'"
	sql "INSERT INTO plans (name, start_date, end_date, active, created)
		VALUES ('$1', '$2', $end, ${4:-1}, '$2'); SELECT last_insert_rowid()"
}

# item PLAN_ID DATE|WEEKDAY SLUG [KIND]: prints the item's id
item() {
	local date=NULL wd=NULL
	if [[ $2 == *-* ]]; then date="'$2'"; else wd=$2; fi
	sql "INSERT INTO plan_items (plan_id, date, weekday, kind, exercise_id,
		sets, reps) VALUES ($1, $date, $wd, '${4:-exercise}',
		(SELECT id FROM exercises WHERE slug = '$3'), 1, 10);
		SELECT last_insert_rowid()"
}

# measure KIND DATE VALUE_CM|'' [LEVEL] / pain DATE RATING [REGION]
measure() {
	local level=NULL
	[ -n "${4:-}" ] && level="'$4'"
	sql "INSERT INTO measurements (kind, date, value_cm, level)
		VALUES ('$1', '$2', ${3:-NULL}, $level)"
}
pain() {
	local region=NULL
	[ -n "${3:-}" ] && region="'$3'"
	sql "INSERT INTO measurements (kind, date, value, region)
		VALUES ('pain', '$1', $2, $region)"
}

week_start() {
	mkdir -p "$XDG_CONFIG_HOME/backkit"
	echo "week_start = $1" > "$XDG_CONFIG_HOME/backkit/config"
}

# Sets over three weeks and two months: loads, holds, and a skip row that
# carries numbers but is never counted.
volume_history() {
	new_store
	log_set 2026-10-30 jefferson-curl 10 '' 5	# Fri, W44, October
	log_set 2026-10-30 jefferson-curl 10 '' 5
	log_set 2026-11-01 cat-cow 8			# Sun: W44, or W45 from Sunday
	log_set 2026-11-02 jefferson-curl 10 '' 5	# Mon, W45
	log_set 2026-11-02 jefferson-curl 8 '' 7.5
	log_set 2026-11-02 cat-cow '' 30
	log_set 2026-11-03 jefferson-curl 10 '' 5 1	# a skip
	log_set 2026-11-10 my-move '' 45		# W46
	log_set 2026-11-10 my-move '' 45
}

# Two active plans and an inactive one; see the adherence tests.
adherence_history() {
	new_store
	local jeff desk old a b c d e r t s o
	jeff=$(plan jeff-30 2026-11-02 2026-11-29)
	desk=$(plan desk 2026-11-14 '')
	old=$(plan old 2026-11-01 '' 0)
	a=$(item "$jeff" 1 jefferson-curl)	# Mondays
	b=$(item "$jeff" 3 cat-cow)		# Wednesdays
	c=$(item "$jeff" 2026-11-05 my-move)	# a Thursday
	d=$(item "$jeff" 2026-11-25 my-move)	# after today: never counted
	e=$(item "$jeff" 2026-11-08 my-move)	# a Sunday
	r=$(item "$jeff" 2 '' rest)		# rest and test days are not
	t=$(item "$jeff" 2026-11-06 '' test)	# exercises
	s=$(item "$desk" 6 knee-to-chest)	# Saturdays
	o=$(item "$old" 1 cat-cow)
	log_set 2026-11-02 jefferson-curl 10 '' '' 0 "$a"	# done
	log_set 2026-11-04 cat-cow '' '' '' 1 "$b"		# skipped
	log_set 2026-11-05 my-move 10 '' '' 1 "$c"		# a skip, then
	log_set 2026-11-05 my-move 10 '' '' 0 "$c"		# done after all
	log_set 2026-11-08 my-move 10 '' '' 0 "$e"		# done
	log_set 2026-11-10 jefferson-curl 10 '' '' 0 "$a"	# wrong day: 11-09 missed
	log_set 2026-11-11 cat-cow 10 '' '' 0 "$b"		# done
	log_set 2026-11-16 jefferson-curl '' '' '' 1 "$a"	# skipped
	# 11-18 cat-cow: missed
	log_set 2026-11-21 knee-to-chest 10 '' '' 0 "$s"	# desk: done today
	log_set 2026-11-02 cat-cow 10 '' '' 0 "$o"		# the inactive plan
	: "$d $r $t"
}

@test "bk-stats --help prints the usage on stdout, exit 0; --version" {
	run -0 --separate-stderr bk-stats --help
	assert_line --index 0 'usage: bk-stats summary [--plan NAME]'
	assert_equal "$stderr" ""
	run -0 bk-stats -h
	assert_line --index 0 --partial 'usage: bk-stats'
	run -0 bk-stats --version
	assert_output --regexp '^bk-stats \(backkit\) [0-9]+\.[0-9]+\.[0-9]+$'
}

@test "bk-stats: usage errors name the bad value, exit 2, print nothing" {
	run -2 --separate-stderr bk-stats frobnicate
	assert_err "bk-stats: unknown command 'frobnicate'"
	run -2 --separate-stderr bk-stats volume --by fortnight
	assert_err "bk-stats: invalid --by 'fortnight' (one of: day, week, month)"
	run -2 --separate-stderr bk-stats volume --format xml
	assert_err "bk-stats: invalid format 'xml' (one of: table, csv, tsv, json)"
	run -2 --separate-stderr bk-stats volume --since 2026-02-30
	assert_err_partial "invalid date '2026-02-30' for --since"
	run -2 --separate-stderr bk-stats volume --since 2026-11-10 --until 2026-11-01
	assert_err "bk-stats: --since 2026-11-10 is after --until 2026-11-01"
	run -2 --separate-stderr bk-stats flex --exercise cat-cow
	assert_err "bk-stats: option --exercise does not apply to 'flex'"
	run -2 --separate-stderr bk-stats summary --format csv
	assert_err "bk-stats: option --format does not apply to 'summary'"
	run -2 --separate-stderr bk-stats streak --by week
	assert_err "bk-stats: option --by does not apply to 'streak'"
	run -2 --separate-stderr bk-stats volume extra
	assert_err "bk-stats: unexpected argument 'extra'"
	run -2 --separate-stderr bk-stats volume --output x.png
	assert_err "bk-stats: option --output does not apply to 'volume'"
	run -2 --separate-stderr bk-stats volume --bogus
	assert_err "bk-stats: unrecognized option '--bogus'"
	assert_equal "$output" ""
}

@test "bk-stats: an unknown exercise or plan is an error, exit 2" {
	new_store
	run -2 --separate-stderr bk-stats volume --exercise jeferson-curl
	assert_err "bk-stats: unknown exercise 'jeferson-curl' (did you mean jefferson-curl?)"
	run -2 --separate-stderr bk-stats adherence --plan nope
	assert_err "bk-stats: unknown plan 'nope' (see 'bk-plan list')"
	assert_equal "$output" ""
}

@test "bk-stats: every report on an empty database, and no store is created" {
	run -0 bk-stats volume
	assert_output 'period,exercise,sets,reps,hold_seconds,load_kg,warmup_sets'
	run -0 bk-stats adherence
	assert_output 'period,plan,planned,done,skipped,percent,partly'
	run -0 bk-stats flex
	assert_output 'date,kind,reach_cm'
	run -0 bk-stats pain
	assert_output 'date,region,rating'
	run -0 bk-stats exercises
	assert_output 'exercise,name,sets,reps,hold_seconds,best_load_kg,best_hold_seconds,last_done,warmup_sets'
	run -0 bk-stats streak
	assert_output "$(printf '%s\n' \
		current_days,current_since,longest_days,longest_from,longest_to,last_active \
		0,,0,,,)"
	run -0 bk-stats volume --format json
	assert_output '[]'
	run -0 bk-stats summary
	assert_line 'backkit summary for Saturday 2026-11-21 (week 2026-W47)'
	assert_line '  no active plan (see bk-plan templates)'
	assert_line '  nothing logged yet'
	assert_line '  no sets logged yet'
	assert_line '  no test yet (see bk-test how toe-touch)'
	assert_line '  no rating yet (see bk-test pain)'
	assert_file_not_exists "$BK_DB"
}

@test "bk-stats volume: ISO weeks, sets, reps, holds and load moved; skips never count" {
	volume_history
	run -0 --separate-stderr bk-stats volume
	assert_output "$(printf '%s\n' \
		period,exercise,sets,reps,hold_seconds,load_kg,warmup_sets \
		2026-W44,cat-cow,1,8,0,0,0 \
		2026-W44,jefferson-curl,2,20,0,100,0 \
		2026-W45,cat-cow,1,0,30,0,0 \
		2026-W45,jefferson-curl,2,18,0,110,0 \
		2026-W46,my-move,2,0,90,0,0)"
	assert_equal "$stderr" ""
}

@test "bk-stats volume: by month and by day, in a date window" {
	volume_history
	run -0 bk-stats volume --by month
	assert_output "$(printf '%s\n' \
		period,exercise,sets,reps,hold_seconds,load_kg,warmup_sets \
		2026-10,jefferson-curl,2,20,0,100,0 \
		2026-11,cat-cow,2,8,30,0,0 \
		2026-11,jefferson-curl,2,18,0,110,0 \
		2026-11,my-move,2,0,90,0,0)"
	run -0 bk-stats volume --by day --since 2026-11-01 --until 2026-11-02
	assert_output "$(printf '%s\n' \
		period,exercise,sets,reps,hold_seconds,load_kg,warmup_sets \
		2026-11-01,cat-cow,1,8,0,0,0 \
		2026-11-02,cat-cow,1,0,30,0,0 \
		2026-11-02,jefferson-curl,2,18,0,110,0)"
	# relative dates: the last two weeks from 2026-11-21
	run -0 bk-stats volume --since -2w
	assert_output "$(printf '%s\n' \
		period,exercise,sets,reps,hold_seconds,load_kg,warmup_sets \
		2026-W46,my-move,2,0,90,0,0)"
}

@test "bk-stats volume: week_start = sunday moves a Sunday into the next week" {
	volume_history
	week_start sunday
	run -0 bk-stats volume
	assert_output "$(printf '%s\n' \
		period,exercise,sets,reps,hold_seconds,load_kg,warmup_sets \
		2026-W44,jefferson-curl,2,20,0,100,0 \
		2026-W45,cat-cow,2,8,30,0,0 \
		2026-W45,jefferson-curl,2,18,0,110,0 \
		2026-W46,my-move,2,0,90,0,0)"
	week_start monday
	run -0 bk-stats volume --since 2026-11-01 --until 2026-11-01
	assert_output "$(printf '%s\n' \
		period,exercise,sets,reps,hold_seconds,load_kg,warmup_sets 2026-W44,cat-cow,1,8,0,0,0)"
	week_start friday
	run -1 --separate-stderr bk-stats volume
	assert_err_partial "invalid week_start 'friday'"
}

@test "bk-stats volume: --exercise and --plan keep what they name" {
	volume_history
	run -0 bk-stats volume --exercise jeff --by month
	assert_output "$(printf '%s\n' \
		period,exercise,sets,reps,hold_seconds,load_kg,warmup_sets \
		2026-10,jefferson-curl,2,20,0,100,0 \
		2026-11,jefferson-curl,2,18,0,110,0)"
	run -0 bk-stats volume --exercise 'My Move'
	assert_output "$(printf '%s\n' \
		period,exercise,sets,reps,hold_seconds,load_kg,warmup_sets 2026-W46,my-move,2,0,90,0,0)"
	local p i
	p=$(plan mine 2026-11-01 '')
	i=$(item "$p" 2 my-move)
	log_set 2026-11-17 my-move 12 '' '' 0 "$i"
	run -0 bk-stats volume --plan mine
	assert_output "$(printf '%s\n' \
		period,exercise,sets,reps,hold_seconds,load_kg,warmup_sets 2026-W47,my-move,1,12,0,0,0)"
}

@test "bk-stats adherence: planned items against linked sets, per week and plan" {
	adherence_history
	run -0 --separate-stderr bk-stats adherence
	assert_output "$(printf '%s\n' \
		period,plan,planned,done,skipped,percent,partly \
		2026-W45,jeff-30,4,3,1,75,0 \
		2026-W46,desk,1,0,0,0,0 \
		2026-W46,jeff-30,2,1,0,50,0 \
		2026-W47,desk,1,1,0,100,0 \
		2026-W47,jeff-30,2,0,1,0,0)"
	assert_equal "$stderr" ""
}

@test "bk-stats adherence: week_start, months, windows and filters" {
	adherence_history
	week_start sunday
	run -0 bk-stats adherence --plan jeff-30
	assert_output "$(printf '%s\n' \
		period,plan,planned,done,skipped,percent,partly \
		2026-W45,jeff-30,3,2,1,66.7,0 \
		2026-W46,jeff-30,3,2,0,66.7,0 \
		2026-W47,jeff-30,2,0,1,0,0)"
	week_start monday
	run -0 bk-stats adherence --by month
	assert_output "$(printf '%s\n' \
		period,plan,planned,done,skipped,percent,partly \
		2026-11,desk,2,1,0,50,0 \
		2026-11,jeff-30,8,4,2,50,0)"
	run -0 bk-stats adherence --until 2026-11-10
	assert_output "$(printf '%s\n' \
		period,plan,planned,done,skipped,percent,partly \
		2026-W45,jeff-30,4,3,1,75,0 \
		2026-W46,jeff-30,1,0,0,0,0)"
	run -0 bk-stats adherence --since 2026-11-16 --by day
	assert_output "$(printf '%s\n' \
		period,plan,planned,done,skipped,percent,partly \
		2026-11-16,jeff-30,1,0,1,0,0 \
		2026-11-18,jeff-30,1,0,0,0,0 \
		2026-11-21,desk,1,1,0,100,0)"
	run -0 bk-stats adherence --exercise cat-cow
	assert_output "$(printf '%s\n' \
		period,plan,planned,done,skipped,percent,partly \
		2026-W45,jeff-30,1,0,1,0,0 \
		2026-W46,jeff-30,1,1,0,100,0 \
		2026-W47,jeff-30,1,0,0,0,0)"
}

@test "bk-stats adherence: future days are never counted as missed" {
	adherence_history
	# --until after today stops at today
	run -0 bk-stats adherence --since 2026-11-21 --until 2026-11-30 --by day
	assert_output "$(printf '%s\n' \
		period,plan,planned,done,skipped,percent,partly 2026-11-21,desk,1,1,0,100,0)"
	# a week later, the 23rd (a Monday) and the 25th are due
	BK_TODAY=2026-11-28 run -0 bk-stats adherence --since 2026-11-22 --by day
	assert_output "$(printf '%s\n' \
		period,plan,planned,done,skipped,percent,partly \
		2026-11-23,jeff-30,1,0,0,0,0 \
		2026-11-25,jeff-30,2,0,0,0,0 \
		2026-11-28,desk,1,0,0,0,0)"
	BK_TODAY=2026-11-28 run -0 bk-stats adherence --since 2026-11-22
	assert_output "$(printf '%s\n' \
		period,plan,planned,done,skipped,percent,partly \
		2026-W48,desk,1,0,0,0,0 \
		2026-W48,jeff-30,3,0,0,0,0)"
}

@test "bk-stats flex: the best try of each day, sit-and-reach, level words" {
	new_store
	measure toe-touch 2026-11-01 -20
	measure toe-touch 2026-11-01 -18
	measure toe-touch 2026-11-08 -15
	measure sit-and-reach 2026-11-08 3.5
	measure toe-touch 2026-11-15 '' ankles
	pain 2026-11-08 4 lower-back
	run -0 bk-stats flex
	assert_output "$(printf '%s\n' date,kind,reach_cm \
		2026-11-01,toe-touch,-18 \
		2026-11-08,sit-and-reach,3.5 \
		2026-11-08,toe-touch,-15 \
		2026-11-15,toe-touch,)"
	run -0 bk-stats flex --since 2026-11-02 --until 2026-11-14
	assert_output "$(printf '%s\n' date,kind,reach_cm \
		2026-11-08,sit-and-reach,3.5 2026-11-08,toe-touch,-15)"
}

@test "bk-stats pain: every rating, by date, region or none" {
	new_store
	pain 2026-11-10 3 lower-back
	pain 2026-11-01 5 lower-back
	pain 2026-11-10 2 neck
	pain 2026-11-12 1
	measure toe-touch 2026-11-08 -15
	run -0 bk-stats pain
	assert_output "$(printf '%s\n' date,region,rating \
		2026-11-01,lower-back,5 2026-11-10,lower-back,3 \
		2026-11-10,neck,2 2026-11-12,,1)"
	run -0 bk-stats pain --format json
	run -0 python3 -c 'import json, sys
d = json.loads(sys.argv[1])
assert d[3] == {"date": "2026-11-12", "region": None, "rating": 1}, d
assert d[0]["rating"] == 5 and isinstance(d[0]["rating"], (int, float))
' "$output"
}

@test "bk-stats streak: current and longest runs of active days; skips do not count" {
	new_store
	local d
	for d in 2026-11-10 2026-11-11 2026-11-12 2026-11-16 2026-11-17 \
		2026-11-20 2026-11-21; do
		log_set "$d" cat-cow 10
	done
	log_set 2026-11-12 cat-cow 10	# two sets, one day
	log_set 2026-11-15 cat-cow 10 '' '' 1	# a skip day breaks nothing
	log_set 2026-11-19 cat-cow 10 '' '' 1
	run -0 bk-stats streak
	assert_output "$(printf '%s\n' \
		current_days,current_since,longest_days,longest_from,longest_to,last_active \
		2,2026-11-20,3,2026-11-10,2026-11-12,2026-11-21)"
	# the day is not over: a run that ended yesterday is still current
	BK_TODAY=2026-11-22 run -0 bk-stats streak
	assert_line --index 1 2,2026-11-20,3,2026-11-10,2026-11-12,2026-11-21
	BK_TODAY=2026-11-23 run -0 bk-stats streak
	assert_line --index 1 0,,3,2026-11-10,2026-11-12,2026-11-21
	# as of a day in the past
	run -0 bk-stats streak --until 2026-11-17
	assert_line --index 1 2,2026-11-16,3,2026-11-10,2026-11-12,2026-11-17
	run -0 bk-stats streak --exercise my-move
	assert_line --index 1 0,,0,,,
	# of two runs as long, the later one
	log_set 2026-11-22 cat-cow 10
	BK_TODAY=2026-11-22 run -0 bk-stats streak
	assert_line --index 1 3,2026-11-20,3,2026-11-20,2026-11-22,2026-11-22
}

@test "bk-stats exercises: sets, totals, bests and the last day, per exercise" {
	volume_history
	run -0 bk-stats exercises
	assert_output "$(printf '%s\n' \
		exercise,name,sets,reps,hold_seconds,best_load_kg,best_hold_seconds,last_done,warmup_sets \
		'cat-cow,Cat-Cow,2,8,30,,30,2026-11-02,0' \
		'jefferson-curl,Jefferson Curl,4,38,0,7.5,,2026-11-02,0' \
		'my-move,My Move,2,0,90,,45,2026-11-10,0')"
	run -0 bk-stats exercises --since 2026-11-01 --exercise jefferson-curl
	assert_output "$(printf '%s\n' \
		exercise,name,sets,reps,hold_seconds,best_load_kg,best_hold_seconds,last_done,warmup_sets \
		'jefferson-curl,Jefferson Curl,2,18,0,7.5,,2026-11-02,0')"
}

@test "bk-stats: piped output is CSV; table, TSV and JSON on request" {
	volume_history
	run -0 bash -c 'bk-stats volume | sort -t, -k3 -n | head -n 1'
	assert_output 'period,exercise,sets,reps,hold_seconds,load_kg,warmup_sets'
	run -0 bk-stats volume --format table
	assert_line --index 0 --regexp '^period +exercise +sets +reps +hold_seconds +load_kg +warmup_sets$'
	assert_line --index 1 --regexp '^-+  -+  -+'
	assert_line --index 2 --regexp '^2026-W44 +cat-cow +1 +8 +0 +0 +0$'
	run -0 bk-stats volume --format tsv
	assert_line --index 1 "$(printf '2026-W44\tcat-cow\t1\t8\t0\t0\t0')"
	run -0 bash -c 'bk-stats volume --format json | python3 -m json.tool'
	run -0 bk-stats exercises --format json
	run -0 python3 -c 'import json, sys
d = json.loads(sys.argv[1])
j = d[1]
assert j == {"exercise": "jefferson-curl", "name": "Jefferson Curl", "sets": 4,
	"reps": 38, "hold_seconds": 0, "best_load_kg": 7.5,
	"best_hold_seconds": None, "last_done": "2026-11-02",
	"warmup_sets": 0}, j
' "$output"
	# numbers are right-aligned, even in a column whose first cell is empty
	run -0 bk-stats exercises --format table
	local pre=${lines[0]%%best_load_kg*}
	assert_equal "${lines[3]:${#pre}:12}" '         7.5'
	for r in adherence flex pain streak; do
		run -0 bash -c "bk-stats $r --format json | python3 -m json.tool"
	done
}

@test "bk-stats: names are shown safely: CSV quoting, escapes in a table" {
	new_store
	bk-plan exercise add odd-one --name $'Odd, "one"\e[31m'
	log_set 2026-11-20 odd-one 5
	run -0 bk-stats exercises
	assert_line --index 1 $'odd-one,"Odd, ""one""\e[31m",1,5,0,,,2026-11-20,0'
	run -0 bk-stats exercises --format table
	assert_line --index 2 --partial 'Odd, "one"\x1b[31m'
	refute_output --partial $'\e'
}

@test "bk-stats summary: plans, this week, streak, toe-touch and pain on one screen" {
	adherence_history
	measure toe-touch 2026-11-01 -20
	measure toe-touch 2026-11-08 -14.5
	measure toe-touch 2026-11-15 -16
	pain 2026-11-01 5 lower-back
	pain 2026-11-10 3 lower-back
	pain 2026-11-12 1
	run -0 --separate-stderr bk-stats summary
	assert_line 'backkit summary for Saturday 2026-11-21 (week 2026-W47)'
	assert_line '  desk (from 2026-11-14)'
	assert_line '    adherence: 1 of 2 done (50%), 0 partly, 0 skipped, 1 missed'
	assert_line '  jeff-30 (from 2026-11-02 to 2026-11-29)'
	assert_line '    adherence: 4 of 8 done (50%), 0 partly, 2 skipped, 2 missed'
	assert_line '    this week: 0 of 2 done'
	assert_line 'This week (2026-W47)'
	assert_line --regexp '^  knee-to-chest +1 set +10 reps$'
	assert_line '  current: 1 day, since 2026-11-21'
	assert_line '  latest: -16 cm on 2026-11-15'
	assert_line '  best:   -14.5 cm on 2026-11-08 (3 tests)'
	# the projected date comes from bk-test progress
	assert_line --regexp '^  floor: '
	assert_line --regexp '^  lower-back +3/10 on 2026-11-10$'
	assert_line --regexp '^  overall +1/10 on 2026-11-12$'
	refute_line --partial '  old ('
	assert_equal "$stderr" ""
	run -0 bk-stats summary --plan desk
	refute_output --partial 'jeff-30'
	mkdir -p "$XDG_CONFIG_HOME/backkit"
	echo 'units = imperial' > "$XDG_CONFIG_HOME/backkit/config"
	run -0 bk-stats summary
	assert_line '  latest: -6.3 in on 2026-11-15'
}

@test "bk-stats: date windows use the indexes (EXPLAIN QUERY PLAN)" {
	new_store
	# sets_done: the sets that are not skips, by date
	run -0 bk-stats volume --since 2026-01-01 --until 2026-02-01 --explain
	assert_line --regexp 'SEARCH s USING INDEX sets_(date|done) \(date>\? AND date<\?\)'
	run -0 bk-stats exercises --since 2026-01-01 --explain
	assert_line --regexp 'SEARCH s USING INDEX sets_(date|done) \(date>\? AND date<\?\)'
	run -0 bk-stats streak --since 2026-01-01 --explain
	assert_line --regexp 'USING (COVERING )?INDEX sets_(date|done) \(date>\? AND date<\?\)'
	run -0 bk-stats flex --since 2026-01-01 --explain
	assert_line --regexp 'USING INDEX measurements_kind_date \(kind=\? AND date>\? AND date<\?\)'
	run -0 bk-stats pain --since 2026-01-01 --explain
	assert_line --regexp 'USING INDEX measurements_kind_date \(kind=\? AND date>\? AND date<\?\)'
	run -0 bk-stats adherence --since 2026-01-01 --explain
	assert_line --regexp 'SEARCH s USING INDEX sets_(plan_item|date|done) \((plan_item_id=\? AND )?date=\?\)'
	assert_line --regexp 'SEARCH pi USING .*INDEX plan_items_date \(date=\?\)'
	assert_line --regexp 'SEARCH pi USING INDEX plan_items_plan \(plan_id=\? AND weekday=\?\)'
	refute_line --regexp '^SCAN (s|sets|measurements)( |$)'
}

@test "bk-stats: a long history answers a short window fast" {
	new_store
	# 40 years of daily sets up to today, three a day
	sql "WITH RECURSIVE d(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM d
		WHERE n < 14610) INSERT INTO sets (date, exercise_id, reps, load_kg)
		SELECT date('1986-11-21', '+' || n || ' days'),
		(SELECT id FROM exercises WHERE slug = 'jefferson-curl'), 10, 5
		FROM d, (SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3)"
	run -0 bk-stats volume --since 2026-11-16
	assert_output "$(printf '%s\n' period,exercise,sets,reps,hold_seconds,load_kg,warmup_sets \
		2026-W47,jefferson-curl,18,180,0,900,0)"
	local start end
	start=$(date +%s%N)
	for _ in 1 2 3 4 5; do
		bk-stats volume --since 2026-11-16 > /dev/null
	done
	end=$(date +%s%N)
	# five windowed reports over 44,000 sets in well under a second each
	(( (end - start) / 5 < 500000000 ))
}

@test "bk-stats: --help, the man page and the completions name the same options" {
	local opt name
	run -0 bk-stats --complete options
	(( ${#lines[@]} >= 11 ))
	for opt in "${lines[@]}"; do
		name=${opt#--}
		bk-stats --help | grep -q -- "$opt"
		grep -q -- "Fl .*-$name\b" "$TOP/man/man1/bk-stats.1"
	done
	run -0 bk-stats --complete commands
	assert_output "$(printf '%s\n' summary volume adherence streak exercises flex pain plot)"
	run -0 bk-stats --complete words -- plot ''
	assert_output "$(printf '%s\n' flex volume adherence pain)"
	run -0 bk-stats --complete words -- volume --by ''
	assert_output "$(printf '%s\n' day week month)"
	adherence_history
	BK_COMPLETE_DB=$BK_DB run -0 bk-stats --complete plans
	assert_output "$(printf '%s\n' desk jeff-30 old)"
	run -2 --separate-stderr bk-stats --complete nonsense
	assert_err "bk-stats: invalid --complete 'nonsense'"
	# every report's column is documented
	for name in period exercise sets reps hold_seconds load_kg plan planned \
		done skipped percent date kind reach_cm region rating current_days \
		current_since longest_days longest_from longest_to last_active name \
		best_load_kg best_hold_seconds last_done; do
		grep -q "^\.It Li $name\$" "$TOP/man/man1/bk-stats.1" ||
			fail "column $name is not in bk-stats(1)"
	done
}

@test "bk-stats: bash completion offers commands, plots and option values" {
	source "$TOP/completions/bk-stats.bash"
	COMP_WORDS=(bk-stats vo); COMP_CWORD=1
	_bk_stats
	assert_equal "${COMPREPLY[*]}" "volume"
	COMP_WORDS=(bk-stats plot a); COMP_CWORD=2
	_bk_stats
	assert_equal "${COMPREPLY[*]}" "adherence"
	COMP_WORDS=(bk-stats volume --by m); COMP_CWORD=3
	_bk_stats
	assert_equal "${COMPREPLY[*]}" "month"
	COMP_WORDS=(bk-stats volume --ex); COMP_CWORD=2
	_bk_stats
	assert_equal "${COMPREPLY[*]}" "--exercise"
	COMP_WORDS=(bk-stats volume --exercise jefferson-c); COMP_CWORD=3
	_bk_stats
	assert_equal "${COMPREPLY[*]}" "jefferson-curl"
}

@test "bk-stats: installed with its man page and completions, and it works there" {
	# the build's own PREFIX: another would rebuild bin/ under other tests
	local dest="$BATS_TEST_TMPDIR/stage" p="$BATS_TEST_TMPDIR/stage/usr/local"
	run -0 make -s -C "$TOP" install DESTDIR="$dest"
	assert_file_executable "$p/bin/bk-stats"
	assert_file_exists "$p/share/man/man1/bk-stats.1"
	assert_file_exists "$p/share/bash-completion/completions/bk-stats"
	assert_file_exists "$p/share/zsh/site-functions/_bk-stats"
	assert_file_exists "$p/share/fish/vendor_completions.d/bk-stats.fish"
	volume_history
	run -0 "$p/bin/bk-stats" volume --by month --exercise my-move
	assert_output "$(printf '%s\n' period,exercise,sets,reps,hold_seconds,load_kg,warmup_sets \
		2026-11,my-move,2,0,90,0,0)"
	run -0 "$p/bin/bk-stats" plot volume --output "$BATS_TEST_TMPDIR/v.svg"
	assert_file_not_empty "$BATS_TEST_TMPDIR/v.svg"
	run -0 mandoc -Tutf8 "$p/share/man/man1/bk-stats.1"
	assert_output --partial 'hold_seconds'
	run -0 make -s -C "$TOP" uninstall DESTDIR="$dest"
	assert_file_not_exists "$p/bin/bk-stats"
	assert_file_not_exists "$p/share/man/man1/bk-stats.1"
}

@test "bk-stats summary: text from the store never steers the terminal" {
	new_store
	plan $'evil\e[2J' 2026-11-16 '' > /dev/null
	bk-plan exercise add odd --name $'Odd\e]0;title\a' > /dev/null
	log_set 2026-11-20 odd 5
	pain 2026-11-20 3 $'back\e[31m'
	local bad=$'2026-11-20\e[5m'
	sql "INSERT INTO measurements (kind, date, value_cm) VALUES ('toe-touch', '$bad', -4)"
	run -0 bk-stats summary
	refute_output --partial $'\e'
	refute_output --partial $'\a'
	assert_line '  evil\x1b[2J (from 2026-11-16)'
	assert_line --regexp '^  back\\x1b\[31m +3/10 on 2026-11-20$'
	assert_line '  latest: -4 cm on ?'
}

@test "bk-stats summary: the projected floor date is bk-test progress's" {
	local d
	for d in 2026-10-31:-20 2026-11-07:-18 2026-11-14:-16 2026-11-21:-14; do
		bk-test toe-touch "${d#*:}" --date "${d%:*}" > /dev/null
	done
	run -0 bash -c "bk-test progress toe-touch --format csv | cut -d, -f13 | tail -n 1"
	assert_output 2027-01-09
	run -0 bk-stats summary
	assert_line '  floor:  projected for 2027-01-09'
	# a falling trend projects nothing
	bk-test toe-touch -30 --date 2026-11-22 > /dev/null 2>&1 || true
	BK_TODAY=2026-11-22 bk-test toe-touch -40 > /dev/null
	BK_TODAY=2026-11-22 run -0 bk-stats summary
	assert_line '  floor:  no projection (see bk-test progress)'
}

@test "bk-stats plot flex: the projected date is marked" {
	local d
	for d in 2026-10-31:-20 2026-11-07:-18 2026-11-14:-16 2026-11-21:-14; do
		bk-test toe-touch "${d#*:}" --date "${d%:*}" > /dev/null
	done
	run -0 bk-stats plot flex --output "$BATS_TEST_TMPDIR/f.svg"
	run -0 grep -c '2027-01-09' "$BATS_TEST_TMPDIR/f.svg"
	(( output >= 1 ))
}

@test "bk-stats alone is bk-stats summary" {
	run -0 --separate-stderr bk-stats
	assert_equal "$stderr" ""
	local alone=$output
	run -0 bk-stats summary
	assert_equal "$alone" "$output"
	assert_line --index 0 --partial "backkit summary for"
	run -0 bk-stats help
	assert_line --index 0 --partial "usage: bk-stats"
}
