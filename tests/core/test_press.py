"""Print conditions (banmian.core.press) and the plant's preflight (preflight.plant_findings).

The fixtures in tests/fixtures/press/ are small real layouts (written by
make_fixtures.py), each made to produce exactly one plant finding under the
default condition; clean.json and the bundled sample produce none.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from banmian.core import press
from banmian.core.io import load_document
from banmian.core.paths import default_profile, sample_layout
from banmian.core.preflight import PLANT_CODES, plant_findings, preflight
from banmian.core.typeset.fonts import default_registry
from banmian.core.typeset.result import Box, GlyphRun, LayoutResult, PageResult, Rule

pytestmark = pytest.mark.core

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "press"


# ------------------------------------------------------------------ presets

def test_default_is_newsprint_240_and_matches_default_profile():
    cond = press.get()
    assert cond.name == "newsprint-240" == press.DEFAULT_PRESS
    assert cond.ink_limit == 240 and cond.intent == "relative"
    assert cond.profile_path() == default_profile() and default_profile().exists()
    assert cond.output_condition_identifier == "CGATS TR 002"
    assert cond.min_line_pt == 0.1 and cond.min_reversed_pt == 8 and cond.min_reversed_serif_pt == 10
    assert cond.marks_offset_mm >= 1.0 and cond.overprint_black_rules
    assert cond.min_ppi == 150.0           # 1.5 × 100 lpi


def test_every_preset_has_its_profile_and_names_its_condition():
    seen = set()
    for name, cond in press.PRESETS.items():
        assert cond.profile_path().exists(), name
        assert press.profile_description(cond.profile_path())
        assert cond.output_condition_identifier and cond.output_condition and cond.info
        assert cond.registry_name == "http://www.color.org"
        seen.add(cond.profile)
    assert len(seen) == len(press.PRESETS)   # each preset its own profile
    coated = press.get("coated-heatset")
    assert coated.ink_limit == 300 and coated.output_condition_identifier == "FOGRA39"
    assert press.get("newsprint-220").ink_limit == 220


def test_custom_condition_takes_a_plants_profile(tmp_path):
    icc = tmp_path / "plant.icc"
    icc.write_bytes(press.get("coated-heatset").profile_path().read_bytes())
    cond = press.resolve("custom", profile=icc, ink_limit=230)
    assert cond.name == "custom" and cond.ink_limit == 230 and cond.profile_path() == icc.absolute()
    assert cond.output_condition_identifier == "Custom"
    assert "ISO Coated v2" in cond.output_condition and "ISO Coated v2" in cond.info
    # the newsprint rules stay (the plant's own profile, the newsprint checks)
    assert cond.min_reversed_pt == press.get().min_reversed_pt
    # --ink-limit alone keeps the preset's profile and naming
    lower = press.resolve("newsprint-240", ink_limit=200)
    assert lower.ink_limit == 200 and lower.output_condition_identifier == "CGATS TR 002"


def test_bad_conditions_say_what(tmp_path):
    with pytest.raises(press.PressError, match="unknown print condition 'offset'"):
        press.get("offset")
    with pytest.raises(press.PressError, match="--ink-limit"):
        press.resolve("custom", profile=default_profile())
    with pytest.raises(press.PressError, match="--profile"):
        press.resolve("custom", ink_limit=240)
    rgb = tmp_path / "rgb.icc"
    from PIL import ImageCms
    ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    rgb.write_bytes(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    with pytest.raises(press.PressError, match="not CMYK"):
        press.resolve("newsprint-240", profile=rgb)
    with pytest.raises(press.PressError, match="cannot be read"):
        press.resolve("newsprint-240", profile=tmp_path / "none.icc")


# ------------------------------------------------------------------ the fixtures

def _laid_out(path: Path):
    from banmian.core.typeset.layout import layout_document
    doc = load_document(path)
    return doc, layout_document(doc, None, base_dir=path.parent)


CASES = ["overprint_stack", "line_too_thin", "reversed_type_small", "registration_in_trim", "text_near_trim",
         "image_ppi_screen"]


@pytest.mark.parametrize("code", CASES)
def test_each_fixture_produces_exactly_its_finding(code):
    doc, result = _laid_out(FIXTURES / f"{code}.json")
    found = plant_findings(doc, result, press.get())
    assert [f.code for f in found] == [code], [f.line() for f in found]
    (f,) = found
    assert f.page == 1 and f.frame and f.value is not None and f.message and f.fix
    # the plant's checks run inside the one preflight when a condition is given, and only then
    full = preflight(doc, result, base_dir=FIXTURES, press=press.get())
    assert code in {x.code for x in full}
    assert not {x.code for x in preflight(doc, result, base_dir=FIXTURES)} & set(PLANT_CODES)


def test_fixture_values():
    got = {}
    for code in CASES:
        doc, result = _laid_out(FIXTURES / f"{code}.json")
        (f,) = plant_findings(doc, result, press.get())
        got[code] = (f.frame, f.severity, f.value)
    assert got["overprint_stack"] == ("body", "warning", 300.0)      # K100 over M100 Y100
    assert got["line_too_thin"] == ("hairline", "error", 0.05)
    assert got["reversed_type_small"] == ("rev-text", "error", 5.0)
    assert got["registration_in_trim"][:2] == ("reg-rule", "error")
    assert got["text_near_trim"][:2] == ("head", "warning") and got["text_near_trim"][2] < 3.0
    assert got["image_ppi_screen"][:2] == ("photo", "error") and 120 < got["image_ppi_screen"][2] < 150


def test_clean_fixture_and_sample_have_no_plant_findings():
    for path in (FIXTURES / "clean.json", sample_layout()):
        doc, result = _laid_out(path)
        assert plant_findings(doc, result, press.get()) == [], path


def test_limits_follow_the_condition():
    """The same page under another condition: the thresholds are the preset's, not constants."""
    from dataclasses import replace
    doc, result = _laid_out(FIXTURES / "line_too_thin.json")
    assert plant_findings(doc, result, replace(press.get(), min_line_pt=0.04)) == []
    doc, result = _laid_out(FIXTURES / "clean.json")       # its photo is 212 ppi
    coarse = replace(press.get(), lpi=150.0)              # needs 225
    assert [f.code for f in plant_findings(doc, result, coarse)] == ["image_ppi_screen"]
    doc, result = _laid_out(FIXTURES / "overprint_stack.json")
    assert plant_findings(doc, result, replace(press.get(), ink_limit=300)) == []


def _page(*items):
    return LayoutResult((PageResult("p1", 0, 300.0, 300.0, 8.5, tuple(items),
                                    faces=default_registry().face_table(items)),))


def _run(color, size=9.0, font="hei", x=50.0, y=50.0, frame="t"):
    return GlyphRun(font, size, color, y, (x, x + size), (1, 2), "一二", (size, size), "s", 0, (0, 1), frame, 0)


def test_display_list_cases():
    cond = press.get()
    codes = lambda *items: [f.code for f in plant_findings(None, _page(*items), cond)]  # noqa: E731
    # RGB triple or out-of-range colour
    assert codes(Box(10, 10, 20, 20, None, 0, (1.0, 0.0, 0.0), "rgb")) == ["colour_not_cmyk"]
    assert codes(Rule(10, 10, 50, 10, 0.5, (0, 0, 0, 1.5), "r")) == ["colour_not_cmyk"]
    # small type: sans needs 8 pt, serif 10 pt; a single solid ink is fine at any size
    assert codes(_run((0, 0, 0, 0), 7.5, "hei")) == ["reversed_type_small"]
    assert codes(_run((0, 0, 0, 0), 8.0, "hei")) == []
    assert codes(_run((0, 0, 0, 0), 9.0, "song")) == ["reversed_type_small"]
    assert codes(_run((0, 1, 1, 0.1), 7.0, "hei")) == ["reversed_type_small"]      # Paper Red: three plates
    assert codes(_run((0, 0, 0, 0.5), 6.0, "hei")) == ["reversed_type_small"]      # a K tint screens the type
    assert codes(_run((0, 1, 0, 0), 6.0, "song"), _run((0, 0, 0, 1), 6.0, "song", frame="u")) == []
    # black text over a tint: C+M+Y beneath + 100 % K
    tint = Box(40, 30, 60, 40, None, 0, (0.6, 0.5, 0.4, 0), "tint")      # 150 % + 100 % K = 250 %
    assert codes(tint, _run((0, 0, 0, 1))) == ["overprint_stack"]
    assert codes(Box(40, 30, 60, 40, None, 0, (0.5, 0.4, 0.0, 0), "tint"), _run((0, 0, 0, 1))) == []
    assert codes(_run((0, 0, 0, 1)), tint) == []          # painted after: it covers the text, nothing stacks
    # black rules overprint (newsprint preset) and so stack too; a knocked-out rule does not
    rule = Rule(30, 50, 120, 50, 0.5, (0, 0, 0, 1), "rule")
    assert codes(tint, rule) == ["overprint_stack"]
    from dataclasses import replace
    assert [f.code for f in plant_findings(None, _page(tint, rule), replace(cond, overprint_black_rules=False))] == []


def test_preflight_json_carries_value():
    doc, result = _laid_out(FIXTURES / "line_too_thin.json")
    (f,) = plant_findings(doc, result, press.get())
    assert json.loads(json.dumps(f.to_dict(), ensure_ascii=False))["value"] == 0.05
