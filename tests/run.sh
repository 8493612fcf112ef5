#!/usr/bin/env bash
# Run the bats suites (two at a time when GNU parallel is there) and end
# with one plain summary line: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
jobs=()
if command -v parallel >/dev/null 2>&1; then
	jobs=(--jobs "${BK_TEST_JOBS:-2}")
fi
mkdir -p build
# as root, the permission tests run copies of the commands as an
# unprivileged user; they go below one world-traversable directory,
# removed at the end
if [ "$(id -u)" -eq 0 ] && [ -z "${BK_NOBODY_DIR:-}" ]; then
	BK_NOBODY_DIR=$(mktemp -d /tmp/bk-tests.XXXXXX) || exit 1
	chmod 755 "$BK_NOBODY_DIR"
	export BK_NOBODY_DIR
	trap 'rm -rf "$BK_NOBODY_DIR"' EXIT
fi
bats "${jobs[@]}" --formatter tap "$@" | tee build/tests.tap
status=${PIPESTATUS[0]}
awk '/^ok .* # skip/ { s++; next } /^ok / { p++ } /^not ok / { f++ }
	END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' build/tests.tap
exit "$status"
