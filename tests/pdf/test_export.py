"""The exported PDF, opened and checked with pikepdf and the poppler/Ghostscript/qpdf tools (PRINT.md)."""
from __future__ import annotations

import os
import re
import subprocess

import pytest

from banmian.core.model.units import PT_PER_MM
from banmian.core.typeset.result import GlyphRun

from .conftest import need

pytestmark = pytest.mark.pdf


def run(*cmd) -> subprocess.CompletedProcess:
    need(cmd[0])
    return subprocess.run([str(c) for c in cmd], capture_output=True, text=True, timeout=120)


def boxes(path) -> dict[str, tuple[float, ...]]:
    out = run("pdfinfo", "-box", path).stdout
    got = {}
    for name in ("MediaBox", "CropBox", "BleedBox", "TrimBox"):
        m = re.search(rf"^{name}:\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)", out, re.M)
        got[name] = tuple(float(v) for v in m.groups())
    return got


# ------------------------------------------------------------------ fonts

def test_every_font_embedded_subset_with_tounicode(exported):
    for path in exported["paths"].values():
        out = run("pdffonts", path).stdout.splitlines()[2:]
        assert out, "no fonts listed"
        for line in out:
            cols = line.split()
            name, emb, sub, uni = cols[0], cols[-5], cols[-4], cols[-3]
            assert (emb, sub, uni) == ("yes", "yes", "yes"), line
            assert re.fullmatch(r"[A-Z]{6}\+Banmian[A-Za-z-]+", name), line
        assert not any("Helvetica" in line for line in out)


def test_subset_names_differ_between_exports(exported):
    def names(p):
        return {line.split()[0] for line in run("pdffonts", p).stdout.splitlines()[2:]}
    a, b = names(exported["paths"]["marks"]), names(exported["paths"]["again"])
    assert a and b and not (a & b)


def test_glyphs_at_the_engines_positions(sample, exported):
    """Replay the content stream (Tf, Tm, TJ with /Widths) and compare with the display list."""
    import pikepdf
    doc, result, base = sample
    page_r = result.pages[0]
    with pikepdf.open(exported["paths"]["nomarks"]) as pdf:
        page = pdf.pages[0]
        fonts = page.Resources.Font
        trim = [float(v) for v in page.TrimBox]
        got = []
        size = 0.0
        widths = first = None
        x = y = 0.0
        for operands, op in pikepdf.parse_content_stream(page):
            op = str(op)
            if op == "Tf":
                f = fonts[str(operands[0])]
                widths, first, size = [float(w) for w in f.Widths], int(f.FirstChar), float(operands[1])
            elif op == "Tm":
                x, y = float(operands[4]), float(operands[5])
            elif op in ("Tj", "TJ"):
                items = operands[0] if op == "TJ" else [operands[0]]
                for it in items:
                    if isinstance(it, pikepdf.String):
                        for code in bytes(it):
                            got.append((round(x, 2), round(y, 2)))
                            x += widths[code - first] / 1000 * size
                    else:
                        x -= float(it) / 1000 * size
    want = []
    for run_ in page_r.items:
        if isinstance(run_, GlyphRun):
            for gx in run_.xs:
                want.append((round(trim[0] + gx, 2), round(trim[3] - run_.y, 2)))
    assert len(got) == len(want)
    for (gx, gy), (wx, wy) in zip(sorted(got), sorted(want)):
        assert abs(gx - wx) <= 0.011 and abs(gy - wy) <= 0.011


def test_text_comes_back_in_order(sample, exported):
    doc, result, base = sample
    text = run("pdftotext", "-raw", exported["paths"]["nomarks"], "-").stdout
    flat = re.sub(r"\s+", "", text)
    for story in doc.stories:
        want = re.sub(r"\s+", "", story.text)
        assert want in flat, story.id


# ------------------------------------------------------------------ page geometry

def test_trim_and_bleed_boxes(sample, exported):
    doc, result, base = sample
    page = doc.pages[0]
    for key in ("marks", "nomarks"):
        b = boxes(exported["paths"][key])
        tx0, ty0, tx1, ty1 = b["TrimBox"]
        assert abs((tx1 - tx0) / PT_PER_MM - page.width) < 0.01
        assert abs((ty1 - ty0) / PT_PER_MM - page.height) < 0.01
        bx0, by0, bx1, by1 = b["BleedBox"]
        for got, want in ((bx0, tx0 - 3 * PT_PER_MM), (by0, ty0 - 3 * PT_PER_MM),
                          (bx1, tx1 + 3 * PT_PER_MM), (by1, ty1 + 3 * PT_PER_MM)):
            assert abs(got - want) < 0.01 * PT_PER_MM + 0.006
        mx0, my0, mx1, my1 = b["MediaBox"]
        if key == "marks":
            assert mx0 < bx0 - 20 and mx1 > bx1 + 20      # a slug for the marks
        else:
            assert (mx0, my0, mx1, my1) == pytest.approx((bx0, by0, bx1, by1), abs=0.01)


def test_marks_are_in_the_registration_colour(exported):
    import pikepdf
    with pikepdf.open(exported["paths"]["marks"]) as pdf:
        cs = pdf.pages[0].Resources.ColorSpace
        seps = [v for v in cs.values() if v[0] == pikepdf.Name.Separation]
        assert any(v[1] == pikepdf.Name("/All") for v in seps)
    with pikepdf.open(exported["paths"]["nomarks"]) as pdf:
        assert "/ColorSpace" not in pdf.pages[0].Resources or not any(
            v[1] == pikepdf.Name("/All") for v in pdf.pages[0].Resources.ColorSpace.values())


# ------------------------------------------------------------------ colour

def test_images_are_cmyk(exported):
    lines = run("pdfimages", "-list", exported["paths"]["marks"]).stdout.splitlines()[2:]
    assert lines, "no image in the PDF"
    for line in lines:
        cols = line.split()
        assert cols[5] == "cmyk", line
        assert cols[8] in ("jpeg", "image"), line
        assert float(cols[12]) <= 300.5 and float(cols[13]) <= 300.5, line   # downsampled to ≤ 300 ppi


def test_no_rgb_anywhere(exported):
    import pikepdf
    with pikepdf.open(exported["paths"]["marks"]) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
                assert obj.get("/ColorSpace") != pikepdf.Name.DeviceRGB
        for page in pdf.pages:
            ops = {str(op) for _, op in pikepdf.parse_content_stream(page)}
            assert not ops & {"rg", "RG", "g", "G"}, ops & {"rg", "RG", "g", "G"}


def test_canvas_refuses_rgb():
    from banmian.render.pdf import _enforce_cmyk
    from reportlab.lib.colors import CMYKColor, Color
    with pytest.raises(ValueError):
        _enforce_cmyk(Color(1, 0, 0))
    with pytest.raises(ValueError):
        _enforce_cmyk(Color(0.5, 0.5, 0.5))      # even a grey
    assert _enforce_cmyk(CMYKColor(0, 0, 0, 1)) is not None


def test_black_text_overprints(exported):
    import pikepdf
    with pikepdf.open(exported["paths"]["marks"]) as pdf:
        page = pdf.pages[0]
        gstates = page.Resources.ExtGState
        op = opm = False
        fill = None
        stack = []
        checked = 0
        for operands, o in pikepdf.parse_content_stream(page):
            o = str(o)
            if o == "gs":
                g = gstates[str(operands[0])]
                if "/op" in g:
                    op = bool(g.op)
                if "/OPM" in g:
                    opm = int(g.OPM) == 1
            elif o == "k":
                fill = tuple(float(v) for v in operands)
            elif o in ("cs", "sc", "scn"):
                fill = None                       # a separation (the registration colour)
            elif o == "q":
                stack.append((op, opm, fill))
            elif o == "Q":
                op, opm, fill = stack.pop()
            elif o in ("Tj", "TJ") and fill == (0, 0, 0, 1):
                assert op and opm, "100 % K text must overprint (op true, OPM 1)"
                checked += 1
        assert checked > 0


def test_ink_within_limit_inside_bleed(exported):
    """Ghostscript tiff32nc at 72 dpi: every pixel's C+M+Y+K ≤ 240 % (marks off: page = BleedBox)."""
    need("gs")
    import numpy as np
    from PIL import Image
    tif = exported["dir"] / "ink.tif"
    r = run("gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=tiff32nc", "-r72", f"-o{tif}",
            exported["paths"]["nomarks"])
    assert r.returncode == 0, r.stderr
    arr = np.asarray(Image.open(tif)).astype(np.int32)
    assert arr.shape[-1] == 4
    assert arr.sum(axis=-1).max() <= 240 * 2.55 + 1
    assert arr[..., :3].max() > 0, "the photo should carry colour"


def test_lower_ink_limit(sample, tmp_path):
    need("gs")
    import numpy as np
    from PIL import Image
    from banmian.render.pdf import export_pdf
    doc, result, base = sample
    out = tmp_path / "ink200.pdf"
    rep = export_pdf(doc, result, out, base_dir=base, marks=False, ink_limit=200)
    assert all(i["max_ink"] <= 200 for i in rep.images)
    tif = tmp_path / "ink200.tif"
    run("gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=tiff32nc", "-r72", f"-o{tif}", out)
    arr = np.asarray(Image.open(tif)).astype(np.int32)
    assert arr.sum(axis=-1).max() <= 200 * 2.55 + 1


# ------------------------------------------------------------------ PDF/X, structure

def test_output_intent_and_pdfx_metadata(exported):
    import pikepdf
    with pikepdf.open(exported["paths"]["marks"]) as pdf:
        assert pdf.pdf_version == "1.6"
        oi = pdf.Root.OutputIntents[0]
        assert oi.S == pikepdf.Name.GTS_PDFX
        assert int(oi.DestOutputProfile.N) == 4
        assert str(oi.OutputConditionIdentifier) == "CGATS TR 002"   # the default: newsprint coldset
        assert "TR002" in str(oi.Info)
        assert len(oi.DestOutputProfile.read_bytes()) > 1000
        info = pdf.docinfo
        assert str(info.GTS_PDFXVersion) == "PDF/X-4"
        assert info.Trapped == pikepdf.Name("/False")
        xmp = pdf.Root.Metadata.read_bytes().decode("utf-8")
        assert "<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>" in xmp
        assert "测试版" in xmp and "xmp:CreateDate" in xmp and "pdf:Producer" in xmp
        assert len(pdf.trailer.ID) == 2


def test_pdfx_1a(sample, tmp_path):
    import pikepdf
    from banmian.render.pdf import export_pdf
    doc, result, base = sample
    out = tmp_path / "x1a.pdf"
    export_pdf(doc, result, out, base_dir=base, pdfx="1a")
    with pikepdf.open(out) as pdf:
        assert pdf.pdf_version == "1.3"
        assert str(pdf.docinfo.GTS_PDFXVersion) == "PDF/X-1:2001"
        assert str(pdf.docinfo.GTS_PDFXConformance) == "PDF/X-1a:2001"
        assert pdf.Root.OutputIntents[0].S == pikepdf.Name.GTS_PDFX
    assert run("qpdf", "--check", out).returncode == 0


def test_pdfx_is_written_in_one_pass_without_pikepdf(sample, tmp_path):
    """The PDF/X parts are written by reportlab with the file: the export never imports
    pikepdf (a second pass re-reading and re-writing the whole file cost ~35 ms of import
    and 30–150 ms of rewriting), and the file reads back as PDF/X-4 with qpdf."""
    import sys
    doc, result, base = sample
    out = tmp_path / "one.pdf"
    code = (
        "import sys, pickle\n"
        "from banmian.core.io import load_document\n"
        "from banmian.core.typeset.layout import layout_document\n"
        "from banmian.render.pdf import export_pdf\n"
        f"doc = load_document({str(base / 'page.json')!r})\n"
        f"res = layout_document(doc, base_dir={str(base)!r})\n"
        f"export_pdf(doc, res, {str(out)!r}, base_dir={str(base)!r})\n"
        "print('pikepdf' in sys.modules)\n")
    from banmian.core.io import save_document
    save_document(doc, base / "page.json")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                       env=dict(os.environ, BANMIAN_HOME=str(tmp_path / "home")))
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "False"
    assert run("qpdf", "--check", out).returncode == 0
    import pikepdf
    with pikepdf.open(out) as pdf:
        assert pdf.pdf_version == "1.6" and str(pdf.docinfo.GTS_PDFXVersion) == "PDF/X-4"
        assert set(pdf.docinfo.keys()) == {"/Title", "/Creator", "/Producer", "/CreationDate", "/ModDate",
                                           "/Trapped", "/GTS_PDFXVersion"}      # no "anonymous" Author
        assert "/Filter" not in pdf.Root.Metadata.stream_dict                   # the XMP packet in clear


def test_reproducible_ids_come_from_the_content(sample, tmp_path, monkeypatch):
    """SOURCE_DATE_EPOCH: the /ID and the XMP ids are made from the written file (the
    placeholders they are written with never stay), the same for the same file, other ids
    for another page."""
    import pikepdf
    from banmian.render.pdf import export_pdf, pdfx
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    doc, result, base = sample
    paths = [tmp_path / n for n in ("a.pdf", "b.pdf", "c.pdf")]
    for p, marks in zip(paths, (True, True, False)):      # the slug names the layout, not the PDF
        export_pdf(doc, result, p, base_dir=base, marks=marks, source_name="page.json")
    assert paths[0].read_bytes() == paths[1].read_bytes()
    ids = []
    for p in (paths[0], paths[2]):
        data = p.read_bytes()
        for ph in pdfx._PLACEHOLDER_UUIDS:
            assert ph.encode() not in data
        with pikepdf.open(p) as pdf:
            xmp = pdf.Root.Metadata.read_bytes().decode()
            doc_id = xmp.split("<xmpMM:DocumentID>uuid:")[1].split("<")[0]
            assert bytes(pdf.trailer.ID[0]).hex() == doc_id.replace("-", "")
            ids.append((doc_id, bytes(pdf.trailer.ID[1])))
        assert run("qpdf", "--check", p).returncode == 0
    assert ids[0] != ids[1] and ids[0][0] != ids[0][1]


def test_pdfx_1a_refuses_transparency(sample, tmp_path, monkeypatch):
    """X-1a forbids transparency: a graphics state with alpha below 1 calls the export off."""
    from banmian.render.pdf import painter as painter_mod
    from banmian.render.pdf.pdfx import PdfxError
    from banmian.render.pdf import export_pdf
    doc, result, base = sample
    real = painter_mod.PdfPainter.end_page

    def end_page(self):
        self.c.setFillAlpha(0.5)
        real(self)
    monkeypatch.setattr(painter_mod.PdfPainter, "end_page", end_page)
    out = tmp_path / "x1a.pdf"
    with pytest.raises(PdfxError, match="transparency"):
        export_pdf(doc, result, out, base_dir=base, pdfx="1a")
    assert not out.exists()
    export_pdf(doc, result, tmp_path / "x4.pdf", base_dir=base, pdfx="4")     # X-4 allows it


def test_qpdf_check_clean(exported):
    for path in exported["paths"].values():
        r = run("qpdf", "--check", path)
        assert r.returncode == 0, r.stdout + r.stderr
        assert "No syntax or stream encoding errors" in r.stdout


def test_renderers_do_not_complain(exported):
    path = exported["paths"]["marks"]
    r = run("gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=nullpage", path)
    assert r.returncode == 0 and not r.stdout.strip() and not r.stderr.strip(), r.stdout + r.stderr
    r = run("pdftoppm", "-r", "30", "-png", path, str(exported["dir"] / "look"))
    assert r.returncode == 0 and not r.stderr.strip(), r.stderr


def test_progress_and_report(exported):
    assert exported["progress"] == [(1, 1)]
    rep = exported["reports"]["marks"]
    assert rep.pages == 1 and rep.pdfx == "4"
    assert {f["id"] for f in rep.fonts} >= {"song", "hei-bold", "kai"}
    assert rep.images and rep.images[0]["source_mode"] == "RGB"


def test_page_selection(sample, tmp_path):
    from banmian.render.pdf import ExportError, export_pdf, parse_pages
    assert parse_pages("1,3-4", 5) == [0, 2, 3]
    with pytest.raises(ValueError):
        parse_pages("2-9", 3)
    doc, result, base = sample
    with pytest.raises(ExportError):
        export_pdf(doc, result, tmp_path / "x.pdf", base_dir=base, pages="2")
    assert not (tmp_path / "x.pdf").exists()


def test_a_first_export_converts_the_photos_while_the_page_is_laid_out(sample, tmp_path):
    """`banmian export` with an empty cache folder forks the photo conversion before the layout
    (images.convert_early): the converter is running while the text is set, the export takes
    its result over, and the file is byte for byte the serial export's."""
    import sys
    doc, result, base = sample
    from banmian.core.io import save_document
    save_document(doc, base / "page.json")
    code = (
        "import os, sys\n"
        "import banmian.render.pdf.images as I\n"
        "import banmian.core.typeset.layout as L\n"
        "events = []\n"
        "real_early, real_layout = I.convert_early, L.layout_document\n"
        "def early(*a, **k):\n"
        "    r = real_early(*a, **k)\n"
        "    events.append(('early', bool(r is not None and r._converters)))\n"
        "    return r\n"
        "def layout(*a, **k):\n"
        "    events.append(('layout', None))\n"
        "    return real_layout(*a, **k)\n"
        "I.convert_early, L.layout_document = early, layout\n"
        "from banmian.cli import main\n"
        "rc = main(['export', sys.argv[1], '-o', sys.argv[2]])\n"
        "print(rc, events)\n")
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
    env.pop("BANMIAN_SERIAL", None)
    outs = {}
    for name, extra in (("early", {}), ("serial", {"BANMIAN_SERIAL": "1"})):
        out = tmp_path / f"{name}.pdf"
        r = subprocess.run([sys.executable, "-c", code, str(base / "page.json"), str(out)], capture_output=True,
                           text=True, timeout=180, env=dict(env, BANMIAN_HOME=str(tmp_path / f"home-{name}"), **extra))
        assert r.returncode == 0, r.stderr
        outs[name] = (out.read_bytes(), r.stdout.strip().splitlines()[-1])
    rc, _, events = outs["early"][1].partition(" ")
    assert rc == "0" and events.startswith("[('early', True), ('layout', None)"), events   # forked, then laid out
    assert "('early', True)" not in outs["serial"][1]                  # serially: no head start
    assert outs["early"][0] == outs["serial"][0]
