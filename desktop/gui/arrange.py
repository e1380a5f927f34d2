"""The Arrange menu and toolbar (排列): align and distribute the selected frames, zoom to the
selection, lock, stacking order, column balancing (齐栏) and the page's ruler guides.

Each command is one undoable core command on the window's session; the keys follow InDesign
where it has them (Ctrl+L lock, Ctrl+Shift+] bring to front, Ctrl+Alt+= fit the selection).
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QKeySequence, QPainter, QPen, QPixmap

from ..core import commands as C
from ..core.model.document import TextFrame


def _icon(kind: str) -> QIcon:
    """A small drawn icon: a guide line and two bars placed as the command leaves them."""
    pm = QPixmap(20, 20)
    pm.fill(Qt.GlobalColor.transparent)
    qp = QPainter(pm)
    qp.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    bar = QColor(60, 90, 150)
    qp.setPen(QPen(QColor(200, 0, 60), 1))
    if kind in ("left", "center", "right"):
        x = {"left": 3, "center": 10, "right": 16}[kind]
        qp.drawLine(QPointF(x + 0.5, 1), QPointF(x + 0.5, 19))
        for y, w in ((4, 12), (11, 7)):
            x0 = {"left": 4, "center": 10.5 - w / 2, "right": 16 - w}[kind]
            qp.fillRect(QRectF(x0, y, w, 5), bar)
    elif kind in ("top", "middle", "bottom"):
        y = {"top": 3, "middle": 10, "bottom": 16}[kind]
        qp.drawLine(QPointF(1, y + 0.5), QPointF(19, y + 0.5))
        for x, h in ((4, 12), (11, 7)):
            y0 = {"top": 4, "middle": 10.5 - h / 2, "bottom": 16 - h}[kind]
            qp.fillRect(QRectF(x, y0, 5, h), bar)
    elif kind == "dist_h":
        for x in (2, 8.5, 15):
            qp.fillRect(QRectF(x, 5, 3, 10), bar)
    elif kind == "dist_v":
        for y in (2, 8.5, 15):
            qp.fillRect(QRectF(5, y, 10, 3), bar)
    qp.end()
    return QIcon(pm)


class Arrange(QObject):
    """Builds the menu and toolbar on a MainWindow and carries out their commands."""

    def __init__(self, window):
        super().__init__(window)
        self.w = window

    # ------------------------------------------------------------ building
    def build(self) -> None:
        w = self.w
        A = w._action
        m = w.menuBar().addMenu(self.tr("&Arrange"))
        tb = w.addToolBar(self.tr("Arrange"))
        tb.setObjectName("arrange")
        tb.setIconSize(QSize(14, 14))
        aligns = (("left", self.tr("Align left edges"), "Ctrl+Alt+Shift+L"),
                  ("center", self.tr("Align horizontal centres"), "Ctrl+Alt+Shift+C"),
                  ("right", self.tr("Align right edges"), "Ctrl+Alt+Shift+R"),
                  ("top", self.tr("Align top edges"), "Ctrl+Alt+Shift+T"),
                  ("middle", self.tr("Align vertical centres"), "Ctrl+Alt+Shift+M"),
                  ("bottom", self.tr("Align bottom edges"), "Ctrl+Alt+Shift+B"))
        for edge, label, key in aligns:
            a = A(label, lambda e=edge: self.align(e), QKeySequence(key), menu=m, key="align_" + edge)
            a.setIcon(_icon(edge))
            tb.addAction(a)
        m.addSeparator()
        tb.addSeparator()
        for axis, label, key in (("h", self.tr("Distribute horizontally"), "Ctrl+Alt+Shift+H"),
                                 ("v", self.tr("Distribute vertically"), "Ctrl+Alt+Shift+V")):
            a = A(label, lambda ax=axis: self.distribute(ax), QKeySequence(key), menu=m, key="distribute_" + axis)
            a.setIcon(_icon("dist_" + axis))
            tb.addAction(a)
        m.addSeparator()
        tb.addSeparator()
        for how, label, key in (("front", self.tr("Bring to front"), "Ctrl+Shift+]"),
                                ("forward", self.tr("Bring forward"), "Ctrl+]"),
                                ("backward", self.tr("Send backward"), "Ctrl+["),
                                ("back", self.tr("Send to back"), "Ctrl+Shift+[")):
            a = A(label, lambda h=how: self.order(h), QKeySequence(key), menu=m, key="order_" + how)
            if how in ("front", "back"):
                tb.addAction(a)
        m.addSeparator()
        tb.addSeparator()
        tb.addAction(A(self.tr("Lock / unlock"), self.toggle_lock, QKeySequence("Ctrl+L"), menu=m, key="lock"))
        A(self.tr("Unlock all on page"), self.unlock_page, QKeySequence("Ctrl+Alt+L"), menu=m, key="unlock_page")
        A(self.tr("Balance columns (齐栏)"), self.toggle_balance, QKeySequence("Ctrl+Alt+Shift+K"), menu=m,
          key="balance")
        m.addSeparator()
        tb.addAction(A(self.tr("Zoom to selection"), self.zoom_to_selection, QKeySequence("Ctrl+Alt+="), menu=m,
                       key="zoom_selection"))
        A(self.tr("Clear guides on page"), self.clear_guides, menu=m, key="clear_guides")

    # ------------------------------------------------------------ helpers
    @property
    def session(self):
        return self.w.session

    def _say(self, text: str) -> None:
        self.w.statusBar().showMessage(text, 4000)

    def _selected(self) -> list[str]:
        doc = self.session.doc
        return [i for i in self.session.selection if doc.find_frame(i)[0] is not None]

    # ------------------------------------------------------------ commands
    def align(self, edge: str) -> bool:
        ids = self._selected()
        if not ids:
            self._say(self.tr("Select the frames to align first"))
            return False
        bounds = None
        if len(ids) == 1:        # one frame: to the type area of its page
            page, _ = self.session.doc.find_frame(ids[0])
            m = page.margins
            bounds = (m.left, m.top, page.width - m.right, page.height - m.bottom)
        return self.session.push(C.AlignFrames(ids, edge, bounds))

    def distribute(self, axis: str) -> bool:
        ids = self._selected()
        if len(ids) < 3:
            self._say(self.tr("Select three or more frames to distribute"))
            return False
        return self.session.push(C.DistributeFrames(ids, axis))

    def order(self, how: str) -> bool:
        ids = self._selected()
        return bool(ids) and self.session.push(C.ArrangeFrames(ids, how))

    def toggle_lock(self) -> bool:
        ids = self._selected()
        if not ids:
            return False
        frames = [self.session.doc.find_frame(i)[1] for i in ids]
        lock = not all(f.locked for f in frames)
        return self.session.push(C.lock_frames(ids, lock))

    def unlock_page(self) -> bool:
        s = self.session
        page = next((p for p in s.doc.pages if p.id == s.current_page), None)
        ids = [f.id for f in page.frames if f.locked] if page is not None else []
        return bool(ids) and s.push(C.lock_frames(ids, False))

    def toggle_balance(self) -> bool:
        frames = [self.session.doc.find_frame(i)[1] for i in self._selected()]
        frames = [f for f in frames if isinstance(f, TextFrame)]
        if not frames:
            self._say(self.tr("Select a text frame to balance its columns"))
            return False
        on = not all(f.balance for f in frames)
        return self.session.push(C.Compound([C.SetFrameProps(f.id, balance=on) for f in frames],
                                            text="齐栏" if on else "取消齐栏"))

    def zoom_to_selection(self) -> bool:
        if not self._selected():
            self._say(self.tr("Nothing selected"))
            return False
        return self.w.canvas.zoom_to_frames(self._selected())

    def clear_guides(self) -> bool:
        s = self.session
        page = next((p for p in s.doc.pages if p.id == s.current_page), None)
        if page is None or not (page.guides.x or page.guides.y):
            return False
        return s.push(C.ClearGuides(page.id))


def install(window) -> Arrange:
    """The Arrange menu and toolbar on ``window`` (MainWindow._build_actions calls it)."""
    arr = Arrange(window)
    arr.build()
    window.arrange = arr
    return arr
