"""Long sentences: counted in words, named by their first words, marked by their offsets."""

from __future__ import annotations

from composer.writing.b1_advice import b1_findings
from composer.writing.b1_text import sentences, words

QUOTE = (
    "“Een behoorlijk en duurzaam arbeidsvoorwaardenpakket binnen facilitaire contactcenters kan "
    "en mag niet enkel het vraagstuk voor de onderhandelende partijen zijn”, zegt Roel "
    "Masselink, directeur van de KSF. Ook de opdrachtgevers dienen hun verantwoordelijkheid te "
    "nemen."
)


def long_sentences(text: str):
    return [item for item in b1_findings(1, text) if item.kind == "long_sentence"]


def test_a_sentence_over_twenty_words_is_long_and_quoted_by_its_start():
    (finding,) = long_sentences(QUOTE)
    assert finding.message == (
        "Zin van 27 woorden (‘“Een behoorlijk en duurzaam arbeidsvoorwaardenpakket binnen …’): "
        "maak er twee zinnen van."
    )
    assert QUOTE[finding.start : finding.end].startswith("“Een behoorlijk")
    assert QUOTE[finding.start : finding.end].endswith("directeur van de KSF.")
    assert finding.block == 1


def test_twenty_words_is_not_long():
    twenty = "Wij sturen u deze brief omdat wij graag met u willen praten over de nieuwe cao voor "
    twenty += "al onze medewerkers."
    assert len(words(twenty)) == 20
    assert long_sentences(twenty) == []
    assert len(long_sentences(twenty[:-1] + " en u.")) == 1


def test_abbreviations_initials_and_numbers_do_not_end_a_sentence():
    text = (
        "Wij spraken o.a. met mr. J. de Vries over art. 5 van de cao. Hij komt op 1 mei terug! "
        "Is dat goed?\nEen lijstregel zonder punt"
    )
    assert [sentence.text for sentence in sentences(text)] == [
        "Wij spraken o.a. met mr. J. de Vries over art. 5 van de cao.",
        "Hij komt op 1 mei terug!",
        "Is dat goed?",
        "Een lijstregel zonder punt",
    ]


def test_words_keep_hyphens_and_apostrophes():
    text = "De cao-partijen zien grote dilemma’s; zo’n 7 werkgevers- en werknemersorganisaties."
    assert [word.text for word in words(text)] == [
        "De",
        "cao-partijen",
        "zien",
        "grote",
        "dilemma’s",
        "zo’n",
        "7",
        "werkgevers",
        "en",
        "werknemersorganisaties",
    ]
