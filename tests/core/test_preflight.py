"""Preflight: every finding kind, each triggered by a crafted document and display list.

The display lists here are built by hand (no layout engine needed): preflight
only reads what layout reports (overset, missing glyphs, image placements).
"""
from __future__ import annotations

import json
import pytest

from banmian.core.model.document import (
    Block, BoxFrame, Document, ImageFrame, Page, ParagraphStyle, RuleFrame, Run, Story, Swatch,
    TextFrame,
)
from banmian.core.preflight import Finding, exit_code, has_errors, preflight
from banmian.core.typeset.fonts import default_registry
from banmian.core.typeset.result import (
    FrameLines, GlyphRun, ImagePlacement, LayoutResult, Overset, PageResult,
)

pytestmark = pytest.mark.core


class _Face:
    def __init__(self, fid, embeddable=True):
        self.id, self.embeddable = fid, embeddable
        self.family, self.ps_name = f"Test {fid}", f"Test-{fid}"


class _Fonts:
    """A registry stand-in: every face embeddable unless named in ``locked``."""

    def __init__(self, locked=()):
        self.locked = set(locked)

    def face(self, fid):
        return _Face(fid, fid not in self.locked)


def base_doc() -> Document:
    doc = Document()
    doc.swatches = [Swatch("Black", k=100)]
    doc.paragraph_styles = [ParagraphStyle("body", font="song")]
    doc.stories = [Story("s1", "正文", [Block("paragraph", "body", [Run("一二三四五六七八九十")])])]
    page = Page("p1", width=100, height=100, bleed=3)
    page.frames = [TextFrame("t1", 10, 10, 80, 80, story="s1")]
    doc.pages = [page]
    return doc


def result_for(doc, items=(), **kw) -> LayoutResult:
    pages = tuple(PageResult(p.id, i, p.width * 72 / 25.4, p.height * 72 / 25.4, 8.5, tuple(items),
                             (FrameLines("t1", "s1", ((0, 0, 10, 10),), 0, 10),),
                             faces=default_registry().face_table(items))
                  for i, p in enumerate(doc.pages))
    return LayoutResult(pages, **kw)


def codes(findings) -> set[str]:
    return {f.code for f in findings}


def run_(doc, result, **kw):
    kw.setdefault("fonts", _Fonts())
    return preflight(doc, result, **kw)


def test_clean_document_has_no_findings(tmp_path):
    doc = base_doc()
    f = run_(doc, result_for(doc), base_dir=tmp_path)
    assert f == [] and exit_code(f) == 0


def test_overset_counts_characters():
    doc = base_doc()
    f = run_(doc, result_for(doc, overset=(Overset("s1", "t1", 123, 40),)))
    (o,) = [x for x in f if x.code == "overset"]
    assert o.severity == "error" and "正文溢出 123 字" in o.message
    assert (o.page, o.frame, o.story, o.char) == (1, "t1", "s1", 40)
    assert o.fix and has_errors(f) and exit_code(f) == 2


def test_missing_glyphs_grouped_per_character():
    doc = base_doc()
    f = run_(doc, result_for(doc, missing_glyphs=(("s1", 3, "\U0002A6A5"), ("s1", 7, "\U0002A6A5"))))
    (m,) = [x for x in f if x.code == "missing_glyph"]
    assert m.severity == "error" and "U+2A6A5" in m.message and "2 处" in m.message
    assert (m.story, m.char, m.frame, m.page) == ("s1", 3, "t1", 1)


def _image_doc(path="photo.png"):
    doc = base_doc()
    doc.pages[0].frames.append(ImageFrame("i1", 10, 10, 50, 40, path=path))
    return doc


def _placement(tmp_path, ppi, name="photo.png", missing=False):
    return ImagePlacement("i1", str(tmp_path / name), (28, 28, 141, 113), 28, 28, 141, 113,
                          0 if missing else 400, 0 if missing else 300, ppi, missing)


def test_missing_and_unreadable_images(tmp_path):
    doc = _image_doc()
    f = run_(doc, result_for(doc, [_placement(tmp_path, 0, missing=True)]), base_dir=tmp_path)
    assert [x.code for x in f] == ["image_missing"] and f[0].frame == "i1" and f[0].severity == "error"
    (tmp_path / "photo.png").write_bytes(b"this is not a picture")
    f = run_(doc, result_for(doc, [_placement(tmp_path, 0, missing=True)]), base_dir=tmp_path)
    assert [x.code for x in f] == ["image_unreadable"]


@pytest.mark.parametrize("ppi,code,severity", [(100, "image_ppi_low", "error"), (150, "image_ppi", "warning"),
                                               (250, None, None)])
def test_effective_ppi(tmp_path, ppi, code, severity):
    from PIL import Image
    Image.new("L", (400, 300), 128).save(tmp_path / "photo.png")      # grey: no RGB info
    doc = _image_doc()
    f = run_(doc, result_for(doc, [_placement(tmp_path, ppi)]), base_dir=tmp_path)
    if code is None:
        assert f == []
    else:
        assert [(x.code, x.severity) for x in f] == [(code, severity)]
        assert str(ppi) in f[0].message


def test_rgb_image_is_info(tmp_path):
    from PIL import Image
    Image.new("RGB", (400, 300), (200, 10, 10)).save(tmp_path / "photo.png")
    doc = _image_doc()
    f = run_(doc, result_for(doc, [_placement(tmp_path, 300)]), base_dir=tmp_path)
    assert [(x.code, x.severity) for x in f] == [("image_rgb", "info")]
    assert exit_code(f) == 0


def test_ink_over_limit_only_for_used_swatches():
    doc = base_doc()
    doc.swatches += [Swatch("Rich", c=60, m=50, y=50, k=100), Swatch("Unused", c=100, m=100, y=100, k=100)]
    doc.pages[0].frames.append(BoxFrame("b1", 10, 10, 20, 20, stroke=None, fill="Rich"))
    f = run_(doc, result_for(doc))
    (i,) = [x for x in f if x.code == "ink_limit"]
    assert i.severity == "error" and "Rich" in i.message and "260%" in i.message and i.frame == "b1"
    assert not any("Unused" in x.message for x in f)
    assert run_(doc, result_for(doc), ink_limit=300) == []
    # a tint brings the box under the limit
    doc.pages[0].frames[-1] = BoxFrame("b1", 10, 10, 20, 20, stroke=None, fill="Rich", tint=80)
    assert "ink_limit" not in codes(run_(doc, result_for(doc)))


def test_ink_limit_through_paragraph_style():
    doc = base_doc()
    doc.swatches.append(Swatch("Reg", c=100, m=100, y=100, k=100))
    doc.paragraph_styles[0].color = "Reg"
    assert "ink_limit" in codes(run_(doc, result_for(doc)))


@pytest.mark.parametrize("frame,flagged", [
    (BoxFrame("b", -1, 10, 20, 20), True),          # over the left trim, 2 mm short of the bleed
    (BoxFrame("b", -3, 10, 20, 20), False),         # reaches the bleed
    (BoxFrame("b", 5, 10, 20, 20), False),          # inside the trim
    (BoxFrame("b", 90, 95, 11, 6), True),           # right and bottom
    (ImageFrame("b", 50, -2, 20, 20), True),        # top
    (RuleFrame("b", 10, 99, 0, 2), True),           # a vertical rule across the foot
])
def test_objects_crossing_the_trim_without_bleed(frame, flagged):
    doc = base_doc()
    doc.pages[0].frames.append(frame)
    f = [x for x in run_(doc, result_for(doc)) if x.code == "trim_no_bleed"]
    assert bool(f) == flagged
    if f:
        assert f[0].frame == "b" and f[0].severity == "warning" and "出血" in f[0].message


def test_empty_text_frames():
    doc = base_doc()
    doc.pages[0].frames += [TextFrame("lonely", 10, 10, 10, 10),
                            TextFrame("t2", 30, 30, 10, 10)]
    doc.pages[0].frames[0].next = "t2"           # t2 is in the thread: not empty
    f = [x for x in run_(doc, result_for(doc)) if x.code == "empty_text_frame"]
    assert [x.frame for x in f] == ["lonely"]
    assert exit_code(run_(doc, result_for(doc))) == 1


def test_font_not_embeddable():
    doc = base_doc()
    run_glyphs = GlyphRun("song", 9, (0, 0, 0, 1), 20, (10.0,), (5,), "一", (9.0,), "s1", 0, (0,), "t1", 0)
    f = run_(doc, result_for(doc, [run_glyphs]), fonts=_Fonts(locked={"song"}))
    (x,) = [x for x in f if x.code == "font_not_embeddable"]
    assert x.severity == "error" and x.frame == "t1" and x.page == 1


def test_findings_are_json_and_sorted(tmp_path):
    doc = base_doc()
    doc.pages[0].frames.append(TextFrame("lonely", 10, 10, 10, 10))
    f = run_(doc, result_for(doc, overset=(Overset("s1", "t1", 5, 0),)))
    assert [x.severity for x in f] == ["error", "warning"]
    data = json.loads(json.dumps([x.to_dict() for x in f], ensure_ascii=False))
    assert set(data[0]) == {"severity", "code", "message", "page", "frame", "story", "char", "fix", "value",
                            "folio"}
    assert Finding(**data[0]) == f[0]
    assert f[0].line().startswith("error overset 第 1 版 frame t1")


def test_real_registry_fonts_are_embeddable():
    from banmian.core.typeset.fonts import default_registry
    reg = default_registry()
    doc = base_doc()
    run_glyphs = GlyphRun("song", 9, (0, 0, 0, 1), 20, (10.0,), (5,), "一", (9.0,), "s1", 0, (0,), "t1", 0)
    f = preflight(doc, result_for(doc, [run_glyphs]), fonts=reg)
    assert "font_not_embeddable" not in codes(f)


def test_core_preflight_imports_no_qt_or_reportlab():
    import subprocess
    import sys
    code = ("import sys, banmian.core.preflight; "
            "bad=[m for m in sys.modules if m.split('.')[0] in ('PySide6','reportlab')]; "
            "sys.exit(1 if bad else 0)")
    from pathlib import Path
    root = Path(__file__).resolve().parents[2]
    assert subprocess.run([sys.executable, "-c", code], cwd=root).returncode == 0

