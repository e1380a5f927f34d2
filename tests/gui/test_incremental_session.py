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


def test_typing_on_page_1_of_a_long_story_leaves_the_later_pages_unread(qtbot, tmp_path, settings):
    """Through the Type tool: a click on page 1, a key typed, the event loop's repaint — the
    pages after the edit are ShiftedPages nobody read (not the session, the canvas or the
    caret's geometry), and the caret stands after the typed character."""
    from PySide6.QtCore import Qt
    from test_story_geometry import SID, long_document, point_of_char  # tests/gui
    from helpers import open_window
    from banmian.core.io import save_document
    path = tmp_path / "long.json"
    save_document(long_document(), path)
    w = open_window(qtbot, path, settings)
    w.canvas.setFocus()
    qtbot.keyClick(w.canvas, Qt.Key.Key_T)
    tool = w.canvas.tool
    p1 = w.session.page_result("p1")
    ln = next(x for x in p1.lines if x.story == SID and x.last and x.end - x.start < 8 and x.end - x.start > 2)
    w.canvas.scroll_to_page("p1")
    qtbot.mouseClick(w.canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     point_of_char(w, "p1", ln.start + 1))
    at = tool.caret
    qtbot.keyClicks(w.canvas, "x")
    qtbot.wait(50)                                   # (the repaint and the deferred work)
    assert w.session.doc.story(SID).text[at] == "x" and tool.caret == at + 1
    assert tool.caret_geometry()[0] == "p1"
    later = w.session.result.pages[3:]
    assert later and all(type(p) is ShiftedPage and "items" not in p.__dict__ and "lines" not in p.__dict__
                         for p in later)
