"""Issue 14 items 10 and 12 in the core: paragraph styles that follow their size (automatic
leading, labels), create/duplicate/delete styles, align/distribute, stacking order, ruler
guides and locked frames — each a command whose undo gives back the file byte for byte."""
import pytest

from banmian.core import commands as C
from banmian.core.io import LayoutFileError, dumps, loads
from banmian.core.model.document import (
    Block, Document, ImageFrame, Page, ParagraphStyle, Run, Story, Swatch, TextFrame,
)
from banmian.core.preflight import preflight
from banmian.core.stylelabels import display_labels, follow, shown_label
from banmian.core.typeset.layout import layout_document

pytestmark = pytest.mark.core


def make_doc() -> Document:
    return Document(
        swatches=[Swatch("Black", k=100)],
        paragraph_styles=[
            ParagraphStyle("body", indent=2, label="正文 宋体小五"),
            ParagraphStyle("headline", font="hei-bold", size=22, leading=30, label="主题 黑体二号"),
            ParagraphStyle("headline-2", font="hei-bold", size=22, leading=30, label="主题 黑体二号"),
        ],
        stories=[Story("s1", "稿", [Block("headline", "headline", [Run("标题")]),
                                    Block("paragraph", "body", [Run("正文。")]),
                                    Block("headline", "headline-2", [Run("副标题")])])],
        pages=[Page("p1", frames=[
            TextFrame("t1", 20, 20, 100, 50, story="s1"),
            ImageFrame("i1", 150, 40, 60, 30),
            TextFrame("cap", 150, 71, 60, 8, caption_of="i1"),
            TextFrame("t3", 40, 120, 30, 20),
        ])],
    )


def do_undo(cmd, doc):
    before = dumps(doc)
    cmd.do(doc)
    after = dumps(doc)
    assert after != before
    cmd.undo(doc)
    assert dumps(doc) == before
    cmd.do(doc)
    assert dumps(doc) == after
    return doc


# ------------------------------------------------------------------ styles

def test_automatic_leading_follows_the_size():
    doc = make_doc()
    C.EditParagraphStyle("headline", leading_ratio=30 / 22).do(doc)      # tick "auto": keeps 30 pt
    st = doc.paragraph_style("headline")
    assert st.leading == 30
    do_undo(C.EditParagraphStyle("headline", size=26), doc)
    assert st.size == 26 and st.leading == pytest.approx(26 * 30 / 22, abs=0.01)
    # fixed leading does not move
    fixed = doc.paragraph_style("headline-2")
    C.EditParagraphStyle("headline-2", size=26).do(doc)
    assert fixed.leading == 30


def test_automatic_leading_survives_save_and_is_validated():
    doc = make_doc()
    C.EditParagraphStyle("headline", leading_ratio=1.4).do(doc)
    assert doc.paragraph_style("headline").leading == pytest.approx(30.8)
    again = loads(dumps(doc))
    assert again.paragraph_style("headline").leading_ratio == 1.4
    assert '"leading_ratio"' not in dumps(make_doc())          # old files stay as they were
    bad = dumps(doc).replace('"leading_ratio": 1.4', '"leading_ratio": 9')
    with pytest.raises(LayoutFileError, match="leading_ratio: expected 0 .fixed leading. or a ratio"):
        loads(bad)


def test_fixed_leading_smaller_than_size_is_a_preflight_warning():
    doc = make_doc()
    assert not [f for f in preflight(doc, layout_document(doc)) if f.code == "leading_tight"]
    C.EditParagraphStyle("headline", size=36).do(doc)        # 小初 over a fixed 30 pt leading
    found = [f for f in preflight(doc, layout_document(doc)) if f.code == "leading_tight"]
    assert len(found) == 1 and found[0].severity == "warning"
    assert "主题 黑体小初" in found[0].message and found[0].story == "s1"
    assert doc.paragraph_style("headline").leading_problem()


def test_the_label_follows_font_and_size():
    doc = make_doc()
    C.EditParagraphStyle("headline", size=26).do(doc)
    assert doc.paragraph_style("headline").label == "主题 黑体一号"
    C.EditParagraphStyle("headline", size=13).do(doc)
    assert doc.paragraph_style("headline").label == "主题 黑体13pt"
    C.EditParagraphStyle("body", font="kai").do(doc)
    assert doc.paragraph_style("body").label == "正文 楷体小五"
    # a stale label in a file shows the style as it is, and notes survive
    assert shown_label(ParagraphStyle("t", font="hei-bold", size=22, label="图片标题 黑体小四")) == "图片标题 黑体二号"
    assert follow("小编说 楷体小五 加框", "kai", 10.5) == "小编说 楷体五号 加框"
    assert follow("正文", "song", 9) == "正文 宋体小五"


def test_no_two_styles_show_the_same_label():
    labels = display_labels(make_doc().paragraph_styles)
    assert len(set(labels.values())) == 3
    assert labels["headline"] == "主题 黑体二号 · headline"
    assert labels["headline-2"] == "主题 黑体二号 · headline-2"
    assert labels["body"] == "正文 宋体小五"


def test_create_duplicate_delete_styles():
    doc = make_doc()
    do_undo(C.AddParagraphStyle(ParagraphStyle(C.unique_style_name(doc, "style"), label="新样式")), doc)
    dup = C.duplicate_paragraph_style(doc, "headline")
    do_undo(dup, doc)
    names = [s.name for s in doc.paragraph_styles]
    assert names[names.index("headline") + 1] == "headline-3"     # right after it; -2 is taken
    assert doc.paragraph_style("headline-3").label == "主题副本 黑体二号"
    # an unused style goes; one in use needs a replacement
    do_undo(C.DeleteParagraphStyle("style"), doc)
    with pytest.raises(C.CommandError, match="used by 1 paragraphs"):
        C.DeleteParagraphStyle("headline").do(doc)
    assert doc.paragraph_style("headline") is not None
    do_undo(C.DeleteParagraphStyle("headline", "headline-3"), doc)
    assert doc.story("s1").blocks[0].style == "headline-3"
    loads(dumps(doc))              # the file names no style it lacks


# ------------------------------------------------------------------ arranging

def test_align_frames_and_captions_follow():
    doc = make_doc()
    do_undo(C.AlignFrames(["t1", "i1", "t3"], "left"), doc)
    assert {doc.find_frame(i)[1].x for i in ("t1", "i1", "t3")} == {20}
    assert doc.find_frame("cap")[1].x == 20                  # the caption went with its photo
    doc = make_doc()
    C.AlignFrames(["t1", "t3"], "bottom").do(doc)
    assert doc.find_frame("t1")[1].y + 50 == doc.find_frame("t3")[1].y + 20 == 140
    doc = make_doc()
    C.AlignFrames(["t1", "i1"], "center").do(doc)
    t1, i1 = doc.find_frame("t1")[1], doc.find_frame("i1")[1]
    assert t1.x + t1.w / 2 == pytest.approx(i1.x + i1.w / 2) == pytest.approx((20 + 210) / 2)
    # one frame: to the bounds given (the type area)
    doc = make_doc()
    C.AlignFrames(["t3"], "right", bounds=(20, 20, 370, 520)).do(doc)
    assert doc.find_frame("t3")[1].x == 340


def test_locked_frames_stay_put():
    doc = make_doc()
    do_undo(C.lock_frames(["t1"], True), doc)
    assert doc.find_frame("t1")[1].locked
    assert '"locked": true' in dumps(doc) and loads(dumps(doc)).find_frame("t1")[1].locked
    C.AlignFrames(["t1", "t3"], "top").do(doc)
    assert doc.find_frame("t1")[1].y == 20 and doc.find_frame("t3")[1].y == 20


def test_distribute_frames():
    doc = make_doc()
    doc.pages[0].frames += [TextFrame("a", 10, 200, 10, 10), TextFrame("b", 25, 200, 20, 10),
                            TextFrame("c", 90, 200, 10, 10)]
    do_undo(C.DistributeFrames(["c", "a", "b"], "h"), doc)
    a, b, c = (doc.find_frame(i)[1] for i in "abc")
    assert (a.x, c.x) == (10, 90)
    assert b.x - (a.x + a.w) == pytest.approx(c.x - (b.x + b.w)) == 25
    C.DistributeFrames(["a", "b"], "v").do(doc)                     # two frames: nothing to space
    assert (a.y, b.y) == (200, 200)


def test_stacking_order_is_the_paint_order():
    doc = make_doc()
    ids = lambda: [f.id for f in doc.pages[0].frames]      # noqa: E731
    do_undo(C.ArrangeFrames(["t1"], "front"), doc)
    assert ids() == ["i1", "cap", "t3", "t1"]
    do_undo(C.ArrangeFrames(["t3"], "back"), doc)
    assert ids()[0] == "t3"
    C.ArrangeFrames(["t3"], "forward").do(doc)
    assert ids()[:2] == ["i1", "t3"]
    C.ArrangeFrames(["t3"], "backward").do(doc)
    assert ids()[0] == "t3"
    # the display list paints in that order: the photo's placement now comes after t1's text
    C.ArrangeFrames(["i1"], "front").do(doc)
    items = layout_document(doc).pages[0].items
    kinds = [type(i).__name__ for i in items]
    assert kinds.index("ImagePlacement") > kinds.index("GlyphRun")


def test_guides_are_saved_and_undoable():
    doc = make_doc()
    do_undo(C.AddGuide("p1", "x", 100.25), doc)
    do_undo(C.AddGuide("p1", "y", 80), doc)
    assert '"guides"' in dumps(doc)
    again = loads(dumps(doc))
    assert (again.pages[0].guides.x, again.pages[0].guides.y) == ([100.25], [80])
    do_undo(C.MoveGuide("p1", "x", 0, 120), doc)
    assert doc.pages[0].guides.x == [120]
    do_undo(C.MoveGuide("p1", "x", 0, None), doc)
    assert doc.pages[0].guides.x == []
    do_undo(C.ClearGuides("p1"), doc)
    assert doc.pages[0].guides.y == []
    assert '"guides"' not in dumps(make_doc())
    with pytest.raises(LayoutFileError, match=r"pages\[0\].guides.x\[0\]: expected a number"):
        loads(dumps(again).replace("100.25", '"left"'))


def test_snapping_uses_the_guides():
    from banmian.gui.geometry import snap_targets
    doc = make_doc()
    C.AddGuide("p1", "x", 123.4).do(doc)
    C.AddGuide("p1", "y", 56.7).do(doc)
    xs, ys = snap_targets(doc.pages[0])
    assert 123.4 in xs and 56.7 in ys
