"""Table-driven tests for the aanhef (salutation_for) and the name forms behind it."""

from __future__ import annotations

import pytest

from composer.core.models import Addressee, Person
from composer.dutch.names import address_name, person_designation, salutation_name
from composer.dutch.salutations import DEFAULT_GROUP_SALUTATION, salutation_for


def _one(**person_fields: object) -> list[Addressee]:
    return [Addressee(organisation="WFC", person=Person(**person_fields))]


SALUTATION_CASES = [
    # (id, addressees, explicit, expected)
    ("explicit wins", _one(form="heer", surname="Mol"), "Beste Roderik,", "Beste Roderik,"),
    (
        "explicit kept exactly, spaces too",
        [],
        "  Geacht bestuur, ",
        "  Geacht bestuur, ",
    ),
    ("blank explicit ignored", _one(form="heer", surname="Mol"), "   ", "Geachte heer Mol,"),
    (
        "mevrouw",
        _one(form="mevrouw", initials="E.", surname="Heemskerk"),
        "",
        "Geachte mevrouw Heemskerk,",
    ),
    (
        "mevrouw, first infix capitalised",
        _one(form="mevrouw", initials="A.", infix="van der", surname="Velde"),
        "",
        "Geachte mevrouw Van der Velde,",
    ),
    (
        "heer, infix capitalised, initials dropped",
        _one(form="heer", initials="N.", first_name="Norbert", infix="van", surname="Liemt"),
        "",
        "Geachte heer Van Liemt,",
    ),
    (
        "infix entered in capitals is lowered first",
        _one(form="heer", infix="Van Den", surname="Berg"),
        "",
        "Geachte heer Van den Berg,",
    ),
    (
        "d' stays lowercase, its apostrophe typographic",
        _one(form="mevrouw", infix="d'", surname="Ancona"),
        "",
        "Geachte mevrouw d’Ancona,",
    ),
    (
        "d' inside the surname stays lowercase",
        _one(form="mevrouw", surname="d'Ancona"),
        "",
        "Geachte mevrouw d’Ancona,",
    ),
    (
        "'t stays lowercase, its apostrophe typographic",
        _one(form="heer", infix="'t", surname="Hart"),
        "",
        "Geachte heer ’t Hart,",
    ),
    (
        "’t typographic stays lowercase",
        _one(form="heer", infix="’t", surname="Hart"),
        "",
        "Geachte heer ’t Hart,",
    ),
    (
        "d’ typographic stays lowercase",
        _one(form="mevrouw", infix="D’", surname="Ancona"),
        "",
        "Geachte mevrouw d’Ancona,",
    ),
    (
        "double name without infix kept",
        _one(form="mevrouw", surname="Jacobs-van Dijk"),
        "",
        "Geachte mevrouw Jacobs-van Dijk,",
    ),
    (
        "double name after infix keeps its inner infix",
        _one(form="mevrouw", infix="van der", surname="Ven-van Dijk"),
        "",
        "Geachte mevrouw Van der Ven-van Dijk,",
    ),
    (
        "name as registered: De Coninck",
        _one(form="mevrouw", infix="De", surname="Coninck", name_as_registered=True),
        "",
        "Geachte mevrouw De Coninck,",
    ),
    (
        "name as registered: lowercase kept",
        _one(form="heer", infix="de", surname="Smet", name_as_registered=True),
        "",
        "Geachte heer de Smet,",
    ),
    (
        "neutraal with first name",
        _one(form="neutraal", initials="K.", first_name="Kim", surname="Verbeek"),
        "",
        "Geachte Kim Verbeek,",
    ),
    (
        "neutraal with initials only, infix lowercase",
        _one(form="neutraal", initials="K", infix="Van", surname="Dijk"),
        "",
        "Geachte K. van Dijk,",
    ),
    (
        "neutraal without surname gets the group salutation",
        _one(form="neutraal", first_name="Kim"),
        "",
        "Geachte dames en heren,",
    ),
    (
        "neutraal without first name or initials gets the group salutation",
        _one(form="neutraal", surname="Verbeek"),
        "",
        "Geachte dames en heren,",
    ),
    (
        "unknown form with surname",
        _one(form="", infix="van der", surname="Aa"),
        "",
        "Geachte heer of mevrouw Van der Aa,",
    ),
    ("heer without surname", _one(form="heer", first_name="Roderik"), "", "Geachte heer,"),
    ("mevrouw without surname", _one(form="mevrouw"), "", "Geachte mevrouw,"),
    ("unknown form without surname", _one(form=""), "", "Geachte heer of mevrouw,"),
    ("organisation only", [Addressee(organisation="FNV")], "", "Geachte dames en heren,"),
    ("no addressees", [], "", "Geachte dames en heren,"),
    (
        "several addressees",
        [
            Addressee(organisation="FNV", person=Person(form="mevrouw", surname="Heemskerk")),
            Addressee(organisation="CNV Vakmensen", person=Person(form="heer", surname="Mol")),
        ],
        "",
        "Geachte dames en heren,",
    ),
]


@pytest.mark.parametrize(
    ("addressees", "explicit", "expected"),
    [case[1:] for case in SALUTATION_CASES],
    ids=[case[0] for case in SALUTATION_CASES],
)
def test_salutation_for(addressees: list[Addressee], explicit: str, expected: str) -> None:
    assert salutation_for(addressees, explicit) == expected


@pytest.mark.parametrize(
    ("addressees", "expected"),
    [
        ([], "Geacht bestuur,"),
        ([Addressee(organisation="Qlix")], "Geacht bestuur,"),
        (_one(form="neutraal", surname="Harmsen"), "Geacht bestuur,"),
        (_one(form="heer", surname="Harmsen"), "Geachte heer Harmsen,"),
    ],
    ids=["no addressees", "organisation only", "neutraal without given name", "person known"],
)
def test_custom_group_salutation(addressees: list[Addressee], expected: str) -> None:
    assert salutation_for(addressees, group_salutation="Geacht bestuur,") == expected


def test_default_group_salutation_constant() -> None:
    assert DEFAULT_GROUP_SALUTATION == "Geachte dames en heren,"


@pytest.mark.parametrize(
    ("person", "expected"),
    [
        (Person(infix="van der", surname="Velde"), "Van der Velde"),
        (Person(infix="'t", surname="Hart"), "’t Hart"),
        (Person(infix="d'", surname="Ancona"), "d’Ancona"),
        (Person(infix="‘t", surname="Hart"), "’t Hart"),
        (Person(surname="O'Brien"), "O’Brien"),
        (Person(surname="Jacobs-van Dijk"), "Jacobs-van Dijk"),
        (Person(surname="van Dijk"), "Van Dijk"),
        (Person(infix="van der", surname="Ven-van Dijk"), "Van der Ven-van Dijk"),
        (Person(infix="Van der", surname="Meeren", name_as_registered=True), "Van der Meeren"),
        (Person(initials="J.C.", first_name="Jan", surname="Peeters"), "Peeters"),
    ],
)
def test_salutation_name(person: Person, expected: str) -> None:
    assert salutation_name(person) == expected


@pytest.mark.parametrize(
    ("person", "expected"),
    [
        (Person(initials="N.", infix="van", surname="Liemt"), "N. van Liemt"),
        (Person(initials="E.", surname="Heemskerk"), "E. Heemskerk"),
        (Person(initials="N.", infix="Van", surname="Liemt"), "N. van Liemt"),
        (
            Person(initials="P.", infix="Van der", surname="Meeren", name_as_registered=True),
            "P. Van der Meeren",
        ),
        (Person(initials="N", surname="Mol"), "N. Mol"),
        (Person(initials="NJ", surname="Mol"), "N.J. Mol"),
        (Person(initials="N.J", surname="Mol"), "N.J. Mol"),
        (Person(initials="N J", surname="Mol"), "N.J. Mol"),
        (Person(initials="Th", surname="Mol"), "Th. Mol"),
        (Person(initials="nj", surname="Mol"), "nj Mol"),
        (Person(first_name="Kim", surname="Verbeek"), "Kim Verbeek"),
        (Person(initials="K.", first_name="Kim", surname="Verbeek"), "K. Verbeek"),
        (
            Person(initials="S.", infix="van den", surname="Berg-de Graaf"),
            "S. van den Berg-de Graaf",
        ),
        (Person(initials="A.", infix="d'", surname="Ancona"), "A. d’Ancona"),
        (Person(first_name="Ma'ruf", infix="'t", surname="Hart"), "Ma’ruf ’t Hart"),
        # Nothing precedes the tussenvoegsel: it takes a capital (Onze Taal), d’ and ’t excepted.
        (Person(infix="van der", surname="Aa"), "Van der Aa"),
        (Person(infix="van der", surname="Ven-van Dijk"), "Van der Ven-van Dijk"),
        (Person(infix="'t", surname="Hart"), "’t Hart"),
        (Person(infix="Van der", surname="Meeren", name_as_registered=True), "Van der Meeren"),
        (Person(infix="de", surname="Coninck", name_as_registered=True), "de Coninck"),
    ],
)
def test_address_name(person: Person, expected: str) -> None:
    assert address_name(person) == expected


@pytest.mark.parametrize(
    ("person", "start_of_line", "expected"),
    [
        (
            Person(form="heer", initials="N.", infix="van", surname="Liemt"),
            False,
            "de heer N. van Liemt",
        ),
        (
            Person(form="heer", initials="N.", infix="van", surname="Liemt"),
            True,
            "De heer N. van Liemt",
        ),
        (Person(form="mevrouw", initials="E.", surname="Heemskerk"), False, "mevrouw E. Heemskerk"),
        (Person(form="mevrouw", initials="E.", surname="Heemskerk"), True, "Mevrouw E. Heemskerk"),
        (Person(form="neutraal", initials="K.", surname="Verbeek"), True, "K. Verbeek"),
        (Person(form="", initials="R.", surname="Harmsen"), False, "R. Harmsen"),
        (Person(form="neutraal", infix="van", surname="Dijk"), True, "Van Dijk"),
        (Person(form="neutraal", infix="d'", surname="Ancona"), True, "d’Ancona"),
        (Person(form="heer", infix="van der", surname="Aa"), True, "De heer Van der Aa"),
        (Person(form="heer", infix="van der", surname="Aa"), False, "de heer Van der Aa"),
        (Person(form="mevrouw", infix="op de", surname="Beek"), False, "mevrouw Op de Beek"),
        (Person(form="", infix="van", surname="Dijk"), False, "Van Dijk"),
        (Person(form="heer", infix="'t", surname="Hart"), False, "de heer ’t Hart"),
        (
            Person(form="heer", initials="N.", infix="van", surname="Liemt"),
            False,
            "de heer N. van Liemt",
        ),
        (
            Person(form="mevrouw", first_name="Marloes", infix="van der", surname="Ven"),
            False,
            "mevrouw Marloes van der Ven",
        ),
        (Person(form="heer"), True, ""),
    ],
)
def test_person_designation(person: Person, start_of_line: bool, expected: str) -> None:
    assert person_designation(person, start_of_line=start_of_line) == expected
