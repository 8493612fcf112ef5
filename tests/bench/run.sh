#!/usr/bin/env bash
# make bench: backkit against the sqlite3 shell (and gnuplot) doing the same
# work on the same synthetic history, measured with hyperfine in one run.
# BENCH_QUICK=1 measures a short history only (about a minute).
# The table is printed and written to build/bench/results.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
top=$PWD
b=$top/build/bench
mkdir -p "$b"
cd "$b"

quick=${BENCH_QUICK:-0}
export BK_TODAY=2026-11-21	# a Saturday: the last day of the history
export XDG_CONFIG_HOME=$b/config XDG_DATA_HOME=$b/data HOME=$b/home
unset BK_DB BK_DATADIR NO_COLOR
mkdir -p "$HOME"
PATH=$top/bin:$PATH
gnuplot=$(command -v gnuplot)

days=3652	# ten years of daily sessions
if [ "$quick" = 1 ]; then
	sizes=(10000 100000)
	import_runs=(5 3)
else
	sizes=(10000 100000 1000000)
	import_runs=(10 5 5)
fi
topn=${sizes[-1]}
since4w=2026-10-24	# --since -4w from BK_TODAY

label() {
	case $1 in
	1000000) echo 1M ;;
	*000) echo "$(($1 / 1000))k" ;;
	*) echo "$1" ;;
	esac
}

rows=()	# measure|backkit|anchor|ratio|goal|met, formatted
note() { printf '\n== %s\n' "$*"; }

# the median of command $2 (0 or 1) in hyperfine's JSON export $1, in s
median() {
	python3 -c 'import json, sys
print(json.load(open(sys.argv[1]))["results"][int(sys.argv[2])]["median"])' "$1" "$2"
}

fmt_time() {
	awk -v s="$1" 'BEGIN { if (s >= 1) printf "%.2f s", s;
		else printf "%.1f ms", s * 1000 }'
}

# add a row comparing backkit's median to the anchor's: ratio <= goal
add_ratio() {
	local what=$1 mine=$2 theirs=$3 goal=$4 ratio met
	ratio=$(awk -v a="$mine" -v b="$theirs" 'BEGIN { printf "%.2f", a / b }')
	met=$(awk -v r="$ratio" -v g="$goal" 'BEGIN { print (r <= g) ? "yes" : "no" }')
	rows+=("$what|$(fmt_time "$mine")|$(fmt_time "$theirs")|$ratio|≤ $goal|$met")
}

# holds N DB...: each store holds N sets, or the bench stops
holds() {
	local want=$1 f got
	shift
	for f in "$@"; do
		got=$(sqlite3 "$f" 'SELECT count(*) FROM sets')
		[ "$got" = "$want" ] || { echo "bench: $f holds $got rows, not $want" >&2; exit 1; }
	done
}

# hyperfine NAME RUNS WARMUP [OPTION...] CMD1 [CMD2]: results in NAME.json
bench() {
	local name=$1 runs=$2 warmup=$3
	shift 3
	hyperfine -N --style basic --runs "$runs" --warmup "$warmup" \
		--export-json "$b/$name.json" "$@"
}

# --- data ----------------------------------------------------------------
note "generating $(label "$topn") sets over $days days (fixed seed)"
bk-plan exercises --format tsv > catalog.tsv
"$b/gen" sets 1000000 "$BK_TODAY" "$days" catalog.tsv > sets-full.csv
for n in "${sizes[@]}"; do
	{ head -n 1 sets-full.csv; tail -n "$n" sets-full.csv; } > "sets-$n.csv"
done
awk -F, -v d="$since4w" 'NR == 1 || $1 >= d' "sets-$topn.csv" > sets-4w.csv
# the sets done (skips are ours alone), in our format and as Strong,
# FitNotes and Hevy export them (tests/bench/convert.py)
for n in "${sizes[@]}"; do
	awk -F, 'NR == 1 || $11 == 0' "sets-$n.csv" > "done-$n.csv"
	for app in strong fitnotes hevy; do
		python3 "$top/tests/bench/convert.py" "$app" < "done-$n.csv" > "$app-$n.csv"
	done
done
rm -f sets-full.csv

# the schema of the anchor's table: the CSV's columns, indexed as sets is
cat > anchor.sql <<'EOF'
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
CREATE TABLE sets (date TEXT NOT NULL, time TEXT, exercise TEXT NOT NULL,
  exercise_name TEXT, set_no INTEGER, side TEXT, reps INTEGER, hold_s REAL,
  load_kg REAL, rpe REAL, skipped INTEGER, reason TEXT, note TEXT, plan TEXT,
  source_key TEXT);
CREATE INDEX sets_date ON sets(date, time);
CREATE INDEX sets_done ON sets(date) WHERE skipped = 0;
CREATE INDEX sets_exercise_date ON sets(exercise, date);
CREATE INDEX sets_plan ON sets(plan, date) WHERE plan <> '';
CREATE UNIQUE INDEX sets_source_key ON sets(source_key);
EOF

# the same table with only two indexes (date, exercise): what an import
# into a table indexed for the reports costs at the least
cat > anchor2.sql <<'EOF'
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
CREATE TABLE sets (date TEXT NOT NULL, time TEXT, exercise TEXT NOT NULL,
  exercise_name TEXT, set_no INTEGER, side TEXT, reps INTEGER, hold_s REAL,
  load_kg REAL, rpe REAL, skipped INTEGER, reason TEXT, note TEXT, plan TEXT,
  source_key TEXT);
CREATE INDEX sets_date ON sets(date);
CREATE INDEX sets_exercise ON sets(exercise);
EOF

# bk-stats volume --by week in SQL: the ISO week is the year and week of
# the week's Thursday
cat > volume.sql <<'EOF'
SELECT strftime('%Y', s.date, '-3 days', 'weekday 4') || '-W' ||
  printf('%02d', (CAST(strftime('%j', s.date, '-3 days', 'weekday 4')
  AS INTEGER) + 6) / 7) AS period,
  e.slug AS exercise, count(*) FILTER (WHERE s.set_type <> 'warmup') AS sets,
  coalesce(sum(s.reps) FILTER (WHERE s.set_type <> 'warmup'), 0) AS reps,
  coalesce(sum(CASE WHEN s.reps IS NOT NULL THEN s.reps * coalesce(s.hold_s, 0)
    ELSE coalesce(s.hold_s, 0) END) FILTER (WHERE s.set_type <> 'warmup'), 0)
    AS hold_seconds,
  round(coalesce(sum(s.reps * s.load_kg)
    FILTER (WHERE s.set_type <> 'warmup'), 0), 2) AS load_kg,
  count(*) FILTER (WHERE s.set_type = 'warmup') AS warmup_sets
FROM sets s JOIN exercises e ON e.id = s.exercise_id
WHERE s.skipped = 0
GROUP BY period, e.id ORDER BY period, e.slug;
EOF

# the stores, each made by one import; its peak memory is measured, and
# the part of it that is not files mapped (libraries, SQLite's -shm)
declare -A rss anon
for n in "${sizes[@]}"; do
	note "building the $(label "$n")-set store"
	rm -f "db-$n.db" "db-$n.db-wal" "db-$n.db-shm"
	python3 "$top/tests/bench/anon-rss.py" "anon-$n.txt" \
		/usr/bin/time -f '%M' -o "rss-$n.txt" \
		bk-log --db "db-$n.db" import "sets-$n.csv"
	rss[$n]=$(tail -n 1 "rss-$n.txt")
	anon[$n]=$(cat "anon-$n.txt")
done
# what the data made the machine write must not slow what follows
sync
rm -f db-4w.db db-4w.db-wal db-4w.db-shm
bk-log --db db-4w.db import sets-4w.csv

note "weekly toe-touch tests and monthly pain ratings in the $(label "$topn") store"
"$b/gen" tests "$BK_TODAY" "$days" | {
	i=0
	while read -r d reach; do
		bk-test --db "db-$topn.db" toe-touch --date "$d" -- "$reach" > /dev/null
		if [ $((i++ % 4)) = 0 ]; then
			bk-test --db "db-$topn.db" pain $((i % 5 + 1)) \
				--region lower-back --date "$d" > /dev/null
		fi
	done
}
# bk-plan today, when this bk-plan has it (--help succeeds for any word)
plan_today=0
if bk-plan --help | grep -q 'bk-plan today'; then
	plan_today=1
	bk-plan --db "db-$topn.db" new bench --template jefferson-30 \
		--start -10d > /dev/null 2>&1 ||
		echo "(bk-plan new failed: bk-plan today runs without a plan)"
fi

# --- 1, 2, 3 at each size ------------------------------------------------
for i in "${!sizes[@]}"; do
	n=${sizes[$i]}
	l=$(label "$n")

	note "1. one bk-log of 3 sets into the $l store, against sqlite3 INSERT"
	cp "db-$n.db" one-bk.db
	cp "db-$n.db" one-sq.db
	ex=$(sqlite3 one-sq.db "SELECT id FROM exercises WHERE slug = 'band-row'")
	v=""
	for s in 1 2 3; do
		v+="${v:+, }('$BK_TODAY', '12:00', $ex, $s, 10, 'log:' || lower(hex(randomblob(16))))"
	done
	bench "insert-$n" 60 10 \
		"bk-log --db one-bk.db band-row 3x10 --time 12:00" \
		"sqlite3 one-sq.db \"PRAGMA synchronous = NORMAL; BEGIN IMMEDIATE; INSERT INTO sets (date, time, exercise_id, set_no, reps, source_key) VALUES $v; COMMIT\""
	add_ratio "bk-log 3x10 into $l sets" "$(median "insert-$n.json" 0)" \
		"$(median "insert-$n.json" 1)" 1.0

	note "2. bk-log import of $l rows, against sqlite3 .import"
	bench "import-$n" "${import_runs[$i]}" 0 \
		--prepare "rm -f imp-bk.db imp-bk.db-wal imp-bk.db-shm" \
		--prepare "rm -f imp-sq.db imp-sq.db-wal imp-sq.db-shm" \
		"bk-log --db imp-bk.db import sets-$n.csv" \
		"sqlite3 imp-sq.db -cmd '.read anchor.sql' '.import --csv --skip 1 sets-$n.csv sets'"
	holds "$n" imp-bk.db imp-sq.db
	add_ratio "import of $l rows" "$(median "import-$n.json" 0)" \
		"$(median "import-$n.json" 1)" 1.0

	note "2. bk-log import of $l rows, against sqlite3 .import into two indexes"
	bench "import2-$n" "${import_runs[$i]}" 0 \
		--prepare "rm -f imp-bk.db imp-bk.db-wal imp-bk.db-shm" \
		--prepare "rm -f imp-sq.db imp-sq.db-wal imp-sq.db-shm" \
		"bk-log --db imp-bk.db import sets-$n.csv" \
		"sqlite3 imp-sq.db -cmd '.read anchor2.sql' '.import --csv --skip 1 sets-$n.csv sets'"
	holds "$n" imp-bk.db imp-sq.db
	add_ratio "import of $l rows, anchor with 2 indexes" \
		"$(median "import2-$n.json" 0)" "$(median "import2-$n.json" 1)" 1.5

	want=$(($(wc -l < "done-$n.csv") - 1))
	for app in Strong FitNotes Hevy; do
		a=$(echo "$app" | tr '[:upper:]' '[:lower:]')
		note "2. a $app export of the same $l sets, against our own format"
		bench "$a-$n" "${import_runs[$i]}" 0 \
			--prepare "rm -f imp-st.db imp-st.db-wal imp-st.db-shm" \
			--prepare "rm -f imp-bk.db imp-bk.db-wal imp-bk.db-shm" \
			"bk-log --db imp-st.db import $a-$n.csv --units kg" \
			"bk-log --db imp-bk.db import done-$n.csv"
		holds "$want" imp-st.db imp-bk.db
		add_ratio "$app import of $l rows, against ours" \
			"$(median "$a-$n.json" 0)" "$(median "$a-$n.json" 1)" 1.2
	done

	note "3. bk-stats volume --by week over $l sets, against GROUP BY"
	bk-stats --db "db-$n.db" volume --by week > vol-bk.csv
	# the same rows; the shell writes CRLF and 50.0 where bk-stats has 50
	sqlite3 -csv -header "db-$n.db" '.read volume.sql' | tr -d '\r' |
		sed 's/\.0,/,/g; s/\.0$//' > vol-sq.csv
	if ! cmp -s vol-bk.csv vol-sq.csv; then
		echo "bench: bk-stats volume and the SQL disagree:" >&2
		diff vol-bk.csv vol-sq.csv | head -5 >&2
		exit 1
	fi
	if [ "$n" -ge 1000000 ]; then r=5; else r=10; fi
	bench "volume-$n" "$r" 1 \
		"bk-stats --db db-$n.db volume --by week" \
		"sqlite3 -csv -header db-$n.db '.read volume.sql'"
	add_ratio "volume --by week, $l sets" "$(median "volume-$n.json" 0)" \
		"$(median "volume-$n.json" 1)" 1.1

	note "3. volume --since -4w in the $l store, against a 4-week store"
	bench "window-$n" 30 3 \
		"bk-stats --db db-$n.db volume --by week --since -4w" \
		"bk-stats --db db-4w.db volume --by week --since -4w"
	add_ratio "volume --since -4w, $l sets" "$(median "window-$n.json" 0)" \
		"$(median "window-$n.json" 1)" 2.0
done

# memory: the import of the most rows against the fewest
mb() { awk -v k="$1" 'BEGIN { printf "%.2f MB", k / 1024 }'; }
small=${sizes[0]}
r=$(awk -v a="${rss[$topn]}" -v b="${rss[$small]}" 'BEGIN { printf "%.2f", a / b }')
rows+=("import peak RSS, $(label "$topn") vs $(label "$small") rows|$(mb "${rss[$topn]}")|$(mb "${rss[$small]}")|$r|≤ 1.0|$(awk -v r="$r" 'BEGIN { print (r <= 1.0) ? "yes" : "no" }')")
r=$(awk -v a="${anon[$topn]}" -v b="${anon[$small]}" 'BEGIN { printf "%.2f", a / b }')
rows+=("of which anonymous (heap, page cache)|$(mb "${anon[$topn]}")|$(mb "${anon[$small]}")|$r|(shown)|")

# --- 4 -------------------------------------------------------------------
l=$(label "$topn")
note "4. reports on the $l store (median under 20 ms)"
cmds=("bk-test --db db-$topn.db progress" "bk-stats --db db-$topn.db summary")
if [ "$plan_today" = 1 ]; then
	cmds+=("bk-plan --db db-$topn.db today")
fi
for c in "${cmds[@]}"; do
	bench report 30 3 "$c"
	m=$(median report.json 0)
	rows+=("${c/--db db-$topn.db /} ($l sets)|$(fmt_time "$m")|||< 20 ms|$(awk -v m="$m" 'BEGIN { print (m < 0.020) ? "yes" : "no" }')")
done
if [ "$plan_today" = 0 ]; then
	rows+=("bk-plan today ($l sets)|not built yet||||skipped")
fi

# --- 5 -------------------------------------------------------------------
note "5. bk-stats plot flex --output x.png, against gnuplot alone"
# the script bk-stats sends, kept by a gnuplot that passes it on
mkdir -p gp
# shellcheck disable=SC2016 # expanded by the wrapper, not here
printf '#!/bin/sh\ntee "$BENCH_GP_SCRIPT" | "$BENCH_GNUPLOT" "$@"\n' > gp/gnuplot
chmod +x gp/gnuplot
BENCH_GP_SCRIPT=$b/flex.gp BENCH_GNUPLOT=$gnuplot PATH=$b/gp:$PATH \
	bk-stats --db "db-$topn.db" plot flex --output flex-bk.png
sed "/^set terminal/a set output 'flex-gp.png'" flex.gp > flex-anchor.gp
bench plot 15 2 \
	"bk-stats --db db-$topn.db plot flex --output flex-bk.png" \
	"$gnuplot -d flex-anchor.gp"
cmp -s flex-bk.png flex-gp.png ||
	echo "(the two images differ in bytes; sizes $(stat -c %s flex-bk.png) and $(stat -c %s flex-gp.png))"
add_ratio "plot flex --output x.png" "$(median plot.json 0)" \
	"$(median plot.json 1)" 1.1

# --- the table -----------------------------------------------------------
{
	echo "| measure | backkit | anchor | ratio | goal | met |"
	echo "|---|---:|---:|---:|---|---|"
	for row in "${rows[@]}"; do
		echo "| ${row//|/ | } |"
	done
	echo
	echo "Anchors: the sqlite3 $(sqlite3 --version | cut -d' ' -f1) shell (1-3), a store of the last four weeks only (3, --since), gnuplot $("$gnuplot" --version | cut -d' ' -f2) alone (5). Medians of hyperfine runs; ratio = backkit / anchor."
	echo "Machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -n 1); $(date -u +%Y-%m-%d)."
	echo "Command: ${BENCH_QUICK:+BENCH_QUICK=$BENCH_QUICK }make bench"
} > results.md
note "results (build/bench/results.md)"
cat results.md
