"""A change in any Person or Address field is named by its label, never by its key."""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from composer.core.letterfile import letter_to_dict
from composer.core.models import ADDRESS_KEYS, PERSON_KEYS, Address, Addressee, Letter, Person
from composer.history.diff import diff_letters

LETTER = letter_to_dict(
    Letter(
        template="brief",
        date=dt.date(2024, 5, 1),
        subject="Test",
        addressees=[
            Addressee(organisation="WFC", person=Person(surname="Dijk"), address=Address())
        ],
    )
)


@pytest.mark.parametrize(
    ("part", "key"), [("person", k) for k in PERSON_KEYS] + [("address", k) for k in ADDRESS_KEYS]
)
def test_every_field_has_a_label(part, key):
    new = copy.deepcopy(LETTER)
    new["addressees"][0][part][key] = True if key == "name_as_registered" else "ZZ"
    [change] = diff_letters(LETTER, new)
    assert change.path == f"addressees[0].{part}.{key}"
    name, _, whose = change.label.rpartition(" van ")
    assert whose == "geadresseerde 1"
    assert name[:1].isupper() and "_" not in name and name != key
