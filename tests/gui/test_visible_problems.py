"""Issue 14 item 11 in the editor: pasteboard text is drawn, a frame covering another article's
text is hatched red, an empty headline shows a grey placeholder (canvas only), and a double-click
on a preflight finding goes to its page and frame."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QImage

from banmian.core.io import load_document, save_document
from banmian.core.model.document import Block, Run, Story, TextFrame
from banmian.gui import canvas_problems
from helpers import open_window  # tests/gui/helpers.py

pytestmark = pytest.mark.gui

SAMPLE = Path(__file__).resolve().parents[2] / "layouts" / "samples"


def sample_page(tmp_path, change=None) -> Path:
    work = tmp_path / "page"
    shutil.copytree(SAMPLE, work)
    path = work / "zhuxi-luntan.json"
    doc = load_document(path)
    if change:
        change(doc)
    save_document(doc, path)
    return path


def grab(w) -> QImage:
    return w.canvas.viewport().grab().toImage()


def count(img: QImage, rect: QRect, test) -> int:
    r = rect.intersected(img.rect())
    n = 0
    for y in range(r.top(), r.bottom() + 1, 2):
        for x in range(r.left(), r.right() + 1, 2):
            if test(img.pixelColor(x, y)):
                n += 1
    return n


def dark(c):
    return c.red() < 90 and c.green() < 90 and c.blue() < 90


def red(c):
    return c.red() > 180 and c.green() < 90 and c.blue() < 90


def add_spare(doc):
    doc.stories.append(Story("spare", "备用稿", [Block("paragraph", "body", [Run("版外备用稿件，只在编辑器里看得见。" * 3)])]))
    doc.pages[0].frames.append(TextFrame("spare-f", doc.pages[0].width + 8, 60, 40, 60, story="spare"))


def test_text_on_the_pasteboard_is_drawn_but_not_in_preview(qtbot, tmp_path, settings):
    w = open_window(qtbot, sample_page(tmp_path, add_spare), settings)
    c = w.canvas
    c.show_frame(None, "spare-f")
    page, f = w.session.doc.find_frame("spare-f")
    r = c.frame_view_rect(page.id, f).toAlignedRect()
    assert c.viewport().rect().contains(r)          # the scene reaches the pasteboard frame
    qtbot.waitUntil(lambda: count(grab(w), r, dark) > 20, timeout=3000)
    # Preview (as printed, W): what does not print is not shown
    c.setFocus()
    qtbot.keyClick(c, Qt.Key.Key_W)
    assert c.preview
    qtbot.waitUntil(lambda: count(grab(w), r, dark) == 0, timeout=3000)


def test_a_photo_on_another_articles_text_is_hatched_red_and_listed(qtbot, tmp_path, settings):
    def move(doc):
        doc.find_frame("photo")[1].y = 200
    w = open_window(qtbot, sample_page(tmp_path, move), settings)
    rects = canvas_problems.overlap_rects(w.canvas)
    assert rects
    r = max(rects, key=lambda q: q.width() * q.height()).toAlignedRect()
    qtbot.waitUntil(lambda: count(grab(w), r, red) > 30, timeout=3000)
    panel = w.preflight_panel
    qtbot.waitUntil(lambda: any(f.code == "frames_overlap" for f in panel.findings), timeout=5000)
    texts = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert any("版面重叠" in t and "photo" in t for t in texts)


def test_the_sample_shows_no_hatch(qtbot, tmp_path, settings):
    w = open_window(qtbot, sample_page(tmp_path), settings)
    assert canvas_problems.overlap_rects(w.canvas) == []
    img = grab(w)
    plain = count(img, img.rect(), red)             # the red 报眉 type only
    # the same page with the photo moved onto article 3: the hatch adds far more red
    from banmian.core import commands as C
    assert w.session.push(C.MoveFrames(["photo"], 0, 200 - w.session.doc.find_frame("photo")[1].y))
    assert canvas_problems.overlap_rects(w.canvas)
    qtbot.waitUntil(lambda: count(grab(w), grab(w).rect(), red) > plain + 200, timeout=3000)


def test_an_empty_headline_shows_a_grey_placeholder_only_in_the_canvas(qtbot, tmp_path, settings):
    w = open_window(qtbot, sample_page(tmp_path), settings)
    c = w.canvas
    c.set_zoom(1.0)
    c.show_frame(None, "a2-body")
    rects = canvas_problems.placeholder_rects(c)
    assert len(rects) == 1
    r = rects[0].toAlignedRect()
    assert c.viewport().rect().intersects(r)
    # between the kicker and the lead of article 2, at the top of its frame
    page, f = w.session.doc.find_frame("a2-body")
    fr = c.frame_view_rect(page.id, f)
    assert fr.top() <= r.top() < r.bottom() <= fr.top() + fr.height() / 3
    grey = lambda col: 120 < col.red() < 180 and abs(col.red() - col.blue()) < 12 and abs(col.red() - col.green()) < 12
    qtbot.waitUntil(lambda: count(grab(w), r, grey) > 30, timeout=3000)
    # the display list (what the PDF and the proofs paint) holds nothing there
    from banmian.render.qt import render_page_image
    pr = w.session.page_result(page.id)
    img = render_page_image(pr, dpi=72)
    _, x, y = c.view_to_page_mm(r.center(), page.id)
    pt = QPoint(round(x * 72 / 25.4), round(y * 72 / 25.4))
    assert count(img, QRect(pt.x() - 20, pt.y() - 5, 40, 10), lambda col: col.red() < 250) == 0
    # writing the headline takes the placeholder away
    from banmian.core import commands as C
    st = w.session.doc.story("a2")
    start = sum(len(b.text) + 1 for b in st.blocks[:1])
    assert w.session.push(C.ReplaceText("a2", start, start, "新就业形态劳动者权益维护调研"))
    assert canvas_problems.placeholder_rects(c) == []


def test_double_click_on_a_finding_scrolls_to_its_frame_and_selects_it(qtbot, tmp_path, settings):
    w = open_window(qtbot, sample_page(tmp_path), settings)
    c = w.canvas
    c.set_zoom(3.0)
    c.horizontalScrollBar().setValue(0)
    c.verticalScrollBar().setValue(0)
    page, f = w.session.doc.find_frame("a2-body")
    assert not c.viewport().rect().intersects(c.frame_view_rect(page.id, f).toAlignedRect())
    w.docks["preflight"].show()
    w.docks["preflight"].raise_()
    panel = w.preflight_panel
    qtbot.waitUntil(lambda: any(x.code == "empty_headline" for x in panel.findings), timeout=5000)
    row = next(i for i in range(panel.list.count())
               if panel.list.item(i).data(Qt.ItemDataRole.UserRole).code == "empty_headline")
    it = panel.list.item(row)
    panel.list.scrollToItem(it)
    pos = panel.list.visualItemRect(it).center()
    # what a double-click delivers: press, release, then the second press as a double-click, release
    # (QTest's mouseDClick alone sends only the double-click event, which an item view ignores)
    vp = panel.list.viewport()
    qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(vp, Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=pos)
    qtbot.waitUntil(lambda: w.session.selection == ["a2-body"], timeout=3000)
    assert w.session.current_page == page.id
    assert c.viewport().rect().intersects(c.frame_view_rect(page.id, f).toAlignedRect())
