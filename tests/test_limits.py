"""ingest/limits.py: what every article file is held to, as a user meets it through the CLI."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from ingest.limits import check_file, printable
from ingest.model import ArticleError
from zone import cli

ARTICLE = "---\ntitle: 开发区\ndate: {date}\n---\n今年以来，开发区签约项目12个，总投资35亿元。\n"


def run(*args: str) -> "object":
    return CliRunner().invoke(cli, list(args))


def one_line_refusal(result: object, reason: str) -> None:
    assert result.exit_code == 1  # type: ignore[attr-defined]
    lines = result.stderr.strip().splitlines()  # type: ignore[attr-defined]
    assert len(lines) == 1 and reason in lines[0], lines


def test_a_named_pipe_is_refused_without_reading_it(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    one_line_refusal(run("extract", str(fifo)), "is a named pipe, not an article file")
    db = tmp_path / "zone.db"
    one_line_refusal(run("ingest", str(fifo), "--db", str(db)), "is a named pipe")
    assert not db.exists()


def test_a_symlink_to_a_device_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    one_line_refusal(run("extract", str(link)), "is a device, not an article file")


def test_the_size_cap_refuses_a_large_file_and_can_be_raised(tmp_path: Path) -> None:
    article = tmp_path / "big.md"
    article.write_text(ARTICLE.format(date="2022-08-10") + "。" * 2_000_000, encoding="utf-8")  # about 6 MB
    one_line_refusal(run("extract", str(article)), "over the 5 MB limit for one article (raise it with --max-size)")
    assert run("extract", str(article), "--max-size", "10").exit_code == 0
    with pytest.raises(ArticleError, match="over the 1 MB limit"):
        check_file(article, 1024 * 1024)


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "1850-03-01"])
def test_a_date_that_cannot_anchor_time_phrases_is_refused(tmp_path: Path, day: str) -> None:
    article = tmp_path / "old.md"
    article.write_text(ARTICLE.format(date=day), encoding="utf-8")
    one_line_refusal(run("extract", str(article)), f"date {day} is outside 1900–2100")
    one_line_refusal(run("extract", str(article), "--date", "0001-01-01"), "outside 1900–2100")
    assert run("extract", str(article), "--date", "2022-08-10").exit_code == 0


def test_file_names_with_control_characters_stay_on_one_line(tmp_path: Path) -> None:
    article = tmp_path / "bad\nname\x1b[31m.md"
    article.write_text(ARTICLE.format(date="0001-01-01"), encoding="utf-8")
    result = run("extract", str(article))
    one_line_refusal(result, "bad\\x0aname\\x1b[31m.md")
    assert printable(os.fsdecode(b"caf\xe9.md")) == "caf\\udce9.md"
