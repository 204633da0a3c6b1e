"""The body of the letter: one rich-text field with a toolbar (Vet, Cursief, Onderstrepen,
Opsomming, Nummering, Kop, Servicebelofte invoegen…, Citaat invoegen…, Omhoog, Omlaag).

Every change is a command on the letter's one undo stack (see `BodyBinding`). Promise and
quote blocks are objects in the text (`body_objects`); the toolbar's and menu's commands are
`body_commands`'.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLabel, QScrollArea, QToolBar, QVBoxLayout, QWidget

from composer.core.catalogues import ServicePromise, load_promises, load_quotes, promises_for
from composer.core.letterfile import letter_to_dict
from composer.core.models import ListBlock, Promise, Quote
from composer.core.validation import field_label
from composer.errors import ComposerError
from composer.gui.editor.bindings import Binding, BodyBinding, EditKeys
from composer.gui.editor.body_commands import BodyCommands
from composer.gui.editor.body_objects import BlockObjects, placeholder_message
from composer.gui.editor.rich_body import RichBodyEdit
from composer.gui.editor.spelling_support import attach_spelling
from composer.gui.editor.validation_marks import PROBLEM_COLOUR, problem_label
from composer.gui.tab_order import Positions
from composer.i18n import _

if TYPE_CHECKING:
    from composer.gui.session import LetterSession

_TEXT_PATH = re.compile(r"body\[(\d+)\](?:\.items\[(\d+)\])?\.text")  # not screen text
SPARES_AHEAD = {"paragraph": 10, "promise": 3, "quote": 3}  # not screen text: see make_spares
_BORDER = f"RichBodyEdit {{ border: 2px solid {PROBLEM_COLOUR}; }}"  # not screen text


def _catalogues() -> tuple[dict[int, ServicePromise], list[dict[str, Any]], list[str]]:
    problems: list[str] = []
    try:
        promises = load_promises()
    except ComposerError as exc:
        promises = {}
        problems.append(exc.message)
    try:
        quotes = load_quotes()
    except ComposerError as exc:
        quotes = []
        problems.append(exc.message)
    return promises, quotes, problems


def utf16(text: str, index: int) -> int:
    """Qt counts in UTF-16 units: an emoji is two."""
    return len(text[:index].encode("utf-16-le")) // 2


class BlocksEditor(QWidget):
    """The body editor (the name of the stack of block fields it replaced stays)."""

    rebuilt = Signal()  # kept for the window: the body is one tab stop, nothing to reorder

    def __init__(self, session: LetterSession, keys: EditKeys) -> None:
        super().__init__()
        self.session = session
        self.keys = keys
        self.setObjectName("tekstblokken")
        self.catalogue, self.quotes, problems = _catalogues()
        self.edit = RichBodyEdit()
        self.edit.setObjectName("brieftekst")
        self.edit.setAccessibleName(_("Tekst van de brief"))
        self.objects = BlockObjects(self.promises, self.edit)
        self.objects.install(self.edit.document())
        self.binding = BodyBinding(session, self.edit, keys=keys)
        self.commands = BodyCommands(self)
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("teksttools")
        self.toolbar.setAccessibleName(_("Opmaak van de tekst"))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.commands.fill_toolbar(self.toolbar)
        self.catalogue_message = QLabel("\n".join(problems))
        self.catalogue_message.setWordWrap(True)
        self.catalogue_message.setStyleSheet(f"color: {PROBLEM_COLOUR};")
        self.catalogue_message.setVisible(bool(problems))
        self.problems = problem_label("brieftekst")
        self._letter_lines: list[str] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.catalogue_message)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.problems)
        self.edit.select_path = self.select_path  # for Zoeken en vervangen
        self.edit.cursorPositionChanged.connect(self._cursor_moved)
        self.spelling = attach_spelling(self.edit, session)

    # What the letter editor asks of a section

    @property
    def bindings(self) -> list[Binding]:
        return [self.binding]

    def promises(self) -> dict[int, ServicePromise]:
        # A saved version carries the texts it used; those win over today's catalogue.
        return promises_for(self.session.letter.extra, self.catalogue)

    def reload(self) -> None:
        self.binding.reload()
        self.show_problems()
        self.edit.moveCursor(QTextCursor.MoveOperation.Start)

    def sync(self) -> None:
        self.binding.sync()
        self.edit.viewport().update()  # a promise's box follows the catalogue of the letter
        self.show_problems()

    def make_spares(self, _counts: dict[str, int]) -> None:
        """Prepared at idle after start-up: the object boxes' fonts and a first layout."""
        self.edit.ensurePolished()
        self.edit.document().documentLayout().documentSize()

    def tab_widgets(self, _positions: Positions | None = None) -> list[QWidget]:
        """The body is one tab stop (the toolbar works on it and takes no focus)."""
        return [self.edit]

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)
        self.toolbar.setEnabled(not read_only)
        self.commands.set_read_only(read_only)

    # Problems of the body's blocks, beside the body

    def show_problems(self, lines: list[str] | None = None) -> None:
        """`lines`: the letter's problems of body blocks (`• Alinea 3: …`); with them, each
        promise the catalogue does not have. None: the letter's lines shown last."""
        if lines is not None:
            self._letter_lines = lines
        text = "\n".join([*self._letter_lines, *self._object_lines()])
        if text == self.problems.text():
            return
        self.problems.setText(text)
        self.problems.setVisible(bool(text))
        self.edit.setStyleSheet(_BORDER if text else "")
        self.edit.setAccessibleDescription(text)

    def _object_lines(self) -> list[str]:
        promises = self.promises()
        found = [
            (index, block.number, promises.get(block.number))
            for index, block in enumerate(self.session.letter.body)
            if isinstance(block, Promise)
        ]
        found = [(index, number, p) for index, number, p in found if p is None or p.placeholder]
        if not found:
            return []
        data = letter_to_dict(self.session.letter)
        return [
            _("• {field}: {message}").format(
                field=field_label(f"body[{index}].number", data),
                message=placeholder_message(number, promise),
            )
            for index, number, promise in found
        ]

    # The cursor

    def focus_block(self, index: int, offset: int = 0) -> None:
        """Put the cursor in body block `index` (at `offset` of its text) and scroll to it."""
        self.select_text(index, offset, offset)

    def select_text(self, index: int, start: int, end: int, *, focus: bool = True) -> bool:
        """Select `start`–`end` of block `index` (for a list: of its items joined by "\\n")."""
        read = self.binding.read_body
        if not self.binding.read_body.spans:
            self.binding.read()
            read = self.binding.read_body
        if not 0 <= index < len(read.spans):
            return False
        document = self.edit.document()
        numbers = read.spans[index]
        positions = []
        for offset in (start, end):
            number, rest = numbers[0], offset
            for candidate in numbers:  # a list: find the item the offset falls in
                number = candidate
                length = len(document.findBlockByNumber(candidate).text().replace("\u2028", "\n"))
                if rest <= length or candidate == numbers[-1]:
                    break
                rest -= length + 1
            block = document.findBlockByNumber(number)
            text = block.text()
            positions.append(block.position() + utf16(text, min(rest, len(text))))
        cursor = self.edit.textCursor()
        cursor.setPosition(positions[0])
        cursor.setPosition(positions[1], QTextCursor.MoveMode.KeepAnchor)
        self.edit.setTextCursor(cursor)
        if focus:
            self.edit.setFocus()
        self.show_cursor()
        return True

    def show_cursor(self) -> None:
        """Scroll the letter's page so the body's cursor is in view (now and once laid out)."""
        self._scroll_to_cursor()
        QTimer.singleShot(0, self, self._scroll_to_cursor)

    def _scroll_to_cursor(self) -> None:
        area = self.parentWidget()
        while area is not None and not isinstance(area, QScrollArea):
            area = area.parentWidget()
        if area is None or area.widget() is None:
            return
        rect = self.edit.cursorRect()
        point = self.edit.viewport().mapTo(area.widget(), rect.center())
        area.ensureVisible(point.x(), point.y(), 40, rect.height() // 2 + 40)

    def _cursor_moved(self) -> None:
        if self.edit.hasFocus():  # typing or moving at the bottom: the page follows
            self._scroll_to_cursor()

    def select_path(self, path: str, start: int, end: int) -> None:
        """Select `start`–`end` of the text at `path` (`body[2].text`, `body[3].items[1].text`);
        a citaat's text is in its box: the box is selected."""
        found = _TEXT_PATH.fullmatch(path)
        if found is None:
            return
        index = int(found[1])
        body = self.session.letter.body
        block = body[index] if index < len(body) else None
        if isinstance(block, Quote):
            self.select_text(index, 0, 1, focus=False)
        elif isinstance(block, ListBlock) and found[2] is not None:
            before = sum(len(item.text) + 1 for item in block.items[: int(found[2])])
            self.select_text(index, before + start, before + end, focus=False)
        else:
            self.select_text(index, start, end, focus=False)

    def current_block(self) -> int | None:
        """The body block the cursor is in (None: an empty line, not a block)."""
        self.binding.read()
        number = self.edit.textCursor().block().blockNumber()
        for index, numbers in enumerate(self.binding.read_body.spans):
            if number in numbers:
                return index
        return None
