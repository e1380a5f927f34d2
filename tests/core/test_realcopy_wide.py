"""Real copy, item 3: wide glyphs (⸺ two-em dash) get their real advance; the checks count overlaps."""
import dataclasses

import pytest

from banmian.core.model import Block, Document, Grid, Margins, Page, ParagraphStyle, Run, Story, Swatch, TextFrame
from banmian.core.typeset.checks import run_checks
from banmian.core.typeset.fonts import default_registry
from banmian.core.typeset.layout import layout_document

pytestmark = pytest.mark.core
PT = 25.4 / 72


def doc_of(text, chars=13, font="body"):
    story = Story("s", "s", [Block("paragraph", "body", [Run(text)])])
    page = Page("p1", "1", 200, 200, 1, Margins(10, 10, 10, 10), Grid(1, 13, 1, 9.0, 15.0),
                frames=[TextFrame("a", 10, 10, chars * 9 * PT, 150, story="s")])
    return Document([page], [story], [ParagraphStyle("body", indent=0.0)], swatches=[Swatch("Black", k=100)])


def test_two_em_dash_gets_its_real_advance_and_overlaps_nothing():
    fonts = default_registry()
    doc = doc_of("他说⸺这就是答案⸺⸺我们明白了。")
    result = layout_document(doc)
    runs = result.pages[0].glyph_runs()
    glyphs = sorted((r.y, x, r.advances[i], r.text[i]) for r in runs for i, x in enumerate(r.xs))
    for (y0, x0, a0, c0), (y1, x1, _a1, c1) in zip(glyphs, glyphs[1:]):
        if y0 == y1:   # each glyph's box ends before the next on its line begins
            assert x0 + a0 <= x1 + 1e-6, (c0, c1, x0 + a0, x1)
    glyphs = [g[1:] for g in glyphs]
    dash = [g for g in glyphs if g[2] == "\u2e3a"]
    assert dash and all(abs(a - fonts.face("song").advance("\u2e3a") * 9.0) < 1e-6 for _x, a, _c in dash)
    report = run_checks(doc, result)
    assert report.count("overlaps") == 0 and report.count("overflow") == 0 and report.count("integrity") == 0


def test_overlap_check_finds_a_glyph_drawn_over_its_neighbour():
    doc = doc_of("他说⸺这就是答案。")
    result = layout_document(doc)
    page = result.pages[0]
    items = list(page.items)
    k, run = next((k, it) for k, it in enumerate(items) if hasattr(it, "xs") and "\u2e3a" in it.text)
    d = run.text.index("\u2e3a")
    # squeeze the dash back into a 1-em slot, as the composer used to: the next glyph moves left under it
    xs = list(run.xs)
    shift = run.advances[d] - 9.0
    xs[d + 1:] = [x - shift for x in xs[d + 1:]]
    items[k] = run._replace(xs=tuple(xs))
    bad = dataclasses.replace(result, pages=(dataclasses.replace(page, items=tuple(items)),))
    report = run_checks(doc, bad)
    assert report.count("overlaps") >= 1, report.table()
