"""After the first window is painted, what exists is frozen out of the cyclic collector
(a full collection otherwise stalled a keystroke every few dozen by ~50 ms)."""
import gc

import pytest

from helpers import open_window  # tests/gui/helpers.py

pytestmark = pytest.mark.gui


def test_the_heap_is_frozen_once_the_first_window_is_painted(qtbot, sample_file, settings):
    w = open_window(qtbot, sample_file, settings)
    qtbot.waitUntil(lambda: w.canvas.first_paint_done, timeout=5000)
    qtbot.wait(50)          # (first_paint runs from a zero timer after the paint)
    assert gc.get_freeze_count() > 0
    assert gc.isenabled()   # frozen, not switched off: new cycles are still collected
