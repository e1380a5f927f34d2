"""`banmian makeup`: a folder of articles in, proposed pages out; exit codes 0 / 1 / 3."""
from __future__ import annotations

import json
import random

from PIL import Image

from banmian.cli import main
from banmian.core.io import load_document
from banmian.core.typeset.layout import Layouter

from test_makeup import make_story, sentences


def write_articles(folder, sizes, seed=2, photo=True):
    folder.mkdir()
    rng = random.Random(seed)
    sents = sentences()
    for i, n in enumerate(sizes):
        s = make_story(f"a{i + 1}", n, rng, sents, "")
        body = "\n\n".join(b.text for b in s.blocks[1:])
        (folder / f"a{i + 1}.txt").write_text(f"第{i + 1}篇稿件的标题\n\n{body}\n", encoding="utf-8")
    if photo:
        Image.new("RGB", (1600, 1100), (90, 110, 130)).save(folder / "a1.jpg")
        (folder / "a1.caption.txt").write_text("图为职工参加技能竞赛。通讯员 摄", encoding="utf-8")
    return folder


def test_makeup_writes_ranked_proposals(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("BANMIAN_HOME", str(tmp_path / "home"))
    arts = write_articles(tmp_path / "arts", (1550, 1150, 720))
    out = tmp_path / "page.json"
    rc = main(["makeup", str(arts), "--template", "sikai", "--alternatives", "2", "-o", str(out), "--json"])
    assert rc == 0, capsys.readouterr().err
    rep = json.loads(capsys.readouterr().out)
    assert rep["feasible"] and len(rep["proposals"]) == 2
    assert rep["proposals"][0]["score"] <= rep["proposals"][1]["score"]
    assert (tmp_path / "page-2.json").is_file()
    doc = load_document(out)
    r = Layouter(base_dir=tmp_path).layout(doc)
    assert r.overset == ()
    first = rep["proposals"][0]["blocks"]
    assert [b["story"] for b in first] == ["a1", "a2", "a3"] and first[0]["line"] == 0
    assert first[0]["photo"] is not None
    # the photo stays in its folder and the page allows that folder: it is linked, not missing
    from banmian.core.typeset.result import ImagePlacement
    imgs = [it for it in r.pages[0].items if isinstance(it, ImagePlacement)]
    assert imgs and not imgs[0].missing and imgs[0].ppi >= 200


def test_priority_puts_a_story_on_top(tmp_path, capsys):
    arts = write_articles(tmp_path / "arts", (720, 1150, 1550), photo=False)
    out = tmp_path / "page.json"
    rc = main(["makeup", str(arts), "--template", "sikai", "--alternatives", "1", "--priority", "a3,a2,a1",
               "-o", str(out), "--json"])
    assert rc == 0, capsys.readouterr().err
    blocks = json.loads(capsys.readouterr().out)["proposals"][0]["blocks"]
    assert blocks[0]["story"] == "a3" and blocks[0]["line"] == 0 and blocks[0]["column"] == 0


def test_too_much_copy_exits_1_with_the_cuts(tmp_path, capsys):
    arts = write_articles(tmp_path / "arts", (2100, 1600, 1000), photo=False)
    out = tmp_path / "page.json"
    rc = main(["makeup", str(arts), "--template", "sikai", "-o", str(out)])
    text = capsys.readouterr().out
    assert rc == 1
    assert text.startswith("cannot fit: cut ≥") and "a1 删" in text
    assert not out.exists()


def test_bad_input_exits_3(tmp_path, capsys):
    out = str(tmp_path / "p.json")
    assert main(["makeup", str(tmp_path / "nope"), "-o", out]) == 3
    assert "no such file or folder" in capsys.readouterr().err
    arts = write_articles(tmp_path / "arts", (300,), photo=False)
    assert main(["makeup", str(arts), "--template", "quarto", "-o", out]) == 3
    assert "no such template" in capsys.readouterr().err
    assert main(["makeup", str(arts), "--template", "sikai", "--priority", "zz", "-o", out]) == 3
    assert "--priority: no story 'zz'" in capsys.readouterr().err
    (tmp_path / "empty").mkdir()
    assert main(["makeup", str(tmp_path / "empty"), "--template", "sikai", "-o", out]) == 3
    assert "no stories" in capsys.readouterr().err


def test_help_documents_exit_codes(capsys):
    import pytest
    with pytest.raises(SystemExit) as e:
        main(["makeup", "--help"])
    assert e.value.code == 0
    text = capsys.readouterr().out
    assert "0 pages proposed" in text and "1 cannot fit" in text and "3 bad input" in text
