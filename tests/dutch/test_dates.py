"""Table-driven tests for Dutch dates, place-date lines and press datelines."""

from __future__ import annotations

from datetime import date

import pytest

from composer.dutch.dates import format_date, place_date_line, press_dateline


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2022, 10, 17), "17 oktober 2022"),
        (date(2022, 3, 1), "1 maart 2022"),
        (date(2023, 1, 5), "5 januari 2023"),
        (date(2023, 2, 28), "28 februari 2023"),
        (date(2023, 3, 31), "31 maart 2023"),
        (date(2023, 4, 14), "14 april 2023"),
        (date(2023, 5, 19), "19 mei 2023"),
        (date(2023, 6, 2), "2 juni 2023"),
        (date(2023, 7, 9), "9 juli 2023"),
        (date(2023, 8, 30), "30 augustus 2023"),
        (date(2023, 9, 11), "11 september 2023"),
        (date(2023, 10, 3), "3 oktober 2023"),
        (date(2023, 11, 24), "24 november 2023"),
        (date(2023, 12, 31), "31 december 2023"),
        (date(2012, 2, 29), "29 februari 2012"),
    ],
)
def test_format_date(d: date, expected: str) -> None:
    assert format_date(d) == expected


@pytest.mark.parametrize(
    ("place", "d", "expected"),
    [
        ("Doorn", date(2022, 10, 17), "Doorn, 17 oktober 2022"),
        ("Den Haag", date(2012, 2, 29), "Den Haag, 29 februari 2012"),
        ("  Leeuwarden ", date(1997, 11, 19), "Leeuwarden, 19 november 1997"),
        ("", date(2022, 3, 1), "1 maart 2022"),
        ("   ", date(2022, 3, 1), "1 maart 2022"),
    ],
)
def test_place_date_line(place: str, d: date, expected: str) -> None:
    assert place_date_line(place, d) == expected


@pytest.mark.parametrize(
    ("place", "d", "expected"),
    [
        ("Doorn", date(2022, 10, 17), "Doorn, 17 oktober 2022 \u2013"),
        ("Doorn", date(2022, 11, 24), "Doorn, 24 november 2022 –"),
        ("", date(2022, 10, 17), "17 oktober 2022 –"),
    ],
)
def test_press_dateline(place: str, d: date, expected: str) -> None:
    assert press_dateline(place, d) == expected


@pytest.mark.parametrize("day", [date(2022, 3, 1), date(2024, 12, 31), date(2023, 5, 17)])
def test_a_date_on_a_dutch_screen_reads_as_in_the_letter(day):
    """composer.i18n formats it itself (it sits below the Dutch rules): the two must agree."""
    from composer.i18n import current_language, screen_date, set_language

    before = current_language()
    set_language("nl")
    try:
        assert screen_date(day) == format_date(day)
    finally:
        set_language(before)
