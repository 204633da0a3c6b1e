"""The statuses of a letter and their labels, as the review side reads them (from core).

The values and labels live in `composer.core.statuses`, below storage and review both; the labels
are marked with `N_()` and translated with `_()` where they are shown (`status_label`).
"""

from __future__ import annotations

from composer.core.statuses import (  # noqa: F401  (the review side's names for them)
    EVENT_COPIED_FROM,
    EVENT_COPIED_TO,
    EVENT_LABELS,
    EVENT_REJECTED,
    STATUS_APPROVED,
    STATUS_CONCEPT,
    STATUS_IN_REVIEW,
    STATUS_LABELS,
    STATUS_SENT,
    STATUSES,
)
from composer.i18n import _


def status_label(status: str) -> str:
    """The label of a stored status in the language of the screen (Dutch on the command line)."""
    return _(STATUS_LABELS[status]) if status in STATUS_LABELS else status
