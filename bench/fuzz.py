#!/usr/bin/env python3
"""The property tests of tests/test_fuzz.py with many more examples: a longer fuzz run.

    .venv/bin/python bench/fuzz.py [--examples 20000]

Runs each property with ``--examples`` generated inputs (readers on any bytes, front matter,
HTML; the numeral reader; extraction) and prints pytest's summary: any failure is a crash or
a broken invariant, with the shrunk input that shows it.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--examples", type=int, default=20000)
    args = parser.parse_args()
    env = {**os.environ, "ZONE_FUZZ_EXAMPLES": str(args.examples)}
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_fuzz.py",
                           "--hypothesis-show-statistics"], cwd=ROOT, env=env)
    print(f"fuzz: {args.examples} examples per property, {time.perf_counter() - start:.0f} s")
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())
