"""Font registry: the bundled files in ``fonts/``, their metrics, coverage and fallback.

The layout engine measures with these metrics and nothing else (cmap, hmtx,
units per em, hhea ascender/descender read with fontTools); the painters draw
with the same files. No Qt, no reportlab here.

Reading cmap + hmtx of a 30 000-glyph font with fontTools takes a noticeable
fraction of a second, so the extracted metrics are cached in a pickle under
``cache_dir`` keyed by file name, size and mtime; a cache that cannot be read
or written is ignored silently.
"""
from __future__ import annotations

import functools
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
}

FALLBACK: tuple[str, ...] = ("song", "hei", "kai")  # order tried when a face lacks a character

# Characters that are never drawn, so never "missing".
IGNORED_CHARS = frozenset("\n\r\t\u200b\u2028")

_CACHE_FORMAT = 1  # bump when the pickled metrics change shape


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


def _default_cache_dir() -> Path:
    return cache.cache_dir()


def _cache_key(path: Path) -> tuple:
    st = path.stat()
    return (_CACHE_FORMAT, path.name, st.st_size, st.st_mtime_ns)


def _cache_file(cache_dir: Path, path: Path) -> Path:
    return cache_dir / f"fontmetrics-{path.name}.pickle"


def _load_cached(cache_dir: Path, path: Path, key: tuple) -> dict | None:
    data = cache.read_pickle(_cache_file(cache_dir, path))
    if isinstance(data, dict) and data.get("key") == key and isinstance(data.get("metrics"), dict):
        return data["metrics"]
    return None     # missing, truncated, from another version: read afresh


def _store_cached(cache_dir: Path, path: Path, key: tuple, metrics: dict) -> None:
    cache.write_pickle(_cache_file(cache_dir, path), {"key": key, "metrics": metrics})


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
            metrics = read_metrics(path)
            _store_cached(self.cache_dir, path, key, metrics)
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
