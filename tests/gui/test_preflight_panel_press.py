"""The Preflight panel runs the plant's checks for the print condition: a hairline rule on
the page is listed, and the clean page lists none of the plant's findings."""
import shutil
from pathlib import Path

import pytest

from banmian.core.preflight import PLANT_CODES

pytestmark = pytest.mark.gui

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "press"


def _open(qtbot, tmp_path, settings, name):
    # a copy, so nothing the editor might write lands in the repository
    for f in FIXTURES.iterdir():
        if f.is_file():
            shutil.copy(f, tmp_path / f.name)
    from banmian.gui.main_window import MainWindow
    w = MainWindow(tmp_path / f"{name}.json", settings=settings, ask=lambda *a: True)
    w.prompt_save = lambda: "discard"
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    panel = w.preflight_panel
    qtbot.waitUntil(lambda: bool(panel.summary.text()), timeout=10000)   # the debounced first check
    return panel


def test_a_hairline_is_listed_in_the_preflight_panel(qtbot, tmp_path, settings):
    panel = _open(qtbot, tmp_path, settings, "line_too_thin")
    hair = [f for f in panel.findings if f.code in PLANT_CODES and f.frame == "hairline"]
    assert len(hair) == 1 and hair[0].severity == "error" and hair[0].value == pytest.approx(0.05)
    texts = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert any("hairline" in t or hair[0].message in t for t in texts)


def test_the_clean_page_has_no_plant_findings(qtbot, tmp_path, settings):
    panel = _open(qtbot, tmp_path, settings, "clean")
    assert not [f for f in panel.findings if f.code in PLANT_CODES]
