"""The CLI under hostile input (issue 8): one line and the documented exit code, the
traceback only in the log file."""
import json
import shutil

import pytest

from banmian.cli import EXIT_INPUT, main
from banmian.core import paths

pytestmark = pytest.mark.core


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("BANMIAN_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def test_anything_a_check_missed_is_one_line_and_exit_3(home, tmp_path, capsys, monkeypatch):
    import banmian.core.typeset.layout as layout_mod

    def boom(*a, **k):
        raise RecursionError("maximum recursion depth exceeded in flow")
    monkeypatch.setattr(layout_mod, "layout_document", boom)
    code = main(["preflight", str(paths.sample_layout())])
    err = capsys.readouterr().err
    assert code == EXIT_INPUT
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("the layout could not be set: RecursionError: maximum recursion depth")
    assert "Traceback" not in err
    log = paths.log_file()
    assert str(log) in lines[0]
    assert "Traceback (most recent call last)" in log.read_text("utf-8")


def test_an_unexpected_error_in_a_command_is_caught(home, capsys, monkeypatch):
    import banmian.cli as cli

    def boom(args):
        raise KeyError("whatever")
    monkeypatch.setattr(cli, "cmd_preflight", boom)
    monkeypatch.setattr(cli, "build_parser", _parser_with(cli, boom))
    code = main(["preflight", "x.json"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == EXIT_INPUT and len(err) == 1 and err[0].startswith("banmian preflight: KeyError")
    assert "KeyError" in paths.log_file().read_text("utf-8")


def _parser_with(cli, fn):
    real = cli.build_parser

    def build(with_import=True):
        p = real(with_import)
        for a in p._subparsers._group_actions[0].choices.values():
            if a.prog.endswith("preflight"):
                a.set_defaults(func=fn)
        return p
    return build


def test_bad_layout_exits_3_with_one_line_per_problem(home, tmp_path, capsys):
    d = json.loads(paths.sample_layout().read_text("utf-8"))
    d["pages"][0]["frames"][0]["x"] = "@@"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(d).replace('"@@"', "NaN"), "utf-8")
    assert main(["export", str(bad), "-o", str(tmp_path / "out.pdf")]) == EXIT_INPUT
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"{bad}: pages[0].frames[0].x: expected a number -10000–10000 mm, found NaN"]
    assert not (tmp_path / "out.pdf").exists()


def test_import_exits_3_on_bad_input_and_refuses_an_empty_txt(home, tmp_path, capsys):
    layout = tmp_path / "page.json"
    shutil.copyfile(paths.templates_dir() / "duikai.json", layout)
    before = layout.read_bytes()
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["import", str(empty), "--into", str(layout)]) == EXIT_INPUT
    assert "no text found" in capsys.readouterr().err
    blank = tmp_path / "blank.txt"
    blank.write_text("  \n\n \u3000\n", "utf-8")
    assert main(["import", str(blank), "--into", str(layout)]) == EXIT_INPUT
    assert main(["import", str(tmp_path / "absent.txt"), "--into", str(layout)]) == EXIT_INPUT
    assert main(["import", str(blank), "--into", str(tmp_path / "absent.json")]) == EXIT_INPUT
    assert layout.read_bytes() == before
