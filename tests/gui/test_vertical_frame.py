"""Issue 9 item 8 in the editor: 竖排 in the Properties panel, by mouse, undoable; the canvas
lays the frame out vertically and draws it; a click in the vertical text finds its character."""
import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QPointF, Qt, QTranslator

from helpers import frame_center  # noqa: F401  (tests/gui/helpers.py)
from banmian.core.model.units import MM_PER_PT
from banmian.core.typeset.result import GlyphRun

pytestmark = pytest.mark.gui


def frame_runs(w, fid):
    pr = w.session.result.pages[0]
    return [r for r in pr.items if isinstance(r, GlyphRun) and r.frame == fid]


def frame_lines(w, fid):
    return [ln for ln in w.session.result.pages[0].lines if ln.frame == fid]


def frame_pixels(w, fid):
    """The canvas as drawn, cut to the frame's rectangle on screen."""
    page, f = w.session.doc.find_frame(fid)
    rect = w.canvas.frame_view_rect(page.id, f).toRect()
    return w.canvas.viewport().grab(rect).toImage()


def test_vertical_checkbox_relayouts_the_frame_and_undoes(qtbot, window):
    w = window
    fid = "t-short"
    f = w.session.doc.find_frame(fid)[1]
    assert f.direction == "horizontal" and not any(ln.vertical for ln in frame_lines(w, fid))
    # select the frame with the mouse, as an editor does
    qtbot.mouseClick(w.canvas.viewport(), Qt.MouseButton.LeftButton, pos=frame_center(w, fid))
    assert w.session.selection == [fid]
    box = w.props_panel.vertical
    assert box.isVisible() and not box.isChecked()
    before = frame_pixels(w, fid)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    qtbot.waitUntil(lambda: f.direction == "vertical")
    assert w.session.undo_stack.count() == 1
    lines = frame_lines(w, fid)
    runs = frame_runs(w, fid)
    assert lines and all(ln.vertical for ln in lines) and runs and all(r.orient for r in runs)
    # the first line stands at the frame's right edge, the next ones to its left
    assert lines[0].baseline > lines[-1].baseline
    right = (f.x + f.w - f.inset) / MM_PER_PT
    assert 0 < right - lines[0].baseline < 1.5 * runs[0].size
    qtbot.waitUntil(lambda: frame_pixels(w, fid) != before)      # the canvas drew the new layout
    w.canvas.grab().save(str(_artifact("vertical_canvas.png")))
    # a click on a character of the vertical text finds it (caret hit-testing down the line)
    r = runs[0]
    i = 3
    page = w.session.doc.find_frame(fid)[0]
    y_mid = r.along(i)[0] + r.along(i)[1] * 0.25
    view = w.canvas.page_mm_to_view(page.id, r.y * MM_PER_PT, y_mid * MM_PER_PT)
    assert w.canvas.char_at(fid, QPointF(view)) == ("s2", r.start + r.offsets[i])
    # undo through the editor's action: horizontal again
    w.undo_action.trigger()
    assert f.direction == "horizontal"
    assert not any(ln.vertical for ln in frame_lines(w, fid))
    assert not box.isChecked()


def test_vertical_checkbox_speaks_chinese(qtbot, sample_file, settings):
    from banmian.gui.app import I18N_DIR
    from banmian.gui.panels import PropertiesPanel
    from banmian.gui.main_window import MainWindow
    tr = QTranslator()
    assert tr.load(str(I18N_DIR / "banmian_zh_CN.qm"))
    QCoreApplication.installTranslator(tr)
    try:
        w = MainWindow(sample_file, settings=settings, ask=lambda *a: True)
        w.prompt_save = lambda: "discard"
        qtbot.addWidget(w)
        panel = PropertiesPanel(w.session)
        qtbot.addWidget(panel)
        assert panel.vertical.text() == "竖排"
        assert panel.form.labelForField(panel.vertical).text() == "排版方向"
    finally:
        QCoreApplication.removeTranslator(tr)


def _artifact(name):
    import tempfile
    from pathlib import Path
    d = Path(tempfile.gettempdir()) / "banmian-artifacts"
    d.mkdir(exist_ok=True)
    return d / name


def test_typing_into_a_vertical_frame(qtbot, window):
    """Click on a character of a vertical line with the text tool, type: the text goes in
    there, the frame relays out vertically, the caret is drawn across the line."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication
    from banmian.core import commands as C
    w = window
    fid = "t-short"
    w.session.push(C.SetFrameProps(fid, direction="vertical"))
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    w.canvas.setFocus()
    qtbot.keyClick(w.canvas, Qt.Key.Key_T)
    tool = w.canvas.tool
    assert type(tool).__name__ == "TypeTool"
    page = w.session.doc.find_frame(fid)[0]
    # character 3 of s2 (朱): the upper part of its em, on the line's centre
    r, i = next((r, i) for r in frame_runs(w, fid) for i, o in enumerate(r.offsets) if r.start + o == 3)
    top, adv = r.along(i)
    p = w.canvas.page_mm_to_view(page.id, r.y * MM_PER_PT, (top + adv * 0.2) * MM_PER_PT).toPoint()
    qtbot.mouseClick(w.canvas.viewport(), Qt.MouseButton.LeftButton, pos=p)
    assert tool.story_id == "s2" and tool.caret == 3
    e = QInputMethodEvent("", [])          # Chinese comes in through the input method
    e.setCommitString("新")
    QApplication.sendEvent(w.canvas, e)
    qtbot.keyClicks(w.canvas, "ab")
    assert w.session.doc.story("s2").text.startswith("短讯：新ab朱熹")
    assert all(ln.vertical for ln in frame_lines(w, fid))
    pr = w.session.result.pages[0]
    drawn = "".join(r.text for ln in frame_lines(w, fid) for r in pr.line_runs(ln))
    assert drawn.startswith("短讯：新ab朱熹")
    caret = tool.caret_view_rect()
    assert caret is not None and caret.width() > 3 * caret.height()      # across the vertical line


def test_arrow_keys_follow_the_vertical_text(qtbot, window):
    """In a vertical frame ↓ is the next character and ← the next line (lines run right to left),
    as the text reads; in a horizontal frame the arrows stay as they were."""
    from PySide6.QtWidgets import QApplication
    from banmian.core import commands as C
    w = window
    fid = "t-short"
    w.session.push(C.SetFrameProps(fid, direction="vertical"))
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    w.canvas.setFocus()
    qtbot.keyClick(w.canvas, Qt.Key.Key_T)
    tool = w.canvas.tool
    page = w.session.doc.find_frame(fid)[0]
    r, i = next((r, i) for r in frame_runs(w, fid) for i, o in enumerate(r.offsets) if r.start + o == 3)
    top, adv = r.along(i)
    p = w.canvas.page_mm_to_view(page.id, r.y * MM_PER_PT, (top + adv * 0.2) * MM_PER_PT).toPoint()
    qtbot.mouseClick(w.canvas.viewport(), Qt.MouseButton.LeftButton, pos=p)
    assert tool.caret == 3
    qtbot.keyClick(w.canvas, Qt.Key.Key_Down)
    assert tool.caret == 4
    qtbot.keyClick(w.canvas, Qt.Key.Key_Up)
    assert tool.caret == 3
    lines = sorted(frame_lines(w, fid), key=lambda ln: ln.start)
    assert len(lines) >= 2 and lines[0].start <= 3 < lines[0].end
    qtbot.keyClick(w.canvas, Qt.Key.Key_Left)          # the next line, to the left
    assert lines[1].start <= tool.caret <= lines[1].end
    qtbot.keyClick(w.canvas, Qt.Key.Key_Right)         # back to the first line
    assert lines[0].start <= tool.caret <= lines[0].end
