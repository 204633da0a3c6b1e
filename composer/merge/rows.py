"""The addressees of a merge, from the letter itself or from a list, each checked up front."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from composer.core.letterfile import addressee_from_dict
from composer.core.models import Addressee, Letter
from composer.dutch.addresses import address_lines
from composer.errors import AddressError
from composer.i18n import _


@dataclass
class MergeRow:
    """One letter to write: its addressee, where it came from, and what is wrong with it."""

    label: str  # "rij 4" (spreadsheet), "vCard 2", "geadresseerde 1" (letter file)
    addressee: Addressee | None
    problems: list[str] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return self.addressee is not None and not self.problems


def rows_from_letter(letter: Letter) -> list[MergeRow]:
    rows = []
    for index, addressee in enumerate(letter.addressees, start=1):
        label = _("geadresseerde {number}").format(number=index)
        try:
            address_lines(addressee)
        except AddressError as exc:
            problem = _("{row}: {problem}").format(row=label, problem=exc.message)
            rows.append(MergeRow(label, addressee, [problem]))
            continue
        rows.append(MergeRow(label, addressee))
    return rows


def rows_from_file(path: Path) -> tuple[list[MergeRow], list[str]]:
    """Rows of an addressee list (CSV, XLSX, vCard) and the warnings reading it gave."""
    from composer.merge.sources import read_addressees

    source = read_addressees(path)
    rows = []
    for row in source.rows:
        if row.valid:
            rows.append(MergeRow(row.label, addressee_from_dict(row.data)))
        else:
            rows.append(MergeRow(row.label, None, row.messages()))
    return rows, list(source.warnings)
