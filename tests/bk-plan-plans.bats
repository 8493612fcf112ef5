#!/usr/bin/env bats
# bk-plan: plans built by hand, what is due and done, checks, export and
# bad input. Logged sets and measurements are written with sqlite3, as
# bk-log and bk-test would.

load common

q() { sqlite3 "$BK_DB" "$1"; }

# log N sets of an exercise on a day: DATE SLUG N [SIDE] [PLAN_ITEM_ID]
log_sets() {
	local i side=NULL item=NULL
	[[ -n ${4:-} ]] && side="'$4'"
	[[ -n ${5:-} ]] && item=$5
	for ((i = 1; i <= $3; i++)); do
		# at the catalog's dose: 5 reps, each held as long as it says
		q "INSERT INTO sets (date, exercise_id, set_no, reps, hold_s, side, plan_item_id)
			SELECT '$1', id, $i, 5, nullif(hold_s, 0), $side, $item FROM exercises WHERE slug = '$2'"
	done
}

skip_ex() {	# DATE SLUG REASON
	q "INSERT INTO sets (date, exercise_id, skipped, reason)
		SELECT '$1', id, 1, '$3' FROM exercises WHERE slug = '$2'"
}

@test "new: a plan built by hand, then add: weekly items on its weekdays" {
	run -0 --separate-stderr bk-plan new mine --on mon,wed,fri
	assert_output "created plan mine: from Sat 2026-11-21, on mon,wed,fri; add exercises with 'bk-plan add mine EXERCISE [SPEC]'"
	assert_equal "$stderr" ""
	run -0 bk-plan add mine cat-cow
	assert_output 'added cat-cow 1x5 hold 3s to mine, on mon,wed,fri'
	run -0 bk-plan add mine band-row 3x8@5kg --on tue,thu
	assert_output 'added band-row 3x8 @5kg to mine, on tue,thu'
	run -0 bk-plan add mine knee-to-chest '2x5 hold 10s' --on sat,sun
	assert_output 'added knee-to-chest 2x5 hold 10s each side to mine, on sat,sun'
	run -0 bk-plan add mine band-row 3x12@5kg --on thu
	assert_output 'changed band-row in mine to 3x12 @5kg, on thu'
	run -0 bk-plan add mine "Passive Hang" 2x1m --on sun --times 2
	assert_output 'added passive-hang 2x1m, 2 times a day to mine, on sun'
	run -0 bk-plan add mine arm-circles 2x10@2lb --on mon
	assert_output 'added arm-circles 2x10 @0.91kg to mine, on mon'
	assert_equal "$(q "SELECT count(*), count(weekday), count(date) FROM plan_items")" '9|9|0'
	run -0 bk-plan list
	assert_output "$(printf 'name,template,start,end,days,phase,status,items\nmine,,2026-11-21,,,,running,9')"
	# every day of the week, from the plan's start
	run -0 bk-plan show mine --week 2026-11-23 --format table
	assert_output "$(cat <<-'OUT'
	plan mine: 2026-11-21, open-ended
	Mon 2026-11-23  day 3
	  cat-cow        1x5 hold 3s
	  arm-circles    2x10 @0.91kg
	Tue 2026-11-24  day 4
	  band-row       3x8 @5kg
	Wed 2026-11-25  day 5
	  cat-cow        1x5 hold 3s
	Thu 2026-11-26  day 6
	  band-row       3x12 @5kg
	Fri 2026-11-27  day 7
	  cat-cow        1x5 hold 3s
	Sat 2026-11-28  day 8
	  knee-to-chest  2x5 hold 10s each side
	Sun 2026-11-29  day 9
	  knee-to-chest  2x5 hold 10s each side
	  passive-hang   2x1m, 2 times a day
	OUT
	)"
}

@test "add: an empty plan takes every day; --days gives dated items; --on and --days together" {
	run -0 bk-plan new mine --start 2026-11-23 --days 14
	assert_output "created plan mine: from Mon 2026-11-23 to Sun 2026-12-06; add exercises with 'bk-plan add mine EXERCISE [SPEC]'"
	run -0 bk-plan add mine cat-cow
	assert_output 'added cat-cow 1x5 hold 3s to mine, every day'
	run -0 bk-plan add mine jefferson-curl 1x5 --days 8-14
	assert_output 'added jefferson-curl 1x5 to mine, on days 8-14 (7 days)'
	run -0 bk-plan add mine face-pull 3x12 --days 1-14 --on tue,fri
	assert_output 'added face-pull 3x12 to mine, on days 1-14 (4 days)'
	assert_equal "$(q "SELECT group_concat(date) FROM plan_items WHERE date IS NOT NULL AND exercise_id = (SELECT id FROM exercises WHERE slug = 'face-pull')")" \
		'2026-11-24,2026-11-27,2026-12-01,2026-12-04'
	run -0 bk-plan show mine --all --format csv
	# 14 days of cat-cow, 7 of curls, 4 of face pulls
	assert_equal "${#lines[@]}" 26
	refute_line --regexp '^2026-12-07'
	run -1 --separate-stderr bk-plan add mine cat-cow --days 10-15
	assert_equal "$stderr" "bk-plan: cannot add to plan 'mine': it has 14 days, day 15 is past its end"
	run -1 --separate-stderr bk-plan add mine cat-cow --days 1-1 --on sun
	assert_equal "$stderr" "bk-plan: cannot add to plan 'mine': none of days 1-1 falls on its weekdays"
}

@test "add --side: one side only, which check then warns about" {
	run -0 bk-plan new mine
	run -0 bk-plan add mine trunk-rotation --side left --on mon
	assert_output 'added trunk-rotation 1x3 hold 5s left to mine, on mon'
	run -1 bk-plan check mine
	assert_output 'mine: 2026-11-23: trunk-rotation on the left side only (and 1 more): do the other side too'
	run -0 bk-plan add mine trunk-rotation --side right --on mon
	run -0 bk-plan check mine
	assert_output 'mine: no warnings'
	run -2 --separate-stderr bk-plan add mine trunk-rotation --side up
	assert_err "bk-plan: invalid side 'up' (one of: left, right, forward, backward)"
	run -2 --separate-stderr bk-plan add mine trunk-rotation '1x3 each side' --side left
	assert_err "bk-plan: a dose 'each side' and --side together"
}

@test "rm: an exercise from some days, or the whole plan; logged sets stay" {
	run -0 bk-plan new mine --on mon,wed
	run -0 bk-plan add mine cat-cow
	run -0 bk-plan add mine camel --days 1-7
	log_sets 2026-11-23 cat-cow 1 '' "$(q "SELECT id FROM plan_items WHERE weekday = 1")"
	run -0 bk-plan rm mine cat-cow --on wed
	assert_output 'removed 1 item of cat-cow from mine'
	run -1 --separate-stderr bk-plan rm mine cat-cow --on wed
	assert_equal "$stderr" "bk-plan: cannot remove 'cat-cow' from plan 'mine': it is not planned on those days"
	run -0 bk-plan rm mine camel --days 1-3
	assert_output 'removed 1 item of camel from mine'
	run -2 --separate-stderr bk-plan rm mine --on mon
	assert_err 'bk-plan: --on and --days need an EXERCISE to remove'
	run -0 bk-plan rm mine
	assert_output "removed plan mine ('bk-plan undo' puts it back; 'bk-plan end mine' would have stopped it and kept its history)"
	assert_equal "$(q "SELECT (SELECT count(*) FROM plans), (SELECT count(*) FROM plan_items), (SELECT count(*) || ',' || count(plan_item_id) FROM sets)")" '0|0|1,0'
	run -2 --separate-stderr bk-plan rm mine
	assert_equal "$stderr" "bk-plan: unknown plan 'mine' (see 'bk-plan list')"
}

@test "show and today: done, partly, skipped, missed, due and planned, from the logs" {
	run -0 bk-plan new jc --template jefferson-30 --start 2026-11-19
	# day 1 (thu): all done, linked or not; toe-touch recorded
	log_sets 2026-11-19 cat-cow 1
	log_sets 2026-11-19 hip-flexor-stretch 1
	log_sets 2026-11-19 jefferson-curl 2 '' "$(q "SELECT id FROM plan_items WHERE date = '2026-11-19' AND seq = 4")"
	q "INSERT INTO measurements (kind, date, value, value_cm) VALUES ('toe-touch', '2026-11-19', -12, -12)"
	# day 2 (fri): one curl set of two; one side of the hip flexor stretch;
	# cat-cow skipped with a reason
	log_sets 2026-11-20 jefferson-curl 1
	log_sets 2026-11-20 hip-flexor-stretch 1 left
	skip_ex 2026-11-20 cat-cow 'sore wrists'
	# today, day 3 (sat): cat-cow done
	log_sets 2026-11-21 cat-cow 1
	run -0 bk-plan show jc --format table
	assert_output "$(cat <<-'OUT'
	plan jc: jefferson-30, 2026-11-19 to 2026-12-18
	Thu 2026-11-19  day 1 of 30
	  toe-touch test                              done
	  cat-cow             1x5 hold 3s             done
	  hip-flexor-stretch  1x5 hold 10s each side  done
	  jefferson-curl      2x5 hold 5s             done 2/2
	Fri 2026-11-20  day 2 of 30
	  cat-cow             1x5 hold 3s             skipped: sore wrists
	  hip-flexor-stretch  1x5 hold 10s each side  partly 0.5/1 sets
	  jefferson-curl      2x5 hold 5s             partly 1/2 sets
	Sat 2026-11-21  day 3 of 30  (today)
	  cat-cow             1x5 hold 3s             done
	  hip-flexor-stretch  1x5 hold 10s each side  due
	  jefferson-curl      2x5 hold 5s             due
	Sun 2026-11-22  day 4 of 30
	  cat-cow             1x5 hold 3s
	  hip-flexor-stretch  1x5 hold 10s each side
	  jefferson-curl      2x5 hold 5s
	OUT
	)"
	run -0 bk-plan today --format csv
	assert_output "$(cat <<-'OUT'
	date,plan,day,seq,kind,item,sets,reps,hold_s,load_kg,per_side,side,times,dose,phase,logged,needed,status,reason
	2026-11-21,jc,3,1,exercise,cat-cow,1,5,3,,0,,1,1x5 hold 3s,,1,1,done,
	2026-11-21,jc,3,2,exercise,hip-flexor-stretch,1,5,10,,1,,1,1x5 hold 10s each side,,0,1,due,
	2026-11-21,jc,3,3,exercise,jefferson-curl,2,5,5,,0,,1,2x5 hold 5s,,0,2,due,
	OUT
	)"
	# the missing days are missed once past
	BK_TODAY=2026-11-23 run -0 bk-plan show jc --date 2026-11-22 --format csv
	assert_line --regexp '^2026-11-22,jc,4,3,exercise,jefferson-curl,.*,0,2,missed,$'
	# JSON parses, with numbers as numbers
	run -0 bash -c "bk-plan show jc --date 2026-11-20 --format json | /usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); print(len(d), d[0][\"status\"], d[0][\"reason\"], d[2][\"logged\"])'"
	assert_output '3 skipped sore wrists 1'
}

@test "today: across every active plan; nothing planned; no plans yet" {
	run -0 bk-plan today --format table
	assert_output "no plans yet: make one with 'bk-plan new NAME [--template T]'"
	run -0 bk-plan new tcm --template tcm-back
	run -0 bk-plan new mine --on mon
	run -0 bk-plan add mine neck-roll
	run -0 bk-plan new later --template jefferson-30 --start 2026-12-01
	run -0 bk-plan today --format csv
	assert_equal "${#lines[@]}" 11
	refute_line --regexp ',mine,|,later,'
	BK_TODAY=2026-11-23 run -0 bk-plan today --format table
	assert_line --index 0 'plan mine: 2026-11-21, open-ended'
	assert_line 'plan tcm: tcm-back, 2026-11-21 to 2026-12-18'
	assert_line 'Mon 2026-11-23  day 3  (today)'
	assert_line --regexp '^  neck-roll +1x3 hold 2s +due$'
	run -0 bk-plan today mine --format table
	assert_output 'nothing planned on Sat 2026-11-21'
	run -2 --separate-stderr bk-plan today tmc
	assert_equal "$stderr" "bk-plan: unknown plan 'tmc' (did you mean tcm?)"
}

@test "show: --date, --week DATE, --all, and a plan not yet begun shows its first week" {
	run -0 bk-plan new jc --template jefferson-30 --start monday
	run -0 bk-plan show --format csv
	assert_line --index 1 --regexp '^2026-11-23,jc,1,1,test,toe-touch,'
	assert_equal "$(printf '%s\n' "${lines[@]:1}" | cut -d, -f1 | sort -u | wc -l)" 7
	run -0 bk-plan show jc --week 2026-12-10 --format csv
	assert_equal "$(printf '%s\n' "${lines[@]:1}" | cut -d, -f1 | sort -u | tr '\n' ' ')" \
		'2026-12-07 2026-12-08 2026-12-09 2026-12-10 2026-12-11 2026-12-12 2026-12-13 '
	run -0 bk-plan show --week=2026-12-10 --format csv
	assert_equal "$(printf '%s\n' "${lines[@]:1}" | cut -d, -f1 | sort -u | wc -l)" 7
	run -0 bk-plan show --week 2026-12-10 --format csv
	assert_equal "$(printf '%s\n' "${lines[@]:1}" | cut -d, -f1 | sort -u | wc -l)" 7
	run -0 bk-plan show jc --date 2026-11-29 --format table
	assert_output "$(printf '%s\n' 'plan jc: jefferson-30, 2026-11-23 to 2026-12-22' \
		'Sun 2026-11-29  day 7 of 30' '  rest day')"
	run -0 bk-plan show jc --all --format csv
	assert_equal "$(printf '%s\n' "${lines[@]:1}" | cut -d, -f1 | sort -u | wc -l)" 30
	run -0 bk-plan show jc --date 2027-01-05 --format table
	assert_output 'nothing planned on Tue 2027-01-05'
	run -2 --separate-stderr bk-plan show --date 2026-11-23 --all
	assert_err 'bk-plan: show takes one of --date, --week and --all'
	run -2 --separate-stderr bk-plan show --date someday
	assert_err "bk-plan: invalid --date 'someday' (YYYY-MM-DD, YYYY-MM, YYYY, today, yesterday, tomorrow, a weekday, -3d, +2w, -1m, -1y, sow, eow, som, eom, soy, eoy, last|this|next week|month|year)"
	# units = imperial shows loads in pounds; a week may start on Sunday
	mkdir -p "$XDG_CONFIG_HOME/backkit"
	printf 'units = imperial\nweek_start = sunday\n' > "$XDG_CONFIG_HOME/backkit/config"
	run -0 bk-plan show jc --date 2026-12-01 --format table
	assert_line '  jefferson-curl      2x5 hold 5s @4.4lb'
	run -0 bk-plan show jc --week 2026-12-10 --format csv
	assert_equal "$(printf '%s\n' "${lines[@]:1}" | cut -d, -f1 | sort -u | sed -n '1p;$p' | tr '\n' ' ')" \
		'2026-12-06 2026-12-12 '
}

@test "check: each warning of the articles on a crafted plan, exit 1" {
	run -0 bk-plan new bad --on mon,tue
	run -0 bk-plan add bad passive-hang 1x90s
	run -0 bk-plan add bad band-row 3x10
	run -0 bk-plan add bad back-arch --on wed
	run -0 bk-plan add bad leg-stretch --on thu
	run -0 bk-plan add bad forward-backward-bend --side forward --on thu
	run -0 bk-plan add bad neck-twist --side right --on fri
	run -0 bk-plan add bad seated-heel-press --on sat --times 11
	run -1 bk-plan check bad
	assert_output "$(cat <<-'OUT'
	bad: 2026-11-23: passive-hang holds 60s or more before strength work (band-row) (and 3 more): long static holds weaken the work after them: keep warm-up holds to 10-20s, or stretch after
	bad: 2026-11-23 and 2026-11-24: strength work on consecutive days (band-row), with no rest day between (and 1 more): leave a rest day between strength sessions
	bad: 2026-11-27: neck-twist on the right side only (and 1 more): do the other side too
	bad: 2026-11-25: back-arch bends backward with no forward bend the same day (and 3 more): balance each bend with its opposite
	bad: 2026-11-21: 11 relief sessions in one day (the article advises 10 at most) (and 1 more): do the sequence at most 10 times a day
	OUT
	)"
	# the same holds after the strength work, and a day between: clean
	run -0 bk-plan new good --on mon,wed
	run -0 bk-plan add good band-row 3x10
	run -0 bk-plan add good passive-hang 1x90s
	run -0 bk-plan add good back-arch --on fri
	run -0 bk-plan add good leg-stretch --on fri
	run -0 bk-plan check good
	assert_output 'good: no warnings'
	run -1 bk-plan check
	assert_line 'good: no warnings'
	assert_equal "${#lines[@]}" 6
	# a single set of a gentle strength move is not strength training
	run -0 bk-plan new gentle
	run -0 bk-plan add gentle hip-bridge
	run -0 bk-plan check gentle
	run -0 bk-plan add gentle hip-bridge 3x5
	run -1 bk-plan check gentle
}

@test "export --format csv: every planned item" {
	run -0 bk-plan new jc --template jefferson-30 --days 8
	run -0 bk-plan new mine
	run -0 bk-plan add mine cat-cow --on mon
	run -0 bk-plan export --format csv
	assert_line --index 0 'date,weekday,plan,phase,seq,kind,item,sets,reps,hold_s,load_kg,per_side,side,times,rest_s'
	assert_line --index 1 '2026-11-21,,jc,,1,test,toe-touch,,,,,0,,1,'
	assert_line --index 2 '2026-11-21,,jc,,2,exercise,cat-cow,1,5,3,,0,,1,0'
	assert_line '2026-11-27,,jc,,1,rest,,,,,,0,,1,'
	assert_line '2026-11-28,,jc,,4,exercise,jefferson-curl,2,5,5,2,0,,1,0'
	assert_line ',1,mine,,1,exercise,cat-cow,1,5,3,,0,,1,0'
	assert_equal "${#lines[@]}" "$(( 1 + $(q 'SELECT count(*) FROM plan_items') ))"
	run -0 bk-plan export mine --format csv
	assert_equal "${#lines[@]}" 2
}

@test "export --format ics: RFC 5545 a real parser reads, one event per session day" {
	run -0 bk-plan new jc --template jefferson-30 --start 2026-11-23
	bk-plan export jc --format ics > "$BATS_TEST_TMPDIR/jc.ics"
	run -0 /usr/bin/python3 - "$BATS_TEST_TMPDIR/jc.ics" <<-'PY'
	import sys, datetime, icalendar
	data = open(sys.argv[1], 'rb').read()
	# CRLF everywhere, no line over 75 octets
	lines = data.split(b'\r\n')
	assert lines[-1] == b'' and all(b'\n' not in l for l in lines), 'CRLF'
	assert max(len(l) for l in lines) <= 75, 'folding'
	cal = icalendar.Calendar.from_ical(data)
	ev = list(cal.walk('VEVENT'))
	days = sorted(e['DTSTART'].dt for e in ev)
	assert all(e['DTEND'].dt - e['DTSTART'].dt == datetime.timedelta(days=1) for e in ev)
	assert len(set(str(e['UID']) for e in ev)) == len(ev)
	first = [e for e in ev if e['DTSTART'].dt == datetime.date(2026, 11, 23)][0]
	print(len(ev), days[0], days[-1], str(first['UID']))
	print(str(first['SUMMARY']))
	print(str(first['DESCRIPTION']).replace('\n', '|'))
	print(sum('toe-touch' in str(e['SUMMARY']) for e in ev))
	PY
	sid=$(q "SELECT value FROM meta WHERE key = 'store_id'")
	assert_line --index 0 "26 2026-11-23 2026-12-22 20261123-s1-p1-$sid@backkit"
	assert_line --index 1 'jc: toe-touch test, Cat-Cow, Hip Flexor Stretch, Jefferson Curl'
	assert_line --index 2 'day 1 of 30|toe-touch test: record it with bk-test toe-touch|Cat-Cow (cat-cow): 1x5 hold 3s|Hip Flexor Stretch (hip-flexor-stretch): 1x5 hold 10s each side|Jefferson Curl (jefferson-curl): 2x5 hold 5s'
	assert_line --index 3 6
	# the same plan exported again gives the same events: a calendar updates
	BK_TODAY=2026-11-25 bk-plan export jc --format ics > "$BATS_TEST_TMPDIR/again.ics"
	run -0 diff <(grep -v '^DTSTAMP' "$BATS_TEST_TMPDIR/jc.ics") <(grep -v '^DTSTAMP' "$BATS_TEST_TMPDIR/again.ics")
	run -0 grep -c '^DTSTAMP:20261125T000000Z' "$BATS_TEST_TMPDIR/again.ics"
	assert_output 26
}

@test "export --format ics: hostile names are escaped, a weekly plan is one repeating event" {
	run -0 bk-plan exercise add evil --name $'Evil, "name"; \\ and\nnewline \e[31m'
	run -0 bk-plan new weekly --on mon
	run -0 bk-plan add weekly evil
	bk-plan export --format ics > "$BATS_TEST_TMPDIR/w.ics"
	run -0 /usr/bin/python3 - "$BATS_TEST_TMPDIR/w.ics" <<-'PY'
	import sys, icalendar
	cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
	ev = list(cal.walk('VEVENT'))
	print(len(ev), ev[0]['DTSTART'].dt, ev[0]['RRULE'].to_ical().decode())
	print(repr(str(ev[0]['DESCRIPTION'])))
	PY
	assert_line --index 0 '1 2026-11-23 FREQ=WEEKLY;BYDAY=MO'
	assert_line --index 1 "'every Monday\\nEvil, \"name\"; \\\\ and\\nnewline  [31m (evil): 1x10'"
	run -1 grep -c $'\e' "$BATS_TEST_TMPDIR/w.ics"
	assert_output 0
	run -1 --separate-stderr bash -c 'BK_DB="$BATS_TEST_TMPDIR/none.db" bk-plan export --format ics'
	assert_equal "$stderr" 'bk-plan: cannot export: there are no plans'
	run -2 --separate-stderr bk-plan export --format xml
	assert_err "bk-plan: invalid format 'xml' (one of: ics, csv, tsv, json, table)"
	run -2 --separate-stderr bk-plan show --format ics
	assert_err "bk-plan: invalid format 'ics' (one of: table, csv, tsv, json)"
}

@test "bad input: one line naming the value, exit 1 or 2, nothing written" {
	run -0 bk-plan new jc --template jefferson-30
	local before
	before=$(digest "$BK_DB")
	run -1 --separate-stderr bk-plan new jc --template desk-break
	assert_equal "$stderr" "bk-plan: cannot create plan 'jc': a plan with that name exists"
	run -2 --separate-stderr bk-plan new x --template jeferson-30
	assert_equal "$stderr" "bk-plan: unknown template 'jeferson-30' (did you mean jefferson-30?)"
	run -2 --separate-stderr bk-plan new x --days 0
	assert_err "bk-plan: invalid --days '0' (a number of days from 1 to 3660)"
	run -2 --separate-stderr bk-plan new x --days 3661
	assert_err "bk-plan: invalid --days '3661' (a number of days from 1 to 3660)"
	run -2 --separate-stderr bk-plan new x --on funday
	assert_err "bk-plan: invalid weekday 'funday' in --on 'funday' (mon, tue, wed, thu, fri, sat, sun, separated by commas)"
	run -2 --separate-stderr bk-plan new x --on mon,,fri
	assert_err "bk-plan: invalid weekday '' in --on 'mon,,fri' (mon, tue, wed, thu, fri, sat, sun, separated by commas)"
	run -2 --separate-stderr bk-plan new x --start 2026-02-30
	assert_err "bk-plan: invalid --start '2026-02-30' (YYYY-MM-DD, YYYY-MM, YYYY, today, yesterday, tomorrow, a weekday, -3d, +2w, -1m, -1y, sow, eow, som, eom, soy, eoy, last|this|next week|month|year)"
	run -2 --separate-stderr bk-plan new x --times 0
	assert_err "bk-plan: invalid --times '0' (sessions a day, 1 to 20)"
	run -2 --separate-stderr bk-plan new Bad_Name
	assert_err "bk-plan: invalid plan name 'Bad_Name' (lowercase letters, digits and hyphens, starting with a letter, at most 64)"
	printf 'length 7\ndaily: cat-cow 1x5\nevery 2 dayz: camel\n' > "$BATS_TEST_TMPDIR/bad.plan"
	run -1 --separate-stderr bk-plan new x --template "$BATS_TEST_TMPDIR/bad.plan"
	assert_equal "$stderr" "bk-plan: cannot read template '$BATS_TEST_TMPDIR/bad.plan': line 3: invalid day selector 'every ...' (like every 2 days, every 7 days from 3, every other day)"
	printf 'length 7\ndaily: cat-cow 1x5\n\nevery 2 days: jeferson-curl\n' > "$BATS_TEST_TMPDIR/bad.plan"
	run -1 --separate-stderr bk-plan new x --template "$BATS_TEST_TMPDIR/bad.plan"
	assert_equal "$stderr" "bk-plan: cannot use template '$BATS_TEST_TMPDIR/bad.plan': line 4: unknown exercise 'jeferson-curl' (did you mean jefferson-curl?)"
	run -1 --separate-stderr bk-plan new x --template "$BATS_TEST_TMPDIR/missing.plan"
	assert_equal "$stderr" "bk-plan: cannot read template '$BATS_TEST_TMPDIR/missing.plan': No such file or directory"
	run -2 --separate-stderr bk-plan add jc jeferson-curl
	assert_equal "$stderr" "bk-plan: unknown exercise 'jeferson-curl' (did you mean jefferson-curl?)"
	run -2 --separate-stderr bk-plan add jx cat-cow
	assert_equal "$stderr" "bk-plan: unknown plan 'jx' (did you mean jc?)"
	run -2 --separate-stderr bk-plan add jc cat-cow 3y10
	assert_err "bk-plan: invalid dose '3y10': invalid dose '3y10' (like 12, 3x10, 3x8@5kg, 2x10@15lb, 3x30s)"
	run -2 --separate-stderr bk-plan add jc cat-cow --days 0-3
	assert_err "bk-plan: invalid --days '0-3' (days of the plan like 3 or 1-14, counted from 1)"
	run -2 --separate-stderr bk-plan add jc cat-cow --days 5-2
	assert_err "bk-plan: invalid --days '5-2' (days of the plan like 3 or 1-14, counted from 1)"
	run -2 --separate-stderr bk-plan add jc
	assert_err 'bk-plan: add needs a plan NAME and an EXERCISE'
	run -2 --separate-stderr bk-plan new
	assert_err 'bk-plan: new needs a plan NAME'
	run -2 --separate-stderr bk-plan list --template jefferson-30
	assert_err "bk-plan: option --template does not apply to 'list'"
	run -2 --separate-stderr bk-plan today jc extra
	assert_err "bk-plan: unexpected argument 'extra'"
	assert_equal "$(digest "$BK_DB")" "$before"
	# a store that does not exist yet is not made by a refused command
	export BK_DB="$BATS_TEST_TMPDIR/new.db"
	run -2 bk-plan new x --template nosuch
	run -1 bk-plan new x --template "$BATS_TEST_TMPDIR/bad.plan"
	assert_file_not_exists "$BK_DB"
	run -0 bk-plan show
	assert_file_not_exists "$BK_DB"
}

@test "completions: plan names and template names come from the program" {
	run -0 bk-plan new jc --template jefferson-30
	run -0 bk-plan new mine
	run -0 bk-plan --complete plans
	assert_output "$(printf 'jc\nmine')"
	run -0 bk-plan --complete templates
	assert_equal "${#lines[@]}" 7
	assert_line jefferson-30
	run -0 bk-plan --complete words -- add jc cat-cow --on ''
	assert_line --index 0 mon
	run -0 bash -c "source '$TOP/completions/bk-plan.bash'
		COMP_WORDS=(bk-plan sh); COMP_CWORD=1; _bk_plan; echo \"\${COMPREPLY[*]}\"
		COMP_WORDS=(bk-plan show ''); COMP_CWORD=2; _bk_plan; echo \"\${COMPREPLY[*]}\"
		COMP_WORDS=(bk-plan new x --template jeff); COMP_CWORD=4; _bk_plan; echo \"\${COMPREPLY[*]}\"
		COMP_WORDS=(bk-plan add jc jeff); COMP_CWORD=3; _bk_plan; echo \"\${COMPREPLY[*]}\"
		COMP_WORDS=(bk-plan add jc cat-cow --on ''); COMP_CWORD=5; _bk_plan; echo \"\${COMPREPLY[*]}\"
		COMP_WORDS=(bk-plan add mine cat-cow --side l); COMP_CWORD=5; _bk_plan; echo \"\${COMPREPLY[*]}\"
		COMP_WORDS=(bk-plan template up); COMP_CWORD=2; _bk_plan; echo \"\${COMPREPLY[*]}\"
		COMP_WORDS=(bk-plan export --format i); COMP_CWORD=3; _bk_plan; echo \"\${COMPREPLY[*]}\""
	assert_line --index 0 'show'
	assert_line --index 1 'jc mine'
	assert_line --index 2 'jefferson-30'
	assert_line --index 3 'jefferson-curl'
	assert_line --index 4 'mon tue wed thu fri sat sun'
	assert_line --index 5 'left'
	assert_line --index 6 'upper-back-relief'
	assert_line --index 7 'ics'
}

@test "due: the planned item and dose that bk-log links a set to" {
	due() { "$TOP/build/bk-unit" due "$@"; }
	run -0 bk-plan new jc --template jefferson-30 --start 2026-11-23
	run -0 bk-plan new mine --times 3
	run -0 bk-plan add mine jefferson-curl 3x5 --on mon
	run -0 bk-plan add mine knee-to-chest --side left --on tue
	local jc1 mine1
	jc1=$(q "SELECT pi.id FROM plan_items pi JOIN exercises e ON e.id = exercise_id WHERE date = '2026-11-30' AND e.slug = 'jefferson-curl'")
	mine1=$(q "SELECT pi.id FROM plan_items pi JOIN exercises e ON e.id = exercise_id WHERE weekday = 1")
	run -0 due jefferson-curl 2026-11-30
	assert_output "jc $jc1 sets=2 reps=5 hold=5 load=2 per_side=0 rest=0 times=1"
	run -0 due jefferson-curl 2026-11-30 mine
	assert_output "mine $mine1 sets=3 reps=5 hold=0 load=0 per_side=0 rest=0 times=3"
	# sets below the dose (no load of the 2 kg planned) leave it first
	log_sets 2026-11-30 jefferson-curl 2 '' "$jc1"
	run -0 due jefferson-curl 2026-11-30
	assert_output "jc $jc1 sets=2 reps=5 hold=5 load=2 per_side=0 rest=0 times=1"
	# once the first is done, the next one not yet done
	q "UPDATE sets SET load_kg = 2 WHERE date = '2026-11-30'"
	run -0 due jefferson-curl 2026-11-30
	assert_output "mine $mine1 sets=3 reps=5 hold=0 load=0 per_side=0 rest=0 times=3"
	run -0 due knee-to-chest 2026-11-24
	assert_line --regexp '^mine [0-9]+ sets=1 reps=3 hold=5 load=0 per_side=0 side=left rest=0 times=3$'
	# not on a rest day, before a plan begins, or on another weekday
	run -0 due jefferson-curl 2026-11-29 jc
	assert_output none
	run -0 due jefferson-curl 2026-11-16 mine
	assert_output none
	run -0 due knee-to-chest 2026-11-25
	assert_output none
}
