"""What an export returns, and the error it raises."""
from __future__ import annotations

from dataclasses import dataclass, field

class ExportError(Exception):
    """The export could not be written (bad profile, unwritable target …)."""


@dataclass
class ExportReport:
    out_path: str
    pages: int = 0
    pdfx: str = ""
    profile: str = ""                     # description of the ICC profile used
    press: str = ""                       # the print condition's name (banmian.core.press)
    knockouts: list[dict] = field(default_factory=list)  # black overprint turned off: ink would stack over the limit
    fonts: list[dict] = field(default_factory=list)    # id, ps_name, file, subset names
    images: list[dict] = field(default_factory=list)   # path, frame, px, ppi, ink max, encoding
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    bytes: int = 0

    def to_dict(self) -> dict:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def reproducible_epoch() -> int | None:
    """``SOURCE_DATE_EPOCH`` (the reproducible-builds convention), when set to whole seconds:
    the export then dates the file, the slug and the XMP at that moment, draws its subset
    tags and document ids from it and the content instead of at random — so the same
    layout makes the same bytes (how tests compare a parallel export with a serial one)."""
    import os
    v = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return int(v) if v.isdigit() else None
