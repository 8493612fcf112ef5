#!/usr/bin/env bats
# bk-log session: a guided walk through the day's plan, answered from a
# script (stdin) or in a real terminal (tmux).

load common

setup() {
	TMUX_L=""
}

teardown() {
	if [[ -n $TMUX_L ]]; then
		tmux -L "$TMUX_L" kill-server 2>/dev/null || true
	fi
}

# every row of the set log without its time: exercise, set, side, reps,
# hold, load, skipped, reason, and the planned item it is linked to as
# plan#seq (its order in the day)
rows() {
	sqlite3 -separator ' ' "$BK_DB" "SELECT e.slug, s.set_no,
		coalesce(s.side, '-'), coalesce(s.reps, '-'),
		coalesce(s.hold_s, '-'), coalesce(s.load_kg, '-'), s.skipped,
		coalesce(s.reason, '-'), coalesce((SELECT p.name || '#' || pi.seq
			FROM plan_items pi JOIN plans p ON p.id = pi.plan_id
			WHERE pi.id = s.plan_item_id AND pi.exercise_id = s.exercise_id),
			'-')
		FROM sets s JOIN exercises e ON e.id = s.exercise_id ORDER BY s.id"
}

# the statuses bk-plan today shows for the day's exercises
statuses() {
	bk-plan today --format tsv | awk -F'\t' '$5 == "exercise" { print $2, $6, $18 }'
}

# day 1 of jefferson-30 (today): the toe-touch test, then cat-cow 1x5
# hold 3s, hip-flexor-stretch 1x5 hold 10s each side, jefferson-curl 2x5
# hold 5s; the test recorded already, unless it is jefferson_test
jefferson_test() {
	bk-plan new jc --template jefferson-30 "$@" >/dev/null
}

jefferson() {
	jefferson_test "$@"
	bk-test toe-touch -20cm >/dev/null
}

# the get_ready key of the configuration
ready() {
	mkdir -p "$XDG_CONFIG_HOME/backkit"
	printf 'get_ready = %s\n' "$1" >"$XDG_CONFIG_HOME/backkit/config"
}

@test "session: every exercise done stores its planned dose, linked to its item" {
	jefferson
	run -0 --separate-stderr bash -c 'printf "done\nd\nDONE\n" | bk-log session'
	assert_equal "$stderr" ""
	assert_line --index 0 'session of Sat 2026-11-21: 3 exercises to do'
	assert_line '[1/3] Cat-Cow (cat-cow), plan jc'
	assert_line 'dose:      1x5 hold 3s'
	assert_line --partial 'cues:      On hands and knees'
	assert_line --partial 'cautions:  Stay within a comfortable range'
	assert_line 'dose:      1x5 hold 10s each side'
	assert_line 'sides:     each set on the left side, then on the right'
	assert_line --regexp '^logged cat-cow 1x5 hold 3s on 2026-11-21 at [0-2][0-9]:[0-5][0-9] for plan jc \(id 1\)$'
	assert_line --regexp '^logged hip-flexor-stretch 1x5 hold 10s each side on 2026-11-21 at .* for plan jc \(ids 2-3\)$'
	assert_line --regexp '^logged jefferson-curl 2x5 hold 5s on 2026-11-21 at .* for plan jc \(ids 4-5\)$'
	assert_line 'session of Sat 2026-11-21: 3 done, 0 partly, 0 skipped, 0 not answered'
	assert_line '  done     hip-flexor-stretch 1x5 hold 10s each side'
	refute_output --partial 'still to record'
	# no prompt and no countdown without a terminal
	refute_output --partial 'rest or quit?'
	refute_output --partial 'hold:'
	run -0 rows
	assert_output "$(printf '%s\n' \
		'cat-cow 1 - 5 3.0 - 0 - jc#2' \
		'hip-flexor-stretch 1 left 5 10.0 - 0 - jc#3' \
		'hip-flexor-stretch 1 right 5 10.0 - 0 - jc#3' \
		'jefferson-curl 1 - 5 5.0 - 0 - jc#4' \
		'jefferson-curl 2 - 5 5.0 - 0 - jc#4')"
	# each answer a journal entry of its own, every row with a time
	run -0 sqlite3 "$BK_DB" "SELECT count(*) FROM journal WHERE command = 'bk-log'; SELECT count(*) FROM sets WHERE time IS NULL;
		SELECT count(DISTINCT journal_id) FROM sets"
	assert_output "$(printf '3\n0\n3')"
	run -0 statuses
	assert_output "$(printf '%s\n' 'jc cat-cow done' 'jc hip-flexor-stretch done' 'jc jefferson-curl done')"
	# a second session finds nothing left and writes nothing
	run -0 --separate-stderr bk-log session </dev/null
	assert_output 'nothing left to do on Sat 2026-11-21: 3 done, 0 skipped'
	run -0 sqlite3 "$BK_DB" "SELECT count(*) FROM sets"
	assert_output 5
}

@test "session: skip stores one skipped row with its reason, or none" {
	jefferson
	run -0 --separate-stderr bash -c 'printf "skip knee hurts\ns\n  S   sore \033[31m back  \n" | bk-log session'
	assert_line --regexp '^skipped cat-cow on 2026-11-21 for plan jc \(id 1\)$'
	assert_line 'session of Sat 2026-11-21: 0 done, 0 partly, 3 skipped, 0 not answered'
	assert_line '  skipped  cat-cow: knee hurts'
	assert_line '  skipped  hip-flexor-stretch'
	# a reason is stored as it is, and printed escaped
	assert_line '  skipped  jefferson-curl: sore \x1b[31m back'
	refute_output --partial $'\e'
	run -0 rows
	assert_output "$(printf '%s\n' \
		'cat-cow 1 - - - - 1 knee hurts jc#2' \
		'hip-flexor-stretch 1 - - - - 1 - jc#3' \
		"jefferson-curl 1 - - - - 1 sore "$'\e'"[31m back jc#4")"
	run -0 statuses
	assert_output "$(printf '%s\n' 'jc cat-cow skipped' 'jc hip-flexor-stretch skipped' 'jc jefferson-curl skipped')"
	run -0 bk-log session </dev/null
	assert_output 'nothing left to do on Sat 2026-11-21: 0 done, 3 skipped'
}

@test "session: partly counts sets, or the reps of a one-set dose, or takes a SPEC" {
	jefferson
	run -0 --separate-stderr bash -c 'printf "partly 3\np 1x2@2kg\nPartly 1\n" | bk-log session'
	assert_equal "$stderr" ""
	assert_line --regexp '^logged cat-cow 1x3 hold 3s on .* for plan jc \(id 1\)$'
	assert_line --regexp '^logged hip-flexor-stretch 1x2 hold 10s @2kg each side on .* \(ids 2-3\)$'
	assert_line --regexp '^logged jefferson-curl 1x5 hold 5s on .* \(id 4\)$'
	assert_line 'session of Sat 2026-11-21: 0 done, 3 partly, 0 skipped, 0 not answered'
	assert_line '  partly   jefferson-curl 1x5 hold 5s'
	run -0 rows
	assert_output "$(printf '%s\n' \
		'cat-cow 1 - 3 3.0 - 0 - jc#2' \
		'hip-flexor-stretch 1 left 2 10.0 2.0 0 - jc#3' \
		'hip-flexor-stretch 1 right 2 10.0 2.0 0 - jc#3' \
		'jefferson-curl 1 - 5 5.0 - 0 - jc#4')"
	# less than planned is partly everywhere: 3 of 5 reps, 2 of 5 reps
	# on each side, 1 of 2 sets
	run -0 statuses
	assert_output "$(printf '%s\n' 'jc cat-cow partly' 'jc hip-flexor-stretch partly' 'jc jefferson-curl partly')"
	# the curls have a set left: the next session asks for that set only
	run -0 --separate-stderr bash -c 'printf "done\ndone\ndone\n" | bk-log session'
	assert_line --index 0 'session of Sat 2026-11-21: 3 exercises to do'
	assert_line '[3/3] Jefferson Curl (jefferson-curl), plan jc'
	assert_line 'dose:      1x5 hold 5s'
	assert_line --regexp '^logged jefferson-curl 1x5 hold 5s on .* \(id 8\)$'
	run -0 sqlite3 "$BK_DB" "SELECT set_no, plan_item_id IS NOT NULL FROM sets WHERE id = 8"
	assert_output '1|1'
	run -0 statuses
	assert_output "$(printf '%s\n' 'jc cat-cow done' 'jc hip-flexor-stretch done' 'jc jefferson-curl done')"
}

@test "session: quit or the end of the input keeps the answers so far, and nothing more" {
	jefferson
	run -0 --separate-stderr bash -c 'printf "done\nquit\ndone\n" | bk-log session'
	assert_equal "$stderr" ""
	assert_line 'session of Sat 2026-11-21: 1 done, 0 partly, 0 skipped, 2 not answered'
	assert_line '  done     cat-cow 1x5 hold 3s'
	assert_line '  to do    hip-flexor-stretch'
	assert_line '  to do    jefferson-curl'
	refute_line --partial 'logged hip-flexor-stretch'
	run -0 rows
	assert_output 'cat-cow 1 - 5 3.0 - 0 - jc#2'
	run -0 sqlite3 "$BK_DB" "SELECT count(*) FROM journal WHERE command = 'bk-log'"
	assert_output 1
	# the end of the input is a quit: the next session goes on from there
	run -0 --separate-stderr bash -c 'printf "q\n" | bk-log session'
	assert_line --index 0 'session of Sat 2026-11-21: 2 exercises to do (1 done, 0 skipped before)'
	run -0 --separate-stderr bash -c 'printf "\n\nskip\n" | bk-log session'
	assert_line 'session of Sat 2026-11-21: 0 done, 0 partly, 1 skipped, 1 not answered'
	run -0 --separate-stderr bk-log session </dev/null
	assert_line 'session of Sat 2026-11-21: 0 done, 0 partly, 0 skipped, 1 not answered'
	run -0 rows
	assert_output "$(printf '%s\n' 'cat-cow 1 - 5 3.0 - 0 - jc#2' 'hip-flexor-stretch 1 - - - - 1 - jc#3')"
}

@test "session: undo after a session takes back the last answer, then the one before" {
	jefferson
	run -0 bash -c 'printf "done\nskip tired\ndone\n" | bk-log session'
	run -0 --separate-stderr bk-log undo
	assert_output 'undid bk-log: log jefferson-curl 2x5 hold 5s on 2026-11-21 (2 rows)'
	run -0 rows
	assert_output "$(printf '%s\n' 'cat-cow 1 - 5 3.0 - 0 - jc#2' 'hip-flexor-stretch 1 - - - - 1 tired jc#3')"
	run -0 bk-log undo
	assert_output 'undid bk-log: skip hip-flexor-stretch on 2026-11-21'
	run -0 rows
	assert_output 'cat-cow 1 - 5 3.0 - 0 - jc#2'
	# what was undone is due again
	run -0 bash -c 'printf "q\n" | bk-log session'
	assert_line --index 0 'session of Sat 2026-11-21: 2 exercises to do (1 done, 0 skipped before)'
}

@test "session: nothing due says so, exits 0 and creates no store" {
	run -0 --separate-stderr bk-log session </dev/null
	assert_output 'nothing due on Sat 2026-11-21'
	assert_equal "$stderr" ""
	assert_file_not_exists "$BK_DB"
	# a plan with nothing today (a Saturday)
	bk-plan new weekdays --on mon,wed >/dev/null
	bk-plan add weekdays band-row 3x10 >/dev/null
	run -0 bk-log session </dev/null
	assert_output 'nothing due on Sat 2026-11-21'
	# the rest day of jefferson-30 (day 7)
	jefferson --start 2026-11-15
	run -0 bk-plan today --format csv
	assert_line --partial ',rest,'
	run -0 bk-log session jc </dev/null
	assert_output 'nothing due on Sat 2026-11-21'
	run -0 sqlite3 "$BK_DB" "SELECT count(*) FROM sets; SELECT count(*) FROM journal WHERE command = 'bk-log'"
	assert_output "$(printf '0\n0')"
}

@test "session: a bad answer in a script names its line, keeps what came before, exit 2" {
	jefferson
	run -2 --separate-stderr bash -c 'printf "done\ndun\ndone\n" | bk-log session'
	assert_err "bk-log: invalid answer 'dun' on line 2: not an answer (one of: done, skip [REASON], partly N, rest, quit, help)"
	assert_line 'session of Sat 2026-11-21: 1 done, 0 partly, 0 skipped, 2 not answered'
	run -0 rows
	assert_output 'cat-cow 1 - 5 3.0 - 0 - jc#2'
	# blank lines count as lines; a partly must fit the dose
	local answers=(
		'\npartly 5' "'partly 5' on line 2: 5 is not fewer than the 5 reps planned (answer done)"
		'p 4\np 2' "'p 2' on line 2: 2 is not fewer than the 2 sets planned (answer done)"
		'partly 0' "'partly 0' on line 1: nothing done is a skip (answer skip)"
		'partly' "'partly' on line 1: partly needs what was done (partly N, or a SPEC such as 1x6)"
		'p 3x' "'p 3x' on line 1: missing reps or time after 'x'"
		'done now' "'done now' on line 1: nothing may follow this answer"
		'\033]0;x\007' "'\\x1b]0;x\\x07' on line 1: not an answer (one of: done, skip [REASON], partly N, rest, quit, help)"
	)
	local pair
	for ((pair = 0; pair < ${#answers[@]}; pair += 2)); do
		run -2 --separate-stderr bash -c 'printf "$1\n" | bk-log session' _ "${answers[pair]}"
		assert_err "bk-log: invalid answer ${answers[pair + 1]}"
	done
	run -0 rows
	assert_output "$(printf '%s\n' 'cat-cow 1 - 5 3.0 - 0 - jc#2' \
		'hip-flexor-stretch 1 left 4 10.0 - 0 - jc#3' \
		'hip-flexor-stretch 1 right 4 10.0 - 0 - jc#3')"
}

@test "session: help and rest answers ask again; rest without a timer only says how long" {
	bk-plan new t >/dev/null
	bk-plan add t band-row 3x10 >/dev/null
	run -0 --separate-stderr bash -c 'printf "?\nrest\nhelp\nd\n" | bk-log session'
	assert_line 'answers (one a line; the first letter is enough):'
	assert_line '  quit            stop here; every answer so far is kept'
	assert_line 'rest 1m (no timer)'
	assert_line 'rest:      1m between sets'
	assert_line --regexp '^logged band-row 3x10 on .* for plan t \(ids 1-3\)$'
	run -0 rows
	assert_output --regexp "^band-row 1 - 10 - - 0 - t#[0-9]+
band-row 2 - 10 - - 0 - t#[0-9]+
band-row 3 - 10 - - 0 - t#[0-9]+$"
}

@test "session: PLAN takes one plan; an exercise in two plans links to each plan's item" {
	jefferson
	bk-plan new nb --template neck-upper-back >/dev/null
	run -0 --separate-stderr bash -c 'printf "q\n" | bk-log session nb'
	assert_line --index 0 'session of Sat 2026-11-21: 10 exercises to do'
	assert_line '[1/10] Neck Roll (neck-roll), plan nb'
	run -2 --separate-stderr bk-log session jx </dev/null
	assert_err "bk-log: unknown plan 'jx' (did you mean jc?)"
	assert_equal "$output" ""
	run -2 --separate-stderr bk-log session jc nb </dev/null
	assert_err "bk-log: unexpected argument 'nb'"
	# both plans, in bk-plan today's order: jc's three, then nb's ten,
	# cat-cow in each
	run -0 --separate-stderr bash -c 'printf "d\nd\nd\nd\nd\nd\nd\nd\nd\nd\nd\nd\nd\n" | bk-log session'
	assert_line --index 0 'session of Sat 2026-11-21: 13 exercises to do'
	assert_line '[4/13] Neck Roll (neck-roll), plan nb'
	assert_line '[9/13] Cat-Cow (cat-cow), plan nb'
	assert_line 'session of Sat 2026-11-21: 13 done, 0 partly, 0 skipped, 0 not answered'
	run -0 sqlite3 "$BK_DB" "SELECT p.name, pi.seq FROM sets s JOIN plan_items pi ON pi.id = s.plan_item_id
		JOIN plans p ON p.id = pi.plan_id JOIN exercises e ON e.id = s.exercise_id
		WHERE e.slug = 'cat-cow' ORDER BY s.id"
	assert_output "$(printf '%s\n' 'jc|2' 'nb|6')"
	run -0 sqlite3 "$BK_DB" "SELECT count(*) FROM sets WHERE plan_item_id IS NULL"
	assert_output 0
	run -0 statuses
	refute_output --regexp ' (due|partly)$'
}

@test "session: a plan's warm-up phase comes before the other plans' work" {
	bk-plan new a-strength >/dev/null
	bk-plan add a-strength band-row 3x10 >/dev/null
	cat >"$BATS_TEST_TMPDIR/loose.plan" <<-'EOF'
		summary a warm-up phase only
		length 10
		phase warm-up
		daily: neck-roll
		daily: arm-circles
	EOF
	bk-plan new b-loose --template "$BATS_TEST_TMPDIR/loose.plan" >/dev/null
	run -0 bk-plan today --format tsv
	assert_line --index 1 --partial $'a-strength\t'
	run -0 bash -c 'printf "d\nd\nd\n" | bk-log session'
	assert_line '[1/3] Neck Roll (neck-roll), plan b-loose'
	assert_line '[2/3] Arm Circles (arm-circles), plan b-loose'
	assert_line '[3/3] Band Row (band-row), plan a-strength'
	run -0 rows
	assert_output --regexp "^neck-roll 1 - 3 2.0 - 0 - b-loose#1
arm-circles 1 - 20 - - 0 - b-loose#2
band-row 1 - 10 - - 0 - a-strength#[0-9]+
band-row 2 - 10 - - 0 - a-strength#[0-9]+
band-row 3 - 10 - - 0 - a-strength#[0-9]+$"
}

@test "session: SIGTERM in a countdown keeps the answers so far and ends by the signal" {
	bk-plan new t >/dev/null
	bk-plan add t band-row 3x10 >/dev/null
	bk-plan add t door-frame-hinge 1x5m >/dev/null
	local f=$BATS_TEST_TMPDIR/answers out=$BATS_TEST_TMPDIR/out pid i status w
	mkfifo "$f"
	bk-log session --timer <"$f" >"$out" 2>&1 &
	pid=$!
	# the writing end stays open: no end of input
	exec {w}>"$f"
	printf 'done\n' >&"$w"
	for ((i = 0; i < 600; i++)); do
		grep -q '^set 1 of 1: hold 5m$' "$out" && break
		sleep 0.1
	done
	kill -TERM "$pid"
	status=0
	wait "$pid" || status=$?
	exec {w}>&-
	assert_equal "$status" 143
	run cat "$out"
	assert_line 'interrupted'
	assert_line 'session of Sat 2026-11-21: 1 done, 0 partly, 0 skipped, 1 not answered'
	assert_line '  to do    door-frame-hinge'
	run -0 rows
	assert_output --regexp "^band-row 1 - 10 - - 0 - t#[0-9]+
band-row 2 - 10 - - 0 - t#[0-9]+
band-row 3 - 10 - - 0 - t#[0-9]+$"
}

@test "session: --date walks an earlier day's plan; its rows have no time" {
	jefferson_test --start 2026-11-20
	run -0 --separate-stderr bash -c 'printf "shins knees\nd\ns\n" | bk-log session --date yesterday'
	assert_line --index 0 'session of Fri 2026-11-20: 3 exercises and 1 test to do'
	assert_line 'toe-touch on 2026-11-20: best shins of 2 tries (ids 1-2)'
	assert_line --regexp '^logged cat-cow 1x5 hold 3s on 2026-11-20 for plan jc \(id 1\)$'
	run -0 sqlite3 "$BK_DB" "SELECT date, coalesce(time, '-'), plan_item_id IS NOT NULL FROM sets ORDER BY id"
	assert_output "$(printf '%s\n' '2026-11-20|-|1' '2026-11-20|-|1')"
	run -0 sqlite3 "$BK_DB" "SELECT date, try, level FROM measurements ORDER BY id"
	assert_output "$(printf '%s\n' '2026-11-20|1|shins' '2026-11-20|2|knees')"
	run -2 --separate-stderr bk-log session --date tomorrow </dev/null
	assert_err "bk-log: invalid date 'tomorrow': it is after today"
}

@test "session: a plan done twice a day comes back until both times are logged" {
	bk-plan new twice --times 2 >/dev/null
	bk-plan add twice band-row 2x10 >/dev/null
	run -0 bash -c 'printf "d\n" | bk-log session'
	assert_line --regexp '^logged band-row 2x10 on .* \(ids 1-2\)$'
	run -0 statuses
	assert_output 'twice band-row partly'
	run -0 bash -c 'printf "d\n" | bk-log session'
	assert_line --index 0 'session of Sat 2026-11-21: 1 exercise to do'
	assert_line --regexp '^logged band-row 2x10 on .* \(ids 3-4\)$'
	run -0 statuses
	assert_output 'twice band-row done'
	run -0 bk-log session </dev/null
	assert_output 'nothing left to do on Sat 2026-11-21: 1 done, 0 skipped'
}

@test "session: timers from a script run only with --timer, without terminal codes" {
	bk-plan new t >/dev/null
	bk-plan add t passive-hang '2x1s rest 1s' >/dev/null
	bk-plan add t shoulder-pushdown-neck-stretch '1x1s each side' >/dev/null
	run -0 --separate-stderr bash -c 'printf "d\nd\n" | bk-log session'
	refute_output --partial 'hold:'
	refute_output --partial 'set 1 of'
	run -0 bk-log undo
	run -0 bk-log undo
	ready 1s
	run -0 --separate-stderr bash -c 'printf "d\nd\n" | bk-log session --timer'
	assert_equal "$stderr" ""
	assert_output --partial "$(printf '%s\n' 'set 1 of 2: hold 1s' '  get ready: 1' '  hold: time' \
		'  rest: time' 'set 2 of 2: hold 1s' '  get ready: 1' '  hold: time')"
	assert_output --partial "$(printf '%s\n' 'set 1 of 1, left side: hold 1s' '  get ready: 1' \
		'  hold: time' 'switch to the right side' 'set 1 of 1, right side: hold 1s' \
		'  get ready: 1' '  hold: time')"
	refute_output --partial $'\r'
	refute_output --partial $'\a'
	refute_output --partial $'\e'
	run -0 rows
	assert_output --regexp "^passive-hang 1 - - 1.0 - 0 - t#[0-9]+
passive-hang 2 - - 1.0 - 0 - t#[0-9]+
shoulder-pushdown-neck-stretch 1 left - 1.0 - 0 - t#[0-9]+
shoulder-pushdown-neck-stretch 1 right - 1.0 - 0 - t#[0-9]+$"
	# one or the other
	run -2 --separate-stderr bk-log session --timer --no-timer </dev/null
	assert_err 'bk-log: --timer and --no-timer do not go together'
}

@test "session: options that do not apply are refused" {
	run -2 --separate-stderr bk-log session --note x
	assert_err "bk-log: option --note does not apply to 'session'"
	run -2 --separate-stderr bk-log cat-cow --no-timer
	assert_err "bk-log: option --no-timer does not apply to 'log'"
	run -2 --separate-stderr bk-log skip cat-cow --timer
	assert_err "bk-log: option --timer does not apply to 'skip'"
	run -0 bk-log --help
	assert_output --partial 'bk-log session [PLAN] [--date D] [--no-timer | --timer]'
	assert_file_not_exists "$BK_DB"
}

@test "completions: session completes plan names and its options" {
	bk-plan new morning >/dev/null
	run -0 bash -c "source '$TOP/completions/bk-log.bash'
		COMP_WORDS=(bk-log sess); COMP_CWORD=1; _bk_log; echo \"\${COMPREPLY[*]}\"
		COMP_WORDS=(bk-log session mo); COMP_CWORD=2; _bk_log; echo \"\${COMPREPLY[*]}\"
		COMP_WORDS=(bk-log session --no); COMP_CWORD=2; _bk_log; echo \"\${COMPREPLY[*]}\"
		COMP_WORDS=(bk-log session --ti); COMP_CWORD=2; _bk_log; echo \"\${COMPREPLY[*]}\""
	assert_line --index 0 'session'
	assert_line --index 1 'morning'
	assert_line --index 2 '--no-timer'
	assert_line --index 3 '--timer'
}

# --- in a real terminal ------------------------------------------------

# start an 80x24 tmux pane (private server) running bk-log session with
# the given arguments; its raw output goes to $D/raw, its exit status to
# $D/status and the terminal modes before and after to $D/stty.*
pane_session() {
	D=$BATS_TEST_TMPDIR
	TMUX_L="bk-session-$$-$BATS_TEST_NUMBER"
	cat >"$D/run.sh" <<-EOF
		trap : INT
		for i in \$(seq 600); do [ -e '$D/go' ] && break; sleep 0.1; done
		stty -g >'$D/stty.before'
		$*
		echo \$? >'$D/status.new'
		stty -g >'$D/stty.after'
		mv '$D/status.new' '$D/status'
		exec sleep 600
	EOF
	unset TMUX
	tmux -L "$TMUX_L" -f /dev/null new-session -d -x 80 -y 24 "bash '$D/run.sh'"
	tmux -L "$TMUX_L" pipe-pane -O "cat >'$D/raw'"
	touch "$D/go"
}

# the whole pane, history included
pane() {
	tmux -L "$TMUX_L" capture-pane -p -S - 2>/dev/null
}

# wait (60 s at most) until the pane shows count (1) lines matching the
# extended regexp
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
	fail "the session never ended:
$(pane)"
}

keys() {
	tmux -L "$TMUX_L" send-keys "$@"
}

@test "terminal: countdowns and prompts in tmux; Ctrl-C keeps the answers and a sane terminal" {
	bk-plan new t >/dev/null
	bk-plan add t passive-hang '2x20s rest 20s' >/dev/null
	bk-plan add t band-row 3x10 >/dev/null
	bk-plan add t seated-back-clasp '1x5m' >/dev/null
	pane_session bk-log session
	wait_pane '^\[1/3\] Passive Hang \(passive-hang\), plan t$'
	wait_pane '^Enter starts the timer, s skips it, q quits:'
	keys Enter
	# the countdown on its line, then Enter or space ends it early
	wait_pane '^set 1 of 2: hold 20s$'
	wait_pane '^  hold: [0-9]+s left'
	keys Space
	wait_pane '^  rest: ([0-9]+s left|time)'
	keys Space
	wait_pane '^set 2 of 2: hold 20s$'
	keys Space
	wait_pane '^done, skip \[REASON\], partly N \(sets done\), rest or quit\?'
	keys -l 'done'
	keys Enter
	wait_pane '^logged passive-hang 2x20s on 2026-11-21 at [0-9:]+ for plan t \(ids 1-2\)$'
	# sets of reps wait for the answer; a bad one is asked again
	wait_pane '^\[2/3\] Band Row \(band-row\), plan t$'
	wait_pane 'rest or quit\?' 2
	keys -l 'nope'
	keys Enter
	wait_pane "^invalid answer 'nope': not an answer"
	wait_pane 'rest or quit\?' 3
	keys -l 'skip'
	keys Enter
	wait_pane '^reason \(Enter for none\)\?'
	keys -l 'sore wrist'
	keys Enter
	wait_pane '^skipped band-row on 2026-11-21 for plan t \(id 3\)$'
	# Ctrl-C in the middle of a countdown
	wait_pane '^\[3/3\] Seated Arm Clasp Behind Back \(seated-back-clasp\)'
	wait_pane '^Enter starts the timer' 2
	keys Enter
	wait_pane '^  hold: [0-9m]+s? left'
	keys C-c
	wait_status
	run cat "$D/status"
	assert_output 130
	wait_pane '^interrupted$'
	wait_pane '^session of Sat 2026-11-21: 1 done, 0 partly, 1 skipped, 1 not answered$'
	wait_pane '^  to do    seated-back-clasp$'
	# the terminal is as it was
	assert_equal "$(cat "$D/stty.after")" "$(cat "$D/stty.before")"
	run -0 rows
	assert_output --regexp "^passive-hang 1 - - 20.0 - 0 - t#[0-9]+
passive-hang 2 - - 20.0 - 0 - t#[0-9]+
band-row 1 - - - - 1 sore wrist t#[0-9]+$"
	# the countdown is in colour on a terminal, with a bell at its end
	grep -q $'\e\\[1;33m' "$D/raw"
	grep -q $'\a' "$D/raw"
}

@test "terminal: NO_COLOR leaves the colours out; q quits from the timer" {
	bk-plan new t >/dev/null
	bk-plan add t passive-hang '1x2s' >/dev/null
	bk-plan add t door-frame-hinge '1x30s' >/dev/null
	pane_session NO_COLOR=1 bk-log session
	wait_pane '^Enter starts the timer'
	keys Enter
	wait_pane '^  hold: time'
	wait_pane 'partly N \(seconds done\), rest or quit\?'
	keys -l 'p 1'
	keys Enter
	wait_pane '^logged passive-hang 1x1s on 2026-11-21'
	wait_pane '^Enter starts the timer' 2
	keys q
	wait_status
	run cat "$D/status"
	assert_output 0
	wait_pane '^session of Sat 2026-11-21: 0 done, 1 partly, 0 skipped, 1 not answered$'
	assert_equal "$(cat "$D/stty.after")" "$(cat "$D/stty.before")"
	run grep -c $'\e\\[[0-9;]*m' "$D/raw"
	assert_output 0
	run -0 rows
	assert_output --regexp '^passive-hang 1 - - 1.0 - 0 - t#[0-9]+$'
}

@test "session: a test due is asked for and recorded as bk-test records it, undoable" {
	jefferson_test
	run -0 --separate-stderr bash -c 'printf -- "-14 -12cm -13\nd\nd\nd\n" | bk-log session'
	assert_equal "$stderr" ""
	assert_line --index 0 'session of Sat 2026-11-21: 3 exercises and 1 test to do'
	assert_line '[1/4] Toe-Touch Test, plan jc'
	assert_line --regexp '^how: +stand with your feet together'
	assert_line 'toe-touch on 2026-11-21: best -12 cm of 3 tries (ids 1-3)'
	assert_line '[2/4] Cat-Cow (cat-cow), plan jc'
	assert_line 'session of Sat 2026-11-21: 4 done, 0 partly, 0 skipped, 0 not answered'
	assert_line '  done     toe-touch test: best -12 cm of 3 tries'
	refute_output --partial 'still to record'
	run -0 bk-test list --format csv
	assert_line --index 1 --regexp '^1,2026-11-21,toe-touch,1,-14,cm,-14,,,,0,$'
	assert_line --index 2 --regexp '^2,2026-11-21,toe-touch,2,-12,cm,-12,,,,1,$'
	run -0 bk-test progress toe-touch --format csv
	assert_output --partial '-12'
	# a journal entry of bk-test of its own, as bk-test toe-touch makes
	run -0 sqlite3 "$BK_DB" "SELECT command, summary FROM journal ORDER BY id"
	assert_line 'bk-test|toe-touch on 2026-11-21: best -12 cm of 3 tries'
	run -0 bk-plan today --format tsv
	assert_line --regexp $'\ttoe-touch\t.*\tdone\t'
	# the session after it has no test to ask
	run -0 bk-log session </dev/null
	assert_output 'nothing left to do on Sat 2026-11-21: 3 done, 0 skipped'
	run -0 bk-log undo
	run -0 bk-log undo
	run -0 bk-log undo
	run -0 bk-log undo
	assert_output 'undid bk-test: toe-touch on 2026-11-21: best -12 cm of 3 tries'
	run -0 sqlite3 "$BK_DB" "SELECT count(*) FROM measurements"
	assert_output 0
}

@test "session: a test skipped or not answered stays to record; a bad result is asked again or ends a script" {
	jefferson_test
	run -0 --separate-stderr bash -c 'printf "skip no tape\nd\nq\n" | bk-log session'
	assert_line 'the test stays to record'
	assert_line 'session of Sat 2026-11-21: 1 done, 0 partly, 1 skipped, 2 not answered'
	assert_line '  skipped  toe-touch test (not recorded): no tape'
	assert_line "still to record: the toe-touch test of plan jc ('bk-test toe-touch')"
	run -0 sqlite3 "$BK_DB" "SELECT count(*) FROM measurements"
	assert_output 0
	local answers=(
		'12' "'12' on line 1: invalid reach '12': is that 12 cm short of the floor (-12) or past it (+12)?"
		'-12 shins' "'-12 shins' on line 1: invalid reach 'shins': one test is all distances or all level words"
		'done' "'done' on line 1: a test is answered with what was measured (or skip, quit, help)"
		'partly 2' "'partly 2' on line 1: a test is answered with what was measured (or skip, quit, help)"
		'\n-1 -2 -3 -4 -5 -6 -7 -8 -9 -10 -11' "'-1 -2 -3 -4 -5 -6 -7 -8 -9 -10 -11' on line 2: too many tries '-11' (at most 10)"
		'shnis' "'shnis' on line 1: invalid reach 'shnis': unknown level word (did you mean shins?)"
		'\033[31m' "'\\x1b[31m' on line 1: not a result nor an answer (the result, or one of: skip, quit, help)"
		'-3\033[31m' "'-3\\x1b[31m' on line 1: invalid reach '-3\\x1b[31m': not a distance like -12cm or -5in, nor a level word (knees, shins, ankles, toes, floor, knuckles, palms)"
	)
	local pair
	for ((pair = 0; pair < ${#answers[@]}; pair += 2)); do
		run -2 --separate-stderr bash -c 'printf -- "$1\nd\n" | bk-log session' _ "${answers[pair]}"
		assert_err "bk-log: invalid answer ${answers[pair + 1]}"
		refute_output --partial $'\e'
	done
	run -0 sqlite3 "$BK_DB" "SELECT count(*) FROM measurements; SELECT count(*) FROM journal WHERE command = 'bk-test'"
	assert_output "$(printf '0\n0')"
	# help, then the result
	run -0 --separate-stderr bash -c 'printf "?\nfloor\n" | bk-log session'
	assert_line 'answers to a test (one a line):'
	assert_line 'toe-touch on 2026-11-21: floor (id 1)'
}

@test "session: a pain rating the plan asks for is recorded, with a region or none" {
	bk-plan new ubr --template upper-back-relief >/dev/null
	run -0 --separate-stderr bash -c 'printf "3 upper-back\nq\n" | bk-log session'
	assert_equal "$stderr" ""
	assert_line --index 0 'session of Sat 2026-11-21: 15 exercises and 1 test to do'
	assert_line '[1/16] Pain Rating, plan ubr'
	assert_line 'pain on 2026-11-21: 3/10, upper-back (id 1)'
	assert_line '  done     pain rating: 3/10, upper-back'
	run -0 bk-test list --kind pain --format csv
	assert_line --index 1 --regexp '^1,2026-11-21,pain,1,3,,,,,upper-back,1,$'
	run -0 bk-log undo
	local answers=(
		'11' "'11' on line 1: invalid pain rating '11' (a whole number from 0 to 10)"
		'3 back' "'3 back' on line 1: invalid region 'back' (one of: neck, shoulders, upper-back, mid-back, lower-back, hips, hamstrings, core, pelvic-floor)"
		'3 neck hips' "'3 neck hips' on line 1: one rating and at most one region, not 'hips'"
	)
	local pair
	for ((pair = 0; pair < ${#answers[@]}; pair += 2)); do
		run -2 --separate-stderr bash -c 'printf "$1\n" | bk-log session' _ "${answers[pair]}"
		assert_err "bk-log: invalid answer ${answers[pair + 1]}"
	done
	# a rating of 7 or more says what to do, as bk-test pain does
	run -0 --separate-stderr bash -c 'printf "8\nq\n" | bk-log session'
	assert_line 'pain on 2026-11-21: 8/10 (id 2)'
	assert_line 'A rating of 7 or more: stop the exercises that hurt and see a health professional.'
	run -0 sqlite3 "$BK_DB" "SELECT value, coalesce(region, '-') FROM measurements"
	assert_output '8.0|-'
}

@test "session: a test two plans ask for is asked once" {
	jefferson_test
	bk-plan new bm --template back-mobility >/dev/null
	run -0 bk-plan today --format tsv
	assert_equal "$(grep -c $'\ttoe-touch\t' <<<"$output")" 2
	run -0 --separate-stderr bash -c 'printf -- "-5\nq\n" | bk-log session'
	assert_line --regexp '^session of Sat 2026-11-21: [0-9]+ exercises and 1 test to do$'
	assert_line 'toe-touch on 2026-11-21: -5 cm (id 1)'
	run -0 bk-plan today --format tsv
	assert_equal "$(grep $'\ttoe-touch\t' <<<"$output" | grep -c $'\tdone\t')" 2
}

@test "session: quit or the end of the input after the timers keeps what they held" {
	bk-plan new t >/dev/null
	bk-plan add t passive-hang '2x1s' >/dev/null
	ready 0
	run -0 --separate-stderr bash -c 'printf "q\n" | bk-log session --timer'
	assert_line 'kept what the timers counted: all of it, as done'
	assert_line --regexp '^logged passive-hang 2x1s on 2026-11-21 at [0-9:]+ for plan t \(ids 1-2\)$'
	assert_line 'session of Sat 2026-11-21: 1 done, 0 partly, 0 skipped, 0 not answered'
	run -0 bk-log undo
	# without the timers nothing was held
	run -0 --separate-stderr bash -c 'printf "q\n" | bk-log session'
	refute_output --partial 'kept'
	run -0 sqlite3 "$BK_DB" "SELECT count(*) FROM sets"
	assert_output 0
}

@test "terminal: a lead-in before each hold, holds timed rep by rep, a prompt to switch sides" {
	bk-plan new t >/dev/null
	bk-plan add t hip-flexor-stretch '1x2 hold 1s each side' >/dev/null
	ready 1s
	pane_session bk-log session
	wait_pane '^\[1/1\] Hip Flexor Stretch \(hip-flexor-stretch\), plan t$'
	wait_pane '^Enter starts the timer'
	keys Enter
	wait_pane '^rep 1 of 2, left side: hold 1s$'
	wait_pane '^  get ready: 1$'
	wait_pane '^rep 2 of 2, left side: hold 1s$'
	wait_pane '^  hold: time' 2
	wait_pane '^switch to the right side, then Enter \(q quits\):'
	keys Enter
	wait_pane '^rep 1 of 2, right side: hold 1s$'
	wait_pane '^rep 2 of 2, right side: hold 1s$'
	wait_pane '^  hold: time' 4
	wait_pane '^  get ready: 1$' 4
	wait_pane 'partly N \(reps done\), rest or quit\?'
	keys -l 'done'
	keys Enter
	wait_status
	run cat "$D/status"
	assert_output 0
	wait_pane '^logged hip-flexor-stretch 1x2 hold 1s each side on 2026-11-21'
	run -0 rows
	assert_output --regexp "^hip-flexor-stretch 1 left 2 1.0 - 0 - t#[0-9]+
hip-flexor-stretch 1 right 2 1.0 - 0 - t#[0-9]+$"
	# every line of the timers (each redraw of a countdown too) fits the
	# pane; the confirmation is bk-log's own, as long as it needs
	run -0 bash -c "tr '\r' '\n' <'$D/raw' | sed 's/\x1b\[[0-9;]*m//g' | grep -v '^logged ' | awk 'length > 80'"
	assert_output ''
	grep -q '^  get ready: 1' "$D/raw"
	assert_equal "$(cat "$D/stty.after")" "$(cat "$D/stty.before")"
}

@test "terminal: get_ready 0 leaves the lead-in out" {
	bk-plan new t >/dev/null
	bk-plan add t passive-hang '1x1s' >/dev/null
	ready 0
	pane_session bk-log session
	wait_pane '^Enter starts the timer'
	keys Enter
	wait_pane '^set 1 of 1: hold 1s$'
	wait_pane '^  hold: time'
	wait_pane 'rest or quit\?'
	keys -l 'd'
	keys Enter
	wait_status
	run pane
	refute_output --partial 'get ready'
	# the default is a lead-in of 5 seconds
	rm "$XDG_CONFIG_HOME/backkit/config"
	run -0 bk-log undo
	tmux -L "$TMUX_L" kill-server
	rm -f "$D/status" "$D/go"
	pane_session bk-log session
	wait_pane '^Enter starts the timer'
	keys Enter
	wait_pane '^  get ready: 5 4'
	# space ends the lead-in early
	keys Space
	wait_pane '^  hold: time'
	wait_pane 'rest or quit\?'
	keys q Enter
	wait_status
	# a terminal too narrow for every number: one redrawn in place
	run -0 bk-log undo
	ready 20s
	tmux -L "$TMUX_L" kill-server
	rm -f "$D/status" "$D/go" "$D/raw"
	pane_session COLUMNS=24 bk-log session
	wait_pane '^Enter starts the timer'
	keys Enter
	wait_pane '^  get ready: 1[0-8]$'
	keys Space
	wait_pane '^  hold: time'
	run -0 bash -c "tr '\r' '\n' <'$D/raw' | grep -c '^  get ready: '"
	((output >= 2))
	run -0 bash -c "tr '\r' '\n' <'$D/raw' | grep '^  get ready:' | awk 'length > 24'"
	assert_output ''
}

@test "terminal: a test asked in the session is recorded; a bad result is asked again" {
	jefferson_test
	pane_session bk-log session
	wait_pane '^session of Sat 2026-11-21: 3 exercises and 1 test to do$'
	wait_pane '^\[1/4\] Toe-Touch Test, plan jc$'
	wait_pane '^reach of each try \(as -12cm -10cm, or shins\), skip or quit\?'
	keys -l '12'
	keys Enter
	wait_pane "^invalid answer '12': invalid reach '12': is that 12 cm short of the floor"
	wait_pane '^reach of each try' 2
	keys -l -- '-14 -12cm -13'
	keys Enter
	wait_pane '^toe-touch on 2026-11-21: best -12 cm of 3 tries \(ids 1-3\)$'
	wait_pane '^\[2/4\] Cat-Cow \(cat-cow\), plan jc$'
	wait_pane '^Enter starts the timer'
	keys q
	wait_status
	run cat "$D/status"
	assert_output 0
	wait_pane '^  done     toe-touch test: best -12 cm of 3 tries$'
	run -0 bk-test list --format csv
	assert_line --index 2 --regexp '^2,2026-11-21,toe-touch,2,-12,cm,-12,,,,1,$'
	run -0 bk-plan today --format tsv
	assert_line --regexp $'\ttoe-touch\t.*\tdone\t'
}

@test "terminal: Ctrl-C after timed set 1 of 2 keeps set 1 as partly done, one undoable entry" {
	bk-plan new t >/dev/null
	bk-plan add t passive-hang '2x1s rest 10m' >/dev/null
	bk-plan add t band-row 3x10 >/dev/null
	ready 1s
	pane_session bk-log session
	wait_pane '^Enter starts the timer'
	keys Enter
	wait_pane '^set 1 of 2: hold 1s$'
	wait_pane '^  rest: [0-9m]+s? left'
	keys C-c
	wait_status
	run cat "$D/status"
	assert_output 130
	wait_pane '^kept what the timers counted: 1 of 2 sets, as partly done$'
	wait_pane '^logged passive-hang 1x1s on 2026-11-21 at [0-9:]+ for plan t \(id 1\)$'
	wait_pane '^interrupted$'
	wait_pane '^session of Sat 2026-11-21: 0 done, 1 partly, 0 skipped, 1 not answered$'
	wait_pane '^  partly   passive-hang 1x1s$'
	assert_equal "$(cat "$D/stty.after")" "$(cat "$D/stty.before")"
	run -0 rows
	assert_output --regexp '^passive-hang 1 - - 1.0 - 0 - t#[0-9]+$'
	run -0 statuses
	assert_output "$(printf '%s\n' 't passive-hang partly' 't band-row due')"
	run -0 bk-stats adherence --format csv
	assert_line --index 1 --regexp ',t,2,0,0,0,1$'
	run -0 sqlite3 "$BK_DB" "SELECT count(*) FROM journal WHERE command = 'bk-log'"
	assert_output 1
	run -0 bk-log undo
	assert_output 'undid bk-log: log passive-hang 1x1s on 2026-11-21 (1 row)'
	run -0 sqlite3 "$BK_DB" "SELECT count(*) FROM sets"
	assert_output 0
}

@test "terminal: q at the switch of sides keeps the side held as partly done" {
	bk-plan new t >/dev/null
	bk-plan add t hip-flexor-stretch '1x1 hold 1s each side' >/dev/null
	ready 0
	pane_session bk-log session
	wait_pane '^Enter starts the timer'
	keys Enter
	wait_pane '^switch to the right side, then Enter \(q quits\):'
	keys q
	wait_status
	run cat "$D/status"
	assert_output 0
	wait_pane '^kept what the timers counted: the left side, as partly done$'
	wait_pane '^  partly   hip-flexor-stretch 1x1 hold 1s left side$'
	run -0 rows
	assert_output --regexp '^hip-flexor-stretch 1 left 1 1.0 - 0 - t#[0-9]+$'
	run -0 statuses
	assert_output 't hip-flexor-stretch partly'
}

@test "session: a sit-and-reach test is named first and last, to record with bk-test" {
	cat >"$BATS_TEST_TMPDIR/sr.plan" <<-'EOF'
		summary a test the session does not ask for
		length 3
		daily: test sit-and-reach
		daily: test toe-touch
		daily: cat-cow 1x5
	EOF
	bk-plan new sr --template "$BATS_TEST_TMPDIR/sr.plan" >/dev/null
	run -0 --separate-stderr bash -c 'printf "0\nd\n" | bk-log session'
	assert_line --index 0 'session of Sat 2026-11-21: 1 exercise and 1 test to do'
	assert_line --index 1 "first: the sit-and-reach test of plan sr ('bk-test sit-and-reach')"
	assert_line '[1/2] Toe-Touch Test, plan sr'
	assert_line 'toe-touch on 2026-11-21: 0 cm (id 1)'
	assert_line "still to record: the sit-and-reach test of plan sr ('bk-test sit-and-reach')"
	run -0 bk-log session </dev/null
	assert_output "nothing left to do on Sat 2026-11-21: 1 done, 0 skipped
still to record: the sit-and-reach test of plan sr ('bk-test sit-and-reach')"
}
