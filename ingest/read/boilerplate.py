"""Web-page furniture: the lines of a copied or downloaded page that are not article text
(navigation, share bars, metadata lines, bylines, footers, the list of other articles after the
text), and what metadata lines say (publication date, paper, title)."""
from __future__ import annotations

import re

from ingest.read.dates import parse_date
from ingest.read.units import ends_sentence

# A unit longer than this is never treated as web-page boilerplate, whatever it starts with.
BOILERPLATE_MAX = 160
# Words that mark a metadata line's date as the publication date (发布时间, 日期 …).
PUBLISH_WORDS = re.compile(r"发布|发表|日期|时间|更新")

_META_KEYS = (r"发布时间|发布日期|发表时间|发稿时间|更新时间|上传时间|录入时间|时间|日期|来源|稿源|信息来源|稿件来源|文章来源|新闻来源"
              r"|作者|编辑|责任编辑|责编|本版责编|编审|审核|审校|校对|终审|记者|通讯员|摄影|供稿|发布者|发布人|发布机构|信息提供"
              r"|浏览次数|浏览量|阅读次数|阅读量|点击数|点击量|点击次数|访问次数|访问量|人气|字号|字体|阅读数|索引号|文号|分类"
              r"|阅读|浏览|点击|访问|查看次数|查看"
              # 政府信息公开 pages head the text with a catalogue record (索引号, 标题, 主题词 …)
              r"|信息分类|主题分类|体裁分类|组配分类|生成日期|成文日期|公开日期|标题|主题词|关键词|公开方式|公开范围|公开时限"
              r"|发文机关|发文字号|有效性|信息名称")
_META_LINE = re.compile(rf"^[【\[(（]?\s*(?:{_META_KEYS})\s*[:：]")
_META_ANYWHERE = re.compile(r"(?:^|[\s|｜【\[(（])(?:发布时间|发布日期|发表时间|更新时间|来源|稿源|浏览次数|点击数|阅读次数|责任编辑|字号|字体)\s*[:：]")
# An e-paper page's property line as plain text (温岭日报 要闻 a0001 首批9个小微企业创业园启动 2015-07-22 45664 2
# 2015年07月22日 星期三): the paper, section, page, title, date and ids, never article text.
EPAPER_PROPERTY_LINE = re.compile(r"(?:19|20)\d{2}-\d{1,2}-\d{1,2}(?:\s+\d+)+\s+(?:19|20)\d{2}年\d{1,2}月\d{1,2}日\s*星期[一二三四五六日天]\s*$")
DATE_TIME_LINE = re.compile(r"^\s*(?:(?:19|20)\d{2}[-/.年]\s*\d{1,2}[-/.月]\s*\d{1,2}日?)(?:\s*(?:\d{1,2}[:：]\d{2}(?:[:：]\d{2})?|星期.|周.))*\s*$")
_BREADCRUMB = re.compile(r"^(?:当前位置|您的位置|你的位置|您现在的位置|你现在的位置|您当前的位置|所在位置|现在位置)\s*[:：]?"
                         r"|^(?:首页|主页|网站首页|返回首页|本站首页)\s*(?:>|＞|»|›|→|/|>>|-|\||｜|·)")
_CRUMB_SEP = re.compile(r"\s*(?:>>|>|＞|»|›|→)\s*")
_UI = re.compile(
    r"字体\s*[:：]?\s*[【\[]?\s*大\s*[】\]]?\s*[【\[]?\s*中\s*[】\]]?\s*[【\[]?\s*小|字号\s*[:：]?\s*[【\[]?\s*大|[【\[]\s*大\s*[】\]]\s*[【\[]\s*中\s*[】\]]"
    r"|打印本页|打印此页|打印文章|打印正文|关闭窗口|关闭本页|关闭此页|返回顶部|返回列表|收藏本页|加入收藏|设为首页|分享到|分享至|一键分享"
    r"|扫一扫|在手机(?:上)?打开|手机扫描|微信扫一扫|我要纠错|【纠错】|网站地图|^联系我们|无障碍浏览|无障碍阅读|^无障碍$|登录\s*[|｜/]\s*注册|上一篇|下一篇|上一条|下一条"
    r"|【(?:打印|关闭|返回|收藏|评论)】|^(?:打印|关闭|返回|收藏|评论|分享)$"
    # a comment box's counters (我来说两句 0人参与,0条评论; 0条 [查看全部] 相关评论)
    r"|我来说两句|\d+\s*人参与\s*[,，]?\s*\d+\s*条评论|\[查看全部\]\s*相关评论")
# Words that only a page footer has anywhere in a line, then words that mark a footer only at a line's start
# (主办单位, 技术支持, 地址 also occur in article sentences).
_FOOTER = re.compile(
    r"版权所有|copyright|\(c\)\s*\d{4}|©|all rights reserved|icp备|icp证|icp\s*\d|公网安备|网站标识码|网站识别码"
    r"|违法和不良信息|不良信息举报|转载请注明|本网站所刊登|未经授权.{0,12}(?:转载|复制|使用)|禁止转载|不得转载"
    r"|^[【\[(（]?\s*(?:主办单位|承办单位|协办单位|主办|承办|协办|技术支持|建议使用|建议浏览|最佳浏览|分辨率|备案号|举报电话|举报邮箱"
    r"|(?:联系)?电话|传真|邮编|邮政编码|邮箱|e-?mail|地址|联系地址|通讯地址|网址)\s*[:：]", re.I)
# After these the page lists other articles: nothing below them is the article.
_TAIL = re.compile(r"^(?:[【\[]?\s*)(?:上一篇|下一篇|上一条|下一条|相关新闻|相关阅读|相关文章|相关链接|相关稿件|推荐阅读|延伸阅读|热点新闻|热门文章"
                   r"|热点推荐|新闻推荐|推荐新闻|相关推荐|猜你喜欢|更多新闻|精彩推荐|责任编辑|网友评论|发表评论|打印本页|关闭窗口|分享到"
                   r"|顶一下|踩一下)")  # (顶一下 (0) 0% 踩一下 (0) 0%: a vote box after the article)
_BYLINE = re.compile(r"^[□■●◆▲◎]?\s*(?:本报|本台|本网|本刊)?(?:首席|特约|实习)?(?:记者|通讯员|实习生|评论员|文/|文／|图/|图／|摄影/|文\s*图)"
                     r"\s*[^\s，。,]{1,8}(?:\s*[、,，/\s]\s*[^\s，。,]{1,8}){0,6}\s*[□■●◆▲]?$")
# 河北日报记者陈晓2021年11月05日第07版: a byline with the paper's name before it and the
# dateline and page after it (an e-paper page's header copied with the text).
_PAPER_BYLINE = re.compile(r"^[\u4e00-\u9fff]{2,10}?(?:报|社|台|网)(?:首席|特约|实习)?(?:记者|通讯员)")
_BYLINE_TAIL = re.compile(r"\s*(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|(?:19|20)\d{2}-\d{1,2}-\d{1,2})?"
                          r"\s*(?:第\s*[A-Za-z]?\d{1,3}\s*版)?\s*$")


# An e-paper page's edition line copied with the text: 第A04版:, 第08版：要闻, A3版 经济.
EDITION_LINE = re.compile(r"^(?:第\s*[A-Za-z]?\d{1,3}\s*版|第\s*[一二三四五六七八九十]{1,3}\s*版|[A-Z]\d{1,2}\s*版)"
                          r"\s*[:：]?\s*[\u4e00-\u9fff·]{0,8}\s*$")


def is_byline(text: str) -> bool:
    """A line naming the reporters (本报记者 张三 通讯员 李四), never a heading of the article."""
    t = text.strip()
    if len(t) > 40 or re.search(r"[，。；;！？]", t):
        return False
    tail = _BYLINE_TAIL.search(t)
    t = t[:tail.start()] if tail is not None else t
    m = _PAPER_BYLINE.match(t)
    if m:
        t = "记者" + t[m.end():] if t[m.end() - 2:m.end()] == "记者" else "通讯员" + t[m.end():]
    return bool(t) and len(t) <= 30 and _BYLINE.match(t) is not None


_GENERIC_SOURCES = {"本站", "本网", "原创", "网络", "互联网", "未知", "综合", "网站", "本站原创"}


def is_nav_bar(text: str) -> bool:
    """A row of short menu words: 首页 新闻中心 政务公开 办事服务 互动交流."""
    tokens = [t for t in re.split(r"[\s|｜·•/]+", text) if t]
    if len(tokens) < 4:
        return False
    return all(len(t) <= 6 and not re.search(r"[\d。，,；;：:%]", t) for t in tokens)


def boilerplate(text: str) -> str | None:
    """Why a unit is web-page furniture rather than article text ('meta', 'nav', 'ui', 'footer', 'tail'), or None."""
    t = text.strip()
    if len(t) > BOILERPLATE_MAX:
        return None
    if _BREADCRUMB.search(t) or len(_CRUMB_SEP.findall(t)) >= 2 and len(t) <= 80:
        return "nav"
    if _TAIL.match(t):
        return "tail"
    if _META_LINE.match(t) or (len(t) <= 100 and len(_META_ANYWHERE.findall(t)) >= 1 and not ends_sentence(t)) \
            or DATE_TIME_LINE.match(t) or EDITION_LINE.match(t) or (len(t) <= 200 and EPAPER_PROPERTY_LINE.search(t)):
        return "meta"
    if _UI.search(t):
        return "ui"
    if _FOOTER.search(t):
        return "footer"
    if is_nav_bar(t):
        return "nav"
    return None


TITLE_LINE = re.compile(r"^\s*(?:标题|信息名称)\s*[:：]\s*(\S.{1,79})$")


def paper_from_meta(text: str) -> str | None:
    m = re.search(r"(?:来源|稿源|出处|信息来源|稿件来源|文章来源|新闻来源|发布机构|发文机关)\s*[:：]\s*([^\s|｜/【】\[\]()（）,，;；]+)", text)
    if m and m[1] not in _GENERIC_SOURCES and not parse_date(m[1]):
        return m[1]
    return None
