"""Under zh_CN the editor is Chinese (issue 14 item 15, issue 8's messages): every menu,
action, dock and tab title, status label, and every dialog — New from template, Open and the
other file dialogs, import (with its warnings and its refusals), Export PDF (with its
Browse… dialog), Preflight, recovery (both times), the autosave warning, the link-folder
question, the save errors (read-only target, vanished folder), the error dialog and the
start-up failure — shows no English-only string. Dialogs are opened with their shortcuts
and answered as a user would; what they show is walked by tests/gui/i18n_walk.py."""
from __future__ import annotations

import json
import os
import shutil
import time

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from banmian.core import paths
from banmian.core.io import dumps, save_document

from conftest import build_doc
from helpers import type_file_name, when_modal
from i18n_walk import english, english_only, texts

pytestmark = pytest.mark.gui


@pytest.fixture
def zh():
    """Our translation and Qt's own (the buttons of message and file dialogs), as the app installs them."""
    from banmian.gui.app import I18N_DIR
    ours, qt = QTranslator(), QTranslator()
    assert ours.load(str(I18N_DIR / "banmian_zh_CN.qm"))
    assert qt.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    QCoreApplication.installTranslator(ours)
    QCoreApplication.installTranslator(qt)
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))     # as install_translator
    yield
    QLocale.setDefault(before)
    QCoreApplication.removeTranslator(ours)
    QCoreApplication.removeTranslator(qt)


def test_the_walker_finds_english():
    assert english_only("Save failed") and english_only("“/tmp/a.json” is read-only; it was not overwritten")
    assert not english_only("输出 PDF…") and not english_only("PDF/X-4") and not english_only("Ctrl+Shift+S")
    assert not english_only("X 12.0  Y 3.5 mm") and not english_only("100%") and not english_only("")


def sample_copy(tmp_path):
    src = paths.sample_layout()
    dst = tmp_path / "sample"
    shutil.copytree(src.parent, dst)
    return dst / src.name


def window(qtbot, path, settings, ask=None):
    from banmian.gui.main_window import MainWindow
    w = MainWindow(path, settings=settings, **({"ask": ask} if ask else {}))
    w.prompt_save = lambda: "discard"
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def key(qtbot, w, k, mods=Qt.KeyboardModifier.NoModifier):
    w.activateWindow()
    w.canvas.setFocus()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=3000)
    qtbot.keyClick(w.canvas, k, mods)


CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def collect_and(seen: list, then, **kw):
    """A when_modal action: record the dialog's English strings, then ``then(dialog)``."""
    def act(d):
        seen.append([(type(d).__name__ + ": " + where, t) for where, t in english(d, **kw)])
        then(d)
    return act


def test_main_window_menus_docks_tabs_and_preflight(qtbot, tmp_path, settings, zh):
    w = window(qtbot, sample_copy(tmp_path), settings, ask=lambda *a: True)
    qtbot.waitUntil(lambda: w.preflight_panel.list.count() > 0, timeout=5000)
    bad = english(w, contents=False)
    for m in w.menuBar().findChildren(type(w.menuBar().actions()[0].menu())):
        bad += [(where, t) for where, t in texts(m) if english_only(t)]
    assert not bad, "\n".join(f"{a}: {b!r}" for a, b in bad)
    titles = {k: d.windowTitle() for k, d in w.docks.items()}
    assert titles["preflight"] == "印前检查" and titles["story"] == "稿件编辑器", titles
    # the preflight names the sample's page by its folio (its number field is 3), not "第 1 版"
    items = [w.preflight_panel.list.item(i).text() for i in range(w.preflight_panel.list.count())]
    assert any("第 3 版" in t for t in items) and not any("第 1 版" in t for t in items), items
    assert w.preflight_panel.summary.text().startswith(("0 个错误", "1 个错误")) or "个错误" in \
        w.preflight_panel.summary.text()


def test_new_from_template_open_and_export_dialogs(qtbot, tmp_path, settings, zh):
    w = window(qtbot, sample_copy(tmp_path), settings, ask=lambda *a: True)
    seen = []
    when_modal(qtbot, collect_and(seen, lambda d: d.reject()))
    key(qtbot, w, Qt.Key.Key_N, CTRL)                                   # New from template
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=10000)
    def listed(fd):                   # the folder's listing arrives from a thread: wait for it
        from PySide6.QtWidgets import QTreeView
        tree = fd.findChild(QTreeView, "treeView")
        qtbot.waitUntil(lambda: tree.model().rowCount(tree.rootIndex()) >= 2, timeout=5000)
        collect_and(seen, lambda d: d.reject())(fd)
    when_modal(qtbot, listed, QFileDialog)
    key(qtbot, w, Qt.Key.Key_O, CTRL)                                   # Open… (the sample's folder)
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=10000)

    from banmian.gui.dialogs import ExportPdfDialog

    def on_export(d):
        seen.append([("ExportPdfDialog: " + a, b) for a, b in english(d, contents=True)])
        when_modal(qtbot, collect_and(seen, lambda fd: fd.reject()), QFileDialog)
        browse = [b for b in d.findChildren(type(d.export_btn)) if b.text() == "浏览…"]
        assert browse, [b.text() for b in d.findChildren(type(d.export_btn))]
        qtbot.mouseClick(browse[0], Qt.MouseButton.LeftButton)
        d.reject()
    when_modal(qtbot, on_export, ExportPdfDialog)
    key(qtbot, w, Qt.Key.Key_E, CTRL)                                   # Export PDF…
    qtbot.waitUntil(lambda: len(seen) == 4, timeout=10000)
    when_modal(qtbot, collect_and(seen, lambda d: d.reject(), contents=True))
    key(qtbot, w, Qt.Key.Key_F1)                                        # Keyboard shortcuts
    qtbot.waitUntil(lambda: len(seen) == 5, timeout=10000)
    bad = [x for s in seen for x in s]
    assert not bad, "\n".join(f"{a}: {b!r}" for a, b in bad)


def test_import_dialog_its_warnings_and_its_refusals(qtbot, tmp_path, settings, zh):
    w = window(qtbot, sample_copy(tmp_path), settings, ask=lambda *a: True)
    big5 = tmp_path / "big5.txt"
    big5.write_bytes("本報訊（記者 李明）昨天，市交通委員會公佈了新一輪公交線網優化方案。方案共調整線路四十二條"
                     .encode("big5"))
    seen = []
    when_modal(qtbot, lambda fd: type_file_name(qtbot, fd, big5), QFileDialog)
    key(qtbot, w, Qt.Key.Key_I, CTRL | SHIFT)                           # Import article…
    qtbot.waitUntil(lambda: getattr(w, "import_dialog", None) is not None and w.import_dialog.isVisible(),
                    timeout=10000)
    dlg = w.import_dialog
    seen += [("ImportArticleDialog: " + a, b) for a, b in english(dlg, contents=True)]
    warnings = [dlg.warnings.item(i).text() for i in range(dlg.warnings.count())]
    assert warnings and any("Big5" in t for t in warnings), warnings
    dlg.reject()
    # refusals: a 3-million-paragraph article and a file that is not a regular file
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    sj = tmp_path / "sjis.txt"
    sj.write_bytes("東京都は昨日、新しい交通計画を発表しました。市民の皆様にお知らせします。".encode("shift_jis"))
    flood = tmp_path / "flood.txt"
    flood.write_bytes(b"x\n\n" * 60_000)
    for bad_file in (fifo, sj, flood):
        texts_seen = []
        when_modal(qtbot, lambda fd, f=bad_file: type_file_name(qtbot, fd, f), QFileDialog)

        def box(b):
            texts_seen.append(b.text())
            b.button(QMessageBox.StandardButton.Ok).click()
        when_modal(qtbot, box, QMessageBox)
        key(qtbot, w, Qt.Key.Key_I, CTRL | SHIFT)
        qtbot.waitUntil(lambda: bool(texts_seen), timeout=10000)
        seen += [(f"import refusal {bad_file.name}", t) for t in texts_seen if english_only(t)]
        assert str(bad_file) in texts_seen[0]
    assert not seen, "\n".join(f"{a}: {b!r}" for a, b in seen)


def _rename(w):
    from banmian.core import commands as C
    from banmian.core.io import load_document
    doc = load_document(w.session.path)
    doc.stories[0].name = "改了名字"
    assert w.session.push(C.ReplaceDocument(dumps(w.session.doc), dumps(doc), text="rename"))


def test_recovery_autosave_warning_link_folder_and_save_errors(qtbot, tmp_path, settings, zh, user_home):
    (tmp_path / "pg").mkdir()
    page = tmp_path / "pg" / "page.json"
    save_document(build_doc(4), page)
    rec = paths.recovery_path(page)
    rec.parent.mkdir(parents=True, exist_ok=True)
    rec.write_text(dumps(build_doc(5)), "utf-8")
    t = time.time() - 3600
    os.utime(rec, (t, t))                      # the page on disk is newer: both times are shown
    seen = []

    def answer(button):
        def act(b):
            seen.append(("QMessageBox: " + b.text(), b))
            bad.extend((f"QMessageBox({b.windowTitle()})", s) for _, s in texts(b) if english_only(s))
            b.button(button).click()
        return act
    bad = []
    when_modal(qtbot, answer(QMessageBox.StandardButton.No), QMessageBox)
    w = window(qtbot, page, settings)         # the real question box
    assert seen and time.strftime("%Y-%m-%d %H:%M", time.localtime(t)) in seen[0][0]
    # the autosave warning (the recovery folder cannot be written)
    rec.unlink()
    rec.parent.rmdir()
    rec.parent.write_text("not a folder")
    _rename(w)
    w.autosave()
    label = w.autosave_warning
    assert label.isVisible()
    if english_only(label.text()):
        bad.append(("autosave warning", label.text()))
    rec.parent.unlink()
    # the link-folder question
    from PySide6.QtGui import QColor, QImage
    other = tmp_path / "photos"
    other.mkdir()
    img = QImage(40, 30, QImage.Format.Format_RGB32)
    img.fill(QColor(40, 120, 200))
    assert img.save(str(other / "p.jpg"), "JPG")
    n = len(seen)
    when_modal(qtbot, answer(QMessageBox.StandardButton.No), QMessageBox)
    w.ask = w._ask                              # the window's own question box
    w.place_image(str(other / "p.jpg"))
    assert len(seen) == n + 1 and str(other) in seen[-1][0]
    # saving over a read-only page, and into a folder that is gone
    os.chmod(page, 0o444)
    when_modal(qtbot, answer(QMessageBox.StandardButton.Ok), QMessageBox)
    key(qtbot, w, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: len(seen) == n + 2, timeout=5000)
    assert str(page) in seen[-1][0]
    os.chmod(page, 0o644)
    gone = tmp_path / "gone"
    gone.mkdir()
    save_document(build_doc(4), gone / "p.json")
    w2 = window(qtbot, gone / "p.json", settings, ask=lambda *a: False)
    _rename(w2)
    (gone / "p.json").unlink()
    gone.rmdir()
    when_modal(qtbot, answer(QMessageBox.StandardButton.Ok), QMessageBox)
    key(qtbot, w2, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: len(seen) == n + 3, timeout=5000)
    assert str(gone) in seen[-1][0]
    assert not bad, "\n".join(f"{a}: {b!r}" for a, b in bad)


def test_the_error_dialog_and_the_start_up_failure(qtbot, tmp_path, zh, monkeypatch):
    from banmian.gui import errors
    try:
        raise KeyError("frame")
    except KeyError:
        import sys
        errors.report(*sys.exc_info(), what="Export PDF")
    box = errors.last_dialog
    bad = [("error dialog", s) for _, s in texts(box) if english_only(s)]
    box.close()
    errors.reports.clear()
    errors.last_dialog = None
    # the editor started on a layout it cannot open
    import banmian.gui.app as app_mod
    monkeypatch.setattr(errors, "install", lambda: None)
    monkeypatch.setattr(app_mod, "install_translator", lambda app, settings: "zh_CN")
    d = json.loads(paths.sample_layout().read_text("utf-8"))
    d["pages"][0]["master"] = "B"
    p = tmp_path / "bad.json"
    p.write_text(json.dumps(d), "utf-8")

    def act(b):
        bad.extend(("start-up failure", s) for _, s in texts(b) if english_only(s))
        b.button(QMessageBox.StandardButton.Ok).click()
    found = when_modal(qtbot, act, QMessageBox)
    assert app_mod.run(str(p)) == 3 and found
    assert not bad, "\n".join(f"{a}: {b!r}" for a, b in bad)


def test_the_app_sets_chinese_translators_and_locale(qtbot, settings):
    """What the fixture above mirrors: banmian's and Qt's translations, and the Chinese locale
    (the file dialogs' Type column, "JSON 文档")."""
    from PySide6.QtCore import QMimeDatabase
    from banmian.gui.app import install_translator
    app = QApplication.instance()
    before = QLocale()
    settings.setValue("language", "zh_CN")
    try:
        assert install_translator(app, settings) == "zh_CN"
        assert QCoreApplication.translate("MainWindow", "Preflight") == "印前检查"
        assert QCoreApplication.translate("QFileDialog", "File &name:") == "文件名称(&N)："
        assert QLocale().language() == QLocale.Language.Chinese
        assert not english_only(QMimeDatabase().mimeTypeForFile("page.json").comment())
    finally:
        for t in app.findChildren(QTranslator):
            QCoreApplication.removeTranslator(t)
            t.deleteLater()
        QLocale.setDefault(before)
