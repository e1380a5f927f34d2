"""Editing a master page (版式, the 报眉) in the window's own canvas.

Page → 编辑版式 (or a double-click on a master in the Pages panel) switches the
canvas to a *view* of the master: one page the size of the pages that use it,
whose frames are the master's frames (the same list), laid out with the field
codes showing ({page} {date} {section} …, as InDesign shows its page-number
marker on a master).  The same tools move, resize, draw and type there; every
edit is an ordinary core command on the document's one undo stack, applied to
a fresh view of the master each time it is done or undone (so Undo after
leaving the master still works).  Every page using the master is laid out
again after each edit, with its fields filled from the document and the page.

:class:`MasterSession` offers the part of :class:`~banmian.gui.session.Session`
the canvas and its tools use (doc, result, selection, push …).
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ..core import commands as C
from ..core.model.document import Document, Page
from .session import UndoCommand

MASTER_PAGE_PREFIX = "master:"
SHARED = ("stories", "paragraph_styles", "character_styles", "swatches", "articles", "meta")


class MasterViewDocument(Document):
    """A document holding one page — a master's frames on a page like those using it.

    Its lists are the real document's (commands change them in place); the ids of
    everything else in the real document are reserved, so new frames and stories
    drawn on the master get ids unique in the whole document."""

    real: Document = None
    master_name: str = ""

    @property
    def reserved_ids(self):
        r = self.real
        ids = {p.id for p in r.pages}
        for p in r.pages:
            ids.update(f.id for f in p.frames)
        for m in r.masters:
            if m.name != self.master_name:
                ids.update(f.id for f in m.frames)
        return ids


def master_page_id(name: str) -> str:
    return MASTER_PAGE_PREFIX + name


def reference_page(doc: Document, name: str) -> Page | None:
    """The page whose size, margins and grid the master is shown with: the first using it."""
    return next((p for p in doc.pages if p.master == name), doc.pages[0] if doc.pages else None)


def master_view_document(doc: Document, name: str) -> MasterViewDocument:
    m = doc.master(name)
    if m is None:
        raise C.CommandError(f"no master {name!r}")
    ref = reference_page(doc, name)
    page = Page(master_page_id(name), name=name, frames=m.frames)
    if ref is not None:
        page.width, page.height, page.bleed = ref.width, ref.height, ref.bleed
        page.margins, page.grid = ref.margins, ref.grid
    v = MasterViewDocument(pages=[page], masters=[], **{k: getattr(doc, k) for k in SHARED})
    v.real, v.master_name = doc, name
    return v


def apply_to_master(doc: Document, name: str, cmd: C.Command, undo: bool = False) -> None:
    """Do (or undo) ``cmd`` on a fresh view of master ``name``; what the command replaced
    on the view (a list of stories …) is written back to the document."""
    v = master_view_document(doc, name)
    (cmd.undo if undo else cmd.do)(v)
    for k in SHARED:
        if getattr(v, k) is not getattr(doc, k):
            setattr(doc, k, getattr(v, k))
    m = doc.master(name)
    if v.pages and v.pages[0].frames is not m.frames:
        m.frames = v.pages[0].frames


class MasterUndoCommand(UndoCommand):
    """A command done on a master (through its view) on the document's undo stack."""

    def __init__(self, session, master: str, cmd: C.Command):
        super().__init__(session, cmd)
        self.master = master

    def redo(self):
        if self.done_already:
            self.done_already = False
        else:
            apply_to_master(self.session.doc, self.master, self.cmd)
        self.session._after_change(self.cmd)

    def undo(self):
        apply_to_master(self.session.doc, self.master, self.cmd, undo=True)
        self.session._after_change(self.cmd)

    def mergeWith(self, other):
        if not isinstance(other, MasterUndoCommand) or other.master != self.master:
            return False
        return super().mergeWith(other)


class MasterSession(QObject):
    """What the canvas and its tools see while a master is edited (Session's interface)."""

    layout_changed = Signal(object)
    document_changed = Signal()
    selection_changed = Signal()
    gone = Signal()          # the master left the document (an Undo removed it)

    def __init__(self, session, name: str, parent=None):
        super().__init__(parent)
        self.real = session
        self.name = name
        self.selection: list[str] = []
        self._layouter = None
        self.doc = master_view_document(session.doc, name)
        self.current_page = master_page_id(name)
        self.result = None
        self.layout_error = None
        self._relayout(initial=True)
        session.document_changed.connect(self._real_changed)

    def close(self):
        try:
            self.real.document_changed.disconnect(self._real_changed)
        except (RuntimeError, TypeError):
            pass

    # ---------------------------------------------------------------- Session's interface
    @property
    def undo_stack(self):
        return self.real.undo_stack

    @property
    def base_dir(self):
        return self.real.base_dir

    @property
    def path(self):
        return self.real.path

    def push(self, cmd: C.Command) -> bool:
        try:
            apply_to_master(self.real.doc, self.name, cmd)
        except C.CommandError:
            return False
        wrapped = MasterUndoCommand(self.real, self.name, cmd)
        wrapped.done_already = True
        self.real.undo_stack.push(wrapped)
        import time
        self.real._last_push_time = time.monotonic()
        return True

    def is_text_edit(self) -> bool:
        return self.real.is_text_edit()

    def set_selection(self, ids) -> None:
        ids = list(dict.fromkeys(ids))
        if ids != self.selection:
            self.selection = ids
            self.selection_changed.emit()

    def page_result(self, page_id):
        for p in self.result.pages:
            if p.page == page_id:
                return p
        return None

    def article_frames(self, frame_id):
        return [frame_id]

    def story_of_frame(self, frame_id):
        for s in self.doc.stories:
            for _, f in self.doc.thread(s.id):
                if f.id == frame_id:
                    return s.id
        return None

    def overset_frames(self):
        return {o.frame for o in self.result.overset if o.frame}

    def overset_chars(self, story_id):
        return next((o.chars for o in self.result.overset if o.story == story_id), 0)

    def underset_chars(self, story_id):
        return next((n for sid, n in self.result.underset if sid == story_id), 0)

    def text_frames_in_order(self, story_id):
        return [f for _, f in self.doc.thread(story_id)]

    # ---------------------------------------------------------------- layout
    def pages_using(self) -> list[str]:
        return [p.id for p in self.real.doc.pages if p.master == self.name]

    def _real_changed(self):
        if self.real.doc.master(self.name) is None:
            self.gone.emit()
            return
        self._relayout()
        self.document_changed.emit()

    def _relayout(self, initial=False):
        self.doc = master_view_document(self.real.doc, self.name)
        live = {f.id for f in self.doc.pages[0].frames}
        sel = [s for s in self.selection if s in live]
        if sel != self.selection:
            self.selection = sel
            self.selection_changed.emit()
        if self._layouter is None:
            from ..core.typeset.fonts import default_registry
            from ..core.typeset.layout import Layouter
            self._layouter = Layouter(default_registry(), self.real.base_dir)
        old = self.result
        try:
            self.result = self._layouter.layout(self.doc)
            self.layout_error = None
        except Exception as e:     # a layout bug must not take the editor down
            self.layout_error = f"{type(e).__name__}: {e}"
            if old is None:
                from .session import empty_result
                self.result = empty_result(self.doc)
        if not initial:
            o = old.pages[0] if old and old.pages else None
            n = self.result.pages[0] if self.result.pages else None
            changed = set() if (o is not None and n is not None and o.items == n.items
                                and o.width == n.width and o.height == n.height) else None
            self.layout_changed.emit(changed)


# ====================================================================== the mode


class MasterBanner(QWidget):
    """The bar under the canvas while a master is edited: which one, and the way back."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("master_banner")
        self.setAutoFillBackground(True)
        self.setStyleSheet("#master_banner { background: #fff3c4; border-top: 1px solid #d8b44a; }")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(8, 3, 8, 3)
        self.label = QLabel()
        self.back = QPushButton(self.tr("Back to pages"))
        self.back.setObjectName("master_back")
        lay.addWidget(self.label, 1)
        lay.addWidget(self.back)

    def show_for(self, ms: MasterSession):
        n = len(ms.pages_using())
        self.label.setText(self.tr("Editing master %1 — changes show on the %2 page(s) using it")
                           .replace("%1", ms.name).replace("%2", str(n)))
        self.show()


def editing_master(window) -> str | None:
    ms = getattr(window, "master_session", None)
    return ms.name if ms is not None else None


def edit_master(window, name: str) -> MasterSession | None:
    """Show master ``name`` in the window's canvas (leaving another master first)."""
    if window.session.doc.master(name) is None:
        return None
    if getattr(window, "master_session", None) is not None:
        if window.master_session.name == name:
            return window.master_session
        leave_master(window)
    ms = MasterSession(window.session, name, window)
    window.master_session = ms
    ms.gone.connect(lambda: leave_master(window))
    window.canvas.set_session(ms)
    _panels_follow(window, ms)
    banner = getattr(window, "master_banner", None)
    if banner is None:
        banner = window.master_banner = MasterBanner()
        banner.back.clicked.connect(lambda: leave_master(window))
        grid = window.centralWidget().layout()
        grid.addWidget(banner, grid.rowCount(), 0, 1, grid.columnCount())
    banner.show_for(ms)
    ms.document_changed.connect(lambda: banner.show_for(ms) if banner.isVisible() else None)
    window.canvas.fit_page()
    window.statusBar().showMessage(banner.label.text(), 5000)
    return ms


def _panels_follow(window, session) -> None:
    """The panels that act on the canvas's selection follow the canvas (Properties)."""
    props = getattr(window, "props_panel", None)
    if props is not None:
        props.set_session(session)


def leave_master(window) -> None:
    ms = getattr(window, "master_session", None)
    if ms is None:
        return
    window.master_session = None
    window.canvas.set_session(window.session)
    _panels_follow(window, window.session)
    ms.close()
    ms.deleteLater()
    banner = getattr(window, "master_banner", None)
    if banner is not None:
        banner.hide()
    window.canvas.fit_page()


__all__ = ["MasterSession", "MasterViewDocument", "apply_to_master", "edit_master", "editing_master",
           "leave_master", "master_view_document"]
