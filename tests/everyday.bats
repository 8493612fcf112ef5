#!/usr/bin/env bats
# Everyday commands: bk-log done, bk config, and bk-log rm of many ids.

load common

# a digest of every row of the store's own tables
dbsum() {
	sqlite3 "$BK_DB" "SELECT * FROM sets; SELECT * FROM journal;" | sha256sum
}

# the statuses bk-plan today shows for the day's exercises
statuses() {
	bk-plan today "$@" --format tsv | awk -F'\t' '$5 == "exercise" { print $2, $6, $18 }'
}

@test "rm: a repeated id counts once, in the order first given" {
	run -0 bk-log band-row 3x10 --date yesterday
	run -0 --separate-stderr bk-log rm 3 1 3 1 1
	assert_output 'removed 2 rows (ids 3, 1)'
	assert_equal "$stderr" ""
	run -0 sqlite3 "$BK_DB" "SELECT group_concat(id) FROM sets"
	assert_output '2'
	run -0 bk-log undo
	assert_output 'undid bk-log: rm 2 rows (ids 3, 1)'
}

@test "rm: many missing ids are listed ten at most, then how many more, never cut inside one" {
	run -0 bk-log band-row 3x10 --date yesterday
	local before
	before=$(dbsum)
	run -1 --separate-stderr bk-log rm $(seq 1 100000)
	assert_output ""
	assert_equal "$stderr" "bk-log: cannot remove: no row with ids 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, ... (99987 more)"
	assert_equal "$(dbsum)" "$before"
	run -1 --separate-stderr bk-log rm 2 100000000000 100000000001 100000000002 100000000003 \
		100000000004 100000000005 100000000006 100000000007 100000000008 100000000009 100000000010
	assert_equal "$stderr" "bk-log: cannot remove: no row with ids 100000000000, 100000000001, 100000000002, 100000000003, 100000000004, 100000000005, 100000000006, 100000000007, 100000000008, 100000000009, ... (1 more)"
	# exactly ten: no ellipsis
	run -1 --separate-stderr bk-log rm $(seq 4 13) 1
	assert_equal "$stderr" "bk-log: cannot remove: no row with ids 4, 5, 6, 7, 8, 9, 10, 11, 12, 13"
	assert_equal "$(dbsum)" "$before"
}

@test "rm: 100000 ids, repeats among them, are all removed as one undoable write" {
	run -0 bk-log band-row 1x10 --date yesterday
	# 100000 rows, all in the store, through SQL (logging them one by one would be slow)
	sqlite3 "$BK_DB" "WITH RECURSIVE n(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
		INSERT INTO sets (id, date, exercise_id, set_no, reps, skipped, source_key)
		SELECT i, '2026-11-20', exercise_id, 1, 10, 0, 'log:' || i FROM n, (SELECT exercise_id FROM sets WHERE id = 1)"
	run -0 --separate-stderr bk-log rm $(seq 1 100000) $(seq 1 1000)
	assert_equal "$stderr" ""
	assert_output --regexp '^removed 100000 rows \(ids 1, 2, 3, .*, \.\.\.\)$'
	run -0 sqlite3 "$BK_DB" "SELECT count(*) FROM sets"
	assert_output 0
	run -0 bk-log undo
	run -0 sqlite3 "$BK_DB" "SELECT count(*) FROM sets"
	assert_output 100000
}

# day 1 of jefferson-30 (today): the toe-touch test, then cat-cow 1x5
# hold 3s, hip-flexor-stretch 1x5 hold 10s each side, jefferson-curl 2x5
# hold 5s
jefferson() {
	bk-plan new "${1:-jc}" --template jefferson-30 >/dev/null
}

@test "done: every item due today is logged at its planned dose, linked to the plan, one undoable entry" {
	jefferson
	run -0 --separate-stderr bk-log done
	assert_equal "$stderr" ""
	assert_line --index 0 --regexp '^logged cat-cow 1x5 hold 3s on 2026-11-21 at [0-2][0-9]:[0-5][0-9] for plan jc \(id 1\)$'
	assert_line --index 1 --regexp '^logged hip-flexor-stretch 1x5 hold 10s each side on 2026-11-21 at .* for plan jc \(ids 2-3\)$'
	assert_line --index 2 --regexp '^logged jefferson-curl 2x5 hold 5s on 2026-11-21 at .* for plan jc \(ids 4-5\)$'
	assert_line --index 3 'done 3 exercises on 2026-11-21 (5 rows)'
	assert_line --index 4 "still to record: the toe-touch test of plan jc ('bk-test toe-touch')"
	run -0 statuses
	assert_output "$(printf '%s\n' 'jc cat-cow done' 'jc hip-flexor-stretch done' 'jc jefferson-curl done')"
	run -0 sqlite3 "$BK_DB" "SELECT count(DISTINCT journal_id), count(*), count(plan_item_id) FROM sets"
	assert_output '1|5|5'
	# again: nothing left, nothing written
	local before
	before=$(dbsum)
	run -0 --separate-stderr bk-log done
	assert_line --index 0 'nothing left to do on Sat 2026-11-21: 3 done, 0 skipped'
	assert_equal "$(dbsum)" "$before"
	run -0 bk-log undo
	assert_output 'undid bk-log: done 3 exercises on 2026-11-21 (5 rows)'
	run -0 statuses
	assert_output "$(printf '%s\n' 'jc cat-cow due' 'jc hip-flexor-stretch due' 'jc jefferson-curl due')"
	run -0 sqlite3 "$BK_DB" "SELECT count(*) FROM sets"
	assert_output 0
}

@test "done: a partly done item gets the sets it still needs; a skipped one is left alone" {
	jefferson
	run -0 bk-log jefferson-curl 1x5
	run -0 bk-log skip cat-cow --reason sore
	run -0 --separate-stderr bk-log done
	assert_line --index 0 --regexp '^logged hip-flexor-stretch 1x5 hold 10s each side on .* for plan jc'
	assert_line --index 1 --regexp '^logged jefferson-curl 1x5 hold 5s on .* for plan jc \(id 5\)$'
	assert_line --index 2 'done 2 exercises on 2026-11-21 (3 rows)'
	run -0 statuses
	assert_output "$(printf '%s\n' 'jc cat-cow skipped' 'jc hip-flexor-stretch done' 'jc jefferson-curl done')"
}

@test "done --except leaves exercises out, repeated or as a comma list" {
	jefferson
	run -0 --separate-stderr bk-log done --except cat-cow --except hip-flexor-stretch
	assert_line --index 0 --regexp '^logged jefferson-curl 2x5 hold 5s on .* for plan jc \(ids 1-2\)$'
	assert_line --index 1 'done 1 exercise on 2026-11-21 (2 rows), 2 left out'
	run -0 bk-log undo
	run -0 --separate-stderr bk-log done --except cat-cow,jefferson-curl
	assert_line --index 1 'done 1 exercise on 2026-11-21 (2 rows), 2 left out'
	run -0 statuses
	assert_output "$(printf '%s\n' 'jc cat-cow due' 'jc hip-flexor-stretch done' 'jc jefferson-curl due')"
	run -0 --separate-stderr bk-log done --except cat-cow,jefferson-curl
	assert_output 'nothing left to do on Sat 2026-11-21: 1 done, 0 skipped, 2 left out
still to record: the toe-touch test of plan jc ('"'"'bk-test toe-touch'"'"')'
}

@test "done PLAN logs that plan's items only" {
	jefferson jc
	run -0 bk-plan new desk --template desk-break
	run -0 --separate-stderr bk-log done jc
	assert_line --regexp '^done 3 exercises on 2026-11-21 \([0-9]+ rows\)$'
	run -0 statuses jc
	refute_output --partial ' due'
	run -0 statuses desk
	assert_output --partial ' due'
	refute_output --partial ' done'
}

@test "done: nothing due says so, exit 0, and creates no store" {
	run -0 --separate-stderr bk-log done
	assert_output 'nothing due on Sat 2026-11-21'
	assert_equal "$stderr" ""
	assert_file_not_exists "$BK_DB"
}

@test "done: an unknown plan or exercise, or a bad option, is a usage error that writes nothing" {
	run -2 --separate-stderr bk-log done nope
	assert_output ""
	assert_err "bk-log: unknown plan 'nope' (see 'bk-plan list')"
	assert_file_not_exists "$BK_DB"
	jefferson
	local before
	before=$(dbsum)
	run -2 --separate-stderr bk-log done --except cat-cow,nosuch
	assert_output ""
	assert_err_partial "unknown exercise 'nosuch'"
	run -2 --separate-stderr bk-log done jc extra
	assert_err "bk-log: unexpected argument 'extra'"
	run -2 --separate-stderr bk-log done --note hi
	assert_err_partial "--note"
	run -2 --separate-stderr bk-log done --except
	assert_output ""
	assert_equal "$(dbsum)" "$before"
}

@test "done --date: a day forgotten, at that day's doses" {
	BK_TODAY=2026-11-22 jefferson
	run -0 --separate-stderr env BK_TODAY=2026-11-23 bk-log done --date 2026-11-22
	assert_line --regexp '^logged cat-cow 1x5 hold 3s on 2026-11-22 for plan jc \(id 1\)$'
	run -0 sqlite3 "$BK_DB" "SELECT DISTINCT date FROM sets"
	assert_output 2026-11-22
}

@test "done: completions offer the subcommand, its options and exercise names after --except" {
	run -0 bash -c "source '$TOP/completions/bk-log.bash'
		COMP_WORDS=(bk-log don); COMP_CWORD=1; _bk_log; echo \"\${COMPREPLY[*]}\"
		COMP_WORDS=(bk-log done --ex); COMP_CWORD=2; _bk_log; echo \"\${COMPREPLY[*]}\"
		COMP_WORDS=(bk-log done --except jefferson-c); COMP_CWORD=3; _bk_log; echo \"\${COMPREPLY[*]}\""
	assert_line --index 0 done
	assert_line --index 1 --except
	assert_line --index 2 jefferson-curl
	run -0 bk-log --complete options:done
	assert_line --partial '--except'
	assert_line --partial '--date'
	refute_line --partial '--note'
}

cfgfile() {
	echo "$XDG_CONFIG_HOME/backkit/config"
}

@test "config: set creates the file 0600 in a 0700 directory, then get and list read it" {
	run -0 --separate-stderr bk config
	assert_output "$(printf '%s\n' '# units = metric (the default)' '# week_start = monday (the default)' \
		'# birth_year is not set' '# sex is not set' '# remind_at is not set' \
		'# remind_alarm is not set' '# get_ready = 5s (the default)')"
	assert_file_not_exists "$(cfgfile)"
	run -1 --separate-stderr bk config units
	assert_output ""
	assert_equal "$stderr" ""
	run -0 --separate-stderr bk config units imperial
	assert_output "set units = imperial in $(cfgfile)"
	assert_equal "$stderr" ""
	assert_equal "$(stat -c %a "$(cfgfile)")" 600
	assert_equal "$(stat -c %a "$XDG_CONFIG_HOME/backkit")" 700
	assert_equal "$(stat -c %a "$XDG_CONFIG_HOME")" 700
	run -0 bk config units
	assert_output imperial
	run -0 bk config week_start sunday
	run -0 bk config
	assert_output "$(printf '%s\n' 'units = imperial' 'week_start = sunday' '# birth_year is not set' '# sex is not set' \
		'# remind_at is not set' '# remind_alarm is not set' '# get_ready = 5s (the default)')"
	# the commands read what it wrote
	run -0 bk-log band-row 2x10@10lb
	assert_output --partial '@10lb'
	# no temporary file is left behind
	run -0 ls -A "$XDG_CONFIG_HOME/backkit"
	assert_output config
}

@test "config: a new value replaces the key's line in place; comments and other keys stay" {
	mkdir -p "$XDG_CONFIG_HOME/backkit"
	printf '# mine\nunits = metric\nsex = female\n  units=imperial\n' > "$(cfgfile)"
	chmod 640 "$(cfgfile)"
	run -0 bk config units imperial
	assert_equal "$(cat "$(cfgfile)")" "$(printf '# mine\nunits = imperial\nsex = female')"
	# an existing file keeps its mode
	assert_equal "$(stat -c %a "$(cfgfile)")" 640
	run -0 bk config birth_year 1980
	assert_equal "$(tail -n 1 "$(cfgfile)")" 'birth_year = 1980'
	run -0 --separate-stderr bk config --unset units
	assert_output "unset units in $(cfgfile)"
	assert_equal "$(cat "$(cfgfile)")" "$(printf '# mine\nsex = female\nbirth_year = 1980')"
	run -1 --separate-stderr bk config --unset units
	assert_output ""
	assert_err "bk: cannot unset units: it is not set"
}

@test "config: a bad key or value is refused as the commands refuse it, and the file is unchanged" {
	mkdir -p "$XDG_CONFIG_HOME/backkit"
	printf 'units = metric\n' > "$(cfgfile)"
	local before
	before=$(digest "$(cfgfile)")
	run -2 --separate-stderr bk config units furlongs
	assert_output ""
	assert_err "bk: invalid units 'furlongs': expected metric or imperial"
	run -2 --separate-stderr bk config week_start friday
	assert_err "bk: invalid week_start 'friday': expected monday or sunday"
	run -2 --separate-stderr bk config birth_year 1800
	assert_err_partial "invalid birth_year '1800': expected a year from 1900 to 2026"
	run -2 --separate-stderr bk config birth_year 2030
	assert_err_partial "invalid birth_year '2030'"
	run -2 --separate-stderr bk config sex ''
	assert_err "bk: invalid sex '': expected male or female"
	run -2 --separate-stderr bk config unit imperial
	assert_err "bk: unknown key 'unit' (one of: units, week_start, birth_year, sex, remind_at, remind_alarm, get_ready)"
	run -2 --separate-stderr bk config unit
	assert_err_partial "unknown key 'unit'"
	run -2 --separate-stderr bk config --unset nope
	assert_err_partial "unknown key 'nope'"
	run -2 --separate-stderr bk config units metric extra
	assert_err "bk: unexpected argument 'extra'"
	run -2 --separate-stderr bk config --bogus
	assert_err "bk: unknown option '--bogus'"
	run -2 --separate-stderr bk config --unset
	assert_err "bk: --unset needs a KEY"
	run -2 --separate-stderr bk config units $'imperial\nunits = x'
	assert_err_partial "invalid units 'imperial"
	assert_equal "$(digest "$(cfgfile)")" "$before"
	run -0 ls -A "$XDG_CONFIG_HOME/backkit"
	assert_output config
}

@test "config: a directory that cannot be written is an error, nothing half-written" {
	local d
	unprivileged_dir d
	mkdir -p "$d/backkit"
	printf 'units = metric\n' > "$d/backkit/config"
	chmod 644 "$d/backkit/config"
	chmod 555 "$d/backkit"
	if [ "$(id -u)" -eq 0 ]; then
		run -1 --separate-stderr as_nobody env XDG_CONFIG_HOME="$d" bk config units imperial
	else
		run -1 --separate-stderr env XDG_CONFIG_HOME="$d" bk config units imperial
	fi
	assert_output ""
	assert_err_partial "cannot write '$d/backkit/config'"
	assert_equal "$(cat "$d/backkit/config")" 'units = metric'
	run -0 ls -A "$d/backkit"
	assert_output config
	chmod 755 "$d/backkit"
	rm -rf "$d"
}

@test "config: bk config --help and bk --help name it" {
	run -0 bk config --help
	assert_line --index 0 'usage: bk config [KEY [VALUE]]'
	run -0 bk --help
	assert_line '       bk config [KEY [VALUE]]'
}

@test "config: bash completes config, its keys and their values" {
	run -0 bash -c "source '$TOP/completions/bk.bash'
		COMP_WORDS=(bk con); COMP_CWORD=1; _bk; echo \"\${COMPREPLY[*]}\"
		COMP_WORDS=(bk config we); COMP_CWORD=2; _bk; echo \"\${COMPREPLY[*]}\"
		COMP_WORDS=(bk config units i); COMP_CWORD=3; _bk; echo \"\${COMPREPLY[*]}\"
		COMP_WORDS=(bk config --unset s); COMP_CWORD=3; _bk; echo \"\${COMPREPLY[*]}\""
	assert_line --index 0 config
	assert_line --index 1 week_start
	assert_line --index 2 imperial
	assert_line --index 3 sex
	grep -q -- 'Fl -unset' "$TOP/man/man1/bk.1"
}
