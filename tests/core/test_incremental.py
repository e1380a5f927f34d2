"""Incremental relayout of a long threaded story (Layouter._flow_story_uncached with ``take``):
after a keystroke only the paragraphs it changed are set again; the paragraphs before it are
the previous flow's as they are, and from where the flow converges with the previous one
(same paragraph, same frame, column and y) the rest is the previous flow's moved in the text
(FrameSeq), its pages ShiftedPages — and the result is still exactly a fresh layout's."""
import json
import pickle
import random
from dataclasses import replace

import pytest

from banmian.core import commands as C
from banmian.core.model.document import Block, Run
from banmian.core.typeset.frameseq import FrameSeq
from banmian.core.typeset.layout import Layouter
from banmian.core.typeset.result import GlyphRun, LineInfo, PageResult, ShiftedPage, draws_as
from seedpage import seed_paragraphs, six_column_document

pytestmark = pytest.mark.core


def long_doc(chars=14000, pages=4):
    seed = seed_paragraphs()
    paras, n, i = [], 0, 0
    while n < chars:
        p = f"{i}" + seed[i % len(seed)]          # unique paragraphs, as bench_memory's
        paras.append(p)
        n += len(p)
        i += 1
    return six_column_document(paras, pages=pages)


def _norm(r):
    return json.dumps(json.loads(r.dump(), parse_float=lambda v: round(float(v), 6)), sort_keys=True)


@pytest.fixture(scope="module")
def fonts():
    from banmian.core.typeset.fonts import default_registry
    return default_registry()


def _insert(doc, bi, k, s):
    b = doc.stories[0].blocks[bi]
    b.runs[0].text = b.runs[0].text[:k] + s + b.runs[0].text[k:]


def _flowed(lay, monkeypatch):
    """Count the paragraphs a relayout sets (Layouter._flow_block calls)."""
    calls = []
    orig = Layouter._flow_block

    def spy(self, doc, story, block, *a, **k):
        calls.append(block)
        return orig(self, doc, story, block, *a, **k)
    monkeypatch.setattr(Layouter, "_flow_block", spy)
    return calls


def test_a_keystroke_sets_only_its_paragraph_and_moves_the_pages_after_it(fonts, monkeypatch):
    doc = long_doc()
    lay = Layouter(fonts)
    prev = lay.layout(doc)
    blocks = doc.stories[0].blocks
    # a body paragraph a third of the way in whose last line has room for one more character
    starts = [sum(b.length + 1 for b in blocks[:i]) for i in range(len(blocks))]
    last = {ln.start: ln for p in prev.pages for ln in p.lines if ln.last}
    bi = next(i for i in range(len(blocks) // 3, len(blocks)) if blocks[i].role == "paragraph"
              and any(ln.end - ln.start < 9 for s, ln in last.items() if starts[i] <= s < starts[i] + blocks[i].length))
    calls = _flowed(lay, monkeypatch)
    _insert(doc, bi, 3, "新")
    res = lay.relayout_story(doc, prev, "seed")
    assert calls == [blocks[bi]]                       # the edited paragraph, nothing else
    # where the edited paragraph is: its page assembled again; before it: the same page objects;
    # after it: the same drawing, the text's offsets moved by one
    edited = next(p.index for p in res.pages for ln in p.lines if ln.start <= starts[bi] < ln.end)
    for p, q in zip(prev.pages, res.pages):
        if p.index < edited:
            assert q is p
        elif p.index > edited:
            assert type(q) is ShiftedPage and draws_as(q, p)
            assert [ln.start for ln in q.lines] == [ln.start + 1 for ln in p.lines]
    assert _norm(res) == _norm(Layouter(fonts).layout(doc))


def test_random_edits_give_what_a_fresh_layout_gives(fonts):
    """Typing, deleting, pasting, splitting and joining paragraphs, a paragraph turned into a
    subhead (which moves everything after it): after each, the incremental result is a fresh
    layout's."""
    doc = long_doc(9000, 3)
    lay = Layouter(fonts)
    res = lay.layout(doc)
    blocks = doc.stories[0].blocks
    rnd = random.Random(5)
    took = 0
    for step in range(24):
        bi = rnd.randrange(len(blocks))
        b = blocks[bi]
        t = b.runs[0].text
        k = rnd.randrange(len(t) + 1)
        op = ("ins", "del", "paste", "split", "join", "subhead")[step % 6]
        if op == "ins":
            b.runs[0].text = t[:k] + "新" + t[k:]
        elif op == "del":
            b.runs[0].text = t[:k] + t[k + 1:]
        elif op == "paste":
            b.runs[0].text = t[:k] + "新闻报道" * rnd.randint(1, 8) + t[k:]
        elif op == "split":
            b.runs[0].text = t[:k]
            blocks.insert(bi + 1, Block(b.role, b.style, [Run(t[k:])]))
        elif op == "join" and bi + 1 < len(blocks):
            b.runs[0].text = t + blocks[bi + 1].text
            del blocks[bi + 1]
        else:
            blocks[bi] = Block("subhead", "subhead", [Run(t[:9])])
        res = lay.relayout_story(doc, res, "seed")
        took += any(type(p) is ShiftedPage for p in res.pages)
        assert _norm(res) == _norm(Layouter(fonts).layout(doc)), (step, op)
    assert took >= 5          # (the edits that converge did take the end over: 7 of these 24)


def test_an_edit_through_the_session_command_and_its_undo(fonts):
    doc = long_doc(9000, 3)
    lay = Layouter(fonts)
    res = lay.layout(doc)
    story = doc.stories[0]
    pos = len(story.text) // 4
    cmd = C.ReplaceText("seed", pos, pos, "字")
    cmd.do(doc)
    res = lay.relayout_story(doc, res, "seed")
    assert _norm(res) == _norm(Layouter(fonts).layout(doc))
    cmd.undo(doc)
    res = lay.relayout_story(doc, res, "seed")
    assert _norm(res) == _norm(Layouter(fonts).layout(doc))


def test_paragraphs_taken_over_stay_in_the_caches(fonts, monkeypatch):
    """Paragraphs the flow takes over are not set, but their composed lines stay cached: after
    many keystrokes at the top, an edit that adds a line there (and so moves every paragraph
    after it to another place) sets them from their cached lines — it composes none again."""
    doc = long_doc(6000, 2)
    lay = Layouter(fonts)
    res = lay.layout(doc)
    blocks = doc.stories[0].blocks
    for i in range(8):                       # (more passes than KEEP_PASSES)
        t = blocks[0].runs[0].text           # a character replaced: no line more or less
        blocks[0].runs[0].text = t[:2] + "新闻"[i % 2] + t[3:]
        before = res.pages[1]
        res = lay.relayout_story(doc, res, "seed")
        assert res.pages[1] is before        # (taken over: nothing on page 2 moved at all)
    assert len(lay._paras) >= len(blocks) and len(lay._lines) >= len(blocks)
    import banmian.core.typeset.layout as L
    composed = []
    orig = L.compose
    monkeypatch.setattr(L, "compose", lambda p, *a, **k: composed.append(p) or orig(p, *a, **k))
    _insert(doc, 0, 2, "新闻报道新闻报道新闻报道新闻")       # a line more
    res = lay.relayout_story(doc, res, "seed")
    n = len(composed)
    assert _norm(res) == _norm(Layouter(fonts).layout(doc))
    assert 1 <= n <= 2


def test_shifted_page_reads_as_the_page_it_stands_for():
    run = GlyphRun("song", 9.0, (0, 0, 0, 1), 10.0, (1.0, 10.0), (3, 4), "ab", (9.0, 9.0), "s", 5, (0, 1), "f", 0)
    other = run._replace(story="t", start=7)
    ln = LineInfo("f", 0, "s", "paragraph", 0, 10, 10, 5, 7, True, True, False, True, 0, 0, 9, runs=(0, 1))
    page = PageResult("p", 0, 100, 100, 3, (run, other), (), (ln,))
    s = ShiftedPage.of(page, {"s": 3}, ())
    assert "items" not in s.__dict__                       # not read yet
    assert [i.start for i in s.items] == [8, 7]            # only story s moved
    assert (s.lines[0].start, s.lines[0].end, s.lines[0].runs) == (8, 10, (0, 1))
    again = ShiftedPage.of(s, {"s": -1}, ())
    assert again._root is page and again.items[0].start == 7      # from the assembled page, once
    plain = replace(page, items=s.items, lines=s.lines)
    assert s == plain and plain == s
    r = replace(s, index=4)
    assert type(r) is PageResult and r.items == s.items and r.index == 4
    assert pickle.loads(pickle.dumps(s)) == plain
    assert draws_as(again, s) and draws_as(s, page) and not draws_as(plain, page)


def test_frameseq_slices_and_moves_without_copying():
    base = [LineInfo("f", 0, "s", "paragraph", 0, 10, 10, i * 10, i * 10 + 10, True, True, False, True, 0, 0, 9)
            for i in range(6)]
    q = FrameSeq.of(base)[2:5].moved(4)
    assert len(q) == 3 and [ln.start for ln in q] == [24, 34, 44]
    assert q.segs[0][0] is base                              # the records are not copied
    joined = (FrameSeq.of(base)[:1] + q)[1:3]
    assert [ln.start for ln in joined] == [24, 34]
    assert joined.line_range() == (24, 44)
    assert FrameSeq.of(base)[6:].line_range() is None


def test_a_copyfit_trial_leaves_the_editors_flow_as_it_was(fonts):
    """A trial Layouter (copyfit's variants) starts from the editor's flow of the story; its own
    flow must not change what the editor's next keystroke takes over."""
    import copy
    doc = long_doc(9000, 3)
    lay = Layouter(fonts)
    res = lay.layout(doc)
    variant = copy.deepcopy(doc)
    _insert(variant, len(variant.stories[0].blocks) // 2, 3, "试")
    trial = lay.trial()
    over, room, lines = trial.story_fit(variant, "seed")
    assert lines and over == 0
    slot = ("seed", tuple((p.index, p.frames[0].frame) for p in res.pages), None)
    flow = lay._stories.get(slot)[1]
    assert all(e[0] in flow.blocks for e in flow.starts)     # its memo as it was
    _insert(doc, len(doc.stories[0].blocks) // 3, 3, "新")
    res = lay.relayout_story(doc, res, "seed")
    assert _norm(res) == _norm(Layouter(fonts).layout(doc))


def test_a_line_added_above_moves_the_runs_below_without_setting_them_again(fonts):
    """An edit that adds a line moves every later paragraph down: their lines are placed again,
    but where a line keeps its x, frame and column its runs are the previous ones at the new
    baseline — the same glyph tuples (layout._placed_again), not new ones."""
    doc = long_doc(6000, 2)
    lay = Layouter(fonts)
    prev = lay.layout(doc)
    old_xs = {id(r.xs): r for p in prev.pages for r in p.glyph_runs()}
    _insert(doc, 0, 2, "新闻报道新闻报道新闻报道新闻")       # a line more in the first paragraph
    res = lay.relayout_story(doc, prev, "seed")
    assert _norm(res) == _norm(Layouter(fonts).layout(doc))
    runs = [r for p in res.pages for r in p.glyph_runs()]
    shared = [r for r in runs if id(r.xs) in old_xs]
    moved = [r for r in shared if r.y != old_xs[id(r.xs)].y]
    assert len(moved) > len(runs) // 2            # most lines kept their column and moved down
    assert all(r.start == old_xs[id(r.xs)].start + 14 for r in moved)
