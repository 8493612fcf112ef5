#!/usr/bin/env bats
# bk-log export and import: the lossless bk format and the exports of
# Strong, FitNotes and Hevy.

load common

FIX="$BATS_TEST_DIRNAME/fixtures"

# the set log as text, oldest first
sets() {
	sqlite3 -separator '|' "$BK_DB" "SELECT s.date, coalesce(s.time, '-'),
		e.slug, s.set_no, coalesce(s.reps, '-'), coalesce(s.hold_s, '-'),
		coalesce(s.load_kg, '-'), coalesce(s.rpe, '-'), coalesce(s.note, '-'),
		s.set_type, coalesce(s.distance_m, '-')
		FROM sets s JOIN exercises e ON e.id = s.exercise_id
		ORDER BY s.date, s.time, s.id"
}

dbsum() {
	sqlite3 "$BK_DB" .dump | sha256sum | cut -d' ' -f1
}

count() {
	sqlite3 "$BK_DB" "SELECT count(*) FROM sets"
}

@test "round trip: the hostile fixture imports into an empty store and exports byte for byte" {
	run -0 --separate-stderr bk-log import "$FIX/bk-hostile.csv" --create-missing
	assert_line --index 0 'added exercise wall-angel (Wall Angel, "wide")'
	assert_line --index 1 "imported 10 sets from '$FIX/bk-hostile.csv' (bk, kg): 10 new, 0 updated, 0 unchanged"
	bk-log export > "$BATS_TEST_TMPDIR/1.csv"
	cmp "$BATS_TEST_TMPDIR/1.csv" "$FIX/bk-hostile.csv"
	# and once more, from that export into another empty store
	BK_DB="$BATS_TEST_TMPDIR/2.db" bk-log import --create-missing - < "$BATS_TEST_TMPDIR/1.csv"
	BK_DB="$BATS_TEST_TMPDIR/2.db" bk-log export > "$BATS_TEST_TMPDIR/2.csv"
	cmp "$BATS_TEST_TMPDIR/2.csv" "$FIX/bk-hostile.csv"
	# what the notes hold, byte for byte
	run -0 sqlite3 "$BK_DB" "SELECT note FROM sets WHERE id IN (2, 3, 5, 7, 9) ORDER BY id"
	assert_output "$(printf 'a CRLF\r\ninside, and a tab\there\n=SUM(A1:A9)\n-left side first\n'"'"'quoted by hand'"'"'\n leading and trailing blanks ')"
	run -0 sqlite3 "$BK_DB" "SELECT reason FROM sets WHERE id = 10"
	assert_output "$(printf '\tstarts with a tab')"
	run -0 sqlite3 "$BK_DB" "SELECT note FROM sets WHERE id = 8"
	assert_output 'Grüße aus Köln — 東京 ✓ 🙂'
}

@test "round trip: sets logged here, with a user exercise, export and import losslessly" {
	run -0 bk-plan exercise add wall-angel --name $'Wall, "Angel"\t=1'
	run -0 bk-log wall-angel 2x8@2.5kg --date 2026-11-01 --time 06:00 --note $'=HYPERLINK("x")\n+2'
	run -0 bk-log dumbbell-row 1x10@15lb --date 2026-11-02 --rpe 6.5 --note '@me, -you'
	run -0 bk-log passive-hang 2x1m --date 2026-11-03 --note $'tab\tand "quote" and ünïcödé 🙂'
	run -0 bk-log skip cat-cow --date 2026-11-03 --reason '-sore, "later"'
	bk-log export > "$BATS_TEST_TMPDIR/1.csv"
	export BK_DB="$BATS_TEST_TMPDIR/empty.db"
	run -1 --separate-stderr bk-log import "$BATS_TEST_TMPDIR/1.csv"
	assert_err "bk-log: cannot import '$BATS_TEST_TMPDIR/1.csv': unknown exercise 'wall-angel' (line 2) (add it with --create-missing or 'bk-plan exercise add')"
	run -0 bk-log import "$BATS_TEST_TMPDIR/1.csv" --create-missing
	assert_line --index 0 'added exercise wall-angel (Wall, "Angel"\t=1)'
	bk-log export > "$BATS_TEST_TMPDIR/2.csv"
	cmp "$BATS_TEST_TMPDIR/1.csv" "$BATS_TEST_TMPDIR/2.csv"
	run -0 sqlite3 "$BK_DB" "SELECT name FROM exercises WHERE slug = 'wall-angel'"
	assert_output "$(printf 'Wall, "Angel"\t=1')"
}

@test "export: a header row, one row per set, CSV with formulas defused; filters and formats" {
	run -0 bk-log band-row 2x10 --date 2026-11-10 --note '=1+1'
	run -0 bk-log cat-cow 5 --date 2026-11-12
	run -0 bk-log export
	assert_equal "${#lines[@]}" 4
	assert_line --index 0 'date,time,exercise,exercise_name,set,side,reps,hold_s,load_kg,rpe,skipped,reason,note,plan,key,set_type,distance_m'
	assert_line --index 1 --regexp "^2026-11-10,,band-row,Band Row,1,,10,,,,0,,'=1\+1,,log:[0-9a-f]{32},normal,$"
	run -0 bk-log export --since 2026-11-11
	assert_equal "${#lines[@]}" 2
	assert_line --index 1 --partial '2026-11-12,,cat-cow,Cat-Cow,1,,5,'
	run -0 bk-log export --until 2026-11-11 --exercise band-row
	assert_equal "${#lines[@]}" 3
	run -0 bk-log export --exercise cat-cow --until 2026-11-11
	assert_equal "${#lines[@]}" 1
	# JSON keeps the text as it is
	run -0 bash -c "bk-log export --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(len(d), d[0][\"note\"], d[0][\"set\"])'"
	assert_output '3 =1+1 1'
	run -2 --separate-stderr bk-log export --format xml
	assert_err "bk-log: invalid format 'xml' (one of: table, csv, tsv, json)"
	run -2 --separate-stderr bk-log export --dry-run
	assert_err "bk-log: option --dry-run does not apply to 'export'"
}

@test "export: a planned set names its plan, and import links it again" {
	bk-log list > /dev/null
	bk-plan exercise add x-store --name 'Store' > /dev/null
	sqlite3 "$BK_DB" "INSERT INTO plans (id, name, start_date, created) VALUES (1, 'daily', '2026-11-01', '2026-11-01');
		INSERT INTO plan_items (id, plan_id, weekday, exercise_id, sets, reps, seq) VALUES
		(7, 1, 6, (SELECT id FROM exercises WHERE slug = 'cat-cow'), 2, 5, 1)"
	run -0 bk-log cat-cow --time 08:00
	assert_output 'logged cat-cow 2x5 on 2026-11-21 at 08:00 for plan daily (ids 1-2)'
	bk-log export > "$BATS_TEST_TMPDIR/e.csv"
	run -0 cut -d, -f14 "$BATS_TEST_TMPDIR/e.csv"
	assert_output "$(printf 'plan\ndaily\ndaily')"
	sqlite3 "$BK_DB" "DELETE FROM sets; DELETE FROM trash; DELETE FROM journal"
	run -0 bk-log import "$BATS_TEST_TMPDIR/e.csv"
	run -0 sqlite3 "$BK_DB" "SELECT group_concat(plan_item_id) FROM sets"
	assert_output '7,7'
	# in a store without that plan the sets come in unlinked, and are counted
	export BK_DB="$BATS_TEST_TMPDIR/other.db"
	run -0 bk-log import "$BATS_TEST_TMPDIR/e.csv"
	assert_output "imported 2 sets from '$BATS_TEST_TMPDIR/e.csv' (bk, kg): 2 new, 0 updated, 0 unchanged; 2 plan links not found"
}

@test "import: a set of another exercise never takes the planned item of the row before" {
	bk-plan exercise add x-store --name 'Store' > /dev/null
	sqlite3 "$BK_DB" "INSERT INTO plans (id, name, start_date, created) VALUES (1, 'daily', '2026-11-01', '2026-11-01');
		INSERT INTO plan_items (id, plan_id, weekday, exercise_id, sets, reps, seq) VALUES
		(7, 1, 6, (SELECT id FROM exercises WHERE slug = 'cat-cow'), 2, 5, 1),
		(8, 1, 6, (SELECT id FROM exercises WHERE slug = 'band-row'), 2, 5, 2)"
	local h='date,time,exercise,exercise_name,set,side,reps,hold_s,load_kg,rpe,skipped,reason,note,plan,key'
	printf '%s\n%s\n%s\n' "$h" \
		'2026-11-21,08:00,cat-cow,,1,,5,,,,0,,,daily,k:1' \
		'2026-11-21,08:00,band-row,,2,,5,,,,0,,,daily,k:2' > "$BATS_TEST_TMPDIR/p.csv"
	run -0 bk-log import "$BATS_TEST_TMPDIR/p.csv"
	run -0 sqlite3 "$BK_DB" "SELECT group_concat(plan_item_id) FROM (SELECT plan_item_id FROM sets ORDER BY id)"
	assert_output '7,8'
	# a duplicate is neither imported nor counted as a link not found
	sqlite3 "$BK_DB" "DELETE FROM plan_items WHERE id = 8"
	printf '2026-11-20,08:00,band-row,,1,,5,,,,0,,,daily,k:3\n' >> "$BATS_TEST_TMPDIR/p.csv"
	run -0 bk-log import "$BATS_TEST_TMPDIR/p.csv"
	assert_output "imported 1 set from '$BATS_TEST_TMPDIR/p.csv' (bk, kg): 1 new, 0 updated, 2 unchanged; 1 plan link not found"
}

@test "import strong: sets, reps, loads, holds, dates and set kinds" {
	run -0 --separate-stderr bk-log import "$FIX/strong.csv" --units kg
	assert_output "imported 9 sets from '$FIX/strong.csv' (strong, kg): 9 new, 0 updated, 0 unchanged; not imported: 'Duration' (9 values), 'Workout Notes' (1 value)"
	assert_equal "$stderr" ""
	run -0 sets
	assert_output "$(printf '%s\n' \
		'2025-12-20|08:00|band-row|1|12|-|-|-|-|normal|-' \
		'2025-12-20|08:00|band-row|2|12|-|-|-|-|normal|-' \
		'2025-12-20|08:00|dumbbell-row|1|10|-|5.0|-|warm, easy|warmup|-' \
		'2025-12-20|08:00|dumbbell-row|2|8|-|12.5|8.0|-|normal|-' \
		'2025-12-20|08:00|dumbbell-row|3|8|-|12.5|8.5|-|normal|-' \
		'2025-12-20|08:00|dumbbell-row|4|10|-|7.5|-|-|drop|-' \
		'2025-12-20|08:00|passive-hang|1|-|30.0|-|-|-|normal|-' \
		'2025-12-20|08:00|passive-hang|2|-|45.0|-|-|grip gave out|failure|-' \
		'2025-12-21|18:30|plank-alternate-arm-lift|1|15|-|-|-|-|normal|-')"
}

@test "import strong: Weight Unit in pounds, CRLF line ends" {
	run -0 bk-log import "$FIX/strong-units.csv"
	assert_output "imported 3 sets from '$FIX/strong-units.csv' (strong, kg and lb): 3 new, 0 updated, 0 unchanged; not imported: 'Duration' (3 values)"
	run -0 sets
	assert_output "$(printf '%s\n' \
		'2025-12-22|07:15|face-pull|1|12|-|9.072|7.0|-|normal|-' \
		'2025-12-22|07:15|face-pull|2|12|-|9.072|-|-|normal|-' \
		'2025-12-22|07:15|band-row|1|15|-|10.0|-|-|normal|-')"
}

@test "import strong: Android files with ';', decimal commas, a BOM and no final newline" {
	run -0 bk-log import "$FIX/strong-android.csv" --units kg --format strong
	assert_output "imported 2 sets from '$FIX/strong-android.csv' (strong, kg): 2 new, 0 updated, 0 unchanged; not imported: 'Duration' (2 values)"
	run -0 sets
	assert_output "$(printf '%s\n' \
		'2025-12-23|06:45|dumbbell-row|1|8|-|12.5|7.5|links; dann rechts|normal|-' \
		'2025-12-23|06:45|dumbbell-row|2|8|-|12.5|-|-|normal|-')"
}

@test "import fitnotes: kgs and lbs, times as h:mm:ss and m:ss, comments" {
	run -0 bk-log import "$FIX/fitnotes.csv"
	assert_output "imported 7 sets from '$FIX/fitnotes.csv' (fitnotes, kg and lb): 7 new, 0 updated, 0 unchanged; not imported: 'Category' (7 values)"
	run -0 sets
	assert_output "$(printf '%s\n' \
		'2025-12-18|-|band-row|1|15|-|-|-|-|normal|-' \
		'2025-12-18|-|band-row|2|15|-|-|-|slow, controlled|normal|-' \
		'2025-12-18|-|dumbbell-row|1|10|-|11.34|-|-|normal|-' \
		'2025-12-18|-|dumbbell-row|2|10|-|11.34|-|-|normal|-' \
		'2025-12-18|-|passive-hang|1|-|40.0|-|-|-|normal|-' \
		'2025-12-19|-|passive-hang|1|-|65.0|-|-|-|normal|-' \
		'2025-12-19|-|face-pull|1|12|-|12.5|-|-|normal|-')"
}

@test "import hevy: kg and lbs files, '22 Dec 2025, 08:00' times, set types" {
	run -0 bk-log import "$FIX/hevy.csv"
	assert_output "imported 5 sets from '$FIX/hevy.csv' (hevy, kg): 5 new, 0 updated, 0 unchanged; not imported: 'end_time' (5 values), 'set_index' (3 values)"
	run -0 bk-log import "$FIX/hevy-lbs.csv" --format hevy
	assert_output "imported 2 sets from '$FIX/hevy-lbs.csv' (hevy, lb): 2 new, 0 updated, 0 unchanged; not imported: 'end_time' (2 values), 'description' (2 values), 'set_index' (1 value)"
	run -0 sets
	assert_output "$(printf '%s\n' \
		'2025-12-22|08:00|face-pull|1|15|-|5.0|-|elbows high|warmup|-' \
		'2025-12-22|08:00|face-pull|2|12|-|10.0|8.0|-|normal|-' \
		'2025-12-22|08:00|face-pull|3|9|-|10.0|10.0|-|failure|-' \
		'2025-12-22|08:00|passive-hang|1|-|35.0|-|-|-|normal|-' \
		'2025-12-22|08:00|passive-hang|2|-|40.0|-|-|-|normal|-' \
		'2025-12-23|18:05|dumbbell-row|1|10|-|11.34|-|-|normal|-' \
		'2025-12-23|18:05|dumbbell-row|2|12|-|6.804|-|-|drop|-')"
}

@test "import: a second import of the same file adds nothing and says so" {
	local f
	for f in strong strong-units strong-android fitnotes hevy hevy-lbs bk-hostile; do
		run -0 bk-log import "$FIX/$f.csv" --units kg --create-missing
	done
	local before n
	before=$(dbsum)
	n=$(count)
	assert_equal "$n" 38
	for f in strong strong-units strong-android fitnotes hevy hevy-lbs bk-hostile; do
		run -0 bk-log import "$FIX/$f.csv" --units kg
		assert_output --regexp "^imported 0 sets from '.*/$f.csv' \([a-z ,]+\): 0 new, 0 updated, [0-9]+ unchanged(; not imported: .*)?$"
	done
	run -0 bk-log import "$FIX/strong.csv" --units kg
	assert_output "imported 0 sets from '$FIX/strong.csv' (strong, kg): 0 new, 0 updated, 9 unchanged; not imported: 'Duration' (9 values), 'Workout Notes' (1 value)"
	assert_equal "$(dbsum)" "$before"
	# a file that overlaps: only the new rows come in
	{ cat "$FIX/fitnotes.csv"; echo '2025-12-20,Band Row,Back,0.0,kgs,20,,,,'; } > "$BATS_TEST_TMPDIR/more.csv"
	run -0 bk-log import "$BATS_TEST_TMPDIR/more.csv"
	assert_output "imported 1 set from '$BATS_TEST_TMPDIR/more.csv' (fitnotes, kg and lb): 1 new, 0 updated, 7 unchanged; not imported: 'Category' (8 values)"
	# an export of a store imported into itself adds nothing either
	bk-log export > "$BATS_TEST_TMPDIR/all.csv"
	run -0 bk-log import "$BATS_TEST_TMPDIR/all.csv"
	assert_output "imported 0 sets from '$BATS_TEST_TMPDIR/all.csv' (bk, kg): 0 new, 0 updated, 39 unchanged"
}

@test "import: the same exercise in any case counts as one run of sets" {
	# 'passive hang' and 'Passive Hang' in strong.csv are sets 1 and 2
	run -0 bk-log import "$FIX/strong.csv" --units kg
	run -0 sqlite3 "$BK_DB" "SELECT group_concat(set_no) FROM sets s JOIN exercises e ON e.id = s.exercise_id WHERE e.slug = 'passive-hang'"
	assert_output '1,2'
}

@test "import: unknown exercise names fail the import, all listed; --create-missing adds them" {
	cat > "$BATS_TEST_TMPDIR/u.csv" <<-'CSV'
	Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment
	2025-12-18,Band Row,Back,0.0,kgs,15,,,,
	2025-12-18,Bench Press (Barbell),Chest,60.0,kgs,5,,,,
	2025-12-18,Bench Press (Barbell),Chest,60.0,kgs,5,,,,
	2025-12-18,"Cable Row, seated",Back,30.0,kgs,10,,,,
	2025-12-19,band-row-2,Back,0.0,kgs,15,,,,
	CSV
	run -0 bk-plan exercise add band-row-2 --name 'Band Row Two'
	local before
	before=$(dbsum)
	run -1 --separate-stderr bk-log import "$BATS_TEST_TMPDIR/u.csv"
	assert_equal "$output" ""
	assert_err "bk-log: cannot import '$BATS_TEST_TMPDIR/u.csv': unknown exercises 'Bench Press (Barbell)' (line 3), 'Cable Row, seated' (line 5) (add them with --create-missing or 'bk-plan exercise add')"
	run -1 bk-log import "$BATS_TEST_TMPDIR/u.csv" --dry-run
	assert_equal "$(dbsum)" "$before"
	run -0 bk-log import "$BATS_TEST_TMPDIR/u.csv" --create-missing --dry-run
	assert_output "$(printf '%s\n' 'would add exercise bench-press-barbell (Bench Press (Barbell))' \
		'would add exercise cable-row-seated (Cable Row, seated)' \
		"would import 5 sets from '$BATS_TEST_TMPDIR/u.csv' (fitnotes, kg): 5 new, 0 updated, 0 unchanged; not imported: 'Category' (5 values)")"
	assert_equal "$(dbsum)" "$before"
	run -0 bk-log import "$BATS_TEST_TMPDIR/u.csv" --create-missing
	assert_line --index 0 'added exercise bench-press-barbell (Bench Press (Barbell))'
	assert_line --index 2 "imported 5 sets from '$BATS_TEST_TMPDIR/u.csv' (fitnotes, kg): 5 new, 0 updated, 0 unchanged; not imported: 'Category' (5 values)"
	run -0 bk-plan exercise 'bench press (barbell)'
	assert_line --index 0 'Bench Press (Barbell) (bench-press-barbell)'
	# a slug that is taken gets a number
	printf 'Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment\n2025-12-20,Bench-Press Barbell!,Chest,1,kgs,1,,,,\n' > "$BATS_TEST_TMPDIR/v.csv"
	run -0 bk-log import "$BATS_TEST_TMPDIR/v.csv" --create-missing
	assert_line --index 0 'added exercise bench-press-barbell-2 (Bench-Press Barbell!)'
}

@test "import: hostile names are shown escaped in messages" {
	printf 'Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment\n2025-12-18,"\033[31mred\nrow",Back,0,kgs,5,,,,\n' > "$BATS_TEST_TMPDIR/h.csv"
	run -1 --separate-stderr bk-log import "$BATS_TEST_TMPDIR/h.csv"
	assert_err "bk-log: cannot import '$BATS_TEST_TMPDIR/h.csv': unknown exercise '\\x1b[31mred\\nrow' (line 2) (add it with --create-missing or 'bk-plan exercise add')"
	run -0 bk-log import "$BATS_TEST_TMPDIR/h.csv" --create-missing
	assert_line --index 0 'added exercise x-31mred-row (\x1b[31mred\nrow)'
}

@test "import: malformed files fail whole, naming the file and the line, store unchanged" {
	run -0 bk-log cat-cow 3 --date yesterday
	local before f
	before=$(dbsum)
	f="$BATS_TEST_TMPDIR/bad.csv"
	bad() {
		printf "$1" > "$f"
		run -1 --separate-stderr bk-log import "$f"
		assert_equal "$output" ""
		assert_err "bk-log: cannot import '$f': $2"
		assert_equal "$(dbsum)" "$before"
	}
	local h='Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment\n'
	local ok='2025-12-18,Band Row,Back,0.0,kgs,15,,,,\n'
	bad "$h$ok$ok"'2025-12-18,Band Row,Back,0.0,kgs,15,,,,"open\n' \
		'line 4: malformed CSV: unterminated quoted field'
	bad "$h$ok"'2025-12-18,Band Row,Back,0.0,kgs,15,,,\n' 'line 3: 9 fields, expected 10'
	bad "$h$ok"'2025-02-30,Band Row,Back,0.0,kgs,15,,,,\n' "line 3: invalid Date '2025-02-30'"
	bad "$h$ok"'2025-12-18,Band Row,Back,heavy,kgs,15,,,,\n' "line 3: invalid Weight 'heavy'"
	bad "$h$ok"'2025-12-18,Band Row,Back,-5,kgs,15,,,,\n' "line 3: invalid Weight '-5'"
	bad "$h$ok"'2025-12-18,Band Row,Back,5,stone,15,,,,\n' "line 3: invalid Weight Unit 'stone': expected kg or lbs"
	bad "$h$ok"'2025-12-18,Band Row,Back,5,kgs,1.5,,,,\n' "line 3: invalid Reps '1.5': not a whole number"
	bad "$h$ok"'2025-12-18,Band Row,Back,5,kgs,99999,,,,\n' "line 3: invalid Reps '99999': out of range 1 to 10000"
	bad "$h$ok"'2025-12-18,Band Row,Back,5,kgs,5,,,1:99,\n' "line 3: invalid Time '1:99'"
	bad "$h$ok"'2025-12-18,Band Row,x"y,5,kgs,5,,,,\n' 'line 3: malformed CSV: a quote inside an unquoted field or after a closing quote'
	bad "$h$ok"'2025-12-18,,Back,5,kgs,5,,,,\n' "line 3: invalid Exercise '': empty"
	bad 'Date,Workout Name,Exercise Name,Set Order,Weight (kg),Reps\n2025-12-20 08:00:00,W,Band Row,X,0,12\n' \
		"line 2: invalid Set Order 'X': expected a number, W, D, F, WARM_UP, DROP, FAILURE or a rest timer"
	bad 'Date,Workout Name,Exercise Name,Set Order,Weight (kg),Reps,RPE\n2025-12-20 08:00:00,W,Band Row,1,0,12,11\n' \
		"line 2: invalid RPE '11': out of range 0 to 10"
	bad '"title","start_time","exercise_title","set_type","weight_kg","reps"\n"A","2025-12-22 8h","Face Pull","normal",5,5\n' \
		"line 2: invalid start_time '2025-12-22 8h'"
	bad '"title","start_time","exercise_title","set_type","weight_kg","reps"\n"A","22 Dec 2025, 08:00","Face Pull","superset",5,5\n' \
		"line 2: invalid set_type 'superset': expected normal, warmup, dropset or failure"
	bad 'date,time,exercise,exercise_name,set,side,reps,hold_s,load_kg,rpe,skipped,reason,note,plan,key\n2025-12-18,25:00,cat-cow,,1,,5,,,,0,,,,\n' \
		"line 2: invalid time '25:00': expected HH:MM"
	bad 'date,time,exercise,exercise_name,set,side,reps,hold_s,load_kg,rpe,skipped,reason,note,plan,key\n2025-12-18,,cat-cow,,1,both,5,,,,0,,,,\n' \
		"line 2: invalid side 'both': expected left, right or nothing"
	bad 'date,time,exercise,exercise_name,set,side,reps,hold_s,load_kg,rpe,skipped,reason,note,plan,key\n2025-12-18,,cat-cow,,0,,5,,,,0,,,,\n' \
		"line 2: invalid set '0': out of range 1 to 100000"
	bad 'date,time,exercise,exercise_name,set,side,reps,hold_s,load_kg,rpe,skipped,reason,note,plan,key\n2025-12-18,,cat-cow,,1,,5,,,,yes,,,,\n' \
		"line 2: invalid skipped 'yes': expected 0 or 1"
	bad "$h$ok"'2025-12-18,Band Row,Back,0,kgs,5,,,,a\0b\n' 'line 3: a NUL byte in field 10'
	bad 'a,b,c\n1,2,3\n' 'line 1: unknown header: not the bk, Strong, FitNotes, Hevy or Fitbod format'
	bad '' 'the file is empty (no header row)'
	# a bad row late in a long file still writes nothing
	{ printf "$h"; for i in $(seq 1 500); do printf "$ok"; done; printf '2025-12-18,Band Row,Back,0.0,kgs,many,,,,\n'; } > "$f"
	run -1 --separate-stderr bk-log import "$f"
	assert_err "bk-log: cannot import '$f': line 502: invalid Reps 'many'"
	assert_equal "$(dbsum)" "$before"
}

@test "import: --format checks the header; a bad --format is a usage error" {
	run -1 --separate-stderr bk-log import "$FIX/fitnotes.csv" --format strong
	assert_err "bk-log: cannot import '$FIX/fitnotes.csv': line 1: not a Strong header: no column 'Exercise Name'"
	run -1 --separate-stderr bk-log import "$FIX/strong.csv" --units kg --format bk
	assert_err "bk-log: cannot import '$FIX/strong.csv': line 1: not a bk header: expected date,time,exercise,exercise_name,set,side,reps,hold_s,load_kg,rpe,skipped,reason,note,plan,key,set_type,distance_m"
	run -1 --separate-stderr bk-log import "$FIX/hevy.csv" --format fitnotes
	assert_err "bk-log: cannot import '$FIX/hevy.csv': line 1: not a FitNotes header: no column 'Date'"
	run -2 --separate-stderr bk-log import "$FIX/hevy.csv" --format csv
	assert_err "bk-log: invalid format 'csv' (one of: auto, bk, strong, fitnotes, hevy, fitbod)"
	run -1 --separate-stderr bk-log import "$BATS_TEST_TMPDIR/nosuch.csv"
	assert_err "bk-log: cannot open '$BATS_TEST_TMPDIR/nosuch.csv': No such file or directory"
	run -2 --separate-stderr bk-log import
	assert_err "bk-log: import needs a FILE (or - for stdin)"
	run -2 --separate-stderr bk-log import a b
	assert_err "bk-log: unexpected argument 'b'"
	run -2 --separate-stderr bk-log import a --date today
	assert_err "bk-log: option --date does not apply to 'import'"
}

@test "import: from stdin, a header alone, and a dry run that writes nothing" {
	run -0 bash -c "bk-log import - < '$FIX/hevy.csv'"
	assert_output "imported 5 sets from stdin (hevy, kg): 5 new, 0 updated, 0 unchanged; not imported: 'end_time' (5 values), 'set_index' (3 values)"
	run -1 --separate-stderr bash -c "printf 'x\n' | bk-log import -"
	assert_err 'bk-log: cannot import stdin: line 1: unknown header: not the bk, Strong, FitNotes, Hevy or Fitbod format'
	run -0 bk-log import <(head -n 1 "$FIX/strong.csv") --units kg
	assert_output --regexp '^imported 0 sets from .* \(strong, kg\): 0 new, 0 updated, 0 unchanged$'
	local before
	before=$(dbsum)
	run -0 bk-log import "$FIX/strong.csv" --units kg --dry-run
	assert_output "would import 9 sets from '$FIX/strong.csv' (strong, kg): 9 new, 0 updated, 0 unchanged; not imported: 'Duration' (9 values), 'Workout Notes' (1 value)"
	assert_equal "$(dbsum)" "$before"
}

@test "import: undo removes the whole import; a repeat brings it back" {
	run -0 bk-log cat-cow 3 --date yesterday
	run -0 bk-log import "$FIX/strong.csv" --units kg
	assert_equal "$(count)" 10
	run -0 bk-log undo
	assert_output "undid bk-log: import '$FIX/strong.csv' (strong): 9 new, 0 updated"
	assert_equal "$(count)" 1
	run -0 bk-log import "$FIX/strong.csv" --units kg
	assert_output "imported 9 sets from '$FIX/strong.csv' (strong, kg): 9 new, 0 updated, 0 unchanged; not imported: 'Duration' (9 values), 'Workout Notes' (1 value)"
	# an import that added nothing is nothing to undo
	run -0 bk-log import "$FIX/strong.csv" --units kg
	run -0 bk-log undo
	assert_output --partial "undid bk-log: import"
	run -0 bk-log undo
	assert_output --partial "undid bk-log: log cat-cow"
}

@test "import: large files stream in constant memory" {
	if nm "$TOP/bin/bk-log" 2>/dev/null | grep -q __asan_init; then
		skip 'memory is not measured under the address sanitizer'
	fi
	local f="$BATS_TEST_TMPDIR/big.csv" small big
	gen() {
		awk -v n="$1" 'BEGIN { print "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment"
			for (i = 0; i < n; i++)
				printf "2025-%02d-%02d,Band Row,Back,10.0,kgs,%d,,,,note %d\n", i % 12 + 1, i % 28 + 1, i % 20 + 1, i }'
	}
	gen 2000 > "$f"
	small=$(BK_DB="$BATS_TEST_TMPDIR/s.db" /usr/bin/time -f %M bk-log import "$f" 2>&1 >/dev/null)
	gen 100000 > "$f"
	big=$(BK_DB="$BATS_TEST_TMPDIR/b.db" /usr/bin/time -f %M bk-log import "$f" 2>&1 >/dev/null)
	# fifty times the rows, (almost) the same peak memory
	(( big < small + 4096 )) || fail "peak memory ${small} KB for 2000 rows, ${big} KB for 100000"
	run -0 sqlite3 "$BATS_TEST_TMPDIR/b.db" "SELECT count(*) FROM sets"
	assert_output 100000
}

@test "import: with units = imperial a weight without a unit is in pounds, Hevy's weight_kg stays kg" {
	mkdir -p "$XDG_CONFIG_HOME/backkit"
	echo 'units = imperial' > "$XDG_CONFIG_HOME/backkit/config"
	run -0 bk-log import "$FIX/strong.csv"
	assert_output "imported 9 sets from '$FIX/strong.csv' (strong, lb): 9 new, 0 updated, 0 unchanged; not imported: 'Duration' (9 values), 'Workout Notes' (1 value)"
	run -0 bk-log import "$FIX/hevy.csv"
	run -0 bk-log import "$FIX/strong-units.csv"
	run -0 sqlite3 "$BK_DB" "SELECT e.slug, s.load_kg FROM sets s JOIN exercises e ON e.id = s.exercise_id WHERE s.load_kg IS NOT NULL AND s.date IN ('2025-12-20', '2025-12-22') ORDER BY s.id"
	assert_output "$(printf '%s\n' 'dumbbell-row|2.268' 'dumbbell-row|5.67' 'dumbbell-row|5.67' 'dumbbell-row|3.402' \
		'face-pull|5.0' 'face-pull|10.0' 'face-pull|10.0' 'face-pull|9.072' 'face-pull|9.072' 'band-row|10.0')"
	# list shows pounds
	run -0 bk-log list --exercise band-row --format csv
	assert_line --index 3 --regexp ',band-row,1,,15,,22.05,,0,,normal,$'
}

@test "export: rows another program stored without a key get a stable one" {
	run -0 bk-log cat-cow 3 --date 2026-11-01
	sqlite3 "$BK_DB" "INSERT INTO sets (date, exercise_id, set_no, reps) VALUES ('2026-11-02', (SELECT id FROM exercises WHERE slug = 'band-row'), 1, 10)"
	bk-log export > "$BATS_TEST_TMPDIR/1.csv"
	run -0 tail -n 1 "$BATS_TEST_TMPDIR/1.csv"
	assert_output --regexp '^2026-11-02,,band-row,Band Row,1,,10,,,,0,,,,bk:[0-9a-f]{32},normal,$'
	bk-log export | cmp - "$BATS_TEST_TMPDIR/1.csv"
	export BK_DB="$BATS_TEST_TMPDIR/2.db"
	run -0 bk-log import "$BATS_TEST_TMPDIR/1.csv"
	bk-log export | cmp - "$BATS_TEST_TMPDIR/1.csv"
}

@test "import: a summary that cannot be written stores nothing, exit 1" {
	[ -w /dev/full ] || skip "no /dev/full"
	bk-log cat-cow 1 > /dev/null
	local before
	before=$(sqlite3 "$BK_DB" 'SELECT count(*) FROM sets')
	run -1 --separate-stderr bash -c "bk-log import '$TOP/tests/fixtures/strong.csv' --units kg --create-missing > /dev/full"
	assert_err "bk-log: cannot write output: No space left on device; nothing was stored"
	assert_equal "$(sqlite3 "$BK_DB" 'SELECT count(*) FROM sets')" "$before"
}
