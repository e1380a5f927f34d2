"""Cache files cannot execute: records (JSON header + raw blobs) checked on read, never pickles."""
from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from banmian.core import cache
from banmian.core.typeset import fonts as fontmod
from banmian.core.typeset.fonts import FACE_FILES, FontRegistry, read_metrics, read_metrics_direct


class _Boom:
    """Unpickling this creates the marker folder: proof that a pickle was executed."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (os.mkdir, (self.marker,))


def _plant(path: Path, marker: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps({"key": None, "metrics": _Boom(marker), "state": _Boom(marker)}))


def test_record_round_trip_and_every_kind_of_damage_is_a_miss(tmp_path):
    f = tmp_path / "r.bin"
    assert cache.write_record(f, "demo", {"n": 3, "s": "版面"}, [cache.pack_array("I", [1, 2, 70000]), b"xyz"])
    header, (a, b) = cache.read_record(f, "demo")
    assert header == {"n": 3, "s": "版面"}
    assert list(cache.unpack_array("I", a, 3)) == [1, 2, 70000] and b == b"xyz"
    assert cache.unpack_array("I", a, 4) is None                 # wrong count: refused
    assert cache.read_record(f, "other") is None                 # another kind
    data = f.read_bytes()
    f.write_bytes(data[:-1])                                      # truncated
    assert cache.read_record(f, "demo") is None
    f.write_bytes(data[:-1] + b"q")                               # one byte changed: digest off
    assert cache.read_record(f, "demo") is None
    f.write_bytes(data + b"!")                                    # trailing junk
    assert cache.read_record(f, "demo") is None
    marker = tmp_path / "executed"
    _plant(f, marker)                                             # a pickle is just not a record
    assert cache.read_record(f, "demo") is None and not marker.exists()
    assert not hasattr(cache, "read_pickle") and not hasattr(cache, "write_pickle")
    assert cache.write_record(f, "demo", {"x": float("nan")}) is False   # no NaN in headers


@pytest.mark.parametrize("font_id", list(FACE_FILES))
def test_direct_metrics_equal_fonttools(font_id):
    path = fontmod.FONTS_DIR / FACE_FILES[font_id]
    if not path.is_file():
        pytest.fail(f"bundled font {path} missing")
    assert read_metrics_direct(path) == read_metrics(path)


def test_direct_metrics_read_a_format_12_cmap(tmp_path):
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    names = [".notdef", "a", "zhong", "ext"]
    fb = FontBuilder(2048, isTTF=True)
    fb.setupGlyphOrder(names)
    fb.setupCharacterMap({0x61: "a", 0x4E2D: "zhong", 0x20000: "ext"})   # > U+FFFF: format 12 too
    pen = TTGlyphPen(None)
    fb.setupGlyf({n: pen.glyph() for n in names})
    fb.setupHorizontalMetrics({".notdef": (1024, 0), "a": (1100, 0), "zhong": (2048, 0), "ext": (1900, 0)})
    fb.setupHorizontalHeader(ascent=1800, descent=-248)
    fb.setupNameTable({"familyName": "Test Face", "styleName": "Regular", "psName": "TestFace-Regular"})
    fb.setupOS2()
    fb.setupPost()
    path = tmp_path / "t.ttf"
    fb.save(str(path))
    direct = read_metrics_direct(path)
    assert direct == read_metrics(path)
    assert direct["cmap"][0x20000] == 3 and direct["advances"][3] == 1900 / 2048


def test_metrics_cache_is_a_checked_record(tmp_path, monkeypatch):
    reg = FontRegistry(cache_dir=tmp_path)
    song = reg.face("song")
    f = tmp_path / f"fontmetrics-{FACE_FILES['song']}.bin"
    header, blobs = cache.read_record(f, "fontmetrics")
    assert header["n_glyphs"] == len(song.advances) and header["n_cmap"] == len(song.cmap)
    # the advances are kept as the em fractions themselves (float64: read back with one C loop,
    # no division per glyph), exactly the values read from the font
    assert tuple(cache.unpack_array("d", blobs[2], header["n_glyphs"])) == song.advances
    assert song.advances == read_metrics_direct(fontmod.FONTS_DIR / FACE_FILES["song"])["advances"]
    reads = []
    real = fontmod.read_metrics_direct
    monkeypatch.setattr(fontmod, "read_metrics_direct", lambda p, **kw: reads.append(p) or real(p, **kw))
    # a fresh record is used as it is
    assert FontRegistry(cache_dir=tmp_path).face("song") == song and reads == []
    # a glyph id past the glyph count (a consistent but wrong record): refused and rebuilt
    bad = cache.pack_array("I", [len(song.advances) + 5] * header["n_cmap"])
    cache.write_record(f, "fontmetrics", header, [blobs[0], bad, *blobs[2:]])
    again = FontRegistry(cache_dir=tmp_path).face("song")
    assert len(reads) == 1 and again.cmap == song.cmap and again.advances == song.advances
    # a record of another font file (size/mtime in the key) is not used either
    header2 = dict(header, key=[header["key"][0], header["key"][1], 1, 1])
    cache.write_record(f, "fontmetrics", header2, blobs)
    assert FontRegistry(cache_dir=tmp_path).face("song") == song and len(reads) == 2


def test_planted_pickles_are_never_executed(tmp_path, monkeypatch):
    """Pickles under the old and the new cache names: nothing runs, the results are right."""
    from banmian.render.pdf import export_pdf
    from banmian.core.typeset.layout import layout_document
    from tests.pdf.conftest import make_document, make_photo

    monkeypatch.setenv("BANMIAN_HOME", str(tmp_path / "home"))
    cdir = cache.cache_dir()
    assert cdir.is_relative_to(tmp_path)
    marker = tmp_path / "executed"
    for fn in FACE_FILES.values():
        for name in (f"fontmetrics-{fn}.pickle", f"fontmetrics-{fn}.bin", f"rlface-{fn}.pickle"):
            _plant(cdir / name, marker)
    work = tmp_path / "work"
    work.mkdir()
    make_photo(work / "photo.png")
    doc = make_document()
    reference = FontRegistry(cache_dir=tmp_path / "clean")
    reg = FontRegistry(cache_dir=cdir)
    for fid in FACE_FILES:
        assert reg.face(fid) == reference.face(fid)
    result = layout_document(doc, fonts=reg, base_dir=work)
    first = export_pdf(doc, result, work / "a.pdf", base_dir=work, fonts=reg)
    assert first.images and not any(i.get("cached") for i in first.images)
    converted = sorted((cdir / "images").glob("*.bin"))
    assert converted
    good = [p.read_bytes() for p in converted]
    for p in converted:                            # the converted photo replaced by a pickle
        _plant(p, marker)
        _plant(p.with_suffix(".pickle"), marker)
    second = export_pdf(doc, result, work / "b.pdf", base_dir=work, fonts=reg)
    assert not marker.exists()
    assert not any(i.get("cached") for i in second.images)         # a miss: converted again …
    assert [p.read_bytes()[:200] for p in converted] == [g[:200] for g in good]   # … and stored as a record
    third = export_pdf(doc, result, work / "c.pdf", base_dir=work, fonts=reg)
    assert all(i.get("cached") for i in third.images)
    assert [(i["px"], i["bytes"], i["encoding"]) for i in third.images] == \
        [(i["px"], i["bytes"], i["encoding"]) for i in first.images]
    assert not marker.exists()


def test_compressed_profile_cache_is_checked_whole(tmp_path, monkeypatch):
    import hashlib
    import zlib
    from banmian.render.pdf import pdfx
    monkeypatch.setenv("BANMIAN_HOME", str(tmp_path / "home"))
    icc = bytes(range(256)) * 64
    f = cache.cache_dir() / f"icc-{hashlib.sha1(icc).hexdigest()}.zlib"
    forged = icc[:4096] + b"something else entirely" * 100   # right start, wrong rest
    cache.write_bytes(f, zlib.compress(forged))
    assert zlib.decompress(pdfx._compressed_icc(tmp_path / "p.icc", icc)) == icc
    assert zlib.decompress(f.read_bytes()) == icc                # and the cache was put right
    # a first export compresses in the background; the result is the same bytes
    icc2 = icc[::-1]
    p = tmp_path / "p2.icc"
    p.write_bytes(icc2)
    pdfx.prefetch_icc(p)
    assert zlib.decompress(pdfx._compressed_icc(p, icc2)) == icc2


def _vert_font(tmp_path, fea: str):
    from fontTools.feaLib.builder import addOpenTypeFeaturesFromString
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    names = [".notdef", "comma", "comma.vert", "paren", "paren.vert", "dash", "dash.vert", "dash.alt"]
    fb = FontBuilder(1000, isTTF=True)
    fb.setupGlyphOrder(names)
    fb.setupCharacterMap({0x3001: "comma", 0xFF08: "paren", 0x2014: "dash"})
    pen = TTGlyphPen(None)
    fb.setupGlyf({n: pen.glyph() for n in names})
    fb.setupHorizontalMetrics({n: (1000, 0) for n in names})
    fb.setupHorizontalHeader(ascent=880, descent=-120)
    fb.setupNameTable({"familyName": "Vert Face", "styleName": "Regular", "psName": "VertFace-Regular"})
    fb.setupOS2()
    fb.setupPost(keepGlyphNames=False)
    addOpenTypeFeaturesFromString(fb.font, fea)
    path = tmp_path / "v.ttf"
    fb.save(str(path))
    return path


@pytest.mark.parametrize("fea", [
    # a language system of its own first, an extension lookup, a later lookup that must not win
    """languagesystem DFLT dflt; languagesystem hani dflt; languagesystem hani ZHS;
    lookup ext useExtension { sub comma by comma.vert; sub [paren dash] by [paren.vert dash.vert]; } ext;
    lookup late { sub dash by dash.alt; } late;
    feature vert { script hani; language ZHS; lookup ext; lookup late; } vert;""",
    # only the default language system names it; a substitution with a class (coverage format 2)
    """languagesystem DFLT dflt;
    feature vert { sub [comma paren] by [comma.vert paren.vert]; } vert;""",
])
def test_direct_vert_equals_fonttools_without_fonttools(tmp_path, monkeypatch, fea):
    """The `vert` map is read from GSUB's bytes: the same as fontTools' read_vert, with
    fontTools' reader unused (switched off here); the bundled faces too."""
    path = _vert_font(tmp_path, fea)
    want = read_metrics(path)["vert"]
    assert want and want[1] == 2
    monkeypatch.setattr(fontmod, "_vert_of", lambda p: pytest.fail("fontTools read GSUB"))
    got = read_metrics_direct(path)["vert"]
    assert list(got.items()) == list(want.items())
    song = fontmod.FONTS_DIR / FACE_FILES["song"]
    assert read_metrics_direct(song)["vert"] == fontmod.read_vert(__import__("fontTools.ttLib").ttLib.TTFont(str(song), lazy=True))


def test_an_images_pixel_size_is_kept_and_checked(tmp_path, monkeypatch):
    # a layout needs a photo's pixel size only: read once, then kept per file in the cache
    # folder (a warm export no longer imports Pillow and opens the photo to lay the page out)
    from PIL import Image
    from banmian.core import imagefile
    monkeypatch.setattr(cache, "cache_dir", lambda: tmp_path / "cache")
    img = tmp_path / "p.png"
    Image.new("RGB", (40, 30)).save(img)
    reads = []
    real = imagefile.header
    monkeypatch.setattr(imagefile, "header", lambda p, **kw: reads.append(p) or real(p, **kw))
    st = imagefile.check_regular(img)
    assert imagefile.cached_size(img, st) == (40, 30) and len(reads) == 1
    assert imagefile.cached_size(img, st) == (40, 30) and len(reads) == 1      # kept
    # the file changed (size, mtime): read again
    Image.new("RGB", (50, 20)).save(img)
    st2 = imagefile.check_regular(img)
    assert imagefile.cached_size(img, st2) == (50, 20) and len(reads) == 2
    # a record that is not this file's, or not sane, is not used
    for rec in (tmp_path / "cache" / "image-headers").glob("*.rec"):
        head, _ = cache.read_record(rec, "image-header")
        cache.write_record(rec, "image-header", dict(head, w=-5))
    assert imagefile.cached_size(img, st2) == (50, 20) and len(reads) == 3
    # the pixel budget holds for a kept size as for a read one
    with pytest.raises(imagefile.ImageFileError):
        imagefile.cached_size(img, st2, max_pixels=100)
