"""What linking works out once for many figures (ingest/catalog/link.py) agrees with the plain
definitions it stands for."""
from __future__ import annotations

import random

from ingest.catalog.link import CLAUSE_END, LIST_END, _Ends, _lead_tail, folded
from ingest.reader import t2s_table, to_simplified


def test_folded_text_is_the_simplified_text():
    table = t2s_table()
    changed = sorted(chr(c) for c in table if table[c] != chr(c))
    unchanged = sorted(chr(c) for c in table if table[c] == chr(c))
    rng = random.Random(5)
    plain = "沧州经济开发区上半年实现营业收入120亿元，同比增长8%。"
    texts = ["", plain, "羣眾" + plain, plain + "經濟", "\U00020000" + plain, plain + changed[-1]]
    texts += ["".join(rng.choice([*plain, *changed, *unchanged]) for _ in range(40)) for _ in range(200)]
    for text in texts:
        assert folded(text) == to_simplified(text), text
    assert folded(plain) is plain          # nothing to change: nothing copied


def _lead_tail_by_finds(sentence: str, pos: int, length: int, spans: list[tuple[int, int]]) -> tuple[str, ...]:
    """_lead_tail as first written: searching the sentence for each end character."""
    start = max([sentence.rfind(c, 0, pos) for c in CLAUSE_END] + [-1]) + 1
    clause = sentence[start:pos]
    for _s, e in spans:
        if e <= pos and e > start:
            start = e
    end = pos + length
    stop = min([i for i in (sentence.find(c, end) for c in LIST_END) if i >= 0] + [len(sentence)])
    clause_stop = min([i for i in (sentence.find(c, end) for c in CLAUSE_END) if i >= 0] + [len(sentence)])
    cursor = end
    for s, e in sorted(spans):
        if s < cursor or s >= stop:
            continue
        if sentence[cursor:s].strip():
            stop = s
            break
        cursor = e
    return sentence[start:pos], sentence[end:stop], clause, sentence[end:clause_stop]


def test_clause_and_list_ends_found_once_give_the_words_the_finds_gave():
    rng = random.Random(6)
    pieces = ["营业收入", "12", "亿元", "，", "、", "；", "：", "\n", "。", "同比增长", "8%", " ", "和"]
    for _ in range(500):
        sentence = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 20)))
        ends = _Ends(sentence)
        numbers = sorted({rng.randint(0, len(sentence)) for _ in range(3)})
        spans = [(p, min(len(sentence), p + rng.randint(0, 3))) for p in numbers]
        rng.shuffle(spans)      # the order of their figures, which need not be the order of the text
        for pos, e in spans:
            assert _lead_tail(sentence, pos, e - pos, spans, ends, sorted(spans)) == \
                _lead_tail_by_finds(sentence, pos, e - pos, spans), (sentence, pos)
