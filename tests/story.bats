#!/usr/bin/env bats
# The suite's story across commands, as make demo tells it.

load common

@test "story: make demo's 30 days end with the projection and the reach plot" {
	run -0 --separate-stderr bash "$TOP/tests/demo.sh"
	assert_equal "$stderr" ""
	assert_line --partial 'created plan jefferson from template jefferson-30: Mon 2026-11-02 to Tue 2026-12-01'
	assert_line --regexp '^day 30  2026-12-01  3 exercises logged$'
	assert_line '    adherence: 76 of 78 done (97%), 0 partly, 2 skipped, 0 missed'
	assert_line '  current: 30 days, since 2026-11-02'
	assert_line '  floor:  projected for 2027-01-19'
	assert_line --regexp '^toe-touch,6,cm,2026-11-02,-20,2026-12-01,-12,2026-12-01,-12,8,.*,rising,2027-01-19,,$'
	assert_output --partial 'Flexibility: standing toe-touch reach'
	assert_output --partial 'floor about 2027-01-19'
	# nothing is left behind
	assert_file_not_exists "$BK_DB"
}

@test "story: a plan, its sets and tests, and the same projection everywhere" {
	export BK_TODAY=2026-11-02
	run -0 bk-plan new jefferson --template jefferson-30 --start monday
	run -0 bk-test toe-touch -20 -21
	run -0 bk-log cat-cow
	assert_output --partial 'logged cat-cow 1x5'
	run -0 bk-log jefferson-curl
	run -0 bk-plan today --format csv
	assert_line --regexp '^2026-11-02,jefferson,1,1,test,toe-touch,.*,done,$'
	assert_line --regexp '^2026-11-02,jefferson,1,2,exercise,cat-cow,.*,done,$'
	assert_line --regexp '^2026-11-02,jefferson,1,3,exercise,hip-flexor-stretch,.*,due,$'
	assert_line --regexp '^2026-11-02,jefferson,1,4,exercise,jefferson-curl,.*,done,$'
	run -0 bk-log skip hip-flexor-stretch --reason 'sore hip'
	run -0 bk-plan today --format csv
	assert_line --regexp '^2026-11-02,jefferson,1,3,exercise,hip-flexor-stretch,.*,skipped,sore hip$'
	# one undo takes back the latest write of either command
	run -0 bk-log undo
	run -0 bk-plan today --format csv
	assert_line --regexp '^2026-11-02,jefferson,1,3,exercise,hip-flexor-stretch,.*,due,$'
	BK_TODAY=2026-11-09 run -0 bk-test toe-touch -17
	BK_TODAY=2026-11-16 run -0 bk-test toe-touch -14
	BK_TODAY=2026-11-16 run -0 bk-stats adherence --format csv
	assert_line --index 0 'period,plan,planned,done,skipped,percent,partly'
	BK_TODAY=2026-11-16 run -0 bash -c "bk-test progress toe-touch --format csv | cut -d, -f13 | tail -n 1"
	local projected=$output
	[[ $projected == 2026-1[12]-* ]]
	BK_TODAY=2026-11-16 run -0 bk-stats summary
	assert_line "  floor:  projected for $projected"
}

@test "story: the relief program switches to warm-ups once pain has been 0 for 24 hours" {
	export BK_TODAY=2026-11-02
	run -0 bk-plan new ubr --template upper-back-relief --start today
	run -0 bk-test pain 3 --region upper-back
	BK_TODAY=2026-11-05 run -0 bk-test pain 0 --region upper-back
	BK_TODAY=2026-11-06 run -0 bk-test pain 0 --region upper-back
	BK_TODAY=2026-11-03 run -0 bash -c 'bk-plan today --format csv | cut -d, -f15 | tail -n +2 | sort -u'
	assert_output relief
	# the change is applied by the next command after the condition is met:
	# 0 on the 5th and on the 6th is 24 hours pain-free, warm-ups from the 7th
	BK_TODAY=2026-11-08 run -0 bk-log neck-roll
	assert_output --partial 'logged neck-roll'
	BK_TODAY=2026-11-08 run -0 bk-plan list --format csv
	assert_line --regexp '^ubr,upper-back-relief,2026-11-02,.*,warm-up,running,'
	BK_TODAY=2026-11-08 run -0 bash -c 'bk-plan show --date 2026-11-06 --format csv | cut -d, -f15 | tail -n +2 | sort -u'
	assert_output relief
	BK_TODAY=2026-11-08 run -0 bash -c 'bk-plan show --date 2026-11-07 --format csv | cut -d, -f15 | tail -n +2 | sort -u'
	assert_output warm-up
	BK_TODAY=2026-11-08 run -0 bk-plan today --format csv
	assert_line --regexp '^2026-11-08,ubr,.*,neck-roll,.*,warm-up,.*,done,$'
}
