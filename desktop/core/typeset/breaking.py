"""Break opportunities: UAX #14 tailored for Chinese, kinsoku tables as data.

The tables follow TYPOGRAPHY.md (GB/T 15834—2011, clreq, jlreq classes).
Everything here works on characters; compose.py turns them into boxes.
"""
from __future__ import annotations

import functools
import unicodedata

from . import uax14 as _uax

# ---------------------------------------------------------------- tables
def _chars(*classes) -> str:
    return "".join(chr(cp) for cls in classes for a, b in cls for cp in range(a, b + 1))


# Never at line start (避头).  The Chinese core of TYPOGRAPHY.md (closing brackets and
# quotes, pause and stop marks, interpuncts, connectors, separators, postfixes) ...
NEVER_START_CORE = frozenset(
    "、。，．：；！？‼⁇⁈⁉"          # pause and stop marks
    "”’）》〉」』】〗〕］｝"          # closing brackets and quotes
    "·・‧"                            # interpuncts (间隔号)
    "-–～〜‐‑‒"                       # connectors (连接号), hyphens
    "/／"                             # separators (分隔号)
    "%‰℃°′″"                          # postfixes
    "ˇˉˊˋ˙"                          # bopomofo tone marks stay with their syllable
    ",.:;!?)]}"                       # ASCII forms when they stand in Chinese text
)
# ... tailored onto the UAX #14 classes read from Unicode's data (uax14.py, generated):
# CL CP EX IS NS IN and PO (after a number or not) never start a line; CJ (small kana,
# ー) is treated as NS at the strict level (Banmian's default for body text).
UAX_NEVER_START = frozenset(_chars(_uax.CL, _uax.CP, _uax.EX, _uax.IS, _uax.NS, _uax.IN, _uax.PO))
CJ_CHARS = frozenset(_chars(_uax.CJ))
NEVER_START_LOOSE = NEVER_START_CORE | UAX_NEVER_START
NEVER_START = NEVER_START_LOOSE | CJ_CHARS     # the strict set
# Never at line end (避尾): opening brackets and quotes (and UAX #14 OP), prefixes.
NEVER_END = frozenset("“‘（《〈「『【〖〔［｛([{" "/／" "￥¥$£€#") | frozenset(_chars(_uax.OP))

# Strict level (body text default) adds: no line starts with —— or ……
STRICT_NEVER_START_UNITS = ("——", "……", "⸺", "⸻", "⋯⋯")

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
DASHES = frozenset("—⸺⸻")
ELLIPSES = frozenset("…⋯")


def is_han(ch: str) -> bool:
    o = ord(ch)
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF
            or 0x20000 <= o <= 0x3FFFF or 0x3040 <= o <= 0x30FF or o == 0x3007)


def is_cjk_punct(ch: str) -> bool:
    return ch in FULLWIDTH_PUNCT or 0x3000 <= ord(ch) <= 0x303F or 0xFF00 <= ord(ch) <= 0xFF65 or ch in DASHES or ch in ELLIPSES


def is_cjk(ch: str) -> bool:
    return is_han(ch) or is_cjk_punct(ch)


BOPOMOFO_TONES = frozenset("ˇˉˊˋ˙")


def is_alnum(ch: str) -> bool:
    """Latin letters and digits (half-width): they form unbreakable words."""
    if ch.isascii():
        return ch.isalnum()
    if ch in BOPOMOFO_TONES:
        return False       # modifier letters, but bopomofo's tone marks: no Latin gap before them
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


# ---------------------------------------------------------------- long Latin units
# URLs, e-mail addresses and identifiers may break after these (no hyphen added,
# never before a closing mark); plain English words at a dictionary hyphenation
# point (pyphen's en_US patterns, a hyphen is added); any long unit between two
# characters as the last resort.
BREAK_AFTER = frozenset("/.-_@?&=")
URL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:/?#[]@!$&'()*+,;=%")
_URL_TRAILING = ".,;:!?)]'"
EMERGENCY_MIN_EM = 3.0      # units at least this wide may break between any two characters
HYPHEN_MIN = 5              # shortest word hyphenated


def url_end(text: str, i: int) -> int:
    """End of a URL or e-mail address starting at text[i], or i if none starts there."""
    n = len(text)
    j = i
    while j < n and text[j] in URL_CHARS:
        j += 1
    while j > i and text[j - 1] in _URL_TRAILING:
        j -= 1
    run = text[i:j]
    if "://" in run or run.lower().startswith("www."):
        return j
    at = run.find("@")
    if 0 < at < len(run) - 3 and "." in run[at:] and run[at - 1].isalnum():
        return j
    return i


@functools.lru_cache(maxsize=1)
def _hyphenator():
    import pyphen
    return pyphen.Pyphen(lang="en_US")


@functools.lru_cache(maxsize=4096)
def hyphen_points(word: str) -> tuple[int, ...]:
    """Dictionary hyphenation points of an English word (indices where a new piece starts)."""
    if len(word) < HYPHEN_MIN or not (word.isascii() and word.isalpha()):
        return ()
    return tuple(_hyphenator().positions(word))


def unit_breaks(t: str, width_em: float) -> tuple[tuple[int, str], ...]:
    """Break opportunities inside one unbreakable unit t: ((index, why), ...), why in url/hyphen/emergency."""
    out: dict[int, str] = {}
    letters = any(c.isalpha() for c in t)
    if letters:
        for p in range(1, len(t)):
            a, b = t[p - 1], t[p]
            if a not in BREAK_AFTER or b in NEVER_START or b in BREAK_AFTER:
                continue
            if a in ".-" and not (t[p - 2:p - 1].isalpha() or b.isalpha()) :
                continue        # 5.2  2024-01: numbers keep their separators
            out[p] = "url"
        if t.isascii() and t.isalpha():
            for p in hyphen_points(t):
                out.setdefault(p, "hyphen")
    if width_em >= EMERGENCY_MIN_EM:
        # a code, URL or identifier may break between characters rather than leave a loose line;
        # an English word or a number only rather than overflow
        why = "emergency_word" if (t.isalpha() or not letters) else "emergency"
        for p in range(1, len(t)):
            if p not in out and t[p] not in NEVER_START and t[p - 1] not in NEVER_END:
                out[p] = why
    return tuple(sorted(out.items()))
