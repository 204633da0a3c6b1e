"""Rows of one letter: appending an immutable version to its hash chain, and reading it back."""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Row

from composer.core.letterfile import letter_from_dict, letter_to_dict
from composer.core.models import Letter
from composer.core.validation import broken_problems, field_label
from composer.dutch.names import person_designation
from composer.errors import LetterValidationError
from composer.storage.hashing import canonical_json, version_hash, version_meta
from composer.storage.library_errors import LetterNotFound, VersionNotFound
from composer.storage.library_records import LetterSummary, VersionInfo, record_from_row
from composer.storage.schema import STATUS_CONCEPT, letters, versions
from composer.storage.snapshot import with_promise_snapshot


def stored_content(letter: Letter) -> str:
    """The text a version stores: the letter file with its promise snapshot, canonical JSON.

    Any letter the model holds is stored, however unfinished (an empty Betreft, a half-typed
    postcode, no addressee yet): those problems refuse only finalize, export, merge and send
    (composer.core.readiness). Only what would not read back at all (broken: a date that does
    not exist, a value of the wrong type) is refused before anything is written.
    """
    data = with_promise_snapshot(letter_to_dict(letter))
    problems = broken_problems(data)
    if problems:
        raise LetterValidationError(problems, label=lambda path: field_label(path, data))
    return canonical_json(data)


def letter_from_content(content: str) -> Letter:
    """A stored version as a Letter, unfinished or not (a version is never refused on read)."""
    return letter_from_dict(json.loads(content))


def addressee_names(letter: Letter) -> list[str]:
    """One entry per addressee, `Organisatie, de heer N. van Liemt` ("" for one without a name)."""
    names = []
    for addressee in letter.addressees:
        parts = [addressee.organisation.strip()]
        if addressee.person is not None:
            parts.append(person_designation(addressee.person, start_of_line=False))
        names.append(", ".join(part for part in parts if part))
    return names


def addressee_line(letter: Letter) -> str:
    """`Organisatie, de heer N. van Liemt; …` for the letter list."""
    return "; ".join(name for name in addressee_names(letter) if name)


def summary_values(letter: Letter, kenmerk: str | None) -> dict[str, Any]:
    """The columns of `letters` that follow the latest version."""
    words = [letter.subject, addressee_line(letter), letter.our_reference, kenmerk or ""]
    for addressee in letter.addressees:
        words += [addressee.organisation, addressee.department]
        if addressee.person is not None:
            words += [addressee.person.first_name, addressee.person.surname]
    return {
        "template": letter.template,
        "subject": letter.subject,
        "addressees": addressee_line(letter),
        "search_text": "\n".join(word for word in words if word).lower(),
    }


def lock_letter(connection: Connection, letter_id: int) -> Row[Any]:
    """The letter's row, locked for this write transaction (PostgreSQL: FOR UPDATE).

    On SQLite the BEGIN IMMEDIATE of the write transaction already excludes other writers.
    """
    row = connection.execute(
        sa.select(letters).where(letters.c.id == letter_id).with_for_update()
    ).first()
    if row is None:
        raise LetterNotFound(letter_id)
    return row


def letter_row(connection: Connection, letter_id: int) -> Row[Any]:
    row = connection.execute(sa.select(letters).where(letters.c.id == letter_id)).first()
    if row is None:
        raise LetterNotFound(letter_id)
    return row


def version_row(connection: Connection, letter_id: int, number: int | None) -> Row[Any]:
    """One stored version (None: the latest); LetterNotFound or VersionNotFound."""
    letter = letter_row(connection, letter_id)
    wanted = letter.latest_version if number is None else number
    row = connection.execute(
        sa.select(versions).where(versions.c.letter_id == letter_id, versions.c.number == wanted)
    ).first()
    if row is None:
        raise VersionNotFound(letter_id, wanted, letter.latest_version)
    return row


def version_info(row: Row[Any]) -> VersionInfo:
    return record_from_row(VersionInfo, row, parent="parent_number")


def letter_summary(row: Row[Any]) -> LetterSummary:
    return record_from_row(LetterSummary, row)


def insert_version(
    connection: Connection,
    *,
    letter_id: int,
    number: int,
    parent_hash: str,
    content: str,
    author: str,
    message: str,
    created_at: str,
) -> str:
    """Insert version `number` (its parent is number - 1) and return its hash."""
    parent_number = number - 1 if number > 1 else None
    meta = version_meta(
        letter_id=letter_id,
        number=number,
        parent_number=parent_number,
        author=author,
        message=message,
        created_at=created_at,
    )
    digest = version_hash(parent_hash, content, meta)
    connection.execute(
        versions.insert().values(**meta, content=content, hash=digest),
    )
    return digest


def append_version(
    connection: Connection,
    locked: Row[Any],
    content: str,
    *,
    author: str,
    message: str,
    created_at: str,
    kenmerk: str | None = None,
) -> int:
    """Add a version on top of the latest one of the locked letter; returns its number."""
    latest = locked.latest_version
    parent_hash = connection.execute(
        sa.select(versions.c.hash).where(
            versions.c.letter_id == locked.id, versions.c.number == latest
        )
    ).scalar_one()
    number = latest + 1
    head_hash = insert_version(
        connection,
        letter_id=locked.id,
        number=number,
        parent_hash=parent_hash,
        content=content,
        author=author,
        message=message,
        created_at=created_at,
    )
    kenmerk = kenmerk if kenmerk is not None else locked.kenmerk
    connection.execute(
        letters.update()
        .where(letters.c.id == locked.id)
        .values(
            latest_version=number,
            head_hash=head_hash,
            updated_at=created_at,
            kenmerk=kenmerk,
            **summary_values(letter_from_content(content), kenmerk),
        )
    )
    return number


def create_letter(
    connection: Connection, content: str, *, author: str, message: str, created_at: str
) -> int:
    """A new letter whose version 1 is `content`; returns the letter id."""
    letter = letter_from_content(content)
    letter_id = connection.execute(
        letters.insert()
        .values(
            status=STATUS_CONCEPT,
            kenmerk=None,
            created_at=created_at,
            created_by=author,
            latest_version=1,
            updated_at=created_at,
            **summary_values(letter, None),
        )
        .returning(letters.c.id)
    ).scalar_one()
    head_hash = insert_version(
        connection,
        letter_id=letter_id,
        number=1,
        parent_hash="",
        content=content,
        author=author,
        message=message,
        created_at=created_at,
    )
    connection.execute(
        letters.update().where(letters.c.id == letter_id).values(head_hash=head_hash)
    )
    return letter_id
