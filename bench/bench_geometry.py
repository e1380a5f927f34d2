"""The Type tool's caret geometry after a keystroke: StoryGeometry built on the new layout plus
one caret query, in a 200,000-character story threaded through 50 pages (bench_memory's long
story) — the lazy StoryGeometry (desktop/gui/text_edit.py) against the eager one it replaced
(tests/gui/eager_geometry.py: every page's lines read, every line sorted, each query a scan).

Each run makes a one-character insertion in another paragraph (spread over the story), lays the
story out again as the editor does (Layouter.relayout_story; not timed), then times both
geometries on that result, alternating which goes first.  Also printed: the pages whose
``lines``/``items`` each reads — with the core's lazy pages (lines computed on first access,
~1 ms a page) that is what a keystroke would pay on top.

    python bench/bench_geometry.py [--runs 9] [--chars 200000] [--pages 50]

Not a test: it asserts nothing.
"""
from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from dataclasses import fields, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "gui"))

from bench.bench_memory import long_story_document  # noqa: E402
from eager_geometry import EagerStoryGeometry  # noqa: E402  (tests/gui/eager_geometry.py)
from banmian.core.typeset.layout import Layouter  # noqa: E402
from banmian.core.typeset.result import PageResult  # noqa: E402
from banmian.gui.text_edit import StoryGeometry  # noqa: E402


def pages_read(cls, result, sid, pos) -> int:
    """How many pages' lines or items ``cls`` reads to build and answer one caret query."""
    seen = set()

    class Watched(PageResult):
        def __getattribute__(self, name):
            if name in ("lines", "items"):
                seen.add(object.__getattribute__(self, "page"))
            return object.__getattribute__(self, name)

    pages = tuple(Watched(**{f.name: getattr(p, f.name) for f in fields(p)}) for p in result.pages)
    cls(replace(result, pages=pages), sid).caret(pos, 9.0)
    return len(seen)


def timed(cls, result, sid, pos) -> float:
    gc.collect()        # (the relayout's garbage is not collected on either's time)
    t = time.perf_counter()
    cls(result, sid).caret(pos, 9.0)
    return time.perf_counter() - t


def fmt(values) -> str:
    ms = [v * 1000 for v in values]
    return f"{statistics.median(ms):8.3f} ms  ({min(ms):.3f}–{max(ms):.3f})"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--chars", type=int, default=200_000)
    ap.add_argument("--pages", type=int, default=50)
    a = ap.parse_args()
    doc = long_story_document(a.chars, a.pages)
    story = doc.stories[0]
    lay = Layouter()
    res = lay.layout(doc)
    times = {"eager (before)": [], "lazy (after)": []}
    reads = {k: [] for k in times}
    classes = {"eager (before)": EagerStoryGeometry, "lazy (after)": StoryGeometry}
    for run in range(a.runs):
        k = (run * 2 + 1) * len(story.blocks) // (2 * a.runs)
        run0 = story.blocks[k].runs[0]
        mid = len(run0.text) // 2
        run0.text = run0.text[:mid] + "字" + run0.text[mid:]
        res = lay.relayout_story(doc, res, story.id)
        pos = sum(b.length + 1 for b in story.blocks[:k]) + mid + 1     # the caret after it
        order = list(times) if run % 2 == 0 else list(reversed(times))
        for name in order:
            times[name].append(timed(classes[name], res, story.id, pos))
        for name in times:
            reads[name].append(pages_read(classes[name], res, story.id, pos))
    print(f"StoryGeometry + one caret query after a one-character edit: {len(story.text):,} characters, "
          f"{len(res.pages)} pages, {a.runs} runs (median, min–max)")
    for name in times:
        print(f"  {name:15s} {fmt(times[name])}   pages read: {statistics.median(reads[name]):g}")


if __name__ == "__main__":
    main()
