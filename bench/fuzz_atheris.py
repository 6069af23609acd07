#!/usr/bin/env python3
"""Coverage-guided fuzzing (atheris, libFuzzer) of reading and extraction on any bytes.

    .venv/bin/pip install atheris      # a bench-only tool, not a dependency of zone
    .venv/bin/python bench/fuzz_atheris.py -max_total_time=600 -print_final_stats=1

Each input is written as an article file (.txt, .md or .html, chosen by its first byte) and
read within zone's limits, then extracted and linked: an ArticleError (the one-line refusal)
is a fine answer, any other exception is a crash, and every figure must point at its own
text. libFuzzer's options pass through (bench/fuzz.py runs it for --minutes).
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
with atheris.instrument_imports(include=["ingest", "common"]):  # zone's code, not YAML's or the stdlib's
    from ingest.catalog import catalog
    from ingest.model import ArticleError
    from ingest.pipeline import figures_of, read_within_limits

catalog()  # read once before fuzzing, so that the first input is not charged with it

SUFFIXES = (".txt", ".md", ".html")
FOLDER = Path(tempfile.mkdtemp(prefix="zone-fuzz-"))


def one_input(data: bytes) -> None:
    path = FOLDER / f"a{SUFFIXES[data[0] % 3] if data else '.txt'}"
    path.write_bytes(data[1:])
    try:
        article = read_within_limits(path)
    except ArticleError:
        return
    for f in figures_of(article):
        if article.source[f.start:f.end] != f.text:
            raise AssertionError(f"figure {f.text!r} does not stand at {f.start}:{f.end}")


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
