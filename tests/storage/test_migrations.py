"""Migrations: empty → head, every older schema upgrades with rows intact, newer ones refused."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from composer.review.library_rules import REVIEW_RULES
from composer.storage.engine import open_engine, write_transaction
from composer.storage.hashing import canonical_json, catalogue_meta, version_hash, version_meta
from composer.storage.library import Library
from composer.storage.migrate import (
    MIGRATIONS_DIR,
    LibraryTooNew,
    NotALibrary,
    head_revision,
    known_revisions,
    upgrade,
)
from composer.storage.review_chain import link_review
from composer.storage.schema import metadata
from tests.storage.storage_helpers import sample_dict

CREATED = "2022-10-17T08:00:00.000000+00:00"


def _seed_0001(connection: sa.Connection, status: str = "definitief") -> None:
    """Rows as schema 0001 allows: a letter with two hashed versions, a draft, a kenmerk,
    a catalogue version. Before 0003 a letter with a kenmerk was 'definitief'."""
    first = sample_dict()
    second = {**first, "subject": "Tweede versie", "our_reference": "KSF/2022/0001"}
    connection.execute(
        sa.text(
            "INSERT INTO letters (id, template, status, kenmerk, subject, addressees, "
            "search_text, created_at, created_by, latest_version, updated_at) VALUES "
            "(7, 'brief', :status, 'KSF/2022/0001', 'Tweede versie', 'WFC', "
            "'tweede versie', :at, 'Anna', 2, :at)"
        ),
        {"at": CREATED, "status": status},
    )
    parent = ""
    for number, content in ((1, first), (2, second)):
        meta = version_meta(
            letter_id=7,
            number=number,
            parent_number=number - 1 or None,
            author="Anna",
            message=f"versie {number}",
            created_at=CREATED,
        )
        text = canonical_json(content)
        parent = version_hash(parent, text, meta)
        connection.execute(
            sa.text(
                "INSERT INTO versions (letter_id, number, parent_number, author, message, "
                "created_at, content, hash) VALUES (:letter_id, :number, :parent_number, "
                ":author, :message, :created_at, :content, :hash)"
            ),
            {**meta, "content": text, "hash": parent},
        )
    connection.execute(
        sa.text(
            "INSERT INTO drafts (letter_id, author, base_version, content, updated_at) "
            "VALUES (7, 'Bob', 2, :content, :at)"
        ),
        {"content": canonical_json(second), "at": CREATED},
    )
    connection.execute(sa.text("INSERT INTO kenmerk_sequences (year, last_seq) VALUES (2022, 1)"))
    connection.execute(
        sa.text(
            "INSERT INTO kenmerk_register (kenmerk, year, seq, letter_id, version_number, "
            "assigned_at, assigned_by, status) VALUES ('KSF/2022/0001', 2022, 1, 7, 2, :at, "
            "'Anna', 'toegekend')"
        ),
        {"at": CREATED},
    )
    catalogue = canonical_json({"items": [{"number": 4, "text": "Tekst"}]})
    meta = catalogue_meta(name="servicebeloften", number=1, author="Anna", created_at=CREATED)
    connection.execute(
        sa.text(
            "INSERT INTO catalogue_versions (name, number, content, author, created_at, hash) "
            "VALUES (:name, :number, :content, :author, :created_at, :hash)"
        ),
        {**meta, "content": catalogue, "hash": version_hash("", catalogue, meta)},
    )


def _seed_0003(connection: sa.Connection, *, chained: bool = False) -> None:
    """Schema 0003 adds the review: an approval of version 1 that lapsed, a comment, events.

    `chained` (schema 0004): with the hash chain of the review and the heads of the letter.
    """
    _seed_0001(connection, status="concept")
    hashes = dict(
        connection.execute(sa.text("SELECT number, hash FROM versions WHERE letter_id = 7")).all()
    )
    events = [
        {"id": 1, "kind": "submitted", "version_number": 1},
        {"id": 2, "kind": "approved", "version_number": 1},
        {"id": 3, "kind": "saved-after-approval", "version_number": 2},  # lapses the approval
    ]
    for event in events:
        event.update(
            letter_id=7,
            version_hash=hashes[event["version_number"]],
            actor="Bert",
            at=CREATED,
            text="",
            related_letter_id=None,
        )
    approval = {"id": 1, "letter_id": 7, "version_number": 1, "version_hash": hashes[1]}
    approval.update(reviewer="Bert", at=CREATED, status="vervallen", lapsed_by_version=2)
    approval["lapsed_at"] = CREATED
    comment = {"id": 1, "letter_id": 7, "version_number": 1, "block_index": 2}
    comment.update(author="Bert", text="Korter graag", at=CREATED, resolved_at=None)
    comment["resolved_by"] = None
    if chained:
        heads = {"id": 7}
        link_review(
            [heads],
            {7: hashes[2]},
            events=events,
            approvals=[approval],
            comments=[comment],
            archive_files=[],
        )
        connection.execute(
            sa.text(
                "UPDATE letters SET head_hash = :head_hash, last_event_hash = :last_event_hash "
                "WHERE id = :id"
            ),
            heads,
        )
    for table, rows in (("approvals", [approval]), ("events", events), ("comments", [comment])):
        columns = ", ".join(rows[0])
        values = ", ".join(f":{column}" for column in rows[0])
        connection.execute(sa.text(f"INSERT INTO {table} ({columns}) VALUES ({values})"), rows)


# For each revision: how to fill a database at exactly that schema. A new migration must add
# its entry here (the test below fails until it does).
SEEDS: dict[str, Callable[[sa.Connection], None]] = {
    "0001": _seed_0001,
    "0002": _seed_0001,
    "0003": _seed_0003,
    "0004": lambda connection: _seed_0003(connection, chained=True),
    "0005": lambda connection: _seed_0003(connection, chained=True),
    "0006": lambda connection: _seed_0006(connection),
    "0007": lambda connection: _seed_0007(connection),
}


def _seed_0006(connection: sa.Connection) -> None:
    """Schema 0006 adds the office word list: a word in it as well."""
    _seed_0003(connection, chained=True)
    connection.execute(
        sa.text(
            "INSERT INTO office_words (word, added_by, added_at) VALUES ('Öztürk', 'Anna', :at)"
        ),
        {"at": CREATED},
    )


def _seed_0007(connection: sa.Connection) -> None:
    """Schema 0007 adds the send register: a failed e-mail (no address, nothing attached)."""
    _seed_0006(connection)
    connection.execute(
        sa.text(
            "INSERT INTO send_register (id, letter_id, version_number, addressee_index, "
            "addressee, email, channel, sent_at, message_id, attachment, attachment_sha256, "
            "result, error, author) VALUES (1, 7, 2, 1, 'WFC', '', 'email', :at, '', '', '', "
            "'mislukt', 'geen e-mailadres', 'Anna')"
        ),
        {"at": CREATED},
    )


def _expected_after_upgrade(revision: str, rows: dict[str, list[tuple]]) -> dict[str, list[tuple]]:
    """What the migrations after `revision` change in its rows: 0003 ends 'definitief'."""
    if revision in ("0001", "0002"):
        rows = {
            **rows,
            "letters": [_replaced(row, "definitief", "concept") for row in rows["letters"]],
        }
    return rows


def _replaced(row: tuple, old: object, new: object) -> tuple:
    return tuple(new if value == old else value for value in row)


def _columns(engine: sa.Engine) -> dict[str, list[str]]:
    with engine.connect() as connection:
        inspector = sa.inspect(connection)
        return {
            name: [column["name"] for column in inspector.get_columns(name)]
            for name in sorted(inspector.get_table_names())
        }


def _snapshot(
    engine: sa.Engine, columns: dict[str, list[str]] | None = None
) -> dict[str, list[tuple]]:
    """Every row of every table; with `columns`, only those tables and columns."""
    columns = columns or _columns(engine)
    with engine.connect() as connection:
        return {
            name: sorted(
                map(tuple, connection.execute(sa.text(f"SELECT {', '.join(names)} FROM {name}")))
            )
            for name, names in columns.items()
        }


def _stamp(database_url: str, revision: str) -> sa.Engine:
    engine = open_engine(database_url)
    with write_transaction(engine) as connection:
        upgrade(connection, revision)
    return engine


def test_the_migrations_are_python_modules_next_to_the_code():
    assert (MIGRATIONS_DIR / "env.py").is_file()
    assert known_revisions()[0] == "0001" and known_revisions()[-1] == head_revision()
    assert set(SEEDS) == set(known_revisions()), "add a seed for the new revision"


def test_an_empty_database_is_brought_to_head_and_matches_the_tables(database_url):
    with Library.open(database_url) as library, library.engine.connect() as connection:
        stamped = connection.execute(sa.text("SELECT version_num FROM alembic_version")).all()
        assert stamped == [(head_revision(),)]
        differences = compare_metadata(MigrationContext.configure(connection), metadata)
        assert differences == []
    with Library.open(database_url) as again:  # opening a current library changes nothing
        assert again.letters() == []


@pytest.mark.parametrize("revision", known_revisions())
def test_every_revision_upgrades_to_head_with_its_rows_intact(database_url, revision):
    engine = _stamp(database_url, revision)
    with write_transaction(engine) as connection:
        SEEDS[revision](connection)
    columns = _columns(engine)  # those of `revision`: later migrations may add some
    before = _expected_after_upgrade(revision, _snapshot(engine, columns))
    engine.dispose()

    with Library.open(database_url, rules=REVIEW_RULES) as library:  # verify replays statuses
        after = _snapshot(library.engine, columns)
        assert after["alembic_version"] == [(head_revision(),)]
        for table, rows in before.items():
            if table != "alembic_version":
                assert after[table] == rows, table
        assert [v.number for v in library.history(7)] == [1, 2]
        assert library.version(7).subject == "Tweede versie"
        assert library.draft(7, author="Bob").subject == "Tweede versie"
        assert library.catalogue("servicebeloften") == {"items": [{"number": 4, "text": "Tekst"}]}
        assert library.verify().ok
        # The kenmerk sequence carries on; the register is untouched.
        new = library.add(library.version(7, 1), author="Anna")
        kenmerk = library.finalize(new, author="Anna", today=date(2022, 12, 1))
        assert kenmerk == "KSF/2022/0002"


def test_a_library_from_a_newer_composer_is_refused_and_unchanged(database_url):
    engine = _stamp(database_url, head_revision())
    with write_transaction(engine) as connection:
        _seed_0001(connection)
        connection.execute(sa.text("UPDATE alembic_version SET version_num = '0099'"))
    before = _snapshot(engine)
    engine.dispose()

    with pytest.raises(LibraryTooNew) as caught:
        Library.open(database_url)
    assert caught.value.message.startswith(
        "Deze bibliotheek is gemaakt met een nieuwere versie van Composer (schema ‘0099’); "
        "werk Composer bij."
    )
    engine = open_engine(database_url)
    assert _snapshot(engine) == before
    engine.dispose()


def test_an_empty_database_stamped_by_a_newer_composer_gets_no_tables(database_url):
    engine = open_engine(database_url)
    with engine.begin() as connection:
        connection.execute(sa.text("CREATE TABLE alembic_version (version_num VARCHAR(32))"))
        connection.execute(sa.text("INSERT INTO alembic_version VALUES ('0099')"))
    with pytest.raises(LibraryTooNew):
        Library.open(database_url)
    assert _snapshot(engine) == {"alembic_version": [("0099",)]}
    engine.dispose()


def test_a_database_with_foreign_tables_of_the_same_name_is_refused(database_url):
    engine = open_engine(database_url)
    with engine.begin() as connection:
        connection.execute(sa.text("CREATE TABLE letters (naam TEXT)"))
    with pytest.raises(NotALibrary, match="letters"):
        Library.open(database_url)
    assert _snapshot(engine) == {"letters": []}
    engine.dispose()
