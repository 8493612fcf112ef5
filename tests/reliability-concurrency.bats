#!/usr/bin/env bats
# Concurrency: four processes writing at once, each running its commands
# one after another, with a reader going round meanwhile. Nothing is lost,
# nothing is doubled, no command fails on a locked store.

load common
load reliability

PROCS=4
EACH=250

# run $EACH commands "$@ $k" in process $1 (k = 1..$EACH); a failure is
# kept in fail-$1, stderr in err-$1
writer() {
	local p=$1 k
	shift
	for k in $(seq "$EACH"); do
		"$@" "p$p-$k" > /dev/null 2>> "$BATS_TEST_TMPDIR/err-$p" ||
			echo "$p $k" >> "$BATS_TEST_TMPDIR/fail-$p"
	done
}

# the reader: reports round and round until the file done exists, and
# once more after; each failure is kept
reader() {
	local n=0
	while :; do
		[ -e "$BATS_TEST_TMPDIR/done" ] && n=$((n + 1))
		bk-stats summary > /dev/null 2>> "$BATS_TEST_TMPDIR/err-r" ||
			echo summary >> "$BATS_TEST_TMPDIR/fail-r"
		bk-stats volume --by day > /dev/null 2>> "$BATS_TEST_TMPDIR/err-r" ||
			echo volume >> "$BATS_TEST_TMPDIR/fail-r"
		bk-test progress > /dev/null 2>> "$BATS_TEST_TMPDIR/err-r" ||
			echo progress >> "$BATS_TEST_TMPDIR/fail-r"
		echo >> "$BATS_TEST_TMPDIR/rounds"
		[ "$n" -ge 1 ] && break
	done
}

no_failures() {
	local f
	for f in "$BATS_TEST_TMPDIR"/err-* "$BATS_TEST_TMPDIR"/fail-*; do
		[ -e "$f" ] || continue
		[ -s "$f" ] && fail "$(basename "$f"): $(head -n 3 "$f")"
	done
	return 0
}

log_note() {
	bk-log band-row 3x10 --note "$1"
}

@test "concurrency: 4 processes of 250 bk-log commands each store exactly 1000 x 3 sets" {
	bk-plan exercise add my-ex --name Mine > /dev/null	# the store exists
	local p pids=()
	for p in $(seq "$PROCS"); do
		writer "$p" log_note &
		pids+=($!)
	done
	wait "${pids[@]}"
	no_failures
	run -0 sqlite3 "$BK_DB" "PRAGMA integrity_check;
		SELECT count(*), count(DISTINCT note), count(DISTINCT id) FROM sets;
		SELECT count(*) FROM (SELECT note FROM sets GROUP BY note
			HAVING count(*) <> 3 OR count(DISTINCT journal_id) <> 1);
		SELECT count(*) FROM journal WHERE command = 'bk-log'"
	assert_output "$(printf 'ok\n%d|%d|%d\n0\n%d' $((PROCS * EACH * 3)) \
		$((PROCS * EACH)) $((PROCS * EACH * 3)) $((PROCS * EACH)))"
	# undo takes back one command's sets, whoever wrote last
	run -0 bk-log undo
	run -0 sqlite3 "$BK_DB" 'SELECT count(*) FROM sets'
	assert_output $((PROCS * EACH * 3 - 3))
}

test_note() {
	bk-test toe-touch --note "$1" -- "-$((RANDOM % 30 + 1))cm"
}

add_exercise() {
	bk-plan exercise add "x$1" --name "Exercise $1"
}

@test "concurrency: 4 processes of 250 bk-test commands and a reader at once" {
	bk-log cat-cow 2x5 > /dev/null
	local p pids=() rd
	reader &
	rd=$!
	for p in $(seq "$PROCS"); do
		writer "$p" test_note &
		pids+=($!)
	done
	wait "${pids[@]}"
	touch "$BATS_TEST_TMPDIR/done"
	wait "$rd"
	no_failures
	run -0 sqlite3 "$BK_DB" "PRAGMA integrity_check;
		SELECT count(*), count(DISTINCT note) FROM measurements;
		SELECT count(*) FROM journal"
	assert_output "$(printf 'ok\n%d|%d\n%d' $((PROCS * EACH)) \
		$((PROCS * EACH)) $((PROCS * EACH + 1)))"
	# every test on one day is one test day
	run -0 bk-test progress --format csv
	assert_line --index 1 --partial "toe-touch,1,"
	# the reader ran all along and at the end
	[ "$(wc -l < "$BATS_TEST_TMPDIR/rounds")" -ge 1 ]
}

@test "concurrency: writers of every kind and an import at once" {
	bk-log cat-cow 2x5 > /dev/null
	big_csv 5000 "$BATS_TEST_TMPDIR/big.csv"
	local pids=()
	EACH=50
	writer 1 log_note &
	pids+=($!)
	writer 2 test_note &
	pids+=($!)
	writer 3 add_exercise &
	pids+=($!)
	bk-log import "$BATS_TEST_TMPDIR/big.csv" > /dev/null 2> "$BATS_TEST_TMPDIR/err-i" &
	pids+=($!)
	wait "${pids[@]}"
	no_failures
	run -0 sqlite3 "$BK_DB" "PRAGMA integrity_check;
		SELECT count(*) FROM sets; SELECT count(*) FROM measurements;
		SELECT count(*) FROM exercises WHERE builtin = 0"
	assert_output "$(printf 'ok\n%d\n50\n50' $((2 + 150 + 5000)))"
}
