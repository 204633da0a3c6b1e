"""The address block in the envelope window, following PostNL's rules for NL and abroad."""

from __future__ import annotations

import re

from babel import Locale

from composer.core.models import Address, Addressee
from composer.dutch.names import person_designation
from composer.dutch.postcodes import normalise_postcode, postcode_problem
from composer.errors import AddressError
from composer.i18n import N_, _, ngettext

MIN_ADDRESS_LINES = 3
MAX_ADDRESS_LINES = 6

# A typed, pasted (\x0b is Word's manual line break) or Unicode line break splits a field.
_LINE_BREAK = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_POSTBOX_WORD = re.compile(r"^postbus\s*", re.IGNORECASE)
# Codes in CLDR's territory list that are not countries a letter can go to.
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "ZZ", "QO", "XA", "XB"})
_POSTBOX_WORD_BY_COUNTRY = {"NL": "Postbus", "BE": "Postbus", "DE": "Postfach"}
# What is missing from a Dutch address (street or postbox, postcode, city) → the message and the
# one field it is about (None when it is about more than one).
_INCOMPLETE: dict[tuple[bool, bool, bool], tuple[str, str | None]] = {
    (True, False, False): (
        N_("Het adres is onvolledig: de straat (of de postbus) ontbreekt. Vul het adres aan."),
        "address.street",
    ),
    (False, True, False): (
        N_("Het adres is onvolledig: de postcode ontbreekt. Vul het adres aan."),
        "address.postcode",
    ),
    (False, False, True): (
        N_("Het adres is onvolledig: de plaats ontbreekt. Vul het adres aan."),
        "address.city",
    ),
    (True, True, False): (
        N_(
            "Het adres is onvolledig: de straat (of de postbus) en de postcode ontbreken. "
            "Vul het adres aan."
        ),
        None,
    ),
    (True, False, True): (
        N_(
            "Het adres is onvolledig: de straat (of de postbus) en de plaats ontbreken. "
            "Vul het adres aan."
        ),
        None,
    ),
    (False, True, True): (
        N_("Het adres is onvolledig: de postcode en de plaats ontbreken. Vul het adres aan."),
        None,
    ),
    (True, True, True): (
        N_(
            "Het adres is onvolledig: de straat (of de postbus), de postcode en de plaats "
            "ontbreken. Vul het adres aan."
        ),
        None,
    ),
}


def _country_code(address: Address) -> str:
    return address.country.strip().upper() or "NL"


def country_name(code: str) -> str:
    """The country in English capitals, as PostNL wants it on the last line: `BELGIUM`."""
    code = code.strip().upper()
    name = Locale("en").territories.get(code) if len(code) == 2 else None
    if name is None or code in _NOT_COUNTRIES:
        raise AddressError(
            _(
                "Het land ‘{code}’ is onbekend. Gebruik een landcode van twee letters, "
                "zoals NL, BE, DE of GB."
            ).format(code=code),
            field="address.country",
        )
    return name.upper()


def _join(*parts: str) -> str:
    return " ".join(part.strip() for part in parts if part.strip())


def _postbox_line(postbox: str, country: str) -> str:
    """`123` or `postbus 123` → `Postbus 123` (NL); abroad a bare number gets the local word."""
    text = postbox.strip()
    if country == "NL" or _POSTBOX_WORD.match(text):
        return f"Postbus {_POSTBOX_WORD.sub('', text)}"
    if text.isdigit():
        return f"{_POSTBOX_WORD_BY_COUNTRY.get(country, 'PO Box')} {text}"
    return text


def _delivery_line(address: Address, country: str) -> str:
    """The street line, or the postbox line instead of it when a postbox is given."""
    if address.postbox.strip():
        return _postbox_line(address.postbox, country)
    if country in ("GB", "US"):
        return _join(address.house_number, address.street)
    return _join(address.street, address.house_number)


def _check_dutch_address(address: Address) -> None:
    """PostNL needs a street or postbox, a valid postcode and a city; say what is missing."""
    missing = (
        not _join(address.street, address.postbox),
        not address.postcode.strip(),
        not address.city.strip(),
    )
    if any(missing):
        message, field = _INCOMPLETE[missing]
        raise AddressError(_(message), field=field)
    if (problem := postcode_problem(address.postcode)) is not None:
        raise AddressError(problem, field="address.postcode")


def _dutch_place_lines(address: Address) -> list[str]:
    _check_dutch_address(address)
    # One space inside the postcode, two before the city, the city in capitals.
    return [f"{normalise_postcode(address.postcode)}  {address.city.strip().upper()}"]


def _foreign_place_lines(address: Address, country: str) -> list[str]:
    if not address.city.strip():
        raise AddressError(_("De plaats ontbreekt. Vul de plaats in."), field="address.city")
    city = address.city.strip().upper()
    postcode = address.postcode.strip()
    if country == "GB":
        return [city, postcode.upper()]
    if country == "US":
        return ["  ".join(part for part in (_join(city, address.region.upper()), postcode) if part)]
    return ["  ".join(part for part in (postcode, city) if part)]


def _addressee_lines(addressee: Addressee) -> list[str]:
    """Organisation, department and the person (with "T.a.v." when a line precedes it)."""
    lines = [addressee.organisation, addressee.department]
    has_lines_above = any(line.strip() for line in lines)
    person = addressee.person
    designation = (
        person_designation(person, start_of_line=not has_lines_above) if person is not None else ""
    )
    person_line = ", ".join(part for part in (designation, addressee.role.strip()) if part)
    if person_line and has_lines_above:
        person_line = f"T.a.v. {person_line}"
    return [*lines, person_line]


def _split_lines(fields: list[str]) -> list[str]:
    """Every field split on its line breaks, each line stripped, empty lines dropped."""
    lines = (line.strip() for field in fields for line in _LINE_BREAK.split(field))
    return [line for line in lines if line]


def _check_line_count(lines: list[str]) -> None:
    count = len(lines)
    if count > MAX_ADDRESS_LINES:
        raise AddressError(
            _(
                "Het adresblok telt {count} regels; PostNL staat er hoogstens {maximum} toe. "
                "Maak het korter: zet de naam van de organisatie op één regel, of laat de "
                "afdeling of de functie weg."
            ).format(count=count, maximum=MAX_ADDRESS_LINES)
        )
    if count < MIN_ADDRESS_LINES:
        raise AddressError(
            ngettext(
                "Het adres is onvolledig: het adresblok telt maar {count} regel en PostNL vraagt "
                "er minstens {minimum}. Vul een naam of organisatie, een straat of postbus en "
                "een plaats in.",
                "Het adres is onvolledig: het adresblok telt maar {count} regels en PostNL vraagt "
                "er minstens {minimum}. Vul een naam of organisatie, een straat of postbus en "
                "een plaats in.",
                count,
            ).format(count=count, minimum=MIN_ADDRESS_LINES)
        )


def address_lines(addressee: Addressee) -> list[str]:
    """The address block as lines, ready for the envelope window; AddressError if it cannot be."""
    address = addressee.address
    country = _country_code(address)
    if country == "NL":
        place_lines = _dutch_place_lines(address)
    else:
        country_line = country_name(country)  # first: an unknown country is the real problem
        place_lines = [*_foreign_place_lines(address, country), country_line]
    fields = [*_addressee_lines(addressee), _delivery_line(address, country), *place_lines]
    lines = _split_lines(fields)
    _check_line_count(lines)
    return lines
