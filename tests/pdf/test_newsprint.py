"""Print for newsprint: the bundled coldset profile, separations through the chosen print
condition, overprint that never stacks past the ink limit, marks and slug — checked on the
exported PDF with Ghostscript, poppler and qpdf (PRINT.md)."""
from __future__ import annotations

import hashlib
import json
import subprocess
from pathlib import Path

import pytest

from banmian.core import press
from banmian.core.io import load_document
from banmian.core.model.units import PT_PER_MM
from banmian.core.paths import default_profile, resources_dir, sample_layout

from .conftest import need

pytestmark = pytest.mark.pdf

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "press"
GREY = 128


def run(*cmd, timeout=180) -> subprocess.CompletedProcess:
    need(str(cmd[0]))
    return subprocess.run([str(c) for c in cmd], capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module", autouse=True)
def _home(tmp_path_factory):
    """Caches (converted photos, compressed profiles) go to a throwaway BANMIAN_HOME."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("BANMIAN_HOME", str(tmp_path_factory.mktemp("home")))
        yield


def laid_out(path: Path):
    from banmian.core.typeset.layout import layout_document
    doc = load_document(path)
    return doc, layout_document(doc, None, base_dir=path.parent)


def export(path: Path, out: Path, **kw):
    from banmian.render.pdf import export_pdf
    doc, result = laid_out(path)
    rep = export_pdf(doc, result, out, base_dir=path.parent, source_name=path.name, **kw)
    return rep


def tiff(pdf: Path, dpi: int, *, bleed=True):
    """Ghostscript's CMYK raster (overprint simulated, as a separating RIP does) as uint8 H×W×4."""
    import numpy as np
    from PIL import Image
    Image.MAX_IMAGE_PIXELS = None
    tif = pdf.with_suffix(f".{dpi}.tif")
    args = ["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSimulateOverprint=true", "-sDEVICE=tiff32nc", f"-r{dpi}"]
    if bleed:
        args.append("-dUseBleedBox")
    r = run(*args, f"-o{tif}", pdf)
    assert r.returncode == 0, r.stderr
    return np.asarray(Image.open(tif))


# ------------------------------------------------------------------ the profile

def test_bundled_newsprint_profiles_are_what_the_recipe_recorded():
    icc = resources_dir() / "icc"
    rec = json.loads((icc / "SOURCES-newsprint.json").read_text("utf-8"))
    assert rec["input"]["file"].endswith("TR002.ti3") and len(rec["input"]["sha256"]) == 64
    assert rec["tools"]["colprof"]
    files = {p["file"]: p for p in rec["profiles"]}
    assert set(files) == {"Banmian_Newsprint_TR002_240.icc", "Banmian_Newsprint_TR002_220.icc"}
    for name, p in files.items():
        data = (icc / name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == p["sha256"], name
        assert len(data) == p["bytes"] < 400_000                    # a small profile: embedded in every PDF
        assert data[12:16] == b"prtr" and data[16:20] == b"CMYK"    # an output profile for CMYK
        assert "-kr" in p["command"] and f"-l{p['tac_pct']}" in p["command"] and "-L95" in p["command"]
        assert p["check"]["srgb_grey_128"]["k_share"] >= 0.6
    assert default_profile().name == "Banmian_Newsprint_TR002_240.icc"
    lic = (icc / "Banmian_Newsprint_TR002.txt").read_text("utf-8")
    assert "TR 002" in lic and "The zlib/libpng License" in lic and "3. This notice may not be removed" in lic


def _separate(profile, intent, rgb):
    from PIL import Image, ImageCms
    from banmian.render.pdf.images import _separation_transform
    t = _separation_transform(ImageCms.createProfile("sRGB"), profile, "RGB", intent)
    return [v / 2.55 for v in ImageCms.applyTransform(Image.new("RGB", (1, 1), rgb), t).getpixel((0, 0))]


def test_profile_gcr_puts_greys_on_black():
    for name in ("newsprint-240", "newsprint-220"):
        cond = press.get(name)
        c, m, y, k = _separate(cond.profile_path(), cond.intent, (GREY,) * 3)
        assert k >= 0.6 * (c + m + y + k), (name, c, m, y, k)
        black = _separate(cond.profile_path(), cond.intent, (0, 0, 0))
        assert sum(black) <= cond.ink_limit + 1 and black[3] <= 96
    coated = press.get("coated-heatset")     # no strong GCR there: a three-plate grey
    c, m, y, k = _separate(coated.profile_path(), coated.intent, (GREY,) * 3)
    assert k < 0.4 * (c + m + y + k)


# ------------------------------------------------------------------ separations in the PDF

def _grey_patch(arr, doc_page, dpi):
    """The pixels of the clean fixture's photo's grey two thirds (frame photo at 74, 48 mm, 36 × 24)."""
    px = dpi / 25.4
    bleed = doc_page.bleed
    x0, y0 = int((74 + bleed + 3) * px), int((48 + bleed + 3) * px)
    x1, y1 = int((74 + bleed + 20) * px), int((48 + bleed + 20) * px)
    return arr[y0:y1, x0:x1].reshape(-1, 4).astype(float) / 2.55


def test_grey_photo_separates_mostly_black(tmp_path):
    """sRGB (128, 128, 128) placed as a photo: K ≥ 60 % of its ink with the default condition,
    and the coated condition (another profile) really gives another separation."""
    import numpy as np
    doc = load_document(FIXTURES / "clean.json")
    out = tmp_path / "grey.pdf"
    rep = export(FIXTURES / "clean.json", out, marks=False)
    assert rep.press == "newsprint-240" and rep.images[0]["source_mode"] == "RGB"
    patch = _grey_patch(tiff(out, 150), doc.pages[0], 150)
    c, m, y, k = np.median(patch, axis=0)
    assert k >= 0.6 * (c + m + y + k), (c, m, y, k)
    assert 40 <= k <= 80        # a mid grey, not a solid
    out2 = tmp_path / "grey-coated.pdf"
    export(FIXTURES / "clean.json", out2, marks=False, press="coated-heatset")
    c2, m2, y2, k2 = np.median(_grey_patch(tiff(out2, 150), doc.pages[0], 150), axis=0)
    assert k2 < 0.4 * (c2 + m2 + y2 + k2), (c2, m2, y2, k2)


def test_output_intent_names_the_condition(tmp_path):
    import pikepdf
    want = {
        "newsprint-240": ("CGATS TR 002", "Banmian_Newsprint_TR002_240.icc", "240"),
        "newsprint-220": ("CGATS TR 002", "Banmian_Newsprint_TR002_220.icc", "220"),
        "coated-heatset": ("FOGRA39", "ISOcoated_v2_300_bas.icc", "ISO 12647-2"),
    }
    for name, (ident, icc, word) in want.items():
        out = tmp_path / f"{name}.pdf"
        export(FIXTURES / "clean.json", out, marks=False, press=name)
        with pikepdf.open(out) as pdf:
            oi = pdf.Root.OutputIntents[0]
            assert str(oi.OutputConditionIdentifier) == ident
            assert str(oi.RegistryName) == "http://www.color.org"
            assert word in str(oi.OutputCondition), str(oi.OutputCondition)
            assert oi.DestOutputProfile.read_bytes() == (resources_dir() / "icc" / icc).read_bytes()
    # a plant's own profile: "Custom", named by its description
    plant = tmp_path / "plant.icc"
    plant.write_bytes((resources_dir() / "icc" / "ISOcoated_v2_300_bas.icc").read_bytes())
    out = tmp_path / "custom.pdf"
    rep = export(FIXTURES / "clean.json", out, marks=False, press=press.resolve("custom", profile=plant,
                                                                                ink_limit=260))
    assert rep.press == "custom"
    with pikepdf.open(out) as pdf:
        oi = pdf.Root.OutputIntents[0]
        assert str(oi.OutputConditionIdentifier) == "Custom" and "ISO Coated v2" in str(oi.Info)


def test_ink_limit_after_conversion_per_pixel(tmp_path):
    """The 220 % condition: the photo (and everything else) stays within 220 % per pixel."""
    out = tmp_path / "220.pdf"
    rep = export(FIXTURES / "clean.json", out, marks=False, press="newsprint-220")
    assert all(i["max_ink"] <= 220 for i in rep.images)
    arr = tiff(out, 150)
    assert arr.astype("uint16").sum(axis=-1).max() <= 220 * 2.55 + 1


# ------------------------------------------------------------------ overprint stacking

def test_black_text_over_a_red_tint_is_knocked_out_not_stacked(tmp_path, monkeypatch):
    out = tmp_path / "stack.pdf"
    rep = export(FIXTURES / "overprint_stack.json", out, marks=False)
    assert [k["frame"] for k in rep.knockouts] and {k["frame"] for k in rep.knockouts} == {"body"}
    assert all(k["ink"] == 300.0 for k in rep.knockouts) and rep.warnings
    total = tiff(out, 150).astype("uint16").sum(axis=-1)
    assert total.max() <= 240 * 2.55 + 1
    # the same page with the knock-out switched off stacks 300 %: the check above can fail
    from banmian.render.pdf.painter import PdfPainter
    monkeypatch.setattr(PdfPainter, "_may_overprint", lambda self, rect, what, frame: True)
    out2 = tmp_path / "stack-off.pdf"
    export(FIXTURES / "overprint_stack.json", out2, marks=False)
    assert tiff(out2, 150).astype("uint16").sum(axis=-1).max() >= 295 * 2.55


def test_black_text_over_a_light_tint_still_overprints(tmp_path):
    """clean.json: K100 text in a K12 box — no stacking, so the text overprints (no knock-out)."""
    rep = export(FIXTURES / "clean.json", tmp_path / "clean.pdf", marks=False)
    assert rep.knockouts == [] and rep.warnings == []


def _stroke_states(pdf_path):
    """(stroke colour, stroke overprint) at every stroked path of page 1."""
    import pikepdf
    out = []
    with pikepdf.open(pdf_path) as pdf:
        page = pdf.pages[0]
        gstates = page.Resources.get("/ExtGState", {})
        OP = False
        stroke = None
        stack = []
        for operands, o in pikepdf.parse_content_stream(page):
            o = str(o)
            if o == "gs":
                g = gstates[str(operands[0])]
                if "/OP" in g:
                    OP = bool(g.OP)
            elif o == "K":
                stroke = tuple(float(v) for v in operands)
            elif o in ("CS", "SC", "SCN"):
                stroke = None
            elif o == "q":
                stack.append((OP, stroke))
            elif o == "Q":
                OP, stroke = stack.pop()
            elif o in ("S", "s", "B", "b", "B*", "b*"):
                out.append((stroke, OP))
    return out


def test_black_rules_and_strokes_overprint_as_the_preset_says(tmp_path):
    from dataclasses import replace
    out = tmp_path / "rules.pdf"
    export(FIXTURES / "clean.json", out, marks=False)
    black = [op for col, op in _stroke_states(out) if col == (0, 0, 0, 1)]
    assert len(black) >= 2 and all(black)           # the rule and the box stroke
    off = tmp_path / "rules-off.pdf"
    export(FIXTURES / "clean.json", off, marks=False, press=replace(press.get(), overprint_black_rules=False))
    black = [op for col, op in _stroke_states(off) if col == (0, 0, 0, 1)]
    assert black and not any(black)


# ------------------------------------------------------------------ marks and slug

def test_marks_start_outside_the_bleed_plus_1mm(tmp_path):
    import numpy as np
    out = tmp_path / "marks.pdf"
    export(FIXTURES / "clean.json", out)
    dpi = 300
    arr = tiff(out, dpi, bleed=False)             # the whole MediaBox
    doc = load_document(FIXTURES / "clean.json")
    page = doc.pages[0]
    from banmian.render.pdf.marks import SLUG_MM
    px = dpi / 25.4
    off = (page.bleed + SLUG_MM) * px            # the trim's corner in the raster
    ink = arr.astype("uint16").sum(axis=-1) > 0
    h, w = ink.shape

    def ring(a_mm, b_mm):
        """Pixels between a and b mm outside the trim."""
        yy, xx = np.mgrid[0:h, 0:w]
        dx = np.maximum(np.maximum(off - xx, xx - (off + page.width * px)), 0)
        dy = np.maximum(np.maximum(off - yy, yy - (off + page.height * px)), 0)
        d = np.maximum(dx, dy) / px
        return (d > a_mm) & (d <= b_mm)

    # nothing of the marks within bleed + 1 mm (the clean page draws nothing into its bleed)
    assert not ink[ring(0.05, page.bleed + 1.0 - 0.1)].any()
    assert ink[ring(page.bleed + 1.0, page.bleed + 7.5)].any()      # but the crop marks are there


def test_slug_names_folio_date_condition_and_file(tmp_path):
    out = tmp_path / "slug.pdf"
    export(FIXTURES / "clean.json", out)
    text = run("pdftotext", "-layout", out, "-").stdout
    assert "clean.json" in text
    assert "第 5 版" in text                 # the page's folio field, not the export sequence (1)
    assert "2026年12月1日" in text           # the issue date
    assert "CGATS TR 002 240%" in text       # the print condition
    assert "ISO Coated" not in text


# ------------------------------------------------------------------ must hold: the sample

@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory):
    out = tmp_path_factory.mktemp("sample") / "sample.pdf"
    export(sample_layout(), out)
    return out


def test_sample_output_intent_is_newsprint(sample_pdf):
    import pikepdf
    with pikepdf.open(sample_pdf) as pdf:
        oi = pdf.Root.OutputIntents[0]
        assert str(oi.OutputConditionIdentifier) == "CGATS TR 002"
        assert oi.DestOutputProfile.read_bytes() == default_profile().read_bytes()


def test_sample_max_ink_at_300dpi_inside_bleedbox(sample_pdf):
    total = tiff(sample_pdf, 300).astype("uint16").sum(axis=-1)
    assert total.max() <= 240 * 2.55 + 1


def test_sample_redistills_as_pdfx_without_warning_and_qpdf_clean(sample_pdf, tmp_path):
    need("gs")
    import glob
    defs = sorted(glob.glob("/usr/share/ghostscript/*/lib/PDFX_def.ps"))
    if not defs:
        pytest.skip("Ghostscript's PDFX_def.ps not installed")
    icc = default_profile()
    ps = Path(defs[-1]).read_text("latin-1").replace("(ISO Coated sb.icc)", f"({icc})") \
        .replace("(CGATS TR001)", "(CGATS TR 002)")
    (tmp_path / "pdfx_def.ps").write_text(ps, "latin-1")
    r = run("gs", "-q", "-dPDFX", "-dPDFSETTINGS=/prepress", "-dNOPAUSE", "-dBATCH", f"--permit-file-read={icc}",
            "-sDEVICE=pdfwrite", "-sColorConversionStrategy=CMYK", f"-o{tmp_path / 're.pdf'}",
            tmp_path / "pdfx_def.ps", sample_pdf)
    assert r.returncode == 0 and not r.stdout.strip() and not r.stderr.strip(), r.stdout + r.stderr
    q = run("qpdf", "--check", sample_pdf)
    assert q.returncode == 0 and "No syntax or stream encoding errors" in q.stdout
