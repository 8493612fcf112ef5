#!/usr/bin/env bats
# Writes that cannot be done: a full disk, a file size limit, output to a
# full device or a closed pipe. Each fails with a message, exit 1, and
# leaves what was stored before.

load common
load reliability

@test "full disk: an import that does not fit fails, and the store keeps what it had" {
	mount_tmpfs "$BATS_TEST_TMPDIR/small" 320k
	export BK_DB="$BATS_TEST_TMPDIR/small/b.db"
	run -0 bk-log cat-cow 2x5 --note before
	run -0 bk-test toe-touch -- -12
	local before
	before=$(contents)
	big_csv 20000 "$BATS_TEST_TMPDIR/big.csv"
	run -1 --separate-stderr bk-log import "$BATS_TEST_TMPDIR/big.csv"
	assert_err "bk-log: cannot write '$BK_DB': database or disk is full"
	assert_equal "$output" ""
	assert_equal "$(contents)" "$before"
	run -0 bk-log list --format csv
	assert_line --partial ',cat-cow,1,,5,3,,,0,before'
	# the next command works
	run -0 bk-log cat-cow 1
}

@test "full disk: a log or a test that cannot be written fails, and changes nothing" {
	mount_tmpfs "$BATS_TEST_TMPDIR/small" 320k
	export BK_DB="$BATS_TEST_TMPDIR/small/b.db"
	run -0 bk-log cat-cow 2x5
	local before
	before=$(contents)
	fill_up "$BATS_TEST_TMPDIR/small"
	run -1 --separate-stderr bk-log cat-cow 3x5
	assert_err_partial "bk-log: cannot "
	assert_err_partial "'$BK_DB': "
	run -1 --separate-stderr bk-test toe-touch -- -10
	assert_err_partial "bk-test: cannot "
	run -1 --separate-stderr bk-plan exercise add my-ex --name Mine
	assert_err_partial "bk-plan: cannot "
	rm "$BATS_TEST_TMPDIR/small"/filler*
	assert_equal "$(contents)" "$before"
	run -0 bk-log cat-cow 3x5
	assert_output --partial '(ids 3-5)'
}

@test "full disk: a plot that cannot be written fails and leaves no file" {
	mount_tmpfs "$BATS_TEST_TMPDIR/small" 24k
	bk-test toe-touch --date -14d -- -20 > /dev/null
	bk-test toe-touch --date -7d -- -15 > /dev/null
	bk-test toe-touch -- -12 > /dev/null
	run -1 --separate-stderr bk-stats plot flex --output "$BATS_TEST_TMPDIR/small/x.png"
	assert_err "bk-stats: cannot write '$BATS_TEST_TMPDIR/small/x.png': No space left on device"
	run -0 ls -A "$BATS_TEST_TMPDIR/small"
	assert_output ""
	# an older image is left as it was
	printf 'old' > "$BATS_TEST_TMPDIR/small/x.png"
	run -1 --separate-stderr bk-stats plot flex --output "$BATS_TEST_TMPDIR/small/x.png"
	assert_equal "$(cat "$BATS_TEST_TMPDIR/small/x.png")" old
}

@test "file size limit: an import fails with the reason, and the store keeps what it had" {
	run -0 bk-log cat-cow 2x5
	local before
	before=$(contents)
	big_csv 20000 "$BATS_TEST_TMPDIR/big.csv"
	# the store may not grow past 512 KiB (blocks of 1 KiB)
	run -1 --separate-stderr bash -c 'ulimit -f 512; exec bk-log import "$1"' _ "$BATS_TEST_TMPDIR/big.csv"
	assert_err "bk-log: cannot write '$BK_DB': disk I/O error (File too large)"
	assert_equal "$(contents)" "$before"
	run -0 bk-log cat-cow 1
}

@test "file size limit: a plot or an export fails instead of stopping short" {
	bk-test toe-touch --date -21d -- -25 > /dev/null
	bk-test toe-touch --date -14d -- -20 > /dev/null
	bk-test toe-touch --date -7d -- -15 > /dev/null
	bk-log cat-cow 2x5 > /dev/null
	# 36 KiB (blocks of 1 KiB): room for the store's 32 KiB -shm file, not for the image
	run -1 --separate-stderr bash -c 'ulimit -f 36; exec bk-stats plot flex --output "$1"' _ "$BATS_TEST_TMPDIR/x.png"
	assert_err "bk-stats: cannot write '$BATS_TEST_TMPDIR/x.png': File too large"
	assert_file_not_exists "$BATS_TEST_TMPDIR/x.png"
	run -0 ls -A "$BATS_TEST_TMPDIR"
	refute_output --partial .bk-stats-plot
	big_csv 2000 "$BATS_TEST_TMPDIR/big.csv"
	bk-log import "$BATS_TEST_TMPDIR/big.csv" > /dev/null
	run -1 --separate-stderr bash -c 'ulimit -f 36; exec bk-log export > "$1"' _ "$BATS_TEST_TMPDIR/e.csv"
	assert_err "bk-log: cannot write output: File too large"
}

@test "output to a full device: every command fails with a message" {
	bk-log cat-cow 2x5 > /dev/null
	bk-log skip band-row --reason sore > /dev/null
	bk-test toe-touch --date -7d -- -20 > /dev/null
	bk-test toe-touch -- -15 > /dev/null
	bk-test pain 3 --region neck > /dev/null
	big_csv 10 "$BATS_TEST_TMPDIR/small.csv"
	local c
	while read -r c; do
		run --separate-stderr bash -c "$c > /dev/full"
		[ "$status" -eq 1 ] || fail "$c: exit $status"
		[[ $stderr == *"cannot write output: No space left on device"* ]] ||
			fail "$c: $stderr"
	done <<EOF
$READS
bk-plan --help
bk-log --version
bk-log import $BATS_TEST_TMPDIR/small.csv --dry-run
bk-test how toe-touch
bk --help
EOF
}

@test "output to a full device: a write whose report fails is an error and stores nothing" {
	run -0 bk-log cat-cow 1
	run -1 --separate-stderr bash -c 'bk-log cat-cow 2x5 > /dev/full'
	assert_err "bk-log: cannot write output: No space left on device; nothing was stored"
	run -0 sqlite3 "$BK_DB" 'SELECT count(*) FROM sets'
	assert_output 1
	run -1 --separate-stderr bash -c 'bk-test pain 4 > /dev/full'
	assert_err "bk-test: cannot write output: No space left on device; nothing was stored"
	run -0 sqlite3 "$BK_DB" 'SELECT count(*) FROM measurements'
	assert_output 0
	run -1 --separate-stderr bash -c 'bk-log undo > /dev/full'
	run -0 sqlite3 "$BK_DB" 'SELECT count(*) FROM sets'
	assert_output 1
}

@test "output to a closed pipe: the command stops with an error, never a silent success" {
	big_csv 3000 "$BATS_TEST_TMPDIR/big.csv"
	bk-log import "$BATS_TEST_TMPDIR/big.csv" > /dev/null
	local c
	local m
	for c in "bk-log export" "bk-log list" "bk-stats volume --by day" \
		"bk-plan exercises"; do
		# SIGPIPE is ignored: the write fails with EPIPE, said so
		for m in default ignore; do
			# shellcheck disable=SC2086
			run -1 --separate-stderr closed_pipe "$m" $c
			assert_err "${c%% *}: cannot write output: Broken pipe"
		done
	done
}
