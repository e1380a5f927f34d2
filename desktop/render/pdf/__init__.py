"""Print-ready PDF: a painter on reportlab's low-level pdfgen canvas.

What the plant expects is in PRINT.md.  This module only draws what layout
decided (render/paint.py walks the display list); it never re-breaks,
re-measures, kerns or scales.  The y-flip from the display list's top-left,
y-down points to PDF's bottom-up user space lives here and nowhere else.

- Fonts: each bundled .ttf used is registered under a name unique to this
  export and embedded by reportlab as TrueType subsets with a ToUnicode map.
  The subset tag (the ``ABCDEF+`` in ``ABCDEF+BanmianSong-Regular``) is drawn
  at random per export, so two PDFs made separately never carry two different
  subsets under one name.
- Glyphs: one TJ array per subset segment of a run; the numbers between the
  glyphs move each glyph to the engine's x exactly, computed from the same
  /Widths reportlab writes.  No Tz, Tc or Tw.
- Colour: DeviceCMYK only (the canvas refuses RGB); 100 % K text overprints.
  Marks are in the registration colour (Separation /All).
- Images: Pillow → crop to the frame → downsample above ``max_ppi`` → CMYK
  through the ICC profile → ink limit by grey-component replacement → CMYK
  JPEG (or Flate when JPEG would overshoot the ink limit) passed through.
- PDF/X identification (OutputIntent, GTS_PDFXVersion, XMP) is put into
  reportlab's document by pdfx.py before it writes the file (no second pass).

The package, one module per concern: ``fonts`` (reportlab font patching and
subsets), ``images`` (the image pipeline), ``painter`` (the display list on a
canvas), ``marks`` (crop marks and slug), ``export`` (orchestration) and
``pdfx`` (the PDF/X identification).
"""
from .export import DEFAULT_PROFILE, _check_profile, export_pdf, parse_pages
from .images import MAX_PPI, _enforce_cmyk
from .report import ExportError, ExportReport

__all__ = ["_check_profile", "_enforce_cmyk", "DEFAULT_PROFILE", "MAX_PPI", "ExportError", "ExportReport", "export_pdf", "parse_pages"]
