"""The workflow on both backends: statuses, events, approvals bound to a version, refusals."""

from __future__ import annotations

from dataclasses import replace

import pytest
import sqlalchemy as sa

from composer.cli_remedies import error_text as cli_error_text
from composer.errors import ComposerError, Remedy, RemedyAction
from composer.review.workflow import WorkflowError
from composer.storage.library_errors import VersionNotFound
from tests.review.review_helpers import approved_letter


def _kinds(review, letter_id: int) -> list[tuple[str, int]]:
    return [(e.kind, e.version) for e in review.events(letter_id)]


def test_approval_lapses_when_a_new_version_is_saved(review, letter):
    library = review.library
    letter_id = library.add(letter, author="Anna")
    assert review.status(letter_id).headline == "Concept (versie 1)"
    assert review.submit(letter_id, author="Anna").headline == "Ter beoordeling (versie 1)"
    assert review.approve(letter_id, version=1, reviewer="Bert").headline == (
        "Goedgekeurd (versie 1)"
    )
    assert library.summary(letter_id).status == "goedgekeurd"

    library.save(letter_id, replace(letter, subject="Nieuw betreft"), author="Anna")
    state = review.status(letter_id)
    assert state.headline == "Concept (versie 2)"
    assert [a.label for a in state.approvals] == ["goedgekeurd (versie 1, vervallen door versie 2)"]
    lapsed = state.approvals[0]
    assert (lapsed.status, lapsed.reviewer, lapsed.lapsed_by) == ("vervallen", "Bert", 2)
    assert lapsed.version_hash == library.version_info(letter_id, 1).hash

    review.submit(letter_id, author="Anna")
    state = review.approve(letter_id, version=2, reviewer="Carla")
    assert state.headline == "Goedgekeurd (versie 2)"
    assert [a.label for a in state.approvals] == [
        "goedgekeurd (versie 1, vervallen door versie 2)",
        "goedgekeurd (versie 2)",
    ]
    assert _kinds(review, letter_id) == [
        ("submitted", 1),
        ("approved", 1),
        ("saved-after-approval", 2),
        ("submitted", 2),
        ("approved", 2),
    ]
    events = review.events(letter_id)
    assert [e.actor for e in events] == ["Anna", "Bert", "Anna", "Anna", "Carla"]
    assert events[1].version_hash == library.version_info(letter_id, 1).hash
    assert "vervallen door versie 2" in events[2].text
    assert all(e.at.tzinfo is not None for e in events)
    assert library.verify().ok


def test_rejection_returns_to_concept_with_the_reason_in_the_events(review, letter):
    letter_id = review.library.add(letter, author="Anna")
    review.submit(letter_id, author="Anna")
    state = review.reject(letter_id, reason="  De aanhef klopt niet. ", reviewer="Bert")
    assert state.headline == "Concept (versie 1)"
    assert state.rejection is not None and state.rejection.text == "De aanhef klopt niet."
    rejected = review.events(letter_id)[-1]
    assert (rejected.kind, rejected.actor, rejected.version) == ("rejected", "Bert", 1)
    assert rejected.text == "De aanhef klopt niet."
    # Submitted again, the rejection is history, no longer the status.
    review.submit(letter_id, author="Anna")
    assert review.status(letter_id).rejection is None


def test_saving_during_the_review_ends_the_submission(review, letter):
    letter_id = review.library.add(letter, author="Anna")
    review.submit(letter_id, author="Anna")
    review.library.save(letter_id, replace(letter, subject="Snel nog iets"), author="Anna")
    assert review.status(letter_id).headline == "Concept (versie 2)"
    assert _kinds(review, letter_id)[-1] == ("saved-during-review", 2)
    with pytest.raises(WorkflowError, match="staat niet ter beoordeling maar op Concept"):
        review.approve(letter_id, version=2, reviewer="Bert")


def test_invalid_steps_are_refused_in_dutch_and_change_nothing(review, letter):
    library = review.library
    letter_id = library.add(letter, author="Anna")
    with pytest.raises(WorkflowError, match=r"niet ter beoordeling") as refused:
        review.approve(letter_id, version=1, reviewer="Bert")
    assert refused.value.remedy == Remedy(RemedyAction.SUBMIT, letter_id=letter_id)
    assert "composer letters submit" in cli_error_text(refused.value)
    with pytest.raises(WorkflowError, match="niet ter beoordeling"):
        review.reject(letter_id, reason="Nee", reviewer="Bert")
    with pytest.raises(WorkflowError, match=r"nog niet goedgekeurd \(status: Concept\)"):
        review.send(letter_id, author="Anna")

    library.save(letter_id, replace(letter, subject="Tweede"), author="Anna")
    review.submit(letter_id, author="Anna")
    with pytest.raises(WorkflowError, match="staat al ter beoordeling"):
        review.submit(letter_id, author="Anna")
    with pytest.raises(
        WorkflowError, match=r"Versie 1 is niet de laatste versie.*de laatste is versie 2"
    ):
        review.approve(letter_id, version=1, reviewer="Bert")
    with pytest.raises(VersionNotFound):
        review.approve(letter_id, version=7, reviewer="Bert")
    with pytest.raises(WorkflowError, match="Geef bij het afwijzen een reden op"):
        review.reject(letter_id, reason="  ", reviewer="Bert")
    with pytest.raises(WorkflowError, match=r"nog niet goedgekeurd \(status: Ter beoordeling\)"):
        review.send(letter_id, author="Anna")
    with pytest.raises(ComposerError, match="geen naam opgegeven"):
        review.approve(letter_id, version=2, reviewer=" ")

    review.approve(letter_id, version=2, reviewer="Bert")
    with pytest.raises(WorkflowError, match="al goedgekeurd"):
        review.approve(letter_id, version=2, reviewer="Bert")
    with pytest.raises(WorkflowError, match="al goedgekeurd"):
        review.submit(letter_id, author="Anna")
    assert _kinds(review, letter_id) == [("submitted", 2), ("approved", 2)]
    assert review.status(letter_id).headline == "Goedgekeurd (versie 2)"


def test_finalize_keeps_the_status_and_the_approval(review, letter):
    letter_id = approved_letter(review, letter)
    kenmerk = review.library.finalize(letter_id, author="Anna")
    state = review.status(letter_id)
    assert (state.status, state.version, state.latest_version) == ("goedgekeurd", 1, 2)
    assert state.kenmerk == kenmerk and state.approvals[0].valid


def test_the_events_are_immutable(review, letter):
    letter_id = approved_letter(review, letter)
    for statement in ("UPDATE events SET actor = 'Mallory'", "DELETE FROM events"):
        with (
            pytest.raises(sa.exc.DBAPIError, match="immutable"),
            review.library.engine.begin() as connection,
        ):
            connection.execute(sa.text(statement))
    assert [e.actor for e in review.events(letter_id)] == ["Anna", "Bert"]


def test_comments_open_and_resolved_with_a_block_anchor(review, letter):
    library = review.library
    letter_id = library.add(letter, author="Anna")
    library.save(letter_id, replace(letter, subject="Tweede"), author="Anna")
    on_block = review.comment(letter_id, version=1, author="Bert", text="Korter?", block=3)
    on_letter = review.comment(letter_id, version=2, author="Carla", text=" Mooi zo. ")
    resolved = review.resolve(letter_id, on_block, by="Anna")
    assert (resolved.resolved_by, resolved.resolved) == ("Anna", True)

    comments = review.comments(letter_id)
    assert [(c.id, c.version, c.block, c.author, c.text, c.resolved) for c in comments] == [
        (on_block, 1, 3, "Bert", "Korter?", True),
        (on_letter, 2, None, "Carla", "Mooi zo.", False),
    ]
    assert comments[0].resolved_at is not None and comments[1].resolved_at is None
    assert review.status(letter_id).open_comments == 1

    with pytest.raises(WorkflowError, match="al afgehandeld door Anna"):
        review.resolve(letter_id, on_block, by="Bert")
    with pytest.raises(ComposerError, match=f"geen opmerking {on_letter + 99}"):
        review.resolve(letter_id, on_letter + 99, by="Bert")
    other = library.add(letter, author="Anna")
    with pytest.raises(ComposerError, match=f"Brief {other} heeft geen opmerking {on_letter}"):
        review.resolve(other, on_letter, by="Bert")
    with pytest.raises(WorkflowError, match=r"geen blok 9: de tekst heeft 8 blokken"):
        review.comment(letter_id, version=1, author="Bert", text="Hier", block=9)
    with pytest.raises(WorkflowError, match="De opmerking is leeg"):
        review.comment(letter_id, version=1, author="Bert", text="  ")
    with pytest.raises(VersionNotFound):
        review.comment(letter_id, version=3, author="Bert", text="Welke versie?")
    assert len(review.comments(letter_id)) == 2
