"""Hostile image links (issue 8): non-regular files, truncated and huge images, every
Pillow mode, links that leave the layout's folder — an error in preflight and in the
export, never a hang, a white patch or a silently embedded outside file."""
from __future__ import annotations

import io
import json
import os

import numpy as np
import pytest
from PIL import Image

from banmian.cli import main
from banmian.core import imagefile, paths
from banmian.core.io import save_document
from banmian.core.preflight import preflight
from banmian.core.typeset.layout import layout_document

from .conftest import make_document, make_photo

pytestmark = pytest.mark.pdf


def codes(findings, frame="img"):
    return {f.code for f in findings if f.frame == frame}


def check(tmp_path, photo_name):
    doc = make_document(photo_name)
    result = layout_document(doc, None, base_dir=tmp_path)
    return doc, result, preflight(doc, result, base_dir=tmp_path)


@pytest.mark.timeout(30)
def test_a_fifo_as_image_is_refused_without_opening(tmp_path):
    os.mkfifo(tmp_path / "photo.png")          # opening it would block forever
    doc, result, found = check(tmp_path, "photo.png")
    assert "image_unreadable" in codes(found)
    msg = next(f.message for f in found if f.code == "image_unreadable")
    assert "not a regular file" in msg and "photo.png" in msg
    pl = next(i for i in result.pages[0].items if type(i).__name__ == "ImagePlacement")
    assert pl.missing


@pytest.mark.timeout(30)
def test_dev_stdin_and_a_folder_as_image(tmp_path):
    (tmp_path / "dir.png").mkdir()
    _, _, found = check(tmp_path, "dir.png")
    assert "image_unreadable" in codes(found)
    os.symlink("/dev/stdin", tmp_path / "stdin.png")
    doc = make_document("stdin.png")
    doc.meta["link_folders"] = "/dev\n/proc"    # allowed, so only the file-type check can refuse it
    result = layout_document(doc, None, base_dir=tmp_path)
    found = preflight(doc, result, base_dir=tmp_path)
    assert "image_unreadable" in codes(found), [f.line() for f in found]


def _truncated_jpeg(path):
    buf = io.BytesIO()
    make_photo(tmp := path.with_suffix(".src.png"))
    Image.open(tmp).save(buf, "JPEG", quality=90)
    tmp.unlink()
    path.write_bytes(buf.getvalue()[: len(buf.getvalue()) // 2])


def test_truncated_jpeg_is_a_preflight_error_and_the_export_fails_loudly(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("BANMIAN_HOME", str(tmp_path / "home"))
    _truncated_jpeg(tmp_path / "photo.jpg")
    _, _, found = check(tmp_path, "photo.jpg")
    bad = [f for f in found if f.code == "image_unreadable"]
    assert bad and "truncated" in bad[0].message, [f.line() for f in found]
    layout = tmp_path / "page.json"
    save_document(make_document("photo.jpg"), layout)
    out = tmp_path / "out.pdf"
    assert main(["export", str(layout), "-o", str(out)]) == 2          # preflight refuses
    assert "image_unreadable" in capsys.readouterr().err
    assert main(["export", str(layout), "-o", str(out), "--force"]) == 4
    err = capsys.readouterr().err
    assert "error image_unreadable frame img" in err and "could not be converted" in err


def test_huge_pixel_count_is_refused_by_our_budget(tmp_path):
    Image.new("1", (13_000, 13_000)).save(tmp_path / "bomb.png")       # 169 Mpx, a tiny file
    _, result, found = check(tmp_path, "bomb.png")
    bad = [f for f in found if f.code == "image_unreadable"]
    assert bad and "169 Mpx" in bad[0].message and "bomb.png" in bad[0].message


def _k_of(tmp_path, im: Image.Image, name="photo.png") -> float:
    """Mean K (0–1) of the converted pixels for this image in the test page."""
    from banmian.render.pdf.images import _Images
    im.save(tmp_path / name)
    doc = make_document(name)
    result = layout_document(doc, None, base_dir=tmp_path)
    pl = next(i for i in result.pages[0].items if type(i).__name__ == "ImagePlacement")
    assert not pl.missing
    old = os.environ.get("BANMIAN_HOME")
    os.environ["BANMIAN_HOME"] = str(tmp_path / "home")      # the image cache goes there
    try:
        imgs = _Images(paths.default_profile(), 240)
        data, w, h, filt, _ = imgs.prepare(pl)
    finally:
        if old is None:
            os.environ.pop("BANMIAN_HOME", None)
        else:
            os.environ["BANMIAN_HOME"] = old
    if filt == "DCTDecode":
        arr = np.asarray(Image.open(io.BytesIO(data)).convert("CMYK"))
    else:
        import zlib
        arr = np.frombuffer(zlib.decompress(data), np.uint8).reshape(h, w, 4)
    return float(arr[..., 3].mean()) / 255.0


def test_16_bit_mid_grey_png_exports_as_mid_ink(tmp_path):
    grey16 = Image.frombytes("I;16", (300, 200), np.full((200, 300), 32768, "<u2").tobytes())
    grey16.save(tmp_path / "g.png")
    assert Image.open(tmp_path / "g.png").mode in ("I;16", "I")      # really a 16-bit file
    k = _k_of(tmp_path, Image.open(tmp_path / "g.png"), "grey16.png")
    assert 0.4 < k < 0.6, k


@pytest.mark.parametrize("mode", ["I", "F", "1", "LA", "PA-transparent", "CMYK", "I;16B"])
def test_other_modes_convert_to_the_right_grey(mode):
    w, h = 40, 30
    if mode == "I":
        im = Image.fromarray(np.full((h, w), 32768, np.int32), "I")
        want = 128
    elif mode == "I;16B":
        im = Image.frombytes("I;16B", (w, h), np.full((h, w), 16384, ">u2").tobytes())
        want = 64
    elif mode == "F":
        im = Image.fromarray(np.full((h, w), 0.25, np.float32), "F")
        want = 64
    elif mode == "1":
        im = Image.new("1", (w, h), 1)
        want = 255
    elif mode == "LA":
        im = Image.new("LA", (w, h), (100, 255))
        want = 100
    elif mode == "PA-transparent":
        im = Image.new("P", (w, h), 0)
        im.putpalette([10, 10, 10] + [200, 200, 200] * 255)
        im.info["transparency"] = 0
        std = imagefile.to_standard_mode(im)
        assert std.mode == "RGBA" and std.getpixel((0, 0))[3] == 0   # transparent, not black
        return
    else:
        im = Image.new("CMYK", (w, h), (0, 0, 0, 128))
        assert imagefile.to_standard_mode(im) is im
        return
    std = imagefile.to_standard_mode(im)
    assert std.mode in ("L", "LA")
    v = np.asarray(std.convert("L") if std.mode == "LA" else std).astype(float)
    assert abs(v.mean() - want) <= 1.5, (mode, v.mean(), want)


# ------------------------------------------------------------------ links outside the folder

def _outside_setup(tmp_path):
    layout_dir = tmp_path / "page"
    layout_dir.mkdir()
    other = tmp_path / "other"
    other.mkdir()
    make_photo(other / "secret.png")
    make_photo(layout_dir / "ok.png")
    os.symlink(other / "secret.png", layout_dir / "link.png")
    (layout_dir / "sub").mkdir()
    os.symlink(other, layout_dir / "sub" / "dirlink")
    return layout_dir, other


@pytest.mark.parametrize("link", ["ABS", "../other/secret.png", "link.png", "sub/dirlink/secret.png"])
def test_links_leaving_the_folder_are_refused(tmp_path, link):
    layout_dir, other = _outside_setup(tmp_path)
    link = str(other / "secret.png") if link == "ABS" else link
    doc = make_document(link)
    result = layout_document(doc, None, base_dir=layout_dir)
    pl = next(i for i in result.pages[0].items if type(i).__name__ == "ImagePlacement")
    assert pl.missing                                  # nothing of it reaches a painter
    found = preflight(doc, result, base_dir=layout_dir)
    out = [f for f in found if f.code == "image_outside"]
    assert out and out[0].severity == "error" and link in out[0].message


def test_a_named_link_folder_allows_them_and_preflight_lists_each(tmp_path):
    layout_dir, other = _outside_setup(tmp_path)
    doc = make_document("../other/secret.png")
    doc.meta["link_folders"] = "../other"
    result = layout_document(doc, None, base_dir=layout_dir)
    pl = next(i for i in result.pages[0].items if type(i).__name__ == "ImagePlacement")
    assert not pl.missing and pl.path == str((other / "secret.png").resolve())
    found = preflight(doc, result, base_dir=layout_dir)
    assert "image_outside" not in codes(found)
    listed = [f for f in found if f.code == "image_link_folder"]
    assert len(listed) == 1 and listed[0].severity == "info" and "secret.png" in listed[0].message
    # the file format keeps link_folders as a list
    save_document(doc, layout_dir / "p.json")
    data = json.loads((layout_dir / "p.json").read_text("utf-8"))
    assert data["meta"]["link_folders"] == ["../other"]


def test_inside_links_and_the_bundled_sample_stay_quiet(tmp_path):
    layout_dir, _ = _outside_setup(tmp_path)
    _, _, found = check(layout_dir, "ok.png")
    assert not codes(found) & {"image_outside", "image_link_folder", "image_unreadable"}
    from banmian.core.io import load_document
    doc = load_document(paths.sample_layout())
    base = paths.sample_layout().parent
    result = layout_document(doc, None, base_dir=base)
    found = preflight(doc, result, base_dir=base)
    assert not {f.code for f in found} & {"image_outside", "image_missing", "image_unreadable"}
    photo = next(f for p in doc.pages for f in p.frames if f.kind == "image")
    assert photo.path == "images/hubble_deep_field.jpg" and (base / photo.path).is_file()
