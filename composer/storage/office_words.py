"""The office word list in the library: words the spelling check accepts for the whole office.

"Toevoegen aan woordenlijst" in the editor stores a word here (once: adding it again changes
nothing and keeps who added it first); every Composer using this library loads the list into
its spelling checker (composer.app.office_words). Words are kept as typed: "Öztürk" and
"servicebelofte" (a word in lower case is accepted with a capital as well, by the checker).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from composer.errors import ComposerError
from composer.i18n import _
from composer.storage.engine import is_postgresql, read_transaction, write_transaction
from composer.storage.schema import office_words
from composer.storage.timestamps import from_text, to_text, utc_now

MAX_LENGTH = 100  # longer is no word (ck_office_words_word)


@dataclass(frozen=True)
class OfficeWord:
    """A word of the list, who added it and when (aware, UTC)."""

    word: str
    added_by: str
    added_at: datetime


def clean_word(word: str) -> str:
    """The word as stored: without surrounding spaces; a Dutch error for no word at all."""
    cleaned = word.strip()
    if not cleaned or len(cleaned) > MAX_LENGTH or any(char.isspace() for char in cleaned):
        raise ComposerError(
            _(
                "‘{word}’ kan niet in de woordenlijst: geef één woord van hoogstens {limit} "
                "tekens, zonder spaties."
            ).format(word=word[:MAX_LENGTH], limit=MAX_LENGTH)
        )
    return cleaned


def list_words(engine: Engine) -> list[OfficeWord]:
    """Every word of the office word list, alphabetically."""
    with read_transaction(engine) as connection:
        rows = connection.execute(
            sa.select(office_words.c.word, office_words.c.added_by, office_words.c.added_at)
        ).all()
    found = [OfficeWord(row.word, row.added_by, from_text(row.added_at)) for row in rows]
    return sorted(found, key=lambda item: (_sort_key(item.word), item.word))


def _sort_key(word: str) -> str:
    """Alphabetical as a reader expects: Öztürk next to Ozturk, capitals next to lower case."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def add_word(engine: Engine, word: str, *, author: str, at: datetime | None = None) -> bool:
    """Add `word` to the list; False when it was there already (nothing changes then)."""
    word = clean_word(word)
    row = {"word": word, "added_by": author, "added_at": to_text(at or utc_now())}
    with write_transaction(engine) as connection:
        return _insert_new(connection, row)


def _insert_new(connection: Connection, row: dict[str, str]) -> bool:
    """Insert unless the word is there; safe when two people add the same word at once."""
    if is_postgresql(connection):
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    statement = (
        insert(office_words).values(**row).on_conflict_do_nothing().returning(office_words.c.word)
    )
    return connection.execute(statement).first() is not None


# The office word list in a library export (composer.storage.archive): absent in older exports.
EXPORT_FILE = "woordenlijst.json"
_EXPORT_FIELDS = ("word", "added_by", "added_at")


def export_rows(connection: Connection) -> list[dict[str, str]]:
    """The rows of the word list as the export writes them, in a fixed order."""
    rows = connection.execute(sa.select(office_words).order_by(office_words.c.word))
    return [{field: row._mapping[field] for field in _EXPORT_FIELDS} for row in rows]


def import_rows(connection: Connection, data: object) -> int:
    """Insert the exported word list `data` (read from EXPORT_FILE); the number of words.

    Raises ValueError (with an English reason for the log; the importer says in Dutch that
    the export is broken) when `data` is not a list of such rows."""
    if not isinstance(data, list) or not all(
        isinstance(row, dict)
        and set(row) == set(_EXPORT_FIELDS)
        and all(isinstance(row[field], str) for field in _EXPORT_FIELDS)
        for row in data
    ):
        raise ValueError("the word list is not a list of {word, added_by, added_at}")
    rows = []
    for row in data:
        try:
            word = clean_word(row["word"])
            from_text(row["added_at"])
        except (ComposerError, ValueError) as exc:
            raise ValueError(f"a bad row in the word list: {row!r}") from exc
        rows.append({**row, "word": word})
    if rows:
        connection.execute(office_words.insert(), rows)
    return len(rows)
