"""Export speed and memory: cold whole-process ``banmian export`` of the sample page
against a naive reportlab-platypus rendering of the same text, in the same run.

    python bench/bench_export.py [LAYOUT.json] [--runs 7]

Each run is a fresh ``python`` process; wall time and peak RSS come from
``os.wait4`` (that child's own rusage).  The two commands alternate, so drift
hits both.  The figures are medians (min–max beside them).

The baseline is what one would write without Banmian: every story's blocks as
platypus ``Paragraph``s (``wordWrap='CJK'``) flowing through a page of column
``Frame``s (the page's grid columns), fonts = the same bundled TTFs registered
with reportlab, written by ``SimpleDocTemplate``-style ``BaseDocTemplate`` — no
CMYK conversion, no PDF/X, no ink limit, no marks, images left out.  Banmian's
run does all of those (and lays the page out with its own engine).

Not a test: it asserts nothing; the figures go into the notes.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "layouts" / "samples" / "zhuxi-luntan.json"


def _generated_page(folder: Path) -> Path:
    """A stand-in page when the sample is missing: the PDF tests' page with more copy."""
    sys.path.insert(0, str(ROOT))
    from banmian.core.io import save_document
    from tests.pdf.conftest import make_document, make_photo
    doc = make_document()
    body = doc.story("body")
    body.blocks = body.blocks * 6
    doc.pages[0].frames[2].h = 200
    doc.pages[0].height = 320
    make_photo(folder / "photo.png")
    path = folder / "generated.json"
    save_document(doc, path)
    return path


# ------------------------------------------------------------------ the baseline (child process)

def platypus_baseline(layout: str, out: str) -> None:
    sys.path.insert(0, str(ROOT))
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph
    from banmian.core.io import load_document
    from banmian.core.model.units import PT_PER_MM
    from banmian.core.typeset.fonts import FACE_FILES, FONTS_DIR
    from xml.sax.saxutils import escape

    doc = load_document(layout)
    page = doc.pages[0]
    for fid, fn in FACE_FILES.items():
        pdfmetrics.registerFont(TTFont(f"bl-{fid}", str(FONTS_DIR / fn)))
    styles = {}
    for ps in doc.paragraph_styles:
        lead = ps.leading or page.grid.leading
        styles[ps.name] = ParagraphStyle(ps.name, fontName=f"bl-{ps.font}", fontSize=ps.size,
                                         leading=max(lead, ps.size * 1.2), wordWrap="CJK",
                                         firstLineIndent=ps.indent * ps.size)
    W, H = page.width * PT_PER_MM, page.height * PT_PER_MM
    m = page.margins
    x0, y0 = m.left * PT_PER_MM, m.bottom * PT_PER_MM
    inner_w, inner_h = W - x0 - m.right * PT_PER_MM, H - y0 - m.top * PT_PER_MM
    cols = page.grid.columns
    gutter = page.grid.body_size * page.grid.gutter_chars
    cw = (inner_w - gutter * (cols - 1)) / cols
    frames = [Frame(x0 + i * (cw + gutter), y0, cw, inner_h, id=f"c{i}", leftPadding=0, rightPadding=0,
                    topPadding=0, bottomPadding=0) for i in range(cols)]
    story = []
    for st in doc.stories:
        for b in st.blocks:
            story.append(Paragraph(escape(b.text), styles.get(b.style) or next(iter(styles.values()))))
    pdf = BaseDocTemplate(out, pagesize=(W, H), pageTemplates=[PageTemplate("p", frames)],
                          initialFontName="bl-song")
    pdf.build(story)


# ------------------------------------------------------------------ measuring

def _measure(cmd: list[str]) -> tuple[float, float, int]:
    """(wall seconds, peak RSS MiB, exit code) of one fresh process."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    err = p.stderr.read().decode("utf-8", "replace") if p.stderr else ""
    if p.returncode != 0:
        print(f"  ! {' '.join(cmd[:4])} … exited {p.returncode}: {err.strip()[:300]}", file=sys.stderr)
    return wall, ru.ru_maxrss / 1024.0, p.returncode


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("layout", nargs="?", default=str(SAMPLE))
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--baseline-run", nargs=2, metavar=("LAYOUT", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.baseline_run:
        platypus_baseline(*args.baseline_run)
        return 0

    tmp = Path(tempfile.mkdtemp(prefix="bench-export-"))
    layout = Path(args.layout)
    if not layout.exists():
        print(f"{layout} missing: using a generated page", file=sys.stderr)
        layout = _generated_page(tmp)
    py = sys.executable
    commands = {
        "banmian export (PDF/X-4, marks)": [py, "-m", "banmian.cli", "export", str(layout), "-o",
                                            str(tmp / "banmian.pdf"), "--force"],
        "banmian export --no-marks --pdfx none": [py, "-m", "banmian.cli", "export", str(layout), "-o",
                                                  str(tmp / "banmian-plain.pdf"), "--force", "--no-marks",
                                                  "--pdfx", "none"],
        "naive reportlab platypus": [py, str(Path(__file__).resolve()), "--baseline-run", str(layout),
                                     str(tmp / "platypus.pdf")],
    }
    # one warm-up each: fills the OS file cache and Banmian's font caches (~/.cache/banmian),
    # which is the state on any machine after the first export
    for cmd in commands.values():
        _measure(cmd)
    results: dict[str, list[tuple[float, float]]] = {k: [] for k in commands}
    for _ in range(max(5, args.runs)):
        for name, cmd in commands.items():
            wall, rss, rc = _measure(cmd)
            if rc == 0:
                results[name].append((wall, rss))
    print(f"\ncold whole-process export of {layout.relative_to(ROOT) if layout.is_relative_to(ROOT) else layout}, "
          f"{max(5, args.runs)} runs each (median, min–max)\n")
    print(f"{'':42} {'wall s':>22} {'peak RSS MiB':>24}")
    for name, rows in results.items():
        if not rows:
            print(f"{name:42} {'failed':>22}")
            continue
        walls = [r[0] for r in rows]
        rss = [r[1] for r in rows]
        print(f"{name:42} {statistics.median(walls):8.3f} ({min(walls):.3f}–{max(walls):.3f}) "
              f"{statistics.median(rss):9.1f} ({min(rss):.1f}–{max(rss):.1f})")
    sizes = {p.name: p.stat().st_size // 1024 for p in tmp.glob("*.pdf")}
    print("\nfile sizes KiB: " + ", ".join(f"{k} {v}" for k, v in sorted(sizes.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
