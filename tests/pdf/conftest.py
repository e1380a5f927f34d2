"""A small page built in code, laid out by the engine and exported, for the PDF tests."""
from __future__ import annotations

import shutil

import pytest

from banmian.core.model.document import (
    Block, BoxFrame, Document, Grid, ImageFrame, Margins, Page, ParagraphStyle, RuleFrame, Run,
    Story, Swatch, TextFrame,
)

HEADLINE = "全市公交线网优化方案公布"
BODY = [
    "本报讯（记者 李明）昨天，市交通委员会公布了新一轮公交线网优化方案。方案共调整线路四十二条，"
    "新开线路十一条，撤销重复线路六条，预计年内完成。",
    "据介绍，这次调整的重点是“最后一公里”：在地铁站周边增设微循环线路，缩短换乘距离；"
    "同时优化早晚高峰的发车间隔，部分线路间隔压缩到5分钟以内。市民可通过“一网通办”App查询。",
    "交通专家指出，公交线网优化要以数据为基础，听取市民意见，既要提高效率，也要照顾老年人等群体的出行需求。",
]
CAPTION = "新开通的微循环公交车驶过市中心。 本报记者 王芳 摄"


def make_photo(path, size=(600, 400)):
    """A colourful RGB photo (saturated, dark and light areas) for CMYK + ink tests."""
    from PIL import Image
    import numpy as np
    w, h = size
    x = np.linspace(0, 1, w)[None, :]
    y = np.linspace(0, 1, h)[:, None]
    r = (255 * x * np.ones_like(y)).astype(np.uint8)
    g = (255 * (1 - y) * np.ones_like(x)).astype(np.uint8)
    b = (255 * ((x + y) % 1.0)).astype(np.uint8)
    arr = np.stack([r, g, b], axis=-1)
    arr[: h // 5, : w // 5] = 0          # a black patch: the ink limit has work to do
    arr[-h // 5:, -w // 5:] = (20, 10, 60)
    Image.fromarray(arr, "RGB").save(path)
    return path


def make_document(photo_name="photo.png") -> Document:
    doc = Document(meta={"title": "测试版", "paper": "测试报"})
    doc.swatches = [Swatch("Black", k=100), Swatch("Red", m=100, y=100), Swatch("Tint", c=15, k=5)]
    doc.paragraph_styles = [
        ParagraphStyle("headline", font="hei-bold", size=22, align="center", grid=False, label="主题"),
        ParagraphStyle("body", font="song", size=9, indent=2, label="正文"),
        ParagraphStyle("caption", font="kai", size=9, label="图说"),
    ]
    doc.stories = [
        Story("head", "标题", [Block("headline", "headline", [Run(HEADLINE)])]),
        Story("body", "正文", [Block("paragraph", "body", [Run(t)]) for t in BODY]),
        Story("cap", "图说", [Block("caption", "caption", [Run(CAPTION)])]),
    ]
    page = Page("p1", "一版", width=160.0, height=120.0, bleed=3.0,
                margins=Margins(10, 10, 10, 10), grid=Grid(columns=4, column_chars=8, body_size=9, leading=15))
    page.frames = [
        TextFrame("f-head", 10, 10, 140, 14, story="head"),
        RuleFrame("r1", 10, 26, 140, 0, weight=0.75, color="Red"),
        TextFrame("f-body", 10, 30, 80, 80, columns=2, gutter=4, story="body"),
        ImageFrame("img", 94, 30, 66 + 3, 50, path=photo_name, fit="fill"),   # bleeds off the right edge
        TextFrame("f-cap", 94, 84, 56, 14, story="cap"),
        BoxFrame("box", 94, 100, 56, 10, stroke="Black", stroke_weight=0.5, fill="Tint"),
    ]
    doc.pages = [page]
    return doc


def layout_or_skip():
    try:
        from banmian.core.typeset.layout import layout_document
    except ImportError as e:  # the layout engine lands separately
        pytest.skip(f"banmian.core.typeset.layout not available yet: {e}")
    return layout_document


def need(tool):
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} not installed")


@pytest.fixture(scope="session")
def sample(tmp_path_factory):
    """(doc, result, base_dir) for the test page."""
    layout_document = layout_or_skip()
    base = tmp_path_factory.mktemp("page")
    make_photo(base / "photo.png")
    doc = make_document()
    result = layout_document(doc, None, base_dir=base)
    return doc, result, base


@pytest.fixture(scope="session")
def exported(sample, tmp_path_factory):
    """Paths of the sample exported with marks, without marks, and a second run with marks."""
    from banmian.render.pdf import export_pdf
    doc, result, base = sample
    out = tmp_path_factory.mktemp("pdf")
    paths = {"marks": out / "marks.pdf", "nomarks": out / "nomarks.pdf", "again": out / "again.pdf"}
    progress = []
    reports = {
        "marks": export_pdf(doc, result, paths["marks"], base_dir=base, progress=lambda d, t: progress.append((d, t))),
        "nomarks": export_pdf(doc, result, paths["nomarks"], base_dir=base, marks=False),
        "again": export_pdf(doc, result, paths["again"], base_dir=base),
    }
    return {"paths": paths, "reports": reports, "progress": progress, "dir": out}
