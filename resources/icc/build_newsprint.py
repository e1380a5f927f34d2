#!/usr/bin/env python3
"""Rebuild the bundled newsprint (coldset) output profiles from characterization data.

    python resources/icc/build_newsprint.py           # both profiles (~1 min each)
    python resources/icc/build_newsprint.py 240       # only one (SOURCES-newsprint.json keeps the other)

Recipe (run on demand; the built profiles are committed, so nobody needs these
packages to use Banmian):

    apt-get install argyll icc-profiles-free

Input: ``/usr/share/color/icc/TR002.ti3`` from Debian's ``icc-profiles-free`` —
ANSI CGATS/SNAP TR 002-2007, "Color Characterization Data for Coldset Printing
on Newsprint" (average of 102 measured press runs; zlib licence, see
``Banmian_Newsprint_TR002.txt``).

Tool: ArgyllCMS ``colprof`` (Debian package ``argyll``), LUT quality medium
(``-qm``), black generation "ramp" (``-kr``: K from 0 at paper white to the
maximum at the darkest neutral — strong GCR, so greys sit on the black plate),
total ink ``-l`` 240 % (or 220 %), black limit ``-L95``.  Checked after the
build: sRGB grey 128 through the profile must be mostly K.

Writes ``Banmian_Newsprint_TR002_<TAC>.icc`` beside this script, and records
the tool versions, the exact command line, the check and the SHA-256 of the
input and of each output in ``SOURCES-newsprint.json``.  colprof stamps the
creation time into the profile header, so a rebuild differs from the committed
file in those bytes only.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TI3 = Path("/usr/share/color/icc/TR002.ti3")
COPYRIGHT = Path("/usr/share/doc/icc-profiles-free/copyright")
SOURCES = HERE / "SOURCES-newsprint.json"

# TAC % -> (file name, description written into the profile)
BUILDS = {
    "240": ("Banmian_Newsprint_TR002_240.icc",
            "Banmian Newsprint Coldset TR002 240% GCR (ArgyllCMS)"),
    "220": ("Banmian_Newsprint_TR002_220.icc",
            "Banmian Newsprint Coldset TR002 220% GCR (ArgyllCMS)"),
}
COPYRIGHT_TAG = ("Built by Banmian with ArgyllCMS colprof from ANSI CGATS/SNAP TR 002-2007 "
                 "characterization data (icc-profiles-free, zlib licence)")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def deb_version(pkg: str) -> str:
    try:
        return subprocess.run(["dpkg-query", "-W", "-f=${Version}", pkg], capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def colprof_version(exe: str) -> str:
    out = subprocess.run([exe], capture_output=True, text=True)
    for line in (out.stdout + out.stderr).splitlines():
        if "Version" in line:
            return line.split("Version", 1)[1].strip()
    return "unknown"


def grey_check(icc: Path) -> dict:
    """sRGB grey 128 (and black) through the profile, as Banmian's export converts photos."""
    from PIL import Image, ImageCms
    t = ImageCms.buildTransform(ImageCms.createProfile("sRGB"), ImageCms.getOpenProfile(str(icc)),
                                "RGB", "CMYK", renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC)
    out = {}
    for name, rgb in (("srgb_grey_128", (128, 128, 128)), ("srgb_black", (0, 0, 0))):
        px = ImageCms.applyTransform(Image.new("RGB", (1, 1), rgb), t).getpixel((0, 0))
        pct = [round(v / 2.55, 1) for v in px]
        out[name] = {"cmyk_pct": pct, "total_pct": round(sum(pct), 1),
                     "k_share": round(pct[3] / sum(pct), 3) if sum(pct) else 0.0}
    return out


def build(tac: str, exe: str) -> dict:
    name, desc = BUILDS[tac]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        shutil.copyfile(TI3, work / "TR002.ti3")
        cmd = [exe, "-v", "-qm", "-kr", f"-l{tac}", "-L95", "-D", desc, "-C", COPYRIGHT_TAG,
               "-O", name, "TR002"]
        t0 = time.perf_counter()
        run = subprocess.run(cmd, cwd=work, capture_output=True, text=True)
        secs = time.perf_counter() - t0
        if run.returncode != 0:
            sys.exit(f"colprof failed ({run.returncode}):\n{run.stdout[-2000:]}\n{run.stderr[-2000:]}")
        check_line = next((ln.strip() for ln in run.stdout.splitlines() if "Profile check complete" in ln), "")
        shutil.copyfile(work / name, HERE / name)
    out = HERE / name
    check = grey_check(out)
    if check["srgb_grey_128"]["k_share"] < 0.6:
        sys.exit(f"{name}: sRGB grey 128 is only {check['srgb_grey_128']['k_share']:.0%} K — GCR not strong enough")
    print(f"{name}: {out.stat().st_size} bytes, {secs:.0f} s, {check_line}; grey 128 -> "
          f"{check['srgb_grey_128']['cmyk_pct']}")
    return {"file": name, "description": desc, "tac_pct": int(tac), "black_limit_pct": 95,
            "command": cmd, "colprof_check": check_line, "build_seconds": round(secs, 1),
            "bytes": out.stat().st_size, "sha256": sha256(out), "check": check}


def main(argv: list[str]) -> int:
    exe = shutil.which("colprof")
    if exe is None or not TI3.exists():
        sys.exit("needs ArgyllCMS and the TR002 data: apt-get install argyll icc-profiles-free")
    which = argv or sorted(BUILDS, reverse=True)
    bad = [w for w in which if w not in BUILDS]
    if bad:
        sys.exit(f"unknown build {bad[0]!r}; choose from {', '.join(BUILDS)}")
    record = json.loads(SOURCES.read_text("utf-8")) if SOURCES.exists() else {}
    profiles = {p["file"]: p for p in record.get("profiles", [])}
    for tac in which:
        p = build(tac, exe)
        profiles[p["file"]] = p
    from PIL import __version__ as pil_version
    record.update({
        "generator": "resources/icc/build_newsprint.py",
        "built": _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "input": {"file": str(TI3), "package": "icc-profiles-free", "package_version": deb_version("icc-profiles-free"),
                  "sha256": sha256(TI3),
                  "title": "ANSI CGATS/SNAP TR 002-2007: Color Characterization Data for Coldset Printing on Newsprint",
                  "licence": "Zlib (Debian copyright file of icc-profiles-free)"},
        "tools": {"colprof": colprof_version(exe), "argyll_package_version": deb_version("argyll"),
                  "python": platform.python_version(), "pillow": pil_version,
                  "lcms": getattr(__import__("PIL.ImageCms", fromlist=["x"]).core, "littlecms_version", "")},
        "profiles": [profiles[k] for k in sorted(profiles)],
    })
    SOURCES.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", "utf-8")
    # the licence of the data, copied unchanged from the Debian copyright file
    if COPYRIGHT.exists():
        text = COPYRIGHT.read_text("utf-8")
        (HERE / "Banmian_Newsprint_TR002.txt").write_text(
            "The Banmian_Newsprint_TR002_*.icc profiles are built from TR002.ti3 of Debian's\n"
            "icc-profiles-free package (ANSI CGATS/SNAP TR 002-2007, Color Characterization Data\n"
            "for Coldset Printing on Newsprint; the data file says: \"Profiles, or other derivative\n"
            "work, based on these data may be distributed with no further permissions from CGATS.\n"
            "However, this Technical Report must be identified as the source of the characterization\n"
            "data\").  Altered form: these are ICC profiles computed from the data, not the data.\n\n"
            "Debian's copyright file for icc-profiles-free (unchanged):\n\n" + text, "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
