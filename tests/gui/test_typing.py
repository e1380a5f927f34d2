"""Typing on the page with the Type tool (T): caret at the clicked character, typing,
deletion, selection by mouse and Shift+arrows, clipboard, Enter, the IME (preedit in
place, commit into the model), undo, Escape — all through real key, mouse and input
method events on the canvas."""
import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QInputMethodEvent
from PySide6.QtWidgets import QApplication

from helpers import drag, frame_center  # noqa: F401  (tests/gui/helpers.py)

pytestmark = pytest.mark.gui

NO = Qt.KeyboardModifier.NoModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def story_text(w, sid):
    return w.session.doc.story(sid).text


def point_of_char(w, sid, index, after=False):
    """Viewport point at the middle of the glyph showing story character ``index``."""
    from banmian.core.typeset.result import GlyphRun
    for pr in w.session.result.pages:
        for r in pr.items:
            if isinstance(r, GlyphRun) and r.story == sid:
                for gx, adv, off in zip(r.xs, r.advances, r.offsets):
                    if r.start + off == index:
                        x = gx + (adv * 0.8 if after else adv * 0.2)
                        y = r.y - r.size * 0.4
                        return w.canvas.page_mm_to_view(pr.page, x * 25.4 / 72, y * 25.4 / 72).toPoint()
    raise AssertionError(f"character {index} of {sid} not drawn")


def type_tool(qtbot, w):
    qtbot.keyClick(w.canvas, Qt.Key.Key_T)
    assert w.canvas.tool.name == "text" and type(w.canvas.tool).__name__ == "TypeTool"
    return w.canvas.tool


def click(qtbot, w, p, mods=NO):
    qtbot.mouseClick(w.canvas.viewport(), Qt.MouseButton.LeftButton, mods, p)


def context_menu(qtbot, w, p, *path):
    """Right-click at viewport point ``p`` and click the menu items ``path`` (submenus first)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QMenu
    chosen = []

    def answer():
        menu = next(m for m in QApplication.topLevelWidgets() if isinstance(m, QMenu) and m.isVisible())
        top = menu
        for i, label in enumerate(path):
            act = next(a for a in menu.actions() if a.text() == label)
            if act.menu() is not None:
                menu.setActiveAction(act)
                act.menu().popup(menu.mapToGlobal(menu.actionGeometry(act).topRight()))
                menu = act.menu()
                continue
            chosen.append(label)
            qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(act).center())
        if top.isVisible():
            top.close()

    QTimer.singleShot(50, answer)
    vp = w.canvas.viewport()
    QApplication.sendEvent(vp, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, p, vp.mapToGlobal(p)))
    assert chosen == [path[-1]]


def ime(w, preedit="", commit=""):
    e = QInputMethodEvent(preedit, [])
    if commit:
        e.setCommitString(commit)
    QApplication.sendEvent(w.canvas, e)


@pytest.fixture
def typing(qtbot, window):
    w = window
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    w.canvas.setFocus()
    tool = type_tool(qtbot, w)
    return w, tool


def test_click_places_caret_at_character_and_types(qtbot, typing):
    w, tool = typing
    # s2 = "短讯：朱熹…" in t-short; click on the left half of character 3 (朱)
    click(qtbot, w, point_of_char(w, "s2", 3))
    assert tool.story_id == "s2" and tool.caret == 3
    qtbot.keyClicks(w.canvas, "ab")
    assert story_text(w, "s2").startswith("短讯：ab朱熹")
    assert tool.caret == 5
    # typed text reflowed on the page: the new characters are drawn
    assert "a" in "".join(r.text for r in w.session.page_result("p1").glyph_runs() if r.story == "s2")
    # one undo step for the typed run; the T of the tool shortcut did not switch tools
    qtbot.keyClicks(w.canvas, "T")
    assert story_text(w, "s2").startswith("短讯：abT朱熹") and w.canvas.tool is tool
    assert w.session.undo_stack.count() == 1
    w.undo_action.trigger()
    assert story_text(w, "s2").startswith("短讯：朱熹")
    assert tool.caret <= len(story_text(w, "s2"))


def test_backspace_delete_and_arrows(qtbot, typing):
    w, tool = typing
    click(qtbot, w, point_of_char(w, "s2", 3))
    qtbot.keyClick(w.canvas, Qt.Key.Key_Backspace)          # deletes "："
    assert story_text(w, "s2").startswith("短讯朱熹")
    qtbot.keyClick(w.canvas, Qt.Key.Key_Delete)             # deletes "朱"
    assert story_text(w, "s2").startswith("短讯熹")
    assert w.session.undo_stack.count() == 1                # deleting on at one place: one undo step
    qtbot.keyClick(w.canvas, Qt.Key.Key_Left)
    qtbot.keyClick(w.canvas, Qt.Key.Key_Left)
    assert tool.caret == 0
    qtbot.keyClick(w.canvas, Qt.Key.Key_Right)
    qtbot.keyClicks(w.canvas, "x")
    assert story_text(w, "s2").startswith("短x讯熹")
    qtbot.keyClick(w.canvas, Qt.Key.Key_End)
    g = tool.geometry()
    first = g.first_line().info
    assert tool.caret == first.end
    qtbot.keyClick(w.canvas, Qt.Key.Key_Home)
    assert tool.caret == first.start == 0


def test_up_down_move_by_line_and_shift_selects(qtbot, typing):
    w, tool = typing
    click(qtbot, w, point_of_char(w, "s1", 40))
    g = tool.geometry()
    below = g.next_line(g.line_at(40)).info
    _, x0, base0, size = tool.caret_geometry()
    qtbot.keyClick(w.canvas, Qt.Key.Key_Down)
    assert below.start <= tool.caret <= below.end
    _, x1, base1, _ = tool.caret_geometry()
    assert base1 > base0 and abs(x1 - x0) <= size           # straight below, within a character
    qtbot.keyClick(w.canvas, Qt.Key.Key_Up)
    assert tool.caret == 40
    qtbot.keyClick(w.canvas, Qt.Key.Key_Right, SHIFT)
    qtbot.keyClick(w.canvas, Qt.Key.Key_Right, SHIFT)
    assert tool.selection() == (40, 42)
    assert tool.selected_text() == story_text(w, "s1")[40:42]


def test_mouse_drag_selects_copy_cut_paste(qtbot, typing):
    w, tool = typing
    text0 = story_text(w, "s2")
    drag(qtbot, w, point_of_char(w, "s2", 3), point_of_char(w, "s2", 6, after=True))
    assert tool.selection() == (3, 7)
    qtbot.keyClick(w.canvas, Qt.Key.Key_C, CTRL)
    assert QGuiApplication.clipboard().text() == text0[3:7]
    qtbot.keyClick(w.canvas, Qt.Key.Key_X, CTRL)
    assert story_text(w, "s2") == text0[:3] + text0[7:]
    qtbot.keyClick(w.canvas, Qt.Key.Key_Home)
    qtbot.keyClick(w.canvas, Qt.Key.Key_V, CTRL)
    assert story_text(w, "s2") == text0[3:7] + text0[:3] + text0[7:]
    # paste of several lines makes paragraphs (plain text; paragraphs on newline)
    QGuiApplication.clipboard().setText("甲\n乙")
    qtbot.keyClick(w.canvas, Qt.Key.Key_V, CTRL)
    blocks = w.session.doc.story("s2").blocks
    assert [b.text[:1] for b in blocks[:2]] == ["朱"[:0] + text0[3], "乙"]
    assert blocks[1].style == blocks[0].style


def test_ctrl_a_selects_the_story_and_typing_replaces(qtbot, typing):
    w, tool = typing
    click(qtbot, w, point_of_char(w, "s2", 2))
    qtbot.keyClick(w.canvas, Qt.Key.Key_A, CTRL)
    assert tool.selection() == (0, len(story_text(w, "s2")))
    assert w.session.selection == ["t-short"]        # not every frame on the page
    qtbot.keyClicks(w.canvas, "x")
    assert story_text(w, "s2") == "x"


def test_enter_splits_the_paragraph_keeping_its_style(qtbot, typing):
    w, tool = typing
    click(qtbot, w, point_of_char(w, "s1", 0))            # the headline
    qtbot.keyClick(w.canvas, Qt.Key.Key_Right)
    qtbot.keyClick(w.canvas, Qt.Key.Key_Right)
    qtbot.keyClick(w.canvas, Qt.Key.Key_Return)
    bl = w.session.doc.story("s1").blocks
    assert bl[0].text == "朱熹" and bl[1].text.startswith("论坛")
    assert bl[1].style == bl[0].style == "headline"
    assert tool.caret == 3
    qtbot.keyClicks(w.canvas, "y")
    assert w.session.doc.story("s1").blocks[1].text.startswith("y论坛")


def test_ime_preedit_is_drawn_not_stored_then_commit_inserts(qtbot, typing):
    w, tool = typing
    click(qtbot, w, point_of_char(w, "s2", 3))
    before = story_text(w, "s2")
    ime(w, preedit="zhong")
    assert tool.preedit == "zhong" and story_text(w, "s2") == before
    # the input method window is placed at the caret
    r = w.canvas.inputMethodQuery(Qt.InputMethodQuery.ImCursorRectangle)
    cr = tool.caret_view_rect()
    assert r == cr and r.height() > 3
    assert abs(r.left() - QPointF(point_of_char(w, "s2", 3)).x()) < 6
    assert w.canvas.inputMethodQuery(Qt.InputMethodQuery.ImEnabled) is True
    # the preedit is painted at the caret: the canvas pixels there change
    w.canvas.viewport().repaint()
    img_pre = w.canvas.viewport().grab().toImage()
    ime(w, commit="中文")
    assert story_text(w, "s2") == before[:3] + "中文" + before[3:]
    assert tool.preedit == "" and tool.caret == 5
    w.canvas.viewport().repaint()
    img_post = w.canvas.viewport().grab().toImage()
    assert img_pre != img_post


def test_escape_returns_to_selection_tool(qtbot, typing):
    w, tool = typing
    click(qtbot, w, point_of_char(w, "s2", 3))
    qtbot.keyClick(w.canvas, Qt.Key.Key_Escape)
    assert w.canvas.tool.name == "select"
    assert w.session.selection == ["t-short"]
    # now T / V are tool keys again
    qtbot.keyClick(w.canvas, Qt.Key.Key_T)
    assert w.canvas.tool.name == "text"


def test_story_editor_follows_typing(qtbot, typing):
    w, tool = typing
    w.open_story("s2")
    click(qtbot, w, point_of_char(w, "s2", 3))
    before = w.story_editor._rows[0][2].toPlainText()
    qtbot.keyClicks(w.canvas, "ab")
    ed = w.story_editor._rows[0][2]
    # not inside the keystrokes (they stay cheap): once typing pauses
    assert ed.toPlainText() == before != story_text(w, "s2")
    qtbot.waitUntil(lambda: ed.toPlainText() == story_text(w, "s2"), timeout=2000)


def _crop_diff(a, ra, b, rb):
    """Mean absolute grey difference (0–255) between rect ``ra`` of image a and ``rb`` of b."""
    ca, cb = a.copy(ra), b.copy(rb)
    n = tot = 0
    for y in range(ca.height()):
        for x in range(ca.width()):
            tot += abs(QColor(ca.pixel(x, y)).lightness() - QColor(cb.pixel(x, y)).lightness())
            n += 1
    return tot / max(1, n)


def _ink(img, r):
    c = img.copy(r)
    return sum(1 for y in range(c.height()) for x in range(c.width()) if QColor(c.pixel(x, y)).lightness() < 128)


def test_ime_preedit_pushes_the_following_characters_aside(qtbot, typing):
    """While composing, the preedit is drawn in place and the rest of the line moves right
    by its width (not drawn over); the model is unchanged until the commit, which inserts
    the text as one undo step."""
    from helpers import artifacts_dir
    w, tool = typing
    w.canvas.set_zoom(2.0)
    w.canvas.scroll_to_page("p1")
    qtbot.wait(250)                     # the zoom settles: page picture at this scale
    p3 = point_of_char(w, "s2", 3)
    w.canvas.horizontalScrollBar().setValue(w.canvas.horizontalScrollBar().value() + p3.x() - 200)
    w.canvas.verticalScrollBar().setValue(w.canvas.verticalScrollBar().value() + p3.y() - 200)
    click(qtbot, w, point_of_char(w, "s2", 3))
    assert tool.caret == 3
    before, undo0 = story_text(w, "s2"), w.session.undo_stack.count()
    vp = w.canvas.viewport()
    img0 = vp.grab().toImage()
    ime(w, preedit="zhongwen")
    # (a) nothing in the model yet
    assert tool.preedit == "zhongwen" and story_text(w, "s2") == before
    assert w.session.undo_stack.count() == undo0
    pe = tool.preedit_geometry()
    box, shift = pe["box"], pe["shift"]
    assert shift >= box.width() - 0.5 and box.width() > 20
    # (b) the following characters are drawn after the preedit, pushed by its width …
    assert pe["following"], "the characters after the caret on its line"
    assert all(q.left() >= box.right() - 0.5 for q in pe["following"])
    first = pe["following"][0]
    assert abs(first.left() - (tool.caret_view_rect().left() + shift)) < 2
    # … and that is what the canvas shows: the glyph of 朱 (char 3) now sits `shift` px right
    img1 = vp.grab().toImage()
    img1.save(str(artifacts_dir() / "typing-ime-preedit.png"))
    glyph = QRectF(tool.caret_view_rect().left() + 1, first.top() + 1,
                   first.width() - 2, first.height() - 2).toAlignedRect()
    moved = glyph.translated(shift, 0)
    assert _ink(img0, glyph) > 10
    assert _crop_diff(img0, glyph, img1, moved) < 12, "the next character is not drawn pushed aside"
    assert _crop_diff(img0, glyph, img1, glyph) > 20, "the preedit is not drawn where the character was"
    assert _ink(img1, box.toAlignedRect()) > 20, "the preedit is drawn in its box"
    # (c) the commit inserts the text as one undo step; undo takes it out whole
    ime(w, commit="中文")
    assert story_text(w, "s2") == before[:3] + "中文" + before[3:]
    assert tool.preedit == "" and tool.preedit_geometry() is None
    assert w.session.undo_stack.count() == undo0 + 1
    qtbot.keyClick(w.canvas, Qt.Key.Key_Z, CTRL)
    assert story_text(w, "s2") == before


def test_galley_taking_the_focus_catches_up_at_once(qtbot, typing):
    """The story editor follows typing on the page after a pause; clicking into it before
    the pause is over brings it up to date first, so the next key there edits the text as
    it is (not a stale copy that would undo the page's typing)."""
    w, tool = typing
    w.open_story("s2")
    click(qtbot, w, point_of_char(w, "s2", 3))
    qtbot.keyClicks(w.canvas, "cd")
    ed = w.story_editor._rows[0][2]
    assert ed.toPlainText() != story_text(w, "s2")          # not synced inside the keystrokes
    ed.setFocus()
    assert ed.toPlainText() == story_text(w, "s2")          # synced on taking the focus
    cur = ed.textCursor()
    cur.setPosition(0)
    ed.setTextCursor(cur)
    qtbot.keyClicks(ed, "z")
    assert story_text(w, "s2").startswith("z短讯：cd朱熹")


def test_typing_past_the_bottom_of_the_view_scrolls_it(qtbot, typing):
    w, tool = typing
    c = w.canvas
    c.set_zoom(3.0)
    qtbot.wait(200)
    click_at = point_of_char(w, "s1", 40)
    bar = c.verticalScrollBar()
    bar.setValue(bar.value() + click_at.y() - (c.viewport().height() - 12))   # the line at the bottom edge
    click(qtbot, w, point_of_char(w, "s1", 40))
    assert tool.caret == 40
    bar.setValue(bar.value() - 80)                          # the user scrolled up: caret out of view
    vp = QRectF(c.viewport().rect())
    assert not vp.contains(tool.caret_view_rect())
    before = bar.value()
    ime(w, commit="字")
    assert bar.value() > before and vp.contains(tool.caret_view_rect())   # scrolled down to it


def test_the_cyclic_collector_waits_for_the_pause_after_a_keystroke(qtbot, typing):
    # a young collection right after the relayout went into every keystroke's repaint; it
    # now runs in the typist's pause (Session.GC_PAUSE_MS), and the collector is back on then
    import gc
    from banmian.gui import session as S
    w, tool = typing
    click(qtbot, w, point_of_char(w, "s2", 3))
    qtbot.wait(S.GC_PAUSE_MS * 3)
    assert gc.isenabled()
    ime(w, commit="字")
    assert story_text(w, "s2").startswith("短讯：字朱熹")
    assert not gc.isenabled()          # held through the canvas update and repaint …
    qtbot.waitUntil(gc.isenabled, timeout=S.GC_PAUSE_MS * 10)     # … and given back after the pause


def test_typing_relays_only_the_pages_of_the_edited_story(qtbot, tmp_path, settings):
    # a keystroke flows the edited story alone and assembles only its pages again: the page the
    # story is not on keeps the previous layout's own result (Layouter.relayout_story) — with a
    # whole relayout every page is a new object; what is drawn is the same as a fresh layout's
    from banmian.core import commands as C
    from banmian.core.io import load_document, save_document
    from banmian.core.typeset.layout import Layouter
    from conftest import build_doc
    doc = build_doc()
    C.DuplicatePage(doc.pages[0].id).do(doc)
    path = tmp_path / "two.json"
    save_document(doc, path)
    from helpers import open_window
    w = open_window(qtbot, path, settings)
    w.canvas.setFocus()
    tool = type_tool(qtbot, w)
    click(qtbot, w, point_of_char(w, "s2", 3))
    assert tool.story_id == "s2"
    before = w.session.result
    on = {pi for pi, p in enumerate(w.session.doc.pages)
          for _, f in w.session.doc.thread("s2") if f in p.frames}
    ime(w, commit="字")
    after = w.session.result
    assert story_text(w, "s2").startswith("短讯：字")
    assert on and len(on) < len(after.pages)
    for pi, (a, b) in enumerate(zip(before.pages, after.pages)):
        assert (a is b) == (pi not in on), pi
    fresh = Layouter(base_dir=path.parent).layout(w.session.doc)
    assert [p.items for p in after.pages] == [p.items for p in fresh.pages]
