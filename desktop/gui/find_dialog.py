"""Find and replace (Edit → 查找/替换…, Ctrl+F; Ctrl+Shift+H puts the cursor in Replace).

A non-modal dialog over the window: what to find and what to put instead, 全角/半角 视为相同
(on by default: reporters' copy mixes ｂ and b, ，and ,), 区分大小写, and the scope — every story
of the page or the current story (the Type tool's, else the story editor's, else the selected
frame's).  The matching is banmian.core.textsearch's.

* Find next selects the next match after the last one (or the caret): in place on the page
  when the Type tool is active (its caret and selection), otherwise the frame is selected,
  the canvas scrolls to it and the story editor selects the characters.
* Replace replaces the match just found (if it is still there) and finds the next.
* Replace all replaces every match in the scope as one undo step and says how many
  ("已替换 12 处").

Ctrl+H is not used: it is Frame edges, as in InDesign.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QVBoxLayout,
)

from ..core import textsearch as TS

ALL, STORY = "all", "story"


class FindDialog(QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("find_dialog")
        self.window_ = window
        self.session = window.session
        self.setWindowTitle(self.tr("Find and replace"))
        self.setModal(False)
        self.last: TS.Match | None = None      # the match found last (Replace replaces it)
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.find_edit = QLineEdit()
        self.find_edit.setObjectName("find_text")
        self.replace_edit = QLineEdit()
        self.replace_edit.setObjectName("replace_text")
        form.addRow(self.tr("Find:"), self.find_edit)
        form.addRow(self.tr("Replace with:"), self.replace_edit)
        self.scope = QComboBox()
        self.scope.setObjectName("find_scope")
        self.scope.addItem(self.tr("All stories"), ALL)
        self.scope.addItem(self.tr("Current story"), STORY)
        form.addRow(self.tr("Search:"), self.scope)
        lay.addLayout(form)
        opts = QHBoxLayout()
        self.widths = QCheckBox(self.tr("Full-width = half-width (ｂ = b, ，= ,)"))
        self.widths.setObjectName("find_widths")
        self.widths.setChecked(True)
        self.case = QCheckBox(self.tr("Match case"))
        self.case.setObjectName("find_case")
        opts.addWidget(self.widths)
        opts.addWidget(self.case)
        opts.addStretch(1)
        lay.addLayout(opts)
        self.status = QLabel(" ")
        self.status.setObjectName("find_status")
        lay.addWidget(self.status)
        box = QDialogButtonBox()
        self.next_button = QPushButton(self.tr("Find next"))
        self.next_button.setObjectName("find_next")
        self.replace_button = QPushButton(self.tr("Replace"))
        self.replace_button.setObjectName("find_replace")
        self.all_button = QPushButton(self.tr("Replace all"))
        self.all_button.setObjectName("find_replace_all")
        self.close_button = QPushButton(self.tr("Close"))
        for b, role in ((self.next_button, QDialogButtonBox.ButtonRole.ActionRole),
                        (self.replace_button, QDialogButtonBox.ButtonRole.ActionRole),
                        (self.all_button, QDialogButtonBox.ButtonRole.ActionRole),
                        (self.close_button, QDialogButtonBox.ButtonRole.RejectRole)):
            box.addButton(b, role)
        lay.addWidget(box)
        for b in (self.next_button, self.replace_button, self.all_button, self.close_button):
            b.setAutoDefault(False)       # Enter in a field is handled below, once
        self.find_edit.returnPressed.connect(self.find_next)
        self.replace_edit.returnPressed.connect(self.replace)
        self.next_button.clicked.connect(self.find_next)
        self.replace_button.clicked.connect(self.replace)
        self.all_button.clicked.connect(self.replace_all)
        self.close_button.clicked.connect(self.close)
        for w in (self.find_edit, self.widths, self.case, self.scope):
            sig = w.textChanged if isinstance(w, QLineEdit) else (
                w.toggled if isinstance(w, QCheckBox) else w.currentIndexChanged)
            sig.connect(self._criteria_changed)

    # ---------------------------------------------------------------- what and where
    def options(self) -> dict:
        return {"widths": self.widths.isChecked(), "case": self.case.isChecked()}

    def _type_tool(self):
        from .text_edit import TypeTool
        t = self.window_.canvas.tool
        return t if isinstance(t, TypeTool) else None

    def current_story(self) -> str | None:
        t = self._type_tool()
        if t is not None and t.story_id:
            return t.story_id
        ed = getattr(self.window_, "story_editor", None)
        if ed is not None and ed.story_id and self.session.doc.story(ed.story_id) is not None:
            return ed.story_id
        for fid in self.session.selection:
            sid = self.session.story_of_frame(fid)
            if sid:
                return sid
        return None

    def _stories(self):
        if self.scope.currentData() == STORY:
            sid = self.current_story()
            return [sid] if sid else []
        return None

    def matches(self) -> list[TS.Match]:
        return TS.find_in_document(self.session.doc, self.find_edit.text(), stories=self._stories(),
                                   **self.options())

    def _criteria_changed(self, *_):
        self.last = None
        self.status.setText(" ")

    def _here(self) -> tuple[str | None, int]:
        """Where the search goes on from: after the last match, else the caret."""
        if self.last is not None:
            return self.last.story, self.last.start + 1
        t = self._type_tool()
        if t is not None and t.story_id:
            return t.story_id, min(t.caret, t.anchor)
        return None, 0

    # ---------------------------------------------------------------- actions
    def find_next(self) -> TS.Match | None:
        needle = self.find_edit.text()
        if not needle:
            self.status.setText(self.tr("Type what to find."))
            return None
        ms = self.matches()
        story, pos = self._here()
        m = TS.next_match(self.session.doc, ms, story, pos)
        if m is None:
            self.last = None
            self.status.setText(self.tr("“%1” not found").replace("%1", needle))
            return None
        self.last = m
        k = ms.index(m) + 1
        self.status.setText(self.tr("%1 of %2").replace("%1", str(k)).replace("%2", str(len(ms))))
        self.show_match(m)
        return m

    def replace(self) -> bool:
        needle = self.find_edit.text()
        m = self.last
        done = False
        if m is not None and TS.matches_at(self.session.doc, m, needle, **self.options()):
            rep = self.replace_edit.text()
            if self.session.push(TS.replace_command(self.session.doc, m, rep)):
                done = True
                # go on after the replacement
                self.last = TS.Match(m.story, m.start + len(rep) - 1, m.start + len(rep) - 1) if rep else \
                    TS.Match(m.story, m.start - 1, m.start - 1)
        nxt = self.find_next()
        if done and nxt is None:
            self.status.setText(self.tr("Replaced 1; no more matches"))
        return done

    def replace_all(self) -> int:
        ms = self.matches()
        cmd = TS.replace_all_command(self.session.doc, ms, self.replace_edit.text())
        if cmd is None or not self.session.push(cmd):
            self.status.setText(self.tr("“%1” not found").replace("%1", self.find_edit.text()))
            return 0
        self.last = None
        self.status.setText(self.tr("Replaced %1").replace("%1", str(len(ms))))
        self.window_.statusBar().showMessage(self.status.text(), 5000)
        return len(ms)

    # ---------------------------------------------------------------- showing a match
    def frame_of(self, m: TS.Match) -> str | None:
        for pr in self.session.result.pages:
            for fl in pr.frames:
                if fl.story == m.story and fl.first_char <= m.start < fl.end_char:
                    return fl.frame
        return None

    def show_match(self, m: TS.Match) -> None:
        w = self.window_
        fid = self.frame_of(m)
        t = self._type_tool()
        if t is not None and fid is not None:
            # in place: the Type tool's caret and selection on the page
            t.enter(fid, m.start)
            t.anchor, t.caret = m.start, m.end
            t._changed()
        elif fid is not None:
            self.session.set_selection([fid])
        if fid is not None:
            page, _ = self.session.doc.find_frame(fid)
            w.canvas.show_frame(page.id if page else None, fid)
        if t is None or fid is None:
            ed = w.story_editor
            w.docks["story"].show()
            w.docks["story"].raise_()
            ed.show_story(m.story)
            ed.select_chars(m.start, m.end)
        self.activateWindow()
        self.find_edit.setFocus()


def open_find(window, replace: bool = False) -> FindDialog:
    """Show the window's find dialog (one per window), seeded with the selected text."""
    dlg = getattr(window, "find_dialog", None)
    if dlg is None:
        dlg = window.find_dialog = FindDialog(window)
    from .text_edit import TypeTool
    t = window.canvas.tool
    seed = t.selected_text() if isinstance(t, TypeTool) and t.editing else ""
    if seed and "\n" not in seed:
        dlg.find_edit.setText(seed)
    dlg.show()
    dlg.raise_()
    dlg.activateWindow()
    target = dlg.replace_edit if replace else dlg.find_edit
    target.setFocus()
    target.selectAll()
    return dlg


def install(window, menu) -> None:
    """Edit menu: Find and replace… (Ctrl+F) and Replace… (Ctrl+Shift+H)."""
    menu.addSeparator()     # (QCoreApplication.translate spelt out: lupdate does not see an alias)
    window._action(QCoreApplication.translate("MainWindow", "Find and replace…"), lambda: open_find(window), QKeySequence("Ctrl+F"),
                   menu=menu, key="find")
    window._action(QCoreApplication.translate("MainWindow", "Replace…"), lambda: open_find(window, replace=True),
                   QKeySequence("Ctrl+Shift+H"), menu=menu, key="replace")


__all__ = ["FindDialog", "open_find", "install"]
