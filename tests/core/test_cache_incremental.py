"""Relayout after an edit reuses the previous flow's paragraphs and gives the fresh result."""
import pytest

from banmian.core.model import Block, Run
from banmian.core.typeset.fonts import default_registry
from banmian.core.typeset.layout import Layouter

from seedpage import seed_paragraphs, six_column_document


def _doc():
    paras = [f"{i}" + p for i, p in enumerate(seed_paragraphs()[:30])]
    return six_column_document(paras, pages=2)


def _fresh(doc):
    return Layouter(default_registry()).layout(doc).dump()


def _edit_insert(doc, bi, text="新"):
    b = doc.stories[0].blocks[bi]
    b.runs[0].text = b.runs[0].text[:2] + text + b.runs[0].text[2:]


def _edit_delete(doc, bi):
    b = doc.stories[0].blocks[bi]
    b.runs[0].text = b.runs[0].text[:2] + b.runs[0].text[3:]


@pytest.mark.parametrize("where", ["first", "middle", "last"])
def test_edits_anywhere_give_the_fresh_layout(where):
    doc = _doc()
    lay = Layouter(default_registry())
    lay.layout(doc)
    n = len(doc.stories[0].blocks)
    bi = {"first": 0, "middle": n // 2, "last": n - 1}[where]
    for step in range(4):
        _edit_insert(doc, bi, "新" * (step * 7 + 1))     # one character, then enough to add lines
        assert lay.layout(doc).dump() == _fresh(doc), step
    _edit_delete(doc, bi)
    assert lay.layout(doc).dump() == _fresh(doc)
    blocks = doc.stories[0].blocks
    blocks.insert(bi, Block("paragraph", "body", [Run("插入的一段新文字。" * 5)]))  # a paragraph more
    assert lay.layout(doc).dump() == _fresh(doc)
    del blocks[bi + 1]                                                          # and one less
    assert lay.layout(doc).dump() == _fresh(doc)


def test_unchanged_paragraphs_are_taken_over_not_set_again(monkeypatch):
    doc = _doc()
    lay = Layouter(default_registry())
    before = lay.layout(doc)
    n = len(doc.stories[0].blocks)
    flowed = []
    real = Layouter._flow_block

    def counting(self, doc_, story, block, *a, **k):
        flowed.append(block)
        return real(self, doc_, story, block, *a, **k)

    monkeypatch.setattr(Layouter, "_flow_block", counting)
    _edit_insert(doc, n - 3)           # near the end: the paragraphs above are not set again
    after = lay.layout(doc)
    assert 1 <= len(flowed) <= 3, len(flowed)
    # the glyph runs above the edit are the very same objects: taken over from the last flow
    edit_at = sum(len(b.text) + 1 for b in doc.stories[0].blocks[:n - 3])
    old = [i for p in before.pages for i in p.glyph_runs() if i.start < edit_at]
    new = [i for p in after.pages for i in p.glyph_runs() if i.start < edit_at]
    assert len(old) == len(new) > 100
    assert all(a is b for a, b in zip(old, new))
    # an edit at the top that keeps the line count: the story offsets after it move, nothing else
    flowed.clear()
    b0 = doc.stories[0].blocks[0]
    b0.runs[0].text = b0.runs[0].text[:-1]
    got = lay.layout(doc).dump()
    assert len(flowed) <= 2, len(flowed)       # the edited head (and its keep-together retry)
    assert got == _fresh(doc)


@pytest.mark.parametrize("where", ["first", "middle", "last"])
def test_a_keystroke_in_a_balanced_story_sets_only_its_paragraph(where, monkeypatch):
    """A balanced (齐栏) story is flowed twice per layout — dry at full depth, then at the
    balanced depth. Each flow reuses the previous layout's paragraphs of the same depth, so a
    one-character edit sets only the edited paragraph (once per flow), and the result is the
    fresh one. Without the memos every paragraph was set twice on every keystroke."""
    import banmian.core.typeset.layout as LM
    doc = _doc()
    last = doc.pages[-1].frames[-1]
    last.balance = True
    lay = Layouter(default_registry())
    lay.layout(doc)
    n = len(doc.stories[0].blocks)
    bi = {"first": 0, "middle": n // 2, "last": n - 1}[where]
    set_ = []
    orig = LM.Layouter._flow_block

    def spy(self, doc_, story, block, *a, **k):
        set_.append(block.text)
        return orig(self, doc_, story, block, *a, **k)
    monkeypatch.setattr(LM.Layouter, "_flow_block", spy)
    _edit_insert(doc, bi)
    edited = doc.stories[0].blocks[bi].text
    got = lay.layout(doc).dump()
    monkeypatch.setattr(LM.Layouter, "_flow_block", orig)
    assert got == _fresh(doc)
    assert set_ and set(set_) == {edited}, (len(set_), n)
    assert len(set_) <= 2 * 2       # dry and real flow (and one more depth if the edit changed it)
