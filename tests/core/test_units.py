"""Units: millimetres for geometry, points for type — checked against known values and on a layout."""
import pytest

from banmian.core.model import Block, Document, Grid, Margins, Page, ParagraphStyle, Run, Story, Swatch, TextFrame
from banmian.core.model.units import HAO_SIZES, mm_to_pt, parse_size, pt_to_mm
from banmian.core.typeset.layout import layout_document

pytestmark = pytest.mark.core


def test_millimetres_and_points_convert_by_the_inch():
    assert mm_to_pt(25.4) == pytest.approx(72.0)
    assert mm_to_pt(210) == pytest.approx(595.2756, abs=1e-3)   # A4 width
    assert pt_to_mm(72.0) == pytest.approx(25.4)
    assert pt_to_mm(mm_to_pt(123.4)) == pytest.approx(123.4)


def test_hao_names_are_the_standard_sizes():
    assert parse_size("小五") == 9.0 == HAO_SIZES["小五"]
    assert parse_size("五号") == 10.5 and parse_size("一号") == 26.0 and parse_size("初号") == 42.0
    assert parse_size("9pt") == 9.0 and parse_size(12) == 12.0
    for bad in (0, -3, True, "大号", "pt"):
        with pytest.raises(ValueError):
            parse_size(bad)


def test_a_frame_in_millimetres_is_set_in_points():
    frame = TextFrame("f", 25.4, 50.8, 50.8, 100, story="s")     # 1 in from the left, 2 in wide
    page = Page("p1", "1", 200, 300, 3, Margins(10, 10, 10, 10), Grid(2, 13, 1, 9.0, 15.0), frames=[frame])
    doc = Document([page], [Story("s", "s", [Block("paragraph", "body", [Run("政治性是群团组织的灵魂" * 4)])])],
                   [ParagraphStyle("body")], swatches=[Swatch("Black", k=100)])
    lines = layout_document(doc).pages[0].lines
    assert lines[0].x0 == pytest.approx(72.0)
    assert lines[0].x1 == pytest.approx(72.0 + 144.0)
    assert lines[0].baseline > 144.0           # below the frame's top at 2 in


def test_sizes_below_one_point_and_aliases_and_readable_refusals():
    assert parse_size(0.5) == 0.5 and parse_size("0.5pt") == 0.5 and parse_size(" 7.5 pt ") == 7.5
    assert parse_size("五") == 10.5 and parse_size("初") == 42.0 and parse_size(" 小五 ") == 9.0
    for bad, why in ((0, "> 0"), (-1, "> 0"), ("0", "> 0"), ("-2pt", "> 0"), (True, "号"), ("大号", "号"),
                     (None, "号"), ([9], "号")):
        with pytest.raises(ValueError, match=why) as e:
            parse_size(bad)
        assert repr(bad) in str(e.value)          # says what it found


def test_size_names_round_trip():
    from banmian.core.model.units import size_name
    for name, pt in HAO_SIZES.items():
        assert size_name(pt) == name and parse_size(name) == pt
    assert size_name(9.5) is None and size_name(9.0 + 1e-4) is None
