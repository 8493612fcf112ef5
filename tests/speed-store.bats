#!/usr/bin/env bats
# What the import's speed took away must not be missed: the indexes of the
# set log that no query needs are gone, and undo, re-imports and the
# reports behave as before.

load common

q() {
	sqlite3 "$BK_DB" "$@"
}

sets_indexes() {
	q "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'sets' AND sql IS NOT NULL ORDER BY name"
}

@test "store: the set log keeps the indexes its queries use; an older store loses the others" {
	sqlite3 "$BK_DB" < "$TOP/tests/fixtures/store-0.1.0.sql"
	run -0 sets_indexes
	assert_line sets_journal
	assert_line sets_done
	run -0 --separate-stderr bk-stats volume --by month --format csv
	assert_line '2026-11,hip-flexor-stretch,2,10,100,0,0'
	run -0 sets_indexes
	assert_output "$(printf '%s\n' sets_date sets_exercise_date sets_plan_item sets_source_key)"
	run -0 q "PRAGMA integrity_check"
	assert_output ok
	# the set type is checked as before, in place
	run -0 q "SELECT count(*) FROM sqlite_schema WHERE name = 'sets' AND sql LIKE '%set_type IN%'"
	assert_output 0
	run -19 q "UPDATE sets SET set_type = 'bogus' WHERE id = 1"
	assert_output --partial 'CHECK constraint failed'
	run -0 q "UPDATE sets SET set_type = 'warmup' WHERE id = 1; SELECT set_type FROM sets WHERE id = 1"
	assert_output warmup
	# a new store has the same ones
	rm -f "$BK_DB"
	run -0 bk-log cat-cow 1x5
	run -0 sets_indexes
	assert_output "$(printf '%s\n' sets_date sets_exercise_date sets_plan_item sets_source_key)"
	run -19 q "UPDATE sets SET set_type = 'bogus'"
	assert_output --partial 'CHECK constraint failed'
	run -0 q "PRAGMA integrity_check"
	assert_output ok
}

@test "store: an entry from before the change is undone as before, and one after it by its ids" {
	sqlite3 "$BK_DB" < "$TOP/tests/fixtures/store-0.1.0.sql"
	local n; n=$(q "SELECT count(*) FROM sets")
	run -0 bk-log cat-cow 2x5
	run -0 q "SELECT sets_from IS NOT NULL AND sets_from > (SELECT max(id) FROM sets WHERE journal_id < (SELECT max(id) FROM journal)) FROM journal ORDER BY id DESC LIMIT 1"
	assert_output 1
	run -0 bk-log undo
	assert_output --partial 'undid bk-log: log cat-cow 2x5'
	run -0 q "SELECT count(*) FROM sets"
	assert_output "$n"
	# the fixture's last entry has no sets_from: every row is looked at
	run -0 q "SELECT sets_from IS NULL FROM journal WHERE undone = 0 ORDER BY id DESC LIMIT 1"
	assert_output 1
	# each entry of the fixture undone, its sets found among all of them
	local i
	for i in $(seq "$(q "SELECT count(*) FROM journal WHERE undone = 0")"); do
		run -0 bk-log undo
	done
	assert_output --partial 'undid bk-log: log cat-cow 1x5 hold 3s on 2026-11-20 (1 row)'
	run -0 q "SELECT count(*) FROM sets; SELECT count(*) FROM journal WHERE undone <> 1"
	assert_output "$(printf '%s\n' 0 0)"
}

@test "store: undo of an import takes its rows only, the updated ones back to what they were" {
	printf '%s\n' 'date,time,exercise,exercise_name,set,side,reps,hold_s,load_kg,rpe,skipped,reason,note,plan,key' \
		'2026-11-20,08:00,cat-cow,,1,,5,,,,0,,,,k1' \
		'2026-11-20,08:00,cat-cow,,2,,5,,,,0,,,,k2' > "$BATS_TEST_TMPDIR/a.csv"
	run -0 bk-log import "$BATS_TEST_TMPDIR/a.csv"
	run -0 bk-log band-row 1x10
	# a newer export: k2 changed, k3 new; k1 the same
	printf '%s\n' 'date,time,exercise,exercise_name,set,side,reps,hold_s,load_kg,rpe,skipped,reason,note,plan,key' \
		'2026-11-20,08:00,cat-cow,,1,,5,,,,0,,,,k1' \
		'2026-11-20,08:00,cat-cow,,2,,7,,,,0,,,,k2' \
		'2026-11-21,08:00,cat-cow,,1,,9,,,,0,,,,k3' \
		'2026-11-21,08:00,cat-cow,,1,,9,,,,0,,,,k3' > "$BATS_TEST_TMPDIR/b.csv"
	run -0 --separate-stderr bk-log import "$BATS_TEST_TMPDIR/b.csv"
	assert_output "imported 2 sets from '$BATS_TEST_TMPDIR/b.csv' (bk, kg): 1 new, 1 updated, 2 unchanged"
	assert_equal "$stderr" ""
	run -0 q "SELECT source_key, reps FROM sets WHERE source_key LIKE 'k%' ORDER BY id"
	assert_output "$(printf '%s\n' 'k1|5' 'k2|7' 'k3|9')"
	run -0 bk-log undo
	run -0 q "SELECT CASE WHEN source_key LIKE 'log:%' THEN 'log' ELSE source_key END, reps FROM sets ORDER BY id"
	assert_output "$(printf '%s\n' 'k1|5' 'k2|5' 'log|10')"
	run -0 bk-log undo
	run -0 bk-log undo
	run -0 q "SELECT count(*) FROM sets"
	assert_output 0
}

@test "import: a Strong file whose workouts interleave more than memory holds numbers every set once" {
	# 1500 workouts, their sets written round-robin: set 1 of each, then
	# set 2 of each, then set 3
	awk 'BEGIN { print "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE"
		for (r = 1; r <= 3; r++) for (i = 0; i < 1500; i++)
			printf "2025-%02d-%02d %02d:00:00,Back,45m,Band Row,%d,10,%d,0,0,,,\n",
				i % 12 + 1, int(i / 12) % 28 + 1, int(i / 336), r, r + 5 }' > "$BATS_TEST_TMPDIR/s.csv"
	run -0 --separate-stderr bk-log import "$BATS_TEST_TMPDIR/s.csv" --units kg
	assert_output "imported 4500 sets from '$BATS_TEST_TMPDIR/s.csv' (strong, kg): 4500 new, 0 updated, 0 unchanged; not imported: 'Duration' (4500 values)"
	run -0 q "SELECT count(DISTINCT source_key), count(DISTINCT date || time), min(set_no), max(set_no) FROM sets"
	assert_output '4500|1500|1|3'
	run -0 q "SELECT count(*) FROM sets WHERE reps <> set_no + 5"
	assert_output 0
	# the same file again: every row known
	run -0 --separate-stderr bk-log import "$BATS_TEST_TMPDIR/s.csv" --units kg
	assert_output "imported 0 sets from '$BATS_TEST_TMPDIR/s.csv' (strong, kg): 0 new, 0 updated, 4500 unchanged; not imported: 'Duration' (4500 values)"
	# a changed load updates that row only
	sed '1000s/,Band Row,\([0-9]\),10,/,Band Row,\1,12,/' "$BATS_TEST_TMPDIR/s.csv" > "$BATS_TEST_TMPDIR/t.csv"
	run -0 --separate-stderr bk-log import "$BATS_TEST_TMPDIR/t.csv" --units kg
	assert_output "imported 1 set from '$BATS_TEST_TMPDIR/t.csv' (strong, kg): 0 new, 1 updated, 4499 unchanged; not imported: 'Duration' (4500 values)"
	run -0 q "SELECT count(*) FROM sets WHERE load_kg = 12"
	assert_output 1
}

@test "import: a refused file writes nothing, also when its bad row comes after thousands of good ones" {
	run -0 bk-log cat-cow 1x5
	local before; before=$(digest "$BK_DB")
	awk 'BEGIN { print "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE"
		for (i = 0; i < 3000; i++) printf "2025-01-01 08:%02d:00,Back,45m,Band Row,%d,10,5,0,0,,,\n", i % 60, i + 1
		print "2025-01-02 08:00:00,Back,45m,Band Row,x,10,5,0,0,,," }' > "$BATS_TEST_TMPDIR/s.csv"
	run -1 --separate-stderr bk-log import "$BATS_TEST_TMPDIR/s.csv" --units kg
	assert_output ""
	assert_equal "$stderr" "bk-log: cannot import '$BATS_TEST_TMPDIR/s.csv': line 3002: invalid Set Order 'x': expected a number, W, D, F, WARM_UP, DROP, FAILURE or a rest timer"
	assert_equal "$(digest "$BK_DB")" "$before"
}

# rows n..m of a bk file on one day and minute, keys falling as the file
# goes on (so that the order of the keys is not the file's), reps $3
bk_rows() {
	awk -v n="$1" -v m="$2" -v reps="$3" 'BEGIN {
		for (i = n; i <= m; i++)
			printf "2026-11-20,08:00,cat-cow,,%d,,%d,,,,0,,,,k%04d\n", i, reps, 9999 - i }'
}

@test "import: sets go in by key and keep the file's order; a re-import meeting stored keys counts each set" {
	hdr='date,time,exercise,exercise_name,set,side,reps,hold_s,load_kg,rpe,skipped,reason,note,plan,key'
	{ echo "$hdr"; bk_rows 1 100 5; } > "$BATS_TEST_TMPDIR/a.csv"
	run -0 --separate-stderr bk-log import "$BATS_TEST_TMPDIR/a.csv"
	assert_output "imported 100 sets from '$BATS_TEST_TMPDIR/a.csv' (bk, kg): 100 new, 0 updated, 0 unchanged"
	# ids, the list and the export follow the file, not the keys
	run -0 q "SELECT group_concat(set_no, ' ') FROM (SELECT set_no FROM sets ORDER BY id)"
	assert_output "$(seq -s ' ' 1 100)"
	run -0 --separate-stderr bk-log export
	assert_equal "$(echo "$output" | tail -n +2 | cut -d, -f5 | paste -sd ' ')" "$(seq -s ' ' 1 100)"
	run -0 --separate-stderr bk-log list --format tsv --since 2026-11-20
	assert_equal "$(echo "$output" | tail -n +2 | cut -f5 | paste -sd ' ')" "$(seq -s ' ' 1 100)"
	before=$(q "SELECT id, set_no, reps FROM sets ORDER BY id")
	# a newer export: sets 41..60 changed, 101..130 new, set 7 twice, so
	# that statements of many rows meet stored keys, new keys and a key
	# twice
	{ echo "$hdr"; bk_rows 1 40 5; bk_rows 7 7 5; bk_rows 41 60 8
	  bk_rows 61 100 5; bk_rows 101 130 6; } > "$BATS_TEST_TMPDIR/b.csv"
	run -0 --separate-stderr bk-log import "$BATS_TEST_TMPDIR/b.csv"
	assert_output "imported 50 sets from '$BATS_TEST_TMPDIR/b.csv' (bk, kg): 30 new, 20 updated, 81 unchanged"
	assert_equal "$stderr" ""
	run -0 q "SELECT reps, count(*) FROM sets GROUP BY reps ORDER BY reps"
	assert_output "$(printf '%s\n' '5|80' '6|30' '8|20')"
	# the updated sets keep their ids; the new ones follow, in file order
	run -0 q "SELECT group_concat(set_no, ' ') FROM (SELECT set_no FROM sets ORDER BY id)"
	assert_output "$(seq -s ' ' 1 130)"
	run -0 q "SELECT count(*) FROM sets WHERE set_no <= 100 AND id <> set_no + (SELECT min(id) FROM sets) - 1"
	assert_output 0
	run -0 bk-log undo
	run -0 q "SELECT id, set_no, reps FROM sets ORDER BY id"
	assert_output "$before"
}

@test "import: the planned item of a set is chosen after the rows before it are stored" {
	run -0 bk-plan new desk --start 2026-11-16
	run -0 bk-plan add desk cat-cow 1x6
	run -0 bk-plan add desk cat-cow 1x6 --side left
	hdr='date,time,exercise,exercise_name,set,side,reps,hold_s,load_kg,rpe,skipped,reason,note,plan,key'
	# the second cat-cow finds the first item done, and takes the next
	{ echo "$hdr"
	  for i in $(seq 1 40); do printf '2026-11-20,08:%02d,band-row,,1,,10,,,,0,,,,b%04d\n' "$i" "$((99 - i))"; done
	  echo '2026-11-20,09:00,cat-cow,,1,,6,,,,0,,,desk,z1'
	  echo '2026-11-20,12:00,cat-cow,,1,,6,,,,0,,,desk,a1'; } > "$BATS_TEST_TMPDIR/p.csv"
	run -0 --separate-stderr bk-log import "$BATS_TEST_TMPDIR/p.csv"
	assert_output "imported 42 sets from '$BATS_TEST_TMPDIR/p.csv' (bk, kg): 42 new, 0 updated, 0 unchanged"
	run -0 q "SELECT s.source_key, pi.seq FROM sets s JOIN plan_items pi ON pi.id = s.plan_item_id ORDER BY s.id"
	assert_output "$(printf '%s\n' 'z1|1' 'a1|2')"
}
