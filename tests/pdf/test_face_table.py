"""The display list's face table (PageResult.faces): every page names the faces its runs are set
in — file, PostScript name, em box — and the PDF and Qt painters draw from it, with no font
registry: with the registry made unusable after layout both still draw, and an entry pointed at
another file is what they embed / rasterise."""
from __future__ import annotations

from dataclasses import replace

import pytest

from banmian.core.typeset import fonts as fontmod
from banmian.core.typeset.fonts import default_registry
from banmian.core.typeset.result import Face, GlyphRun, LayoutResult

pytestmark = [pytest.mark.pdf]


def test_each_page_carries_the_faces_its_runs_use(sample):
    _doc, result, _base = sample
    reg = default_registry()
    for page in result.pages:
        used = {r.font for r in page.glyph_runs()}
        assert used and {f.id for f in page.faces} == used
        for f in page.faces:
            ff = reg.face(f.id)
            assert page.face(f.id) is f
            assert (f.path, f.ps_name, f.units_per_em) == (str(ff.path), ff.ps_name, ff.units_per_em)
            assert (f.em_top, f.em_bottom) == (ff.em_top, ff.em_bottom)
        with pytest.raises(KeyError, match="face table"):
            page.face("no-such-face")
    dumped = result.dump()
    assert '"faces":[{' in dumped and '"em_top":0.88' in dumped and '"cmap"' not in dumped


class _NoRegistry:
    def __getattr__(self, name):
        raise AssertionError(f"a painter asked the font registry for {name}")


@pytest.fixture
def no_registry(monkeypatch):
    """After layout: any use of the font registry fails the test."""
    def refuse(*_a, **_k):
        raise AssertionError("a painter used the font registry")
    monkeypatch.setattr(fontmod.FontRegistry, "face", refuse)
    monkeypatch.setattr(fontmod.FontRegistry, "path", refuse)
    monkeypatch.setattr(fontmod, "default_registry", refuse)


def test_pdf_painter_draws_from_the_face_table(sample, tmp_path, no_registry):
    from banmian.render.pdf import export_pdf
    doc, result, base = sample
    rep = export_pdf(doc, result, tmp_path / "a.pdf", base_dir=base, pdfx=None, fonts=_NoRegistry())
    table = {f.id: f for f in result.pages[0].faces}
    assert {f["id"] for f in rep.fonts} == set(table)
    for f in rep.fonts:
        assert (f["file"], f["ps_name"]) == (table[f["id"]].path, table[f["id"]].ps_name)


def test_a_face_entry_decides_the_file_painted(sample, tmp_path, qapp, no_registry):
    """The song entry pointed at 楷体's file (same glyph ids would be nonsense, so only a run of
    楷体 glyphs is drawn): the PDF embeds the entry's file, Qt rasterises it."""
    from banmian.render.pdf import export_pdf
    from banmian.render.qt import render_page_image
    doc, result, base = sample
    page = result.pages[0]
    kai = page.face("kai")
    runs = [r for r in page.glyph_runs() if r.font == "kai"]
    assert runs
    as_song = tuple(r._replace(font="song") for r in runs)
    song = page.face("song")
    right = replace(page, items=as_song, faces=(replace(song, path=kai.path, ps_name=kai.ps_name,
                                                        cmap=kai.cmap, advances=kai.advances),))
    wrong = replace(page, items=as_song, faces=(song,))
    rep = export_pdf(doc, LayoutResult((right,)), tmp_path / "k.pdf", base_dir=base, pdfx=None,
                     fonts=_NoRegistry(), marks=False)
    assert [(f["id"], f["file"]) for f in rep.fonts] == [("song", kai.path)]
    original = replace(page, items=tuple(runs), faces=(kai,))
    img = lambda p: render_page_image(p, 100)      # noqa: E731
    assert img(right) == img(original)              # drawn from the entry's file: 楷体 exactly
    assert img(wrong) != img(original)
