"""The page's column grid in millimetres — the one computation the editor's guides and
snapping and the make-up both read.

Columns are counted in body characters: a column is ``column_chars`` characters of
``body_size``, the gutter ``gutter_chars``; the grid is centred in the type area so
any rounding is split between both margins.
"""
from __future__ import annotations

from .document import Page
from .units import MM_PER_PT


def column_metrics(page: Page) -> tuple[float, float, float, float]:
    """(x of the first column, column width, gutter, total width), mm from the trim left."""
    g = page.grid
    col = g.column_chars * g.body_size * MM_PER_PT
    gut = g.gutter_chars * g.body_size * MM_PER_PT
    total = g.columns * col + (g.columns - 1) * gut
    area = page.width - page.margins.left - page.margins.right
    return page.margins.left + (area - total) / 2.0, col, gut, total


def column_edges(page: Page) -> list[tuple[float, float]]:
    """(left, right) of every basic column of the page grid, mm from the trim left."""
    x0, col, gut, _ = column_metrics(page)
    return [(x0 + i * (col + gut), x0 + i * (col + gut) + col) for i in range(page.grid.columns)]
