"""Editor figures on the sample page (offscreen unless QT_QPA_PLATFORM says otherwise).

- keystroke → updated canvas: an IME commit in the story editor, through the
  command, relayout and the canvas repaint (median ms; target ≤ 50 ms)
- scroll and zoom at 100 %: frames per second of full repaints (target ≥ 30)
- resident memory with the sample page open (target ≤ 350 MB)

    python bench/bench_gui.py
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


def main():
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from desktop.gui.main_window import MainWindow
    settings = QSettings(str(Path("/tmp/banmian-bench.ini")), QSettings.Format.IniFormat)
    w = MainWindow(SAMPLE if SAMPLE.is_file() else None, settings=settings, ask=lambda *a: False)
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
    w.open_story(story.id)
    app.processEvents()
    # keystrokes
    ed = w.story_editor
    idx = max(range(len(story.blocks)), key=lambda i: len(story.blocks[i].text))
    box = ed._rows[idx][2]
    box.setFocus()
    cur = box.textCursor()
    cur.setPosition(len(box.toPlainText()) // 2)
    box.setTextCursor(cur)
    vp = w.canvas.viewport()
    times = []
    for i in range(40):
        ev = QInputMethodEvent()
        ev.setCommitString("字")
        t0 = time.perf_counter()
        QApplication.sendEvent(box, ev)
        vp.repaint()
        times.append((time.perf_counter() - t0) * 1000)
    key_ms = statistics.median(times)
    lay_ms = s.last_layout_ms
    # scroll at 100 %
    bar = w.canvas.verticalScrollBar()
    n = 60
    t0 = time.perf_counter()
    for i in range(n):
        bar.setValue((bar.value() + 37) % max(1, bar.maximum()))
        vp.repaint()
    scroll_fps = n / (time.perf_counter() - t0)
    # zoom around 100 %: frames while zooming (cached picture scaled), then the settled repaint
    t0 = time.perf_counter()
    for i in range(n):
        w.canvas.set_zoom(1.0 + 0.02 * ((i % 10) - 5))
        vp.repaint()
    zoom_fps = n / (time.perf_counter() - t0)
    w.canvas.set_zoom(1.0)
    t0 = time.perf_counter()
    w.canvas._drop_stale_images()
    vp.repaint()
    settle_ms = (time.perf_counter() - t0) * 1000
    mem = rss_mb()
    print(f"keystroke → canvas: median {key_ms:.1f} ms (layout {lay_ms:.1f} ms) target ≤ 50 → "
          f"{'OK' if key_ms <= 50 else 'SLOW'}")
    print(f"scroll at 100 %: {scroll_fps:.0f} fps; zoom: {zoom_fps:.0f} fps; re-render after zoom "
          f"{settle_ms:.0f} ms; target ≥ 30 → {'OK' if min(scroll_fps, zoom_fps) >= 30 else 'SLOW'}")
    print(f"RSS with the sample page open: {mem:.0f} MB; target ≤ 350 → {'OK' if mem <= 350 else 'HIGH'}")
    w.session.undo_stack.setClean()
    w.close()


if __name__ == "__main__":
    main()
