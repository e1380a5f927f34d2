"""Real workflows on a test page, driven through the widgets (pytest-qt, offscreen)."""
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from helpers import drag, frame_center  # noqa: F401  (tests/gui/helpers.py)
from banmian.core.io import dumps, load_document
from banmian.gui.geometry import column_edges

pytestmark = pytest.mark.gui

from helpers import artifacts_dir  # noqa: E402  (tests/gui/helpers.py)

ARTIFACTS = artifacts_dir()   # outside the repository


def ime_commit(widget, text):
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication
    ev = QInputMethodEvent()
    ev.setCommitString(text)
    QApplication.sendEvent(widget, ev)


def glyphs_in_frame(w, fid):
    return sum(len(r.glyphs) for p in w.session.result.pages for r in p.glyph_runs() if r.frame == fid)


def test_open_shows_page_and_text(window):
    w = window
    assert w.session.layout_error is None
    assert glyphs_in_frame(w, "t-body1") > 100
    assert "page.json" in w.windowTitle() and not w.isWindowModified()
    assert w.session.overset_chars("s1") > 0      # the long story does not fit two frames


def test_drag_snaps_to_column_and_undo_redo(qtbot, window):
    w = window
    page = w.session.doc.pages[0]
    cols = column_edges(page)
    _, f = w.session.doc.find_frame("t-empty")
    x_before = f.x
    # drag so that the left edge lands 1.5 mm right of column 5's left edge
    target_x = cols[4][0] + 1.5
    mm_px = 1 / w.canvas.mm_per_px()
    a = frame_center(w, "t-empty")
    b = QPoint(a.x() + round((target_x - f.x) * mm_px), a.y())
    drag(qtbot, w, a, b)
    assert abs(f.x - cols[4][0]) < 1e-6, (f.x, cols[4][0])
    assert w.isWindowModified()
    assert w.session.undo_stack.count() == 1          # a drag is one step
    w.undo_action.trigger()
    assert f.x == x_before and not w.isWindowModified()
    w.redo_action.trigger()
    assert abs(f.x - cols[4][0]) < 1e-6


def test_resize_by_handle(qtbot, window):
    w = window
    w.session.set_selection(["t-empty"])
    page, f = w.session.doc.find_frame("t-empty")
    r = w.canvas.frame_view_rect(page.id, f)
    h0 = f.h
    a = r.bottomRight().toPoint()
    drag(qtbot, w, a, QPoint(a.x(), a.y() + 60))
    assert f.h > h0 + 5
    w.undo_action.trigger()
    assert f.h == h0


def test_link_frames_flows_text_on(qtbot, window):
    w = window
    over0 = w.session.overset_chars("s1")
    assert glyphs_in_frame(w, "t-empty") == 0
    w.set_tool("link")
    vp = w.canvas.viewport()
    qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, pos=frame_center(w, "t-body2"))
    qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, pos=frame_center(w, "t-empty"))
    assert w.session.doc.find_frame("t-body2")[1].next == "t-empty"
    assert glyphs_in_frame(w, "t-empty") > 50
    assert w.session.overset_chars("s1") < over0
    w.undo_action.trigger()
    assert glyphs_in_frame(w, "t-empty") == 0


def test_place_image_reads_ppi(qtbot, window, photo):
    w = window
    w.session.set_selection(["i-photo"])
    assert w.place_image(str(photo))
    assert w.session.doc.find_frame("i-photo")[1].path == "photo.jpg"
    text = w.props_panel.ppi_label.text()
    assert text.endswith("ppi"), text
    assert int(text.split()[0]) > 50


def test_story_editor_typing_changes_overset(qtbot, window):
    w = window
    w.session.set_selection(["t-short"])
    w.actions_by_key["story"].trigger()
    ed = w.story_editor
    assert ed.story_id == "s2"
    fit0 = ed.fit_text()
    under0 = w.session.underset_chars("s2")
    box = ed._rows[0][2]
    box.setFocus()
    box.moveCursor(box.textCursor().MoveOperation.End)
    for _ in range(60):          # Chinese arrives from the input method as commit strings
        ime_commit(box, "新增文字")
    assert "新增文字" in w.session.doc.story("s2").text
    assert w.session.underset_chars("s2") < under0 or w.session.overset_chars("s2") > 0
    assert ed.fit_text() != fit0
    # typing merges into one undo step
    assert w.session.undo_stack.count() == 1
    w.undo_action.trigger()
    assert "新增文字" not in w.session.doc.story("s2").text
    assert "新增文字" not in box.toPlainText()


def test_double_click_opens_story(qtbot, window):
    w = window
    qtbot.mouseDClick(w.canvas.viewport(), Qt.MouseButton.LeftButton, pos=frame_center(w, "t-body2"))
    assert w.docks["story"].isVisible()
    assert w.story_editor.story_id == "s1"


def test_save_reopen_compare(qtbot, window, tmp_path):
    w = window
    w.session.set_selection(["t-empty"])
    qtbot.keyClick(w.canvas, Qt.Key.Key_Right)
    assert w.isWindowModified()
    out = tmp_path / "saved.json"
    assert w.save_as(str(out))
    assert not w.isWindowModified()
    assert dumps(load_document(out)) == dumps(w.session.doc)


def test_failed_save_keeps_old_file(qtbot, window, tmp_path, monkeypatch):
    w = window
    path = w.session.path
    before = path.read_bytes()
    qtbot.keyClick(w.canvas, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(w.canvas, Qt.Key.Key_Down)
    from PySide6.QtWidgets import QMessageBox
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a))
    import banmian.core.io as io

    def boom(*a, **k):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(io.os, "fsync", boom)
    assert not w.save()
    assert shown and path.read_bytes() == before
    assert w.isWindowModified()


def test_autosave_and_recover(qtbot, sample_file, settings):
    from banmian.gui.main_window import MainWindow, recovery_path
    w = MainWindow(sample_file, settings=settings, ask=lambda *a: True)
    w.prompt_save = lambda: "discard"
    qtbot.addWidget(w)
    w.session.set_selection(["t-short"])
    w.open_story_editor()
    box = w.story_editor._rows[0][2]
    ime_commit(box, "崩溃前的修改")
    rec = w.autosave()
    assert rec == recovery_path(sample_file) and rec.is_file()
    # "kill": no save, no close; a new window on the same file finds the recovery file
    asked = []
    w2 = MainWindow(sample_file, settings=settings, ask=lambda *a: asked.append(a) or True)
    w2.prompt_save = lambda: "discard"
    qtbot.addWidget(w2)
    assert asked
    assert "崩溃前的修改" in w2.session.doc.story("s2").text
    assert w2.isWindowModified()
    assert w2.save()
    assert not rec.exists()
    assert "崩溃前的修改" in load_document(sample_file).story("s2").text


def test_shortcuts_listed(window):
    rows = dict(window.shortcut_rows())
    keys = set(rows.values())
    for k in ("V", "T", "F", "H", "Z", "W", "Ctrl+Y", "Ctrl+D", "Ctrl+="):
        assert any(k in v for v in keys), k


def test_zoom_and_preview(qtbot, window):
    w = window
    z = w.canvas.zoom
    qtbot.keyClick(w.canvas, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert w.canvas.zoom > z
    w.actions_by_key["actual"].trigger()
    assert w.canvas.zoom == 1.0
    w.actions_by_key["preview"].trigger()
    assert w.canvas.preview
    w.canvas.viewport().repaint()


def test_screenshot(qtbot, window, photo):
    w = window
    w.session.set_selection(["i-photo"])
    w.place_image(str(photo))
    w.session.set_selection(["t-body1"])
    w.actions_by_key["story"].trigger()
    w.canvas.fit_page()
    qtbot.wait(700)   # debounced thumbnails and preflight
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    assert w.grab().save(str(ARTIFACTS / "main_window.png"))
