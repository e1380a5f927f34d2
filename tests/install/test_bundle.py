"""The PyInstaller one-folder bundle builds, exports the sample and starts the editor (2–3 min)."""
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.bundle, pytest.mark.timeout(1500)]


def _load(name):
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_bundle_builds_and_runs(tmp_path):
    pytest.importorskip("PyInstaller", reason="pip install '.[bundle]'")
    p = subprocess.run([sys.executable, str(ROOT / "tools" / "build_bundle.py"), "--out", str(tmp_path / "dist"),
                        "--work", str(tmp_path / "work"), "--check"], capture_output=True, text=True, timeout=1400)
    print(p.stdout[-4000:], p.stderr[-4000:])
    assert p.returncode == 0
    for step in ("ok  banmian export --sample", "ok  banmian preflight --sample", "ready "):
        assert step in p.stdout, step
    folder = tmp_path / "dist" / "banmian"
    # the bundle's own data, found through importlib.resources inside it
    assert (folder / "_internal" / "banmian" / "fonts" / "BanmianSong-Regular.ttf").is_file()
    # its PDF = the editable install's (same glyphs at the same places)
    exe = folder / ("banmian.exe" if os.name == "nt" else "banmian")
    env = dict(os.environ, BANMIAN_HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    subprocess.run([str(exe), "export", "--sample", "-o", "x.pdf"], cwd=tmp_path / "a", env=env, check=True,
                   capture_output=True, timeout=300)
    subprocess.run([sys.executable, "-m", "banmian", "export", "--sample", "-o", "x.pdf"], cwd=tmp_path / "b",
                   env=env, check=True, capture_output=True, timeout=300)
    assert _load("check_wheel").compare_pdfs(tmp_path / "a" / "x.pdf", tmp_path / "b" / "x.pdf") == []
