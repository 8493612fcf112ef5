#!/usr/bin/env bats
# Random sequences of writes and undos of every command against a model:
# each undo brings back the content from before its write, a refused
# command changes nothing, and undoing everything gives the empty store.

load common

@test "journal property: random writes and undos of every command, fixed seeds" {
	local seed steps=200
	# the sanitized commands are several times slower: fewer steps; the
	# timeout only guards against a hang
	if nm "$TOP/bin/bk-log" 2> /dev/null | grep -q __asan_init; then
		steps=60
	fi
	for seed in 1 2 3; do
		run -0 timeout 600 python3 "$BATS_TEST_DIRNAME/journal-property.py" \
			"$seed" "$steps" "$BATS_TEST_TMPDIR/s$seed.db"
		assert_output --regexp "^seed $seed: $steps steps, [1-9][0-9]* writes stored, [0-9]+ refused, [1-9][0-9]* undos$"
	done
}
