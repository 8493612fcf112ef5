#!/usr/bin/env bats
# Security: text is data everywhere. SQL metacharacters in every text
# field are stored and printed as typed; names and stored values that
# reach gnuplot run nothing; terminal escapes are never printed raw; the
# store is private whatever the umask; an output path never replaces a
# device or a link. (No variable is called i: bats' own functions set a
# global one.)

load common
load reliability

S1="'); DROP TABLE sets; --"
S2='" OR ""=""; DELETE FROM journal WHERE 1=1; --'
S3='x%s%n\N\\; SELECT * FROM exercises; /* $(touch PWNED) `touch PWNED` */'

sql() {
	sqlite3 "$BK_DB" "$@"
}

# $1 quoted for SQL
q() {
	local sq="'"
	printf "'%s'" "${1//$sq/$sq$sq}"
}

# the JSON array in $output has a row whose field $1 is exactly $2
json_has() {
	python3 -c 'import json, sys
rows = json.loads(sys.stdin.read())
sys.exit(0 if any(r.get(sys.argv[1]) == sys.argv[2] for r in rows) else 1)' \
		"$1" "$2" <<< "$output" || fail "no row with $1 = '$2' in: $output"
}

# the store still has every table and the rows it should
intact() {
	run -0 sql "SELECT count(*) FROM sqlite_master WHERE type = 'table'
		AND name IN ('sets', 'journal', 'exercises', 'measurements', 'plans',
		'plan_items', 'trash', 'meta'); PRAGMA integrity_check"
	assert_output "$(printf '8\nok')"
}

@test "security: SQL metacharacters in notes, reasons and names are stored and printed as typed" {
	local s n=0
	for s in "$S1" "$S2" "$S3"; do
		n=$((n + 1))
		run -0 bk-plan exercise add "evil-$n" --name "$s"
		run -0 bk-log "evil-$n" 2x5 --note "$s"
		run -0 bk-log skip cat-cow --reason "$s"
		run -0 bk-test toe-touch --note "$s" -- -10
		run -0 bk-test sit-and-reach 17 --note "$s"
		run -0 bk-test pain 3 --region neck --note "$s"
		intact
		# stored byte for byte
		run -0 sql "SELECT count(*) FROM sets WHERE note = $(q "$s");
			SELECT count(*) FROM sets WHERE reason = $(q "$s");
			SELECT count(*) FROM measurements WHERE note = $(q "$s");
			SELECT count(*) FROM exercises WHERE name = $(q "$s")"
		assert_output "$(printf '2\n1\n3\n1')"
		# printed as typed
		run -0 bk-log list --format json
		json_has note "$s"
		run -0 bk-test list --format json
		json_has note "$s"
		run -0 bk-plan exercise "evil-$n" --format json
		json_has name "$s"
		run -0 bk-stats exercises --format json
		json_has name "$s"
		run -0 bk-log export --format json
		json_has exercise_name "$s"
		json_has note "$s"
		json_has reason "$s"
		# and a display name finds its exercise
		run -0 bk-log "$s" 1
		assert_output --partial "logged evil-$n 1x1"
	done
	# an export read back into another store gives the same text
	bk-log export > "$BATS_TEST_TMPDIR/e.csv"
	run -0 bk-log --db "$BATS_TEST_TMPDIR/copy.db" import --create-missing "$BATS_TEST_TMPDIR/e.csv"
	run -0 bk-log --db "$BATS_TEST_TMPDIR/copy.db" export
	assert_output "$(cat "$BATS_TEST_TMPDIR/e.csv")"
	run -0 sqlite3 "$BATS_TEST_TMPDIR/copy.db" "SELECT count(*) FROM sets WHERE note = $(q "$S1")"
	assert_output 2
}

@test "security: SQL metacharacters as names of things that do not exist change nothing" {
	bk-log cat-cow 2x5 > /dev/null
	local before s
	before=$(contents)
	for s in "$S1" "$S2" "$S3"; do
		run -2 --separate-stderr bk-log "$s" 3x10
		assert_err_partial "unknown exercise '"
		run -2 --separate-stderr bk-log cat-cow --plan "$s"
		assert_err_partial "bk-log: unknown plan '$s' ("
		run -2 --separate-stderr bk-test pain 3 --region "$s"
		assert_err_partial "bk-test: invalid region '$s'"
		run -2 --separate-stderr bk-stats volume --exercise "$s"
		assert_err_partial "bk-stats: unknown exercise '"
		run -2 --separate-stderr bk-stats adherence --plan "$s"
		assert_err_partial "bk-stats: unknown plan '"
		run -2 --separate-stderr bk-plan exercise add "$s" --name x
		assert_err "bk-plan: invalid slug '$s' (lowercase letters, digits and hyphens, starting with a letter, at most 64)"
		run -2 --separate-stderr bk-log rm "$s"
		assert_err_partial "bk-log: invalid id '"
	done
	intact
	assert_equal "$(contents)" "$before"
}

@test "security: plan names and regions stored with SQL metacharacters are printed as stored" {
	bk-log cat-cow 1 > /dev/null
	local s n=0
	for s in "$S1" "$S2" "$S3"; do
		n=$((n + 1))
		sql "INSERT INTO plans (id, name, start_date, created)
			VALUES ($n, $(q "$s"), '2026-11-01', '2026-11-01');
			INSERT INTO plan_items (plan_id, weekday, exercise_id, sets, reps)
			VALUES ($n, 6, (SELECT id FROM exercises WHERE slug = 'cat-cow'), 1, 5);
			INSERT INTO measurements (kind, date, value, region)
			VALUES ('pain', '2026-11-2$n', $n, $(q "$s"))"
		run -0 bk-log cat-cow --plan "$s"
		assert_output --partial "for plan $s ("
	done
	intact
	run -0 bk-stats adherence --format json
	json_has plan "$S1"
	json_has plan "$S2"
	json_has plan "$S3"
	run -0 bk-stats pain --format json
	json_has region "$S3"
	run -0 bk-log export --format json
	json_has plan "$S2"
	run -0 bk-stats summary
	assert_output --partial "  $S1 (from 2026-11-01)"
	assert_output --partial "$S3"
}

@test "security: terminal escapes in stored text are shown escaped, never sent" {
	local e=$'\e]0;owned\a\e[31mred\e[0m\r\x9b2J'
	sql() { sqlite3 "$BK_DB" "$@"; }
	bk-plan exercise add esc --name "$e" > /dev/null
	bk-log esc 2x5 --note "$e" > /dev/null
	bk-test pain 2 --region neck --note "$e" > /dev/null
	sql "INSERT INTO plans (name, start_date, created)
		VALUES ($(q "$e"), '2026-11-01', '2026-11-01')"
	local c
	for c in "bk-log list --format table" "bk-test list --format table" \
		"bk-stats exercises --format table" "bk-stats summary" \
		"bk-plan exercise esc" "bk-log esc --plan nothing" \
		"bk-plan exercises --format table"; do
		# shellcheck disable=SC2086
		run $c
		[[ $output != *$'\e'* && $output != *$'\x9b'* ]] ||
			fail "$c printed a raw escape: $output"
	done
	run -2 bk-log "x$e"
	[[ $output != *$'\e'* ]] || fail "the error printed a raw escape"
}

@test "security: names, regions, plans and dates that reach a plot run nothing" {
	local p1="x'; system('touch PWNED1'); y='" p2=$'x\nsystem "touch PWNED2"\n'
	local p3='`touch PWNED3`' p4='@m $(touch PWNED4) "; system("touch PWNED5"); "'
	local p n=0
	mkdir "$BATS_TEST_TMPDIR/w"
	cd "$BATS_TEST_TMPDIR/w"
	bk-log cat-cow 1 > /dev/null
	for p in "$p1" "$p2" "$p3" "$p4"; do
		n=$((n + 1))
		sql "INSERT INTO exercises (slug, name) VALUES ('evil-$n', $(q "$p"));
			INSERT INTO plans (id, name, start_date, created)
			VALUES ($n, $(q "$p"), '2026-11-01', '2026-11-01');
			INSERT INTO plan_items (plan_id, weekday, exercise_id, sets, reps)
			VALUES ($n, 6, (SELECT id FROM exercises WHERE slug = 'evil-$n'), 1, 5);
			INSERT INTO sets (date, exercise_id, reps, note) VALUES
			('2026-11-1$n', (SELECT id FROM exercises WHERE slug = 'evil-$n'), 5, $(q "$p")),
			($(q "2026-11-01$p"), 1, 5, NULL);
			INSERT INTO measurements (kind, date, value, value_cm, region) VALUES
			('pain', '2026-11-1$n', $n, NULL, $(q "$p")),
			('toe-touch', '2026-11-1$n', -20 + $n, -20 + $n, NULL),
			('toe-touch', $(q "2026-11-19$p"), -3, -3, NULL)"
		bk-log "evil-$n" --plan "$p" > /dev/null
	done
	local k
	for k in flex volume adherence pain; do
		run -0 bk-stats plot "$k" --output "$k.png"
		run -0 bk-stats plot "$k" --terminal dumb
		for n in 1 2 3 4; do
			run bk-stats plot "$k" --plan "$(sql "SELECT name FROM plans WHERE id = $n")" \
				--output "p$n.svg"
		done
	done
	run -0 ls -A "$BATS_TEST_TMPDIR/w" "$BATS_TEST_TMPDIR"
	refute_output --partial PWNED
	run -0 ls -A /tmp
	refute_output --partial PWNED
}

@test "security: the store is 0600 in a 0700 directory whatever the umask, for every first write" {
	umask 000
	local c n=0
	while read -r c; do
		n=$((n + 1))
		export BK_DB="$BATS_TEST_TMPDIR/s$n/deep/b.db"
		c=${c//@CSV@/$BATS_TEST_TMPDIR/in.csv}
		big_csv 3 "$BATS_TEST_TMPDIR/in.csv"
		# shellcheck disable=SC2086
		run $c
		[ -e "$BK_DB" ] || continue	# rm, undo: nothing to write
		assert_equal "$(stat -c %a "$BK_DB")" 600
		assert_equal "$(stat -c %a "${BK_DB%/*}")" 700
		assert_equal "$(stat -c %a "$BATS_TEST_TMPDIR/s$n")" 700
	done <<< "$WRITES"
	[ "$n" -ge 11 ]
	# the log files beside it while a write is under way are private too
	export BK_DB="$BATS_TEST_TMPDIR/open/b.db"
	bk-log cat-cow 1 > /dev/null
	mkfifo "$BATS_TEST_TMPDIR/feed"
	bk-log import "$BATS_TEST_TMPDIR/feed" > /dev/null &
	local importer=$! n
	exec 8> "$BATS_TEST_TMPDIR/feed"
	head -n 2 "$BATS_TEST_TMPDIR/in.csv" >&8
	for n in $(seq 100); do
		[ -e "$BK_DB-wal" ] && [ -e "$BK_DB-shm" ] && break
		sleep 0.1
	done
	assert_equal "$(stat -c %a "$BK_DB-wal")" 600
	assert_equal "$(stat -c %a "$BK_DB-shm")" 600
	exec 8>&-
	wait "$importer"
}

@test "security: a plot never replaces a device, a pipe or a link" {
	bk-test toe-touch --date -7d -- -12 > /dev/null
	bk-test toe-touch -- -10 > /dev/null
	cd "$BATS_TEST_TMPDIR"
	if [ "$(id -u)" -eq 0 ]; then
		mknod full c 1 7
		mknod null c 1 3
		run -1 --separate-stderr bk-stats plot flex --output full --terminal dumb
		assert_err "bk-stats: cannot write 'full': No space left on device"
		run -0 bk-stats plot flex --output null --terminal dumb
		[ -c full ] && [ -c null ] || fail "a device was replaced"
	fi
	mkfifo fifo
	wc -c < fifo > count &
	run -0 bk-stats plot flex --output fifo --terminal dumb
	wait
	[ -p fifo ] || fail "the pipe was replaced"
	[ "$(cat count)" -gt 100 ]
	ln -s real.png link.png
	run -0 bk-stats plot flex --output link.png
	[ -L link.png ] || fail "the link was replaced"
	[ "$(head -c 4 real.png | od -An -c | tr -d ' ')" = '211PNG' ]
}
