"""A real window on a real (virtual) X server: `banmian layouts/samples/zhuxi-luntan.json`
under Xvfb, screenshot of the root window saved to <tmp>/banmian-gui-artifacts/xvfb_main_window.png.

Skipped when Xvfb is not installed.  The app takes the picture itself
(BANMIAN_SCREENSHOT, QScreen.grabWindow on the root window) so neither
ImageMagick nor xwd is needed.
"""
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]
from helpers import artifacts_dir  # noqa: E402  (tests/gui/helpers.py)

ARTIFACTS = artifacts_dir()   # outside the repository
SAMPLE = ROOT / "layouts" / "samples" / "zhuxi-luntan.json"


def _free_display(start=99):
    for n in range(start, start + 50):
        if not Path(f"/tmp/.X{n}-lock").exists() and not Path(f"/tmp/.X11-unix/X{n}").exists():
            return n
    pytest.skip("no free X display number")


@pytest.fixture
def xvfb():
    exe = shutil.which("Xvfb")
    if exe is None:
        pytest.skip("Xvfb is not installed")
    n = _free_display()
    proc = subprocess.Popen([exe, f":{n}", "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        sock = Path(f"/tmp/.X11-unix/X{n}")
        deadline = time.monotonic() + 10
        while not sock.exists():
            if proc.poll() is not None or time.monotonic() > deadline:
                err = proc.stderr.read().decode(errors="replace") if proc.poll() is not None else ""
                pytest.skip(f"Xvfb :{n} did not start {err[-300:]}")
            time.sleep(0.05)
        yield f":{n}"
    finally:
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_real_window_screenshot_under_xvfb(xvfb, tmp_path):
    out = ARTIFACTS / "xvfb_main_window.png"
    if out.exists():
        out.unlink()
    exe = shutil.which("banmian")
    cmd = [exe] if exe else [sys.executable, "-m", "banmian.cli"]
    env = dict(os.environ, DISPLAY=xvfb, QT_QPA_PLATFORM="xcb", BANMIAN_EXIT_WHEN_READY="1",
               BANMIAN_SCREENSHOT=str(out), PYTHONPATH=str(ROOT),
               HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_RUNTIME_DIR=str(tmp_path))
    r = subprocess.run(cmd + [str(SAMPLE)], env=env, cwd=ROOT, capture_output=True, text=True, timeout=90)
    if r.returncode != 0 and "could not connect to display" in r.stderr + r.stdout or \
            "Could not load the Qt platform plugin" in r.stderr:
        pytest.skip("Qt's xcb platform plugin cannot run here: " + r.stderr[-300:])
    assert r.returncode == 0, r.stdout + r.stderr
    assert "ready " in r.stdout and "screenshot " in r.stdout, r.stdout + r.stderr
    from PySide6.QtGui import QImage
    img = QImage(str(out))
    assert not img.isNull() and (img.width(), img.height()) == (1600, 1000)
    # not a blank screen: the window, the grey canvas and a white page are all there
    colours = {img.pixel(x, y) for x in range(0, 1600, 40) for y in range(0, 1000, 40)}
    assert len(colours) > 8
