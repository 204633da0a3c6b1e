"""Formal words and phrases with their plainer alternative, from the shipped list."""

from __future__ import annotations

import json

import pytest

from composer.paths import resources_dir
from composer.writing.b1_advice import b1_findings
from composer.writing.b1_formal import find_formal_words, formal_words
from composer.writing.b1_text import words


def formal(text: str):
    return [item for item in b1_findings(0, text) if item.kind == "formal_word"]


def test_the_list_has_at_least_150_pairs_each_with_a_different_plain_word():
    data = json.loads((resources_dir() / "b1" / "formele-woorden.json").read_text("utf-8"))
    entries = data["words"]
    assert len(entries) >= 150
    forms = [
        form.lower() for entry in entries for form in (entry["formal"], *entry.get("forms", ()))
    ]
    assert len(set(forms)) == len(forms)  # every form belongs to one entry
    for entry in entries:
        assert entry["plain"] and all(entry["plain"])
        assert entry["formal"].lower() not in [plain.lower() for plain in entry["plain"]]
    assert {word.formal: word.plain[0] for word in formal_words()}["derhalve"] == "daarom"


def test_each_plain_word_is_more_common_than_its_formal_word():
    # Every pair of single words checked against Dutch word frequencies: the plain word (the
    # first alternative) is used at least as often as the formal one.
    wordfreq = pytest.importorskip("wordfreq")
    single = [word for word in formal_words() if " " not in word.formal + word.plain[0]]
    assert len(single) >= 150
    rarer = [
        (word.formal, word.plain[0])
        for word in single
        if wordfreq.zipf_frequency(word.plain[0], "nl") < wordfreq.zipf_frequency(word.formal, "nl")
    ]
    assert rarer == []


def test_a_formal_word_is_found_with_its_offsets_and_plain_alternative():
    text = "Wij sturen u derhalve middels deze brief informatie inzake de nieuwe cao."
    findings = formal(text)
    assert [text[item.start : item.end] for item in findings] == ["derhalve", "middels", "inzake"]
    assert [item.message for item in findings] == [
        "‘derhalve’ is formeel: schrijf liever ‘daarom’.",
        "‘middels’ is formeel: schrijf liever ‘met’ of ‘via’.",
        "‘inzake’ is formeel: schrijf liever ‘over’.",
    ]
    assert [item.suggestions for item in findings] == [["daarom"], ["met", "via"], ["over"]]


def test_a_capital_stays_a_capital_in_the_suggestion():
    (finding,) = formal("Teneinde de cao snel af te sluiten, schrijft de KSF de partijen aan.")
    assert finding.suggestions == ["Om"]


def test_phrases_match_across_a_line_break_and_the_longest_wins():
    text = "Met betrekking\ntot uw brief: ten gevolge van de drukte antwoorden wij later."
    found = [(match.found, match.word.plain[0]) for match in find_formal_words(text)]
    assert found == [("Met betrekking\ntot", "over"), ("ten gevolge van", "door")]


def test_an_inflected_form_names_its_verb_and_suggests_no_word():
    (finding,) = formal("De gegevens worden door de KSF verstrekt.")
    assert finding.message == (
        "‘verstrekt’ (van ‘verstrekken’) is formeel: schrijf liever een vorm van ‘geven’."
    )
    assert finding.suggestions == []


def test_only_whole_words_match():
    assert formal("De thansmedewerker en de reedsheid bestaan niet; cao-indien ook niet.") == []


def test_the_ksf_press_release_gets_its_formal_words():
    text = (
        "Dat neemt volgens de brancheorganisatie echter niet weg dat het hoog tijd is voor "
        "resultaat. “Nog meer tijd nemen is in niemands belang”, aldus Roel Masselink."
    )
    assert [text[item.start : item.end] for item in formal(text)] == ["echter", "aldus"]
    assert [len(words(text[item.start : item.end])) for item in formal(text)] == [1, 1]
