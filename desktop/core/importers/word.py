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
from .base import (MAX_IMAGE_BYTES, MAX_IMAGES_BYTES, MAX_PARAGRAPHS, STRONG, ArticleImportError,
                   ImportResult, UnreadableFileError, build_story, check_article_size, check_image_bytes,
                   read_source, slug, write_unique)

MAX_XML_BYTES = 64 * 1024 * 1024        # word/document.xml and every other XML part, decompressed
MAX_DOCX_UNPACKED = 300 * 1024 * 1024   # the whole package, decompressed


def _precheck(raw: bytes, name: str) -> None:
    """Refuse a zip bomb or a paragraph flood before python-docx unpacks anything:
    declared sizes bound what zipfile will inflate, and the paragraphs are counted by
    streaming word/document.xml."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, ValueError) as e:
        raise UnreadableFileError(f"{name}: not a readable Word .docx file (BadZipFile: {e})") from None
    with zf:
        infos = zf.infolist()
        if len(infos) > 10_000:
            raise UnreadableFileError(f"{name}: {len(infos):,} parts in the package; not a Word article")
        total = sum(i.file_size for i in infos)
        if total > MAX_DOCX_UNPACKED:
            raise UnreadableFileError(f"{name}: unpacks to {total / 2**20:,.0f} MB (more than "
                                      f"{MAX_DOCX_UNPACKED // 2**20} MB); refused as a possible zip bomb")
        media = 0
        for i in infos:
            if i.filename.endswith((".xml", ".rels")) and i.file_size > MAX_XML_BYTES:
                raise UnreadableFileError(f"{name}: {i.filename} unpacks to {i.file_size / 2**20:,.0f} MB "
                                          f"(more than {MAX_XML_BYTES // 2**20} MB)")
            if i.filename.startswith("word/media/"):
                if i.file_size > MAX_IMAGE_BYTES:
                    raise UnreadableFileError(f"{name}: image {i.filename} unpacks to {i.file_size / 2**20:,.0f} MB "
                                              f"(more than {MAX_IMAGE_BYTES // 2**20} MB)")
                media += i.file_size
        if media > MAX_IMAGES_BYTES:
            raise UnreadableFileError(f"{name}: its images unpack to {media / 2**20:,.0f} MB "
                                      f"(more than {MAX_IMAGES_BYTES // 2**20} MB)")
        try:
            fh = zf.open("word/document.xml")
        except KeyError:
            return       # python-docx says what is missing
        count, tail = 0, b""
        with fh:
            while True:
                chunk = fh.read(1 << 20)
                if not chunk:
                    break
                buf = tail + chunk
                count += len(_P_TAG.findall(buf))
                tail = buf[-8:]
                count -= len(_P_TAG.findall(tail))
                if count > MAX_PARAGRAPHS:
                    raise UnreadableFileError(f"{name}: more than {MAX_PARAGRAPHS:,} paragraphs; "
                                              f"not one article (split it)")


_P_TAG = re.compile(rb"<w:p[ />]")


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
    _precheck(raw, name)
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
    check_article_size(name, len(paras), sum(len(r.text) for _, rs in paras for r in rs))
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
        for fn, blob in sorted(blobs):
            why = check_image_bytes(blob, f"{name}: image {fn}")
            if why:
                warnings.append(why + "; not copied")
                continue
            try:       # a new unique name: never over a file, never through a symlink
                images.append(write_unique(dest, f"{slug(stem)}-{slug(Path(fn).stem)}{Path(fn).suffix[:8]}", blob))
            except (OSError, ArticleImportError) as e:
                warnings.append(f"{name}: image {fn} not copied ({getattr(e, 'strerror', None) or e})")
    sid = story_id or slug(stem)
    story, changes, w = build_story(paras, story_id=sid, normalize=normalize, hints=hints)
    return ImportResult(story, "docx (utf-8 xml)", changes, images, warnings + w)
