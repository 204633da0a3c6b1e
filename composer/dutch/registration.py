"""Registration numbers of an organisation: KvK number, IBAN and btw-identificatienummer.

Each `*_problem` returns "" for an empty or valid value, else a Dutch message that names the
value and says what a good one looks like. The `normalise_*`/`compact_iban` functions give the
form that is stored; `format_iban` the one that is printed.
"""

from __future__ import annotations

import re

from composer.i18n import _

# Characters people type between the parts of a number: spaces, dots, hyphens.
_SEPARATORS = re.compile(r"[\s.\-]+")

# ISO 13616 lengths of the IBAN of the SEPA countries; another country: 15 to 34 characters.
IBAN_LENGTHS = {
    "AD": 24, "AT": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24, "DE": 22, "DK": 18,
    "EE": 20, "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GI": 23, "GL": 18, "GR": 27,
    "HR": 21, "HU": 28, "IE": 22, "IS": 26, "IT": 27, "LI": 21, "LT": 20, "LU": 20, "LV": 21,
    "MC": 27, "MT": 31, "NL": 18, "NO": 15, "PL": 28, "PT": 25, "RO": 24, "SE": 24, "SI": 19,
    "SK": 24, "SM": 27, "VA": 22,
}  # fmt: skip

# The prefixes of VAT identification numbers in the EU (Greece: EL; Northern Ireland: XI).
EU_VAT_PREFIXES = frozenset({
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "HR", "HU", "IE",
    "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "XI",
})  # fmt: skip
_DUTCH_BTW = re.compile(r"NL\d{9}B\d{2}")
_FOREIGN_VAT = re.compile(r"[A-Z]{2}[0-9A-Z+*]{2,13}")
_IBAN = re.compile(r"[A-Z]{2}\d{2}[0-9A-Z]+")

KVK_EXAMPLE = "40123456"  # not screen text: an example number
IBAN_EXAMPLE = "NL91 ABNA 0417 1643 00"  # not screen text: an example number
BTW_EXAMPLE = "NL001234567B01"  # not screen text: an example number


def _compact(text: str) -> str:
    return _SEPARATORS.sub("", text).upper()


# KvK number


def normalise_kvk(text: str) -> str:
    """`40 12 34 56` → `40123456`."""
    return _compact(text)


def kvk_problem(text: str) -> str:
    number = normalise_kvk(text)
    if not number or (len(number) == 8 and number.isascii() and number.isdigit()):
        return ""
    return _(
        "Het KvK-nummer ‘{value}’ klopt niet: een KvK-nummer heeft 8 cijfers, zoals {example}."
    ).format(value=text.strip(), example=KVK_EXAMPLE)


# IBAN


def compact_iban(text: str) -> str:
    """`nl91 abna 0417 1643 00` → `NL91ABNA0417164300` (as stored)."""
    return _compact(text)


def format_iban(text: str) -> str:
    """`NL91ABNA0417164300` → `NL91 ABNA 0417 1643 00` (as printed: groups of four)."""
    iban = compact_iban(text)
    return " ".join(iban[start : start + 4] for start in range(0, len(iban), 4))


def iban_checksum_ok(iban: str) -> bool:
    """ISO 13616 / ISO 7064 mod 97-10: the number with its first four characters at the end,
    letters as 10…35, leaves 1 when divided by 97."""
    moved = iban[4:] + iban[:4]
    return int("".join(str(int(char, 36)) for char in moved)) % 97 == 1


def iban_problem(text: str) -> str:
    iban = compact_iban(text)
    if not iban:
        return ""
    value = text.strip()
    if not iban.isascii() or not _IBAN.fullmatch(iban):
        return _(
            "Het IBAN ‘{value}’ klopt niet: een IBAN begint met een landcode van twee letters "
            "en twee cijfers, zoals {example}."
        ).format(value=value, example=IBAN_EXAMPLE)
    country = iban[:2]
    expected = IBAN_LENGTHS.get(country)
    if expected is not None and len(iban) != expected:
        return _(
            "Het IBAN ‘{value}’ heeft {count} tekens; een IBAN uit {country} heeft er "
            "{expected}. Controleer of er een teken ontbreekt of te veel is."
        ).format(value=value, count=len(iban), country=country, expected=expected)
    if expected is None and not 15 <= len(iban) <= 34:
        return _(
            "Het IBAN ‘{value}’ heeft {count} tekens; een IBAN heeft er 15 tot 34. Controleer "
            "het nummer."
        ).format(value=value, count=len(iban))
    if country == "NL" and not re.fullmatch(r"NL\d\d[A-Z]{4}\d{10}", iban):
        return _(
            "Het IBAN ‘{value}’ klopt niet: na NL en twee cijfers volgen vier letters van de "
            "bank en tien cijfers, zoals {example}."
        ).format(value=value, example=IBAN_EXAMPLE)
    if not iban_checksum_ok(iban):
        return _(
            "Het IBAN ‘{value}’ bestaat niet: het controlegetal klopt niet. Controleer het "
            "nummer op een tikfout."
        ).format(value=value)
    return ""


# Btw-identificatienummer


def normalise_btw(text: str) -> str:
    """`nl 0012.34567.b01` → `NL001234567B01`."""
    return _compact(text)


def btw_problem(text: str) -> str:
    number = normalise_btw(text)
    if not number:
        return ""
    value = text.strip()
    if number.startswith("NL"):
        if _DUTCH_BTW.fullmatch(number):
            return ""
        return _(
            "Het btw-nummer ‘{value}’ klopt niet: een Nederlands btw-nummer is NL, 9 cijfers, "
            "de letter B en 2 cijfers, zoals {example}."
        ).format(value=value, example=BTW_EXAMPLE)
    if number.isascii() and number[:2] in EU_VAT_PREFIXES and _FOREIGN_VAT.fullmatch(number):
        return ""
    return _(
        "Het btw-nummer ‘{value}’ klopt niet: een btw-nummer begint met de landcode van een "
        "EU-land (zoals NL, BE of DE), gevolgd door het nummer, zoals {example}."
    ).format(value=value, example=BTW_EXAMPLE)
