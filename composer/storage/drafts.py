"""Autosaved drafts: one per letter and author, replaced on every save, never a version."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from composer.core.letterfile import draft_letter, letter_to_dict
from composer.core.models import Letter
from composer.storage.hashing import canonical_json
from composer.storage.library_records import DraftInfo
from composer.storage.schema import drafts
from composer.storage.timestamps import from_text


def save(
    connection: Connection,
    letter_id: int,
    letter: Letter,
    *,
    author: str,
    base_version: int | None,
    updated_at: str,
) -> None:
    """Insert or replace the author's draft of the letter (one statement, no race)."""
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    values = {
        "letter_id": letter_id,
        "author": author,
        "base_version": base_version,
        "content": canonical_json(letter_to_dict(letter)),
        "updated_at": updated_at,
    }
    statement = dialect.insert(drafts).values(**values)
    statement = statement.on_conflict_do_update(
        index_elements=["letter_id", "author"],
        set_={key: statement.excluded[key] for key in ("base_version", "content", "updated_at")},
    )
    connection.execute(statement)


def read(connection: Connection, letter_id: int, author: str) -> DraftInfo | None:
    row = connection.execute(
        sa.select(drafts).where(drafts.c.letter_id == letter_id, drafts.c.author == author)
    ).first()
    if row is None:
        return None
    return DraftInfo(
        letter_id=row.letter_id,
        author=row.author,
        base_version=row.base_version,
        updated_at=from_text(row.updated_at),
        letter=draft_letter(row.content),
    )


def of_author(connection: Connection, author: str) -> list[DraftInfo]:
    """Every draft the author left behind (after a crash: work to offer back), newest first."""
    rows = connection.execute(
        sa.select(drafts.c.letter_id)
        .where(drafts.c.author == author)
        .order_by(drafts.c.updated_at.desc())
    )
    found = [read(connection, letter_id, author) for letter_id in rows.scalars().all()]
    return [draft for draft in found if draft is not None]


def discard(connection: Connection, letter_id: int, author: str) -> None:
    connection.execute(
        drafts.delete().where(drafts.c.letter_id == letter_id, drafts.c.author == author)
    )
