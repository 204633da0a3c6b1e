"""Problems read as plain Dutch beside their field and in a list: no JSON Schema jargon, no
field paths, no English; `field_label` names the field as a person reads it."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from composer.core.validation import (
    addressee_problems,
    broken_problems,
    field_label,
    letter_problems,
)

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples"
LETTER = json.loads((SAMPLE / "brief-cao-onderhandelaars.json").read_text(encoding="utf-8"))

# Words of jsonschema's own messages and of the letter file's keys: none may reach a message.
ENGLISH = re.compile(
    r"\b(is not|not of type|does not match|required|property|properties|expected|"
    r"should|valid under|additional|string|integer|object|array|boolean|null|true|false|"
    r"addressees|address|postcode\b(?=\[)|body|subject|template|paragraph|promise|quote|"
    r"signatories|country|number|type|format)\b"
)


def _set(path: list[Any], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target = data
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = value

    return change


def _drop(path: list[Any]) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target = data
        for part in path[:-1]:
            target = target[part]
        del target[path[-1]]

    return change


WRONG_VALUES: list[Any] = [None, True, 4.5, 0, -1, "", "x y", [1, 2], {"a": 1}, "25110 AB"]
FIELDS: list[list[Any]] = [
    ["format"],
    ["template"],
    ["date"],
    ["subject"],
    ["place"],
    ["addressees"],
    ["addressees", 0],
    ["addressees", 0, "person"],
    ["addressees", 0, "person", "form"],
    ["addressees", 0, "person", "name_as_registered"],
    ["addressees", 0, "address"],
    ["addressees", 0, "address", "postcode"],
    ["addressees", 0, "address", "country"],
    ["body"],
    ["body", 0],
    ["body", 0, "type"],
    ["body", 0, "text"],
    ["body", 5, "number"],
    ["signatories", 0, "name"],
    ["attachments"],
    ["copies", 0],
]
CHANGES = [_set(path, value) for path in FIELDS for value in WRONG_VALUES] + [
    _drop(path) for path in FIELDS if not isinstance(path[-1], int)
]


def _assert_plain(message: str) -> None:
    assert message.strip(), message
    for mark in ("[", "]", "^", "$", "'", "{", "}", "Traceback"):
        assert mark not in message, message
    assert not ENGLISH.search(message), message


@pytest.mark.parametrize("change", CHANGES)
def test_no_problem_message_carries_schema_jargon_or_a_field_path(change):
    data = copy.deepcopy(LETTER)
    change(data)
    problems = letter_problems(data)
    for path, message in problems:
        _assert_plain(message)
        _assert_plain(field_label(path, data))
        assert path == "" or re.fullmatch(r"[a-z_]+(\[[0-9]+\]|\.[a-z_]+)*", path), path


@pytest.mark.parametrize("value", [None, 7, "brief", [1]])
def test_something_that_is_not_a_letter_is_broken_in_plain_dutch(value):
    assert broken_problems(value) == [("", "Dit is geen briefbestand: er staat geen brief in.")]


def test_an_object_with_wrong_fields_is_broken_in_plain_dutch():
    problems = broken_problems({"format": 1, "body": "tekst"})
    assert {path for path, _message in problems} >= {"format", "body", "date", "subject"}
    for _path, message in problems:
        _assert_plain(message)


def test_addressee_problems_of_an_address_list_are_plain_dutch_too():
    problems = addressee_problems({"address": {"postcode": 2511, "country": "Nederland"}})
    assert problems
    for _path, message in problems:
        _assert_plain(message)


@pytest.mark.parametrize(
    ("path", "label"),
    [
        ("subject", "Betreft"),
        ("addressees[1].address.postcode", "Postcode van geadresseerde 2"),
        ("addressees[0].person.surname", "Achternaam van geadresseerde 1"),
        ("addressees[2]", "Geadresseerde 3"),
        ("body[2].text", "Tekst van alinea 3"),
        ("body[2].speaker", "Spreker van citaat (blok 3)"),
        ("body[5].number", "Servicebelofte (blok 6)"),
        ("signatories[0].name", "Naam van ondertekenaar 1"),
        ("copies[1]", "Kopie aan (regel 2)"),
        ("attachments[0]", "Bijlage 1"),
        ("date", "Datum"),
    ],
)
def test_field_label_names_the_field_for_a_person(path, label):
    data = copy.deepcopy(LETTER)
    data["body"][2] = {"type": "paragraph", "text": "x"} if "text" in path else data["body"][2]
    if "speaker" in path:
        data["body"][2] = {"type": "quote", "text": "x"}
    assert field_label(path, data) == label


def test_a_postcode_problem_sits_beside_its_field_with_its_path_kept():
    data = copy.deepcopy(LETTER)
    data["addressees"][0]["address"]["postcode"] = "25110 AB"
    assert letter_problems(data) == [
        (
            "addressees[0].address.postcode",
            "De postcode is ongeldig (‘25110 AB’). Gebruik vier cijfers en twee letters, "
            "zoals 2511 AB.",
        )
    ]
    assert broken_problems(data) == []  # unfinished, not broken
