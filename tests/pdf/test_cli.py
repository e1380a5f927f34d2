"""`banmian export / preflight / proof`: exit codes, --force, messages, never a traceback."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from banmian.cli import EXIT_ERRORS, EXIT_INPUT, EXIT_OK, EXIT_USAGE, EXIT_WARNINGS, main
from banmian.core.io import save_document
from banmian.core.model.document import TextFrame

from .conftest import layout_or_skip, make_document, make_photo

pytestmark = pytest.mark.pdf
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def layout_file(tmp_path):
    layout_or_skip()
    make_photo(tmp_path / "photo.png")
    path = tmp_path / "page.json"
    save_document(make_document(), path)
    return path


@pytest.fixture
def broken_link_file(tmp_path):
    """A page whose photo link is missing: a preflight error."""
    layout_or_skip()
    path = tmp_path / "broken.json"
    save_document(make_document(photo_name="gone.jpg"), path)
    return path


def test_export_ok(layout_file, tmp_path, capsys):
    out = tmp_path / "out.pdf"
    assert main(["export", str(layout_file), "-o", str(out)]) == EXIT_OK
    assert out.read_bytes().startswith(b"%PDF-1.6")
    assert "PDF/X-4" in capsys.readouterr().out


def test_export_options(layout_file, tmp_path):
    out = tmp_path / "x1a.pdf"
    assert main(["export", str(layout_file), "-o", str(out), "--pages", "1", "--no-marks",
                 "--ink-limit", "220", "--pdfx", "1a",
                 "--profile", str(ROOT / "resources/icc/ISOcoated_v2_300_bas.icc")]) == EXIT_OK
    assert out.read_bytes().startswith(b"%PDF-1.3")


def test_export_refused_on_preflight_errors_unless_forced(broken_link_file, tmp_path, capsys):
    out = tmp_path / "out.pdf"
    assert main(["export", str(broken_link_file), "-o", str(out)]) == EXIT_ERRORS
    err = capsys.readouterr().err
    assert "error image_missing" in err and "gone.jpg" in err and "--force" in err
    assert not out.exists()
    assert main(["export", str(broken_link_file), "-o", str(out), "--force"]) == EXIT_OK
    assert out.exists()


def test_preflight_exit_codes_and_json(layout_file, broken_link_file, tmp_path, capsys):
    assert main(["preflight", str(layout_file)]) == EXIT_OK          # info (RGB photo) only
    capsys.readouterr()
    assert main(["preflight", str(broken_link_file), "--json"]) == EXIT_ERRORS
    data = json.loads(capsys.readouterr().out)
    assert data["exit"] == 2 and data["counts"]["error"] >= 1
    assert any(f["code"] == "image_missing" for f in data["findings"])
    # an empty text frame: warnings only -> 1
    from banmian.core.io import load_document
    doc = load_document(layout_file)
    doc.pages[0].frames.append(TextFrame("empty", 20, 20, 10, 10))
    warn = tmp_path / "warn.json"
    save_document(doc, warn)
    assert main(["preflight", str(warn)]) == EXIT_WARNINGS


def test_bad_files_exit_3(tmp_path, capsys):
    assert main(["export", str(tmp_path / "nope.json"), "-o", str(tmp_path / "o.pdf")]) == EXIT_INPUT
    assert "no such file" in capsys.readouterr().err
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "banmian/1", "pages": [{"id": "p", "frames": [{"id": "f", "kind": "text", '
                   '"x": 0, "y": 0, "w": 1, "h": 1, "columns": "two"}]}]}', encoding="utf-8")
    assert main(["preflight", str(bad)]) == EXIT_INPUT
    err = capsys.readouterr().err
    assert "columns" in err and "Traceback" not in err


def test_usage_errors_are_64(layout_file, tmp_path, capsys):
    with pytest.raises(SystemExit) as e:
        main(["export", str(layout_file)])
    assert e.value.code == EXIT_USAGE
    assert main(["export", str(layout_file), "-o", str(tmp_path / "o.pdf"), "--pages", "7"]) == EXIT_USAGE


def test_help_documents_exit_codes():
    r = subprocess.run([sys.executable, "-m", "banmian.cli", "export", "--help"], capture_output=True,
                       text=True, cwd=ROOT)
    assert r.returncode == 0 and "exit codes:" in r.stdout and "--force" in r.stdout


def test_whole_process_export_no_traceback_and_no_qt(layout_file, broken_link_file, tmp_path):
    code = ("import sys, runpy; sys.argv=['banmian']+sys.argv[1:]; "
            "from banmian.cli import main; rc=main(); "
            "assert not any(m.startswith('PySide6') for m in sys.modules), 'export imported Qt'; sys.exit(rc)")
    r = subprocess.run([sys.executable, "-c", code, "export", str(layout_file), "-o", str(tmp_path / "a.pdf")],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    r = subprocess.run([sys.executable, "-m", "banmian.cli", "export", str(broken_link_file), "-o",
                        str(tmp_path / "b.pdf")], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert all(line.startswith(("error ", "warning ", "导出已取消")) for line in r.stderr.splitlines())


def test_proof_writes_pngs(layout_file, tmp_path):
    pytest.importorskip("PySide6")
    if not (ROOT / "desktop/render/qt.py").exists():
        pytest.skip("desktop/render/qt.py not there yet")
    outdir = tmp_path / "proofs"
    r = subprocess.run([sys.executable, "-m", "banmian.cli", "proof", str(layout_file), "-o", str(outdir),
                        "--dpi", "72"], capture_output=True, text=True, cwd=ROOT,
                       env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert r.returncode == 0, r.stderr
    pngs = sorted(outdir.glob("*.png"))
    assert [p.name for p in pngs] == ["page-1.png"]
    from PIL import Image
    with Image.open(pngs[0]) as im:
        assert abs(im.width - round(160 / 25.4 * 72)) <= 1
