#!/usr/bin/env bats
# bk-plan today --quiet, next, remind and notify: what is still to do,
# for prompts, status bars and desktop reminders.

load common

# a weekly plan on Saturdays and Mondays (BK_TODAY, 2026-11-21, is a
# Saturday) with three exercises
back_plan() {
	bk-plan new back --on sat,mon > /dev/null
	bk-plan add back cat-cow 2x10 > /dev/null
	bk-plan add back hip-flexor-stretch > /dev/null
	bk-plan add back jefferson-curl > /dev/null
}

config() {
	mkdir -p "$XDG_CONFIG_HOME/backkit"
	printf '%s\n' "$@" > "$XDG_CONFIG_HOME/backkit/config"
}

# stand-ins for systemctl and notify-send that record their words, one
# per line, in $BATS_TEST_TMPDIR/NAME.log (a call ends with "--")
stand_in() {
	local name=$1 rc=${2:-0}
	mkdir -p "$BATS_TEST_TMPDIR/stubs"
	cat > "$BATS_TEST_TMPDIR/stubs/$name" <<-EOF
		#!/bin/sh
		for a in "\$@"; do printf '%s\n' "\$a"; done >> "$BATS_TEST_TMPDIR/$name.log"
		echo -- >> "$BATS_TEST_TMPDIR/$name.log"
		exit $rc
	EOF
	chmod +x "$BATS_TEST_TMPDIR/stubs/$name"
}

# run a command with only bin/ and the stand-ins on PATH: no real
# systemctl or notify-send (the stand-ins need only sh's builtins)
stubbed() {
	mkdir -p "$BATS_TEST_TMPDIR/stubs"
	PATH="$TOP/bin:$BATS_TEST_TMPDIR/stubs" "$@"
}

# split the output of remind --print into unit files in directory $1
split_units() {
	mkdir -p "$1"
	awk -v d="$1" '/^# backkit-remind[^ ]*\.(service|timer)$/ { f = d "/" $2; next }
		{ print > f }'
}

@test "today --quiet: exit 0 while something is due or partly done, 1 once all is done or skipped" {
	back_plan
	run -0 --separate-stderr bk-plan today --quiet
	assert_equal "$output" ""
	assert_equal "$stderr" ""
	bk-log cat-cow 2x10 > /dev/null
	# below the dose: partly done, still to do
	bk-log hip-flexor-stretch 1x30s > /dev/null
	bk-log skip jefferson-curl > /dev/null
	run -0 --separate-stderr bk-plan today --quiet
	assert_equal "$output" ""
	run -0 bk-plan today back --quiet
	bk-log hip-flexor-stretch > /dev/null
	run -1 --separate-stderr bk-plan today --quiet
	assert_equal "$output" ""
	assert_equal "$stderr" ""
	run -1 bk-plan today -q back
}

@test "today --quiet: nothing planned today, no plans, no store: exit 1, and no store is made" {
	run -1 --separate-stderr bk-plan today --quiet
	assert_equal "$output$stderr" ""
	assert [ ! -e "$BK_DB" ]
	back_plan
	BK_TODAY=2026-11-22 run -1 --separate-stderr bk-plan today --quiet
	assert_equal "$output$stderr" ""
	# a plan that ended yesterday has nothing today
	bk-plan end back --date 2026-11-20 > /dev/null
	run -1 bk-plan today --quiet
}

@test "today --quiet: an unknown plan, --format with it: exit 2, one line and a hint" {
	back_plan
	run -2 --separate-stderr bk-plan today --quiet bakc
	assert_equal "$output" ""
	assert_equal "${stderr%%$'\n'*}" "bk-plan: unknown plan 'bakc' (did you mean back?)"
	run -2 --separate-stderr bk-plan today --quiet --format csv
	assert_equal "${stderr%%$'\n'*}" "bk-plan: today takes --quiet or --format, not both"
}

@test "next: the first item still to do today, in the plan's order, as one line even in a pipe" {
	back_plan
	run -0 --separate-stderr bk-plan next
	assert_equal "$output" "cat-cow 2x10 (back, today)"
	assert_equal "$stderr" ""
	bk-log cat-cow 2x10 > /dev/null
	bk-log hip-flexor-stretch 1x30s > /dev/null
	run -0 bk-plan next back
	assert_output "hip-flexor-stretch 1x5 hold 10s each side (back, today)"
	bk-log hip-flexor-stretch > /dev/null
	bk-log skip jefferson-curl > /dev/null
	# everything done or skipped today: Monday's first
	run -0 bk-plan next
	assert_output "cat-cow 2x10 (back, Mon 2026-11-23)"
	BK_TODAY=2026-11-22 run -0 bk-plan next
	assert_output "cat-cow 2x10 (back, tomorrow)"
}

@test "next: with remind_at, session k of an item done N times a day is at the k-th time" {
	config "remind_at = 09:00,13:00,17:00"
	bk-plan new desk --times 3 > /dev/null
	bk-plan add desk stand-and-move > /dev/null
	bk-plan add desk cat-cow 1x10 > /dev/null
	run -0 bk-plan next
	assert_output "stand-and-move 1x10 (desk, today 09:00, 1 of 3)"
	bk-log stand-and-move 1x10 > /dev/null
	run -0 bk-plan next
	assert_output "cat-cow 1x10 (desk, today 09:00, 1 of 3)"
	bk-log cat-cow 1x10 > /dev/null
	run -0 bk-plan next
	assert_output "stand-and-move 1x10 (desk, today 13:00, 2 of 3)"
	run -0 bk-plan next --format csv
	assert_line --index 0 "date,time,plan,kind,item,name,dose,session,times,status"
	assert_line --index 1 "2026-11-21,13:00,desk,exercise,stand-and-move,Stand And Move,1x10,2,3,partly"
	run -0 bk-plan next --format json
	python3 -c 'import json,sys; r = json.load(sys.stdin)[0]; assert r["time"] == "13:00" and r["session"] == 2, r' <<< "$output"
	run -0 bk-plan next --format tsv
	assert_line --index 1 "$(printf '2026-11-21\t13:00\tdesk\texercise\tstand-and-move\tStand And Move\t1x10\t2\t3\tpartly')"
}

@test "next: a program's test item, a plan not begun yet, and nothing due at all" {
	run -1 --separate-stderr bk-plan next
	assert_equal "$output$stderr" ""
	bk-plan new jc --template jefferson-30 --start 2026-12-01 > /dev/null
	run -0 bk-plan next
	assert_output --regexp '^[a-z-]+ .* \(jc, Tue 2026-12-01\)$'
	# a plan with nothing in it has nothing next
	bk-plan new later --on sun > /dev/null
	run -1 --separate-stderr bk-plan next later
	assert_equal "$output$stderr" ""
	run -2 --separate-stderr bk-plan next nosuch
	assert_equal "$output" ""
	[[ ${stderr%%$'\n'*} == "bk-plan: unknown plan 'nosuch'"* ]]
	run -2 --separate-stderr bk-plan next --format xml
	[[ ${stderr%%$'\n'*} == "bk-plan: invalid format 'xml'"* ]]
	run -2 --separate-stderr bk-plan next --quiet
	[[ ${stderr%%$'\n'*} == "bk-plan: option --quiet does not apply to 'next'" ]]
}

@test "remind --print: units that systemd-analyze verifies, each OnCalendar valid" {
	command -v systemd-analyze > /dev/null || skip "systemd-analyze is not installed"
	back_plan
	local d="$BATS_TEST_TMPDIR/units" line
	run -0 --separate-stderr bk-plan remind back --print --at 09:00,13:30 --on mon,tue,wed,thu,fri
	assert_equal "$stderr" ""
	split_units "$d" <<< "$output"
	run -0 cat "$d/backkit-remind-back.service"
	assert_line "ExecStart=$(readlink -f "$TOP/bin/bk-plan") --db $BK_DB notify back"
	assert_line "Type=oneshot"
	run -0 grep '^OnCalendar=' "$d/backkit-remind-back.timer"
	assert_output $'OnCalendar=Mon..Fri *-*-* 09:00:00\nOnCalendar=Mon..Fri *-*-* 13:30:00'
	# Documentation=man:bk-plan(1) is looked up too: our man pages
	MANPATH="$TOP/man" run -0 systemd-analyze verify \
		"$d/backkit-remind-back.service" "$d/backkit-remind-back.timer"
	while IFS= read -r line; do
		run -0 systemd-analyze calendar "${line#OnCalendar=}"
	done < <(grep '^OnCalendar=' "$d/backkit-remind-back.timer")
}

@test "remind --every: explicit times when the interval does not divide the hour, all valid" {
	command -v systemd-analyze > /dev/null || skip "systemd-analyze is not installed"
	local d="$BATS_TEST_TMPDIR/units" line
	run -0 bk-plan remind --print --every 45m --between 09:00-17:00
	split_units "$d" <<< "$output"
	run -0 grep '^OnCalendar=' "$d/backkit-remind.timer"
	assert_output $'OnCalendar=*-*-* 09,12,15:00,45:00\nOnCalendar=*-*-* 10,13,16:30:00\nOnCalendar=*-*-* 11,14:15:00'
	MANPATH="$TOP/man" run -0 systemd-analyze verify "$d/backkit-remind.service" "$d/backkit-remind.timer"
	while IFS= read -r line; do
		run -0 systemd-analyze calendar "${line#OnCalendar=}"
	done < <(grep '^OnCalendar=' "$d/backkit-remind.timer")
	# 09:00 to 16:30 every 45 minutes: 11 a day, none at 17:00
	run -0 bk-plan remind --cron --every 45m --between 09:00-17:00
	assert_line --index 1 --regexp '^0,45 9,12,15 \* \* \* '
	run -0 bk-plan remind --print --every 20m --between 12:10-14:00 --on sat,sun
	assert_line 'OnCalendar=Sat,Sun *-*-* 12,13:10,30,50:00'
	assert_equal "$(grep -c '^OnCalendar=' <<< "$output")" 1
}

@test "remind --every and --alarm take hours: 1h is 60m, 25h is refused" {
	run -0 bk-plan remind --print --every 1h --between 09:00-12:00
	local hour=$output
	run -0 bk-plan remind --print --every 60m --between 09:00-12:00
	assert_equal "$hour" "$output"
	assert_line --partial 'OnCalendar='
	run -2 --separate-stderr bk-plan remind --print --every 25h
	assert_output ""
	assert_err_partial "invalid --every '25h': a time must be 1s to 24h"
}

@test "remind: the desk-day default, or remind_at from the configuration, and it says so" {
	run -0 bk-plan remind --print
	assert_line 'OnCalendar=Mon..Fri *-*-* 09..16:00,30:00'
	assert_line 'Description=backkit reminders: Mon..Fri every 30m from 09:00 to 17:00 (the desk-day default)'
	config "remind_at = 10:00,15:00"
	run -0 bk-plan remind --print
	assert_line 'OnCalendar=*-*-* 10:00:00'
	assert_line 'OnCalendar=*-*-* 15:00:00'
	assert_line --partial '(remind_at in the configuration)'
	# given times win over the configuration
	run -0 bk-plan remind --print --at 08:15
	assert_line 'OnCalendar=*-*-* 08:15:00'
	refute_line 'OnCalendar=*-*-* 10:00:00'
}

@test "remind --cron: crontab lines that run notify with this bk-plan and the store" {
	back_plan
	run -0 --separate-stderr bk-plan remind back --cron --at 09:00,13:30 --on mon,wed,thu,sun
	assert_equal "$stderr" ""
	local self
	self=$(readlink -f "$TOP/bin/bk-plan")
	assert_line --index 0 '# backkit-remind-back: Mon,Wed,Thu,Sun at 09:00, 13:30'
	assert_line --index 1 "0 9 * * 1,3-4,7 $self --db $BK_DB notify back"
	assert_line --index 2 "30 13 * * 1,3-4,7 $self --db $BK_DB notify back"
	assert_equal "${#lines[@]}" 3
	# without --db or BK_DB the command names no store
	BK_DB='' run -0 bk-plan remind --cron --at 07:00
	assert_line --index 1 "0 7 * * * $self notify"
}

@test "remind: a store path with blanks, quotes, % and \$ is quoted for systemd and for sh" {
	local db="$BATS_TEST_TMPDIR/my \"store\" 100% \$HOME.db" d="$BATS_TEST_TMPDIR/units"
	run -0 bk-plan remind --print --db "$db" --at 09:00
	split_units "$d" <<< "$output"
	run -0 grep '^ExecStart=' "$d/backkit-remind.service"
	assert_output "ExecStart=$(readlink -f "$TOP/bin/bk-plan") --db \"$BATS_TEST_TMPDIR/my \\\"store\\\" 100%% \$\$HOME.db\" notify"
	if command -v systemd-analyze > /dev/null; then
		MANPATH="$TOP/man" run -0 systemd-analyze verify "$d/backkit-remind.service" "$d/backkit-remind.timer"
	fi
	run -0 bk-plan remind --cron --db "$db" --at 09:00
	# the shell gets the path back as it was (cron's \% aside)
	local cmd="${lines[1]#0 9 \* \* \* }"
	cmd=${cmd//\\%/%}
	eval "set -- $cmd"
	assert_equal "$3" "$db"
	assert_equal "$4" notify
}

@test "remind: installs the units, reloads and enables the timer through systemctl" {
	back_plan
	stand_in systemctl
	local dir="$XDG_CONFIG_HOME/systemd/user"
	run -0 --separate-stderr stubbed bk-plan remind back --at 09:00,13:00
	assert_equal "$stderr" ""
	assert_line --index 0 "wrote $dir/backkit-remind-back.service"
	assert_line --index 1 "wrote $dir/backkit-remind-back.timer"
	assert_line --index 2 "enabled backkit-remind-back.timer: every day at 09:00, 13:00"
	assert [ -f "$dir/backkit-remind-back.service" ]
	run -0 grep -c '^OnCalendar=' "$dir/backkit-remind-back.timer"
	assert_output 2
	run -0 cat "$BATS_TEST_TMPDIR/systemctl.log"
	assert_output $'--user\ndaemon-reload\n--\n--user\nenable\n--now\nbackkit-remind-back.timer\n--'
	# HOME's .config without XDG_CONFIG_HOME
	rm "$BATS_TEST_TMPDIR/systemctl.log"
	XDG_CONFIG_HOME='' run -0 stubbed bk-plan remind --every 60m
	assert [ -f "$HOME/.config/systemd/user/backkit-remind.timer" ]
	run -0 grep '^OnCalendar=' "$HOME/.config/systemd/user/backkit-remind.timer"
	assert_output 'OnCalendar=*-*-* 09..16:00:00'
	# --off disables the timer, removes both units and reloads
	rm "$BATS_TEST_TMPDIR/systemctl.log"
	run -0 --separate-stderr stubbed bk-plan remind back --off
	assert_line --index 0 "removed $dir/backkit-remind-back.timer"
	assert_line --index 1 "removed $dir/backkit-remind-back.service"
	assert [ ! -e "$dir/backkit-remind-back.timer" ]
	assert [ ! -e "$dir/backkit-remind-back.service" ]
	run -0 cat "$BATS_TEST_TMPDIR/systemctl.log"
	assert_output $'--user\ndisable\n--now\nbackkit-remind-back.timer\n--\n--user\ndaemon-reload\n--'
	# again: nothing to remove, nothing called
	rm "$BATS_TEST_TMPDIR/systemctl.log"
	run -0 stubbed bk-plan remind back --off
	assert_output "no reminders to remove: $dir/backkit-remind-back.timer is not there"
	assert [ ! -e "$BATS_TEST_TMPDIR/systemctl.log" ]
	# --off works for a plan that is gone
	run -0 stubbed bk-plan remind gone --off
}

@test "remind: without systemctl it says what is missing and writes nothing; a failing systemctl leaves no units" {
	local dir="$XDG_CONFIG_HOME/systemd/user"
	run -1 --separate-stderr stubbed bk-plan remind --at 09:00
	assert_equal "$output" ""
	assert_equal "$stderr" "bk-plan: cannot install reminders: systemctl is not on PATH (systemd is needed; --print shows the units, --cron crontab lines)"
	assert [ ! -e "$dir" ]
	# --print and --cron need nothing
	run -0 stubbed bk-plan remind --print --at 09:00
	run -0 stubbed bk-plan remind --cron --at 09:00
	stand_in systemctl 1
	run -1 --separate-stderr stubbed bk-plan remind --at 09:00
	assert_equal "$output" ""
	assert_equal "${stderr%%$'\n'*}" "bk-plan: 'systemctl --user daemon-reload' failed (exit 1)"
	[[ $stderr == *"reminders not installed: the units were removed again" ]]
	assert [ ! -e "$dir/backkit-remind.timer" ]
	assert [ ! -e "$dir/backkit-remind.service" ]
}

@test "remind: bad input is refused in one line, exit 2, and nothing is written" {
	back_plan
	stand_in systemctl
	local e
	run -2 --separate-stderr stubbed bk-plan remind 'Bad Name' --at 09:00
	assert_equal "$output" ""
	assert_equal "${stderr%%$'\n'*}" "bk-plan: invalid plan name 'Bad Name' (lowercase letters, digits and hyphens, starting with a letter, at most 64)"
	run -2 --separate-stderr stubbed bk-plan remind '../x' --print
	[[ ${stderr%%$'\n'*} == "bk-plan: invalid plan name '../x'"* ]]
	run -2 --separate-stderr stubbed bk-plan remind bakc --at 09:00
	assert_equal "${stderr%%$'\n'*}" "bk-plan: unknown plan 'bakc' (did you mean back?)"
	for e in "--at 09:00 --every 30m|remind takes --at or --every, not both" \
		"--at 09:00 --between 09:00-12:00|--between needs --every" \
		"--between 09:00-12:00|--between needs --every" \
		"--every 90s|invalid --every '1m30s': reminders come in whole minutes" \
		"--print --cron|remind takes one of --cron, --print and --off" \
		"--off --at 09:00|remind --off takes no --at, --every, --between or --on" \
		"--at 25:00|invalid --at '25:00'" \
		"--between 17:00-09:00 --every 60m|invalid --between '17:00-09:00': it must end after it begins" \
		"--on funday|invalid weekday 'funday'" \
		"--format csv|option --format does not apply to 'remind'"; do
		# shellcheck disable=SC2086
		run -2 --separate-stderr stubbed bk-plan remind ${e%%|*}
		assert_equal "$output" ""
		[[ ${stderr%%$'\n'*} == "bk-plan: ${e#*|}"* ]] || fail "remind ${e%%|*}: $stderr"
	done
	assert [ ! -e "$XDG_CONFIG_HOME/systemd" ]
	assert [ ! -e "$BATS_TEST_TMPDIR/systemctl.log" ]
}

@test "notify: through notify-send in a desktop session, the items still to do" {
	back_plan
	stand_in notify-send
	bk-log cat-cow 2x10 > /dev/null
	DISPLAY=:0 run -0 --separate-stderr stubbed bk-plan notify
	assert_equal "$output$stderr" ""
	run -0 cat "$BATS_TEST_TMPDIR/notify-send.log"
	assert_output $'--app-name=backkit\n--\nbackkit\nhip-flexor-stretch 1x5 hold 10s each side (back)\njefferson-curl 1x5 hold 5s (back)\n--'
	# WAYLAND_DISPLAY or a session bus count as a desktop too
	rm "$BATS_TEST_TMPDIR/notify-send.log"
	DISPLAY= WAYLAND_DISPLAY=wayland-0 run -0 stubbed bk-plan notify back
	DISPLAY= DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent run -0 stubbed bk-plan notify
	run -0 grep -c '^backkit$' "$BATS_TEST_TMPDIR/notify-send.log"
	assert_output 2
}

@test "notify: quiet when nothing is due or everything due is done or skipped" {
	stand_in notify-send
	DISPLAY=:0 run -0 --separate-stderr stubbed bk-plan notify
	assert_equal "$output$stderr" ""
	assert [ ! -e "$BK_DB" ]
	back_plan
	bk-log cat-cow 2x10 > /dev/null
	bk-log hip-flexor-stretch > /dev/null
	bk-log skip jefferson-curl > /dev/null
	DISPLAY=:0 run -0 --separate-stderr stubbed bk-plan notify
	assert_equal "$output$stderr" ""
	BK_TODAY=2026-11-22 DISPLAY=:0 run -0 stubbed bk-plan notify
	assert_output ""
	assert [ ! -e "$BATS_TEST_TMPDIR/notify-send.log" ]
}

@test "notify: printed without a desktop; without notify-send it says to install libnotify-bin" {
	back_plan
	stand_in notify-send
	DISPLAY= WAYLAND_DISPLAY= DBUS_SESSION_BUS_ADDRESS= run -0 --separate-stderr stubbed bk-plan notify
	assert_equal "$output" $'cat-cow 2x10 (back)\nhip-flexor-stretch 1x5 hold 10s each side (back)\njefferson-curl 1x5 hold 5s (back)'
	assert_equal "$stderr" ""
	assert [ ! -e "$BATS_TEST_TMPDIR/notify-send.log" ]
	rm "$BATS_TEST_TMPDIR/stubs/notify-send"
	DISPLAY=:0 run -0 --separate-stderr stubbed bk-plan notify
	assert_line --index 0 'cat-cow 2x10 (back)'
	assert_equal "$stderr" "bk-plan: notify-send not found: install libnotify-bin to see reminders on the desktop"
	# a failing notify-send: the text still shows, exit 1
	stand_in notify-send 3
	DISPLAY=:0 run -1 --separate-stderr stubbed bk-plan notify
	assert_line --index 0 'cat-cow 2x10 (back)'
	assert_equal "$stderr" "bk-plan: notify-send failed (exit 3): the reminder is printed instead"
	run -2 --separate-stderr bk-plan notify nosuch
	assert_equal "$output" ""
	[[ ${stderr%%$'\n'*} == "bk-plan: unknown plan 'nosuch'"* ]]
	run -2 --separate-stderr bk-plan notify --at 09:00
	[[ ${stderr%%$'\n'*} == "bk-plan: option --at does not apply to 'notify'" ]]
}

@test "the prompt and tmux examples of backkit(7) work as written" {
	back_plan
	local pc tm
	pc=$(grep "^PROMPT_COMMAND=" "$TOP/man/man7/backkit.7")
	tm=$(sed -n "s/^set -g status-right '#(\(.*\)) | %H:%M'$/\1/p" "$TOP/man/man7/backkit.7")
	[ -n "$pc" ] && [ -n "$tm" ]
	run -0 bash -c "$pc"'; eval "$PROMPT_COMMAND"; printf "%s|" "$bk_due"'
	assert_output "[stretch] |"
	run -0 sh -c "$tm"
	assert_output "cat-cow 2x10 (back, today)"
	bk-log done > /dev/null
	run -0 bash -c "$pc"'; eval "$PROMPT_COMMAND"; printf "%s|" "$bk_due"'
	assert_output "|"
	run -0 sh -c "$tm"
	assert_output "cat-cow 2x10 (back, Mon 2026-11-23)"
}

@test "completions and --help know next, remind and notify" {
	back_plan
	run -0 bash -c "source '$TOP/completions/bk-plan.bash'
		COMP_WORDS=(bk-plan rem); COMP_CWORD=1; _bk_plan; echo \"\${COMPREPLY[*]}\"
		COMP_WORDS=(bk-plan n); COMP_CWORD=1; _bk_plan; echo \"\${COMPREPLY[*]}\"
		COMP_WORDS=(bk-plan notify b); COMP_CWORD=2; _bk_plan; echo \"\${COMPREPLY[*]}\"
		COMP_WORDS=(bk-plan remind ''); COMP_CWORD=2; _bk_plan; echo \"\${COMPREPLY[*]}\""
	assert_line --index 0 'remind'
	assert_line --index 1 'new next notify'
	assert_line --index 2 'back'
	assert_line --index 3 'back'
	run -0 --separate-stderr bk-plan remind --help
	assert_line --index 0 --partial 'bk-plan remind [NAME] [--at'
	run -0 bk-plan --complete options:remind
	assert_line --partial 'every'
}

@test "notify: with remind_at, a session whose time has not come yet is not due now (BK_NOW)" {
	config "remind_at = 09:00,13:00,17:00"
	bk-plan new desk --times 3 > /dev/null
	bk-plan add desk stand-and-move > /dev/null
	stand_in notify-send
	BK_NOW=08:30 DISPLAY=:0 run -0 --separate-stderr stubbed bk-plan notify
	assert_equal "$output$stderr" ""
	assert [ ! -e "$BATS_TEST_TMPDIR/notify-send.log" ]
	BK_NOW=09:10 DISPLAY= WAYLAND_DISPLAY= DBUS_SESSION_BUS_ADDRESS= run -0 stubbed bk-plan notify
	assert_output "stand-and-move 1x10 (desk, 09:00, 1 of 3)"
	bk-log stand-and-move 1x10 > /dev/null
	# the first break done: quiet until the second one's time
	BK_NOW=12:59 DISPLAY=:0 run -0 --separate-stderr stubbed bk-plan notify
	assert_equal "$output$stderr" ""
	assert [ ! -e "$BATS_TEST_TMPDIR/notify-send.log" ]
	BK_NOW=13:00 DISPLAY=:0 run -0 stubbed bk-plan notify
	run -0 cat "$BATS_TEST_TMPDIR/notify-send.log"
	assert_line "stand-and-move 1x10 (desk, 13:00, 2 of 3)"
	# a pinned day without BK_NOW: all of it has come
	DISPLAY= WAYLAND_DISPLAY= DBUS_SESSION_BUS_ADDRESS= run -0 bk-plan notify
	assert_output "stand-and-move 1x10 (desk, 13:00, 2 of 3)"
	BK_NOW=25:00 run -2 --separate-stderr bk-plan notify
	assert_equal "$output" ""
	assert_equal "$stderr" "bk-plan: invalid BK_NOW '25:00': expected HH:MM"
}
