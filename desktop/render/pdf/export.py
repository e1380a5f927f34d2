"""export_pdf: lay the chosen pages on a reportlab canvas, fill the images, save
atomically, then add the PDF/X identification (pdfx.py)."""
from __future__ import annotations

import datetime as _dt
import time
from pathlib import Path
from typing import Callable

from banmian.core import press as _press
from banmian.core.io import atomic_target
from banmian.core.paths import default_profile
from banmian.core.typeset.result import GlyphRun, ImagePlacement, LayoutResult, printable
from banmian.render.paint import paint_page

from .fonts import _Fonts
from .images import MAX_PPI, _enforce_cmyk, _fill_images, _Images
from .painter import PdfPainter
from .report import ExportError, ExportReport

DEFAULT_PROFILE = default_profile()


def parse_pages(spec: str | None, count: int) -> list[int]:
    """"1,3-4" -> [0, 2, 3] (0-based, in order, no repeats).  ValueError for bad specs."""
    if not spec:
        return list(range(count))
    out: list[int] = []
    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        if "-" in part:
            a, b = part.split("-", 1)
            lo, hi = int(a), int(b) if b.strip() else count
        else:
            lo = hi = int(part)
        if lo < 1 or hi > count or lo > hi:
            raise ValueError(f"page range {part!r} outside 1–{count}")
        for n in range(lo, hi + 1):
            if n - 1 not in out:
                out.append(n - 1)
    return out


def export_pdf(doc, result: LayoutResult, out_path, *, base_dir=None, pages=None, marks: bool = True,
               profile=None, ink_limit: float | None = None, pdfx: str | None = "4",
               progress: Callable[[int, int], None] | None = None, fonts=None,
               max_ppi: float = MAX_PPI, source_name: str | None = None, press=None) -> ExportReport:
    """Write ``result`` as a print-ready PDF to ``out_path`` (atomically).

    ``pages``: None for all, an iterable of 0-based page indexes, or a "1,3-4" string.
    ``press``: the print condition (a banmian.core.press.PressCondition or a preset name;
    default: newsprint coldset 240 %) — profile, ink limit, rendering intent, marks offset,
    black-rule overprint and the OutputIntent's naming.
    ``profile``/``ink_limit``: a plant's own CMYK ICC profile / total ink limit, overriding
    the condition's (a different profile makes a "Custom" condition).
    ``pdfx``: "4" (PDF/X-4), "1a" (PDF/X-1a:2001) or None (plain PDF).
    ``source_name``: the layout file's name for the slug line (default: the PDF's name).
    ``progress(done, total)`` is called after each page.
    The pages' runs are drawn from their face tables (PageResult.faces); ``fonts`` (a font
    registry, default the bundled one) only supplies the slug line's face when no page has text.
    """
    t0 = time.perf_counter()
    from reportlab import rl_config
    rl_config.useA85 = 0
    rl_config.invariant = 0
    from reportlab.pdfgen.canvas import Canvas

    out_path = Path(out_path)
    if profile:
        _check_profile(Path(profile))
    try:
        cond = press if isinstance(press, _press.PressCondition) else _press.get(press)
        cond = cond.with_overrides(profile=profile, ink_limit=ink_limit)
    except _press.PressError as e:
        raise ExportError(str(e)) from None
    profile_path = cond.profile_path()
    profile_desc = _check_profile(profile_path)
    ink_limit = cond.ink_limit
    if pdfx not in (None, "", "none", "4", "1a"):
        raise ExportError(f"unknown PDF/X version {pdfx!r} (4 or 1a)")

    total = len(result.pages)
    if isinstance(pages, str) or pages is None:
        try:
            indexes = parse_pages(pages, total)
        except ValueError as e:
            raise ExportError(str(e)) from None
    else:
        indexes = list(pages)
    report = ExportReport(out_path=str(out_path), pdfx=pdfx or "", profile=profile_desc)
    report.press = cond.name

    efonts = _Fonts()
    images = _Images(profile_path, ink_limit, max_ppi, intent=cond.intent)
    # the slug line (not part of any page's display list) is set in the first run's face
    mark_face = next((p.face(i.font) for p in result.pages for i in p.items if isinstance(i, GlyphRun)), None)
    if mark_face is None:      # no text on any page: the registry's 黑体 for the slug
        if fonts is None:
            from banmian.core.typeset.fonts import default_registry
            fonts = default_registry()
        used = [fid for fid in fonts.ids()] if hasattr(fonts, "ids") else []
        mark_face = fonts.display_face("hei" if "hei" in used else (used[0] if used else "song"))
    initial = efonts.get(mark_face)

    title = (doc.meta.get("title") or doc.meta.get("paper") or out_path.stem) if doc is not None else out_path.stem
    try:
        # written beside the target and renamed over it only once complete: a failed
        # export never leaves a half-written PDF where the plant might pick it up
        with atomic_target(out_path) as tmp:
            canvas = Canvas(tmp, enforceColorSpace=_enforce_cmyk, initialFontName=initial.fontName,
                            pageCompression=1, invariant=0, pdfVersion=(1, 6) if pdfx == "4" else (1, 3))
            canvas.setTitle(title)
            canvas.setCreator("Banmian 版面")
            canvas.setProducer("Banmian 版面 (reportlab pdfgen, pikepdf)")
            when = _dt.datetime.now().strftime("%Y-%m-%d %H:%M")
            slug_info = {"file": source_name or out_path.name,
                         "pages": total, "when": when, "profile": profile_desc,
                         "condition": cond.output_condition_identifier
                         if cond.output_condition_identifier != "Custom" else profile_desc,
                         "press": cond.name, "ink_limit": ink_limit,
                         "date": (doc.meta.get("date") or "") if doc is not None else "",
                         "folios": {i: _folio(doc, result.pages[i]) for i in indexes}}
            painter = PdfPainter(canvas, efonts, images, marks=marks, slug_info=slug_info,
                                 mark_face=mark_face, press=cond,
                                 stories={s.id: s.text for s in doc.stories} if doc is not None else None)
            # what lies wholly outside the bleed (the pasteboard) is not printed: not drawn, not in the text layer
            printed = {idx: printable(result.pages[idx]) for idx in indexes}
            images.start([i for idx in indexes for i in printed[idx].items if isinstance(i, ImagePlacement)])
            if pdfx in ("4", "1a"):
                from .pdfx import prefetch_icc
                prefetch_icc(profile_path)      # compressed beside the painting on a first export
            for n, idx in enumerate(indexes):
                paint_page(printed[idx], painter)
                if progress:
                    progress(n + 1, len(indexes))
            if not indexes:
                raise ExportError("no pages to export")
            _fill_images(images)
            report.knockouts = list(painter.knockouts)
            for k in painter.knockouts:
                report.warnings.append(f"page {k['page']} frame {k['frame']}: black {k['what']} knocked out, "
                                       f"not overprinted (would stack {k['ink']:g} % ink > {ink_limit:g} %)")
            canvas.save()
            report.fonts = efonts.report()
            report.images = images.report
            report.pages = len(indexes)
            if pdfx in ("4", "1a"):
                from .pdfx import make_pdfx
                make_pdfx(tmp, tmp, version=pdfx, profile_path=profile_path, profile_desc=profile_desc,
                          title=title, press=cond)
    finally:
        images.close()
        efonts.release()
    report.bytes = out_path.stat().st_size
    report.seconds = time.perf_counter() - t0
    return report


def _folio(doc, pr) -> str:
    """The page's folio (its number/name field, e.g. "3"), not its place in this export."""
    if doc is not None:
        for p in doc.pages:
            if p.id == pr.page and p.name:
                return p.name
    return str(pr.index + 1)


def _check_profile(path: Path) -> str:
    """The profile's description; ExportError unless it is a readable CMYK output profile."""
    from banmian.core.press import PressError, profile_description
    try:
        return profile_description(path)
    except PressError as e:
        raise ExportError(str(e)) from None
