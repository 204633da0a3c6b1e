"""Spreadsheet columns (Dutch or English headers) turned into addressee rows and warnings."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter

from composer.errors import ComposerError
from composer.i18n import _
from composer.merge import limits
from composer.merge.fields import WHOLE_ADDRESS, ParsedRow, build_data, country_code, person_form
from composer.merge.fields import yes_no as parse_yes_no

# (data path, Dutch header, English header as in the letter file, other names people use)
COLUMNS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("organisation", "organisatie", "organisation", ("bedrijf", "organization")),
    ("department", "afdeling", "department", ()),
    ("person.form", "aanhef", "form", ()),
    ("person.initials", "voorletters", "initials", ()),
    ("person.first_name", "voornaam", "first_name", ()),
    ("person.infix", "tussenvoegsel", "infix", ("tussenvoegsels",)),
    ("person.surname", "achternaam", "surname", ()),
    ("person.name_as_registered", "naam_zoals_geregistreerd", "name_as_registered", ()),
    ("role", "functie", "role", ()),
    ("email", "e-mail", "email", ("e-mailadres", "emailadres", "mail", "email address")),
    ("address.street", "straat", "street", ()),
    ("address.house_number", "huisnummer", "house_number", ("huisnr",)),
    ("address.postbox", "postbus", "postbox", ()),
    ("address.postcode", "postcode", "postcode", ()),
    ("address.city", "plaats", "city", ("woonplaats",)),
    ("address.country", "land", "country", ()),
    ("address.region", "regio", "region", ()),
)


def _header_key(header: str) -> str:
    """`First name`, ` Huis-nummer ` → `first_name`, `huis_nummer` (case and spacing ignored)."""
    return re.sub(r"[\s\-]+", "_", header.strip().lower())


_PATH_BY_NAME = {
    _header_key(name): path
    for path, dutch, english, others in COLUMNS
    for name in (dutch, english, *others)
}
DUTCH_NAMES = {path: dutch for path, dutch, _english, _others in COLUMNS}
# Without one of these a row has no person, only an organisation.
_NAME_PATHS = ("person.initials", "person.first_name", "person.surname")


@dataclass
class Table:
    """A sheet as read: the header row and the data rows with their numbers as the sheet shows."""

    header: list[str]
    rows: list[tuple[int, list[str]]]
    warnings: list[str] = field(default_factory=list)


class SheetRecords:
    """Collects a sheet's records as they are read: the first filled one is the header, empty
    ones are skipped, at most MAX_COLUMNS columns are kept, and more than MAX_ROWS filled rows
    stop the reading (so a huge list never fills the memory)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.records: list[tuple[int, list[str]]] = []
        self.wide = False

    def add(self, number: int, cells: list[str]) -> None:
        if len(cells) > limits.MAX_COLUMNS:
            self.wide = self.wide or any(cells[limits.MAX_COLUMNS :])
            cells = cells[: limits.MAX_COLUMNS]
        while cells and not cells[-1]:
            cells.pop()
        if not cells:
            return
        if len(self.records) > limits.MAX_ROWS:  # the header and MAX_ROWS rows are there
            raise limits.too_many_rows(self.name)
        self.records.append((number, cells))

    def table(self) -> Table:
        if not self.records:
            return Table(header=[], rows=[])
        (_number, header), *rows = self.records
        warnings = [limits.columns_ignored(get_column_letter(limits.MAX_COLUMNS + 1))]
        return Table(header=header, rows=rows, warnings=warnings if self.wide else [])


def _shown_header(header: str) -> str:
    return header if len(header) <= 60 else f"{header[:60]}…"


def _column_map(table: Table) -> tuple[dict[str, int], dict[str, str], list[str]]:
    """Which column holds which field, the header the user wrote for it, and the warnings."""
    positions: dict[str, int] = {}
    names: dict[str, str] = {}
    warnings: list[str] = []
    width = max([len(table.header), *(len(cells) for _number, cells in table.rows)])
    for index in range(width):
        header = table.header[index] if index < len(table.header) else ""
        if not header:
            if any(index < len(cells) and cells[index] for _number, cells in table.rows):
                warnings.append(
                    _(
                        "Kolom {column} heeft geen kolomkop en wordt genegeerd. Zet een naam in "
                        "de eerste rij als de gegevens nodig zijn."
                    ).format(column=get_column_letter(index + 1))
                )
            continue
        path = _PATH_BY_NAME.get(_header_key(header))
        if path is None:
            warnings.append(
                _("Kolom ‘{header}’ is onbekend en wordt genegeerd.").format(
                    header=_shown_header(header)
                )
            )
        elif path in positions:
            warnings.append(
                _("Kolom ‘{header}’ wordt genegeerd: kolom ‘{other}’ bevat dat gegeven al.").format(
                    header=_shown_header(header), other=names[path]
                )
            )
        else:
            positions[path] = index
            names[path] = header
    return positions, names, warnings


def _convert(path: str, text: str) -> tuple[object, str | None]:
    if path == "person.form":
        return person_form(text)
    if path == "person.name_as_registered":
        return parse_yes_no(text)
    if path == "address.country":
        return country_code(text)
    if path == "email":
        return text.strip(), None
    return text, None


def _parsed_row(
    number: int, cells: list[str], positions: dict[str, int], fields: dict[str, str]
) -> ParsedRow | None:
    raw = {path: cells[index] if index < len(cells) else "" for path, index in positions.items()}
    if not any(raw.values()):
        return None  # nothing in a known column: an empty row as far as addressees go
    values: dict[str, object] = {}
    problems: list[tuple[str, str]] = []
    reported: set[str] = set()
    for path in DUTCH_NAMES:
        if len(raw.get(path, "")) > limits.MAX_CELL_CHARS:
            values[path] = raw[path]
            problems.append((fields[path], limits.cell_too_long()))
            reported.add(path)
            continue
        value, problem = _convert(path, raw.get(path, ""))
        values[path] = value
        if problem is not None:
            problems.append((fields[path], problem))
            reported.add(path)
    with_person = any(raw.get(path) for path in _NAME_PATHS)
    return ParsedRow(
        number=number,
        label=_("rij {number}").format(number=number),
        data=build_data(values, with_person=with_person),
        fields=fields,
        whole_address=WHOLE_ADDRESS,
        field_word="kolom",  # not screen text
        problems=problems,
        reported_paths=reported,
    )


def table_rows(table: Table, *, name: str) -> tuple[list[ParsedRow], list[str]]:
    """The addressee rows of a sheet, and warnings about columns that are ignored."""
    if not table.header:
        raise ComposerError(
            _("‘{name}’ is leeg: er staan geen kolomkoppen en geen adressen in.").format(name=name)
        )
    positions, names, warnings = _column_map(table)
    if not positions:
        raise ComposerError(
            _(
                "In ‘{name}’ staat geen enkele bekende kolom. De eerste rij moet de kolomkoppen "
                "bevatten, zoals organisatie, voorletters, achternaam, straat, huisnummer, "
                "postcode en plaats."
            ).format(name=name)
        )
    fields = {path: names.get(path, dutch) for path, dutch in DUTCH_NAMES.items()}
    rows = [_parsed_row(number, cells, positions, fields) for number, cells in table.rows]
    return [row for row in rows if row is not None], [*table.warnings, *warnings]
