"""Addressee fields read from a list: the parsed row and the cell values turned into letter data."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from babel import Locale

from composer.core.models import ADDRESS_KEYS, PERSON_KEYS
from composer.dutch.addresses import country_name
from composer.dutch.postcodes import normalise_postcode
from composer.errors import AddressError
from composer.i18n import _

# The address as a whole, when no single column is to blame (e.g. too many lines).
WHOLE_ADDRESS = "adres"  # not screen text: a key, never shown


@dataclass
class ParsedRow:
    """One addressee as read, before validation; `fields` maps data paths to the user's names."""

    number: int
    label: str
    data: dict[str, Any]
    fields: dict[str, str]  # "address.postcode" → "Postcode" (column header) or "ADR" (vCard)
    whole_address: str  # the field to blame for the address as a whole
    field_word: str  # "kolom" or "veld", as messages name the field (a key, not screen text)
    problems: list[tuple[str, str]] = field(default_factory=list)
    # Data paths already reported by the conversion; the schema's complaint would repeat it.
    reported_paths: set[str] = field(default_factory=set)


_FORMS = {
    "mevrouw": "mevrouw",
    "mevr": "mevrouw",
    "mw": "mevrouw",
    "mej": "mevrouw",
    "heer": "heer",
    "de heer": "heer",
    "dhr": "heer",
    "hr": "heer",
    "meneer": "heer",
    "neutraal": "neutraal",
    "": "",
    "onbekend": "",
    "heer of mevrouw": "",
    "mevrouw of heer": "",
    "heer/mevrouw": "",
    "mevrouw/heer": "",
    "dhr/mevr": "",
    "mevr/dhr": "",
}


def person_form(text: str) -> tuple[str, str | None]:
    """`Mevr.` → `mevrouw`, `dhr.` → `heer`, empty → `""` (unknown); else (text, problem)."""
    key = re.sub(r"\s+", " ", text.lower().replace(".", " ")).strip()
    key = re.sub(r"\s*/\s*", "/", key)
    if key in _FORMS:
        return _FORMS[key], None
    return text, _(
        "De aanhef ‘{text}’ is onbekend. Gebruik mevrouw, heer of neutraal, of laat de cel leeg."
    ).format(text=text)


_YES = frozenset({"ja", "j", "true", "waar", "1", "yes", "y", "x"})
_NO = frozenset({"nee", "n", "false", "onwaar", "0", "no", ""})


def yes_no(text: str) -> tuple[bool | str, str | None]:
    """`ja`/`true`/`1` → True, `nee`/`false`/`0`/empty → False; else (text, problem)."""
    key = text.strip().lower()
    if key in _YES:
        return True, None
    if key in _NO:
        return False, None
    return text, _("‘{text}’ is geen ja of nee. Vul ja of nee in, of laat de cel leeg.").format(
        text=text
    )


# Names people use that are not the CLDR names in Dutch or English.
_COUNTRY_ALIASES = {
    "holland": "NL",
    "the netherlands": "NL",
    "engeland": "GB",
    "england": "GB",
    "groot-brittannie": "GB",
    "groot brittannie": "GB",
    "great britain": "GB",
    "uk": "GB",
    "verenigde staten van amerika": "US",
    "united states of america": "US",
    "amerika": "US",
    "usa": "US",
    "vs": "US",
}


def _name_key(text: str) -> str:
    """Lowercase, accents dropped, dots dropped, whitespace collapsed: `België` → `belgie`."""
    decomposed = unicodedata.normalize("NFKD", text.replace(".", ""))
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(plain.lower().split())


def _is_country(code: str) -> bool:
    try:
        country_name(code)
    except AddressError:
        return False
    return True


@functools.cache
def _country_names() -> dict[str, str]:
    """Every country name in Dutch and English (CLDR) → its ISO code."""
    names: dict[str, str] = {}
    for language in ("en", "nl"):
        for code, name in Locale(language).territories.items():
            if len(code) == 2 and code.isalpha() and _is_country(code):
                names[_name_key(name)] = code
    names.update(_COUNTRY_ALIASES)
    return names


def country_code(text: str) -> tuple[str, str | None]:
    """`NL`, `nl`, `Nederland`, `Belgie`, `Germany` → ISO code; empty → `NL`; else a problem.

    Any other two letters are kept as a code: the address block reports an unknown one.
    """
    key = _name_key(text)
    if not key:
        return "NL", None
    if key in _country_names():
        return _country_names()[key], None
    if len(key) == 2 and key.isalpha() and key.isascii():
        return key.upper(), None
    return text, _(
        "Het land ‘{text}’ is onbekend. Gebruik een landcode van twee letters, zoals NL, BE, "
        "DE of GB, of de naam van het land, zoals België."
    ).format(text=text)


def build_data(values: dict[str, Any], *, with_person: bool) -> dict[str, Any]:
    """The addressee as in the letter file from flat values keyed by data path."""
    data: dict[str, Any] = {
        "organisation": values.get("organisation", ""),
        "department": values.get("department", ""),
    }
    if with_person:
        defaults: dict[str, Any] = {"name_as_registered": False}
        data["person"] = {
            key: values.get(f"person.{key}", defaults.get(key, "")) for key in PERSON_KEYS
        }
    data["role"] = values.get("role", "")
    if values.get("email"):
        data["email"] = values["email"]  # as the letter file: only when given
    address = {key: values.get(f"address.{key}", "") for key in ADDRESS_KEYS if key != "region"}
    if values.get("address.region"):
        address["region"] = values["address.region"]  # as the letter file: only when given
    if address["country"] == "NL":
        address["postcode"] = normalise_postcode(address["postcode"])
    data["address"] = address
    return data
