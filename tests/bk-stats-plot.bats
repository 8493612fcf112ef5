#!/usr/bin/env bats
# bk-stats plot: gnuplot through a pipe; images, text, failures, and user
# text that must stay data.

load common

sql() {
	sqlite3 "$BK_DB" "$@"
}

# a month of history with something for every plot
history() {
	bk-plan exercise add my-move --name 'My Move' > /dev/null
	local p i d n=0
	p=$(sql "INSERT INTO plans (name, start_date, active, created)
		VALUES ('jeff-30', '2026-10-26', 1, '2026-10-26');
		SELECT last_insert_rowid()")
	i=$(sql "INSERT INTO plan_items (plan_id, weekday, exercise_id)
		VALUES ($p, 1, (SELECT id FROM exercises WHERE slug = 'jefferson-curl'));
		SELECT last_insert_rowid()")
	for d in 2026-10-26 2026-11-02 2026-11-09 2026-11-16; do
		sql "INSERT INTO sets (date, exercise_id, reps, load_kg, plan_item_id)
			VALUES ('$d', (SELECT id FROM exercises WHERE slug = 'jefferson-curl'),
			10, 5, $i)"
		sql "INSERT INTO sets (date, exercise_id, hold_s)
			VALUES ('$d', (SELECT id FROM exercises WHERE slug = 'cat-cow'), 30)"
		sql "INSERT INTO measurements (kind, date, value_cm)
			VALUES ('toe-touch', '$d', $((-20 + 3 * n)))"
		sql "INSERT INTO measurements (kind, date, value, region)
			VALUES ('pain', '$d', $((6 - n)), 'lower-back'),
			('pain', '$d', 2, 'neck')"
		n=$((n + 1))
	done
	sql "INSERT INTO measurements (kind, date, value_cm)
		VALUES ('sit-and-reach', '2026-11-16', 4)"
}

# a gnuplot that keeps a copy of the script it is given, then runs the
# real one
spy_gnuplot() {
	mkdir -p "$BATS_TEST_TMPDIR/spy"
	cat > "$BATS_TEST_TMPDIR/spy/gnuplot" <<EOF
#!/bin/sh
cat > "$BATS_TEST_TMPDIR/script.gp"
exec $(command -v gnuplot) "\$@" < "$BATS_TEST_TMPDIR/script.gp"
EOF
	chmod +x "$BATS_TEST_TMPDIR/spy/gnuplot"
	PATH="$BATS_TEST_TMPDIR/spy:$PATH"
}

is_png() {
	[ -s "$1" ] && [ "$(head -c 8 "$1" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ]
}

is_svg() {
	[ -s "$1" ] && head -n 1 "$1" | grep -q '^<?xml' && grep -q '<svg' "$1" &&
		grep -q '</svg>' "$1" && python3 -c 'import sys, xml.dom.minidom as m
m.parse(sys.argv[1])' "$1"
}

@test "plot: every plot as PNG and SVG, real images of non-zero size" {
	history
	cd "$BATS_TEST_TMPDIR"
	local p
	for p in flex volume adherence pain; do
		run -0 --separate-stderr bk-stats plot "$p" --output "$p.png"
		assert_equal "$output$stderr" ""
		is_png "$p.png" || fail "$p.png is not a PNG"
		run -0 --separate-stderr bk-stats plot "$p" --output "$p.SVG"
		is_svg "$p.SVG" || fail "$p.SVG is not an SVG"
	done
	# readable titles and legends
	grep -q 'Flexibility: standing toe-touch reach' flex.SVG
	grep -q 'trend (least squares)' flex.SVG
	grep -q 'floor (0)' flex.SVG
	grep -q 'sit-and-reach (past the toes)' flex.SVG
	grep -q 'Weekly volume: sets per exercise' volume.SVG
	grep -q 'Jefferson Curl' volume.SVG
	grep -q 'Cat-Cow' volume.SVG
	grep -q 'Adherence per week: every active plan' adherence.SVG
	grep -q 'lower-back' pain.SVG
	grep -q 'neck' pain.SVG
	# no temporary file is left behind, and gnuplot's fit keeps no log
	run -0 find . -name '.bk-stats-plot-*' -o -name fit.log
	assert_output ''
}

@test "plot: the dumb terminal draws in text on standard output" {
	history
	run -0 --separate-stderr bk-stats plot flex --terminal dumb
	assert_output --partial 'Flexibility: standing toe-touch reach'
	assert_output --partial 'trend (least squares)'
	assert_output --partial 'floor (0)'
	assert_output --regexp '\+-{20,}\+'
	(( ${#lines[@]} >= 20 ))
	assert_equal "$stderr" ""
	run -0 bk-stats plot volume --terminal dumb --by month
	assert_output --partial 'Monthly volume: sets per exercise'
	assert_output --partial '2026-10'
	run -0 bk-stats plot adherence --terminal dumb --plan jeff-30
	assert_output --partial 'Adherence per week: plan jeff-30'
	assert_output --partial '1/1'
	run -0 bk-stats plot pain --terminal dumb --since 2026-11-01
	assert_output --partial 'Pain ratings by region'
	assert_output --partial 'lower-back'
	# text into a file as well
	run -0 bk-stats plot flex --terminal dumb --output "$BATS_TEST_TMPDIR/flex.txt"
	grep -q 'Flexibility' "$BATS_TEST_TMPDIR/flex.txt"
}

@test "plot: on a terminal without --output, the plot is drawn there" {
	history
	run -0 script -qec "bk-stats plot flex" /dev/null
	assert_output --partial 'Flexibility: standing toe-touch reach'
}

@test "plot: no --output when standard output is not a terminal is an error" {
	history
	run -2 --separate-stderr bk-stats plot flex
	assert_err "bk-stats: standard output is not a terminal: use --output FILE.png|FILE.svg, or --terminal dumb for text"
	assert_equal "$output" ""
	run -2 --separate-stderr bk-stats plot flex --output "$BATS_TEST_TMPDIR/x.jpg"
	assert_err "bk-stats: cannot tell the image format of '$BATS_TEST_TMPDIR/x.jpg': name a .png or .svg file, or use --terminal dumb"
	assert_file_not_exists "$BATS_TEST_TMPDIR/x.jpg"
	run -2 --separate-stderr bk-stats plot flex --terminal png
	assert_err_partial "invalid terminal 'png'"
	run -2 --separate-stderr bk-stats plot scatter --terminal dumb
	assert_err "bk-stats: unknown plot 'scatter' (one of: flex, volume, adherence, pain)"
	run -2 --separate-stderr bk-stats plot --terminal dumb
	assert_err "bk-stats: plot needs one of: flex, volume, adherence, pain"
	run -2 --separate-stderr bk-stats plot flex --exercise cat-cow --terminal dumb
	assert_err "bk-stats: option --exercise does not apply to 'plot flex'"
	run -2 --separate-stderr bk-stats plot pain --format csv --terminal dumb
	assert_err "bk-stats: option --format does not apply to 'plot pain'"
}

@test "plot: a usage error is one line, then plot's own usage lines" {
	history
	local plot_usage
	plot_usage="$(bk-stats --help | sed -n '/^       bk-stats plot /,/^       bk-stats \|^[^ ]/p' | sed '$d' | sed '1s/^       /usage: /')"
	[ "$(printf '%s\n' "$plot_usage" | wc -l)" -eq 3 ]
	for args in "plot" "plot scatter" "plot flex extra" "plot flex --exercise cat-cow" \
		"plot volume --output $BATS_TEST_TMPDIR/x.bmp"; do
		# shellcheck disable=SC2086 # the words of the case
		run -2 --separate-stderr bk-stats $args
		assert_equal "${#stderr_lines[@]}" 4
		assert_equal "$(printf '%s\n' "${stderr_lines[@]:1}")" "$plot_usage"
		assert_equal "$output" ""
	done
	# the report of the same name keeps its own
	run -2 --separate-stderr bk-stats flex --exercise cat-cow
	assert_err "bk-stats: option --exercise does not apply to 'flex'"
	assert_equal "${stderr_lines[1]}" "usage: bk-stats flex | pain [--since D] [--until D] [--format F]"
}

@test "plot: nothing to plot is an error, exit 1, and no file" {
	bk-plan exercise add other --name Other > /dev/null
	local p
	for p in flex volume adherence pain; do
		run -1 --separate-stderr bk-stats plot "$p" --output "$BATS_TEST_TMPDIR/$p.png"
		assert_err_partial "bk-stats: cannot plot $p: no "
		assert_file_not_exists "$BATS_TEST_TMPDIR/$p.png"
	done
	history
	run -1 --separate-stderr bk-stats plot flex --since 2026-11-17 --terminal dumb
	assert_err "bk-stats: cannot plot flex: no toe-touch or sit-and-reach result in that time"
	assert_equal "$output" ""
}

@test "plot: a missing gnuplot is a one-line error, exit 1, and no file" {
	history
	local out="$BATS_TEST_TMPDIR/flex.png"
	run -1 --separate-stderr env PATH="$TOP/bin" "$TOP/bin/bk-stats" plot flex \
		--output "$out"
	assert_equal "$stderr" "bk-stats: cannot run gnuplot: No such file or directory (install gnuplot-nox)"
	assert_equal "$output" ""
	assert_file_not_exists "$out"
	run -0 find "$BATS_TEST_TMPDIR" -maxdepth 1 -name '.bk-stats-plot-*'
	assert_output ''
	run -1 --separate-stderr env PATH=/nonexistent "$TOP/bin/bk-stats" plot flex \
		--terminal dumb
	assert_equal "$stderr" "bk-stats: cannot run gnuplot: No such file or directory (install gnuplot-nox)"
}

@test "plot: a failing gnuplot leaves the previous file as it was" {
	history
	local out="$BATS_TEST_TMPDIR/flex.png" before
	run -0 bk-stats plot flex --output "$out"
	before=$(digest "$out")
	mkdir -p "$BATS_TEST_TMPDIR/fake"
	# writes half an image, complains, fails
	printf '#!/bin/sh\ncat > /dev/null\nprintf "PARTIAL"\necho "line 3: something broke" >&2\nexit 1\n' \
		> "$BATS_TEST_TMPDIR/fake/gnuplot"
	chmod +x "$BATS_TEST_TMPDIR/fake/gnuplot"
	PATH="$BATS_TEST_TMPDIR/fake:$PATH" run -1 --separate-stderr \
		bk-stats plot flex --output "$out"
	assert_equal "$stderr" "bk-stats: cannot plot: gnuplot failed: line 3: something broke"
	assert_equal "$(digest "$out")" "$before"
	run -0 find "$BATS_TEST_TMPDIR" -maxdepth 1 -name '.bk-stats-plot-*'
	assert_output ''
	# killed half-way
	printf '#!/bin/sh\nprintf "PARTIAL"\nkill -9 $$\n' > "$BATS_TEST_TMPDIR/fake/gnuplot"
	PATH="$BATS_TEST_TMPDIR/fake:$PATH" run -1 --separate-stderr \
		bk-stats plot flex --output "$out"
	assert_equal "$stderr" "bk-stats: cannot plot: gnuplot was killed by signal 9"
	assert_equal "$(digest "$out")" "$before"
	# succeeds without writing anything
	printf '#!/bin/sh\ncat > /dev/null\n' > "$BATS_TEST_TMPDIR/fake/gnuplot"
	PATH="$BATS_TEST_TMPDIR/fake:$PATH" run -1 --separate-stderr \
		bk-stats plot flex --output "$out"
	assert_equal "$stderr" "bk-stats: cannot plot: gnuplot wrote nothing"
	assert_equal "$(digest "$out")" "$before"
}

@test "plot: an output that cannot be written is an error, exit 1, nothing changed" {
	local d
	unprivileged_dir d
	export BK_DB="$d/backkit.db"
	# root makes the store in that user's directory, then gives it away
	BK_ALLOW_SHARED=1 history
	chmod 0644 "$BK_DB"
	[ "$(id -u)" -ne 0 ] || chown 65534:65534 "$BK_DB"
	# a read-only file in a writable directory
	echo old > "$d/ro.png"
	chmod 0444 "$d/ro.png"
	[ "$(id -u)" -ne 0 ] || chown 65534:65534 "$d/ro.png"
	run -1 --separate-stderr as_user bk-stats plot flex --output "$d/ro.png"
	assert_equal "$stderr" "bk-stats: cannot write '$d/ro.png': Permission denied"
	assert_equal "$(cat "$d/ro.png")" old
	# a read-only directory
	mkdir "$d/ro"
	chmod 0555 "$d/ro"
	[ "$(id -u)" -ne 0 ] || chown 65534:65534 "$d/ro"
	run -1 --separate-stderr as_user bk-stats plot flex --output "$d/ro/x.png"
	assert_equal "$stderr" "bk-stats: cannot write '$d/ro/x.png': Permission denied"
	assert_file_not_exists "$d/ro/x.png"
	# a directory in its place, a missing directory
	mkdir "$d/dir.png"
	run -1 --separate-stderr bk-stats plot flex --output "$d/dir.png"
	assert_equal "$stderr" "bk-stats: cannot write '$d/dir.png': Is a directory"
	run -1 --separate-stderr bk-stats plot flex --output "$d/nowhere/x.svg"
	assert_equal "$stderr" "bk-stats: cannot write '$d/nowhere/x.svg': No such file or directory"
	run -0 find "$d" -name '.bk-stats-plot-*'
	assert_output ''
	rm -rf "$d"
}

@test "plot: a full disk is an error, not a silent nothing" {
	[ -w /dev/full ] || skip "no /dev/full"
	history
	run -1 --separate-stderr bash -c 'bk-stats plot flex --terminal dumb > /dev/full'
	assert_err_partial "bk-stats: cannot "
}

# what a user can type into names, notes and file names
PAYLOADS=(
	'system("touch PWNED1")'
	'`touch PWNED2`'
	"x' . system('touch PWNED3') . '"
	$'a\nEOD\nsystem("touch PWNED4")\nEOD'
	'@PWNED5 $(touch PWNED6) \'
	"\"; system(\"touch PWNED7\"); \""
	$'EOD'
)

assert_no_pwned() {
	run -0 find "$BATS_TEST_TMPDIR" "$HOME" "$TOP" -maxdepth 2 -name 'PWNED*'
	assert_output ''
}

# the script gnuplot read: no backquote, no user text outside single
# quotes, as many EOD lines as data blocks
assert_script_inert() {
	local s="$BATS_TEST_TMPDIR/script.gp"
	[ -s "$s" ] || fail "no script captured"
	! grep -q '`' "$s" || fail "a backquote reached gnuplot: $(grep '`' "$s")"
	if grep 'system(' "$s" | grep -qv -e "^set title '" -e '^plot '; then
		fail "user text outside a title: $(grep 'system(' "$s")"
	fi
	# a double quote only where the program writes one itself
	! grep '"' "$s" | grep -qv '^set format x "' ||
		fail "a double quote reached gnuplot: $(grep '"' "$s" | grep -v '^set format')"
	assert_equal "$(grep -c '^EOD$' "$s")" "$(grep -c '<< EOD$' "$s")"
	# every single-quoted string is closed on its line
	local line
	while IFS= read -r line; do
		(( $(tr -cd "'" <<< "$line" | wc -c) % 2 == 0 )) ||
			fail "unbalanced quotes: $line"
	done < "$s"
}

@test "plot: exercise names, notes and plan names reach gnuplot only as data" {
	bk-plan exercise add my-move --name 'My Move' > /dev/null
	spy_gnuplot
	cd "$BATS_TEST_TMPDIR"
	# (not "i": bats' run uses that name)
	local k=0 name p it
	p=$(sql "INSERT INTO plans (name, start_date, active, created)
		VALUES ('plan', '2026-11-02', 1, '2026-11-02');
		SELECT last_insert_rowid()")
	for name in "${PAYLOADS[@]}"; do
		k=$((k + 1))
		run -0 bk-plan exercise add "evil-$k" --name "$name"
		sql "INSERT INTO sets (date, exercise_id, reps, note) VALUES
			('2026-11-1$((k % 10))', (SELECT id FROM exercises WHERE slug = 'evil-$k'),
			10, '$(sed "s/'/''/g" <<< "$name")')"
	done
	run -0 --separate-stderr bk-stats plot volume --by day --output v.svg
	is_svg v.svg
	assert_script_inert
	# the names are shown, with their quotes replaced
	grep -q 'system(”touch PWNED1”)' v.svg
	grep -q '‘touch PWNED2‘' v.svg
	run -0 bk-stats plot volume --terminal dumb
	assert_script_inert
	run -0 bk-stats plot volume --output v.png
	assert_script_inert
	# plan names
	for name in "${PAYLOADS[@]}"; do
		sql "UPDATE plans SET name = '$(sed "s/'/''/g" <<< "$name")' WHERE id = $p"
		it=$(sql "INSERT INTO plan_items (plan_id, weekday, exercise_id)
			VALUES ($p, 1, (SELECT id FROM exercises WHERE slug = 'my-move'));
			SELECT last_insert_rowid()")
		run -0 --separate-stderr bk-stats plot adherence --plan "$name" --output a.svg
		assert_script_inert
		is_svg a.svg
		sql "DELETE FROM plan_items WHERE id = $it"
	done
	assert_no_pwned
}

@test "plot: region names and stored dates reach gnuplot only as data" {
	bk-plan exercise add my-move --name 'My Move' > /dev/null
	spy_gnuplot
	cd "$BATS_TEST_TMPDIR"
	local k=0 name
	for name in "${PAYLOADS[@]}"; do
		k=$((k + 1))
		sql "INSERT INTO measurements (kind, date, value, region, note) VALUES
			('pain', '2026-11-0$k', 3, '$(sed "s/'/''/g" <<< "$name")',
			'$(sed "s/'/''/g" <<< "$name")')"
	done
	# a store written by something else: dates that are not dates
	sql "INSERT INTO measurements (kind, date, value_cm) VALUES
		('toe-touch', '2026-11-01', -10), ('toe-touch', 'EOD', -9),
		('toe-touch', '\`touch PWNED8\`', -8), ('toe-touch', '2026-11-09', -7)"
	sql "INSERT INTO measurements (kind, date, value) VALUES
		('pain', 'system(\"touch PWNED9\")', 4), ('pain', 'EOD', 4)"
	run -0 --separate-stderr bk-stats plot pain --output p.svg
	is_svg p.svg
	assert_script_inert
	run -0 --separate-stderr bk-stats plot flex --output f.svg
	is_svg f.svg
	assert_script_inert
	run -0 bk-stats plot pain --terminal dumb
	assert_no_pwned
}

@test "plot: file names with quotes, backquotes and newlines are only file names" {
	bk-plan exercise add my-move --name 'My Move' > /dev/null
	sql "INSERT INTO measurements (kind, date, value_cm) VALUES
		('toe-touch', '2026-11-01', -10), ('toe-touch', '2026-11-09', -7)"
	spy_gnuplot
	cd "$BATS_TEST_TMPDIR"
	local f
	for f in "a'\`touch PWNED10\`.png" $'b\nset output "PWNED11"\n.svg' \
		'c"; system("touch PWNED12"); ".png' '$(touch PWNED13).svg'; do
		run -0 --separate-stderr bk-stats plot flex --output "$f"
		assert_file_exists "$f"
		[[ $f == *.png ]] && { is_png "$f" || fail "$f is not a PNG"; }
		[[ $f == *.svg ]] && { is_svg "$f" || fail "$f is not an SVG"; }
		! grep -q PWNED "$BATS_TEST_TMPDIR/script.gp" ||
			fail "the file name reached gnuplot"
	done
	assert_no_pwned
}

@test "plot: imperial units draw the reach in inches" {
	history
	mkdir -p "$XDG_CONFIG_HOME/backkit"
	echo 'units = imperial' > "$XDG_CONFIG_HOME/backkit/config"
	spy_gnuplot
	run -0 bk-stats plot flex --terminal dumb
	assert_output --partial 'Flexibility'
	grep -q "^set ylabel 'reach (in)" "$BATS_TEST_TMPDIR/script.gp"
	grep -q '^2026-10-26 0 -7.87402$' "$BATS_TEST_TMPDIR/script.gp"
}
