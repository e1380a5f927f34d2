"""Word .docx articles through python-docx.

Paragraph styles give roles where they say something: Title / Heading 1 /
标题 / 标题 1 → headline, Heading 2–9 / 标题 2–9 → subhead, Subtitle / 副标题 →
subtitle, Caption / 题注 → caption, Quote / 引用 → note, List … → list; other
paragraphs go through `roles.detect_roles`.  Bold runs (direct or from a
character style) get the character style "strong".  Images inside the .docx
are written to `image_dir` (next to the layout) and returned in
`ImportResult.images`.
"""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from ..model.document import Run
from .base import (STRONG, ImportResult, UnreadableFileError, build_story, read_source,
                   slug)


def _hint(style_name: str) -> str | None:
    s = (style_name or "").strip().lower()
    if s in ("title", "标题", "heading 1", "标题 1", "标题1"):
        return "headline"
    if re.fullmatch(r"(heading|标题)\s*[2-9]", s):
        return "subhead"
    if s in ("subtitle", "副标题"):
        return "subtitle"
    if s in ("caption", "题注"):
        return "caption"
    if s in ("quote", "intense quote", "引用", "明显引用"):
        return "note"
    if s.startswith("list") or s.startswith("列表"):
        return "list"
    return None


def _bold(run) -> bool:
    if run.bold:
        return True
    if run.bold is None and run.style is not None and run.style.font is not None:
        return bool(run.style.font.bold)
    return False


def import_docx(path_or_bytes, *, normalize: bool = True, image_dir=None,
                story_id: str | None = None) -> ImportResult:
    try:
        import docx  # python-docx
    except ImportError as e:  # pragma: no cover - a declared dependency
        raise UnreadableFileError(f"python-docx is not installed ({e})") from None
    raw, name = read_source(path_or_bytes)
    try:
        d = docx.Document(io.BytesIO(raw))
    except (zipfile.BadZipFile, KeyError, ValueError, Exception) as e:
        raise UnreadableFileError(f"{name}: not a readable Word .docx file ({type(e).__name__}: {e})") from None
    paras = []
    hints = []
    for i, p in enumerate(d.paragraphs, 1):
        runs = [Run(r.text, STRONG if _bold(r) else None) for r in p.runs if r.text]
        if not "".join(r.text for r in runs).strip():
            continue
        paras.append((i, runs))
        hints.append(_hint(p.style.name if p.style is not None else ""))
    warnings: list[str] = []
    images: list[Path] = []
    stem = Path(name).stem if name != "<bytes>" else "docx"
    blobs = []
    for rel in d.part.rels.values():
        if "image" in rel.reltype and not rel.is_external:
            part = rel.target_part
            blobs.append((Path(str(part.partname)).name, part.blob))
    if blobs:
        dest = Path(image_dir) if image_dir else (Path(name).parent / f"{slug(stem)}-images"
                                                  if name != "<bytes>" else Path.cwd() / "docx-images")
        dest.mkdir(parents=True, exist_ok=True)
        for fn, blob in sorted(blobs):
            out = dest / f"{slug(stem)}-{fn}"
            out.write_bytes(blob)
            images.append(out)
    sid = story_id or slug(stem)
    story, changes, w = build_story(paras, story_id=sid, normalize=normalize, hints=hints)
    return ImportResult(story, "docx (utf-8 xml)", changes, images, warnings + w)
