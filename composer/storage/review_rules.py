"""What storage is handed by the review workflow, and the rows a new version writes by it.

Storage never imports composer.review: the Library is handed `ReviewRules` (composer.review.
library_rules.REVIEW_RULES) and writes what they say; it decides no step itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from sqlalchemy.engine import Connection, Row

from composer.core.statuses import STATUS_CONCEPT, SaveEffect
from composer.storage.review_store import LetterSent, add_event, lapse_approvals, set_status


class ReviewRules(Protocol):
    """What storage is handed by the review workflow (composer.review.library_rules): storage
    writes rows and never decides a step itself."""

    def on_save(self, status: str) -> SaveEffect:
        """What saving a new version does to a letter in `status`."""
        ...

    def status_problem(self, stored: str, events: Sequence[Any]) -> str | None:
        """Why `stored` is not the status a letter's event rows (oldest first) give, if so."""
        ...


class NoReviewRules(RuntimeError):
    """A programming error: the Library was opened without the review rules and a letter needs
    them (it is not a concept, or has a review history)."""


def save_effect(rules: ReviewRules | None, locked: Row[Any]) -> SaveEffect:
    """What a new version of the locked letter does, by the rules; refuses a frozen letter."""
    if rules is None:
        if locked.status != STATUS_CONCEPT:
            raise NoReviewRules(
                f"letter {locked.id} is {locked.status!r}: open the Library with the review "
                "rules (composer.review.library_rules) to save it"
            )
        return SaveEffect()
    effect = rules.on_save(locked.status)
    if effect.frozen:
        raise LetterSent(locked.id, locked.kenmerk)
    return effect


def version_saved(
    connection: Connection,
    locked: Row[Any],
    number: int,
    effect: SaveEffect,
    *,
    author: str,
    at: str,
) -> None:
    """Write what a save does (`effect`, from save_effect): approvals lapse, an event, a status.

    The event's text is stored as data: always Dutch.
    """
    text = ""
    if effect.lapse_approvals:
        lapsed = lapse_approvals(connection, locked.id, by_version=number, at=at)
        which = ", ".join(f"versie {a.version} ({a.reviewer})" for a in lapsed) or "–"
        text = f"Goedkeuring van {which} vervallen door versie {number}"
    elif effect.event is not None:
        text = f"Nieuwe versie {number} tijdens de beoordeling"
    if effect.status_after == STATUS_CONCEPT and text:
        text += "; terug naar concept"
    if effect.event is not None:
        add_event(connection, locked.id, effect.event, number, actor=author, at=at, text=text)
    if effect.status_after is not None:
        set_status(connection, locked.id, effect.status_after)
