"""The wheel works anywhere (tools/check_wheel.py), and the pieces it relies on."""
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from banmian.cli import EXIT_OK, EXIT_USAGE, EXIT_WARNINGS, main
from tests.pdf.conftest import layout_or_skip, make_document, make_photo

ROOT = Path(__file__).resolve().parents[2]


def _check_wheel():
    spec = importlib.util.spec_from_file_location("check_wheel", ROOT / "tools" / "check_wheel.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _export(doc, folder: Path, photo_size=(600, 400)) -> Path:
    from banmian.render.pdf import export_pdf
    layout_document = layout_or_skip()
    folder.mkdir(parents=True, exist_ok=True)
    make_photo(folder / "photo.png", photo_size)
    out = folder / "out.pdf"
    export_pdf(doc, layout_document(doc, None, base_dir=folder), out, base_dir=folder, source_name="t.json")
    return out


@pytest.mark.pdf
def test_compare_pdfs_sees_positions_text_and_images(tmp_path):
    compare = _check_wheel().compare_pdfs
    a = _export(make_document(), tmp_path / "a")
    same = _export(make_document(), tmp_path / "b")       # another folder: the image has another name
    assert compare(a, same) == []

    moved = make_document()
    body = next(f for f in moved.pages[0].frames if f.id == "f-body")
    body.x += 0.1                                          # a tenth of a millimetre
    assert any("content operator" in p for p in compare(a, _export(moved, tmp_path / "c")))

    retyped = make_document()
    run = retyped.stories[1].blocks[0].runs[0]
    run.text = run.text.replace("四十二", "四十三")
    probs = compare(a, _export(retyped, tmp_path / "d"))
    assert probs and any("pdftotext" in p or "content operator" in p for p in probs)

    other_photo = _export(make_document(), tmp_path / "e", photo_size=(600, 401))
    assert compare(a, other_photo)


@pytest.mark.pdf
def test_export_and_preflight_of_the_bundled_sample(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("BANMIAN_HOME", str(tmp_path / "home"))
    out = tmp_path / "x.pdf"
    assert main(["export", "--sample", "-o", str(out)]) == EXIT_OK
    assert out.read_bytes().startswith(b"%PDF")
    assert "x.pdf: 1 page" in capsys.readouterr().out
    # the sample's article 2 has no headline yet and its 报眉 still says 2024年×月×日: warnings,
    # which never stop an export (above), only make preflight say so (exit 1)
    assert main(["preflight", "--sample"]) == EXIT_WARNINGS
    out = capsys.readouterr().out
    assert "zhuxi-luntan.json: 0 个错误" in out and "empty_headline" in out
    assert main(["preflight", "--sample", "some.json"]) == EXIT_USAGE
    assert "not both" in capsys.readouterr().err
    assert main(["export", "-o", str(tmp_path / "y.pdf")]) == EXIT_USAGE
    assert "--sample" in capsys.readouterr().err
    assert not (tmp_path / "y.pdf").exists()


# the editor's start (banmian.gui.app.run) to its first paint, then what it set on the application
RUN_EDITOR = """
import sys
from banmian.gui import app as a
code = a.run(sys.argv[1])
from PySide6.QtWidgets import QApplication
q = QApplication.instance()
print("icon", sorted(s.width() for s in q.windowIcon().availableSizes()), q.desktopFileName())
sys.exit(code)
"""


@pytest.mark.gui
def test_editor_start_settings_ini_and_window_icon(tmp_path):
    from banmian.core import paths
    page = tmp_path / "page.json"
    page.write_bytes(paths.templates_dir().joinpath("sikai.json").read_bytes())
    env = dict(os.environ, BANMIAN_HOME=str(tmp_path / "home"), BANMIAN_EXIT_WHEN_READY="1",
               QT_QPA_PLATFORM="offscreen")
    p = subprocess.run([sys.executable, "-c", RUN_EDITOR, str(page)], env=env, cwd=tmp_path,
                       capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    assert "ready" in p.stdout
    # the window/taskbar icon: the PNG sizes (and the SVG) plus the desktop file id
    assert "icon [16, 48, 256" in p.stdout and p.stdout.rstrip().endswith("banmian"), p.stdout
    ini = tmp_path / "home" / "config" / "settings.ini"
    assert ini.is_file()
    assert "page.json" in ini.read_text(encoding="utf-8")   # the recent-files list


@pytest.mark.install
@pytest.mark.timeout(1500)
def test_wheel_installs_and_runs_anywhere(tmp_path):
    """Build the wheel, install it into a fresh venv outside the clone, run it (1–2 minutes)."""
    p = subprocess.run([sys.executable, str(ROOT / "tools" / "check_wheel.py"), "--work", str(tmp_path / "w")],
                       capture_output=True, text=True, timeout=1450)
    print(p.stdout)
    assert p.returncode == 0, p.stdout[-3000:] + p.stderr[-3000:]
    assert "check_wheel: passed" in p.stdout
