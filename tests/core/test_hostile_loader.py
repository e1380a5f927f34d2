"""Hostile layout files (issue 8): every one is refused with one well-formed line per
problem — ``file: json.path: expected …, found …`` — never a traceback, and never
accepted with a value the layout or the PDF cannot take."""
import json
import re

import pytest

from banmian.core import paths
from banmian.core.io import LayoutFileError, dumps, load_document, loads

pytestmark = pytest.mark.core

LINE = re.compile(r"^bad\.json: [^\n]+: expected .+, found .+$")


def sample():
    return json.loads(paths.sample_layout().read_text("utf-8"))


def frame(d, fid):
    for pg in d["pages"]:
        for f in pg["frames"]:
            if f["id"] == fid:
                return f
    raise KeyError(fid)


def refused(d_or_text) -> list[str]:
    text = d_or_text if isinstance(d_or_text, str) else json.dumps(d_or_text, ensure_ascii=False)
    with pytest.raises(LayoutFileError) as e:
        loads(text, "bad.json")
    lines = str(e.value).splitlines()
    for line in lines:
        assert LINE.match(line), line
        line.encode("utf-8")            # printable: no lone surrogate reaches the terminal
        assert len(line) < 400, line[:200]
    return lines


def test_the_sample_loads():
    loads(json.dumps(sample()), "ok.json")


def test_nesting_5000_deep_is_refused_before_json_recurses():
    d = sample()
    text = json.dumps(d)[:-1] + ', "meta2": ' + "[" * 5000 + "]" * 5000 + "}"
    lines = refused(text)
    assert lines == ["bad.json: line 1: expected objects and lists nested at most 10 deep, found deeper nesting"]


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity", "1e400", "1" + "0" * 400])
def test_non_finite_and_huge_numbers_are_refused(literal):
    d = sample()
    frame(d, "a1-body")["x"] = "@@"
    text = json.dumps(d).replace('"@@"', literal)
    lines = refused(text)
    assert len(lines) == 1
    assert lines[0].startswith("bad.json: pages[0].frames[0].x: expected a number -10000–10000 mm, found ")
    assert lines[0].endswith(literal[:20] + ("" if len(literal) <= 60 else "… (a number of 401 digits)"))


def test_numbers_outside_sane_ranges():
    d = sample()
    frame(d, "photo")["w"] = 1e300
    frame(d, "a1-body")["columns"] = 1e9
    d["paragraph_styles"][0]["size"] = 1e6
    lines = refused(d)
    assert "bad.json: pages[0].frames[5].w: expected a number 0–10000 mm, found 1e+300" in lines
    assert "bad.json: pages[0].frames[0].columns: expected a whole number 1–64, found 1000000000.0" in lines
    assert any(l.startswith("bad.json: paragraph_styles[0].size: expected a size in pt (> 0, ≤ 2000)")
               for l in lines)
    assert len(lines) == 3


def test_two_thousand_pages_are_refused():
    d = sample()
    d["pages"] = [dict(d["pages"][0], id=f"p{i}", frames=[]) for i in range(2000)]
    assert refused(d) == ["bad.json: pages: expected at most 1,000 entries, found 2,000"]


@pytest.mark.parametrize("where", ["meta", "story name", "image path", "frame id"])
def test_lone_surrogates_are_refused_and_the_message_prints(where):
    d = sample()
    bad = "照片\ud800"
    if where == "meta":
        d["meta"]["paper"] = bad
    elif where == "story name":
        d["stories"][0]["name"] = bad
    elif where == "image path":
        frame(d, "photo")["path"] = bad
    else:
        frame(d, "rule-a1-a2")["id"] = bad
    lines = refused(d)
    assert any("valid Unicode" in l and "\\ud800" in l for l in lines), lines


def test_a_dict_where_a_name_is_expected():
    d = sample()
    d["paragraph_styles"][0]["name"] = {"x": 1}
    d["masters"][0]["name"] = {"x": 1}
    frame(d, "a1-body")["kind"] = {"x": 1}
    lines = refused(d)
    assert "bad.json: paragraph_styles[0].name: expected a non-empty id string, found an object" in lines
    assert "bad.json: pages[0].frames[0].kind: expected one of text, image, rule, box, found an object" in lines


def test_unknown_font_id():
    d = sample()
    d["paragraph_styles"][0]["font"] = "comic-sans"
    lines = refused(d)
    assert lines == ['bad.json: paragraph_styles[0].font: expected a font id (song, hei, hei-bold, kai), '
                     'found "comic-sans"']


def test_ten_megabyte_name_is_cut_in_the_message():
    d = sample()
    d["stories"][0]["name"] = "名" * 10_000_000
    lines = refused(d)
    assert len(lines) == 1 and "10,000,000 characters" in lines[0] and len(lines[0]) < 300


def test_cyclic_and_shared_next_chains():
    d = sample()
    frame(d, "a3-3")["next"] = "a3-2"           # a3-1 → a3-2 → a3-3 → a3-2 …
    lines = refused(d)
    assert any(".next: expected a frame no other frame links to (also linked from" in l for l in lines), lines
    d = sample()
    frame(d, "a3-3")["next"] = "photo-caption"   # photo-title → photo-caption ← a3-3
    assert any("expected a frame no other frame links to" in l for l in refused(d))
    d = sample()
    frame(d, "a3-2")["next"] = "a1-body"         # into a frame with its own story
    assert any("expected a frame that starts no story of its own" in l for l in refused(d))


def test_a_cycle_without_a_head_is_found():
    d = sample()
    frame(d, "a3-1")["next"] = None
    frame(d, "a3-3")["next"] = "a3-2"                         # a3-2 → a3-3 → a3-2, nothing flows in
    lines = refused(d)
    assert any("the links go round" in l for l in lines), lines


def test_dangling_master():
    d = sample()
    d["pages"][0]["master"] = "B"
    assert refused(d) == ['bad.json: pages[0].master: expected the name of a master (A), found "B"']


def test_zero_width_frame_and_a_story_used_twice():
    d = sample()
    frame(d, "a2-body")["w"] = 0
    frame(d, "a2-body")["story"] = "a1"
    lines = refused(d)
    assert any(l.startswith("bad.json: pages[0].frames[2].story: expected a story placed in one frame only")
               for l in lines), lines
    assert any(l.startswith("bad.json: pages[0].frames[2].w: expected a text frame wider") for l in lines)


def test_unknown_keys_are_refused_not_dropped():
    d = sample()
    frame(d, "a1-body")["colums"] = 3
    d["pages"][0]["notes"] = "x"
    d["stories"][0]["blocks"][0]["emphasis"] = True
    d["extra"] = {}
    lines = refused(d)
    assert any(l.startswith("bad.json: pages[0].frames[0].colums: expected one of the known keys (id, x, y")
               and l.endswith("found an unknown key") for l in lines)
    assert any(l.startswith("bad.json: pages[0].notes: expected one of the known keys") for l in lines)
    assert any(l.startswith("bad.json: stories[0].blocks[0].emphasis: expected") for l in lines)
    assert any(l.startswith("bad.json: extra: expected one of the known keys (format, meta") for l in lines)


def test_a_fifo_or_folder_as_layout_is_refused_without_reading(tmp_path):
    import os
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(LayoutFileError) as e:
        load_document(fifo)          # would block forever if it were opened
    assert "expected a regular file, found a special file" in str(e.value)
    with pytest.raises(LayoutFileError) as e:
        load_document(tmp_path)
    assert "found a folder" in str(e.value)


def test_saved_sample_round_trips():
    doc = load_document(paths.sample_layout())
    assert dumps(loads(dumps(doc))) == dumps(doc)
