#!/usr/bin/env bats
# The pure parsers behind bk-log, through the tests/unit/bk-unit driver.

load common

unit() { "$TOP/build/bk-unit" "$@"; }

@test "spec: every form gives sets, reps, hold and load" {
	run -0 unit spec 3x10 3x8@5kg 2x10@15lb 3x30s 2x1m 12 45s 3X10 \
		3x1m30s@2.5kg 1x10000 100x1 2x10@15LBS 1x1@.5kg 3x10@0kg 2x8@0lb 1x24h
	assert_output "$(printf '%s\n' '3 10 0 0' '3 8 0 5' '2 10 0 6.804' \
		'3 0 30 0' '2 0 60 0' '1 12 0 0' '1 0 45 0' '3 10 0 0' \
		'3 0 90 2.5' '1 10000 0 0' '100 1 0 0' '2 10 0 6.804' '1 1 0 0.5' \
		'3 10 0 0' '2 8 0 0' '1 0 86400 0')"
}

@test "spec: malformed and out-of-range specs say why" {
	run -0 unit spec 3x 0x10 3x-1 x10 3x10@ 3x10@5stone 99999999999x1 3x0 \
		'' @5kg 3x10@5 3x1.5m 101x1 3x10001 3x0s 3x1m60s 3x10@0.5lbx \
		3x10@1001kg 3x86401s abc 3x10@kg
	assert_output "$(printf '%s\n' \
		"error: missing reps or time after 'x'" \
		'error: sets must be 1 to 100' \
		"error: expected reps or a time like 30s after 'x'" \
		"error: missing sets before 'x'" \
		'error: missing load' \
		"error: a load's unit must be kg or lb" \
		'error: sets must be 1 to 100' \
		'error: reps must be 1 to 10000' \
		'error: empty spec' \
		"error: missing sets and reps before '@'" \
		'error: a load needs a unit: kg or lb' \
		'error: expected a time like 30s, 2m or 1m30s' \
		'error: sets must be 1 to 100' \
		'error: reps must be 1 to 10000' \
		'error: a time must be 1s to 24h' \
		'error: seconds after minutes must be 0 to 59' \
		"error: a load's unit must be kg or lb" \
		'error: a load must be more than 0 and at most 1000kg' \
		'error: a time must be 1s to 24h' \
		'error: expected SETSxREPS, SETSxTIME or REPS, as in 3x10' \
		'error: a load starts with a number, as in 5kg')"
}

@test "duration and load: suffixes, bare seconds, pounds to kilograms" {
	run -0 unit duration 5s 5 1m 90s 1m30s 86400s 0s 86401 5h 1.5s 25h 0h
	assert_output "$(printf '%s\n' 5 5 60 90 90 86400 \
		'error: a time must be 1s to 24h' 'error: a time must be 1s to 24h' \
		18000 \
		'error: expected a time like 30s, 2m or 1m30s' \
		'error: a time must be 1s to 24h' 'error: a time must be 1s to 24h')"
	run -0 unit load 5kg 15lb 15lbs 2.25KG 0.001kg 5 '5 kg' 0kg
	assert_output "$(printf '%s\n' 5 6.804 6.804 2.25 0.001 \
		'error: a load needs a unit: kg or lb' \
		"error: a load's unit must be kg or lb" \
		'error: a load must be more than 0 and at most 1000kg')"
}

@test "datetime: ISO, ISO with a time, and Hevy's '22 Dec 2025, 08:00'" {
	run -0 unit datetime '22 Dec 2025, 08:00' '2023-01-05 08:30:12' 2025-12-22 \
		'2025-12-22T08:00:00' '1 May 2025' '22 December 2025, 8:00' \
		'31 Feb 2025, 08:00' '22 Dec 2025, 25:00' '22Dec 2025' ' 22 Dec 2025' \
		'2025-12-22 08:00 ' '2025-12-22 08:60' '22 Foo 2025' '2025-12-22 8h'
	assert_output "$(printf '%s\n' '2025-12-22 08:00' '2023-01-05 08:30' \
		'2025-12-22 -' '2025-12-22 08:00' '2025-05-01 -' '2025-12-22 08:00' \
		invalid invalid invalid invalid invalid invalid invalid invalid)"
}

@test "slug: names become slugs that bk-plan accepts" {
	run -0 unit slug 'Bench Press (Barbell)' '  Cable Row, seated ' '3/4 Sit-up' '' \
		"$(printf 'x%.0s' {1..80})" 'Über Curl' 'Decline Crunch ręce proste' \
		'Großer Ausfallschritt' 'Œuvre Ølbæk Łódź Čučoriedka' 'Жим лёжа' '× ÷'
	assert_output "$(printf '%s\n' bench-press-barbell cable-row-seated x-3-4-sit-up '' \
		"$(printf 'x%.0s' {1..64})" uber-curl decline-crunch-rece-proste \
		grosser-ausfallschritt oeuvre-olbaek-lodz-cucoriedka '' '')"
}
