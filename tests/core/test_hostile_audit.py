"""Reproducers of issue 8 that had no test of their own (the audit in docs/hostile-input.md):
columns 10^6–10^7, 10 MB strings in a story and in meta, a .docx writing through a
symlinked file or reading an image linked from outside, `banmian import`/`export`
keeping 0644, and the preflight's time budget for decoding images."""
import io
import json
import os
import shutil
import time

import pytest
from PIL import Image

from banmian.core import paths
from banmian.core.io import LayoutFileError, loads

pytestmark = pytest.mark.core


def sample():
    return json.loads(paths.sample_layout().read_text("utf-8"))


def refused(d) -> list[str]:
    with pytest.raises(LayoutFileError) as e:
        loads(json.dumps(d, ensure_ascii=False), "bad.json")
    lines = str(e.value).splitlines()
    assert lines and all(len(line) < 400 for line in lines), [line[:200] for line in lines]
    return lines


@pytest.mark.parametrize("n", [10 ** 6, 3 * 10 ** 6, 10 ** 7])
def test_a_million_to_ten_million_columns_are_refused_at_once(n):
    d = sample()
    d["pages"][0]["frames"][0]["columns"] = n          # was > 20 s in the layout, then MemoryError
    t0 = time.perf_counter()
    lines = refused(d)
    assert time.perf_counter() - t0 < 10
    assert lines == [f"bad.json: pages[0].frames[0].columns: expected a whole number 1–64, found {n}"]


def test_ten_megabyte_strings_in_a_story_and_in_meta_are_refused_quickly():
    d = sample()
    d["stories"][0]["blocks"][0]["text"] = "字" * 10_000_000
    d["meta"]["paper"] = "报" * 10_000_000
    t0 = time.perf_counter()
    lines = refused(d)
    assert time.perf_counter() - t0 < 20
    assert any(line.startswith("bad.json: stories[0]") and "at most 2,000,000 characters" in line
               and "10,000,000 characters" in line for line in lines), lines
    assert any(line.startswith("bad.json: meta.paper: expected") and "4,096" in line for line in lines), lines


# ------------------------------------------------------------------ .docx: no write or read outside

def _docx_with_picture(external: str | None = None) -> bytes:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_heading("标题", 1)
    d.add_paragraph("正文一段。")
    buf = io.BytesIO()
    Image.new("RGB", (20, 10), (0, 100, 200)).save(buf, "PNG")
    buf.seek(0)
    d.add_picture(buf)
    if external:
        from docx.opc.constants import RELATIONSHIP_TYPE as RT
        d.part.relate_to(external, RT.IMAGE, is_external=True)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def test_docx_image_never_written_through_a_symlink_at_its_name(tmp_path):
    from banmian.core.importers import import_docx
    p = tmp_path / "a.docx"
    p.write_bytes(_docx_with_picture())
    images = tmp_path / "layout" / "images"
    first = import_docx(p, image_dir=images).images
    assert len(first) == 1
    victim = tmp_path / "victim.png"
    victim.write_bytes(b"precious")
    first[0].unlink()
    os.symlink(victim, first[0])                   # the name the importer would choose again
    again = import_docx(p, image_dir=images).images
    assert len(again) == 1 and again[0] != first[0] and again[0].parent == images
    assert victim.read_bytes() == b"precious" and first[0].is_symlink()


def test_docx_image_linked_from_outside_is_not_read(tmp_path, monkeypatch):
    from banmian.core.importers import import_docx
    secret = tmp_path / "secret.png"
    Image.new("RGB", (8, 8), (255, 0, 0)).save(secret)
    p = tmp_path / "art" / "a.docx"
    p.parent.mkdir()
    p.write_bytes(_docx_with_picture(external=secret.as_uri()))
    opened = []
    real_open = open

    def watch(f, *a, **k):
        opened.append(str(f))
        return real_open(f, *a, **k)
    monkeypatch.setattr("builtins.open", watch)
    r = import_docx(p, image_dir=tmp_path / "layout" / "images")
    monkeypatch.undo()
    assert str(secret) not in opened
    assert len(r.images) == 1                       # only the embedded picture
    assert Image.open(r.images[0]).size == (20, 10)


# ------------------------------------------------------------------ the CLI keeps modes

def test_cli_import_and_export_keep_a_0644_layout_and_pdf(tmp_path, monkeypatch):
    from banmian.cli import main
    monkeypatch.setenv("BANMIAN_HOME", str(tmp_path / "home"))
    layout = tmp_path / "page.json"
    shutil.copyfile(paths.templates_dir() / "duikai.json", layout)
    os.chmod(layout, 0o644)
    art = tmp_path / "a.txt"
    art.write_text("标题\n\n正文第一段。\n", "utf-8")
    old = os.umask(0o077)           # mkstemp's 0600 must not leak into the replaced files
    try:
        assert main(["import", str(art), "--into", str(layout)]) in (0, 1)
        assert (layout.stat().st_mode & 0o777) == 0o644
        out = tmp_path / "page.pdf"
        out.write_bytes(b"old")
        os.chmod(out, 0o644)
        assert main(["export", str(layout), "-o", str(out), "--force"]) in (0, 1, 2)
        assert out.read_bytes().startswith(b"%PDF") and (out.stat().st_mode & 0o777) == 0o644
    finally:
        os.umask(old)


# ------------------------------------------------------------------ preflight's time budget

def test_preflight_decodes_images_within_a_time_budget(tmp_path, monkeypatch):
    """Past the budget only the header is read — and preflight says so (image_not_verified)."""
    from banmian.core import preflight as P
    from banmian.core.io import load_document
    from banmian.core.typeset.layout import layout_document
    src = paths.sample_layout()
    base = tmp_path / "page"
    shutil.copytree(src.parent, base)
    doc = load_document(base / src.name)
    result = layout_document(doc, None, base_dir=base)
    monkeypatch.setattr(P, "_VERIFIED", {})
    monkeypatch.setattr(P, "READ_SECONDS", 0.0)
    found = P.preflight(doc, result, base_dir=base)
    assert any(f.code == "image_not_verified" and f.severity == "warning" for f in found)
    monkeypatch.setattr(P, "READ_SECONDS", 30.0)
    found = P.preflight(doc, result, base_dir=base)
    assert not any(f.code == "image_not_verified" for f in found)


# ------------------------------------------------------------------ found by bench/fuzz.py

def test_a_spanning_headline_wider_than_its_region_is_set_not_recursed(tmp_path):
    """bench/fuzz.py seed 222: a 300-character headline of 全角 spaces in a headline that spans
    its frame's columns moved 'to the next column' back to the same place until RecursionError."""
    from banmian.core.preflight import preflight
    from banmian.core.typeset.layout import layout_document
    d = sample()
    story = next(s for s in d["stories"] if any(b.get("role") == "headline" for b in s["blocks"])
                 and s["id"] == "a1")
    head = next(b for b in story["blocks"] if b.get("role") == "headline")
    head["text"] = "\u3000" * 300
    doc = loads(json.dumps(d, ensure_ascii=False), "case.json")
    result = layout_document(doc, None, base_dir=paths.sample_layout().parent)
    assert any(o.story == "a1" for o in result.overset)       # it does not fit: overset, reported
    assert any(f.code == "overset" and f.story == "a1"
               for f in preflight(doc, result, base_dir=paths.sample_layout().parent))


def test_a_head_longer_than_any_column_flows_on_instead_of_moving(monkeypatch):
    """bench/fuzz.py seed 953: a 200,000-character subhead was kept together — moved to the next
    column and set again, column after column. Over flow.MAX_KEEP_CHARS a block flows on from
    where it starts, as body text does (the control: kept together, it is not set there)."""
    import banmian.core.typeset.flow as L     # (the block rules read the bound)
    from banmian.core.typeset.layout import layout_document
    d = sample()
    story = next(s for s in d["stories"] if s["id"] == "a1")
    lead = next(b for b in story["blocks"] if b.get("role") == "lead")
    sub = next(b for b in story["blocks"] if b.get("role") == "subhead")
    sub["text"] = "长标题开始" + "正文字" * 2000                      # 6,005 characters

    def where(max_keep):
        """(frame, column, baseline) of the head's first line and of the lead's last line."""
        monkeypatch.setattr(L, "MAX_KEEP_CHARS", max_keep)
        doc = loads(json.dumps(d, ensure_ascii=False), "case.json")
        res = layout_document(doc, None, base_dir=paths.sample_layout().parent)
        runs = [r for p in res.pages for r in p.items if type(r).__name__ == "GlyphRun" and r.story == "a1"]
        head = next((r for r in runs if r.text.startswith("长标题")), None)
        end = next(r for r in runs if r.text.endswith(lead["text"][-3:]))
        return (head.frame, head.column, head.y) if head else None, (end.frame, end.column, end.y)
    head, lead_end = where(L.MAX_KEEP_CHARS)
    assert head is not None and head[:2] == lead_end[:2] and head[2] > lead_end[2], (head, lead_end)
    kept, lead_end = where(10 ** 9)                     # kept together: not set right after the lead
    assert kept is None or kept[:2] != lead_end[:2], (kept, lead_end)


def test_a_paragraph_longer_than_any_in_a_newspaper_is_broken_first_fit(monkeypatch):
    """bench/fuzz.py seed 4589: a 200,000-character kicker of 全角 spaces took 21 s in the line
    breaker (a ragged head tries every break of every line start). Over compose.GREEDY_ITEMS a
    paragraph is broken first-fit, each item looked at about once, with the same legality: the
    search is not entered, and every line fits its measure and breaks where breaking is allowed."""
    import banmian.core.typeset.compose as CP
    from banmian.core.typeset.checks import run_checks
    from banmian.core.typeset.layout import layout_document
    monkeypatch.setattr(CP, "GREEDY_ITEMS", 500)

    search = CP._break_lines
    long_searched = []

    def spy(p, *a, **k):
        if len(p.items) > CP.GREEDY_ITEMS:
            long_searched.append(len(p.items))
        return search(p, *a, **k)
    monkeypatch.setattr(CP, "_break_lines", spy)
    d = sample()
    story = next(s for s in d["stories"] if s["id"] == "a1")
    body = next(b for b in story["blocks"] if b.get("role") == "paragraph")
    body["text"] = ("“第一条，”他说：“先读书，再做事。”" + "工会服务职工，职工信赖工会。" * 3) * 40
    doc = loads(json.dumps(d, ensure_ascii=False), "case.json")
    res = layout_document(doc, None, base_dir=paths.sample_layout().parent)
    lines = [ln for p in res.pages for ln in p.lines if ln.story == "a1" and ln.role == "paragraph"]
    assert len(lines) > 50
    assert long_searched == [], "the search ran on a paragraph over GREEDY_ITEMS"
    assert all(ln.set_x1 <= ln.x1 + 0.01 for ln in lines)
    rep = run_checks(doc, res)
    frames = {ln.frame for ln in lines}
    bad = [p for p in rep.problems if p.check in ("prohibitions", "overflow", "split_units", "overlaps")
           and p.frame in frames]
    assert bad == [], [str(x) for x in bad[:5]]


def test_a_200k_character_head_of_spaces_is_laid_out_within_the_fuzz_limit(tmp_path):
    """The same reproducer, whole: within bench/fuzz.py's 20 s hang limit (it takes ~2 s)."""
    import subprocess
    import sys
    code = ("import json,sys; from banmian.core.io import loads; from banmian.core import paths;"
            "from banmian.core.typeset.layout import layout_document;"
            "d=json.load(open(sys.argv[1],encoding='utf-8'));"
            "s=next(s for s in d['stories'] if s['id']=='a1'); s['blocks'][0]['text']='\\u3000'*200000;"
            "doc=loads(json.dumps(d,ensure_ascii=False),'case.json');"
            "layout_document(doc,None,base_dir=paths.sample_layout().parent); print('ok')")
    out = subprocess.run([sys.executable, "-c", code, str(paths.sample_layout())], capture_output=True,
                         text=True, timeout=20)
    assert out.stdout.strip() == "ok", out.stderr[-500:]
