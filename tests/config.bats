#!/usr/bin/env bats
# The configuration file, as every command reads it.

load common

config() {
	mkdir -p "$XDG_CONFIG_HOME/backkit"
	printf '%s\n' "$@" > "$XDG_CONFIG_HOME/backkit/config"
}

@test "config: comments, blanks and spaces around '=' are fine" {
	config '# mine' '' '  units=imperial  ' 'week_start =sunday' 'sex = female' 'birth_year = 1980'
	run -0 --separate-stderr bk-stats volume
	assert_equal "$stderr" ""
}

@test "config: an unknown key is an error naming file and line, not silently ignored" {
	config 'units = metric' 'unit = imperial'
	run -1 --separate-stderr bk-stats volume
	assert_equal "$output" ""
	assert_err "bk-stats: $XDG_CONFIG_HOME/backkit/config:2: unknown key 'unit' (one of: units, week_start, birth_year, sex, remind_at, remind_alarm, get_ready)"
	run -1 --separate-stderr bk-log cat-cow 3
	assert_err_partial "config:2: unknown key 'unit'"
	assert_file_not_exists "$BK_DB"
}

@test "config: a bad value or a line without '=' names file and line" {
	config 'week_start = friday'
	run -1 --separate-stderr bk-stats volume
	assert_err "bk-stats: $XDG_CONFIG_HOME/backkit/config:1: invalid week_start 'friday': expected monday or sunday"
	config 'units = metric' 'units imperial'
	run -1 --separate-stderr bk-stats volume
	assert_err "bk-stats: $XDG_CONFIG_HOME/backkit/config:2: expected 'key = value'"
	config 'units = furlongs'
	run -1 --separate-stderr bk-plan today
	assert_err_partial "config:1: invalid units 'furlongs': expected metric or imperial"
}

@test "config: units = imperial shows loads in pounds" {
	config 'units = imperial'
	run -0 bk-log band-row 2x10@10lb
	assert_output --partial '@10lb'
}

@test "config: remind_at, remind_alarm and get_ready are checked as they are read" {
	config 'remind_at = 09:00,13:30,16:00' 'remind_alarm = 10m' 'get_ready = 0'
	run -0 --separate-stderr bk-plan today
	assert_equal "$stderr" ""
	config 'remind_at = 13:30,09:00'
	run -1 --separate-stderr bk-plan today
	assert_err "bk-plan: $XDG_CONFIG_HOME/backkit/config:1: invalid remind_at '13:30,09:00': times of day go in order, none twice"
	config 'remind_at = 9'
	run -1 --separate-stderr bk-plan today
	assert_err "bk-plan: $XDG_CONFIG_HOME/backkit/config:1: invalid remind_at '9': expected times of day as HH:MM, separated by commas"
	config 'remind_at = 24:00'
	run -1 --separate-stderr bk-plan today
	assert_err_partial "invalid remind_at '24:00': a time of day is 00:00 to 23:59"
	config 'remind_at = 09:00,'
	run -1 --separate-stderr bk-plan today
	assert_err_partial "invalid remind_at '09:00,'"
	config 'remind_alarm = soon'
	run -1 --separate-stderr bk-plan today
	assert_err_partial "invalid remind_alarm 'soon': expected a duration, as 10m"
	config 'get_ready = 2m'
	run -1 --separate-stderr bk-plan today
	assert_err_partial "invalid get_ready '2m': expected 0 (none) or a duration up to 60s, as 5s"
	assert_file_not_exists "$BK_DB"
}

@test "config: bk config reads and writes the reminder keys, get_ready has a default" {
	run -0 --separate-stderr bk config remind_at 09:00,15:00
	run -0 --separate-stderr bk config remind_at
	assert_output "09:00,15:00"
	run -2 --separate-stderr bk config remind_alarm never
	assert_err_partial "invalid remind_alarm 'never'"
	run -0 --separate-stderr bk config
	assert_line "remind_at = 09:00,15:00"
	assert_line "# get_ready = 5s (the default)"
}
