"""The Qt painter draws the display list at the engine's positions."""
import pytest

pytestmark = pytest.mark.gui


def _run(text, x0=72.0, y=100.0, size=24.0, font="song", color=(0, 0, 0, 1)):
    from banmian.core.typeset.fonts import default_registry
    from banmian.core.typeset.result import GlyphRun
    face = default_registry().face(font)
    xs, gl, adv = [], [], []
    x = x0
    for ch in text:
        xs.append(x)
        gl.append(face.glyph_id(ch))
        a = face.advance(ch) * size
        adv.append(a)
        x += a
    return GlyphRun(font, size, color, y, tuple(xs), tuple(gl), text, tuple(adv), "s", 0,
                    tuple(range(len(text))), "f", 0)


def _page(items):
    from banmian.core.typeset.fonts import default_registry
    from banmian.core.typeset.result import PageResult
    return PageResult("p1", 0, 300.0, 200.0, 8.5, tuple(items), faces=default_registry().face_table(items))


def ink_columns(img, y0, y1):
    cols = []
    for x in range(img.width()):
        for y in range(y0, y1):
            if img.pixelColor(x, y).lightness() < 128:
                cols.append(x)
                break
    return cols


def test_render_page_image_size_and_glyph_positions(qapp):
    from banmian.core.typeset.result import Box, Rule
    from banmian.render.qt import render_page_image
    # a black box 10 pt wide at x=72: at 150 dpi its ink starts at 150 px exactly
    page = _page([Box(72, 20, 10, 10, None, 0, (0, 0, 0, 1)),
                  Rule(0, 60, 300, 60, 1.0, (0, 1, 1, 0)),
                  _run("中文排版", x0=72, y=140)])
    img = render_page_image(page, dpi=150)
    assert (img.width(), img.height()) == (625, 417)
    assert img.pixelColor(155, 50).lightness() < 30          # inside the box
    assert img.pixelColor(148, 50).lightness() > 250          # left of it
    red = img.pixelColor(300, 125)                             # the rule at y=60pt=125px
    assert red.red() > 200 and red.green() < 60
    cols = ink_columns(img, 240, 300)
    assert cols and 150 <= cols[0] <= 160                      # first glyph starts near 72pt
    assert cols[-1] <= 150 + 4 * 24 * 150 / 72 + 1            # ends inside 4 em
    bled = render_page_image(page, dpi=150, bleed=True)
    assert bled.width() == 661
    assert bled.pixelColor(155 + 18, 50 + 18).lightness() < 30


def test_missing_image_placeholder(qapp, tmp_path):
    from PySide6.QtGui import QColor, QImage
    from banmian.core.typeset.result import ImagePlacement
    from banmian.render.qt import render_page_image
    src = QImage(40, 20, QImage.Format.Format_RGB32)
    src.fill(QColor(0, 0, 255))
    path = tmp_path / "blue.png"
    src.save(str(path))
    # the image lands at 0..200 pt but is clipped to the frame 50..100
    page = _page([ImagePlacement("i", str(path), (50, 50, 50, 50), 0, 0, 200, 100, 40, 20, 14.4)])
    img = render_page_image(page, dpi=72)
    assert img.pixelColor(75, 75).blue() > 200 and img.pixelColor(75, 75).red() < 50
    assert img.pixelColor(40, 40).lightness() > 250
