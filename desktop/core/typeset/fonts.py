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

_CACHE_FORMAT = 2  # bump when the cached metrics change shape


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
        return {
            "units_per_em": upem,
            "ascender": hhea.ascent / upem,
            "descender": hhea.descent / upem,
            "cmap": cmap,
            "advances": advances,
            "ps_name": ps_name,
            "family": family,
            "fs_type": fs_type,
            "has_glyf": "glyf" in font,
            "has_cff": "CFF " in font or "CFF2" in font,
        }


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
        del m["_units"]
    return m


def _metrics_and_units(path: Path) -> tuple[dict, list | None]:
    """(metrics, advances in font units or None), direct read first, fontTools if need be."""
    m = read_metrics_direct(path, keep_units=True)
    if m is not None:
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
    return {
        "units_per_em": upem,
        "ascender": i16(d, hhea + 4)[0] / upem,
        "descender": i16(d, hhea + 6)[0] / upem,
        "cmap": cmap,
        "advances": advances,
        "ps_name": name.get(6) or path.stem,
        "family": name.get(16) or name.get(1) or path.stem,
        "fs_type": fs_type,
        "has_glyf": "glyf" in tables,
        "has_cff": "CFF " in tables or "CFF2" in tables,
        "_units": aws,
    }


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


_SCALARS = {"units_per_em": int, "ascender": float, "descender": float, "ps_name": str, "family": str,
            "fs_type": int, "has_glyf": bool, "has_cff": bool}


def _load_cached(cache_dir: Path, path: Path, key: tuple) -> dict | None:
    """The cached metrics, or None if missing, not a record, from another version or file, or
    inconsistent (array lengths, glyph ids past the glyph count): then they are read afresh."""
    rec = cache.read_record(_cache_file(cache_dir, path), "fontmetrics")
    if rec is None:
        return None
    h, blobs = rec
    if h.get("key") != list(key) or len(blobs) != 3:
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
    aws = cache.unpack_array("I", blobs[2], n_glyphs)
    if cps is None or gids is None or aws is None or upem <= 0 or (gids and max(gids) >= n_glyphs):
        return None
    m["cmap"] = dict(zip(cps, gids))
    m["advances"] = tuple([aw / upem for aw in aws])
    return m


def _store_cached(cache_dir: Path, path: Path, key: tuple, metrics: dict, aws=None) -> None:
    upem = metrics["units_per_em"]
    if aws is None:
        aws = [round(a * upem) for a in metrics["advances"]]
        if any(aw / upem != a for aw, a in zip(aws, metrics["advances"])):
            return          # advances not whole font units: not worth caching in this form
    header = {name: metrics[name] for name in _SCALARS}
    header.update(key=list(key), n_cmap=len(metrics["cmap"]), n_glyphs=len(aws))
    cmap = metrics["cmap"]
    cache.write_record(_cache_file(cache_dir, path), "fontmetrics", header,
                       [cache.pack_array("I", cmap.keys()), cache.pack_array("I", cmap.values()),
                        cache.pack_array("I", aws)])


# ------------------------------------------------------------------ registry

class FontRegistry:
    """The bundled faces by id; faces are read on first use."""

    def __init__(self, fonts_dir: Path = FONTS_DIR, cache_dir: Path | None = None):
        self.fonts_dir = Path(fonts_dir)
        self.cache_dir = Path(cache_dir) if cache_dir is not None else _default_cache_dir()
        self._faces: dict[str, FontFace] = {}
        self._lock = threading.RLock()
        self._covered: frozenset[int] | None = None

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
        )

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
