"""Fuzz the loader, layout, preflight and export with mutated copies of the sample page.

    python bench/fuzz.py [-n 5000] [--seed 1] [--jobs 2] [--timeout 20] [--qpdf-every 10]

Each case mutates the bundled sample layout (values → NaN/±Infinity/huge/negative/wrong
types/deep nesting/lone surrogates/long strings, keys dropped or added, ``next`` chains
rewired, stories and masters renamed) and runs, in a fresh subprocess with a time limit,
``loads`` → ``layout_document`` → ``preflight`` → ``export_pdf`` (one page) → ``qpdf --check``.
Outcomes, counted and printed at the end:

  refused    the loader refused it, one well-formed ``file: path: expected …, found …`` line each
  exported   accepted, laid out, preflighted and exported (qpdf checked on every Nth)
  preflight  accepted and laid out; preflight found errors, so the export was refused (as the CLI)
  traceback  any exception other than a clean refusal (a bug)
  badline    refused, but a line is not in the one-line form (a bug)
  hang       over the time limit (a bug)
  qpdf       the PDF fails ``qpdf --check`` (a bug)
  nonfinite  a NaN/Infinity reached the document model (a bug)

The mutators are shared with tests/core/test_hostile_fuzz.py (the CI profile, in-process).
Not a benchmark: the case counts are the result. The machine may be busy; times are rough.
"""
from __future__ import annotations

import argparse
import copy
import json
import math
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

LINE = re.compile(r"^[^\n]+?: [^\n]+: expected .+, found .+$|^[^\n]+?: line \d+[^\n]*: .+$")
DEEP = "@@DEEP@@"
HUGE_INT = "@@HUGEINT@@"

# ------------------------------------------------------------------ mutators

WEIRD_VALUES = [
    float("nan"), float("inf"), float("-inf"), 1e300, -1e300, 1e9, -1e9, 10 ** 7, -1, 0, 0.0, -0.0001,
    1e-300, 2 ** 63, HUGE_INT, "", "x", "\ud800", "名\udfff字", "五号", "1e999", True, False, None,
    [], {}, [1, 2], {"a": 1}, DEEP,
]


def long_string(rng: random.Random) -> str:
    return rng.choice(["字", "a", "\u3000", "——", "（", "\n"]) * rng.choice([300, 5_000, 200_000, 3_000_000])


def nodes(data, path=()):
    """Every (container, key, path) under data."""
    out = []
    if isinstance(data, dict):
        for k, v in data.items():
            out.append((data, k, path + (k,)))
            out.extend(nodes(v, path + (k,)))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out.append((data, i, path + (i,)))
            out.extend(nodes(v, path + (i,)))
    return out


def text_frames(data):
    out = []
    for pg in data.get("pages", []) if isinstance(data.get("pages"), list) else []:
        if isinstance(pg, dict) and isinstance(pg.get("frames"), list):
            out += [f for f in pg["frames"] if isinstance(f, dict) and f.get("kind", "text") == "text"]
    return out


def mutate_once(data, rng: random.Random, op: str | None = None) -> str:
    """Apply one mutation to ``data`` in place; returns a short description."""
    op = op or rng.choice(["value", "value", "value", "long", "drop", "add", "next", "next", "swap_ids",
                           "pages", "columns", "geometry", "master", "story_twice"])
    all_nodes = nodes(data)
    if op == "value" and all_nodes:
        c, k, p = rng.choice(all_nodes)
        c[k] = rng.choice(WEIRD_VALUES)
        return f"value {p}"
    if op == "long" and all_nodes:
        c, k, p = rng.choice(all_nodes)
        c[k] = long_string(rng)
        return f"long {p}"
    if op == "drop":
        dicts = [(c, k, p) for c, k, p in all_nodes if isinstance(c, dict)]
        if dicts:
            c, k, p = rng.choice(dicts)
            c.pop(k, None)
            return f"drop {p}"
    if op == "add":
        dicts = [d for d in [data] + [c[k] for c, k, _ in all_nodes] if isinstance(d, dict)]
        d = rng.choice(dicts)
        d[rng.choice(["colour", "extra", "\ud800", "x" * 5000, "next", "story", "master", "kind"])] = \
            rng.choice(WEIRD_VALUES[:12] + ["a1", "p1", "A"])
        return "add key"
    tf = text_frames(data)
    if op == "next" and tf:
        f = rng.choice(tf)
        ids = [g.get("id") for g in tf] + ["nowhere", None]
        f["next"] = rng.choice(ids)
        return "next rewired"
    if op == "swap_ids" and tf:
        a, b = rng.choice(tf), rng.choice(tf)
        a["id"], b["id"] = b.get("id"), a.get("id")
        return "ids swapped"
    if op == "pages" and isinstance(data.get("pages"), list) and data["pages"]:
        n = rng.choice([0, 2, 40, 1001, 2000])
        base = data["pages"][0]
        data["pages"] = [dict(copy.deepcopy(base), id=f"p{i}", frames=[] if i else base.get("frames", []))
                         for i in range(n)]      # copies: a later mutation hits one page, not all
        return f"{n} pages"
    if op == "columns" and tf:
        rng.choice(tf)["columns"] = rng.choice([0, 64, 65, 10 ** 6, 10 ** 7, 1e9, -3, 2.5])
        return "columns"
    if op == "geometry" and tf:
        f = rng.choice(tf + [g for pg in data.get("pages", []) if isinstance(pg, dict)
                             for g in (pg.get("frames") or []) if isinstance(g, dict)])
        f[rng.choice(["x", "y", "w", "h", "inset", "gutter"])] = rng.choice(
            [0, 0.01, -5, 1e300, 9999, 10001, -10001, float("nan"), 1e-9])
        return "geometry"
    if op == "master" and isinstance(data.get("pages"), list) and data["pages"]:
        pg = rng.choice(data["pages"])
        if isinstance(pg, dict):
            pg["master"] = rng.choice(["A", "B", "", None, {"n": 1}, "\ud800"])
        return "master"
    if op == "story_twice" and len(tf) > 1:
        a, b = rng.sample(tf, 2)
        b["story"] = a.get("story")
        return "story twice"
    return "noop"


def to_text(data) -> str:
    s = json.dumps(data, ensure_ascii=True)          # NaN/Infinity literals, \ud800 escapes
    s = s.replace(json.dumps(DEEP), "[" * 5000 + "]" * 5000)
    s = s.replace(json.dumps(HUGE_INT), "1" + "0" * 400)
    return s


def make_case(seed: int) -> str:
    rng = random.Random(seed)
    data = json.loads(sample_path().read_text("utf-8"))
    for _ in range(rng.choice([1, 1, 2, 3])):
        mutate_once(data, rng)
    return to_text(data)


def sample_path() -> Path:
    return ROOT / "layouts" / "samples" / "zhuxi-luntan.json"


# ------------------------------------------------------------------ one case

def nonfinite_in(doc) -> bool:
    from dataclasses import fields, is_dataclass

    def walk(o):
        if isinstance(o, float):
            return not math.isfinite(o)
        if is_dataclass(o):
            return any(walk(getattr(o, f.name)) for f in fields(o))
        if isinstance(o, (list, tuple)):
            return any(walk(x) for x in o)
        if isinstance(o, dict):
            return any(walk(x) for x in o.values())
        return False
    return walk(doc)


def run_case(text: str, workdir: Path, *, export: bool = True, qpdf: bool = False) -> str:
    """Outcome of one mutated layout, in-process. ``workdir`` holds the sample's images/."""
    from banmian.core.io import LayoutFileError, load_document
    case = workdir / "case.json"          # through the file, as the CLI and the editor read it
    case.write_text(text, "utf-8", errors="surrogatepass")
    try:
        doc = load_document(case)
    except LayoutFileError as e:
        lines = str(e).splitlines()
        return "refused" if lines and all(LINE.match(x) for x in lines) else "badline"
    if nonfinite_in(doc):
        return "nonfinite"
    from banmian.core.preflight import has_errors, preflight
    from banmian.core.typeset.layout import layout_document
    result = layout_document(doc, None, base_dir=workdir)
    findings = preflight(doc, result, base_dir=workdir)
    if has_errors(findings) or not export:
        return "preflight" if has_errors(findings) else "laid_out"
    from banmian.render.pdf import export_pdf
    out = workdir / "out.pdf"
    export_pdf(doc, result, out, base_dir=workdir, pages="1" if result.pages else None, source_name="case.json")
    if qpdf and shutil.which("qpdf"):
        r = subprocess.run(["qpdf", "--check", str(out)], capture_output=True, text=True, timeout=60)
        if r.returncode not in (0, 3):      # 3: warnings only
            return "qpdf"
    return "exported"


def prepare_workdir(d: Path) -> Path:
    (d / "images").mkdir(parents=True, exist_ok=True)
    src = sample_path().parent / "images"
    for f in src.iterdir():
        if f.is_file():
            shutil.copyfile(f, d / "images" / f.name)
    return d


def _child(argv) -> int:
    """python bench/fuzz.py --child SEED WORKDIR QPDF: one case, its outcome on stdout."""
    seed, workdir, qpdf = int(argv[0]), Path(argv[1]), argv[2] == "1"
    sys.setrecursionlimit(10_000)
    try:
        print(run_case(make_case(seed), workdir, qpdf=qpdf))
    except BaseException as e:  # noqa: BLE001 — this is what we count
        import traceback
        print("traceback")
        traceback.print_exc(file=sys.stderr)
        print(f"seed {seed}: {type(e).__name__}: {str(e)[:200]}", file=sys.stderr)
    return 0


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--child":
        return _child(argv[1:])
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=20.0)
    ap.add_argument("--qpdf-every", type=int, default=10, help="qpdf --check every Nth exported case")
    ap.add_argument("--show", type=int, default=5, help="print the first N failing seeds per outcome")
    a = ap.parse_args(argv)
    home = Path(tempfile.mkdtemp(prefix="banmian-fuzz-"))
    env = dict(os.environ, BANMIAN_HOME=str(home / "home"), QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    counts: Counter = Counter()
    bad: dict[str, list] = {}
    t0 = time.time()
    running: list = []
    seeds = list(range(a.seed, a.seed + a.n))
    workdirs = [prepare_workdir(home / f"w{j}") for j in range(a.jobs)]
    free = list(range(a.jobs))
    done = 0
    try:
        while seeds or running:
            while seeds and free:
                s = seeds.pop(0)
                j = free.pop()
                q = "1" if (s % a.qpdf_every == 0) else "0"
                p = subprocess.Popen([sys.executable, __file__, "--child", str(s), str(workdirs[j]), q],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
                running.append((p, s, j, time.time()))
            time.sleep(0.02)
            for item in list(running):
                p, s, j, started = item
                if p.poll() is None and time.time() - started < a.timeout:
                    continue
                if p.poll() is None:
                    p.kill()
                    p.communicate()
                    outcome, err = "hang", ""
                else:
                    out, err = p.communicate()
                    outcome = (out.strip().splitlines() or ["traceback"])[-1]
                counts[outcome] += 1
                if outcome in ("traceback", "badline", "hang", "qpdf", "nonfinite"):
                    bad.setdefault(outcome, []).append((s, err.strip().splitlines()[-1:] if err else []))
                running.remove(item)
                free.append(j)
                done += 1
                if done % 250 == 0:
                    print(f"  {done}/{a.n} cases, {time.time() - t0:.0f} s: {dict(counts)}", flush=True)
    finally:
        for p, *_ in running:
            p.kill()
        shutil.rmtree(home, ignore_errors=True)
    print(f"{a.n} mutated layouts in {time.time() - t0:.0f} s (seeds {a.seed}–{a.seed + a.n - 1}, "
          f"{a.jobs} jobs, {a.timeout:g} s limit; machine shared, times rough):")
    for k in ("refused", "preflight", "exported", "traceback", "badline", "hang", "qpdf", "nonfinite"):
        print(f"  {k:<10} {counts.get(k, 0)}")
    for k, v in counts.items():
        if k not in ("refused", "preflight", "exported", "traceback", "badline", "hang", "qpdf", "nonfinite"):
            print(f"  {k:<10} {v}")
    for k, lst in bad.items():
        for s, last in lst[: a.show]:
            print(f"  {k}: seed {s} {' '.join(last)}")
    return 1 if any(counts.get(k) for k in ("traceback", "badline", "hang", "qpdf", "nonfinite")) else 0


if __name__ == "__main__":
    sys.exit(main())
