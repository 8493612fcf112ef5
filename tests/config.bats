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
	assert_err "bk-stats: $XDG_CONFIG_HOME/backkit/config:2: unknown key 'unit' (one of: units, week_start, birth_year, sex)"
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
