"""Merged letters get file names that are safe everywhere, numbered and unique."""

from __future__ import annotations

import pytest

from composer.core.models import Address, Addressee, Person
from composer.merge.filenames import bookmark_name, merge_file_stems, safe_name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("van der Velde WFC", "van-der-Velde-WFC"),
        ("../../x", "x"),
        ("..\\..\\windows\\system32", "windows-system32"),
        ("CON", "CON_"),
        ("nul.txt", "nul.txt_"),
        ("Lpt1", "Lpt1_"),
        ("  .verborgen", "verborgen"),
        ('a/b\\c:d*e?f"g<h>i|j', "a-b-c-d-e-f-g-h-i-j"),
        ("Café Zoë & Co", "Café-Zoë-&-Co"),
        ("tab\there\nnewline", "tab-here-newline"),
        ("", "brief"),
        ("\x00\x1f", "brief"),
        ("punt aan het eind.", "punt-aan-het-eind"),
        ("x" * 100, "x" * 80),
        ("CON ../../ontsnapt", "CON-ontsnapt"),
        ("a..b", "a..b"),
    ],
)
def test_safe_name(text, expected):
    assert safe_name(text) == expected


def person(surname: str, infix: str = "") -> Addressee:
    return Addressee(
        organisation="WFC",
        person=Person(form="heer", initials="N.", infix=infix, surname=surname),
        address=Address(street="Straat", house_number="1", postcode="1234 AB", city="Stad"),
    )


def test_stems_are_numbered_padded_and_unique():
    addressees = [person("Liemt", "van"), person("Liemt", "van"), person("liemt", "VAN")]
    assert merge_file_stems(addressees) == [
        "01-van-Liemt-WFC",
        "02-van-Liemt-WFC",
        "03-VAN-liemt-WFC",
    ]


def test_width_grows_with_the_count_and_same_names_stay_unique():
    stems = merge_file_stems([person("Mol")] * 120)
    assert stems[0] == "001-Mol-WFC" and stems[119] == "120-Mol-WFC"
    assert len(set(stems)) == 120


def test_organisation_only_and_nothing_at_all():
    only_org = Addressee(organisation="../../etc/passwd", address=Address())
    nothing = Addressee(address=Address())
    assert merge_file_stems([only_org, nothing]) == ["01-etc-passwd", "02-brief"]


@pytest.mark.parametrize(
    ("addressee", "expected"),
    [
        # The surname alone: a tussenvoegsel that starts it takes a capital, in Dutch.
        (person("Liemt", "van"), "Van Liemt WFC"),
        (person("Aa", "VAN DER"), "Van der Aa WFC"),
        (person("Heemskerk"), "Heemskerk WFC"),
        (person("Ancona", "d'"), "d’Ancona WFC"),
        (person("Hart", "'t"), "’t Hart WFC"),
        (person("Jacobs-van Dijk"), "Jacobs-van Dijk WFC"),  # a double name keeps its inner infix
        (Addressee(organisation="FNV", address=Address()), "FNV"),
        (Addressee(address=Address()), "brief"),
    ],
)
def test_bookmark_name_writes_the_surname_as_it_stands_alone(addressee, expected):
    assert bookmark_name(addressee) == expected


def test_a_registered_name_keeps_its_own_spelling_in_the_bookmark():
    registered = person("Liemt", "van")
    assert registered.person is not None
    registered.person.name_as_registered = True
    assert bookmark_name(registered) == "van Liemt WFC"


def test_file_names_stay_as_before_while_the_bookmark_capitalises():
    # A merge run again must write the same names (also where case does not count).
    assert merge_file_stems([person("Liemt", "van")]) == ["01-van-Liemt-WFC"]
    assert bookmark_name(person("Liemt", "van")) == "Van Liemt WFC"
