"""Chinese UI through Qt's translator; Export PDF through the dialog."""
import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from banmian.gui.app import I18N_DIR, choose_language

pytestmark = pytest.mark.gui


def test_language_choice(settings):
    assert choose_language(settings, "zh_CN") == "zh_CN"
    assert choose_language(settings, "en_US") == "en"
    settings.setValue("language", "en")
    assert choose_language(settings, "zh_CN") == "en"


def test_chinese_menus(qtbot, sample_file, settings):
    from banmian.gui.main_window import MainWindow
    tr = QTranslator()
    assert tr.load(str(I18N_DIR / "banmian_zh_CN.qm"))
    QCoreApplication.installTranslator(tr)
    try:
        w = MainWindow(sample_file, settings=settings, ask=lambda *a: True)
        w.prompt_save = lambda: "discard"
        qtbot.addWidget(w)
        titles = [a.text() for a in w.menuBar().actions()]
        assert titles[:3] == ["文件(&F)", "编辑(&E)", "视图(&V)"]
        assert w.docks["pages"].windowTitle() == "版面"
        assert "版面" in w.windowTitle()
        rows = dict(w.shortcut_rows())
        assert "稿件编辑器" in rows
    finally:
        QCoreApplication.removeTranslator(tr)


def test_export_through_dialog(qtbot, tmp_path, settings):
    from conftest import build_doc
    from banmian.core.io import save_document
    from banmian.core.preflight import preflight
    from banmian.gui.dialogs import ExportPdfDialog
    from banmian.gui.main_window import MainWindow
    doc = build_doc(paragraphs=3)                 # fits its frames: no overset
    doc.pages[0].frames = [f for f in doc.pages[0].frames if f.id not in ("t-empty", "i-photo")]
    src = tmp_path / "fits.json"
    save_document(doc, src)
    w = MainWindow(src, settings=settings, ask=lambda *a: True)
    w.prompt_save = lambda: "discard"
    qtbot.addWidget(w)
    errors = [f for f in preflight(w.session.doc, w.session.result, base_dir=tmp_path) if f.severity == "error"]
    assert not errors, errors
    dlg = ExportPdfDialog(w.session, str(tmp_path / "out.pdf"), w)
    qtbot.addWidget(dlg)
    assert "0" in dlg.findings_label.text()
    seen = []
    dlg.progress.valueChanged.connect(lambda v: seen.append(v))
    assert dlg.run_export(), dlg.error
    out = tmp_path / "out.pdf"
    assert out.is_file() and out.read_bytes().startswith(b"%PDF")
    assert seen and seen[-1] == dlg.progress.maximum()
    import pikepdf
    with pikepdf.open(out) as pdf:
        assert len(pdf.pages) == 1
