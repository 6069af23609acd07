"""Noun phrases trimmed to read as a subject: the time words dropped from them, the length
they are cut to, brackets left unbalanced. Shared by the names of structure ratios (figure_atoms)
and the subjects of figures (subjects)."""
from __future__ import annotations

import re

# Words of a clause that say when or how a figure came about rather than what it measures.
_SUBJECT_TIME = re.compile(
    r"(?:截至|截止到|截止|到)?(?:(?:19|20)\d{2}年(?:度)?|今年|去年|上年|本年|前年)?"
    r"(?:\d{1,2}\s*[-—–―~至到]\s*\d{1,2}月份?|前[一二三四五六七八九十\d]{1,2}个?月|[一二三四1-4]季度|前三季度|上半年|下半年"
    r"|\d{1,2}月(?:\d{1,2}[日号])?(?:份|底|末|初)?|全年|年底|年末|年初)?(?:以来|至今|期间|时期)?"
    r"|(?:截至|截止)?(?:目前|当前|如今|现在)|“?十[一二三四五]五”?(?:期间|时期|以来|末)?|近[一二两三四五\d]年")

_DISCOURSE_HEAD = re.compile(r"^[\s“”\"'‘’《》()（）]+")

SUBJECT_MAX = 20


def _cap(subject: str) -> str:
    """A subject trimmed to read as a phrase: no stray quotes or unbalanced brackets, and when
    too long, cut after a list mark or 的 rather than inside a word or a name."""
    subject = subject.replace("\t", "").strip(" ,，、;；:：。“”\"'‘’")
    subject = _unbalanced(subject)
    if len(subject) > SUBJECT_MAX:
        tail = subject[-SUBJECT_MAX:]
        cut = max(tail.rfind(c) for c in "、，,的之及和与")
        subject = tail[cut + 1:] if 0 <= cut < SUBJECT_MAX - 3 else tail
        subject = subject.lstrip("的之")
    return subject


_BRACKETS = {"(": ")", "（": "）", "《": "》", "“": "”", "【": "】"}


def _unbalanced(subject: str) -> str:
    """Drop a bracket whose partner is outside the subject: (新建 -> 新建, 续建) -> 续建."""
    for left, right in _BRACKETS.items():
        if subject.count(left) != subject.count(right):
            subject = subject.replace(left, "").replace(right, "")
    return subject.strip()
