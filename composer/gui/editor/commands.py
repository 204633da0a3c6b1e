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
from composer.i18n import N_, _

_FIELD_NAMES = {
    "template": N_("sjabloon"),  # not screen text: the key
    "date": N_("datum"),  # not screen text: the key
    "place": N_("plaats"),  # not screen text: the key
    "our_reference": N_("ons kenmerk"),  # not screen text: the key
    "your_reference": N_("uw kenmerk"),  # not screen text: the key
    "subject": N_("betreft"),  # not screen text: the key
    "salutation": N_("aanhef"),  # not screen text: the key
    "closing": N_("slotformule"),  # not screen text: the key
    "organisation": N_("organisatie"),  # not screen text: the key
    "department": N_("afdeling"),  # not screen text: the key
    "form": N_("aanspreekvorm"),  # not screen text: the key
    "initials": N_("voorletters"),  # not screen text: the key
    "first_name": N_("voornaam"),  # not screen text: the key
    "infix": N_("tussenvoegsel"),  # not screen text: the key
    "surname": N_("achternaam"),  # not screen text: the key
    "name_as_registered": N_("naam zoals geregistreerd"),  # not screen text: the key
    "role": N_("functie"),  # not screen text: the key
    "street": N_("straat"),  # not screen text: the key
    "house_number": N_("huisnummer"),  # not screen text: the key
    "postbox": N_("postbus"),  # not screen text: the key
    "postcode": N_("postcode"),  # not screen text: the key
    "city": N_("plaats"),  # not screen text: the key
    "country": N_("land"),  # not screen text: the key
    "text": N_("tekst"),  # not screen text: the key
    "number": N_("servicebelofte"),  # not screen text: the key
    "speaker": N_("spreker"),  # not screen text: the key
    "name": N_("naam"),  # not screen text: the key
    "attachments": N_("bijlage"),  # not screen text: the key
    "copies": N_("kopie aan"),  # not screen text: the key
    "body": N_("blok"),  # not screen text: the key
}

_LIST_NOUNS = {
    "body": N_("blok"),  # not screen text: the key
    "addressees": N_("geadresseerde"),  # not screen text: the key
    "signatories": N_("ondertekenaar"),  # not screen text: the key
    "attachments": N_("bijlage"),  # not screen text: the key
    "copies": N_("kopie aan"),  # not screen text: the key
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
    """The name of the field at `path`, for the undo menu: `subject` → `betreft`."""
    last = path.rsplit(".", 1)[-1].split("[", 1)[0]
    name = _FIELD_NAMES.get(last)
    return _(name) if name else last


def item_noun(list_path: str, item: Any = None) -> str:
    """The name of an item of the list at `list_path`, for the undo menu: `alinea`."""
    if isinstance(item, Paragraph):
        return _("alinea")
    if isinstance(item, Promise):
        return _("servicebelofte")
    if isinstance(item, Quote):
        return _("citaat")
    noun = _LIST_NOUNS.get(list_path)
    return _(noun) if noun else _("onderdeel")


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
        super().__init__(text or _("{field} wijzigen").format(field=field_name(path)))
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
        super().__init__(text or _("{item} toevoegen").format(item=item_noun(list_path, item)))
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
        super().__init__(text or _("{item} verwijderen").format(item=item_noun(list_path, item)))
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
        super().__init__(text or _("{item} verplaatsen").format(item=item_noun(list_path, item)))
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


class SetValuesCommand(QUndoCommand):
    """Several fields at once, one undo step (Alles vervangen): `changes` is [(path, new)]."""

    def __init__(self, session: EditableLetter, changes: list[tuple[str, Any]], text: str) -> None:
        super().__init__(text)
        self.session = session
        self.changes = [
            (path, copy.deepcopy(session.value(path)), copy.deepcopy(new)) for path, new in changes
        ]

    def redo(self) -> None:
        for path, _old, new in self.changes:
            self.session.set_value(path, copy.deepcopy(new))

    def undo(self) -> None:
        for path, old, _new in reversed(self.changes):
            self.session.set_value(path, copy.deepcopy(old))
