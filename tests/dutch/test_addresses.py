"""Table-driven tests for the PostNL address block (address_lines)."""

from __future__ import annotations

import pytest

from composer.core.models import Address, Addressee, Person
from composer.dutch.addresses import address_lines, country_name
from composer.errors import AddressError

VAN_LIEMT = Person(form="heer", initials="N.", infix="van", surname="Liemt")
HEEMSKERK = Person(form="mevrouw", initials="E.", surname="Heemskerk")
VERBEEK = Person(form="neutraal", initials="K.", first_name="Kim", surname="Verbeek")
KSF_ADDRESS = Address(
    street="Driebergsestraatweg", house_number="27", postcode="3941 ZS", city="Doorn"
)

VAN_DER_AA = Person(form="heer", infix="van der", surname="Aa")

ADDRESS_CASES = [
    (
        "no initials: the tussenvoegsel takes a capital at the start of the block",
        Addressee(person=VAN_DER_AA, address=KSF_ADDRESS),
        ["De heer Van der Aa", "Driebergsestraatweg 27", "3941 ZS  DOORN"],
    ),
    (
        "no initials: the tussenvoegsel takes a capital after T.a.v. de heer",
        Addressee(organisation="Qlix", person=VAN_DER_AA, role="directeur", address=KSF_ADDRESS),
        [
            "Qlix",
            "T.a.v. de heer Van der Aa, directeur",
            "Driebergsestraatweg 27",
            "3941 ZS  DOORN",
        ],
    ),
    (
        "'t and d' stay lowercase, with the typographic apostrophe",
        Addressee(
            organisation="Qlix",
            person=Person(form="mevrouw", infix="d'", surname="Ancona"),
            address=KSF_ADDRESS,
        ),
        ["Qlix", "T.a.v. mevrouw d’Ancona", "Driebergsestraatweg 27", "3941 ZS  DOORN"],
    ),
    (
        "NL street, T.a.v. heer with role",
        Addressee(
            organisation="Werkgeversvereniging Facilitaire Contactcenters (WFC)",
            person=VAN_LIEMT,
            role="voorzitter",
            address=KSF_ADDRESS,
        ),
        [
            "Werkgeversvereniging Facilitaire Contactcenters (WFC)",
            "T.a.v. de heer N. van Liemt, voorzitter",
            "Driebergsestraatweg 27",
            "3941 ZS  DOORN",
        ],
    ),
    (
        "T.a.v. mevrouw with role",
        Addressee(
            organisation="FNV",
            person=HEEMSKERK,
            role="bestuurder FNV Callcenters",
            address=Address(postbox="9208", postcode="3506 GE", city="Utrecht"),
        ),
        [
            "FNV",
            "T.a.v. mevrouw E. Heemskerk, bestuurder FNV Callcenters",
            "Postbus 9208",
            "3506 GE  UTRECHT",
        ],
    ),
    (
        "T.a.v. neutral: no heer or mevrouw",
        Addressee(organisation="Qlix", person=VERBEEK, address=KSF_ADDRESS),
        ["Qlix", "T.a.v. K. Verbeek", "Driebergsestraatweg 27", "3941 ZS  DOORN"],
    ),
    (
        "T.a.v. unknown form",
        Addressee(
            organisation="Qlix",
            person=Person(initials="R.", surname="Harmsen"),
            address=KSF_ADDRESS,
        ),
        ["Qlix", "T.a.v. R. Harmsen", "Driebergsestraatweg 27", "3941 ZS  DOORN"],
    ),
    (
        "postbox replaces the street when both are given",
        Addressee(
            organisation="CNV Vakmensen",
            address=Address(
                street="Tiberdreef",
                house_number="4",
                postbox="2525",
                postcode="3500 GM",
                city="Utrecht",
            ),
        ),
        ["CNV Vakmensen", "Postbus 2525", "3500 GM  UTRECHT"],
    ),
    (
        "postbox given as 'postbus 626' is written once",
        Addressee(
            organisation="Stadsregio Amsterdam",
            address=Address(postbox="postbus 626", postcode="1000 AP", city="Amsterdam"),
        ),
        ["Stadsregio Amsterdam", "Postbus 626", "1000 AP  AMSTERDAM"],
    ),
    (
        "lowercase postcode without space normalised",
        Addressee(
            organisation="KSF",
            address=Address(
                street="Driebergsestraatweg", house_number="27", postcode=" 3941zs ", city="Doorn"
            ),
        ),
        ["KSF", "Driebergsestraatweg 27", "3941 ZS  DOORN"],
    ),
    (
        "person without organisation: first line, capitalised, no T.a.v.",
        Addressee(person=VAN_LIEMT, role="voorzitter", address=KSF_ADDRESS),
        ["De heer N. van Liemt, voorzitter", "Driebergsestraatweg 27", "3941 ZS  DOORN"],
    ),
    (
        "mevrouw without organisation",
        Addressee(person=HEEMSKERK, address=KSF_ADDRESS),
        ["Mevrouw E. Heemskerk", "Driebergsestraatweg 27", "3941 ZS  DOORN"],
    ),
    (
        "department under the organisation",
        Addressee(
            organisation="Teleperformance",
            department="Afdeling HR",
            person=HEEMSKERK,
            address=KSF_ADDRESS,
        ),
        [
            "Teleperformance",
            "Afdeling HR",
            "T.a.v. mevrouw E. Heemskerk",
            "Driebergsestraatweg 27",
            "3941 ZS  DOORN",
        ],
    ),
    (
        "country in lowercase 'nl' is domestic",
        Addressee(
            organisation="KSF",
            address=Address(
                street="Driebergsestraatweg",
                house_number="27",
                postcode="3941 ZS",
                city="Doorn",
                country="nl",
            ),
        ),
        ["KSF", "Driebergsestraatweg 27", "3941 ZS  DOORN"],
    ),
    (
        "empty country is domestic",
        Addressee(
            organisation="KSF",
            address=Address(
                street="Driebergsestraatweg",
                house_number="27",
                postcode="3941 ZS",
                city="Doorn",
                country="",
            ),
        ),
        ["KSF", "Driebergsestraatweg 27", "3941 ZS  DOORN"],
    ),
    (
        "line break inside the organisation counts as two lines",
        Addressee(organisation="Klantenservice\r\nFederatie", address=KSF_ADDRESS),
        ["Klantenservice", "Federatie", "Driebergsestraatweg 27", "3941 ZS  DOORN"],
    ),
    (
        "Belgium: postcode before the city, country last",
        Addressee(
            organisation="Contactcenter Vlaanderen",
            person=Person(
                form="mevrouw",
                initials="P.",
                infix="Van der",
                surname="Meeren",
                name_as_registered=True,
            ),
            address=Address(
                street="Wetstraat", house_number="16", postcode="1000", city="Brussel", country="be"
            ),
        ),
        [
            "Contactcenter Vlaanderen",
            "T.a.v. mevrouw P. Van der Meeren",
            "Wetstraat 16",
            "1000  BRUSSEL",
            "BELGIUM",
        ],
    ),
    (
        "Germany",
        Addressee(
            organisation="Callcenter GmbH",
            address=Address(
                street="Hauptstraße",
                house_number="5",
                postcode="10115",
                city="Berlin",
                country="DE",
            ),
        ),
        ["Callcenter GmbH", "Hauptstraße 5", "10115  BERLIN", "GERMANY"],
    ),
    (
        "United Kingdom: number before street, postcode on its own line",
        Addressee(
            organisation="Prime Minister's Office",
            address=Address(
                street="Downing Street",
                house_number="10",
                postcode="sw1a 2aa",
                city="London",
                country="GB",
            ),
        ),
        ["Prime Minister's Office", "10 Downing Street", "LONDON", "SW1A 2AA", "UNITED KINGDOM"],
    ),
    (
        "United States: CITY ST  ZIP",
        Addressee(
            organisation="Contact Center Inc.",
            address=Address(
                street="Pennsylvania Avenue NW",
                house_number="1600",
                postcode="20500",
                city="Washington",
                region="dc",
                country="US",
            ),
        ),
        [
            "Contact Center Inc.",
            "1600 Pennsylvania Avenue NW",
            "WASHINGTON DC  20500",
            "UNITED STATES",
        ],
    ),
    (
        "other country: street + number, postcode  CITY, country",
        Addressee(
            organisation="Centre d'appels",
            address=Address(
                street="Rue de Rivoli",
                house_number="10",
                postcode="75001",
                city="Paris",
                country="FR",
            ),
        ),
        ["Centre d'appels", "Rue de Rivoli 10", "75001  PARIS", "FRANCE"],
    ),
    (
        "abroad: no Dutch postcode check",
        Addressee(
            organisation="Callcenter GmbH",
            address=Address(
                street="Hauptstraße", house_number="5", postcode="SA 1", city="Berlin", country="DE"
            ),
        ),
        ["Callcenter GmbH", "Hauptstraße 5", "SA 1  BERLIN", "GERMANY"],
    ),
]


@pytest.mark.parametrize(
    ("addressee", "expected"),
    [case[1:] for case in ADDRESS_CASES],
    ids=[case[0] for case in ADDRESS_CASES],
)
def test_address_lines(addressee: Addressee, expected: list[str]) -> None:
    assert address_lines(addressee) == expected


ERROR_CASES = [
    (
        "unknown country code",
        Addressee(
            organisation="X",
            address=Address(street="Main", house_number="1", city="Nowhere", country="QQ"),
        ),
        "Het land ‘QQ’ is onbekend",
    ),
    (
        "non-country CLDR code",
        Addressee(
            organisation="X",
            address=Address(street="Main", house_number="1", city="Brussels", country="EU"),
        ),
        "Het land ‘EU’ is onbekend",
    ),
    (
        "invalid postcode names the value",
        Addressee(
            organisation="KSF",
            address=Address(
                street="Lange Voorhout", house_number="1", postcode="25110 AB", city="Den Haag"
            ),
        ),
        "De postcode is ongeldig (‘25110 AB’). Gebruik vier cijfers en twee letters, "
        "zoals 2511 AB.",
    ),
    (
        "SA postcode",
        Addressee(
            organisation="KSF",
            address=Address(
                street="Lange Voorhout", house_number="1", postcode="2511 sa", city="Den Haag"
            ),
        ),
        "De postcode is ongeldig (‘2511 sa’)",
    ),
    (
        "missing city",
        Addressee(
            organisation="KSF",
            address=Address(street="Driebergsestraatweg", house_number="27", postcode="3941 ZS"),
        ),
        "Het adres is onvolledig: de plaats ontbreekt. Vul het adres aan.",
    ),
    (
        "missing postcode",
        Addressee(
            organisation="KSF",
            address=Address(street="Driebergsestraatweg", house_number="27", city="Doorn"),
        ),
        "Het adres is onvolledig: de postcode ontbreekt. Vul het adres aan.",
    ),
    (
        "missing street, postcode and city",
        Addressee(organisation="KSF"),
        "Het adres is onvolledig: de straat (of de postbus), de postcode en de plaats "
        "ontbreken. Vul het adres aan.",
    ),
    (
        "abroad missing city",
        Addressee(
            organisation="Callcenter GmbH",
            address=Address(street="Hauptstraße", house_number="5", country="DE"),
        ),
        "De plaats ontbreekt.",
    ),
    (
        "more than 6 lines: organisation with line breaks",
        Addressee(
            organisation="Werkgeversvereniging\nFacilitaire\x0bContactcenters",
            department="Secretariaat",
            person=VAN_LIEMT,
            role="voorzitter",
            address=KSF_ADDRESS,
        ),
        "Het adresblok telt 7 regels; PostNL staat er hoogstens 6 toe.",
    ),
    (
        "fewer than 3 lines: no name at all",
        Addressee(address=KSF_ADDRESS),
        "Het adres is onvolledig: het adresblok telt maar 2 regels en PostNL vraagt er minstens 3.",
    ),
]


@pytest.mark.parametrize(
    ("addressee", "message_part"),
    [case[1:] for case in ERROR_CASES],
    ids=[case[0] for case in ERROR_CASES],
)
def test_address_errors(addressee: Addressee, message_part: str) -> None:
    with pytest.raises(AddressError) as caught:
        address_lines(addressee)
    assert message_part in caught.value.message


@pytest.mark.parametrize(
    ("code", "expected"),
    [("BE", "BELGIUM"), ("gb", "UNITED KINGDOM"), ("US", "UNITED STATES"), ("DE", "GERMANY")],
)
def test_country_name(code: str, expected: str) -> None:
    assert country_name(code) == expected
