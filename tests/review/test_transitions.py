"""The transition table alone: each status × step, what a save does, the replay; no database."""

from __future__ import annotations

import subprocess
import sys

import pytest

from composer.core.statuses import (
    EVENT_SAVED_AFTER_APPROVAL,
    EVENT_SAVED_DURING_REVIEW,
    STATUS_APPROVED,
    STATUS_CONCEPT,
    STATUS_IN_REVIEW,
    STATUS_SENT,
    STATUSES,
    SaveEffect,
)
from composer.errors import Remedy, RemedyAction
from composer.review import transitions, workflow
from composer.review.transitions import Step

ALWAYS = {Step.COMMENT, Step.RESOLVE, Step.COPY}
# The workflow as docs/review.md states it, written out by hand.
EXPECTED = {
    STATUS_CONCEPT: {Step.SUBMIT, Step.SAVE, *ALWAYS},
    STATUS_IN_REVIEW: {Step.APPROVE, Step.REJECT, Step.SAVE, *ALWAYS},
    STATUS_APPROVED: {Step.SEND, Step.SAVE, *ALWAYS},
    STATUS_SENT: set(ALWAYS),
}
AFTER = {
    (STATUS_CONCEPT, Step.SUBMIT): STATUS_IN_REVIEW,
    (STATUS_IN_REVIEW, Step.APPROVE): STATUS_APPROVED,
    (STATUS_IN_REVIEW, Step.REJECT): STATUS_CONCEPT,
    (STATUS_APPROVED, Step.SEND): STATUS_SENT,
    (STATUS_IN_REVIEW, Step.SAVE): STATUS_CONCEPT,
    (STATUS_APPROVED, Step.SAVE): STATUS_CONCEPT,
}


@pytest.mark.parametrize("step", list(Step), ids=lambda step: step.value)
@pytest.mark.parametrize("status", STATUSES)
def test_each_step_is_allowed_or_refused_in_each_status(status, step):
    assert transitions.allowed(status, step) == (step in EXPECTED[status])
    row = transitions.transition(status, step)
    if step not in EXPECTED[status]:
        assert row is None
        return
    assert row is not None and row.target == AFTER.get((status, step), status)


def test_no_letter_allows_nothing_and_the_steps_come_in_a_fixed_order():
    assert transitions.allowed_steps(None) == ()
    assert transitions.allowed_steps(STATUS_SENT) == (Step.COMMENT, Step.RESOLVE, Step.COPY)
    assert transitions.allowed_steps(STATUS_CONCEPT)[0] is Step.SUBMIT


def test_what_a_save_does_in_each_status():
    assert transitions.on_save(STATUS_CONCEPT) == SaveEffect()
    assert transitions.on_save(STATUS_IN_REVIEW) == SaveEffect(
        event=EVENT_SAVED_DURING_REVIEW, status_after=STATUS_CONCEPT
    )
    assert transitions.on_save(STATUS_APPROVED) == SaveEffect(
        event=EVENT_SAVED_AFTER_APPROVAL, lapse_approvals=True, status_after=STATUS_CONCEPT
    )
    assert transitions.on_save(STATUS_SENT) == SaveEffect(frozen=True)


@pytest.mark.parametrize(
    ("kinds", "expected"),
    [
        ([], (STATUS_CONCEPT, None)),
        (["copied-from", "submitted", "approved", "sent"], (STATUS_SENT, None)),
        (["submitted", "saved-during-review", "submitted"], (STATUS_IN_REVIEW, None)),
        (["submitted", "approved", "saved-after-approval"], (STATUS_CONCEPT, None)),
        (["submitted", "rejected", "copied-to"], (STATUS_CONCEPT, None)),
        (["approved"], (STATUS_CONCEPT, 0)),  # not ter beoordeling yet
        (["submitted", "approved", "sent", "submitted"], (STATUS_SENT, 3)),  # frozen
        (["submitted", "made-up"], (STATUS_IN_REVIEW, 1)),
    ],
)
def test_the_replay_follows_the_table(kinds, expected):
    assert transitions.replay_status(kinds) == expected


@pytest.mark.parametrize("status", STATUSES)
def test_the_workflow_checks_refuse_exactly_what_the_table_refuses(status):
    checks = {
        Step.SUBMIT: lambda: workflow.check_submit(4, status, 2),
        Step.APPROVE: lambda: workflow.check_approve(4, status, 2, 2),
        Step.REJECT: lambda: workflow.check_reject(4, status, "Te lang"),
        Step.SEND: lambda: workflow.check_send(4, status, 2, "KSF/2022/0001"),
    }
    for step, check in checks.items():
        if transitions.allowed(status, step):
            check()
        else:
            with pytest.raises(workflow.WorkflowError) as refused:
                check()
            assert "composer letters" not in refused.value.message
            assert "--version" not in refused.value.message


def test_refusals_carry_a_remedy_instead_of_a_command():
    def remedy(check) -> Remedy | None:
        with pytest.raises(workflow.WorkflowError) as refused:
            check()
        return refused.value.remedy

    copy = Remedy(RemedyAction.COPY, letter_id=4)
    assert remedy(lambda: workflow.check_submit(4, STATUS_APPROVED, 2)) == Remedy(
        RemedyAction.SEND, letter_id=4
    )
    assert remedy(lambda: workflow.check_submit(4, STATUS_SENT, 2)) == copy
    assert remedy(lambda: workflow.check_approve(4, STATUS_CONCEPT, 2, 2)) == Remedy(
        RemedyAction.SUBMIT, letter_id=4
    )
    assert remedy(lambda: workflow.check_reject(4, STATUS_SENT, "x")) == copy
    assert remedy(lambda: workflow.check_approve(4, STATUS_IN_REVIEW, 1, 3)) == Remedy(
        RemedyAction.APPROVE_LATEST, letter_id=4, version=3
    )
    assert remedy(lambda: workflow.check_send(4, STATUS_CONCEPT, 2, None)) == Remedy(
        RemedyAction.SUBMIT, letter_id=4
    )
    assert remedy(lambda: workflow.check_send(4, STATUS_IN_REVIEW, 2, None)) == Remedy(
        RemedyAction.APPROVE_LATEST, letter_id=4, version=2
    )
    assert remedy(lambda: workflow.check_send(4, STATUS_SENT, 2, "K/1")) == copy
    outdated = workflow.approval_outdated(4, 1, 3)
    assert outdated.remedy == Remedy(RemedyAction.RESTORE_AND_SUBMIT, letter_id=4, version=3)
    assert "composer letters" not in outdated.message


def test_the_table_is_pure():
    code = (
        "import sys, composer.review.transitions, composer.core.statuses\n"
        "heavy = [m for m in ('sqlalchemy', 'PySide6', 'composer.storage') if m in sys.modules]\n"
        "print(heavy)\n"
    )
    found = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert found.strip() == "[]"
