"""The prullenbak on SQLite and PostgreSQL: out of the list, nothing erased, restorable."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from composer.review.service import ReviewService
from composer.storage.letter_bin import LetterInBin, SentLetterKept
from composer.storage.library import Library
from composer.storage.schema import letters as letters_table
from tests.review.review_helpers import approved_letter
from tests.storage.chain_helpers import send
from tests.storage.storage_helpers import sample_letter


def _rows(library: Library) -> dict[str, list[tuple]]:
    """Every row of the history tables (what the prullenbak must never touch)."""
    tables = ("versions", "events", "approvals", "comments", "archive_files", "kenmerk_register")
    with library.engine.connect() as connection:
        return {
            table: sorted(map(tuple, connection.execute(sa.text(f"SELECT * FROM {table}"))))
            for table in tables
        }


@pytest.fixture
def clocked(database_url: str):
    start = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    moments = iter(start + timedelta(minutes=n) for n in range(999))
    with Library.open(database_url, clock=lambda: next(moments)) as opened:
        yield opened


def test_a_letter_goes_to_the_bin_and_comes_back_with_everything(clocked):
    library = clocked
    review = ReviewService(library)
    kept = library.add(sample_letter(subject="Blijft staan"), author="Anna")
    binned = library.add(sample_letter(subject="Weg ermee"), author="Anna")
    library.save(binned, sample_letter(subject="Weg ermee, tweede versie"), author="Bert")
    library.finalize(binned, author="Anna")
    review.comment(binned, version=2, author="Bert", text="Nog één punt")
    library.save_draft(binned, sample_letter(subject="Half getypt"), author="Anna")
    before = _rows(library)
    updated = library.summary(binned).updated_at

    library.move_to_bin(binned, author="Carla")

    assert [s.id for s in library.letters()] == [kept]
    assert library.letters("tweede") == []  # the search leaves it out too
    [entry] = library.letters(in_bin=True)
    assert (entry.id, entry.subject, entry.deleted_by) == (
        binned,
        "Weg ermee, tweede versie",
        "Carla",
    )
    assert entry.deleted_at > updated and entry.kenmerk == library.summary(binned).kenmerk
    assert library.in_bin(binned) == entry and library.in_bin(kept) is None
    assert library.letters("tweede", in_bin=True) == [entry]
    assert _rows(library) == before  # versions, review, kenmerk register: untouched
    assert library.history(binned)[-1].number == 3
    assert library.draft(binned, author="Anna").subject == "Half getypt"  # kept …
    assert library.drafts(author="Anna") == []  # … but not offered while in the prullenbak
    assert library.verify().ok

    assert library.restore_from_bin(binned) is True
    assert [s.id for s in library.letters()] == [binned, kept]
    assert library.letters(in_bin=True) == []
    assert library.summary(binned).updated_at == updated  # back where it stood
    assert [d.letter_id for d in library.drafts(author="Anna")] == [binned]
    assert library.restore_from_bin(binned) is False  # not in the prullenbak: nothing to do
    assert _rows(library) == before
    assert library.verify().ok


def test_a_letter_in_the_bin_is_not_changed(clocked):
    library = clocked
    letter_id = library.add(sample_letter(subject="In de prullenbak"), author="Anna")
    library.move_to_bin(letter_id, author="Anna")
    library.move_to_bin(letter_id, author="Bert")  # already there: stays as it was
    assert library.in_bin(letter_id).deleted_by == "Anna"
    attempts = (
        lambda: library.save(letter_id, sample_letter(subject="Toch wijzigen"), author="Anna"),
        lambda: library.restore(letter_id, 1, author="Anna"),
        lambda: library.finalize(letter_id, author="Anna"),
    )
    for attempt in attempts:
        with pytest.raises(LetterInBin) as refused:
            attempt()
        assert str(refused.value) == (
            f"Brief {letter_id} (‘In de prullenbak’) staat in de prullenbak en wordt niet "
            "gewijzigd. Zet de brief eerst terug uit de prullenbak."
        )
    assert [v.number for v in library.history(letter_id)] == [1]
    assert library.summary(letter_id).kenmerk is None
    assert library.kenmerk_register() == []
    library.restore_from_bin(letter_id)
    assert library.save(letter_id, sample_letter(subject="Nu wel"), author="Anna") == 2


def test_a_sent_letter_stays_in_the_archive(clocked):
    library = clocked
    letter_id = approved_letter(ReviewService(library), sample_letter())
    send(ReviewService(library), letter_id)
    with pytest.raises(SentLetterKept) as refused:
        library.move_to_bin(letter_id, author="Anna")
    message = str(refused.value)
    assert "is verzonden met kenmerk KSF/2022/0001" in message
    assert "staat in het archief" in message and "kan niet worden verwijderd" in message
    assert library.in_bin(letter_id) is None
    assert [s.id for s in library.letters()] == [letter_id]


def test_the_database_refuses_a_sent_letter_in_the_bin(clocked):
    """Behind Composer's back too: the trigger of migration 0005, either way round."""
    library = clocked
    review = ReviewService(library)
    letter_id = approved_letter(review, sample_letter())
    library.move_to_bin(letter_id, author="Anna")
    with pytest.raises(sa.exc.DatabaseError), library.engine.begin() as connection:
        connection.execute(
            sa.update(letters_table)
            .where(letters_table.c.id == letter_id)
            .values(status="verzonden")
        )
    assert library.summary(letter_id).status == "goedgekeurd"
    library.restore_from_bin(letter_id)
    send(review, letter_id)
    with pytest.raises(sa.exc.DatabaseError), library.engine.begin() as connection:
        connection.execute(
            sa.update(letters_table)
            .where(letters_table.c.id == letter_id)
            .values(deleted_at="2026-03-02T10:00:00+00:00", deleted_by="Iemand")
        )
    assert library.in_bin(letter_id) is None
    assert library.verify().ok


def test_listed_letters_leaves_out_the_bin_and_what_does_not_exist(clocked):
    library = clocked
    first = library.add(sample_letter(subject="Eerste"), author="Anna")
    second = library.add(sample_letter(subject="Tweede"), author="Anna")
    library.move_to_bin(second, author="Anna")
    listed = library.listed_letters([first, second, 999])
    assert {letter_id: s.subject for letter_id, s in listed.items()} == {first: "Eerste"}
    assert library.listed_letters([]) == {}


def test_a_letter_in_the_bin_can_still_be_duplicated(clocked):
    """Dupliceren is the review's copy: a new concept with the same subject, linked both ways."""
    library = clocked
    review = ReviewService(library)
    letter_id = library.add(sample_letter(subject="Oud maar bruikbaar"), author="Anna")
    library.finalize(letter_id, author="Anna")
    library.move_to_bin(letter_id, author="Anna")
    copy = review.copy(letter_id, author="Bert")
    summary = library.summary(copy)
    assert (summary.subject, summary.status, summary.kenmerk, summary.latest_version) == (
        "Oud maar bruikbaar",
        "concept",
        None,
        1,
    )
    assert library.version(copy).our_reference == ""
    assert [s.id for s in library.letters()] == [copy]
    assert [e.kind for e in review.events(copy)] == ["copied-from"]
    assert library.verify().ok


def test_export_and_import_keep_the_bin(clocked, tmp_path):
    library = clocked
    kept = library.add(sample_letter(subject="Blijft"), author="Anna")
    binned = library.add(replace(sample_letter(), subject="Prullenbak"), author="Anna")
    library.move_to_bin(binned, author="Bert")
    exported = tmp_path / "export.zip"
    library.export_zip(exported)
    with Library.open(f"sqlite:///{tmp_path / 'doel.sqlite'}") as target:
        target.import_zip(exported)
        assert [s.id for s in target.letters()] == [kept]
        assert target.letters(in_bin=True) == library.letters(in_bin=True)
        assert target.verify().ok


def test_the_review_does_not_submit_approve_or_send_a_letter_in_the_bin(clocked):
    """Needs the check in composer/review/service.py (submit, approve, sendable)."""
    library = clocked
    review = ReviewService(library)
    concept = library.add(sample_letter(subject="Concept"), author="Anna")
    in_review = library.add(sample_letter(subject="Ter beoordeling"), author="Anna")
    review.submit(in_review, author="Anna")
    approved = approved_letter(review, sample_letter(), subject="Goedgekeurd")
    for letter_id in (concept, in_review, approved):
        library.move_to_bin(letter_id, author="Anna")
    events = {i: len(review.events(i)) for i in (concept, in_review, approved)}
    with pytest.raises(LetterInBin):
        review.submit(concept, author="Anna")
    with pytest.raises(LetterInBin):
        review.approve(in_review, version=1, reviewer="Bert")
    with pytest.raises(LetterInBin):
        send(review, approved)
    assert [library.summary(i).status for i in (concept, in_review, approved)] == [
        "concept",
        "ter_beoordeling",
        "goedgekeurd",
    ]
    assert {i: len(review.events(i)) for i in events} == events
    assert review.archive_files(approved) == [] and library.kenmerk_register() == []
    library.restore_from_bin(approved)
    send(review, approved)
    assert library.summary(approved).status == "verzonden"
