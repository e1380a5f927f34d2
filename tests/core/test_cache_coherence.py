"""A long-lived Layouter (the editor keeps one per session) must give exactly what a fresh one
gives after every kind of command, done and undone: its caches are keyed by what the layout
reads, so nothing superseded — a paragraph's text, a style, a swatch's CMYK, a frame's
geometry, a page — can leak into a later layout."""
from __future__ import annotations

import copy
import json

import pytest

from banmian.core import commands as C
from banmian.core import io
from banmian.core.model import Block, Run, Story, TextFrame
from banmian.core.paths import sample_layout
from banmian.core.typeset.layout import Layouter

pytestmark = pytest.mark.core


def _sample():
    return io.load_document(sample_layout())


def _swatch_changed(doc, name, **cmyk):
    """The document as JSON with one swatch's values changed (File → Revert to a version
    where a colleague retuned the swatch)."""
    other = copy.deepcopy(doc)
    for sw in other.swatches:
        if sw.name == name:
            for k, v in cmyk.items():
                setattr(sw, k, v)
    return io.dumps(other)


def _char_style_coloured(doc, name, colour):
    other = copy.deepcopy(doc)
    for cs in other.character_styles:
        if cs.name == name:
            cs.color = colour
    return io.dumps(other)


def _steps(doc):
    """(label, command factory) in an order where each factory sees the document as the earlier
    steps left it."""
    a1 = doc.story("a1")
    first_body = next(i for i, b in enumerate(a1.blocks) if b.role == "paragraph")
    strong_at = a1.text.index(a1.blocks[first_body].text[:2])
    return [
        ("edit text", lambda d: C.EditStoryText("a1", first_body, text="新的段落文字，" * 12)),
        ("replace text", lambda d: C.ReplaceText("a2", 5, 9, "替换文字")),
        ("local colour", lambda d: C.ApplyCharFormat("a1", strong_at, strong_at + 6, color="Paper Red")),
        ("swatch retuned (revert)", lambda d: C.ReplaceDocument(io.dumps(d), _swatch_changed(d, "Paper Red", c=100, m=0))),
        ("character style coloured", lambda d: C.ReplaceDocument(io.dumps(d), _char_style_coloured(d, "strong", "Paper Red"))),
        ("character style applied", lambda d: C.ApplyCharFormat("a2", 0, 8, style="strong")),
        ("swatch retuned again", lambda d: C.ReplaceDocument(io.dumps(d), _swatch_changed(d, "Paper Red", c=0, m=40, y=100))),
        ("paragraph style size", lambda d: C.EditParagraphStyle("body", size=10.0)),
        ("paragraph style colour", lambda d: C.EditParagraphStyle("subhead", color="Paper Red")),
        ("block style", lambda d: C.SetBlockStyle("a1", first_body, style="lead")),
        ("move frame", lambda d: C.MoveFrames(["a2-body"], 3.0, 2.0)),
        ("resize frame", lambda d: C.ResizeFrame("a3-2", *_shrunk(d, "a3-2", 12.0))),
        ("frame columns", lambda d: C.SetFrameProps("a1-body", columns=_frame(d, "a1-body").columns + 1)),
        ("frame inset", lambda d: C.SetFrameProps("notice-text", inset=2.0)),
        ("unlink", lambda d: C.UnlinkFrame("a3-2")),
        ("link", lambda d: C.LinkFrames("a3-2", "a3-3")),
        ("add story", lambda d: C.AddStory(Story("extra", "extra", [Block("paragraph", "body", [Run("补白稿件。" * 20)])]))),
        ("add frame", lambda d: C.AddFrame("p1", TextFrame("extra-frame", 10.0, 200.0, 60.0, 40.0))),
        ("place story", lambda d: C.PlaceStory("extra-frame", "extra")),
        ("delete frame", lambda d: C.DeleteFrame("photo-caption")),
        ("delete story", lambda d: C.DeleteStory("notice")),
        ("meta", lambda d: C.SetMeta("date", "2026年12月2日")),
        ("page fields", lambda d: C.SetPageFields("p1", section="工会动态", editor="李四")),
        ("page fields back to the document", lambda d: C.SetPageFields("p1", editor=None)),
        ("image fit", lambda d: C.SetFrameProps("photo", fit="fit")),
        ("image crop", lambda d: C.SetFrameProps("photo", fit="none", scale=1.4, offset_x=-6.0, offset_y=3.0)),
        ("place image", lambda d: C.PlaceImage("photo", "images/hubble_deep_field.jpg", fit="fill")),
        ("story blocks", lambda d: C.SetStoryBlocks("a2", [copy.deepcopy(b) for b in d.story("a2").blocks[1:]])),
        ("align frames", lambda d: C.AlignFrames(["a2-body", "notice-text"], "left")),
        ("no master", lambda d: C.ApplyMaster("p1", None)),
        ("master again", lambda d: C.ApplyMaster("p1", "A")),
        ("duplicate page", lambda d: C.DuplicatePage("p1")),
        ("move page", lambda d: C.MovePage(d.pages[-1].id, 0)),
        ("delete page", lambda d: C.DeletePage(d.pages[-1].id)),
    ]


def _dump(layouter, doc):
    """The display list with every number rounded to 1e-6 pt: a cached line and a freshly
    composed one may differ in the last bits of a float sum, never in anything visible."""
    return json.dumps(json.loads(layouter.layout(doc).dump(), parse_float=lambda v: round(float(v), 6)),
                      sort_keys=True)


def _frame(doc, fid):
    return doc.find_frame(fid)[1]


def _shrunk(doc, fid, dh):
    f = _frame(doc, fid)
    return f.x, f.y, f.w, f.h - dh


def test_cached_relayout_equals_fresh_after_every_command():
    doc = _sample()
    kept = Layouter()
    assert _dump(kept, doc) == _dump(Layouter(), doc)
    done = []
    for label, make in _steps(doc):
        before = _dump(kept, doc)
        cmd = make(doc)
        cmd.do(doc)
        done.append((label, cmd, before))
        fresh = _dump(Layouter(), doc)
        assert _dump(kept, doc) == fresh, f"stale cache after: {label}"
    for label, cmd, before in reversed(done):
        cmd.undo(doc)
        fresh = _dump(Layouter(), doc)
        assert _dump(kept, doc) == fresh, f"stale cache after undoing: {label}"
        assert fresh == before, f"undo of {label} does not restore the layout"


def _colours_of(result, story):
    return {r.color for pr in result.pages for r in pr.glyph_runs() if r.story == story}


def test_swatch_change_reaches_a_long_lived_layouter():
    """The stale-colour bug: a character style's colour is a swatch name; retuning the swatch
    (File → Revert to a version where it differs) must recolour the text in the next layout."""
    doc = _sample()
    a2 = doc.story("a2")
    C.ReplaceDocument(io.dumps(doc), _char_style_coloured(doc, "strong", "Paper Red")).do(doc)
    C.ApplyCharFormat("a2", 0, 6, style="strong").do(doc)
    kept = Layouter()
    red = next(sw for sw in doc.swatches if sw.name == "Paper Red").cmyk
    assert red in _colours_of(kept.layout(doc), "a2")
    C.ReplaceDocument(io.dumps(doc), _swatch_changed(doc, "Paper Red", c=100, m=0, y=0, k=0)).do(doc)
    colours = _colours_of(kept.layout(doc), "a2")
    assert (1.0, 0.0, 0.0, 0.0) in colours
    assert red not in colours
    assert a2.id == "a2"


def test_local_colour_swatch_change_reaches_a_long_lived_layouter():
    doc = _sample()
    C.ApplyCharFormat("a1", 0, 4, color="Paper Red").do(doc)
    kept = Layouter()
    kept.layout(doc)
    C.ReplaceDocument(io.dumps(doc), _swatch_changed(doc, "Paper Red", c=0, m=0, y=100, k=0)).do(doc)
    assert (0.0, 0.0, 1.0, 0.0) in _colours_of(kept.layout(doc), "a1")
