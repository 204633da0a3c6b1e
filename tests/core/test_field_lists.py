"""Every Person and Address field survives each place that lists the fields: one list, derived."""

from __future__ import annotations

import dataclasses

import pytest

from composer.core.catalogue_editing import tidy_entry, with_kept_keys
from composer.core.letterfile import addressee_from_dict, addressee_to_dict
from composer.core.models import (
    ADDRESS_KEYS,
    ADDRESSEE_KEYS,
    PERSON_KEYS,
    PERSON_NAME_KEYS,
    Address,
    Addressee,
    Person,
)

# A value for every field, none of them the default: a field a copy forgets shows up as lost.
PERSON = {
    "form": "mevrouw",
    "initials": "J.",
    "first_name": "Jans",
    "infix": "van",
    "surname": "Dijk",
    "name_as_registered": True,
}
ADDRESS = {
    "street": "Fifth Avenue",
    "house_number": "350",
    "postbox": "12",
    "postcode": "10118",
    "city": "New York",
    "country": "US",
    "region": "NY",
}


def test_the_field_lists_are_the_dataclass_fields_in_their_order():
    def names(cls: type) -> tuple[str, ...]:
        return tuple(f.name for f in dataclasses.fields(cls) if f.name != "extra")

    assert names(Person) == PERSON_KEYS
    assert names(Address) == ADDRESS_KEYS
    assert names(Addressee) == ADDRESSEE_KEYS
    assert "region" in ADDRESS_KEYS
    assert set(PERSON) == set(PERSON_KEYS) and set(ADDRESS) == set(ADDRESS_KEYS)
    assert PERSON_NAME_KEYS == ("initials", "first_name", "infix", "surname")


def test_every_field_round_trips_through_the_letter_file():
    data = {
        "organisation": "WFC",
        "department": "",
        "person": PERSON,
        "role": "",
        "address": ADDRESS,
    }
    addressee = addressee_from_dict(data)
    assert {key: getattr(addressee.address, key) for key in ADDRESS_KEYS} == ADDRESS
    assert {key: getattr(addressee.person, key) for key in PERSON_KEYS} == PERSON
    assert addressee.address.extra == {} and addressee.person.extra == {}
    assert addressee_to_dict(addressee) == data


@pytest.mark.parametrize("missing", ["region", "name_as_registered"])
def test_a_field_left_out_of_the_file_gets_its_dataclass_default(missing):
    person = {k: v for k, v in PERSON.items() if k != missing}
    address = {k: v for k, v in ADDRESS.items() if k != missing}
    addressee = addressee_from_dict({"person": person, "address": address})
    assert addressee.address.region == ("" if missing == "region" else "NY")
    assert addressee.person.name_as_registered is (missing != "name_as_registered")


def test_every_field_survives_tidying_an_address_book_entry():
    item = {"id": "x", "organisation": "WFC", "person": PERSON, "address": ADDRESS}
    tidy = tidy_entry(item)
    assert tidy["address"] == ADDRESS
    assert tidy["person"] == PERSON


def test_editing_an_entry_keeps_the_fields_the_form_does_not_show():
    shown = {key: value for key, value in ADDRESS.items() if key != "region"}
    original = {**ADDRESS, "region": "CA", "plus4": "0001"}
    assert with_kept_keys(original, shown) == {**ADDRESS, "region": "CA", "plus4": "0001"}
    assert with_kept_keys(None, shown) == shown
    assert with_kept_keys("broken", shown) == shown
