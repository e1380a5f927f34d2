"""The frozen display list: what layout decided, in points, top-left origin.

Coordinates are page coordinates in points with (0, 0) at the top-left corner
of the trim box; y grows downwards; bleed lies at negative / beyond-trim
coordinates.  Painters walk this and draw — they never re-break, re-measure,
kern or scale (DESIGN.md).  Everything here is immutable (tuples, frozen
dataclasses) so a result can be shared between the canvas, export and checks.
"""
from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields
from typing import NamedTuple

from .flow import ASCENT

CMYK = tuple  # (c, m, y, k) fractions 0–1

# GlyphRun.orient: how a run is drawn.  Horizontal runs (the default) put glyph i's origin at
# (xs[i], y).  A vertical frame's runs (竖排) give every glyph its own origin (xs[i], ys[i]):
UPRIGHT = 1    # drawn upright (Han, kana, full-width marks in their `vert` form), centred on the line
ROTATED = 2    # drawn turned 90° clockwise about its origin; its baseline runs down the page (Latin, long numbers)
TCY = 3        # 纵中横: the digits of a 1–2 digit number drawn upright side by side inside one em


@dataclass(frozen=True)
class Face:
    """One entry of a page's face table (PageResult.faces): what painters need to draw the
    runs set in it — no font registry.  GlyphRun.font names the entry by its ``id``."""
    id: str                   # font id (song, hei, hei-bold, kai, fallback)
    path: str                 # the font file painters load (PDF embedding, QRawFont)
    ps_name: str              # PostScript name (the PDF's BaseFont, before the subset tag)
    units_per_em: int
    em_top: float             # em above the baseline: top of the ideographic em box (OS/2 typo ascender)
    em_bottom: float          # em, negative: its bottom (typo descender)
    ascender: float           # em: hhea ascender / descender (the face's full extent)
    descender: float
    # the engine's cmap and advances (code point -> glyph id, glyph id -> em), shared with the
    # font registry, never copied: the PDF painter subsets and writes widths from them
    cmap: Mapping[int, int] = field(default_factory=dict, repr=False, compare=False)
    advances: Sequence[float] = field(default=(), repr=False, compare=False)


class GlyphRun(NamedTuple):
    """One line segment in one face and size: glyph i is drawn at (xs[i], y).

    A NamedTuple, not a frozen dataclass: just as immutable, and ten times cheaper to make —
    a page has thousands (one per line and face)."""
    font: str                 # font id: its entry in the page's face table (song, hei, hei-bold, kai)
    size: float               # pt
    color: CMYK
    y: float                  # baseline, pt from the trim top
    xs: tuple[float, ...]     # per-glyph left edge of the glyph's advance box, pt
    glyphs: tuple[int, ...]   # glyph ids in the face (QRawFont draws these)
    text: str                 # the characters drawn, one per glyph (what a PDF's ToUnicode maps)
    advances: tuple[float, ...]  # per-glyph advance as drawn (font advance × size; no scaling ever)
    story: str                # source story id
    start: int                # source range in story.text: glyph i comes from story.text[start + offsets[i]]
    offsets: tuple[int, ...]
    frame: str                # frame id
    column: int               # column of the frame
    role: str = "paragraph"   # block role (checks treat body roles specially)
    hscale: float = 1.0       # always 1.0: Banmian never scales glyphs; kept so checks can prove it
    lcuts: tuple[float, ...] = ()   # per glyph: blank cut from the left of its box (compressed punctuation), pt
    widths: tuple[float, ...] = ()  # per glyph: width it occupies in the line after compression, pt
    # vertical text only (orient != 0): y is the page x of the line's centre line, ys[i] glyph i's
    # baseline (upright) or origin (rotated) y; lcuts/widths are along the line (down the page)
    ys: tuple[float, ...] = ()
    orient: int = 0

    @property
    def x_end(self) -> float:
        if self.orient:
            return max(self.xs[i] + (self.advances[i] if self.orient != ROTATED else 1.0 * self.size)
                       for i in range(len(self.xs))) if self.xs else 0.0
        return self.xs[-1] + self.advances[-1] if self.xs else 0.0

    def along(self, i: int) -> tuple[float, float]:
        """(start, advance) of glyph i along its line: x for horizontal runs; for vertical
        runs y down the page, from the top of its em (upright, 纵中横) or its origin (rotated)."""
        if not self.orient:
            return self.xs[i], self.advances[i]
        if self.orient == ROTATED:
            return self.ys[i], self.advances[i]
        return self.ys[i] - ASCENT * self.size, self.size     # upright: ys[i] is the em top + ASCENT


@dataclass(frozen=True)
class Rule:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float              # pt
    color: CMYK
    frame: str = ""


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float
    stroke: CMYK | None
    stroke_width: float
    fill: CMYK | None
    frame: str = ""


@dataclass(frozen=True)
class ImagePlacement:
    """An image drawn at (x, y, w, h) and clipped to the frame rectangle."""
    frame: str
    path: str                 # absolute path of the linked file ("" if none)
    clip: tuple[float, float, float, float]   # frame rect, pt
    x: float                  # where the whole image lands, pt
    y: float
    w: float
    h: float
    px_w: int                 # pixel size (0 when the file is missing/unreadable)
    px_h: int
    ppi: float                # effective ppi at placed size (0 if unknown)
    missing: bool = False


@dataclass(frozen=True)
class FrameLines:
    """Where one text frame's lines went (for checks, hit-testing, guides)."""
    frame: str
    story: str
    columns: tuple[tuple[float, float, float, float], ...]   # each column's rect, pt
    first_char: int           # story text range this frame shows
    end_char: int


class LineInfo(NamedTuple):
    """One composed line: where it sits and what it must satisfy (for checks and the caret).
    (A NamedTuple for the same reason as GlyphRun.)"""
    frame: str
    column: int
    story: str
    role: str
    x0: float                 # the line's measure: left and right edge, pt
    x1: float
    baseline: float
    start: int                # story text range
    end: int
    first: bool               # first line of its paragraph
    last: bool                # last line of its paragraph
    justify: bool             # justified paragraph (non-last lines must end at x1)
    grid: bool                # on the page's baseline grid
    indent: float             # first-line indent applied, pt
    set_x0: float             # where the first glyph's box actually starts
    set_x1: float             # where the last glyph's box actually ends (after compression)
    orphan: bool = False      # last line holding ≤ 1 Han/alphanumeric character
    # a vertical frame's line (竖排): x0/x1 and set_x0/set_x1 are page y (top, bottom) and
    # baseline is the page x of the line's centre line
    vertical: bool = False
    # the line's glyph runs: page.items[runs[0]:runs[1]] (set when the page is assembled; every
    # item in the range is a GlyphRun of this line, in the order it was set) — see PageResult.line_runs
    runs: tuple[int, int] = (0, 0)


@dataclass(frozen=True)
class Overset:
    story: str
    frame: str                # the last frame of the thread ("" if the story is unplaced)
    chars: int                # characters that did not fit (newlines excluded)
    first_char: int           # where the overset text starts in story.text


@dataclass(frozen=True)
class PageResult:
    page: str                 # page id
    index: int
    width: float              # trim, pt
    height: float
    bleed: float              # pt
    items: tuple              # GlyphRun | Rule | Box | ImagePlacement, in paint order
    frames: tuple[FrameLines, ...] = ()
    lines: tuple[LineInfo, ...] = ()
    grid_origin: float = 0.0  # pt: top of baseline-grid cell 0
    grid_pitch: float = 0.0   # pt
    body_size: float = 9.0
    faces: tuple[Face, ...] = ()   # the face table: one entry per font id the page's runs use

    def face(self, font_id: str) -> Face:
        """The face table's entry for ``font_id`` (KeyError if no run of the page uses it)."""
        for f in self.faces:
            if f.id == font_id:
                return f
        raise KeyError(f"page {self.page}: font {font_id!r} is not in the page's face table")

    def glyph_runs(self):
        return [i for i in self.items if isinstance(i, GlyphRun)]

    def line_runs(self, line: LineInfo) -> tuple:
        """The GlyphRuns that draw ``line`` (one of this page's ``lines``), by its index range."""
        a, b = line.runs
        return self.items[a:b]


@dataclass(frozen=True)
class LayoutResult:
    pages: tuple[PageResult, ...]
    overset: tuple[Overset, ...] = ()
    missing_glyphs: tuple[tuple[str, int, str], ...] = ()   # (story, index, char) no bundled face has
    underset: tuple[tuple[str, int], ...] = field(default=())  # (story, characters of room left in its last frame)

    def dump(self) -> str:
        """Deterministic text dump (byte-identical for identical input)."""
        def conv(o):
            d = dict(o._asdict()) if hasattr(o, "_asdict") else asdict(o)
            d["type"] = type(o).__name__
            return d
        data = {
            "pages": [{**{f.name: getattr(p, f.name) for f in fields(p)
                          if f.name not in ("items", "frames", "lines", "faces")},
                       "faces": [{f.name: getattr(face, f.name) for f in fields(face)
                                  if f.name not in ("cmap", "advances")} for face in p.faces],
                       "items": [conv(i) for i in p.items],
                       "frames": [asdict(f) for f in p.frames],
                       "lines": [dict(x._asdict()) for x in p.lines]} for p in self.pages],
            "overset": [asdict(o) for o in self.overset],
            "missing_glyphs": list(self.missing_glyphs),
            "underset": list(self.underset),
        }
        return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                          default=_round)


def _round(o):
    raise TypeError(f"cannot dump {type(o).__name__}")


def item_bounds(item) -> tuple[float, float, float, float]:
    """(x0, y0, x1, y1) in pt of a display item: a glyph run's em boxes, a rule with its
    weight, a box with its stroke, an image's clip."""
    if isinstance(item, GlyphRun):
        if not item.xs:
            return (0.0, 0.0, 0.0, 0.0)
        return (item.xs[0], item.y - item.size, item.x_end, item.y + 0.25 * item.size)
    if isinstance(item, Rule):
        w = item.width / 2
        return (min(item.x1, item.x2) - w, min(item.y1, item.y2) - w,
                max(item.x1, item.x2) + w, max(item.y1, item.y2) + w)
    if isinstance(item, Box):
        w = item.stroke_width / 2 if item.stroke is not None else 0.0
        return (item.x - w, item.y - w, item.x + item.w + w, item.y + item.h + w)
    if isinstance(item, ImagePlacement):
        x, y, w, h = item.clip
        return (x, y, x + w, y + h)
    return (float("-inf"), float("-inf"), float("inf"), float("inf"))


def printable(page: PageResult) -> PageResult:
    """The page as it prints: without the items that lie wholly outside the bleed box (text and
    pictures left on the pasteboard beside the page).  The editor shows those; the export and
    the plant's checks never see them."""
    b = page.bleed
    x0, y0, x1, y1 = -b, -b, page.width + b, page.height + b
    keep = []
    kept_before = []        # item index -> how many items before it are kept
    for it in page.items:
        kept_before.append(len(keep))
        a = item_bounds(it)
        if a[0] < x1 and x0 < a[2] and a[1] < y1 and y0 < a[3]:
            keep.append(it)
    if len(keep) == len(page.items):
        return page
    kept_before.append(len(keep))
    # the lines keep naming their runs: a dropped run leaves its line's range (a line off the
    # page keeps an empty one)
    lines = tuple(ln._replace(runs=(kept_before[ln.runs[0]], kept_before[ln.runs[1]])) for ln in page.lines)
    from dataclasses import replace
    return replace(page, items=tuple(keep), lines=lines)


# ---------------------------------------------------------------- text moved, nothing drawn moved

def moved_record(rec, d: int):
    """A glyph run or line record whose source lies ``d`` characters further on in its story's
    text (an edit before it); any other display item is returned as it is."""
    t = type(rec)
    if t is GlyphRun:
        v = list(rec)
        v[9] += d
        return tuple.__new__(GlyphRun, v)
    if t is LineInfo:
        v = list(rec)
        v[7] += d
        v[8] += d
        return tuple.__new__(LineInfo, v)
    return rec


def _moved_for(recs, shifts: dict) -> tuple:
    """``recs`` (a page's items or lines) with the records of each story in ``shifts`` moved by
    its shift; the rest are the same objects."""
    out = []
    append = out.append
    for r in recs:
        t = type(r)
        d = shifts.get(r[8]) if t is GlyphRun else shifts.get(r[2]) if t is LineInfo else None
        append(moved_record(r, d) if d else r)
    return tuple(out)


class _Read:
    """A ShiftedPage's ``items`` / ``lines``: each made from its root's on its first reading,
    then an instance value (a non-data descriptor: the instance's own value wins once set)."""

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, page, owner=None):
        if page is None:
            return self
        d = page.__dict__
        recs = getattr(d["_root"], self.name)
        if d["_shifts"]:
            recs = _moved_for(recs, d["_shifts"])
        object.__setattr__(page, self.name, recs)     # (the other one waits for its own reading)
        return recs


class ShiftedPage(PageResult):
    """A page on which, since ``root`` was assembled, only the source offsets of some stories'
    text moved (an edit earlier in a threaded story): it draws exactly what ``root`` draws.

    ``items`` and ``lines`` are made from the root's on first access (a keystroke in a long
    story makes its later pages ShiftedPages; the editor reads only the pages it shows), every
    other field is a plain value.  Otherwise it is a PageResult: equal to the page it stands
    for, and ``dataclasses.replace`` gives a plain one."""

    def __new__(cls, *args, **kwargs):
        if args or kwargs:       # dataclasses.replace(): a plain page of the given fields
            return PageResult(*args, **kwargs)
        return object.__new__(cls)

    @classmethod
    def of(cls, page: PageResult, shifts: dict, frames: tuple) -> "ShiftedPage":
        """``page`` with the stories in ``shifts`` (story id -> characters) moved, and its
        frame records replaced by ``frames`` (the moved stories' ranges moved with them)."""
        root = page
        acc = dict(shifts)
        if type(page) is ShiftedPage and "_root" in page.__dict__:
            # always from the assembled page: a read ShiftedPage's own moved copies die with it
            root = page._root
            for sid, d in page._shifts.items():
                acc[sid] = acc.get(sid, 0) + d
        self = object.__new__(cls)
        for f in fields(PageResult):
            if f.name not in ("items", "lines", "frames"):
                object.__setattr__(self, f.name, getattr(page, f.name))
        object.__setattr__(self, "frames", tuple(frames))
        object.__setattr__(self, "_root", root)
        object.__setattr__(self, "_shifts", {k: v for k, v in acc.items() if v})
        return self

    items = _Read()
    lines = _Read()

    def draws_as(self, other) -> bool:
        """True when this page is known to draw exactly what ``other`` draws (no reading of items)."""
        root = self.__dict__.get("_root")
        if root is None:
            return False
        return other is root or (type(other) is ShiftedPage and other.__dict__.get("_root") is root)

    def plain(self) -> PageResult:
        return PageResult(**{f.name: getattr(self, f.name) for f in fields(PageResult)})

    def __eq__(self, other):
        if not isinstance(other, PageResult):
            return NotImplemented
        return all(getattr(self, f.name) == getattr(other, f.name) for f in fields(PageResult) if f.compare)

    def __hash__(self):
        return hash(self.plain())

    def __reduce__(self):
        return (PageResult, tuple(getattr(self, f.name) for f in fields(PageResult)))


def draws_as(page, other) -> bool:
    """True when ``page`` is known to draw what ``other`` draws without comparing their items:
    the same object, or the same page with only its text's source offsets moved."""
    return page is other or (type(page) is ShiftedPage and page.draws_as(other))
