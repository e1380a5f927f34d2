"""Blocker 2 (issue 14): File → 从模板新建 shows the templates by their Chinese names with a
thumbnail and opens a NEW untitled window — the open page stays as it was, and both windows
keep their size and every shortcut. Opening another page in the same window keeps them too
(the old window's actions used to linger: "Ambiguous shortcut overload", a 50 px canvas)."""
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from banmian.core.io import save_document

from conftest import build_doc

pytestmark = pytest.mark.gui


def _shortcut_owners(w, seq):
    return [a for a in w.findChildren(type(w.actions_by_key["save"])) if any(k.matches(seq) == k.SequenceMatch.ExactMatch
                                                                          for k in a.shortcuts())]


def _check_window(qtbot, w):
    from PySide6.QtGui import QKeySequence
    # every shortcut belongs to exactly one live action
    for key, a in w.actions_by_key.items():
        for seq in a.shortcuts():
            assert len(_shortcut_owners(w, seq)) == 1, (key, seq.toString())
    # the canvas fills the central area, not 50 px of it
    qtbot.waitUntil(lambda: w.canvas.width() > 0.4 * w.width(), timeout=3000)
    # shortcuts act: F → the image frame tool, V → selection
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=3000)
    w.canvas.setFocus()
    QTest.keyClick(w.canvas, Qt.Key.Key_F)
    assert w.actions_by_key["tool_image"].isChecked()
    QTest.keyClick(w.canvas, Qt.Key.Key_V)
    assert w.actions_by_key["tool_select"].isChecked()
    assert QKeySequence  # (imported for the matches above)


def _choose_in_dialog(qtbot, name_part, picked):
    def poll():
        from banmian.gui.template_dialog import TemplateDialog
        d = QApplication.activeModalWidget()
        if isinstance(d, TemplateDialog):
            lst = d.list
            names = [lst.item(i).text() for i in range(lst.count())]
            picked.append(names)
            row = next(i for i, n in enumerate(names) if name_part in n)
            rect = lst.visualItemRect(lst.item(row))
            qtbot.mouseClick(lst.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            picked.append(lst.item(row).icon().isNull())
            ok = d.buttons.button(QDialogButtonBox.StandardButton.Ok)
            qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        else:
            QTimer.singleShot(20, poll)
    QTimer.singleShot(0, poll)


def test_new_from_template_opens_a_new_untitled_window_and_keeps_this_one(qtbot, window):
    from banmian.gui import main_window as mw
    window.resize(1400, 900)
    before_doc = window.session.doc
    picked = []
    _choose_in_dialog(qtbot, "四开", picked)
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(picked) == 2, timeout=5000)
    names, icon_null = picked
    assert any("对开 8 栏" in n for n in names) and any("四开 6 栏" in n for n in names)
    assert not any(n.endswith(".json") for n in names)
    assert icon_null is False                                 # a thumbnail
    new = [w for w in mw.open_windows() if w is not window]
    assert len(new) == 1
    new = new[0]
    qtbot.addWidget(new)
    new.prompt_save = lambda: "discard"
    qtbot.waitExposed(new)
    assert new.session.path is None and new.session.doc.meta.get("name") is None
    assert new.session.doc.pages[0].grid.columns == 6
    assert window.session.doc is before_doc                   # this page untouched
    assert new.session.undo_stack is not window.session.undo_stack
    _check_window(qtbot, new)
    _check_window(qtbot, window)


def test_opening_another_page_in_the_same_window_keeps_shortcuts_and_canvas(qtbot, window, tmp_path):
    window.resize(1400, 900)
    other = tmp_path / "other.json"
    save_document(build_doc(3), other)
    assert window.open_path(other)
    assert window.open_path(other)
    _check_window(qtbot, window)
