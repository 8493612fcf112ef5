#!/usr/bin/env bats
# Hardening: every output guarded, every input bounded, the terminal
# always restored.

load common
load reliability

unit() { "$TOP/build/bk-unit" "$@"; }

# text a spreadsheet would run as a formula, in every place a report
# shows outside text
formulas() {
	bk-log cat-cow 1x5 --note '=HYPERLINK("http://x","y")' > /dev/null
	bk-log skip cat-cow --reason '@SUM(1)' > /dev/null
	bk-plan exercise add evil --name '+cmd|x' > /dev/null
	bk-log evil 1x5 --note $'\tTAB' > /dev/null
	bk-test toe-touch -5 --note '-2+3' > /dev/null
}

@test "spreadsheets: every text cell of a CSV report that starts a formula gets a quote" {
	formulas
	run -0 --separate-stderr bk-log list --format csv
	assert_line --index 1 --regexp "^1,2026-11-21,[0-9:]+,cat-cow,1,,5,3,,,0,\"'=HYPERLINK\(\"\"http://x\"\",\"\"y\"\"\)\",normal,$"
	assert_line --index 2 --regexp "^2,.*,1,'@SUM\(1\),normal,$"
	assert_line --index 3 --regexp "^3,.*,0,'	TAB,normal,$"
	assert_equal "$stderr" ""
	run -0 bk-test list --format csv
	# the reach is a number and stays one; the note is text
	assert_line --index 1 '1,2026-11-21,toe-touch,1,-5,cm,-5,,,,1,'"'"'-2+3'
	run -0 bk-plan exercises --format csv
	assert_line --regexp "^evil,'\+cmd\|x,"
	run -0 bk-stats exercises --format csv
	assert_line --regexp "^evil,'\+cmd\|x,1,5,"
}

@test "spreadsheets: TSV reports are guarded the same way, JSON and tables are not" {
	formulas
	run -0 bk-log list --format tsv
	assert_line --index 1 --regexp $'\t\'=HYPERLINK\\("http://x","y"\\)\tnormal\t$'
	assert_line --index 3 --regexp $'\t\'\\\\tTAB\tnormal\t$'
	run -0 bk-test list --format tsv
	assert_line --index 1 --regexp $'^1\t2026-11-21\ttoe-touch\t1\t-5\tcm\t-5\t.*\t\'-2\\+3$'
	run -0 bk-log list --format json
	assert_output --partial '"note":"=HYPERLINK(\"http://x\",\"y\")"'
	run -0 bk-log list --format table
	assert_output --partial ' =HYPERLINK("http://x","y")'
}

@test "spreadsheets: bk-log export guards its text once and still round-trips" {
	formulas
	bk-log cat-cow 1x5 --note "'quoted" > /dev/null
	run -0 bk-log export
	assert_output --partial ",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","
	assert_output --partial ",'+cmd|x,"
	assert_output --partial ",''quoted,"
	refute_output --partial "''="
	bk-log export > "$BATS_TEST_TMPDIR/1.csv"
	BK_DB="$BATS_TEST_TMPDIR/2.db" bk-log import "$BATS_TEST_TMPDIR/1.csv" \
		--create-missing > /dev/null
	BK_DB="$BATS_TEST_TMPDIR/2.db" bk-log export > "$BATS_TEST_TMPDIR/2.csv"
	cmp "$BATS_TEST_TMPDIR/1.csv" "$BATS_TEST_TMPDIR/2.csv"
}

@test "spreadsheets: the guard's rule" {
	run -0 unit guard =a +a -a @a "'a" $'\ta' $'\ra' a '' ' =a' 1-2
	assert_output "$(printf '%s\n' 1 1 1 1 1 1 1 0 0 0 0)"
	printf '%s\n' '=1+1|-3|-4' '@a,b|x|5' | {
		run -0 unit out csv
		assert_output "$(printf '%s\n' key,text,n "'=1+1,'-3,-4" "\"'@a,b\",x,5")"
	}
}

@test "terminal: bidi controls, zero-width characters, separators and the BOM are escaped" {
	run -0 unit term $'ok \u202e01-21' $'a\u200bb' $'\ufeffx' \
		$'\u2066y\u2069' $'l\u2028p\u2029' $'\u200f\u202a\u202d'
	assert_output "$(printf '%s\n' 'ok \u202e01-21 14' 'a\u200bb 8' \
		'\ufeffx 7' '\u2066y\u2069 13' 'l\u2028p\u2029 14' \
		'\u200f\u202a\u202d 18')"
	# what is near them is printed as it is
	run -0 unit term $'\u2030 \u200a \u2065 \u206a'
	assert_output $'\u2030 \u200a \u2065 \u206a 7'
}

@test "terminal: a table report never carries a bidi override" {
	bk-log cat-cow 1x5 --note $'ok \u202e01-21-6202 \u2067x\u2069' > /dev/null
	run -0 --separate-stderr bk-log list --format table
	assert_line --index 2 --partial 'ok \u202e01-21-6202 \u2067x\u2069'
	[[ $output != *$'\u202e'* ]] || fail "an override reached the terminal"
	[[ $output != *$'\u2067'* ]] || fail "an isolate reached the terminal"
}

@test "terminal: a wrapped Japanese template note is never cut inside a character" {
	local eight=日本語のテキスト
	printf 'name jp\nlength 14\nnote %s\ndaily: cat-cow 1x5\n' \
		"$(printf "$eight%.0s" {1..6})" > "$BATS_TEST_TMPDIR/jp.plan"
	run -0 --separate-stderr bk-plan template "$BATS_TEST_TMPDIR/jp.plan"
	refute_output --partial '\x'
	# 32 characters two columns wide fill the 65 columns of a line
	assert_line --index 2 "notes:     $eight$eight$eight$eight"
	assert_line --index 3 "           $eight$eight"
}

@test "terminal: the wrapping function counts characters and their width" {
	run -0 unit wrap 'note:' "$(printf '日本語のテキスト%.0s' {1..12})"
	refute_output --partial '\x'
	assert_equal "${#lines[@]}" 3
	# one column each: 65 to a line, a blank still breaks it
	run -0 unit wrap 'note:' "$(printf 'é%.0s' {1..70}) b"
	refute_output --partial '\x'
	assert_equal "${#lines[@]}" 2
	assert_line --index 0 "note:      $(printf 'é%.0s' {1..65})"
	assert_line --index 1 "           ééééé b"
}

# three reach tests, enough for a flex plot
reaches() {
	bk-test toe-touch --date -14d -- -20 > /dev/null
	bk-test toe-touch --date -7d -- -15 > /dev/null
	bk-test toe-touch -- -12 > /dev/null
}

# a gnuplot that writes down its environment and script, then waits
# (FAKE_SLEEP) or runs the real one
fake_gnuplot() {
	mkdir -p "$BATS_TEST_TMPDIR/fake"
	cat > "$BATS_TEST_TMPDIR/fake/gnuplot" <<EOF
#!/bin/sh
env > "$BATS_TEST_TMPDIR/gnuplot.env"
cat > "$BATS_TEST_TMPDIR/script.gp"
if [ -n "\$FAKE_SLEEP" ]; then
	echo \$\$ > "$BATS_TEST_TMPDIR/gnuplot.pid"
	touch "$BATS_TEST_TMPDIR/started"
	exec sleep "\$FAKE_SLEEP" 3>&-
fi
exec $(command -v gnuplot) "\$@" < "$BATS_TEST_TMPDIR/script.gp"
EOF
	chmod +x "$BATS_TEST_TMPDIR/fake/gnuplot"
	PATH="$BATS_TEST_TMPDIR/fake:$PATH"
}

is_png() {
	[ "$(head -c 4 "$1" | od -An -c | tr -d ' ')" = '211PNG' ]
}

@test "plot output: an existing file keeps its mode, a new one is private like the store" {
	reaches
	cd "$BATS_TEST_TMPDIR"
	printf 'old' > priv.png
	chmod 600 priv.png
	run -0 --separate-stderr bk-stats plot flex --output priv.png
	assert_equal "$(stat -c %a priv.png)" 600
	is_png priv.png
	printf 'old' > shared.png
	chmod 644 shared.png
	run -0 bk-stats plot flex --output shared.png
	assert_equal "$(stat -c %a shared.png)" 644
	(umask 022 && bk-stats plot flex --output new.png)
	assert_equal "$(stat -c %a new.png)" 600
}

@test "plot output: through a link, the file it names is replaced whole, the link stays" {
	reaches
	cd "$BATS_TEST_TMPDIR"
	mkdir real
	printf 'old' > real/chart.png
	chmod 640 real/chart.png
	ln -s real/chart.png link.png
	run -0 --separate-stderr bk-stats plot flex --output link.png
	[ -L link.png ] || fail "the link was replaced"
	is_png real/chart.png
	assert_equal "$(stat -c %a real/chart.png)" 640
	run -0 ls -A . real
	refute_output --partial .bk-stats-plot
}

@test "plot output: through a link on a full disk, the file it names is left as it was" {
	reaches
	mount_tmpfs "$BATS_TEST_TMPDIR/small" 24k
	printf 'old' > "$BATS_TEST_TMPDIR/small/x.png"
	ln -s "$BATS_TEST_TMPDIR/small/x.png" "$BATS_TEST_TMPDIR/link.png"
	run -1 --separate-stderr bk-stats plot flex --output "$BATS_TEST_TMPDIR/link.png"
	assert_err "bk-stats: cannot write '$BATS_TEST_TMPDIR/link.png': No space left on device"
	assert_equal "$(cat "$BATS_TEST_TMPDIR/small/x.png")" old
	run -0 ls -A "$BATS_TEST_TMPDIR/small"
	assert_output x.png
}

@test "plot: gnuplot's own environment is cleared for it" {
	reaches
	fake_gnuplot
	GNUTERM=x11 GNUPLOT_LIB=/nonexistent GNUPLOT_DRIVER_DIR=/nonexistent \
		GNUHELP=/nonexistent GDFONTPATH=/nonexistent GNUPLOT_FONTPATH=/x \
		run -0 --separate-stderr bk-stats plot flex --output "$BATS_TEST_TMPDIR/r.png"
	assert_equal "$stderr" ""
	run -1 grep -E '^(GNUTERM|GNUPLOT_[A-Z_]*|GNUHELP|GDFONTPATH)=' "$BATS_TEST_TMPDIR/gnuplot.env"
	# the rest of the environment is passed on
	grep -q '^BK_TODAY=2026-11-21$' "$BATS_TEST_TMPDIR/gnuplot.env"
	is_png "$BATS_TEST_TMPDIR/r.png"
}

@test "plot: GNUTERM naming a terminal gnuplot lacks changes nothing" {
	reaches
	GNUTERM=x11 run -0 --separate-stderr bk-stats plot flex --output "$BATS_TEST_TMPDIR/s.png"
	assert_equal "$stderr" ""
	is_png "$BATS_TEST_TMPDIR/s.png"
}

@test "plot: a signal while gnuplot runs leaves no temporary file" {
	reaches
	fake_gnuplot
	local sig pid i st
	for sig in INT TERM HUP; do
		rm -f "$BATS_TEST_TMPDIR/started"
		mkdir -p "$BATS_TEST_TMPDIR/out-$sig"
		# a command in the background ignores SIGINT unless told
		FAKE_SLEEP=30 env --default-signal bk-stats plot flex \
			--output "$BATS_TEST_TMPDIR/out-$sig/x.png" 2> /dev/null &
		pid=$!
		for i in $(seq 200); do
			[ -e "$BATS_TEST_TMPDIR/started" ] && break
			sleep 0.05
		done
		[ -e "$BATS_TEST_TMPDIR/started" ] || fail "gnuplot did not start"
		run -0 ls -A "$BATS_TEST_TMPDIR/out-$sig"
		assert_output --partial .bk-stats-plot
		kill -s "$sig" "$pid"
		st=0
		wait "$pid" || st=$?
		assert_equal "$(kill -l "$((st - 128))")" "$sig"
		kill "$(cat "$BATS_TEST_TMPDIR/gnuplot.pid")" 2> /dev/null || true
		run -0 ls -A "$BATS_TEST_TMPDIR/out-$sig"
		assert_output ""
	done
}

@test "plot volume: empty bars from the first date, also before 1970" {
	bk-log cat-cow 1x5 --date 1969-12-29 > /dev/null
	bk-log cat-cow 1x5 --date 1970-01-02 > /dev/null
	fake_gnuplot
	run -0 --separate-stderr bk-stats plot volume --by day --since 1969-12-01 \
		--output "$BATS_TEST_TMPDIR/v.png"
	run -0 sed -n '/^\$vol << EOD$/,/^EOD$/p' "$BATS_TEST_TMPDIR/script.gp"
	assert_output "$(printf '%s\n' '$vol << EOD' '1969-12-29 12-29 1' \
		'1969-12-30 12-30 0' '1969-12-31 12-31 0' '1970-01-01 01-01 0' \
		'1970-01-02 01-02 1' EOD)"
}

config_dir() {
	mkdir -p "$XDG_CONFIG_HOME/backkit"
	CONFIG="$XDG_CONFIG_HOME/backkit/config"
}

@test "config: a FIFO or a device is refused at once, never waited on or read forever" {
	config_dir
	mkfifo "$CONFIG"
	run -1 --separate-stderr timeout 10 bk-stats volume
	assert_err "bk-stats: cannot read '$CONFIG': not a regular file"
	assert_equal "$output" ""
	rm "$CONFIG"
	ln -s /dev/zero "$CONFIG"
	run -1 --separate-stderr timeout 10 bk-log cat-cow 3
	assert_err "bk-log: cannot read '$CONFIG': not a regular file"
	assert_file_not_exists "$BK_DB"
	rm "$CONFIG"
	mkdir "$CONFIG"
	run -1 --separate-stderr timeout 10 bk-stats volume
	assert_err "bk-stats: cannot read '$CONFIG': not a regular file"
}

@test "config: a file over 64 KiB is refused, one of 64 KiB is read" {
	config_dir
	{ echo 'units = imperial'; head -c 65519 /dev/zero | tr '\0' '#'; echo; } > "$CONFIG"
	assert_equal "$(stat -c %s "$CONFIG")" 65537
	run -1 --separate-stderr timeout 10 bk-stats volume
	assert_err "bk-stats: cannot read '$CONFIG': larger than 64 KiB"
	truncate -s 65536 "$CONFIG"
	run -0 --separate-stderr bk-stats volume
	assert_equal "$stderr" ""
}

@test "config: a leading byte order mark is not part of the first key" {
	config_dir
	printf '\xef\xbb\xbfunits = imperial\r\n' > "$CONFIG"
	run -0 --separate-stderr bk-log band-row 2x10@10lb
	assert_output --partial '@10lb'
	assert_equal "$stderr" ""
	# only at the start of the file
	printf 'units = imperial\n\xef\xbb\xbfsex = male\n' > "$CONFIG"
	run -1 --separate-stderr bk-stats volume
	assert_err "bk-stats: $CONFIG:2: unknown key '\ufeffsex' (one of: units, week_start, birth_year, sex, remind_at, remind_alarm, get_ready)"
}

@test "config: a long or hostile value is cut and escaped in the message" {
	config_dir
	printf 'units = %s\n' "$(head -c 30000 /dev/zero | tr '\0' x)" > "$CONFIG"
	run -1 --separate-stderr bk-stats volume
	assert_err "bk-stats: $CONFIG:1: invalid units '$(printf 'x%.0s' {1..77})...': expected metric or imperial"
	printf 'units = a\033]0;PWNED\007b\n' > "$CONFIG"
	run -1 --separate-stderr bk-stats volume
	assert_err "bk-stats: $CONFIG:1: invalid units 'a\x1b]0;PWNED\x07b': expected metric or imperial"
	printf '%s = 1\n' "$(head -c 5000 /dev/zero | tr '\0' k)" > "$CONFIG"
	run -1 --separate-stderr bk-stats volume
	assert_err_partial "config:1: unknown key '$(printf 'k%.0s' {1..77})...' (one of"
	printf 'units = metric\nx\0y = 1\n' > "$CONFIG"
	run -1 --separate-stderr bk-stats volume
	assert_err "bk-stats: cannot read '$CONFIG': a NUL byte: not a text file"
}

# --- the guided session's terminal (tmux) ------------------------------

# start a 100x30 tmux pane (private server) running the given command
# line; its exit status goes to $D/status and the terminal modes before
# and after to $D/stty.*
pane_run() {
	D=$(mktemp -d "$BATS_TEST_TMPDIR/pane.XXXXXX")
	TMUX_L="bk-harden-$$-$BATS_TEST_NUMBER-$RANDOM"
	cat >"$D/run.sh" <<-EOF
		trap : INT
		ulimit -c 0
		for i in \$(seq 600); do [ -e '$D/go' ] && break; sleep 0.1; done
		stty -g >'$D/stty.before'
		$*
		echo \$? >'$D/status.new'
		stty -g >'$D/stty.after'
		mv '$D/status.new' '$D/status'
		exec sleep 600
	EOF
	unset TMUX
	tmux -L "$TMUX_L" -f /dev/null new-session -d -x 100 -y 30 "bash '$D/run.sh'"
	touch "$D/go"
}

pane_end() {
	tmux -L "$TMUX_L" kill-server 2>/dev/null || true
	TMUX_L=""
}

teardown() {
	local m
	if [[ -n ${TMUX_L:-} ]]; then
		tmux -L "$TMUX_L" kill-server 2>/dev/null || true
	fi
	for m in "${MOUNTED[@]}"; do
		umount -l "$m" 2> /dev/null || true
	done
}

pane() {
	tmux -L "$TMUX_L" capture-pane -p -S - 2>/dev/null
}

wait_pane() {
	local i n
	for ((i = 0; i < 600; i++)); do
		n=$(pane | grep -cE -- "$1") || true
		((n >= ${2:-1})) && return 0
		sleep 0.1
	done
	fail "the pane never showed ${2:-1} of '$1':
$(pane)"
}

wait_status() {
	local i
	for ((i = 0; i < 600; i++)); do
		[[ -e $D/status ]] && return 0
		sleep 0.1
	done
	fail "the command never ended${WHAT:+ after $WHAT}:
$(ps -o pid,stat,wchan,comm --ppid "$(tmux -L "$TMUX_L" list-panes -F '#{pane_pid}')")
$(pane)"
}

# the pid of the pane's bk-log
session_pid() {
	local shell
	shell=$(tmux -L "$TMUX_L" list-panes -F '#{pane_pid}')
	ps -o pid=,comm= --ppid "$shell" | awk '$2 == "bk-log" { print $1 }'
}

@test "terminal: every signal that ends a session leaves the terminal as it was" {
	bk-plan new t > /dev/null
	bk-plan add t passive-hang '1x20s' > /dev/null
	local sig pid
	for sig in QUIT USR1 USR2 ALRM VTALRM PROF XCPU ABRT TERM HUP; do
		WHAT=SIG$sig
		# as a user's shell starts it: no signal ignored (GNU parallel
		# running the suites ignores SIGALRM)
		pane_run env --default-signal bk-log session
		wait_pane '^Enter starts the timer'
		# the session has the terminal in key mode now
		if [ "$sig" = QUIT ]; then
			tmux -L "$TMUX_L" send-keys 'C-\'
		else
			pid=$(session_pid)
			[ -n "$pid" ] || fail "no session running"
			kill -s "$sig" "$pid"
		fi
		wait_status
		run cat "$D/status"
		case $sig in
		TERM | HUP) ;;	# the session ends itself, saying so
		*) assert_equal "$(kill -l "$((output - 128))")" "$sig" ;;
		esac
		assert_equal "$(cat "$D/stty.after")" "$(cat "$D/stty.before")"
		pane_end
	done
}

@test "terminal: a session whose reader went away fails with EPIPE and a sane terminal" {
	bk-plan new t > /dev/null
	bk-plan add t band-row 3x10 > /dev/null
	bk-plan add t cat-cow 1x5 > /dev/null
	pane_run 'bk-log session | head -c 1 > /dev/null; echo "${PIPESTATUS[0]}" > '"'$BATS_TEST_TMPDIR/pipe'"
	for i in $(seq 3); do
		sleep 0.5
		tmux -L "$TMUX_L" send-keys -l 'done'
		tmux -L "$TMUX_L" send-keys Enter
	done
	wait_status
	wait_pane "^bk-log: cannot write output: Broken pipe; nothing was stored$"
	assert_equal "$(cat "$BATS_TEST_TMPDIR/pipe")" 1
	assert_equal "$(cat "$D/stty.after")" "$(cat "$D/stty.before")"
}

@test "templates: at most 20000 items a plan, refused when read, naming the line" {
	{
		printf 'name big\nlength 3660\n'
		for i in $(seq 1000); do echo 'daily: cat-cow'; done
	} > "$BATS_TEST_TMPDIR/big.plan"
	assert [ "$(stat -c %s "$BATS_TEST_TMPDIR/big.plan")" -lt 20000 ]
	run -1 --separate-stderr timeout 20 bk-plan new big --template "$BATS_TEST_TMPDIR/big.plan"
	assert_err "bk-plan: cannot read template '$BATS_TEST_TMPDIR/big.plan': line 3: the template makes more than 20000 plan items (days times the rules of each day): fewer days or fewer rules"
	assert_equal "$output" ""
	assert_file_not_exists "$BK_DB"
	run -1 --separate-stderr bk-plan template "$BATS_TEST_TMPDIR/big.plan"
	assert_err_partial "line 3: the template makes more than 20000 plan items"
	# the item after the 20000th names its own rule: 10 a day, day 2001
	{
		printf 'name edge\nlength 2001\n'
		for i in $(seq 10); do echo 'daily: cat-cow'; done
	} > "$BATS_TEST_TMPDIR/edge.plan"
	run -1 --separate-stderr bk-plan template "$BATS_TEST_TMPDIR/edge.plan"
	assert_err_partial "edge.plan': line 3: the template makes more"
	# exactly 20000 is fine, and so is a long weekday plan under the cap
	sed -i 's/^length 2001$/length 2000/' "$BATS_TEST_TMPDIR/edge.plan"
	run -0 --separate-stderr bk-plan template "$BATS_TEST_TMPDIR/edge.plan"
	assert_line --index 1 'length:    2000 days, 2000 sessions (7 a week), 0 tests'
	{
		printf 'name weekly\nlength 3660\n'
		for i in $(seq 38); do echo 'mon: cat-cow'; done
	} > "$BATS_TEST_TMPDIR/weekly.plan"
	run -0 --separate-stderr bk-plan template "$BATS_TEST_TMPDIR/weekly.plan"
	sed -i '$a mon: cat-cow' "$BATS_TEST_TMPDIR/weekly.plan"
	run -1 --separate-stderr bk-plan template "$BATS_TEST_TMPDIR/weekly.plan"
	assert_err_partial "weekly.plan': line 35: the template makes more"
}

@test "terminal: a template file's name with an escape sequence is shown escaped" {
	local f
	f=$(printf '%s/t\033]0;PWNED\007.plan' "$BATS_TEST_TMPDIR")
	cp "$TOP/share/backkit/templates/desk-break.plan" "$f"
	run -0 --separate-stderr bk-plan new tp --template "$f"
	assert_line --index 0 --regexp '^created plan tp from template t\\x1b\]0;PWNED\\x07: '
	[[ $output != *$'\e'* ]] || fail "an escape reached the terminal"
	run -0 bk-plan today --format table
	[[ $output != *$'\e'* ]] || fail "an escape reached the terminal"
	run -0 bk-plan list --format table
	[[ $output != *$'\e'* ]] || fail "an escape reached the terminal"
}
