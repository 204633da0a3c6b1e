"""The body's text field: one QTextEdit that writes like a document.

Enter makes a new paragraph (in a list a new item; on an empty item it ends the list, as in
Word), Shift+Enter a line break inside the paragraph. Straight quotes become “ ” and ‘ ’ and
`--` becomes –, each its own undo step (Ctrl+Z right after brings the typed character back).
A promise or quote is one object character in a paragraph of its own: typing beside it starts a
new paragraph; Delete or Backspace next to it removes it; Enter or a double-click edits it.

What changes the letter is the owner's (`BodyBinding`): this widget only reports with signals.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QKeyEvent,
    QMouseEvent,
    QTextCursor,
)
from PySide6.QtWidgets import QMenu, QTextEdit, QWidget

from composer.gui.editor.body_clipboard import copied
from composer.gui.editor.body_document import (
    LINE_BREAK,
    OBJECT_CHAR,
    is_heading,
    paragraph_format,
    plain_char_format,
)

MenuProvider = Callable[[QTextCursor, QMenu], None]

OPENING_AFTER = " \t\n\u2028([{“‘–—/"  # not screen text: a quote after these opens
_SMART = {'"': ("“", "”"), "'": ("‘", "’")}  # not screen text


def smart_quote(char: str, before: str) -> str:
    """The curly quote for a straight one typed after `before` ("" at a paragraph's start):
    opening after the start, a space or an opening bracket, else closing (an apostrophe
    inside or after a word is ’)."""
    opening, closing = _SMART[char]
    return opening if not before or before in OPENING_AFTER else closing


def object_at(cursor: QTextCursor) -> bool:
    """Whether the cursor's text block is a promise or quote object."""
    return OBJECT_CHAR in cursor.block().text()


class RichBodyEdit(QTextEdit):
    """The body's one text field. `menu_providers` add items to its context menu."""

    MIN_HEIGHT = 200

    typed_replacement = Signal(int, int, str)  # start, end, new text: one undo step
    remove_object = Signal(int)  # document position of the object to remove
    edit_object = Signal(int)  # document position of the object to edit
    paste_requested = Signal(QMimeData)  # the owner inserts what can be inserted

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.menu_providers: list[MenuProvider] = []
        # Select the text at a field path (`body[2].text`, 3, 7); set by the body editor.
        self.select_path: Callable[[str, int, int], None] | None = None
        self.setAcceptRichText(True)
        self.setTabChangesFocus(True)  # the body is one tab stop, as every other field
        self.setUndoRedoEnabled(False)  # the letter's undo stack is the only one
        # As high as its text: the letter's page scrolls, not the body inside it.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)
        self._fit()

    def _fit(self, *_size: object) -> None:
        frame = 2 * self.frameWidth() + 4
        height = max(self.MIN_HEIGHT, int(self.document().size().height()) + frame)
        if height != self.height() or self.minimumHeight() != height:
            self.setFixedHeight(height)

    # Keys

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.isReadOnly():
            super().keyPressEvent(event)
            return
        key, modifiers = event.key(), event.modifiers()
        cursor = self.textCursor()
        shift = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not shift:
            if self._enter(cursor):
                return
        elif (
            key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete)
            and not cursor.hasSelection()
            and self._delete_object(cursor, forward=key == Qt.Key.Key_Delete)
        ):
            return
        text = event.text()
        printable = (
            bool(text)
            and text.isprintable()
            and not modifiers
            & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        )
        if printable:
            self._leave_object(cursor)
        before = self._char_before(self.textCursor())
        super().keyPressEvent(event)
        if printable and text in _SMART:
            new = smart_quote(text, before)
            if new != text:
                end = self.textCursor().position()
                self.typed_replacement.emit(end - 1, end, new)
        elif printable and text == "-" and before == "-":
            end = self.textCursor().position()
            self.typed_replacement.emit(end - 2, end, "–")

    def _char_before(self, cursor: QTextCursor) -> str:
        if cursor.hasSelection():
            cursor = QTextCursor(cursor)
            cursor.setPosition(cursor.selectionStart())
        if cursor.atBlockStart():
            return ""
        return cursor.block().text()[cursor.positionInBlock() - 1]

    def _enter(self, cursor: QTextCursor) -> bool:
        """Enter handled here (True) or by Qt (False)."""
        block = cursor.block()
        if object_at(cursor):
            if cursor.hasSelection():
                return True
            if cursor.atBlockEnd():  # behind the object: on with the text under it
                self._new_plain_block(cursor)
            else:
                self.edit_object.emit(block.position())
            return True
        text_list = block.textList()
        if text_list is not None and not block.text() and not cursor.hasSelection():
            text_list.remove(block)  # Enter on an empty item ends the list, as in Word
            fmt = cursor.blockFormat()
            fmt.setIndent(0)
            cursor.setBlockFormat(fmt)
            return True
        if is_heading(block) and cursor.atBlockEnd() and not cursor.hasSelection():
            self._new_plain_block(cursor)  # after a Kop comes an Alinea
            return True
        return False

    def _new_plain_block(self, cursor: QTextCursor) -> None:
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        plain = plain_char_format(self.document())
        cursor.insertBlock(paragraph_format(), plain)
        self.setTextCursor(cursor)
        self.setCurrentCharFormat(plain)

    def _leave_object(self, cursor: QTextCursor) -> None:
        """Typing on an object's line starts a paragraph before or after it."""
        if not object_at(cursor) or cursor.hasSelection():
            return
        plain = plain_char_format(self.document())
        if cursor.atBlockStart():
            cursor.insertBlock(paragraph_format(), plain)
            cursor.movePosition(QTextCursor.MoveOperation.PreviousBlock)
        else:
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
            cursor.insertBlock(paragraph_format(), plain)
        self.setTextCursor(cursor)
        self.setCurrentCharFormat(plain)

    def _delete_object(self, cursor: QTextCursor, *, forward: bool) -> bool:
        """Delete or Backspace on, or right next to, an object removes the whole object."""
        block = cursor.block()
        if object_at(cursor):
            self.remove_object.emit(block.position())
            return True
        neighbour = None
        if forward and cursor.atBlockEnd():
            neighbour = block.next()
        elif not forward and cursor.atBlockStart():
            neighbour = block.previous()
        if neighbour is not None and neighbour.isValid() and OBJECT_CHAR in neighbour.text():
            if not block.text():  # an empty line beside it goes first, as in Word
                return False
            self.remove_object.emit(neighbour.position())
            return True
        return False

    # Mouse and menu

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        cursor = self.cursorForPosition(event.position().toPoint())
        if object_at(cursor) and not self.isReadOnly():
            self.edit_object.emit(cursor.block().position())
            return
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        cursor = self.cursorForPosition(event.pos())
        for provider in list(self.menu_providers):
            provider(cursor, menu)
        self.show_menu(menu, event.globalPos())
        menu.deleteLater()

    def show_menu(self, menu: QMenu, position: QPoint) -> None:
        """Open the context menu (a test looks at it instead)."""
        menu.exec(position)

    # The clipboard: the owner decides what a paste puts in (see body_clipboard)

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasText() or source.hasHtml() or super().canInsertFromMimeData(source)

    def createMimeDataFromSelection(self) -> QMimeData:
        """Qt's HTML and text of the selection, and the blocks it covers (body_clipboard)."""
        cursor = self.textCursor()
        fragment = cursor.selection()
        mime = QMimeData()
        mime.setHtml(fragment.toHtml())
        mime.setText(fragment.toPlainText().replace(LINE_BREAK, "\n"))
        return copied(cursor, mime)

    def insertFromMimeData(self, source: QMimeData) -> None:
        self.paste_requested.emit(source)
