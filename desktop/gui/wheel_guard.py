"""The mouse wheel scrolls; it never changes a value the editor is not working on.

Qt's combo and spin boxes take every wheel event under the pointer, so a wheel over
the story editor silently changed paragraph styles (a page went to 溢出 1423 字).
One application-wide event filter: a combo box or spin box takes the wheel only while
it has the keyboard focus; otherwise the wheel scrolls the nearest scroll area around
it (the story, a panel), as it would over plain text.  Those widgets also stop taking
focus from the wheel (StrongFocus), so a wheel never focuses them either.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox

_GUARDED = (QComboBox, QAbstractSpinBox)


class WheelGuard(QObject):
    def eventFilter(self, obj, event):
        t = event.type()
        if t == QEvent.Type.Polish and isinstance(obj, _GUARDED):
            if obj.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                obj.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        elif t == QEvent.Type.Wheel and isinstance(obj, _GUARDED) and not obj.hasFocus():
            _scroll_ancestor(obj, event)
            return True          # eaten: the value stays
        return False


def _scroll_ancestor(widget, event) -> None:
    w = widget.parentWidget()
    while w is not None and not isinstance(w, QAbstractScrollArea):
        w = w.parentWidget()
    if w is None:
        return
    dy = event.angleDelta().y()
    dx = event.angleDelta().x()
    if dy:
        sb = w.verticalScrollBar()
        sb.setValue(sb.value() - round(dy / 120 * sb.singleStep() * QApplication.wheelScrollLines()))
    if dx:
        sb = w.horizontalScrollBar()
        sb.setValue(sb.value() - round(dx / 120 * sb.singleStep() * QApplication.wheelScrollLines()))


_guard: WheelGuard | None = None


def install(app: QApplication | None = None) -> WheelGuard:
    """Install the guard once on the application (idempotent)."""
    global _guard
    app = app or QApplication.instance()
    if _guard is None:
        _guard = WheelGuard(app)
        app.installEventFilter(_guard)
        # widgets polished before the guard was there
        for w in app.allWidgets():
            if isinstance(w, _GUARDED) and w.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                w.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return _guard
