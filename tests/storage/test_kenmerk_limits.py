"""Kenmerk patterns that are too long, too wide or malformed: a Dutch reason, nothing assigned."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from composer.storage.kenmerken import InvalidPattern, check_pattern
from composer.storage.library import Library
from tests.conftest import run_composer
from tests.storage.storage_helpers import sample_letter

LONG = "K" * 300 + "/{seq}"
EXAMPLE = "Gebruik {yyyy} voor het jaar en {seq} voor het volgnummer, zoals KSF/{yyyy}/{seq:04d}"

# pattern → the reason the user reads (in Dutch, never Python's own English error).
REFUSED = {
    LONG: "het patroon is 306 tekens lang; ten hoogste 50 tekens",
    "KSF/{seq:99999999d}": "de breedte 99999999 bij {seq} is te groot; ten hoogste 20",
    "KSF/{seq:999999999999d}": "de breedte 999999999999 bij {seq} is te groot; ten hoogste 20",
    "KSF/{seq:{yyyy}}": "de opmaak achter {seq} is ongeldig",
    "KSF/{seq!x}": "de opmaak achter {seq} is ongeldig",
    "KSF/{seq:q}": "de opmaak ‘q’ bij {seq} is ongeldig",
    "KSF/{yy:d}/{seq}": "de opmaak ‘d’ bij {yy} is ongeldig",
    "KSF}/{seq}": "een accolade staat los; schrijf {{ of }} voor een accolade in het kenmerk",
    "KSF/{}/{seq}": "onbekend veld {}",
    "KSF\n{seq}": "het patroon bevat een regelovergang of een ander onzichtbaar teken",
    "{yyyy:20}{yyyy:20}{seq:20}": (
        "een kenmerk volgens dit patroon wordt 60 tekens lang; ten hoogste 50 tekens"
    ),
}


@pytest.mark.parametrize("pattern", list(REFUSED))
def test_the_reason_is_dutch_and_names_the_limit(pattern):
    with pytest.raises(InvalidPattern) as caught:
        check_pattern(pattern)
    assert f"is ongeldig ({REFUSED[pattern]}" in caught.value.in_form
    assert EXAMPLE in caught.value.in_form


def test_a_long_pattern_is_shown_cut_off():
    with pytest.raises(InvalidPattern) as caught:
        check_pattern(LONG)
    assert f"‘{'K' * 50}…’ is ongeldig" in caught.value.message
    assert "K" * 51 not in caught.value.message


def test_patterns_within_the_limits_are_fine():
    for pattern in ("KSF/{yyyy}/{seq:04d}", "{yy}-{seq:>6}", "A" * 44 + "{seq}", "{seq:020d}"):
        check_pattern(pattern)


def test_a_refused_pattern_takes_no_number(library):
    letter_id = library.add(sample_letter(), author="Anna")
    for pattern in REFUSED:
        with pytest.raises(InvalidPattern):
            library.finalize(letter_id, author="Anna", pattern=pattern, today=date(2022, 1, 1))
    assert library.kenmerk_register() == []
    assert library.finalize(letter_id, author="Anna", today=date(2022, 1, 1)) == "KSF/2022/0001"


@pytest.mark.parametrize("pattern", [LONG, "KSF/{seq:999999999999d}"])
def test_finalize_from_the_command_line_refuses_the_setting(tmp_path, pattern):
    url = f"sqlite:///{tmp_path / 'bibliotheek.sqlite'}"
    with Library.open(url) as library:
        library.add(sample_letter(), author="Anna")
    settings = Path(os.environ["COMPOSER_CONFIG_DIR"]) / "settings.toml"
    settings.write_text(f"kenmerk_pattern = {json.dumps(pattern)}\n", encoding="utf-8")
    env = {"COMPOSER_DATABASE_URL": url}
    result = run_composer("letters", "finalize", "1", "--author", "Anna", env=env)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "Error" not in result.stderr
    assert result.stderr.startswith("composer: Het kenmerkpatroon ‘")
    assert REFUSED[pattern] in result.stderr
    assert "pas de instelling kenmerk_pattern aan" in result.stderr
    listed = json.loads(run_composer("letters", "list", "--json", env=env).stdout)
    assert [row["kenmerk"] for row in listed] == [None]
