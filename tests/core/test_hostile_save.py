"""Saves keep the target's permissions, a new file takes the umask, a read-only target is
refused, and errors name the real file (issue 8)."""
import os

import pytest

from banmian.core.io import ReadOnlyTargetError, atomic_write_bytes, save_document
from banmian.core.model.document import Document, Page

pytestmark = pytest.mark.core


def doc():
    return Document(pages=[Page("p1")])


@pytest.mark.parametrize("mode", [0o644, 0o664, 0o600, 0o640])
def test_a_save_keeps_the_mode(tmp_path, mode):
    p = tmp_path / "page.json"
    save_document(doc(), p)
    os.chmod(p, mode)
    save_document(doc(), p)
    assert (p.stat().st_mode & 0o777) == mode


def test_a_new_file_takes_the_umask(tmp_path):
    old = os.umask(0o022)
    try:
        save_document(doc(), tmp_path / "a.json")
        os.umask(0o077)
        atomic_write_bytes(tmp_path / "b.pdf", b"%PDF-")
    finally:
        os.umask(old)
    assert ((tmp_path / "a.json").stat().st_mode & 0o777) == 0o644
    assert ((tmp_path / "b.pdf").stat().st_mode & 0o777) == 0o600


def test_a_read_only_target_is_refused(tmp_path):
    p = tmp_path / "page.json"
    p.write_text("old", "utf-8")
    os.chmod(p, 0o444)
    with pytest.raises(ReadOnlyTargetError) as e:
        save_document(doc(), p)
    assert e.value.filename == str(p) and "read-only" in str(e.value)
    assert p.read_text("utf-8") == "old"
    assert [x.name for x in tmp_path.iterdir()] == ["page.json"]


def test_a_vanished_folder_names_the_target_not_a_temp_file(tmp_path):
    p = tmp_path / "gone" / "page.json"
    with pytest.raises(FileNotFoundError) as e:
        save_document(doc(), p)
    assert e.value.filename == str(p)


def test_a_symlinked_layout_is_written_through(tmp_path):
    real = tmp_path / "real.json"
    save_document(doc(), real)
    os.chmod(real, 0o644)
    link = tmp_path / "link.json"
    os.symlink(real, link)
    save_document(doc(), link)
    assert link.is_symlink() and (real.stat().st_mode & 0o777) == 0o644


def test_a_pdf_export_keeps_0644(tmp_path):
    from banmian.core.io import atomic_target
    out = tmp_path / "out.pdf"
    out.write_bytes(b"old")
    os.chmod(out, 0o644)
    with atomic_target(out) as tmp:
        with open(tmp, "wb") as fh:
            fh.write(b"%PDF-new")
    assert (out.stat().st_mode & 0o777) == 0o644 and out.read_bytes() == b"%PDF-new"
