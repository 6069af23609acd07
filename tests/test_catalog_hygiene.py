"""The catalog names series in the wording of the statistics, not sentences of articles:
every entry states its source, every entry named one by one is reached by its own
statistical name, and an entry that one sentence of one article reaches is a member of a family
or a statistic (counted on the seed and our fixture articles; eval/catalog_usage.py counts
over the rebuilt real articles too)."""
from __future__ import annotations

from pathlib import Path

from catalog_usage import article_files, explicit_ids, usage

from ingest.catalog import catalog, match_text
from ingest.catalog.model import Catalog, Key

ROOT = Path(__file__).resolve().parent.parent
# Where the sources of the catalog's dimensions come from: the national statistical system, the
# classifications, the ministries' statistics and recognitions, and provincial statistics.
STATISTICAL_SOURCE = ("统计公报", "统计年鉴", "国家统计局", "GB/T", "GB ", "统计", "部", "认定", "目录", "分类", "考核",
                      "政府工作报告", "国务院", "证监会", "清单", "《财富》", "总局", "科技厅", "标准")


def _composed_by_a_family(cat: Catalog, ident: str) -> bool:
    """Whether an entry's combination is a member of a family: the same combination with other
    scopes of the same type (other industries) are indicators too."""
    key = cat.indicators[ident].key
    if key.scope is None:
        return False
    kind = cat.scopes[key.scope].type
    siblings = [other for other, _ in cat.keys_of(key.measure)
                if other.scope not in (None, key.scope) and cat.scopes[other.scope].type == kind
                and (other.classes, other.stages, other.form) == (key.classes, key.stages, key.form)]
    return len(siblings) >= 3


def test_every_indicator_and_dimension_states_where_it_comes_from():
    cat = catalog()
    for table in (cat.measures, cat.scopes, cat.classes, cat.stages):
        for entry in table.values():
            assert any(word in entry.source for word in STATISTICAL_SOURCE), (entry.id, entry.source)
    for ind in cat.indicators.values():
        assert ind.source.strip() and ind.definition.strip(), ind.id


def test_every_entry_named_one_by_one_is_reached_by_its_own_statistical_name():
    # The catalog's name of an entry (规上工业增加值, 发明专利申请量, 空气质量优良天数比例) written as a
    # phrase links to it: its wording is the statistics', not one article's.
    cat = catalog()
    for ident in explicit_ids():
        ind = cat.indicators[ident]
        unit = "%" if ind.unit in ("%", "百分点") else ind.unit
        kind = "share" if ind.key.form == "share" else "level"
        assert match_text(cat, ind.name, unit, kind) == ident, (ident, ind.name)


def test_an_entry_one_sentence_reaches_is_a_family_member_or_a_statistic():
    # With a dozen articles many series are seen once; what must not exist is an entry made for
    # that sentence: one no family composes whose dimensions do not come from a statistical
    # system (retired so far: 走访企业, 生态环境正面清单, 机扫长度 …).
    cat = catalog()
    files = article_files([ROOT / "articles", ROOT / "tests" / "fixtures" / "articles"])
    assert len(files) >= 11
    used = usage(files)
    assert len(used["signed_projects"].articles) >= 3       # the counter counts
    singles = [ident for ident in explicit_ids() if ident in used and used[ident].single]
    assert singles
    for ident in singles:
        assert _composed_by_a_family(cat, ident) or _statistical(cat, ident), ident
    for ident in cat.retired:
        assert ident not in used, ident


def _statistical(cat: Catalog, ident: str) -> bool:
    """Whether every dimension of an entry comes from a statistical system or a recognition."""
    key: Key = cat.indicators[ident].key
    sources = [cat.measures[key.measure].source, *(cat.classes[c].source for c in key.classes),
               *(cat.scopes[s].source for s in ([key.scope] if key.scope else []))]
    return all(any(word in s for word in STATISTICAL_SOURCE) for s in sources)
