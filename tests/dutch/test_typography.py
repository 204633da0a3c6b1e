"""Table-driven tests for quotes: attribution, nested quotes, quotes run into the text."""

from __future__ import annotations

import pytest

from composer.dutch.names import speaker_surname
from composer.dutch.salutations import closing_or_default
from composer.dutch.typography import attribution, inline_quote, nested_quotes


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
    ("typed", "expected"),
    [
        ("Nog meer tijd nemen is in niemands belang", "Nog meer tijd nemen is in niemands belang"),
        (
            'Zij noemde het "verantwoord opdrachtgeverschap".',
            "Zij noemde het ‘verantwoord opdrachtgeverschap’.",
        ),
        ("Zij noemde het “goed werkgeverschap”.", "Zij noemde het ‘goed werkgeverschap’."),
        ("De klant zei: „Nu”, en ging.", "De klant zei: ‘Nu’, en ging."),
        ('("Dilemma\'s") blijven', "(‘Dilemma's’) blijven"),
        ('"Nu" zei hij, en "later".', "‘Nu’ zei hij, en ‘later’."),
        # Quotation marks around the whole quote: Composer adds its own, so these go.
        (
            "“Nog meer tijd nemen is in niemands belang”",
            "Nog meer tijd nemen is in niemands belang",
        ),
        ('"Het kan."', "Het kan."),
        # Apostrophes, single quotes and other characters are the user's and stay.
        ("’t Is ‘zogenaamd’ klaar & <goed> {{ x }}", "’t Is ‘zogenaamd’ klaar & <goed> {{ x }}"),
    ],
)
def test_nested_quotes(typed: str, expected: str) -> None:
    assert nested_quotes(typed) == expected


@pytest.mark.parametrize(
    ("text", "verb_phrase", "expected"),
    [
        (
            "Een behoorlijk en duurzaam arbeidsvoorwaardenpakket kan niet enkel het vraagstuk zijn",
            "zegt Roel Masselink, directeur van de KSF",
            "“Een behoorlijk en duurzaam arbeidsvoorwaardenpakket kan niet enkel het vraagstuk "
            "zijn”, zegt Roel Masselink, directeur van de KSF.",
        ),
        # The full stop of the quoted sentence gives way to the comma after the closing mark.
        ("Het is hoog tijd.", "aldus Masselink", "“Het is hoog tijd”, aldus Masselink."),
        # No comma after a question or exclamation mark (Onze Taal); the mark stays inside.
        ("Waarom nu?", "zegt Roel Masselink", "“Waarom nu?” zegt Roel Masselink."),
        ("Nu!", "aldus Masselink", "“Nu!” aldus Masselink."),
        ("En dan...", "aldus Masselink", "“En dan...” aldus Masselink."),
        # A role that ends with a full stop gets no second one.
        ("Het kan", "zegt Kim Bos, directeur a.i.", "“Het kan”, zegt Kim Bos, directeur a.i."),
    ],
)
def test_inline_quote(text: str, verb_phrase: str, expected: str) -> None:
    assert inline_quote(text, verb_phrase) == expected


@pytest.mark.parametrize(
    ("speaker", "expected"),
    [
        ("Roel Masselink", "Masselink"),
        ("Geeske te Gussinklo", "Te Gussinklo"),
        ("Jan Willem de Boer", "De Boer"),
        ("Marloes van der Ven-van Dijk", "Van der Ven-van Dijk"),
        ("Anne-Marie Jansen-de Vries", "Jansen-de Vries"),
        ("Patsy Van der Meeren", "Van der Meeren"),
        ("Sara d'Ancona", "d'Ancona"),
        ("Jan Peter Balkenende", "Balkenende"),
        ("R. Masselink", "Masselink"),
        ("Masselink", "Masselink"),
        ("  ", ""),
    ],
)
def test_speaker_surname(speaker: str, expected: str) -> None:
    assert speaker_surname(speaker) == expected


@pytest.mark.parametrize(
    ("closing", "expected"),
    [
        ("", "Met vriendelijke groet,"),
        ("  \n", "Met vriendelijke groet,"),
        ("Hoogachtend,", "Hoogachtend,"),
        ("Met vriendelijke groeten,", "Met vriendelijke groeten,"),
    ],
)
def test_an_empty_closing_means_the_default(closing: str, expected: str) -> None:
    assert closing_or_default(closing) == expected
