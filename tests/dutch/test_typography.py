"""Table-driven tests for quotes, attributions and smartening generated text."""

from __future__ import annotations

import pytest

from composer.dutch.typography import (
    APOSTROPHE,
    CLOSE_QUOTE,
    OPEN_QUOTE,
    attribution,
    quoted,
    smarten,
)


def test_quote_characters() -> None:
    assert (OPEN_QUOTE, CLOSE_QUOTE, APOSTROPHE) == ("\u201c", "\u201d", "\u2019")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We zijn blij", "“We zijn blij”"),
        ("It's 'so' \"raw\"", "“It's 'so' \"raw\"”"),
        ("  spaties  ", "“  spaties  ”"),
        ("", "“”"),
    ],
)
def test_quoted_leaves_text_alone(text: str, expected: str) -> None:
    assert quoted(text) == expected


@pytest.mark.parametrize(
    ("speaker", "role", "expected"),
    [
        ("Roel Masselink", "directeur van de KSF", "Roel Masselink, directeur van de KSF"),
        ("Roel Masselink", "", "Roel Masselink"),
        ("Roel Masselink", "   ", "Roel Masselink"),
        ("", "directeur van de KSF", "directeur van de KSF"),
        ("", "", ""),
    ],
)
def test_attribution(speaker: str, role: str, expected: str) -> None:
    assert attribution(speaker, role) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We zijn blij", zegt hij.', "“We zijn blij”, zegt hij."),
        ('Masselink: "Goed werk."', "Masselink: “Goed werk.”"),
        ('("tussen haakjes")', "(“tussen haakjes”)"),
        ("de 'servicebeloften'", "de ‘servicebeloften’"),
        ("\"Zij zei 'nee'.\"", "“Zij zei ‘nee’.”"),
        ("dilemma's", "dilemma’s"),
        ("'s-Hertogenbosch", "’s-Hertogenbosch"),
        ("in 's-Hertogenbosch", "in ’s-Hertogenbosch"),
        ("'s avonds", "’s avonds"),
        ("meneer 't Hart", "meneer ’t Hart"),
        ("'t is mooi", "’t is mooi"),
        ("zo'n dag", "zo’n dag"),
        ("'k weet het", "’k weet het"),
        ("zomer '22", "zomer ’22"),
        ("'sorry'", "‘sorry’"),
        ("'tis'", "‘tis’"),
        ("mevrouw d'Ancona", "mevrouw d’Ancona"),
        ("geen aanhalingstekens", "geen aanhalingstekens"),
        ("al “krul” en ’t", "al “krul” en ’t"),
    ],
)
def test_smarten(text: str, expected: str) -> None:
    assert smarten(text) == expected
