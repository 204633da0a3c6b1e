"""Full, read-only, busy or unreachable: a plain Dutch message, and saved versions stay intact."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
import sqlalchemy as sa

from composer.core.models import Paragraph
from composer.errors import ComposerError
from composer.storage import engine as storage_engine
from composer.storage.database_errors import (
    LibraryBusy,
    LibraryDamaged,
    LibraryFull,
    LibraryReadOnly,
    LibraryUnavailable,
)
from composer.storage.engine import default_url, normalised_url
from composer.storage.library import Library
from tests.storage.storage_helpers import read_only_url


def _sqlite_path(url: str) -> str:
    return sa.make_url(url).database


def test_a_full_disk_is_reported_and_earlier_versions_are_intact(library, letter):
    letter_id = library.add(letter, author="Anna")
    library.save(letter_id, replace(letter, subject="Tweede"), author="Anna")
    if library.engine.dialect.name == "sqlite":
        # The database may not grow beyond the pages it has now: SQLITE_FULL on a big save.
        @sa.event.listens_for(library.engine, "connect")
        def _limit(dbapi_connection, _record):
            pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
            dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

        library.engine.dispose()
    else:
        with library.engine.begin() as connection:
            connection.exec_driver_sql(
                "CREATE FUNCTION test_disk_full() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                "RAISE EXCEPTION 'could not extend file' USING ERRCODE = 'disk_full'; END $$"
            )
            connection.exec_driver_sql(
                "CREATE TRIGGER test_disk_full BEFORE INSERT ON versions "
                "FOR EACH ROW EXECUTE FUNCTION test_disk_full()"
            )
    big = replace(letter, body=[Paragraph("Lange tekst. " * 40_000)])
    with pytest.raises(LibraryFull) as caught:
        library.save(letter_id, big, author="Anna")
    assert "vol" in caught.value.message
    assert "eerder opgeslagen versies zijn niet aangetast" in caught.value.message
    assert [v.number for v in library.history(letter_id)] == [1, 2]
    assert library.version(letter_id).subject == "Tweede"
    assert library.verify().ok


def test_a_read_only_library_can_be_read_but_a_save_is_refused(database_url, letter):
    with Library.open(database_url) as library:
        letter_id = library.add(letter, author="Anna")
    with Library.open(read_only_url(database_url)) as library:
        assert library.version(letter_id) == library.version(letter_id, 1)
        with pytest.raises(LibraryReadOnly) as caught:
            library.save(letter_id, replace(letter, subject="Nieuw"), author="Anna")
        assert "alleen-lezen" in caught.value.message
        with pytest.raises(LibraryReadOnly):
            library.finalize(letter_id, author="Anna")
        assert [v.number for v in library.history(letter_id)] == [1]
        assert library.verify().ok


def test_a_busy_library_is_reported_after_the_timeout(database_url, letter, monkeypatch):
    monkeypatch.setattr(storage_engine, "BUSY_TIMEOUT_SECONDS", 0.3)
    with Library.open(database_url) as library:
        letter_id = library.add(letter, author="Anna")
        other = sa.create_engine(database_url)
        with other.connect() as holder:
            if database_url.startswith("sqlite"):
                holder.exec_driver_sql("BEGIN IMMEDIATE")  # another program holds the write lock
            else:
                holder.execute(sa.text("SELECT id FROM letters FOR UPDATE"))
            with pytest.raises(LibraryBusy, match="bezet"):
                library.save(letter_id, letter, author="Bob")
            holder.rollback()
        other.dispose()
        assert library.save(letter_id, letter, author="Bob") == 2


def test_an_unreachable_server_is_a_clear_message():
    with pytest.raises(LibraryUnavailable) as caught:
        Library.open("postgresql://composer@127.0.0.1:1/bibliotheek")
    assert "niet bereikbaar" in caught.value.message
    assert "127.0.0.1:1/bibliotheek" in caught.value.message


def test_a_file_that_cannot_be_opened_or_is_no_database(tmp_path):
    with pytest.raises(ComposerError, match="bestaat niet"):
        Library.open(f"sqlite:///{tmp_path / 'geen-map' / 'bibliotheek.sqlite'}")
    folder = tmp_path / "een-map.sqlite"
    folder.mkdir()
    with pytest.raises(LibraryUnavailable, match="kan niet worden geopend of gemaakt"):
        Library.open(f"sqlite:///{folder}")
    garbage = tmp_path / "tekst.sqlite"
    garbage.write_bytes(b"Dit is geen database, maar een boodschappenlijst.\n" * 100)
    with pytest.raises(LibraryDamaged, match="geen leesbare Composer-bibliotheek"):
        Library.open(f"sqlite:///{garbage}")
    assert garbage.read_bytes().startswith(b"Dit is geen database")


@contextlib.contextmanager
def read_only_folder(folder: Path):
    """A folder nobody may write in; as root (who ignores permissions) a read-only mount."""
    folder.mkdir()
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield folder
        finally:
            folder.chmod(0o755)
        return
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"root ignores folder permissions and cannot mount: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def test_a_read_only_folder_is_a_clear_message(tmp_path):
    with (
        read_only_folder(tmp_path / "alleen-lezen") as folder,
        pytest.raises(LibraryUnavailable, match="schrijfrechten"),
    ):
        Library.open(f"sqlite:///{folder / 'bibliotheek.sqlite'}")


def test_the_default_library_is_a_file_in_the_data_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("COMPOSER_DATABASE_URL", raising=False)
    data = Path(os.environ["COMPOSER_DATA_DIR"]) / "nog-niet"
    monkeypatch.setenv("COMPOSER_DATA_DIR", str(data))
    assert default_url() == f"sqlite:///{data / 'bibliotheek.sqlite'}"
    assert data.is_dir()
    with Library.open() as library:
        assert library.location == str(data / "bibliotheek.sqlite")
    with sqlite3.connect(data / "bibliotheek.sqlite") as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    other = tmp_path / "elders.sqlite"
    monkeypatch.setenv("COMPOSER_DATABASE_URL", f"sqlite:///{other}")
    with Library.open() as library:
        assert library.location == str(other)


def test_database_addresses_are_normalised_or_refused():
    assert normalised_url("postgresql://u@h/db").drivername == "postgresql+psycopg"
    assert normalised_url("postgres://u@h/db").drivername == "postgresql+psycopg"
    assert normalised_url("postgresql+psycopg://u@h/db").drivername == "postgresql+psycopg"
    with pytest.raises(ComposerError, match="SQLite-bestand of een PostgreSQL-server"):
        normalised_url("mysql://u@h/db")
    with pytest.raises(ComposerError, match="geen geldig database-adres"):
        normalised_url("geen adres")
