"""`banmian [FILE]`: start the editor.

Chinese (zh_CN) is the default interface language; English when the system
locale is not Chinese or the setting ``language`` is ``en`` (Edit → Language).
``BANMIAN_EXIT_WHEN_READY=1`` prints the seconds from process start to the
first painted canvas and quits (bench/bench_startup.py).
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

I18N_DIR = Path(__file__).resolve().parent / "i18n"


def choose_language(settings, locale_name: str) -> str:
    """'zh_CN' or 'en' from the setting, else the system locale."""
    v = settings.value("language", "") or ""
    if v in ("en", "zh_CN"):
        return v
    return "zh_CN" if locale_name.lower().startswith("zh") or not locale_name or locale_name in ("C", "POSIX") \
        else "en"


def install_translator(app, settings) -> str:
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
    lang = choose_language(settings, QLocale.system().name())
    if lang == "zh_CN":
        tr = QTranslator(app)
        if tr.load(str(I18N_DIR / "banmian_zh_CN.qm")):
            app.installTranslator(tr)
        qt_tr = QTranslator(app)   # Qt's own dialogs (buttons of QMessageBox …)
        if qt_tr.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt_tr)
    return lang


def run(path=None) -> int:
    t0 = float(os.environ.get("BANMIAN_T0", "0") or 0) or None
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    if (sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM")
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")):
        # Qt would abort with "could not connect to display"; say what to do instead
        print("banmian: no display to open the editor on (DISPLAY is not set).\n"
              "  Export instead:  banmian export FILE -o OUT.pdf\n"
              "  or open it on a virtual screen:  xvfb-run banmian", file=sys.stderr)
        return 5
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("Banmian")
    app.setApplicationName("Banmian")
    settings = QSettings("Banmian", "Banmian")
    install_translator(app, settings)
    from .main_window import MainWindow
    from ..core.io import LayoutFileError
    try:
        win = MainWindow(path, settings=settings)
    except LayoutFileError as e:
        QMessageBox.critical(None, "Banmian", str(e))
        return 2
    if path:
        win._add_recent(Path(path).resolve())
    if os.environ.get("BANMIAN_EXIT_WHEN_READY"):
        def ready():
            now = time.time()
            start = t0 if t0 else _process_start()
            print(f"ready {now - start:.3f} s", flush=True)
            QTimer.singleShot(0, app.quit)
        win.ready.connect(ready)
        win.session.undo_stack.setClean()
    win.show()
    code = app.exec()
    return int(code or 0)


def _process_start() -> float:
    """Wall-clock time the process started (Linux /proc; else module import time)."""
    try:
        with open("/proc/self/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        start_ticks = int(fields[19])
        hz = os.sysconf("SC_CLK_TCK")
        with open("/proc/uptime") as f:
            uptime = float(f.read().split()[0])
        return time.time() - uptime + start_ticks / hz
    except Exception:
        return _IMPORTED


_IMPORTED = time.time()


def main() -> int:  # python -m desktop.gui.app [FILE]
    return run(sys.argv[1] if len(sys.argv) > 1 else None)


if __name__ == "__main__":
    sys.exit(main())
