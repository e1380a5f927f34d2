"""Editor memory while typing: resident set size before and after many edits.

- the sample page open in the editor (MainWindow, offscreen), 1,000 characters typed
  one by one into its longest body paragraph through the session's EditStoryText
  command — what the story editor pushes for every keystroke — with the canvas
  repainted after each (target: RSS within +15 % of the start);
- a 200,000-character story threaded through a 50-page issue (seed paragraphs,
  each made unique), 100 one-character edits through the same Session command,
  each followed by the relayout the session does (target: within +50 MiB).

Each figure is one fresh process per run; with ``--baseline-python`` (the python
of another checkout's venv, e.g. a clone of main) the same children run with that
interpreter too, alternating with ours, so the busy machine hits both alike.

    python bench/bench_memory.py [--runs 3] [--baseline-python /tmp/base/.venv/bin/python]
                                 [--baseline-edits 10]

Not a test: it asserts nothing.
"""
from __future__ import annotations

import argparse
import gc
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "layouts" / "samples" / "zhuxi-luntan.json"


def rss_mib() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def long_story_document(chars: int = 200_000, pages: int = 50):
    sys.path.insert(0, str(ROOT / "tests" / "core"))
    from seedpage import seed_paragraphs, six_column_document
    seed = seed_paragraphs()
    paras, n, i = [], 0, 0
    while n < chars:
        p = f"{i}" + seed[i % len(seed)]        # unique paragraphs: no cache entry shared by repetition
        paras.append(p)
        n += len(p)
        i += 1
    return six_column_document(paras, pages=pages)


def child_typing(n_chars: int) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import tempfile
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from banmian.core import commands as C
    from banmian.gui.main_window import MainWindow
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "bench.ini"), QSettings.Format.IniFormat)
        w = MainWindow(SAMPLE, settings=settings, ask=lambda *a: False)
        w.prompt_save = lambda: "discard"
        w.resize(1600, 1000)
        w.show()
        for _ in range(5):
            app.processEvents()
        s = w.session
        placed = s.doc.placed_story_ids()
        story = max((st for st in s.doc.stories if st.id in placed), key=lambda st: len(st.text))
        idx = max(range(len(story.blocks)), key=lambda i: len(story.blocks[i].text)
                  if story.blocks[i].role in ("paragraph", "lead") else -1)
        vp = w.canvas.viewport()
        vp.repaint()
        app.processEvents()
        gc.collect()
        start = rss_mib()
        t0 = time.perf_counter()
        text = story.blocks[idx].text
        mid = len(text) // 2
        for i in range(n_chars):
            text = text[:mid + i] + "字" + text[mid + i:]
            s.push(C.EditStoryText(story.id, idx, text=text))
            vp.repaint()
            app.processEvents()
        secs = time.perf_counter() - t0
        gc.collect()
        end = rss_mib()
        print(f"result {start:.1f} {end:.1f} {secs:.2f}", flush=True)
        s.undo_stack.setClean()
        w.close()


def child_long_story(edits: int) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication
    app = QCoreApplication([])  # noqa: F841 (QUndoStack wants an application)
    from banmian.core import commands as C
    from banmian.gui.session import Session
    doc = long_story_document()
    s = Session(doc)
    story = doc.stories[0]
    gc.collect()
    start = rss_mib()
    t0 = time.perf_counter()
    n = len(story.blocks)
    for i in range(edits):
        bi = (i * 37) % n                               # edits spread over the story
        text = story.blocks[bi].text
        text = text[:3] + "新" + text[3:]
        s.push(C.EditStoryText(story.id, bi, text=text))
    secs = time.perf_counter() - t0
    gc.collect()
    end = rss_mib()
    print(f"result {start:.1f} {end:.1f} {secs:.2f} {len(story.text)}", flush=True)


def _run(py: str, args: list[str]) -> tuple[float, float, float] | None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([py, str(Path(__file__).resolve()), *args], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=3600)
    line = next((x for x in out.stdout.splitlines() if x.startswith("result ")), None)
    if line is None:
        print(f"  ! {py} {' '.join(args)} failed ({out.returncode}): {out.stderr.strip()[-400:]}", file=sys.stderr)
        return None
    v = line.split()
    return float(v[1]), float(v[2]), float(v[3])


def _fmt(rows, rel: bool) -> str:
    if not rows:
        return "failed"
    starts = [r[0] for r in rows]
    growth = [(r[1] - r[0]) / r[0] * 100 if rel else r[1] - r[0] for r in rows]
    secs = [r[2] for r in rows]
    unit = "%" if rel else " MiB"
    return (f"start {statistics.median(starts):.0f} MiB, growth {statistics.median(growth):+.1f}{unit} "
            f"({min(growth):+.1f}–{max(growth):+.1f}), {statistics.median(secs):.1f} s")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--chars", type=int, default=1000)
    ap.add_argument("--edits", type=int, default=100)
    ap.add_argument("--baseline-python", help="python of a baseline checkout (run interleaved)")
    ap.add_argument("--baseline-edits", type=int, default=10,
                    help="edits of the 200k story in the baseline (each may add tens of MiB)")
    ap.add_argument("--baseline-chars", type=int, default=300)
    ap.add_argument("--child-typing", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--child-long", type=int, help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.child_typing:
        child_typing(a.child_typing)
        return 0
    if a.child_long:
        child_long_story(a.child_long)
        return 0
    ours: dict[str, list] = {"typing": [], "long": []}
    base: dict[str, list] = {"typing": [], "long": []}
    for _ in range(a.runs):
        for kind, arg, barg in (("typing", ["--child-typing", str(a.chars)],
                                 ["--child-typing", str(a.baseline_chars)]),
                                ("long", ["--child-long", str(a.edits)], ["--child-long", str(a.baseline_edits)])):
            r = _run(sys.executable, arg)
            if r:
                ours[kind].append(r)
            if a.baseline_python:
                r = _run(a.baseline_python, barg)
                if r:
                    base[kind].append(r)
    print(f"\neditor memory, {a.runs} fresh processes each (median, min–max); the machine is shared, "
          f"timings are indicative only")
    print(f"typing {a.chars} chars into the sample (MainWindow, canvas repainted): {_fmt(ours['typing'], True)}"
          f"   target ≤ +15 %")
    print(f"200k-char story, {a.edits} edits (Session):                  {_fmt(ours['long'], False)}"
          f"   target ≤ +50 MiB")
    if a.baseline_python:
        print(f"baseline: typing {a.baseline_chars} chars:                              "
              f"{_fmt(base['typing'], True)}")
        print(f"baseline: 200k-char story, {a.baseline_edits} edits:                     "
              f"{_fmt(base['long'], False)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
