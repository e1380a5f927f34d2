"""`banmian import ARTICLE --into LAYOUT [--no-normalize] [--encoding ENC]`.

desktop/cli.py wires it with::

    from banmian.core.importers import cli as import_cli
    import_cli.register(subparsers)          # adds the "import" sub-command

The handler loads the layout, adds the article as unplaced copy (a Story no
frame refers to), saves atomically, and prints the detected roles (one line
per block: role, first 20 characters) and the normalisation report.
Exit codes (banmian --help): 0 done, 3 the article or the layout is missing, unreadable,
invalid or empty, 4 the layout could not be written.
"""
from __future__ import annotations

import sys
from pathlib import Path

from ..io import LayoutFileError, load_document, save_document
from ..model.document import Document, ParagraphStyle, CharacterStyle
from . import ArticleImportError, import_file
from .base import STRONG

EXIT_INPUT = 3    # as desktop/cli.py documents them
EXIT_OUTPUT = 4

# defaults for styles the importer needs when a layout lacks them
_FALLBACK = {
    "kicker": dict(font="hei", size=10.5), "headline": dict(font="hei-bold", size=22.0),
    "subtitle": dict(font="hei", size=12.0), "byline": dict(font="kai", size=9.0),
    "lead": dict(font="song", size=9.0, indent=2.0), "body": dict(font="song", size=9.0, indent=2.0),
    "subhead": dict(font="hei", size=10.5, align="center"), "note": dict(font="kai", size=9.0, indent=2.0),
    "list": dict(font="kai", size=9.0), "caption": dict(font="kai", size=9.0, indent=2.0),
    "credit": dict(font="kai", size=9.0, align="right"), "title": dict(font="hei-bold", size=12.0),
    "header": dict(font="hei", size=9.0),
}


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "import", help="add an article (.txt .md .docx) to a layout as unplaced copy",
        description="Import an article into a layout: detect block roles, normalise "
                    "punctuation (reported), add it as a story not yet placed in a frame.")
    p.add_argument("article", metavar="ARTICLE", help="the article: .txt, .md or .docx")
    p.add_argument("--into", required=True, metavar="LAYOUT", help="the layout JSON to add it to")
    p.add_argument("--no-normalize", action="store_true", help="keep the punctuation as it is")
    p.add_argument("--encoding", metavar="ENC", help="text encoding (default: detect)")
    p.set_defaults(func=run)


def ensure_styles(doc: Document, story) -> list[str]:
    """Add default styles the story uses but the layout lacks; returns their names."""
    added = []
    for b in story.blocks:
        if doc.paragraph_style(b.style) is None:
            doc.paragraph_styles.append(ParagraphStyle(b.style, **_FALLBACK.get(b.style, {})))
            added.append(b.style)
        for r in b.runs:
            if r.style and doc.character_style(r.style) is None:
                doc.character_styles.append(CharacterStyle(r.style, font="hei" if r.style == STRONG else None))
                added.append(r.style)
    if added and doc.swatch("Black") is None:
        from ..model.document import Swatch
        doc.swatches.append(Swatch("Black", k=100))
    return added


def add_story(doc: Document, story) -> str:
    """Add as unplaced copy with an id not yet used; returns the id."""
    ids = {s.id for s in doc.stories}
    base = story.id
    n = 2
    while story.id in ids:
        story.id = f"{base}-{n}"
        n += 1
    doc.stories.append(story)
    return story.id


def run(args, out=None) -> int:
    out = out or sys.stdout
    layout = Path(args.into)
    try:
        doc = load_document(layout)
    except LayoutFileError as e:
        print(str(e), file=sys.stderr)
        return EXIT_INPUT
    try:
        res = import_file(args.article, encoding=args.encoding, normalize=not args.no_normalize,
                          image_dir=layout.parent / "images")
    except ArticleImportError as e:
        print(f"banmian import: {e}", file=sys.stderr)
        return EXIT_INPUT
    if not any(b.text.strip() for b in res.story.blocks):
        print(f"banmian import: {args.article}: no text found; nothing was added to {layout}", file=sys.stderr)
        return EXIT_INPUT
    added = ensure_styles(doc, res.story)
    sid = add_story(doc, res.story)
    try:
        save_document(doc, layout)
    except OSError as e:
        print(f"banmian import: {layout}: cannot be written ({e.strerror or e})", file=sys.stderr)
        return EXIT_OUTPUT
    print(f"{args.article}: {res.encoding}, {len(res.story.blocks)} blocks → story {sid!r} "
          f"in {layout} (unplaced)", file=out)
    for line in res.role_lines():
        print("  " + line, file=out)
    for line in res.report_lines():
        print(line, file=out)
    for p in res.images:
        print(f"image: {p}", file=out)
    if added:
        print("styles added to the layout: " + ", ".join(added), file=out)
    for w in res.warnings:
        print(f"warning: {w}", file=out)
    return 0


def main(argv=None) -> int:
    """Stand-alone entry (python -m banmian.core.importers.cli import …)."""
    import argparse
    ap = argparse.ArgumentParser(prog="banmian")
    sub = ap.add_subparsers(dest="command", required=True)
    register(sub)
    args = ap.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
