"""The prullenbak: letters set aside (deleted_at, deleted_by), never erased, always restorable.

Moving a letter to the prullenbak only marks its row; its versions, review history, kenmerk,
drafts and archived files stay exactly as they are. A sent letter is in the archive and never
goes into the prullenbak (migration 0005 has a trigger that refuses it as well). A letter in the
prullenbak is left out of the list and the search, and is not saved, given a kenmerk or sent
until it is restored.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Row

from composer.errors import ComposerError
from composer.i18n import _
from composer.storage.library_records import LetterSummary, record_from_row
from composer.storage.schema import STATUS_SENT, letters


@dataclass(frozen=True)
class BinnedLetter(LetterSummary):
    """A letter in the prullenbak: its summary, and when and by whom it was put there."""

    deleted_at: datetime  # aware, UTC
    deleted_by: str


class LetterInBin(ComposerError):
    """The letter is in the prullenbak: it is not changed until it is restored."""

    def __init__(self, letter_id: int, subject: str) -> None:
        super().__init__(
            _(
                "Brief {letter_id} (‘{subject}’) staat in de prullenbak en wordt niet gewijzigd. "
                "Zet de brief eerst terug uit de prullenbak."
            ).format(letter_id=letter_id, subject=subject or _("geen betreft"))
        )
        self.letter_id = letter_id


class SentLetterKept(ComposerError):
    """A sent letter is in the archive: it cannot go into the prullenbak."""

    def __init__(self, letter_id: int, subject: str, kenmerk: str | None) -> None:
        super().__init__(
            _(
                "Brief {letter_id} (‘{subject}’) is verzonden met kenmerk {kenmerk} en staat in "
                "het archief. Een verzonden brief blijft bewaard en kan niet worden verwijderd."
            ).format(
                letter_id=letter_id,
                subject=subject or _("geen betreft"),
                kenmerk=kenmerk or "–",
            )
        )
        self.letter_id = letter_id


def refuse_if_in_bin(row: Row[Any]) -> None:
    """LetterInBin when the letter of `row` (a `letters` row) is in the prullenbak."""
    if row.deleted_at is not None:
        raise LetterInBin(row.id, row.subject)


def move_to_bin(connection: Connection, locked: Row[Any], *, by: str, at: str) -> None:
    """Put the locked letter in the prullenbak (a letter already there stays as it was)."""
    if locked.status == STATUS_SENT:
        raise SentLetterKept(locked.id, locked.subject, locked.kenmerk)
    if locked.deleted_at is not None:
        return
    connection.execute(
        letters.update().where(letters.c.id == locked.id).values(deleted_at=at, deleted_by=by)
    )


def take_from_bin(connection: Connection, locked: Row[Any]) -> bool:
    """Back into the list; False when the letter was not in the prullenbak."""
    if locked.deleted_at is None:
        return False
    connection.execute(
        letters.update().where(letters.c.id == locked.id).values(deleted_at=None, deleted_by=None)
    )
    return True


def listed(statement: sa.Select[Any], *, in_bin: bool) -> sa.Select[Any]:
    """`statement` over `letters` limited to the list (in_bin False) or the prullenbak."""
    if in_bin:
        return statement.where(letters.c.deleted_at.is_not(None)).order_by(
            letters.c.deleted_at.desc()
        )
    return statement.where(letters.c.deleted_at.is_(None))


def binned_letter(row: Row[Any]) -> BinnedLetter:
    return record_from_row(BinnedLetter, row)


def ids_in_bin(connection: Connection, letter_ids: Iterable[int] | None = None) -> set[int]:
    """Which letters (of `letter_ids`; None: all) are in the prullenbak."""
    statement = sa.select(letters.c.id).where(letters.c.deleted_at.is_not(None))
    if letter_ids is not None:
        statement = statement.where(letters.c.id.in_(list(letter_ids)))
    return set(connection.execute(statement).scalars())
