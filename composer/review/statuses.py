"""The statuses of a letter and their Dutch labels; no database needed to show them."""

from __future__ import annotations

STATUS_CONCEPT = "concept"
STATUS_IN_REVIEW = "ter_beoordeling"
STATUS_APPROVED = "goedgekeurd"
STATUS_SENT = "verzonden"
STATUSES = (STATUS_CONCEPT, STATUS_IN_REVIEW, STATUS_APPROVED, STATUS_SENT)

# The labels of the glossary (docs: /shared/domain/ui-glossary.md).
STATUS_LABELS = {
    STATUS_CONCEPT: "Concept",
    STATUS_IN_REVIEW: "Ter beoordeling",
    STATUS_APPROVED: "Goedgekeurd",
    STATUS_SENT: "Verzonden",
}
EVENT_LABELS = {
    "submitted": "ter beoordeling aangeboden",
    "approved": "goedgekeurd",
    "rejected": "afgewezen",
    "saved-after-approval": "nieuwe versie na goedkeuring",
    "saved-during-review": "nieuwe versie tijdens de beoordeling",
    "sent": "verzonden",
    "copied-from": "gemaakt op basis van een andere brief",
    "copied-to": "nieuwe brief op basis van deze gemaakt",
}
