"""Templates and the 主席论坛 sample page: structure, seed text integrity, fit."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from banmian.core.importers.normalize import normalize_paragraph
from banmian.core.io import load_document
from banmian.core.model.document import BoxFrame, ImageFrame, TextFrame
from banmian.core.model.units import MM_PER_PT

pytestmark = pytest.mark.core

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "fixtures" / "seed-page.txt"
SAMPLE = ROOT / "layouts" / "samples" / "zhuxi-luntan.json"


@pytest.mark.parametrize("name,cols,chars,size", [("duikai", 8, 13, (390, 540)),
                                                    ("sikai", 6, 11, (275, 390))])
def test_templates(name, cols, chars, size):
    doc = load_document(ROOT / "layouts" / "templates" / f"{name}.json")
    assert len(doc.pages) == 1 and not doc.pages[0].frames and doc.pages[0].master == "A"
    p = doc.pages[0]
    g = p.grid
    assert (g.columns, g.column_chars, g.gutter_chars, g.body_size) == (cols, chars, 1, 9.0)
    assert (p.width, p.height, p.bleed) == (*size, 3.0)
    tw = (cols * chars + (cols - 1)) * 9.0 * MM_PER_PT
    assert abs(p.margins.left + tw + p.margins.right - p.width) < 0.01
    assert abs(p.margins.left - p.margins.right) < 1e-6
    assert {"Black", "Paper Red", "Tint K12"} <= {s.name for s in doc.swatches}
    names = {s.name for s in doc.paragraph_styles}
    assert {"kicker", "headline", "headline-1", "headline-2", "headline-3", "subtitle", "byline", "lead",
            "body", "subhead", "note", "caption", "credit", "header"} <= names
    body = doc.paragraph_style("body")
    assert (body.font, body.size, body.indent, body.align, body.grid) == ("song", 9.0, 2.0, "justify", True)
    assert doc.paragraph_style("note").font == "kai" and doc.paragraph_style("caption").font == "kai"
    texts = " ".join(doc.story(f.story).text for f in doc.master("A").frames
                     if isinstance(f, TextFrame) and f.story)
    for ph in ("{paper}", "{date}", "{page}", "{section}", "{editor}"):
        assert ph in texts
    assert any(f.kind == "rule" for f in doc.master("A").frames)


# -- the seed, block by block, and which story each block belongs to (seed README)
STORY_BLOCKS = {
    "a1": ("【主席之声】", "培育巾帼工匠", "扬州市总工会党组成员", "今年以来", "着重凝心铸魂", "政治性是群团",
           "扬州市总广泛", "大力弘扬三种", "宣传“产业科创", "培育选树先进", "着眼发展大局", "女职工人数占",
           "技能提升“育匠", "整合资源“聚匠", "务阵地资源", "激励创新“汇匠", "着力改革创新", "聚焦“她”需求",
           "关注“她”权益", "全市开展女职工", "焕发“她”风采", "小编说:扬州"),
    "a2": ("【主席之声】#2", "近年来,新就业", "徐州市总工会新就业形态劳动者权益维护调研组采用", "深入调查研究",
           "政府主管部门", "做实品牌建设", "为更好地把", "抓好共享职工", "强化关爱维权", "安排专项资金",
           "做实维权工作", "调研组成员", "小编说:徐州", "徐州市总工会新就业形态劳动者权益维护调研课题组"),
    "photo": ("把“支部建在", "近日,张家港"),
    "notice": ("《主席论坛》邀您", "《主席论坛》专栏", "专栏设置", "各级工会学习", "投稿邮箱"),
    # article 3 in the README's order
    "a3": ("【履职手记】", "多维发力推动", "扬州市江都区", "今年5月", "完成扬州市总工会", "坚持宣传引领",
           "合货车司机需求", "截至目前", "坚持全链共建", "坚持服务到位"),
}


def _seed_blocks():
    return [b.strip() for b in SEED.read_text(encoding="utf-8").split("\n\n") if b.strip()]


def _pick(blocks, key):
    nth = 2 if key.endswith("#2") else 1
    key = key.split("#")[0]
    hits = [b for b in blocks if b.startswith(key)] if not key.endswith("组") else [b for b in blocks if b == key]
    if key.startswith("徐州市总工会新就业形态劳动者权益维护调研组"):
        hits = [b for b in blocks if b.startswith(key)]
    assert len(hits) >= nth, key
    return hits[nth - 1]


def _norm(s: str) -> str:
    return "".join(normalize_paragraph(s)[0].split())


def test_sample_text_is_the_seed_after_repairs():
    doc = load_document(SAMPLE)
    blocks = _seed_blocks()
    used = []
    for sid, keys in STORY_BLOCKS.items():
        seed_text = [_pick(blocks, k) for k in keys]
        used += seed_text
        st = doc.story(sid)
        assert st is not None, sid
        got = "".join("".join(b.text.split()) for b in st.blocks)
        # joins (选树|宣传, 职工服|务, 建设适|合, 提前一个月|完成) only remove block breaks,
        # so the character sequences are equal
        assert got == "".join(_norm(t) for t in seed_text), sid
    # every block of the seed used exactly once
    assert sorted(used) == sorted(blocks)
    # full-width punctuation: no ASCII , ; : ( ) ! ? next to a Chinese character
    for st in doc.stories:
        for b in st.blocks:
            bad = re.findall(r"[\u4e00-\u9fff][,;:()!?]|[,;:()!?][\u4e00-\u9fff]", b.text)
            assert not bad, (st.id, bad)


def test_sample_structure():
    doc = load_document(SAMPLE)
    page = doc.pages[0]
    assert page.master == "A" and page.width == 390 and page.grid.columns == 8
    a2 = doc.story("a2")
    assert [(b.role, b.text) for b in a2.blocks[:2]] == [("kicker", "【主席之声】"), ("headline", "")]
    assert [b.role for b in doc.story("a3").blocks[:3]] == ["kicker", "headline", "byline"]
    # article 3 through ≥ 3 linked frames, not all the same shape
    thread = doc.thread("a3")
    assert len(thread) >= 3
    assert len({(round(f.w, 1), f.columns) for _, f in thread}) >= 2
    # the notice: a text frame with an inset inside a ruled box
    box = page.frame("notice-box")
    txt = page.frame("notice-text")
    assert isinstance(box, BoxFrame) and box.stroke and isinstance(txt, TextFrame) and txt.inset > 0
    assert page.frames.index(box) < page.frames.index(txt)
    assert doc.paragraph_style("note").border > 0      # 小编说 in a ruled box
    # the photo: a shipped file with a licence, placed at ≥ 200 ppi
    img = next(f for f in page.frames if isinstance(f, ImageFrame))
    path = (SAMPLE.parent / img.path).resolve()
    assert path.is_file()
    assert (path.parent / "README.md").is_file()
    from PIL import Image
    with Image.open(path) as im:
        w, h = im.size
    assert img.w <= w / 200 * 25.4 + 1e-6 and img.h <= h / 200 * 25.4 + 1e-6


def test_sample_lays_out_without_overset():
    layout = pytest.importorskip("banmian.core.typeset.layout")
    doc = load_document(SAMPLE)
    r = layout.layout_document(doc, base_dir=SAMPLE.parent)
    assert r.overset == ()
    assert not r.missing_glyphs
    under = dict(r.underset)
    # columns nearly full: what is left is under a column's worth of lines in each story
    for sid in ("a1", "a2", "a3", "notice", "photo"):
        assert under.get(sid, 0) <= 320, (sid, under.get(sid))
    for pl in (i for i in r.pages[0].items if type(i).__name__ == "ImagePlacement"):
        assert pl.ppi >= 200 and not pl.missing


def _make_sample():
    import sys
    sys.path.insert(0, str(ROOT / "tools"))
    import make_sample
    return make_sample


def test_make_sample_reproduces_the_page(tmp_path):
    """tools/make_sample.py rebuilds the saved page: copy, styles and every frame's millimetres —
    which come from the make-up (the script states only stories, priorities, widths, the photo,
    the box and the styles)."""
    from banmian.core.io import document_to_dict, save_document
    save_document(_make_sample().build_sample(), tmp_path / "built.json")
    built = document_to_dict(load_document(tmp_path / "built.json"))
    saved = document_to_dict(load_document(SAMPLE))
    assert built["stories"] == saved["stories"]
    assert built["paragraph_styles"] == saved["paragraph_styles"]
    assert built["pages"] == saved["pages"]
    assert "build_sample(p" not in (ROOT / "tools" / "make_sample.py").read_text(encoding="utf-8")


def test_the_sample_needs_the_layout_levers(monkeypatch):
    """The seed's copy is not edited: the page is filled by spacing levers (a grid line before
    notes, lists, subheads …); without them the make-up finds it not feasible."""
    from banmian.core.makeup import fill as F
    monkeypatch.setattr(F, "spacer_blocks", lambda story: [])
    with pytest.raises(SystemExit, match="not feasible without editing the copy"):
        _make_sample().build_sample()


def test_the_sample_photo_is_centred_over_its_caption():
    doc = load_document(SAMPLE)
    page = doc.pages[0]
    img, cap = page.frame("photo"), page.frame("photo-caption")
    assert img.w < cap.w                                   # narrower than its 3 columns (≥ 200 ppi) …
    assert abs((img.x + img.w / 2) - (cap.x + cap.w / 2)) < 0.01      # … and centred
    assert page.frame("photo-title").next == "photo-caption"


def test_sample_columns_end_full():
    """No text column of an article ends with more than ~2 empty body lines (balanced, 齐栏)."""
    layout = pytest.importorskip("banmian.core.typeset.layout")
    doc = load_document(SAMPLE)
    r = layout.layout_document(doc, base_dir=SAMPLE.parent)
    pg, page = r.pages[0], doc.pages[0]
    assert pg.grid_pitch > 0
    checked = 0
    for fl in pg.frames:
        f = page.frame(fl.frame)
        if not (f.columns > 1 or f.next or any(f.id == g.next for g in page.frames if isinstance(g, TextFrame))):
            continue                       # one-column heads, title and caption frames
        bottom = (f.y + f.h - f.inset) / MM_PER_PT
        for ci in range(f.columns):
            base = [ln.baseline for ln in pg.lines if ln.frame == f.id and ln.column == ci]
            assert base, (f.id, ci, "empty column")
            gap = (bottom - max(base)) / pg.grid_pitch
            assert gap <= 2.5, (f.id, ci, round(gap, 2))
            checked += 1
    assert checked >= 15
    for sid in ("a1", "a2", "a3"):
        assert dict(r.underset).get(sid, 0) <= 6 * 13, sid       # ≤ 6 lines of room per article
