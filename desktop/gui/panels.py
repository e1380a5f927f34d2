"""Dock panels: Articles, Properties, Paragraph styles, Preflight.

Each panel reads the session and pushes core commands; none changes the
model directly.  Panels refresh on the session's signals (debounced where a
refresh costs something, e.g. thumbnails and preflight).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QHBoxLayout,
    QHeaderView, QLabel, QListWidget, QListWidgetItem, QPushButton, QSpinBox,
    QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from ..core import commands as C
from ..core.model.document import ALIGNMENTS, ImageFrame, RuleFrame, TextFrame, BoxFrame
from ..core.model.units import HAO_SIZES, parse_size, size_name


def _debounced(parent, ms, fn) -> QTimer:
    t = QTimer(parent, singleShot=True, interval=ms)
    t.timeout.connect(fn)
    return t


# ====================================================================== articles


STORY_MIME = "application/x-banmian-story"


def placeable_frame(doc, frame_id: str | None) -> bool:
    """A text frame a story can be placed into: empty and not inside another story's thread."""
    if not frame_id:
        return False
    f = doc.find_frame(frame_id)[1]
    if not isinstance(f, TextFrame) or f.story:
        return False
    return not any(isinstance(g, TextFrame) and g.next == f.id for _, g in doc.all_frames())


class StoryTree(QTreeWidget):
    """The Articles list; a row drags its story id (drop it on an empty text frame)."""

    def mimeTypes(self):
        return [STORY_MIME]

    def mimeData(self, items):
        from PySide6.QtCore import QMimeData
        md = QMimeData()
        if items:
            md.setData(STORY_MIME, items[0].data(0, Qt.ItemDataRole.UserRole).encode("utf-8"))
        return md


class ArticlesPanel(QWidget):
    """Every story with its character count and fit; unplaced imported copy is
    placed from here: select an empty text frame on the page, pick the story,
    and "Place into selected frame" (button or context menu), or drag the story
    onto an empty text frame on the canvas — one PlaceStory command, after
    which the text flows and overset shows."""

    story_activated = Signal(str)
    story_placed = Signal(str, str)       # story id, frame id

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        self.tree = StoryTree()
        self.tree.setDragEnabled(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.tree.setHeaderLabels([self.tr("Story"), self.tr("Chars"), self.tr("Fit")])
        self.tree.setRootIsDecorated(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemDoubleClicked.connect(
            lambda it, _c: self.story_activated.emit(it.data(0, Qt.ItemDataRole.UserRole)))
        self.tree.currentItemChanged.connect(lambda *_: self._update_place())
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        lay.addWidget(self.tree)
        self.place_btn = QPushButton(self.tr("Place into selected frame"))
        self.place_btn.clicked.connect(lambda: self.place_selected())
        lay.addWidget(self.place_btn)
        self._timer = _debounced(self, 150, self.refresh)
        session.layout_changed.connect(lambda *_: self._timer.start())
        session.document_changed.connect(self._timer.start)
        session.selection_changed.connect(self._update_place)
        self.refresh()

    def refresh(self):
        s = self.session
        placed = s.doc.placed_story_ids() | {f.story for m in s.doc.masters for f in m.frames
                                             if isinstance(f, TextFrame) and f.story}
        current = self.current_story()
        self.tree.blockSignals(True)
        self.tree.clear()
        for st in s.doc.stories:
            n = sum(1 for ch in st.text if ch != "\n")
            over, under = s.overset_chars(st.id), s.underset_chars(st.id)
            if st.id not in placed:
                fit = self.tr("unplaced")
            elif over:
                fit = self.tr("overset %1 chars").replace("%1", str(over))
            elif under:
                fit = self.tr("short %1 chars").replace("%1", str(under))
            else:
                fit = self.tr("fits")
            it = QTreeWidgetItem([st.name or st.id, str(n), fit])
            it.setData(0, Qt.ItemDataRole.UserRole, st.id)
            if over:
                it.setForeground(2, QColor(200, 0, 0))
            elif st.id not in placed:
                it.setForeground(2, QColor(140, 100, 0))
            self.tree.addTopLevelItem(it)
            if st.id == current:
                self.tree.setCurrentItem(it)
        self.tree.blockSignals(False)
        self._update_place()

    def _item(self, story_id: str):
        for i in range(self.tree.topLevelItemCount()):
            it = self.tree.topLevelItem(i)
            if it.data(0, Qt.ItemDataRole.UserRole) == story_id:
                return it
        return None

    def current_story(self) -> str | None:
        it = self.tree.currentItem()
        return it.data(0, Qt.ItemDataRole.UserRole) if it else None

    def select_story(self, story_id: str) -> None:
        it = self._item(story_id)
        if it is not None:
            self.tree.setCurrentItem(it)
            self.tree.scrollToItem(it)

    def _clicked(self, it, _col):
        sid = it.data(0, Qt.ItemDataRole.UserRole)
        ids = [f.id for _, f in self.session.doc.thread(sid)]
        if not ids:     # unplaced: keep the frame the editor picked to place it into
            return
        arts = {self.session.doc.find_frame(i)[1].article for i in ids} - {None}
        for a in arts:
            ids += [f.id for _, f in self.session.doc.frames_of_article(a)]
        self.session.set_selection(ids)

    # ---------------------------------------------------------------- placing
    def target_frame(self) -> str | None:
        """The selected text frame a story can be placed into: one, empty, not inside a thread."""
        sel = self.session.selection
        if len(sel) != 1 or not placeable_frame(self.session.doc, sel[0]):
            return None
        return sel[0]

    def _update_place(self, *_):
        ok = self.current_story() is not None and self.target_frame() is not None
        self.place_btn.setEnabled(ok)
        self.place_btn.setToolTip("" if ok else self.tr("Pick a story here and select one empty text frame "
                                                         "on the page, or drag the story onto one"))

    def place_selected(self, story_id: str | None = None) -> bool:
        sid = story_id or self.current_story()
        fid = self.target_frame()
        if sid is None or fid is None:
            return False
        ok = self.session.push(C.PlaceStory(fid, sid))
        if ok:
            self.refresh()
            self.story_placed.emit(sid, fid)
        return ok

    def _context_menu(self, pos):
        from PySide6.QtWidgets import QMenu
        it = self.tree.itemAt(pos)
        if it is None:
            return
        self.tree.setCurrentItem(it)
        sid = it.data(0, Qt.ItemDataRole.UserRole)
        menu = QMenu(self)
        a = menu.addAction(self.tr("Place into selected frame"))
        a.setEnabled(self.target_frame() is not None)
        a.triggered.connect(lambda: self.place_selected(sid))
        b = menu.addAction(self.tr("Open in story editor"))
        b.triggered.connect(lambda: self.story_activated.emit(sid))
        menu.popup(self.tree.viewport().mapToGlobal(pos))

    def row_text(self, story_id: str) -> list[str]:
        it = self._item(story_id)
        return [it.text(c) for c in range(3)] if it is not None else []


# ====================================================================== properties


def _spin(lo, hi, dec=2, suffix=""):
    s = QDoubleSpinBox()
    s.setRange(lo, hi)
    s.setDecimals(dec)
    s.setKeyboardTracking(False)
    if suffix:
        s.setSuffix(suffix)
    return s


class PropertiesPanel(QWidget):
    """x, y, w, h in mm and the fields of the selected frame's kind."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self._updating = False
        form = QFormLayout(self)
        self.form = form
        self.kind_label = QLabel()
        form.addRow(self.kind_label)
        mm = " mm"
        self.x, self.y = _spin(-1000, 5000, suffix=mm), _spin(-1000, 5000, suffix=mm)
        self.w, self.h = _spin(0, 5000, suffix=mm), _spin(0, 5000, suffix=mm)
        form.addRow("X", self.x)
        form.addRow("Y", self.y)
        form.addRow(self.tr("Width"), self.w)
        form.addRow(self.tr("Height"), self.h)
        for s in (self.x, self.y, self.w, self.h):
            s.valueChanged.connect(self._geometry_edited)
        # text frames
        self.columns = QSpinBox()
        self.columns.setRange(1, 20)
        self.columns.setKeyboardTracking(False)
        self.gutter = _spin(0, 100, suffix=mm)
        self.inset = _spin(0, 100, suffix=mm)
        self.wrap = QComboBox()
        self.wrap.addItem(self.tr("No wrap"), "none")
        self.wrap.addItem(self.tr("Wrap around box"), "box")
        self.wrap_offset = _spin(0, 100, suffix=mm)
        self.columns_row = (self.tr("Columns"), self.columns)
        form.addRow(self.tr("Columns"), self.columns)
        form.addRow(self.tr("Gutter"), self.gutter)
        form.addRow(self.tr("Inset"), self.inset)
        form.addRow(self.tr("Text wrap"), self.wrap)
        form.addRow(self.tr("Wrap offset"), self.wrap_offset)
        self.columns.valueChanged.connect(lambda v: self._prop(columns=int(v)))
        self.gutter.valueChanged.connect(lambda v: self._prop(gutter=v))
        self.inset.valueChanged.connect(lambda v: self._prop(inset=v))
        self.wrap.activated.connect(lambda _: self._prop(**{"wrap.mode": self.wrap.currentData()}))
        self.wrap_offset.valueChanged.connect(lambda v: self._prop(**{"wrap.offset": v}))
        # images
        self.file_label = QLabel()
        self.file_label.setWordWrap(True)
        self.ppi_label = QLabel()
        self.fit = QComboBox()
        self.fit.addItem(self.tr("Fit (whole image)"), "fit")
        self.fit.addItem(self.tr("Fill (crop)"), "fill")
        self.fit.addItem(self.tr("None (scale, offset)"), "none")
        self.scale = _spin(0.01, 100, dec=3)
        form.addRow(self.tr("File"), self.file_label)
        form.addRow(self.tr("Effective ppi"), self.ppi_label)
        form.addRow(self.tr("Fit"), self.fit)
        form.addRow(self.tr("Scale"), self.scale)
        self.fit.activated.connect(lambda _: self._prop(fit=self.fit.currentData()))
        self.scale.valueChanged.connect(lambda v: self._prop(scale=v))
        self._text_widgets = [self.columns, self.gutter, self.inset]
        self._image_widgets = [self.file_label, self.ppi_label, self.fit, self.scale]
        self._wrap_widgets = [self.wrap, self.wrap_offset]
        session.selection_changed.connect(self.refresh)
        session.document_changed.connect(self.refresh)
        session.layout_changed.connect(lambda *_: self.refresh())
        self.refresh()

    def _frame(self):
        sel = self.session.selection
        if len(sel) != 1:
            return None
        return self.session.doc.find_frame(sel[0])[1]

    def _show(self, widgets, on):
        for w in widgets:
            w.setVisible(on)
            lab = self.form.labelForField(w)
            if lab is not None:
                lab.setVisible(on)

    def refresh(self):
        f = self._frame()
        self._updating = True
        try:
            enabled = f is not None
            for s in (self.x, self.y, self.w, self.h):
                s.setEnabled(enabled)
            kinds = {"text": self.tr("Text frame"), "image": self.tr("Image frame"),
                     "rule": self.tr("Rule"), "box": self.tr("Box")}
            if f is None:
                n = len(self.session.selection)
                self.kind_label.setText(self.tr("%1 frames selected").replace("%1", str(n)) if n
                                        else self.tr("Nothing selected"))
                self._show(self._text_widgets + self._image_widgets + self._wrap_widgets, False)
                return
            self.kind_label.setText(f"{kinds.get(f.kind, f.kind)}  ·  {f.id}")
            self.x.setValue(f.x)
            self.y.setValue(f.y)
            self.w.setValue(f.w)
            self.h.setValue(f.h)
            self._show(self._text_widgets, isinstance(f, TextFrame))
            self._show(self._image_widgets, isinstance(f, ImageFrame))
            self._show(self._wrap_widgets, not isinstance(f, TextFrame))
            self.wrap.setCurrentIndex(max(0, self.wrap.findData(f.wrap.mode)))
            self.wrap_offset.setValue(f.wrap.offset)
            if isinstance(f, TextFrame):
                self.columns.setValue(f.columns)
                self.gutter.setValue(f.gutter)
                self.inset.setValue(f.inset)
            if isinstance(f, ImageFrame):
                self.file_label.setText(f.path or self.tr("(empty)"))
                self.fit.setCurrentIndex(max(0, self.fit.findData(f.fit)))
                self.scale.setValue(f.scale)
                self.ppi_label.setText(self.ppi_text(f.id))
        finally:
            self._updating = False

    def ppi_text(self, frame_id: str) -> str:
        from ..core.typeset.result import ImagePlacement
        for pr in self.session.result.pages:
            for it in pr.items:
                if isinstance(it, ImagePlacement) and it.frame == frame_id:
                    if it.missing:
                        return self.tr("missing file")
                    if it.ppi:
                        return f"{it.ppi:.0f} ppi"
        return "—"

    def _geometry_edited(self, *_):
        if self._updating:
            return
        f = self._frame()
        if f is None:
            return
        r = (self.x.value(), self.y.value(), self.w.value(), self.h.value())
        if any(abs(a - b) > 0.004 for a, b in zip(r, f.rect())):
            self.session.push(C.ResizeFrame(f.id, *r))

    def _prop(self, **props):
        if self._updating:
            return
        f = self._frame()
        if f is not None:
            self.session.push(C.SetFrameProps(f.id, **props))


# ====================================================================== styles


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
        form = QFormLayout()
        lay.addLayout(form)
        self.font = QComboBox()
        for fid, label in (("song", self.tr("Song (宋体)")), ("hei", self.tr("Hei (黑体)")),
                           ("hei-bold", self.tr("Hei Bold (粗黑)")), ("kai", self.tr("Kai (楷体)"))):
            self.font.addItem(label, fid)
        self.size = SizeBox()
        self.leading = _spin(0, 200, suffix=" pt")
        self.leading.setSpecialValueText(self.tr("grid"))
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
        form.addRow(self.tr("First-line indent"), self.indent)
        form.addRow(self.tr("Alignment"), self.align)
        form.addRow(self.tr("Space before"), self.before)
        form.addRow(self.tr("Space after"), self.after)
        self.font.activated.connect(lambda _: self._edit(font=self.font.currentData()))
        self.size.activated.connect(lambda _: self._size_edited())
        self.size.lineEdit().editingFinished.connect(self._size_edited)
        self.leading.valueChanged.connect(lambda v: self._edit(leading=v))
        self.indent.valueChanged.connect(lambda v: self._edit(indent=v))
        self.align.activated.connect(lambda _: self._edit(align=self.align.currentData()))
        self.before.valueChanged.connect(lambda v: self._edit(space_before=v))
        self.after.valueChanged.connect(lambda v: self._edit(space_after=v))
        session.document_changed.connect(self.refresh)
        self.refresh()

    def refresh(self):
        names = [s.name for s in self.session.doc.paragraph_styles]
        have = [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]
        if names != have:
            row = self.list.currentRow()
            self.list.clear()
            for s in self.session.doc.paragraph_styles:
                it = QListWidgetItem(f"{s.label or s.name}")
                it.setData(Qt.ItemDataRole.UserRole, s.name)
                self.list.addItem(it)
            self.list.setCurrentRow(max(0, min(row, self.list.count() - 1)))
        self.refresh_fields()

    def current(self):
        it = self.list.currentItem()
        return self.session.doc.paragraph_style(it.data(Qt.ItemDataRole.UserRole)) if it else None

    def refresh_fields(self):
        st = self.current()
        self._updating = True
        try:
            if st is None:
                return
            self.font.setCurrentIndex(max(0, self.font.findData(st.font)))
            self.size.set_value(st.size)
            self.leading.setValue(st.leading)
            self.indent.setValue(st.indent)
            self.align.setCurrentIndex(max(0, self.align.findData(st.align)))
            self.before.setValue(st.space_before)
            self.after.setValue(st.space_after)
        finally:
            self._updating = False

    def _size_edited(self):
        v = self.size.value()
        if v is not None:
            self._edit(size=v)

    def _edit(self, **props):
        if self._updating:
            return
        st = self.current()
        if st is None:
            return
        props = {k: v for k, v in props.items() if getattr(st, k) != v}
        if props:
            self.session.push(C.EditParagraphStyle(st.name, **props))


# ====================================================================== preflight


class PreflightPanel(QWidget):
    """Live findings of banmian.core.preflight; click one to select its object."""

    story_activated = Signal(str, int)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        from ..core import press as _press
        # the plant's checks run here too: the default print condition until the export
        # dialog chooses another (set_press)
        self.press = _press.get()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        self.summary = QLabel()
        lay.addWidget(self.summary)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.itemClicked.connect(self._clicked)
        lay.addWidget(self.list, 1)
        self.findings = []
        self._timer = _debounced(self, 600, self.refresh)
        session.layout_changed.connect(lambda *_: self._timer.start())
        self._timer.start()

    def set_press(self, cond) -> None:
        """Check against another print condition (the one the export dialog chose)."""
        self.press = cond
        self.refresh()

    def refresh(self):
        from ..core.preflight import preflight
        try:
            self.findings = preflight(self.session.doc, self.session.result, base_dir=self.session.base_dir,
                                      ink_limit=self.press.ink_limit, press=self.press)
        except Exception as e:  # a preflight bug must not take the editor down
            self.summary.setText(f"{type(e).__name__}: {e}")
            return
        self.list.clear()
        icons = {"error": "⛔", "warning": "⚠", "info": "ℹ"}
        colors = {"error": QColor(190, 0, 0), "warning": QColor(160, 100, 0), "info": QColor(60, 60, 60)}
        for f in self.findings:
            where = []
            if f.page is not None:
                where.append(self.tr("page %1").replace("%1", str(f.page)))
            txt = f"{icons.get(f.severity, '')} {f.message}"
            if where:
                txt += f"  ({', '.join(where)})"
            if f.fix:
                txt += f"\n    {f.fix}"
            it = QListWidgetItem(txt)
            it.setForeground(colors.get(f.severity, QColor(0, 0, 0)))
            it.setData(Qt.ItemDataRole.UserRole, f)
            self.list.addItem(it)
        errors = sum(1 for f in self.findings if f.severity == "error")
        warnings = sum(1 for f in self.findings if f.severity == "warning")
        self.summary.setText(self.tr("%1 errors, %2 warnings").replace("%1", str(errors))
                             .replace("%2", str(warnings)))

    def _clicked(self, it):
        f = it.data(Qt.ItemDataRole.UserRole)
        if f.frame:
            self.session.set_selection([f.frame])
        elif f.story:
            ids = [fr.id for _, fr in self.session.doc.thread(f.story)]
            self.session.set_selection(ids)
        if f.story:
            self.story_activated.emit(f.story, f.char if f.char is not None else -1)
