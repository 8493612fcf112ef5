#!/usr/bin/env bats
# The SQL views for people who query the store with sqlite3: sets_v,
# tests_v and plan_days_v (backkit-store(5)) hold the numbers the commands
# show.

load common

q() { sqlite3 "$BK_DB" "$1"; }

# the columns of a view, one line, comma-separated
view_columns() {
	sqlite3 "$BK_DB" "SELECT group_concat(name, ',') FROM pragma_table_info('$1')"
}

SETS_V=id,date,time,exercise_id,exercise,exercise_name,set_no,reps,hold_s,load_kg,distance_m,side,rpe,set_type,skipped,reason,working,held_s,moved_kg,plan_item_id,plan_id,plan,note,journal_id
TESTS_V=date,kind,region,tries,value,unit,value_cm,level,protocol,best_id,note
PLAN_DAYS_V=date,plan_id,plan,active,item_id,kind,exercise_id,exercise,exercise_name,test_kind,sets,reps,hold_s,load_kg,per_side,rest_s,side,times,seq,phase,weekly

@test "a new store has the three views, with their documented columns" {
	run -0 bk-log cat-cow 1x5
	run -0 q "SELECT name FROM sqlite_schema WHERE type = 'view' ORDER BY name"
	assert_output "$(printf '%s\n' plan_days_v sets_v tests_v)"
	run -0 view_columns sets_v
	assert_output "$SETS_V"
	run -0 view_columns tests_v
	assert_output "$TESTS_V"
	run -0 view_columns plan_days_v
	assert_output "$PLAN_DAYS_V"
	# every column is in the manual page
	local c
	for c in ${SETS_V//,/ } ${TESTS_V//,/ } ${PLAN_DAYS_V//,/ }; do
		grep -q "^\.It Va $c\$" "$TOP/man/man5/backkit-store.5" ||
			fail "column $c is not in backkit-store(5)"
	done
}

@test "sets_v: held seconds and load moved add up to bk-stats volume" {
	BK_TODAY=2026-01-10 run -0 bk-log import "$TOP/tests/fixtures/strong-2025.csv" --create-missing
	BK_TODAY=2026-01-10 run -0 bk-log cat-cow 2x5 --hold 3s --date 2026-01-08
	BK_TODAY=2026-01-10 run -0 bk-log hip-flexor-stretch 1x5 --hold 10s --side both --date 2026-01-08
	BK_TODAY=2026-01-10 run -0 bk-log passive-hang 1x30s --date 2026-01-09
	BK_TODAY=2026-01-10 run -0 bk-log skip band-row --reason tired --date 2026-01-09
	BK_TODAY=2026-01-10 run -0 --separate-stderr bk-stats volume --by month --format csv
	local volume=$output
	# the numbers are checked below, so that a view summing nothing fails
	assert_line '2026-01,dumbbell-row,4,31,0,827.53,1'
	assert_line '2026-01,hip-flexor-stretch,2,10,100,0,0'
	run -0 q "SELECT 'period,exercise,sets,reps,hold_seconds,load_kg,warmup_sets'
		UNION ALL SELECT * FROM (SELECT printf('%s,%s,%d,%d,%g,%g,%d',
		substr(date, 1, 7), exercise, sum(working), coalesce(sum(CASE
		WHEN working THEN reps END), 0), sum(CASE WHEN working THEN held_s
		ELSE 0 END), round(sum(CASE WHEN working THEN moved_kg ELSE 0
		END), 2), sum(skipped = 0 AND set_type = 'warmup'))
		FROM sets_v WHERE skipped = 0 GROUP BY substr(date, 1, 7), exercise
		ORDER BY 1)"
	assert_output "$volume"
	# a skip is there, held nothing, moved nothing, not working
	run -0 q "SELECT exercise, skipped, working, held_s, moved_kg, reason FROM sets_v WHERE skipped"
	assert_output 'band-row|1|0|0|0|tired'
}

@test "sets_v: a set done for a plan names its plan" {
	run -0 bk-plan new wk --start today --days 14
	run -0 bk-plan add wk cat-cow 2x10
	run -0 bk-log cat-cow 2x10
	run -0 q "SELECT DISTINCT plan, exercise, exercise_name FROM sets_v"
	assert_output 'wk|cat-cow|Cat-Cow'
	run -0 bk-log band-row 1x8@5kg
	run -0 q "SELECT exercise, plan IS NULL, moved_kg FROM sets_v WHERE exercise = 'band-row'"
	assert_output 'band-row|1|40.0'
}

@test "tests_v: one row per test day of a kind, its best try as bk-test list shows it" {
	# two toe-touch tests on one day are one test day; the best of all
	run -0 bk-test toe-touch --date 2026-11-14 -- -5 -3
	run -0 bk-test toe-touch --date 2026-11-14 -- -4
	run -0 bk-test toe-touch shins Ankles knees --date 2026-11-15
	run -0 bk-test sit-and-reach 17
	run -0 bk-test pain 3
	run -0 bk-test pain 6
	run -0 bk-test pain 2 --region neck
	run -0 q "SELECT date, kind, region, tries, value_cm, level, value FROM tests_v ORDER BY date, kind, region"
	assert_output "$(printf '%s\n' '2026-11-14|toe-touch||3|-3.0||-3.0' \
		'2026-11-15|toe-touch||3||ankles|' \
		'2026-11-21|pain||2|||6.0' '2026-11-21|pain|neck|1|||2.0' \
		'2026-11-21|sit-and-reach||1|5.08||17.0')"
	# the same as the best rows of bk-test list, day by day
	run -0 bash -c "bk-test list --format csv | awk -F, 'NR > 1 && \$3 != \"pain\" && \$11 == 1 {
		k = \$2 \",\" \$3; n[k]++; if (\$7 != \"\" && (!(k in b) || \$7 + 0 > b[k] + 0)) b[k] = \$7
		if (\$8 != \"\") l[k] = \$8 } END { for (k in n) print k \",\" b[k] \",\" l[k] }' | sort"
	local list=$output
	run -0 q "SELECT date || ',' || kind || ',' || CASE WHEN value_cm IS NULL THEN '' ELSE printf('%g', value_cm) END || ',' || coalesce(level, '') FROM tests_v WHERE kind <> 'pain' ORDER BY 1"
	assert_output "$list"
	# the tries add up to the rows bk-test list shows
	run -0 bash -c "bk-test list --format csv | tail -n +2 | wc -l"
	assert_output 10
	run -0 q "SELECT sum(tries) FROM tests_v"
	assert_output 10
}

@test "plan_days_v: each planned item on each day, as bk-plan show lists them" {
	run -0 bk-plan new wk --start today --days 14
	run -0 bk-plan add wk cat-cow 2x10 --on mon,thu
	run -0 bk-plan new mine --template neck-upper-back --start today
	run -0 bash -c "bk-plan show wk --all --format csv | tail -n +2 | cut -d, -f1,2,6,7,8"
	assert_line '2026-11-23,wk,cat-cow,2,10'
	local wk=$output
	run -0 q "SELECT date || ',' || plan || ',' || exercise || ',' || sets || ',' || reps FROM plan_days_v WHERE plan = 'wk' ORDER BY date"
	assert_output "$wk"
	run -0 q "SELECT DISTINCT weekly FROM plan_days_v WHERE plan = 'wk'"
	assert_output 1
	# a template's dated items: a day's items as bk-plan today shows them
	BK_TODAY=2026-11-23 run -0 bash -c "bk-plan today mine --format csv | tail -n +2 | cut -d, -f6 | sort"
	local today=$output
	run -0 q "SELECT coalesce(exercise, test_kind, kind) FROM plan_days_v WHERE plan = 'mine' AND date = '2026-11-23' ORDER BY 1"
	assert_output "$today"
	run -0 q "SELECT count(*) FROM plan_days_v WHERE plan = 'mine'"
	assert_output "$(q "SELECT count(*) FROM plan_items WHERE plan_id = (SELECT id FROM plans WHERE name = 'mine')")"
}

@test "a store of the previous version gets the views when it is opened, with its numbers" {
	sqlite3 "$BK_DB" < "$TOP/tests/fixtures/store-0.1.0.sql"
	run -0 q "SELECT count(*) FROM sqlite_schema WHERE type = 'view'"
	assert_output 0
	run -0 --separate-stderr bk-stats volume --by month --format csv
	assert_line '2026-11,hip-flexor-stretch,2,10,100,0,0'
	run -0 q "SELECT name FROM sqlite_schema WHERE type = 'view' ORDER BY name"
	assert_output "$(printf '%s\n' plan_days_v sets_v tests_v)"
	run -0 view_columns sets_v
	assert_output "$SETS_V"
	run -0 q "SELECT exercise, count(*), sum(reps), sum(held_s) FROM sets_v WHERE working GROUP BY exercise ORDER BY exercise"
	assert_output "$(printf '%s\n' 'cat-cow|2|10|30.0' 'hip-flexor-stretch|2|10|100.0' \
		'jefferson-curl|2|10|50.0' 'passive-hang|1||30.0')"
	run -0 q "SELECT date, tries, value_cm, level FROM tests_v WHERE kind = 'toe-touch' ORDER BY date"
	assert_output "$(printf '%s\n' '2026-11-14|2|-19.0|' '2026-11-18|1||shins')"
	# the tables were rebuilt with AUTOINCREMENT under the views, and
	# every later write still works
	run -0 q "SELECT count(*) FROM sqlite_schema WHERE name = 'sets' AND sql LIKE '%AUTOINCREMENT%'"
	assert_output 1
	run -0 bk-log cat-cow 1x5
	run -0 q "SELECT sum(reps) FROM sets_v WHERE exercise = 'cat-cow'"
	assert_output 15
	run -0 q "PRAGMA integrity_check"
	assert_output ok
}

@test "the views are read-only: writing through one fails and changes nothing" {
	run -0 bk-log cat-cow 1x5
	local before; before=$(digest "$BK_DB")
	run -1 q "DELETE FROM sets_v"
	assert_output --partial 'cannot modify sets_v'
	assert_equal "$(digest "$BK_DB")" "$before"
}
