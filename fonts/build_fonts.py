#!/usr/bin/env python3
"""Rebuild the bundled Banmian fonts from the Debian font packages.

    python fonts/build_fonts.py            # all four faces
    python fonts/build_fonts.py song kai   # only some (SOURCES.json keeps the others)

Inputs (Debian packages ``fonts-noto-cjk`` and ``fonts-lxgw-wenkai``):

* NotoSerifCJK-Regular.ttc, face "Noto Serif CJK SC"  -> BanmianSong-Regular.ttf
* NotoSansCJK-Regular.ttc,  face "Noto Sans CJK SC"   -> BanmianHei-Regular.ttf
* NotoSansCJK-Bold.ttc,     face "Noto Sans CJK SC"   -> BanmianHei-Bold.ttf
* LXGWWenKai-Regular.ttf                              -> BanmianKai-Regular.ttf

Each face is subset to the Unicode ranges a Chinese newspaper needs
(UNICODE_RANGES), hinting dropped, CFF outlines converted to TrueType
quadratic outlines (cu2qu, as in fontTools' Snippets/otf2ttf.py) because
reportlab can only embed glyf-flavoured fonts, and renamed (the OFL wants a
modified font to carry its own name; LXGW WenKai reserves "LXGW" and "霞鹜").

Writes the .ttf files, SOURCES.json, README.md and the two licence files,
all beside this script. Needs fontTools (pip install fonttools).
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
import multiprocessing
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

NOTO_DIR = Path("/usr/share/fonts/opentype/noto")
LXGW_DIR = Path("/usr/share/fonts/truetype/lxgw-wenkai")
NOTO_COPYRIGHT = Path("/usr/share/doc/fonts-noto-cjk/copyright")
LXGW_COPYRIGHT = Path("/usr/share/doc/fonts-lxgw-wenkai/copyright")
HANAZONO_DIR = Path("/usr/share/fonts/truetype/hanazono")
HANAZONO_COPYRIGHT = Path("/usr/share/doc/fonts-hanazono/copyright")

# The fallback face (end of the fallback chain): what the four text faces lack and
# names need — bopomofo with its tone marks, ideographic description characters,
# CJK Extensions B–F and the compatibility supplement.  Nothing of these blocks is
# subset away (a rare name character may be any of them); nothing else is kept.
FALLBACK_RANGES: list[tuple[int, int]] = [
    (0x02C7, 0x02C7), (0x02C9, 0x02CB), (0x02D9, 0x02D9),   # ˇ ˉ ˊ ˋ ˙ bopomofo tone marks
    (0x2FF0, 0x2FFF),  # Ideographic Description Characters
    (0x3100, 0x312F),  # Bopomofo
    (0x31A0, 0x31BF),  # Bopomofo Extended (ㆴ–ㆷ)
    (0x20000, 0x2A6DF),  # CJK Extension B
    (0x2A700, 0x2EBEF),  # CJK Extensions C, D, E, F
    (0x2F800, 0x2FA1F),  # CJK Compatibility Ideographs Supplement
]

# Inclusive code point ranges kept in every face (where the source has them).
UNICODE_RANGES: list[tuple[int, int]] = [
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x00FF),  # Latin-1 Supplement
    (0x2000, 0x206F),  # General Punctuation (— … ‘ ’ “ ” ‧)
    (0x2100, 0x214F),  # Letterlike Symbols (℃ ℉ №)
    (0x2150, 0x218F),  # Number Forms
    (0x2190, 0x21FF),  # Arrows
    (0x22EF, 0x22EF),  # ⋯ midline horizontal ellipsis
    (0x2460, 0x24FF),  # Enclosed Alphanumerics (①)
    (0x2500, 0x257F),  # Box Drawing
    (0x25A0, 0x25FF),  # Geometric Shapes (■ ●)
    (0x2600, 0x26FF),  # Miscellaneous Symbols
    (0x2E3A, 0x2E3A),  # ⸺ two-em dash
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0x3040, 0x30FF),  # Hiragana, Katakana
    (0x3100, 0x312F),  # Bopomofo
    (0x3200, 0x32FF),  # Enclosed CJK Letters and Months
    (0x3400, 0x4DBF),  # CJK Unified Ideographs Extension A
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs
    (0xF900, 0xFAFF),  # CJK Compatibility Ideographs
    (0xFE10, 0xFE1F),  # Vertical Forms
    (0xFE30, 0xFE4F),  # CJK Compatibility Forms
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
]
EXT_A = (0x3400, 0x4DBF)
MAX_BYTES = 25 * 1024 * 1024  # a face larger than this is rebuilt without Ext A

# OpenType features kept (GSUB closure pulls in the glyphs they reach): the
# vertical forms the engine's vertical frames use (fonts.py reads them as a
# cp -> gid map).  The names go to fontTools' Subsetter as literal feature tags:
# the command line's "*default*" is no keyword there (it matched no feature, and
# every feature and the unencoded glyphs they reach were dropped).  Only these two:
# the default list's locl alone would pull in the JP/KR/TC glyph variants.
LAYOUT_FEATURES = ["vert", "vrt2"]

MAX_ERR = 1.0  # cu2qu approximation error, font units
REQUIRED_CHARS = "镕喆堃中国—…‘’“”·‧℃℉№①■●　、。，《》"

FACES: dict[str, dict] = {
    "song": {
        "output": "BanmianSong-Regular.ttf",
        "source": NOTO_DIR / "NotoSerifCJK-Regular.ttc",
        "source_family": "Noto Serif CJK SC",
        "package": "fonts-noto-cjk",
        "licence": "LICENSE-NotoCJK-OFL.txt",
        "family": "Banmian Song",
        "family_zh": "版面宋体",
        "subfamily": "Regular",
        "ps_name": "BanmianSong-Regular",
    },
    "hei": {
        "output": "BanmianHei-Regular.ttf",
        "source": NOTO_DIR / "NotoSansCJK-Regular.ttc",
        "source_family": "Noto Sans CJK SC",
        "package": "fonts-noto-cjk",
        "licence": "LICENSE-NotoCJK-OFL.txt",
        "family": "Banmian Hei",
        "family_zh": "版面黑体",
        "subfamily": "Regular",
        "ps_name": "BanmianHei-Regular",
    },
    "hei-bold": {
        "output": "BanmianHei-Bold.ttf",
        "source": NOTO_DIR / "NotoSansCJK-Bold.ttc",
        "source_family": "Noto Sans CJK SC",
        "package": "fonts-noto-cjk",
        "licence": "LICENSE-NotoCJK-OFL.txt",
        "family": "Banmian Hei",
        "family_zh": "版面黑体",
        "subfamily": "Bold",
        "ps_name": "BanmianHei-Bold",
    },
    "kai": {
        "output": "BanmianKai-Regular.ttf",
        "source": LXGW_DIR / "LXGWWenKai-Regular.ttf",
        "source_family": "LXGW WenKai",
        "package": "fonts-lxgw-wenkai",
        "licence": "LICENSE-LXGWWenKai-OFL.txt",
        "family": "Banmian Kai",
        "family_zh": "版面楷体",
        "subfamily": "Regular",
        "ps_name": "BanmianKai-Regular",
    },
}

FALLBACK_SPEC = {
    "output": "BanmianFallback-Regular.ttf",
    "source": HANAZONO_DIR / "HanaMinB.ttf",          # the larger of the two (build order)
    "sources": [HANAZONO_DIR / "HanaMinA.ttf", HANAZONO_DIR / "HanaMinB.ttf"],
    "source_family": "HanaMinA + HanaMinB",
    "package": "fonts-hanazono",
    "licence": "LICENSE-Hanazono-OFL.txt",
    "family": "Banmian Fallback",
    "family_zh": "版面备用字体",
    "subfamily": "Regular",
    "ps_name": "BanmianFallback-Regular",
}
FACES["fallback"] = FALLBACK_SPEC

# Names the OFL forbids in a modified version (Reserved Font Names).
RESERVED_NAMES = {
    "fonts-hanazono": ("Hanazono", "HanaMin", "花園"),
    "fonts-noto-cjk": (),  # Noto CJK declares no Reserved Font Name
    "fonts-lxgw-wenkai": ("LXGW", "霞鹜"),
}


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def package_version(package: str) -> str | None:
    try:
        out = subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", package],
            check=True, capture_output=True, text=True,
        )
        return out.stdout.strip() or None
    except (OSError, subprocess.CalledProcessError):
        return None


def find_face_index(path: Path, family: str) -> int | None:
    """Index of the face in a .ttc whose name table family is ``family``;
    None for a plain .ttf."""
    from fontTools.ttLib import TTCollection

    if path.suffix.lower() not in (".ttc", ".otc"):
        return None
    coll = TTCollection(str(path), lazy=True)
    try:
        for i, font in enumerate(coll.fonts):
            name = font["name"]
            fam = name.getDebugName(16) or name.getDebugName(1)
            if fam == family:
                return i
    finally:
        coll.close()
    raise SystemExit(f"{path}: no face named {family!r}")


def wanted_unicodes(include_ext_a: bool = True) -> list[int]:
    out: list[int] = []
    for lo, hi in UNICODE_RANGES:
        if not include_ext_a and (lo, hi) == EXT_A:
            continue
        out.extend(range(lo, hi + 1))
    return out


# ---------------------------------------------------------------- conversion

def _subset(font, unicodes: list[int]) -> None:
    from fontTools import subset

    opts = subset.Options()
    opts.hinting = False
    opts.glyph_names = False
    opts.layout_features = list(LAYOUT_FEATURES)
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.name_legacy = True
    opts.notdef_outline = True
    opts.recalc_bounds = True
    opts.prune_unicode_ranges = True
    opts.drop_tables = list(opts.drop_tables) + ["DSIG"]
    sub = subset.Subsetter(options=opts)
    sub.populate(unicodes=unicodes)
    sub.subset(font)


def _cff_to_glyf(font, label: str) -> None:
    """CFF -> glyf/loca in place (the recipe of fontTools' Snippets/otf2ttf.py)."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import newTable

    assert "CFF " in font, "expected CFF outlines"
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    # Vertical origin: CFF fonts carry it in VORG, TrueType derives it from
    # yMax + top side bearing, so keep the origin by recomputing the tsb.
    vorg = font["VORG"] if "VORG" in font else None
    quad = {}
    t0 = time.time()
    for n, gname in enumerate(order, 1):
        pen = TTGlyphPen(None)
        glyph_set[gname].draw(Cu2QuPen(pen, MAX_ERR, reverse_direction=True))
        quad[gname] = pen.glyph()
        if n % 5000 == 0 or n == len(order):
            rate = n / max(time.time() - t0, 1e-6)
            log(f"{label}: converted {n}/{len(order)} glyphs ({rate:.0f}/s)")

    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = quad
    del font["CFF "]
    glyf.compile(font)  # computes bounds

    hmtx = font["hmtx"]
    for gname, g in quad.items():
        if hasattr(g, "xMin"):
            hmtx[gname] = (hmtx[gname][0], g.xMin)
    if "vmtx" in font:
        vmtx = font["vmtx"]
        for gname, g in quad.items():
            if gname in vmtx.metrics and hasattr(g, "yMax"):
                origin = vorg[gname] if vorg is not None else font["hhea"].ascent
                vmtx[gname] = (vmtx[gname][0], origin - g.yMax)
    if vorg is not None:
        del font["VORG"]

    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.numGlyphs = len(order)
    for attr in ("maxZones",):
        setattr(maxp, attr, 1)
    for attr in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                 "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
                 "maxComponentElements", "maxPoints", "maxContours",
                 "maxCompositePoints", "maxCompositeContours", "maxComponentDepth"):
        setattr(maxp, attr, 0)
    maxp.recalc(font)

    post = font["post"]
    post.formatType = 3.0  # no glyph names: smaller, and nothing here needs them
    for attr in ("extraNames", "mapping", "glyphOrder"):
        if hasattr(post, attr):
            delattr(post, attr)

    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"


def _rename(font, spec: dict, source_desc: str, source_version: str) -> None:
    name = font["name"]
    family, sub, ps = spec["family"], spec["subfamily"], spec["ps_name"]
    reserved = RESERVED_NAMES[spec["package"]]
    # Drop every naming record of the source font (and its localised names,
    # e.g. 霞鹜文楷, which carry a Reserved Font Name).
    drop = {1, 2, 3, 4, 6, 16, 17, 18, 20, 21, 22, 25}
    name.names = [r for r in name.names if r.nameID not in drop]
    full = f"{family} {sub}" if sub != "Regular" else family
    # Legacy family names: Bold stays in the family as the style-linked bold.
    records = {
        1: family,
        2: sub,
        3: f"{ps};{source_version}",
        4: f"{family} {sub}",
        6: ps,
    }
    desc = (
        f"{full}: a modified version of {source_desc} (subset to Chinese "
        f"newspaper ranges, hinting removed, outlines converted to TrueType, "
        f"renamed) made for Banmian. Licensed under the SIL Open Font License, "
        f"Version 1.1."
    )
    if reserved:
        desc += (" Renamed as the licence requires: the original declares the "
                 "Reserved Font Names " + ", ".join(f'"{r}"' for r in reserved) + ".")
    old_desc = name.getDebugName(10)
    if old_desc:
        desc += " Original description: " + old_desc
    records[10] = desc
    if not name.getDebugName(13):
        records[13] = ("This Font Software is licensed under the SIL Open Font "
                       "License, Version 1.1.")
    if not name.getDebugName(14):
        records[14] = "https://openfontlicense.org"
    for nid, text in records.items():
        name.setName(text, nid, 3, 1, 0x409)
        if nid in (1, 2, 3, 4, 6):  # Mac Roman records only for the ASCII names
            name.setName(text, nid, 1, 0, 0)
    zh = spec["family_zh"]
    name.setName(zh, 1, 3, 1, 0x804)
    name.setName(sub, 2, 3, 1, 0x804)
    name.setName(f"{zh} {sub}", 4, 3, 1, 0x804)
    for r in name.names:
        text = r.toUnicode()
        if r.nameID in (0, 7, 8, 9, 10, 11, 12, 13, 14):
            continue  # attribution and licence notices may name the original
        # Besides the declared RFNs, keep the upstream names out of ours anyway
        # (Source Han, the Adobe original of Noto CJK, reserves "Source").
        for word in tuple(reserved) + ("Noto", "Source", "LXGW", "霞鹜", "Hanazono", "HanaMin", "花園"):
            if word.lower() in text.lower():
                raise RuntimeError(f"reserved name {word!r} left in name ID {r.nameID}")
    # The original copyright notice (name ID 0) is kept verbatim.


def build_face(face_id: str, include_ext_a: bool = True) -> dict:
    """Subset, convert and rename one face; returns its record for SOURCES.json."""
    from fontTools.ttLib import TTFont

    spec = FACES[face_id]
    src: Path = spec["source"]
    out = HERE / spec["output"]
    t0 = time.time()
    index = find_face_index(src, spec["source_family"])
    font = TTFont(str(src), fontNumber=index if index is not None else -1, lazy=False)
    src_name = font["name"]
    source_version = src_name.getDebugName(5) or ""
    source_ps = src_name.getDebugName(6) or ""
    source_glyphs = font["maxp"].numGlyphs
    fs_type_src = font["OS/2"].fsType
    log(f"{face_id}: loaded {src.name} face {index} ({source_ps}, {source_glyphs} glyphs)")

    _subset(font, wanted_unicodes(include_ext_a))
    log(f"{face_id}: subset to {len(font.getGlyphOrder())} glyphs")

    was_cff = "CFF " in font
    if was_cff:
        _cff_to_glyf(font, face_id)

    # Embedding: OFL fonts are installable (0). Keep 0 if the source says 0;
    # only clear other bits if the source allows embedding at all.
    os2 = font["OS/2"]
    if fs_type_src & 0x0002:
        raise RuntimeError(f"{src}: restricted-licence embedding (fsType={fs_type_src:#x})")
    os2.fsType = 0
    source_desc = f"{spec['source_family']} ({source_ps}, {source_version})"
    _rename(font, spec, source_desc, source_version)
    if spec["subfamily"] == "Bold":
        os2.fsSelection = (os2.fsSelection & ~0x0040) | 0x0020
        font["head"].macStyle |= 0x0001
        os2.usWeightClass = max(os2.usWeightClass, 700)

    tmp = out.with_name(out.name + ".tmp")
    font.save(str(tmp))
    font.close()
    os.replace(tmp, out)
    size = out.stat().st_size
    log(f"{face_id}: wrote {out.name} ({size / 1e6:.1f} MB) in {time.time() - t0:.0f}s")
    if size > MAX_BYTES and include_ext_a:
        log(f"{face_id}: larger than {MAX_BYTES / 1e6:.0f} MB, rebuilding without Ext A")
        return build_face(face_id, include_ext_a=False)

    check = TTFont(str(out), lazy=True)
    cmap = check.getBestCmap()
    missing_required = [c for c in REQUIRED_CHARS if ord(c) not in cmap]
    wanted = set(wanted_unicodes(include_ext_a))
    record = {
        "id": face_id,
        "output": spec["output"],
        "ps_name": check["name"].getDebugName(6),
        "family": check["name"].getDebugName(1),
        "subfamily": check["name"].getDebugName(2),
        "output_sha256": sha256(out),
        "output_bytes": size,
        "glyph_count": check["maxp"].numGlyphs,
        "codepoints": len(cmap),
        "codepoints_wanted_not_in_source": None,  # filled below
        "cjk_ext_a_included": include_ext_a,
        "missing_required_chars": missing_required,
        "source": {
            "path": str(src),
            "face_index": index,
            "family": spec["source_family"],
            "ps_name": source_ps,
            "version": source_version,
            "debian_package": spec["package"],
            "debian_version": package_version(spec["package"]),
            "sha256": sha256(src),
            "glyph_count": source_glyphs,
            "fsType": fs_type_src,
            "outlines": "CFF" if was_cff else "TrueType",
        },
        "fsType": check["OS/2"].fsType,
        "has_glyf": "glyf" in check,
        "has_cff": "CFF " in check,
        "build_seconds": round(time.time() - t0, 1),
    }
    check.close()
    src_font = TTFont(str(src), fontNumber=index if index is not None else -1, lazy=True)
    src_cmap = src_font.getBestCmap()
    lost = sorted(cp for cp in wanted if cp in src_cmap and cp not in cmap)
    record["codepoints_wanted_not_in_source"] = sum(1 for cp in wanted if cp not in src_cmap)
    record["codepoints_lost"] = [f"U+{cp:04X}" for cp in lost[:50]]
    src_font.close()
    if lost:
        log(f"{face_id}: WARNING {len(lost)} wanted code points of the source were lost")
    if missing_required:
        log(f"{face_id}: WARNING missing {''.join(missing_required)}")
    return record


# ---------------------------------------------------------------- licences

def _ofl_from_debian_copyright(path: Path) -> str:
    """The OFL text of a Debian copyright file's 'License: OFL…/SIL…' paragraph."""
    text = path.read_text(encoding="utf-8")
    m = re.search(r"^License: (?:OFL|SIL)[^\n]*\n((?:[ \t][^\n]*\n?)+)", text, re.M)
    if not m:
        raise SystemExit(f"{path}: no OFL licence paragraph")
    lines = []
    for line in m.group(1).splitlines():
        line = line[1:] if line.startswith(" ") else line
        lines.append("" if line.strip() == "." else line)
    return "\n".join(lines).strip("\n") + "\n"


def write_licences() -> None:
    if HANAZONO_COPYRIGHT.exists():
        text = HANAZONO_COPYRIGHT.read_text(encoding="utf-8")
        m = re.search(r"^License: Open-Font-License\n((?:[ \t][^\n]*\n?)+)", text, re.M)
        if not m:
            raise SystemExit(f"{HANAZONO_COPYRIGHT}: no OFL licence paragraph")
        body = "\n".join("" if ln.strip() == "." else ln[1:] if ln.startswith(" ") else ln
                         for ln in m.group(1).splitlines()).strip("\n") + "\n"
        (HERE / "LICENSE-Hanazono-OFL.txt").write_text(
            "Hanazono Mincho (花園明朝 A/B), GlyphWiki Project\n"
            "Dual-licensed upstream (Hanazono Font License or SIL OFL 1.1); Banmian uses it under the OFL.\n"
            f"Text taken from {HANAZONO_COPYRIGHT} (package fonts-hanazono).\n"
            "Used in Banmian as: BanmianFallback-Regular.ttf (a modified version: HanaMinA and\n"
            "HanaMinB subset to bopomofo, ideographic description characters and CJK Extensions\n"
            "B-F, merged, renamed so that it does not use the Reserved Font Names).\n\n" + body,
            encoding="utf-8")
    if not (NOTO_COPYRIGHT.exists() and LXGW_COPYRIGHT.exists()):
        return      # building only the fallback on a machine without those packages: keep their files
    noto = _ofl_from_debian_copyright(NOTO_COPYRIGHT)
    (HERE / "LICENSE-NotoCJK-OFL.txt").write_text(
        "Noto CJK fonts (Noto Serif CJK, Noto Sans CJK)\n"
        "Copyright 2017-2022 Adobe (http://www.adobe.com/) (font name tables);\n"
        "Debian's copyright file: Copyright 2010-2012, Google Corporation.\n"
        "Noto is a trademark of Google Inc.\n"
        f"Text taken from {NOTO_COPYRIGHT} (package fonts-noto-cjk).\n"
        "Used in Banmian as: BanmianSong-Regular.ttf, BanmianHei-Regular.ttf,\n"
        "BanmianHei-Bold.ttf (modified versions: subset, converted to TrueType\n"
        "outlines, renamed).\n\n" + noto,
        encoding="utf-8",
    )
    lxgw = _ofl_from_debian_copyright(LXGW_COPYRIGHT)
    (HERE / "LICENSE-LXGWWenKai-OFL.txt").write_text(
        "LXGW WenKai (霞鹜文楷)\n"
        "Copyright 2021-2023 LXGW (https://github.com/lxgw/LxgwWenKai)\n"
        "Copyright 2020 The Klee Project Authors (https://github.com/fontworks-fonts/Klee)\n"
        "With Reserved Font Names \"霞鹜\" and \"LXGW\".\n"
        f"Text taken from {LXGW_COPYRIGHT} (package fonts-lxgw-wenkai).\n"
        "Used in Banmian as: BanmianKai-Regular.ttf (a modified version: subset,\n"
        "hinting removed, renamed so that it does not use the Reserved Font Names).\n\n"
        + lxgw,
        encoding="utf-8",
    )


# ---------------------------------------------------------------- README

def write_readme(records: dict) -> None:
    rows = []
    for fid, rec in records.items():
        src = rec["source"]
        rows.append(
            f"| `{rec['output']}` | `{fid}` | {rec['ps_name']} | {src['family']} "
            f"(`{Path(src['path']).name}`"
            + (f" face {src['face_index']}" if src["face_index"] is not None else "")
            + f", {src['version']}) "
            f"| {rec['glyph_count']} | {rec['output_bytes'] / 1e6:.1f} MB |"
        )
    no_ext_a = [r["output"] for fid, r in records.items() if not r["cjk_ext_a_included"] and fid != "fallback"]
    ranges = ", ".join(
        f"U+{lo:04X}" + (f"–{hi:04X}" if hi != lo else "") for lo, hi in UNICODE_RANGES
    )
    text = f"""# fonts/ — the bundled Banmian fonts

The layout engine measures with these files and nothing else (see
`desktop/core/typeset/fonts.py`), the PDF painter embeds them (reportlab needs
TrueType `glyf` outlines; it cannot embed CFF), and the Qt painter draws with
them through `QRawFont`. Do not replace them by hand: rebuild them.

| file | registry id | PostScript name | made from | glyphs | size |
| --- | --- | --- | --- | --- | --- |
{chr(10).join(rows)}

## What was done to the sources

1. The face is taken from the Debian file (for a `.ttc`, the face whose name
   table says "Noto Serif CJK SC" / "Noto Sans CJK SC").
2. Subset with `fontTools.subset` to these code points (where the source has
   them): {ranges}.
   Hinting is dropped, glyph names are not kept (`post` format 3); of the
   OpenType layout features only the vertical forms `vert` and `vrt2` are kept,
   together with the unencoded glyphs they reach (vertical text frames draw
   them: turned brackets, 、。，at the top right of their em, vertical dashes).
3. Noto's CFF outlines are converted to TrueType quadratic outlines with
   fontTools' cu2qu (`Cu2QuPen` + `TTGlyphPen`, max error {MAX_ERR} unit,
   reversed contour direction), following fontTools' `Snippets/otf2ttf.py`:
   `CFF ` and `VORG` dropped, `glyf`/`loca` added, `maxp` version 1.0,
   `post` format 3, `head.glyphDataFormat` 0, left side bearings recomputed,
   top side bearings recomputed from the former `VORG` vertical origin.
   LXGW WenKai is already TrueType and is only subset.
4. Renamed: new family, full and PostScript names (English and 简体中文), a
   description (name ID 10) saying which font it was modified from; the
   original copyright, trademark and licence notices are kept. LXGW WenKai
   declares the Reserved Font Names "LXGW" and "霞鹜", so no name of the
   modified font uses them; Noto CJK declares none.
5. OS/2 `fsType` is 0 (installable embedding), which is what the sources
   already say; hhea/OS/2 ascender and descender are the sources' values.
{"" if not no_ext_a else chr(10) + "CJK Extension A (U+3400–4DBF) was left out of " + ", ".join(no_ext_a) + " to keep the file under 25 MB." + chr(10)}
`BanmianFallback-Regular.ttf` (the end of the fallback chain) is made differently: the
code points of FALLBACK_RANGES — bopomofo and its tone marks, ideographic description
characters, CJK Extensions B–F and the compatibility supplement, nothing of those blocks
left out, since a name may need any of them — are taken from Hanazono Mincho A (Debian
`fonts-hanazono`, HanaMinA.ttf: bopomofo, tones, IDC) and B (HanaMinB.ttf: Extensions B–F),
both already TrueType; each is subset, their layout tables dropped, the two merged with
`fontTools.merge`, and the result renamed (Hanazono reserves "Hanazono Font", "HanaMinA",
"HanaMinB", 花園フォント, 花園明朝A/B). About 31 MB; a PDF embeds only the glyphs used.

`SOURCES.json` records, for every file: the source path, Debian package and
version, source font version string, sha256 of source and output, glyph and
code point counts, and the fontTools version used.

## Rebuilding

```
apt-get install fonts-noto-cjk fonts-lxgw-wenkai
pip install fonttools
python fonts/build_fonts.py            # all four, about 2 minutes on two cores
python fonts/build_fonts.py kai        # just one
```

The output depends on the Debian package versions and the fontTools version
(both recorded in `SOURCES.json`); with the same inputs the glyph data is the
same, though `head.modified` changes.

## Licences

All four fonts are under the SIL Open Font License 1.1 and may be bundled and
embedded in PDFs; they must not be sold by themselves.

* `LICENSE-NotoCJK-OFL.txt` — Noto Serif CJK / Noto Sans CJK (Song, Hei, Hei Bold).
* `LICENSE-LXGWWenKai-OFL.txt` — LXGW WenKai (Kai).
* `LICENSE-Hanazono-OFL.txt` — Hanazono Mincho A/B (Fallback; dual-licensed upstream, used under the OFL).
"""
    (HERE / "README.md").write_text(text, encoding="utf-8")


# ---------------------------------------------------------------- main

def _build_one(face_id: str) -> tuple[str, dict]:
    if face_id == "fallback":
        return face_id, build_fallback()
    return face_id, build_face(face_id)


def build_fallback() -> dict:
    """HanaMinA (bopomofo, tone marks, IDC) + HanaMinB (Ext B–F), subset to FALLBACK_RANGES,
    merged into one TrueType face and renamed BanmianFallback-Regular."""
    from fontTools.merge import Merger
    from fontTools.ttLib import TTFont

    spec = FALLBACK_SPEC
    out = HERE / spec["output"]
    t0 = time.time()
    wanted = [cp for lo, hi in FALLBACK_RANGES for cp in range(lo, hi + 1)]
    parts, srcs = [], []
    with tempfile.TemporaryDirectory() as tmpdir:
        for n, src in enumerate(spec["sources"]):
            font = TTFont(str(src), lazy=False)
            cmap = font.getBestCmap()
            mine = [cp for cp in wanted if cp in cmap and not any(cp in c for c in srcs)]
            srcs.append(set(mine))
            srcs_desc = (font["name"].getDebugName(6), font["name"].getDebugName(5), font["maxp"].numGlyphs)
            if font["OS/2"].fsType & 0x0002:
                raise RuntimeError(f"{src}: restricted-licence embedding")
            _subset(font, mine)
            # Merger wants the same tables in every part
            for tag in ("vhea", "vmtx", "VORG", "DSIG", "GSUB", "GPOS", "GDEF", "BASE", "hdmx", "LTSH", "VDMX"):
                if tag in font:
                    del font[tag]
            path = Path(tmpdir) / f"part{n}.ttf"
            font.save(str(path))
            font.close()
            parts.append((path, src, srcs_desc, len(mine)))
            log(f"fallback: {src.name}: {len(mine)} code points")
        merged = Merger().merge([str(p[0]) for p in parts])
        merged["OS/2"].fsType = 0
        source_desc = " and ".join(f"{d[0]} ({d[1]})" for _p, _s, d, _n in parts)
        source_version = parts[0][2][1] or ""
        _rename(merged, spec, source_desc, source_version)
        tmp = out.with_name(out.name + ".tmp")
        merged.save(str(tmp))
        merged.close()
    os.replace(tmp, out)
    check = TTFont(str(out), lazy=True)
    cmap = check.getBestCmap()
    record = {
        "id": "fallback",
        "output": spec["output"],
        "ps_name": check["name"].getDebugName(6),
        "family": check["name"].getDebugName(1),
        "subfamily": check["name"].getDebugName(2),
        "output_sha256": sha256(out),
        "output_bytes": out.stat().st_size,
        "glyph_count": check["maxp"].numGlyphs,
        "codepoints": len(cmap),
        "unicode_ranges": [f"U+{lo:04X}-U+{hi:04X}" for lo, hi in FALLBACK_RANGES],
        "codepoints_wanted_not_in_source": sum(1 for cp in wanted if not any(cp in c for c in srcs)),
        "cjk_ext_a_included": False,
        "missing_required_chars": [c for c in "ㄅㆴˊˇˋ˙⿰𠀀𪜀" if ord(c) not in cmap],
        "source": {
            "path": ", ".join(str(p[1]) for p in parts),
            "face_index": None,
            "family": spec["source_family"],
            "ps_name": ", ".join(p[2][0] for p in parts),
            "version": source_version,
            "debian_package": spec["package"],
            "debian_version": package_version(spec["package"]),
            "sha256": ", ".join(sha256(p[1]) for p in parts),
            "glyph_count": sum(p[2][2] for p in parts),
            "fsType": 0,
            "outlines": "TrueType",
        },
        "fsType": check["OS/2"].fsType,
        "has_glyf": "glyf" in check,
        "has_cff": "CFF " in check,
        "build_seconds": round(time.time() - t0, 1),
    }
    check.close()
    log(f"fallback: wrote {out.name} ({record['output_bytes'] / 1e6:.1f} MB) in {time.time() - t0:.0f}s")
    return record


def main(argv: list[str] | None = None) -> int:
    import fontTools

    argv = sys.argv[1:] if argv is None else argv
    ids = argv or list(FACES)
    unknown = [i for i in ids if i not in FACES]
    if unknown:
        print(f"unknown face(s): {', '.join(unknown)}; known: {', '.join(FACES)}",
              file=sys.stderr)
        return 2
    for spec in FACES.values():
        if spec in [FACES[i] for i in ids] and not spec["source"].exists():
            print(f"missing {spec['source']} (install {spec['package']})", file=sys.stderr)
            return 1
    t0 = time.time()
    write_licences()
    # Largest first so the two cores finish together.
    order = sorted(ids, key=lambda i: -FACES[i]["source"].stat().st_size)
    procs = min(len(order), os.cpu_count() or 1, 2)
    if procs > 1:
        with multiprocessing.get_context("fork").Pool(procs) as pool:
            results = dict(pool.imap_unordered(_build_one, order))
    else:
        results = dict(_build_one(i) for i in order)

    sources_path = HERE / "SOURCES.json"
    old = {}
    if sources_path.exists():
        try:
            old = json.loads(sources_path.read_text(encoding="utf-8")).get("fonts", {})
        except (OSError, ValueError):
            old = {}
    fonts = {fid: results.get(fid, old.get(fid)) for fid in FACES if fid in results or fid in old}
    doc = {
        "generator": "fonts/build_fonts.py",
        "fonttools_version": fontTools.version,
        "python_version": sys.version.split()[0],
        "built": _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "build_seconds": round(time.time() - t0, 1),
        "unicode_ranges": [f"U+{lo:04X}-U+{hi:04X}" for lo, hi in UNICODE_RANGES],
        "cu2qu_max_err": MAX_ERR,
        "fonts": fonts,
    }
    fd, tmp = tempfile.mkstemp(dir=HERE, suffix=".json.tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
        f.write("\n")
    os.replace(tmp, sources_path)
    write_readme(fonts)
    log(f"done in {time.time() - t0:.0f}s")
    bad = [fid for fid, r in results.items()
           if r["missing_required_chars"] or not r["has_glyf"] or r["has_cff"]]
    if bad:
        log(f"problems in: {', '.join(bad)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
