"""The body's commands: its toolbar, its shortcuts and its context menu.

Vet (Ctrl+B), Cursief (Ctrl+I), Onderstrepen (Ctrl+U), Opsomming, Nummering, Kop, Servicebelofte
invoegen…, Citaat invoegen…, Omhoog (Alt+Shift+Up) and Omlaag (Alt+Shift+Down), and Bewerken…
for a promise or quote. Each is one undo step of the letter.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QAction, QKeySequence, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QToolBar

from composer.core.models import Block, ListBlock, Promise, Quote
from composer.gui.editor.body_clipboard import insert_pasted, pasted_blocks
from composer.gui.editor.body_marks import (
    has_mark,
    mark_format,
    toggle_heading,
    toggle_list,
    toggle_mark,
)
from composer.gui.editor.object_dialogs import PromiseDialog, QuoteDialog
from composer.gui.editor.rich_body import object_at
from composer.i18n import N_, _

if TYPE_CHECKING:
    from composer.gui.editor.blocks_editor import BlocksEditor

# (mark, label, key, tooltip, undo text, object name): texts translated where the action is made.
_MARKS = [
    ("bold", N_("Vet"), "Ctrl+B", N_("Vet (Ctrl+B)"), N_("vet"), "vet"),  # not screen text
    (  # not screen text: the mark, the key and the object name
        "italic",  # not screen text
        N_("Cursief"),
        "Ctrl+I",  # not screen text
        N_("Cursief (Ctrl+I)"),
        N_("cursief"),
        "cursief",  # not screen text
    ),
    (  # not screen text: the mark, the key and the object name
        "underline",  # not screen text
        N_("Onderstrepen"),
        "Ctrl+U",  # not screen text
        N_("Onderstrepen (Ctrl+U)"),
        N_("onderstrepen"),
        "onderstrepen",  # not screen text
    ),
]


class BodyCommands:
    """Actions over one BlocksEditor (its edit, binding and catalogues)."""

    def __init__(self, owner: BlocksEditor) -> None:
        self.owner = owner
        self.edit = owner.edit
        self.binding = owner.binding
        # Asked for a promise number / a quote; tests put their own answer here.
        self.choose_promise: Callable[[int | None], int | None] = self._promise_dialog
        self.choose_quote: Callable[[Quote | None], Quote | None] = self._quote_dialog
        self.marks: dict[str, QAction] = {}
        self._undo_texts: dict[str, str] = {}
        for mark, label, key, tip, undo_text, name in _MARKS:
            action = self._action(_(label), name, key, _(tip))
            self._undo_texts[mark] = undo_text
            action.setCheckable(True)
            action.triggered.connect(lambda _on=False, mark=mark: self.toggle_mark(mark))
            self.marks[mark] = action
        self.bullets = self._action(
            _("Opsomming"), "opsomming", "", _("Opsomming (lijst met bolletjes)")
        )
        self.bullets.triggered.connect(lambda: self.toggle_list("bullet"))
        self.numbers = self._action(_("Nummering"), "nummering", "", _("Nummering (1. 2. 3.)"))
        self.numbers.triggered.connect(lambda: self.toggle_list("number"))
        self.heading = self._action(
            _("Kop"), "kop", "", _("Kop: deze alinea als kop (of weer als alinea)")
        )
        self.heading.triggered.connect(self.toggle_heading)
        self.promise = self._action(
            _("Servicebelofte invoegen…"),
            "servicebelofte_invoegen",
            "",
            _("Servicebelofte uit de catalogus invoegen"),
        )
        self.promise.triggered.connect(self.insert_promise)
        self.quote = self._action(
            _("Citaat invoegen…"), "citaat_invoegen", "", _("Citaat uit de citatenbank invoegen")
        )
        self.quote.triggered.connect(self.insert_quote)
        self.up = self._action(
            _("Omhoog"), "blok_omhoog", "Alt+Shift+Up", _("Blok omhoog (Alt+Shift+Pijl omhoog)")
        )
        self.up.triggered.connect(lambda: self.move(-1))
        self.down = self._action(
            _("Omlaag"), "blok_omlaag", "Alt+Shift+Down", _("Blok omlaag (Alt+Shift+Pijl omlaag)")
        )
        self.down.triggered.connect(lambda: self.move(1))
        self.edit_object_action = self._action(
            _("Bewerken…"), "blok_bewerken", "", _("Servicebelofte of citaat bewerken")
        )
        self.edit_object_action.triggered.connect(
            lambda: self.edit_object(self.edit.textCursor().block().position())
        )
        self.edit.currentCharFormatChanged.connect(self._show_marks)
        self.edit.typed_replacement.connect(self.replace_typed)
        self.edit.remove_object.connect(self.remove_object)
        self.edit.edit_object.connect(self.edit_object)
        self.edit.paste_requested.connect(self.paste)
        self.edit.menu_providers.append(self._menu_items)

    def _action(self, label: str, name: str, key: str, tip: str) -> QAction:
        action = QAction(label, self.owner)
        action.setObjectName(name)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        if key:
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.owner.addAction(action)
        return action

    def all_actions(self) -> list[QAction]:
        return [
            *self.marks.values(),
            self.bullets,
            self.numbers,
            self.heading,
            self.promise,
            self.quote,
            self.up,
            self.down,
        ]

    def fill_toolbar(self, toolbar: QToolBar) -> None:
        for number, action in enumerate(self.all_actions()):
            if number in (3, 6, 8):
                toolbar.addSeparator()
            toolbar.addAction(action)
            button = toolbar.widgetForAction(action)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the cursor stays in the text
            button.setAccessibleName(action.text().rstrip("…"))
            button.setObjectName(f"knop_{action.objectName()}")

    def set_read_only(self, read_only: bool) -> None:
        for action in [*self.all_actions(), self.edit_object_action]:
            action.setEnabled(not read_only)

    def _show_marks(self, fmt: QTextCharFormat) -> None:
        for mark, action in self.marks.items():
            action.setChecked(has_mark(fmt, mark))

    # Marks, lists, Kop

    def toggle_mark(self, mark: str) -> None:
        cursor = self.edit.textCursor()
        if not cursor.hasSelection():  # the next typed text: no change of the letter yet
            fmt = self.edit.currentCharFormat()
            on = not has_mark(fmt, mark)
            self.edit.mergeCurrentCharFormat(mark_format(mark, on))
            self.marks[mark].setChecked(on)
            return
        self.binding.step(
            _(self._undo_texts[mark]),
            lambda: self.marks[mark].setChecked(toggle_mark(cursor, mark)),
        )

    def toggle_list(self, style: str) -> None:
        text = _("opsomming") if style == "bullet" else _("nummering")
        self.binding.step(text, lambda: toggle_list(self.edit.textCursor(), style))

    def toggle_heading(self) -> None:
        self.binding.step(_("kop"), lambda: toggle_heading(self.edit.textCursor()))

    def replace_typed(self, start: int, end: int, new: str) -> None:
        """A typed quote or `--` made typographic: its own step, so Ctrl+Z brings it back."""

        def change() -> None:
            cursor = self.edit.textCursor()
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            fmt = cursor.charFormat()
            cursor.insertText(new, fmt)
            self.edit.setTextCursor(cursor)

        self.binding.step(_("typografie"), change)

    # Blocks: where the cursor is, moved, inserted, removed, edited

    def _body(self) -> list[Block]:
        return copy.deepcopy(self.binding.read())

    def _block_at(self, position: int) -> int | None:
        self.binding.read()
        number = self.edit.document().findBlock(position).blockNumber()
        for index, numbers in enumerate(self.binding.read_body.spans):
            if number in numbers:
                return index
        return None

    def _insert_index(self) -> int:
        """After the block the cursor is in (an empty line: where it stands)."""
        self.binding.read()
        number = self.edit.textCursor().block().blockNumber()
        for index, numbers in enumerate(self.binding.read_body.spans):
            if number <= numbers[-1]:
                return index + 1 if number >= numbers[0] else index
        return len(self.binding.read_body.spans)

    def insert(self, block: Promise | Quote, text: str) -> None:
        body = self._body()
        index = self._insert_index()
        body.insert(index, block)
        self.binding.set_blocks(body, text)
        self.owner.focus_block(index)

    def insert_promise(self) -> None:
        number = self.choose_promise(None)
        if number is not None:
            self.insert(Promise(number), _("servicebelofte invoegen"))

    def insert_quote(self) -> None:
        quote = self.choose_quote(None)
        if quote is not None:
            self.insert(quote, _("citaat invoegen"))

    def remove_object(self, position: int) -> None:
        index = self._block_at(position)
        body = self._body()
        if index is None or not isinstance(body[index], Promise | Quote):
            return
        kind = _("servicebelofte") if isinstance(body[index], Promise) else _("citaat")
        del body[index]
        self.binding.set_blocks(body, _("{item} verwijderen").format(item=kind))
        if body:
            self.owner.focus_block(min(index, len(body) - 1))

    def edit_object(self, position: int) -> None:
        if self.edit.isReadOnly():
            return
        index = self._block_at(position)
        body = self._body()
        if index is None or not isinstance(body[index], Promise | Quote):
            return
        block = body[index]
        if isinstance(block, Promise):
            number = self.choose_promise(block.number)
            if number is None:
                return
            body[index] = Promise(number, extra=block.extra)
            text = _("servicebelofte kiezen")
        else:
            quote = self.choose_quote(block)
            if quote is None:
                return
            body[index] = quote
            text = _("citaat bewerken")
        self.binding.set_blocks(body, text)
        self.owner.focus_block(index)

    def move(self, step: int) -> None:
        """The block (in a list: the item) the cursor is in, one place up or down."""
        if self.edit.isReadOnly():
            return
        index = self._block_at(self.edit.textCursor().position())
        if index is None:
            return
        body = self._body()
        cursor_block = self.edit.textCursor().block()
        offset = cursor_block.position()
        offset = self.edit.textCursor().position() - offset
        numbers = self.binding.read_body.spans[index]
        item = numbers.index(cursor_block.blockNumber())
        block = body[index]
        if isinstance(block, ListBlock) and 0 <= item + step < len(block.items):
            items = block.items
            items.insert(item + step, items.pop(item))
            self.binding.set_blocks(body, _("blok verplaatsen"))
            target, target_item = index, item + step
        elif 0 <= index + step < len(body):
            body.insert(index + step, body.pop(index))
            self.binding.set_blocks(body, _("blok verplaatsen"))
            target, target_item = index + step, 0
        else:
            return
        number = self.binding.read_body.spans[target][target_item]
        place = self.edit.document().findBlockByNumber(number)
        cursor = self.edit.textCursor()
        cursor.setPosition(place.position() + min(offset, place.length() - 1))
        self.edit.setTextCursor(cursor)
        self.owner.show_cursor()

    # Dialogs

    def _promise_dialog(self, current: int | None) -> int | None:
        dialog = PromiseDialog(self.owner.promises(), current, self.owner)
        return dialog.chosen() if dialog.exec() else None

    def _quote_dialog(self, current: Quote | None) -> Quote | None:
        dialog = QuoteDialog(self.owner.quotes, current, self.owner)
        return dialog.chosen() if dialog.exec() else None

    # Clipboard and menu

    def paste(self, source: QMimeData) -> None:
        if self.edit.isReadOnly():
            return
        blocks = pasted_blocks(source)
        if not blocks:
            return
        cursor = self.edit.textCursor()

        def change() -> None:
            insert_pasted(cursor, blocks)
            self.edit.setTextCursor(cursor)

        self.binding.step(_("plakken"), change)
        self.owner.show_cursor()

    def _menu_items(self, cursor: QTextCursor, menu: QMenu) -> None:
        menu.addSeparator()
        if object_at(cursor):
            self.edit.setTextCursor(cursor)
            menu.addAction(self.edit_object_action)
        for action in (self.up, self.down):
            menu.addAction(action)
