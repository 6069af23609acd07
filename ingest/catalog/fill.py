"""The dimensions of a figure other than its measure, once the measure is known: its scope,
classes, stages and currency, each read from the figure's own words first, and what keeps
it unlinked whatever the catalog holds.

See parse.py for the form and the measure, link.py for where the words come from.
"""
from __future__ import annotations

import re

from ingest.catalog.model import Catalog, Measure, Token
from ingest.catalog.words import Context, Parsed, Window, blank, pick_scope, region_in

# Words in a clause that say the figure is about the whole region, not one industry.
WHOLE_REGION = ("全区", "全市", "全省", "全县", "全国", "全部", "全口径", "全社会", "区域内")
PROJECT_FAMILY = frozenset({"projects", "project_investment", "investment_completed", "annual_planned_investment"})
# Counts of units whose attributes (output, assets) the next figures of a sentence give.
COUNTED_UNITS = frozenset({"enterprises", "market_entities", "production_lines", "capacity", "parks"})

# Words that make a count of a stock (企业数) its increment (新增企业数).
# (引进 alone is not one: 累计引进北京企业300家 is the stock of firms the zone has attracted.)
_ADDED = re.compile(r"新增|新认定|新培育|净增|新引进|新招引|新入驻|新落户|新建|新设立|新注册|新发展|新获批|新晋|新组建|新增加")
_PROJECT_PROMISE = re.compile(r"投产后|建成后|达产后|达效后|投用后|运营后|届时|该项目|项目建成|项目投产|全部建成|建成达产")
# The words after a number that close a project's name (年产50万吨聚丙烯项目): the number is the
# project's, whatever it measures.
_IN_PROJECT_NAME = re.compile(r"[^，,；;。、：:]{0,24}?项目(?!数|个数|总数|总投资|投资)")
_COUNT = re.compile(r"\d+(?:\.\d+)?[个项]|[一二三四五六七八九十百]+[个项]")


def fill(cat: Catalog, ctx: Context, out: Parsed, measure: str, token: Token, window: Window,
         windows: list[Window], subject: Window, prev: Parsed | None, item: str | None) -> Parsed:
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
        _read_added(ctx, out)
    own = _own_windows(window, windows, subject, item)
    if "scope" in m.takes:
        _read_scope(cat, ctx, out, m, own, prev, item)
    if "class" in m.takes:
        _read_classes(cat, out, m, own, prev)
    else:
        out.classes = ()
    if "stage" in m.takes:
        _read_stages(cat, ctx, out, m, own, prev)
        if out.refuse is not None:
            return out
    if measure == "project_investment" and not out.stages and not out.classes and \
            not (prev is not None and prev.measure == "projects" and out.scope and prev.scope == out.scope):
        out.refuse = "the investment of projects of no stage, class or counted category: one project's, no series"
        return out
    if m.currencies:
        _read_currency(ctx, out, m, prev)
    _refuse_unlinkable(ctx, out, m, window)
    return out


def _read_added(ctx: Context, out: Parsed) -> None:
    """The form of a count of a stock whose words make it an increment (新增企业)."""
    added = _ADDED.search(ctx.lead) or _ADDED.search(ctx.subject)
    if added:
        out.form, out.why["form"] = "added", f"{added.group(0)}[{'before' if _ADDED.search(ctx.lead) else 'subject'}]"


def _own_windows(window: Window, windows: list[Window], subject: Window, item: str | None) -> list[Window]:
    """The windows that name this figure's own dimensions: up to the one that named its measure."""
    own = [w for w in windows if w is window or windows.index(w) <= windows.index(window)] if window in windows else list(windows)
    if item is None:
        own.append(subject)     # a list's items share the subject: an item's own words only
    return own


def _tokens_of(w: Window) -> list[Token]:
    if w.name == "before" and "等" in w.text:
        # 祥生粮食机械等11家企业: the words before 等 are names, not what is counted.
        cut = w.text.rfind("等")
        return [t for t in w.tokens if t.start > cut]
    return w.tokens


# ---------------------------------------------------------------------------- scope

def _read_scope(cat: Catalog, ctx: Context, out: Parsed, m: Measure, own: list[Window], prev: Parsed | None,
                item: str | None) -> None:
    """The scope named in the figure's own words, else the previous figure's (of a related
    measure), else the industry its sentence, paragraph or section is about."""
    measure = m.id
    for w in own:
        picked = pick_scope(cat, _tokens_of(w), w.first)
        if picked:
            out.scope, out.why["scope"] = picked[0], f"{picked[1]}[{w.name}]"
            break
    related = prev is not None and (measure == prev.measure or prev.measure in COUNTED_UNITS
                                    or (measure in PROJECT_FAMILY and prev.measure in PROJECT_FAMILY))
    # 规上工业企业158家,高新技术企业46家: a list of kinds of unit, not a part of the one before
    related = related and prev is not None and not _another_kind(cat, out, m, own, prev)
    if out.scope is None and prev is not None and prev.scope and item is None and related:
        out.scope = prev.scope
        out.why["scope"] = f"{prev.why.get('scope', prev.scope).split('[')[0]}[previous figure]"
        out.weak |= prev.weak & {"scope"}
        if measure == prev.measure and not out.classes and prev.classes:
            out.classes = prev.classes
            out.why["class"] = "+".join(cat.classes[c].name for c in prev.classes) + "[previous figure]"
    if out.scope is None and m.context_scope and item is None:
        lead, subject = ctx.lead.split("占")[0], ctx.subject.split("占")[0]
        if not any(w in lead or w in subject for w in WHOLE_REGION):
            _read_context_scope(cat, ctx, out)


def _another_kind(cat: Catalog, out: Parsed, m: Measure, own: list[Window], prev: Parsed) -> bool:
    """Whether the figure names its own kind of unit (a class) and the previous figure another:
    items of a list of kinds (规上工业企业158家,高新技术企业46家,科技型中小企业312家), whose scope
    and classes belong each to its own words. A kind after a total of no kind (汽车企业50家,
    其中规上企业12家) is a part of it and takes its scope."""
    named = set(out.classes) | {t.get("class") for w in own for t in _tokens_of(w)
                                if t.get("class") and m.id in cat.classes[t.dim("class")].applies}
    named.discard(None)
    return bool(named) and bool(prev.classes) and not (named & set(prev.classes))


def _read_context_scope(cat: Catalog, ctx: Context, out: Parsed) -> None:
    """The industry the figure's sentence, else its paragraph (weak), else its section (weak)
    is about."""
    clause_group = re.split(r"[;；。!?！？]", ctx.before)[-1]
    if "等" in ctx.lead:
        clause_group = ""     # 金刚化工、中煤科工等71家北京企业: names, not an industry
    sentences = [t for t in re.split(r"[。!?！？]", ctx.paragraph_before) if t.strip()]
    texts = [("sentence", clause_group, False)] + [("paragraph", t, True) for t in reversed(sentences)] \
        + [("section", ctx.section, True)]
    for name, text, weak in texts:
        picked = _topic_of(cat, text, name == "sentence", name == "sentence" and bool(out.classes), weak)
        if picked:
            out.scope, out.why["scope"] = picked[0], f"{picked[1]}[{name}]"
            if weak:
                out.weak.add("scope")
            break


def _topic_of(cat: Catalog, text: str, own_sentence: bool, classed: bool, weak: bool) -> tuple[str, str] | None:
    """The industry a sentence, paragraph sentence or section is about, as (scope, words), or
    None. ``own_sentence``: the figure's own clause group; ``classed``: the figure names a kind
    of unit itself; ``weak``: beyond the figure's sentence. Worked out once per text: every
    figure of a paragraph reads its earlier sentences (Catalog.kept)."""
    # A sentence of the paragraph before (at most PARAGRAPH_BEFORE_MAX characters) is kept
    # however long, for the next figures of the paragraph; the figure's own clause group only
    # when short (the next figure of a long list reads a longer one).
    kept = cat.kept("topic", text if own_sentence else "", limit=5000)
    key = (text, own_sentence, classed, weak)
    if key not in kept:
        # 沧州高新技术产业开发区 names a place, not the 高新技术产业
        text = blank(text, [(r.start(), r.end()) for r in region_in(cat, text)])
        # A phrase that names a measure too (规模以上工业企业158家) is another figure's, not a topic;
        # a broad part (工业 of 规上工业总产值) is no topic of a kind of unit the figure names itself
        # (高新技术企业不低于100家).
        tokens = [t for t in cat.tokens(text) if t.get("scope") and not (own_sentence and (
            t.get("measure") or (classed and cat.scopes[t.dim("scope")].broad)))]
        industries = [t for t in tokens if cat.scopes[t.dim("scope")].type == "industry"]
        # Beyond the sentence only an industry is a topic (生物医药产业…); 工业 or 服务业 there
        # says where the paragraph stands, not what a count of enterprises is of.
        kept[key] = pick_scope(cat, industries if weak else (industries or tokens), False, common=True)
    picked: tuple[str, str] | None = kept[key]
    return picked


# ---------------------------------------------------------------------------- classes, stages, currency

def _read_classes(cat: Catalog, out: Parsed, m: Measure, own: list[Window], prev: Parsed | None) -> None:
    """The classes named in the figure's own words, else (projects) the previous figure's; a
    class may imply the scope."""
    measure = m.id
    classes = set(out.classes)
    for w in own:
        hits = [t for t in _tokens_of(w) if t.get("class") and measure in cat.classes[t.dim("class")].applies]
        if hits:
            classes |= {t.dim("class") for t in hits}
            out.why["class"] = " ".join(f"{t.word}[{w.name}]" for t in hits)
            break
    own_stage = any(t.get("stage") for w in own for t in _tokens_of(w))
    if not classes and prev is not None and measure in PROJECT_FAMILY and prev.measure in PROJECT_FAMILY \
            and prev.classes and not own_stage:
        classes = set(prev.classes)
        out.why["class"] = "+".join(cat.classes[c].name for c in prev.classes) + "[previous figure]"
    out.classes = tuple(sorted(c for c in classes if measure in cat.classes[c].applies))
    if out.scope is None and "scope" in m.takes:
        implied = next((cat.classes[c].scope for c in out.classes if cat.classes[c].scope), None)
        if implied:
            out.scope, out.why["scope"] = implied, f"{cat.scopes[implied].name}[implied by class]"


def _read_stages(cat: Catalog, ctx: Context, out: Parsed, m: Measure, own: list[Window], prev: Parsed | None) -> None:
    """The stages named in the figure's own words, else the previous project figure's, else
    in the clause after the number; refuses one named project's investment."""
    measure = m.id
    stages: list[str] = []
    for w in own:
        hits = [t for t in _tokens_of(w) if t.get("stage")]
        if hits:
            stages = [t.dim("stage") for t in hits]
            out.why["stage"] = " ".join(f"{t.word}[{w.name}]" for t in hits)
            break
    if not stages and prev is not None and prev.measure in PROJECT_FAMILY and prev.stages:
        stages = list(prev.stages)
        out.why["stage"] = "+".join(cat.stages[s].name for s in stages) + "[previous figure]"
    if not stages and measure in PROJECT_FAMILY and ctx.rest.startswith("的"):
        named = ctx.rest.split("项目")[0]
        if "项目" in ctx.rest and not _COUNT.search(named):
            out.refuse = "the investment of one named project, no series"
            return
    if not stages:
        # The clause after the number, else (for projects) the section the figure stands under
        # when it is a heading of projects by stage (一、签约项目情况 … 项目29个; not 资金落地开发区).
        texts = [("after", ctx.rest)] + ([("section", ctx.section)] if measure in PROJECT_FAMILY else [])
        for name, text in texts:
            hits = [t for t in cat.tokens(text) if t.get("stage")
                    and (name != "section" or t.word.endswith("项目") or text[t.end:].startswith("项目"))]
            if hits:
                stages = [t.dim("stage") for t in hits]
                out.why["stage"] = " ".join(f"{t.word}[{name}]" for t in hits)
                break
    out.stages = tuple(sorted(set(stages), key=lambda s: cat.stages[s].order))
    if out.stages:
        out.classes = tuple(c for c in out.classes if not cat.classes[c].weak)
        if "class" in out.why and not out.classes:
            out.why.pop("class")


def _read_currency(ctx: Context, out: Parsed, m: Measure, prev: Parsed | None) -> None:
    """The currency of a measure reported in yuan and in dollars: the figure's unit, else the
    previous figure's of the same measure."""
    if ctx.unit in ("元", "美元"):
        out.currency = ctx.unit if ctx.unit != m.unit else None
    elif prev is not None and prev.measure == m.id:
        out.currency = prev.currency


# ---------------------------------------------------------------------------- refusals

def _refuse_unlinkable(ctx: Context, out: Parsed, m: Measure, window: Window) -> None:
    """Why the figure stays unlinked whatever the catalog holds, if it does, into out.refuse."""
    if window.name == "topic" and out.scope is None:
        out.refuse = f"{m.name} of the topic, but of no part of it named"
        return
    if m.id not in PROJECT_FAMILY and ctx.unit not in ("个", "项") and _IN_PROJECT_NAME.match(ctx.rest):
        out.refuse = f"part of a project's name (年产…项目), not the region's {m.name}"
        return
    promise = _PROJECT_PROMISE.search(re.split(r"[;；。!?！？]", ctx.before)[-1])
    if m.id not in PROJECT_FAMILY and promise:
        out.refuse = f"what a project is to bring ({promise.group(0)}), not the region's {m.name}"
        return
    if m.requires and not ((out.scope and "scope" in m.requires) or (out.classes and "class" in m.requires)
                           or (out.stages and "stage" in m.requires)):
        out.refuse = f"{m.name} of what? no {' or '.join(sorted(m.requires))} named"
        return
    if m.blocked_by and out.scope is None and not out.classes:
        hit = next((b for b in m.blocked_by if b in ctx.lead + ctx.tail + ctx.rest), None)
        if hit:
            out.refuse = f"{hit}…{m.name}: the units of an action, not a count of the region's"
