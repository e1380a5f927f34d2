"""Normalisation of reporters' copy for Chinese setting (on by default on import).

Every change is reported as a `Change` (source line, column, before → after,
rule) — nothing is rewritten silently.  The rules, in the order they run:

1. ``width``   full-width digits and Latin letters → half-width (０-９ Ａ-Ｚ ａ-ｚ,
               and a full-width ．between two digits).
2. ``dash``    ``--`` (two or more hyphens next to Chinese), a single ``—``, ``―``
               runs, ``－－`` → ``——`` (the Chinese dash is two em dashes).
3. ``ellipsis`` ``...`` (3+ dots next to Chinese), ``。。。``, ``···``, a single or
               tripled ``…``/``⋯`` → ``……``.
4. ``quote``   straight ``"`` and ``'`` → ``“”`` and ``‘’`` by pairing, paragraph by
               paragraph, when the pair or its neighbours are Chinese; an
               apostrophe between two Latin letters (don't) stays; an unpaired
               quote stays and is reported as a warning.
5. ``punct``   ASCII ``, ; : ( ) ! ?`` → ``，；：（）！？`` when a neighbour is a Chinese
               character or Chinese punctuation (parentheses go as a pair).
               Nothing changes inside protected spans: URLs, e-mail addresses,
               phone numbers (025-83279179), numbers with separators (1,000  4.8
               10:30).
6. ``space``   stray spaces (ASCII, U+3000, NBSP, tabs) between two Chinese
               characters are removed, and leading/trailing spaces of a
               paragraph are trimmed.  Meaningful spaces are kept and reported
               as kept (rule ``space-kept``):
                 * in a byline between the title and the name
                   (``副主席 贾萍``, ``记者 王某``);
                 * between names in a list of names (``范文 陈申 陈晓惠``);
                 * before ``摄`` in a photo credit (``赵利霞 摄``);
                 * inside 《…》 titles, which are quoted verbatim
                   (``《争做技术能手 争当巾帼工匠 …》``).
               Spaces between Chinese and Latin/digits are left as they are.

Letters are only ever changed by rule 1 (width), and each such change is
reported.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Change", "normalize_paragraph", "normalize_with_map", "normalize_paragraphs", "is_cjk", "is_han",
           "summarize"]


@dataclass(frozen=True)
class Change:
    """One edit: where (1-based source line and column), what before → after, which rule."""
    line: int
    column: int
    before: str
    after: str
    rule: str
    note: str = ""            # why (for kept spaces: byline, name list, credit, title)

    def __str__(self) -> str:
        if self.rule == "space-kept":
            return f"{self.line}:{self.column}: kept the space in {self.note}"
        return f"{self.line}:{self.column}: {self.rule}: {self.before!r} → {self.after!r}"


# ------------------------------------------------------------------ classes

def is_han(ch: str) -> bool:
    o = ord(ch)
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF
            or 0x20000 <= o <= 0x2FFFF or o == 0x3007)


_CJK_PUNCT = set("，。、；：？！（）《》〈〉「」『』【】〔〕〖〗“”‘’…—·・～￥％")


def is_cjk(ch: str) -> bool:
    """A Chinese character or a Chinese (full-width) punctuation mark."""
    if not ch or ch < "\u00b7":     # ASCII and Latin-1 letters: never
        return False
    o = ord(ch)
    return is_han(ch) or ch in _CJK_PUNCT or 0x3000 < o <= 0x303F or 0xFF01 <= o <= 0xFF0F \
        or 0xFF1A <= o <= 0xFF20 or 0xFF3B <= o <= 0xFF40 or 0xFF5B <= o <= 0xFF65


_SPACES = " \t\u00a0\u3000\u2002\u2003\u2009"

# spans that are never touched by rules 2–6
_PROTECT = re.compile(
    r"(?:https?://|ftp://|www\.)[^\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef()“”‘’]+"  # URLs
    r"|[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+"           # e-mail
    r"|\+?\d{2,4}(?:-\d{3,8}){1,3}"                                      # phone 025-83279179
    r"|\d+(?:[.,:]\d+)+"                                                 # 1,000  4.8  10:30
)


class _Text:
    """Text being rewritten, with each character's original column."""

    def __init__(self, s: str):
        self.s = s
        self.src = list(range(len(s)))

    def replace(self, start: int, end: int, new: str) -> None:
        at = self.src[start] if start < len(self.src) else (self.src[-1] + 1 if self.src else 0)
        self.s = self.s[:start] + new + self.s[end:]
        self.src = self.src[:start] + [at] * len(new) + self.src[end:]

    def col(self, i: int) -> int:
        if i < len(self.src):
            return self.src[i]
        return self.src[-1] + 1 if self.src else 0


_PROTECT_PARTS = (
    (("://", "www."), r"(?:https?://|ftp://|www\.)[^\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef()“”‘’]+"),
    (("@",), r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+"),
    (tuple("0123456789"), r"\+?\d{2,4}(?:-\d{3,8}){1,3}|\d+(?:[.,:]\d+)+"),
)
_PROTECT_CACHE: dict = {}


def _protect_re(s: str):
    """_PROTECT with only the alternatives that can match here: the e-mail pattern alone
    costs a word's length at every position of a long paragraph without an @."""
    key = tuple(any(k in s for k in keys) for keys, _ in _PROTECT_PARTS)
    if key not in _PROTECT_CACHE:
        parts = [pat for on, (_, pat) in zip(key, _PROTECT_PARTS) if on]
        _PROTECT_CACHE[key] = re.compile("|".join(parts)) if parts else None
    return _PROTECT_CACHE[key]


def _protected(s: str) -> list[bool]:
    mask = [False] * len(s)
    rx = _protect_re(s)
    if rx is None:
        return mask
    for m in rx.finditer(s):
        a, b = m.span()
        mask[a:b] = [True] * (b - a)
    return mask


class _LazyMask:
    """The protected mask, computed only when a rule first looks at it."""

    def __init__(self, s: str):
        self.s = s
        self.m = None

    def __getitem__(self, i):
        if self.m is None:
            self.m = _protected(self.s)
        return self.m[i]


def _apply(t: _Text, edits, line: int, rule: str, out: list[Change]) -> None:
    """edits: (start, end, new) on t.s, non-overlapping; applied in one pass over the text
    (linear in its length however many edits there are)."""
    todo = [(a, b, new) for a, b, new in sorted(edits, key=lambda e: e[0]) if t.s[a:b] != new]
    if not todo:
        return
    s, src = t.s, t.src
    pieces: list[str] = []
    cols: list[int] = []
    pos = 0
    for start, end, new in todo:
        pieces.append(s[pos:start])
        cols.extend(src[pos:start])
        at = t.col(start)
        out.append(Change(line, at + 1, s[start:end], new, rule))
        pieces.append(new)
        cols.extend([at] * len(new))
        pos = end
    pieces.append(s[pos:])
    cols.extend(src[pos:])
    t.s = "".join(pieces)
    t.src = cols


# ------------------------------------------------------------------ rules

_WIDE = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")


def _rule_width(s: str):
    edits = []
    for m in _WIDE.finditer(s):
        i = m.start()
        edits.append((i, i + 1, chr(ord(m.group()) - 0xFEE0)))
    # ４．８ → 4.8, Ｂ．盖茨 → B.盖茨: a letter's or digit's punctuation folds with it,
    # so a name or number is never left half full-width, half half-width
    def full_alnum(c):
        o = ord(c)
        return 0xFF10 <= o <= 0xFF19 or 0xFF21 <= o <= 0xFF3A or 0xFF41 <= o <= 0xFF5A

    def digit(c):
        return c.isdigit() or 0xFF10 <= ord(c) <= 0xFF19
    for m in _FOLDABLE.finditer(s):       # only where such a mark is: linear in the copy
        i, ch = m.start(), m.group()
        if i == 0 or not full_alnum(s[i - 1]):
            continue
        nxt = s[i + 1] if i + 1 < len(s) else ""
        if ch == "．" and (digit(s[i - 1]) and digit(nxt) or not digit(s[i - 1])) \
                or ch != "．" and full_alnum(nxt):
            edits.append((i, i + 1, _FOLD_WITH_ALNUM[ch]))
    return edits


# full-width punctuation that belongs to the letters or digits before it (Ｂ．  Ａ－Ｂ  ａ＿ｂ  ｘ＠ｙ)
_FOLD_WITH_ALNUM = {"．": ".", "－": "-", "＿": "_", "＠": "@", "／": "/"}
_FOLDABLE = re.compile("[" + "".join(_FOLD_WITH_ALNUM) + "]")


_DASH = re.compile(r"-{2,}|[—―─]+|－{2,}")
_ELLIPSIS = re.compile(r"\.{3,}|。{3,}|[·・]{3,}|[…⋯]+")


def _near_cjk(s: str, start: int, end: int) -> bool:
    return (start > 0 and is_cjk(s[start - 1])) or (end < len(s) and is_cjk(s[end]))


_NAMING_OPEN = "[［【（(“‘「『《〈\"'"
_NAMING_CLOSE = "]］】）)”’」』》〉\"'"


def _chinese_mark(s: str, start: int, end: int) -> bool:
    """Does the mark at s[start:end] stand in Chinese text as a Chinese dash or ellipsis?

    Not between digits or Latin (GB/T 15834—2011, 1…9), not a character named inside
    brackets or quotes ([—] “…”): only with Chinese next to it and no letter or digit."""
    prev = s[start - 1] if start > 0 else ""
    nxt = s[end] if end < len(s) else ""
    if prev and nxt and prev in _NAMING_OPEN and nxt in _NAMING_CLOSE:
        return False
    if (prev.isascii() and prev.isalnum()) or (nxt.isascii() and nxt.isalnum()):
        return False
    return not prev or not nxt or _near_cjk(s, start, end)


def _rule_dash(s: str, mask):
    edits = []
    if not any(c in s for c in "-—―─－"):
        return edits
    for m in _DASH.finditer(s):
        if any(mask[m.start():m.end()]):
            continue
        txt = m.group()
        if txt == "——":
            continue
        if txt[0] == "-" and not _near_cjk(s, m.start(), m.end()):
            continue
        if txt[0] == "─" and len(txt) < 2:
            continue
        if not _chinese_mark(s, m.start(), m.end()):
            continue
        edits.append((m.start(), m.end(), "——"))
    return edits


def _rule_ellipsis(s: str, mask):
    edits = []
    if "..." not in s and "。。。" not in s and not any(c in s for c in "·・…⋯"):
        return edits
    for m in _ELLIPSIS.finditer(s):
        if any(mask[m.start():m.end()]):
            continue
        txt = m.group()
        if txt[0] in "…⋯":
            if txt in ("……", "…………"):
                continue
        elif txt[0] == "." and not _near_cjk(s, m.start(), m.end()):
            continue
        if not _chinese_mark(s, m.start(), m.end()):
            continue
        edits.append((m.start(), m.end(), "……"))
    return edits


_FULL = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"}
_PARENS = re.compile(r"[()]")
_HALF = re.compile("[,;:!?()](?=[^\\x00-\\xb6])|(?<=[^\\x00-\\xb6])[,;:!?()]")   # next to a maybe-CJK char


def _rule_punct(s: str, mask):
    edits = {}
    # parentheses as pairs
    stack = []
    pairs = []
    for m in _PARENS.finditer(s):
        i, ch = m.start(), m.group()
        if mask[i]:
            continue
        if ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            pairs.append((stack.pop(), i))
    paired = set()
    for a, b in pairs:
        paired.update((a, b))
        if _near_cjk(s, a, a + 1) or _near_cjk(s, b, b + 1):
            edits[a] = "（"
            edits[b] = "）"
    for m in _HALF.finditer(s):
        i, ch = m.start(), m.group()
        if mask[i] or i in paired:
            continue
        prev = s[i - 1] if i > 0 else ""
        nxt = s[i + 1] if i + 1 < len(s) else ""
        if ch == ":" and s[i + 1:i + 3] == "//":
            continue
        if is_cjk(prev) or is_cjk(nxt):
            edits[i] = _FULL[ch]
    return [(i, i + 1, v) for i, v in edits.items()]


def _rule_quotes(s: str, mask, warnings: list[str], line: int):
    edits = []
    for q, (op, cl) in (('"', ("“", "”")), ("'", ("‘", "’"))):
        idx = []
        i = s.find(q)
        while i != -1:
            at, i = i, s.find(q, i + 1)
            if mask[at]:
                continue
            if q == "'" and 0 < at < len(s) - 1 and s[at - 1].isascii() and s[at - 1].isalpha() \
                    and s[at + 1].isascii() and s[at + 1].isalpha():
                continue          # an apostrophe: don't, it's
            idx.append(at)
        for k in range(0, len(idx) - 1, 2):
            a, b = idx[k], idx[k + 1]
            inner = s[a + 1:b]
            if any(is_cjk(c) for c in inner) or _near_cjk(s, a, a + 1) or _near_cjk(s, b, b + 1):
                edits.append((a, a + 1, op))
                edits.append((b, b + 1, cl))
        if len(idx) % 2:
            warnings.append(f"line {line}: an unpaired {q} at column {idx[-1] + 1} left as it is")
    return edits


_ROLE_END = ("主席", "书记", "记者", "通讯员", "委员", "成员", "部长", "局长", "主任", "会长", "社长",
             "总编", "编辑", "院长", "校长", "教授", "经理", "董事长", "处长", "科长", "厅长", "市长",
             "县长", "区长", "镇长", "秘书长", "干事", "代表", "理事长", "研究员", "作者", "馆长", "所长",
             "站长", "队长", "组长", "主编", "撰稿", "实习生", "特约记者", "摄影", "副主席", "常委")
_NAME = r"[\u4e00-\u9fff·]{2,5}"
_NAME_LIST = re.compile(rf"^{_NAME}(?:[ \u3000]+{_NAME}){{2,}}$")


_TITLE_OR_SPACE = re.compile("[《》" + _SPACES + "]")
# a whole run of spaces with a character that may be CJK (not ASCII/Latin-1, not a space) on
# both sides — the only runs rule 6 can touch; ASCII-only stretches are skipped at C speed
_MAYBE_CJK = "[^\x00-\xb6" + _SPACES + "]"
_SPACE_RUN = re.compile("(?<=" + _MAYBE_CJK + ")[" + _SPACES + "]+(?=" + _MAYBE_CJK + ")")


def _kept_spaces(s: str) -> dict[int, str]:
    """Indices of spaces that carry meaning → why (see the module docstring)."""
    keep: dict[int, str] = {}
    n = len(s)
    # inside 《…》
    depth = 0
    for m in (_TITLE_OR_SPACE.finditer(s) if "《" in s else ()):
        i, ch = m.start(), m.group()
        if ch == "《":
            depth += 1
        elif ch == "》":
            depth = max(0, depth - 1)
        elif depth:
            keep.setdefault(i, "a 《》 title")
    # before 摄 in a credit: "赵利霞 摄", "记者 王某 摄"
    for m in (re.finditer(rf"(?:(?:本报)?(?:记者|通讯员|实习生)[ \u3000]+)?{_NAME}(?:[ \u3000]+{_NAME})*[ \u3000]+摄(?=$|[\s）)])", s)
              if "摄" in s else ()):
        for i in range(m.start(), m.end()):
            if s[i] in _SPACES:
                keep.setdefault(i, "a photo credit")
    stripped = s.strip(_SPACES)
    short = len(stripped) <= 60 and not re.search(r"[。！？；]", stripped)
    if short:
        # a byline: title/organisation + space + name(s)
        m = re.match(rf"^(\S+?)([ \u3000]+)({_NAME}(?:[ \u3000]+{_NAME})*)[ \u3000]*$", stripped)
        if m and (m.group(1).endswith(_ROLE_END) or "、" in m.group(1)
                  or re.match(r"^(本报)?(记者|通讯员)", m.group(1))):
            off = s.index(stripped)
            for i in range(off + m.start(2), off + len(stripped)):
                if s[i] in _SPACES:
                    keep.setdefault(i, "a byline")
        # a list of names, possibly after a label: "调研组成员：范文 陈申 陈晓惠"
        body = re.split(r"[:：]", stripped, maxsplit=1)[-1]
        if _NAME_LIST.match(body.strip(_SPACES)):
            off = s.index(body) if body in s else 0
            for i in range(off, off + len(body)):
                if s[i] in _SPACES:
                    keep.setdefault(i, "a list of names")
        # reporter line: "本报记者 王某 通讯员 李某"
        if re.match(r"^(本报)?(记者|通讯员)", stripped):
            off = s.index(stripped)
            for i in range(off, off + len(stripped)):
                if s[i] in _SPACES:
                    keep.setdefault(i, "a reporters' byline")
    return keep


def _rule_space(s: str, line: int, out: list[Change]):
    edits = []
    # trim the paragraph
    lead = len(s) - len(s.lstrip(_SPACES))
    trail = len(s) - len(s.rstrip(_SPACES))
    if lead:
        edits.append((0, lead, ""))
    if trail and trail < len(s):
        edits.append((len(s) - trail, len(s), ""))
    keep = _kept_spaces(s)
    end = len(s) - trail
    for m in _SPACE_RUN.finditer(s, lead, end):
        i, j = m.span()
        prev = s[i - 1] if i > 0 else ""
        nxt = s[j] if j < len(s) else ""
        if is_cjk(prev) and is_cjk(nxt):
            why = next((keep[k] for k in range(i, j) if k in keep), None)
            if why:
                ctx = s[max(0, i - 3):min(len(s), j + 3)]
                out.append(Change(line, i + 1, ctx, ctx, "space-kept", why))
                if j - i > 1 or s[i] != " ":   # collapse to one ordinary space
                    edits.append((i, j, " "))
            else:
                edits.append((i, j, ""))
    return edits


def normalize_paragraph(text: str, line: int = 1) -> tuple[str, list[Change], list[str]]:
    """Normalise one paragraph; columns in the report refer to `text` (1-based)."""
    s, changes, warnings, _src = normalize_with_map(text, line)
    return s, changes, warnings


def normalize_with_map(text: str, line: int = 1):
    """As `normalize_paragraph`, plus for each output character the index of the
    input character it came from (so inline styles survive normalisation)."""
    t = _Text(text)
    changes: list[Change] = []
    warnings: list[str] = []
    _apply(t, _rule_width(t.s), line, "width", changes)
    _apply(t, _rule_dash(t.s, _LazyMask(t.s)), line, "dash", changes)
    _apply(t, _rule_ellipsis(t.s, _LazyMask(t.s)), line, "ellipsis", changes)
    _apply(t, _rule_quotes(t.s, _protected(t.s), warnings, line), line, "quote", changes)
    _apply(t, _rule_punct(t.s, _protected(t.s)), line, "punct", changes)
    kept: list[Change] = []
    sp = _rule_space(t.s, line, kept)
    for c in kept:   # map the kept-space columns back to the source
        changes.append(Change(c.line, t.col(c.column - 1) + 1, c.before, c.after, c.rule, c.note))
    _apply(t, sp, line, "space", changes)
    changes.sort(key=lambda c: (c.line, c.column))
    return t.s, changes, warnings, list(t.src)


def normalize_paragraphs(paragraphs: list[tuple[int, str]]):
    """[(source line, text)] → ([text], [Change], [warning])."""
    texts, changes, warnings = [], [], []
    for line, p in paragraphs:
        s, c, w = normalize_paragraph(p, line)
        texts.append(s)
        changes.extend(c)
        warnings.extend(w)
    return texts, changes, warnings


def summarize(changes: list[Change]) -> dict[str, int]:
    """Counts per rule, e.g. {"punct": 208, "space": 2, "space-kept": 9}."""
    out: dict[str, int] = {}
    for c in changes:
        out[c.rule] = out.get(c.rule, 0) + 1
    return out
