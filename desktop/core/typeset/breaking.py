"""Break opportunities: UAX #14 tailored for Chinese, kinsoku tables as data.

The tables follow TYPOGRAPHY.md (GB/T 15834—2011, clreq, jlreq classes).
Everything here works on characters; compose.py turns them into boxes.
"""
from __future__ import annotations

import unicodedata

# ---------------------------------------------------------------- tables
# Never at line start (避头).  Closing brackets and quotes, pause and stop
# marks, interpuncts, connectors, separators, postfixes.
NEVER_START = frozenset(
    "、。，．：；！？‼⁇⁈⁉"          # pause and stop marks
    "”’）》〉」』】〗〕］｝"          # closing brackets and quotes
    "·・‧"                            # interpuncts (间隔号)
    "-–～〜"                          # connectors (连接号)
    "/／"                             # separators (分隔号)
    "%‰℃°′″"                          # postfixes
    ",.:;!?)]}"                       # ASCII forms when they stand in Chinese text
    "ー々〻ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"  # small kana, iteration marks
)
# Never at line end (避尾): opening brackets and quotes, prefixes.
NEVER_END = frozenset("“‘（《〈「『【〖〔［｛([{" "/／" "￥¥$£€#")

# Strict level (body text default) adds: no line starts with —— or ……
STRICT_NEVER_START_UNITS = ("——", "……", "⸺", "⋯⋯")

# Punctuation classes for compression (标点挤压). Values: which half is blank.
OPENING = frozenset("“‘（《〈「『【〖〔［｛")               # blank left half
CLOSING = frozenset("”’）》〉」』】〗〕］｝")               # blank right half
PAUSE = frozenset("、，：；")                               # blank right half (comma class)
STOP = frozenset("。．？！")                                # blank right half (full stop class)
INTERPUNCT = frozenset("・‧")                              # ¼ em blank each side
FULLWIDTH_PUNCT = OPENING | CLOSING | PAUSE | STOP | INTERPUNCT
# Marks shared with Latin fonts that must be full width in Chinese text.
SHARED_QUOTES = frozenset("“”‘’")

# ASCII punctuation standing in Chinese text is set as its full-width form.
ASCII_TO_FULLWIDTH = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "!": "！", "?": "？"}

# Inside a Latin/number unit these join alphanumerics when followed by one.
UNIT_JOINERS = frozenset(".,:·@-_/+&'’%‰")
PREFIXES = frozenset("￥¥$£€#")
POSTFIXES = frozenset("%‰℃°′″")
DASHES = frozenset("—⸺")
ELLIPSES = frozenset("…⋯")


def is_han(ch: str) -> bool:
    o = ord(ch)
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF
            or 0x20000 <= o <= 0x3FFFF or 0x3040 <= o <= 0x30FF or o == 0x3007)


def is_cjk_punct(ch: str) -> bool:
    return ch in FULLWIDTH_PUNCT or 0x3000 <= ord(ch) <= 0x303F or 0xFF00 <= ord(ch) <= 0xFF65 or ch in DASHES or ch in ELLIPSES


def is_cjk(ch: str) -> bool:
    return is_han(ch) or is_cjk_punct(ch)


def is_alnum(ch: str) -> bool:
    """Latin letters and digits (half-width): they form unbreakable words."""
    if ch.isascii():
        return ch.isalnum()
    if is_han(ch) or is_cjk_punct(ch):
        return False
    cat = unicodedata.category(ch)
    return cat[0] in "LN" and unicodedata.east_asian_width(ch) not in ("W", "F")


def in_chinese_context(text: str, i: int) -> bool:
    """ASCII punctuation at i stands in Chinese text if a neighbour is Chinese."""
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    ch = text[i]
    if ch in ",.:" and prev.isdigit() and nxt.isdigit():
        return False  # 1,000  4.8  12:30
    if ch == "(":
        return bool(prev and is_cjk(prev)) or bool(nxt and is_cjk(nxt))
    return bool(prev and is_cjk(prev)) or bool(nxt and is_cjk(nxt))


def break_allowed(prev_text: str, next_text: str, *, strict: bool = True) -> bool:
    """May a line break fall between a unit ending in prev_text and one starting next_text?"""
    if not prev_text or not next_text:
        return True
    a = prev_text[-1]
    b = next_text[0]
    if b in NEVER_START or a in NEVER_END:
        return False
    if strict and next_text.startswith(STRICT_NEVER_START_UNITS):
        return False
    if b in DASHES or b in ELLIPSES:
        return not strict
    return True
