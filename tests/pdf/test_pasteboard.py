"""Issue 14 item 11: text left on the pasteboard beside the page is never printed — not drawn
into the slug beside the crop marks, not in the PDF's text layer — while an object in the bleed
still prints up to the bleed edge (the page's items are clipped to the bleed box)."""
from __future__ import annotations

import subprocess

import pytest
from PIL import Image

from banmian.core.model.document import Block, Run, Story, TextFrame
from banmian.core.model.units import PT_PER_MM

from .conftest import layout_or_skip, make_document, make_photo, need

pytestmark = pytest.mark.pdf


def _export(doc, base, out, marks=True):
    from banmian.render.pdf import export_pdf
    layout_document = layout_or_skip()
    result = layout_document(doc, None, base_dir=base)
    export_pdf(doc, result, out, base_dir=base, marks=marks)
    return result


def test_pasteboard_text_is_not_in_the_pdf(tmp_path):
    need("pdftotext")
    need("pdftoppm")
    make_photo(tmp_path / "photo.png")
    doc = make_document()
    page = doc.pages[0]
    doc.stories.append(Story("spare", "备用", [Block("paragraph", "body", [Run("版外备用稿件")])]))
    # 5 mm beyond the trim: past the 3 mm bleed, inside the 12 mm slug the marks use
    doc.pages[0].frames.append(TextFrame("spare-f", page.width + 5, 40, 30, 20, story="spare"))
    out = tmp_path / "p.pdf"
    result = _export(doc, tmp_path, out)
    assert any(getattr(i, "frame", "") == "spare-f" for i in result.pages[0].items)   # the editor has it
    text = subprocess.run(["pdftotext", "-nopgbrk", str(out), "-"], capture_output=True, text=True).stdout
    assert "版外" not in text and "备用稿件" not in text
    assert "一" in text or len(text.strip()) > 0     # the page's own copy is there
    # and nothing is drawn where it would have gone (beside the page, in the slug)
    subprocess.run(["pdftoppm", "-r", "72", "-png", "-singlefile", str(out), str(tmp_path / "p")], check=True)
    im = Image.open(tmp_path / "p.png").convert("L")
    off = (page.bleed + 12.0) * PT_PER_MM            # bleed + slug: the trim's corner in the PDF
    x0 = round(off + (page.width + 4.5) * PT_PER_MM)
    y0 = round(off + 40 * PT_PER_MM)                 # the frame's first lines (the registration target
    region = im.crop((x0, y0, x0 + round(7 * PT_PER_MM), y0 + round(10 * PT_PER_MM)))   # is lower, at 60 mm)
    assert region.getextrema()[0] > 250, "pasteboard text drawn into the slug"


def test_a_frame_crossing_the_bleed_is_cut_at_the_bleed_edge(tmp_path):
    need("pdftoppm")
    make_photo(tmp_path / "photo.png")
    doc = make_document()
    page = doc.pages[0]
    img = next(f for f in page.frames if f.id == "img")
    img.w += 10                                       # now 10 mm past the bleed, into the slug
    out = tmp_path / "b.pdf"
    _export(doc, tmp_path, out)
    subprocess.run(["pdftoppm", "-r", "72", "-png", "-singlefile", str(out), str(tmp_path / "b")], check=True)
    im = Image.open(tmp_path / "b.png").convert("L")
    off = (page.bleed + 12.0) * PT_PER_MM
    yc = round(off + (img.y + img.h / 2) * PT_PER_MM)
    inside_bleed = round(off + (page.width + page.bleed / 2) * PT_PER_MM)
    past_bleed = round(off + (page.width + page.bleed + 3) * PT_PER_MM)
    assert im.getpixel((inside_bleed, yc)) < 250       # the photo prints into the bleed
    assert im.getpixel((past_bleed, yc)) > 250         # and stops at its edge
