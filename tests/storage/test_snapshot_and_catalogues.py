"""A saved version keeps the promise texts it used; catalogues have their own history."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from composer.core.models import Paragraph, Promise
from composer.errors import ComposerError
from composer.storage.library import SNAPSHOT_KEY
from tests.storage.storage_helpers import sample_letter, write_promises

OLD_TEXT = (
    "Servicebelofte 4 verplicht tot respectvolle omgang met medewerkers en goed werkgeverschap."
)


def _data_dir() -> Path:
    return Path(os.environ["COMPOSER_DATA_DIR"])


def _promise_texts(letter) -> dict[str, str]:
    return {key: value["text"] for key, value in letter.extra[SNAPSHOT_KEY]["promises"].items()}


def test_a_version_keeps_its_promise_text_when_the_catalogue_changes(library, letter):
    assert SNAPSHOT_KEY == "snapshot"
    letter_id = library.add(letter, author="Anna")
    stored = library.version(letter_id, 1).extra[SNAPSHOT_KEY]["promises"]["4"]
    assert stored == {
        "number": 4,
        "topic": "medewerkers en goed werkgeverschap",
        "text": OLD_TEXT,
        "source": stored["source"],
    }
    assert stored["source"].startswith("KSF, persbericht 17 oktober 2022")
    assert set(library.version(letter_id, 1).extra[SNAPSHOT_KEY]["promises"]) == {"4", "5"}

    write_promises(_data_dir(), {4: "Een nieuwe, officiële tekst van belofte 4."})
    assert _promise_texts(library.version(letter_id, 1))["4"] == OLD_TEXT

    # A new save takes today's catalogue; the old version does not change.
    library.save(letter_id, library.version(letter_id), author="Anna")
    assert _promise_texts(library.version(letter_id, 2))["4"] == (
        "Een nieuwe, officiële tekst van belofte 4."
    )
    assert _promise_texts(library.version(letter_id, 1))["4"] == OLD_TEXT
    # Restoring version 1 brings back its own text, exactly as it was saved.
    library.restore(letter_id, 1, author="Anna")
    assert _promise_texts(library.version(letter_id, 3))["4"] == OLD_TEXT
    assert library.verify().ok


def test_placeholders_and_unknown_numbers_are_saved_as_referenced(library):
    letter = sample_letter()
    letter.body = [Paragraph("Zie:"), Promise(1), Promise(9)]  # 1 is a placeholder, 9 unknown
    letter_id = library.add(letter, author="Anna")
    saved = library.version(letter_id)
    assert [b.number for b in saved.body if isinstance(b, Promise)] == [1, 9]
    assert SNAPSHOT_KEY not in saved.extra

    write_promises(_data_dir(), {1: "Belofte 1 heeft nu een tekst."})
    library.save(letter_id, saved, author="Anna")
    assert _promise_texts(library.version(letter_id)) == {"1": "Belofte 1 heeft nu een tekst."}


def test_an_earlier_snapshot_survives_when_the_catalogue_loses_the_text(library, letter):
    letter_id = library.add(letter, author="Anna")
    broken = _data_dir() / "catalogues"
    broken.mkdir(parents=True)
    (broken / "servicebeloften.json").write_text("{kapot", encoding="utf-8")
    # An unreadable catalogue does not stop a save; the texts the letter carried stay.
    library.save(letter_id, replace(library.version(letter_id), subject="Nieuw"), author="Anna")
    assert _promise_texts(library.version(letter_id))["4"] == OLD_TEXT


def test_catalogue_versions_and_history(library):
    assert library.catalogue("servicebeloften") is None
    assert library.catalogue_history("servicebeloften") == []
    first = {"items": [{"number": 4, "text": "Eerste tekst"}]}
    second = {"items": [{"number": 4, "text": "Tweede tekst ✓"}], "note": "bijgewerkt"}
    assert library.save_catalogue("servicebeloften", first, author="Anna") == 1
    assert library.save_catalogue("servicebeloften", second, author="Bob") == 2
    assert library.save_catalogue("citaten", {"items": []}, author="Bob") == 1

    assert library.catalogue("servicebeloften") == second
    assert library.catalogue("servicebeloften", 1) == first
    assert library.catalogue("servicebeloften", 3) is None
    history = library.catalogue_history("servicebeloften")
    assert [(h.number, h.author) for h in history] == [(1, "Anna"), (2, "Bob")]
    assert history[0].hash != history[1].hash and history[0].created_at.tzinfo is not None
    assert library.catalogue_names() == ["citaten", "servicebeloften"]
    with pytest.raises(ComposerError, match="catalogusnaam"):
        library.save_catalogue("../geheim", first, author="Anna")
