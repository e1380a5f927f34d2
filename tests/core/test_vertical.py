"""Issue 9 item 8: vertical text frames (竖排) — columns right to left, characters top to
bottom, the faces' `vert` forms, rotated Latin, 纵中横 numbers, the same kinsoku and checks."""
import dataclasses
import json

import pytest

from banmian.core.io import LayoutFileError, dumps, loads
from banmian.core.model import Block, Document, Grid, Margins, Page, ParagraphStyle, Run, Story, Swatch, TextFrame
from banmian.core.typeset.breaking import NEVER_END, NEVER_START
from banmian.core.typeset.checks import run_checks
from banmian.core.typeset.fonts import default_registry
from banmian.core.typeset.layout import layout_document
from banmian.core.typeset.result import ROTATED, TCY, UPRIGHT, GlyphRun

pytestmark = pytest.mark.core
PT = 25.4 / 72
HEADLINE = "中国足球队——冲出亚洲，走向世界！第23届"
# a 3-band vertical article: 10 em lines, with closing marks where a line would naturally end
# (character 10, 20, …: they must not start a line) and an opening bracket before a line end
ARTICLE = ("本报讯记者从市体育局获悉一年一度，全市中学生运动会将于下月开幕。本届运动会设田径游泳篮球"
           "等十二个大项、共有来自全市八十所学校的四千余名运动员参赛。组委会表示，今年首次引入“"
           "智慧赛事”系统：观众可以在手机上查看实时成绩……赛事期间，主会场周边道路将实行交通管制，"
           "请市民提前规划出行路线（详见交管部门公告）。")
CHECKS = ("integrity", "prohibitions", "split_units", "overflow", "overlaps", "scaling")


def doc_of(paras, w, h, *, columns=1, font="hei", size=18.0, leading=24.0, role="headline",
           direction="vertical", gutter=4.0, align="justify", grid=False):
    story = Story("s", "s", [Block(role, "st", [Run(t)]) for t in paras])
    page = Page("p1", "1", 200, 200, 1, Margins(10, 10, 10, 10), Grid(1, 13, 1, 9.0, 15.0),
                frames=[TextFrame("v", 20, 10, w, h, story="s", columns=columns, gutter=gutter,
                                  direction=direction)])
    style = ParagraphStyle("st", font=font, size=size, leading=leading, indent=0.0, grid=grid, align=align)
    return Document([page], [story], [style], swatches=[Swatch("Black", k=100)])


def runs_of(result):
    return [r for r in result.pages[0].items if isinstance(r, GlyphRun)]


def glyphs_of(result):
    """(source index, drawn char, run, i) in source order."""
    out = [(r.start + r.offsets[i], r.text[i], r, i) for r in runs_of(result) for i in range(len(r.glyphs))]
    return sorted(out, key=lambda g: g[0])


def assert_clean(doc, result):
    rep = run_checks(doc, result)
    assert {c: rep.count(c) for c in CHECKS} == {c: 0 for c in CHECKS}, "\n".join(map(str, rep.problems))
    assert not result.overset
    return rep


def assert_reading_order(result):
    """Down each line, lines right to left within a band, bands top to bottom."""
    lines = result.pages[0].lines
    assert lines and all(ln.vertical for ln in lines)
    page = result.pages[0]
    for ln in lines:
        glyphs = sorted((r.start + r.offsets[i], r.along(i)[0] + (r.lcuts[i] if r.lcuts else 0.0))
                        for r in page.line_runs(ln) for i in range(len(r.glyphs)))
        ys = [y for _src, y in glyphs]
        assert ys and ys == sorted(ys), ln                  # top to bottom
    for a, b in zip(lines, lines[1:]):
        if a.column == b.column:
            assert b.baseline < a.baseline - 1.0            # the next line stands left of it
        else:
            assert b.column == a.column + 1 and b.x0 > a.x1  # the next band lies below


def test_vertical_headline_uses_vert_forms_and_tate_chu_yoko():
    fonts = default_registry()
    hei = fonts.face("hei")
    doc = doc_of([HEADLINE], 40, 9 * 18 * PT)        # 9 em lines: the headline takes three
    result = layout_document(doc)
    assert_clean(doc, result)
    assert_reading_order(result)
    assert len(result.pages[0].lines) == 3
    g = glyphs_of(result)
    text = doc.stories[0].text
    assert "".join(text[s] for s, *_ in g) == HEADLINE
    for src, ch, r, i in g:
        assert r.orient in (UPRIGHT, ROTATED, TCY)
        if text[src] in "，！":
            # the face's vertical form (、。，at the top right of the em, ！ upright), by glyph id
            assert r.orient == UPRIGHT and r.glyphs[i] == hei.vert[hei.cmap[ord(ch)]] != hei.cmap[ord(ch)]
        if text[src] == "—":
            assert ch == "\u2015" and r.orient == UPRIGHT and r.glyphs[i] == hei.vert[hei.cmap[0x2015]]
        if "\u4e00" <= ch <= "\u9fff":
            # a Han character: upright, centred on the line, its em one em below the one before
            assert r.orient == UPRIGHT and abs(r.xs[i] + r.advances[i] / 2 - r.y) < 1e-6
    # 纵中横: the two digits side by side, centred across the line, inside one em
    digits = [(r, i) for src, ch, r, i in g if ch in "23"]
    (r, a), (_r2, b) = digits
    assert r is _r2 and r.orient == TCY and r.ys[a] == r.ys[b]
    assert abs(r.xs[b] - (r.xs[a] + r.advances[a])) < 1e-6
    assert abs((r.xs[a] + r.xs[b] + r.advances[b]) / 2 - r.y) < 1e-6
    han_after = next(x for x in g if x[1] == "届")
    assert abs(han_after[2].along(han_after[3])[0] - r.along(a)[0] - 18.0) < 1e-6   # one em long


def test_headline_horizontal_has_none_of_it():
    """The same copy in a horizontal frame: no vertical runs, no vertical forms (the test above
    would fail with the feature switched off)."""
    doc = doc_of([HEADLINE], 9 * 18 * PT, 40, direction="horizontal")
    result = layout_document(doc)
    assert all(r.orient == 0 and not r.ys for r in runs_of(result))
    assert not any(ln.vertical for ln in result.pages[0].lines)


def test_vertical_three_band_article_keeps_kinsoku_and_reads_right_to_left():
    size, em_per_line, gutter = 9.0, 10, 4.0
    band = em_per_line * size * PT
    doc = doc_of([ARTICLE], 36, 3 * band + 2 * gutter, columns=3, size=size, leading=15.0,
                 role="paragraph", font="song", gutter=gutter, grid=True)
    # the copy puts a mark that must not start a line where a 10-em line would end
    assert any(ARTICLE[k] in NEVER_START for k in range(em_per_line, len(ARTICLE), em_per_line))
    result = layout_document(doc)
    rep = assert_clean(doc, result)
    assert_reading_order(result)
    lines = result.pages[0].lines
    assert {ln.column for ln in lines} == {0, 1, 2} and rep.lines == len(lines)
    text = doc.stories[0].text
    for ln in lines:
        seg = text[ln.start:ln.end]
        assert seg[0] not in NEVER_START, seg
        assert ln.last or seg[-1] not in NEVER_END, seg
        assert ln.x0 - 0.01 <= ln.set_x0 and ln.set_x1 <= ln.x1 + 0.01      # within the band's height
    song = default_registry().face("song")
    forms = {ch: song.vert[song.cmap[ord(ch)]] for ch in "，。、“”（）…："}
    seen = set()
    for src, ch, r, i in glyphs_of(result):
        if ch in forms:
            assert r.glyphs[i] == forms[ch] and r.orient == UPRIGHT, ch
            seen.add(ch)
    assert seen == set(forms)
    # the bands are the frame's columns: each one's lines in its own height, top to bottom
    fl = result.pages[0].frames[0]
    assert len(fl.columns) == 3 and all(a[3] < b[1] for a, b in zip(fl.columns, fl.columns[1:]))


def test_latin_word_is_rotated_with_its_real_advance_as_height():
    fonts = default_registry()
    hei = fonts.face("hei")
    doc = doc_of(["他说 Banmian 是一个版面软件，已经发布了2026版。"], 40, 12 * 18 * PT)
    result = layout_document(doc)
    assert_clean(doc, result)
    assert_reading_order(result)
    latin = [r for r in runs_of(result) if "B" in r.text]
    assert len(latin) == 1
    r = latin[0]
    assert r.orient == ROTATED and r.text.startswith("Banmian")
    for i in range(len("Banmian") - 1):
        assert abs(r.ys[i + 1] - r.ys[i] - hei.advance(r.text[i]) * 18.0) < 1e-6   # its width, down the page
    assert len(set(r.xs)) == 1                      # one baseline, running down
    # a number of four digits lies rotated too; one of two would stand upright (纵中横)
    four = [r for r in runs_of(result) if "2026" in r.text]
    assert four and four[0].orient == ROTATED


def test_checks_find_overlaps_and_overflow_in_a_vertical_line():
    doc = doc_of([HEADLINE], 40, 9 * 18 * PT)
    result = layout_document(doc)
    page = result.pages[0]
    items = list(page.items)
    k, run = next((k, it) for k, it in enumerate(items) if isinstance(it, GlyphRun) and "国" in it.text)
    ys = list(run.ys)
    ys[1:] = [y - 9.0 for y in ys[1:]]          # every glyph after the first half an em up: overlaps
    items[k] = run._replace(ys=tuple(ys))
    bad = dataclasses.replace(result, pages=(dataclasses.replace(page, items=tuple(items)),))
    assert run_checks(doc, bad).count("overlaps") >= 1
    ys = [y + 40.0 for y in run.ys]              # pushed down past the column's end: overflow
    items[k] = run._replace(ys=tuple(ys))
    bad = dataclasses.replace(result, pages=(dataclasses.replace(page, items=tuple(items)),))
    assert run_checks(doc, bad).count("overflow") >= 1


def test_dump_is_deterministic_with_vertical_runs():
    doc = doc_of([HEADLINE], 40, 9 * 18 * PT)
    a, b = layout_document(doc).dump(), layout_document(doc).dump()
    assert a == b and '"orient":3' in a and '"vertical":true' in a


def test_direction_round_trips_and_is_validated():
    doc = doc_of([HEADLINE], 40, 60)
    text = dumps(doc)
    assert json.loads(text)["pages"][0]["frames"][0]["direction"] == "vertical"
    again = loads(text, "v.json")
    assert again.pages[0].frames[0].direction == "vertical"
    assert dumps(again) == text
    # horizontal is the default and is not written
    doc.pages[0].frames[0].direction = "horizontal"
    assert "direction" not in json.loads(dumps(doc))["pages"][0]["frames"][0]
    d = json.loads(text)
    d["pages"][0]["frames"][0]["direction"] = "sideways"
    with pytest.raises(LayoutFileError) as e:
        loads(json.dumps(d), "bad.json")
    lines = str(e.value).splitlines()
    assert len(lines) == 1 and "pages[0].frames[0].direction" in lines[0] and "sideways" in lines[0]
    assert "horizontal, vertical" in lines[0]


def test_emphasis_dots_stand_right_of_their_characters():
    from banmian.core.model.document import CharFormat
    from banmian.core.typeset.result import Box
    doc = doc_of([HEADLINE], 40, 9 * 18 * PT)
    doc.stories[0].blocks[0].runs = [Run("中国", local=CharFormat(emphasis=True)), Run(HEADLINE[2:])]
    result = layout_document(doc)
    dots = [b for b in result.pages[0].items if isinstance(b, Box)]
    first = result.pages[0].lines[0]
    han = [(r, i) for r in result.pages[0].line_runs(first) for i, ch in enumerate(r.text) if ch in "中国"]
    assert len(dots) == 2 and len(han) == 2
    for d, (r, i) in zip(sorted(dots, key=lambda b: b.y), sorted(han, key=lambda g: g[0].ys[g[1]])):
        top, adv = r.along(i)
        assert d.x > r.y + 0.5 * r.size - 1e-6                       # right of the character's em
        assert abs(d.y + d.h / 2 - (top + adv / 2)) < 1e-6           # level with its middle
