"""A new story written in place: typing into an empty text frame creates the story (one
undo step), in the style the role picker (context menu) says; a frame drawn with the
Type tool takes the caret at once."""
import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu

from helpers import drag, frame_center  # noqa: F401
from test_typing import click, context_menu, ime, type_tool

pytestmark = pytest.mark.gui


@pytest.fixture
def w(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.canvas.setFocus()
    return window


def pick_role(qtbot, w, fid, label):
    context_menu(qtbot, w, frame_center(w, fid), "新稿件样式", label)


def test_typing_into_an_empty_frame_creates_its_story(qtbot, w):
    tool = type_tool(qtbot, w)
    n = len(w.session.doc.stories)
    click(qtbot, w, frame_center(w, "t-empty"))
    assert tool.frame_id == "t-empty" and tool.story_id is None
    ime(w, commit="今日要闻")
    assert len(w.session.doc.stories) == n + 1
    sid = tool.story_id
    st = w.session.doc.story(sid)
    assert w.session.doc.find_frame("t-empty")[1].story == sid
    assert st.text == "今日要闻" and st.blocks[0].style == "body" and st.blocks[0].role == "paragraph"
    assert any(r.story == sid for r in w.session.page_result("p1").glyph_runs())
    qtbot.keyClicks(w.canvas, "AB")
    assert st.text == "今日要闻AB"
    # undo: the typed run, then the story itself; the frame is empty again
    w.undo_action.trigger()
    assert w.session.doc.story(sid).text == "今日要闻"
    w.undo_action.trigger()
    assert w.session.doc.story(sid) is None and w.session.doc.find_frame("t-empty")[1].story is None
    assert tool.story_id is None and tool.frame_id == "t-empty"
    w.redo_action.trigger()
    assert w.session.doc.story(sid).text == "今日要闻"


def test_role_picker_makes_a_caption(qtbot, w):
    tool = type_tool(qtbot, w)
    pick_role(qtbot, w, "t-empty", "图片说明")
    assert w.canvas.new_story_role == "caption"
    click(qtbot, w, frame_center(w, "t-empty"))
    ime(w, commit="图为会场。")
    st = w.session.doc.story(tool.story_id)
    assert (st.blocks[0].role, st.blocks[0].style) == ("caption", "caption")


def test_draw_a_frame_with_the_type_tool_and_type(qtbot, w):
    tool = type_tool(qtbot, w)
    page = w.session.doc.pages[0]
    before = {f.id for f in page.frames}
    # an empty spot low on the page
    a = w.canvas.page_mm_to_view(page.id, page.margins.left + 5, page.height - page.margins.bottom - 40).toPoint()
    b = QPoint(a.x() + 120, a.y() + 40)
    drag(qtbot, w, a, b)
    new = [f for f in page.frames if f.id not in before]
    assert len(new) == 1 and new[0].kind == "text"
    assert tool.frame_id == new[0].id
    ime(w, commit="短讯")
    assert w.session.doc.story(tool.story_id).text == "短讯"
    assert new[0].story == tool.story_id
