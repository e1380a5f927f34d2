"""Issue 14 item 8: the 报眉 master (版式) edited in the canvas, applied, its fields filled.

Double-click the master in the Pages panel, drag one of its frames with the
Selection tool: every page using the master shows it moved; Ctrl+Z undoes it
(also after leaving the master).  Apply another master to a page with clicks.
Change the date in 文档信息 and every page's 报眉 says the new date.
"""
from PySide6.QtCore import QPoint, Qt

from banmian.core import commands as C
from banmian.core.model.units import PT_PER_MM
from banmian.gui import master_view as MV
from banmian.gui.pages_panel import DocumentInfoDialog

from helpers import artifacts_dir, drag, when_modal
from test_pages_panel import CTRL, click_item, key


def runs_of(w, page_id, frame_id):
    return [it for it in w.session.page_result(page_id).items if getattr(it, "frame", None) == frame_id]


def two_pages(qtbot, w):
    click_item(qtbot, w.pages_panel.list, 0)
    w.pages_panel.add_page()                   # a page like the first, with master A
    assert [p.master for p in w.session.doc.pages] == ["A", "A"]
    return [p.id for p in w.session.doc.pages]


def test_edit_master_drag_a_frame_moves_it_on_every_page(qtbot, window):
    w = window
    pids = two_pages(qtbot, w)
    x_before = [runs_of(w, p, "A-section")[0].xs[0] for p in pids]
    click_item(qtbot, w.pages_panel.masters, 0, double=True)      # double-click master A
    ms = w.canvas.session
    assert isinstance(ms, MV.MasterSession) and ms.name == "A"
    assert w.master_banner.isVisible() and "A" in w.master_banner.label.text()
    # the master's frames are what the canvas shows; field codes, not values
    view_page = ms.doc.pages[0]
    assert [f.id for f in view_page.frames] == [f.id for f in w.session.doc.master("A").frames]
    texts = "".join(r.text for r in ms.page_result(view_page.id).items if hasattr(r, "text"))
    assert "{page}" in texts and "{section}" in texts
    w.canvas.fit_width()
    qtbot.wait(50)
    w.grab().save("/tmp/shots/master_editor.png")
    w.grab().save(str(artifacts_dir() / "master_editor.png"))
    # a real drag of the section frame 30 mm to the right, with the Selection tool
    key(qtbot, w, Qt.Key.Key_V)
    f = next(g for g in w.session.doc.master("A").frames if g.id == "A-section")
    x0 = f.x
    r = w.canvas.frame_view_rect(view_page.id, f)
    a = r.center().toPoint()
    dx_px = round(30 / w.canvas.mm_per_px())
    drag(qtbot, w, a, QPoint(a.x() + dx_px, a.y()))
    moved = f.x - x0
    assert 25 < moved < 35, moved
    assert ms.selection == ["A-section"]
    # every page using A shows the section name moved by as much
    for p, xb in zip(pids, x_before):
        xa = runs_of(w, p, "A-section")[0].xs[0]
        assert abs((xa - xb) - moved * PT_PER_MM) < 0.5
        assert runs_of(w, p, "A-section")[0].text == w.session.doc.meta["section"]
    assert w.session.is_modified()
    # back to the pages; Undo still undoes the master edit
    qtbot.mouseClick(w.master_banner.back, Qt.MouseButton.LeftButton)
    assert w.canvas.session is w.session and not w.master_banner.isVisible()
    key(qtbot, w, Qt.Key.Key_Z, CTRL)
    assert abs(f.x - x0) < 1e-9
    assert [runs_of(w, p, "A-section")[0].xs[0] for p in pids] == x_before
    key(qtbot, w, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert abs(f.x - x0 - moved) < 1e-9


def test_draw_and_delete_on_the_master(qtbot, window):
    w = window
    pids = two_pages(qtbot, w)
    w.actions_by_key["master_edit"].trigger()           # Page → Edit master (the page's own)
    ms = w.canvas.session
    assert isinstance(ms, MV.MasterSession)
    key(qtbot, w, Qt.Key.Key_M)                          # Box tool: a box on the master
    page = ms.doc.pages[0]
    a = w.canvas.page_mm_to_view(page.id, 100, 30).toPoint()
    b = w.canvas.page_mm_to_view(page.id, 160, 45).toPoint()
    drag(qtbot, w, a, b)
    m = w.session.doc.master("A")
    boxes = [f for f in m.frames if f.kind == "box"]
    assert len(boxes) == 1
    ids = [f.id for p in w.session.doc.pages for f in p.frames]
    assert boxes[0].id not in ids
    for p in pids:
        assert runs_of(w, p, boxes[0].id)                # drawn on both pages
    key(qtbot, w, Qt.Key.Key_V)
    w.canvas.session.set_selection([boxes[0].id])
    key(qtbot, w, Qt.Key.Key_Delete)
    assert not [f for f in m.frames if f.kind == "box"]
    key(qtbot, w, Qt.Key.Key_Z, CTRL)
    assert [f.id for f in m.frames if f.kind == "box"] == [boxes[0].id]
    w.actions_by_key["master_leave"].trigger()
    assert w.canvas.session is w.session


def test_apply_another_master_with_clicks(qtbot, window):
    w = window
    pids = two_pages(qtbot, w)
    doc = w.session.doc
    # a second master, B: the 报眉 without the section name
    import copy
    b = copy.deepcopy(doc.master("A"))
    b.name = "B"
    b.frames = [f for f in b.frames if f.id != "A-section"]
    for f in b.frames:
        f.id = "B" + f.id[1:]
    assert w.session.push(C.AddMaster(b))
    panel = w.pages_panel
    assert panel.masters.count() == 2
    click_item(qtbot, panel.list, 1)                     # the second page
    click_item(qtbot, panel.masters, 1)                  # master B
    qtbot.mouseClick(panel.apply_master_btn, Qt.MouseButton.LeftButton)
    assert [p.master for p in doc.pages] == ["A", "B"]
    assert runs_of(w, pids[0], "A-section") and not runs_of(w, pids[1], "A-section")
    assert runs_of(w, pids[1], "B-page")
    assert panel.list.item(1).text().endswith("Master B")
    key(qtbot, w, Qt.Key.Key_Z, CTRL)
    assert [p.master for p in doc.pages] == ["A", "A"]


def test_document_info_date_updates_every_header(qtbot, window):
    w = window
    pids = two_pages(qtbot, w)

    def answer(dlg):
        e = dlg.fields["date"]
        qtbot.mouseClick(e, Qt.MouseButton.LeftButton)
        e.selectAll()
        qtbot.keyClicks(e, "2025-06-01")
        qtbot.mouseClick(dlg.buttons.button(dlg.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    found = when_modal(qtbot, answer, DocumentInfoDialog)
    w.actions_by_key["doc_info"].trigger()
    qtbot.waitUntil(lambda: w.session.doc.meta.get("date") == "2025-06-01", timeout=5000)
    assert found
    for p in pids:
        assert "2025-06-01" in "".join(r.text for r in runs_of(w, p, "A-date"))
    # the page number field differs per page, the date is the same
    assert [runs_of(w, p, "A-page")[0].text for p in pids] == ["1", "2"]
    key(qtbot, w, Qt.Key.Key_Z, CTRL)
    assert w.session.doc.meta["date"] != "2025-06-01"
    assert "2025-06-01" not in "".join(r.text for r in runs_of(w, pids[1], "A-date"))
