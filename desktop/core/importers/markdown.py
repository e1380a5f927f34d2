"""Markdown articles (the subset reporters use).

``# 标题`` → headline, ``## / ###`` → subhead, ``> …`` → note, ``- item`` / ``1. item``
→ list, ``**粗体**`` / ``__粗体__`` → character style "strong", ``*x*`` / ``_x_``
emphasis markers are dropped (reported as warnings), ``![说明](photo.jpg)`` copies
the image next to the layout (`image_dir`) and adds its alt text as a caption.
Paragraphs are separated by blank lines; lines inside one paragraph are
joined (with a space only between two Latin/digit characters).
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from ..model.document import Run
from .base import (MAX_IMAGES_BYTES, STRONG, ArticleImportError, ImportResult, build_story,
                   check_article_size, check_image_bytes, decode_text, read_source, slug, write_unique)

_IMG = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)[^)]*\)")
_STRONG = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")
_EM = re.compile(r"(?<![*\w])\*(?!\s)(.+?)(?<!\s)\*(?!\*)|(?<![_\w])_(?!\s)(.+?)(?<!\s)_(?!_)")
_LINK = re.compile(r"(?<!!)\[([^\]]+)\]\(([^)]+)\)")


def _runs(text: str) -> list[Run]:
    text = _LINK.sub(lambda m: m.group(1), text)
    text = _EM.sub(lambda m: m.group(1) or m.group(2), text)
    out: list[Run] = []
    pos = 0
    for m in _STRONG.finditer(text):
        if m.start() > pos:
            out.append(Run(text[pos:m.start()]))
        out.append(Run(m.group(1) or m.group(2), STRONG))
        pos = m.end()
    if pos < len(text):
        out.append(Run(text[pos:]))
    return out or [Run("")]


def _copy_image(base: Path, ref: str, image_dir, used: list, where: str):
    """Copy one ``![…](ref)`` image into ``image_dir``; its new path, or a warning saying why not.

    Only a regular image file inside the article's own folder, reached without any symlink,
    is read; it is written under a new unique name (never over a file, never through a
    symlink) with the mode the user's umask gives."""
    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", ref) and not re.match(r"^[A-Za-z]:[\\/]", ref):
        return f"{where}: image {ref} is a URL; not fetched"
    rel = Path(ref)
    if rel.is_absolute() or ref.startswith(("/", "\\")):
        return f"{where}: image {ref} is an absolute path; only images in the article's folder are copied"
    base_real = Path(os.path.realpath(base))
    src = base / rel
    cur = base
    for part in rel.parts:
        cur = cur / part
        if cur.is_symlink():
            return f"{where}: image {ref} is reached through a symlink; not copied"
    real = os.path.realpath(src)
    if os.path.commonpath([real, str(base_real)]) != str(base_real) or ".." in rel.parts:
        return f"{where}: image {ref} is outside the article's folder; not copied"
    if not src.is_file():
        return f"{where}: image {ref} not found"
    if image_dir is None:
        return Path(real)            # nowhere to copy to: the article's own file, read in place
    try:
        size = src.stat().st_size
        if used[0] + size > MAX_IMAGES_BYTES:
            return f"{where}: image {ref}: the article's images exceed {MAX_IMAGES_BYTES // 2**20} MB; not copied"
        data = src.read_bytes() if size <= MAX_IMAGES_BYTES else b""
    except OSError as e:
        return f"{where}: image {ref} cannot be read ({e.strerror or e})"
    why = check_image_bytes(data, f"{where}: image {ref}") if data else f"{where}: image {ref} is too large"
    if why:
        return why + "; not copied"
    used[0] += size
    try:
        return write_unique(Path(image_dir), src.name, data)
    except (OSError, ArticleImportError) as e:
        return f"{where}: image {ref} not copied ({getattr(e, 'strerror', None) or e})"


def _join(a: str, b: str) -> str:
    if a and b and a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum():
        return a + " " + b
    return a + b


def import_markdown(path_or_bytes, *, encoding: str | None = None, normalize: bool = True,
                    image_dir=None, story_id: str | None = None) -> ImportResult:
    raw, name = read_source(path_or_bytes)
    early: list[str] = []
    text, enc = decode_text(raw, name, encoding, early)
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    base = Path(name).parent if name != "<bytes>" else Path.cwd()
    warnings: list[str] = early
    images: list[Path] = []
    image_bytes = [0]
    paras: list[tuple[int, str, str | None]] = []   # (line, text, hint)
    cur: list[str] = []
    cur_line = 0
    cur_hint = None

    def flush():
        nonlocal cur, cur_hint
        if cur:
            t = ""
            for piece in cur:
                t = _join(t, piece)
            paras.append((cur_line, t, cur_hint))
        cur, cur_hint = [], None

    in_fence = False
    for ln, line in enumerate(text.split("\n"), 1):
        s = line.strip()
        if s.startswith("```"):
            in_fence = not in_fence
            flush()
            continue
        if not s or re.fullmatch(r"[-*_]{3,}", s):
            flush()
            continue
        for m in _IMG.finditer(s):
            got = _copy_image(base, m.group(2), image_dir, image_bytes, f"{name}:{ln}")
            if isinstance(got, Path):
                images.append(got)
            else:
                warnings.append(got)
            if m.group(1).strip():
                flush()
                paras.append((ln, m.group(1).strip(), "caption"))
        s = _IMG.sub("", s).strip()
        if not s:
            continue
        h = re.match(r"^(#{1,6})\s+(.*?)\s*#*$", s)
        if h:
            flush()
            level = len(h.group(1))
            paras.append((ln, h.group(2), "headline" if level == 1 else "subhead"))
            continue
        q = re.match(r"^>\s?(.*)$", s)
        li = re.match(r"^(?:[-*+]|\d+[.)])\s+(.*)$", s)
        if li:
            flush()
            paras.append((ln, li.group(1), "list"))
            continue
        if q:
            if cur_hint != "note":
                flush()
                cur_line, cur_hint = ln, "note"
            cur.append(q.group(1).strip())
            continue
        if cur_hint == "note":
            flush()
        if not cur:
            cur_line = ln
        cur.append(s)
    flush()
    check_article_size(name, len(paras), sum(len(t) for _, t, _ in paras))
    sid = story_id or (slug(Path(name).stem) if name != "<bytes>" else "imported")
    story, changes, w = build_story([(ln, _runs(t)) for ln, t, _ in paras], story_id=sid,
                                    normalize=normalize, hints=[h for _, _, h in paras])
    return ImportResult(story, enc, changes, images, warnings + w)
