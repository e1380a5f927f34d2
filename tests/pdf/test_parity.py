"""Parity: the Qt painter's offscreen image and the PDF rasterised by pdftoppm at 150 dpi put
every glyph in the same place (within 1 px).  That is what makes the preview a true proof.

For each glyph, the same window (its advance box from the display list, one em tall) is cut
from both rasters and the ink centroid compared.

Why pdftoppm renders at 600 dpi and is box-filtered to 150: at 150 dpi poppler's Splash
snaps glyph origins to its pixel grid — measured on this page, 22 pt glyphs come out
systematically 0.5 px left and 1.0 px up of where Ghostscript *and* Qt put them (Ghostscript
and Qt agree there to 0.13 px).  That is the rasteriser's quantisation, not placement; the
4× supersampled raster removes it and leaves what the test is about (measured worst case:
0.25 px at 22 pt, 0.73 px at 9 pt, where Qt rounds baselines to whole pixels).
"""
from __future__ import annotations

import subprocess
from dataclasses import replace

import pytest

from banmian.core.typeset.result import GlyphRun

from .conftest import need

pytestmark = [pytest.mark.gui, pytest.mark.pdf]
DPI = 150
SUPER = 4       # pdftoppm renders at 4 × 150 dpi, box-filtered down to 150 dpi (see below)


def _gray_from_qimage(img):
    import numpy as np
    from PySide6.QtGui import QImage
    g = img.convertToFormat(QImage.Format.Format_Grayscale8)
    w, h, bpl = g.width(), g.height(), g.bytesPerLine()
    buf = np.frombuffer(bytes(g.constBits()), dtype=np.uint8).reshape(h, bpl)
    return buf[:, :w].astype(np.float64)


def _centroid(a):
    import numpy as np
    ink = 255.0 - a
    total = ink.sum()
    if total < 255 * 2:       # (nearly) blank: a space or a very light glyph
        return None
    ys, xs = np.indices(a.shape)
    return (xs * ink).sum() / total, (ys * ink).sum() / total


def test_qt_and_pdf_agree_on_every_glyph(sample, tmp_path, qapp):
    need("pdftoppm")
    import numpy as np
    from PIL import Image
    from banmian.render import qt
    from banmian.render.pdf import export_pdf

    doc, result, base = sample
    page = result.pages[0]
    runs = [i for i in page.items if isinstance(i, GlyphRun)]
    text_only = replace(page, items=tuple(runs))
    from banmian.core.typeset.result import LayoutResult
    pdf = tmp_path / "text.pdf"
    export_pdf(doc, LayoutResult((text_only,)), pdf, base_dir=base, marks=False, pdfx=None)
    subprocess.run(["pdftoppm", "-r", str(DPI * SUPER), "-gray", "-png", str(pdf), str(tmp_path / "r")],
                   check=True)
    (png,) = tmp_path.glob("r*.png")
    big = np.asarray(Image.open(png).convert("L")).astype(np.float64)
    hh, ww = big.shape[0] // SUPER, big.shape[1] // SUPER
    p_img = big[:hh * SUPER, :ww * SUPER].reshape(hh, SUPER, ww, SUPER).mean(axis=(1, 3))
    q_img = _gray_from_qimage(qt.render_page_image(text_only, DPI, bleed=True))

    s = DPI / 72.0
    b = page.bleed
    h = min(p_img.shape[0], q_img.shape[0])
    w = min(p_img.shape[1], q_img.shape[1])
    assert abs(p_img.shape[0] - q_img.shape[0]) <= 1 and abs(p_img.shape[1] - q_img.shape[1]) <= 1
    worst = 0.0
    compared = 0
    for run in runs:
        for x, adv, ch in zip(run.xs, run.advances, run.text):
            x0 = int(np.floor((x + b) * s))
            x1 = int(np.ceil((x + adv + b) * s))
            y0 = int(np.floor((run.y - run.size + b) * s))
            y1 = int(np.ceil((run.y + 0.25 * run.size + b) * s))
            x0, y0, x1, y1 = max(0, x0), max(0, y0), min(w, x1), min(h, y1)
            cp = _centroid(p_img[y0:y1, x0:x1])
            cq = _centroid(q_img[y0:y1, x0:x1])
            if cp is None or cq is None:
                # a blank (space, U+3000) has no ink in either painter; anything else must have ink in both
                assert (cp is None) == (cq is None), f"glyph {ch!r} of run {run.text!r} drawn by one painter only"
                assert ch.isspace(), f"glyph {ch!r} of run {run.text!r} drawn by neither painter"
                continue
            d = max(abs(cp[0] - cq[0]), abs(cp[1] - cq[1]))
            worst = max(worst, d)
            compared += 1
            assert d <= 1.0, f"glyph of run {run.text!r} at x={x:.2f}: {d:.2f} px apart"
    assert compared > 100, compared
    print(f"parity: {compared} glyphs, worst {worst:.2f} px")
