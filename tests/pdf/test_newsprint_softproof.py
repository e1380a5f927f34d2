"""印刷预览 (soft proof): the page through the press's plates and profile, and its View-menu toggle."""
from __future__ import annotations

from pathlib import Path

import pytest

from banmian.core import press
from banmian.core.io import load_document

from .conftest import need

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "press"
DPI = 50


@pytest.fixture(autouse=True)
def _home(tmp_path, monkeypatch):
    monkeypatch.setenv("BANMIAN_HOME", str(tmp_path / "home"))


def _laid_out(name):
    from banmian.core.typeset.layout import layout_document
    doc = load_document(FIXTURES / name)
    return doc, layout_document(doc, None, base_dir=FIXTURES)


def _at(img, doc, x_mm, y_mm):
    """The proof's pixel at a trim-relative point (the proof covers the BleedBox)."""
    px = DPI / 25.4
    b = doc.pages[0].bleed
    return img.getpixel((int((x_mm + b) * px), int((y_mm + b) * px)))


@pytest.mark.pdf
def test_proof_shows_paper_white_tints_and_photo_as_the_press_prints():
    need("gs")
    from banmian.render.softproof import paper_white, proof_image
    doc, result = _laid_out("clean.json")
    img = proof_image(doc, result, 0, base_dir=FIXTURES, dpi=DPI)
    b = doc.pages[0].bleed
    assert img.mode == "RGB" and abs(img.width - (doc.pages[0].width + 2 * b) * DPI / 25.4) <= 1
    paper = _at(img, doc, 115, 95)                        # bare paper, bottom right
    assert paper == paper_white()
    assert max(paper) < 215 and paper[2] < paper[0]       # newsprint: grey and yellowish, not screen white
    tint = _at(img, doc, 100, 40)                         # the K12 box (no text there)
    assert all(t < p for t, p in zip(tint, paper))
    grey = _at(img, doc, 80, 60)                          # the photo's sRGB 128 grey
    red = _at(img, doc, 106, 60)                          # … and its red third
    assert abs(grey[0] - grey[2]) < 20 and red[0] > red[1] + 30
    # another condition, another paper: coated stock is whiter
    coated = proof_image(doc, result, 0, base_dir=FIXTURES, dpi=DPI, press="coated-heatset")
    assert _at(coated, doc, 115, 95) == paper_white("coated-heatset")
    assert sum(paper_white("coated-heatset")) > sum(paper) + 60


@pytest.mark.pdf
def test_proof_shows_the_knockout_not_a_300_percent_stack():
    """Black text on Paper Red: the proof comes from the plates the export makes."""
    need("gs")
    from banmian.render.softproof import proof_image
    doc, result = _laid_out("overprint_stack.json")
    img = proof_image(doc, result, 0, base_dir=FIXTURES, dpi=DPI)
    red = _at(img, doc, 9, 23)                            # the red box's corner, outside the text
    assert red[0] > red[1] + 60


@pytest.mark.gui
def test_view_menu_toggle_by_keyboard(qtbot, tmp_path):
    need("gs")
    from PySide6.QtCore import QSettings, Qt
    from banmian.gui.main_window import MainWindow
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = MainWindow(FIXTURES / "clean.json", settings=settings, ask=lambda *a: True)
    w.prompt_save = lambda: "discard"
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    action = w.actions_by_key["soft_proof"]
    view_menu = next(a.menu() for a in w.menuBar().actions() if a.menu() and action in a.menu().actions())
    assert view_menu is not None

    def press_keys():
        w.activateWindow()
        qtbot.waitUntil(w.isActiveWindow)
        w.canvas.setFocus()
        qtbot.waitUntil(w.canvas.hasFocus)
        qtbot.keyClick(w.canvas, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)

    press_keys()
    assert action.isChecked()
    proof = w.soft_proof
    assert proof.isVisible() and proof.image is not None
    pm = proof.view.pixmap()
    assert pm is not None and pm.width() == proof.image.width
    from banmian.render.softproof import paper_white
    assert proof.image.getpixel((proof.image.width - 3, proof.image.height - 3)) == paper_white()
    proof.grab().save(str(tmp_path / "proof.png"))
    press_keys()
    assert not action.isChecked() and not proof.isVisible()
    # closing the window unticks the action
    press_keys()
    assert proof.isVisible()
    proof.close()
    assert not action.isChecked()
