"""Excel workbooks (.xlsx): the first sheet, cells read as data (a formula stays its text)."""

from __future__ import annotations

import datetime as dt
import io
import warnings
from typing import Any

from openpyxl import load_workbook

from composer.errors import ComposerError
from composer.i18n import _
from composer.merge.columns import Table, split_header_row


def cell_text(value: Any) -> str:
    """A cell as text: 12 and 12.0 → `12`, empty → ``, a formula → its text (never evaluated)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"  # data: read back by yes_no
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    # An array formula is an object holding the formula as its text.
    text = getattr(value, "text", None)
    return (text if isinstance(text, str) else str(value)).strip()


def _unreadable(name: str) -> ComposerError:
    return ComposerError(
        _(
            "‘{name}’ is geen leesbare Excel-werkmap (.xlsx): het bestand is beschadigd of in een "
            "andere vorm opgeslagen. Open het in Excel en sla het opnieuw op als "
            "‘Excel-werkmap (*.xlsx)’, of als CSV."
        ).format(name=name)
    )


def _sheet_records(raw: bytes, name: str) -> list[tuple[int, list[str]]]:
    # Cells are data: data_only=False gives a formula's text instead of a cached result.
    workbook = load_workbook(io.BytesIO(raw), read_only=True, data_only=False)
    try:
        if not workbook.worksheets:
            raise ComposerError(
                _("De werkmap ‘{name}’ bevat geen werkblad met adressen.").format(name=name)
            )
        sheet = workbook.worksheets[0]
        # The stored size may be wrong (some programs write none); read every row there is.
        sheet.reset_dimensions()
        return [
            (number, [cell_text(value) for value in values])
            for number, values in enumerate(sheet.iter_rows(min_row=1, values_only=True), 1)
        ]
    finally:
        workbook.close()


def read_xlsx_table(raw: bytes, name: str) -> Table:
    """The first sheet of the workbook: header row and data rows, numbered as Excel shows them."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl's remarks on styles and extensions
            records = _sheet_records(raw, name)
    except ComposerError:
        raise
    except Exception:  # openpyxl raises many kinds for a damaged file; the user needs one answer
        raise _unreadable(name) from None
    return split_header_row(records)
