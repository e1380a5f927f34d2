"""Article importers: .txt / .md / .docx → a Story with detected block roles.

    import_text(path_or_bytes, *, encoding=None, normalize=True) -> ImportResult
    import_markdown(path_or_bytes, *, encoding=None, normalize=True, image_dir=None)
    import_docx(path_or_bytes, *, normalize=True, image_dir=None)
    import_file(path, **kw)          dispatch by extension

An `ImportResult` carries the story (unplaced copy: no frame references it),
the encoding that was detected, every normalisation change (see
`normalize.py`), the image files extracted, and warnings.  Roles come from
`roles.detect_roles` (rules documented there).  Failures raise
`ArticleImportError` (a subclass of ImportError) naming the file.

No Qt, no reportlab here (desktop/core).
"""
from __future__ import annotations

from .base import (  # noqa: F401
    ArticleImportError, EncodingError, ImportResult, UnreadableFileError,
    UnsupportedFormatError, ROLE_STYLES, build_story, decode_text,
)
from .normalize import Change, normalize_paragraph  # noqa: F401
from .roles import detect_roles, split_credit  # noqa: F401
from .text import import_text  # noqa: F401
from .markdown import import_markdown  # noqa: F401
from .word import import_docx  # noqa: F401

from pathlib import Path as _Path

_BY_EXT = {".txt": import_text, ".text": import_text, ".md": import_markdown,
           ".markdown": import_markdown, ".docx": import_docx}


def import_file(path, **kw) -> ImportResult:
    """Import by extension (.txt .md .docx); keyword arguments go to the importer."""
    p = _Path(path)
    fn = _BY_EXT.get(p.suffix.lower())
    if fn is None:
        raise UnsupportedFormatError(
            f"{p}: cannot import {p.suffix or 'a file without extension'} files "
            f"(Banmian reads .txt, .md and .docx)")
    if fn is import_docx:
        kw.pop("encoding", None)
    if fn is import_text:
        kw.pop("image_dir", None)
    return fn(p, **kw)
