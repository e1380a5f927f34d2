"""Font registry: the bundled files in ``fonts/``, their metrics, coverage and fallback.

The layout engine measures with these metrics and nothing else (cmap, hmtx,
units per em, hhea ascender/descender read with fontTools); the painters draw
with the same files. No Qt, no reportlab here.

Reading cmap + hmtx of a 30 000-glyph font with fontTools takes most of a
second, so the few tables the engine needs are read straight from the file
(:func:`read_metrics_direct`, formats 4 and 12 of cmap; anything else goes to
fontTools), and the result is kept in the user cache as a record — a JSON
header and packed arrays, nothing that can execute — keyed by file name, size
and mtime and checked on read; a cache that cannot be read or written is
ignored silently.
"""
from __future__ import annotations

import functools
import struct
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping, Sequence

from .. import cache
from ..paths import fonts_dir
from .flow import ASCENT, DESCENT

FONTS_DIR: Path = fonts_dir()

FACE_FILES: dict[str, str] = {
    "song": "BanmianSong-Regular.ttf",
    "hei": "BanmianHei-Regular.ttf",
    "hei-bold": "BanmianHei-Bold.ttf",
    "kai": "BanmianKai-Regular.ttf",
    # the end of the fallback chain: bopomofo + tone marks, ideographic description
    # characters, CJK Extensions B–F for names (Hanazono Mincho A+B, subset; fonts/build_fonts.py)
    "fallback": "BanmianFallback-Regular.ttf",
}

FALLBACK: tuple[str, ...] = ("song", "hei", "kai", "fallback")  # order tried when a face lacks a character
# The faces a style may name; "fallback" only supplies characters the others lack.
TEXT_FACES: tuple[str, ...] = ("song", "hei", "hei-bold", "kai")

# Characters that are never drawn, so never "missing".
IGNORED_CHARS = frozenset("\n\r\t\u200b\u2028")

_CACHE_FORMAT = 5  # bump when the cached metrics change shape (3: vertical advances + vert map, 4: em box,
                   # 5: advances stored as the em fractions themselves, float64)

# The ideographic em box of a face without an OS/2 table: the engine's (the CJK convention,
# top 0.88 em above the baseline, bottom 0.12 below; the bundled faces say so in OS/2).
EM_TOP_DEFAULT, EM_BOTTOM_DEFAULT = ASCENT, -DESCENT


@dataclass(frozen=True)
class FontFace:
    id: str
    path: Path
    ps_name: str
    family: str
    units_per_em: int
    ascender: float  # em (hhea ascender / upem)
    descender: float  # em, negative
    cmap: Mapping[int, int] = field(repr=False)  # code point -> glyph id
    advances: Sequence[float] = field(repr=False)  # glyph id -> advance in em
    embeddable: bool = True  # OS/2 fsType bit 1 (restricted licence) clear
    # vertical text: glyph id -> vertical advance in em (vmtx; () when the face has none, then
    # every glyph is 1 em tall) and the GSUB `vert` substitutions, glyph id -> glyph id
    vadvances: Sequence[float] = field(default=(), repr=False)
    vert: Mapping[int, int] = field(default_factory=dict, repr=False)
    # the ideographic em box, em above (top) and below (bottom, negative) the baseline: OS/2
    # sTypoAscender / sTypoDescender, which CJK faces set to the em box (880 / −120 of 1000)
    em_top: float = EM_TOP_DEFAULT
    em_bottom: float = EM_BOTTOM_DEFAULT

    def vertical_glyph(self, gid: int) -> int:
        """The glyph drawn for ``gid`` in vertical text: its `vert` form, else itself."""
        return self.vert.get(gid, gid)

    def vadvance(self, gid: int) -> float:
        """Vertical advance of a glyph in em (1 em when the face has no vmtx)."""
        v = self.vadvances
        return v[gid] if gid < len(v) else 1.0

    def glyph_id(self, ch: str) -> int | None:
        if len(ch) != 1:
            return None
        return self.cmap.get(ord(ch))

    def has(self, ch: str) -> bool:
        return self.glyph_id(ch) is not None

    def advance(self, ch: str) -> float | None:
        gid = self.glyph_id(ch)
        if gid is None:
            return None
        return self.advances[gid]


# ------------------------------------------------------------------ reading

def read_metrics(path: Path) -> dict:
    """The metrics the engine needs, read from the font file with fontTools."""
    from fontTools.ttLib import TTFont

    with TTFont(str(path), lazy=True) as font:
        upem = font["head"].unitsPerEm
        order = font.getGlyphOrder()
        gid_of = {name: i for i, name in enumerate(order)}
        best = font.getBestCmap() or {}
        cmap = {cp: gid_of[name] for cp, name in best.items() if name in gid_of}
        hmtx = font["hmtx"].metrics
        advances = tuple(hmtx[name][0] / upem if name in hmtx else 0.0 for name in order)
        hhea = font["hhea"]
        name = font["name"]
        family = name.getDebugName(16) or name.getDebugName(1) or path.stem
        ps_name = name.getDebugName(6) or path.stem
        fs_type = font["OS/2"].fsType if "OS/2" in font else 0
        if "OS/2" in font:
            em_top, em_bottom = font["OS/2"].sTypoAscender / upem, font["OS/2"].sTypoDescender / upem
        else:
            em_top, em_bottom = EM_TOP_DEFAULT, EM_BOTTOM_DEFAULT
        if "vmtx" in font:
            vm = font["vmtx"].metrics
            vadv = [vm[name][0] if name in vm else upem for name in order]
        else:
            vadv = []
        return {
            "units_per_em": upem,
            "ascender": hhea.ascent / upem,
            "descender": hhea.descent / upem,
            "em_top": em_top,
            "em_bottom": em_bottom,
            "cmap": cmap,
            "advances": advances,
            "ps_name": ps_name,
            "family": family,
            "fs_type": fs_type,
            "has_glyf": "glyf" in font,
            "has_cff": "CFF " in font or "CFF2" in font,
            "vadvances": tuple(a / upem for a in vadv),
            "vert": read_vert(font, gid_of),
        }


# The language systems whose `vert` substitutions are taken, first found wins: Simplified
# Chinese (the copy's), then the Han script's and the font's defaults.
_VERT_LANGSYS = (("hani", "ZHS "), ("hani", None), ("DFLT", "ZHS "), ("DFLT", None), ("latn", None))


def read_vert(font, gid_of: dict | None = None) -> dict:
    """The `vert` GSUB single substitutions of a fontTools TTFont as {gid: gid} ({} if none)."""
    if "GSUB" not in font:
        return {}
    table = font["GSUB"].table
    if not table.FeatureList or not table.ScriptList or not table.LookupList:
        return {}
    if gid_of is None:
        gid_of = {name: i for i, name in enumerate(font.getGlyphOrder())}
    feats = table.FeatureList.FeatureRecord
    scripts = {r.ScriptTag: r.Script for r in table.ScriptList.ScriptRecord}
    lookups: list[int] | None = None
    for tag, lang in _VERT_LANGSYS:
        sc = scripts.get(tag)
        if sc is None:
            continue
        ls = sc.DefaultLangSys if lang is None else next(
            (r.LangSys for r in sc.LangSysRecord if r.LangSysTag == lang), None)
        if ls is None:
            continue
        idx = [i for i in ls.FeatureIndex if feats[i].FeatureTag == "vert"]
        if idx:
            lookups = [li for i in idx for li in feats[i].Feature.LookupListIndex]
            break
    if lookups is None:      # no language system names it: every vert feature of the font
        lookups = [li for r in feats if r.FeatureTag == "vert" for li in r.Feature.LookupListIndex]
    out: dict[int, int] = {}
    for li in lookups:
        lk = table.LookupList.Lookup[li]
        for st in lk.SubTable:
            if lk.LookupType == 7:
                st = st.ExtSubTable
            mapping = getattr(st, "mapping", None)
            if not mapping:
                continue
            for a, b in mapping.items():
                ga, gb = gid_of.get(a), gid_of.get(b)
                if ga is not None and gb is not None and ga not in out:
                    out[ga] = gb
    return out


def _vert_of(path: Path) -> dict:
    """read_vert of a font file (fontTools reads only GSUB and the glyph order)."""
    from fontTools.ttLib import TTFont
    with TTFont(str(path), lazy=True) as font:
        return read_vert(font)


# getBestCmap's order: full Unicode before BMP-only subtables
_CMAP_PREFERENCE = ((3, 10), (0, 6), (0, 4), (3, 1), (0, 3), (0, 2), (0, 1), (0, 0))


def read_metrics_direct(path: Path, keep_units: bool = False) -> dict | None:
    """The same metrics as :func:`read_metrics`, read with struct from the sfnt tables
    (head, hhea, maxp, hmtx, OS/2, name, cmap 4/12) in milliseconds instead of a second;
    None for anything this reader does not handle (fontTools then reads the file)."""
    import mmap
    try:
        with open(path, "rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as d:
            m = _direct(d, Path(path))
    except (OSError, ValueError, struct.error, IndexError, KeyError, UnicodeDecodeError):
        return None
    if m is not None and not keep_units:
        del m["_units"], m["_vunits"]
    return m


def _metrics_and_units(path: Path) -> tuple[dict, list | None]:
    """(metrics, advances in font units or None), direct read first, fontTools if need be."""
    m = read_metrics_direct(path, keep_units=True)
    if m is not None:
        m.pop("_vunits")
        return m, m.pop("_units")
    return read_metrics(path), None


def _direct(d, path: Path) -> dict | None:
    u16 = struct.Struct(">H").unpack_from
    i16 = struct.Struct(">h").unpack_from
    u32 = struct.Struct(">I").unpack_from
    if u32(d, 0)[0] not in (0x00010000, 0x74727565, 0x4F54544F):   # TrueType / 'true' / 'OTTO'
        return None
    tables = {}
    for i in range(u16(d, 4)[0]):
        tag, _chk, off, length = struct.unpack_from(">4sIII", d, 12 + 16 * i)
        if off + length > len(d):
            return None
        tables[tag.decode("latin-1")] = (off, length)
    head, hhea, maxp = tables["head"][0], tables["hhea"][0], tables["maxp"][0]
    upem = u16(d, head + 18)[0]
    n_glyphs = u16(d, maxp + 4)[0]
    n_hm = u16(d, hhea + 34)[0]
    if not upem or not n_hm or n_hm > n_glyphs:
        return None
    hm = tables["hmtx"][0]
    aws = struct.unpack_from(f">{2 * n_hm}H", d, hm)[0::2] + (struct.unpack_from(">H", d, hm + 4 * (n_hm - 1))[0],) * (n_glyphs - n_hm)
    advances = tuple([aw / upem for aw in aws])
    cmap = _direct_cmap(d, tables["cmap"][0], n_glyphs)
    if cmap is None:
        return None
    name = _direct_names(d, tables["name"][0]) if "name" in tables else {}
    fs_type = u16(d, tables["OS/2"][0] + 8)[0] if "OS/2" in tables else 0
    if "OS/2" in tables:
        em_top, em_bottom = (v / upem for v in struct.unpack_from(">hh", d, tables["OS/2"][0] + 68))
    else:
        em_top, em_bottom = EM_TOP_DEFAULT, EM_BOTTOM_DEFAULT
    vaws: tuple = ()
    if "vhea" in tables and "vmtx" in tables:
        n_vm = u16(d, tables["vhea"][0] + 34)[0]
        if not n_vm or n_vm > n_glyphs:
            return None
        vm = tables["vmtx"][0]
        vaws = struct.unpack_from(f">{2 * n_vm}H", d, vm)[0::2] + (u16(d, vm + 4 * (n_vm - 1))[0],) * (n_glyphs - n_vm)
    vert: dict | None = {}
    if "GSUB" in tables:
        off, length = tables["GSUB"]
        vert = _direct_vert(memoryview(d)[off:off + length], n_glyphs)
        if vert is None:            # a GSUB this reader does not follow: fontTools reads it
            vert = _vert_of(path)
    return {
        "units_per_em": upem,
        "ascender": i16(d, hhea + 4)[0] / upem,
        "descender": i16(d, hhea + 6)[0] / upem,
        "em_top": em_top,
        "em_bottom": em_bottom,
        "cmap": cmap,
        "advances": advances,
        "ps_name": name.get(6) or path.stem,
        "family": name.get(16) or name.get(1) or path.stem,
        "fs_type": fs_type,
        "has_glyf": "glyf" in tables,
        "has_cff": "CFF " in tables or "CFF2" in tables,
        "vadvances": tuple([a / upem for a in vaws]),
        "vert": vert,
        "_units": aws,
        "_vunits": vaws,
    }


def _direct_vert(g, n_glyphs: int) -> dict | None:
    """:func:`read_vert` straight from the GSUB table's bytes ``g``: the same language system
    choice and the same first-wins order over the `vert` lookups' single substitutions
    (lookup type 1, directly or inside an extension, type 7), without fontTools — whose glyph
    order of a `post` format 3 font (names made up from the cmap) takes ~0.3 s per face.
    None when the table is of a shape this reader does not follow (fontTools then reads it)."""
    u16 = struct.Struct(">H").unpack_from
    major = u16(g, 0)[0]
    if major != 1:
        return None
    script_off, feat_off, lookup_off = struct.unpack_from(">HHH", g, 4)
    if not script_off or not feat_off or not lookup_off:
        return {}

    def array16(at: int) -> tuple:
        return struct.unpack_from(f">{u16(g, at)[0]}H", g, at + 2)

    n_feat = u16(g, feat_off)[0]
    feats = []                                          # (tag, lookup indices)
    for i in range(n_feat):
        tag, off = struct.unpack_from(">4sH", g, feat_off + 2 + 6 * i)
        feats.append((tag.decode("latin-1"), array16(feat_off + off + 2)))
    scripts = {}
    for i in range(u16(g, script_off)[0]):
        tag, off = struct.unpack_from(">4sH", g, script_off + 2 + 6 * i)
        scripts.setdefault(tag.decode("latin-1"), script_off + off)
    lookups: list[int] | None = None
    for tag, lang in _VERT_LANGSYS:
        sc = scripts.get(tag)
        if sc is None:
            continue
        default_off, n_lang = struct.unpack_from(">HH", g, sc)
        ls = None
        if lang is None:
            ls = sc + default_off if default_off else None
        else:
            for k in range(n_lang):
                ltag, loff = struct.unpack_from(">4sH", g, sc + 4 + 6 * k)
                if ltag.decode("latin-1") == lang:
                    ls = sc + loff
                    break
        if ls is None:
            continue
        idx = [i for i in array16(ls + 4) if i < n_feat and feats[i][0] == "vert"]
        if idx:
            lookups = [li for i in idx for li in feats[i][1]]
            break
    if lookups is None:
        lookups = [li for tag, lis in feats if tag == "vert" for li in lis]
    lookup_offs = array16(lookup_off)
    out: dict[int, int] = {}
    for li in lookups:
        lk = lookup_off + lookup_offs[li]
        ltype = u16(g, lk)[0]
        for st_off in array16(lk + 4):
            st = lk + st_off
            typ = ltype
            if typ == 7:
                fmt, typ, ext = struct.unpack_from(">HHI", g, st)
                if fmt != 1:
                    return None
                st += ext
            if typ != 1:
                continue            # only single substitutions have a mapping
            fmt, cov = struct.unpack_from(">HH", g, st)
            glyphs = _coverage(g, st + cov)
            if glyphs is None or fmt not in (1, 2):
                return None
            if fmt == 1:
                delta = struct.unpack_from(">h", g, st + 4)[0]
                subst = [(a + delta) & 0xFFFF for a in glyphs]
            else:
                subst = array16(st + 4)
                if len(subst) != len(glyphs):
                    return None
            for a, b in zip(glyphs, subst):
                if a < n_glyphs and b < n_glyphs and a not in out:
                    out[a] = b
    return out


def _coverage(g, at: int) -> list | None:
    """The glyph ids of an OpenType coverage table, in coverage order."""
    fmt, n = struct.unpack_from(">HH", g, at)
    if fmt == 1:
        return list(struct.unpack_from(f">{n}H", g, at + 4))
    if fmt == 2:
        out = []
        for k in range(n):
            start, end, _index = struct.unpack_from(">HHH", g, at + 4 + 6 * k)
            out.extend(range(start, end + 1))
        return out
    return None


def _direct_cmap(d, base: int, n_glyphs: int) -> dict | None:
    u16 = struct.Struct(">H").unpack_from
    subtables = {}
    for i in range(u16(d, base + 2)[0]):
        plat, enc, off = struct.unpack_from(">HHI", d, base + 4 + 8 * i)
        subtables.setdefault((plat, enc), base + off)
    for pe in _CMAP_PREFERENCE:
        off = subtables.get(pe)
        if off is None:
            continue
        fmt = u16(d, off)[0]
        if fmt == 4:
            return _cmap4(d, off, n_glyphs)
        if fmt == 12:
            return _cmap12(d, off, n_glyphs)
        return None          # a preferred subtable in a format this reader does not decode
    return None


def _cmap4(d, off: int, n_glyphs: int) -> dict:
    seg2 = struct.unpack_from(">H", d, off + 6)[0]
    n = seg2 // 2
    ends = struct.unpack_from(f">{n}H", d, off + 14)
    starts = struct.unpack_from(f">{n}H", d, off + 16 + seg2)
    deltas = struct.unpack_from(f">{n}h", d, off + 16 + 2 * seg2)
    ro_base = off + 16 + 3 * seg2
    ranges = struct.unpack_from(f">{n}H", d, ro_base)
    cmap = {}
    for i in range(n):
        start, end, delta, ro = starts[i], ends[i], deltas[i], ranges[i]
        if start > end:
            continue
        # glyph 0 is .notdef (not a mapping); ids past the glyph count name no glyph
        if ro == 0:
            if 0 < ((start + delta) & 0xFFFF) and ((end + delta) & 0xFFFF) < n_glyphs \
                    and ((start + delta) & 0xFFFF) <= ((end + delta) & 0xFFFF):
                g0 = (start + delta) & 0xFFFF       # the whole segment maps to a run of glyphs
                cmap.update(zip(range(start, end + 1), range(g0, g0 + end - start + 1)))
            else:
                for cp in range(start, end + 1):
                    g = (cp + delta) & 0xFFFF
                    if 0 < g < n_glyphs:
                        cmap[cp] = g
        else:
            at = ro_base + 2 * i + ro
            glyphs = struct.unpack_from(f">{end - start + 1}H", d, at)
            for k, g in enumerate(glyphs):
                if g:
                    g = (g + delta) & 0xFFFF
                    if 0 < g < n_glyphs:
                        cmap[start + k] = g
    return cmap


def _cmap12(d, off: int, n_glyphs: int) -> dict:
    n_groups = struct.unpack_from(">I", d, off + 12)[0]
    cmap = {}
    for start, end, gid in struct.iter_unpack(">III", d[off + 16:off + 16 + 12 * n_groups]):
        for k in range(end - start + 1):
            cmap[start + k] = gid + k
    return {cp: g for cp, g in cmap.items() if g < n_glyphs}


def _direct_names(d, base: int) -> dict:
    """nameID -> string, English (Windows 0x409 or Mac 0) preferred, as getDebugName picks."""
    count, str_off = struct.unpack_from(">HH", d, base + 2)
    some, english = {}, {}
    for i in range(count):
        plat, enc, lang, nid, length, off = struct.unpack_from(">6H", d, base + 6 + 12 * i)
        if nid not in (1, 6, 16) or nid in english:
            continue
        raw = d[base + str_off + off:base + str_off + off + length]
        if plat in (0, 3):
            text = raw.decode("utf-16-be")
        elif plat == 1 and enc == 0:
            text = raw.decode("mac_roman")
        else:
            continue
        some[nid] = text
        if (plat, lang) in ((1, 0), (3, 0x409)):
            english[nid] = text
    return {**some, **english}


def _default_cache_dir() -> Path:
    return cache.cache_dir()


def _cache_key(path: Path) -> tuple:
    st = path.stat()
    return (_CACHE_FORMAT, path.name, st.st_size, st.st_mtime_ns)


def _cache_file(cache_dir: Path, path: Path) -> Path:
    return cache_dir / f"fontmetrics-{path.name}.bin"


_SCALARS = {"units_per_em": int, "ascender": float, "descender": float, "em_top": float, "em_bottom": float,
            "ps_name": str, "family": str,
            "fs_type": int, "has_glyf": bool, "has_cff": bool}


def _load_cached(cache_dir: Path, path: Path, key: tuple) -> dict | None:
    """The cached metrics, or None if missing, not a record, from another version or file, or
    inconsistent (array lengths, glyph ids past the glyph count): then they are read afresh."""
    rec = cache.read_record(_cache_file(cache_dir, path), "fontmetrics")
    if rec is None:
        return None
    h, blobs = rec
    if h.get("key") != list(key) or len(blobs) != 6:
        return None
    m = {}
    for name, typ in _SCALARS.items():
        v = h.get(name)
        if type(v) is not typ and not (typ is float and type(v) is int):
            return None
        m[name] = v
    n_cmap, n_glyphs, upem = h.get("n_cmap"), h.get("n_glyphs"), m["units_per_em"]
    cps = cache.unpack_array("I", blobs[0], n_cmap)
    gids = cache.unpack_array("I", blobs[1], n_cmap)
    # the advances in em as float64, exactly the aw / upem the font gives (tuple() of an array
    # is a C loop: ~0.6 ms a face against ~2.4 ms dividing 30 000 font units in Python)
    aws = cache.unpack_array("d", blobs[2], n_glyphs)
    n_vadv, n_vert = h.get("n_vadv"), h.get("n_vert")
    if n_vadv not in (0, n_glyphs) or type(n_vert) is not int:
        return None
    vaws = cache.unpack_array("d", blobs[3], n_vadv)
    vsrc = cache.unpack_array("I", blobs[4], n_vert)
    vdst = cache.unpack_array("I", blobs[5], n_vert)
    if cps is None or gids is None or aws is None or upem <= 0 or (gids and max(gids) >= n_glyphs):
        return None
    if vaws is None or vsrc is None or vdst is None or (vsrc and max(max(vsrc), max(vdst)) >= n_glyphs):
        return None
    m["cmap"] = dict(zip(cps, gids))
    m["advances"] = tuple(aws)
    m["vadvances"] = tuple(vaws)
    m["vert"] = dict(zip(vsrc, vdst))
    return m


def _store_cached(cache_dir: Path, path: Path, key: tuple, metrics: dict, aws=None) -> None:
    vadv = metrics.get("vadvances", ())
    if len(vadv) not in (0, len(metrics["advances"])):
        return
    header = {name: metrics[name] for name in _SCALARS}
    vert = metrics.get("vert", {})
    header.update(key=list(key), n_cmap=len(metrics["cmap"]), n_glyphs=len(metrics["advances"]),
                  n_vadv=len(vadv), n_vert=len(vert))
    cmap = metrics["cmap"]
    cache.write_record(_cache_file(cache_dir, path), "fontmetrics", header,
                       [cache.pack_array("I", cmap.keys()), cache.pack_array("I", cmap.values()),
                        cache.pack_array("d", metrics["advances"]), cache.pack_array("d", vadv),
                        cache.pack_array("I", vert.keys()), cache.pack_array("I", vert.values())])


# ------------------------------------------------------------------ registry

class FontRegistry:
    """The bundled faces by id; faces are read on first use."""

    def __init__(self, fonts_dir: Path = FONTS_DIR, cache_dir: Path | None = None):
        self.fonts_dir = Path(fonts_dir)
        self.cache_dir = Path(cache_dir) if cache_dir is not None else _default_cache_dir()
        self._faces: dict[str, FontFace] = {}
        self._lock = threading.RLock()
        self._covered: frozenset[int] | None = None
        self._display: dict = {}        # font id -> result.Face

    def __repr__(self) -> str:
        return f"FontRegistry({str(self.fonts_dir)!r})"

    def ids(self) -> tuple[str, ...]:
        """Ids of the faces whose file is present, in FACE_FILES order."""
        return tuple(fid for fid, fn in FACE_FILES.items() if (self.fonts_dir / fn).is_file())

    def path(self, font_id: str) -> Path:
        try:
            return self.fonts_dir / FACE_FILES[font_id]
        except KeyError:
            raise KeyError(
                f"unknown font id {font_id!r}; known ids: {', '.join(FACE_FILES)}"
            ) from None

    def face(self, font_id: str) -> FontFace:
        face = self._faces.get(font_id)
        if face is not None:
            return face
        path = self.path(font_id)  # KeyError for unknown ids
        with self._lock:
            face = self._faces.get(font_id)
            if face is None:
                face = self._load(font_id, path)
                self._faces[font_id] = face
        return face

    def _load(self, font_id: str, path: Path) -> FontFace:
        if not path.is_file():
            raise FileNotFoundError(
                f"font {font_id!r}: {path} is missing (rebuild with python fonts/build_fonts.py)"
            )
        key = _cache_key(path)
        metrics = _load_cached(self.cache_dir, path, key)
        if metrics is None:
            metrics, units = _metrics_and_units(path)
            _store_cached(self.cache_dir, path, key, metrics, units)
        return FontFace(
            id=font_id,
            path=path,
            ps_name=metrics["ps_name"],
            family=metrics["family"],
            units_per_em=metrics["units_per_em"],
            ascender=metrics["ascender"],
            descender=metrics["descender"],
            cmap=metrics["cmap"],
            advances=metrics["advances"],
            embeddable=not (metrics["fs_type"] & 0x0002),
            vadvances=metrics.get("vadvances", ()),
            vert=metrics.get("vert", {}),
            em_top=metrics["em_top"],
            em_bottom=metrics["em_bottom"],
        )

    def display_face(self, font_id: str):
        """The face table entry (result.Face) painters draw ``font_id``'s runs with."""
        f = self._display.get(font_id)
        if f is None:
            from .result import Face
            ff = self.face(font_id)
            f = self._display[font_id] = Face(ff.id, str(ff.path), ff.ps_name, ff.units_per_em, ff.em_top,
                                              ff.em_bottom, ff.ascender, ff.descender, ff.cmap, ff.advances)
        return f

    def face_table(self, items) -> tuple:
        """A page's face table (PageResult.faces): the entries of the faces its glyph runs
        (any item with a ``font`` and ``glyphs``) are set in, by font id."""
        ids = {it.font for it in items if hasattr(it, "glyphs")}
        return self.face_table_of(sorted(ids))

    def face_table_of(self, font_ids) -> tuple:
        """The face table entries of ``font_ids``, in that order."""
        return tuple(self.display_face(fid) for fid in font_ids)

    def resolve(self, font_id: str, ch: str) -> str | None:
        """``font_id`` if it has ``ch``, else the first face of FALLBACK that has it, else None."""
        if self.face(font_id).has(ch):
            return font_id
        available = self.ids()
        for fid in FALLBACK:
            if fid != font_id and fid in available and self.face(fid).has(ch):
                return fid
        return None

    def _coverage(self) -> frozenset[int]:
        if self._covered is None:
            covered: set[int] = set()
            for fid in self.ids():
                covered.update(self.face(fid).cmap)
            self._covered = frozenset(covered)
        return self._covered

    def missing(self, text: str) -> list[tuple[int, str]]:
        """(index, char) of every character of ``text`` that no bundled face has."""
        covered = self._coverage()
        return [
            (i, ch) for i, ch in enumerate(text)
            if ch not in IGNORED_CHARS and ord(ch) not in covered
        ]


@functools.lru_cache(maxsize=None)
def default_registry() -> FontRegistry:
    """The registry of the bundled fonts with the default cache directory."""
    return FontRegistry()
