"""Errors in the editor reach the user: a dialog saying what failed, and the log file.

An exception raised in a slot, a virtual method or a timer is handed by
PySide6 to ``sys.excepthook`` after the slot returns; the default hook only
prints to stderr, which an editor started from the desktop does not have.
:func:`install` replaces it (and Qt's message handler) so that

* the traceback is appended to :func:`banmian.core.paths.log_file` (the folder
  is created), with the time and what was being done;
* a dialog names what failed (the menu command when it came from one, else the
  function) and the error, with the traceback under "Show Details…";
* Qt's own warnings and criticals ("Ambiguous shortcut overload" …) go to the
  same log.

Menu commands run through :func:`guarded` (MainWindow._action), which reports
with the command's name.  Nothing here raises: a failure to write the log or to
show the dialog falls back to stderr.
"""
from __future__ import annotations

import sys
import time
import traceback
from pathlib import Path

_installed = False
_reporting = False
last_dialog = None          # the most recent error dialog (tests look at it)
reports: list[dict] = []     # what was reported in this process (tests, "Help → log")


def log_path() -> Path:
    from ..core import paths
    return paths.log_file()


def write_log(text: str) -> Path | None:
    """Append ``text`` (a time stamp first) to the log file; the path, or None if it cannot be written."""
    p = log_path()
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
        with open(p, "a", encoding="utf-8") as f:
            f.write(time.strftime("%Y-%m-%d %H:%M:%S ") + text.rstrip("\n") + "\n")
        return p
    except OSError as e:
        print(f"banmian: cannot write the log {p}: {e}", file=sys.stderr)
        return None


def _origin(tb) -> str:
    """The outermost function of a traceback: the slot Qt called."""
    frames = traceback.extract_tb(tb)
    if not frames:
        return "?"
    f = frames[0]
    return f"{f.name} ({Path(f.filename).name}:{f.lineno})"


def report(exc_type, exc, tb, what: str | None = None) -> None:
    """Log the exception and show it in a dialog (never raises)."""
    global _reporting, last_dialog
    what = what or _origin(tb)
    text = "".join(traceback.format_exception(exc_type, exc, tb))
    log = write_log(f"ERROR in {what}\n{text}")
    reports.append({"what": what, "type": exc_type.__name__, "message": str(exc), "traceback": text,
                    "log": log})
    print(f"banmian: error in {what}\n{text}", file=sys.stderr)
    if _reporting:          # an error while showing an error: the log has it
        return
    _reporting = True
    try:
        from PySide6.QtCore import QCoreApplication, Qt
        from PySide6.QtWidgets import QApplication, QMessageBox
        if QApplication.instance() is None:
            return
        tr = QCoreApplication.translate
        box = QMessageBox(QApplication.activeWindow())
        box.setIcon(QMessageBox.Icon.Critical)
        box.setObjectName("banmian-error")
        box.setWindowTitle(tr("Errors", "Something went wrong"))
        box.setText(tr("Errors", "“%1” failed: %2").replace("%1", what)
                    .replace("%2", f"{exc_type.__name__}: {exc}"))
        info = tr("Errors", "Your document is still open; save it under a new name if in doubt.")
        if log is not None:
            info += "\n" + tr("Errors", "Details were written to %1").replace("%1", str(log))
        box.setInformativeText(info)
        box.setDetailedText(text)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        last_dialog = box
        box.open()          # not exec(): the hook may run inside a slot, nested loops bite
    except Exception as e2:   # pragma: no cover - last resort
        print(f"banmian: cannot show the error dialog: {e2}", file=sys.stderr)
    finally:
        _reporting = False


def excepthook(exc_type, exc, tb):
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    report(exc_type, exc, tb)


def qt_message_handler(mode, context, message):
    from PySide6.QtCore import QtMsgType
    if mode in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg):
        return
    names = {QtMsgType.QtWarningMsg: "Qt warning", QtMsgType.QtCriticalMsg: "Qt critical",
             QtMsgType.QtFatalMsg: "Qt fatal"}
    where = f" ({context.file}:{context.line})" if context is not None and context.file else ""
    write_log(f"{names.get(mode, 'Qt')}: {message}{where}")
    print(f"{names.get(mode, 'Qt')}: {message}", file=sys.stderr)


def install() -> None:
    """Route every uncaught exception and Qt warning to the log (and errors to a dialog)."""
    global _installed
    from PySide6.QtCore import qInstallMessageHandler
    sys.excepthook = excepthook
    qInstallMessageHandler(qt_message_handler)
    _installed = True


def guarded(fn, what: str, *, pass_args: bool = False):
    """``fn`` as a slot that reports its exceptions as ``what``.

    The signal's arguments (``triggered(checked)``, ``clicked(checked)``) are
    dropped unless ``pass_args``: a slot with an optional parameter
    (``save_as(path=None)``) must not receive ``False`` as that parameter.
    """
    # PySide6 passes a signal's arguments by the slot's parameter count (a
    # ``*args`` slot gets none): the checkable form takes exactly ``checked``
    if pass_args:
        def slot(checked=False):
            try:
                return fn(checked)
            except Exception:
                report(*sys.exc_info(), what=what)
                return None
    else:
        def slot():
            try:
                return fn()
            except Exception:
                report(*sys.exc_info(), what=what)
                return None
    slot.__name__ = getattr(fn, "__name__", "slot")
    return slot
