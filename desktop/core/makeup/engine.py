"""Automatic make-up (自动组版): a whole page proposed from stories, photos and a template.

The page's type area is a grid of ``C`` page columns × ``R`` baseline-grid lines.
Every article becomes one rectangular block of whole columns × whole lines, or an L
turned over (通栏标题): its heads across the block, its body in the left columns below
them, and the stories after it beside the body.
Blocks are found by a guillotine dynamic programme (after Gange, Marriott &
Stuckey, "Optimal guillotine layout", DocEng 2012): a rectangle holding the
stories ``i..j-1`` (in priority order) is either one story (a leaf) or cut
horizontally (the earlier stories above) or vertically (the earlier stories
left) into two rectangles solved the same way, or story ``i`` is an L whose body
leaves a rectangle below its head band for ``i+1..j-1``; each state ``(i, j, w, h)``
keeps its ``K`` cheapest layouts.  Keeping the priority order in the cuts is
the bounded part of the search: the lead story is always the block at the top
left, and the number of states is ``O(n² · C · R)`` instead of ``O(2ⁿ · C · R)``,
pruned further by the area each range of stories can occupy.

What a story needs at a width comes from the real engine, measured once per
story and cached: its body in grid cells of one page column (every column of
a block is one page column wide, so the body's cell count does not depend on
the block's width) and its heads (kicker, headline, byline …) laid out at every
block width.  A leaf's edit is the difference between the cells its block has
and the cells its copy needs, in 字.  The chosen layouts are then built as
Documents and **every leaf is checked by the real engine**: the story is laid
out in its block, the exact cut or addition that fills it (no overset, at most
one empty line at any column foot with 齐栏) is found by laying out the edited
copy, and the edit is applied to the proposal's copy of the story.  A layout
whose leaf cannot be filled that way is dropped.

Copy that does not fit.  A proposal may cut at most TOTAL_MAX_CUT of the page's copy in all, and
any one story by at most STORY_MAX_CUT of its copy (or add MAX_ADD); a 字 cut beyond MAX_CUT of a
story costs SPREAD more, so a cut is spread over the stories where the arrangement allows it, and
one story loses more only where the blocks leave no other choice.  That is what the make-up does to
copy on its own, the rest is the editor's decision.
When no arrangement fills the page within these allowances the answer is "cannot fit: cut ≥ N 字
in total" with a per-story suggestion, and N does *not* depend on MAX_CUT: it is the smallest cut
against the page's capacity, i.e. over all arrangements the programme can find.  The same
programme is run with the allowance lifted (a story may lose up to RELAX_MAX; each 字 cut beyond
MAX_CUT of a story costs SPREAD more, so that the cut is spread over the stories instead of taken
from one), the CUT_ROOTS cheapest arrangements are filled by the real engine like a proposal, and
the one that cuts least is the answer.  The answer is then checked: the cut copy is made up
again, within the allowances, and any further cut its leaves need is added to the suggestion.
Cutting N 字 therefore makes the page, needing at most a little copy added (the "overflow", what
the page really lacks, is N less that addition).  "The copy that exactly fills the page" —
the 100 % of the bench's load — is measured the same way: the copy less this N.

Score of a proposal (smaller is better, shown with it):
  edit   Σ|cut/add| ÷ total characters × 100 (additions count 1.5×: copy must be written)
  head   10 × pairs of stories whose headline order runs against their priority
         (a later story's block above an earlier one's)
  photo  2 × page columns a photo is narrower than the widest it could be
No Qt, no reportlab here.
"""
from __future__ import annotations

import copy
import math
import time
from dataclasses import dataclass, field
from functools import lru_cache

from ..model.document import (
    Article, Block, BoxFrame, Document, ImageFrame, Page, RuleFrame, Run, Story, TextFrame, Wrap,
)
from ..model.units import MM_PER_PT, PT_PER_MM
from ..typeset.copyfit import FitState, edited_blocks, fit_state
from ..typeset.layout import HEAD_ROLES, Layouter
from ..typeset.resolve import resolve_page
from ..typeset.result import Overset

K_BEST = 4                 # layouts kept per DP state
L_COST = 2.0               # an L block (heads over the stories beside its body) costs as much as
                           # this many lines of edit: a rectangle is preferred when it is as good
MAX_CUT = 0.12             # a story's cut beyond this share of its copy costs SPREAD more per 字
STORY_MAX_CUT = 0.20       # ... and a story may lose at most this share
TOTAL_MAX_CUT = 0.10       # the cuts of a proposal add up to at most this share of the page's copy
MAX_ADD = 0.10             # … or gain this share (written by the editor)
MIN_BODY_ROWS = 3          # body lines per column below a block's heads, at least
MAX_HEAD_LINES = 3         # a headline broken into more lines at a width: that width is refused
MIN_PPI = 200.0
ADD_WEIGHT = 1.5
CAPTION_LEADING = 14.0     # pt, the templates' caption style
GAP_MM = 1.5               # photo ↔ caption ↔ text
HEAD_STYLES = ("headline-1", "headline-1b", "headline-2", "headline-2", "headline-3")
SPREAD = 2.0               # extra cost per 字 cut beyond MAX_CUT of a story
RELAX_MAX = 0.9            # … where a story may lose at most this share
CUT_ROOTS = 4              # … and this many of the cheapest arrangements are filled by the engine
ADD_FILL = "待补稿件"
EPS_MM = 0.01       # placeholder copy where the editor must add text (cycled)


class MakeupError(ValueError):
    """Bad input for the make-up (one line naming what and where)."""


@dataclass
class Photo:
    """A photo for a story: pixel size (gives aspect and the ≥ 200 ppi limit), allowed widths."""
    px_w: int
    px_h: int
    path: str = ""
    caption: str = ""
    widths: tuple[int, ...] | None = None     # allowed widths in page columns (None: any)

    @property
    def aspect(self) -> float:
        return self.px_w / self.px_h


@dataclass
class Box:
    """A story set in a ruled, tinted box (启事, 小编说 …) inside another story's block: at the
    host's lower right, the host's text running above it, beside it and below it (three linked
    frames, balanced at its end).  ``inside`` is the host's story id (``fill="layout"`` only)."""
    inside: str
    fill: str | None = "Tint K12"
    tint: float = 100.0
    stroke: str | None = "Black"
    stroke_weight: float = 0.75
    inset: float = 6.0                           # mm, the text's distance from the rule
    widths: tuple[int, ...] | None = None        # allowed widths in page columns (None: any narrower
                                                 # than the host)


@dataclass
class Item:
    story: Story
    priority: int = 0
    photo: Photo | None = None
    widths: tuple[int, ...] | None = None        # allowed block widths in page columns (None: any)
    head_style: str | None = None                # the headline's style (None: by rank, HEAD_STYLES)
    picture: bool = False                        # a picture story: heads, the photo, the story's
                                                 # body as its caption (fill="layout")
    box: Box | None = None                       # set in a box inside another story (fill="layout")


@dataclass(frozen=True)
class Leaf:
    """A story's block: ``w`` × ``h`` grid cells at (c0, r0).  With ``body_w`` set it is an L
    turned over (通栏标题): the heads take the top ``head_rows`` lines across all ``w`` columns,
    the body only the left ``body_w`` columns below them; the stories after it fill the rest."""
    index: int          # item index (priority order)
    c0: int
    r0: int
    w: int
    h: int
    photo: tuple | None  # (columns, rows, "top" | "bottom") or None
    edit: int            # estimated edit, 字 (+ add, − cut)
    body_w: int = 0      # 0: a rectangle; else the body's columns under a head across ``w``
    head_rows: int = 0   # grid lines of the head band (L leaves)
    head_step: int = 0   # fill="layout": the headline this many 号 larger (+) or smaller (−)
    picture: tuple | None = None   # fill="layout", a picture story: (photo width, height) in mm
    box: tuple | None = None       # fill="layout", a box inside: (item index, columns, lines, lines above it)

    @property
    def body_cols(self) -> int:
        return self.body_w or self.w

    def cells(self) -> set:
        """The grid cells (column, line) the block covers."""
        if not self.body_w:
            return {(c, r) for c in range(self.c0, self.c0 + self.w) for r in range(self.r0, self.r0 + self.h)}
        band = {(c, r) for c in range(self.c0, self.c0 + self.w) for r in range(self.r0, self.r0 + self.head_rows)}
        return band | {(c, r) for c in range(self.c0, self.c0 + self.body_w)
                       for r in range(self.r0 + self.head_rows, self.r0 + self.h)}


@dataclass
class Proposal:
    doc: Document
    leaves: list
    edits: dict                      # story id -> 字 (+ added, − cut), as laid out
    score: float
    parts: dict
    overset: int = 0
    empty_feet: int = 0              # columns whose foot is empty by more than one line
    empty_cells: int = 0
    grid: "PageGrid | None" = None    # the template's free grid the blocks are on
    levers: dict = field(default_factory=dict)   # fill="layout": story id -> the levers that fill it

    def describe(self) -> str:
        p = self.parts
        if self.levers is not None and "levers" in p:
            return (f"score {self.score:.2f} (levers {p['levers']:.0f} + head order {p['head']:.0f} + "
                    f"photo {p['photo']:.1f}); copy not edited; "
                    + ("; ".join(f"{sid}: {', '.join(v)}" for sid, v in self.levers.items() if v) or "no levers"))
        return (f"score {self.score:.2f} (edit {p['edit']:.2f} + head order {p['head']:.0f} + photo {p['photo']:.0f}); "
                + ", ".join(f"{sid} {'加' if d > 0 else '删'} {abs(d)} 字" for sid, d in self.edits.items() if d)
                or "no edits")


@dataclass
class MakeupResult:
    proposals: list
    feasible: bool
    message: str = ""
    cuts: dict = field(default_factory=dict)   # story id -> 字 to cut (when it cannot fit)
    total_cut: int = 0
    added_after_cut: int = 0                   # 字 the cut copy, made up again, still needed added
    seconds: float = 0.0


# ------------------------------------------------------------------ page geometry


@dataclass(frozen=True)
class PageGrid:
    columns: int
    rows: int
    row0: int                 # first free grid line (after a fixed band at the top)
    col_mm: float
    gutter_mm: float
    pitch_mm: float
    x0: float                 # left edge of column 0, mm
    top: float                # top of grid line 0, mm
    cpl: int                  # body characters per line of one page column

    def x(self, c: int) -> float:
        return self.x0 + c * (self.col_mm + self.gutter_mm)

    def span(self, n: int) -> float:
        return n * self.col_mm + (n - 1) * self.gutter_mm

    def y(self, r: int) -> float:
        return self.top + (self.row0 + r) * self.pitch_mm


def page_grid(page: Page) -> PageGrid:
    """The page's column × line grid, less full-width fixed items (ads) at its top or bottom."""
    g = page.grid
    x0, col, gut, total = resolve_page(page).column_metrics_mm()   # the grid the layout reads
    pitch = g.leading * MM_PER_PT
    top = page.margins.top + g.first_baseline
    bottom = page.height - page.margins.bottom
    rows = int(math.floor((bottom - top) / pitch + 1e-4))
    row0, row1 = 0, rows
    for f in page.frames:
        full = f.x <= x0 + 0.5 and f.x + f.w >= x0 + total - 0.5
        if not full:
            raise MakeupError(f"page {page.id}: fixed item {f.id!r} does not span the type area's width "
                              f"(only full-width bands at the top or bottom, e.g. ads, are supported)")
        r_top = int(math.floor((f.y - top) / pitch + 1e-4))
        r_bot = int(math.ceil((f.y + f.h - top) / pitch - 1e-4))
        if r_top <= row0 + 1:
            row0 = max(row0, r_bot)
        elif r_bot >= row1 - 1:
            row1 = min(row1, r_top)
        else:
            raise MakeupError(f"page {page.id}: fixed item {f.id!r} is neither at the top nor at the bottom")
    if row1 - row0 < 10:
        raise MakeupError(f"page {page.id}: fewer than 10 grid lines left for articles")
    return PageGrid(g.columns, row1 - row0, row0, col, gut, pitch, x0, top, g.column_chars)


# ------------------------------------------------------------------ measuring (real engine, cached)


@dataclass(frozen=True)
class Need:
    chars: int                     # body characters (what an edit is measured against)
    body_cells: int                # grid cells of the body in one page column
    head_cells: tuple              # per width w (index w-1): grid lines the heads take; None: refused
    caption: dict                  # photo columns -> caption height, mm
    headline: bool = True          # the story has a headline (撞题 is about headlines)
    spacers: int = 0               # fill="layout": body blocks that may take a grid line of space before
    steps: dict | None = None      # fill="layout": head_cells per headline step (−1, 0, +1 号)
    pic_caption: dict | None = None  # fill="layout", picture story: block columns -> caption height, mm
    box_rows: dict | None = None   # fill="layout", boxed story: (columns, lines) -> lines of a box it can fill


OPENING_ROLES = ("kicker", "headline", "subtitle", "title", "byline")


def opening_heads(story: Story) -> int:
    """How many blocks open the story as its heads (kicker, headline, subtitle, byline …, set
    across the block); the rest — subheads, notes, an end byline among them — is its body."""
    k = 0
    for b in story.blocks:
        if b.role not in OPENING_ROLES:
            break
        k += 1
    return k


def _head_style(rank: int) -> str:
    return HEAD_STYLES[min(rank, len(HEAD_STYLES) - 1)]


def prepare_story(item: Item, rank: int) -> Story:
    """A copy of the story with its headline in the size its rank gets (the lead largest)."""
    s = copy.deepcopy(item.story)
    for b in s.blocks:
        if b.role == "headline":
            b.style = _head_style(rank)
    return s


class Measurer:
    """Lays stories out in scratch copies of the template to measure them; cached per story text."""

    def __init__(self, template: Document, grid: PageGrid, layouter: Layouter):
        self.template = template
        self.grid = grid
        self.layouter = layouter
        self._cache: dict = {}

    def _scratch(self) -> Document:
        d = copy.copy(self.template)
        d.pages = [copy.copy(self.template.pages[0])]
        d.pages[0].frames = []
        d.masters = []
        d.stories = []
        return d

    def need(self, story: Story, photo: Photo | None) -> Need:
        key = (story.text, tuple(b.style for b in story.blocks), photo and photo.caption)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        g = self.grid
        page_h = 4000.0
        doc = self._scratch()
        doc.pages[0].height = page_h
        k = opening_heads(story)
        heads, body = story.blocks[:k], story.blocks[k:]
        doc.stories.append(Story("m-body", blocks=body or [Block("paragraph", "body", [Run("")])]))
        fr = doc.pages[0].frames
        fr.append(TextFrame("m-body", g.x(0), g.top, g.col_mm, page_h - g.top - 10, story="m-body"))
        for w in range(1, g.columns + 1):
            sid = f"m-head-{w}"
            # the heads, then one body line: where that line lands is where the body starts
            doc.stories.append(Story(sid, blocks=list(heads) + [Block("paragraph", "body", [Run("中")])]))
            fr.append(TextFrame(sid, g.x(0), g.top, g.span(w), 300.0, columns=w, gutter=g.gutter_mm, story=sid))
        caps = {}
        # captions only at the widths the photo can take at MIN_PPI
        cap_widths = [w for w in range(1, g.columns + 1)
                      if photo is not None and g.span(w) <= photo.px_w / MIN_PPI * 25.4 + 1e-6]
        if photo is not None and photo.caption:
            for w in cap_widths:
                sid = f"m-cap-{w}"
                doc.stories.append(Story(sid, blocks=[Block("caption", "caption", [Run(photo.caption)])]))
                fr.append(TextFrame(sid, g.x(0), g.top, g.span(w), 200.0, story=sid))
        res = self.layouter.layout(doc)
        pitch_pt = g.pitch_mm * PT_PER_MM
        top_pt = g.top * PT_PER_MM
        bottom = {}
        lines_per = {}
        for ln in res.pages[0].lines:
            if ln.role == "paragraph" and ln.frame.startswith("m-head-"):
                bottom[ln.frame] = ln.baseline
            if ln.role == "headline":
                lines_per[ln.frame] = lines_per.get(ln.frame, 0) + 1
        body_lines = [ln for ln in res.pages[0].lines if ln.frame == "m-body"]
        if body_lines:
            last = max(ln.baseline for ln in body_lines)
            body_cells = int(math.floor((last - top_pt) / pitch_pt)) + 1
        else:
            body_cells = 0
        head_cells = []
        for w in range(1, g.columns + 1):
            fid = f"m-head-{w}"
            if not heads:
                head_cells.append(0)
                continue
            if lines_per.get(fid, 0) > MAX_HEAD_LINES or any(o.story == fid for o in res.overset):
                head_cells.append(None)
                continue
            # grid lines above the body's first line
            head_cells.append(int(math.floor((bottom.get(fid, top_pt) - top_pt) / pitch_pt)))
        if photo is not None and photo.caption:
            for w in cap_widths:
                fid = f"m-cap-{w}"
                n = sum(1 for ln in res.pages[0].lines if ln.frame == fid)
                caps[w] = n * CAPTION_LEADING * MM_PER_PT + 1.0
        chars = sum(len(b.text) for b in body)
        out = Need(chars, body_cells, tuple(head_cells), caps,
                   headline=any(b.role == "headline" for b in heads))
        self._cache[key] = out
        return out


# ------------------------------------------------------------------ photo variants


def photo_variants(photo: Photo | None, need: Need, w: int, g: PageGrid) -> list:
    """(columns, rows, position) a photo can take in a block ``w`` columns wide; [None] without a photo."""
    if photo is None:
        return [None]
    out = []
    for pw in range(w, 0, -1):
        if (photo.widths and pw not in photo.widths) or (not photo.widths and pw < min(2, w)):
            continue
        wmm = g.span(pw)
        cap = need.caption.get(pw, 0.0)
        ph = wmm / photo.aspect
        rows = max(2, round((ph + GAP_MM * 2 + cap + (GAP_MM if cap else 0)) / g.pitch_mm))
        ph_real = rows * g.pitch_mm - GAP_MM * 2 - cap - (GAP_MM if cap else 0)
        if ph_real <= 0 or abs(ph_real / ph - 1) > 0.2:
            continue
        # 'fill' scales the picture to cover the frame: ppi at the larger of both scales
        scale_pt_per_px = max(wmm * PT_PER_MM / photo.px_w, ph_real * PT_PER_MM / photo.px_h)
        ppi = 72.0 / scale_pt_per_px
        if ppi < MIN_PPI:
            continue
        out.append((pw, rows, "bottom"))
        if pw == w:
            out.append((pw, rows, "top"))
    return out


# ------------------------------------------------------------------ the dynamic programme


class _Solver:
    def __init__(self, needs: list, photos: list, g: PageGrid, max_cut=STORY_MAX_CUT, max_add=MAX_ADD,
                 l_shapes: bool = True, spread: float = SPREAD):
        self.l_shapes = l_shapes
        self.spread = spread      # cost per 字 cut beyond MAX_CUT of a story
        self.needs = needs
        self.photos = photos
        self.g = g
        self.n = len(needs)
        self.max_cut = max_cut
        self.max_add = max_add
        self.memo: dict = {}
        self.leaf_memo: dict = {}
        self.variants = {}
        lo, hi = [], []
        for i, nd in enumerate(needs):
            cells = [w * hc for w, hc in enumerate(nd.head_cells, 1) if hc is not None]
            pmin = 0
            if photos[i] is not None:
                pv = [v for w in range(1, g.columns + 1) for v in photo_variants(photos[i], nd, w, g) if v]
                pmin = min((v[0] * v[1] for v in pv), default=0)
                pmax = max((v[0] * v[1] for v in pv), default=0)
            else:
                pmax = 0
            cut = nd.chars * max_cut / g.cpl
            add = nd.chars * max_add / g.cpl
            lo.append(nd.body_cells - cut + (min(cells) if cells else 0) + pmin - 1)
            hi.append(nd.body_cells + add + (max(cells) if cells else 0) + pmax + 1)
        self.lo_pref = [0.0]
        self.hi_pref = [0.0]
        for a, b in zip(lo, hi):
            self.lo_pref.append(self.lo_pref[-1] + a)
            self.hi_pref.append(self.hi_pref[-1] + b)

    def area_ok(self, i, j, area) -> bool:
        return self.lo_pref[j] - self.lo_pref[i] <= area <= self.hi_pref[j] - self.hi_pref[i]

    def _variants(self, i, w) -> list:
        vkey = (i, w)
        if vkey not in self.variants:
            self.variants[vkey] = photo_variants(self.photos[i], self.needs[i], w, self.g)
        return self.variants[vkey]

    def _body_cost(self, i, bw, rows, pv, top_ok=True):
        """(cost, edit) of story i's body in ``bw`` columns × ``rows`` lines with photo variant
        ``pv``, or None when the edit would be out of bounds or the body too short."""
        nd = self.needs[i]
        if pv and pv[2] == "top":
            if not top_ok:
                return None
            rows -= pv[1]
        if rows < MIN_BODY_ROWS:
            return None
        cells = bw * rows - (pv[0] * pv[1] if pv and pv[2] == "bottom" else 0)
        if pv and pv[2] == "bottom" and rows - pv[1] < MIN_BODY_ROWS:
            return None
        edit = (cells - nd.body_cells) * self.g.cpl
        if edit < -self.max_cut * nd.chars - self.g.cpl or edit > self.max_add * nd.chars + self.g.cpl:
            return None
        cost = abs(edit) * (ADD_WEIGHT if edit > 0 else 1.0)
        if self.spread and edit < 0:
            cost += self.spread * max(0.0, -edit - MAX_CUT * nd.chars)
        if pv:
            best_w = max(v[0] for v in self._variants(i, bw) if v)
            cost += (best_w - pv[0]) * 2 * self.g.cpl
        return cost, edit

    def leaf(self, i, w, h) -> list:
        key = (i, w, h)
        if key in self.leaf_memo:
            return self.leaf_memo[key]
        nd = self.needs[i]
        out = []
        hc = nd.head_cells[w - 1] if w - 1 < len(nd.head_cells) else None
        if hc is not None:
            for pv in self._variants(i, w):
                ce = self._body_cost(i, w, h - hc, pv)
                if ce is not None:
                    out.append((ce[0], (Leaf(i, 0, 0, w, h, pv, ce[1]),)))
        out.sort(key=lambda c: c[0])
        out = out[:K_BEST]
        self.leaf_memo[key] = out
        return out

    def l_leaves(self, i, w, h) -> list:
        """Story i as an L turned over: its heads across all ``w`` columns, its body in the left
        ``bw`` columns below them — (cost, leaf, bw, head rows) for each body width."""
        nd = self.needs[i]
        hc = nd.head_cells[w - 1] if w - 1 < len(nd.head_cells) else None
        if not hc:
            return []
        out = []
        for bw in range(1, w):
            for pv in self._variants(i, bw):
                ce = self._body_cost(i, bw, h - hc, pv, top_ok=False)
                if ce is not None:
                    out.append((ce[0], Leaf(i, 0, 0, w, h, pv, ce[1], body_w=bw, head_rows=hc)))
        out.sort(key=lambda c: c[0])
        return out

    def solve(self, i, j, w, h, keep: int = K_BEST) -> list:
        key = (i, j, w, h, keep)
        hit = self.memo.get(key)
        if hit is not None:
            return hit
        if not self.area_ok(i, j, w * h):
            self.memo[key] = []
            return []
        if j - i == 1:
            out = self.leaf(i, w, h)
            self.memo[key] = out
            return out
        cands = []
        lo, hi = self.lo_pref, self.hi_pref
        for k in range(i + 1, j):
            # the cut positions where both sides' areas are within their stories' bounds
            a_lo, a_hi = lo[k] - lo[i], hi[k] - hi[i]
            b_lo, b_hi = lo[j] - lo[k], hi[j] - hi[k]
            # horizontal cut: stories i..k-1 above
            h_from = max(1, math.ceil(a_lo / w), math.ceil(h - b_hi / w))
            h_to = min(h - 1, math.floor(a_hi / w), math.floor(h - b_lo / w))
            for h1 in range(h_from, h_to + 1):
                if not self.area_ok(i, k, w * h1) or not self.area_ok(k, j, w * (h - h1)):
                    continue
                top = self.solve(i, k, w, h1)
                if not top:
                    continue
                bot = self.solve(k, j, w, h - h1)
                for ct, lt in top:
                    for cb, lb in bot:
                        cands.append((ct + cb, lt, lb, 0, h1))
            # vertical cut: stories i..k-1 on the left
            w_from = max(1, math.ceil(a_lo / h), math.ceil(w - b_hi / h))
            w_to = min(w - 1, math.floor(a_hi / h), math.floor(w - b_lo / h))
            for w1 in range(w_from, w_to + 1):
                if not self.area_ok(i, k, w1 * h) or not self.area_ok(k, j, (w - w1) * h):
                    continue
                left = self.solve(i, k, w1, h)
                if not left:
                    continue
                right = self.solve(k, j, w - w1, h)
                for cl, ll in left:
                    edge = [head_span(l, self.needs) for l in ll if l.c0 + l.w == w1]
                    for cr, lr in right:
                        if edge and _collide_spans(edge, lr, self.needs):
                            continue
                        cands.append((cl + cr, ll, lr, w1, 0))
        # story i as an L (通栏标题): heads over the whole width, the stories after it beside its body
        if self.l_shapes:
            per_bw: dict = {}
            for cost, lf in self.l_leaves(i, w, h):
                if len(per_bw.setdefault(lf.body_w, [])) < K_BEST:
                    per_bw[lf.body_w].append((cost, lf))
            for bw, lfs in per_bw.items():
                rows = h - lfs[0][1].head_rows
                if not self.area_ok(i + 1, j, (w - bw) * rows):
                    continue
                rest = self.solve(i + 1, j, w - bw, rows)
                for cl, lf in lfs:
                    for cr, lr in rest:
                        cands.append((cl + cr + L_COST * self.g.cpl, (lf,), lr, bw, lf.head_rows))
        # (cost, first part, second part, its shift): the leaves are built only for those kept
        cands.sort(key=lambda c: c[0])
        out, seen = [], set()
        for cost, first, second, dc, dr in cands:
            leaves = first + tuple(_shift(l, dc, dr) for l in second)
            sig = tuple((l.index, l.c0, l.r0, l.w, l.h, l.photo, l.body_w, l.head_step, l.picture, l.box)
                        for l in leaves)
            if sig in seen:
                continue
            seen.add(sig)
            out.append((cost, leaves))
            if len(out) >= keep:
                break
        self.memo[key] = out
        return out


def _shift(l: Leaf, dc: int, dr: int) -> Leaf:
    return Leaf(l.index, l.c0 + dc, l.r0 + dr, l.w, l.h, l.photo, l.edit, l.body_w, l.head_rows,
                l.head_step, l.picture, l.box)


def head_span(l: Leaf, needs) -> tuple[int, int]:
    """Grid lines [top, bottom) of a leaf's headline(s); (top, top) — nothing to collide — for a
    story without a headline (a picture story's title is not a 主题)."""
    nd = needs[l.index]
    off = l.photo[1] if l.photo and l.photo[2] == "top" else 0
    if not nd.headline:
        return l.r0 + off, l.r0 + off
    cells = nd.steps.get(l.head_step, nd.head_cells) if nd.steps else nd.head_cells
    hc = cells[l.w - 1] or 0
    return l.r0 + off, l.r0 + off + max(1, hc)


def _collide_spans(edge, right, needs) -> bool:
    """撞题 of the left part's heads ``edge`` (head spans at the cut) with the right part's
    leaves (not yet shifted: at the cut means column 0)."""
    for l in right:
        if l.c0 == 0:
            y0, y1 = head_span(l, needs)
            if any(x0 < y1 and y0 < x1 for x0, x1 in edge):
                return True
    return False


def _collide(left, right, cut, needs) -> bool:
    """撞题: a headline beside another at the same height across the cut."""
    a = [head_span(l, needs) for l in left if l.c0 + l.w == cut]
    b = [head_span(l, needs) for l in right if l.c0 == cut]
    return any(x0 < y1 and y0 < x1 for x0, x1 in a for y0, y1 in b)


# ------------------------------------------------------------------ building a proposal


def build_document(template: Document, items: list, stories: list, leaves, g: PageGrid) -> Document:
    doc = copy.deepcopy(template)
    doc.meta.pop("name", None)
    page = doc.pages[0]
    by_index = {l.index: l for l in leaves}
    for i, it in enumerate(items):
        l = by_index[i]
        s = stories[i]
        art = f"art-{s.id}"
        doc.articles.append(Article(art, s.name or s.id))
        doc.stories.append(s)
        x, y, w, h = g.x(l.c0), _down(g.y(l.r0)), g.span(l.w), l.h * g.pitch_mm
        block_x, block_w, block_y = x, w, y
        head_id = None
        if l.body_w:
            # the L's head band across the block, threaded into the body frame below it
            head_id = f"{s.id}-head"
            band = l.head_rows * g.pitch_mm
            page.frames.append(TextFrame(head_id, x, y, w, band, article=art, story=s.id,
                                         next=f"{s.id}-text"))
            y, h, w = _down(y + band), h - band, g.span(l.body_w)
        ty, th = y, h
        if l.photo:
            pw, prow, pos = l.photo
            ph_total = prow * g.pitch_mm
            cap_h = 0.0
            ph = it.photo
            need_cap = bool(ph.caption)
            if need_cap:
                cap_h = _caption_height(ph.caption, g.span(pw), g)
            px = x + w - g.span(pw)
            ry = y if pos == "top" else y + h - ph_total
            img_h = ph_total - GAP_MM * 2 - cap_h - (GAP_MM if need_cap else 0)
            img_y = ry + (0.0 if pos == "top" else GAP_MM)
            img_id = f"{s.id}-photo"
            page.frames.append(ImageFrame(img_id, px, img_y, g.span(pw), img_h, article=art,
                                          path=ph.path, fit="fill"))
            if need_cap:
                cid = f"{s.id}-caption"
                doc.stories.append(Story(cid, f"{s.name or s.id} 图片说明",
                                         [Block("caption", "caption", [Run(ph.caption)])]))
                page.frames.append(TextFrame(cid, px, img_y + img_h + GAP_MM, g.span(pw), cap_h, article=art,
                                             story=cid, caption_of=img_id, caption_gap=GAP_MM))
            if pos == "top":
                ty, th = _down(y + ph_total), h - ph_total
            else:
                page.frames.append(BoxFrame(f"{s.id}-wrap", px, ry, g.span(pw), ph_total, article=art,
                                            stroke=None, stroke_weight=0.0, fill=None, wrap=Wrap("box", 0.0)))
        # (+ a hair: the file keeps 4 decimals of a mm, and a bottom rounded up by 0.00005 mm
        # must not push the last grid line out; a hair admits no extra line)
        page.frames.append(TextFrame(f"{s.id}-text", x, ty, w, th + EPS_MM, article=art, columns=l.body_cols,
                                     gutter=g.gutter_mm, story=None if head_id else s.id, balance=True))
        if l.r0 > 0:
            page.frames.append(RuleFrame(f"{s.id}-rule-top", block_x, block_y - 0.2, block_w, 0.0, weight=0.5))
        if l.c0 > 0:
            gx = block_x - g.gutter_mm / 2
            page.frames.append(RuleFrame(f"{s.id}-rule-left", gx, block_y + 0.8, 0.0, l.h * g.pitch_mm - 1.6,
                                         weight=0.5))
    return doc


def _down(v: float) -> float:
    """``v`` rounded down to the file's 4 decimals of a mm: a frame top saved and loaded again must
    not land below its grid line (its first line would drop to the next one)."""
    return math.floor(v * 1e4 + 1e-7) / 1e4


@lru_cache(maxsize=4096)
def _cap_lines(text: str, chars: int) -> int:
    return max(1, math.ceil((len(text) + 2) / max(1, chars)))


def _caption_height(text: str, wmm: float, g: PageGrid) -> float:
    chars = int(wmm * PT_PER_MM // 9.0)
    return _cap_lines(text, chars) * CAPTION_LEADING * MM_PER_PT + 1.0


def apply_edit(story: Story, delta: int) -> None:
    story.blocks = edited_blocks(story.blocks, delta, ADD_FILL)


@dataclass(frozen=True)
class Fill:
    over: int
    gaps: tuple
    line_chars: int

    @property
    def fits(self) -> bool:
        return self.over == 0 and all(x <= 1 for x in self.gaps)


def _frame_fit(result, doc, story_id, g: PageGrid) -> Fill:
    frame = doc.pages[0].frame(f"{story_id}-text")
    st = fit_state(result, story_id, frame)
    return Fill(st.over, tuple(column_gaps(doc, result, g, frame)), st.line_chars)


class _StoryResult:
    """What fit_state and column_gaps read of a layout, for one story flowed alone."""
    __slots__ = ("overset", "underset", "pages")

    def __init__(self, story_id: str, over: int, short: int, lines):
        self.overset = (Overset(story_id, "", over, 0),) if over else ()
        self.underset = ((story_id, short),) if not over else ()
        self.pages = (_Lines(tuple(lines)),)


class _Lines:
    __slots__ = ("lines",)

    def __init__(self, lines):
        self.lines = lines


def _story_result(layouter: Layouter, doc: Document, story_id: str) -> _StoryResult:
    """The story alone flowed through its frame (its flow depends on its frames and the page's
    wrap objects, not on the other blocks' stories) — a trial edit needs no whole page."""
    return _StoryResult(story_id, *layouter.story_fit(doc, story_id))


def fit_leaf(doc: Document, layouter: Layouter, story: Story, estimate: int, result, g: PageGrid) -> int | None:
    """The edit (字, + add / − cut) that exactly fills the story's block, found by laying it out.

    The story in ``doc`` is left edited; None when no edit fills it."""
    base = story.blocks
    state = _frame_fit(result, doc, story.id, g)
    if state.fits:
        return 0
    seen: dict = {}

    trials = layouter if getattr(layouter, "_no_runs", False) else layouter.trial()

    def trial(d):
        if d not in seen:
            story.blocks = edited_blocks(base, d, ADD_FILL)
            seen[d] = _frame_fit(_story_result(trials, doc, story.id), doc, story.id, g)
        return seen[d]

    def done(d):
        story.blocks = edited_blocks(base, d, ADD_FILL) if d is not None else base
        return d

    step = max(4, state.line_chars or g.cpl)
    if state.over:
        # cutting the overset characters from the end leaves the text before them as it was
        cut = state.over
        while trial(-cut).over and len(seen) < 5:
            cut += max(1, trial(-cut).over)
        st = trial(-cut)
        if st.fits:
            # a cut a few characters smaller may still fit (the last line had room)
            lo = max(0, cut - step // 2)
            if lo < cut and trial(-lo).fits:
                cut = lo
            return done(-cut)
        return done(None)
    # short: add about the empty lines' worth, then correct
    add = max(1, int(sum(max(0.0, x - 0.5) for x in state.gaps) * step))
    for _ in range(6):
        st = trial(add)
        if st.fits:
            return done(add)
        if st.over:
            add = max(1, add - max(st.over, step // 2))
        else:
            add += max(1, int(sum(max(0.0, x - 0.5) for x in st.gaps) * step) or step // 2)
    return done(None)


# ------------------------------------------------------------------ entry point


def _items_from(items) -> list:
    out = []
    for i, it in enumerate(items):
        if isinstance(it, Story):
            it = Item(it, i + 1)
        out.append(it)
    return sorted(out, key=lambda it: it.priority)


def makeup(template: Document, items, *, alternatives: int = 3, layouter: Layouter | None = None,
           base_dir=None, time_limit: float = 20.0, l_shapes: bool = True, fill: str = "copy",
           _cut_answer: bool = True) -> MakeupResult:
    """Propose pages for ``items`` (Items or Stories, lowest priority number first) on ``template``.

    ``l_shapes``: also try a story as an L turned over (heads across its block, the later
    stories beside its body); off, every block is a rectangle.

    ``fill``: "copy" fills each block by cutting or adding 字 (within MAX_CUT / MAX_ADD);
    "layout" never edits the copy — blocks are filled by layout levers only (block height and
    width, the headline one 号 up or down, a grid line of space before subheads, notes, lists,
    an end byline), picture stories (``Item.picture``) and boxes inside another story
    (``Item.box``) are made up, and a page the copy cannot fill so is not feasible, with the
    reason (see :mod:`banmian.core.makeup.fill`)."""
    if fill not in ("copy", "layout"):
        raise MakeupError(f"fill={fill!r}: 'copy' or 'layout'")
    if fill == "layout":
        from .fill import makeup_layout
        return makeup_layout(template, items, alternatives=alternatives, layouter=layouter,
                             base_dir=base_dir, time_limit=time_limit)
    t0 = time.perf_counter()
    if not template.pages:
        raise MakeupError("the template has no page")
    items = _items_from(items)
    if not items:
        raise MakeupError("no stories to make up")
    ids = [it.story.id for it in items]
    if len(set(ids)) != len(ids):
        raise MakeupError(f"two stories share an id: {sorted(i for i in ids if ids.count(i) > 1)[0]!r}")
    for it in items:
        if template.story(it.story.id) is not None:
            raise MakeupError(f"story {it.story.id!r}: the template already has a story with this id")
        if it.photo is not None and (it.photo.px_w <= 0 or it.photo.px_h <= 0):
            raise MakeupError(f"story {it.story.id!r}: photo {it.photo.path or '(no file)'} has no pixel size")
    g = page_grid(template.pages[0])
    layouter = layouter or Layouter(base_dir=base_dir)
    meas = Measurer(template, g, layouter)
    stories = [prepare_story(it, r) for r, it in enumerate(items)]
    needs = [meas.need(s, it.photo) for s, it in zip(stories, items)]
    photos = [it.photo for it in items]
    total = sum(nd.chars for nd in needs) or 1
    solver = _Solver(needs, photos, g, l_shapes=l_shapes)
    roots = solver.solve(0, len(items), g.columns, g.rows, keep=max(8, 3 * alternatives))
    roots = [r for r in roots if _leaves_cut(r[1]) <= TOTAL_MAX_CUT * total]
    if not roots:
        if not _cut_answer:
            return MakeupResult([], False, "cannot fit", seconds=time.perf_counter() - t0)
        res = _cannot_fit(template, items, stories, needs, photos, g, layouter, total, l_shapes, t0)
        if res.cuts:
            # check the answer with the real engine: make up the cut copy as it would be made up;
            # further cuts its leaves need are added to the stories that need them
            cut_items = [Item(Story(it.story.id, it.story.name, edited_blocks(it.story.blocks, -res.cuts[it.story.id])),
                              it.priority, it.photo) for it in items]
            again = makeup(template, cut_items, alternatives=1, layouter=layouter, l_shapes=l_shapes,
                           _cut_answer=False)
            if again.feasible:
                for sid, d in again.proposals[0].edits.items():
                    if d < 0:
                        res.cuts[sid] += -d
                    else:
                        res.added_after_cut += d
                res.total_cut = sum(res.cuts.values())
                per = "; ".join(f"{s.id} 删 {res.cuts[s.id]} 字" for s in stories)
                res.message = f"cannot fit: cut ≥ {res.total_cut} 字 in total ({per})"
            else:
                res.message += " (the cut copy was not made up again)"
            res.seconds = time.perf_counter() - t0
        return res
    proposals = []
    for cost, leaves in roots:
        if len(proposals) >= alternatives or time.perf_counter() - t0 > time_limit:
            break
        p = _realise(template, items, leaves, g, layouter, needs, total, total_cut=TOTAL_MAX_CUT)
        if p is not None:
            proposals.append(p)
    proposals.sort(key=lambda p: p.score)
    secs = time.perf_counter() - t0
    if not proposals:
        return MakeupResult([], False, "no layout could be filled exactly by the engine "
                                       "(try other photo widths or fewer stories)", seconds=secs)
    return MakeupResult(proposals, True, f"{len(proposals)} proposal(s)", seconds=secs)


def _leaves_cut(leaves) -> int:
    """字 the leaves' estimates cut in all."""
    return sum(-l.edit for l in leaves if l.edit < 0)


def _realise(template, items, leaves, g, layouter, needs, total, max_cut=STORY_MAX_CUT,
             total_cut: float | None = None) -> Proposal | None:
    """The leaves built and filled by the engine; None when a leaf cannot be filled within
    ``max_cut`` of its story (or MAX_ADD), or the cuts add up to more than ``total_cut`` of the copy."""
    stories = [prepare_story(it, r) for r, it in enumerate(items)]
    doc = build_document(template, items, stories, leaves, g)
    result = layouter.layout(doc)
    edits = {}
    by_index = {l.index: l for l in leaves}
    for i, s in enumerate(stories):
        story = doc.story(s.id)
        d = fit_leaf(doc, layouter, story, by_index[i].edit, result, g)
        if d is None:
            return None
        lim = (max_cut if d < 0 else MAX_ADD) * max(1, needs[i].chars) + 2 * g.cpl
        if abs(d) > lim:
            return None
        edits[s.id] = d
        # no relayout here: blocks do not overlap, so another story's edit leaves this layout's
        # lines of the next story as they are; the whole page is laid out once more below
    if total_cut is not None and sum(-d for d in edits.values() if d < 0) > total_cut * total + 2 * g.cpl:
        return None
    result = layouter.layout(doc)
    overset = sum(o.chars for o in result.overset)
    if overset:
        return None
    if not _bands_hold_their_heads(doc, result, leaves, stories):
        return None
    feet, empty = empty_feet(doc, result, g)
    edit_score = sum(abs(d) * (ADD_WEIGHT if d > 0 else 1.0) for d in edits.values()) / total * 100
    head = 0
    for a in leaves:
        for b in leaves:
            if a.index < b.index and b.r0 < a.r0:
                head += 1
    photo = 0
    for l in leaves:
        if l.photo:
            vs = [v for v in photo_variants(items[l.index].photo, needs[l.index], l.body_cols, g) if v]
            photo += max(v[0] for v in vs) - l.photo[0]
    parts = {"edit": edit_score, "head": 10.0 * head, "photo": 2.0 * photo}
    return Proposal(doc, sorted(leaves, key=lambda l: l.index), edits, sum(parts.values()), parts,
                    overset, feet, empty, g)


def _bands_hold_their_heads(doc: Document, result, leaves, stories) -> bool:
    """Each L's head band holds exactly its story's opening heads: no body line set across the
    band's full width, no head pushed down into the body's columns."""
    for l in leaves:
        if not l.body_w:
            continue
        story = doc.story(stories[l.index].id)
        start = 0
        for b in story.blocks:
            if b.role not in HEAD_ROLES:
                break
            start += len(b.text) + 1
        for ln in result.pages[0].lines:
            if ln.story != story.id:
                continue
            if ln.frame == f"{story.id}-head" and ln.end > start:
                return False
            if ln.frame == f"{story.id}-text" and ln.start < start - 1:
                return False
    return True


def column_gaps(doc: Document, result, g: PageGrid, frame: TextFrame) -> list[int]:
    """Empty grid lines at the foot of each column of an article's text frame (above a photo
    that sits at the block's foot, the column ends at the photo)."""
    pitch = g.pitch_mm * PT_PER_MM
    pr = result.pages[0]
    wraps = [w for w in doc.pages[0].frames if isinstance(w, BoxFrame) and w.wrap.mode == "box"
             and w.article == frame.article]
    bottom = (frame.y + frame.h - frame.inset) * PT_PER_MM
    colw = (frame.w - frame.gutter * (frame.columns - 1)) / frame.columns
    out = []
    for ci in range(frame.columns):
        cx = frame.x + ci * (colw + frame.gutter)
        foot = bottom
        for wfr in wraps:
            if wfr.x <= cx + 0.1 and wfr.x + wfr.w >= cx + colw - 0.1:
                foot = min(foot, wfr.y * PT_PER_MM)
        base = [ln.baseline for ln in pr.lines if ln.frame == frame.id and ln.column == ci]
        # a full column's last baseline sits (pitch − size)/2 + descent above its foot: < 0.5 line
        last = max(base) if base else frame.y * PT_PER_MM
        out.append(max(0, int(math.floor((foot - last) / pitch + 0.5))) if base
                   else max(0, int(round((foot - frame.y * PT_PER_MM) / pitch))))
    return out


def empty_feet(doc: Document, result, g: PageGrid) -> tuple[int, int]:
    """(columns of the articles' text frames whose foot is empty by more than one line, empty cells)."""
    feet = cells = 0
    for f in doc.pages[0].frames:
        if isinstance(f, TextFrame) and f.id.endswith("-text") and not f.caption_of:
            gaps = column_gaps(doc, result, g, f)
            feet += sum(1 for x in gaps if x > 1)
            cells += sum(gaps)
    return feet, cells


def page_capacity(template: Document) -> int:
    """Body characters a page's article area holds when filled with body text only (no heads, photos)."""
    g = page_grid(template.pages[0])
    return g.columns * g.rows * g.cpl


def _need_cells(needs, photos, g) -> float:
    """Grid cells the stories take at least: body, heads at their most compact width, smallest photo."""
    need = 0.0
    for i, nd in enumerate(needs):
        hs = [w * hc for w, hc in enumerate(nd.head_cells, 1) if hc is not None]
        pv = [v for w in range(1, g.columns + 1) for v in photo_variants(photos[i], nd, w, g) if v]
        need += nd.body_cells + (min(hs) if hs else 0) + (min(v[0] * v[1] for v in pv) if pv else 0)
    return need


def measure(template: Document, items, layouter: Layouter | None = None):
    """(needs, grid) of the items on the template: what the engine measured, as the make-up uses it."""
    items = _items_from(items)
    g = page_grid(template.pages[0])
    meas = Measurer(template, g, layouter or Layouter())
    return [meas.need(prepare_story(it, r), it.photo) for r, it in enumerate(items)], g


def load(template: Document, items, layouter: Layouter | None = None) -> float:
    """How full the stories would make the page: cells needed ÷ cells free (1.0 = exactly full)."""
    needs, g = measure(template, items, layouter)
    return _need_cells(needs, [it.photo for it in _items_from(items)], g) / (g.columns * g.rows)


def overflow_chars(template: Document, items, layouter: Layouter | None = None) -> int:
    """Body characters beyond what the page holds (0 when it is not overfull)."""
    needs, g = measure(template, items, layouter)
    need = _need_cells(needs, [it.photo for it in _items_from(items)], g)
    return max(0, int((need - g.columns * g.rows) * g.cpl))


def _cannot_fit(template, items, stories, needs, photos, g, layouter, total, l_shapes, t0) -> MakeupResult:
    """No proposal within the allowances: the smallest cut that makes the page (or the copy to add).

    The cut is found against the page's capacity, not against MAX_CUT: the same programme is run
    with each story allowed to lose far more (``relax``), a 字 cut beyond MAX_CUT of a story costing
    SPREAD more (so the cut is spread over the stories rather than taken from one), the cheapest
    arrangements are filled by the real engine, and the one that cuts least is the answer."""
    cap = g.columns * g.rows
    need = _need_cells(needs, photos, g)
    if need < cap * 0.7:
        add = int((cap - need) * g.cpl)
        return MakeupResult([], False, f"cannot fill: add ≥ {add} 字 in total", seconds=time.perf_counter() - t0)
    over = max(0.0, (need - cap) * g.cpl) / total      # the area bound: a lower bound of the share to cut
    relax = min(RELAX_MAX, over + MAX_CUT + 0.05)
    best = None
    while best is None:
        solver = _Solver(needs, photos, g, max_cut=relax, l_shapes=l_shapes, spread=SPREAD)
        for _cost, leaves in solver.solve(0, len(needs), g.columns, g.rows, keep=CUT_ROOTS):
            p = _realise(template, items, leaves, g, layouter, needs, total, max_cut=relax)
            if p is not None and (best is None or _cut_of(p) < _cut_of(best)):
                best = p
        if best is None and relax >= RELAX_MAX:
            return MakeupResult([], False, "cannot fit: no block arrangement found for these stories "
                                           "(too many stories or headlines too long for the columns)",
                                seconds=time.perf_counter() - t0)
        relax = min(RELAX_MAX, relax + 0.15)
    cuts = {s.id: max(0, -best.edits.get(s.id, 0)) for s in stories}
    n = sum(cuts.values())
    per = "; ".join(f"{s.id} 删 {cuts[s.id]} 字" for s in stories)
    return MakeupResult([], False, f"cannot fit: cut ≥ {n} 字 in total ({per})", cuts, n,
                        seconds=time.perf_counter() - t0)


def rename_frames(doc: Document, names: dict) -> None:
    """Give a proposal's frames other ids (``names``: old id -> new id), links and captions kept."""
    for page in doc.pages:
        for f in page.frames:
            if f.id in names:
                f.id = names[f.id]
            if isinstance(f, TextFrame):
                if f.next in names:
                    f.next = names[f.next]
                if f.caption_of in names:
                    f.caption_of = names[f.caption_of]


def _cut_of(p: Proposal) -> int:
    return sum(-d for d in p.edits.values() if d < 0)
