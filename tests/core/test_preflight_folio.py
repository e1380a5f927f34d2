"""Preflight names a page by its folio — the page's number field (Page.name), the 报眉's
and the slug's name for it — not by its place in the document (issue 14, item 15)."""
import json

import pytest

from banmian.cli import main
from banmian.core.model.document import Page, TextFrame
from banmian.core.preflight import preflight

from test_preflight import _Fonts, base_doc, result_for

pytestmark = pytest.mark.core


def test_a_finding_on_the_second_page_names_its_folio():
    doc = base_doc()
    doc.pages[0].name = "3"
    second = Page("p2", "A4", width=100, height=100, bleed=3)
    second.frames = [TextFrame("lonely", 10, 10, 10, 10)]        # an empty text frame: a warning
    doc.pages.append(second)
    found = preflight(doc, result_for(doc), fonts=_Fonts())
    (f,) = [f for f in found if f.code == "empty_text_frame"]
    assert f.page == 2                       # the index still finds the page …
    assert f.folio == "A4" and f.page_label() == "第 A4 版"
    assert f.line().startswith("warning empty_text_frame 第 A4 版 frame lonely")
    assert "第 2 版" not in f.line()


def test_a_page_without_a_number_field_is_named_by_its_place():
    doc = base_doc()
    doc.pages[0].name = ""
    doc.pages[0].frames.append(TextFrame("lonely", 10, 10, 10, 10))
    (f,) = [f for f in preflight(doc, result_for(doc), fonts=_Fonts()) if f.code == "empty_text_frame"]
    assert f.folio == "1" and "第 1 版" in f.line()


def test_banmian_preflight_prints_the_samples_folio(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("BANMIAN_HOME", str(tmp_path / "home"))
    main(["preflight", "--sample"])
    out = capsys.readouterr().out
    lines = [line for line in out.splitlines() if " 版 " in line]
    assert lines and all("第 3 版" in line for line in lines), out        # the sample is page 3
    main(["preflight", "--sample", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert {f["folio"] for f in data["findings"] if f["page"]} == {"3"}
