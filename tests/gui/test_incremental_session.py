"""Typing into a long threaded story through the session: the pages after the edit, whose
text only moved in the story, are ShiftedPages the session does not read — it reports them
unchanged, and the canvas's page pictures take them without repainting."""
import pytest

from banmian.core import commands as C
from banmian.core.typeset.result import ShiftedPage

pytestmark = pytest.mark.gui


@pytest.fixture
def long_session(qapp):
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
    from test_incremental import long_doc
    from banmian.gui.session import Session
    return Session(long_doc(9000, 3))


def test_pages_after_an_edit_are_reported_unchanged_and_not_read(long_session):
    s = long_session
    story = s.doc.stories[0]
    got = []
    s.layout_changed.connect(lambda changed: got.append(changed))
    # a paragraph on page 1 whose last line has room: one character more moves nothing after it
    first_page_lines = [ln for ln in s.result.pages[0].lines if ln.last and ln.end - ln.start < 9]
    starts = [sum(b.length + 1 for b in story.blocks[:i]) for i in range(len(story.blocks))]
    bi = max(i for i, a in enumerate(starts) if a <= first_page_lines[len(first_page_lines) // 2].start)
    text = story.blocks[bi].text
    before = s.result.pages[1]
    s.push(C.EditStoryText(story.id, bi, text=text[:2] + "新" + text[2:]))
    assert got and got[-1] == {s.result.pages[0].page}
    later = s.result.pages[1:]
    assert all(type(p) is ShiftedPage for p in later)
    assert all("items" not in p.__dict__ for p in later)          # never read
    # read now, they hold the story's text one character on
    assert [ln.start for ln in later[0].lines] == [ln.start + 1 for ln in before.lines]
    assert [r.start for r in later[0].glyph_runs()] == [r.start + 1 for r in before.glyph_runs()]
