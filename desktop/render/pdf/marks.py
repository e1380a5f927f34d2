"""Printer's marks outside the trim: crop marks, registration targets, a colour bar
and the slug line, all in the registration colour except the colour patches."""
from __future__ import annotations

from banmian.core.model.units import PT_PER_MM
from banmian.core.typeset.result import PageResult

SLUG_MM = 12.0           # slug beyond the bleed on every side when marks are on
MARK_OFFSET_MM = 3.0     # crop marks start this far outside the trim (never inside the bleed)
MARK_LENGTH_MM = 6.0
MARK_WEIGHT_PT = 0.25


def draw_marks(self, pr: PageResult):
    c = self.c
    self._overprint(False)
    c.saveState()
    c.setStrokeColor(self.reg)
    c.setFillColor(self.reg)
    c.setLineWidth(MARK_WEIGHT_PT)
    off = max(MARK_OFFSET_MM * PT_PER_MM, pr.bleed)
    ln = MARK_LENGTH_MM * PT_PER_MM
    x0, y0 = self.ox, self.oy
    x1, y1 = self.ox + pr.width, self.oy + pr.height
    for x, sx in ((x0, -1), (x1, 1)):
        for y, sy in ((y0, -1), (y1, 1)):
            c.line(x + sx * off, y, x + sx * (off + ln), y)      # horizontal mark
            c.line(x, y + sy * off, x, y + sy * (off + ln))      # vertical mark
    # registration targets, centred on each side in the slug
    r = 2.5 * PT_PER_MM
    d = off + ln / 2
    for tx, ty in (((x0 + x1) / 2, y1 + d), ((x0 + x1) / 2, y0 - d), (x0 - d, (y0 + y1) / 2),
                   (x1 + d, (y0 + y1) / 2)):
        c.circle(tx, ty, r * 0.6, stroke=1, fill=0)
        c.line(tx - r, ty, tx + r, ty)
        c.line(tx, ty - r, tx, ty + r)
    # colour bar: one patch per plate, then the slug line
    sz = 3.0 * PT_PER_MM
    by = y0 - off - ln + 0.5 * PT_PER_MM
    bx = x0
    for col in ((1, 0, 0, 0), (0, 1, 0, 0), (0, 0, 1, 0), (0, 0, 0, 1)):
        c.setFillColor(self.CMYKColor(*col))
        c.rect(bx, by - sz, sz, sz, stroke=0, fill=1)
        bx += sz
    c.setFillColor(self.reg)
    info = self.slug_info
    slug = (f"{info['file']}   第 {pr.index + 1} / {info['pages']} 版   "
            f"{info['when']}   印版 C M Y K   {info['profile']}")
    font = self.fonts.get(self.mark_font_id)
    c.setFont(font.fontName, 6)
    c.drawString(bx + 2 * PT_PER_MM, by - sz + 1, slug)
    c.restoreState()
