"""Soft proof (印刷预览): a page as the chosen press would print it, on screen.

The page is exported exactly as for the plant (banmian.render.pdf: separations
through the print condition's profile, its GCR and ink limit, black overprint
and its knock-outs), rasterised as CMYK plates by Ghostscript (``tiff32nc``,
overprint simulated, as a separating RIP does), and the plates converted to
screen RGB through the same profile with LittleCMS (Pillow's ImageCms),
absolute colorimetric: the profile's paper white (newsprint is grey-yellow,
not screen white) and its measured dot gain (the characterization data were
measured on print) show on screen.  Photos and tints both go this way.

Needs Ghostscript (``gs``, in tools/setup-debian.sh); :class:`SoftProofError`
says so in one line when it is missing.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path


class SoftProofError(Exception):
    """The proof could not be made (no Ghostscript, export failed): one line for the user."""


def proof_image(doc, result, page_index: int, *, base_dir=None, press=None, dpi: float = 72.0, fonts=None):
    """The page ``page_index`` (0-based) of ``result`` as an RGB PIL image (BleedBox, ``dpi``)."""
    from PIL import Image, ImageCms

    from banmian.core import press as _press
    from banmian.render.pdf import ExportError, export_pdf

    gs = next((g for g in map(shutil.which, ("gs", "gswin64c", "gswin32c")) if g), None)
    if gs is None:
        raise SoftProofError("印刷预览需要 Ghostscript（gs）：apt-get install ghostscript")
    try:
        cond = press if isinstance(press, _press.PressCondition) else _press.get(press)
    except _press.PressError as e:
        raise SoftProofError(str(e)) from None
    with tempfile.TemporaryDirectory(prefix="banmian-proof-") as tmp:
        pdf, tif = Path(tmp) / "page.pdf", Path(tmp) / "page.tif"
        try:
            export_pdf(doc, result, pdf, base_dir=base_dir, pages=[page_index], marks=False, pdfx=None,
                       press=cond, fonts=fonts)
        except ExportError as e:
            raise SoftProofError(f"印刷预览：{e}") from None
        run = subprocess.run([gs, "-q", "-dSAFER", "-dNOPAUSE", "-dBATCH", "-dSimulateOverprint=true",
                              "-sDEVICE=tiff32nc", f"-r{dpi:g}", f"-o{tif}", str(pdf)],
                             capture_output=True, text=True, timeout=120)
        if run.returncode != 0 or not tif.exists():
            raise SoftProofError(f"印刷预览：Ghostscript failed ({(run.stderr or run.stdout).strip()[:200]})")
        with Image.open(tif) as im:
            cmyk = im.convert("CMYK")
            cmyk.load()
    t = ImageCms.buildTransform(ImageCms.getOpenProfile(str(cond.profile_path())), ImageCms.createProfile("sRGB"),
                                "CMYK", "RGB", renderingIntent=ImageCms.Intent.ABSOLUTE_COLORIMETRIC)
    return ImageCms.applyTransform(cmyk, t)


def paper_white(press=None) -> tuple[int, int, int]:
    """The condition's unprinted paper on screen (absolute colorimetric)."""
    from PIL import Image, ImageCms

    from banmian.core import press as _press
    cond = press if isinstance(press, _press.PressCondition) else _press.get(press)
    t = ImageCms.buildTransform(ImageCms.getOpenProfile(str(cond.profile_path())), ImageCms.createProfile("sRGB"),
                                "CMYK", "RGB", renderingIntent=ImageCms.Intent.ABSOLUTE_COLORIMETRIC)
    return ImageCms.applyTransform(Image.new("CMYK", (1, 1), (0, 0, 0, 0)), t).getpixel((0, 0))


__all__ = ["proof_image", "paper_white", "SoftProofError"]
