"""Every shortcut of the editor belongs to one action: Ctrl+Y opens the story editor (as in
InDesign) and is not also the platform's Redo — an ambiguous key does nothing at all."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest

pytestmark = pytest.mark.gui


def test_no_two_actions_share_a_shortcut(window):
    seen = {}
    for a in window.findChildren(QAction):
        for k in a.shortcuts():
            seen.setdefault(k.toString(), []).append(a.text())
    clashes = {k: v for k, v in seen.items() if len(v) > 1}
    assert not clashes


def test_ctrl_y_opens_the_story_editor_and_ctrl_shift_z_redoes(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    frame = next(f for p in window.session.doc.pages for f in p.frames if getattr(f, "story", None))
    window.session.set_selection([frame.id])
    window.canvas.setFocus()
    QTest.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.story_editor.story_id == frame.story, timeout=3000)
    assert any(k == QKeySequence("Ctrl+Shift+Z") for k in window.redo_action.shortcuts())
