"""Blocker 1 of issue 14: File → Save as (Ctrl+Shift+S) saves.

QAction.triggered(checked) used to reach ``save_as(path=None)`` as
``path=False``; Path(False) raised a TypeError that only showed in the
terminal, and nothing was saved.
"""
import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from banmian.core import commands as C
from banmian.core.io import load_document
from banmian.gui import errors

from helpers import type_file_name, when_modal


def test_ctrl_shift_s_saves_through_the_file_dialog(qtbot, window, tmp_path):
    w = window
    out = tmp_path / "saved-as.json"
    seen = when_modal(qtbot, lambda d: type_file_name(qtbot, d, out), QFileDialog)
    w.activateWindow()
    w.canvas.setFocus()
    qtbot.keyClick(w, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: out.is_file(), timeout=5000)
    assert seen, "Ctrl+Shift+S showed no file dialog"
    assert errors.reports == []
    assert w.session.path == out
    assert load_document(out).pages[0].id == w.session.doc.pages[0].id
    assert "saved-as.json" in w.windowTitle()
    # the name without .json gets it
    w.session.push(C.MoveFrames(["t-short"], 1, 1))
    out2 = tmp_path / "second"
    when_modal(qtbot, lambda d: type_file_name(qtbot, d, out2), QFileDialog)
    w.actions_by_key["save_as"].trigger()       # the menu entry: triggered(False)
    qtbot.waitUntil(lambda: (tmp_path / "second.json").is_file(), timeout=5000)
    assert json.loads((tmp_path / "second.json").read_text("utf-8"))["pages"]
    assert not w.isWindowModified()
