"""The Qt painter: draws a page's display list on any QPaintDevice (QtGui only).

Glyph runs are drawn with ``QRawFont`` loaded from the bundled font files at
the engine's glyph ids and per-glyph positions (``QGlyphRun.setPositions``),
never measured or placed by ``QFont``/``QFontMetrics``.  Points map to pixels
as ``(x - origin_x) * scale`` with ``scale = dpi / 72`` exactly — no rounding
of positions — so a PNG proof lines up with the PDF rasterised at the same
resolution.

Colours: the display list carries CMYK; the screen gets a naive conversion
(``r = 1 - min(1, c + k)``…), good enough to see a page, never used for print.

The editor canvas and ``banmian proof`` both come through
:func:`render_page_image` / :class:`QtPagePainter`; this module works without a
window (QImage + offscreen platform).
"""
from __future__ import annotations

import ctypes
import math
import sys
import threading
from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor, QFont, QGlyphRun, QImage, QImageReader, QPainter, QPainterPath, QPen, QRawFont,
)

from ..core.typeset.result import ROTATED, Box, GlyphRun, ImagePlacement, PageResult, Rule
from .paint import paint_page

PT_PER_INCH = 72.0
MAX_CACHED_GLYPH_PX = 64.0   # Qt's QT_MAX_CACHED_GLYPH_SIZE: larger glyphs are drawn as paths


def guard_none_refcount() -> bool:
    """Work around a PySide6 6.12 binding bug on Python < 3.12.

    In PySide6 6.12.0 every call of a ``void`` Qt method (``QPainter.setPen``,
    ``drawLine``, ``QGlyphRun.setPositions`` …) decrements the reference count
    of ``None`` once without having incremented it.  On Python ≥ 3.12 ``None``
    is immortal and nothing happens; on 3.11 the count reaches zero after some
    ten thousand calls — a few seconds of painting — and the interpreter aborts
    with "none_dealloc: deallocating None".  When the bug is detected we add
    2**40 to ``None``'s count once (``None`` is never freed anyway), enough for
    months of painting.  Returns True if the guard was applied.
    """
    if sys.version_info >= (3, 12) or getattr(guard_none_refcount, "applied", False):
        return False
    img = QImage(2, 2, QImage.Format.Format_ARGB32_Premultiplied)
    qp = QPainter(img)
    before = sys.getrefcount(None)
    for _ in range(100):
        qp.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    after = sys.getrefcount(None)
    qp.end()
    if after >= before - 50:
        return False
    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40
    guard_none_refcount.applied = True
    return True


guard_none_refcount()


def cmyk_to_qcolor(cmyk) -> QColor:
    """Naive CMYK → sRGB for display only (no ICC)."""
    if cmyk is None:
        return QColor(0, 0, 0, 0)
    c, m, y, k = (min(1.0, max(0.0, float(v))) for v in cmyk)
    return QColor.fromRgbF((1.0 - c) * (1.0 - k), (1.0 - m) * (1.0 - k), (1.0 - y) * (1.0 - k))


# ------------------------------------------------------------------ font cache


class RawFontCache:
    """One QRawFont per (font file, pixel size), built from the file read once.  The file is
    a face table entry's (result.Face.path): no font registry here."""

    def __init__(self, max_sizes: int = 256):
        self._base: dict[str, QRawFont] = {}
        self._sized: OrderedDict[tuple[str, float], QRawFont] = OrderedDict()
        self._max = max_sizes
        self._lock = threading.Lock()

    def raw_font(self, face, pixel_size: float) -> QRawFont:
        """The QRawFont of face table entry ``face`` (a result.Face) at ``pixel_size``."""
        path = face.path
        key = (path, round(pixel_size, 4))
        with self._lock:
            rf = self._sized.get(key)
            if rf is not None:
                self._sized.move_to_end(key)
                return rf
            base = self._base.get(path)
            if base is None:
                data = Path(path).read_bytes()
                base = QRawFont(data, 12.0, QFont.HintingPreference.PreferNoHinting)
                if not base.isValid():
                    raise ValueError(f"Qt cannot load font {face.id!r} ({path})")
                self._base[path] = base
            rf = QRawFont(base)
            rf.setPixelSize(max(pixel_size, 0.01))
            self._sized[key] = rf
            if len(self._sized) > self._max:
                self._sized.popitem(last=False)
            return rf


_FONTS: RawFontCache | None = None


def default_font_cache() -> RawFontCache:
    global _FONTS
    if _FONTS is None:
        _FONTS = RawFontCache()
    return _FONTS


# ------------------------------------------------------------------ image cache


class ImageCache:
    """Decoded images, downscaled to the size they are drawn at (display only)."""

    def __init__(self, max_items: int = 64):
        self._items: OrderedDict[tuple, QImage] = OrderedDict()
        self._max = max_items

    def get(self, path: str, w_px: int, h_px: int) -> QImage | None:
        # quantise the requested size so a small zoom change reuses the decode
        qw = max(1, 1 << max(0, math.ceil(math.log2(max(1, w_px)))))
        key = (path, qw)
        img = self._items.get(key)
        if img is not None:
            self._items.move_to_end(key)
            return img
        reader = QImageReader(path)
        reader.setAutoTransform(True)
        size = reader.size()
        if size.isValid() and size.width() > qw:
            reader.setScaledSize(size.scaled(qw, qw * 4, Qt.AspectRatioMode.KeepAspectRatio))
        img = reader.read()
        if img.isNull():
            return None
        self._items[key] = img
        if len(self._items) > self._max:
            self._items.popitem(last=False)
        return img


_IMAGES = ImageCache()


# ------------------------------------------------------------------ painter


class QtPagePainter:
    """Implements the paint_page protocol on a QPainter.

    ``scale`` is pixels per point; ``origin`` the page point (pt) drawn at the
    device's (0, 0).  ``placeholders`` draws a grey cross for missing images
    (editor only — proofs show what prints).
    """

    def __init__(self, qp: QPainter, scale: float, origin=(0.0, 0.0), *,
                 fonts: RawFontCache | None = None, images: ImageCache | None = None,
                 placeholders: bool = False):
        self.qp = qp
        self.s = float(scale)
        self.ox, self.oy = float(origin[0]), float(origin[1])
        self.fonts = fonts or default_font_cache()
        self.images = images or _IMAGES
        self.placeholders = placeholders
        self._dev_scale = None
        self.faces: dict = {}
        self._raws: dict = {}       # (font id, size pt) -> QRawFont at this painter's scale

    def px(self, x: float, y: float) -> QPointF:
        return QPointF((x - self.ox) * self.s, (y - self.oy) * self.s)

    # -- protocol
    def begin_page(self, page: PageResult) -> None:
        self.faces = {f.id: f for f in page.faces}     # the page's face table: what its runs are set in
        self._raws = {}
        self.qp.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.qp.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        self.qp.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)

    def end_page(self) -> None:
        pass

    def glyph_run(self, run: GlyphRun) -> None:
        if not run.glyphs:
            return
        s, ox, oy = self.s, self.ox, self.oy
        rk = (run.font, run.size)
        raw = self._raws.get(rk)
        if raw is None:           # (one look-up in the shared cache per face and size, not per run)
            raw = self._raws[rk] = self.fonts.raw_font(self.faces[run.font], run.size * s)
        color = cmyk_to_qcolor(run.color)
        big = run.size * s * self._device_scale() > MAX_CACHED_GLYPH_PX
        if run.orient == ROTATED:
            # Latin in a vertical line: the run's glyphs along a baseline running down the page,
            # drawn in a frame turned 90° clockwise about the first glyph's origin
            x0, y0 = run.xs[0], run.ys[0]
            pts = [QPointF((y - y0) * s, (x0 - x) * s) for x, y in zip(run.xs, run.ys)]
            qp = self.qp
            qp.save()
            qp.translate((x0 - ox) * s, (y0 - oy) * s)
            qp.rotate(90.0)
            self._draw_glyphs(raw, run.glyphs, pts, color, big)
            qp.restore()
            return
        if run.orient:
            pts = [QPointF((x - ox) * s, (y - oy) * s) for x, y in zip(run.xs, run.ys)]
        else:
            y = (run.y - oy) * s
            pts = [QPointF((x - ox) * s, y) for x in run.xs]
        self._draw_glyphs(raw, run.glyphs, pts, color, big)

    def _device_scale(self) -> float:
        """How much the painter's own transform enlarges what it draws (once per painter)."""
        d = self._dev_scale
        if d is None:
            d = self._dev_scale = math.sqrt(abs(self.qp.worldTransform().determinant())) or 1.0
        return d

    def _draw_glyphs(self, raw: QRawFont, glyphs, pts, color: QColor, big: bool) -> None:
        if big:
            # above Qt's glyph cache size (64 px) the raster engine draws a QGlyphRun from the
            # glyphs' outlines — and draws nothing for these fonts (a 26 pt head at 200 % zoom,
            # body text at 800 %): the outlines are filled here instead
            path = QPainterPath()
            for g, p in zip(glyphs, pts):
                path.addPath(raw.pathForGlyph(g).translated(p))
            self.qp.fillPath(path, color)
            return
        gr = QGlyphRun()
        gr.setRawFont(raw)
        gr.setGlyphIndexes(list(glyphs))
        gr.setPositions(pts)
        self.qp.setPen(color)
        self.qp.drawGlyphRun(QPointF(0.0, 0.0), gr)

    def rule(self, r: Rule) -> None:
        pen = QPen(cmyk_to_qcolor(r.color))
        pen.setWidthF(max(r.width * self.s, 0.01))
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        self.qp.setPen(pen)
        self.qp.drawLine(self.px(r.x1, r.y1), self.px(r.x2, r.y2))

    def box(self, b: Box) -> None:
        rect = QRectF(self.px(b.x, b.y), self.px(b.x + b.w, b.y + b.h))
        if b.fill is not None:
            self.qp.fillRect(rect, cmyk_to_qcolor(b.fill))
        if b.stroke is not None and b.stroke_width > 0:
            pen = QPen(cmyk_to_qcolor(b.stroke))
            pen.setWidthF(b.stroke_width * self.s)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            self.qp.setPen(pen)
            self.qp.setBrush(Qt.BrushStyle.NoBrush)
            self.qp.drawRect(rect)

    def image(self, p: ImagePlacement) -> None:
        clip = QRectF(self.px(p.clip[0], p.clip[1]),
                      self.px(p.clip[0] + p.clip[2], p.clip[1] + p.clip[3]))
        target = QRectF(self.px(p.x, p.y), self.px(p.x + p.w, p.y + p.h))
        img = None
        if p.path and not p.missing:
            img = self.images.get(p.path, int(target.width()) + 1, int(target.height()) + 1)
        self.qp.save()
        self.qp.setClipRect(clip, Qt.ClipOperation.IntersectClip)
        if img is not None:
            self.qp.drawImage(target, img)
        elif self.placeholders:
            self.qp.fillRect(clip, QColor(225, 225, 225))
            pen = QPen(QColor(150, 150, 150))
            pen.setWidthF(1.0)
            self.qp.setPen(pen)
            self.qp.drawLine(clip.topLeft(), clip.bottomRight())
            self.qp.drawLine(clip.topRight(), clip.bottomLeft())
        self.qp.restore()


def paint_into(qp: QPainter, page: PageResult, scale: float, origin=(0.0, 0.0), **kw) -> None:
    """Draw ``page`` on ``qp`` through the one traversal (render/paint.py)."""
    paint_page(page, QtPagePainter(qp, scale, origin, **kw))


def render_page_image(page_result: PageResult, dpi: float = 150, *, bleed: bool = False,
                      placeholders: bool = False) -> QImage:
    """A white page (trim, or trim + bleed) painted at ``dpi``; 1 pt = dpi/72 px exactly."""
    s = dpi / PT_PER_INCH
    b = page_result.bleed if bleed else 0.0
    w_pt, h_pt = page_result.width + 2 * b, page_result.height + 2 * b
    img = QImage(max(1, math.ceil(w_pt * s - 1e-6)), max(1, math.ceil(h_pt * s - 1e-6)),
                 QImage.Format.Format_RGB32)
    img.setDotsPerMeterX(round(dpi / 0.0254))
    img.setDotsPerMeterY(round(dpi / 0.0254))
    img.fill(QColor(255, 255, 255))
    qp = QPainter(img)
    try:
        paint_into(qp, page_result, s, (-b, -b), placeholders=placeholders)
    finally:
        qp.end()
    return img


def render_region(page_result: PageResult, scale: float, rect_pt, size_px, *,
                  placeholders: bool = True) -> QImage:
    """The part ``rect_pt`` = (x, y, w, h) of a page at ``scale`` px/pt, for the canvas."""
    img = QImage(max(1, int(size_px[0])), max(1, int(size_px[1])),
                 QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(QColor(255, 255, 255))
    qp = QPainter(img)
    try:
        paint_into(qp, page_result, scale, (rect_pt[0], rect_pt[1]), placeholders=placeholders)
    finally:
        qp.end()
    return img
