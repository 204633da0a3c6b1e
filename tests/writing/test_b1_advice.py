"""The B1 advice on a whole letter: which blocks are read, in what order, with what score."""

from __future__ import annotations

import datetime as dt

from composer.core.models import Letter, Paragraph, Promise, Quote
from composer.writing.b1_advice import letter_advice
from composer.writing.findings import Finding, block_texts, combined


def ksf_letter() -> Letter:
    return Letter(
        template="persbericht",
        date=dt.date(2022, 10, 17),
        body=[
            Paragraph("Derhalve vragen wij de partijen om een spoedig akkoord."),
            Quote(
                "Nog meer tijd nemen is in niemands belang, derhalve moet het nu.", "R. Masselink"
            ),
            Promise(4),
            Paragraph(
                "In servicebelofte 5 worden de uitgangspunten voor samenwerking in de keten en "
                "goed opdrachtgeverschap vastgelegd."
            ),
        ],
    )


def test_paragraphs_are_read_and_quotes_and_promises_are_not():
    letter = ksf_letter()
    assert [index for index, _text in block_texts(letter)] == [0, 3]
    advice = letter_advice(letter)
    assert [(item.block, item.kind) for item in advice.findings] == [
        (0, "formal_word"),
        (0, "formal_word"),
        (3, "passive"),
    ]
    assert advice.findings[0] == Finding(
        0, 0, 8, "formal_word", "‘Derhalve’ is formeel: schrijf liever ‘daarom’.", ["Daarom"]
    )


def test_each_paragraph_and_the_letter_have_a_score_in_words():
    advice = letter_advice(ksf_letter())
    assert [paragraph.readability.sentences for paragraph in advice.paragraphs] == [1, 1]
    total = advice.readability
    assert total.words == sum(paragraph.readability.words for paragraph in advice.paragraphs)
    assert total.score is not None
    assert total.meaning in ("moeilijk", "vrij moeilijk", "zeer moeilijk")


def test_a_finding_is_written_as_a_plain_dict():
    finding = Finding(2, 4, 10, "passive", "Lijdende vorm (‘is besloten’): schrijf wie het doet.")
    assert finding.to_dict() == {
        "block": 2,
        "start": 4,
        "end": 10,
        "kind": "passive",
        "message": "Lijdende vorm (‘is besloten’): schrijf wie het doet.",
        "suggestions": [],
    }


def test_rich_text_runs_and_list_items_are_read_as_text():
    class Runs:
        type = "paragraph"
        runs = ({"text": "Wij sturen u "}, {"text": "derhalve", "bold": True}, {"text": " dit."})

    class Items:
        type = "list"
        items = ({"text": "Eerste punt."}, {"runs": [{"text": "Tweede "}, {"text": "punt."}]})

    letter = Letter(template="brief", date=dt.date(2026, 1, 5), body=[Runs(), Items()])
    assert list(block_texts(letter)) == [
        (0, "Wij sturen u derhalve dit."),
        (1, "Eerste punt.\nTweede punt."),
    ]


def test_a_misspelt_word_is_not_also_reported_as_rare():
    rare = Finding(3, 4, 25, "rare_word", "‘klantcontactmedewrker’ is een weinig gebruikt woord …")
    passive = Finding(3, 30, 44, "passive", "Lijdende vorm (‘wordt gebeld’): schrijf wie het doet.")
    spelling = Finding(
        3, 4, 25, "spelling", "‘klantcontactmedewrker’ staat niet in het woordenboek.", ["x"]
    )
    earlier = Finding(1, 0, 8, "formal_word", "‘Derhalve’ is formeel: schrijf liever ‘daarom’.")
    assert combined([rare, passive, earlier], [spelling]) == [earlier, spelling, passive]
