"""Zooming paints a blit per step, not the page (issue 10: zoom ≥ 30 fps), and what a settled
zoom shows is the page painted afresh at its scale — headlines included, however large."""
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

pytestmark = pytest.mark.gui


def _ctrl_wheel(vp, notches=1):
    pos = QPointF(vp.width() / 2, vp.height() / 2)
    ev = QWheelEvent(pos, QPointF(vp.mapToGlobal(pos.toPoint())), QPoint(0, 0), QPoint(0, 120 * notches),
                     Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase,
                     False)
    QApplication.sendEvent(vp, ev)


def _settled(c):
    return (not c._rezoom_timer.isActive() and "p1" in c._images
            and abs(c._images["p1"].scale - c.px_per_pt) < 1e-9)


def _mean_diff(a, b, step=4):
    """Mean absolute grey difference of two same-sized images, sampled every ``step`` px."""
    assert a.size() == b.size()
    tot = n = 0
    for y in range(0, a.height(), step):
        for x in range(0, a.width(), step):
            tot += abs(a.pixelColor(x, y).lightness() - b.pixelColor(x, y).lightness())
            n += 1
    return tot / n


def test_ctrl_wheel_steps_blit_the_picture_and_the_pause_repaints_it_at_the_new_scale(qtbot, window):
    from banmian.gui import canvas as canvas_mod
    w = window
    c = w.canvas
    vp = c.viewport()
    qtbot.waitUntil(lambda: _settled(c), timeout=5000)
    old = c._images["p1"]
    made = []
    real = canvas_mod.PageImage

    def counting(*a, **kw):
        made.append(a[1])
        return real(*a, **kw)
    canvas_mod.PageImage = counting
    try:
        # three wheel notches, each painted at once (as the event loop does between notches)
        for _ in range(3):
            _ctrl_wheel(vp, 1)
            QApplication.processEvents()      # (scroll bars shown; the pause is not over)
            vp.repaint()
        zooming = vp.grab().toImage()
        assert c._rezoom_timer.isActive()
        assert not made, f"a zoom step painted the page afresh at {made}"
        assert c._images["p1"] is old                 # the picture before the zoom, drawn scaled
        # the pause: the page is painted once at the new scale
        qtbot.waitUntil(lambda: _settled(c), timeout=5000)
        vp.repaint()
        settled = vp.grab().toImage()
    finally:
        canvas_mod.PageImage = real
    assert made and all(abs(s - c.px_per_pt) < 1e-9 for s in made)
    assert c._images["p1"] is not old
    # the scaled picture stood where the sharp one is now (only the resampling differs)
    assert _mean_diff(zooming, settled) < 6, _mean_diff(zooming, settled)
    fresh = real(w.session.page_result("p1"), c.px_per_pt)
    assert c._images["p1"].image == fresh.image


def test_a_headline_larger_than_qts_glyph_cache_is_drawn_when_zoomed_in(qtbot, window):
    """The sample's headline (22 pt hei-bold) at 400 % is 117 px a glyph: Qt draws glyph runs
    above 64 px from outlines and drew nothing for our fonts — the page showed no headline."""
    from banmian.core.model.units import MM_PER_PT
    from banmian.core.typeset.result import GlyphRun
    w = window
    c = w.canvas
    c.set_zoom(4.0)
    qtbot.waitUntil(lambda: not c._rezoom_timer.isActive(), timeout=5000)
    pr = w.session.page_result("p1")
    head = next(r for r in pr.items if isinstance(r, GlyphRun) and r.story == "s1" and r.font == "hei-bold")
    assert head.size * c.px_per_pt > 64
    # scroll the headline's first glyph to the middle of the view
    mid = c.page_mm_to_view("p1", head.xs[0] * MM_PER_PT, head.y * MM_PER_PT)
    hb, vb = c.horizontalScrollBar(), c.verticalScrollBar()
    hb.setValue(hb.value() + round(mid.x() - vp_w(c) / 2))
    vb.setValue(vb.value() + round(mid.y() - vp_h(c) / 2))
    vp = c.viewport()
    vp.repaint()
    img = vp.grab().toImage()
    x0 = c.page_mm_to_view("p1", head.xs[0] * MM_PER_PT, 0).x()
    y0 = c.page_mm_to_view("p1", 0, (head.y - head.size * 0.8) * MM_PER_PT).y()
    y1 = c.page_mm_to_view("p1", 0, head.y * MM_PER_PT).y()
    em = head.size * c.px_per_pt
    dark = sum(1 for y in range(int(y0), int(y1), 2) for x in range(int(x0), int(x0 + 2 * em), 2)
               if 0 <= x < img.width() and 0 <= y < img.height() and img.pixelColor(x, y).lightness() < 100)
    assert dark > 50, dark        # two heavy glyphs: a good part of their ems is ink


def vp_w(c):
    return c.viewport().width()


def vp_h(c):
    return c.viewport().height()
