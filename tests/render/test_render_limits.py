"""Filling in a template is bounded: hostile templates stop within seconds with a Dutch reason."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from composer.core.letterfile import letter_from_dict
from composer.render.docx import render_docx
from tests.conftest import REPO
from tests.docx_reading import body_paragraphs
from tests.render.template_factory import docx_with, install_user_template

SAMPLE = REPO / "resources" / "samples" / "brief-cao-onderhandelaars.json"
BOUND = 20  # seconds: generous, machines are noisy; the limits stop renders far earlier


def composer_within(*args: str) -> tuple[subprocess.CompletedProcess, float]:
    """`python -m composer ARGS` in its own process; a render that never ends fails the test."""
    start = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "composer", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    return result, time.monotonic() - start


HOSTILE = [
    ("{{ range(10**9)|length }}", "range() zou 1.000.000.000 getallen maken"),
    (
        "{% for a in range(9999) %}{% for b in range(9999) %}{% endfor %}{% endfor %}",
        "de lussen in het sjabloon lopen samen meer dan 1.000.000 keer rond",
    ),
    (
        "{{ 'a' * 10**9 }}",
        "de bewerking ‘*’ maakt een tekst of lijst van meer dan 1.000.000 tekens",
    ),
    ("{{ [0] * 10**9 }}", "de bewerking ‘*’ maakt een tekst of lijst"),
    ("{{ 7 ** (10**9) }}", "de bewerking ‘**’ maakt een getal van meer dan 3.000 cijfers"),
    (
        "{% set ns = namespace(x=7) %}{% for i in range(40) %}{% set ns.x = ns.x * ns.x %}"
        "{% endfor %}",
        "de bewerking ‘*’ maakt een getal van meer dan 3.000 cijfers",
    ),
    ("{{ lipsum(n=10**6) }}", "lipsum() maakt hoogstens 100 alinea's van hoogstens 1.000 woorden"),
    (
        "{% set ns = namespace(s='x') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}"
        "{% endfor %}",
        "het sjabloon maakt een tekst of lijst van meer dan 1.000.000 tekens",
    ),
    (
        "{% set a = ['x' * 90000] * 10 %}{% set b = [a, a, a, a, a, a, a, a, a, a] %}{{ b }}",
        "het sjabloon maakt een tekst of lijst van meer dan 1.000.000 tekens",
    ),
    (
        "{% set s %}{% for i in range(9999) %}{% for j in range(99) %}{{ 'x' * 99999 }}"
        "{% endfor %}{% endfor %}{% endset %}",
        "het ingevulde document wordt groter dan 20.000.000 tekens",
    ),
    ("{{ '%0999999999d' % 1 }}", "de bewerking ‘%’ maakt een tekst"),
    ("{{ '{:>999999999}'.format(1) }}", "de functie ‘format()’ maakt een tekst"),
    ("{{ ('a' * 1000)|replace('a', 'b' * 100000) }}", "de filter ‘replace’ maakt een tekst"),
    ("{{ 'x'|center(10**9) }}", "de filter ‘center’ maakt een tekst"),
    (
        "{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}",
        "macro's of lussen roepen zichzelf meer dan 100 keer binnen elkaar aan",
    ),
    ("{{ 1 / 0 }}", "het sjabloon deelt door nul"),
]


@pytest.mark.parametrize(("expression", "reason"), HOSTILE, ids=[h[0][:40] for h in HOSTILE])
def test_templates_check_stops_a_hostile_template(tmp_path, expression, reason):
    template = docx_with(tmp_path / "kwaad.docx", [["Betreft: {{ letter.subject }}"], [expression]])
    result, seconds = composer_within("templates", "check", str(template))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert reason in result.stderr, result.stderr[-2000:]
    assert seconds < BOUND


def test_a_slow_template_stops_at_the_time_budget(tmp_path):
    slow = "{% for i in range(9999) %}{% set s = ('ab' * 400000).replace('a', 'b') %}{% endfor %}"
    template = docx_with(tmp_path / "traag.docx", [[slow]])
    result, seconds = composer_within("templates", "check", str(template))
    assert result.returncode == 1
    assert "het invullen duurt langer dan 5 seconden" in result.stderr, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    assert seconds < BOUND


def _letter_with_template(tmp_path: Path, template: Path, subject: str) -> Path:
    install_user_template(Path(os.environ["COMPOSER_DATA_DIR"]), "kwaad", template)
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data.update(template="kwaad", subject=subject)
    path = tmp_path / "brief.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_render_stops_a_template_that_explodes_only_on_the_real_letter(tmp_path):
    """`templates check` passes (sample data); the render itself must stop, in Dutch."""
    template = docx_with(
        tmp_path / "kwaad.docx",
        [["{% if letter.subject == 'Bom' %}{{ range(10**9)|list }}{% endif %}"]],
    )
    letter = _letter_with_template(tmp_path, template, "Bom")
    out = tmp_path / "brief.docx"
    result, seconds = composer_within("render", str(letter), "-o", str(out))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "Het sjabloon ‘kwaad.docx’ is gestopt: range() zou 1.000.000.000 getallen maken" in (
        result.stderr
    )
    assert not out.exists()
    assert seconds < BOUND


def test_render_explains_a_template_that_writes_more_than_10_mb_in_one_piece(tmp_path):
    huge = "{% if letter.subject == 'Bom' %}{% for i in range(11) %}{{ 'x' * 999999 }}{% endfor %}"
    template = docx_with(tmp_path / "kwaad.docx", [[huge + "{% endif %}"]])
    letter = _letter_with_template(tmp_path, template, "Bom")
    out = tmp_path / "brief.docx"
    result, _seconds = composer_within("render", str(letter), "-o", str(out))
    assert result.returncode == 1
    assert "zet in word/document.xml meer dan 10 MB tekst aan één stuk" in result.stderr
    assert "Resource limit" not in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()


def test_ordinary_jinja_still_works_within_the_limits(tmp_path):
    """Loops, namespaces, macros, filters and formatting as a template author uses them."""
    template = docx_with(
        tmp_path / "gewoon.docx",
        [
            [
                "{% set ns = namespace(count=0) %}{% for block in body %}"
                "{% set ns.count = ns.count + 1 %}{% endfor %}blokken: {{ ns.count }}"
            ],
            ["{% macro box(text) %}[{{ text|upper }}]{% endmacro %}{{ box(letter.place) }}"],
            ["{{ '%05d'|format(42) }} {{ '{:>4}|'.format('ab') }} {{ 2 ** 10 }} {{ 7 // 2 }}"],
            ["{{ ([1, 2] + [3])|join('-') }} {{ 'ab' * 3 }} {{ range(3)|list|length }}"],
            ["{{ body|map(attribute='type')|unique|join(',') }}"],
        ],
    )
    install_user_template(Path(os.environ["COMPOSER_DATA_DIR"]), "gewoon", template)
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data.update(template="gewoon", place="Doorn")
    rendered = render_docx(letter_from_dict(data))
    assert body_paragraphs(rendered.data)[:5] == [
        "blokken: 8",
        "[DOORN]",
        "00042   ab| 1024 3",
        "1-2-3 ababab 3",
        "paragraph,quote,promise",
    ]
