"""Two untitled pages open at once autosave to two recovery files — never one over the
other — and each is offered again after a crash."""
import pytest

from banmian.core import paths
from banmian.core.io import loads
from banmian.core.model.document import Block, Run, Story

pytestmark = pytest.mark.gui


def _untitled_window(qtbot, settings, marker):
    from banmian.core.templates import document_from_template, list_templates
    from banmian.gui.main_window import MainWindow
    doc = document_from_template(list_templates()[0].path)
    w = MainWindow(settings=settings, ask=lambda *a: True, document=doc)
    w.prompt_save = lambda: "discard"
    qtbot.addWidget(w)
    from banmian.core import commands as C
    assert w.session.push(C.AddStory(Story(marker, marker, [Block("paragraph", "body", [Run(marker)])])))
    return w


def test_two_untitled_windows_keep_two_recovery_files(qtbot, settings):
    a = _untitled_window(qtbot, settings, "稿件甲")
    b = _untitled_window(qtbot, settings, "稿件乙")
    ra, rb = a.autosave(), b.autosave()
    assert ra is not None and rb is not None and ra != rb
    assert ra.parent == rb.parent == paths.recovery_dir()
    docs = {p: loads(p.read_text("utf-8")) for p in (ra, rb)}
    assert docs[ra].story("稿件甲") is not None and docs[ra].story("稿件乙") is None
    assert docs[rb].story("稿件乙") is not None and docs[rb].story("稿件甲") is None


def test_a_new_start_offers_the_newest_untitled_recovery_and_keeps_writing_there(qtbot, settings):
    a = _untitled_window(qtbot, settings, "稿件甲")
    rec = a.autosave()
    from banmian.gui.main_window import MainWindow
    w = MainWindow(None, settings=settings, ask=lambda *x: True)     # the next start, untitled
    w.prompt_save = lambda: "discard"
    qtbot.addWidget(w)
    assert w.session.recovered and w.session.doc.story("稿件甲") is not None
    assert w.autosave() == rec                                       # the same file, not a third
