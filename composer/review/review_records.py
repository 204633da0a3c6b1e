"""What the review service hands out: the status of a letter and the result of sending it."""

from __future__ import annotations

from dataclasses import dataclass

from composer.i18n import _
from composer.review.sending import ArchivedFile
from composer.review.workflow import status_label
from composer.storage.review_store import Approval, Event


@dataclass(frozen=True)
class ReviewStatus:
    letter_id: int
    status: str  # stored value: concept, ter_beoordeling, goedgekeurd, verzonden
    version: int  # the version the status is about (the approved one when goedgekeurd)
    latest_version: int
    kenmerk: str | None
    approvals: tuple[Approval, ...]  # oldest first, lapsed ones included
    rejection: Event | None  # the last rejection, while the letter is a concept because of it
    open_comments: int

    @property
    def label(self) -> str:
        return status_label(self.status)

    @property
    def headline(self) -> str:
        """`Goedgekeurd (versie 2)`, in the language of the screen."""
        return _("{status} (versie {version})").format(status=self.label, version=self.version)


@dataclass(frozen=True)
class SendResult:
    letter_id: int
    version: int  # the version that was sent
    kenmerk: str
    approved_version: int  # the version the approval was given to
    files: tuple[ArchivedFile, ...]  # DOCX, then PDF
    warnings: tuple[str, ...] = ()
    # A letter to several addressees: each addressee's own PDF (in the send register).
    copies: tuple[ArchivedFile, ...] = ()
    signed: bool = False  # every PDF was signed before it was archived
