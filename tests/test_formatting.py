"""The one formatting of displayed values (common.formatting): Chinese statistical style,
English scale words, derived values rounded once; used by the brief and the terminal."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from common.formatting import choose_scale, format_scaled, format_signed, format_value, round_derived, significant
from common.units import UNITS_EN, has_english, unit_en
from track.table import human


@pytest.mark.parametrize("value,unit,zh,en", [
    (52080000000, "元", "520.8亿元", "52.08 billion yuan"),
    (14500, "人", "1.45万人", "14,500 people"),
    (3221000000, "元", "32.21亿元", "3.221 billion yuan"),
    (27088300000, "元", "270.883亿元", "27.0883 billion yuan"),     # as written: no digit lost
    (2309, "件", "2309件", "2,309 cases"),                         # below 1万: as written
    (1890000, "吨", "189万吨", "1.89 million tonnes"),
    (59800, "平方米", "5.98万平方米", "59,800 m²"),
    (86548.25, "平方米", "8.655万平方米", "86,548 m²"),             # four significant digits at most when inexact
    (1e11, "元", "1000亿元", "100 billion yuan"),
    (1.5e12, "元", "1.5万亿元", "1.5 trillion yuan"),
    (4.21, "", "4.21", "4.21"),                                    # an index: no unit, no 万
    (34, "微克/立方米", "34微克/立方米", "34 µg/m³"),
    (20, "%", "20%", "20%"),
    (123456, "%", "123456%", "123,456%"),                          # ratios never take 万
    (3.5, "百分点", "3.5百分点", "3.5 percentage points"),
    (1, "家", "1家", "1 firm"),
    (300000, "元/亩", "30万元/亩", "300,000 yuan per mu"),
    (-3.2e9, "元", "−32亿元", "−3.2 billion yuan"),
    (0, "元", "0元", "0 yuan"),
    (56, "个", "56个", "56"),                                      # a bare classifier says nothing in English
])
def test_values_as_chinese_statistics_write_them(value: float, unit: str, zh: str, en: str) -> None:
    assert format_value(value, unit) == zh
    assert format_value(value, unit, lang="en") == en


def test_float_noise_never_shows() -> None:
    assert format_value(32.21 * 1e8, "元") == "32.21亿元"
    assert format_value(0.1 + 0.2, "%") == "0.3%"
    assert format_value(270.883e8, "元") == "270.883亿元"


def test_derived_values_are_rounded_once_to_four_significant_digits() -> None:
    assert round_derived(16105000000) == 16110000000          # half up, not half even
    assert format_value(16105000000, "元", derived=True) == "161.1亿元"
    assert format_value(4.69970975664211, "", derived=True) == "4.7"
    assert format_value(42.9998735297837, "微克/立方米", derived=True) == "43微克/立方米"
    # The terminal (zone series, zone review) writes the same.
    assert human(16105000000, "元", digits=4) == "161.1亿元"
    assert human(4.69970975664211, "", digits=4) == "4.7"
    assert significant(0.00012345, 3) == 0.000123


def test_qualifiers_ranges_and_signs() -> None:
    assert format_value(2e9, "元", qualifier="approx") == "约20亿元"
    assert format_value(2e9, "元", qualifier="approx", lang="en") == "about 2 billion yuan"
    assert format_value(1.2e9, "元", value_max=1.5e9) == "12–15亿元"
    assert format_value(9e7, "元", value_max=1.5e8) == "0.9–1.5亿元"       # one magnitude for both ends
    assert format_signed(9e8, "元") == "+9亿元" and format_signed(-9, "微克/立方米") == "−9微克/立方米"
    assert format_signed(0, "个") == "±0个"
    assert format_value(None, "元") == ""


def test_scale_for_a_chart_or_column() -> None:
    assert choose_scale([3.221e9, 1.6e10], "元") == (1e8, "亿元")
    assert choose_scale([3.221e9, 1.6e10], "元", "en") == (1e9, "billion yuan")
    assert choose_scale([34, 43], "微克/立方米") == (1.0, "微克/立方米")
    assert format_scaled(16105000000, 1e8, derived=True) == "161.1"
    assert format_scaled(61771, lang="en") == "61,771"


@given(st.floats(min_value=-1e15, max_value=1e15, allow_nan=False), st.sampled_from(["元", "吨", "家", "%", "", "人"]))
def test_any_value_is_short_and_clean(value: float, unit: str) -> None:
    text = format_value(value, unit)
    number = re.sub(r"[^\d.]", "", text.split("万")[0].split("亿")[0])
    assert "e" not in text and "nan" not in text, text
    if unit not in ("%", ""):
        assert len(number.replace(".", "").lstrip("0")) <= 8, text      # 万/亿/万亿 keep numbers short
    if abs(value) < 1e4 or unit in ("%", ""):
        assert "万" not in text and "亿" not in text


def test_every_unit_the_extractor_stores_has_an_english_name() -> None:
    from ingest.extract import UNITS
    missing = sorted({u for u in UNITS.values() if not has_english(u)})
    assert not missing
    assert all(not re.search(r"[\u4e00-\u9fff]", en) for pair in UNITS_EN.values() for en in pair)
    assert unit_en("元/亩") == "yuan per mu" and unit_en("家", one=True) == "firm"
    assert has_english("点")   # set by the scanner for an index's points, not in UNITS


def test_terminal_tables_write_values_as_the_brief_does(tmp_path: Path) -> None:
    """zone series and zone review print values through the same function (track.table.human)."""
    import shutil
    from pathlib import Path

    from click.testing import CliRunner

    from zone import cli
    db = tmp_path / "zone.db"                      # a copy: the commands open the database to write
    shutil.copyfile(Path(__file__).resolve().parent.parent / "zone.db", db)
    out = CliRunner().invoke(cli, ["series", "reserve_projects_investment", "--db", str(db)]).output
    assert "520.8亿元" in out and "52080000000" not in out
    pm = CliRunner().invoke(cli, ["series", "pm25", "--db", str(db)]).output
    assert "43微克/立方米" in pm and "34微克/立方米" in pm          # the derived year-earlier level rounded once
