"""Export time of this tree against another commit's, interleaved in one run.

    python bench/bench_export_against.py COMMIT [LAYOUT.json] [--runs 9]

``git archive COMMIT`` is unpacked into a temporary folder and given the same
``banmian`` import mapping pyproject.toml makes (``banmian`` -> desktop/,
``banmian.fonts``/``layouts``/``resources`` -> the data folders) through a
folder of symlinks on PYTHONPATH; nothing is installed.  Each run is a fresh
``python -m banmian.cli export`` process (PDF/X-4, marks, --force); the two
trees alternate so machine drift hits both; medians with min–max.  Each tree
has its own BANMIAN_HOME, warmed by one export first (font metrics and photo
caches filled, as on any machine after the first export).

Not a test: it asserts nothing; the figures go into the notes.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "layouts" / "samples" / "zhuxi-luntan.json"


def _unpack(commit: str, into: Path) -> Path:
    tree = into / "tree"
    tree.mkdir()
    tar = into / "tree.tar"
    with open(tar, "wb") as f:
        subprocess.run(["git", "-C", str(ROOT), "archive", commit], stdout=f, check=True)
    with tarfile.open(tar) as t:
        t.extractall(tree, filter="data")
    shim = into / "shim" / "banmian"
    shim.mkdir(parents=True)
    for entry in (tree / "desktop").iterdir():
        (shim / entry.name).symlink_to(entry)
    for data in ("fonts", "layouts", "resources"):
        (shim / data).symlink_to(tree / data)
    return into / "shim"


def _measure(cmd, env) -> tuple[float, int]:
    t0 = time.perf_counter()
    p = subprocess.run(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        print(f"  ! exited {p.returncode}: {p.stderr.decode('utf-8', 'replace').strip()[:300]}", file=sys.stderr)
    return wall, p.returncode


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("commit")
    ap.add_argument("layout", nargs="?", default=str(SAMPLE))
    ap.add_argument("--runs", type=int, default=9)
    args = ap.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="bench-against-"))
    shim = _unpack(args.commit, tmp)
    layout = str(Path(args.layout).resolve())
    base_env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    trees = {
        f"{args.commit[:10]}": dict(base_env, PYTHONPATH=str(shim), BANMIAN_HOME=str(tmp / "home-base")),
        "this tree": dict(base_env, BANMIAN_HOME=str(tmp / "home-this")),
    }
    cmds = {name: [sys.executable, "-m", "banmian.cli", "export", layout, "-o", str(tmp / f"{i}.pdf"), "--force"]
            for i, name in enumerate(trees)}
    check = subprocess.run([sys.executable, "-c", "import banmian, sys; print(banmian.__file__)"],
                           env=trees[args.commit[:10]], capture_output=True, text=True)
    print(f"baseline imports {check.stdout.strip()}")
    for name in trees:                      # warm-up
        _measure(cmds[name], trees[name])
    walls: dict[str, list[float]] = {k: [] for k in trees}
    for _ in range(args.runs):
        for name in trees:
            w, rc = _measure(cmds[name], trees[name])
            if rc == 0:
                walls[name].append(w)
    print(f"\nbanmian export (PDF/X-4, marks) of {Path(layout).name}, {args.runs} runs each, interleaved "
          "(median, min–max; shared busy machine)\n")
    for name, ws in walls.items():
        if ws:
            print(f"{name:14} {statistics.median(ws):7.3f} s ({min(ws):.3f}–{max(ws):.3f})")
    a, b = (statistics.median(walls[k]) for k in trees)
    print(f"\nchange: {100 * (b - a) / a:+.1f} %")
    return 0


if __name__ == "__main__":
    sys.exit(main())
