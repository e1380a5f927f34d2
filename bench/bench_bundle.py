"""The PyInstaller bundle against the installed program: start-up and export, interleaved.

    python tools/build_bundle.py --out /tmp/b --work /tmp/bw
    python bench/bench_bundle.py --bundle /tmp/b/banmian [-n 5]

Per round, in turn: the editor started offscreen to its first paint (the
"ready <s>" it prints, counted from process start via BANMIAN_T0) and a whole
`banmian export --sample -o x.pdf` (wall clock), once through this interpreter's
`python -m banmian` (the baseline) and once through the bundle's executable.
One warm-up run of each first (file cache, font-metrics cache in a shared
BANMIAN_HOME).  Medians and min–max of N rounds.  The machine may be shared:
read the spread, not only the median.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def ready(cmd, env, cwd) -> float:
    t0 = time.time()
    p = subprocess.run(cmd, env=dict(env, BANMIAN_EXIT_WHEN_READY="1", BANMIAN_T0=repr(t0)), cwd=cwd,
                       capture_output=True, text=True, timeout=120)
    for line in p.stdout.splitlines():
        if line.startswith("ready "):
            return float(line.split()[1])
    raise SystemExit(f"{cmd}: no ready line (exit {p.returncode}):\n{p.stdout}\n{p.stderr}")


def export(cmd, env, cwd) -> float:
    t0 = time.perf_counter()
    p = subprocess.run(cmd + ["export", "--sample", "-o", "x.pdf"], env=env, cwd=cwd,
                       capture_output=True, text=True, timeout=120)
    dt = time.perf_counter() - t0
    if p.returncode != 0:
        raise SystemExit(f"{cmd} export: exit {p.returncode}\n{p.stderr}")
    return dt


def fmt(xs):
    return f"{statistics.median(xs):.2f} s (min {min(xs):.2f}, max {max(xs):.2f})"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bundle", type=Path, required=True, help="the bundle folder (…/banmian)")
    ap.add_argument("-n", type=int, default=5)
    a = ap.parse_args()
    exe = a.bundle / ("banmian.exe" if os.name == "nt" else "banmian")
    kinds = {"installed (python -m banmian)": [sys.executable, "-m", "banmian"], "bundle": [str(exe)]}
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BANMIAN_HOME=str(Path(tmp) / "home"))
        env.pop("PYTHONPATH", None)
        for cmd in kinds.values():              # warm-up
            ready(cmd, env, tmp)
            export(cmd, env, tmp)
        res = {k: {"ready": [], "export": []} for k in kinds}
        for _ in range(a.n):
            for k, cmd in kinds.items():
                res[k]["ready"].append(ready(cmd, env, tmp))
                res[k]["export"].append(export(cmd, env, tmp))
    size = sum(p.stat().st_size for p in a.bundle.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"bundle {a.bundle}: {size / 1e6:.0f} MB; {a.n} rounds, interleaved")
    for k, r in res.items():
        print(f"  {k:32s} editor to first paint {fmt(r['ready'])}; export --sample {fmt(r['export'])}")


if __name__ == "__main__":
    main()
