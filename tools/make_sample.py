#!/usr/bin/env python3
"""Build Banmian's page templates and the 主席论坛 sample page, reproducibly.

    python tools/make_sample.py templates    # layouts/templates/duikai.json, sikai.json
    python tools/make_sample.py sample       # layouts/samples/zhuxi-luntan.json (+ fit report)
    python tools/make_sample.py all

The sample page is made from the seed text (../shared/seed/seed-page.txt, or
tests/fixtures/seed-page.txt when shared/ is not beside the repo) through the
article importer (`banmian.core.importers.import_text`, normalisation on), after
the repairs the seed README documents:

* the column-break splits 选树|宣传, 职工服|务, 建设适|合 are joined;
* article 3 is reassembled in the README's order: kicker, headline, byline,
  lead 今年5月…提前一个月 + 完成扬州市总工会部署的任务指标。, then 坚持宣传引领…,
  截至目前…坚持协同发力…, 坚持全链共建…, 坚持服务到位…;
* article 2 keeps an EMPTY headline block (the extraction lost it; the editor
  writes it — nothing is invented).

Nothing else is changed: every other paragraph of the seed stays a paragraph.
Frame geometry is on the 对开 grid (8 columns of 13 小五 characters); when the
layout engine is importable the script reports overset/underset per story.
"""
from __future__ import annotations

import argparse
import copy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from banmian.core.io import document_to_dict, load_document, save_document  # noqa: E402
from banmian.core.model.document import (  # noqa: E402
    Article, Block, BoxFrame, CharacterStyle, Document, Grid, ImageFrame, Margins, Master,
    Page, ParagraphStyle, RuleFrame, Run, Story, Swatch, TextFrame, Wrap,
)
from banmian.core.model.units import MM_PER_PT  # noqa: E402

TEMPLATES = ROOT / "layouts" / "templates"
SAMPLES = ROOT / "layouts" / "samples"
PHOTO = ROOT / "layouts" / "samples" / "images" / "hubble_deep_field.jpg"
PHOTO_REL = "images/hubble_deep_field.jpg"   # relative to layouts/samples/ (links stay inside the layout's folder)
PHOTO_PX = (1000, 872)

# ---------------------------------------------------------------- templates

BODY = 9.0          # 小五
LEADING = 15.0      # pt: 1.67 em, a line gap of 67 % (TYPOGRAPHY.md: 50–100 %)


def _pstyle(name, label, **kw) -> ParagraphStyle:
    # only pass the fields this model has (span/border/keep_with_next are newer)
    from dataclasses import fields
    have = {f.name for f in fields(ParagraphStyle)}
    return ParagraphStyle(name, label=label, **{k: v for k, v in kw.items() if k in have})


def styles(head_scale: float = 1.0) -> list[ParagraphStyle]:
    """The paragraph styles every template shares (sizes in pt, 号 in the labels)."""
    return [
        _pstyle("body", "正文 宋体小五", font="song", size=9, indent=2, align="justify", grid=True),
        _pstyle("lead", "导语 楷体小五", font="kai", size=9, indent=2, align="justify", grid=True),
        _pstyle("kicker", "引题 黑体五号", font="hei", size=10.5, leading=16, align="left",
                grid=False, span=True, keep_with_next=True),
        _pstyle("headline", "主题 黑体二号", font="hei-bold", size=22, leading=30, align="center",
                grid=False, span=True, keep_with_next=True, space_after=2),
        _pstyle("headline-1", "主题 黑体小初", font="hei-bold", size=36, leading=46, align="center",
                grid=False, span=True, keep_with_next=True, space_after=2),
        _pstyle("headline-1b", "主题 黑体一号", font="hei-bold", size=26, leading=34, align="center",
                grid=False, span=True, keep_with_next=True, space_after=2),
        _pstyle("headline-2", "主题 黑体二号", font="hei-bold", size=22, leading=30, align="center",
                grid=False, span=True, keep_with_next=True, space_after=2),
        _pstyle("headline-3", "主题 黑体小二", font="hei-bold", size=18, leading=25, align="center",
                grid=False, span=True, keep_with_next=True, space_after=2),
        _pstyle("subtitle", "副题 黑体四号", font="hei", size=14, leading=20, align="center",
                grid=False, span=True, keep_with_next=True),
        _pstyle("byline", "作者 楷体五号", font="kai", size=10.5, leading=18, align="center",
                grid=False, span=True, space_after=4),
        _pstyle("byline-end", "文末署名 楷体小五", font="kai", size=9, align="right", grid=True),
        _pstyle("subhead", "小标题 黑体五号", font="hei", size=10.5, align="center", grid=True,
                keep_with_next=True),
        _pstyle("note", "小编说 楷体小五 加框", font="kai", size=9, indent=2, align="justify",
                grid=True, border=0.5),
        _pstyle("list", "名单 楷体小五", font="kai", size=9, align="left", grid=True),
        _pstyle("title", "图片标题 黑体小四", font="hei-bold", size=12, leading=18, align="center",
                grid=False, span=True),
        _pstyle("caption", "图片说明 楷体小五", font="kai", size=9, indent=2, align="justify", grid=False,
                leading=14),
        _pstyle("credit", "摄影署名 楷体小五", font="kai", size=9, align="right", grid=False, leading=14),
        _pstyle("box-head", "框内标题 黑体小四", font="hei-bold", size=12, leading=20, align="center",
                grid=False, span=True, keep_with_next=True),
        _pstyle("box-body", "框内正文 楷体小五", font="kai", size=9, indent=2, align="justify", grid=True),
        _pstyle("header", "报眉 黑体小五", font="hei", size=9, leading=12, align="left", grid=False),
        _pstyle("header-right", "报眉右 黑体小五", font="hei", size=9, leading=12, align="right", grid=False),
        _pstyle("header-page", "版号 黑体一号", font="hei-bold", size=26, leading=28, align="left",
                grid=False, color="Paper Red"),
        _pstyle("header-section", "版名 黑体小一", font="hei-bold", size=24, leading=28, align="center",
                grid=False, color="Paper Red", tracking=0.25),
    ]


def swatches() -> list[Swatch]:
    return [Swatch("Black", 0, 0, 0, 100), Swatch("Paper Red", 0, 100, 100, 10),
            Swatch("Tint K12", 0, 0, 0, 12), Swatch("Paper", 0, 0, 0, 0)]


def character_styles() -> list[CharacterStyle]:
    return [CharacterStyle("strong", font="hei", label="加粗 黑体"),
            CharacterStyle("emphasis", font="kai", label="强调 楷体")]


def text_area(cols: int, chars: int, gutter_chars: int = 1, size: float = BODY) -> tuple[float, float, float]:
    """(column width, gutter, text-area width) in mm."""
    cw = chars * size * MM_PER_PT
    g = gutter_chars * size * MM_PER_PT
    return cw, g, cols * cw + (cols - 1) * g


def template(kind: str) -> Document:
    if kind == "duikai":
        W, H, cols, chars, top, name = 390.0, 540.0, 8, 13, 27.0, "对开"
    else:
        W, H, cols, chars, top, name = 275.0, 390.0, 6, 11, 25.0, "四开"
    # meta.name: the display name in "New from template" (banmian.core.templates)
    cw, g, tw = text_area(cols, chars)
    side = (W - tw) / 2
    lines = int((H - top - 17.0) / (LEADING * MM_PER_PT))
    bottom = H - top - lines * LEADING * MM_PER_PT
    margins = Margins(top=round(top, 4), bottom=round(bottom, 4), left=round(side, 4), right=round(side, 4))
    grid = Grid(columns=cols, column_chars=chars, gutter_chars=1, body_size=BODY, leading=LEADING)
    # the 报眉 (master A): page number and date left, section centred, paper and editor right,
    # a 文武线 (thick + thin rule) under them
    L, R = side, W - side
    hy = top - 16.0
    mframes = [
        # (a line narrower than 3 em is skipped by the engine: the page-number frame is 3 em+ wide)
        TextFrame("A-page", L, hy, 30.0, 11.0, story="master-A-page"),
        TextFrame("A-date", L + 31.0, hy + 1.0, 70.0, 10.0, story="master-A-date"),
        TextFrame("A-section", W / 2 - 50.0, hy, 100.0, 11.0, story="master-A-section"),
        TextFrame("A-paper", R - 90.0, hy + 1.0, 90.0, 10.0, story="master-A-paper"),
        RuleFrame("A-rule-thick", L, top - 4.0, tw, 0.0, weight=1.5, color="Black"),
        RuleFrame("A-rule-thin", L, top - 3.0, tw, 0.0, weight=0.5, color="Black"),
    ]
    stories = [
        Story("master-A-page", "报眉 版号", [Block("header", "header-page", [Run("{page}")])]),
        Story("master-A-date", "报眉 日期", [Block("header", "header", [Run("{date} {weekday}")]),
                                          Block("header", "header", [Run("{paper}")])]),
        Story("master-A-section", "报眉 版名", [Block("header", "header-section", [Run("{section}")])]),
        Story("master-A-paper", "报眉 编辑", [Block("header", "header-right", [Run("责任编辑 {editor}")]),
                                           Block("header", "header-right", [Run("美术编辑 {designer}")])]),
    ]
    # {designer} is not a placeholder the engine fills: keep the master to the documented ones
    stories[3].blocks[1:] = []
    page = Page("p1", name="1", width=W, height=H, bleed=3.0, margins=margins, grid=grid, master="A")
    return Document(
        pages=[page], stories=stories, paragraph_styles=styles(), character_styles=character_styles(),
        swatches=swatches(), articles=[], masters=[Master("A", mframes)],
        meta={"paper": "报名", "date": "2024年×月×日", "weekday": "星期×", "section": "版名",
              "editor": "×××", "title": f"{name}模板", "template": kind,
              "name": f"{name} {cols} 栏"},
    )


def write_templates() -> None:
    TEMPLATES.mkdir(parents=True, exist_ok=True)
    for kind in ("duikai", "sikai"):
        doc = template(kind)
        path = TEMPLATES / f"{kind}.json"
        save_document(doc, path)
        load_document(path)       # validates
        print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__" and len(sys.argv) > 1 and sys.argv[1] == "templates":
    write_templates()
    sys.exit(0)


# ---------------------------------------------------------------- the seed

def seed_path() -> Path:
    for p in (ROOT.parent / "shared" / "seed" / "seed-page.txt",
              ROOT / "tests" / "fixtures" / "seed-page.txt"):
        if p.is_file():
            return p
    raise SystemExit("seed-page.txt not found (../shared/seed or tests/fixtures)")


def seed_articles(seed: Path | None = None) -> dict[str, str]:
    """The seed split into its articles as plain text, with the documented repairs.

    Returns {key: text} for a1 (主席之声 1), a2 (主席之声 2), photo, notice, a3 (履职手记),
    one paragraph per line.  Blocks are the seed's blank-line separated blocks.
    """
    text = (seed or seed_path()).read_text(encoding="utf-8")
    blocks = [b.strip() for b in text.split("\n\n") if b.strip()]

    def find(prefix: str) -> int:
        hits = [i for i, b in enumerate(blocks) if b.startswith(prefix)]
        if len(hits) != 1:
            raise SystemExit(f"seed: expected one block starting {prefix!r}, found {len(hits)}")
        return hits[0]

    def join(first: str, second: str) -> None:      # a column-break split: one paragraph
        i, j = find(first), find(second)
        assert j == i + 1, (first, second)
        blocks[i] = blocks[i] + blocks[j]
        del blocks[j]

    join("大力弘扬三种精神", "宣传“产业科创巾帼工匠”")      # 选树|宣传
    join("整合资源“聚匠心”", "务阵地资源")                  # 职工服|务
    # article 3, reassembled in the seed README's order
    a3_keys = ["【履职手记】", "多维发力推动工会", "扬州市江都区总工会党组书记", "今年5月",
               "完成扬州市总工会部署", "坚持宣传引领", "合货车司机需求", "截至目前", "坚持全链共建",
               "坚持服务到位"]
    a3_idx = [find(k) for k in a3_keys]
    a3 = [blocks[i] for i in a3_idx]
    a3 = a3[:3] + [a3[3] + a3[4], a3[5] + a3[6]] + a3[7:]     # 提前一个月|完成…, 建设适|合
    rest = [b for i, b in enumerate(blocks) if i not in set(a3_idx)]
    i2 = [i for i, b in enumerate(rest) if b == "【主席之声】"]
    ip = find_in(rest, "把“支部建在农路上”")
    inotice = find_in(rest, "《主席论坛》邀您")
    return {
        "a1": "\n".join(rest[i2[0]:i2[1]]),
        "a2": "\n".join(rest[i2[1]:ip]),
        "photo": "\n".join(rest[ip:inotice]),
        "notice": "\n".join(rest[inotice:]),
        "a3": "\n".join(a3),
    }


def find_in(blocks: list[str], prefix: str) -> int:
    return next(i for i, b in enumerate(blocks) if b.startswith(prefix))


def import_articles() -> dict:
    from banmian.core.importers import import_text
    out = {}
    for key, text in seed_articles().items():
        res = import_text(text.encode("utf-8"), story_id=key)
        out[key] = res
    return out


# ---------------------------------------------------------------- the page

def _restyle(story: Story, mapping: dict) -> None:
    for b in story.blocks:
        key = (b.role, b.style)
        if key in mapping:
            b.style = mapping[key]
        elif b.role in mapping:
            b.style = mapping[b.role]


PAGE_LEADING = 17.0   # the sample's baseline grid: 1.89 em (line gap 89 %, within TYPOGRAPHY.md's 50–100 %);
#                       the templates keep 15 pt — this page has less copy than a full 对开 page

# The page's intent.  Styles: subheads take three grid cells (14 pt leading + 8 pt after), the
# lead, the 小编说 notes and the notice a size up (五号), the photo title 二号, the notice head 小二.
STYLES = {"subhead": {"leading": 14.0, "space_after": 8.0}, "title": {"size": 22.0, "leading": 30.0},
          "box-head": {"size": 18.0, "leading": 28.0},
          "lead": {"size": 10.5}, "note": {"size": 10.5}, "box-body": {"size": 10.5}}
# Stories in priority order, their block widths (the page the editor asks for: 主席之声 1 above
# 主席之声 2 in five columns, the photo story above 履职手记 in three) and headline styles.
PLAN = [("a1", 1, (5,), "headline-1"), ("a2", 2, (5,), "headline-1"), ("photo", 3, (3,), None),
        ("a3", 4, (3,), "headline-1b")]
# the frame ids the editor's tests and the docs know the sample's frames by
# (in the order they are stacked, as the editor's tests know them)
FRAME_IDS = {"a1-text": "a1-body", "a2-rule-top": "rule-a1-a2", "a2-text": "a2-body",
             "photo-rule-left": "rule-left-right", "photo-head": "photo-title", "photo-photo": "photo",
             "photo-caption": "photo-caption", "a3-rule-top": "rule-photo-a3", "a3-top": "a3-1",
             "a3-side": "a3-2", "a3-text": "a3-3", "notice-box": "notice-box", "notice-text": "notice-text"}


def sample_template() -> Document:
    """The 对开 template with the page's grid, masthead fields and styles (no frames)."""
    doc = load_document(TEMPLATES / "duikai.json")
    doc.meta.pop("name", None)       # the template's display name is not the page's
    page = doc.pages[0]
    page.name = "3"
    page.grid.leading = PAGE_LEADING
    doc.meta.update({"paper": "江苏工人报", "section": "主席论坛", "date": "2024年×月×日",
                     "weekday": "星期×", "editor": "×××", "title": "主席论坛（样张）",
                     "template": "duikai", "sample": "zhuxi-luntan"})
    for sname, attrs in STYLES.items():
        for k, v in attrs.items():
            setattr(doc.paragraph_style(sname), k, v)
    return doc


def sample_stories() -> dict:
    res = import_articles()
    st = {k: r.story for k, r in res.items()}
    st["a1"].name = "培育巾帼工匠"
    st["a2"].name = "主席之声（徐州调研）"
    st["photo"].name = "把“支部建在农路上”"
    st["notice"].name = "《主席论坛》邀您“汇谈”"
    st["a3"].name = "多维发力推动工会与货车司机“双向奔赴”"
    _restyle(st["a2"], {"byline": "byline-end"})
    _restyle(st["notice"], {"headline": "box-head", "lead": "box-body", "paragraph": "box-body"})
    return st


def build_sample(verbose: bool = False) -> Document:
    """The 主席论坛 page, made up by the make-up (fill="layout": the seed's copy is not edited)."""
    from banmian.core.makeup import Box, Item, Photo, makeup
    from banmian.core.makeup.engine import rename_frames
    from banmian.core.typeset.layout import Layouter
    tpl = sample_template()
    st = sample_stories()
    items = [Item(st[sid], prio, widths=widths, head_style=head,
                  photo=Photo(*PHOTO_PX, PHOTO_REL) if sid == "photo" else None, picture=sid == "photo")
             for sid, prio, widths, head in PLAN]
    items.append(Item(st["notice"], 5, box=Box(inside="a3")))
    res = makeup(tpl, items, alternatives=1, fill="layout", layouter=Layouter(base_dir=SAMPLES))
    if not res.feasible:
        raise SystemExit(f"make-up: {res.message}")
    p = res.proposals[0]
    if verbose:
        print(f"  make-up: {p.describe()} ({res.seconds:.1f} s)")
    doc = p.doc
    rename_frames(doc, FRAME_IDS)
    stack = list(FRAME_IDS.values())
    doc.pages[0].frames.sort(key=lambda f: stack.index(f.id) if f.id in stack else len(stack))
    # the articles and stories in the page's reading order, named as the editor knows them
    order = ["a1", "a2", "photo", "notice", "a3"]
    doc.stories = [s for s in doc.stories if s.id.startswith("master")] + [doc.story(k) for k in order]
    names = {"a1": "主席之声：培育巾帼工匠", "a2": "主席之声：徐州调研", "photo": "图片新闻：把“支部建在农路上”",
             "notice": "启事：《主席论坛》邀您“汇谈”", "a3": "履职手记：多维发力"}
    arts = {a.id: a for a in doc.articles}
    doc.articles = [arts[f"art-{k}"] for k in order]
    for k in order:
        doc.articles[order.index(k)].name = names[k]
    return doc


def fit_report(doc: Document):
    from banmian.core.typeset.layout import layout_document
    r = layout_document(doc, base_dir=SAMPLES)
    over = {o.story: o for o in r.overset}
    under = dict(r.underset)
    return r, over, under


def write_sample(doc: Document) -> Path:
    SAMPLES.mkdir(parents=True, exist_ok=True)
    path = SAMPLES / "zhuxi-luntan.json"
    save_document(doc, path)
    load_document(path)
    return path


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", choices=("templates", "sample", "all"))
    a = ap.parse_args(argv)
    if a.what in ("templates", "all"):
        write_templates()
    if a.what in ("sample", "all"):
        doc = build_sample(verbose=True)
        path = write_sample(doc)
        print(f"wrote {path.relative_to(ROOT)}")
        try:
            r, over, under = fit_report(doc)
        except ImportError as e:
            print(f"(layout engine not importable: {e})")
            return 0
        for s in doc.stories:
            if s.id.startswith("master"):
                continue
            o = over.get(s.id)
            print(f"  {s.id:8} overset {o.chars if o else 0:4} chars   room left {under.get(s.id, 0):4} chars")
    return 0


if __name__ == "__main__":
    sys.exit(main())
