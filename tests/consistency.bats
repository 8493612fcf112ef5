#!/usr/bin/env bats
# Cross-report consistency: on generated histories (fixed seeds) every
# command that shows a quantity shows the same number.

load common

# history SEED: two plans over the 30 days up to today (jefferson-30, with
# per-side items, holds, loads, tests and a rest day every 7th day; and a
# plan by hand on mon, wed and fri with a loaded and a per-side item), each
# planned item done, done in part, skipped or left, some days left whole;
# toe-touch tests in numbers and level words, pain in several regions
history() {
	RANDOM=$1
	bk-plan new jc --template jefferson-30 --start 2026-10-23 >/dev/null
	bk-plan new mine --on mon,wed,fri --start 2026-10-26 >/dev/null
	bk-plan add mine band-row 3x8@4kg >/dev/null
	bk-plan add mine knee-to-chest 2x5 >/dev/null
	local date plan kind item per_side r off='' last=''
	while IFS=, read -r date plan kind item per_side; do
		if [[ $date != "$last" ]]; then
			last=$date
			off=$((RANDOM % 8 == 0))
		fi
		[[ $off == 1 ]] && continue
		r=$((RANDOM % 10))
		if ((r <= 5)); then
			bk-log "$item" --date "$date" --plan "$plan" >/dev/null
		elif ((r == 6)) && [[ $per_side == 1 ]]; then
			bk-log "$item" --date "$date" --plan "$plan" --side left >/dev/null
		elif ((r == 6)); then
			bk-log "$item" 1x2 --date "$date" --plan "$plan" >/dev/null
		elif ((r == 7)); then
			bk-log skip "$item" --date "$date" --plan "$plan" --reason tired >/dev/null
		elif ((r == 8)); then
			# more than planned is done
			bk-log "$item" 4x12 --date "$date" --plan "$plan" >/dev/null
		fi
	done < <(bk-plan show --all --format csv | awk -F, -v today="$BK_TODAY" \
		'NR > 1 && $5 == "exercise" && $1 <= today { print $1 "," $2 "," $5 "," $6 "," $11 }')
	local words=(knees shins ankles toes) regions=(neck lower-back hips) d n
	for ((n = 0; n < 30; n++)); do
		d=$(date -u -d "2026-10-23 + $n days" +%F)
		r=$((RANDOM % 6))
		if ((r == 0)); then
			bk-test toe-touch --date "$d" -- "-$((RANDOM % 20 + 1))" "-$((RANDOM % 20 + 1))" >/dev/null
		elif ((r == 1)); then
			bk-test toe-touch --date "$d" "${words[RANDOM % 4]}" >/dev/null
		elif ((r == 2)); then
			bk-test pain $((RANDOM % 11)) --date "$d" --region "${regions[RANDOM % 3]}" >/dev/null
		elif ((r == 3)); then
			bk-test pain $((RANDOM % 11)) --date "$d" >/dev/null
		fi
	done
}

# volume totals (every period) = the exercises report's totals, per exercise
check_volume() {
	local vol ex
	vol=$(bk-stats volume --by month --format csv | awk -F, 'NR > 1 {
		s[$2] += $3; r[$2] += $4; h[$2] += $5; l[$2] += $6 }
		END { for (e in s) printf "%s %d %d %d %.2f\n", e, s[e], r[e], h[e], l[e] }' | sort)
	ex=$(bk-stats exercises --format csv | awk -F, 'NR > 1 { printf "%s %d %d %d\n", $1, $3, $4, $5 }' | sort)
	[ -n "$ex" ]
	assert_equal "$(cut -d' ' -f1-4 <<< "$vol")" "$ex"
	# the load moved of each set, straight from the store
	assert_equal "$(awk '{ t += $5 } END { printf "%.2f\n", t }' <<< "$vol")" \
		"$(sqlite3 "$BK_DB" "SELECT printf('%.2f', coalesce(sum(reps * load_kg), 0)) FROM sets WHERE skipped = 0")"
	# the summary's week = the volume report of this week
	local week summary
	week=$(bk-stats volume --since 2026-11-16 --format csv | awk -F, 'NR > 1 { print $2, $3, $4 }' | sort)
	summary=$(bk-stats summary | awk '/^This week/ { on = 1; next } on && /^$/ { on = 0 }
		on && NF >= 3 { reps = 0; for (i = 1; i <= NF; i++) if ($(i) == "reps") reps = $(i - 1); print $1, $2, reps }' | sort)
	assert_equal "$summary" "$week"
	# held seconds: reps x hold, a timed set its hold
	assert_equal "$(bk-stats volume --by month --format csv | awk -F, 'NR > 1 { t += $5 } END { print t + 0 }')" \
		"$(sqlite3 "$BK_DB" "SELECT CAST(coalesce(sum(CASE WHEN reps IS NOT NULL THEN reps * hold_s ELSE hold_s END), 0) AS INTEGER) FROM sets WHERE skipped = 0")"
}

# adherence's done, partly and skipped = the statuses bk-plan show prints
check_adherence() {
	local adh shown
	adh=$(bk-stats adherence --by month --format csv | awk -F, 'NR > 1 {
		p[$2] += $3; d[$2] += $4; s[$2] += $5; q[$2] += $7 }
		END { for (x in p) print x, p[x], d[x], q[x], s[x] }' | sort)
	shown=$(for plan in jc mine; do bk-plan show "$plan" --all --format csv; done |
		awk -F, -v today="$BK_TODAY" '$5 == "exercise" && $1 <= today {
		p[$2]++; d[$2] += $18 == "done"; q[$2] += $18 == "partly"; s[$2] += $18 == "skipped" }
		END { for (x in p) print x, p[x], d[x], q[x], s[x] }' | sort)
	assert_equal "$adh" "$shown"
	# each status turns up, or the history tests too little
	run -0 bash -c "bk-plan show jc --all --format csv | cut -d, -f18 | sort -u | tr '\n' ' '"
	assert_output --partial 'done'
	assert_output --partial 'partly'
	assert_output --partial 'skipped'
	# the summary's adherence of each plan: what is still due today is
	# not missed yet
	local plan p d q s o due
	while read -r plan p d q s; do
		o=$(bk-plan show "$plan" --date "$BK_TODAY" --format csv |
			awk -F, '$5 == "exercise" && $18 == "due"' | wc -l)
		due=""
		[ "$o" -eq 0 ] || due=", $o due today"
		run -0 bk-stats summary
		assert_line --regexp "^    adherence: $d of $p done \([0-9]+%\), $q partly, $s skipped, $((p - d - q - s - o)) missed$due$"
	done <<< "$adh"
}

# every report's test count = bk-test list's test days of the kind
check_tests() {
	local kind days
	for kind in toe-touch pain; do
		days=$(bk-test list --kind "$kind" --format csv | awk -F, 'NR > 1 { print $2 }' | sort -u | wc -l)
		if [[ $kind == pain ]]; then
			# per region: the days of each region add up
			days=$(bk-test list --kind pain --format csv | awk -F, 'NR > 1 { print $2, $10 }' | sort -u | wc -l)
		fi
		assert_equal "$(bk-test progress "$kind" --format csv | awk -F, 'NR > 1 { t += $2 } END { print t + 0 }')" "$days"
	done
	days=$(bk-test list --kind toe-touch --format csv | awk -F, 'NR > 1 { print $2 }' | sort -u | wc -l)
	if sqlite3 "$BK_DB" "SELECT 1 FROM measurements WHERE kind = 'toe-touch' AND value_cm IS NOT NULL" | grep -q 1; then
		run -0 bk-stats summary
		assert_line --regexp "^  best: .* \($days tests?\)$"
	fi
}

# the streak, computed here from the rule: a day is kept when a set was
# done, or a plan covers it and nothing was due; a day with something due
# and nothing done breaks it (today only once it is over); a run starts on
# a day something was done
check_streak() {
	local due done expect
	due=$(for plan in jc mine; do bk-plan show "$plan" --all --format csv; done |
		awk -F, '$5 == "exercise" { print $1 }' | sort -u | tr '\n' ' ')
	done=$(sqlite3 "$BK_DB" "SELECT DISTINCT date FROM sets WHERE skipped = 0 ORDER BY 1" | tr '\n' ' ')
	expect=$(python3 - "$due" "$done" "$BK_TODAY" <<-'PY'
	import sys, datetime as dt
	due, done, today = set(sys.argv[1].split()), set(sys.argv[2].split()), sys.argv[3]
	day = lambda s: dt.date.fromisoformat(s)
	start, end = day("2026-10-23"), day(today)   # both plans cover these days
	d, runs, cur = day(min(done)), [], None
	while d <= end:
	    s = d.isoformat()
	    kept = s in done or (start <= d <= day("2026-11-21") and s not in due)
	    if d == end and not kept:
	        break
	    if kept and (cur or s in done):
	        cur = cur or [s, s, 0]
	        cur[1], cur[2] = s, cur[2] + 1
	    elif not kept and cur:
	        runs.append(cur); cur = None
	    d += dt.timedelta(days=1)
	if cur:
	    runs.append(cur)
	yest = (end - dt.timedelta(days=1)).isoformat()
	current = [r for r in runs if r[1] >= yest]
	best = max(runs, key=lambda r: (r[2], r[1]))
	print("%d,%s,%d,%s,%s,%s" % (current[0][2] if current else 0,
	    current[0][0] if current else "", best[2], best[0], best[1], max(done)))
	PY
	)
	run -0 bk-stats streak --format csv
	assert_line --index 1 "$expect"
}

@test "consistency: seed 1" {
	history 1
	check_volume
	check_adherence
	check_tests
	check_streak
}

@test "consistency: seed 42" {
	history 42
	check_volume
	check_adherence
	check_tests
	check_streak
}

@test "consistency: seed 2026" {
	history 2026
	check_volume
	check_adherence
	check_tests
	check_streak
}
