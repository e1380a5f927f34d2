"""Per-page 报眉 fields (issue 14 item 8): the section (版名) and editor (责任编辑) of each page.

The paper name and the date are the issue's (``Document.meta``); a page may set its own
section and editor (``Page.fields``), which its master's {section} {editor} show.  One
command sets them, undo gives the file back byte for byte, the loader refuses what is
not a 报眉 field, and preflight still finds a page still saying the template's 版名.
"""
import copy
import json

import pytest

from banmian.core import commands as C
from banmian.core.io import LayoutFileError, dumps, loads
from banmian.core.model.document import (
    Block, Document, Master, Page, ParagraphStyle, Run, Story, Swatch, TextFrame, field_value,
)
from banmian.core.preflight import preflight
from banmian.core.typeset.layout import Layouter, layout_document

pytestmark = pytest.mark.core


def two_pages() -> Document:
    hdr = Story("m-head", "", [Block("header", "paragraph", [Run("{paper} 第{page}版 {section} 责任编辑：{editor}")])])
    return Document(
        swatches=[Swatch("Black", k=100)],
        paragraph_styles=[ParagraphStyle("paragraph")],
        stories=[hdr],
        masters=[Master("A", [TextFrame("A-head", 20, 8, 300, 10, story="m-head")])],
        meta={"paper": "江苏工人报", "date": "2025年6月1日", "section": "要闻", "editor": "王红"},
        pages=[Page("p1", "1", master="A"), Page("p2", "2", master="A")],
    )


def header_text(result, index):
    return "".join(r.text for r in result.pages[index].items if getattr(r, "frame", None) == "A-head")


def test_a_page_shows_its_own_section_and_editor_the_other_the_documents():
    doc = two_pages()
    C.SetPageFields("p2", section="工会动态", editor="李四").do(doc)
    res = layout_document(doc)
    # (spaces are gaps between glyph runs, not characters of them)
    assert header_text(res, 0) == "江苏工人报第1版要闻责任编辑：王红"
    assert header_text(res, 1) == "江苏工人报第2版工会动态责任编辑：李四"
    assert field_value(doc, doc.pages[1], "paper") == "江苏工人报"     # not set on the page: inherited


def test_set_page_fields_undo_restores_the_file_and_the_layout():
    doc = two_pages()
    before, text_before = dumps(doc), header_text(layout_document(doc), 1)
    cmd = C.SetPageFields("p2", section="工会动态")
    cmd.do(doc)
    after = dumps(doc)
    assert '"fields"' in after and "工会动态" in after
    assert "工会动态" in header_text(layout_document(doc), 1)
    cmd.undo(doc)
    assert dumps(doc) == before and '"fields"' not in before
    assert header_text(layout_document(doc), 1) == text_before
    cmd.do(doc)
    assert dumps(doc) == after


def test_empty_or_none_gives_the_field_back_to_the_document():
    doc = two_pages()
    C.SetPageFields("p2", section="工会动态", editor="李四").do(doc)
    C.SetPageFields("p2", section="", editor=None).do(doc)
    assert doc.pages[1].fields == {}
    assert "要闻" in header_text(layout_document(doc), 1)
    with pytest.raises(C.CommandError):            # nothing to change: no empty undo step
        C.SetPageFields("p2", section="").do(doc)
    with pytest.raises(C.CommandError, match="not a 报眉 field: colour"):
        C.SetPageFields("p2", colour="red")
    with pytest.raises(C.CommandError):
        C.SetPageFields("nope", section="x").do(doc)


def test_a_page_may_set_its_own_folio_field():
    doc = two_pages()
    C.SetPageFields("p2", page="A2").do(doc)
    assert "第A2版" in header_text(layout_document(doc), 1)
    assert "第1版" in header_text(layout_document(doc), 0)


def test_a_long_lived_layouter_follows_the_page_fields():
    doc = two_pages()
    kept = Layouter()
    kept.layout(doc)
    cmd = C.SetPageFields("p1", section="工会动态")
    cmd.do(doc)
    assert "工会动态" in header_text(kept.layout(doc), 0)
    cmd.undo(doc)
    assert "要闻" in header_text(kept.layout(doc), 0)


def test_page_fields_round_trip_and_old_files_load_unchanged():
    doc = two_pages()
    old = dumps(doc)
    assert dumps(loads(old)) == old                     # a file without fields saves without them
    C.SetPageFields("p2", section="工会动态", editor="李四").do(doc)
    again = loads(dumps(doc))
    assert again.pages[1].fields == {"section": "工会动态", "editor": "李四"}
    assert again.pages[0].fields == {}
    assert dumps(again) == dumps(doc)


def test_duplicate_page_copies_its_fields():
    doc = two_pages()
    C.SetPageFields("p2", section="工会动态").do(doc)
    cmd = C.DuplicatePage("p2")
    cmd.do(doc)
    copy_page = next(p for p in doc.pages if p.id == cmd.new_page_id)
    assert copy_page.fields == {"section": "工会动态"}
    assert copy_page.fields is not doc.pages[1].fields
    assert "工会动态" in header_text(layout_document(doc), 2)


def _raw_with(fields):
    d = json.loads(dumps(two_pages()))
    d["pages"][1]["fields"] = fields
    return json.dumps(d, ensure_ascii=False)


@pytest.mark.parametrize("fields, message", [
    ({"sectoin": "工会动态"}, r"pages\[1\]\.fields\.sectoin: expected one of the known keys \(paper, date, "
                             r"page, section, editor, weekday\), found an unknown key"),
    ({"section": 3}, r"pages\[1\]\.fields\.section: expected a string, found 3"),
    ({"editor": ["李四"]}, r"pages\[1\]\.fields\.editor: expected a string, found a list"),
    ({"section": "版" * 5000}, r"pages\[1\]\.fields\.section: expected a string of at most 4,096 characters"),
    ("工会动态", r"pages\[1\]\.fields: expected an object of 报眉 fields"),
    ({"section": "\ud800"}, r"pages\[1\]\.fields\.section: expected valid Unicode text"),
])
def test_the_loader_refuses_bad_page_fields_with_the_path(fields, message):
    with pytest.raises(LayoutFileError, match=message) as e:
        loads(_raw_with(fields), "page.json")
    assert str(e.value).startswith("page.json: pages[1].fields")


def test_preflight_finds_a_page_still_showing_the_templates_section():
    doc = two_pages()

    def placeholder_findings(d):
        return [f for f in preflight(d, layout_document(d)) if f.code == "placeholder_text"]
    assert placeholder_findings(doc) == []
    # page 2's own 版名 is the template's: reported on page 2 only
    C.SetPageFields("p2", section="版名").do(doc)
    found = placeholder_findings(doc)
    assert [(f.page, "版名“版名”" in f.message) for f in found] == [(2, True)]
    # the document's editor still the template's ×××: said once (page 1), page 2's own section too
    d2 = copy.deepcopy(doc)
    d2.meta["editor"] = "×××"
    found = placeholder_findings(d2)
    assert [f.page for f in found] == [1, 2]
    assert "×××" in found[0].message and "版名“版名”" in found[1].message and "×××" not in found[1].message
    # page 1 names its own editor: the document's ××× is said on page 2, where it still shows
    C.SetPageFields("p1", editor="王红").do(d2)
    found = placeholder_findings(d2)
    assert [f.page for f in found] == [2] and "×××" in found[0].message
