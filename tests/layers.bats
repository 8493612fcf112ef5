#!/usr/bin/env bats
# The shape of the code: the library's files call each other one way only
# (no cycle among them), and the command files stay thin.
load common

@test "layers: the library objects have no import cycle" {
	local tool="$TOP/../shared/tools/layers.py"
	[ -f "$tool" ] || skip "no $tool here to read the calls with"
	command -v nm > /dev/null || skip "no nm to read the objects with"
	make -s -C "$TOP" all > /dev/null
	run --separate-stderr python3 "$tool" "$TOP/build"
	[ "$status" -eq 0 ] || { echo "$output"; false; }
	[[ $output != *cycle* ]]
	# the catalog sits above the store: opening one never calls up
	if grep -qE '^db\.c .*catalog\.c' <<< "$output"; then false; fi
}

@test "layers: each command file is its options and a dispatch, at most 600 lines" {
	local f n long=""
	for f in "$TOP"/src/bk.c "$TOP"/src/bk-*.c; do
		n=$(wc -l < "$f")
		[ "$n" -le 600 ] || long+=" ${f##*/}($n)"
	done
	[ -z "$long" ] || { echo "too long:$long"; false; }
}
