"""Flow: a story's paragraphs into the columns of its threaded frames.

Each frame column is a region with its own rectangle; a cursor carries
"continue from here" (frame, column, y) explicitly across columns and frames.
Body lines sit on the page's baseline grid, so lines align across columns;
heads are set at their own leading and the next body line snaps back to the
grid; grid blocks with their own leading (subheads) take whole multiples of
the grid.  Image frames and boxes with text wrap cut the lines of each column
they overlap.  What does not fit is overset, counted in characters.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import NamedTuple


# the em box (ASCENT/DESCENT) and the frames' geometry are resolved inputs (typeset/resolve.py)
from .resolve import ASCENT, DESCENT, FrameGeom, frame_geometry  # noqa: F401

MIN_LINE_EM = 3.0  # a line cut by wrap to less than this many em is skipped


@dataclass(frozen=True, slots=True)
class StoryFlow:
    """One story flowed through its frames (``Layouter._flow_story``)."""
    items: dict              # (page index, frame id) -> display items, in order
    lines: dict              # (page index, frame id) -> LineInfo, in order
    frames: list             # [(page index, FrameLines)], one per frame of the thread
    overset: int             # characters that did not fit
    overset_at: int          # story index of the first of them
    underset: int            # body characters of room left (0 when overset)
    blocks: dict | None = None    # the paragraph memo this flow made (see Layouter._flow_block_memo)
    memos: dict | None = None     # a balanced story's memos, by flow kind and geometry
    missing: tuple = ()           # (story, index, char) no bundled face has
    geometry: tuple | None = None  # the frames' key of a real (display) flow of a balanced story
    # per paragraph flowed, in order: (its memo key — which holds the cursor state it started
    # at —, items and lines already in the cursor's frame then): what lets the next flow take
    # this one's unchanged beginning and converged end over without setting them again
    starts: list | None = None
    # frames whose records are wholly an earlier flow's (``base``), moved by so many characters
    moved: dict | None = None
    serial: int = 0               # this flow's number (Layouter-wide)
    base: int | None = None       # the serial of the flow ``moved`` refers to


class BlockFlow(NamedTuple):
    """One paragraph placed (``Layouter._flow_block``): its display items and line records per
    (page index, frame id), and what did not fit — (characters, story index) — or None."""
    items: dict
    lines: dict
    left: tuple | None


@dataclass(slots=True)
class Slot:
    fi: int
    ci: int
    x: float                 # left edge of the measure
    measure: float
    baseline: float
    top: float
    bottom: float


@dataclass
class Cursor:
    frames: list
    fi: int = 0
    ci: int = 0
    y: float = 0.0
    region_top: float = 0.0
    region_bottom_used: float = 0.0   # lowest y used in the current region (for spanning heads)
    used: dict = field(default_factory=dict)   # (fi, ci) -> lowest y used

    def start(self):
        if self.frames:
            f = self.frames[0]
            self.fi, self.ci, self.y = 0, 0, f.y0
            self.region_top = f.y0
            self.region_bottom_used = f.y0

    @property
    def done(self) -> bool:
        return self.fi >= len(self.frames)

    def copy(self) -> "Cursor":
        """A cursor to look ahead with: moving it leaves this one where it is."""
        return Cursor(self.frames, self.fi, self.ci, self.y, self.region_top, self.region_bottom_used,
                      dict(self.used))

    def next_column(self) -> None:
        f = self.frames[self.fi]
        self.ci += 1
        if self.ci >= len(f.columns):
            self.fi += 1
            self.ci = 0
            if self.fi < len(self.frames):
                nf = self.frames[self.fi]
                self.y = nf.y0
                self.region_top = nf.y0
                self.region_bottom_used = nf.y0
        else:
            self.y = self.region_top

    def mark_used(self, y: float) -> None:
        key = (self.fi, self.ci)
        if y > self.used.get(key, -1e9):
            self.used[key] = y
        if y > self.region_bottom_used:
            self.region_bottom_used = y

    # -- one line
    def _interval(self, f: FrameGeom, cx0: float, cx1: float, top: float, bottom: float, em: float):
        """The widest x-interval of [cx0, cx1] free of exclusions over [top, bottom]."""
        segs = [(cx0, cx1)]
        for ex0, ey0, ex1, ey1 in f.exclusions:
            if ey1 <= top + 1e-6 or ey0 >= bottom - 1e-6 or ex1 <= cx0 + 1e-6 or ex0 >= cx1 - 1e-6:
                continue
            nxt = []
            for a, b in segs:
                if ex1 <= a or ex0 >= b:
                    nxt.append((a, b))
                    continue
                if ex0 > a:
                    nxt.append((a, ex0))
                if ex1 < b:
                    nxt.append((ex1, b))
            segs = nxt
        if segs == [(cx0, cx1)]:
            return segs[0]          # nothing cuts this line: the column is the measure, however narrow
        best = None
        for a, b in segs:
            if b - a >= MIN_LINE_EM * em - 1e-6 and (best is None or b - a > best[1] - best[0] + 1e-9):
                best = (a, b)
        return best

    def line_slot(self, size: float, leading: float, grid: bool, inset: float = 0.0, commit: bool = True):
        """The next place for a line; None when the thread is full."""
        while not self.done:
            f = self.frames[self.fi]
            cx0, cx1 = f.columns[self.ci]
            cx0 += inset
            cx1 -= inset
            if grid:
                k = math.ceil((self.y - f.grid_y0) / f.grid - 1e-6)
                top = f.grid_y0 + k * f.grid
                bottom = top + f.grid
                baseline = top + (f.grid - size) / 2 + ASCENT * size
            else:
                top = self.y
                bottom = top + leading
                baseline = top + (leading - size) / 2 + ASCENT * size
            if baseline + DESCENT * size > f.y1 + 1e-6:
                self.next_column()
                continue
            iv = (self._interval(f, cx0, cx1, baseline - ASCENT * size, baseline + DESCENT * size, size)
                  if f.exclusions else (cx0, cx1))
            if iv is None:
                self.y = bottom
                continue
            slot = Slot(self.fi, self.ci, iv[0], iv[1] - iv[0], baseline, top, bottom)
            if commit:
                self.y = bottom
                self.mark_used(bottom)
            return slot
        return None

    def room_left(self, grid_cells: int) -> bool:
        """Whether at least grid_cells more body lines fit in the current column."""
        if self.done:
            return False
        f = self.frames[self.fi]
        k = math.ceil((self.y - f.grid_y0) / f.grid - 1e-6)
        top = f.grid_y0 + (k + grid_cells) * f.grid
        return top - (f.grid - f.body_size) / 2 <= f.y1 + 1e-6

    def cells_left(self) -> int:
        """Body lines still free in the current column and the columns after it in this frame."""
        if self.done:
            return 0
        f = self.frames[self.fi]
        total = 0
        for ci in range(self.ci, len(f.columns)):
            y = self.y if ci == self.ci else self.region_top
            k = math.ceil((y - f.grid_y0) / f.grid - 1e-6)
            while True:
                top = f.grid_y0 + k * f.grid
                baseline = top + (f.grid - f.body_size) / 2 + ASCENT * f.body_size
                if baseline + DESCENT * f.body_size > f.y1 + 1e-6:
                    break
                total += 1
                k += 1
        return total


# ------------------------------------------------------------ block rules

MAX_KEEP_CHARS = 5_000  # longer blocks are never kept together in one column (they flow on)


@dataclass(frozen=True, slots=True)
class BlockRules:
    """How a paragraph is set where the cursor now stands (:func:`block_rules`)."""
    size: float
    leading: float           # its line pitch (the frame's grid when the style has none)
    on_grid: bool            # body lines on the baseline grid
    pad: float               # a ruled note's inner air each side, pt (0: no box)
    span: bool               # a head across all columns of a multi-column frame
    keep: bool               # a head kept together in one column


def block_rules(rb, cur: Cursor) -> BlockRules | None:
    """The block rules before a paragraph's lines are placed — they move ``cur``: a spanning
    head starts a new region below everything set so far; space before (not at a column top);
    a ruled note (小编说) gets half a grid cell of air above and a measure of whole characters
    inside its rules; a head or a keep-with-next paragraph on the grid that would stand alone
    at a column foot (fewer than three body lines left) goes to the next column.
    None when the thread is full."""
    f0 = cur.frames[cur.fi]
    grid_pitch = f0.grid
    size = rb.size
    leading = rb.leading or grid_pitch
    on_grid = rb.grid and abs(leading - grid_pitch) < 1e-6 and not rb.span
    # a frame that starts a new region for a spanning head
    if rb.span and len(f0.columns) > 1:
        if cur.ci > 0 or cur.region_bottom_used > cur.region_top + 1e-6:
            y = cur.region_bottom_used
            cur.ci = 0
            cur.y = y
            cur.region_top = y
    # space before, not at a column top
    if rb.space_before and cur.y > cur.frames[cur.fi].y0 + 1e-6 and cur.y > cur.region_top + 1e-6:
        cur.y += rb.space_before
    pad = 0.0
    if rb.border:
        # the box's inner measure holds a whole number of characters (the character grid),
        # with at least half an em of air on each side between the rule and the text
        colw = f0.columns[0][1] - f0.columns[0][0]
        n = max(1, math.floor((colw - size) / size + 1e-6))
        pad = (colw - n * size) / 2
        # one grid cell of air above the boxed paragraph
        if cur.y > cur.region_top + 1e-6:
            cur.y += grid_pitch / 2
    if rb.keep_with_next or rb.is_head:
        if on_grid or rb.grid:
            if not cur.done and not cur.room_left(3 if not rb.span else 1):
                if cur.y > cur.region_top + 1e-6:
                    cur.next_column()
    if cur.done:
        return None
    keep = (not on_grid and len(rb.spec.chars) <= MAX_KEEP_CHARS
            and (rb.is_head or rb.keep_with_next or rb.span))
    return BlockRules(size, leading, on_grid, pad, rb.span and len(f0.columns) > 1, keep)
