"""The stored values of the review workflow: statuses, event kinds, their labels, a save's effect.

Storage and review both stand on this module; the rules that join the values (which step is
allowed in which status) live in `composer.review.transitions`. The labels are marked with `N_()`
(the Dutch text itself); the screen translates them with `_()`.
"""

from __future__ import annotations

from dataclasses import dataclass

from composer.i18n import N_

STATUS_CONCEPT = "concept"  # not screen text
STATUS_IN_REVIEW = "ter_beoordeling"  # not screen text
STATUS_APPROVED = "goedgekeurd"  # not screen text
STATUS_SENT = "verzonden"  # not screen text
STATUSES = (STATUS_CONCEPT, STATUS_IN_REVIEW, STATUS_APPROVED, STATUS_SENT)

# The kinds of event in a letter's review history (stored; not screen text).
EVENT_SUBMITTED = "submitted"
EVENT_APPROVED = "approved"
EVENT_REJECTED = "rejected"
EVENT_SAVED_AFTER_APPROVAL = "saved-after-approval"
EVENT_SAVED_DURING_REVIEW = "saved-during-review"
EVENT_SENT = "sent"
EVENT_COPIED_FROM = "copied-from"
EVENT_COPIED_TO = "copied-to"
EVENT_KINDS = (
    EVENT_SUBMITTED,
    EVENT_APPROVED,
    EVENT_REJECTED,
    EVENT_SAVED_AFTER_APPROVAL,
    EVENT_SAVED_DURING_REVIEW,
    EVENT_SENT,
    EVENT_COPIED_FROM,
    EVENT_COPIED_TO,
)

# The labels of the glossary (docs: /shared/domain/ui-glossary.md).
STATUS_LABELS = {
    STATUS_CONCEPT: N_("Concept"),
    STATUS_IN_REVIEW: N_("Ter beoordeling"),
    STATUS_APPROVED: N_("Goedgekeurd"),
    STATUS_SENT: N_("Verzonden"),
}
EVENT_LABELS = {  # not screen text: the keys (the labels are marked N_)
    EVENT_SUBMITTED: N_("ter beoordeling aangeboden"),
    EVENT_APPROVED: N_("goedgekeurd"),
    EVENT_REJECTED: N_("afgewezen"),
    EVENT_SAVED_AFTER_APPROVAL: N_("nieuwe versie na goedkeuring"),
    EVENT_SAVED_DURING_REVIEW: N_("nieuwe versie tijdens de beoordeling"),
    EVENT_SENT: N_("verzonden"),
    EVENT_COPIED_FROM: N_("gemaakt op basis van een andere brief"),
    EVENT_COPIED_TO: N_("nieuwe brief op basis van deze gemaakt"),
}


@dataclass(frozen=True)
class SaveEffect:
    """What saving a new version does to a letter's review, as rows for storage to write.

    `frozen`: no new version at all (the save is refused). Otherwise `event` (a kind, or None
    for no event) is added, the valid approvals lapse when `lapse_approvals`, and the status
    becomes `status_after` (None: unchanged).
    """

    frozen: bool = False
    event: str | None = None
    lapse_approvals: bool = False
    status_after: str | None = None
