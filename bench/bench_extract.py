"""Time figure extraction on about 1 MB of article text.

The text is the seed article's body paragraphs repeated until it passes 1 MB (counted
in UTF-8 bytes), read once by the reader and then handed to extract_figures as one
article. Run from the repository root:

    .venv/bin/python bench/bench_extract.py [--mb 1.0] [--repeat 3]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest.extract import extract_figures  # noqa: E402
from ingest.reader import read_article  # noqa: E402

SEED = ROOT / "articles" / "2022-08-10_czrb_content_66129.txt"


def build_article(megabytes: float) -> Path:
    """An e-paper text file with the seed's header and its body repeated to the given size."""
    seed = read_article(SEED)
    body = "\n\n".join(p.text for p in seed.paragraphs)
    target = int(megabytes * 1_000_000)
    parts: list[str] = []
    size = 0
    while size < target:
        parts.append(body)
        size += len(body.encode("utf-8")) + 2
    text = "2022年08月10日\n第08版:08\n\n基准测试文章\n\n" + "\n\n".join(parts) + "\n"
    out = Path(tempfile.mkdtemp()) / "bench_article.txt"
    out.write_text(text, encoding="utf-8")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=1.0)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    path = build_article(args.mb)
    t0 = time.perf_counter()
    article = read_article(path)
    read_s = time.perf_counter() - t0
    best = float("inf")
    count = 0
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        count = len(extract_figures(article))
        best = min(best, time.perf_counter() - t0)
    size = path.stat().st_size
    print(f"{size / 1e6:.2f} MB, {len(article.paragraphs)} paragraphs: read {read_s:.3f} s, "
          f"extract_figures best of {args.repeat} {best:.3f} s ({count} figures)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
