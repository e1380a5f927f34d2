"""Dock panels: Articles, Properties, Preflight (Pages: pages_panel.py; Paragraph styles: styles_panel.py).

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
from ..core.model.document import ImageFrame, RuleFrame, TextFrame, BoxFrame


PANEL_MS = 120      # panels that follow the model refresh after this pause in the edits


def _refresh_after(session, timer: QTimer, refresh) -> None:
    """A text edit (a keystroke) refreshes the panel after a pause; anything else now."""
    if session.is_text_edit():
        timer.start()
    else:
        timer.stop()
        refresh()


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
        self.makeup_btn = QPushButton(self.tr("Automatic make-up…"))
        self.makeup_btn.setObjectName("makeupButton")
        self.makeup_btn.clicked.connect(lambda: self.open_makeup())
        lay.addWidget(self.makeup_btn)
        from .copyfit_view import CopyfitBox
        self.copyfit = CopyfitBox(session)
        self.copyfit.open_story.connect(self.story_activated)
        self.tree.currentItemChanged.connect(lambda *_: self.copyfit.show_story(self.current_story()))
        lay.addWidget(self.copyfit)
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

    def open_makeup(self) -> bool:
        """自动组版 on the current page: the dialog proposes, the chosen page is one command."""
        from .makeup_dialog import MakeupDialog
        pid = self.session.current_page
        if pid is None:
            return False
        dlg = MakeupDialog(self.session, pid, self)
        if dlg.exec() != MakeupDialog.DialogCode.Accepted:
            return False
        from ..core.makeup.engine import MakeupError
        try:
            cmd = dlg.command()
        except MakeupError as e:
            from PySide6.QtWidgets import QMessageBox
            QMessageBox.warning(self, self.tr("Automatic make-up"), str(e))
            return False
        return cmd is not None and self.session.push(cmd)

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
        # 竖排: columns top to bottom, right to left (an undoable SetFrameProps like the others)
        self.vertical = QCheckBox(self.tr("Vertical text"))
        self.vertical.setObjectName("vertical_text")
        form.addRow(self.tr("Direction"), self.vertical)
        self.vertical.toggled.connect(
            lambda on: self._prop(direction="vertical" if on else "horizontal"))
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
        # 齐栏 and the lock (issue 14 item 12)
        self.balance = QCheckBox(self.tr("Balance columns"))
        self.locked = QCheckBox(self.tr("Locked"))
        form.addRow(self.balance)
        form.addRow(self.locked)
        self.balance.toggled.connect(lambda on: self._prop(balance=bool(on)))
        self.locked.toggled.connect(lambda on: self._prop(locked=bool(on)))
        self._text_widgets = [self.columns, self.gutter, self.inset, self.vertical, self.balance]
        self._image_widgets = [self.file_label, self.ppi_label, self.fit, self.scale]
        self._wrap_widgets = [self.wrap, self.wrap_offset]
        # typing on the page refreshes once typing pauses; other edits at once
        self._later = _debounced(self, PANEL_MS, self.refresh)
        self._connect(session)
        self.refresh()

    def _edited(self, *_):
        _refresh_after(self.session, self._later, self.refresh)

    def _connect(self, session, on=True):
        for sig, slot in ((session.selection_changed, self.refresh), (session.document_changed, self._edited),
                          (session.layout_changed, self._edited)):
            if on:
                sig.connect(slot)
            else:
                try:
                    sig.disconnect(slot)
                except (RuntimeError, TypeError):
                    pass

    def set_session(self, session) -> None:
        """Follow another session's selection — the master page editor's (gui/master_view.py)
        while a master is open, so its frames are edited here as a page's are — and back."""
        if session is self.session:
            return
        self._later.stop()
        self._connect(self.session, False)
        self.session = session
        self._connect(session)
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
            for s in (self.x, self.y, self.w, self.h, self.locked):
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
            self.locked.setChecked(f.locked)
            self._show(self._text_widgets, isinstance(f, TextFrame))
            self._show(self._image_widgets, isinstance(f, ImageFrame))
            self._show(self._wrap_widgets, not isinstance(f, TextFrame))
            self.wrap.setCurrentIndex(max(0, self.wrap.findData(f.wrap.mode)))
            self.wrap_offset.setValue(f.wrap.offset)
            if isinstance(f, TextFrame):
                self.columns.setValue(f.columns)
                self.gutter.setValue(f.gutter)
                self.inset.setValue(f.inset)
                self.vertical.setChecked(f.direction == "vertical")
                self.balance.setChecked(f.balance)
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


# ====================================================================== preflight


class PreflightPanel(QWidget):
    """Live findings of banmian.core.preflight; click one to select its object, double-click
    it to go there (the canvas scrolls to its page and frame: ``finding_shown``)."""

    story_activated = Signal(str, int)
    finding_shown = Signal(object, object)     # page id (or None), frame id (or None)

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
        self.list.itemDoubleClicked.connect(self._double_clicked)
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
            if f.page is not None:      # by its folio (第 3 版), as the 报眉 names it, not its index
                where.append(self.tr("page %1").replace("%1", f.folio or str(f.page)))
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

    def _double_clicked(self, it):
        """Go to the finding: select its frame (or its story's frames) and show its page."""
        f = it.data(Qt.ItemDataRole.UserRole)
        doc = self.session.doc
        frame = f.frame if f.frame and doc.find_frame(f.frame)[0] is not None else None
        if frame is None and f.story:
            frame = next((fr.id for p, fr in doc.thread(f.story) if p is not None), None)
        if frame:
            self.session.set_selection([frame])
        page = doc.find_frame(frame)[0] if frame else None
        if page is None and f.page is not None and 0 < f.page <= len(doc.pages):
            page = doc.pages[f.page - 1]
        self.finding_shown.emit(page.id if page is not None else None, frame)
