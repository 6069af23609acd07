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


def test_the_fast_path_for_plain_lines_agrees_with_wcwidth() -> None:
    """Lines of ASCII, ideographs, CJK punctuation and fullwidth forms are measured without
    wcwidth: every such character must get wcwidth's answer, alone and in a line."""
    from wcwidth import wcswidth

    from common.width import _PLAIN

    ranges = [(0x20, 0x7F), (0xA0, 0x100), (0x2010, 0x2030), (0x3000, 0x3040), (0x4E00, 0xA000), (0xFF00, 0xFF62)]
    plain = [chr(c) for lo, hi in ranges for c in range(lo, hi) if _PLAIN.fullmatch(chr(c))]
    assert len(plain) > 20_000
    for ch in plain:
        assert display_width(ch) == wcswidth(ch), hex(ord(ch))
    line = "".join(plain[::97])
    assert display_width(line) == wcswidth(line)
    assert display_width("〪沧州") == wcswidth("〪沧州")   # a combining tone mark: not the fast path
