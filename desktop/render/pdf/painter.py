"""The PDF painter: draws PageResults on a reportlab canvas, one PDF page each.
The y-flip from the display list's top-left, y-down points to PDF's bottom-up
user space lives here and nowhere else."""
from __future__ import annotations

from banmian.core.model.units import PT_PER_MM
from banmian.core.typeset.result import ROTATED, Box, GlyphRun, ImagePlacement, PageResult, Rule

from .fonts import _Fonts
from .images import _Images, _deferred_image_xobject
from .marks import SLUG_MM, draw_marks

# ------------------------------------------------------------------ the painter

def _fmt(v: float) -> str:
    s = f"{v:.3f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


_FMT: dict = {}        # _fmt of the TJ adjustments, which repeat (a page's few widths and spacings)


def _fmt_adj(v: float) -> str:
    s = _FMT.get(v)
    if s is None:
        if len(_FMT) > 1 << 16:
            _FMT.clear()
        s = _FMT[v] = _fmt(v)
    return s


class PdfPainter:
    """Draws PageResults on a reportlab canvas, one PDF page each."""

    def __init__(self, canvas, fonts: _Fonts, images: _Images, *, marks: bool,
                 slug_info: dict, mark_face, press=None, stories: dict | None = None):
        from reportlab.lib.colors import CMYKColor, CMYKColorSep
        self.c = canvas
        self.fonts = fonts
        self.images = images
        self.marks = marks
        self.slug_info = slug_info
        self.mark_face = mark_face         # result.Face the slug line is set in
        # story id -> its text: the text layer maps every glyph to the copy's character
        self.stories = stories or {}
        self.CMYKColor = CMYKColor
        self.reg = CMYKColorSep(1, 1, 1, 1, spotName="All", density=1)
        self._op = False
        self._op_fill = self._op_stroke = False
        self.press = press
        self.ink_limit = float(press.ink_limit) if press is not None else float(images.ink_limit)
        self.black_rules_overprint = bool(press.overprint_black_rules) if press is not None else False
        self.knockouts: list[dict] = []     # black objects not overprinted: the ink beneath + K100 > limit
        self._beneath: list = []            # what is already on this page: (rect, C+M+Y %) or (rect, image)
        self.page = None
        # state mode (parallel.py): everything but writing out the text operators, so a
        # second process hands out subset codes and names as painting these pages would
        self.state_only = False
        self._colours: dict = {}            # (fill?, c, m, y, k) -> (CMYKColor, operators)
        self._widths: dict = {}             # font -> {code: /Widths value}
        self._codes: dict = {}              # font -> {(char, glyph, source): code}
        self.ox = self.oy = 0.0     # trim's bottom-left corner in PDF user space
        self.th = 0.0

    # -- the one y-flip: display list (top-left, y down) -> PDF (bottom-left, y up)
    def X(self, x: float) -> float:
        return self.ox + x

    def Y(self, y: float) -> float:
        return self.oy + self.th - y

    def _colour(self, cmyk, *, fill: bool):
        """Set the fill or stroke colour.  reportlab's setter (colour check, formatting) runs
        once per colour; after that the operator it wrote is repeated — the same bytes, since
        a process colour's operator depends on nothing but the colour (alpha stays 1)."""
        key = (fill, *cmyk)
        hit = self._colours.get(key)
        c = self.c
        if hit is None:
            col = self.CMYKColor(*(float(v) for v in cmyk))
            code = c._code
            n = len(code)
            (c.setFillColor if fill else c.setStrokeColor)(col)
            hit = self._colours[key] = (col, tuple(code[n:]))
        else:
            c._code.extend(hit[1])
        if fill:
            c._fillColorObj = hit[0]
        else:
            c._strokeColorObj = hit[0]

    def _overprint(self, on: bool, *, fill: bool | None = None, stroke: bool | None = None):
        """Overprint on/off for fills and strokes (separately when given); OPM 1 whenever
        either overprints, so a 100 % K object leaves the C, M, Y plates beneath alone."""
        f = on if fill is None else fill
        s = on if stroke is None else stroke
        if (f, s) != (self._op_fill, self._op_stroke):
            if f != self._op_fill:
                self.c.setFillOverprint(f)
            if s != self._op_stroke:
                self.c.setStrokeOverprint(s)
            if (f or s) != self._op:
                self.c.setOverprintMask(f or s)
                self._op = f or s
            self._op_fill, self._op_stroke = f, s

    # -- where overprinting would stack ink over the limit
    @staticmethod
    def _is_black(cmyk) -> bool:
        return cmyk is not None and cmyk[0] == 0 and cmyk[1] == 0 and cmyk[2] == 0 and cmyk[3] >= 0.999

    def _cmy_beneath(self, rect) -> float:
        """The most C+M+Y (%) already painted on this page under ``rect`` (x, y, w, h, pt)."""
        x0, y0, w, h = rect
        x1, y1 = x0 + w, y0 + h
        worst = 0.0
        for (bx, by, bw, bh), what in self._beneath:
            if bx >= x1 or bx + bw <= x0 or by >= y1 or by + bh <= y0:
                continue
            v = what if isinstance(what, float) else self.images.cmy_max(what, (x0, y0, x1, y1))
            worst = max(worst, v)
        return worst

    def _may_overprint(self, rect, what: str, frame: str) -> bool:
        """Black (K100) overprints — unless the C+M+Y beneath plus its 100 % K would exceed the
        ink limit; then it knocks out there (the plate's limit holds; PRINT.md)."""
        if not self._beneath:
            return True
        cmy = self._cmy_beneath(rect)
        if cmy + 100.0 <= self.ink_limit + 0.5:
            return True
        self.knockouts.append({"page": self.page.index + 1 if self.page else None, "frame": frame,
                               "what": what, "ink": round(cmy + 100.0, 1)})
        return False

    # -- painter interface
    def begin_page(self, pr: PageResult):
        bleed = pr.bleed
        slug = SLUG_MM * PT_PER_MM if self.marks else 0.0
        off = bleed + slug
        self.page = pr
        self.faces = {f.id: f for f in pr.faces}      # the page's face table: what its runs are set in
        self.ox = self.oy = off
        self.th = pr.height
        self._beneath = []
        W, H = pr.width + 2 * off, pr.height + 2 * off
        c = self.c
        c.setPageSize((W, H))
        c.setTrimBox((off, off, off + pr.width, off + pr.height))
        c.setBleedBox((off - bleed, off - bleed, off + pr.width + bleed, off + pr.height + bleed))
        c.setCropBox((0, 0, W, H))
        self._op = self._op_fill = self._op_stroke = False
        # nothing the page holds reaches the slug: its items are clipped to the bleed box
        # (marks are drawn after the clip is lifted)
        c.saveState()
        clip = c.beginPath()
        clip.rect(off - bleed, off - bleed, pr.width + 2 * bleed, pr.height + 2 * bleed)
        c.clipPath(clip, stroke=0, fill=0)

    def end_page(self):
        self.c.restoreState()
        self._op = self._op_fill = self._op_stroke = False    # the restored state overprints nothing
        if self.marks:
            self._draw_marks(self.page)
        self.c.showPage()

    def glyph_run(self, run: GlyphRun):
        if not run.glyphs:
            return
        font = self.fonts.get(self.faces[run.font])
        size = float(run.size)
        cmyk = tuple(float(v) for v in run.color)
        black = self._is_black(cmyk)
        if black:
            if run.orient:      # a vertical line: its em column, top to bottom
                top = min(run.ys) - size
                rect = (run.y - 0.75 * size, top, 1.5 * size, max(run.ys) - top + size)
            else:
                rect = (run.xs[0], run.y - size, run.x_end - run.xs[0], 1.25 * size)
            black = self._may_overprint(rect, "text", run.frame)
        self._overprint(black)
        self._colour(cmyk, fill=True)
        doc = self.c._doc
        face = font.face
        src = self.stories.get(run.story)
        if src is not None and run.offsets and run.start + run.offsets[-1] < len(src):
            # the copy's characters: U+2015 drawn for U+2014 and ？ for ASCII ? extract as the copy
            chars = [src[run.start + o] for o in run.offsets]
            chars = [s if s != ch and ch != "\u00ad" else None for s, ch in zip(chars, run.text)]
        else:
            chars = [None] * len(run.text)
        # code_for's answers, per font: (char, glyph, source char) -> code
        known = self._codes.get(font)
        if known is None:
            known = self._codes[font] = {}
        keys = list(zip(run.text, run.glyphs, chars))
        codes = list(map(known.get, keys))
        if None in codes:
            code_for = self.fonts.code_for
            for n, c in enumerate(codes):
                if c is None:
                    codes[n] = known[keys[n]] = code_for(font, *keys[n])
        text = "".join(map(chr, codes))
        if self.state_only:
            # what splitString + getSubsetInternalName would change, and only that: codes
            # not handed out yet get theirs, in the order of first appearance; the font's
            # internal name on its first use
            st = font.state.get(doc)
            if st is None:
                font.splitString(text, doc)
            else:
                order = dict.fromkeys(codes)
                new = order.keys() - st.assignments.keys()
                if new:     # (U+00A0, which splitString reads as a space, lands here too: harmless)
                    font.splitString("".join([chr(c) for c in order if c in new]), doc)
            font.getSubsetInternalName(0, doc)
            return
        escape = self.c._escape
        if run.orient:
            self._vertical_text(run, font, size, codes, text)
            return
        y = self.Y(run.y)
        out = ["BT"]
        i = 0
        k_per_pt = 1000.0 / size
        widths = self._widths.get(font)
        if widths is None:
            widths = self._widths[font] = {}
        xs = run.xs
        ws = []                              # the /Widths value of each glyph's code
        for c in codes:
            w = widths.get(c)
            if w is None:
                w = widths[c] = face.getCharWidth(c)
            ws.append(w)
        for subset, chunk in font.splitString(text, doc):
            n = len(chunk)
            out.append(f"{font.getSubsetInternalName(subset, doc)} {_fmt(size)} Tf")
            out.append(f"1 0 0 1 {_fmt(self.X(xs[i]))} {_fmt(y)} Tm")
            parts = []
            a = 0                            # where the string being collected starts in chunk
            for j in range(n - 1):
                gi = i + j
                adj = ws[gi] - (xs[gi + 1] - xs[gi]) * k_per_pt
                if adj > 0.005 or adj < -0.005:
                    parts.append(f"({escape(chunk[a:j + 1])})")
                    parts.append(_fmt_adj(adj))
                    a = j + 1
            if a < n:
                parts.append(f"({escape(chunk[a:])})")
            if len(parts) == 1:
                out.append(f"{parts[0]} Tj")
            else:
                out.append(f"[{' '.join(parts)}] TJ")
            i += n
        out.append("ET")
        self.c._code.append(" ".join(out))
        if 0 in run.glyphs:
            self._missing_boxes(run)

    def _vertical_text(self, run: GlyphRun, font, size: float, codes, text: str):
        """A vertical frame's run: every glyph at its own origin, a rotated one (Latin in a
        vertical line) with its text matrix turned 90° clockwise.  The text layer is the copy's
        characters as for horizontal runs (a `vert` form's private code maps to its source)."""
        doc = self.c._doc
        escape = self.c._escape
        m = "0 -1 1 0" if run.orient == ROTATED else "1 0 0 1"
        out = ["BT"]
        src = self.stories.get(run.story)
        if src is not None and run.offsets and run.start + run.offsets[-1] < len(src):
            # the run's stretch of the copy (spaces between its glyphs included) as one span
            actual = src[run.start:run.start + run.offsets[-1] + 1]
            out.append("/Span <</ActualText <FEFF" + actual.encode("utf-16-be").hex().upper() + ">>> BDC")
        else:
            actual = None
        i = 0
        for subset, chunk in font.splitString(text, doc):
            out.append(f"{font.getSubsetInternalName(subset, doc)} {_fmt(size)} Tf")
            for j in range(len(chunk)):
                gi = i + j
                out.append(f"{m} {_fmt(self.X(run.xs[gi]))} {_fmt(self.Y(run.ys[gi]))} Tm "
                           f"({escape(bytes(chunk[j:j + 1]))}) Tj")
            i += len(chunk)
        if actual is not None:
            out.append("EMC")
        out.append("ET")
        self.c._code.append(" ".join(out))

    def _missing_boxes(self, run: GlyphRun):
        """A character no bundled face has: its .notdef is drawn (and its text layer is the
        character), and a magenta box with a cross marks the slot so that nobody misses it."""
        size = float(run.size)
        self._overprint(False)
        self.c.setStrokeColor(self.CMYKColor(0, 1, 0, 0))
        self.c.setLineWidth(max(0.3, size / 20))
        for i, gid in enumerate(run.glyphs):
            if gid != 0 or run.text[i] in " \u00ad":
                continue
            face = self.faces[run.font]
            w = run.widths[i] if run.widths else run.advances[i]
            x0 = self.X(run.xs[i] + (run.lcuts[i] if run.lcuts else 0.0))
            y0 = self.Y(run.y - face.em_bottom * size)      # the face's ideographic em box
            y1 = self.Y(run.y - face.em_top * size)
            p = self.c.beginPath()
            p.rect(x0, y0, w, y1 - y0)
            p.moveTo(x0, y0)
            p.lineTo(x0 + w, y1)
            p.moveTo(x0, y1)
            p.lineTo(x0 + w, y0)
            self.c.drawPath(p, stroke=1, fill=0)

    def rule(self, r: Rule):
        op = self.black_rules_overprint and self._is_black(r.color)
        if op:
            hw = r.width / 2
            x0, x1 = sorted((r.x1, r.x2))
            y0, y1 = sorted((r.y1, r.y2))
            op = self._may_overprint((x0 - hw, y0 - hw, x1 - x0 + 2 * hw, y1 - y0 + 2 * hw), "rule", r.frame)
        self._overprint(op)
        self._colour(r.color, fill=False)
        self.c.setLineWidth(r.width)
        self.c.setLineCap(0)
        self.c.line(self.X(r.x1), self.Y(r.y1), self.X(r.x2), self.Y(r.y2))

    def box(self, b: Box):
        fill = b.fill is not None
        stroke = b.stroke is not None and b.stroke_width > 0
        if not (fill or stroke):
            return
        op_stroke = stroke and self.black_rules_overprint and self._is_black(b.stroke)
        if op_stroke:
            hw = b.stroke_width / 2
            op_stroke = self._may_overprint((b.x - hw, b.y - hw, b.w + 2 * hw, b.h + 2 * hw), "stroke", b.frame)
        self._overprint(False, fill=False, stroke=op_stroke)
        if fill:
            self._colour(b.fill, fill=True)
        if stroke:
            self._colour(b.stroke, fill=False)
            self.c.setLineWidth(b.stroke_width)
        self.c.rect(self.X(b.x), self.Y(b.y + b.h), b.w, b.h, stroke=int(stroke), fill=int(fill))
        if fill:
            cmy = 100.0 * (float(b.fill[0]) + float(b.fill[1]) + float(b.fill[2]))
            if cmy > 0:
                self._beneath.append(((b.x, b.y, b.w, b.h), cmy))

    def image(self, p: ImagePlacement):
        if p.missing or not p.path:
            return
        geo = self.images.geometry(p)
        if geo is None:
            return
        _crop, (rx, ry, rw, rh), _size, _scale = geo
        self._overprint(False)
        reg = _deferred_image_xobject(self.c, self.images, p)
        c = self.c
        c.saveState()
        cx, cy, cw, ch = p.clip
        path = c.beginPath()
        path.rect(self.X(cx), self.Y(cy + ch), cw, ch)
        c.clipPath(path, stroke=0, fill=0)
        c._code.append(f"{_fmt(rw)} 0 0 {_fmt(rh)} {_fmt(self.X(rx))} {_fmt(self.Y(ry + rh))} cm /{reg} Do")
        c.restoreState()
        self._beneath.append(((rx, ry, rw, rh), p))

    # -- marks: crop marks, registration targets, colour bar and slug line (marks.py)
    def _draw_marks(self, pr: PageResult):
        draw_marks(self, pr)
