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
# one locale whoever runs the suites: $'\u202e' in a test is that character
# only in a UTF-8 locale (a fresh system's login shell has none)
export LC_ALL=C.UTF-8
mkdir -p "$HOME"

# sha256 of a file, to prove a refused command changed no byte
digest() {
	sha256sum "$1" | cut -d' ' -f1
}

# The permission tests run a command as an unprivileged user (as root:
# nobody, uid 65534). That user may not reach the checkout (a clone in
# /root, mode 0700), so it runs a copy of bin/ and share/ placed in a
# per-test directory under a world-traversable temporary directory
# ($BK_NOBODY_DIR, made by tests/run.sh, else /tmp). As a user other
# than root the commands simply run as that user.
BK_NOBODY_UID=65534

# skip the test, saying why, when root has no unprivileged user to be
need_other_user() {
	[ "$(id -u)" -eq 0 ] || return 0
	command -v setpriv > /dev/null ||
		skip "setpriv (util-linux) is missing: cannot run as an unprivileged user"
	getent passwd "$BK_NOBODY_UID" > /dev/null ||
		skip "no user with uid $BK_NOBODY_UID to run the permission checks as"
}

# the copy of bin/ and share/ that the unprivileged user runs, made once
# per test (every `run` is a subshell, so the name is derived, not kept)
nobody_tree() {
	BK_NOBODY_TREE="${BK_NOBODY_DIR:-/tmp}/bk-nobody.$$.${BATS_SUITE_TEST_NUMBER:-0}"
	if mkdir -m 755 "$BK_NOBODY_TREE" 2> /dev/null; then
		cp -R "$TOP/bin" "$TOP/share" "$BK_NOBODY_TREE/"
		chmod -R a+rX "$BK_NOBODY_TREE"
	fi
	[ -O "$BK_NOBODY_TREE" ] || fail "$BK_NOBODY_TREE is not ours"
}

# run a command as the unprivileged user, with the copied commands first
# on PATH (the permission tests as root)
as_nobody() {
	nobody_tree
	setpriv --reuid="$BK_NOBODY_UID" --regid="$BK_NOBODY_UID" \
		--clear-groups -- env PATH="$BK_NOBODY_TREE/bin:$PATH" "$@"
}

# a directory an unprivileged user owns, for the permission tests (as root,
# those run the command as nobody, whom the modes then bind), its path in
# the variable named $1; skips the test when there is no such user
unprivileged_dir() {
	local _bk_d
	need_other_user
	_bk_d=$(mktemp -d "${BK_NOBODY_DIR:-/tmp}/bk-perm.XXXXXX")
	chmod 755 "$_bk_d"
	if [ "$(id -u)" -eq 0 ]; then
		chown "$BK_NOBODY_UID:$BK_NOBODY_UID" "$_bk_d"
	fi
	printf -v "$1" '%s' "$_bk_d"
}

# run a command as that user, with the test's store and day
as_user() {
	if [ "$(id -u)" -eq 0 ]; then
		as_nobody env BK_DB="$BK_DB" BK_TODAY="$BK_TODAY" HOME=/nonexistent \
			XDG_CONFIG_HOME=/nonexistent "$@"
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
