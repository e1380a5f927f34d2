"""Desktop integration on freedesktop.org desktops (Linux, the BSDs): ``banmian install-desktop``.

Installs, into an XDG data folder (``$XDG_DATA_HOME``, i.e. ``~/.local/share``,
with ``--user``, the default; ``/usr/local/share`` with ``--system``):

* ``applications/banmian.desktop`` — the menu entry, its ``Exec`` the absolute
  command of *this* install (the venv's ``banmian`` script, or the bundle's
  executable), so it works whether or not that folder is on ``PATH``;
* ``mime/packages/banmian.xml`` — the MIME type ``application/x-banmian-layout``:
  the glob ``*.banmian.json`` and a magic match on ``"banmian/1"`` near the start
  of a file, so layouts open in Banmian from a file manager;
* ``icons/hicolor/{scalable,256x256,48x48,16x16}/apps/banmian.*`` and the
  layout type's icon ``icons/hicolor/scalable/mimetypes/application-x-banmian-layout.svg``;

then refreshes the desktop's caches with ``update-desktop-database``,
``update-mime-database`` and ``gtk-update-icon-cache`` where they are installed
(each is optional: without it the files are still right, the desktop just
notices them at next login).  No Qt here; the files come from the installed
package (:func:`banmian.core.paths.desktop_files_dir`, :func:`~banmian.core.paths.icons_dir`).

Windows and macOS have no such folders: there a shortcut / the app bundle plays
this part, and :func:`install_desktop` raises :class:`Unsupported`.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

from .core import paths

APP_ID = "banmian"                       # the .desktop file id; QGuiApplication.setDesktopFileName
MIME_TYPE = "application/x-banmian-layout"
GLOB = "*.banmian.json"


class Unsupported(Exception):
    pass


def user_data_home() -> Path:
    v = os.environ.get("XDG_DATA_HOME")
    return Path(v) if v and Path(v).is_absolute() else Path.home() / ".local" / "share"


SYSTEM_DATA_HOME = Path("/usr/local/share")


def launch_command() -> list[str]:
    """The command that starts this install of Banmian."""
    if getattr(sys, "frozen", False):            # a PyInstaller bundle: its executable
        return [sys.executable]
    name = "banmian.exe" if os.name == "nt" else "banmian"
    for folder in (Path(sys.executable).parent, Path(sysconfig.get_path("scripts"))):
        if (folder / name).is_file():
            return [str(folder / name)]
    return [sys.executable, "-m", "banmian"]


def _exec_arg(arg: str) -> str:
    """One argument of a .desktop Exec line (Desktop Entry spec: quoting, then string escapes)."""
    if arg and not any(c in arg for c in ' \t\n"\'\\><~|&;$*?#()`='):
        q = arg
    else:
        q = '"' + "".join("\\" + c if c in '"`$\\' else c for c in arg) + '"'
    return q.replace("\\", "\\\\").replace("%", "%%")


def desktop_entry(command: list[str] | None = None) -> str:
    """The packaged banmian.desktop with its Exec line pointing at ``command``."""
    text = (paths.desktop_files_dir() / "banmian.desktop").read_text(encoding="utf-8")
    exec_line = "Exec=" + " ".join(_exec_arg(a) for a in (command or launch_command())) + " %f"
    out = [exec_line if line.startswith("Exec=") else line for line in text.splitlines()]
    return "\n".join(out) + "\n"


def _targets(data_home: Path) -> dict[Path, Path | None]:
    """Installed file → packaged source (None: generated, the .desktop entry)."""
    icons, hicolor = paths.icons_dir(), data_home / "icons" / "hicolor"
    t: dict[Path, Path | None] = {
        data_home / "applications" / f"{APP_ID}.desktop": None,
        data_home / "mime" / "packages" / f"{APP_ID}.xml": paths.desktop_files_dir() / "banmian-mime.xml",
        hicolor / "scalable" / "apps" / f"{APP_ID}.svg": icons / "banmian.svg",
        hicolor / "scalable" / "mimetypes" / (MIME_TYPE.replace("/", "-") + ".svg"): icons / "banmian.svg",
    }
    for size in (256, 48, 16):
        t[hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"] = icons / f"banmian-{size}.png"
    return t


def _refresh(data_home: Path) -> list[str]:
    steps = [
        ("update-desktop-database", ["-q", str(data_home / "applications")]),
        ("update-mime-database", [str(data_home / "mime")]),
        ("gtk-update-icon-cache", ["-q", "-t", "-f", str(data_home / "icons" / "hicolor")]),
    ]
    notes = []
    for tool, args in steps:
        exe = shutil.which(tool)
        if exe is None:
            notes.append(f"{tool}: not installed, skipped (the desktop picks the files up at next login)")
            continue
        p = subprocess.run([exe, *args], capture_output=True, text=True)
        notes.append(f"{tool}: " + ("ok" if p.returncode == 0 else
                                    f"failed (exit {p.returncode}): {(p.stderr or p.stdout).strip()[:200]}"))
    return notes


def _check_platform() -> None:
    if os.name == "nt" or sys.platform == "darwin":
        raise Unsupported("banmian install-desktop is for Linux/BSD desktops (freedesktop.org); on "
                          f"{'Windows' if os.name == 'nt' else 'macOS'} make a shortcut to the bundle's "
                          "banmian executable instead (README: Windows)")


def install_desktop(data_home: Path | None = None, *, command: list[str] | None = None,
                    refresh: bool = True) -> tuple[list[Path], list[str]]:
    """Install the menu entry, MIME type and icons; return (files written, notes of the cache refresh)."""
    _check_platform()
    data_home = Path(data_home) if data_home else user_data_home()
    written = []
    for target, source in _targets(data_home).items():
        target.parent.mkdir(parents=True, exist_ok=True)
        if source is None:
            target.write_text(desktop_entry(command), encoding="utf-8")
        else:
            shutil.copyfile(source, target)
        written.append(target)
    return written, (_refresh(data_home) if refresh else [])


def uninstall_desktop(data_home: Path | None = None, *, refresh: bool = True) -> tuple[list[Path], list[str]]:
    """Remove what :func:`install_desktop` wrote; return (files removed, notes)."""
    _check_platform()
    data_home = Path(data_home) if data_home else user_data_home()
    removed = []
    for target in _targets(data_home):
        if target.is_file():
            target.unlink()
            removed.append(target)
    return removed, (_refresh(data_home) if refresh else [])
