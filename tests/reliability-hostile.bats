#!/usr/bin/env bats
# Every command against stores it must not touch: empty, text, truncated,
# corrupt, another program's, a newer backkit's, read-only. Each is
# refused with a message and keeps every byte, and no file appears beside
# it.

load common
load reliability

setup() {
	big_csv 3 "$BATS_TEST_TMPDIR/in.csv"
}

# run every command on store $1 and check the first line of stderr with
# the pattern $2 (a bash pattern, where PROG stands for the command)
all_refused() {
	local f=$1 want=$2 line prog before
	before=$(digest "$f")
	while read -r line; do
		prog=${line%% *}
		line=${line#* }
		line=${line//@CSV@/$BATS_TEST_TMPDIR/in.csv}
		# shellcheck disable=SC2086 # the words of the command
		run --separate-stderr "$prog" --db "$f" $line
		[ "$status" -eq 1 ] || fail "$prog $line: exit $status, $stderr"
		assert_equal "$output" ""
		# shellcheck disable=SC2053 # a pattern
		[[ ${stderr%%$'\n'*} == ${want//PROG/$prog} ]] ||
			fail "$prog $line: '${stderr%%$'\n'*}', expected '${want//PROG/$prog}'"
		assert_equal "$(digest "$f")" "$before"
		assert_file_not_exists "$f-wal"
		assert_file_not_exists "$f-shm"
	done <<< "$READS
$WRITES"
}

@test "hostile: a zero-byte file is refused by every command, untouched" {
	: > "$BATS_TEST_TMPDIR/zero.db"
	all_refused "$BATS_TEST_TMPDIR/zero.db" \
		"PROG: cannot open '$BATS_TEST_TMPDIR/zero.db': not a backkit database (empty file)"
}

@test "hostile: a text file is refused by every command, untouched" {
	printf 'date,note\n2026-11-21,hello\n%.0s' {1..20} > "$BATS_TEST_TMPDIR/text.db"
	all_refused "$BATS_TEST_TMPDIR/text.db" \
		"PROG: cannot open '$BATS_TEST_TMPDIR/text.db': not a backkit database (not an SQLite file)"
}

@test "hostile: another program's SQLite file is refused by every command, untouched" {
	sqlite3 "$BATS_TEST_TMPDIR/other.db" 'CREATE TABLE sets (id, note); INSERT INTO sets VALUES (1, 2);'
	all_refused "$BATS_TEST_TMPDIR/other.db" \
		"PROG: cannot open '$BATS_TEST_TMPDIR/other.db': not a backkit database (application id 0)"
	sqlite3 "$BATS_TEST_TMPDIR/app.db" 'PRAGMA application_id = 1234; PRAGMA journal_mode = WAL; CREATE TABLE t (x);'
	all_refused "$BATS_TEST_TMPDIR/app.db" \
		"PROG: cannot open '$BATS_TEST_TMPDIR/app.db': not a backkit database (application id 0x4d2)"
}

@test "hostile: a store from a newer backkit is refused by every command, untouched" {
	bk-log cat-cow 2x5 > /dev/null
	local known
	known=$(sqlite3 "$BK_DB" 'PRAGMA user_version')
	sqlite3 "$BK_DB" 'PRAGMA user_version = 99'
	all_refused "$BK_DB" \
		"PROG: cannot open '$BK_DB': made by a newer backkit (schema 99; this one knows up to $known)"
}

@test "hostile: a truncated store is refused by every command, untouched" {
	bk-log cat-cow 2x5 > /dev/null
	head -c 16384 "$BK_DB" > "$BATS_TEST_TMPDIR/cut.db"
	all_refused "$BATS_TEST_TMPDIR/cut.db" \
		"PROG: cannot open '$BATS_TEST_TMPDIR/cut.db': database is truncated (16384 of * bytes)"
	head -c 50 "$BK_DB" > "$BATS_TEST_TMPDIR/head.db"
	all_refused "$BATS_TEST_TMPDIR/head.db" \
		"PROG: cannot open '$BATS_TEST_TMPDIR/head.db': not a backkit database (not an SQLite file)"
}

@test "hostile: a corrupt store is refused by every command, untouched" {
	bk-log cat-cow 2x5 > /dev/null
	bk-test toe-touch -- -10 > /dev/null
	local size
	size=$(stat -c %s "$BK_DB")
	{
		head -c 4096 "$BK_DB"
		head -c $((size - 4096)) /dev/zero | tr '\0' 'Z'
	} > "$BATS_TEST_TMPDIR/bad.db"
	all_refused "$BATS_TEST_TMPDIR/bad.db" \
		"PROG: cannot *'$BATS_TEST_TMPDIR/bad.db': *malformed*"
}

# as an unprivileged user (as root: nobody)
user_store() {
	local d
	d=$(unprivileged_dir)
	export BK_DB="$d/s.db"
	as_user bk-log cat-cow 2x5 > /dev/null
	as_user bk-test toe-touch -- -10 > /dev/null
	cp "$BATS_TEST_TMPDIR/in.csv" "$d/in.csv"
	chmod 644 "$d/in.csv"
}

# the reads work; every write is refused with $1; no byte changes and no
# file appears beside the store
read_only_checks() {
	local want=$1 line prog before
	before=$(digest "$BK_DB")
	while read -r line; do
		prog=${line%% *}
		# shellcheck disable=SC2086
		run -0 --separate-stderr as_user $line
		assert_equal "$stderr" ""
	done <<< "$READS"
	while read -r line; do
		prog=${line%% *}
		line=${line//@CSV@/${BK_DB%/*}/in.csv}
		# shellcheck disable=SC2086
		run -1 --separate-stderr as_user $line
		assert_err "$prog: cannot write '$BK_DB': $want"
	done <<< "$WRITES"
	assert_equal "$(digest "$BK_DB")" "$before"
	run -0 ls -A "${BK_DB%/*}"
	assert_output "$(printf 'in.csv\ns.db')"
}

@test "hostile: a read-only store is read by every command and written by none" {
	user_store
	chmod 0400 "$BK_DB"
	read_only_checks "permission denied"
	# once writable again, the reads have left nothing in the way
	chmod 0600 "$BK_DB"
	run -0 as_user bk-log cat-cow 1
	run -0 as_user bk-test pain 2
	rm -rf "${BK_DB%/*}"
}

@test "hostile: a store in a read-only directory is read by every command and written by none" {
	user_store
	chmod 0555 "${BK_DB%/*}"
	read_only_checks "its directory is read-only"
	chmod 0755 "${BK_DB%/*}"
	run -0 as_user bk-log cat-cow 1
	rm -rf "${BK_DB%/*}"
}

@test "hostile: a read-only store that another process has open is read with what it committed" {
	# the other process keeps the -wal file, and rows it committed may
	# be only there
	local d shell n
	user_store
	d=${BK_DB%/*}
	mkfifo "$d/cmds"
	sqlite3 "$BK_DB" < "$d/cmds" > /dev/null &
	shell=$!
	exec 8> "$d/cmds"
	echo "INSERT INTO sets (date, exercise_id) VALUES ('2026-11-20', 1);" >&8
	for n in $(seq 100); do
		[ "$(sqlite3 "$BK_DB" 'SELECT count(*) FROM sets')" = 3 ] && break
		sleep 0.1
	done
	chmod 0444 "$BK_DB"
	run -0 as_user bk-log list --format csv
	assert_equal "${#lines[@]}" 4
	exec 8>&-
	wait "$shell"
	rm -rf "$d"
}
