"""The send plan: the kenmerk sending will give (without taking it), the addressees, open
comments and what refuses sending; and send keeping to the kenmerk that was confirmed."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from composer.core.models import Address, Addressee, Paragraph
from composer.errors import RemedyAction
from composer.review.send_plan import send_plan
from composer.storage.kenmerken import KenmerkChanged
from tests.review.review_helpers import FakeConverter, approved_letter

TODAY = date(2022, 10, 17)


def _send(review, letter_id: int, **options):
    converter = FakeConverter()
    return review.send(
        letter_id, author="Anna", today=TODAY, converter=lambda: converter, **options
    )


def test_the_plan_names_the_kenmerk_sending_then_gives(review, letter):
    letter_id = approved_letter(review, letter)
    plan = review.send_plan(letter_id, today=TODAY)
    again = review.send_plan(letter_id, today=TODAY)  # reading it takes no number
    assert (plan.kenmerk, plan.kenmerk_is_new, again.kenmerk) == (
        "KSF/2022/0001",
        True,
        "KSF/2022/0001",
    )
    assert plan.problems == [] and plan.open_comments == 0
    assert plan.addressees == [
        "Werkgeversvereniging Facilitaire Contactcenters (WFC), de heer N. van Liemt"
    ]
    assert review.library.kenmerk_register() == []
    sent = _send(review, letter_id, expected_kenmerk=plan.kenmerk)
    assert sent.kenmerk == plan.kenmerk
    after = review.send_plan(letter_id, today=TODAY)
    assert (after.kenmerk, after.kenmerk_is_new) == ("KSF/2022/0001", False)
    assert any("al verzonden" in problem for problem in after.problems)


def test_the_plan_lists_one_line_per_addressee_as_the_letter_list(review, letter):
    two = replace(
        letter,
        addressees=[
            *letter.addressees,
            Addressee(organisation="Gemeente Utrecht", address=Address(postcode="3511 AB")),
        ],
    )
    letter_id = approved_letter(review, two)
    plan = review.send_plan(letter_id, today=TODAY)
    summary = review.library.summary(letter_id).addressees
    assert "; ".join(plan.addressees) == summary
    assert plan.addressees[1] == "Gemeente Utrecht"


def test_the_plan_skips_a_number_another_letter_took_and_send_refuses_a_stale_plan(review, letter):
    first = approved_letter(review, letter)
    other = approved_letter(review, letter, subject="Een andere brief")
    plan = review.send_plan(first, today=TODAY)
    assert plan.kenmerk == "KSF/2022/0001"
    _send(review, other)  # takes KSF/2022/0001 meanwhile
    with pytest.raises(KenmerkChanged) as refused:
        _send(review, first, expected_kenmerk=plan.kenmerk)
    assert "KSF/2022/0002" in refused.value.message and "KSF/2022/0001" in refused.value.message
    # Nothing changed: no number used up, still goedgekeurd, no kenmerk.
    state = review.status(first)
    assert (state.status, state.kenmerk, state.latest_version) == ("goedgekeurd", None, 1)
    fresh = review.send_plan(first, today=TODAY)
    assert fresh.kenmerk == "KSF/2022/0002"
    assert _send(review, first, expected_kenmerk=fresh.kenmerk).kenmerk == "KSF/2022/0002"
    assert [e.kenmerk for e in review.library.kenmerk_register()] == [
        "KSF/2022/0001",
        "KSF/2022/0002",
    ]


def test_the_plan_of_a_letter_given_a_kenmerk_already_keeps_it(review, letter):
    letter_id = approved_letter(review, letter)
    given = review.library.finalize(letter_id, author="Anna", today=TODAY)
    plan = review.send_plan(letter_id, today=TODAY)
    assert (plan.kenmerk, plan.kenmerk_is_new, plan.problems) == (given, False, [])
    with pytest.raises(KenmerkChanged):
        _send(review, letter_id, expected_kenmerk="KSF/2022/0099")


def test_the_plan_lists_what_refuses_sending_in_plain_dutch(review, letter):
    empty = replace(letter, subject=" ", addressees=[], body=[Paragraph(text="  ")])
    letter_id = approved_letter(review, empty)
    plan = send_plan(review.library, letter_id, today=TODAY)
    assert plan.problems == [
        "Betreft: Vul het onderwerp (Betreft) in.",
        "Tekst van de brief: De brief heeft nog geen tekst. Schrijf ten minste één alinea.",
        "Geadresseerden: Voeg ten minste één geadresseerde toe.",
    ]
    assert not plan.can_send


def test_the_plan_of_a_concept_says_it_is_not_yet_approved(review, letter):
    letter_id = review.library.add(letter, author="Anna")
    plan = review.send_plan(letter_id, today=TODAY)
    assert any("nog niet goedgekeurd" in problem for problem in plan.problems)


def test_the_plan_counts_open_comments(review, letter):
    letter_id = approved_letter(review, letter)
    first = review.comment(letter_id, version=1, author="Bert", text="Klopt het bedrag?")
    review.comment(letter_id, version=1, author="Bert", text="Datum nakijken")
    assert review.send_plan(letter_id, today=TODAY).open_comments == 2
    review.resolve(letter_id, first, by="Anna")
    plan = review.send_plan(letter_id, today=TODAY)
    assert plan.open_comments == 1 and plan.problems == []


def test_a_kenmerk_pattern_that_cannot_number_is_a_problem_of_the_plan(review, letter):
    letter_id = approved_letter(review, letter)
    plan = review.send_plan(letter_id, pattern="KSF/{yyyy}", today=TODAY)
    assert plan.kenmerk == ""
    assert any("volgnummer" in problem for problem in plan.problems)
    assert RemedyAction.GIVE_SEND_REASON  # the remedy for open comments exists
