"""A promise numbered 4.0 is promise 4 everywhere: loaded, saved, snapshotted and rendered."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from composer.core.letterfile import dumps_letter, letter_from_dict, load_letter
from composer.core.models import Promise
from composer.render.docx import render_docx
from composer.storage.library import SNAPSHOT_KEY, Library
from tests.docx_reading import body_paragraphs
from tests.storage.storage_helpers import REPO, sample_dict, write_promises

OLD_TEXT = (
    "Servicebelofte 4 verplicht tot respectvolle omgang met medewerkers en goed werkgeverschap."
)
NEW_TEXT = "Een nieuwe, officiële tekst van belofte 4."


def rendered_text(data: bytes) -> str:
    return "\n".join(body_paragraphs(data))


def _data_dir() -> Path:
    return Path(os.environ["COMPOSER_DATA_DIR"])


def four_point_zero() -> dict:
    """The sample letter with its first promise block written as 4.0."""
    data = sample_dict()
    assert data["body"][5] == {"type": "promise", "number": 4}
    data["body"][5]["number"] = 4.0
    return data


def _letter_file(tmp_path: Path, data: dict) -> Path:
    path = tmp_path / "brief.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert '"number": 4.0' in path.read_text(encoding="utf-8")
    return path


def test_a_letter_file_with_4_0_reads_and_writes_as_4(tmp_path):
    letter = load_letter(_letter_file(tmp_path, four_point_zero()))
    block = letter.body[5]
    assert isinstance(block, Promise) and block.number == 4 and type(block.number) is int
    text = dumps_letter(letter)
    assert '"number": 4.0' not in text
    assert json.loads(text)["body"][5] == {"type": "promise", "number": 4}


def test_a_letter_file_with_4_0_renders_the_text_its_snapshot_recorded(tmp_path):
    data = four_point_zero()
    data[SNAPSHOT_KEY] = {"promises": {"4": {"number": 4, "topic": "oud", "text": OLD_TEXT}}}
    write_promises(_data_dir(), {4: NEW_TEXT})
    text = rendered_text(render_docx(letter_from_dict(data)).data)
    assert OLD_TEXT in text and NEW_TEXT not in text


def test_a_version_saved_with_4_0_keeps_its_text_under_key_4(library):
    letter_id = library.add(letter_from_dict(four_point_zero()), author="Anna")
    saved = library.version(letter_id, 1)
    assert set(saved.extra[SNAPSHOT_KEY]["promises"]) == {"4", "5"}
    assert saved.extra[SNAPSHOT_KEY]["promises"]["4"]["text"] == OLD_TEXT

    # The catalogue changes later: the saved version still renders the text it was saved with.
    write_promises(_data_dir(), {4: NEW_TEXT})
    text = rendered_text(render_docx(library.version(letter_id, 1)).data)
    assert OLD_TEXT in text and NEW_TEXT not in text
    assert library.verify().ok


def test_a_snapshot_key_4_0_from_before_still_counts_for_promise_4(tmp_path):
    """A version saved by an older Composer may carry "4.0": it is read as the snapshot of 4."""
    data = sample_dict()
    data[SNAPSHOT_KEY] = {"promises": {"4.0": {"number": 4, "topic": "oud", "text": OLD_TEXT}}}
    write_promises(_data_dir(), {4: NEW_TEXT})
    text = rendered_text(render_docx(letter_from_dict(data)).data)
    assert OLD_TEXT in text and NEW_TEXT not in text


def test_composer_letters_add_stores_the_snapshot_under_4(tmp_path, database_url):
    path = _letter_file(tmp_path, four_point_zero())
    result = subprocess.run(
        [sys.executable, "-m", "composer", "letters", "add", str(path), "--author", "Anna"],
        cwd=REPO,
        env={**os.environ, "COMPOSER_DATABASE_URL": database_url},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    letter_id = int(result.stdout)
    with Library.open(database_url) as library:
        saved = library.version(letter_id, 1)
    assert sorted(saved.extra[SNAPSHOT_KEY]["promises"]) == ["4", "5"]
    assert [b.number for b in saved.body if isinstance(b, Promise)] == [4, 5]


@pytest.mark.parametrize(
    ("number", "shown"), [(4.5, "4.5"), (True, "de waarde waar"), ("4", "‘4’"), (0, "0")]
)
def test_a_number_that_is_not_whole_is_refused_naming_the_block(tmp_path, number, shown):
    data = sample_dict()
    data["body"][5]["number"] = number
    path = tmp_path / "brief.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "composer", "render", str(path), "-o", str(tmp_path / "b.docx")],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (
        "Servicebelofte (blok 6): Het nummer van een servicebelofte is een geheel getal vanaf 1, "
        f"zoals 4, niet {shown}."
    ) in result.stderr
    assert not (tmp_path / "b.docx").exists()
