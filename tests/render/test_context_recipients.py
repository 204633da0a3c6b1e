"""A letter to several addressees: one copy each, with its own window and aanhef (issue 13)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from composer.core.catalogues import load_profile, load_promises
from composer.core.letterfile import letter_from_dict
from composer.errors import AddressError
from composer.render.context import RenderInputs, build_context

REPO = Path(__file__).resolve().parents[2]
SAMPLE_LETTER = REPO / "resources" / "samples" / "brief-cao-onderhandelaars.json"

WFC_BLOCK = (
    "Werkgeversvereniging Facilitaire Contactcenters (WFC)\n"
    "T.a.v. de heer N. van Liemt, voorzitter\n"
    "Voorbeeldstraat 12a\n"
    "1234 AB  VOORBEELDSTAD"
)


def _sample() -> dict[str, Any]:
    return json.loads(SAMPLE_LETTER.read_text(encoding="utf-8"))


def _fnv() -> dict[str, Any]:
    return {
        "organisation": "FNV",
        "department": "FNV Callcenters",
        "person": {"form": "mevrouw", "initials": "E.", "surname": "Heemskerk"},
        "role": "bestuurder",
        "address": {"postbox": "9208", "postcode": "3506ge", "city": "Utrecht", "country": "NL"},
    }


def _cnv() -> dict[str, Any]:
    """A person with neither initials nor first name: the tussenvoegsel takes a capital."""
    return {
        "organisation": "CNV Vakmensen",
        "person": {"form": "heer", "infix": "van der", "surname": "Aa"},
        "role": "onderhandelaar",
        "address": {
            "street": "Tiberdreef",
            "house_number": "4",
            "postcode": "3561 GG",
            "city": "Utrecht",
        },
    }


def _qlix() -> dict[str, Any]:
    """An organisation without a person: the copy is addressed to the group."""
    return {
        "organisation": "Qlix",
        "address": {
            "street": "Marktplein",
            "house_number": "1",
            "postcode": "1234 AB",
            "city": "X",
        },
    }


def _context(data: dict[str, Any], **inputs: Any) -> dict[str, Any]:
    render_inputs = RenderInputs(profile=load_profile(), promises=load_promises(), **inputs)
    return build_context(letter_from_dict(data), "brief", render_inputs)


def test_one_addressee_gives_one_copy_as_before() -> None:
    context = _context(_sample())
    assert context["recipients"] == [
        {"address_block": WFC_BLOCK, "salutation": "Geachte heer Van Liemt,"}
    ]
    assert context["address_block"] == WFC_BLOCK
    assert context["letter"]["salutation"] == "Geachte heer Van Liemt,"
    assert context["distribution"] == []


def test_every_addressee_gets_a_copy_with_its_own_window_and_aanhef() -> None:
    data = _sample()
    data["addressees"] += [_fnv(), _cnv(), _qlix()]
    context = _context(data)
    assert context["recipients"] == [
        {"address_block": WFC_BLOCK, "salutation": "Geachte heer Van Liemt,"},
        {
            "address_block": "FNV\nFNV Callcenters\nT.a.v. mevrouw E. Heemskerk, bestuurder\n"
            "Postbus 9208\n3506 GE  UTRECHT",
            "salutation": "Geachte mevrouw Heemskerk,",
        },
        {
            "address_block": "CNV Vakmensen\nT.a.v. de heer Van der Aa, onderhandelaar\n"
            "Tiberdreef 4\n3561 GG  UTRECHT",
            "salutation": "Geachte heer Van der Aa,",
        },
        {
            "address_block": "Qlix\nMarktplein 1\n1234 AB  X",
            "salutation": "Geachte dames en heren,",
        },
    ]
    # The window no longer says "Aan de geadresseerden op de verzendlijst".
    assert "verzendlijst" not in json.dumps(context, ensure_ascii=False)
    assert context["address_block"] == WFC_BLOCK
    assert context["letter"]["salutation"] == "Geachte heer Van Liemt,"
    # The distribution list, printed in every copy, names everyone.
    assert context["distribution"] == [
        "Werkgeversvereniging Facilitaire Contactcenters (WFC), de heer N. van Liemt, voorzitter",
        "FNV, mevrouw E. Heemskerk, bestuurder",
        "CNV Vakmensen, de heer Van der Aa, onderhandelaar",
        "Qlix",
    ]


def test_a_typed_aanhef_applies_to_every_copy() -> None:
    data = _sample()
    data["addressees"].append(_fnv())
    data["salutation"] = "Beste onderhandelaars,"
    context = _context(data)
    assert [r["salutation"] for r in context["recipients"]] == ["Beste onderhandelaars,"] * 2
    assert context["letter"]["salutation"] == "Beste onderhandelaars,"


def test_the_group_aanhef_setting_reaches_a_copy_without_a_person() -> None:
    data = _sample()
    data["addressees"].append(_qlix())
    context = _context(data, group_salutation="Geacht bestuur,")
    assert [r["salutation"] for r in context["recipients"]] == [
        "Geachte heer Van Liemt,",
        "Geacht bestuur,",
    ]


def test_a_distribution_line_without_organisation_starts_with_a_capital() -> None:
    data = _sample()
    alone = _cnv()
    del alone["organisation"]
    data["addressees"].append(alone)
    context = _context(data)
    assert context["distribution"][1] == "De heer Van der Aa, onderhandelaar"
    assert context["recipients"][1]["address_block"].startswith(
        "De heer Van der Aa, onderhandelaar\n"
    )


def test_generated_names_use_the_typographic_apostrophe() -> None:
    data = _sample()
    data["addressees"][0]["person"] = {"form": "mevrouw", "infix": "d'", "surname": "Ancona"}
    data["addressees"].append(_cnv())
    data["addressees"][1]["person"] = {
        "form": "heer",
        "initials": "P.",
        "infix": "'t",
        "surname": "Hart",
    }
    context = _context(data)
    first, second = context["recipients"]
    assert "T.a.v. mevrouw d’Ancona, voorzitter" in first["address_block"]
    assert first["salutation"] == "Geachte mevrouw d’Ancona,"
    assert "T.a.v. de heer P. ’t Hart, onderhandelaar" in second["address_block"]
    assert second["salutation"] == "Geachte heer ’t Hart,"
    assert context["distribution"][1] == "CNV Vakmensen, de heer P. ’t Hart, onderhandelaar"
    # The organisation's name is the user's text, not generated: kept as typed.
    data["addressees"][1]["organisation"] = "Centre d'appels"
    assert _context(data)["distribution"][1].startswith("Centre d'appels, ")


def test_a_wrong_address_of_any_addressee_is_named_by_its_number() -> None:
    data = _sample()
    broken = _fnv()
    broken["address"]["postcode"] = ""
    data["addressees"].append(broken)
    with pytest.raises(AddressError) as raised:
        _context(data)
    assert "Geadresseerde 2" in raised.value.message
    assert "postcode ontbreekt" in raised.value.message
