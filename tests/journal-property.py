#!/usr/bin/env python3
"""Random writes and undos of every command, checked against a model.

usage: journal-property.py SEED STEPS STORE

The model is a stack: before each write that succeeds, the store's content
and the number of journal entries the write made. An undo that takes the
last entry of a write must bring the content back to what it was before
that write; a command that fails must change nothing; undoing everything
at the end must give back the empty store. Prints the failing step and
exits 1 on the first difference.
"""
import os
import random
import sqlite3
import subprocess
import sys

seed, steps, store = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
rng = random.Random(seed)
env = dict(os.environ, BK_DB=store)
scratch = store + ".scratch"
TABLES = ("exercises", "plans", "plan_items", "sets", "measurements")
EXERCISES = ("band-row", "cat-cow", "jefferson-curl", "passive-hang")
SPECS = ("3x10", "2x8@5kg", "1x30s", "12", "2x10@15lb", "45s")
log = []


def run(*args, stdin=None, extra=None):
    e = dict(env, **(extra or {}))
    p = subprocess.run(args, input=stdin, env=e, capture_output=True,
                       text=True)
    log.append("%s -> %d %s" % (" ".join(args), p.returncode,
                                (p.stdout + p.stderr).strip()[:200]))
    return p.returncode


def content():
    if not os.path.exists(store):
        return [(t, []) for t in TABLES]   # as an empty store
    c = sqlite3.connect("file:%s?mode=ro" % store, uri=True)
    out = []
    for t in TABLES:
        where = " WHERE builtin = 0" if t == "exercises" else ""
        out.append((t, c.execute("SELECT * FROM %s%s ORDER BY id"
                                 % (t, where)).fetchall()))
    c.close()
    return out


def entries():
    if not os.path.exists(store):
        return 0
    c = sqlite3.connect("file:%s?mode=ro" % store, uri=True)
    n = c.execute("SELECT count(*) FROM journal WHERE undone = 0"
                  ).fetchone()[0]
    c.close()
    return n


def ids(sql):
    if not os.path.exists(store):
        return []
    c = sqlite3.connect("file:%s?mode=ro" % store, uri=True)
    r = [row[0] for row in c.execute(sql)]
    c.close()
    return r


def pick(seq, missing=None):
    if missing is not None and (not seq or rng.random() < 0.1):
        return missing
    return rng.choice(seq)


def plan_names():
    return ids("SELECT name FROM plans") or ["p0"]


def date():
    return rng.choice(("today", "yesterday", "-3d", "2026-11-15"))


def write():
    """one random write of some command: (argv, stdin)"""
    k = rng.randrange(17)
    ex = rng.choice(EXERCISES)
    if k == 0:
        a = ["bk-log", ex]
        if rng.random() < 0.7:
            a.append(rng.choice(SPECS))
        if rng.random() < 0.3:
            a += ["--date", date()]
        if rng.random() < 0.2:
            a += ["--plan", pick(plan_names(), "nosuch")]
        return a, None
    if k == 1:
        return ["bk-log", "skip", ex, "--reason", "sore"], None
    if k == 2:
        return ["bk-log", "rm", str(pick(ids("SELECT id FROM sets"),
                                         999999))], None
    if k == 3:
        a = ["bk-log", "edit", str(pick(ids("SELECT id FROM sets"), 999999))]
        a += rng.choice((["--reps", "7"], ["--rpe", "6"], ["--note", "n"],
                         ["--date", "yesterday"], ["10@2kg"], ["--reps", "0"],
                         ["--load", "3kg", "--time", "07:30"]))
        return a, None
    if k == 4:
        subprocess.run(["bk-log", rng.choice(EXERCISES), "2x5"],
                       env=dict(env, BK_DB=scratch), capture_output=True)
        p = subprocess.run(["bk-log", "export"], env=dict(env, BK_DB=scratch),
                           capture_output=True, text=True)
        return ["bk-log", "import", "-"], p.stdout
    if k == 5:
        answers = "".join(rng.choice(("done\n", "skip tired\n", "partly 1\n"))
                          for _ in range(3)) + "quit\n"
        return ["bk-log", "session", "--no-timer"], answers
    if k == 6:
        return ["bk-test", "pain", str(rng.randrange(12))], None
    if k == 7:
        return ["bk-test", "toe-touch", "--", rng.choice(("-10", "+2", "ankles",
                                                          "elbows"))], None
    if k == 8:
        return ["bk-test", "sit-and-reach", rng.choice(("12", "15.5"))], None
    if k == 9:
        return ["bk-test", "rm", str(pick(ids("SELECT id FROM measurements"),
                                          999999))], None
    if k == 10:
        return ["bk-test", "edit", str(pick(ids("SELECT id FROM measurements"),
                                            999999)),
                rng.choice(("3", "0", "11")), "--note", "e"], None
    if k == 11:
        a = ["bk-plan", "new", "p%d" % rng.randrange(4)]
        r = rng.random()
        if r < 0.3:
            a += ["--on", "mon,wed,fri"]
        elif r < 0.5:
            a += ["--template", "jefferson-30"]
        if rng.random() < 0.3:
            a += ["--start", "2026-11-10"]
        return a, None
    if k == 12:
        return ["bk-plan", "add", pick(plan_names()), ex,
                rng.choice(SPECS)], None
    if k == 13:
        return ["bk-plan", "rm", pick(plan_names(), "nosuch")], None
    if k == 14:
        return ["bk-plan", "rm", pick(plan_names()), ex], None
    if k == 15:
        return ["bk-plan", "end", pick(plan_names()), "--date",
                rng.choice(("today", "2026-11-18", "2026-11-01"))], None
    return ["bk-plan", "exercise", "add", "mine-%d" % rng.randrange(3),
            "--name", "Mine %d" % rng.randrange(3)], None


def fail(why):
    print("seed %d: %s" % (seed, why))
    print("\n".join(log[-12:]))
    sys.exit(1)


stack = []      # (content before, journal entries the write made left)
stored = undone = refused = 0
base = content()
for step in range(steps):
    before, n0 = content(), entries()
    if stack and rng.random() < 0.3:
        rc = run(rng.choice(("bk-log", "bk-test", "bk-plan", "bk")), "undo")
        if rc != 0:
            fail("step %d: undo failed with entries left" % step)
        undone += 1
        snap, left = stack[-1]
        if left > 1:
            stack[-1] = (snap, left - 1)
        else:
            stack.pop()
            if content() != snap:
                fail("step %d: undo did not restore the content" % step)
        continue
    argv, stdin = write()
    rc = run(*argv, stdin=stdin)
    made = entries() - n0
    if rc != 0:
        if content() != before or made:
            fail("step %d: a failed command changed the store" % step)
        refused += 1
        continue
    if made > 0:
        stack.append((before, made))
        stored += 1
    elif content() != before:
        fail("step %d: a write that made no journal entry changed the store"
             % step)
while stack:
    snap, left = stack.pop()
    for _ in range(left):
        if run("bk-log", "undo") != 0:
            fail("unwinding: undo failed")
    if content() != snap:
        fail("unwinding: undo did not restore the content")
if run("bk-log", "undo") != 1:
    fail("unwinding: something left to undo")
if content() != base:
    fail("the end: the content is not what it was")
if any(rows for _, rows in content()):
    fail("the end: rows left after undoing everything")
print("seed %d: %d steps, %d writes stored, %d refused, %d undos"
      % (seed, steps, stored, refused, undone))
