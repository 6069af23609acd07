"""Numbers as an analyst reads them: 3221000000 元 -> 32.21亿元, 1890000 吨 -> 189万吨.

Pure functions, no Datasette: browse/plugin.py (render_cell) and browse/pages.py use them.
(reports/series.py has its own Scale for the brief; one shared helper can replace both.)
"""
from __future__ import annotations

import math

# Units that take no 万/亿: percentages, per-mille, bare index values, rates (微克/立方米),
# and units that already carry a multiplier.
_NO_MAGNITUDE = {"%", "‰", "", "个百分点"}
MAGNITUDES = ((1e12, "万亿"), (1e8, "亿"), (1e4, "万"))


def scale_for(values: list[float] | tuple[float, ...], unit: str | None) -> tuple[float, str]:
    """The divisor and the unit to show values of ``unit`` in, from the largest of them."""
    unit = unit or ""
    if unit in _NO_MAGNITUDE or "/" in unit or unit.startswith(("万", "亿")):
        return 1.0, unit
    big = max((abs(v) for v in values if v is not None and math.isfinite(v)), default=0.0)
    for divisor, prefix in MAGNITUDES:
        if big >= divisor:
            return divisor, prefix + unit
    return 1.0, unit


def number(x: float) -> str:
    """Grouped, with as many decimals as the number has (at most 4): 1,000 / 32.21 / 270.883;
    a computed value with more (42.99987…) is shown with 2."""
    if not math.isfinite(x):
        return str(x)
    for decimals in range(0, 5):
        if abs(round(x, decimals) - x) <= 1e-9 * max(1.0, abs(x)):
            return f"{round(x, decimals):,.{decimals}f}"
    return f"{x:,.2f}"


def format_value(value: float | int | None, unit: str | None, value_max: float | None = None) -> str:
    """A value in base units as written by people: 32.21亿元, 189万吨, 20%, 41家, 1.2–1.5亿元."""
    if value is None:
        return ""
    try:
        value = float(value)
    except (TypeError, ValueError):
        return str(value)
    low_high = [value] + ([float(value_max)] if value_max is not None else [])
    divisor, shown_unit = scale_for(low_high, unit)
    text = number(value / divisor)
    if value_max is not None and float(value_max) != value:
        text += "–" + number(float(value_max) / divisor)
    return text + shown_unit


def format_plain(value: float | int | None) -> str:
    """A number with grouping and no unit (a value column without a unit beside it)."""
    if value is None:
        return ""
    try:
        return number(float(value))
    except (TypeError, ValueError):
        return str(value)
