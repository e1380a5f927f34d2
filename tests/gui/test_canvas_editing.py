"""Canvas gestures: the content grabber (crop by dragging the picture), double-click
into the story at the clicked character, revert/recover as undoable commands,
snapping to the engine's baseline grid."""
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from helpers import drag, frame_center  # noqa: F401  (tests/gui/helpers.py)
from banmian.core.io import dumps, load_document
from banmian.core.model.units import MM_PER_PT, PT_PER_MM
from banmian.core.typeset.result import GlyphRun

from banmian.core import commands as C


pytestmark = pytest.mark.gui

CTRL = Qt.KeyboardModifier.ControlModifier


def placed(window, photo):
    w = window
    w.session.set_selection(["i-photo"])
    assert w.place_image(str(photo))
    w.session.undo_stack.clear()
    w.session.undo_stack.setClean()
    return w.session.doc.find_frame("i-photo")[1]


def placement(w, fid):
    from banmian.gui.tools import image_placement
    return image_placement(w.session, fid)


def test_ctrl_drag_moves_picture_inside_frame(qtbot, window, photo):
    w = window
    f = placed(w, photo)
    assert f.fit == "fill"
    pl0 = placement(w, "i-photo")
    rect0 = f.rect()
    ppi0 = w.props_panel.ppi_label.text()
    a = frame_center(w, "i-photo")
    k = w.canvas.mm_per_px()
    drag(qtbot, w, a, QPoint(a.x() + 30, a.y()), CTRL)
    assert f.fit == "none" and f.rect() == rect0          # the frame stays, the picture moves
    assert f.offset_x == pytest.approx(30 * k, abs=1e-3) and f.offset_y == pytest.approx(0, abs=1e-3)
    assert f.scale == pytest.approx(1.0)
    pl = placement(w, "i-photo")
    assert pl.x == pytest.approx(pl0.x + 30 * k * PT_PER_MM, abs=1e-3) and pl.w == pytest.approx(pl0.w)
    # Properties follow: fit "none", the scale and the same effective ppi (no rescale)
    assert w.props_panel.fit.currentData() == "none"
    assert w.props_panel.scale.value() == pytest.approx(1.0)
    assert w.props_panel.ppi_label.text() == ppi0
    assert w.session.undo_stack.count() == 1
    # a second drag right after is its own undo step (no merging of gestures)
    drag(qtbot, w, a, QPoint(a.x(), a.y() - 20), CTRL)
    assert w.session.undo_stack.count() == 2
    assert f.offset_y == pytest.approx(-20 * k, abs=1e-3)
    w.undo_action.trigger()
    assert f.offset_y == pytest.approx(0, abs=1e-3) and f.offset_x == pytest.approx(30 * k, abs=1e-3)
    w.undo_action.trigger()
    assert (f.fit, f.offset_x, f.offset_y, f.scale) == ("fill", 0.0, 0.0, 1.0)
    assert not w.isWindowModified()


def test_fit_picture_keeps_its_size_when_grabbed(qtbot, window, photo):
    w = window
    f = placed(w, photo)
    w.session.push(C.SetFrameProps("i-photo", fit="fit"))
    pl0 = placement(w, "i-photo")
    ppi0 = pl0.ppi
    a = frame_center(w, "i-photo")
    drag(qtbot, w, a, QPoint(a.x(), a.y() + 10), CTRL)
    pl = placement(w, "i-photo")
    assert f.fit == "none" and f.scale < 1.0
    assert pl.w == pytest.approx(pl0.w, rel=1e-5) and pl.ppi == pytest.approx(ppi0, rel=1e-5)
    assert f"{ppi0:.0f} ppi" == w.props_panel.ppi_label.text()
    assert w.props_panel.scale.value() == pytest.approx(f.scale, abs=1e-3)


def test_double_click_enters_the_picture(qtbot, window, photo):
    w = window
    f = placed(w, photo)
    x0, y0 = f.x, f.y
    a = frame_center(w, "i-photo")
    vp = w.canvas.viewport()
    qtbot.mouseDClick(vp, Qt.MouseButton.LeftButton, pos=a)
    assert w.canvas.tool.content_frame == "i-photo"
    drag(qtbot, w, a, QPoint(a.x() - 25, a.y()))          # no modifier: moves the picture
    assert (f.x, f.y) == (x0, y0) and f.fit == "none" and f.offset_x < 0
    qtbot.keyClick(w.canvas, Qt.Key.Key_Escape)
    assert w.canvas.tool.content_frame is None
    drag(qtbot, w, a, QPoint(a.x() - 25, a.y()))          # now the frame moves
    assert f.x != x0


def test_shortcuts_list_the_content_grabber(window):
    rows = dict(window.shortcut_rows())
    assert any("Ctrl" in k and "drag" in k.lower() for k in rows.values()) or \
        any("Ctrl" in k for r, k in rows.items() if "picture" in r.lower())


def _glyph_point(w, run: GlyphRun, i: int, frac=0.25):
    page, _ = w.session.doc.find_frame(run.frame)
    x = run.xs[i] + run.advances[i] * frac
    y = run.y - run.size * 0.4
    return w.canvas.page_mm_to_view(page.id, x * MM_PER_PT, y * MM_PER_PT)


def _block_pos(story, char):
    pos = 0
    for i, b in enumerate(story.blocks):
        if char <= pos + len(b.text):
            return i, char - pos
        pos += len(b.text) + 1
    raise AssertionError


@pytest.mark.parametrize("frame,line,glyph,frac", [("t-body2", 3, 7, 0.25), ("t-body1", 2, 4, 0.75),
                                                   ("t-short", 0, 5, 0.3)])
def test_double_click_opens_story_at_the_character(qtbot, window, frame, line, glyph, frac):
    w = window
    pr = next(p for p in w.session.result.pages if any(ln.frame == frame for ln in p.lines))
    runs = pr.line_runs([ln for ln in pr.lines if ln.frame == frame][line])
    run = max(runs, key=lambda r: len(r.glyphs))
    pt = _glyph_point(w, run, glyph, frac)
    expect = run.start + run.offsets[glyph] + (1 if frac > 0.5 else 0)
    assert w.canvas.char_at(frame, pt) == (run.story, expect)
    qtbot.mouseDClick(w.canvas.viewport(), Qt.MouseButton.LeftButton, pos=pt.toPoint())
    ed = w.story_editor
    assert w.docks["story"].isVisible() and ed.story_id == run.story
    story = w.session.doc.story(run.story)
    # toPoint() rounds to whole pixels: the character must still be the same one
    hit = w.canvas.char_at(frame, QPointF(pt.toPoint()))
    assert hit == (run.story, expect)
    bi, pos = _block_pos(story, expect)
    assert ed.caret == (bi, pos)
    box = ed._rows[bi][2]
    assert box.textCursor().position() == pos
    assert box.toPlainText()[pos] == story.text[expect]


def test_revert_is_undoable(qtbot, window):
    w = window
    path = w.session.path
    disk = dumps(load_document(path))
    w.session.set_selection(["t-empty"])
    qtbot.keyClick(w.canvas, Qt.Key.Key_Right)
    w.session.push(C.EditStoryText("s2", 0, text="改过的短讯"))
    edited = dumps(w.session.doc)
    doc = w.session.doc
    assert w.isWindowModified()
    asked = []
    w.ask = lambda *a: asked.append(a) or True
    w.actions_by_key["revert"].trigger()
    assert asked                                   # it asked before discarding
    assert w.session.doc is doc                    # same document object: the views stay
    assert dumps(doc) == disk and not w.isWindowModified()
    w.undo_action.trigger()                        # Undo gives back what was open
    assert dumps(doc) == edited and w.isWindowModified()
    assert w.session.doc.story("s2").text == "改过的短讯"
    w.redo_action.trigger()
    assert dumps(doc) == disk and not w.isWindowModified()


def test_recover_is_undoable(qtbot, sample_file, settings):
    from banmian.gui.main_window import MainWindow
    w = MainWindow(sample_file, settings=settings, ask=lambda *a: True)
    w.prompt_save = lambda: "discard"
    qtbot.addWidget(w)
    disk = dumps(w.session.doc)
    w.session.push(C.EditStoryText("s2", 0, text="崩溃前的修改"))
    w.session.push(C.MoveFrames(["t-empty"], 5, 0))
    assert w.autosave() is not None
    recovered = dumps(w.session.doc)
    w2 = MainWindow(sample_file, settings=settings, ask=lambda *a: True)
    w2.prompt_save = lambda: "discard"
    qtbot.addWidget(w2)
    assert dumps(w2.session.doc) == recovered and w2.isWindowModified()
    assert w2.session.undo_stack.count() == 1
    w2.undo_action.trigger()                       # back to the file as it was on disk
    assert dumps(w2.session.doc) == disk and not w2.isWindowModified()
    assert "崩溃前的修改" not in w2.session.doc.story("s2").text
    w2.redo_action.trigger()
    assert dumps(w2.session.doc) == recovered and w2.isWindowModified()


def _show_frame(w, fid):
    """Scroll so the frame's centre is in the middle of the viewport."""
    c = w.canvas
    page, f = w.session.doc.find_frame(fid)
    ox, oy = c.page_offsets()[page.id]
    s = c.px_per_pt
    cx, cy = (ox + (f.x + f.w / 2) * PT_PER_MM) * s, (oy + (f.y + f.h / 2) * PT_PER_MM) * s
    c.horizontalScrollBar().setValue(round(cx - c.viewport().width() / 2))
    c.verticalScrollBar().setValue(round(cy - c.viewport().height() / 2))


def test_drag_snaps_frame_top_to_engine_grid_cell(qtbot, tmp_path, settings):
    from conftest import build_doc
    from banmian.core.io import save_document
    from banmian.gui.main_window import MainWindow
    doc = build_doc()
    doc.pages[0].grid.first_baseline = 2.0          # cell 0 starts 2 mm below the top margin
    path = tmp_path / "grid.json"
    save_document(doc, path)
    w = MainWindow(path, settings=settings, ask=lambda *a: True)
    w.prompt_save = lambda: "discard"
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    pr = w.session.result.pages[0]
    page = w.session.doc.pages[0]
    origin, pitch = pr.grid_origin * MM_PER_PT, pr.grid_pitch * MM_PER_PT
    assert abs(origin - (page.margins.top + 2.0)) < 1e-9 and pitch > 0
    # the frame's height a whole number of cells, so top and bottom sit on cell edges together
    _, f = w.session.doc.find_frame("t-empty")
    w.session.push(C.ResizeFrame("t-empty", f.x, f.y, f.w, 12 * pitch))
    w.canvas.set_zoom(1.0)
    _show_frame(w, "t-empty")
    k = w.canvas.mm_per_px()
    tol = 6.0 * k
    cell = round((f.y - origin) / pitch) + 3
    target = origin + cell * pitch
    # drop the top 0.8 mm below cell `cell`'s top (well inside the snap distance)
    want = target + 0.8
    a = frame_center(w, "t-empty")
    b = QPoint(a.x(), a.y() + round((want - f.y) / k))
    drag(qtbot, w, a, b)
    assert f.y == pytest.approx(target, abs=1e-6), (f.y, target, tol)
    # …and not the margin-based rows the editor used to guess
    assert abs(((f.y - page.margins.top) / pitch) % 1) > 0.05
    # the guides draw the engine's baselines: a body line centred in its cell
    from banmian.gui.geometry import baseline_lines
    size = pr.body_size * MM_PER_PT
    assert baseline_lines(page, pr)[0] == pytest.approx(origin + (pitch - size) / 2 + 0.88 * size)
    lines = [ln for ln in pr.lines if ln.grid]
    assert lines and any(abs(ln.baseline * MM_PER_PT - y) < 1e-3
                         for ln in lines[:1] for y in baseline_lines(page, pr))


# ---------------------------------------------------------------- the keystroke's repaint
class _PaintSpy:
    """Records the regions the canvas viewport is asked to paint."""

    def __init__(self, vp):
        from PySide6.QtCore import QObject, QEvent

        class F(QObject):
            def eventFilter(s, obj, e):
                if e.type() == QEvent.Type.Paint:
                    self.regions.append(e.region())
                return False
        self.regions = []
        self._f = F()
        vp.installEventFilter(self._f)


def _area(region):
    return sum(r.width() * r.height() for r in region)


def test_a_keystroke_repaints_the_changed_lines_and_the_caret_not_the_page(qtbot, window):
    """Typing on the page: the page picture repaints only where glyphs changed, the
    viewport only that part and the caret — and the picture is the same as a fresh one."""
    from PySide6.QtWidgets import QApplication
    from test_typing import ime, point_of_char, type_tool
    from banmian.gui.canvas import PageImage
    w = window
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    w.canvas.setFocus()
    tool = type_tool(qtbot, w)
    qtbot.mouseClick(w.canvas.viewport(), Qt.MouseButton.LeftButton, pos=point_of_char(w, "s2", 3))
    # the page picture at the view's scale (made at the first paint after the zoom settled)
    qtbot.waitUntil(lambda: "p1" in w.canvas._images and not w.canvas._rezoom_timer.isActive()
                    and abs(w.canvas._images["p1"].scale - w.canvas.px_per_pt) < 1e-9, timeout=3000)
    qtbot.wait(50)
    spy = _PaintSpy(w.canvas.viewport())
    ime(w, commit="新")
    qtbot.waitUntil(lambda: bool(spy.regions), timeout=2000)
    assert w.session.doc.story("s2").text.startswith("短讯：新朱熹")
    vp = w.canvas.viewport().rect()
    painted = spy.regions[0]
    for r in spy.regions[1:]:
        painted = painted.united(r)
    # the caret and the changed line are in it …
    assert painted.contains(tool.caret_view_rect().toAlignedRect().center())
    assert painted.contains(point_of_char(w, "s2", 3))
    # … the rest of the page is not: well under a tenth of the view
    assert _area(painted) < 0.1 * vp.width() * vp.height(), (_area(painted), vp)
    # the partly repainted picture is the picture a full paint gives
    pid = "p1"
    img = w.canvas._images[pid]
    fresh = PageImage(w.session.page_result(pid), img.scale)
    assert img.image == fresh.image


def test_moving_a_frame_repaints_the_whole_view(qtbot, window):
    """Only text edits take the partial path: a frame edit (its edges, handles, ports are
    drawn by the overlay) repaints the viewport."""
    w = window
    w.session.set_selection(["t-short"])
    qtbot.wait(50)
    spy = _PaintSpy(w.canvas.viewport())
    qtbot.keyClick(w.canvas, Qt.Key.Key_Right)        # nudge the selected frame
    qtbot.waitUntil(lambda: bool(spy.regions), timeout=2000)
    vp = w.canvas.viewport().rect()
    assert _area(spy.regions[-1]) == vp.width() * vp.height()
