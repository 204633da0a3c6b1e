"""What the review panel shows of one letter, read in one go (off the GUI thread, in an op)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from composer.core.statuses import EVENT_SENT, STATUS_SENT

if TYPE_CHECKING:
    from composer.review.review_records import ReviewStatus
    from composer.storage.library import Library
    from composer.storage.review_store import ArchiveFile, Comment, Event


@dataclass(frozen=True)
class ReviewState:
    status: ReviewStatus
    comments: list[Comment]
    sent: Event | None  # the 'sent' event of a sent letter
    files: list[ArchiveFile]  # what sending put in the archive (DOCX, PDF)
    data_folder: Path  # archive paths are relative to it
    register: list[Any] = field(default_factory=list)  # the send register's rows (SendRecord)

    @property
    def archive_folder(self) -> Path | None:
        """The folder the sent files are in; None before sending."""
        if not self.files:
            return None
        return (self.data_folder / self.files[-1].path).parent

    def archive_paths(self) -> list[Path]:
        return [self.data_folder / archived.path for archived in self.files]

    def archived_pdf(self) -> Path | None:
        """The PDF that was sent (every addressee's copy, joined); None before sending."""
        pdfs = [archived for archived in self.files if archived.kind == "pdf"]
        if not pdfs:
            return None
        joined = min(pdfs, key=lambda archived: len(archived.path))  # not `…-1.pdf`
        return self.data_folder / joined.path


def read_state(library: Library, letter_id: int) -> ReviewState:
    """Status, comments and, for a sent letter, the sending, its archived files and the send
    register."""
    from composer.gui.send_work import read_register
    from composer.review.service import ReviewService

    service = ReviewService(library)
    status = service.status(letter_id)
    comments = service.comments(letter_id)
    sent, files, register = None, [], []
    if status.status == STATUS_SENT:
        register = read_register(library, letter_id)
        sent_events = [event for event in service.events(letter_id) if event.kind == EVENT_SENT]
        sent = sent_events[-1] if sent_events else None
        files = [f for f in service.archive_files(letter_id) if f.version == status.latest_version]
    return ReviewState(status, comments, sent, files, Path(library.data_folder), register)
