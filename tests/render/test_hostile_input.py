"""Whatever a user types comes out exactly as typed: no escaping damage, no evaluation, no crash."""

from __future__ import annotations

import json
import re
from pathlib import Path

from composer.core.letterfile import loads_letter
from composer.dutch.names import typographic_apostrophes
from composer.dutch.typography import nested_quotes
from composer.render.docx import render_docx
from tests.conftest import pdf_text
from tests.docx_reading import body_paragraphs, core_properties

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "resources" / "samples" / "brief-cao-onderhandelaars.json"

INLINE = "& < > \" ' “ ” ’ {{ x }} {% if %} ]]> 😀👍🏽 שלום עליכם مرحبا \u202eomgekeerd\u202c"
CONTROLS = "\x01\x07\x0c\x1b\x7f\x85\ud800"
HOSTILE = f"{INLINE}\nregel twee\x0bregel drie\r\nregel vier\tna tab{CONTROLS} einde"
LONG = ("Lange alinea " + INLINE + " ") * 300
LONG = LONG[:20_000]
# Hostile, and short enough for the envelope window (85 mm): a wider address line is refused
# (tests/render/test_address_fit.py). Calibri 10.5 pt: 29 mm; the name line 54 mm, the street
# line 59 mm, the name line with the role 72 mm.
IN_WINDOW = "& < \" ' {{ x }} 😀 ש\u202eo\u202c"
ROLE_IN_WINDOW = "{% if %} ]]>"


def expected(text: str) -> str:
    """What a reader must see: controls gone, Word's line break as a line break."""
    text = text.replace("\r\n", "\n").replace("\x0b", "\n")
    return re.sub("[\x00-\x08\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]", "", text)


def hostile_letter_json() -> str:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data.update(
        subject=HOSTILE,
        place=INLINE,
        our_reference=HOSTILE,
        your_reference=HOSTILE,
        salutation=HOSTILE,
        closing=HOSTILE,
        attachments=[HOSTILE, INLINE],
        copies=[HOSTILE],
    )
    data["signatories"] = [{"name": HOSTILE, "role": HOSTILE}]
    addressee = data["addressees"][0]
    addressee.update(organisation=IN_WINDOW, department=IN_WINDOW, role=ROLE_IN_WINDOW)
    addressee["person"].update(surname=IN_WINDOW, infix="", first_name=IN_WINDOW)
    addressee["address"].update(street=IN_WINDOW, house_number=IN_WINDOW)
    data["body"] = [
        {"type": "paragraph", "text": HOSTILE},
        {"type": "quote", "text": HOSTILE, "speaker": HOSTILE, "role": HOSTILE},
        {"type": "paragraph", "text": LONG},
        {"type": "promise", "number": 4},
    ]
    # json.dumps writes the lone surrogate as \ud800, as a broken file would.
    return json.dumps(data, ensure_ascii=True)


def test_every_text_field_reads_back_exactly(tmp_path):
    rendered = render_docx(loads_letter(hostile_letter_json()))
    text = "\n\n".join(body_paragraphs(rendered.data))
    clean = expected(HOSTILE)
    assert clean.startswith(INLINE) and "\ud800" not in clean
    # subject (Betreft), kenmerken, salutation, paragraph, quote, closing, signatory, lists
    assert text.count(clean) >= 10, text[:2000]
    # The two deliberate exceptions to "as typed": " “ ” inside a quote become ‘ ’ (a quote
    # within a quote), and ' in a name Composer puts together from its parts becomes ’.
    assert "“" + nested_quotes(clean) + "”" in text
    assert "“" + clean + "”" not in text
    assert "– " + expected(HOSTILE) + ", " + clean in text  # quote attribution
    assert LONG in text
    assert f"Betreft: {clean}" in text
    # Address block: each field on its line, the name after "T.a.v. de heer N."
    name = typographic_apostrophes(IN_WINDOW)
    assert name != IN_WINDOW
    window = "\n".join(
        [
            IN_WINDOW,
            IN_WINDOW,
            f"T.a.v. de heer N. {name}, {ROLE_IN_WINDOW}",
            f"{IN_WINDOW} {IN_WINDOW}",
            "",
        ]
    )
    assert window in text
    assert core_properties(rendered.data).title == " ".join(
        expected(HOSTILE).replace("\t", " ").split("\n")
    )


def test_removed_control_characters_are_reported_per_field():
    warnings = render_docx(loads_letter(hostile_letter_json())).warnings
    fields = {warning.split(":")[0] for warning in warnings}
    assert {
        "subject",
        "salutation",
        "closing",
        "body[0].text",
        "body[1].speaker",
        "signatories[0].name",
        "attachments[0]",
        "copies[0]",
    } <= fields
    assert "subject: 7 onzichtbare stuurtekens verwijderd" in " ".join(warnings)


def test_libreoffice_opens_the_hostile_docx(tmp_path, convert_to_pdf):
    docx_path = tmp_path / "vijandig.docx"
    docx_path.write_bytes(render_docx(loads_letter(hostile_letter_json())).data)
    text = pdf_text(convert_to_pdf(docx_path))
    assert "{{ x }}" in text
    assert "{% if %}" in text
    assert "]]>" in text
    assert "regel twee" in text and "regel drie" in text
    # The hostile address lines fit the window: its last line is printed, not cut off.
    assert "{% if %} ]]>" in text
    assert "1234 AB  VOORBEELDSTAD" in text or "1234 AB VOORBEELDSTAD" in text
