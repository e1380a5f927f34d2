"""Issue 8, defect 1: "the editor fails the same way at startup with no dialog". A layout
the loader refuses, and one that gets past the loader but breaks the window, both end in a
dialog (answered here as a user would) and exit code 3 — the traceback only in the log.
And autosave goes to the user data folder, never beside the page."""
import json

import pytest
from PySide6.QtWidgets import QMessageBox

from banmian.core import paths
from banmian.core.io import save_document

from conftest import build_doc
from helpers import when_modal

pytestmark = pytest.mark.gui


@pytest.fixture
def quiet_app(monkeypatch):
    """run() without touching the process-wide hooks and translators of the test session."""
    import banmian.gui.app as app_mod
    import banmian.gui.errors as errors_mod
    monkeypatch.setattr(errors_mod, "install", lambda: None)
    monkeypatch.setattr(app_mod, "install_translator", lambda app, settings: "en")
    return app_mod


def _close(seen):
    def act(box):
        seen.append((box.windowTitle(), box.text()))
        box.button(QMessageBox.StandardButton.Ok).click()
    return act


def test_a_refused_layout_at_startup_is_a_dialog_and_exit_3(qtbot, tmp_path, quiet_app):
    d = json.loads(paths.sample_layout().read_text("utf-8"))
    d["pages"][0]["frames"][0]["x"] = "@@"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(d).replace('"@@"', "NaN"), "utf-8")
    seen = []
    found = when_modal(qtbot, _close(seen), QMessageBox)
    assert quiet_app.run(str(bad)) == 3
    assert found and seen
    head, line = seen[0][1].split("\n")      # a translated head, then the loader's line as the CLI prints it
    assert head == "The page could not be opened:"
    assert line == f"{bad}: pages[0].frames[0].x: expected a number -10000–10000 mm, found NaN"


def test_a_window_that_breaks_at_startup_is_a_dialog_naming_the_log(qtbot, tmp_path, quiet_app, monkeypatch):
    page = tmp_path / "page.json"
    save_document(build_doc(4), page)
    import banmian.gui.main_window as mw

    def boom(self, *a, **k):
        raise RecursionError("maximum recursion depth exceeded in flow")
    monkeypatch.setattr(mw.MainWindow, "__init__", boom)
    seen = []
    when_modal(qtbot, _close(seen), QMessageBox)
    assert quiet_app.run(str(page)) == 3
    assert seen, "no dialog"
    text = seen[0][1]
    assert str(page) in text and "RecursionError" in text and str(paths.log_file()) in text
    assert "Traceback" not in text
    assert "Traceback (most recent call last)" in paths.log_file().read_text("utf-8")


def test_autosave_goes_to_the_user_data_folder_not_beside_the_page(qtbot, tmp_path, settings):
    from banmian.core import commands as C
    from banmian.core.model.document import Block, Run, Story
    from banmian.gui.main_window import MainWindow
    folder = tmp_path / "newsroom"
    folder.mkdir()
    page = folder / "page.json"
    save_document(build_doc(4), page)
    w = MainWindow(page, settings=settings, ask=lambda *a: True)
    w.prompt_save = lambda: "discard"
    qtbot.addWidget(w)
    assert w.session.push(C.AddStory(Story("x", "稿", [Block("paragraph", "body", [Run("正文")])])))
    rec = w.autosave()
    assert rec == paths.recovery_path(page) and rec.is_file()
    assert paths.user_data_dir() in rec.parents
    assert sorted(p.name for p in folder.iterdir()) == ["page.json"]
