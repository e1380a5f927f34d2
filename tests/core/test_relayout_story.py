"""Layouter.relayout_story (typing: only the edited story flowed again, only its pages
assembled again) gives exactly what a fresh whole layout gives, after every kind of text edit —
on the sample (a balanced story, a story through three linked frames, a ruled box) and on a
two-page issue, where the page the story is not on is the previous result's own object."""
import copy
import json

import pytest

from banmian.core import commands as C
from banmian.core.io import load_document
from banmian.core.paths import sample_layout
from banmian.core.typeset.layout import Layouter

pytestmark = pytest.mark.core


def _fresh(doc):
    return Layouter(base_dir=sample_layout().parent).layout(doc)


def _same(a, b) -> bool:
    """Equal layouts, floats to 1e-6 pt (a cached paragraph's positions may differ from a fresh
    one's in the last bit, as in test_cache_coherence; the whole cached layout does so too)."""
    def norm(r):
        return json.dumps(json.loads(r.dump(), parse_float=lambda v: round(float(v), 6)), sort_keys=True)
    return norm(a) == norm(b)


def _edits(doc):
    """(story id, command) pairs of every text-edit kind, spread over the sample's stories."""
    a1, a3 = doc.story("a1"), doc.story("a3")
    mid = len(a1.text) // 2
    return [
        ("a1", C.ReplaceText("a1", mid, mid, "字")),                       # typing in the middle
        ("a1", C.ReplaceText("a1", len(a1.text) - 3, len(a1.text) - 3, "又加了一句话" * 12)),  # overset
        ("a1", C.ReplaceText("a1", 10, 14, "")),                           # deleting
        ("a3", C.ReplaceText("a3", 5, 5, "\n")),                           # a paragraph split
        ("a3", C.ReplaceText("a3", len(a3.text) // 2, len(a3.text) // 2, "推到下一框" * 20)),  # into the next frame
        ("a3", C.ApplyCharFormat("a3", 3, 9, bold=True)),                  # a local format
        ("a1", C.ReplaceText("a1", 0, len(a1.text), "短")),                # the story all but emptied
    ]


def test_relayout_story_is_the_whole_layout_after_every_text_edit():
    doc = load_document(sample_layout())
    lay = Layouter(base_dir=sample_layout().parent)
    res = lay.layout(doc)
    for sid, cmd in _edits(copy.deepcopy(doc)):
        cmd.do(doc)
        inc = lay.relayout_story(doc, res, sid)
        assert _same(inc, _fresh(doc)), (sid, type(cmd).__name__)
        res = inc
        cmd.undo(doc)
        inc = lay.relayout_story(doc, res, sid)
        assert _same(inc, _fresh(doc)), ("undo", sid, type(cmd).__name__)
        res = inc


def test_the_pages_a_story_is_not_on_are_the_previous_results():
    doc = load_document(sample_layout())
    C.DuplicatePage(doc.pages[0].id).do(doc)
    lay = Layouter(base_dir=sample_layout().parent)
    res = lay.layout(doc)
    sid = "a1"
    C.ReplaceText(sid, 20, 20, "字").do(doc)
    inc = lay.relayout_story(doc, res, sid)
    assert _same(inc, _fresh(doc))
    on = {pi for pi, p in enumerate(doc.pages) if any(getattr(f, "story", None) == sid for f in p.frames)}
    assert on and len(on) < len(doc.pages)
    for pi, (a, b) in enumerate(zip(res.pages, inc.pages)):
        assert (a is b) == (pi not in on)


def test_anything_else_gets_the_whole_layout():
    doc = load_document(sample_layout())
    lay = Layouter(base_dir=sample_layout().parent)
    res = lay.layout(doc)
    f = next(f for f in doc.pages[0].frames if f.story == "a1")
    C.ResizeFrame(f.id, f.x, f.y, f.w, f.h - 20).do(doc)     # not a text edit: its frame moved
    # the caller says "a1 was typed into" although a frame changed: geometry is not trusted,
    # the frame keys are the same, so the story flows again through its new frame …
    inc = lay.relayout_story(doc, res, "a1")
    assert _same(inc, _fresh(doc))
    # … and with another result than the last one, or a new page, the whole layout is made
    other = _fresh(doc)
    assert _same(lay.relayout_story(doc, other, "a1"), _fresh(doc))
    C.DuplicatePage(doc.pages[0].id).do(doc)
    assert _same(lay.relayout_story(doc, inc, "a1"), _fresh(doc))
    # a wrap object moved (the stories beside it flow around it elsewhere): the whole layout
    from banmian.core.model.document import TextFrame
    other = next(f for f in doc.pages[0].frames if not isinstance(f, TextFrame))
    C.ResizeFrame(other.id, other.x + 5, other.y + 5, other.w, other.h).do(doc)
    assert _same(lay.relayout_story(doc, lay._assembly["result"], "a1"), _fresh(doc))

