"""Issue 14 item 13 in the editor: Find and replace (Ctrl+F) over every story or the current one,
全角/半角 aware, one undo step for Replace all with its count; 字数统计 in the Tools menu.
Everything through key clicks into the dialog's fields and clicks on its buttons."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from banmian.core.io import save_document
from banmian.core.model.document import Block, Run, Story

from conftest import build_doc
from helpers import frame_center, open_window, when_modal

pytestmark = pytest.mark.gui

MIXED = "扬州ｂ站，b站,Ｂ站。"


@pytest.fixture
def win(qtbot, tmp_path, settings):
    doc = build_doc(paragraphs=3)
    doc.stories.append(Story("s3", "混排", [Block("paragraph", "body", [Run(MIXED)]),
                                          Block("paragraph", "body", [Run("版面2024年，Banmian好。")])]))
    next(f for f in doc.pages[0].frames if f.id == "t-empty").story = "s3"
    path = tmp_path / "page.json"
    save_document(doc, path)
    return open_window(qtbot, path, settings, size=(1300, 900))


def open_find(qtbot, w, key=Qt.Key.Key_F, mods=Qt.KeyboardModifier.ControlModifier):
    w.canvas.setFocus()
    qtbot.keyClick(w.canvas, key, mods)
    qtbot.waitUntil(lambda: getattr(w, "find_dialog", None) is not None and w.find_dialog.isVisible(), timeout=3000)
    qtbot.waitUntil(w.find_dialog.isActiveWindow, timeout=3000)
    return w.find_dialog


def type_into(qtbot, edit, text):
    """Clear the field and type ``text`` as an editor does: ASCII on the keyboard, Chinese and
    full-width characters as the input method commits them (QTest cannot key them)."""
    import itertools
    from PySide6.QtGui import QInputMethodEvent
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    for ascii_, chunk in itertools.groupby(text, key=lambda ch: ch.isascii()):
        chunk = "".join(chunk)
        if ascii_:
            qtbot.keyClicks(edit, chunk)
        else:
            e = QInputMethodEvent("", [])
            e.setCommitString(chunk)
            QApplication.sendEvent(edit, e)
    assert edit.text() == text


def click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_find_next_selects_the_match_in_the_story_editor_and_the_frame(qtbot, win):
    dlg = open_find(qtbot, win)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dlg.find_edit, timeout=3000)
    type_into(qtbot, dlg.find_edit, "书院")
    click(qtbot, dlg.next_button)
    m = dlg.last
    assert m is not None and m.story == "s1"
    assert win.session.doc.story("s1").text[m.start:m.end] == "书院"
    assert win.story_editor.story_id == "s1" and win.story_editor.selected_text() == "书院"
    assert win.session.selection == ["t-body1"]
    # Enter in the field finds the next one
    first = m
    qtbot.keyClick(dlg.find_edit, Qt.Key.Key_Return)
    assert dlg.last != first and dlg.last.start > first.start
    assert "2" in dlg.status.text()


def test_replace_all_folds_widths_counts_and_undoes_in_one_step(qtbot, win):
    doc = win.session.doc
    before = doc.story("s3").text
    dlg = open_find(qtbot, win)
    type_into(qtbot, dlg.find_edit, "b站,")
    type_into(qtbot, dlg.replace_edit, "B站，")
    assert dlg.widths.isChecked()
    click(qtbot, dlg.all_button)
    # ｂ站， and b站, (the full-width comma folds to ,) — not Ｂ站。 (a different mark after it)
    assert doc.story("s3").text.startswith("扬州B站，B站，Ｂ站。")
    assert "2" in dlg.status.text()
    assert "2" in win.statusBar().currentMessage()
    # one undo step for all of it (back in the page window)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=3000)
    win.canvas.setFocus()
    qtbot.keyClick(win.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert doc.story("s3").text == before
    # with the option off only the exact spelling matches
    dlg.activateWindow()
    click(qtbot, dlg.widths)
    assert not dlg.widths.isChecked()
    click(qtbot, dlg.all_button)
    assert doc.story("s3").text.startswith("扬州ｂ站，B站，Ｂ站。")


def test_case_and_the_current_story_scope(qtbot, win):
    doc = win.session.doc
    s1 = doc.story("s1").text
    win.session.set_selection(["t-empty"])          # the current story: s3
    dlg = open_find(qtbot, win)
    type_into(qtbot, dlg.find_edit, "banmian")
    dlg.scope.setFocus()
    qtbot.keyClick(dlg.scope, Qt.Key.Key_Down)
    assert dlg.scope.currentData() == "story"
    click(qtbot, dlg.case)                           # match case: "Banmian" is not "banmian"
    click(qtbot, dlg.next_button)
    assert dlg.last is None
    click(qtbot, dlg.case)
    type_into(qtbot, dlg.replace_edit, "版面软件")
    click(qtbot, dlg.all_button)
    assert "版面软件好" in doc.story("s3").text
    assert doc.story("s1").text == s1


def test_replace_replaces_the_found_match_and_goes_on(qtbot, win):
    doc = win.session.doc
    dlg = open_find(qtbot, win)
    type_into(qtbot, dlg.find_edit, "站")
    type_into(qtbot, dlg.replace_edit, "台")
    click(qtbot, dlg.next_button)
    assert dlg.last.story == "s3"
    click(qtbot, dlg.replace_button)
    assert doc.story("s3").text.startswith("扬州ｂ台，b站")
    assert dlg.last is not None and doc.story("s3").text[dlg.last.start:dlg.last.end] == "站"


def test_find_next_with_the_type_tool_selects_in_place(qtbot, win):
    c = win.canvas
    c.setFocus()
    qtbot.keyClick(c, Qt.Key.Key_T)
    tool = c.tool
    assert tool.name == "text"
    qtbot.mouseClick(c.viewport(), Qt.MouseButton.LeftButton, pos=frame_center(win, "t-empty"))
    assert tool.story_id == "s3"
    dlg = open_find(qtbot, win, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dlg.replace_edit, timeout=3000)
    type_into(qtbot, dlg.find_edit, "Ｂ站")
    click(qtbot, dlg.next_button)
    m = dlg.last
    assert m.story == "s3"
    assert (min(tool.anchor, tool.caret), max(tool.anchor, tool.caret)) == (m.start, m.end)
    assert tool.selected_text() in ("ｂ站", "b站", "Ｂ站")


def read_cells(dlg):
    return {lab.objectName()[3:]: lab.text() for lab in dlg.findChildren(QLabel) if lab.objectName().startswith("wc_")}


def test_word_count_of_selection_story_and_page(qtbot, win):
    from banmian.core.textsearch import count_words, page_text
    c = win.canvas
    c.setFocus()
    qtbot.keyClick(c, Qt.Key.Key_T)
    qtbot.mouseClick(c.viewport(), Qt.MouseButton.LeftButton, pos=frame_center(win, "t-empty"))
    tool = c.tool
    st = win.session.doc.story("s3")
    start = st.text.index("版面2024")
    tool.anchor, tool.caret = start, len(st.text)                 # 版面2024年，Banmian好。
    got = []

    def read(dlg):
        got.append(read_cells(dlg))
        dlg.reject()
    when_modal(qtbot, read)
    win.actions_by_key["word_count"].trigger()
    qtbot.waitUntil(lambda: bool(got), timeout=3000)
    cells = got[0]
    # 版 面 年 好 = 4 Chinese characters, 2024 and Banmian = 2 words, ， 。 = 2 marks
    assert (cells["selection_han"], cells["selection_words"], cells["selection_punct"]) == ("4", "2", "2")
    assert cells["selection_total"] == "8"
    assert cells["story_total"] == str(count_words(st.text).total)
    assert int(cells["story_total"]) == 8 + 11      # + 扬州ｂ站，b站,Ｂ站。: 扬州站站站 5, ｂ b Ｂ 3, ，,。 3
    page = page_text(win.session.doc, win.session.result, 0)
    assert cells["page_total"] == str(count_words(page).total)
    assert int(cells["page_total"]) > int(cells["story_total"])


def test_in_chinese(qtbot, win):
    from PySide6.QtCore import QCoreApplication, QTranslator
    from banmian.gui.app import I18N_DIR
    from banmian.gui import canvas_problems
    from banmian.gui.find_dialog import FindDialog
    from banmian.gui.wordcount import WordCountDialog
    tr = QTranslator()
    assert tr.load(str(I18N_DIR / "banmian_zh_CN.qm"))
    QCoreApplication.installTranslator(tr)
    try:
        dlg = FindDialog(win)
        assert dlg.windowTitle() == "查找/替换"
        assert [b.text() for b in (dlg.next_button, dlg.replace_button, dlg.all_button)] == \
            ["查找下一个", "替换", "全部替换"]
        assert dlg.widths.text().startswith("全角/半角") and dlg.case.text() == "区分大小写"
        wc = WordCountDialog(win)
        assert wc.windowTitle() == "字数统计"
        assert {"字数", "汉字", "标点符号", "本版"} <= {lab.text() for lab in wc.findChildren(QLabel)}
        assert canvas_problems.placeholder_label() == "「标题」"
    finally:
        QCoreApplication.removeTranslator(tr)
