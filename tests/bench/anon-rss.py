#!/usr/bin/env python3
"""anon-rss.py OUT COMMAND...: run COMMAND and write to OUT the peak of the
anonymous memory (heap, stack, SQLite's page cache: RssAnon, in KiB) of
it and its children, sampled every millisecond or so. The maximum
resident set that /usr/bin/time reports also counts the files mapped:
the shared libraries and SQLite's -shm file, whose size follows the
number of pages one transaction writes."""
import os
import subprocess
import sys
import time


def tree(pid):
    """pid and its descendants"""
    pids = [pid]
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            for c in f.read().split():
                pids += tree(int(c))
    except OSError:
        pass
    return pids


def anon(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("RssAnon:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


child = subprocess.Popen(sys.argv[2:])
peak = 0
while child.poll() is None:
    peak = max([peak] + [anon(p) for p in tree(child.pid)[1:] or [child.pid]])
    time.sleep(0.001)
with open(sys.argv[1], "w") as f:
    f.write(f"{peak}\n")
sys.exit(child.returncode)
