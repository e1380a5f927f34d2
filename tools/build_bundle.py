#!/usr/bin/env python3
"""Build a one-folder application bundle of Banmian with PyInstaller.

    python tools/build_bundle.py [--out DIR] [--work DIR] [--check]

Needs PyInstaller (``pip install '.[bundle]'``) in the interpreter that runs this
script, plus Banmian's own dependencies.  The result is ``DIR/banmian/`` with the
executable ``banmian`` (``banmian.exe`` on Windows) — the same command as the
installed one: ``banmian export --sample -o x.pdf``, ``banmian`` for the editor —
and everything it needs beside it; copy the folder to another machine of the same
OS and architecture and run it there, no Python needed.

Platform-neutral: pathlib throughout, the only program started is PyInstaller
(``python -m PyInstaller``), and with ``--check`` the bundle itself.  PyInstaller
builds for the OS it runs on: run this on Windows to get the Windows bundle.

How the data get in: the package is staged the way the wheel lays it out
(``banmian/`` = ``desktop/``, with ``fonts/``, ``layouts/``, ``resources/`` as
``banmian/fonts`` …, following pyproject's ``package-dir``), every module of it
is a hidden import (most are imported inside functions) and every data file is
added at its package path, so :mod:`banmian.core.paths` finds them through
``importlib.resources`` in the bundle exactly as in a wheel.

``--check`` runs the bundle from a temporary folder: ``banmian export --sample``
and ``banmian preflight --sample`` must succeed, and the editor must start
offscreen to its first paint (``BANMIAN_EXIT_WHEN_READY``); it prints the
bundle's size.  Timings: bench/bench_bundle.py.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NAME = "banmian"

# pyproject.toml [tool.setuptools] package-dir (read from there when tomllib exists)
PACKAGE_DIR = {"banmian": "desktop", "banmian.fonts": "fonts", "banmian.layouts": "layouts",
               "banmian.resources": "resources"}
SKIP_DIRS = {"__pycache__", "_artifacts"}
SKIP_SUFFIXES = {".pyc", ".pyo", ".ts"}     # .ts: translation sources (the .qm is what Qt loads)

ENTRY = '''\
import sys
from banmian.cli import main
sys.exit(main())
'''


def package_dirs() -> dict[str, str]:
    try:
        import tomllib
    except ImportError:                     # Python 3.10
        return dict(PACKAGE_DIR)
    with open(ROOT / "pyproject.toml", "rb") as f:
        return dict(tomllib.load(f)["tool"]["setuptools"]["package-dir"])


def stage(staging: Path) -> Path:
    """Lay the package out as the wheel does: staging/banmian/... ; return staging."""
    if staging.exists():
        shutil.rmtree(staging)
    for package, folder in sorted(package_dirs().items(), key=lambda kv: kv[0].count(".")):
        src = ROOT / folder
        dest = staging.joinpath(*package.split("."))
        for p in src.rglob("*"):
            rel = p.relative_to(src)
            if any(part in SKIP_DIRS for part in rel.parts) or p.suffix in SKIP_SUFFIXES or not p.is_file():
                continue
            target = dest / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(p, target)
    return staging


def modules_and_data(staging: Path) -> tuple[list[str], list[tuple[Path, str]]]:
    mods, data = [], []
    for p in sorted((staging / NAME).rglob("*")):
        if not p.is_file():
            continue
        rel = p.relative_to(staging)
        if p.suffix == ".py":
            parts = list(rel.with_suffix("").parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            if parts[-1] != "__main__":
                mods.append(".".join(parts))
        else:
            data.append((p, rel.parent.as_posix()))
    return mods, data


def build(out: Path, work: Path) -> Path:
    try:
        import PyInstaller  # noqa: F401  (only to say clearly what is missing)
    except ImportError:
        raise SystemExit("build_bundle: PyInstaller is not installed: pip install '.[bundle]' "
                         "(or pip install pyinstaller)") from None
    work.mkdir(parents=True, exist_ok=True)
    staging = stage(work / "staging")
    mods, data = modules_and_data(staging)
    entry = work / "banmian_entry.py"
    entry.write_text(ENTRY, encoding="utf-8")
    icon = staging / NAME / "gui" / "icons" / "banmian-256.png"
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--onedir", "--console",
           "--name", NAME, "--log-level", "WARN",
           "--distpath", str(out), "--workpath", str(work / "pyinstaller"), "--specpath", str(work),
           "--paths", str(staging),
           # big optional imports of our dependencies that Banmian never uses
           "--exclude-module", "tkinter", "--exclude-module", "matplotlib", "--exclude-module", "IPython",
           "--exclude-module", "pytest", "--exclude-module", "PyInstaller"]
    if icon.is_file():
        cmd += ["--icon", str(icon)]       # Windows/macOS convert it (needs Pillow); Linux ignores it
    for m in mods:
        cmd += ["--hidden-import", m]
    for src, dest in data:
        cmd += ["--add-data", f"{src}{os.pathsep}{dest}"]
    cmd.append(str(entry))
    t0 = time.monotonic()
    print(f"build_bundle: PyInstaller: {len(mods)} modules, {len(data)} data files ...", flush=True)
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    p = subprocess.run(cmd, cwd=str(work), env=env)
    if p.returncode != 0:
        raise SystemExit(f"build_bundle: PyInstaller failed (exit {p.returncode})")
    folder = out / NAME
    print(f"build_bundle: built {folder} in {time.monotonic() - t0:.0f} s", flush=True)
    return folder


def executable(folder: Path) -> Path:
    return folder / (NAME + (".exe" if os.name == "nt" else ""))


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def check(folder: Path) -> None:
    exe = executable(folder)
    if not exe.is_file():
        raise SystemExit(f"build_bundle: {exe} is missing")
    with tempfile.TemporaryDirectory(prefix="banmian-bundle-check-") as tmp:
        tmp = Path(tmp)
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
        env.update(BANMIAN_HOME=str(tmp / "home"), QT_QPA_PLATFORM="offscreen")
        steps = [
            ([exe, "export", "--sample", "-o", "x.pdf"], {}),
            ([exe, "preflight", "--sample"], {}),     # 1: warnings (the sample's empty headline)
            ([exe], {"BANMIAN_EXIT_WHEN_READY": "1"}),
        ]
        for cmd, extra in steps:
            t0 = time.monotonic()
            p = subprocess.run([str(c) for c in cmd], cwd=str(tmp), env=dict(env, **extra),
                               capture_output=True, text=True, timeout=300)
            label = " ".join([exe.name] + [str(c) for c in cmd[1:]]) or exe.name
            if p.returncode != 0 and not (cmd[1:2] == ["preflight"] and p.returncode == 1):
                raise SystemExit(f"build_bundle: check failed: {label}: exit {p.returncode}\n"
                                 f"{p.stdout[-2000:]}\n{p.stderr[-2000:]}")
            print(f"build_bundle: ok  {label} ({time.monotonic() - t0:.1f} s): "
                  f"{(p.stdout.strip().splitlines() or [''])[-1]}", flush=True)
            if cmd == [exe] and "ready" not in p.stdout:
                raise SystemExit("build_bundle: check failed: the editor did not reach its first paint")
        pdf = tmp / "x.pdf"
        if not pdf.is_file() or not pdf.read_bytes().startswith(b"%PDF"):
            raise SystemExit("build_bundle: check failed: no PDF from the bundle")
    print(f"build_bundle: bundle size {folder_size(folder) / 1e6:.0f} MB "
          f"({sum(1 for _ in folder.rglob('*'))} files)", flush=True)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Build Banmian's one-folder PyInstaller bundle.")
    ap.add_argument("--out", type=Path, default=ROOT / "dist" / "bundle", help="where DIR/banmian/ goes")
    ap.add_argument("--work", type=Path, default=ROOT / "build" / "bundle", help="PyInstaller's work folder")
    ap.add_argument("--check", action="store_true", help="then run the bundle: export, preflight, editor")
    ap.add_argument("--check-only", action="store_true", help="only run the checks on an existing bundle")
    a = ap.parse_args(argv)
    folder = a.out / NAME if a.check_only else build(a.out, a.work)
    if a.check or a.check_only:
        check(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
