"""Mouse helpers the GUI tests share: where a frame is on screen, and a drag in steps."""
from PySide6.QtCore import QPoint, Qt


def frame_center(w, fid):
    page, f = w.session.doc.find_frame(fid)
    return w.canvas.frame_view_rect(page.id, f).center().toPoint()


def drag(qtbot, w, a: QPoint, b: QPoint, mods=Qt.KeyboardModifier.NoModifier, steps=6):
    vp = w.canvas.viewport()
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, mods, a)
    for i in range(1, steps + 1):
        p = QPoint(a.x() + (b.x() - a.x()) * i // steps, a.y() + (b.y() - a.y()) * i // steps)
        qtbot.mouseMove(vp, p)
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, mods, b)
