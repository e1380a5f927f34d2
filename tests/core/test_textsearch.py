"""Issue 14 item 13, the core: find/replace over every story (全角/半角 aware, case), one undo
step for Replace all; the newsroom word count (字数统计)."""
from __future__ import annotations

import copy
from pathlib import Path

import pytest

from banmian.core.io import load_document
from banmian.core.model.document import Block, CharFormat, Document, Run, Story
from banmian.core.textsearch import (
    Match, count_words, find_all, find_in_document, matches_at, next_match, page_text,
    replace_all_command, replace_command,
)
from banmian.core.typeset.layout import layout_document

pytestmark = pytest.mark.core

SAMPLE = Path(__file__).resolve().parents[2] / "layouts" / "samples" / "zhuxi-luntan.json"


def test_plain_matches_are_exact():
    assert find_all("工会工会工", "工会", widths=False) == [(0, 2), (2, 4)]
    assert find_all("abcABC", "abc", widths=False) == [(0, 3)]
    assert find_all("abc", "", widths=False) == []


def test_full_and_half_width_match_when_asked():
    text = "扬州ｂ站，b站,Ｂ站"
    assert find_all(text, "b站,", widths=False) == [(5, 8)]
    assert find_all(text, "b站,", widths=True) == [(2, 5), (5, 8)]           # ｂ站， and b站,
    assert find_all(text, "b站,", widths=True, case=False) == [(2, 5), (5, 8)]
    assert find_all(text + "，", "Ｂ站，", widths=True, case=False) == [(2, 5), (5, 8), (8, 11)]
    # the spans are the original text's: the replacement replaces exactly those characters
    assert [text[a:b] for a, b in find_all(text, "b站", widths=True, case=False)] == ["ｂ站", "b站", "Ｂ站"]
    assert find_all("（注）", "(注)", widths=True) == [(0, 3)]
    assert find_all("一\u3000二", "一 二", widths=True) == [(0, 3)]               # 一字空 and a space


def test_only_widths_fold_and_never_inside_a_character():
    assert find_all("①1", "1", widths=True) == [(1, 2)]              # ① is not a wide 1
    assert find_all("3×4", "x", widths=True, case=False) == []
    assert find_all("ß", "s", widths=False, case=False) == []         # ß folds to ss: no half match
    assert find_all("ß", "ss", widths=False, case=False) == [(0, 1)]


def test_case_option():
    assert find_all("Banmian banmian BANMIAN", "banmian", widths=False, case=True) == [(8, 15)]
    assert len(find_all("Banmian banmian BANMIAN", "banmian", widths=False, case=False)) == 3


def sample():
    return copy.deepcopy(load_document(SAMPLE))


def test_find_across_every_story_and_in_one():
    doc = sample()
    every = find_in_document(doc, "工会", widths=True)
    stories = {m.story for m in every}
    assert {"a1", "a2", "a3", "notice"} <= stories
    for m in every:
        assert doc.story(m.story).text[m.start:m.end] == "工会"
    only = find_in_document(doc, "工会", stories=["a3"])
    assert only and {m.story for m in only} == {"a3"}
    assert len(every) == sum(doc.story(s.id).text.count("工会") for s in doc.stories)


def test_next_match_goes_on_and_wraps():
    doc = sample()
    ms = find_in_document(doc, "工会")
    first = next_match(doc, ms, None, 0)
    assert first == ms[0]
    after = next_match(doc, ms, first.story, first.end)
    assert after != first and (doc.stories.index(doc.story(after.story)), after.start) > \
        (doc.stories.index(doc.story(first.story)), first.start)
    last = ms[-1]
    assert next_match(doc, ms, last.story, last.end) == ms[0]       # wraps round
    assert next_match(doc, [], None, 0) is None


def test_replace_all_is_one_undoable_step_keeping_formats():
    doc = Document(stories=[
        Story("s1", "一", [Block("paragraph", "body", [Run("版面，"), Run("版面", local=CharFormat(bold=True)),
                                                         Run("好")])]),
        Story("s2", "二", [Block("headline", "headline", [Run("版面,版面")]), Block("paragraph", "body", [Run("无")])]),
    ])
    before = copy.deepcopy(doc)
    ms = find_in_document(doc, "版面", widths=True)
    assert len(ms) == 4
    cmd = replace_all_command(doc, ms, "排版软件")
    assert "4" in cmd.text
    cmd.do(doc)
    assert doc.story("s1").text == "排版软件，排版软件好"
    assert doc.story("s2").text == "排版软件,排版软件\n无"
    # the bold run's replacement is bold: it takes the format of what it replaces
    bold = [r for r in doc.story("s1").blocks[0].runs if r.local and r.local.bold]
    assert [r.text for r in bold] == ["排版软件"]
    assert doc.story("s2").blocks[0].role == "headline" and len(doc.story("s2").blocks) == 2
    cmd.undo(doc)
    assert doc == before
    assert replace_all_command(doc, [], "x") is None


def test_replace_one_and_check_a_stale_match():
    doc = Document(stories=[Story("s", "", [Block("paragraph", "body", [Run("ａｂ和ab")])])])
    m = find_in_document(doc, "ab", widths=True)[0]
    assert matches_at(doc, m, "ab", widths=True)
    replace_command(doc, m, "AB").do(doc)
    assert doc.story("s").text == "AB和ab"
    assert not matches_at(doc, Match("s", 0, 2), "ab", widths=True, case=True)


# ------------------------------------------------------------------ 字数统计

def test_newsroom_word_count():
    wc = count_words("2024年5月，COVID-19疫情后，3.5%的人用e-mail：www.jsgrb.com。——好……")
    assert (wc.han, wc.words, wc.punct) == (9, 6, 9)       # 年月疫情后的人用好 / 2024 5 COVID-19 3.5 e-mail url
    assert wc.total == 24
    wc = count_words("朱熹 讲学\n\n“博学之”\u2028审问之")
    assert (wc.han, wc.punct, wc.words, wc.paragraphs) == (10, 2, 0, 2)   # spaces, line ends not counted
    assert count_words("ｂａｎｍｉａｎ　１２３").words == 2                      # full-width letters, digits
    assert count_words("").total == 0


def test_page_text_is_what_the_page_shows():
    doc = sample()
    result = layout_document(doc, base_dir=SAMPLE.parent)
    text = page_text(doc, result, 0)
    for sid in ("a1", "a2", "photo", "notice", "a3"):
        body = doc.story(sid).text
        assert body[:30] in text and body[-20:] in text
    assert "{date}" not in text and "责任编辑" not in text          # not the 报眉
    stories = sum((count_words(doc.story(s).text) for s in ("a1", "a2", "photo", "notice", "a3")),
                  start=count_words(""))
    assert count_words(text).total == stories.total
