"""The address book's import reads lists like a merge does: the same limits, the same message."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt

from composer.gui.dialogs.address_book_dialog import AddressBookDialog
from composer.merge import limits
from composer.storage.library import Library


def test_a_list_over_the_row_limit_is_refused_with_the_limit_named(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_ROWS", 2)
    source = tmp_path / "relaties.csv"
    row = "Stichting Klantcontact;Bakker;Kerkstraat;1;2511 AB;Den Haag"
    source.write_text(
        "organisatie;achternaam;straat;huisnummer;postcode;plaats\n" + f"{row}\n" * 3,
        encoding="utf-8",
    )
    with Library.open(f"sqlite:///{tmp_path / 'bibliotheek.sqlite'}") as library:
        book = AddressBookDialog(library=library, author="Marieke")
        qtbot.addWidget(book)
        book.confirm_discard = lambda: True
        book.choose_file = lambda: source
        book.preview_import = lambda *args: pytest.fail("no preview for a refused list")
        book.show()
        qtbot.mouseClick(book.import_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "geadresseerden" in book.message_label.text(), timeout=10000)
        assert book.message_label.text().startswith(
            "‘relaties.csv’ bevat meer dan 2 geadresseerden; Composer leest hoogstens 2 "
            "geadresseerden uit één lijst."
        )
