"""Checks a letter file against its JSON Schema and the Dutch rules; messages name the field."""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from composer.dutch.postcodes import postcode_problem
from composer.paths import resources_dir

if TYPE_CHECKING:  # jsonschema is imported at the first check, not at start-up
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

_TYPE_NAMES = {
    "string": "tekst",
    "integer": "een geheel getal",
    "number": "een getal",
    "array": "een lijst",
    "object": "een object ({…})",
    "boolean": "waar of onwaar (true/false)",
    "null": "leeg (null)",
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


def _schema_message(error: ValidationError) -> tuple[str, str]:
    path = list(error.absolute_path)
    kind = error.validator
    if kind == "required":
        missing = error.message.split("'")[1]
        return field_path([*path, missing]), f"Het veld ‘{missing}’ ontbreekt."
    where = field_path(path)
    if kind == "type":
        expected = error.validator_value
        names = [expected] if isinstance(expected, str) else list(expected)
        wanted = " of ".join(_TYPE_NAMES.get(name, name) for name in names)
        return where, f"Dit veld moet {wanted} zijn, niet {_shown(error.instance)}."
    if kind == "enum":
        choices = ", ".join(str(c) if c != "" else "(leeg)" for c in error.validator_value)
        return where, f"{_shown(error.instance)} is geen geldige keuze. Kies uit: {choices}."
    if kind == "const" and path == ["format"]:
        return where, (
            f"Onbekend bestandsformaat {_shown(error.instance)}. "
            "Dit programma leest ‘composer-letter/1’."
        )
    if kind == "pattern" and path == ["date"]:
        return where, (
            f"De datum {_shown(error.instance)} is ongeldig. "
            "Schrijf de datum als JJJJ-MM-DD, zoals 2022-10-17."
        )
    if kind == "pattern" and path[-1:] == ["country"]:
        return where, (
            f"De landcode {_shown(error.instance)} is ongeldig. "
            "Gebruik twee letters, zoals NL, BE of DE."
        )
    if kind == "pattern" and path == ["template"]:
        return where, (
            f"De sjabloonnaam {_shown(error.instance)} is ongeldig. "
            "Gebruik kleine letters, cijfers, - en _, zoals ‘brief’."
        )
    if kind == "minimum":
        return where, f"Dit getal moet minstens {error.validator_value} zijn."
    return where, f"Deze waarde is ongeldig ({error.message})."


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
            yield "date", f"De datum ‘{date_text}’ bestaat niet. Controleer dag en maand."
    for index, addressee in enumerate(data.get("addressees") or []):
        for path, problem in _postcode_problems(addressee):
            yield field_path(["addressees", index, *path]), f"Geadresseerde {index + 1}: {problem}"


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
    """All problems in a decoded letter file, as (field path, Dutch message) pairs."""
    problems = _schema_problems(data)
    if isinstance(data, dict):
        problems.extend(_rule_problems(data))
    return problems


def addressee_problems(data: Any) -> list[tuple[str, str]]:
    """Problems in one addressee (as in the letter file); paths start at the addressee."""
    problems = _schema_problems(data, _addressee_validator())
    problems.extend((field_path(path), message) for path, message in _postcode_problems(data))
    return problems
