"""A press release's quotes run inline as in the KSF's own release of 17 October 2022."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from composer.core.catalogues import load_profile, load_promises
from composer.core.letterfile import letter_from_dict, load_letter
from composer.render.context import RenderInputs, build_context
from composer.render.docx import render_docx
from tests.docx_reading import body_paragraphs

REPO = Path(__file__).resolve().parents[2]
SAMPLE_PRESS = REPO / "resources" / "samples" / "persbericht-handreiking-cao.json"
SAMPLE_LETTER = REPO / "resources" / "samples" / "brief-cao-onderhandelaars.json"

FIRST_QUOTE = (
    "“Een behoorlijk en duurzaam arbeidsvoorwaardenpakket binnen facilitaire contactcenters kan "
    "en mag niet enkel het vraagstuk voor de onderhandelende partijen zijn”, zegt Roel "
    "Masselink, directeur van de KSF."
)
SECOND_QUOTE = (
    "“Nog meer tijd nemen is in deze tijd van grote onzekerheid en een toenemende druk op "
    "klantcontact en op de klantcontactmedewerker in niemands belang”, aldus Masselink."
)


def _inputs() -> RenderInputs:
    return RenderInputs(profile=load_profile(), promises=load_promises())


def _press(body: list[dict[str, Any]]) -> list[dict[str, Any]]:
    data = json.loads(SAMPLE_PRESS.read_text(encoding="utf-8"))
    data["body"] = body
    return build_context(letter_from_dict(data), "persbericht", _inputs())["body"]


def _quote(text: str, speaker: str = "Roel Masselink", role: str = "") -> dict[str, str]:
    return {"type": "quote", "text": text, "speaker": speaker, "role": role}


def _paragraph(text: str) -> dict[str, str]:
    return {"type": "paragraph", "text": text}


def _plain(block: dict[str, Any]) -> dict[str, Any]:
    """The block without its runs (their text is checked by the tests on runs below)."""
    return {key: value for key, value in block.items() if key != "runs"}


def _run(text: str, **marks: bool) -> dict[str, Any]:
    return {"text": text, "bold": False, "italic": False, "underline": False, **marks}


def test_the_sample_release_reads_as_the_ksf_wrote_it() -> None:
    paragraphs = body_paragraphs(render_docx(load_letter(SAMPLE_PRESS)).data)
    text = "\n".join(paragraphs)
    first = next(p for p in paragraphs if FIRST_QUOTE in p)
    # The quote closes the paragraph before it, after a space.
    assert first.endswith("een spoedig cao-akkoord. " + FIRST_QUOTE)
    second = next(p for p in paragraphs if SECOND_QUOTE in p)
    assert second.endswith("voort te maken. " + SECOND_QUOTE)
    # Full name and function the first time only; no separate attribution lines.
    assert text.count("directeur van de KSF") == 1
    assert "– Roel Masselink" not in text


def test_a_press_release_body_holds_paragraphs_and_promises_only() -> None:
    body = build_context(load_letter(SAMPLE_PRESS), "persbericht", _inputs())["body"]
    assert [block["type"] for block in body] == ["paragraph"] * 3 + ["promise"] * 2
    assert body[0]["text"].endswith(FIRST_QUOTE)
    assert body[1]["text"].endswith(SECOND_QUOTE)


def test_later_quotes_name_the_surname_with_its_tussenvoegsel_capitalised() -> None:
    body = _press(
        [
            _paragraph("De KSF reageert."),
            _quote("Het is tijd", "Geeske te Gussinklo", "voorzitter van de ledenraad"),
            _paragraph("Daarna sprak de directeur."),
            _quote("Wij helpen", "Roel Masselink", "directeur van de KSF"),
            _paragraph("En weer de voorzitter."),
            _quote("Wij blijven praten.", "Geeske te Gussinklo", "voorzitter van de ledenraad"),
            _quote("Nu!", "Roel  Masselink", "directeur van de KSF"),
        ]
    )
    assert [block["text"] for block in body] == [
        "De KSF reageert. “Het is tijd”, zegt Geeske te Gussinklo, voorzitter van de ledenraad.",
        "Daarna sprak de directeur. “Wij helpen”, zegt Roel Masselink, directeur van de KSF.",
        "En weer de voorzitter. “Wij blijven praten”, aldus Te Gussinklo. “Nu!” aldus Masselink.",
    ]


def test_a_quote_without_a_paragraph_before_it_is_a_paragraph_of_its_own() -> None:
    body = _press(
        [
            _quote("Waarom nu?", "Roel Masselink"),
            {"type": "promise", "number": 4},
            _quote("Daarom", "Roel Masselink"),
            _quote("Zonder spreker.", speaker=""),
        ]
    )
    assert _plain(body[0]) == {"type": "paragraph", "text": "“Waarom nu?” zegt Roel Masselink."}
    assert body[0]["runs"] == [_run("“Waarom nu?” zegt Roel Masselink.")]
    assert body[1]["type"] == "promise"
    assert _plain(body[2]) == {"type": "paragraph", "text": "“Daarom”, aldus Masselink."}
    assert _plain(body[3]) == {"type": "paragraph", "text": "“Zonder spreker.”"}
    assert len(body) == 4


def test_a_quote_without_speaker_stays_a_bare_quotation_of_its_own() -> None:
    body = _press([_paragraph("Eerst dit."), _quote("Zo gaat het.", speaker="  ")])
    assert [_plain(block) for block in body] == [
        {"type": "paragraph", "text": "Eerst dit."},
        {"type": "paragraph", "text": "“Zo gaat het.”"},
    ]


def test_double_quotes_inside_a_quote_become_single_ones() -> None:
    body = _press([_paragraph("Hij zei:"), _quote('Dit heet "goed werkgeverschap".')])
    assert body[0]["text"] == "Hij zei: “Dit heet ‘goed werkgeverschap’”, zegt Roel Masselink."


def test_the_paragraph_text_itself_is_kept_exactly() -> None:
    typed = "Tekst met & < > \" ' {{ x }} 😀\nregel twee"
    body = _press([_paragraph(typed), _quote("Ja", "Roel Masselink")])
    assert body[0]["text"] == typed + " “Ja”, zegt Roel Masselink."


def test_a_letter_keeps_its_block_quotes_with_nested_marks() -> None:
    data = json.loads(SAMPLE_LETTER.read_text(encoding="utf-8"))
    data["body"][2]["text"] = 'Dit is "in niemands belang"'
    context = build_context(letter_from_dict(data), "brief", _inputs())
    quote = context["body"][2]
    assert quote["type"] == "quote"
    assert quote["text"] == "Dit is ‘in niemands belang’"
    assert quote["attribution"] == "Roel Masselink, directeur van de KSF"
    paragraphs = body_paragraphs(render_docx(letter_from_dict(data)).data)
    assert "“Dit is ‘in niemands belang’”" in paragraphs


def test_a_quote_after_a_paragraph_with_marks_keeps_the_marks_and_follows_unmarked() -> None:
    marked = {"type": "paragraph", "runs": [{"text": "Dit is "}, {"text": "nu", "bold": True}]}
    body = _press([marked, _quote("Ja", "Roel Masselink")])
    assert body[0]["text"] == "Dit is nu “Ja”, zegt Roel Masselink."
    assert body[0]["runs"] == [
        _run("Dit is "),
        _run("nu", bold=True),
        _run(" “Ja”, zegt Roel Masselink."),
    ]
    paragraphs = body_paragraphs(render_docx(_press_letter([marked, _quote("Ja")])).data)
    assert any(p.endswith("Dit is nu “Ja”, zegt Roel Masselink.") for p in paragraphs)


def test_a_quote_after_a_list_or_a_heading_is_a_paragraph_of_its_own() -> None:
    items = [{"text": "eerste"}, {"text": "tweede"}]
    body = _press(
        [
            {"type": "list", "style": "number", "items": items},
            _quote("Ja", "Roel Masselink"),
            {"type": "heading", "text": "Verder"},
            _quote("Nee", "Roel Masselink"),
        ]
    )
    assert [block["type"] for block in body] == ["list", "paragraph", "heading", "paragraph"]
    assert [entry["text"] for entry in body[0]["entries"]] == ["eerste", "tweede"]
    assert body[1]["text"] == "“Ja”, zegt Roel Masselink."
    assert body[3]["text"] == "“Nee”, aldus Masselink."


def _press_letter(body: list[dict[str, Any]]) -> Any:
    data = json.loads(SAMPLE_PRESS.read_text(encoding="utf-8"))
    data["body"] = body
    return letter_from_dict(data)
