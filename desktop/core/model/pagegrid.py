"""The page's column grid in millimetres — the one computation the editor's guides and
snapping and the make-up both read; it is resolved with the rest of the page (in pt, with these
mm helpers) by ``typeset.resolve.resolve_page``.
"""
from __future__ import annotations

from .document import Page


def column_metrics(page: Page) -> tuple[float, float, float, float]:
    """(x of the first column, column width, gutter, total width), mm from the trim left."""
    from ..typeset.resolve import resolve_page
    return resolve_page(page).column_metrics_mm()


def column_edges(page: Page) -> list[tuple[float, float]]:
    """(left, right) of every basic column of the page grid, mm from the trim left."""
    from ..typeset.resolve import resolve_page
    return resolve_page(page).column_edges_mm()
