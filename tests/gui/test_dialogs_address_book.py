"""The address book: search, add, change, remove, import; saved as a file and a library version."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt

from composer.core.catalogue_editing import user_catalogue_path
from composer.core.catalogues import load_address_book
from composer.gui.dialogs.address_book_dialog import AddressBookDialog
from composer.gui.dialogs.address_import_preview import AddressImportPreview
from composer.gui.dialogs.addressee_edit_dialog import AddresseeEditDialog
from composer.gui.dialogs.rows_table import STATUS_COLUMN, VALID_TEXT

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "docs" / "screenshots"
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def book(qtbot, library):
    dialog = AddressBookDialog(library=library, author="Marieke")
    qtbot.addWidget(dialog)
    dialog.confirm_discard = lambda: True  # never a modal question box in a test
    dialog.show()
    yield dialog
    dialog.confirm_discard = lambda: True


def names(dialog: AddressBookDialog) -> list[str]:
    return [dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())]


def fill_in(qtbot, edit: AddresseeEditDialog, values: dict[str, str]) -> None:
    for path, text in values.items():
        edit.fields[path].clear()
        qtbot.keyClicks(edit.fields[path], text)


def save(qtbot, dialog: AddressBookDialog) -> None:
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted, timeout=10000)


def stored() -> list[dict]:
    data = json.loads(user_catalogue_path("adresboek").read_text(encoding="utf-8"))
    assert data["catalogue"] == "adresboek"
    return data["items"]


def test_search_as_you_type_ignores_case_and_accents(qtbot, book):
    assert book.count_label.text() == "4 adressen"
    qtbot.keyClicks(book.search_edit, "HEEMSK")  # typed letter by letter
    assert names(book) == ["E. Heemskerk"]
    book.search_edit.setText("heemskérk")  # QTest cannot type é
    assert names(book) == ["E. Heemskerk"]
    assert book.count_label.text() == "1 van 4 adressen"
    book.search_edit.clear()
    qtbot.keyClicks(book.search_edit, "voorbeeldstad van")
    assert names(book) == ["N. van Liemt"]


def test_the_entry_editor_shows_each_problem_beside_its_field(qtbot):
    edit = AddresseeEditDialog()
    qtbot.addWidget(edit)
    fill_in(qtbot, edit, {"organisation": "CNV Vakmensen", "address.street": "Proefweg"})
    fill_in(qtbot, edit, {"address.house_number": "3", "address.city": "Proefdorp"})
    fill_in(qtbot, edit, {"address.postcode": "25110 AB"})
    assert edit.problem_text("address.postcode") == (
        "De postcode is ongeldig (‘25110 AB’). Gebruik vier cijfers en twee letters, zoals 2511 AB."
    )
    assert edit.problem_text("address.city") == ""
    assert not edit.save_button.isEnabled()
    fill_in(qtbot, edit, {"address.postcode": "3941zs"})
    assert edit.problem_text("address.postcode") == ""
    assert edit.save_button.isEnabled()
    assert edit.preview_label.text() == "CNV Vakmensen\nProefweg 3\n3941 ZS  PROEFDORP"
    fill_in(qtbot, edit, {"address.country": "XX"})
    assert edit.problem_text("address.country").startswith("Het land ‘XX’ is onbekend.")
    assert not edit.save_button.isEnabled()


def test_add_change_and_delete_are_saved_in_the_data_folder_and_the_library(qtbot, book, library):
    def add(parent, item):
        assert item is None
        edit = AddresseeEditDialog(item, parent)
        fill_in(
            qtbot,
            edit,
            {
                "organisation": "Stichting Klantcontact",
                "person.initials": "KJ",
                "person.infix": "De",
                "person.surname": "Jong",
                "role": "secretaris",
                "address.street": "Kerkstraat",
                "address.house_number": "3",
                "address.postcode": "3941zs",
                "address.city": "Doorn",
            },
        )
        edit.form_combo.setCurrentIndex(edit.form_combo.findData("heer"))
        assert edit.save_button.isEnabled()
        return edit.value(), True

    book.edit_entry = add
    qtbot.mouseClick(book.new_button, LEFT)
    assert "K.J. de Jong" in names(book)  # shown as in an address
    assert book.notice_label.text().startswith(
        "‘K.J. de Jong (Stichting Klantcontact)’ toegevoegd."
    )
    added = book.items[-1]
    assert added["id"] == "k-j-de-jong-stichting-klantcontact"
    assert added["person"]["initials"] == "KJ"  # kept as typed; letters normalise it
    assert added["address"]["postcode"] == "3941 ZS"

    def change(parent, item):
        edit = AddresseeEditDialog(item, parent)
        assert edit.fields["person.surname"].text() == "Heemskerk"
        fill_in(qtbot, edit, {"person.surname": "Heemskerk-de Vries"})
        return edit.value(), True

    book.search_edit.setText("Heemskerk")
    book.table.selectRow(0)
    book.edit_entry = change
    qtbot.mouseClick(book.edit_button, LEFT)
    assert names(book) == ["E. Heemskerk-de Vries"]

    book.search_edit.setText("Qlix")
    book.table.selectRow(0)
    asked = []
    book.confirm_delete = lambda label: asked.append(label) or True
    qtbot.mouseClick(book.delete_button, LEFT)
    assert asked == ["R. Harmsen (Qlix)"]
    assert names(book) == []

    save(qtbot, book)
    items = stored()
    assert [item["id"] for item in items] == [
        "wfc",
        "fnv",
        "cnv-vakmensen",
        "k-j-de-jong-stichting-klantcontact",
    ]
    assert items[1]["person"]["surname"] == "Heemskerk-de Vries"
    assert items[3]["person"]["form"] == "heer"
    assert [entry["id"] for entry in load_address_book()] == [item["id"] for item in items]
    history = library.catalogue_history("adresboek")
    assert [(v.number, v.author) for v in history] == [(1, "Marieke")]
    assert library.catalogue("adresboek")["items"] == items


def test_cancel_with_changes_asks_and_keeps_the_file_untouched(qtbot, book):
    book.search_edit.setText("Qlix")
    book.table.selectRow(0)
    book.confirm_delete = lambda label: True
    qtbot.mouseClick(book.delete_button, LEFT)
    questions = []
    book.confirm_discard = lambda: questions.append("weggooien?") or False
    book.reject()
    assert book.isVisible() and questions == ["weggooien?"]
    book.confirm_discard = lambda: True
    book.reject()
    assert not book.isVisible()
    assert not user_catalogue_path("adresboek").exists()


def test_a_file_changed_elsewhere_is_not_overwritten(qtbot, book, library):
    book.items.pop()
    book.mark_changed()
    path = user_catalogue_path("adresboek")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"catalogue": "adresboek", "items": []}', encoding="utf-8")
    qtbot.mouseClick(book.save_button, LEFT)
    qtbot.waitUntil(lambda: "intussen buiten dit venster gewijzigd" in book.message_label.text())
    assert book.isVisible()
    assert json.loads(path.read_text(encoding="utf-8"))["items"] == []
    assert library.catalogue_history("adresboek") == []


def test_import_previews_row_errors_and_adds_only_valid_rows(qtbot, book, library, tmp_path):
    source = tmp_path / "relaties.csv"
    source.write_text(
        "organisatie;achternaam;aanhef;straat;huisnummer;postcode;plaats\n"
        "Stichting Klantcontact;Bakker;mevrouw;Kerkstraat;1;2511 AB;Den Haag\n"
        "Callcenter Noord;de Boer;heer;Havenweg;8;97O1 AB;Groningen\n"
        "Contact Zuid;Smit;;Markt;2;6211 CK;Maastricht\n",
        encoding="utf-8",
    )
    seen = {}

    def preview(parent, list_, file_name):
        dialog = AddressImportPreview(list_, file_name, parent)
        seen["title"] = dialog.windowTitle()
        seen["count"] = dialog.count_label.text()
        seen["status"] = [dialog.table.cell_text(r, STATUS_COLUMN) for r in range(3)]
        seen["button"] = dialog.import_button.text()
        return dialog.value(), True

    book.choose_file = lambda: source
    book.preview_import = preview
    qtbot.mouseClick(book.import_button, LEFT)
    qtbot.waitUntil(lambda: book.count_label.text() == "6 adressen", timeout=10000)
    assert seen["title"] == "Adressen importeren uit ‘relaties.csv’"
    assert seen["count"] == "3 rijen: 2 worden geïmporteerd, 1 rij met fouten niet."
    assert seen["status"][0] == VALID_TEXT
    assert seen["status"][1].startswith(
        "rij 3, kolom ‘postcode’: De postcode is ongeldig (‘97O1 AB’)"
    )
    assert seen["button"] == "2 adressen &importeren"
    assert book.notice_label.text().startswith(
        "2 adressen geïmporteerd; 1 rij met fouten overgeslagen."
    )
    assert "Bakker" in names(book) and "Smit" in names(book) and "de Boer" not in names(book)
    if os.environ.get("COMPOSER_SCREENSHOTS") == "1":
        book.search_edit.clear()
        book.table.selectRow(0)
        book.grab().save(str(SCREENSHOTS / "adresboek.png"))
    save(qtbot, book)
    organisations = [item["organisation"] for item in stored()]
    assert organisations[-2:] == ["Stichting Klantcontact", "Contact Zuid"]
    assert len(library.catalogue("adresboek")["items"]) == 6
