"""Make-up without editing the copy (fill="layout"): a few synthetic stories on 四开 — an article
with a box inside it, a picture story, a second article — filled by layout levers only."""
from __future__ import annotations

import random

import pytest

from seedpage import article_story, seed_sentences
from banmian.core import paths
from banmian.core.makeup import Box, Item, Photo, makeup
from banmian.core.makeup import engine as E
from banmian.core.makeup import fill as F
from banmian.core.model.document import Block, BoxFrame, ImageFrame, Run, Story, TextFrame
from banmian.core.templates import document_from_template
from banmian.core.typeset.layout import Layouter

pytestmark = pytest.mark.core


def sikai():
    return document_from_template(paths.templates_dir() / "sikai.json")


def _story(sid, n, seed, head, extra=()):
    s = article_story(sid, n, random.Random(seed), seed_sentences(), head)
    s.name = sid
    for role, style, txt in extra:
        s.blocks.append(Block(role, style, [Run(txt)]))
    return s


def items(n0=2380, n2=1000):
    s0 = _story("s0", n0, 1, "培育巾帼工匠贡献力量",
                [("note", "note", "小编说：" + "职工书屋开放了" * 8)])
    pic = Story("pic", "pic", [Block("title", "title", [Run("职工书屋开放")]),
                               Block("caption", "caption", [Run("近日，职工在新开放的职工书屋里阅读。" * 2)])])
    bx = Story("bx", "bx", [Block("headline", "headline-3", [Run("启事")]),
                            Block("paragraph", "body", [Run("欢迎投稿。" * 14)])])
    return [Item(s0, 1, widths=(4,)),
            Item(pic, 2, photo=Photo(900, 700, "p.jpg"), picture=True, widths=(2,)),
            Item(_story("s2", n2, 3, "工会服务货车司机"), 3, widths=(2,)),
            Item(bx, 4, box=Box(inside="s0"))]


@pytest.fixture(scope="module")
def layouter():
    return Layouter()


@pytest.fixture(scope="module")
def made(layouter):
    its = items()
    res = makeup(sikai(), its, alternatives=1, fill="layout", layouter=layouter)
    assert res.feasible, res.message
    p = res.proposals[0]
    return its, p, layouter.layout(p.doc)


def test_the_copy_is_not_edited_and_the_page_is_full(made):
    its, p, r = made
    for it in its:
        got = p.doc.story(it.story.id)
        assert [b.text for b in got.blocks] == [b.text for b in it.story.blocks], it.story.id
    assert p.edits == {} and r.overset == ()
    assert p.empty_feet == 0
    g = p.grid
    for f in p.doc.pages[0].frames:
        if isinstance(f, TextFrame) and f.id.endswith("-text"):
            assert max(E.column_gaps(p.doc, r, g, f)) <= 1, f.id
    cells = set()
    for leaf in p.leaves:
        assert not (leaf.cells() & cells)
        cells |= leaf.cells()
    assert len(cells) == g.columns * g.rows          # the blocks tile the page


def test_a_headline_step_is_a_lever_and_switched_off_the_page_cannot_be_filled(made, layouter, monkeypatch):
    _, p, _ = made
    assert any("标题" in v for v in p.levers["s0"])
    monkeypatch.setattr(F, "HEAD_STEPS", (0,))
    res = makeup(sikai(), items(), alternatives=1, fill="layout", layouter=layouter)
    assert not res.feasible and res.proposals == []
    assert res.message.startswith("not feasible without editing the copy: ")


def test_too_little_copy_is_not_feasible_with_the_reason(layouter):
    its = items(n0=900, n2=400)
    res = makeup(sikai(), its, alternatives=1, fill="layout", layouter=layouter)
    assert not res.feasible
    assert "not feasible without editing the copy" in res.message and "grid cells" in res.message
    # the copy mode fills the same page by writing copy (待补稿件) — layout mode never does
    assert all(b.text != E.ADD_FILL for it in its for b in it.story.blocks)


def test_the_picture_story_is_one_block_with_its_photo_centred_at_200_ppi(made):
    _, p, r = made
    page = p.doc.pages[0]
    leaf = next(l for l in p.leaves if l.picture)
    img = page.frame("pic-photo")
    head, cap = page.frame("pic-head"), page.frame("pic-caption")
    assert isinstance(img, ImageFrame) and head.next == cap.id
    g = p.grid
    x0, x1 = g.x(leaf.c0), g.x(leaf.c0) + g.span(leaf.w)
    assert abs((img.x + img.w / 2) - (x0 + x1) / 2) < 0.01           # centred in its columns
    assert img.w <= 900 / 200 * 25.4 + 1e-6 and img.h <= 700 / 200 * 25.4 + 1e-6
    assert abs(img.w / img.h - 900 / 700) < 1e-3
    assert head.y + head.h <= img.y < img.y + img.h <= cap.y
    assert cap.y + cap.h <= g.y(leaf.r0 + leaf.h) + 0.01
    assert any(ln.frame == cap.id for ln in r.pages[0].lines)


def test_the_box_sits_inside_its_host_whose_text_runs_through_three_frames(made):
    _, p, r = made
    page = p.doc.pages[0]
    host = next(l for l in p.leaves if l.box)
    g = p.grid
    box, txt = page.frame("bx-box"), page.frame("bx-text")
    assert isinstance(box, BoxFrame) and box.stroke and box.fill == "Tint K12"
    assert txt.inset > 0 and (txt.x, txt.y, txt.w, txt.h) == (box.x, box.y, box.w, box.h)
    assert page.frames.index(box) < page.frames.index(txt)
    right = g.x(host.c0) + g.span(host.w)
    assert abs(box.x + box.w - right) < 1e-6                       # at the host's right edge …
    assert g.y(host.r0) < box.y and box.y + box.h < g.y(host.r0 + host.h)   # … text above and below
    thread = p.doc.thread("s0")
    assert [f.id for _, f in thread] == ["s0-top", "s0-side", "s0-text"]
    top, side, tail = (f for _, f in thread)
    assert top.columns == host.w and side.columns + tail.columns == host.w and tail.balance
    assert side.x + side.w < box.x and tail.y >= box.y + box.h and top.y + top.h <= box.y
    for f in (top, side, tail):
        assert any(ln.frame == f.id for ln in r.pages[0].lines), f.id
    assert max(E.column_gaps(p.doc, r, g, tail)) <= 1              # balanced at its end
    assert not any(ln.frame == txt.id for ln in r.pages[0].lines if ln.story != "bx")


def test_bad_layout_input_is_named():
    tpl = sikai()
    s = Story("x", "x", [Block("paragraph", "body", [Run("字" * 50)])])
    with pytest.raises(E.MakeupError, match="not among the stories"):
        makeup(tpl, [Item(s, 1, box=Box(inside="nobody"))], fill="layout")
    with pytest.raises(E.MakeupError, match="needs its photo"):
        makeup(tpl, [Item(s, 1, picture=True)], fill="layout")
    with pytest.raises(E.MakeupError, match="fill="):
        makeup(tpl, [s], fill="nothing")
