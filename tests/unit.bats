#!/usr/bin/env bats
# The library's pure functions, through the tests/unit/bk-unit driver.

load common

unit() { "$TOP/build/bk-unit" "$@"; }

@test "dates: ISO, words, offsets and weekdays relative to BK_TODAY" {
	# 2026-11-21 is a saturday
	run -0 unit date 2026-01-31 today yesterday tomorrow -3d +2w -0d
	assert_output "$(printf '%s\n' 2026-01-31 2026-11-21 2026-11-20 \
		2026-11-22 2026-11-18 2026-12-05 2026-11-21)"
}

@test "dates: weekday names look back for logs, forward for plans" {
	run -0 unit date saturday friday sun Monday
	assert_output "$(printf '%s\n' 2026-11-21 2026-11-20 2026-11-15 2026-11-16)"
	run -0 unit future saturday friday sun Monday
	assert_output "$(printf '%s\n' 2026-11-21 2026-11-27 2026-11-22 2026-11-23)"
}

@test "dates: impossible and malformed dates are refused" {
	run -0 unit date 2026-02-30 2025-02-29 2026-13-01 2026-1-01 3d +d \
		-3x funday mo '' 2026-11-21x 0000-01-01 +999999999d
	assert_output "$(printf 'invalid\n%.0s' {1..13})"
	run -0 unit date 2024-02-29 2000-02-29
	assert_output "$(printf '%s\n' 2024-02-29 2000-02-29)"
}

@test "dates: ISO weeks across year ends" {
	run -0 unit week 2026-01-01 2020-12-31 2021-01-03 2021-01-04 2026-11-21
	assert_output "$(printf '%s\n' '2026-W01 4' '2020-W53 4' '2020-W53 7' \
		'2021-W01 1' '2026-W47 6')"
}

@test "dates: a bad BK_TODAY is a usage error naming it" {
	BK_TODAY=2026-99-01 run -2 --separate-stderr unit date today
	assert_equal "$stderr" "bk-unit: invalid BK_TODAY '2026-99-01': expected YYYY-MM-DD"
}

@test "csv: quotes, CRLF, a BOM, quoted newlines and no final newline" {
	run -0 unit csv < <(printf '\xef\xbb\xbfa,"b,1","say ""hi"""\r\n"multi\nline", x ,\n3,4,5')
	assert_output "$(printf '%s\n' '1:[a][b,1][say "hi"]' \
		'2:[multi\nline][ x ][]' '4:[3][4][5]')"
}

@test "csv: an unterminated quote is an error naming the row's line" {
	run -1 unit csv < <(printf 'a,b\n1,"open\n2,3\n')
	assert_line --index 1 'error: line 2: malformed CSV: unterminated quoted field'
}

@test "csv: a stray quote is an error naming the line" {
	run -1 unit csv < <(printf 'a,b\n1,2\nx"y,3\n')
	assert_line --index 2 'error: line 3: malformed CSV: a quote inside an unquoted field or after a closing quote'
}

@test "csv: another delimiter" {
	run -0 unit csv ';' < <(printf 'a;b,c\n')
	assert_output '1:[a][b,c]'
}

@test "json: every control character and invalid UTF-8 escaped" {
	run -0 unit json "$(printf 'a"b\\c\td\ne\001f\037')" "$(printf 'caf\xc3\xa9 \xff \xc3')"
	assert_line --index 0 '"a\"b\\c\td\ne\u0001f\u001f"'
	assert_line --index 1 '"café \ufffd \ufffd"'
}

@test "terminal: control bytes are shown, never sent" {
	run -0 unit term "$(printf 'red\033[31m')" "$(printf 'a\xc2\x9bb')" 'café'
	assert_line --index 0 'red\x1b[31m 11'
	assert_line --index 1 'a\u009bb 8'
	assert_line --index 2 'café 4'
}

@test "output: CSV quotes what needs quoting" {
	run -0 unit out csv <<-'EOF'
	a|plain|1
	b|has,comma|2
	c|has "quote"|
	d| spaced |4
	EOF
	assert_output "$(printf '%s\n' 'key,text,n' 'a,plain,1' 'b,"has,comma",2' \
		'c,"has ""quote""",' 'd," spaced ",4')"
}

@test "output: TSV escapes tabs and backslashes" {
	run -0 unit out tsv < <(printf 'a|x\\ty\\\\z|1\n')
	assert_output "$(printf 'key\ttext\tn\na\tx\\\\ty\\\\\\\\z\t1')"
}

@test "output: JSON has numbers as numbers and null for empty cells" {
	run -0 unit out json < <(printf 'a|x|1\nb|y|\n')
	assert_output "$(printf '[\n{"key":"a","text":"x","n":1},\n{"key":"b","text":"y","n":null}\n]')"
	run -0 bash -c "printf '' | '$TOP/build/bk-unit' out json"
	assert_output '[]'
}

@test "output: tables align columns and right-align numbers" {
	run -0 unit out table < <(printf 'a|long text|1\nbbb|x|100\n')
	assert_output "$(printf '%s\n' 'key  text         n' '---  ---------  ---' \
		'a    long text    1' 'bbb  x          100')"
}

@test "dose: reps, holds, reps with a hold, per side" {
	run -0 unit dose 3 10 0 0
	assert_output '3x10'
	run -0 unit dose 2 0 30 1
	assert_output '2x30s each side'
	run -0 unit dose 1 5 5 0
	assert_output '1x5 hold 5s'
	run -0 unit dose 2 0 90 0
	assert_output '2x1m30s'
}

@test "periods: days, ISO weeks from Monday or Sunday, months" {
	run -0 unit period week 2026-11-16 2026-11-21 2026-11-22 2026-12-31 \
		2027-01-03 2027-01-04 2026-02-30 x
	assert_output "$(printf '%s\n' 2026-W47 2026-W47 2026-W47 2026-W53 \
		2026-W53 2027-W01 invalid invalid)"
	# from Sunday: a Sunday starts the ISO week of the next day
	run -0 unit period sunday-week 2026-11-15 2026-11-21 2026-11-22 \
		2027-01-02 2027-01-03
	assert_output "$(printf '%s\n' 2026-W47 2026-W47 2026-W48 2026-W53 2027-W01)"
	run -0 unit period month 2026-11-22 2027-01-01
	assert_output "$(printf '%s\n' 2026-11 2027-01)"
	run -0 unit period day 2026-11-22 2026-13-01
	assert_output "$(printf '%s\n' 2026-11-22 invalid)"
	run -0 unit period fortnight 2026-11-22
	assert_output invalid
}

@test "plot text: nothing that can end a gnuplot string or run a command" {
	run -0 unit plot-text "it's" 'a`b`' 'x"y' $'new\nline\r' 'back\slash' \
		'@x $y' 'EOD' '' $'\xff\xc2\x85\xe2\x80\xa8ok' 'Übung Ä' \
		"$(printf 'a%.0s' {1..50})"
	assert_output "$(printf '%s\n' '[it’s]' '[a‘b‘]' '[x”y]' '[new line ]' \
		'[back/slash]' '[?x ?y]' '[EOD]' '[?]' '[??????ok]' '[Übung Ä]' \
		"[$(printf 'a%.0s' {1..40})…]")"
}

@test "plot files: the extension names the format" {
	run -0 unit plot-term a.png B.PNG dir/x.svg x.Svg x.pdf .png dir.png/x png x.
	assert_output "$(printf '%s\n' png png svg svg invalid invalid invalid \
		invalid invalid)"
}

@test "session answers: words, first letters, any case, a reason or a SPEC" {
	run -0 unit answer done D ' Yes ' '  Skip   knee hurts  ' s 'p 2' \
		'partly 1x6@5kg' r quit '?' HELP '' '   '
	assert_output "$(printf '%s\n' done done done 'skip [knee hurts]' skip \
		'partly [2]' 'partly [1x6@5kg]' rest quit help help none none)"
	run -0 unit answer partly 'done now' dun 'q!' 'ski p'
	assert_output "$(printf '%s\n' \
		'error: partly needs what was done (partly N, or a SPEC such as 1x6)' \
		'error: nothing may follow this answer' \
		'error: not an answer (one of: done, skip [REASON], partly N, rest, quit, help)' \
		'error: not an answer (one of: done, skip [REASON], partly N, rest, quit, help)' \
		'error: not an answer (one of: done, skip [REASON], partly N, rest, quit, help)')"
}

@test "session answers: partly N counts sets, else reps or seconds; a SPEC says it all" {
	# 3x10 at 2kg: N is sets
	run -0 unit partly 3 10 0 2 1 3 0 1x6 2x20s 2x8@5kg 3x
	assert_output "$(printf '%s\n' 'sets=2 reps=10 hold=0 load=2' \
		'sets=1 reps=10 hold=0 load=2' \
		'error: 3 is not fewer than the 3 sets planned (answer done)' \
		'error: nothing done is a skip (answer skip)' \
		'sets=1 reps=6 hold=0 load=2' 'sets=2 reps=0 hold=20 load=2' \
		'sets=2 reps=8 hold=0 load=5' \
		"error: missing reps or time after 'x'")"
	# one set of 5 reps held 3s each: N is reps, the hold stays
	run -0 unit partly 1 5 3 4 5 99999999999999 1x2
	assert_output "$(printf '%s\n' 'sets=1 reps=4 hold=3 load=2' \
		'error: 5 is not fewer than the 5 reps planned (answer done)' \
		'error: 99999999999999 is not fewer than the 5 reps planned (answer done)' \
		'sets=1 reps=2 hold=3 load=2')"
	# one timed set of 30s: N is seconds
	run -0 unit partly 1 0 30 20 30 1x5
	assert_output "$(printf '%s\n' 'sets=1 reps=0 hold=20 load=2' \
		'error: 30 is not fewer than the 30 seconds planned (answer done)' \
		'sets=1 reps=5 hold=0 load=2')"
}
