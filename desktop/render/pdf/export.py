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
from .report import ExportError, ExportReport, reproducible_epoch

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
               max_ppi: float = MAX_PPI, source_name: str | None = None, press=None,
               commit: Callable[[], None] | None = None, workers: int = 1,
               fork_images: bool = False, images=None) -> ExportReport:
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
    ``workers``: processes to paint with (POSIX fork; the command line passes the machine's
    cores).  From PARALLEL_MIN_PAGES pages on, a second process paints the later pages
    while this one paints the first ones; the file is byte for byte the serial one's
    (parallel.py).  1 (the default: the editor's export, which runs in a thread) paints here.
    ``fork_images``: photos missing from the disk cache are converted in a forked process
    (the command line; never from a process with other threads, e.g. the editor's).
    ``images``: the converter :func:`images.convert_early` started before the layout (the
    command line's first export); used when it converts for this print condition.
    ``commit()``, when given, is called once the file is complete, before it replaces
    ``out_path``; whatever it raises calls the export off (nothing is written) and goes
    to the caller — the command line's preflight verdict, arriving from another process.
    The pages' runs are drawn from their face tables (PageResult.faces); ``fonts`` (a font
    registry, default the bundled one) only supplies the slug line's face when no page has text.
    """
    t0 = time.perf_counter()
    from reportlab import rl_config
    rl_config.useA85 = 0
    epoch = reproducible_epoch()
    rl_config.invariant = 0 if epoch is None else 1
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
    if images is not None and not images.matches(profile_path, ink_limit, max_ppi, cond.intent):
        images.close()
        images = None
    images = images or _Images(profile_path, ink_limit, max_ppi, intent=cond.intent)
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
                            pageCompression=1, invariant=rl_config.invariant, pdfVersion=(1, 6) if pdfx == "4" else (1, 3))
            canvas.setTitle(title)
            canvas.setCreator("Banmian 版面")
            canvas.setProducer("Banmian 版面 (reportlab pdfgen)")
            when = (_dt.datetime.now() if epoch is None else
                    _dt.datetime.fromtimestamp(epoch, _dt.timezone.utc)).strftime("%Y-%m-%d %H:%M")
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
            placements = [i for idx in indexes for i in printed[idx].items if isinstance(i, ImagePlacement)]
            if not indexes:
                raise ExportError("no pages to export")

            def start_threads(fork=False):
                images.start(placements, fork=fork)
                if pdfx in ("4", "1a"):
                    from .pdfx import prefetch_icc
                    prefetch_icc(profile_path)      # compressed beside the painting on a first export

            def finish():
                """Everything after the last page: the pixels, the file, the PDF/X parts."""
                _fill_images(images)
                report.knockouts = list(painter.knockouts)
                for k in painter.knockouts:
                    report.warnings.append(f"page {k['page']} frame {k['frame']}: black {k['what']} knocked out, "
                                           f"not overprinted (would stack {k['ink']:g} % ink > {ink_limit:g} %)")
                if pdfx in ("4", "1a"):
                    from .pdfx import install_pdfx
                    install_pdfx(canvas, version=pdfx, profile_path=profile_path, profile_desc=profile_desc,
                                 title=title, press=cond)
                canvas.save()
                if pdfx in ("4", "1a") and epoch is not None:
                    from .pdfx import finish_ids
                    finish_ids(tmp)
                report.fonts = efonts.report()
                report.images = images.report
                report.pages = len(indexes)

            split = _parallel_split(len(indexes), workers)
            if split is None:
                # a first export's photos converted in a forked process, beside the painting
                start_threads(fork=fork_images and _can_fork())
                for n, idx in enumerate(indexes):
                    paint_page(printed[idx], painter)
                    if progress:
                        progress(n + 1, len(indexes))
                finish()
            else:
                from .parallel import paint_in_two
                got = paint_in_two(canvas, painter, [printed[idx] for idx in indexes], split,
                                   start_threads, finish, report, progress)
                for key in ("knockouts", "warnings", "fonts", "images", "pages"):
                    setattr(report, key, getattr(got, key))
            if commit is not None:
                commit()
    finally:
        images.close()
        efonts.release()
    report.bytes = out_path.stat().st_size
    report.seconds = time.perf_counter() - t0
    return report


PARALLEL_MIN_PAGES = 4


def _can_fork() -> bool:
    """POSIX, not switched off (BANMIAN_SERIAL=1), and no other thread running: a fork
    must not copy a thread holding a lock."""
    import os
    import threading
    return hasattr(os, "fork") and os.environ.get("BANMIAN_SERIAL") != "1" and threading.active_count() == 1


def _parallel_split(n_pages: int, workers: int) -> int | None:
    """How many of ``n_pages`` this process paints when a second one paints the rest; None to
    paint them all here (one worker, too few pages, or no fork: :func:`_can_fork`)."""
    if workers < 2 or n_pages < PARALLEL_MIN_PAGES or not _can_fork():
        return None
    from .parallel import balance
    return balance(n_pages)


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
