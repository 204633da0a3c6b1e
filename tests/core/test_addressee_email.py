"""An addressee's e-mail address: in the model, the letter file, the checks and the address book."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from composer.core.contact_matching import Outcome, apply_import, plan_import
from composer.core.letterfile import (
    addressee_from_dict,
    addressee_to_dict,
    dumps_letter,
    letter_from_dict,
    load_letter,
    loads_letter,
)
from composer.core.models import ADDRESSEE_KEYS, Addressee
from composer.core.readiness import Action, LetterNotReady, require_complete
from composer.core.validation import (
    addressee_problems,
    broken_problems,
    field_label,
    letter_problems,
)
from composer.errors import LetterValidationError

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "resources" / "samples" / "brief-cao-onderhandelaars.json"
BAD = "Het e-mailadres ‘jan@voorbeeld’ is ongeldig. Schrijf het als naam@organisatie.nl."


def sample_data() -> dict:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


def with_email(email: str) -> dict:
    data = sample_data()
    data["addressees"].append({**data["addressees"][0], "email": email})
    return data


def test_an_addressee_has_an_email_address_after_its_function():
    assert Addressee().email == ""
    assert ADDRESSEE_KEYS.index("email") == ADDRESSEE_KEYS.index("role") + 1


def test_the_sample_letter_carries_an_example_address():
    letter = load_letter(SAMPLE)
    assert letter.addressees[0].email == "n.vanliemt@wfc.voorbeeld.nl"
    assert letter_problems(sample_data()) == []


def test_the_email_address_round_trips_through_the_letter_file():
    letter = load_letter(SAMPLE)
    text = dumps_letter(letter)
    assert '"email": "n.vanliemt@wfc.voorbeeld.nl"' in text
    assert loads_letter(text).addressees[0].email == "n.vanliemt@wfc.voorbeeld.nl"
    keys = list(json.loads(text)["addressees"][0])
    assert keys.index("email") == keys.index("role") + 1


def test_an_addressee_without_email_is_written_as_before():
    """Older letters (and their stored versions) stay byte for byte the same."""
    data = sample_data()
    del data["addressees"][0]["email"]
    written = addressee_to_dict(addressee_from_dict(data["addressees"][0]))
    assert "email" not in written
    assert written == data["addressees"][0]
    assert "email" not in dumps_letter(letter_from_dict(data))


def test_an_email_address_of_the_wrong_type_is_broken():
    problems = broken_problems(with_email(["jan@voorbeeld.nl"]))
    assert problems == [
        ("addressees[1].email", "E-mailadres van geadresseerde 2 moet tekst zijn, niet een lijst.")
    ]


def test_an_invalid_email_address_is_unfinished_and_named_for_a_person():
    data = with_email("jan@voorbeeld")
    assert broken_problems(data) == []  # a draft may hold it
    assert letter_from_dict(data).addressees[1].email == "jan@voorbeeld"
    assert letter_problems(data) == [("addressees[1].email", BAD)]
    assert field_label("addressees[1].email", data) == "E-mailadres van geadresseerde 2"
    with pytest.raises(LetterValidationError, match="E-mailadres van geadresseerde 2"):
        letter_from_dict(data, complete=True)


@pytest.mark.parametrize("action", [Action.FINALIZE, Action.EXPORT, Action.SEND])
def test_finalize_export_and_send_refuse_an_invalid_email_address(action):
    letter = letter_from_dict(with_email("jan@voorbeeld"))
    with pytest.raises(LetterNotReady) as refused:
        require_complete(letter, action)
    assert f"E-mailadres van geadresseerde 2: {BAD}" in refused.value.message


@pytest.mark.parametrize(
    "email",
    ["n.vanliemt@wfc.voorbeeld.nl", "info@bücher.voorbeeld.nl", "a.b-c+d@sub.voorbeeld.be"],
)
def test_valid_email_addresses_pass(email):
    assert letter_problems(with_email(email)) == []


@pytest.mark.parametrize(
    "email",
    [
        "jan@voorbeeld",
        "jan.voorbeeld.nl",
        "jan @voorbeeld.nl",
        "Jan <jan@voorbeeld.nl>",
        "jan@@voorbeeld.nl",
        "jan@voorbeeld..nl",
        "jan@localhost",
    ],
)
def test_invalid_email_addresses_are_reported(email):
    [(path, message)] = letter_problems(with_email(email))
    assert path == "addressees[1].email"
    assert message.startswith("Het e-mailadres ‘") and "is ongeldig" in message


def test_one_addressee_from_a_list_is_checked_the_same_way():
    data = {"organisation": "WFC", "email": "jan@voorbeeld", "address": {"postcode": "1234 AB"}}
    assert addressee_problems(data) == [("email", BAD)]
    assert addressee_problems({**data, "email": ""}) == []


# The address book: e-mail plays no part in matching, a new one is an update.

CONTACT = {
    "id": "wfc",
    "organisation": "WFC",
    "department": "",
    "person": {
        "form": "heer",
        "initials": "N.",
        "first_name": "Norbert",
        "infix": "van",
        "surname": "Liemt",
        "name_as_registered": False,
    },
    "role": "voorzitter",
    "email": "n.vanliemt@wfc.voorbeeld.nl",
    "address": {
        "street": "Voorbeeldstraat",
        "house_number": "12a",
        "postbox": "",
        "postcode": "1234 AB",
        "city": "Voorbeeldstad",
        "country": "NL",
    },
}


def row(email: str) -> dict:
    data = {key: value for key, value in CONTACT.items() if key != "id"}
    return {**data, "email": email}


def test_a_changed_email_address_is_an_update():
    plan = plan_import([row("voorzitter@wfc.voorbeeld.nl")], [CONTACT])
    [planned] = plan.rows
    assert planned.outcome is Outcome.UPDATE
    assert [change.text() for change in planned.changes] == [
        "E-mailadres: n.vanliemt@wfc.voorbeeld.nl → voorzitter@wfc.voorbeeld.nl"
    ]
    contacts = [dict(CONTACT)]
    result = apply_import(plan, contacts)
    assert result.updated == 1
    assert contacts[0]["email"] == "voorzitter@wfc.voorbeeld.nl"


def test_a_first_email_address_fills_in_the_contact():
    contact = {key: value for key, value in CONTACT.items() if key != "email"}
    [planned] = plan_import([row("n.vanliemt@wfc.voorbeeld.nl")], [contact]).rows
    assert planned.outcome is Outcome.UPDATE
    assert [change.text() for change in planned.changes] == [
        "E-mailadres: (leeg) → n.vanliemt@wfc.voorbeeld.nl"
    ]


def test_an_empty_or_differently_cased_email_address_changes_nothing():
    for email in ("", "N.vanLiemt@WFC.voorbeeld.nl"):
        [planned] = plan_import([row(email)], [CONTACT]).rows
        assert planned.outcome is Outcome.UNCHANGED, email


def test_another_email_address_does_not_make_someone_else():
    plan = plan_import([row("privé@thuis.voorbeeld.nl")], [CONTACT])
    assert [planned.outcome for planned in plan.rows] == [Outcome.UPDATE]
    assert plan.added == 0
