#!/usr/bin/python3
"""cli.py SECONDS [SEED]: a fuzz harness for the command lines of backkit.

Runs the commands in bin/ (built with SANITIZE=1 by `make fuzz-cli`) with
random subcommands, options and values taken from their man pages, on a
few throwaway stores that live through many runs, so that later commands
meet what earlier ones wrote. Each run must end with exit 0, 1 or 2, never
a signal or a sanitizer report; a non-zero exit must say why on stderr;
no run may take longer than its timeout. The first failure is written to
build/fuzz/cli-failure.txt (argv, environment, stderr) and the harness
exits 1.
"""
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.join(TOP, "bin")
MAN = os.path.join(TOP, "man", "man1")
COMMANDS = ["bk-log", "bk-plan", "bk-test", "bk-stats", "bk"]


def from_man(cmd):
    """subcommands and options named in a command's man page"""
    subs, opts = set(), set()
    try:
        text = open(os.path.join(MAN, cmd + ".1"), encoding="utf-8").read()
    except OSError:
        return [], []
    for m in re.finditer(r"\bCm ([a-z][a-z-]*)", text):
        subs.add(m.group(1))
    for m in re.finditer(r"\bFl (-?[A-Za-z0-9][A-Za-z0-9-]*)", text):
        o = m.group(1)
        opts.add("--" + o[1:] if o.startswith("-") else "-" + o)
    opts.discard("--help")  # help and version are dull: seldom
    return sorted(subs), sorted(opts)


SLUGS = ["cat-cow", "band-row", "jefferson-curl", "passive-hang",
         "toe-touch", "knee-to-chest", "no-such-move", "Cat Cow", "jeff"]
PLANS = ["mine", "jeff", "desk", "wk", "nosuch"]
TEMPLATES = ["jefferson-30", "desk-break", "upper-back-relief", "x"]
HOSTILE = ["", "-", "--", "\x1b]0;PWNED\x07", "\x1b[2J", "=HYPERLINK(\"x\")",
           "+1", "@SUM(1)", "ok \u202e01-21-6202", "\u200b", "\ufeffunits",
           "a" * 300, "b" * 70000, "'; DROP TABLE sets; --", "%s%n%x",
           "\udcff\udcfe", "日本語", "nan", "inf",
           "-0", "1e309", "99999999999999999999", "0x10", " 3x10 "]
DATES = ["today", "yesterday", "tomorrow", "-3d", "+2w", "-1m", "-1y",
         "2026-02-29", "2024-02-29", "0001-01-01", "9999-12-31",
         "10000-01-01", "2026-13-01", "mon", "sunday", "sow", "eom",
         "2026-03", "2026", "last week", "this month", "next-week"]
SPECS = ["3x10", "3x8@5kg", "2x10@15lb", "3x30s", "2x1m", "12", "1x5 hold 10s",
         "2x5 hold 5s @2kg", "0x0", "1000000x1000000", "3x10@-5kg", "x",
         "1x5@0kg", "5x5 rest 30s", "1x1s each side"]
NUMS = ["0", "1", "2", "10", "-1", "-15", "+3cm", "12", "4.5", "1e3",
        "65535", "2147483648", "-9223372036854775809"]
DURS = ["5s", "1m", "90", "0s", "-5s", "1h", "99999999s", "1m30s"]
WORDS = ["shins", "ankles", "floor", "knees", "left", "right", "both",
         "kg", "lb", "csv", "tsv", "json", "table", "auto", "strong",
         "fitnotes", "hevy", "fitbod", "bk", "day", "week", "month",
         "lower-back", "upper-back", "female", "male", "none", "mon,wed,fri"]


def value(rng):
    pool = rng.choice([SLUGS, PLANS, TEMPLATES, HOSTILE, DATES, SPECS,
                       NUMS, DURS, WORDS])
    return rng.choice(pool)


def argv_for(rng, cmd, subs, opts, files):
    args = [cmd]
    if subs and rng.random() < 0.85:
        args.append(rng.choice(subs))
    for _ in range(rng.randrange(0, 5)):
        r = rng.random()
        if r < 0.45 and opts:
            o = rng.choice(opts)
            if rng.random() < 0.8:
                if o.startswith("--") and rng.random() < 0.3:
                    args.append(o + "=" + value(rng))
                else:
                    args += [o, value(rng)]
            else:
                args.append(o)
        elif r < 0.55 and files:
            args.append(rng.choice(files))
        else:
            args.append(value(rng))
    return args


def fixtures(tmp):
    """import inputs: real ones from tests/fixtures and a few mangled"""
    out = []
    fx = os.path.join(TOP, "tests", "fixtures")
    for name in sorted(os.listdir(fx))[:40]:
        if name.endswith(".csv"):
            out.append(os.path.join(fx, name))
    for i, data in enumerate([b"", b"\r\r\r", b"a,b\n\"unterminated\n",
                              b"Date,Exercise\n" + b"x" * 200000 + b"\n",
                              b"\xef\xbb\xbf" + open(out[0], "rb").read()
                              if out else b""]):
        p = os.path.join(tmp, "mangled-%d.csv" % i)
        with open(p, "wb") as f:
            f.write(data)
        out.append(p)
    return out


def answers_by_status(argv):
    """a question answered by the exit status alone: bk-plan next (1:
    nothing to do) and bk-plan today --quiet (1: nothing due today)"""
    words = argv[1:]
    if argv[0] == "bk" and words[:1] == ["plan"]:
        words = words[1:]
    elif argv[0] != "bk-plan":
        return False
    return "next" in words or ("today" in words and
                               ("-q" in words or "--quiet" in words))


def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 20
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else int(time.time())
    rng = random.Random(seed)
    print("cli fuzz: seed %d, %g s" % (seed, seconds), flush=True)
    table = {c: from_man(c) for c in COMMANDS}
    tmp = tempfile.mkdtemp(prefix="bk-cli-fuzz.")
    files = fixtures(tmp)
    stores = [os.path.join(tmp, "s%d" % i, "backkit.db") for i in range(4)]
    env0 = {k: v for k, v in os.environ.items()
            if not k.startswith(("BK_", "XDG_")) and k not in
            ("DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS")}
    # bk-plan remind and notify meet stand-ins, never the session's own
    # systemd or desktop
    stubs = os.path.join(tmp, "stubs")
    os.mkdir(stubs)
    for name in ("systemctl", "notify-send"):
        with open(os.path.join(stubs, name), "w") as f:
            f.write("#!/bin/sh\nexit 0\n")
        os.chmod(os.path.join(stubs, name), 0o755)
    env0["PATH"] = os.pathsep.join([BIN, stubs,
                                    env0.get("PATH", "/usr/bin:/bin")])
    env0["ASAN_OPTIONS"] = "detect_leaks=1:abort_on_error=0:exitcode=99"
    env0["UBSAN_OPTIONS"] = "halt_on_error=1:exitcode=98:print_stacktrace=1"
    runs = 0
    end = time.time() + seconds
    try:
        while time.time() < end:
            cmd = rng.choice(COMMANDS)
            subs, opts = table[cmd]
            argv = argv_for(rng, cmd, subs, opts, files)
            env = dict(env0)
            env["BK_DB"] = rng.choice(stores)
            env["BK_TODAY"] = rng.choice(["2026-11-21", "2024-02-29",
                                          "0001-01-01", "9999-12-31"])
            env["HOME"] = os.path.dirname(env["BK_DB"])
            env["XDG_CONFIG_HOME"] = os.path.join(tmp, "config")
            try:
                p = subprocess.run(argv, env=env, cwd=tmp,
                                   stdin=subprocess.DEVNULL,
                                   stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, timeout=20)
                rc, err = p.returncode, p.stderr.decode("utf-8", "replace")
            except subprocess.TimeoutExpired:
                rc, err = "timeout", ""
            runs += 1
            bad = None
            if rc not in (0, 1, 2):
                bad = "exit status %s" % rc
            elif "Sanitizer" in err or "runtime error:" in err:
                bad = "sanitizer report"
            elif rc != 0 and not err.strip() and not (
                    rc == 1 and answers_by_status(argv)):
                bad = "exit %d without a message" % rc
            if bad:
                os.makedirs(os.path.join(TOP, "build", "fuzz"), exist_ok=True)
                path = os.path.join(TOP, "build", "fuzz", "cli-failure.txt")
                with open(path, "w", encoding="utf-8") as f:
                    f.write("seed %d run %d: %s\nargv: %r\nBK_TODAY=%s\n%s\n"
                            % (seed, runs, bad, argv, env["BK_TODAY"], err))
                print("cli fuzz: %s after %d runs: %r (see %s)"
                      % (bad, runs, argv, path))
                return 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("cli fuzz: %d runs, no failure" % runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
