"""A caption typed under a photo and attached to it (context menu) moves and resizes
with the photo — through real mouse and key events."""
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from helpers import drag, frame_center
from test_typing import context_menu, ime, type_tool

pytestmark = pytest.mark.gui


def test_typed_caption_follows_the_photo(qtbot, window):
    w = window
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    w.canvas.setFocus()
    page, photo = w.session.doc.find_frame("i-photo")
    tool = type_tool(qtbot, w)
    context_menu(qtbot, w, frame_center(w, "t-empty"), "新稿件样式", "图片说明")
    # draw the caption frame just under the photo and type it
    c = w.canvas
    a = c.page_mm_to_view(page.id, photo.x + 2, photo.y + photo.h + 2).toPoint()
    b = c.page_mm_to_view(page.id, photo.x + photo.w - 10, photo.y + photo.h + 12).toPoint()
    before = {f.id for f in page.frames}
    drag(qtbot, w, a, b)
    cap_id = next(f.id for f in page.frames if f.id not in before)
    ime(w, commit="图为论坛现场。")
    cap = w.session.doc.find_frame(cap_id)[1]
    assert w.session.doc.story(cap.story).blocks[0].style == "caption"
    qtbot.keyClick(c, Qt.Key.Key_Escape)
    assert c.tool.name == "select"
    # attach it (context menu): it snaps to the photo's x and width
    context_menu(qtbot, w, frame_center(w, cap_id), "附为图片说明（随图片移动）")
    assert cap.caption_of == "i-photo"
    assert (cap.x, cap.w) == (photo.x, photo.w)
    gap = cap.y - (photo.y + photo.h)
    assert gap >= 0
    # drag the photo: the caption comes along, same distance below
    p0 = frame_center(w, "i-photo")
    x0, y0 = photo.x, photo.y
    drag(qtbot, w, p0, QPoint(p0.x() + 40, p0.y() + 30))
    assert photo.x > x0 + 5 and photo.y > y0 + 5          # the photo moved (not the selected caption)
    assert cap.x == pytest.approx(photo.x) and cap.y == pytest.approx(photo.y + photo.h + gap)
    # widen the photo by its right handle: the caption follows the width
    w.session.set_selection(["i-photo"])
    r = c.frame_view_rect(page.id, photo)
    h = c.handle_rects(r)["mr"].center().toPoint()
    w0 = photo.w
    drag(qtbot, w, h, QPoint(h.x() + 50, h.y()))
    assert photo.w > w0 and cap.w == pytest.approx(photo.w)
    # undo the resize and the move: the caption goes back with the photo
    w.undo_action.trigger()
    w.undo_action.trigger()
    assert cap.w == pytest.approx(w0) and cap.x == pytest.approx(photo.x)
    assert cap.y == pytest.approx(photo.y + photo.h + gap)
