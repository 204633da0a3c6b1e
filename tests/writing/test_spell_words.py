"""Which words of Dutch text are checked, and in which forms (no dictionary: a word set)."""

from __future__ import annotations

import pytest

from composer.writing.spell_words import judge, words

KNOWN = {
    "zo’n", "cd’s", "Ancona", "werkgevers", "akkoord", "arbeidsdeel", "en", "of", "brief",
    "e.d.", "blz.", "servicebeloften", "zo", "Dit", "de",
}  # fmt: skip


def underlined(text: str) -> list[str]:
    """What a user sees underlined in `text`, with this small word set as the dictionary."""
    marks = []
    for token in words(text):
        verdict = judge(token.text, KNOWN.__contains__)
        if verdict is not None:
            marks.append(text[token.start + verdict[0] : token.start + verdict[1]])
    return marks


def test_words_have_their_offsets_in_the_text() -> None:
    text = "Wij schrijven u, zo’n brief."
    assert [(t.start, t.end, t.text) for t in words(text)] == [
        (0, 3, "Wij"),
        (4, 13, "schrijven"),
        (14, 15, "u"),
        (17, 21, "zo’n"),
        (22, 28, "brief."),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "zo’n brief",  # an apostrophe inside the word
        "cd’s en d’Ancona",  # a plural with an apostrophe; a name with a particle
        "‘servicebeloften’ en 'zo' of 'Dit'",  # quotes around a word are no part of it
        "werkgevers- en arbeids- of akkoord",  # truncated compounds
        "zo en -akkoord",
        "e.d. blz. brief.",  # abbreviations with points; a word ending a sentence
        "KSF en WFC en PDF",  # abbreviations in capitals
        "PostNL of iPhone",  # a capital inside: a brand name
        "2026 3e 12a A4 50+’er",  # anything with a digit
        "N. en J.P. en u",  # initials and single letters
        "en info@ksf.nl of https://www.ksf.nl/brief.pdf en www.ksf.nl.",
        "en/of",  # each part of a word with a slash
    ],
)
def test_these_are_not_underlined(text: str) -> None:
    assert underlined(text) == []


def test_an_unknown_word_is_underlined_without_its_point_or_quotes() -> None:
    assert underlined("de servicebelofte.") == ["servicebelofte"]
    assert underlined("‘klantbelofte’ en 'kantoor'") == ["klantbelofte", "kantoor"]


def test_a_truncated_compound_is_underlined_when_its_part_is_unknown() -> None:
    assert underlined("werkgevrs- en -akord") == ["werkgevrs", "akord"]


def test_a_long_word_in_capitals_is_checked() -> None:
    assert underlined("ONDERHANDELINGEN") == ["ONDERHANDELINGEN"]
