#!/usr/bin/env python3
"""Time and peak memory of `zone extract` on every hostile file, at attack sizes.

    .venv/bin/python bench/bench_hostile.py [--scale 16]

Builds tests/hostile_corpus.py at ``--scale`` (16: 8,000 figures in one sentence, 320,000
nested <div>s, …) plus the special files (a FIFO, a symlink to /dev/zero, a 50 MB file), runs
`zone extract --json` on each in its own process and prints wall time, CPU time, peak RSS
and how it ended. The contract (README, "Limits"): no traceback, no internal error, nothing over 10 s
or 500 MB. ``--ingest`` also ingests each file that extracts into a fresh database and prints
that database's size beside the file's (a sentence is stored once, however many figures).
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from hostile_corpus import cases  # noqa: E402

ZONE = Path(sys.executable).with_name("zone")


def run(path: Path) -> tuple[float, float, float, int, str]:
    """(wall seconds, CPU seconds, peak RSS so far in MiB, exit status, first line of stderr or
    the count of figures). CPU time is what to compare on a loaded machine: there wall time
    is mostly waiting for a core."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    before, cpu = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
    start = time.perf_counter()
    try:
        done = subprocess.run([str(ZONE), "extract", str(path), "--json"], capture_output=True, text=True,
                              timeout=120)
        code, err = done.returncode, done.stderr.strip().splitlines()
        message = err[0] if err else f"{len(done.stdout.splitlines())} figures"
    except subprocess.TimeoutExpired:
        code, message = -1, "HANG (over 120 s)"
    elapsed = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak = usage.ru_maxrss  # KiB, the largest child so far
    return elapsed, usage.ru_utime + usage.ru_stime - cpu, max(peak, before) / 1024, code, message


def ingested_size(path: Path, folder: Path) -> str:
    """`zone ingest` of one file into a fresh database: the database's size against the file's."""
    db = folder / "ingest.db"
    db.unlink(missing_ok=True)
    start = time.perf_counter()
    done = subprocess.run([str(ZONE), "ingest", str(path), "--db", str(db)], capture_output=True, text=True,
                          timeout=600)
    if done.returncode != 0:
        return f"ingest rc={done.returncode}"
    return (f"ingest {time.perf_counter() - start:.1f} s, file {path.stat().st_size / 1024:.0f} KiB -> "
            f"database {db.stat().st_size / 2**20:.1f} MiB")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=int, default=16)
    parser.add_argument("--ingest", action="store_true", help="also ingest each file and print the database size")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = []
        for case in cases(args.scale):
            path = folder / case.name
            path.write_bytes(case.data)
            paths.append(path)
        os.mkfifo(folder / "pipe.md")
        (folder / "zero.md").symlink_to("/dev/zero")
        (folder / "fifty_mb.md").write_bytes(b"---\ntitle: a\ndate: 2022-08-10\n---\n" + "投资".encode() * 8_800_000)
        paths += [folder / "pipe.md", folder / "zero.md", folder / "fifty_mb.md"]
        worst_time = worst_cpu = worst_rss = 0.0
        bad = 0
        print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        for path in paths:
            elapsed, cpu, rss, code, message = run(path)
            # ru_maxrss of children is a running maximum: report the growth it shows
            worst_time, worst_cpu, worst_rss = max(worst_time, elapsed), max(worst_cpu, cpu), max(worst_rss, rss)
            failed = code not in (0, 1) or "Traceback" in message or "internal error" in message
            bad += failed
            print(f"{path.name:32} {elapsed:7.2f} s {cpu:6.2f} s CPU  rc={code:<3} {'FAIL ' if failed else ''}{message[:80]}")
            if args.ingest and code == 0 and path.is_file() and path.stat().st_size < 10_000_000:
                print(f"{'':32} {ingested_size(path, Path(tmp))}")
        print(f"{len(paths)} files: slowest {worst_time:.2f} s ({worst_cpu:.2f} s CPU), peak RSS of any run "
              f"{worst_rss:.0f} MiB, {bad} tracebacks/internal errors/hangs; load average "
              f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
