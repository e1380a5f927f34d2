"""Typing on the page: the Type tool (T).

Click in a text frame to put the caret at the clicked character (the canvas's
``char_at``: LineInfo picks the line, GlyphRun xs the character), then type.
Drag outside a text frame to draw a new one (InDesign's Type tool), which takes
the caret at once.  Every change is a core ``ReplaceText`` pushed on the
session's undo stack (typing and held-down deletion merge into one step);
typing into an empty frame first creates its story (``AddStory`` +
``PlaceStory`` + the text, one step).  The layout reflows through the session;
the story editor follows through the same ``document_changed`` signal.

Caret, selection and the input method's preedit are drawn in the canvas
overlay from the layout's records — the model holds no preedit text.
"""
from __future__ import annotations

import bisect
import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor, QFont, QFontMetricsF, QGlyphRun, QGuiApplication, QInputMethodEvent, QPen, QRegion,
)

from ..core import commands as C
from ..core.model.document import Block, ImageFrame, Story, TextFrame
from ..core.model.units import MM_PER_PT, PT_PER_MM
from ..core.typeset.flow import ASCENT
from .geometry import em_box

#: what a new story in an empty frame is written as: role → (label, preferred style names)
NEW_STORY_ROLES = {
    "paragraph": ("正文", ("body", "paragraph")),
    "headline": ("主题", ("headline",)),
    "kicker": ("引题", ("kicker",)),
    "subtitle": ("副题", ("subtitle",)),
    "caption": ("图片说明", ("caption",)),
    "credit": ("摄影署名", ("credit",)),
    "byline": ("作者", ("byline",)),
}

C_CARET = QColor(0, 0, 0)
# in a vertical line the arrows turn with the text: ↑↓ move along the line (previous / next
# character), ← goes to the next line (lines run right to left), → to the previous one
_VERTICAL_ARROWS = {Qt.Key.Key_Up: Qt.Key.Key_Left, Qt.Key.Key_Down: Qt.Key.Key_Right,
                    Qt.Key.Key_Left: Qt.Key.Key_Down, Qt.Key.Key_Right: Qt.Key.Key_Up}
C_SELECT_TEXT = QColor(20, 110, 255, 80)
LINE_SEP = "\u2028"     # forced line break (Shift+Enter), inside a paragraph


def style_for_role(doc, role: str) -> str:
    """The paragraph style a new story of ``role`` takes in this document."""
    names = NEW_STORY_ROLES.get(role, ("", (role,)))[1]
    for n in names:
        if doc.paragraph_style(n) is not None:
            return n
    return doc.paragraph_styles[0].name if doc.paragraph_styles else names[0]


class _Line:
    """One line of the story on a page; its glyph runs and glyph list are read only when asked
    for (a keystroke needs the caret's line, not the thousands of glyphs of the story).
    ``part``/``j``: where it is in its StoryGeometry (the part's ``j``-th line)."""

    __slots__ = ("page", "info", "part", "j", "_pr", "_runs", "_glyphs")

    def __init__(self, pr, info, part: int, j: int):
        self.page = pr.page
        self.info = info            # LineInfo
        self.part = part
        self.j = j
        self._pr = pr
        self._runs = None
        self._glyphs = None

    @property
    def runs(self) -> tuple:
        """The GlyphRuns that draw the line (reads the page's items)."""
        if self._runs is None:
            self._runs = self._pr.line_runs(self.info)
        return self._runs

    @property
    def glyphs(self) -> list:
        """[(x, advance, char index, size)] sorted by x."""
        if self._glyphs is None:
            ln = self.info
            lo, hi = ln.start, max(ln.end, ln.start + 1)
            gl = []
            for r in self.runs:
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


class _Part:
    """A stretch of the story's text shown by one frame (by several, in the unlikely case their
    ranges overlap): its range, where it is, and its lines once read."""

    __slots__ = ("first", "end", "frames", "lines")

    def __init__(self, first: int, end: int, pi: int, frame: str):
        self.first, self.end = first, end
        self.frames = [(pi, frame)]
        self.lines = None           # [_Line] sorted by (start, end), read on first use


class StoryGeometry:
    """Where a story's characters are on the pages (built from one LayoutResult).

    Built again after every keystroke, so it reads only what a query needs: the story's
    frames on each page (``pr.frames``: the text range each shows) are indexed when it is
    made, and a page's ``lines`` (and, for glyph positions, its ``items``) are read when a
    query reaches a frame on it — the caret's frame, the frame before or after it for Up/Down
    or an empty paragraph between frames, the frames a selection covers.  (The pages a
    keystroke did not change may compute their lines only on that first access.)

    Lines are handles (:class:`_Line`); :meth:`next_line` / :meth:`prev_line` step through
    the story's lines in order, (start, end), as a list of all of them sorted would."""

    def __init__(self, result, story_id: str):
        self.result = result
        self.story_id = story_id
        found = []
        for pi, pr in enumerate(result.pages):
            for fl in pr.frames:
                # a frame showing no line has the range (0, 0); every line holds a character
                # (LineInfo end > start), so a frame with lines has end_char > first_char
                if fl.story == story_id and fl.end_char > fl.first_char:
                    found.append((fl.first_char, fl.end_char, pi, fl.frame))
        found.sort()
        parts: list[_Part] = []
        for a, z, pi, fid in found:
            if parts and a < parts[-1].end:         # ranges overlap (a thread never does this)
                parts[-1].end = max(parts[-1].end, z)
                parts[-1].frames.append((pi, fid))
            else:
                parts.append(_Part(a, z, pi, fid))
        self._parts = parts
        # sorted, non-overlapping ranges: both bounds ascend, so both bisect
        self._firsts = [p.first for p in parts]
        self._ends = [p.end for p in parts]
        self._page_lines: dict[int, dict] = {}      # page index -> {frame id: [LineInfo]}
        self._at: dict = {}                         # line_at's answers

    # ------------------------------------------------------------------ reading pages
    def _frame_lines(self, pi: int) -> dict:
        d = self._page_lines.get(pi)
        if d is None:
            d = self._page_lines[pi] = {}
            for ln in self.result.pages[pi].lines:
                if ln.story == self.story_id:
                    d.setdefault(ln.frame, []).append(ln)
        return d

    def _lines(self, k: int) -> list[_Line]:
        """Part ``k``'s lines (its pages' ``lines`` are read the first time)."""
        part = self._parts[k]
        if part.lines is None:
            infos = [(self.result.pages[pi], ln) for pi, fid in part.frames
                     for ln in self._frame_lines(pi).get(fid, ())]
            infos.sort(key=lambda t: (t[1].start, t[1].end))
            part.lines = [_Line(pr, ln, k, j) for j, (pr, ln) in enumerate(infos)]
        return part.lines

    def _parts_meeting(self, a: int, b: int) -> range:
        """The parts that may hold a line with start <= b and end >= a."""
        return range(bisect.bisect_left(self._ends, a), bisect.bisect_right(self._firsts, b))

    # ------------------------------------------------------------------ lines
    def line_at(self, pos: int, at_end: bool = False) -> _Line | None:
        """The line showing position ``pos`` (at a line break: the next line unless ``at_end``)."""
        key = (pos, at_end)
        if key in self._at:
            return self._at[key]
        cands = [L for k in self._parts_meeting(pos, pos) for L in self._lines(k)
                 if L.info.start <= pos <= L.info.end]
        if not cands:
            L = None
        elif len(cands) > 1 and not at_end:
            later = [L for L in cands if pos < L.info.end or L.info.start == pos]
            L = later[-1] if later else cands[-1]
        else:
            L = cands[0]
        self._at[key] = L
        return L

    def next_line(self, L: _Line) -> _Line | None:
        """The story's line after ``L`` (None after the last)."""
        lines = self._lines(L.part)
        if L.j + 1 < len(lines):
            return lines[L.j + 1]
        for k in range(L.part + 1, len(self._parts)):
            lines = self._lines(k)
            if lines:
                return lines[0]
        return None

    def prev_line(self, L: _Line) -> _Line | None:
        """The story's line before ``L`` (None before the first)."""
        if L.j > 0:
            return self._lines(L.part)[L.j - 1]
        for k in range(L.part - 1, -1, -1):
            lines = self._lines(k)
            if lines:
                return lines[-1]
        return None

    def first_line(self) -> _Line | None:
        for k in range(len(self._parts)):
            lines = self._lines(k)
            if lines:
                return lines[0]
        return None

    def _last_ending_before(self, pos: int) -> _Line | None:
        """The last line (in the story's order) with end < pos."""
        for k in range(bisect.bisect_left(self._firsts, pos) - 1, -1, -1):
            for L in reversed(self._lines(k)):
                if L.info.end < pos:
                    return L
        return None

    def _first_starting_after(self, pos: int) -> _Line | None:
        """The first line with start > pos."""
        for k in range(bisect.bisect_right(self._ends, pos), len(self._parts)):
            for L in self._lines(k):
                if L.info.start > pos:
                    return L
        return None

    # ------------------------------------------------------------------ positions
    @staticmethod
    def x_of(L: _Line, pos: int) -> float:
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
    def size_of(L: _Line, default: float) -> float:
        return max((g[3] for g in L.glyphs), default=default)

    def caret(self, pos: int, default_size: float, at_end: bool = False):
        """(page id, x pt, baseline pt, size pt) of the caret, or None (overset / no lines)."""
        L = self.line_at(pos, at_end)
        if L is not None:
            return L.page, self.x_of(L, pos), L.info.baseline, self.size_of(L, default_size)
        # an empty paragraph has no line: between its neighbours, at the measure's start
        P = self._last_ending_before(pos)
        N = self._first_starting_after(pos)
        if P is not None:
            size = self.size_of(P, default_size)
            if N is not None and N.page == P.page and N.info.frame == P.info.frame \
                    and N.info.column == P.info.column:
                base = (P.info.baseline + N.info.baseline) / 2
            else:
                base = P.info.baseline + size * 1.6
            return P.page, P.info.x0, base, size
        if N is not None:
            size = self.size_of(N, default_size)
            return N.page, N.info.x0, N.info.baseline - size * 1.6, size
        return None

    @staticmethod
    def char_in_line(L: _Line, x: float) -> int:
        """The caret position in line ``L`` nearest to ``x``."""
        for gx, adv, ch, _ in L.glyphs:
            if x < gx + adv / 2:
                return ch
        return L.glyphs[-1][2] + 1 if L.glyphs else L.info.start

    def spans(self, a: int, b: int):
        """(page, x0, x1, baseline, size) for each line piece of the range [a, b)."""
        out = []
        for k in self._parts_meeting(a, b):
            for L in self._lines(k):
                s, e = max(a, L.info.start), min(b, L.info.end)
                if s > e or (s == e and not (L.info.start <= a < b and a == s == L.info.end)):
                    continue
                x0 = self.x_of(L, s)
                x1 = self.x_of(L, e) if e < L.info.end else max(
                    [gx + adv for gx, adv, ch, _ in L.glyphs if ch < e] or [x0])
                out.append((L.page, x0, max(x1, x0 + 1.0), L.info.baseline, self.size_of(L, 9.0)))
        return out


class TypeTool:
    """The Type tool: see the module docstring."""

    name = "text"

    def __init__(self):
        self.story_id: str | None = None
        self.frame_id: str | None = None     # the frame clicked into (empty frames: no story yet)
        self.caret = 0
        self.anchor = 0
        self.at_end = False                  # caret drawn at the end of a line, not the next's start
        self.preedit = ""
        self._drag = None                    # "select" while the mouse selects text
        self._frame_tool = None              # drawing a new frame
        self._geom = None
        self._caret_memo = None     # (layout, key, rect): see caret_view_rect
        self._goal_x = None                  # x kept over Up/Down runs
        self.preedit_cursor = 0              # the input method's cursor inside the preedit
        self._painted = QRegion()            # where the overlay was last drawn (viewport px)

    # ---------------------------------------------------------------- tool protocol
    def activate(self, canvas):
        self.canvas = canvas
        canvas.viewport().setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
        canvas.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
        canvas.session.document_changed.connect(self._document_changed)

    def deactivate(self):
        try:
            self.canvas.session.document_changed.disconnect(self._document_changed)
        except (RuntimeError, TypeError):
            pass
        self.canvas.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.leave_text(update=False)

    def cursor(self):
        return Qt.CursorShape.IBeamCursor

    @property
    def session(self):
        return self.canvas.session

    @property
    def editing(self) -> bool:
        return self.frame_id is not None

    # ---------------------------------------------------------------- geometry
    def geometry(self) -> StoryGeometry | None:
        if self.story_id is None:
            return None
        g = self._geom
        if g is None or g.result is not self.session.result or g.story_id != self.story_id:
            g = self._geom = StoryGeometry(self.session.result, self.story_id)
        return g

    def story(self) -> Story | None:
        return self.session.doc.story(self.story_id) if self.story_id else None

    def _style_at(self, pos: int):
        """The paragraph style at ``pos`` (a new story's when there is none), or None."""
        st = self.story()
        doc = self.session.doc
        if st is not None and st.blocks:
            bi, _ = C.block_at(st, pos)
            ps = doc.paragraph_style(st.blocks[bi].style)
            if ps is not None:
                return ps
        return doc.paragraph_style(style_for_role(doc, self.canvas.new_story_role))

    def _size_at(self, pos: int) -> float:
        ps = self._style_at(pos)
        return ps.size if ps is not None else 9.0

    def _em_at(self, pos: int) -> tuple[float, float]:
        """(above, below) the baseline, em: the em box of the face set at ``pos`` (caret and
        selection heights)."""
        ps = self._style_at(pos)
        return em_box(ps.font if ps is not None else "song")

    def caret_geometry(self):
        """(page id, x pt, baseline pt, size pt) of the caret."""
        g = self.geometry()
        size = self._size_at(self.caret)
        if g is not None:
            c = g.caret(self.caret, size, self.at_end)
            if c is not None:
                return c
        # no line to go by (an empty frame, a new story): the frame's first line
        page, f = self.session.doc.find_frame(self.frame_id) if self.frame_id else (None, None)
        if page is None:
            return None
        x = (f.x + f.inset) * PT_PER_MM
        y = (f.y + f.inset) * PT_PER_MM + size * ASCENT     # where the engine puts a first line's baseline
        return page.id, x, y, size

    def caret_view_rect(self) -> QRectF | None:
        """The caret's rectangle in the viewport — asked for several times a keystroke (keeping it
        in view, the overlay's old and new region, the paint, the input method): worked out once
        per layout, caret and view."""
        c = self.canvas
        c._mapping()
        res = self.session.result
        key = (self.story_id, self.frame_id, self.caret, self.at_end, c._map[0])
        m = self._caret_memo
        if m is not None and m[0] is res and m[1] == key:
            return QRectF(m[2]) if m[2] is not None else None
        r = self._caret_view_rect()
        self._caret_memo = (res, key, QRectF(r) if r is not None else None)
        return r

    def _caret_view_rect(self) -> QRectF | None:
        cg = self.caret_geometry()
        if cg is None:
            return None
        pid, x, base, size = cg
        c = self.canvas
        g = self.geometry()
        L = g.line_at(self.caret, self.at_end) if g is not None else None
        if L is not None and L.info.vertical:
            # a vertical line (竖排): x is the caret's place down the line, base the line's centre
            left = c.page_mm_to_view(pid, (base - size / 2) * MM_PER_PT, x * MM_PER_PT)
            right = c.page_mm_to_view(pid, (base + size / 2) * MM_PER_PT, x * MM_PER_PT)
            return QRectF(left, right).normalized().adjusted(0, -0.5, 0, 0.5)
        above, below = self._em_at(self.caret)
        top = c.page_mm_to_view(pid, x * MM_PER_PT, (base - size * above) * MM_PER_PT)
        bot = c.page_mm_to_view(pid, x * MM_PER_PT, (base + size * below) * MM_PER_PT)
        return QRectF(top, bot).normalized().adjusted(-0.5, 0, 0.5, 0)

    # ---------------------------------------------------------------- entering / leaving
    def enter(self, frame_id: str, pos: int | None = None, p: QPointF | None = None):
        """Put the caret into a text frame (at ``pos``, or at the point ``p``)."""
        sid = self.session.story_of_frame(frame_id)
        self.frame_id, self.story_id = frame_id, sid
        self.preedit = ""
        self._goal_x = None
        self.at_end = False
        if sid is None:
            self.caret = self.anchor = 0
        elif pos is not None:
            self.caret = self.anchor = pos
        else:
            hit = self.canvas.char_at(frame_id, p) if p is not None else None
            story = self.story()
            self.caret = self.anchor = hit[1] if hit and hit[0] == sid else len(story.text)
        self.session.set_selection([frame_id])
        self.canvas.setFocus()
        self._changed()

    def leave_text(self, update=True):
        self.frame_id = self.story_id = None
        self.preedit = ""
        self._drag = None
        if update:
            self._changed()

    def _document_changed(self):
        """Undo/redo and other views change the story under the caret: keep the caret valid."""
        if self.frame_id is None:
            return
        _, f = self.session.doc.find_frame(self.frame_id)
        if not isinstance(f, TextFrame):
            self.leave_text()
            return
        sid = self.session.story_of_frame(self.frame_id)
        if sid != self.story_id:
            self.story_id = sid
        n = len(self.story().text) if self.story() else 0
        self.caret = min(self.caret, n)
        self.anchor = min(self.anchor, n)

    def _changed(self):
        """Repaint where the overlay was and where it is now (not the whole viewport:
        a keystroke's repaint is the changed glyphs and the caret)."""
        c = self.canvas
        region = self._overlay_region()
        c.viewport().update(region | self._painted)
        self._painted = region
        QGuiApplication.inputMethod().update(Qt.InputMethodQuery.ImQueryAll)

    def _keep_caret_in_view(self):
        """Typing on past the bottom (or edge) of the view scrolls it, as text editors do."""
        if not self.editing or self._drag == "select":
            return
        r = self.caret_view_rect()
        if r is None:
            return
        c = self.canvas
        vp = QRectF(c.viewport().rect())
        m = min(40.0, vp.height() / 4)
        for bar, lo, hi, a, b in ((c.verticalScrollBar(), r.top(), r.bottom(), vp.top(), vp.bottom()),
                                  (c.horizontalScrollBar(), r.left(), r.right(), vp.left(), vp.right())):
            if hi > b:
                bar.setValue(bar.value() + math.ceil(hi - b + m))
            elif lo < a:
                bar.setValue(bar.value() - math.ceil(a - lo + m))

    # ---------------------------------------------------------------- mouse
    def press(self, e):
        if e.button() != Qt.MouseButton.LeftButton:
            return
        c = self.canvas
        p = e.position()
        page, f = c.frame_at(p)
        if isinstance(f, TextFrame):
            shift = e.modifiers() & Qt.KeyboardModifier.ShiftModifier
            sid = self.session.story_of_frame(f.id)
            if shift and self.editing and sid is not None and sid == self.story_id:
                hit = c.char_at(f.id, p)
                if hit:
                    self.caret = hit[1]
            else:
                self.commit_preedit()
                self.enter(f.id, p=p)
            self._drag = "select"
            self._changed()
            return
        # elsewhere: draw a new text frame (and type into it)
        self.commit_preedit()
        self.leave_text()
        from .tools import FrameTool
        self._frame_tool = FrameTool("text")
        self._frame_tool.activate(c)
        self._frame_tool.press(e)

    def move(self, e):
        if self._frame_tool is not None:
            self._frame_tool.move(e)
            return
        if self._drag != "select" or not self.story_id:
            return
        c = self.canvas
        _, f = c.frame_at(e.position())
        fid = f.id if isinstance(f, TextFrame) and self.session.story_of_frame(f.id) == self.story_id \
            else self.frame_id
        hit = c.char_at(fid, e.position())
        if hit and hit[0] == self.story_id and hit[1] != self.caret:
            self.caret = hit[1]
            self._changed()

    def release(self, e):
        if self._frame_tool is not None:
            ft, self._frame_tool = self._frame_tool, None
            before = set(f.id for _, f in self.session.doc.all_frames())
            ft.release(e)
            new = [f.id for _, f in self.session.doc.all_frames() if f.id not in before]
            if new:
                self.enter(new[0])
            return
        self._drag = None

    def double_click(self, e):
        """Double-click selects the paragraph's run of the same kind of characters (a word)."""
        st = self.story()
        if st is None:
            return
        text = st.text
        i = min(self.caret, len(text) - 1) if text else 0
        if not text or text[i] == "\n":
            return
        a = b = i
        while a > 0 and text[a - 1] not in "\n，。、；：？！“”（）,.;:?! \u3000":
            a -= 1
        while b < len(text) and text[b] not in "\n，。、；：？！“”（）,.;:?! \u3000":
            b += 1
        self.anchor, self.caret = a, b
        self._changed()

    # ---------------------------------------------------------------- edits
    def selection(self) -> tuple[int, int]:
        return min(self.caret, self.anchor), max(self.caret, self.anchor)

    def selected_text(self) -> str:
        a, b = self.selection()
        st = self.story()
        return st.text[a:b] if st is not None else ""

    def insert(self, text: str, label: str = "") -> bool:
        """Type ``text`` at the caret (replacing the selection)."""
        if not self.editing or not text:
            return False
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if self.story_id is None:
            return self._new_story(text)
        a, b = self.selection()
        cmd = C.ReplaceText(self.story_id, a, b, text, label=label)
        if not self.session.push(cmd):
            return False
        self.caret = self.anchor = cmd.caret_after
        self.at_end = False
        self._goal_x = None
        self._keep_caret_in_view()
        self._changed()
        return True

    def _new_story(self, text: str) -> bool:
        doc = self.session.doc
        sid = C.new_id(doc, "story")
        while doc.story(sid) is not None:
            sid = C.new_id(doc, "story", {sid})
        role = self.canvas.new_story_role
        style = style_for_role(doc, role)
        label = NEW_STORY_ROLES.get(role, (role,))[0]
        story = Story(sid, label, [Block(role, style, [])])
        cmd = C.Compound([C.AddStory(story), C.PlaceStory(self.frame_id, sid),
                          C.ReplaceText(sid, 0, 0, text)], text="新建稿件")
        if not self.session.push(cmd):
            return False
        self.story_id = sid
        self.caret = self.anchor = len(text)
        self._changed()
        return True

    def delete(self, forward: bool) -> bool:
        st = self.story()
        if st is None:
            return False
        a, b = self.selection()
        if a == b:
            if forward:
                if b >= len(st.text):
                    return False
                b += 1
            else:
                if a == 0:
                    return False
                a -= 1
        cmd = C.ReplaceText(self.story_id, a, b, "")
        if not self.session.push(cmd):
            return False
        self.caret = self.anchor = a
        self._goal_x = None
        self._keep_caret_in_view()
        self._changed()
        return True

    def copy(self) -> bool:
        t = self.selected_text()
        if not t:
            return False
        QGuiApplication.clipboard().setText(t.replace(LINE_SEP, "\n"))
        return True

    def cut(self) -> bool:
        return self.copy() and self.delete(False)

    def paste(self) -> bool:
        t = QGuiApplication.clipboard().text()
        return self.insert(t, label="粘贴") if t else False

    def format_selection(self, style=C._UNSET, **local) -> bool:
        """Character style and/or local override for the selected characters (one undo step)."""
        a, b = self.selection()
        if self.story_id is None or a == b:
            return False
        ok = self.session.push(C.ApplyCharFormat(self.story_id, a, b, style, **local))
        self._changed()
        return ok

    def format_at_selection(self):
        """The local format of the first selected character (None fields: not set)."""
        st = self.story()
        a, b = self.selection()
        if st is None or a == b:
            return None
        return C.run_format_at(st, a + 1)

    def toggle_bold(self) -> bool:
        r = self.format_at_selection()
        if r is None:
            return False
        on = bool(r.local and r.local.bold)
        return self.format_selection(bold=None if on else True)

    def select_all(self):
        st = self.story()
        if st is not None:
            self.anchor, self.caret = 0, len(st.text)
            self._changed()

    # ---------------------------------------------------------------- caret movement
    def move_caret(self, pos: int, extend: bool, at_end: bool = False):
        st = self.story()
        n = len(st.text) if st is not None else 0
        self.caret = max(0, min(n, pos))
        if not extend:
            self.anchor = self.caret
        self.at_end = at_end
        self._keep_caret_in_view()
        self._changed()

    def _caret_line_vertical(self) -> bool:
        g = self.geometry()
        L = g.line_at(self.caret, self.at_end) if g is not None else None
        return L is not None and bool(getattr(L.info, "vertical", False))

    def _line_move(self, step: int, extend: bool):
        g = self.geometry()
        L = g.line_at(self.caret, self.at_end) if g is not None else None
        if L is None:
            return
        if self._goal_x is None:
            self._goal_x = g.x_of(L, self.caret)
        M = g.prev_line(L) if step < 0 else g.next_line(L)
        if M is None:       # above the first line / below the last: the story's start / end
            self.move_caret(0 if step < 0 else len(self.story().text), extend)
        else:
            goal = self._goal_x
            pos = g.char_in_line(M, goal)
            self.move_caret(pos, extend, at_end=pos == M.info.end)
            self._goal_x = goal

    def _line_edge(self, end: bool, extend: bool):
        g = self.geometry()
        L = g.line_at(self.caret, self.at_end) if g else None
        if L is None:
            return
        ln = L.info
        self.move_caret(ln.end if end else ln.start, extend, at_end=end)

    # ---------------------------------------------------------------- keys
    EDIT_KEYS = {Qt.Key.Key_Backspace, Qt.Key.Key_Delete, Qt.Key.Key_Left, Qt.Key.Key_Right,
                 Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Home, Qt.Key.Key_End,
                 Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape, Qt.Key.Key_Tab}
    CTRL_KEYS = {Qt.Key.Key_A, Qt.Key.Key_C, Qt.Key.Key_X, Qt.Key.Key_V, Qt.Key.Key_B}

    def wants_key(self, e) -> bool:
        """Keys the caret takes before the window's shortcuts (single-letter tool keys …)."""
        if not self.editing:
            return False
        mods = e.modifiers() & ~(Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier)
        ctrl = Qt.KeyboardModifier.ControlModifier
        if mods == ctrl and e.key() in self.CTRL_KEYS:
            return True
        if mods == ctrl and e.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End):
            return True
        if mods & (ctrl | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier):
            return False
        return e.key() in self.EDIT_KEYS or bool(e.text() and e.text().isprintable())

    def key(self, e) -> bool:
        if not self.editing:
            return False
        k = e.key()
        mods = e.modifiers()
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        if k == Qt.Key.Key_Escape:
            fid = self.frame_id
            self.commit_preedit()
            self.leave_text()
            w = self.canvas.window()
            if hasattr(w, "set_tool"):
                w.set_tool("select")
            if fid:
                self.session.set_selection([fid])
            return True
        if ctrl and not mods & Qt.KeyboardModifier.AltModifier:
            if k == Qt.Key.Key_A:
                self.select_all()
                return True
            if k == Qt.Key.Key_C:
                self.copy()
                return True
            if k == Qt.Key.Key_X:
                self.cut()
                return True
            if k == Qt.Key.Key_V:
                self.paste()
                return True
            if k == Qt.Key.Key_B:
                self.toggle_bold()
                return True
            if k in (Qt.Key.Key_Home, Qt.Key.Key_End):
                st = self.story()
                self.move_caret(0 if k == Qt.Key.Key_Home else len(st.text) if st else 0, shift)
                return True
        if k == Qt.Key.Key_Backspace:
            self.delete(False)
            return True
        if k == Qt.Key.Key_Delete:
            self.delete(True)
            return True
        if k in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.insert(LINE_SEP if shift else "\n", label="换行" if shift else "分段")
            return True
        if k in _VERTICAL_ARROWS and self._caret_line_vertical():
            # 竖排: down the line is the next character, the line to the left the next line
            k = _VERTICAL_ARROWS[k]
        if k in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            a, b = self.selection()
            self._goal_x = None
            if not shift and a != b:
                self.move_caret(a if k == Qt.Key.Key_Left else b, False)
            else:
                self.move_caret(self.caret + (-1 if k == Qt.Key.Key_Left else 1), shift)
            return True
        if k in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self._line_move(-1 if k == Qt.Key.Key_Up else 1, shift)
            return True
        if k in (Qt.Key.Key_Home, Qt.Key.Key_End):
            self._goal_x = None
            self._line_edge(k == Qt.Key.Key_End, shift)
            return True
        if k == Qt.Key.Key_Tab:
            return True
        t = e.text()
        if t and t.isprintable() and not ctrl:
            self.insert(t)
            return True
        return False

    # ---------------------------------------------------------------- input method
    def input_method(self, e) -> None:
        if not self.editing:
            e.ignore()
            return
        commit = e.commitString()
        if commit:
            self.preedit = ""
            self.insert(commit)
        self.preedit = e.preeditString()
        self.preedit_cursor = len(self.preedit)
        for a in e.attributes():
            if a.type == QInputMethodEvent.AttributeType.Cursor:
                self.preedit_cursor = max(0, min(len(self.preedit), a.start))
        self._changed()
        e.accept()

    def commit_preedit(self):
        """A click elsewhere keeps what the input method showed (as Qt's text widgets do)."""
        if self.preedit:
            t, self.preedit = self.preedit, ""
            self.insert(t)

    def im_query(self, q):
        Q = Qt.InputMethodQuery
        if q == Q.ImEnabled:
            return self.editing
        if q in (Q.ImCursorRectangle, Q.ImAnchorRectangle, Q.ImInputItemClipRectangle):
            r = self.caret_view_rect()
            if r is None:
                return QRectF()
            if q == Q.ImInputItemClipRectangle:
                return QRectF(self.canvas.viewport().rect())
            return r
        if q == Q.ImFont:
            f = QFont()
            f.setPixelSize(max(6, round(self._size_at(self.caret) * self.canvas.px_per_pt)))
            return f
        st = self.story()
        if q == Q.ImCursorPosition or q == Q.ImAbsolutePosition:
            return self.caret - self._para_start()
        if q == Q.ImAnchorPosition:
            return self.anchor - self._para_start()
        if q == Q.ImSurroundingText:
            if st is None:
                return ""
            bi, _ = C.block_at(st, self.caret)
            return st.blocks[bi].text if st.blocks else ""
        if q == Q.ImCurrentSelection:
            return self.selected_text()
        if q == Q.ImHints:
            return Qt.InputMethodHint.ImhMultiLine
        return None

    def _para_start(self) -> int:
        st = self.story()
        if st is None or not st.blocks:
            return 0
        bi, _ = C.block_at(st, self.caret)
        return C.block_start(st, bi)

    # ---------------------------------------------------------------- painting
    def _selection_rects(self) -> list[QRectF]:
        g = self.geometry()
        a, b = self.selection()
        if g is None or a == b:
            return []
        c = self.canvas
        out = []
        above, below = self._em_at(a)
        for pid, x0, x1, base, size in g.spans(a, b):
            tl = c.page_mm_to_view(pid, x0 * MM_PER_PT, (base - size * above) * MM_PER_PT)
            br = c.page_mm_to_view(pid, x1 * MM_PER_PT, (base + size * below) * MM_PER_PT)
            out.append(QRectF(tl, br))
        return out

    def _overlay_region(self) -> QRegion:
        """The viewport pixels the overlay covers now (caret, selection, preedit)."""
        region = QRegion()
        if self._frame_tool is not None or not self.editing:
            return region
        rects = self._selection_rects()
        r = self.caret_view_rect()
        if r is not None:
            rects.append(r)
            pe = self.preedit_geometry()
            if pe is not None:
                rects.append(pe["covered"])
        for q in rects:
            region += q.adjusted(-2, -2, 2, 2).toAlignedRect()
        return region

    def preedit_geometry(self):
        """Where the input method's composition is drawn, in viewport px: ``box`` (the
        preedit), ``covered`` (the part of the line repainted: from the caret to the end of
        the measure, or the box if longer), ``shift`` (px the following characters of the
        line are pushed right by), ``following`` (the view rects those characters are drawn
        at, pushed; the ones pushed past the measure are not drawn) and what to draw."""
        if not self.preedit or not self.editing:
            return None
        r = self.caret_view_rect()
        cg = self.caret_geometry()
        if r is None or cg is None:
            return None
        pid, x, base, size = cg
        c = self.canvas
        s = c.px_per_pt
        g = self.geometry()
        line = None
        if g is not None:
            line = g.line_at(self.caret, self.at_end)
        font_id = next((run.font for run in (line.runs if line else ())), None)
        raw = glyphs = None
        if font_id is not None:
            from ..render.qt import default_font_cache
            raw = default_font_cache().raw_font(c.session.page_result(pid).face(font_id), size * s)
            glyphs = raw.glyphIndexesForString(self.preedit)
            if not glyphs or 0 in glyphs:
                raw = glyphs = None
        if raw is not None:
            advs = [p.x() for p in raw.advancesForGlyphIndexes(glyphs)]
            font = None
        else:
            font = QFont()
            font.setFamilies(["Noto Serif CJK SC", "Noto Sans CJK SC", "Source Han Serif SC", "SimSun"])
            font.setPixelSize(max(6, round(size * s)))
            fm = QFontMetricsF(font)
            advs = [fm.horizontalAdvance(ch) for ch in self.preedit]
        shift = math.ceil(sum(advs) + 2)
        top = c.page_mm_to_view(pid, x * MM_PER_PT, (base - size * 0.95) * MM_PER_PT).y()
        bottom = c.page_mm_to_view(pid, x * MM_PER_PT, (base + size * 0.25) * MM_PER_PT).y()
        box = QRectF(r.left(), top, shift, bottom - top)
        end = box.right()
        following, runs = [], []
        if line is not None:
            end = max(end, c.page_mm_to_view(pid, line.info.x1 * MM_PER_PT, 0).x() + 1)
            dx = shift / s
            above, below = self._em_at(self.caret)
            for run in line.runs:
                keep = [k for k, off in enumerate(run.offsets)
                        if self.caret <= run.start + off < max(line.info.end, line.info.start + 1)]
                if not keep:
                    continue
                xs = tuple(run.xs[k] + dx for k in keep)
                runs.append(run._replace(xs=xs, glyphs=tuple(run.glyphs[k] for k in keep),
                                         advances=tuple(run.advances[k] for k in keep),
                                         offsets=tuple(run.offsets[k] for k in keep)))
                for k, gx in zip(keep, xs):
                    a = c.page_mm_to_view(pid, gx * MM_PER_PT, (base - size * above) * MM_PER_PT)
                    b = c.page_mm_to_view(pid, (gx + run.advances[k]) * MM_PER_PT, (base + size * below) * MM_PER_PT)
                    following.append(QRectF(a, b))
        covered = QRectF(box.left(), top, end - box.left(), bottom - top)
        visible = [q for q in following if q.right() <= end + 0.5]
        return {"box": box, "covered": covered, "shift": shift, "following": visible,
                "page": pid, "base": base, "size": size, "runs": runs, "raw": raw, "glyphs": glyphs,
                "advances": advs, "font": font, "end": end}

    def paint_overlay(self, qp):
        if self._frame_tool is not None:
            self._frame_tool.paint_overlay(qp)
            return
        if not self.editing:
            return
        sel = self._selection_rects()
        if sel:
            qp.setPen(Qt.PenStyle.NoPen)
            qp.setBrush(C_SELECT_TEXT)
            for q in sel:
                qp.drawRect(q)
        r = self.caret_view_rect()
        if r is None:
            return
        pe = self.preedit_geometry() if self.preedit else None
        if pe is not None:
            self._paint_preedit(qp, pe, r)
        else:
            qp.fillRect(r, C_CARET)

    def _paint_preedit(self, qp, pe, r: QRectF):
        """The composition in place: the rest of the line is pushed right by the preedit's
        width (what is pushed past the measure is hidden until the commit), the preedit is
        drawn in the story's face on a pale ground, underlined, with the input method's
        cursor in it."""
        c = self.canvas
        covered, box = pe["covered"], pe["box"]
        qp.save()
        qp.setClipRect(covered)
        qp.fillRect(covered, QColor(255, 255, 255))
        if pe["runs"]:
            from ..core.typeset.result import PageResult
            from ..render.qt import paint_into
            o = c.page_mm_to_view(pe["page"], 0, 0)
            o = QPointF(round(o.x()), round(o.y()))     # where the page picture is blitted
            qp.save()
            qp.setClipRect(QRectF(box.right(), covered.top(), max(0.0, pe["end"] - box.right()), covered.height()))
            qp.translate(o)
            pr = c.session.page_result(pe["page"])
            paint_into(qp, PageResult(pe["page"], 0, pr.width, pr.height, pr.bleed, tuple(pe["runs"]),
                                      faces=pr.faces), c.px_per_pt)
            qp.restore()
        qp.fillRect(box, QColor(255, 255, 235))
        above, below = self._em_at(self.caret)
        base = r.top() + r.height() * above / (above + below)     # r is the caret's em box
        if pe["raw"] is not None:
            gr = QGlyphRun()
            gr.setRawFont(pe["raw"])
            gr.setGlyphIndexes(list(pe["glyphs"]))
            xs, x = [], box.left() + 1
            for adv in pe["advances"]:
                xs.append(QPointF(x, base))
                x += adv
            gr.setPositions(xs)
            qp.setPen(QPen(QColor(0, 0, 0)))
            qp.drawGlyphRun(QPointF(0, 0), gr)
        else:
            qp.setFont(pe["font"])
            qp.setPen(QPen(QColor(0, 0, 0)))
            qp.drawText(QPointF(box.left() + 1, base), self.preedit)
        qp.setPen(QPen(QColor(0, 0, 0), 1.0))
        qp.drawLine(QPointF(box.left(), r.bottom() - 1), QPointF(box.right(), r.bottom() - 1))
        cx = box.left() + 1 + sum(pe["advances"][:self.preedit_cursor])
        qp.restore()
        qp.fillRect(QRectF(cx, r.top(), 1.0, r.height()), C_CARET)


def context_actions(canvas, menu, p: QPointF) -> bool:
    """Fill the canvas's context menu for the frame under ``p``; False if nothing applies."""
    _, f = canvas.frame_at(p)
    if not isinstance(f, TextFrame):
        return False
    sub = menu.addMenu("新稿件样式")
    sub.setObjectName("new_story_role")
    for role, (label, _names) in NEW_STORY_ROLES.items():
        a = sub.addAction(label)
        a.setCheckable(True)
        a.setChecked(canvas.new_story_role == role)
        a.setData(role)
        a.triggered.connect(lambda _=False, r=role: setattr(canvas, "new_story_role", r))
    session = canvas.session
    tool = canvas.tool
    if isinstance(tool, TypeTool) and tool.editing and tool.selection()[0] != tool.selection()[1]:
        _format_menu(menu.addMenu("字符格式"), tool)
    if f.caption_of:
        a = menu.addAction("取消图片说明关联")
        a.setObjectName("detach_caption")
        a.triggered.connect(lambda _=False, fid=f.id: session.push(C.DetachCaption(fid)))
    else:
        photo = caption_target(session, f)
        if photo is not None:
            a = menu.addAction("附为图片说明（随图片移动）")
            a.setObjectName("attach_caption")
            a.triggered.connect(lambda _=False, fid=f.id, pid=photo.id: session.push(C.AttachCaption(fid, pid)))
    return True


def caption_target(session, cap: TextFrame):
    """The image frame a caption frame would be attached to: a selected one, else the
    nearest photo above it on its page that it overlaps horizontally."""
    doc = session.doc
    page, _ = doc.find_frame(cap.id)
    if page is None:
        return None
    for fid in session.selection:
        _, g = doc.find_frame(fid)
        if isinstance(g, ImageFrame):
            return g
    best, best_d = None, None
    for g in page.frames:
        if not isinstance(g, ImageFrame):
            continue
        if g.x >= cap.x + cap.w or cap.x >= g.x + g.w:
            continue
        d = cap.y - (g.y + g.h)
        key = (d < -1, abs(d))
        if best is None or key < best_d:
            best, best_d = g, key
    return best


def _format_menu(m, tool: TypeTool) -> None:
    """Character style and local override entries for the Type tool's selection."""
    m.setObjectName("char_format")
    doc = tool.session.doc
    cs = m.addMenu("字符样式")
    a = cs.addAction("（无）")
    a.triggered.connect(lambda _=False: tool.format_selection(None))
    for st in doc.character_styles:
        a = cs.addAction(st.label or st.name)
        a.triggered.connect(lambda _=False, n=st.name: tool.format_selection(n))
    m.addAction("加粗\tCtrl+B").triggered.connect(lambda _=False: tool.toggle_bold())
    r = tool.format_at_selection()
    emph = bool(r is not None and r.local and r.local.emphasis)
    m.addAction("取消着重号" if emph else "着重号").triggered.connect(
        lambda _=False: tool.format_selection(emphasis=None if emph else True))
    col = m.addMenu("颜色")
    for sw in doc.swatches:          # CMYK swatches only: the model has no other kind
        col.addAction(sw.name).triggered.connect(lambda _=False, n=sw.name: tool.format_selection(color=n))
    tr = m.addMenu("字距")
    for v in (0.0, 0.05, 0.1, 0.25, 0.5, -0.05):
        tr.addAction(f"{v:+g} 字" if v else "0").triggered.connect(
            lambda _=False, v=v: tool.format_selection(tracking=v or None))
    sh = m.addMenu("水平偏移")
    for v in (-0.5, -0.25, 0.0, 0.25, 0.5):
        sh.addAction(f"{v:+g} 字" if v else "0").triggered.connect(
            lambda _=False, v=v: tool.format_selection(shift=v or None))
    m.addAction("清除局部格式").triggered.connect(
        lambda _=False: tool.format_selection(**{k: None for k in
                                                 ("font", "size", "color", "bold", "emphasis", "tracking", "shift")}))
