"""Dialogs: Export PDF (preflight first, progress bar) and Keyboard shortcuts."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QListWidget, QMessageBox, QProgressBar, QPushButton, QSpinBox,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QHeaderView, QApplication,
)

from . import files


class ExportPdfDialog(QDialog):
    """Options of banmian.render.pdf.export_pdf, with preflight findings shown first."""

    def __init__(self, session, out_path: str = "", parent=None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Export PDF"))
        lay = QVBoxLayout(self)
        self.findings_label = QLabel()
        lay.addWidget(self.findings_label)
        self.findings = QListWidget()
        self.findings.setMaximumHeight(140)
        lay.addWidget(self.findings)
        form = QFormLayout()
        row = QHBoxLayout()
        self.path = QLineEdit(out_path)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form.addRow(self.tr("File"), row)
        self.pages = QLineEdit()
        self.pages.setPlaceholderText(self.tr("all (e.g. 1,3-4)"))
        form.addRow(self.tr("Pages"), self.pages)
        self.marks = QCheckBox(self.tr("Crop and registration marks, colour bar, slug"))
        self.marks.setChecked(True)
        form.addRow(self.tr("Marks"), self.marks)
        self.pdfx = QComboBox()
        self.pdfx.addItem("PDF/X-4", "4")
        self.pdfx.addItem("PDF/X-1a:2001", "1a")
        self.pdfx.addItem(self.tr("Plain PDF"), None)
        form.addRow(self.tr("Standard"), self.pdfx)
        # the print condition (banmian.core.press): profile, ink limit, plant checks, marks
        from ..core import press as _press
        self.press = QComboBox()
        for name, cond in _press.PRESETS.items():
            self.press.addItem(cond.label, name)
        self.press.addItem(self.tr("Custom: the plant's own ICC profile"), "custom")
        form.addRow(self.tr("Print condition"), self.press)
        prow = QHBoxLayout()
        self.profile = QLineEdit()
        self.profile.setPlaceholderText(self.tr("the print condition's profile"))
        pbrowse = QPushButton(self.tr("Browse…"))
        pbrowse.clicked.connect(self._browse_profile)
        prow.addWidget(self.profile, 1)
        prow.addWidget(pbrowse)
        form.addRow(self.tr("Output profile"), prow)
        self.ink = QSpinBox()
        self.ink.setRange(180, 400)
        self.ink.setValue(int(_press.get().ink_limit))
        self.ink.setSuffix(" %")
        form.addRow(self.tr("Total ink limit"), self.ink)
        self.press.currentIndexChanged.connect(self._press_changed)
        self.force = QCheckBox(self.tr("Export despite preflight errors"))
        form.addRow("", self.force)
        lay.addLayout(form)
        self.progress = QProgressBar()
        self.progress.setValue(0)
        lay.addWidget(self.progress)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_btn = self.buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.run_export)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.report = None
        self.error = None
        self._preflight()

    def condition(self):
        """The chosen print condition, with the profile field and ink limit as the plant's override."""
        from ..core import press as _press
        return _press.resolve(self.press.currentData(), profile=self.profile.text().strip() or None,
                              ink_limit=self.ink.value())

    def _press_changed(self, _index=None):
        from ..core import press as _press
        name = self.press.currentData()
        if name in _press.PRESETS:
            self.ink.setValue(int(_press.PRESETS[name].ink_limit))
        self.findings.clear()
        self._preflight()

    def _preflight(self):
        try:
            from ..core.preflight import preflight
            try:
                cond = self.condition()
            except ValueError:          # custom without its profile yet: the base checks only
                cond = None
            self.found = preflight(self.session.doc, self.session.result, base_dir=self.session.base_dir,
                                   ink_limit=self.ink.value(), press=cond)
        except Exception as e:
            self.found = []
            self.findings_label.setText(f"{type(e).__name__}: {e}")
            return
        errors = [f for f in self.found if f.severity == "error"]
        self.findings_label.setText(
            self.tr("Preflight: %1 errors, %2 warnings").replace("%1", str(len(errors)))
            .replace("%2", str(sum(1 for f in self.found if f.severity == "warning"))))
        sev = {"error": self.tr("error"), "warning": self.tr("warning"), "info": self.tr("info")}
        for f in self.found:
            where = f"  ({self.tr('page %1').replace('%1', f.folio or str(f.page))})" if f.page is not None else ""
            self.findings.addItem(f"{sev.get(f.severity, f.severity)}: {f.message}{where}")

    def _browse(self):
        p = files.get_save_file(self, self.tr("Export PDF"), self.path.text(), "PDF (*.pdf)")
        if p:
            self.path.setText(p)

    def _browse_profile(self):
        p = files.get_open_file(self, self.tr("Output profile"), "", "ICC (*.icc *.icm)")
        if p:
            self.profile.setText(p)

    def run_export(self) -> bool:
        from ..render.pdf import export_pdf
        out = self.path.text().strip()
        if not out:
            return False
        self.findings.clear()
        self._preflight()           # for the condition, profile and ink limit as they are now
        if any(f.severity == "error" for f in self.found) and not self.force.isChecked():
            QMessageBox.warning(self, self.tr("Export PDF"),
                                self.tr("Preflight found errors. Fix them or tick “Export despite preflight errors”."))
            return False

        def progress(done, total):
            self.progress.setMaximum(max(1, total))
            self.progress.setValue(done)
            QApplication.processEvents()

        self.export_btn.setEnabled(False)
        try:
            s = self.session
            self.report = export_pdf(s.doc, s.result, out, base_dir=s.base_dir,
                                     pages=self.pages.text().strip() or None, marks=self.marks.isChecked(),
                                     press=self.condition(),
                                     pdfx=self.pdfx.currentData(), progress=progress,
                                     source_name=s.path.name if s.path else None)
        except Exception as e:
            self.error = e
            QMessageBox.critical(self, self.tr("Export PDF"), self.tr("Export failed:") + f"\n{e}")
            self.export_btn.setEnabled(True)
            return False
        self.accept()
        return True


# (action text, shortcut) pairs come from the main window's actions
class ShortcutsDialog(QDialog):
    def __init__(self, rows, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        lay = QVBoxLayout(self)
        t = QTableWidget(len(rows), 2)
        t.setHorizontalHeaderLabels([self.tr("Command"), self.tr("Shortcut")])
        t.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        t.verticalHeader().hide()
        for i, (name, keys) in enumerate(rows):
            t.setItem(i, 0, QTableWidgetItem(name))
            t.setItem(i, 1, QTableWidgetItem(keys))
        t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        lay.addWidget(t)
        self.table = t
        bb = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        bb.rejected.connect(self.reject)
        lay.addWidget(bb)
        self.resize(460, 560)
