"""Mouse helpers the GUI tests share: where a frame is on screen, and a drag in steps."""
from PySide6.QtCore import QPoint, Qt


def frame_center(w, fid):
    page, f = w.session.doc.find_frame(fid)
    return w.canvas.frame_view_rect(page.id, f).center().toPoint()


def drag(qtbot, w, a: QPoint, b: QPoint, mods=Qt.KeyboardModifier.NoModifier, steps=6):
    vp = w.canvas.viewport()
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, mods, a)
    for i in range(1, steps + 1):
        p = QPoint(a.x() + (b.x() - a.x()) * i // steps, a.y() + (b.y() - a.y()) * i // steps)
        qtbot.mouseMove(vp, p)
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, mods, b)


def when_modal(qtbot, act, kind=None, timeout=5000):
    """Run ``act(widget)`` on the next modal dialog (of class ``kind``) once it is shown.

    Polls with a timer, so it works for dialogs opened with exec() (which block
    the caller) as well as open().  Returns a list that holds the dialog once
    it was found (tests assert on it).
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    found = []
    timer = QTimer()
    timer.setInterval(30)

    import shiboken6
    from PySide6.QtWidgets import QDialog

    def key(w):         # the C++ object (Python wrappers are transient; their id() is reused)
        return shiboken6.getCppPointer(w)[0]
    before = {key(w) for w in QApplication.topLevelWidgets() if w.isVisible()}

    def poll():
        cands = [w for w in QApplication.topLevelWidgets()
                 if w.isVisible() and isinstance(w, kind or QDialog) and key(w) not in before]
        if not cands:
            return
        w = cands[-1]
        timer.stop()
        found.append(w)
        act(w)
    timer.timeout.connect(poll)
    timer.start()
    _TIMERS.append(timer)       # keep it alive until it fired
    return found


_TIMERS = []


def type_file_name(qtbot, dlg, path):
    """Answer a non-native QFileDialog as a user: type the name into its field and press Enter."""
    from PySide6.QtWidgets import QLineEdit
    edit = dlg.findChild(QLineEdit, "fileNameEdit")
    assert edit is not None, "not a Qt (non-native) file dialog"
    # pasted rather than typed key by key: the dialog's completer pops up over a
    # typed absolute path as the folder listing arrives and eats the Enter
    edit.setFocus()
    edit.selectAll()
    edit.insert(str(path))
    c = edit.completer()
    if c is not None and c.popup().isVisible():
        c.popup().hide()
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def artifacts_dir():
    """Where GUI tests leave screenshots to look at: outside the repository
    ($BANMIAN_ARTIFACTS, else <tmp>/banmian-gui-artifacts)."""
    import os
    import tempfile
    from pathlib import Path
    p = Path(os.environ.get("BANMIAN_ARTIFACTS") or Path(tempfile.gettempdir()) / "banmian-gui-artifacts")
    p.mkdir(parents=True, exist_ok=True)
    return p


def drag_between(qtbot, src, a: QPoint, dst, b: QPoint, steps=6):
    """Press on widget ``src`` at ``a``, move in steps to ``b`` on widget ``dst`` and release
    there (a guide dragged out of a ruler onto the page): the events reach ``src``, which
    holds the mouse while the button is down, as they would from a real mouse."""
    ga, gb = src.mapToGlobal(a), dst.mapToGlobal(b)
    qtbot.mousePress(src, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    for i in range(1, steps + 1):
        g = QPoint(ga.x() + (gb.x() - ga.x()) * i // steps, ga.y() + (gb.y() - ga.y()) * i // steps)
        qtbot.mouseMove(src, src.mapFromGlobal(g))
    qtbot.mouseRelease(src, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, src.mapFromGlobal(gb))


def open_window(qtbot, path, settings, size=(1300, 950)):
    """The editor on ``path`` as a user opens it: shown, exposed, active, page fitted; closing
    it discards changes (tests answer no save prompt)."""
    from banmian.gui.main_window import MainWindow
    w = MainWindow(path, settings=settings, ask=lambda *a: True)
    w.prompt_save = lambda: "discard"
    w.resize(*size)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=3000)
    w.canvas.fit_page()
    return w
