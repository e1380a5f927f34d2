"""The Articles panel's copyfit view and 自动组版, driven as an editor drives them: clicks on the
story list, the remedy list, the buttons, and the make-up dialog answered by clicks."""
from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QListWidget, QPushButton

from helpers import open_window, when_modal  # noqa: E402  (tests/gui/helpers.py)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
from seedpage import article_story, seed_sentences  # noqa: E402  (tests/core/seedpage.py)
from banmian.core import paths
from banmian.core.io import save_document
from banmian.core.templates import document_from_template

pytestmark = pytest.mark.gui

CTRL = Qt.KeyboardModifier.ControlModifier


def _click_item(qtbot, lw: QListWidget, row: int, double=False):
    it = lw.item(row)
    lw.scrollToItem(it)
    pos = lw.visualItemRect(it).center()
    if double:     # a real double-click is a click, then the second press (QTest sends only that)
        qtbot.mouseClick(lw.viewport(), Qt.MouseButton.LeftButton, pos=pos)
        qtbot.mouseDClick(lw.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    else:
        qtbot.mouseClick(lw.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def _undo(qtbot, w):
    """Ctrl+Z as the editor presses it, with the window active again after a dialog."""
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    w.canvas.setFocus()
    qtbot.keyClick(w.canvas, Qt.Key.Key_Z, CTRL)


def _click_story(qtbot, w, sid):
    tree = w.articles_panel.tree
    it = w.articles_panel._item(sid)
    tree.scrollToItem(it)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(it).center())


@pytest.fixture
def unplaced_page(tmp_path):
    """An empty 四开 page (master only) and three unplaced stories that fill about the page."""
    doc = document_from_template(paths.templates_dir() / "sikai.json")
    rng, sents = random.Random(1), seed_sentences()
    heads = ["培育巾帼工匠贡献力量", "工会服务货车司机", "职工书屋开放"]
    for i, n in enumerate((1550, 1150, 720)):
        doc.stories.append(article_story(f"s{i}", n, rng, sents, heads[i]))
    p = tmp_path / "page.json"
    save_document(doc, p)
    return p


def test_automatic_makeup_fills_the_page_in_one_undoable_step(qtbot, unplaced_page, settings):
    w = open_window(qtbot, unplaced_page, settings)
    s = w.session
    page = s.doc.pages[0]
    assert not page.frames
    chosen = []

    def answer(dlg):
        chosen.append(dlg)
        # the editor unticks nothing, asks for proposals, looks, takes the second one
        qtbot.mouseClick(dlg.findChild(QPushButton, "makeupPropose"), Qt.MouseButton.LeftButton)
        props = dlg.findChild(QListWidget, "makeupProposals")
        qtbot.waitUntil(lambda: props.count() > 0, timeout=60000)
        _click_item(qtbot, props, props.count() - 1)
        ok = dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        assert ok.isEnabled()
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    when_modal(qtbot, answer, timeout=60000)
    qtbot.mouseClick(w.articles_panel.makeup_btn, Qt.MouseButton.LeftButton)
    assert chosen, "the make-up dialog did not open"
    page = s.doc.pages[0]
    text_frames = {f.story for f in page.frames if getattr(f, "story", None)}
    assert {"s0", "s1", "s2"} <= text_frames
    s.relayout()
    assert not [o for o in s.result.overset if o.chars], "a proposed page is overset"
    assert s.undo_stack.count() == 1
    # one Ctrl+Z takes the whole proposal back
    _undo(qtbot, w)
    assert not s.doc.pages[0].frames
    assert all(s.doc.story(i) is not None for i in ("s0", "s1", "s2"))


def test_makeup_too_much_copy_says_how_much_to_cut(qtbot, tmp_path, settings):
    doc = document_from_template(paths.templates_dir() / "sikai.json")
    rng, sents = random.Random(2), seed_sentences()
    for i, n in enumerate((2400, 1800, 1200)):
        doc.stories.append(article_story(f"s{i}", n, rng, sents, f"标题{i}"))
    p = tmp_path / "page.json"
    save_document(doc, p)
    w = open_window(qtbot, p, settings)
    seen = []

    def answer(dlg):
        qtbot.mouseClick(dlg.findChild(QPushButton, "makeupPropose"), Qt.MouseButton.LeftButton)
        msg = dlg.message.text()
        seen.append((msg, dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()))
        qtbot.mouseClick(dlg.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)

    when_modal(qtbot, answer, timeout=60000)
    qtbot.mouseClick(w.articles_panel.makeup_btn, Qt.MouseButton.LeftButton)
    assert seen
    msg, ok_enabled = seen[0]
    n = int(re.search(r"(\d+)", msg).group(1))
    assert n > 0 and "删" in msg, msg
    assert not ok_enabled
    assert not w.session.doc.pages[0].frames
    assert w.session.undo_stack.count() == 0


def test_copyfit_view_shows_the_overset_and_applies_a_remedy(qtbot, window):
    w = window
    s = w.session
    assert s.overset_chars("s1") > 0
    _click_story(qtbot, w, "s1")
    box = w.articles_panel.copyfit
    assert box.story_id == "s1"
    assert str(s.overset_chars("s1")) in box.state.text()
    labels = box.remedy_labels()
    assert labels, "no remedies for an overset story"
    # the engine's remedies are ranked: those that fit first; pick the first applicable one
    rows = [i for i, r in enumerate(box.fit.remedies) if r.command is not None]
    assert rows
    before = s.overset_chars("s1")
    expect = box.fit.remedies[rows[0]].result
    _click_item(qtbot, box.list, rows[0])
    assert box.apply_btn.isEnabled()
    qtbot.mouseClick(box.apply_btn, Qt.MouseButton.LeftButton)
    s.relayout()
    assert s.overset_chars("s1") == expect.over
    assert s.overset_chars("s1") < before
    _undo(qtbot, w)
    s.relayout()
    assert s.overset_chars("s1") == before


def test_copyfit_advice_only_remedy_opens_the_story(qtbot, window):
    w = window
    _click_story(qtbot, w, "s1")
    box = w.articles_panel.copyfit
    rows = [i for i, r in enumerate(box.fit.remedies) if r.command is None]
    assert rows, "a 删 N 字 remedy is expected for an overset story"
    opened = []
    w.articles_panel.story_activated.connect(opened.append)
    _click_item(qtbot, box.list, rows[0], double=True)
    assert opened == ["s1"]
    assert not box.apply_btn.isEnabled()
