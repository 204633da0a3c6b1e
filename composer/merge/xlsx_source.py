"""Excel workbooks (.xlsx): the first sheet, cells read as data (a formula stays its text)."""

from __future__ import annotations

import datetime as dt
import io
import warnings
import zipfile
from typing import Any

from openpyxl import load_workbook

from composer.errors import ComposerError
from composer.i18n import _
from composer.merge import limits
from composer.merge.columns import SheetRecords, Table


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


# Parts openpyxl does not read in read-only mode (pictures, embedded files, printer settings).
_NOT_READ = ("xl/media/", "xl/embeddings/", "xl/printerSettings/", "docProps/thumbnail")
EXCEL_MAX_ROW = 1_048_576  # no sheet has more; a file claiming more is not read past it


def _check_unpacked_size(raw: bytes, name: str) -> None:
    """Refuse a zip bomb: the parts openpyxl unpacks may not exceed the limit together. zipfile
    never unpacks more than a part's stated size, so the stated sizes are the bound."""
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        unpacked = sum(
            info.file_size for info in archive.infolist() if not info.filename.startswith(_NOT_READ)
        )
    if unpacked > limits.MAX_XLSX_UNPACKED_BYTES:
        raise limits.unpacked_too_large(name)


def _sheet_table(raw: bytes, name: str) -> Table:
    _check_unpacked_size(raw, name)
    # Cells are data: data_only=False gives a formula's text instead of a cached result.
    # read_only streams the sheet row by row instead of building every cell.
    workbook = load_workbook(io.BytesIO(raw), read_only=True, data_only=False)
    try:
        if not workbook.worksheets:
            raise ComposerError(
                _("De werkmap ‘{name}’ bevat geen werkblad met adressen.").format(name=name)
            )
        sheet = workbook.worksheets[0]
        # The stored size may be wrong (some programs write none); read every row there is,
        # but never wider than the column limit (one cell in column XFD would otherwise make
        # every row 16,384 cells wide).
        sheet.reset_dimensions()
        records = SheetRecords(name)
        rows = sheet.iter_rows(
            min_row=1, max_row=EXCEL_MAX_ROW, max_col=limits.MAX_COLUMNS + 1, values_only=True
        )
        for number, values in enumerate(rows, 1):
            if any(value is not None for value in values):
                records.add(number, [cell_text(value) for value in values])
        return records.table()
    finally:
        workbook.close()


def read_xlsx_table(raw: bytes, name: str) -> Table:
    """The first sheet of the workbook: header row and data rows, numbered as Excel shows them."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl's remarks on styles and extensions
            return _sheet_table(raw, name)
    except ComposerError:
        raise
    except Exception:  # openpyxl raises many kinds for a damaged file; the user needs one answer
        raise _unreadable(name) from None
