"""common.width: columns a text takes, as a terminal draws it."""
from __future__ import annotations

from common.width import display_width


def test_wide_characters_take_two_columns() -> None:
    assert display_width("沧州abc") == 7
    assert display_width("５２０．８亿元") == 14          # fullwidth digits are wide too


def test_combining_marks_take_none() -> None:
    assert display_width("e\u0301") == 1


def test_control_characters_count_nothing_instead_of_failing() -> None:
    assert display_width("a\tb\x1b") == 2
    assert display_width("") == 0
