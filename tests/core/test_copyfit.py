"""Copyfit: the fit of a story and remedies checked by laying them out, on one small frame."""
import json
import subprocess
import sys

import pytest

from banmian.core.io import save_document
from banmian.core.model import (Block, Document, Grid, Margins, Page, ParagraphStyle, Run, Story, Swatch,
                                TextFrame)
from banmian.core.model.units import PT_PER_MM
from banmian.core.typeset.copyfit import FILLER, copyfit, copyfit_story, fit_state
from banmian.core.typeset.layout import Layouter, layout_document

pytestmark = pytest.mark.core

PITCH, BODY = 15.0, 9.0
TEXT = "女职工人数占扬州职工队伍的近半数是推动扬州高质量发展不可或缺的重要力量"


def _doc(chars: int, rows: int, headline: str | None = None) -> Document:
    colw = 13 * BODY / PT_PER_MM
    frame = TextFrame("f", 20, 20, colw, rows * PITCH / PT_PER_MM, story="s")
    page = Page("p1", "1", 200, 300, 3, Margins(10, 10, 10, 10), Grid(4, 13, 1, BODY, PITCH), frames=[frame])
    blocks = [Block("paragraph", "body", [Run((TEXT * (chars // len(TEXT) + 1))[:chars])])]
    if headline:
        blocks.insert(0, Block("headline", "head", [Run(headline)]))
    styles = [ParagraphStyle("body", indent=0.0),
              ParagraphStyle("head", font="hei-bold", size=22.0, align="center", grid=True)]
    return Document([page], [Story("s", "稿件", blocks)], styles, swatches=[Swatch("Black", k=100)])


def _with_filler(doc, n):
    doc.stories[0].blocks[-1].runs.append(Run(FILLER * n))
    return doc


def test_an_overset_story_reports_its_overset_and_a_taller_frame_that_fits():
    doc = _doc(13 * 10, rows=8)                     # 10 lines of copy in 8
    fit = copyfit_story(doc, "s")
    assert fit.state.over == 26 and fit.state.lines_over == 2 and not fit.state.fits
    first = fit.remedies[0]
    assert first.kind == "frame_height" and first.label == "框高 +2 行" and first.result.fits
    # applying the remedy's command really fits, and undo gives the page back
    first.command.do(doc)
    assert not layout_document(doc).overset
    first.command.undo(doc)
    assert layout_document(doc).overset[0].chars == 26


def test_the_cut_is_the_smallest_that_fits():
    doc = _doc(13 * 8 + 5, rows=8)
    fit = copyfit_story(doc, "s")
    (cut,) = [r for r in fit.remedies if r.kind == "cut"]
    assert cut.label == "删 5 字" and cut.result.over == 0
    assert cut.command is None                       # advice: the editor decides what to cut


def test_a_short_story_gets_a_shorter_frame_and_the_largest_addition_that_fits():
    doc = _doc(13 * 5, rows=8)                      # 5 lines in 8: 3 lines short
    fit = copyfit_story(doc, "s")
    assert fit.state.over == 0 and fit.state.lines_short == 3 and not fit.state.fits
    kinds = {r.kind: r for r in fit.remedies}
    assert kinds["frame_height"].label == "框高 −3 行" and kinds["frame_height"].result.fits
    n = int(kinds["add"].label.split()[1])
    assert n == 39
    import copy
    ok = _with_filler(copy.deepcopy(doc), n)
    too_many = _with_filler(copy.deepcopy(doc), n + 1)
    assert not layout_document(ok).overset and layout_document(too_many).overset


def test_the_headline_one_hao_smaller_is_laid_out():
    doc = _doc(13 * 6 + 3, rows=8, headline="培育巾帼工匠")   # a 22 pt head takes 2 grid lines
    fit = copyfit_story(doc, "s")
    assert fit.state.over > 0
    (head,) = [r for r in fit.remedies if r.kind == "headline_size"]
    assert head.label == "标题小一号"
    head.command.do(doc)
    new_style = doc.paragraph_style(doc.stories[0].blocks[0].style)
    assert new_style.size == 18.0                   # 二号 → 小二
    assert fit_state(Layouter().layout(doc), "s").over == head.result.over < fit.state.over
    head.command.undo(doc)
    assert doc.stories[0].blocks[0].style == "head" and doc.paragraph_style("head").size == 22.0


def test_fitting_remedies_rank_first_and_a_fitting_story_has_none():
    doc = _doc(13 * 10, rows=8)
    fit = copyfit_story(doc, "s")
    flags = [r.result.fits for r in fit.remedies]
    assert flags == sorted(flags, reverse=True)
    assert copyfit_story(_doc(13 * 8, rows=8), "s").remedies == ()


def test_copyfit_command_prints_the_fit_and_exits_1_when_a_story_does_not_fit(tmp_path):
    path = tmp_path / "page.json"
    save_document(_doc(13 * 10, rows=8), path)
    out = subprocess.run([sys.executable, "-m", "banmian", "copyfit", str(path), "--json"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 1, out.stderr
    data = json.loads(out.stdout)
    (story,) = data["stories"]
    assert story["state"]["over"] == 26 and story["remedies"][0]["label"] == "框高 +2 行"
    save_document(_doc(13 * 8, rows=8), path)
    out = subprocess.run([sys.executable, "-m", "banmian", "copyfit", str(path)],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and "正好" in out.stdout


def test_every_placed_story_of_the_sample_fits():
    from banmian.core.io import load_document
    from banmian.core.paths import sample_layout
    fits = copyfit(load_document(sample_layout()), base_dir=sample_layout().parent)
    assert fits and all(f.state.fits for f in fits), [(f.story, f.state.describe()) for f in fits]


# ---------------------------------------------------------------- the search and the trial layouter

from hypothesis import given, settings as hsettings, strategies as hst  # noqa: E402


@hsettings(max_examples=300, deadline=None)
@given(hst.integers(1, 5000), hst.integers(1, 6000))
def test_the_cut_search_finds_the_boundary_from_any_guess(boundary, guess):
    from banmian.core.typeset.copyfit import _boundary
    assert _boundary(lambda n: n >= boundary, guess, smallest=True) == boundary


@hsettings(max_examples=300, deadline=None)
@given(hst.integers(0, 5000), hst.integers(1, 6000))
def test_the_addition_search_finds_the_boundary_from_any_guess(boundary, guess):
    from banmian.core.typeset.copyfit import _boundary
    assert _boundary(lambda n: n <= boundary, guess, smallest=False) == boundary


def test_the_usual_cut_takes_two_layouts():
    from banmian.core.typeset.copyfit import _boundary
    asked = []
    _boundary(lambda n: asked.append(n) or n >= 22, 22, smallest=True)
    assert asked == [22, 21]


def test_copyfit_trials_leave_the_editors_story_flows_alone():
    # the editor's Layouter keeps one flow per story: the next keystroke starts from it; the
    # variants copyfit lays out go to a trial Layouter sharing only the composed paragraphs
    from banmian.core.io import load_document
    from banmian.core.paths import sample_layout
    from banmian.core.typeset.copyfit import copyfit_story
    from banmian.core.typeset.layout import Layouter
    doc = load_document(sample_layout())
    lay = Layouter(base_dir=sample_layout().parent)
    st = doc.story("a1")
    st.blocks[-1].runs[0].text += "字" * 40        # overset: every kind of remedy is tried
    lay.layout(doc)
    before = {k: v for k, v in zip(lay._stories.keys(), lay._stories.values())}
    fit = copyfit_story(doc, "a1", layouter=lay)
    assert fit.state.over > 0 and fit.remedies
    after = {k: v for k, v in zip(lay._stories.keys(), lay._stories.values())}
    assert after.keys() == before.keys() and all(after[k] is before[k] for k in before)
    with pytest.raises(RuntimeError):
        lay.trial().layout(doc)          # a trial sets no glyphs: it is not a page layout
