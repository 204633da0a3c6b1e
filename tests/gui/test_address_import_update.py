"""Importing a list into the address book updates who is already in it, after a preview."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

import openpyxl
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from composer.core.catalogue_editing import user_catalogue_path
from composer.gui.dialogs.address_book_dialog import AddressBookDialog
from composer.gui.dialogs.address_import_preview import AddressImportPreview
from composer.merge.sources import read_addressees

REPO = Path(__file__).resolve().parents[2]
LEFT = Qt.MouseButton.LeftButton
VAN_DER_AA = {
    "id": "j-van-der-aa",
    "organisation": "",
    "department": "",
    "person": {
        "form": "heer",
        "initials": "J.",
        "first_name": "",
        "infix": "van der",
        "surname": "Aa",
        "name_as_registered": False,
    },
    "role": "secretaris",
    "address": {
        "street": "Kerkstraat",
        "house_number": "1",
        "postbox": "",
        "postcode": "1234 AB",
        "city": "Utrecht",
        "country": "NL",
    },
}
CSV = (
    "aanhef;voorletters;tussenvoegsel;achternaam;straat;huisnummer;postcode;plaats\n"
    "de heer;J;;Van der Aa;Dorpsweg;2;3941zs;Doorn\n"
    "mevrouw;K.;;Bakker;Laan;5;2511 AB;Den Haag\n"
)
MOVED = (
    "Bijwerken\nStraat: Kerkstraat 1 → Dorpsweg 2\nPostcode: 1234 AB → 3941 ZS\n"
    "Plaats: Utrecht → Doorn"
)


def write_book(*items: dict) -> None:
    path = user_catalogue_path("adresboek")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"catalogue": "adresboek", "items": list(items)}), encoding="utf-8")


def stored() -> list[dict]:
    return json.loads(user_catalogue_path("adresboek").read_text(encoding="utf-8"))["items"]


def open_book(qtbot, library) -> AddressBookDialog:
    """Extra > Adresboek…, with the stored address book."""
    dialog = AddressBookDialog(library=library, author="Marieke")
    qtbot.addWidget(dialog)
    dialog.confirm_discard = lambda: True  # never a modal question box in a test
    dialog.show()
    return dialog


@pytest.fixture
def book(qtbot, library):
    write_book(VAN_DER_AA)
    return open_book(qtbot, library)


def names(dialog: AddressBookDialog) -> list[str]:
    return [dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())]


def when_the_preview_opens(handle) -> dict:
    """Let `handle(preview)` act on the import preview once the real dialog is open (modal)."""
    seen: dict = {}

    def look() -> None:
        preview = QApplication.activeModalWidget()
        if not isinstance(preview, AddressImportPreview):
            QTimer.singleShot(20, look)
            return
        seen["summary"] = preview.summary_label.text()
        seen["outcomes"] = [preview.outcome_cell(r) for r in range(preview.table.rowCount())]
        seen["button"] = preview.import_button.text()
        seen["enabled"] = preview.import_button.isEnabled()
        handle(preview)

    QTimer.singleShot(0, look)
    return seen


def click(qtbot, name: str):
    def press(preview: AddressImportPreview) -> None:
        qtbot.mouseClick(preview.findChild(type(preview.import_button), name), LEFT)

    return press


def import_file(qtbot, book: AddressBookDialog, path: Path, handle) -> dict:
    book.choose_file = lambda: path
    seen = when_the_preview_opens(handle)
    qtbot.mouseClick(book.import_button, LEFT)
    qtbot.waitUntil(lambda: "outcomes" in seen and not book.reading, timeout=10000)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=10000)
    return seen


def save(qtbot, dialog: AddressBookDialog) -> None:
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted, timeout=10000)


def test_importing_him_at_a_new_address_updates_him_and_adds_only_the_new_person(
    qtbot, book, library, tmp_path
):
    source = tmp_path / "relaties.csv"
    source.write_text(CSV, encoding="utf-8")
    assert book.count_label.text() == "1 adres"
    seen = import_file(qtbot, book, source, click(qtbot, "importeren"))
    assert seen["summary"] == "1 nieuw, 1 bijwerken, 0 ongewijzigd"
    assert seen["outcomes"] == [MOVED, "Nieuw"]
    assert seen["button"] == "2 adressen &importeren"
    assert book.count_label.text() == "2 adressen"  # 1 more, not 2
    assert names(book) == ["J. van der Aa", "K. Bakker"]
    assert book.notice_label.text().startswith(
        "1 adres toegevoegd, 1 adres bijgewerkt. Klik op Opslaan"
    )
    save(qtbot, book)
    aa, bakker = stored()
    assert aa["id"] == "j-van-der-aa" and aa["role"] == "secretaris"
    assert aa["address"]["street"] == "Dorpsweg" and aa["address"]["city"] == "Doorn"
    assert bakker["person"]["surname"] == "Bakker" and bakker["person"]["form"] == "mevrouw"
    assert library.catalogue("adresboek")["items"] == [aa, bakker]

    # The same file again: everything is there already, nothing to import.
    again = open_book(qtbot, library)
    seen = import_file(qtbot, again, source, click(qtbot, "annuleren"))
    assert seen["summary"] == "0 nieuw, 0 bijwerken, 2 ongewijzigd"
    assert seen["outcomes"] == ["Ongewijzigd", "Ongewijzigd"]
    assert not seen["enabled"]
    assert again.count_label.text() == "2 adressen" and not again.changed


def test_annuleren_in_the_preview_changes_nothing(qtbot, book, tmp_path):
    source = tmp_path / "relaties.csv"
    source.write_text(CSV, encoding="utf-8")
    seen = import_file(qtbot, book, source, click(qtbot, "annuleren"))
    assert seen["outcomes"][0] == MOVED
    assert book.items == [VAN_DER_AA] and not book.changed
    assert book.notice_label.text() == ""
    assert stored() == [VAN_DER_AA]


def test_twijfel_is_added_only_when_the_user_ticks_it(qtbot, library, tmp_path):
    at_a = {**VAN_DER_AA, "id": "a", "organisation": "Gemeente A"}
    at_b = {**VAN_DER_AA, "id": "b", "organisation": "Gemeente B"}
    write_book(at_a, at_b)
    book = open_book(qtbot, library)
    source = tmp_path / "relaties.csv"
    source.write_text(CSV, encoding="utf-8")

    seen = import_file(qtbot, book, source, click(qtbot, "importeren"))
    assert seen["summary"] == "1 nieuw, 0 bijwerken, 0 ongewijzigd, 1 twijfel"
    assert seen["outcomes"][0] == (
        "Twijfel: lijkt op\n"
        "‘J. van der Aa (Gemeente A)’ – Kerkstraat 1, 1234 AB Utrecht\n"
        "‘J. van der Aa (Gemeente B)’ – Kerkstraat 1, 1234 AB Utrecht\n"
        "Vink aan om als nieuw adres toe te voegen; anders wordt de rij overgeslagen."
    )
    assert seen["button"] == "1 adres &importeren"
    assert book.count_label.text() == "3 adressen"  # Bakker only
    assert book.notice_label.text().startswith("1 adres toegevoegd, 1 twijfelgeval overgeslagen.")
    assert [item["organisation"] for item in book.items[:2]] == ["Gemeente A", "Gemeente B"]
    assert book.items[0]["address"]["street"] == "Kerkstraat"

    ticked: dict = {}

    def tick_then_import(preview: AddressImportPreview) -> None:
        preview.table.setFocus()
        preview.table.setCurrentCell(0, 4)
        qtbot.keyClick(preview.table, Qt.Key.Key_Space)  # the check box of the twijfel row
        ticked["last line"] = preview.outcome_cell(0).splitlines()[-1]
        ticked["button"] = preview.import_button.text()
        qtbot.mouseClick(preview.import_button, LEFT)

    import_file(qtbot, book, source, tick_then_import)
    assert ticked["last line"] == "Wordt als nieuw adres toegevoegd."
    assert ticked["button"] == "1 adres &importeren"  # Bakker is there now: unchanged
    assert book.count_label.text() == "4 adressen"
    added = book.items[-1]
    assert added["organisation"] == "" and added["address"]["street"] == "Dorpsweg"


VCARD = """BEGIN:VCARD
VERSION:4.0
N:van der Aa;Jan;;;
FN:Jan van der Aa
ADR:;;Dorpsweg 2;Doorn;;3941 ZS;NL
END:VCARD
BEGIN:VCARD
VERSION:4.0
N:Bakker;Karin;;;
FN:Karin Bakker
GENDER:F
ADR:;;Laan 5;Den Haag;;2511 AB;NL
END:VCARD
"""


def test_a_vcard_list_updates_him_too(qtbot, book, tmp_path):
    source = tmp_path / "contacten.vcf"
    source.write_text(VCARD, encoding="utf-8")
    seen = import_file(qtbot, book, source, click(qtbot, "importeren"))
    # The vCard gives his first name: it fills in the empty field, beside the new address.
    assert seen["outcomes"] == [
        "Bijwerken\nVoornaam: (leeg) → Jan\nStraat: Kerkstraat 1 → Dorpsweg 2\n"
        "Postcode: 1234 AB → 3941 ZS\nPlaats: Utrecht → Doorn",
        "Nieuw",
    ]
    assert book.count_label.text() == "2 adressen"
    aa = next(item for item in book.items if item["id"] == "j-van-der-aa")
    assert aa["person"]["first_name"] == "Jan" and aa["address"]["postcode"] == "3941 ZS"
    assert aa["person"]["form"] == "heer"  # the vCard says nothing: kept


def test_an_excel_list_updates_him_and_a_postbus_replaces_his_street(qtbot, book, tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Voorletters", "Tussenvoegsel", "Achternaam", "Postbus", "Postcode", "Plaats"])
    sheet.append(["J.", "van der", "Aa", 123, "2500AA", "Den Haag"])
    source = tmp_path / "lijst.xlsx"
    workbook.save(source)
    seen = import_file(qtbot, book, source, click(qtbot, "importeren"))
    assert seen["summary"] == "0 nieuw, 1 bijwerken, 0 ongewijzigd"
    assert seen["outcomes"] == [
        "Bijwerken\nStraat: Kerkstraat 1 → (leeg)\nPostbus: (leeg) → 123\n"
        "Postcode: 1234 AB → 2500 AA\nPlaats: Utrecht → Den Haag"
    ]
    assert book.count_label.text() == "1 adres"
    assert book.items[0]["address"]["postbox"] == "123"
    assert book.items[0]["address"]["street"] == ""


def test_the_preview_compares_with_the_stored_book_when_not_given_one(qtbot, tmp_path):
    """As for a list dropped on the main window: the stored address book is the reference."""
    write_book(VAN_DER_AA)
    source = tmp_path / "relaties.csv"
    source.write_text(CSV + "mevrouw;K.;;Bakker;Laan;5;25110 AB;Den Haag\n", encoding="utf-8")
    preview = AddressImportPreview(read_addressees(source), source.name)
    qtbot.addWidget(preview)
    assert preview.summary_label.text() == "1 nieuw, 1 bijwerken, 0 ongewijzigd"
    assert [preview.outcome_cell(r) for r in range(3)] == [MOVED, "Nieuw", "Niet geïmporteerd"]
    assert preview.count_label.text() == "3 rijen: 2 worden geïmporteerd, 1 rij met fouten niet."
    if os.environ.get("COMPOSER_SCREENSHOTS") == "1":
        preview.resize(1000, 420)
        preview.show()
        preview.grab().save(str(REPO / "docs" / "screenshots" / "adressen-importeren.png"))
