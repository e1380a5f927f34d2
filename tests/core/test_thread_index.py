"""Document.threads() (one pass, used by the layout) answers exactly as thread() per story,
on the sample and on documents with the odd threads hostile files have."""
import pytest

from banmian.core.io import load_document
from banmian.core.model import Document, Margins, Page, Story, TextFrame, Grid
from banmian.core.model.document import Master
from banmian.core.paths import sample_layout

pytestmark = pytest.mark.core


def _same(doc):
    got = doc.threads()
    for st in doc.stories:
        want = doc.thread(st.id)
        assert [(p.id if p else None, f.id) for p, f in got.get(st.id, [])] == \
               [(p.id if p else None, f.id) for p, f in want], st.id
    return got


def test_the_sample_threads_are_the_same():
    doc = load_document(sample_layout())
    got = _same(doc)
    assert max(len(v) for v in got.values()) >= 3       # article 3 runs through linked frames


def _page(pid, frames):
    return Page(pid, pid, 200, 300, 3, Margins(10, 10, 10, 10), Grid(2, 13, 1, 9.0, 15.0), frames=frames)


def test_cycles_dangling_links_masters_and_repeated_ids():
    a = TextFrame("a", 0, 0, 50, 50, story="s1", next="b")
    b = TextFrame("b", 0, 60, 50, 50, next="a")                       # a cycle back to the head
    c = TextFrame("c", 60, 0, 50, 50, story="s2", next="nowhere")     # a dangling link
    d = TextFrame("d", 60, 60, 50, 50, story="s2")                    # a second head: not used
    e = TextFrame("b", 120, 0, 50, 50, story="s3", next="m1")         # an id repeated on page 2
    m1 = TextFrame("m1", 0, 0, 50, 10, story="s4")
    m2 = TextFrame("m2", 0, 20, 50, 10, story="s5")
    m3 = TextFrame("m3", 0, 40, 50, 10, story="s5")                   # the master's last head wins
    doc = Document([_page("p1", [a, b, c, d]), _page("p2", [e])],
                   [Story(i) for i in ("s1", "s2", "s3", "s4", "s5", "s6")], [])
    doc.masters = [Master("M", frames=[m1, m2, m3])]
    got = _same(doc)
    assert [f.id for _, f in got["s1"]] == ["a", "b"]
    assert [f.id for _, f in got["s3"]] == ["b", "m1"]
    assert [f.id for _, f in got["s5"]] == ["m3"]
    assert "s6" not in got
