"""The image pipeline: Pillow → crop → downsample above max ppi → CMYK through the
ICC profile → ink limit by grey-component replacement → CMYK JPEG (or Flate),
kept in a disk cache between runs."""
from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

from banmian.core import cache
from banmian.core.typeset.result import ImagePlacement

MAX_PPI = 300.0          # images above this are downsampled (at placed size)
JPEG_QUALITY = 85

# ------------------------------------------------------------------ images

def _open_image(path: str):
    """The decoded (to the last pixel: a truncated file is an error), EXIF-rotated image in
    L, LA, RGB, RGBA or CMYK — 16-bit and float greys scaled, not clipped (core/imagefile.py)."""
    from banmian.core import imagefile
    return imagefile.to_standard_mode(imagefile.open_full(path))


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


IMAGE_CACHE_VERSION = 3   # bumped when either the separation or the record format changes


def _separation_transform(src, profile_path, mode: str, intent: str):
    """The RGB → press CMYK transform: through the print condition's profile (whose
    black generation — GCR — decides how much of a neutral goes on the K plate),
    relative colorimetric with black point compensation, or perceptual."""
    from PIL import ImageCms
    dst = ImageCms.getOpenProfile(str(profile_path))
    if intent == "perceptual":
        return ImageCms.buildTransform(src, dst, mode, "CMYK", renderingIntent=ImageCms.Intent.PERCEPTUAL)
    return ImageCms.buildTransform(src, dst, mode, "CMYK",
                                   renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC,
                                   flags=ImageCms.Flags.BLACKPOINTCOMPENSATION)
_FILTERS = ("DCTDecode", "FlateDecode")


def _disk_cache_file(key: str) -> Path:
    return cache.cache_dir() / "images" / f"{key}.bin"


def _disk_cache_get(key):
    """A converted image from an earlier export (the same photo is exported again and again):
    (data, w, h, filter, source mode, max ink), or None.  The record's header must name this
    key and version and hold sane values, the pixels must have the length and digest recorded,
    and their start must fit the filter; anything else is a miss (and is converted afresh)."""
    if key is None:
        return None
    rec = cache.read_record(_disk_cache_file(key), "image")
    if rec is None:
        return None
    h, blobs = rec
    w, hh, filt, mode, ink = (h.get(k) for k in ("w", "h", "filter", "source_mode", "max_ink"))
    if (h.get("version") != IMAGE_CACHE_VERSION or h.get("key") != key or len(blobs) != 2
            or type(w) is not int or type(hh) is not int or not (0 < w <= 1 << 16 and 0 < hh <= 1 << 16)
            or filt not in _FILTERS or not isinstance(mode, str) or type(ink) not in (int, float)):
        return None
    gh, gw = (hh + CMY_BLOCK - 1) // CMY_BLOCK, (w + CMY_BLOCK - 1) // CMY_BLOCK
    if len(blobs[1]) != 2 * gh * gw:
        return None
    cmy = (_CmyGrid(blobs[1], gh, gw), (w, hh))
    data = blobs[0]
    if filt == "DCTDecode" and not data.startswith(b"\xff\xd8"):
        return None
    if filt == "FlateDecode" and not data[:1] == b"\x78":      # a zlib stream
        return None
    return data, w, hh, filt, mode, float(ink), cmy


class _CmyGrid:
    """The per-block C+M+Y maxima read back from the cache: little-endian uint16, row-major —
    sliced like the numpy array it was made from, without importing numpy on a cache hit."""

    def __init__(self, raw: bytes, gh: int, gw: int):
        from array import array
        self.values = array("H")
        self.values.frombytes(raw)
        if array("H", [1]).tobytes() != b"\x01\x00":
            self.values.byteswap()
        self.gh, self.gw = gh, gw

    def __getitem__(self, idx):
        rows, cols = idx
        r0, r1, _ = rows.indices(self.gh)
        c0, c1, _ = cols.indices(self.gw)
        return _CmyPart([self.values[r * self.gw + c0:r * self.gw + c1] for r in range(r0, r1)])


class _CmyPart:
    def __init__(self, rows):
        self.rows = [r for r in rows if len(r)]
        self.size = sum(len(r) for r in self.rows)

    def max(self):
        return max(max(r) for r in self.rows)


def _disk_cache_put(key, value) -> None:
    if key is not None:
        data, w, h, filt, src_mode, ink, (grid, _) = value
        cache.write_record(_disk_cache_file(key), "image",
                           {"version": IMAGE_CACHE_VERSION, "key": key, "w": w, "h": h, "filter": filt,
                            "source_mode": src_mode, "max_ink": ink},
                           [data, grid.astype("<u2").tobytes()])


class _Images:
    """Converts each placed image once per export: crop, downsample, CMYK, ink limit."""

    def __init__(self, profile_path: Path, ink_limit: float, max_ppi: float = MAX_PPI,
                 intent: str = "relative"):
        self.profile_path = profile_path
        self.ink_limit = ink_limit
        self.max_ppi = max_ppi
        self.intent = intent          # the print condition's: relative (with BPC) | perceptual
        self._transforms: dict = {}
        self._geo: dict = {}
        self.deferred: list = []
        self.cache: dict = {}
        self.report: list[dict] = []
        self._cmy: dict = {}          # key -> per-block max C+M+Y (%), for overprint stacking
        self._converters: list = []   # forked converter processes still to be waited for
        self._converted: set = set()  # placement keys those converters write to the disk cache

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
            t = _separation_transform(src, self.profile_path, mode, self.intent)
            self._transforms[key] = t
        return t

    def start(self, placements, fork: bool = False) -> None:
        """Convert these placements in a background thread while the text is drawn
        (Pillow, lcms and numpy release the GIL while they work).

        ``fork``: the photos not in the disk cache yet (a first export) are converted in a
        forked process instead, on the other core — numpy's import and the Python parts of
        the conversion then do not take turns with the painting for the GIL; the child
        writes the cache and :meth:`prepare` reads it from there once the child is done
        (or converts here, should the cache be unwritable).  Only fork with no other
        thread running (export.py checks)."""
        from concurrent.futures import ThreadPoolExecutor
        todo = [p for p in placements if not p.missing and p.path]
        if not todo:
            return
        # (those a converter started earlier is doing already: see convert_early)
        todo = [p for p in todo if self._key(p) not in self._converted]
        if fork and todo:
            missing, seen = [], set()
            for p in todo:
                geo = self.geometry(p)
                key = self._disk_key(p, geo) if geo is not None else None
                if key is not None and key not in seen and not _disk_cache_file(key).is_file():
                    seen.add(key)
                    missing.append(p)
            if missing:
                pid = os.fork()
                if pid == 0:
                    try:
                        for p in missing:
                            self._prepare(p)
                    finally:
                        os._exit(0)
                self._converters.append(pid)
                self._converted |= {self._key(p) for p in missing}
                todo = [p for p in todo if self._key(p) not in self._converted]
        if not todo:
            return
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="banmian-images")
        self._futures = {self._key(p): self._pool.submit(self._prepare, p) for p in todo}

    def matches(self, profile_path, ink_limit, max_ppi, intent) -> bool:
        """Converts for this profile, ink limit, ppi cap and intent."""
        return (Path(self.profile_path) == Path(profile_path) and self.ink_limit == ink_limit
                and self.max_ppi == max_ppi and self.intent == intent)

    def _wait_converter(self) -> None:
        pids, self._converters = self._converters, []
        for pid in pids:
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass

    def close(self) -> None:
        pool = getattr(self, "_pool", None)
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        if self._converters:
            import signal
            for pid in self._converters:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            self._wait_converter()

    @staticmethod
    def _key(p: ImagePlacement):
        return (p.path, p.clip, p.x, p.y, p.w, p.h)

    def prepare(self, p: ImagePlacement):
        """(image bytes, pixel w, pixel h, filter, draw rect in display-list pt) or None."""
        fut = getattr(self, "_futures", {}).get(self._key(p))
        if fut is not None:
            return fut.result()
        if self._key(p) in self._converted:
            self._wait_converter()        # the forked converter has put it in the disk cache
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
            from banmian.core import imagefile
            imagefile.header(p.path)          # a regular file within the pixel budget, or an error
            with Image.open(p.path) as im:
                W, H = im.size
                try:
                    orient = im.getexif().get(0x0112, 1)
                except Exception:
                    orient = 1
            if orient in (5, 6, 7, 8):
                W, H = H, W
            if p.w > 0 and p.h > 0 and W > 0 and H > 0:
                from banmian.core.typeset.resolve import image_pixel_box
                box = image_pixel_box(p, W, H, p.clip)     # the pixels the frame shows
                if box is not None:
                    sx, sy = W / p.w, H / p.h            # px per pt
                    px0, py0, px1, py1 = box
                    rect = (p.x + px0 / sx, p.y + py0 / sy, (px1 - px0) / sx, (py1 - py0) / sy)
                    geo = (box, rect, (W, H), (sx, sy))
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
            data, w, h, filt, src_mode, ink, cmy = hit
            out = (data, w, h, filt, rect)
            self.cache[key] = out
            self._cmy[key] = cmy
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
        cmy = _cmy_blocks(arr)
        self._cmy[key] = cmy
        _disk_cache_put(disk_key, (data, arr.shape[1], arr.shape[0], filt, src_mode, ink, cmy))
        eff = 72.0 * arr.shape[1] / rect[2] if rect[2] else 0.0
        self.report.append({"path": p.path, "frame": p.frame, "source_mode": src_mode,
                            "px": [arr.shape[1], arr.shape[0]], "ppi": round(eff, 1),
                            "max_ink": round(ink, 1), "encoding": filt, "bytes": len(data)})
        return out

    def cmy_max(self, p: ImagePlacement, box) -> float:
        """The most C+M+Y (%) of the separated image inside ``box`` (x0, y0, x1, y1; display pt),
        block-wise (CMY_BLOCK px) and from before the ink limit (which only lowers C+M+Y), so
        never below what prints.  Waits for the image's conversion."""
        prepared = self.prepare(p)
        got = self._cmy.get(self._key(p))
        if prepared is None or got is None:
            return 0.0
        grid, (w, h) = got
        rx, ry, rw, rh = prepared[4]
        if rw <= 0 or rh <= 0:
            return 0.0
        x0, y0, x1, y1 = box
        px0 = int(max(0.0, (x0 - rx) / rw * w) // CMY_BLOCK)
        px1 = int(min(float(w), (x1 - rx) / rw * w) // CMY_BLOCK) + 1
        py0 = int(max(0.0, (y0 - ry) / rh * h) // CMY_BLOCK)
        py1 = int(min(float(h), (y1 - ry) / rh * h) // CMY_BLOCK) + 1
        part = grid[py0:py1, px0:px1]
        return float(part.max()) / 2.55 + CMY_MARGIN if part.size else 0.0

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
                      self.ink_limit, self.max_ppi, JPEG_QUALITY, self.intent))
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


CMY_BLOCK = 16        # px per cell of the C+M+Y map kept for overprint stacking
CMY_MARGIN = 3.0      # %: what JPEG ringing may add on top of the encoded C+M+Y


def _cmy_blocks(arr):
    """(per CMY_BLOCK × CMY_BLOCK block the max C+M+Y as uint16 units of 1/255, (w, h))."""
    import numpy as np
    h, w = arr.shape[:2]
    cmy = arr[..., 0].astype(np.uint16) + arr[..., 1] + arr[..., 2]
    gh, gw = (h + CMY_BLOCK - 1) // CMY_BLOCK, (w + CMY_BLOCK - 1) // CMY_BLOCK
    pad = np.zeros((gh * CMY_BLOCK, gw * CMY_BLOCK), dtype=np.uint16)
    pad[:h, :w] = cmy
    return pad.reshape(gh, CMY_BLOCK, gw, CMY_BLOCK).max(axis=(1, 3)), (w, h)


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


def convert_early(doc, base_dir, cond, max_ppi: float = MAX_PPI) -> "_Images | None":
    """A first export's photo conversion, started before the layout (the command line).

    What a photo's converted pixels depend on — the frame, its fit and crop, the file — is
    known from the document alone (``Layouter.image_placements``: the layout's own image fit),
    so the photos not in the disk cache yet are converted in a forked process on the other
    core while this one lays the pages out; ``export_pdf(images=...)`` then takes the result
    over (it waits for the converter only when it needs the pixels).  None when every photo
    is cached already, or there is none.  Only call it from a process without other threads."""
    from banmian.core.typeset.layout import Layouter
    placements = Layouter(base_dir=base_dir).image_placements(doc)
    if not placements:
        return None
    images = _Images(cond.profile_path(), cond.ink_limit, max_ppi, intent=cond.intent)
    images.start(placements, fork=True)
    if not images._converters:
        images.close()
        return None
    return images
