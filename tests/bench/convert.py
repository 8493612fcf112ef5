#!/usr/bin/env python3
"""convert.py FORMAT < BK-CSV > APP-CSV: the sets of a bk-log export as the
app FORMAT (strong, fitnotes or hevy) would export them, for make bench:
one workout a day and time, set order per exercise within it, loads in
kg, a timed set's length in seconds (FitNotes: h:mm:ss)."""
import csv
import sys

MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def hms(s):
    s = int(float(s))
    return "%d:%02d:%02d" % (s // 3600, s % 3600 // 60, s % 60)


def main():
    fmt = sys.argv[1]
    out = csv.writer(sys.stdout, lineterminator="\n")
    order = {}
    if fmt == "strong":
        out.writerow(["Date", "Workout Name", "Duration", "Exercise Name",
                      "Set Order", "Weight", "Reps", "Distance", "Seconds",
                      "Notes", "Workout Notes", "RPE"])
    elif fmt == "fitnotes":
        out.writerow(["Date", "Exercise", "Category", "Weight",
                      "Weight Unit", "Reps", "Distance", "Distance Unit",
                      "Time", "Comment"])
    elif fmt == "hevy":
        out.writerow(["title", "start_time", "end_time", "description",
                      "exercise_title", "superset_id", "exercise_notes",
                      "set_index", "set_type", "weight_kg", "reps",
                      "distance_km", "duration_seconds", "rpe"])
    else:
        sys.exit("convert.py: unknown format " + fmt)
    for r in csv.DictReader(sys.stdin):
        if r["skipped"] != "0":
            continue
        t = r["time"] or "08:00"
        name = r["exercise_name"] or r["exercise"]
        k = (r["date"], t, name)
        order[k] = order.get(k, 0) + 1
        timed = r["reps"] == ""
        if fmt == "strong":
            out.writerow([r["date"] + " " + t + ":00", "Back", "45m", name,
                          order[k], r["load_kg"] or 0, r["reps"] or 0, 0,
                          r["hold_s"] if timed else 0, r["note"], "",
                          r["rpe"]])
        elif fmt == "fitnotes":
            out.writerow([r["date"], name, "Back", r["load_kg"],
                          "kgs" if r["load_kg"] else "", r["reps"], "", "",
                          hms(r["hold_s"]) if timed and r["hold_s"] else "",
                          r["note"]])
        else:
            y, m, d = r["date"].split("-")
            at = "%d %s %s, %s" % (int(d), MONTHS[int(m) - 1], y, t)
            out.writerow(["Back", at, at, "", name, "", r["note"],
                          order[k] - 1, "normal", r["load_kg"], r["reps"],
                          "", r["hold_s"] if timed else "", r["rpe"]])


main()
