"""The letter file version 2: runs, lists and headings round trip; version 1 is read as 2."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from composer.core.letterfile import dumps_letter, letter_from_dict, loads_letter
from composer.core.models import FORMAT_V2, Heading, ListBlock, ListItem, Paragraph, Run
from composer.core.readiness import has_text
from composer.core.rich_text import paragraph, runs_of, with_text
from composer.errors import LetterValidationError

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "resources" / "samples" / "brief-cao-onderhandelaars.json"

RICH_BODY = [
    {"type": "heading", "text": "Wat wij vragen"},
    {
        "type": "paragraph",
        "runs": [
            {"text": "Wij vragen u "},
            {"text": "vóór 1 december", "bold": True},
            {"text": " te reageren, "},
            {"text": "schriftelijk", "italic": True, "underline": True},
            {"text": " & <per e-mail> {{ niet vervangen }}."},
        ],
    },
    {
        "type": "list",
        "style": "bullet",
        "items": [
            {"text": "bereikbaarheid binnen 30 seconden"},
            {"runs": [{"text": "eerlijke", "bold": True}, {"text": " informatie 👍"}]},
        ],
    },
    {
        "type": "list",
        "style": "number",
        "items": [{"text": "eerste stap"}, {"text": "tweede stap", "x_note": "blijft"}],
    },
]


def sample() -> dict:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


def rich_sample() -> dict:
    data = sample()
    data["body"] = copy.deepcopy(RICH_BODY) + data["body"]
    return data


def test_rich_blocks_read_into_the_model():
    letter = letter_from_dict(rich_sample())
    heading, rich, bullets, numbers = letter.body[:4]
    assert heading == Heading(text="Wat wij vragen")
    assert isinstance(rich, Paragraph)
    assert rich.text == (
        "Wij vragen u vóór 1 december te reageren, schriftelijk & <per e-mail> "
        "{{ niet vervangen }}."
    )
    assert [(r.text, r.bold, r.italic, r.underline) for r in rich.runs if r.bold or r.italic] == [
        ("vóór 1 december", True, False, False),
        ("schriftelijk", False, True, True),
    ]
    assert isinstance(bullets, ListBlock) and bullets.style == "bullet"
    assert [item.text for item in bullets.items] == [
        "bereikbaarheid binnen 30 seconden",
        "eerlijke informatie 👍",
    ]
    assert numbers.style == "number" and numbers.items[1].extra == {"x_note": "blijft"}


def test_rich_letter_round_trips_exactly():
    data = rich_sample()
    data["format"] = FORMAT_V2
    text = dumps_letter(letter_from_dict(copy.deepcopy(data)))
    assert json.loads(text) == data
    assert dumps_letter(loads_letter(text)) == text


def test_version_one_is_read_and_written_as_version_two():
    data = sample()
    data["format"] = "composer-letter/1"
    letter = letter_from_dict(data)
    assert letter.format == "composer-letter/2"
    written = json.loads(dumps_letter(letter))
    assert written["format"] == "composer-letter/2"
    assert written["body"] == data["body"]


def test_unmarked_runs_are_written_as_plain_text():
    data = sample()
    data["body"] = [{"type": "paragraph", "runs": [{"text": "Gewoon "}, {"text": "tekst."}]}]
    written = json.loads(dumps_letter(letter_from_dict(data)))
    assert written["body"] == [{"type": "paragraph", "text": "Gewoon tekst."}]


def test_canonical_runs_join_neighbours_and_compare_equal():
    built = paragraph([Run("Een "), Run("vet", bold=True), Run(""), Run(" woord", bold=True)])
    assert [(r.text, r.bold) for r in built.runs] == [("Een ", False), ("vet woord", True)]
    assert built.text == "Een vet woord"
    assert paragraph([Run("Een "), Run("zin.")]) == Paragraph(text="Een zin.")
    assert runs_of(Paragraph(text="")) == []
    assert with_text(built, "Een vet woord") is built
    assert with_text(built, "Een ander woord").runs is None


@pytest.mark.parametrize(
    ("block", "field", "words"),
    [
        ({"type": "list", "style": "ster", "items": []}, "Lijst (blok 1)", "genummerde lijst"),
        ({"type": "list", "style": "bullet"}, "Lijst (blok 1)", "ontbreekt"),
        ({"type": "heading"}, "Kop (blok 1)", "ontbreekt"),
        ({"type": "paragraph", "runs": [{"bold": True}]}, "Alinea 1", "ontbreekt"),
        ({"type": "paragraph", "runs": [{"text": "x", "bold": "ja"}]}, "Alinea 1", "moet"),
        ({"type": "paragraph"}, "Alinea 1", "de tekst ontbreekt"),
        ({"type": "tabel"}, "Blok 1", "alinea, kop, lijst, citaat of servicebelofte"),
    ],
)
def test_broken_rich_blocks_are_named_in_dutch(block, field, words):
    data = sample()
    data["body"] = [block]
    with pytest.raises(LetterValidationError) as caught:
        letter_from_dict(data)
    text = str(caught.value)
    assert field in text and words in text, text


def test_a_list_or_heading_alone_is_text_enough_to_send():
    data = sample()
    data["body"] = [{"type": "list", "style": "number", "items": [{"text": "Eén punt"}]}]
    assert has_text(letter_from_dict(data))
    data["body"] = [{"type": "list", "style": "number", "items": [{"text": "  "}]}]
    assert not has_text(letter_from_dict(data))
    data["body"] = [{"type": "heading", "text": "Kop"}]
    assert has_text(letter_from_dict(data))


def test_list_items_default_to_bullets_and_are_list_items():
    data = sample()
    data["body"] = [{"type": "list", "items": [{"text": "a"}]}]
    block = letter_from_dict(data).body[0]
    assert block == ListBlock(style="bullet", items=[ListItem(text="a")])
