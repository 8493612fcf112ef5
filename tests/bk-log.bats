#!/usr/bin/env bats
# bk-log: logging sets and skips, list, rm and undo.

load common

# every row of the set log, oldest first, as compact text
sets() {
	sqlite3 -separator ' ' "$BK_DB" "SELECT s.id, s.date, coalesce(s.time, '-'),
		e.slug, s.set_no, coalesce(s.side, '-'), coalesce(s.reps, '-'),
		coalesce(s.hold_s, '-'), coalesce(s.load_kg, '-'),
		coalesce(s.rpe, '-'), s.skipped FROM sets s
		JOIN exercises e ON e.id = s.exercise_id ORDER BY s.id"
}

# the whole store as text: a refused command must leave it as it was
dbsum() {
	sqlite3 "$BK_DB" .dump | sha256sum | cut -d' ' -f1
}

@test "bk-log --help and --version" {
	run -0 --separate-stderr bk-log --help
	assert_line --index 0 --partial 'usage: bk-log EXERCISE [SPEC]'
	assert_equal "$stderr" ""
	run -0 bk-log -h
	assert_line --index 0 --partial 'usage: bk-log EXERCISE [SPEC]'
	run -0 bk-log --version
	assert_output --regexp '^bk-log \(backkit\) [0-9]+\.[0-9]+\.[0-9]+$'
}

@test "bk-log: usage errors go to stderr in one line and a hint, exit 2" {
	run -2 --separate-stderr bk-log
	assert_equal "$output" ""
	assert_equal "$stderr" "bk-log: missing exercise or command"$'\n'"see 'bk-log --help'"
	run -2 --separate-stderr bk-log --bogus
	assert_err "bk-log: unrecognized option '--bogus'"
	run -2 --separate-stderr bk-log cat-cow 3x10 extra
	assert_err "bk-log: unexpected argument 'extra'"
	run -2 --separate-stderr bk-log list --note x
	assert_err "bk-log: option --note does not apply to 'list'"
	run -2 --separate-stderr bk-log cat-cow --since monday
	assert_err "bk-log: option --since does not apply to 'log'"
	run -2 --separate-stderr bk-log skip
	assert_err "bk-log: skip needs an EXERCISE"
	run -2 --separate-stderr bk-log rm
	assert_err "bk-log: rm needs at least one ID"
	run -2 --separate-stderr bk-log undo 3
	assert_err "bk-log: unexpected argument '3'"
	assert_file_not_exists "$BK_DB"
}

@test "log: 3x10 stores three sets of 10, one row each" {
	run -0 --separate-stderr bk-log band-row 3x10 --time 08:00
	assert_output 'logged band-row 3x10 on 2026-11-21 at 08:00 (ids 1-3)'
	assert_equal "$stderr" ""
	run -0 sets
	assert_output "$(printf '%s\n' \
		'1 2026-11-21 08:00 band-row 1 - 10 - - - 0' \
		'2 2026-11-21 08:00 band-row 2 - 10 - - - 0' \
		'3 2026-11-21 08:00 band-row 3 - 10 - - - 0')"
}

@test "log: loads in kg, and pounds stored as kg" {
	run -0 bk-log band-row 3x8@5kg --date yesterday
	assert_output 'logged band-row 3x8 @5kg on 2026-11-20 (ids 1-3)'
	run -0 bk-log face-pull 2x10@15lb --date 2026-11-19
	assert_output 'logged face-pull 2x10 hold 1s @6.8kg (hold as in the catalog) on 2026-11-19 (ids 4-5)'
	run -0 sqlite3 "$BK_DB" "SELECT DISTINCT load_kg FROM sets ORDER BY 1"
	assert_output "$(printf '5.0\n6.804')"
	# with units = imperial the confirmation shows pounds
	mkdir -p "$XDG_CONFIG_HOME/backkit"
	echo 'units = imperial' > "$XDG_CONFIG_HOME/backkit/config"
	run -0 bk-log face-pull 1x10@15lb --date 2026-11-19
	assert_output 'logged face-pull 1x10 hold 1s @15lb (hold as in the catalog) on 2026-11-19 (id 6)'
	run -0 bk-log list --format csv --exercise face-pull
	assert_line --index 0 'id,date,time,exercise,set,side,reps,hold_s,load_lb,rpe,skipped,note,set_type,distance_mi'
	assert_line --index 1 '4,2026-11-19,,face-pull,1,,10,1,15,,0,,normal,'
}

@test "log: timed sets in seconds and minutes, one set of N, holds on reps" {
	run -0 bk-log passive-hang 3x30s --date yesterday
	assert_output 'logged passive-hang 3x30s on 2026-11-20 (ids 1-3)'
	run -0 bk-log passive-hang 2x1m --date yesterday
	assert_output 'logged passive-hang 2x1m on 2026-11-20 (ids 4-5)'
	run -0 bk-log cat-cow 12 --date yesterday
	assert_output 'logged cat-cow 1x12 hold 3s (hold as in the catalog) on 2026-11-20 (id 6)'
	run -0 bk-log jefferson-curl 5x5 --hold 5s --date yesterday
	assert_output 'logged jefferson-curl 5x5 hold 5s on 2026-11-20 (ids 7-11)'
	run -0 sets
	assert_line --index 0 '1 2026-11-20 - passive-hang 1 - - 30.0 - - 0'
	assert_line --index 4 '5 2026-11-20 - passive-hang 2 - - 60.0 - - 0'
	assert_line --index 5 '6 2026-11-20 - cat-cow 1 - 12 3.0 - - 0'
	assert_line --index 10 '11 2026-11-20 - jefferson-curl 5 - 5 5.0 - - 0'
	run -0 bk-log passive-hang 1x30s@10kg --date yesterday
	assert_output 'logged passive-hang 1x30s @10kg on 2026-11-20 (id 12)'
}

@test "log: --hold sets the length of a timed default dose, refused with a timed SPEC" {
	# the catalog's passive hang is 3x30s
	run -0 bk-log passive-hang --hold 45s --date yesterday
	assert_output 'logged passive-hang 3x45s on 2026-11-20 (ids 1-3)'
	run -2 --separate-stderr bk-log passive-hang 3x30s --hold 5s
	assert_err "bk-log: --hold goes with sets of reps, not with timed sets like '3x30s'"
	run -2 --separate-stderr bk-log cat-cow 5x5 --hold 5x
	assert_err "bk-log: invalid hold '5x': expected a time like 30s, 2m or 1m30s"
}

@test "log: with no SPEC, the catalog's default dose" {
	# jefferson-curl: 1x5 hold 5s; passive-hang: 3x30s
	run -0 bk-log jefferson-curl --date yesterday
	assert_output 'logged jefferson-curl 1x5 hold 5s on 2026-11-20 (id 1)'
	run -0 bk-log passive-hang --date yesterday
	assert_output 'logged passive-hang 3x30s on 2026-11-20 (ids 2-4)'
}

@test "log: sides are stored one row per side per set, left then right" {
	run -0 bk-log dumbbell-row 2x10@10kg --side both --date yesterday
	assert_output 'logged dumbbell-row 2x10 @10kg each side on 2026-11-20 (ids 1-4)'
	run -0 bk-log knee-to-chest --side left --date yesterday
	assert_output 'logged knee-to-chest 1x3 hold 5s left side on 2026-11-20 (id 5)'
	run -0 bk-log cat-cow 5 --side right --date yesterday
	assert_output 'logged cat-cow 1x5 hold 3s right side (hold as in the catalog) on 2026-11-20 (id 6)'
	# a per-side catalog exercise is done on each side unless told
	run -0 bk-log hip-flexor-stretch --date yesterday
	assert_output 'logged hip-flexor-stretch 1x5 hold 10s each side on 2026-11-20 (ids 7-8)'
	run -0 sets
	assert_output "$(printf '%s\n' \
		'1 2026-11-20 - dumbbell-row 1 left 10 - 10.0 - 0' \
		'2 2026-11-20 - dumbbell-row 1 right 10 - 10.0 - 0' \
		'3 2026-11-20 - dumbbell-row 2 left 10 - 10.0 - 0' \
		'4 2026-11-20 - dumbbell-row 2 right 10 - 10.0 - 0' \
		'5 2026-11-20 - knee-to-chest 1 left 3 5.0 - - 0' \
		'6 2026-11-20 - cat-cow 1 right 5 3.0 - - 0' \
		'7 2026-11-20 - hip-flexor-stretch 1 left 5 10.0 - - 0' \
		'8 2026-11-20 - hip-flexor-stretch 1 right 5 10.0 - - 0')"
	run -2 --separate-stderr bk-log cat-cow --side middle
	assert_err "bk-log: invalid side 'middle' (one of: left, right, both)"
}

@test "log: --date, --time, --rpe and --note are stored" {
	run -0 bk-log band-row 2x12 --date 2026-11-02 --time 7:05 --rpe 7.5 --note 'easy, slow'
	assert_output 'logged band-row 2x12 on 2026-11-02 at 07:05 (ids 1-2)'
	run -0 sqlite3 "$BK_DB" "SELECT date, time, rpe, note FROM sets"
	assert_output "$(printf '2026-11-02|07:05|7.5|easy, slow\n%.0s' 1 2)"
	run -0 bk-log cat-cow 3 --date monday
	assert_output 'logged cat-cow 1x3 hold 3s (hold as in the catalog) on 2026-11-16 (id 3)'
	run -0 bk-log cat-cow 3 --date -3d --note ''
	assert_output 'logged cat-cow 1x3 hold 3s (hold as in the catalog) on 2026-11-18 (id 4)'
	run -0 sqlite3 "$BK_DB" "SELECT note IS NULL, time IS NULL FROM sets WHERE id = 4"
	assert_output '1|1'
}

@test "log: today's sets get the time now" {
	run -0 bk-log cat-cow 3
	assert_output --regexp '^logged cat-cow 1x3 hold 3s \(hold as in the catalog\) on 2026-11-21 at [0-2][0-9]:[0-5][0-9] \(id 1\)$'
	run -0 sqlite3 "$BK_DB" "SELECT time FROM sets"
	assert_output --regexp '^[0-2][0-9]:[0-5][0-9]$'
}

@test "log: the exercise by prefix or display name; 'log' names it explicitly" {
	run -0 bk-log jeff 1x5 --date yesterday
	assert_output --partial 'logged jefferson-curl 1x5'
	run -0 bk-log 'Jefferson Curl' 1x5 --date yesterday
	assert_output --partial 'logged jefferson-curl 1x5'
	run -0 bk-plan exercise add undo --name 'Undo Stretch'
	run -0 bk-log log undo 2x3 --date yesterday
	assert_output 'logged undo 2x3 on 2026-11-20 (ids 3-4)'
	run -2 --separate-stderr bk-log log
	assert_err "bk-log: log needs an EXERCISE"
}

@test "log: every bad SPEC, date, RPE or exercise is refused, naming it, store unchanged" {
	run -0 bk-log cat-cow 3 --date yesterday
	local before
	before=$(dbsum)
	local spec
	for spec in 3x 0x10 3x-1 x10 3x10@ 3x10@5stone 99999999999x1 3x0 \
		3x10@5 3x1.5m 101x1 3x10@0g 3x10@2000kg 3x0s abc; do
		run -2 --separate-stderr bk-log band-row "$spec"
		assert_err_partial "invalid spec '$spec': "
		assert_equal "$output" ""
	done
	run -2 --separate-stderr bk-log band-row 3x
	assert_err "bk-log: invalid spec '3x': missing reps or time after 'x'"
	run -2 --separate-stderr bk-log band-row 0x10
	assert_err "bk-log: invalid spec '0x10': sets must be 1 to 100"
	run -2 --separate-stderr bk-log band-row 3x10@5stone
	assert_err "bk-log: invalid spec '3x10@5stone': a load's unit must be kg or lb"
	run -2 --separate-stderr bk-log band-row 99999999999x1
	assert_err "bk-log: invalid spec '99999999999x1': sets must be 1 to 100"
	run -2 --separate-stderr bk-log band-row 3x10 --date 2026-02-30
	assert_err "bk-log: invalid date '2026-02-30' (YYYY-MM-DD, YYYY-MM, YYYY, today, yesterday, tomorrow, a weekday, -3d, +2w, -1m, -1y, sow, eow, som, eom, soy, eoy, last|this|next week|month|year)"
	run -2 --separate-stderr bk-log band-row 3x10 --date tomorrow
	assert_err "bk-log: invalid date 'tomorrow': it is after today"
	run -2 --separate-stderr bk-log band-row 3x10 --rpe 11
	assert_err "bk-log: invalid RPE '11' (0 to 10)"
	run -2 --separate-stderr bk-log band-row 3x10 --rpe -1
	assert_err "bk-log: invalid RPE '-1' (0 to 10)"
	run -2 --separate-stderr bk-log band-row 3x10 --time 24:00
	assert_err "bk-log: invalid time '24:00' (HH:MM, 00:00 to 23:59)"
	run -2 --separate-stderr bk-log jeferson-curl 3x10
	assert_err "bk-log: unknown exercise 'jeferson-curl' (did you mean jefferson-curl?)"
	run -2 --separate-stderr bk-log skip zzzzzzzz
	assert_err_partial "unknown exercise 'zzzzzzzz'"
	run -2 --separate-stderr bk-log cat-cow 3 --plan nosuch
	assert_err "bk-log: unknown plan 'nosuch' (see 'bk-plan list')"
	bk-plan new mine > /dev/null
	before=$(dbsum)
	run -2 --separate-stderr bk-log skip cat-cow --plan mien
	assert_err "bk-log: unknown plan 'mien' (did you mean mine?)"
	assert_equal "$(dbsum)" "$before"
}

@test "log: hostile notes are stored literally and shown escaped" {
	local note=$'tab\there, "quoted", \e[31mred\e[0m\nline 2'
	run -0 bk-log cat-cow 3 --date yesterday --note "$note"
	run -0 sqlite3 "$BK_DB" "SELECT note = CAST(X'$(printf '%s' "$note" | od -An -tx1 | tr -d ' \n')' AS TEXT) FROM sets"
	assert_output 1
	run -0 bk-log list --format table
	assert_line --index 2 --partial 'tab\there, "quoted", \x1b[31mred\x1b[0m\nline 2'
}

@test "skip: a skipped row with its reason, counted apart from done sets" {
	run -0 bk-log skip cat-cow --reason 'hurts today' --date yesterday
	assert_output 'skipped cat-cow on 2026-11-20 (id 1)'
	run -0 sqlite3 "$BK_DB" "SELECT date, skipped, reason, reps IS NULL, hold_s IS NULL FROM sets"
	assert_output '2026-11-20|1|hurts today|1|1'
	run -0 bk-log skip knee-to-chest
	assert_output 'skipped knee-to-chest on 2026-11-21 (id 2)'
	run -0 bk-log list --format csv
	assert_line --index 1 '1,2026-11-20,,cat-cow,1,,,,,,1,hurts today,normal,'
	run -2 --separate-stderr bk-log skip cat-cow --note x
	assert_err "bk-log: option --note does not apply to 'skip'"
}

@test "list: newest last with ids; --since, --until, --exercise; formats" {
	run -0 bk-log cat-cow 3 --date 2026-11-18 --time 09:00
	run -0 bk-log band-row 2x10 --date 2026-11-16
	run -0 bk-log cat-cow 4 --date 2026-11-18 --time 07:00
	run -0 bk-log list
	assert_output "$(printf '%s\n' \
		'id,date,time,exercise,set,side,reps,hold_s,load_kg,rpe,skipped,note,set_type,distance_m' \
		'2,2026-11-16,,band-row,1,,10,,,,0,,normal,' \
		'3,2026-11-16,,band-row,2,,10,,,,0,,normal,' \
		'4,2026-11-18,07:00,cat-cow,1,,4,3,,,0,,normal,' \
		'1,2026-11-18,09:00,cat-cow,1,,3,3,,,0,,normal,')"
	run -0 bk-log list --since 2026-11-17
	assert_equal "${#lines[@]}" 3
	run -0 bk-log list --until 2026-11-17 --format tsv
	assert_equal "${#lines[@]}" 3
	assert_line --index 1 "$(printf '2\t2026-11-16\t\tband-row\t1\t\t10\t\t\t\t0\t\tnormal\t')"
	run -0 bk-log list --exercise cat --since -5d
	assert_equal "${#lines[@]}" 3
	run -0 bk-log list --format json --exercise band-row
	assert_line --index 1 '{"id":2,"date":"2026-11-16","time":null,"exercise":"band-row","set":1,"side":null,"reps":10,"hold_s":null,"load_kg":null,"rpe":null,"skipped":0,"note":null,"set_type":"normal","distance_m":null},'
	run -0 bk-log list --format table
	assert_line --index 0 --regexp '^id +date +time +exercise +set +side +reps +hold_s +load_kg +rpe +skipped +note +set_type +distance_m$'
	run -2 --separate-stderr bk-log list --format xml
	assert_err "bk-log: invalid format 'xml' (one of: table, csv, tsv, json)"
	run -2 --separate-stderr bk-log list --since 2026-13-01
	assert_err_partial "invalid date '2026-13-01'"
	run -2 --separate-stderr bk-log list --exercise nosuchthing
	assert_err_partial "unknown exercise 'nosuchthing'"
}

@test "list: a store that does not exist yet lists nothing and is not created" {
	run -0 bk-log list
	assert_output 'id,date,time,exercise,set,side,reps,hold_s,load_kg,rpe,skipped,note,set_type,distance_m'
	assert_file_not_exists "$BK_DB"
}

@test "rm: removes the rows named, all or none" {
	run -0 bk-log band-row 3x10 --date yesterday
	run -0 bk-log cat-cow 5 --date yesterday
	local before
	before=$(dbsum)
	run -1 --separate-stderr bk-log rm 1 99 4 100
	assert_err "bk-log: cannot remove: no row with ids 99, 100"
	run -1 --separate-stderr bk-log rm 7
	assert_err "bk-log: cannot remove: no row with id 7"
	run -2 --separate-stderr bk-log rm 1 x2
	assert_err "bk-log: invalid id 'x2' (a row id that 'bk-log list' shows)"
	run -2 --separate-stderr bk-log rm 0
	assert_err_partial "invalid id '0'"
	assert_equal "$(dbsum)" "$before"
	run -0 bk-log rm 3 1 3
	assert_output 'removed 2 rows (ids 3, 1)'
	run -0 sqlite3 "$BK_DB" "SELECT group_concat(id) FROM (SELECT id FROM sets ORDER BY id)"
	assert_output '2,4'
}

@test "undo: reverses the latest write, a whole command at a time, and repeats" {
	run -0 bk-log band-row 3x12 --date yesterday
	run -0 bk-log skip cat-cow --date yesterday
	run -0 bk-log rm 2
	run -0 bk-log undo
	assert_output 'undid bk-log: rm 1 row (id 2)'
	run -0 sqlite3 "$BK_DB" "SELECT count(*) FROM sets"
	assert_output 4
	run -0 bk-log undo
	assert_output 'undid bk-log: skip cat-cow on 2026-11-20'
	run -0 bk-log undo
	assert_output 'undid bk-log: log band-row 3x12 on 2026-11-20 (3 rows)'
	run -0 sqlite3 "$BK_DB" "SELECT count(*) FROM sets"
	assert_output 0
	run -1 --separate-stderr bk-log undo
	assert_err "bk-log: cannot undo: nothing left to undo"
}

@test "undo: rm then undo puts back the very same rows" {
	run -0 bk-log band-row 2x10@5kg --date yesterday --note n --rpe 6
	local before
	before=$(sqlite3 "$BK_DB" "SELECT * FROM sets ORDER BY id")
	run -0 bk-log rm 1 2
	run -0 bk-log undo
	assert_equal "$(sqlite3 "$BK_DB" "SELECT * FROM sets ORDER BY id")" "$before"
}

@test "undo: also reverses a bk-test measurement, the latest write of either" {
	run -0 bk-log cat-cow 3 --date yesterday
	# a measurement written the way bk-test writes one
	sqlite3 "$BK_DB" "INSERT INTO journal (at, command, summary) VALUES ('2026-11-21T08:00:00', 'bk-test', 'toe-touch -12cm');
		INSERT INTO measurements (kind, date, value, unit, value_cm, journal_id) VALUES ('toe-touch', '2026-11-21', -12, 'cm', -12, last_insert_rowid())"
	run -0 bk-log undo
	assert_output 'undid bk-test: toe-touch -12cm'
	run -0 sqlite3 "$BK_DB" "SELECT count(*) FROM measurements"
	assert_output 0
	run -0 bk-log undo
	assert_output --partial 'undid bk-log: log cat-cow'
}

# a plan with weekly and dated items, as bk-plan stores them
make_plan() {
	bk-log list >/dev/null
	bk-plan exercise add x-warmup --name 'Make the store' >/dev/null
	sqlite3 "$BK_DB" "
	INSERT INTO plans (id, name, start_date, end_date, created) VALUES
		(1, 'morning', '2026-11-01', NULL, '2026-11-01'),
		(2, 'evening', '2026-11-01', '2026-11-30', '2026-11-01'),
		(3, 'old', '2026-01-01', '2026-01-31', '2026-01-01');
	INSERT INTO plan_items (id, plan_id, date, weekday, exercise_id, sets, reps, hold_s, load_kg, per_side, seq) VALUES
		(10, 1, NULL, 6, (SELECT id FROM exercises WHERE slug = 'cat-cow'), 2, 8, 3, NULL, 0, 1),
		(11, 2, NULL, 6, (SELECT id FROM exercises WHERE slug = 'cat-cow'), 1, 12, NULL, NULL, 0, 1),
		(12, 2, '2026-11-20', NULL, (SELECT id FROM exercises WHERE slug = 'band-row'), 3, 15, NULL, 4, 0, 1),
		(13, 3, NULL, 6, (SELECT id FROM exercises WHERE slug = 'band-row'), 9, 9, NULL, NULL, 0, 1),
		(14, 1, NULL, 6, (SELECT id FROM exercises WHERE slug = 'passive-hang'), 2, 0, 20, NULL, 0, 2),
		(15, 1, NULL, 5, (SELECT id FROM exercises WHERE slug = 'knee-to-chest'), 1, 2, 5, NULL, 1, 1);"
}

@test "planned dose: with no SPEC, today's planned dose, linked to its item" {
	make_plan
	# saturday: cat-cow is due in 'morning' (2x8 hold 3s) and 'evening' (1x12)
	run -0 bk-log cat-cow --time 07:00
	assert_output 'logged cat-cow 2x8 hold 3s on 2026-11-21 at 07:00 for plan morning (ids 1-2)'
	# the morning item is done: the next one due is the evening's
	run -0 bk-log cat-cow --time 19:00
	assert_output 'logged cat-cow 1x12 on 2026-11-21 at 19:00 for plan evening (id 3)'
	# both done: the first again
	run -0 bk-log cat-cow 3 --time 20:00
	assert_output 'logged cat-cow 1x3 hold 3s (hold as planned) on 2026-11-21 at 20:00 for plan morning (id 4)'
	run -0 sqlite3 "$BK_DB" "SELECT group_concat(plan_item_id) FROM sets"
	assert_output '10,10,11,10'
	# a timed planned dose
	run -0 bk-log passive-hang --time 07:10
	assert_output 'logged passive-hang 2x20s on 2026-11-21 at 07:10 for plan morning (ids 5-6)'
}

@test "planned dose: dated items, --plan, plan dates and inactive plans" {
	make_plan
	# friday the 20th: band-row is dated in 'evening', with a load
	run -0 bk-log band-row --date 2026-11-20
	assert_output 'logged band-row 3x15 @4kg on 2026-11-20 for plan evening (ids 1-3)'
	# the 'old' plan ended in january: its saturday band-row is not due
	run -0 bk-log band-row --date 2026-11-14
	assert_output 'logged band-row 3x10 on 2026-11-14 (ids 4-6)'
	run -0 bk-log cat-cow --plan evening --date yesterday
	assert_output 'logged cat-cow 1x5 hold 3s on 2026-11-20 (id 7)'
	run -0 bk-log cat-cow --plan evening --time 08:00
	assert_output 'logged cat-cow 1x12 on 2026-11-21 at 08:00 for plan evening (id 8)'
	# a per-side planned item on friday
	run -0 bk-log knee-to-chest --date yesterday
	assert_output 'logged knee-to-chest 1x2 hold 5s each side on 2026-11-20 for plan morning (ids 9-10)'
	sqlite3 "$BK_DB" "UPDATE plans SET active = 0 WHERE name = 'morning'"
	run -0 bk-log cat-cow 2 --time 09:00
	assert_output 'logged cat-cow 1x2 on 2026-11-21 at 09:00 for plan evening (id 11)'
	run -0 bk-log skip passive-hang
	assert_output 'skipped passive-hang on 2026-11-21 (id 12)'
	sqlite3 "$BK_DB" "UPDATE plans SET active = 1 WHERE name = 'morning'"
	run -0 bk-log skip passive-hang --plan morning
	assert_output 'skipped passive-hang on 2026-11-21 for plan morning (id 13)'
	run -0 sqlite3 "$BK_DB" "SELECT id, plan_item_id FROM sets WHERE plan_item_id IS NOT NULL AND id > 6"
	assert_output "$(printf '%s\n' 8\|11 9\|15 10\|15 11\|11 13\|14)"
}

@test "completions: the option table drives --help, the man page and every completion file" {
	run -0 bk-log --complete options
	(( ${#lines[@]} >= 17 ))
	local opt
	for opt in "${lines[@]}"; do
		grep -qE -- "(Fl |, )-${opt#--}( |$)" "$TOP/man/man1/bk-log.1" || fail "$opt not in bk-log.1"
		[[ $opt == --@(help|version) ]] || bk-log --help | grep -q -- "$opt" || fail "$opt not in --help"
	done
	run -0 bk-log --complete commands
	assert_output "$(printf '%s\n' skip list rm edit undo export import log session done)"
	run -0 bk-log --complete words -- import x --format ''
	assert_output "$(printf '%s\n' auto bk strong fitnotes hevy fitbod)"
	run -0 bk-log --complete words -- cat-cow --side ''
	assert_output "$(printf '%s\n' left right both)"
	run -0 bk-log --complete exercises
	assert_line jefferson-curl
	run -2 bk-log --complete nonsense
}

@test "completions: bash completes commands, slugs, files and option values" {
	run -0 bash -c "source '$TOP/completions/bk-log.bash'
		COMP_WORDS=(bk-log im); COMP_CWORD=1; _bk_log; echo \"\${COMPREPLY[*]}\"
		COMP_WORDS=(bk-log jeff); COMP_CWORD=1; _bk_log; echo \"\${COMPREPLY[*]}\"
		COMP_WORDS=(bk-log skip knee-); COMP_CWORD=2; _bk_log; echo \"\${COMPREPLY[*]}\"
		COMP_WORDS=(bk-log import x --format s); COMP_CWORD=4; _bk_log; echo \"\${COMPREPLY[*]}\"
		COMP_WORDS=(bk-log list --format j); COMP_CWORD=3; _bk_log; echo \"\${COMPREPLY[*]}\"
		COMP_WORDS=(bk-log cat-cow --side b); COMP_CWORD=3; _bk_log; echo \"\${COMPREPLY[*]}\"
		COMP_WORDS=(bk-log import x --cre); COMP_CWORD=3; _bk_log; echo \"\${COMPREPLY[*]}\"
		COMP_WORDS=(bk-log --date yesterday passive-h); COMP_CWORD=3; _bk_log; echo \"\${COMPREPLY[*]}\"
		cd '$TOP/tests/fixtures'
		COMP_WORDS=(bk-log import hevy-); COMP_CWORD=2; _bk_log; echo \"\${COMPREPLY[*]}\""
	assert_line --index 0 'import'
	assert_line --index 1 'jefferson-curl'
	assert_line --index 2 'knee-to-chest'
	assert_line --index 3 'strong'
	assert_line --index 4 'json'
	assert_line --index 5 'both'
	assert_line --index 6 '--create-missing'
	assert_line --index 7 'passive-hang'
	assert_line --index 8 'hevy-lbs.csv'
}

@test "install: bk-log, its man pages and completions land in place and work" {
	# the build's own PREFIX: another would rebuild bin/ under other tests
	local dest="$BATS_TEST_TMPDIR/stage" p="$BATS_TEST_TMPDIR/stage/usr/local"
	run -0 make -s -C "$TOP" install DESTDIR="$dest"
	assert_file_executable "$p/bin/bk-log"
	assert_file_exists "$p/share/man/man1/bk-log.1"
	assert_file_exists "$p/share/man/man5/bk-csv.5"
	assert_file_exists "$p/share/bash-completion/completions/bk-log"
	assert_file_exists "$p/share/zsh/site-functions/_bk-log"
	assert_file_exists "$p/share/fish/vendor_completions.d/bk-log.fish"
	run -0 "$p/bin/bk-log" cat-cow 3 --date yesterday
	assert_output 'logged cat-cow 1x3 hold 3s (hold as in the catalog) on 2026-11-20 (id 1)'
	run -0 "$p/bin/bk-log" import "$TOP/tests/fixtures/strong.csv" --units kg
	run -0 mandoc -Tutf8 "$p/share/man/man5/bk-csv.5"
	assert_output --partial 'Strong'
	run -0 make -s -C "$TOP" uninstall DESTDIR="$dest"
	assert_file_not_exists "$p/bin/bk-log"
	assert_file_not_exists "$p/share/man/man5/bk-csv.5"
}

@test "bk-log help prints the usage, not an unknown name" {
	run -0 --separate-stderr bk-log help
	assert_line --index 0 --partial 'usage: bk-log EXERCISE'
	assert_equal "$stderr" ""
	run -2 --separate-stderr bk-log help extra
	assert_err "bk-log: unexpected argument 'extra'"
	assert_equal "$output" ""
}

@test "SUB --help prints that subcommand's usage only, in every command" {
	run -0 --separate-stderr bk-log list --help
	assert_equal "$stderr" ""
	assert_equal "${output%%$'\n\noptions:'*}" "usage: bk-log list [--since D] [--until D] [--exercise X] [--format F]
common options: [--db PATH] [-h | --help] [--version]"
	run -0 bk-log edit -h
	assert_line --index 0 --partial "usage: bk-log edit ID..."
	assert_line --index 1 --partial "[--rpe N]"
	refute_line --partial "bk-log list"
	run -0 bk-plan exercise --help
	assert_line --index 0 "usage: bk-plan exercise SLUG [--format F]"
	assert_line --index 1 --partial "       bk-plan exercise add SLUG"
	refute_line --partial "bk-plan exercises"
	run -0 bk-test progress --help
	assert_line --index 0 --partial "usage: bk-test progress [KIND]"
	refute_line --partial "toe-touch"
	run -0 bk-stats plot --help
	assert_line --index 0 --partial "usage: bk-stats plot "
	refute_line --partial "summary"
	# an exercise, or no subcommand: the whole usage
	local all
	all=$(bk-log --help)
	run -0 bk-log cat-cow --help
	assert_equal "$output" "$all"
	[[ $all == *"bk-log session"* && $all == *"bk-log import"* ]]
}
