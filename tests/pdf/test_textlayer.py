"""Real copy, item 5: the PDF's text layer is the copy, not the drawing (pdftotext)."""
import shutil
import subprocess

import pytest

from banmian.core.model import Block, Document, Grid, Margins, Page, ParagraphStyle, Run, Story, Swatch, TextFrame
from banmian.core.typeset.layout import layout_document

pytestmark = [pytest.mark.pdf,
              pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) not installed")]
PT = 25.4 / 72


def export(tmp_path, text, chars=30):
    from banmian.render.pdf import export_pdf
    story = Story("s", "s", [Block("paragraph", "body", [Run(text)])])
    page = Page("p1", "1", 200, 100, 1, Margins(10, 10, 10, 10), Grid(1, 13, 1, 9.0, 15.0),
                frames=[TextFrame("a", 10, 10, chars * 9 * PT, 60, story="s")])
    doc = Document([page], [story], [ParagraphStyle("body", indent=0.0, align="left")], swatches=[Swatch("Black", k=100)])
    result = layout_document(doc)
    out = tmp_path / "t.pdf"
    export_pdf(doc, result, out, marks=False)
    return result, subprocess.run(["pdftotext", "-enc", "UTF-8", str(out), "-"], capture_output=True,
                                  text=True, check=True).stdout


def test_em_dashes_and_ascii_marks_extract_as_the_copy(tmp_path):
    text = "他说——这就是答案?!真的吗(是的)"
    result, got = export(tmp_path, text)
    drawn = "".join(r.text for r in result.pages[0].glyph_runs())
    assert "\u2015\u2015" in drawn and "？！" in drawn          # what is drawn differs from the copy ...
    assert got.strip() == text                                  # ... what extracts does not


def test_a_real_horizontal_bar_and_full_width_marks_still_extract_as_themselves(tmp_path):
    text = "他说―好？！对，就是这样"
    _result, got = export(tmp_path, text)
    assert got.strip() == text


def test_a_character_no_face_has_is_a_marked_box_and_stays_in_the_text_layer(tmp_path):
    import pikepdf
    text = "政治性是\U0010fffd群团组织的灵魂"
    result, got = export(tmp_path, text)
    assert result.missing_glyphs
    assert got.strip() == text                      # before: 政治性是群团… with the character gone
    pdf = pikepdf.open(tmp_path / "t.pdf")
    content = b"".join(pikepdf.unparse_content_stream(pikepdf.parse_content_stream(pdf.pages[0])).split(b"\n"))
    assert b"0 1 0 0 K" in content                  # the magenta mark
    pdf.close()


def test_rare_characters_are_embedded_as_a_small_subset_and_extract(tmp_path):
    import pikepdf
    text = "记者𠮷田、王𡈽报道：注音ㄅˊ，字形⿰。"
    result, got = export(tmp_path, text)
    assert not result.missing_glyphs
    assert got.strip() == text          # ToUnicode beyond the BMP (UTF-16 surrogates)
    pdf = pikepdf.open(tmp_path / "t.pdf")
    names = [str(f.get("/BaseFont")) for f in pdf.pages[0].Resources.Font.values()]
    assert any("BanmianFallback-Regular" in n for n in names)
    pdf.close()
    assert (tmp_path / "t.pdf").stat().st_size < 200_000   # a subset, not the 30 MB face
