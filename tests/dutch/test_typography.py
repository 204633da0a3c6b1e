"""Table-driven tests for the attribution under a quote."""

from __future__ import annotations

import pytest

from composer.dutch.typography import attribution


@pytest.mark.parametrize(
    ("speaker", "role", "expected"),
    [
        ("Roel Masselink", "directeur van de KSF", "Roel Masselink, directeur van de KSF"),
        ("Roel Masselink", "", "Roel Masselink"),
        ("Roel Masselink", "   ", "Roel Masselink"),
        ("", "directeur van de KSF", "directeur van de KSF"),
        ("", "", ""),
    ],
)
def test_attribution(speaker: str, role: str, expected: str) -> None:
    assert attribution(speaker, role) == expected
