"""The page canvas: pages painted from the display list, guides and frames on top.

Pages are stacked vertically in "scene" points.  Each page's picture is a
cached QImage painted by desktop/render/qt.py at the current scale; painting
the widget only blits those images and draws the overlays (guides, frame
edges, threads, selection) — it never lays out.  After an edit the session
says which pages changed; only the part of the cached image covered by the
display items that draw differently is repainted (items are compared by what
they draw, not by their source offsets).  After a text edit (typing) only those
rectangles and the tool's overlay (caret, preedit) are repainted in the
viewport; other edits repaint the viewport.  At high zoom (page image too big)
the visible region is painted directly, with items filtered by their boxes.

Tools (desktop/gui/tools.py) get the mouse and keyboard events and draw their
own overlays (Scribus canvasmode, Orange interactions).
"""
from __future__ import annotations

import math
from dataclasses import replace

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPen, QRegion
from PySide6.QtWidgets import QAbstractScrollArea, QMenu, QWidget

from ..core.model.document import BoxFrame, ImageFrame, RuleFrame, TextFrame
from ..core.model.units import MM_PER_PT, PT_PER_MM
from ..core.typeset.result import Box, GlyphRun, ImagePlacement, Rule, draws_as
from ..render.qt import paint_into
from .geometry import baseline_lines, column_edges
from . import canvas_problems as problems

PAGE_GAP = 36.0          # pt between pages
PAD = 48.0               # pt around the pages
MAX_PAGE_PIXELS = 24_000_000   # above this the visible region is painted directly
CACHE_BYTES = 128 * 1024 * 1024  # painted pages kept; the least recently shown go first

C_MARGIN = QColor(200, 0, 200)
C_COLUMN = QColor(140, 90, 230)
C_BASELINE = QColor(120, 190, 230, 110)
C_FRAME = QColor(100, 150, 200)
C_SELECT = QColor(20, 110, 255)
C_THREAD = QColor(20, 110, 255)
C_OVERSET = QColor(230, 0, 0)
C_BLEED = QColor(230, 60, 60)
C_GUIDE = QColor(0, 170, 200)       # ruler guides (InDesign's cyan)
C_LOCK = QColor(90, 90, 90)
GUIDE_HIT_PX = 3.0


def item_box(item) -> tuple[float, float, float, float]:
    """Bounding box (x0, y0, x1, y1) in pt of a display item (generous for glyphs)."""
    if isinstance(item, GlyphRun):
        if not item.xs:
            return (0, 0, 0, 0)
        if item.orient:      # a vertical line (竖排): an em or so either side of its centre line
            s = item.size
            return (item.y - s * 1.1, min(item.ys) - s * 1.1, item.y + s * 1.1,
                    max(item.ys) + max(item.advances) + s * 0.35)
        return (item.xs[0] - item.size * 0.2, item.y - item.size * 1.1,
                item.x_end + item.size * 0.2, item.y + item.size * 0.35)
    if isinstance(item, Rule):
        w = item.width / 2 + 1
        return (min(item.x1, item.x2) - w, min(item.y1, item.y2) - w,
                max(item.x1, item.x2) + w, max(item.y1, item.y2) + w)
    if isinstance(item, Box):
        w = item.stroke_width / 2 + 1
        return (item.x - w, item.y - w, item.x + item.w + w, item.y + item.h + w)
    if isinstance(item, ImagePlacement):
        x, y, w, h = item.clip
        return (x - 1, y - 1, x + w + 1, y + h + 1)
    return (-1e9, -1e9, 1e9, 1e9)


def _intersects(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


class PageImage:
    """A page painted at one scale, with the boxes of its items for partial repaints."""

    def __init__(self, page_result, scale: float):
        self.result = page_result
        self.scale = scale
        self._boxes: dict[int, tuple] = {}
        w = max(1, math.ceil(page_result.width * scale))
        h = max(1, math.ceil(page_result.height * scale))
        self.image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
        self.image.fill(QColor(255, 255, 255))
        qp = QPainter(self.image)
        try:
            paint_into(qp, page_result, scale, placeholders=True)
        finally:
            qp.end()

    def _box(self, item):
        """item_box, kept per item object across updates (most items survive an edit)."""
        e = self._boxes.get(id(item))
        if e is None or e[0] is not item:
            e = self._boxes[id(item)] = (item, item_box(item))
        return e[1]

    def update(self, new_result) -> list[QRect]:
        """Repaint only where items look different between the cached and the new display
        list; returns the repainted rectangles (image pixels) for the canvas to blit.

        Items the layouter kept (the same objects) are not compared at all; rebuilt ones are
        compared by what they draw (``_look``), so the runs after an insertion, whose source
        offsets moved by one but whose glyphs did not, are not repainted."""
        old = self.result
        self.result = new_result
        if draws_as(new_result, old) or old.items is new_result.items:
            return []       # (only its text's offsets moved: an edit earlier in the thread)
        if len(self._boxes) > 4 * len(new_result.items) + 64:     # forget items long gone
            live = {id(i) for i in new_result.items}
            self._boxes = {k: v for k, v in self._boxes.items() if k in live}
        kept = {id(i) for i in old.items}
        fresh = [i for i in new_result.items if id(i) not in kept]
        kept = {id(i) for i in new_result.items}
        gone = [i for i in old.items if id(i) not in kept]
        a, b = {_look(i): i for i in gone}, {_look(i): i for i in fresh}
        changed = [a[k] for k in a.keys() - b.keys()] + [b[k] for k in b.keys() - a.keys()]
        if not changed:
            if [_look(i) for i in old.items] == [_look(i) for i in new_result.items]:
                return []
            changed = list(new_result.items)       # same items, other order: repaint all
        s = self.scale
        rects = QRegion()
        clips = []
        for box in _dirty_boxes(changed):
            x0, y0 = math.floor(box[0] * s) - 1, math.floor(box[1] * s) - 1
            x1, y1 = math.ceil(box[2] * s) + 1, math.ceil(box[3] * s) + 1
            rects += QRect(x0, y0, x1 - x0, y1 - y0)
            clips.append((x0 / s, y0 / s, x1 / s, y1 / s))
        rects &= QRegion(self.image.rect())
        out = list(rects)
        if not out:
            return []
        items = []
        boxes = self._boxes          # (_box, inlined: this loop sees every item of the page)
        for i in new_result.items:
            e = boxes.get(id(i))
            if e is None or e[0] is not i:
                e = boxes[id(i)] = (i, item_box(i))
            a = e[1]
            for b in clips:
                if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]:
                    items.append(i)
                    break
        items = tuple(items)
        qp = QPainter(self.image)
        try:
            qp.setClipRegion(rects)
            for r in out:
                qp.fillRect(r, QColor(255, 255, 255))
            paint_into(qp, replace(new_result, items=items), s, placeholders=True)
        finally:
            qp.end()
        return out


def _look(item):
    """What an item draws: a glyph run without its source offsets (story, start, line …)."""
    if type(item) is GlyphRun:
        return (item.font, item.size, item.color, item.y, item.xs, item.glyphs)
    return item


def _dirty_boxes(items) -> list[tuple[float, float, float, float]]:
    """Boxes to repaint for changed items: glyph runs merged per frame column (a reflowed
    paragraph is one box per column, not one box spanning the page), other items alone."""
    cols: dict = {}
    out = []
    for i in items:
        bx = item_box(i)
        if type(i) is GlyphRun:
            k = (i.frame, i.column)
            c = cols.get(k)
            cols[k] = bx if c is None else (min(c[0], bx[0]), min(c[1], bx[1]),
                                            max(c[2], bx[2]), max(c[3], bx[3]))
        else:
            out.append(bx)
    return out + list(cols.values())


class Canvas(QAbstractScrollArea):
    """Scrollable view of every page of the session's document."""

    zoom_changed = Signal(float)
    view_changed = Signal()           # scroll or zoom (rulers follow)
    cursor_moved = Signal(float, float)   # mm on the current page
    frame_double_clicked = Signal(str, object)   # frame id, viewport point (QPointF)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.zoom = 1.0                   # 1.0 = actual size
        self.zoom_mode: str | None = None   # "page" / "width": the zoom re-fits when the window resizes
        self.guide_preview = None         # (page id, axis, mm) while a guide is dragged out of a ruler
        self.show_guides = True
        self.show_baseline = False
        self.show_frames = True
        self.preview = False
        self.snap = True
        self.new_story_role = "paragraph"     # what typing into an empty frame writes (context menu)
        self._images: dict[str, PageImage] = {}
        self._tool = None
        self._space_pan = None
        self.setMouseTracking(True)
        self.viewport().setMouseTracking(True)
        self.setAcceptDrops(True)             # stories dragged from the Articles panel
        self.viewport().setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.horizontalScrollBar().valueChanged.connect(self._scrolled)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.first_paint_done = False
        self.paint_count = 0
        self.cursor_page: str | None = None      # the page under the pointer (rulers)
        self.painted_pages: set[str] = set()     # pages drawn at least once (bench, tests)
        self._problems = problems.ProblemCache(self)   # pasteboard items, overlaps, empty heads per layout
        self._pads = None                          # room around the pages (pasteboard frames)
        self._map = None                           # (key, mapping): see _mapping
        self._map_pages = None                     # (doc, page count, (id, w, h) per page): see _mapping
        self._map_frozen = None                    # while painting: the mapping, looked up once
        self._paint_rect = None                    # while painting: the part of the viewport repainted
        session.document_changed.connect(self._drop_pads)
        self._rezoom_timer = QTimer(self, singleShot=True, interval=150)
        self._rezoom_timer.timeout.connect(self._drop_stale_images)
        self._refit_timer = QTimer(self, singleShot=True, interval=0)
        self._fitted_window = None          # the window's size when fit page / width was last done
        self._refit_timer.timeout.connect(self._refit)
        self._last_overlay_key = self._overlay_key()
        self._connect(session)

    def _connect(self, session, on=True):
        for sig, slot in ((session.layout_changed, self._layout_changed),
                          (session.selection_changed, self._selection_changed),
                          (session.document_changed, self._update_scroll)):
            if on:
                sig.connect(slot)
            else:
                try:
                    sig.disconnect(slot)
                except (RuntimeError, TypeError):
                    pass

    def _selection_changed(self):
        self.viewport().update()

    def set_session(self, session) -> None:
        """Show another session's pages — the master page editor's view (gui/master_view.py)
        and back; the current tool is handed over to it."""
        if session is self.session:
            return
        tool = self._tool
        if tool is not None:
            tool.deactivate()
        self._connect(self.session, False)
        self.session = session
        self._connect(session)
        self._drop_pads()           # (another document: its pages, its pasteboard)
        self._images.clear()
        if tool is not None:
            tool.activate(self)
        self._update_scroll()
        self.view_changed.emit()
        self.viewport().update()

    # ---------------------------------------------------------------- mapping
    @property
    def px_per_pt(self) -> float:
        dpi = self.logicalDpiX() or 96
        return self.zoom * dpi / 72.0

    def pads(self) -> tuple[float, float, float, float]:
        """(left, top, right, bottom) pt around the pages: PAD, or as far as the pasteboard's frames."""
        if self._pads is None:
            self._pads = problems.pasteboard_pads(self.session.doc, PAD)
        return self._pads

    def _drop_pads(self):
        self._pads = None
        self._map_pages = None

    def _mapping(self):
        """(page offsets, origin x, origin y, px per pt, scene size): the scene ↔ viewport mapping,
        kept while nothing it depends on changed (the pages' sizes, the pads, zoom, scroll,
        viewport size) — a paint maps hundreds of points, each once looked all of this up."""
        frozen = self._map_frozen
        if frozen is not None:          # (inside a paint nothing it depends on can change)
            return frozen
        doc = self.session.doc
        pages = doc.pages
        hb, vb, vp = self.horizontalScrollBar(), self.verticalScrollBar(), self.viewport()
        s = self.px_per_pt
        # the pages' ids and sizes are looked at again only after an edit (document_changed drops
        # _map_pages, as it drops the pads): a keystroke's paint maps a few hundred points
        sig = self._map_pages
        if sig is None or sig[0] is not doc or sig[1] != len(pages):
            sig = self._map_pages = (doc, len(pages), tuple((p.id, p.width, p.height) for p in pages))
        key = (sig[2], self.pads(), s, hb.value(), vb.value(), vp.width(), vp.height())
        m = self._map
        if m is not None and m[0] == key:
            return m[1]
        maxw = max((p.width for p in pages), default=210.0) * PT_PER_MM
        left, top, right, bottom = key[1]
        offs = {}
        y = top
        for p in pages:
            w = p.width * PT_PER_MM
            offs[p.id] = (left + (maxw - w) / 2, y)
            y += p.height * PT_PER_MM + PAGE_GAP
        h = sum(p.height * PT_PER_MM for p in pages) + PAGE_GAP * max(0, len(pages) - 1)
        sw, sh = maxw + left + right, h + top + bottom
        vw, vh = vp.width(), vp.height()
        ox = -hb.value() if sw * s > vw else (vw - sw * s) / 2
        oy = -vb.value() if sh * s > vh else (vh - sh * s) / 2
        got = (offs, ox, oy, s, (sw, sh))
        self._map = (key, got)
        return got

    def page_offsets(self) -> dict[str, tuple[float, float]]:
        """Scene position (pt) of each page's trim top-left."""
        return dict(self._mapping()[0])

    def scene_size(self) -> tuple[float, float]:
        return self._mapping()[4]

    def _origin(self) -> QPointF:
        """Viewport px of scene (0, 0)."""
        m = self._mapping()
        return QPointF(m[1], m[2])

    def scene_to_view(self, x: float, y: float) -> QPointF:
        _, ox, oy, s, _ = self._mapping()
        return QPointF(ox + x * s, oy + y * s)

    def view_to_scene(self, p: QPointF) -> tuple[float, float]:
        _, ox, oy, s, _ = self._mapping()
        return ((p.x() - ox) / s, (p.y() - oy) / s)

    def page_mm_to_view(self, page_id: str, x_mm: float, y_mm: float) -> QPointF:
        offs, ox, oy, s, _ = self._mapping()
        px, py = offs[page_id]
        return QPointF(ox + (px + x_mm * PT_PER_MM) * s, oy + (py + y_mm * PT_PER_MM) * s)

    def mm_rect_to_view(self, page_id: str, x, y, w, h) -> QRectF:
        a = self.page_mm_to_view(page_id, x, y)
        b = self.page_mm_to_view(page_id, x + w, y + h)
        return QRectF(a, b).normalized()

    def view_to_page_mm(self, p: QPointF, page_id: str | None = None):
        """(page id, x mm, y mm): the page under the point (or the given page)."""
        sx, sy = self.view_to_scene(p)
        offs = self.page_offsets()
        if page_id is None:
            best = None
            for pg in self.session.doc.pages:
                ox, oy = offs[pg.id]
                h = pg.height * PT_PER_MM
                if oy - PAGE_GAP / 2 <= sy <= oy + h + PAGE_GAP / 2:
                    best = pg.id
                    break
            if best is None and self.session.doc.pages:
                best = self.session.current_page or self.session.doc.pages[0].id
            page_id = best
        if page_id is None:
            return None, 0.0, 0.0
        ox, oy = offs[page_id]
        return page_id, (sx - ox) * MM_PER_PT, (sy - oy) * MM_PER_PT

    def mm_per_px(self) -> float:
        return MM_PER_PT / self.px_per_pt

    # ---------------------------------------------------------------- zoom / scroll
    def set_zoom(self, z: float, anchor: QPointF | None = None) -> None:
        self.zoom_mode = None             # a chosen zoom stays when the window resizes
        z = max(0.05, min(16.0, z))
        if abs(z - self.zoom) < 1e-9:
            return
        if anchor is None:
            anchor = QPointF(self.viewport().width() / 2, self.viewport().height() / 2)
        sx, sy = self.view_to_scene(anchor)
        self.zoom = z
        self._update_scroll()
        s = self.px_per_pt
        self.horizontalScrollBar().setValue(round(sx * s - anchor.x()))
        self.verticalScrollBar().setValue(round(sy * s - anchor.y()))
        self._rezoom_timer.start()
        self.zoom_changed.emit(z)
        self.view_changed.emit()
        self.viewport().update()

    def zoom_in(self):
        self.set_zoom(self.zoom * 1.25)

    def zoom_out(self):
        self.set_zoom(self.zoom / 1.25)

    def _page_of_view(self):
        pid = self.session.current_page
        return next((p for p in self.session.doc.pages if p.id == pid),
                    self.session.doc.pages[0] if self.session.doc.pages else None)

    def fit_page(self):
        p = self._page_of_view()
        if p is None:
            return
        dpi = (self.logicalDpiX() or 96) / 72.0
        vw, vh = self.viewport().width() - 24, self.viewport().height() - 24
        z = min(vw / (p.width * PT_PER_MM * dpi), vh / (p.height * PT_PER_MM * dpi))
        self.set_zoom(z)
        self.scroll_to_page(p.id)
        self.zoom_mode = "page"
        self._fitted_window = self.window().size()

    def fit_width(self):
        p = self._page_of_view()
        if p is None:
            return
        dpi = (self.logicalDpiX() or 96) / 72.0
        vw = self.viewport().width() - 24
        self.set_zoom(vw / (p.width * PT_PER_MM * dpi))
        self.scroll_to_page(p.id)
        self.zoom_mode = "width"
        self._fitted_window = self.window().size()

    def zoom_to_frames(self, frame_ids) -> bool:
        """Zoom and scroll so the frames fill the view (with a little air around them)."""
        offs = self.page_offsets()
        rects = []
        for fid in frame_ids:
            page, f = self.session.doc.find_frame(fid)
            if page is None:
                continue
            ox, oy = offs[page.id]
            x0, x1 = sorted((f.x, f.x + f.w))
            y0, y1 = sorted((f.y, f.y + f.h))
            rects.append((ox + x0 * PT_PER_MM, oy + y0 * PT_PER_MM, ox + x1 * PT_PER_MM, oy + y1 * PT_PER_MM))
        if not rects:
            return False
        x0, y0 = min(r[0] for r in rects), min(r[1] for r in rects)
        x1, y1 = max(r[2] for r in rects), max(r[3] for r in rects)
        dpi = (self.logicalDpiX() or 96) / 72.0
        vw, vh = self.viewport().width(), self.viewport().height()
        w, h = max(x1 - x0, 10.0), max(y1 - y0, 10.0)
        self.set_zoom(0.9 * min(vw / (w * dpi), vh / (h * dpi)))
        s = self.px_per_pt
        self.horizontalScrollBar().setValue(round((x0 + x1) / 2 * s - vw / 2))
        self.verticalScrollBar().setValue(round((y0 + y1) / 2 * s - vh / 2))
        self.viewport().update()
        return True

    def actual_size(self):
        self.set_zoom(1.0)

    def scroll_to_page(self, page_id: str) -> None:
        offs = self.page_offsets()
        if page_id not in offs:
            return
        s = self.px_per_pt
        ox, oy = offs[page_id]
        self.verticalScrollBar().setValue(round((oy - PAGE_GAP / 3) * s))

    def show_frame(self, page_id: str | None, frame_id: str | None = None) -> None:
        """Bring a frame (or, without one, its page) into view — centred when it is not
        wholly visible — and make its page the current one."""
        doc = self.session.doc
        page, f = doc.find_frame(frame_id) if frame_id else (None, None)
        if page is None:
            page = next((p for p in doc.pages if p.id == page_id), None)
            f = None
        if page is None:
            return
        self.session.current_page = page.id
        if f is None:
            self.scroll_to_page(page.id)
            return
        r = self.frame_view_rect(page.id, f)
        if QRectF(self.viewport().rect()).contains(r):
            return
        c = r.center()
        vc = QPointF(self.viewport().width() / 2, self.viewport().height() / 2)
        h, v = self.horizontalScrollBar(), self.verticalScrollBar()
        h.setValue(round(h.value() + c.x() - vc.x()))
        if r.height() > self.viewport().height():
            v.setValue(round(v.value() + r.top() - 12))
        else:
            v.setValue(round(v.value() + c.y() - vc.y()))
        self.viewport().update()

    def _update_scroll(self):
        s = self.px_per_pt
        sw, sh = self.scene_size()
        vw, vh = self.viewport().width(), self.viewport().height()
        for bar, total, page in ((self.horizontalScrollBar(), sw * s, vw),
                                 (self.verticalScrollBar(), sh * s, vh)):
            bar.setRange(0, max(0, math.ceil(total - page)))
            bar.setPageStep(max(1, page))
            bar.setSingleStep(max(1, page // 20))

    def resizeEvent(self, e):
        super().resizeEvent(e)
        self._update_scroll()
        # fit page / fit width hold while the window changes size (issue 14, item 15): once the
        # sizes settle, and never in the middle of a drag.  Only the window's size counts — a
        # dock opening beside the canvas leaves the zoom alone (the view does not jump as you type)
        if self.zoom_mode is not None and self.window().size() != self._fitted_window:
            self._refit_timer.start()
        self.view_changed.emit()

    def _refit(self):
        from PySide6.QtWidgets import QApplication
        if QApplication.mouseButtons() != Qt.MouseButton.NoButton:
            self._refit_timer.start(50)
            return
        self._refit_timer.setInterval(0)
        if self.zoom_mode == "page":
            self.fit_page()
        elif self.zoom_mode == "width":
            self.fit_width()

    def _scrolled(self, *_):
        self.view_changed.emit()
        self.viewport().update()

    def scrollContentsBy(self, dx, dy):
        self.viewport().update()

    # ---------------------------------------------------------------- cache
    def _layout_changed(self, changed):
        """Bring the page pictures up to date and repaint what changed.

        After a text edit (typing, deleting, character formats) only the rectangles the
        page pictures repainted are blitted again, and the tool's overlay repaints its own
        (caret, preedit); anything else — frames moved, pages added, a story's overset or a
        frame's emptiness changed (the frame overlay shows those) — repaints the viewport."""
        self._problems.note_layout(self.session)
        if changed is None:
            self._last_overlay_key = self._overlay_key()
            self._images.clear()
            self._update_scroll()
            self.viewport().update()
            return
        partial = self._text_only_change()
        dirty = QRegion()
        offs = self.page_offsets() if partial else None
        for pid in changed:
            img = self._images.get(pid)
            pr = self.session.page_result(pid)
            if img is None or pr is None:
                self._images.pop(pid, None)
                partial = False
            elif abs(img.scale - self.px_per_pt) > 1e-9:
                self._images.pop(pid, None)
                partial = False
            else:
                rects = img.update(pr)
                if partial and rects:
                    tl = self.scene_to_view(*offs[pid])
                    ox, oy = round(tl.x()), round(tl.y())
                    for r in rects:
                        dirty += r.translated(ox, oy)
        if partial:
            if not dirty.isEmpty():
                self.viewport().update(dirty)
        else:
            self.viewport().update()

    def _overlay_key(self):
        """What the frame overlay draws from the layout: overset markers, empty frames."""
        res = self.session.result
        return (frozenset(self.session.overset_frames()),
                frozenset(fl.frame for pr in res.pages for fl in pr.frames if fl.end_char > fl.first_char))

    def _text_only_change(self) -> bool:
        key = self._overlay_key()
        same, self._last_overlay_key = key == self._last_overlay_key, key
        return same and self.session.is_text_edit()

    def _drop_stale_images(self):
        s = self.px_per_pt
        stale = [k for k, v in self._images.items() if abs(v.scale - s) > 1e-9]
        for pid in stale:
            del self._images[pid]
        if stale:           # (pictures shown since the zoom were already made at its scale)
            self.viewport().update()

    def invalidate(self):
        self._images.clear()
        self.viewport().update()

    def page_image(self, page_id: str) -> PageImage | None:
        pr = self.session.page_result(page_id)
        if pr is None:
            return None
        s = self.px_per_pt
        img = self._images.get(page_id)
        if img is not None and abs(img.scale - s) < 1e-9:
            if img.result is not pr:
                img.update(pr)
            self._images[page_id] = self._images.pop(page_id)    # most recently used last
            return img
        if pr.width * s * pr.height * s > MAX_PAGE_PIXELS:
            return None
        img = PageImage(pr, s)
        self._images.pop(page_id, None)
        self._images[page_id] = img
        self._trim_cache(keep=page_id)
        return img

    def _trim_cache(self, keep: str) -> None:
        """Drop the least recently shown page pictures beyond CACHE_BYTES (a long issue
        scrolled through at 100 % does not keep every page in memory)."""
        total = sum(v.image.sizeInBytes() for v in self._images.values())
        for pid in list(self._images):
            if total <= CACHE_BYTES:
                break
            if pid == keep:
                continue
            total -= self._images.pop(pid).image.sizeInBytes()

    # ---------------------------------------------------------------- tools
    def set_tool(self, tool) -> None:
        if self._tool is not None:
            self._tool.deactivate()
        self._tool = tool
        tool.activate(self)
        self.viewport().setCursor(tool.cursor())
        self.viewport().update()

    @property
    def tool(self):
        return self._tool

    # ---------------------------------------------------------------- painting
    def paintEvent(self, e):
        qp = QPainter(self.viewport())
        qp.fillRect(e.rect(), QColor(150, 150, 150) if not self.preview else QColor(90, 90, 90))
        s = self.px_per_pt
        offs = self._mapping()[0]
        # what is repainted (after a keystroke: the changed glyphs and the caret): frames,
        # guides and markers wholly outside it are not drawn at all
        vrect = self._paint_rect = QRectF(e.rect())
        self._map_frozen = self._mapping()
        try:
            self._paint_all(qp, s, offs, vrect)
        finally:
            self._paint_rect = None
            self._map_frozen = None
            qp.end()
        self.paint_count += 1
        if not self.first_paint_done:
            self.first_paint_done = True
            w = self.window()
            if hasattr(w, "first_paint"):
                QTimer.singleShot(0, w.first_paint)

    def visible_rect(self) -> QRectF:
        """The viewport, or while painting the part of it being repainted."""
        r = self._paint_rect
        return QRectF(self.viewport().rect()) if r is None else r

    def _paint_all(self, qp: QPainter, s: float, offs, vrect: QRectF):
        for page in self.session.doc.pages:
            ox, oy = offs[page.id]
            tl = self.scene_to_view(ox, oy)
            pw, ph = page.width * PT_PER_MM * s, page.height * PT_PER_MM * s
            prect = QRectF(tl.x(), tl.y(), pw, ph)
            bleed = page.bleed * PT_PER_MM * s
            pl, pt_, pr_, pb = (max(v * s, bleed + 4) for v in self.pads())    # the pasteboard's frames too
            if not prect.adjusted(-pl, -max(pt_, pb), pr_, max(pt_, pb)).intersects(vrect):
                continue
            qp.fillRect(prect.translated(3, 3), QColor(60, 60, 60, 120))
            self._paint_page(qp, page, prect, s, vrect)
            if not self.preview:
                pr = self.session.page_result(page.id)
                if pr is not None:
                    problems.paint_pasteboard(self, qp, pr, prect, s, vrect)
                if bleed > 0:
                    qp.setPen(QPen(C_BLEED, 0.8, Qt.PenStyle.DashLine))
                    qp.setBrush(Qt.BrushStyle.NoBrush)
                    qp.drawRect(prect.adjusted(-bleed, -bleed, bleed, bleed))
                self._paint_guides(qp, page)
        if not self.preview:
            self._paint_frames(qp)
            problems.paint_problems(self, qp)
        if self._tool is not None:
            self._tool.paint_overlay(qp)

    def _paint_page(self, qp: QPainter, page, prect: QRectF, s: float, vrect: QRectF):
        pr = self.session.page_result(page.id)
        qp.fillRect(prect, QColor(255, 255, 255))
        if pr is None:
            return
        self.painted_pages.add(page.id)
        cached = self._images.get(page.id)
        if (cached is not None and abs(cached.scale - s) > 1e-9 and cached.result is pr
                and (self._rezoom_timer.isActive() or pr.width * s * pr.height * s > MAX_PAGE_PIXELS)):
            # zooming (Ctrl+wheel steps, the zoom actions): the picture painted at the scale
            # before, drawn scaled, until the zoom pauses (_rezoom_timer) and the page is painted
            # again at the new scale — a step costs a blit, not a whole page's glyphs
            qp.save()
            qp.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
            qp.drawImage(prect, cached.image)
            qp.restore()
            return
        img = self.page_image(page.id)
        if img is not None:
            qp.drawImage(QPointF(round(prect.x()), round(prect.y())), img.image)
            return
        # high zoom: paint the visible part of the page directly
        vis = prect.intersected(vrect)
        if vis.isEmpty():
            return
        x0 = (vis.x() - prect.x()) / s
        y0 = (vis.y() - prect.y()) / s
        clip_pt = (x0, y0, x0 + vis.width() / s, y0 + vis.height() / s)
        items = tuple(i for i in pr.items if _intersects(item_box(i), clip_pt))
        qp.save()
        qp.setClipRect(vis)
        qp.translate(prect.topLeft())
        paint_into(qp, replace(pr, items=items), s, placeholders=True)
        qp.restore()

    def _paint_guides(self, qp: QPainter, page):
        if not self.show_guides and not self.show_baseline:
            return
        pid = page.id
        vis = self.visible_rect()
        if self.show_baseline:
            qp.setPen(QPen(C_BASELINE, 0))
            x0 = self.page_mm_to_view(pid, page.margins.left, 0).x()
            x1 = self.page_mm_to_view(pid, page.width - page.margins.right, 0).x()
            top, bottom = vis.top() - 1, vis.bottom() + 1
            for y in baseline_lines(page, self.session.page_result(pid)):
                vy = self.page_mm_to_view(pid, 0, y).y()
                if top <= vy <= bottom:
                    qp.drawLine(QPointF(x0, vy), QPointF(x1, vy))
        if self.show_guides:
            m = page.margins
            r = self.mm_rect_to_view(pid, m.left, m.top, page.width - m.left - m.right,
                                     page.height - m.top - m.bottom)
            qp.setBrush(Qt.BrushStyle.NoBrush)
            qp.setPen(QPen(C_COLUMN, 0))
            left, right = vis.left() - 1, vis.right() + 1
            for a, b in column_edges(page):
                for x in (a, b):
                    vx = self.page_mm_to_view(pid, x, 0).x()
                    if left <= vx <= right:
                        qp.drawLine(QPointF(vx, r.top()), QPointF(vx, r.bottom()))
            qp.setPen(QPen(C_MARGIN, 0))
            qp.drawRect(r)
            self._paint_ruler_guides(qp, page)
        prev = self.guide_preview
        if prev is not None and prev[0] == pid:
            qp.setPen(QPen(C_GUIDE, 1, Qt.PenStyle.DashLine))
            self._guide_line(qp, page, prev[1], prev[2])

    def _guide_line(self, qp: QPainter, page, axis: str, pos: float):
        if axis == "x":
            a = self.page_mm_to_view(page.id, pos, -page.bleed)
            b = self.page_mm_to_view(page.id, pos, page.height + page.bleed)
        else:
            a = self.page_mm_to_view(page.id, -page.bleed, pos)
            b = self.page_mm_to_view(page.id, page.width + page.bleed, pos)
        qp.drawLine(a, b)

    def _paint_ruler_guides(self, qp: QPainter, page):
        qp.setPen(QPen(C_GUIDE, 0))
        for axis in ("x", "y"):
            for pos in getattr(page.guides, axis):
                self._guide_line(qp, page, axis, pos)

    def guide_at(self, p: QPointF):
        """(page id, axis, index) of the ruler guide under a viewport point, or None."""
        if not self.show_guides:
            return None
        pid, x, y = self.view_to_page_mm(p)
        page = next((pg for pg in self.session.doc.pages if pg.id == pid), None)
        if page is None or not (-page.bleed <= x <= page.width + page.bleed
                                and -page.bleed <= y <= page.height + page.bleed):
            return None
        tol = GUIDE_HIT_PX * self.mm_per_px()
        best = None
        for axis, v in (("x", x), ("y", y)):
            for i, pos in enumerate(getattr(page.guides, axis)):
                d = abs(pos - v)
                if d <= tol and (best is None or d < best[0]):
                    best = (d, (pid, axis, i))
        return best[1] if best else None

    def frame_view_rect(self, page_id, f) -> QRectF:
        if isinstance(f, RuleFrame):
            a = self.page_mm_to_view(page_id, f.x, f.y)
            b = self.page_mm_to_view(page_id, f.x + f.w, f.y + f.h)
            return QRectF(a, b).normalized().adjusted(-2, -2, 2, 2)
        return self.mm_rect_to_view(page_id, f.x, f.y, f.w, f.h)

    def _paint_frames(self, qp: QPainter):
        doc = self.session.doc
        sel = set(self.session.selection)
        overset = self.session.overset_frames()
        vrect = self.visible_rect().adjusted(-3, -3, 3, 3)     # (the pen's width and the ports)
        # the rectangles of the frames of the pages in sight (with their pasteboards), mapped
        # once for this paint (outlines, threads, markers); another page's only when a thread
        # line goes there
        rects = {}
        for page in doc.pages:
            x0, y0, x1, y1 = 0.0, 0.0, page.width, page.height     # the page and all its frames, mm
            for f in page.frames:
                x0, x1 = min(x0, f.x, f.x + f.w), max(x1, f.x, f.x + f.w)
                y0, y1 = min(y0, f.y, f.y + f.h), max(y1, f.y, f.y + f.h)
            area = self.mm_rect_to_view(page.id, x0, y0, x1 - x0, y1 - y0).adjusted(-4, -4, 4, 4)
            if area.intersects(vrect):
                for f in page.frames:
                    rects[f.id] = (page, f, self.frame_view_rect(page.id, f))

        def far(fid):
            page, f = doc.find_frame(fid)
            return None if page is None or f is None else (page, f, self.frame_view_rect(page.id, f))
        if self.show_frames:
            pen = QPen(C_FRAME, 0)
            qp.setBrush(Qt.BrushStyle.NoBrush)
            for page, f, r in rects.values():
                if isinstance(f, RuleFrame) or not r.intersects(vrect):
                    continue
                qp.setPen(pen)
                qp.drawRect(r)
                if isinstance(f, ImageFrame) and not f.path:
                    qp.drawLine(r.topLeft(), r.bottomRight())
                    qp.drawLine(r.topRight(), r.bottomLeft())
                if isinstance(f, TextFrame):
                    self._paint_ports(qp, r, f)
            # thread lines between linked frames (selected threads stronger)
            for page, f, a in list(rects.values()):
                if isinstance(f, TextFrame) and f.next:
                    got = rects.get(f.next) or far(f.next)
                    if got is None:
                        continue
                    g, b = got[1], got[2]
                    p1, p2 = QPointF(a.right() - 4, a.bottom() - 4), QPointF(b.left() + 4, b.top() + 4)
                    if not QRectF(p1, p2).normalized().adjusted(-2, -2, 2, 2).intersects(vrect):
                        continue
                    strong = f.id in sel or g.id in sel
                    qp.setPen(QPen(C_THREAD if strong else QColor(20, 110, 255, 90), 1.2 if strong else 0.8))
                    qp.drawLine(p1, p2)
        # overset marker: red ⊞ at the out-port of the last frame of an overset story
        for fid in overset:
            got = rects.get(fid)
            if got is None:
                continue
            r = got[2]
            m = QRectF(r.right() - 12, r.bottom() - 12, 10, 10)
            if not m.intersects(vrect):
                continue
            qp.fillRect(m, QColor(255, 255, 255))
            qp.setPen(QPen(C_OVERSET, 1.5))
            qp.drawRect(m)
            qp.drawLine(QPointF(m.center().x(), m.top() + 2), QPointF(m.center().x(), m.bottom() - 2))
            qp.drawLine(QPointF(m.left() + 2, m.center().y()), QPointF(m.right() - 2, m.center().y()))
        # locked frames: a padlock at the top right corner
        for page, f, r in rects.values():
            if f.locked and r.intersects(vrect):
                self._paint_lock(qp, QPointF(r.right() - 12, r.top() + 3))
        # selection
        for fid in self.session.selection:
            page, f = doc.find_frame(fid)
            if page is None or f is None:
                continue
            r = self.frame_view_rect(page.id, f)
            qp.setPen(QPen(C_SELECT, 1.5))
            qp.setBrush(Qt.BrushStyle.NoBrush)
            qp.drawRect(r)
            if len(self.session.selection) == 1 and not f.locked:   # a locked frame has no handles
                qp.setBrush(QBrush(QColor(255, 255, 255)))
                for h in self.handle_rects(r).values():
                    qp.drawRect(h)

    @staticmethod
    def _paint_lock(qp: QPainter, at: QPointF):
        """A 9 × 11 px padlock with its top-left corner at ``at``."""
        qp.save()
        qp.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        qp.fillRect(QRectF(at.x() - 1, at.y() - 1, 11, 13), QColor(255, 255, 255, 220))
        qp.setPen(QPen(C_LOCK, 1.4))
        qp.setBrush(Qt.BrushStyle.NoBrush)
        qp.drawArc(QRectF(at.x() + 1.5, at.y(), 6, 8), 0, 180 * 16)
        qp.drawLine(QPointF(at.x() + 1.5, at.y() + 4), QPointF(at.x() + 1.5, at.y() + 5))
        qp.drawLine(QPointF(at.x() + 7.5, at.y() + 4), QPointF(at.x() + 7.5, at.y() + 5))
        qp.fillRect(QRectF(at.x(), at.y() + 5, 9, 6), C_LOCK)
        qp.restore()

    def _paint_ports(self, qp, r: QRectF, f: TextFrame):
        size = 7
        inport = QRectF(r.left() + 2, r.top() + 2, size, size)
        outport = QRectF(r.right() - size - 2, r.bottom() - size - 2, size, size)
        qp.setPen(QPen(C_FRAME, 0))
        if f.story or self._has_prev(f.id):
            qp.fillRect(inport, QColor(20, 110, 255, 160))
        else:
            qp.drawRect(inport)
        if f.next:
            qp.fillRect(outport, QColor(20, 110, 255, 160))
        else:
            qp.drawRect(outport)

    def _has_prev(self, fid: str) -> bool:
        return any(isinstance(g, TextFrame) and g.next == fid for _, g in self.session.doc.all_frames())

    @staticmethod
    def handle_rects(r: QRectF) -> dict[str, QRectF]:
        h = 7.0
        xs = {"l": r.left(), "c": r.center().x(), "r": r.right()}
        ys = {"t": r.top(), "m": r.center().y(), "b": r.bottom()}
        out = {}
        for yk, y in ys.items():
            for xk, x in xs.items():
                if xk == "c" and yk == "m":
                    continue
                out[yk + xk] = QRectF(x - h / 2, y - h / 2, h, h)
        return out

    # ---------------------------------------------------------------- hit testing
    def frame_at(self, p: QPointF):
        """(page, frame) under a viewport point: the smallest frame containing it."""
        best = None
        best_area = None
        for page, f in self.session.doc.all_frames():
            r = self.frame_view_rect(page.id, f)
            if isinstance(f, RuleFrame):
                hit = r.adjusted(-3, -3, 3, 3).contains(p)
            else:
                hit = r.adjusted(-2, -2, 2, 2).contains(p)
            if hit:
                area = r.width() * r.height()
                if isinstance(f, BoxFrame):
                    area *= 4   # boxes sit behind text: prefer what is inside them
                if best is None or area < best_area:
                    best, best_area = (page, f), area
        return best if best else (None, None)

    def char_at(self, frame_id: str, p: QPointF) -> tuple[str, int] | None:
        """(story id, caret index in story.text) for a viewport point inside a text frame.

        Uses the layout's records: the frame's LineInfo (column measure and
        baseline) picks the line, the GlyphRuns on it (xs, advances, offsets)
        the character — the caret goes before the glyph whose left half is hit.
        """
        page, f = self.session.doc.find_frame(frame_id)
        if page is None:
            return None
        pr = self.session.page_result(page.id)
        if pr is None:
            return None
        lines = [ln for ln in pr.lines if ln.frame == frame_id]
        if not lines:
            return None
        _, x_mm, y_mm = self.view_to_page_mm(p, page.id)
        x, y = x_mm * PT_PER_MM, y_mm * PT_PER_MM

        def glyphs_of(ln):
            out = []
            for r in pr.line_runs(ln):
                for i, off in enumerate(r.offsets):
                    ch = r.start + off
                    if ln.start <= ch < max(ln.end, ln.start + 1):
                        gx, adv = r.along(i)      # x on a horizontal line, page y down a vertical one
                        out.append((gx, adv, ch, r.size))
            out.sort()
            return out

        best, best_key, best_glyphs = None, None, None
        for ln in lines:
            gl = glyphs_of(ln)
            size = max((g[3] for g in gl), default=pr.body_size)
            # along the line and across it: a vertical line (竖排) runs down the page
            a, c = (y, x) if ln.vertical else (x, y)
            dx = 0.0 if ln.x0 - 1 <= a <= ln.x1 + 1 else min(abs(a - ln.x0), abs(a - ln.x1))
            mid = ln.baseline if ln.vertical else ln.baseline - 0.38 * size   # middle of the CJK em box
            key = (dx > 0, dx, abs(c - mid))
            if best_key is None or key < best_key:
                best, best_key, best_glyphs = ln, key, gl
        ln, gl = best, best_glyphs
        if not gl:
            return ln.story, ln.start
        a = y if ln.vertical else x
        for gx, adv, ch, _ in gl:
            if a < gx + adv / 2:
                return ln.story, ch
        return ln.story, gl[-1][2] + 1

    # ---------------------------------------------------------------- events → tool
    def _event_tool(self):
        return self._space_pan or self._tool

    def mousePressEvent(self, e):
        self.setFocus()
        t = self._event_tool()
        if t:
            t.press(e)

    def mouseMoveEvent(self, e):
        pid, x, y = self.view_to_page_mm(e.position())
        if pid:
            self.cursor_page = pid         # the vertical ruler marks y on this page's scale
            self.cursor_moved.emit(x, y)
        t = self._event_tool()
        if t:
            t.move(e)

    def mouseReleaseEvent(self, e):
        t = self._event_tool()
        if t:
            t.release(e)

    def mouseDoubleClickEvent(self, e):
        t = self._event_tool()
        if t:
            t.double_click(e)

    # ---------------------------------------------------------------- drop a story
    def _story_drop_target(self, e):
        """(story id, frame id) when the drag carries a story over an empty text frame."""
        from .panels import STORY_MIME, placeable_frame
        md = e.mimeData()
        if not md.hasFormat(STORY_MIME):
            return None, None
        sid = bytes(md.data(STORY_MIME)).decode("utf-8")
        _, f = self.frame_at(e.position())
        if self.session.doc.story(sid) is None or f is None or not placeable_frame(self.session.doc, f.id):
            return sid, None
        return sid, f.id

    def dragEnterEvent(self, e):
        from .panels import STORY_MIME
        if e.mimeData().hasFormat(STORY_MIME):
            e.acceptProposedAction()
        else:
            e.ignore()

    def dragMoveEvent(self, e):
        sid, fid = self._story_drop_target(e)
        if fid:
            e.acceptProposedAction()
        else:
            e.ignore()

    def dropEvent(self, e):
        """A story dragged from the Articles panel onto an empty text frame: PlaceStory."""
        from ..core import commands as C
        sid, fid = self._story_drop_target(e)
        if not fid:
            e.ignore()
            return
        if self.session.push(C.PlaceStory(fid, sid)):
            self.session.set_selection([fid])
            e.acceptProposedAction()
        else:
            e.ignore()

    def wheelEvent(self, e):
        if e.modifiers() & Qt.KeyboardModifier.ControlModifier:
            d = e.angleDelta().y()
            if d:
                self.set_zoom(self.zoom * (1.25 ** (d / 120.0)), e.position())
            e.accept()
            return
        super().wheelEvent(e)

    def event(self, e):
        # the caret takes its keys before the window's shortcuts (T, V, Delete, Ctrl+A …)
        if e.type() == QEvent.Type.ShortcutOverride:
            wants = getattr(self._tool, "wants_key", None)
            if wants is not None and wants(e):
                e.accept()
                return True
        return super().event(e)

    def inputMethodEvent(self, e):
        handler = getattr(self._tool, "input_method", None)
        if handler is None:
            e.ignore()
            return
        handler(e)

    def inputMethodQuery(self, q):
        handler = getattr(self._tool, "im_query", None)
        v = handler(q) if handler is not None else None
        return super().inputMethodQuery(q) if v is None else v

    def contextMenuEvent(self, e):
        from .text_edit import context_actions
        menu = QMenu(self)
        if not context_actions(self, menu, QPointF(e.pos())):
            e.ignore()
            return
        menu.exec(e.globalPos())

    def keyPressEvent(self, e):
        wants = getattr(self._tool, "wants_key", None)
        if wants is not None and wants(e) and self._tool.key(e):
            return
        if e.key() == Qt.Key.Key_Space and not e.isAutoRepeat() and self._space_pan is None:
            from .tools import HandTool
            self._space_pan = HandTool()
            self._space_pan.activate(self)
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            return
        if self._tool and self._tool.key(e):
            return
        super().keyPressEvent(e)

    def keyReleaseEvent(self, e):
        if e.key() == Qt.Key.Key_Space and not e.isAutoRepeat() and self._space_pan is not None:
            self._space_pan = None
            if self._tool:
                self.viewport().setCursor(self._tool.cursor())
            return
        super().keyReleaseEvent(e)

    def sizeHint(self):
        return QSize(900, 700)


class Ruler(QWidget):
    """A ruler in mm along one edge of the canvas.

    The horizontal ruler's origin is the current page's left trim edge; the vertical ruler
    restarts at every page's top trim edge (pages are stacked), each page's scale running
    over the page and half the gap around it."""

    def __init__(self, canvas: Canvas, horizontal: bool, parent=None):
        super().__init__(parent)
        self.canvas = canvas
        self.horizontal = horizontal
        self.mark = None
        if horizontal:
            self.setFixedHeight(20)
        else:
            self.setFixedWidth(20)
        canvas.view_changed.connect(self.update)
        canvas.cursor_moved.connect(self._cursor)
        # drag out of the ruler onto a page: a guide (horizontal ruler → horizontal guide)
        self.axis = "y" if horizontal else "x"
        self._dragging = False
        self.setCursor(Qt.CursorShape.SplitVCursor if horizontal else Qt.CursorShape.SplitHCursor)
        self.setToolTip(self.tr("Drag onto the page to add a guide"))

    def _guide_target(self, e):
        """(page id, mm) where a guide dragged to the event's point lands, or None off the pages."""
        c = self.canvas
        vp = c.viewport()
        p = QPointF(vp.mapFromGlobal(e.globalPosition().toPoint()))
        if not QRectF(vp.rect()).contains(p):
            return None
        pid, x, y = c.view_to_page_mm(p)
        page = next((pg for pg in c.session.doc.pages if pg.id == pid), None)
        if page is None:
            return None
        pos = y if self.axis == "y" else x
        if not -page.bleed <= pos <= (page.height if self.axis == "y" else page.width) + page.bleed:
            return None
        return pid, round(pos, 2)

    def mousePressEvent(self, e):
        if e.button() == Qt.MouseButton.LeftButton:
            self._dragging = True

    def mouseMoveEvent(self, e):
        if not self._dragging:
            return
        t = self._guide_target(e)
        self.canvas.guide_preview = (t[0], self.axis, t[1]) if t else None
        if t:
            self.canvas.cursor_moved.emit(*((t[1], 0.0) if self.axis == "x" else (0.0, t[1])))
        self.canvas.viewport().update()

    def mouseReleaseEvent(self, e):
        if not self._dragging:
            return
        self._dragging = False
        self.canvas.guide_preview = None
        t = self._guide_target(e)
        if t:
            from ..core import commands as C
            self.canvas.session.push(C.AddGuide(t[0], self.axis, t[1]))
        self.canvas.viewport().update()

    def _cursor(self, x, y):
        self.mark = x if self.horizontal else y
        self.update()

    def step_mm(self) -> float:
        """Labelled tick spacing: labels at least 50 px apart."""
        mm_px = 1.0 / self.canvas.mm_per_px()
        step = 1
        for cand in (1, 2, 5, 10, 20, 50, 100, 200):
            step = cand
            if cand * mm_px >= 50:
                break
        return step

    def segments(self) -> list[tuple[str, float, float, float]]:
        """(page id, origin px, first px, last px) in this ruler's coordinates: one scale per
        page on the vertical ruler, the current page's on the horizontal one."""
        c = self.canvas
        pages = c.session.doc.pages
        if not pages:
            return []
        offset = c.viewport().mapTo(self.window(), QPointF(0, 0).toPoint())
        mine = self.mapTo(self.window(), QPointF(0, 0).toPoint())
        shift = (offset.x() - mine.x()) if self.horizontal else (offset.y() - mine.y())
        length = self.width() if self.horizontal else self.height()
        if self.horizontal:
            page = c._page_of_view()
            return [(page.id, c.page_mm_to_view(page.id, 0, 0).x() + shift, 0.0, float(length))]
        out = []
        half = PAGE_GAP / 2 * c.px_per_pt
        for i, p in enumerate(pages):
            top = c.page_mm_to_view(p.id, 0, 0).y() + shift
            bottom = c.page_mm_to_view(p.id, 0, p.height).y() + shift
            lo = -1e9 if i == 0 else top - half
            hi = 1e9 if i == len(pages) - 1 else bottom + half
            if hi < 0 or lo > length:
                continue
            out.append((p.id, top, max(lo, 0.0), min(hi, float(length))))
        return out

    def paintEvent(self, e):
        qp = QPainter(self)
        qp.fillRect(self.rect(), QColor(240, 240, 240))
        c = self.canvas
        segs = self.segments()
        if not segs:
            qp.end()
            return
        mm_px = 1.0 / c.mm_per_px()
        step = self.step_mm()
        font = QFont(self.font())
        font.setPixelSize(9)
        qp.setFont(font)
        small = step / 5 if step >= 5 else step / 2
        mark_page = c._page_of_view().id if self.horizontal else getattr(c, "cursor_page", None)
        for pid, origin, lo, hi in segs:
            qp.save()
            if self.horizontal:
                qp.setClipRect(QRectF(lo, 0, hi - lo, 20))
            else:
                qp.setClipRect(QRectF(0, lo, 20, hi - lo))
                if lo > 0:          # where one page's scale ends and the next begins
                    qp.setPen(QColor(160, 160, 160))
                    qp.drawLine(QPointF(0, lo), QPointF(20, lo))
            qp.setPen(QColor(80, 80, 80))
            first = math.floor((lo - origin) / mm_px / step) * step
            last = math.ceil((hi - origin) / mm_px / step) * step
            v = first
            while v <= last:
                pos = origin + v * mm_px
                if self.horizontal:
                    qp.drawLine(QPointF(pos, 10), QPointF(pos, 20))
                    qp.drawText(QPointF(pos + 2, 9), f"{v:g}")
                else:
                    qp.drawLine(QPointF(10, pos), QPointF(20, pos))
                    qp.save()
                    qp.translate(9, pos + 2)
                    qp.rotate(-90)
                    qp.drawText(QPointF(-20, 0), f"{v:g}")
                    qp.restore()
                for k in range(1, int(round(step / small))):
                    sp = pos + k * small * mm_px
                    if self.horizontal:
                        qp.drawLine(QPointF(sp, 16), QPointF(sp, 20))
                    else:
                        qp.drawLine(QPointF(16, sp), QPointF(20, sp))
                v += step
            if self.mark is not None and pid == mark_page:
                pos = origin + self.mark * mm_px
                qp.setPen(QColor(220, 0, 0))
                if self.horizontal:
                    qp.drawLine(QPointF(pos, 0), QPointF(pos, 20))
                else:
                    qp.drawLine(QPointF(0, pos), QPointF(20, pos))
            qp.restore()
        qp.end()
