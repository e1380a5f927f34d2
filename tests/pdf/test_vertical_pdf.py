"""Issue 9 item 8 in the PDF: vertical frames drawn by glyph id, the text layer the copy,
vertical punctuation where Chinese vertical typesetting puts it (looked at in a raster)."""
import re
import shutil
import subprocess

import pytest

from banmian.core.typeset.layout import layout_document
from banmian.core.typeset.result import ROTATED, UPRIGHT, GlyphRun
from tests.core.test_vertical import ARTICLE, HEADLINE, PT, doc_of

pytestmark = [pytest.mark.pdf,
              pytest.mark.skipif(shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
                                 reason="poppler-utils not installed")]
DPI = 300


def export(tmp_path, doc):
    from banmian.render.pdf import export_pdf
    result = layout_document(doc)
    out = tmp_path / "v.pdf"
    export_pdf(doc, result, out, marks=False, pdfx=None)
    return result, out


def text_layer(pdf) -> str:
    """pdftotext in content order (-raw): each line of a vertical frame is one span whose
    ActualText is its stretch of the copy, so the columns read right to left, top to bottom."""
    return subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


def squeeze(s: str) -> str:
    return re.sub(r"\s+", "", s)


@pytest.mark.parametrize("paras,w,h,kw", [
    ([HEADLINE], 40, 9 * 18 * PT, {}),
    ([ARTICLE], 36, 3 * 10 * 9 * PT + 8, dict(columns=3, size=9.0, leading=15.0, role="paragraph",
                                              font="song", grid=True)),
    (["他说 Banmian 是一个版面软件，已经发布了2026版。"], 40, 12 * 18 * PT, {}),
])
def test_the_text_layer_is_the_copy(tmp_path, paras, w, h, kw):
    doc = doc_of(paras, w, h, **kw)
    result, pdf = export(tmp_path, doc)
    assert all(r.orient for r in result.pages[0].items if isinstance(r, GlyphRun))
    got = text_layer(pdf)
    assert squeeze(got) == squeeze(doc.stories[0].text)
    if "Banmian" in paras[0]:
        assert "Banmian 是" in got or "Banmian" in got.split()          # the word whole


def raster(pdf, tmp_path):
    from PIL import Image
    subprocess.run(["pdftoppm", "-r", str(DPI), "-png", "-singlefile", str(pdf), str(tmp_path / "v")], check=True)
    return Image.open(tmp_path / "v.png").convert("L")


def ink_centre(img, x0, y0, x1, y1, bleed):
    """Centre of the dark pixels inside a page rectangle (pt) and their top and bottom edge,
    relative to it (0–1)."""
    s = DPI / 72.0
    x0, y0, x1, y1 = x0 + bleed, y0 + bleed, x1 + bleed, y1 + bleed     # the raster is the media box
    box = img.crop((round(x0 * s), round(y0 * s), round(x1 * s), round(y1 * s)))
    w, h = box.size
    px = box.load()
    pts = [(i, j) for i in range(w) for j in range(h) if px[i, j] < 128]
    assert pts, (x0, y0)
    return (sum(p[0] for p in pts) / len(pts) / w, sum(p[1] for p in pts) / len(pts) / h,
            min(p[1] for p in pts) / h, max(p[1] for p in pts) / h)


def test_vertical_marks_sit_at_the_top_right_and_brackets_are_turned(tmp_path):
    # each mark between Han characters (a neighbouring mark would reach into its em)
    doc = doc_of(["新华社北京电，记者报道、他说好。我们“来”看（一起）"], 40, 24 * 18 * PT, align="left")
    result, pdf = export(tmp_path, doc)
    img = raster(pdf, tmp_path)
    seen = {}
    for r in result.pages[0].items:
        if not isinstance(r, GlyphRun) or r.orient != UPRIGHT:
            continue
        for i, ch in enumerate(r.text):
            if ch in "，、。“（":
                size = r.size
                top = r.ys[i] - 0.88 * size
                seen[ch] = ink_centre(img, r.y - size / 2, top, r.y + size / 2, top + size,
                                      result.pages[0].bleed)
    assert set(seen) == set("，、。“（")
    for ch in "，、。":                 # 、。，in the top right quarter of their em (GB/T 15834 vertical)
        cx, cy, _top, bottom = seen[ch]
        assert cx > 0.55 and cy < 0.45 and bottom < 0.5, (ch, cx, cy, bottom)
    # opening marks turned: blank at the top of the em, the ink below opening downwards towards
    # the text they enclose (a horizontal “ sits in the upper half); “ as the corner bracket ﹃
    # (╗, at the right), （ as the arch ︵ across the column (a horizontal （ is a stroke at the right)
    cx, cy, top, bottom = seen["“"]
    assert top > 0.35 and bottom > 0.9 and cx > 0.5, ("“", cx, cy, top, bottom)
    cx, cy, top, _bottom = seen["（"]
    assert top > 0.45 and 0.35 < cx < 0.65, ("（", cx, cy, top)


def test_rotated_latin_is_drawn_with_a_turned_text_matrix(tmp_path):
    import pikepdf
    doc = doc_of(["他说 Banmian 是版面。"], 40, 12 * 18 * PT)
    result, pdf = export(tmp_path, doc)
    assert any(r.orient == ROTATED for r in result.pages[0].items if isinstance(r, GlyphRun))
    with pikepdf.open(pdf) as p:
        content = pikepdf.unparse_content_stream(pikepdf.parse_content_stream(p.pages[0]))
    assert b"0 -1 1 0 " in content and b"/ActualText" in content
