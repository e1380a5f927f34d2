"""Find and replace across a document's stories, and 字数统计 (word count).  No Qt here.

Matching
--------
A search runs over ``story.text`` (blocks joined by one newline).  Two options fold characters
*for matching only*; the matches are spans of the original text, and a replacement replaces
exactly those characters:

* ``widths`` (全角/半角): a character whose Unicode decomposition is a ``<wide>`` or ``<narrow>``
  form is folded through NFKC — ｂ matches b, ，matches ,, （ matches (, the ideographic space
  matches a space, ｶ matches カ.  Only width forms fold: ① and 1, ㎡ and m2 stay different.
* ``case``: when False, letters match whatever their case (``str.casefold`` per character).

Each character is folded on its own, so a match always begins and ends on a character of the
original text; a match that would begin or end inside a folded character (one character that
folds to several) is skipped.

Word count (字数统计)
--------------------
The count Chinese newsrooms use (and Word's 字数):

* every Han character counts 1 (also 〇, kana and hangul syllables);
* every punctuation mark or symbol counts 1 — full-width （，。“”、） and ASCII alike, each
  character of —— and …… on its own;
* a run of Latin letters and digits is one word: ``COVID-19``, ``3.5``, ``1,000``, ``5G``,
  ``e-mail``, ``www.jsgrb.com`` count 1 each (full-width ｂ and １ are letters and digits too);
* spaces, line ends and forced line breaks do not count.

``字数`` is the sum; the parts are reported too.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .commands import Command, Compound, ReplaceText, run_format_at

# ------------------------------------------------------------------ folding


def fold_char(ch: str, widths: bool = True, case: bool = True) -> str:
    """What ``ch`` is compared as."""
    if widths and unicodedata.decomposition(ch).startswith(("<wide>", "<narrow>")):
        ch = unicodedata.normalize("NFKC", ch)
    if not case:
        ch = ch.casefold()
    return ch


def fold(text: str, widths: bool = True, case: bool = True) -> tuple[str, list[int]]:
    """(folded text, starts): ``starts[i]`` is where original character i begins in the folded
    text; ``starts[len(text)]`` is its length."""
    parts, starts, n = [], [], 0
    for ch in text:
        starts.append(n)
        f = fold_char(ch, widths, case)
        parts.append(f)
        n += len(f)
    starts.append(n)
    return "".join(parts), starts


def find_all(text: str, needle: str, *, widths: bool = True, case: bool = True) -> list[tuple[int, int]]:
    """Non-overlapping matches of ``needle`` in ``text``, left to right: [(start, end)] in ``text``."""
    if not needle:
        return []
    if not widths and case:
        out, i = [], text.find(needle)
        while i >= 0:
            out.append((i, i + len(needle)))
            i = text.find(needle, i + len(needle))
        return out
    ftext, starts = fold(text, widths, case)
    fneedle, _ = fold(needle, widths, case)
    if not fneedle:
        return []
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    for i, s in enumerate(starts):
        first.setdefault(s, i)
        last[s] = i
    out = []
    a = ftext.find(fneedle)
    while a >= 0:
        b = a + len(fneedle)
        if a in first and b in last and last[b] > first[a]:
            out.append((first[a], last[b]))
            a = ftext.find(fneedle, b)
        else:
            a = ftext.find(fneedle, a + 1)
    return out


# ------------------------------------------------------------------ the document


@dataclass(frozen=True)
class Match:
    story: str
    start: int     # index into story.text
    end: int

    @property
    def length(self) -> int:
        return self.end - self.start


def find_in_document(doc, needle: str, *, widths: bool = True, case: bool = True,
                     stories=None) -> list[Match]:
    """Every match in the stories ``stories`` (ids; None: all of the document's, in its order)."""
    ids = [s.id for s in doc.stories] if stories is None else list(stories)
    out = []
    for sid in ids:
        st = doc.story(sid)
        if st is None:
            continue
        out += [Match(sid, a, b) for a, b in find_all(st.text, needle, widths=widths, case=case)]
    return out


def next_match(doc, matches: list[Match], story: str | None, pos: int) -> Match | None:
    """The first match at or after ``pos`` in ``story`` (then the stories after it in document
    order), wrapping round to the first match of all."""
    if not matches:
        return None
    order = {s.id: i for i, s in enumerate(doc.stories)}
    here = (order.get(story, -1), pos)
    for m in sorted(matches, key=lambda m: (order.get(m.story, 1 << 30), m.start)):
        if (order.get(m.story, 1 << 30), m.start) >= here:
            return m
    return min(matches, key=lambda m: (order.get(m.story, 1 << 30), m.start))


def matches_at(doc, m: Match, needle: str, *, widths: bool = True, case: bool = True) -> bool:
    """Whether ``m`` still covers a match of ``needle`` (the text may have changed since)."""
    st = doc.story(m.story)
    if st is None or m.end > len(st.text):
        return False
    return find_all(st.text[m.start:m.end], needle, widths=widths, case=case) == [(0, m.length)]


def _replace(doc, m: Match, replacement: str) -> ReplaceText:
    st = doc.story(m.story)
    # the replacement takes the format of the first character it replaces
    fmt = run_format_at(st, m.start + 1) if m.end > m.start else None
    return ReplaceText(m.story, m.start, m.end, replacement, fmt=fmt, label="替换")


def replace_command(doc, m: Match, replacement: str) -> Command:
    """One match replaced, as one undo step (never merged with typing)."""
    return Compound([_replace(doc, m, replacement)], text="替换")


def replace_all_command(doc, matches: list[Match], replacement: str) -> Command | None:
    """Every match replaced, as one undo step; None when there is nothing to replace.
    Within a story the matches are replaced from the last to the first, so each one's
    indices still hold when it is done."""
    if not matches:
        return None
    cmds = [_replace(doc, m, replacement)
            for m in sorted(matches, key=lambda m: (m.story, m.start), reverse=True)]
    return Compound(cmds, text=f"全部替换（{len(matches)} 处）")


# ------------------------------------------------------------------ 字数统计

_L = r"0-9A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A"
WORD_PATTERN = rf"[{_L}]+(?:[.,'’\-_/@:&+·][{_L}]+)*"
_WORD_RE = None


def _word_re():
    global _WORD_RE
    if _WORD_RE is None:      # compiled on first use: not at the editor's start
        _WORD_RE = re.compile(WORD_PATTERN)
    return _WORD_RE


def _is_han(o: int) -> bool:
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x3FFFF or 0xF900 <= o <= 0xFAFF
            or o == 0x3007 or 0x3040 <= o <= 0x30FF or 0xAC00 <= o <= 0xD7AF or 0x1100 <= o <= 0x11FF
            or 0x2E80 <= o <= 0x2FDF or 0x31F0 <= o <= 0x31FF)


@dataclass(frozen=True)
class WordCount:
    han: int = 0          # Han characters (and kana, hangul)
    punct: int = 0        # punctuation marks and symbols, one each
    words: int = 0        # Latin words and numbers, one each
    other: int = 0        # letters of other scripts, one each
    chars: int = 0        # every character but spaces and line ends
    paragraphs: int = 0   # non-empty paragraphs

    @property
    def total(self) -> int:
        """字数: Han characters + punctuation + words and numbers + other letters."""
        return self.han + self.punct + self.words + self.other

    def __add__(self, o: "WordCount") -> "WordCount":
        return WordCount(self.han + o.han, self.punct + o.punct, self.words + o.words, self.other + o.other,
                         self.chars + o.chars, self.paragraphs + o.paragraphs)


def count_words(text: str) -> WordCount:
    """The newsroom count of ``text`` (see the module docstring)."""
    han = punct = other = chars = 0
    words = 0
    spans = [(m.start(), m.end()) for m in _word_re().finditer(text)]
    in_word = bytearray(len(text))
    for a, b in spans:
        in_word[a:b] = b"\x01" * (b - a)
    words = len(spans)
    for i, ch in enumerate(text):
        if ch.isspace():
            continue
        cat = unicodedata.category(ch)
        if cat in ("Cf", "Cc"):
            continue          # soft hyphens, joiners: not characters of the copy
        chars += 1
        if in_word[i]:
            continue
        o = ord(ch)
        if _is_han(o):
            han += 1
        elif cat[0] in "PS" or cat == "No":
            punct += 1
        else:
            other += 1
    paragraphs = sum(1 for p in re.split(r"\n", text) if p.strip())
    return WordCount(han, punct, words, other, chars, paragraphs)


def page_text(doc, result, page_index: int) -> str:
    """The copy the page shows: the text of every story range its frames hold (the 报眉 and
    frames on the pasteboard not included), frames in the page's order, one per line."""
    from .preflight import on_pasteboard
    if page_index >= len(result.pages) or page_index >= len(doc.pages):
        return ""
    page = doc.pages[page_index]
    order = {f.id: k for k, f in enumerate(page.frames)}
    parts = []
    for fl in sorted(result.pages[page_index].frames, key=lambda fl: order.get(fl.frame, 1 << 30)):
        f = page.frame(fl.frame)
        st = doc.story(fl.story)
        if f is None or st is None or on_pasteboard(page, f):
            continue
        parts.append(st.text[fl.first_char:fl.end_char])
    return "\n".join(parts)


__all__ = ["fold", "fold_char", "find_all", "Match", "find_in_document", "next_match", "matches_at",
           "replace_command", "replace_all_command", "WordCount", "count_words", "page_text"]
