"""Placing a photo from outside the layout's folder: the editor asks, and 'Yes' links it and
allows its folder as a link folder of the page in the same undo step (else the loader and
preflight would refuse the link); 'No' changes nothing. The real message box is answered."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from banmian.core import imagefile
from banmian.core.io import load_document, save_document
from banmian.core.model.document import ImageFrame
from banmian.core.preflight import preflight

from conftest import build_doc
from helpers import when_modal

pytestmark = pytest.mark.gui


def _answer(qtbot, button, seen):
    def act(box):
        seen.append(box.text())
        qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)
    when_modal(qtbot, act, QMessageBox)


@pytest.fixture
def layout_and_photo(tmp_path, photo):
    folder = tmp_path / "page"
    folder.mkdir()
    save_document(build_doc(4), folder / "page.json")
    elsewhere = tmp_path / "photos"
    elsewhere.mkdir()
    target = elsewhere / "photo.jpg"
    photo.rename(target)
    return folder / "page.json", target


def _window(qtbot, path, settings):
    from banmian.gui.main_window import MainWindow
    w = MainWindow(path, settings=settings)          # the real question dialog
    w.prompt_save = lambda: "discard"
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def _image_frames(doc):
    return [f for p in doc.pages for f in p.frames if isinstance(f, ImageFrame)]


def test_yes_links_the_photo_and_allows_its_folder_in_one_undo_step(qtbot, settings, layout_and_photo):
    path, photo = layout_and_photo
    w = _window(qtbot, path, settings)
    before = len(_image_frames(w.session.doc))
    seen = []
    _answer(qtbot, QMessageBox.StandardButton.Yes, seen)
    assert w.place_image(str(photo))
    assert seen and str(photo.parent) in seen[0]
    doc = w.session.doc
    (new,) = _image_frames(doc)[before:]
    assert new.path == photo.resolve().as_posix()
    assert str(photo.parent.resolve()) in doc.meta[imagefile.LINK_FOLDERS_KEY]
    findings = preflight(doc, w.session.result, base_dir=path.parent)
    assert not [f for f in findings if f.severity == "error" and "photo.jpg" in f.line()]
    # saved and reopened, the link is accepted by the loader
    w.session.save(path)
    again = load_document(path)
    assert str(photo.parent.resolve()) in again.meta[imagefile.LINK_FOLDERS_KEY]
    # one undo takes back both the frame and the link folder
    w.session.undo_stack.undo()
    assert len(_image_frames(w.session.doc)) == before
    assert imagefile.LINK_FOLDERS_KEY not in w.session.doc.meta


def test_no_leaves_the_page_as_it_was(qtbot, settings, layout_and_photo):
    path, photo = layout_and_photo
    w = _window(qtbot, path, settings)
    before = len(_image_frames(w.session.doc))
    seen = []
    _answer(qtbot, QMessageBox.StandardButton.No, seen)
    assert not w.place_image(str(photo))
    assert seen
    assert len(_image_frames(w.session.doc)) == before
    assert imagefile.LINK_FOLDERS_KEY not in w.session.doc.meta
