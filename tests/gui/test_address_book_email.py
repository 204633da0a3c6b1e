"""The address book shows, searches, edits and imports e-mail addresses."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from composer.gui.dialogs.address_book_dialog import COLUMNS, AddressBookDialog
from composer.gui.dialogs.addressee_edit_dialog import AddresseeEditDialog
from composer.gui.dialogs.rows_table import STATUS_COLUMN
from tests.gui.test_address_import_update import (
    LEFT,
    VAN_DER_AA,
    click,
    import_file,
    names,
    open_book,
    save,
    stored,
    write_book,
)

BAD = "Het e-mailadres ‘jan@voorbeeld’ is ongeldig. Schrijf het als naam@organisatie.nl."
EMAIL_COLUMN = COLUMNS.index("E-mailadres")
CSV = (
    "voorletters;tussenvoegsel;achternaam;straat;huisnummer;postcode;plaats;e-mail\n"
    "J.;van der;Aa;Kerkstraat;1;1234 AB;Utrecht;j.vanderaa@voorbeeld.nl\n"
)


def header(book: AddressBookDialog) -> list[str]:
    table = book.table
    return [table.horizontalHeaderItem(column).text() for column in range(table.columnCount())]


def emails(book: AddressBookDialog) -> list[str]:
    table = book.table
    return [table.item(row, EMAIL_COLUMN).text() for row in range(table.rowCount())]


def test_the_list_has_an_email_column_and_finds_by_email(qtbot, library):
    book = open_book(qtbot, library)  # the example address book that comes with Composer
    assert header(book) == ["Naam", "Organisatie", "E-mailadres", "Adres"]
    shown = dict(zip(names(book), emails(book), strict=True))
    assert shown["N. van Liemt"] == "n.vanliemt@wfc.voorbeeld.nl"
    assert shown["E. Heemskerk"] == "e.heemskerk@fnv.voorbeeld.nl"
    qtbot.keyClicks(book.search_edit, "r.mol@cnv")
    assert names(book) == ["R. Mol"]


def test_the_entry_editor_edits_the_email_address_and_shows_its_problem(qtbot, library):
    write_book(VAN_DER_AA)
    book = open_book(qtbot, library)
    assert emails(book) == [""]

    def change(parent, item):
        edit = AddresseeEditDialog(item, parent)
        field = edit.fields["email"]
        assert field.text() == ""
        qtbot.keyClicks(field, "jan@voorbeeld")
        assert edit.problem_text("email") == BAD
        assert not edit.save_button.isEnabled()
        qtbot.keyClicks(field, ".nl")
        assert edit.problem_text("email") == ""
        assert edit.save_button.isEnabled()
        return edit.value(), True

    book.table.selectRow(0)
    book.edit_entry = change
    qtbot.mouseClick(book.edit_button, LEFT)
    assert emails(book) == ["jan@voorbeeld.nl"]
    save(qtbot, book)
    assert stored()[0]["email"] == "jan@voorbeeld.nl"


def test_an_import_with_a_new_email_address_updates_the_contact(qtbot, library, tmp_path):
    write_book({**VAN_DER_AA, "email": "secretaris@voorbeeld.nl"})
    book = open_book(qtbot, library)
    source = tmp_path / "relaties.csv"
    source.write_text(CSV, encoding="utf-8")
    seen = import_file(qtbot, book, source, click(qtbot, "importeren"))
    assert seen["summary"] == "0 nieuw, 1 bijwerken, 0 ongewijzigd"
    assert seen["outcomes"] == [
        "Bijwerken\nE-mailadres: secretaris@voorbeeld.nl → j.vanderaa@voorbeeld.nl"
    ]
    assert emails(book) == ["j.vanderaa@voorbeeld.nl"]
    save(qtbot, book)
    [contact] = stored()
    assert contact["email"] == "j.vanderaa@voorbeeld.nl"
    assert contact["address"] == VAN_DER_AA["address"]


def test_a_doubtful_row_shows_the_email_addresses_it_may_be(qtbot, library, tmp_path):
    at_a = {**VAN_DER_AA, "id": "a", "organisation": "Gemeente A", "email": "aa@a.voorbeeld.nl"}
    at_b = {**VAN_DER_AA, "id": "b", "organisation": "Gemeente B"}
    write_book(at_a, at_b)
    book = open_book(qtbot, library)
    source = tmp_path / "relaties.csv"
    source.write_text(CSV, encoding="utf-8")
    seen = import_file(qtbot, book, source, click(qtbot, "annuleren"))
    assert seen["outcomes"][0].splitlines()[:3] == [
        "Twijfel: lijkt op",
        "‘J. van der Aa (Gemeente A)’ – Kerkstraat 1, 1234 AB Utrecht – aa@a.voorbeeld.nl",
        "‘J. van der Aa (Gemeente B)’ – Kerkstraat 1, 1234 AB Utrecht",
    ]


def test_an_import_row_with_an_invalid_email_address_is_not_imported(qtbot, library, tmp_path):
    write_book(VAN_DER_AA)
    book = open_book(qtbot, library)
    source = tmp_path / "relaties.csv"
    source.write_text(CSV.replace("j.vanderaa@voorbeeld.nl", "jan@voorbeeld"), encoding="utf-8")
    checks: list[str] = []

    def look_then_cancel(preview) -> None:
        checks.append(preview.table.cell_text(0, STATUS_COLUMN))
        click(qtbot, "annuleren")(preview)

    seen = import_file(qtbot, book, source, look_then_cancel)
    assert seen["outcomes"] == ["Niet geïmporteerd"]
    assert not seen["enabled"]
    assert checks == [f"rij 2, kolom ‘e-mail’: {BAD}"]
