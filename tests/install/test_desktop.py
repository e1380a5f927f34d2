"""banmian install-desktop: menu entry, MIME type and icons in an XDG data folder."""
import configparser
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from banmian import integration
from banmian.cli import EXIT_OK, EXIT_UNAVAILABLE, main
from banmian.core import paths

MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"

EXPECTED = [
    "applications/banmian.desktop",
    "mime/packages/banmian.xml",
    "icons/hicolor/scalable/apps/banmian.svg",
    "icons/hicolor/scalable/mimetypes/application-x-banmian-layout.svg",
    "icons/hicolor/256x256/apps/banmian.png",
    "icons/hicolor/48x48/apps/banmian.png",
    "icons/hicolor/16x16/apps/banmian.png",
]


def _entry(path: Path) -> dict:
    cp = configparser.RawConfigParser(interpolation=None)
    cp.optionxform = str
    cp.read(path, encoding="utf-8")
    return dict(cp["Desktop Entry"])


@pytest.mark.core
def test_install_desktop_user_writes_the_files(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert main(["install-desktop", "--user"]) == EXIT_OK
    out = capsys.readouterr().out
    for rel in EXPECTED:
        assert (tmp_path / rel).is_file(), rel
        assert str(tmp_path / rel) in out
    e = _entry(tmp_path / "applications" / "banmian.desktop")
    assert e["Type"] == "Application" and e["Icon"] == "banmian" and e["Name[zh_CN]"] == "版面"
    assert e["MimeType"] == "application/x-banmian-layout;"
    cmd, arg = e["Exec"].rsplit(" ", 1)
    assert arg == "%f"
    exe = cmd.split(" ")[0].strip('"')
    assert Path(exe).is_absolute() and Path(exe).exists()      # this install's command, not a PATH lookup
    # the MIME type: glob and magic
    mt = ET.parse(tmp_path / "mime" / "packages" / "banmian.xml").getroot().find(f"{MIME_NS}mime-type")
    assert mt.get("type") == "application/x-banmian-layout"
    assert mt.find(f"{MIME_NS}glob").get("pattern") == "*.banmian.json"
    assert mt.find(f"{MIME_NS}magic/{MIME_NS}match").get("value") == '"banmian/1"'
    assert (tmp_path / "icons/hicolor/256x256/apps/banmian.png").read_bytes() == \
        (paths.icons_dir() / "banmian-256.png").read_bytes()


@pytest.mark.core
def test_default_is_the_user_folder_and_uninstall_removes(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert main(["install-desktop"]) == EXIT_OK
    assert all((tmp_path / rel).is_file() for rel in EXPECTED)
    assert main(["install-desktop", "--uninstall"]) == EXIT_OK
    assert not any((tmp_path / rel).exists() for rel in EXPECTED)
    assert "removed" in capsys.readouterr().out


@pytest.mark.core
def test_prefix(tmp_path, capsys):
    assert main(["install-desktop", "--prefix", str(tmp_path / "share")]) == EXIT_OK
    assert (tmp_path / "share" / "applications" / "banmian.desktop").is_file()


@pytest.mark.core
def test_not_on_windows_or_macos(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.setattr(sys, "platform", "darwin")
    assert main(["install-desktop"]) == EXIT_UNAVAILABLE
    assert "macOS" in capsys.readouterr().err
    assert not any(tmp_path.iterdir())


@pytest.mark.core
def test_exec_quoting():
    assert integration._exec_arg("/usr/bin/banmian") == "/usr/bin/banmian"
    # spaces → double quotes; then the .desktop string escape doubles the backslash
    assert integration._exec_arg("/home/a b/banmian") == '"/home/a b/banmian"'
    assert integration._exec_arg('a"b') == '"a\\\\"b"'
    assert integration._exec_arg("100%") == "100%%"
    text = integration.desktop_entry(["/opt/x y/python", "-m", "banmian"])
    assert 'Exec="/opt/x y/python" -m banmian %f' in text.splitlines()


def _need(tool):
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} not installed (tools/setup-debian.sh installs it)")


@pytest.mark.core
def test_desktop_entry_is_valid():
    _need("desktop-file-validate")
    p = subprocess.run(["desktop-file-validate", str(paths.desktop_files_dir() / "banmian.desktop")],
                       capture_output=True, text=True)
    assert p.returncode == 0, p.stdout + p.stderr


@pytest.mark.gui
def test_the_desktop_knows_the_layout_type(tmp_path):
    """After install-desktop (with update-mime-database), Qt's MIME database — what a file
    manager asks — says a *.banmian.json is a Banmian layout, and so is a plain .json
    layout when the content is looked at; other JSON is not."""
    _need("update-mime-database")
    data = tmp_path / "share"
    files, notes = integration.install_desktop(data)
    assert "update-mime-database: ok" in notes
    page = paths.templates_dir() / "sikai.json"
    (tmp_path / "a.banmian.json").write_bytes(page.read_bytes())
    (tmp_path / "b.json").write_bytes(page.read_bytes())
    (tmp_path / "c.json").write_text('{"format": "other"}', encoding="utf-8")
    code = ("import sys\nfrom PySide6.QtCore import QMimeDatabase as D\ndb = D()\n"
            "print(db.mimeTypeForFile(sys.argv[1]).name())\n"
            "for f in sys.argv[2:]: print(db.mimeTypeForFile(f, D.MatchMode.MatchContent).name())\n")
    env = dict(os.environ, XDG_DATA_HOME=str(data))
    p = subprocess.run([sys.executable, "-c", code, "a.banmian.json", "b.json", "c.json"], cwd=tmp_path,
                       env=env, capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    got = p.stdout.split()
    assert got[:2] == ["application/x-banmian-layout", "application/x-banmian-layout"], got
    assert got[2] != "application/x-banmian-layout", got
