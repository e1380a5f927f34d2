"""pyproject lists its packages by hand (the import name is mapped onto desktop/): every
package folder in the source must be in that list, or the wheel silently lacks it."""
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.core
def test_every_source_package_is_in_the_wheel():
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    listed = set(conf["packages"])
    found = {"banmian" + ("." + ".".join(p.parent.relative_to(ROOT / "desktop").parts)
                          if p.parent != ROOT / "desktop" else "")
             for p in (ROOT / "desktop").rglob("__init__.py")}
    assert found - listed == set(), "packages missing from pyproject.toml's list"
    data = {k for k, v in conf["package-dir"].items() if k != "banmian"}
    assert data <= listed
