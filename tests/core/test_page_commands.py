"""Page commands (issue 14 item 7/8): add, duplicate, delete, move pages; masters.

Every command is checked for do + undo giving back the document byte for byte,
and for what an editor expects of it: threads across pages re-linked when a
page goes, duplicated pages holding their own copies of their stories, folios
following the page order, masters applied and brought in from templates.
"""
import pytest

from banmian.core import commands as C
from banmian.core import templates as T
from banmian.core.io import dumps, loads
from banmian.core.model.document import (
    Article, Block, Document, ImageFrame, Master, Page, ParagraphStyle, Run, Story, Swatch, TextFrame,
)
from banmian.core.typeset.layout import layout_document

pytestmark = pytest.mark.core


def doc3() -> Document:
    """Three numbered pages (第 3–5 版); story s1 threads p1:t1 → p2:t2 → p3:t3; p2 also holds
    its own article (headline h2 with story s2, photo i2 with caption c2 threaded inside)."""
    body = Story("s1", "长文", [Block("paragraph", "paragraph", [Run("第一段。" * 40)])])
    head = Story("s2", "标题", [Block("headline", "headline", [Run("第二版头条")])])
    cap = Story("s3", "图说", [Block("caption", "paragraph", [Run("图片说明。")])])
    hdr = Story("m-page", "", [Block("header", "paragraph", [Run("第{page}版 {date}")])])
    return Document(
        swatches=[Swatch("Black", k=100)],
        paragraph_styles=[ParagraphStyle("paragraph"), ParagraphStyle("headline", font="hei", size=18)],
        stories=[body, head, cap, hdr],
        articles=[Article("a2", "头条")],
        masters=[Master("A", [TextFrame("A-page", 20, 8, 80, 10, story="m-page")]),
                 Master("B", [])],
        meta={"date": "2024年5月1日"},
        pages=[
            Page("p1", "3", master="A", frames=[TextFrame("t1", 20, 30, 100, 40, story="s1", next="t2")]),
            Page("p2", "4", master="A", frames=[
                TextFrame("t2", 20, 30, 100, 40, next="t3"),
                TextFrame("h2", 130, 30, 100, 20, story="s2", article="a2"),
                ImageFrame("i2", 130, 60, 100, 60, article="a2"),
                TextFrame("c2", 130, 121, 100, 10, story="s3", article="a2", caption_of="i2"),
            ]),
            Page("p3", "5", master="A", frames=[TextFrame("t3", 20, 30, 100, 40)]),
        ])


def check_undo(cmd, doc):
    before = dumps(doc)
    cmd.do(doc)
    after = dumps(doc)
    cmd.undo(doc)
    assert dumps(doc) == before
    cmd.do(doc)                      # redo gives the same result
    assert dumps(doc) == after
    return loads(after)


def names(doc):
    return [(p.id, p.name) for p in doc.pages]


def test_delete_page_in_the_middle_of_a_thread_relinks_it():
    doc = doc3()
    after = check_undo(C.DeletePage("p2"), doc)
    assert after.find_frame("t1")[1].next == "t3"
    assert [f.id for _, f in after.thread("s1")] == ["t1", "t3"]
    assert after.story("s2") is not None          # the page's stories stay, unplaced
    assert names(after) == [("p1", "3"), ("p3", "4")]   # 第 5 版 became 第 4 版


def test_delete_page_holding_a_thread_head_moves_the_story_on():
    doc = doc3()
    after = check_undo(C.DeletePage("p1"), doc)
    assert after.find_frame("t2")[1].story == "s1"
    assert [f.id for _, f in after.thread("s1")] == ["t2", "t3"]


def test_the_last_page_is_not_deleted():
    doc = Document(pages=[Page("p1")])
    with pytest.raises(C.CommandError):
        C.DeletePage("p1").do(doc)
    assert len(doc.pages) == 1


def test_duplicate_page_gets_own_frames_stories_and_articles():
    doc = doc3()
    cmd = C.DuplicatePage("p2")
    after = check_undo(cmd, doc)
    dup = after.pages[2]
    assert dup.id == cmd.new_page_id and [p.id for p in after.pages] == ["p1", "p2", dup.id, "p3"]
    old_ids = {f.id for p in doc3().pages for f in p.frames}
    assert len({f.id for f in dup.frames}) == 4 and not ({f.id for f in dup.frames} & old_ids)
    h, i, c = dup.frames[1], dup.frames[2], dup.frames[3]
    # its own copy of the headline and the caption, not the original's
    assert h.story not in ("s2", None) and after.story(h.story).text == "第二版头条"
    assert c.story not in ("s3", None) and c.caption_of == i.id
    after.story(h.story).blocks[0].runs[0].text = "改过"
    assert after.story("s2").text == "第二版头条"
    # the continuation frame of s1 is cut from the thread, the original thread intact
    assert dup.frames[0].next is None and dup.frames[0].story is None
    assert [f.id for _, f in after.thread("s1")] == ["t1", "t2", "t3"]
    # the copies are an article of their own
    assert h.article not in (None, "a2") and h.article == i.article == c.article
    assert [f.id for _, f in after.frames_of_article("a2")] == ["h2", "i2", "c2"]
    # folios by position: the copy is 第 5 版, the last page 第 6 版
    assert [p.name for p in after.pages] == ["3", "4", "5", "6"]
    res = layout_document(after)
    assert len(res.pages) == 4


def test_move_page_renumbers_folios_and_the_header_follows():
    doc = doc3()
    after = check_undo(C.MovePage("p3", 0), doc)
    assert names(after) == [("p3", "3"), ("p1", "4"), ("p2", "5")]
    res = layout_document(after)
    head = ["".join(r.text for r in pr.items if getattr(r, "frame", None) == "A-page") for pr in res.pages]
    assert head[0].startswith("第3版") and head[1].startswith("第4版") and head[2].startswith("第5版")
    assert all("2024年5月1日" in h for h in head)
    with pytest.raises(C.CommandError):
        C.MovePage("p3", 0).do(after)


def test_named_pages_keep_their_names():
    doc = Document(pages=[Page("a", "特刊"), Page("b", ""), Page("c", "")])
    after = check_undo(C.MovePage("a", 2), doc)
    assert names(after) == [("b", ""), ("c", ""), ("a", "特刊")]


def test_add_page_gets_the_next_folio():
    doc = doc3()
    after = check_undo(C.page_like(doc, "p1", "B", 1), doc)
    assert [p.name for p in after.pages] == ["3", "4", "5", "6"]
    new = after.pages[1]
    assert new.master == "B" and new.width == doc.pages[0].width
    with pytest.raises(C.CommandError):
        C.AddPage(Page("px", master="Z")).do(doc3())


def test_apply_master_and_the_header_changes():
    doc = doc3()
    after = check_undo(C.ApplyMaster(["p1", "p3"], "B"), doc)
    assert [p.master for p in after.pages] == ["B", "A", "B"]
    res = layout_document(after)
    assert not any(getattr(r, "frame", None) == "A-page" for r in res.pages[0].items)
    assert any(getattr(r, "frame", None) == "A-page" for r in res.pages[1].items)
    check_undo(C.ApplyMaster("p2", None), doc3())
    with pytest.raises(C.CommandError):
        C.ApplyMaster("p1", "nope").do(doc3())


def test_meta_date_changes_every_page_header():
    doc = doc3()
    C.SetMeta("date", "2025年1月2日").do(doc)
    res = layout_document(doc)
    for pr in res.pages:
        assert "2025年1月2日" in "".join(r.text for r in pr.items if getattr(r, "frame", None) == "A-page")


def test_page_from_template_brings_its_master_under_a_free_name():
    infos = {t.path.stem: t for t in T.list_templates()}
    sikai = T.document_from_template(infos["sikai"].path)
    duikai = T.document_from_template(infos["duikai"].path)
    # the same template's master is reused
    doc = T.document_from_template(infos["duikai"].path)
    after = check_undo(C.page_from_source(doc, duikai), doc)
    assert len(after.pages) == 2 and len(after.masters) == 1 and after.pages[1].master == "A"
    assert [p.name for p in after.pages] == ["1", "2"]
    # another template's master of the same name comes in as B, with copies of its stories
    doc = T.document_from_template(infos["duikai"].path)
    after = check_undo(C.page_from_source(doc, sikai), doc)
    assert [m.name for m in after.masters] == ["A", "B"]
    new = after.pages[1]
    assert new.master == "B" and new.width == sikai.pages[0].width
    b = after.master("B")
    assert {f.id for f in b.frames}.isdisjoint({f.id for f in after.master("A").frames})
    for f in b.frames:
        if isinstance(f, TextFrame) and f.story:
            assert after.story(f.story) is not None
    res = layout_document(after)
    text = "".join(r.text for r in res.pages[1].items if hasattr(r, "text"))
    assert "报名" in text and "2" in text


def test_page_like_for_an_empty_document():
    doc = Document(pages=[Page("page-1", width=200, height=300)])
    after = check_undo(C.page_like(doc, None, None), doc)
    assert after.pages[1].width == 200 and after.pages[1].id != "page-1"
