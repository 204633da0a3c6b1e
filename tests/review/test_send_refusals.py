"""Sending is refused, before anything is done, for an unfinished letter and for open comments
without a reason; the reason is recorded. And what a save does to a review, said beforehand."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from composer.core.models import Paragraph
from composer.core.readiness import LetterNotReady
from composer.errors import Remedy, RemedyAction
from composer.review.workflow import WorkflowError
from tests.review.review_helpers import FakeConverter, approved_letter

TODAY = date(2022, 10, 17)


def _send(review, letter_id: int, converter: FakeConverter | None = None, **options):
    converter = converter or FakeConverter()
    return review.send(
        letter_id, author="Anna", today=TODAY, converter=lambda: converter, **options
    )


@pytest.mark.parametrize(
    ("change", "line"),
    [
        ({"subject": "  "}, "- Betreft: Vul het onderwerp (Betreft) in."),
        (
            {"body": [Paragraph(text="")]},
            "- Tekst van de brief: De brief heeft nog geen tekst. Schrijf ten minste één alinea.",
        ),
        ({"addressees": []}, "- Geadresseerden: Voeg ten minste één geadresseerde toe."),
    ],
)
def test_an_empty_subject_body_or_addressee_list_refuses_sending(review, letter, change, line):
    letter_id = approved_letter(review, replace(letter, **change))
    converter = FakeConverter()
    with pytest.raises(LetterNotReady) as refused:
        _send(review, letter_id, converter)
    lines = refused.value.message.splitlines()
    assert lines[0] == "De brief is nog niet af en kan daarom niet worden verzonden:"
    assert line in lines
    # Nothing done: no kenmerk, no version, no PDF, still goedgekeurd.
    state = review.status(letter_id)
    assert (state.status, state.kenmerk, state.latest_version) == ("goedgekeurd", None, 1)
    assert review.library.kenmerk_register() == [] and converter.converted == []


def test_a_half_typed_postcode_refuses_sending(review, letter):
    unfinished = replace(letter)
    unfinished.addressees[0].address.postcode = "2511"
    letter_id = approved_letter(review, unfinished)
    with pytest.raises(LetterNotReady, match="Postcode van geadresseerde 1: De postcode"):
        _send(review, letter_id)
    assert review.library.kenmerk_register() == []


def test_open_comments_refuse_sending_unless_a_reason_is_given_and_recorded(review, letter):
    letter_id = approved_letter(review, letter)
    review.comment(letter_id, version=1, author="Bert", text="Klopt het bedrag?")
    review.comment(letter_id, version=1, author="Bert", text="Datum nakijken", block=1)
    converter = FakeConverter()
    with pytest.raises(WorkflowError) as refused:
        _send(review, letter_id, converter, reason="   ")
    assert refused.value.message == (
        f"Bij brief {letter_id} staan nog 2 opmerkingen open; er is niets verzonden. Handel de "
        "opmerkingen af, of geef een reden om toch te verzenden."
    )
    assert refused.value.remedy == Remedy(RemedyAction.GIVE_SEND_REASON, letter_id=letter_id)
    assert review.library.kenmerk_register() == [] and converter.converted == []

    result = _send(review, letter_id, reason="Bedrag en datum telefonisch nagelopen met Bert")
    sent = review.events(letter_id)[-1]
    assert (sent.kind, sent.version) == ("sent", result.version)
    assert sent.text.endswith(
        "Verzonden met 2 open opmerkingen; reden: Bedrag en datum telefonisch nagelopen met Bert"
    )
    assert review.library.verify().ok  # the reason is part of the hash chain


def test_resolved_comments_need_no_reason(review, letter):
    letter_id = approved_letter(review, letter)
    remark = review.comment(letter_id, version=1, author="Bert", text="Klopt het bedrag?")
    review.resolve(letter_id, remark, by="Anna")
    assert _send(review, letter_id).kenmerk == "KSF/2022/0001"
    assert "reden" not in review.events(letter_id)[-1].text


def test_save_effect_says_what_a_save_does_to_the_review(review, letter):
    library = review.library
    letter_id = library.add(letter, author="Anna")
    assert review.save_effect(letter_id) is None  # a concept: nothing changes
    review.submit(letter_id, author="Anna")
    assert review.save_effect(letter_id) == (
        "Opslaan trekt de beoordeling in: de brief gaat terug naar Concept en moet opnieuw "
        "worden aangeboden."
    )
    review.approve(letter_id, version=1, reviewer="Bert")
    warning = review.save_effect(letter_id)
    assert warning == (
        "Opslaan trekt de beoordeling in: de brief gaat terug naar Concept en de goedkeuring "
        "van versie 1 vervalt."
    )
    library.save(letter_id, replace(letter, subject="Anders"), author="Anna")
    assert review.status(letter_id).status == "concept"  # what the warning said
    assert review.save_effect(letter_id) is None
