"""File → Import article: confirm the detected roles before the story is added.

The dialog shows what the importer found — the encoding, one row per block
with its role (a combo box the editor can change) and the start of its text,
every normalisation change and the warnings — and a "normalise punctuation"
box that re-imports the file without normalising when unticked.  On OK,
``story_for(doc)`` gives the story with the chosen roles and styles the
layout has (``ensure_styles`` supplies defaults for the ones it lacks);
the main window adds it with one ``AddStory`` command.  Cancel adds nothing.
"""
from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHeaderView, QLabel,
    QListWidget, QMessageBox, QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from .errors import core_text
from .labels import role_label
from ..core.model.document import BLOCK_ROLES, Document

ROLES = tuple(r for r in BLOCK_ROLES if r != "header")   # the 报眉 is a master item, not copy
PREVIEW_CHARS = 30


def resolve_style(doc: Document, role: str) -> str:
    """The paragraph style a block of ``role`` takes in ``doc``.

    The template's style for the role (importers.ROLE_STYLES: paragraph → body);
    a style named like the role; otherwise the role's style name, which
    ``ensure_styles`` then adds with its defaults.
    """
    from ..core.importers import ROLE_STYLES
    name = ROLE_STYLES.get(role, "body")
    if doc.paragraph_style(name) is not None:
        return name
    if doc.paragraph_style(role) is not None:
        return role
    if role == "paragraph":
        for alt in ("body", "paragraph"):
            if doc.paragraph_style(alt) is not None:
                return alt
    return name


def prepare_story(doc: Document, story, roles: list[str] | None = None):
    """(story copy with roles and styles set, new paragraph styles, character styles, swatches).

    Nothing in ``doc`` changes: the styles to add are returned for AddStory.
    """
    from ..core import commands as C
    from ..core.importers.cli import ensure_styles
    story = copy.deepcopy(story)
    if roles is not None:
        for b, r in zip(story.blocks, roles):
            b.role = r
    for b in story.blocks:
        b.style = resolve_style(doc, b.role)
    if doc.story(story.id) is not None or story.id in C.all_ids(doc):
        story.id = C.new_id(doc, story.id)
    scratch = Document(paragraph_styles=list(doc.paragraph_styles),
                       character_styles=list(doc.character_styles), swatches=list(doc.swatches))
    ensure_styles(scratch, story)
    return (story, scratch.paragraph_styles[len(doc.paragraph_styles):],
            scratch.character_styles[len(doc.character_styles):], scratch.swatches[len(doc.swatches):])


class ImportArticleDialog(QDialog):
    """Detected encoding, roles (editable), normalisation report and warnings."""

    def __init__(self, path, result, parent=None, *, image_dir=None):
        super().__init__(parent)
        self.path = Path(path)
        self.image_dir = image_dir
        self.result = result
        self.error: str | None = None
        self.setWindowTitle(self.tr("Import article"))
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.file_label = QLabel(self.path.name)
        self.file_label.setToolTip(str(self.path))
        self.encoding_label = QLabel()
        self.count_label = QLabel()
        form.addRow(self.tr("File"), self.file_label)
        form.addRow(self.tr("Encoding"), self.encoding_label)
        form.addRow(self.tr("Blocks"), self.count_label)
        self.images_label = QLabel()
        self.images_label.setWordWrap(True)
        form.addRow(self.tr("Images"), self.images_label)
        self.form = form
        lay.addLayout(form)
        self.normalize = QCheckBox(self.tr("Normalise punctuation"))
        self.normalize.setToolTip(self.tr("ASCII punctuation between Chinese characters to full width, "
                                          "quotes paired, dashes and ellipses, stray spaces removed"))
        self.normalize.setChecked(True)
        self.normalize.toggled.connect(self.reimport)
        lay.addWidget(self.normalize)

        split = QSplitter(Qt.Orientation.Vertical)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Role"), self.tr("Text")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        split.addWidget(self.table)

        rep = QWidget()
        rl = QVBoxLayout(rep)
        rl.setContentsMargins(0, 0, 0, 0)
        self.report_label = QLabel()
        rl.addWidget(self.report_label)
        self.report = QTableWidget(0, 3)
        self.report.setHorizontalHeaderLabels([self.tr("Position"), self.tr("Before → after"),
                                               self.tr("Normalisation rule")])
        self.report.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.report.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.report.verticalHeader().hide()
        self.report.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        rl.addWidget(self.report, 1)
        self.warnings_label = QLabel(self.tr("Warnings"))
        rl.addWidget(self.warnings_label)
        self.warnings = QListWidget()
        self.warnings.setMaximumHeight(70)
        self.warnings.setWordWrap(True)
        rl.addWidget(self.warnings)
        split.addWidget(rep)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        lay.addWidget(split, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.combos: list[QComboBox] = []
        self._fill()
        self.resize(720, 640)

    # ---------------------------------------------------------------- labels
    def role_label(self, role: str) -> str:
        return role_label(role)

    def rule_label(self, rule: str) -> str:
        names = {
            "punct": self.tr("full-width punctuation"), "quote": self.tr("paired quotes"),
            "dash": self.tr("dash ——"), "ellipsis": self.tr("ellipsis ……"),
            "space": self.tr("space removed"), "space-kept": self.tr("space kept"),
            "width": self.tr("half-width digits and Latin"),
        }
        return names.get(rule, rule)

    @staticmethod
    def shown(s: str) -> str:
        """A changed piece, legible: a lone mark with its code point (, U+002C vs ， U+FF0C)."""
        vis = s.replace(" ", "␣").replace("\u3000", "□").replace("\t", "⇥")
        if len(s) == 1:
            return f"「{vis}」U+{ord(s):04X}"
        return f"「{vis}」"

    # ---------------------------------------------------------------- content
    def _fill(self, keep: list[str] | None = None):
        res = self.result
        blocks = res.story.blocks
        self.encoding_label.setText(res.encoding)
        self.count_label.setText(str(len(blocks)))
        self.images_label.setText("\n".join(str(p) for p in res.images))
        self.images_label.setToolTip(self.tr("Copied next to the layout; place them with Place image"))
        for w in (self.images_label, self.form.labelForField(self.images_label)):
            w.setVisible(bool(res.images))
        self.table.setRowCount(len(blocks))
        self.combos = []
        for i, b in enumerate(blocks):
            cb = QComboBox()
            roles = ROLES if b.role in ROLES else ROLES + (b.role,)
            for r in roles:
                cb.addItem(self.role_label(r), r)
            role = keep[i] if keep is not None else b.role
            cb.setCurrentIndex(max(0, cb.findData(role)))
            self.table.setCellWidget(i, 0, cb)
            self.combos.append(cb)
            t = b.text.replace("\n", " ")
            shown = (t[:PREVIEW_CHARS] + ("…" if len(t) > PREVIEW_CHARS else "")) if t \
                else self.tr("(empty — to be written)")
            it = QTableWidgetItem(shown)
            it.setToolTip(t)
            if not t:
                it.setForeground(Qt.GlobalColor.darkYellow)
            self.table.setItem(i, 1, it)
        self.table.resizeRowsToContents()
        changes = res.changes
        self.report_label.setText(
            self.tr("Normalisation: %1 changes").replace("%1", str(len(changes)))
            if self.normalize.isChecked() else self.tr("Normalisation: off"))
        self.report.setRowCount(len(changes))
        for i, c in enumerate(changes):
            pos = self.tr("line %1, col %2").replace("%1", str(c.line)).replace("%2", str(c.column))
            if c.rule == "space-kept":
                notes = {"a photo credit": self.tr("a photo credit"), "a byline": self.tr("a byline"),
                         "a list of names": self.tr("a list of names"), "a 《》 title": self.tr("a 《》 title"),
                         "a reporters' byline": self.tr("a reporters' byline")}
                what = self.tr("kept the space in %1").replace("%1", notes.get(c.note, c.note))
            else:
                what = f"{self.shown(c.before)}  →  {self.shown(c.after)}"
            for col, txt in enumerate((pos, what, self.rule_label(c.rule))):
                self.report.setItem(i, col, QTableWidgetItem(txt))
        self.report.resizeColumnsToContents()
        self.report.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.warnings.clear()
        for w in res.warnings:
            self.warnings.addItem("⚠ " + core_text(w))
        self.warnings_label.setVisible(bool(res.warnings))
        self.warnings.setVisible(bool(res.warnings))

    def reimport(self, *_):
        """Import again with the box's normalisation; edited roles stay when the blocks do."""
        from ..core.importers import import_file
        before = [b.role for b in self.result.story.blocks]
        chosen = self.roles()
        try:
            res = import_file(self.path, normalize=self.normalize.isChecked(), image_dir=self.image_dir)
        except Exception as e:       # the importer's message, never a traceback
            self.error = str(e)
            QMessageBox.warning(self, self.tr("Import article"), core_text(str(e)))
            return False
        keep = None
        if [b.role for b in res.story.blocks] == before:
            keep = chosen
        self.result = res
        self._fill(keep)
        return True

    def roles(self) -> list[str]:
        return [cb.currentData() for cb in self.combos]

    def set_role(self, block: int, role: str) -> None:
        cb = self.combos[block]
        cb.setCurrentIndex(cb.findData(role))

    def story_for(self, doc: Document):
        """prepare_story(doc, the imported story, the chosen roles)."""
        return prepare_story(doc, self.result.story, self.roles())
