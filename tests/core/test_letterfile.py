"""The letter file: validation with Dutch messages naming the field, and a lossless round trip."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from composer.core.letterfile import dumps_letter, letter_from_dict, load_letter, loads_letter
from composer.core.models import Paragraph, Promise, Quote
from composer.core.validation import field_label
from composer.errors import ComposerError, LetterValidationError

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "resources" / "samples" / "brief-cao-onderhandelaars.json"


def sample() -> dict:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


def problems_of(data) -> list[tuple[str, str]]:
    with pytest.raises(LetterValidationError) as caught:
        letter_from_dict(data, complete=True)
    return caught.value.problems


def test_sample_letter_loads_into_the_model():
    letter = load_letter(SAMPLE)
    assert letter.template == "brief"
    assert letter.date.isoformat() == "2022-10-17"
    assert letter.addressees[0].person.surname == "Liemt"
    assert letter.addressees[0].address.postcode == "1234 AB"
    assert [type(b) for b in letter.body[:3]] == [Paragraph, Paragraph, Quote]
    assert isinstance(letter.body[5], Promise) and letter.body[5].number == 4


def test_round_trip_keeps_unknown_keys_everywhere():
    data = sample()
    data["x_office_note"] = {"nested": [1, 2]}
    data["addressees"][0]["x_crm_id"] = "A-17"
    data["addressees"][0]["person"]["x_title"] = "ir."
    data["addressees"][0]["address"]["x_geo"] = [52.0, 5.3]
    data["body"][0]["x_comment"] = "ingekort"
    data["signatories"][0]["x_phone"] = "06-12345678"
    original = copy.deepcopy(data)
    text = dumps_letter(letter_from_dict(data))
    again = json.loads(text)
    assert again == original
    assert original["format"] == "composer-letter/2"
    assert dumps_letter(loads_letter(text)) == text


def test_round_trip_writes_characters_as_themselves():
    data = sample()
    data["subject"] = "Café & “cao” 👍 שלום"
    text = dumps_letter(letter_from_dict(data))
    assert "Café & “cao” 👍 שלום" in text


def test_person_may_be_absent():
    data = sample()
    del data["addressees"][0]["person"]
    letter = letter_from_dict(data)
    assert letter.addressees[0].person is None
    assert "person" not in json.loads(dumps_letter(letter))["addressees"][0]


@pytest.mark.parametrize(
    ("change", "path", "words"),
    [
        (
            lambda d: d["addressees"][0]["address"].update(postcode="25110 AB"),
            "addressees[0].address.postcode",
            "‘25110 AB’",
        ),
        (lambda d: d.pop("subject"), "subject", "ontbreekt"),
        (
            lambda d: d["addressees"][0]["person"].update(form="meneer"),
            "addressees[0].person.form",
            "mevrouw, heer, neutraal",
        ),
        (lambda d: d.update(date="17-10-2022"), "date", "JJJJ-MM-DD"),
        (lambda d: d.update(date="2022-02-30"), "date", "bestaat niet"),
        (lambda d: d["body"].append({"type": "quote"}), "body[8].text", "ontbreekt"),
        (
            lambda d: d["body"].append({"type": "tabel"}),
            "body[8].type",
            "alinea, kop, lijst, citaat of servicebelofte",
        ),
        (lambda d: d["body"][5].update(number="vier"), "body[5].number", "geheel getal"),
        (lambda d: d.update(format="composer-letter/9"), "format", "geen brief van dit programma"),
        (
            lambda d: d["addressees"][0]["address"].update(country="Nederland"),
            "addressees[0].address.country",
            "twee letters",
        ),
        (lambda d: d.update(attachments="bijlage"), "attachments", "een lijst"),
    ],
)
def test_validation_names_the_field_in_dutch(change, path, words):
    data = sample()
    change(data)
    problems = problems_of(data)
    assert any(p == path and words in message for p, message in problems), problems


def test_postcode_message_reads_like_the_glossary():
    data = sample()
    data["addressees"][0]["address"]["postcode"] = "25110 AB"
    (problem,) = problems_of(data)
    assert problem[0] == "addressees[0].address.postcode"
    assert field_label(problem[0]) == "Postcode van geadresseerde 1"
    assert problem[1].startswith("De postcode is ongeldig (‘25110 AB’).")
    assert "Gebruik vier cijfers en twee letters" in problem[1]
    # Unfinished, not broken: the letter is read as it is (a draft may be anything the model
    # holds); finalize, export, merge and send refuse it (tests/core/test_drafts_readiness.py).
    assert letter_from_dict(data).addressees[0].address.postcode == "25110 AB"


def test_all_problems_are_reported_at_once():
    data = sample()
    data.pop("subject")
    data["addressees"][0]["address"]["postcode"] = "x"
    assert {p for p, _ in problems_of(data)} == {"subject", "addressees[0].address.postcode"}


def test_invalid_json_gives_line_and_column_in_dutch():
    with pytest.raises(ComposerError) as caught:
        loads_letter('{"format": "composer-letter/1",\n  "template": }')
    assert "regel 2" in caught.value.message
    assert "hier wordt een waarde verwacht" in caught.value.message


def test_file_that_is_not_utf8_is_refused(tmp_path):
    path = tmp_path / "brief.json"
    path.write_bytes(json.dumps(sample(), ensure_ascii=False).encode("cp1252", "replace"))
    with pytest.raises(ComposerError, match="geen UTF-8"):
        load_letter(path)


def test_missing_file_is_a_dutch_message(tmp_path):
    with pytest.raises(ComposerError, match="bestaat niet"):
        load_letter(tmp_path / "weg.json")
