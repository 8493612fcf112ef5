#!/usr/bin/env bats
# The one definition of each quantity: held seconds, load moved and the
# status of a planned item read the same in every command.

load common

@test "held seconds: reps x the hold of each rep, a timed set its hold, each side counts" {
	# five reps of cat-cow, each held 3 s, twice: 30 s held
	run -0 bk-log cat-cow 1x5 --hold 3s
	run -0 bk-log cat-cow 1x5 --hold 3s
	run -0 --separate-stderr bk-stats volume --format csv
	assert_output "$(printf '%s\n' period,exercise,sets,reps,hold_seconds,load_kg \
		2026-W47,cat-cow,2,10,30,0)"
	assert_equal "$stderr" ""
	run -0 bk-stats exercises --format csv
	assert_line --index 1 'cat-cow,Cat-Cow,2,10,30,,3,2026-11-21'
	run -0 bk-stats summary
	assert_line --regexp '^  cat-cow +2 sets +10 reps  30s held$'
	# a timed set is its own hold; a set on each side is held on each side
	run -0 bk-log passive-hang 1x30s
	run -0 bk-log hip-flexor-stretch 1x5 --hold 10s --side both
	run -0 bk-stats volume --format csv
	assert_line '2026-W47,hip-flexor-stretch,2,10,100,0'
	assert_line '2026-W47,passive-hang,1,0,30,0'
	run -0 bk-stats summary
	assert_line --regexp '^  hip-flexor-stretch +2 sets +10 reps  1m40s held$'
}

@test "load moved: reps x load, in volume, exercises and the summary" {
	run -0 bk-log band-row 3x8@5kg
	run -0 bk-log passive-hang 1x30s@10kg
	run -0 bk-stats volume --format csv
	assert_line '2026-W47,band-row,3,24,0,120'
	assert_line '2026-W47,passive-hang,1,0,30,0'
	run -0 bk-stats summary
	assert_line --regexp '^  band-row +3 sets +24 reps  120 kg moved$'
}

# today is day 1 of jefferson-30: cat-cow 1x5 hold 3s, hip-flexor-stretch
# 1x5 hold 10s each side, jefferson-curl 2x5 hold 5s
statuses() {
	bk-plan today --format tsv | awk -F'\t' '$5 == "exercise" { print $6, $18 }'
}

@test "status: done only at the planned dose or more; partly when less; skipped when only a skip" {
	run -0 bk-plan new jc --template jefferson-30
	# fewer reps than planned, a shorter hold, one side of two, one set of two
	run -0 bk-log cat-cow 1x3 --hold 3s
	run -0 bk-log hip-flexor-stretch 1x5 --hold 10s --side left
	run -0 bk-log jefferson-curl 1x5 --hold 5s
	run -0 statuses
	assert_output "$(printf '%s\n' 'cat-cow partly' 'hip-flexor-stretch partly' 'jefferson-curl partly')"
	run -0 bk-plan today --format table
	assert_line --regexp '^  cat-cow .* partly 1/1 sets, below the dose$'
	assert_line --regexp '^  hip-flexor-stretch .* partly 0.5/1 sets$'
	assert_line --regexp '^  jefferson-curl .* partly 1/2 sets$'
	run -0 bk-stats adherence --by day --format csv
	assert_output "$(printf '%s\n' period,plan,planned,done,skipped,percent,partly \
		2026-11-21,jc,3,0,0,0,3)"
	# the rest of the dose: every one done; more than planned is done too
	run -0 bk-log cat-cow 1x8 --hold 4s
	run -0 bk-log hip-flexor-stretch 1x5 --hold 10s --side right
	run -0 bk-log jefferson-curl 1x5 --hold 5s
	run -0 statuses
	assert_output "$(printf '%s\n' 'cat-cow done' 'hip-flexor-stretch done' 'jefferson-curl done')"
	run -0 bk-stats adherence --by day --format csv
	assert_line '2026-11-21,jc,3,3,0,100,0'
	run -0 bk-stats summary
	assert_line '    adherence: 3 of 3 done (100%), 0 partly, 0 skipped, 0 missed'
}

@test "status: adherence counts done, partly and skipped apart; its percent counts only done" {
	run -0 bk-plan new jc --template jefferson-30
	run -0 bk-log cat-cow 1x5 --hold 3s
	run -0 bk-log hip-flexor-stretch 1x5 --hold 2s --side both
	run -0 bk-log skip jefferson-curl --reason tired
	run -0 statuses
	assert_output "$(printf '%s\n' 'cat-cow done' 'hip-flexor-stretch partly' 'jefferson-curl skipped')"
	run -0 bk-stats adherence --by day --format csv
	assert_output "$(printf '%s\n' period,plan,planned,done,skipped,percent,partly \
		2026-11-21,jc,3,1,1,33.3,1)"
	# the first six columns stay where scripts read them
	run -0 bash -c 'bk-stats adherence --format csv | cut -d, -f1-6'
	assert_line --index 0 period,plan,planned,done,skipped,percent
	run -0 bk-stats summary
	assert_line '    adherence: 1 of 3 done (33%), 1 partly, 1 skipped, 0 missed'
}
