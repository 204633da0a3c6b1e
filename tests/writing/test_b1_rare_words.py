"""Rare words by their frequency in Dutch (wordfreq); compounds of common words are not rare."""

from __future__ import annotations

import pytest

from composer.writing.b1_advice import b1_findings

pytest.importorskip("wordfreq")


def rare(text: str) -> list[str]:
    return [
        text[item.start : item.end] for item in b1_findings(0, text) if item.kind == "rare_word"
    ]


def test_a_rare_word_is_flagged_with_a_message():
    text = "De gemeente gaat het terrein egaliseren voordat de bouw begint."
    (finding,) = [item for item in b1_findings(2, text) if item.kind == "rare_word"]
    assert text[finding.start : finding.end] == "egaliseren"
    assert finding.message == (
        "‘egaliseren’ is een weinig gebruikt woord: kies een bekender woord of leg het uit."
    )
    assert finding.block == 2


def test_compounds_of_common_words_are_not_rare():
    text = (
        "De klantcontactmedewerker kent de servicebeloften, het arbeidsvoorwaardenpakket en de "
        "brancheorganisatie; een cao-akkoord voor contactcenters is in zicht."
    )
    assert rare(text) == []


def test_names_abbreviations_and_numbers_are_not_rare():
    text = "Volgens Masselink van de KSF heeft ISO 18295 gevolgen voor de sector."
    assert rare(text) == []


def test_a_capitalised_rare_word_at_the_start_of_a_sentence_is_still_judged():
    assert rare("Xylofoons zijn muziekinstrumenten.") == ["Xylofoons"]


def test_a_formal_word_is_reported_as_formal_not_also_as_rare():
    text = "Wij verzoeken u onverwijld te betalen, dientengevolge ontvangt u geen aanmaning."
    kinds = {(text[item.start : item.end], item.kind) for item in b1_findings(0, text)}
    assert ("dientengevolge", "formal_word") in kinds
    assert ("dientengevolge", "rare_word") not in kinds


def test_a_known_verb_in_a_rarer_form_is_not_rare():
    assert rare("De medewerker exporteerde de getypte brief en scrolt door de lijst.") == []
