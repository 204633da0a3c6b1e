"""Every remedy has command-line words, and a command-line argument type refuses in Dutch."""

from __future__ import annotations

import argparse

import pytest

from composer.cli_letters import _letter_id, _version_number, json_row
from composer.cli_remedies import remedy_text
from composer.errors import Remedy, RemedyAction


@pytest.mark.parametrize("action", list(RemedyAction))
def test_every_remedy_has_command_line_words(action: RemedyAction) -> None:
    text = remedy_text(Remedy(action, letter_id=3, version=4))
    assert text and "{" not in text


def test_a_number_argument_names_what_it_wanted() -> None:
    assert _letter_id("12") == 12
    with pytest.raises(argparse.ArgumentTypeError, match="geen versienummer"):
        _version_number("0")


def test_json_row_renames_and_writes_moments_as_iso_text() -> None:
    from datetime import UTC, datetime

    class Record:
        number = 2
        created_at = datetime(2026, 1, 2, 3, 4, tzinfo=UTC)
        resolved_at = None

    row = json_row(Record(), "version=number created_at resolved_at")
    assert row == {
        "version": 2,
        "created_at": "2026-01-02T03:04:00+00:00",
        "resolved_at": None,
    }
    assert list(row) == ["version", "created_at", "resolved_at"]
