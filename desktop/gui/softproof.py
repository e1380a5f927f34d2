"""The 印刷预览 (soft proof) window: the current page as the chosen press prints it.

Made by banmian.render.softproof (export → Ghostscript CMYK plates → the
condition's profile → screen, absolute colorimetric: paper white and dot gain).
Toggled from View ▸ Soft proof; closing the window unticks the action.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

PROOF_DPI = 72.0


class SoftProofWindow(QWidget):
    closed = Signal()

    def __init__(self, session, parent=None):
        super().__init__(parent, Qt.WindowType.Window)
        from ..core import press as _press
        self.session = session
        self.setWindowTitle(self.tr("Soft proof (press colours)"))
        lay = QVBoxLayout(self)
        row = QHBoxLayout()
        self.press = QComboBox()
        for name, cond in _press.PRESETS.items():
            self.press.addItem(cond.label, name)
        self.press.currentIndexChanged.connect(lambda _i: self.refresh())
        row.addWidget(QLabel(self.tr("Print condition")))
        row.addWidget(self.press, 1)
        self.refresh_btn = QPushButton(self.tr("Refresh"))
        self.refresh_btn.clicked.connect(self.refresh)
        row.addWidget(self.refresh_btn)
        lay.addLayout(row)
        self.status = QLabel()
        lay.addWidget(self.status)
        self.view = QLabel()
        self.view.setAlignment(Qt.AlignmentFlag.AlignCenter)
        scroll = QScrollArea()
        scroll.setWidget(self.view)
        scroll.setWidgetResizable(True)
        lay.addWidget(scroll, 1)
        self.image = None          # the last proof (PIL RGB)
        self.resize(760, 900)

    def page_index(self) -> int:
        s = self.session
        for i, pr in enumerate(s.result.pages):
            if pr.page == s.current_page:
                return i
        return 0

    def refresh(self) -> bool:
        from ..render.softproof import SoftProofError, proof_image
        s = self.session
        if not s.result.pages:
            self.status.setText(self.tr("Nothing to proof: the document has no pages."))
            return False
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            img = proof_image(s.doc, s.result, self.page_index(), base_dir=s.base_dir,
                              press=self.press.currentData(), dpi=PROOF_DPI)
        except SoftProofError as e:
            self.image = None
            self.view.clear()
            self.status.setText(str(e))
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.image = img
        data = img.tobytes("raw", "RGB")
        q = QImage(data, img.width, img.height, 3 * img.width, QImage.Format.Format_RGB888).copy()
        self.view.setPixmap(QPixmap.fromImage(q))
        self.status.setText(self.tr("As printed on %1 (paper white and dot gain of the profile)")
                            .replace("%1", self.press.currentText()))
        return True

    def closeEvent(self, event):
        super().closeEvent(event)
        self.closed.emit()


def toggle(window, on: bool) -> None:
    """Show (and make) or hide the main window's soft proof."""
    w = getattr(window, "soft_proof", None)
    if on:
        if w is None:
            w = SoftProofWindow(window.session, window)
            action = window.actions_by_key.get("soft_proof")
            if action is not None:
                w.closed.connect(lambda: action.setChecked(False))
            window.soft_proof = w
        w.show()
        w.raise_()
        w.refresh()
    elif w is not None:
        w.hide()
