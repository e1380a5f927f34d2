"""Canvas tools: each handles its own events and draws its own overlay.

Keys follow InDesign: Selection V, Text frame T, Image frame F, Rule \\,
Box M, Hand H, Zoom Z; Link L (click a text frame's out-port or the frame,
then the target).  Every change is one core command pushed on the session's
undo stack — a drag is one step, pushed on release.
"""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPen

from ..core import commands as C
from ..core.model.document import BoxFrame, ImageFrame, RuleFrame, TextFrame
from ..core.model.units import PT_PER_MM
from ..core.typeset.resolve import image_fit_inverse
from ..core.typeset.result import ImagePlacement
from .geometry import column_edges, snap_targets, snap_value

SNAP_PX = 6.0


class Tool:
    name = "tool"

    def activate(self, canvas):
        self.canvas = canvas

    def deactivate(self):
        pass

    def cursor(self):
        return Qt.CursorShape.ArrowCursor

    @property
    def session(self):
        return self.canvas.session

    def press(self, e): ...
    def move(self, e): ...
    def release(self, e): ...

    def double_click(self, e):
        pass

    def key(self, e) -> bool:
        return False

    def paint_overlay(self, qp):
        pass


def _snap_rect(canvas, page, x, y, w, h, exclude, *, move=True):
    """Shift (dx, dy) that snaps a moving rect's edges to columns, grid and frames."""
    if not canvas.snap:
        return 0.0, 0.0
    tol = SNAP_PX * canvas.mm_per_px()
    xs, ys = snap_targets(page, exclude, result=canvas.session.page_result(page.id))
    dx = snap_value([x, x + w] if move else [x + w], xs, tol)
    dy = snap_value([y, y + h] if move else [y + h], ys, tol)
    return dx, dy


def image_placement(session, frame_id: str) -> ImagePlacement | None:
    """The laid-out placement of an image frame's picture (None if none is drawn)."""
    for pr in session.result.pages:
        for it in pr.items:
            if isinstance(it, ImagePlacement) and it.frame == frame_id:
                return None if it.missing or not it.px_w or not it.px_h else it
    return None


def crop_props(pl: ImagePlacement, dx_mm: float, dy_mm: float) -> dict:
    """fit="none" scale and offsets (mm) that show ``pl``'s picture moved by (dx, dy) mm.

    The engine's "none": fill scale × ``scale``, centred in the frame, then
    shifted by offset_x/offset_y — so the current placement (whatever its fit)
    is converted to those terms first and the drag added to the offsets.
    """
    inv = image_fit_inverse(pl.clip, pl.px_w, pl.px_h, pl.x, pl.y, pl.w)
    return {"fit": "none", "scale": round(inv["scale"], 6),
            "offset_x": round(inv["offset_x"] + dx_mm, 4), "offset_y": round(inv["offset_y"] + dy_mm, 4)}


class SelectionTool(Tool):
    """Select (click, Shift+click, rubber band; Alt+click: the whole article),
    move (drag, snapping; Shift constrains), resize (handles), nudge (arrows).

    Locked frames are selected but never moved or resized by the mouse or the arrow keys.
    Ruler guides: drag one to move it; dragged off the page it is removed.

    Content grabber: Ctrl+drag on a placed image — or a plain drag after
    double-clicking the image frame (Esc or a click elsewhere leaves) — moves
    the picture inside its frame (crop): one SetFrameProps(fit="none",
    offset_x, offset_y) per drag.
    """

    name = "select"

    def activate(self, canvas):
        super().activate(canvas)
        self.mode = None
        self.start = None
        self.delta = (0.0, 0.0)
        self.band = None
        self.resize_rect = None
        self.content_frame: str | None = None    # image frame whose picture plain drags move

    def press(self, e):
        if e.button() != Qt.MouseButton.LeftButton:
            return
        c = self.canvas
        p = e.position()
        self.start = p
        sel = self.session.selection
        page, f = c.frame_at(p)
        mods = e.modifiers()
        if (isinstance(f, ImageFrame) and f.path and image_placement(self.session, f.id) is not None
                and (mods & Qt.KeyboardModifier.ControlModifier or f.id == self.content_frame)):
            self.session.set_selection([f.id])
            self.mode = "content"
            self.page, self.frame = page, f
            self.delta = (0.0, 0.0)
            c.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            return
        if self.content_frame is not None:
            self.content_frame = None
            c.viewport().update()
        # a handle of the single selected frame → resize
        if len(sel) == 1:
            spage, sf = self.session.doc.find_frame(sel[0])   # not the frame under the pointer
            if spage is not None and not isinstance(sf, RuleFrame) and not sf.locked:
                r = c.frame_view_rect(spage.id, sf)
                for name, h in c.handle_rects(r).items():
                    if h.adjusted(-2, -2, 2, 2).contains(p):
                        self.mode = "resize"
                        self.handle = name
                        self.page, self.frame = spage, sf
                        self.resize_rect = sf.rect()
                        return
                # the out-port of a selected text frame → link
                if isinstance(sf, TextFrame) and QRectF(r.right() - 11, r.bottom() - 11, 11, 11).contains(p):
                    link = LinkTool()
                    link.source = sf.id
                    c.window().set_tool("link", link)
                    return
        g = c.guide_at(p)
        if g is not None:
            self.mode = "guide"
            self.guide = g
            return
        if f is None:
            if not mods & Qt.KeyboardModifier.ShiftModifier:
                self.session.set_selection([])
            self.mode = "band"
            self.band = QRectF(p, p)
            return
        ids = self.session.article_frames(f.id) if mods & Qt.KeyboardModifier.AltModifier else [f.id]
        if mods & Qt.KeyboardModifier.ShiftModifier:
            cur = list(sel)
            if f.id in cur:
                self.session.set_selection([i for i in cur if i not in ids])
                self.mode = None
                return
            self.session.set_selection(cur + ids)
        elif f.id not in sel:
            self.session.set_selection(ids)
        self.mode = "move"
        self.page = page
        self.delta = (0.0, 0.0)
        locked = [i for i in self.session.selection if getattr(self.session.doc.find_frame(i)[1], "locked", False)]
        if locked:
            self.mode = None
            c.window().statusBar().showMessage(
                c.tr("Locked frames do not move: unlock them first (Arrange → Lock / unlock)"), 4000)

    def _guide_pos(self, p):
        pid, axis, _ = self.guide
        _, x, y = self.canvas.view_to_page_mm(p, pid)
        page = C.get_page(self.session.doc, pid)
        pos = x if axis == "x" else y
        limit = page.width if axis == "x" else page.height
        return round(pos, 2) if -page.bleed <= pos <= limit + page.bleed else None

    def move(self, e):
        c = self.canvas
        p = e.position()
        if self.mode is None:
            page, f = c.frame_at(p)
            if isinstance(f, ImageFrame) and f.path and (
                    f.id == self.content_frame or e.modifiers() & Qt.KeyboardModifier.ControlModifier):
                cur = Qt.CursorShape.OpenHandCursor
            elif f is not None and f.id in self.session.selection and not f.locked:
                cur = Qt.CursorShape.SizeAllCursor
            elif c.guide_at(p) is not None:
                cur = (Qt.CursorShape.SplitHCursor if c.guide_at(p)[1] == "x" else Qt.CursorShape.SplitVCursor)
            else:
                cur = Qt.CursorShape.ArrowCursor
            c.viewport().setCursor(cur)
            return
        k = c.mm_per_px()
        dx, dy = (p.x() - self.start.x()) * k, (p.y() - self.start.y()) * k
        if self.mode == "guide":
            pos = self._guide_pos(p)
            c.guide_preview = (self.guide[0], self.guide[1], pos) if pos is not None else None
        elif self.mode == "content":
            if e.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                if abs(dx) > abs(dy):
                    dy = 0.0
                else:
                    dx = 0.0
            self.delta = (dx, dy)
        elif self.mode == "band":
            self.band = QRectF(self.start, p).normalized()
        elif self.mode == "move":
            if e.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                if abs(dx) > abs(dy):
                    dy = 0.0
                else:
                    dx = 0.0
            frames = [self.session.doc.find_frame(i)[1] for i in self.session.selection]
            frames = [f for f in frames if f is not None]
            if frames:
                x0 = min(f.x for f in frames) + dx
                y0 = min(f.y for f in frames) + dy
                x1 = max(f.x + f.w for f in frames) + dx
                y1 = max(f.y + f.h for f in frames) + dy
                sx, sy = _snap_rect(c, self.page, x0, y0, x1 - x0, y1 - y0, set(self.session.selection))
                if not (e.modifiers() & Qt.KeyboardModifier.ShiftModifier and dx == 0):
                    dx += sx
                if not (e.modifiers() & Qt.KeyboardModifier.ShiftModifier and dy == 0):
                    dy += sy
            self.delta = (dx, dy)
        elif self.mode == "resize":
            self.resize_rect = self._resized(dx, dy, e.modifiers())
        c.viewport().update()

    def _resized(self, dx, dy, mods):
        x, y, w, h = self.frame.rect()
        hname = self.handle
        x0, y0, x1, y1 = x, y, x + w, y + h
        if "l" in hname[1]:
            x0 += dx
        if "r" in hname[1]:
            x1 += dx
        if hname[0] == "t":
            y0 += dy
        if hname[0] == "b":
            y1 += dy
        if mods & Qt.KeyboardModifier.ShiftModifier and w > 0 and h > 0:
            ratio = w / h   # keep proportions
            nw, nh = x1 - x0, y1 - y0
            if hname[1] in "lr" and hname[0] in "tb":
                nh = nw / ratio
                if hname[0] == "t":
                    y0 = y1 - nh
                else:
                    y1 = y0 + nh
        c = self.canvas
        if c.snap:
            tol = 6.0 * c.mm_per_px()
            xs, ys = snap_targets(self.page, {self.frame.id}, result=self.session.page_result(self.page.id))
            if "l" in hname[1]:
                x0 += snap_value([x0], xs, tol)
            if "r" in hname[1]:
                x1 += snap_value([x1], xs, tol)
            if hname[0] == "t":
                y0 += snap_value([y0], ys, tol)
            if hname[0] == "b":
                y1 += snap_value([y1], ys, tol)
        x0, x1 = min(x0, x1), max(x0, x1)
        y0, y1 = min(y0, y1), max(y0, y1)
        return (x0, y0, max(1.0, x1 - x0), max(1.0, y1 - y0))

    def release(self, e):
        c = self.canvas
        mode, self.mode = self.mode, None
        if mode == "guide":
            c.guide_preview = None
            pid, axis, i = self.guide
            pos = self._guide_pos(e.position())
            if pos != getattr(C.get_page(self.session.doc, pid).guides, axis)[i]:
                self.session.push(C.MoveGuide(pid, axis, i, pos))
        elif mode == "content":
            dx, dy = self.delta
            self.delta = (0.0, 0.0)
            c.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            pl = image_placement(self.session, self.frame.id)
            if pl is not None and (abs(dx) > 1e-6 or abs(dy) > 1e-6):
                cmd = C.SetFrameProps(self.frame.id, text="移动图片内容", **crop_props(pl, dx, dy))
                cmd.mergeable = False      # one undo step per drag
                self.session.push(cmd)
        elif mode == "move":
            dx, dy = self.delta
            self.delta = (0.0, 0.0)
            if abs(dx) > 1e-6 or abs(dy) > 1e-6:
                self.session.push(C.MoveFrames(self.session.selection, dx, dy))
        elif mode == "resize":
            r = self.resize_rect
            self.resize_rect = None
            if r != self.frame.rect():
                self.session.push(C.ResizeFrame(self.frame.id, *r))
        elif mode == "band" and self.band is not None:
            band = self.band
            self.band = None
            if band.width() > 3 or band.height() > 3:
                hits = [f.id for page, f in self.session.doc.all_frames()
                        if band.contains(c.frame_view_rect(page.id, f))]
                cur = self.session.selection if e.modifiers() & Qt.KeyboardModifier.ShiftModifier else []
                self.session.set_selection(list(cur) + hits)
        c.viewport().update()

    def double_click(self, e):
        page, f = self.canvas.frame_at(e.position())
        if isinstance(f, ImageFrame) and f.path:
            # enter (or leave) the picture: plain drags now move it inside the frame
            self.content_frame = None if self.content_frame == f.id else f.id
            self.session.set_selection([f.id])
            self.canvas.viewport().update()
            return
        if f is not None:
            self.canvas.frame_double_clicked.emit(f.id, e.position())

    def key(self, e) -> bool:
        sel = self.session.selection
        k = e.key()
        arrows = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0),
                  Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}
        if k in arrows and sel:
            step = 10.0 if e.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1.0
            ax, ay = arrows[k]
            free = [i for i in sel if not getattr(self.session.doc.find_frame(i)[1], "locked", False)]
            if free:
                self.session.push(C.MoveFrames(free, ax * step, ay * step))
            return True
        if k in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and sel:
            self.session.push(C.DeleteFrame(sel))
            return True
        if k == Qt.Key.Key_Escape:
            if self.content_frame is not None:
                self.content_frame = None
                self.canvas.viewport().update()
                return True
            self.session.set_selection([])
            return True
        return False

    def _paint_content(self, qp):
        """The picture at its dragged place, clipped to the frame, and its whole extent dashed."""
        c = self.canvas
        fid = self.frame.id if self.mode == "content" else self.content_frame
        page, f = self.session.doc.find_frame(fid) if fid else (None, None)
        pl = image_placement(self.session, fid) if f is not None else None
        if pl is None:
            return
        dx, dy = self.delta if self.mode == "content" else (0.0, 0.0)
        moved = replace(pl, x=pl.x + dx * PT_PER_MM, y=pl.y + dy * PT_PER_MM)
        s = c.px_per_pt
        tl = c.page_mm_to_view(page.id, 0.0, 0.0)
        if self.mode == "content" and (dx or dy):
            from ..render.qt import QtPagePainter
            qp.save()
            qp.translate(tl)
            x, y, w, h = pl.clip
            qp.fillRect(QRectF(x * s, y * s, w * s, h * s), QColor(255, 255, 255))
            QtPagePainter(qp, s).image(moved)
            qp.restore()
        qp.setPen(QPen(QColor(200, 120, 40), 1, Qt.PenStyle.DashLine))
        qp.setBrush(Qt.BrushStyle.NoBrush)
        qp.drawRect(QRectF(tl.x() + moved.x * s, tl.y() + moved.y * s, moved.w * s, moved.h * s))

    def paint_overlay(self, qp):
        c = self.canvas
        if self.mode == "content" or self.content_frame is not None:
            self._paint_content(qp)
        if self.mode == "band" and self.band is not None:
            qp.setPen(QPen(QColor(20, 110, 255), 1, Qt.PenStyle.DashLine))
            qp.setBrush(QColor(20, 110, 255, 30))
            qp.drawRect(self.band)
        elif self.mode == "move" and self.delta != (0.0, 0.0):
            dx, dy = self.delta
            qp.setPen(QPen(QColor(20, 110, 255), 1, Qt.PenStyle.DashLine))
            qp.setBrush(Qt.BrushStyle.NoBrush)
            for fid in self.session.selection:
                page, f = self.session.doc.find_frame(fid)
                if page is not None:
                    qp.drawRect(c.mm_rect_to_view(page.id, f.x + dx, f.y + dy, f.w, f.h))
        elif self.mode == "resize" and self.resize_rect is not None:
            qp.setPen(QPen(QColor(20, 110, 255), 1, Qt.PenStyle.DashLine))
            qp.setBrush(Qt.BrushStyle.NoBrush)
            qp.drawRect(c.mm_rect_to_view(self.page.id, *self.resize_rect))


class FrameTool(Tool):
    """Draw a new frame by dragging (text frames snap to columns)."""

    def __init__(self, kind: str):
        self.kind = kind
        self.name = kind

    def activate(self, canvas):
        super().activate(canvas)
        self.start = None
        self.rect = None
        self.page_id = None

    def cursor(self):
        return Qt.CursorShape.CrossCursor

    def _snap_point(self, page, x, y):
        c = self.canvas
        if not c.snap:
            return x, y
        tol = SNAP_PX * c.mm_per_px()
        if self.kind == "text":
            tol *= 3   # "drawn in column units"
        xs, ys = snap_targets(page, set(), result=self.session.page_result(page.id))
        return x + snap_value([x], xs, tol), y + snap_value([y], ys, tol)

    def press(self, e):
        if e.button() != Qt.MouseButton.LeftButton:
            return
        pid, x, y = self.canvas.view_to_page_mm(e.position())
        if pid is None:
            return
        page = C.get_page(self.session.doc, pid)
        self.page_id = pid
        self.start = self._snap_point(page, x, y)
        self.rect = (*self.start, 0.0, 0.0)

    def move(self, e):
        if self.start is None:
            return
        _, x, y = self.canvas.view_to_page_mm(e.position(), self.page_id)
        page = C.get_page(self.session.doc, self.page_id)
        x, y = self._snap_point(page, x, y)
        sx, sy = self.start
        if self.kind == "rule":
            if abs(x - sx) >= abs(y - sy):
                self.rect = (sx, sy, x - sx, 0.0)
            else:
                self.rect = (sx, sy, 0.0, y - sy)
        else:
            self.rect = (min(sx, x), min(sy, y), abs(x - sx), abs(y - sy))
        self.canvas.viewport().update()

    def release(self, e):
        if self.start is None:
            return
        rect, self.start, self.rect = self.rect, None, None
        self.canvas.viewport().update()
        x, y, w, h = rect
        if self.kind == "rule":
            if abs(w) + abs(h) < 1:
                return
        elif w < 2 or h < 2:
            return
        doc = self.session.doc
        prefix = {"text": "text", "image": "image", "rule": "rule", "box": "box"}[self.kind]
        fid = C.new_id(doc, prefix)
        cls = {"text": TextFrame, "image": ImageFrame, "rule": RuleFrame, "box": BoxFrame}[self.kind]
        frame = cls(fid, x, y, w, h)
        if self.session.push(C.AddFrame(self.page_id, frame)):
            self.session.set_selection([fid])

    def paint_overlay(self, qp):
        if self.rect is None:
            return
        qp.setPen(QPen(QColor(20, 110, 255), 1, Qt.PenStyle.DashLine))
        qp.setBrush(Qt.BrushStyle.NoBrush)
        x, y, w, h = self.rect
        if self.kind == "rule":
            a = self.canvas.page_mm_to_view(self.page_id, x, y)
            b = self.canvas.page_mm_to_view(self.page_id, x + w, y + h)
            qp.drawLine(a, b)
        else:
            qp.drawRect(self.canvas.mm_rect_to_view(self.page_id, x, y, w, h))


class LinkTool(Tool):
    """Click a text frame (the source), then another (the target) to thread them.

    Alt+click a frame cuts the thread after it.
    """

    name = "link"
    source: str | None = None

    def activate(self, canvas):
        super().activate(canvas)
        self.hover = None

    def cursor(self):
        return Qt.CursorShape.PointingHandCursor

    def press(self, e):
        if e.button() != Qt.MouseButton.LeftButton:
            return
        page, f = self.canvas.frame_at(e.position())
        if not isinstance(f, TextFrame):
            self.source = None
            self.canvas.viewport().update()
            return
        if e.modifiers() & Qt.KeyboardModifier.AltModifier:
            self.session.push(C.UnlinkFrame(f.id))
            return
        if self.source is None or self.source == f.id:
            self.source = f.id
            self.session.set_selection([f.id])
        else:
            src, self.source = self.source, None
            self.session.push(C.LinkFrames(src, f.id))
            self.session.set_selection([f.id])
        self.canvas.viewport().update()

    def move(self, e):
        self.hover = e.position()
        if self.source:
            self.canvas.viewport().update()

    def key(self, e):
        if e.key() == Qt.Key.Key_Escape:
            self.source = None
            self.canvas.viewport().update()
            return True
        return False

    def paint_overlay(self, qp):
        if self.source and self.hover is not None:
            page, f = self.session.doc.find_frame(self.source)
            if page is None:
                return
            r = self.canvas.frame_view_rect(page.id, f)
            qp.setPen(QPen(QColor(20, 110, 255), 1.5, Qt.PenStyle.DashLine))
            qp.drawLine(QPointF(r.right() - 4, r.bottom() - 4), self.hover)


class HandTool(Tool):
    name = "hand"

    def activate(self, canvas):
        super().activate(canvas)
        self.last = None

    def cursor(self):
        return Qt.CursorShape.OpenHandCursor

    def press(self, e):
        self.last = e.position()
        self.canvas.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)

    def move(self, e):
        if self.last is None:
            return
        p = e.position()
        h, v = self.canvas.horizontalScrollBar(), self.canvas.verticalScrollBar()
        h.setValue(round(h.value() - (p.x() - self.last.x())))
        v.setValue(round(v.value() - (p.y() - self.last.y())))
        self.last = p

    def release(self, e):
        self.last = None
        self.canvas.viewport().setCursor(Qt.CursorShape.OpenHandCursor)


class ZoomTool(Tool):
    name = "zoom"

    def cursor(self):
        return Qt.CursorShape.CrossCursor

    def press(self, e):
        c = self.canvas
        f = 1 / 1.5 if e.modifiers() & Qt.KeyboardModifier.AltModifier else 1.5
        c.set_zoom(c.zoom * f, e.position())


def column_span_rect(page, x0: float, x1: float) -> tuple[float, float]:
    """The column-grid span covering [x0, x1] (for text frames drawn in column units)."""
    cols = column_edges(page)
    left = min(cols, key=lambda c: abs(c[0] - x0))[0]
    right = min(cols, key=lambda c: abs(c[1] - x1))[1]
    return left, right
