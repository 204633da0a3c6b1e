"""Dutch dates for letters and press releases: `17 oktober 2022`, `Doorn, 17 oktober 2022`."""

from __future__ import annotations

from datetime import date

# Pinned rather than babel's "long", in case CLDR changes what "long" means.
_DATE_PATTERN = "d MMMM y"
EN_DASH = "\u2013"


def format_date(d: date) -> str:
    """Day in digits, month spelled out in lowercase, four-digit year: `1 maart 2022`."""
    # babel.dates looks up the computer's time zone when imported: not at program start.
    from babel.dates import format_date as babel_format_date

    return babel_format_date(d, _DATE_PATTERN, locale="nl_NL")


def place_date_line(place: str, d: date) -> str:
    """`Doorn, 17 oktober 2022` (no full stop); just the date when the place is blank."""
    place = place.strip()
    return f"{place}, {format_date(d)}" if place else format_date(d)


def press_dateline(place: str, d: date) -> str:
    """The dateline that opens a press release: `Doorn, 17 oktober 2022 –`."""
    return f"{place_date_line(place, d)} {EN_DASH}"
