"""Web-page chrome around reports copied from news sites: toolbars (下载 打印 全屏 收藏 【字号…】), breadcrumbs,
来源/时间/阅读量 lines and share buttons are dropped from the head and tail; title, byline and date stay.

>>> page = "下载\\n打印\\n【字号：\\n加大\\n】\\n2026年某省政府工作报告\\n来源：某日报\\n时间：2026-02-02\\n"
>>> strip_chrome(page + "各位代表：\\n正文。")
'2026年某省政府工作报告\\n各位代表：\\n正文。'
"""

from __future__ import annotations

import re

HEAD_LINES = 60  # the head (before 各位代表) is searched this far
TITLE = re.compile(r"工作报告$")
TAIL_LINES = 40  # the tail is searched this far back for the end of the report
# Lines after which a copied page holds only furniture and links to other articles.
TAIL_MARK = re.compile(r"^(?:扫一扫在手机打开(?:当前页)?|相关(?:报道|附件|链接|文档|阅读|新闻)(?:[:：]|>>)?|"
                       r"责任编辑[:：].{0,20}|【?打印本页】?|【?关闭窗口】?|分享到[:：]?)$")
# Whole lines that are page furniture, wherever they stand in head or tail.
CHROME_LINE = re.compile(
    r"^(?:下载|打印|全屏|收藏|加大|还原|减小|小|中|大|【|】|\||>|›|»|×|首页|分享|分享[:：]|分享到[:：]?|分享到微信|"
    r"分享到微博|打印本页|关闭窗口|【打印本页】|【关闭窗口】|【打印】|【关闭】|返回顶部|扫一扫在手机打开(?:当前页)?|"
    r"[【\[]?字[号体][:：]?.*|当前位置[:：]?.*|您的位置[:：]?.*|相关文档[:：]?|相关链接[:：]?|》》点击图片进入专题《《|"
    r"(?:来源|发布时间|发表时间|时间|日期|阅读量|浏览次数|访问量|作者|责任编辑|编辑)[:：].{0,30}|"
    r"[（(]来源[:：].{0,30}[）)]|\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?|"
    r"\d{4}年\d{1,2}月\d{1,2}日\s*\d{1,2}[时:：]\d{1,2}分?|相关(?:报道|附件|链接|文档)(?:[:：]|>>)?)$"
)
# A label line whose value sits on the next line (来源：\n宁夏日报客户端).
LABEL_ONLY = re.compile(r"^(?:来源|发布时间|发表时间|时间|日期|阅读量|浏览次数|访问量|作者|责任编辑|编辑)[:：]$")
SALUTATION = re.compile(r"^各位代表")


def _is_chrome(line: str) -> bool:
    """True for a line that is page furniture."""
    return bool(CHROME_LINE.match(line.strip()))


def _head_end(lines: list[str]) -> int:
    """Index of the first body line: the salutation (各位代表), else the first line ending a sentence."""
    for i, line in enumerate(lines[:HEAD_LINES]):
        if SALUTATION.match(line.strip()):
            return i
    for i, line in enumerate(lines[:HEAD_LINES]):
        if re.search(r"[。！？]\s*$", line):
            return i
    return 0


def _clean_head(head: list[str]) -> list[str]:
    """Drop chrome lines, label/value pairs, breadcrumbs before the title and repeated title/byline lines."""
    title_at = next((i for i, line in enumerate(head) if TITLE.search(line.strip()) and len(line.strip()) <= 40),
                    None)
    if title_at is not None and all(len(line.strip()) <= 20 or "记者" in line for line in head[:title_at]):
        head = head[title_at:]  # everything before the title is navigation
    kept: list[str] = []
    seen: set[str] = set()
    after = ""  # "label" after 来源： and the like, "crumb" after a breadcrumb arrow
    for line in head:
        stripped = line.strip()
        if after == "label" and stripped and len(stripped) <= 30 and not TITLE.search(stripped):
            after = ""
            continue
        if after == "crumb" and stripped and len(stripped) <= 12:
            after = ""
            continue
        after = ""
        if LABEL_ONLY.match(stripped):
            after = "label"
            continue
        if stripped in (">", "›", "»", "/"):
            after = "crumb"
            continue
        if _is_chrome(line):
            continue
        if stripped and stripped in seen:
            continue
        if kept and stripped == "政府工作报告" and any("政府工作报告" in k for k in kept):
            continue
        seen.add(stripped)
        kept.append(line)
    return kept


def strip_chrome(text: str) -> str:
    """The text without web-page chrome at its head (before 各位代表) and its tail; the body is untouched."""
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return text
    end = _head_end(lines)
    if end <= first:
        head, body = [], lines
    else:
        head, body = _clean_head(lines[:end]), lines[end:]
    cut = next((i for i in range(max(0, len(body) - TAIL_LINES), len(body)) if TAIL_MARK.match(body[i].strip())),
               None)
    if cut is not None:
        body = body[:cut]
    while body and (not body[-1].strip() or _is_chrome(body[-1])):
        body.pop()
    if not head and not body:
        return text  # nothing but chrome: leave it for the caller to judge
    return "\n".join(head + body)
