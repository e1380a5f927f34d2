"""The Pages panel and the Page menu: pages and masters (版式) of the document.

Top: the masters, each with a thumbnail (double-click one to edit it in the
canvas, gui/master_view.py; "Apply to selected pages" gives the selected pages
that master).  Below: the pages in order, each a thumbnail of its laid-out
page with its folio (第 3 版) and master under it, in a grid of fixed cells so
no two thumbnails overlap.  Drag a page onto another place to move it, or use
↑/↓; Add… asks for a master or template by name (with thumbnails); Duplicate
and Delete act on the selected page.  Every change is one core command on the
document's undo stack; the panel never changes the model itself.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView, QApplication, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QMenu, QMessageBox, QPushButton, QSizePolicy, QVBoxLayout, QWidget,
)

from ..core import commands as C

THUMB_H = 110       # px: page thumbnails
MASTER_THUMB_H = 70
KIND_ROLE = Qt.ItemDataRole.UserRole + 1


def folio_label(tr, page, index: int) -> str:
    """'第 3 版' for a numbered page (or one named by its position), else its own name."""
    if page.name.isdigit() or not page.name:
        return QCoreApplication.translate("PagesPanel", "Page %1").replace("%1", page.name or str(index + 1))
    return page.name


def page_label(tr, page, index: int) -> str:
    """Under a page's thumbnail: its folio and its own 版名 when it has one, then its master."""
    head = folio_label(tr, page, index)
    if page.fields.get("section"):
        head += " " + page.fields["section"]
    return head + "\n" + master_label(tr, page.master)


def page_tooltip(doc, page, index: int) -> str:
    """The page's 报眉 as it prints: 版名 and 责任编辑 (its own or the document's)."""
    from ..core.model.document import field_value
    lines = [folio_label(None, page, index) + "  (" + page.id + ")"]
    for key, label in (("section", QCoreApplication.translate("PagesPanel", "Section")),
                       ("editor", QCoreApplication.translate("PagesPanel", "Editor"))):
        v = field_value(doc, page, key)
        if v:
            own = "" if page.fields.get(key) else QCoreApplication.translate("PagesPanel", " (document)")
            lines.append(f"{label}: {v}{own}")
    return "\n".join(lines)


def master_label(tr, name: str | None) -> str:
    if name:
        return QCoreApplication.translate("PagesPanel", "Master %1").replace("%1", name)
    return QCoreApplication.translate("PagesPanel", "No master")


def _framed(img, h: int) -> QPixmap:
    pm = QPixmap.fromImage(img)
    qp = QPainter(pm)          # the trim edge, so a white page shows on the white list
    qp.setPen(QColor(120, 120, 120))
    qp.drawRect(0, 0, pm.width() - 1, pm.height() - 1)
    qp.end()
    return pm


def blank_thumbnail(aspect: float, height: int = THUMB_H) -> QPixmap:
    """A white page with its trim edge, ``height`` px tall (width / height = ``aspect``)."""
    pm = QPixmap(max(1, round(height * aspect)), height)
    pm.fill(QColor(255, 255, 255))
    qp = QPainter(pm)
    qp.setPen(QColor(120, 120, 120))
    qp.drawRect(0, 0, pm.width() - 1, pm.height() - 1)
    qp.end()
    return pm


def page_thumbnail(page_result, height: int = THUMB_H) -> QPixmap:
    from ..render.qt import render_page_image
    img = render_page_image(page_result, dpi=height * 72.0 / max(page_result.height, 1), placeholders=True)
    return _framed(img, height)


def master_thumbnail(doc, name: str, height: int = MASTER_THUMB_H) -> QPixmap:
    """The master as it is edited: its items on a page like those using it, field codes showing."""
    from ..core.typeset.fonts import default_registry
    from ..core.typeset.layout import Layouter
    from .master_view import master_view_document
    try:
        res = Layouter(default_registry(), None).layout(master_view_document(doc, name))
        return page_thumbnail(res.pages[0], height)
    except Exception:       # a thumbnail is never worth an error dialog
        pm = QPixmap(int(height * 0.72), height)
        pm.fill(QColor(220, 220, 220))
        return pm


class PageList(QListWidget):
    """Thumbnails in fixed grid cells; a page is moved by dragging it to another place.

    The drag is the list's own (press, move, release — no system drag and drop), so
    it needs no clipboard or window-manager support and is one MovePage on release."""

    moved = Signal(str, int)      # page id, new index

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setViewMode(QListWidget.ViewMode.IconMode)
        self.setMovement(QListWidget.Movement.Static)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setFlow(QListWidget.Flow.LeftToRight)
        self.setWrapping(True)
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(False)
        self.set_thumb_height(THUMB_H)
        self.reorder = True          # dragging a thumbnail moves it
        self._press = None           # (point, item) of a left press
        self._drop = None            # insertion index while dragging

    def set_thumb_height(self, h: int) -> None:
        w = int(h * 0.75)
        self.setIconSize(QSize(w, h))
        line = self.fontMetrics().height()
        self.setGridSize(QSize(w + 28, h + 2 * line + 14))   # icon + two text lines, with air

    # -- dragging a page to another place
    def insertion_index(self, pos: QPoint) -> int:
        """Where a page dropped at ``pos`` goes: before the nearest thumbnail, or after it."""
        best, best_d = None, None
        for i in range(self.count()):
            r = self.visualItemRect(self.item(i))
            c = r.center()
            d = (abs(pos.y() - c.y()) > r.height() / 2, abs(pos.x() - c.x()) + abs(pos.y() - c.y()))
            if best_d is None or d < best_d:
                best, best_d = i, d
        if best is None:
            return 0
        r = self.visualItemRect(self.item(best))
        return best if pos.x() < r.center().x() else best + 1

    def mousePressEvent(self, e):
        super().mousePressEvent(e)
        it = self.itemAt(e.position().toPoint()) if e.button() == Qt.MouseButton.LeftButton else None
        self._press = (e.position().toPoint(), it) if it is not None and self.reorder else None
        self._drop = None

    def mouseMoveEvent(self, e):
        if self._press is not None and e.buttons() & Qt.MouseButton.LeftButton:
            p = e.position().toPoint()
            if self._drop is not None or (p - self._press[0]).manhattanLength() >= QApplication.startDragDistance():
                self._drop = self.insertion_index(p)
                self.viewport().setCursor(Qt.CursorShape.DragMoveCursor)
                self.viewport().update()
                return
        super().mouseMoveEvent(e)

    def mouseReleaseEvent(self, e):
        press, drop = self._press, self._drop
        self._press = self._drop = None
        self.viewport().unsetCursor()
        if press is not None and drop is not None:
            self.viewport().update()
            it = press[1]
            src = self.row(it)
            target = drop - 1 if drop > src else drop
            if target != src:
                self.moved.emit(it.data(Qt.ItemDataRole.UserRole), target)
            return
        super().mouseReleaseEvent(e)

    def paintEvent(self, e):
        super().paintEvent(e)
        if self._drop is None or not self.count():
            return
        i = min(self._drop, self.count() - 1)
        r = self.visualItemRect(self.item(i))
        x = r.left() - 2 if self._drop < self.count() else r.right() + 2
        qp = QPainter(self.viewport())
        qp.setPen(QPen(QColor(20, 110, 255), 3))
        qp.drawLine(QPoint(x, r.top() + 4), QPoint(x, r.bottom() - 4))
        qp.end()


class PagesPanel(QWidget):
    page_activated = Signal(str)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.host = None              # the main window, once installed (master mode, menus)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addWidget(QLabel(self.tr("Masters")))
        self.masters = PageList()
        self.masters.setObjectName("masters")
        self.masters.set_thumb_height(MASTER_THUMB_H)
        self.masters.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.masters.setMaximumHeight(MASTER_THUMB_H + 3 * self.fontMetrics().height() + 30)
        self.masters.itemDoubleClicked.connect(lambda it: self.edit_master(it.data(Qt.ItemDataRole.UserRole)))
        self.masters.reorder = False          # masters keep their order
        lay.addWidget(self.masters)
        row = QHBoxLayout()
        self.edit_master_btn = QPushButton(self.tr("Edit"))
        self.edit_master_btn.setToolTip(self.tr("Edit the master in the canvas (or double-click it)"))
        self.apply_master_btn = QPushButton(self.tr("Apply to selected pages"))
        row.addWidget(self.edit_master_btn)
        row.addWidget(self.apply_master_btn)
        lay.addLayout(row)
        self.edit_master_btn.clicked.connect(lambda: self.edit_master(self._selected_master()))
        self.apply_master_btn.clicked.connect(lambda: self.apply_master(self._selected_master(apply=True)))
        lay.addWidget(QLabel(self.tr("Pages")))
        self.list = PageList()
        self.list.setObjectName("pages")
        self.list.itemClicked.connect(self._clicked)
        self.list.moved.connect(self.move_page)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        lay.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.add_btn = QPushButton(self.tr("Add…"))
        self.dup_btn = QPushButton(self.tr("Duplicate"))
        self.del_btn = QPushButton(self.tr("Delete"))
        self.up_btn = QPushButton("↑")
        self.up_btn.setToolTip(self.tr("Move page up"))
        self.down_btn = QPushButton("↓")
        self.down_btn.setToolTip(self.tr("Move page down"))
        for b in (self.add_btn, self.dup_btn, self.del_btn, self.up_btn, self.down_btn):
            row.addWidget(b)
        self.up_btn.setMaximumWidth(32)
        self.down_btn.setMaximumWidth(32)
        # the buttons never make the dock wider than the window gave it (a dock that grows
        # once it is shown moves the canvas under the pointer)
        for b in (self.edit_master_btn, self.apply_master_btn, self.add_btn, self.dup_btn, self.del_btn,
                  self.up_btn, self.down_btn):
            b.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            b.setMinimumWidth(24)
            b.setToolTip(b.toolTip() or b.text())
        lay.addLayout(row)
        self.add_btn.clicked.connect(lambda: self.add_page_dialog())
        self.dup_btn.clicked.connect(self.duplicate_page)
        self.del_btn.clicked.connect(self.delete_page)
        self.up_btn.clicked.connect(lambda: self.move_selected(-1))
        self.down_btn.clicked.connect(lambda: self.move_selected(1))
        self._thumbs: dict[str, QPixmap] = {}
        self._dirty: set | None = None
        self._timer = QTimer(self, singleShot=True, interval=400)
        self._timer.timeout.connect(self._refresh_thumbs)
        self._master_timer = QTimer(self, singleShot=True, interval=400)
        self._master_timer.timeout.connect(self._refresh_master_thumbs)
        session.layout_changed.connect(self._layout_changed)
        session.document_changed.connect(self.refresh)
        self._shown: tuple = ()
        self._masters_shown: tuple = ()
        self.refresh()

    # ---------------------------------------------------------------- which page
    def selected_pages(self) -> list[str]:
        ids = [it.data(Qt.ItemDataRole.UserRole) for it in self.list.selectedItems()]
        order = {p.id: i for i, p in enumerate(self.session.doc.pages)}
        ids = sorted((i for i in ids if i in order), key=order.get)
        if not ids and self.session.current_page:
            ids = [self.session.current_page]
        return ids

    def _selected_page(self) -> str | None:
        it = self.list.currentItem()
        if it is not None and it.isSelected():
            return it.data(Qt.ItemDataRole.UserRole)
        sel = self.selected_pages()
        return sel[0] if sel else None

    def _selected_master(self, apply=False) -> str | None:
        it = self.masters.currentItem()
        if it is None:
            return None
        return it.data(Qt.ItemDataRole.UserRole)

    def select_page(self, page_id: str) -> None:
        for i in range(self.list.count()):
            it = self.list.item(i)
            if it.data(Qt.ItemDataRole.UserRole) == page_id:
                self.list.setCurrentItem(it)
                it.setSelected(True)
                return

    def _clicked(self, it):
        if self.host is not None:
            from .master_view import leave_master
            leave_master(self.host)
        self.page_activated.emit(it.data(Qt.ItemDataRole.UserRole))

    def _push(self, cmd) -> bool:
        return self.session.push(cmd)

    # ---------------------------------------------------------------- page commands
    def add_page_dialog(self):
        """Choose what the new page is made from (a master of this document, or a template, by
        name with a thumbnail); it goes after the selected page.  Returns the dialog (opened
        window-modal; OK adds the page with one undoable command)."""
        dlg = AddPageDialog(self.session.doc, self.window() if self.host is None else self.host)
        after = self._selected_page()
        dlg.accepted.connect(lambda d=dlg, a=after: self._add_chosen(d, a))
        dlg.finished.connect(dlg.deleteLater)
        self.add_dialog = dlg
        dlg.open()
        return dlg

    def _add_chosen(self, dlg, after: str | None) -> bool:
        doc = self.session.doc
        pids = [p.id for p in doc.pages]
        index = pids.index(after) + 1 if after in pids else None
        kind, value = dlg.choice()
        if kind == "template":
            cmd = C.page_from_source(doc, value, 0, index)
        else:
            cmd = C.page_like(doc, after, value, index)
        before = set(pids)
        ok = self._push(cmd)
        if ok:
            new = next(p.id for p in self.session.doc.pages if p.id not in before)
            self.refresh()
            self.list.clearSelection()
            self.select_page(new)
            self.page_activated.emit(new)
        return ok

    def add_page(self):
        """A page like the selected one, with its master, right after it (no dialog)."""
        doc = self.session.doc
        cur = self._selected_page()
        page = next((p for p in doc.pages if p.id == cur), None)
        index = doc.pages.index(page) + 1 if page is not None else None
        return self._push(C.page_like(doc, cur, page.master if page else None, index))

    def duplicate_page(self):
        pid = self._selected_page()
        if not pid:
            return False
        cmd = C.DuplicatePage(pid)
        if self._push(cmd):
            self.refresh()
            self.list.clearSelection()
            self.select_page(cmd.new_page_id)
            return True
        return False

    def delete_page(self):
        pid = self._selected_page()
        if not pid:
            return False
        if len(self.session.doc.pages) <= 1:
            QMessageBox.information(self, self.tr("Delete page"),
                                    self.tr("A document keeps at least one page."))
            return False
        return self._push(C.DeletePage(pid))

    def move_page(self, page_id: str, index: int) -> bool:
        ok = self._push(C.MovePage(page_id, index))
        if ok:
            self.refresh()
            self.list.clearSelection()
            self.select_page(page_id)
        return ok

    def move_selected(self, delta: int) -> bool:
        pid = self._selected_page()
        if not pid:
            return False
        i = [p.id for p in self.session.doc.pages].index(pid)
        if not 0 <= i + delta < len(self.session.doc.pages):
            return False
        return self.move_page(pid, i + delta)

    # ---------------------------------------------------------------- masters
    def edit_master(self, name: str | None):
        if not name or self.host is None:
            return None
        from .master_view import edit_master
        return edit_master(self.host, name)

    def apply_master(self, name: str | None, pages=None) -> bool:
        """Give the selected pages master ``name`` (None: no master)."""
        pages = pages or self.selected_pages()
        if not pages:
            return False
        return self._push(C.ApplyMaster(pages, name))

    # ---------------------------------------------------------------- showing
    def _context_menu(self, pos):
        menu = QMenu(self)
        menu.addAction(self.tr("Add…"), self.add_page_dialog)
        menu.addAction(self.tr("Duplicate"), self.duplicate_page)
        menu.addAction(self.tr("Delete"), self.delete_page)
        sub = menu.addMenu(self.tr("Apply master"))
        fill_master_menu(self, sub)
        menu.exec(self.list.viewport().mapToGlobal(pos))

    def _layout_changed(self, changed):
        if changed is None:
            self._dirty = None
        elif self._dirty is not None:
            self._dirty |= set(changed)
        self._timer.start()

    def refresh(self):
        doc = self.session.doc
        shown = tuple((p.id, p.name, p.master, tuple(p.fields.items())) for p in doc.pages)
        if shown != self._shown:
            self._shown = shown
            keep = set(self.selected_pages()) if self.list.count() else set()
            cur = self.list.currentItem().data(Qt.ItemDataRole.UserRole) if self.list.currentItem() else None
            self.list.clear()
            for i, p in enumerate(doc.pages):
                it = QListWidgetItem(page_label(self.tr, p, i))
                it.setData(Qt.ItemDataRole.UserRole, p.id)
                it.setToolTip(page_tooltip(doc, p, i))
                it.setTextAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
                # a blank page until the thumbnail is painted: every item has its full size from
                # the start (an item laid out without its icon is drawn over by its neighbours)
                it.setIcon(QIcon(self._thumbs.get(p.id) or blank_thumbnail(p.width / p.height)))
                self.list.addItem(it)
                if p.id == cur:
                    self.list.setCurrentItem(it)
                it.setSelected(p.id in keep)
            self._dirty = None
            self._timer.start()
        masters = tuple(m.name for m in doc.masters)
        if masters != self._masters_shown:
            self._masters_shown = masters
            cur = self._selected_master()
            self.masters.clear()
            for m in doc.masters:
                n = sum(1 for p in doc.pages if p.master == m.name)
                it = QListWidgetItem(master_label(self.tr, m.name) + "\n"
                                     + self.tr("%1 page(s)").replace("%1", str(n)))
                it.setData(Qt.ItemDataRole.UserRole, m.name)
                ref = next((p for p in doc.pages if p.master == m.name), doc.pages[0] if doc.pages else None)
                it.setIcon(QIcon(blank_thumbnail(ref.width / ref.height if ref else 0.72, MASTER_THUMB_H)))
                it.setTextAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
                self.masters.addItem(it)
                if m.name == cur:
                    self.masters.setCurrentItem(it)
        else:
            for i in range(self.masters.count()):
                it = self.masters.item(i)
                name = it.data(Qt.ItemDataRole.UserRole)
                n = sum(1 for p in doc.pages if p.master == name)
                it.setText(master_label(self.tr, name) + "\n" + self.tr("%1 page(s)").replace("%1", str(n)))
        self._master_timer.start()

    def _refresh_thumbs(self):
        dirty, self._dirty = self._dirty, set()
        for i in range(self.list.count()):
            it = self.list.item(i)
            pid = it.data(Qt.ItemDataRole.UserRole)
            if dirty is not None and pid not in dirty and pid in self._thumbs:
                it.setIcon(QIcon(self._thumbs[pid]))
                continue
            pr = self.session.page_result(pid)
            if pr is None:
                continue
            pm = page_thumbnail(pr)
            self._thumbs[pid] = pm
            it.setIcon(QIcon(pm))

    def _refresh_master_thumbs(self):
        for i in range(self.masters.count()):
            it = self.masters.item(i)
            it.setIcon(QIcon(master_thumbnail(self.session.doc, it.data(Qt.ItemDataRole.UserRole))))

    def flush(self):
        """Paint every pending thumbnail now (tests, screenshots)."""
        self._timer.stop()
        self._master_timer.stop()
        self._refresh_thumbs()
        self._refresh_master_thumbs()


def fill_master_menu(panel: PagesPanel, menu: QMenu) -> None:
    """Apply master ▸ one entry per master and 'No master', for the selected pages."""
    menu.clear()
    for m in panel.session.doc.masters:
        a = menu.addAction(master_label(panel.tr, m.name))
        a.triggered.connect(lambda _=False, n=m.name: panel.apply_master(n))
    a = menu.addAction(master_label(panel.tr, None))
    a.triggered.connect(lambda _=False: panel.apply_master(None))


# ====================================================================== dialogs


class AddPageDialog(QDialog):
    """Add page: the document's masters and the templates, by name with a thumbnail."""

    def __init__(self, doc, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add page"))
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("Make the new page from a master of this document or a template:")))
        self.list = PageList()
        self.list.setObjectName("choices")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.itemDoubleClicked.connect(lambda _it: self.accept())
        lay.addWidget(self.list, 1)
        self.choices: list[tuple[str, object]] = []
        for m in doc.masters:
            self._add(master_label(self.tr, m.name), master_thumbnail(doc, m.name, THUMB_H), ("master", m.name))
        self._add(master_label(self.tr, None), None, ("master", None))
        from ..core import templates as T
        from ..core.io import LayoutFileError
        from .template_dialog import template_label, thumbnail
        for info in T.list_templates():
            try:
                tdoc = T.document_from_template(info.path)
            except (LayoutFileError, OSError):
                continue
            if not tdoc.pages:
                continue
            label = self.tr("Template: %1").replace("%1", template_label(info, tdoc))
            self._add(label, thumbnail(tdoc, THUMB_H), ("template", tdoc))
        self.list.setCurrentRow(0)
        bb = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        bb.accepted.connect(self.accept)
        bb.rejected.connect(self.reject)
        lay.addWidget(bb)
        self.buttons = bb
        self.resize(640, 420)

    def _add(self, label, pm, choice):
        it = QListWidgetItem(label)
        if pm is None:
            pm = blank_thumbnail(0.72)
        it.setIcon(QIcon(pm))
        it.setTextAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        it.setData(Qt.ItemDataRole.UserRole, len(self.choices))
        self.choices.append(choice)
        self.list.addItem(it)

    def labels(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def choice(self):
        it = self.list.currentItem()
        return self.choices[it.data(Qt.ItemDataRole.UserRole)] if it is not None else ("master", None)


META_FIELDS = ("paper", "date", "weekday", "section", "editor")
#: the fields that are the issue's (every page); the others may differ from page to page
ISSUE_FIELDS = ("paper", "date", "weekday")
PAGE_FIELDS = ("section", "editor")


class DocumentInfoDialog(QDialog):
    """报眉信息: what the 报眉 fields {paper} {date} {weekday} {section} {editor} say.

    The paper name, date and weekday are the issue's, on every page.  The section (版名)
    and editor (责任编辑) are set either for *this page* (its own fields, Page.fields —
    left empty, the page shows the document's) or for *all pages* (the document's, and no
    page keeps its own).  The fields show what the page ``page_id`` shows now."""

    def __init__(self, doc, parent=None, page_id: str | None = None):
        super().__init__(parent)
        from PySide6.QtWidgets import QButtonGroup, QGroupBox, QRadioButton
        from ..core.model.document import field_value
        self.setWindowTitle(self.tr("Document info"))
        self.page_id = page_id if any(p.id == page_id for p in doc.pages) else None
        page = next((p for p in doc.pages if p.id == self.page_id), None)
        lay = QVBoxLayout(self)
        labels = {"paper": self.tr("Paper name"), "date": self.tr("Date"), "weekday": self.tr("Weekday"),
                  "section": self.tr("Section"), "editor": self.tr("Editor")}
        self.fields: dict[str, QLineEdit] = {}
        self.shown: dict[str, str] = {}         # what each field said when the dialog opened
        issue = QGroupBox(self.tr("The issue (every page)"))
        issue_form = QFormLayout(issue)
        per_page = QGroupBox(self.tr("Section and editor"))
        page_form = QFormLayout(per_page)
        self.doc_values = {k: str(doc.meta.get(k, "")) for k in META_FIELDS}
        for k in META_FIELDS:
            v = field_value(doc, page, k) if page is not None and k in PAGE_FIELDS else self.doc_values[k]
            e = QLineEdit(v)
            e.setObjectName("meta_" + k)
            self.fields[k] = e
            self.shown[k] = v
            (page_form if k in PAGE_FIELDS else issue_form).addRow(labels[k] + f"  {{{k}}}", e)
        self.this_page = QRadioButton(self.tr("This page (%1)").replace(
            "%1", folio_label(self.tr, page, doc.pages.index(page)) if page is not None else "—"))
        self.this_page.setObjectName("scope_page")
        self.all_pages = QRadioButton(self.tr("All pages"))
        self.all_pages.setObjectName("scope_all")
        self.scope = QButtonGroup(self)
        self.scope.addButton(self.this_page)
        self.scope.addButton(self.all_pages)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Apply to:")))
        row.addWidget(self.this_page)
        row.addWidget(self.all_pages)
        row.addStretch(1)
        page_form.addRow(row)
        own = page is not None and any(page.fields.get(k) for k in PAGE_FIELDS)
        self.this_page.setEnabled(page is not None)
        (self.this_page if own else self.all_pages).setChecked(True)
        self.this_page.toggled.connect(self._scope_changed)
        self._scope_changed()
        lay.addWidget(issue)
        lay.addWidget(per_page)
        bb = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        bb.accepted.connect(self.accept)
        bb.rejected.connect(self.reject)
        lay.addWidget(bb)
        self.buttons = bb

    def _scope_changed(self, *_):
        """For this page an empty field is the document's value: it shows as the grey hint."""
        for k in PAGE_FIELDS:
            e = self.fields[k]
            e.setPlaceholderText(self.tr("As the document: %1").replace("%1", self.doc_values[k])
                                 if self.this_page.isChecked() and self.doc_values[k] else "")

    def command(self, doc) -> C.Command | None:
        cmds: list[C.Command] = []
        for k in ISSUE_FIELDS:
            t = self.fields[k].text()
            if t != doc.meta.get(k, ""):
                cmds.append(C.SetMeta(k, t))
        edited = {k: self.fields[k].text() for k in PAGE_FIELDS if self.fields[k].text() != self.shown[k]}
        page = next((p for p in doc.pages if p.id == self.page_id), None)
        if self.this_page.isChecked() and page is not None:
            # the page's own value; empty or the document's own gives the field back to the document
            changes = {k: (None if t in ("", doc.meta.get(k, "")) else t) for k, t in edited.items()}
            if any((page.fields.get(k) or None) != v for k, v in changes.items()):
                cmds.append(C.SetPageFields(page.id, **changes))
        else:
            for k, t in edited.items():
                if t != doc.meta.get(k, ""):
                    cmds.append(C.SetMeta(k, t))
                for p in doc.pages:             # all pages: none keeps its own
                    if p.fields.get(k):
                        cmds.append(C.SetPageFields(p.id, **{k: None}))
        if not cmds:
            return None
        return C.Compound(cmds, text="更改报眉信息")


# ====================================================================== the Page menu


def install(window) -> None:
    """The Page menu of ``window`` and the panel's way to the canvas (master mode)."""
    panel: PagesPanel = window.pages_panel
    panel.host = window
    from PySide6.QtGui import QKeySequence
    from . import master_view as MV
    A = window._action
    mb = window.menuBar()
    m = QMenu(QCoreApplication.translate("PagesPanel", "&Page"), window)
    before = next((a for a in mb.actions() if a.menu() is not None and a.text() == window.tr("&Window")), None)
    if before is not None:
        mb.insertMenu(before, m)
    else:
        mb.addMenu(m)
    window.page_menu = m
    A(QCoreApplication.translate("PagesPanel", "Add page…"), lambda: panel.add_page_dialog(), QKeySequence("Ctrl+Shift+P"), menu=m, key="page_add")
    A(QCoreApplication.translate("PagesPanel", "Duplicate page"), panel.duplicate_page, QKeySequence("Ctrl+Alt+Shift+D"), menu=m,
      key="page_duplicate")
    A(QCoreApplication.translate("PagesPanel", "Delete page"), panel.delete_page, QKeySequence("Ctrl+Shift+Del"), menu=m, key="page_delete")
    A(QCoreApplication.translate("PagesPanel", "Move page up"), lambda: panel.move_selected(-1), QKeySequence("Ctrl+Shift+PgUp"), menu=m,
      key="page_up")
    A(QCoreApplication.translate("PagesPanel", "Move page down"), lambda: panel.move_selected(1), QKeySequence("Ctrl+Shift+PgDown"), menu=m,
      key="page_down")
    m.addSeparator()

    def edit_current_master():
        s = window.session
        page = next((p for p in s.doc.pages if p.id == s.current_page), None)
        name = (page.master if page is not None else None) or panel._selected_master() \
            or (s.doc.masters[0].name if s.doc.masters else None)
        if name is None:
            QMessageBox.information(window, QCoreApplication.translate("PagesPanel", "Edit master"), QCoreApplication.translate("PagesPanel", "The document has no master."))
            return None
        return MV.edit_master(window, name)
    A(QCoreApplication.translate("PagesPanel", "Edit master"), edit_current_master, menu=m, key="master_edit")
    A(QCoreApplication.translate("PagesPanel", "Back to pages"), lambda: MV.leave_master(window), menu=m, key="master_leave")
    sub = m.addMenu(QCoreApplication.translate("PagesPanel", "Apply master"))
    sub.aboutToShow.connect(lambda: fill_master_menu(panel, sub))
    window.apply_master_menu = sub
    m.addSeparator()

    def document_info():
        dlg = DocumentInfoDialog(window.session.doc, window, window.session.current_page)
        window.document_info_dialog = dlg

        def done():
            cmd = dlg.command(window.session.doc)
            if cmd is not None:
                window.session.push(cmd)
        dlg.accepted.connect(done)
        dlg.finished.connect(dlg.deleteLater)
        dlg.open()
        return dlg
    A(QCoreApplication.translate("PagesPanel", "Document info…"), document_info, QKeySequence("Ctrl+Alt+I"), menu=m,
      key="doc_info")


__all__ = ["PagesPanel", "PageList", "AddPageDialog", "DocumentInfoDialog", "install", "folio_label"]
