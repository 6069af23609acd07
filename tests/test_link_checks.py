"""The cross-article link checker (tests/link_checks.py, behind eval/score_links.py) on our
own fixture articles: what passes, what fails and what is skipped."""
from __future__ import annotations

from pathlib import Path

import pytest
from link_checks import find_figure, run_checks
from scoring import GoldError

HERE = Path(__file__).resolve().parent / "fixtures" / "links"


@pytest.fixture(scope="module")
def report():
    return run_checks(HERE / "links.jsonl", {"K01": HERE / "K01.md", "K02": HERE / "K02.md"})


def test_each_check_passes_fails_or_is_skipped_as_its_line_says(report):
    verdicts = {o.line: o.ok for o in report.outcomes}
    assert verdicts == {1: True, 2: True, 3: True, 4: True, 5: True, 6: False, 7: False, 8: True, 9: True, 10: False,
                        11: None, 12: False, 13: False}
    assert report.passed("link") == (5, 9)
    assert report.passed("region") == (2, 3)
    assert report.passed() == (7, 12) and report.skipped == 1


def test_a_level_and_its_growth_are_one_indicator_but_two_series(report):
    fdi = {f.text: (f.indicator, f.kind) for f in report.figures["K01"] if f.text in ("1.2亿美元", "8.4%")}
    assert fdi == {"1.2亿美元": ("actual_fdi", "level"), "8.4%": ("actual_fdi", "change")}


def test_the_figures_found_are_those_the_quotes_point_at(report):
    source = (HERE / "K01.md").read_text(encoding="utf-8")
    figure = find_figure(source, report.figures["K01"], "212.5亿元", 1)
    assert figure is not None and figure.text == "212.5亿元"
    assert source[figure.start:figure.end] == "212.5亿元"
    with pytest.raises(GoldError, match="no occurrence 2"):
        find_figure(source, report.figures["K01"], "212.5亿元", 2)
