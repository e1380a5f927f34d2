"""Linked image files under hostile conditions: where they may be, what may be opened, how
much may be decoded, and how any Pillow mode becomes one the pipeline knows.

* **Where** — :func:`resolve_link`: an image path resolves (after following symlinks)
  inside the layout's folder, or inside a folder the layout names in
  ``meta.link_folders`` (one folder a line; relative ones are relative to the layout).
  Anything else — an absolute path elsewhere, ``../``, a symlink that leaves — is
  refused: layout treats it as missing and preflight reports ``image_outside``.
* **What** — :func:`check_regular`: only regular files are opened; a FIFO,
  ``/dev/stdin`` or a folder would block or fail inside Pillow.
* **How much** — :data:`MAX_PIXELS` (our own limit, checked from the header before
  any pixel is decoded) and a full decode (:func:`open_full`) so a truncated JPEG is
  an error, not a white patch.
* **Modes** — :func:`to_standard_mode`: 16-bit and 32-bit greys scaled (not clipped)
  to 8 bits, float greys, 1-bit, palettes with transparency, LA, CMYK …

No Qt, no reportlab here; Pillow and numpy are imported on first use.
"""
from __future__ import annotations

import os
import stat
import warnings
from pathlib import Path

MAX_PIXELS = 100_000_000       # 100 Mpx: a 12 000 × 8 000 scan is fine, a 169 Mpx bomb is not
LINK_FOLDERS_KEY = "link_folders"


class ImageFileError(Exception):
    """One image file cannot be used; str() says why (the caller adds the name)."""


# ------------------------------------------------------------------ where

def link_folders(meta: dict, base_dir) -> list[Path]:
    """The folders ``meta.link_folders`` allows besides the layout's own (resolved)."""
    raw = meta.get(LINK_FOLDERS_KEY, "") if isinstance(meta, dict) else ""
    out = []
    for line in str(raw).splitlines():
        line = line.strip()
        if not line:
            continue
        p = Path(line).expanduser()
        if not p.is_absolute() and base_dir is not None:
            p = Path(base_dir) / p
        out.append(Path(os.path.realpath(p)))
    return out


def _inside(real: str, folder: Path) -> bool:
    try:
        return os.path.commonpath([real, str(folder)]) == str(folder)
    except ValueError:      # other drive (Windows)
        return False


def resolve_link(path: str, base_dir, allowed=()) -> tuple[Path, str | None]:
    """(the file to read, None) or (the path as given resolved, why it is refused).

    With no ``base_dir`` (a document not saved anywhere) paths are taken as given."""
    p = Path(path)
    if base_dir is None:
        return p, None
    full = p if p.is_absolute() else Path(base_dir) / p
    real = os.path.realpath(full)
    base_real = Path(os.path.realpath(base_dir))
    if _inside(real, base_real):
        return Path(real), None
    for folder in allowed:
        if _inside(real, folder):
            return Path(real), None
    how = "a symlink that leads" if os.path.islink(full) or _has_link(full, base_real) else "a path"
    return full, (f"{how} outside the layout's folder ({base_real}); allow its folder in "
                  f"meta.{LINK_FOLDERS_KEY} or copy the image next to the layout")


def _has_link(full: Path, base: Path) -> bool:
    p = Path(os.path.abspath(full))
    while p != p.parent and p != base:
        if p.is_symlink():
            return True
        p = p.parent
    return False


def is_outside(path: str, base_dir) -> bool:
    """True for a path that resolves outside ``base_dir`` (allowed link folders aside)."""
    if base_dir is None:
        return False
    full = Path(path) if Path(path).is_absolute() else Path(base_dir) / path
    return not _inside(os.path.realpath(full), Path(os.path.realpath(base_dir)))


# ------------------------------------------------------------------ what

def check_regular(path) -> os.stat_result:
    """The file's stat if it is a regular file (symlinks followed); never opens it."""
    try:
        st = os.stat(path)
    except OSError as e:
        raise ImageFileError(e.strerror or str(e)) from None
    if stat.S_ISDIR(st.st_mode):
        raise ImageFileError("a folder, not an image file")
    if not stat.S_ISREG(st.st_mode):
        raise ImageFileError("not a regular file (a pipe, device or socket); refused without opening it")
    return st


def header(path, *, max_pixels: int = MAX_PIXELS):
    """(mode, (w, h), has ICC profile) from the header — regular files within the pixel budget only."""
    check_regular(path)
    from PIL import Image
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as im:
                mode, size, icc = im.mode, im.size, "icc_profile" in im.info
    except Image.DecompressionBombError as e:
        raise ImageFileError(str(e)) from None
    except (OSError, ValueError, SyntaxError) as e:
        raise ImageFileError(f"not an image Banmian can read ({e})") from None
    _check_pixels(size, max_pixels)
    return mode, size, icc


def cached_size(path, st, *, max_pixels: int = MAX_PIXELS) -> tuple[int, int]:
    """The pixel size from :func:`header`, kept in the user's cache folder per file (path, size,
    mtime, inode): a layout needs only the size, and reading it cost every export its Pillow
    import and a file open (~40 ms).  The budget is checked on the kept figure as on a read one."""
    import hashlib
    from . import cache
    key = f"{path}\0{st.st_size}\0{st.st_mtime_ns}\0{getattr(st, 'st_ino', 0)}"
    rec_path = cache.cache_dir() / "image-headers" / (hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest() + ".rec")
    got = cache.read_record(rec_path, "image-header")
    if got is not None:
        h = got[0]
        w, hh = h.get("w"), h.get("h")
        if h.get("key") == key and type(w) is int and type(hh) is int and w > 0 and hh > 0:
            _check_pixels((w, hh), max_pixels)
            return w, hh
    _mode, size, _icc = header(path, max_pixels=max_pixels)
    cache.write_record(rec_path, "image-header", {"key": key, "w": int(size[0]), "h": int(size[1])})
    return size


def _check_pixels(size, max_pixels):
    w, h = size
    if w <= 0 or h <= 0:
        raise ImageFileError(f"an image of {w} × {h} pixels")
    if w * h > max_pixels:
        raise ImageFileError(f"{w} × {h} = {w * h / 1e6:.0f} Mpx, more than Banmian's limit of "
                             f"{max_pixels / 1e6:.0f} Mpx; scale it down first")


def open_full(path, *, max_pixels: int = MAX_PIXELS):
    """The image decoded to the last pixel (a truncated or corrupt file raises
    ImageFileError) and EXIF-rotated; the pixel budget is checked before decoding."""
    check_regular(path)
    from PIL import Image, ImageOps
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            im = Image.open(path)
            _check_pixels(im.size, max_pixels)
            im.load()
            return ImageOps.exif_transpose(im)
    except ImageFileError:
        raise
    except Image.DecompressionBombError as e:
        raise ImageFileError(str(e)) from None
    except (OSError, ValueError, SyntaxError, EOFError, MemoryError) as e:
        msg = str(e) or type(e).__name__
        raise ImageFileError(f"cannot be decoded ({msg})") from None


# ------------------------------------------------------------------ modes

def to_standard_mode(im):
    """The same picture in L, LA, RGB, RGBA or CMYK, values scaled — never clipped — to 8 bits."""
    from PIL import Image
    mode = im.mode
    if mode in ("L", "LA", "RGB", "RGBA", "CMYK"):
        return im
    if mode == "1":
        return im.convert("L")
    if mode in ("P", "PA"):
        return im.convert("RGBA" if (mode == "PA" or "transparency" in im.info) else "RGB")
    if mode.startswith("I") or mode == "F":
        import numpy as np
        arr = np.asarray(im)
        if arr.dtype.byteorder == ">" or mode in ("I;16B",):
            arr = arr.astype(arr.dtype.newbyteorder("="))
        a = arr.astype(np.float64)
        if mode == "F":
            top = 1.0 if (a.size and np.nanmax(a) <= 1.0) else (255.0 if a.size and np.nanmax(a) <= 255.0 else 65535.0)
        elif mode.startswith("I;16"):
            top = 65535.0
        else:   # "I": 32-bit; Pillow gives 16-bit PNG/TIFF greys this mode
            top = 255.0 if a.size and a.max() <= 255 else 65535.0
        a = np.nan_to_num(a, nan=0.0, posinf=top, neginf=0.0)
        out = np.clip(np.rint(a * (255.0 / top)), 0, 255).astype(np.uint8)
        return Image.fromarray(out, "L")
    if mode in ("RGBX", "RGBa", "YCbCr", "LAB", "HSV"):
        return im.convert("RGB")
    if mode in ("La",):
        return im.convert("LA")
    return im.convert("RGBA" if "A" in im.getbands() else "RGB")
