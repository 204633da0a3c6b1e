"""CSV address lists as Excel and others write them: comma or semicolon, UTF-8 or Windows-1252."""

from __future__ import annotations

import codecs
import csv
import io
import re

from composer.errors import ComposerError
from composer.i18n import _
from composer.merge import limits
from composer.merge.columns import SheetRecords, Table

_DELIMITERS = ",;"
# Excel's "Unicode text" is tab-separated; the fallback counts tabs too.
_FALLBACK_DELIMITERS = ",;\t"
# Excel understands (and sometimes writes) a first line `sep=;` naming the delimiter.
_SEP_LINE = re.compile(r"^sep=(.)\r?\n", re.IGNORECASE)
_SNIFF_SIZE = 64 * 1024


def decode_text(raw: bytes, name: str) -> tuple[str, list[str]]:
    """UTF-8 (BOM or not), UTF-16 with a BOM, else Windows-1252 (then with a warning)."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, warnings = raw.decode("utf-16", errors="replace"), []
    else:
        try:
            text, warnings = raw.decode("utf-8-sig"), []
        except UnicodeDecodeError:
            text = _decode_cp1252(raw, name)
            warnings = [
                _(
                    "‘{name}’ is niet als UTF-8 opgeslagen en is gelezen als Windows-1252 "
                    "(West-Europees). Kijk na of letters als é en ë goed zijn overgekomen."
                ).format(name=name)
            ]
    if "\x00" in text:
        raise ComposerError(
            _(
                "‘{name}’ is geen tekstbestand en kan niet worden gelezen. Sla de adressenlijst "
                "op als ‘CSV UTF-8 (door komma's gescheiden)’, als Excel-werkmap (.xlsx) of als "
                "vCard."
            ).format(name=name)
        )
    return text, warnings


def _decode_cp1252(raw: bytes, name: str) -> str:
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        raise ComposerError(
            _(
                "De tekens in ‘{name}’ zijn niet te lezen: het bestand is geen UTF-8 en geen "
                "Windows-1252. Sla het opnieuw op als UTF-8, bijvoorbeeld in Excel als "
                "‘CSV UTF-8 (door komma's gescheiden)’."
            ).format(name=name)
        ) from None


def _count_outside_quotes(line: str, delimiter: str) -> int:
    count, quoted = 0, False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            count += 1
    return count


def detect_delimiter(text: str) -> str:
    """The sniffed delimiter (comma or semicolon) if the header has it; else the most counted."""
    header = next((line for line in text.splitlines() if line.strip()), "")
    try:
        sniffed = csv.Sniffer().sniff(text[:_SNIFF_SIZE], delimiters=_DELIMITERS).delimiter
    except csv.Error:
        sniffed = ""
    if sniffed and _count_outside_quotes(header, sniffed):
        return sniffed
    counts = {
        delimiter: _count_outside_quotes(header, delimiter) for delimiter in _FALLBACK_DELIMITERS
    }
    best = max(counts, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


def _records(text: str, delimiter: str, name: str) -> Table:
    """Every filled record numbered as the spreadsheet shows it (a blank line is a row too);
    stops past the row limit, reads at most MAX_COLUMNS columns."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"')
    records = SheetRecords(name)
    try:
        for number, cells in enumerate(reader, 1):
            records.add(number, [cell.strip() for cell in cells])
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            raise limits.csv_cell_too_long(name, reader.line_num) from None
        raise ComposerError(
            _(
                "‘{name}’ is geen geldig CSV-bestand: regel {line} kan niet worden gelezen. "
                "Controleer de aanhalingstekens in die regel, of sla de lijst opnieuw op vanuit "
                "Excel."
            ).format(name=name, line=reader.line_num)
        ) from None
    return records.table()


def read_csv_table(raw: bytes, name: str) -> Table:
    """The sheet in a CSV file: header row, data rows and warnings about the encoding."""
    text, warnings = decode_text(raw, name)
    sep_line = _SEP_LINE.match(text)
    if sep_line:
        delimiter, text = sep_line.group(1), text[sep_line.end() :]
    else:
        delimiter = detect_delimiter(text)
    table = _records(text, delimiter, name)
    table.warnings.extend(warnings)
    return table
