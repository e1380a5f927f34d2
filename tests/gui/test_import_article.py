"""File → Import article through the dialog: roles confirmed, story added, placed, flowed."""
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from banmian.core.model.document import TextFrame
from banmian.core.typeset.result import GlyphRun

pytestmark = pytest.mark.gui

from helpers import artifacts_dir  # noqa: E402  (tests/gui/helpers.py)

ARTIFACTS = artifacts_dir()   # outside the repository

ARTICLE = """【主席之声】
做新时代的奋斗者
扬州市总工会党组成员、副主席 贾萍
劳动创造幸福,奋斗成就梦想。广大职工是推动发展的主力军,也是城市活力的源泉。
我们要在岗位上建功立业,在创新中追求卓越,在服务中奉献力量。
弘扬劳模精神
劳模是职工的榜样,工匠是企业的脊梁。我们要让劳动者更体面,让奋斗者更有获得感。
各级工会要主动作为,为职工办实事、解难题,把党的温暖送到职工心坎上。
小编说:奋斗的人生最美丽,愿每一位职工都能在平凡岗位上绽放光彩。
"""


@pytest.fixture
def article(tmp_path):
    p = tmp_path / "zhuxi.txt"
    p.write_bytes(ARTICLE.encode("utf-8"))
    return p


def _open(window, path):
    dlg = window.import_article(str(path))
    assert dlg is not None and dlg.isVisible()
    return dlg


def _story_ids(window):
    return [s.id for s in window.session.doc.stories]


def test_dialog_shows_roles_report_and_adds_story(qtbot, window, article):
    before = _story_ids(window)
    dlg = _open(window, article)
    assert dlg.encoding_label.text() == "utf-8"
    assert dlg.roles() == ["kicker", "headline", "byline", "lead", "paragraph", "subhead",
                           "paragraph", "paragraph", "note"]
    assert dlg.table.rowCount() == 9
    assert dlg.table.item(3, 1).text().startswith("劳动创造幸福，")
    assert dlg.table.item(3, 1).text().endswith("…")
    assert len(dlg.table.item(3, 1).text()) == 31          # 30 characters and the ellipsis
    # every change is listed: position, before → after, rule
    assert dlg.report.rowCount() == len(dlg.result.changes) > 0
    assert any(dlg.report.item(i, 1).text() == "「,」U+002C  →  「，」U+FF0C"
               for i in range(dlg.report.rowCount()))
    assert dlg.report.item(0, 0).text() in ("line 3, col 15", "第 3 行第 15 列")
    ARTIFACTS.mkdir(exist_ok=True)
    dlg.grab().save(str(ARTIFACTS / "import_dialog.png"))

    # the editor changes one role: the second body paragraph becomes the lead's continuation (lead)
    dlg.set_role(4, "lead")
    dlg.accept()
    ids = _story_ids(window)
    assert len(ids) == len(before) + 1
    story = window.session.doc.stories[-1]
    assert dlg.added_story == story.id
    assert [b.role for b in story.blocks] == ["kicker", "headline", "byline", "lead", "lead", "subhead",
                                              "paragraph", "paragraph", "note"]
    doc = window.session.doc
    for b in story.blocks:
        assert doc.paragraph_style(b.style) is not None, b.style
    styles = [b.style for b in story.blocks]
    assert styles[0] == "kicker" and styles[1] == "headline" and styles[2] == "byline"
    assert styles[3] == styles[4] == "lead" and styles[5] == "subhead" and styles[6] == "body"
    assert styles[8] == "note"
    assert story.blocks[3].text == "劳动创造幸福，奋斗成就梦想。广大职工是推动发展的主力军，也是城市活力的源泉。"
    assert "," not in story.text and story.blocks[8].text.startswith("小编说：")
    assert story.blocks[2].text == "扬州市总工会党组成员、副主席 贾萍"
    # shown in the Articles panel as unplaced copy
    qtbot.waitUntil(lambda: window.articles_panel.row_text(story.id) != [])
    assert window.articles_panel.row_text(story.id)[2] in ("unplaced", "未上版")
    assert window.articles_panel.current_story() == story.id

    # one undo step removes it
    window.session.undo_stack.undo()
    assert _story_ids(window) == before
    window.session.undo_stack.redo()
    assert _story_ids(window) == ids


def test_cancel_adds_nothing(qtbot, window, article):
    before = _story_ids(window)
    depth = window.session.undo_stack.count()
    dlg = _open(window, article)
    dlg.set_role(0, "headline")
    dlg.reject()
    assert _story_ids(window) == before
    assert window.session.undo_stack.count() == depth
    assert not window.session.is_modified()


def test_normalise_box_reimports(qtbot, window, article):
    dlg = _open(window, article)
    assert dlg.normalize.isChecked()
    dlg.set_role(5, "paragraph")          # an edit survives the re-import (same blocks)
    dlg.normalize.setChecked(False)
    assert dlg.result.changes == []
    assert dlg.report.rowCount() == 0
    assert dlg.table.item(3, 1).text().startswith("劳动创造幸福,")
    assert dlg.roles()[5] == "paragraph"
    dlg.accept()
    story = window.session.doc.stories[-1]
    assert "," in story.blocks[3].text
    dlg2 = _open(window, article)
    dlg2.normalize.setChecked(False)
    dlg2.normalize.setChecked(True)
    assert dlg2.result.changes and "，" in dlg2.table.item(3, 1).text()
    dlg2.reject()


def test_gb18030_file(qtbot, window, tmp_path):
    p = tmp_path / "gbk.txt"
    p.write_bytes(ARTICLE.replace("贾萍", "贾萍").encode("gb18030"))
    dlg = _open(window, p)
    assert dlg.encoding_label.text() == "gb18030"
    assert dlg.roles()[0] == "kicker" and dlg.roles()[2] == "byline"
    dlg.accept()
    story = window.session.doc.stories[-1]
    assert story.blocks[0].text == "【主席之声】"
    assert story.blocks[1].text == "做新时代的奋斗者"


def test_unreadable_file_gives_a_message(qtbot, window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    before = _story_ids(window)
    p = tmp_path / "bad.txt"
    p.write_bytes(b"\x81\x00\xff\xfe\x00\x81\x30" * 7 + b"\x00\x01\x02")
    assert window.import_article(str(p)) is None
    assert window.import_article(str(tmp_path / "missing.txt")) is None
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    assert window.import_article(str(bad)) is None
    assert window.import_article(str(tmp_path / "x.pdf")) is None
    assert len(shown) == 4
    assert "bad.txt" in shown[0] and "Traceback" not in shown[0]
    assert "missing.txt" in shown[1]
    assert "bad.docx" in shown[2]
    assert ".pdf" in shown[3]
    assert _story_ids(window) == before


def _runs_of(result, story_id):
    return [it for pr in result.pages for it in pr.items
            if isinstance(it, GlyphRun) and getattr(it, "story", None) == story_id]


def test_place_imported_story_into_empty_frame(qtbot, window, article):
    s = window.session
    dlg = _open(window, article)
    dlg.accept()
    sid = dlg.added_story
    panel = window.articles_panel
    qtbot.waitUntil(lambda: panel.row_text(sid) != [])
    assert not _runs_of(s.result, sid)
    # nothing selected: the button is off
    s.set_selection([])
    panel.select_story(sid)
    assert not panel.place_btn.isEnabled()
    # a frame that already holds a story is not a target
    s.set_selection(["t-short"])
    assert not panel.place_btn.isEnabled()
    # the empty frame is
    s.set_selection(["t-empty"])
    # clicking the unplaced story keeps the frame selected
    panel._clicked(panel._item(sid), 0)
    assert s.selection == ["t-empty"]
    assert panel.place_btn.isEnabled()
    depth = s.undo_stack.count()
    panel.place_btn.click()
    assert s.undo_stack.count() == depth + 1
    _, f = s.doc.find_frame("t-empty")
    assert isinstance(f, TextFrame) and f.story == sid
    assert _runs_of(s.result, sid), "the story flows into the frame"
    qtbot.waitUntil(lambda: panel.row_text(sid) and panel.row_text(sid)[2] not in ("unplaced", "未上版"))
    # undo: the frame is empty again, the story unplaced
    s.undo_stack.undo()
    assert s.doc.find_frame("t-empty")[1].story is None
    assert not _runs_of(s.result, sid)


def test_dialog_speaks_chinese(qtbot, window, article):
    from PySide6.QtCore import QCoreApplication, QTranslator
    from banmian.gui.app import I18N_DIR
    tr = QTranslator()
    assert tr.load(str(I18N_DIR / "banmian_zh_CN.qm"))
    QCoreApplication.installTranslator(tr)
    try:
        dlg = _open(window, article)
        assert [dlg.combos[0].itemText(i) for i in range(dlg.combos[0].count())] == [
            "引题", "主题", "副题", "作者", "导语", "正文", "小标题", "小编说", "列表", "图片说明",
            "摄影署名", "标题"]
        assert dlg.normalize.text() == "规范标点"
        assert dlg.report.item(1, 0).text() == "第 4 行第 7 列"
        ARTIFACTS.mkdir(exist_ok=True)
        dlg.grab().save(str(ARTIFACTS / "import_dialog_zh.png"))
        dlg.reject()
        from banmian.gui.panels import ArticlesPanel
        panel = ArticlesPanel(window.session)
        qtbot.addWidget(panel)
        assert panel.place_btn.text() == "放入所选文本框"
    finally:
        QCoreApplication.removeTranslator(tr)


def test_add_story_brings_missing_styles_and_undo_takes_them(qtbot, tmp_path, settings, article):
    """A layout without the template's styles gets defaults with the story, in the same undo step."""
    from banmian.core.io import save_document
    from banmian.gui.main_window import MainWindow, blank_document
    p = tmp_path / "blank.json"
    save_document(blank_document(), p)
    w = MainWindow(p, settings=settings, ask=lambda *a: True)
    w.prompt_save = lambda: "discard"
    qtbot.addWidget(w)
    doc = w.session.doc
    names = [s.name for s in doc.paragraph_styles]
    dlg = w.import_article(str(article))
    dlg.accept()
    story = w.session.doc.stories[-1]
    styles = {b.role: b.style for b in story.blocks}
    assert styles["paragraph"] == "paragraph" and styles["headline"] == "headline"
    assert styles["kicker"] == "kicker" and styles["note"] == "note"
    for b in story.blocks:
        assert w.session.doc.paragraph_style(b.style) is not None
    assert w.session.doc.paragraph_style("kicker").font == "hei"
    assert w.session.undo_stack.count() == 1
    w.session.undo_stack.undo()
    assert [s.name for s in w.session.doc.paragraph_styles] == names
    assert not w.session.doc.stories


def test_drag_story_from_panel_onto_empty_frame(qtbot, window, article):
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
    from PySide6.QtWidgets import QApplication
    from banmian.gui.panels import STORY_MIME
    s = window.session
    dlg = _open(window, article)
    dlg.accept()
    sid = dlg.added_story
    panel = window.articles_panel
    qtbot.waitUntil(lambda: panel._item(sid) is not None)
    md = panel.tree.mimeData([panel._item(sid)])
    assert bytes(md.data(STORY_MIME)).decode() == sid
    canvas = window.canvas
    vp = canvas.viewport()

    def centre(fid):
        page, f = s.doc.find_frame(fid)
        return canvas.frame_view_rect(page.id, f).center()

    def send(kind, at):
        ev = kind(QPoint(int(at.x()), int(at.y())), Qt.DropAction.CopyAction | Qt.DropAction.MoveAction, md,
                  Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier) if kind is not QDropEvent else \
            QDropEvent(QPointF(at), Qt.DropAction.CopyAction | Qt.DropAction.MoveAction, md,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(vp, ev)
        return ev.isAccepted()

    depth = s.undo_stack.count()
    # a frame that holds a story already refuses the drop
    assert send(QDragEnterEvent, centre("t-short"))
    assert not send(QDragMoveEvent, centre("t-short"))
    send(QDropEvent, centre("t-short"))
    assert s.undo_stack.count() == depth
    # a new drag onto the empty frame places the story
    assert send(QDragEnterEvent, centre("t-body1"))
    assert send(QDragMoveEvent, centre("t-empty"))
    send(QDropEvent, centre("t-empty"))
    assert s.undo_stack.count() == depth + 1
    assert s.doc.find_frame("t-empty")[1].story == sid
    assert s.selection == ["t-empty"]
    assert _runs_of(s.result, sid)
    s.undo_stack.undo()
    assert s.doc.find_frame("t-empty")[1].story is None


def test_menu_action_asks_for_the_file(qtbot, window, article, monkeypatch):
    """File → Import article… opens the file chooser (triggered's bool is not taken for a path)."""
    from PySide6.QtWidgets import QFileDialog
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(article), ""))
    window.actions_by_key["import"].trigger()
    assert not warned
    dlg = window.import_dialog
    assert dlg.isVisible() and dlg.roles()[0] == "kicker"
    dlg.reject()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    window.actions_by_key["place"].trigger()
    assert not warned


def test_markdown_with_image(qtbot, window, tmp_path, photo):
    md = tmp_path / "story.md"
    md.write_text("【主席之声】\n\n# 做新时代的奋斗者\n\n扬州市总工会党组成员、副主席 贾萍\n\n"
                  "劳动创造幸福,奋斗成就梦想。\n\n![职工在车间里工作。赵利霞 摄](photo.jpg)\n", "utf-8")
    dlg = _open(window, md)
    assert dlg.roles()[:3] == ["kicker", "headline", "byline"]
    assert "photo.jpg" in dlg.images_label.text()
    assert not dlg.images_label.isHidden()
    dlg.accept()
    story = window.session.doc.stories[-1]
    assert "credit" in [b.role for b in story.blocks]
