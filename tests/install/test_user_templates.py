"""Templates from the bundle (read-only) and from the user's template folder."""
import json
from pathlib import Path

import pytest

from banmian.core import paths
from banmian.core.io import load_document
from banmian.core.model.document import ImageFrame
from banmian.core.templates import (
    TemplateInfo, document_from_template, list_templates, save_user_template, template_file_name,
)

pytestmark = pytest.mark.core


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("BANMIAN_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def _bundle_snapshot():
    return {p.name: p.read_bytes() for p in paths.templates_dir().glob("*.json")}


def test_bundled_templates_have_display_names(home):
    got = list_templates()
    assert [(t.name, t.path.name, t.bundled) for t in got] == [
        ("对开 8 栏", "duikai.json", True), ("四开 6 栏", "sikai.json", True)]
    assert all(isinstance(t, TemplateInfo) and t.path.parent == paths.templates_dir() for t in got)


def test_saved_template_is_listed_after_the_bundled_ones(home):
    before = _bundle_snapshot()
    doc = load_document(paths.templates_dir() / "sikai.json")
    p = save_user_template(doc, "我的 四开")
    assert p.parent == paths.user_templates_dir() == home / "data" / "templates"
    assert p.name == "我的 四开.json"
    assert _bundle_snapshot() == before            # nothing written into the bundle
    assert doc.meta["name"] == "四开 6 栏"          # the caller's document is untouched
    got = list_templates()
    assert [(t.name, t.bundled) for t in got] == [("对开 8 栏", True), ("四开 6 栏", True), ("我的 四开", False)]
    again = load_document(got[-1].path)
    assert again.meta["name"] == "我的 四开"
    assert again.pages[0].grid.columns == 6


def test_user_templates_sorted_by_name_and_same_name_replaces(home):
    doc = load_document(paths.templates_dir() / "duikai.json")
    save_user_template(doc, "b 版")
    a = save_user_template(doc, "a 版")
    doc.pages[0].grid.columns = 7
    a2 = save_user_template(doc, "a 版")            # same name: replaced, not duplicated
    assert a2 == a
    assert load_document(a).pages[0].grid.columns == 7
    user = [t.name for t in list_templates() if not t.bundled]
    assert user == ["a 版", "b 版"]


def test_file_name_collision_keeps_both(home):
    doc = load_document(paths.templates_dir() / "duikai.json")
    p1 = save_user_template(doc, "a/b")
    p2 = save_user_template(doc, "a:b")             # both become a_b.json
    assert p1.name == "a_b.json" and p2.name == "a_b-2.json"
    assert sorted(t.name for t in list_templates() if not t.bundled) == ["a/b", "a:b"]


def test_portable_file_names():
    assert template_file_name("对开 8 栏") == "对开 8 栏.json"
    assert template_file_name('x<>:"|?*\\y') == "x________y.json"
    assert template_file_name("CON") == "_CON.json"
    assert template_file_name(" . ") == "template.json"


def test_empty_name_refused(home):
    doc = load_document(paths.templates_dir() / "duikai.json")
    with pytest.raises(ValueError):
        save_user_template(doc, "  ")


def test_broken_user_file_listed_under_its_file_name(home):
    paths.user_templates_dir().mkdir(parents=True)
    (paths.user_templates_dir() / "坏.json").write_text("{not json", encoding="utf-8")
    (paths.user_templates_dir() / "notes.txt").write_text("x", encoding="utf-8")
    user = [(t.name, t.path.name) for t in list_templates() if not t.bundled]
    assert user == [("坏", "坏.json")]


def test_relative_image_paths_made_absolute(home, tmp_path):
    doc = load_document(paths.sample_layout())
    imgs = [f for p in doc.pages for f in p.frames if isinstance(f, ImageFrame)]
    assert imgs and not Path(imgs[0].path).is_absolute()
    p = save_user_template(doc, "样张", source_dir=paths.sample_layout().parent)
    saved = [f for pg in load_document(p).pages for f in pg.frames if isinstance(f, ImageFrame)]
    assert Path(saved[0].path).is_absolute() and Path(saved[0].path).is_file()


def test_new_page_from_template_drops_the_display_name(home):
    doc = document_from_template(paths.templates_dir() / "duikai.json")
    assert "name" not in doc.meta and doc.meta["template"] == "duikai"


def test_bundle_never_written(tmp_path, monkeypatch):
    # a BANMIAN_HOME whose data/templates is the bundle itself must be refused
    monkeypatch.setattr(paths, "user_templates_dir", lambda: paths.templates_dir())
    before = _bundle_snapshot()
    doc = load_document(paths.templates_dir() / "duikai.json")
    with pytest.raises(PermissionError):
        save_user_template(doc, "对开 8 栏 x")
    assert _bundle_snapshot() == before
