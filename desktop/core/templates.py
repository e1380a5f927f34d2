"""Page templates: the bundled ones (read-only) and the user's own.

The bundled templates are ``banmian.layouts/templates/*.json`` inside the
installed package (:func:`banmian.core.paths.templates_dir`); nothing is ever
written there.  The user's templates live in
:func:`banmian.core.paths.user_templates_dir` (the user data folder), and
:func:`save_user_template` is the only writer: it copies a document there.

A template is an ordinary layout file (``"format": "banmian/1"``); its display
name is ``meta.name`` ("对开 8 栏"), or the file name without ``.json`` when
the file has none.  No Qt here: the editor's "New from template" dialog and the
CLI list the same templates.
"""
from __future__ import annotations

import copy
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from . import paths
from .io import load_document, save_document
from .model.document import Document, ImageFrame

NAME_KEY = "name"   # meta key holding a template's display name


@dataclass(frozen=True)
class TemplateInfo:
    name: str        # display name, e.g. "对开 8 栏"
    path: Path
    bundled: bool    # True: read-only, inside the installed package


def _display_name(path: Path) -> str:
    """meta.name of a layout file, or its stem when it has none or cannot be read.

    An unreadable or broken file is still listed (under its file name): opening
    it then reports what is wrong, instead of the template silently vanishing."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError):
        return path.stem
    meta = data.get("meta") if isinstance(data, dict) else None
    name = meta.get(NAME_KEY) if isinstance(meta, dict) else None
    if isinstance(name, str) and name.strip():
        return name.strip()
    return path.stem


def _scan(folder: Path, bundled: bool) -> list[TemplateInfo]:
    try:
        files = sorted(p for p in folder.glob("*.json") if p.is_file())
    except OSError:
        return []
    return [TemplateInfo(_display_name(p), p, bundled) for p in files]


def list_templates() -> list[TemplateInfo]:
    """All templates: the bundled ones first (by file name: 对开, 四开), then the user's (by name)."""
    bundled = _scan(paths.templates_dir(), True)
    user = sorted(_scan(paths.user_templates_dir(), False), key=lambda t: (t.name.casefold(), t.path.name))
    return bundled + user


def document_from_template(path: Path) -> Document:
    """A new page from a template file: the template's content without its display name
    (``meta.template`` still says which template it came from).  Raises
    :class:`banmian.core.io.LayoutFileError` with a one-line reason for a broken file."""
    doc = load_document(path)
    doc.meta.pop(NAME_KEY, None)
    return doc


# characters no file name may hold on Windows, macOS or Linux (plus control characters)
_BAD = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def template_file_name(name: str) -> str:
    """A portable file name for a template called ``name`` (CJK kept, separators replaced)."""
    stem = _BAD.sub("_", name.strip()).strip(" .")[:80].rstrip(" .") or "template"
    if stem.split(".")[0].upper() in _RESERVED:
        stem = "_" + stem
    return stem + ".json"


def save_user_template(doc: Document, name: str, *, source_dir: Path | None = None) -> Path:
    """Save a copy of ``doc`` as the user's template called ``name``; return its path.

    Written to :func:`paths.user_templates_dir` only, never into the bundle.  A
    user template of the same name is replaced; a different template whose file
    name happens to collide is kept and the new one gets ``name-2.json`` etc.
    Image paths relative to ``source_dir`` (the document's folder) are made
    absolute, so the template still finds its pictures from its new folder.
    ``doc`` itself is not changed.
    """
    name = name.strip()
    if not name:
        raise ValueError("a template needs a name")
    folder = paths.user_templates_dir()
    folder.mkdir(parents=True, exist_ok=True)
    t = copy.deepcopy(doc)
    t.meta[NAME_KEY] = name
    if source_dir is not None:
        for frames in [p.frames for p in t.pages] + [m.frames for m in t.masters]:
            for f in frames:
                if isinstance(f, ImageFrame) and f.path and not os.path.isabs(f.path):
                    f.path = str((Path(source_dir) / f.path).resolve())
    base = template_file_name(name)
    target = folder / base
    n = 2
    while target.exists() and _display_name(target) != name:
        target = folder / f"{base[:-5]}-{n}.json"
        n += 1
    if paths.is_bundled(target):   # BANMIAN_HOME pointed into the install: refuse, never write there
        raise PermissionError(f"{target}: the bundled templates are read-only")
    save_document(t, target)
    return target


__all__ = ["TemplateInfo", "list_templates", "save_user_template", "template_file_name", "document_from_template"]
