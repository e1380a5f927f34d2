"""Units: millimetres for geometry, points for type, 号 names for sizes.

1 pt = 1/72 in; 1 in = 25.4 mm.  The 号 table follows TYPOGRAPHY.md
(GB/T 40070 / ctex).
"""
from __future__ import annotations

PT_PER_MM = 72.0 / 25.4
MM_PER_PT = 25.4 / 72.0

# 号 name -> points, in the order an editor reads the table.
HAO_SIZES: dict[str, float] = {
    "初号": 42.0,
    "小初": 36.0,
    "一号": 26.0,
    "小一": 24.0,
    "二号": 22.0,
    "小二": 18.0,
    "三号": 16.0,
    "小三": 15.0,
    "四号": 14.0,
    "小四": 12.0,
    "五号": 10.5,
    "小五": 9.0,
    "六号": 7.5,
    "小六": 6.5,
    "七号": 5.5,
    "八号": 5.0,
}
# common spellings without 号
_ALIASES = {"初": "初号", "一": "一号", "二": "二号", "三": "三号", "四": "四号",
            "五": "五号", "六": "六号", "七": "七号", "八": "八号"}


def mm_to_pt(mm: float) -> float:
    return mm * PT_PER_MM


def pt_to_mm(pt: float) -> float:
    return pt * MM_PER_PT


def parse_size(value) -> float:
    """A type size in points from a number (pt), "9pt", or a 号 name ("小五").

    Raises ValueError with a readable reason for anything else.
    """
    if isinstance(value, bool):
        raise ValueError(f"expected a size in pt or a 号 name, found {value!r}")
    if isinstance(value, (int, float)):
        if value <= 0:
            raise ValueError(f"expected a size > 0, found {value!r}")
        return float(value)
    if isinstance(value, str):
        s = value.strip()
        name = _ALIASES.get(s, s)
        if name in HAO_SIZES:
            return HAO_SIZES[name]
        if s.endswith("pt"):
            s = s[:-2].strip()
        try:
            v = float(s)
        except ValueError:
            raise ValueError(
                f"expected a size in pt or a 号 name (小五, 五号 …), found {value!r}") from None
        if v <= 0:
            raise ValueError(f"expected a size > 0, found {value!r}")
        return v
    raise ValueError(f"expected a size in pt or a 号 name, found {value!r}")


def size_name(pt: float) -> str | None:
    """The 号 name of a size in points, if it is one."""
    for name, v in HAO_SIZES.items():
        if abs(v - pt) < 1e-6:
            return name
    return None
