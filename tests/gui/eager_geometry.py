"""The Type tool's StoryGeometry as it was before it read pages lazily (commit 9502a34, copied
verbatim but for the names): every page's lines read, every line of the story sorted, each
query a scan of all of them.  The reference tests/gui/test_story_geometry.py holds the lazy one
to, and what bench/bench_geometry.py times as "before".  Not a test module."""
from __future__ import annotations


class _EagerLine:
    """One line of the story on a page; its glyph list is built only when asked for
    (a keystroke needs the caret's line, not the thousands of glyphs of the story)."""

    __slots__ = ("page", "info", "_runs", "_glyphs")

    def __init__(self, page: str, info, runs):
        self.page = page
        self.info = info            # LineInfo
        self._runs = runs
        self._glyphs = None

    @property
    def glyphs(self) -> list:
        """[(x, advance, char index, size)] sorted by x."""
        if self._glyphs is None:
            ln = self.info
            lo, hi = ln.start, max(ln.end, ln.start + 1)
            gl = []
            for r in self._runs:
                base = r.start
                if r.orient:     # a vertical line: positions along it run down the page
                    for i, off in enumerate(r.offsets):
                        if lo <= base + off < hi:
                            gl.append((*r.along(i), base + off, r.size))
                    continue
                for gx, adv, off in zip(r.xs, r.advances, r.offsets):
                    if lo <= base + off < hi:
                        gl.append((gx, adv, base + off, r.size))
            gl.sort()
            self._glyphs = gl
        return self._glyphs


class EagerStoryGeometry:
    """Where a story's characters are on the pages (built from one LayoutResult)."""

    def __init__(self, result, story_id: str):
        self.result = result
        self.story_id = story_id
        self.lines: list[_EagerLine] = []
        for pr in result.pages:
            infos = [ln for ln in pr.lines if ln.story == story_id]
            if not infos:
                continue
            for ln in infos:
                self.lines.append(_EagerLine(pr.page, ln, pr.line_runs(ln)))
        self.lines.sort(key=lambda L: (L.info.start, L.info.end))

    def line_index(self, pos: int, at_end: bool = False) -> int | None:
        """The line showing position ``pos`` (at a line break: the next line unless ``at_end``)."""
        cands = [i for i, L in enumerate(self.lines) if L.info.start <= pos <= L.info.end]
        if not cands:
            return None
        if len(cands) > 1 and not at_end:
            later = [i for i in cands if pos < self.lines[i].info.end or self.lines[i].info.start == pos]
            return later[-1] if later else cands[-1]
        return cands[0]

    @staticmethod
    def x_of(L: _EagerLine, pos: int) -> float:
        before = None
        for gx, adv, ch, _ in L.glyphs:
            if ch == pos:
                return gx
            if ch < pos:
                before = gx + adv
        if before is not None:
            return before
        return L.info.set_x0

    @staticmethod
    def size_of(L: _EagerLine, default: float) -> float:
        return max((g[3] for g in L.glyphs), default=default)

    def caret(self, pos: int, default_size: float, at_end: bool = False):
        """(page id, x pt, baseline pt, size pt) of the caret, or None (overset / no lines)."""
        i = self.line_index(pos, at_end)
        if i is not None:
            L = self.lines[i]
            return L.page, self.x_of(L, pos), L.info.baseline, self.size_of(L, default_size)
        # an empty paragraph has no line: between its neighbours, at the measure's start
        prev = [L for L in self.lines if L.info.end < pos]
        nxt = [L for L in self.lines if L.info.start > pos]
        if prev:
            P = prev[-1]
            size = self.size_of(P, default_size)
            if nxt and nxt[0].page == P.page and nxt[0].info.frame == P.info.frame \
                    and nxt[0].info.column == P.info.column:
                base = (P.info.baseline + nxt[0].info.baseline) / 2
            else:
                base = P.info.baseline + size * 1.6
            return P.page, P.info.x0, base, size
        if nxt:
            N = nxt[0]
            size = self.size_of(N, default_size)
            return N.page, N.info.x0, N.info.baseline - size * 1.6, size
        return None

    def char_in_line(self, i: int, x: float) -> int:
        L = self.lines[i]
        for gx, adv, ch, _ in L.glyphs:
            if x < gx + adv / 2:
                return ch
        return L.glyphs[-1][2] + 1 if L.glyphs else L.info.start

    def spans(self, a: int, b: int):
        """(page, x0, x1, baseline, size) for each line piece of the range [a, b)."""
        out = []
        for L in self.lines:
            s, e = max(a, L.info.start), min(b, L.info.end)
            if s > e or (s == e and not (L.info.start <= a < b and a == s == L.info.end)):
                continue
            x0 = self.x_of(L, s)
            x1 = self.x_of(L, e) if e < L.info.end else max(
                [gx + adv for gx, adv, ch, _ in L.glyphs if ch < e] or [x0])
            out.append((L.page, x0, max(x1, x0 + 1.0), L.info.baseline, self.size_of(L, 9.0)))
        return out
