#!/usr/bin/env bats
# The store: where it lives, how it is made, and every file it refuses.

load common

add_one() {
	bk-plan exercise add my-ex --name "My Ex" "$@"
}

# the schema version this backkit writes, from a store it makes
current_version() {
	bk-plan --db "$BATS_TEST_TMPDIR/version.db" exercise add v --name V >/dev/null
	sqlite3 "$BATS_TEST_TMPDIR/version.db" 'PRAGMA user_version'
}

@test "store: a read creates no file, the first write creates it 0600 in a 0700 directory" {
	export BK_DB="$BATS_TEST_TMPDIR/new/dir/b.db"
	run -0 bk-plan exercises
	assert_file_not_exists "$BK_DB"
	assert_dir_not_exists "$BATS_TEST_TMPDIR/new"
	umask 000
	run -0 add_one
	assert_file_exists "$BK_DB"
	assert_equal "$(stat -c %a "$BK_DB")" 600
	assert_equal "$(stat -c %a "$BATS_TEST_TMPDIR/new/dir")" 700
	assert_equal "$(stat -c %a "$BATS_TEST_TMPDIR/new")" 700
}

@test "store: --db, then BK_DB, then XDG_DATA_HOME, then ~/.local/share" {
	run -0 add_one --db "$BATS_TEST_TMPDIR/opt.db"
	assert_file_exists "$BATS_TEST_TMPDIR/opt.db"
	assert_file_not_exists "$BK_DB"
	run -0 add_one
	assert_file_exists "$BK_DB"
	unset BK_DB
	run -0 add_one
	assert_file_exists "$XDG_DATA_HOME/backkit/backkit.db"
	unset XDG_DATA_HOME
	run -0 add_one
	assert_file_exists "$HOME/.local/share/backkit/backkit.db"
}

@test "store: WAL, application id, schema version, foreign keys in the file" {
	run -0 add_one
	run -0 sqlite3 "$BK_DB" 'PRAGMA journal_mode; PRAGMA application_id; PRAGMA user_version;'
	assert_output "$(printf 'wal\n%d\n%d' 0x626b6b74 "$(current_version)")"
	run -0 sqlite3 "$BK_DB" 'PRAGMA foreign_key_check; PRAGMA integrity_check;'
	assert_output ok
}

@test "store: indexes for date and exercise windows exist" {
	run -0 add_one
	run -0 sqlite3 "$BK_DB" "EXPLAIN QUERY PLAN SELECT count(*) FROM sets WHERE date >= '2026-01-01'"
	assert_output --partial 'USING COVERING INDEX sets_date'
	run -0 sqlite3 "$BK_DB" "EXPLAIN QUERY PLAN SELECT count(*) FROM measurements WHERE kind = 'pain' AND date >= '2026-01-01'"
	assert_output --partial 'INDEX measurements_kind_date'
}

refused() {
	# $1: the file; $2: the expected message part. Both a read and a write
	# are refused with exit 1 and leave every byte as it was.
	local before
	before=$(digest "$1")
	run -1 --separate-stderr bk-plan --db "$1" exercises
	assert_equal "$output" ""
	assert_equal "$stderr" "bk-plan: cannot open '$1': $2"
	run -1 --separate-stderr bk-plan --db "$1" exercise add my-ex --name x
	assert_equal "$stderr" "bk-plan: cannot open '$1': $2"
	assert_equal "$(digest "$1")" "$before"
	assert_file_not_exists "$1-wal"
}

@test "store: a zero-byte file is refused, untouched" {
	: > "$BATS_TEST_TMPDIR/zero.db"
	refused "$BATS_TEST_TMPDIR/zero.db" "not a backkit database (empty file)"
}

@test "store: a text file is refused, untouched" {
	printf 'hello\n%.0s' {1..50} > "$BATS_TEST_TMPDIR/text.db"
	refused "$BATS_TEST_TMPDIR/text.db" "not a backkit database (not an SQLite file)"
}

@test "store: another application's SQLite file is refused, untouched" {
	sqlite3 "$BATS_TEST_TMPDIR/other.db" 'CREATE TABLE t (x); INSERT INTO t VALUES (1);'
	refused "$BATS_TEST_TMPDIR/other.db" "not a backkit database (application id 0)"
	sqlite3 "$BATS_TEST_TMPDIR/app.db" 'PRAGMA application_id = 42; CREATE TABLE t (x);'
	refused "$BATS_TEST_TMPDIR/app.db" "not a backkit database (application id 0x2a)"
}

@test "store: a database from a newer backkit is refused, untouched" {
	run -0 add_one
	local before known
	known=$(sqlite3 "$BK_DB" 'PRAGMA user_version')
	sqlite3 "$BK_DB" 'PRAGMA user_version = 99'
	before=$(digest "$BK_DB")
	run -1 --separate-stderr bk-plan exercises
	assert_equal "$stderr" "bk-plan: cannot open '$BK_DB': made by a newer backkit (schema 99; this one knows up to $(current_version))"
	run -1 --separate-stderr add_one
	assert_equal "$(digest "$BK_DB")" "$before"
}

@test "store: a truncated database is refused, untouched" {
	run -0 add_one
	head -c 8192 "$BK_DB" > "$BATS_TEST_TMPDIR/cut.db"
	run -1 --separate-stderr bk-plan --db "$BATS_TEST_TMPDIR/cut.db" exercises
	assert_regex "$stderr" "^bk-plan: cannot open '.*/cut.db': database is truncated \(8192 of [0-9]+ bytes\)$"
	head -c 60 "$BK_DB" > "$BATS_TEST_TMPDIR/head.db"
	refused "$BATS_TEST_TMPDIR/head.db" "not a backkit database (not an SQLite file)"
}

@test "store: a corrupt database is refused, untouched" {
	run -0 add_one
	# scribble over every page after the first, keeping the header
	local size
	size=$(stat -c %s "$BK_DB")
	head -c 4096 "$BK_DB" > "$BATS_TEST_TMPDIR/bad.db"
	head -c $((size - 4096)) /dev/zero | tr '\0' 'Z' >> "$BATS_TEST_TMPDIR/bad.db"
	local before
	before=$(digest "$BATS_TEST_TMPDIR/bad.db")
	run -1 --separate-stderr bk-plan --db "$BATS_TEST_TMPDIR/bad.db" exercises
	assert_regex "$stderr" "^bk-plan: cannot read '.*/bad.db': .*malformed"
	run -1 --separate-stderr bk-plan --db "$BATS_TEST_TMPDIR/bad.db" exercise add x --name x
	assert_regex "$stderr" "^bk-plan: cannot .*'.*/bad.db': .*malformed"
	assert_equal "$(digest "$BATS_TEST_TMPDIR/bad.db")" "$before"
}

@test "store: a directory in place of the file is refused" {
	mkdir "$BATS_TEST_TMPDIR/dir.db"
	run -1 --separate-stderr bk-plan --db "$BATS_TEST_TMPDIR/dir.db" exercises
	assert_equal "$stderr" "bk-plan: cannot open '$BATS_TEST_TMPDIR/dir.db': not a regular file"
}

@test "store: a read-only file is refused for a write, untouched, and still read" {
	local d
	unprivileged_dir d
	export BK_DB="$d/ro.db"
	run -0 as_user bk-plan exercise add my-ex --name "My Ex"
	chmod 0400 "$BK_DB"
	local before
	before=$(digest "$BK_DB")
	run -1 --separate-stderr as_user bk-plan exercise add other --name Other
	assert_equal "$stderr" "bk-plan: cannot write '$BK_DB': permission denied"
	assert_equal "$(digest "$BK_DB")" "$before"
	run -0 as_user bk-plan exercise my-ex --format csv
	assert_output --partial 'my-ex,My Ex'
	rm -rf "$d"
}

@test "store: a read-only directory is refused for a write, untouched" {
	local d
	unprivileged_dir d
	export BK_DB="$d/ro.db"
	run -0 as_user bk-plan exercise add my-ex --name "My Ex"
	chmod 0555 "$d"
	local before
	before=$(digest "$BK_DB")
	run -1 --separate-stderr as_user bk-plan exercise add other --name Other
	assert_equal "$stderr" "bk-plan: cannot write '$BK_DB': its directory is read-only"
	assert_equal "$(digest "$BK_DB")" "$before"
	chmod 0755 "$d"
	rm -rf "$d"
}

@test "store: a directory that cannot be created is an error" {
	local d
	unprivileged_dir d
	chmod 0555 "$d"
	export BK_DB="$d/sub/x.db"
	run -1 --separate-stderr as_user bk-plan exercise add my-ex --name x
	assert_equal "$stderr" "bk-plan: cannot create directory '$d/sub': Permission denied"
	chmod 0755 "$d"
	rm -rf "$d"
}

@test "store: an older schema is brought up to date" {
	# a version-0 file marked as backkit's: the migrations run in order
	sqlite3 "$BK_DB" "PRAGMA application_id = $((0x626b6b74))"
	run -0 bk-plan exercise add my-ex --name "My Ex"
	run -0 sqlite3 "$BK_DB" 'PRAGMA user_version; SELECT count(*) > 40 FROM exercises;'
	assert_output "$(printf '%d\n1' "$(current_version)")"
}

@test "store: two first writes at once make one store" {
	for i in 1 2 3 4; do
		bk-plan exercise add "ex-$i" --name "Ex $i" > /dev/null &
	done
	wait
	run -0 sqlite3 "$BK_DB" "SELECT count(*) FROM exercises WHERE builtin = 0; PRAGMA integrity_check"
	assert_output "$(printf '4\nok')"
	run -0 bash -c "ls '$BATS_TEST_TMPDIR' | grep -c new- || true"
	assert_output 0
}
