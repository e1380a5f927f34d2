"""What the canvas shows of a page's visible problems (issue 14 item 11), on top of the page:

* the pasteboard: items of frames beside the page (and the part of bleeding items beyond the
  trim), painted directly around the cached page picture — never into it, and the export leaves
  them out (core/typeset/result.py ``printable``);
* 版面重叠: a red hatch over the covered part of another article's text and a red outline of the
  frame covering it (core/preflight.py ``frame_overlaps``, the same test preflight reports);
* an empty headline: a grey 「标题」 where the head goes, in a dashed box (``empty_heads``).

All of it is the editor's only: none of it is in the display list, so neither the PDF nor the
PNG proofs show it; Preview (W) hides it too.  What it needs from a layout is computed once per
LayoutResult (cached by identity) — painting only draws.
"""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QRect, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPen, QRegion

from ..core.model.document import TextFrame
from ..core.model.units import MM_PER_PT, PT_PER_MM
from ..core.typeset.flow import ASCENT, DESCENT
from ..core.typeset.result import GlyphRun
from ..render.qt import paint_into

C_OVERLAP = QColor(230, 0, 0)
C_PLACEHOLDER = QColor(150, 150, 150)
PASTEBOARD_MARGIN = 24.0     # pt of grey beyond the farthest frame on the pasteboard
MAX_PASTEBOARD = 3000.0      # pt: a frame thrown far away does not make the scene endless


def placeholder_label() -> str:
    """The grey text of an empty headline: 「标题」 in Chinese."""
    return QCoreApplication.translate("CanvasProblems", "[Headline]")


# ------------------------------------------------------------------ the pasteboard

def pasteboard_pads(doc, pad: float) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) pt of grey the scene keeps around the pages: ``pad``, or more
    where frames lie on the pasteboard beyond it (so they can be scrolled to and picked)."""
    pages = doc.pages
    if not pages:
        return pad, pad, pad, pad
    maxw = max(p.width for p in pages) * PT_PER_MM
    left = right = top = bottom = pad
    last = len(pages) - 1
    for i, p in enumerate(pages):
        dx = (maxw - p.width * PT_PER_MM) / 2
        for f in p.frames:
            x0, x1 = sorted((f.x, f.x + f.w))
            y0, y1 = sorted((f.y, f.y + f.h))
            left = max(left, -(dx + x0 * PT_PER_MM) + PASTEBOARD_MARGIN)
            right = max(right, dx + x1 * PT_PER_MM - maxw + PASTEBOARD_MARGIN)
            if i == 0:
                top = max(top, -y0 * PT_PER_MM + PASTEBOARD_MARGIN)
            if i == last:
                bottom = max(bottom, (y1 - p.height) * PT_PER_MM + PASTEBOARD_MARGIN)
    return tuple(min(v, MAX_PASTEBOARD) for v in (left, top, right, bottom))


OVERLAP_MS = 150    # after a keystroke the overlaps and empty heads follow after this pause


class ProblemCache:
    """Per LayoutResult: items beyond each page's trim, overlaps, empty heads.

    After a text edit (a keystroke) the overlaps of the previous layout are drawn and the new
    ones found after a pause (``OVERLAP_MS``): finding them walks every glyph run of the page
    (4 ms on the sample), too dear for every keystroke. Empty heads are found at once (a
    headline's placeholder goes with its first character), and so is everything after any
    other edit."""

    def __init__(self, canvas=None):
        self._key = (None, None)
        self.outside: dict[str, tuple] = {}
        self.overlaps: list = []
        self.heads: list = []
        self._canvas = canvas
        self._timer = None
        self._computed = False
        self._defer = None          # the layout a keystroke made (its overlaps come after a pause)

    def note_layout(self, session) -> None:
        """Called as a new layout arrives (the canvas's layout_changed): whether it is a keystroke's."""
        is_text_edit = getattr(session, "is_text_edit", None)
        self._defer = session.result if is_text_edit is not None and is_text_edit() else None

    def get(self, session) -> "ProblemCache":
        key = (session.result, session.doc)
        if key[0] is not self._key[0] or key[1] is not self._key[1]:
            self._key = key
            self.outside = {}
            if self._canvas is not None and self._computed and self._defer is session.result:
                self._heads(session)       # cheap, and a placeholder must go with the first key
                self._later()
            else:
                self._compute(session)
        return self

    def _compute(self, session) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._computed = True
        try:
            # imported here, not at startup: the first paint does without it (paint_problems)
            from ..core.preflight import empty_heads, frame_overlaps
            self.overlaps = frame_overlaps(session.doc, session.result)
            self.heads = empty_heads(session.doc, session.result)
        except Exception:   # noqa: BLE001 — a drawing aid must never take the canvas down
            self.overlaps, self.heads = [], []

    def _heads(self, session) -> None:
        try:
            from ..core.preflight import empty_heads
            self.heads = empty_heads(session.doc, session.result)
        except Exception:   # noqa: BLE001 — a drawing aid must never take the canvas down
            self.heads = []

    def _later(self) -> None:
        if self._timer is None:
            from PySide6.QtCore import QTimer
            self._timer = QTimer(self._canvas, singleShot=True, interval=OVERLAP_MS)
            self._timer.timeout.connect(self._catch_up)
        self._timer.start()

    def _catch_up(self) -> None:
        c = self._canvas
        self._compute(c.session)
        self._key = (c.session.result, c.session.doc)
        c.viewport().update()

    def outside_items(self, pr) -> tuple:
        """The page's items that reach beyond its trim (pasteboard, bleed)."""
        got = self.outside.get(pr.page)
        if got is not None and got[0] is pr:
            return got[1]
        from .canvas import item_box
        w, h = pr.width, pr.height
        items = []
        for it in pr.items:
            b = item_box(it)
            if isinstance(it, GlyphRun):     # item_box is generous for glyphs; their em boxes decide
                if not it.xs:
                    continue
                b = (it.xs[0], it.y - it.size, it.x_end, it.y + 0.25 * it.size)
            if b[0] < 0 or b[1] < 0 or b[2] > w or b[3] > h:
                items.append(it)
        self.outside[pr.page] = (pr, tuple(items))
        return self.outside[pr.page][1]


def paint_pasteboard(canvas, qp, pr, prect: QRectF, s: float, vrect: QRectF) -> None:
    """Draw what lies beyond the trim of page ``pr`` (whose trim is at ``prect`` in the viewport)
    around the page picture, which is clipped to the trim."""
    page_px = QRect(round(prect.x()), round(prect.y()), max(1, round(prect.width())), max(1, round(prect.height())))
    region = QRegion(vrect.toAlignedRect()).subtracted(QRegion(page_px))
    if region.isEmpty():        # (a repaint inside the page, e.g. a keystroke's: nothing to look for)
        return
    items = canvas._problems.get(canvas.session).outside_items(pr)
    if not items:
        return
    qp.save()
    qp.setClipRegion(region)
    qp.translate(prect.topLeft())
    paint_into(qp, replace(pr, items=items), s, placeholders=True)
    qp.restore()


# ------------------------------------------------------------------ overlaps and empty heads

def paint_problems(canvas, qp) -> None:
    if not canvas.first_paint_done:
        # the window's first picture comes without them (startup budget); they follow at once
        from PySide6.QtCore import QTimer
        QTimer.singleShot(0, canvas.viewport().update)
        return
    cache = canvas._problems.get(canvas.session)
    doc = canvas.session.doc
    pages = doc.pages
    vrect = canvas.visible_rect()
    for o in cache.overlaps:
        if o.page >= len(pages):
            continue
        pid = pages[o.page].id
        x0, y0, x1, y1 = o.rect
        r = canvas.mm_rect_to_view(pid, x0 * MM_PER_PT, y0 * MM_PER_PT, (x1 - x0) * MM_PER_PT, (y1 - y0) * MM_PER_PT)
        if not r.intersects(vrect):
            continue
        qp.save()
        fill = QColor(C_OVERLAP)
        fill.setAlpha(40)
        qp.fillRect(r, fill)
        brush = QBrush(C_OVERLAP, Qt.BrushStyle.BDiagPattern)
        qp.setBrushOrigin(r.topLeft())
        qp.fillRect(r, brush)
        qp.setPen(QPen(C_OVERLAP, 1.0))
        qp.setBrush(Qt.BrushStyle.NoBrush)
        qp.drawRect(r)
        page, front = doc.find_frame(o.front)
        if page is not None and front is not None:
            qp.setPen(QPen(C_OVERLAP, 2.0, Qt.PenStyle.DashLine))
            qp.drawRect(canvas.frame_view_rect(page.id, front))
        qp.restore()
    for h in cache.heads:
        page = pages[h.page] if h.page < len(pages) else None
        f = page.frame(h.frame) if page is not None else None
        if f is None or not canvas.frame_view_rect(page.id, f).intersects(vrect):
            continue            # (the placeholder lies inside its frame)
        r = head_slot(canvas, h)
        if r is None or not r[0].intersects(vrect):
            continue
        paint_placeholder(qp, *r)


def head_slot(canvas, h):
    """(viewport rect, pixel size, alignment) where the empty head ``h`` goes: the room its
    (empty) line keeps between the lines before and after it in its frame."""
    doc = canvas.session.doc
    result = canvas.session.result
    if h.page >= len(result.pages) or h.page >= len(doc.pages):
        return None
    pr = result.pages[h.page]
    page = doc.pages[h.page]
    f = page.frame(h.frame)
    if not isinstance(f, TextFrame):
        return None

    def em(ln) -> tuple[float, float, float]:
        """(size, above, below) of a line: its largest run's size and face's em box (pt)."""
        runs = pr.line_runs(ln)
        if not runs:
            return 9.0, ASCENT * 9.0, DESCENT * 9.0
        r = max(runs, key=lambda r: r.size)
        face = pr.face(r.font)
        return r.size, face.em_top * r.size, -face.em_bottom * r.size

    lines = sorted((ln for ln in pr.lines if ln.frame == h.frame and ln.story == h.story), key=lambda L: L.start)
    prev = [ln for ln in lines if ln.end < h.char]
    nxt = [ln for ln in lines if ln.start > h.char]
    st = doc.story(h.story)
    ps = doc.paragraph_style(st.blocks[h.block].style) if st is not None and h.block < len(st.blocks) else None
    size = ps.size if ps is not None else 22.0
    inset = f.inset * PT_PER_MM
    fx0, fy0 = f.x * PT_PER_MM + inset, f.y * PT_PER_MM + inset
    fx1, fy1 = (f.x + f.w) * PT_PER_MM - inset, (f.y + f.h) * PT_PER_MM - inset
    P = prev[-1] if prev else None
    N = nxt[0] if nxt else None
    if P is not None and N is not None and N.column != P.column:
        N = None
    top = P.baseline + em(P)[2] if P is not None else fy0
    if N is not None:
        bottom = N.baseline - em(N)[1]
    else:
        bottom = top + (ps.leading if ps is not None and ps.leading else size * 1.3)
    bottom = min(bottom, fy1)
    if bottom - top < 4.0:
        return None
    size = min(size, (bottom - top) * 0.8)
    x0, x1 = (N.x0, N.x1) if N is not None and not (ps is not None and ps.span) else (fx0, fx1)
    if ps is not None and ps.span:
        x0, x1 = fx0, fx1
    r = canvas.mm_rect_to_view(page.id, x0 * MM_PER_PT, top * MM_PER_PT, (x1 - x0) * MM_PER_PT,
                               (bottom - top) * MM_PER_PT)
    align = {"center": Qt.AlignmentFlag.AlignHCenter, "right": Qt.AlignmentFlag.AlignRight}.get(
        ps.align if ps is not None else "center", Qt.AlignmentFlag.AlignLeft)
    return r, size * canvas.px_per_pt, align


def paint_placeholder(qp, r: QRectF, px: float, align) -> None:
    qp.save()
    qp.setPen(QPen(C_PLACEHOLDER, 1.0, Qt.PenStyle.DashLine))
    qp.setBrush(Qt.BrushStyle.NoBrush)
    qp.drawRect(r.adjusted(1, 1, -1, -1))
    font = QFont(qp.font())
    font.setPixelSize(max(6, round(px)))
    font.setBold(True)
    qp.setFont(font)
    qp.setPen(C_PLACEHOLDER)
    qp.drawText(r, int(align | Qt.AlignmentFlag.AlignVCenter), placeholder_label())
    qp.restore()


def placeholder_rects(canvas) -> list[QRectF]:
    """Where the canvas draws placeholders now (tests, and anything that must avoid them)."""
    out = []
    for h in canvas._problems.get(canvas.session).heads:
        r = head_slot(canvas, h)
        if r is not None:
            out.append(r[0])
    return out


def overlap_rects(canvas) -> list[QRectF]:
    """Viewport rects of the hatched overlaps."""
    pages = canvas.session.doc.pages
    out = []
    for o in canvas._problems.get(canvas.session).overlaps:
        x0, y0, x1, y1 = o.rect
        out.append(canvas.mm_rect_to_view(pages[o.page].id, x0 * MM_PER_PT, y0 * MM_PER_PT,
                                          (x1 - x0) * MM_PER_PT, (y1 - y0) * MM_PER_PT))
    return out


__all__ = ["paint_pasteboard", "paint_problems", "pasteboard_pads", "ProblemCache", "placeholder_rects",
           "overlap_rects", "placeholder_label"]
