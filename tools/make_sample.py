#!/usr/bin/env python3
"""Build Banmian's page templates and the 主席论坛 sample page, reproducibly.

    python tools/make_sample.py templates    # layouts/templates/duikai.json, sikai.json
    python tools/make_sample.py sample       # layouts/samples/zhuxi-luntan.json (+ fit report)
    python tools/make_sample.py all

The sample page is made from the seed text (../shared/seed/seed-page.txt, or
tests/fixtures/seed-page.txt when shared/ is not beside the repo) through the
article importer (`desktop.core.importers.import_text`, normalisation on), after
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

from desktop.core.io import document_to_dict, load_document, save_document  # noqa: E402
from desktop.core.model.document import (  # noqa: E402
    Article, Block, BoxFrame, CharacterStyle, Document, Grid, ImageFrame, Margins, Master,
    Page, ParagraphStyle, RuleFrame, Run, Story, Swatch, TextFrame, Wrap,
)
from desktop.core.model.units import MM_PER_PT  # noqa: E402

TEMPLATES = ROOT / "layouts" / "templates"
SAMPLES = ROOT / "layouts" / "samples"
PHOTO = ROOT / "resources" / "photos" / "rocket.jpg"

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
        TextFrame("A-page", L, hy, 16.0, 11.0, story="master-A-page"),
        TextFrame("A-date", L + 17.0, hy + 1.0, 70.0, 10.0, story="master-A-date"),
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
              "editor": "×××", "title": f"{name}模板", "template": kind},
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
