"""Characters the PDF's font has no glyph for (emoji) give a warning before export."""

from __future__ import annotations

import json

import pytest

from composer.core.letterfile import letter_from_dict
from composer.render.docx import render_docx
from composer.render.font_metrics import metrics_for
from composer.render.glyph_check import glyph_warnings, missing_glyphs
from composer.render.registry import TemplateInfo, find_template
from tests.conftest import SAMPLE_LETTER, SAMPLE_PRESS_RELEASE, run_composer

SMILE, PARTY, HEART = "\U0001f600", "\U0001f389", "\u2764"


def sample(path=SAMPLE_LETTER) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def with_emoji() -> dict:
    data = sample()
    data["subject"] = f"Handreiking {SMILE} aan de onderhandelaars {SMILE}{PARTY}"
    data["body"][0]["text"] = f"Goed nieuws {HEART}\ufe0f voor iedereen."
    return data


def test_emoji_in_subject_and_body_are_named_per_field():
    warnings = render_docx(letter_from_dict(with_emoji())).warnings
    subject = [w for w in warnings if "(in Betreft)" in w]
    body = [w for w in warnings if "(in Tekst van alinea 1)" in w]
    assert subject == [
        f"De tekens {SMILE} {PARTY} (in Betreft) staan niet in het lettertype Calibri; in de "
        "PDF kunnen ze als lege vakjes verschijnen. Laat ze weg of vervang ze."
    ]
    assert body == [
        f"Het teken {HEART} (in Tekst van alinea 1) staat niet in het lettertype Calibri; in de "
        "PDF kan het als een leeg vakje verschijnen. Laat het weg of vervang het."
    ]
    assert not any("FE0F" in w for w in warnings)  # the emoji selector is not a character


@pytest.mark.parametrize("path", [SAMPLE_LETTER, SAMPLE_PRESS_RELEASE])
def test_dutch_text_and_typography_give_no_warning(path):
    data = sample(path)
    data["subject"] = "Één café, ’t ‘zonnetje’ – “prima” · € 12,50 … Curaçao, Noël, ĳs"
    assert render_docx(letter_from_dict(data)).warnings == []


def test_invisible_characters_are_not_reported():
    metrics = metrics_for("Calibri")
    text = "a\tb\nc\x0bd\u00ade\u200bf\u200dg\u2060h\u00a0i\u202fj\ufe0f"
    assert missing_glyphs(text, metrics) == []
    assert missing_glyphs(f"x{SMILE}y{SMILE}{PARTY}", metrics) == [SMILE, PARTY]
    assert missing_glyphs("\U0001f44d\U0001f3fd", metrics) == ["\U0001f44d"]  # no skin tone


def test_an_emoji_in_the_address_names_the_addressee():
    data = sample()
    data["addressees"][0]["organisation"] = f"Werkgeversvereniging {SMILE}"
    warnings = render_docx(letter_from_dict(data)).warnings
    assert any(f"Het teken {SMILE} (in Adres van geadresseerde 1)" in w for w in warnings)


def test_a_character_without_face_is_shown_by_its_code():
    info = find_template("brief")
    context = {"letter": {"subject": "Privé \ue000 teken"}}  # private use: no glyph, no face
    [warning] = glyph_warnings(context, info)
    assert warning.startswith("Het teken U+E000 (in Betreft)")


def test_a_font_composer_cannot_read_is_not_checked(tmp_path):
    own = TemplateInfo("eigen", "Eigen", "brief", tmp_path / "eigen.docx", font="Georgia")
    assert glyph_warnings({"letter": {"subject": SMILE}}, own) == []


def test_the_command_line_prints_the_warning(tmp_path):
    letter = tmp_path / "emoji.json"
    letter.write_text(json.dumps(with_emoji()), encoding="utf-8")
    result = run_composer("render", str(letter), "-o", str(tmp_path / "brief.docx"))
    assert result.returncode == 0, result.stderr
    assert f"Waarschuwing: De tekens {SMILE} {PARTY} (in Betreft) staan niet in" in result.stderr


@pytest.mark.libreoffice
def test_the_command_line_warns_before_making_the_pdf(soffice, tmp_path):
    letter = tmp_path / "emoji.json"
    letter.write_text(json.dumps(with_emoji()), encoding="utf-8")
    out = tmp_path / "brief.pdf"
    result = run_composer("render", str(letter), "-o", str(out), env={"COMPOSER_SOFFICE": soffice})
    assert result.returncode == 0, result.stderr
    assert f"Waarschuwing: De tekens {SMILE} {PARTY} (in Betreft)" in result.stderr
    assert out.is_file()
