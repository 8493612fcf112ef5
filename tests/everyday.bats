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
	grep -q -- "-l except .*__fish_seen_subcommand_from done" "$TOP/completions/bk-log.fish"
	grep -q -- "--except" "$TOP/completions/zsh/_bk-log"
}
