"""Small undo commands (Orange style): each holds old and new values and calls the session.

A command never touches a widget. The session it acts on needs `value(path)`,
`set_value(path, value)`, `insert_item`, `remove_item`, `move_item`, `replace_letter` and
`typing_generation` (so these commands also run against a bare QUndoStack in tests).
"""

from __future__ import annotations

import copy
from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand

from composer.core.models import Letter, Paragraph, Promise, Quote

_FIELD_NAMES = {
    "template": "sjabloon",
    "date": "datum",
    "place": "plaats",
    "our_reference": "ons kenmerk",
    "your_reference": "uw kenmerk",
    "subject": "betreft",
    "salutation": "aanhef",
    "closing": "slotformule",
    "organisation": "organisatie",
    "department": "afdeling",
    "form": "aanspreekvorm",
    "initials": "voorletters",
    "first_name": "voornaam",
    "infix": "tussenvoegsel",
    "surname": "achternaam",
    "name_as_registered": "naam zoals geregistreerd",
    "role": "functie",
    "street": "straat",
    "house_number": "huisnummer",
    "postbox": "postbus",
    "postcode": "postcode",
    "city": "plaats",
    "country": "land",
    "text": "tekst",
    "number": "servicebelofte",
    "speaker": "spreker",
    "name": "naam",
    "attachments": "bijlage",
    "copies": "kopie aan",
    "body": "blok",
}

_LIST_NOUNS = {
    "body": "blok",
    "addressees": "geadresseerde",
    "signatories": "ondertekenaar",
    "attachments": "bijlage",
    "copies": "kopie aan",
}


class EditableLetter(Protocol):
    typing_generation: int

    def value(self, path: str) -> Any: ...
    def set_value(self, path: str, value: Any) -> None: ...
    def insert_item(self, list_path: str, index: int, item: Any) -> None: ...
    def remove_item(self, list_path: str, index: int) -> Any: ...
    def move_item(self, list_path: str, index: int, to: int) -> None: ...
    def replace_letter(self, letter: Letter) -> None: ...


def field_name(path: str) -> str:
    """The Dutch name of the field at `path`, for the undo menu: `subject` → `betreft`."""
    last = path.rsplit(".", 1)[-1].split("[", 1)[0]
    return _FIELD_NAMES.get(last, last)


def item_noun(list_path: str, item: Any = None) -> str:
    if isinstance(item, Paragraph):
        return "alinea"
    if isinstance(item, Promise):
        return "servicebelofte"
    if isinstance(item, Quote):
        return "citaat"
    return _LIST_NOUNS.get(list_path, "onderdeel")


class SetValueCommand(QUndoCommand):
    """One field gets a new value. Typed edits of the same field merge into one undo step."""

    MERGE_ID = 1701

    def __init__(
        self,
        session: EditableLetter,
        path: str,
        new: Any,
        *,
        old: Any = None,
        typing: bool = False,
        text: str = "",
    ) -> None:
        super().__init__(text or f"{field_name(path)} wijzigen")
        self.session = session
        self.path = path
        self.old = copy.deepcopy(session.value(path) if old is None else old)
        self.new = copy.deepcopy(new)
        self.typing = typing
        self.generation = session.typing_generation

    def id(self) -> int:
        return self.MERGE_ID if self.typing else -1

    def redo(self) -> None:
        self.session.set_value(self.path, copy.deepcopy(self.new))

    def undo(self) -> None:
        self.session.set_value(self.path, copy.deepcopy(self.old))

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (
            isinstance(other, SetValueCommand)
            and other.typing
            and other.session is self.session
            and other.path == self.path
            and other.generation == self.generation
        ):
            return False
        self.new = other.new
        # Typed and typed away again: nothing left to undo, the stack drops this step.
        self.setObsolete(self.new == self.old)
        return True


class InsertItemCommand(QUndoCommand):
    """A new item in a list of the letter (a block, an addressee, a signatory, …)."""

    def __init__(
        self, session: EditableLetter, list_path: str, index: int, item: Any, text: str = ""
    ) -> None:
        super().__init__(text or f"{item_noun(list_path, item)} toevoegen")
        self.session = session
        self.list_path = list_path
        self.index = index
        self.item = copy.deepcopy(item)

    def redo(self) -> None:
        self.session.insert_item(self.list_path, self.index, copy.deepcopy(self.item))

    def undo(self) -> None:
        self.session.remove_item(self.list_path, self.index)


class RemoveItemCommand(QUndoCommand):
    def __init__(self, session: EditableLetter, list_path: str, index: int, text: str = "") -> None:
        item = session.value(f"{list_path}[{index}]")
        super().__init__(text or f"{item_noun(list_path, item)} verwijderen")
        self.session = session
        self.list_path = list_path
        self.index = index
        self.item = copy.deepcopy(item)

    def redo(self) -> None:
        self.session.remove_item(self.list_path, self.index)

    def undo(self) -> None:
        self.session.insert_item(self.list_path, self.index, copy.deepcopy(self.item))


class MoveItemCommand(QUndoCommand):
    def __init__(
        self, session: EditableLetter, list_path: str, index: int, to: int, text: str = ""
    ) -> None:
        item = session.value(f"{list_path}[{index}]")
        super().__init__(text or f"{item_noun(list_path, item)} verplaatsen")
        self.session = session
        self.list_path = list_path
        self.index = index
        self.to = to

    def redo(self) -> None:
        self.session.move_item(self.list_path, self.index, self.to)

    def undo(self) -> None:
        self.session.move_item(self.list_path, self.to, self.index)


class InsertBlockCommand(InsertItemCommand):
    def __init__(self, session: EditableLetter, index: int, block: Paragraph | Promise | Quote):
        super().__init__(session, "body", index, block)


class RemoveBlockCommand(RemoveItemCommand):
    def __init__(self, session: EditableLetter, index: int) -> None:
        super().__init__(session, "body", index)


class MoveBlockCommand(MoveItemCommand):
    def __init__(self, session: EditableLetter, index: int, to: int) -> None:
        super().__init__(session, "body", index, to)


class InsertAddresseeCommand(InsertItemCommand):
    def __init__(self, session: EditableLetter, index: int, addressee: Any) -> None:
        super().__init__(session, "addressees", index, addressee)


class RemoveAddresseeCommand(RemoveItemCommand):
    def __init__(self, session: EditableLetter, index: int) -> None:
        super().__init__(session, "addressees", index)


class MoveAddresseeCommand(MoveItemCommand):
    def __init__(self, session: EditableLetter, index: int, to: int) -> None:
        super().__init__(session, "addressees", index, to)


class ReplaceLetterCommand(QUndoCommand):
    """The whole letter at once (a draft taken back): undo returns the letter before it."""

    def __init__(self, session: EditableLetter, old: Letter, new: Letter, text: str) -> None:
        super().__init__(text)
        self.session = session
        self.old = copy.deepcopy(old)
        self.new = copy.deepcopy(new)

    def redo(self) -> None:
        self.session.replace_letter(copy.deepcopy(self.new))

    def undo(self) -> None:
        self.session.replace_letter(copy.deepcopy(self.old))
