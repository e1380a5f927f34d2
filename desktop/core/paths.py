"""Where Banmian's files are: bundled data (package resources) and the user's folders.

Bundled data — the fonts, the ICC profiles, the page templates, the sample page
and its photo — travel inside the installed package as ``banmian.fonts``,
``banmian.resources`` and ``banmian.layouts`` (in the source tree they are the
top-level ``fonts/``, ``resources/`` and ``layouts/`` folders, mapped by
``pyproject.toml``).  They are found through :mod:`importlib.resources`, never
by walking up from a source file, so a wheel, an editable install and a
PyInstaller bundle all find the same files.  Bundled data are read-only: nothing
is ever written there.

The user's own files go to the platform's standard folders (XDG on Linux,
``%LOCALAPPDATA%`` on Windows, ``~/Library`` on macOS) through ``platformdirs``:

* :func:`user_cache_dir` — speed-ups only (font metrics, converted photos);
* :func:`user_data_dir` — recovery files (:func:`recovery_dir`) and the user's
  own templates (:func:`user_templates_dir`);
* :func:`user_config_dir` — settings (:func:`settings_file`) and the log file (:func:`log_file`).

``BANMIAN_HOME`` (one folder for everything, used by the tests and by people who
keep a portable install) overrides all three.  No Qt here: the core and the CLI
use the same folders as the editor.
"""
from __future__ import annotations

import hashlib
import os
from importlib import resources
from pathlib import Path

APP = "banmian"


def _package_dir(package: str) -> Path:
    root = resources.files(package)
    path = Path(str(root))
    if not path.is_dir():  # a zipped install: we need real files for fonts and ICC profiles
        raise RuntimeError(f"bundled data package {package!r} is not a folder on disk ({root})")
    return path


def fonts_dir() -> Path:
    """The bundled TrueType faces, their licences and SOURCES.json."""
    return _package_dir("banmian.fonts")


def resources_dir() -> Path:
    """ICC profiles (each with its licence); the sample photo lives beside the sample, in layouts/samples/images/"""
    return _package_dir("banmian.resources")


def layouts_dir() -> Path:
    return _package_dir("banmian.layouts")


def templates_dir() -> Path:
    """The bundled page templates (read-only; the user's own are in :func:`user_templates_dir`)."""
    return layouts_dir() / "templates"


def sample_layout() -> Path:
    """The bundled 主席论坛 sample page."""
    return layouts_dir() / "samples" / "zhuxi-luntan.json"


def default_profile() -> Path:
    """The default output intent and separation profile: newsprint coldset, 240 % TAC, strong GCR
    (built from CGATS TR 002 by resources/icc/build_newsprint.py; see banmian.core.press)."""
    return resources_dir() / "icc" / "Banmian_Newsprint_TR002_240.icc"


def coated_profile() -> Path:
    """ISO Coated v2 300 % (FOGRA39), for the coated heatset condition."""
    return resources_dir() / "icc" / "ISOcoated_v2_300_bas.icc"


def icons_dir() -> Path:
    """The application icon: banmian.svg and PNGs rendered from it (tools/make_icon.py)."""
    return _package_dir("banmian.gui") / "icons"


def icon_file() -> Path:
    return icons_dir() / "banmian.svg"


def desktop_files_dir() -> Path:
    """The freedesktop.org .desktop entry and shared-mime-info XML (banmian install-desktop)."""
    return _package_dir("banmian.gui") / "desktop"


def is_bundled(path: Path) -> bool:
    """True for a file inside the installed package's data (which must never be written)."""
    try:
        p = Path(path).resolve()
    except OSError:
        return False
    for root in (layouts_dir(), fonts_dir(), resources_dir()):
        try:
            p.relative_to(root.resolve())
            return True
        except ValueError:
            continue
    return False


# ------------------------------------------------------------------ user folders

def _home_override() -> Path | None:
    v = os.environ.get("BANMIAN_HOME")
    return Path(v) if v else None


def _platformdirs():
    import platformdirs  # small, pure Python; imported on first use only
    return platformdirs


def user_cache_dir() -> Path:
    home = _home_override()
    if home is not None:
        return home / "cache"
    return Path(_platformdirs().user_cache_dir(APP, appauthor=False))


def user_data_dir() -> Path:
    home = _home_override()
    if home is not None:
        return home / "data"
    return Path(_platformdirs().user_data_dir(APP, appauthor=False))


def user_config_dir() -> Path:
    home = _home_override()
    if home is not None:
        return home / "config"
    return Path(_platformdirs().user_config_dir(APP, appauthor=False))


def user_templates_dir() -> Path:
    return user_data_dir() / "templates"


def recovery_dir() -> Path:
    return user_data_dir() / "recovery"


def log_file() -> Path:
    return user_config_dir() / "banmian.log"


def settings_file() -> Path:
    """The editor's settings (recent files, language, window layout): an INI file
    that QSettings reads and writes (``QSettings(str(path), QSettings.Format.IniFormat)``).

    An INI file in :func:`user_config_dir` rather than QSettings' native store
    (the registry on Windows, a plist on macOS): one folder holds all of a user's
    Banmian configuration, ``BANMIAN_HOME`` moves it with everything else, and a
    newsroom's IT can copy or pre-seed it on every desk."""
    return user_config_dir() / "settings.ini"


RECOVERY_SUFFIX = ".banmian-recovery"


def recovery_path(path: Path | None, key: str | None = None) -> Path:
    """The recovery file of a document: in the user's data folder, keyed by the document's path.

    Never beside the document, so a read-only folder or a bundled sample does not
    stop autosave, and nothing is written into an install folder.  An untitled
    page has none, so ``key`` tells its window's apart (two untitled windows must
    never autosave over each other); without a key it is ``untitled``.
    """
    if path is None:
        return recovery_dir() / ("untitled" + (f"-{key}" if key else "") + RECOVERY_SUFFIX)
    p = Path(path).absolute()
    key = hashlib.sha256(os.fsencode(str(p))).hexdigest()[:16]
    stem = "".join(c if c.isalnum() or c in "-_." else "_" for c in p.stem)[:40]
    return recovery_dir() / f"{stem}-{key}{RECOVERY_SUFFIX}"


def untitled_key(recovery_file: Path) -> str | None:
    """The key of an untitled page's recovery file (None for the plain ``untitled`` one)."""
    stem = Path(recovery_file).name[: -len(RECOVERY_SUFFIX)]
    return stem[len("untitled-"):] if stem.startswith("untitled-") else None
