#!/usr/bin/env bats
# One journal for every write of every command: undo takes back any of
# them; edit and end; refused and read-only commands write nothing.

load common

q() {
	sqlite3 "$BK_DB" "$1"
}

# what the store holds, journal aside
content() {
	sqlite3 "$BK_DB" "SELECT * FROM plans ORDER BY id;
		SELECT * FROM plan_items ORDER BY id;
		SELECT id, date, time, exercise_id, set_no, reps, hold_s, load_kg,
		  side, rpe, note, skipped, reason, plan_item_id FROM sets ORDER BY id;
		SELECT id, kind, date, value, unit, value_cm, level, region, note
		  FROM measurements ORDER BY id;
		SELECT id, slug, name FROM exercises WHERE builtin = 0 ORDER BY id"
}

# the store, its -wal and -shm, byte for byte
bytes() {
	local f
	for f in "$BK_DB" "$BK_DB-wal" "$BK_DB-shm"; do
		if [ -e "$f" ]; then digest "$f"; else echo "no $f"; fi
	done
}

@test "undo jams: a plan removed after its sets, then undo, every step back" {
	run -0 bk-plan new wk --on mon,tue,wed,thu,fri,sat,sun
	run -0 bk-plan add wk band-row 3x10
	run -0 bk-test pain 2
	run -0 bk-log band-row
	run -0 bk-log rm 1
	run -0 --separate-stderr bk-plan rm wk
	assert_output --partial "bk-plan end wk"
	run -0 --separate-stderr bk-log undo
	assert_equal "$stderr" ""
	assert_output "undid bk-plan: rm plan wk"
	# the plan is back with its items, and its sets with their links
	assert_equal "$(q "SELECT count(*) FROM plans WHERE name = 'wk'")" 1
	assert_equal "$(q 'SELECT count(*) FROM sets WHERE plan_item_id IS NULL')" 0
	run -0 bk-log undo
	assert_output "undid bk-log: rm 1 row (id 1)"
	assert_equal "$(q 'SELECT group_concat(id) FROM sets WHERE plan_item_id IS NOT NULL')" 1,2,3
	run -0 bk-log undo
	assert_output --partial "undid bk-log: log band-row 3x10"
	run -0 bk-log undo
	assert_output "undid bk-test: pain on 2026-11-21: 2/10"
	run -0 bk-log undo
	assert_output "undid bk-plan: add band-row to plan wk"
	run -0 bk-log undo
	assert_output "undid bk-plan: new plan wk"
	run -1 --separate-stderr bk-log undo
	assert_equal "$stderr" "bk-log: cannot undo: nothing left to undo"
	assert_equal "$(q 'SELECT count(*) FROM plans') $(q 'SELECT count(*) FROM sets') $(q 'SELECT count(*) FROM measurements')" "0 0 0"
}

@test "undo: bk-plan rm PLAN EXERCISE and a removed plan's sets come back linked" {
	run -0 bk-plan new wk
	run -0 bk-plan add wk band-row 2x10
	run -0 bk-plan add wk cat-cow 1x5
	run -0 bk-log band-row
	local before
	before=$(content)
	run -0 bk-plan rm wk band-row
	assert_equal "$(q 'SELECT count(*) FROM sets WHERE plan_item_id IS NULL')" 2
	run -0 bk-plan undo
	assert_output "undid bk-plan: rm band-row from wk"
	assert_equal "$(content)" "$before"
}

@test "undo: a phase change is journaled with the write that stored it" {
	run -0 bk-plan new ubr --template upper-back-relief
	q "INSERT INTO measurements (kind, date, time, value) VALUES
		('pain', '2026-11-21', '07:00', 0), ('pain', '2026-11-22', '08:00', 0)"
	local before
	before=$(content)
	# the condition is met: a read shows the warm-up without storing it
	BK_TODAY=2026-11-22 run -0 bk-plan list
	assert_line --regexp ',warm-up,running,'
	assert_equal "$(content)" "$before"
	# a refused write stores nothing either
	BK_TODAY=2026-11-22 run -2 --separate-stderr bk-log band-row 3x10 --plan nosuch
	assert_equal "$(content)" "$before"
	# the next write stores it, and undo takes both back, one at a time
	BK_TODAY=2026-11-22 run -0 bk-log band-row 3x10
	assert_equal "$(q 'SELECT phase FROM plans')" warm-up
	run -0 bk-log undo
	assert_output --partial "undid bk-log: log band-row"
	run -0 bk-log undo
	assert_output "undid bk-plan: move plans on to their next phase"
	assert_equal "$(content)" "$before"
}

@test "ids: an id undone or removed is never given again" {
	run -0 bk-log band-row 1
	assert_output --partial "(id 1)"
	run -0 bk-log undo
	run -0 bk-log band-row 1
	assert_output --partial "(id 2)"
	run -0 bk-log rm 2
	run -0 bk-log band-row 1
	assert_output --partial "(id 3)"
	run -0 bk-test pain 1
	run -0 bk-test undo
	run -0 bk-test pain 1
	assert_output --partial "(id 2)"
	for t in exercises plans plan_items sets measurements journal; do
		q "SELECT sql FROM sqlite_schema WHERE name = '$t'" | grep -q AUTOINCREMENT ||
			fail "$t has no AUTOINCREMENT"
	done
}

@test "ids: a store from before is rebuilt keeping its rows and ids, and its removed ids stay given" {
	sqlite3 "$BK_DB" < "$BATS_TEST_DIRNAME/fixtures/schema-v1.sql"
	run -0 bk-log list --format csv
	assert_line '1,2026-11-20,08:00,band-row,1,,10,,,,0,,normal,'
	assert_line '5,2026-11-20,08:00,band-row,1,,10,,,,0,kept,normal,'
	run -0 bk-log band-row 1
	# 6 and 7 were removed (in the trash): the next id is 8
	assert_output --partial "(id 8)"
	run -0 bk-log undo
	run -0 bk-log undo
	assert_output "undid bk-log: rm 2 rows (ids 6, 7)"
	assert_equal "$(q 'SELECT group_concat(id) FROM sets')" 1,5,6,7
	assert_equal "$(q 'PRAGMA foreign_key_check')" ""
	assert_equal "$(q 'PRAGMA integrity_check')" ok
}

@test "undo --dry-run: the latest writes and the next one, nothing written" {
	run -0 bk-log band-row 1
	run -0 bk-plan new wk
	run -0 bk-plan undo
	local before
	before=$(bytes)
	run -0 --separate-stderr bk undo --dry-run
	assert_equal "$stderr" ""
	assert_line --index 0 "undo would take back: bk-log: log band-row 1x1 on 2026-11-21 (1 row)"
	assert_line --regexp '^2 +undone +[0-9T:-]+ bk-plan: new plan wk$'
	assert_line --regexp '^1 +next +[0-9T:-]+ bk-log: log band-row'
	assert_equal "$(bytes)" "$before"
	run -0 bk-test undo --dry-run
	assert_line --index 0 "undo would take back: bk-log: log band-row 1x1 on 2026-11-21 (1 row)"
	run -0 bk-plan undo --dry-run
	run -0 bk-log undo
	run -0 bk-log undo --dry-run
	assert_line "nothing left to undo"
	run -2 --separate-stderr bk-log undo --dry-run extra
	assert_equal "${stderr%%$'\n'*}" "bk-log: unexpected argument 'extra'"
	# a store that does not exist is not made
	export BK_DB="$BATS_TEST_TMPDIR/none/x.db"
	run -0 bk-log undo --dry-run
	assert_output "nothing left to undo"
	assert_dir_not_exists "$BATS_TEST_TMPDIR/none"
}

@test "bk undo: the front end takes back the latest write of any command" {
	run -0 bk-plan exercise add my-ex --name "My Ex"
	run -0 bk-test pain 3
	run -0 bk undo
	assert_output "undid bk-test: pain on 2026-11-21: 3/10"
	run -0 bk undo
	assert_output "undid bk-plan: add exercise my-ex"
	assert_equal "$(q "SELECT count(*) FROM exercises WHERE slug = 'my-ex'")" 0
	run -1 --separate-stderr bk undo
	assert_equal "$stderr" "bk-log: cannot undo: nothing left to undo"
}

@test "undo: an entry that cannot be put back says why and leaves the older ones reachable" {
	run -0 bk-test pain 4
	run -0 bk-plan new wk
	run -0 bk-plan rm wk
	# a plan of that name made behind backkit's back
	q "INSERT INTO plans (name, start_date, created) VALUES ('wk', '2026-11-21', 'x')"
	run -0 --separate-stderr bk-plan undo
	assert_output "cannot undo bk-plan: rm plan wk: UNIQUE constraint failed: plans.name; it is left as it is, and the next undo takes bk-plan: new plan wk"
	run -0 bk-plan undo --dry-run
	assert_line --regexp '^3 +kept '
	run -0 bk-plan undo
	assert_output "undid bk-plan: new plan wk"
	run -0 bk-plan undo
	assert_output "undid bk-test: pain on 2026-11-21: 4/10"
}

@test "undo: a row put back whose plan item or exercise is gone comes back unlinked" {
	run -0 bk-plan new wk
	run -0 bk-plan add wk band-row 1x10
	run -0 bk-log band-row
	run -0 bk-log rm 1
	# the item goes behind the journal's back
	q "PRAGMA foreign_keys = ON; DELETE FROM plan_items"
	run -0 bk-log undo
	assert_output "undid bk-log: rm 1 row (id 1)"
	assert_equal "$(q 'SELECT id, plan_item_id IS NULL FROM sets')" "1|1"
	assert_equal "$(q 'PRAGMA foreign_key_check')" ""
}

@test "bk-log edit: rows changed in place, checked as when logging, one undo" {
	run -0 bk-log band-row 3x10 --time 08:00
	local before
	before=$(content)
	run -0 --separate-stderr bk-log edit 1 2 12@5kg --rpe 7 --note "felt good"
	assert_output "changed 2 rows (ids 1, 2)"
	run -0 bk-log list --format csv
	assert_line '1,2026-11-21,08:00,band-row,1,,12,,5,7,0,felt good,normal,'
	assert_line '2,2026-11-21,08:00,band-row,2,,12,,5,7,0,felt good,normal,'
	assert_line '3,2026-11-21,08:00,band-row,3,,10,,,,0,,normal,'
	run -0 bk-log edit 3 30s --date yesterday --time 07:15 --side left
	run -0 bk-log list --format csv
	assert_line '3,2026-11-20,07:15,band-row,3,left,,30,,,0,,normal,'
	run -0 bk-log edit 3 --reps 8 --hold 2s --load 15lb --note ''
	run -0 bk-log list --format csv
	assert_line '3,2026-11-20,07:15,band-row,3,left,8,2,6.804,,0,,normal,'
	run -0 bk-log undo
	run -0 bk-log undo
	run -0 bk-log undo
	assert_output "undid bk-log: edit 2 rows (ids 1, 2)"
	assert_equal "$(content)" "$before"
}

@test "bk-log edit: every bad value is refused, naming it, the store unchanged" {
	run -0 bk-log band-row 2x10
	run -0 bk-log skip cat-cow
	local before
	before=$(bytes)
	run -2 --separate-stderr bk-log edit 1 3x
	assert_err "bk-log: invalid spec '3x': missing reps or time after 'x'"
	run -2 --separate-stderr bk-log edit 1 3x10
	assert_err "bk-log: invalid spec '3x10': 3 sets for 1 row (each row is one set)"
	run -2 --separate-stderr bk-log edit 1 --reps 0
	assert_err "bk-log: invalid reps '0' (a whole number from 1 to 10000)"
	run -2 --separate-stderr bk-log edit 1 --load 5stone
	assert_err_partial "bk-log: invalid load '5stone'"
	run -2 --separate-stderr bk-log edit 1 --rpe 11
	assert_err "bk-log: invalid RPE '11' (0 to 10)"
	run -2 --separate-stderr bk-log edit 1 --date tomorrow
	assert_err_partial "bk-log: invalid date 'tomorrow'"
	run -2 --separate-stderr bk-log edit 1 --time 25:00
	assert_err_partial "bk-log: invalid time '25:00'"
	run -2 --separate-stderr bk-log edit 1 --side both
	assert_err "bk-log: invalid side 'both' for edit (left or right: a row is one side)"
	run -2 --separate-stderr bk-log edit x --rpe 3
	assert_err "bk-log: invalid id 'x' (a row id that 'bk-log list' shows)"
	run -2 --separate-stderr bk-log edit 1
	assert_err "bk-log: edit needs a SPEC or an option saying what to change"
	run -2 --separate-stderr bk-log edit 1 --reason x
	run -1 --separate-stderr bk-log edit 1 99 --rpe 3
	assert_equal "$stderr" "bk-log: cannot edit: no row with id 99"
	run -1 --separate-stderr bk-log edit 3 --reps 4
	assert_equal "$stderr" "bk-log: cannot edit row 3: it is a skip, with nothing done to change"
	assert_equal "$(bytes)" "$before"
}

@test "bk-test edit: a value, a date or a note changed in place, checked, one undo" {
	run -0 bk-test pain 3 --note x
	run -0 bk-test toe-touch -- -10
	run -0 bk-test sit-and-reach 12
	local before
	before=$(content)
	run -0 --separate-stderr bk-test edit 1 5 --note "after a walk"
	assert_output "changed pain 1"
	assert_equal "$(q 'SELECT value, note FROM measurements WHERE id = 1')" "5.0|after a walk"
	run -0 bk-test edit 2 ankles --date yesterday
	assert_equal "$(q 'SELECT value, value_cm IS NULL, level, date FROM measurements WHERE id = 2')" "|1|ankles|2026-11-20"
	run -0 bk-test edit 3 14
	assert_equal "$(q 'SELECT value, unit FROM measurements WHERE id = 3')" "14.0|in"
	run -2 --separate-stderr bk-test edit 1 11
	assert_err "bk-test: invalid pain rating '11' (a whole number from 0 to 10)"
	run -2 --separate-stderr bk-test edit 2 elbows
	assert_err_partial "bk-test: invalid reach 'elbows'"
	run -2 --separate-stderr bk-test edit 1 --date tomorrow
	assert_err "bk-test: invalid date 'tomorrow': it is in the future"
	run -2 --separate-stderr bk-test edit 1
	assert_err "bk-test: edit needs a VALUE, --date or --note"
	run -1 --separate-stderr bk-test edit 9 3
	assert_equal "$stderr" "bk-test: cannot edit 9: no such measurement"
	run -0 bk-test undo
	run -0 bk-test undo
	run -0 bk-test undo
	assert_output "undid bk-test: edit pain 1"
	assert_equal "$(content)" "$before"
}

@test "bk-plan end: nothing due or missed after the end, history stays, list shows it, undo" {
	run -0 bk-plan new wk --start 2026-11-16
	run -0 bk-plan add wk band-row 1x10
	BK_TODAY=2026-11-18 run -0 bk-log band-row
	local before
	before=$(content)
	run -0 --separate-stderr bk-plan end wk --date 2026-11-19
	assert_output "ended plan wk on Thu 2026-11-19: nothing is due after it; its history stays ('bk-plan undo' takes it back)"
	run -0 bk-plan list --format csv
	assert_line 'wk,,2026-11-16,2026-11-19,4,,ended,7'
	run -0 bk-plan today --format csv
	refute_output --partial band-row
	run -0 bk-plan show wk --all --format csv
	assert_line --regexp '^2026-11-18,wk,.*band-row.*done'
	refute_output --partial 2026-11-20
	assert_equal "$(q 'SELECT count(*) FROM sets WHERE plan_item_id IS NOT NULL')" 1
	run -1 --separate-stderr bk-plan end wk
	assert_equal "$stderr" "bk-plan: cannot end plan 'wk' on 2026-11-21: it ends on 2026-11-19 already"
	run -0 bk-plan undo
	assert_output "undid bk-plan: end plan wk on 2026-11-19"
	assert_equal "$(content)" "$before"
	run -1 --separate-stderr bk-plan end wk --date 2026-11-01
	assert_equal "$stderr" "bk-plan: cannot end plan 'wk' on 2026-11-01: it starts on 2026-11-16"
	run -2 --separate-stderr bk-plan end nosuch
	run -2 --separate-stderr bk-plan end wk --date someday
	assert_err_partial "bk-plan: invalid --date 'someday'"
	assert_equal "$(content)" "$before"
}

@test "refused and read-only commands write nothing, the catalog included" {
	run -0 bk-log band-row 1
	mkdir -p "$BATS_TEST_TMPDIR/share"
	sed 's/^band-row,Band Row,/band-row,Band Pull Row,/' "$TOP/share/backkit/exercises.csv" \
		> "$BATS_TEST_TMPDIR/share/exercises.csv"
	cp -r "$TOP/share/backkit/templates" "$BATS_TEST_TMPDIR/share/"
	export BK_DATADIR="$BATS_TEST_TMPDIR/share"
	local before
	before=$(content)
	run -1 bk-log rm 999999
	run -0 bk-log list
	run -2 bk-stats volume --exercise nosuch
	run -0 bk-stats summary
	run -2 bk-log band-row 3x10 --plan nosuch
	assert_equal "$(content)" "$before"
	assert_equal "$(q "SELECT name FROM exercises WHERE slug = 'band-row'")" "Band Row"
	run -0 bk-log cat-cow 1
	assert_equal "$(q "SELECT name FROM exercises WHERE slug = 'band-row'")" "Band Pull Row"
}

@test "bk-stats never opens the store for writing" {
	run -0 bk-log band-row 3x10
	run -0 bk-plan new ubr --template upper-back-relief
	run -0 bk-test pain 0 --date 2026-11-19
	run -0 bk-test pain 0
	local before
	before=$(bytes)
	for c in summary volume streak adherence; do
		run bk-stats $c
		assert_equal "$(bytes)" "$before"
	done
	chmod 0444 "$BK_DB"
	run -0 bk-stats summary
}

@test "a confirmation that cannot be written stores nothing, exit 1" {
	run -0 bk-test pain 1
	local before
	before=$(content)
	run -1 --separate-stderr bash -c 'bk-log band-row 3x10 >&-'
	assert_err_partial "bk-log: cannot write output:"
	run -1 --separate-stderr bash -c 'bk-log band-row 3x10 > /dev/full'
	assert_equal "$stderr" "bk-log: cannot write output: No space left on device; nothing was stored"
	run -1 bash -c 'bk-test pain 4 > /dev/full'
	run -1 bash -c 'bk-plan new wk > /dev/full'
	run -1 bash -c 'bk-log undo > /dev/full'
	run -1 bash -c 'bk-log edit 1 --reps 3 >&-'
	# a reader gone before the write (its end of the pipe closed first, so
	# no race with it): told EPIPE, nothing is stored
	run -1 --separate-stderr /usr/bin/python3 -c 'import os, subprocess, sys
r, w = os.pipe()
os.close(r)
sys.exit(subprocess.run(["bk-log", "band-row", "3x10"], stdout=w).returncode)'
	assert_err_partial "bk-log: cannot write output: Broken pipe"
	assert_equal "$(content)" "$before"
}

@test "a refused store keeps every byte, -wal and -shm included" {
	run -0 bk-log band-row 1
	# a newer backkit's writer killed with frames still in the -wal
	python3 - "$BK_DB" <<-'EOF'
		import sqlite3, os, sys
		c = sqlite3.connect(sys.argv[1], isolation_level=None)
		c.execute('PRAGMA wal_autocheckpoint = 0')
		c.execute('PRAGMA user_version = 90')
		os._exit(0)
	EOF
	assert_file_exists "$BK_DB-wal"
	local before
	before=$(bytes)
	run -1 --separate-stderr bk-log list
	assert_err_partial "made by a newer backkit (schema 90;"
	run -1 --separate-stderr bk-log band-row 1
	assert_err_partial "made by a newer backkit (schema 90;"
	run -1 bk-stats summary
	assert_equal "$(bytes)" "$before"
}

@test "a truncated store with a planted empty -wal is refused untouched" {
	run -0 bk-log band-row 1
	run -0 bk-test pain 2
	sqlite3 "$BK_DB" 'PRAGMA wal_checkpoint(TRUNCATE)' > /dev/null
	rm -f "$BK_DB-wal" "$BK_DB-shm"
	head -c 8192 "$BK_DB" > "$BATS_TEST_TMPDIR/cut.db"
	export BK_DB="$BATS_TEST_TMPDIR/cut.db"
	: > "$BK_DB-wal"
	local before
	before=$(bytes)
	run -1 --separate-stderr bk-log list
	assert_err_partial "malformed"
	run -1 --separate-stderr bk-log band-row 1
	assert_err_partial "malformed"
	assert_equal "$(bytes)" "$before"
}

@test "dates outside 0001..9999 are refused naming the value" {
	BK_TODAY=0001-01-01 run -2 --separate-stderr bk-log band-row 3x10 --date yesterday
	assert_err "bk-log: invalid date 'yesterday' (YYYY-MM-DD, YYYY-MM, YYYY, today, yesterday, tomorrow, a weekday, -3d, +2w, -1m, -1y, sow, eow, som, eom, soy, eoy, last|this|next week|month|year)"
	BK_TODAY=9999-12-31 run -2 --separate-stderr bk-plan new late --start tomorrow
	assert_err_partial "bk-plan: invalid --start 'tomorrow'"
	BK_TODAY=9999-12-30 run -2 --separate-stderr bk-plan new late --days 5
	assert_err "bk-plan: invalid start '9999-12-30': the plan would end after 9999-12-31"
	BK_TODAY=0001-01-01 run -2 bk-test pain 2 --date yesterday
	assert_file_not_exists "$BK_DB"
	BK_TODAY=9999-12-30 run -0 bk-plan new late --days 2
	assert_equal "$(q 'SELECT end_date FROM plans')" 9999-12-31
}

@test "a dry-run or refused import never creates the store" {
	run -0 bk-log band-row 1
	bk-log export > "$BATS_TEST_TMPDIR/in.csv"
	export BK_DB="$BATS_TEST_TMPDIR/new/x.db"
	run -0 bk-log import "$BATS_TEST_TMPDIR/in.csv" --dry-run
	assert_output --partial "would import 1 set"
	assert_dir_not_exists "$BATS_TEST_TMPDIR/new"
}

@test "a refused write never leaves a store or its directory behind" {
	export BK_DB="$BATS_TEST_TMPDIR/new/dir/x.db"
	printf 'not,a,log\n1,2,3\n' > "$BATS_TEST_TMPDIR/bad.csv"
	run -1 --separate-stderr bk-log import "$BATS_TEST_TMPDIR/bad.csv"
	assert_err_partial "bk-log: cannot import"
	run -2 bk-log band-row 3x10 --plan nosuch
	run -1 bk-log rm 1
	run -1 bk-log undo
	run -2 bk-plan add nosuch band-row
	run -1 bk-test rm 4
	assert_dir_not_exists "$BATS_TEST_TMPDIR/new"
	run -0 bk-log band-row 1
	assert_file_exists "$BK_DB"
}
