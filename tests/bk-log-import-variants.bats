#!/usr/bin/env bats
# bk-log import: the variants of the Strong and FitNotes exports (rest
# timers, the current and the 2016 layouts, headers in other languages,
# units in the header) and the rule that a unit is never guessed.

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

@test "import strong: rest-timer rows in any language are skipped and counted" {
	run -0 --separate-stderr bk-log import "$FIX/strong-rest.csv" --units kg
	assert_output "imported 3 sets from '$FIX/strong-rest.csv' (strong, kg): 3 new, 0 updated, 0 unchanged; 4 rest timers skipped; not imported: 'Duration' (3 values)"
	assert_equal "$stderr" ""
	run -0 sets
	assert_output "$(printf '%s\n' \
		'2025-05-11|12:06|dumbbell-row|1|8|-|20.0|-|-|normal|-' \
		'2025-05-11|12:06|dumbbell-row|2|8|-|20.0|-|-|normal|-' \
		'2025-05-11|12:06|face-pull|1|12|-|15.0|-|-|normal|-')"
	# a dry run says the same and writes nothing
	run -0 bk-log import "$FIX/strong-rest.csv" --units kg --dry-run
	assert_output "would import 0 sets from '$FIX/strong-rest.csv' (strong, kg): 0 new, 0 updated, 3 unchanged; 4 rest timers skipped; not imported: 'Duration' (3 values)"
}

@test "import strong: a word in Set Order on a row with reps or a load is still an error" {
	local f="$BATS_TEST_TMPDIR/bad.csv" before
	run -0 bk-log cat-cow 3 --date yesterday
	before=$(dbsum)
	printf '%s\n' 'Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE' \
		'2025-05-11 12:06:58,A,58m,Face Pull,Rest Timer,0,0,0,60,,,' \
		'2025-05-11 12:06:58,A,58m,Face Pull,Pause,10,12,0,0,,,' > "$f"
	run -1 --separate-stderr bk-log import "$f" --units kg
	assert_output ""
	assert_equal "$stderr" "bk-log: cannot import '$f': line 3: invalid Set Order 'Pause': expected a number, W, D, F, WARM_UP, DROP, FAILURE or a rest timer"
	assert_equal "$(dbsum)" "$before"
}

@test "import strong: the current ';' format, units in the header, set-type words, float noise rounded to a gram" {
	run -0 --separate-stderr bk-log import "$FIX/strong-2025.csv"
	assert_output "imported 6 sets from '$FIX/strong-2025.csv' (strong, kg): 6 new, 0 updated, 0 unchanged; 1 rest timer skipped; not imported: 'Workout #' (6 values), 'Duration (sec)' (6 values), 'Workout Notes' (6 values)"
	assert_equal "$stderr" ""
	run -0 sets
	assert_output "$(printf '%s\n' \
		'2026-01-05|07:30|dumbbell-row|1|12|-|10.0|-|-|warmup|-' \
		'2026-01-05|07:30|dumbbell-row|2|8|-|22.68|8.0|-|normal|-' \
		'2026-01-05|07:30|dumbbell-row|3|6|-|65.181|9.5|last one|normal|-' \
		'2026-01-05|07:30|dumbbell-row|4|10|-|15.0|-|-|drop|-' \
		'2026-01-05|07:30|dumbbell-row|5|7|-|15.0|-|-|failure|-' \
		'2026-01-05|07:30|passive-hang|1|-|45.0|-|-|-|normal|-')"
	# the header's unit wins over --units
	run -0 bk-log import "$FIX/strong-2025-lbs.csv" --units kg
	assert_output "imported 2 sets from '$FIX/strong-2025-lbs.csv' (strong, lb): 2 new, 0 updated, 0 unchanged; not imported: 'Workout #' (2 values), 'Duration (sec)' (2 values)"
	run -0 sqlite3 "$BK_DB" "SELECT group_concat(load_kg, ' ') FROM sets WHERE date = '2026-01-06'"
	assert_output '61.235 83.915'
}

@test "import strong: German and French headers by their layout, with their rest timers" {
	run -0 --separate-stderr bk-log import "$FIX/strong-de.csv" --units kg
	assert_output "imported 3 sets from '$FIX/strong-de.csv' (strong, kg): 3 new, 0 updated, 0 unchanged; 1 rest timer skipped; not imported: 'Dauer' (3 values)"
	run -0 bk-log import "$FIX/strong-fr.csv" --units kg --format strong
	assert_output "imported 2 sets from '$FIX/strong-fr.csv' (strong, kg): 2 new, 0 updated, 0 unchanged; 1 rest timer skipped; not imported: 'Durée' (2 values)"
	run -0 sets
	assert_output "$(printf '%s\n' \
		'2026-01-07|06:15|dumbbell-row|1|12|-|8.0|-|-|warmup|-' \
		'2026-01-07|06:15|dumbbell-row|2|10|-|12.5|8.0|langsam, sauber|normal|-' \
		'2026-01-07|06:15|passive-hang|1|-|40.0|-|-|-|normal|-' \
		'2026-01-08|19:00|face-pull|1|15|-|10.0|7.0|-|normal|-' \
		'2026-01-08|19:00|face-pull|2|11|-|10.0|9.5|-|failure|-')"
	# too few known words: not taken for Strong
	printf '%s\n' 'Fecha,Entrenamiento,Duracion,Ejercicio,Orden,Peso,Repeticiones,Distancia,Segundos' \
		'2026-01-08 19:00:00,Dos,25m,Face Pull,1,10,15,0,0' > "$BATS_TEST_TMPDIR/es.csv"
	run -1 --separate-stderr bk-log import "$BATS_TEST_TMPDIR/es.csv" --units kg
	assert_equal "$stderr" "bk-log: cannot import '$BATS_TEST_TMPDIR/es.csv': line 1: unknown header: not the bk, Strong, FitNotes, Hevy or Fitbod format"
}

@test "import strong: the 2016 layout, CRLF line ends, Set Order from 0, kg in the header" {
	run -0 bk-log import "$FIX/strong-2016.csv"
	assert_output "imported 3 sets from '$FIX/strong-2016.csv' (strong, kg): 3 new, 0 updated, 0 unchanged"
	run -0 sets
	assert_output "$(printf '%s\n' \
		'2016-03-12|18:05|dumbbell-row|1|10|-|12.5|-|-|normal|-' \
		'2016-03-12|18:05|dumbbell-row|2|8|-|15.0|-|heavy, good|normal|-' \
		'2016-03-12|18:05|band-row|1|20|-|-|-|-|normal|-')"
}

@test "import fitnotes: Weight (lbs) and Weight (kgs) headers, times as h:mm:ss" {
	run -0 bk-log import "$FIX/fitnotes-lbs.csv"
	assert_output "imported 4 sets from '$FIX/fitnotes-lbs.csv' (fitnotes, lb): 4 new, 0 updated, 0 unchanged; not imported: 'Category' (4 values)"
	run -0 bk-log import "$FIX/fitnotes-kgs.csv" --units lb
	assert_output "imported 1 set from '$FIX/fitnotes-kgs.csv' (fitnotes, kg): 1 new, 0 updated, 0 unchanged; not imported: 'Category' (1 value)"
	run -0 sets
	assert_output "$(printf '%s\n' \
		'2026-01-09|-|dumbbell-row|1|10|-|11.34|-|-|normal|-' \
		'2026-01-09|-|dumbbell-row|2|8|-|13.608|-|-|normal|-' \
		'2026-01-09|-|passive-hang|1|-|65.0|-|-|-|normal|-' \
		'2026-01-09|-|passive-hang|2|-|3600.0|-|-|-|normal|-' \
		'2026-01-10|-|face-pull|1|15|-|12.5|-|-|normal|-')"
}

@test "import: a file that does not say its unit is refused until --units or the config says it" {
	local before
	run -0 bk-log cat-cow 3 --date yesterday
	before=$(dbsum)
	for f in strong strong-rest strong-de strong-fr; do
		run -1 --separate-stderr bk-log import "$FIX/$f.csv"
		assert_output ""
		assert_equal "$stderr" "bk-log: cannot import '$FIX/$f.csv': the file does not say whether its weights are kg or lb (give --units kg or --units lb)"
		assert_equal "$(dbsum)" "$before"
	done
	run -1 --separate-stderr bk-log import "$FIX/strong.csv" --dry-run
	assert_equal "$(dbsum)" "$before"
	run -2 --separate-stderr bk-log import "$FIX/strong.csv" --units stone
	assert_output ""
	assert_equal "$stderr" "bk-log: invalid units 'stone' (kg or lb)
see 'bk-log --help'"
	run -2 --separate-stderr bk-log list --units kg
	assert_equal "${stderr_lines[0]}" "bk-log: option --units does not apply to 'list'"
	assert_equal "$(dbsum)" "$before"
	# --units lb: the loads are pounds, and the summary says so
	run -0 bk-log import "$FIX/strong-rest.csv" --units lb --dry-run
	assert_output "would import 3 sets from '$FIX/strong-rest.csv' (strong, lb): 3 new, 0 updated, 0 unchanged; 4 rest timers skipped; not imported: 'Duration' (3 values)"
	run -0 bk-log import "$FIX/strong-rest.csv" --units lb
	run -0 sqlite3 "$BK_DB" "SELECT group_concat(load_kg, ' ') FROM sets WHERE date = '2025-05-11'"
	assert_output '9.072 9.072 6.804'
	# a units key in the config says it, metric too
	mkdir -p "$XDG_CONFIG_HOME/backkit"
	echo 'units = metric' > "$XDG_CONFIG_HOME/backkit/config"
	run -0 bk-log import "$FIX/strong-fr.csv"
	assert_output "imported 2 sets from '$FIX/strong-fr.csv' (strong, kg): 2 new, 0 updated, 0 unchanged; 1 rest timer skipped; not imported: 'Durée' (2 values)"
	# a config without the key does not
	echo 'week_start = sunday' > "$XDG_CONFIG_HOME/backkit/config"
	run -1 --separate-stderr bk-log import "$FIX/strong-de.csv"
	assert_equal "$stderr" "bk-log: cannot import '$FIX/strong-de.csv': the file does not say whether its weights are kg or lb (give --units kg or --units lb)"
}

@test "import fitnotes: FitNotes 2 for iOS, UTC to local time, M/D/YYYY, 12-hour times, decimal commas, NotStarted sets" {
	TZ=Asia/Tokyo run -0 --separate-stderr bk-log import "$FIX/fitnotes-ios.csv" --units kg
	assert_output "imported 4 sets from '$FIX/fitnotes-ios.csv' (fitnotes, kg): 4 new, 0 updated, 0 unchanged; 2 sets not started skipped; not imported: 'End Date (UTC)' (4 values), 'End Time (UTC)' (4 values), 'BodyWeight' (3 values), 'Equipment' (4 values), 'Categories' (4 values)"
	assert_equal "$stderr" ""
	run -0 sets
	assert_output "$(printf '%s\n' \
		'2025-03-04|14:45|dumbbell-row|1|10|-|9.07|-|-|normal|-' \
		'2025-03-04|14:45|dumbbell-row|2|8|-|12.5|-|-|normal|-' \
		'2025-03-04|14:45|passive-hang|1|-|45.0|-|-|-|normal|-' \
		'2026-01-01|08:50|face-pull|1|15|-|10.0|-|-|normal|-')"
	# the same file again, in the same zone: all duplicates
	TZ=Asia/Tokyo run -0 bk-log import "$FIX/fitnotes-ios.csv" --units kg
	assert_output "imported 0 sets from '$FIX/fitnotes-ios.csv' (fitnotes, kg): 0 new, 0 updated, 4 unchanged; 2 sets not started skipped; not imported: 'End Date (UTC)' (4 values), 'End Time (UTC)' (4 values), 'BodyWeight' (3 values), 'Equipment' (4 values), 'Categories' (4 values)"
	# it names no unit
	run -1 --separate-stderr bk-log import "$FIX/fitnotes-ios.csv"
	assert_equal "$stderr" "bk-log: cannot import '$FIX/fitnotes-ios.csv': the file does not say whether its weights are kg or lb (give --units kg or --units lb)"
}

@test "import fitnotes: a bad iOS date or time is named with its line" {
	local f="$BATS_TEST_TMPDIR/ios.csv" h
	h='Name,Start Date (UTC),Start Time (UTC),End Date (UTC),End Time (UTC),BodyWeight,Exercise,Equipment,Reps,Weight,Time,Distance,Status,Categories'
	printf '%s\n' "$h" 'A,3/4/2025,13:45:45 PM,,,,Face Pull,,15,10,,,Completed,' > "$f"
	run -1 --separate-stderr bk-log import "$f" --units kg
	assert_equal "$stderr" "bk-log: cannot import '$f': line 2: invalid Start Time (UTC) '13:45:45 PM'"
	printf '%s\n' "$h" 'A,2/30/2025,1:45:45 PM,,,,Face Pull,,15,10,,,Completed,' > "$f"
	run -1 --separate-stderr bk-log import "$f" --units kg
	assert_equal "$stderr" "bk-log: cannot import '$f': line 2: invalid Start Date (UTC) '2/30/2025'"
	# a refused import makes no store
	assert_file_not_exists "$BK_DB"
}

@test "import: set types and distances are stored, exported, and read back" {
	run -0 bk-log import "$FIX/strong-distance.csv" --create-missing
	assert_line --index 2 "imported 2 sets from '$FIX/strong-distance.csv' (strong, kg): 2 new, 0 updated, 0 unchanged; not imported: 'Workout #' (2 values), 'Duration (sec)' (2 values), 'Workout Notes' (2 values)"
	run -0 bk-log import "$FIX/fitnotes-distance.csv" --create-missing
	run -0 bk-log import "$FIX/strong-2025.csv"
	run -0 sqlite3 -separator '|' "$BK_DB" "SELECT e.slug, s.set_type, coalesce(s.distance_m, '-'), coalesce(s.hold_s, '-') FROM sets s JOIN exercises e ON e.id = s.exercise_id WHERE s.date >= '2026-01-11' ORDER BY s.id"
	assert_output "$(printf '%s\n' 'running|normal|2500.5|900.0' 'farmer-carry|normal|40.0|-' \
		'running|normal|4988.966|1500.0' 'rowing|normal|2000.0|490.0' 'cycling|normal|10500.0|1800.0')"
	# bk-log export writes them; an import of the export into an empty store is the same
	bk-log export > "$BATS_TEST_TMPDIR/1.csv"
	run -0 grep -c ',warmup,$' "$BATS_TEST_TMPDIR/1.csv"
	assert_output 1
	run -0 grep -F ',farmer-carry,Farmer Carry,1,,,,24,,0,,,,' "$BATS_TEST_TMPDIR/1.csv"
	assert_output --regexp ',normal,40$'
	BK_DB="$BATS_TEST_TMPDIR/2.db" run -0 bk-log import "$BATS_TEST_TMPDIR/1.csv" --create-missing
	BK_DB="$BATS_TEST_TMPDIR/2.db" bk-log export | cmp - "$BATS_TEST_TMPDIR/1.csv"
	# Hevy's distance_km, and a distance whose unit nothing says
	printf '%s\n' '"title","start_time","exercise_title","set_type","weight_kg","reps","distance_km","duration_seconds"' \
		'"Cardio","22 Dec 2025, 08:00","Running","normal",,,"5.25",1800' > "$BATS_TEST_TMPDIR/h.csv"
	run -0 bk-log import "$BATS_TEST_TMPDIR/h.csv"
	run -0 sqlite3 "$BK_DB" "SELECT distance_m FROM sets WHERE date = '2025-12-22'"
	assert_output 5250.0
	printf '%s\n' 'Date,Workout Name,Exercise Name,Set Order,Weight (kg),Reps,Distance' \
		'2025-12-20 08:00:00,W,Running,1,0,0,5' > "$BATS_TEST_TMPDIR/d.csv"
	run -1 --separate-stderr bk-log import "$BATS_TEST_TMPDIR/d.csv"
	assert_equal "$stderr" "bk-log: cannot import '$BATS_TEST_TMPDIR/d.csv': line 2: invalid Distance '5': the file does not say its unit (give --units kg for km or --units lb for miles)"
	run -0 bk-log import "$BATS_TEST_TMPDIR/d.csv" --units lb
	run -0 sqlite3 "$BK_DB" "SELECT distance_m FROM sets WHERE date = '2025-12-20'"
	assert_output 8046.72
	# bk-log list shows distances in metres, or in miles under units = imperial
	run -0 bk-log list --since 2025-12-20 --until 2025-12-20 --format csv
	assert_line --index 0 --regexp ',load_kg,.*,distance_m$'
	assert_line --index 1 --regexp ',8046\.72$'
	mkdir -p "$XDG_CONFIG_HOME/backkit"
	echo 'units = imperial' > "$XDG_CONFIG_HOME/backkit/config"
	run -0 bk-log list --since 2025-12-20 --until 2025-12-20 --format csv
	assert_line --index 0 --regexp ',load_lb,.*,distance_mi$'
	assert_line --index 1 --regexp ',5$'
	run -0 bk-log list --since 2025-12-22 --until 2025-12-22 --format csv
	assert_line --index 1 --regexp ',3\.262$'
	# export keeps metres
	run -0 bk-log export --since 2025-12-20 --until 2025-12-20
	assert_line --index 1 --regexp ',8046\.72$'
}

@test "import bk: files from before set_type and distance_m still import; bad values are named" {
	run -0 bk-log import "$FIX/bk-old.csv" --create-missing
	assert_line --index 1 "imported 10 sets from '$FIX/bk-old.csv' (bk, kg): 10 new, 0 updated, 0 unchanged"
	run -0 sqlite3 "$BK_DB" "SELECT count(*) FROM sets WHERE set_type = 'normal' AND distance_m IS NULL"
	assert_output 10
	# the same rows in the new layout, three of them with a set type or a
	# distance: the keys match, and those three are updated
	run -0 bk-log import "$FIX/bk-hostile.csv"
	assert_output "imported 3 sets from '$FIX/bk-hostile.csv' (bk, kg): 0 new, 3 updated, 7 unchanged"
	run -0 sqlite3 "$BK_DB" "SELECT id, set_type, distance_m FROM sets WHERE set_type <> 'normal' OR distance_m IS NOT NULL ORDER BY id"
	assert_output "$(printf '%s\n' '7|failure|' '8|normal|1500.5' '10|warmup|')"
	local h='date,time,exercise,exercise_name,set,side,reps,hold_s,load_kg,rpe,skipped,reason,note,plan,key,set_type,distance_m'
	printf '%s\n' "$h" '2026-11-01,,cat-cow,Cat-Cow,1,,5,,,,0,,,,log:1,warm-up,' > "$BATS_TEST_TMPDIR/b.csv"
	run -1 --separate-stderr bk-log import "$BATS_TEST_TMPDIR/b.csv"
	assert_equal "$stderr" "bk-log: cannot import '$BATS_TEST_TMPDIR/b.csv': line 2: invalid set_type 'warm-up': expected normal, warmup, drop or failure"
	printf '%s\n' "$h" '2026-11-01,,cat-cow,Cat-Cow,1,,5,,,,0,,,,log:1,drop,-3' > "$BATS_TEST_TMPDIR/b.csv"
	run -1 --separate-stderr bk-log import "$BATS_TEST_TMPDIR/b.csv"
	assert_equal "$stderr" "bk-log: cannot import '$BATS_TEST_TMPDIR/b.csv': line 2: invalid distance_m '-3'"
	# a header with only one of the new columns is not a bk header
	printf '%s\n' "${h%,distance_m}" '2026-11-01,,cat-cow,Cat-Cow,1,,5,,,,0,,,,log:1,drop' > "$BATS_TEST_TMPDIR/b.csv"
	run -1 --separate-stderr bk-log import "$BATS_TEST_TMPDIR/b.csv" --format bk
	assert_equal "$stderr" "bk-log: cannot import '$BATS_TEST_TMPDIR/b.csv': line 1: not a bk header: expected $h"
	run -0 sqlite3 "$BK_DB" "SELECT count(*) FROM sets"
	assert_output 10
	# undo puts the three back as they were
	run -0 bk-log undo
	run -0 sqlite3 "$BK_DB" "SELECT count(*) FROM sets WHERE set_type = 'normal' AND distance_m IS NULL"
	assert_output 10
}

@test "import: a newer export updates the rows that changed, adds the new, and undo reverses it all" {
	run -0 bk-log import "$FIX/strong-2025.csv"
	local before ids
	before=$(sets)
	ids=$(sqlite3 "$BK_DB" "SELECT group_concat(id) FROM (SELECT id FROM sets ORDER BY id)")
	# the app later: a note added, a load corrected, one set more
	sed -e 's/"65.181223569";"6";"9.5";"";"";"last one"/"65.181223569";"6";"9.5";"";"";"last one, hard"/' \
		-e 's/"22.679618500";"8"/"25";"8"/' "$FIX/strong-2025.csv" > "$BATS_TEST_TMPDIR/new.csv"
	printf '%s\r\n' '"12";"2026-01-05 07:30:00";"Pull";"2710";"Passive Hang";"2";"";"";"";"";"50";"";"easy day"' >> "$BATS_TEST_TMPDIR/new.csv"
	run -0 bk-log import "$BATS_TEST_TMPDIR/new.csv" --dry-run
	assert_output "would import 3 sets from '$BATS_TEST_TMPDIR/new.csv' (strong, kg): 1 new, 2 updated, 4 unchanged; 1 rest timer skipped; not imported: 'Workout #' (7 values), 'Duration (sec)' (7 values), 'Workout Notes' (7 values)"
	assert_equal "$(sets)" "$before"
	run -0 bk-log import "$BATS_TEST_TMPDIR/new.csv"
	assert_output "imported 3 sets from '$BATS_TEST_TMPDIR/new.csv' (strong, kg): 1 new, 2 updated, 4 unchanged; 1 rest timer skipped; not imported: 'Workout #' (7 values), 'Duration (sec)' (7 values), 'Workout Notes' (7 values)"
	run -0 sets
	assert_output "$(printf '%s\n' \
		'2026-01-05|07:30|dumbbell-row|1|12|-|10.0|-|-|warmup|-' \
		'2026-01-05|07:30|dumbbell-row|2|8|-|25.0|8.0|-|normal|-' \
		'2026-01-05|07:30|dumbbell-row|3|6|-|65.181|9.5|last one, hard|normal|-' \
		'2026-01-05|07:30|dumbbell-row|4|10|-|15.0|-|-|drop|-' \
		'2026-01-05|07:30|dumbbell-row|5|7|-|15.0|-|-|failure|-' \
		'2026-01-05|07:30|passive-hang|1|-|45.0|-|-|-|normal|-' \
		'2026-01-05|07:30|passive-hang|2|-|50.0|-|-|-|normal|-')"
	# an updated row keeps its id
	run -0 sqlite3 "$BK_DB" "SELECT group_concat(id) FROM (SELECT id FROM sets WHERE id <= 6 ORDER BY id)"
	assert_output "$ids"
	# once more: nothing left to change
	run -0 bk-log import "$BATS_TEST_TMPDIR/new.csv"
	assert_output "imported 0 sets from '$BATS_TEST_TMPDIR/new.csv' (strong, kg): 0 new, 0 updated, 7 unchanged; 1 rest timer skipped; not imported: 'Workout #' (7 values), 'Duration (sec)' (7 values), 'Workout Notes' (7 values)"
	run -0 bk-log undo
	assert_output "undid bk-log: import '$BATS_TEST_TMPDIR/new.csv' (strong): 1 new, 2 updated"
	assert_equal "$(sets)" "$before"
	run -0 sqlite3 "$BK_DB" "SELECT group_concat(id) FROM (SELECT id FROM sets ORDER BY id)"
	assert_output "$ids"
}

@test "import hevy: the exercise note once per exercise of a workout; the columns left out are named with their counts" {
	printf '%s\n' '"title","start_time","end_time","description","exercise_title","superset_id","exercise_notes","set_index","set_type","weight_kg","reps","distance_km","duration_seconds","rpe"' \
		'"A","22 Dec 2025, 08:00","22 Dec 2025, 08:40","legs tired","Face Pull",1,"elbows high",0,"normal",10,12,,,' \
		'"A","22 Dec 2025, 08:00","22 Dec 2025, 08:40","legs tired","Face Pull",1,"elbows high",1,"normal",10,12,,,' \
		'"A","22 Dec 2025, 08:00","22 Dec 2025, 08:40","legs tired","Band Row",1,"elbows high",0,"normal",,15,,,' \
		'"A","22 Dec 2025, 08:00","22 Dec 2025, 08:40","legs tired","Face Pull",1,"elbows high",2,"normal",10,11,,,' \
		'"A","22 Dec 2025, 08:00","22 Dec 2025, 08:40","legs tired","Face Pull",,"wider grip",3,"normal",10,10,,,' \
		'"B","23 Dec 2025, 08:00","23 Dec 2025, 08:30","","Face Pull",,"elbows high",0,"normal",10,12,,,' > "$BATS_TEST_TMPDIR/h.csv"
	run -0 --separate-stderr bk-log import "$BATS_TEST_TMPDIR/h.csv"
	assert_output "imported 6 sets from '$BATS_TEST_TMPDIR/h.csv' (hevy, kg): 6 new, 0 updated, 0 unchanged; not imported: 'end_time' (6 values), 'description' (5 values), 'superset_id' (4 values), 'set_index' (3 values)"
	run -0 sqlite3 -separator '|' "$BK_DB" "SELECT e.slug, s.set_no, coalesce(s.note, '-') FROM sets s JOIN exercises e ON e.id = s.exercise_id ORDER BY s.id"
	assert_output "$(printf '%s\n' 'face-pull|1|elbows high' 'face-pull|2|-' 'band-row|1|elbows high' 'face-pull|3|-' 'face-pull|4|wider grip' 'face-pull|1|elbows high')"
	# the bk format keeps every column: nothing to name
	bk-log export > "$BATS_TEST_TMPDIR/e.csv"
	BK_DB="$BATS_TEST_TMPDIR/2.db" run -0 bk-log import "$BATS_TEST_TMPDIR/e.csv"
	assert_output "imported 6 sets from '$BATS_TEST_TMPDIR/e.csv' (bk, kg): 6 new, 0 updated, 0 unchanged"
}

@test "import hevy: a note after a set without one is kept again; a first note after sets without one is kept" {
	printf '%s\n' '"title","start_time","end_time","description","exercise_title","superset_id","exercise_notes","set_index","set_type","weight_kg","reps","distance_km","duration_seconds","rpe"' \
		'"A","22 Dec 2025, 08:00","22 Dec 2025, 08:40","","Face Pull",,"x",0,"normal",10,12,,,' \
		'"A","22 Dec 2025, 08:00","22 Dec 2025, 08:40","","Face Pull",,"",1,"normal",10,12,,,' \
		'"A","22 Dec 2025, 08:00","22 Dec 2025, 08:40","","Face Pull",,"x",2,"normal",10,11,,,' \
		'"A","22 Dec 2025, 08:00","22 Dec 2025, 08:40","","Face Pull",,"x",3,"normal",10,10,,,' \
		'"B","23 Dec 2025, 08:00","23 Dec 2025, 08:30","","Band Row",,"",0,"normal",,15,,,' \
		'"B","23 Dec 2025, 08:00","23 Dec 2025, 08:30","","Band Row",,"y",1,"normal",,15,,,' > "$BATS_TEST_TMPDIR/h.csv"
	run -0 --separate-stderr bk-log import "$BATS_TEST_TMPDIR/h.csv"
	assert_output --partial "imported 6 sets from '$BATS_TEST_TMPDIR/h.csv' (hevy, kg): 6 new"
	assert_equal "$stderr" ""
	run -0 sqlite3 -separator '|' "$BK_DB" "SELECT e.slug, s.set_no, coalesce(s.note, '-') FROM sets s JOIN exercises e ON e.id = s.exercise_id ORDER BY s.id"
	assert_output "$(printf '%s\n' 'face-pull|1|x' 'face-pull|2|-' 'face-pull|3|x' 'face-pull|4|-' 'band-row|1|-' 'band-row|2|y')"
}

@test "import: FitNotes' unquoted commas in a name and Strong's unescaped quotes in a note are mended, with a warning naming the lines" {
	run -0 --separate-stderr bk-log import "$FIX/fitnotes-commas.csv" --create-missing
	assert_equal "$stderr" "bk-log: warning: '$FIX/fitnotes-commas.csv': lines 2, 3: an exercise name written with unquoted commas was joined again"
	assert_line --index 0 'added exercise overhead-press-each-side-dumbbells (Overhead Press (Each Side, Dumbbells))'
	assert_line --index 2 "imported 4 sets from '$FIX/fitnotes-commas.csv' (fitnotes, kg): 4 new, 0 updated, 0 unchanged; not imported: 'Category' (4 values)"
	run -0 --separate-stderr bk-log import "$FIX/strong-quotes.csv"
	assert_equal "$stderr" "bk-log: warning: '$FIX/strong-quotes.csv': lines 2, 4: quotes in a note that were not escaped were read as quotes"
	run -0 sqlite3 -separator '|' "$BK_DB" "SELECT e.slug, s.load_kg, s.reps, coalesce(s.note, '-') FROM sets s JOIN exercises e ON e.id = s.exercise_id ORDER BY s.id"
	assert_output "$(printf '%s\n' 'overhead-press-each-side-dumbbells|8.0|5|-' \
		'overhead-press-each-side-dumbbells|8.0|5|slow, then fast' 'band-row||15|-' \
		'curl-hammer-seated|10.0|8|-' 'dumbbell-row|12.0|10|"bro curls"' \
		'dumbbell-row|12.0|10|said "ok"' 'dumbbell-row|12.0|8|"bro" rows')"
	# a second import mends the same way and finds nothing changed
	run -0 --separate-stderr bk-log import "$FIX/strong-quotes.csv"
	assert_output --partial ': 0 new, 0 updated, 3 unchanged'
}

@test "import: other quoting and column slips still fail the whole import with the line" {
	local f="$BATS_TEST_TMPDIR/bad.csv" before
	run -0 bk-log cat-cow 3 --date yesterday
	before=$(sqlite3 "$BK_DB" .dump | sha256sum)
	bad() {
		printf '%s\n' "$@" > "$f"
		run -1 --separate-stderr bk-log import "$f" --units kg
		assert_output ""
		assert_equal "$(sqlite3 "$BK_DB" .dump | sha256sum)" "$before"
	}
	# bare "" pairs in a Strong exercise name
	bad 'Date,Workout Name,Exercise Name,Set Order,Weight,Reps,Notes' '2025-06-02 17:00:00,A,""Row"",1,12,10,'
	assert_equal "$stderr" "bk-log: cannot import '$f': line 2: malformed CSV: a quote inside an unquoted field or after a closing quote"
	# ... in a note and in a column that is read
	bad 'Date,Workout Name,Exercise Name,Set Order,Weight,Reps,Notes' '2025-06-02 17:00:00,A,""Row"",1,12,10,""ok""'
	assert_equal "$stderr" "bk-log: cannot import '$f': line 2: malformed CSV: a quote inside an unquoted field or after a closing quote"
	bad 'Date,Workout Name,Exercise Name,Set Order,Weight,Reps,Notes' '2025-06-02 17:00:00,A,Dumbbell Row,""1"",12,10,""ok""'
	assert_equal "$stderr" "bk-log: cannot import '$f': line 2: malformed CSV: a quote inside an unquoted field or after a closing quote"
	# ... in a bk file
	bad 'date,time,exercise,exercise_name,set,side,reps,hold_s,load_kg,rpe,skipped,reason,note,plan,key' \
		'2026-11-01,,cat-cow,Cat-Cow,1,,5,,,,0,,""x"",,log:1'
	assert_equal "$stderr" "bk-log: cannot import '$f': line 2: malformed CSV: a quote inside an unquoted field or after a closing quote"
	# a lone quote
	bad 'Date,Workout Name,Exercise Name,Set Order,Weight,Reps,Notes' '2025-06-02 17:00:00,A,Dumbbell Row,1,12,10,5" tall'
	assert_equal "$stderr" "bk-log: cannot import '$f': line 2: malformed CSV: a quote inside an unquoted field or after a closing quote"
	# FitNotes: an extra comma that is not in the name
	bad 'Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment' '2025-04-29,Band Row,Back,0.0,kgs,15,,,,slow, steady'
	assert_equal "$stderr" "bk-log: cannot import '$f': line 2: 11 fields, expected 10"
	# too many fields in another app's file
	bad '"title","start_time","exercise_title","set_type","weight_kg","reps"' '"A","22 Dec 2025, 08:00","Face Pull","normal",5,5,6'
	assert_equal "$stderr" "bk-log: cannot import '$f': line 2: 7 fields, expected 6"
}

@test "import --create-missing: Latin diacritics transliterated in slugs, other scripts numbered; names kept" {
	printf '%s\n' 'Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment' \
		'2026-01-13,Decline Crunch ręce proste,Core,,,12,,,,' \
		'2026-01-13,Жим лёжа,Chest,40,kgs,8,,,,' \
		'2026-01-13,Großer Ausfallschritt,Legs,,,10,,,,' \
		'2026-01-13,深蹲,Legs,60,kgs,5,,,,' \
		'2026-01-13,Жим лёжа,Chest,40,kgs,8,,,,' > "$BATS_TEST_TMPDIR/n.csv"
	run -0 --separate-stderr bk-log import "$BATS_TEST_TMPDIR/n.csv" --create-missing
	assert_line --index 0 'added exercise decline-crunch-rece-proste (Decline Crunch ręce proste)'
	assert_line --index 1 'added exercise exercise-1 (Жим лёжа)'
	assert_line --index 2 'added exercise grosser-ausfallschritt (Großer Ausfallschritt)'
	assert_line --index 3 'added exercise exercise-2 (深蹲)'
	run -0 sqlite3 -separator '|' "$BK_DB" "SELECT e.slug, count(*) FROM sets s JOIN exercises e ON e.id = s.exercise_id GROUP BY e.slug ORDER BY e.slug"
	assert_output "$(printf '%s\n' 'decline-crunch-rece-proste|1' 'exercise-1|2' 'exercise-2|1' 'grosser-ausfallschritt|1')"
	# the names find them again
	run -0 bk-log import "$BATS_TEST_TMPDIR/n.csv"
	assert_output --partial ': 0 new, 0 updated, 5 unchanged'
	run -0 bk-log list --exercise 'Жим лёжа' --format csv
	assert_equal "${#lines[@]}" 3
}

@test "import fitbod: both layouts, UTC offsets to local time, isWarmup, Sets as that many sets" {
	TZ=Europe/Berlin run -0 --separate-stderr bk-log import "$FIX/fitbod.csv"
	assert_output "imported 5 sets from '$FIX/fitbod.csv' (fitbod, kg): 5 new, 0 updated, 0 unchanged; not imported: 'multiplier' (5 values)"
	run -0 sets
	assert_output "$(printf '%s\n' \
		'2024-03-04|19:02|dumbbell-row|1|12|-|8.0|-|-|warmup|-' \
		'2024-03-04|19:04|dumbbell-row|2|10|-|12.5|-|slow|normal|-' \
		'2024-03-04|19:07|dumbbell-row|3|10|-|12.5|-|-|normal|-' \
		'2024-03-04|19:15|passive-hang|1|-|40.0|-|-|-|normal|-' \
		'2024-03-05|05:30|face-pull|1|15|-|10.0|-|-|normal|-')"
	# the older layout names no unit; Sets is how many sets were done alike
	run -1 --separate-stderr bk-log import "$FIX/fitbod-old.csv"
	assert_equal "$stderr" "bk-log: cannot import '$FIX/fitbod-old.csv': the file does not say whether its weights are kg or lb (give --units kg or --units lb)"
	TZ=UTC run -0 bk-log import "$FIX/fitbod-old.csv" --units lb --format fitbod
	assert_output "imported 4 sets from '$FIX/fitbod-old.csv' (fitbod, lb): 4 new, 0 updated, 0 unchanged"
	run -0 sqlite3 -separator '|' "$BK_DB" "SELECT e.slug, s.set_no, s.reps, s.load_kg, s.set_type, coalesce(s.note, '-') FROM sets s JOIN exercises e ON e.id = s.exercise_id WHERE s.date = '2019-05-01' ORDER BY s.id"
	assert_output "$(printf '%s\n' 'dumbbell-row|1|10|5.67|normal|-' 'dumbbell-row|2|10|5.67|normal|-' \
		'dumbbell-row|3|10|5.67|normal|-' 'face-pull|1|15|2.268|warmup|light')"
	TZ=UTC run -0 bk-log import "$FIX/fitbod-old.csv" --units lb
	assert_output "imported 0 sets from '$FIX/fitbod-old.csv' (fitbod, lb): 0 new, 0 updated, 4 unchanged"
	# bad values
	printf '%s\n' 'Date,Exercise,Sets,Reps,Weight,isWarmup,Note' '2019-05-01 07:10:00 +0000,Face Pull,1,15,5,maybe,' > "$BATS_TEST_TMPDIR/b.csv"
	run -1 --separate-stderr bk-log import "$BATS_TEST_TMPDIR/b.csv" --units kg
	assert_equal "$stderr" "bk-log: cannot import '$BATS_TEST_TMPDIR/b.csv': line 2: invalid isWarmup 'maybe': expected true or false"
	printf '%s\n' 'Date,Exercise,Sets,Reps,Weight,isWarmup,Note' '2019-05-01 07:10:00 +9900,Face Pull,1,15,5,true,' > "$BATS_TEST_TMPDIR/b.csv"
	run -1 --separate-stderr bk-log import "$BATS_TEST_TMPDIR/b.csv" --units kg
	assert_equal "$stderr" "bk-log: cannot import '$BATS_TEST_TMPDIR/b.csv': line 2: invalid Date '2019-05-01 07:10:00 +9900'"
}
