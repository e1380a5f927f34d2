"""Plain-text articles: one paragraph per non-empty line."""
from __future__ import annotations

from pathlib import Path

from ..model.document import Run
from .base import ImportResult, build_story, check_article_size, decode_text, read_source, slug


def split_lines(text: str) -> list[tuple[int, str]]:
    """[(1-based line number, line)] for the non-blank lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    return [(i, line) for i, line in enumerate(text.split("\n"), 1) if line.strip()]


def import_text(path_or_bytes, *, encoding: str | None = None, normalize: bool = True,
                story_id: str | None = None) -> ImportResult:
    raw, name = read_source(path_or_bytes)
    early: list[str] = []
    text, enc = decode_text(raw, name, encoding, early)
    if text.startswith("\ufeff"):
        text = text[1:]
    sid = story_id or (slug(Path(name).stem) if name != "<bytes>" else "imported")
    lines = split_lines(text)
    check_article_size(name, len(lines), sum(len(s) for _, s in lines))
    story, changes, warnings = build_story(
        [(ln, [Run(s)]) for ln, s in lines], story_id=sid, normalize=normalize)
    warnings[:0] = early
    if not story.blocks:
        warnings.append(f"{name}: no text found")
    return ImportResult(story, enc, changes, [], warnings)
