"""Adding, saving, reading back and restoring letters; conflicts, search and drafts."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from composer.core.letterfile import letter_from_dict, letter_to_dict
from composer.errors import ComposerError, LetterValidationError
from composer.storage.library import (
    LetterNotFound,
    Library,
    SaveConflict,
    VersionNotFound,
)
from tests.storage.storage_helpers import sample_dict, sample_letter, without_snapshot


def test_add_save_history_and_show_round_trip_with_unknown_keys(library):
    data = sample_dict()
    data["x_kantoor"] = {"dossier": "D-17", "labels": ["cao", "keten"]}
    data["addressees"][0]["x_crm"] = 4711
    data["addressees"][0]["person"]["x_titel"] = "drs."
    data["addressees"][0]["address"]["x_gebouw"] = "B"
    data["body"][0]["x_stijl"] = "inleiding"
    data["signatories"][0]["x_handtekening"] = "roel.png"
    original = letter_from_dict(data)

    letter_id = library.add(original, author="Anna", message="eerste opzet")
    edited = replace(original, subject="Tweede versie")
    assert library.save(letter_id, edited, author="Bob", message="betreft aangepast") == 2

    assert without_snapshot(library.version(letter_id, 1)) == letter_to_dict(original)
    assert without_snapshot(library.version(letter_id)) == letter_to_dict(edited)
    history = library.history(letter_id)
    assert [(v.number, v.parent, v.author, v.message) for v in history] == [
        (1, None, "Anna", "eerste opzet"),
        (2, 1, "Bob", "betreft aangepast"),
    ]
    assert all(v.created_at.tzinfo is not None for v in history)
    assert all(len(v.hash) == 64 for v in history) and history[0].hash != history[1].hash
    assert library.version_info(letter_id) == history[1]
    summary = library.summary(letter_id)
    assert (summary.subject, summary.status, summary.latest_version) == (
        "Tweede versie",
        "concept",
        2,
    )
    assert summary.kenmerk is None
    assert summary.addressees == (
        "Werkgeversvereniging Facilitaire Contactcenters (WFC), de heer N. van Liemt"
    )


def test_save_without_base_always_adds_on_top(library, letter):
    letter_id = library.add(letter, author="Anna")
    assert [library.save(letter_id, letter, author="Anna") for _ in range(3)] == [2, 3, 4]
    assert library.save(letter_id, letter, author="Bob", base=4) == 5


def test_save_on_a_stale_base_is_refused_and_writes_nothing(database_url, letter):
    moments = iter(
        [datetime(2026, 11, 28, 12, 0, tzinfo=UTC), datetime(2026, 11, 28, 13, 5, tzinfo=UTC)]
    )
    with Library.open(database_url, clock=lambda: next(moments)) as library:
        letter_id = library.add(letter, author="Bob")
        library.save(letter_id, replace(letter, subject="Anna's versie"), author="Anna", base=1)
        with pytest.raises(SaveConflict) as caught:
            library.save(letter_id, replace(letter, subject="Bob's versie"), author="Bob", base=1)
        message = caught.value.message
        assert message.startswith("Versie 2 van deze brief is intussen opgeslagen door Anna op ")
        assert "28 november 2026" in message
        assert "uw wijzigingen gaan uit van versie 1" in message
        assert message.endswith("Bekijk de verschillen en sla opnieuw op.")
        assert caught.value.latest.number == 2 and caught.value.base == 1
        assert [v.number for v in library.history(letter_id)] == [1, 2]
        assert library.version(letter_id).subject == "Anna's versie"
        with pytest.raises(VersionNotFound):
            library.save(letter_id, letter, author="Bob", base=7)


def test_missing_letters_and_versions_are_clear_errors(library, letter):
    letter_id = library.add(letter, author="Anna")
    with pytest.raises(LetterNotFound, match="Brief 99 staat niet in de bibliotheek"):
        library.history(99)
    with pytest.raises(LetterNotFound):
        library.save(99, letter, author="Anna")
    with pytest.raises(VersionNotFound, match=r"geen versie 5.*1 tot en met 1"):
        library.version(letter_id, 5)


def test_an_unfinished_letter_is_saved_and_a_broken_one_refused(library, letter):
    letter_id = library.add(letter, author="Anna")
    unfinished = sample_letter()
    unfinished.addressees[0].address.postcode = "25110 AB"  # fine in a draft
    assert library.save(letter_id, unfinished, author="Anna") == 2
    assert library.version(letter_id).addressees[0].address.postcode == "25110 AB"
    broken = sample_letter()
    broken.addressees[0].person.form = "meneer"  # not a form of address the program knows
    with pytest.raises(LetterValidationError, match="Aanspreekvorm van geadresseerde 1"):
        library.save(letter_id, broken, author="Anna")
    with pytest.raises(ComposerError, match="auteur"):
        library.save(letter_id, letter, author="  ")
    assert [v.number for v in library.history(letter_id)] == [1, 2]


def test_restore_makes_a_new_version_with_the_old_content(library, letter):
    letter_id = library.add(letter, author="Anna")
    library.save(letter_id, replace(letter, subject="Fout"), author="Bob")
    assert library.restore(letter_id, 1, author="Carla") == 3
    info = library.version_info(letter_id)
    assert (info.number, info.parent, info.author) == (3, 2, "Carla")
    assert info.message == "Hersteld van versie 1"
    assert library.version(letter_id, 3) == library.version(letter_id, 1)
    assert library.summary(letter_id).subject == letter.subject
    assert library.verify().ok


def test_versions_cannot_be_changed_or_deleted_in_the_database(library, letter):
    letter_id = library.add(letter, author="Anna")
    for statement in (
        "UPDATE versions SET message = 'weg' WHERE letter_id = :id",
        "DELETE FROM versions WHERE letter_id = :id",
    ):
        with (
            pytest.raises(sa.exc.DBAPIError, match="immutable"),
            library.engine.begin() as connection,
        ):
            connection.execute(sa.text(statement), {"id": letter_id})
    assert library.history(letter_id)[0].message == ""


def test_search_by_subject_addressee_kenmerk_and_status(library):
    first = library.add(sample_letter(subject="Handreiking cao"), author="Anna")
    other = sample_dict()
    other["addressees"][0]["organisation"] = "Gemeente Utrecht"
    other["addressees"][0]["person"]["surname"] = "Jansen"
    other["subject"] = "Uitnodiging 100% klantcontact_dag"
    second = library.add(letter_from_dict(other), author="Anna")
    kenmerk = library.finalize(first, author="Anna", today=datetime(2022, 5, 1).date())

    def ids(query: str = "", status: str | None = None) -> list[int]:
        return [s.id for s in library.letters(query, status=status)]

    assert ids() == [first, second]  # newest change first: the finalize
    assert ids("HANDREIKING") == [first]
    assert ids("utrecht") == [second]
    assert ids("jansen uitnodiging") == [second]
    assert ids("liemt") == [first]
    assert ids(kenmerk.lower()) == [first]
    assert ids("100%") == [second] and ids("t_d") == [second]
    assert ids("_") == [second]
    assert ids("onbekend") == []
    assert ids(status="concept") == [first, second]  # finalize leaves the status alone
    assert ids(status="verzonden") == []
    assert len(library.letters(limit=1)) == 1


def test_drafts_replace_each_other_and_are_not_versions(library, letter):
    letter_id = library.add(letter, author="Anna")
    assert library.draft(letter_id, author="Anna") is None
    library.save_draft(letter_id, replace(letter, subject="Eerste concept"), author="Anna", base=1)
    library.save_draft(letter_id, replace(letter, subject="Tweede concept"), author="Anna", base=1)
    library.save_draft(letter_id, replace(letter, subject="Van Bob"), author="Bob")
    assert library.draft(letter_id, author="Anna").subject == "Tweede concept"
    assert library.draft_info(letter_id, author="Anna").base_version == 1
    assert library.draft(letter_id, author="Bob").subject == "Van Bob"
    assert [d.letter_id for d in library.drafts(author="Anna")] == [letter_id]
    assert [v.number for v in library.history(letter_id)] == [1]

    half_typed = sample_letter()
    half_typed.addressees[0].address.postcode = "35"
    library.save_draft(letter_id, half_typed, author="Carla")
    assert library.draft(letter_id, author="Carla") == half_typed

    library.save(letter_id, letter, author="Anna")  # a saved version ends Anna's draft
    assert library.draft(letter_id, author="Anna") is None
    library.discard_draft(letter_id, author="Bob")
    assert library.draft(letter_id, author="Bob") is None
    with pytest.raises(LetterNotFound):
        library.save_draft(99, letter, author="Anna")
