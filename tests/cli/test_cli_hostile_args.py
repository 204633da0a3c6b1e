"""Numbers no library can hold, on every ID/version argument: a Dutch usage error, no traceback."""

from __future__ import annotations

import pytest

from composer.storage.library import Library
from tests.conftest import SAMPLE_LETTER, run_composer
from tests.storage.storage_helpers import sample_letter

HUGE = "99999999999999999999"  # past SQLite's 64-bit INTEGER: an OverflowError until now
MAX_NUMBER = 2_147_483_647  # the largest INTEGER in PostgreSQL; the CLI accepts up to it


@pytest.fixture
def library_url(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'bibliotheek.sqlite'}"
    with Library.open(url) as library:
        library.add(sample_letter(), author="Anna")
    return url


@pytest.mark.parametrize(
    ("args", "what"),
    [
        (["letters", "show", HUGE], "briefnummer"),
        (["letters", "show", "1", "--version", HUGE], "versienummer"),
        (["letters", "history", HUGE], "briefnummer"),
        (["letters", "diff", "1", "1", HUGE], "versienummer"),
        (["letters", "restore", "1", HUGE], "versienummer"),
        (["letters", "save", "1", str(SAMPLE_LETTER), "--base", HUGE], "versienummer"),
        (["letters", "approve", "1", "--version", HUGE], "versienummer"),
        (["letters", "comment", "1", "--version", HUGE, "Tekst"], "versienummer"),
        (["letters", "resolve", "1", HUGE], "nummer"),
        (["letters", "status", HUGE], "briefnummer"),
        (["letters", "show", "²"], "briefnummer"),  # a digit to str.isdigit, not to int()
    ],
)
def test_a_number_out_of_range_is_a_dutch_usage_error(library_url, args, what):
    result = run_composer(*args, env={"COMPOSER_DATABASE_URL": library_url})
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert f"is geen {what} (een getal van 1 tot en met {MAX_NUMBER})" in result.stderr
    assert "fout in de opdracht" in result.stderr
    assert "invalid" not in result.stderr and "usage:" not in result.stderr


def test_the_largest_number_is_looked_up_and_reported_as_missing(library_url):
    result = run_composer(
        "letters",
        "show",
        "1",
        "--version",
        str(MAX_NUMBER),
        env={"COMPOSER_DATABASE_URL": library_url},
    )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert f"Brief 1 heeft geen versie {MAX_NUMBER}" in result.stderr
