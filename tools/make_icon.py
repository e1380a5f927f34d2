#!/usr/bin/env python3
"""Draw Banmian's application icon, reproducibly.

    python tools/make_icon.py

writes ``desktop/gui/icons/banmian.svg`` — a newspaper page: the red 文武线
(thick + thin rule) of the masthead, a column of text lines, three columns below,
and a large 版 — and renders it with Qt's SVG renderer to ``banmian-256.png``
(plus 48 and 16 px for the hicolor theme's small sizes).

The 版 is drawn as an outline (a ``<path>``) taken from the bundled
BanmianHei-Bold face (SIL OFL), so the SVG needs no font on the machine that
shows it.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "desktop" / "gui" / "icons"
FONT = ROOT / "fonts" / "BanmianHei-Bold.ttf"

RED = "#c62828"
INK = "#1f1f1f"
GREY = "#a8a39a"
PAPER = "#fffdf6"


def glyph_path(ch: str) -> tuple[str, int]:
    from fontTools.pens.svgPathPen import SVGPathPen
    from fontTools.ttLib import TTFont
    font = TTFont(str(FONT))
    name = font.getBestCmap()[ord(ch)]
    gs = font.getGlyphSet()
    pen = SVGPathPen(gs)
    gs[name].draw(pen)
    return pen.getCommands(), font["head"].unitsPerEm


def lines(x0, x1, y0, y1, step, height=5) -> list[str]:
    out, y = [], y0
    while y + height <= y1:
        out.append(f'<rect x="{x0}" y="{y}" width="{x1 - x0}" height="{height}" rx="1.5"/>')
        y += step
    return out


def svg() -> str:
    d, upm = glyph_path("版")
    box, gx, gy = 100, 118, 74            # 版 in a 100 px square, top left at (gx, gy)
    s = box / upm
    # the font's em box: baseline at 880/1000 from the top for this face's CJK design
    glyph = (f'<path fill="{INK}" transform="translate({gx} {gy + 0.88 * box}) scale({s:.5f} {-s:.5f})" '
             f'd="{d}"/>')
    text = lines(40, 106, 80, 172, 12)
    cols = [c for x0 in (40, 102, 164) for c in lines(x0, x0 + 52, 190, 226, 12)]
    return "\n".join([
        '<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">',
        "  <title>Banmian 版面</title>",
        f'  <rect x="20" y="12" width="216" height="232" rx="18" fill="{PAPER}" stroke="#cfc8b8" stroke-width="4"/>',
        f'  <rect x="40" y="34" width="176" height="14" fill="{RED}"/>',
        f'  <rect x="40" y="54" width="176" height="4" fill="{RED}"/>',
        f'  <g fill="{GREY}">',
        *("    " + r for r in text + cols),
        "  </g>",
        "  " + glyph,
        "</svg>",
        "",
    ])


def render(svg_path: Path, size: int, out: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer
    app = QGuiApplication.instance() or QGuiApplication(["make_icon"])  # noqa: F841
    r = QSvgRenderer(str(svg_path))
    if not r.isValid():
        raise SystemExit(f"{svg_path}: Qt cannot read this SVG")
    img = QImage(size, size, QImage.Format.Format_ARGB32)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    r.render(p)
    p.end()
    if not img.save(str(out), "PNG"):
        raise SystemExit(f"{out}: cannot be written")


def main() -> int:
    import os
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    ICONS.mkdir(parents=True, exist_ok=True)
    target = ICONS / "banmian.svg"
    target.write_text(svg(), encoding="utf-8")
    print(f"wrote {target.relative_to(ROOT)}")
    for size in (256, 48, 16):
        png = ICONS / f"banmian-{size}.png"
        render(target, size, png)
        print(f"wrote {png.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
