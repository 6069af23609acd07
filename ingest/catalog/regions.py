"""Which region an article is about, and which region each of its figures belongs to.

An article about one zone gives its figures to that zone unless a sentence names another
region (全市, 全省, another zone). Names resolve through the catalog (regions_cn.yaml for
provinces, cities and national zones, regions.yaml for local detail); a zone the catalog
does not know (大城经开区) is still recognised by its name's shape and stands for itself.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

from ingest.catalog.model import LEVELS, Catalog
from ingest.model import Article

# Words at the start of a clause that set the time or link clauses, not the subject;
# they are skipped before looking for a region named at the clause's start.
_LEADING = re.compile(
    r"^(?:(?:其中|同时|另外|此外|同期|全年|今年|去年|上年|当年|年末|年底|年初|目前|当前|现已|已|共|累计|"
    r"截至目前|截止目前|截至|截止|到|在|初步核算|据统计|经核算|数据显示|"
    r"\d{4}年(?:度|末|底|初|以来)?|\d{1,2}月(?:份|底|末)?(?:\d{1,2}日)?|\d{1,2}[-—–至~]\d{1,2}月(?:份)?|"
    r"前三季度|上半年|下半年|[一二三四]季度|今年以来|以来|底|末)[,，、\s]*)+")

# A region name right before these words is part of a title or names where something comes
# from, not the place the figure is about: 河北省高新技术企业, 沧州市著名商标, 北京企业,
# 河北日报, 省级技术创新中心.
_NOT_A_PLACE = re.compile(r"^(?:级|高新技术企业|专精特新|科技型|著名商标|名牌|单项冠军|\d*强|百强|"
                          r"技术创新中心|工业设计中心|重点实验室|工程技术研究中心|企业技术中心|示范|"
                          r"被动式|智能标杆|小微企业|日报|晚报|新闻|电视台|统计局|政府|市委|省委|区委|"
                          r"的?企业|的?项目|籍|资金|资本|客商|投资|市场|居民|人|大学|银行|有限公司|集团|"
                          r"副?市长|副?省长|副?区长|副?县长|书记|主任|常委|管委会|党工委|人大|政协|委员|领导|代表|"
                          r"中钢)")
# Names of publishers count little for what an article is about (沧州日报, 河北新闻网).
_PUBLISHER = re.compile(r"^(?:日报|晚报|新闻网?|电视台|广播|融媒|发布|统计局|政府网)")

# After a city or province: "9个省级以上开发区" turns it into all of its zones together.
_ZONES_OF = re.compile(r"^(?:(?:\d+|[一二三四五六七八九十百]+)[个家])?(?:国家级和省级|省级及以上|省级以上|国家级|省级)?"
                       r"(?:各类|各|所有)?(?:经济)?开发区")

# A zone the catalog does not know, recognised by the shape of its name (大城经开区,
# 献县经济开发区): two to six characters, none of them a word of quantity or reference.
_ZONE_NAME = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{2,6}?)(经济技术开发区|经济开发区|高新技术产业开发区|"
                        r"高新技术开发区|高新区|经开区|开发区|工业园区|产业园区|产业集聚区|综合保税区|新区)")
_NOT_A_ZONE_STEM = re.compile(r"[全各本我该这此其等个家级省市县区国与和及的在为是对把将从向由新老首批所有多几]|^(?:重点|主要|相关|示范|"
                              r"特色|沿海|周边|园区|产业|工业|经济|城市|中心)|"
                              r"力争|推动|推进|打造|建设|全力|努力|确保|支持|围绕|依托|发挥|加快|促进|实现|带动|进入|入驻|"
                              r"落户|来到|服务|引导|鼓励|深化|提升|做强|做大|优化|完善|整合|创建|申报|获批|升级|成为|坚持|"
                              r"位于|走进|走访|考察|调研|举行|召开|发布|参观|签约|落地|开工|投产|竣工")


def _region_words(cat: Catalog, text: str) -> Iterable[re.Match[str]]:
    if cat._region_pattern is None or not text:
        return []
    return cat._region_pattern.finditer(text)


def unknown_zone(cat: Catalog, text: str) -> str | None:
    """A zone name at the start of text that the catalog does not know (大城经开区), or None."""
    m = _ZONE_NAME.match(text)
    if not m:
        return None
    stem = m.group(1)
    # The longest known region name inside the stem decides: 沧州开发区 is known.
    if cat._region_names.get(m.group(0)):
        return None
    if _NOT_A_ZONE_STEM.search(stem) or stem.isdigit():
        return None
    return m.group(0)


def _bare_short_name(cat: Catalog, word: str, name: str) -> bool:
    """Whether word is a city's or province's name without its 市/省 (沧州 for 沧州市)."""
    return word != name and name.startswith(word) and cat.regions[name].level in ("city", "province")


@dataclass
class _Tally:
    """The regions an article names: the weight of each, the words that named it, the context
    words (全省, 开发区) with their weight, and the region named first in the title."""

    counts: dict[str, float] = field(default_factory=dict)
    forms: dict[str, set[str]] = field(default_factory=dict)
    context: list[tuple[str, float]] = field(default_factory=list)
    first_in_title: tuple[int, str] | None = None

    def count(self, name: str, word: str, weight: float, in_title: bool, at: int) -> None:
        self.counts[name] = self.counts.get(name, 0.0) + weight
        self.forms.setdefault(name, set()).add(word)
        if in_title and (self.first_in_title is None or at < self.first_in_title[0]):
            self.first_in_title = (at, name)


def detect_region(article: Article, cat: Catalog | None = None) -> str | None:
    """The region the article is about.

    Every known region named in the title (three times) and body (once) is counted; names of
    publishers (沧州日报) count a quarter. A zone the catalog does not know counts by its name.
    When the article names zones, the bare short names of their city or province (沧州 in
    沧州8个重点项目集中开工) count for the most named zone, unless the article also names the
    city in full (沧州市, 全市 …). Context words (全省, 我省, 开发区) count for the region they
    stand for once the article's province or zone is known. Ties go to the smaller region.
    """
    from ingest.catalog.load import catalog as _catalog
    cat = cat or _catalog()
    tally = _Tally()
    body = "\n".join(p.text for p in article.paragraphs) or article.source
    for text, weight in ((article.title or "", 3.0), (body, 1.0)):
        _count_names(cat, text, weight, tally)
    counts = tally.counts
    if not counts and article.paper:
        # Neither title nor body names a place: a region's own body publishing it (淮南经济技术开发区
        # 管委会, 衡阳市统计局) names the region it speaks for.
        _count_publisher(cat, article.paper, tally)
        counts = tally.counts
    if not counts:
        return None
    if tally.first_in_title:
        counts[tally.first_in_title[1]] += 0.5        # a title names its subject first
    zones = [n for n in counts if _level(cat, n) == "zone"]
    if zones:
        _short_names_to_zone(cat, counts, tally.forms, zones)
    _count_context(cat, counts, tally.context, zones)
    counts = {n: c for n, c in counts.items() if c > 0}
    if not counts:
        return None
    return max(counts, key=lambda n: (counts[n], LEVELS.index(_level(cat, n))))


def _level(cat: Catalog, name: str) -> str:
    """A region's level; a name the catalog does not know is an unknown zone's."""
    return cat.regions[name].level if name in cat.regions else "zone"


def _count_names(cat: Catalog, text: str, weight: float, tally: _Tally) -> None:
    """The regions text names, each counted with weight (a quarter for a publisher's name)."""
    for m in _region_words(cat, text):
        word = m.group(0)
        name = cat._region_names.get(word)
        after = text[m.end():m.end() + 6]
        if name is None:
            tally.context.append((word, weight))
            continue
        w = weight * (0.25 if _PUBLISHER.match(after) else 1.0)
        if _NOT_A_PLACE.match(after) and not _PUBLISHER.match(after):
            continue
        tally.count(name, word, w, weight > 1, m.start())
    for m in _ZONE_NAME.finditer(text):
        zone = unknown_zone(cat, text[m.start():])
        if zone and zone == m.group(0):
            tally.count(zone, zone, weight, weight > 1, m.start())


# A region's own bodies: what they publish speaks for the region.
_OWN_BODY = re.compile(r"^(?:管委会|党工委|人民政府|政府|统计局|发展和改革委员会|发改委|商务局|招商局|投资促进局)")


def _count_publisher(cat: Catalog, paper: str, tally: _Tally) -> None:
    """The region whose own body (管委会, 人民政府, 统计局) the publisher is."""
    for m in _region_words(cat, paper):
        name = cat._region_names.get(m.group(0))
        if name and _OWN_BODY.match(paper[m.end():]):
            tally.count(name, m.group(0), 1.0, False, m.start())
            return


def _short_names_to_zone(cat: Catalog, counts: dict[str, float], forms: dict[str, set[str]], zones: list[str]) -> None:
    """The counts of the most named zone's city and province, named only by their bare short
    names (沧州), moved to that zone."""
    top = max(zones, key=lambda n: counts[n])
    for region in cat.ancestors(top)[1:]:
        name = region.name
        if name in counts and all(_bare_short_name(cat, w, name) for w in forms.get(name, ())):
            counts[top] += counts.pop(name)


def _count_context(cat: Catalog, counts: dict[str, float], context: list[tuple[str, float]], zones: list[str]) -> None:
    # Context words count once the place they refer to is clear: a province (全省, 我省)
    # when the named regions lie in one province, a zone's bynames for the top zone.
    provinces = {r.name for n in counts if n in cat.regions for r in cat.ancestors(n) if r.level == "province"}
    if len(provinces) == 1:
        province = cat.regions[next(iter(provinces))]
        for word, weight in context:
            if word in province.context_aliases and not (word in ("全市", "我市", "市内") and province.name not in counts):
                counts[province.name] = counts.get(province.name, 0.0) + weight
    if zones:
        top = max(zones, key=lambda n: counts.get(n, 0.0))
        if top in cat.regions and counts.get(top):
            bynames = set(cat.regions[top].context_aliases) - {"全区", "区内", "本区"}
            counts[top] += 0.5 * sum(weight for word, weight in context if word in bynames)


def _resolve(cat: Catalog, word: str, article_region: str | None) -> str | None:
    name = cat._region_names.get(word)
    if name:
        return name
    for region in cat.ancestors(article_region):
        if word in region.context_aliases:
            return region.name
    return None


def _stated_region(cat: Catalog, text: str, article_region: str | None) -> str | None:
    """The region named at the start of a clause or sentence (after time words), if any."""
    if cat._region_pattern is None:
        return None
    stripped = _LEADING.sub("", text.lstrip(" ,，、"))
    m = cat._region_pattern.match(stripped)
    if not m:
        return unknown_zone(cat, stripped)
    # A longer unknown zone name starting with a known name (献县经济开发区 after 献县).
    zone = unknown_zone(cat, stripped)
    if zone and len(zone) > m.end() and not cat._region_names.get(zone):
        return zone
    after = stripped[m.end():]
    if _NOT_A_PLACE.match(after):
        return None
    found = _resolve(cat, m.group(0), article_region)
    nxt = cat._region_pattern.match(after)
    qualified = False
    if found and nxt:
        inner = _resolve(cat, nxt.group(0), article_region)
        if inner and any(r.name == found for r in cat.ancestors(inner)[1:]):
            # 河北沧州150个项目: the city, named with its province before it
            found, m, after, qualified = inner, nxt, after[nxt.end():], True
    if re.match(r"^[、和及与]", after) and cat._region_pattern.match(after[1:]):
        return None      # 石家庄、保定、唐山…5家国家高新区: a list of places, none of them alone
    if found and cat.regions.get(found) and cat.regions[found].level in ("city", "province") \
            and _bare_short_name(cat, m.group(0), found) and article_region \
            and not any(r.name == found for r in cat.ancestors(article_region)) \
            and not any(r.name == article_region for r in cat.ancestors(found)) \
            and not re.match(r"^(?:全市|全省|市|省|地区|全域|范围|境内)", after):
        return None      # 北京现代、岱摩斯…: a short name far from the article's region names a company or an origin
    if found and not qualified and article_region in cat.regions and cat.regions[article_region].level == "zone" \
            and found != article_region and m.group(0) != found and cat._region_names.get(m.group(0)) == found \
            and cat.regions[found].level in ("city", "province") \
            and any(r.name == found for r in cat.ancestors(article_region)) \
            and not _ZONES_OF.match(stripped[m.end():]):
        # 沧州坚持…，引进项目56个 in an article about 沧州经济开发区: the city's short name as the
        # zone's byname, not 全市 or 沧州市 speaking of the whole city
        return article_region
    if found and cat.regions.get(found) and cat.regions[found].level in ("city", "province") \
            and _ZONES_OF.match(stripped[m.end():]) and f"{found}开发区" in cat.regions:
        return f"{found}开发区"
    return found


def figure_region(cat: Catalog, article_region: str | None, clause: str, before: str,
                  paragraph_before: str = "", lead: str = "") -> str | None:
    """The region a figure belongs to: the one named at the start of its clause (全市…,
    河北省…), else of an earlier clause of its sentence, else of an earlier sentence of its
    paragraph (the topic carries over: 全市9个开发区…。共实现营业收入…), else the article's
    region. The city's bare short name in an article about one of its zones (沧州坚持…) names
    the zone, not the city (see _stated_region). ``lead``, the figure's own words back to the
    previous figure, may name its region with what is measured of it (为西安市经济保持8.2%的增速)."""
    found = _stated_region(cat, clause, article_region) or _named_before_figure(cat, lead, article_region)
    if found:
        return found
    # The earlier clauses and sentences are the same for the figures of a clause, and of a
    # paragraph: what they name is worked out once (Catalog.kept).
    cut = max(before.rfind(","), before.rfind("，"), before.rfind(";"), before.rfind("；"), before.rfind(":"),
              before.rfind("："))
    texts = reversed(_CLAUSE_SPLIT.split(before[:cut])) if cut >= 0 else ()
    found = _first_stated(cat, texts, article_region)
    if found:
        return found
    # (a paragraph's text is long: a few hundred are kept)
    kept = cat.kept("paragraph_region", limit=500)
    key = (paragraph_before, article_region)
    if key not in kept:
        sentences = reversed([t for t in _SENTENCE_SPLIT.split(paragraph_before) if t.strip()])
        kept[key] = _first_stated(cat, sentences, article_region)
    return kept[key] or article_region


_CLAUSE_SPLIT = re.compile(r"[,，;；:：]")
_SENTENCE_SPLIT = re.compile(r"[。!?！？；;]")


def _first_stated(cat: Catalog, texts: Iterable[str], article_region: str | None) -> str | None:
    """The region stated at the start of the first of texts that states one (_stated_region,
    worked out once per text: Catalog.kept)."""
    for text in texts:
        kept = cat.kept("stated_region", text)
        key = (text, article_region)
        if key not in kept:
            kept[key] = _stated_region(cat, text, article_region)
        if kept[key]:
            return str(kept[key])
    return None


# Words that make a region after them a yardstick of the figure, not its subject: 占西安市的77.3%
# (the zone's share), 高于全省平均水平2个百分点 (the zone's gap).
_YARDSTICK = re.compile(r"(?:占|高于|低于|快于|慢于|超过|超出|高出|领先|落后|比|较|相当于)[^,，;；]*$")
# What a region is measured by, right after its name in a figure's own words (西安市经济保持8.2%的增速,
# 全国平均水平(3.6%)).
_MEASURED = re.compile(r"^(?:经济|平均水平|平均水准|平均|地区生产总值|生产总值|GDP|规模以上工业|规上工业)")


def _named_before_figure(cat: Catalog, lead: str, article_region: str | None) -> str | None:
    """The region the figure's own words (back to the previous figure) name with what is measured
    of it (为西安市经济保持8.2%的增速), not as a yardstick (占西安市的13%), except for a bracketed
    figure right after the yardstick (高于全国平均水平(3.6%): the yardstick's own value)."""
    kept = cat.kept("named_before_figure", lead)     # the same leads (同比增长) come again and again
    key = (lead, article_region)
    if key not in kept:
        kept[key] = _measured_region(cat, lead, article_region)
    found: str | None = kept[key]
    return found


def _measured_region(cat: Catalog, lead: str, article_region: str | None) -> str | None:
    """_named_before_figure, worked out."""
    bracketed = lead.rstrip().endswith(("(", "（"))
    found = None
    for m in _region_words(cat, lead):
        name = _resolve(cat, m.group(0), article_region)
        if name is None or not _MEASURED.match(lead[m.end():]) or _bare_short_name(cat, m.group(0), name):
            continue
        if _YARDSTICK.search(lead[:m.start()]) and not bracketed:
            continue
        found = name
    return found


def region_of_text(cat: Catalog, text: str, article_region: str | None) -> str | None:
    """The region a phrase names anywhere in it (占全市…), or None."""
    for m in _region_words(cat, text):
        found = _resolve(cat, m.group(0), article_region)
        if found:
            return found
    return None


def region_spans(cat: Catalog, text: str, article_region: str | None) -> list[tuple[int, int]]:
    """Where text names a region (known names, the article's context words): linking reads
    the words around them, not them (开发区增长9.8% is a change, not a count of zones)."""
    kept = cat.kept("region_spans", text)      # the same leads (同比增长, 其中) come again and again
    key = (text, article_region)
    if key not in kept:
        kept[key] = tuple((m.start(), m.end()) for m in _region_words(cat, text)
                          if _resolve(cat, m.group(0), article_region))
    return list(kept[key])
