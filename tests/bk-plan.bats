#!/usr/bin/env bats
# bk-plan: the catalog commands.

load common

@test "bk-plan --help prints the usage on stdout, exit 0" {
	run -0 --separate-stderr bk-plan --help
	assert_line --index 0 --partial 'usage: bk-plan exercises'
	assert_equal "$stderr" ""
	run -0 bk-plan -h
	assert_line --index 0 --partial 'usage: bk-plan exercises'
}

@test "bk-plan --version" {
	run -0 bk-plan --version
	assert_output --regexp '^bk-plan \(backkit\) [0-9]+\.[0-9]+\.[0-9]+$'
}

@test "bk-plan: usage errors go to stderr in one line and a hint, exit 2" {
	run -2 --separate-stderr bk-plan show --formt csv
	assert_equal "$output" ""
	assert_equal "$stderr" "bk-plan: unrecognized option '--formt'"$'\n'"see 'bk-plan --help'"
	run -2 --separate-stderr bk-plan frobnicate
	[[ ${stderr%%$'\n'*} == "bk-plan: unknown command 'frobnicate'" ]]
	run -2 --separate-stderr bk-plan exercises --bogus
	[[ ${stderr%%$'\n'*} == "bk-plan: unrecognized option '--bogus'" ]]
	run -2 --separate-stderr bk-plan exercises extra
	[[ ${stderr%%$'\n'*} == "bk-plan: unexpected argument 'extra'" ]]
	run -2 --separate-stderr bk-plan exercise jefferson-curl --region neck
	[[ ${stderr%%$'\n'*} == "bk-plan: option --region does not apply to 'exercise'" ]]
}

@test "bk-plan exercises: the whole catalog, every article represented" {
	run -0 bk-plan exercises --format csv
	assert_line --index 0 'slug,name,regions,kind,position,equipment,dose'
	# one row per catalog line (no field in the catalog spans lines)
	assert_equal "${#lines[@]}" "$(wc -l < "$TOP/share/backkit/exercises.csv")"
	local slug
	for slug in lateral-raise-circle plank-alternate-arm-lift \
		kneeling-diagonal-reach prone-lateral-arm-raise prone-diagonal-lift \
		prone-back-extension stand-and-move passive-hang active-hang \
		trunk-rotation camel arch-and-relax deep-squat-reach \
		hip-flexor-stretch jefferson-curl neck-roll shoulder-roll \
		arm-circles overhead-arm-reach chair-rotation cat-cow knee-to-chest \
		thoracic-extension band-row face-pull back-twist \
		forward-backward-bend back-arch squat-sit-stretch leg-stretch \
		lumbar-rub neck-twist upper-back-loosener toe-circles anal-lock; do
		assert_line --regexp "^$slug,"
	done
	run -0 bash -c "bk-plan exercise --format csv jefferson-curl | tail -n 1"
	assert_output --partial ',001,1'
	for src in 000 001 002 003 004; do
		run -0 bash -c "grep -c ',$src\$' '$TOP/share/backkit/exercises.csv'"
		(( output >= 5 ))
	done
}

@test "bk-plan exercises: piped output is CSV, --format table aligns" {
	# (stderr may say the pipe closed: SIGPIPE is ignored, EPIPE an error)
	run -0 bash -c 'bk-plan exercises 2> /dev/null | head -n 1'
	assert_output 'slug,name,regions,kind,position,equipment,dose'
	run -0 bk-plan exercises --format table --kind breathing
	assert_line --index 0 --regexp '^slug +name +regions +kind +position +equipment +dose$'
	assert_line --index 1 --regexp '^-+  -+'
}

@test "bk-plan exercises: filters by region, kind, position and equipment" {
	run -0 bk-plan exercises --region neck --format tsv
	local line
	for line in "${lines[@]:1}"; do
		[[ $(cut -f3 <<< "$line") == *neck* ]]
	done
	(( ${#lines[@]} > 3 ))
	run -0 bk-plan exercises --kind strength --position lying-front --format csv
	assert_line --regexp '^prone-back-extension,'
	refute_line --regexp '^jefferson-curl,'
	run -0 bk-plan exercises --equipment bar --format csv
	assert_line --regexp '^passive-hang,'
	assert_line --regexp '^active-hang,'
	assert_equal "${#lines[@]}" 3
	# a region matches whole words only: "back" is no region
	run -2 --separate-stderr bk-plan exercises --region back
	assert_equal "$stderr" "bk-plan: invalid region 'back' (one of: neck, shoulders, upper-back, mid-back, lower-back, hips, hamstrings, core, pelvic-floor)
see 'bk-plan --help'"
}

@test "bk-plan exercises: bad filter values name the value, exit 2" {
	run -2 --separate-stderr bk-plan exercises --kind yoga
	assert_err_partial "invalid kind 'yoga'"
	run -2 --separate-stderr bk-plan exercises --position upside-down
	assert_err_partial "invalid position 'upside-down'"
	run -2 --separate-stderr bk-plan exercises --equipment rope
	assert_err_partial "invalid equipment 'rope'"
	run -2 --separate-stderr bk-plan exercises --format xml
	assert_err "bk-plan: invalid format 'xml' (one of: table, csv, tsv, json)"
}

@test "bk-plan exercises --format json parses" {
	run -0 bash -c "bk-plan exercises --format json | /usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); print(len(d), d[0][\"slug\"], sorted(d[0]))'"
	assert_output --regexp "^[0-9]+ lateral-raise-circle \['dose', 'equipment', 'kind', 'name', 'position', 'regions', 'slug'\]$"
}

@test "bk-plan exercise: the full card, by slug, prefix or name" {
	run -0 bk-plan exercise jefferson-curl
	assert_line --index 0 'Jefferson Curl (jefferson-curl)'
	assert_line --regexp '^dose: +1x5 hold 5s'
	assert_line --regexp '^cues: +'
	assert_line --regexp '^cautions: +'
	assert_output --partial 'osteoporosis'
	assert_line --regexp '^source: +article 001, "The 6 Best Stretches'
	local card=$output
	run -0 bk-plan exercise jeff
	assert_equal "$output" "$card"
	run -0 bk-plan exercise 'JEFFERSON curl'
	assert_equal "$output" "$card"
}

@test "bk-plan exercise: an unknown name suggests the nearest slugs, exit 2" {
	run -2 --separate-stderr bk-plan exercise jeferson-curl
	assert_equal "$output" ""
	assert_equal "$stderr" "bk-plan: unknown exercise 'jeferson-curl' (did you mean jefferson-curl?)"
	run -2 --separate-stderr bk-plan exercise zzzzzzzzzzzz
	assert_equal "$stderr" "bk-plan: unknown exercise 'zzzzzzzzzzzz' (see 'bk-plan exercises')"
	run -2 --separate-stderr bk-plan exercise ca
	assert_equal "$stderr" "bk-plan: ambiguous exercise 'ca': camel, cat-cow"
	run -2 --separate-stderr bk-plan exercise ''
	assert_err_partial "unknown exercise ''"
}

@test "bk-plan exercise add: a user exercise, listed and shown" {
	run -0 --separate-stderr bk-plan exercise add wall-angel --name "Wall Angel" \
		--region upper-back --region shoulders --kind mobility \
		--position standing --equipment wall
	assert_output 'added exercise wall-angel'
	assert_equal "$stderr" ""
	run -0 bk-plan exercises --region shoulders --format csv
	assert_line 'wall-angel,Wall Angel,upper-back shoulders,mobility,standing,wall,1x10'
	run -0 bk-plan exercise 'wall angel'
	assert_line --regexp '^source: +added by you$'
	run -0 bk-plan exercise wall-angel --format json
	assert_output --partial '"builtin":0'
}

@test "bk-plan exercise add: refusals name the value and change nothing" {
	run -0 bk-plan exercise add mine --name Mine
	local before
	before=$(sqlite3 "$BK_DB" 'SELECT count(*), group_concat(slug) FROM exercises')
	run -1 --separate-stderr bk-plan exercise add mine --name Other
	assert_equal "$stderr" "bk-plan: cannot add 'mine': an exercise with that slug exists"
	run -1 --separate-stderr bk-plan exercise add jefferson-curl --name X
	assert_equal "$stderr" "bk-plan: cannot add 'jefferson-curl': an exercise with that slug exists"
	run -1 --separate-stderr bk-plan exercise add other --name 'CAT-COW'
	assert_equal "$stderr" "bk-plan: cannot add 'other': exercise 'cat-cow' has the name 'CAT-COW'"
	local bad
	for bad in Bad 9lives has_underscore trailing- 'sp ace' ''; do
		run -2 --separate-stderr bk-plan exercise add "$bad" --name X
		assert_err_partial "invalid slug '$bad'"
	done
	run -2 --separate-stderr bk-plan exercise add fine
	assert_err "bk-plan: exercise add needs --name NAME"
	run -2 --separate-stderr bk-plan exercise add fine --name ''
	assert_err "bk-plan: invalid name '' (1 to 200 bytes)"
	run -2 --separate-stderr bk-plan exercise add fine --name F --region back
	assert_err_partial "invalid region 'back'"
	run -2 --separate-stderr bk-plan exercise add
	assert_err "bk-plan: exercise add needs a SLUG"
	assert_equal "$(sqlite3 "$BK_DB" 'SELECT count(*), group_concat(slug) FROM exercises')" "$before"
}

@test "bk-plan: hostile text is stored literally and shown escaped" {
	run -0 bk-plan exercise add evil --name $'Evil "name", \e[31mred\e[0m\n2nd line'
	run -0 bk-plan exercise evil
	assert_line --index 0 'Evil "name", \x1b[31mred\x1b[0m\n2nd line (evil)'
	run -0 bk-plan exercises --format csv
	assert_output --partial $'evil,"Evil ""name"", \e[31mred\e[0m\n2nd line"'
	run -0 sqlite3 "$BK_DB" "SELECT name = 'Evil \"name\", ' || char(27) || '[31mred' || char(27) || '[0m' || char(10) || '2nd line' FROM exercises WHERE slug = 'evil'"
	assert_output 1
}

@test "catalog: BK_DATADIR overrides; a malformed catalog names the line and makes no store" {
	mkdir -p "$BATS_TEST_TMPDIR/share"
	{ head -n 3 "$TOP/share/backkit/exercises.csv"; echo 'bad-row,Bad,neck,yoga,standing,none,1,1,0,0,0,x,y,000'; } \
		> "$BATS_TEST_TMPDIR/share/exercises.csv"
	export BK_DATADIR="$BATS_TEST_TMPDIR/share"
	run -1 --separate-stderr bk-plan exercise add x --name x
	assert_equal "$stderr" "bk-plan: cannot read catalog '$BK_DATADIR/exercises.csv': line 4: invalid kind 'yoga'"
	assert_file_not_exists "$BK_DB"
	printf 'slug,name\nx,y\n' > "$BK_DATADIR/exercises.csv"
	run -1 --separate-stderr bk-plan exercises
	assert_equal "$stderr" "bk-plan: cannot read catalog '$BK_DATADIR/exercises.csv': line 1: the header is not slug,name,regions,kind,position,equipment,sets,reps,hold_s,per_side,rest_s,cues,cautions,source"
	{ head -n 2 "$TOP/share/backkit/exercises.csv"; printf 'open,"Open\n'; } > "$BK_DATADIR/exercises.csv"
	run -1 --separate-stderr bk-plan exercises
	assert_equal "$stderr" "bk-plan: cannot read catalog '$BK_DATADIR/exercises.csv': line 3: malformed CSV: unterminated quoted field"
	run -1 --separate-stderr env BK_DATADIR=/nonexistent bk-plan exercises
	assert_equal "$stderr" "bk-plan: cannot read catalog '/nonexistent/exercises.csv': No such file or directory"
}

@test "catalog: a changed catalog is reloaded; user exercises are untouched" {
	mkdir -p "$BATS_TEST_TMPDIR/share"
	cp "$TOP/share/backkit/exercises.csv" "$BATS_TEST_TMPDIR/share/"
	export BK_DATADIR="$BATS_TEST_TMPDIR/share"
	run -0 bk-plan exercise add mine --name Mine
	sed -i 's/^jefferson-curl,Jefferson Curl,/jefferson-curl,Jefferson Roll-Down,/' "$BK_DATADIR/exercises.csv"
	echo 'mine,Catalog Mine,neck,static,sitting,none,1,0,10,0,0,c,d,004' >> "$BK_DATADIR/exercises.csv"
	# a read shows the change without storing it; a write stores it
	local before
	before=$(sqlite3 "$BK_DB" 'SELECT name FROM exercises WHERE slug = "jefferson-curl"')
	run -0 bk-plan exercise jefferson-curl
	assert_line --index 0 'Jefferson Roll-Down (jefferson-curl)'
	assert_equal "$(sqlite3 "$BK_DB" 'SELECT name FROM exercises WHERE slug = "jefferson-curl"')" "$before"
	run -1 bk-log rm 999999
	assert_equal "$(sqlite3 "$BK_DB" 'SELECT name FROM exercises WHERE slug = "jefferson-curl"')" "$before"
	run -0 bk-log list
	assert_equal "$(sqlite3 "$BK_DB" 'SELECT name FROM exercises WHERE slug = "jefferson-curl"')" "$before"
	run -0 bk-log jefferson-curl
	assert_equal "$(sqlite3 "$BK_DB" 'SELECT name FROM exercises WHERE slug = "jefferson-curl"')" "Jefferson Roll-Down"
	run -0 bk-plan exercise mine
	assert_line --index 0 'Mine (mine)'
	assert_line --regexp '^source: +added by you$'
}

@test "completions: the option table drives every completion file" {
	run -0 bk-plan --complete options
	local opt
	for opt in "${lines[@]}"; do
		grep -q -- "${opt#--}" "$TOP/man/man1/bk-plan.1"
		bk-plan --help | grep -q -- "$opt"
	done
	run -0 bk-plan --complete exercises
	assert_line jefferson-curl
	run -2 bk-plan --complete nonsense
}

@test "completions: bash completes commands, slugs and option values" {
	run -0 bash -c "source '$TOP/completions/bk-plan.bash'
		COMP_WORDS=(bk-plan exer); COMP_CWORD=1; _bk_plan; echo \"\${COMPREPLY[*]}\"
		COMP_WORDS=(bk-plan exercise jeff); COMP_CWORD=2; _bk_plan; echo \"\${COMPREPLY[*]}\"
		COMP_WORDS=(bk-plan exercises --region low); COMP_CWORD=3; _bk_plan; echo \"\${COMPREPLY[*]}\"
		COMP_WORDS=(bk-plan exercises --for); COMP_CWORD=2; _bk_plan; echo \"\${COMPREPLY[*]}\""
	assert_line --index 0 'exercises exercise'
	assert_line --index 1 'jefferson-curl'
	assert_line --index 2 'lower-back'
	assert_line --index 3 '--format'
}

@test "bk-plan alone is bk-plan today; bk-plan help prints the usage" {
	bk-plan new mine --template back-mobility --start today > /dev/null
	run -0 --separate-stderr bk-plan
	assert_equal "$stderr" ""
	local alone=$output
	run -0 bk-plan today
	assert_equal "$alone" "$output"
	[[ $alone == *jefferson* || $alone == *hang* ]]
	run -0 --separate-stderr bk-plan help
	assert_line --index 0 --partial 'usage: bk-plan exercises'
	assert_equal "$stderr" ""
	run -2 --separate-stderr bk-plan help extra
	assert_err "bk-plan: unexpected argument 'extra'"
	assert_equal "$output" ""
}

@test "bk-plan: a plan not begun says when it begins in today and show --week" {
	BK_TODAY=2026-11-28 bk-plan new later --template back-mobility --start monday > /dev/null
	BK_TODAY=2026-11-28 run -0 --separate-stderr bk-plan today --format table
	assert_line --index 0 "nothing planned on Sat 2026-11-28"
	assert_line --index 1 "plan later begins on Mon 2026-11-30"
	BK_TODAY=2026-11-28 run -0 --separate-stderr bk-plan show --week --format table
	assert_line --index 0 "nothing planned from Mon 2026-11-23 to Sun 2026-11-29"
	assert_line --index 1 "plan later begins on Mon 2026-11-30"
	# once begun, no such line
	BK_TODAY=2026-11-30 run -0 bk-plan today --format table
	refute_line --partial "begins on"
}

@test "bk-plan show --week takes its date as the next word, even -1w" {
	BK_TODAY=2026-12-10 bk-plan new mine --template back-mobility --start 2026-11-30 > /dev/null
	BK_TODAY=2026-12-10 run -0 --separate-stderr bk-plan show --week -1w --format csv
	local next=$output
	BK_TODAY=2026-12-10 run -0 bk-plan show --week=-1w --format csv
	assert_equal "$next" "$output"
	assert_line --index 1 --partial "2026-11-30,mine,1,"
	BK_TODAY=2026-12-10 run -0 bk-plan show -w -1w --format csv
	assert_equal "$next" "$output"
	# a word that is no date is the plan's name
	BK_TODAY=2026-12-10 run -0 bk-plan show --week mine --format csv
	assert_line --index 1 --partial "2026-12-07,mine,8,"
	BK_TODAY=2026-12-10 run -2 --separate-stderr bk-plan show --week=-1q
	assert_err "bk-plan: invalid --week '-1q' (YYYY-MM-DD, YYYY-MM, YYYY, today, yesterday, tomorrow, a weekday, -3d, +2w, -1m, -1y, sow, eow, som, eom, soy, eoy, last|this|next week|month|year)"
	assert_equal "$output" ""
}

@test "bk-plan: values and unknown options echoed in errors are escaped" {
	local osc=$'\e]52;c;aGk=\a' shown='\x1b]52;c;aGk=\x07'
	bk-plan new mine --template back-mobility > /dev/null
	local before
	before=$(sqlite3 "$BK_DB" 'SELECT count(*) FROM plan_items')
	for args in "new x --start" "show --date" "show --week=" "add mine cat-cow --on" \
		"add mine cat-cow --side" "rm" "new"; do
		# shellcheck disable=SC2086
		if [[ $args == *= ]]; then
			run -2 --separate-stderr bk-plan ${args% *} "${args##* }$osc"
		else
			run -2 --separate-stderr bk-plan $args "$osc"
		fi
		[[ $stderr != *$'\e'* && $stderr != *$'\a'* ]] || fail "raw bytes for: $args"
		[[ $stderr == *"$shown"* ]] || fail "not shown escaped for: $args: $stderr"
		assert_equal "$output" ""
	done
	run -2 --separate-stderr bk-plan list "--$osc"
	assert_equal "$stderr" "bk-plan: unrecognized option '--$shown'"$'\n'"see 'bk-plan --help'"
	run -2 --separate-stderr bk-log list "--$osc"
	assert_err "bk-log: unrecognized option '--$shown'"
	run -2 --separate-stderr bk-test list "--$osc"
	assert_err "bk-test: unrecognized option '--$shown'"
	run -2 --separate-stderr bk-stats summary "--$osc"
	assert_err "bk-stats: unrecognized option '--$shown'"
	assert_equal "$(sqlite3 "$BK_DB" 'SELECT count(*) FROM plan_items')" "$before"
}
