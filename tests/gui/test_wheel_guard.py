"""Blocker 3 (issue 14): the mouse wheel over the story editor scrolls the story and never
changes the style or role combo box under the pointer; a focused combo still takes it."""
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

pytestmark = pytest.mark.gui


def _wheel(widget, steps=-3):
    pos = QPointF(widget.width() / 2, widget.height() / 2)
    ev = QWheelEvent(pos, QPointF(widget.mapToGlobal(pos.toPoint())), QPoint(0, 0), QPoint(0, 120 * steps),
                     Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, ev)


def _open_story_editor(qtbot, window):
    window.canvas.setFocus()
    frame = next(f for p in window.session.doc.pages for f in p.frames if getattr(f, "story", None))
    window.session.set_selection([frame.id])
    QTest.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    ed = window.story_editor
    qtbot.waitUntil(lambda: bool(ed._rows), timeout=5000)
    qtbot.waitExposed(ed)
    return ed


def test_the_wheel_over_an_unfocused_style_box_scrolls_the_story_and_changes_nothing(qtbot, window):
    ed = _open_story_editor(qtbot, window)
    story = window.session.doc.story(ed.story_id)
    blocks = [(b.role, b.style) for b in story.blocks]
    undo = window.session.undo_stack.count()
    sb = ed.scroll.verticalScrollBar()
    ed.scroll.setFixedHeight(160)            # a short editor, so the story scrolls
    qtbot.waitUntil(lambda: sb.maximum() > 0, timeout=5000)
    role, style, _ = ed._rows[1]
    before = (role.currentIndex(), style.currentIndex(), sb.value())
    for box in (role, style):
        assert not box.hasFocus()
        _wheel(box, -3)
        _wheel(box, -3)
    assert (role.currentIndex(), style.currentIndex()) == before[:2]
    assert [(b.role, b.style) for b in window.session.doc.story(ed.story_id).blocks] == blocks
    assert window.session.undo_stack.count() == undo
    assert sb.value() > before[2]            # the story scrolled instead


def test_a_focused_combo_box_still_takes_the_wheel(qtbot, window):
    ed = _open_story_editor(qtbot, window)
    role, _, _ = ed._rows[0]
    role.setFocus()
    qtbot.waitUntil(role.hasFocus, timeout=2000)
    i = role.currentIndex()
    _wheel(role, -1)
    assert role.currentIndex() != i
