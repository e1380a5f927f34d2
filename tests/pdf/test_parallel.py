"""A many-page export painted in two processes writes the serial export's bytes; a first
export (empty cache folder) writes the same file as a warm one; the command line's preflight
in a second process still refuses before anything is written."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


EPOCH = "1700000000"


def _issue(tmp_path: Path, pages: int) -> Path:
    """The sample page as a ``pages``-page issue beside a copy of its images."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
    from seedpage import sample_issue
    return sample_issue(tmp_path, pages)


def _export(path: Path, out: Path, workers: int, **kw):
    from banmian.core.io import load_document
    from banmian.core.typeset.layout import layout_document
    from banmian.render.pdf import export_pdf
    doc = load_document(path)
    result = layout_document(doc, None, base_dir=path.parent)
    kw.setdefault("source_name", path.name)       # the slug names the layout, not the PDF
    return export_pdf(doc, result, out, base_dir=path.parent, workers=workers, **kw)


_RUN = """
import json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from tests.pdf.test_parallel import _export
from banmian.render.pdf import parallel
calls, done = [], []
real = parallel.paint_in_two
parallel.paint_in_two = lambda *a, **k: calls.append(a[3]) or real(*a, **k)
pdfx = None if sys.argv[5] == "none" else sys.argv[5]
rep = _export(Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]), pdfx=pdfx, fork_images=int(sys.argv[4]) > 1,
              progress=lambda n, t: done.append([n, t]))
print(json.dumps({"calls": calls, "done": done, "pages": rep.pages, "fonts": rep.fonts, "images": rep.images,
                  "knockouts": rep.knockouts, "warnings": rep.warnings}))
"""


def _export_in_process(path: Path, out: Path, workers: int, pdfx: str, home: Path | None = None):
    """One export in a fresh interpreter (as the command line makes it: a second export in
    the same process numbers its private-use codes on from the first's)."""
    import json
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH, BANMIAN_HOME=str(home or path.parent / "home"))
    env.pop("BANMIAN_SERIAL", None)
    r = subprocess.run([sys.executable, "-c", _RUN, str(Path(__file__).resolve().parents[2]), str(path), str(out),
                        str(workers), pdfx], capture_output=True, text=True, env=env)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("pdfx", ["4", "none"])
def test_two_processes_write_the_serial_bytes(tmp_path, pdfx):
    from banmian.render.pdf import parallel
    path = _issue(tmp_path, 5)
    serial = _export_in_process(path, tmp_path / "serial.pdf", 1, pdfx)
    assert serial["calls"] == []
    par = _export_in_process(path, tmp_path / "parallel.pdf", 2, pdfx)
    assert par["calls"] == [parallel.balance(5)] and 0 < par["calls"][0] < 5   # pages split between two processes
    assert par["done"][-1] == [5, 5]
    a, b = (tmp_path / "serial.pdf").read_bytes(), (tmp_path / "parallel.pdf").read_bytes()
    assert a == b
    for key in ("pages", "fonts", "knockouts", "warnings"):
        assert par[key] == serial[key], key
    # the same images (the serial run converted the photo, the parallel one found it cached)
    assert [dict(i, cached=None) for i in par["images"]] == [dict(i, cached=None) for i in serial["images"]]
    assert par["pages"] == 5
    # every page carries its own text (the parent's pages and the child's alike)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "parallel.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout.split("\f")
    assert sum(1 for t in text if "主席" in t) == 5


def test_first_export_converts_its_photo_in_a_second_process(tmp_path):
    """One page, empty cache folders: with two workers the photo is converted by a forked
    process (the export then reads it from the cache it wrote), with one in a thread here;
    the same file either way."""
    path = _issue(tmp_path, 1)
    two = _export_in_process(path, tmp_path / "two.pdf", 2, "4", home=tmp_path / "home-two")
    one = _export_in_process(path, tmp_path / "one.pdf", 1, "4", home=tmp_path / "home-one")
    assert two["calls"] == one["calls"] == []          # one page: no second painter
    assert [i.get("cached") for i in two["images"]] == [True]
    assert [i.get("cached") for i in one["images"]] == [None]
    assert list((tmp_path / "home-two" / "cache" / "images").iterdir())
    assert (tmp_path / "two.pdf").read_bytes() == (tmp_path / "one.pdf").read_bytes()


def test_reproducible_without_the_epoch_only_in_ids(tmp_path, monkeypatch):
    """Without SOURCE_DATE_EPOCH two exports differ (random subset tags, fresh ids); with it
    they do not — the switch the byte comparisons above rest on."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    path = _issue(tmp_path, 1)
    _export(path, tmp_path / "a.pdf", 1)
    _export(path, tmp_path / "b.pdf", 1)
    assert (tmp_path / "a.pdf").read_bytes() != (tmp_path / "b.pdf").read_bytes()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    _export(path, tmp_path / "c.pdf", 1)
    _export(path, tmp_path / "d.pdf", 1)
    assert (tmp_path / "c.pdf").read_bytes() == (tmp_path / "d.pdf").read_bytes()


def test_a_failing_child_fails_the_export_and_keeps_the_old_file(tmp_path, monkeypatch):
    from banmian.render.pdf import ExportError, painter
    path = _issue(tmp_path, 4)
    out = tmp_path / "out.pdf"
    out.write_bytes(b"old")
    real = painter.PdfPainter.end_page

    def end_page(self):
        if self.state_only:             # only the child walks pages in state mode
            raise ExportError("boom in the child")
        real(self)
    monkeypatch.setattr(painter.PdfPainter, "end_page", end_page)
    with pytest.raises(ExportError, match="boom in the child"):
        _export(path, out, 2)
    assert out.read_bytes() == b"old"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.pdf.")]


def _cli(args, home: Path, **env):
    e = {k: v for k, v in os.environ.items() if k not in ("BANMIAN_SERIAL",)}
    e.update(BANMIAN_HOME=str(home), SOURCE_DATE_EPOCH=EPOCH, **env)
    return subprocess.run([sys.executable, "-m", "banmian.cli", *args], capture_output=True, text=True, env=e)


def test_first_export_with_an_empty_cache_writes_the_warm_file(tmp_path):
    path = _issue(tmp_path, 1)
    home = tmp_path / "home"
    cold = _cli(["export", str(path), "-o", str(tmp_path / "cold.pdf"), "--force"], home)
    assert cold.returncode == 0, cold.stderr
    assert list((home / "cache").glob("fontmetrics-*.bin")) and list((home / "cache" / "images").iterdir())
    warm = _cli(["export", str(path), "-o", str(tmp_path / "warm.pdf"), "--force"], home)
    assert warm.returncode == 0, warm.stderr
    serial = _cli(["export", str(path), "-o", str(tmp_path / "serial.pdf"), "--force"], home, BANMIAN_SERIAL="1")
    assert serial.returncode == 0, serial.stderr
    data = (tmp_path / "cold.pdf").read_bytes()
    assert data == (tmp_path / "warm.pdf").read_bytes() == (tmp_path / "serial.pdf").read_bytes()


def test_cli_preflight_in_a_second_process_still_refuses(tmp_path):
    """A layout with a preflight error: refused (exit 2), the old file untouched, the same
    findings printed as the serial run prints."""
    from banmian.core.io import load_document, save_document
    path = _issue(tmp_path, 1)
    doc = load_document(path)
    from banmian.core.model.document import ImageFrame
    for f in doc.pages[0].frames:
        if isinstance(f, ImageFrame):
            f.path = "images/missing.jpg"
    save_document(doc, path)
    out = tmp_path / "out.pdf"
    out.write_bytes(b"old")
    par = _cli(["export", str(path), "-o", str(out)], tmp_path / "home")
    ser = _cli(["export", str(path), "-o", str(out)], tmp_path / "home", BANMIAN_SERIAL="1")
    assert par.returncode == ser.returncode == 2
    assert out.read_bytes() == b"old" and "missing.jpg" in par.stderr
    assert par.stderr == ser.stderr
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.pdf.")]
