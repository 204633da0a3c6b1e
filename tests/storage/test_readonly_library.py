"""A library in a read-only folder can be read (list, show, verify, export); writing is refused."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from composer.storage.database_errors import LibraryReadOnly
from composer.storage.engine import open_engine, write_transaction
from composer.storage.library import Library
from composer.storage.migrate import known_revisions, upgrade
from tests.conftest import SAMPLE_LETTER, run_composer
from tests.storage.storage_helpers import read_only_url, sample_letter

SUBJECT = sample_letter().subject


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[Path]:
    """The folder 0555 and its files 0444. Root ignores those, so as root the folder is also
    bind-mounted onto itself read-only (EROFS, as for anybody without rights)."""
    modes = {path: path.stat().st_mode for path in folder.iterdir()}
    for path in modes:
        path.chmod(0o444)
    folder.chmod(0o555)
    mounted = False
    try:
        if os.geteuid() == 0:
            for command in (
                ["mount", "--bind", str(folder), str(folder)],
                ["mount", "-o", "remount,bind,ro", str(folder)],
            ):
                done = subprocess.run(command, capture_output=True, text=True, check=False)
                if done.returncode != 0:
                    pytest.skip(f"root ignores permissions and cannot mount: {done.stderr.strip()}")
                mounted = True
        yield folder
    finally:
        if mounted:
            subprocess.run(["umount", str(folder)], check=False)
        folder.chmod(0o755)
        for path, mode in modes.items():
            path.chmod(mode)


def _library(folder: Path) -> str:
    folder.mkdir()
    url = f"sqlite:///{folder / 'bibliotheek.sqlite'}"
    with Library.open(url) as library:
        library.add(sample_letter(), author="Anna")
    return url


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def test_a_library_in_a_read_only_folder_can_be_read(tmp_path):
    folder = tmp_path / "gedeeld"
    env = {"COMPOSER_DATABASE_URL": _library(folder)}
    before = _digest(folder)
    export = tmp_path / "kopie.zip"
    with read_only(folder):
        listed = run_composer("letters", "list", "--json", env=env)
        shown = run_composer("letters", "show", "1", env=env)
        verified = run_composer("verify", env=env)
        exported = run_composer("library", "export", str(export), env=env)
        added = run_composer("letters", "add", str(SAMPLE_LETTER), env=env)
    for result in (listed, shown, verified, exported):
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
    assert [row["subject"] for row in json.loads(listed.stdout)] == [SUBJECT]
    assert json.loads(shown.stdout)["subject"] == SUBJECT
    assert verified.stdout.startswith("De versiegeschiedenis klopt")
    assert "brieven/" in " ".join(zipfile.ZipFile(export).namelist())
    assert added.returncode == 1 and "Traceback" not in added.stderr
    assert "is alleen-lezen: Composer mag er niets in schrijven" in added.stderr
    assert _digest(folder) == before  # nothing written, no side files left behind


def _older_library(url: str) -> None:
    engine = open_engine(url)
    with write_transaction(engine) as connection:
        upgrade(connection, known_revisions()[-2])
    engine.dispose()


def _older_message(where: str) -> str:
    return (
        f"De bibliotheek ({where}) is alleen-lezen en heeft een ouder formaat (schema "
        f"‘{known_revisions()[-2]}’): deze versie van Composer moet haar eerst bijwerken, en "
        "dat mag hier niet."
    )


def test_an_older_library_in_a_read_only_folder_says_so(tmp_path):
    folder = tmp_path / "gedeeld"
    folder.mkdir()
    database = folder / "bibliotheek.sqlite"
    _older_library(f"sqlite:///{database}")
    with read_only(folder):
        result = run_composer(
            "letters", "list", env={"COMPOSER_DATABASE_URL": f"sqlite:///{database}"}
        )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert _older_message(str(database)) in result.stderr
    assert "Er is niets veranderd." in result.stderr


def test_an_older_read_only_database_says_so(database_url):
    _older_library(database_url)
    opened = read_only_url(database_url)
    url = sa.make_url(database_url)
    server = f"{url.host}:{url.port}" if url.port else url.host
    sqlite = database_url.startswith("sqlite")
    where = f"file:{url.database}" if sqlite else f"{server}/{url.database}"
    with pytest.raises(LibraryReadOnly) as caught:
        Library.open(opened)
    assert caught.value.message.startswith(_older_message(where))


def test_changes_left_in_the_log_are_not_silently_skipped(tmp_path):
    source, folder = tmp_path / "bron", tmp_path / "gedeeld"
    url = _library(source)
    folder.mkdir()
    writer = sqlite3.connect(source / "bibliotheek.sqlite")
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("UPDATE letters SET subject = 'Nog in het logboek'")
    writer.commit()
    for suffix in ("", "-wal"):  # as a program that was killed leaves them
        shutil.copy(source / f"bibliotheek.sqlite{suffix}", folder / f"bibliotheek.sqlite{suffix}")
    writer.close()
    with read_only(folder), pytest.raises(LibraryReadOnly) as caught:
        Library.open(url.replace(str(source), str(folder)))
    assert "de laatste wijzigingen staan nog in ‘bibliotheek.sqlite-wal’" in caught.value.message
