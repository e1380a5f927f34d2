"""Document model and the banmian/1 file format."""
import json
import os

import pytest

from banmian.core.io import (FORMAT, LayoutFileError, document_from_dict, dumps, load_document, loads,
                             save_document)
from banmian.core.model import (Block, CharacterStyle, BoxFrame, Document, ImageFrame, Page, ParagraphStyle, RuleFrame,
                                Run, Story, Swatch, TextFrame, Wrap, parse_size)

pytestmark = pytest.mark.core


def sample_doc():
    return Document(
        meta={"paper": "江苏工人报", "date": "2024年11月24日"},
        swatches=[Swatch("Black", k=100), Swatch("Red", m=100, y=100, k=10)],
        paragraph_styles=[ParagraphStyle("body", indent=2.0), ParagraphStyle("headline", font="hei-bold", size=22.0)],
        character_styles=[CharacterStyle("strong", font="hei")],
        stories=[Story("s1", "一", [Block("headline", "headline", [Run("标题")]),
                                   Block("paragraph", "body", [Run("正文，"), Run("重点", "strong")])])],
        pages=[Page("p1", "1", frames=[
            TextFrame("t1", 10, 10, 100, 200, columns=2, gutter=3.175, story="s1", next="t2"),
            TextFrame("t2", 120, 10, 100, 200),
            ImageFrame("i1", 10, 220, 80, 60, path="photo.jpg", fit="fill", wrap=Wrap("box", 2.0)),
            RuleFrame("r1", 10, 5, 300, 0, weight=1.0),
            BoxFrame("b1", 5, 5, 50, 50, fill="Red", tint=15),
        ])])


def test_round_trip_is_stable(tmp_path):
    doc = sample_doc()
    text = dumps(doc)
    assert json.loads(text)["format"] == FORMAT
    again = loads(text)
    assert dumps(again) == text
    path = tmp_path / "page.json"
    save_document(doc, path)
    assert load_document(path) == doc
    assert path.read_text(encoding="utf-8") == text


def test_key_order_is_stable():
    keys = list(json.loads(dumps(sample_doc())).keys())
    assert keys == ["format", "meta", "swatches", "paragraph_styles", "character_styles", "articles",
                    "stories", "masters", "pages"]


def test_sizes_accept_hao_names():
    assert parse_size("小五") == 9.0
    assert parse_size("五号") == 10.5
    assert parse_size("初号") == 42.0
    assert parse_size(12) == 12.0
    assert parse_size("7.5pt") == 7.5
    with pytest.raises(ValueError):
        parse_size("大五")
    data = json.loads(dumps(sample_doc()))
    data["paragraph_styles"][0]["size"] = "小四"
    assert document_from_dict(data).paragraph_styles[0].size == 12.0


def problems_of(data):
    with pytest.raises(LayoutFileError) as e:
        document_from_dict(data, "bad.json")
    return str(e.value).splitlines()


def test_bad_file_names_file_path_expected_and_found():
    data = json.loads(dumps(sample_doc()))
    data["pages"][0]["frames"][0]["columns"] = "two"
    data["paragraph_styles"][0]["size"] = "大五"
    data["stories"][0]["blocks"][0]["role"] = "banner"
    lines = problems_of(data)
    assert 'bad.json: pages[0].frames[0].columns: expected a whole number 1–64, found "two"' in lines
    assert any(l.startswith('bad.json: paragraph_styles[0].size: expected a size in pt')
               and l.endswith('found "大五"') for l in lines)
    assert any(l.startswith("bad.json: stories[0].blocks[0].role: expected one of kicker") for l in lines)
    assert len(lines) == 3


def test_dangling_references_are_reported():
    data = json.loads(dumps(sample_doc()))
    data["pages"][0]["frames"][1]["next"] = "nowhere"
    data["pages"][0]["frames"][0]["story"] = "s9"
    data["stories"][0]["blocks"][1]["style"] = "missing"
    lines = problems_of(data)
    assert 'bad.json: pages[0].frames[1].next: expected the id of a text frame, found "nowhere"' in lines
    assert 'bad.json: pages[0].frames[0].story: expected a story id, found "s9"' in lines
    assert 'bad.json: stories[0].blocks[1].style: expected a paragraph style name, found "missing"' in lines


def test_wrong_format_and_broken_json(tmp_path):
    lines = problems_of({"format": "banmian/99"})
    assert lines == ['bad.json: format: expected "banmian/1", found "banmian/99"']
    p = tmp_path / "broken.json"
    p.write_text('{"format": "banmian/1",', encoding="utf-8")
    with pytest.raises(LayoutFileError) as e:
        load_document(p)
    assert "not valid JSON" in str(e.value) and str(p) in str(e.value)
    with pytest.raises(LayoutFileError) as e:
        load_document(tmp_path / "absent.json")
    assert "cannot be read" in str(e.value)


def test_failed_save_leaves_old_file_intact(tmp_path, monkeypatch):
    path = tmp_path / "page.json"
    doc = sample_doc()
    save_document(doc, path)
    before = path.read_bytes()
    doc.stories[0].blocks[0].runs[0].text = "改过的标题"

    def boom(fd):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "fsync", boom)
    with pytest.raises(OSError):
        save_document(doc, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["page.json"]   # no temp file left behind


def test_thread_follows_links_across_pages():
    doc = sample_doc()
    doc.pages.append(Page("p2", "2", frames=[TextFrame("t3", 10, 10, 100, 100)]))
    doc.pages[0].frames[1].next = "t3"
    assert [f.id for _, f in doc.thread("s1")] == ["t1", "t2", "t3"]
