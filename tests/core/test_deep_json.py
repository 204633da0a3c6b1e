"""JSON nested absurdly deep (or with absurd numbers) gets a Dutch message, never a traceback."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from composer.core.bounded_json import MAX_DEPTH, JsonLimitError, loads_bounded, nesting_depth
from composer.core.letterfile import dumps_letter, loads_letter
from composer.history.diff import diff_letters
from composer.render.docx import render_docx
from composer.storage.library import Library
from tests.conftest import REPO, SAMPLE_LETTER, run_composer

DEEP = "[" * 1000 + "]" * 1000
TOO_DEEP = f"meer dan {MAX_DEPTH} niveaus diep in elkaar genest"


def _sample_with(key: str, raw_value: str) -> str:
    """The sample letter's text with one more top-level key whose value is `raw_value` (JSON)."""
    text = SAMPLE_LETTER.read_text(encoding="utf-8").rstrip()
    assert text.endswith("}")
    return f'{text[:-1]}, "{key}": {raw_value}}}\n'


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _refused(result, *words: str) -> None:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "RecursionError" not in result.stderr
    for word in words:
        assert word in result.stderr


@pytest.mark.parametrize("where", ["whole-file", "unknown-key"])
def test_render_refuses_a_deep_letter_file_with_a_dutch_message(tmp_path, where):
    text = DEEP if where == "whole-file" else _sample_with("x_nest", DEEP)
    path = _write(tmp_path, "diep.json", text)
    out = tmp_path / "x.docx"
    result = run_composer("render", str(path), "-o", str(out))
    _refused(result, f"Het briefbestand ({path}) kan niet worden gelezen", TOO_DEEP)
    assert not out.exists()


def test_letters_add_and_merge_refuse_a_deep_letter_file(tmp_path):
    path = _write(tmp_path, "diep.json", _sample_with("x_nest", "{" + '"a": {' * 999 + "}" * 1000))
    database = f"sqlite:///{tmp_path / 'bibliotheek.sqlite'}"
    added = run_composer(
        "letters", "add", str(path), "--author", "Anna", env={"COMPOSER_DATABASE_URL": database}
    )
    _refused(added, TOO_DEEP)
    with Library.open(database) as library:
        assert library.letters() == []
    merged = run_composer("merge", str(path), "-o", str(tmp_path / "uit"))
    _refused(merged, TOO_DEEP)
    assert not (tmp_path / "uit").exists() or not any((tmp_path / "uit").iterdir())


def test_an_absurdly_long_number_is_refused_in_dutch(tmp_path):
    path = _write(tmp_path, "lang.json", _sample_with("x_getal", "1" * 5000))
    result = run_composer("render", str(path), "-o", str(tmp_path / "x.docx"))
    _refused(result, "een getal in het bestand heeft te veel cijfers")


def test_a_deep_catalogue_of_the_user_is_named_with_what_to_do(tmp_path):
    folder = Path(os.environ["COMPOSER_DATA_DIR"]) / "catalogues"
    folder.mkdir(parents=True)
    (folder / "servicebeloften.json").write_text('{"items": ' + DEEP + "}", encoding="utf-8")
    result = run_composer("render", str(SAMPLE_LETTER), "-o", str(tmp_path / "x.docx"))
    _refused(result, "De catalogus ‘servicebeloften’", TOO_DEEP, "Herstel het bestand")
    assert not (tmp_path / "x.docx").exists()


def test_a_deep_template_manifest_of_the_user_is_named():
    folder = Path(os.environ["COMPOSER_DATA_DIR"]) / "templates"
    folder.mkdir(parents=True)
    shutil.copyfile(REPO / "templates" / "brief.docx", folder / "brief.docx")
    (folder / "brief.json").write_text('{"name": "brief", "x": ' + DEEP + "}", encoding="utf-8")
    result = run_composer("templates", "list")
    _refused(result, "De beschrijving van sjabloon", TOO_DEEP)


def test_brackets_inside_texts_do_not_count_and_the_limit_itself_is_safe(tmp_path):
    # A subject full of brackets and escaped quotes is text, not nesting.
    data = json.loads(SAMPLE_LETTER.read_text(encoding="utf-8"))
    data["subject"] = '[{"\\' * 2000
    assert loads_letter(json.dumps(data)).subject == data["subject"]

    # Exactly MAX_DEPTH levels (the letter itself is the first) load, render, save and compare.
    nest = "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1)
    text = _sample_with("x_nest", nest)
    assert nesting_depth(text) == MAX_DEPTH
    letter = loads_letter(text)
    assert dumps_letter(letter).count("[") >= MAX_DEPTH - 1
    render_docx(letter)
    with Library.open(f"sqlite:///{tmp_path / 'b.sqlite'}") as library:
        letter_id = library.add(letter, author="Anna")
        letter.extra["x_nest"] = [[1]]
        library.save(letter_id, letter, author="Anna")
        assert diff_letters(library.version(letter_id, 1), library.version(letter_id, 2))
        assert library.verify().ok
    with pytest.raises(JsonLimitError):
        loads_bounded(_sample_with("x_nest", "[" + nest + "]"))
