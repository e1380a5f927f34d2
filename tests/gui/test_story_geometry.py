"""The Type tool's StoryGeometry reads only the pages a query needs (the core's pages a keystroke
did not change compute their lines and items on first access), and answers as the eager one did
(tests/gui/eager_geometry.py: every page read, every line sorted): caret, Up/Down, selection,
empty paragraphs — at frame and page boundaries too; in the editor through real key and mouse
events."""
import sys
from dataclasses import fields, replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from eager_geometry import EagerStoryGeometry  # tests/gui/eager_geometry.py
from helpers import open_window  # tests/gui/helpers.py

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
from seedpage import seed_paragraphs, six_column_document  # noqa: E402  (tests/core/seedpage.py)
from banmian.core.io import save_document  # noqa: E402
from banmian.core.model import Block, Run  # noqa: E402
from banmian.core.typeset.layout import Layouter  # noqa: E402
from banmian.core.typeset.result import PageResult  # noqa: E402
from banmian.gui.text_edit import StoryGeometry  # noqa: E402

pytestmark = pytest.mark.gui

SID = "seed"
SHIFT = Qt.KeyboardModifier.ShiftModifier
NO = Qt.KeyboardModifier.NoModifier


def story_paragraphs(chars=20_000):
    """Unique seed paragraphs of about ``chars`` characters (bench/bench_memory.py's long story)."""
    seed = seed_paragraphs()
    paras, n = [], 0
    while n < chars:
        p = f"{len(paras)}" + seed[len(paras) % len(seed)]
        paras.append(p)
        n += len(p) + 1
    return paras


def long_document():
    """~20,000 characters threaded through 6 pages (p1–p5 full, p6's frame left empty)."""
    return six_column_document(story_paragraphs(), pages=6)


def with_empty_paragraphs():
    """The long story with empty paragraphs (no line): two together on page 3, and one at the
    p1/p2 boundary — the last line before it on p1, the first after it on p2 (the paragraph
    boundary near the end of page 1 where an empty paragraph lands so is looked for)."""
    def build(k=None):
        doc = long_document()
        blocks = doc.stories[0].blocks
        for at in ((k,) if k is not None else ()) + (60, 60):
            blocks.insert(at, Block("paragraph", "body", [Run("")]))
        return doc, Layouter().layout(doc)

    doc, res = build()
    starts, o = [], 0
    for b in doc.stories[0].blocks:
        starts.append(o)
        o += b.length + 1
    p1_end = frame_range(res, 0)[1]
    last = max(j for j, s in enumerate(starts) if s <= p1_end)
    for k in range(last + 1, last - 4, -1):
        doc, res = build(k)
        ref = EagerStoryGeometry(res, SID)
        at = sum(b.length + 1 for b in doc.stories[0].blocks[:k])
        assert doc.stories[0].blocks[k].text == "" and ref.line_index(at) is None
        if ref.caret(at, 9.0)[0] == "p1" and next(L for L in ref.lines if L.info.start > at).page == "p2":
            return doc
    raise AssertionError("no paragraph boundary where an empty paragraph sits between p1 and p2")


@pytest.fixture(scope="module")
def long_layout():
    doc = long_document()
    return doc, Layouter().layout(doc)


@pytest.fixture(scope="module")
def empty_layout():
    doc = with_empty_paragraphs()
    return doc, Layouter().layout(doc)


READS = []


class CountingPage(PageResult):
    """A page that notes each read of its ``lines`` or ``items`` (what a lazy page computes
    on first access)."""

    def __getattribute__(self, name):
        if name in ("lines", "items"):
            READS.append(object.__getattribute__(self, "page"))
        return object.__getattribute__(self, name)


def counting(result):
    pages = tuple(CountingPage(**{f.name: getattr(pr, f.name) for f in fields(pr)}) for pr in result.pages)
    READS.clear()
    return replace(result, pages=pages)


def pages_read() -> set:
    return set(READS)


def frame_range(result, page: int):
    fl = result.pages[page].frames[0]
    return fl.first_char, fl.end_char


# ---------------------------------------------------------------------- what is read

def test_building_it_reads_no_page(long_layout):
    _, res = long_layout
    StoryGeometry(counting(res), SID)
    assert READS == []


def test_a_caret_in_the_middle_of_page_3_reads_page_3_only(long_layout):
    _, res = long_layout
    a, z = frame_range(res, 2)
    mid = (a + z) // 2
    g = StoryGeometry(counting(res), SID)
    ref = EagerStoryGeometry(res, SID)
    assert g.caret(mid, 9.0) == ref.caret(mid, 9.0)
    assert g.caret(mid, 9.0, at_end=True) == ref.caret(mid, 9.0, at_end=True)
    L = g.line_at(mid)
    for M in (g.next_line(L), g.prev_line(L)):                  # Up / Down
        g.char_in_line(M, g.x_of(L, mid))
    assert g.spans(mid - 40, mid + 40) == ref.spans(mid - 40, mid + 40)
    assert pages_read() == {"p3"}


def test_the_story_s_end_does_not_read_the_empty_frame_s_page(long_layout):
    doc, res = long_layout
    n = len(doc.stories[0].text)
    assert res.pages[5].frames[0].end_char == 0 and frame_range(res, 4)[1] == n
    g = StoryGeometry(counting(res), SID)
    L = g.line_at(n)
    assert g.next_line(L) is None                                # Down on the last line
    assert g.caret(n, 9.0) == EagerStoryGeometry(res, SID).caret(n, 9.0)
    assert pages_read() == {"p5"}


def test_a_caret_where_a_paragraph_goes_on_to_the_next_page_reads_both_pages(long_layout):
    _, res = long_layout
    a2, z2 = frame_range(res, 1)
    a3, _ = frame_range(res, 2)
    assert z2 == a3                 # p2's last line and p3's first are one paragraph's
    ref = EagerStoryGeometry(res, SID)
    g = StoryGeometry(counting(res), SID)
    assert g.caret(a3, 9.0)[0] == "p3" and g.caret(a3, 9.0, at_end=True)[0] == "p2"
    for at_end in (False, True):
        assert g.caret(a3, 9.0, at_end) == ref.caret(a3, 9.0, at_end)
    last2 = g.line_at(a3, at_end=True)
    first3 = g.next_line(last2)
    assert (last2.page, first3.page) == ("p2", "p3") and g.prev_line(first3) is last2
    assert pages_read() == {"p2", "p3"}


def test_an_empty_paragraph_between_pages_reads_only_the_pages_around_it(empty_layout):
    doc, res = empty_layout
    text = doc.stories[0].text
    ref = EagerStoryGeometry(res, SID)
    empty = [i for i in range(1, len(text)) if text[i] == "\n" and text[i - 1] == "\n"]
    assert len(empty) == 3
    between = next(i for i in empty if ref.caret(i, 9.0)[0] == "p1"
                   and next(L for L in ref.lines if L.info.start > i).page == "p2")
    g = StoryGeometry(counting(res), SID)
    assert g.line_at(between) is None
    assert g.caret(between, 9.0) == ref.caret(between, 9.0)
    assert pages_read() == {"p1", "p2"}


def test_an_empty_first_paragraph_reads_the_first_page_only():
    res = Layouter().layout(six_column_document(["", ""] + story_paragraphs(6000), pages=3))
    ref = EagerStoryGeometry(res, SID)
    g = StoryGeometry(counting(res), SID)
    for p in (0, 1):
        assert g.line_at(p) is None and g.caret(p, 9.0) == ref.caret(p, 9.0)
    L = g.line_at(2)
    assert g.prev_line(L) is None and g.first_line() is L       # Up on the first line
    assert pages_read() == {"p1"}


# ---------------------------------------------------------------------- same answers

def probe_positions(ref, n):
    """Every 10th line's ends and their neighbours, each frame's ends, and a stride through."""
    pos = set(range(0, n + 1, 97)) | {0, n}
    for L in ref.lines[::10]:
        pos |= {L.info.start - 1, L.info.start, L.info.start + 1, L.info.end - 1, L.info.end, L.info.end + 1}
    return sorted(p for p in pos if 0 <= p <= n)


def line_key(L):
    return None if L is None else (L.page, L.info)


def overlapping(result):
    """The result with p3's frame range widened back into p2's: a range is only a bound on its
    lines (threads never overlap, but the geometry must not rely on it)."""
    (a2, _), (a3, z3) = frame_range(result, 1), frame_range(result, 2)
    pr = result.pages[2]
    pages = list(result.pages)
    pages[2] = replace(pr, frames=(replace(pr.frames[0], first_char=a2 + 100),) + pr.frames[1:])
    return replace(result, pages=tuple(pages))


@pytest.mark.parametrize("which", ["long_layout", "empty_layout", "overlapping"])
def test_same_answers_as_the_eager_geometry(request, which):
    doc, res = request.getfixturevalue("long_layout" if which == "overlapping" else which)
    if which == "overlapping":
        res = overlapping(res)
    n = len(doc.stories[0].text)
    ref = EagerStoryGeometry(res, SID)
    g = StoryGeometry(res, SID)
    assert len(g._parts) == (4 if which == "overlapping" else 5)    # p2 and p3 read as one
    lines = ref.lines
    for p in probe_positions(ref, n):
        for at_end in (False, True):
            assert g.caret(p, 9.0, at_end) == ref.caret(p, 9.0, at_end), (p, at_end)
            i = ref.line_index(p, at_end)
            L = g.line_at(p, at_end)
            assert line_key(L) == (line_key(lines[i]) if i is not None else None), (p, at_end)
            if i is None:
                continue
            assert line_key(g.next_line(L)) == (line_key(lines[i + 1]) if i + 1 < len(lines) else None)
            assert line_key(g.prev_line(L)) == (line_key(lines[i - 1]) if i > 0 else None)
            x = ref.x_of(lines[i], p)
            for j in (i - 1, i + 1):
                if 0 <= j < len(lines):
                    M = g.next_line(L) if j > i else g.prev_line(L)
                    assert g.char_in_line(M, x) == ref.char_in_line(j, x)
    assert line_key(g.first_line()) == line_key(lines[0])
    # selections: in a line, over lines, over each frame/page boundary, the whole story
    cuts = [0, n] + [c for pi in range(5) for c in frame_range(res, pi)]
    ranges = [(0, n), (5, 9), (100, 900)] + [(c - d, c + e) for c in cuts for d in (0, 1, 30) for e in (0, 1, 30)]
    ranges += [(L.info.start, L.info.end) for L in lines[::50]] + [(L.info.end, L.info.end + 1) for L in lines[::50]]
    for a, b in ranges:
        a, b = max(0, a), min(n, b)
        if a < b:
            assert g.spans(a, b) == ref.spans(a, b), (a, b)


# ---------------------------------------------------------------------- in the editor

def point_of_char(w, page_id, index):
    """Viewport point inside the glyph showing story character ``index`` on ``page_id``."""
    for r in w.session.page_result(page_id).glyph_runs():
        if r.story == SID:
            for gx, adv, off in zip(r.xs, r.advances, r.offsets):
                if r.start + off == index:
                    return w.canvas.page_mm_to_view(page_id, (gx + adv * 0.3) * 25.4 / 72,
                                                    (r.y - r.size * 0.4) * 25.4 / 72).toPoint()
    raise AssertionError(f"character {index} not drawn on {page_id}")


@pytest.fixture
def editor(qtbot, tmp_path, settings):
    path = tmp_path / "long.json"
    save_document(long_document(), path)
    w = open_window(qtbot, path, settings)
    w.canvas.setFocus()
    qtbot.keyClick(w.canvas, Qt.Key.Key_T)
    assert type(w.canvas.tool).__name__ == "TypeTool"
    return w, w.canvas.tool


def test_down_and_up_cross_from_page_2_to_page_3_and_shift_down_selects_over_both(qtbot, editor):
    w, tool = editor
    res = w.session.result
    ref = EagerStoryGeometry(res, SID)
    i = max(k for k, L in enumerate(ref.lines) if L.page == "p2")     # p2's last line
    w.canvas.scroll_to_page("p2")
    qtbot.mouseClick(w.canvas.viewport(), Qt.MouseButton.LeftButton, NO,
                     point_of_char(w, "p2", ref.lines[i].info.start + 2))
    start = tool.caret
    assert ref.line_index(start) == i and ref.lines[i + 1].page == "p3"
    qtbot.keyClick(w.canvas, Qt.Key.Key_Down)
    below = ref.char_in_line(i + 1, ref.x_of(ref.lines[i], start))
    assert tool.caret == below and tool.caret_geometry()[0] == "p3"
    assert tool.caret_geometry() == ref.caret(below, tool._size_at(below), tool.at_end)
    qtbot.keyClick(w.canvas, Qt.Key.Key_Up)
    assert tool.caret == start and tool.caret_geometry()[0] == "p2"
    qtbot.keyClick(w.canvas, Qt.Key.Key_Down, SHIFT)
    assert tool.selection() == (start, below)
    spans = tool.geometry().spans(start, below)
    assert spans == ref.spans(start, below) and {s[0] for s in spans} == {"p2", "p3"}
    assert len(tool._selection_rects()) == len(spans)
    # typing over the selection: the caret follows on the new layout
    qtbot.keyClicks(w.canvas, "x")
    assert w.session.doc.story(SID).text[start] == "x" and tool.caret == start + 1
    new = EagerStoryGeometry(w.session.result, SID)
    assert tool.caret_geometry() == new.caret(start + 1, tool._size_at(start + 1), tool.at_end)


def test_an_empty_paragraph_made_with_enter_has_the_eager_caret(qtbot, editor):
    w, tool = editor
    res = w.session.result
    a3, z3 = frame_range(res, 2)
    w.canvas.scroll_to_page("p3")
    text = w.session.doc.story(SID).text
    at = text.index("\n", (a3 + z3) // 2)                        # a paragraph's end on page 3
    qtbot.mouseClick(w.canvas.viewport(), Qt.MouseButton.LeftButton, NO, point_of_char(w, "p3", at - 1))
    qtbot.keyClick(w.canvas, Qt.Key.Key_End)
    assert tool.caret == at
    qtbot.keyClick(w.canvas, Qt.Key.Key_Return)
    qtbot.keyClick(w.canvas, Qt.Key.Key_Return)
    assert w.session.doc.story(SID).text[at:at + 3] == "\n\n\n" and tool.caret == at + 2
    ref = EagerStoryGeometry(w.session.result, SID)
    for k in (at + 2, at + 1):                                    # two empty paragraphs: no line
        assert tool.caret == k and ref.line_index(k) is None
        assert tool.caret_geometry() == ref.caret(k, tool._size_at(k), tool.at_end)
        assert tool.caret_geometry()[0] == "p3"
        qtbot.keyClick(w.canvas, Qt.Key.Key_Left)
    assert tool.caret == at
