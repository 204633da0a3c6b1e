"""Every field shows the letter that is loaded, whichever way it arrives, and typing in it writes
into that letter only (a wrong street was once saved from the letter opened before).

The fields are the editor's own bindings, so a field added later is checked without changing
this test. Letters A and B differ in every field. A is loaded with an addressee selected (the
first, then the second, with the cursor in one of its fields), B arrives (opened, restored, new,
or back by undo) and every field must show B; then one keystroke in each field, one field after
another, must make exactly B plus those keystrokes: nothing of A anywhere.
"""

from __future__ import annotations

import copy
import datetime as dt
import re

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTextEdit,
)

from composer.app.letter_paths import get_value, set_value
from composer.core import rich_text
from composer.core.letterfile import letter_to_dict
from composer.core.models import (
    Address,
    Addressee,
    Letter,
    Paragraph,
    Person,
    Promise,
    Quote,
    Signatory,
)
from composer.gui.editor import LetterEditor
from composer.gui.editor.commands import ReplaceLetterCommand
from composer.storage.library import Library
from composer.storage.snapshot import SNAPSHOT_KEY

AUTHOR = "Anna de Vries"


def addressee(tag: str, form: str, registered: bool, country: str, region: str) -> Addressee:
    return Addressee(
        organisation=f"Organisatie {tag}",
        department=f"Afdeling {tag}",
        person=Person(
            form=form,  # type: ignore[arg-type]
            initials=f"{tag[0]}.",
            first_name=f"Voornaam{tag}",
            infix=f"van{tag}",
            surname=f"Achternaam{tag}",
            name_as_registered=registered,
        ),
        role=f"Functie {tag}",
        address=Address(
            street=f"Straat {tag}",
            house_number=f"1{len(tag)}{tag}",
            postbox=f"Postbus {tag}",
            postcode=f"35{len(tag)}1 {tag[:2].upper()}",
            city=f"Plaats {tag}",
            country=country,
            region=region,
        ),
    )


LETTER_A = Letter(
    template="brief",
    date=dt.date(2022, 10, 17),
    subject="Betreft A",
    place="Amersfoort",
    our_reference="KSF/2022/0007",
    your_reference="Uw kenmerk A",
    addressees=[
        addressee("Aa", "neutraal", True, "BE", "VB"),
        addressee("Ab", "mevrouw", True, "US", "NY"),
    ],
    salutation="Beste A,",
    body=[
        Paragraph("Alinea A1"),
        Quote("Citaat A", speaker="Spreker A", role="Rol A"),
        Promise(4),
        Paragraph("Alinea A2"),
    ],
    closing="Hoogachtend A,",
    signatories=[Signatory("Ondertekenaar A", "Directeur A")],
    attachments=["Bijlage A"],
    copies=["Kopie A"],
)

LETTER_B = Letter(
    template="brief",
    date=dt.date(2023, 3, 9),
    subject="Betreft B",
    place="Bussum",
    our_reference="",  # no kenmerk yet: the field can be typed in
    your_reference="Uw kenmerk B",
    addressees=[
        addressee("Ba", "heer", False, "NL", "ZH"),
        addressee("Bb", "", False, "DE", "BY"),
    ],
    salutation="Geachte B,",
    body=[
        Quote("Citaat B", speaker="Spreker B", role="Rol B"),
        Paragraph("Alinea B1"),
        Promise(5),
        Paragraph("Alinea B2"),
    ],
    closing="Met vriendelijke groet B,",
    signatories=[Signatory("Ondertekenaar B1", "Voorzitter B"), Signatory("Ondertekenaar B2")],
    attachments=["Bijlage B1", "Bijlage B2"],
    copies=["Kopie B"],
)

# Every field a letter has on the screen must be among the fields checked.
EXPECTED_FIELDS = {
    "date",
    "place",
    "our_reference",
    "your_reference",
    "subject",
    "salutation",
    "closing",
    *(
        f"addressees[{index}].{sub}"
        for index in (0, 1)
        for sub in (
            "organisation",
            "department",
            "role",
            "person.form",
            "person.initials",
            "person.first_name",
            "person.infix",
            "person.surname",
            "person.name_as_registered",
            "address.street",
            "address.house_number",
            "address.postbox",
            "address.postcode",
            "address.city",
            "address.country",
            "address.region",
        )
    ),
    "body",  # one rich-text field: citaat, alinea's and servicebelofte in one document
    "signatories[0].name",
    "signatories[0].role",
    "signatories[1].name",
    "attachments[0]",
    "attachments[1]",
    "copies[0]",
}

WAYS = ["open", "restore", "new", "undo"]


def comparable(letter: Letter) -> dict:
    data = letter_to_dict(letter)
    data.get("extra", {}).pop(SNAPSHOT_KEY, None)
    data.pop(SNAPSHOT_KEY, None)
    return data


class Letters:
    """Loads A, then B, in one of the four ways a letter arrives in the editor."""

    def __init__(self, way: str, editor: LetterEditor, library: Library, monkeypatch) -> None:
        self.way = way
        self.editor = editor
        self.session = editor.session
        self.library = library
        self.ids: tuple[int, int] | None = None
        if way == "new":
            monkeypatch.setattr(
                "composer.gui.session.new_letter", lambda _name, today=None: copy.deepcopy(LETTER_B)
            )

    def load_a(self) -> None:
        if self.way == "open":
            if self.ids is None:
                self.ids = (
                    self.library.add(LETTER_A, author=AUTHOR),
                    self.library.add(LETTER_B, author=AUTHOR),
                )
            self.session.open(self.ids[0])
        elif self.way == "restore":
            letter_id = self.library.add(LETTER_B, author=AUTHOR)
            self.library.save(letter_id, LETTER_A, author=AUTHOR, base=1)
            self.ids = (letter_id, letter_id)
            self.session.open(letter_id)  # version 2: A
        elif self.way == "new":
            self._load_directly(LETTER_A)
        else:  # B, then A as one edit (as a draft taken back): undo must bring B back
            self._load_directly(LETTER_B)
            self.session.apply(
                ReplaceLetterCommand(self.session, self.session.letter, LETTER_A, "concept")
            )

    def _load_directly(self, letter: Letter) -> None:
        letter_id = self.library.add(letter, author=AUTHOR)
        self.session.open(letter_id)

    def load_b(self) -> None:
        if self.way == "open":
            assert self.ids is not None
            self.session.open(self.ids[1])
        elif self.way == "restore":
            assert self.ids is not None
            self.library.restore(self.ids[0], 1, author=AUTHOR)  # as Herstellen in the history
            self.session.open(self.ids[0])
        elif self.way == "new":
            self.session.new_from_template("brief")
        else:
            self.editor.undo_action().trigger()


@pytest.fixture
def editor(active_editor):
    return active_editor


def addressee_number(path: str) -> int | None:
    found = re.match(r"addressees\[(\d+)\]", path)
    return int(found.group(1)) if found else None


def select_addressee(qtbot, editor: LetterEditor, index: int) -> None:
    """Click the addressee's row in the list, as a person does."""
    listing = editor.addressees.list
    rect = listing.visualItemRect(listing.item(index))
    qtbot.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert editor.addressees.current() == index


def every_field_path(qtbot, editor: LetterEditor) -> list[str]:
    """The paths of all the editor's fields for the letter loaded, each addressee in turn."""
    paths: list[str] = []
    for index in range(len(editor.session.letter.addressees)):
        select_addressee(qtbot, editor, index)
        paths += [b.path for b in editor.bindings() if b.path not in paths]
    return paths


def wrong_fields(editor: LetterEditor, letter: Letter) -> list[str]:
    """Every field on the screen that does not show `letter`'s value."""
    wrong = []
    for binding in editor.bindings():
        shown, value = binding.read(), get_value(letter, binding.path)
        if isinstance(binding.widget, QTableWidget):
            value = str(value)
        if shown != value:
            wrong.append(f"{binding.path} shows {shown!r}, not {value!r}")
    return wrong


def type_one(qtbot, widget) -> None:
    """One keystroke's change in the field, as a person makes it."""
    widget.setFocus()
    if isinstance(widget, QLineEdit):
        qtbot.keyClick(widget, Qt.Key.Key_End)
        if len(widget.text()) >= widget.maxLength():  # a country code: the last letter over
            qtbot.keyClick(widget, Qt.Key.Key_Backspace)
        qtbot.keyClicks(widget, "x")
    elif isinstance(widget, QPlainTextEdit | QTextEdit):
        qtbot.keyClick(widget, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(widget, "x")
    elif isinstance(widget, QComboBox):
        last = widget.currentIndex() == widget.count() - 1
        qtbot.keyClick(widget, Qt.Key.Key_Up if last else Qt.Key.Key_Down)
    elif isinstance(widget, QDateEdit):
        qtbot.keyClick(widget, Qt.Key.Key_Up)
    elif isinstance(widget, QCheckBox):
        qtbot.keyClick(widget, Qt.Key.Key_Space)
    else:
        raise AssertionError(f"no way to type into {widget!r}")


def type_into_cell(qtbot, table: QTableWidget, row: int, column: int) -> None:
    table.setFocus()
    table.setCurrentCell(row, column)
    qtbot.keyClick(table, Qt.Key.Key_F2)  # edit the cell, as in a spreadsheet
    (cell_editor,) = [edit for edit in table.findChildren(QLineEdit) if edit.isVisible()]
    qtbot.keyClick(cell_editor, Qt.Key.Key_End)
    qtbot.keyClicks(cell_editor, "x")
    qtbot.keyClick(cell_editor, Qt.Key.Key_Return)
    # The table takes the text when it gets round to it (Qt queues it), as after a real Enter.
    qtbot.waitUntil(lambda: table.state() != QTableWidget.State.EditingState)


def typed(letter: Letter, path: str, widget) -> Letter:
    """`letter` with the one change type_one made in the field at `path`."""
    expected = copy.deepcopy(letter)
    old = get_value(letter, path)
    if isinstance(widget, QComboBox):
        new = widget.currentData()
    elif isinstance(widget, QDateEdit):
        new = widget.date().toPython()
    elif isinstance(widget, QCheckBox):
        new = not old
    elif isinstance(widget, QLineEdit) and len(old) >= widget.maxLength():
        new = f"{old[:-1]}x"
    elif path == "body":  # Ctrl+End: the end of the last paragraph
        new = copy.deepcopy(old)
        new[-1] = rich_text.with_text(new[-1], new[-1].text + "x")
    else:
        new = f"{old}x"
    assert new != old, f"{path}: the keystroke changed nothing in the field"
    set_value(expected, path, new)
    return expected


def groups(paths: list[str]) -> dict[int | None, list[str]]:
    """The fields by the addressee they belong to (None: the letter's own fields)."""
    found: dict[int | None, list[str]] = {}
    for path in paths:
        found.setdefault(addressee_number(path), []).append(path)
    return found


@pytest.mark.parametrize("way", WAYS)
def test_every_field_shows_the_letter_loaded_and_typing_writes_only_into_it(
    way, editor, library, qtbot, monkeypatch
):
    letters = Letters(way, editor, library, monkeypatch)
    letters.load_a()  # once, to learn B's fields from the editor itself
    letters.load_b()
    paths = every_field_path(qtbot, editor)
    assert set(paths) >= EXPECTED_FIELDS, sorted(EXPECTED_FIELDS - set(paths))

    failures: list[str] = []
    for number, fields in groups(paths).items():
        # A, with the addressee of these fields selected (the first, then the second) and the
        # cursor in its first field.
        letters.load_a()
        select_addressee(qtbot, editor, number if number is not None else 1)
        failures += [f"A, {wrong}" for wrong in wrong_fields(editor, editor.session.letter)]
        field = editor.binding(fields[0])
        if field is not None:
            field.widget.setFocus()

        letters.load_b()
        b = copy.deepcopy(editor.session.letter)
        assert comparable(b) == comparable(LETTER_B), f"{way}: B did not arrive"
        failures += [
            f"with {fields[0]} selected in A: {wrong}" for wrong in wrong_fields(editor, b)
        ]

        # One keystroke in each field: the letter is B plus those keystrokes, nothing else.
        expected = b
        for path in fields:
            if number is not None and editor.addressees.current() != number:
                select_addressee(qtbot, editor, number)
            binding = editor.binding(path)
            assert binding is not None, path
            if isinstance(binding.widget, QTableWidget):
                type_into_cell(qtbot, binding.widget, binding.row, binding.column)
                expected = copy.deepcopy(expected)
                set_value(expected, path, f"{get_value(expected, path)}x")
            else:
                type_one(qtbot, binding.widget)
                expected = typed(expected, path, binding.widget)
            editor.session.seal_typing()
            now, wanted = comparable(editor.session.letter), comparable(expected)
            if now != wanted:
                keys = [key for key in wanted if now.get(key) != wanted[key]]
                failures.append(
                    f"typing in {path} did not add only that keystroke to B: "
                    + "; ".join(f"{key} is {now.get(key)!r}, not {wanted[key]!r}" for key in keys)
                )
                expected = copy.deepcopy(editor.session.letter)  # the next field on its own
    assert not failures, f"{way}:\n" + "\n".join(failures)
