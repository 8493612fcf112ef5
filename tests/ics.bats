#!/usr/bin/env bats
# bk-plan export --format ics: times of day, durations, alarms, repeating
# weekly plans, titles and UIDs, read back with python3-icalendar and khal.

load common

q() { sqlite3 "$BK_DB" "$1"; }

# the events of an ICS file, one a line, sorted:
# start|end|summary|rrule|trigger|uid
events() {	# FILE
	/usr/bin/python3 - "$1" <<-'PY'
	import sys, icalendar
	data = open(sys.argv[1], 'rb').read()
	lines = data.split(b'\r\n')
	assert lines[-1] == b'' and all(b'\n' not in l for l in lines), 'CRLF'
	assert max(len(l) for l in lines) <= 75, 'folding'
	cal = icalendar.Calendar.from_ical(data)
	out = []
	for e in cal.walk('VEVENT'):
	    al = [a for a in e.walk('VALARM')]
	    trig = ''
	    if al:
	        assert len(al) == 1 and str(al[0]['ACTION']) == 'DISPLAY'
	        assert str(al[0]['DESCRIPTION']) == str(e['SUMMARY'])
	        trig = str(al[0]['TRIGGER'].dt)
	    rr = e['RRULE'].to_ical().decode() if 'RRULE' in e else ''
	    out.append('|'.join([e['DTSTART'].dt.isoformat(),
	        e['DTEND'].dt.isoformat(), str(e['SUMMARY']), rr, trig,
	        str(e['UID'])]))
	print('\n'.join(sorted(out)))
	PY
}

# a weekly plan from 2026-11-23 (a Monday) with doses of every shape
weekly_plan() {
	run -0 bk-plan new mine --on mon,thu --start 2026-11-23
	run -0 bk-plan add mine cat-cow	# 1x5 hold 3s: 5 x (3 + 3) = 30 s
	run -0 bk-plan add mine passive-hang	# 3x30s, rest 30s: 90 + 60 = 150 s
	run -0 bk-plan add mine trunk-rotation	# 1x3 hold 5s each side: 48 s
	run -0 bk-plan add mine band-row --on mon	# 3x10, rest 60s: 90 + 120 = 210 s
}

@test "--at: timed events at those local times, lasting the dose; --alarm: a display alarm before each" {
	weekly_plan
	sid=$(q "SELECT value FROM meta WHERE key = 'store_id'")
	[[ $sid =~ ^[0-9a-f]{32}$ ]]
	run -0 --separate-stderr bk-plan export mine --format ics --at 07:30 --alarm 10m
	assert_equal "$stderr" ""
	printf '%s\n' "$output" > "$BATS_TEST_TMPDIR/m.ics"
	run -0 events "$BATS_TEST_TMPDIR/m.ics"
	# Monday: 30 + 150 + 48 + 210 = 438 s, 8 whole minutes; Thursday: 228 s, 4
	assert_line --index 0 "2026-11-23T07:30:00|2026-11-23T07:38:00|mine: Cat-Cow, Passive Hang, Trunk Rotation Stretch, Band Row|FREQ=WEEKLY;BYDAY=MO|-1 day, 23:50:00|MO-s1-p1-$sid@backkit"
	assert_line --index 1 "2026-11-26T07:30:00|2026-11-26T07:34:00|mine: Cat-Cow, Passive Hang, Trunk Rotation Stretch|FREQ=WEEKLY;BYDAY=TH|-1 day, 23:50:00|TH-s1-p1-$sid@backkit"
	assert_equal "${#lines[@]}" 2
	# floating local time: no Z, no TZID
	run -0 grep -c '^DTSTART:20261123T073000'$'\r''$' "$BATS_TEST_TMPDIR/m.ics"
	run -1 grep -c 'TZID\|T073000Z' "$BATS_TEST_TMPDIR/m.ics"
	# the description keeps the doses and says how long
	run -0 /usr/bin/python3 - "$BATS_TEST_TMPDIR/m.ics" <<-'PY'
	import sys, icalendar
	cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
	for e in cal.walk('VEVENT'):
	    print(str(e['DESCRIPTION']).replace('\n', '|'))
	PY
	assert_line --index 0 'every Monday|Cat-Cow (cat-cow): 1x5 hold 3s|Passive Hang (passive-hang): 3x30s|Trunk Rotation Stretch (trunk-rotation): 1x3 hold 5s each side|Band Row (band-row): 3x10|about 8 min'
	# an alarm of an hour and a half; the times of day in order
	run -0 bash -c 'bk-plan export mine --format ics --at 18:00 --alarm 90m > "$BATS_TEST_TMPDIR/late.ics"'
	run -0 events "$BATS_TEST_TMPDIR/late.ics"
	assert_line --index 0 --partial "2026-11-23T18:00:00|2026-11-23T18:08:00|"
	assert_line --index 0 --partial "|-1 day, 22:30:00|"
	run -0 grep -c '^TRIGGER:-PT1H30M'$'\r''$' "$BATS_TEST_TMPDIR/late.ics"
	assert_output 2
	# without --alarm, no alarm; without --at, all-day events as before
	run -1 bash -c 'bk-plan export mine --format ics --at 07:30 | grep -c VALARM'
	assert_output 0
	run -0 bash -c 'bk-plan export mine --format ics > "$BATS_TEST_TMPDIR/day.ics"'
	run -0 events "$BATS_TEST_TMPDIR/day.ics"
	assert_line --index 0 "2026-11-23|2026-11-24|mine: Cat-Cow, Passive Hang, Trunk Rotation Stretch, Band Row|FREQ=WEEKLY;BYDAY=MO||MO-s1-p1-$sid@backkit"
}

@test "an event near midnight ends the next day; a dose's length is the library's one formula" {
	weekly_plan
	run -0 bash -c 'bk-plan export mine --format ics --at 23:55 > "$BATS_TEST_TMPDIR/m.ics"'
	run -0 events "$BATS_TEST_TMPDIR/m.ics"
	assert_line --index 0 --partial "2026-11-23T23:55:00|2026-11-24T00:03:00|"
	# every item of the catalog: the event lasts what the formula in
	# bk-plan(1) gives, computed here from the store
	run -0 bk-plan new all --on sun --start 2026-11-22
	for slug in $(q "SELECT slug FROM exercises"); do
		run -0 bk-plan add all "$slug"
	done
	run -0 bash -c 'bk-plan export all --format ics --at 00:00 > "$BATS_TEST_TMPDIR/all.ics"'
	run -0 /usr/bin/python3 - "$BATS_TEST_TMPDIR/all.ics" "$BK_DB" <<-'PY'
	import sys, sqlite3, icalendar, math
	db = sqlite3.connect(sys.argv[2])
	total = 0
	for sets, reps, hold, rest, side in db.execute(
	        "SELECT sets, reps, hold_s, rest_s, per_side FROM plan_items pi"
	        " JOIN plans p ON p.id = pi.plan_id WHERE p.name = 'all'"):
	    sets, reps, hold, rest = max(sets or 1, 1), reps or 0, hold or 0, rest or 0
	    one = reps * (3 + hold) if reps > 0 else hold
	    total += sets * one * (2 if side else 1) + (sets - 1) * rest
	minutes = min(max(math.ceil(total / 60), 1), 24 * 60)
	cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
	e = list(cal.walk('VEVENT'))[0]
	got = (e['DTEND'].dt - e['DTSTART'].dt).total_seconds() / 60
	print(int(got) == minutes, minutes > 60)
	PY
	assert_output 'True True'
}

@test "times 3 (desk-break): one event per time of day; fewer times, the first sessions; more, the items' sessions only" {
	run -0 bk-plan new desk --template desk-break --start 2026-11-23
	run -0 bash -c 'bk-plan export desk --format ics --at 09:00,12:00,15:00 > "$BATS_TEST_TMPDIR/3.ics"'
	run -0 events "$BATS_TEST_TMPDIR/3.ics"
	assert_equal "${#lines[@]}" 84	# 28 days x 3
	assert_line --index 0 --partial '2026-11-23T09:00:00|2026-11-23T09:07:00|desk: Stand And Move, Seated Heel Press, Seated Arm Clasp Behind Back and 8 more||'
	assert_line --index 1 --partial '2026-11-23T12:00:00|2026-11-23T12:07:00|'
	assert_line --index 2 --partial '2026-11-23T15:00:00|2026-11-23T15:07:00|'
	assert_line --index 0 --partial '|20261123-s1-p1-'
	assert_line --index 2 --partial '|20261123-s3-p1-'
	assert_line --index 83 --partial '2026-12-20T15:00:00|'
	run -0 /usr/bin/python3 - "$BATS_TEST_TMPDIR/3.ics" <<-'PY'
	import sys, icalendar
	cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
	e = [e for e in cal.walk('VEVENT') if e['DTSTART'].dt.hour == 12][0]
	print(str(e['DESCRIPTION']).split('\n')[0])
	PY
	assert_output 'day 1 of 28, session 2 of 3'
	# two times for three sessions: the first two
	run -0 bash -c 'bk-plan export desk --format ics --at 10:00,16:00 | grep -c "^DTSTART:"'
	assert_output 56
	# four times: an item planned three times a day is in three of them
	run -1 bash -c 'bk-plan export desk --format ics --at 08:00,10:00,12:00,14:00 | grep -c "^DTSTART:.*T140000"'
	assert_output 0
	# a weekly plan: a once-a-day item in the first session only
	run -0 bk-plan new mix --on tue --start 2026-11-24
	run -0 bk-plan add mix cat-cow --times 2
	run -0 bk-plan add mix band-row
	run -0 bash -c 'bk-plan export mix --format ics --at 08:00,17:00 > "$BATS_TEST_TMPDIR/mix.ics"'
	run -0 events "$BATS_TEST_TMPDIR/mix.ics"
	assert_line --index 0 --partial '2026-11-24T08:00:00|2026-11-24T08:04:00|mix: Cat-Cow, Band Row|FREQ=WEEKLY;BYDAY=TU|'
	assert_line --index 1 --partial '2026-11-24T17:00:00|2026-11-24T17:01:00|mix: Cat-Cow|FREQ=WEEKLY;BYDAY=TU|'
	assert_equal "${#lines[@]}" 2
}

@test "weekly plans repeat until their end; dated programs have one event a day" {
	run -0 bk-plan new mine --on mon,wed --start 2026-11-23
	run -0 bk-plan add mine cat-cow
	run -0 bash -c 'bk-plan export mine --format ics --at 07:00 > "$BATS_TEST_TMPDIR/open.ics"'
	run -0 events "$BATS_TEST_TMPDIR/open.ics"
	assert_line --index 0 --partial '|FREQ=WEEKLY;BYDAY=MO|'
	assert_line --index 1 --partial '2026-11-25T07:00:00|2026-11-25T07:01:00|mine: Cat-Cow|FREQ=WEEKLY;BYDAY=WE|'
	assert_equal "${#lines[@]}" 2
	run -0 bk-plan end mine --date 2026-12-30
	run -0 bash -c 'bk-plan export mine --format ics --at 07:00 > "$BATS_TEST_TMPDIR/ended.ics"'
	run -0 events "$BATS_TEST_TMPDIR/ended.ics"
	assert_line --index 0 --partial '|FREQ=WEEKLY;UNTIL=20261230T235959;BYDAY=MO|'
	assert_line --index 1 --partial '|FREQ=WEEKLY;UNTIL=20261230T235959;BYDAY=WE|'
	# all-day: UNTIL a date, as DTSTART is
	run -0 bash -c 'bk-plan export mine --format ics | grep "^RRULE"'
	assert_line --index 0 $'RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20261230\r'
	# the occurrences, expanded by the parser: the last is on the end
	run -0 /usr/bin/python3 - "$BATS_TEST_TMPDIR/ended.ics" <<-'PY'
	import sys, icalendar, datetime
	from dateutil.rrule import rrulestr
	cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
	for e in cal.walk('VEVENT'):
	    r = rrulestr(e['RRULE'].to_ical().decode(), dtstart=e['DTSTART'].dt)
	    d = list(r)
	    print(len(d), d[0].date(), d[-1].date())
	PY
	assert_line --index 0 '6 2026-11-23 2026-12-28'
	assert_line --index 1 '6 2026-11-25 2026-12-30'
	# a weekday whose first day comes after the end: no event
	run -0 bk-plan new short --on fri --start 2026-11-23
	run -0 bk-plan add short cat-cow
	run -0 bk-plan end short --date 2026-11-26
	run -1 bash -c 'bk-plan export short --format ics | grep -c BEGIN:VEVENT'
	assert_output 0
	# nor one past the last date there is
	run -0 bk-plan new last --on mon --start 9999-12-31
	run -0 bk-plan add last cat-cow
	run -0 bash -c 'bk-plan export last --format ics --at 23:59 > "$BATS_TEST_TMPDIR/last.ics"'
	run -1 grep -c 'BEGIN:VEVENT' "$BATS_TEST_TMPDIR/last.ics"
	run -0 grep -c 'END:VCALENDAR' "$BATS_TEST_TMPDIR/last.ics"
	# a dated program: one event per session day, no RRULE
	run -0 bk-plan new jc --template jefferson-30 --start 2026-11-23
	run -0 bash -c 'bk-plan export jc --format ics --at 06:45 --alarm 5m > "$BATS_TEST_TMPDIR/jc.ics"'
	run -0 events "$BATS_TEST_TMPDIR/jc.ics"
	assert_equal "${#lines[@]}" 26
	refute_output --partial 'FREQ='
	assert_line --index 0 --regexp '^2026-11-23T06:45:00\|2026-11-23T06:[0-9]{2}:00\|jc: toe-touch test, Cat-Cow, Hip Flexor Stretch, Jefferson Curl\|\|-1 day, 23:55:00\|20261123-s1-p[0-9]+-[0-9a-f]{32}@backkit$'
}

@test "titles say what to do, cut when long; hostile names stay text" {
	# a character across byte 77, where the name is cut
	run -0 bk-plan exercise add evil --name 'Évil, "x"; \ '"$(printf 'é%.0s' {1..70})"$'\n\e[31m'
	run -0 bk-plan new weird --on mon --start 2026-11-23
	run -0 bk-plan add weird evil
	run -0 bk-plan add weird cat-cow
	# a store's text is hostile, whatever the commands let in
	q "UPDATE plans SET name = 'we;ird,plan' || char(27)"
	run -0 bash -c 'bk-plan export --format ics --at 09:00 --alarm 1m > "$BATS_TEST_TMPDIR/e.ics"'
	run -1 grep -c $'\e' "$BATS_TEST_TMPDIR/e.ics"
	run -0 /usr/bin/python3 - "$BATS_TEST_TMPDIR/e.ics" <<-'PY'
	import sys, icalendar
	cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
	e = list(cal.walk('VEVENT'))[0]
	s = str(e['SUMMARY'])
	print(s[:23])
	# cut between two characters, never inside one
	print(s.endswith('\u2026 and 1 more'), len(s.encode()) <= len('we;ird,plan : ') + 80 + 11, '\ufffd' not in s)
	print(str(e['DESCRIPTION']).split('\n')[1][:20])
	PY
	assert_line --index 0 'we;ird,plan : Évil, "x"'
	assert_line --index 1 'True True True'
	assert_line --index 2 'Évil, "x"; \ ééééééé'
	# the escaping as written
	run -0 grep -c '^SUMMARY:we\\;ird\\,plan : Évil\\, "x"\\; \\\\ ' "$BATS_TEST_TMPDIR/e.ics"
}

@test "UIDs: the same for every export of a store, never shared by two stores" {
	run -0 bk-plan new desk --template desk-break --start 2026-11-23
	run -0 bk-plan new mine --on mon,fri
	run -0 bk-plan add mine cat-cow
	uids() { bk-plan export --format ics "$@" | tr -d '\r' | sed -n 's/^UID://p' | sort; }
	uids --at 09:00,13:00,17:00 > "$BATS_TEST_TMPDIR/a1"
	BK_TODAY=2026-12-05 uids --at 09:00,13:00,17:00 > "$BATS_TEST_TMPDIR/a2"
	run -0 wc -l < "$BATS_TEST_TMPDIR/a1"
	assert_output 86
	run -0 sort -u "$BATS_TEST_TMPDIR/a1"
	assert_equal "${#lines[@]}" 86
	run -0 diff "$BATS_TEST_TMPDIR/a1" "$BATS_TEST_TMPDIR/a2"
	# other times of day: the same events, moved
	uids --at 08:00,12:00,16:00 > "$BATS_TEST_TMPDIR/a3"
	run -0 diff "$BATS_TEST_TMPDIR/a1" "$BATS_TEST_TMPDIR/a3"
	# a second store with the same plans, made the same way
	export BK_DB="$BATS_TEST_TMPDIR/other.db"
	run -0 bk-plan new desk --template desk-break --start 2026-11-23
	run -0 bk-plan new mine --on mon,fri
	run -0 bk-plan add mine cat-cow
	uids --at 09:00,13:00,17:00 > "$BATS_TEST_TMPDIR/b1"
	run -0 wc -l < "$BATS_TEST_TMPDIR/b1"
	assert_output 86
	run -0 comm -12 "$BATS_TEST_TMPDIR/a1" "$BATS_TEST_TMPDIR/b1"
	assert_output ''
	# but the same days, sessions and plans
	run -0 diff <(sed 's/-[0-9a-f]*@backkit$//' "$BATS_TEST_TMPDIR/a1") <(sed 's/-[0-9a-f]*@backkit$//' "$BATS_TEST_TMPDIR/b1")
}

@test "config: remind_at and remind_alarm are the defaults, the command line wins" {
	run -0 bk-plan new mine --on mon --start 2026-11-23
	run -0 bk-plan add mine cat-cow
	# an alarm set in the config without times: all-day events, no alarm
	run -0 bk config remind_alarm 15m
	run -0 bash -c 'bk-plan export --format ics > "$BATS_TEST_TMPDIR/d.ics"'
	run -0 events "$BATS_TEST_TMPDIR/d.ics"
	assert_line --index 0 --partial '2026-11-23|2026-11-24|mine: Cat-Cow|FREQ=WEEKLY;BYDAY=MO||'
	run -0 bk config remind_at 06:15,20:00
	run -0 bash -c 'bk-plan export --format ics > "$BATS_TEST_TMPDIR/c.ics"'
	run -0 events "$BATS_TEST_TMPDIR/c.ics"
	assert_line --index 0 --partial '2026-11-23T06:15:00|2026-11-23T06:16:00|mine: Cat-Cow|FREQ=WEEKLY;BYDAY=MO|-1 day, 23:45:00|'
	assert_equal "${#lines[@]}" 1
	# --alarm alone: the times of the config
	run -0 bash -c 'bk-plan export --format ics --alarm 3m > "$BATS_TEST_TMPDIR/a.ics"'
	run -0 events "$BATS_TEST_TMPDIR/a.ics"
	assert_line --index 0 --partial '2026-11-23T06:15:00|2026-11-23T06:16:00|mine: Cat-Cow|FREQ=WEEKLY;BYDAY=MO|-1 day, 23:57:00|'
	run -0 bash -c 'bk-plan export --format ics --at 11:00 --alarm 2m > "$BATS_TEST_TMPDIR/o.ics"'
	run -0 events "$BATS_TEST_TMPDIR/o.ics"
	assert_line --index 0 --partial '2026-11-23T11:00:00|2026-11-23T11:01:00|mine: Cat-Cow|FREQ=WEEKLY;BYDAY=MO|-1 day, 23:58:00|'
	# the CSV export ignores the config's times
	run -0 bk-plan export --format csv
	assert_line --index 1 ',1,mine,,1,exercise,cat-cow,1,5,3,,0,,1,0'
}

@test "bad input: --at 25:00, --alarm x, --at or --alarm without ICS, --alarm without a time; exit 2, nothing written" {
	run -0 bk-plan new mine --on mon
	run -0 bk-plan add mine cat-cow
	local before
	before=$(digest "$BK_DB")
	run -2 --separate-stderr bk-plan export --format ics --at 25:00
	assert_err "bk-plan: invalid --at '25:00': a time of day is 00:00 to 23:59"
	assert_equal "$output" ""
	run -2 --separate-stderr bk-plan export --format ics --at 09:00,08:00
	assert_err_partial "bk-plan: invalid --at '09:00,08:00'"
	assert_equal "$output" ""
	run -2 --separate-stderr bk-plan export --format ics --at 09:00 --alarm x
	assert_err "bk-plan: invalid --alarm 'x': expected a time like 30s, 2m or 1m30s"
	assert_equal "$output" ""
	run -2 --separate-stderr bk-plan export --format csv --at 09:00
	assert_err "bk-plan: --at needs --format ics"
	assert_equal "$output" ""
	run -2 --separate-stderr bk-plan export --alarm 10m
	assert_err "bk-plan: --alarm needs --format ics"
	assert_equal "$output" ""
	run -2 --separate-stderr bk-plan export --format ics --alarm 10m
	assert_err "bk-plan: --alarm 10m needs a time of day (--at, or remind_at in the config): an all-day event has none"
	assert_equal "$output" ""
	assert_equal "${#stderr_lines[@]}" 3
	assert_equal "${stderr_lines[1]}" "usage: bk-plan export [NAME] [--format ics|csv|tsv|json]"
	run -2 --separate-stderr bk-plan export nosuch --format ics --at 09:00
	assert_equal "$output" ""
	assert_equal "$(digest "$BK_DB")" "$before"
}

# a throwaway khal: its config and calendar under the test's directory
khal_setup() {
	mkdir -p "$BATS_TEST_TMPDIR/config/khal" "$BATS_TEST_TMPDIR/cal"
	cat > "$BATS_TEST_TMPDIR/config/khal/config" <<-EOF
	[calendars]
	[[cal]]
	path = $BATS_TEST_TMPDIR/cal
	[locale]
	local_timezone = UTC
	default_timezone = UTC
	timeformat = %H:%M
	dateformat = %Y-%m-%d
	longdateformat = %Y-%m-%d
	datetimeformat = %Y-%m-%d %H:%M
	longdatetimeformat = %Y-%m-%d %H:%M
	[default]
	default_calendar = cal
	EOF
}

kl() {	# FROM TO: the events khal lists, one a line
	khal list --format '{start} {end} {title}{alarm-symbol}' --day-format '' "$@" | sed '/^ *$/d' | sort
}

@test "khal imports the export: events at their times with alarms, a weekly plan repeats to its end and not beyond" {
	command -v khal > /dev/null || fail "khal is missing (make deps installs it)"
	khal_setup
	run -0 bk-plan new mine --on mon --start 2026-11-23
	run -0 bk-plan add mine cat-cow
	run -0 bk-plan add mine band-row
	run -0 bk-plan end mine --date 2026-12-28
	run -0 bk-plan new desk --template desk-break --start 2026-11-23
	run -0 bash -c 'bk-plan export --format ics --at 09:00,12:30,16:00 --alarm 10m > "$BATS_TEST_TMPDIR/all.ics"'
	run -0 --separate-stderr khal import --batch -a cal "$BATS_TEST_TMPDIR/all.ics"
	run -0 kl 2026-11-23 2026-11-23
	assert_line --index 0 '2026-11-23 09:00 2026-11-23 09:04 mine: Cat-Cow, Band Row ⏰'
	assert_line --index 1 '2026-11-23 09:00 2026-11-23 09:07 desk: Stand And Move, Seated Heel Press, Seated Arm Clasp Behind Back and 8 more ⏰'
	assert_line --index 2 '2026-11-23 12:30 2026-11-23 12:37 desk: Stand And Move, Seated Heel Press, Seated Arm Clasp Behind Back and 8 more ⏰'
	assert_line --index 3 '2026-11-23 16:00 2026-11-23 16:07 desk: Stand And Move, Seated Heel Press, Seated Arm Clasp Behind Back and 8 more ⏰'
	assert_equal "${#lines[@]}" 4
	# the weekly plan: every Monday up to its end, then nothing
	run -0 bash -c "khal list --format '{start} {title}' --day-format '' 2026-11-23 2027-03-01 | grep 'mine:'"
	assert_equal "${#lines[@]}" 6
	assert_line --index 0 '2026-11-23 09:00 mine: Cat-Cow, Band Row'
	assert_line --index 5 '2026-12-28 09:00 mine: Cat-Cow, Band Row'
	# the 28-day program stops after its last day
	run -0 kl 2026-12-20 2026-12-20
	assert_equal "${#lines[@]}" 3
	run -1 bash -c "khal list --day-format '' 2026-12-21 2027-01-31 | grep desk:"
	# imported again after a change of times: the events move, none doubles
	run -0 bash -c 'bk-plan export --format ics --at 10:00,13:30,17:00 --alarm 10m > "$BATS_TEST_TMPDIR/again.ics"'
	run -0 --separate-stderr khal import --batch -a cal "$BATS_TEST_TMPDIR/again.ics"
	run -0 kl 2026-11-23 2026-11-23
	assert_line --index 0 --partial '2026-11-23 10:00 2026-11-23 10:04 mine:'
	assert_line --index 1 --partial '2026-11-23 10:00 2026-11-23 10:07 desk:'
	assert_equal "${#lines[@]}" 4
}

@test "a store from before the calendar gets its own store id on upgrade, kept from then on" {
	local a="$BATS_TEST_TMPDIR/a.db" b="$BATS_TEST_TMPDIR/b.db" sa sb
	sqlite3 "$a" < "$TOP/tests/fixtures/store-0.1.0.sql"
	sqlite3 "$b" < "$TOP/tests/fixtures/store-0.1.0.sql"
	run -0 sqlite3 "$a" "SELECT count(*) FROM meta WHERE key = 'store_id'"
	assert_output 0
	BK_DB=$a run -0 bk-plan new mine --on mon --start 2026-11-23
	BK_DB=$a run -0 bk-plan add mine cat-cow
	BK_DB=$b run -0 bk-log cat-cow 1x5
	sa=$(sqlite3 "$a" "SELECT value FROM meta WHERE key = 'store_id'")
	sb=$(sqlite3 "$b" "SELECT value FROM meta WHERE key = 'store_id'")
	[[ $sa =~ ^[0-9a-f]{32}$ ]]
	[[ $sb =~ ^[0-9a-f]{32}$ ]]
	[ "$sa" != "$sb" ]
	# the calendar's UIDs carry it, and it stays through later writes
	BK_DB=$a run -0 --separate-stderr bk-plan export mine --format ics
	assert_output --partial "UID:MO-s1-p$(sqlite3 "$a" "SELECT id FROM plans WHERE name = 'mine'")-$sa@backkit"
	BK_DB=$a run -0 bk-log cat-cow 1x5
	run -0 sqlite3 "$a" "SELECT value FROM meta WHERE key = 'store_id'"
	assert_output "$sa"
}
