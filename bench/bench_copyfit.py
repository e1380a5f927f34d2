"""Copyfit advice for one article after a keystroke (issue 12: ≤ 50 ms), on the sample page.

For every placed story of the sample: 40 characters are added at its end (so it is overset
and every kind of remedy is tried), then, round by round, one more character is typed, the
page relaid by the same Layouter (as the editor's keystroke does) and the story's copyfit
advice worked out with that Layouter (``copyfit_story``, as the Articles panel asks for it).
Only the advice is timed.  With ``--baseline-python`` another tree's interpreter runs the same
child in alternating processes of one run (before/after figures).

    python bench/bench_copyfit.py [--rounds 5] [--baseline-python OTHER/.venv/bin/python]

Prints, per story and tree, the median with min–max (ms of wall time).  Not a test.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "layouts" / "samples" / "zhuxi-luntan.json"


def child(keystrokes: int) -> None:
    from banmian.core.io import load_document
    from banmian.core.typeset.copyfit import copyfit_story
    from banmian.core.typeset.layout import Layouter
    doc = load_document(SAMPLE)
    lay = Layouter(base_dir=SAMPLE.parent)
    placed = doc.placed_story_ids()
    for st in doc.stories:
        if st.id not in placed or not st.blocks or not st.blocks[-1].runs:
            continue
        run = st.blocks[-1].runs[0]
        run.text += "字" * 40
        lay.layout(doc)
        copyfit_story(doc, st.id, layouter=lay)          # (warm: the first advice after opening)
        out = []
        for _ in range(keystrokes):
            run.text += "字"
            result = lay.layout(doc)
            t = time.perf_counter()
            copyfit_story(doc, st.id, layouter=lay, result=result)
            out.append((time.perf_counter() - t) * 1000)
        print(f"story {st.id} " + " ".join(f"{x:.2f}" for x in out), flush=True)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--keystrokes", type=int, default=5)
    ap.add_argument("--baseline-python")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.child:
        child(a.keystrokes)
        return 0
    trees = [("this tree", sys.executable)] + ([("baseline", a.baseline_python)] if a.baseline_python else [])
    res: dict = {}
    for _ in range(a.rounds):
        for name, py in trees:
            out = subprocess.run([py, __file__, "--child", "--keystrokes", str(a.keystrokes)], cwd="/tmp",
                                 capture_output=True, text=True, timeout=900)
            if out.returncode:
                raise SystemExit(f"{name} failed:\n{out.stderr[-2000:]}")
            for line in out.stdout.splitlines():
                if line.startswith("story "):
                    _, sid, *vals = line.split()
                    res.setdefault((sid, name), []).extend(float(v) for v in vals)
    print(f"copyfit advice for one article after a keystroke, ms ({a.rounds} rounds × {a.keystrokes} "
          f"keystrokes, interleaved; target ≤ 50)")
    for (sid, name), vals in sorted(res.items()):
        print(f"{sid:<8} {name:<10} median {statistics.median(vals):7.1f}  min {min(vals):7.1f}  max {max(vals):7.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
