"""Limits on an address list (file size, addressees, columns, cell length) and their messages."""

from __future__ import annotations

import math

from babel.numbers import format_decimal

from composer.errors import ComposerError
from composer.i18n import _, current_language

# Read as `limits.MAX_ROWS` where used, so a test can lower one.
MAX_FILE_BYTES = 20 * 1024 * 1024  # the list file as stored (CSV, XLSX, vCard)
MAX_ROWS = 10_000  # addressees (non-empty rows, or vCards) in one list
MAX_COLUMNS = 200  # columns read from a sheet; the rest is ignored with a warning
MAX_CELL_CHARS = 1_000  # characters in one cell (or one vCard field) that Composer uses
# Everything openpyxl would unpack from an XLSX (the XML parts; pictures are not read).
MAX_XLSX_UNPACKED_BYTES = 100 * 1024 * 1024
# A vCard property longer than this is not handed to vobject at all (its parser is slow and
# memory-hungry on long lines); the card gets a "too long" problem for that field instead.
MAX_VCARD_PROPERTY_CHARS = 10 * MAX_CELL_CHARS

_MEGABYTE = 1024 * 1024


def number_text(number: float, pattern: str = "#,##0") -> str:
    """`10000` → `10.000` on a Dutch screen, `10,000` on an English one."""
    locale = "nl_NL" if current_language() == "nl" else "en_GB"
    return format_decimal(number, format=pattern, locale=locale)


def megabytes(size: int) -> str:
    """`20971520` → `20 MB`, one byte more → `20,1 MB` (rounded up: never shown as the limit)."""
    value = math.ceil(size * 10 / _MEGABYTE) / 10
    return _("{size} MB").format(
        size=number_text(
            value, "#,##0" if value.is_integer() and not size % _MEGABYTE else "#,##0.0"
        )
    )


def file_too_large(name: str, size: int) -> ComposerError:
    return ComposerError(
        _(
            "De adressenlijst ‘{name}’ is te groot ({size}); een adressenlijst mag hoogstens "
            "{limit} zijn. Splits de lijst in kleinere lijsten, of exporteer de contacten "
            "zonder foto's."
        ).format(name=name, size=megabytes(size), limit=megabytes(MAX_FILE_BYTES))
    )


def too_many_rows(name: str) -> ComposerError:
    return ComposerError(
        _(
            "‘{name}’ bevat meer dan {limit} geadresseerden; Composer leest hoogstens {limit} "
            "geadresseerden uit één lijst. Splits de lijst in kleinere lijsten en voeg ze een "
            "voor een samen."
        ).format(name=name, limit=number_text(MAX_ROWS))
    )


def unpacked_too_large(name: str) -> ComposerError:
    return ComposerError(
        _(
            "De werkmap ‘{name}’ bevat uitgepakt meer dan {limit} aan gegevens en wordt niet "
            "gelezen. Zet alleen de adressen in een nieuwe werkmap, of sla de lijst op als CSV."
        ).format(name=name, limit=megabytes(MAX_XLSX_UNPACKED_BYTES))
    )


def cell_too_long() -> str:
    """The problem of one cell or vCard field, shown after `rij 3, kolom ‘straat’: `."""
    return _(
        "De tekst is te lang: hoogstens {limit} tekens zijn toegestaan. Maak de tekst korter."
    ).format(limit=number_text(MAX_CELL_CHARS))


def csv_cell_too_long(name: str, line: int) -> ComposerError:
    """A cell so long that the CSV reader itself stops (far beyond MAX_CELL_CHARS)."""
    return ComposerError(
        _(
            "‘{name}’, regel {line}: een cel is veel langer dan {limit} tekens, het maximum. "
            "Maak de tekst in die cel korter."
        ).format(name=name, line=line, limit=number_text(MAX_CELL_CHARS))
    )


def columns_ignored(first_ignored: str) -> str:
    """The warning for a sheet wider than MAX_COLUMNS; `first_ignored` is a letter like `GS`."""
    return _(
        "Composer leest hoogstens {limit} kolommen; kolom {column} en verder worden genegeerd."
    ).format(limit=number_text(MAX_COLUMNS), column=first_ignored)
