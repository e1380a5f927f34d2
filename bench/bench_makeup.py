#!/usr/bin/env python3
"""Automatic make-up on generated, seeded article sets (issue 12, item 6).

    python bench/bench_makeup.py [--cases N] [--seed S] [--only K ...]

Articles are mixed from the seed page's body sentences (tests/fixtures/seed-page.txt) with a
seeded RNG: realistic lengths (a lead story ~2×, the rest 0.5–1.5× the mean), a headline
of 8–16 字, paragraphs of ~120–220 字; photos (1–3 per set) with aspect ratios 4:3, 3:2,
1:1, 2:3 and enough pixels for ≥ 200 ppi at 3 columns (no image file: pixel size only).
Each set is scaled to the target share of the copy that exactly fills the page, as the engine
measures it (see article_set); "load" in the output is that share.

Per case: feasible or not, seconds (one proposal; the machine is shared, see the note),
total copy edited Σ|cut/add| ÷ chars, empty grid cells at column feet, overset characters,
columns whose foot is empty by more than one line, findings of the typographic checks
(desktop/core/typeset/checks.py) on the proposed page.  Overfull cases report the cut asked for
against the overflow (the cut copy is then made up again and the further cuts it needs
are counted: overflow = asked + further − added).
"""
from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

from banmian.core import paths  # noqa: E402
from banmian.core.makeup import Item, Photo, load, makeup  # noqa: E402
from banmian.core.makeup.engine import edited_blocks  # noqa: E402
from banmian.core.model.document import Block, Run, Story  # noqa: E402
from banmian.core.templates import document_from_template  # noqa: E402
from banmian.core.typeset.checks import run_checks  # noqa: E402
from banmian.core.typeset.layout import Layouter  # noqa: E402

SEED = ROOT / "tests" / "fixtures" / "seed-page.txt"
ASPECTS = (4 / 3, 3 / 2, 1.0, 2 / 3)


def sentences():
    """The seed's body sentences: the paragraphs the importer reads as body copy (lead and
    paragraph roles, normalised as every imported article is), split at 。.  Heads, bylines,
    captions and the contact and name lists (role ``list``, set flush left on a page) are not
    body copy: mixed into a justified paragraph, the contact line 投稿邮箱：…@qq.com
    联系电话：025-83279179 has no legal break that avoids a loose line in a 13-字 column."""
    from banmian.core.importers import import_text
    story = import_text(SEED.read_bytes(), story_id="seed").story
    body = "\n".join(b.text for b in story.blocks if b.role in ("paragraph", "lead"))
    return [s + "。" for s in re.split("[。\n]", body) if len(s) > 12]


def story(sid, n, rng, sents):
    paras, cur, total, target = [], "", 0, rng.randint(120, 220)
    while total < n:
        s = rng.choice(sents)
        cur += s
        total += len(s)
        if len(cur) >= target:
            paras.append(cur)
            cur, target = "", rng.randint(120, 220)
    if cur:
        paras.append(cur)
    head = re.sub("[，。、“”：；,]", "", rng.choice(sents))[: rng.randint(8, 16)]
    return Story(sid, sid, [Block("headline", "headline", [Run(head)])]
                 + [Block("paragraph", "body", [Run(p)]) for p in paras])


def _items(weights, scale, seed, sents, photos):
    rng = random.Random(seed)
    return [Item(story(f"s{i}", int(scale * w), rng, sents), i + 1, photos.get(i)) for i, w in enumerate(weights)]


def _chars(items):
    return sum(len(b.text) for it in items for b in it.story.blocks if b.role != "headline")


def article_set(tpl, n_articles, n_photos, target, rng, sents, layouter):
    """A set whose copy is ``target`` × the copy that exactly fills the page.

    "Exactly fills" is the engine's own measure (engine docstring, "Copy that does not fit"):
    the set is made overfull (130 % by the area estimate, then 110 % of that first measure), the
    make-up's cannot-fit answer (the smallest cut over every arrangement, checked by making the
    cut copy up again) is taken off, what the re-made page still needed added is put back;
    that copy is 100 %."""
    weights = [2.0] + [rng.uniform(0.5, 1.5) for _ in range(n_articles - 1)]
    photo_at = set(rng.sample(range(n_articles), n_photos))
    photos = {}
    for i in photo_at:
        a = rng.choice(ASPECTS)
        px_w = rng.choice((2000, 2400, 3000))
        photos[i] = Photo(px_w, int(px_w / a), "", "图为活动现场。记者 摄")
    seed = rng.random()
    scale = 1000.0
    items = _items(weights, scale, seed, sents, photos)
    scale *= 1.3 / load(tpl, items, layouter)
    # the capacity is measured at 130 % by the area estimate, then again at 110 % of the first
    # measure: the smallest cut's arrangement is closer to the target's the less is cut
    full, over = None, 1.3
    for _ in range(6):
        items = _items(weights, scale, seed, sents, photos)
        res = makeup(tpl, items, alternatives=1, layouter=layouter)
        if res.feasible or not res.cuts:
            scale *= 1.1                  # not overfull yet (the estimate is rough)
            continue
        full = _chars(items) - res.total_cut + res.added_after_cut
        if over == 1.1:
            break
        over = 1.1
        scale *= over * full / _chars(items)
    if full is None:
        raise RuntimeError("could not make an overfull set")
    scale *= target * full / _chars(items)
    items = _items(weights, scale, seed, sents, photos)
    return items, _chars(items) / full


def run_case(tpl, items, layouter, l_shapes=True):
    t = time.perf_counter()
    res = makeup(tpl, items, alternatives=1, layouter=layouter, l_shapes=l_shapes)
    secs = time.perf_counter() - t
    chars = sum(len(b.text) for it in items for b in it.story.blocks if b.role != "headline")
    row = {"feasible": res.feasible, "s": secs, "chars": chars}
    if res.feasible:
        p = res.proposals[0]
        r = layouter.layout(p.doc)
        probs = run_checks(p.doc, r).problems
        row.update(edit=sum(abs(d) for d in p.edits.values()) / chars, empty=p.empty_cells,
                   overset=p.overset, feet=p.empty_feet, findings=len(probs),
                   finding=str(probs[0])[:90] if probs else "")
    else:
        row.update(message=res.message, cut=res.total_cut, cuts=res.cuts)
    return row


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=10)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--only", type=int, action="append",
                    help="run only configuration N (0: 对开 6+2, 1: 对开 8+3, 2: 四开 4+1, 3: 对开 6+2 at 120 %%)")
    a = ap.parse_args(argv)
    sents = sentences()
    print("note: one 2-core machine shared with other jobs; seconds are wall time of one proposal")
    configs = [("duikai", 6, 2, (0.95, 1.05)), ("duikai", 8, 3, (0.95, 1.05)), ("sikai", 4, 1, (0.95, 1.05)),
               ("duikai", 6, 2, (1.2, 1.2))]
    for ci, (name, n, ph, (lo, hi)) in enumerate(configs):
        if a.only and ci not in a.only:
            continue
        tpl = document_from_template(paths.templates_dir() / f"{name}.json")
        layouter = Layouter()
        rng = random.Random(a.seed * 1000 + n)
        rows, baseline = [], []
        print(f"\n== {name}: {n} articles + {ph} photos, load {lo:.2f}–{hi:.2f}")
        for c in range(a.cases):
            items, cur = article_set(tpl, n, ph, rng.uniform(lo, hi), rng, sents, layouter)
            base = run_case(tpl, items, layouter, l_shapes=False)    # the baseline, same case, same run
            baseline.append(base)
            row = run_case(tpl, items, layouter)
            row["load"] = cur
            if not row["feasible"] and row.get("cuts"):
                # check the cut asked for: make up the cut copy, count what it still needs
                cut = [Item(Story(it.story.id, it.story.name, edited_blocks(it.story.blocks, -row["cuts"][it.story.id])),
                            it.priority, it.photo) for it in items]
                again = makeup(tpl, cut, alternatives=1, layouter=layouter)
                if again.feasible:
                    e = again.proposals[0].edits.values()
                    further = sum(-d for d in e if d < 0)
                    added = sum(d for d in e if d > 0)
                    row["overflow"] = row["cut"] + further - added
                    # the must-hold: overflow ≤ asked ≤ overflow + 2 % of the copy
                    row["right"] = 0 <= row["cut"] - row["overflow"] <= 0.02 * row["chars"]
                    row["recheck"] = "fits, " + ("within" if row["right"] else "OUTSIDE") + " [overflow, +2 %]"
                else:
                    row["recheck"] = "still no layout"
            rows.append(row)
            if row["feasible"]:
                print(f"  case {c:2}: load {cur:.3f} feasible  {row['s']:.2f} s  edit {100 * row['edit']:.1f} %  "
                      f"empty cells {row['empty']}  overset {row['overset']}  feet>1 {row['feet']}  "
                      f"check findings {row['findings']} {row['finding']}")
            else:
                extra = ""
                if "overflow" in row:
                    extra = (f"  overflow {row['overflow']} 字, asked {row['cut']} 字 "
                             f"(+{100 * (row['cut'] - row['overflow']) / row['chars']:.2f} % of the copy)")
                print(f"  case {c:2}: load {cur:.3f} NOT feasible  {row['s']:.2f} s  {row.get('message', '')[:40]}…"
                      f"{extra}; recheck: {row.get('recheck', '')}")
        bsecs = sorted(r["s"] for r in baseline)
        print(f"  baseline (rectangles only, no L blocks): feasible {sum(r['feasible'] for r in baseline)}/"
              f"{len(baseline)}; seconds median {statistics.median(bsecs):.2f} (min {bsecs[0]:.2f}, max {bsecs[-1]:.2f})")
        ok = [r for r in rows if r["feasible"]]
        secs = sorted(r["s"] for r in rows)
        p99 = secs[min(len(secs) - 1, int(round(0.99 * (len(secs) - 1))))]
        print(f"  -> feasible {len(ok)}/{len(rows)}; seconds median {statistics.median(secs):.2f} "
              f"(min {secs[0]:.2f}, max {secs[-1]:.2f}, p99 {p99:.2f})", end="")
        if ok:
            print(f"; mean edit {100 * statistics.mean(r['edit'] for r in ok):.2f} %; "
                  f"overset {sum(r['overset'] for r in ok)}; feet>1 {sum(r['feet'] for r in ok)}; "
                  f"check findings {sum(r['findings'] for r in ok)}")
        else:
            print()
        if lo > 1.0:
            print(f"  -> cannot fit answered with cuts within [overflow, overflow + 2 %]: "
                  f"{sum(1 for r in rows if r.get('right'))}/{len(rows)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
