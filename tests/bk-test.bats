#!/usr/bin/env bats
# bk-test: recording tests and ratings, listing, rm, undo, how.

load common

# the measurements as "kind|date|try|value|unit|value_cm|level|protocol|region|note"
rows() {
	sqlite3 "$BK_DB" "SELECT kind, date, try, value, unit, value_cm, level,
		protocol, region, note FROM measurements ORDER BY id"
}

# measurements and journal entries: what a refused command must not change
counts() {
	sqlite3 "$BK_DB" "SELECT (SELECT count(*) FROM measurements) || ' ' ||
		(SELECT count(*) FROM journal)"
}

config() {
	mkdir -p "$XDG_CONFIG_HOME/backkit"
	printf '%s\n' "$@" > "$XDG_CONFIG_HOME/backkit/config"
}

@test "bk-test --help prints the usage on stdout, exit 0" {
	run -0 --separate-stderr bk-test --help
	assert_line --index 0 'usage: bk-test toe-touch REACH... [--date D] [--note TEXT]'
	assert_line --partial 'bk-test progress [KIND]'
	assert_equal "$stderr" ""
	run -0 bk-test -h
	assert_line --index 0 --partial 'usage: bk-test toe-touch'
}

@test "bk-test --version" {
	run -0 bk-test --version
	assert_output --regexp '^bk-test \(backkit\) [0-9]+\.[0-9]+\.[0-9]+$'
}

@test "bk-test: usage errors go to stderr in one line and a hint, exit 2" {
	run -2 --separate-stderr bk-test
	assert_equal "$output" ""
	assert_equal "$stderr" "bk-test: missing command"$'\n'"see 'bk-test --help'"
	run -2 --separate-stderr bk-test frobnicate
	assert_err "bk-test: unknown command 'frobnicate'"
	run -2 --separate-stderr bk-test list --bogus
	assert_err "bk-test: unrecognized option '--bogus'"
	run -2 --separate-stderr bk-test toe-touch
	assert_err "bk-test: toe-touch needs a REACH"
	run -2 --separate-stderr bk-test pain
	assert_err "bk-test: pain needs a RATING"
	run -2 --separate-stderr bk-test pain 3 4
	assert_err "bk-test: unexpected argument '4'"
	run -2 --separate-stderr bk-test toe-touch -12 --protocol ymca
	assert_err "bk-test: option --protocol does not apply to 'toe-touch'"
	run -2 --separate-stderr bk-test pain 3 --kind pain
	assert_err "bk-test: option --kind does not apply to 'pain'"
	run -2 --separate-stderr bk-test undo now
	assert_err "bk-test: unexpected argument 'now'"
	assert_file_not_exists "$BK_DB"
}

@test "toe-touch: several tries are one test, one row per try, the best is the result" {
	run -0 --separate-stderr bk-test toe-touch -12 -10 -11cm
	assert_output 'toe-touch on 2026-11-21: best -10 cm of 3 tries (ids 1-3)'
	run -0 rows
	assert_output "$(printf '%s\n' \
		'toe-touch|2026-11-21|1|-12.0|cm|-12.0||||' \
		'toe-touch|2026-11-21|2|-10.0|cm|-10.0||||' \
		'toe-touch|2026-11-21|3|-11.0|cm|-11.0||||')"
	# the tries share one journal entry
	run -0 sqlite3 "$BK_DB" "SELECT count(DISTINCT journal_id), min(journal_id) IS NOT NULL FROM measurements"
	assert_output '1|1'
	run -0 bk-test list --format csv
	assert_line --index 0 'id,date,kind,try,value,unit,value_cm,level,protocol,region,best,note'
	assert_line --index 1 '1,2026-11-21,toe-touch,1,-12,cm,-12,,,,0,'
	assert_line --index 2 '2,2026-11-21,toe-touch,2,-10,cm,-10,,,,1,'
	assert_line --index 3 '3,2026-11-21,toe-touch,3,-11,cm,-11,,,,0,'
	# one try alone
	run -0 bk-test toe-touch -9
	assert_output 'toe-touch on 2026-11-21: -9 cm (id 4)'
}

@test "toe-touch: signed reach, higher is better; cm by default, inches converted" {
	run -0 bk-test toe-touch -- -12cm
	run -0 bk-test toe-touch +3cm
	assert_output 'toe-touch on 2026-11-21: +3 cm (id 2)'
	run -0 bk-test toe-touch 0
	assert_output 'toe-touch on 2026-11-21: 0 cm (id 3)'
	run -0 bk-test toe-touch -5in
	assert_output 'toe-touch on 2026-11-21: -12.7 cm (id 4)'
	run -0 bk-test toe-touch -12.5
	run -0 sqlite3 "$BK_DB" "SELECT value || ' ' || unit || ' ' || round(value_cm, 3) FROM measurements ORDER BY id"
	assert_output "$(printf '%s\n' '-12.0 cm -12.0' '3.0 cm 3.0' '0.0 cm 0.0' \
		'-5.0 in -12.7' '-12.5 cm -12.5')"
	# the best of a test is the highest, even past the floor
	run -0 bk-test toe-touch -2 +1 0
	assert_output --partial 'best +1 cm of 3 tries'
	run -0 bk-test toe-touch -30 -25in -40
	assert_output --partial 'best -30 cm of 3 tries'
}

@test "toe-touch: the sign of a distance is never guessed; 0 and level words need none" {
	run -0 bk-test toe-touch -- -15
	local before
	before=$(digest "$BK_DB")
	run -2 --separate-stderr bk-test toe-touch 12
	assert_equal "$output" ""
	assert_equal "$stderr" "bk-test: invalid reach '12': is that 12 cm short of the floor (-12) or past it (+12)?"
	run -2 --separate-stderr bk-test toe-touch -- -10 3.5cm
	assert_equal "$stderr" "bk-test: invalid reach '3.5cm': is that 3.5 cm short of the floor (-3.5cm) or past it (+3.5cm)?"
	assert_equal "$(digest "$BK_DB")" "$before"
	run -0 bk-test toe-touch +12
	assert_output 'toe-touch on 2026-11-21: +12 cm (id 2)'
	run -0 bk-test toe-touch 0
	run -0 bk-test toe-touch shins
	run -0 sqlite3 "$BK_DB" "SELECT count(*) FROM measurements"
	assert_output 4
}

@test "toe-touch: a bare number is in inches under units = imperial, and shown in inches" {
	config 'units = imperial'
	run -0 bk-test toe-touch -5 -4
	assert_output 'toe-touch on 2026-11-21: best -4 in of 2 tries (ids 1-2)'
	run -0 bk-test toe-touch -- -10cm
	assert_output 'toe-touch on 2026-11-21: -3.9 in (id 3)'
	run -0 sqlite3 "$BK_DB" "SELECT value || ' ' || unit || ' ' || round(value_cm, 2) FROM measurements ORDER BY id"
	assert_output "$(printf '%s\n' '-5.0 in -12.7' '-4.0 in -10.16' '-10.0 cm -10.0')"
}

@test "toe-touch: level words are stored as levels, never as centimetres" {
	run -0 bk-test toe-touch shins Ankles knees
	assert_output 'toe-touch on 2026-11-21: best ankles of 3 tries (ids 1-3)'
	run -0 rows
	assert_output "$(printf '%s\n' \
		'toe-touch|2026-11-21|1||||shins|||' \
		'toe-touch|2026-11-21|2||||ankles|||' \
		'toe-touch|2026-11-21|3||||knees|||')"
	run -0 sqlite3 "$BK_DB" "SELECT count(*) FROM measurements WHERE value IS NULL AND value_cm IS NULL AND unit IS NULL"
	assert_output 3
	# every word, in order: the longer reach wins
	local words=(knees shins ankles toes floor knuckles palms) w
	for ((w = 1; w < 7; w++)); do
		run -0 bk-test toe-touch "${words[w]}" "${words[w-1]}"
		assert_output --partial "best ${words[w]} of 2 tries"
	done
	run -0 bk-test list --format csv --kind toe-touch
	assert_line --index 2 '2,2026-11-21,toe-touch,2,,,,ankles,,,1,'
}

@test "toe-touch: a test is all distances or all level words" {
	run -0 bk-test toe-touch -20
	run -2 --separate-stderr bk-test toe-touch -12 shins
	assert_equal "$stderr" "bk-test: invalid reach 'shins': one test is all distances or all level words"
	run -2 --separate-stderr bk-test toe-touch toes 0 -1
	assert_err "bk-test: invalid reach '0': one test is all distances or all level words"
	run -0 counts
	assert_output '1 1'
}

@test "toe-touch: bad reaches name the value, exit 2, write nothing" {
	local bad
	for bad in abc 12kg knee thighs 1.2.3 '' - 1e3 '-12 cm' -151cm +40in; do
		run -2 --separate-stderr bk-test toe-touch -- "$bad"
		assert_equal "$output" ""
		[[ $stderr == "bk-test: invalid reach '$bad': "* ]] || fail "$stderr"
		[[ $stderr != *$'\n'* ]] || fail "more than one line: $stderr"
	done
	assert_file_not_exists "$BK_DB"
	run -2 --separate-stderr bk-test toe-touch abc
	assert_err "bk-test: invalid reach 'abc': not a distance like -12cm or -5in, nor a level word (knees, shins, ankles, toes, floor, knuckles, palms)"
	run -2 --separate-stderr bk-test toe-touch 12kg
	assert_err "bk-test: invalid reach '12kg': unknown unit 'kg' (cm or in)"
	run -2 --separate-stderr bk-test toe-touch knee
	assert_err "bk-test: invalid reach 'knee': unknown level word (did you mean knees?)"
	# a good try beside a bad one writes nothing either
	run -0 bk-test toe-touch -12
	run -2 --separate-stderr bk-test toe-touch -10 -9kg
	assert_err_partial "invalid reach '-9kg'"
	run -0 counts
	assert_output '1 1'
	run -2 --separate-stderr bk-test toe-touch 1 2 3 4 5 6 7 8 9 10 11
	assert_err "bk-test: too many tries '11' (at most 10)"
}

@test "toe-touch: dates in the past are fine, the future is refused" {
	run -0 bk-test toe-touch -12 --date 2026-11-01
	assert_output --partial 'toe-touch on 2026-11-01:'
	run -0 bk-test toe-touch --date -3d -11
	assert_output --partial 'toe-touch on 2026-11-18:'
	run -0 bk-test toe-touch -10 --date monday
	assert_output --partial 'toe-touch on 2026-11-16:'
	run -0 bk-test toe-touch -9 --date today --note 'after a walk'
	run -0 bk-test toe-touch --date=yesterday -- -8
	assert_output --partial 'toe-touch on 2026-11-20:'
	run -0 counts
	assert_output '5 5'
	run -2 --separate-stderr bk-test toe-touch -12 --date tomorrow
	assert_equal "$stderr" "bk-test: invalid date 'tomorrow': it is in the future"
	run -2 --separate-stderr bk-test toe-touch -12 --date 2026-11-22
	assert_err "bk-test: invalid date '2026-11-22': it is in the future"
	run -2 --separate-stderr bk-test pain 3 --date +1d
	assert_err "bk-test: invalid date '+1d': it is in the future"
	run -2 --separate-stderr bk-test sit-and-reach 15 --date 2027-01-01
	assert_err_partial "invalid date '2027-01-01'"
	run -2 --separate-stderr bk-test toe-touch -12 --date 2026-02-30
	assert_err_partial "invalid date '2026-02-30'"
	run -0 counts
	assert_output '5 5'
	run -0 sqlite3 "$BK_DB" "SELECT note FROM measurements WHERE value = -9"
	assert_output 'after a walk'
}

@test "toe-touch: negative operands and option arguments that look like options" {
	run -0 bk-test --date -3d toe-touch -12 --note -5 -11
	assert_output 'toe-touch on 2026-11-18: best -11 cm of 2 tries (ids 1-2)'
	run -0 sqlite3 "$BK_DB" "SELECT DISTINCT note FROM measurements"
	assert_output -- '-5'
	run -0 bk-test toe-touch -.5 -D-1d
	assert_output 'toe-touch on 2026-11-20: -0.5 cm (id 3)'
}

@test "sit-and-reach: YMCA inches with 15 at the heels, ACSM box cm, both as cm past the toes" {
	run -0 bk-test sit-and-reach 17
	assert_output 'sit-and-reach on 2026-11-21: 17 in (YMCA), 5.1 cm past the toes (id 1)'
	run -0 bk-test sit-and-reach 15in --protocol ymca
	assert_output 'sit-and-reach on 2026-11-21: 15 in (YMCA), at the toes (id 2)'
	run -0 bk-test sit-and-reach 12 10.5 11
	assert_output 'sit-and-reach on 2026-11-21: best 12 in of 3 tries (YMCA), 7.6 cm short of the toes (ids 3-5)'
	run -0 bk-test sit-and-reach --protocol acsm 30 31cm
	assert_output 'sit-and-reach on 2026-11-21: best 31 cm of 2 tries (ACSM), 5 cm past the toes (ids 6-7)'
	run -0 bk-test sit-and-reach --protocol acsm 20 --note box
	assert_output 'sit-and-reach on 2026-11-21: 20 cm (ACSM), 6 cm short of the toes (id 8)'
	run -0 sqlite3 "$BK_DB" "SELECT value || ' ' || unit || ' ' || round(value_cm, 2) || ' ' || protocol || ' ' || try FROM measurements ORDER BY id"
	assert_output "$(printf '%s\n' '17.0 in 5.08 ymca 1' '15.0 in 0.0 ymca 1' \
		'12.0 in -7.62 ymca 1' '10.5 in -11.43 ymca 2' '11.0 in -10.16 ymca 3' \
		'30.0 cm 4.0 acsm 1' '31.0 cm 5.0 acsm 2' '20.0 cm -6.0 acsm 1')"
	run -0 bk-test list --kind sit-and-reach --format csv
	assert_line --index 3 '3,2026-11-21,sit-and-reach,1,12,in,-7.62,,ymca,,1,'
	assert_line --index 4 '4,2026-11-21,sit-and-reach,2,10.5,in,-11.43,,ymca,,0,'
	assert_line --index 8 '8,2026-11-21,sit-and-reach,1,20,cm,-6,,acsm,,1,box'
}

@test "sit-and-reach: bad protocols and readings are refused, nothing written" {
	run -2 --separate-stderr bk-test sit-and-reach 15 --protocol foo
	assert_equal "$stderr" "bk-test: invalid protocol 'foo' (one of: ymca, acsm)
see 'bk-test --help'"
	run -2 --separate-stderr bk-test sit-and-reach 40cm
	assert_err "bk-test: invalid sit-and-reach '40cm': a YMCA reading is in inches on the yardstick (a box in cm is --protocol acsm)"
	run -2 --separate-stderr bk-test sit-and-reach 12in --protocol acsm
	assert_err "bk-test: invalid sit-and-reach '12in': an ACSM box reading is in cm (a yardstick in inches is --protocol ymca)"
	run -2 --separate-stderr bk-test sit-and-reach 37
	assert_err "bk-test: invalid sit-and-reach '37': out of range (0 to 36 in on the yardstick)"
	run -2 --separate-stderr bk-test sit-and-reach -- -1
	assert_err_partial "invalid sit-and-reach '-1'"
	run -2 --separate-stderr bk-test sit-and-reach abc
	assert_err "bk-test: invalid sit-and-reach 'abc': not a number"
	run -2 --separate-stderr bk-test sit-and-reach 12kg
	assert_err_partial "invalid sit-and-reach '12kg'"
	run -2 --separate-stderr bk-test sit-and-reach 15 --age 0 --sex male
	assert_err "bk-test: invalid age '0' (a whole number of years from 1 to 120)"
	run -2 --separate-stderr bk-test sit-and-reach 15 --age 30 --sex other
	assert_err "bk-test: invalid sex 'other' (one of: male, female)"
	assert_file_not_exists "$BK_DB"
}

@test "sit-and-reach: the YMCA band needs both age and sex, from options or config" {
	run -0 bk-test sit-and-reach 17
	assert_equal "${#lines[@]}" 1
	run -0 bk-test sit-and-reach 17 --age 30
	assert_equal "${#lines[@]}" 1
	run -0 bk-test sit-and-reach 17 --sex male
	assert_equal "${#lines[@]}" 1
	run -0 bk-test sit-and-reach 17 --age 30 --sex male
	assert_line --index 1 'YMCA rating: good (men 26-35, age 30)'
	run -0 bk-test sit-and-reach 22 --age 25 --sex male
	assert_line --index 1 'YMCA rating: excellent (men 18-25, age 25)'
	run -0 bk-test sit-and-reach 21.5 --age 25 --sex male
	assert_line --index 1 'YMCA rating: good (men 18-25, age 25)'
	run -0 bk-test sit-and-reach 19 --age 40 --sex female
	assert_line --index 1 'YMCA rating: good (women 36-45, age 40)'
	run -0 bk-test sit-and-reach 18.5 --age 40 --sex female
	assert_line --index 1 'YMCA rating: above average (women 36-45, age 40)'
	run -0 bk-test sit-and-reach 3 --age 70 --sex female
	assert_line --index 1 'YMCA rating: very poor (women over 65, age 70)'
	run -0 bk-test sit-and-reach 20 --age 17 --sex female
	assert_line --index 1 'YMCA rating: none, the norms start at age 18'
	# the box reading is rated on the yardstick's scale: 26 cm = the toes = 15 in
	run -0 bk-test sit-and-reach --protocol acsm 26 --age 30 --sex male
	assert_line --index 1 'YMCA rating: average (men 26-35, age 30)'
	# the age is reached in the test's year; options beat the config
	config 'birth_year = 1980' 'sex = female'
	run -0 bk-test sit-and-reach 17
	assert_line --index 1 'YMCA rating: above average (women 46-55, age 46)'
	run -0 bk-test sit-and-reach 17 --date 2025-06-01
	assert_line --index 1 'YMCA rating: average (women 36-45, age 45)'
	run -0 bk-test sit-and-reach 17 --sex male --age 30
	assert_line --index 1 'YMCA rating: good (men 26-35, age 30)'
}

@test "config: birth_year and sex are checked, errors name file and line" {
	config 'units = metric' 'birth_year = nineteen'
	run -1 --separate-stderr bk-test toe-touch -12
	assert_err "bk-test: $XDG_CONFIG_HOME/backkit/config:2: invalid birth_year 'nineteen': expected a year from 1900 to 2026"
	config 'birth_year = 2027'
	run -1 --separate-stderr bk-test sit-and-reach 15
	assert_err_partial "config:1: invalid birth_year '2027'"
	config 'birth_year = 1899'
	run -1 --separate-stderr bk-test sit-and-reach 15
	assert_err_partial "config:1: invalid birth_year '1899'"
	config '# me' 'sex = M'
	run -1 --separate-stderr bk-test sit-and-reach 15
	assert_err "bk-test: $XDG_CONFIG_HOME/backkit/config:2: invalid sex 'M': expected male or female"
	assert_file_not_exists "$BK_DB"
	# where neither units, age nor sex matter, a bad line is no obstacle
	run -0 bk-test pain 2
	run -0 bk-test list --format csv
	run -0 bk-test undo
	run -1 --separate-stderr bk-test progress
	assert_err_partial "invalid sex 'M'"
	config 'birth_year = 1990' 'sex = male' 'units = imperial'
	run -0 bk-test sit-and-reach 15
	assert_line --index 1 'YMCA rating: average (men 36-45, age 36)'
}

@test "pain: ratings 0-10, regions from the catalog's list, advice at 7 and above" {
	run -0 bk-test pain 3
	assert_output 'pain on 2026-11-21: 3/10 (id 1)'
	run -0 bk-test pain 6 --region lower-back --note 'after gardening'
	assert_output 'pain on 2026-11-21: 6/10, lower-back (id 2)'
	run -0 bk-test pain 7 --region neck
	assert_line --index 0 'pain on 2026-11-21: 7/10, neck (id 3)'
	assert_line --index 1 'A rating of 7 or more: stop the exercises that hurt and see a health professional.'
	assert_equal "${#lines[@]}" 2
	run -0 bk-test pain 10
	assert_line --index 1 --partial 'see a health professional'
	run -0 bk-test pain 0 -r upper-back
	assert_equal "${#lines[@]}" 1
	run -0 rows
	assert_output "$(printf '%s\n' 'pain|2026-11-21|1|3.0||||||' \
		'pain|2026-11-21|1|6.0|||||lower-back|after gardening' \
		'pain|2026-11-21|1|7.0|||||neck|' 'pain|2026-11-21|1|10.0||||||' \
		'pain|2026-11-21|1|0.0|||||upper-back|')"
	run -0 sqlite3 "$BK_DB" "SELECT count(*) FROM measurements WHERE region IS NULL"
	assert_output 2
}

@test "pain: bad ratings and regions are refused, nothing written" {
	run -0 bk-test pain 2
	local bad
	for bad in 11 -1 3.5 abc '' 007x 1e1; do
		run -2 --separate-stderr bk-test pain -- "$bad"
		assert_equal "$stderr" "bk-test: invalid pain rating '$bad' (a whole number from 0 to 10)"
	done
	run -2 --separate-stderr bk-test pain 4 --region back
	assert_err_partial "invalid region 'back' (one of: neck, shoulders, upper-back"
	run -0 counts
	assert_output '1 1'
}

@test "list: filters by kind and dates; table, CSV, TSV and JSON" {
	bk-test toe-touch -20 --date 2026-11-01
	bk-test pain 4 --date 2026-11-05 --region neck --note 'a, "quoted" note'
	bk-test sit-and-reach 14 --date 2026-11-10
	bk-test toe-touch shins -D 2026-11-15
	run -0 bk-test list --format csv --kind toe-touch
	assert_output "$(printf '%s\n' 'id,date,kind,try,value,unit,value_cm,level,protocol,region,best,note' \
		'1,2026-11-01,toe-touch,1,-20,cm,-20,,,,1,' \
		'4,2026-11-15,toe-touch,1,,,,shins,,,1,')"
	run -0 bk-test list --format csv --since 2026-11-05 --until 2026-11-10
	assert_equal "${#lines[@]}" 3
	assert_line --index 1 '2,2026-11-05,pain,1,4,,,,,neck,1,"a, ""quoted"" note"'
	assert_line --index 2 --regexp '^3,2026-11-10,sit-and-reach,1,14,in,-2.54'
	run -0 bk-test list --format csv --region neck
	assert_equal "${#lines[@]}" 2
	run -0 bk-test list --format tsv --kind pain
	assert_line --index 1 "$(printf '2\t2026-11-05\tpain\t1\t4\t\t\t\t\tneck\t1\ta, "quoted" note')"
	run -0 bk-test list --format table --since -1w
	assert_line --index 0 --regexp '^id +date +kind +try +value +unit +value_cm +level +protocol +region +best +note$'
	assert_line --index 2 --regexp '^ *4  2026-11-15  toe-touch +1 +shins'
	run -0 bash -c "bk-test list --format json | /usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); print(len(d), d[0][\"value_cm\"], d[1][\"region\"], d[3][\"level\"], d[3][\"value\"])'"
	assert_output '4 -20 neck shins None'
	# piped output is CSV
	run -0 bash -c 'bk-test list | head -n 1'
	assert_output 'id,date,kind,try,value,unit,value_cm,level,protocol,region,best,note'
	run -2 --separate-stderr bk-test list --kind flex
	assert_err "bk-test: invalid kind 'flex' (one of: toe-touch, sit-and-reach, pain)"
	run -2 --separate-stderr bk-test list --since 2026-13-01
	assert_err_partial "invalid date '2026-13-01'"
	run -2 --separate-stderr bk-test list --format xml
	assert_err "bk-test: invalid format 'xml' (one of: table, csv, tsv, json)"
}

@test "list: an empty or missing store lists nothing and creates nothing" {
	run -0 bk-test list --format csv
	assert_output 'id,date,kind,try,value,unit,value_cm,level,protocol,region,best,note'
	run -0 bk-test list --format json
	assert_output '[]'
	assert_file_not_exists "$BK_DB"
}

@test "list: notes reach a terminal table escaped" {
	bk-test pain 2 --note $'evil\e[31m\nnote'
	run -0 bk-test list --format table
	assert_output --partial 'evil\x1b[31m\nnote'
	run -0 bk-test list --format csv
	assert_output --partial $'"evil\e[31m\nnote"'
}

@test "rm: removes tries by id, all or none, and undo puts them back" {
	bk-test toe-touch -12 -10 -11
	bk-test pain 5
	run -0 bk-test rm 2
	assert_output 'removed 1 measurement: 2'
	# the best of the test is now the best of the tries left
	run -0 bk-test list --format csv --kind toe-touch
	assert_line --index 1 '1,2026-11-21,toe-touch,1,-12,cm,-12,,,,0,'
	assert_line --index 2 '3,2026-11-21,toe-touch,3,-11,cm,-11,,,,1,'
	run -1 --separate-stderr bk-test rm 3 99 4
	assert_err "bk-test: cannot remove 99: no such measurement"
	run -0 counts
	assert_output '3 3'
	run -2 --separate-stderr bk-test rm 3 x
	assert_err "bk-test: invalid id 'x'"
	run -2 --separate-stderr bk-test rm 0
	assert_err "bk-test: invalid id '0'"
	run -2 --separate-stderr bk-test rm
	assert_err "bk-test: rm needs an ID"
	run -0 counts
	assert_output '3 3'
	run -0 bk-test rm 3 4 3
	assert_output 'removed 2 measurements: 3 4'
	run -0 sqlite3 "$BK_DB" "SELECT group_concat(id) FROM measurements"
	assert_output '1'
	run -0 bk-test undo
	assert_output 'undid bk-test: rm 3 4'
	run -0 bk-test undo
	assert_output 'undid bk-test: rm 2'
	run -0 bk-test list --format csv
	assert_equal "${#lines[@]}" 5
	assert_line --index 2 '2,2026-11-21,toe-touch,2,-10,cm,-10,,,,1,'
	run -0 sqlite3 "$BK_DB" "SELECT count(*) FROM trash"
	assert_output 0
}

@test "undo: reverses the latest write, tries and all, then the one before" {
	bk-test toe-touch -20 --date 2026-11-14
	bk-test toe-touch -12 -10 -11
	run -0 bk-test undo
	assert_output 'undid bk-test: toe-touch on 2026-11-21: best -10 cm of 3 tries'
	run -0 rows
	assert_output 'toe-touch|2026-11-14|1|-20.0|cm|-20.0||||'
	run -0 bk-test undo
	assert_output 'undid bk-test: toe-touch on 2026-11-14: -20 cm'
	run -1 --separate-stderr bk-test undo
	assert_err "bk-test: cannot undo: nothing left to undo"
	run -0 sqlite3 "$BK_DB" "SELECT count(*) FROM measurements"
	assert_output 0
}

@test "undo: the journal is shared with bk-log, one undo takes the latest of either" {
	bk-test pain 4
	# a set logged by bk-log, as bk-log writes it: its own journal entry
	sqlite3 "$BK_DB" "INSERT INTO journal (at, command, summary) VALUES ('2026-11-21T10:00:00', 'bk-log', 'jefferson-curl 1x5');
		INSERT INTO sets (date, exercise_id, reps, journal_id)
		VALUES ('2026-11-21', (SELECT id FROM exercises WHERE slug = 'jefferson-curl'), 5, last_insert_rowid())"
	run -0 bk-test undo
	assert_output 'undid bk-log: jefferson-curl 1x5'
	run -0 sqlite3 "$BK_DB" "SELECT (SELECT count(*) FROM sets) || ' ' || (SELECT count(*) FROM measurements)"
	assert_output '0 1'
	run -0 bk-test undo
	assert_output 'undid bk-test: pain on 2026-11-21: 4/10'
}

@test "how: the protocol in full, per kind" {
	run -0 bk-test how toe-touch
	local phrase flat
	flat=$(tr -s ' \n' '  ' <<< "$output")
	for phrase in 'Warm up the same way' 'same time of day' 'shoes off' \
		'feet together' 'knees straight' 'slowly' 'Never bounce' \
		'two seconds' 'fingertips to the floor' 'three tries' \
		'best one is the result' 'When not to test' 'osteoporosis' \
		'health professional' 'knuckles'; do
		[[ ${flat,,} == *"${phrase,,}"* ]] || fail "missing: $phrase"
	done
	refute_output --partial 'Rating pain'
	run -0 bk-test how sit-and-reach
	assert_output --partial '15 in mark'
	assert_output --partial '26 cm at the soles'
	assert_output --partial 'When not to test'
	run -0 bk-test how pain
	assert_output --partial '7 or more'
	refute_output --partial 'When not to test'
	run -0 bk-test how
	assert_output --partial 'The standing toe-touch test'
	assert_output --partial 'The sit-and-reach test'
	assert_output --partial 'Rating pain and stiffness'
	# every line fits a terminal
	local line
	for line in "${lines[@]}"; do
		(( ${#line} <= 76 )) || fail "too long: $line"
	done
	run -2 --separate-stderr bk-test how yoga
	assert_err "bk-test: invalid kind 'yoga' (one of: toe-touch, sit-and-reach, pain)"
	assert_file_not_exists "$BK_DB"
}

@test "--complete: the words the completions offer" {
	run -0 bk-test --complete commands
	assert_output "$(printf '%s\n' toe-touch sit-and-reach pain list rm edit undo how progress)"
	run -0 bk-test --complete words -- list --kind ''
	assert_output "$(printf '%s\n' toe-touch sit-and-reach pain)"
	run -0 bk-test --complete words -- sit-and-reach 15 --protocol ''
	assert_output "$(printf '%s\n' ymca acsm)"
	run -0 bk-test --complete words -- sit-and-reach 15 --sex ''
	assert_output "$(printf '%s\n' male female)"
	run -0 bk-test --complete words -- toe-touch -12 ''
	assert_output "$(printf '%s\n' knees shins ankles toes floor knuckles palms)"
	run -0 bk-test --complete words -- pain 3 --region ''
	assert_line neck
	assert_line lower-back
	run -0 bk-test --complete options
	local opt
	for opt in age date db format help kind note protocol region since sex until version; do
		assert_line -- "--$opt"
	done
	refute_line -- '--complete'
	run -2 --separate-stderr bk-test --complete nonsense
	assert_err "bk-test: invalid --complete 'nonsense'"
}

@test "help, man page and completions name the same long options" {
	local opt
	run -0 bk-test --complete options
	for opt in "${lines[@]}"; do
		grep -q -- "${opt}" <(bk-test --help) || fail "$opt not in --help"
		grep -qE -- "Fl (. [,|] )?-${opt#--}( |$)" "$TOP/man/man1/bk-test.1" || fail "$opt not in the man page"
	done
}

@test "completions: bash completes commands, level words, kinds and option values" {
	run -0 bash -c "source '$TOP/completions/bk-test.bash'
		COMP_WORDS=(bk-test p); COMP_CWORD=1; _bk_test; echo \"\${COMPREPLY[*]}\"
		COMP_WORDS=(bk-test toe-touch -12 sh); COMP_CWORD=3; _bk_test; echo \"\${COMPREPLY[*]}\"
		COMP_WORDS=(bk-test progress t); COMP_CWORD=2; _bk_test; echo \"\${COMPREPLY[*]}\"
		COMP_WORDS=(bk-test sit-and-reach 15 --protocol ''); COMP_CWORD=4; _bk_test; echo \"\${COMPREPLY[*]}\"
		COMP_WORDS=(bk-test pain 3 --region low); COMP_CWORD=4; _bk_test; echo \"\${COMPREPLY[*]}\"
		COMP_WORDS=(bk-test --date yesterday toe-touch kn); COMP_CWORD=4; _bk_test; echo \"\${COMPREPLY[*]}\"
		COMP_WORDS=(bk-test list --fo); COMP_CWORD=2; _bk_test; echo \"\${COMPREPLY[*]}\""
	assert_line --index 0 'pain progress'
	assert_line --index 1 'shins'
	assert_line --index 2 'toe-touch'
	assert_line --index 3 'ymca acsm'
	assert_line --index 4 'lower-back'
	assert_line --index 5 'knees knuckles'
	assert_line --index 6 '--format'
}

@test "install: bk-test, its man page and completions land in place and work" {
	# the build's own PREFIX: another would rebuild bin/ under other tests
	local dest="$BATS_TEST_TMPDIR/stage" p="$BATS_TEST_TMPDIR/stage/usr/local"
	run -0 make -s -C "$TOP" install DESTDIR="$dest"
	assert_file_executable "$p/bin/bk-test"
	assert_file_exists "$p/share/man/man1/bk-test.1"
	assert_file_exists "$p/share/bash-completion/completions/bk-test"
	assert_file_exists "$p/share/zsh/site-functions/_bk-test"
	assert_file_exists "$p/share/fish/vendor_completions.d/bk-test.fish"
	run -0 "$p/bin/bk-test" toe-touch -12 -10
	assert_output 'toe-touch on 2026-11-21: best -10 cm of 2 tries (ids 1-2)'
	run -0 "$p/bin/bk-test" progress --format csv
	assert_line --index 1 --regexp '^toe-touch,1,cm,'
	run -0 bash -c "mandoc -Tascii '$p/share/man/man1/bk-test.1' | col -b"
	assert_output --partial 'YMCA Fitness Testing and Assessment'
	run -0 make -s -C "$TOP" uninstall DESTDIR="$dest"
	assert_file_not_exists "$p/bin/bk-test"
	assert_file_not_exists "$p/share/man/man1/bk-test.1"
}

@test "bk-test help prints the usage, not an unknown name" {
	run -0 --separate-stderr bk-test help
	assert_line --index 0 --partial 'usage: bk-test toe-touch'
	assert_equal "$stderr" ""
	run -2 --separate-stderr bk-test help extra
	assert_err "bk-test: unexpected argument 'extra'"
	assert_equal "$output" ""
}
