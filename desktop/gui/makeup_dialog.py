"""自动组版 in the editor: the unplaced stories of the Articles panel made up on the current page
by the make-up engine (core/makeup), the proposals shown as thumbnails with their score and the
edits they need, one chosen and applied as a single undoable command.

The current page is the template: its master (报眉) and full-width fixed items (ads) stay; the
stories take the rest of the type area.  A page that already holds articles is refused by the
engine with a message (make up an empty page, or clear it first)."""
from __future__ import annotations

import copy

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView, QApplication, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QListWidget,
    QListWidgetItem, QPushButton, QSpinBox, QVBoxLayout,
)

from ..core import commands as C
from ..core import io
from ..core.importers.cli import ensure_styles
from ..core.makeup import Item, makeup
from ..core.makeup.engine import MakeupError
from ..core.typeset.layout import HEAD_ROLES

THUMB_PX = 220


def candidate_stories(doc) -> list:
    """Stories the make-up can place: not on any page or master, with some body copy."""
    placed = doc.placed_story_ids() | {f.story for m in doc.masters for f in m.frames
                                       if getattr(f, "story", None)}
    return [s for s in doc.stories
            if s.id not in placed and any(b.text.strip() for b in s.blocks if b.role not in HEAD_ROLES)]


def template_for(doc, page_id: str, story_ids) -> "io.Document":
    """The current page alone as the make-up's template (without the stories to place)."""
    t = copy.deepcopy(doc)
    t.pages = [p for p in t.pages if p.id == page_id]
    t.stories = [s for s in t.stories if s.id not in set(story_ids)]
    return t


def applied(doc, page_id: str, proposal) -> "io.Document":
    """``doc`` with the page replaced by the proposal's page and the stories by their edited
    copies (new caption stories, articles and head styles the proposal needs added)."""
    new = copy.deepcopy(doc)
    src = proposal.doc
    page = copy.deepcopy(src.pages[0])
    others = {f.id for p in new.pages if p.id != page_id for f in p.frames}
    clash = sorted(others & {f.id for f in page.frames})
    if clash:
        raise MakeupError(f"frame id {clash[0]!r} is already used on another page")
    new.pages = [page if p.id == page_id else p for p in new.pages]
    have = {s.id: i for i, s in enumerate(new.stories)}
    for s in src.stories:
        if s.id in have:
            new.stories[have[s.id]] = copy.deepcopy(s)
        elif doc.story(s.id) is None and any(getattr(f, "story", None) == s.id for f in page.frames):
            new.stories.append(copy.deepcopy(s))
    names = {a.id for a in new.articles}
    new.articles += [copy.deepcopy(a) for a in src.articles if a.id not in names]
    styles = {s.name for s in new.paragraph_styles}
    new.paragraph_styles += [copy.deepcopy(s) for s in src.paragraph_styles if s.name not in styles]
    cstyles = {s.name for s in new.character_styles}
    new.character_styles += [copy.deepcopy(s) for s in src.character_styles if s.name not in cstyles]
    swatches = {s.name for s in new.swatches}
    new.swatches += [copy.deepcopy(s) for s in src.swatches if s.name not in swatches]
    return new


class MakeupDialog(QDialog):
    """Pick stories, propose, pick a proposal, apply."""

    def __init__(self, session, page_id: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Automatic make-up"))
        self.session = session
        self.page_id = page_id
        self.result = None
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("Stories to make up on this page (in priority order):")))
        self.stories = QListWidget()
        self.stories.setObjectName("makeupStories")
        for s in candidate_stories(session.doc):
            n = sum(len(b.text) for b in s.blocks)
            it = QListWidgetItem(f"{s.name or s.id}（{n} 字）")
            it.setData(Qt.ItemDataRole.UserRole, s.id)
            it.setFlags(it.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            it.setCheckState(Qt.CheckState.Checked)
            self.stories.addItem(it)
        self.stories.setMaximumHeight(140)
        lay.addWidget(self.stories)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Alternatives:")))
        self.alternatives = QSpinBox()
        self.alternatives.setRange(1, 6)
        self.alternatives.setValue(3)
        row.addWidget(self.alternatives)
        row.addStretch(1)
        self.propose_btn = QPushButton(self.tr("Propose pages"))
        self.propose_btn.setObjectName("makeupPropose")
        self.propose_btn.clicked.connect(lambda: self.propose())
        row.addWidget(self.propose_btn)
        lay.addLayout(row)
        self.message = QLabel()
        self.message.setObjectName("makeupMessage")
        self.message.setWordWrap(True)
        lay.addWidget(self.message)
        self.proposals = QListWidget()
        self.proposals.setObjectName("makeupProposals")
        self.proposals.setViewMode(QListWidget.ViewMode.IconMode)
        self.proposals.setIconSize(QSize(THUMB_PX * 3 // 4, THUMB_PX))
        self.proposals.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.proposals.setMovement(QListWidget.Movement.Static)
        self.proposals.setWordWrap(True)
        self.proposals.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.proposals.setMinimumSize(3 * THUMB_PX, THUMB_PX + 90)
        self.proposals.currentRowChanged.connect(lambda *_: self._update_ok())
        self.proposals.itemDoubleClicked.connect(lambda *_: self.accept())
        lay.addWidget(self.proposals, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Use this page"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        if not self.stories.count():
            self.message.setText(self.tr("No unplaced stories: import articles first."))
            self.propose_btn.setEnabled(False)
        self._update_ok()

    def chosen_ids(self) -> list[str]:
        return [self.stories.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.stories.count())
                if self.stories.item(i).checkState() == Qt.CheckState.Checked]

    def _update_ok(self):
        ok = self.result is not None and self.result.feasible and self.proposals.currentRow() >= 0
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def propose(self) -> None:
        doc = self.session.doc
        ids = self.chosen_ids()
        self.proposals.clear()
        self.result = None
        if not ids:
            self.message.setText(self.tr("Tick at least one story."))
            self._update_ok()
            return
        template = template_for(doc, self.page_id, ids)
        items = []
        for i, sid in enumerate(ids):
            story = copy.deepcopy(doc.story(sid))
            ensure_styles(template, story)
            items.append(Item(story, i + 1))
        from ..core.typeset.layout import Layouter
        lay = Layouter(base_dir=self.session.base_dir)   # the proposals' own: its caches serve the thumbnails
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.result = makeup(template, items, alternatives=self.alternatives.value(), layouter=lay)
        except MakeupError as e:
            self.result = None
            self.message.setText(self.tr("Cannot make up this page: %1").replace("%1", str(e)))
            return
        finally:
            QApplication.restoreOverrideCursor()
        r = self.result
        if not r.feasible:
            if r.cuts:
                per = "；".join(f"{doc.story(sid).name or sid} 删 {n} 字" for sid, n in r.cuts.items() if n)
                self.message.setText(self.tr("Too much copy for the page: cut at least %1 chars in all (%2)")
                                     .replace("%1", str(r.total_cut)).replace("%2", per))
            else:
                self.message.setText(self.tr("No proposal: %1").replace("%1", r.message))
            self._update_ok()
            return
        self.message.setText(self.tr("%1 proposals in %2 s; the best first.")
                             .replace("%1", str(len(r.proposals))).replace("%2", f"{r.seconds:.1f}"))
        from .pages_panel import page_thumbnail
        for n, p in enumerate(r.proposals):
            thumb = page_thumbnail(lay.layout(p.doc).pages[0], THUMB_PX)
            edits = "，".join(f"{'加' if d > 0 else '删'} {abs(d)} 字" for d in p.edits.values() if d)
            text = self.tr("Proposal %1 · score %2").replace("%1", str(n + 1)).replace("%2", f"{p.score:.1f}")
            it = QListWidgetItem(QIcon(thumb), text + ("\n" + edits if edits else ""))
            it.setData(Qt.ItemDataRole.UserRole, n)
            self.proposals.addItem(it)
        self.proposals.setCurrentRow(0)
        self._update_ok()

    def chosen(self):
        if self.result is None or not self.result.feasible:
            return None
        row = self.proposals.currentRow()
        return self.result.proposals[row] if 0 <= row < len(self.result.proposals) else None

    def command(self) -> C.Command | None:
        """The chosen proposal as one undoable command (the document before and after)."""
        p = self.chosen()
        if p is None:
            return None
        doc = self.session.doc
        return C.ReplaceDocument(io.dumps(doc), io.dumps(applied(doc, self.page_id, p)), text="自动组版")
