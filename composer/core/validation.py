"""Checks a letter file against its JSON Schema and the Dutch rules; messages name the field."""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Iterable, Iterator
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
    "object": N_("een object ({…})"),
    "boolean": N_("waar of onwaar (true/false)"),
    "null": N_("leeg (null)"),
}


@functools.cache
def _schema() -> dict[str, Any]:
    return json.loads((resources_dir() / "letter.schema.json").read_text(encoding="utf-8"))


@functools.cache
def _validator() -> Draft202012Validator:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(_schema())


def prepare() -> None:
    """Load jsonschema and the schema now (the desktop program does it in the background while
    the library opens), so the first check as you type does not wait for them."""
    _validator()
    _addressee_validator()


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


def _shown(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    if len(text) > 40:
        text = text[:40] + "…"
    return f"‘{text}’"


def _type_name(name: str) -> str:
    return _(_TYPE_NAMES[name]) if name in _TYPE_NAMES else name


def _expected_types(names: list[str]) -> str:
    """`tekst`, or `tekst of leeg (null)` for several."""
    wanted = _type_name(names[0]) if names else ""
    for name in names[1:]:
        wanted = _("{choices} of {choice}").format(choices=wanted, choice=_type_name(name))
    return wanted


def _is_promise_number(path: list[Any]) -> bool:
    """`body[i].number`: only a promise block has a number (4 and 4.0 pass; 4.5, "4" and
    true do not: JSON Schema's integer is a number without fraction, never a boolean)."""
    return len(path) == 3 and path[0] == "body" and isinstance(path[1], int) and path[2] == "number"


def _schema_message(error: ValidationError) -> tuple[str, str]:
    path = list(error.absolute_path)
    kind = error.validator
    if kind == "required":
        missing = error.message.split("'")[1]
        message = _("Het veld ‘{field}’ ontbreekt.").format(field=missing)
        return field_path([*path, missing]), message
    where = field_path(path)
    value = _shown(error.instance)
    if kind in ("type", "minimum") and _is_promise_number(path):
        message = _(
            "Blok {block} (servicebelofte): het nummer moet een geheel getal vanaf 1 zijn, "
            "zoals 4, niet {value}."
        )
        return where, message.format(block=path[1] + 1, value=value)
    if kind == "type":
        expected = error.validator_value
        names = [expected] if isinstance(expected, str) else list(expected)
        message = _("Dit veld moet {expected} zijn, niet {value}.")
        return where, message.format(expected=_expected_types(names), value=value)
    if kind == "enum":
        choices = ", ".join(str(c) if c != "" else _("(leeg)") for c in error.validator_value)
        message = _("{value} is geen geldige keuze. Kies uit: {choices}.")
        return where, message.format(value=value, choices=choices)
    if kind == "const" and path == ["format"]:
        message = _("Onbekend bestandsformaat {value}. Dit programma leest ‘composer-letter/1’.")
        return where, message.format(value=value)
    if kind == "pattern" and path == ["date"]:
        message = _(
            "De datum {value} is ongeldig. Schrijf de datum als JJJJ-MM-DD, zoals 2022-10-17."
        )
        return where, message.format(value=value)
    if kind == "pattern" and path[-1:] == ["country"]:
        message = _("De landcode {value} is ongeldig. Gebruik twee letters, zoals NL, BE of DE.")
        return where, message.format(value=value)
    if kind == "pattern" and path == ["template"]:
        message = _(
            "De sjabloonnaam {value} is ongeldig. "
            "Gebruik kleine letters, cijfers, - en _, zoals ‘brief’."
        )
        return where, message.format(value=value)
    if kind == "minimum":
        message = _("Dit getal moet minstens {minimum} zijn.")
        return where, message.format(minimum=error.validator_value)
    return where, _("Deze waarde is ongeldig ({reason}).").format(reason=error.message)


def _schema_problems(
    data: Any, validator: Draft202012Validator | None = None
) -> list[tuple[str, str]]:
    validator = validator or _validator()
    errors = sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    problems: list[tuple[str, str]] = []
    for error in errors:
        # if/then failures repeat the inner error; the inner one is the informative one.
        if error.validator in ("if", "allOf"):
            continue
        problems.append(_schema_message(error))
    return problems


def _rule_problems(data: dict[str, Any]) -> Iterator[tuple[str, str]]:
    date_text = data.get("date")
    if isinstance(date_text, str) and len(date_text) == 10:
        try:
            dt.date.fromisoformat(date_text)
        except ValueError:
            message = _("De datum ‘{date}’ bestaat niet. Controleer dag en maand.")
            yield "date", message.format(date=date_text)
    for index, addressee in enumerate(data.get("addressees") or []):
        for path, problem in _postcode_problems(addressee):
            message = _("Geadresseerde {number}: {problem}").format(
                number=index + 1, problem=problem
            )
            yield field_path(["addressees", index, *path]), message


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


def letter_problems(data: Any) -> list[tuple[str, str]]:
    """All problems in a decoded letter file, as (field path, message) pairs; the messages are
    in the language of the screen."""
    problems = _schema_problems(data)
    if isinstance(data, dict):
        problems.extend(_rule_problems(data))
    return problems


def addressee_problems(data: Any) -> list[tuple[str, str]]:
    """Problems in one addressee (as in the letter file); paths start at the addressee."""
    problems = _schema_problems(data, _addressee_validator())
    problems.extend((field_path(path), message) for path, message in _postcode_problems(data))
    return problems
