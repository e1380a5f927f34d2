"""The open document: model, file path, undo stack, layout and selection.

Views never change the model themselves: they push core commands
(desktop/core/commands.py) through :meth:`Session.push`, which wraps them in a
``QUndoCommand``; after every do/undo the session relayouts (``Layouter``
caches composed paragraphs, so a keystroke is cheap) and emits
``layout_changed`` with the pages whose display list changed — the canvas
repaints only those (Orange canvas: views follow the model through signals).
"""
from __future__ import annotations

import gc
import time
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..core import commands as C
from ..core.io import load_document, save_document
from ..core.model.document import Document, TextFrame
from ..core.typeset.result import LayoutResult, PageResult, draws_as

#: after an edit the cyclic collector waits this long (ms): the tens of thousands of small
#: acyclic objects a relayout makes are looked at in the pause after the keystroke's repaint,
#: not inside it (a young collection right after the layout cost ~1 ms of every keystroke)
GC_PAUSE_MS = 40

# merge ids for QUndoCommand.id(): commands of one kind that merge_with each other
_MERGE_IDS = {C.EditStoryText: 1, C.SetFrameProps: 2, C.EditParagraphStyle: 3, C.ReplaceText: 4}


class UndoCommand(QUndoCommand):
    """A core command on the QUndoStack."""

    def __init__(self, session: "Session", cmd: C.Command):
        super().__init__(cmd.text)
        self.session = session
        self.cmd = cmd
        self.done_already = False   # Session.push did it to see that it applies

    def redo(self):
        if self.done_already:
            self.done_already = False
        else:
            self.cmd.do(self.session.doc)
        self.session._after_change(self.cmd)

    def undo(self):
        self.cmd.undo(self.session.doc)
        self.session._after_change(self.cmd)

    def id(self):
        return _MERGE_IDS.get(type(self.cmd), -1)

    def mergeWith(self, other):
        if not isinstance(other, UndoCommand) or type(other.cmd) is not type(self.cmd):
            return False
        # merge only edits that follow each other within a few seconds
        if time.monotonic() - self.session._last_push_time > 3.0:
            return False
        return self.cmd.merge_with(other.cmd)


#: commands that change the characters of stories, never frames, pages, styles or blocks' roles
TEXT_COMMANDS = (C.ReplaceText, C.EditStoryText, C.ApplyCharFormat)


def empty_result(doc: Document) -> LayoutResult:
    from ..core.model.units import mm_to_pt
    return LayoutResult(pages=tuple(
        PageResult(p.id, i, mm_to_pt(p.width), mm_to_pt(p.height), mm_to_pt(p.bleed), ())
        for i, p in enumerate(doc.pages)))


class Session(QObject):
    """One open document."""

    layout_changed = Signal(object)       # set of page ids whose display list changed (None: all)
    document_changed = Signal()           # any model change (panels refresh)
    selection_changed = Signal()
    path_changed = Signal()
    clean_changed = Signal(bool)

    def __init__(self, doc: Document, path: Path | None = None, parent=None):
        super().__init__(parent)
        self.doc = doc
        self.path = Path(path) if path else None
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self.clean_changed)
        self.selection: list[str] = []          # frame ids
        self.current_page = doc.pages[0].id if doc.pages else None
        self.result: LayoutResult = empty_result(doc)
        self.layout_error: str | None = None
        self.last_layout_ms = 0.0
        self._layouter = None
        self._last_push_time = 0.0
        self.last_command: C.Command | None = None    # while its signals are emitted: the command done
        self._suspend = False
        self.relayout(initial=True)

    # ---------------------------------------------------------------- files
    @classmethod
    def open(cls, path, parent=None) -> "Session":
        return cls(load_document(path), Path(path), parent)

    @property
    def base_dir(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def save(self, path=None) -> None:
        """Atomic save (banmian.core.io); raises OSError and leaves the old file intact."""
        target = Path(path) if path else self.path
        if target is None:
            raise ValueError("no file name")
        save_document(self.doc, target)
        if target != self.path:
            self.path = target
            self._layouter = None      # image paths resolve against the new folder
            self.path_changed.emit()
        self.undo_stack.setClean()

    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    # ---------------------------------------------------------------- edits
    def push(self, cmd: C.Command) -> bool:
        """Do ``cmd`` as one undo step; False (and nothing changed) if it does not apply."""
        # do it here, not inside QUndoStack.push: an exception raised in a Qt
        # virtual (redo) would be printed and swallowed instead of reaching us
        try:
            cmd.do(self.doc)
        except C.CommandError:
            return False
        wrapped = UndoCommand(self, cmd)
        wrapped.done_already = True
        self.undo_stack.push(wrapped)
        self._last_push_time = time.monotonic()
        return True

    def _after_change(self, cmd: C.Command) -> None:
        # drop selection entries that no longer exist
        live = {f.id for _, f in self.doc.all_frames()}
        sel = [s for s in self.selection if s in live]
        if sel != self.selection:
            self.selection = sel
            self.selection_changed.emit()
        if not any(p.id == self.current_page for p in self.doc.pages):
            self.current_page = self.doc.pages[0].id if self.doc.pages else None
        self.last_command = cmd
        try:
            self.relayout()
            self.document_changed.emit()
        finally:
            self.last_command = None

    def is_text_edit(self) -> bool:
        """True while the signals of an edit of story text only are emitted (typing,
        deleting, character formats): views may then repaint a part and refresh later."""
        return isinstance(self.last_command, TEXT_COMMANDS)

    # ---------------------------------------------------------------- layout
    def layouter(self):
        if self._layouter is None:
            from ..core.typeset.layout import Layouter
            from ..core.typeset.fonts import default_registry
            self._layouter = Layouter(default_registry(), self.base_dir)
        return self._layouter

    def relayout(self, initial: bool = False) -> None:
        t0 = time.perf_counter()
        if not initial:
            _hold_gc()
        old = self.result
        lay = self.layouter()
        if lay is None:
            new = empty_result(self.doc)
            self.layout_error = "layout engine not available"
        else:
            try:
                cmd = self.last_command
                sid = getattr(cmd, "story_id", None) if not initial and self.is_text_edit() else None
                # typing: only the edited story flowed again, only its pages assembled again
                new = lay.relayout_story(self.doc, old, sid) if sid else lay.layout(self.doc)
                self.layout_error = None
            except Exception as e:  # a layout bug must not take the editor down
                import traceback
                traceback.print_exc()
                self.layout_error = f"{type(e).__name__}: {e}"
                new = old if not initial else empty_result(self.doc)
        self.result = new
        self.last_layout_ms = (time.perf_counter() - t0) * 1000
        if initial:
            return
        oldp = {p.page: p for p in old.pages}
        changed = set()
        for p in new.pages:
            o = oldp.get(p.page)
            # (a page whose text only moved in the story — after an edit earlier in the thread —
            # draws what it drew: its items are not even read)
            if o is None or o is not p and not draws_as(p, o) and (o.items != p.items or o.width != p.width
                                                                   or o.height != p.height):
                changed.add(p.page)
        if [p.page for p in old.pages] != [p.page for p in new.pages]:
            changed = None
        self.layout_changed.emit(changed)

    def page_result(self, page_id: str) -> PageResult | None:
        for p in self.result.pages:
            if p.page == page_id:
                return p
        return None

    # ---------------------------------------------------------------- queries
    def set_selection(self, ids) -> None:
        ids = list(dict.fromkeys(ids))
        if ids != self.selection:
            self.selection = ids
            for i in ids:
                p, _ = self.doc.find_frame(i)
                if p is not None:
                    self.current_page = p.id
                    break
            self.selection_changed.emit()

    def article_frames(self, frame_id: str) -> list[str]:
        _, f = self.doc.find_frame(frame_id)
        if f is None or not f.article:
            return [frame_id]
        return [g.id for _, g in self.doc.frames_of_article(f.article)]

    def story_of_frame(self, frame_id: str) -> str | None:
        """The story a text frame shows (head or any frame of its thread)."""
        for s in self.doc.stories:
            for _, f in self.doc.thread(s.id):
                if f.id == frame_id:
                    return s.id
        return None

    def overset_chars(self, story_id: str) -> int:
        for o in self.result.overset:
            if o.story == story_id:
                return o.chars
        return 0

    def underset_chars(self, story_id: str) -> int:
        for sid, n in self.result.underset:
            if sid == story_id:
                return n
        return 0

    def overset_frames(self) -> set[str]:
        return {o.frame for o in self.result.overset if o.frame}

    def text_frames_in_order(self, story_id: str) -> list[TextFrame]:
        return [f for _, f in self.doc.thread(story_id)]


def _hold_gc() -> None:
    """The cyclic collector off until the event loop has had GC_PAUSE_MS to repaint (the
    Layouter pauses it during a layout; this carries the pause through the canvas update)."""
    if gc.isenabled():
        gc.disable()
        QTimer.singleShot(GC_PAUSE_MS, gc.enable)

