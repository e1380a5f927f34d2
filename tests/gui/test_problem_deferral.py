"""The canvas's overlap drawing after a keystroke: the previous layout's overlaps are
drawn at once and the new ones found after a pause (finding them walks every glyph run, too
dear for each key); any other edit finds them at once."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from banmian.core.model.units import MM_PER_PT
from banmian.core.typeset.result import GlyphRun
from banmian.gui import canvas_problems

pytestmark = pytest.mark.gui


def _count_overlap_searches(monkeypatch):
    import banmian.core.preflight as P
    calls = []
    real = P.frame_overlaps

    def spy(doc, result):
        calls.append(result)
        return real(doc, result)
    monkeypatch.setattr(P, "frame_overlaps", spy)
    return calls


def _paint(qtbot, w):
    w.canvas.viewport().repaint()
    qtbot.wait(1)


def test_overlaps_follow_a_keystroke_after_a_pause_and_a_move_at_once(qtbot, window, monkeypatch):
    w = window
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    _paint(qtbot, w)
    calls = _count_overlap_searches(monkeypatch)
    # the Type tool, a click on a character of the short story, one character typed
    w.canvas.setFocus()
    qtbot.keyClick(w.canvas, Qt.Key.Key_T)
    page = w.session.doc.pages[0]
    r = next(r for r in w.session.result.pages[0].items if isinstance(r, GlyphRun) and r.frame == "t-short")
    p = w.canvas.page_mm_to_view(page.id, (r.xs[3] + 1) * MM_PER_PT, (r.y - r.size * 0.4) * MM_PER_PT).toPoint()
    qtbot.mouseClick(w.canvas.viewport(), Qt.MouseButton.LeftButton, pos=p)
    _paint(qtbot, w)
    n = len(calls)
    e = QInputMethodEvent("", [])
    e.setCommitString("新")
    QApplication.sendEvent(w.canvas, e)
    _paint(qtbot, w)
    assert len(calls) == n, "the keystroke's paint searched for overlaps"
    qtbot.waitUntil(lambda: len(calls) > n, timeout=canvas_problems.OVERLAP_MS * 20)
    assert calls[-1] is w.session.result          # the pause found them for the current layout
    # a frame moved with the arrow keys (not a text edit): found for the paint right after it
    qtbot.keyClick(w.canvas, Qt.Key.Key_Escape)
    w.session.set_selection(["t-empty"])
    m = len(calls)
    qtbot.keyClick(w.canvas, Qt.Key.Key_Right)
    _paint(qtbot, w)
    assert len(calls) > m and calls[-1] is w.session.result
