"""Real copy, item 7: rare characters (bopomofo + tone marks, IDC, CJK Extension B–F names) come from the fallback face."""
import json

import pytest

from banmian.core.model import Block, Document, Grid, Margins, Page, ParagraphStyle, Run, Story, Swatch, TextFrame
from banmian.core.paths import fonts_dir
from banmian.core.typeset.checks import run_checks
from banmian.core.typeset.fonts import FACE_FILES, FALLBACK, default_registry
from banmian.core.typeset.layout import layout_document

pytestmark = pytest.mark.core
PT = 25.4 / 72
RARE = "ㄅㄆㄇㄈˊˇˋ˙ㆴㆵㆶㆷ⿰⿱⿺𠀀𠮷𡈽𤆬𪜀𫝀𬺰"


def test_fallback_face_is_last_in_the_chain_with_its_own_name_and_licence():
    fonts = default_registry()
    assert FALLBACK[-1] == "fallback" and FACE_FILES["fallback"] == "BanmianFallback-Regular.ttf"
    face = fonts.face("fallback")
    assert face.ps_name == "BanmianFallback-Regular" and face.embeddable
    assert (fonts_dir() / "LICENSE-Hanazono-OFL.txt").is_file()
    rec = json.loads((fonts_dir() / "SOURCES.json").read_text(encoding="utf-8"))["fonts"]["fallback"]
    assert rec["has_glyf"] and not rec["has_cff"] and rec["missing_required_chars"] == []
    assert rec["source"]["debian_package"] == "fonts-hanazono"


def test_every_rare_character_resolves_to_a_face():
    fonts = default_registry()
    assert fonts.missing(RARE) == []
    for ch in "ˊˇˋ˙ㆴ⿰𠀀𪜀":
        assert fonts.resolve("song", ch) == "fallback", ch
    # Extension B is covered whole, not a sample of it
    cmap = fonts.face("fallback").cmap
    assert sum(1 for cp in range(0x20000, 0x2A6E0) if cp in cmap) > 42000


def test_a_name_with_extension_b_is_set_without_missing_glyphs():
    text = "记者𠮷田、王𡈽和李𤆬报道：注音ㄅㄆㄇˊˇˋ，字形⿰木木。"
    story = Story("s", "s", [Block("paragraph", "body", [Run(text)])])
    page = Page("p1", "1", 200, 200, 1, Margins(10, 10, 10, 10), Grid(1, 13, 1, 9.0, 15.0),
                frames=[TextFrame("a", 10, 10, 13 * 9 * PT, 150, story="s")])
    doc = Document([page], [story], [ParagraphStyle("body", indent=2.0)], swatches=[Swatch("Black", k=100)])
    result = layout_document(doc)
    assert result.missing_glyphs == ()
    runs = result.pages[0].glyph_runs()
    assert any(r.font == "fallback" and "𠮷" in r.text for r in runs)
    assert all(g != 0 for r in runs for g in r.glyphs)
    rep = run_checks(doc, result)
    assert rep.count("integrity") == 0 and rep.count("overflow") == 0 and rep.count("overlaps") == 0
