"""The one traversal of a page's display list (DESIGN.md: one painter interface).

Every painter — the PDF painter (render/pdf.py), the Qt painter (render/qt.py),
checks that paint nothing — implements the same methods and is driven by
:func:`paint_page`.  There is no layout logic here: the items are drawn in the
order layout put them, at the positions layout decided.

A painter implements::

    begin_page(page_result)      # PageResult: trim size, bleed (pt)
    glyph_run(run)               # GlyphRun
    rule(r)                      # Rule
    box(b)                       # Box
    image(placement)             # ImagePlacement
    end_page()

All coordinates a painter receives are points from the trim top-left, y down;
a painter that needs another origin (the PDF's bottom-up y) converts itself.
"""
from __future__ import annotations

from typing import Protocol

from banmian.core.typeset.result import Box, GlyphRun, ImagePlacement, PageResult, Rule


class Painter(Protocol):
    def begin_page(self, page_result: PageResult) -> None: ...
    def glyph_run(self, run: GlyphRun) -> None: ...
    def rule(self, r: Rule) -> None: ...
    def box(self, b: Box) -> None: ...
    def image(self, placement: ImagePlacement) -> None: ...
    def end_page(self) -> None: ...


# item type -> painter method name; one table, so a new item kind is one line here
_DISPATCH = {
    GlyphRun: "glyph_run",
    Rule: "rule",
    Box: "box",
    ImagePlacement: "image",
}


def paint_page(page_result: PageResult, painter) -> None:
    """Walk one page's items in paint order and hand each to ``painter``."""
    painter.begin_page(page_result)
    methods = {cls: getattr(painter, name) for cls, name in _DISPATCH.items()}
    for item in page_result.items:
        draw = methods.get(type(item))
        if draw is None:
            raise TypeError(f"paint_page: unknown display item {type(item).__name__}")
        draw(item)
    painter.end_page()
