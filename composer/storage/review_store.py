"""Rows of the review workflow: events, approvals, comments, archived files."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Row

from composer.errors import ComposerError, Remedy, RemedyAction
from composer.i18n import _
from composer.storage.hashing import archive_file_hash, comment_hash, event_hash
from composer.storage.library_records import record_from_row
from composer.storage.schema import (
    APPROVAL_LAPSED,
    APPROVAL_VALID,
    approvals,
    archive_files,
    comments,
    events,
    letters,
    versions,
)


@dataclass(frozen=True)
class Event:
    id: int
    letter_id: int
    kind: str  # schema.EVENT_KINDS: "submitted", "approved", "rejected", "sent", …
    version: int
    version_hash: str
    actor: str
    at: datetime  # aware, UTC
    text: str  # the reason of a rejection, what a save did to an approval, …
    related_letter_id: int | None = None  # the other letter of a copy


@dataclass(frozen=True)
class Approval:
    id: int
    letter_id: int
    version: int
    version_hash: str
    reviewer: str
    at: datetime  # aware, UTC
    status: str  # "geldig" or "vervallen"
    lapsed_by: int | None = None  # the version whose save made it lapse
    lapsed_at: datetime | None = None

    @property
    def valid(self) -> bool:
        return self.status == APPROVAL_VALID

    @property
    def label(self) -> str:
        """`goedgekeurd (versie 1, vervallen door versie 2)`."""
        if self.valid:
            return _("goedgekeurd (versie {version})").format(version=self.version)
        return _("goedgekeurd (versie {version}, vervallen door versie {lapsed_by})").format(
            version=self.version, lapsed_by=self.lapsed_by
        )


@dataclass(frozen=True)
class Comment:
    id: int
    letter_id: int
    version: int
    block: int | None  # body block, counted from 1; None: the letter as a whole
    author: str
    text: str
    at: datetime  # aware, UTC
    resolved_at: datetime | None = None
    resolved_by: str | None = None

    @property
    def resolved(self) -> bool:
        return self.resolved_at is not None


@dataclass(frozen=True)
class ArchiveFile:
    letter_id: int
    version: int
    kind: str  # "docx" or "pdf"
    path: str  # relative to the data folder, forward slashes
    sha256: str
    size: int
    engine: str
    at: datetime  # aware, UTC


class LetterSent(ComposerError):
    """A sent letter is frozen: no new version (save, restore)."""

    def __init__(self, letter_id: int, kenmerk: str | None) -> None:
        if kenmerk:
            message = _(
                "Brief {letter_id} is verzonden (kenmerk {kenmerk}) en kan niet meer worden "
                "gewijzigd; er is niets opgeslagen."
            )
        else:
            message = _(
                "Brief {letter_id} is verzonden en kan niet meer worden gewijzigd; er is niets "
                "opgeslagen."
            )
        super().__init__(
            message.format(letter_id=letter_id, kenmerk=kenmerk),
            remedy=Remedy(RemedyAction.COPY, letter_id=letter_id),
        )
        self.letter_id = letter_id


def version_hash_of(connection: Connection, letter_id: int, number: int) -> str:
    return connection.execute(
        sa.select(versions.c.hash).where(
            versions.c.letter_id == letter_id, versions.c.number == number
        )
    ).scalar_one()


def set_status(connection: Connection, letter_id: int, status: str) -> None:
    connection.execute(letters.update().where(letters.c.id == letter_id).values(status=status))


# Events


def add_event(
    connection: Connection,
    letter_id: int,
    kind: str,
    version: int,
    *,
    actor: str,
    at: str,
    text: str = "",
    related_letter_id: int | None = None,
) -> str:
    """Append an event to the letter's chain (the caller holds the letter's lock); its hash."""
    values: dict[str, Any] = {
        "letter_id": letter_id,
        "kind": kind,
        "version_number": version,
        "version_hash": version_hash_of(connection, letter_id, version),
        "actor": actor,
        "at": at,
        "text": text,
        "related_letter_id": related_letter_id,
        "prev_hash": _last_hash(connection, events, letter_id),
    }
    digest = event_hash(values)
    connection.execute(events.insert().values(**values, hash=digest))
    connection.execute(
        letters.update().where(letters.c.id == letter_id).values(last_event_hash=digest)
    )
    return digest


def _last_hash(connection: Connection, table: sa.Table, letter_id: int) -> str:
    """The hash of the letter's newest row in `table` (events, comments); "" for none."""
    query = (
        sa.select(table.c.hash)
        .where(table.c.letter_id == letter_id)
        .order_by(table.c.id.desc())
        .limit(1)
    )
    return connection.execute(query).scalar() or ""


def _event(row: Row[Any]) -> Event:
    return record_from_row(Event, row, version="version_number")


def event_list(connection: Connection, letter_id: int) -> list[Event]:
    """Oldest first."""
    query = sa.select(events).where(events.c.letter_id == letter_id).order_by(events.c.id)
    return [_event(row) for row in connection.execute(query)]


# Approvals


def add_approval(
    connection: Connection,
    letter_id: int,
    version: int,
    *,
    reviewer: str,
    at: str,
    event_hash: str,
) -> None:
    """An approval of `version`, bound to the 'approved' event (`event_hash`) that gave it."""
    connection.execute(
        approvals.insert().values(
            letter_id=letter_id,
            version_number=version,
            version_hash=version_hash_of(connection, letter_id, version),
            reviewer=reviewer,
            at=at,
            status=APPROVAL_VALID,
            event_hash=event_hash,
        )
    )


def _approval(row: Row[Any]) -> Approval:
    return record_from_row(Approval, row, version="version_number", lapsed_by="lapsed_by_version")


def approval_list(connection: Connection, letter_id: int) -> list[Approval]:
    """Oldest first, lapsed ones included."""
    query = sa.select(approvals).where(approvals.c.letter_id == letter_id).order_by(approvals.c.id)
    return [_approval(row) for row in connection.execute(query)]


def valid_approval(connection: Connection, letter_id: int) -> Approval | None:
    """The approval that counts now (the newest valid one), if any."""
    valid = [a for a in approval_list(connection, letter_id) if a.valid]
    return valid[-1] if valid else None


def lapse_approvals(
    connection: Connection, letter_id: int, *, by_version: int, at: str
) -> list[Approval]:
    """Mark the valid approvals vervallen by `by_version`; returns them as they were."""
    lapsed = [a for a in approval_list(connection, letter_id) if a.valid]
    if lapsed:
        connection.execute(
            approvals.update()
            .where(approvals.c.letter_id == letter_id, approvals.c.status == APPROVAL_VALID)
            .values(status=APPROVAL_LAPSED, lapsed_by_version=by_version, lapsed_at=at)
        )
    return lapsed


# Comments


def add_comment(
    connection: Connection,
    letter_id: int,
    version: int,
    *,
    block: int | None,
    author: str,
    text: str,
    at: str,
) -> int:
    """Append a comment to the letter's chain of comments; returns its id."""
    # Comments do not change the letter, but two at once must not both follow the same one.
    connection.execute(sa.select(letters.c.id).where(letters.c.id == letter_id).with_for_update())
    values: dict[str, Any] = {
        "letter_id": letter_id,
        "version_number": version,
        "block_index": block,
        "author": author,
        "text": text,
        "at": at,
        "prev_hash": _last_hash(connection, comments, letter_id),
    }
    return connection.execute(
        comments.insert().values(**values, hash=comment_hash(values)).returning(comments.c.id)
    ).scalar_one()


def _comment(row: Row[Any]) -> Comment:
    return record_from_row(Comment, row, version="version_number", block="block_index")


def comment_list(connection: Connection, letter_id: int) -> list[Comment]:
    query = sa.select(comments).where(comments.c.letter_id == letter_id).order_by(comments.c.id)
    return [_comment(row) for row in connection.execute(query)]


def find_comment(connection: Connection, letter_id: int, comment_id: int) -> Comment:
    row = connection.execute(
        sa.select(comments).where(comments.c.id == comment_id, comments.c.letter_id == letter_id)
    ).first()
    if row is None:
        raise ComposerError(
            _("Brief {letter_id} heeft geen opmerking {comment_id}.").format(
                letter_id=letter_id, comment_id=comment_id
            ),
            remedy=Remedy(RemedyAction.LIST_COMMENTS, letter_id=letter_id),
        )
    return _comment(row)


def resolve_comment(connection: Connection, comment_id: int, *, by: str, at: str) -> None:
    connection.execute(
        comments.update().where(comments.c.id == comment_id).values(resolved_at=at, resolved_by=by)
    )


# Archived files


def add_archive_file(connection: Connection, **values: Any) -> None:
    """Record an archived file; `values` include the `event_hash` of the 'sent' event."""
    connection.execute(archive_files.insert().values(**values, hash=archive_file_hash(values)))


def _archive_file(row: Row[Any]) -> ArchiveFile:
    return record_from_row(ArchiveFile, row, version="version_number")


def archive_file_list(connection: Connection, letter_id: int | None = None) -> list[ArchiveFile]:
    """By letter, version and kind (docx before pdf); None: of every letter."""
    query = sa.select(archive_files).order_by(
        archive_files.c.letter_id, archive_files.c.version_number, archive_files.c.kind
    )
    if letter_id is not None:
        query = query.where(archive_files.c.letter_id == letter_id)
    return [_archive_file(row) for row in connection.execute(query)]
