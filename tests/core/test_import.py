"""Importers: encodings, roles, normalisation report, Markdown, Word, `banmian import`."""
from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

import pytest

from banmian.core.importers import (
    ArticleImportError, EncodingError, UnsupportedFormatError, detect_roles, import_docx,
    import_file, import_markdown, import_text, normalize_paragraph,
)
from banmian.core.importers.normalize import summarize
from banmian.core.io import load_document

pytestmark = pytest.mark.core

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "fixtures" / "seed-page.txt"
TEMPLATE = ROOT / "layouts" / "templates" / "duikai.json"
sys.path.insert(0, str(ROOT / "tools"))

ARTICLE = ("【主席之声】\n\n培育巾帼工匠,为发展新质生产力贡献“她”力量\n\n"
           "扬州市总工会党组成员、副主席 贾萍\n\n"
           "今年以来,扬州市总工会坚持以习近平新时代中国特色社会主义思想为指导,认真贯彻落实。\n\n"
           "着重凝心铸魂,强化巾帼工匠政治引领\n\n政治性是群团组织的灵魂,是第一位的。\n\n"
           "小编说:扬州市总工会大力开展多层次女职工素质培训。\n")


# ------------------------------------------------------------------ encodings

@pytest.mark.parametrize("enc,data,expect", [
    ("utf-8", ARTICLE.encode("utf-8"), "utf-8"),
    ("utf-8-sig", b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"), "utf-8-sig"),
    ("utf-16-le+bom", b"\xff\xfe" + ARTICLE.encode("utf-16-le"), "utf-16-le (BOM)"),
    ("utf-16-be+bom", b"\xfe\xff" + ARTICLE.encode("utf-16-be"), "utf-16-be (BOM)"),
    ("utf-16-le", ARTICLE.encode("utf-16-le"), "utf-16-le"),
    ("utf-16-be", ARTICLE.encode("utf-16-be"), "utf-16-be"),
    ("gb18030", ARTICLE.encode("gb18030"), "gb18030"),
    ("gbk", ARTICLE.encode("gbk"), "gb18030"),
], ids=lambda v: v if isinstance(v, str) else "bytes")
def test_text_encodings_detected(enc, data, expect, tmp_path):
    p = tmp_path / f"article-{enc}.txt"
    p.write_bytes(data)
    for src in (p, data):
        r = import_text(src)
        assert r.encoding == expect
        assert [b.role for b in r.story.blocks] == [
            "kicker", "headline", "byline", "lead", "subhead", "paragraph", "note"]
        assert r.story.blocks[1].text == "培育巾帼工匠，为发展新质生产力贡献“她”力量"


def test_explicit_encoding_and_errors(tmp_path):
    p = tmp_path / "稿件.txt"
    p.write_bytes(ARTICLE.encode("gbk"))
    assert import_text(p, encoding="gbk").encoding == "gbk"
    with pytest.raises(EncodingError) as e:
        import_text(p, encoding="utf-8")
    assert "稿件.txt" in str(e.value) and "utf-8" in str(e.value)
    bad = tmp_path / "garbage.txt"
    bad.write_bytes(bytes([0xff, 0x41, 0xfe, 0x42, 0x80, 0x43]) * 3)
    with pytest.raises(ArticleImportError) as e:
        import_text(bad)
    assert "garbage.txt" in str(e.value)
    assert isinstance(e.value, ImportError)
    with pytest.raises(ArticleImportError) as e:
        import_text(tmp_path / "missing.txt")
    assert "missing.txt" in str(e.value)
    with pytest.raises(UnsupportedFormatError):
        import_file(tmp_path / "a.pdf")


# ------------------------------------------------------------------ roles

def test_roles_rules():
    ps = ["【履职手记】", "多维发力推动工会与货车司机“双向奔赴”", "扬州市江都区总工会党组书记、主席 邱永泉",
          "今年5月，省总工会联合印发通知。", "坚持宣传引领，凝聚共识。江都现有企业。", "深入调查研究，确保源头参与有力度",
          "政府主管部门要整合多方资源。", "调研组成员：范文 陈申 陈晓惠 季绪秀 郑蕾 苏丁",
          "小编说：徐州市总工会通过深入广泛的调研。", "徐州市总工会新就业形态劳动者权益维护调研课题组"]
    assert detect_roles(ps) == ["kicker", "headline", "byline", "lead", "paragraph", "subhead",
                                "paragraph", "list", "note", "byline"]
    photo = import_text("把\"支部建在农路上\"\n图为宣传活动,向市民发放宣传资料。赵利霞 摄\n".encode())
    assert [(b.role, b.text) for b in photo.story.blocks] == [
        ("title", "把“支部建在农路上”"), ("caption", "图为宣传活动，向市民发放宣传资料。"),
        ("credit", "赵利霞 摄")]
    r = import_text("图为现场。记者 王小明 摄\n".encode())
    assert r.story.blocks[-1].role == "credit" and r.story.blocks[-1].text == "记者 王小明 摄"


def test_missing_headline_is_an_empty_block():
    r = import_text("【主席之声】\n近年来,新就业形态劳动者数量大幅增加,如餐饮配送、商贸流通等领域的劳动者。\n".encode())
    assert [(b.role, b.text) for b in r.story.blocks][:3] == [
        ("kicker", "【主席之声】"), ("headline", ""), ("lead", "近年来，新就业形态劳动者数量大幅增加，如餐饮配送、商贸流通等领域的劳动者。")]
    assert any("headline" in w for w in r.warnings)


# ------------------------------------------------------------------ normalisation

def test_normalisation_report_positions():
    s, ch, w = normalize_paragraph("扬州 市总工会 ,在 \"精品\" 课程...好--坏—对", line=7)
    assert s == "扬州市总工会，在“精品”课程……好——坏——对"
    got = [(c.line, c.column, c.before, c.after, c.rule) for c in ch]
    assert got == [
        (7, 3, " ", "", "space"), (7, 8, " ", "", "space"), (7, 9, ",", "，", "punct"),
        (7, 11, " ", "", "space"), (7, 12, '"', "“", "quote"), (7, 15, '"', "”", "quote"),
        (7, 16, " ", "", "space"), (7, 19, "...", "……", "ellipsis"), (7, 23, "--", "——", "dash"),
        (7, 26, "—", "——", "dash")]
    assert w == []


def test_normalisation_leaves_numbers_urls_mail_phone():
    src = "投稿邮箱:1036639134@qq.com 联系电话:025-83279179,共1,000人,见https://a.cn/x,y(含10:30)"
    s, ch, _ = normalize_paragraph(src)
    assert s == "投稿邮箱：1036639134@qq.com 联系电话：025-83279179，共1,000人，见https://a.cn/x,y（含10:30）"
    assert summarize(ch) == {"punct": 6}


def test_normalisation_width_and_kept_spaces():
    s, ch, _ = normalize_paragraph("ＡＢＣ公司１２３名职工,增长４．８％")
    assert s == "ABC公司123名职工，增长4.8％"
    assert summarize(ch) == {"width": 9, "punct": 1}
    for text, why in (("扬州市总工会党组成员、副主席 贾萍", "a byline"),
                      ("调研组成员:范文 陈申 陈晓惠", "a list of names"),
                      ("发放宣传资料。赵利霞 摄", "a photo credit"),
                      ("发布《争做技术能手 争当巾帼工匠》倡议书", "a 《》 title")):
        s, ch, _ = normalize_paragraph(text)
        assert " " in s
        kept = [c for c in ch if c.rule == "space-kept"]
        assert kept and all(c.note == why for c in kept)
    s, _, w = normalize_paragraph('他说"好')
    assert s == '他说"好' and w


def test_no_normalize_keeps_text():
    r = import_text("【主席之声】\n扬州市总工会,坚持以人民为中心。\n".encode(), normalize=False)
    assert r.changes == [] and "," in r.story.text


# ------------------------------------------------------------------ markdown / docx

def test_markdown(tmp_path):
    from PIL import Image
    photo = tmp_path / "p.jpg"
    Image.new("RGB", (8, 8), (200, 10, 10)).save(photo)   # a real image: fakes are not copied (issue 8)
    md = tmp_path / "a.md"
    md.write_text("# 多维发力推动工会与货车司机“双向奔赴”\n\n扬州市江都区总工会党组书记、主席 邱永泉\n\n"
                  "今年5月,省总工会**联合印发**通知,\n着力构建格局。\n\n## 坚持宣传引领\n\n江都现有企业260家。\n\n"
                  "> 小编说:工会要精准发力。\n\n![宣传活动现场](p.jpg)\n", encoding="utf-8")
    r = import_markdown(md, image_dir=tmp_path / "out")
    roles = [b.role for b in r.story.blocks]
    assert roles == ["headline", "byline", "lead", "subhead", "paragraph", "note", "caption"]
    lead = r.story.blocks[2]
    assert lead.text == "今年5月，省总工会联合印发通知，着力构建格局。"
    assert [(x.text, x.style) for x in lead.runs if x.style] == [("联合印发", "strong")]
    assert r.images == [tmp_path / "out" / "p.jpg"] and r.images[0].is_file()


def _docx_bytes(with_image: bool = True) -> bytes:
    docx = pytest.importorskip("docx")
    from PIL import Image
    d = docx.Document()
    d.add_paragraph("【履职手记】")
    d.add_heading("多维发力推动工会与货车司机“双向奔赴”", level=1)
    d.add_paragraph("扬州市江都区总工会党组书记、主席 邱永泉")
    p = d.add_paragraph("今年5月,省总工会")
    p.add_run("联合印发").bold = True
    p.add_run("通知。")
    d.add_heading("坚持宣传引领", level=2)
    d.add_paragraph("江都现有专业运输企业共260家。")
    if with_image:
        buf = io.BytesIO()
        Image.new("RGB", (20, 10), (200, 30, 30)).save(buf, "PNG")
        buf.seek(0)
        d.add_picture(buf)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def test_docx(tmp_path):
    src = tmp_path / "稿件.docx"
    src.write_bytes(_docx_bytes())
    r = import_file(src, image_dir=tmp_path / "imgs")
    assert [b.role for b in r.story.blocks] == ["kicker", "headline", "byline", "lead", "subhead",
                                                 "paragraph"]
    lead = r.story.blocks[3]
    assert lead.text == "今年5月，省总工会联合印发通知。"
    assert [(x.text, x.style) for x in lead.runs] == [("今年5月，省总工会", None), ("联合印发", "strong"),
                                                      ("通知。", None)]
    assert len(r.images) == 1 and r.images[0].parent == tmp_path / "imgs" and r.images[0].stat().st_size > 0
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(ArticleImportError) as e:
        import_docx(bad)
    assert "bad.docx" in str(e.value)


# ------------------------------------------------------------------ banmian import

SEED_ROLES = {   # the roles the seed README describes, per article (in order)
    "a1": ["kicker", "headline", "byline", "lead", "subhead"] + ["paragraph"] * 4 + ["subhead"]
          + ["paragraph"] * 4 + ["subhead"] + ["paragraph"] * 4 + ["note"],
    "a2": ["kicker", "headline", "lead", "paragraph", "subhead", "paragraph", "subhead", "paragraph",
           "paragraph", "subhead", "paragraph", "paragraph", "list", "note", "byline"],
    "photo": ["title", "caption", "credit"],
    "notice": ["headline", "lead", "paragraph", "paragraph", "list"],
    "a3": ["kicker", "headline", "byline", "lead", "paragraph", "paragraph", "paragraph", "paragraph"],
}


def test_banmian_import_each_seed_article(tmp_path, capsys):
    from make_sample import seed_articles
    from banmian.cli import main
    layout = tmp_path / "page.json"
    shutil.copyfile(TEMPLATE, layout)
    arts = seed_articles(SEED)
    for key, text in arts.items():
        art = tmp_path / f"{key}.txt"
        art.write_text(text.replace("\n", "\n\n") + "\n", encoding="utf-8")
        assert main(["import", str(art), "--into", str(layout)]) == 0
        out = capsys.readouterr().out
        assert "normalisation:" in out
        doc = load_document(layout)
        st = doc.story(key)
        assert st is not None and key not in doc.placed_story_ids()
        assert [b.role for b in st.blocks] == SEED_ROLES[key], key
        role_lines = [ln.strip() for ln in out.splitlines() if ln.startswith("  ")]
        for b in st.blocks:
            assert any(ln.startswith(b.role + " ") for ln in role_lines)
    doc = load_document(layout)
    assert doc.story("a2").blocks[1].text == ""
    assert doc.story("photo").blocks[-1].text == "赵利霞 摄"
    # a second import of the same file gets a fresh id
    assert main(["import", str(tmp_path / "a3.txt"), "--into", str(layout), "--no-normalize"]) == 0
    assert load_document(layout).story("a3-2") is not None


def test_banmian_import_bad_article(tmp_path, capsys):
    from banmian.cli import main
    layout = tmp_path / "page.json"
    shutil.copyfile(TEMPLATE, layout)
    before = layout.read_bytes()
    bad = tmp_path / "x.txt"
    bad.write_bytes(bytes([0xff, 0x41, 0xfe, 0x42, 0x80, 0x43]) * 3)
    assert main(["import", str(bad), "--into", str(layout)]) == 3
    assert "x.txt" in capsys.readouterr().err
    assert layout.read_bytes() == before
