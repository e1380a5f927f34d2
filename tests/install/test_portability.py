"""Portable code: no POSIX-only calls without a fallback; saved files keep sane permissions."""
import os
import re
from pathlib import Path

import pytest

from banmian.cli import EXIT_OK, main
from banmian.core import paths
from banmian.core.io import atomic_write_bytes, load_document, save_document

ROOT = Path(__file__).resolve().parents[2]
posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are a POSIX matter")


@pytest.fixture
def umask022():
    old = os.umask(0o022)
    yield
    os.umask(old)


@posix_only
@pytest.mark.core
def test_a_new_save_is_readable_by_others(tmp_path, umask022):
    doc = load_document(paths.templates_dir() / "sikai.json")
    save_document(doc, tmp_path / "page.json")
    assert (tmp_path / "page.json").stat().st_mode & 0o777 == 0o644     # not mkstemp's 0600


@posix_only
@pytest.mark.core
def test_a_save_over_a_file_keeps_its_permissions(tmp_path, umask022):
    target = tmp_path / "page.json"
    target.write_text("{}", encoding="utf-8")
    target.chmod(0o640)
    atomic_write_bytes(target, b"{}\n")
    assert target.stat().st_mode & 0o777 == 0o640
    assert not list(tmp_path.glob(".page.json.*"))


@posix_only
@pytest.mark.pdf
def test_an_exported_pdf_is_readable_by_the_plate_room(tmp_path, monkeypatch, umask022):
    monkeypatch.setenv("BANMIAN_HOME", str(tmp_path / "home"))
    assert main(["export", "--sample", "-o", str(tmp_path / "x.pdf")]) == EXIT_OK
    assert (tmp_path / "x.pdf").stat().st_mode & 0o777 == 0o644


# calls that exist only on POSIX, or only make sense there: each use must be one of the
# places below, which have a fallback (or are freedesktop.org-only by design)
POSIX_ONLY = re.compile(r"\bos\.(fchmod|fchown|chown|fork|getuid|geteuid|setsid|killpg|sysconf|uname)\b"
                        r"|^\s*(import|from)\s+(signal|fcntl|termios|pwd|grp|resource)\b"
                        r"|\bos\.system\b|shell\s*=\s*True|\bsubprocess\b|[\"']/proc/|os\.O_RDONLY")
ALLOWED = {
    "gui/app.py": {"os.sysconf", "/proc/"},           # start time: /proc on Linux, else import time
    "core/io.py": {"os.O_RDONLY", "os.chown"},         # folder fsync: OSError on Windows, skipped; chown behind hasattr
    "integration.py": {"subprocess"},                  # update-*-database; refuses on Windows/macOS
    "gui/i18n/fill_ts.py": {"subprocess"},             # developer tool: lupdate/lrelease
    "render/softproof.py": {"subprocess"},             # Ghostscript by argv list (gswin64c on Windows); absent -> a message
    # export's forks (preflight beside the painting, a first export's photos, a second painter):
    # only behind hasattr(os, "fork") (cli._PreflightJob.start, render/pdf/export._can_fork),
    # else serial; signal only to end a child that was forked
    "cli.py": {"os.fork", "signal"},
    "render/pdf/images.py": {"os.fork", "signal"},
    "render/pdf/parallel.py": {"os.fork", "signal"},
}


@pytest.mark.core
def test_no_unguarded_posix_only_calls():
    found = []
    for p in sorted((ROOT / "desktop").rglob("*.py")):
        rel = p.relative_to(ROOT / "desktop").as_posix()
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            for m in POSIX_ONLY.finditer(code):
                hit = m.group(0).strip().strip("\"'")
                allowed = ALLOWED.get(rel, set())
                if not any(a in hit for a in allowed):
                    found.append(f"desktop/{rel}:{n}: {line.strip()}")
    assert found == []
