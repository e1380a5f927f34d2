"""File → 从模板新建: the templates by their names (对开 8 栏, 四开 6 栏, the user's own),
each with a thumbnail of its first page, and a blank page."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListView, QListWidget, QListWidgetItem, QVBoxLayout

THUMB_PX = 150       # the thumbnail's longer side


def _thumbnail(doc, base_dir) -> QIcon:
    from ..core.typeset.layout import layout_document
    from ..render.qt import render_page_image
    result = layout_document(doc, base_dir=base_dir)
    if not result.pages:
        return QIcon()
    page = result.pages[0]
    dpi = THUMB_PX / (max(page.width, page.height) / 72.0)
    img = render_page_image(page, dpi, placeholders=True)
    from PySide6.QtGui import QColor, QPainter, QPen
    qp = QPainter(img)          # the white page's edge, so it shows on a white list
    qp.setPen(QPen(QColor(120, 120, 120), 1))
    qp.drawRect(0, 0, img.width() - 1, img.height() - 1)
    qp.end()
    return QIcon(QPixmap.fromImage(img))


class TemplateDialog(QDialog):
    """``chosen()`` after exec(): a TemplateInfo, or None for the blank page."""

    def __init__(self, parent=None):
        super().__init__(parent)
        from ..core.templates import list_templates, document_from_template
        self.setWindowTitle(self.tr("New from template"))
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("Choose a page template:")))
        self.list = QListWidget()
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(QSize(THUMB_PX, THUMB_PX))
        self.list.setGridSize(QSize(THUMB_PX + 60, THUMB_PX + 48))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setWordWrap(True)
        self.list.setMinimumSize(3 * (THUMB_PX + 64), THUMB_PX + 80)
        lay.addWidget(self.list, 1)
        self.templates = []
        for info in list_templates():
            try:
                icon = _thumbnail(document_from_template(info.path), info.path.parent)
            except Exception:      # a broken user template still shows, without a picture
                icon = QIcon()
            text = info.name if info.bundled else self.tr("%1 (mine)").replace("%1", info.name)
            item = QListWidgetItem(icon, text)
            item.setData(Qt.ItemDataRole.UserRole, len(self.templates))
            self.list.addItem(item)
            self.templates.append(info)
        blank = QListWidgetItem(self.tr("Blank page"))
        blank.setData(Qt.ItemDataRole.UserRole, -1)
        self.list.addItem(blank)
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda *_: self.accept())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)

    def chosen(self):
        item = self.list.currentItem()
        if item is None:
            return None
        i = item.data(Qt.ItemDataRole.UserRole)
        return self.templates[i] if i is not None and i >= 0 else None
