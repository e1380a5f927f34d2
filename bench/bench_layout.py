"""Layout speed: full page cold (whole process) and warm (in process), and
relayout after a one-character edit — against reportlab's platypus
Paragraph.wrap of the same paragraphs at the same measure in the same run.

    python bench/bench_layout.py [LAYOUT.json] [--runs 7]
    python bench/bench_layout.py --long [--baseline-python OTHER/.venv/bin/python] [--rounds 3]

``--long``: one-character edits (insertions at 12 places spread over the story) in a
200,000-character story threaded through a 50-page issue, each followed by a relayout
with the same Layouter; one fresh process per round, alternating with the baseline's.
With BENCH_TYPED=1 in the environment the relayout is the editor's typing path
(Layouter.relayout_story) instead of a whole layout.

Prints medians (and min/max) of every figure as a table.  Not a test: it
asserts nothing; the figures go into the notes.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "core"))
SAMPLE = ROOT / "layouts" / "samples" / "zhuxi-luntan.json"


def load(path):
    if path and Path(path).exists():
        from banmian.core.io import load_document
        return load_document(path), Path(path).parent
    from seedpage import six_column_document
    return six_column_document(chars=11, pages=2), ROOT


def ms(values):
    return statistics.median(values) * 1000, min(values) * 1000, max(values) * 1000


def cold_process(path, runs):
    code = (
        "import sys, time; t0 = time.perf_counter(); sys.path.insert(0, %r); sys.path.insert(0, %r)\n"
        "from bench.bench_layout import load\n"
        "from banmian.core.typeset.layout import layout_document\n"
        "doc, base = load(%r)\n"
        "r = layout_document(doc, base_dir=base)\n"
        "print(time.perf_counter() - t0)\n"
    ) % (str(ROOT), str(ROOT / "tests" / "core"), str(path) if path else "")
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, cwd=ROOT)
        out.append(time.perf_counter() - t)
    return out


def long_child(n_edits: int) -> None:
    from bench.bench_memory import long_story_document
    from banmian.core.typeset.fonts import default_registry
    from banmian.core.typeset.layout import Layouter
    doc = long_story_document()
    lay = Layouter(default_registry())
    lay.layout(doc)
    res = lay.layout(doc)
    blocks = doc.stories[0].blocks
    typed = os.environ.get("BENCH_TYPED") and hasattr(lay, "relayout_story")
    out = []
    for i in range(n_edits):
        b = blocks[(i * len(blocks)) // n_edits]
        b.runs[0].text = b.runs[0].text[:3] + "新" + b.runs[0].text[3:]
        t = time.perf_counter()
        res = lay.relayout_story(doc, res, doc.stories[0].id) if typed else lay.layout(doc)
        out.append((time.perf_counter() - t) * 1000)
    print("edits " + " ".join(f"{x:.2f}" for x in out), flush=True)


def long_bench(a) -> int:
    pys = [("this tree", sys.executable)] + ([("baseline", a.baseline_python)] if a.baseline_python else [])
    res = {name: [] for name, _ in pys}
    for _ in range(a.rounds):
        for name, py in pys:
            out = subprocess.run([py, str(Path(__file__).resolve()), "--long-child", "12"], cwd=ROOT,
                                 capture_output=True, text=True, timeout=1800)
            line = next((x for x in out.stdout.splitlines() if x.startswith("edits ")), None)
            if line is None:
                print(f"  ! {name} failed: {out.stderr.strip()[-300:]}", file=sys.stderr)
                continue
            res[name].append([float(v) for v in line.split()[1:]])
    print(f"one-character edit in a 200k-character story, relayout ms ({a.rounds} rounds × 12 edits, "
          f"interleaved; the machine is shared and busy)")
    for name, rounds in res.items():
        vals = [v for r in rounds for v in r]
        if vals:
            m, lo, hi = ms([v / 1000 for v in vals])
            print(f"{name:<12} median {m:8.1f}  min {lo:8.1f}  max {hi:8.1f}")
            # by where the edit is (1/12 … 12/12 of the story): the median over the rounds
            by_pos = [statistics.median(r[i] for r in rounds) for i in range(min(len(r) for r in rounds))]
            print(f"{'':<12} by position " + " ".join(f"{v:.0f}" for v in by_pos))
    return 0


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--long", action="store_true", help="edits in a 200k-character story")
    ap.add_argument("--long-child", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--baseline-python", help="python of a baseline checkout, run interleaved (--long)")
    ap.add_argument("layout", nargs="?", default=str(SAMPLE) if SAMPLE.exists() else "")
    ap.add_argument("--runs", type=int, default=7)
    a = ap.parse_args(argv)
    if a.long_child:
        long_child(a.long_child)
        return 0
    if a.long:
        return long_bench(a)
    from banmian.core.typeset.fonts import default_registry
    from banmian.core.typeset.layout import Layouter

    doc, base = load(a.layout)
    fonts = default_registry()
    Layouter(fonts, base).layout(doc)   # load faces
    nchars = sum(len(s.text) for s in doc.stories)

    fresh = []
    for _ in range(a.runs):
        lay = Layouter(fonts, base)
        t = time.perf_counter()
        lay.layout(doc)
        fresh.append(time.perf_counter() - t)

    lay = Layouter(fonts, base)
    lay.layout(doc)
    cached = []
    for _ in range(a.runs):
        t = time.perf_counter()
        lay.layout(doc)
        cached.append(time.perf_counter() - t)

    # one-character edits: insert 新 in the middle of a long body paragraph, then remove it
    story, block = max(((s, b) for s in doc.stories for b in s.blocks if b.role in ("paragraph", "lead")),
                       key=lambda sb: len(sb[1].text))
    run = block.runs[0]
    edits = []
    for i in range(a.runs):
        pos = len(run.text) // 2 + i
        run.text = run.text[:pos] + "新" + run.text[pos:]
        t = time.perf_counter()
        lay.layout(doc)
        edits.append(time.perf_counter() - t)
        run.text = run.text[:pos] + run.text[pos + 1:]
        lay.layout(doc)

    # the same edits as the editor relays them while typing (Layouter.relayout_story: only the
    # edited story flowed again, only its pages assembled again)
    res = lay.layout(doc)
    typed = []
    for i in range(a.runs):
        pos = len(run.text) // 2 + i
        run.text = run.text[:pos] + "新" + run.text[pos:]
        t = time.perf_counter()
        res = lay.relayout_story(doc, res, story.id)
        typed.append(time.perf_counter() - t)
        run.text = run.text[:pos] + run.text[pos + 1:]
        res = lay.relayout_story(doc, res, story.id)

    baseline = platypus_wrap(doc, a.runs)
    cold = cold_process(a.layout, max(5, a.runs // 2 + 1))

    print(f"layout: {a.layout or '(seed text, 6-column fixture)'}; {nchars} characters; "
          f"{len(doc.pages)} page(s); medians of {a.runs} runs (min–max)")
    print(f"{'figure':<52} {'median ms':>10} {'min':>8} {'max':>8}")
    rows = [
        ("cold process: start, load fonts + file, lay out", cold),
        ("warm: full layout, fresh Layouter (fonts loaded)", fresh),
        ("warm: full layout, cached Layouter, no change", cached),
        ("relayout after a one-character edit", edits),
        ("  the same, as the editor relays typing (story only)", typed if hasattr(lay, "relayout_story") else []),
        ("baseline: reportlab Paragraph.wrap, same paragraphs", baseline),
    ]
    for name, vals in rows:
        if vals:
            m, lo, hi = ms(vals)
            print(f"{name:<52} {m:>10.1f} {lo:>8.1f} {hi:>8.1f}")
    return 0


def platypus_wrap(doc, runs):
    """reportlab's own CJK wrap of every paragraph at its column width (layout only, no drawing)."""
    try:
        from reportlab.lib.styles import ParagraphStyle as RLStyle
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont
        from reportlab.platypus import Paragraph
    except ImportError:
        return []
    from banmian.core.typeset.fonts import default_registry
    from banmian.core.model.units import mm_to_pt
    face = default_registry().face("song")
    pdfmetrics.registerFont(TTFont("BenchSong", str(face.path)))
    style = RLStyle("b", fontName="BenchSong", fontSize=9, leading=15, wordWrap="CJK", firstLineIndent=18)
    work = []
    for s in doc.stories:
        thread = doc.thread(s.id)
        if not thread:
            continue
        f = thread[0][1]
        colw = (mm_to_pt(f.w) - mm_to_pt(f.gutter) * (f.columns - 1)) / f.columns
        work += [(b.text, colw) for b in s.blocks if b.text]
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        for text, w in work:
            Paragraph(text, style).wrap(w, 10000)
        out.append(time.perf_counter() - t)
    return out


if __name__ == "__main__":
    sys.exit(main())
