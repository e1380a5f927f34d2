"""File → New from template: the templates by their Chinese names, each with a
thumbnail of its first page (laid out and painted small through the Qt painter).

The bundled templates come first (对开 8 栏, 四开 6 栏 …), then the user's own
(banmian.core.templates), then a blank page.  ``chosen_document()`` is a new
document from the picked template; the caller opens it in a new window.
"""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout,
)

from ..core import templates as T

THUMB_H = 180


def template_label(info: T.TemplateInfo, doc=None) -> str:
    """'对开 8 栏' from meta.name; else the paper size and columns from the page itself."""
    if info.name and info.name != info.path.stem:
        return info.name
    if doc is not None and doc.pages:
        p = doc.pages[0]
        size = {"duikai": "对开", "sikai": "四开"}.get(doc.meta.get("template", ""), "")
        if not size:
            size = "对开" if p.width > 450 else "四开" if p.width > 300 else f"{p.width:.0f}×{p.height:.0f} mm"
        return f"{size} {p.grid.columns} 栏"
    return info.name


def thumbnail(doc, height: int = THUMB_H) -> QPixmap:
    """The first page laid out and painted ``height`` px tall (grey box when it cannot be)."""
    try:
        from ..core.typeset.fonts import default_registry
        from ..core.typeset.layout import Layouter
        from ..render.qt import render_page_image
        res = Layouter(default_registry(), None).layout(doc)
        pr = res.pages[0]
        img = render_page_image(pr, dpi=height * 72.0 / max(pr.height, 1), placeholders=True)
        pm = QPixmap.fromImage(img)
        from PySide6.QtGui import QPainter
        qp = QPainter(pm)           # the trim edge, so a white page shows on the white list
        qp.setPen(QColor(120, 120, 120))
        qp.drawRect(0, 0, pm.width() - 1, pm.height() - 1)
        qp.end()
        return pm
    except Exception:       # a broken template still gets listed; opening it says why
        pm = QPixmap(int(height * 0.7), height)
        pm.fill(QColor(220, 220, 220))
        return pm


class NewFromTemplateDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New from template"))
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("Choose a template for the new page:")))
        self.list = QListWidget()
        self.list.setObjectName("templates")
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(QSize(int(THUMB_H * 0.75), THUMB_H))
        self.list.setGridSize(QSize(int(THUMB_H * 0.75) + 60, THUMB_H + 44))
        self.list.setMovement(QListWidget.Movement.Static)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setWordWrap(True)
        self.list.itemDoubleClicked.connect(lambda _it: self.accept())
        lay.addWidget(self.list, 1)
        self.errors: dict[int, str] = {}
        self.docs = []
        from ..core.io import LayoutFileError
        for info in T.list_templates():
            try:
                doc = T.document_from_template(info.path)
            except (LayoutFileError, OSError) as e:
                doc, err = None, str(e)
            else:
                err = None
            label = template_label(info, doc)
            if not info.bundled:
                label += "\n" + self.tr("(mine)")
            it = QListWidgetItem(QIcon(thumbnail(doc) if doc is not None else QPixmap()), label)
            it.setToolTip(str(info.path) if err is None else err)
            it.setData(Qt.ItemDataRole.UserRole, len(self.docs))
            self.docs.append(doc)
            self.list.addItem(it)
        from .main_window import blank_document
        blank = blank_document()
        it = QListWidgetItem(QIcon(thumbnail(blank)), self.tr("Blank page"))
        it.setData(Qt.ItemDataRole.UserRole, len(self.docs))
        self.docs.append(blank)
        self.list.addItem(it)
        self.list.setCurrentRow(0)
        bb = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        bb.accepted.connect(self.accept)
        bb.rejected.connect(self.reject)
        lay.addWidget(bb)
        self.buttons = bb
        self.resize(720, 420)

    def labels(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def chosen_document(self):
        it = self.list.currentItem()
        return self.docs[it.data(Qt.ItemDataRole.UserRole)] if it is not None else None
