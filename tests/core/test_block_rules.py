"""Block rules of the layout, each on a small synthetic page: if the rule were switched off,
its test fails (keep-with-next, heads never alone at a column foot, ruled boxes for notes,
heads taking whole grid cells)."""
import pytest

from banmian.core.model import (Block, Document, Grid, Margins, Page, ParagraphStyle, Run, Story, Swatch,
                                TextFrame)
from banmian.core.model.units import PT_PER_MM
from banmian.core.typeset.result import Box, GlyphRun
from banmian.core.typeset.layout import layout_document

pytestmark = pytest.mark.core

PITCH = 15.0      # baseline grid, pt
BODY = 9.0
BODY_TEXT = "女职工人数占扬州职工队伍的近半数是推动扬州高质量发展不可或缺的重要力量"


def _page_doc(blocks, styles, rows=8, columns=2, colchars=13.0):
    """One frame of `columns` columns of `colchars` body characters, `rows` grid lines deep."""
    colw = colchars * BODY / PT_PER_MM
    gutter = BODY / PT_PER_MM
    w = columns * colw + (columns - 1) * gutter
    h = rows * PITCH / PT_PER_MM
    frame = TextFrame("f", 10, 10, w, h, columns=columns, gutter=gutter, story="s")
    page = Page("p1", "1", 200, 300, 3, Margins(10, 10, 10, 10), Grid(2, 13, 1, BODY, PITCH), frames=[frame])
    story = Story("s", "s", [Block(role, style, [Run(text)]) for role, style, text in blocks])
    return Document([page], [story], [ParagraphStyle("body", indent=2.0), *styles],
                    swatches=[Swatch("Black", k=100)])


def _lines_in_order(result):
    return sorted(result.pages[0].lines, key=lambda l: (l.column, l.baseline))


@pytest.mark.parametrize("role,keep_flag", [("subhead", False), ("paragraph", True)])
def test_a_head_never_stands_alone_at_a_column_foot(role, keep_flag):
    # a head style either by its role (subhead) or by its keep_with_next flag on a plain paragraph
    head = ParagraphStyle("head", font="hei", size=BODY, indent=0.0, keep_with_next=keep_flag)
    moved = 0
    for n in range(11, 13 * 8, 13):       # the body before the head: 1 … 7 full lines
        doc = _page_doc([("paragraph", "body", (BODY_TEXT * 3)[:n]), (role, "head", "小标题在此"),
                         ("paragraph", "body", BODY_TEXT * 2)], [head])
        lines = _lines_in_order(layout_document(doc))
        head_start = sorted(l.start for l in lines if l.first)[1]     # the second paragraph
        (k,) = [i for i, l in enumerate(lines) if l.start == head_start]
        h, after = lines[k], lines[k + 1]
        # at least the head and two more lines share its column: the head is never the last of it
        assert after.column == h.column, (n, h, after)
        assert lines[k + 2].column == h.column, (n, "head with only one line after it")
        if h.column == 1 and h.baseline < 2 * PITCH + lines[0].baseline:
            moved += 1
    assert moved >= 1, "no case put the head near the foot — the test lost its purpose"


@pytest.mark.parametrize("colchars", [13.0, 13.6])
def test_a_note_gets_a_ruled_box_around_its_lines_on_the_character_grid(colchars):
    note = ParagraphStyle("note", font="kai", size=BODY, border=0.5, indent=0.0)
    doc = _page_doc([("paragraph", "body", BODY_TEXT), ("note", "note", "小编说：" + BODY_TEXT)], [note],
                    rows=12, columns=1, colchars=colchars)
    result = layout_document(doc)
    page = result.pages[0]
    boxes = [b for b in page.items if isinstance(b, Box) and b.stroke is not None and b.stroke_width == 0.5]
    assert len(boxes) == 1
    box = boxes[0]
    note_start = len(BODY_TEXT)
    runs = [r for r in page.items if isinstance(r, GlyphRun) and r.start >= note_start]
    body_runs = [r for r in page.items if isinstance(r, GlyphRun) and r.start < note_start]
    assert runs and body_runs
    for r in runs:   # every glyph of the note inside the box, none of the body
        assert box.x < r.xs[0] and r.x_end < box.x + box.w
        assert box.y < r.y - r.size * 0.8 and r.y < box.y + box.h
    for r in body_runs:
        assert not (box.y < r.y < box.y + box.h)
    # the note's measure holds a whole number of characters, with air inside the rules
    note_lines = [l for l in page.lines if l.start >= note_start]
    for l in note_lines:
        chars = (l.x1 - l.x0) / BODY
        assert chars == pytest.approx(round(chars))
        assert l.x0 - (box.x + box.stroke_width / 2) >= 0.4 * BODY   # air between the rule and the text


def test_a_head_with_its_own_leading_takes_whole_grid_cells_and_sits_centred_in_them():
    head = ParagraphStyle("head", font="hei", size=16, leading=20, indent=0.0, align="left")
    doc = _page_doc([("paragraph", "body", BODY_TEXT), ("subhead", "head", "小标题"),
                     ("paragraph", "body", BODY_TEXT)], [head], rows=12, columns=1)
    page = layout_document(doc).pages[0]
    lines = sorted(page.lines, key=lambda l: l.baseline)
    body = [l for l in lines if l.role == "paragraph"]
    (h,) = [l for l in lines if l.role == "subhead"]
    before = max(l for l in body if l.baseline < h.baseline)
    after = min(l for l in body if l.baseline > h.baseline)
    # body lines stay on the grid below the head
    gap = (after.baseline - before.baseline) / PITCH
    assert gap == pytest.approx(round(gap))
    # the head's cells: from the body line above to the one below, less one body line
    cells = round(gap) - 1
    assert cells * PITCH >= 20 - 1e-6
    # centred: the head's baseline sits as far into its cells as a 20 pt line centred there would
    cell_top = before.baseline + (PITCH - BODY) / 2 + BODY * 0.12   # bottom of the body line's cell
    first_cell_top = page.grid_origin + round((cell_top - page.grid_origin) / PITCH) * PITCH
    slot_top = first_cell_top + (cells * PITCH - 20) / 2
    assert slot_top < h.baseline - 16 * 0.8 < slot_top + 20 - 16


@pytest.mark.parametrize("grid", [False, True])
def test_a_paragraph_off_the_grid_flows_from_column_to_column(grid):
    """A paragraph with its own leading (off the baseline grid: a caption style, a lead set
    looser) is body copy, not a head: it continues in the next column. It used to be kept
    together like a head, so everything past its first column was lost as overset."""
    loose = ParagraphStyle("loose", indent=2.0, leading=18.0, grid=grid)
    doc = _page_doc([("paragraph", "loose", BODY_TEXT * 5)], [loose], rows=8, columns=3)
    res = layout_document(doc)
    assert res.overset == ()
    cols = {ln.column for ln in res.pages[0].lines}
    assert cols == {0, 1, 2}
    # the lines follow the text: each column continues where the previous one stopped
    lines = _lines_in_order(res)
    assert all(a.end == b.start for a, b in zip(lines, lines[1:]))


def test_a_head_longer_than_a_column_flows_on_rather_than_losing_lines():
    """A head kept together that cannot fit in any one column (it starts at a column top, so
    moving it would not help) is split across columns instead of being cut off."""
    head = ParagraphStyle("head", font="hei", size=18.0, leading=24.0, grid=False)
    doc = _page_doc([("headline", "head", "工会服务职工" * 3)], [head], rows=4, columns=3)
    res = layout_document(doc)
    assert res.overset == ()
    assert len({ln.column for ln in res.pages[0].lines}) >= 2


def test_a_two_line_head_is_kept_together_in_one_column():
    """A head off the grid (its own leading) is never split over two columns: when only its first
    line would fit at a column foot, the whole head starts the next column."""
    head = ParagraphStyle("head", font="hei", size=18.0, leading=24.0, indent=0.0, grid=False)
    text = "工会服务职工工会服务"         # 6 characters a line at 18 pt in 13 body characters: 2 lines
    moved = 0
    for n in range(11, 13 * 8, 13):       # the body before the head: 1 … 7 full lines
        doc = _page_doc([("paragraph", "body", (BODY_TEXT * 3)[:n]), ("subhead", "head", text),
                         ("paragraph", "body", BODY_TEXT * 2)], [head])
        res = layout_document(doc)
        heads = [l for l in res.pages[0].lines if l.role == "subhead"]
        assert len(heads) == 2, n
        assert heads[0].column == heads[1].column, (n, "head split over two columns")
        if heads[0].column == 1:
            moved += 1
    assert moved >= 1, "no case put the head at a column foot — the test lost its purpose"
