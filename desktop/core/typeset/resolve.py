"""Resolve: a Document's pages, frames and paragraphs as the immutable, hashable input of layout.

Everything here is a pure function of the document's values: a page's column grid and
baseline grid in points (``resolve_page``), a text frame's content rect, columns and the wrap
exclusions that cut it (``frame_geometry``), a paragraph's style fields that drive its flow
(``ResolvedBlock``), and where an image frame's picture lands (``image_fit``) with its inverses
(``image_fit_inverse``: a wanted placement → the frame's fit="none" scale and offsets;
``image_pixel_at`` / ``image_pixel_box``: page points → image pixels).  The Layouter builds its
cache keys from these values; the editor's guides and snapping, the crop tool, preflight and
the painters read the same functions rather than their own copies.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from ..model.units import MM_PER_PT, mm_to_pt

# The CJK ideographic em box the engine centres lines on: top 0.88 em above the baseline, bottom
# 0.12 em below — the bundled text faces' own em box (OS/2 typo ascender/descender 880/−120 of
# 1000; tests/core/test_fonts.py holds them to it).  Baseline-grid maths (checks, the editor's
# grid) use these; what is drawn around a run (caret, boxes) uses its face's FontFace.em_top/em_bottom.
ASCENT = 0.88
DESCENT = 0.12


# ------------------------------------------------------------ pages

@dataclass(frozen=True, slots=True)
class ResolvedPage:
    """A page's trim, margins, column grid and baseline grid, in pt (the ``*_mm`` helpers give mm).

    The column grid is counted in body characters: a column is ``column_chars`` characters of
    ``body_size``, the gutter ``gutter_chars``; the grid is centred in the type area so any
    rounding is split between both margins.  The baseline grid's cell 0 starts at the top margin
    plus the grid's first-baseline offset; its pitch is the body leading."""
    width: float
    height: float
    bleed: float
    margin_top: float
    margin_bottom: float
    margin_left: float
    margin_right: float
    columns: int
    col_x0: float            # x of the first column from the trim left
    col: float               # column width
    gutter: float
    total: float             # width of the whole grid
    edges: tuple             # ((left, right), ...) of every basic column
    grid_origin: float       # top of baseline-grid cell 0, from the trim top
    grid_pitch: float
    body_size: float
    # the grid as computed in mm (the model's unit), so the mm helpers are exactly the mm values
    _mm: tuple = field(default=(), repr=False)

    def column_metrics_mm(self) -> tuple[float, float, float, float]:
        """(x of the first column, column width, gutter, total width), mm from the trim left."""
        return self._mm[0]

    def column_edges_mm(self) -> list[tuple[float, float]]:
        """(left, right) of every basic column, mm from the trim left."""
        return list(self._mm[1])

    def baselines_mm(self) -> list[float]:
        """y (mm from the trim top) of every body baseline of the grid inside the type area."""
        return grid_lines_mm(self.grid_origin, self.grid_pitch, self.body_size, self._mm[2], baseline=True)

    def grid_rows_mm(self) -> list[float]:
        """Cell tops (mm) of the baseline grid, from cell 0 down to the bottom margin."""
        return grid_lines_mm(self.grid_origin, self.grid_pitch, self.body_size, self._mm[2])


def grid_lines_mm(origin: float, pitch: float, size: float, bottom_mm: float, baseline: bool = False):
    """Cell tops (or, with ``baseline``, body baselines) of a baseline grid whose cell 0 starts at
    ``origin`` pt with ``pitch`` pt cells, in mm, down to ``bottom_mm``.  A body line's em box
    sits centred in its cell: baseline = cell top + (pitch − size) / 2 + ASCENT × size — the
    flow's placement (typeset/flow.py), which typeset/checks.py's grid check verifies."""
    step = pitch * MM_PER_PT
    y = ((origin + (pitch - size) / 2 + ASCENT * size) if baseline else origin) * MM_PER_PT
    out = []
    while y <= bottom_mm + 1e-6 and step > 0:
        out.append(y)
        y += step
    return out


def resolve_page(page) -> ResolvedPage:
    """The page's :class:`ResolvedPage`."""
    g = page.grid
    m = page.margins
    col = g.column_chars * g.body_size * MM_PER_PT
    gut = g.gutter_chars * g.body_size * MM_PER_PT
    total = g.columns * col + (g.columns - 1) * gut
    area = page.width - m.left - m.right
    x0 = m.left + (area - total) / 2.0
    edges_mm = tuple((x0 + i * (col + gut), x0 + i * (col + gut) + col) for i in range(g.columns))
    return ResolvedPage(
        mm_to_pt(page.width), mm_to_pt(page.height), mm_to_pt(page.bleed),
        mm_to_pt(m.top), mm_to_pt(m.bottom), mm_to_pt(m.left), mm_to_pt(m.right),
        g.columns, mm_to_pt(x0), mm_to_pt(col), mm_to_pt(gut), mm_to_pt(total),
        tuple((mm_to_pt(a), mm_to_pt(b)) for a, b in edges_mm),
        mm_to_pt(m.top + g.first_baseline), g.leading, g.body_size,
        ((x0, col, gut, total), edges_mm, page.height - m.bottom))


# ------------------------------------------------------------ frames

@dataclass(frozen=True)
class FrameGeom:
    """A text frame as the flow sees it: content rect, columns and exclusions, in pt.
    Hashable by value (the frame object itself is carried along but compared by its id)."""
    frame: object = field(compare=False)     # TextFrame
    page_index: int
    x0: float                # content rect, pt (inset applied)
    y0: float
    x1: float
    y1: float
    columns: tuple           # ((cx0, cx1), ...)
    exclusions: tuple        # ((x0, y0, x1, y1), ...) pt, from wrapping objects
    grid_y0: float           # page baseline grid: top of cell 0
    grid: float              # pitch, pt
    body_size: float
    # 竖排: the frame is flowed as a horizontal frame turned 90° clockwise — x here is page y
    # (the measure is the column's height), y is ``vx`` − page x (lines go right to left)
    vertical: bool = False
    vx: float = 0.0          # page x of the content's right edge (y = 0 here)
    frame_id: str = ""


def page_exclusions(page) -> list:
    """The rectangles (pt, wrap offset included) of a page's non-text frames that wrap text."""
    from ..model.document import TextFrame
    out = []
    for f in page.frames:
        if f.wrap.mode == "box" and not isinstance(f, TextFrame):
            o = f.wrap.offset
            out.append((mm_to_pt(f.x - o), mm_to_pt(f.y - o), mm_to_pt(f.x + f.w + o), mm_to_pt(f.y + f.h + o)))
    return out


def frame_geometry(frame, page, page_index: int, exclusions) -> FrameGeom:
    """Content rect and column edges of a text frame, in pt."""
    inset = mm_to_pt(frame.inset)
    x0 = mm_to_pt(frame.x) + inset
    y0 = mm_to_pt(frame.y) + inset
    x1 = mm_to_pt(frame.x + frame.w) - inset
    y1 = mm_to_pt(frame.y + frame.h) - inset
    n = max(1, frame.columns)
    gutter = mm_to_pt(frame.gutter)
    colw = (x1 - x0 - gutter * (n - 1)) / n
    cols = tuple((x0 + i * (colw + gutter), x0 + i * (colw + gutter) + colw) for i in range(n))
    g = page.grid if page is not None else None
    grid = g.leading if g else 15.0
    body = g.body_size if g else 9.0
    grid_y0 = mm_to_pt(page.margins.top + (g.first_baseline if g else 0.0)) if page is not None else 0.0
    own = (mm_to_pt(frame.x), mm_to_pt(frame.y), mm_to_pt(frame.x + frame.w), mm_to_pt(frame.y + frame.h))
    ex = []
    for e in exclusions:
        # a frame wholly inside a wrapping object (text in a ruled box) is not pushed out of it
        if e[0] <= own[0] + 1e-6 and e[1] <= own[1] + 1e-6 and e[2] >= own[2] - 1e-6 and e[3] >= own[3] - 1e-6:
            continue
        ex.append(tuple(e))
    if getattr(frame, "direction", "horizontal") == "vertical":
        return _vertical_geometry(frame, page_index, x0, y0, x1, y1, n, gutter, ex, grid, body)
    return FrameGeom(frame, page_index, x0, y0, x1, y1, cols, tuple(ex), grid_y0, grid, body,
                     frame_id=frame.id)


def _vertical_geometry(frame, page_index, x0, y0, x1, y1, n, gutter, ex, grid, body) -> FrameGeom:
    """A vertical frame (竖排) as the horizontal frame it is turned 90° clockwise: its lines run
    down the page (x here = page y) and follow each other right to left (y here = x1 − page x).
    Its "columns" are bands stacked top to bottom, each holding lines right to left — as a
    newspaper sets a vertical article in several tiers.  The line pitch is the page grid's,
    counted from the frame's right edge (a vertical frame is not on the horizontal grid)."""
    bandh = (y1 - y0 - gutter * (n - 1)) / n
    bands = tuple((y0 + i * (bandh + gutter), y0 + i * (bandh + gutter) + bandh) for i in range(n))
    vex = tuple((ey0, x1 - ex1, ey1, x1 - ex0) for ex0, ey0, ex1, ey1 in ex)
    return FrameGeom(frame, page_index, y0, 0.0, y1, x1 - x0, bands, vex, 0.0, grid, body, True, x1,
                     frame_id=frame.id)


# ------------------------------------------------------------ paragraphs

HEAD_ROLES = ("kicker", "headline", "subtitle", "subhead", "title")


@dataclass(frozen=True, slots=True)
class ResolvedBlock:
    """A paragraph as its flow needs it: the style fields that place it and its ParaSpec
    (characters with their faces, sizes and CMYK colours)."""
    spec: object             # ParaSpec
    role: str
    length: int
    size: float
    leading: float           # 0: the page's grid pitch
    grid: bool
    span: bool
    keep_with_next: bool
    border: float
    space_before: float
    space_after: float
    align: str
    indent: float

    @property
    def is_head(self) -> bool:
        return self.role in HEAD_ROLES


def resolve_block(block, style, spec, length: int | None = None) -> ResolvedBlock:
    """A block with its paragraph style resolved (``spec``: its ParaSpec, from Layouter._spec)."""
    return ResolvedBlock(spec, block.role, block.length if length is None else length, style.size,
                         style.leading, style.grid, style.span, style.keep_with_next, style.border,
                         style.space_before, style.space_after, style.align, style.indent)


# ------------------------------------------------------------ images

@dataclass(frozen=True, slots=True)
class ImageFit:
    """Where an image frame's picture lands: the frame rect (the clip) and the whole picture's
    rect, in pt; ``scale`` is pt per pixel, ``ppi`` the effective resolution there."""
    clip: tuple
    x: float
    y: float
    w: float
    h: float
    scale: float
    ppi: float


def image_fit(frame, px_w: int, px_h: int) -> ImageFit:
    """The placement of a ``px_w`` × ``px_h`` picture in an ImageFrame (mm geometry): "fit" shows
    it whole, "fill" covers the frame (cropping), both centred; "none" is the fill scale ×
    ``frame.scale``, centred, then moved by ``offset_x``/``offset_y`` (mm)."""
    x, y, w, h = (mm_to_pt(v) for v in (frame.x, frame.y, frame.w, frame.h))
    sx, sy = w / px_w, h / px_h
    s = min(sx, sy) if frame.fit == "fit" else max(sx, sy)
    if frame.fit == "none":
        s *= frame.scale
    iw, ih = px_w * s, px_h * s
    ix = x + (w - iw) / 2 + (mm_to_pt(frame.offset_x) if frame.fit == "none" else 0.0)
    iy = y + (h - ih) / 2 + (mm_to_pt(frame.offset_y) if frame.fit == "none" else 0.0)
    ppi = px_w / (iw / 72.0) if iw > 0 else 0.0
    return ImageFit((x, y, w, h), ix, iy, iw, ih, s, ppi)


def image_fit_inverse(clip, px_w: int, px_h: int, x: float, y: float, w: float) -> dict:
    """The fit="none" frame fields (scale, offset_x, offset_y in mm) that place a picture of
    ``px_w`` × ``px_h`` at (x, y) pt, ``w`` pt wide, in a frame whose rect is ``clip`` (pt):
    :func:`image_fit` of a frame with these fields gives that placement back."""
    cx, cy, cw, ch = clip
    fill = max(cw / px_w, ch / px_h)
    scale = (w / px_w) / fill if fill > 0 else 1.0
    h = px_h * (w / px_w)
    return {"fit": "none", "scale": scale,
            "offset_x": (x - (cx + (cw - w) / 2)) * MM_PER_PT,
            "offset_y": (y - (cy + (ch - h) / 2)) * MM_PER_PT}


def image_pixel_at(pl, px_w: int, px_h: int, x: float, y: float) -> tuple[float, float]:
    """The image pixel (fractional) under page point (x, y) pt of a placement ``pl`` (x, y, w, h)."""
    return (x - pl.x) * px_w / pl.w, (y - pl.y) * px_h / pl.h


def image_pixel_box(pl, px_w: int, px_h: int, rect) -> tuple[int, int, int, int] | None:
    """The whole pixels (x0, y0, x1, y1) of the picture under ``rect`` (x, y, w, h pt) — every
    pixel any part of which shows there, inside the picture; None when none does."""
    sx, sy = px_w / pl.w, px_h / pl.h
    vx0, vy0 = max(rect[0], pl.x), max(rect[1], pl.y)
    vx1, vy1 = min(rect[0] + rect[2], pl.x + pl.w), min(rect[1] + rect[3], pl.y + pl.h)
    if vx1 <= vx0 or vy1 <= vy0:
        return None
    px0 = max(0, int(math.floor((vx0 - pl.x) * sx)))
    py0 = max(0, int(math.floor((vy0 - pl.y) * sy)))
    px1 = min(px_w, int(math.ceil((vx1 - pl.x) * sx)))
    py1 = min(px_h, int(math.ceil((vy1 - pl.y) * sy)))
    if px1 <= px0 or py1 <= py0:
        return None
    return px0, py0, px1, py1
