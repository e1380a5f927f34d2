"""A page made only through real input events (issue 14, "Must hold", the typing parts):
on a blank 四开 page, draw three text frames and an image frame, write a headline and two
Chinese paragraphs in place through the input method's commit path, place a photo with
Ctrl+D (the file dialog answered as a user does), type a caption and attach it to the
photo, undo everything and redo it, save with Ctrl+S, reopen, export the PDF (Ctrl+E, the
export dialog's button) and find every typed paragraph in the PDF's text."""
import shutil
import subprocess

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLineEdit

from helpers import drag, frame_center
from test_typing import context_menu, ime

pytestmark = pytest.mark.gui

HEAD = "书院精神的当代回响"
PARA1 = "朱熹在白鹿洞书院讲学，提出为学次第。"
PARA2 = "与会学者认为，传统书院精神对于当代教育仍有借鉴意义。"
CAPTION = "图为论坛现场。"
CTRL = Qt.KeyboardModifier.ControlModifier


def key(qtbot, w, k, mods=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(w.canvas, k, mods)


def mm(w, x, y):
    return w.canvas.page_mm_to_view(w.session.doc.pages[0].id, x, y).toPoint()


def draw(qtbot, w, x, y, wd, h):
    before = {f.id for f in w.session.doc.pages[0].frames}
    drag(qtbot, w, mm(w, x, y), mm(w, x + wd, y + h))
    new = [f for f in w.session.doc.pages[0].frames if f.id not in before]
    assert len(new) == 1
    return new[0]


def answer_file_dialog(qtbot, path):
    def answer():
        dlg = QApplication.activeModalWidget()
        if not isinstance(dlg, QFileDialog):
            QTimer.singleShot(50, answer)
            return
        edit = dlg.findChild(QLineEdit, "fileNameEdit")
        edit.clear()
        qtbot.keyClicks(edit, str(path))
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    QTimer.singleShot(50, answer)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_build_a_page_by_typing(qtbot, tmp_path, settings, photo):
    from banmian.core.io import dumps, load_document, save_document
    from banmian.gui.main_window import TEMPLATES, MainWindow
    src = tmp_path / "page.json"
    save_document(load_document(TEMPLATES / "sikai.json"), src)
    w = MainWindow(src, settings=settings, ask=lambda *a: True)
    w.prompt_save = lambda: "discard"
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    w.canvas.fit_page()
    w.canvas.setFocus()
    w.session.undo_stack.setClean()
    start = dumps(w.session.doc)
    page = w.session.doc.pages[0]
    L, T = page.margins.left, page.margins.top
    width = page.width - L - page.margins.right

    # -- the headline: Type tool, draw a frame, pick 主题, type
    key(qtbot, w, Qt.Key.Key_T)
    head = draw(qtbot, w, L, T + 10, width, 25)
    context_menu(qtbot, w, frame_center(w, head.id), "新稿件样式", "主题")
    ime(w, preedit="shuyuan")
    ime(w, commit=HEAD)
    # -- the body: two paragraphs
    body = draw(qtbot, w, L, T + 40, width / 2 - 2, 120)
    context_menu(qtbot, w, frame_center(w, body.id), "新稿件样式", "正文")
    ime(w, commit=PARA1)
    key(qtbot, w, Qt.Key.Key_Return)
    ime(w, commit=PARA2)
    # -- the photo: Image frame tool (F), then Ctrl+D and the file dialog
    key(qtbot, w, Qt.Key.Key_Escape)
    key(qtbot, w, Qt.Key.Key_F)
    img = draw(qtbot, w, L + width / 2 + 2, T + 40, width / 2 - 2, 60)
    assert w.session.selection == [img.id]          # the new frame is selected
    answer_file_dialog(qtbot, photo)
    key(qtbot, w, Qt.Key.Key_D, CTRL)
    assert img.path and img.path.endswith("photo.jpg")
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    w.canvas.setFocus()
    # -- the caption under it, typed, then attached (context menu)
    key(qtbot, w, Qt.Key.Key_T)
    assert w.canvas.tool.name == "text"
    cap = draw(qtbot, w, img.x + 3, img.y + img.h + 2, img.w - 6, 10)
    context_menu(qtbot, w, frame_center(w, cap.id), "新稿件样式", "图片说明")
    ime(w, commit=CAPTION)
    key(qtbot, w, Qt.Key.Key_Escape)
    context_menu(qtbot, w, frame_center(w, cap.id), "附为图片说明（随图片移动）")
    assert cap.caption_of == img.id and cap.x == img.x and cap.w == img.w

    doc = w.session.doc
    texts = {doc.find_frame(f.id)[1].story and doc.story(doc.find_frame(f.id)[1].story).text
             for f in (head, body, cap)}
    assert texts == {HEAD, PARA1 + "\n" + PARA2, CAPTION}
    assert doc.story(head.story).blocks[0].style == "headline"
    built = dumps(doc)

    # -- undo all of it, redo all of it (keyboard)
    steps = w.session.undo_stack.count()
    assert steps >= 9
    for _ in range(steps):
        key(qtbot, w, Qt.Key.Key_Z, CTRL)
    assert dumps(w.session.doc) == start
    for _ in range(steps):
        key(qtbot, w, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert dumps(w.session.doc) == built

    # -- save (Ctrl+S on a document with a path), reopen, compare
    key(qtbot, w, Qt.Key.Key_S, CTRL)
    assert not w.isWindowModified()
    assert dumps(load_document(src)) == built
    w2 = MainWindow(src, settings=settings, ask=lambda *a: True)
    w2.prompt_save = lambda: "discard"
    qtbot.addWidget(w2)
    assert dumps(w2.session.doc) == built
    w2.close()

    # -- export PDF through the dialog (Ctrl+E, tick "despite preflight" if asked, Export)
    out = tmp_path / "page.pdf"
    done = []

    def answer_export():
        dlg = getattr(w, "export_dialog", None)
        if not isinstance(dlg, QDialog) or not dlg.isVisible():
            QTimer.singleShot(50, answer_export)
            return
        dlg.path.setText("")
        qtbot.keyClicks(dlg.path, str(out))
        if dlg.force.isVisible() and dlg.force.isEnabled() and not dlg.force.isChecked():
            qtbot.mouseClick(dlg.force, Qt.MouseButton.LeftButton, pos=QPoint(4, dlg.force.height() // 2))
        qtbot.mouseClick(dlg.export_btn, Qt.MouseButton.LeftButton)
        done.append(getattr(dlg, "error", None))
        if dlg.isVisible():
            dlg.reject()
    QTimer.singleShot(50, answer_export)
    key(qtbot, w, Qt.Key.Key_E, CTRL)
    assert done, "the export dialog did not open"
    assert out.is_file(), done
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    flat = "".join(text.split())
    for para in (HEAD, PARA1, PARA2, CAPTION):
        assert para in flat, (para, text[:800])
