"""Work is not lost (issue 8): recovery for untitled pages and whenever a recovery file
exists (both times shown when the page changed since), a failing autosave shown until it
works again with a fallback location, save failures that name the real file. Dialogs are
answered as a user would: the real QMessageBox is found and its button clicked."""
from __future__ import annotations

import os
import tempfile

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from banmian.core import paths
from banmian.core.io import dumps, load_document, save_document
from banmian.core.model.document import Block, Run, Story

from conftest import build_doc  # tests/gui/conftest.py (rootdir-relative, as the other GUI tests)

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("BANMIAN_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    return tmp_path / "home"


def answer(qtbot, button, seen: list):
    """Click ``button`` on the next message box that opens; its text goes to ``seen``."""
    def poll():
        w = QApplication.activeModalWidget()
        if isinstance(w, QMessageBox):
            seen.append(w.text())
            qtbot.mouseClick(w.button(button), Qt.MouseButton.LeftButton)
        else:
            QTimer.singleShot(20, poll)
    QTimer.singleShot(0, poll)


def recovered_doc():
    doc = build_doc(4)
    doc.stories.append(Story("rescued", "救回的稿件", [Block("paragraph", "body", [Run("崩溃前写下的正文")])]))
    return doc


def write_recovery(path, doc, mtime=None):
    rec = paths.recovery_path(path)
    rec.parent.mkdir(parents=True, exist_ok=True)
    rec.write_text(dumps(doc), "utf-8")
    if mtime is not None:
        os.utime(rec, (mtime, mtime))
    return rec


def make_window(qtbot, path, settings):
    from banmian.gui.main_window import MainWindow
    w = MainWindow(path, settings=settings)
    w.prompt_save = lambda: "discard"
    qtbot.addWidget(w)
    return w


def test_an_untitled_page_is_recovered_at_start(qtbot, settings):
    write_recovery(None, recovered_doc())
    seen = []
    answer(qtbot, QMessageBox.StandardButton.Yes, seen)
    w = make_window(qtbot, None, settings)
    assert seen and "untitled" in seen[0]
    assert w.session.path is None
    assert w.session.doc.story("rescued") is not None
    assert w.isWindowModified()


def test_declining_keeps_the_default_page(qtbot, settings):
    write_recovery(None, recovered_doc())
    seen = []
    answer(qtbot, QMessageBox.StandardButton.No, seen)
    w = make_window(qtbot, None, settings)
    assert seen and w.session.doc.story("rescued") is None


def test_recovery_is_offered_when_the_page_changed_since_with_both_times(qtbot, tmp_path, settings):
    page = tmp_path / "page.json"
    save_document(build_doc(4), page)
    import time
    t_rec = time.time() - 3600
    write_recovery(page, recovered_doc(), mtime=t_rec)     # the autosave is an hour older than the page
    seen = []
    answer(qtbot, QMessageBox.StandardButton.Yes, seen)
    w = make_window(qtbot, page, settings)
    assert seen, "recovery was not offered"
    text = seen[0]
    disk = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(page.stat().st_mtime))
    rec = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(t_rec))
    assert disk in text and rec in text and "saved later" in text
    assert w.session.doc.story("rescued") is not None
    w.session.undo_stack.undo()                            # Undo gives the page on disk back
    assert w.session.doc.story("rescued") is None


def test_failing_autosave_stays_visible_uses_the_fallback_and_clears(qtbot, tmp_path, home, settings):
    page = tmp_path / "page.json"
    save_document(build_doc(4), page)
    w = make_window(qtbot, page, settings)
    w.show()
    qtbot.waitExposed(w)
    # the user data folder's recovery "folder" is a file: every write there fails (even as root)
    (home / "data").mkdir(parents=True)
    (home / "data" / "recovery").write_text("not a folder")
    w.session.push(_rename_cmd(w))
    written = w.autosave()
    from banmian.gui.main_window import fallback_recovery_path
    assert written == fallback_recovery_path(page) and written.is_file()
    label = w.findChild(type(w.zoom_label), "autosave_warning")
    assert label is not None and label.isVisible()
    assert "Autosave failed" in label.text() and str(written) in label.text()
    qtbot.wait(50)
    assert label.isVisible()                     # not a 5-second message
    # a crash now: the next start finds the fallback file
    (home / "data" / "recovery").unlink()
    seen = []
    answer(qtbot, QMessageBox.StandardButton.No, seen)
    w2 = make_window(qtbot, page, settings)
    assert seen
    w2.close()
    # autosave works again: the warning goes away
    assert w.autosave() == paths.recovery_path(page)
    assert not label.isVisible()


def _rename_cmd(w):
    from banmian.core import commands as C
    before = dumps(w.session.doc)
    doc = load_document(w.session.path)
    doc.stories[0].name = "改了名字"
    return C.ReplaceDocument(before, dumps(doc), text="rename")


def test_save_to_a_read_only_page_is_refused_and_says_so(qtbot, tmp_path, settings):
    page = tmp_path / "page.json"
    save_document(build_doc(4), page)
    os.chmod(page, 0o444)
    before = page.read_bytes()
    w = make_window(qtbot, page, settings)
    w.session.push(_rename_cmd(w))
    seen = []
    answer(qtbot, QMessageBox.StandardButton.Ok, seen)
    assert not w.save()
    assert seen and "read-only" in seen[0] and str(page) in seen[0]
    assert page.read_bytes() == before and (page.stat().st_mode & 0o777) == 0o444


def test_save_into_a_vanished_folder_names_it_and_claims_nothing(qtbot, tmp_path, settings):
    folder = tmp_path / "gone"
    folder.mkdir()
    page = folder / "page.json"
    save_document(build_doc(4), page)
    w = make_window(qtbot, page, settings)
    w.session.push(_rename_cmd(w))
    page.unlink()
    folder.rmdir()
    seen = []
    answer(qtbot, QMessageBox.StandardButton.Ok, seen)
    assert not w.save()
    assert seen and str(folder) in seen[0] and "no longer exists" in seen[0]
    assert "unchanged" not in seen[0] and ".tmp" not in seen[0]


def test_placing_an_image_from_outside_allows_its_folder(qtbot, tmp_path, settings):
    """The user agrees to link a photo from another folder: the page names that folder in
    meta.link_folders, so the link is not refused, and preflight lists it."""
    from PySide6.QtGui import QColor, QImage
    page_dir = tmp_path / "page"
    page_dir.mkdir()
    page = page_dir / "page.json"
    save_document(build_doc(4), page)
    other = tmp_path / "photos"
    other.mkdir()
    img = QImage(400, 300, QImage.Format.Format_RGB32)
    img.fill(QColor(40, 120, 200))
    assert img.save(str(other / "p.jpg"), "JPG")
    w = make_window(qtbot, page, settings)
    seen = []
    answer(qtbot, QMessageBox.StandardButton.Yes, seen)
    assert w.place_image(str(other / "p.jpg"))
    assert seen and str(other) in seen[0]
    assert w.session.doc.meta["link_folders"] == str(other)
    pl = [i for pr in w.session.result.pages for i in pr.items if type(i).__name__ == "ImagePlacement"]
    assert pl and not pl[-1].missing
    from banmian.core.preflight import preflight
    codes = {f.code for f in preflight(w.session.doc, w.session.result, base_dir=page_dir)}
    assert "image_link_folder" in codes and "image_outside" not in codes
