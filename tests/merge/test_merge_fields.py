"""Every Person and Address field has a merge column, and a list fills each of them."""

from __future__ import annotations

import csv

from composer.core.models import ADDRESS_KEYS, PERSON_KEYS
from composer.merge.columns import COLUMNS
from composer.merge.sources import read_addressees

ROW = {
    "organisation": "WFC",
    "person.form": "mevrouw",
    "person.initials": "J.",
    "person.first_name": "Jans",
    "person.infix": "van",
    "person.surname": "Dijk",
    "person.name_as_registered": "ja",
    "address.street": "Fifth Avenue",
    "address.house_number": "350",
    "address.postbox": "",
    "address.postcode": "10118",
    "address.city": "New York",
    "address.country": "US",
    "address.region": "NY",
}


def test_every_field_has_a_column():
    paths = {path for path, _dutch, _english, _others in COLUMNS}
    assert {f"person.{key}" for key in PERSON_KEYS} <= paths
    assert {f"address.{key}" for key in ADDRESS_KEYS} <= paths


def test_a_list_with_every_column_fills_every_field(tmp_path):
    header = {path: english for path, _dutch, english, _others in COLUMNS}
    source = tmp_path / "adressen.csv"
    with source.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow([header[path] for path in ROW])
        writer.writerow(list(ROW.values()))
    [row] = read_addressees(source).rows
    assert row.valid, row.messages()
    addressee = row.addressee()
    address = {f"address.{key}": getattr(addressee.address, key) for key in ADDRESS_KEYS}
    assert address == {path: value for path, value in ROW.items() if path.startswith("address.")}
    assert addressee.person is not None
    assert addressee.person.name_as_registered is True
    assert addressee.person.surname == "Dijk" and addressee.person.form == "mevrouw"
