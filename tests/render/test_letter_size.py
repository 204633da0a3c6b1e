"""A letter with far too much text is refused before rendering, naming the field it is in."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from composer.core.letterfile import letter_from_dict
from composer.errors import ComposerError, TemplateProblem
from composer.render.docx import render_docx
from tests.conftest import REPO

SAMPLE = REPO / "resources" / "samples" / "brief-cao-onderhandelaars.json"


def sample() -> dict:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


def test_a_10_mb_paragraph_is_refused_naming_the_paragraph(tmp_path):
    data = sample()
    data["body"][2:2] = [{"type": "paragraph", "text": "woord " * (10 * 1024 * 1024 // 6 + 1)}]
    letter = tmp_path / "brief.json"
    letter.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "brief.docx"
    result = subprocess.run(
        [sys.executable, "-m", "composer", "render", str(letter), "-o", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "Alinea 3 is te lang: 10.485.762 tekens, meer dan de 100.000" in result.stderr
    assert "sjabloon" not in result.stderr
    assert not out.exists()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda d, t: d.update(subject=t), "Het onderwerp (Betreft)"),
        (lambda d, t: d["body"][2].update(speaker=t), "De spreker bij het citaat in blok 3"),
        (lambda d, t: d["addressees"][0].update(organisation=t), "Een gegeven van geadresseerde 1"),
        (lambda d, t: d.update(attachments=["Notitie", t]), "Bijlage 2"),
    ],
)
def test_any_overlong_field_is_named(change, field):
    data = sample()
    change(data, "x" * 100_001)
    with pytest.raises(ComposerError) as caught:
        render_docx(letter_from_dict(data))
    assert not isinstance(caught.value, TemplateProblem)
    assert caught.value.message.startswith(f"{field} is te lang: 100.001 tekens")


def test_a_letter_too_long_in_all_is_refused():
    data = sample()
    data["body"] += [{"type": "paragraph", "text": "woord " * 16_000} for _ in range(6)]
    with pytest.raises(ComposerError, match=r"^De brief is te lang: \d{3}\.\d{3} tekens in totaal"):
        render_docx(letter_from_dict(data))


def test_a_long_but_reasonable_letter_still_renders():
    data = sample()
    data["body"] += [{"type": "paragraph", "text": "woord " * 16_000} for _ in range(4)]
    assert render_docx(letter_from_dict(data)).data
