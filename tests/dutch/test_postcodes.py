"""Table-driven tests for Dutch postcode normalising and validation."""

from __future__ import annotations

import pytest

from composer.dutch.postcodes import is_valid_dutch_postcode, normalise_postcode, postcode_problem


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1234ab", "1234 AB"),
        (" 1234 ab ", "1234 AB"),
        ("1234  AB", "1234 AB"),
        ("3941zs", "3941 ZS"),
        ("3941 ZS", "3941 ZS"),
        ("1234\tAb", "1234 AB"),
        (" 25110 AB ", "25110 AB"),
        ("SW1A 2AA", "SW1A 2AA"),
        ("1234 A", "1234 A"),
        ("", ""),
    ],
)
def test_normalise_postcode(text: str, expected: str) -> None:
    assert normalise_postcode(text) == expected


@pytest.mark.parametrize(
    ("text", "valid"),
    [
        ("1234 AB", True),
        ("1234ab", True),
        ("9999 ZZ", True),
        ("1000 AA", True),
        ("1234 FA", True),
        ("1234 AI", True),
        ("1234 OQ", True),
        ("1234 UY", True),
        ("1234 SA", False),
        ("1234 sd", False),
        ("1234SS", False),
        ("1234 SB", True),
        ("1234 AS", True),
        ("0123 AB", False),
        ("123 AB", False),
        ("12345 AB", False),
        ("1234 A", False),
        ("1234 ABC", False),
        ("1234-AB", False),
        ("AB 1234", False),
        ("", False),
        ("١٢٣٤ AB", False),
    ],
)
def test_is_valid_dutch_postcode(text: str, valid: bool) -> None:
    assert is_valid_dutch_postcode(text) is valid


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2511 AB", None),
        ("2511ab", None),
        (
            "25110 AB",
            "De postcode is ongeldig (‘25110 AB’). Gebruik vier cijfers en twee letters, "
            "zoals 2511 AB.",
        ),
        (
            "0123 AB",
            "De postcode is ongeldig (‘0123 AB’): een Nederlandse postcode begint niet met een 0. "
            "Controleer de cijfers.",
        ),
        (
            "1234 sa",
            "De postcode is ongeldig (‘1234 sa’): de lettercombinatie SA wordt niet gebruikt "
            "(SA, SD en SS bestaan niet). Controleer de letters.",
        ),
        ("  ", "De postcode ontbreekt. Gebruik vier cijfers en twee letters, zoals 2511 AB."),
    ],
)
def test_postcode_problem(text: str, expected: str | None) -> None:
    assert postcode_problem(text) == expected
