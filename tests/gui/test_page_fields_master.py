"""Issue 14 item 8, the remnants: each page's own 版名 / 责任编辑, and the Properties panel
while a master (版式) is open — driven through the keyboard and the mouse.

报眉信息 (Ctrl+Alt+I): type a section, choose 本版 (this page), OK — that page's 报眉 says it,
the other page still says the document's; Ctrl+Z gives it back.  In the master editor a
click on a master frame shows it in Properties; typing an X there and pressing Enter
moves the master frame (one undoable step).
"""
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from banmian.gui import master_view as MV
from banmian.gui.pages_panel import DocumentInfoDialog

from helpers import artifacts_dir, when_modal
from test_pages_master import runs_of, two_pages
from test_pages_panel import ALT, CTRL, SHIFT, click_item, key


def header(w, pid, fid):
    return "".join(r.text for r in runs_of(w, pid, fid))


def ime_commit(widget, text):
    """Chinese as an input method delivers it: one commit string (QTest cannot key it)."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication
    ev = QInputMethodEvent()
    ev.setCommitString(text)
    QApplication.sendEvent(widget, ev)


def type_field(qtbot, e, text):
    """Click into a field, select what it says (Ctrl+A) and type over it."""
    qtbot.mouseClick(e, Qt.MouseButton.LeftButton)
    qtbot.keyClick(e, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(e, Qt.Key.Key_Backspace)
    if text:
        ime_commit(e, text)
    assert e.text() == text


def answer_info(qtbot, values: dict, scope: str):
    """Answer 报眉信息 as an editor: click each field, select its text, type; pick the scope; OK."""
    def answer(dlg):
        for k, v in values.items():
            type_field(qtbot, dlg.fields[k], v)
        radio = dlg.this_page if scope == "page" else dlg.all_pages
        seen["this_page"] = dlg.this_page.text()      # (read while the dialog lives: it is deleted on close)
        qtbot.mouseClick(radio, Qt.MouseButton.LeftButton)
        assert radio.isChecked()
        dlg.grab().save(str(artifacts_dir() / f"document_info_{scope}.png"))
        qtbot.mouseClick(dlg.buttons.button(dlg.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    seen: dict = {}
    found = when_modal(qtbot, answer, DocumentInfoDialog)
    return found, seen


def test_section_for_this_page_only_through_the_dialog(qtbot, window):
    w = window
    pids = two_pages(qtbot, w)
    doc_section = w.session.doc.meta["section"]
    assert [header(w, p, "A-section") for p in pids] == [doc_section, doc_section]
    click_item(qtbot, w.pages_panel.list, 1)               # the second page is "this page"
    assert w.session.current_page == pids[1]
    found, seen = answer_info(qtbot, {"section": "工会动态", "editor": "李四"}, "page")
    key(qtbot, w, Qt.Key.Key_I, CTRL | ALT)                # Page → 报眉信息…
    qtbot.waitUntil(lambda: w.session.doc.pages[1].fields.get("section") == "工会动态", timeout=5000)
    assert found and "2" in seen["this_page"]
    # the canvas's layout: page 2 says its own section and editor, page 1 the document's
    assert header(w, pids[1], "A-section") == "工会动态"
    assert "李四" in header(w, pids[1], "A-paper")
    assert header(w, pids[0], "A-section") == doc_section
    assert "李四" not in header(w, pids[0], "A-paper")
    assert w.session.doc.meta["section"] == doc_section and w.session.doc.pages[0].fields == {}
    # the Pages panel names the page's own section under its thumbnail
    assert "工会动态" in w.pages_panel.list.item(1).text()
    assert "工会动态" not in w.pages_panel.list.item(0).text()
    w.pages_panel.flush()
    w.grab().save(str(artifacts_dir() / "two_pages_sections.png"))
    # one undo step gives page 2 back the document's section and editor
    key(qtbot, w, Qt.Key.Key_Z, CTRL)
    assert w.session.doc.pages[1].fields == {}
    assert header(w, pids[1], "A-section") == doc_section
    key(qtbot, w, Qt.Key.Key_Z, CTRL | SHIFT)
    assert header(w, pids[1], "A-section") == "工会动态"


def test_the_dialog_shows_the_pages_own_values_and_all_pages_takes_them_away(qtbot, window):
    w = window
    pids = two_pages(qtbot, w)
    click_item(qtbot, w.pages_panel.list, 1)
    answer_info(qtbot, {"section": "工会动态"}, "page")
    key(qtbot, w, Qt.Key.Key_I, CTRL | ALT)
    qtbot.waitUntil(lambda: header(w, pids[1], "A-section") == "工会动态", timeout=5000)
    # opened again on page 2: it shows page 2's section and is set to this page
    seen = {}

    def look_then_all(dlg):
        seen["section"] = dlg.fields["section"].text()
        seen["scope_page"] = dlg.this_page.isChecked()
        type_field(qtbot, dlg.fields["section"], "要闻")
        qtbot.mouseClick(dlg.all_pages, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dlg.buttons.button(dlg.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    when_modal(qtbot, look_then_all, DocumentInfoDialog)
    key(qtbot, w, Qt.Key.Key_I, CTRL | ALT)
    qtbot.waitUntil(lambda: w.session.doc.meta.get("section") == "要闻", timeout=5000)
    assert seen == {"section": "工会动态", "scope_page": True}
    # all pages: the document's section, and no page keeps its own
    assert [header(w, p, "A-section") for p in pids] == ["要闻", "要闻"]
    assert all(p.fields == {} for p in w.session.doc.pages)
    key(qtbot, w, Qt.Key.Key_Z, CTRL)                      # one step back: page 2 its own again
    assert header(w, pids[1], "A-section") == "工会动态" and header(w, pids[0], "A-section") != "要闻"


def test_properties_follow_a_click_on_a_master_frame_and_edit_it(qtbot, window):
    w = window
    pids = two_pages(qtbot, w)
    props = w.props_panel
    w.docks["properties"].raise_()
    click_item(qtbot, w.pages_panel.masters, 0, double=True)      # edit master A in the canvas
    ms = w.canvas.session
    assert isinstance(ms, MV.MasterSession)
    key(qtbot, w, Qt.Key.Key_V)                                   # the Selection tool
    w.canvas.fit_width()
    qtbot.wait(30)
    view_page = ms.doc.pages[0]
    f = next(g for g in w.session.doc.master("A").frames if g.id == "A-section")
    x0, y0 = f.x, f.y
    at = w.canvas.frame_view_rect(view_page.id, f).center().toPoint()
    QTest.mouseClick(w.canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
    assert ms.selection == ["A-section"]
    # the panel shows the master frame, as it shows a page's
    assert "A-section" in props.kind_label.text()
    assert props.x.isEnabled() and abs(props.x.value() - x0) < 0.01 and abs(props.w.value() - f.w) < 0.01
    w.grab().save(str(artifacts_dir() / "master_properties.png"))
    # type a new X and press Enter: the master frame moves, on every page using it
    x_on_pages = [runs_of(w, p, "A-section")[0].xs[0] for p in pids]
    qtbot.mouseClick(props.x.lineEdit(), Qt.MouseButton.LeftButton)
    qtbot.keyClick(props.x.lineEdit(), Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(props.x.lineEdit(), "160")
    qtbot.keyClick(props.x.lineEdit(), Qt.Key.Key_Return)
    assert abs(f.x - 160) < 1e-6 and abs(f.y - y0) < 1e-6
    for p, xb in zip(pids, x_on_pages):
        assert abs(runs_of(w, p, "A-section")[0].xs[0] - xb - (160 - x0) * 72 / 25.4) < 0.5
    assert abs(props.x.value() - 160) < 0.01
    # one undo step puts it back, and the panel follows
    key(qtbot, w, Qt.Key.Key_Z, CTRL)
    assert abs(f.x - x0) < 1e-6
    assert abs(props.x.value() - x0) < 0.01
    # back on the pages, the panel follows the page's selection again
    qtbot.mouseClick(w.master_banner.back, Qt.MouseButton.LeftButton)
    assert props.session is w.session
    assert props.kind_label.text() != "" and "A-section" not in props.kind_label.text()
