"""KvK number, IBAN and btw-identificatienummer: accepted as people type them, refused in Dutch."""

from __future__ import annotations

import pytest

from composer.dutch.registration import (
    btw_problem,
    compact_iban,
    format_iban,
    iban_problem,
    kvk_problem,
    normalise_btw,
    normalise_kvk,
)


@pytest.mark.parametrize("typed", ["", "   ", "40123456", "40 12 34 56", "4012.3456"])
def test_a_kvk_number_of_eight_digits_is_accepted(typed):
    assert kvk_problem(typed) == ""


def test_a_kvk_number_is_stored_without_spaces_or_dots():
    assert normalise_kvk(" 40 12.34 56 ") == "40123456"


@pytest.mark.parametrize("typed", ["4012345", "401234567", "4012345a", "４０１２３４５６"])
def test_a_kvk_number_that_is_not_eight_digits_is_refused_naming_it(typed):
    assert kvk_problem(typed) == (
        f"Het KvK-nummer ‘{typed}’ klopt niet: een KvK-nummer heeft 8 cijfers, zoals 40123456."
    )


@pytest.mark.parametrize(
    "typed",
    [
        "NL91ABNA0417164300",
        "nl91 abna 0417 1643 00",
        "NL91 ABNA 0417 1643 00",
        "DE89 3704 0044 0532 0130 00",  # the German example of the standard
        "BE68 5390 0754 7034",
    ],
)
def test_a_real_iban_is_accepted(typed):
    assert iban_problem(typed) == ""


def test_an_iban_is_stored_compact_and_printed_in_groups_of_four():
    assert compact_iban("nl91 abna 0417 1643 00") == "NL91ABNA0417164300"
    assert format_iban("NL91ABNA0417164300") == "NL91 ABNA 0417 1643 00"
    assert format_iban("nl91abna0417164300") == "NL91 ABNA 0417 1643 00"


def test_an_iban_with_one_digit_changed_fails_the_check():
    assert iban_problem("NL91ABNA0417164301") == (
        "Het IBAN ‘NL91ABNA0417164301’ bestaat niet: het controlegetal klopt niet. Controleer het "
        "nummer op een tikfout."
    )
    assert "controlegetal" in iban_problem("NL92 ABNA 0417 1643 00")
    assert "controlegetal" in iban_problem("NL91ABNA0417164310")  # two digits swapped


def test_an_iban_of_the_wrong_length_says_how_long_it_should_be():
    assert iban_problem("NL91ABNA041716430") == (
        "Het IBAN ‘NL91ABNA041716430’ heeft 17 tekens; een IBAN uit NL heeft er 18. Controleer "
        "of er een teken ontbreekt of te veel is."
    )


@pytest.mark.parametrize("typed", ["0417164300", "ABNA0417164300", "NL9X ABNA 0417 1643 00"])
def test_something_that_does_not_start_like_an_iban_is_refused(typed):
    assert iban_problem(typed).startswith(f"Het IBAN ‘{typed}’ klopt niet: een IBAN begint met")


def test_a_dutch_iban_needs_a_bank_code_of_four_letters():
    # The right length and a passing checksum do not make "NL" + 16 digits an IBAN.
    assert "vier letters van de bank" in iban_problem("NL12 3456 7890 1234 56")


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("NL001234567B01", "NL001234567B01"),
        ("nl001234567b01", "NL001234567B01"),
        ("NL 0012.34567.B01", "NL001234567B01"),
        ("DE123456789", "DE123456789"),  # another EU country: its own format, checked loosely
        ("BE 0123.456.789", "BE0123456789"),
    ],
)
def test_a_btw_number_is_accepted_and_normalised(typed, stored):
    assert btw_problem(typed) == ""
    assert normalise_btw(typed) == stored


@pytest.mark.parametrize("typed", ["NL001234567B1", "NL00123456B01", "NL001234567801"])
def test_a_dutch_btw_number_in_another_shape_is_refused(typed):
    assert btw_problem(typed) == (
        f"Het btw-nummer ‘{typed}’ klopt niet: een Nederlands btw-nummer is NL, 9 cijfers, de "
        "letter B en 2 cijfers, zoals NL001234567B01."
    )


@pytest.mark.parametrize("typed", ["001234567B01", "US123456789", "GB123456789", "DE1"])
def test_a_btw_number_without_an_eu_country_code_is_refused(typed):
    assert btw_problem(typed).startswith(
        f"Het btw-nummer ‘{typed}’ klopt niet: een btw-nummer begint met de landcode van een "
        "EU-land"
    )
