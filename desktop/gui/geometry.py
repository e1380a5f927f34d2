"""Page geometry the editor needs: column lines, baseline grid, snapping (mm)."""
from __future__ import annotations

from ..core.model.document import Page
from ..core.model.pagegrid import column_edges  # noqa: F401  (the editor's guides read the core's grid)
from ..core.typeset.resolve import grid_lines_mm, resolve_page


def page_grid(page: Page, result=None) -> tuple[float, float, float]:
    """(origin, pitch, body size) of the baseline grid in pt, as the engine laid it out.

    ``result`` is the page's PageResult: ``grid_origin`` is the top of cell 0
    and ``grid_pitch`` the cell height.  Without a result (or a pitch) the
    same values are derived from the page's grid settings.
    """
    if result is not None and getattr(result, "grid_pitch", 0) > 0:
        return result.grid_origin, result.grid_pitch, result.body_size or page.grid.body_size
    rp = resolve_page(page)
    return rp.grid_origin, rp.grid_pitch, rp.body_size


def baseline_lines(page: Page, result=None) -> list[float]:
    """y of every body baseline of the engine's grid inside the type area, mm from the trim top.

    A body line's em box sits centred in its cell: baseline = cell top + (pitch − size) / 2
    + ASCENT × size — the engine's placement (typeset/flow.py), which typeset/checks.py's grid
    check verifies with the same constant.
    """
    origin, pitch, size = page_grid(page, result)
    return grid_lines_mm(origin, pitch, size, page.height - page.margins.bottom, baseline=True)


def grid_rows(page: Page, result=None) -> list[float]:
    """Cell tops of the engine's baseline grid (mm), from cell 0 down to the bottom margin."""
    origin, pitch, size = page_grid(page, result)
    return grid_lines_mm(origin, pitch, size, page.height - page.margins.bottom)


def snap_targets(page: Page, exclude: set[str] = frozenset(), *, baseline: bool = True, result=None):
    """Vertical lines (x) and horizontal lines (y) a frame edge may snap to: margins, columns,
    the page's ruler guides and the other frames' edges.

    With ``baseline`` the y targets include the tops of the engine's grid
    cells (``result``: the page's PageResult with grid_origin / grid_pitch),
    so a frame's top lands where its first line's cell starts.
    """
    xs = [page.margins.left, page.width - page.margins.right, 0.0, page.width]
    for a, b in column_edges(page):
        xs += [a, b]
    ys = [page.margins.top, page.height - page.margins.bottom, 0.0, page.height]
    if baseline:
        ys += grid_rows(page, result)
    xs += page.guides.x          # the ruler guides the editor dragged onto the page
    ys += page.guides.y
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


def em_box(font_id: str) -> tuple[float, float]:
    """(above, below): how far a bundled face's ideographic em box reaches above and below the
    baseline, in em (its OS/2 metrics, from the core's font registry) — a caret's or a
    selection's height around a line set in it."""
    from ..core.typeset.fonts import default_registry
    f = default_registry().face(font_id)
    return f.em_top, -f.em_bottom
