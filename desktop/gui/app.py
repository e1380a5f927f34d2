"""`banmian [FILE]`: start the editor.

Chinese (zh_CN) is the default interface language; English when the system
locale is not Chinese or the setting ``language`` is ``en`` (Edit → Language).
``BANMIAN_EXIT_WHEN_READY=1`` prints the seconds from process start to the
first painted canvas and quits (bench/bench_startup.py).
``BANMIAN_SCREENSHOT=out.png`` saves a screenshot of the whole screen (the X
root window through ``QScreen.grabWindow(0)``; the window itself where the
platform cannot grab the screen) shortly after the first paint
(tests/gui/test_xvfb_screenshot.py); with BANMIAN_EXIT_WHEN_READY it quits after.
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
        # the file dialogs' Type column ("JSON 文档", not "JSON document") and Qt's number
        # and date formats follow the editor's language, not the system's locale
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
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
    set_app_icon(app)
    from . import errors
    errors.install()          # exceptions in slots: a dialog and the log file, not only stderr
    from ..core import paths
    settings = QSettings(str(paths.settings_file()), QSettings.Format.IniFormat)
    install_translator(app, settings)
    from .main_window import MainWindow
    from ..core.io import LayoutFileError
    from PySide6.QtCore import QCoreApplication
    title = QCoreApplication.translate("MainWindow", "Banmian")
    try:
        win = MainWindow(path, settings=settings)
    except LayoutFileError as e:    # the loader's lines as the CLI prints them, under a translated head
        QMessageBox.critical(None, title, QCoreApplication.translate("MainWindow", "The page could not be opened:")
                             + "\n" + str(e))
        return 3
    except Exception as e:  # noqa: BLE001 — a file the loader let through: a dialog, the traceback in the log
        from ..cli import log_exception
        log = log_exception(e, f"editor start {path}")
        QMessageBox.critical(None, title, QCoreApplication.translate(
            "App", "“%1” cannot be opened (%2).\n\nDetails were written to %3")
            .replace("%1", str(path or "Banmian")).replace("%2", f"{type(e).__name__}: {str(e)[:200]}")
            .replace("%3", str(log)))
        return 3
    if path:
        win._add_recent(Path(path).resolve())
    exit_when_ready = bool(os.environ.get("BANMIAN_EXIT_WHEN_READY"))
    shot = os.environ.get("BANMIAN_SCREENSHOT")
    if exit_when_ready or shot:
        def screenshot():
            save_screenshot(app, win, shot)
            if exit_when_ready:
                app.quit()

        def ready():
            if exit_when_ready:
                now = time.time()
                start = t0 if t0 else _process_start()
                print(f"ready {now - start:.3f} s", flush=True)
            if shot:      # let the debounced panels (thumbnails, preflight) fill in first
                QTimer.singleShot(int(os.environ.get("BANMIAN_SCREENSHOT_DELAY_MS", "1200")), screenshot)
            else:
                QTimer.singleShot(0, app.quit)
        win.ready.connect(ready)
        if exit_when_ready:
            win.session.undo_stack.setClean()
    win.show()
    code = app.exec()
    return int(code or 0)


def set_app_icon(app) -> None:
    """The window/taskbar icon (SVG plus PNGs for platforms without the SVG plugin) and the
    desktop file id, which ties the running window to banmian.desktop (banmian install-desktop)."""
    from PySide6.QtGui import QIcon
    from ..core import paths
    icon = QIcon()     # PNGs first (an SVG first would make it an SVG-only icon without sizes)
    for size in (16, 48, 256):
        icon.addFile(str(paths.icons_dir() / f"banmian-{size}.png"))
    icon.addFile(str(paths.icon_file()))
    app.setWindowIcon(icon)
    app.setDesktopFileName("banmian")


def save_screenshot(app, win, path: str) -> bool:
    """The screen as the user sees it (root window), else the window; prints where it went."""
    screen = win.screen() or app.primaryScreen()
    pm = screen.grabWindow(0) if screen is not None else None
    if pm is None or pm.isNull():
        pm = win.grab()
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    ok = pm.save(str(path))
    print(f"screenshot {path} {pm.width()}x{pm.height()} {'ok' if ok else 'FAILED'}", flush=True)
    return ok


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


def main() -> int:  # python -m banmian.gui.app [FILE]
    return run(sys.argv[1] if len(sys.argv) > 1 else None)


if __name__ == "__main__":
    sys.exit(main())
