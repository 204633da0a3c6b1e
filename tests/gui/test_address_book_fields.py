"""Editing an address-book entry loses no field, also none the form does not show (region)."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from composer.core.models import ADDRESS_KEYS, PERSON_KEYS
from composer.gui.dialogs.addressee_edit_dialog import AddresseeEditDialog

ENTRY = {
    "id": "jans-van-dijk",
    "organisation": "WFC",
    "department": "",
    "person": {
        "form": "mevrouw",
        "initials": "J.",
        "first_name": "Jans",
        "infix": "van",
        "surname": "Dijk",
        "name_as_registered": True,
        "pronouns": "zij/haar",  # a key of a newer program
    },
    "role": "",
    "email": "j.vandijk@wfc.voorbeeld.nl",
    "address": {
        "street": "Fifth Avenue",
        "house_number": "350",
        "postbox": "",
        "postcode": "10118",
        "city": "New York",
        "country": "US",
        "region": "NY",
        "plus4": "0001",  # a key of a newer program
    },
}


def test_every_field_of_an_entry_survives_the_edit_dialog(qtbot):
    edit = AddresseeEditDialog(ENTRY)
    qtbot.addWidget(edit)
    value = edit.value()
    assert {key: value["address"][key] for key in ADDRESS_KEYS} == {
        key: ENTRY["address"][key] for key in ADDRESS_KEYS
    }
    assert {key: value["person"][key] for key in PERSON_KEYS} == {
        key: ENTRY["person"][key] for key in PERSON_KEYS
    }
    assert edit.fields["email"].text() == "j.vandijk@wfc.voorbeeld.nl"
    assert value == ENTRY
    assert edit.problems() == {}


def test_a_changed_field_wins_over_the_original(qtbot):
    edit = AddresseeEditDialog(ENTRY)
    qtbot.addWidget(edit)
    edit.fields["address.city"].setText("Albany")
    assert edit.value()["address"] == {**ENTRY["address"], "city": "Albany"}
