# Helpers of the reliability and security suites (load after common).

# every command that opens the store, reads first (prog and arguments)
# shellcheck disable=SC2034 # used by the suites
READS="bk-plan exercises
bk-plan exercise cat-cow
bk-log list
bk-log export
bk-test list
bk-test progress
bk-stats summary
bk-stats volume
bk-stats adherence
bk-stats streak
bk-stats exercises
bk-stats flex
bk-stats pain
bk-stats plot flex --terminal dumb"
# shellcheck disable=SC2034
WRITES="bk-plan exercise add my-ex --name Mine
bk-log cat-cow 3x5
bk-log skip cat-cow --reason sore
bk-log rm 1
bk-log undo
bk-log import @CSV@
bk-test toe-touch -- -10
bk-test sit-and-reach 17
bk-test pain 3
bk-test rm 1
bk-test undo"

# a bk-format file of $1 distinct sets of cat-cow, into $2
big_csv() {
	awk -v n="$1" 'BEGIN {
		print "date,time,exercise,exercise_name,set,side,reps,hold_s," \
		    "load_kg,rpe,skipped,reason,note,plan,key"
		for (i = 1; i <= n; i++)
			printf "2025-%02d-%02d,08:%02d,cat-cow,Cat-Cow,%d,,10,,,," \
			    "0,,note %d,,t:%d\n", i % 11 + 1, i % 28 + 1, i % 60,
			    i % 5 + 1, i, i
	}' > "$2"
}

# mount a tmpfs of size $2 on directory $1 (made if need be), or skip the
# test where that cannot be done; teardown unmounts it
MOUNTED=()
mount_tmpfs() {
	[ "$(id -u)" -eq 0 ] || skip "mounting a tmpfs needs root"
	mkdir -p "$1"
	mount -t tmpfs -o "size=$2,mode=0755" tmpfs "$1" 2> /dev/null ||
		skip "cannot mount a tmpfs here"
	MOUNTED+=("$1")
}

teardown() {
	local m
	for m in "${MOUNTED[@]}"; do
		umount -l "$m" 2> /dev/null || true
	done
}

# fill the file system holding directory $1 to the last block
fill_up() {
	dd if=/dev/zero of="$1/filler" bs=4k 2> /dev/null || true
	dd if=/dev/zero of="$1/filler2" bs=1 2> /dev/null || true
}

# the rows of the store, to show that a failed command changed none
contents() {
	sqlite3 "${1:-$BK_DB}" "PRAGMA integrity_check;
		SELECT count(*), coalesce(max(id), 0) FROM sets;
		SELECT count(*) FROM measurements; SELECT count(*) FROM journal"
}

# run "$@" with its standard output on a pipe nobody reads; SIGPIPE left
# as the caller has it (ignored: the write fails with EPIPE)
closed_pipe() {
	python3 -c 'import os, subprocess, sys
r, w = os.pipe()
os.close(r)
rc = subprocess.call(sys.argv[2:], stdout=w,
    restore_signals=sys.argv[1] == "default")
sys.exit(128 - rc if rc < 0 else rc)' "$@"
}
