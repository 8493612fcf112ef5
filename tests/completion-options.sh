#!/bin/sh
# Write into each completion script, between its "# options:" and "# end of
# options" lines, the options its command takes, as its option table lists
# them (CMD --complete options, from the built bin/); bk itself has only
# --help and --version and hands the rest to these. Run after a change to
# the table: tests/complete.bats fails while a script's list differs.
# usage: tests/completion-options.sh [DIR]   (DIR: completions/ by default)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-$top/completions}
for cmd in bk-log bk-plan bk-stats bk-test; do
	list=$(mktemp)
	{
		echo "# options: what $cmd --complete offers after a '-', from its"
		echo "# option table (tests/completion-options.sh writes this list):"
		"$top/bin/$cmd" --complete options | grep -- '^--' | sort |
			fmt -w 72 | sed 's/^/#   /'
		echo "# end of options"
	} > "$list"
	for f in "$dir/$cmd.bash" "$dir/$cmd.fish" "$dir/zsh/_$cmd"; do
		tmp=$(mktemp)
		# the list goes after the two header lines (three for zsh's #compdef)
		awk -v list="$list" '
			/^# options: / { skip = 1; next }
			skip && /^# end of options/ { skip = 0; next }
			skip { next }
			{ print }
			/^# \(.*--complete words -- WORD\.\.\.\)/ {
				while ((getline l < list) > 0) print l
				close(list)
			}' "$f" > "$tmp"
		cat "$tmp" > "$f"
		rm -f "$tmp"
	done
	rm -f "$list"
done
