"""The organisation as the templates see it: names, logo size, registration line, "Over …"."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from composer.core.catalogues import load_profile
from composer.core.letterfile import load_letter
from composer.errors import ComposerError
from composer.paths import data_dir, resources_dir
from composer.render.docx import render_docx
from composer.render.sender import media_parts, sender_context
from tests.docx_reading import body_paragraphs, header_footer_text

REPO = Path(__file__).resolve().parents[2]
SAMPLE_LETTER = REPO / "resources" / "samples" / "brief-cao-onderhandelaars.json"
SAMPLE_PRESS = REPO / "resources" / "samples" / "persbericht-handreiking-cao.json"
MM = 36_000  # EMU


def own_profile(logo_size: tuple[int, int] | None = None, **changes) -> Path | None:
    """Write the user's organisation catalogue (the shipped one with `changes`) and, with
    `logo_size` (width, height), a PNG logo beside it. Returns the logo's path."""
    shipped = resources_dir() / "catalogues" / "organisatie.json"
    content = {**json.loads(shipped.read_text(encoding="utf-8")), **changes}
    folder = data_dir() / "catalogues"
    folder.mkdir(parents=True, exist_ok=True)
    path = None
    if logo_size is not None:
        path = folder / "organisatie-logo.png"
        Image.new("RGB", logo_size, (0, 70, 140)).save(path)
        content["logo"] = content.get("logo") or path.name
    (folder / "organisatie.json").write_text(json.dumps(content), encoding="utf-8")
    return path


def test_the_shipped_profile_has_no_logo_no_numbers_and_an_about_text():
    sender = sender_context(load_profile())
    assert sender["name"] == "Klantenservice Federatie"
    assert sender["short_name"] == "KSF"
    assert (sender["logo"], sender["logo_cx"], sender["logo_cy"]) == (False, 0, 0)
    assert sender["registration_line"] == ""  # the KSF's numbers are not known: none invented
    assert sender["about_title"] == "Over Klantenservice Federatie"
    assert sender["about"].startswith(
        "De Klantenservice Federatie (KSF) is de brancheorganisatie voor klantcontact en "
        "klantenservice in Nederland."
    )
    assert "ISO 18295" in sender["about"]
    assert media_parts(load_profile()) == {}


def test_the_registration_line_names_the_filled_numbers_as_printed():
    own_profile(kvk="40 12 34 56", iban="nl91abna0417164300", btw="nl001234567b01")
    assert sender_context(load_profile())["registration_line"] == (
        "KvK 40123456 · IBAN NL91 ABNA 0417 1643 00 · btw NL001234567B01"
    )


def test_the_registration_line_leaves_out_what_is_empty():
    own_profile(kvk="", iban="NL91ABNA0417164300", btw="")
    assert sender_context(load_profile())["registration_line"] == "IBAN NL91 ABNA 0417 1643 00"


def test_without_a_short_name_the_name_stands_in():
    own_profile(short_name="")
    assert sender_context(load_profile())["short_name"] == "Klantenservice Federatie"


def test_a_logo_is_printed_15_mm_high_keeping_its_shape():
    logo = own_profile(logo_size=(300, 100))
    sender = sender_context(load_profile())
    assert sender["logo"] is True
    assert (sender["logo_cx"], sender["logo_cy"]) == (45 * MM, 15 * MM)
    parts = media_parts(load_profile())
    assert list(parts) == ["word/media/logo.png"]
    assert parts["word/media/logo.png"] == logo.read_bytes()
    with Image.open(io.BytesIO(parts["word/media/logo.png"])) as image:
        assert (image.format, image.size) == ("PNG", (300, 100))


def test_a_wide_logo_is_at_most_60_mm_wide():
    own_profile(logo_size=(1000, 100))
    sender = sender_context(load_profile())
    assert (sender["logo_cx"], sender["logo_cy"]) == (60 * MM, 6 * MM)


def test_a_missing_logo_file_is_a_message_not_a_letter_without_logo():
    logo = own_profile(logo_size=(300, 100))
    logo.unlink()
    with pytest.raises(ComposerError) as refused:
        sender_context(load_profile())
    assert refused.value.message == (
        f"Het logo van de organisatie (‘{logo}’) kan niet worden gelezen: het bestand bestaat "
        "niet. Kies het logo opnieuw of verwijder het onder Extra > Instellingen > Organisatie."
    )


def test_a_logo_file_that_is_no_png_is_a_message():
    logo = own_profile(logo_size=(300, 100))
    logo.write_bytes(b"GIF89a" + bytes(40))
    with pytest.raises(ComposerError, match="het is geen geldige PNG-afbeelding"):
        media_parts(load_profile())


@pytest.mark.parametrize("name", ["../geheim.png", "/etc/passwd", "sub/logo.png", ".."])
def test_a_logo_name_outside_the_catalogue_folder_is_refused(name):
    own_profile(logo=name)
    with pytest.raises(ComposerError, match="moet de naam van een bestand naast de catalogus"):
        load_profile()


def test_the_rendered_letter_carries_the_logo_and_the_registration_line():
    logo = own_profile(logo_size=(300, 100), kvk="40123456", iban="NL91ABNA0417164300")
    data = render_docx(load_letter(SAMPLE_LETTER)).data
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert package.read("word/media/logo.png") == logo.read_bytes()
        xml = "".join(
            package.read(name).decode("utf-8")
            for name in package.namelist()
            if re.fullmatch(r"word/(header\d*|document)\.xml", name)
        )
    assert f'cx="{45 * MM}" cy="{15 * MM}"' in xml  # the logo's extent, its shape kept
    assert "KvK 40123456 · IBAN NL91 ABNA 0417 1643 00" in header_footer_text(data)


def test_a_letter_without_logo_shows_the_name_and_no_registration_line():
    data = render_docx(load_letter(SAMPLE_LETTER)).data
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        xml = "".join(
            package.read(name).decode("utf-8")
            for name in package.namelist()
            if re.fullmatch(r"word/header\d*\.xml", name)
        )
    assert "<wp:extent" not in xml  # no picture in the letterhead
    assert "Klantenservice Federatie" in header_footer_text(data)
    assert "KvK" not in header_footer_text(data)


def test_the_press_release_ends_with_the_about_text_of_the_profile():
    own_profile(about="Wij zijn een vereniging van & voor klantcontact.")
    paragraphs = body_paragraphs(render_docx(load_letter(SAMPLE_PRESS)).data)
    position = paragraphs.index("Over Klantenservice Federatie")
    assert paragraphs[position + 1] == "Wij zijn een vereniging van & voor klantcontact."
