"""Page geometry the editor needs: column lines, baseline grid, snapping (mm)."""
from __future__ import annotations

from ..core.model.document import Page
from ..core.model.units import MM_PER_PT


def column_edges(page: Page) -> list[tuple[float, float]]:
    """(left, right) of every basic column of the page grid, mm from the trim left.

    Columns are counted in body characters: a column is ``column_chars``
    characters of ``body_size``, the gutter ``gutter_chars``; the grid is
    centred in the type area so any rounding is split between both margins.
    """
    g = page.grid
    col = g.column_chars * g.body_size * MM_PER_PT
    gut = g.gutter_chars * g.body_size * MM_PER_PT
    total = g.columns * col + (g.columns - 1) * gut
    area = page.width - page.margins.left - page.margins.right
    x0 = page.margins.left + (area - total) / 2.0
    return [(x0 + i * (col + gut), x0 + i * (col + gut) + col) for i in range(g.columns)]


def baseline_lines(page: Page) -> list[float]:
    """y of every baseline-grid line inside the type area, mm from the trim top."""
    g = page.grid
    step = g.leading * MM_PER_PT
    top = page.margins.top
    first = top + (g.first_baseline if g.first_baseline > 0 else g.body_size * 0.88 * MM_PER_PT)
    bottom = page.height - page.margins.bottom
    out = []
    y = first
    while y <= bottom + 1e-6 and step > 0:
        out.append(y)
        y += step
    return out


def grid_rows(page: Page) -> list[float]:
    """Horizontal snap lines: top margin and every line of the grid's row pitch (mm)."""
    g = page.grid
    step = g.leading * MM_PER_PT
    top = page.margins.top
    bottom = page.height - page.margins.bottom
    out = []
    y = top
    while y <= bottom + 1e-6 and step > 0:
        out.append(y)
        y += step
    out.append(bottom)
    return out


def snap_targets(page: Page, exclude: set[str] = frozenset(), *, baseline: bool = True):
    """Vertical lines (x) and horizontal lines (y) a frame edge may snap to."""
    xs = [page.margins.left, page.width - page.margins.right, 0.0, page.width]
    for a, b in column_edges(page):
        xs += [a, b]
    ys = [page.margins.top, page.height - page.margins.bottom, 0.0, page.height]
    if baseline:
        ys += grid_rows(page)
    for f in page.frames:
        if f.id in exclude:
            continue
        xs += [f.x, f.x + f.w]
        ys += [f.y, f.y + f.h]
    return xs, ys


def snap_value(edges: list[float], targets: list[float], tol: float) -> float:
    """The shift (mm) that brings the nearest of ``edges`` onto a target within ``tol``; 0 if none."""
    best = None
    for e in edges:
        for t in targets:
            d = t - e
            if abs(d) <= tol and (best is None or abs(d) < abs(best)):
                best = d
    return best if best is not None else 0.0
