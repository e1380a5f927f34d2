"""The seed text flowed through a 6-column page at 小五 (the issue's stand-in page)."""
from pathlib import Path

from banmian.core.model import (Block, Document, Grid, Margins, Page, ParagraphStyle, Run,
                                Story, Swatch, TextFrame)

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seed-page.txt"   # a copy of shared/seed/seed-page.txt


def seed_sentences():
    """The seed page's sentences (longer than 15 characters), each with its full stop."""
    import re
    txt = SEED.read_text(encoding="utf-8")
    return [s + "。" for s in re.split("[。\n]", txt) if len(s) > 15]


def article_story(sid, n, rng, sents, head):
    """A story of about ``n`` characters of seed sentences (drawn by ``rng``) in paragraphs of
    ~150 characters under a headline ``head``."""
    paras, cur, total = [], "", 0
    while total < n:
        s = rng.choice(sents)
        cur += s
        total += len(s)
        if len(cur) > 150:
            paras.append(cur)
            cur = ""
    if cur:
        paras.append(cur)
    return Story(sid, head, [Block("headline", "headline", [Run(head)])]
                 + [Block("paragraph", "body", [Run(p)]) for p in paras])


def seed_paragraphs():
    text = SEED.read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip()]


def styles():
    return [
        ParagraphStyle("body", font="song", size=9.0, indent=2.0),
        ParagraphStyle("subhead", font="hei", size=9.0, align="center", leading=15.0, keep_with_next=True),
        ParagraphStyle("headline", font="hei-bold", size=18.0, leading=24.0, align="center", grid=False),
        ParagraphStyle("note", font="kai", size=9.0, indent=2.0, border=0.5),
    ]


def six_column_document(paragraphs=None, columns=6, chars=11, pages=2, size=9.0):
    """One story of every seed paragraph through a 6-column frame per page, threaded."""
    paragraphs = paragraphs if paragraphs is not None else seed_paragraphs()
    blocks = []
    for t in paragraphs:
        role = "paragraph"
        if len(t) < 26 and not t.endswith(("。", "！", "？", "”")):
            role = "subhead"
        if t.startswith("小编说"):
            role = "note"
        style = {"subhead": "subhead", "note": "note"}.get(role, "body")
        blocks.append(Block(role, style, [Run(t)]))
    story = Story("seed", "seed", blocks)
    pt = 25.4 / 72
    colw = chars * size * pt
    gut = size * pt
    width = columns * colw + (columns - 1) * gut
    doc = Document(swatches=[Swatch("Black", k=100)], paragraph_styles=styles(), stories=[story])
    for i in range(pages):
        page = Page(f"p{i+1}", str(i + 1), width + 40, 390.0, 3.0, Margins(20, 20, 20, 20),
                    Grid(columns, chars, 1, size, 15.0))
        page.frames.append(TextFrame(f"f{i+1}", 20, 20, width, 350, columns=columns, gutter=gut,
                                     story="seed" if i == 0 else None,
                                     next=f"f{i+2}" if i + 1 < pages else None))
        doc.pages.append(page)
    return doc


def sample_issue(folder: Path, pages: int, sample: Path | None = None) -> Path:
    """The sample page duplicated (DuplicatePage) to a ``pages``-page issue saved in ``folder``,
    its photos copied beside it (links stay inside the layout's folder)."""
    import shutil
    from banmian.core import commands as C
    from banmian.core.io import load_document, save_document
    from banmian.core.paths import sample_layout
    sample = sample or sample_layout()
    shutil.copytree(sample.parent / "images", folder / "images", dirs_exist_ok=True)
    doc = load_document(sample)
    while len(doc.pages) < pages:
        C.DuplicatePage(doc.pages[-1].id).do(doc)
    path = folder / f"issue-{pages}.json"
    save_document(doc, path)
    return path
