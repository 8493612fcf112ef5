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
		coalesce(s.load_kg, '-'), coalesce(s.rpe, '-'), coalesce(s.note, '-')
		FROM sets s JOIN exercises e ON e.id = s.exercise_id
		ORDER BY s.date, s.time, s.id"
}

dbsum() {
	sqlite3 "$BK_DB" .dump | sha256sum | cut -d' ' -f1
}

@test "import strong: rest-timer rows in any language are skipped and counted" {
	run -0 --separate-stderr bk-log import "$FIX/strong-rest.csv" --units kg
	assert_output "imported 3 sets from '$FIX/strong-rest.csv' (strong, kg); 0 duplicates skipped; 4 rest timers skipped"
	assert_equal "$stderr" ""
	run -0 sets
	assert_output "$(printf '%s\n' \
		'2025-05-11|12:06|dumbbell-row|1|8|-|20.0|-|-' \
		'2025-05-11|12:06|dumbbell-row|2|8|-|20.0|-|-' \
		'2025-05-11|12:06|face-pull|1|12|-|15.0|-|-')"
	# a dry run says the same and writes nothing
	run -0 bk-log import "$FIX/strong-rest.csv" --units kg --dry-run
	assert_output "would import 0 sets from '$FIX/strong-rest.csv' (strong, kg); 3 duplicates skipped; 4 rest timers skipped"
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
	assert_output "imported 6 sets from '$FIX/strong-2025.csv' (strong, kg); 0 duplicates skipped; 1 rest timer skipped"
	assert_equal "$stderr" ""
	run -0 sets
	assert_output "$(printf '%s\n' \
		'2026-01-05|07:30|dumbbell-row|1|12|-|10.0|-|warm-up set' \
		'2026-01-05|07:30|dumbbell-row|2|8|-|22.68|8.0|-' \
		'2026-01-05|07:30|dumbbell-row|3|6|-|65.181|9.5|last one' \
		'2026-01-05|07:30|dumbbell-row|4|10|-|15.0|-|drop set' \
		'2026-01-05|07:30|dumbbell-row|5|7|-|15.0|-|set to failure' \
		'2026-01-05|07:30|passive-hang|1|-|45.0|-|-|-')"
	# the header's unit wins over --units
	run -0 bk-log import "$FIX/strong-2025-lbs.csv" --units kg
	assert_output "imported 2 sets from '$FIX/strong-2025-lbs.csv' (strong, lb); 0 duplicates skipped"
	run -0 sqlite3 "$BK_DB" "SELECT group_concat(load_kg, ' ') FROM sets WHERE date = '2026-01-06'"
	assert_output '61.235 83.915'
}

@test "import strong: German and French headers by their layout, with their rest timers" {
	run -0 --separate-stderr bk-log import "$FIX/strong-de.csv" --units kg
	assert_output "imported 3 sets from '$FIX/strong-de.csv' (strong, kg); 0 duplicates skipped; 1 rest timer skipped"
	run -0 bk-log import "$FIX/strong-fr.csv" --units kg --format strong
	assert_output "imported 2 sets from '$FIX/strong-fr.csv' (strong, kg); 0 duplicates skipped; 1 rest timer skipped"
	run -0 sets
	assert_output "$(printf '%s\n' \
		'2026-01-07|06:15|dumbbell-row|1|12|-|8.0|-|warm-up set' \
		'2026-01-07|06:15|dumbbell-row|2|10|-|12.5|8.0|langsam, sauber' \
		'2026-01-07|06:15|passive-hang|1|-|40.0|-|-|-' \
		'2026-01-08|19:00|face-pull|1|15|-|10.0|7.0|-' \
		'2026-01-08|19:00|face-pull|2|11|-|10.0|9.5|set to failure')"
	# too few known words: not taken for Strong
	printf '%s\n' 'Fecha,Entrenamiento,Duracion,Ejercicio,Orden,Peso,Repeticiones,Distancia,Segundos' \
		'2026-01-08 19:00:00,Dos,25m,Face Pull,1,10,15,0,0' > "$BATS_TEST_TMPDIR/es.csv"
	run -1 --separate-stderr bk-log import "$BATS_TEST_TMPDIR/es.csv" --units kg
	assert_equal "$stderr" "bk-log: cannot import '$BATS_TEST_TMPDIR/es.csv': line 1: unknown header: not the bk, Strong, FitNotes or Hevy format"
}

@test "import strong: the 2016 layout, CRLF line ends, Set Order from 0, kg in the header" {
	run -0 bk-log import "$FIX/strong-2016.csv"
	assert_output "imported 3 sets from '$FIX/strong-2016.csv' (strong, kg); 0 duplicates skipped"
	run -0 sets
	assert_output "$(printf '%s\n' \
		'2016-03-12|18:05|dumbbell-row|1|10|-|12.5|-|-' \
		'2016-03-12|18:05|dumbbell-row|2|8|-|15.0|-|heavy, good' \
		'2016-03-12|18:05|band-row|1|20|-|-|-|-')"
}

@test "import fitnotes: Weight (lbs) and Weight (kgs) headers, times as h:mm:ss" {
	run -0 bk-log import "$FIX/fitnotes-lbs.csv"
	assert_output "imported 4 sets from '$FIX/fitnotes-lbs.csv' (fitnotes, lb); 0 duplicates skipped"
	run -0 bk-log import "$FIX/fitnotes-kgs.csv" --units lb
	assert_output "imported 1 set from '$FIX/fitnotes-kgs.csv' (fitnotes, kg); 0 duplicates skipped"
	run -0 sets
	assert_output "$(printf '%s\n' \
		'2026-01-09|-|dumbbell-row|1|10|-|11.34|-|-' \
		'2026-01-09|-|dumbbell-row|2|8|-|13.608|-|-' \
		'2026-01-09|-|passive-hang|1|-|65.0|-|-|-' \
		'2026-01-09|-|passive-hang|2|-|3600.0|-|-|-' \
		'2026-01-10|-|face-pull|1|15|-|12.5|-|-')"
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
	assert_equal "$stderr" "bk-log: invalid units 'stone' (kg or lb)"
	run -2 --separate-stderr bk-log list --units kg
	assert_equal "${stderr_lines[0]}" "bk-log: option --units does not apply to 'list'"
	assert_equal "$(dbsum)" "$before"
	# --units lb: the loads are pounds, and the summary says so
	run -0 bk-log import "$FIX/strong-rest.csv" --units lb --dry-run
	assert_output "would import 3 sets from '$FIX/strong-rest.csv' (strong, lb); 0 duplicates skipped; 4 rest timers skipped"
	run -0 bk-log import "$FIX/strong-rest.csv" --units lb
	run -0 sqlite3 "$BK_DB" "SELECT group_concat(load_kg, ' ') FROM sets WHERE date = '2025-05-11'"
	assert_output '9.072 9.072 6.804'
	# a units key in the config says it, metric too
	mkdir -p "$XDG_CONFIG_HOME/backkit"
	echo 'units = metric' > "$XDG_CONFIG_HOME/backkit/config"
	run -0 bk-log import "$FIX/strong-fr.csv"
	assert_output "imported 2 sets from '$FIX/strong-fr.csv' (strong, kg); 0 duplicates skipped; 1 rest timer skipped"
	# a config without the key does not
	echo 'week_start = sunday' > "$XDG_CONFIG_HOME/backkit/config"
	run -1 --separate-stderr bk-log import "$FIX/strong-de.csv"
	assert_equal "$stderr" "bk-log: cannot import '$FIX/strong-de.csv': the file does not say whether its weights are kg or lb (give --units kg or --units lb)"
}

@test "import fitnotes: FitNotes 2 for iOS, UTC to local time, M/D/YYYY, 12-hour times, decimal commas, NotStarted sets" {
	TZ=Asia/Tokyo run -0 --separate-stderr bk-log import "$FIX/fitnotes-ios.csv" --units kg
	assert_output "imported 4 sets from '$FIX/fitnotes-ios.csv' (fitnotes, kg); 0 duplicates skipped; 2 sets not started skipped"
	assert_equal "$stderr" ""
	run -0 sets
	assert_output "$(printf '%s\n' \
		'2025-03-04|14:45|dumbbell-row|1|10|-|9.07|-|-' \
		'2025-03-04|14:45|dumbbell-row|2|8|-|12.5|-|-' \
		'2025-03-04|14:45|passive-hang|1|-|45.0|-|-|-' \
		'2026-01-01|08:50|face-pull|1|15|-|10.0|-|-')"
	# the same file again, in the same zone: all duplicates
	TZ=Asia/Tokyo run -0 bk-log import "$FIX/fitnotes-ios.csv" --units kg
	assert_output "imported 0 sets from '$FIX/fitnotes-ios.csv' (fitnotes, kg); 4 duplicates skipped; 2 sets not started skipped"
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
	run -0 sqlite3 "$BK_DB" "SELECT count(*) FROM sets"
	assert_output 0
}
