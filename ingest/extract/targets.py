"""Target cues: the words of intent (力争, 计划, 预计, 建成后 …) that make a figure a goal, the
lists of goals they open, and the words that only look like cues (quoted names, 以…为目标，,
将 marking an object)."""
from __future__ import annotations

import bisect
import re
from bisect import bisect_left
from functools import lru_cache

from ingest.extract.clauses import (
    _SENTENCE_MARKS,
    _clause_end,
    _clause_start,
    _full_sentence_start,
    _mark_pattern,
    _sentence_start,
)
from ingest.extract.scan import _Atom

# A project done or running: what is said to follow it (建成后, 投产后) is a goal.
_COMPLETION = "建成|投产|达产|达标|达效|投用|运营|竣工"
# 计划投资 alone is the size of a project (计划投资5亿元以上的项目); the year's plan (今年计划投资,
# 年度计划投资, 年内计划完成投资) is a goal for the current year (CONVENTIONS §4).
_TARGET_CUE = re.compile(
    r"力争|争取|剑指|冲刺|谋划(?![^,，。;；]{0,3}了)|(?:(?<=年)|(?<=年度)|(?<=年内))计划(?=(?:完成)?投资)|(?<!完成)(?<!年度)(?<!超)计划(?!总?投资|的|数|任务的)|预计(?!总投资)|预期|目标(?!的|任务的|完成率|完成度|完成进度|完成比例|招商|任务完成率|任务完成度)|(?<![已即])拟(?!上市|建(?!设)|签约|入驻|升级)|确保|有望|力求|努力(?:实现|达到|使)|"
    rf"(?<![即必])(?<!预计)将(?!近|军|来|会议)|届时|(?:{_COMPLETION})后|(?<=全部)(?:{_COMPLETION})可|到期|规划到"
)
# Cues that can open a list of goals running over semicolons (not 将, 拟, 建成后 …).
_LIST_TARGET_CUE = re.compile(r"目标|预期|力争|确保|计划|力求|努力|预计|争取")
# A cue that opens a list with a colon (…，今年的目标是：…；…) heads it wherever it stands.
_PART_END = re.compile(r"[；;]")
_LIST_COLON = re.compile(r"[^,，。;；:：\d]{0,6}[:：]")
# What ends such a list early: a word of accomplishment or a look back.
_LIST_BREAK = re.compile(r"已经|(?<![拟将])已|目前|截至|截止|现有|现已|去年|上年|同比|比上年|较上年")

# (176个年度计划新开项目实际开工150个: what the plan became)
_DONE_CUE = re.compile(r"已经|(?<![拟将])已|目前|截至|截止|现有|现已|实际(?=开工|完成|到位|投资|签约|竣工|投产)")
_PLEDGE_AFTER = re.compile(r"[^,，。;；]{0,3}(?:民生实事|惠民实事|民心工程|为民办实事)")


# A figure that is itself named the goal by the words after it (28%的年度目标, 500亿元的全年任务).
_GOAL_NAMED_AFTER = re.compile(r"(?:左右|以上)?的(?:年度|全年|年)(?:目标|任务|计划)(?:任务)?")
# The goal a share of the work done is taken of, named right after the figure (19500万美元目标任务的77.69%).
_TASK_WHOLE_AFTER = re.compile(r"(?:的)?(?:年度|全年|年)?(?:目标任务|目标|任务|计划)的(?=\d)")
# A value moved to another (由25%提高到50%, 从3天压缩至1天).
_RAISED_TO_AFTER = re.compile(r"(?:提高|提升|增加|增长|上升|扩大|降低|减少|下降|压缩|缩短|调整|调增|调减)(?:到|至|为)")
_YOY_BEFORE = re.compile(r"(?:同比|比上年|比去年)(?:分别)?(?:增长|增加|提高|下降|减少)(?:了)?(?:分别)?[^,，。;；]{0,20}$")
# A quota in brackets (任务数18家, 任务数占比60%): the number set as the task, a goal.
_QUOTA_BEFORE = re.compile(r"[(（](?:任务数|目标数|目标值|任务)(?:占比|为|是)?$")
_SHARE_OF = re.compile(r"占[^,，。;；\d]{0,4}$")
_SHARE_OF_TASK = re.compile(r"\d[^,，。;；]{0,6}?的$")
_RATE_OF_PLANNED = re.compile(r"[^,，。;；]{0,12}率(?:达到|达|为|是)?")
# The end of a comparison (…高, 快了, 低出) just before the figure.
_COMPARED_BEFORE = re.compile(r"[高低快慢多少]了?出?$")
# What something can hold or bring (可容纳, 可供, 可落地 …), a goal when the sentence plans that something.
_CAN_AFTER_PLAN = re.compile(r"可(?:容纳|供|实现|带动|落地|吸纳|解决|提供|形成)")
_PLAN_AHEAD = re.compile(r"计划|拟|建成后|投产后|[一二三四五六七八九十两\d]年内")
# 完成年度目标12.3%, 完成全年任务的45%: the part of a goal done.
_DONE_OF_GOAL = re.compile(r"完成(?:了)?[^,，。;；\d]{0,4}?(?:年度|全年|年)?(?:考核)?(?:目标|计划|任务)(?:任务)?(?:的|在|达到|达)?$")
# The year's task or goal named as the whole a result is measured against.
_YEAR_TASK_BEFORE = re.compile(r"(?:年任务|年度任务|全年任务|年度目标|全年目标|年目标|年度计划|全年计划|年计划|下达任务数|下达任务|目标任务)(?:为|是)?$")


def _target_cue(text: str, a: _Atom, sent_start: int, full_start: int,
                figure_starts: list[int]) -> tuple[str, int] | None:
    """The cue of intent (力争, 计划, 预计, 建成后 …) that makes the figure a target, with its
    position; None when there is none or a word of accomplishment (已, 目前, 截至) overtakes it.

    Cues are looked for in the figure's sentence part; a cue that opens a list of goals
    (今年主要预期目标是：A增长6.5%；B增长7%；…) also covers the later parts of its sentence
    up to the full stop."""
    if a.magnitude:
        return "级", a.start
    if text.endswith(("由", "从"), 0, a.start) and _RAISED_TO_AFTER.match(text, a.end):
        return None  # 将使支持比例由25%提高到50%: the value it starts from is today's, not the goal
    if _PLEDGE_AFTER.match(text, a.end):
        return "实事", a.end
    clause = _clause_start(text, a.start, sent_start)
    quota = _QUOTA_BEFORE.search(text, max(clause, a.start - 8), a.start)
    if quota is not None:
        return quota.group(), quota.start()  # 引进优强企业21家(任务数18家): the number set as the task
    done = _DONE_OF_GOAL.search(text, max(clause, a.start - 12), a.start) if a.unit == "%" else None
    if done is not None and not _TARGET_CUE.search(text, clause, done.start()):
        return None   # 1-3月列统投资1.6亿元，完成年度目标12.3%: the part of the goal done, a share (力争完成…的110%: a goal)
    task = _YEAR_TASK_BEFORE.search(text, max(clause, a.start - 6), a.start) if a.unit not in ("%", "‰") else None
    if task is not None and _COMPARED_WITH_GOAL.search(text, max(clause, task.start() - 7), task.start()):
        return None   # 增速11%，超目标任务1.5个百分点: the gap to the goal, a change
    if task is not None:  # (完成年度计划102.2%: the part done, a share)
        return task.group(), task.start()  # 完成年任务75亿元的23.7%: 75亿元 is the year's goal
    whole = _TASK_WHOLE_AFTER.match(text, a.end)
    if whole is not None:
        return "目标", whole.start()  # 完成市政府下达19500万美元目标任务的77.69%: the task a share is taken of
    goal = _GOAL_NAMED_AFTER.match(text, a.end)
    if goal is not None and not re.search(r"完成|实现|达到|达成", text[clause:a.start]):
        # (完成投资9亿元的年度任务: the year's task, done)
        return "目标", goal.end() - 2  # 增长34.2%，高于28%的年度目标: 28% is the year's goal
    aim = _AIM_AFTER.match(text, a.end)
    if aim is not None and "以" in text[clause:a.start]:
        return "目标", aim.end() - 2  # 以营收突破100亿元为目标: the figure is the aim itself
    cue = _cue_in_part(text, a, clause, sent_start, full_start, figure_starts)
    if cue is not None and text.startswith("目标任务", cue.start()) and _SHARE_OF.search(text, max(0, cue.start() - 5), cue.start()) \
            and (cue.start() < clause or _SHARE_OF_TASK.search(text, cue.end(), a.start)):
        # 到位省外资金2.23亿元，占目标任务2亿元的111.5%: the task is the 2亿元 alone; the share and
        # the clauses after it report what was done
        return None
    if cue is not None and cue.group() == "计划" and _YOY_BEFORE.search(text, max(clause, a.start - 30), a.start):
        return None   # 重点项目个数、总投资和年度计划投资同比分别增长111%、150%和136%: how the plan grew, a change
    if cue is not None and cue.group() == "计划" and _RATE_OF_PLANNED.fullmatch(text, cue.end(), a.start):
        return None   # 136个计划开工项目开工率达到75.1%: how many of the planned ones started, a share
    if cue is not None and "比" in text[clause:cue.start()] and _COMPARED_BEFORE.search(text, cue.end(), a.start):
        # 比全年营收目标增速(18.4%)高3.9个百分点: the goal is what the result is compared with
        return None
    if cue is not None:
        return None if _DONE_CUE.search(text, cue.end(), a.start) else (cue.group(), cue.start())
    can = _CAN_AFTER_PLAN.search(text, sent_start, a.start)
    if can is not None and _PLAN_AHEAD.search(text, full_start, can.start()) is not None \
            and not _DONE_CUE.search(text, full_start, a.start):
        # 计划三年内建设标准厂房20万平方米，可容纳企业超过30家，产值达35亿元以上: what a planned
        # thing can hold or bring is a goal
        return can.group(), can.start()
    if full_start >= sent_start:
        return None
    return _list_cue(text, a, sent_start, full_start, figure_starts)


@lru_cache(maxsize=64)
def _all_cues(text: str) -> tuple[tuple[re.Match[str], ...], tuple[int, ...]]:
    """Every cue of intent in a paragraph, found once, with their start offsets."""
    found = tuple(_TARGET_CUE.finditer(text))
    return found, tuple(m.start() for m in found)


def _cues_between(text: str, lo: int, hi: int) -> tuple[re.Match[str], ...]:
    """The cues lying wholly inside [lo, hi), as finditer(text, lo, hi) would find them."""
    found, starts = _all_cues(text)
    i, j = bisect_left(starts, lo), bisect_left(starts, hi)
    return tuple(m for m in found[i:j] if m.end() <= hi)


def _cue_in_part(text: str, a: _Atom, clause: int, sent_start: int, full_start: int,
                 figure_starts: list[int]) -> re.Match[str] | None:
    """The last cue of intent before the figure in its own sentence part, if it binds the figure."""
    cue = None
    # 完成全年目标任务27500万吨的52.1%: the goal named is the whole the share is taken of
    plan = _PLAN_SHARE.search(text, clause, a.start) if a.unit == "%" else None
    for m in reversed(_cues_between(text, sent_start, plan.start() if plan is not None else a.start)):
        if not _quoted(text, m.start(), full_start) and not _not_a_goal_cue(text, m, a, sent_start) \
                and not _in_closed_aside(text, m.start(), a.start):
            cue = m
            break  # the last one that binds; looking further back for each figure made long sentences quadratic
    if cue is not None and _plan_of_its_own_clause(text, cue, a, figure_starts):
        # 总体目标为：…计划签约落地15个以上，新开工建设12个以上: a goal opening a colon list
        # before the plan still heads the clauses after it
        return _colon_list_head(text, cue.start(), a, sent_start, full_start)
    return cue


def _in_closed_aside(text: str, pos: int, end: int) -> bool:
    """pos lies in a bracketed aside that closes before end: 完成年计划的89.4%（主要是二产未达预期目标），
    增长2.0%: the aside's 预期目标 sets no goal for what follows it."""
    opened = max(text.rfind("(", 0, pos), text.rfind("（", 0, pos))
    if opened < 0 or max(text.rfind(")", opened, pos), text.rfind("）", opened, pos)) >= 0:
        return False
    return text.find(")", pos, end) >= 0 or text.find("）", pos, end) >= 0


def _colon_list_head(text: str, before: int, a: _Atom, sent_start: int, full_start: int) -> re.Match[str] | None:
    """The last cue before ``before`` in the sentence part that opens a list with a colon (目标为：)."""
    for m in reversed(_cues_between(text, sent_start, before)):
        if _LIST_TARGET_CUE.match(m.group()) and _LIST_COLON.match(text, m.end()) \
                and not _quoted(text, m.start(), full_start) and not _DONE_CUE.search(text, m.end(), a.start):
            return m
    return None


def _list_cue(text: str, a: _Atom, sent_start: int, full_start: int,
              figure_starts: list[int]) -> tuple[str, int] | None:
    """A cue in an earlier part of the sentence that opens a list of goals running on to the figure."""
    cue = None
    for m in _TARGET_CUE.finditer(text, full_start, sent_start):
        if not _quoted(text, m.start(), full_start) and not _not_a_goal_cue(text, m, a, full_start):
            cue = m
    if cue is None or not _LIST_TARGET_CUE.match(cue.group()) or _LIST_BREAK.search(text, cue.end(), a.start):
        return None
    if not _LIST_COLON.match(text, cue.end()) and not _heads_its_part(text, cue, sent_start, figure_starts):
        return None
    return cue.group(), cue.start()


def _heads_its_part(text: str, cue: re.Match[str], sent_start: int, figure_starts: list[int]) -> bool:
    """Without a colon the cue opens a list only when it heads its part of the sentence and
    figures follow it there (力争营收增长10%；税收增长8%); one after its part's figures
    (一期投资45亿元，…，计划2019年底建成投产；) or with none after it binds only its own part."""
    part_end = _PART_END.search(text, cue.end(), sent_start)
    first = bisect.bisect_left(figure_starts, _sentence_start(text, cue.start()))
    after = bisect.bisect_left(figure_starts, cue.end())
    if (first < len(figure_starts) and figure_starts[first] < cue.start()) or part_end is None \
            or after >= len(figure_starts) or figure_starts[after] >= part_end.start():
        return False
    return True


def _plan_of_its_own_clause(text: str, cue: re.Match[str], a: _Atom, figure_starts: list[int]) -> bool:
    """总投资898.2亿元，年内计划完成投资86亿元，开复工项目25个: 计划 or 拟 with a figure of
    its own in its clause plans that figure only; the clauses after it report."""
    if cue.group() not in ("计划", "拟"):
        return False
    cue_end = _clause_end(text, cue.end(), a.start)
    if cue_end >= a.start:
        return False
    i = bisect.bisect_left(figure_starts, cue.end())
    return i < len(figure_starts) and figure_starts[i] < cue_end


# Part of a plan done (完成全年目标任务27500万吨的52.1%, 完成年度计划的56.3%, 占全年任务的八成).
_PLAN_SHARE = re.compile(r"(?:完成|占|达到|达|实现|为|超过)了?[^,，。;；]{0,16}?(?:目标|计划|任务|预算|指标)"
                         r"[^,，。;；]{0,16}?的(?:\d+(?:\.\d+)?%、)*$")  # (分别完成当年计划投资的46.13%、48.38%)

# A clause naming the aim work is done for (以打造一流营商环境为目标，围绕…目标，为实现…目标，):
# it sets the scene for the results after it and makes none of them a goal.
_AIM_CLAUSE_HEAD = re.compile(r"(?:以|围绕|为实现|为了实现|为了|为|按照|对照|朝着|向着|紧扣|锚定|瞄准|聚焦|坚持|紧盯|根据)")
# 将 as the marker of the object (园区将企业开办时间压缩至4小时以内 = 把…压缩至): a result when
# nothing else in the sentence looks ahead. 将 before a verb or an adverb looks ahead (将建成, 将进一步压缩).
_DISPOSAL_VERB = re.compile(r"(?:压缩|缩短|缩减|降低|降|提高|提升|提|增加|扩大|减少|控制|缩小|延长|放宽|下调|上调|精简|调整"
                            r"|优化|改|变|简化|合并)(?:至|到|为|在)"
                            # (商务部将90个开发区纳入2010年综合评价: put on a list, done)
                            r"|纳入|列入|列为|认定为|确定为|评为")
_FUTURE_AFTER_JIANG = re.compile(
    r"(?:进一步|继续|持续|全面|力争|努力|加快|加大|逐步|陆续|再|可|会|于|在|实现|达到|建成|新增|带动|形成|突破|超过|有|成为|是|为"
    r"|新建|投资|完成|全部|不断|大力|重点|着力|集中|主要|每年|年|累计|提供|吸纳|解决|增加|提高|提升|降低|压缩|缩短|开工|投产|使|让"
    r"|推动|推进|打造|建设|实施|启动|开展|引进|达|按|以|从|由|重新|积极|统筹|确保|争取|用|通过|坚持|围绕|聚焦|迎来|直接|更|大大|显著)")

# A clause saying the goals were met (超额完成年初预定目标任务): what follows it is the result.
_GOAL_MET_BEFORE = re.compile(r"(?:超额完成|完成|实现|达成|达到|突破|超过)[^,，。;；:：\d]{0,8}$")
_COMPARED_WITH_GOAL = re.compile(r"(?:高于|低于|超过|超出|超|比|较|差|落后|快于|慢于|塌|距离|距)(?:年度|年初|全年)?(?:总量|增速|增长|计划)?$")


def _not_a_goal_cue(text: str, cue: re.Match[str], a: _Atom, floor: int) -> bool:
    """Words _TARGET_CUE finds that do not make this figure a goal: 目标 in a clause of aim of its
    own (以…为目标，), 将 marking the object of a verb that reports a result (将…压缩至)."""
    word = cue.group()
    if word == "计划" and (_PROGRAMME_AFTER.match(text, cue.end())
                         or _PROGRAMME_BEFORE.search(text, max(0, cue.start() - 10), cue.start())):
        return True  # 人才计划入选者, 千人计划专家: the name of a programme, not an intention
    if word == "计划" and _PROGRAMME_LIST.match(text, cue.end()):
        # 30个项目列入市重点建设项目计划，其中…27个; 计划安排重点建设项目158个: the year's programme
        # of projects, a list that exists, not an intention
        return True
    if word.startswith("目标") and _COMPARED_WITH_GOAL.search(text, max(0, cue.start() - 7), cue.start()):
        return True  # 高于目标2.1个百分点, 比目标低…: the goal is the base of a comparison
    if word.startswith("目标") or word == "计划":
        clause = _clause_start(text, cue.start(), floor)
        if _GOAL_MET_BEFORE.search(text, clause, cue.start()) and _clause_end(text, cue.end(), len(text)) < a.start:
            return True  # 各项指标均超额完成年初预定目标任务，全年共实现产值3.83亿元: goals met, results follow
    if word.startswith("目标"):
        clause = _clause_start(text, cue.start(), floor)
        clause_end = _clause_end(text, cue.end(), len(text))
        return clause_end < a.start and text[clause_end:clause_end + 1] in (",", "，") \
            and _AIM_TAIL.fullmatch(text, cue.end(), clause_end) is not None \
            and _AIM_CLAUSE_HEAD.match(_FILLER_HEAD.sub("", text[clause:cue.start()])) is not None
    if word == "将":
        if _FUTURE_AFTER_JIANG.match(text, cue.end()) \
                or _LOOKING_AHEAD.search(text, _full_sentence_start(text, cue.start()), a.start):
            return False
        # 将…13项审批事项，由传统串联办理优化为并行推进，审批时限从60个工作日压缩至20个工作日: 将
        # marks the object of a verb reporting a result, for its figures and the clauses after it
        end = _mark_pattern(_SENTENCE_MARKS).search(text, cue.end())
        verb = _DISPOSAL_VERB.search(text, cue.end() + 1, end.start() if end else len(text))
        if verb is None:
            return False
        return verb.end() <= a.start or _clause_end(text, cue.end(), len(text)) >= a.start \
            or _clause_end(text, cue.end(), len(text)) >= verb.start()
    return False


# 计划 as part of the name of a programme (国家级人才计划入选者, 千人计划专家, 引智计划项目库):
# who was selected under it or the list it keeps, said with no intention.
_PROGRAMME_AFTER = re.compile(r"入选|专家|人选|人才|项目库")
_PROGRAMME_BEFORE = re.compile(r"(?:人才|千人|万人|引智|行动|专项|星火|火炬|科技|研发|(?:列入|纳入|入选)[^,，。;；]{0,16})$")
_PROGRAMME_LIST = re.compile(r"[,，;；。]|安排(?:重点)?(?:建设)?项目|实施的")  # (该市计划实施的401个重点工业项目已累计完成投资)
_AIM_AFTER = re.compile(r"[^,，。;；:：]{0,12}?为(?:目标|奋斗目标|发展目标)")
_AIM_TAIL = re.compile(r"(?:要求|任务|导向|定位)?")
# Words that put a sentence in the future, where 将 keeps its sense of "will" (下一步将…压缩至).
_LOOKING_AHEAD = re.compile(r"下一步|今后|明年|未来|接下来|下阶段|下一阶段|年底前|月底前|之前|以前|后续|届时|力争|争取|计划|预计|确保|目标")
_FILLER_HEAD = re.compile(r"^[^以围为按对朝向紧锚瞄聚坚根]{0,12}?(?=以|围绕|为|按照|对照|朝着|向着|紧扣|锚定|瞄准|聚焦|坚持|紧盯|根据)")

_QUOTES = (("“", "”"), ("《", "》"), ("「", "」"), ("『", "』"), ("〈", "〉"), ('"', '"'))
# A quoted name is short and has no sentence punctuation in it (“高端人才聚集计划”); a quotation
# of speech (“下一步，我们要……确保…突破180亿元。”) keeps its cues. Titles in 书名号 run longer.
_NAME_MAX = {"《": 40, "〈": 40}
_QUOTED_NAME_MAX = 15
_SPEECH_PUNCT = re.compile(r"[,，。;；:：!！?？…]")


def _quoted(text: str, pos: int, floor: int) -> bool:
    """Whether pos stands inside a short quoted name or a title in 书名号 opened after floor:
    “高端人才聚集计划”, 《行动计划》 are names, and the words in them are no cues."""
    for open_, close in _QUOTES:
        o = text.rfind(open_, floor, pos)
        if o < 0:
            continue
        if open_ == close:
            if text.count(open_, floor, pos) % 2 == 0:
                continue
        elif text.rfind(close, o, pos) >= 0:
            continue
        c = text.find(close, pos)
        if c < 0:
            return False  # a quotation running on past the text: speech, not a name
        inner = text[o + 1:c]
        return len(inner) <= _NAME_MAX.get(open_, _QUOTED_NAME_MAX) and _SPEECH_PUNCT.search(inner) is None
    return False
