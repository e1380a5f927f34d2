"""Issue 14 item 12 (arranging) and two polish points of item 15, through real input: Shift-click
several frames and press the Arrange keys, drag a guide out of the ruler, lock a frame, order,
齐栏 in Properties, zoom to the selection, fit page holding on resize, the shortcut list."""
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from helpers import artifacts_dir, drag, drag_between, frame_center

pytestmark = pytest.mark.gui
CTRL, ALT, SHIFT = (Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier,
                    Qt.KeyboardModifier.ShiftModifier)


def active(qtbot, w):
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=3000)
    w.canvas.setFocus()


def shift_click(qtbot, w, ids):
    vp = w.canvas.viewport()
    qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, frame_center(w, ids[0]))
    for fid in ids[1:]:
        qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, SHIFT, frame_center(w, fid))
    assert w.session.selection == list(ids)


def frame(w, fid):
    return w.session.doc.find_frame(fid)[1]


def test_align_and_distribute_by_keys(qtbot, window):
    w = window
    active(qtbot, w)
    ids = ["t-body1", "i-photo", "t-empty"]
    shift_click(qtbot, w, ids)
    xs = [frame(w, i).x for i in ids]
    QTest.keyClick(w.canvas, Qt.Key.Key_T, CTRL | ALT | SHIFT)          # align top edges
    assert len({frame(w, i).y for i in ids}) == 1
    assert [frame(w, i).x for i in ids] == xs
    QTest.keyClick(w.canvas, Qt.Key.Key_Z, CTRL)                        # one undo step
    assert len({frame(w, i).y for i in ids}) == 2
    QTest.keyClick(w.canvas, Qt.Key.Key_Z, CTRL | SHIFT)
    # distribute: the gaps between neighbours become equal
    f1, f2, f3 = (frame(w, i) for i in ids)
    f2_before = f2.x
    QTest.keyClick(w.canvas, Qt.Key.Key_H, CTRL | ALT | SHIFT)
    assert f2.x != f2_before
    assert f2.x - (f1.x + f1.w) == pytest.approx(f3.x - (f2.x + f2.w))
    # right edges from the menu action, as the toolbar button triggers it
    w.actions_by_key["align_right"].trigger()
    assert len({round(frame(w, i).x + frame(w, i).w, 6) for i in ids}) == 1
    w.canvas.fit_page()
    qtbot.wait(50)
    shot = w.grab()
    shot.save(str(artifacts_dir() / "arrange-aligned.png"))


def test_a_guide_dragged_out_of_the_ruler(qtbot, window):
    w = window
    page = w.session.doc.pages[0]
    vp = w.canvas.viewport()
    target = w.canvas.page_mm_to_view(page.id, 100, 150.0).toPoint()
    start = QPoint(w.hruler.mapFromGlobal(vp.mapToGlobal(target)).x(), 10)
    drag_between(qtbot, w.hruler, start, vp, target)
    assert len(page.guides.y) == 1 and page.guides.y[0] == pytest.approx(150.0, abs=1.0)
    assert page.guides.x == []
    gy = page.guides.y[0]
    # the vertical ruler gives a vertical guide
    t2 = w.canvas.page_mm_to_view(page.id, 250.0, 300).toPoint()
    drag_between(qtbot, w.vruler, QPoint(10, w.vruler.mapFromGlobal(vp.mapToGlobal(t2)).y()), vp, t2)
    assert page.guides.x and page.guides.x[0] == pytest.approx(250.0, abs=1.0)
    # drawn on the canvas in the guide colour
    img = vp.grab().toImage()
    line = w.canvas.page_mm_to_view(page.id, 30, gy)
    hits = [img.pixelColor(round(line.x()) + dx, int(line.y()) + dy) for dx in range(0, 40, 5) for dy in (-1, 0, 1)]
    assert any(c.blue() > 150 and c.red() < 80 for c in hits), hits
    w.grab().save(str(artifacts_dir() / "arrange-guide.png"))
    # saved with the page, and undoable
    assert '"guides"' in __import__("banmian.core.io", fromlist=["dumps"]).dumps(w.session.doc)
    w.session.undo_stack.undo()
    assert page.guides.x == [] and len(page.guides.y) == 1
    # frames snap to it: drag t-empty's top edge 1.5 mm above the guide
    f = frame(w, "t-empty")
    mm_px = 1 / w.canvas.mm_per_px()
    a = frame_center(w, "t-empty")
    drag(qtbot, w, a, QPoint(a.x(), a.y() + round((gy + 0.8 - f.y) * mm_px)))
    assert f.y == pytest.approx(gy) or f.y + f.h == pytest.approx(gy)
    # a guide dragged with the selection tool moves; dragged off the page it goes
    w.session.set_selection([])
    at = w.canvas.page_mm_to_view(page.id, 5, gy).toPoint()      # in the margin: no frame there
    drag(qtbot, w, at, QPoint(at.x(), at.y() + round(20 * mm_px)))
    assert page.guides.y[0] == pytest.approx(gy + 20, abs=1.0)
    at = w.canvas.page_mm_to_view(page.id, 5, page.guides.y[0]).toPoint()
    off = w.canvas.page_mm_to_view(page.id, 5, -40).toPoint()
    drag(qtbot, w, at, off)
    assert page.guides.y == []


def test_locked_frame_does_not_move(qtbot, window):
    w = window
    active(qtbot, w)
    shift_click(qtbot, w, ["t-empty"])
    f = frame(w, "t-empty")
    QTest.keyClick(w.canvas, Qt.Key.Key_L, CTRL)
    assert f.locked
    assert w.props_panel.locked.isChecked()
    x, y = f.x, f.y
    a = frame_center(w, "t-empty")
    drag(qtbot, w, a, QPoint(a.x() + 60, a.y() + 30))
    QTest.keyClick(w.canvas, Qt.Key.Key_Right)
    assert (f.x, f.y) == (x, y)
    # the padlock at the frame's top right corner
    img = w.canvas.viewport().grab().toImage()
    r = w.canvas.frame_view_rect(w.session.doc.pages[0].id, f)
    dark = [img.pixelColor(round(r.right() - 12 + dx), round(r.top() + 3 + dy))
            for dx in range(1, 9) for dy in range(6, 10)]
    assert sum(c.value() < 120 for c in dark) > 10
    # unlocked by a click on Properties → Locked, it moves again
    w.docks["properties"].raise_()
    box = w.props_panel.locked
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert not f.locked
    drag(qtbot, w, a, QPoint(a.x() + 60, a.y()))
    assert f.x != x


def test_front_and_back(qtbot, window):
    w = window
    active(qtbot, w)
    frames = w.session.doc.pages[0].frames
    shift_click(qtbot, w, ["t-body2"])
    QTest.keyClick(w.canvas, Qt.Key.Key_BracketRight, CTRL | SHIFT)
    assert frames[-1].id == "t-body2"
    QTest.keyClick(w.canvas, Qt.Key.Key_BracketLeft, CTRL | SHIFT)
    assert frames[0].id == "t-body2"
    QTest.keyClick(w.canvas, Qt.Key.Key_BracketRight, CTRL)
    assert frames[1].id == "t-body2"
    w.session.undo_stack.undo()
    assert frames[0].id == "t-body2"


def test_balance_columns_in_properties(qtbot, window):
    w = window
    shift_click(qtbot, w, ["t-short"])
    w.docks["properties"].raise_()
    box = w.props_panel.balance
    qtbot.waitUntil(box.isVisible, timeout=2000)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert frame(w, "t-short").balance
    assert w.session.undo_stack.undoText().endswith("更改框属性")
    w.session.undo_stack.undo()
    assert not frame(w, "t-short").balance


def test_zoom_to_selection(qtbot, window):
    w = window
    active(qtbot, w)
    shift_click(qtbot, w, ["i-photo"])
    z = w.canvas.zoom
    QTest.keyClick(w.canvas, Qt.Key.Key_Equal, CTRL | ALT)
    assert w.canvas.zoom > 2 * z
    r = w.canvas.frame_view_rect(w.session.doc.pages[0].id, frame(w, "i-photo"))
    vp = QPointF(w.canvas.viewport().rect().center())
    assert abs(r.center().x() - vp.x()) < 5 and abs(r.center().y() - vp.y()) < 5
    assert w.canvas.viewport().rect().contains(r.toRect())


def test_fit_page_refits_when_the_window_resizes(qtbot, window):
    w = window
    active(qtbot, w)
    QTest.keyClick(w.canvas, Qt.Key.Key_0, CTRL)          # fit page
    z = w.canvas.zoom
    w.resize(1000, 700)
    qtbot.waitUntil(lambda: w.canvas.zoom < z * 0.95, timeout=2000)
    p = w.session.doc.pages[0]
    r = w.canvas.mm_rect_to_view(p.id, 0, 0, p.width, p.height)
    assert QPointF(w.canvas.viewport().rect().bottomRight()).y() >= r.bottom()   # the whole page shows
    QTest.keyClick(w.canvas, Qt.Key.Key_1, CTRL)          # 100 %: a chosen zoom stays
    w.resize(1300, 850)
    qtbot.wait(100)
    assert w.canvas.zoom == 1.0


def test_shortcut_list_has_each_command_once(qtbot, sample_file, settings):
    """Under zh_CN "Select article" (Ctrl+Shift+A) and the Alt+click gesture are one row."""
    from PySide6.QtCore import QCoreApplication, QTranslator
    from banmian.gui.app import I18N_DIR
    from banmian.gui.main_window import MainWindow
    tr = QTranslator()
    assert tr.load(str(I18N_DIR / "banmian_zh_CN.qm"))
    QCoreApplication.installTranslator(tr)
    try:
        w = MainWindow(sample_file, settings=settings, ask=lambda *a: True)
        w.prompt_save = lambda: "discard"
        qtbot.addWidget(w)
        rows = w.shortcut_rows()
        names = [n for n, _ in rows]
        assert len(names) == len(set(names))
        keys = [k for _, ks in rows for k in ks.split(", ")]
        assert len(keys) == len(set(keys))
        d = dict(rows)
        assert "Ctrl+Shift+A" in d["选择整篇稿件"] and "Alt+单击" in d["选择整篇稿件"]
        assert d["撤销"] == "Ctrl+Z"
        assert d["左对齐"] == "Ctrl+Alt+Shift+L" and d["置于顶层"] == "Ctrl+Shift+]"
        assert [a.text() for a in w.menuBar().actions()].count("排列(&A)") == 1
    finally:
        QCoreApplication.removeTranslator(tr)

