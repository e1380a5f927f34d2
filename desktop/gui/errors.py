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

:func:`core_text` gives the editor's language to the English messages of
banmian.core the user reads in a dialog (the importers' refusals and warnings:
limits, encodings, images) — core has no Qt, so its messages are matched here
and their parts (file names, numbers) kept.  Messages it does not know stay as
they are (the CLI prints the same English lines).
"""
from __future__ import annotations

import re
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
        # spelled out (not an alias): pyside6-lupdate finds only QCoreApplication.translate(ctx, text)
        box = QMessageBox(QApplication.activeWindow())
        box.setIcon(QMessageBox.Icon.Critical)
        box.setObjectName("banmian-error")
        box.setWindowTitle(QCoreApplication.translate("Errors", "Something went wrong"))
        box.setText(QCoreApplication.translate("Errors", "“%1” failed: %2").replace("%1", what)
                    .replace("%2", f"{exc_type.__name__}: {exc}"))
        info = QCoreApplication.translate("Errors", "Your document is still open; save it under a new name "
                                                    "if in doubt.")
        if log is not None:
            info += "\n" + QCoreApplication.translate("Errors", "Details were written to %1").replace("%1", str(log))
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


# ------------------------------------------------------------------ core messages in the editor's language

def _noop(context: str, text: str) -> str:      # QT_TRANSLATE_NOOP: pyside6-lupdate collects these
    return text


QT_TRANSLATE_NOOP = _noop
_N = r"[\d,]+"
# (the core's message as a pattern, its translation template with %1… for the groups)
CORE_MESSAGES = [
    (r"(.+): not a regular file \(a folder, pipe or device\); not read",
     QT_TRANSLATE_NOOP("CoreMessages", "%1: not a regular file (a folder, pipe or device); not read")),
    (rf"(.+): ({_N}) MB, more than the ({_N}) MB an article may be",
     QT_TRANSLATE_NOOP("CoreMessages", "%1: %2 MB, more than the %3 MB an article may be")),
    (rf"(.+): ({_N}) paragraphs, more than the ({_N}) one article may have",
     QT_TRANSLATE_NOOP("CoreMessages", "%1: %2 paragraphs, more than the %3 one article may have")),
    (rf"(.+): ({_N}) characters, more than the ({_N}) a story may hold; split the article",
     QT_TRANSLATE_NOOP("CoreMessages", "%1: %2 characters, more than the %3 a story may hold; split the article")),
    (rf"(.+): more than ({_N}) paragraphs; not one article \(split it\)",
     QT_TRANSLATE_NOOP("CoreMessages", "%1: more than %2 paragraphs; not one article (split it)")),
    (rf"(.+): unpacks to ({_N}) MB \(more than ({_N}) MB\); refused as a possible zip bomb",
     QT_TRANSLATE_NOOP("CoreMessages", "%1: unpacks to %2 MB (more than %3 MB); refused as a possible zip bomb")),
    (rf"(.+): image (.+) unpacks to ({_N}) MB \(more than ({_N}) MB\)",
     QT_TRANSLATE_NOOP("CoreMessages", "%1: image %2 unpacks to %3 MB (more than %4 MB)")),
    (rf"(.+): its images unpack to ({_N}) MB \(more than ({_N}) MB\)",
     QT_TRANSLATE_NOOP("CoreMessages", "%1: its images unpack to %2 MB (more than %3 MB)")),
    (rf"(.+): (\S+) unpacks to ({_N}) MB \(more than ({_N}) MB\)",
     QT_TRANSLATE_NOOP("CoreMessages", "%1: %2 unpacks to %3 MB (more than %4 MB)")),
    (rf"(.+): ({_N}) parts in the package; not a Word article",
     QT_TRANSLATE_NOOP("CoreMessages", "%1: %2 parts in the package; not a Word article")),
    (r"(.+): not a readable Word \.docx file \((.+)\)",
     QT_TRANSLATE_NOOP("CoreMessages", "%1: not a readable Word .docx file (%2)")),
    (r"(.+): cannot import (.+) files \(Banmian reads \.txt, \.md and \.docx\)",
     QT_TRANSLATE_NOOP("CoreMessages", "%1: cannot import %2 files (Banmian reads .txt, .md and .docx)")),
    (r"(.+?): not UTF-8, UTF-16, GB18030/GBK or Big5 text(?: \(byte (\d+) is not UTF-8\))? — it looks like (.+); "
     r"give the encoding with --encoding if that is right",
     QT_TRANSLATE_NOOP("CoreMessages", "%1: not UTF-8, UTF-16, GB18030/GBK or Big5 text — it looks like %3; "
                                       "save it as UTF-8 and import it again")),
    (r"(.+?): unreadable text — not UTF-8, UTF-16, GB18030/GBK or Big5.*, nor any encoding it could be "
     r"detected as; give the encoding with --encoding",
     QT_TRANSLATE_NOOP("CoreMessages", "%1: unreadable text — not UTF-8, UTF-16, GB18030/GBK or Big5, nor any "
                                       "encoding it could be detected as; save it as UTF-8 and import it again")),
    (r"(.+): read as Big5 \(traditional Chinese, detected\); not GB18030/GBK or UTF-8 — check the characters, "
     r"or give the encoding with --encoding",
     QT_TRANSLATE_NOOP("CoreMessages", "%1: read as Big5 (traditional Chinese, detected); not GB18030/GBK or "
                                       "UTF-8 — check the characters")),
    (r"(.+): starts with a UTF-8 BOM but byte (\d+) is not UTF-8",
     QT_TRANSLATE_NOOP("CoreMessages", "%1: starts with a UTF-8 BOM but byte %2 is not UTF-8")),
    (r"(.+): has a (\S+) BOM but is not \S+ text \(byte (\d+)\)",
     QT_TRANSLATE_NOOP("CoreMessages", "%1: has a %2 BOM but is not %2 text (byte %3)")),
    (r"(.+): cannot be read \((.+)\)",
     QT_TRANSLATE_NOOP("CoreMessages", "%1: cannot be read (%2)")),
    (r"(.+): no text found",
     QT_TRANSLATE_NOOP("CoreMessages", "%1: no text found")),
    (r"no headline in the copy: an empty headline block was added for the editor to write",
     QT_TRANSLATE_NOOP("CoreMessages", "no headline in the copy: an empty headline block was added for the "
                                       "editor to write")),
    (r"line (\d+): an unpaired (.) at column (\d+) left as it is",
     QT_TRANSLATE_NOOP("CoreMessages", "line %1: an unpaired %2 at column %3 left as it is")),
    # images of an article (Markdown and .docx)
    (r"(.+): image (.+) is a URL; not fetched",
     QT_TRANSLATE_NOOP("CoreMessages", "%1: image %2 is a URL; not fetched")),
    (r"(.+): image (.+) is an absolute path; only images in the article's folder are copied",
     QT_TRANSLATE_NOOP("CoreMessages", "%1: image %2 is an absolute path; only images in the article's folder "
                                       "are copied")),
    (r"(.+): image (.+) is reached through a symlink; not copied",
     QT_TRANSLATE_NOOP("CoreMessages", "%1: image %2 is reached through a symlink; not copied")),
    (r"(.+): image (.+) is outside the article's folder; not copied",
     QT_TRANSLATE_NOOP("CoreMessages", "%1: image %2 is outside the article's folder; not copied")),
    (r"(.+): image (.+) not found",
     QT_TRANSLATE_NOOP("CoreMessages", "%1: image %2 not found")),
    (rf"(.+): image (.+): the article's images exceed ({_N}) MB; not copied",
     QT_TRANSLATE_NOOP("CoreMessages", "%1: image %2: the article's images exceed %3 MB; not copied")),
    (r"(.+): image (.+) cannot be read \((.+)\)",
     QT_TRANSLATE_NOOP("CoreMessages", "%1: image %2 cannot be read (%3)")),
    (r"(.+): image (.+) is too large; not copied",
     QT_TRANSLATE_NOOP("CoreMessages", "%1: image %2 is too large; not copied")),
    (r"(.+): image (.+) not copied \((.+)\)",
     QT_TRANSLATE_NOOP("CoreMessages", "%1: image %2 not copied (%3)")),
    (rf"(.+): image (.+): ({_N}) MB, more than the ({_N}) MB an image may be; not copied",
     QT_TRANSLATE_NOOP("CoreMessages", "%1: image %2: %3 MB, more than the %4 MB an image may be; not copied")),
    (r"(.+): image (.+): not an image file \((\w+)\); not copied",
     QT_TRANSLATE_NOOP("CoreMessages", "%1: image %2: not an image file (%3); not copied")),
    (rf"(.+): image (.+): (\d+) × (\d+) = ({_N}) Mpx, more than the ({_N}) Mpx limit; not copied",
     QT_TRANSLATE_NOOP("CoreMessages", "%1: image %2: %3 × %4 = %5 Mpx, more than the %6 Mpx limit; not copied")),
    (r"(.+): image (.+): a (\w+) image; Banmian places JPEG, PNG and TIFF; not copied",
     QT_TRANSLATE_NOOP("CoreMessages", "%1: image %2: a %3 image; Banmian places JPEG, PNG and TIFF; not copied")),
    (r"(.+): is a symlink; images are not written through it",
     QT_TRANSLATE_NOOP("CoreMessages", "%1: is a symlink; images are not written through it")),
    (r"(.+): not a folder images can be written to",
     QT_TRANSLATE_NOOP("CoreMessages", "%1: not a folder images can be written to")),
    (r"(.+): no free name for (.+)",
     QT_TRANSLATE_NOOP("CoreMessages", "%1: no free name for %2")),
]
_CORE_RE = [(re.compile(pat + r"\Z", re.S), template) for pat, template in CORE_MESSAGES]


def core_text(message: str) -> str:
    """One of banmian.core's English messages in the editor's language; unknown ones as they are."""
    from PySide6.QtCore import QCoreApplication
    for rx, template in _CORE_RE:
        m = rx.match(message)
        if m is None:
            continue
        out = QCoreApplication.translate("CoreMessages", template)
        groups = [g or "" for g in m.groups()]
        for i in range(len(groups), 0, -1):          # %10 before %1
            out = out.replace(f"%{i}", groups[i - 1])
        return out
    return message


_ERRNO_TEXT = {
    "ENOSPC": QT_TRANSLATE_NOOP("Errors", "the disk is full"),
    "EDQUOT": QT_TRANSLATE_NOOP("Errors", "the disk quota is used up"),
    "EACCES": QT_TRANSLATE_NOOP("Errors", "permission denied"),
    "EPERM": QT_TRANSLATE_NOOP("Errors", "permission denied"),
    "EROFS": QT_TRANSLATE_NOOP("Errors", "the drive is read-only"),
    "ENOENT": QT_TRANSLATE_NOOP("Errors", "no such file or folder"),
    "EIO": QT_TRANSLATE_NOOP("Errors", "a read or write error on the drive"),
    "ENAMETOOLONG": QT_TRANSLATE_NOOP("Errors", "the file name is too long"),
}


def os_reason(e: BaseException) -> str:
    """Why a file operation failed, in the editor's language for the usual OS errors (the C
    library's strerror is English whatever the editor's language); else the error's own text."""
    import errno as _errno
    from PySide6.QtCore import QCoreApplication
    code = getattr(e, "errno", None)
    name = _errno.errorcode.get(code) if isinstance(code, int) else None
    if name in _ERRNO_TEXT:
        return QCoreApplication.translate("Errors", _ERRNO_TEXT[name])
    return getattr(e, "strerror", None) or str(e)
