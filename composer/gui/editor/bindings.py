"""Binds a widget to a field path: user edits become commands, model changes refill the widget."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QLineEdit, QPlainTextEdit, QWidget

from composer.gui.editor.commands import SetValueCommand
from composer.gui.editor.validation_marks import FieldMark

if TYPE_CHECKING:
    from composer.gui.session import LetterSession


class EditKeys(QObject):
    """Ctrl+Z/Ctrl+Y in a field go to the letter's undo actions, not the field's own undo.

    Leaving a field ends its typing step, so coming back starts a new undo step.
    """

    def __init__(self, session: LetterSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            undo = QKeySequence.StandardKey.Undo
            redo = QKeySequence.StandardKey.Redo
            if event.matches(undo) or event.matches(redo):
                event.ignore()  # not the field's: the shortcut of the undo/redo action fires
                return True
        elif event.type() == QEvent.Type.FocusOut:
            self.session.seal_typing()
        return False


class Binding:
    """One widget showing the value at `path`; `path` may be changed (the selected addressee)."""

    typing = True  # keystrokes in the same field merge into one undo step

    def __init__(
        self,
        session: LetterSession,
        widget: QWidget,
        path: str,
        *,
        mark: FieldMark | None = None,
        keys: EditKeys | None = None,
    ) -> None:
        self.session = session
        self.widget = widget
        self.path = path
        self.mark = mark
        if keys is not None:
            widget.installEventFilter(keys)

    def read(self) -> Any:
        raise NotImplementedError

    def _write(self, value: Any) -> None:
        raise NotImplementedError

    def sync(self) -> None:
        """Show the model's value; signals blocked, so this never makes a command."""
        value = self.session.value(self.path)
        if self.read() == value:
            return
        self.widget.blockSignals(True)
        try:
            self._write(value)
        finally:
            self.widget.blockSignals(False)

    def edited(self, *_: object) -> None:
        if self.session.loading:
            return
        new = self.read()
        old = self.session.value(self.path)
        if new == old:
            return
        self.session.apply(
            SetValueCommand(self.session, self.path, new, old=old, typing=self.typing)
        )


class LineBinding(Binding):
    widget: QLineEdit

    def __init__(self, session: LetterSession, widget: QLineEdit, path: str, **kwargs: Any):
        super().__init__(session, widget, path, **kwargs)
        widget.textEdited.connect(self.edited)
        widget.editingFinished.connect(session.seal_typing)

    def read(self) -> str:
        return self.widget.text()

    def _write(self, value: Any) -> None:
        self.widget.setText(str(value))


class TextBinding(Binding):
    widget: QPlainTextEdit

    def __init__(self, session: LetterSession, widget: QPlainTextEdit, path: str, **kwargs: Any):
        super().__init__(session, widget, path, **kwargs)
        widget.setUndoRedoEnabled(False)  # the letter's undo stack is the only one
        widget.textChanged.connect(self.edited)

    def read(self) -> str:
        return self.widget.toPlainText()

    def _write(self, value: Any) -> None:
        position = self.widget.textCursor().position()
        text = str(value)
        self.widget.setPlainText(text)
        cursor = self.widget.textCursor()
        cursor.setPosition(min(position, len(text)), QTextCursor.MoveMode.MoveAnchor)
        self.widget.setTextCursor(cursor)


class DateBinding(Binding):
    widget: QDateEdit

    def __init__(self, session: LetterSession, widget: QDateEdit, path: str, **kwargs: Any):
        super().__init__(session, widget, path, **kwargs)
        widget.dateChanged.connect(self.edited)

    def read(self) -> Any:
        return self.widget.date().toPython()

    def _write(self, value: Any) -> None:
        self.widget.setDate(QDate(value.year, value.month, value.day))


class ComboBinding(Binding):
    """A choice: the item data is the model value. Only the user's choice is a command."""

    typing = False
    widget: QComboBox

    def __init__(self, session: LetterSession, widget: QComboBox, path: str, **kwargs: Any):
        super().__init__(session, widget, path, **kwargs)
        widget.activated.connect(self.edited)

    def read(self) -> Any:
        return self.widget.currentData()

    def _write(self, value: Any) -> None:
        index = self.widget.findData(value)
        if index >= 0:
            self.widget.setCurrentIndex(index)


class CheckBinding(Binding):
    typing = False
    widget: QCheckBox

    def __init__(self, session: LetterSession, widget: QCheckBox, path: str, **kwargs: Any):
        super().__init__(session, widget, path, **kwargs)
        widget.clicked.connect(self.edited)

    def read(self) -> bool:
        return self.widget.isChecked()

    def _write(self, value: Any) -> None:
        self.widget.setChecked(bool(value))
