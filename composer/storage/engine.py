"""Opens the library database (SQLite file or PostgreSQL) with safe transaction settings."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import URL, Connection, Engine

from composer.errors import ComposerError
from composer.i18n import _
from composer.paths import data_dir
from composer.storage.database_errors import LibraryReadOnly, translated_errors

DATABASE_URL_VARIABLE = "COMPOSER_DATABASE_URL"
LIBRARY_FILENAME = "bibliotheek.sqlite"
BUSY_TIMEOUT_SECONDS = 10
CONNECT_TIMEOUT_SECONDS = 10
# Execution option that makes the SQLite "begin" hook take the write lock up front.
WRITE_OPTION = "composer_write"


def default_url() -> str:
    """`COMPOSER_DATABASE_URL`, else a SQLite file `bibliotheek.sqlite` in the data folder."""
    configured = os.environ.get(DATABASE_URL_VARIABLE, "").strip()
    if configured:
        return configured
    folder = data_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ComposerError(
            _(
                "De map voor de bibliotheek (‘{folder}’) kan niet worden gemaakt: {reason}. "
                "Controleer de schrijfrechten, of kies met {variable} een andere plek."
            ).format(folder=folder, reason=exc.strerror, variable=DATABASE_URL_VARIABLE)
        ) from None
    return f"sqlite:///{folder / LIBRARY_FILENAME}"


def normalised_url(url: str) -> URL:
    """The URL with the driver Composer uses: `postgresql://` becomes `postgresql+psycopg://`."""
    try:
        parsed = sa.make_url(url)
    except sa.exc.ArgumentError:
        raise ComposerError(
            _(
                "‘{url}’ is geen geldig database-adres. Gebruik bijvoorbeeld "
                "sqlite:////pad/naar/bibliotheek.sqlite of "
                "postgresql://gebruiker@server/bibliotheek."
            ).format(url=url)
        ) from None
    backend = parsed.get_backend_name()
    if backend in ("postgresql", "postgres"):
        return parsed.set(drivername="postgresql+psycopg")
    if parsed.drivername in ("sqlite", "sqlite+pysqlite"):
        return parsed
    raise ComposerError(
        _(
            "Composer werkt met een SQLite-bestand of een PostgreSQL-server, niet met "
            "‘{driver}’. Pas het adres in {variable} aan."
        ).format(driver=parsed.drivername, variable=DATABASE_URL_VARIABLE)
    )


def describe(url: URL) -> str:
    """Where the library is, for messages: the file path, or server and database name."""
    if url.get_backend_name() == "sqlite":
        return url.database or _("(in het geheugen)")
    port = f":{url.port}" if url.port else ""
    return f"{url.host or 'localhost'}{port}/{url.database or ''}"


def _database_file(url: URL) -> Path | None:
    """The SQLite library's file; None in memory or for a `file:` URI."""
    database = url.database or ""
    if (
        not database
        or database == ":memory:"
        or url.query.get("uri")
        or database.startswith("file:")
    ):
        return None
    return Path(database).expanduser()


def _check_sqlite_folder(url: URL) -> None:
    database = _database_file(url)
    if database is None:
        return
    folder = database.parent
    if not folder.is_dir():
        raise ComposerError(
            _(
                "De map ‘{folder}’ voor de bibliotheek bestaat niet. Maak de map aan of kies met "
                "{variable} een andere plek."
            ).format(folder=folder, variable=DATABASE_URL_VARIABLE)
        )


def read_only_file(url: URL) -> Path | None:
    """The SQLite library file when it exists but Composer may not write it or its folder.

    Such a file is opened read-only (see `_connect_read_only`): reading works, every write is
    refused with LibraryReadOnly. os.access also sees a read-only mount (EROFS), also as root.
    """
    path = _database_file(url)
    if path is None or not path.is_file():
        return None
    if os.access(path, os.W_OK) and os.access(path.parent, os.W_OK):
        return None
    return path.absolute()


def _connect_read_only(path: Path, params: dict[str, Any]) -> sqlite3.Connection:
    """A read-only connection to `path`, in a folder where SQLite may not make its side files.

    A WAL library needs its `-shm` file; when that cannot be made, the file is opened as
    immutable (nothing can change it while we read: the folder is read-only). Changes still in
    a `-wal` file left behind would then be missed, so that case is refused.
    """
    params = {**params, "uri": True}
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", **params)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return connection
    except sqlite3.OperationalError:
        connection.close()
    log = path.with_name(path.name + "-wal")
    if log.is_file() and log.stat().st_size > 0:
        raise LibraryReadOnly(
            _(
                "De bibliotheek ‘{where}’ staat in een map waarin Composer niet mag schrijven, "
                "en de laatste wijzigingen staan nog in ‘{log}’. Composer kan ze zo niet lezen. "
                "Open de bibliotheek één keer met schrijfrechten (of vraag de beheerder daarom); "
                "er is niets veranderd."
            ).format(where=path, log=log.name)
        )
    return sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", **params)


def _on_sqlite_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # SQLAlchemy emits BEGIN itself (see _on_sqlite_begin); the driver must not.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
        cursor.execute("PRAGMA foreign_keys = ON")
        # WAL: readers never block the writer and a killed process leaves no half-written
        # version (the uncommitted tail of the log is ignored on the next open). A read-only
        # file keeps its journal mode; reading still works.
        with contextlib.suppress(sqlite3.OperationalError):
            cursor.execute("PRAGMA journal_mode = WAL")
        # FULL: every commit is on disk before save() returns, also after a power cut.
        # One fsync per save costs milliseconds; versions are saved by people, not in bulk.
        cursor.execute("PRAGMA synchronous = FULL")
    finally:
        cursor.close()


def _on_sqlite_begin(connection: Connection) -> None:
    # BEGIN IMMEDIATE takes the write lock at the start (waiting up to busy_timeout), so two
    # writers queue up instead of one failing with "database is locked" halfway through.
    write = connection.get_execution_options().get(WRITE_OPTION, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def open_engine(url: str | None = None) -> Engine:
    """An Engine for `url` (None: `COMPOSER_DATABASE_URL` or the SQLite file in the data folder).

    Connecting is lazy; the first transaction reports an unreachable server or an unopenable
    file as a ComposerError (see `read_transaction` / `write_transaction`).
    """
    parsed = normalised_url(url if url is not None else default_url())
    if parsed.get_backend_name() == "sqlite":
        _check_sqlite_folder(parsed)
        engine = sa.create_engine(parsed, connect_args={"timeout": BUSY_TIMEOUT_SECONDS})

        def connect(
            _dialect: Any, _record: Any, _args: list[Any], params: dict[str, Any]
        ) -> sqlite3.Connection | None:
            path = read_only_file(parsed)  # looked at for every connection: rights may change
            return None if path is None else _connect_read_only(path, params)

        sa.event.listen(engine, "do_connect", connect)
        sa.event.listen(engine, "connect", _on_sqlite_connect)
        sa.event.listen(engine, "begin", _on_sqlite_begin)
        return engine
    return sa.create_engine(
        parsed,
        pool_pre_ping=True,
        connect_args={
            "connect_timeout": CONNECT_TIMEOUT_SECONDS,
            "application_name": "composer",
            # Wait at most this long for a row another session has locked, then report "bezet".
            "options": f"-c lock_timeout={int(BUSY_TIMEOUT_SECONDS * 1000)}",
        },
    )


def is_postgresql(engine: Engine | Connection) -> bool:
    return engine.dialect.name == "postgresql"


@contextmanager
def read_transaction(engine: Engine) -> Iterator[Connection]:
    """A read-only snapshot: one transaction, so several SELECTs see the same library."""
    with translated_errors(describe(engine.url)), engine.connect() as connection:
        if is_postgresql(connection):
            connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():
            yield connection


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """One write transaction: all of it is saved, or (on any error) none of it."""
    with translated_errors(describe(engine.url)), engine.connect() as connection:
        connection.execution_options(**{WRITE_OPTION: True})
        with connection.begin():
            yield connection
