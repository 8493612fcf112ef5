#!/bin/sh
# Install the Debian packages named as arguments that are not installed yet.
# A no-op when all are there; apt-get update runs once before installing.
set -eu
missing=""
for p in "$@"; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
		grep -q 'install ok installed'; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
	echo "deps: apt-get not found; install these packages:$missing" >&2
	exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
	if ! command -v sudo >/dev/null 2>&1; then
		echo "deps: not root and no sudo; install these packages:$missing" >&2
		exit 1
	fi
	sudo="sudo"
fi
echo "deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
# shellcheck disable=SC2086 # the list is meant to split into words
$sudo apt-get install -y -q --no-install-recommends $missing
