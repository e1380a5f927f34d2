"""`banmian makeup`: propose pages from stories (a folder of articles, or a layout's unplaced copy)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

EXIT_OK, EXIT_CANNOT, EXIT_INPUT, EXIT_OUTPUT = 0, 1, 3, 4
ARTICLE_EXT = (".txt", ".text", ".md", ".markdown", ".docx")
IMAGE_EXT = (".jpg", ".jpeg", ".png", ".tif", ".tiff")

DESCRIPTION = """\
Propose whole pages (自动组版) on a template's column grid: every article a rectangular
block of whole columns × whole grid lines, filled exactly (no overset, no column foot
empty by more than one line), the lead story at the top, no headlines side by side.
STORIES is a folder of .txt/.md/.docx articles (priority: --priority, else file-name
order; an image with an article's file stem, e.g. a1.jpg beside a1.txt, is its photo,
a1.caption.txt its caption) or a layout whose unplaced stories are the input.
The edits each proposal needs (删/加 N 字) are printed and applied to its copy
(added room holds 待补稿件 placeholder copy).

exit codes: 0 pages proposed, 1 cannot fit (the cuts needed are printed),
3 bad input (missing file, unknown template, nothing to make up), 4 output not written"""


def register(sub, parser_class=None, epilog=None, formatter=None) -> None:
    import argparse
    m = sub.add_parser("makeup", help="propose whole pages from stories (自动组版)",
                       description=DESCRIPTION, epilog=epilog,
                       formatter_class=formatter or argparse.RawDescriptionHelpFormatter)
    m.add_argument("stories", metavar="STORIES_OR_LAYOUT")
    m.add_argument("--template", default="duikai", metavar="NAME",
                   help="duikai (对开 8 栏), sikai (四开 6 栏), a user template's name, or a .json file")
    m.add_argument("--alternatives", type=int, default=3, metavar="N", help="proposals to write (default 3)")
    m.add_argument("--priority", metavar="LIST", help="story ids / file stems in priority order, comma-separated")
    m.add_argument("-o", "--output", required=True, metavar="PAGE.json",
                   help="the best proposal; the others go to PAGE-2.json, PAGE-3.json …")
    m.add_argument("--json", action="store_true", help="machine-readable report on stdout")
    m.set_defaults(func=run)


class _Bad(Exception):
    pass


def _template(name: str):
    from .. import paths
    from ..io import LayoutFileError
    from ..templates import document_from_template, list_templates
    p = Path(name)
    if p.suffix.lower() == ".json":
        if not p.is_file():
            raise _Bad(f"{p}: no such template file")
        path = p
    else:
        path = paths.templates_dir() / f"{name}.json"
        if not path.is_file():
            hit = [t for t in list_templates() if t.name == name or t.path.stem == name]
            if not hit:
                names = ", ".join(t.path.stem for t in list_templates())
                raise _Bad(f"--template {name}: no such template (have: {names})")
            path = hit[0].path
    try:
        return document_from_template(path)
    except LayoutFileError as e:
        raise _Bad(str(e).splitlines()[0]) from None


def _image_px(path: Path) -> tuple[int, int]:
    from PIL import Image
    try:
        with Image.open(path) as im:
            return im.size
    except (OSError, ValueError) as e:
        raise _Bad(f"{path}: not a readable image ({e})") from None


def _from_folder(folder: Path):
    from ..importers import ArticleImportError, import_file
    from .engine import Item, Photo
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in ARTICLE_EXT
                   and not p.name.endswith(".caption.txt"))
    items = []
    for f in files:
        try:
            res = import_file(f, story_id=f.stem)
        except ArticleImportError as e:
            raise _Bad(str(e).splitlines()[0]) from None
        story = res.story
        story.id = f.stem
        story.name = story.name or f.stem
        photo = None
        for ext in IMAGE_EXT:
            img = f.with_suffix(ext)
            if img.is_file():
                w, h = _image_px(img)
                cap = f.with_name(f.stem + ".caption.txt")
                photo = Photo(w, h, str(img.resolve()), cap.read_text(encoding="utf-8").strip() if cap.is_file() else "")
                break
        items.append(Item(story, len(items) + 1, photo))
    return items, None


def _from_layout(path: Path):
    from ..io import LayoutFileError, load_document
    from .engine import Item
    try:
        doc = load_document(path)
    except LayoutFileError as e:
        raise _Bad(str(e).splitlines()[0]) from None
    placed = doc.placed_story_ids() if hasattr(doc, "placed_story_ids") else set()
    items = [Item(s, i + 1) for i, s in enumerate(s for s in doc.stories
                                                 if s.id not in placed and not s.id.startswith("master-")
                                                 and any(b.text.strip() for b in s.blocks))]
    return items, doc


def run(args) -> int:
    from ..importers.cli import ensure_styles
    from .engine import MakeupError, makeup
    src = Path(args.stories)
    try:
        if not src.exists():
            raise _Bad(f"{src}: no such file or folder")
        template = _template(args.template)
        items, _ = _from_folder(src) if src.is_dir() else _from_layout(src)
        if not items:
            raise _Bad(f"{src}: no stories to make up (no articles / no unplaced stories)")
        if args.priority:
            order = [x.strip() for x in args.priority.split(",") if x.strip()]
            known = {it.story.id for it in items}
            for x in order:
                if x not in known:
                    raise _Bad(f"--priority: no story {x!r} in {src} (have: {', '.join(sorted(known))})")
            rank = {x: i for i, x in enumerate(order)}
            items.sort(key=lambda it: (rank.get(it.story.id, len(order)), it.priority))
            for i, it in enumerate(items):
                it.priority = i + 1
        if args.alternatives < 1:
            raise _Bad("--alternatives: at least 1")
        for it in items:
            ensure_styles(template, it.story)
        result = makeup(template, items, alternatives=args.alternatives)
    except (_Bad, MakeupError) as e:
        print(str(e), file=sys.stderr)
        return EXIT_INPUT
    out = Path(args.output)
    written = []
    if result.feasible:
        from ..io import save_document
        from ..imagefile import LINK_FOLDERS_KEY
        folders = sorted({str(Path(it.photo.path).parent) for it in items if it.photo and it.photo.path})
        for n, p in enumerate(result.proposals):
            if folders:      # the photos stay where they are: allow their folder (as the import dialog does)
                have = [x for x in str(p.doc.meta.get(LINK_FOLDERS_KEY, "")).splitlines() if x.strip()]
                p.doc.meta[LINK_FOLDERS_KEY] = "\n".join(have + [f for f in folders if f not in have])
            target = out if n == 0 else out.with_name(f"{out.stem}-{n + 1}{out.suffix}")
            try:
                save_document(p.doc, target)
            except OSError as e:
                print(f"{target}: cannot write ({e.strerror or e})", file=sys.stderr)
                return EXIT_OUTPUT
            written.append(str(target))
    if args.json:
        json.dump({"feasible": result.feasible, "message": result.message, "seconds": round(result.seconds, 3),
                   "cuts": result.cuts, "total_cut": result.total_cut,
                   "proposals": [{"file": f, "score": p.score, "parts": p.parts, "edits": p.edits,
                                  "blocks": [{"story": items[l.index].story.id, "column": l.c0, "line": l.r0,
                                              "columns": l.w, "lines": l.h,
                                              "body_columns": l.body_cols, "head_lines": l.head_rows,
                                              "photo": list(l.photo) if l.photo else None} for l in p.leaves]}
                                 for f, p in zip(written, result.proposals)]},
                  sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        if not result.feasible:
            print(result.message)
        for f, p in zip(written, result.proposals):
            print(f"{f}: {p.describe()}")
            for l in p.leaves:
                s = items[l.index].story
                ph = f", photo {l.photo[0]} cols × {l.photo[1]} lines ({l.photo[2]})" if l.photo else ""
                ell = (f", L: heads across, body in columns {l.c0 + 1}–{l.c0 + l.body_w} below line "
                       f"{l.r0 + l.head_rows}") if l.body_w else ""
                print(f"    {s.id}: columns {l.c0 + 1}–{l.c0 + l.w}, lines {l.r0 + 1}–{l.r0 + l.h}{ph}{ell}")
    return EXIT_OK if result.feasible else EXIT_CANNOT
