"""The mouse wheel changes a dropdown or a date only when that field has the focus.

Scrolling a long form with the wheel must not change a closed dropdown (a form of address from
neutraal to onbekend) or a date that happens to pass under the mouse. `install_wheel_guard(app)`
installs one event filter for the whole program: over such a field without focus, the wheel
event goes on to the form around it, which scrolls.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget

_GUARDED = (QComboBox, QAbstractSpinBox)


class WheelGuard(QObject):
    """Wheel over an unfocused dropdown or spin box (a date): scroll the form, change nothing."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Polish and isinstance(watched, _GUARDED):
            # Clicking or Tab focuses them, the wheel does not (Qt's default would).
            watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        elif kind == QEvent.Type.Wheel and isinstance(watched, QWidget):
            field = _guarded_field(watched)
            if field is not None and not field.hasFocus():
                _pass_up(field, event)
                event.accept()  # handled: Qt must not hand it up a second time
                return True
        return False


def _pass_up(field: QWidget, event: QEvent) -> None:
    """Give the wheel to the widgets around `field`, nearest first, until one takes it (the
    scroll area around the form), as if the field were not there."""
    widget = field.parentWidget()
    while widget is not None:
        event.accept()  # a widget that does not scroll ignores it again
        QApplication.sendEvent(widget, event)
        if event.isAccepted() or widget.isWindow():
            return
        widget = widget.parentWidget()


def _guarded_field(widget: QWidget) -> QWidget | None:
    """The dropdown or spin box `widget` is part of (a spin box's line edit is a child)."""
    if isinstance(widget, _GUARDED):
        return widget
    parent = widget.parentWidget()
    if isinstance(parent, _GUARDED):  # the line edit inside a date field or editable dropdown
        return parent
    return None


def install_wheel_guard(app: QApplication) -> WheelGuard:
    """Install the guard on `app` (once: a second call returns the first guard)."""
    existing = app.findChild(WheelGuard)
    if existing is not None:
        return existing
    guard = WheelGuard(app)
    app.installEventFilter(guard)
    return guard
