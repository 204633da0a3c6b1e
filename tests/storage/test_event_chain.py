"""The review history in a hash chain: an edited export is refused, an old library is linked."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

import pytest
import sqlalchemy as sa

from composer.errors import ComposerError
from composer.review.library_rules import open_library
from composer.storage.engine import open_engine, write_transaction
from composer.storage.hashing import archive_file_hash, event_hash
from composer.storage.library import Library
from composer.storage.migrate import upgrade
from tests.storage.chain_helpers import (
    busy_library,
    letter_file,
    members,
    put_json,
    read_json,
    sent_letter,
    write_zip,
)

REVIEW = "beoordeling.json"


@pytest.fixture
def library(database_url: str):
    """An empty library opened as every face opens it: with the review rules (status replay)."""
    with open_library(database_url) as opened:
        yield opened


@pytest.fixture
def exported(tmp_path: Path) -> tuple[dict[str, bytes], int]:
    """The members of an export (format /3) of a SQLite library with one sent letter."""
    url = f"sqlite:///{tmp_path / 'bron.sqlite'}"
    with open_library(url, data_folder=tmp_path / "bron") as source:
        letter_id = sent_letter(source)
        source.export_zip(tmp_path / "export.zip")
    return members(tmp_path / "export.zip"), letter_id


def _refused(library: Library, path: Path, *expected: str) -> str:
    with pytest.raises(ComposerError) as caught:
        library.import_zip(path)
    message = caught.value.message
    for text in expected:
        assert text in message
    assert message.endswith("Er is niets geïmporteerd.")
    assert library.letters() == [] and library.kenmerk_register() == []
    assert not (library.data_folder / "archief").exists()
    return message


def test_an_untouched_export_of_a_sent_letter_imports_and_keeps_its_chain(
    library, exported, tmp_path
):
    contents, letter_id = exported
    library.import_zip(write_zip(tmp_path / "export.zip", contents))
    assert library.verify().ok
    events = read_json(contents, REVIEW)["events"]
    assert [event["kind"] for event in events] == ["submitted", "approved", "sent"]
    assert events[0]["prev_hash"] == "" and events[1]["prev_hash"] == events[0]["hash"]
    assert read_json(contents, letter_file(letter_id))["last_event_hash"] == events[-1]["hash"]


def test_a_sent_letter_turned_back_into_a_concept_is_refused(library, exported, tmp_path):
    contents, letter_id = exported
    info = read_json(contents, letter_file(letter_id))
    put_json(contents, letter_file(letter_id), {**info, "status": "concept"})
    _refused(
        library,
        write_zip(tmp_path / "vervalst.zip", contents),
        "de beoordelingsgeschiedenis klopt niet",
        f"Brief {letter_id}: de status is Concept, maar volgens de beoordelingsgeschiedenis "
        "hoort die Verzonden te zijn",
    )


def test_the_sent_event_taken_off_the_end_is_refused(library, exported, tmp_path):
    """Status goedgekeurd, no 'sent' event and no archive: it could be sent a second time."""
    contents, letter_id = exported
    info = read_json(contents, letter_file(letter_id))
    put_json(contents, letter_file(letter_id), {**info, "status": "goedgekeurd"})
    review = read_json(contents, REVIEW)
    review["events"] = review["events"][:-1]
    review["archive_files"] = []
    put_json(contents, REVIEW, review)
    _refused(
        library,
        write_zip(tmp_path / "vervalst.zip", contents),
        f"Brief {letter_id}: de laatste gebeurtenis van de beoordeling ontbreekt",
    )


def test_a_made_up_approval_is_refused(library, exported, tmp_path):
    contents, letter_id = exported
    review = read_json(contents, REVIEW)
    made_up = {**review["approvals"][0], "id": 2, "reviewer": "Mallory"}
    review["approvals"].append(made_up)
    put_json(contents, REVIEW, review)
    _refused(
        library,
        write_zip(tmp_path / "vervalst.zip", contents),
        f"Brief {letter_id}: de goedkeuring van versie 1 door Mallory hoort bij geen enkele "
        "gebeurtenis ‘goedgekeurd’",
    )


def test_an_edited_event_is_refused(library, exported, tmp_path):
    contents, letter_id = exported
    review = read_json(contents, REVIEW)
    review["events"][1]["actor"] = "Mallory"
    review["approvals"][0]["reviewer"] = "Mallory"
    put_json(contents, REVIEW, review)
    _refused(
        library,
        write_zip(tmp_path / "vervalst.zip", contents),
        f"Brief {letter_id}: gebeurtenis 2 (‘goedgekeurd’, versie 1) past niet bij de hash",
    )


def test_a_swapped_archive_file_with_its_record_edited_is_refused(library, exported, tmp_path):
    contents, letter_id = exported
    review = read_json(contents, REVIEW)
    record = review["archive_files"][1]
    forged_pdf = b"%PDF-1.4\n% een andere brief\n%%EOF\n"
    contents[record["path"]] = forged_pdf
    record["sha256"] = hashlib.sha256(forged_pdf).hexdigest()
    record["size"] = len(forged_pdf)
    put_json(contents, REVIEW, review)
    _refused(
        library,
        write_zip(tmp_path / "vervalst.zip", contents),
        f"Brief {letter_id}: het archiefrecord van ‘{record['path']}’ past niet bij de hash",
    )


def test_a_version_left_out_by_lowering_latest_version_is_refused(library, letter, tmp_path):
    with open_library(f"sqlite:///{tmp_path / 'bron.sqlite'}") as source:
        letter_id = source.add(letter, author="Anna")
        source.save(letter_id, replace(letter, subject="Tweede versie"), author="Anna")
        source.export_zip(tmp_path / "export.zip")
    contents = members(tmp_path / "export.zip")
    info = read_json(contents, letter_file(letter_id))
    put_json(contents, letter_file(letter_id), {**info, "latest_version": 1})
    _refused(
        library,
        write_zip(tmp_path / "vervalst.zip", contents),
        f"brief {letter_id} noemt versie 1 als laatste, maar de export bevat ook versie 2",
    )
    for suffix in (".json", ".meta.json"):
        del contents[f"brieven/{letter_id:06d}/versie-0002{suffix}"]
    _refused(
        library,
        write_zip(tmp_path / "vervalst.zip", contents),
        f"Brief {letter_id}, versie 1: dit is niet de nieuwste versie die is opgeslagen",
    )


def _as_format_2(contents: dict[str, bytes], letter_id: int) -> None:
    """What the export looked like before the chain: no chain columns, format /2."""
    manifest = read_json(contents, "bibliotheek.json")
    put_json(contents, "bibliotheek.json", {**manifest, "format": "composer-library-export/2"})
    info = read_json(contents, letter_file(letter_id))
    for key in ("head_hash", "last_event_hash"):
        del info[key]
    put_json(contents, letter_file(letter_id), info)
    review = read_json(contents, REVIEW)
    for rows in review.values():
        for row in rows:
            for key in ("prev_hash", "hash", "event_hash"):
                row.pop(key, None)
    put_json(contents, REVIEW, review)


def test_an_export_of_format_2_is_linked_on_import_and_still_checked(library, exported, tmp_path):
    contents, letter_id = exported
    original = read_json(contents, REVIEW)
    _as_format_2(contents, letter_id)
    info = read_json(contents, letter_file(letter_id))
    put_json(contents, letter_file(letter_id), {**info, "status": "goedgekeurd"})
    _refused(
        library,
        write_zip(tmp_path / "oud-vervalst.zip", contents),
        f"Brief {letter_id}: de status is Goedgekeurd, maar volgens de "
        "beoordelingsgeschiedenis hoort die Verzonden te zijn",
    )

    put_json(contents, letter_file(letter_id), info)
    library.import_zip(write_zip(tmp_path / "oud.zip", contents))
    assert library.verify().ok
    with library.engine.connect() as connection:
        hashes = connection.execute(sa.text("SELECT hash FROM events ORDER BY id")).scalars()
        assert list(hashes) == [event["hash"] for event in original["events"]]


# Migration 0004: a library of schema 0003 gets its chain, exactly as the program makes it.

_TABLES = (
    "letters",
    "versions",
    "drafts",
    "kenmerk_sequences",
    "kenmerk_register",
    "catalogue_versions",
    "events",
    "approvals",
    "comments",
    "archive_files",
)


def _rows(engine: sa.Engine, table: str) -> list[dict]:
    with engine.connect() as connection:
        query = sa.text(f"SELECT * FROM {table}")
        return [dict(row) for row in connection.execute(query).mappings()]


def _copy_into_0003(source: sa.Engine, database_url: str) -> None:
    """The rows of `source` in a database at schema 0003, without the columns 0004 added."""
    target = open_engine(database_url)
    with write_transaction(target) as connection:
        upgrade(connection, "0003")
        inspector = sa.inspect(connection)
        for table in _TABLES:
            columns = [column["name"] for column in inspector.get_columns(table)]
            rows = [{c: row[c] for c in columns} for row in _rows(source, table)]
            if rows:
                names, values = ", ".join(columns), ", ".join(f":{c}" for c in columns)
                statement = sa.text(f"INSERT INTO {table} ({names}) VALUES ({values})")
                connection.execute(statement, rows)
    target.dispose()


def test_a_library_of_schema_0003_gets_its_chain_and_verifies(database_url, tmp_path):
    folder = tmp_path / "gegevens"
    with open_library(f"sqlite:///{tmp_path / 'nu.sqlite'}", data_folder=folder) as now:
        ids = busy_library(now)
        assert now.verify().ok
        _copy_into_0003(now.engine, database_url)
        made_now = {table: _rows(now.engine, table) for table in _TABLES}

    with open_library(database_url, data_folder=folder) as migrated:
        report = migrated.verify()
        assert report.ok, report.message
        assert "Ook de beoordelingsgeschiedenis (12 gebeurtenissen)" in report.message
        for table in ("letters", "events", "approvals", "comments", "archive_files"):
            assert _rows(migrated.engine, table) == made_now[table], table
        # The chain goes on from the backfilled rows.
        migrated.save(ids["copy"], migrated.version(ids["sent"]), author="Anna")
        assert migrated.verify().ok


def test_the_backfill_leaves_a_tampered_old_row_for_verify_to_name(database_url, tmp_path):
    folder = tmp_path / "gegevens"
    with open_library(f"sqlite:///{tmp_path / 'nu.sqlite'}", data_folder=folder) as now:
        letter_id = sent_letter(now)
        _copy_into_0003(now.engine, database_url)
    engine = open_engine(database_url)
    with engine.begin() as connection:  # an approval nobody gave, before the upgrade
        connection.execute(
            sa.text(
                "INSERT INTO approvals (id, letter_id, version_number, version_hash, reviewer, "
                "at, status) SELECT id + 100, letter_id, version_number, version_hash, "
                "'Mallory', at, status FROM approvals"
            )
        )
    engine.dispose()
    with open_library(database_url, data_folder=folder) as migrated:
        report = migrated.verify()
    assert not report.ok
    assert (
        f"Brief {letter_id}: de goedkeuring van versie 1 door Mallory hoort bij geen enkele "
        "gebeurtenis ‘goedgekeurd’" in report.message
    )


def test_the_hashes_cover_the_fields_a_forger_would_change():
    event = {
        "letter_id": 1,
        "kind": "sent",
        "version_number": 2,
        "version_hash": "a" * 64,
        "actor": "Anna",
        "at": "2022-10-17T08:00:00.000000+00:00",
        "text": "Verzonden",
        "related_letter_id": None,
        "prev_hash": "b" * 64,
    }
    for field, other in (("kind", "approved"), ("prev_hash", ""), ("text", "Iets anders")):
        assert event_hash(event) != event_hash({**event, field: other}), field
    record = {
        "letter_id": 1,
        "version_number": 2,
        "kind": "pdf",
        "path": "archief/1/v2/KSF-2022-0001.pdf",
        "sha256": "c" * 64,
        "size": 10,
        "engine": "LibreOffice",
        "at": event["at"],
        "event_hash": event_hash(event),
    }
    assert archive_file_hash(record) != archive_file_hash({**record, "sha256": "d" * 64})
