"""Block roles for Chinese newspaper copy — a pure function over paragraphs.

`detect_roles(paragraphs, hints=None) -> list[str]` gives one role per
paragraph (roles from `banmian.core.model.BLOCK_ROLES`).  The rules, applied in
this order (a paragraph takes the first that matches):

kicker    the whole line is 【…】 (1–12 characters inside), e.g. 【主席之声】.
note      starts with 小编说 / 编者按 / 编后 / 编辑点评 followed by ： or :.
credit    (never a whole input paragraph: a caption's trailing ``赵利霞 摄`` /
          ``记者 王某 摄`` / ``本报记者 王某 摄`` is split off by `split_credit`).
caption   a paragraph that ends with a photo credit (``… 摄``).
title     a heading-like line directly before a caption (the photo's title).
byline    a short line (≤ 60 chars, no 。！？；) that is either
          organisation/role + space + name (the part before the space ends in
          a role word such as 主席, 书记, 记者, 委员 or contains 、), e.g.
          ``扬州市总工会党组成员、副主席 贾萍``; or a reporter line
          ``本报记者 王某``; or a line ending in 课题组 / 调研组 / 写作组 / 评论员.
list      ``label：item item …`` — a label of ≤ 8 characters before ：/: followed by a
          list of names separated by spaces or 、 (``调研组成员：范文 陈申 …``), or
          contact lines (``投稿邮箱：… 联系电话：…``); no sentence punctuation.
headline  the first heading-like line of the story (after the kicker, before
          any body paragraph); failing that, a heading-like line directly
          above a byline.  Heading-like = 2–40 characters, no 。！？ inside,
          not ending in 。，、；：！？… or their ASCII forms.
subtitle  a heading-like line starting with —— or ── right after the headline,
          or a second heading-like line between the headline and the byline.
subhead   a heading-like line of ≤ 25 characters after the first body
          paragraph and followed by a body paragraph (or a byline/note).
lead      the first body paragraph.
paragraph everything else.

`hints` (same length, None where unknown) fixes a paragraph's role, e.g. a
Word "Heading 1" style.  `ensure_headline(roles)` says where to insert the
empty headline block when the copy has a kicker but no headline (the seed's
article 2): the editor writes it, the importer never invents one.
"""
from __future__ import annotations

import re

__all__ = ["detect_roles", "split_credit", "is_heading_like", "headline_insert_index",
           "CREDIT_RE"]

_NAME = r"[\u4e00-\u9fff·]{2,5}"
CREDIT_RE = re.compile(
    rf"(?:(?:本报)?(?:记者|通讯员|实习生|摄影记者|特约摄影)[ \u3000]*)?{_NAME}(?:[ \u3000、]+{_NAME})*[ \u3000]+摄$")
_KICKER = re.compile(r"^【[^【】]{1,12}】$")
_NOTE = re.compile(r"^(小编说|编者按|编后语?|编辑点评|短评)[:：]")
_ROLE_END = ("主席", "书记", "记者", "通讯员", "委员", "成员", "部长", "局长", "主任", "会长", "社长",
             "总编", "编辑", "院长", "校长", "教授", "经理", "董事长", "处长", "科长", "厅长", "市长",
             "县长", "区长", "镇长", "秘书长", "干事", "代表", "理事长", "研究员", "作者", "馆长", "所长",
             "站长", "队长", "组长", "主编", "常委")
_GROUP_END = ("课题组", "调研组", "写作组", "评论员", "编辑部", "理论组")
_SENT_END = "。，、；：！？…,;:!?."
_LIST_LABEL = re.compile(r"^([\u4e00-\u9fffA-Za-z]{1,8})[:：](.+)$")
_CONTACT = ("邮箱", "电话", "地址", "联系人", "传真", "网址", "邮编", "电子邮件", "热线")


def is_heading_like(p: str, limit: int = 40) -> bool:
    p = p.strip()
    if not (2 <= len(p) <= limit):
        return False
    if re.search(r"[。！？!?]", p[:-1]) or p[-1] in _SENT_END:
        return False
    return True


def split_credit(p: str) -> tuple[str, str] | None:
    """'…资料。赵利霞 摄' → ('…资料。', '赵利霞 摄'); None when there is no credit."""
    p = p.rstrip()
    # the credit follows the caption's last sentence mark (or is the whole line)
    cut = max(p.rfind(c) for c in "。！？；”）")
    tail = p[cut + 1:] if cut >= 0 else p
    m = CREDIT_RE.search(tail)
    if not m or m.start() != len(tail) - len(tail.lstrip()):
        return None
    head = p[:cut + 1] if cut >= 0 else ""
    return head, tail.strip()


def _is_byline(p: str) -> bool:
    p = p.strip()
    if len(p) > 60 or re.search(r"[。！？；;]", p):
        return False
    if p.endswith(_GROUP_END) and len(p) <= 40:
        return True
    if re.match(r"^(本报)?(记者|通讯员|特约记者)[ \u3000]*" + _NAME, p) and len(p) <= 40:
        return True
    m = re.match(rf"^(\S+?)[ \u3000]+({_NAME}(?:[ \u3000]+{_NAME})*)$", p)
    if m and (m.group(1).endswith(_ROLE_END) or "、" in m.group(1)):
        return True
    return False


def _is_list(p: str) -> bool:
    p = p.strip()
    if len(p) > 100 or re.search(r"[。！？]", p):
        return False
    m = _LIST_LABEL.match(p)
    if not m:
        return False
    label, rest = m.group(1), m.group(2).strip()
    if any(k in label for k in _CONTACT):
        return True
    items = [x for x in re.split(r"[ \u3000、，,]+", rest) if x]
    return len(items) >= 2 and all(re.fullmatch(_NAME, x) for x in items)


def detect_roles(paragraphs: list[str], hints: list[str | None] | None = None) -> list[str]:
    n = len(paragraphs)
    hints = list(hints) if hints else [None] * n
    roles: list[str | None] = list(hints)
    ps = [p.strip() for p in paragraphs]
    # fixed-pattern roles first
    for i, p in enumerate(ps):
        if roles[i]:
            continue
        if _KICKER.match(p):
            roles[i] = "kicker"
        elif _NOTE.match(p):
            roles[i] = "note"
        elif split_credit(p) is not None:
            roles[i] = "caption"
        elif _is_byline(p):
            roles[i] = "byline"
        elif _is_list(p):
            roles[i] = "list"
    # photo title: heading-like line right before a caption
    for i in range(n - 1):
        if roles[i] is None and roles[i + 1] == "caption" and is_heading_like(ps[i]) \
                and hints[i + 1] is None:
            roles[i] = "title"
    # head group: headline / subtitle before the first body paragraph
    seen_headline = "headline" in roles
    i = 0
    while i < n:
        r = roles[i]
        if r in ("kicker", "byline", "title", "caption", "subtitle"):
            i += 1
            continue
        if r == "headline":
            seen_headline = True
            i += 1
            continue
        if r is None and is_heading_like(ps[i]):
            if not seen_headline:
                roles[i] = "headline"
                seen_headline = True
            elif ps[i].startswith(("——", "──", "--")) or (i + 1 < n and roles[i + 1] == "byline"):
                roles[i] = "subtitle"
            else:
                break
            i += 1
            continue
        break
    if not seen_headline:   # scrambled copy: a heading-like line directly above a byline
        for i in range(n - 1):
            if roles[i] is None and roles[i + 1] == "byline" and is_heading_like(ps[i]):
                roles[i] = "headline"
                break
    # body: lead, subheads, paragraphs
    lead_done = False
    for i in range(n):
        if roles[i] is not None:
            continue
        p = ps[i]
        nxt = next((roles[j] for j in range(i + 1, n) if ps[j]), "end")
        if lead_done and is_heading_like(p, 25) and nxt in (None, "byline", "note", "list", "end") \
                and nxt != "end":
            roles[i] = "subhead"
        elif not lead_done:
            roles[i] = "lead"
            lead_done = True
        else:
            roles[i] = "paragraph"
    return [r or "paragraph" for r in roles]


def headline_insert_index(roles: list[str]) -> int | None:
    """Where an empty headline block goes when the story has none (after the kicker)."""
    if "headline" in roles:
        return None
    if "kicker" in roles:
        return roles.index("kicker") + 1
    if "lead" in roles and "title" not in roles:
        return roles.index("lead") if roles.index("lead") == 0 else None
    return None
