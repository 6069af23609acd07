#!/usr/bin/env python3
"""A longer fuzz run: the property tests of tests/test_fuzz.py with many more examples, and
coverage-guided fuzzing with atheris (bench/fuzz_atheris.py) beside it when it is installed.

    .venv/bin/python bench/fuzz.py [--examples 20000]      # one round of the properties
    .venv/bin/python bench/fuzz.py --minutes 10            # rounds until 10 minutes have passed

Each round runs every property with ``--examples`` generated inputs (readers on any bytes,
front matter, HTML; the numeral reader; extraction); hypothesis draws new inputs each round.
With --minutes, atheris fuzzes reading and extraction on any bytes for the same wall-clock
time in a second process. Any failure is a crash or a broken invariant, with the input that
shows it; the last line sums up rounds, examples, minutes and failures.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def hypothesis_round(examples: int) -> tuple[int, int, str]:
    """One pytest run of tests/test_fuzz.py: (properties passed, failed, its summary line)."""
    env = {**os.environ, "ZONE_FUZZ_EXAMPLES": str(examples)}
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly",
                           "tests/test_fuzz.py"], cwd=ROOT, env=env, capture_output=True, text=True)
    summary = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr.strip()[-300:]
    passed = int(m.group(1)) if (m := re.search(r"(\d+) passed", summary)) else 0
    failed = int(m.group(1)) if (m := re.search(r"(\d+) failed", summary)) else 0
    if failed or done.returncode not in (0,):
        print(done.stdout[-4000:], file=sys.stderr)
    return passed, failed, summary


def start_atheris(seconds: int) -> subprocess.Popen[str] | None:
    try:
        import atheris  # noqa: F401
    except ImportError:
        print("atheris is not installed (`.venv/bin/pip install atheris`): property tests only")
        return None
    # Seeded with the fixture articles (a first byte picks .txt, .md or .html), in a copy:
    # libFuzzer adds the inputs it finds to its corpus folder.
    corpus = Path(tempfile.mkdtemp(prefix="zone-corpus-"))
    for article in sorted((ROOT / "tests" / "fixtures" / "articles").iterdir()):
        (corpus / article.name).write_bytes(bytes([".txt.md.html".split(".").index(article.suffix[1:]) - 1])
                                            + article.read_bytes())
    return subprocess.Popen([sys.executable, str(ROOT / "bench" / "fuzz_atheris.py"), f"-max_total_time={seconds}",
                             "-print_final_stats=1", "-rss_limit_mb=1024", "-timeout=20",
                             f"-artifact_prefix={corpus.parent / 'zone-fuzz-'}", str(corpus)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def atheris_result(proc: subprocess.Popen[str]) -> tuple[int, bool]:
    """(inputs run, whether it crashed) from libFuzzer's final statistics."""
    out, _ = proc.communicate()
    runs = int(m.group(1)) if (m := re.search(r"stat::number_of_executed_units:\s*(\d+)", out)) else 0
    crashed = proc.returncode != 0
    if crashed:
        print(out[-4000:], file=sys.stderr)
    return runs, crashed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--examples", type=int, default=None, help="examples per property per round")
    parser.add_argument("--minutes", type=float, default=0, help="run rounds (and atheris) for this long")
    args = parser.parse_args()
    examples = args.examples or (2000 if args.minutes else 20000)
    start = time.monotonic()
    deadline = start + args.minutes * 60
    fuzzer = start_atheris(int(args.minutes * 60)) if args.minutes else None
    rounds = properties = failures = 0
    while True:
        passed, failed, summary = hypothesis_round(examples)
        rounds, properties, failures = rounds + 1, properties + passed + failed, failures + failed
        print(f"round {rounds}: {summary} ({(time.monotonic() - start) / 60:.1f} min)", flush=True)
        if time.monotonic() >= deadline or failed:
            break
    line = (f"fuzz: hypothesis {rounds} rounds x {examples} examples per property "
            f"({properties} property runs, up to {properties * examples} examples), {failures} failed")
    if fuzzer is not None:
        runs, crashed = atheris_result(fuzzer)
        failures += crashed
        line += f"; atheris {runs} inputs, {'a crash' if crashed else 'no crash'}"
    print(f"{line}; {(time.monotonic() - start) / 60:.1f} minutes")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
