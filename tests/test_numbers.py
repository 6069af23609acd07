"""The number reader: Arabic and Chinese numerals, separators and multipliers."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.numbers import multiplier, parse_chinese, parse_number, scan_numbers, to_chinese


@pytest.mark.parametrize("text, value", [
    ("27.1亿", Decimal("2710000000")),
    ("270.883亿", Decimal("27088300000")),
    ("1.2万亿", Decimal("1200000000000")),
    ("3千万", Decimal("30000000")),
    ("1,234", Decimal("1234")),
    ("1,234,567.5", Decimal("1234567.5")),
    ("7 315", Decimal("7315")),
    ("86548.25", Decimal("86548.25")),
    ("三十亿", Decimal("3000000000")),
    ("一千二百", Decimal("1200")),
    ("一百零五", Decimal("105")),
    ("两", Decimal("2")),
    ("十", Decimal("10")),
    ("十五", Decimal("15")),
    ("一万二千", Decimal("12000")),
    ("四百亿", Decimal("40000000000")),
    ("三点五", Decimal("3.5")),
])
def test_reads_numbers(text: str, value: Decimal) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "十四五", "二〇二一", "百十", "1,23", "abc", "点五", "三点", "1.2.3"])
def test_refuses_what_is_not_one_number(text: str) -> None:
    assert parse_number(text) is None


def test_chained_multipliers_multiply() -> None:
    assert multiplier("万亿") == Decimal(10) ** 12
    assert multiplier("百万") == Decimal(10) ** 6


def test_scan_finds_numbers_in_running_text() -> None:
    found = [(t.text, t.value) for t in scan_numbers("共有企业12家，总资产27.1亿元，员工一千二百人。")]
    assert found == [("12", 12), ("27.1亿", Decimal("2710000000")), ("一千二百", 1200)]


@given(st.integers(min_value=0, max_value=10**13))
def test_arabic_integers_round_trip(n: int) -> None:
    assert parse_number(str(n)) == n
    assert parse_number(f"{n:,}") == n


@given(st.integers(min_value=0, max_value=10**12))
def test_chinese_integers_round_trip(n: int) -> None:
    assert parse_chinese(to_chinese(n)) == n


@given(st.decimals(min_value=0, max_value=10**9, places=3, allow_nan=False, allow_infinity=False),
       st.sampled_from(["", "万", "亿", "万亿", "千万"]))
def test_decimals_with_multipliers_round_trip(d: Decimal, mult: str) -> None:
    text = f"{d:f}"
    assert parse_number(text + mult) == d * multiplier(mult)


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from(list("0123456789.,万亿千百十零一二两三四五六七八九点元家%年第 ，。a")), max_size=40))
def test_every_number_found_reads_back_the_same(text: str) -> None:
    """Whatever the scanner accepts in arbitrary text is a number that reads back to the same value."""
    for token in scan_numbers(text):
        assert text[token.start:token.end] == token.text
        assert parse_number(token.text) == token.value


@settings(max_examples=300)
@given(st.text(max_size=200))
def test_never_crashes_on_arbitrary_text(text: str) -> None:
    for token in scan_numbers(text):
        assert text[token.start:token.end] == token.text and token.value.is_finite()
    value = parse_number(text)
    assert value is None or value.is_finite()
