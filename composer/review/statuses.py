"""The statuses of a letter and their Dutch labels; no database needed to show them.

The labels are marked with `N_()` (the Dutch text itself); the screen translates them with `_()`.
"""

from __future__ import annotations

from composer.i18n import N_

STATUS_CONCEPT = "concept"  # not screen text
STATUS_IN_REVIEW = "ter_beoordeling"  # not screen text
STATUS_APPROVED = "goedgekeurd"  # not screen text
STATUS_SENT = "verzonden"  # not screen text
STATUSES = (STATUS_CONCEPT, STATUS_IN_REVIEW, STATUS_APPROVED, STATUS_SENT)

# The labels of the glossary (docs: /shared/domain/ui-glossary.md).
STATUS_LABELS = {
    STATUS_CONCEPT: N_("Concept"),
    STATUS_IN_REVIEW: N_("Ter beoordeling"),
    STATUS_APPROVED: N_("Goedgekeurd"),
    STATUS_SENT: N_("Verzonden"),
}
EVENT_LABELS = {  # not screen text: the keys (the labels are marked N_)
    "submitted": N_("ter beoordeling aangeboden"),
    "approved": N_("goedgekeurd"),
    "rejected": N_("afgewezen"),
    "saved-after-approval": N_("nieuwe versie na goedkeuring"),
    "saved-during-review": N_("nieuwe versie tijdens de beoordeling"),
    "sent": N_("verzonden"),
    "copied-from": N_("gemaakt op basis van een andere brief"),
    "copied-to": N_("nieuwe brief op basis van deze gemaakt"),
}
