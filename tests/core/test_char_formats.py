"""Character styles and local formatting in the engine: bold, colour, 着重号, tracking (字距),
horizontal shift; forced line breaks (U+2028) in heads; 一字空 kept.  Each test fails with
its feature switched off (the plain paragraph is laid out next to the formatted one)."""
import pytest

from banmian.core import commands as C
from banmian.core.io import LayoutFileError, dumps, loads
from banmian.core.model.document import (
    Block, CharacterStyle, CharFormat, Document, Margins, Page, ParagraphStyle, Run, Story, Swatch,
    TextFrame,
)
from banmian.core.typeset.layout import layout_document
from banmian.core.typeset.result import Box, GlyphRun

pytestmark = pytest.mark.core

TEXT = "今天的论坛从这段话出发讨论读书"


def doc_with(runs, style="body", width=120, text_role="paragraph"):
    return Document(
        swatches=[Swatch("Black", k=100), Swatch("Red", m=100, y=100)],
        paragraph_styles=[ParagraphStyle("body", size=10, align="left"),
                          ParagraphStyle("headline", font="hei", size=20, align="left", grid=False)],
        character_styles=[CharacterStyle("strong", bold=True), CharacterStyle("dots", emphasis=True),
                          CharacterStyle("red", color="Red")],
        stories=[Story("s1", "x", [Block(text_role, style, runs)])],
        pages=[Page("p1", width=width + 20, height=100, margins=Margins(10, 10, 10, 10),
                    frames=[TextFrame("t1", 10, 10, width, 80, story="s1")])])


def glyphs(doc):
    r = layout_document(doc)
    out = []
    for g in r.pages[0].glyph_runs():
        for x, ch, off in zip(g.xs, g.text, g.offsets):
            out.append((g.start + off, ch, x, g.font, g.color, g.y))
    return sorted(out), r


def test_bold_local_and_by_style_switch_the_face():
    plain, _ = glyphs(doc_with([Run(TEXT)]))
    assert {g[3] for g in plain} == {"song"}
    local, _ = glyphs(doc_with([Run(TEXT[:4]), Run(TEXT[4:6], local=CharFormat(bold=True)), Run(TEXT[6:])]))
    assert [g[3] for g in local[3:7]] == ["song", "hei", "hei", "song"]
    styled, _ = glyphs(doc_with([Run(TEXT[:4]), Run(TEXT[4:6], "strong"), Run(TEXT[6:])]))
    assert [g[3] for g in styled[4:6]] == ["hei", "hei"]
    # the local override beats the character style
    off, _ = glyphs(doc_with([Run(TEXT[:4]), Run(TEXT[4:6], "strong", CharFormat(bold=False)), Run(TEXT[6:])]))
    assert [g[3] for g in off[4:6]] == ["song", "song"]


def test_colour_is_a_cmyk_swatch():
    red, _ = glyphs(doc_with([Run(TEXT[:2], local=CharFormat(color="Red")), Run(TEXT[2:])]))
    assert red[0][4] == (0.0, 1.0, 1.0, 0.0) and red[2][4] == (0.0, 0.0, 0.0, 1.0)
    by_style, _ = glyphs(doc_with([Run(TEXT[:2], "red"), Run(TEXT[2:])]))
    assert by_style[1][4] == (0.0, 1.0, 1.0, 0.0)


def test_emphasis_dots_under_each_character():
    _, r0 = glyphs(doc_with([Run(TEXT)]))
    assert not [i for i in r0.pages[0].items if isinstance(i, Box)]
    g, r = glyphs(doc_with([Run(TEXT[:3]), Run(TEXT[3:6], "dots"), Run(TEXT[6:])]))
    dots = [i for i in r.pages[0].items if isinstance(i, Box)]
    assert len(dots) == 3
    for d, (_, _, x, _, _, y) in zip(sorted(dots, key=lambda b: b.x), g[3:6]):
        assert x < d.x < x + 10 and y < d.y < y + 5 and d.fill == (0.0, 0.0, 0.0, 1.0)
        assert abs((d.x + d.w / 2) - (x + 5)) < 0.01      # centred under the 10 pt character


def test_tracking_spaces_the_selection_only():
    plain, _ = glyphs(doc_with([Run(TEXT)]))
    tr, _ = glyphs(doc_with([Run(TEXT[:3]), Run(TEXT[3:6], local=CharFormat(tracking=0.5)), Run(TEXT[6:])]))
    gaps_plain = [b[2] - a[2] for a, b in zip(plain, plain[1:])][:8]
    gaps = [b[2] - a[2] for a, b in zip(tr, tr[1:])][:8]
    assert gaps_plain[:3] == pytest.approx([10, 10, 10])
    assert gaps[:2] == pytest.approx([10, 10]) and gaps[3:6] == pytest.approx([15, 15, 15])


def test_horizontal_shift_moves_glyphs_not_the_line():
    plain, rp = glyphs(doc_with([Run(TEXT)]))
    sh, rs = glyphs(doc_with([Run(TEXT[:3]), Run(TEXT[3:5], local=CharFormat(shift=0.25)), Run(TEXT[5:])]))
    dx = [b[2] - a[2] for a, b in zip(plain, sh)]
    assert dx[:3] == pytest.approx([0, 0, 0]) and dx[3:5] == pytest.approx([2.5, 2.5])
    assert dx[5:] == pytest.approx([0] * (len(dx) - 5))
    assert [ln.start for ln in rp.pages[0].lines] == [ln.start for ln in rs.pages[0].lines]


def test_forced_line_break_in_a_head():
    head = "书院精神的当代回响"
    one, r1 = glyphs(doc_with([Run(head)], style="headline", text_role="headline", width=200))
    assert len(r1.pages[0].lines) == 1
    two, r2 = glyphs(doc_with([Run(head[:4] + "\u2028" + head[4:])], style="headline", text_role="headline",
                              width=200))
    lines = r2.pages[0].lines
    assert len(lines) == 2 and lines[1].start == 5 and lines[0].last and lines[1].baseline > lines[0].baseline
    assert "\u2028" not in "".join(g[1] for g in two)          # nothing drawn for the break
    assert two[4][2] == pytest.approx(two[0][2])                 # the second line starts at the left edge
    assert not r2.missing_glyphs


def test_ideographic_space_is_kept_as_one_em():
    g, _ = glyphs(doc_with([Run("\u3000\u3000" + TEXT)]))
    first_han = next(x for x in g if x[1] == TEXT[0])
    assert first_han[2] - (10 * 72 / 25.4) == pytest.approx(20, abs=0.01)


def test_io_round_trip_and_bad_colour():
    doc = doc_with([Run(TEXT[:2], "strong", CharFormat(color="Red", emphasis=True, tracking=0.1, shift=-0.2)),
                    Run(TEXT[2:])])
    back = loads(dumps(doc))
    assert back.stories[0].blocks[0].runs[0].local == CharFormat(color="Red", emphasis=True, tracking=0.1,
                                                                 shift=-0.2)
    assert dumps(back) == dumps(doc)
    import json
    data = json.loads(dumps(doc))
    data["stories"][0]["blocks"][0]["runs"][0]["local"]["color"] = "RGB-red"
    with pytest.raises(LayoutFileError) as e:
        loads(json.dumps(data), "p.json")
    assert "runs[0].local.color" in str(e.value)


def test_apply_char_format_command():
    doc = doc_with([Run(TEXT)])
    before = dumps(doc)
    cmd = C.ApplyCharFormat("s1", 2, 5, bold=True, color="Red")
    cmd.do(doc)
    runs = doc.stories[0].blocks[0].runs
    assert [r.text for r in runs] == [TEXT[:2], TEXT[2:5], TEXT[5:]]
    assert runs[1].local == CharFormat(bold=True, color="Red") and runs[0].local is None
    cmd.undo(doc)
    assert dumps(doc) == before
    C.ApplyCharFormat("s1", 0, 4, style="dots").do(doc)
    C.ApplyCharFormat("s1", 0, 4, style=None).do(doc)
    assert dumps(doc) == before                     # runs merge back into one
    with pytest.raises(C.CommandError):
        C.ApplyCharFormat("s1", 0, 2, color="NoSuchRGB").do(doc)
    # typing inside a formatted run takes its format
    C.ApplyCharFormat("s1", 2, 5, bold=True).do(doc)
    C.ReplaceText("s1", 3, 3, "字").do(doc)
    assert doc.stories[0].blocks[0].runs[1].text == TEXT[2] + "字" + TEXT[3:5]
