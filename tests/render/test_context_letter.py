"""The letter values of the context: closing, date without place, servicebelofte labels."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from composer.core.catalogues import ServicePromise, load_profile, load_promises
from composer.core.letterfile import letter_from_dict
from composer.render.context import RenderInputs, build_context, promise_label
from composer.render.docx import render_docx
from tests.docx_reading import body_paragraphs

REPO = Path(__file__).resolve().parents[2]
SAMPLE_LETTER = REPO / "resources" / "samples" / "brief-cao-onderhandelaars.json"


def _data(**changes: Any) -> dict[str, Any]:
    data = json.loads(SAMPLE_LETTER.read_text(encoding="utf-8"))
    data.update(changes)
    return data


def _context(data: dict[str, Any], promises: dict[int, ServicePromise] | None = None):
    inputs = RenderInputs(profile=load_profile(), promises=promises or load_promises())
    return build_context(letter_from_dict(data), "brief", inputs)


@pytest.mark.parametrize("closing", ["", "   ", "\n"])
def test_an_empty_closing_prints_the_default(closing: str) -> None:
    data = _data(closing=closing)
    assert _context(data)["letter"]["closing"] == "Met vriendelijke groet,"
    paragraphs = body_paragraphs(render_docx(letter_from_dict(data)).data)
    assert "Met vriendelijke groet," in paragraphs


def test_a_typed_closing_is_printed_as_typed() -> None:
    data = _data(closing="Hoogachtend,")
    assert _context(data)["letter"]["closing"] == "Hoogachtend,"
    paragraphs = body_paragraphs(render_docx(letter_from_dict(data)).data)
    assert "Hoogachtend," in paragraphs
    assert "Met vriendelijke groet," not in paragraphs


def test_the_date_has_no_place_and_the_place_date_line_stays() -> None:
    letter = _context(_data(date="2022-03-01"))["letter"]
    assert letter["date"] == "1 maart 2022"
    assert letter["place_date"] == "Doorn, 1 maart 2022"
    assert letter["dateline"] == "Doorn, 1 maart 2022 –"


@pytest.mark.parametrize(
    ("number", "text", "label"),
    [
        (4, "Servicebelofte 4 verplicht tot respectvolle omgang met medewerkers.", ""),
        (5, "In servicebelofte 5 worden de uitgangspunten vastgelegd.", ""),
        (5, "Zoals SERVICEBELOFTE\u00a05 zegt.", ""),
        (1, "De klant is bereikbaar.", "Servicebelofte 1"),
        (4, "Servicebelofte 45 bestaat niet.", "Servicebelofte 4"),
        (4, "In servicebeloften 4 en 5.", "Servicebelofte 4"),
        (5, "Anders dan servicebelofte 4.", "Servicebelofte 5"),
    ],
)
def test_the_promise_label_is_left_out_when_the_text_names_it(
    number: int, text: str, label: str
) -> None:
    assert promise_label(number, text) == label


def test_the_sample_promises_carry_no_second_label() -> None:
    promises = [b for b in _context(_data())["body"] if b["type"] == "promise"]
    assert [(p["number"], p["label"]) for p in promises] == [(4, ""), (5, "")]


def test_a_promise_text_without_its_name_keeps_the_label() -> None:
    promises = {
        1: ServicePromise(
            number=1,
            topic="klant en bereikbaarheid",
            text="Wij zijn bereikbaar.",
            placeholder=False,
        )
    }
    data = _data(body=[{"type": "promise", "number": 1}])
    (block,) = _context(data, promises)["body"]
    assert block["label"] == "Servicebelofte 1"
    assert block["text"] == "Wij zijn bereikbaar."
