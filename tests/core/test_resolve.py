"""The resolve stage (core): pages, frames and image placement as pure, hashable values."""
import copy
from types import SimpleNamespace

import pytest
from hypothesis import given, settings, strategies as st

from banmian.core.model import Grid, Margins, Page
from banmian.core.model.document import ImageFrame, TextFrame
from banmian.core.model.units import MM_PER_PT, mm_to_pt
from banmian.core.typeset.layout import Layouter
from banmian.core.typeset.resolve import (
    frame_geometry, image_fit, image_fit_inverse, image_pixel_at, image_pixel_box, resolve_page,
)

pytestmark = pytest.mark.core

mm = st.floats(min_value=5.0, max_value=400.0, allow_nan=False)
pos = st.floats(min_value=-50.0, max_value=400.0, allow_nan=False)
px = st.integers(min_value=1, max_value=20_000)
fits = st.sampled_from(["fit", "fill", "none"])
scales = st.floats(min_value=0.05, max_value=20.0, allow_nan=False)
offs = st.floats(min_value=-200.0, max_value=200.0, allow_nan=False)


def _frame(x, y, w, h, fit="fill", scale=1.0, ox=0.0, oy=0.0):
    return ImageFrame("img", x, y, w, h, path="a.jpg", fit=fit, scale=scale, offset_x=ox, offset_y=oy)


@settings(max_examples=300, deadline=None)
@given(pos, pos, mm, mm, px, px)
def test_fill_covers_the_frame_and_fit_lies_inside_it_centred_at_the_picture_s_aspect(x, y, w, h, pw, ph):
    for fit in ("fill", "fit"):
        pl = image_fit(_frame(x, y, w, h, fit), pw, ph)
        cx, cy, cw, ch = pl.clip
        assert (cx, cy, cw, ch) == pytest.approx((mm_to_pt(x), mm_to_pt(y), mm_to_pt(w), mm_to_pt(h)))
        assert pl.w / pl.h == pytest.approx(pw / ph, rel=1e-9)
        assert pl.x + pl.w / 2 == pytest.approx(cx + cw / 2) and pl.y + pl.h / 2 == pytest.approx(cy + ch / 2)
        if fit == "fill":      # covers: no side of the frame is left empty, one side is cut exactly
            assert pl.w >= cw - 1e-6 and pl.h >= ch - 1e-6
            assert min(pl.w - cw, pl.h - ch) == pytest.approx(0.0, abs=1e-6 * max(cw, ch))
        else:                  # whole picture inside, one side touching
            assert pl.w <= cw + 1e-6 and pl.h <= ch + 1e-6
            assert max(pl.w - cw, pl.h - ch) == pytest.approx(0.0, abs=1e-6 * max(cw, ch))
        assert pl.ppi == pytest.approx(pw / (pl.w / 72.0))


@settings(max_examples=300, deadline=None)
@given(pos, pos, mm, mm, px, px, fits, scales, offs, offs)
def test_the_inverse_gives_frame_fields_that_place_the_picture_where_it_was(x, y, w, h, pw, ph, fit, s, ox, oy):
    """Whatever the fit, the crop tool's fit="none" fields show the picture exactly where it is."""
    pl = image_fit(_frame(x, y, w, h, fit, s, ox, oy), pw, ph)
    inv = image_fit_inverse(pl.clip, pw, ph, pl.x, pl.y, pl.w)
    again = image_fit(_frame(x, y, w, h, inv["fit"], inv["scale"], inv["offset_x"], inv["offset_y"]), pw, ph)
    tol = 1e-6 * max(1.0, abs(pl.w), abs(pl.h), abs(pl.x), abs(pl.y))
    assert (again.x, again.y, again.w, again.h) == pytest.approx((pl.x, pl.y, pl.w, pl.h), abs=tol)
    if fit == "none":
        assert (inv["scale"], inv["offset_x"], inv["offset_y"]) == pytest.approx((s, ox, oy), abs=1e-6 * max(1, abs(ox), abs(oy), s))


@settings(max_examples=300, deadline=None)
@given(pos, pos, mm, mm, px, px, fits, scales, offs, offs)
def test_page_points_map_to_the_pixels_drawn_there(x, y, w, h, pw, ph, fit, s, ox, oy):
    pl = image_fit(_frame(x, y, w, h, fit, s, ox, oy), pw, ph)
    assert image_pixel_at(pl, pw, ph, pl.x, pl.y) == pytest.approx((0.0, 0.0), abs=1e-6)
    assert image_pixel_at(pl, pw, ph, pl.x + pl.w, pl.y + pl.h) == pytest.approx((pw, ph), rel=1e-9)
    box = image_pixel_box(pl, pw, ph, pl.clip)
    cx, cy, cw, ch = pl.clip
    visible = pl.x < cx + cw and cx < pl.x + pl.w and pl.y < cy + ch and cy < pl.y + pl.h
    if box is None:
        return
    assert visible
    x0, y0, x1, y1 = box
    assert 0 <= x0 < x1 <= pw and 0 <= y0 < y1 <= ph
    # every pixel under the frame's visible part is in the box
    fx0, fy0 = image_pixel_at(pl, pw, ph, max(cx, pl.x), max(cy, pl.y))
    fx1, fy1 = image_pixel_at(pl, pw, ph, min(cx + cw, pl.x + pl.w), min(cy + ch, pl.y + pl.h))
    assert x0 <= fx0 + 1e-6 and y0 <= fy0 + 1e-6 and x1 >= fx1 - 1e-6 and y1 >= fy1 - 1e-6
    if fit == "fill":      # the frame shows a part as wide or as high as the whole picture
        assert (x0, x1) == (0, pw) or (y0, y1) == (0, ph)


def test_a_picture_beside_its_frame_shows_no_pixels():
    pl = SimpleNamespace(x=100.0, y=0.0, w=50.0, h=50.0)
    assert image_pixel_box(pl, 500, 500, (0.0, 0.0, 99.0, 99.0)) is None
    assert image_pixel_box(pl, 500, 500, (0.0, 0.0, 101.0, 10.0)) == (0, 0, 10, 100)


def _page(**kw):
    return Page("p", "1", 300, 400, 3, Margins(20, 20, 30, 10), Grid(4, 10, 1, 9.0, 15.0, kw.get("fb", 0.0)))


def test_the_resolved_page_is_the_grid_in_pt_and_hashable_by_value():
    rp = resolve_page(_page())
    assert rp == resolve_page(_page()) and hash(rp) == hash(resolve_page(_page()))
    assert rp != resolve_page(_page(fb=2.0))
    assert len(rp.edges) == 4
    assert [(a * MM_PER_PT, b * MM_PER_PT) for a, b in rp.edges] == pytest.approx(rp.column_edges_mm())
    assert rp.col == pytest.approx(90.0) and rp.gutter == pytest.approx(9.0)
    assert rp.grid_origin == pytest.approx(mm_to_pt(20)) and rp.grid_pitch == 15.0
    rows = rp.grid_rows_mm()
    assert rows[0] == pytest.approx(20.0)
    assert rows[1] - rows[0] == pytest.approx(15.0 * MM_PER_PT)
    assert rows[-1] <= 400 - 20 + 1e-6 < rows[-1] + 15.0 * MM_PER_PT


def test_frame_geometry_is_a_value_and_a_moved_frame_or_wrap_is_a_new_flow_key():
    page = _page()
    f = TextFrame("t", 30, 30, 100, 100, columns=2)
    g = frame_geometry(f, page, 0, [(0.0, 0.0, 10.0, 10.0)])
    assert g == frame_geometry(copy.deepcopy(f), page, 0, [(0.0, 0.0, 10.0, 10.0)])
    assert hash(g) == hash(frame_geometry(copy.deepcopy(f), page, 0, [(0.0, 0.0, 10.0, 10.0)]))
    assert g != frame_geometry(f, page, 0, [(0.0, 0.0, 12.0, 10.0)])
    f2 = copy.deepcopy(f)
    f2.x += 0.5
    assert g != frame_geometry(f2, page, 0, [(0.0, 0.0, 10.0, 10.0)])
    assert len({g, frame_geometry(f2, page, 0, [(0.0, 0.0, 10.0, 10.0)])}) == 2


def test_the_layouter_places_images_through_image_fit():
    """The layout's ImagePlacement is image_fit's (one computation for the layout and the crop tool)."""
    from banmian.core.io import load_document
    from banmian.core.paths import sample_layout
    from banmian.core.typeset.result import ImagePlacement
    path = sample_layout()
    doc = load_document(path)
    res = Layouter(base_dir=path.parent).layout(doc)
    n = 0
    for page, pr in zip(doc.pages, res.pages):
        for it in pr.items:
            if type(it) is ImagePlacement and not it.missing:
                f = next(fr for fr in page.frames if fr.id == it.frame)
                fit = image_fit(f, it.px_w, it.px_h)
                assert (it.clip, it.x, it.y, it.w, it.h, it.ppi) == (fit.clip, fit.x, fit.y, fit.w, fit.h, fit.ppi)
                n += 1
    assert n >= 1


def test_block_rules_move_a_head_off_a_column_foot_and_say_how_it_is_set():
    from banmian.core.model import ParagraphStyle
    from banmian.core.model.document import Block, Run
    from banmian.core.typeset.compose import ParaSpec
    from banmian.core.typeset.flow import BlockRules, Cursor, block_rules
    from banmian.core.typeset.resolve import resolve_block
    page = _page()
    g = frame_geometry(TextFrame("t", 30, 30, 100, 100, columns=2), page, 0, [])
    spec = ParaSpec(tuple(("字", "hei", 16.0, (0, 0, 0, 1)) for _ in range(4)), 0.0, "left", 0.0)

    def rules(role, style, y):
        cur = Cursor([g])
        cur.start()
        cur.y = y
        rb = resolve_block(Block(role, style.name, [Run("字字字字")]), style, spec)
        return block_rules(rb, cur), cur
    head = ParagraphStyle("sub", size=16.0, leading=30.0, grid=True)
    r, cur = rules("subhead", head, g.y1 - 2 * g.grid)     # two body lines left: not alone there
    assert isinstance(r, BlockRules) and r.keep and not r.on_grid and r.leading == 30.0
    assert (cur.ci, cur.y) == (1, g.y0)
    r, cur = rules("paragraph", ParagraphStyle("body", size=9.0), g.y1 - 2 * g.grid)   # body text stays
    assert not r.keep and r.on_grid and (cur.ci, cur.y) == (0, g.y1 - 2 * g.grid)
    r, cur = rules("paragraph", ParagraphStyle("note", size=9.0, border=0.5, space_before=6.0), g.y0 + 60)
    assert r.pad > 0 and cur.y == pytest.approx(g.y0 + 60 + 6.0 + g.grid / 2)


def test_a_paragraph_is_placed_as_a_typed_block_flow():
    """Layouter._flow_block returns a BlockFlow (items, lines, left), not bare dicts."""
    from banmian.core.model.document import Block, Run, Story, TextFrame
    from banmian.core.templates import document_from_template
    from banmian.core import paths
    from banmian.core.typeset.flow import BlockFlow
    from banmian.core.typeset.layout import Layouter
    doc = document_from_template(paths.templates_dir() / "sikai.json")
    page = doc.pages[0]
    doc.stories.append(Story("s", "s", [Block("paragraph", "body", [Run("今年以来，工会坚持服务职工。" * 3)])]))
    page.frames.append(TextFrame("f", page.margins.left, page.margins.top, 40.0, 30.0, story="s"))
    lay = Layouter()
    got = []
    real = lay._flow_block

    def spy(*a, **k):
        r = real(*a, **k)
        got.append(r)
        return r
    lay._flow_block = spy
    r = lay.layout(doc)
    assert got and all(type(b) is BlockFlow for b in got)
    flowed = [ln for b in got for lns in b.lines.values() for ln in lns if ln.story == "s"]
    # (the page names each line's runs afterwards; the rest of the record is the flow's)
    assert [(ln.start, ln.end, ln.baseline) for ln in flowed] == \
        [(ln.start, ln.end, ln.baseline) for ln in r.pages[0].lines if ln.story == "s"]
    assert got[0].left is None
