"""Real copy, item 6: typographic findings of checks.py reach preflight (and so the CLI and the editor)."""
import json
import pathlib

import pytest

from banmian.core.io import load_document, save_document
from banmian.core.model import Block, Document, Grid, Margins, Page, ParagraphStyle, Run, Story, Swatch, TextFrame
from banmian.core.preflight import preflight, typography
from banmian.core.typeset.layout import layout_document

pytestmark = pytest.mark.core
PT = 25.4 / 72
SAMPLE = pathlib.Path(__file__).resolve().parents[2] / "layouts" / "samples" / "zhuxi-luntan.json"


def narrow_doc():
    # a column 1.2 em wide: "好，" cannot be parted (，never starts a line) but is 1.5 em wide at least
    story = Story("s", "s", [Block("paragraph", "body", [Run("好，好，好。")])])
    page = Page("p1", "1", 100, 100, 1, Margins(10, 10, 10, 10), Grid(1, 13, 1, 9.0, 15.0),
                frames=[TextFrame("narrow", 10, 10, 1.2 * 9 * PT, 60, story="s")])
    return Document([page], [story], [ParagraphStyle("body", indent=0.0)], swatches=[Swatch("Black", k=100)])


def test_a_prohibited_line_start_is_a_warning_with_page_frame_and_line():
    doc = narrow_doc()
    result = layout_document(doc)
    found = typography(doc, result)
    # nothing fits: the composer breaks rather than overflow, and says so
    bad = [f for f in found if f.code == "typo_prohibitions"]
    assert bad and all(f.severity == "warning" and f.page == 1 and f.frame == "narrow" for f in bad)
    assert "第 2 行" in bad[0].message and "避头尾" in bad[0].message
    assert any(f.code == "typo_prohibitions" for f in preflight(doc, result))


def test_the_sample_page_has_no_typographic_findings():
    doc = load_document(SAMPLE)
    result = layout_document(doc, base_dir=SAMPLE.parent)
    assert typography(doc, result) == []
    assert not [f for f in preflight(doc, result, base_dir=SAMPLE.parent) if f.code.startswith("typo_")]


def test_banmian_preflight_prints_them(tmp_path, capsys):
    from banmian.cli import main
    path = tmp_path / "narrow.json"
    save_document(narrow_doc(), path)
    code = main(["preflight", str(path), "--json"])
    out = json.loads(capsys.readouterr().out)
    typo = [f for f in out["findings"] if f["code"].startswith("typo_")]
    assert typo and typo[0]["frame"] == "narrow" and typo[0]["page"] == 1
    assert code == 1            # warnings, no errors
