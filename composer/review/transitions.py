"""The review workflow as one pure table: which step is allowed in which status, and what it does.

The service checks a step against it before it writes, the review panel enables its buttons from
it, the command line lists the next steps from it, storage is handed what a save does
(`on_save`), and verify replays a letter's events through it (`replay_status`). No database,
no Qt: everything here is plain values.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from composer.core.statuses import (
    EVENT_APPROVED,
    EVENT_COPIED_FROM,
    EVENT_COPIED_TO,
    EVENT_REJECTED,
    EVENT_SAVED_AFTER_APPROVAL,
    EVENT_SAVED_DURING_REVIEW,
    EVENT_SENT,
    EVENT_SUBMITTED,
    STATUS_APPROVED,
    STATUS_CONCEPT,
    STATUS_IN_REVIEW,
    STATUS_SENT,
    STATUSES,
    SaveEffect,
)


class Step(Enum):
    """What a person can do to a letter in the workflow (the value is not screen text)."""

    SUBMIT = "submit"  # offer the latest version for review
    APPROVE = "approve"  # approve the latest version
    REJECT = "reject"  # send it back to the author, with a reason
    SEND = "send"  # kenmerk, DOCX and PDF into the archive; the letter is frozen
    SAVE = "save"  # a new version (save or restore)
    COMMENT = "comment"  # a remark on a version
    RESOLVE = "resolve"  # mark a remark as dealt with
    COPY = "copy"  # a new letter on the basis of this one


@dataclass(frozen=True)
class Transition:
    """One row: `step` is allowed in `source`, writes `event` (if any) and leaves `target`."""

    step: Step
    source: str
    target: str
    event: str | None = None
    lapses_approval: bool = False  # the valid approval stops counting (a save after approval)


# Steps that every status allows and that leave the status as it is. A sent letter keeps its
# remarks open for discussion and can always be the basis of a new letter.
_EVERYWHERE = (Step.COMMENT, Step.RESOLVE, Step.COPY)

TABLE: tuple[Transition, ...] = (
    Transition(Step.SUBMIT, STATUS_CONCEPT, STATUS_IN_REVIEW, EVENT_SUBMITTED),
    Transition(Step.APPROVE, STATUS_IN_REVIEW, STATUS_APPROVED, EVENT_APPROVED),
    Transition(Step.REJECT, STATUS_IN_REVIEW, STATUS_CONCEPT, EVENT_REJECTED),
    Transition(Step.SEND, STATUS_APPROVED, STATUS_SENT, EVENT_SENT),
    # A new version: nothing happens to a concept; a review in progress ends and an approval
    # lapses (both back to Concept). A sent letter has no SAVE row: it is frozen.
    Transition(Step.SAVE, STATUS_CONCEPT, STATUS_CONCEPT),
    Transition(Step.SAVE, STATUS_IN_REVIEW, STATUS_CONCEPT, EVENT_SAVED_DURING_REVIEW),
    Transition(
        Step.SAVE, STATUS_APPROVED, STATUS_CONCEPT, EVENT_SAVED_AFTER_APPROVAL, lapses_approval=True
    ),
    *(
        Transition(step, status, status, EVENT_COPIED_TO if step is Step.COPY else None)
        for status in STATUSES
        for step in _EVERYWHERE
    ),
)

# Events that leave the status as it is wherever they stand: the two ends of a copy (the new
# letter starts as a concept with 'copied-from').
NEUTRAL_EVENTS = frozenset({EVENT_COPIED_FROM, EVENT_COPIED_TO})

_BY_KEY: dict[tuple[str, Step], Transition] = {(row.source, row.step): row for row in TABLE}
# What each status-changing event does: from which statuses, to which (derived from TABLE).
_BY_EVENT: dict[str, dict[str, str]] = {}
for _row in TABLE:
    if _row.event is not None and _row.event not in NEUTRAL_EVENTS:
        _BY_EVENT.setdefault(_row.event, {})[_row.source] = _row.target
del _row


def transition(status: str, step: Step) -> Transition | None:
    """The row for `step` in `status`; None when the status does not allow it."""
    return _BY_KEY.get((status, step))


def require(status: str, step: Step) -> Transition:
    """The row for a step a workflow check has just allowed (a programming error if none)."""
    row = transition(status, step)
    if row is None:  # the check before it refuses this with a Dutch message
        raise AssertionError(f"{step} is not allowed in {status!r}")
    return row


def allowed(status: str | None, step: Step) -> bool:
    return status is not None and (status, step) in _BY_KEY


def allowed_steps(status: str | None) -> tuple[Step, ...]:
    """The steps `status` allows, in the order of Step."""
    return tuple(step for step in Step if allowed(status, step))


def on_save(status: str) -> SaveEffect:
    """What saving a new version does to a letter in `status` (storage writes it)."""
    row = transition(status, Step.SAVE)
    if row is None:
        return SaveEffect(frozen=True)
    return SaveEffect(
        event=row.event,
        lapse_approvals=row.lapses_approval,
        status_after=row.target if row.target != status else None,
    )


def replay_status(kinds: Iterable[str]) -> tuple[str, int | None]:
    """The status a letter's events (their kinds, oldest first) give, starting from Concept.

    Also returns the position (from 0) of the first event that its status at that moment does
    not allow, or None; the replay stops there, with the status from before that event.
    """
    status = STATUS_CONCEPT
    for position, kind in enumerate(kinds):
        if kind in NEUTRAL_EVENTS:
            continue
        after = _BY_EVENT.get(kind, {}).get(status)
        if after is None:
            return status, position
        status = after
    return status, None
