"""A draft can always be saved: the library stores and reads back any letter the model holds,
still canonical, hashed and verified; finalize refuses it without using up a kenmerk."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
import sqlalchemy as sa

from composer.core.models import Address, Addressee, Letter, Paragraph
from composer.core.readiness import LetterNotReady
from composer.history.diff import diff_letters
from composer.storage import kenmerken
from composer.storage.engine import read_transaction, write_transaction
from composer.storage.hashing import canonical_json
from composer.storage.library import Library

TODAY = date(2022, 10, 17)


def _unfinished(letter: Letter) -> Letter:
    """Empty Betreft, a half-typed postcode, an addressee without a name, an empty paragraph."""
    return replace(
        letter,
        subject="",
        addressees=[Addressee(address=Address(postcode="25"))],
        body=[Paragraph(text="")],
    )


def test_an_unfinished_letter_is_stored_and_read_back_as_it_is(library: Library, letter):
    blank = replace(letter, subject="", addressees=[], body=[])
    letter_id = library.add(blank, author="Anna")
    assert library.save(letter_id, _unfinished(letter), author="Anna") == 2
    again = library.version(letter_id)
    assert (again.subject, again.addressees[0].address.postcode) == ("", "25")
    assert library.version(letter_id, 1).addressees == []
    with library.engine.connect() as connection:
        content = connection.execute(
            sa.text("SELECT content FROM versions WHERE letter_id = :id AND number = 2"),
            {"id": letter_id},
        ).scalar_one()
    assert content == canonical_json(json.loads(content))  # still canonical JSON
    assert library.verify().ok  # hashed and chained like any version
    changes = {change.label for change in diff_letters(library.version(letter_id, 1), again)}
    assert "Betreft" not in changes and "Geadresseerde 1" in changes


def test_export_and_import_carry_an_unfinished_letter(library: Library, letter, tmp_path):
    letter_id = library.add(_unfinished(letter), author="Anna")
    archive = tmp_path / "bibliotheek.zip"
    library.export_zip(archive)
    with Library.open(f"sqlite:///{tmp_path / 'ander.sqlite'}") as other:
        other.import_zip(archive)
        assert other.version(letter_id).addressees[0].address.postcode == "25"
        assert other.verify().ok


def test_finalize_refuses_an_unfinished_letter_without_using_a_kenmerk(library: Library, letter):
    letter_id = library.add(_unfinished(letter), author="Anna")
    with read_transaction(library.engine) as connection:
        before = kenmerken.peek_kenmerk(connection, "KSF/{yyyy}/{seq:04d}", 2022)
    with pytest.raises(LetterNotReady) as refused, write_transaction(library.engine) as connection:
        kenmerken.finalize_letter(
            connection,
            letter_id,
            pattern="KSF/{yyyy}/{seq:04d}",
            year=2022,
            author="Anna",
            now="2022-10-17T10:00:00+00:00",
        )
    message = refused.value.message
    assert message.startswith("De brief is nog niet af en krijgt daarom nog geen kenmerk:")
    assert "- Postcode van geadresseerde 1: De postcode is ongeldig (‘25’)." in message
    assert "[" not in message and "addressees" not in message
    assert library.kenmerk_register() == []
    assert [v.number for v in library.history(letter_id)] == [1]
    library.save(letter_id, letter, author="Anna")  # finished now
    assert library.finalize(letter_id, author="Anna", today=TODAY) == before == "KSF/2022/0001"


def test_a_file_that_is_not_a_letter_is_still_refused(tmp_path):
    from composer.core.letterfile import load_letter
    from composer.errors import LetterValidationError

    path = tmp_path / "brief.json"
    path.write_text(json.dumps({"format": "composer-letter/1", "body": "tekst"}), "utf-8")
    with pytest.raises(LetterValidationError) as refused:
        load_letter(path)
    assert "Tekst van de brief moet een lijst zijn, niet ‘tekst’." in refused.value.message
    assert "Betreft ontbreekt." in refused.value.message
