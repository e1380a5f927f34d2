"""Issue 14 item 7: pages in the Pages panel and the Page menu, driven as an editor does.

Add a page from a template chosen by its Chinese name in the dialog (mouse
clicks), thumbnails in cells that never overlap, duplicate / delete / move with
the keyboard shortcuts and a drag in the panel, each undone with Ctrl+Z; the
folios (第 N 版) follow the order; the vertical ruler starts again at each page.
"""
from PySide6.QtCore import QPoint, Qt

from banmian.gui.pages_panel import AddPageDialog

from helpers import artifacts_dir, when_modal

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def key(qtbot, w, k, mods=Qt.KeyboardModifier.NoModifier):
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    w.canvas.setFocus()
    qtbot.keyClick(w.canvas, k, mods)


def click_item(qtbot, lw, row, double=False):
    lw.scrollToItem(lw.item(row))
    c = lw.visualItemRect(lw.item(row)).center()
    qtbot.mouseClick(lw.viewport(), Qt.MouseButton.LeftButton, pos=c)
    if double:      # a real double-click: press, release, then the double-click event
        qtbot.mouseDClick(lw.viewport(), Qt.MouseButton.LeftButton, pos=c)


def page_ids(w):
    return [p.id for p in w.session.doc.pages]


def folios(w):
    return [p.name for p in w.session.doc.pages]


def panel_labels(w):
    lw = w.pages_panel.list
    return [lw.item(i).text().split("\n")[0] for i in range(lw.count())]


def test_add_page_from_a_template_chosen_in_the_dialog(qtbot, window):
    w = window
    panel = w.pages_panel
    seen = {}

    def answer(dlg):
        seen["labels"] = dlg.labels()
        row = next(i for i, t in enumerate(dlg.labels()) if "四开" in t)
        click_item(qtbot, dlg.list, row)
        dlg.grab().save(str(artifacts_dir() / "add_page_dialog.png"))
        qtbot.mouseClick(dlg.buttons.button(dlg.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    found = when_modal(qtbot, answer, AddPageDialog)
    qtbot.mouseClick(panel.add_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(w.session.doc.pages) == 2, timeout=10000)
    assert found
    # the dialog names masters and templates in words, never file names
    assert any("A" in t for t in seen["labels"]) and not any(".json" in t for t in seen["labels"])
    doc = w.session.doc
    new = doc.pages[1]
    assert new.width < doc.pages[0].width                 # a 四开 page after the 对开 one
    assert new.master not in (None, "A") and doc.master(new.master) is not None   # 四开's 报眉, as B
    assert folios(w) == ["1", "2"] and panel_labels(w) == ["Page 1", "Page 2"]
    assert w.session.current_page == new.id
    # the new page's 报眉 is laid out with its page number
    res = w.session.page_result(new.id)
    assert any(getattr(it, "text", "") == "2" for it in res.items)
    key(qtbot, w, Qt.Key.Key_Z, CTRL)
    assert len(w.session.doc.pages) == 1 and [m.name for m in w.session.doc.masters] == ["A"]
    assert w.pages_panel.list.count() == 1


def test_add_page_with_the_documents_master_and_cancel(qtbot, window):
    w = window
    when_modal(qtbot, lambda d: qtbot.keyClick(d, Qt.Key.Key_Escape), AddPageDialog)
    key(qtbot, w, Qt.Key.Key_P, CTRL | SHIFT)        # Page → Add page…
    qtbot.wait(200)
    assert len(w.session.doc.pages) == 1

    def answer(dlg):
        row = dlg.labels().index("Master A")
        click_item(qtbot, dlg.list, row, double=True)       # a double-click takes it
    found = when_modal(qtbot, answer, AddPageDialog)
    w.actions_by_key["page_add"].trigger()
    qtbot.waitUntil(lambda: len(w.session.doc.pages) == 2, timeout=10000)
    assert found and w.session.doc.pages[1].master == "A"
    assert w.session.doc.pages[1].width == w.session.doc.pages[0].width


def test_thumbnails_do_not_overlap(qtbot, window):
    w = window
    click_item(qtbot, w.pages_panel.list, 0)
    for _ in range(4):
        key(qtbot, w, Qt.Key.Key_D, CTRL | ALT | SHIFT)
    assert len(w.session.doc.pages) == 5
    w.resizeDocks([w.docks["pages"]], [260], Qt.Orientation.Horizontal)
    w.pages_panel.flush()
    qtbot.wait(50)
    lw = w.pages_panel.list
    lw.scrollToTop()
    rects = [lw.visualItemRect(lw.item(i)) for i in range(lw.count())]
    for i, a in enumerate(rects):
        assert a.width() >= lw.iconSize().width() and a.height() >= lw.iconSize().height()
        for b in rects[i + 1:]:
            assert not a.intersects(b), (a, b)
    assert all(not lw.item(i).icon().isNull() for i in range(lw.count()))
    # the icon is the page itself: the thumbnail of a page with text is not blank
    img = lw.item(0).icon().pixmap(lw.iconSize()).toImage()
    dark = sum(1 for x in range(0, img.width(), 2) for y in range(0, img.height(), 2)
               if img.pixelColor(x, y).lightness() < 128)
    assert dark > 20
    assert panel_labels(w) == ["Page 1", "Page 2", "Page 3", "Page 4", "Page 5"]
    w.docks["pages"].grab().save("/tmp/shots/pages_panel.png")
    w.docks["pages"].grab().save(str(artifacts_dir() / "pages_panel.png"))


def test_duplicate_move_delete_by_shortcuts_with_undo(qtbot, window):
    w = window
    doc = w.session.doc
    p1 = doc.pages[0].id
    click_item(qtbot, w.pages_panel.list, 0)
    key(qtbot, w, Qt.Key.Key_D, CTRL | ALT | SHIFT)          # Duplicate page
    assert len(doc.pages) == 2 and folios(w) == ["1", "2"]
    dup = doc.pages[1]
    # the copy has its own stories: editing one leaves the other
    heads = [f for f in dup.frames if getattr(f, "story", None)]
    assert heads and all(f.story not in ("s1", "s2") for f in heads)
    assert {f.id for f in dup.frames}.isdisjoint({f.id for f in doc.pages[0].frames})
    assert w.pages_panel.selected_pages() == [dup.id]
    key(qtbot, w, Qt.Key.Key_PageUp, CTRL | SHIFT)           # Move page up: the copy first
    assert page_ids(w) == [dup.id, p1] and folios(w) == ["1", "2"]
    assert panel_labels(w) == ["Page 1", "Page 2"]
    # the 报眉 follows: page number 1 now on the copy
    assert any(getattr(it, "text", "") == "1" and it.frame == "A-page" for it in w.session.page_result(dup.id).items)
    key(qtbot, w, Qt.Key.Key_Z, CTRL)
    assert page_ids(w) == [p1, dup.id]
    key(qtbot, w, Qt.Key.Key_Z, CTRL)
    assert page_ids(w) == [p1] and {s.id for s in doc.stories} == {"s1", "s2"} | {
        s.id for s in doc.stories if s.id.startswith("master")}
    key(qtbot, w, Qt.Key.Key_Z, CTRL | SHIFT)                # redo the duplicate
    assert len(doc.pages) == 2
    click_item(qtbot, w.pages_panel.list, 0)
    key(qtbot, w, Qt.Key.Key_Delete, CTRL | SHIFT)           # Delete page
    assert page_ids(w) == [dup.id] and folios(w) == ["1"]
    from PySide6.QtWidgets import QMessageBox
    said = when_modal(qtbot, lambda m: qtbot.keyClick(m, Qt.Key.Key_Return), QMessageBox)
    key(qtbot, w, Qt.Key.Key_Delete, CTRL | SHIFT)           # the last page stays (a message says so)
    qtbot.waitUntil(lambda: bool(said))
    assert page_ids(w) == [dup.id]
    key(qtbot, w, Qt.Key.Key_Z, CTRL)
    assert page_ids(w) == [p1, dup.id] and folios(w) == ["1", "2"]


def test_drag_a_thumbnail_to_reorder(qtbot, window):
    w = window
    click_item(qtbot, w.pages_panel.list, 0)
    key(qtbot, w, Qt.Key.Key_D, CTRL | ALT | SHIFT)
    key(qtbot, w, Qt.Key.Key_D, CTRL | ALT | SHIFT)
    before = page_ids(w)
    assert len(before) == 3
    lw = w.pages_panel.list
    a = lw.visualItemRect(lw.item(0)).center()
    last = lw.visualItemRect(lw.item(2))
    b = QPoint(last.right() - 3, last.center().y())          # after the last thumbnail
    vp = lw.viewport()
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=a)
    for i in range(1, 7):
        qtbot.mouseMove(vp, QPoint(a.x() + (b.x() - a.x()) * i // 6, a.y() + (b.y() - a.y()) * i // 6))
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=b)
    assert page_ids(w) == [before[1], before[2], before[0]]
    assert folios(w) == ["1", "2", "3"]
    key(qtbot, w, Qt.Key.Key_Z, CTRL)
    assert page_ids(w) == before


def test_vertical_ruler_restarts_at_each_page(qtbot, window):
    w = window
    click_item(qtbot, w.pages_panel.list, 0)
    key(qtbot, w, Qt.Key.Key_D, CTRL | ALT | SHIFT)
    c = w.canvas
    c.set_zoom(0.15)
    qtbot.wait(50)
    segs = w.vruler.segments()
    assert [s[0] for s in segs] == page_ids(w)
    shift = c.viewport().mapTo(w, QPoint(0, 0)).y() - w.vruler.mapTo(w, QPoint(0, 0)).y()
    for pid, origin, lo, hi in segs:
        assert abs(origin - (c.page_mm_to_view(pid, 0, 0).y() + shift)) < 0.5   # 0 mm at the page's top
        assert lo <= origin <= hi
    assert segs[0][3] <= segs[1][2] + 0.5          # one scale ends where the next begins
    # the ruler shows a 0 near the top of the second page: its pixels there are drawn
    img = w.vruler.grab().toImage()
    y = int(segs[1][1])
    img.save("/tmp/shots/vruler.png")
    ink = [img.pixelColor(x, yy).lightness() < 150 for x in range(0, 10) for yy in range(y, y + 24)
           if 0 <= yy < img.height()]
    assert any(ink)
