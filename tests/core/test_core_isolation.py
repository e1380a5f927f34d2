"""banmian.core never imports PySide6 or reportlab (checked in a fresh interpreter)."""
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.core
ROOT = Path(__file__).resolve().parents[2]


def test_core_imports_neither_qt_nor_reportlab():
    code = (
        "import sys, pkgutil, importlib\n"
        "import banmian.core\n"
        "for m in pkgutil.walk_packages(banmian.core.__path__, 'banmian.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('PySide6', 'reportlab', 'shiboken6'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == ""
