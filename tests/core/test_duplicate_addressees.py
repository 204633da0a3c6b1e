"""The same addressee twice in a letter: found without case or spacing, named by number."""

from __future__ import annotations

from composer.core.duplicate_addressees import duplicate_groups, duplicate_warning
from composer.core.models import Address, Addressee, Person


def ksf(**changes) -> Addressee:
    address = Address(street="Stationsweg", house_number="12", postcode="3941 EK", city="Doorn")
    addressee = Addressee(
        organisation="Klantenservice Federatie",
        person=Person(form="heer", initials="N.", infix="van", surname="Liemt"),
        address=address,
    )
    for key, value in changes.items():
        target = addressee.address if hasattr(addressee.address, key) else addressee
        setattr(target, key, value)
    return addressee


def other() -> Addressee:
    return Addressee(organisation="WFC", address=Address(city="Utrecht"))


def test_two_the_same_are_named_by_their_numbers():
    letter = [ksf(), other(), ksf()]
    assert duplicate_groups(letter) == [[1, 3]]
    assert duplicate_warning(letter) == "Geadresseerde 1 en 3 zijn dezelfde."


def test_case_spaces_and_the_postcode_space_do_not_make_them_different():
    copy = ksf(organisation="KLANTENSERVICE  federatie ", postcode="3941ek", city=" doorn")
    copy.person.form = "neutraal"  # the same person, written with another form of address
    assert duplicate_warning([ksf(), copy]) == "Geadresseerde 1 en 2 zijn dezelfde."


def test_three_the_same_and_a_second_pair_each_get_a_sentence():
    letter = [ksf(), other(), ksf(), other(), ksf()]
    assert duplicate_warning(letter) == (
        "Geadresseerde 1, 3 en 5 zijn dezelfde. Geadresseerde 2 en 4 zijn dezelfde."
    )


def test_another_house_number_or_department_is_another_addressee():
    assert duplicate_groups([ksf(), ksf(house_number="14")]) == []
    assert duplicate_groups([ksf(), ksf(department="Inkoop")]) == []
    assert duplicate_warning([ksf(), other()]) == ""


def test_empty_new_addressees_are_not_a_mistake():
    assert duplicate_groups([Addressee(), Addressee(address=Address())]) == []
