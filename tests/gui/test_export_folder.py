"""Issue 14 item 14: Export PDF proposes the layout's own folder when it can be written,
else the user's Documents folder (QStandardPaths) — a page in a read-only folder or the
bundled sample never proposes a PDF beside itself. The dialog is opened with Ctrl+E and
answered as a user would (its Browse… file dialog starts in the proposed folder; Export
writes the PDF there)."""
import os
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from banmian.core import paths
from banmian.core.io import save_document

from conftest import build_doc
from helpers import when_modal

pytestmark = pytest.mark.gui


@pytest.fixture
def documents(tmp_path, monkeypatch):
    """The user's Documents folder, inside tmp (QStandardPaths reads HOME / XDG_CONFIG_HOME)."""
    home = tmp_path / "user"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    (home / "Documents").mkdir(parents=True)
    from banmian.gui import files
    assert files.documents_dir() == home / "Documents"
    return home / "Documents"


def fitting_doc():
    doc = build_doc(paragraphs=3)
    doc.pages[0].frames = [f for f in doc.pages[0].frames if f.id not in ("t-empty", "i-photo")]
    return doc


@pytest.fixture
def read_only_folder(tmp_path):
    """A folder the editor cannot write into, holding page.json: 0555 for a normal user; for
    root (who writes through 0555) a tmpfs remounted read-only."""
    folder = tmp_path / "readonly"
    folder.mkdir()
    mounted = False
    if os.geteuid() == 0:
        r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(folder)], capture_output=True)
        assert r.returncode == 0, f"root, but cannot mount a read-only folder: {r.stderr!r}"
        mounted = True
    save_document(fitting_doc(), folder / "page.json")
    if mounted:
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
    else:
        os.chmod(folder, 0o555)
    assert not os.access(folder, os.W_OK)
    yield folder / "page.json"
    if mounted:
        subprocess.run(["umount", str(folder)], check=True)
    else:
        os.chmod(folder, 0o755)


def open_window(qtbot, path, settings):
    from banmian.gui.main_window import MainWindow
    w = MainWindow(path, settings=settings, ask=lambda *a: True)
    w.prompt_save = lambda: "discard"
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def answer_export(qtbot, w, expect: Path) -> tuple[str, str]:
    """Ctrl+E; on the dialog: look at the proposed file, open Browse… and see where the file
    dialog starts (cancel it), tick "export despite errors", click Export — or Cancel when
    the proposal is not ``expect`` (an export into a read-only folder would stop at an
    error box nobody answers)."""
    from banmian.gui.dialogs import ExportPdfDialog
    seen = {}

    def on_file_dialog(fd):
        seen["browse"] = fd.directory().absolutePath()
        fd.reject()

    def on_export(dlg):
        seen["proposed"] = dlg.path.text()
        when_modal(qtbot, on_file_dialog, QFileDialog)
        browse = next(b for b in dlg.findChildren(type(dlg.export_btn)) if b.text() == dlg.tr("Browse…"))
        qtbot.mouseClick(browse, Qt.MouseButton.LeftButton)       # blocks until the file dialog closed
        if Path(seen["proposed"]) != expect:
            dlg.reject()
            return
        qtbot.mouseClick(dlg.force, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dlg.export_btn, Qt.MouseButton.LeftButton)
    found = when_modal(qtbot, on_export, ExportPdfDialog)
    w.activateWindow()
    w.canvas.setFocus()
    from PySide6.QtWidgets import QApplication
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=3000)    # a shortcut needs it
    qtbot.keyClick(w.canvas, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert found, "Ctrl+E showed no export dialog"
    return seen["proposed"], seen.get("browse", "")


def test_a_writable_layout_folder_gets_the_pdf(qtbot, tmp_path, settings, documents):
    folder = tmp_path / "newsroom"
    folder.mkdir()
    page = folder / "page.json"
    save_document(fitting_doc(), page)
    w = open_window(qtbot, page, settings)
    proposed, browse = answer_export(qtbot, w, folder / "page.pdf")
    assert Path(proposed) == folder / "page.pdf"
    assert Path(browse) == folder
    assert (folder / "page.pdf").read_bytes().startswith(b"%PDF")
    assert list(documents.iterdir()) == []


def test_a_read_only_layout_folder_proposes_documents(qtbot, settings, documents, read_only_folder):
    w = open_window(qtbot, read_only_folder, settings)
    proposed, browse = answer_export(qtbot, w, documents / "page.pdf")
    assert Path(proposed) == documents / "page.pdf"
    assert Path(browse) == documents
    assert (documents / "page.pdf").read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in read_only_folder.parent.iterdir()) == ["page.json"]


def test_the_bundled_sample_proposes_documents(qtbot, settings, documents):
    sample = paths.sample_layout()
    before = sorted(p.name for p in sample.parent.iterdir())
    w = open_window(qtbot, sample, settings)
    proposed, _ = answer_export(qtbot, w, documents / (sample.stem + ".pdf"))
    assert Path(proposed) == documents / (sample.stem + ".pdf")
    assert (documents / (sample.stem + ".pdf")).is_file()
    assert sorted(p.name for p in sample.parent.iterdir()) == before
