"""The bundled fonts and the font registry (desktop/core/typeset/fonts.py)."""
from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from banmian.core import cache
from banmian.core.typeset import fonts as fontmod
from banmian.core.typeset.fonts import (
    FACE_FILES,
    FALLBACK,
    FONTS_DIR,
    FontFace,
    FontRegistry,
    default_registry,
)

pytestmark = pytest.mark.core

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def registry(tmp_path_factory) -> FontRegistry:
    return FontRegistry(cache_dir=tmp_path_factory.mktemp("fontcache"))


def test_fonts_dir_is_the_repo_fonts_folder():
    assert FONTS_DIR == ROOT / "fonts"
    for fn in FACE_FILES.values():
        assert (FONTS_DIR / fn).is_file(), fn


def test_every_face_loads(registry):
    assert registry.ids() == ("song", "hei", "hei-bold", "kai", "fallback")
    for fid in registry.ids():
        face = registry.face(fid)
        assert isinstance(face, FontFace)
        assert face.id == fid
        assert face.path == FONTS_DIR / FACE_FILES[fid]
        assert face.units_per_em > 0
        assert 0.5 < face.ascender < 1.5
        assert -0.6 < face.descender < 0
        assert face.embeddable
        assert len(face.cmap) > 20000
        assert len(face.advances) >= len(set(face.cmap.values()))
        assert registry.face(fid) is face  # loaded once


def test_em_box_is_the_faces_own_and_the_engines(registry, tmp_path):
    """FontFace.em_top/em_bottom are the face's OS/2 typo ascender/descender (read directly, by
    fontTools and from the metrics cache alike); the text faces' em box is the one the engine
    centres lines on (flow.ASCENT/DESCENT), which the grid maths of checks and the editor use."""
    from fontTools.ttLib import TTFont

    from banmian.core.typeset.flow import ASCENT, DESCENT
    from banmian.core.typeset.fonts import TEXT_FACES, read_metrics, read_metrics_direct
    for fid in registry.ids():
        face = registry.face(fid)
        with TTFont(str(face.path), lazy=True) as font:
            os2, upem = font["OS/2"], font["head"].unitsPerEm
        want = (os2.sTypoAscender / upem, os2.sTypoDescender / upem)
        assert (face.em_top, face.em_bottom) == want, fid
        cached = FontRegistry(cache_dir=registry.cache_dir).face(fid)       # from the cache record
        assert (cached.em_top, cached.em_bottom) == want
        if fid == "fallback":
            continue
        assert (read_metrics(face.path)["em_top"], read_metrics_direct(face.path)["em_bottom"]) == want
    for fid in TEXT_FACES:
        f = registry.face(fid)
        assert (f.em_top, f.em_bottom) == (ASCENT, -DESCENT), fid
    assert registry.face("fallback").em_top == 880 / 1024          # its own, not the convention


def test_faces_are_truetype_with_unique_ps_names(registry):
    from fontTools.ttLib import TTFont

    ps_names = set()
    for fid in registry.ids():
        face = registry.face(fid)
        with TTFont(str(face.path), lazy=True) as font:
            assert "glyf" in font and "loca" in font, fid
            assert "CFF " not in font and "CFF2" not in font, fid
            assert font["name"].getDebugName(6) == face.ps_name
        assert face.ps_name.startswith("Banmian"), face.ps_name
        ps_names.add(face.ps_name)
    assert len(ps_names) == len(registry.ids())
    assert registry.face("song").ps_name == "BanmianSong-Regular"
    assert registry.face("hei-bold").ps_name == "BanmianHei-Bold"


def test_unknown_id_is_a_clear_key_error(registry):
    with pytest.raises(KeyError, match="unknown font id 'ming'"):
        registry.face("ming")


def test_song_covers_rare_name_characters_and_the_basic_block(registry):
    song = registry.face("song")
    for ch in "镕喆堃":
        assert song.has(ch), ch
        assert song.glyph_id(ch) is not None
    lacking = [f"U+{cp:04X}" for cp in range(0x4E00, 0x9FA6, 97) if not song.has(chr(cp))]
    assert lacking == []
    assert not song.has("\U0010FFFD")
    assert song.glyph_id("\U0010FFFD") is None
    assert song.advance("\U0010FFFD") is None


def test_punctuation_is_present_in_every_face(registry):
    for fid in registry.ids():
        if fid == "fallback":
            continue   # the rare-character face (bopomofo, IDC, Ext B–F) has no punctuation of its own
        face = registry.face(fid)
        for ch in "，。、；：？！“”‘’《》（）—…·":
            assert face.has(ch), (fid, ch)


def test_advance_of_zhong_is_one_em(registry):
    assert registry.face("song").advance("中") == pytest.approx(1.0)
    assert registry.face("hei").advance("中") == pytest.approx(1.0)
    assert 0.2 < registry.face("song").advance("a") < 0.8


def test_resolve_and_fallback(registry):
    assert registry.resolve("kai", "中") == "kai"
    # A character the requested face lacks but another has falls back in FALLBACK order.
    kai, song = registry.face("kai"), registry.face("song")
    borrowed = next(
        (cp for cp in sorted(song.cmap) if cp not in kai.cmap and 0x4E00 <= cp <= 0x9FFF), None
    )
    if borrowed is None:
        borrowed = next(cp for cp in sorted(song.cmap) if cp not in kai.cmap)
    assert registry.resolve("kai", chr(borrowed)) == "song"
    assert registry.resolve("song", "\U0010FFFD") is None
    assert FALLBACK == ("song", "hei", "kai", "fallback")


def test_missing_reports_index_and_char(registry):
    text = "版面\n排版\ue000字\U0010FFFD\u200b\t"
    assert registry.missing(text) == [(5, "\ue000"), (7, "\U0010FFFD")]
    assert registry.missing("中国\n") == []


def test_cache_round_trips(tmp_path, monkeypatch):
    cold = FontRegistry(cache_dir=tmp_path)
    song = cold.face("song")
    cache_file = tmp_path / f"fontmetrics-{FACE_FILES['song']}.bin"
    assert cache_file.is_file()
    assert cache.read_record(cache_file, "fontmetrics")[0]["ps_name"] == "BanmianSong-Regular"

    # The second registry must read the cache record, not the font file.
    def no_reading(path):
        raise AssertionError(f"read {path} although the cache is fresh")

    monkeypatch.setattr(fontmod, "read_metrics", no_reading)
    monkeypatch.setattr(fontmod, "read_metrics_direct", no_reading)
    warm = FontRegistry(cache_dir=tmp_path).face("song")
    assert warm == song
    assert dict(warm.cmap) == dict(song.cmap)
    assert tuple(warm.advances) == tuple(song.advances)
    assert (warm.units_per_em, warm.ascender, warm.descender, warm.family) == (
        song.units_per_em, song.ascender, song.descender, song.family)


def test_unreadable_cache_falls_back_to_the_font(tmp_path):
    (tmp_path / f"fontmetrics-{FACE_FILES['kai']}.bin").write_bytes(b"not a cache record")
    kai = FontRegistry(cache_dir=tmp_path).face("kai")
    assert kai.advance("中") == pytest.approx(1.0)
    # and the broken cache was replaced by a good one
    rec = cache.read_record(tmp_path / f"fontmetrics-{FACE_FILES['kai']}.bin", "fontmetrics")
    assert rec[0]["ps_name"] == "BanmianKai-Regular"


def test_default_registry_is_shared():
    assert default_registry() is default_registry()
    assert default_registry().fonts_dir == FONTS_DIR


def test_fonts_module_imports_neither_qt_nor_reportlab():
    code = (
        "import sys; import banmian.core.typeset.fonts as f; "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'reportlab')]; "
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_build_script_imports_without_building():
    spec = importlib.util.spec_from_file_location("build_fonts", ROOT / "fonts" / "build_fonts.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert callable(mod.main)
    assert set(f["output"] for f in mod.FACES.values()) == set(FACE_FILES.values())
    assert (0x4E00, 0x9FFF) in mod.UNICODE_RANGES
