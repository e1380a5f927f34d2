"""The typographic checks of TYPOGRAPHY.md, run over a finished layout.

Each check counts problems with locations (page, frame, line).  They read
only the display list and its line records — the same thing the painters
draw — so what passes here is what prints.
"""
from __future__ import annotations

import struct
import sys
from dataclasses import dataclass, field

from ..model.document import TextFrame
from .breaking import (
    ASCII_TO_FULLWIDTH, DASHES, ELLIPSES, NEVER_END, NEVER_START, POSTFIXES, PREFIXES,
    STRICT_NEVER_START_UNITS, UNIT_JOINERS, OPENING, BREAK_AFTER, URL_CHARS, is_alnum, is_han, url_end,
)
from .flow import ASCENT
from .result import ROTATED, TCY, GlyphRun

TOL = 0.01          # pt
BODY_ROLES = ("paragraph", "lead", "note", "list")
CHECKS = ("integrity", "prohibitions", "split_units", "overflow", "justification", "loose_lines",
          "orphans", "indent", "scaling", "grid", "overlaps")
SOFT_HYPHEN = "\u00ad"   # drawn at the end of a hyphenated word's line; not in the copy
OVERLAP_TOL = 0.02        # em: ink of one glyph reaching into the next one's ink
# What a drawn character may stand for in the source (full-width substitution, dash glyph).
_SUBST = {v: k for k, v in ASCII_TO_FULLWIDTH.items()}
_SUBST["\u2015"] = "\u2014"


@dataclass
class Problem:
    check: str
    page: int
    frame: str
    line: int
    detail: str

    def __str__(self):
        return f"{self.check}: page {self.page + 1}, frame {self.frame}, line {self.line + 1}: {self.detail}"


@dataclass
class CheckReport:
    problems: list = field(default_factory=list)
    lines: int = 0

    def count(self, check: str) -> int:
        return sum(1 for p in self.problems if p.check == check)

    def counts(self) -> dict:
        return {c: self.count(c) for c in CHECKS}

    def table(self) -> str:
        rows = [f"{'check':<14} {'count':>6}"]
        for c in CHECKS:
            n = self.count(c)
            extra = f"  ({100.0 * n / self.lines:.2f} % of {self.lines} lines)" if c == "loose_lines" and self.lines else ""
            rows.append(f"{c:<14} {n:>6}{extra}")
        return "\n".join(rows)


def run_checks(doc, result, fonts=None) -> CheckReport:
    if fonts is None:
        from .fonts import default_registry
        fonts = default_registry()
    rep = CheckReport()
    master_stories = {f.story for m in doc.masters for f in m.frames if isinstance(f, TextFrame) and f.story}
    _integrity(doc, result, rep, master_stories)
    story_texts = {s.id: s.text for s in doc.stories}      # once, not once per page
    for page in result.pages:
        per_frame_line: dict = {}
        prev_line_text = {}
        for info in page.lines:
            if info.story in master_stories:
                continue
            n = per_frame_line.get(info.frame, 0)
            per_frame_line[info.frame] = n + 1
            rep.lines += 1
            runs = page.line_runs(info)
            # per glyph, along the line (x of a horizontal line, page y down a vertical one):
            # (ch, start, advance, lcut, width, size, font, gid, hscale, source index, run, i)
            glyphs = []
            for r in runs:
                along = r.along if r.orient else None
                for i, ch in enumerate(r.text):
                    x, adv = along(i) if along else (r.xs[i], r.advances[i])
                    glyphs.append((ch, x, adv, r.lcuts[i] if r.lcuts else 0.0,
                                   r.widths[i] if r.widths else r.advances[i], r.size, r.font, r.glyphs[i],
                                   r.hscale, r.start + r.offsets[i], r, i))
            glyphs.sort(key=lambda g: (g[1] + g[3], g[9]))
            loc = (page.index, info.frame, n)
            text = "".join(g[0] for g in glyphs)
            # prohibitions
            if text:
                if text[0] in NEVER_START or text.startswith(STRICT_NEVER_START_UNITS) or text.startswith("\u2015\u2015"):
                    rep.problems.append(Problem("prohibitions", *loc, f"line starts with {text[0]!r}: {text}"))
                if text[-1] in NEVER_END and not info.last and not _url_slash(text):
                    rep.problems.append(Problem("prohibitions", *loc, f"line ends with {text[-1]!r}: {text}"))
            # split units (a break inside ——, ……, a number, a Latin word, prefix/postfix + number)
            key = (info.story, info.frame)
            prev = prev_line_text.get(info.story)
            if prev is not None and not info.first and text and prev:
                a, b = prev[-1], text[0]
                story_text = story_texts.get(info.story, "")
                if _split(prev, text) and not _legal_in_copy(story_text, info.start):
                    rep.problems.append(Problem("split_units", *loc, f"break between {a!r} and {b!r}"))
            prev_line_text[info.story] = text
            del key
            # overflow, scaling, loose lines
            for ch, x, adv, lcut, width, size, font, gid, hscale, _src, r, i in glyphs:
                x0 = x + lcut
                x1 = x0 + width
                if x0 < info.x0 - TOL or x1 > info.x1 + TOL:
                    rep.problems.append(Problem("overflow", *loc, f"{ch!r} at {x0:.2f}–{x1:.2f} outside {info.x0:.2f}–{info.x1:.2f}"))
                face = fonts.face(font)
                adv = r.advances[i]        # as drawn (a vertical run's along-advance may be its vmtx em)
                natural = face.advances[gid] * size if gid < len(face.advances) else adv
                if hscale != 1.0 or abs(natural - adv) > 1e-6:
                    rep.problems.append(Problem("scaling", *loc, f"{ch!r} drawn {adv:.3f} pt wide, font says {natural:.3f}"))
            # overlaps: a glyph's ink reaching into its neighbour's (a glyph wider than its slot)
            prev_ink = None
            for ch, x, adv, lcut, width, size, font, gid, hscale, _src, r, i in glyphs:
                ink = _ink_along(fonts, r, i)
                if ink is None:
                    continue
                x0, x1 = ink
                if r.orient == TCY and i and prev_ink is not None and prev_ink[3] is r and r.ys[i] == r.ys[i - 1]:
                    # the second digit of a 纵中横 number: beside the first, across the line
                    prev_ink = (min(prev_ink[0], x0), max(prev_ink[1], x1), prev_ink[2], r)
                    continue
                if prev_ink is not None and prev_ink[1] > x0 + OVERLAP_TOL * size:
                    rep.problems.append(Problem("overlaps", *loc, f"{prev_ink[2]!r} ({prev_ink[1]:.2f}) over {ch!r} ({x0:.2f})"))
                if prev_ink is None or x1 > prev_ink[1]:
                    prev_ink = (x0, x1, ch, r)
            for i in range(len(glyphs) - 1):
                g1, g2 = glyphs[i], glyphs[i + 1]
                if is_han(g1[0]) and is_han(g2[0]) and g2[9] == g1[9] + 1:   # a space in the copy is no gap
                    gap = g2[1] - (g1[1] + g1[2])
                    if gap > 0.25 * g1[5] + TOL:
                        rep.problems.append(Problem("loose_lines", *loc, f"{gap:.2f} pt between {g1[0]}{g2[0]}"))
                        break
            # justification
            if info.justify and not info.last and abs(info.set_x1 - info.x1) > TOL:
                rep.problems.append(Problem("justification", *loc, f"line ends at {info.set_x1:.3f}, measure {info.x1:.3f}: {text}"))
            if info.orphan:
                rep.problems.append(Problem("orphans", *loc, f"last line {text!r}"))
            # indent
            if info.first and info.role in BODY_ROLES and info.indent > 0 and glyphs:
                size = glyphs[0][5]
                want = 2.0 * size - (0.5 * size if glyphs[0][0] in OPENING else 0.0)
                got = info.set_x0 - info.x0
                if abs(got - want) > TOL:
                    rep.problems.append(Problem("indent", *loc, f"first-line indent {got / size:.2f} em, want {want / size:.2f} em"))
            # grid
            if info.grid and page.grid_pitch:
                size = glyphs[0][5] if glyphs else page.body_size
                # the engine centres a grid line's em box in its cell (flow.ASCENT)
                off = info.baseline - page.grid_origin - (page.grid_pitch - size) / 2 - ASCENT * size
                r = off % page.grid_pitch
                if min(r, page.grid_pitch - r) > TOL:
                    rep.problems.append(Problem("grid", *loc, f"baseline {info.baseline:.2f} off the grid by {r:.2f} pt"))
    return rep


def _legal_in_copy(text: str, at: int) -> bool:
    """Is a line break before story character ``at`` legal by the copy itself: at a space
    (between two Latin words), or anywhere inside a URL / e-mail address (which may break
    after / . - _ @ ? & =, and between characters as the last resort)?"""
    if not text or at <= 0 or at > len(text):
        return False
    if text[at - 1] in " \t\u00a0\u3000\u2028":
        return True
    i = at
    while i > 0 and text[i - 1] in URL_CHARS and at - i < 400:
        i -= 1
    while i < at:
        if url_end(text, i) > at:
            return True
        # a URL may start later in the run (after a word): try each start of a token
        j = i + 1
        while j < at and text[j - 1].isalnum():
            j += 1
        i = j
    return False


def _in_url(prev: str, text: str) -> bool:
    """Do the end of prev and the start of text form one URL or e-mail address?"""
    i = len(prev)
    while i > 0 and prev[i - 1] in URL_CHARS:
        i -= 1
    j = 0
    while j < len(text) and text[j] in URL_CHARS:
        j += 1
    token = prev[i:] + text[:j]
    return i < len(prev) and j > 0 and url_end(token, 0) >= len(prev) - i + 1


def _url_slash(text: str) -> bool:
    """A line ending in the / of a URL or path (ASCII before it): a legal break."""
    return text[-1] == "/" and len(text) > 1 and text[-2].isascii() and not text[-2].isspace()


_INK: dict = {}
_UNSEEN = object()


def _ink_along(fonts, r, i: int):
    """(start, end) in pt of glyph i's ink along its line, None for a blank glyph: its x extent
    on a horizontal line and a rotated glyph's; an upright glyph's page-y extent in a vertical one."""
    box = _INK.get((r.font, r.glyphs[i]), _UNSEEN)
    if box is _UNSEEN:
        box = _ink(fonts, r.font, r.glyphs[i])
    if box is None:
        return None
    size = r.size
    if not r.orient:
        x = r.xs[i]
        return x + box[0] * size, x + box[1] * size
    y = r.ys[i]
    if r.orient == ROTATED:
        return y + box[0] * size, y + box[1] * size
    return y - box[3] * size, y - box[2] * size


def _ink(fonts, font_id: str, gid: int):
    """(xMin, xMax, yMin, yMax) of a glyph's outline in em, None for a blank glyph.

    Read from the raw glyf/loca tables (each glyph's header holds its bounding box):
    parsing the font with fontTools' glyph order would take seconds for 30 000 glyphs."""
    key = (font_id, gid)
    if key in _INK:
        return _INK[key]
    tab = _INK.get(font_id)
    if tab is None:
        tab = _INK[font_id] = _ink_tables(fonts.face(font_id).path)
    v = None
    if tab is not None:
        loca, glyf, upem = tab
        if gid + 1 < len(loca):
            a, b = loca[gid], loca[gid + 1]
            if b - a >= 10:
                n, x0, y0, x1, y1 = struct.unpack_from(">hhhhh", glyf, a)
                if n != 0:
                    v = (x0 / upem, x1 / upem, y0 / upem, y1 / upem)
    _INK[key] = v
    return v


def _ink_tables(path):
    from array import array
    from fontTools.ttLib import TTFont
    with TTFont(str(path), lazy=True) as tt:
        if "glyf" not in tt.reader.keys():
            return None            # CFF outlines: no overlap check (the bundled faces are TrueType)
        upem = tt["head"].unitsPerEm
        long_fmt = tt["head"].indexToLocFormat == 1
        raw = tt.reader["loca"]
        glyf = tt.reader["glyf"]
    loca = array("I" if long_fmt else "H")
    loca.frombytes(raw)
    if sys.byteorder == "little":
        loca.byteswap()
    if not long_fmt:
        loca = [2 * x for x in loca]
    return loca, glyf, upem


def _split(prev: str, text: str) -> bool:
    """Is the break between a line ending in prev and one starting with text inside a unit?"""
    a, b = prev[-1], text[0]
    if a == SOFT_HYPHEN:
        return False            # a hyphenated word (dictionary point, hyphen drawn)
    if _in_url(prev, text):
        return False            # a URL or e-mail address may break anywhere (after / . - _ @ ? & = first)
    if a in BREAK_AFTER and b.isascii() and b.isalnum():
        # URL, e-mail, identifier: after / . - _ @ ? & = — but a number keeps its separators
        return a in ".-" and not (prev[-2:-1].isalpha() or b.isalpha())
    if (a in DASHES and b in DASHES) or (a == "\u2015" and b == "\u2015") or (a in ELLIPSES and b in ELLIPSES):
        return True
    if is_alnum(a) and is_alnum(b):
        return True
    if a in PREFIXES and b.isdigit():
        return True
    if a.isdigit() and b in POSTFIXES:
        return True
    if (a in UNIT_JOINERS and b.isalnum() and b.isascii()) or (a.isalnum() and a.isascii() and b in UNIT_JOINERS):
        return a.isascii() and b.isascii()
    return False


def _integrity(doc, result, rep: CheckReport, master_stories) -> None:
    """Glyph text in reading order equals the story text: nothing lost, doubled or reordered."""
    over = {o.story: o for o in result.overset}
    runs_by_frame: dict = {}
    for page in result.pages:
        for it in page.items:
            if isinstance(it, GlyphRun):
                runs_by_frame.setdefault((page.index, it.frame), []).append(it)
    page_index = {p.id: i for i, p in enumerate(doc.pages)}
    for story in doc.stories:
        if story.id in master_stories:
            continue
        thread = doc.thread(story.id)
        if not thread or thread[0][0] is None:
            continue
        text = story.text
        end = min(over[story.id].first_char, len(text)) if story.id in over else len(text)
        seen = []
        for p, f in thread:
            pi = page_index.get(p.id)
            for r in runs_by_frame.get((pi, f.id), ()):
                if r.story != story.id:
                    continue
                for i, ch in enumerate(r.text):
                    if ch == SOFT_HYPHEN and text[r.start + r.offsets[i]] != SOFT_HYPHEN:
                        continue    # the hyphen added at a hyphenation point
                    seen.append((r.start + r.offsets[i], ch))
        expected = [i for i in range(end) if text[i] not in " \t\n\r\u00a0\u200b"]
        got = [i for i, _ in seen]
        if got != expected:
            # find the first difference for the message
            k = next((n for n, (a, b) in enumerate(zip(got, expected)) if a != b), min(len(got), len(expected)))
            at = expected[k] if k < len(expected) else (got[k] if k < len(got) else -1)
            rep.problems.append(Problem("integrity", thread[0][0] and page_index.get(thread[0][0].id) or 0,
                                        thread[0][1].id, 0,
                                        f"story {story.id}: {len(got)} glyphs for {len(expected)} characters, "
                                        f"first difference at character {at} ({text[at:at + 8]!r})"))
            continue
        for idx, ch in seen:
            src = text[idx]
            if ch == SOFT_HYPHEN:
                continue
            if ch != src and _SUBST.get(ch) != src:
                rep.problems.append(Problem("integrity", 0, thread[0][1].id, 0,
                                            f"story {story.id}: character {idx} is {src!r} but {ch!r} was drawn"))
                break
