"""Blocker 1 of issue 14 (second half): an exception in a slot reaches the user
as a dialog saying what failed, and its traceback is written to the log file
(banmian.core.paths.log_file) — never only to stderr."""
import sys

import pytest
from PySide6.QtCore import QtMsgType, Qt, qInstallMessageHandler
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QPushButton

from banmian.core import paths
from banmian.gui import errors


@pytest.fixture
def hook():
    """Restores the hooks after the test; the test installs them itself (pytest-qt puts its
    own message handler in after the fixtures ran)."""
    old_hook = sys.excepthook
    yield
    sys.excepthook = old_hook
    qInstallMessageHandler(None)
    if errors.last_dialog is not None:
        try:
            errors.last_dialog.close()
        except RuntimeError:
            pass
        errors.last_dialog = None
    errors.reports.clear()


def _error_box():
    from PySide6.QtWidgets import QApplication
    for w in QApplication.topLevelWidgets():
        if isinstance(w, QMessageBox) and w.objectName() == "banmian-error" and w.isVisible():
            return w
    return None


@pytest.mark.qt_no_exception_capture
def test_a_raising_slot_shows_a_dialog_and_writes_the_log(qtbot, hook, user_home):
    errors.install()
    btn = QPushButton("boom")
    qtbot.addWidget(btn)

    def explode():
        raise RuntimeError("the frame t-9 has no page")
    btn.clicked.connect(explode)
    btn.show()
    qtbot.waitExposed(btn)
    assert not paths.log_file().exists()
    qtbot.mouseClick(btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _error_box() is not None, timeout=3000)
    box = _error_box()
    assert "explode" in box.text() and "RuntimeError: the frame t-9 has no page" in box.text()
    assert "Traceback" in box.detailedText()
    log = paths.log_file()
    assert log.is_file() and log.parent == user_home / "config"
    text = log.read_text("utf-8")
    assert "ERROR in explode" in text and "the frame t-9 has no page" in text and "Traceback" in text
    assert str(log) in box.informativeText()
    box.button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: _error_box() is None, timeout=3000)


@pytest.mark.qt_no_exception_capture
def test_a_failing_menu_command_is_named_in_the_dialog(qtbot, hook, sample_file, settings, monkeypatch):
    from banmian.gui.main_window import MainWindow

    def broken(self):
        raise ValueError("shortcut table is broken")
    monkeypatch.setattr(MainWindow, "show_shortcuts", broken)
    w = MainWindow(sample_file, settings=settings, ask=lambda *a: True)
    w.prompt_save = lambda: "discard"
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    qtbot.keyClick(w, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: _error_box() is not None, timeout=3000)
    box = _error_box()
    assert box.text().startswith("“Keyboard shortcuts” failed") or "Keyboard shortcuts" in box.text()
    assert "ValueError: shortcut table is broken" in box.text()
    assert "shortcut table is broken" in paths.log_file().read_text("utf-8")
    assert [r["what"] for r in errors.reports] == ["Keyboard shortcuts"]
    box.close()


def test_qt_warnings_go_to_the_log(qtbot, hook):
    errors.install()
    w = QPushButton()
    qtbot.addWidget(w)
    for _ in range(2):      # two actions on one key: Qt warns "Ambiguous shortcut overload"
        a = QAction("x", w)
        a.setShortcut(QKeySequence("Ctrl+K"))
        w.addAction(a)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    w.setFocus()
    qtbot.keyClick(w, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: paths.log_file().is_file(), timeout=3000)
    assert "Ambiguous shortcut overload" in paths.log_file().read_text("utf-8")
