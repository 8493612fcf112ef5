#!/usr/bin/env bats
# measure.c through the tests/unit/bk-unit driver: reach parsing, the
# sit-and-reach scales, the YMCA norms at every band edge, the trend.

load common

unit() { "$TOP/build/bk-unit" "$@"; }

@test "reach: signed distances, cm by default, inches converted, levels by name" {
	run -0 unit reach -12cm -12 +3cm 0 -0 -5in -5IN 2.5Cm -.5 1. 100 -150
	assert_output "$(printf '%s\n' '-12 cm -12.0000 -12 cm' '-12 cm -12.0000 -12 cm' \
		'3 cm 3.0000 +3 cm' '0 cm 0.0000 0 cm' '0 cm 0.0000 0 cm' \
		'-5 in -12.7000 -12.7 cm' '-5 in -12.7000 -12.7 cm' \
		'2.5 cm 2.5000 +2.5 cm' '-0.5 cm -0.5000 -0.5 cm' '1 cm 1.0000 +1 cm' \
		'100 cm 100.0000 +100 cm' '-150 cm -150.0000 -150 cm')"
	run -0 unit reach-imperial -5 -5cm +1
	assert_output "$(printf '%s\n' '-5 in -12.7000 -12.7 cm' \
		'-5 cm -5.0000 -5 cm' '1 in 2.5400 +2.5 cm')"
	run -0 unit reach knees SHINS ankles toes floor knuckles Palms
	assert_output "$(printf '%s\n' 'level knees 0' 'level shins 1' \
		'level ankles 2' 'level toes 3' 'level floor 4' 'level knuckles 5' \
		'level palms 6')"
}

@test "reach: what is not a reach says why" {
	run -0 unit reach abc 12kg 12 kg knee palm thighs 1.2.3 - . + 1e3 0x10 \
		'-12 cm' -150.1 100.1 1234567890123 ''
	assert_output "$(cat <<-'EOF'
	error: not a distance like -12cm or -5in, nor a level word (knees, shins, ankles, toes, floor, knuckles, palms)
	error: unknown unit 'kg' (cm or in)
	12 cm 12.0000 +12 cm
	error: not a distance like -12cm or -5in, nor a level word (knees, shins, ankles, toes, floor, knuckles, palms)
	error: unknown level word (did you mean knees?)
	error: unknown level word (did you mean palms?)
	error: not a distance like -12cm or -5in, nor a level word (knees, shins, ankles, toes, floor, knuckles, palms)
	error: not a distance like -12cm or -5in, nor a level word (knees, shins, ankles, toes, floor, knuckles, palms)
	error: not a distance like -12cm or -5in, nor a level word (knees, shins, ankles, toes, floor, knuckles, palms)
	error: not a distance like -12cm or -5in, nor a level word (knees, shins, ankles, toes, floor, knuckles, palms)
	error: not a distance like -12cm or -5in, nor a level word (knees, shins, ankles, toes, floor, knuckles, palms)
	error: not a distance like -12cm or -5in, nor a level word (knees, shins, ankles, toes, floor, knuckles, palms)
	error: not a distance like -12cm or -5in, nor a level word (knees, shins, ankles, toes, floor, knuckles, palms)
	error: not a distance like -12cm or -5in, nor a level word (knees, shins, ankles, toes, floor, knuckles, palms)
	error: out of range (-150 to +100 cm from the floor)
	error: out of range (-150 to +100 cm from the floor)
	error: not a distance like -12cm or -5in, nor a level word (knees, shins, ankles, toes, floor, knuckles, palms)
	error: not a distance like -12cm or -5in, nor a level word (knees, shins, ankles, toes, floor, knuckles, palms)
	EOF
	)"
}

@test "sit-and-reach: YMCA inches from 15 at the heels, ACSM cm from 26 at the soles" {
	run -0 unit sitreach ymca 15 17 12 0 36 10.5in
	assert_output "$(printf '%s\n' '15 0.0000 15.0000' '17 5.0800 17.0000' \
		'12 -7.6200 12.0000' '0 -38.1000 0.0000' '36 53.3400 36.0000' \
		'10.5 -11.4300 10.5000')"
	run -0 unit sitreach acsm 26 30cm 0 100 20
	assert_output "$(printf '%s\n' '26 0.0000 15.0000' '30 4.0000 16.5748' \
		'0 -26.0000 4.7638' '100 74.0000 44.1339' '20 -6.0000 12.6378')"
	run -0 unit sitreach ymca 36.1 -1 40cm x
	assert_output "$(printf '%s\n' \
		'error: out of range (0 to 36 in on the yardstick)' \
		'error: out of range (0 to 36 in on the yardstick)' \
		'error: a YMCA reading is in inches on the yardstick (a box in cm is --protocol acsm)' \
		'error: not a number')"
	run -0 unit sitreach acsm 100.5 10in
	assert_output "$(printf '%s\n' 'error: out of range (0 to 100 cm on the box)' \
		'error: an ACSM box reading is in cm (a yardstick in inches is --protocol ymca)')"
}

# The published YMCA percentiles (inches): 90th 80th 70th 60th 50th 40th
# 30th 20th 10th, per sex and age group
ymca_table() {
	cat <<-'EOF'
	male 18-25 20 22 20 19 18 17 15 14 13 11
	male 26-35 30 21 19 17 17 15 14 13 11 9
	male 36-45 40 21 19 17 16 15 13 13 11 7
	male 46-55 50 19 17 15 14 13 11 10 9 6
	male 56-65 60 17 15 13 13 11 9 9 7 5
	male over-65 70 17 15 13 12 10 9 8 7 4
	female 18-25 20 24 22 21 20 19 18 17 16 14
	female 26-35 30 23 21 20 20 19 17 16 15 13
	female 36-45 40 22 21 19 18 17 16 15 14 12
	female 46-55 50 21 20 18 17 16 14 14 12 10
	female 56-65 60 20 19 17 16 15 14 13 11 9
	female over-65 70 20 18 17 17 15 14 13 11 9
	EOF
}

@test "YMCA bands: every edge of every age group, for men and women" {
	# band floors: excellent 90th, good 70th, above average 60th,
	# average 40th, below average 30th, poor 10th; very poor below
	local bands=(excellent good 'above average' average 'below average' poor)
	local at=(0 2 3 5 6 8)
	local sex group age p b k edge expect
	while read -r sex group age p[0] p[1] p[2] p[3] p[4] p[5] p[6] p[7] p[8]; do
		for b in 0 1 2 3 4 5; do
			edge=${p[${at[b]}]}
			# a reading on the edge is in the band, unless a higher
			# band starts at the same reading (tied percentiles)
			expect=${bands[b]}
			for ((k = 0; k < b; k++)); do
				if (( ${p[${at[k]}]} == edge )); then
					expect=${bands[k]}
					break
				fi
			done
			run -0 unit ymca "$age" "$sex" "$edge"
			assert_output "$edge: $expect ${group/over-/over }"
		done
		run -0 unit ymca "$age" "$sex" "$((p[8] - 1)).5"
		assert_output "$((p[8] - 1)).5: very poor ${group/over-/over }"
		run -0 unit ymca "$age" "$sex" 36
		assert_output "36: excellent ${group/over-/over }"
	done < <(ymca_table)
}

@test "YMCA bands: half an inch under an edge falls to the band below" {
	run -0 unit ymca 25 male 22 21.5 19 18.5 18 17.5 15 14.5 14 13.5 11 10.5
	assert_output "$(printf '%s\n' '22: excellent 18-25' '21.5: good 18-25' \
		'19: good 18-25' '18.5: above average 18-25' '18: above average 18-25' \
		'17.5: average 18-25' '15: average 18-25' '14.5: below average 18-25' \
		'14: below average 18-25' '13.5: poor 18-25' '11: poor 18-25' \
		'10.5: very poor 18-25')"
	run -0 unit ymca 45 female 22 21.9 19 18.9 18 17.9 16 15.9 15 14.9 12 11.9
	assert_output "$(printf '%s\n' '22: excellent 36-45' '21.9: good 36-45' \
		'19: good 36-45' '18.9: above average 36-45' '18: above average 36-45' \
		'17.9: average 36-45' '16: average 36-45' '15.9: below average 36-45' \
		'15: below average 36-45' '14.9: poor 36-45' '12: poor 36-45' \
		'11.9: very poor 36-45')"
}

@test "YMCA bands: age group edges, and no norms under 18 or without a sex" {
	run -0 unit ymca 18 male 17
	assert_output '17: average 18-25'
	run -0 unit ymca 25 male 17
	assert_output '17: average 18-25'
	run -0 unit ymca 26 male 17
	assert_output '17: good 26-35'
	run -0 unit ymca 35 female 20
	assert_output '20: good 26-35'
	run -0 unit ymca 36 female 20
	assert_output '20: good 36-45'
	run -0 unit ymca 65 male 13
	assert_output '13: good 56-65'
	run -0 unit ymca 66 male 13
	assert_output '13: good over 65'
	run -0 unit ymca 99 female 9
	assert_output '9: poor over 65'
	run -0 unit ymca 17 male 30
	assert_output '30: none'
	run -0 unit ymca 30 other 30
	assert_output '30: none'
}

@test "trend: -20, -18, -16, -14 cm a week apart: +2 cm a week, the floor 7 weeks after the last" {
	run -0 unit trend <<-'EOF'
	2026-10-31 -20
	2026-11-07 -18
	2026-11-14 -16
	2026-11-21 -14
	EOF
	assert_output 'n=4 first=-20@2026-10-31 best=-14@2026-11-21 latest=-14@2026-11-21 change=6 trend=rising per_week=2.0000 zero=2027-01-09'
}

@test "trend: least squares on a scattered series; the zero day rounds up" {
	# slope 0.2 cm a day: mean day 10.5, mean -8, Sxy 49, Sxx 245; the
	# line meets 0 on day 50.5, so the first day on it at 0 is day 51
	run -0 unit trend <<-'EOF'
	2026-10-01 -10
	2026-10-08 -9
	2026-10-15 -7
	2026-10-22 -6
	EOF
	assert_output 'n=4 first=-10@2026-10-01 best=-6@2026-10-22 latest=-6@2026-10-22 change=4 trend=rising per_week=1.4000 zero=2026-11-21'
	# unevenly spaced days, the best not the latest
	run -0 unit trend <<-'EOF'
	2026-01-01 -30
	2026-01-02 -20
	2026-01-11 -25
	EOF
	# three tests over 10 days are too few for a trend
	assert_output 'n=3 first=-30@2026-01-01 best=-20@2026-01-02 latest=-25@2026-01-11 change=5 trend=none'
	run -0 unit trend <<-'EOF'
	2026-01-01 -30
	2026-01-02 -20
	2026-01-15 -25
	EOF
	# days 0, 1, 14: mean 5, mean -25; Sxy = 5, Sxx = 122, so the slope
	# is 5/122 a day (0.2869 a week) and the line meets 0 on day
	# 5 + 25 * 122/5 = 615
	assert_output 'n=3 first=-30@2026-01-01 best=-20@2026-01-02 latest=-25@2026-01-15 change=5 trend=rising per_week=0.2869 zero=2027-09-08'
}

@test "trend: flat, falling, one point, one day" {
	run -0 unit trend <<-'EOF'
	2026-11-01 -15
	2026-11-08 -15
	2026-11-15 -15
	EOF
	assert_output 'n=3 first=-15@2026-11-01 best=-15@2026-11-01 latest=-15@2026-11-15 change=0 trend=flat per_week=0.0000'
	run -0 unit trend <<-'EOF'
	2026-11-01 -14
	2026-11-08 -16
	2026-11-15 -18
	EOF
	assert_output 'n=3 first=-14@2026-11-01 best=-14@2026-11-01 latest=-18@2026-11-15 change=-4 trend=falling per_week=-2.0000'
	# a slope under 0.05 a week is flat
	run -0 unit trend <<-'EOF'
	2026-01-01 -15
	2026-07-01 -14.85
	2026-12-31 -14.7
	EOF
	assert_output --partial 'trend=flat per_week=0.0058'
	# two tests a year apart are too few
	run -0 unit trend <<-'EOF'
	2026-01-01 -15
	2026-12-31 -14.7
	EOF
	assert_output --partial 'trend=none'
	run -0 unit trend <<< '2026-11-01 -12'
	assert_output 'n=1 first=-12@2026-11-01 best=-12@2026-11-01 latest=-12@2026-11-01 change=0 trend=none'
	run -0 unit trend <<-'EOF'
	2026-11-01 -12
	2026-11-01 -10
	EOF
	assert_output --partial 'trend=none'
	run -0 unit trend < /dev/null
	assert_output 'n=0'
	# rising but already past zero: nothing to project
	run -0 unit trend <<-'EOF'
	2026-11-01 -2
	2026-11-08 1
	2026-11-15 4
	EOF
	assert_output --partial 'trend=rising per_week=3.0000'
	refute_output --partial 'zero='
}

@test "trend: for pain the lowest is the best; a falling trend projects the day it reaches 0" {
	run -0 unit trend pain <<-'EOF'
	2026-11-01 6
	2026-11-08 3
	2026-11-15 4
	EOF
	# mean day 7, mean 13/3, slope -1/7 a day: 0 on day 7 + 91/3, the 38th
	assert_output 'n=3 first=6@2026-11-01 best=3@2026-11-08 latest=4@2026-11-15 change=-2 trend=falling per_week=-1.0000 zero=2026-12-09'
	# rising pain projects nothing
	run -0 unit trend pain <<-'EOF'
	2026-11-01 2
	2026-11-08 3
	2026-11-15 5
	EOF
	refute_output --partial 'zero='
}

@test "levels: repeats fold, the longest reach is the best, the last eight kept" {
	run -0 unit levels shins shins ankles shins toes
	assert_output '5 shins → ankles → shins → toes | first shins best toes latest toes'
	run -0 unit levels palms knees
	assert_output '2 palms → knees | first palms best palms latest knees'
	run -0 unit levels knees shins knees shins knees shins knees shins knees ankles
	assert_output '10 … → knees → shins → knees → shins → knees → shins → knees → ankles | first knees best ankles latest ankles'
	run -0 unit levels
	assert_output '0  | first - best - latest -'
}
