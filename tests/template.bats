#!/usr/bin/env bats
# The template parser (bk-plan(5)), through the tests/unit driver: it
# reads a template on stdin and prints its headers, phases and program
# days (day, date, phase/day in phase: rules with their doses).

load common

tpl() { "$TOP/build/bk-unit" template "$@"; }

@test "template: headers, a rule, comments, blank lines and a BOM" {
	run -0 tpl < <(printf '\xef\xbb\xbf# a comment\nname  my-plan   # trailing comment\nsummary A short one: with a colon\n\nlength 3 days\ntimes 2 a day\nnote first\nnote second # not part of it\ndaily: cat-cow\r\n')
	assert_line --index 0 'name my-plan'
	assert_line --index 1 'summary A short one: with a colon'
	assert_line --index 2 'length 3'
	assert_line --index 3 'times 2'
	assert_line --index 4 'notes 2'
	assert_line --index 5 'phase - days=0 until=0 hours=0 regions=0 times=0 rules=1'
	assert_line --index 6 '1 2026-11-21 -/1: | cat-cow'
	assert_line --index 8 '3 2026-11-23 -/3: | cat-cow'
	assert_equal "${#lines[@]}" 9
}

@test "template: days, ranges, every N days, last and weekdays" {
	run -0 tpl 14 <<-'EOF'
	length 14
	3: a
	day 5-6, 9: b
	days every 4 days from 2: c
	every other day: d
	last: e
	sat-sun: f
	fri-mon: g
	EOF
	# 2026-11-21 is a saturday; day 4 and day 12 have no rule
	assert_equal "$(printf '%s\n' "${lines[@]:6}")" "$(printf '%s\n' \
		'1 2026-11-21 -/1: | d | f | g' \
		'2 2026-11-22 -/2: | c | f | g' \
		'3 2026-11-23 -/3: | a | d | g' \
		'5 2026-11-25 -/5: | b | d' \
		'6 2026-11-26 -/6: | b | c' \
		'7 2026-11-27 -/7: | d | g' \
		'8 2026-11-28 -/8: | f | g' \
		'9 2026-11-29 -/9: | b | d | f | g' \
		'10 2026-11-30 -/10: | c | g' \
		'11 2026-12-01 -/11: | d' \
		'13 2026-12-03 -/13: | d' \
		'14 2026-12-04 -/14: | c | e | g')"
}

@test "template: doses, sides, rests, loads in kg and lb, times a day" {
	run -0 tpl 1 <<-'EOF'
	daily: a 3x10
	daily: b 3x8@5kg rest 90s
	daily: c 2x10@15lb
	daily: d 3x30s
	daily: e 2x1m each side
	daily: f 12 hold 5s left
	daily: "Jefferson Curl" 1x5 hold 1m30s backward @2.5kg, 4 times a day
	daily: g
	EOF
	assert_line --index 6 '1 2026-11-21 -/1: | a sets=3 reps=10 hold=0 | b sets=3 reps=8 hold=0 load=5 rest=90 | c sets=2 reps=10 hold=0 load=6.804 | d sets=3 reps=0 hold=30 | e sets=2 reps=0 hold=60 per_side=1 | f sets=1 reps=12 hold=5 side=left | Jefferson Curl sets=1 reps=5 hold=90 load=2.5 side=backward times=4 | g'
}

@test "template: weekly steps: load, hold, sets and reps, from a week, every N weeks, up to a limit" {
	run -0 tpl 29 <<-'EOF'
	every 7 days: a 1x5, +2kg each week up to 5kg
	every 7 days: b 1x30s, +10s weekly from week 3
	every 7 days: c 3x8, +1 set every 2 weeks up to 5, +2 reps each week from week 4 up to 12
	every 7 days: d 1x5 @10lb, +5lb each week
	EOF
	assert_line --index 6 '1 2026-11-21 -/1: | a sets=1 reps=5 hold=0 | b sets=1 reps=0 hold=30 | c sets=3 reps=8 hold=0 | d sets=1 reps=5 hold=0 load=4.536'
	assert_line --index 7 '8 2026-11-28 -/8: | a sets=1 reps=5 hold=0 load=2 | b sets=1 reps=0 hold=30 | c sets=4 reps=8 hold=0 | d sets=1 reps=5 hold=0 load=6.804'
	assert_line --index 8 '15 2026-12-05 -/15: | a sets=1 reps=5 hold=0 load=4 | b sets=1 reps=0 hold=40 | c sets=4 reps=8 hold=0 | d sets=1 reps=5 hold=0 load=9.072'
	assert_line --index 9 '22 2026-12-12 -/22: | a sets=1 reps=5 hold=0 load=5 | b sets=1 reps=0 hold=50 | c sets=5 reps=10 hold=0 | d sets=1 reps=5 hold=0 load=11.34'
	assert_line --index 10 '29 2026-12-19 -/29: | a sets=1 reps=5 hold=0 load=5 | b sets=1 reps=0 hold=60 | c sets=5 reps=12 hold=0 | d sets=1 reps=5 hold=0 load=13.608'
}

@test "template: a rest day drops that day's exercises and keeps its tests" {
	run -0 tpl 4 <<-'EOF'
	daily: cat-cow
	2, 4: rest
	1, last: test toe-touch
	3: test pain
	EOF
	assert_line --index 6 '1 2026-11-21 -/1: | cat-cow | test toe-touch'
	assert_line --index 7 '2 2026-11-22 -/2: | rest'
	assert_line --index 8 '3 2026-11-23 -/3: | cat-cow | test pain'
	assert_line --index 9 '4 2026-11-24 -/4: | rest | test toe-touch'
}

@test "template: phases for N days follow each other; a conditional phase runs on" {
	run -0 tpl 6 <<-'EOF'
	phase one for 2 days
	times 3
	daily: a
	phase two for 2 days
	daily: b
	phase three
	daily: c
	EOF
	assert_line --index 5 'phase one days=2 until=0 hours=0 regions=0 times=3 rules=1'
	assert_line --index 8 '1 2026-11-21 one/1: | a'
	assert_line --index 9 '2 2026-11-22 one/2: | a'
	assert_line --index 10 '3 2026-11-23 two/1: | b'
	assert_line --index 12 '5 2026-11-25 three/1: | c'
	assert_line --index 13 '6 2026-11-26 three/2: | c'
	run -0 tpl 3 <<-'EOF'
	phase relief until pain-free 2d upper-back mid-back
	daily: a
	phase after
	daily: b
	EOF
	# regions: bit 2 upper-back, bit 3 mid-back
	assert_line --index 5 'phase relief days=0 until=1 hours=48 regions=12 times=0 rules=1'
	assert_line --index 9 '3 2026-11-23 relief/3: | a'
}

@test "template: every built-in template and the man page example parse" {
	local f
	for f in "$TOP"/share/backkit/templates/*.plan; do
		run -0 tpl < "$f"
		refute_output --partial 'error'
	done
	awk '/^# my-back.plan/,/^\.Ed/' "$TOP/man/man5/bk-plan.5" | grep -v '^\.Ed' > "$BATS_TEST_TMPDIR/example.plan"
	run -0 tpl < "$BATS_TEST_TMPDIR/example.plan"
	assert_line --index 0 'name my-back'
	assert_line --index 5 'phase relief days=0 until=1 hours=24 regions=16 times=2 rules=6'
	assert_line --index 6 'phase maintain days=0 until=0 hours=0 regions=0 times=0 rules=4'
}

@test "template: errors name the line" {
	local -A bad=(
		['daily: a\nname x\nname y\n']='line 3: a second '\''name'\'''
		['length 0\n']='line 1: invalid length '\''0'\'' (a number of days from 1 to 3660)'
		['length 3661\n']='line 1: invalid length '\''3661'\'' (a number of days from 1 to 3660)'
		['dayly: a\n']='line 1: invalid day selector '\''dayly'\'' (a day like 3, a range like 1-30, daily, every N days, last, or a weekday like mon or mon-fri)'
		['funday: a\n']='line 1: invalid day selector '\''funday'\'' (a day like 3, a range like 1-30, daily, every N days, last, or a weekday like mon or mon-fri)'
		['0: a\n']='line 1: invalid day '\''0'\'' (from 1 to 3660)'
		['5-2: a\n']='line 1: invalid day range '\''5-2'\'' (the first day comes after the last)'
		['every 0 days: a\n']='line 1: invalid day selector '\''every ...'\'' (like every 2 days, every 7 days from 3, every other day)'
		['daily: a 3y10\n']='line 1: invalid dose '\''3y10'\'' (like 12, 3x10, 3x8@5kg, 2x10@15lb, 3x30s)'
		['daily: a 3x10 hold\n']='line 1: '\''hold'\'' needs a duration from 1s to 60m, like 5s or 1m30s, not '\'''\'''
		['daily: a 3x10@600kg\n']='line 1: invalid dose '\''3x10@600kg'\'' (like 12, 3x10, 3x8@5kg, 2x10@15lb, 3x30s)'
		['daily: a 3x10 sideways\n']='line 1: unexpected '\''sideways'\'' in a dose (expected hold DUR, rest DUR, each side, left, right, forward, backward or @LOAD)'
		['daily: a 1x5 left each side\n']='line 1: '\''each side'\'' and '\''left'\'' together'
		['daily: a, +2kg\n']='line 1: a step needs '\''each week'\'' or '\''every N weeks'\'' after '\''+2kg'\'''
		['daily: a, +2 bananas each week\n']='line 1: invalid step '\''+2'\'' (a step is in kg, lb, s, m, sets or reps)'
		['daily: a, +2kg each week up to 5s\n']='line 1: the limit of a load step is in kg or lb'
		['daily: a, 30 times a day\n']='line 1: invalid number of times a day '\''30'\'' (1 to 20)'
		['daily: test blood\n']='line 1: invalid test '\''blood'\'' (one of: toe-touch, sit-and-reach, pain)'
		['daily: rest, +1 set each week\n']='line 1: a rest day takes nothing after a comma'
		['daily:\n']='line 1: nothing after the colon'
		['daily: "Jefferson Curl\n']='line 1: a quote is not closed'
		['just words\n']='line 1: expected '\''DAYS: ACTION'\'' or one of name, summary, length, times, note, phase; not '\''just'\'''
		['# nothing\n']='line 1: no exercises (a rule looks like: daily: cat-cow 1x5)'
		['daily: rest\n']='line 1: no exercises (a rule looks like: daily: cat-cow 1x5)'
		['daily: a\nphase p\ndaily: b\n']='line 2: a phase after rules that belong to no phase'
		['phase p\ndaily: a\nphase q\ndaily: b\n']='line 3: phase '\''q'\'' follows phase '\''p'\'', which has no end (give it '\''for N days'\'' or '\''until ...'\'')'
		['phase p until pain-free 24h\ndaily: a\n']='line 1: phase '\''p'\'' ends on a condition, but no phase follows it'
		['phase p until pain-free 0h\n']='line 1: invalid pain-free time '\''0h'\'' (like 24h or 2d, at most 30d)'
		['phase p until pain-free 24h back\n']='line 1: invalid region '\''back'\'''
		['phase p for 2 days\nphase q\ndaily: a\n']='line 1: phase '\''p'\'' has no rules'
		['phase P\n']='line 1: invalid phase name '\''P'\'' (lowercase letters, digits and hyphens)'
		['phase p sometimes\n']='line 1: invalid phase line (like: phase relief until pain-free 24h upper-back, or phase build for 14 days)'
		['times 21\n']='line 1: invalid times '\''21'\'' (sessions a day, from 1 to 20)'
		['note\n']='line 1: '\''note'\'' needs a text'
		['name Bad_Name\n']='line 1: invalid template name '\''Bad_Name'\'' (lowercase letters, digits and hyphens, starting with a letter)'
	)
	local input
	for input in "${!bad[@]}"; do
		run -1 tpl < <(printf "$input")
		assert_output "error: ${bad[$input]}"
	done
}

@test "template: a NUL byte or a line too long is refused with its line" {
	run -1 tpl < <(printf 'daily: a\nnote x\0y\n')
	assert_output 'error: line 2: NUL byte'
	run -1 tpl < <(printf 'daily: a\nnote %02000d\n' 0)
	assert_output 'error: line 2: line too long (at most 1024 bytes)'
	# a byte-order mark before a long first line
	run -1 tpl < <(printf '\xef\xbb\xbf#%02000d\ndaily: a\n' 0)
	assert_output 'error: line 1: line too long (at most 1024 bytes)'
	# 1024 bytes are fine, after a byte-order mark and before a CR too
	run -0 tpl < <(printf '\xef\xbb\xbf#%01023d\r\ndaily: a\n' 0)
	run -1 tpl < <(printf '#%01024d\r\ndaily: a\n' 0)
	assert_output 'error: line 1: line too long (at most 1024 bytes)'
}

@test "template: mangled templates are refused or read, never crash" {
	# a cheap fuzz: every built-in template with bytes flipped, cut and
	# repeated; each run must end with 0 or 1 (a sanitized build aborts
	# on a memory error)
	/usr/bin/python3 - "$TOP/share/backkit/templates" "$BATS_TEST_TMPDIR/m" <<-'PY'
	import os, random, sys
	random.seed(5)
	src, out = sys.argv[1], sys.argv[2]
	os.makedirs(out)
	seeds = [open(os.path.join(src, f), 'rb').read() for f in sorted(os.listdir(src))]
	junk = [b':', b',', b'-', b'"', b'#', b'\n', b' ', b'\0', b'@', b'x', b'+', b'9' * 30, b'\xff', b'every', b'phase', b'until']
	for i in range(300):
	    b = bytearray(random.choice(seeds))
	    for _ in range(random.randint(1, 8)):
	        p = random.randrange(len(b))
	        r = random.random()
	        if r < 0.4:
	            b[p:p] = random.choice(junk)
	        elif r < 0.7:
	            del b[p:p + random.randint(1, 20)]
	        else:
	            b[p] = random.randrange(256)
	    open(os.path.join(out, '%03d.plan' % i), 'wb').write(bytes(b))
	PY
	local f rc
	for f in "$BATS_TEST_TMPDIR"/m/*.plan; do
		rc=0
		"$TOP/build/bk-unit" template 60 < "$f" > /dev/null || rc=$?
		(( rc <= 1 )) || fail "$f: exit $rc"
	done
}

@test "dose: the SPEC grammar of bk-log, and the template's words" {
	run -0 "$TOP/build/bk-unit" dose 3x10 3x8@5kg 2x10@15lb 3x30s 2x1m 12 30s \
		'1x5 hold 5s each side' '1x3 rest 1m left' 3y10 0 '' 101x5 3x0 2x61m
	assert_output "$(printf '%s\n' ' sets=3 reps=10 hold=0' \
		' sets=3 reps=8 hold=0 load=5' \
		' sets=2 reps=10 hold=0 load=6.804' \
		' sets=3 reps=0 hold=30' ' sets=2 reps=0 hold=60' \
		' sets=1 reps=12 hold=0' ' sets=1 reps=0 hold=30' \
		' sets=1 reps=5 hold=5 per_side=1' \
		' sets=1 reps=3 hold=0 side=left rest=60' \
		"error: invalid dose '3y10' (like 12, 3x10, 3x8@5kg, 2x10@15lb, 3x30s)" \
		"error: invalid dose '0' (like 12, 3x10, 3x8@5kg, 2x10@15lb, 3x30s)" \
		'error: empty dose' \
		"error: invalid dose '101x5' (like 12, 3x10, 3x8@5kg, 2x10@15lb, 3x30s)" \
		"error: invalid dose '3x0' (like 12, 3x10, 3x8@5kg, 2x10@15lb, 3x30s)" \
		"error: invalid dose '2x61m' (like 12, 3x10, 3x8@5kg, 2x10@15lb, 3x30s)")"
}

@test "ics: TEXT escaped, lines folded at 75 octets, never inside a UTF-8 character" {
	run -0 "$TOP/build/bk-unit" ics SUMMARY 'a,b;c\d
e' 1
	assert_output $'SUMMARY:a\\,b\\;c\\\\d\\ne\r'
	run -0 bash -c "'$TOP/build/bk-unit' ics DESCRIPTION \"\$(printf 'é%.0s' {1..60})\" 1 | od -An -c | tr -s ' ' | head -c 0; '$TOP/build/bk-unit' ics DESCRIPTION \"\$(printf 'é%.0s' {1..60})\" 1 | LC_ALL=C awk '{ print length(\$0) }'"
	# 12 octets of name, then 31 two-octet characters (74 + CR), then a
	# blank and 29 more
	assert_output "$(printf '%s\n' 75 60)"
	run -0 bash -c "'$TOP/build/bk-unit' ics X \"\$(printf 'a\001b\377c')\" 1 | od -An -tx1 | tr -d ' \n'"
	assert_output '583a612062efbfbd630d0a'
}
