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
	assert_line --index 1 --regexp "^1,2026-11-21,[0-9:]+,cat-cow,1,,5,,,,0,\"'=HYPERLINK\(\"\"http://x\"\",\"\"y\"\"\)\"$"
	assert_line --index 2 --regexp "^2,.*,1,'@SUM\(1\)$"
	assert_line --index 3 --regexp "^3,.*,0,'	TAB$"
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
	assert_line --index 1 --regexp $'\t\'=HYPERLINK\\("http://x","y"\\)$'
	assert_line --index 3 --regexp $'\t\'\\\\tTAB$'
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
