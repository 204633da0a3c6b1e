"""The send register: per addressee and attempt, how a sent letter went out, and the result.

Rows are only ever added (triggers, migration 0007). A letter that is sent gets one 'post' row
per addressee (its own archived PDF); each e-mail or .eml attempt adds one row per addressee.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from composer.i18n import N_, _
from composer.storage.schema import SEND_CHANNELS, SEND_RESULTS, send_register
from composer.storage.timestamps import from_text

CHANNEL_POST, CHANNEL_EMAIL, CHANNEL_EML = SEND_CHANNELS
RESULT_SENT, RESULT_FAILED = SEND_RESULTS
# How the screen and the command line name a channel.
CHANNEL_LABELS = {CHANNEL_POST: N_("post"), CHANNEL_EMAIL: N_("e-mail"), CHANNEL_EML: N_(".eml")}


@dataclass(frozen=True)
class SendEntry:
    """One row to add: what happened to one addressee in one attempt."""

    addressee_index: int  # counted from 1
    addressee: str  # the label: `Organisatie, de heer N. van Liemt`
    channel: str  # post, email, eml
    result: str  # verzonden, mislukt
    email: str = ""
    message_id: str = ""
    attachment: str = ""  # the archive path of the PDF that went (or would have gone)
    attachment_sha256: str = ""
    error: str = ""  # plain Dutch, for a failure


@dataclass(frozen=True)
class SendRecord:
    """A row of the register as read back."""

    id: int
    letter_id: int
    version: int
    addressee_index: int
    addressee: str
    email: str
    channel: str
    sent_at: datetime  # aware, UTC
    message_id: str
    attachment: str
    attachment_sha256: str
    result: str
    error: str
    author: str

    @property
    def ok(self) -> bool:
        return self.result == RESULT_SENT

    @property
    def channel_label(self) -> str:
        return _(CHANNEL_LABELS.get(self.channel, self.channel))


def check_entry(entry: SendEntry) -> None:
    """A programming error for a channel or result the table does not know."""
    if entry.channel not in SEND_CHANNELS or entry.result not in SEND_RESULTS:
        raise ValueError(f"send register: unknown channel or result in {entry!r}")
    if entry.addressee_index < 1:
        raise ValueError(f"send register: addressee_index counts from 1 in {entry!r}")


def add_entries(
    connection: Connection,
    letter_id: int,
    version: int,
    entries: Iterable[SendEntry],
    *,
    author: str,
    at: str,
) -> int:
    """Add one row per entry (all at `at`); returns how many."""
    rows = []
    for entry in entries:
        check_entry(entry)
        rows.append(
            {
                "letter_id": letter_id,
                "version_number": version,
                "addressee_index": entry.addressee_index,
                "addressee": entry.addressee,
                "email": entry.email,
                "channel": entry.channel,
                "sent_at": at,
                "message_id": entry.message_id,
                "attachment": entry.attachment,
                "attachment_sha256": entry.attachment_sha256,
                "result": entry.result,
                "error": entry.error,
                "author": author,
            }
        )
    if rows:
        connection.execute(send_register.insert(), rows)
    return len(rows)


def _record(row: Any) -> SendRecord:
    return SendRecord(
        id=row.id,
        letter_id=row.letter_id,
        version=row.version_number,
        addressee_index=row.addressee_index,
        addressee=row.addressee,
        email=row.email,
        channel=row.channel,
        sent_at=from_text(row.sent_at),
        message_id=row.message_id,
        attachment=row.attachment,
        attachment_sha256=row.attachment_sha256,
        result=row.result,
        error=row.error,
        author=row.author,
    )


def register_list(connection: Connection, letter_id: int) -> list[SendRecord]:
    """The letter's rows, oldest first (by time, then as added)."""
    query = (
        sa.select(send_register)
        .where(send_register.c.letter_id == letter_id)
        .order_by(send_register.c.id)
    )
    return [_record(row) for row in connection.execute(query)]


def post_rows(records: Iterable[SendRecord]) -> dict[int, SendRecord]:
    """Per addressee number, the row written when the letter was sent (its archived PDF)."""
    return {r.addressee_index: r for r in records if r.channel == CHANNEL_POST}


def still_needed(records: Iterable[SendRecord]) -> list[int]:
    """The addressee numbers that still need the letter by e-mail: those whose latest
    e-mail/.eml row is not 'verzonden' (a failure), and, once a round has begun, those it never
    reached (it was cancelled before their turn: they have a post row only).

    Before any e-mail round nobody is in it: a retry is for a round that did not finish.
    """
    everyone: set[int] = set()
    latest: dict[int, SendRecord] = {}
    for record in records:
        everyone.add(record.addressee_index)
        if record.channel != CHANNEL_POST:
            latest[record.addressee_index] = record
    if not latest:
        return []
    failed = {number for number, record in latest.items() if not record.ok}
    return sorted(failed | (everyone - latest.keys()))
