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


# ------------------------------------------------------------------ in memory

class SizedLRU:
    """A least-recently-used map bounded by the (estimated) bytes of what it holds.

    Each value is stored with its size, as the caller estimates it; when the total
    passes ``max_bytes`` the least recently used entries go first.  A value larger
    than the whole budget is not kept at all.  Every get or put also stamps the
    entry with the owner's current *generation* (e.g. one per layout pass), so
    :meth:`drop_older` can forget what the last few passes did not touch — the
    superseded versions of a paragraph being typed, say — long before the budget is
    reached.
    """

    __slots__ = ("max_bytes", "bytes", "generation", "_d")

    def __init__(self, max_bytes: int):
        from collections import OrderedDict
        self.max_bytes = int(max_bytes)
        self.bytes = 0
        self.generation = 0
        self._d: "OrderedDict" = OrderedDict()   # key -> [value, size, generation]; oldest use first

    def __len__(self) -> int:
        return len(self._d)

    def __contains__(self, key) -> bool:
        return key in self._d

    def get(self, key, default=None):
        e = self._d.get(key)
        if e is None:
            return default
        self._d.move_to_end(key)
        e[2] = self.generation
        return e[0]

    def put(self, key, value, size: int) -> None:
        size = max(1, int(size))
        old = self._d.pop(key, None)
        if old is not None:
            self.bytes -= old[1]
        if size > self.max_bytes:
            return
        self._d[key] = [value, size, self.generation]
        self.bytes += size
        while self.bytes > self.max_bytes:
            _k, (_v, s, _g) = self._d.popitem(last=False)
            self.bytes -= s

    def pop(self, key, default=None):
        e = self._d.pop(key, None)
        if e is None:
            return default
        self.bytes -= e[1]
        return e[0]

    def drop_older(self, generation: int) -> int:
        """Forget the entries last used before ``generation``; returns how many went."""
        n = 0
        d = self._d
        while d:
            k = next(iter(d))
            e = d[k]
            if e[2] >= generation:
                break
            del d[k]
            self.bytes -= e[1]
            n += 1
        return n

    def clear(self) -> None:
        self._d.clear()
        self.bytes = 0

    def values(self):
        return [e[0] for e in self._d.values()]

    def keys(self):
        return list(self._d)
