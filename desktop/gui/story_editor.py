"""The story editor (Ctrl+Y): a story's blocks, each with role, style and text.

Text is edited in Qt's own text widgets so input methods (Chinese IME) work.
Every change of a block's text becomes an ``EditStoryText`` command (merged
while typing into one undo step); Enter splits the block (``SetStoryBlocks``).
The session relayouts and the canvas updates; the header shows overset or
underset live, in 字.
"""
from __future__ import annotations

import copy

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication, QComboBox, QFrame, QHBoxLayout, QLabel, QPlainTextEdit, QScrollArea, QSizePolicy,
    QVBoxLayout, QWidget,
)

from .labels import role_label
from ..core import commands as C
from ..core.model.document import BLOCK_ROLES, Block, Run

SYNC_MS = 150     # the galley follows typing on the page after this pause


class BlockEdit(QPlainTextEdit):
    """A block's text; grows with its content."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)
        self.setTabChangesFocus(True)

    def _fit(self, *_):
        lines = max(1, int(self.document().documentLayout().documentSize().height()))
        h = int(lines * self.fontMetrics().lineSpacing() + 2 * self.frameWidth()
                + self.document().documentMargin() * 2 + 2)
        if h != self.height():
            self.setFixedHeight(h)

    def sizeHint(self):
        return QSize(300, self.height())

    def text(self) -> str:
        """The block's characters as the model keeps them: toPlainText would turn a forced
        line break (U+2028, Shift+Enter) into a newline and U+00A0 into a space."""
        return self.document().toRawText().replace("\u2029", "\n")


class StoryEditor(QWidget):
    """Edits one story of the session's document."""

    story_shown = Signal(str)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.story_id: str | None = None
        self.caret: tuple[int, int] | None = None    # (block, position) focus_char put the cursor at
        self._rows: list[tuple[QComboBox, QComboBox, BlockEdit]] = []
        self._updating = False
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        self.story_box = QComboBox()
        self.story_box.currentIndexChanged.connect(self._story_picked)
        top.addWidget(self.story_box, 1)
        self.fit_label = QLabel()
        top.addWidget(self.fit_label)
        lay.addLayout(top)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.inner = QWidget()
        self.rows_lay = QVBoxLayout(self.inner)
        self.rows_lay.setContentsMargins(0, 0, 0, 0)
        self.rows_lay.addStretch(1)
        self.scroll.setWidget(self.inner)
        lay.addWidget(self.scroll, 1)
        # the galley follows typing on the page a moment later, not inside every keystroke:
        # one coalescing timer; other edits, edits made here, or while the focus is here
        # (undo from the menu) sync at once, and taking the focus flushes a pending sync
        # before the first key reaches a stale block
        self._sync_timer = QTimer(self, singleShot=True, interval=SYNC_MS)
        self._sync_timer.timeout.connect(self._sync)
        self._pending = set()
        session.document_changed.connect(lambda: self._schedule("text"))
        session.layout_changed.connect(lambda *_: self._schedule("fit"))
        QApplication.instance().focusChanged.connect(self._focus_changed)
        self._fill_story_box()

    # ---------------------------------------------------------------- stories
    def _fill_story_box(self):
        self._updating = True
        self.story_box.clear()
        for s in self.session.doc.stories:
            self.story_box.addItem(f"{s.name or s.id}", s.id)
        if self.story_id is not None:
            i = self.story_box.findData(self.story_id)
            if i >= 0:
                self.story_box.setCurrentIndex(i)
        self._updating = False

    def _story_picked(self, i):
        if self._updating or i < 0:
            return
        self.show_story(self.story_box.itemData(i))

    def show_story(self, story_id: str | None, char: int | None = None):
        if story_id is None and self.session.doc.stories:
            story_id = self.session.doc.stories[0].id
        self.story_id = story_id
        i = self.story_box.findData(story_id)
        if i >= 0 and i != self.story_box.currentIndex():
            self._updating = True
            self.story_box.setCurrentIndex(i)
            self._updating = False
        self._rebuild()
        self._update_fit()
        if char is not None:
            self.focus_char(char)
        self.story_shown.emit(story_id or "")

    def focus_char(self, char: int):
        """Put the cursor at character ``char`` of story.text."""
        story = self.session.doc.story(self.story_id)
        if story is None:
            return
        pos = 0
        for i, b in enumerate(story.blocks):
            n = len(b.text)
            if char <= pos + n and i < len(self._rows):
                self.caret = (i, max(0, char - pos))
                ed = self._rows[i][2]
                ed.setFocus()
                cur = ed.textCursor()
                cur.setPosition(max(0, char - pos))
                ed.setTextCursor(cur)
                self.scroll.ensureWidgetVisible(ed)
                return
            pos += n + 1

    def select_chars(self, start: int, end: int) -> bool:
        """Select characters [start, end) of story.text (within one block: a found match)."""
        self.caret = None
        self.focus_char(start)
        if self.caret is None:
            return False
        i, off = self.caret
        ed = self._rows[i][2]
        cur = ed.textCursor()
        cur.setPosition(off)
        cur.setPosition(min(off + end - start, len(ed.toPlainText())), cur.MoveMode.KeepAnchor)
        ed.setTextCursor(cur)
        return True

    def selected_text(self) -> str:
        """The text selected in one of the story's blocks ("" if none)."""
        for _role, _style, ed in self._rows:
            if ed.textCursor().hasSelection():
                return ed.textCursor().selectedText().replace("\u2029", "\n")
        return ""

    # ---------------------------------------------------------------- rows
    def _rebuild(self):
        for role, style, ed in self._rows:
            role.parentWidget().deleteLater()
        self._rows = []
        story = self.session.doc.story(self.story_id) if self.story_id else None
        if story is None:
            return
        styles = [s.name for s in self.session.doc.paragraph_styles]
        from ..core.stylelabels import display_labels
        labels = display_labels(self.session.doc.paragraph_styles)   # follow the size, never twice the same
        for i, b in enumerate(story.blocks):
            row = QFrame()
            rl = QVBoxLayout(row)
            rl.setContentsMargins(0, 2, 0, 2)
            head = QHBoxLayout()
            role = QComboBox()
            for r in BLOCK_ROLES:
                role.addItem(self.role_label(r), r)
            role.setCurrentIndex(max(0, role.findData(b.role)))
            style = QComboBox()
            for s in styles:
                style.addItem(labels[s], s)
            if style.findData(b.style) < 0:
                style.addItem(b.style, b.style)
            style.setCurrentIndex(style.findData(b.style))
            head.addWidget(role)
            head.addWidget(style)
            head.addStretch(1)
            rl.addLayout(head)
            ed = BlockEdit()
            ed.setPlainText(b.text)
            rl.addWidget(ed)
            self.rows_lay.insertWidget(self.rows_lay.count() - 1, row)
            idx = i
            ed.textChanged.connect(lambda idx=idx: self._text_changed(idx))
            role.activated.connect(lambda _=0, idx=idx: self._role_changed(idx))
            style.activated.connect(lambda _=0, idx=idx: self._style_changed(idx))
            self._rows.append((role, style, ed))
        QTimer.singleShot(0, lambda: [r[2]._fit() for r in self._rows])

    def role_label(self, role: str) -> str:
        return role_label(role)

    # ---------------------------------------------------------------- edits
    def _text_changed(self, idx: int):
        if self._updating or self.story_id is None:
            return
        ed = self._rows[idx][2]
        text = ed.text()
        story = self.session.doc.story(self.story_id)
        if "\n" in text:     # Enter: split the block, the new ones take its role and style
            parts = text.split("\n")
            old = story.blocks[idx]
            blocks = copy.deepcopy(story.blocks)
            first = Block(old.role, old.style, C.replace_runs_text(old.runs, parts[0]))
            new = [Block(old.role if old.role not in ("headline", "kicker", "subtitle") else "paragraph",
                         old.style if old.role not in ("headline", "kicker", "subtitle") else "paragraph",
                         [Run(p)] if p else []) for p in parts[1:]]
            if self.session.doc.paragraph_style(new[0].style if new else "paragraph") is None:
                for nb in new:
                    nb.role, nb.style = old.role, old.style
            blocks[idx:idx + 1] = [first] + new
            self._own = True
            self.session.push(C.SetStoryBlocks(self.story_id, blocks, text="分段"))
            self._own = False
            self._rebuild()
            self.focus_block(idx + len(parts) - 1)
            return
        if story is None or idx >= len(story.blocks) or story.blocks[idx].text == text:
            return
        self._own = True
        self.session.push(C.EditStoryText(self.story_id, idx, text=text))
        self._own = False

    def focus_block(self, idx: int, at_start=True):
        if 0 <= idx < len(self._rows):
            ed = self._rows[idx][2]
            ed.setFocus()
            cur = ed.textCursor()
            cur.setPosition(0 if at_start else len(ed.text()))
            ed.setTextCursor(cur)

    def _role_changed(self, idx):
        role = self._rows[idx][0].currentData()
        self.session.push(C.SetBlockStyle(self.story_id, idx, role=role))

    def _style_changed(self, idx):
        style = self._rows[idx][1].currentData()
        self.session.push(C.SetBlockStyle(self.story_id, idx, style=style))

    # ---------------------------------------------------------------- follow the model
    _own = False

    def _has_focus(self) -> bool:
        fw = QApplication.focusWidget()
        return fw is not None and (fw is self or self.isAncestorOf(fw))

    def _schedule(self, what: str):
        self._pending.add(what)
        if self._own or not self.session.is_text_edit() or self._has_focus():
            self._sync()
        else:
            self._sync_timer.start()

    def _focus_changed(self, _old, new):
        if self._pending and new is not None and (new is self or self.isAncestorOf(new)):
            self._sync()

    def _sync(self):
        """Run the pending updates now (the tests and the bench call it to flush)."""
        self._sync_timer.stop()
        pending, self._pending = self._pending, set()
        if "text" in pending:
            self._document_changed()
        if "fit" in pending:
            self._update_fit()

    def _document_changed(self):
        ids = [s.id for s in self.session.doc.stories]
        if [self.story_box.itemData(i) for i in range(self.story_box.count())] != ids:
            self._fill_story_box()
        if self._own:
            return
        story = self.session.doc.story(self.story_id) if self.story_id else None
        if story is None:
            if self._rows:
                self.show_story(None)
            return
        if len(story.blocks) != len(self._rows):
            self._rebuild()
            return
        self._updating = True
        try:
            for (role, style, ed), b in zip(self._rows, story.blocks):
                if ed.text() != b.text:
                    pos = ed.textCursor().position()
                    ed.setPlainText(b.text)
                    cur = ed.textCursor()
                    cur.setPosition(min(pos, len(b.text)))
                    ed.setTextCursor(cur)
                if role.currentData() != b.role:
                    role.setCurrentIndex(max(0, role.findData(b.role)))
                if style.currentData() != b.style:
                    style.setCurrentIndex(max(0, style.findData(b.style)))
        finally:
            self._updating = False

    def _update_fit(self):
        if not self.story_id:
            self.fit_label.setText("")
            return
        over = self.session.overset_chars(self.story_id)
        under = self.session.underset_chars(self.story_id)
        placed = bool(self.session.doc.thread(self.story_id))
        if not placed:
            txt, color = self.tr("Not placed"), "#886600"
        elif over:
            txt, color = self.tr("Overset: %n character(s)", "", over), "#d00000"
        elif under:
            txt, color = self.tr("Short: %n character(s)", "", under), "#0060c0"
        else:
            txt, color = self.tr("Fits"), "#008000"
        self.fit_label.setText(txt)
        self.fit_label.setStyleSheet(f"color: {color}; font-weight: bold")

    def fit_text(self) -> str:
        return self.fit_label.text()
