"""A page made only through real input events (issue 14, "Must hold"): from an editor
window, Ctrl+N and the New from template dialog answered by clicks (四开); on the blank
page draw text frames and an image frame with the mouse, write a headline and two Chinese
paragraphs in place through the input method's commit path, import a .docx article
(Ctrl+Shift+I, the file dialog answered by typing its name, the import dialog's OK) and
place it into a frame from the Articles panel by clicks, draw a second frame and link the
article into it through the first frame's out-port, place a photo with Ctrl+D, type a
caption and attach it to the photo, undo everything and redo it, Save As (Ctrl+Shift+S,
the name typed), reopen, export the PDF (Ctrl+E, the export dialog's button) and find every
typed paragraph and the article's text in the PDF."""
import shutil
import subprocess

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QFileDialog

from helpers import artifacts_dir, drag, frame_center, type_file_name, when_modal
from test_new_from_template import _pick
from test_typing import context_menu, ime

pytestmark = pytest.mark.gui

HEAD = "书院精神的当代回响"
PARA1 = "朱熹在白鹿洞书院讲学，提出为学次第。"
PARA2 = "与会学者认为，传统书院精神对于当代教育仍有借鉴意义。"
CAPTION = "图为论坛现场。"
DOCX_HEAD = "古城书院修缮完工"
DOCX_PARAS = [
    "经过两年的修缮，城南的古城书院日前重新向市民开放，讲堂、藏书楼和碑廊恢复了旧日的格局。",
    "修缮工程遵循修旧如旧的原则，木构件大多保留原物，缺损的部分按照老照片和测绘图纸补配。",
    "书院开放后将定期举办读书会和讲座，周末还为中小学生开设传统文化体验课程，欢迎市民参加。",
    "管理处负责人表示，书院的藏书正在整理编目，明年起读者可以预约进入藏书楼阅览古籍影印本。",
]
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


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


def focus_canvas(qtbot, w):
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    w.canvas.setFocus()


def click(qtbot, widget, pos):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)


def make_docx(path):
    import docx
    d = docx.Document()
    d.add_heading(DOCX_HEAD, level=1)
    for p in DOCX_PARAS:
        d.add_paragraph(p)
    d.save(str(path))
    return path


def flat(text):
    return "".join(text.split())


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_build_a_page_by_typing(qtbot, tmp_path, settings, photo):
    from banmian.core.io import dumps, load_document
    from banmian.gui import main_window as MW
    from banmian.gui.template_dialog import NewFromTemplateDialog

    # -- an editor window; Ctrl+N, the template dialog answered by clicks: 四开
    first = MW.MainWindow(None, settings=settings, ask=lambda *a: True)
    first.prompt_save = lambda: "discard"
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    focus_canvas(qtbot, first)
    n = len(MW.WINDOWS)
    seen = {}
    picked = when_modal(qtbot, lambda d: _pick(qtbot, d, "四开", seen), NewFromTemplateDialog)
    key(qtbot, first, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: len(MW.WINDOWS) == n + 1, timeout=10000)
    assert picked
    w = MW.WINDOWS[-1]
    w.prompt_save = lambda: "discard"
    qtbot.addWidget(w)
    qtbot.waitExposed(w)
    assert w.session.path is None
    focus_canvas(qtbot, w)
    w.canvas.fit_page()
    qtbot.wait(200)
    start = dumps(w.session.doc)
    page = w.session.doc.pages[0]
    assert not page.frames                                       # a blank page (its master: the 报眉)
    stories_start = {s.id for s in w.session.doc.stories}
    L, T = page.margins.left, page.margins.top
    width = page.width - L - page.margins.right
    half = width / 2 - 2

    # -- the headline: Type tool, draw a frame, pick 主题, type (a preedit first, then the commit)
    key(qtbot, w, Qt.Key.Key_T)
    head = draw(qtbot, w, L, T + 10, width, 25)
    context_menu(qtbot, w, frame_center(w, head.id), "新稿件样式", "主题")
    ime(w, preedit="shuyuan")
    assert {s.id for s in w.session.doc.stories} == stories_start   # a preedit is not text yet
    ime(w, commit=HEAD)
    # -- the body: two paragraphs
    body = draw(qtbot, w, L, T + 40, half, 110)
    context_menu(qtbot, w, frame_center(w, body.id), "新稿件样式", "正文")
    ime(w, commit=PARA1)
    key(qtbot, w, Qt.Key.Key_Return)
    ime(w, commit=PARA2)
    # -- the article's frame (left, short: the article will not fit in it)
    art = draw(qtbot, w, L, T + 160, half, 30)
    key(qtbot, w, Qt.Key.Key_Escape)
    assert w.canvas.tool.name == "select"

    # -- import the .docx: Ctrl+Shift+I, the file's name typed, OK in the import dialog
    src = make_docx(tmp_path / "shuyuan.docx")
    stories0 = {s.id for s in w.session.doc.stories}
    asked = when_modal(qtbot, lambda d: type_file_name(qtbot, d, src), QFileDialog)
    focus_canvas(qtbot, w)
    key(qtbot, w, Qt.Key.Key_I, CTRL | SHIFT)
    qtbot.waitUntil(lambda: bool(asked), timeout=5000)
    qtbot.waitUntil(lambda: getattr(w, "import_dialog", None) is not None and w.import_dialog.isVisible(),
                    timeout=5000)
    dlg = w.import_dialog
    click(qtbot, dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok), QPoint(5, 5))
    qtbot.waitUntil(lambda: len(w.session.doc.stories) == len(stories0) + 1, timeout=5000)
    article = next(s for s in w.session.doc.stories if s.id not in stories0)
    assert DOCX_HEAD in article.text and all(p in article.text for p in DOCX_PARAS)
    # … into the frame: click the frame, click the story in the Articles panel, Place
    focus_canvas(qtbot, w)
    click(qtbot, w.canvas.viewport(), frame_center(w, art.id))
    assert w.session.selection == [art.id]
    panel = w.articles_panel
    qtbot.waitUntil(lambda: panel._item(article.id) is not None, timeout=3000)
    tree = panel.tree
    click(qtbot, tree.viewport(), tree.visualItemRect(panel._item(article.id)).center())
    assert w.session.selection == [art.id] and panel.place_btn.isEnabled()
    click(qtbot, panel.place_btn, QPoint(5, 5))
    assert art.story == article.id
    assert art.id in w.session.overset_frames()              # too long for its frame

    # -- link: draw the continuation, then the first frame's out-port and the new frame
    focus_canvas(qtbot, w)
    key(qtbot, w, Qt.Key.Key_T)
    cont = draw(qtbot, w, L + width / 2 + 2, T + 140, half, 60)
    key(qtbot, w, Qt.Key.Key_Escape)
    click(qtbot, w.canvas.viewport(), frame_center(w, art.id))
    r = w.canvas.frame_view_rect(page.id, art)
    click(qtbot, w.canvas.viewport(), QPoint(round(r.right() - 8), round(r.bottom() - 8)))   # the out-port
    assert w.canvas.tool.name == "link"
    click(qtbot, w.canvas.viewport(), frame_center(w, cont.id))
    assert art.next == cont.id
    assert not w.session.overset_chars(article.id), "the article runs on into the linked frame"
    runs = [g for p in w.session.result.pages for g in p.glyph_runs() if g.story == article.id]
    assert {g.frame for g in runs} == {art.id, cont.id}
    w.set_tool("select")

    # -- the photo: Image frame tool (F), then Ctrl+D and the file dialog (the name typed)
    focus_canvas(qtbot, w)
    key(qtbot, w, Qt.Key.Key_F)
    img = draw(qtbot, w, L + width / 2 + 2, T + 40, half, 60)
    assert w.session.selection == [img.id]          # the new frame is selected
    when_modal(qtbot, lambda d: type_file_name(qtbot, d, photo), QFileDialog)
    key(qtbot, w, Qt.Key.Key_D, CTRL)
    qtbot.waitUntil(lambda: bool(img.path), timeout=5000)
    assert img.path.endswith("photo.jpg")
    focus_canvas(qtbot, w)
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
    texts = {doc.story(doc.find_frame(f.id)[1].story).text for f in (head, body, cap)}
    assert texts == {HEAD, PARA1 + "\n" + PARA2, CAPTION}
    assert doc.story(head.story).blocks[0].style == "headline"
    built = dumps(doc)
    w.grab().save(str(artifacts_dir() / "typed-page.png"))

    # -- undo all of it, redo all of it (keyboard)
    focus_canvas(qtbot, w)
    steps = w.session.undo_stack.count()
    assert steps >= 14
    for _ in range(steps):
        key(qtbot, w, Qt.Key.Key_Z, CTRL)
    assert dumps(w.session.doc) == start
    for _ in range(steps):
        key(qtbot, w, Qt.Key.Key_Z, CTRL | SHIFT)
    assert dumps(w.session.doc) == built

    # -- Save As (Ctrl+Shift+S, the name typed), reopen, compare
    out_json = tmp_path / "page.json"
    saved = when_modal(qtbot, lambda d: type_file_name(qtbot, d, out_json), QFileDialog)
    key(qtbot, w, Qt.Key.Key_S, CTRL | SHIFT)
    qtbot.waitUntil(lambda: out_json.is_file() and not w.isWindowModified(), timeout=5000)
    assert saved and w.session.path == out_json
    assert dumps(load_document(out_json)) == built
    w2 = MW.MainWindow(out_json, settings=settings, ask=lambda *a: True)
    w2.prompt_save = lambda: "discard"
    qtbot.addWidget(w2)
    assert dumps(w2.session.doc) == built
    w2.close()

    # -- export PDF through the dialog (Ctrl+E, tick "despite preflight" if asked, Export)
    focus_canvas(qtbot, w)
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
    text = flat(subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True,
                               check=True).stdout)
    for para in (HEAD, PARA1, PARA2, CAPTION):
        assert flat(para) in text, (para, text[:800])
    # the article: each frame's share of it (a paragraph runs on from the first frame into
    # the linked one, and the PDF has the two frames' text apart), all of it
    article = w.session.doc.story(article.id)
    pieces = [p for pr in w.session.result.pages for fl in pr.frames if fl.story == article.id
              for p in article.text[fl.first_char:fl.end_char].split("\n") if p]
    assert "".join(pieces) == article.text.replace("\n", "")
    assert DOCX_HEAD in pieces and len(pieces) > len(DOCX_PARAS) + 1
    for piece in pieces:
        assert flat(piece) in text, (piece, text[:800])
