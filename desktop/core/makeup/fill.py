"""Make-up without editing the copy (``makeup(..., fill="layout")``).

The copy is the editor's: nothing is cut, nothing is padded.  A block is filled by layout
levers only, each checked by laying the block out with the real engine:

* the block's height in whole grid lines and its width in page columns (the guillotine
  programme of :mod:`.engine` chooses them; a story fills a block when its body needs between
  the block's cells less the balance tolerance of its last frame (one line per column, 齐栏)
  and the block's cells);
* its headline one 号 larger or smaller (copyfit's 号 steps, ``copyfit.hao_step``);
* a grid line of space before a note (小编说), a list, an end byline, the paragraph after a lead,
  a subhead — one each, tried in that order until the columns end full.

Two kinds of block besides an article's rectangle:

* a **picture story** (``Item.picture``): its heads across the block, the photo under them —
  as large as the block allows at ≥ 200 ppi, centred when narrower than its columns — and the
  story's body (caption, credit) below it; the photo's height absorbs the block's lines;
* a **box inside another story** (``Item.box``): a ruled, tinted box at the host's lower right,
  its text inset; the host runs through three linked frames — across the block above the box,
  the columns beside it, the columns below it — balanced at its end.

A page the copy cannot fill with these levers is not feasible, and the result says why.
No Qt, no reportlab here.
"""
from __future__ import annotations

import copy
import math
import time

from ..model.document import Article, Block, BoxFrame, Document, ImageFrame, RuleFrame, Run, Story, TextFrame
from ..model.units import HAO_SIZES, MM_PER_PT, PT_PER_MM
from ..typeset.copyfit import hao_step
from ..typeset.layout import Layouter
from . import engine as E

HEAD_STEPS = (0, 1, -1)            # the headline as styled, one 号 up, one 号 down
SPACER_ORDER = ("note", "list", "byline", "after-lead", "subhead")
PIC_MIN = 0.8                      # a photo at least this share of its block's width
BOX_GAP = 1.0                      # mm between a box's rule and the grid lines it sits on
LEVER_COST = {"step": 3.0, "spacer": 1.0}


# ------------------------------------------------------------------ styles (levers)


def head_variant(doc: Document, style: str, step: int) -> str | None:
    """The name of ``style`` ``step`` 号 larger (+) or smaller (−), added to ``doc`` if new."""
    if step == 0:
        return style
    st = doc.paragraph_style(style)
    if st is None:
        return None
    size = st.size
    for _ in range(abs(step)):
        size = hao_step(size, smaller=step < 0)
        if size is None:
            return None
    name = f"{style}@{size:g}"
    if doc.paragraph_style(name) is None:
        v = copy.deepcopy(st)
        v.name, v.size = name, size
        if st.leading:
            v.leading = round(st.leading * size / st.size, 2)
        old = next((k for k, x in HAO_SIZES.items() if abs(x - st.size) < 1e-6), None)
        new = next((k for k, x in HAO_SIZES.items() if abs(x - size) < 1e-6), None)
        if old and new and old in (v.label or ""):
            v.label = v.label.replace(old, new)
        doc.paragraph_styles.append(v)
    return name


def space_variant(doc: Document, style: str, pitch_pt: float) -> str:
    """``style`` with one grid line more space before it (added to ``doc`` if new)."""
    name = f"{style}+1l"
    if doc.paragraph_style(name) is None:
        v = copy.deepcopy(doc.paragraph_style(style))
        v.name = name
        v.space_before = (v.space_before or 0.0) + pitch_pt
        doc.paragraph_styles.append(v)
    return name


def spacer_blocks(story: Story) -> list[int]:
    """Body blocks that may take a grid line of space before them, in SPACER_ORDER."""
    k = E.opening_heads(story)
    found = []
    for i in range(k + 1, len(story.blocks)):
        b, prev = story.blocks[i], story.blocks[i - 1]
        kind = ("after-lead" if prev.role == "lead" and b.role == "paragraph"
                else b.role if b.role in SPACER_ORDER else None)
        if kind:
            found.append((SPACER_ORDER.index(kind), i))
    return [i for _, i in sorted(found)]


# ------------------------------------------------------------------ measuring


def _scratch(template: Document) -> Document:
    d = copy.copy(template)
    d.pages = [copy.copy(template.pages[0])]
    d.pages[0].frames = []
    d.pages[0].height = 4000.0
    d.masters = []
    d.stories = []
    d.paragraph_styles = list(template.paragraph_styles)
    return d


def _lowest(res, fid) -> float | None:
    base = [ln.baseline for ln in res.pages[0].lines if ln.frame == fid]
    return max(base) if base else None


def measure_item(template: Document, g: E.PageGrid, layouter: Layouter, story: Story, item: E.Item,
                 host_cols: int) -> E.Need:
    """What a story needs in layout mode: E.Measurer's figures plus the head cells at ±1 号, a
    picture story's caption heights, a boxed story's box heights."""
    base = E.Measurer(template, g, layouter).need(story, None)
    k = E.opening_heads(story)
    steps = {0: base.head_cells}
    hb = next((b for b in story.blocks[:k] if b.role == "headline" and b.text), None)
    if hb is not None and not item.picture and item.box is None:
        for step in HEAD_STEPS[1:]:
            tpl = copy.copy(template)
            tpl.paragraph_styles = list(template.paragraph_styles)
            name = head_variant(tpl, hb.style, step)
            if name is None:
                continue
            s2 = copy.deepcopy(story)
            for b in s2.blocks:
                if b.role == "headline":
                    b.style = name
            steps[step] = E.Measurer(tpl, g, layouter).need(s2, None).head_cells
    pic = box = None
    if item.picture:
        d = _scratch(template)
        body = story.blocks[k:] or [Block("caption", "caption", [Run("")])]
        for w in range(1, g.columns + 1):
            d.stories.append(Story(f"m-cap-{w}", blocks=copy.deepcopy(body)))
            d.pages[0].frames.append(TextFrame(f"m-cap-{w}", g.x(0), g.top, g.span(w), 300.0, story=f"m-cap-{w}"))
        res = layouter.layout(d)
        pic = {}
        for w in range(1, g.columns + 1):
            low = _lowest(res, f"m-cap-{w}")
            pic[w] = 0.0 if low is None else (low - g.top * PT_PER_MM) * MM_PER_PT + 2.0
    if item.box is not None:
        box = {}
        for bw in range(1, max(1, host_cols)):
            if item.box.widths and bw not in item.box.widths:
                continue
            rows = _box_rows(template, g, layouter, story, item.box, bw)
            if rows:
                # the tightest box, or a line or more taller: its text's spacing levers fill it
                for extra in range(0, 2 + len(spacer_blocks(story)) // bw):
                    box[(bw, rows + extra)] = rows + extra
    return E.Need(base.chars, base.body_cells, base.head_cells, {}, headline=base.headline,
                  spacers=len(spacer_blocks(story)), steps=steps, pic_caption=pic, box_rows=box)


def _box_rows(template, g, layouter, story, box: E.Box, bw: int) -> int | None:
    """Grid lines a box ``bw`` columns wide needs for the story (its text balanced, inset)."""
    def trial(h):
        d = _scratch(template)
        d.stories.append(copy.deepcopy(story))
        d.pages[0].frames.append(TextFrame(story.id, g.x(0), g.y(0) + BOX_GAP, g.span(bw), h, columns=bw,
                                           gutter=g.gutter_mm, inset=box.inset, story=story.id, balance=True))
        return layouter.layout(d)
    res = trial(3000.0)
    if res.overset:
        return None
    low = _lowest(res, story.id)
    if low is None:
        return None
    rows = max(3, math.ceil(((low - g.y(0) * PT_PER_MM) * MM_PER_PT + box.inset + 2 * BOX_GAP) / g.pitch_mm))
    fits = lambda n: not trial(n * g.pitch_mm - 2 * BOX_GAP).overset   # noqa: E731
    for _ in range(4):
        if fits(rows):
            while rows > 3 and fits(rows - 1):       # the tightest box the text fills
                rows -= 1
            return rows
        rows += 1
    return None


# ------------------------------------------------------------------ the programme's leaves


class LayoutSolver(E._Solver):
    """The guillotine programme with layout-mode leaves (no copy edits): bounds from the leaves
    themselves, no L blocks."""

    def __init__(self, needs, items, boxes, g, n):
        self.needs, self.items, self.boxes, self.g = needs, items, boxes, g
        self.photos = [it.photo for it in items]
        self.n = n
        self.l_shapes = False
        self.spread = 0.0
        self.memo, self.leaf_memo, self.variants = {}, {}, {}
        lo, hi = [], []
        for i in range(self.n):
            areas = [w * h for w in range(1, g.columns + 1) for h in range(1, g.rows + 1)
                     if self._leaves(i, w, h)]
            lo.append(min(areas) if areas else math.inf)
            hi.append(max(areas) if areas else -math.inf)
        self.lo_pref, self.hi_pref = [0.0], [0.0]
        for a, b in zip(lo, hi):
            self.lo_pref.append(self.lo_pref[-1] + a)
            self.hi_pref.append(self.hi_pref[-1] + b)

    def leaf(self, i, w, h) -> list:
        key = (i, w, h)
        if key not in self.leaf_memo:
            self.leaf_memo[key] = self._leaves(i, w, h)
        return self.leaf_memo[key]

    def _leaves(self, i, w, h) -> list:
        it, nd, g = self.items[i], self.needs[i], self.g
        if it.widths and w not in it.widths:
            return []
        out = []
        if it.picture:
            hc = nd.head_cells[w - 1]
            if hc is None or it.photo is None:
                return []
            ph = (h - hc) * g.pitch_mm - nd.pic_caption.get(w, 0.0) - 3 * E.GAP_MM
            pw = ph * it.photo.aspect
            maxw = min(g.span(w), it.photo.px_w / E.MIN_PPI * 25.4)
            if ph > 0 and PIC_MIN * g.span(w) <= pw <= maxw + 1e-6:
                cost = (g.span(w) - pw) / (g.col_mm + g.gutter_mm) * 4
                out.append((cost, (E.Leaf(i, 0, 0, w, h, None, 0, picture=(round(pw, 4), round(ph, 4))),)))
            return out
        box = self.boxes.get(i)
        for step, cells_at in nd.steps.items():
            hc = cells_at[w - 1]
            if hc is None or h - hc < E.MIN_BODY_ROWS:
                continue
            rows = h - hc
            opts = [(None, w, 0)]
            if box is not None:
                bnd = self.needs[box]
                opts = [((box, bw, bh, 0), bw, bw * bh) for (bw, _), bh in sorted(bnd.box_rows.items()) if bw < w]
            for bx, tol, area in opts:
                if bx is not None:
                    _, bw, bh, _ = bx
                    free = rows - bh
                    below = max(E.MIN_BODY_ROWS, free // 2)
                    above = free - below
                    if above < E.MIN_BODY_ROWS:
                        continue
                    bx = (box, bw, bh, hc + above)
                spare = w * rows - area - nd.body_cells
                if spare < -1 or spare > tol + nd.spacers:
                    continue
                cost = max(0, spare - tol) * LEVER_COST["spacer"] + abs(step) * LEVER_COST["step"]
                out.append((cost, (E.Leaf(i, 0, 0, w, h, None, 0, head_step=step, box=bx),)))
        out.sort(key=lambda c: c[0])
        return out[:E.K_BEST]


# ------------------------------------------------------------------ building a proposal


def build_layout_document(template, items, stories, leaves, g: E.PageGrid, needs) -> Document:
    doc = copy.deepcopy(template)
    doc.meta.pop("name", None)
    page = doc.pages[0]
    fr = page.frames
    for l in sorted(leaves, key=lambda l: l.index):
        it, s = items[l.index], stories[l.index]
        art = f"art-{s.id}"
        doc.articles.append(Article(art, s.name or s.id))
        if l.head_step:
            for b in s.blocks:
                if b.role == "headline":
                    b.style = head_variant(doc, b.style, l.head_step)
        doc.stories.append(s)
        x, y, w, h = g.x(l.c0), E._down(g.y(l.r0)), g.span(l.w), l.h * g.pitch_mm
        if l.picture:
            hc = needs[l.index].head_cells[l.w - 1] or 0
            pw, ph = l.picture
            band = hc * g.pitch_mm
            fr.append(TextFrame(f"{s.id}-head", x, y, w, band, article=art, story=s.id, next=f"{s.id}-caption"))
            py = y + band + E.GAP_MM
            fr.append(ImageFrame(f"{s.id}-photo", round(x + (w - pw) / 2, 4), round(py, 4), pw, ph, article=art,
                                 path=it.photo.path, fit="fill"))
            cy = py + ph + E.GAP_MM
            fr.append(TextFrame(f"{s.id}-caption", x, round(cy, 4), w, round(y + h - cy, 4), article=art))
        elif l.box:
            bi, bw, bh, above = l.box
            side_w = l.w - bw
            y1 = E._down(g.y(l.r0 + above))
            y2 = E._down(g.y(l.r0 + above + bh))
            fr.append(TextFrame(f"{s.id}-top", x, y, w, y1 - y + E.EPS_MM, article=art, columns=l.w,
                                gutter=g.gutter_mm, story=s.id, next=f"{s.id}-side"))
            fr.append(TextFrame(f"{s.id}-side", x, y1, g.span(side_w), y + h - y1 + E.EPS_MM, article=art,
                                columns=side_w, gutter=g.gutter_mm, next=f"{s.id}-text"))
            bx = g.x(l.c0 + side_w)
            fr.append(TextFrame(f"{s.id}-text", bx, y2, g.span(bw), y + h - y2 + E.EPS_MM, article=art,
                                columns=bw, gutter=g.gutter_mm, balance=True))
            bs, bit = stories[bi], items[bi]
            bart = f"art-{bs.id}"
            doc.articles.append(Article(bart, bs.name or bs.id))
            doc.stories.append(bs)
            by, bh_mm = round(y1 + BOX_GAP, 4), round(bh * g.pitch_mm - 2 * BOX_GAP, 4)
            b = bit.box
            fr.append(BoxFrame(f"{bs.id}-box", bx, by, g.span(bw), bh_mm, article=bart, stroke=b.stroke,
                               stroke_weight=b.stroke_weight, fill=b.fill, tint=b.tint))
            fr.append(TextFrame(f"{bs.id}-text", bx, by, g.span(bw), bh_mm, article=bart, columns=bw,
                                gutter=g.gutter_mm, inset=b.inset, story=bs.id, balance=True))
        else:
            fr.append(TextFrame(f"{s.id}-text", x, y, w, h + E.EPS_MM, article=art, columns=l.w,
                                gutter=g.gutter_mm, story=s.id, balance=True))
        if l.r0 > 0:
            fr.append(RuleFrame(f"{s.id}-rule-top", x, y - 0.2, w, 0.0, weight=0.5))
        if l.c0 > 0:
            fr.append(RuleFrame(f"{s.id}-rule-left", x - g.gutter_mm / 2, y + 0.8, 0.0, h - 1.6, weight=0.5))
    return doc


# ------------------------------------------------------------------ filling a block


def fill_block(doc, layouter, story_id: str, g: E.PageGrid, result, picture: bool) -> tuple[list, str | None]:
    """(levers applied, None) when the story fills its block, else ([], the reason)."""
    state = E._frame_fit(result, doc, story_id, g) if not picture else None
    if picture:
        over = sum(o.chars for o in result.overset if o.story == story_id)
        return ([], None) if not over else ([], f"{story_id}: caption overset by {over} 字")
    if state.fits:
        return [], None
    if state.over:
        return [], f"{story_id}: {state.over} 字 overset in its block"
    story = doc.story(story_id)
    pitch_pt = g.pitch_mm * PT_PER_MM
    trials = layouter.trial()
    used = []
    for bi in spacer_blocks(story):
        b = story.blocks[bi]
        old = b.style
        b.style = space_variant(doc, old, pitch_pt)
        st = E._frame_fit(E._story_result(trials, doc, story_id), doc, story_id, g)
        if st.over:
            b.style = old
            continue
        used.append(f"{b.role} {bi} +1 行")
        if st.fits:
            return used, None
        state = st
    return [], f"{story_id}: short by {sum(state.gaps)} lines with every spacing lever"


# ------------------------------------------------------------------ entry point


def makeup_layout(template: Document, items, *, alternatives=3, layouter=None, base_dir=None,
                  time_limit=20.0) -> E.MakeupResult:
    t0 = time.perf_counter()
    if not template.pages:
        raise E.MakeupError("the template has no page")
    items = E._items_from(items)
    if not items:
        raise E.MakeupError("no stories to make up")
    ids = [it.story.id for it in items]
    if len(set(ids)) != len(ids):
        raise E.MakeupError(f"two stories share an id: {sorted(i for i in ids if ids.count(i) > 1)[0]!r}")
    for it in items:
        if template.story(it.story.id) is not None:
            raise E.MakeupError(f"story {it.story.id!r}: the template already has a story with this id")
        if it.photo is not None and (it.photo.px_w <= 0 or it.photo.px_h <= 0):
            raise E.MakeupError(f"story {it.story.id!r}: photo {it.photo.path or '(no file)'} has no pixel size")
        if it.picture and it.photo is None:
            raise E.MakeupError(f"story {it.story.id!r}: a picture story needs its photo (Item.photo)")
        if it.box is not None and it.box.inside not in ids:
            raise E.MakeupError(f"story {it.story.id!r}: box inside {it.box.inside!r}, which is not among the stories")
        if it.box is not None and it.box.inside == it.story.id:
            raise E.MakeupError(f"story {it.story.id!r}: a box cannot sit inside its own story")
    g = E.page_grid(template.pages[0])
    layouter = layouter or Layouter(base_dir=base_dir)
    main = [it for it in items if it.box is None]
    boxed = [it for it in items if it.box is not None]
    order = main + boxed                    # the DP's stories first, then the boxes
    stories = []
    for r, it in enumerate(order):
        s = E.prepare_story(it, r) if it.head_style is None else copy.deepcopy(it.story)
        if it.head_style is not None:
            for b in s.blocks:
                if b.role == "headline":
                    b.style = it.head_style
        stories.append(s)
    index = {it.story.id: i for i, it in enumerate(order)}
    boxes = {}
    for it in boxed:
        host = index[it.box.inside]
        if host >= len(main):
            raise E.MakeupError(f"story {it.story.id!r}: its host {it.box.inside!r} is itself boxed")
        if host in boxes:
            raise E.MakeupError(f"story {it.box.inside!r}: only one box inside a story")
        boxes[host] = index[it.story.id]
    host_cols = {boxes[h]: max(order[h].widths or (g.columns,)) for h in boxes}
    needs = [measure_item(template, g, layouter, s, it, host_cols.get(i, 0))
             for i, (s, it) in enumerate(zip(stories, order))]
    solver = LayoutSolver(needs, order, boxes, g, len(main))
    roots = solver.solve(0, len(main), g.columns, g.rows, keep=max(8, 3 * alternatives))
    if not roots:
        lo = solver.lo_pref[len(main)]
        hi = solver.hi_pref[len(main)]
        cap = g.columns * g.rows
        why = (f"the stories fill at least {lo:.0f} of the page's {cap} grid cells" if lo > cap else
               f"the stories fill at most {hi:.0f} of the page's {cap} grid cells" if hi < cap else
               "no arrangement of whole blocks the copy fills exactly")
        return E.MakeupResult([], False, f"not feasible without editing the copy: {why}",
                              seconds=time.perf_counter() - t0)
    proposals, reasons = [], []
    for cost, leaves in roots:
        if len(proposals) >= alternatives or time.perf_counter() - t0 > time_limit:
            break
        p, why = _realise(template, order, stories, leaves, g, layouter, needs)
        if p is not None:
            proposals.append(p)
        elif why not in reasons:
            reasons.append(why)
    proposals.sort(key=lambda p: p.score)
    secs = time.perf_counter() - t0
    if not proposals:
        return E.MakeupResult([], False, "not feasible without editing the copy: "
                              + "; ".join(reasons[:3]), seconds=secs)
    return E.MakeupResult(proposals, True, f"{len(proposals)} proposal(s), copy not edited", seconds=secs)


def _realise(template, order, stories, leaves, g, layouter, needs):
    stories = [copy.deepcopy(s) for s in stories]
    doc = build_layout_document(template, order, stories, leaves, g, needs)
    result = layouter.layout(doc)
    levers = {}
    for l in leaves:
        sids = [stories[l.index].id] + ([stories[l.box[0]].id] if l.box else [])
        for sid in sids:
            used, why = fill_block(doc, layouter, sid, g, result, picture=bool(l.picture) and sid == sids[0])
            if why:
                return None, why
            levers[sid] = ([f"标题{'大' if l.head_step > 0 else '小'}一号"] if l.head_step and sid == sids[0]
                           else []) + used
    result = layouter.layout(doc)
    over = sum(o.chars for o in result.overset)
    if over:
        return None, f"{over} 字 overset on the page"
    for l in leaves:
        for sid in [stories[l.index].id] + ([stories[l.box[0]].id] if l.box else []):
            if not l.picture and not E._frame_fit(result, doc, sid, g).fits:
                return None, f"{sid}: its columns do not end full"
    feet, empty = E.empty_feet(doc, result, g)
    head = sum(1 for a in leaves for b in leaves if a.index < b.index and b.r0 < a.r0
               and solver_headline(stories, a) and solver_headline(stories, b))
    photo = sum((g.span(l.w) - l.picture[0]) / (g.col_mm + g.gutter_mm) for l in leaves if l.picture)
    nlev = sum(len(v) for v in levers.values())
    parts = {"edit": 0.0, "levers": float(nlev), "head": 10.0 * head, "photo": 2.0 * photo}
    return E.Proposal(doc, sorted(leaves, key=lambda l: l.index), {}, sum(parts.values()), parts, over,
                      feet, empty, g, levers), None


def solver_headline(stories, leaf) -> bool:
    return any(b.role == "headline" for b in stories[leaf.index].blocks)
