"""Preflight: what would go wrong at the plant, found on the document and its layout.

The one implementation the CLI (``banmian preflight``, ``banmian export``), the
export and the editor's preflight panel all use.  No Qt, no reportlab here;
Pillow decodes linked images in full (core/imagefile.py) within a time budget.

Each :class:`Finding` says how bad (``error`` blocks export unless forced,
``warning``, ``info``), what (a stable English ``code`` and a message in
Simplified Chinese), where (page number 1-based, frame id, story id, character
index in ``story.text``) and how to fix it.  Pages are *named* by their folio — the
page's number field (``Page.name``, "3" on the sample), as the 报眉 and the slug show
it: ``第 3 版`` — and only found by their index (``page``).

Codes:

=====================  ========  ==============================================
code                   severity  what
=====================  ========  ==============================================
overset                error     a story's text does not fit its frames
missing_glyph          error     a character no bundled font has
image_missing          error     a linked image file does not exist
image_unreadable       error     a linked image file cannot be read as an image (not a regular
                                 file, over the pixel budget, truncated or undecodable)
image_outside          error     a linked image resolves outside the layout's folder (symlinks
                                 followed) and outside every meta.link_folders folder
image_link_folder      info      a linked image in an allowed folder outside the layout's
image_not_verified     warning   the time budget ran out: only the image's header was checked
image_ppi_low          error     effective resolution < 120 ppi at placed size
image_ppi              warning   effective resolution < 200 ppi at placed size
image_rgb              info      an RGB image (converted to CMYK on export)
ink_limit              error     a swatch in use exceeds the total ink limit
trim_no_bleed          warning   an object crosses the trim but stops short of the bleed
empty_text_frame       warning   a text frame with no story and not in any thread
leading_tight          warning   a paragraph style in use has a fixed leading smaller than its size
font_not_embeddable    error     a font whose licence forbids embedding
font_missing           error     a font file the layout needs is not there
typo_<check>           warning   a typographic check of typeset/checks.py failed on a line (overflow,
                                 prohibitions, loose_lines, split_units, overlaps, …): page, frame, line
frames_overlap         warning   版面重叠: a frame covers another article's set text (see
                                 :func:`frame_overlaps` for what counts)
empty_headline         warning   a headline (or title) block with no text: the page has no head there
placeholder_text       warning   leftover placeholder copy (待补稿件, 请输入…, 「标题」, ××) in a story, or
                                 a 报眉 field still holding its template value (2024年×月×日, 报名 …)
underset               info      a story short of its frames (欠 N 字), as the story editor shows it
pasteboard             info      a frame wholly outside the page and its bleed: shown in the editor,
                                 never printed
=====================  ========  ==============================================

The plant's checks (:func:`plant_findings`, run when a print condition is
given — ``preflight(..., press=cond)``; the CLI and the export dialog always
give one) use the condition's limits (banmian.core.press):

=====================  ========  ==============================================
overprint_stack        warning   black text/rule/stroke overprinting a tint or image
                                 would exceed the ink limit (the export knocks it out there)
line_too_thin          error     a rule or box stroke below the condition's minimum line width
reversed_type_small    error     reversed (white), tinted or multi-ink text below the
                                 condition's minimum size (serif faces: the serif minimum)
registration_in_trim   error     the registration colour inside the trim
text_near_trim         warning   text within the safety margin (3 mm) of the trim
colour_not_cmyk        error     a colour that is not process CMYK (RGB, spot, out of range)
image_ppi_screen       error     an image's ppi below the condition's minimum (1.5 × lpi)
=====================  ========  ==============================================
"""
from __future__ import annotations

import os
from dataclasses import asdict, dataclass
from pathlib import Path

from .model.document import BoxFrame, Document, ImageFrame, RuleFrame, TextFrame
from .model.units import PT_PER_MM
from .typeset.resolve import image_pixel_box
from .typeset.result import Box, GlyphRun, ImagePlacement, LayoutResult, Rule, printable

SEVERITIES = ("error", "warning", "info")
PPI_WARN = 200.0
PPI_ERROR = 120.0
_EPS_MM = 0.01


@dataclass(frozen=True)
class Finding:
    severity: str            # error | warning | info
    code: str                # stable English code (see the module docstring)
    message: str             # 简体中文
    page: int | None = None  # page number, 1-based
    frame: str | None = None
    story: str | None = None
    char: int | None = None  # index into story.text
    fix: str = ""            # 简体中文: how to fix it
    value: float | None = None   # the measured value (ink %, line pt, type pt, mm, ppi) where there is one
    folio: str | None = None     # the page's folio (Page.name, else its number): what the editor calls it

    def page_label(self) -> str:
        """``第 3 版``: the page by its folio (the 报眉's and the slug's name for it), not its index."""
        if self.page is None and self.folio is None:
            return ""
        return f"第 {self.folio or self.page} 版"

    def to_dict(self) -> dict:
        return asdict(self)

    def line(self) -> str:
        """One line for a terminal: ``error overset 第 1 版 frame body: 正文溢出 12 字（…）``."""
        where = []
        if self.page is not None or self.folio is not None:
            where.append(self.page_label())
        if self.frame:
            where.append(f"frame {self.frame}")
        if self.story:
            where.append(f"story {self.story}")
        if self.char is not None:
            where.append(f"char {self.char}")
        loc = (" " + " ".join(where)) if where else ""
        fix = f" —— {self.fix}" if self.fix else ""
        return f"{self.severity} {self.code}{loc}: {self.message}{fix}"


def has_errors(findings) -> bool:
    return any(f.severity == "error" for f in findings)


def exit_code(findings) -> int:
    """0 clean (info only), 1 warnings but no errors, 2 errors."""
    if has_errors(findings):
        return 2
    if any(f.severity == "warning" for f in findings):
        return 1
    return 0


# ------------------------------------------------------------------ helpers

class _Where:
    """frame id -> page number (1-based); story id -> name."""

    def __init__(self, doc: Document):
        self.page_of: dict[str, int] = {}
        for n, p in enumerate(doc.pages, 1):
            for f in p.frames:
                self.page_of[f.id] = n
        self.story_name = {s.id: (s.name or s.id) for s in doc.stories}

    def page(self, frame_id: str | None) -> int | None:
        return self.page_of.get(frame_id) if frame_id else None


def _ink(sw) -> float:
    return sw.c + sw.m + sw.y + sw.k


# full decodes already done: (path, size, mtime) -> None or the error text
_VERIFIED: dict[tuple, str | None] = {}
READ_SECONDS = 30.0      # the time budget of one preflight for decoding images in full


def _image_info(path: Path, budget: list):
    """(mode, (w, h), has ICC) — header and, within the time budget, every pixel decoded
    (a truncated JPEG is unreadable); raises imagefile.ImageFileError."""
    import time
    from . import imagefile
    st = imagefile.check_regular(path)
    info = imagefile.header(path)
    key = (str(path), st.st_size, st.st_mtime_ns)
    if key not in _VERIFIED:
        if budget[0] <= 0:
            return info + (False,)
        t0 = time.perf_counter()
        try:
            imagefile.open_full(path).close()
            _VERIFIED[key] = None
        except imagefile.ImageFileError as e:
            _VERIFIED[key] = str(e)
        budget[0] -= time.perf_counter() - t0
        if len(_VERIFIED) > 512:
            _VERIFIED.pop(next(iter(_VERIFIED)))
    if _VERIFIED[key] is not None:
        raise imagefile.ImageFileError(_VERIFIED[key])
    return info + (True,)


# ------------------------------------------------------------------ checks

def _overset(doc, result, where):
    for o in result.overset:
        if o.chars <= 0:
            continue
        name = where.story_name.get(o.story, o.story)
        if o.frame:
            msg = f"正文溢出 {o.chars} 字（稿件“{name}”）"
            fix = "加大或串接文本框、删改稿件，或缩小字号/行距"
        else:
            msg = f"稿件“{name}”未排入版面，{o.chars} 字未出现"
            fix = "把稿件排入一个文本框，或从文档中删除"
        yield Finding("error", "overset", msg, where.page(o.frame), o.frame or None, o.story,
                      o.first_char, fix)


def _missing_glyphs(doc, result, where):
    seen: dict[tuple[str, str], list[int]] = {}
    for story, index, ch in result.missing_glyphs:
        seen.setdefault((story, ch), []).append(index)
    frames_of = {}
    for p in result.pages:
        for fl in p.frames:
            frames_of.setdefault(fl.story, []).append(fl)
    for (story, ch), idxs in seen.items():
        first = min(idxs)
        frame = None
        for fl in frames_of.get(story, ()):
            if fl.first_char <= first < fl.end_char:
                frame = fl.frame
                break
        name = where.story_name.get(story, story)
        times = f"，共 {len(idxs)} 处" if len(idxs) > 1 else ""
        yield Finding("error", "missing_glyph",
                      f"缺字：“{ch}”（U+{ord(ch):04X}）随附字体都没有，稿件“{name}”{times}",
                      where.page(frame), frame, story, first,
                      "改用常用字或造字，或换用包含该字的字体")


def _images(doc, result, where, base_dir):
    from . import imagefile
    placed: dict[str, ImagePlacement] = {}
    for p in result.pages:
        for item in p.items:
            if isinstance(item, ImagePlacement):
                placed.setdefault(item.frame, item)
    allowed = imagefile.link_folders(doc.meta, base_dir)
    budget = [READ_SECONDS]
    for page_no, page in enumerate(doc.pages, 1):
        for f in page.frames:
            if not isinstance(f, ImageFrame) or not f.path:
                continue
            path, refused = imagefile.resolve_link(f.path, base_dir, allowed)
            pl = placed.get(f.id)
            if refused:
                yield Finding("error", "image_outside", f"图片在版面文件夹之外，未链接：{f.path}（{refused}）",
                              page_no, f.id, None, None,
                              "把图片复制到版面文件夹（如 images/），或在 meta.link_folders 中允许其文件夹")
                continue
            if not os.path.lexists(path) or (os.path.islink(path) and not path.exists()):
                yield Finding("error", "image_missing", f"图片链接丢失：{f.path}", page_no, f.id, None, None,
                              "重新链接图片文件（路径相对于版面文件）")
                continue
            try:
                mode, (pw, ph), has_icc, verified = _image_info(path, budget)
            except Exception as e:  # noqa: BLE001 — any reader failure is "unreadable"
                reason = getattr(e, "strerror", None) or str(e) or type(e).__name__
                yield Finding("error", "image_unreadable", f"图片无法读取：{f.path}（{reason}）", page_no, f.id,
                              None, None, "换一个 JPEG/PNG/TIFF 文件重新链接")
                continue
            if not verified:
                yield Finding("warning", "image_not_verified",
                              f"预检时间用尽，图片只检查了文件头：{f.path}", page_no, f.id, None, None,
                              "导出时会完整解码；如导出报错，请换用完好的图片")
            ppi = pl.ppi if pl is not None else 0.0
            if ppi and ppi < PPI_ERROR:
                yield Finding("error", "image_ppi_low",
                              f"图片有效分辨率仅 {ppi:.0f} ppi（低于 {PPI_ERROR:.0f}）：{f.path}", page_no, f.id,
                              None, None, "换用更高分辨率的原图，或缩小图框")
            elif ppi and ppi < PPI_WARN:
                yield Finding("warning", "image_ppi",
                              f"图片有效分辨率 {ppi:.0f} ppi（建议不低于 {PPI_WARN:.0f}）：{f.path}", page_no,
                              f.id, None, None, "换用更高分辨率的原图，或缩小图框")
            if mode in ("RGB", "RGBA", "RGBX", "P", "LAB", "YCbCr", "HSV"):
                yield Finding("info", "image_rgb",
                              f"RGB 图片，导出时经 ICC 特性文件转为 CMYK 并限墨：{f.path}", page_no, f.id,
                              None, None, "如需精确控制颜色，请先在图像软件中转为 CMYK")


def _image_links(doc, result, where, base_dir):
    """Every linked image outside the layout's folder that a link folder allows: listed (info),
    so what the export will read from elsewhere is never a surprise."""
    from . import imagefile
    allowed = imagefile.link_folders(doc.meta, base_dir)
    if base_dir is None or not allowed:
        return
    for page_no, page in enumerate(doc.pages, 1):
        for f in page.frames:
            if isinstance(f, ImageFrame) and f.path and imagefile.is_outside(f.path, base_dir):
                path, refused = imagefile.resolve_link(f.path, base_dir, allowed)
                if not refused:
                    yield Finding("info", "image_link_folder", f"图片链接到版面文件夹之外（已允许的文件夹）：{path}",
                                  page_no, f.id, None, None, "")


def _used_swatches(doc: Document):
    """swatch name -> [(what, frame id or None, page number or None, tint %)]."""
    used: dict[str, list] = {}

    def use(name, what, frame=None, page=None, tint=100.0):
        if name:
            used.setdefault(name, []).append((what, frame, page, tint))

    placed = set()
    for st in doc.stories:
        for b in st.blocks:
            placed.add(b.style)
            for r in b.runs:
                if r.style:
                    cs = doc.character_style(r.style)
                    if cs and cs.color:
                        use(cs.color, f"字符样式 {cs.name}")
    for ps in doc.paragraph_styles:
        if ps.name in placed:
            use(ps.color, f"段落样式 {ps.label or ps.name}")
    groups = [(n, p.frames) for n, p in enumerate(doc.pages, 1)] + [(None, m.frames) for m in doc.masters]
    for n, frames in groups:
        for f in frames:
            if isinstance(f, RuleFrame):
                use(f.color, "线条", f.id, n)
            elif isinstance(f, BoxFrame):
                if f.stroke and f.stroke_weight > 0:
                    use(f.stroke, "框线", f.id, n)
                if f.fill:
                    use(f.fill, "底纹", f.id, n, f.tint)
    return used


def _ink_limit(doc, result, where, ink_limit):
    used = _used_swatches(doc)
    for sw in doc.swatches:
        total = _ink(sw)
        if total <= ink_limit + 1e-9 or sw.name not in used:
            continue
        for what, frame, page, tint in used[sw.name]:
            eff = total * tint / 100.0
            if eff <= ink_limit + 1e-9:
                continue
            yield Finding("error", "ink_limit",
                          f"色板“{sw.name}”总墨量 {eff:.0f}%（C{sw.c:g} M{sw.m:g} Y{sw.y:g} K{sw.k:g}），"
                          f"超过 {ink_limit:g}% 上限（{what}）",
                          page, frame, None, None,
                          f"降低色板的 C/M/Y，使 C+M+Y+K ≤ {ink_limit:g}%（新闻纸常用 K100 加少量 C 作深黑）")
            break   # one finding per swatch is enough to fix it


def _bleed(doc, result, where):
    for n, page in enumerate(doc.pages, 1):
        b = page.bleed
        for f in page.frames:
            x0, x1 = sorted((f.x, f.x + f.w))
            y0, y1 = sorted((f.y, f.y + f.h))
            if isinstance(f, RuleFrame):
                pad = f.weight / PT_PER_MM / 2
                if f.h == 0:
                    y0, y1 = y0 - pad, y1 + pad
                if f.w == 0:
                    x0, x1 = x0 - pad, x1 + pad
            sides = []
            if x0 < -_EPS_MM < x1 and x0 > -b + _EPS_MM:
                sides.append("左")
            if x0 < page.width + _EPS_MM < x1 and x1 < page.width + b - _EPS_MM:
                sides.append("右")
            if y0 < -_EPS_MM < y1 and y0 > -b + _EPS_MM:
                sides.append("上")
            if y0 < page.height + _EPS_MM < y1 and y1 < page.height + b - _EPS_MM:
                sides.append("下")
            if sides:
                kind = {"text": "文本框", "image": "图框", "rule": "线条", "box": "色框"}.get(f.kind, "对象")
                yield Finding("warning", "trim_no_bleed",
                              f"{kind}越过{'、'.join(sides)}裁切线但未到出血线（出血 {b:g} mm）",
                              n, f.id, getattr(f, "story", None), None,
                              f"延伸到出血线（裁切线外 {b:g} mm），或收回到裁切线以内")


def _empty_frames(doc, result, where):
    targets = set()
    for _, f in doc.all_frames():
        if isinstance(f, TextFrame) and f.next:
            targets.add(f.next)
    for n, page in enumerate(doc.pages, 1):
        for f in page.frames:
            if isinstance(f, TextFrame) and not f.story and f.id not in targets and not f.next:
                yield Finding("warning", "empty_text_frame", "空文本框：没有稿件，也不在任何串接中", n, f.id,
                              None, None, "排入稿件、与其他文本框串接，或删除该框")


def _leading(doc, result, where):
    """Paragraph styles in use whose fixed leading is smaller than their size: lines overprint."""
    from .stylelabels import shown_label
    first_use = {}
    for st in doc.stories:
        for i, b in enumerate(st.blocks):
            first_use.setdefault(b.style, (st.id, sum(len(x.text) + 1 for x in st.blocks[:i])))
    for ps in doc.paragraph_styles:
        problem = ps.leading_problem()
        if problem and ps.name in first_use:
            sid, char = first_use[ps.name]
            yield Finding("warning", "leading_tight", f"段落样式“{shown_label(ps)}”：{problem}", None, None,
                          sid, char, "加大行距，或改用自动行距（字号 × 倍数）", ps.leading)


def _fonts(doc, result, where, fonts):
    ids: dict[str, str | None] = {}
    for p in result.pages:
        for item in p.items:
            if isinstance(item, GlyphRun) and item.font not in ids:
                ids[item.font] = item.frame
    for ps in doc.paragraph_styles:
        ids.setdefault(ps.font, None)
    for cs in doc.character_styles:
        if cs.font:
            ids.setdefault(cs.font, None)
    if fonts is None:
        from .typeset.fonts import default_registry
        fonts = default_registry()
    for fid, frame in ids.items():
        try:
            face = fonts.face(fid)
        except (KeyError, FileNotFoundError, OSError) as e:
            if frame is None:
                # a style names it but nothing is set in it: layout fell back, nothing prints
                continue
            yield Finding("error", "font_missing", f"字体“{fid}”不可用：{e}", where.page(frame), frame, None,
                          None, "用 python fonts/build_fonts.py 重建随附字体")
            continue
        if not getattr(face, "embeddable", True):
            yield Finding("error", "font_not_embeddable",
                          f"字体“{face.family}”（{face.ps_name}）的授权禁止嵌入 PDF",
                          where.page(frame), frame, None, None, "换用允许嵌入的字体（随附字体均可嵌入）")


# ------------------------------------------------------------------ typography

TYPO_NAMES = {
    "integrity": "文字丢失或重复", "prohibitions": "避头尾禁则", "split_units": "不可拆分的单元被断开",
    "overflow": "文字超出栏宽", "justification": "行未对齐", "loose_lines": "行距松散（字距过大）",
    "orphans": "孤字成行", "indent": "首行缩进不对", "scaling": "字形被缩放", "grid": "基线不在网格上",
    "overlaps": "字形重叠",
}
# What the editor can act on; integrity, scaling, grid and indent are the engine's own
# invariants (tests/core hold them at 0) and never depend on the copy.
TYPO_REPORTED = ("overflow", "prohibitions", "loose_lines", "split_units", "overlaps", "orphans", "justification")
TYPO_FIX = {
    "overflow": "缩短或改写该行的长词、网址", "prohibitions": "改写该行，或调整栏宽",
    "loose_lines": "改写该段，或允许长词断开", "split_units": "改写该行，避免长数字或网址跨行",
    "overlaps": "检查该行的特殊字符",
}


def typography(doc: Document, result: LayoutResult, *, fonts=None) -> list[Finding]:
    """What typeset/checks.py finds on the layout, as warnings with page, frame and line."""
    from .typeset.checks import run_checks
    report = run_checks(doc, result, fonts)
    out = []
    for p in report.problems:
        if p.check not in TYPO_REPORTED:
            continue
        name = TYPO_NAMES.get(p.check, p.check)
        out.append(Finding("warning", f"typo_{p.check}", f"排版检查：{name}，第 {p.line + 1} 行（{p.detail}）",
                           p.page + 1, p.frame or None, None, None, TYPO_FIX.get(p.check, "")))
    return out


# ------------------------------------------------------------------ the plant's checks (print condition)

_SERIF_FONTS = ("song", "kai", "fang", "ming", "serif")


def _is_serif(font_id: str) -> bool:
    f = font_id.lower()
    return any(s in f for s in _SERIF_FONTS)


def _is_black(cmyk) -> bool:
    return cmyk is not None and cmyk[0] == 0 and cmyk[1] == 0 and cmyk[2] == 0 and cmyk[3] >= 0.999


def _single_solid_ink(cmyk) -> bool:
    """One plate at 100 % and the others empty: what small type may be printed in."""
    return sorted(round(float(v), 3) for v in cmyk) == [0.0, 0.0, 0.0, 1.0]


def _run_rect(run) -> tuple[float, float, float, float]:
    """A glyph run's box (x, y, w, h, pt): its advances, one em above the baseline, a quarter below."""
    return (run.xs[0], run.y - run.size, run.x_end - run.xs[0], 1.25 * run.size)


def _overlap(a, b) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def _image_cmy_max(pl: ImagePlacement, rect, press) -> float:
    """The most C+M+Y (%) the image separates to under ``rect``: the part of the file under it,
    small, through the condition's profile (the export's own map is finer; this one is for the
    report).  0 when it cannot be read."""
    try:
        from PIL import Image, ImageCms
        import io
        with Image.open(pl.path) as im:
            im.load()
            W, H = im.size
            box = image_pixel_box(pl, W, H, rect)
            if box is None:
                return 0.0
            part = im.crop(box)
            part.thumbnail((128, 128))
            if part.mode == "CMYK":
                cmyk = part
            elif part.mode in ("L", "1", "I", "I;16", "F"):
                return 0.0       # greys go on the black plate only
            else:
                icc = im.info.get("icc_profile")
                src = ImageCms.ImageCmsProfile(io.BytesIO(icc)) if icc else ImageCms.createProfile("sRGB")
                intent = (ImageCms.Intent.PERCEPTUAL if press.intent == "perceptual"
                          else ImageCms.Intent.RELATIVE_COLORIMETRIC)
                flags = 0 if press.intent == "perceptual" else ImageCms.Flags.BLACKPOINTCOMPENSATION
                t = ImageCms.buildTransform(src, ImageCms.getOpenProfile(str(press.profile_path())), "RGB", "CMYK",
                                            renderingIntent=intent, flags=flags)
                cmyk = ImageCms.applyTransform(part.convert("RGB"), t)
            c, m, y, _k = (list(b.getdata()) for b in cmyk.split())
            return max(a + b + d for a, b, d in zip(c, m, y)) / 2.55
    except Exception:  # noqa: BLE001 — unreadable: image_unreadable reports it
        return 0.0


def _overprint_stack(doc, result, press):
    """Black (K100) text, rules and strokes overprint: C+M+Y beneath + 100 % K must stay ≤ the limit."""
    for pr in result.pages:
        beneath: list = []
        worst: dict[str, tuple[float, str]] = {}
        for item in pr.items:
            cand = []
            if isinstance(item, GlyphRun) and item.glyphs and _is_black(item.color):
                cand.append((_run_rect(item), "文字"))
            elif isinstance(item, Rule) and press.overprint_black_rules and _is_black(item.color):
                hw = item.width / 2
                x0, x1 = sorted((item.x1, item.x2))
                y0, y1 = sorted((item.y1, item.y2))
                cand.append(((x0 - hw, y0 - hw, x1 - x0 + 2 * hw, y1 - y0 + 2 * hw), "线条"))
            elif isinstance(item, Box) and item.stroke is not None and item.stroke_width > 0 \
                    and press.overprint_black_rules and _is_black(item.stroke):
                hw = item.stroke_width / 2
                cand.append(((item.x - hw, item.y - hw, item.w + 2 * hw, item.h + 2 * hw), "框线"))
            for rect, what in cand:
                cmy = 0.0
                for brect, b in beneath:
                    if _overlap(rect, brect):
                        cmy = max(cmy, b if isinstance(b, float) else _image_cmy_max(b, rect, press))
                ink = cmy + 100.0
                if ink > press.ink_limit + 0.5 and ink > worst.get(item.frame, (0.0, ""))[0]:
                    worst[item.frame] = (ink, what)
            if isinstance(item, Box) and item.fill is not None:
                cmy = 100.0 * (float(item.fill[0]) + float(item.fill[1]) + float(item.fill[2]))
                if cmy > 0:
                    beneath.append(((item.x, item.y, item.w, item.h), cmy))
            elif isinstance(item, ImagePlacement) and not item.missing and item.path:
                beneath.append(((item.x, item.y, item.w, item.h), item))
        for frame, (ink, what) in worst.items():
            yield Finding("warning", "overprint_stack",
                          f"黑色{what}叠印处总墨量 {ink:.0f}%，超过 {press.ink_limit:g}% 上限；导出时该处改为镂空（不叠印）",
                          pr.index + 1, frame or None, None, None,
                          "减淡底纹/图片的 C、M、Y，或把文字移出底纹（镂空的小字套印不准时会露白边）", round(ink, 1))


def _thin_lines(doc, result, press):
    lim = press.min_line_pt
    for pr in result.pages:
        seen: dict[str, float] = {}
        for item in pr.items:
            w = None
            if isinstance(item, Rule):
                w = item.width
            elif isinstance(item, Box) and item.stroke is not None and item.stroke_width > 0:
                w = item.stroke_width
            if w is not None and w < lim - 1e-9 and w < seen.get(item.frame, 1e9):
                seen[item.frame] = w
        for frame, w in seen.items():
            yield Finding("error", "line_too_thin", f"线条粗细 {w:g} pt，低于印厂最小线宽 {lim:g} pt，印刷时会断线或消失",
                          pr.index + 1, frame or None, None, None, f"把线条加粗到 {lim:g} pt 以上", w)


def _small_reversed_type(doc, result, press):
    for pr in result.pages:
        worst: dict[str, tuple[float, float, str]] = {}
        for item in pr.items:
            if not isinstance(item, GlyphRun) or not item.glyphs or _single_solid_ink(item.color):
                continue
            serif = _is_serif(item.font)
            need = press.min_reversed_serif_pt if serif else press.min_reversed_pt
            if item.size < need - 1e-9 and item.size < worst.get(item.frame, (1e9,))[0]:
                c = item.color
                kind = "反白" if all(v == 0 for v in c) else "非单色实地"
                worst[item.frame] = (item.size, need, f"{kind}{'衬线' if serif else ''}")
        for frame, (size, need, kind) in worst.items():
            yield Finding("error", "reversed_type_small",
                          f"{kind}文字 {size:g} pt，小于印厂要求的 {need:g} pt（反白、挂网或多色叠印的小字会糊版或套印不准）",
                          pr.index + 1, frame or None, None, None,
                          f"加大到 {need:g} pt 以上、改用黑体，或改为单色实地（如 K100）", size)


def _registration_in_trim(doc, result, press):
    for pr in result.pages:
        trim = (0.0, 0.0, pr.width, pr.height)
        hit: set[str] = set()
        for item in pr.items:
            cols, rect = [], None
            if isinstance(item, GlyphRun) and item.glyphs:
                cols, rect = [item.color], _run_rect(item)
            elif isinstance(item, Rule):
                cols = [item.color]
                x0, x1 = sorted((item.x1, item.x2))
                y0, y1 = sorted((item.y1, item.y2))
                rect = (x0, y0, max(x1 - x0, 1e-3), max(y1 - y0, 1e-3))
            elif isinstance(item, Box):
                cols, rect = [item.fill, item.stroke], (item.x, item.y, item.w, item.h)
            if rect is None or item.frame in hit:
                continue
            if any(c is not None and len(c) == 4 and all(float(v) >= 0.999 for v in c) for c in cols) \
                    and _overlap(rect, trim):
                hit.add(item.frame)
                yield Finding("error", "registration_in_trim", "套版色（四色各 100%，400%）用在裁切线以内",
                              pr.index + 1, item.frame or None, None, None,
                              "套版色只用于裁切线外的印刷标记；版内改用 K100", 400.0)


def _text_near_trim(doc, result, press):
    safe = press.safety_mm * PT_PER_MM
    for pr in result.pages:
        worst: dict[str, float] = {}
        for item in pr.items:
            if not isinstance(item, GlyphRun) or not item.glyphs:
                continue
            x, y, w, h = _run_rect(item)
            d = min(x, y, pr.width - (x + w), pr.height - (y + h))
            if d < safe - 1e-6 and d < worst.get(item.frame, 1e9):
                worst[item.frame] = d
        for frame, d in worst.items():
            mm = d / PT_PER_MM
            yield Finding("warning", "text_near_trim",
                          f"文字距裁切线仅 {mm:.1f} mm（安全距离 {press.safety_mm:g} mm），裁切偏差可能切到文字",
                          pr.index + 1, frame or None, None, None,
                          f"把文字移到裁切线内 {press.safety_mm:g} mm 以上", round(mm, 2))


def _not_cmyk(doc, result, press):
    for pr in result.pages:
        hit: set[str] = set()
        for item in pr.items:
            if isinstance(item, GlyphRun):
                cols = [item.color]
            elif isinstance(item, Rule):
                cols = [item.color]
            elif isinstance(item, Box):
                cols = [c for c in (item.fill, item.stroke) if c is not None]
            else:
                continue
            for c in cols:
                ok = isinstance(c, tuple) and len(c) == 4 and all(0.0 <= float(v) <= 1.0 for v in c)
                if not ok and item.frame not in hit:
                    hit.add(item.frame)
                    yield Finding("error", "colour_not_cmyk", f"非印刷四色的颜色：{c!r}（RGB、专色或超出范围）",
                                  pr.index + 1, item.frame or None, None, None, "改用 CMYK 色板")


def _ppi_for_screen(doc, result, press):
    need = press.min_ppi
    for pr in result.pages:
        for item in pr.items:
            if isinstance(item, ImagePlacement) and not item.missing and item.ppi and item.ppi < need - 1e-6:
                yield Finding("error", "image_ppi_screen",
                              f"图片有效分辨率 {item.ppi:.0f} ppi，低于 {press.lpi:g} lpi 网线所需的 {need:.0f} ppi"
                              f"（{press.min_ppi_factor:g} × lpi）：{Path(item.path).name}",
                              pr.index + 1, item.frame or None, None, None, "换用更高分辨率的原图，或缩小图框",
                              round(item.ppi, 1))


PLANT_CODES = ("overprint_stack", "line_too_thin", "reversed_type_small", "registration_in_trim",
               "text_near_trim", "colour_not_cmyk", "image_ppi_screen")


def plant_findings(doc: Document, result: LayoutResult, press) -> list[Finding]:
    """What a plant's preflight checks for the print condition ``press``, from the display list."""
    out: list[Finding] = []
    for check in (_overprint_stack, _thin_lines, _small_reversed_type, _registration_in_trim, _text_near_trim,
                  _not_cmyk, _ppi_for_screen):
        out += check(doc, result, press)
    return out


# ------------------------------------------------------------------ visible problems
# What an editor must see before the page goes to the plant: frames covering another article's
# text, headlines never written, placeholder copy left in, short stories, the pasteboard.
# The editor's canvas draws the same findings (frame_overlaps, empty_heads).

VISIBLE_CODES = ("frames_overlap", "empty_headline", "placeholder_text", "underset", "pasteboard")
EMPTY_HEAD_ROLES = ("headline", "title")
#: placeholder copy: what the make-up puts where the editor must write (makeup.engine.ADD_FILL),
#: the prompts of other layout programs, and the ×× newsrooms write for a name still to come
PLACEHOLDER_MARKS = ("待补稿件", "请输入", "在此输入", "此处输入", "输入标题", "输入正文", "标题文字", "正文文字",
                     "「标题」", "【标题】", "lorem ipsum")
_PLACEHOLDER_RE = None
#: 报眉 fields (doc.meta) still holding a template's value: the templates ship 报名, 版名, ×××,
#: 2024年×月×日 and 星期×; a × never stands in a real date or name
TEMPLATE_META_VALUES = ("报名", "版名")
META_LABELS = {"paper": "报名", "date": "日期", "weekday": "星期", "section": "版名", "editor": "责任编辑"}
_OVERLAP_MIN_PT = 0.5      # a sliver thinner than this (a glyph's em box touching an edge) is no overlap


def _placeholder_re():
    global _PLACEHOLDER_RE
    if _PLACEHOLDER_RE is None:
        import re
        _PLACEHOLDER_RE = re.compile("|".join(re.escape(m) for m in PLACEHOLDER_MARKS) + "|××+|ＸＸＸ", re.I)
    return _PLACEHOLDER_RE


@dataclass(frozen=True)
class Overlap:
    page: int                 # page index, 0-based
    front: str                # the covering frame (image, text, or a filled box painted over the text)
    behind: str               # the text frame (or master frame) whose set text is covered
    rect: tuple[float, float, float, float]   # (x0, y0, x1, y1) pt: the covered part of the text


def _inter(a, b):
    x0, y0, x1, y1 = max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3])
    if x1 - x0 > _OVERLAP_MIN_PT and y1 - y0 > _OVERLAP_MIN_PT:
        return (x0, y0, x1, y1)
    return None


def _text_rects(pr) -> dict[str, list]:
    """frame id -> the em boxes of its set lines (one rect per glyph run: the face's
    ideographic em box, from the page's face table), pt."""
    out: dict[str, list] = {}
    faces = {f.id: f for f in pr.faces}
    for it in pr.items:
        if isinstance(it, GlyphRun) and it.glyphs:
            face = faces[it.font]
            out.setdefault(it.frame, []).append(
                (it.xs[0], it.y - face.em_top * it.size, it.x_end, it.y - face.em_bottom * it.size))
    return out


def _bbox(rects):
    return (min(r[0] for r in rects), min(r[1] for r in rects), max(r[2] for r in rects), max(r[3] for r in rects))


def frame_overlaps(doc: Document, result: LayoutResult) -> list[Overlap]:
    """Frames that cover another article's set text (版面重叠).

    What counts: an image frame, a text frame's own lines, or a box filled *and painted over*
    the text (later in the page's frame order) lying on the lines another article (or, for
    frames of no article, another story) has set in a text frame — or on the 报眉's text.
    What does not: text wrap (an object with wrap pushes the lines aside, so none lie under it),
    a caption on its own photo, frames of one article (a headline on its photo), boxes and
    rules behind the text (the ruled, tinted boxes of notes), and frames with no lines set
    where they are covered (an empty frame's area is not text)."""
    story_of = {fl.frame: fl.story for pr in result.pages for fl in pr.frames}

    def group(f):
        if f.article:
            return ("article", f.article)
        sid = story_of.get(f.id) if isinstance(f, TextFrame) else None
        return ("story", sid) if sid else ("frame", f.id)

    out: list[Overlap] = []
    for pr in result.pages:
        if pr.index >= len(doc.pages):
            continue
        page = doc.pages[pr.index]
        text = _text_rects(pr)
        if not text:
            continue
        z = {f.id: k for k, f in enumerate(page.frames)}
        frames = {f.id: f for f in page.frames}
        master = doc.master(page.master)
        master_ids = {f.id for f in master.frames} if master else set()
        covered = {fid: (rects, _bbox(rects)) for fid, rects in text.items()
                   if (fid in frames and isinstance(frames[fid], TextFrame)) or fid in master_ids}
        for front in page.frames:
            if isinstance(front, ImageFrame):
                shapes = [(mm_pt(front.x), mm_pt(front.y), mm_pt(front.x + front.w), mm_pt(front.y + front.h))]
            elif isinstance(front, TextFrame):
                shapes = text.get(front.id, [])
            elif isinstance(front, BoxFrame) and front.fill:
                shapes = [(mm_pt(front.x), mm_pt(front.y), mm_pt(front.x + front.w), mm_pt(front.y + front.h))]
            else:
                continue
            if not shapes:
                continue
            fbox = _bbox(shapes)
            for fid, (rects, bbox) in covered.items():
                if fid == front.id or _inter(fbox, bbox) is None:
                    continue
                behind = frames.get(fid)
                if behind is not None:
                    if group(behind) == group(front):
                        continue
                    if getattr(front, "caption_of", None) == fid or getattr(behind, "caption_of", None) == front.id:
                        continue
                    if isinstance(front, TextFrame) and z[fid] > z[front.id]:
                        continue          # two texts on each other: reported once, for the one in front
                    if isinstance(front, BoxFrame) and z[fid] > z[front.id]:
                        continue          # a box behind the text is its background
                hits = [h for s_ in shapes for r in rects if (h := _inter(s_, r)) is not None]
                if hits:
                    out.append(Overlap(pr.index, front.id, fid, _bbox(hits)))
    return out


def mm_pt(v: float) -> float:
    return v * PT_PER_MM


@dataclass(frozen=True)
class EmptyHead:
    page: int                 # page index, 0-based
    story: str
    block: int                # block index in the story
    char: int                 # index in story.text where the block starts
    role: str
    frame: str                # the text frame it is in


def empty_heads(doc: Document, result: LayoutResult) -> list[EmptyHead]:
    """Headline (and title) blocks with no text in stories placed on a page."""
    frames_of: dict[str, list] = {}
    for pr in result.pages:
        for fl in pr.frames:
            frames_of.setdefault(fl.story, []).append((pr.index, fl))
    out = []
    for st in doc.stories:
        placed = frames_of.get(st.id)
        if not placed:
            continue
        pos = 0
        for bi, b in enumerate(st.blocks):
            if b.role in EMPTY_HEAD_ROLES and not b.text.strip():
                where = next(((pi, fl) for pi, fl in placed if fl.first_char <= pos < fl.end_char), None) \
                    or next(((pi, fl) for pi, fl in placed if fl.first_char <= pos <= fl.end_char), placed[0])
                out.append(EmptyHead(where[0], st.id, bi, pos, b.role, where[1].frame))
            pos += b.length + 1
    return out


def on_pasteboard(page, f) -> bool:
    """Whether frame ``f`` lies wholly outside ``page``'s trim and bleed (nothing of it prints)."""
    b = page.bleed
    x0, x1 = sorted((f.x, f.x + f.w))
    y0, y1 = sorted((f.y, f.y + f.h))
    return x1 + 1e-6 < -b or x0 - 1e-6 > page.width + b or y1 + 1e-6 < -b or y0 - 1e-6 > page.height + b


def _frame_kind(f) -> str:
    return {"text": "文本框", "image": "图片框", "rule": "线条", "box": "色框"}.get(f.kind, "框")


def visible_problems(doc: Document, result: LayoutResult) -> list[Finding]:
    """Overlaps, empty headlines, placeholder copy, short stories and the pasteboard."""
    where = _Where(doc)
    out: list[Finding] = []
    # -- 版面重叠
    for o in frame_overlaps(doc, result):
        page, front = doc.find_frame(o.front)
        _, behind = doc.find_frame(o.behind)
        sid = next((fl.story for fl in result.pages[o.page].frames if fl.frame == o.behind), None)
        if sid is None and behind is not None:
            sid = getattr(behind, "story", None)
        name = where.story_name.get(sid, sid or o.behind)
        what = "报眉" if page is not None and behind is not None and page.frame(o.behind) is None else f"稿件“{name}”"
        out.append(Finding("warning", "frames_overlap",
                           f"版面重叠：{_frame_kind(front)}“{o.front}”压住{what}的文字（文本框“{o.behind}”）",
                           o.page + 1, o.front, sid, None,
                           "移开或缩小该框，或为它设置文字绕排，让文字让开"))
    # -- headlines never written
    for h in empty_heads(doc, result):
        name = where.story_name.get(h.story, h.story)
        role = "主题（标题）" if h.role == "headline" else "标题"
        out.append(Finding("warning", "empty_headline", f"稿件“{name}”的{role}是空的：版面不能没有标题上版",
                           h.page + 1, h.frame, h.story, h.char, "在稿件编辑器或版面上写入标题，或删去这个空标题段"))
    # -- placeholder copy in stories
    rx = _placeholder_re()
    placed = {fl.story: (pr.index, fl.frame) for pr in result.pages for fl in reversed(pr.frames)}
    for st in doc.stories:
        if st.id not in placed:
            continue
        text = st.text
        hits = list(rx.finditer(text))
        if not hits:
            continue
        m = hits[0]
        pi, fid = placed[st.id]
        for pr in result.pages:
            fl = next((fl for fl in pr.frames if fl.story == st.id and fl.first_char <= m.start() < fl.end_char), None)
            if fl is not None:
                pi, fid = pr.index, fl.frame
                break
        times = f"，共 {len(hits)} 处" if len(hits) > 1 else ""
        out.append(Finding("warning", "placeholder_text",
                           f"稿件“{where.story_name.get(st.id, st.id)}”里还有占位文字“{m.group(0)}”{times}",
                           pi + 1, fid, st.id, m.start(), "换成真正的稿件文字，或删去占位文字"))
    # -- 报眉 fields still holding the template's values
    import re
    from .model.document import field_value
    said_document = False
    for n, page in enumerate(doc.pages, 1):
        m = doc.master(page.master)
        if m is None:
            continue
        used = []
        for f in m.frames:
            st = doc.story(f.story) if isinstance(f, TextFrame) and f.story else None
            if st is not None:
                used += re.findall(r"\{(\w+)\}", st.text)
        bad = []
        for key in dict.fromkeys(used):
            if key not in META_LABELS:
                continue
            own = bool(page.fields.get(key))     # the page's own value (版名 of this page) or the document's
            v = str(field_value(doc, page, key, n - 1))
            if "×" in v or v.strip() in TEMPLATE_META_VALUES:
                bad.append((own, f"{META_LABELS[key]}“{v}”"))
        # the document's fields are said once for every page; a page's own, on that page
        shown = [b for own, b in bad if own or not said_document]
        if shown:
            out.append(Finding("warning", "placeholder_text", f"报眉还是模板的占位文字：{'、'.join(shown)}",
                               n, None, None, None, "在报眉信息里填入报名、日期、版名和责任编辑（本版或全部版面）"))
        said_document = said_document or any(not own for own, _ in bad)
    # -- short stories (欠 N 字)
    from .typeset.copyfit import fit_state
    last_frame: dict[str, TextFrame] = {}
    for sid in {s for s, _ in result.underset}:
        th = doc.thread(sid)
        if th and th[0][0] is not None:
            last_frame[sid] = th[-1][1]
    for sid, n in result.underset:
        if n <= 0 or sid not in last_frame:
            continue
        pg = doc.find_frame(last_frame[sid].id)[0]
        if pg is not None and on_pasteboard(pg, last_frame[sid]):
            continue         # a spare story beside the page is not short of anything
        st = fit_state(result, sid, last_frame[sid])
        lines = f"（约 {st.lines_short} 行）" if st.lines_short else ""
        f = last_frame[sid]
        out.append(Finding("info", "underset", f"稿件“{where.story_name.get(sid, sid)}”欠 {n} 字{lines}",
                           where.page(f.id), f.id, sid, None, "补写稿件、放大标题或图片，或缩小末框", float(n)))
    # -- the pasteboard
    for n, page in enumerate(doc.pages, 1):
        for f in page.frames:
            if not on_pasteboard(page, f):
                continue
            story = getattr(f, "story", None)
            extra = f"（稿件“{where.story_name.get(story, story)}”）" if story else ""
            out.append(Finding("info", "pasteboard", f"{_frame_kind(f)}“{f.id}”在版外（粘贴板）{extra}，不会输出",
                               n, f.id, story, None, "要印出就把它移进版面"))
    return out


# ------------------------------------------------------------------ entry point

def _with_folios(doc: Document, findings: list[Finding]) -> list[Finding]:
    """Each finding on a page gets that page's folio (its number field, as the export's slug)."""
    from dataclasses import replace
    folios = [p.name or str(i) for i, p in enumerate(doc.pages, 1)]
    return [replace(f, folio=folios[f.page - 1]) if f.folio is None and f.page and 1 <= f.page <= len(folios)
            else f for f in findings]


def preflight(doc: Document, result: LayoutResult, *, base_dir=None, fonts=None,
              ink_limit: float = 240, press=None) -> list[Finding]:
    """Every finding for ``doc`` laid out as ``result``, errors first, then by page.

    ``press``: a print condition (banmian.core.press.PressCondition); when given, the
    plant's checks (:func:`plant_findings`) run too, and its ink limit applies."""
    if press is not None:
        ink_limit = press.ink_limit
    where = _Where(doc)
    findings: list[Finding] = []
    findings += _overset(doc, result, where)
    findings += _missing_glyphs(doc, result, where)
    findings += _images(doc, result, where, base_dir)
    findings += _image_links(doc, result, where, base_dir)
    findings += _ink_limit(doc, result, where, ink_limit)
    findings += _bleed(doc, result, where)
    findings += _empty_frames(doc, result, where)
    findings += _leading(doc, result, where)
    findings += _fonts(doc, result, where, fonts)
    findings += typography(doc, result, fonts=fonts)
    findings += visible_problems(doc, result)
    if press is not None:
        # the plant sees what prints: nothing left on the pasteboard
        findings += plant_findings(doc, LayoutResult(tuple(printable(p) for p in result.pages), result.overset,
                                                     result.missing_glyphs, result.underset), press)
    findings = _with_folios(doc, findings)
    order = {s: i for i, s in enumerate(SEVERITIES)}
    findings.sort(key=lambda f: (order[f.severity], f.page if f.page is not None else 1 << 30))
    return findings


__all__ = ["Finding", "preflight", "plant_findings", "PLANT_CODES", "has_errors", "exit_code", "PPI_WARN",
           "PPI_ERROR", "visible_problems", "frame_overlaps", "Overlap", "empty_heads", "EmptyHead",
           "VISIBLE_CODES", "PLACEHOLDER_MARKS", "on_pasteboard"]
