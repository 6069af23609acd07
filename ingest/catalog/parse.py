"""Reading the dimensions of one figure from the words around its number: whether it is a
series at all, its form (share, pull, contribution) and its measure here; the other
dimensions, once the measure is known, in fill.py.

See link.py for where the words come from and the rules that keep different things apart.
"""
from __future__ import annotations

import re

from ingest.catalog.fill import fill
from ingest.catalog.model import Catalog, Token
from ingest.catalog.words import Context, Parsed, Window, blank, pick_scope, region_in

# Units that count things: the noun after the number names what is counted (12家企业).
COUNT_UNITS = frozenset("家 个 项 名 人 户 位 件 条 座 所 栋 处 台 套 种 部 棵 株 辆".split())
# Measures an article's later figures may take as their topic when they name only a part
# of the economy (分领域看，航空航天领域增长166.8%).
TOPIC_MEASURES = frozenset({"value_added", "output", "revenue", "fai", "profit", "tax", "investment_completed"})

# A lead that only says a figure is a change, a total or a further item: the measured thing
# is the previous figure's (实现产值32亿元，同比增长12%; 签约项目9个、总投资…).
_FILLER = re.compile(
    r"^(?:同比|环比|比上年(?:同期)?|比去年(?:同期)?|较上年(?:同期)?|较去年(?:同期)?|比上年末|比年初|较年初|"
    r"[比较]\d{4}年(?:同期)?|[比较](?:\d{1,2}[-—–至~])?\d{1,2}月(?:份)?|增长|增加|提高|下降|减少|降低|回落|上升|"
    r"增速|增幅|达到|达|为|了|是|同期|分别|累计|完成|共计|共|总计|合计|约|近|超过|突破|实现|已经|已|和|及|与|其中|"
    r"全年|当年|今年|去年|上年|前三季度|上半年|下半年|[一二三四]季度|\d{4}年|\d{1,2}月(?:份)?|\d{1,2}[-—–至~]\d{1,2}月|"
    r"年底|年末|月末|以上|左右|多|余|的|同口径|按可比价格计算|可比价|[\s,，、:：])*$")
# A change compared with another period's change: the pace of growth, not the indicator.
_ACCELERATION = re.compile(r"(?:[比较](?!重|上年末|年初|去年末).{0,10}?(?:提高|加快|回落|放缓|收窄|扩大|上升|下降|降低|增加|减少))|"
                           r"(?:增速|增幅|增长率|速度).{0,6}(?:提高|加快|回落|放缓|收窄|扩大|上升|下降|降低)")
# A gap against another figure (高于全市平均增速0.9个百分点): no series of its own.
_GAP = re.compile(r"(?:高于|高出|低于|快于|慢于|超过|超出|领先|好于|差于|落后于?|塌|比重超|相差)[^，,；;]*$")
_PULL = re.compile(r"(?:拉动|带动|下拉)")
_SHARE_WORDS = re.compile(r"占比|比重|占(?!地(?!区))|份额|贡献率")
SUBSET_WORDS = re.compile(r"其中|包括|含")
_WHOLE_START = re.compile(r"占(?!地(?!区))")   # 占地区生产总值, not 占地100亩
# A whole or a yardstick in a sentence (占全市GDP的比重, 高于GDP增速): up to the clause's end.
_YARDSTICK = re.compile(r"(?:占(?!地(?!区))|高于|高出|低于|快于|慢于|超过|超出)[^,，;；。]*")


def _part(text: str) -> str:
    """The part of a share phrase before 占 (高新技术产业产值占规上工业产值比重 -> 高新技术产业产值)."""
    m = _WHOLE_START.search(text)
    return text[:m.start()] if m else _SHARE_WORDS.sub(" ", text)


def _whole(text: str) -> str:
    m = _WHOLE_START.search(text)
    return text[m.end():] if m else ""


def _compatible(cat: Catalog, measure: str | None, unit: str, kind: str, form: str | None) -> str | None:
    """The measure a figure of this unit and kind can have, given a measure word (by_unit may
    turn 口袋公园 in 平方米 into the parks' area), or None."""
    m = cat.measures.get(measure) if measure else None
    if m is None:
        return None
    if m.is_rate:
        return measure if unit in ("%", "百分点", "") or (kind in ("change", "target") and unit == "倍") else None
    if form in ("share", "contribution", "pull"):
        return measure if unit in ("%", "百分点") else None
    if unit in m.units or (unit in ("元", "美元") and m.currencies):
        return measure
    if kind in ("change", "target") and unit in ("%", "倍", "百分点"):
        if unit == "百分点" and kind == "change":
            return None      # 增速加快1.3个百分点 changes the growth rate, not this measure
        return measure
    for u, other in m.by_unit:
        if u == unit:
            return other
    return None


def _measure_of(cat: Catalog, token: Token, unit: str = "") -> str | None:
    measure = token.get("measure")
    if measure is None:
        klass = token.get("class")
        if klass is not None:
            measure = cat.classes[klass].measure
    if measure is None and token.get("stage") and unit in ("个", "项"):
        measure = "projects"     # 签约22项: projects, named by their stage
    return measure


def _measures(cat: Catalog, tokens: list[Token], unit: str, kind: str, form: str | None,
              first: bool) -> list[tuple[str, Token]]:
    """Measures the tokens name that fit the figure, nearest to the number first."""
    out: list[tuple[str, Token]] = []
    if not first and tokens and not tokens[-1].dims:
        return out       # 工业园区招商引资…: the phrase's head is not a measure
    for t in (tokens if first else list(reversed(tokens))):
        m = _measure_of(cat, t, unit)
        found = _compatible(cat, m, unit, kind, form) if m else None
        if found and all(found != o for o, _ in out):
            out.append((found, t))
    return out


def list_items(cat: Catalog, text: str) -> list[str]:
    """Items of a list of named things before 分别 (工业总产值、高新技术产业产值、税收总额); 和, 及 and
    与 inside a name (汽车零部件及配件制造) do not split it."""
    inside = {i for t in cat.tokens(text) for i in range(t.start, t.end)}
    items, start = [], 0
    for m in re.finditer(r"以及|[、和及与]", text):
        if m.start() in inside:
            continue
        items.append(text[start:m.start()])
        start = m.end()
    items.append(text[start:])
    items = [s for s in items if s.strip()]
    # 第二、第三产业: an item cut short shares the rest of the next one (第二产业).
    for i in range(len(items) - 1):
        nxt = items[i + 1]
        if not cat.tokens(items[i]) and len(items[i].strip()) <= 2 and nxt[:1] == items[i][:1] and len(nxt) > len(items[i]):
            items[i] = items[i] + nxt[len(items[i]):]
    return items if len(items) >= 2 and all(cat.tokens(s) for s in items[-2:]) else []



def _inherit(cat: Catalog, out: Parsed, prev: Parsed, unit: str, kind: str) -> Parsed:
    """The previous figure's dimensions for a figure whose words only say it is its change,
    its target or a further item of it."""
    form = out.form or prev.form
    measure = _compatible(cat, prev.measure, unit, kind, form)
    if measure is None:
        out.refuse = f"the unit {unit or '(none)'} does not fit the previous figure's measure"
        return out
    out.measure, out.form = measure, form
    out.scope, out.classes, out.stages = prev.scope, prev.classes, prev.stages
    out.weak = set(prev.weak)
    why = {k: f"{v.split('[')[0]}[previous figure]" for k, v in prev.why.items()}
    out.why = {**why, **{k: v for k, v in out.why.items() if k == "form"}}
    m = cat.measures[measure]
    if measure != prev.measure:
        out.why["measure"] = f"{m.name}[previous figure, {unit}]"
        out.classes = tuple(c for c in out.classes if measure in cat.classes[c].applies)
    if m.currencies:
        out.currency = (unit if unit != m.unit else None) if unit in ("元", "美元") else prev.currency
    return out


def parse(cat: Catalog, ctx: Context, prev: Parsed | None = None, prev_kind: str | None = None,
          region_words: list[tuple[int, int]] | None = None, item: str | None = None,
          topic: str | None = None) -> Parsed:
    """The dimensions of one figure. ``prev`` is the previous figure of its clause group,
    ``item`` its own item of a 分别 list, ``topic`` the measure the paragraph (else the article)
    last named in its own words (高新技术产业增加值…；分领域看，航空航天领域增长166.8%: of value added)."""
    out = Parsed()
    unit, kind = ctx.unit, ctx.kind
    lead = _lead(cat, ctx, region_words)
    bare_lead = lead.strip(" ，,、")
    usable = prev if prev is not None and prev.measure and not prev.refuse else None
    _read_form(ctx, out, item, bare_lead)
    if out.refuse is not None:
        return out
    windows, subject = _windows(cat, ctx, out.form, lead, item)

    # ---- the measure: the nearest word that fits, else the previous figure's
    found = _nearest_measures(cat, windows, unit, kind, out.form)
    if not found:
        settled = _without_measure_word(cat, ctx, out, usable, prev_kind, item, bare_lead, subject)
        if settled is not None:
            return settled
        found = _subject_or_list_measures(cat, ctx, out.form, subject, usable, item)
    if not found and out.form:
        implied = _implied_by_scope(cat, ctx, out, windows, subject)
        if implied is not None:
            return implied
    if not found and out.form == "share":
        found = _measure_of_whole(cat, ctx, out.form, item)
    if not found and unit in ("%", "百分点") and kind in ("change", "share"):
        found = _topic_measure(cat, ctx, out.form, windows, item, bare_lead, topic)
    if not found:
        out.refuse = "no measure word"
        return out

    first: Parsed | None = None
    for measure, token, window in found:
        trial = fill(cat, ctx, Parsed(form=out.form, why=dict(out.why)), measure, token, window, windows, subject,
                     usable, item)
        if trial.refuse is None or not trial.refuse.endswith("named"):
            return trial
        first = first or trial
    assert first is not None    # found is not empty, so the loop ran
    return first


def _lead(cat: Catalog, ctx: Context, region_words: list[tuple[int, int]] | None) -> str:
    """The lead with the region names in it blanked."""
    # Region names in the lead say where, not what (开发区增长9.8%), unless a word of the
    # catalog holds them (北京企业, 来自北京).
    return _blank_places(cat, ctx.lead, region_words or [])


def _blank_places(cat: Catalog, text: str, spans: list[tuple[int, int]]) -> str:
    """text with the region names at spans blanked, except those inside a longer catalog word
    (北京企业, 来自北京): there the place is what the word says."""
    if not spans:
        return text
    held = [(t.start, t.end) for t in cat.tokens(text) if t.dims]
    return blank(text, [(s, e) for s, e in spans if not any(a <= s and e <= b and b - a > e - s for a, b in held)])


# ---------------------------------------------------------------------------- form

def _read_form(ctx: Context, out: Parsed, item: str | None, bare_lead: str) -> None:
    """The form (share, pull, contribution) into out, or in out.refuse why the figure is no series."""
    unit, kind = ctx.unit, ctx.kind
    # Figures that are no series, and the forms (share, pull, contribution). A later figure
    # of a list (分别拉动…4.7%、8%) takes the form of the clause it continues.
    said = re.split(r"[,，;；。]", ctx.before)[-1] if item is not None and _FILLER.match(bare_lead) else ctx.lead
    gap = _GAP.search(said)
    if kind == "change" and gap and unit in ("百分点", "%"):
        out.refuse = f"a gap against another figure ({gap.group(0)[:14]})"
        return
    pull = _PULL.search(said)
    if pull and unit in ("百分点", "%") and kind in ("change", "share"):
        out.form, out.why["form"] = "pull", f"{pull.group(0)}[before]"
    elif "贡献率" in said or ("贡献率" in ctx.subject and kind == "share"):
        out.form, out.why["form"] = "contribution", "贡献率[before]"
    elif kind == "share" or (unit in ("%", "百分点") and _SHARE_WORDS.search(said)):
        out.form = "share"
        word = _SHARE_WORDS.search(said)
        out.why["form"] = f"{word.group(0)}[before]" if word else "share[kind]"


def _own_words(form: str | None, text: str) -> str:
    """The words of text that are the figure's own: with a form, those of the part (before
    占), of what pulls (before 拉动) or of what contributes (before 对…贡献率)."""
    if form == "pull":
        return _PULL.split(text)[0]
    if form == "contribution":
        return text.split("贡献率")[0].split("对")[0]
    if form == "share":
        return _part(text)
    return text


def _windows(cat: Catalog, ctx: Context, form: str | None, lead: str, item: str | None) -> tuple[list[Window], Window]:
    """Where the figure's own dimensions are named, nearest first, and its clause's subject."""
    windows: list[Window] = []
    if item is not None:
        windows.append(Window("list item", _own_words(form, item), False))
        # The lead holds the whole list: of it, only the words after 分别 are this figure's.
        k = lead.rfind("分别")
        lead = lead[k:] if k >= 0 else ""
    if ctx.unit in COUNT_UNITS and ctx.tail:
        # 20多个国家和地区的三资企业: what is counted stands before 的.
        windows.append(Window("after", ctx.tail.split("的")[0], True))
    if form == "share" and "占" not in lead and _WHOLE_START.search(ctx.subject):
        windows.append(Window("before", _part(ctx.subject), False))   # the lead names the whole: read the part
    else:
        windows.append(Window("before", _own_words(form, lead), False))
    subject = Window("subject", _subject_words(cat, ctx.subject, form), False)
    for w in (*windows, subject):
        w.tokens = cat.tokens(w.text)
    return windows, subject


def _subject_words(cat: Catalog, subject: str, form: str | None) -> str:
    """The subject's own words, its places blanked (worked out once for the figures of a
    clause, which share it: Catalog.kept)."""
    kept = cat.kept("subject_words", subject)
    key = (subject, form)
    if key not in kept:
        kept[key] = _own_words(form, _blank_places(cat, subject, [(m.start(), m.end()) for m in region_in(cat, subject)]))
    return str(kept[key])


# ---------------------------------------------------------------------------- measure

def _nearest_measures(cat: Catalog, windows: list[Window], unit: str, kind: str,
                      form: str | None) -> list[tuple[str, Token, Window]]:
    """The measures that fit the figure, from the nearest window that names any."""
    found: list[tuple[str, Token, Window]] = []
    for w in windows:
        found += [(m, t, w) for m, t in _measures(cat, w.tokens, unit, kind, form, w.first)]
        if found:
            break
    return found


def _without_measure_word(cat: Catalog, ctx: Context, out: Parsed, usable: Parsed | None, prev_kind: str | None,
                          item: str | None, bare_lead: str, subject: Window) -> Parsed | None:
    """A figure whose own words name no measure: the previous figure's dimensions when they only
    say it is a change or further item of that one, or why it is no series; None to read on."""
    unit, kind = ctx.unit, ctx.kind
    subject_scope = pick_scope(cat, subject.tokens, False)
    # 制造业增加值增长10.4%，占比重88.3%，拉动全市规模工业增长9.2个百分点: nothing of its own
    # before 拉动 (or before 对…贡献率): what pulls is the previous figure's subject.
    own_lead = _own_words(out.form, bare_lead) if out.form in ("pull", "contribution") else bare_lead
    if usable is not None and _FILLER.match(own_lead) and item is None \
            and not (subject_scope and usable.scope and subject_scope[0] != usable.scope):
        if prev_kind == "change" and kind == "change":
            if _ACCELERATION.search(ctx.lead) or not re.search(r"增长|下降|增速|增幅|[减增]少|[增降]低|提高", ctx.lead):
                out.refuse = "a change of the growth rate (比…提高), not of the indicator"
                return out
        return _inherit(cat, out, usable, unit, kind)
    if kind == "change" and prev_kind == "change" and item is None and _ACCELERATION.search(ctx.lead):
        out.refuse = "a change of the growth rate (比…提高), not of the indicator"
        return out
    if kind == "change" and unit == "百分点" and re.search(r"增速|增幅|增长率", ctx.lead):
        out.refuse = "a change in points of a growth rate, not of the indicator"
        return out
    if unit in COUNT_UNITS and "的" in ctx.tail and ctx.tail.split("的")[0].strip():
        # 来自20多个国家和地区的三资企业: what is counted (国家和地区) is named, and not in the catalog
        out.refuse = f"counts {ctx.tail.split('的')[0][:10]}, which names no measure"
        return out
    return None


def _subject_or_list_measures(cat: Catalog, ctx: Context, form: str | None, subject: Window, usable: Parsed | None,
                              item: str | None) -> list[tuple[str, Token, Window]]:
    """The measures the subject names, else for an item of a list the previous figure's."""
    unit, kind = ctx.unit, ctx.kind
    found = [(m, t, subject) for m, t in _measures(cat, subject.tokens, unit, kind, form, False)]
    if not found and item is not None and usable is not None and usable.measure is not None:
        measure = _compatible(cat, usable.measure, unit, kind, form)
        if measure is not None:
            # 分别增长3%和6.4%: the measure of the list's figures before, the scope of its own item
            found = [(measure, Token(0, 0, cat.measures[usable.measure].name, (("measure", usable.measure),)),
                      Window("previous figure", "", False))]
    return found


def _implied_by_scope(cat: Catalog, ctx: Context, out: Parsed, windows: list[Window], subject: Window) -> Parsed | None:
    """A share, pull or contribution of a part named with no measure: the part's default
    measure and the part as scope, or None."""
    unit, kind = ctx.unit, ctx.kind
    # 服务业占GDP的比重, 对经济增长的贡献率: of the part's value added.
    clause_group = re.split(r"[;；。!?！？]", ctx.before)[-1]
    own_clause = _own_words(out.form, clause_group)
    for w in (*windows, subject, Window("sentence", own_clause, True, cat.tokens(own_clause))):
        picked = pick_scope(cat, w.tokens, w.first)
        dm = cat.scopes[picked[0]].default_measure if picked else None
        if picked and dm:
            if _compatible(cat, dm, unit, kind, out.form):
                out.measure, out.scope = dm, picked[0]
                out.why["measure"] = f"{cat.measures[dm].name}[implied by {picked[1]}]"
                out.why["scope"] = f"{picked[1]}[{w.name}]"
                return out
    return None


def _measure_of_whole(cat: Catalog, ctx: Context, form: str | None, item: str | None) -> list[tuple[str, Token, Window]]:
    """For a share, the measure of the whole it is a share of."""
    # 新材料领域占高新技术产业增加值的比重: the part's share of the whole's measure
    whole = _whole(item or "") or _whole(ctx.lead) or _whole(ctx.subject)
    for t in reversed(cat.tokens(whole)):
        m = _measure_of(cat, t)
        if m and "scope" in cat.measures[m].takes and _compatible(cat, m, ctx.unit, ctx.kind, form):
            return [(m, Token(t.start, t.end, t.word, (("measure", m),)), Window("whole", "", False))]
    return []


def _topic_measure(cat: Catalog, ctx: Context, form: str | None, windows: list[Window], item: str | None,
                   bare_lead: str, topic: str | None) -> list[tuple[str, Token, Window]]:
    """A change or share of a part named with no measure: the measure of the paragraph's or
    article's topic."""
    # 分领域看，航空航天领域增长166.8%: a part of what the paragraph, else the article, measures.
    clause_group = re.split(r"[;；。!?！？]", ctx.before)[-1]
    # The paragraph's own measure, when it names one, is the topic (统计监测的23种工业产品…: of
    # products); what stands after 占 or 高于 is a whole or a yardstick, not the topic.
    said = _YARDSTICK.sub("", ctx.paragraph_before + "。" + clause_group)
    local = [m for m in (_measure_of(cat, t) for t in cat.tokens(said)) if m]
    topic = local[-1] if local else topic
    if item is not None:
        scoped = any(t.get("scope") for t in windows[0].tokens)
    else:
        rest = "".join(ch for i, ch in enumerate(bare_lead)
                       if not any(t.start <= i < t.end for t in cat.tokens(bare_lead)))
        scoped = bool(_FILLER.match(re.sub(r"领域|行业|产业|板块|门类|类|业|方面|看", "", rest))) and (
            any(t.get("scope") for w in windows for t in w.tokens) or any(t.get("scope") for t in cat.tokens(clause_group)))
    if topic in TOPIC_MEASURES and scoped and _compatible(cat, topic, ctx.unit, ctx.kind, form):
        return [(topic, Token(0, 0, cat.measures[topic].name, (("measure", topic),)),
                 Window("topic", "", False))]
    return []
