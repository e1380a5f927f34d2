"""Export speed and memory: whole-process ``banmian export`` of the sample page
against Typst and a naive reportlab-platypus rendering of the same text, in the same run.

    python bench/bench_export.py [LAYOUT.json] [--runs 7] [--no-typst] [--pages 16]
                                 [--baseline-python /path/to/other/python] [--no-platypus]

Rows: Banmian with a warm cache folder (the state after the first export), Banmian
with an empty cache folder (a fresh ``BANMIAN_HOME`` per run: the first export after
install), Typst, platypus.  All of them alternate within each round.

Typst (the PyPI ``typst`` package, a bench-only requirement: ``pip install typst``)
gets a .typ generated from Banmian's own layout of the page: the page size, every
text frame as a box placed where it is with its columns, holding the text the
layout put in that frame, paragraph by paragraph in the style's bundled font,
size, leading and first-line indent (justified); rules, boxes and photos placed
too.  Typst breaks the lines itself (no grid, no CJK punctuation compression
beyond its own, no PDF/X, no CMYK conversion).  Its run is a fresh ``python``
that imports ``typst`` and compiles that file with only the bundled fonts.

Each run is a fresh ``python`` process; wall time and peak RSS come from
``os.wait4`` (the largest of that process and the children it reaped — Linux's
ru_maxrss is a maximum, not a sum).  Since ``banmian export`` forks (preflight
beside the painting; from 4 pages on a second painter), the "tree MiB" column is
the peak of the summed RSS of the process and its live children, sampled every
5 ms from /proc (an upper bound: pages shared copy-on-write are counted in both).

``--pages N``: the sample page duplicated to an N-page issue (its photo copied
beside it, so every page links it).  The row "same, BANMIAN_SERIAL=1" is the same
tree with the forks switched off — preflight first, every page in one process;
"BANMIAN_WORKERS=2" (from 4 pages) paints with two processes beside the preflight one
(the command line's default on two cores is one painter: see render/pdf/parallel.py).  The two commands alternate, so drift
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


def _issue(pages: int, folder: Path) -> Path:
    """The sample as a ``pages``-page issue in ``folder``, its images copied beside it."""
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "tests" / "core"))
    from seedpage import sample_issue
    return sample_issue(folder, pages, SAMPLE)


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


# ------------------------------------------------------------------ the Typst peer

_FAMILY = {"song": "Banmian Song", "hei": "Banmian Hei", "hei-bold": "Banmian Hei", "kai": "Banmian Kai"}


def _typ_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def typst_source(layout: Path) -> str:
    """A .typ of the page: the layout's frames as placed boxes holding their text."""
    sys.path.insert(0, str(ROOT))
    from banmian.core.io import load_document
    from banmian.core.model.document import TextFrame
    from banmian.core.typeset.layout import layout_document
    from banmian.core.typeset.result import Box, ImagePlacement, Rule

    doc = load_document(layout)
    res = layout_document(doc, base_dir=layout.parent)
    out = ["#let P(f, w, s, lead, ind, t) = {",
           "  set text(font: f, weight: w, size: s, lang: \"zh\", region: \"cn\")",
           "  set par(leading: lead, first-line-indent: ind, justify: true, spacing: lead)",
           "  par(t)",
           "}"]
    for page, pr in zip(doc.pages, res.pages):
        out.append(f"#page(width: {pr.width:.3f}pt, height: {pr.height:.3f}pt, margin: 0pt)[")
        for it in pr.items:
            if isinstance(it, Rule):
                out.append(f"#place(top + left, line(start: ({it.x1:.2f}pt, {it.y1:.2f}pt), "
                           f"end: ({it.x2:.2f}pt, {it.y2:.2f}pt), stroke: {max(it.width, 0.1):.2f}pt))")
            elif isinstance(it, Box):
                stroke = f"{it.stroke_width:.2f}pt" if it.stroke is not None else "none"
                fill = "luma(90%)" if it.fill is not None else "none"
                out.append(f"#place(top + left, dx: {it.x:.2f}pt, dy: {it.y:.2f}pt, "
                           f"rect(width: {it.w:.2f}pt, height: {it.h:.2f}pt, stroke: {stroke}, fill: {fill}))")
            elif isinstance(it, ImagePlacement) and it.path and not it.missing:
                cx, cy, cw, ch = it.clip
                out.append(f"#place(top + left, dx: {cx:.2f}pt, dy: {cy:.2f}pt, box(width: {cw:.2f}pt, "
                           f"height: {ch:.2f}pt, clip: true, image({_typ_str(str(Path(it.path).resolve()))}, "
                           f"width: {cw:.2f}pt, height: {ch:.2f}pt, fit: \"cover\")))")
        for fl in pr.frames:
            story = doc.story(fl.story)
            if story is None or fl.end_char <= fl.first_char:
                continue
            x0 = min(c[0] for c in fl.columns)
            x1 = max(c[2] for c in fl.columns)
            y0, y1 = fl.columns[0][1], fl.columns[0][3]
            gutter = fl.columns[1][0] - fl.columns[0][2] if len(fl.columns) > 1 else 0.0
            paras, heads = [], []          # heads: spanning paragraphs opening the frame, above the columns
            start = 0
            for b in story.blocks:
                a, z = max(start, fl.first_char), min(start + len(b.text), fl.end_char)
                if z > a:
                    st = doc.paragraph_style(b.style)
                    font, size = (st.font, st.size) if st else ("song", 9.0)
                    lead = (st.leading if st and st.leading else page.grid.leading) - size
                    ind = (st.indent * size) if st and a == start else 0.0
                    weight = "\"bold\"" if font == "hei-bold" else "\"regular\""
                    par = (f"#P({_typ_str(_FAMILY.get(font, 'Banmian Song'))}, {weight}, {size}pt, "
                           f"{max(lead, 0):.2f}pt, {ind:.2f}pt, {_typ_str(b.text[a - start:z - start])})")
                    (heads if st and st.span and not paras else paras).append(par)
                start += len(b.text) + 1
            body = "\n".join(paras)
            inner = (f"[\n{chr(10).join(heads)}\n#columns({len(fl.columns)}, gutter: {gutter:.2f}pt)[\n{body}\n]\n]"
                     if len(fl.columns) > 1 else f"[\n{chr(10).join(heads + paras)}\n]")
            out.append(f"#place(top + left, dx: {x0:.2f}pt, dy: {y0:.2f}pt, block(width: {x1 - x0:.2f}pt, "
                       f"height: {y1 - y0:.2f}pt, {inner}))")
        # the master pages' text frames (报眉): their story as written
        master = doc.master(page.master)
        for f in (master.frames if master else ()):
            if isinstance(f, TextFrame) and f.story and doc.story(f.story):
                from banmian.core.model.units import mm_to_pt
                from banmian.core.typeset.layout import _fill, _placeholder_values
                values = _placeholder_values(doc, page, pr.index)
                text = " ".join(_fill(b.text, values) for b in doc.story(f.story).blocks)
                out.append(f"#place(top + left, dx: {mm_to_pt(f.x):.2f}pt, dy: {mm_to_pt(f.y):.2f}pt, "
                           f"block(width: {mm_to_pt(f.w):.2f}pt)[#P(\"Banmian Hei\", \"regular\", 9pt, 4pt, 0pt, "
                           f"{_typ_str(text)})])")
        out.append("]")
    return "\n".join(out) + "\n"


def typst_run(typ: str, out: str) -> None:
    import typst
    from banmian.core.typeset.fonts import FONTS_DIR
    typst.compile(typ, output=out, root="/", font_paths=[str(FONTS_DIR)], ignore_system_fonts=True)


# ------------------------------------------------------------------ measuring

def _tree_rss_kib(pid: int) -> int:
    """Summed VmRSS (KiB) of ``pid`` and its descendants now (0 once gone)."""
    total, todo = 0, [pid]
    while todo:
        q = todo.pop()
        try:
            with open(f"/proc/{q}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
            for task in os.listdir(f"/proc/{q}/task"):
                with open(f"/proc/{q}/task/{task}/children") as fh:
                    todo.extend(int(c) for c in fh.read().split())
        except (OSError, ValueError):
            pass
    return total


TREE_PEAK: list[float] = []     # the last _measure's tree peak, MiB
CPU: list[float] = []           # the last _measure's user + system seconds (its reaped children too)


def _measure(cmd: list[str], env: dict | None = None) -> tuple[float, float, int]:
    """(wall seconds, peak RSS MiB, exit code) of one fresh process; its process tree's
    summed peak goes to TREE_PEAK[-1]."""
    import threading
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    peak = [0]
    stop = threading.Event()

    def sample():
        while not stop.wait(0.005):
            peak[0] = max(peak[0], _tree_rss_kib(p.pid))
    th = threading.Thread(target=sample, daemon=True)
    th.start()
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    stop.set()
    th.join()
    TREE_PEAK.append(peak[0] / 1024.0)
    CPU.append(ru.ru_utime + ru.ru_stime)
    p.returncode = os.waitstatus_to_exitcode(status)
    err = p.stderr.read().decode("utf-8", "replace") if p.stderr else ""
    if p.returncode != 0:
        print(f"  ! {' '.join(cmd[:4])} … exited {p.returncode}: {err.strip()[:300]}", file=sys.stderr)
    return wall, ru.ru_maxrss / 1024.0, p.returncode


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("layout", nargs="?", default=str(SAMPLE))
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--no-typst", action="store_true", help="leave the Typst peer out")
    ap.add_argument("--no-platypus", action="store_true", help="leave the platypus baseline and the "
                    "--no-marks row out")
    ap.add_argument("--pages", type=int, default=1, help="export the sample duplicated to this many pages")
    ap.add_argument("--baseline-python", help="python of another checkout's venv (e.g. a clone of main): "
                    "its banmian export runs interleaved too, warm and with an empty cache folder")
    ap.add_argument("--baseline-run", nargs=2, metavar=("LAYOUT", "OUT"), help=argparse.SUPPRESS)
    ap.add_argument("--typst-run", nargs=2, metavar=("TYP", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.baseline_run:
        platypus_baseline(*args.baseline_run)
        return 0
    if args.typst_run:
        typst_run(*args.typst_run)
        return 0

    tmp = Path(tempfile.mkdtemp(prefix="bench-export-"))
    layout = Path(args.layout)
    if args.pages > 1:
        layout = _issue(args.pages, tmp)
    if not layout.exists():
        print(f"{layout} missing: using a generated page", file=sys.stderr)
        layout = _generated_page(tmp)
    py = sys.executable
    warm_home = tmp / "home-warm"
    export = [py, "-m", "banmian.cli", "export", str(layout), "-o", str(tmp / "banmian.pdf"), "--force"]
    SERIAL = "  same, BANMIAN_SERIAL=1 (no forks)"
    commands = {
        "banmian export (PDF/X-4, marks)": export,
        "  same, empty cache folder (first run)": export,
        SERIAL: export,
    }
    TWO = "  same, BANMIAN_WORKERS=2 (two painters)"
    if args.pages >= 4:
        commands[TWO] = export
    if not args.no_platypus:
        commands["banmian export --no-marks --pdfx none"] = [
            py, "-m", "banmian.cli", "export", str(layout), "-o", str(tmp / "banmian-plain.pdf"), "--force",
            "--no-marks", "--pdfx", "none"]
        commands["naive reportlab platypus"] = [py, str(Path(__file__).resolve()), "--baseline-run", str(layout),
                                                str(tmp / "platypus.pdf")]
    if args.baseline_python:
        bexport = [args.baseline_python, "-m", "banmian.cli", "export", str(layout), "-o",
                   str(tmp / "baseline.pdf"), "--force"]
        commands["baseline checkout: banmian export"] = bexport
        commands["  same, empty cache folder (first run) [baseline]"] = bexport
    TYPST = "typst (same frames, text and fonts)"
    if not args.no_typst:
        try:
            import typst  # noqa: F401
        except ImportError:
            print("typst not installed (pip install typst): Typst row left out", file=sys.stderr)
        else:
            typ = tmp / "page.typ"
            typ.write_text(typst_source(layout), encoding="utf-8")
            commands[TYPST] = [py, str(Path(__file__).resolve()), "--typst-run", str(typ), str(tmp / "typst.pdf")]
    n_cold = 0
    # byte-compiled modules as an installed copy has them (PYTHONDONTWRITEBYTECODE would make
    # every run compile Banmian's sources again), kept out of the source tree
    base_env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    base_env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")

    def env_for(name):
        nonlocal n_cold
        if name.startswith("  same, empty cache"):
            n_cold += 1
            return dict(base_env, BANMIAN_HOME=str(tmp / f"home-cold-{n_cold}"))
        if name.startswith("baseline"):
            return dict(base_env, BANMIAN_HOME=str(tmp / "home-warm-baseline"))
        if name == SERIAL:
            return dict(base_env, BANMIAN_HOME=str(warm_home), BANMIAN_SERIAL="1")
        if name.startswith("  same, BANMIAN_WORKERS"):
            return dict(base_env, BANMIAN_HOME=str(warm_home), BANMIAN_WORKERS="2")
        return dict(base_env, BANMIAN_HOME=str(warm_home))

    # one warm-up each: fills the OS file cache and Banmian's cache folder, which is the
    # state on any machine after the first export
    for name, cmd in commands.items():
        _measure(cmd, env_for(name))
    results: dict[str, list[tuple[float, float, float]]] = {k: [] for k in commands}
    for _ in range(max(5, args.runs)):
        for name, cmd in commands.items():
            wall, rss, rc = _measure(cmd, env_for(name))
            if rc == 0:
                results[name].append((wall, rss, TREE_PEAK[-1], CPU[-1]))
    print(f"\nwhole-process export of {layout.relative_to(ROOT) if layout.is_relative_to(ROOT) else layout}, "
          f"{max(5, args.runs)} runs each, interleaved (median, min–max); the machine is shared and busy\n")
    print(f"{'':42} {'wall s':>22} {'peak RSS MiB':>24} {'tree MiB (summed)':>24} {'CPU s (user+sys)':>22}")
    for name, rows in results.items():
        if not rows:
            print(f"{name:42} {'failed':>22}")
            continue
        walls = [r[0] for r in rows]
        rss = [r[1] for r in rows]
        tree = [r[2] for r in rows]
        cpu = [r[3] for r in rows]
        print(f"{name:42} {statistics.median(walls):8.3f} ({min(walls):.3f}–{max(walls):.3f}) "
              f"{statistics.median(rss):9.1f} ({min(rss):.1f}–{max(rss):.1f}) "
              f"{statistics.median(tree):9.1f} ({min(tree):.1f}–{max(tree):.1f}) "
              f"{statistics.median(cpu):8.3f} ({min(cpu):.3f}–{max(cpu):.3f})")
    ours, cold = results["banmian export (PDF/X-4, marks)"], results["  same, empty cache folder (first run)"]
    rounds = min(len(ours), len(cold))
    if rounds:
        r = [cold[i][0] / ours[i][0] for i in range(rounds)]
        print(f"\nfirst run / warm, per round: median {statistics.median(r):.2f}× ({min(r):.2f}–{max(r):.2f}); "
              f"target ≤ 1.5×")
    ser = results.get(SERIAL) or []
    rounds = min(len(ours), len(ser))
    if rounds:
        r = [ser[i][0] / ours[i][0] for i in range(rounds)]
        print(f"serial / forked, per round: median {statistics.median(r):.2f}× ({min(r):.2f}–{max(r):.2f})")
    bw, bc = results.get("baseline checkout: banmian export") or [], \
        results.get("  same, empty cache folder (first run) [baseline]") or []
    rounds = min(len(bw), len(bc))
    if rounds:
        r = [bc[i][0] / bw[i][0] for i in range(rounds)]
        print(f"baseline: first run / warm, per round: median {statistics.median(r):.2f}× ({min(r):.2f}–{max(r):.2f})")
        r = [ours[i][0] / bw[i][0] for i in range(min(len(ours), len(bw)))]
        if r:
            print(f"warm export, this tree / baseline, per round: median {statistics.median(r):.2f}× "
                  f"({min(r):.2f}–{max(r):.2f})")
    peer = results.get(TYPST) or []
    rounds = min(len(ours), len(peer))
    if rounds:
        r = [ours[i][0] / peer[i][0] for i in range(rounds)]
        print(f"banmian export / typst, per round: median {statistics.median(r):.2f}× ({min(r):.2f}–{max(r):.2f}); "
              f"target ≤ 2.0×")
    sizes = {p.name: p.stat().st_size // 1024 for p in tmp.glob("*.pdf")}
    print("\nfile sizes KiB: " + ", ".join(f"{k} {v}" for k, v in sorted(sizes.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
