"""Print-ready PDF: a painter on reportlab's low-level pdfgen canvas.

What the plant expects is in PRINT.md.  This module only draws what layout
decided (render/paint.py walks the display list); it never re-breaks,
re-measures, kerns or scales.  The y-flip from the display list's top-left,
y-down points to PDF's bottom-up user space lives here and nowhere else.

- Fonts: each bundled .ttf used is registered under a name unique to this
  export and embedded by reportlab as TrueType subsets with a ToUnicode map.
  The subset tag (the ``ABCDEF+`` in ``ABCDEF+BanmianSong-Regular``) is drawn
  at random per export, so two PDFs made separately never carry two different
  subsets under one name.
- Glyphs: one TJ array per subset segment of a run; the numbers between the
  glyphs move each glyph to the engine's x exactly, computed from the same
  /Widths reportlab writes.  No Tz, Tc or Tw.
- Colour: DeviceCMYK only (the canvas refuses RGB); 100 % K text overprints.
  Marks are in the registration colour (Separation /All).
- Images: Pillow → crop to the frame → downsample above ``max_ppi`` → CMYK
  through the ICC profile → ink limit by grey-component replacement → CMYK
  JPEG (or Flate when JPEG would overshoot the ink limit) passed through.
- PDF/X identification (OutputIntent, GTS_PDFXVersion, XMP) is added by
  render/pdfx.py with pikepdf after reportlab has written the file.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import io
import os
import secrets
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from banmian.core import cache
from banmian.core.io import atomic_target
from banmian.core.model.units import PT_PER_MM
from banmian.core.paths import default_profile
from banmian.core.typeset.result import Box, GlyphRun, ImagePlacement, LayoutResult, PageResult, Rule
from banmian.render.paint import paint_page

DEFAULT_PROFILE = default_profile()

MAX_PPI = 300.0          # images above this are downsampled (at placed size)
JPEG_QUALITY = 85
SLUG_MM = 12.0           # slug beyond the bleed on every side when marks are on
MARK_OFFSET_MM = 3.0     # crop marks start this far outside the trim (never inside the bleed)
MARK_LENGTH_MM = 6.0
MARK_WEIGHT_PT = 0.25


class ExportError(Exception):
    """The export could not be written (bad profile, unwritable target …)."""


@dataclass
class ExportReport:
    out_path: str
    pages: int = 0
    pdfx: str = ""
    profile: str = ""                     # description of the ICC profile used
    fonts: list[dict] = field(default_factory=list)    # id, ps_name, file, subset names
    images: list[dict] = field(default_factory=list)   # path, frame, px, ppi, ink max, encoding
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    bytes: int = 0

    def to_dict(self) -> dict:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


# ------------------------------------------------------------------ fonts

def _subset_tag(base: int, n: int) -> str:
    """Six capital letters, the PDF subset-tag convention, distinct per subset."""
    v = (base + n) % (26 ** 6)
    s = ""
    for _ in range(6):
        v, r = divmod(v, 26)
        s = chr(65 + r) + s
    return s


_FACE_CACHE: dict[tuple, object] = {}   # (path, size, mtime) -> reportlab face for this process
_FACE_CACHE_FORMAT = 2
_BIG = ("_ttf_data", "_pdfScale", "charToGlyph", "glyphToChar", "charWidths", "hmetrics", "glyphPos")


def _map_file(path: Path):
    """The font file memory-mapped: subsetting touches only the glyphs it copies, so
    a 13 MB font costs a few hundred KiB of resident memory instead of 13 MB."""
    import mmap
    with open(path, "rb") as fh:
        return mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)


class _Overlay:
    """code point -> glyph id: the layout registry's cmap (shared, never written)
    plus this process's private-use codes for alternate glyphs."""

    def __init__(self, base):
        self.base = base
        self.extra: dict[int, int] = {}

    def __contains__(self, cp):
        return cp in self.extra or cp in self.base

    def __getitem__(self, cp):
        v = self.extra.get(cp)
        return self.base[cp] if v is None else v

    def get(self, cp, default=None):
        v = self.extra.get(cp)
        return self.base.get(cp, default) if v is None else v

    def __setitem__(self, cp, gid):
        self.extra[cp] = gid


class _Widths:
    """code point -> advance in 1/1000 em, from the layout registry's advances."""

    def __init__(self, cmap: _Overlay, advances, upem: int):
        self.cmap, self.advances, self.upem = cmap, advances, upem
        self.extra: dict[int, float] = {}

    def get(self, cp, default=None):
        v = self.extra.get(cp)
        if v is not None:
            return v
        gid = self.cmap.get(cp)
        if gid is None or gid >= len(self.advances):
            return default
        aw = round(self.advances[gid] * self.upem)       # the hmtx value, exactly
        return aw if self.upem == 1000 else aw * 1000 / self.upem

    def __setitem__(self, cp, w):
        self.extra[cp] = w


class _Hmtx:
    """hmetrics[gid] -> (advance, lsb) read from the mapped hmtx table on demand."""

    def __init__(self, data, off: int, n_hmetrics: int, n_glyphs: int):
        self.data, self.off, self.n, self.count = data, off, n_hmetrics, n_glyphs

    def __len__(self):
        return self.count

    def __getitem__(self, gid):
        import struct
        if gid < self.n:
            return struct.unpack_from(">HH", self.data, self.off + 4 * gid)
        aw = struct.unpack_from(">H", self.data, self.off + 4 * (self.n - 1))[0]
        lsb = struct.unpack_from(">H", self.data, self.off + 4 * self.n + 2 * (gid - self.n))[0]
        return aw, lsb


class _Loca:
    """glyphPos[gid] -> offset of the glyph in glyf, read from the mapped loca table."""

    def __init__(self, data, off: int, long_format: bool, count: int):
        self.data, self.off, self.long, self.count = data, off, long_format, count

    def __len__(self):
        return self.count

    def __getitem__(self, i):
        import struct
        if self.long:
            return struct.unpack_from(">L", self.data, self.off + 4 * i)[0]
        return struct.unpack_from(">H", self.data, self.off + 2 * i)[0] << 1


def _rl_face(path: Path, ff=None):
    """A reportlab TTFontFace for a font file, without reportlab parsing the whole font.

    reportlab's parser builds Python dicts of every code point, width, metric and
    glyph offset (~0.15 s and ~15 MB per 30 000-glyph face).  Banmian already has
    the cmap and advances in the layout's font registry (``ff``), and subsetting
    needs hmtx/loca only for the few hundred glyphs a page uses, so: the face's
    scalar fields (names, flags, bbox, table directory) are parsed once and pickled
    under ~/.cache/banmian; the tables are read on demand from the memory-mapped
    file.  Without ``ff`` (or when anything is off) reportlab parses the file.
    """
    import struct
    from reportlab import Version as rl_version
    from reportlab.pdfbase.ttfonts import TTFontFace
    st = path.stat()
    key = (str(path), st.st_size, st.st_mtime_ns)
    face = _FACE_CACHE.get(key)
    if face is not None:
        return face
    if ff is None:
        face = TTFontFace(str(path), validate=0)
        _FACE_CACHE[key] = face
        return face
    disk_key = (_FACE_CACHE_FORMAT, rl_version, path.name, st.st_size, st.st_mtime_ns)
    cache_file = cache.cache_dir() / f"rlface-{path.name}.pickle"
    data = cache.read_pickle(cache_file)
    state = data["state"] if isinstance(data, dict) and data.get("key") == disk_key else None
    if state is None:       # missing, truncated, other version: parse afresh
        full = TTFontFace(str(path), validate=0)
        state = {k: v for k, v in full.__dict__.items() if k not in _BIG}
        del full
        cache.write_pickle(cache_file, {"key": disk_key, "state": state})
    face = TTFontFace.__new__(TTFontFace)
    face.__dict__.update(state)
    data = _map_file(path)
    face._ttf_data = data
    upem = face.unitsPerEm
    face._pdfScale = (lambda x: x) if upem == 1000 else (lambda x, f=1000 / upem: x * f)
    table = face.table
    head, hhea = table["head"]["offset"], table["hhea"]["offset"]
    n_glyphs = struct.unpack_from(">H", data, table["maxp"]["offset"] + 4)[0]
    long_loca = struct.unpack_from(">h", data, head + 50)[0] == 1
    n_hm = struct.unpack_from(">H", data, hhea + 34)[0]
    face.charToGlyph = _Overlay(ff.cmap)
    face.charWidths = _Widths(face.charToGlyph, ff.advances, upem)
    face.glyphToChar = {}
    face.hmetrics = _Hmtx(data, table["hmtx"]["offset"], n_hm, n_glyphs)
    face.glyphPos = _Loca(data, table["loca"]["offset"], long_loca, n_glyphs + 1)
    _FACE_CACHE[key] = face
    return face


def _make_font_class():
    """A TTFont whose subsets carry this export's own tag and whose ToUnicode maps
    alternate glyphs (drawn through private-use codes) back to their characters."""
    from reportlab.pdfbase import pdfdoc
    from reportlab.pdfbase.ttfonts import FF_NONSYMBOLIC, TTEncoding, TTFont, makeToUnicodeCMap  # noqa: F401
    from weakref import WeakKeyDictionary

    class ExportFont(TTFont):
        def __init__(self, name: str, face, tag_base: int):
            # TTFont.__init__ would parse the file again; the face is shared and cached.
            self.fontName = name
            self.face = face
            self.encoding = TTEncoding()
            self.state = WeakKeyDictionary()
            self._asciiReadable = False
            self._shapable = False
            self.tag_base = tag_base
            self.alt_unicode: dict[int, int] = {}   # private-use code -> the character it shows
            self.subset_names: list[str] = []

        def addObjects(self, doc):
            state = self._assignState(doc)
            state.frozen = 1
            for n, subset in enumerate(state.subsets):
                internal = self.getSubsetInternalName(n, doc)[1:]
                base = f"{_subset_tag(self.tag_base, n)}+{self.face.name.decode('latin-1')}"
                self.subset_names.append(base)
                font = pdfdoc.PDFTrueTypeFont()
                font.__Comment__ = f"Font {self.fontName} subset {n}"
                font.Name = internal
                font.BaseFont = base
                font.FirstChar = 0
                font.LastChar = len(subset) - 1
                font.Widths = pdfdoc.PDFArray([self.face.getCharWidth(c) for c in subset])
                cmap = pdfdoc.PDFStream()
                cmap.content = makeToUnicodeCMap(base, [self.alt_unicode.get(c, c) for c in subset])
                if doc.compression:
                    cmap.filters = [pdfdoc.PDFZCompress]
                font.ToUnicode = doc.Reference(cmap, "toUnicodeCMap:" + base)
                font.FontDescriptor = self.face.addSubsetObjects(doc, base, subset)
                doc.Reference(font, internal)
                doc.idToObject["BasicFonts"].dict[internal] = font
            del self.state[doc]

    return ExportFont


class _Fonts:
    """This export's fonts: registry id -> registered reportlab font."""

    def __init__(self, registry):
        from reportlab.pdfbase import pdfmetrics
        self._pdfmetrics = pdfmetrics
        self.registry = registry
        self.cls = _make_font_class()
        self.tag = secrets.token_hex(3)
        self.tag_base = secrets.randbelow(26 ** 6)
        self.fonts: dict[str, object] = {}
        self.face_of: dict[str, object] = {}

    def get(self, font_id: str):
        f = self.fonts.get(font_id)
        if f is None:
            ff = self.registry.face(font_id)
            face = _rl_face(Path(ff.path), ff)
            name = f"{ff.ps_name}-{self.tag}"
            f = self.cls(name, face, self.tag_base + 7919 * len(self.fonts))
            # Not pdfmetrics.registerFont: for TrueType it hands back the font object first
            # registered with the same PostScript face name (an earlier export's, with its
            # subset tags).  The canvas only needs to find our object under our name.
            self._pdfmetrics._fonts[name] = f
            self.fonts[font_id] = f
            self.face_of[font_id] = ff
        return f

    def code_for(self, font, ch: str, gid: int) -> int:
        """The code point reportlab should encode so that glyph ``gid`` is drawn."""
        face = font.face
        cp = ord(ch) if len(ch) == 1 else 0
        if face.charToGlyph.get(cp) == gid:
            return cp
        # an alternate glyph (vertical form, locl …) or a ligature: a private-use code
        alts = face.__dict__.setdefault("_banmian_alts", {})
        pua = alts.get(gid)
        if pua is None:
            pua = 0xE000
            while pua in face.charToGlyph:
                pua += 1
            if pua > 0xF8FF:
                return cp
            alts[gid] = pua
            face.charToGlyph[pua] = gid
            face.glyphToChar.setdefault(gid, []).append(pua)
            upem = face.unitsPerEm
            face.charWidths[pua] = (face.hmetrics[gid][0] * 1000 / upem if gid < len(face.hmetrics)
                                    else face.defaultWidth)
        if cp and cp <= 0xFFFF:
            font.alt_unicode[pua] = cp
        return pua

    def release(self):
        for f in self.fonts.values():
            self._pdfmetrics._fonts.pop(f.fontName, None)

    def report(self) -> list[dict]:
        return [{"id": fid, "ps_name": self.face_of[fid].ps_name, "file": str(self.face_of[fid].path),
                 "subsets": list(f.subset_names)} for fid, f in self.fonts.items()]


# ------------------------------------------------------------------ images

def _open_image(path: str):
    """The decoded, EXIF-rotated image."""
    from PIL import Image, ImageOps
    im = Image.open(path)
    im.load()
    return ImageOps.exif_transpose(im)


def _ink_limit_cmyk(arr, limit_pct):
    """Per-pixel total ink ≤ limit: grey-component replacement, then scale CMY.

    ``arr`` is a uint8 H×W×4 CMYK array (255 = 100 %); ``limit_pct`` a number or an
    H×W array of per-pixel limits in percent.  Returns a new array (or ``arr``
    itself when no pixel is over).  Only the pixels over the limit are touched.
    """
    import numpy as np
    flat = arr.reshape(-1, 4)
    n = flat.shape[0]
    step = 1 << 17
    if n > step:      # in slices: bounded temporaries (a 3000 × 2000 photo is 6 M pixels)
        lim_flat = np.asarray(limit_pct, dtype=np.float32).reshape(-1) if np.ndim(limit_pct) else None
        res = None
        for a in range(0, n, step):
            part = flat[a:a + step]
            out = _ink_limit_cmyk(part, lim_flat[a:a + step] if lim_flat is not None else limit_pct)
            if out is not part:
                if res is None:
                    res = flat.copy()
                res[a:a + step] = out
        return arr if res is None else res.reshape(arr.shape)
    total = _ink_sum(flat)
    if np.ndim(limit_pct):
        lim_all = np.asarray(limit_pct, dtype=np.float32).reshape(-1) * 2.55
        idx = np.flatnonzero(total > lim_all)
        lim = lim_all[idx]
    else:
        lim = float(limit_pct) * 2.55
        idx = np.flatnonzero(total > lim)
    if idx.size == 0:
        return arr
    px = flat[idx].astype(np.float32)
    c, m, y, k = px[:, 0], px[:, 1], px[:, 2], px[:, 3]
    excess = total[idx].astype(np.float32) - lim
    # 1. replace grey: take g from each of C, M, Y and add g to K (saves 2g)
    g = np.minimum(np.minimum(np.minimum(c, m), y), np.minimum(255.0 - k, excess / 2.0))
    c, m, y, k = c - g, m - g, y - g, k + g
    # 2. what is still over: scale C, M, Y down together
    cmy = c + m + y
    s = np.where(cmy + k > lim, np.maximum(lim - k, 0.0) / np.maximum(cmy, 1e-6), 1.0)
    out = np.stack([c * s, m * s, y * s, k], axis=1)
    res = flat.copy()
    res[idx] = np.clip(np.floor(out), 0, 255).astype(np.uint8)
    return res.reshape(arr.shape)


def _ink_sum(flat):
    """C+M+Y+K per pixel of an N×4 uint8 array, as uint16 (four adds beat a strided reduce)."""
    import numpy as np
    total = flat[:, 0].astype(np.uint16)
    total += flat[:, 1]
    total += flat[:, 2]
    total += flat[:, 3]
    return total


def _max_ink(arr) -> float:
    return float(_ink_sum(arr.reshape(-1, 4)).max()) / 2.55 if arr.size else 0.0


IMAGE_CACHE_VERSION = 1


def _disk_cache_get(key):
    """A converted image from an earlier export (the same photo is exported again and again)."""
    return None if key is None else cache.read_pickle(cache.cache_dir() / "images" / f"{key}.pickle")


def _disk_cache_put(key, value) -> None:
    if key is not None:
        cache.write_pickle(cache.cache_dir() / "images" / f"{key}.pickle", value)


class _Images:
    """Converts each placed image once per export: crop, downsample, CMYK, ink limit."""

    def __init__(self, profile_path: Path, ink_limit: float, max_ppi: float = MAX_PPI):
        self.profile_path = profile_path
        self.ink_limit = ink_limit
        self.max_ppi = max_ppi
        self._transforms: dict = {}
        self._geo: dict = {}
        self.deferred: list = []
        self.cache: dict = {}
        self.report: list[dict] = []

    def _transform(self, mode: str, icc: bytes | None):
        from PIL import ImageCms
        key = (mode, icc)
        t = self._transforms.get(key)
        if t is None:
            src = None
            if icc:
                try:
                    src = ImageCms.ImageCmsProfile(io.BytesIO(icc))
                except Exception:
                    src = None
            if src is None:
                src = ImageCms.createProfile("sRGB")
            dst = ImageCms.getOpenProfile(str(self.profile_path))
            t = ImageCms.buildTransform(src, dst, mode, "CMYK",
                                        renderingIntent=ImageCms.Intent.PERCEPTUAL)
            self._transforms[key] = t
        return t

    def start(self, placements) -> None:
        """Convert these placements in a background thread while the text is drawn
        (Pillow, lcms and numpy release the GIL while they work)."""
        from concurrent.futures import ThreadPoolExecutor
        todo = [p for p in placements if not p.missing and p.path]
        if not todo:
            return
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="banmian-images")
        self._futures = {self._key(p): self._pool.submit(self._prepare, p) for p in todo}

    def close(self) -> None:
        pool = getattr(self, "_pool", None)
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    @staticmethod
    def _key(p: ImagePlacement):
        return (p.path, p.clip, p.x, p.y, p.w, p.h)

    def prepare(self, p: ImagePlacement):
        """(image bytes, pixel w, pixel h, filter, draw rect in display-list pt) or None."""
        fut = getattr(self, "_futures", {}).get(self._key(p))
        if fut is not None:
            return fut.result()
        return self._prepare(p)

    def geometry(self, p: ImagePlacement):
        """(crop box in px, draw rect in pt, size after EXIF rotation) from the file's
        header only — cheap, so the page can be drawn before the pixels are ready.
        None when nothing of the image shows or the file cannot be opened."""
        key = self._key(p)
        if key in self._geo:
            return self._geo[key]
        geo = None
        try:
            from PIL import Image
            with Image.open(p.path) as im:
                W, H = im.size
                try:
                    orient = im.getexif().get(0x0112, 1)
                except Exception:
                    orient = 1
            if orient in (5, 6, 7, 8):
                W, H = H, W
            if p.w > 0 and p.h > 0 and W > 0 and H > 0:
                import math
                sx, sy = W / p.w, H / p.h            # px per pt
                cx, cy, cw, ch = p.clip
                vx0, vy0 = max(cx, p.x), max(cy, p.y)
                vx1, vy1 = min(cx + cw, p.x + p.w), min(cy + ch, p.y + p.h)
                if vx1 > vx0 and vy1 > vy0:
                    px0 = max(0, int(math.floor((vx0 - p.x) * sx)))
                    py0 = max(0, int(math.floor((vy0 - p.y) * sy)))
                    px1 = min(W, int(math.ceil((vx1 - p.x) * sx)))
                    py1 = min(H, int(math.ceil((vy1 - p.y) * sy)))
                    rect = (p.x + px0 / sx, p.y + py0 / sy, (px1 - px0) / sx, (py1 - py0) / sy)
                    geo = ((px0, py0, px1, py1), rect, (W, H), (sx, sy))
        except Exception as e:  # missing/unreadable: preflight reports it; draw nothing
            self.report.append({"path": p.path, "frame": p.frame, "error": str(e)})
        self._geo[key] = geo
        return geo

    def _prepare(self, p: ImagePlacement):
        key = self._key(p)
        if key in self.cache:
            return self.cache[key]
        geo = self.geometry(p)
        if geo is None:
            self.cache[key] = None
            return None
        (px0, py0, px1, py1), rect, (W, H), (sx, sy) = geo
        disk_key = self._disk_key(p, geo)
        hit = _disk_cache_get(disk_key)
        if hit is not None:
            data, w, h, filt, src_mode, ink = hit
            out = (data, w, h, filt, rect)
            self.cache[key] = out
            self.report.append({"path": p.path, "frame": p.frame, "source_mode": src_mode, "px": [w, h],
                                "ppi": round(72.0 * w / rect[2], 1) if rect[2] else 0.0,
                                "max_ink": round(ink, 1), "encoding": filt, "bytes": len(data),
                                "cached": True})
            return out
        from PIL import Image, ImageCms, ImageOps   # only on a cache miss: numpy alone costs ~0.2 s to import
        import numpy as np
        try:
            im = _open_image(p.path)
        except Exception as e:  # unreadable pixels: preflight reports it; a blank patch is drawn
            self.cache[key] = None
            self.report.append({"path": p.path, "frame": p.frame, "error": str(e)})
            return None
        icc = im.info.get("icc_profile")
        if im.size != (W, H):
            im = im.resize((W, H))
        if (px0, py0, px1, py1) != (0, 0, W, H):
            im = im.crop((px0, py0, px1, py1))
        # downsample above max ppi (at placed size)
        ppi = 72.0 * min(sx, sy)
        if ppi > self.max_ppi * 1.05:
            f = self.max_ppi / ppi
            nw, nh = max(1, round(im.width * f)), max(1, round(im.height * f))
            if im.mode not in ("RGB", "L", "CMYK"):
                im = im.convert("RGBA" if "A" in im.getbands() or "transparency" in im.info else "RGB")
            im = im.resize((nw, nh), Image.LANCZOS)
        src_mode = im.mode
        # to CMYK
        if im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info):
            rgba = im.convert("RGBA")
            bg = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
            im = Image.alpha_composite(bg, rgba).convert("RGB")
        if im.mode == "CMYK":
            cmyk = im
        elif im.mode in ("L", "1", "I", "I;16", "F"):
            # greys go on the black plate only (newsprint practice)
            g = im.convert("L")
            zero = Image.new("L", g.size, 0)
            cmyk = Image.merge("CMYK", (zero, zero, zero, ImageOps.invert(g)))
        else:
            rgb = im.convert("RGB")
            cmyk = ImageCms.applyTransform(rgb, self._transform("RGB", icc))
        arr = np.asarray(cmyk)
        data, filt, ink = self._encode(arr)
        out = (data, arr.shape[1], arr.shape[0], filt, rect)
        self.cache[key] = out
        _disk_cache_put(disk_key, (data, arr.shape[1], arr.shape[0], filt, src_mode, ink))
        eff = 72.0 * arr.shape[1] / rect[2] if rect[2] else 0.0
        self.report.append({"path": p.path, "frame": p.frame, "source_mode": src_mode,
                            "px": [arr.shape[1], arr.shape[0]], "ppi": round(eff, 1),
                            "max_ink": round(ink, 1), "encoding": filt, "bytes": len(data)})
        return out

    def _disk_key(self, p: ImagePlacement, geo) -> str | None:
        """What the converted pixels depend on: the file (by size and mtime), the crop and
        placed size, the profile, the ink limit, the ppi cap and the encoder settings."""
        try:
            st = os.stat(p.path)
            pst = os.stat(self.profile_path)
        except OSError:
            return None
        (crop, _rect, size, scale) = geo
        ident = repr((IMAGE_CACHE_VERSION, os.path.abspath(p.path), st.st_size, st.st_mtime_ns, crop, size,
                      tuple(round(v, 6) for v in scale), str(self.profile_path), pst.st_size, pst.st_mtime_ns,
                      self.ink_limit, self.max_ppi, JPEG_QUALITY))
        return hashlib.sha256(ident.encode("utf-8")).hexdigest()

    def _encode(self, arr):
        """CMYK JPEG whose decoded pixels stay within the ink limit, else Flate.

        JPEG's ringing lifts a few pixels above what was encoded, so the limit is
        applied with a margin, the JPEG decoded and checked, and only the 8×8 blocks
        that still overshoot are limited harder and the image re-encoded — a dark
        photo keeps its full ink range everywhere but around a few sharp edges.
        Lossless Flate is the fallback if that does not converge.
        """
        from PIL import Image
        import numpy as np
        h, w = arr.shape[:2]
        lim_arr = _ink_limit_cmyk(arr, self.ink_limit - 6.0)
        margin = np.full(((h + 7) // 8, (w + 7) // 8), 6.0, dtype=np.float32)
        for _ in range(5):
            buf = io.BytesIO()
            Image.fromarray(lim_arr, "CMYK").save(buf, "JPEG", quality=JPEG_QUALITY, subsampling=0)
            data = buf.getvalue()
            dec = np.asarray(Image.open(io.BytesIO(data)).convert("CMYK"))
            over = (_ink_sum(dec.reshape(-1, 4)) > self.ink_limit * 2.55).reshape(h, w)
            if not over.any():
                return data, "DCTDecode", _max_ink(dec)
            # the blocks that overshoot (and their neighbours: ringing crosses block edges)
            by, bx = np.nonzero(over)
            bad = np.zeros_like(margin, dtype=bool)
            bad[by // 8, bx // 8] = True
            grown = bad.copy()
            grown[1:, :] |= bad[:-1, :]
            grown[:-1, :] |= bad[1:, :]
            grown[:, 1:] |= bad[:, :-1]
            grown[:, :-1] |= bad[:, 1:]
            margin[grown] += 8.0
            per_px = np.repeat(np.repeat(margin, 8, axis=0), 8, axis=1)[:h, :w]
            lim_arr = _ink_limit_cmyk(lim_arr, self.ink_limit - per_px)
        import zlib
        lim_arr = _ink_limit_cmyk(arr, self.ink_limit)
        return zlib.compress(lim_arr.tobytes(), 6), "FlateDecode", _max_ink(lim_arr)


def _enforce_cmyk(c):
    """The canvas's colour check: DeviceCMYK or a CMYK-based separation; RGB (even grey) refused.

    reportlab's own ``enforceColorSpace='cmyk'`` turns separations into plain CMYK,
    which would put the registration colour on the plates as 400 % process ink
    instead of the /All separation; this keeps them and still refuses RGB.
    """
    from reportlab.lib.colors import CMYKColor, toColor
    tc = toColor(c)
    if not isinstance(tc, CMYKColor):
        raise ValueError(f"Banmian's PDF is CMYK only; refused the non-CMYK colour {c!r}")
    return tc


def _deferred_image_xobject(canvas, images: _Images, p: ImagePlacement) -> str:
    """Register the image XObject for ``p`` now and return its resource name; its
    pixels (converted in the background) are filled in by :func:`_fill_images`
    just before the file is written."""
    import hashlib
    from reportlab.pdfbase import pdfdoc
    name = "BM" + hashlib.sha1(repr(images._key(p)).encode("utf-8")).hexdigest()[:16]
    reg = canvas._doc.getXObjectName(name)
    if not canvas._doc.idToObject.get(reg):
        obj = pdfdoc.PDFImageXObject(name)
        obj.name = name
        obj.mask = None
        obj._banmian_placement = p
        canvas._setXObjects(obj)
        canvas._doc.Reference(obj, reg)
        canvas._doc.addForm(name, obj)
        images.deferred.append(obj)
    canvas._formsinuse.append(name)
    return reg


def _fill_images(images: _Images) -> None:
    """Put the converted pixels into the XObjects registered while painting."""
    import zlib
    for obj in images.deferred:
        prepared = images.prepare(obj._banmian_placement)
        if prepared is None:          # unreadable after all: a white 1 × 1 patch keeps the PDF valid
            data, w, h, filt = zlib.compress(b"\0\0\0\0"), 1, 1, "FlateDecode"
        else:
            data, w, h, filt, _rect = prepared
        obj.width, obj.height = w, h
        obj.bitsPerComponent = 8
        obj.colorSpace = "DeviceCMYK"
        obj.streamContent = data
        obj._filters = (filt,)
        if filt == "DCTDecode":
            obj._dotrans = 1    # Adobe CMYK JPEGs (what Pillow writes) store inverted values
        del obj._banmian_placement


# ------------------------------------------------------------------ the painter

def _fmt(v: float) -> str:
    s = f"{v:.3f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


class PdfPainter:
    """Draws PageResults on a reportlab canvas, one PDF page each."""

    def __init__(self, canvas, fonts: _Fonts, images: _Images, *, marks: bool,
                 slug_info: dict, mark_font_id: str):
        from reportlab.lib.colors import CMYKColor, CMYKColorSep
        self.c = canvas
        self.fonts = fonts
        self.images = images
        self.marks = marks
        self.slug_info = slug_info
        self.mark_font_id = mark_font_id
        self.CMYKColor = CMYKColor
        self.reg = CMYKColorSep(1, 1, 1, 1, spotName="All", density=1)
        self._op = False
        self.page = None
        self.ox = self.oy = 0.0     # trim's bottom-left corner in PDF user space
        self.th = 0.0

    # -- the one y-flip: display list (top-left, y down) -> PDF (bottom-left, y up)
    def X(self, x: float) -> float:
        return self.ox + x

    def Y(self, y: float) -> float:
        return self.oy + self.th - y

    def _colour(self, cmyk, *, fill: bool):
        c, m, y, k = (float(v) for v in cmyk)
        col = self.CMYKColor(c, m, y, k)
        if fill:
            self.c.setFillColor(col)
        else:
            self.c.setStrokeColor(col)

    def _overprint(self, on: bool):
        if on != self._op:
            self.c.setFillOverprint(on)
            self.c.setStrokeOverprint(on)
            self.c.setOverprintMask(on)
            self._op = on

    # -- painter interface
    def begin_page(self, pr: PageResult):
        bleed = pr.bleed
        slug = SLUG_MM * PT_PER_MM if self.marks else 0.0
        off = bleed + slug
        self.page = pr
        self.ox = self.oy = off
        self.th = pr.height
        W, H = pr.width + 2 * off, pr.height + 2 * off
        c = self.c
        c.setPageSize((W, H))
        c.setTrimBox((off, off, off + pr.width, off + pr.height))
        c.setBleedBox((off - bleed, off - bleed, off + pr.width + bleed, off + pr.height + bleed))
        c.setCropBox((0, 0, W, H))
        self._op = False

    def end_page(self):
        if self.marks:
            self._draw_marks(self.page)
        self.c.showPage()

    def glyph_run(self, run: GlyphRun):
        if not run.glyphs:
            return
        font = self.fonts.get(run.font)
        size = float(run.size)
        cmyk = tuple(float(v) for v in run.color)
        black = cmyk[0] == 0 and cmyk[1] == 0 and cmyk[2] == 0 and cmyk[3] >= 0.999
        self._overprint(black)
        self._colour(cmyk, fill=True)
        doc = self.c._doc
        face = font.face
        codes = [self.fonts.code_for(font, ch, gid) for ch, gid in zip(run.text, run.glyphs)]
        text = "".join(chr(c) for c in codes)
        escape = self.c._escape
        y = self.Y(run.y)
        out = ["BT"]
        i = 0
        k_per_pt = 1000.0 / size
        for subset, chunk in font.splitString(text, doc):
            n = len(chunk)
            out.append(f"{font.getSubsetInternalName(subset, doc)} {_fmt(size)} Tf")
            out.append(f"1 0 0 1 {_fmt(self.X(run.xs[i]))} {_fmt(y)} Tm")
            parts = []
            pending = bytearray()
            for j in range(n):
                gi = i + j
                pending.append(chunk[j])
                if j < n - 1:
                    w = face.getCharWidth(codes[gi])
                    adj = w - (run.xs[gi + 1] - run.xs[gi]) * k_per_pt
                    if abs(adj) > 0.005:
                        parts.append(f"({escape(bytes(pending))})")
                        parts.append(_fmt(adj))
                        pending = bytearray()
            if pending:
                parts.append(f"({escape(bytes(pending))})")
            if len(parts) == 1:
                out.append(f"{parts[0]} Tj")
            else:
                out.append(f"[{' '.join(parts)}] TJ")
            i += n
        out.append("ET")
        self.c._code.append(" ".join(out))

    def rule(self, r: Rule):
        self._overprint(False)
        self._colour(r.color, fill=False)
        self.c.setLineWidth(r.width)
        self.c.setLineCap(0)
        self.c.line(self.X(r.x1), self.Y(r.y1), self.X(r.x2), self.Y(r.y2))

    def box(self, b: Box):
        fill = b.fill is not None
        stroke = b.stroke is not None and b.stroke_width > 0
        if not (fill or stroke):
            return
        self._overprint(False)
        if fill:
            self._colour(b.fill, fill=True)
        if stroke:
            self._colour(b.stroke, fill=False)
            self.c.setLineWidth(b.stroke_width)
        self.c.rect(self.X(b.x), self.Y(b.y + b.h), b.w, b.h, stroke=int(stroke), fill=int(fill))

    def image(self, p: ImagePlacement):
        if p.missing or not p.path:
            return
        geo = self.images.geometry(p)
        if geo is None:
            return
        _crop, (rx, ry, rw, rh), _size, _scale = geo
        self._overprint(False)
        reg = _deferred_image_xobject(self.c, self.images, p)
        c = self.c
        c.saveState()
        cx, cy, cw, ch = p.clip
        path = c.beginPath()
        path.rect(self.X(cx), self.Y(cy + ch), cw, ch)
        c.clipPath(path, stroke=0, fill=0)
        c._code.append(f"{_fmt(rw)} 0 0 {_fmt(rh)} {_fmt(self.X(rx))} {_fmt(self.Y(ry + rh))} cm /{reg} Do")
        c.restoreState()

    # -- marks: crop marks, registration targets, colour bar and slug line
    def _draw_marks(self, pr: PageResult):
        c = self.c
        self._overprint(False)
        c.saveState()
        c.setStrokeColor(self.reg)
        c.setFillColor(self.reg)
        c.setLineWidth(MARK_WEIGHT_PT)
        off = max(MARK_OFFSET_MM * PT_PER_MM, pr.bleed)
        ln = MARK_LENGTH_MM * PT_PER_MM
        x0, y0 = self.ox, self.oy
        x1, y1 = self.ox + pr.width, self.oy + pr.height
        for x, sx in ((x0, -1), (x1, 1)):
            for y, sy in ((y0, -1), (y1, 1)):
                c.line(x + sx * off, y, x + sx * (off + ln), y)      # horizontal mark
                c.line(x, y + sy * off, x, y + sy * (off + ln))      # vertical mark
        # registration targets, centred on each side in the slug
        r = 2.5 * PT_PER_MM
        d = off + ln / 2
        for tx, ty in (((x0 + x1) / 2, y1 + d), ((x0 + x1) / 2, y0 - d), (x0 - d, (y0 + y1) / 2),
                       (x1 + d, (y0 + y1) / 2)):
            c.circle(tx, ty, r * 0.6, stroke=1, fill=0)
            c.line(tx - r, ty, tx + r, ty)
            c.line(tx, ty - r, tx, ty + r)
        # colour bar: one patch per plate, then the slug line
        sz = 3.0 * PT_PER_MM
        by = y0 - off - ln + 0.5 * PT_PER_MM
        bx = x0
        for col in ((1, 0, 0, 0), (0, 1, 0, 0), (0, 0, 1, 0), (0, 0, 0, 1)):
            c.setFillColor(self.CMYKColor(*col))
            c.rect(bx, by - sz, sz, sz, stroke=0, fill=1)
            bx += sz
        c.setFillColor(self.reg)
        info = self.slug_info
        slug = (f"{info['file']}   第 {pr.index + 1} / {info['pages']} 版   "
                f"{info['when']}   印版 C M Y K   {info['profile']}")
        font = self.fonts.get(self.mark_font_id)
        c.setFont(font.fontName, 6)
        c.drawString(bx + 2 * PT_PER_MM, by - sz + 1, slug)
        c.restoreState()


# ------------------------------------------------------------------ export

def parse_pages(spec: str | None, count: int) -> list[int]:
    """"1,3-4" -> [0, 2, 3] (0-based, in order, no repeats).  ValueError for bad specs."""
    if not spec:
        return list(range(count))
    out: list[int] = []
    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        if "-" in part:
            a, b = part.split("-", 1)
            lo, hi = int(a), int(b) if b.strip() else count
        else:
            lo = hi = int(part)
        if lo < 1 or hi > count or lo > hi:
            raise ValueError(f"page range {part!r} outside 1–{count}")
        for n in range(lo, hi + 1):
            if n - 1 not in out:
                out.append(n - 1)
    return out


def export_pdf(doc, result: LayoutResult, out_path, *, base_dir=None, pages=None, marks: bool = True,
               profile=None, ink_limit: float = 240, pdfx: str | None = "4",
               progress: Callable[[int, int], None] | None = None, fonts=None,
               max_ppi: float = MAX_PPI, source_name: str | None = None) -> ExportReport:
    """Write ``result`` as a print-ready PDF to ``out_path`` (atomically).

    ``pages``: None for all, an iterable of 0-based page indexes, or a "1,3-4" string.
    ``profile``: path of a CMYK ICC profile (default: the bundled ISO Coated v2 300 %).
    ``pdfx``: "4" (PDF/X-4), "1a" (PDF/X-1a:2001) or None (plain PDF).
    ``source_name``: the layout file's name for the slug line (default: the PDF's name).
    ``progress(done, total)`` is called after each page.
    """
    t0 = time.perf_counter()
    from reportlab import rl_config
    rl_config.useA85 = 0
    rl_config.invariant = 0
    from reportlab.pdfgen.canvas import Canvas

    if fonts is None:
        from banmian.core.typeset.fonts import default_registry
        fonts = default_registry()
    out_path = Path(out_path)
    profile_path = Path(profile) if profile else DEFAULT_PROFILE
    profile_desc = _check_profile(profile_path)
    if pdfx not in (None, "", "none", "4", "1a"):
        raise ExportError(f"unknown PDF/X version {pdfx!r} (4 or 1a)")

    total = len(result.pages)
    if isinstance(pages, str) or pages is None:
        try:
            indexes = parse_pages(pages, total)
        except ValueError as e:
            raise ExportError(str(e)) from None
    else:
        indexes = list(pages)
    report = ExportReport(out_path=str(out_path), pdfx=pdfx or "", profile=profile_desc)

    efonts = _Fonts(fonts)
    images = _Images(profile_path, ink_limit, max_ppi)
    used = [fid for fid in fonts.ids()] if hasattr(fonts, "ids") else []
    first_font = next((i.font for p in result.pages for i in p.items if isinstance(i, GlyphRun)), None)
    mark_font_id = first_font or ("hei" if "hei" in used else (used[0] if used else "song"))
    initial = efonts.get(mark_font_id)

    title = (doc.meta.get("title") or doc.meta.get("paper") or out_path.stem) if doc is not None else out_path.stem
    try:
        # written beside the target and renamed over it only once complete: a failed
        # export never leaves a half-written PDF where the plant might pick it up
        with atomic_target(out_path) as tmp:
            canvas = Canvas(tmp, enforceColorSpace=_enforce_cmyk, initialFontName=initial.fontName,
                            pageCompression=1, invariant=0, pdfVersion=(1, 6) if pdfx == "4" else (1, 3))
            canvas.setTitle(title)
            canvas.setCreator("Banmian 版面")
            canvas.setProducer("Banmian 版面 (reportlab pdfgen, pikepdf)")
            when = _dt.datetime.now().strftime("%Y-%m-%d %H:%M")
            slug_info = {"file": source_name or out_path.name,
                         "pages": total, "when": when, "profile": profile_desc}
            painter = PdfPainter(canvas, efonts, images, marks=marks, slug_info=slug_info,
                                 mark_font_id=mark_font_id)
            images.start([i for idx in indexes for i in result.pages[idx].items if isinstance(i, ImagePlacement)])
            for n, idx in enumerate(indexes):
                paint_page(result.pages[idx], painter)
                if progress:
                    progress(n + 1, len(indexes))
            if not indexes:
                raise ExportError("no pages to export")
            _fill_images(images)
            canvas.save()
            report.fonts = efonts.report()
            report.images = images.report
            report.pages = len(indexes)
            if pdfx in ("4", "1a"):
                from banmian.render.pdfx import make_pdfx
                make_pdfx(tmp, tmp, version=pdfx, profile_path=profile_path, profile_desc=profile_desc,
                          title=title)
    finally:
        images.close()
        efonts.release()
    report.bytes = out_path.stat().st_size
    report.seconds = time.perf_counter() - t0
    return report


def _check_profile(path: Path) -> str:
    """The profile's description; ExportError unless it is a readable CMYK output profile."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise ExportError(f"ICC profile {path}: cannot be read ({e.strerror or e})") from None
    if len(data) < 128 or data[36:40] != b"acsp":
        raise ExportError(f"ICC profile {path}: not an ICC profile")
    if data[16:20] != b"CMYK":
        raise ExportError(f"ICC profile {path}: colour space is {data[16:20].decode('latin-1').strip()}, "
                          "not CMYK")
    try:
        from PIL import ImageCms
        desc = ImageCms.getProfileDescription(ImageCms.ImageCmsProfile(io.BytesIO(data))).strip()
    except Exception:
        desc = ""
    return desc or path.name
