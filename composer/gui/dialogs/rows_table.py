"""A table of addressee rows with what is wrong with each, shown before anything is done."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from composer.core.catalogue_editing import entry_label
from composer.core.letterfile import addressee_to_dict
from composer.i18n import N_, _, ngettext
from composer.merge.rows import MergeRow
from composer.merge.sources import SourceRow

COLUMNS = (N_("Rij"), N_("Geadresseerde"), N_("Adres"), N_("Controle"))
STATUS_COLUMN = 3
VALID_TEXT = N_("In orde")
_INVALID_BACKGROUND = QColor("#fde8e8")  # not screen text


@dataclass
class RowView:
    """One row as the table shows it."""

    label: str
    data: dict[str, Any] = field(default_factory=dict)  # the addressee in letter-file form
    problems: list[str] = field(default_factory=list)  # full Dutch messages, naming the row

    @property
    def valid(self) -> bool:
        return not self.problems


def address_summary(data: dict[str, Any]) -> str:
    """`Voorbeeldstraat 12a, 1234 AB Voorbeeldstad` from whatever the row holds."""
    address = data.get("address") or {}
    if not isinstance(address, dict):
        return ""

    def text(key: str) -> str:
        value = address.get(key, "")
        return value.strip() if isinstance(value, str) else str(value)

    postbox = text("postbox")
    delivery = (
        _("Postbus {number}").format(number=postbox)
        if postbox
        else " ".join(p for p in (text("street"), text("house_number")) if p)
    )
    place = " ".join(p for p in (text("postcode"), text("city")) if p)
    country = text("country").upper()
    if country and country != "NL":
        place = f"{place} ({country})" if place else country
    return ", ".join(p for p in (delivery, place) if p)


def view_of_source_row(row: SourceRow) -> RowView:
    return RowView(row.label, row.data, row.messages())


def view_of_merge_row(row: MergeRow) -> RowView:
    data = addressee_to_dict(row.addressee) if row.addressee is not None else {}
    return RowView(row.label, data, list(row.problems))


class AddresseeRowsTable(QTableWidget):
    """Rij · Geadresseerde · Adres · Controle; rows with a problem are tinted and say why."""

    def __init__(self, name: str = "geadresseerden_tabel") -> None:
        super().__init__(0, len(COLUMNS))
        self.setObjectName(name)
        self.setAccessibleName(_("Geadresseerden met controle"))
        self.setHorizontalHeaderLabels([_(column) for column in COLUMNS])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(True)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(STATUS_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.setColumnWidth(1, 200)
        self.setColumnWidth(2, 230)

    def show_rows(self, rows: list[RowView]) -> None:
        self.setRowCount(len(rows))
        for index, row in enumerate(rows):
            status = "\n".join(row.problems) if row.problems else _(VALID_TEXT)
            name = entry_label(row.data) if row.data else ""
            cells = (row.label, name, address_summary(row.data))
            for column, text in enumerate((*cells, status)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
                if not row.valid:
                    item.setBackground(QBrush(_INVALID_BACKGROUND))
                    if column == STATUS_COLUMN:
                        item.setForeground(QBrush(QColor("#a00000")))
                self.setItem(index, column, item)
        self.resizeRowsToContents()

    def cell_text(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text() if item is not None else ""


def count_text(rows: list[RowView]) -> str:
    """`4 geadresseerden: 3 in orde, 1 met een fout.`"""
    total = len(rows)
    if not total:
        return _("Geen geadresseerden.")
    bad = sum(1 for row in rows if not row.valid)
    if not bad:
        return ngettext(
            "{count} geadresseerde, in orde.", "{count} geadresseerden, alle in orde.", total
        ).format(count=total)
    return ngettext(
        "{count} geadresseerde: {good} in orde, {bad} met een fout.",
        "{count} geadresseerden: {good} in orde, {bad} met een fout.",
        total,
    ).format(count=total, good=total - bad, bad=bad)
