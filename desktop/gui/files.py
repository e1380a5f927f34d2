"""File dialogs and default folders of the editor.

The dialogs are Qt's own (``DontUseNativeDialog``): they follow the editor's
language (Qt's qtbase_zh_CN translation is installed with ours, so every
button and label is Chinese under zh_CN, where a native dialog would follow
the desktop's language instead), and the same on every platform, so tests can
find and answer them.  ``native_dialogs=true`` in the settings brings the
platform's dialogs back.

The default folder for saving and exporting is the layout's own folder when it
can be written (a page on the newsroom drive exports beside itself), else the
user's Documents folder (``QStandardPaths``) — never a bundled template's
install folder, which is read-only.
"""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog

from ..core import paths


# Labels of Qt's own file dialog that Qt's qtbase_zh_CN leaves in English: our translation
# carries them in Qt's context (fill_ts.py collects them from here)
QT_TRANSLATE_NOOP = lambda context, text: text  # noqa: E731 — the marker pyside6-lupdate looks for
QT_FILE_DIALOG_LABELS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    # the Type column (Qt 6 moved these to a context qtbase_zh_CN does not have yet)
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "%1 File"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Unknown"),
)


def dialog_options(settings: QSettings | None = None) -> QFileDialog.Option:
    s = settings or QSettings(str(paths.settings_file()), QSettings.Format.IniFormat)
    native = str(s.value("native_dialogs", "false")).lower() in ("1", "true", "yes")
    return QFileDialog.Option(0) if native else QFileDialog.Option.DontUseNativeDialog


def documents_dir() -> Path:
    loc = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(loc) if loc else Path.home()


def writable_dir(p: Path | None) -> bool:
    return p is not None and p.is_dir() and os.access(p, os.W_OK | os.X_OK) and not paths.is_bundled(p)


def default_folder(doc_path: Path | None) -> Path:
    """Where Save as / Export / proofs start: the layout's folder if writable, else Documents."""
    folder = Path(doc_path).parent if doc_path else None
    if writable_dir(folder):
        return folder
    return documents_dir()


def default_file(doc_path: Path | None, suffix: str, fallback_stem: str = "") -> str:
    """A file name in :func:`default_folder`: the layout's stem with ``suffix`` (or ``fallback_stem``)."""
    stem = Path(doc_path).stem if doc_path else fallback_stem
    folder = default_folder(doc_path)
    return str(folder / (stem + suffix)) if stem else str(folder)


def get_open_file(parent, title: str, directory: str = "", filt: str = "") -> str:
    p, _ = QFileDialog.getOpenFileName(parent, title, directory, filt, options=dialog_options())
    return p


def get_save_file(parent, title: str, directory: str = "", filt: str = "") -> str:
    p, _ = QFileDialog.getSaveFileName(parent, title, directory, filt, options=dialog_options())
    return p


def get_directory(parent, title: str, directory: str = "") -> str:
    return QFileDialog.getExistingDirectory(
        parent, title, directory, QFileDialog.Option.ShowDirsOnly | dialog_options())
