"""The user's cache folder: speed-ups only, never needed for a correct result.

Everything Banmian keeps between runs (font metrics, reportlab's parsed font
tables, converted photos, the compressed ICC profile) goes through here.
Writes are atomic and best effort: a read-only home or a full disk just
means no cache.

Nothing read from the cache can run code: a cache file is a *record* — a magic
line, a JSON header and raw byte blobs, each blob's length and SHA-256 in the
header (:func:`write_record` / :func:`read_record`) — and its users check every
field they take from it (version, the key of what it was made from, shapes and
sizes) and rebuild on any mismatch.  Nothing here unpickles.

:class:`SizedLRU` is the in-memory counterpart: a map bounded by estimated bytes.
"""
from __future__ import annotations

import hashlib
import json
import struct
import sys
from array import array
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


# ------------------------------------------------------------------ records

MAGIC = b"BANMIAN-CACHE 1\n"
_MAX_HEADER = 1 << 20


def write_record(path: Path, kind: str, header: dict, blobs=()) -> bool:
    """Store a JSON-able ``header`` and raw ``blobs`` (bytes-like) as one record of ``kind``."""
    blobs = [bytes(b) for b in blobs]
    meta = {"kind": kind, "header": header, "blobs": [len(b) for b in blobs],
            "sha256": [hashlib.sha256(b).hexdigest() for b in blobs]}
    try:
        head = json.dumps(meta, ensure_ascii=True, allow_nan=False, separators=(",", ":")).encode("ascii")
    except (TypeError, ValueError):
        return False
    return write_bytes(path, b"".join([MAGIC, struct.pack("<I", len(head)), head, *blobs]))


def read_record(path: Path, kind: str):
    """(header, [blob bytes]) of a record of ``kind``, or None when the file is missing,
    not a record (a pickle, say), truncated, of another kind, or a blob's digest is off."""
    data = read_bytes(path)
    if data is None or not data.startswith(MAGIC) or len(data) < len(MAGIC) + 4:
        return None
    pos = len(MAGIC)
    (n,) = struct.unpack_from("<I", data, pos)
    pos += 4
    if n > _MAX_HEADER or pos + n > len(data):
        return None
    try:
        meta = json.loads(data[pos:pos + n].decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        return None
    pos += n
    if not isinstance(meta, dict) or meta.get("kind") != kind or not isinstance(meta.get("header"), dict):
        return None
    sizes, digests = meta.get("blobs"), meta.get("sha256")
    if (not isinstance(sizes, list) or not isinstance(digests, list) or len(sizes) != len(digests)
            or not all(type(x) is int and x >= 0 for x in sizes) or pos + sum(sizes) != len(data)):
        return None
    blobs = []
    for size, digest in zip(sizes, digests):
        b = data[pos:pos + size]
        if hashlib.sha256(b).hexdigest() != digest:
            return None
        blobs.append(b)
        pos += size
    return meta["header"], blobs


def pack_array(typecode: str, values) -> bytes:
    """Little-endian bytes of an array of ``typecode`` ('H', 'i', 'I', 'd' …)."""
    a = array(typecode, values)
    if sys.byteorder != "little":
        a.byteswap()
    return a.tobytes()


def unpack_array(typecode: str, blob: bytes, count: int) -> array | None:
    """The array packed by :func:`pack_array`, or None unless it holds exactly ``count`` items."""
    a = array(typecode)
    if type(count) is not int or len(blob) != count * a.itemsize:
        return None
    a.frombytes(blob)
    if sys.byteorder != "little":
        a.byteswap()
    return a


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

    def touch(self, keys) -> None:
        """Mark the entries of ``keys`` used (as :meth:`get` does), without returning them."""
        d = self._d
        g = self.generation
        to_end = d.move_to_end
        for k in keys:
            e = d.get(k)
            if e is not None:
                to_end(k)
                e[2] = g

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
