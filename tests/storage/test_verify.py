"""verify: every hash chain is recomputed; a changed version is named by letter and number."""

from __future__ import annotations

from dataclasses import replace

import sqlalchemy as sa

from composer.storage.hashing import canonical_json, version_hash
from tests.storage.storage_helpers import tamper


def _library_with_history(library, letter) -> tuple[int, int]:
    first = library.add(letter, author="Anna")
    second = library.add(replace(letter, subject="Tweede brief"), author="Bob")
    for n in range(3):
        library.save(second, replace(letter, subject=f"Tweede brief, ronde {n}"), author="Bob")
    return first, second


def test_verify_passes_on_an_untouched_library(library, letter):
    _library_with_history(library, letter)
    library.save_catalogue("citaten", {"items": []}, author="Anna")
    report = library.verify()
    assert report.ok and report.problem is None
    assert (report.letters, report.versions, report.catalogue_versions) == (2, 5, 1)
    assert report.message.startswith("De versiegeschiedenis klopt: 2 brieven met 5 versies")


def test_verify_names_the_letter_and_version_whose_content_was_changed(library, letter):
    _first, second = _library_with_history(library, letter)
    tamper(
        library.engine,
        "UPDATE versions SET content = replace(content, 'Tweede brief, ronde 1', 'Vervalst') "
        "WHERE letter_id = :id AND number = 3",
        id=second,
    )
    report = library.verify()
    assert not report.ok
    assert (report.problem.letter_id, report.problem.number) == (second, 3)
    assert "de inhoud past niet bij de hash" in report.problem.reason
    assert f"Brief {second}, versie 3: de inhoud past niet bij de hash" in report.message


def test_a_rewritten_hash_still_breaks_the_chain_at_the_next_version(library, letter):
    _first, second = _library_with_history(library, letter)
    # A careful forger recomputes version 2's own hash; version 3 was built on the old one.
    old = library.version_info(second, 2)
    with library.engine.connect() as connection:
        created_at = connection.execute(
            sa.text("SELECT created_at FROM versions WHERE letter_id = :id AND number = 2"),
            {"id": second},
        ).scalar_one()
    forged = canonical_json({"forged": True})
    meta = {
        "letter_id": second,
        "number": 2,
        "parent_number": 1,
        "author": old.author,
        "message": old.message,
        "created_at": created_at,
    }
    new_hash = version_hash(library.version_info(second, 1).hash, forged, meta)
    tamper(
        library.engine,
        "UPDATE versions SET content = :content, hash = :hash WHERE letter_id = :id AND number = 2",
        content=forged,
        hash=new_hash,
        id=second,
    )
    problem = library.verify().problem
    assert (problem.letter_id, problem.number) == (second, 3)


def test_verify_reports_a_missing_version_and_a_changed_author(library, letter):
    first, second = _library_with_history(library, letter)
    tamper(library.engine, "DELETE FROM versions WHERE letter_id = :id AND number = 2", id=second)
    problem = library.verify().problem
    assert (problem.letter_id, problem.number) == (second, 2)
    assert "ontbreekt" in problem.reason

    tamper(library.engine, "UPDATE versions SET author = 'Mallory' WHERE letter_id = :id", id=first)
    problem = library.verify().problem
    assert (problem.letter_id, problem.number) == (first, 1)  # the first bad version wins


def test_verify_checks_the_catalogue_chains_too(library):
    library.save_catalogue("citaten", {"items": [1]}, author="Anna")
    library.save_catalogue("citaten", {"items": [2]}, author="Anna")
    tamper(
        library.engine,
        "UPDATE catalogue_versions SET content = :content WHERE name = 'citaten' AND number = 1",
        table="catalogue_versions",
        content='{"items":[3]}',
    )
    report = library.verify()
    assert (report.problem.catalogue, report.problem.number) == ("citaten", 1)
    assert "Catalogus ‘citaten’, versie 1: de inhoud past niet bij de hash" in report.message
