"""Finalizing: kenmerken numbered per year, registered, never handed out twice."""

from __future__ import annotations

from datetime import date

import pytest

from composer.errors import ComposerError
from composer.settings import Settings


def test_finalize_numbers_per_year_and_keeps_an_existing_kenmerk(library, letter):
    first, second, third = (library.add(letter, author="Anna") for _ in range(3))

    assert library.finalize(first, author="Anna", today=date(2022, 10, 17)) == "KSF/2022/0001"
    assert library.finalize(second, author="Bob", today=date(2022, 12, 31)) == "KSF/2022/0002"
    assert library.finalize(third, author="Bob", today=date(2023, 1, 2)) == "KSF/2023/0001"
    # A second finalize returns the kenmerk the letter has; nothing new is assigned.
    assert library.finalize(first, author="Carla", today=date(2023, 1, 3)) == "KSF/2022/0001"

    history = library.history(first)
    assert [v.number for v in history] == [1, 2]
    assert history[-1].message == "Kenmerk KSF/2022/0001 toegekend"
    finalized = library.version(first)
    assert finalized.our_reference == "KSF/2022/0001"
    assert finalized.extra == library.version(first, 1).extra  # the snapshot is unchanged
    summary = library.summary(first)
    # A kenmerk is no status: the workflow status stays as it was (composer.review).
    assert (summary.kenmerk, summary.status) == ("KSF/2022/0001", "concept")

    register = library.kenmerk_register()
    assert [(e.kenmerk, e.letter_id, e.version_number, e.status) for e in register] == [
        ("KSF/2022/0001", first, 2, "toegekend"),
        ("KSF/2022/0002", second, 2, "toegekend"),
        ("KSF/2023/0001", third, 2, "toegekend"),
    ]
    assert register[0].assigned_by == "Anna" and register[0].assigned_at.tzinfo is not None
    assert [e.kenmerk for e in library.kenmerk_register(2023)] == ["KSF/2023/0001"]
    assert library.verify().ok


def test_default_pattern_comes_from_the_settings(library, letter):
    letter_id = library.add(letter, author="Anna")
    kenmerk = library.finalize(letter_id, author="Anna")
    assert kenmerk == Settings().kenmerk_pattern.format(yyyy=date.today().year, seq=1)


def test_own_pattern_and_a_collision_is_skipped(library, letter):
    first, second = (library.add(letter, author="Anna") for _ in range(2))
    assert library.finalize(first, author="Anna", pattern="{yy}-{seq:03d}", today=date(2024, 3, 1))
    # The same number under a pattern without the year would collide next year: skipped.
    assert library.finalize(second, author="Anna", pattern="24-{seq:03d}", today=date(2025, 1, 1))
    assert [e.kenmerk for e in library.kenmerk_register()] == ["24-001", "24-002"]


def test_a_bad_pattern_is_refused_before_a_number_is_taken(library, letter):
    letter_id = library.add(letter, author="Anna")
    for pattern in ("KSF/{yyyy}", "KSF/{jaar}/{seq}", "{seq.real}", "KSF/{seq", "{seq:q}"):
        with pytest.raises(ComposerError, match="kenmerkpatroon"):
            library.finalize(letter_id, author="Anna", pattern=pattern, today=date(2022, 1, 1))
    assert library.finalize(letter_id, author="Anna", today=date(2022, 1, 1)) == "KSF/2022/0001"
