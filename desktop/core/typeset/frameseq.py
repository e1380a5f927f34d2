"""FrameSeq: a text frame's display items or line records, partly taken over from an earlier flow.

After a keystroke in a long threaded story, everything after the point where the flow
converges with the previous one is the previous flow's, with its source offsets moved by the
length the edit added (see ``Layouter._flow_story_uncached``).  Copying those records on every
keystroke is what made a one-character edit in a 200,000-character story cost ~100 ms; a
FrameSeq keeps them as they are and moves them only when it is read.

A FrameSeq is a tuple of segments ``(base, a, b, d)``: the records ``base[a:b]`` (a list
that is never changed once made) moved by ``d`` characters.  Slicing and moving again make
new segments over the same lists, never copies, so the records are shared with the
paragraph memo that made them.
"""
from __future__ import annotations

from .result import moved_record


class FrameSeq:
    __slots__ = ("segs", "_len")

    def __init__(self, segs):
        self.segs = tuple(s for s in segs if s[2] > s[1])
        self._len = sum(b - a for _base, a, b, _d in self.segs)

    @classmethod
    def of(cls, recs) -> "FrameSeq":
        """``recs`` (a list or a FrameSeq) as a FrameSeq."""
        if type(recs) is FrameSeq:
            return recs
        return cls(((recs, 0, len(recs), 0),))

    def __len__(self):
        return self._len

    def __iter__(self):
        for base, a, b, d in self.segs:
            if d:
                for r in base[a:b]:
                    yield moved_record(r, d)
            else:
                yield from base[a:b]

    def list(self) -> list:
        return list(self)

    def moved(self, d: int) -> "FrameSeq":
        if not d:
            return self
        return FrameSeq((base, a, b, dd + d) for base, a, b, dd in self.segs)

    def __getitem__(self, k):
        if not isinstance(k, slice) or k.step not in (None, 1):
            raise TypeError("FrameSeq takes plain slices only")
        lo, hi, _ = k.indices(self._len)
        out = []
        pos = 0
        for base, a, b, d in self.segs:
            n = b - a
            s0, s1 = max(lo - pos, 0), min(hi - pos, n)
            if s1 > s0:
                out.append((base, a + s0, a + s1, d))
            pos += n
            if pos >= hi:
                break
        return FrameSeq(out)

    def __add__(self, other) -> "FrameSeq":
        return FrameSeq(self.segs + FrameSeq.of(other).segs)

    def line_range(self):
        """(first, end) of the story text these line records show, or None if there are none."""
        lo = hi = None
        for base, a, b, d in self.segs:
            part = base[a:b]
            if not part:
                continue
            x = min(ln[7] for ln in part) + d
            y = max(ln[8] for ln in part) + d
            lo = x if lo is None else min(lo, x)
            hi = y if hi is None else max(hi, y)
        return None if lo is None else (lo, hi)


def as_list(recs) -> list:
    """A frame's records as a list (a FrameSeq is read, a list is returned as it is)."""
    return recs.list() if type(recs) is FrameSeq else recs
