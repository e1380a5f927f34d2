"""Each line record names its glyph runs (LineInfo.runs, a range into PageResult.items): the
runs of a line have its baseline, its frame, column and story, its source range, and lie in
its column — on the sample page and on synthetic pages (horizontal, vertical 竖排, balanced
齐栏, threaded frames), after an incremental relayout (paragraphs taken over and moved) and on
the printable page (items off the pasteboard dropped)."""
import dataclasses
import json

import pytest

from banmian.core.io import load_document
from banmian.core.model.document import CharFormat
from banmian.core.model import (Block, Document, Grid, Margins, Page, ParagraphStyle, Run,
                                Story, Swatch, TextFrame)
from banmian.core.paths import sample_layout
from banmian.core.typeset.fonts import default_registry
from banmian.core.typeset.layout import Layouter, layout_document
from banmian.core.typeset.result import GlyphRun, printable

from seedpage import six_column_document

pytestmark = pytest.mark.core
PT = 25.4 / 72
TEXT = "女职工人数占扬州职工队伍的近半数，是推动扬州高质量发展不可或缺的重要力量。"
TOL = 0.01


def _page(frames, texts, *, style=None, emphasis=False):
    blocks = [Block("paragraph", "body", [Run(t)]) for t in texts]
    if emphasis:
        blocks[0].runs = [Run(texts[0][:4], local=CharFormat(emphasis=True)), Run(texts[0][4:])]
    story = Story("s", "s", blocks)
    page = Page("p1", "1", 200, 300, 3, Margins(10, 10, 10, 10), Grid(2, 13, 1, 9.0, 15.0), frames=frames)
    return Document([page], [story], [style or ParagraphStyle("body", indent=2.0)],
                    swatches=[Swatch("Black", k=100)])


def horizontal():
    w = (2 * 13 + 1) * 9 * PT
    return _page([TextFrame("a", 10, 10, w, 120, columns=2, gutter=9 * PT, story="s")], [TEXT * 5, TEXT * 3],
                 emphasis=True)


def vertical():
    doc = _page([TextFrame("v", 20, 10, 130, 10 * 18 * PT, story="s", columns=3, gutter=4.0,
                           direction="vertical")], [TEXT * 3, "第23届运动会ABC" + TEXT],
                style=ParagraphStyle("body", font="song", size=9.0, leading=15.0, indent=0.0, grid=False),
                emphasis=True)
    return doc


def balanced():
    w = (3 * 13 + 2) * 9 * PT
    return _page([TextFrame("a", 10, 10, w, 250, columns=3, gutter=9 * PT, story="s", balance=True)], [TEXT * 6])


def threaded():
    return six_column_document(pages=2)       # heads, subheads, ruled 小编说 notes, two linked frames


def threaded_balanced():
    doc = six_column_document(pages=2)
    doc.pages[1].frames[0].balance = True
    return doc


def sample():
    return load_document(sample_layout())


DOCS = {"horizontal": horizontal, "vertical": vertical, "balanced": balanced, "threaded": threaded,
        "threaded_balanced": threaded_balanced, "sample": sample}


def assert_lines_name_their_runs(doc, result):
    master_stories = {f.story for m in doc.masters for f in m.frames if isinstance(f, TextFrame) and f.story}
    n_lines = 0
    for page in result.pages:
        cols = {fl.frame: fl.columns for fl in page.frames}
        owner = {}
        for li, ln in enumerate(page.lines):
            n_lines += 1
            a, b = ln.runs
            assert 0 <= a <= b <= len(page.items), ln
            runs = page.line_runs(ln)
            assert all(type(r) is GlyphRun for r in runs), ln
            if ln.end > ln.start:
                assert runs, f"line {li} of {ln.frame} names no runs"
            # the frame's rectangle (a spanning head's line is as wide as the frame), the line's measure
            fr = cols[ln.frame]
            fx0, fy0 = min(c[0] for c in fr), min(c[1] for c in fr)
            fx1, fy1 = max(c[2] for c in fr), max(c[3] for c in fr)
            for k, r in enumerate(runs, a):
                assert k not in owner, f"run {k} named by lines {owner[k]} and {li}"
                owner[k] = li
                assert r.y == ln.baseline                    # exactly: the line's baseline (or centre line)
                assert (r.frame, r.column, r.story) == (ln.frame, ln.column, ln.story)
                assert all(ln.start <= r.start + o < max(ln.end, ln.start + 1) for o in r.offsets)
                for i in range(len(r.glyphs)):
                    at, adv = r.along(i)
                    lc = r.lcuts[i] if r.lcuts else 0.0
                    wd = r.widths[i] if r.widths else adv
                    # the glyph's set width inside the line's measure (along it: x, or page y down a 竖排 line)
                    assert ln.x0 - TOL <= at + lc and at + lc + wd <= ln.x1 + TOL, (ln, r.text[i])
                if r.orient:
                    assert fx0 - TOL <= r.y <= fx1 + TOL and fy0 - TOL <= ln.x0 and ln.x1 <= fy1 + TOL
                else:
                    assert fy0 - TOL <= r.y <= fy1 + TOL and fx0 - TOL <= ln.x0 and ln.x1 <= fx1 + TOL
        # every run of a page frame's story belongs to exactly one line
        for k, it in enumerate(page.items):
            if type(it) is GlyphRun and it.story not in master_stories:
                assert k in owner, f"run {k} ({it.text!r}, frame {it.frame}) belongs to no line"
    assert n_lines > 0


@pytest.mark.parametrize("name", sorted(DOCS))
def test_each_line_names_its_runs(name):
    doc = DOCS[name]()
    result = layout_document(doc, base_dir=sample_layout().parent if name == "sample" else None)
    assert_lines_name_their_runs(doc, result)
    if name == "vertical":
        assert all(ln.vertical for ln in result.pages[0].lines)
        assert any(r.orient for r in result.pages[0].glyph_runs())
    if name.startswith("threaded"):
        frames = {ln.frame for p in result.pages for ln in p.lines}
        assert frames == {"f1", "f2"}


@pytest.mark.parametrize("name", ["horizontal", "threaded", "threaded_balanced", "vertical"])
def test_runs_stay_named_after_an_incremental_relayout(name):
    """An edit near the top: the paragraphs after it are taken over from the last flow and moved
    in the story's text (layout._moved); their lines still name the right runs."""
    doc = DOCS[name]()
    lay = Layouter(default_registry())
    lay.layout(doc)
    b = doc.stories[0].blocks[0]
    b.runs[-1] = dataclasses.replace(b.runs[-1], text=b.runs[-1].text[:5] + "新增" + b.runs[-1].text[5:])
    again = lay.layout(doc)
    assert_lines_name_their_runs(doc, again)
    assert _rounded(again) == _rounded(layout_document(doc))     # and it is the fresh layout


def _rounded(result):
    # vertical runs taken over may differ from a fresh flow in the last bit (as in test_cache_coherence)
    return json.loads(result.dump(), parse_float=lambda v: round(float(v), 6))


def test_printable_page_keeps_the_names_right():
    """Text on the pasteboard is dropped from the printed page; the lines left point at the
    runs left (a line off the page names none)."""
    w = 13 * 9 * PT
    # the pasteboard frame first in paint order: the runs of the frame on the page move up
    doc = _page([TextFrame("b", 260, 10, w, 60), TextFrame("a", 10, 10, w, 60, story="s", next="b")], [TEXT * 8])
    result = layout_document(doc)
    page = result.pages[0]
    off = [ln for ln in page.lines if ln.frame == "b"]
    assert off and [ln for ln in page.lines if ln.frame == "a"]
    pp = printable(page)
    assert len(pp.items) < len(page.items)
    assert pp.lines[0].frame == "b" and pp.lines[-1].runs[0] < page.lines[-1].runs[0]
    for ln, before in zip(pp.lines, page.lines):
        runs = pp.line_runs(ln)
        if ln.frame == "b":
            assert runs == ()
        else:
            assert runs == page.line_runs(before) and runs


def test_runs_stay_named_when_items_before_the_frame_change():
    """A long-lived Layouter names an unchanged story's lines as last time only at the same
    place in the page's items: a rule added before the frame moves every range."""
    from banmian.core.model import RuleFrame
    doc = threaded()
    lay = Layouter(default_registry())
    first = lay.layout(doc).pages[0]
    doc.pages[0].frames.insert(0, RuleFrame("r", 20, 15, 100, 0))
    again = lay.layout(doc)
    assert_lines_name_their_runs(doc, again)
    assert again.pages[0].lines[0].runs == (first.lines[0].runs[0] + 1, first.lines[0].runs[1] + 1)
