#!/usr/bin/env bats
# The one definition of each quantity: held seconds, load moved and the
# status of a planned item read the same in every command.

load common

@test "held seconds: reps x the hold of each rep, a timed set its hold, each side counts" {
	# five reps of cat-cow, each held 3 s, twice: 30 s held
	run -0 bk-log cat-cow 1x5 --hold 3s
	run -0 bk-log cat-cow 1x5 --hold 3s
	run -0 --separate-stderr bk-stats volume --format csv
	assert_output "$(printf '%s\n' period,exercise,sets,reps,hold_seconds,load_kg,warmup_sets \
		2026-W47,cat-cow,2,10,30,0,0)"
	assert_equal "$stderr" ""
	run -0 bk-stats exercises --format csv
	assert_line --index 1 'cat-cow,Cat-Cow,2,10,30,,3,2026-11-21,0'
	run -0 bk-stats summary
	assert_line --regexp '^  cat-cow +2 sets +10 reps  30s held$'
	# a timed set is its own hold; a set on each side is held on each side
	run -0 bk-log passive-hang 1x30s
	run -0 bk-log hip-flexor-stretch 1x5 --hold 10s --side both
	run -0 bk-stats volume --format csv
	assert_line '2026-W47,hip-flexor-stretch,2,10,100,0,0'
	assert_line '2026-W47,passive-hang,1,0,30,0,0'
	run -0 bk-stats summary
	assert_line --regexp '^  hip-flexor-stretch +2 sets +10 reps  1m40s held$'
}

@test "load moved: reps x load, in volume, exercises and the summary" {
	run -0 bk-log band-row 3x8@5kg
	run -0 bk-log passive-hang 1x30s@10kg
	run -0 bk-stats volume --format csv
	assert_line '2026-W47,band-row,3,24,0,120,0'
	assert_line '2026-W47,passive-hang,1,0,30,0,0'
	run -0 bk-stats summary
	assert_line --regexp '^  band-row +3 sets +24 reps  120 kg moved$'
}

# today is day 1 of jefferson-30: cat-cow 1x5 hold 3s, hip-flexor-stretch
# 1x5 hold 10s each side, jefferson-curl 2x5 hold 5s
statuses() {
	bk-plan today --format tsv | awk -F'\t' '$5 == "exercise" { print $6, $18 }'
}

@test "status: done only at the planned dose or more; partly when less; skipped when only a skip" {
	run -0 bk-plan new jc --template jefferson-30
	# fewer reps than planned, a shorter hold, one side of two, one set of two
	run -0 bk-log cat-cow 1x3 --hold 3s
	run -0 bk-log hip-flexor-stretch 1x5 --hold 10s --side left
	run -0 bk-log jefferson-curl 1x5 --hold 5s
	run -0 statuses
	assert_output "$(printf '%s\n' 'cat-cow partly' 'hip-flexor-stretch partly' 'jefferson-curl partly')"
	run -0 bk-plan today --format table
	assert_line --regexp '^  cat-cow .* partly 1/1 sets, below the dose$'
	assert_line --regexp '^  hip-flexor-stretch .* partly 0.5/1 sets$'
	assert_line --regexp '^  jefferson-curl .* partly 1/2 sets$'
	run -0 bk-stats adherence --by day --format csv
	assert_output "$(printf '%s\n' period,plan,planned,done,skipped,percent,partly \
		2026-11-21,jc,3,0,0,0,3)"
	# the rest of the dose: every one done; more than planned is done too
	run -0 bk-log cat-cow 1x8 --hold 4s
	run -0 bk-log hip-flexor-stretch 1x5 --hold 10s --side right
	run -0 bk-log jefferson-curl 1x5 --hold 5s
	run -0 statuses
	assert_output "$(printf '%s\n' 'cat-cow done' 'hip-flexor-stretch done' 'jefferson-curl done')"
	run -0 bk-stats adherence --by day --format csv
	assert_line '2026-11-21,jc,3,3,0,100,0'
	run -0 bk-stats summary
	assert_line '    adherence: 3 of 3 done (100%), 0 partly, 0 skipped, 0 missed'
}

@test "status: adherence counts done, partly and skipped apart; its percent counts only done" {
	run -0 bk-plan new jc --template jefferson-30
	run -0 bk-log cat-cow 1x5 --hold 3s
	run -0 bk-log hip-flexor-stretch 1x5 --hold 2s --side both
	run -0 bk-log skip jefferson-curl --reason tired
	run -0 statuses
	assert_output "$(printf '%s\n' 'cat-cow done' 'hip-flexor-stretch partly' 'jefferson-curl skipped')"
	run -0 bk-stats adherence --by day --format csv
	assert_output "$(printf '%s\n' period,plan,planned,done,skipped,percent,partly \
		2026-11-21,jc,3,1,1,33.3,1)"
	# the first six columns stay where scripts read them
	run -0 bash -c 'bk-stats adherence --format csv | cut -d, -f1-6'
	assert_line --index 0 period,plan,planned,done,skipped,percent
	run -0 bk-stats summary
	assert_line '    adherence: 1 of 3 done (33%), 1 partly, 1 skipped, 0 missed'
}

@test "SPEC fill-in: what the SPEC leaves out comes from today's planned dose, and the confirmation says so" {
	# day 8 of jefferson-30 plans jefferson-curl 2x5 hold 5s @2kg
	run -0 bk-plan new jc --template jefferson-30 --start 2026-11-14
	run -0 --separate-stderr bk-log jefferson-curl 2x5 --time 08:00
	assert_output 'logged jefferson-curl 2x5 hold 5s @2kg (hold and load as planned) on 2026-11-21 at 08:00 for plan jc (ids 1-2)'
	assert_equal "$stderr" ""
	run -0 sqlite3 "$BK_DB" "SELECT reps, hold_s, load_kg FROM sets ORDER BY id"
	assert_output "$(printf '%s\n' '5|5.0|2.0' '5|5.0|2.0')"
	# typed parts win; @0kg logs explicitly without a load
	run -0 bk-log jefferson-curl 1x6@3kg --time 08:05
	assert_output 'logged jefferson-curl 1x6 hold 5s @3kg (hold as planned) on 2026-11-21 at 08:05 for plan jc (id 3)'
	run -0 bk-log jefferson-curl 1x5@0kg --hold 8s --time 08:10
	assert_output 'logged jefferson-curl 1x5 hold 8s on 2026-11-21 at 08:10 for plan jc (id 4)'
	run -0 sqlite3 "$BK_DB" "SELECT coalesce(load_kg, '-'), hold_s FROM sets WHERE id >= 3 ORDER BY id"
	assert_output "$(printf '%s\n' '3.0|5.0' '-|8.0')"
	# the kilograms the plan filled in are in the load total
	run -0 bk-stats volume --format csv
	assert_line '2026-W47,jefferson-curl,4,21,120,38,0'
	# a timed SPEC has no hold of each rep to fill in
	run -0 bk-log passive-hang 1x20s
	assert_output --regexp '^logged passive-hang 1x20s on 2026-11-21 at [0-9:]+ \(id 5\)$'
}

@test "SPEC fill-in: without a plan the catalog's hold fills in; a bad SPEC writes nothing" {
	run -0 bk-log cat-cow 1x8 --time 07:00
	assert_output 'logged cat-cow 1x8 hold 3s (hold as in the catalog) on 2026-11-21 at 07:00 (id 1)'
	local before
	before=$(digest "$BK_DB")
	run -2 --separate-stderr bk-log cat-cow 1x8@0
	assert_equal "$stderr" "bk-log: invalid spec '1x8@0': a load needs a unit: kg or lb"
	assert_equal "$(digest "$BK_DB")" "$before"
}

@test "dose text: one formatter, @4kg in bk-log and bk-plan alike; no 'kind: -'" {
	run -0 bk-plan new mine
	run -0 bk-plan add mine band-row 3x8@4kg
	assert_output --partial 'added band-row 3x8 @4kg to mine'
	run -0 bk-log band-row 3x8 --time 07:00
	assert_output 'logged band-row 3x8 @4kg (load as planned) on 2026-11-21 at 07:00 for plan mine (ids 1-3)'
	run -0 bk-plan today --format table
	assert_line --regexp '^  band-row +3x8 @4kg +done 3/3$'
	run -0 bk-plan exercise add my-move --name 'My Move'
	run -0 bk-plan exercise my-move --format table
	refute_line --partial 'kind:'
	run -0 bk-plan exercise cat-cow --format table
	assert_line --regexp '^kind: +[a-z-]+, [a-z-]+$'
}

@test "streak: planned rest days keep it; a day with something due and nothing done breaks it" {
	# 30 days of jefferson-30 up to today, every planned set done: rest
	# every 7th day
	run -0 bk-plan new jc --template jefferson-30 --start 2026-10-23
	sqlite3 "$BK_DB" "INSERT INTO sets (date, exercise_id, reps) SELECT date, exercise_id, 5 FROM plan_items WHERE kind = 'exercise'"
	run -0 sqlite3 "$BK_DB" "SELECT count(*) FROM plan_items WHERE kind = 'rest'"
	assert_output 4
	run -0 --separate-stderr bk-stats streak --format csv
	assert_output "$(printf '%s\n' current_days,current_since,longest_days,longest_from,longest_to,last_active \
		30,2026-10-23,30,2026-10-23,2026-11-21,2026-11-21)"
	run -0 bk-stats summary
	assert_line '  current: 30 days, since 2026-10-23'
	# nothing done on a day with work due breaks it; today not done yet
	# does not
	sqlite3 "$BK_DB" "DELETE FROM sets WHERE date IN ('2026-11-10', '2026-11-21')"
	run -0 bk-stats streak --format csv
	assert_line --index 1 10,2026-11-11,18,2026-10-23,2026-11-09,2026-11-20
	# a skip is not something done
	run -0 bk-log skip cat-cow --date 2026-11-13
	sqlite3 "$BK_DB" "DELETE FROM sets WHERE date = '2026-11-13' AND skipped = 0"
	run -0 bk-stats streak --format csv
	assert_line --index 1 7,2026-11-14,18,2026-10-23,2026-11-09,2026-11-20
}

@test "streak: a weekday the plan does not train keeps it; without a plan, active days in a row" {
	# mon, wed, fri from Monday 2026-11-09
	run -0 bk-plan new mine --on mon,wed,fri --start 2026-11-09
	run -0 bk-plan add mine cat-cow 1x5
	local d
	for d in 2026-11-09 2026-11-11 2026-11-13 2026-11-16 2026-11-18 2026-11-20; do
		run -0 bk-log cat-cow 1x5 --date "$d"
	done
	run -0 bk-stats streak --format csv
	assert_line --index 1 13,2026-11-09,13,2026-11-09,2026-11-21,2026-11-20
	# the same sets without the plan: six runs of one day
	run -0 bk-plan rm mine
	run -0 bk-stats streak --format csv
	assert_line --index 1 1,2026-11-20,1,2026-11-20,2026-11-20,2026-11-20
}

@test "progress: pain per region, never pooled; two ratings a day apart project nothing" {
	run -0 bk-test pain 2 --region neck --date 2026-11-19
	run -0 bk-test pain 9 --region neck --date 2026-11-20
	run -0 bk-test pain 5 --region lower-back --date 2026-11-20
	run -0 --separate-stderr bk-test progress --format table
	assert_line 'pain (lower-back): 1 test, 2026-11-20 to 2026-11-20'
	assert_line 'pain (neck): 2 tests, 2026-11-19 to 2026-11-20'
	refute_line --partial 'a week over'
	assert_line '  trend    none: too few tests for a trend (3 over 14 days or more)'
	assert_equal "$stderr" ""
	# a falling rating projects the day it reaches 0, never a rating
	run -0 bk-test pain 6 --region hips --date 2026-11-01
	run -0 bk-test pain 4 --region hips --date 2026-11-08
	run -0 bk-test pain 3 --region hips --date 2026-11-15
	run -0 bk-test progress pain --region hips --format csv
	assert_line --index 1 'pain,3,rating,2026-11-01,6,2026-11-15,3,2026-11-15,3,-3,-1.5,falling,2026-11-29,,hips'
	run -0 bk-test progress pain --region hips --format table
	assert_line '  0/10     2026-11-29 on this trend, 2 weeks after the latest rating'
	# a rising pain rating projects nothing
	run -0 bk-test pain 8 --region lower-back --date 2026-11-01
	run -0 bk-test pain 2 --region lower-back --date 2026-10-20
	run -0 bk-test progress pain --region lower-back --format csv
	assert_line --index 1 --regexp '^pain,3,rating,.*,rising,,,lower-back$'
	# the back as a whole is its own series
	run -0 bk-test pain 1
	run -0 bk-test progress pain --format csv
	assert_equal "${#lines[@]}" 5
	assert_line --index 1 --regexp '^pain,1,rating,.*,overall$'
	assert_line --index 2 --regexp '^pain,3,rating,.*,hips$'
	assert_line --index 3 --regexp '^pain,3,rating,.*,lower-back$'
	assert_line --index 4 --regexp '^pain,2,rating,.*,neck$'
}

@test "tests: a test is a test day, level words included; the summary counts what progress counts" {
	run -0 bk-test toe-touch --date 2026-11-01 -- -20
	run -0 bk-test toe-touch --date 2026-11-08 -- -18
	run -0 bk-test toe-touch --date 2026-11-08 -- -19
	run -0 bk-test toe-touch --date 2026-11-10 shins
	run -0 bk-test toe-touch --date 2026-11-15 -- -15 -14
	run -0 bk-test progress toe-touch --format csv
	assert_line --index 1 --regexp '^toe-touch,4,cm,'
	run -0 bk-stats summary
	assert_line '  best:   -14 cm on 2026-11-15 (4 tests)'
	run -0 bash -c "bk-test list --kind toe-touch --format csv | tail -n +2 | cut -d, -f2 | sort -u | wc -l"
	assert_output 4
}

@test "a store of the previous version: no stored value changes meaning, the totals come out right" {
	# hold_s was already the hold of each rep when reps is set, so no
	# migration rewrites it; the reports read it by the one definition
	sqlite3 "$BK_DB" < "$TOP/tests/fixtures/store-0.1.0.sql"
	run -0 --separate-stderr bk-stats volume --by month --format csv
	assert_output "$(printf '%s\n' period,exercise,sets,reps,hold_seconds,load_kg,warmup_sets \
		2026-11,cat-cow,2,10,30,0,0 2026-11,hip-flexor-stretch,2,10,100,0,0 \
		2026-11,jefferson-curl,2,10,50,0,0 2026-11,passive-hang,1,0,30,0,0)"
	assert_equal "$stderr" ""
	run -0 bk-stats exercises --format csv
	assert_line --index 2 'hip-flexor-stretch,Hip Flexor Stretch,2,10,100,,10,2026-11-20,0'
	# two toe-touch tests on 2026-11-14 are one test day; shins counts
	run -0 bk-test progress toe-touch --format csv
	assert_line --index 1 'toe-touch,2,cm,2026-11-14,-19,2026-11-14,-19,2026-11-14,-19,0,,none,,shins,'
	# the curls logged without the 2 kg planned are partly done
	run -0 bk-plan today --format tsv
	assert_line --regexp $'\tjefferson-curl\t.*\tpartly\t$'
	run -0 bk-log cat-cow 1x5
	run -0 bk-stats volume --by month --format csv
	assert_line '2026-11,cat-cow,3,15,45,0,0'
}

@test "warm-up sets are counted apart: left out of volume, totals and bests, in every report" {
	BK_TODAY=2026-01-10 run -0 bk-log import "$TOP/tests/fixtures/strong-2025.csv" --create-missing
	BK_TODAY=2026-01-10 run -0 --separate-stderr bk-stats volume --by month --format csv
	assert_output "$(printf '%s\n' period,exercise,sets,reps,hold_seconds,load_kg,warmup_sets \
		2026-01,dumbbell-row,4,31,0,827.53,1 2026-01,passive-hang,1,0,45,0,0)"
	BK_TODAY=2026-01-10 run -0 bk-stats exercises --format csv
	assert_line --index 0 'exercise,name,sets,reps,hold_seconds,best_load_kg,best_hold_seconds,last_done,warmup_sets'
	assert_line --index 1 'dumbbell-row,Dumbbell Row,4,31,0,65.181,,2026-01-05,1'
	BK_TODAY=2026-01-10 run -0 bk-stats summary
	assert_line '  dumbbell-row              4 sets     31 reps  827.5 kg moved  (+1 warm-up)'
	# the set is still there, with its type
	run -0 sqlite3 "$BK_DB" "SELECT count(*) FROM sets WHERE set_type = 'warmup'"
	assert_output 1
}

@test "summary: today's items not done yet are due today, not missed" {
	run -0 bk-plan new jc --template jefferson-30 --start 2026-11-20
	run -0 bk-log jefferson-curl
	run -0 bk-stats summary
	assert_line '    adherence: 1 of 6 done (17%), 0 partly, 0 skipped, 3 missed, 2 due today'
	BK_TODAY=2026-11-22 run -0 bk-stats summary
	assert_line --regexp '^    adherence: 1 of 9 done \(11%\), 0 partly, 0 skipped, 5 missed, 3 due today$'
}

@test "a session's partly is the partly of bk-plan today and of adherence" {
	run -0 bk-plan new mine --on mon,tue,wed,thu,fri,sat,sun
	run -0 bk-plan add mine band-row 1x10
	run -0 bk-plan add mine cat-cow 1x5
	run -0 bash -c 'printf "partly 3\ndone\n" | bk-log session'
	assert_line --regexp '^session of .*: 1 done, 1 partly, 0 skipped, 0 not answered$'
	assert_line --regexp '^  partly +band-row'
	run -0 bk-plan today --format csv
	assert_line --regexp ',band-row,.*,partly,$'
	assert_line --regexp ',cat-cow,.*,done,$'
	run -0 bk-stats adherence --format csv
	assert_line --index 1 --regexp ',mine,2,1,0,50,1$'
}
