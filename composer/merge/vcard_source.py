"""vCards (3.0 and 4.0) as addressees: ORG, N or FN, TITLE or ROLE, ADR, EMAIL and, in 4.0,
GENDER."""

from __future__ import annotations

import re
from typing import Any

import vobject

from composer.core.models import ADDRESS_KEYS, PERSON_KEYS
from composer.errors import ComposerError
from composer.i18n import _
from composer.merge import limits
from composer.merge.csv_source import decode_text
from composer.merge.fields import ParsedRow, build_data, country_code
from composer.merge.vcard_lines import TOO_LONG, kept_text

# Dutch tussenvoegsels a family name can start with (after "’" is read as "'").
_INFIXES = frozenset(
    {
        "van", "de", "der", "den", "het", "'t", "te", "ter", "ten", "'s", "d'", "l'",
        "van der", "van den", "van de", "van het", "van 't", "van 's", "van ter",
        "in 't", "in de", "in den", "in het", "op de", "op den", "op het", "op 't", "op ten",
        "uit de", "uit den", "uit het", "uit 't", "aan de", "aan den", "aan het", "bij de",
        "onder de", "over de", "voor de", "voor den", "la", "le", "du", "des", "de la",
        "von", "von der", "zu", "vanden", "vander",
    }
)  # fmt: skip
_INFIX_FIRST_WORDS = frozenset(infix.split()[0] for infix in _INFIXES)
_ELIDED = re.compile(r"^(d'|l')(?=\w)", re.IGNORECASE)  # d'Ancona: no space after the infix
_POSTBOX = re.compile(r"^postbus\s*(\d[\d ]*)$", re.IGNORECASE)
_POSTBOX_WORD = re.compile(r"^postbus\s*", re.IGNORECASE)
_STREET_AND_NUMBER = re.compile(r"^(?P<street>.*\S)\s+(?P<number>\d+(?:[\s\-]*[^\W_]{1,4})?)$")
# Countries that write the house number before the street: their street stays as written.
_NUMBER_FIRST = frozenset({"GB", "US", "CA", "AU", "NZ", "IE", "FR"})
_FORM_BY_GENDER = {"M": "heer", "F": "mevrouw", "U": "", "": ""}


def _plain(text: str) -> str:
    return text.replace("’", "'").replace("‘", "'").lower()


def split_infix(family: str) -> tuple[str, str]:
    """`van der Velde` → (`van der`, `Velde`); `d'Ancona` → (`d'`, `Ancona`); else ("", family)."""
    tokens = family.split()
    for count in range(min(3, len(tokens) - 1), 0, -1):
        if _plain(" ".join(tokens[:count])) in _INFIXES:
            return " ".join(tokens[:count]), " ".join(tokens[count:])
    elided = _ELIDED.match(_plain(family))
    if elided and " " not in family:
        return family[: elided.end()], family[elided.end() :]
    return "", family


def split_full_name(full_name: str) -> tuple[str, str]:
    """FN `Anna Maria van der Velde` → (`Anna Maria`, `van der Velde`); one word is a surname."""
    tokens = full_name.split()
    for index in range(1, len(tokens) - 1):
        if _plain(tokens[index]) in _INFIX_FIRST_WORDS:
            return " ".join(tokens[:index]), " ".join(tokens[index:])
    return " ".join(tokens[:-1]), " ".join(tokens[-1:])


def initials_of(given: str) -> str:
    """`Norbert` → `N.`, `Anna Maria` → `A.M.`, `Jan-Willem` → `J.W.`, `IJsbrand` → `IJ.`."""
    letters = []
    for part in re.split(r"[\s.\-]+", given):
        if part[:2] in ("IJ", "Ij"):
            letters.append("IJ")
        elif part:
            letters.append(part[0].upper())
    return "".join(f"{letter}." for letter in letters)


def split_street(street: str, country: str) -> tuple[str, str, str]:
    """(street, house number, postbox): `Voorbeeldstraat 12a` → number `12a`; `Postbus 123`."""
    postbox = _POSTBOX.match(street)
    if postbox:
        return "", "", postbox.group(1).strip()
    parts = _STREET_AND_NUMBER.match(street)
    if parts is None or country in _NUMBER_FIRST or "\n" in street:
        return street, "", ""
    return parts.group("street"), parts.group("number"), ""


def _text(value: Any) -> str:
    """A vCard value (text, or a list of texts for a structured part) as one stripped text."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return " ".join(text for item in value if (text := _text(item)))
    return str(value).strip()


def _lines(card: Any, name: str) -> list[Any]:
    return list(card.contents.get(name, []))


def _first_text(card: Any, name: str) -> str:
    return next((text for line in _lines(card, name) if (text := _text(line.value))), "")


def _chosen_address(card: Any) -> Any | None:
    """The preferred ADR, else the work address, else the first one."""
    addresses = _lines(card, "adr")
    for wanted in ("pref", "work"):
        chosen = next((line for line in addresses if _marked(line, wanted)), None)
        if chosen is not None:
            return chosen.value
    return addresses[0].value if addresses else None


def _marked(line: Any, wanted: str) -> bool:
    """`TYPE=pref` or `TYPE=INTERNET` (3.0, also as `TYPE=INTERNET,PREF`) or `PREF=1` (4.0)."""
    types = [_plain(str(kind)) for kind in line.params.get("TYPE", [])]
    return wanted in types or (wanted == "pref" and "PREF" in line.params)


def _chosen_email(card: Any) -> str:
    """The preferred EMAIL, else the first marked INTERNET, else the first one."""
    emails = [line for line in _lines(card, "email") if _text(line.value)]
    for wanted in ("pref", "internet"):
        chosen = next((line for line in emails if _marked(line, wanted)), None)
        if chosen is not None:
            emails = [chosen]
            break
    text = _text(emails[0].value) if emails else ""
    return text[len("mailto:") :] if text.lower().startswith("mailto:") else text


def _organisation(card: Any) -> tuple[str, str]:
    lines = _lines(card, "org")
    value = lines[0].value if lines else []
    parts = [_text(part) for part in (value if isinstance(value, list) else [value])]
    parts = [part for part in parts if part]
    return (parts[0] if parts else ""), ", ".join(parts[1:])


def _form(card: Any) -> str:
    """GENDER in vCard 4.0 only: M → heer, F → mevrouw, U (unknown) → "", other → neutraal."""
    if _first_text(card, "version") != "4.0":
        return ""  # never guessed, certainly not from the first name
    sex = _first_text(card, "gender").split(";")[0].strip().upper()
    return _FORM_BY_GENDER.get(sex, "neutraal")


def _person(card: Any, organisation: str, country: str) -> tuple[dict[str, Any], str] | None:
    """The person's name parts and the property they came from (N, else FN); None: no person."""
    name = _lines(card, "n")
    parts = name[0].value if name else None
    family = _text(getattr(parts, "family", ""))
    given = _text(getattr(parts, "given", ""))
    additional = _text(getattr(parts, "additional", ""))
    source = "N"
    if not (family or given):
        full_name = _first_text(card, "fn")
        is_organisation = _first_text(card, "kind").lower() == "org" or (
            _first_text(card, "x-abshowas").upper() == "COMPANY"
        )
        if not full_name or full_name == organisation or is_organisation:
            return None
        given, family = split_full_name(full_name)
        additional, source = "", "FN"
    infix, surname = split_infix(family) if country == "NL" else ("", family)
    if not infix and country == "NL" and _plain(additional) in _INFIXES:
        infix = additional  # the tussenvoegsel typed as a middle name (Outlook)
    values = {"form": _form(card), "initials": initials_of(given), "first_name": given}
    values.update({"infix": infix, "surname": surname})
    return values, source


def _card_row(card: Any, number: int) -> ParsedRow:
    organisation, department = _organisation(card)
    address = _chosen_address(card)
    country, country_problem = country_code(_text(getattr(address, "country", "")))
    street, house_number, postbox = split_street(_text(getattr(address, "street", "")), country)
    box = _text(getattr(address, "box", ""))  # the PO box part of ADR: `123` or `Postbus 123`
    values: dict[str, Any] = {
        "organisation": organisation,
        "department": department,
        "role": _first_text(card, "title") or _first_text(card, "role"),
        "email": _chosen_email(card),
        "address.street": street,
        "address.house_number": house_number,
        "address.postbox": _POSTBOX_WORD.sub("", box) or postbox,
        "address.postcode": _text(getattr(address, "code", "")),
        "address.city": _text(getattr(address, "city", "")),
        "address.country": country,
        "address.region": _text(getattr(address, "region", "")),
    }
    person = _person(card, organisation, country)
    name_source = person[1] if person else "N"
    if person:
        values.update({f"person.{key}": value for key, value in person[0].items()})
    fields = {f"person.{key}": name_source for key in PERSON_KEYS}
    fields.update({f"address.{key}": "ADR" for key in ADDRESS_KEYS})
    role_source = "TITLE" if _first_text(card, "title") or not _first_text(card, "role") else "ROLE"
    fields.update({"organisation": "ORG", "department": "ORG", "role": role_source})
    fields["person.form"] = "GENDER"
    fields["email"] = "EMAIL"
    problems = [("ADR", country_problem)] if country_problem else []
    reported = {"address.country"} if country_problem else set()
    _too_long(card, values, fields, problems, reported)
    return ParsedRow(
        number=number,
        label=_("vCard {number}").format(number=number),
        data=build_data(values, with_person=person is not None),
        fields=fields,
        whole_address="ADR",
        field_word="veld",  # not screen text
        problems=problems,
        reported_paths=reported,
    )


# The data paths each vCard property fills, for a property left out because it was too long.
_PATHS_BY_PROPERTY = {
    "ADR": tuple(f"address.{key}" for key in ADDRESS_KEYS),
    "N": tuple(f"person.{key}" for key in PERSON_KEYS),
    "FN": tuple(f"person.{key}" for key in PERSON_KEYS),
    "ORG": ("organisation", "department"),
    "TITLE": ("role",),
    "ROLE": ("role",),
    "EMAIL": ("email",),
}


def _too_long(
    card: Any,
    values: dict[str, Any],
    fields: dict[str, str],
    problems: list[tuple[str, str]],
    reported: set[str],
) -> None:
    """A problem per field that is over the length limit, or was left out for its length."""
    too_long: dict[str, set[str]] = {}
    for line in _lines(card, TOO_LONG.lower()):
        prop = _text(line.value).upper()
        too_long.setdefault(prop, set()).update(_PATHS_BY_PROPERTY.get(prop, ()))
    for path, value in values.items():
        if isinstance(value, str) and len(value) > limits.MAX_CELL_CHARS:
            too_long.setdefault(fields.get(path, "ADR"), set()).add(path)
    for prop, paths in too_long.items():
        problems.append((prop, limits.cell_too_long()))
        reported.update(paths)


def _cards(text: str, name: str) -> list[Any]:
    cards: list[Any] = []
    try:
        for component in vobject.readComponents(text):
            if component.name != "VCARD":
                raise ComposerError(
                    _(
                        "Onderdeel {number} in ‘{name}’ is geen vCard maar een {kind}. Exporteer "
                        "de contacten als vCard (.vcf)."
                    ).format(number=len(cards) + 1, name=name, kind=component.name)
                )
            cards.append(component)
    except ComposerError:
        raise
    except Exception:  # vobject raises ParseError and others for a damaged card
        raise ComposerError(
            _(
                "vCard {number} in ‘{name}’ is beschadigd en kan niet worden gelezen. Controleer "
                "die vCard, of exporteer de contacten opnieuw."
            ).format(number=len(cards) + 1, name=name)
        ) from None
    if not cards:
        raise ComposerError(_("In ‘{name}’ staat geen enkele vCard.").format(name=name))
    return cards


def read_vcards(raw: bytes, name: str) -> tuple[list[ParsedRow], list[str]]:
    """One row per vCard, numbered 1, 2, … in file order; and warnings about the encoding."""
    text, warnings = decode_text(raw, name)
    rows = []
    for number, card in enumerate(_cards(kept_text(text, name), name), 1):
        try:
            rows.append(_card_row(card, number))
        except (AttributeError, TypeError, ValueError):  # a value of a shape no vCard has
            raise ComposerError(
                _(
                    "vCard {number} in ‘{name}’ kan niet worden gelezen: een van de velden heeft "
                    "een onverwachte vorm. Controleer die vCard, of exporteer de contacten "
                    "opnieuw."
                ).format(number=number, name=name)
            ) from None
    return rows, warnings
