"""Automatic make-up: proposals on 四开 from three small synthetic stories, checked by the engine."""
from __future__ import annotations

import random

import pytest
from PIL import Image

from seedpage import article_story, seed_sentences
from banmian.core import paths
from banmian.core.makeup import Item, Photo, makeup, page_grid
from banmian.core.makeup import engine as E
from banmian.core.model.document import Block, ImageFrame, Run, Story, TextFrame
from banmian.core.model.units import PT_PER_MM
from banmian.core.templates import document_from_template
from banmian.core.typeset.checks import run_checks
from banmian.core.typeset.layout import Layouter
from banmian.core.typeset.result import ImagePlacement



def sentences():
    return seed_sentences()


def make_story(sid, n, rng, sents, head):
    story = article_story(sid, n, rng, sents, head)
    story.name = sid
    return story


def sikai():
    return document_from_template(paths.templates_dir() / "sikai.json")


def three_items(photo_path, scale=1.0, seed=1):
    rng = random.Random(seed)
    sents = sentences()
    heads = ["培育巾帼工匠贡献力量", "工会服务货车司机", "职工书屋开放"]
    return [Item(make_story(f"s{i}", int(n * scale), rng, sents, heads[i]), i + 1,
                 Photo(1600, 1100, str(photo_path), "图为职工参加技能竞赛。通讯员 摄") if i == 0 else None)
            for i, n in enumerate((1550, 1150, 720))]


@pytest.fixture(scope="module")
def photo(tmp_path_factory):
    p = tmp_path_factory.mktemp("img") / "p.jpg"
    Image.new("RGB", (1600, 1100), (100, 120, 140)).save(p)
    return p


@pytest.fixture(scope="module")
def proposals(photo):
    tpl = sikai()
    layouter = Layouter(base_dir=photo.parent)
    res = makeup(tpl, three_items(photo), alternatives=2, layouter=layouter)
    assert res.feasible, res.message
    out = []
    for p in res.proposals:
        p.doc.meta["link_folders"] = str(photo.parent)
        out.append((p, layouter.layout(p.doc)))
    return tpl, out


def test_pages_are_exactly_filled(proposals):
    _, props = proposals
    assert len(props) == 2
    for p, r in props:
        assert r.overset == ()
        assert p.overset == 0 and p.empty_feet == 0
        g = p.grid
        for f in p.doc.pages[0].frames:
            if isinstance(f, TextFrame) and f.id.endswith("-text"):
                assert max(E.column_gaps(p.doc, r, g, f)) <= 1, f.id


def test_blocks_on_the_column_grid_and_tile_the_page(proposals):
    _, props = proposals
    for p, _ in props:
        g = p.grid
        xs = [g.x(c) for c in range(g.columns)]
        cells = set()
        for leaf in p.leaves:
            f = p.doc.pages[0].frame(f"s{leaf.index}-text")
            assert any(abs(f.x - x) < 1e-6 for x in xs)
            assert abs(f.w - g.span(f.columns)) < 1e-6
            top = f.y if not (leaf.photo and leaf.photo[2] == "top") else g.y(leaf.r0)
            assert abs((top - g.top) / g.pitch_mm - round((top - g.top) / g.pitch_mm)) < 1e-4
            mine = leaf.cells()
            assert not (mine & cells)
            cells |= mine
        assert len(cells) == g.columns * g.rows      # every grid cell belongs to one block


def test_lead_at_top_with_the_largest_headline(proposals):
    _, props = proposals
    for p, r in props:
        lead = next(l for l in p.leaves if l.index == 0)
        assert lead.r0 == 0 and lead.c0 == 0
        sizes = {}
        for s in p.doc.stories:
            for b in s.blocks:
                if b.role == "headline":
                    sizes[s.id] = p.doc.paragraph_style(b.style).size
        assert sizes["s0"] > sizes["s1"] >= sizes["s2"]
        # headlines shrink down the page: a larger headline is never below a smaller one's block
        tops = {f"s{l.index}": l.r0 for l in p.leaves}
        for a in sizes:
            for b in sizes:
                if sizes[a] > sizes[b]:
                    assert tops[a] <= tops[b]


def _head_boxes(p, r):
    """(frame, x0, x1, y0, y1) of each article's headline lines, pt."""
    out = {}
    for ln in r.pages[0].lines:
        if ln.role == "headline":
            f = p.doc.pages[0].frame(ln.frame)
            box = out.get(ln.frame, [f.x * PT_PER_MM, (f.x + f.w) * PT_PER_MM, 1e9, -1e9])
            box[2] = min(box[2], ln.baseline - 30)
            box[3] = max(box[3], ln.baseline + 5)
            out[ln.frame] = box
    return out


def test_no_headlines_side_by_side(proposals):
    _, props = proposals
    for p, r in props:
        boxes = list(_head_boxes(p, r).values())
        assert len(boxes) == 3
        gut = p.grid.gutter_mm * PT_PER_MM
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                beside = abs(a[1] + gut - b[0]) < 1 or abs(b[1] + gut - a[0]) < 1
                assert not (beside and a[2] < b[3] and b[2] < a[3])


def test_collision_rule_itself():
    """撞题 across a vertical cut is refused; staggered heads are allowed."""
    nd = E.Need(100, 10, (3, 3, 3), {})
    left = (E.Leaf(0, 0, 0, 1, 20, None, 0),)
    right = (E.Leaf(1, 1, 0, 1, 20, None, 0),)
    assert E._collide(left, right, 1, [nd, nd])
    lower = (E.Leaf(1, 1, 5, 1, 20, None, 0),)
    assert not E._collide(left, lower, 1, [nd, nd])
    photo_top = (E.Leaf(1, 1, 0, 1, 20, (1, 4, "top"), 0),)
    assert not E._collide(left, photo_top, 1, [nd, nd])


def test_photo_at_200_ppi_with_its_caption(proposals):
    _, props = proposals
    for p, r in props:
        imgs = [it for it in r.pages[0].items if isinstance(it, ImagePlacement)]
        assert len(imgs) == 1 and not imgs[0].missing
        assert imgs[0].ppi >= 200.0
        frame = p.doc.pages[0].frame(imgs[0].frame)
        assert isinstance(frame, ImageFrame) and frame.article == "art-s0"
        cap = next(f for f in p.doc.pages[0].frames if isinstance(f, TextFrame) and f.caption_of == frame.id)
        assert cap.y >= frame.y + frame.h


def test_every_block_passes_the_typographic_checks(proposals):
    _, props = proposals
    for p, r in props:
        rep = run_checks(p.doc, r)
        assert rep.problems == [], [str(x) for x in rep.problems[:5]]


def test_edits_are_what_was_laid_out(proposals, photo):
    """The proposal's copy differs from the input by exactly the reported edit."""
    _, props = proposals
    items = three_items(photo)
    for p, _ in props:
        for it in items:
            before = sum(len(b.text) for b in it.story.blocks if b.role != "headline")
            after = sum(len(b.text) for b in p.doc.story(it.story.id).blocks if b.role != "headline")
            d = p.edits[it.story.id]
            assert after - before == d or (d < 0 and before - after >= -d)   # a cut paragraph takes its break
        assert p.score == pytest.approx(sum(p.parts.values()))
    assert props[0][0].score <= props[1][0].score


def test_too_much_copy_cannot_fit_with_bounded_cuts(photo):
    tpl = sikai()
    items = three_items(photo, scale=1.3)
    res = makeup(tpl, items, alternatives=1)
    assert not res.feasible and res.proposals == []
    assert res.message.startswith("cannot fit: cut ≥")
    total = sum(len(b.text) for it in items for b in it.story.blocks if b.role != "headline")
    assert E.overflow_chars(tpl, items) <= res.total_cut      # at least the area the copy lacks
    assert set(res.cuts) == {"s0", "s1", "s2"} and all(v > 0 for v in res.cuts.values())
    # the suggested cuts are enough: cut them and the page is made up …
    cut = [Item(Story(it.story.id, it.story.name, E.edited_blocks(it.story.blocks, -res.cuts[it.story.id])),
                it.priority, it.photo) for it in items]
    again = makeup(tpl, cut, alternatives=1)
    assert again.feasible, again.message
    assert again.proposals[0].overset == 0
    # … and the overflow it reveals (the suggested cut less the further edits the page needs)
    # is within [cut − 2 % of the copy, cut]: the page then needs no further cut, at most a little copy added
    extra = sum(again.proposals[0].edits.values())
    assert 0 <= extra <= 0.02 * total, (extra, total)
    assert res.total_cut == sum(res.cuts.values())
    assert res.added_after_cut == max(0, extra)


def test_cannot_fit_answers_the_smallest_cut_against_the_page_not_the_allowance(photo):
    """The cut asked for is what the page lacks over every arrangement, not a share set by MAX_CUT:
    the copy cut by 2 % of it less than asked still cannot be made up without cutting, while the
    copy cut as asked is made up with no further cut (the test above)."""
    tpl = sikai()
    rng = random.Random(2)
    sizes = [rng.randint(500, 1800) for _ in range(4)]           # four stories, ~135 % of the page
    heads = ["培育巾帼工匠贡献力量", "工会服务货车司机", "职工书屋开放", "技能竞赛决赛举行"]
    sents = sentences()
    items = [Item(make_story(f"s{i}", int(m * 1.35 * 3420 / sum(sizes)), rng, sents, heads[i]), i + 1,
                  Photo(1600, 1100, str(photo), "图为职工参加技能竞赛。通讯员 摄") if i == 0 else None)
             for i, m in enumerate(sizes)]
    layouter = Layouter()
    res = makeup(tpl, items, alternatives=1, layouter=layouter)
    assert res.message.startswith("cannot fit: cut ≥")
    total = sum(len(b.text) for it in items for b in it.story.blocks if b.role != "headline")
    # far more than a story's allowance is asked for: MAX_CUT does not bound the answer
    assert res.total_cut > E.MAX_CUT * total
    short = 0.02 * total
    f = (res.total_cut - short) / res.total_cut
    less = [Item(Story(it.story.id, it.story.name,
                       E.edited_blocks(it.story.blocks, -int(res.cuts[it.story.id] * f))), it.priority, it.photo)
            for it in items]
    again = makeup(tpl, less, alternatives=1, layouter=layouter)
    assert not again.feasible or sum(again.proposals[0].edits.values()) < 0


def test_bad_input_is_named():
    tpl = sikai()
    with pytest.raises(E.MakeupError, match="no stories"):
        makeup(tpl, [])
    s = Story("x", "x", [Block("paragraph", "body", [Run("字" * 50)])])
    with pytest.raises(E.MakeupError, match="share an id"):
        makeup(tpl, [s, Story("x", "y", s.blocks)])
    with pytest.raises(E.MakeupError, match="pixel size"):
        makeup(tpl, [Item(s, 1, Photo(0, 0))])


def test_a_saved_proposal_is_still_filled(proposals, tmp_path, photo):
    """The file keeps 4 decimals of a mm: saved and loaded, nothing is overset (a frame top rounded
    below its grid line would push a line out of every column)."""
    from banmian.core.io import load_document, save_document
    for n, (p, _) in enumerate(proposals[1]):
        path = tmp_path / f"p{n}.json"
        save_document(p.doc, path)
        r = Layouter(base_dir=photo.parent).layout(load_document(path))
        assert r.overset == ()


def test_an_l_block_with_its_headline_across_fits_where_rectangles_cannot():
    """通栏标题: a story's heads across its whole block and its body in the left columns below
    them, the later stories beside the body.  These four stories have no rectangles-only page
    on 四开 (side-by-side blocks would put headlines level — 撞题); with L blocks they fit."""
    tpl = sikai()
    heads = ["培育巾帼工匠贡献力量", "工会服务货车司机", "职工书屋开放", "技能竞赛决赛举行"]
    sents = sentences()
    items = [Item(make_story(f"s{i}", n, random.Random(50 + i), sents, heads[i]), i + 1)
             for i, n in enumerate((842, 1000, 1263, 494))]
    layouter = Layouter()
    assert not makeup(tpl, items, alternatives=1, layouter=layouter, l_shapes=False).feasible
    res = makeup(tpl, items, alternatives=1, layouter=layouter)
    assert res.feasible, res.message
    p = res.proposals[0]
    ls = [l for l in p.leaves if l.body_w]
    assert ls, "the page needs an L block"
    r = layouter.layout(p.doc)
    assert r.overset == () and p.empty_feet == 0
    assert run_checks(p.doc, r).problems == []
    g = p.grid
    cells = set()
    for leaf in p.leaves:
        assert not (leaf.cells() & cells)
        cells |= leaf.cells()
    assert len(cells) == g.columns * g.rows
    for l in ls:
        sid = f"s{l.index}"
        band = p.doc.pages[0].frame(f"{sid}-head")
        body = p.doc.pages[0].frame(f"{sid}-text")
        assert band.next == body.id and body.columns == l.body_w
        assert abs(band.w - g.span(l.w)) < 1e-6 and abs(body.w - g.span(l.body_w)) < 1e-6
        lines = [ln for ln in r.pages[0].lines if ln.story == sid]
        in_band = [ln for ln in lines if ln.frame == band.id]
        assert in_band and all(ln.role == "headline" for ln in in_band)
        assert all(ln.frame == body.id for ln in lines if ln.role == "paragraph")
        # the later stories sit beside the body, below the band: no headline level with this one
        beside = [x for x in p.leaves if x.c0 >= l.c0 + l.body_w and x.r0 >= l.r0 + l.head_rows
                  and x.c0 < l.c0 + l.w and x.r0 < l.r0 + l.h]
        assert beside


def _one_story_need(g, share_over):
    """A story (heads 3 lines at every width) whose body is ``share_over`` more than the page holds."""
    heads = 3
    room = g.columns * (g.rows - heads)
    cells = int(round(room * (1 + share_over)))
    return E.Need(cells * g.cpl, cells, (heads,) * g.columns, {})


def test_one_story_may_lose_more_than_max_cut_but_not_more_than_story_max_cut():
    """A story cut by 15 % where the blocks leave no other choice: beyond MAX_CUT (12 %), within
    STORY_MAX_CUT (20 %); at 25 % there is no arrangement."""
    g = page_grid(sikai().pages[0])
    over = 1 / (1 - 0.15) - 1                              # the body is 15 % longer than its room
    roots = E._Solver([_one_story_need(g, over)], [None], g).solve(0, 1, g.columns, g.rows)
    assert roots
    nd = _one_story_need(g, over)
    best = min(roots, key=lambda r: r[0])[1][0]
    assert E.MAX_CUT * nd.chars < -best.edit <= E.STORY_MAX_CUT * nd.chars + g.cpl
    over25 = 1 / (1 - 0.25) - 1
    assert not E._Solver([_one_story_need(g, over25)], [None], g).solve(0, 1, g.columns, g.rows)


def test_a_cut_beyond_max_cut_costs_spread_more():
    """Each 字 a story loses beyond MAX_CUT costs SPREAD more, so a cut is spread over the stories."""
    g = page_grid(sikai().pages[0])
    nd = _one_story_need(g, 0.0)
    s = E._Solver([nd], [None], g)
    rows = g.rows - 3
    small = s._body_cost(0, g.columns, int(rows * 0.95), None)     # ~5 % cut: linear cost
    big = s._body_cost(0, g.columns, int(rows * 0.85), None)       # ~15 % cut: beyond MAX_CUT
    assert small[0] == -small[1]
    assert big[0] == pytest.approx(-big[1] + E.SPREAD * (-big[1] - E.MAX_CUT * nd.chars))


def test_a_proposals_cuts_add_up_to_at_most_total_max_cut(photo, monkeypatch):
    tpl = sikai()
    items = three_items(photo)
    total = sum(len(b.text) for it in items for b in it.story.blocks if b.role != "headline")
    res = makeup(tpl, items, alternatives=3)
    assert res.feasible
    cuts = [sum(-d for d in p.edits.values() if d < 0) for p in res.proposals]
    cpl = res.proposals[0].grid.cpl
    assert all(c <= E.TOTAL_MAX_CUT * total + 2 * cpl for c in cuts)
    # a tighter cap refuses the proposals that cut more than it allows
    assert max(cuts) > 4 * cpl, cuts
    cap = (max(cuts) - 3 * cpl) / total
    monkeypatch.setattr(E, "TOTAL_MAX_CUT", cap)
    again = makeup(tpl, items, alternatives=3)
    for p in again.proposals:
        assert sum(-d for d in p.edits.values() if d < 0) <= cap * total + 2 * cpl
