"""The Paragraph styles panel: the document's styles by the labels they show (主题 黑体二号 —
the face and size part follows the style, and no two styles show the same label), New,
Duplicate and Delete (a style in use asks which style its paragraphs take instead), and the
fields of the chosen style: font, size (pt or 号), leading — fixed or automatic (size × a
ratio, moving with the size) with a warning when a fixed leading is smaller than the size —
indent, alignment, space before and after.  Every change is one undoable core command.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QInputDialog, QLabel,
    QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget,
)

from ..core import commands as C
from ..core.model.document import ALIGNMENTS, ParagraphStyle
from ..core.model.units import HAO_SIZES, parse_size, size_name
from ..core.stylelabels import display_labels, follow
from .panels import PANEL_MS, _debounced, _refresh_after, _spin


class SizeBox(QComboBox):
    """A type size: pt or a 号 name."""

    def __init__(self):
        super().__init__()
        self.setEditable(True)
        for name, pt in HAO_SIZES.items():
            self.addItem(f"{name}  ({pt:g} pt)", name)

    def value(self) -> float | None:
        t = self.currentText().split("(")[0].strip()
        try:
            return parse_size(t)
        except ValueError:
            return None

    def set_value(self, pt: float):
        name = size_name(pt)
        if name:
            self.setCurrentIndex(self.findData(name))
        else:
            self.setEditText(f"{pt:g}pt")


class ReplaceStyleDialog(QDialog):
    """Deleting a style paragraphs use: which style do they take instead?"""

    def __init__(self, label: str, users: int, others: list[tuple[str, str]], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Delete paragraph style"))
        lay = QVBoxLayout(self)
        msg = QLabel(self.tr("“%1” is used by %2 paragraphs. Replace it with:")
                     .replace("%1", label).replace("%2", str(users)))
        msg.setWordWrap(True)
        lay.addWidget(msg)
        self.combo = QComboBox()
        for name, shown in others:
            self.combo.addItem(shown, name)
        lay.addWidget(self.combo)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Delete and replace"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(others))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)

    def replacement(self) -> str | None:
        return self.combo.currentData()


class StylesPanel(QWidget):
    """Paragraph styles: pick one, edit its font, size (pt or 号), leading, indent …"""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self._updating = False
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        self.list = QListWidget()
        self.list.currentRowChanged.connect(lambda _: self.refresh_fields())
        lay.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.new_btn = QPushButton(self.tr("New…"))
        self.dup_btn = QPushButton(self.tr("Duplicate"))
        self.del_btn = QPushButton(self.tr("Delete"))
        for b in (self.new_btn, self.dup_btn, self.del_btn):
            row.addWidget(b)
        lay.addLayout(row)
        self.new_btn.clicked.connect(lambda: self.new_style())
        self.dup_btn.clicked.connect(lambda: self.duplicate_style())
        self.del_btn.clicked.connect(lambda: self.delete_style())
        form = QFormLayout()
        lay.addLayout(form)
        self.font = QComboBox()
        for fid, label in (("song", self.tr("Song (宋体)")), ("hei", self.tr("Hei (黑体)")),
                           ("hei-bold", self.tr("Hei Bold (粗黑)")), ("kai", self.tr("Kai (楷体)"))):
            self.font.addItem(label, fid)
        self.size = SizeBox()
        self.leading = _spin(0, 200, suffix=" pt")
        self.leading.setSpecialValueText(self.tr("grid"))
        self.auto_leading = QCheckBox(self.tr("Auto"))
        self.auto_leading.setToolTip(self.tr("Automatic leading: the size × the ratio, following the size"))
        self.ratio = _spin(0.5, 5, dec=3)
        self.ratio.setPrefix("× ")
        auto_row = QWidget()
        lr = QHBoxLayout(auto_row)
        lr.setContentsMargins(0, 0, 0, 0)
        lr.addWidget(self.auto_leading)
        lr.addWidget(self.ratio, 1)
        self.leading_warning = QLabel()
        self.leading_warning.setWordWrap(True)
        self.leading_warning.setStyleSheet("color: #b00020")
        self.indent = _spin(-10, 10, suffix=self.tr(" em"))
        self.align = QComboBox()
        for a, label in zip(ALIGNMENTS, (self.tr("Justify"), self.tr("Left"), self.tr("Center"),
                                         self.tr("Right"))):
            self.align.addItem(label, a)
        self.before = _spin(0, 200, suffix=" pt")
        self.after = _spin(0, 200, suffix=" pt")
        form.addRow(self.tr("Font"), self.font)
        form.addRow(self.tr("Size"), self.size)
        form.addRow(self.tr("Leading"), self.leading)
        form.addRow("", auto_row)
        form.addRow(self.leading_warning)
        form.addRow(self.tr("First-line indent"), self.indent)
        form.addRow(self.tr("Alignment"), self.align)
        form.addRow(self.tr("Space before"), self.before)
        form.addRow(self.tr("Space after"), self.after)
        self.font.activated.connect(lambda _: self._edit(font=self.font.currentData()))
        self.size.activated.connect(lambda _: self._size_edited())
        self.size.lineEdit().editingFinished.connect(self._size_edited)
        self.leading.valueChanged.connect(lambda v: self._edit(leading=v))
        self.auto_leading.toggled.connect(self._auto_toggled)
        self.ratio.valueChanged.connect(lambda v: self._edit(leading_ratio=v))
        self.indent.valueChanged.connect(lambda v: self._edit(indent=v))
        self.align.activated.connect(lambda _: self._edit(align=self.align.currentData()))
        self.before.valueChanged.connect(lambda v: self._edit(space_before=v))
        self.after.valueChanged.connect(lambda v: self._edit(space_after=v))
        self._later = _debounced(self, PANEL_MS, self.refresh)      # not inside every keystroke
        session.document_changed.connect(lambda: _refresh_after(session, self._later, self.refresh))
        self.refresh()

    # ------------------------------------------------------------ list
    def labels(self) -> dict[str, str]:
        return display_labels(self.session.doc.paragraph_styles)

    def refresh(self):
        labels = self.labels()
        want = list(labels.items())
        have = [(self.list.item(i).data(Qt.ItemDataRole.UserRole), self.list.item(i).text())
                for i in range(self.list.count())]
        if want != have:
            cur = self.current()
            row = self.list.currentRow()
            self._updating = True
            try:
                self.list.clear()
                for name, shown in want:
                    it = QListWidgetItem(shown)
                    it.setData(Qt.ItemDataRole.UserRole, name)
                    it.setToolTip(name)
                    self.list.addItem(it)
            finally:
                self._updating = False
            names = [n for n, _ in want]
            if cur is not None and cur.name in names:
                row = names.index(cur.name)
            self.list.setCurrentRow(max(0, min(row, self.list.count() - 1)))
        self.refresh_fields()

    def current(self) -> ParagraphStyle | None:
        it = self.list.currentItem()
        return self.session.doc.paragraph_style(it.data(Qt.ItemDataRole.UserRole)) if it else None

    def select(self, name: str) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == name:
                self.list.setCurrentRow(i)
                return

    def refresh_fields(self):
        st = self.current()
        self._updating = True
        try:
            self.dup_btn.setEnabled(st is not None)
            self.del_btn.setEnabled(st is not None)
            if st is None:
                self.leading_warning.hide()
                return
            self.font.setCurrentIndex(max(0, self.font.findData(st.font)))
            self.size.set_value(st.size)
            self.leading.setValue(st.leading)
            self.auto_leading.setChecked(st.auto_leading)
            self.ratio.setEnabled(st.auto_leading)
            self.ratio.setValue(st.leading_ratio if st.auto_leading else (st.leading / st.size if st.leading else 1.2))
            self.leading.setEnabled(not st.auto_leading)
            problem = st.leading_problem()
            self.leading_warning.setText(
                self.tr("Leading %1 pt is smaller than the size %2 pt: the lines overprint.")
                .replace("%1", f"{st.leading:g}").replace("%2", f"{st.size:g}") if problem else "")
            self.leading_warning.setVisible(bool(problem))
            self.indent.setValue(st.indent)
            self.align.setCurrentIndex(max(0, self.align.findData(st.align)))
            self.before.setValue(st.space_before)
            self.after.setValue(st.space_after)
        finally:
            self._updating = False

    # ------------------------------------------------------------ edits
    def _size_edited(self):
        v = self.size.value()
        if v is not None:
            self._edit(size=v)

    def _auto_toggled(self, on: bool):
        if self._updating:
            return
        st = self.current()
        if st is None:
            return
        if on:      # keep today's leading: the ratio is leading / size (the grid pitch when on the grid)
            lead = st.leading or (self.session.doc.pages[0].grid.leading if self.session.doc.pages else st.size * 1.2)
            self._edit(leading_ratio=min(5.0, max(0.5, round(lead / st.size, 4))))
        else:
            self._edit(leading_ratio=0.0)

    def _edit(self, **props):
        if self._updating:
            return
        st = self.current()
        if st is None:
            return
        props = {k: v for k, v in props.items() if getattr(st, k) != v}
        if props:
            self.session.push(C.EditParagraphStyle(st.name, **props))

    def new_style(self) -> str | None:
        """Ask for the style's word (its label); the style starts as body type (宋体小五 on the grid)."""
        word, ok = QInputDialog.getText(self, self.tr("New paragraph style"), self.tr("Label:"),
                                        text=self.tr("New style"))
        word = word.strip()
        if not ok or not word:
            return None
        doc = self.session.doc
        st = ParagraphStyle(C.unique_style_name(doc, "style"))
        st.label = follow(word, st.font, st.size)
        if self.session.push(C.AddParagraphStyle(st)):
            self.select(st.name)
            return st.name
        return None

    def duplicate_style(self) -> str | None:
        st = self.current()
        if st is None:
            return None
        cmd = C.duplicate_paragraph_style(self.session.doc, st.name)
        if self.session.push(cmd):
            self.select(cmd.style.name)
            return cmd.style.name
        return None

    def delete_style(self) -> bool:
        st = self.current()
        if st is None:
            return False
        doc = self.session.doc
        users = C.style_users(doc, st.name)
        replacement = None
        if users:
            labels = self.labels()
            others = [(n, v) for n, v in labels.items() if n != st.name]
            dlg = ReplaceStyleDialog(labels[st.name], users, others, self)
            self.replace_dialog = dlg
            if dlg.exec() != QDialog.DialogCode.Accepted:
                return False
            replacement = dlg.replacement()
        return self.session.push(C.DeleteParagraphStyle(st.name, replacement))
