"""The user's cache folder: speed-ups only, never needed for a correct result.

Everything Banmian keeps between runs (font metrics, reportlab's parsed font
tables, converted photos, the compressed ICC profile) goes through here.
Writes are atomic and best effort: a read-only home or a full disk just
means no cache.
"""
from __future__ import annotations

import pickle
from pathlib import Path


def cache_dir() -> Path:
    from .paths import user_cache_dir
    return user_cache_dir()


def read_bytes(path: Path) -> bytes | None:
    try:
        return Path(path).read_bytes()
    except OSError:
        return None


def write_bytes(path: Path, data: bytes) -> bool:
    """Write beside the target and rename over it; False (and nothing left behind) on failure."""
    from .io import atomic_write_bytes
    try:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, data, durable=False)
        return True
    except Exception:
        return False


def read_pickle(path: Path):
    """The object stored at path, or None if it is missing, truncated or from another version."""
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except Exception:
        return None


def write_pickle(path: Path, obj) -> bool:
    return write_bytes(path, pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))
