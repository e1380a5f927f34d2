"""Typing on the page as core commands: ReplaceText at story positions, merging into
one undo step, paragraph split/join, the format typed text takes."""
import pytest

from banmian.core import commands as C
from banmian.core.io import dumps, loads
from banmian.core.model.document import (
    Block, CharacterStyle, Document, Page, ParagraphStyle, Run, Story, Swatch, TextFrame,
)

pytestmark = pytest.mark.core


def make_doc() -> Document:
    s = Story("s1", "稿", [Block("headline", "headline", [Run("标题")]),
                          Block("paragraph", "body", [Run("正文"), Run("加粗", "bold"), Run("后文")])])
    return Document(swatches=[Swatch("Black", k=100)],
                    paragraph_styles=[ParagraphStyle("body"), ParagraphStyle("headline", size=22)],
                    character_styles=[CharacterStyle("bold", font="hei")],
                    stories=[s], pages=[Page("p1", frames=[TextFrame("t1", 20, 20, 100, 50, story="s1")])])


def roundtrip(cmd, doc):
    before = dumps(doc)
    cmd.do(doc)
    after = dumps(doc)
    loads(after)
    cmd.undo(doc)
    assert dumps(doc) == before
    cmd.do(doc)
    assert dumps(doc) == after
    return after


def test_insert_in_a_run_takes_its_format():
    doc = make_doc()
    # story.text = "标题\n正文加粗后文"; position 6 is after "加" (inside the bold run)
    roundtrip(C.ReplaceText("s1", 6, 6, "字"), doc)
    b = doc.stories[0].blocks[1]
    assert b.text == "正文加字粗后文"
    assert [(r.text, r.style) for r in b.runs] == [("正文", None), ("加字粗", "bold"), ("后文", None)]


def test_insert_at_paragraph_start_takes_first_run():
    doc = make_doc()
    C.ReplaceText("s1", 3, 3, "新").do(doc)
    assert [(r.text, r.style) for r in doc.stories[0].blocks[1].runs][0] == ("新正文", None)


def test_newline_splits_and_keeps_style():
    doc = make_doc()
    roundtrip(C.ReplaceText("s1", 5, 5, "\n"), doc)
    bl = doc.stories[0].blocks
    assert [b.text for b in bl] == ["标题", "正文", "加粗后文"]
    assert [(b.role, b.style) for b in bl[1:]] == [("paragraph", "body")] * 2
    assert bl[2].runs[0].style == "bold"      # the split keeps character formats
    # a newline in the headline keeps the headline style too
    C.ReplaceText("s1", 1, 1, "\n").do(doc)
    assert [(b.text, b.style) for b in doc.stories[0].blocks[:2]] == [("标", "headline"), ("题", "headline")]


def test_delete_across_paragraphs_joins_into_first():
    doc = make_doc()
    after = roundtrip(C.ReplaceText("s1", 1, 4), doc)      # "题\n正" deleted
    bl = loads(after).stories[0].blocks
    assert [(b.text, b.style) for b in bl] == [("标文加粗后文", "headline")]


def test_typing_merges_into_one_undo_step():
    doc = make_doc()
    before = dumps(doc)
    first = C.ReplaceText("s1", 2, 2, "：")
    first.do(doc)
    for i, ch in enumerate("今日"):
        nxt = C.ReplaceText("s1", 3 + i, 3 + i, ch)
        nxt.do(doc)
        assert first.merge_with(nxt)
    assert doc.stories[0].blocks[0].text == "标题：今日"
    first.undo(doc)
    assert dumps(doc) == before
    first.do(doc)          # redo of the merged step
    assert doc.stories[0].blocks[0].text == "标题：今日"
    # an insertion elsewhere does not merge
    assert not first.merge_with(C.ReplaceText("s1", 0, 0, "x"))
    # nor a newline (Enter is its own step)
    assert not first.merge_with(C.ReplaceText("s1", 5, 5, "\n"))


def test_backspace_run_merges_even_across_a_paragraph_end():
    doc = make_doc()
    before = dumps(doc)
    first = C.ReplaceText("s1", 4, 5)           # Backspace after "文" (story text "标题\n正文加粗后文")
    first.do(doc)
    for pos in (4, 3):                          # "正", then the paragraph end: joins
        nxt = C.ReplaceText("s1", pos - 1, pos)
        nxt.do(doc)
        assert first.merge_with(nxt)
    assert [b.text for b in doc.stories[0].blocks] == ["标题加粗后文"]
    first.undo(doc)
    assert dumps(doc) == before
    first.do(doc)
    assert [b.text for b in doc.stories[0].blocks] == ["标题加粗后文"]


def test_delete_forward_merges():
    doc = make_doc()
    first = C.ReplaceText("s1", 3, 4)
    first.do(doc)
    nxt = C.ReplaceText("s1", 3, 4)
    nxt.do(doc)
    assert first.merge_with(nxt) and (first.start, first.end) == (3, 5)
    assert doc.stories[0].blocks[1].text == "加粗后文"


def test_ideographic_space_is_kept():
    doc = make_doc()
    C.ReplaceText("s1", 3, 3, "\u3000\u3000").do(doc)
    assert doc.stories[0].blocks[1].text.startswith("\u3000\u3000正文")
    assert loads(dumps(doc)).stories[0].blocks[1].text.startswith("\u3000\u3000正文")


def test_out_of_range_is_refused():
    doc = make_doc()
    with pytest.raises(C.CommandError):
        C.ReplaceText("s1", 5, 99, "x").do(doc)


# ------------------------------------------------------------------ captions tied to photos

from banmian.core.model.document import ImageFrame  # noqa: E402


def caption_doc() -> Document:
    doc = make_doc()
    doc.pages[0].frames += [ImageFrame("i1", 130, 20, 60, 40),
                            TextFrame("cap", 128, 63, 50, 8)]
    return doc


def test_attach_caption_snaps_under_the_photo_and_round_trips():
    doc = caption_doc()
    after = loads(roundtrip(C.AttachCaption("cap", "i1"), doc))
    cap = after.find_frame("cap")[1]
    assert cap.caption_of == "i1" and cap.caption_gap == pytest.approx(3.0)
    assert (cap.x, cap.y, cap.w, cap.h) == (130, 63, 60, 8)
    # saved in the file and read back
    assert '"caption_of":"i1"' in dumps(after).replace(" ", "")
    assert loads(dumps(after)).find_frame("cap")[1].caption_of == "i1"


def test_caption_follows_move_and_resize_of_the_photo():
    doc = caption_doc()
    C.AttachCaption("cap", "i1", gap=2).do(doc)
    before = dumps(doc)
    mv = C.MoveFrames(["i1"], 10, 5)
    mv.do(doc)
    cap = doc.find_frame("cap")[1]
    assert (cap.x, cap.y, cap.w) == (140, 67, 60)
    mv.undo(doc)
    assert dumps(doc) == before
    C.ResizeFrame("i1", 130, 20, 80, 50).do(doc)
    assert (cap.x, cap.y, cap.w, cap.h) == (130, 72, 80, 8)
    C.SetFrameProps("i1", w=40.0).do(doc)
    assert cap.w == 40
    # the caption moved on its own keeps its new distance below the photo
    C.MoveFrames(["cap"], 0, 4).do(doc)
    assert cap.caption_gap == pytest.approx(6)
    C.MoveFrames(["i1"], 0, -10).do(doc)
    assert cap.y == pytest.approx(20 - 10 + 50 + 6)


def test_caption_without_the_feature_does_not_move():
    doc = caption_doc()          # not attached: the photo moves alone
    C.MoveFrames(["i1"], 10, 5).do(doc)
    assert doc.find_frame("cap")[1].x == 128


def test_deleting_the_photo_detaches_the_caption_and_undo_restores():
    doc = caption_doc()
    C.AttachCaption("cap", "i1").do(doc)
    before = dumps(doc)
    d = C.DeleteFrame("i1")
    d.do(doc)
    assert doc.find_frame("cap")[1].caption_of is None
    loads(dumps(doc))                       # still a valid file
    d.undo(doc)
    assert dumps(doc) == before


def test_duplicate_page_keeps_the_caption_tied_to_the_copy():
    doc = caption_doc()
    C.AttachCaption("cap", "i1").do(doc)
    dp = C.DuplicatePage("p1")
    dp.do(doc)
    copy_page = doc.pages[1]
    cap = next(f for f in copy_page.frames if isinstance(f, TextFrame) and f.caption_of)
    assert copy_page.frame(cap.caption_of) is not None and cap.caption_of != "i1"


def test_old_files_without_captions_load_and_bad_references_are_named():
    doc = caption_doc()
    text = dumps(doc)
    assert "caption" not in text             # defaults are not written: old readers see the same file
    import json
    data = json.loads(text)
    data["pages"][0]["frames"][-1]["caption_of"] = "t1"      # a text frame, not a photo
    from banmian.core.io import LayoutFileError
    with pytest.raises(LayoutFileError) as e:
        loads(json.dumps(data), "x.json")
    assert "caption_of" in str(e.value) and "image frame" in str(e.value)


def test_attach_refuses_wrong_kinds():
    doc = caption_doc()
    with pytest.raises(C.CommandError):
        C.AttachCaption("i1", "cap").do(doc)
    with pytest.raises(C.CommandError):
        C.DetachCaption("cap").do(doc)
