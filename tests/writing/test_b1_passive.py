"""Passive constructions found in real Dutch sentences, and active ones left alone."""

from __future__ import annotations

import pytest

from composer.writing.b1_advice import b1_findings
from composer.writing.b1_passive import find_passives

KSF = (
    "Zij wijst daarbij op de 7 servicebeloftes die niet alleen door de leden van de KSF zijn "
    "vastgesteld, maar ook voor hen een leidraad zijn. Servicebelofte 4 verplicht tot "
    "respectvolle omgang met medewerkers en goed werkgeverschap. In servicebelofte 5 worden de "
    "uitgangspunten voor samenwerking in de keten en goed opdrachtgeverschap vastgelegd."
)


def passives(text: str) -> list[str]:
    return [passive.text(text) for passive in find_passives(text)]


def test_the_ksf_paragraph_has_two_passives_with_their_offsets():
    findings = [item for item in b1_findings(4, KSF) if item.kind == "passive"]
    assert [item.message for item in findings] == [
        "Lijdende vorm (‘zijn vastgesteld’): schrijf wie het doet.",
        "Lijdende vorm (‘worden … vastgelegd’): schrijf wie het doet.",
    ]
    assert KSF[findings[0].start : findings[0].end] == "zijn vastgesteld"
    marked = KSF[findings[1].start : findings[1].end]
    assert marked.startswith("worden de uitgangspunten") and marked.endswith("vastgelegd")
    assert all(item.block == 4 and item.suggestions == [] for item in findings)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Er is besloten om de vergadering uit te stellen.", ["is besloten"]),
        ("De brieven werden gisteren verstuurd.", ["werden … verstuurd"]),
        ("Wij weten dat de brief morgen verstuurd wordt.", ["verstuurd wordt"]),
        ("Uw aanvraag is door ons in behandeling genomen.", ["is … genomen"]),
        ("Het contract moet worden ondertekend.", ["worden ondertekend"]),
        ("Er wordt hard gewerkt aan een oplossing.", ["wordt … gewerkt"]),
        ("Uw brief is op 3 mei ontvangen.", ["is … ontvangen"]),
        (
            "De KSF zal zich sterk maken dat er vanuit de gehele keten een bijdrage wordt "
            "geleverd aan een duurzame verbetering.",
            ["wordt geleverd"],
        ),
        (
            "Het onderzoek is afgerond en de resultaten worden in mei gepubliceerd.",
            ["is afgerond", "worden … gepubliceerd"],
        ),
        ("Het gevonden woord wordt in zijn veld geselecteerd.", ["wordt … geselecteerd"]),
        ("Uw aanvraag wordt binnen vier weken behandeld.", ["wordt … behandeld"]),
        ("Het bedrag is op uw rekening gestort.", ["is … gestort"]),
        ("Wij zijn van mening dat de cao moet worden verbeterd.", ["worden verbeterd"]),
        ("De leden worden op de hoogte gehouden.", ["worden … gehouden"]),
        ("Het congres werd druk bezocht.", ["werd … bezocht"]),
        ("Er is veel bereikt het afgelopen jaar.", ["is … bereikt"]),
        ("Het is niet bekend wanneer de cao wordt afgesloten.", ["wordt afgesloten"]),
    ],
)
def test_passives_are_found(sentence, expected):
    assert passives(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "De prijzen zijn het afgelopen jaar sterk gestegen.",
        "Wij zijn verheugd u te mogen verwelkomen.",
        "Het zijn grote bedrijven.",
        "Hij is gisteren naar Utrecht gegaan.",
        "Het wordt een mooi gebied.",
        "Het is belangrijk om te vergaderen.",
        "Het weer is mooi en wij hebben veel bereikt.",
        "De federatie is gevestigd in Doorn.",
        "Dat is een goed gesprek geweest.",
        "Zijn gedachten waren elders.",
        "Wij zijn benieuwd naar uw mening.",
        "De vergadering is om tien uur begonnen.",
        "Ook in de andere servicebeloften zijn aanknopingspunten te vinden.",
        "Het wordt tijd voor resultaat.",
        "Zij is directeur geworden.",
        "Dat is een verrassend resultaat.",
        "De leden zijn tevreden.",
        "Goed werkgeverschap gaat wat de KSF betreft hand in hand met verantwoord "
        "opdrachtgeverschap.",
        "Hierbij ontvangt u de stukken die u heeft aangevraagd.",
        "Wij hebben uw brief van 3 mei in goede orde ontvangen.",
        "Wij zijn blij dat u lid bent geworden.",
        "De kosten zijn voor rekening van de opdrachtgever.",
        "Bent u verhinderd, laat het ons dan weten.",
        "De nieuwe regeling is per 1 januari ingegaan.",
        "Het is ons gelukt om de kosten te verlagen.",
        "Dit is het beleid van de KSF.",
        "Het rapport is te vinden op onze website.",
        "Het was een geslaagde bijeenkomst.",
        "De medewerkers waren betrokken en gemotiveerd.",
        "Dat is een belangrijk gegeven voor de onderhandelingen.",
        "Ons kantoor is verhuisd naar Amersfoort.",
        "Zij waren het eens over de verdeling van de taken.",
    ],
)
def test_active_sentences_are_left_alone(sentence):
    assert passives(sentence) == []
