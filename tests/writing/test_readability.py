"""Flesch-Douma reading ease with Dutch syllable counting, and what a score means in words."""

from __future__ import annotations

import pytest

from composer.writing.readability import flesch_douma, meaning, readability, syllables


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("de", 1),
        ("brief", 1),
        ("huis", 1),
        ("eeuw", 1),
        ("nieuw", 1),
        ("mooie", 2),
        ("bijdrage", 3),
        ("situatie", 4),
        ("theater", 3),
        ("geïnteresseerd", 5),
        ("financiële", 5),
        ("facilitaire", 5),
        ("uitgangspunten", 4),
        ("klantcontactmedewerker", 7),
        ("verantwoordelijkheid", 6),
        ("brancheorganisatie", 7),
        ("7", 1),
    ],
)
def test_dutch_syllables(word, count):
    assert syllables(word) == count


def test_the_formula_is_flesch_douma():
    # 206.835 − 0.93 × 10 − 77 × 1.5
    assert flesch_douma(20, 2, 30) == pytest.approx(82.035)


@pytest.mark.parametrize(
    ("score", "words"),
    [
        (100.0, "zeer makkelijk"),
        (85.0, "makkelijk"),
        (75.0, "vrij makkelijk"),
        (65.0, "normaal"),
        (55.0, "vrij moeilijk"),
        (45.0, "vrij moeilijk"),
        (44.9, "moeilijk"),
        (30.0, "moeilijk"),
        (29.9, "zeer moeilijk"),
        (12.0, "zeer moeilijk"),
        (-5.0, "zeer moeilijk"),
    ],
)
def test_a_score_in_words(score, words):
    assert meaning(score) == words


def test_plain_dutch_reads_easier_than_the_press_release():
    plain = readability("Wij willen een goede cao. Wij praten met de bonden. Dat doen wij snel.")
    dense = readability(
        "De Klantenservice Federatie, de brancheorganisatie voor klantcontact en klantenservice, "
        "vindt dat de hele klantcontactketen verantwoordelijkheid moet nemen voor een goede, "
        "verantwoorde cao voor facilitaire contactcenters."
    )
    assert (plain.sentences, plain.words) == (3, 14)
    assert plain.score is not None and dense.score is not None
    assert plain.meaning in ("zeer makkelijk", "makkelijk")
    assert dense.meaning == "zeer moeilijk"


def test_a_text_without_words_has_no_score():
    empty = readability("  ")
    assert empty.score is None and empty.meaning == ""


def test_the_score_stays_on_the_scale_people_read():
    short = readability("Een punt.")
    assert flesch_douma(short.words, short.sentences, short.syllables) > 100
    assert short.score == 100.0 and short.meaning == "zeer makkelijk"
    endless = readability(" ".join(["arbeidsvoorwaardenovereenkomsten"] * 40) + ".")
    assert endless.score == 0.0 and endless.meaning == "zeer moeilijk"
