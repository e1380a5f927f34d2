"""Issue 14 item 11, the core: what preflight says about problems an editor must see —
版面重叠 (frames covering another article's text), empty headlines, placeholder copy,
short stories (欠 N 字) and frames left on the pasteboard — laid out for real on the sample."""
from __future__ import annotations

import copy
from pathlib import Path

import pytest

from banmian.core.io import load_document
from banmian.core.model.document import Block, BoxFrame, ImageFrame, Run, Story, TextFrame, Wrap
from banmian.core.preflight import exit_code, frame_overlaps, preflight, visible_problems
from banmian.core import press
from banmian.core.typeset.layout import layout_document
from banmian.core.typeset.result import printable

pytestmark = pytest.mark.core

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "layouts" / "samples" / "zhuxi-luntan.json"


@pytest.fixture(scope="module")
def sample_doc():
    return load_document(SAMPLE)


@pytest.fixture
def doc(sample_doc):
    return copy.deepcopy(sample_doc)


def lay(doc):
    return layout_document(doc, base_dir=SAMPLE.parent)


def findings(doc, code=None, **kw):
    fs = preflight(doc, lay(doc), base_dir=SAMPLE.parent, **kw)
    return [f for f in fs if code is None or f.code == code]


def frame(doc, fid):
    return doc.find_frame(fid)[1]


# ------------------------------------------------------------------ the sample page

def test_the_sample_has_no_overlap_but_its_empty_headline_and_short_stories_are_reported(doc):
    result = lay(doc)
    fs = preflight(doc, result, base_dir=SAMPLE.parent, press=press.get())
    assert not [f for f in fs if f.code == "frames_overlap"], [f.line() for f in fs]
    assert frame_overlaps(doc, result) == []
    # article 2 lost its headline in the extraction: the page must not go to the plant like that
    heads = [f for f in fs if f.code == "empty_headline"]
    a2 = doc.story("a2")
    hb = next(i for i, b in enumerate(a2.blocks) if b.role == "headline")
    start = sum(len(b.text) + 1 for b in a2.blocks[:hb])
    assert [(h.severity, h.page, h.frame, h.story, h.char) for h in heads] == [("warning", 1, "a2-body", "a2", start)]
    assert "主席之声（徐州调研）" in heads[0].message and "标题" in heads[0].message
    # every story short of its frames, as the layout counts it, as information
    short = {f.story: f for f in fs if f.code == "underset"}
    assert {sid: n for sid, n in result.underset if n > 0} == {sid: int(f.value) for sid, f in short.items()}
    assert short["a2"].severity == "info" and f"欠 {dict(result.underset)['a2']} 字" in short["a2"].message
    assert short["a2"].frame == "a2-body"
    # the 报眉 still carries the template's 2024年×月×日 and ×××
    ph = [f for f in fs if f.code == "placeholder_text"]
    assert len(ph) == 1 and "2024年×月×日" in ph[0].message and "×××" in ph[0].message
    # warnings and information: preflight says 1, nothing is an error
    assert exit_code(fs) == 1 and not [f for f in fs if f.severity == "error"]


def test_writing_the_headline_and_filling_the_header_clears_the_warnings(doc):
    a2 = doc.story("a2")
    next(b for b in a2.blocks if b.role == "headline").runs = [Run("新就业形态劳动者权益维护调研")]
    doc.meta.update(date="2024年5月8日", weekday="星期三", editor="王红")
    codes = {f.code for f in findings(doc)}
    assert "empty_headline" not in codes and "placeholder_text" not in codes


def test_info_only_exits_0(doc):
    a2 = doc.story("a2")
    next(b for b in a2.blocks if b.role == "headline").runs = [Run("新就业形态劳动者权益维护调研")]
    doc.meta.update(date="2024年5月8日", weekday="星期三", editor="王红")
    fs = findings(doc)
    assert {f.severity for f in fs} == {"info"} and exit_code(fs) == 0


# ------------------------------------------------------------------ 版面重叠

def test_a_photo_moved_onto_another_articles_text_overlaps(doc):
    frame(doc, "photo").y = 200          # down onto 履职手记's head and the notice
    fs = findings(doc, "frames_overlap")
    pairs = {(f.frame, f.story) for f in fs}
    assert ("photo", "a3") in pairs
    f = next(f for f in fs if f.story == "a3")
    assert f.severity == "warning" and f.page == 1 and "版面重叠" in f.message
    assert "photo" in f.message and "a3-1" in f.message and "多维发力" in f.message


def test_text_wrap_makes_an_overlap_legitimate(doc):
    # a picture of no article in the single column a3-2 (body lines only)
    pic = ImageFrame("pic", 243, 330, 37, 30, path="images/hubble_deep_field.jpg")
    doc.pages[0].frames.append(pic)
    assert [(o.front, o.behind) for o in frame_overlaps(doc, lay(doc))] == [("pic", "a3-2")]
    pic.wrap = Wrap("box", 1.0)          # the lines go round it: nothing lies under it
    result = lay(doc)
    assert frame_overlaps(doc, result) == []
    assert not [f for f in findings(doc) if f.code == "frames_overlap"]


def test_a_caption_on_its_own_photo_is_no_overlap(doc):
    # a caption of no article laid over the photo's lower part, attached to it
    doc.stories.append(Story("cap", "图注", [Block("caption", "caption", [Run("图为活动现场，摄影 某某")])]))
    cap = TextFrame("cap-f", 243, 130, 120, 15, story="cap")
    doc.pages[0].frames.append(cap)
    assert ("photo", "cap-f") in {(o.front, o.behind) for o in frame_overlaps(doc, lay(doc))}
    cap.caption_of = "photo"
    assert ("photo", "cap-f") not in {(o.front, o.behind) for o in frame_overlaps(doc, lay(doc))}


def test_a_tinted_box_behind_text_is_background_in_front_it_covers(doc):
    body = frame(doc, "a1-body")
    box = BoxFrame("tint", body.x + 10, body.y + 100, 80, 40, article="art-other", fill="Tint K12")
    doc.pages[0].frames.insert(0, box)                # painted first: the text is on top
    assert frame_overlaps(doc, lay(doc)) == []
    doc.pages[0].frames.remove(box)
    doc.pages[0].frames.append(box)                   # painted last: it hides the text
    assert [(o.front, o.behind) for o in frame_overlaps(doc, lay(doc))] == [("tint", "a1-body")]


def test_two_articles_texts_on_each_other_are_reported_once(doc):
    frame(doc, "a2-body").y = 250                     # up into article 1's lines
    ov = [o for o in frame_overlaps(doc, lay(doc)) if {o.front, o.behind} == {"a1-body", "a2-body"}]
    assert [(o.front, o.behind) for o in ov] == [("a2-body", "a1-body")]   # the one painted later
    x0, y0, x1, y1 = ov[0].rect
    assert x1 > x0 and y1 > y0


def test_an_empty_frame_over_text_covers_nothing(doc):
    doc.pages[0].frames.append(TextFrame("empty", 30, 100, 50, 50))
    assert frame_overlaps(doc, lay(doc)) == []


# ------------------------------------------------------------------ headlines and placeholders

def test_a_new_story_with_an_empty_headline_is_a_warning(doc):
    doc.stories.append(Story("h", "主题", [Block("headline", "headline-1", [])]))
    doc.pages[0].frames.append(TextFrame("hf", 20, 400, 100, 20, story="h"))
    fs = [f for f in findings(doc, "empty_headline") if f.story == "h"]
    assert [(f.frame, f.char) for f in fs] == [("hf", 0)]


def test_placeholder_copy_in_a_story_is_a_warning(doc):
    a3 = doc.story("a3")
    a3.blocks[-1].runs.append(Run("待补稿件待补稿件"))
    text = a3.text
    fs = [f for f in findings(doc, "placeholder_text") if f.story == "a3"]
    assert len(fs) == 1
    assert fs[0].char == text.index("待补稿件") and "共 2 处" in fs[0].message
    assert fs[0].frame in ("a3-1", "a3-2", "a3-3") and fs[0].severity == "warning"


def test_an_ordinary_multiplication_sign_is_no_placeholder(doc):
    doc.story("a3").blocks[-1].runs.append(Run("面积3×4米"))
    assert not [f for f in findings(doc, "placeholder_text") if f.story == "a3"]


# ------------------------------------------------------------------ the pasteboard

def test_a_frame_on_the_pasteboard_is_listed_and_the_plant_does_not_check_it(doc):
    doc.stories.append(Story("spare", "备用稿", [Block("paragraph", "body", [Run("版外备用的一段文字")])]))
    page = doc.pages[0]
    doc.pages[0].frames.append(TextFrame("spare-f", page.width + 15, 100, 40, 30, story="spare"))
    result = lay(doc)
    runs = [i for i in result.pages[0].items if getattr(i, "frame", None) == "spare-f"]
    assert runs and runs[0].xs[0] > result.pages[0].width          # laid out beside the page
    assert not [i for i in printable(result.pages[0]).items if getattr(i, "frame", None) == "spare-f"]
    fs = preflight(doc, result, base_dir=SAMPLE.parent, press=press.get())
    pb = [f for f in fs if f.code == "pasteboard"]
    assert [(f.severity, f.frame, f.story) for f in pb] == [("info", "spare-f", "spare")]
    assert not [f for f in fs if f.frame == "spare-f" and f.code != "pasteboard"]   # no "near the trim"


def test_visible_problems_alone_match_preflight(doc):
    result = lay(doc)
    mine = {(f.code, f.frame, f.story) for f in visible_problems(doc, result)}
    full = {(f.code, f.frame, f.story) for f in preflight(doc, result, base_dir=SAMPLE.parent)}
    assert mine and mine <= full
