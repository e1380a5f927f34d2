"""Editor figures on the sample page (offscreen unless QT_QPA_PLATFORM says otherwise).

- keystroke → updated canvas: an IME commit in the story editor, through the
  command, relayout and the canvas repaint (median ms; target ≤ 50 ms)
- keystroke → repaint typing on the page: the Type tool's caret put into the
  longest story by a mouse click, then IME commits sent to the canvas, timed from
  the event to the end of the paint the event loop then does (ReplaceText,
  relayout, the page picture's partial repaint, the dirty region of the viewport,
  the caret overlay; median ms; target ≤ 16 ms).  Between keystrokes the event
  loop runs for a typist's pause (``--gap``, 120 ms), so work the editor defers
  (story editor, panels) happens there, as it would.  Also timed: the same
  keystroke followed by a forced repaint of the whole viewport (the worst case).
  Interleaved round by round with the story editor figure above.
- ``--typing --long``: the same typing on the page, in a 200,000-character story threaded
  through 50 pages (bench_memory's), a third of the way in (no story editor figure)
- ``--typing --against PYTHON``: the typing figures of this tree and of the tree
  another interpreter imports ``banmian`` from (e.g. a venv of the main branch),
  in alternating processes of one run (before/after figures)
- scroll and zoom at 100 %: frames per second of full repaints (target ≥ 30); a zoom step
  shows the picture of the scale before scaled, the page is painted at the new scale once the
  zoom pauses (that repaint is timed too).  ``--view [--against PYTHON]``: only these, in
  fresh processes (``--rounds``), alternating with the other tree's interpreter
- resident memory with the sample page open (target ≤ 350 MB), and with a
  16-page issue open (the sample page duplicated 15 times through the core's
  DuplicatePage command, every page painted once at 100 % by scrolling from
  top to bottom, as a user paging through would; target ≤ 600 MB).  Each
  memory figure is the median over fresh processes (``-n``, default 3).

    python bench/bench_gui.py [-n 3]
    python bench/bench_gui.py --rss-pages 16     # one memory run (prints "rss <MB> <peak MB>")
    python bench/bench_gui.py --view --against /work/wt/base/.venv/bin/python --rounds 4
"""
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
SAMPLE = ROOT / "layouts" / "samples" / "zhuxi-luntan.json"


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def peak_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def issue_file(pages: int, out_dir: Path) -> Path:
    """The sample page as a ``pages``-page issue (DuplicatePage), image paths made absolute."""
    from banmian.core import commands as C
    from banmian.core.io import load_document, save_document
    from banmian.core.model.document import ImageFrame
    doc = load_document(SAMPLE)
    for f in doc.pages[0].frames:
        if isinstance(f, ImageFrame) and f.path and not Path(f.path).is_absolute():
            f.path = str((SAMPLE.parent / f.path).resolve())
    while len(doc.pages) < pages:
        C.DuplicatePage(doc.pages[-1].id).do(doc)
    path = out_dir / f"issue-{pages}.json"
    save_document(doc, path)
    return path


def rss_run(pages: int) -> None:
    """One process: open a ``pages``-page issue, scroll through it at 100 %, print RSS."""
    import tempfile
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from banmian.gui.main_window import MainWindow
    with tempfile.TemporaryDirectory() as tmp:
        path = SAMPLE if pages <= 1 else issue_file(pages, Path(tmp))
        settings = QSettings(str(Path(tmp) / "bench.ini"), QSettings.Format.IniFormat)
        w = MainWindow(path, settings=settings, ask=lambda *a: False)
        w.prompt_save = lambda: "discard"
        w.resize(1600, 1000)
        w.show()
        for _ in range(5):
            app.processEvents()
        assert len(w.session.doc.pages) == max(1, pages), len(w.session.doc.pages)
        c = w.canvas
        c.set_zoom(1.0)
        c._drop_stale_images()
        vp = c.viewport()
        bar = c.verticalScrollBar()
        bar.setValue(0)
        painted = set()
        while True:
            vp.repaint()
            app.processEvents()
            painted |= {pid for pid in c._images} | c.painted_pages
            if bar.value() >= bar.maximum():
                break
            bar.setValue(bar.value() + bar.pageStep())
        missing = [p.id for p in w.session.doc.pages if p.id not in painted]
        assert not missing, missing
        app.processEvents()
        print(f"rss {rss_mb():.1f} {peak_mb():.1f} pages {len(w.session.doc.pages)}", flush=True)
        w.session.undo_stack.setClean()
        w.close()


def memory_figures(n: int) -> None:
    import subprocess
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for pages, target in ((1, 350), (16, 600)):
        rss, peak = [], []
        for _ in range(n):
            out = subprocess.run([sys.executable, __file__, "--rss-pages", str(pages)], env=env, cwd=ROOT,
                                 capture_output=True, text=True, timeout=600)
            line = next((x for x in out.stdout.splitlines() if x.startswith("rss ")), None)
            if line is None:
                raise SystemExit(f"memory run failed ({out.returncode}):\n{out.stdout}\n{out.stderr}")
            rss.append(float(line.split()[1]))
            peak.append(float(line.split()[2]))
        med = statistics.median(rss)
        what = "the sample page" if pages == 1 else f"a {pages}-page issue (every page painted at 100 %)"
        print(f"RSS with {what}: median {med:.0f} MB over {n} runs (peak {statistics.median(peak):.0f} MB; "
              f"runs {', '.join(f'{x:.0f}' for x in rss)}); target ≤ {target} → "
              f"{'OK' if med <= target else 'HIGH'}")


def _enter_type_tool(w, app, story, block_index):
    """T, then a mouse click on the middle character of the story's longest paragraph."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest
    from banmian.core.model.units import MM_PER_PT
    from banmian.core.typeset.result import GlyphRun
    w.set_tool("text")
    start = sum(len(b.text) + 1 for b in story.blocks[:block_index])
    target = start + len(story.blocks[block_index].text) // 2
    c = w.canvas
    for pr in w.session.result.pages:
        for r in pr.items:
            if isinstance(r, GlyphRun) and r.story == story.id and r.start <= target < r.start + len(r.text):
                i = next((k for k, off in enumerate(r.offsets) if r.start + off >= target), 0)
                c.scroll_to_page(pr.page)
                app.processEvents()
                p = c.page_mm_to_view(pr.page, (r.xs[i] + 1) * MM_PER_PT, (r.y - r.size * 0.4) * MM_PER_PT)
                QTest.mouseClick(c.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                                 QPoint(round(p.x()), round(p.y())))
                app.processEvents()
                return c.tool
    raise SystemExit("the story's middle character is not on a page")


def _settle(app, ms):
    """Run the event loop for ``ms`` (timers fire, as between a typist's keystrokes)."""
    end = time.perf_counter() + ms / 1000
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.002)


def long_file(out_dir: Path) -> Path:
    """bench_memory's 200,000-character story through 50 pages, saved as a layout file."""
    sys.path.insert(0, str(ROOT))
    from bench.bench_memory import long_story_document
    from banmian.core.io import save_document
    path = out_dir / "long-story.json"
    save_document(long_story_document(), path)
    return path


def main(only_typing=False, gap_ms=120.0, rounds=6, quiet=False, long=False):
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance() or QApplication([])
    from banmian.gui.main_window import MainWindow
    import tempfile
    tmp = tempfile.TemporaryDirectory()
    settings = QSettings(str(Path(tmp.name) / "banmian-bench.ini"), QSettings.Format.IniFormat)
    path = long_file(Path(tmp.name)) if long else (SAMPLE if SAMPLE.is_file() else None)
    w = MainWindow(path, settings=settings, ask=lambda *a: False)
    w.prompt_save = lambda: "discard"
    w.resize(1600, 1000)
    w.show()
    for _ in range(5):
        app.processEvents()
    s = w.session
    # the longest placed story
    placed = s.doc.placed_story_ids()
    story = max((st for st in s.doc.stories if st.id in placed), key=lambda st: len(st.text))
    w.actions_by_key["actual"].trigger()
    head = s.doc.thread(story.id)[0]
    w.canvas.scroll_to_page(head[0].id)
    app.processEvents()
    if long:
        # (--long: typing on the page only, a third of the way into the story, on page 17)
        idx = len(story.blocks) // 3
        w.canvas.scroll_to_page(s.doc.pages[16].id)
        app.processEvents()
        box = None
    else:
        w.open_story(story.id)
        app.processEvents()
        ed = w.story_editor
        idx = max(range(len(story.blocks)), key=lambda i: len(story.blocks[i].text))
        box = ed._rows[idx][2]
        box.setFocus()
        cur = box.textCursor()
        cur.setPosition(len(box.toPlainText()) // 2)
        box.setTextCursor(cur)
    c = w.canvas
    vp = c.viewport()
    times, canvas_times, canvas_full, canvas_layout = [], [], [], []
    typer = None
    for rnd in range(rounds):
        # story editor keystrokes (the baseline) …
        for i in range(8 if box is not None else 0):
            if i == 0:
                box.setFocus()
                _settle(app, gap_ms)
            ev = QInputMethodEvent()
            ev.setCommitString("字")
            t0 = time.perf_counter()
            QApplication.sendEvent(box, ev)
            vp.repaint()
            times.append((time.perf_counter() - t0) * 1000)
        # … then as many typed on the page
        if typer is None:
            typer = _enter_type_tool(w, app, story, idx)
        c.setFocus()
        _settle(app, gap_ms)
        for i in range(8):
            ev = QInputMethodEvent()
            ev.setCommitString("字")
            n0 = c.paint_count
            t0 = time.perf_counter()
            QApplication.sendEvent(c, ev)
            while c.paint_count == n0 and time.perf_counter() - t0 < 2:
                app.processEvents()
            canvas_times.append((time.perf_counter() - t0) * 1000)
            canvas_layout.append(s.last_layout_ms)
            _settle(app, gap_ms)
        for i in range(4):
            ev = QInputMethodEvent()
            ev.setCommitString("字")
            t0 = time.perf_counter()
            QApplication.sendEvent(c, ev)
            vp.repaint()
            canvas_full.append((time.perf_counter() - t0) * 1000)
            _settle(app, gap_ms)
        assert typer.story_id == story.id, "the canvas keystrokes did not reach the story"
    key_ms = statistics.median(times) if times else float("nan")
    lay_ms = s.last_layout_ms
    if quiet:      # one process of an --against run: the samples, for the parent
        print("samples", " ".join(f"{x:.2f}" for x in canvas_times), "|",
              " ".join(f"{x:.2f}" for x in canvas_full), "|", " ".join(f"{x:.2f}" for x in canvas_layout),
              flush=True)
        w.session.undo_stack.setClean()
        w.close()
        return
    ck = statistics.median(canvas_times)
    print(f"keystroke → repaint, typing on the page: median {ck:.1f} ms (min {min(canvas_times):.1f}, "
          f"max {max(canvas_times):.1f}, n={len(canvas_times)}; of which relayout median "
          f"{statistics.median(canvas_layout):.1f} ms) target ≤ 16 → {'OK' if ck <= 16 else 'SLOW'}")
    print(f"  the same keystroke + a forced repaint of the whole viewport: median "
          f"{statistics.median(canvas_full):.1f} ms (min {min(canvas_full):.1f}, max {max(canvas_full):.1f})")
    if only_typing:
        if times:
            print(f"keystroke → canvas, story editor (interleaved baseline): median {key_ms:.1f} ms "
                  f"(min {min(times):.1f}, max {max(times):.1f})")
        w.session.undo_stack.setClean()
        w.close()
        return
    scroll_fps, zoom_fps, settle_ms = view_figures(w, app)
    mem = rss_mb()
    print(f"keystroke → canvas: median {key_ms:.1f} ms (layout {lay_ms:.1f} ms) target ≤ 50 → "
          f"{'OK' if key_ms <= 50 else 'SLOW'}")
    print(f"scroll at 100 %: {scroll_fps:.0f} fps; zoom: {zoom_fps:.0f} fps; re-render after zoom "
          f"{settle_ms:.0f} ms; target ≥ 30 → {'OK' if min(scroll_fps, zoom_fps) >= 30 else 'SLOW'}")
    print(f"RSS after these runs, same process: {mem:.0f} MB")
    w.session.undo_stack.setClean()
    w.close()


def view_figures(w, app, n=60):
    """(scroll fps, zoom fps, ms of the repaint once the zoom settled) at 100 %: full repaints
    of the viewport while scrolling, then while zooming around 100 % (Ctrl+wheel steps: the
    picture of the scale before shown scaled), then the page painted at the settled scale."""
    c = w.canvas
    vp = c.viewport()
    c.set_zoom(1.0)
    c._drop_stale_images()
    vp.repaint()
    app.processEvents()
    bar = c.verticalScrollBar()
    t0 = time.perf_counter()
    for i in range(n):
        bar.setValue((bar.value() + 37) % max(1, bar.maximum()))
        vp.repaint()
    scroll_fps = n / (time.perf_counter() - t0)
    t0 = time.perf_counter()
    for i in range(n):
        c.set_zoom(1.0 + 0.02 * ((i % 10) - 5))
        vp.repaint()
    zoom_fps = n / (time.perf_counter() - t0)
    c.set_zoom(1.1)          # a scale no step above had: the pause paints the page afresh in any tree
    t0 = time.perf_counter()
    c._drop_stale_images()
    vp.repaint()
    settle_ms = (time.perf_counter() - t0) * 1000
    c.set_zoom(1.0)
    c._drop_stale_images()
    vp.repaint()
    return scroll_fps, zoom_fps, settle_ms


def view_run(rounds: int) -> None:
    """One process of a --view run: the sample at 100 %, ``rounds`` scroll/zoom measurements."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    import tempfile
    app = QApplication.instance() or QApplication([])
    from banmian.gui.main_window import MainWindow
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "bench.ini"), QSettings.Format.IniFormat)
        w = MainWindow(SAMPLE, settings=settings, ask=lambda *a: False)
        w.prompt_save = lambda: "discard"
        w.resize(1600, 1000)
        w.show()
        for _ in range(5):
            app.processEvents()
        w.actions_by_key["actual"].trigger()
        _settle(app, 300)
        for _ in range(rounds):
            print("view %.2f %.2f %.2f" % view_figures(w, app), flush=True)
        w.session.undo_stack.setClean()
        w.close()


def view_against(other: str | None, procs: int, rounds: int) -> None:
    """Scroll and zoom figures of this tree (and of ``other``'s interpreter's), processes ABAB…"""
    import subprocess
    trees = {"this tree": sys.executable}
    if other:
        trees["other"] = other
    got = {k: ([], [], []) for k in trees}
    for r in range(procs):
        for name, py in trees.items():
            out = subprocess.run([py, __file__, "--view-run", str(rounds)], cwd=ROOT,
                                 capture_output=True, text=True, timeout=600)
            lines = [x for x in out.stdout.splitlines() if x.startswith("view ")]
            if not lines:
                raise SystemExit(f"{name} failed ({out.returncode}):\n{out.stdout}\n{out.stderr}")
            for x in lines:
                for acc, v in zip(got[name], x.split()[1:]):
                    acc.append(float(v))

    def fig(xs, unit):
        return f"median {statistics.median(xs):.1f} {unit} ({min(xs):.1f}–{max(xs):.1f})"
    print(f"scroll and zoom at 100 %, the sample, {procs} processes × {rounds} rounds of 60 frames "
          f"(processes alternating between trees); target ≥ 30 fps")
    for name, py in trees.items():
        sc, zo, st = got[name]
        print(f"{name} ({py}): scroll {fig(sc, 'fps')}; zoom {fig(zo, 'fps')}; "
              f"repaint once the zoom settled {fig(st, 'ms')}")


def against(other: str, rounds: int, gap_ms: float, long=False) -> None:
    """Typing figures of this tree and of ``other``'s, processes alternating (ABAB…)."""
    import subprocess
    trees = {"this tree": sys.executable, "other": other}
    got = {k: ([], [], []) for k in trees}
    for r in range(rounds):
        for name, py in trees.items():
            out = subprocess.run([py, __file__, "--samples", "--gap", str(gap_ms)] + (["--long"] if long else []), cwd=ROOT,
                                 capture_output=True, text=True, timeout=600)
            line = next((x for x in out.stdout.splitlines() if x.startswith("samples ")), None)
            if line is None:
                raise SystemExit(f"{name} failed ({out.returncode}):\n{out.stdout}\n{out.stderr}")
            for acc, part in zip(got[name], line[len("samples "):].split("|")):
                acc.extend(float(x) for x in part.split())
    for name, py in trees.items():
        ev, full, lay = got[name]
        print(f"{name} ({py}): keystroke → repaint median {statistics.median(ev):.1f} ms "
              f"(min {min(ev):.1f}, max {max(ev):.1f}, n={len(ev)}); relayout median "
              f"{statistics.median(lay):.1f} ms; + forced whole repaint median {statistics.median(full):.1f} ms "
              f"(min {min(full):.1f}, max {max(full):.1f})")


if __name__ == "__main__":
    import argparse
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=3, help="fresh processes per memory figure (median)")
    ap.add_argument("--rss-pages", type=int, default=0, help="one memory run with this many pages")
    ap.add_argument("--typing", action="store_true", help="only the keystroke figures")
    ap.add_argument("--gap", type=float, default=120.0, help="ms of event loop between keystrokes")
    ap.add_argument("--against", metavar="PYTHON", help="with --typing: interleave with another tree's interpreter")
    ap.add_argument("--rounds", type=int, default=4, help="with --against: processes per tree")
    ap.add_argument("--samples", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--long", action="store_true",
                    help="with --typing: type on the page of a 200,000-character story through 50 pages")
    ap.add_argument("--view", action="store_true",
                    help="only the scroll and zoom figures (with --against: interleaved with another tree)")
    ap.add_argument("--view-run", type=int, default=0, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.rss_pages:
        rss_run(a.rss_pages)
    elif a.view_run:
        view_run(a.view_run)
    elif a.view:
        view_against(a.against, a.rounds, 3)
    elif a.samples:
        main(only_typing=True, gap_ms=a.gap, rounds=3, quiet=True, long=a.long)
    elif a.typing and a.against:
        against(a.against, a.rounds, a.gap, a.long)
    elif a.typing:
        main(only_typing=True, gap_ms=a.gap, long=a.long)
    else:
        main()
        memory_figures(max(1, a.n))
