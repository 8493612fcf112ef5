#!/usr/bin/env bash
# The backkit story on a throwaway database: a desk worker schedules the
# 30-day Jefferson-curl program, logs each session from the shell, records
# the toe-touch test every week, and after a month plots the reach trend
# with the projected day the fingertips reach the floor. Run by make demo.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
PATH="$top/bin:$PATH"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export BK_DB="$work/backkit.db" XDG_CONFIG_HOME="$work/config"
unset BK_DATADIR

bold="" plain=""
if [[ -t 1 && -z ${NO_COLOR:-} ]]; then
	bold=$'\e[1m' plain=$'\e[0m'
fi
# show a command, then run it
say() {
	printf '\n%s$ %s%s\n' "$bold" "$*" "$plain"
	"$@"
}
day_of() {
	date -d "$start + $1 day" +%F
}

start=2026-11-02	# a Monday
export BK_TODAY=$start
echo "backkit demo: 30 days of the Jefferson-curl program, $start onwards"
say bk-plan new jefferson --template jefferson-30 --start "$start"
say bk-plan today

# the reach (cm from the floor) at each weekly test: it improves
reach=(-20 -18 -17 -15 -13 -12)
tests=0
for ((i = 0; i < 30; i++)); do
	BK_TODAY=$(day_of "$i")
	done_today=0
	while IFS=, read -r kind item; do
		case $kind in
		test)
			r=${reach[tests]}
			tests=$((tests + 1))
			# three tries, the best counts
			bk-test toe-touch "$((r - 2))" "$r" "$((r - 1))" > /dev/null ;;
		exercise)
			# two days the hip flexor stretch is left out
			if [[ $item == hip-flexor-stretch && ( $i == 9 || $i == 18 ) ]]; then
				bk-log skip "$item" --reason "hip sore after a long drive" > /dev/null
			else
				bk-log "$item" > /dev/null
			fi
			done_today=$((done_today + 1)) ;;
		esac
	done < <(bk-plan today --format csv | tail -n +2 | cut -d, -f5,6)
	if ((i == 0)); then
		say bk-log list --format table
	fi
	printf 'day %2d  %s  %d exercise%s logged\n' $((i + 1)) "$BK_TODAY" \
		"$done_today" "$([[ $done_today == 1 ]] || echo s)"
done

say bk-plan show --week --format table
say bk-stats summary
say bk-test progress toe-touch
say bk-stats volume --by week --format table
say bk-stats plot flex --terminal dumb
