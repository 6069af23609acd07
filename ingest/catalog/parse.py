"""Reading the dimensions of one figure from the words around its number.

See link.py for where the words come from and the rules that keep different things apart.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.catalog.model import Catalog, Key, Token

# Units that count things: the noun after the number names what is counted (12家企业).
COUNT_UNITS = frozenset("家 个 项 名 人 户 位 件 条 座 所 栋 处 台 套 种 部 棵 株 辆".split())
# Words in a clause that say the figure is about the whole region, not one industry.
WHOLE_REGION = ("全区", "全市", "全省", "全县", "全国", "全部", "全口径", "全社会", "区域内")
PROJECT_FAMILY = frozenset({"projects", "project_investment", "investment_completed", "annual_planned_investment"})
# Counts of units whose attributes (output, assets) the next figures of a sentence give.
COUNTED_UNITS = frozenset({"enterprises", "market_entities", "production_lines", "capacity", "parks"})
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


@dataclass(frozen=True)
class Context:
    """What linking reads about one figure."""

    subject: str
    lead: str          # the words right before the number, back to the previous figure or clause start
    tail: str          # the words right after the number, up to the next list item or figure
    before: str        # the sentence up to the number
    sentence: str
    unit: str
    kind: str
    rest: str = ""     # the clause after the number
    paragraph_before: str = ""
    section: str = ""
    sector: str = ""


@dataclass
class Parsed:
    """The dimensions read for one figure, with the words that gave them."""

    measure: str | None = None
    scope: str | None = None
    classes: tuple[str, ...] = ()
    stages: tuple[str, ...] = ()
    form: str | None = None
    currency: str | None = None
    why: dict[str, str] = field(default_factory=dict)
    weak: set[str] = field(default_factory=set)       # dimensions read from the paragraph, not the sentence
    refuse: str | None = None                          # why it must stay unlinked whatever the catalog holds

    def key(self) -> Key | None:
        if self.measure is None:
            return None
        return Key(self.measure, self.scope, self.classes, self.stages, self.form, self.currency)


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """text with the spans replaced by spaces (offsets kept)."""
    if not spans:
        return text
    chars = list(text)
    for s, e in spans:
        for i in range(s, e):
            chars[i] = " "
    return "".join(chars)


def _part(text: str) -> str:
    """The part of a share phrase before 占 (高新技术产业产值占规上工业产值比重 -> 高新技术产业产值)."""
    m = _WHOLE_START.search(text)
    return text[:m.start()] if m else _SHARE_WORDS.sub(" ", text)


def _whole(text: str) -> str:
    m = _WHOLE_START.search(text)
    return text[m.end():] if m else ""


def _compatible(cat: Catalog, measure: str, unit: str, kind: str, form: str | None) -> str | None:
    """The measure a figure of this unit and kind can have, given a measure word (by_unit may
    turn 口袋公园 in 平方米 into the parks' area), or None."""
    m = cat.measures.get(measure)
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


def _common(cat: Catalog, scopes: list[str]) -> str | None:
    """The deepest scope containing all of them (医药生产, 医药物流 -> 生物医药), or None."""
    chains = []
    for s in scopes:
        chain, cur = [], s
        while cur is not None and len(chain) < 12:
            chain.append(cur)
            cur = cat.scopes[cur].parent
        chains.append(chain)
    shared = [s for s in chains[0] if all(s in c for c in chains[1:])]
    return shared[0] if shared else None


def _pick_scope(cat: Catalog, tokens: list[Token], first: bool, common: bool = False) -> tuple[str, str] | None:
    """(scope, words) the tokens name: the deepest when they lie on one line (汽车, 汽车零部件),
    else the nearest to the number, or with ``common`` what they share."""
    scoped = [(t.get("scope"), t.word) for t in tokens if t.get("scope")]
    if not scoped:
        return None
    ids = [s for s, _ in scoped]
    if all(cat.scope_within(a, b) or cat.scope_within(b, a) for a in ids for b in ids):
        return max(scoped, key=lambda sw: cat.scope_depth(sw[0]))   # type: ignore[arg-type,return-value]
    narrow = [(s, w) for s, w in scoped if not cat.scopes[s].broad]   # type: ignore[index]
    if narrow and len(narrow) < len(scoped):
        return _pick_scope(cat, [t for t in tokens if t.get("scope") and not cat.scopes[t.get("scope")].broad],  # type: ignore[index]
                           first, common)
    if common:
        shared = _common(cat, ids)                                  # type: ignore[arg-type]
        return (shared, "+".join(dict.fromkeys(w for _, w in scoped))) if shared else None
    return scoped[0] if first else scoped[-1]                       # type: ignore[return-value]


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


# Words that make a count of a stock (企业数) its increment (新增企业数).
# (引进 alone is not one: 累计引进北京企业300家 is the stock of firms the zone has attracted.)
_ADDED = re.compile(r"新增|新认定|新培育|净增|新引进|新招引|新入驻|新落户|新建|新设立|新注册|新发展|新获批|新晋|新组建|新增加")
_PROJECT_PROMISE = re.compile(r"投产后|建成后|达产后|达效后|投用后|运营后|届时|该项目|项目建成|项目投产|全部建成|建成达产")
_COUNT = re.compile(r"\d+(?:\.\d+)?[个项]|[一二三四五六七八九十百]+[个项]")


@dataclass
class _Window:
    name: str
    text: str
    first: bool        # nearest to the number is the first token (after it) or the last (before it)
    tokens: list[Token] = field(default_factory=list)


def _inherit(cat: Catalog, out: Parsed, prev: Parsed, unit: str, kind: str) -> Parsed:
    """The previous figure's dimensions for a figure whose words only say it is its change,
    its target or a further item of it."""
    form = out.form or prev.form
    measure = _compatible(cat, prev.measure, unit, kind, form)   # type: ignore[arg-type]
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
    # Region names in the lead say where, not what (开发区增长9.8%), unless a word of the
    # catalog holds them (北京企业, 来自北京).
    held = [(t.start, t.end) for t in cat.tokens(ctx.lead) if t.dims]
    lead = _blank(ctx.lead, [(s, e) for s, e in region_words or [] if not any(a <= s and e <= b and b - a > e - s for a, b in held)])
    bare_lead = lead.strip(" ，,、")
    usable = prev if prev is not None and prev.measure and not prev.refuse else None

    # Figures that are no series, and the forms (share, pull, contribution). A later figure
    # of a list (分别拉动…4.7%、8%) takes the form of the clause it continues.
    said = re.split(r"[,，;；。]", ctx.before)[-1] if item is not None and _FILLER.match(bare_lead) else ctx.lead
    gap = _GAP.search(said)
    if kind == "change" and gap and unit in ("百分点", "%"):
        out.refuse = f"a gap against another figure ({gap.group(0)[:14]})"
        return out
    pull = _PULL.search(said)
    if pull and unit in ("百分点", "%") and kind in ("change", "share"):
        out.form, out.why["form"] = "pull", f"{pull.group(0)}[before]"
    elif "贡献率" in said or ("贡献率" in ctx.subject and kind == "share"):
        out.form, out.why["form"] = "contribution", "贡献率[before]"
    elif kind == "share" or (unit in ("%", "百分点") and _SHARE_WORDS.search(said)):
        out.form = "share"
        word = _SHARE_WORDS.search(said)
        out.why["form"] = f"{word.group(0)}[before]" if word else "share[kind]"

    def own(text: str) -> str:
        if out.form == "pull":
            return _PULL.split(text)[0]
        if out.form == "contribution":
            return text.split("贡献率")[0].split("对")[0]
        if out.form == "share":
            return _part(text)
        return text

    windows: list[_Window] = []
    if item is not None:
        windows.append(_Window("list item", own(item), False))
        # The lead holds the whole list: of it, only the words after 分别 are this figure's.
        k = lead.rfind("分别")
        lead = lead[k:] if k >= 0 else ""
    if unit in COUNT_UNITS and ctx.tail:
        # 20多个国家和地区的三资企业: what is counted stands before 的.
        windows.append(_Window("after", ctx.tail.split("的")[0], True))
    if out.form == "share" and "占" not in lead and _WHOLE_START.search(ctx.subject):
        windows.append(_Window("before", _part(ctx.subject), False))   # the lead names the whole: read the part
    else:
        windows.append(_Window("before", own(lead), False))
    subject = _Window("subject", own(_blank(ctx.subject, [(m.start(), m.end()) for m in _region_in(cat, ctx.subject)])),
                      False)
    for w in (*windows, subject):
        w.tokens = cat.tokens(w.text)

    # ---- the measure: the nearest word that fits, else the previous figure's
    found: list[tuple[str, Token, _Window]] = []
    for w in windows:
        found += [(m, t, w) for m, t in _measures(cat, w.tokens, unit, kind, out.form, w.first)]
        if found:
            break
    subject_scope = _pick_scope(cat, subject.tokens, False)
    if not found and usable is not None and _FILLER.match(bare_lead) and item is None \
            and not (subject_scope and usable.scope and subject_scope[0] != usable.scope):
        if prev_kind == "change" and kind == "change":
            if _ACCELERATION.search(ctx.lead) or not re.search(r"增长|下降|增速|增幅|[减增]少|[增降]低|提高", ctx.lead):
                out.refuse = "a change of the growth rate (比…提高), not of the indicator"
                return out
        return _inherit(cat, out, usable, unit, kind)
    if kind == "change" and not found and prev_kind == "change" and item is None and _ACCELERATION.search(ctx.lead):
        out.refuse = "a change of the growth rate (比…提高), not of the indicator"
        return out
    if kind == "change" and unit == "百分点" and not found and re.search(r"增速|增幅|增长率", ctx.lead):
        out.refuse = "a change in points of a growth rate, not of the indicator"
        return out
    if not found and unit in COUNT_UNITS and "的" in ctx.tail and ctx.tail.split("的")[0].strip():
        # 来自20多个国家和地区的三资企业: what is counted (国家和地区) is named, and not in the catalog
        out.refuse = f"counts {ctx.tail.split('的')[0][:10]}, which names no measure"
        return out
    if not found:
        found = [(m, t, subject) for m, t in _measures(cat, subject.tokens, unit, kind, out.form, False)]
    if not found and item is not None and usable is not None and _compatible(cat, usable.measure, unit, kind, out.form):  # type: ignore[arg-type]
        # 分别增长3%和6.4%: the measure of the list's figures before, the scope of its own item
        found = [(_compatible(cat, usable.measure, unit, kind, out.form), Token(0, 0, cat.measures[usable.measure].name,  # type: ignore[arg-type,index]
                  (("measure", usable.measure),)), _Window("previous figure", "", False))]
    if not found and out.form:
        # 服务业占GDP的比重, 对经济增长的贡献率: of the part's value added.
        clause_group = re.split(r"[;；。!?！？]", ctx.before)[-1]
        for w in (*windows, subject, _Window("sentence", own(clause_group), True, cat.tokens(own(clause_group)))):
            picked = _pick_scope(cat, w.tokens, w.first)
            if picked and cat.scopes[picked[0]].default_measure:
                dm = cat.scopes[picked[0]].default_measure
                if _compatible(cat, dm, unit, kind, out.form):     # type: ignore[arg-type]
                    out.measure, out.scope = dm, picked[0]
                    out.why["measure"] = f"{cat.measures[dm].name}[implied by {picked[1]}]"   # type: ignore[index]
                    out.why["scope"] = f"{picked[1]}[{w.name}]"
                    return out
    if not found and out.form == "share":
        # 新材料领域占高新技术产业增加值的比重: the part's share of the whole's measure
        whole = _whole(item or "") or _whole(ctx.lead) or _whole(ctx.subject)
        for t in reversed(cat.tokens(whole)):
            m = _measure_of(cat, t)
            if m and "scope" in cat.measures[m].takes and _compatible(cat, m, unit, kind, out.form):
                found = [(m, Token(t.start, t.end, t.word, (("measure", m),)), _Window("whole", "", False))]
                break
    if not found and unit in ("%", "百分点") and kind in ("change", "share"):
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
        if topic in TOPIC_MEASURES and scoped and _compatible(cat, topic, unit, kind, out.form):
            found = [(topic, Token(0, 0, cat.measures[topic].name, (("measure", topic),)),   # type: ignore[index]
                      _Window("topic", "", False))]
    if not found:
        out.refuse = "no measure word"
        return out

    first: Parsed | None = None
    for measure, token, window in found:
        trial = _fill(cat, ctx, Parsed(form=out.form, why=dict(out.why)), measure, token, window, windows, subject,
                      usable, item)
        if trial.refuse is None or not trial.refuse.endswith("named"):
            return trial
        first = first or trial
    return first   # type: ignore[return-value]


def _region_in(cat: Catalog, text: str) -> list[re.Match[str]]:
    if cat._region_pattern is None or not text:
        return []
    return [m for m in cat._region_pattern.finditer(text) if cat._region_names.get(m.group(0))]


def _fill(cat: Catalog, ctx: Context, out: Parsed, measure: str, token: Token, window: _Window,
          windows: list[_Window], subject: _Window, prev: Parsed | None, item: str | None) -> Parsed:
    """The other dimensions of a figure whose measure is known."""
    m = cat.measures[measure]
    out.measure = measure
    out.why["measure"] = f"{token.word}[{window.name}]"
    if m.is_rate:
        out.form = None
        out.why.pop("form", None)
    klass = token.get("class")
    if klass and cat.classes[klass].measure and measure in cat.classes[klass].applies:
        out.classes = (klass,)
    if m.stock and not out.form and ctx.kind in ("level", "target"):
        added = _ADDED.search(ctx.lead) or _ADDED.search(ctx.subject)
        if added:
            out.form, out.why["form"] = "added", f"{added.group(0)}[{'before' if _ADDED.search(ctx.lead) else 'subject'}]"
    # The windows that name this figure's own dimensions.
    own = [w for w in windows if w is window or windows.index(w) <= windows.index(window)] if window in windows else list(windows)
    if item is None:
        own.append(subject)     # a list's items share the subject: an item's own words only

    def tokens_of(w: _Window) -> list[Token]:
        if w.name == "before" and "等" in w.text:
            # 祥生粮食机械等11家企业: the words before 等 are names, not what is counted.
            cut = w.text.rfind("等")
            return [t for t in w.tokens if t.start > cut]
        return w.tokens

    # ---- scope
    if "scope" in m.takes:
        for w in own:
            picked = _pick_scope(cat, tokens_of(w), w.first)
            if picked:
                out.scope, out.why["scope"] = picked[0], f"{picked[1]}[{w.name}]"
                break
        related = prev is not None and (measure == prev.measure or prev.measure in COUNTED_UNITS
                                        or (measure in PROJECT_FAMILY and prev.measure in PROJECT_FAMILY))
        if out.scope is None and prev is not None and prev.scope and item is None and related:
            out.scope = prev.scope
            out.why["scope"] = f"{prev.why.get('scope', prev.scope).split('[')[0]}[previous figure]"
            out.weak |= prev.weak & {"scope"}
            if measure == prev.measure and not out.classes and prev.classes:
                out.classes = prev.classes
                out.why["class"] = "+".join(cat.classes[c].name for c in prev.classes) + "[previous figure]"
        whole = any(w in ctx.lead.split("占")[0] or w in ctx.subject.split("占")[0] for w in WHOLE_REGION)
        if out.scope is None and not whole and m.context_scope and item is None:
            clause_group = re.split(r"[;；。!?！？]", ctx.before)[-1]
            if "等" in ctx.lead:
                clause_group = ""     # 金刚化工、中煤科工等71家北京企业: names, not an industry
            sentences = [t for t in re.split(r"[。!?！？]", ctx.paragraph_before) if t.strip()]
            texts = [("sentence", clause_group, False)] + [("paragraph", t, True) for t in reversed(sentences)] \
                + [("section", ctx.section, True)]
            for name, text, weak in texts:
                # 沧州高新技术产业开发区 names a place, not the 高新技术产业
                text = _blank(text, [(r.start(), r.end()) for r in _region_in(cat, text)])
                tokens = [t for t in cat.tokens(text) if t.get("scope")]
                industries = [t for t in tokens if cat.scopes[t.get("scope")].type == "industry"]   # type: ignore[index]
                # Beyond the sentence only an industry is a topic (生物医药产业…); 工业 or 服务业 there
                # says where the paragraph stands, not what a count of enterprises is of.
                picked = _pick_scope(cat, industries if weak else (industries or tokens), False, common=True)
                if picked:
                    out.scope, out.why["scope"] = picked[0], f"{picked[1]}[{name}]"
                    if weak:
                        out.weak.add("scope")
                    break

    # ---- classes
    if "class" in m.takes:
        classes = set(out.classes)
        for w in own:
            hits = [t for t in tokens_of(w) if t.get("class") and measure in cat.classes[t.get("class")].applies]  # type: ignore[index]
            if hits:
                classes |= {t.get("class") for t in hits}       # type: ignore[misc]
                out.why["class"] = " ".join(f"{t.word}[{w.name}]" for t in hits)
                break
        own_stage = any(t.get("stage") for w in own for t in tokens_of(w))
        if not classes and prev is not None and measure in PROJECT_FAMILY and prev.measure in PROJECT_FAMILY \
                and prev.classes and not own_stage:
            classes = set(prev.classes)
            out.why["class"] = "+".join(cat.classes[c].name for c in prev.classes) + "[previous figure]"
        out.classes = tuple(sorted(c for c in classes if measure in cat.classes[c].applies))
        if out.scope is None and "scope" in m.takes:
            implied = next((cat.classes[c].scope for c in out.classes if cat.classes[c].scope), None)
            if implied:
                out.scope, out.why["scope"] = implied, f"{cat.scopes[implied].name}[implied by class]"
    else:
        out.classes = ()

    # ---- stages
    if "stage" in m.takes:
        stages: list[str] = []
        for w in own:
            hits = [t for t in tokens_of(w) if t.get("stage")]
            if hits:
                stages = [t.get("stage") for t in hits]          # type: ignore[misc]
                out.why["stage"] = " ".join(f"{t.word}[{w.name}]" for t in hits)
                break
        if not stages and prev is not None and prev.measure in PROJECT_FAMILY and prev.stages:
            stages = list(prev.stages)
            out.why["stage"] = "+".join(cat.stages[s].name for s in stages) + "[previous figure]"
        if not stages and measure in PROJECT_FAMILY and ctx.rest.startswith("的"):
            named = ctx.rest.split("项目")[0]
            if "项目" in ctx.rest and not _COUNT.search(named):
                out.refuse = "the investment of one named project, no series"
                return out
        if not stages:
            for name, text in (("after", ctx.rest),):
                hits = [t for t in cat.tokens(text) if t.get("stage")]
                if hits:
                    stages = [t.get("stage") for t in hits]      # type: ignore[misc]
                    out.why["stage"] = " ".join(f"{t.word}[{name}]" for t in hits)
                    break
        out.stages = tuple(sorted(set(stages), key=lambda s: cat.stages[s].order))
        if out.stages:
            out.classes = tuple(c for c in out.classes if not cat.classes[c].weak)
            if "class" in out.why and not out.classes:
                out.why.pop("class")

    if measure == "project_investment" and not out.stages and not out.classes and \
            not (prev is not None and prev.measure == "projects" and out.scope and prev.scope == out.scope):
        out.refuse = "the investment of projects of no stage, class or counted category: one project's, no series"
        return out

    # ---- currency
    if m.currencies:
        if ctx.unit in ("元", "美元"):
            out.currency = ctx.unit if ctx.unit != m.unit else None
        elif prev is not None and prev.measure == measure:
            out.currency = prev.currency

    # ---- what keeps it unlinked whatever the catalog holds
    if window.name == "topic" and out.scope is None:
        out.refuse = f"{m.name} of the topic, but of no part of it named"
        return out
    if measure not in PROJECT_FAMILY and _PROJECT_PROMISE.search(re.split(r"[;；。!?！？]", ctx.before)[-1]):
        out.refuse = f"what a project is to bring ({_PROJECT_PROMISE.search(ctx.before).group(0)}), not the region's {m.name}"  # type: ignore[union-attr]
        return out
    if m.requires and not ((out.scope and "scope" in m.requires) or (out.classes and "class" in m.requires)
                           or (out.stages and "stage" in m.requires)):
        out.refuse = f"{m.name} of what? no {' or '.join(sorted(m.requires))} named"
        return out
    if m.blocked_by and out.scope is None and not out.classes:
        hit = next((b for b in m.blocked_by if b in ctx.lead + ctx.tail + ctx.rest), None)
        if hit:
            out.refuse = f"{hit}…{m.name}: the units of an action, not a count of the region's"
    return out
