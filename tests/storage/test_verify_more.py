"""verify: the head version, the review history, the status, approvals, register and archive."""

from __future__ import annotations

from dataclasses import replace

import pytest
import sqlalchemy as sa

from composer import cli
from composer.review.service import ReviewService
from composer.storage.hashing import event_hash
from composer.storage.library import Library
from tests.storage.chain_helpers import busy_library, sent_letter
from tests.storage.storage_helpers import tamper


@pytest.fixture
def composer_verify(database_url, monkeypatch, capsys):
    """`composer verify` on this library: (exit code, stdout, stderr)."""
    monkeypatch.setenv("COMPOSER_DATABASE_URL", database_url)

    def run() -> tuple[int, str, str]:
        code = cli.main(["verify"])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def _sql(library: Library, statement: str, **params) -> None:
    with library.engine.begin() as connection:
        connection.execute(sa.text(statement), params)


def test_an_untouched_library_with_a_whole_review_verifies_clean(library, composer_verify):
    busy_library(library)
    report = library.verify()
    assert report.ok, report.message
    assert "Ook de beoordelingsgeschiedenis (12 gebeurtenissen)" in report.message
    code, out, err = composer_verify()
    assert (code, err) == (0, "")
    assert out.startswith("De versiegeschiedenis klopt: 3 brieven met 6 versies")


def test_a_deleted_last_version_with_a_lowered_latest_version_is_found(
    library, letter, composer_verify
):
    letter_id = library.add(letter, author="Anna")
    for n in (2, 3):
        library.save(letter_id, replace(letter, subject=f"Ronde {n}"), author="Anna")
    tamper(
        library.engine, "DELETE FROM versions WHERE letter_id = :id AND number = 3", id=letter_id
    )
    _sql(library, "UPDATE letters SET latest_version = 2 WHERE id = :id", id=letter_id)

    problem = library.verify().problem
    assert (problem.letter_id, problem.number) == (letter_id, 2)
    code, out, err = composer_verify()
    assert (code, out) == (1, "")
    assert err.startswith("De versiegeschiedenis klopt niet.")
    assert (
        f"Brief {letter_id}, versie 2: dit is niet de nieuwste versie die is opgeslagen: de brief "
        "is daarna nog opgeslagen en die latere versie ontbreekt" in err
    )


def test_an_edited_event_text_is_found(library, composer_verify):
    letter_id = sent_letter(library)
    tamper(
        library.engine,
        "UPDATE events SET text = 'Nooit verzonden' WHERE kind = 'sent'",
        table="events",
    )
    code, _out, err = composer_verify()
    assert code == 1
    assert err.startswith("De beoordelingsgeschiedenis klopt niet.")
    assert (
        f"Brief {letter_id}: gebeurtenis 3 (‘verzonden’, versie 2) past niet bij de hash "
        "(soort, versie, naam, tijd of tekst is veranderd)." in err
    )


@pytest.mark.parametrize("status", ["concept", "goedgekeurd"])
def test_a_status_that_does_not_follow_from_the_events_is_found(library, status, composer_verify):
    letter_id = sent_letter(library)
    _sql(library, "UPDATE letters SET status = :status WHERE id = :id", status=status, id=letter_id)
    code, _out, err = composer_verify()
    assert code == 1
    label = {"concept": "Concept", "goedgekeurd": "Goedgekeurd"}[status]
    assert (
        f"Brief {letter_id}: de status is {label}, maar volgens de beoordelingsgeschiedenis "
        "hoort die Verzonden te zijn." in err
    )


def test_a_removed_last_event_is_found_by_the_head_of_the_chain(library):
    letter_id = sent_letter(library)
    tamper(library.engine, "DELETE FROM archive_files", table="archive_files")
    tamper(library.engine, "DELETE FROM events WHERE kind = 'sent'", table="events")
    _sql(library, "UPDATE letters SET status = 'goedgekeurd' WHERE id = :id", id=letter_id)
    assert f"Brief {letter_id}: de laatste gebeurtenis van de beoordeling ontbreekt" in (
        library.verify().message
    )


def test_a_forged_but_well_chained_event_must_still_follow_the_rules(library):
    """Even with every hash recomputed, an approval after sending is not a step there is."""
    letter_id = sent_letter(library)
    with library.engine.connect() as connection:
        sent = connection.execute(sa.text("SELECT * FROM events WHERE kind = 'sent'")).mappings()
        forged = {**sent.one(), "kind": "approved", "actor": "Mallory"}
    forged = {**forged, "id": forged["id"] + 1, "prev_hash": forged["hash"]}
    forged["hash"] = event_hash(forged)
    columns = [column for column in forged if column != "id"]
    _sql(
        library,
        f"INSERT INTO events ({', '.join(columns)}) VALUES ({', '.join(':' + c for c in columns)})",
        **{c: forged[c] for c in columns},
    )
    _sql(library, "UPDATE letters SET last_event_hash = :hash", hash=forged["hash"])
    assert (
        f"Brief {letter_id}: gebeurtenis 4 (‘goedgekeurd’, versie 2) kan niet volgen op de status "
        "Verzonden" in library.verify().message
    )


def test_a_made_up_or_revived_approval_is_found(library, letter):
    review = ReviewService(library)
    letter_id = library.add(letter, author="Anna")
    review.submit(letter_id, author="Anna")
    review.approve(letter_id, version=1, reviewer="Bert")
    library.save(letter_id, replace(letter, subject="Later"), author="Anna")  # lapses it
    assert library.verify().ok

    _sql(library, "UPDATE approvals SET status = 'geldig', lapsed_by_version = NULL")
    assert (
        f"Brief {letter_id}: de goedkeuring van versie 1 door Bert staat op ‘geldig’, maar "
        "volgens de beoordelingsgeschiedenis is die vervallen door versie 2"
        in library.verify().message
    )
    _sql(library, "UPDATE approvals SET status = 'vervallen', lapsed_by_version = 2")
    assert library.verify().ok

    _sql(
        library,
        "INSERT INTO approvals (letter_id, version_number, version_hash, reviewer, at, status, "
        "event_hash) SELECT letter_id, 2, :hash, 'Mallory', at, 'geldig', event_hash "
        "FROM approvals",
        hash=library.version_info(letter_id, 2).hash,
    )
    assert (
        f"Brief {letter_id}: de goedkeuring van versie 2 door Mallory hoort bij geen enkele "
        "gebeurtenis ‘goedgekeurd’" in library.verify().message
    )
    _sql(library, "DELETE FROM approvals")
    assert (
        f"Brief {letter_id}: bij gebeurtenis 2 (‘goedgekeurd’, versie 1) ontbreekt de goedkeuring"
        in library.verify().message
    )


def test_a_missing_or_edited_archive_record_is_found(library):
    letter_id = sent_letter(library)
    tamper(
        library.engine,
        "UPDATE archive_files SET size = size + 1 WHERE kind = 'docx'",
        table="archive_files",
    )
    assert f"Brief {letter_id}: het archiefrecord van ‘archief/{letter_id}/v2/" in (
        library.verify().message
    )
    tamper(library.engine, "DELETE FROM archive_files WHERE kind = 'docx'", table="archive_files")
    assert (
        f"Brief {letter_id}: bij gebeurtenis 3 (‘verzonden’, versie 2) ontbreekt het "
        "archiefrecord van het DOCX-bestand" in library.verify().message
    )


def test_an_edited_comment_is_found(library):
    letter_id = sent_letter(library)
    _sql(library, "UPDATE comments SET text = 'Niet akkoord'")
    assert (
        f"Brief {letter_id}: opmerking 1 past niet bij de hash (tekst, naam, tijd of blok is "
        "veranderd)" in library.verify().message
    )


def test_a_kenmerk_registered_to_a_version_that_does_not_exist_is_found(library):
    letter_id = sent_letter(library)
    _sql(library, "UPDATE kenmerk_register SET version_number = 9")
    assert (
        f"Brief {letter_id}: het kenmerk KSF/2022/0001 is in het kenmerkregister toegekend aan "
        "versie 9, maar die versie bestaat niet" in library.verify().message
    )
