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
