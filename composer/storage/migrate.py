"""Brings a library database to the newest schema at open (Alembic, forward only)."""

from __future__ import annotations

import functools
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection, Engine

from composer.errors import ComposerError
from composer.i18n import _
from composer.storage.database_errors import LibraryReadOnly
from composer.storage.engine import describe, is_postgresql, read_transaction, write_transaction
from composer.storage.schema import ALL_TABLES

# Next to this module, so it is found in a checkout, an installed package and a frozen build.
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "alembic_version"
# Any fixed number: PostgreSQL sessions opening the same library migrate one after another.
_MIGRATION_LOCK_KEY = 0x636F6D706F7365


class LibraryTooNew(ComposerError):
    """The database was made by a newer Composer; it is left exactly as it is."""


class NotALibrary(ComposerError):
    """The database holds tables with our names but was not made by Composer."""


def alembic_config(connection: Connection | None = None) -> Config:
    """A Config without an ini file; `connection` is handed to migrations/env.py."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("path_separator", "os")
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@functools.cache
def _scripts() -> ScriptDirectory:
    if not (MIGRATIONS_DIR / "env.py").is_file():
        # A packaging mistake, not the user's: a frozen build must bundle the folder as data.
        raise RuntimeError(f"the migrations folder is missing from this build: {MIGRATIONS_DIR}")
    return ScriptDirectory.from_config(alembic_config())


def known_revisions() -> list[str]:
    """Every revision this program knows, oldest first."""
    return [script.revision for script in reversed(list(_scripts().walk_revisions()))]


def head_revision() -> str:
    head = _scripts().get_current_head()
    assert head is not None, "the migrations folder has no revisions"
    return head


def stamped_revisions(connection: Connection) -> set[str] | None:
    """The revisions in `alembic_version`, or None when the table does not exist."""
    if not sa.inspect(connection).has_table(VERSION_TABLE):
        return None
    rows = connection.execute(sa.text(f"SELECT version_num FROM {VERSION_TABLE}"))
    return {row[0] for row in rows}


def _check(connection: Connection, stamped: set[str] | None, where: str) -> None:
    if stamped is None:
        inspector = sa.inspect(connection)
        ours = [name for name in ALL_TABLES if inspector.has_table(name)]
        if ours:
            raise NotALibrary(
                _(
                    "De database ({where}) bevat al tabellen met de namen die Composer gebruikt "
                    "({tables}), maar is geen Composer-bibliotheek. Composer heeft niets "
                    "veranderd; kies een lege database of een ander bestand."
                ).format(where=where, tables=", ".join(ours))
            )
        return
    unknown = sorted(stamped - set(known_revisions()))
    if unknown:
        raise LibraryTooNew(
            _(
                "Deze bibliotheek is gemaakt met een nieuwere versie van Composer "
                "(schema ‘{revision}’); werk Composer bij. De bibliotheek is niet veranderd."
            ).format(revision=unknown[0])
        )


def upgrade(connection: Connection, revision: str = "head") -> None:
    """Run the migrations up to `revision` inside the caller's transaction."""
    command.upgrade(alembic_config(connection), revision)


def migrate_to_head(engine: Engine) -> None:
    """Upgrade to the newest schema; refuse (unchanged) a database from a newer Composer.

    Reads first, so a library that is already current opens without taking the write lock
    (a read-only library can still be read).
    """
    where = describe(engine.url)
    head = head_revision()
    with read_transaction(engine) as connection:
        stamped = stamped_revisions(connection)
        _check(connection, stamped, where)
    if stamped == {head}:
        return
    try:
        with write_transaction(engine) as connection:
            if is_postgresql(connection):
                connection.execute(sa.select(sa.func.pg_advisory_xact_lock(_MIGRATION_LOCK_KEY)))
            stamped = stamped_revisions(connection)  # another process may have migrated
            _check(connection, stamped, where)
            if stamped != {head}:
                upgrade(connection, "head")
    except LibraryReadOnly:
        raise _cannot_migrate(where, stamped) from None


def _cannot_migrate(where: str, stamped: set[str] | None) -> LibraryReadOnly:
    """The message for a library that must be created or upgraded but may not be written."""
    if stamped is None:
        return LibraryReadOnly(
            _(
                "De bibliotheek ({where}) is nog leeg en alleen-lezen: Composer kan er geen "
                "bibliotheek in maken. Vraag schrijfrechten (voor de map en het bestand, of voor "
                "de database) of kies met COMPOSER_DATABASE_URL een andere plek. Er is niets "
                "veranderd."
            ).format(where=where)
        )
    return LibraryReadOnly(
        _(
            "De bibliotheek ({where}) is alleen-lezen en heeft een ouder formaat (schema "
            "‘{revision}’): deze versie van Composer moet haar eerst bijwerken, en dat mag hier "
            "niet. Open de bibliotheek één keer met schrijfrechten (of vraag de beheerder "
            "daarom), of lees haar met de Composer-versie waarmee ze is gemaakt. Er is niets "
            "veranderd."
        ).format(where=where, revision=", ".join(sorted(stamped)) or "?")
    )
