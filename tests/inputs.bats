#!/usr/bin/env bats
# Inputs bounded: fields, lines and records of the files read, the
# place of the store and whose it is.

load common

H='date,time,exercise,exercise_name,set,side,reps,hold_s,load_kg,rpe,skipped,reason,note,plan,key'

# a's, $1 bytes of them
as() {
	head -c "$1" /dev/zero | tr '\0' a
}

no_asan() {
	if nm "$TOP/bin/bk-log" 2>/dev/null | grep -q __asan_init; then
		skip 'memory is not measured under the address sanitizer'
	fi
}

@test "inputs: a CR-only CSV is read line by line, with its line numbers" {
	printf "$H\r2025-12-18,,cat-cow,,1,,5,,,,0,,one,,\r2025-12-18,,cat-cow,,2,,6,,,,0,,two,,\r" > "$BATS_TEST_TMPDIR/ok.csv"
	run -0 --separate-stderr bk-log import "$BATS_TEST_TMPDIR/ok.csv"
	assert_output --partial 'imported 2 sets'
	run -0 sqlite3 "$BK_DB" "SELECT set_no, reps, note FROM sets ORDER BY id"
	assert_output "$(printf '1|5|one\n2|6|two')"
	rm -f "$BK_DB"
	printf "$H\r2025-12-18,,cat-cow,,1,,5,,,,0,,,,\r2025-12-18,,cat-cow,,0,,5,,,,0,,,,\r" > "$BATS_TEST_TMPDIR/bad.csv"
	run -1 --separate-stderr bk-log import "$BATS_TEST_TMPDIR/bad.csv"
	assert_err "bk-log: cannot import '$BATS_TEST_TMPDIR/bad.csv': line 3: invalid set '0': out of range 1 to 100000"
	assert_output ''
	assert_file_not_exists "$BK_DB"
	# CRLF and a lone CR mixed
	printf "$H\r\n2025-12-18,,cat-cow,,1,,5,,,,0,,,,\r2025-12-18,,cat-cow,,x,,5,,,,0,,,,\r\n" > "$BATS_TEST_TMPDIR/mixed.csv"
	run -1 --separate-stderr bk-log import "$BATS_TEST_TMPDIR/mixed.csv"
	assert_err_partial "line 3: invalid set 'x'"
}

@test "inputs: a field of 64 KiB is read, one byte more is refused with its line" {
	local f="$BATS_TEST_TMPDIR/f.csv"
	{ printf '%s\n2025-12-18,,cat-cow,,1,,5,,,,0,,' "$H"; as 65536; printf ',,\n'; } > "$f"
	run -0 --separate-stderr bk-log import "$f"
	run -0 sqlite3 "$BK_DB" "SELECT length(note) FROM sets"
	assert_output 65536
	rm -f "$BK_DB"
	{ printf '%s\n2025-12-18,,cat-cow,,1,,5,,,,0,,,,\n2025-12-18,,cat-cow,,1,,5,,,,0,,' "$H"; as 65537; printf ',,\n'; } > "$f"
	run -1 --separate-stderr bk-log import "$f"
	assert_err "bk-log: cannot import '$f': line 3: field longer than 64 KiB"
	assert_output ''
	assert_file_not_exists "$BK_DB"
}

@test "inputs: a quoted field over many lines is capped, named by its first line" {
	local f="$BATS_TEST_TMPDIR/q.csv"
	{ printf '%s\n2025-12-18,,cat-cow,,1,,5,,,,0,,"' "$H"; for i in $(seq 2000); do as 40; echo; done; printf '",,\n'; } > "$f"
	run -1 --separate-stderr bk-log import "$f" --dry-run
	assert_err "bk-log: cannot import '$f': line 2: field longer than 64 KiB"
	assert_output ''
	assert_file_not_exists "$BK_DB"
}

@test "inputs: a line over 1 MiB of short fields is refused" {
	local f="$BATS_TEST_TMPDIR/l.csv"
	{ printf '%s\n' "$H"; yes '2025-12-18,,cat-cow,,1,,5,,,,0,,a,,' | head -c 2M | tr '\n' ','; echo; } > "$f"
	run -1 --separate-stderr bk-log import "$f"
	assert_err "bk-log: cannot import '$f': line 2: line longer than 1 MiB"
	assert_file_not_exists "$BK_DB"
}

@test "inputs: a record over 1 MiB in a quoted field of short lines is refused" {
	local f="$BATS_TEST_TMPDIR/r.csv"
	# short fields, each quoted over two lines, 17 columns of 64 KiB
	{ printf '%s\n' "$H"; printf '2025-12-18,,cat-cow,,1,,5,,,,0,,'; for i in $(seq 40); do printf '"'; as 30000; printf '\n'; as 30000; printf '",'; done; echo; } > "$f"
	run -1 --separate-stderr bk-log import "$f"
	assert_err_partial "bk-log: cannot import '$f': line "
	assert_err_partial "record longer than 1 MiB (from line 2)"
	assert_file_not_exists "$BK_DB"
}

@test "inputs: /dev/zero is refused at once, in little memory" {
	no_asan
	local m
	run -1 --separate-stderr timeout 10 /usr/bin/time -f '%M' -o "$BATS_TEST_TMPDIR/m" bk-log import /dev/zero --dry-run
	assert_err "bk-log: cannot import '/dev/zero': line 1: field longer than 64 KiB"
	m=$(tail -n 1 "$BATS_TEST_TMPDIR/m")
	(( m < 40000 )) || fail "peak memory $m KB"
}

@test "inputs: a 300 MB field streamed in takes no more memory than a small file" {
	no_asan
	local m
	run -1 --separate-stderr timeout 10 bash -c "{ printf '%s\n2025-12-18,,cat-cow,,1,,5,,,,0,,' '$H'; head -c 300M /dev/zero | tr '\0' a; printf ',,\n'; } |
		/usr/bin/time -f '%M' -o '$BATS_TEST_TMPDIR/m' bk-log import -"
	assert_err "bk-log: cannot import stdin: line 2: field longer than 64 KiB"
	m=$(tail -n 1 "$BATS_TEST_TMPDIR/m")
	(( m < 40000 )) || fail "peak memory $m KB"
	assert_file_not_exists "$BK_DB"
	# 300 MB on one line of short fields
	run -1 --separate-stderr timeout 10 bash -c "{ printf '%s\n' '$H'; head -c 300M /dev/zero | tr '\0' ','; } |
		/usr/bin/time -f '%M' -o '$BATS_TEST_TMPDIR/m' bk-log import - --dry-run"
	assert_err "bk-log: cannot import stdin: line 2: line longer than 1 MiB"
	m=$(tail -n 1 "$BATS_TEST_TMPDIR/m")
	(( m < 40000 )) || fail "peak memory $m KB"
}

@test "inputs: a key that is not a plain identifier is refused on import" {
	local f="$BATS_TEST_TMPDIR/k.csv" k
	for k in '=HYPERLINK(x)' '+1' '-1' '@a' 'a b' "$(as 129)"; do
		printf '%s\n2025-12-18,,cat-cow,,1,,5,,,,0,,,,%s\n' "$H" "$k" > "$f"
		run -1 --separate-stderr bk-log import "$f"
		assert_err_partial "line 2: invalid key '"
		assert_err_partial "': expected 1 to 128 letters, digits and . _ : -, starting with a letter or digit"
		assert_output ''
		assert_file_not_exists "$BK_DB"
	done
	printf '%s\n2025-12-18,,cat-cow,,1,,5,,,,0,,,,%s\n' "$H" "log:$(as 124)" > "$f"
	run -0 --separate-stderr bk-log import "$f"
	run -0 bk-log export
	assert_line --index 1 --partial ",log:$(as 124),"
}

@test "inputs: an exercise name over 200 bytes is refused, --create-missing included" {
	local f="$BATS_TEST_TMPDIR/n.csv"
	printf 'Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment\n2025-12-18,%s,Back,10.0,kgs,5,,,,\n' "$(as 201)" > "$f"
	run -1 --separate-stderr bk-log import "$f" --create-missing
	assert_err_partial "cannot import '$f': line 2: invalid Exercise 'aaaa"
	assert_err_partial "': longer than 200 bytes"
	assert_output ''
	assert_file_not_exists "$BK_DB"
	printf 'Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment\n2025-12-18,%s,Back,10.0,kgs,5,,,,\n' "$(as 200)" > "$f"
	run -0 --separate-stderr bk-log import "$f" --create-missing
	run -0 sqlite3 "$BK_DB" "SELECT length(name) FROM exercises WHERE id = (SELECT exercise_id FROM sets)"
	assert_output 200
	rm -f "$BK_DB"
	printf '%s\n2025-12-18,,cat-cow,%s,1,,5,,,,0,,,,\n' "$H" "$(as 201)" > "$f"
	run -1 --separate-stderr bk-log import "$f"
	assert_err_partial "line 2: invalid exercise_name 'aaaa"
}

@test "inputs: a relative XDG_DATA_HOME is ignored for the store" {
	unset BK_DB
	mkdir -p "$BATS_TEST_TMPDIR/cwd"
	cd "$BATS_TEST_TMPDIR/cwd"
	XDG_DATA_HOME=rel run -0 --separate-stderr bk-log cat-cow 5
	assert_dir_not_exists "$BATS_TEST_TMPDIR/cwd/rel"
	assert_file_exists "$HOME/.local/share/backkit/backkit.db"
	# an absolute one is used
	XDG_DATA_HOME="$BATS_TEST_TMPDIR/abs" run -0 --separate-stderr bk-log cat-cow 5
	assert_file_exists "$BATS_TEST_TMPDIR/abs/backkit/backkit.db"
}

@test "inputs: a relative XDG_CONFIG_HOME is ignored for the configuration" {
	mkdir -p "$BATS_TEST_TMPDIR/cwd/rel/backkit"
	echo 'nonsense' > "$BATS_TEST_TMPDIR/cwd/rel/backkit/config"
	cd "$BATS_TEST_TMPDIR/cwd"
	XDG_CONFIG_HOME=rel run -0 --separate-stderr bk-log cat-cow 5
	assert_equal "$stderr" ''
	# the same file through an absolute path is read (and refused)
	XDG_CONFIG_HOME="$PWD/rel" run -1 --separate-stderr bk-log cat-cow 5
	assert_err "bk-log: $PWD/rel/backkit/config:1: expected 'key = value'"
	# HOME's is read instead, and a relative HOME has none
	mkdir -p "$HOME/.config/backkit"
	echo 'nonsense' > "$HOME/.config/backkit/config"
	XDG_CONFIG_HOME=rel run -1 --separate-stderr bk-log cat-cow 5
	assert_err "bk-log: $HOME/.config/backkit/config:1: expected 'key = value'"
	mkdir -p rel/.config/backkit
	echo 'nonsense' > rel/.config/backkit/config
	XDG_CONFIG_HOME=rel HOME=rel run -0 --separate-stderr bk-log cat-cow 5
}

@test "inputs: a missing, relative or unset HOME is refused, not made" {
	unset BK_DB XDG_DATA_HOME
	local h
	for h in /nonexistent "$BATS_TEST_TMPDIR/nohome"; do
		HOME=$h run -1 --separate-stderr bk-log cat-cow 5
		assert_err "bk-log: cannot find the database: HOME '$h' is missing (set HOME, XDG_DATA_HOME or BK_DB, or use --db)"
		assert_output ''
		assert_dir_not_exists "$h"
		# reading too
		HOME=$h run -1 --separate-stderr bk-log list
		assert_err_partial "HOME '$h' is missing"
	done
	HOME=rel run -1 --separate-stderr bk-log cat-cow 5
	assert_err "bk-log: cannot find the database: HOME 'rel' is not an absolute path (set HOME, XDG_DATA_HOME or BK_DB, or use --db)"
	touch "$BATS_TEST_TMPDIR/file"
	HOME="$BATS_TEST_TMPDIR/file" run -1 --separate-stderr bk-log cat-cow 5
	assert_err_partial "is not a directory"
	run -1 --separate-stderr env -u HOME bk-log cat-cow 5
	assert_err "bk-log: cannot find the database: HOME is not set (set HOME, XDG_DATA_HOME or BK_DB, or use --db)"
	run -1 --separate-stderr env HOME= bk-log cat-cow 5
	assert_err_partial "HOME is not set"
	# a relative XDG_DATA_HOME does not stand in for HOME
	XDG_DATA_HOME=rel HOME=/nonexistent run -1 --separate-stderr bk-log cat-cow 5
	assert_err_partial "HOME '/nonexistent' is missing"
	# with BK_DB or --db, HOME is not needed
	HOME=/nonexistent run -0 --separate-stderr bk-log cat-cow 5 --db "$BATS_TEST_TMPDIR/x.db"
	assert_file_exists "$BATS_TEST_TMPDIR/x.db"
}

@test "inputs: a store that group or others can write is refused, unless BK_ALLOW_SHARED=1" {
	local d="$BATS_TEST_TMPDIR/s" sum
	mkdir -m 700 "$d"
	export BK_DB="$d/s.db"
	run -0 bk-log cat-cow 5
	chmod 0666 "$BK_DB"
	sum=$(digest "$BK_DB")
	run -1 --separate-stderr bk-log cat-cow 5
	assert_err "bk-log: cannot open '$BK_DB': writable by group or others (mode 0666): chmod go-w it, or set BK_ALLOW_SHARED=1 to use it as it is"
	assert_output ''
	run -1 --separate-stderr bk-log list
	assert_err_partial "writable by group or others (mode 0666)"
	run -1 --separate-stderr bk-stats summary
	assert_err_partial "writable by group or others"
	assert_equal "$(digest "$BK_DB")" "$sum"
	chmod 0620 "$BK_DB"
	run -1 --separate-stderr bk-log cat-cow 5
	assert_err_partial "(mode 0620)"
	BK_ALLOW_SHARED=1 run -0 --separate-stderr bk-log cat-cow 5
	BK_ALLOW_SHARED=0 run -1 --separate-stderr bk-log list
	chmod 0600 "$BK_DB"
	run -0 --separate-stderr bk-log list --format csv
	assert_equal "${#lines[@]}" 3
}

@test "inputs: a store in a directory that group or others can write is refused, made or not" {
	local d="$BATS_TEST_TMPDIR/shared"
	mkdir "$d"
	chmod 1777 "$d"
	export BK_DB="$d/s.db"
	run -1 --separate-stderr bk-log cat-cow 5
	assert_err "bk-log: cannot open '$BK_DB': its directory '$d' is writable by group or others (mode 1777): chmod go-w it or put the store in a private directory, or set BK_ALLOW_SHARED=1 to use it as it is"
	assert_output ''
	run -0 ls -A "$d"
	assert_output ''
	BK_ALLOW_SHARED=1 run -0 --separate-stderr bk-log cat-cow 5
	run -1 --separate-stderr bk-log list
	assert_err_partial "its directory '$d' is writable by group or others (mode 1777)"
	chmod 0775 "$d"
	run -1 --separate-stderr bk-log list
	assert_err_partial "(mode 0775)"
	chmod 0755 "$d"
	run -0 --separate-stderr bk-log list
	# a relative path: its directory is the current one
	cd "$d"
	chmod 0777 .
	BK_DB=s.db run -1 --separate-stderr bk-log list
	assert_err "bk-log: cannot open 's.db': its directory '.' is writable by group or others (mode 0777): chmod go-w it or put the store in a private directory, or set BK_ALLOW_SHARED=1 to use it as it is"
	chmod 0700 .
}

@test "inputs: another user's store is refused; root may read it without writing a byte" {
	[ "$(id -u)" -eq 0 ] || skip 'needs root, to give a store to another user'
	local d sum
	unprivileged_dir d
	export BK_DB="$d/s.db"
	run -0 as_user bk-log cat-cow 5
	sum=$(digest "$BK_DB")
	# root writing it would leave files the owner cannot use
	run -1 --separate-stderr bk-log cat-cow 5
	assert_err "bk-log: cannot open '$BK_DB': owned by another user (uid 65534): use a store of your own, or set BK_ALLOW_SHARED=1 to use it as it is"
	run -0 --separate-stderr bk-log list --format csv
	assert_line --index 1 --partial ',cat-cow,'
	run -0 --separate-stderr bk-stats summary
	assert_equal "$(digest "$BK_DB")" "$sum"
	run -0 find "$d" -user 0
	assert_output ''
	run -0 ls -A "$d"
	assert_output 's.db'
	# the user may not use root's store, even to read it
	rm -f "$BK_DB"
	BK_ALLOW_SHARED=1 run -0 bk-log cat-cow 5
	chmod 0644 "$BK_DB"
	run -1 --separate-stderr as_user bk-log list
	assert_err "bk-log: cannot open '$BK_DB': owned by another user (uid 0): use a store of your own, or set BK_ALLOW_SHARED=1 to use it as it is"
	run -0 --separate-stderr as_user env BK_ALLOW_SHARED=1 bk-log list
}

@test "inputs: a store in another user's directory is refused for writing" {
	[ "$(id -u)" -eq 0 ] || skip 'needs root, to give a directory to another user'
	local d
	unprivileged_dir d
	export BK_DB="$d/s.db"
	run -1 --separate-stderr bk-log cat-cow 5
	assert_err "bk-log: cannot open '$BK_DB': its directory '$d' is owned by another user (uid 65534): use a store of your own, or set BK_ALLOW_SHARED=1 to use it as it is"
	run -0 ls -A "$d"
	assert_output ''
	# a directory root owns is fine for anyone
	local r="$BATS_TEST_TMPDIR/rootdir"
	mkdir -m 755 "$r"
	BK_DB="$r/s.db" run -0 bk-log cat-cow 5
}

@test "inputs: a first creation killed at random moments leaves nothing behind" {
	local d="$BATS_TEST_TMPDIR/k" k pid t0 t1 ms left=0
	mkdir -m 700 "$d"
	export BK_DB="$d/s.db"
	t0=$(date +%s%N)
	bk-log cat-cow 5 > /dev/null
	t1=$(date +%s%N)
	ms=$(((t1 - t0) / 1000000 + 5))
	for k in $(seq 1 30); do
		rm -f "$BK_DB" "$BK_DB-wal" "$BK_DB-shm"
		bk-log cat-cow 5 > /dev/null 2>&1 &
		pid=$!
		sleep "$(awk -v ms="$ms" -v r="$RANDOM" 'BEGIN { printf "%.3f", ms * r / 32768 / 1000 }')"
		kill -KILL "$pid" 2> /dev/null || true
		wait "$pid" || true
		ls "$d" | grep -q '\.new-' && left=$((left + 1))
	done
	# what the killed ones left, the next creation takes away
	rm -f "$BK_DB" "$BK_DB-wal" "$BK_DB-shm"
	run -0 bk-log cat-cow 5
	run -0 ls -A "$d"
	assert_output 's.db'
	echo "# $left of 30 kills left a temporary file" >&3
}

@test "inputs: a stale temporary store is taken away, one still being made is not" {
	command -v flock > /dev/null || skip 'flock (util-linux) is missing'
	local d="$BATS_TEST_TMPDIR/k"
	mkdir -m 700 "$d"
	export BK_DB="$d/s.db"
	run -0 bk-log cat-cow 5
	touch "$d/s.db.new-AbC123" "$d/s.db.new-AbC123-journal" "$d/s.db.new-XyZ789-wal" \
		"$d/s.db.new-HeLd12" "$d/s.db.new-HeLd12-journal" "$d/s.db.new-long123" "$d/other.new-AbC123"
	( flock 9 && exec sleep 5 ) 9< "$d/s.db.new-HeLd12" &
	local pid=$!
	sleep 0.3
	run -0 bk-log cat-cow 5
	run -0 ls -A "$d"
	assert_output "$(printf '%s\n' other.new-AbC123 s.db s.db.new-HeLd12 s.db.new-HeLd12-journal s.db.new-long123)"
	kill "$pid"
	wait "$pid" || true
	# a read takes nothing away
	run -0 bk-log list
	assert_file_exists "$d/s.db.new-HeLd12"
	run -0 bk-log cat-cow 5
	assert_file_not_exists "$d/s.db.new-HeLd12"
	assert_file_not_exists "$d/s.db.new-HeLd12-journal"
}

@test "inputs: a big CR-only CSV is not read whole" {
	no_asan
	local m
	run -1 --separate-stderr timeout 10 bash -c "{ printf '%s\r2025-12-18,,cat-cow,,1,,5,,,,0,,,,\r2025-12-18,,cat-cow,,0,,5,,,,0,,,,\r' '$H'; head -c 200M /dev/zero | tr '\0' '\r'; } |
		/usr/bin/time -f '%M' -o '$BATS_TEST_TMPDIR/m' bk-log import - --dry-run"
	assert_err "bk-log: cannot import stdin: line 3: invalid set '0': out of range 1 to 100000"
	m=$(tail -n 1 "$BATS_TEST_TMPDIR/m")
	(( m < 40000 )) || fail "peak memory $m KB"
}

# n rows of cat-cow, each with a note of 60,000 bytes: a file of n * 60 KB
long_notes() {
	awk -v n="$1" 'BEGIN { s = "x"; while (length(s) < 60000) s = s s
		s = substr(s, 1, 60000)
		print "date,time,exercise,exercise_name,set,side,reps,hold_s,load_kg,rpe,skipped,reason,note,plan,key"
		for (i = 1; i <= n; i++)
			printf "2026-11-20,08:00,cat-cow,,1,,5,,,,0,,%s,,n%05d\n", s, i }'
}

@test "inputs: a file of long notes is written as it is read, also in a dry run without a store" {
	no_asan
	local m
	# 60 MB of notes, each within the field's limit
	run -0 --separate-stderr bash -c "$(declare -f long_notes); long_notes 1000 |
		/usr/bin/time -f '%M' -o '$BATS_TEST_TMPDIR/m' bk-log import - --dry-run"
	assert_output "would import 1000 sets from stdin (bk, kg): 1000 new, 0 updated, 0 unchanged"
	m=$(tail -n 1 "$BATS_TEST_TMPDIR/m")
	(( m < 40000 )) || fail "peak memory $m KB in a dry run"
	assert_file_not_exists "$BK_DB"
	run -0 bk-log cat-cow 1x5
	run -0 --separate-stderr bash -c "$(declare -f long_notes); long_notes 1000 |
		/usr/bin/time -f '%M' -o '$BATS_TEST_TMPDIR/m' bk-log import -"
	assert_output "imported 1000 sets from stdin (bk, kg): 1000 new, 0 updated, 0 unchanged"
	m=$(tail -n 1 "$BATS_TEST_TMPDIR/m")
	(( m < 40000 )) || fail "peak memory $m KB"
	run -0 sqlite3 "$BK_DB" "SELECT count(*), min(length(note)), max(length(note)) FROM sets WHERE source_key LIKE 'n%'"
	assert_output '1000|60000|60000'
}
