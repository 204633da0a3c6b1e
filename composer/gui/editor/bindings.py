"""Binds a widget to a field path: user edits become commands, model changes refill the widget."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from composer.gui.editor.body_document import (
    OBJECT_CHAR,
    ReadBody,
    fill_document,
    read_document,
    shown_blocks,
)
from composer.gui.editor.commands import SetValueCommand
from composer.gui.editor.validation_marks import FieldMark
from composer.i18n import _

if TYPE_CHECKING:
    from composer.gui.session import LetterSession


def _common_prefix(first: str, second: str) -> str:
    size = next((n for n, (a, b) in enumerate(zip(first, second, strict=False)) if a != b), None)
    return first[: min(len(first), len(second)) if size is None else size]


def _utf16_length(text: str) -> int:
    """Qt counts in UTF-16 units: an emoji is two."""
    return len(text.encode("utf-16-le")) // 2


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

    def edited(self, *_args: object) -> None:
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


class BodyBinding(Binding):
    """The body (`body`, a list of blocks) shown in one rich-text field.

    Typing merges into one undo step; `step()` makes a change of its own (a mark, a list, a
    paste), `set_blocks()` puts a new block list (an object inserted, a block moved). Undo and
    redo rewrite the document from the model; the cursor goes to where the text changed (its
    character position when only marks changed).
    """

    widget: QTextEdit

    def __init__(self, session: LetterSession, widget: QTextEdit, **kwargs: Any) -> None:
        super().__init__(session, widget, "body", **kwargs)
        widget.setUndoRedoEnabled(False)  # the letter's undo stack is the only one
        self._held = 0
        # True from another letter's loading until its body is written: the document still shows
        # the previous letter, and a change it reports (the spelling highlighter redrawing a
        # paragraph emits contentsChanged) must not become the new letter's body.
        self.stale = False
        self._shown: list[Any] = []  # the blocks the document shows
        self.read_body = ReadBody()  # the last reading: which text blocks show which block
        widget.document().contentsChanged.connect(self.edited)

    def read(self) -> list[Any]:
        self.read_body = read_document(self.widget.document())
        return self.read_body.blocks

    def sync(self) -> None:
        if shown_blocks(self.session.value("body")) != self._shown:
            self._write(self.session.value("body"))

    def reload(self) -> None:
        """Another letter: written whatever the document shows."""
        self._write(self.session.value("body"))
        self.stale = False

    def _write(self, value: Any) -> None:
        edit = self.widget
        position = edit.textCursor().position()
        before = edit.document().toPlainText()
        self._held += 1
        try:
            fill_document(edit.document(), list(value))
            self._shown = self.read()
        finally:
            self._held -= 1
        after = edit.document().toPlainText()
        if before != after:  # undo, redo: the cursor goes to where the text changed
            position = _utf16_length(_common_prefix(before, after))
        cursor = edit.textCursor()
        cursor.setPosition(min(position, edit.document().characterCount() - 1))
        edit.setTextCursor(cursor)

    def edited(self, *_args: object) -> None:
        if self.session.loading or self._held or self.stale:
            return
        self._push(self.read(), typing=True, text=_("tekst wijzigen"))

    def _push(self, new: list[Any], *, typing: bool, text: str) -> None:
        self._shown = new
        old = self.session.value("body")
        if new == shown_blocks(old):
            return
        self.session.apply(
            SetValueCommand(self.session, "body", new, old=old, typing=typing, text=text)
        )
        if any(OBJECT_CHAR in line and line != OBJECT_CHAR for line in self._lines()):
            self._write(self.session.value("body"))  # an object alone on its line again

    def _lines(self) -> list[str]:
        block = self.widget.document().begin()
        lines = []
        while block.isValid():
            lines.append(block.text())
            block = block.next()
        return lines

    @contextmanager
    def held(self) -> Iterator[None]:
        """Changes of the document inside are not typing (`step` reads them once after)."""
        self._held += 1
        try:
            yield
        finally:
            self._held -= 1

    def step(self, text: str, change: Callable[[], None]) -> None:
        """`change()` edits the document; what it did is one undo step called `text`."""
        if self.session.loading or self.widget.isReadOnly() or self.stale:
            return
        self.session.seal_typing()
        with self.held():
            change()
        self._push(self.read(), typing=False, text=text)
        self.session.seal_typing()

    def set_blocks(self, blocks: list[Any], text: str) -> None:
        """The body becomes `blocks` as one undo step; the document follows."""
        if self.widget.isReadOnly():
            return
        self.session.seal_typing()
        if blocks != shown_blocks(self.session.value("body")):
            self.session.apply(SetValueCommand(self.session, "body", blocks, text=text))
        self.session.seal_typing()
