"""Blocker 2 of issue 14: File → 从模板新建 (Ctrl+N).

It used to list raw file names, replace the open document, and leave the
canvas ~50 px wide with every shortcut "Ambiguous shortcut overload": the
window re-created its docks and actions on the new document while the old
actions stayed on the window.  Now the dialog shows the templates by their
Chinese names with a thumbnail, and the new untitled page opens in a new
window (each with its own undo stack); both windows keep their shortcuts.
"""
from PySide6.QtCore import Qt

from banmian.core import commands as C
from banmian.gui import main_window as MW
from banmian.gui.template_dialog import NewFromTemplateDialog

from helpers import artifacts_dir, when_modal


def _pick(qtbot, dlg, label_start, seen):
    seen["labels"] = dlg.labels()
    seen["icons"] = [not dlg.list.item(i).icon().isNull() for i in range(dlg.list.count())]
    row = next(i for i, t in enumerate(dlg.labels()) if t.startswith(label_start))
    lw = dlg.list
    rect = lw.visualItemRect(lw.item(row))
    qtbot.mouseClick(lw.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dlg.grab().save(str(artifacts_dir() / "new_from_template.png"))
    ok = dlg.buttons.button(dlg.buttons.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def _key(qtbot, w, key, mods=Qt.KeyboardModifier.NoModifier):
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    w.canvas.setFocus()
    qtbot.keyClick(w.canvas, key, mods)


def test_new_from_template_opens_a_new_window_with_shortcuts_intact(qtbot, window, qtlog):
    w = window
    old_doc, old_path = w.session.doc, w.session.path
    seen = {}
    when_modal(qtbot, lambda d: _pick(qtbot, d, "四开", seen), NewFromTemplateDialog)
    n = len(MW.WINDOWS)
    _key(qtbot, w, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(MW.WINDOWS) == n + 1, timeout=10000)
    new = MW.WINDOWS[-1]
    qtbot.addWidget(new)
    # the dialog: Chinese names, thumbnails, no file names
    assert any(t.startswith("对开") and "8 栏" in t for t in seen["labels"]), seen["labels"]
    assert any(t.startswith("四开") and "6 栏" in t for t in seen["labels"]), seen["labels"]
    assert not any(".json" in t for t in seen["labels"])
    assert all(seen["icons"])
    # the old document stays open, in its window, unchanged
    assert w.session.doc is old_doc and w.session.path == old_path and w.isVisible()
    # the new one: untitled, the 四开 page, its own undo stack
    assert new.session.path is None and new.session.doc.pages[0].width < 400
    assert new.session.undo_stack is not w.session.undo_stack
    qtbot.waitExposed(new)
    qtbot.wait(50)
    # canvas fills the central area (not ~50 px)
    cw = new.centralWidget().width()
    assert cw > 600 and new.canvas.width() >= cw - 30, (new.canvas.width(), cw)
    # shortcuts act, by key events, in the new window ...
    z = new.canvas.zoom
    _key(qtbot, new, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert new.canvas.zoom > z
    _key(qtbot, new, Qt.Key.Key_T)
    assert new.actions_by_key["tool_text"].isChecked()
    _key(qtbot, new, Qt.Key.Key_V)
    assert new.actions_by_key["tool_select"].isChecked()
    fid = new.session.doc.pages[0].frames[0].id if new.session.doc.pages[0].frames else None
    if fid is None:
        from banmian.core.model.document import TextFrame
        new.session.push(C.AddFrame(new.session.doc.pages[0].id, TextFrame("t-x", 20, 20, 50, 50)))
    else:
        new.session.push(C.MoveFrames([fid], 5, 0))
    assert new.isWindowModified() and not w.isWindowModified()
    _key(qtbot, new, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not new.session.is_modified()
    # ... and in the old one
    z = w.canvas.zoom
    _key(qtbot, w, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert w.canvas.zoom < z
    assert not [m for m in qtlog.records if "Ambiguous shortcut" in m.message]
    new.grab().save(str(artifacts_dir() / "after_new_from_template.png"))
    new.close()
    assert new not in MW.WINDOWS


def test_cancel_opens_nothing(qtbot, window):
    n = len(MW.WINDOWS)
    when_modal(qtbot, lambda d: qtbot.keyClick(d, Qt.Key.Key_Escape), NewFromTemplateDialog)
    window.actions_by_key["new"].trigger()
    assert len(MW.WINDOWS) == n
