"""The Articles panel's copyfit view (稿件拟合): how far the current story is from fitting, in 字
and lines, and the engine's ranked remedies, each laid out for real (core/typeset/copyfit.py).

Applying a remedy is one undoable command.  "删/加 N 字" remedies are advice only (the copy is
the editor's to cut or write): they open the story in the story editor.  The advice is
computed after the editor pauses (a debounce), never on the keystroke itself."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QGroupBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout,
)

from ..core.typeset.copyfit import copyfit_story

IDLE_MS = 400     # advice after this much quiet (a remedy lays the page out several times)


class CopyfitBox(QGroupBox):
    open_story = Signal(str)

    def __init__(self, session, parent=None):
        super().__init__(self.tr("Copyfit"), parent)
        self.session = session
        self.story_id: str | None = None
        self.fit = None
        self._stale = True
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        self.state = QLabel()
        self.state.setObjectName("copyfitState")
        self.state.setWordWrap(True)
        lay.addWidget(self.state)
        self.list = QListWidget()
        self.list.setObjectName("copyfitRemedies")
        self.list.itemDoubleClicked.connect(lambda it: self.apply(self.list.row(it)))
        self.list.currentRowChanged.connect(lambda *_: self._update_button())
        lay.addWidget(self.list)
        row = QHBoxLayout()
        self.apply_btn = QPushButton(self.tr("Apply remedy"))
        self.apply_btn.setObjectName("copyfitApply")
        self.apply_btn.clicked.connect(lambda: self.apply(self.list.currentRow()))
        row.addStretch(1)
        row.addWidget(self.apply_btn)
        lay.addLayout(row)
        self._timer = QTimer(self, singleShot=True, interval=IDLE_MS)
        self._timer.timeout.connect(self.refresh)
        session.layout_changed.connect(lambda *_: self._timer.start())
        session.document_changed.connect(self._timer.start)
        self.show_story(None)

    # ---------------------------------------------------------------- state
    def show_story(self, story_id: str | None) -> None:
        if story_id != self.story_id:
            self.story_id = story_id
            self.refresh()

    def showEvent(self, e):
        super().showEvent(e)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        self._timer.stop()
        self._stale = not self.isVisible()
        if self._stale:        # a hidden panel costs nothing: it catches up when it is shown
            return
        self.list.clear()
        self.fit = None
        doc = self.session.doc
        sid = self.story_id
        if sid is None or doc.story(sid) is None:
            self.state.setText(self.tr("Pick a story to see how it fits."))
            self._update_button()
            return
        if not doc.thread(sid):
            self.state.setText(self.tr("Not placed on a page."))
            self._update_button()
            return
        self.fit = copyfit_story(doc, sid, layouter=self.session.layouter(),
                                 base_dir=self.session.base_dir, result=self.session.result)
        st = self.fit.state
        if st.over:
            text = self.tr("Overset %1 chars (about %2 lines)").replace("%1", str(st.over)).replace(
                "%2", str(st.lines_over))
        elif not st.fits:
            text = self.tr("Short %1 chars (about %2 lines)").replace("%1", str(st.short)).replace(
                "%2", str(st.lines_short))
        else:
            text = self.tr("Fits")
        self.state.setText(text)
        for r in self.fit.remedies:
            res = r.result
            if res.fits:
                after = self.tr("fits")
            elif res.over:
                after = self.tr("still overset %1").replace("%1", str(res.over))
            else:
                after = self.tr("short %1").replace("%1", str(res.short))
            it = QListWidgetItem(f"{r.label} → {after}")
            it.setData(Qt.ItemDataRole.UserRole, r.kind)
            if r.command is None:
                it.setForeground(QColor(110, 110, 110))
                it.setToolTip(self.tr("Advice: edit the copy in the story editor (double-click)"))
            elif res.fits:
                it.setForeground(QColor(0, 120, 0))
            self.list.addItem(it)
        if self.list.count():
            self.list.setCurrentRow(0)
        self._update_button()

    def _update_button(self) -> None:
        r = self._remedy(self.list.currentRow())
        self.apply_btn.setEnabled(r is not None and r.command is not None)

    def _remedy(self, row: int):
        if self.fit is None or not 0 <= row < len(self.fit.remedies):
            return None
        return self.fit.remedies[row]

    def remedy_labels(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    # ---------------------------------------------------------------- applying
    def apply(self, row: int) -> bool:
        r = self._remedy(row)
        if r is None:
            return False
        if r.command is None:
            self.open_story.emit(self.story_id)
            return False
        ok = self.session.push(r.command)
        self.refresh()
        return ok
