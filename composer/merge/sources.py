"""Addressee lists for a mail merge (CSV, Excel, vCard), each row checked like a letter's."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from composer.core.letterfile import addressee_from_dict
from composer.core.models import Addressee
from composer.core.validation import addressee_problems
from composer.dutch.addresses import address_lines
from composer.errors import AddressError, ComposerError
from composer.fileio import read_problems
from composer.i18n import _
from composer.merge import limits
from composer.merge.columns import Table, table_rows
from composer.merge.csv_source import read_csv_table
from composer.merge.fields import WHOLE_ADDRESS, ParsedRow
from composer.merge.vcard_source import read_vcards
from composer.merge.xlsx_source import read_xlsx_table


@dataclass
class SourceRow:
    """One addressee from the list; `problems` holds (field as the user knows it, Dutch message)."""

    number: int  # as the sheet shows it (header = row 1), or the vCard's number (1, 2, …)
    label: str  # "rij 2" or "vCard 1"
    data: dict[str, Any]  # the addressee as in the letter file
    problems: list[tuple[str, str]] = field(default_factory=list)
    # How messages name a field: "kolom" (`kolom ‘postcode’`) or "veld" (`veld ‘ADR’`); a key.
    field_word: str = "kolom"  # not screen text

    @property
    def valid(self) -> bool:
        return not self.problems

    def messages(self) -> list[str]:
        """`rij 3, kolom ‘postcode’: De postcode is ongeldig (‘25110 AB’). Gebruik …`"""
        return [self._message(where, message) for where, message in self.problems]

    def _message(self, where: str, problem: str) -> str:
        if where == WHOLE_ADDRESS:
            return _("{row}: {problem}").format(row=self.label, problem=problem)
        if self.field_word == "veld":
            text = _("{row}, veld ‘{field}’: {problem}")
        else:
            text = _("{row}, kolom ‘{field}’: {problem}")
        return text.format(row=self.label, field=where, problem=problem)

    def addressee(self) -> Addressee:
        """The addressee as the letter model holds it; meant for valid rows."""
        return addressee_from_dict(self.data)


@dataclass
class AddresseeList:
    rows: list[SourceRow]
    warnings: list[str] = field(default_factory=list)  # about the file as a whole

    @property
    def invalid(self) -> list[SourceRow]:
        return [row for row in self.rows if not row.valid]

    @property
    def valid_rows(self) -> list[SourceRow]:
        return [row for row in self.rows if row.valid]


def _checked(parsed: ParsedRow) -> SourceRow:
    """The row with every problem: conversion, schema and postcode, then the address block."""
    problems = list(parsed.problems)
    for path, message in addressee_problems(parsed.data):
        if path not in parsed.reported_paths:
            problems.append((parsed.fields.get(path, parsed.whole_address), message))
    if not problems:
        try:
            address_lines(addressee_from_dict(parsed.data))
        except AddressError as error:
            # The field it is about, when it names exactly one (not read from the message:
            # that is in the language of the screen).
            path = error.field
            where = parsed.fields.get(path, parsed.whole_address) if path else parsed.whole_address
            problems.append((where, error.message))
    return SourceRow(
        number=parsed.number,
        label=parsed.label,
        data=parsed.data,
        problems=problems,
        field_word=parsed.field_word,
    )


# A reader turns the file's bytes (and its name, for messages) into rows and warnings.
Reader = Callable[[bytes, str], tuple[list[ParsedRow], list[str]]]


def _read_table(read_sheet: Callable[[bytes, str], Table]) -> Reader:
    def read(raw: bytes, name: str) -> tuple[list[ParsedRow], list[str]]:
        return table_rows(read_sheet(raw, name), name=name)

    return read


_READERS: dict[str, Reader] = {
    ".csv": _read_table(read_csv_table),
    ".txt": _read_table(read_csv_table),
    ".xlsx": _read_table(read_xlsx_table),
    ".vcf": read_vcards,
    ".vcard": read_vcards,
}


def _read_bytes(path: Path) -> bytes:
    """The whole file, refused when larger than the limit (checked before and while reading)."""
    with read_problems(
        path,
        missing=_("De adressenlijst ‘{path}’ bestaat niet."),
        folder=_("‘{path}’ is een map, geen adressenlijst."),
        no_access=_("Geen toegang tot de adressenlijst ‘{path}’."),
        unreadable=_("De adressenlijst ‘{path}’ kan niet worden gelezen ({reason})."),
    ):
        size = path.stat().st_size
        if size > limits.MAX_FILE_BYTES:
            raise limits.file_too_large(path.name, size)
        with path.open("rb") as stream:
            raw = stream.read(limits.MAX_FILE_BYTES + 1)  # a pipe or a growing file: stop
    if len(raw) > limits.MAX_FILE_BYTES:
        raise limits.file_too_large(path.name, len(raw))
    if not raw.strip():
        raise ComposerError(_("De adressenlijst ‘{name}’ is leeg.").format(name=path.name))
    return raw


def read_addressees(path: Path) -> AddresseeList:
    """Every addressee in a CSV, Excel or vCard file, checked; ComposerError if unreadable."""
    path = Path(path)
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        raise ComposerError(
            _(
                "‘{name}’ is geen adressenlijst die Composer kan lezen. Gebruik CSV (.csv, .txt), "
                "Excel-werkmap (.xlsx) of vCard (.vcf, .vcard); sla de lijst in Excel op als "
                "Excel-werkmap of als CSV."
            ).format(name=path.name)
        )
    parsed_rows, warnings = reader(_read_bytes(path), path.name)
    return AddresseeList(rows=[_checked(parsed) for parsed in parsed_rows], warnings=warnings)
