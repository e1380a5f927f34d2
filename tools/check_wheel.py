#!/usr/bin/env python3
"""Prove the wheel works anywhere: build it, install it into a fresh virtualenv
outside the clone, and run Banmian from a temporary folder.

    python3 tools/check_wheel.py [--keep] [--work DIR]

Steps (each must succeed; the first failure ends the run with exit code 1):

1. copy the tracked files of the clone into a temporary folder and build the
   wheel there (``pip wheel --no-deps``), so nothing is written into the clone;
2. the wheel holds only ``banmian/`` and its ``.dist-info`` — no top-level
   ``desktop`` package, no stray data folders;
3. a plain ``python -m venv`` (no system site-packages) gets the wheel, its
   dependencies installed by pip (from the pip cache / index);
4. from a temporary folder, with ``BANMIAN_HOME`` pointing into it:
   ``import banmian`` works and comes from the venv, ``import desktop`` fails;
   ``banmian export --sample -o x.pdf``; ``banmian preflight --sample``; the
   templates are listed by name; the editor starts offscreen and quits after
   its first paint (``BANMIAN_EXIT_WHEN_READY``); ``banmian install-desktop``
   writes a menu entry that starts the venv's ``banmian``;
5. the venv's ``site-packages`` holds nothing at the top level from the wheel
   but ``banmian`` and its dist-info, and nothing was written inside the
   installed package while it ran;
6. the PDF equals the one this interpreter's (editable) install makes: the same
   page content streams operator by operator (so the same glyphs at the same
   positions), the same images, and the same ``pdftotext -bbox`` words — except
   the slug line's time stamp (to the minute) and the random subset-font tags.

The wheel's size is printed (and stated in the README).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


class CheckFailed(Exception):
    pass


def say(msg: str) -> None:
    print(f"check_wheel: {msg}", flush=True)


def run(cmd, *, cwd, env, timeout=600, expect=0, what=None) -> subprocess.CompletedProcess:
    t0 = time.monotonic()
    p = subprocess.run([str(c) for c in cmd], cwd=str(cwd), env=env, timeout=timeout,
                       capture_output=True, text=True)
    dt = time.monotonic() - t0
    label = what or " ".join(str(c) for c in cmd[:4])
    if expect is not None and p.returncode != expect:
        raise CheckFailed(f"{label}: exit {p.returncode} (expected {expect})\n"
                          f"--- stdout\n{p.stdout[-3000:]}\n--- stderr\n{p.stderr[-3000:]}")
    say(f"ok  {label}  ({dt:.1f} s)")
    return p


def clean_env(home: Path) -> dict:
    """The environment of a user who has never seen the clone."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP", "PYTHONSAFEPATH")}
    env["BANMIAN_HOME"] = str(home)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def venv_bin(venv: Path) -> Path:
    return venv / ("Scripts" if os.name == "nt" else "bin")


def venv_python(venv: Path) -> Path:
    return venv_bin(venv) / ("python.exe" if os.name == "nt" else "python")


# ------------------------------------------------------------------ the wheel

def tracked_files(root: Path) -> list[Path]:
    if (root / ".git").exists():
        p = subprocess.run(["git", "-C", str(root), "ls-files", "-z"], capture_output=True, check=True)
        return [Path(n) for n in p.stdout.decode("utf-8").split("\0") if n]
    skip = {".git", ".venv", "build", "dist", "__pycache__"}
    out = []
    for p in root.rglob("*"):
        rel = p.relative_to(root)
        if p.is_file() and not any(part in skip or part.endswith(".egg-info") for part in rel.parts):
            out.append(rel)
    return out


def build_wheel(work: Path, env: dict) -> Path:
    src = work / "src"
    for rel in tracked_files(ROOT):
        if (ROOT / rel).is_file():     # deleted in the work tree but still in the index: skip
            (src / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / rel, src / rel)
    dist = work / "dist"
    run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", dist, src], cwd=work, env=env,
        what="pip wheel --no-deps")
    wheels = sorted(dist.glob("banmian-*.whl"))
    if len(wheels) != 1:
        raise CheckFailed(f"expected one banmian wheel in {dist}, found {[w.name for w in wheels]}")
    return wheels[0]


def check_wheel_contents(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as z:
        names = z.namelist()
    tops = {n.split("/", 1)[0] for n in names}
    dist_info = {t for t in tops if t.endswith(".dist-info")}
    if tops - dist_info != {"banmian"} or len(dist_info) != 1:
        raise CheckFailed(f"{wheel.name}: top level is {sorted(tops)}, expected only banmian/ and its dist-info")
    need = ["banmian/fonts/BanmianSong-Regular.ttf", "banmian/fonts/LICENSE-NotoCJK-OFL.txt",
            "banmian/resources/icc/ISOcoated_v2_300_bas.icc", "banmian/layouts/templates/duikai.json",
            "banmian/layouts/samples/zhuxi-luntan.json", "banmian/layouts/samples/images/hubble_deep_field.jpg",
            "banmian/gui/i18n/banmian_zh_CN.qm", "banmian/__main__.py", "banmian/gui/icons/banmian.svg",
            "banmian/gui/icons/banmian-256.png", "banmian/gui/desktop/banmian.desktop",
            "banmian/gui/desktop/banmian-mime.xml"]
    # every module of the source tree is in the wheel (a new subpackage missing from
    # pyproject's `packages` list would otherwise only fail on the user's machine)
    need += ["banmian/" + rel.relative_to("desktop").as_posix() for rel in tracked_files(ROOT)
             if rel.parts[0] == "desktop" and rel.suffix == ".py"]
    missing = [n for n in need if n not in names]
    if missing:
        raise CheckFailed(f"{wheel.name}: missing {missing}")
    say(f"ok  wheel holds only banmian/ + {next(iter(dist_info))}; {len(names)} files")


def site_packages(py: Path, env, cwd) -> Path:
    p = run([py, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], cwd=cwd, env=env,
            what="venv purelib")
    return Path(p.stdout.strip())


def installed_record_tops(site: Path) -> set[str]:
    """Top-level names under site-packages that the installed wheel's RECORD lists."""
    infos = list(site.glob("banmian-*.dist-info"))
    if len(infos) != 1:
        raise CheckFailed(f"{site}: expected one banmian dist-info, found {infos}")
    tops = set()
    for line in (infos[0] / "RECORD").read_text(encoding="utf-8").splitlines():
        path = line.rsplit(",", 2)[0]
        if path and not path.startswith(".."):      # ../../../bin/banmian: the scripts
            tops.add(path.split("/", 1)[0])
    return tops


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts}


# ------------------------------------------------------------------ comparing PDFs

_STAMP = re.compile(r"^(\d{4}-\d\d-\d\d|\d\d:\d\d)$")


def _resource_names(page) -> dict[str, str]:
    """Resource name → what it is: an image by its bytes' hash (images are named after
    their path, which differs between installs), a font by its name without the
    random subset tag (ABCDEF+)."""
    import hashlib
    res = page.obj.get("/Resources", {})
    names = {}
    for name, xo in res.get("/XObject", {}).items():
        names[str(name)] = "image:" + hashlib.sha256(xo.read_raw_bytes()).hexdigest()
    for name, font in res.get("/Font", {}).items():
        # the resource name stays: each 256-glyph subset of a face (/F3+0, /F3+1) has its own codes
        names[str(name)] = f"font:{name}=" + re.sub(r"^/?[A-Z]{6}\+", "", str(font.get("/BaseFont", "")))
    return names


def _content_ops(pdf) -> list[list]:
    """Per page: the content stream as (operator, operands), resources named by what
    they are (:func:`_resource_names`), text outside the BleedBox (the slug line,
    which carries a time stamp) reduced to its length."""
    import pikepdf
    pages = []
    for page in pdf.pages:
        box = [float(v) for v in (page.obj.get("/BleedBox") or page.obj.get("/TrimBox") or page.mediabox)]
        names = _resource_names(page)
        ops, tm = [], (0.0, 0.0)
        for operands, op in pikepdf.parse_content_stream(page):
            op = str(op)
            vals = []
            for v in operands:
                if isinstance(v, pikepdf.Name):
                    vals.append(names.get(str(v), str(v)))
                elif isinstance(v, pikepdf.String):
                    vals.append(bytes(v))
                elif isinstance(v, pikepdf.Array):
                    vals.append(tuple(bytes(x) if isinstance(x, pikepdf.String) else float(x) for x in v))
                else:
                    try:
                        vals.append(round(float(v), 4))
                    except (TypeError, ValueError):
                        vals.append(repr(v))
            if op == "Tm" and len(vals) == 6:
                tm = (vals[4], vals[5])
            if op in ("Tj", "TJ", "'", '"'):
                outside = not (box[0] <= tm[0] <= box[2] and box[1] <= tm[1] <= box[3])
                if outside:
                    vals = [len(v) if isinstance(v, (bytes, tuple)) else v for v in vals]
            ops.append((op, vals))
        pages.append(ops)
    return pages


def _images(pdf) -> list[list[str]]:
    return [sorted(v for v in _resource_names(page).values() if v.startswith("image:")) for page in pdf.pages]


def _bbox_words(path: Path) -> list[str]:
    p = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True)
    words = []
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>',
                         p.stdout):
        text = m.group(5)
        words.append(" ".join(m.group(i) for i in range(1, 5)) + " " + ("<stamp>" if _STAMP.match(text) else text))
    return words


def compare_pdfs(a: Path, b: Path) -> list[str]:
    """Differences between two exports of the same page ([] when they are the same)."""
    import pikepdf
    problems = []
    with pikepdf.open(a) as pa, pikepdf.open(b) as pb:
        if len(pa.pages) != len(pb.pages):
            return [f"{len(pa.pages)} pages vs {len(pb.pages)}"]
        for i, (x, y) in enumerate(zip(pa.pages, pb.pages)):
            for key in ("/MediaBox", "/TrimBox", "/BleedBox"):
                if [float(v) for v in x.obj.get(key, [])] != [float(v) for v in y.obj.get(key, [])]:
                    problems.append(f"page {i + 1}: {key} differs")
        for i, (ox, oy) in enumerate(zip(_content_ops(pa), _content_ops(pb))):
            if len(ox) != len(oy):
                problems.append(f"page {i + 1}: {len(ox)} content operators vs {len(oy)}")
            for n, (u, v) in enumerate(zip(ox, oy)):
                if u != v:
                    problems.append(f"page {i + 1}: content operator {n}: {u!r:.120} vs {v!r:.120}")
                    break
        if _images(pa) != _images(pb):
            problems.append("the image XObjects differ")
    if shutil.which("pdftotext"):
        wa, wb = _bbox_words(a), _bbox_words(b)
        if wa != wb:
            diff = next((f"{u} | {v}" for u, v in zip(wa, wb) if u != v), f"{len(wa)} vs {len(wb)} words")
            problems.append(f"pdftotext -bbox differs: {diff}")
        elif not wa:
            problems.append("pdftotext found no words")
    else:
        problems.append("pdftotext is not installed (poppler-utils): cannot compare the text")
    return problems


# ------------------------------------------------------------------ the run

def check(work: Path) -> dict:
    home = work / "home"
    env = clean_env(home)
    figures = {}
    t_all = time.monotonic()
    wheel = build_wheel(work, env)
    figures["wheel_bytes"] = wheel.stat().st_size
    say(f"wheel {wheel.name}: {wheel.stat().st_size / 1e6:.1f} MB")
    check_wheel_contents(wheel)

    venv = work / "venv"
    run([sys.executable, "-m", "venv", venv], cwd=work, env=env, what="python -m venv (plain)")
    py = venv_python(venv)
    run([py, "-m", "pip", "install", "-q", wheel], cwd=work, env=env, timeout=1200, what="pip install wheel")
    site = site_packages(py, env, work)
    tops = installed_record_tops(site)
    if tops - {"banmian"} != {next(iter(site.glob("banmian-*.dist-info"))).name}:
        raise CheckFailed(f"the wheel installed {sorted(tops)} at the top of site-packages")
    say(f"ok  installed at the top of site-packages: {sorted(tops)}")
    before = snapshot(site / "banmian")

    here = work / "elsewhere"     # a folder that has nothing to do with the clone
    here.mkdir()
    p = run([py, "-c", "import banmian, banmian.core.paths as p; print(banmian.__file__); print(p.fonts_dir())"],
            cwd=here, env=env, what="import banmian")
    for line in p.stdout.split():
        if not Path(line).resolve().is_relative_to(site.resolve()):
            raise CheckFailed(f"banmian came from {line}, not from the venv's {site}")
    p = run([py, "-c", "import desktop"], cwd=here, env=env, expect=None, what="import desktop")
    if p.returncode == 0 or "ModuleNotFoundError" not in p.stderr:
        raise CheckFailed(f"`import desktop` should fail in the venv (exit {p.returncode}): {p.stderr[-500:]}")
    say("ok  import desktop fails: ModuleNotFoundError")

    exe = venv_bin(venv) / ("banmian.exe" if os.name == "nt" else "banmian")
    p = run([exe, "export", "--sample", "-o", "x.pdf"], cwd=here, env=env, what="banmian export --sample")
    if not (here / "x.pdf").is_file():
        raise CheckFailed("banmian export --sample wrote no x.pdf")
    say(f"    {p.stdout.strip()}")
    # exit 1: warnings, no errors — the sample keeps article 2's empty headline and the template's
    # 报眉 placeholders for the editor to fill in (preflight says so); errors would be exit 2
    p = run([exe, "preflight", "--sample"], cwd=here, env=env, expect=1, what="banmian preflight --sample")
    say(f"    {p.stdout.strip().splitlines()[-1]}")
    p = run([py, "-m", "banmian", "preflight", "--sample", "--json"], cwd=here, env=env, expect=1,
            what="python -m banmian preflight --sample --json")
    found = json.loads(p.stdout)
    items = found.get("findings", found) if isinstance(found, dict) else found
    errors = [f for f in items if isinstance(f, dict) and f.get("severity") == "error"]
    if errors:
        raise CheckFailed(f"banmian preflight --sample: errors {errors[:3]}")
    p = run([py, "-c", "from banmian.core.templates import list_templates as L; "
                       "print('|'.join(f'{t.name}:{t.bundled}' for t in L()))"],
            cwd=here, env=env, what="list_templates")
    if p.stdout.strip() != "对开 8 栏:True|四开 6 栏:True":
        raise CheckFailed(f"templates listed as {p.stdout.strip()!r}")
    genv = dict(env, BANMIAN_EXIT_WHEN_READY="1")
    p = run([exe], cwd=here, env=genv, timeout=180, what="banmian (editor, offscreen, to first paint)")
    ready = re.search(r"ready ([\d.]+) s", p.stdout)
    if not ready:
        raise CheckFailed(f"the editor quit without reaching its first paint: {p.stdout[-500:]} {p.stderr[-500:]}")
    figures["editor_ready_s"] = float(ready.group(1))
    say(f"    editor first paint after {ready.group(1)} s")

    if os.name != "nt" and sys.platform != "darwin":
        share = work / "share"
        run([exe, "install-desktop", "--prefix", share], cwd=here, env=env, what="banmian install-desktop")
        entry = (share / "applications" / "banmian.desktop").read_text(encoding="utf-8")
        if f"Exec={exe} %f" not in entry.splitlines():
            raise CheckFailed(f"the installed .desktop entry does not start the venv's banmian:\n{entry}")

    after = snapshot(site / "banmian")
    if after != before:
        changed = sorted(set(after.items()) ^ set(before.items()))[:5]
        raise CheckFailed(f"files inside the installed package changed while it ran: {changed}")
    say("ok  nothing written inside the installed package")
    stray = [p for p in here.iterdir() if p.name != "x.pdf"]
    if stray:
        raise CheckFailed(f"the commands left {stray} in the working folder")

    # the reference: the same export from this interpreter's (editable) install
    ref_dir = work / "reference"
    ref_dir.mkdir()
    p = run([sys.executable, "-c", "import banmian; print(banmian.__file__)"], cwd=ref_dir, env=env,
            what="import banmian (editable reference)")
    say(f"    reference banmian: {p.stdout.strip()}")
    run([sys.executable, "-m", "banmian", "export", "--sample", "-o", "x.pdf"], cwd=ref_dir, env=env,
        what="reference export --sample")
    problems = compare_pdfs(here / "x.pdf", ref_dir / "x.pdf")
    if problems:
        raise CheckFailed("the wheel's PDF differs from the editable install's:\n  " + "\n  ".join(problems))
    say("ok  the wheel's PDF = the editable install's (content streams, images, pdftotext -bbox words)")
    figures["total_s"] = time.monotonic() - t_all
    return figures


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--keep", action="store_true", help="keep the work folder (printed at the end)")
    ap.add_argument("--work", type=Path, help="work folder (default: a new temporary folder)")
    a = ap.parse_args(argv)
    work = Path(a.work) if a.work else Path(tempfile.mkdtemp(prefix="banmian-wheel-"))
    work.mkdir(parents=True, exist_ok=True)
    if work.resolve().is_relative_to(ROOT):
        print(f"check_wheel: the work folder {work} must be outside the clone", file=sys.stderr)
        return 2
    try:
        figures = check(work)
    except CheckFailed as e:
        print(f"check_wheel: FAILED: {e}", file=sys.stderr)
        return 1
    except subprocess.TimeoutExpired as e:
        print(f"check_wheel: FAILED: timed out: {e.cmd}", file=sys.stderr)
        return 1
    finally:
        if a.keep:
            say(f"work folder kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    say(f"passed: wheel {figures['wheel_bytes'] / 1e6:.1f} MB, editor ready {figures['editor_ready_s']:.2f} s, "
        f"{figures['total_s']:.0f} s in all")
    return 0


if __name__ == "__main__":
    sys.exit(main())
