"""Commands: do then undo gives back the document byte for byte (as JSON)."""
import pytest

from banmian.core import commands as C
from banmian.core.io import dumps, loads
from banmian.core.model.document import (
    Article, Block, BoxFrame, Document, ImageFrame, Page, ParagraphStyle, RuleFrame,
    Run, Story, Swatch, TextFrame,
)

pytestmark = pytest.mark.core


def make_doc() -> Document:
    body = Story("s1", "社论", [Block("headline", "headline", [Run("标题")]),
                               Block("paragraph", "paragraph", [Run("正文第一段。"), Run("加粗", "bold")]),
                               Block("paragraph", "paragraph", [Run("第二段。")])])
    other = Story("s2", "短讯", [Block("paragraph", "paragraph", [Run("短讯正文。")])])
    from banmian.core.model.document import CharacterStyle
    doc = Document(
        swatches=[Swatch("Black", k=100)],
        paragraph_styles=[ParagraphStyle("paragraph", indent=2), ParagraphStyle("headline", font="hei-bold", size=22)],
        character_styles=[CharacterStyle("bold", font="hei")],
        stories=[body, other],
        articles=[Article("a1", "社论")],
        pages=[Page("p1", frames=[
            TextFrame("t1", 20, 20, 100, 50, article="a1", story="s1", next="t2"),
            TextFrame("t2", 20, 80, 100, 50, article="a1", next="t3"),
            TextFrame("t3", 130, 80, 100, 50, article="a1"),
            ImageFrame("i1", 130, 20, 60, 40, article="a1"),
            TextFrame("t4", 20, 200, 100, 50, story="s2"),
            RuleFrame("r1", 20, 190, 200, 0),
            BoxFrame("b1", 10, 10, 300, 300),
        ]), Page("p2", frames=[TextFrame("t5", 20, 20, 100, 50)])],
    )
    return doc


def roundtrip(cmd, doc=None):
    doc = doc or make_doc()
    before = dumps(doc)
    cmd.do(doc)
    after = dumps(doc)
    assert loads(after) is not None   # still a valid document
    cmd.undo(doc)
    assert dumps(doc) == before
    cmd.do(doc)                       # redo gives the same result
    assert dumps(doc) == after
    cmd.undo(doc)
    assert dumps(doc) == before
    return after


def test_move_frames_whole_article():
    after = loads(roundtrip(C.MoveFrames(["t1", "t2", "t3", "i1"], 10.5, -3)))
    assert after.find_frame("t1")[1].x == 30.5 and after.find_frame("i1")[1].y == 17


def test_resize_and_props():
    after = loads(roundtrip(C.ResizeFrame("t1", 1, 2, 3, 4)))
    assert after.find_frame("t1")[1].rect() == (1, 2, 3, 4)
    after = loads(roundtrip(C.SetFrameProps("t1", columns=3, gutter=5, **{"wrap.mode": "box"})))
    f = after.find_frame("t1")[1]
    assert (f.columns, f.gutter, f.wrap.mode) == (3, 5, "box")
    with pytest.raises(C.CommandError):
        C.SetFrameProps("t1", nonsense=1).do(make_doc())


def test_add_delete_frame_keeps_threads():
    roundtrip(C.AddFrame("p2", TextFrame("t9", 0, 0, 10, 10)))
    after = loads(roundtrip(C.DeleteFrame("t2")))
    assert after.find_frame("t1")[1].next == "t3"
    after = loads(roundtrip(C.DeleteFrame("t1")))
    assert after.find_frame("t2")[1].story == "s1"
    assert [f.id for _, f in after.thread("s1")] == ["t2", "t3"]
    roundtrip(C.DeleteFrame(["t1", "t2", "r1"]))


def test_link_unlink():
    after = loads(roundtrip(C.LinkFrames("t3", "t5")))
    assert [f.id for _, f in after.thread("s1")] == ["t1", "t2", "t3", "t5"]
    after = loads(roundtrip(C.LinkFrames("t3", "t4")))   # t4's story becomes unplaced
    assert after.thread("s2") == [] and after.find_frame("t3")[1].next == "t4"
    after = loads(roundtrip(C.LinkFrames("t1", "t5")))   # inserted into the chain
    assert [f.id for _, f in after.thread("s1")] == ["t1", "t5", "t2", "t3"]
    with pytest.raises(C.CommandError):
        C.LinkFrames("t3", "t1").do(make_doc())
    after = loads(roundtrip(C.UnlinkFrame("t2")))
    assert [f.id for _, f in after.thread("s1")] == ["t1", "t2"]


def test_edit_story_text_keeps_runs_and_merges():
    doc = make_doc()
    before = dumps(doc)
    c1 = C.EditStoryText("s1", 1, text="正文第一段。加粗")
    c1.do(doc)
    c2 = C.EditStoryText("s1", 1, text="正文第一段改。加粗")
    c2.do(doc)
    assert c1.merge_with(c2)
    c3 = C.EditStoryText("s1", 1, text="正文第一段改。加粗字")
    c3.do(doc)
    assert c1.merge_with(c3)
    b = doc.story("s1").blocks[1]
    assert [(r.text, r.style) for r in b.runs] == [("正文第一段改。", None), ("加粗字", "bold")]
    c1.undo(doc)
    assert dumps(doc) == before
    c1.do(doc)
    assert doc.story("s1").blocks[1].text == "正文第一段改。加粗字"
    assert not c1.merge_with(C.EditStoryText("s1", 2, text="x"))
    roundtrip(C.EditStoryText("s1", 2, runs=[Run("新"), Run("文", "bold")]))


@pytest.mark.parametrize("old,new", [
    ("abcdef", "abXcdef"), ("abcdef", "abdef"), ("abcdef", ""), ("abcdef", "Xabcdef"),
    ("abcdef", "abcdefX"), ("abcdef", "aXf"), ("aaaa", "aaaaa"),
])
def test_replace_runs_text(old, new):
    runs = [Run(old[:3]), Run(old[3:], "bold")]
    out = C.replace_runs_text(runs, new)
    assert "".join(r.text for r in out) == new


def test_block_styles_and_paragraph_styles():
    after = loads(roundtrip(C.SetBlockStyle("s1", 2, role="lead", style="headline")))
    assert after.story("s1").blocks[2].role == "lead"
    after = loads(roundtrip(C.EditParagraphStyle("paragraph", size=10.5, align="left")))
    assert after.paragraph_style("paragraph").size == 10.5
    roundtrip(C.AddParagraphStyle(ParagraphStyle("caption", font="kai")))
    roundtrip(C.SetStoryBlocks("s2", [Block("paragraph", "paragraph", [Run("一")]),
                                      Block("paragraph", "paragraph", [Run("二")])]))


def test_place_image_and_stories():
    after = loads(roundtrip(C.PlaceImage("i1", "photo.jpg", fit="fit")))
    assert after.find_frame("i1")[1].path == "photo.jpg"
    with pytest.raises(C.CommandError):
        C.PlaceImage("t1", "x.jpg").do(make_doc())
    after = loads(roundtrip(C.AddStory(Story("s3", "导入", [Block("paragraph", "paragraph", [Run("新稿")])]))))
    assert after.story("s3") is not None
    after = loads(roundtrip(C.DeleteStory("s2")))
    assert after.find_frame("t4")[1].story is None
    doc = make_doc()
    C.AddStory(Story("s3", "导入", [])).do(doc)
    after = loads(roundtrip(C.PlaceStory("t5", "s3"), doc))
    assert [f.id for _, f in after.thread("s3")] == ["t5"]


def test_pages():
    after = loads(roundtrip(C.AddPage(Page("p3"), 0)))
    assert after.pages[0].id == "p3"
    after = loads(roundtrip(C.DuplicatePage("p1")))
    assert len(after.pages) == 3 and len(after.stories) == 4
    dup = after.pages[1]
    heads = [f for f in dup.frames if isinstance(f, TextFrame) and f.story]
    assert len(heads) == 2 and all(h.story not in ("s1", "s2") for h in heads)
    after = loads(roundtrip(C.DeletePage("p1")))
    assert len(after.pages) == 1 and after.story("s1") is not None


def test_compound():
    cmd = C.Compound([C.AddFrame("p2", ImageFrame("i9", 0, 0, 50, 50)), C.PlaceImage("i9", "a.png")],
                     "置入图片")
    after = loads(roundtrip(cmd))
    assert after.find_frame("i9")[1].path == "a.png"


def test_set_frame_props_merge_unless_one_gesture_each():
    a = C.SetFrameProps("i1", fit="none", offset_x=1.0)
    assert a.merge_with(C.SetFrameProps("i1", fit="none", offset_x=2.0))
    a.mergeable = False
    assert not a.merge_with(C.SetFrameProps("i1", fit="none", offset_x=3.0))


def test_replace_document_keeps_the_object_and_undoes():
    doc = make_doc()
    other = make_doc()
    other.stories[1].blocks[0].runs = [Run("恢复的文字。")]
    other.pages[0].frames[0].x = 42.0
    old, new = dumps(doc), dumps(other)
    cmd = C.ReplaceDocument(old, new, text="恢复")
    ident = id(doc)
    after = roundtrip(cmd, doc)
    assert id(doc) == ident
    assert after == new
    assert cmd.text == "恢复"
    cmd.do(doc)
    assert doc.story("s2").text == "恢复的文字。" and doc.find_frame("t1")[1].x == 42.0
    with pytest.raises(C.CommandError):
        C.ReplaceDocument(old, "{not json").do(doc)
