"""The review rules handed to the Library: what a save does, and the status replay of verify.

Storage never imports composer.review; whoever opens a Library for the workflow (the command
line, the window, the ReviewService) hands it `REVIEW_RULES`, and storage writes the rows they
say and asks them whether a letter's stored status is the one its events give.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from composer.core.statuses import SaveEffect
from composer.i18n import _
from composer.review import transitions
from composer.review.statuses import status_label
from composer.storage.library import Library
from composer.storage.verify_review import event_name


def status_problem(stored: str, events: Sequence[Any]) -> str | None:
    """Why `stored` is not the status a letter's event rows (oldest first) give; None if it is.

    The phrase is part of verify's report: `de status is Concept, maar …`.
    """
    status, refused = transitions.replay_status(row.kind for row in events)
    if refused is not None:
        return _("{event} kan niet volgen op de status {status}").format(
            event=event_name(refused + 1, events[refused]), status=status_label(status)
        )
    if stored != status:
        return _(
            "de status is {stored}, maar volgens de beoordelingsgeschiedenis hoort die "
            "{expected} te zijn"
        ).format(stored=status_label(stored), expected=status_label(status))
    return None


class _ReviewRules:
    """storage.review_rules.ReviewRules, answered from the transition table."""

    def on_save(self, status: str) -> SaveEffect:
        return transitions.on_save(status)

    def status_problem(self, stored: str, events: Sequence[Any]) -> str | None:
        return status_problem(stored, events)


REVIEW_RULES = _ReviewRules()


def with_rules(library: Library) -> Library:
    """`library`, with the review rules handed to it if it has none yet."""
    if library.rules is None:
        library.use_rules(REVIEW_RULES)
    return library


def open_library(url: str | None = None, **options: Any) -> Library:
    """Library.open with the review rules: the way every face opens the library."""
    return Library.open(url, rules=REVIEW_RULES, **options)
