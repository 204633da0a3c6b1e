"""The office word list in the library (SQLite and PostgreSQL) and the checker that uses it."""

from __future__ import annotations

import json
import zipfile
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from composer.app.office_words import add_office_word, load_office_words, office_word_list
from composer.errors import ComposerError
from composer.storage import office_words
from composer.storage.library import Library
from composer.writing.spelling import SpellChecker, shared_checker

MONDAY = datetime(2026, 12, 7, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def loaded_checker() -> SpellChecker:
    checker = shared_checker()
    assert checker.wait(timeout=60), checker.error
    return checker


@pytest.fixture
def checker(loaded_checker):
    loaded_checker.set_extra_words(())
    yield loaded_checker
    loaded_checker.set_extra_words(())


def test_a_word_is_stored_once_with_who_and_when(library):
    assert office_words.list_words(library.engine) == []
    assert office_words.add_word(library.engine, " Öztürk ", author="Anna", at=MONDAY)
    later = datetime(2026, 12, 8, tzinfo=UTC)
    assert not office_words.add_word(library.engine, "Öztürk", author="Bob", at=later)
    assert office_words.add_word(library.engine, "servicebelofte", author="Bob", at=later)
    assert office_words.add_word(library.engine, "öztürk", author="Bob", at=later)  # as typed
    listed = office_words.list_words(library.engine)
    assert [(w.word, w.added_by, w.added_at) for w in listed] == [
        ("Öztürk", "Anna", MONDAY),
        ("öztürk", "Bob", later),
        ("servicebelofte", "Bob", later),
    ]
    with library.engine.connect() as connection:
        rows = connection.execute(sa.text("SELECT word, added_by FROM office_words")).all()
    assert sorted(rows) == [("servicebelofte", "Bob"), ("Öztürk", "Anna"), ("öztürk", "Bob")]


@pytest.mark.parametrize("word", ["", "   ", "twee woorden", "x" * 101])
def test_no_word_is_refused_in_plain_dutch(library, word):
    with pytest.raises(ComposerError, match="kan niet in de woordenlijst"):
        office_words.add_word(library.engine, word, author="Anna")
    assert office_words.list_words(library.engine) == []


def test_the_office_shares_the_list_through_the_library(database_url, checker):
    """Anna adds a word; Bob's Composer, opening the same library, no longer marks it."""
    with Library.open(database_url) as anna:
        assert [m.word for m in checker.misspellings("Mevrouw Öztürk belt.")] == ["Öztürk"]
        assert add_office_word(anna, checker, "Öztürk", author="Anna")
        assert checker.misspellings("Mevrouw Öztürk belt.") == []
    checker.set_extra_words(())  # a fresh program
    with Library.open(database_url) as bob:
        assert load_office_words(bob, checker) == ["Öztürk"]
        assert office_word_list(bob) == ["Öztürk"]
        assert checker.misspellings("Mevrouw Öztürk belt. ÖZTÜRK.") == []
        assert [m.word for m in checker.misspellings("Mevrouw Oztürk belt.")] == ["Oztürk"]


def test_a_lower_case_word_counts_with_a_capital_too(library, checker):
    add_office_word(library, checker, "kcm-overleg", author="Anna")
    assert checker.misspellings("Kcm-overleg en kcm-overleg.") == []


def test_the_word_list_goes_with_an_export_and_import(database_url, tmp_path):
    """The office word list travels in the library's export (woordenlijst.json)."""
    exported = tmp_path / "export.zip"
    with Library.open(f"sqlite:///{tmp_path / 'oud.sqlite'}") as old:
        office_words.add_word(old.engine, "Öztürk", author="Anna", at=MONDAY)
        office_words.add_word(old.engine, "servicebelofte", author="Bob", at=MONDAY)
        old.export_zip(exported)
    with zipfile.ZipFile(exported) as archive:
        exported_words = json.loads(archive.read(office_words.EXPORT_FILE))
    at = "2026-12-07T09:30:00.000000+00:00"
    assert exported_words == [
        {"word": "servicebelofte", "added_by": "Bob", "added_at": at},
        {"word": "Öztürk", "added_by": "Anna", "added_at": at},
    ]
    with Library.open(database_url) as new:
        new.import_zip(exported)
        assert [(w.word, w.added_by, w.added_at) for w in office_words.list_words(new.engine)] == [
            ("Öztürk", "Anna", MONDAY),
            ("servicebelofte", "Bob", MONDAY),
        ]


def test_an_export_without_a_word_list_imports_and_a_broken_one_is_refused(library, tmp_path):
    exported = tmp_path / "export.zip"
    library.export_zip(exported)
    with zipfile.ZipFile(exported) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    older = tmp_path / "ouder.zip"  # an export from before the word list
    broken = tmp_path / "kapot.zip"
    for path, word_list in ((older, None), (broken, b'[{"word": "twee woorden"}]')):
        with zipfile.ZipFile(path, "w") as archive:
            for name, data in members.items():
                if name != office_words.EXPORT_FILE:
                    archive.writestr(name, data)
            if word_list is not None:
                archive.writestr(office_words.EXPORT_FILE, word_list)
    with Library.open(f"sqlite:///{tmp_path / 'a.sqlite'}") as fresh:
        fresh.import_zip(older)
        assert office_words.list_words(fresh.engine) == []
    with Library.open(f"sqlite:///{tmp_path / 'b.sqlite'}") as fresh:
        with pytest.raises(ComposerError, match="de woordenlijst is onleesbaar"):
            fresh.import_zip(broken)
        assert fresh.letters() == [] and office_words.list_words(fresh.engine) == []
