#!/usr/bin/env bats
# Crashes: an import killed with SIGKILL at random moments leaves all of
# it or none of it, a store that passes integrity_check, and a next
# command that works. The moments are random; the assertions hold for
# every moment.

load common
load reliability

ROWS=40000

@test "crash: an import killed at random moments leaves all of it or none of it" {
	run -0 bk-log cat-cow 2x5 --note before
	cp "$BK_DB" "$BATS_TEST_TMPDIR/base.db"
	big_csv "$ROWS" "$BATS_TEST_TMPDIR/big.csv"
	# how long a whole import takes here, to kill within it
	local t0 t1 ms
	t0=$(date +%s%N)
	bk-log import "$BATS_TEST_TMPDIR/big.csv" > /dev/null
	t1=$(date +%s%N)
	ms=$(((t1 - t0) / 1000000))
	local k pid n db="$BATS_TEST_TMPDIR/c.db" counts=""
	for k in 1 2 3 4 5 6; do
		rm -f "$db" "$db-wal" "$db-shm"
		cp "$BATS_TEST_TMPDIR/base.db" "$db"
		bk-log --db "$db" import "$BATS_TEST_TMPDIR/big.csv" > /dev/null &
		pid=$!
		sleep "$(awk -v ms="$ms" -v r="$RANDOM" \
			'BEGIN { printf "%.3f", ms * r / 32768 / 1000 }')"
		kill -KILL "$pid" 2> /dev/null || true
		wait "$pid" || true
		run -0 sqlite3 "$db" 'PRAGMA integrity_check'
		assert_output ok
		n=$(sqlite3 "$db" 'SELECT count(*) FROM sets')
		counts+=" $n"
		case $n in
		2) run -0 sqlite3 "$db" 'SELECT count(*) FROM journal'
		   assert_output 1 ;;
		$((ROWS + 2))) run -0 sqlite3 "$db" 'SELECT count(*) FROM journal'
		   assert_output 2 ;;
		*) fail "a killed import left $n sets: part of it (kills so far:$counts)" ;;
		esac
		# the next commands work, and see what is there
		run -0 bk-log --db "$db" cat-cow 1 --note after
		run -0 bk-log --db "$db" list --format csv --since 2026-11-21
		assert_line --index 1 --partial ',before'
		assert_line --index 3 --partial ',after'
		run -0 bk-log --db "$db" import "$BATS_TEST_TMPDIR/big.csv"
		run -0 sqlite3 "$db" 'SELECT count(*) FROM sets; PRAGMA integrity_check'
		assert_output "$(printf '%d\nok' $((ROWS + 3)))"
	done
}

@test "crash: a log killed at random moments leaves its sets or none, never some" {
	run -0 bk-log cat-cow 2x5
	local k pid n ids
	for k in $(seq 20); do
		bk-log band-row 50x10 > /dev/null &
		pid=$!
		sleep "0.00$((RANDOM % 10))"
		kill -KILL "$pid" 2> /dev/null || true
		wait "$pid" || true
	done
	run -0 sqlite3 "$BK_DB" 'PRAGMA integrity_check'
	assert_output ok
	# every journal entry of band-row holds its 50 sets
	run -0 sqlite3 "$BK_DB" "SELECT count(*) FROM (SELECT journal_id FROM sets
		WHERE exercise_id = (SELECT id FROM exercises WHERE slug = 'band-row')
		GROUP BY journal_id HAVING count(*) <> 50)"
	assert_output 0
	run -0 bk-log cat-cow 1
}
