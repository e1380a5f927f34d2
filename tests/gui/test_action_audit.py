"""Every menu command survives being triggered as Qt triggers it (triggered(checked)):
none raises, none receives ``checked`` as a parameter (blocker 1 of issue 14)."""
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from banmian.gui import errors


def test_every_action_survives_triggered_checked(qtbot, window):
    w = window
    closed = []

    def close_modal():
        m = QApplication.activeModalWidget()
        if m is not None and m.isVisible():
            closed.append(type(m).__name__)
            m.reject() if hasattr(m, "reject") else m.close()
    t = QTimer(interval=40)
    t.timeout.connect(close_modal)
    t.start()
    skip = {"quit"}
    try:
        for key, a in list(w.actions_by_key.items()):
            if key in skip or not a.isEnabled():
                continue
            a.trigger()          # emits triggered(checked) like a menu click or a shortcut
            qtbot.wait(20)
            assert errors.reports == [], f"{key}: {errors.reports[-1]['traceback']}"
            if a.isCheckable() and not key.startswith("tool_"):
                a.trigger()      # and back
    finally:
        t.stop()
    # the file dialogs were Qt's own (answerable), the others our dialogs
    assert "QFileDialog" in closed
    assert w.isVisible()
