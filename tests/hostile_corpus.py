"""A corpus of hostile and broken article files, with what zone must do with each.

Used by tests/test_hostile.py (at the sizes given by ``scale=1``, small enough for the test
suite) and by bench/bench_hostile.py (``scale`` up to the sizes attackers use: 8,000
figures in one sentence, 100,000 nested elements), which measures time and peak memory.

Each case is (file name, bytes, expected): expected is "accepted", or the words of the
one-line refusal, or "either" where both reading and refusing are fair (the file is
strange but harmless) — never a traceback, an "internal error" or a hang.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

FM = "---\ntitle: 开发区\ndate: {date}\nsource: 测试\n---\n"
BODY = "今年以来，开发区签约项目12个，总投资35亿元，同比增长8.5%。\n"


@dataclass(frozen=True)
class Case:
    name: str
    data: bytes
    expected: str   # "accepted", "either", or a phrase of the refusal


def _md(text: str, day: str = "2022-08-10") -> bytes:
    return (FM.format(date=day) + text).encode("utf-8")


def _html(body: str, head: str = "<title>开发区</title>") -> bytes:
    return f"<html><head>{head}</head><body><p>2022年8月10日</p>{body}</body></html>".encode("utf-8")


def _alias_bomb() -> bytes:
    lines = ["---", "a: &a [x,x,x,x,x,x,x,x,x]"]
    for prev, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    return ("\n".join(lines + ["title: *i", "date: 2022-08-10", "---", BODY])).encode("utf-8")


def cases(scale: int = 1) -> list[Case]:
    """The corpus; ``scale`` multiplies the size of the cases that are about size."""
    rng = random.Random(7)
    n = scale
    out = [
        # bytes that are not article text
        Case("empty.txt", b"", "empty file"),
        Case("blank.txt", " \n\t\n\u3000\n".encode(), "empty file"),
        Case("png.txt", b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(2000)), "binary file"),
        Case("random.txt", bytes(rng.randrange(256) for _ in range(5000)), "binary file"),
        Case("utf16.md", (FM.format(date="2022-08-10") + BODY).encode("utf-16"), "UTF-16"),
        Case("nul.md", _md(BODY).replace(b"\n", b"\x00", 1), "binary file"),
        Case("truncated_utf8.md", _md(BODY)[:-2], "invalid UTF-8"),
        Case("surrogate.md", _md(BODY) + b"\xed\xa0\x80", "invalid UTF-8"),
        Case("overlong_utf8.md", _md(BODY) + b"\xc0\xaf", "invalid UTF-8"),
        Case("controls.md", _md("\x1b[31m" + BODY + "\x07\x08"), "control characters"),
        # encodings that are fine
        Case("bom.md", b"\xef\xbb\xbf" + _md(BODY), "accepted"),
        Case("gb18030.md", (FM.format(date="2022-08-10") + BODY).encode("gb18030"), "accepted"),
        Case("crlf.md", _md(BODY).replace(b"\n", b"\r\n"), "accepted"),
        Case("cr_only.md", _md(BODY).replace(b"\n", b"\r"), "either"),
        # front matter
        Case("date_month13.md", _md(BODY, "2022-13-45"), "date '2022-13-45' is not a calendar date"),
        Case("date_hour25.md", _md(BODY, "2022-08-10T25:00:00"), "either"),
        Case("date_zero.md", _md(BODY, "0000-01-01"), "is not a calendar date"),
        Case("date_year_one.md", _md(BODY, "0001-01-01"), "outside 1900–2100"),
        Case("date_far_future.md", _md(BODY, "9999-12-31"), "outside 1900–2100"),
        Case("date_words.md", _md(BODY, "yesterday"), "is not a calendar date"),
        Case("date_list.md", _md(BODY, "[2022-08-10]"), "is not a calendar date"),
        Case("date_int.md", _md(BODY, "20220810"), "accepted"),
        Case("no_date.txt", (BODY * 3).encode(), "no recognisable publication date"),
        Case("alias_bomb.md", _alias_bomb(), "YAML alias"),
        Case("unclosed_front_matter.md", ("---\ntitle: 开发区\ndate: 2022-08-10\n" + BODY).encode(), "no closing '---'"),
        Case("front_matter_list.md", ("---\n- a\n- b\n---\n" + BODY).encode(), "not a YAML mapping"),
        Case("python_tag.md", ("---\ntitle: !!python/object/apply:os.system ['echo pwned']\ndate: 2022-08-10\n---\n"
                               + BODY).encode(), "not valid YAML"),
        Case("bad_yaml.md", ("---\ntitle: [unclosed\ndate: 2022-08-10\n---\n" + BODY).encode(), "not valid YAML"),
        Case("huge_front_matter.md", ("---\ntitle: " + "标" * (70_000 * n) + "\ndate: 2022-08-10\n---\n" + BODY).encode(),
             "no closing '---'"),
        Case("nested_yaml.md", ("---\ntitle: " + "[" * (5000 * n) + "\ndate: 2022-08-10\n---\n" + BODY).encode(),
             "either"),
        Case("duplicate_keys.md", ("---\ntitle: a\ntitle: b\ndate: 2022-08-10\n---\n" + BODY).encode(), "either"),
        Case("front_matter_only.md", "---\ntitle: a\ndate: 2022-08-10\n---\n".encode(), "no article text"),
        Case("script_title.md", (FM.replace("开发区", "<script>alert(1)</script>").format(date="2022-08-10")
                                 + BODY).encode(), "accepted"),
        Case("javascript_url.md", ("---\ntitle: a\ndate: 2022-08-10\nurl: javascript:alert(1)\n---\n" + BODY).encode(),
             "accepted"),
        # HTML
        Case("deep_nesting.html", _html("<div>" * (20_000 * n) + BODY + "</div>" * (20_000 * n)), "accepted"),
        Case("bad_comment.html", _html("<!<![-\n<p>" + BODY + "</p>"), "either"),
        Case("script_numbers.html", _html("<script>var x=12345;</script><style>.a{width:100px}</style><p>" + BODY
                                          + "</p>"), "accepted"),
        Case("charset_lie.html", _html("<p>" + BODY + "</p>", "<meta charset='gbk'><title>开发区</title>"), "either"),
        Case("bad_entities.html", _html("<p>&#x10FFFF;&#0;&#xD800;&#99999999999; " + BODY + "</p>"), "either"),
        Case("many_attributes.html", _html("<p " + " ".join(f"a{i}='{i}'" for i in range(20_000 * n)) + ">"
                                           + BODY + "</p>"), "either"),
        Case("no_body.html", b"<html><head><title>x</title></head></html>", "either"),
        Case("remote_image.html", _html("<img src='http://127.0.0.1:9/x.png'><p>" + BODY + "</p>"), "accepted"),
        Case("svg_onload.html", _html("<svg onload=alert(1)><p>" + BODY + "</p>"), "either"),
        Case("utf7.html", b"<html><head><meta charset='utf-7'></head><body>+ADw-script+AD4-alert(1) " + BODY.encode()
             + b"</body></html>", "either"),
        Case("gb2312_meta.html", "<html><head><meta http-equiv='Content-Type' content='text/html; charset=gb2312'>"
             "<title>开发区</title></head><body><p>2022年8月10日</p><p>".encode("gb2312") + BODY.encode("gb18030")
             + b"</p></body></html>", "accepted"),
        # numbers
        Case("wan_run.md", _md("投资" + "万" * (5000 * n) + "元。\n"), "either"),
        Case("309_digits.md", _md("投资" + "9" * 309 + "亿元。\n"), "either"),
        Case("thousand_groups.md", _md("投资" + ",".join(["123"] * (2000 * n)) + "元。\n"), "either"),
        Case("numeral_run.md", _md("一二三四五六七八九十" * (2000 * n) + "家。\n"), "either"),
        Case("fullwidth_digits.md", _md("投资" + "１" * (10_000 * n) + "亿元。\n"), "either"),
        Case("huge_percent.md", _md("增长" + "9" * 30 + "%。\n"), "either"),
        Case("long_ratio.md", _md("结构为" + "∶".join(["1.5"] * (5000 * n)) + "。\n"), "either"),
        # text shapes
        Case("rtl_override.md", _md("\u202e" + BODY), "accepted"),
        Case("zero_width_joiner.md", _md("1\u200d2个项目，" + BODY), "accepted"),
        Case("blank_lines.md", _md("\n" * (50_000 * n) + BODY), "accepted"),
        Case("long_line.md", _md("投资" * (50_000 * n)), "either"),
        Case("one_sentence_many_figures.md", _md("分别为" + "、".join(f"{i}个" for i in range(500 * n)) + "。\n"),
             "accepted"),
        Case("long_list.md", _md("、".join(["5个"] * (1000 * n)) + "\n"), "accepted"),
        Case("nested_brackets.md", _md("“《（" * (10_000 * n) + BODY), "either"),
        Case("epaper_trailer_only.txt", "2022-08-10\n第08版:08\n<!--enpproperty <date>2022-08-10</date>/enpproperty-->\n"
             .encode(), "no article text"),
        Case("wide_table.md", _md("| " + " | ".join(f"{i}年" for i in range(2000, 3000)) + " |\n|" + "---|" * 1000
                                  + "\n| " + " | ".join(str(i) for i in range(1000)) + " |\n"), "either"),
        Case("tall_table.md", _md("指标\t2021年\t2022年\n" + "".join(f"产值{i}（亿元）\t{i}\t{i + 1}\n"
                                                                   for i in range(500 * n))), "accepted"),
        Case("respectively_years.md", _md("2010年至2030年分别为" + "、".join(f"{i}亿元" for i in range(500 * n))
                                          + "。\n"), "accepted"),
        Case("time_phrases.md", _md("今年以来，" * (5000 * n) + BODY), "accepted"),
    ]
    return out
