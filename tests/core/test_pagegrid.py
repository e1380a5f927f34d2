"""The page's column grid (core): counted in body characters and centred in the type area."""
import pytest

from banmian.core.model import Grid, Margins, Page
from banmian.core.model.pagegrid import column_edges
from banmian.core.model.units import MM_PER_PT

pytestmark = pytest.mark.core


def test_columns_are_counted_in_characters_and_centred():
    page = Page("p", "1", 300, 400, 3, Margins(20, 20, 30, 10), Grid(4, 10, 1, 9.0, 15.0))
    cols = column_edges(page)
    col, gut = 10 * 9.0 * MM_PER_PT, 9.0 * MM_PER_PT
    assert len(cols) == 4
    assert all(r - l == pytest.approx(col) for l, r in cols)
    assert all(b[0] - a[1] == pytest.approx(gut) for a, b in zip(cols, cols[1:]))
    left_room, right_room = cols[0][0] - 30, (300 - 10) - cols[-1][1]
    assert left_room == pytest.approx(right_room)
