"""Character formatting of a selection typed on the page: Ctrl+B, the context menu's
着重号 / colour / 字距 / character styles; Shift+Enter as a forced line break in a head;
一字空 typed and kept."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from banmian.core.typeset.result import Box
from test_typing import click, context_menu, ime, point_of_char, type_tool

pytestmark = pytest.mark.gui
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def w(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.canvas.setFocus()
    return window


def select_right(qtbot, w, n):
    for _ in range(n):
        qtbot.keyClick(w.canvas, Qt.Key.Key_Right, SHIFT)


def runs_of(w, sid, bi=0):
    return w.session.doc.story(sid).blocks[bi].runs


def test_bold_emphasis_colour_and_tracking_of_a_selection(qtbot, w):
    tool = type_tool(qtbot, w)
    click(qtbot, w, point_of_char(w, "s2", 3))
    select_right(qtbot, w, 2)
    qtbot.keyClick(w.canvas, Qt.Key.Key_B, CTRL)
    r = runs_of(w, "s2")
    assert [x.text for x in r][:2] == ["短讯：", "朱熹"] and r[1].local.bold is True
    fonts = {g.font for g in w.session.page_result("p1").glyph_runs() if g.story == "s2" and "朱" in g.text}
    assert fonts == {"hei"}                        # 宋 set bold is 黑
    where = point_of_char(w, "s2", 3)
    context_menu(qtbot, w, where, "字符格式", "着重号")
    dots = [b for b in w.session.page_result("p1").items if isinstance(b, Box) and b.frame == "t-short"]
    assert len(dots) == 2
    context_menu(qtbot, w, where, "字符格式", "颜色", "Paper Red")
    red = w.session.doc.swatch("Paper Red").cmyk
    assert {g.color for g in w.session.page_result("p1").glyph_runs() if g.story == "s2" and "朱" in g.text} == {red}
    context_menu(qtbot, w, where, "字符格式", "字距", "+0.5 字")
    assert runs_of(w, "s2")[1].local.tracking == 0.5
    context_menu(qtbot, w, where, "字符格式", "字符样式", "强调 楷体")
    assert runs_of(w, "s2")[1].style == "emphasis"
    # each one undo step; undoing them all gives the plain run back
    for _ in range(5):
        w.undo_action.trigger()
    assert all(x.local is None and x.style is None for x in runs_of(w, "s2"))


def test_shift_enter_breaks_a_head_line_and_ideographic_space_is_kept(qtbot, w):
    tool = type_tool(qtbot, w)
    lines0 = [ln for ln in w.session.page_result("p1").lines if ln.story == "s1" and ln.role == "headline"]
    assert not any(ln.start == 3 for ln in lines0)
    click(qtbot, w, point_of_char(w, "s1", 2))         # after 朱熹
    qtbot.keyClick(w.canvas, Qt.Key.Key_Return, SHIFT)
    b = w.session.doc.story("s1").blocks
    assert b[0].text == "朱熹\u2028论坛：书院精神的当代回响" and len(b) == 25   # still one paragraph
    lines = [ln for ln in w.session.page_result("p1").lines if ln.story == "s1" and ln.role == "headline"]
    assert lines[0].end == 3 and lines[1].start == 3 and lines[1].role == "headline"
    # 一字空 typed through the IME stays in the text and takes one em on the page
    click(qtbot, w, point_of_char(w, "s2", 0))
    ime(w, commit="\u3000")
    assert w.session.doc.story("s2").text.startswith("\u3000短讯")


def test_story_editor_keeps_a_forced_line_break(qtbot, w):
    type_tool(qtbot, w)
    w.open_story("s1")
    click(qtbot, w, point_of_char(w, "s1", 2))
    qtbot.keyClick(w.canvas, Qt.Key.Key_Return, SHIFT)
    ed = w.story_editor._rows[0][2]
    qtbot.waitUntil(lambda: ed.text() == "朱熹\u2028论坛：书院精神的当代回响", timeout=2000)
    # typing in the galley keeps the break (no paragraph split)
    ed.setFocus()
    cur = ed.textCursor()
    cur.setPosition(len(ed.text()))
    ed.setTextCursor(cur)
    qtbot.keyClicks(ed, "x")
    b = w.session.doc.story("s1").blocks
    assert b[0].text == "朱熹\u2028论坛：书院精神的当代回响x" and len(b) == 25
