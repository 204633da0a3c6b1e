"""Checks a letter file against its JSON Schema and the Dutch rules; messages name the field."""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from composer.dutch.postcodes import postcode_problem
from composer.i18n import N_, _
from composer.paths import resources_dir

if TYPE_CHECKING:  # jsonschema is imported at the first check, not at start-up
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

# What a JSON type is called in "Dit veld moet … zijn" (translated where it is used).
_TYPE_NAMES = {
    "string": N_("tekst"),
    "integer": N_("een geheel getal"),
    "number": N_("een getal"),
    "array": N_("een lijst"),
    "object": N_("een groep velden"),
    "boolean": N_("waar of onwaar"),
    "null": N_("leeg"),
}


@functools.cache
def _schema() -> dict[str, Any]:
    return json.loads((resources_dir() / "letter.schema.json").read_text(encoding="utf-8"))


@functools.cache
def _validator() -> Draft202012Validator:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(_schema())


def prepare() -> None:
    """Load jsonschema, email-validator and the schema now (the desktop program does it in the
    background while the library opens), so the first check as you type does not wait for them."""
    _validator()
    _addressee_validator()
    email_problem("naam@organisatie.nl")  # loads email-validator


@functools.cache
def _addressee_validator() -> Draft202012Validator:
    from jsonschema import Draft202012Validator

    return Draft202012Validator({"$ref": "#/$defs/addressee", "$defs": _schema()["$defs"]})


def field_path(parts: Iterable[Any]) -> str:
    """`["addressees", 0, "address", "postcode"]` → `addressees[0].address.postcode`."""
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


# The fields as the screen names them (the same words as the editor and the history's labels).
# What a person calls each field (the history's comparison names them the same way).
TOP_FIELD_LABELS = {  # not screen text: the keys (the labels are marked N_)
    "format": N_("Bestandsformaat"),
    "template": N_("Sjabloon"),
    "date": N_("Datum"),
    "place": N_("Plaats"),
    "our_reference": N_("Ons kenmerk"),
    "your_reference": N_("Uw kenmerk"),
    "subject": N_("Betreft"),
    "addressees": N_("Geadresseerden"),
    "salutation": N_("Aanhef"),
    "body": N_("Tekst van de brief"),
    "closing": N_("Slotformule"),
    "signatories": N_("Ondertekenaars"),
    "attachments": N_("Bijlagen"),
    "copies": N_("Kopie aan"),
}
ADDRESSEE_FIELD_LABELS = {  # not screen text: the keys (the labels are marked N_)
    "organisation": N_("Organisatie"),
    "department": N_("Afdeling"),
    "role": N_("Functie"),
    "email": N_("E-mailadres"),
    "person": N_("Persoon"),
    "form": N_("Aanspreekvorm"),
    "initials": N_("Voorletters"),
    "first_name": N_("Voornaam"),
    "infix": N_("Tussenvoegsel"),
    "surname": N_("Achternaam"),
    "name_as_registered": N_("Naam zoals ingeschreven"),
    "address": N_("Adres"),
    "street": N_("Straat"),
    "house_number": N_("Huisnummer"),
    "postbox": N_("Postbus"),
    "postcode": N_("Postcode"),
    "city": N_("Plaats"),
    "country": N_("Land"),
    "region": N_("Staat of provincie"),
}
_BLOCK_LABELS = {  # not screen text: the block types
    "paragraph": N_("Alinea {number}"),
    "heading": N_("Kop (blok {number})"),
    "list": N_("Lijst (blok {number})"),
    "quote": N_("Citaat (blok {number})"),
    "promise": N_("Servicebelofte (blok {number})"),
}
SIGNATORY_FIELD_LABELS = {"name": N_("Naam"), "role": N_("Functie")}  # not screen text: the keys
_PATH_PART = re.compile(r"([^.\[\]]+)|\[([0-9]+)\]")


def split_path(path: str) -> list[str | int]:
    """`addressees[0].address.postcode` → `["addressees", 0, "address", "postcode"]`."""
    return [int(index) if index else name for name, index in _PATH_PART.findall(path)]


def _block_label(number: int, block: Any, rest: list[str | int]) -> str:
    kind = block.get("type") if isinstance(block, dict) else None
    kind = kind if isinstance(kind, str) else None
    title = _(_BLOCK_LABELS[kind]).format(number=number) if kind in _BLOCK_LABELS else ""
    if not title:
        title = _("Blok {number}").format(number=number)
    if rest == ["text"] and kind in (None, "paragraph"):
        if kind is None:
            return _("Tekst van blok {number}").format(number=number)
        return _("Tekst van alinea {number}").format(number=number)
    if not rest or rest in (["text"], ["number"], ["type"]):
        return title
    if rest == ["speaker"]:
        return _("Spreker van citaat (blok {number})").format(number=number)
    if rest == ["role"]:
        return _("Functie bij citaat (blok {number})").format(number=number)
    return title


def field_label(path: str, data: Any = None) -> str:
    """The field a problem is about, named as a person reads it: `Postcode van geadresseerde 2`,
    `Alinea 3`, `Betreft`. `data` (the letter file) tells which kind each block is."""
    parts = split_path(path)
    if not parts:
        return _("Brief")
    head, rest = parts[0], parts[1:]
    if rest and isinstance(rest[0], int) and head in ("addressees", "signatories", "body"):
        number, rest = rest[0] + 1, rest[1:]
        names = [part for part in rest if isinstance(part, str)]
        if head == "body":
            items = data.get("body") if isinstance(data, dict) else None
            block = items[number - 1] if isinstance(items, list) and number <= len(items) else None
            return _block_label(number, block, names)
        table = ADDRESSEE_FIELD_LABELS if head == "addressees" else SIGNATORY_FIELD_LABELS
        addressee = head == "addressees"
        owner = _("geadresseerde {number}") if addressee else _("ondertekenaar {number}")
        if not names:
            title = _("Geadresseerde {number}") if addressee else _("Ondertekenaar {number}")
            return title.format(number=number)
        name = _(table[names[-1]]) if names[-1] in table else names[-1]
        return _("{field} van {owner}").format(field=name, owner=owner.format(number=number))
    if head in ("attachments", "copies") and rest and isinstance(rest[0], int):
        if head == "attachments":
            return _("Bijlage {number}").format(number=rest[0] + 1)
        return _("Kopie aan (regel {number})").format(number=rest[0] + 1)
    if isinstance(head, str) and head in TOP_FIELD_LABELS:
        return _(TOP_FIELD_LABELS[head])
    return str(head)


def _shown(value: Any) -> str:
    """A value for a message, as a person reads it (no JSON: a list is "een lijst")."""
    if isinstance(value, bool):
        return _("de waarde waar") if value else _("de waarde onwaar")
    if value is None:
        return _("leeg")
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list):
        return _("een lijst")
    if isinstance(value, dict):
        return _("een groep velden")
    text = "".join(char if char.isprintable() else " " for char in str(value))
    if len(text) > 40:
        text = text[:40] + "…"
    return f"‘{text}’"


def _type_name(name: str) -> str:
    return _(_TYPE_NAMES[name]) if name in _TYPE_NAMES else _("iets anders")


def _expected_types(names: list[str]) -> str:
    """`tekst`, or `tekst of leeg` for several."""
    wanted = _type_name(names[0]) if names else ""
    for name in names[1:]:
        wanted = _("{choices} of {choice}").format(choices=wanted, choice=_type_name(name))
    return wanted


def _is_promise_number(path: list[Any]) -> bool:
    """`body[i].number`: only a promise block has a number (4 and 4.0 pass; 4.5, "4" and
    true do not: JSON Schema's integer is a number without fraction, never a boolean)."""
    return len(path) == 3 and path[0] == "body" and isinstance(path[1], int) and path[2] == "number"


# The choices of a list of values, as the screen names them (not screen text: the values).
_CHOICE_NAMES = {
    "mevrouw": N_("mevrouw"),
    "heer": N_("heer"),
    "neutraal": N_("neutraal"),
    "": N_("onbekend"),
    "bullet": N_("opsomming"),
    "number": N_("genummerde lijst"),
}

# Problems with the content of a field of the right type: a draft may have them (they refuse
# finalize, export, merge and send). Every other schema problem is *broken*: the file is not a
# letter this program can hold (docs/letter-format.md, "Unfinished and broken").
_UNFINISHED_KINDS = ("pattern", "minimum")


def _is_unfinished(error: ValidationError) -> bool:
    return error.validator in _UNFINISHED_KINDS and list(error.absolute_path) != ["date"]


def _addressee_field_label(path: str) -> str:
    """A field of one addressee on its own (an address list's row): `Postcode`."""
    names = [part for part in split_path(path) if isinstance(part, str)]
    if not names:
        return _("Geadresseerde")
    last = names[-1]
    return _(ADDRESSEE_FIELD_LABELS[last]) if last in ADDRESSEE_FIELD_LABELS else last


def _schema_message(
    error: ValidationError, data: Any, label: Callable[[str], str] | None = None
) -> tuple[str, str]:
    """(path, message) for one schema error; `label` names a field (default: field_label)."""

    def name_of(where: str) -> str:
        return label(where) if label is not None else field_label(where, data)

    path = list(error.absolute_path)
    kind = error.validator
    if kind == "required":
        # jsonschema gives one error per missing key, naming it as `'date' is a required …`.
        named = error.message.split("'")
        missing = named[1] if len(named) > 2 else ""
        where = field_path([*path, missing])
        return where, _("{field} ontbreekt.").format(field=name_of(where))
    where = field_path(path)
    value = _shown(error.instance)
    if kind in ("type", "minimum") and _is_promise_number(path):
        message = _(
            "Het nummer van een servicebelofte is een geheel getal vanaf 1, zoals 4, niet "
            "{value}. Kies de servicebelofte opnieuw."
        )
        return where, message.format(value=value)
    if kind == "type":
        expected = error.validator_value
        names = [expected] if isinstance(expected, str) else list(expected)
        message = _("{field} moet {expected} zijn, niet {value}.")
        field = name_of(where)
        return where, message.format(field=field, expected=_expected_types(names), value=value)
    if kind in ("const", "enum") and path == ["format"]:
        message = _(
            "Dit is geen brief van dit programma (bestandsformaat {value}). Open een "
            "briefbestand van Composer."
        )
        return where, message.format(value=value)
    if kind == "enum" and path[-1:] == ["type"]:
        message = _(
            "Onbekende soort blok {value}. Een blok is een alinea, kop, lijst, citaat of "
            "servicebelofte."
        )
        return where, message.format(value=value)
    if kind == "anyOf":
        return where, _("{field}: de tekst ontbreekt.").format(field=name_of(where))
    if kind == "enum":
        choices = ", ".join(
            _(_CHOICE_NAMES[choice]) if choice in _CHOICE_NAMES else str(choice)
            for choice in error.validator_value
        )
        message = _("{value} is geen geldige keuze. Kies uit: {choices}.")
        return where, message.format(value=value, choices=choices)
    if kind == "pattern" and path == ["date"]:
        message = _(
            "De datum {value} is ongeldig. Schrijf de datum als JJJJ-MM-DD, zoals 2022-10-17."
        )
        return where, message.format(value=value)
    if kind == "pattern" and path[-1:] == ["country"]:
        message = _("Vul het land in als landcode van twee letters, zoals NL, BE of DE.")
        return where, message
    if kind == "pattern" and path == ["template"]:
        message = _("De sjabloonnaam {value} is ongeldig. Kies een sjabloon uit de lijst.")
        return where, message.format(value=value)
    if kind == "minimum":
        message = _("Vul een getal in van minstens {minimum}.")
        return where, message.format(minimum=error.validator_value)
    message = _("{field} heeft een waarde die dit programma niet kent.")
    return where, message.format(field=name_of(where))


def _schema_errors(data: Any, validator: Draft202012Validator | None = None) -> list[Any]:
    validator = validator or _validator()
    errors = sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    # if/then failures repeat the inner error; the inner one is the informative one.
    return [error for error in errors if error.validator not in ("if", "allOf")]


def _schema_problems(
    data: Any,
    validator: Draft202012Validator | None = None,
    label: Callable[[str], str] | None = None,
) -> list[tuple[str, str]]:
    return [_schema_message(error, data, label) for error in _schema_errors(data, validator)]


def _date_problems(data: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """A date of the right form that does not exist (2022-02-30): the model cannot hold it."""
    date_text = data.get("date")
    if isinstance(date_text, str) and len(date_text) == 10:
        try:
            dt.date.fromisoformat(date_text)
        except ValueError:
            message = _("De datum ‘{date}’ bestaat niet. Controleer dag en maand.")
            yield "date", message.format(date=date_text)


def _rule_problems(data: dict[str, Any]) -> Iterator[tuple[str, str]]:
    addressees = data.get("addressees")
    for index, addressee in enumerate(addressees if isinstance(addressees, list) else []):
        for path, problem in [*_postcode_problems(addressee), *_email_problems(addressee)]:
            yield field_path(["addressees", index, *path]), problem


def _postcode_problems(addressee: Any) -> Iterator[tuple[list[str], str]]:
    if not isinstance(addressee, dict) or not isinstance(addressee.get("address"), dict):
        return
    address = addressee["address"]
    country = str(address.get("country") or "NL").upper()
    postcode = address.get("postcode", "")
    if country == "NL" and isinstance(postcode, str):
        problem = postcode_problem(postcode)
        if problem:
            yield ["address", "postcode"], problem


def email_problem(text: str) -> str | None:
    """Why a filled-in e-mail address cannot be sent to (syntax only: no lookup of the domain),
    or None when it can, or is empty (an addressee without e-mail gets the letter by post)."""
    if not text:
        return None
    from email_validator import EmailNotValidError, validate_email

    try:
        validate_email(text, check_deliverability=False)
    except EmailNotValidError:
        return _(
            "Het e-mailadres {value} is ongeldig. Schrijf het als naam@organisatie.nl."
        ).format(value=_shown(text))
    return None


def _email_problems(addressee: Any) -> Iterator[tuple[list[str], str]]:
    email = addressee.get("email", "") if isinstance(addressee, dict) else ""
    problem = email_problem(email) if isinstance(email, str) else None
    if problem:
        yield ["email"], problem


def broken_problems(data: Any) -> list[tuple[str, str]]:
    """What makes `data` something other than a letter this program can hold (not an object,
    an unknown format, a missing or wrongly typed field, a date that does not exist). A file
    with these is refused; a stored version never has them."""
    if not isinstance(data, dict):
        return [("", _("Dit is geen briefbestand: er staat geen brief in."))]
    problems = [
        _schema_message(error, data) for error in _schema_errors(data) if not _is_unfinished(error)
    ]
    problems.extend(_date_problems(data))
    return problems


def letter_problems(data: Any) -> list[tuple[str, str]]:
    """All problems in a decoded letter file, broken and unfinished, as (field path, message)
    pairs; the messages are plain sentences in the language of the screen, and the path says
    which field (`field_label` names it for a person)."""
    if not isinstance(data, dict):
        return broken_problems(data)
    problems = _schema_problems(data)
    problems.extend(_date_problems(data))
    problems.extend(_rule_problems(data))
    return problems


def addressee_problems(data: Any) -> list[tuple[str, str]]:
    """Problems in one addressee (as in the letter file); paths start at the addressee."""
    problems = _schema_problems(data, _addressee_validator(), _addressee_field_label)
    for path, message in [*_postcode_problems(data), *_email_problems(data)]:
        problems.append((field_path(path), message))
    return problems
