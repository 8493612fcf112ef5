# Shared setup for every suite: bin/ first on PATH, a fresh database per
# test, today pinned, no user configuration.
bats_require_minimum_version 1.5.0
bats_load_library bats-support
bats_load_library bats-assert
bats_load_library bats-file

TOP="$(cd "$BATS_TEST_DIRNAME/.." && pwd)"
PATH="$TOP/bin:$PATH"
export BK_DB="$BATS_TEST_TMPDIR/backkit.db"
export BK_TODAY=2026-11-21
export XDG_CONFIG_HOME="$BATS_TEST_TMPDIR/config"
export XDG_DATA_HOME="$BATS_TEST_TMPDIR/data"
export HOME="$BATS_TEST_TMPDIR/home"
unset BK_DATADIR NO_COLOR
mkdir -p "$HOME"

# sha256 of a file, to prove a refused command changed no byte
digest() {
	sha256sum "$1" | cut -d' ' -f1
}

# run a command as an unprivileged user (permission tests as root)
as_nobody() {
	setpriv --reuid=65534 --regid=65534 --clear-groups -- "$@"
}

# a directory an unprivileged user owns, for the permission tests (as root,
# those run the command as nobody, whom the modes then bind)
unprivileged_dir() {
	local d
	d=$(mktemp -d /tmp/bk-perm.XXXXXX)
	chmod 755 "$d"
	if [ "$(id -u)" -eq 0 ]; then
		chown 65534:65534 "$d"
	fi
	echo "$d"
}

# run a command as that user, with the test's store and day
as_user() {
	if [ "$(id -u)" -eq 0 ]; then
		as_nobody env BK_DB="$BK_DB" BK_TODAY="$BK_TODAY" HOME=/nonexistent \
			XDG_CONFIG_HOME=/nonexistent PATH="$PATH" "$@"
	else
		"$@"
	fi
}

# the first line of stderr (after run --separate-stderr) is / contains
assert_err() {
	assert_equal "${stderr%%$'\n'*}" "$1"
}
assert_err_partial() {
	[[ ${stderr%%$'\n'*} == *"$1"* ]] ||
		fail "first line of stderr: '${stderr%%$'\n'*}', expected to contain '$1'"
}
