"""Dutch spelling with the shipped OpenTaal dictionary, on real sentences from letters.

One checker per test process (`shared_checker()`): the dictionary loads once (about two
seconds); the tests of loading itself use a tiny dictionary of their own.
"""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from composer.errors import ComposerError
from composer.writing.spell_engine import dictionary_dir
from composer.writing.spelling import Misspelling, SpellChecker, shared_checker


@pytest.fixture(scope="module")
def checker() -> SpellChecker:
    checker = shared_checker()
    assert checker.wait(timeout=120), checker.error
    return checker


@pytest.fixture
def fresh_words(checker: SpellChecker):
    """The shared checker with an empty office word list again after the test."""
    yield checker
    checker.set_extra_words(())


def underlined(checker: SpellChecker, text: str) -> list[str]:
    return [found.word for found in checker.misspellings(text)]


def test_the_dictionary_ships_with_its_licence() -> None:
    folder = dictionary_dir()
    assert (folder / "nl.aff").is_file() and (folder / "nl.dic").is_file()
    licence = (folder / "LICENSE.txt").read_text(encoding="utf-8")
    assert "OpenTaal" in licence and "Creative Commons" in licence and "BSD" in licence
    assert "2.20.19" in (folder / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "sentence",
    [
        "De klantcontactmedewerker houdt zich aan de servicebeloften van de brancheorganisatie.",
        "Het arbeidsvoorwaardenpakket uit het cao-akkoord is aan werknemerszijde goed ontvangen.",
        "Wij begrijpen dat er aan werkgevers- en aan werknemerszijde grote dilemma’s liggen.",
        "Zo’n brief stuurt u ’s middags t.a.v. de heer N. Vermeulen, e.d.",
        "De cd’s en de cao’s van ’s-Hertogenbosch liggen klaar.",
        "Mail info@ksf.nl of kijk op https://www.ksf.nl/cao-2026 voor de KSF-handreiking.",
        "Op 3 december 2026 om 10.30 uur, in zaal 12a: de cao-onderhandelingen en -afspraken.",
        "De Klantenservice Federatie (KSF) vertegenwoordigt de hele keten.",
        "“Dit is een citaat,” zei mevr. drs. A.B. de Vries-van Dam uit ’t Gooi.",
        "Het e-mailadres van de oud-voorzitter en ex-werknemers; coöperatie, één, reünie.",
        "IJmuiden, het IJsselmeer en ijverige financiële adviseurs; enz.",
        "De KSF-handreiking en het PostNL-pakket.",
    ],
)
def test_correct_dutch_is_not_underlined(checker: SpellChecker, sentence: str) -> None:
    assert checker.misspellings(sentence) == []


def test_typos_are_underlined_where_they_stand(checker: SpellChecker) -> None:
    text = "De klantcontactmedewrker belde de opdrachgever onmiddelijk terug."
    assert checker.misspellings(text) == [
        Misspelling(3, 24, "klantcontactmedewrker"),
        Misspelling(34, 46, "opdrachgever"),
        Misspelling(47, 58, "onmiddelijk"),
    ]


def test_a_typo_beside_an_abbreviation_or_in_a_split_compound_is_underlined(
    checker: SpellChecker,
) -> None:
    text = "De KSF-handreikng, klant-contact en werkgevrs- en werknemerszijde."
    assert underlined(checker, text) == ["KSF-handreikng", "klant-contact", "werkgevrs"]


def test_a_typo_ending_a_sentence_is_underlined_without_the_point(checker: SpellChecker) -> None:
    text = "Wij reageren onmiddelijk. Dat is ‘afgesprooken’."
    assert [(found.start, found.end, found.word) for found in checker.misspellings(text)] == [
        (13, 24, "onmiddelijk"),
        (34, 46, "afgesprooken"),
    ]


@pytest.mark.parametrize(
    ("typo", "meant"),
    [
        ("klantcontactmedewrker", "klantcontactmedewerker"),
        ("opdrachgever", "opdrachtgever"),
        ("onmiddelijk", "onmiddellijk"),
        ("brancheorganistie", "brancheorganisatie"),
        ("werknemerzijde", "werknemerszijde"),
        ("servicebelofen", "servicebeloften"),
        ("vriendelik", "vriendelijk"),
    ],
)
def test_the_first_suggestion_is_the_word_meant(
    checker: SpellChecker, typo: str, meant: str
) -> None:
    # time enough for a slow machine: the search stops at the first suggestion
    assert checker.suggestions(typo, limit=1, seconds=60) == [meant]


def test_at_most_five_suggestions_keeping_the_capital(checker: SpellChecker) -> None:
    assert len(checker.suggestions("vriendelik")) <= 5
    assert checker.suggestions("Onmiddelijk", limit=1, seconds=60) == ["Onmiddellijk"]
    assert checker.suggestions("Brancheorganistie", limit=1, seconds=60) == ["Brancheorganisatie"]


def test_the_office_word_list_is_accepted(fresh_words: SpellChecker) -> None:
    text = "De heer Van Liemt werkt met Zendesk aan een omnichannel aanpak."
    assert underlined(fresh_words, text) == ["Liemt", "Zendesk", "omnichannel"]
    fresh_words.set_extra_words(["Liemt", "Zendesk"])
    fresh_words.add_word("omnichannel")
    assert fresh_words.misspellings(text) == []
    # a word in lower case counts with a capital too; a name only as written
    assert underlined(fresh_words, "Omnichannel en OMNICHANNEL, maar zendesk.") == ["zendesk"]
    fresh_words.set_extra_words([])
    assert underlined(fresh_words, text) == ["Liemt", "Zendesk", "omnichannel"]


def test_a_two_page_letter_is_checked_twice_with_the_same_answer(checker: SpellChecker) -> None:
    paragraph = (
        "Als brancheorganisatie voor klantcontact vertegenwoordigen wij de hele keten. "
        "Een goed pakket arbeidsvoorwaarden is niet alleen een zaak van de partijen; ook "
        "de opdrachtgevers dragen verantwoordelijkheid. De klantcontactmedewrker verdient beter. "
    )
    text = paragraph * 30
    first = checker.misspellings(text)
    assert len(first) == 30 and {found.word for found in first} == {"klantcontactmedewrker"}
    assert checker.misspellings(text) == first


# -- loading, with a dictionary of four words ----------------------------------------------------


def tiny_dictionary(folder: Path) -> Path:
    folder.mkdir()
    (folder / "nl.aff").write_text("SET UTF-8\nTRY esianrtolcdugmphbyfvkwz\n", encoding="utf-8")
    (folder / "nl.dic").write_text("4\nbrief\nklant\nde\nschrijft\n", encoding="utf-8")
    return folder


def test_the_dictionary_loads_in_the_background(tmp_path: Path) -> None:
    checker = SpellChecker(tiny_dictionary(tmp_path / "nl"))
    assert not checker.ready
    assert checker.suggestions("brif") == []  # not loaded: nothing yet
    # not loaded: nothing underlined yet, and the loading starts (on a thread of its own)
    assert checker.misspellings("de klant schrijft een brief") == []
    assert checker.wait(timeout=30)
    assert checker.ready and checker.error is None
    assert gc.isenabled()  # paused while loading only
    assert underlined(checker, "de klant schrijft een brief") == ["een"]
    assert checker.suggestions("brif") == ["brief"]


def test_on_ready_is_called_once_loaded(tmp_path: Path) -> None:
    checker = SpellChecker(tiny_dictionary(tmp_path / "nl"))
    called: list[bool] = []
    checker.on_ready(lambda loaded: called.append(loaded.ready))
    checker.load()
    checker.on_ready(lambda loaded: called.append(loaded.ready))  # already loaded: at once
    assert called == [True, True]


def test_a_missing_dictionary_is_an_error_in_dutch(tmp_path: Path) -> None:
    checker = SpellChecker(tmp_path / "nergens")
    assert not checker.wait(timeout=30)
    assert isinstance(checker.error, ComposerError)
    assert "woordenboek ontbreekt" in checker.error.message
    assert checker.misspellings("een brief") == []
    with pytest.raises(ComposerError, match="woordenboek ontbreekt"):
        checker.load()


def test_a_fault_while_loading_is_an_error_not_a_hang(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(_folder):
        raise KeyError("SFX")

    monkeypatch.setattr("composer.writing.spelling.SpellEngine", broken)
    checker = SpellChecker(tiny_dictionary(tmp_path / "nl"))
    with pytest.raises(ComposerError, match="woordenboek kan niet worden geladen: 'SFX'"):
        checker.load()
    assert not checker.ready
