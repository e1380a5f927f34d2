"""Printer's marks outside the trim: crop marks, registration targets, a colour bar
and the slug line, all in the registration colour except the colour patches."""
from __future__ import annotations

from banmian.core.model.units import PT_PER_MM
from banmian.core.typeset.result import PageResult

SLUG_MM = 12.0           # slug beyond the bleed on every side when marks are on
MARK_OFFSET_MM = 1.0     # crop marks start this far outside the *bleed* (offset = bleed + 1 mm at least)
MARK_LENGTH_MM = 6.0
MARK_WEIGHT_PT = 0.25


def mark_offset(pr: PageResult, press=None) -> float:
    """Where the crop marks start, pt outside the trim: bleed + the condition's offset
    (≥ 1 mm), so no mark pixel touches the bleed area."""
    extra = max(MARK_OFFSET_MM, float(getattr(press, "marks_offset_mm", MARK_OFFSET_MM) or 0.0))
    return pr.bleed + extra * PT_PER_MM


def slug_text(info: dict, pr: PageResult) -> str:
    """The slug line: the page's folio (its number field, not the export sequence), the
    issue date, the print condition, the file and when it was made."""
    folio = (info.get("folios") or {}).get(pr.index) or str(pr.index + 1)
    parts = [info["file"], f"第 {folio} 版"]
    if info.get("date"):
        parts.append(info["date"])
    cond = info.get("condition") or info.get("profile", "")
    if info.get("ink_limit"):
        cond += f" {info['ink_limit']:g}%"
    parts += [f"印刷条件 {cond}", "印版 C M Y K", f"输出 {info['when']}"]
    return "   ".join(parts)


def draw_marks(self, pr: PageResult):
    c = self.c
    self._overprint(False)
    c.saveState()
    c.setStrokeColor(self.reg)
    c.setFillColor(self.reg)
    c.setLineWidth(MARK_WEIGHT_PT)
    off = mark_offset(pr, self.press)
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
    slug = slug_text(self.slug_info, pr)
    font = self.fonts.get(self.mark_face)
    c.setFont(font.fontName, 6)
    c.drawString(bx + 2 * PT_PER_MM, by - sz + 1, slug)
    c.restoreState()
