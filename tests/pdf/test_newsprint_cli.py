"""`banmian export --press NAME` and `banmian preflight --press NAME`."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from banmian.cli import EXIT_ERRORS, EXIT_INPUT, EXIT_OK, EXIT_USAGE, EXIT_WARNINGS, main
from banmian.core.paths import resources_dir

pytestmark = pytest.mark.pdf
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "press"


@pytest.fixture(autouse=True)
def _home(tmp_path, monkeypatch):
    monkeypatch.setenv("BANMIAN_HOME", str(tmp_path / "home"))


def _ident(path):
    import pikepdf
    with pikepdf.open(path) as pdf:
        return str(pdf.Root.OutputIntents[0].OutputConditionIdentifier)


def test_press_presets(tmp_path):
    for name, ident in (("newsprint-240", "CGATS TR 002"), ("newsprint-220", "CGATS TR 002")):
        out = tmp_path / f"{name}.pdf"
        assert main(["export", str(FIXTURES / "clean.json"), "-o", str(out), "--press", name]) == EXIT_OK
        assert _ident(out) == ident
    out = tmp_path / "default.pdf"
    assert main(["export", str(FIXTURES / "clean.json"), "-o", str(out)]) == EXIT_OK
    assert _ident(out) == "CGATS TR 002"


def test_coated_preset_checks_its_own_screen(tmp_path, capsys):
    out = tmp_path / "coated.pdf"
    # 150 lpi wants 225 ppi; clean.json's photo has 212: refused, then forced
    assert main(["export", str(FIXTURES / "clean.json"), "-o", str(out), "--press", "coated-heatset"]) == EXIT_ERRORS
    assert "image_ppi_screen" in capsys.readouterr().err and not out.exists()
    assert main(["export", str(FIXTURES / "clean.json"), "-o", str(out), "--press", "coated-heatset",
                 "--force"]) == EXIT_OK
    assert _ident(out) == "FOGRA39"


def test_custom_press_and_profile_override(tmp_path, capsys):
    plant = tmp_path / "plant.icc"
    plant.write_bytes((resources_dir() / "icc" / "ISOcoated_v2_300_bas.icc").read_bytes())
    out = tmp_path / "custom.pdf"
    assert main(["export", str(FIXTURES / "clean.json"), "-o", str(out), "--press", "custom"]) == EXIT_USAGE
    assert "--ink-limit" in capsys.readouterr().err
    assert main(["export", str(FIXTURES / "clean.json"), "-o", str(out), "--press", "custom",
                 "--ink-limit", "260"]) == EXIT_USAGE
    assert "--profile" in capsys.readouterr().err
    assert main(["export", str(FIXTURES / "clean.json"), "-o", str(out), "--press", "custom",
                 "--profile", str(plant), "--ink-limit", "260"]) == EXIT_OK
    assert _ident(out) == "Custom"
    # --profile alone still works (a custom override of the default preset)
    out2 = tmp_path / "override.pdf"
    assert main(["export", str(FIXTURES / "clean.json"), "-o", str(out2), "--profile", str(plant)]) == EXIT_OK
    assert _ident(out2) == "Custom"
    bad = tmp_path / "bad.icc"
    bad.write_bytes(b"not a profile")
    assert main(["export", str(FIXTURES / "clean.json"), "-o", str(out2), "--profile", str(bad)]) == EXIT_INPUT
    err = capsys.readouterr().err
    assert "not an ICC profile" in err and "Traceback" not in err


def test_unknown_press_is_a_usage_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as e:
        main(["export", str(FIXTURES / "clean.json"), "-o", str(tmp_path / "x.pdf"), "--press", "gravure"])
    assert e.value.code == EXIT_USAGE
    assert "gravure" in capsys.readouterr().err


def test_preflight_press_runs_the_plant_checks(capsys):
    assert main(["preflight", str(FIXTURES / "line_too_thin.json"), "--json"]) == EXIT_ERRORS
    data = json.loads(capsys.readouterr().out)
    (f,) = [x for x in data["findings"] if x["code"] == "line_too_thin"]
    assert (f["page"], f["frame"], f["value"]) == (1, "hairline", 0.05)
    assert main(["preflight", str(FIXTURES / "text_near_trim.json")]) == EXIT_WARNINGS
    assert "text_near_trim" in capsys.readouterr().out
    assert main(["preflight", str(FIXTURES / "clean.json")]) == EXIT_OK
