"""The export dialog's print-condition selector, driven by key and mouse events."""
from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.gui

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "press"


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("BANMIAN_HOME", str(tmp_path / "home"))
    from PySide6.QtCore import QSettings
    from banmian.gui.main_window import MainWindow
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = MainWindow(FIXTURES / "clean.json", settings=settings, ask=lambda *a: True)
    w.prompt_save = lambda: "discard"
    qtbot.addWidget(w)
    return w


def _dialog(qtbot, w, out):
    from banmian.gui.dialogs import ExportPdfDialog
    dlg = ExportPdfDialog(w.session, str(out), w)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def _intent(path):
    import pikepdf
    with pikepdf.open(path) as pdf:
        oi = pdf.Root.OutputIntents[0]
        return str(oi.OutputConditionIdentifier), str(oi.Info)


def test_default_condition_is_newsprint(qtbot, window, tmp_path):
    from PySide6.QtCore import Qt
    out = tmp_path / "default.pdf"
    dlg = _dialog(qtbot, window, out)
    assert dlg.press.currentData() == "newsprint-240" and dlg.ink.value() == 240
    qtbot.mouseClick(dlg.export_btn, Qt.MouseButton.LeftButton)
    assert dlg.report is not None, dlg.error
    assert dlg.report.press == "newsprint-240"
    assert _intent(out)[0] == "CGATS TR 002"


def test_choosing_coated_by_keyboard(qtbot, window, tmp_path):
    from PySide6.QtCore import Qt
    out = tmp_path / "coated.pdf"
    dlg = _dialog(qtbot, window, out)
    dlg.press.setFocus()
    for _ in range(dlg.press.count()):
        if dlg.press.currentData() == "coated-heatset":
            break
        qtbot.keyClick(dlg.press, Qt.Key.Key_Down)
    assert dlg.press.currentData() == "coated-heatset"
    assert dlg.ink.value() == 300                 # the preset's ink limit follows the choice
    # the coated screen (150 lpi) wants 225 ppi: the 212 ppi photo is now a preflight error
    assert "image_ppi_screen" in {f.code for f in dlg.found}
    dlg.force.click()
    qtbot.mouseClick(dlg.export_btn, Qt.MouseButton.LeftButton)
    assert dlg.report is not None, dlg.error
    assert dlg.report.press == "coated-heatset" and _intent(out)[0] == "FOGRA39"


def test_custom_needs_and_takes_a_plants_profile(qtbot, window, tmp_path):
    from PySide6.QtCore import QTimer, Qt
    from PySide6.QtWidgets import QApplication, QMessageBox
    from banmian.core.paths import resources_dir
    plant = tmp_path / "plant.icc"
    plant.write_bytes((resources_dir() / "icc" / "ISOcoated_v2_300_bas.icc").read_bytes())
    out = tmp_path / "custom.pdf"
    dlg = _dialog(qtbot, window, out)
    dlg.press.setFocus()
    qtbot.keyClick(dlg.press, Qt.Key.Key_End)
    assert dlg.press.currentData() == "custom"
    said = []

    def answer():
        box = next(b for b in QApplication.topLevelWidgets() if isinstance(b, QMessageBox) and b.isVisible())
        said.append(box.text())
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    QTimer.singleShot(200, answer)
    qtbot.mouseClick(dlg.export_btn, Qt.MouseButton.LeftButton)
    assert said and "profile" in said[0]
    assert dlg.report is None and not out.exists()
    qtbot.keyClicks(dlg.profile, str(plant))
    dlg.ink.selectAll()
    qtbot.keyClicks(dlg.ink.lineEdit(), "260")
    qtbot.mouseClick(dlg.export_btn, Qt.MouseButton.LeftButton)
    assert dlg.report is not None, dlg.error
    assert dlg.report.press == "custom"
    ident, info = _intent(out)
    assert ident == "Custom" and "ISO Coated v2" in info
