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
