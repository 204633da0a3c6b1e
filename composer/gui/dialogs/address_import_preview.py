"""Before an import into the address book: every row of the list, what is wrong with it, and what
the import does with it (new, update with the fields that change, unchanged, twijfel)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from composer.core.catalogue_editing import entry_label, open_catalogue
from composer.core.contact_matching import (
    ImportPlan,
    ImportResult,
    Outcome,
    PlannedRow,
    plan_import,
)
from composer.errors import ComposerError
from composer.gui.dialogs.common import add_button, hint_label, message_label
from composer.gui.dialogs.rows_table import (
    COLUMNS,
    AddresseeRowsTable,
    address_summary,
    view_of_source_row,
)
from composer.gui.show_error import show_error
from composer.i18n import N_, _, ngettext
from composer.merge.sources import AddresseeList

OUTCOME_COLUMN = len(COLUMNS)  # after Rij · Geadresseerde · Adres · Controle
OUTCOME_HEADER = N_("Wat er gebeurt")
_DOUBT_BACKGROUND = QColor("#fff4d6")  # not screen text


def import_count_text(source: AddresseeList) -> str:
    """`4 rijen: 3 worden geïmporteerd, 1 rij met fouten niet.`"""
    total, good = len(source.rows), len(source.valid_rows)
    bad = total - good
    # Three numbers, each with its own singular or plural: a translatable frame around them.
    rows = ngettext("{count} rij", "{count} rijen", total).format(count=total)
    imported = ngettext("{count} wordt geïmporteerd", "{count} worden geïmporteerd", good).format(
        count=good
    )
    if not bad:
        return _("{rows}: {imported}.").format(rows=rows, imported=imported)
    refused = ngettext("{count} rij met fouten niet", "{count} rijen met fouten niet", bad).format(
        count=bad
    )
    return _("{rows}: {imported}, {refused}.").format(rows=rows, imported=imported, refused=refused)


def plan_summary(plan: ImportPlan) -> str:
    """`3 nieuw, 2 bijwerken, 5 ongewijzigd` (and `, 1 twijfel` when there is doubt)."""
    parts = [
        _("{count} nieuw").format(count=plan.count(Outcome.NEW)),
        _("{count} bijwerken").format(count=plan.count(Outcome.UPDATE)),
        _("{count} ongewijzigd").format(count=plan.count(Outcome.UNCHANGED)),
    ]
    doubts = plan.count(Outcome.DOUBT)
    if doubts:
        parts.append(_("{count} twijfel").format(count=doubts))
    return ", ".join(parts)


def import_notice(result: ImportResult, skipped: int = 0) -> str:
    """What an applied import did: `1 adres toegevoegd, 1 adres bijgewerkt, 3 ongewijzigd.`"""
    if result.updated or result.unchanged or result.doubts_skipped:
        parts = []
        if result.added:
            parts.append(
                ngettext(
                    "{count} adres toegevoegd", "{count} adressen toegevoegd", result.added
                ).format(count=result.added)
            )
        if result.updated:
            parts.append(
                ngettext(
                    "{count} adres bijgewerkt", "{count} adressen bijgewerkt", result.updated
                ).format(count=result.updated)
            )
        if result.unchanged:
            parts.append(_("{count} ongewijzigd").format(count=result.unchanged))
        if result.doubts_skipped:
            parts.append(
                ngettext(
                    "{count} twijfelgeval overgeslagen",
                    "{count} twijfelgevallen overgeslagen",
                    result.doubts_skipped,
                ).format(count=result.doubts_skipped)
            )
        done = ", ".join(parts)
    else:
        done = ngettext(
            "{count} adres geïmporteerd", "{count} adressen geïmporteerd", result.added
        ).format(count=result.added)
    if not skipped:
        return _("{done}.").format(done=done)
    # Two numbers, each with its own singular or plural: a translatable frame around them.
    return _("{imported}; {skipped}.").format(
        imported=done,
        skipped=ngettext(
            "{count} rij met fouten overgeslagen",
            "{count} rijen met fouten overgeslagen",
            skipped,
        ).format(count=skipped),
    )


def window_import_notice(result: ImportResult) -> str:
    """The same for the status bar of the main window, where the address book is not in view."""
    return _("Adresboek: {notice}").format(notice=import_notice(result))


def _contact_text(contact: dict[str, Any]) -> str:
    """`‘J. van der Aa’ – Kerkstraat 1, 1234 AB Utrecht`, and ` – j.aa@…` when it has one."""
    text = _("‘{name}’ – {address}").format(
        name=entry_label(contact), address=address_summary(contact)
    )
    email = contact.get("email")
    if isinstance(email, str) and email.strip():
        return _("{contact} – {email}").format(contact=text, email=email.strip())
    return text


def outcome_text(row: PlannedRow, labels: Sequence[str]) -> str:
    """What happens to one row, in words; `labels` names the rows of the list (`rij 2`)."""
    if row.outcome is Outcome.NEW:
        return _("Nieuw")
    if row.outcome is Outcome.UPDATE:
        return "\n".join([_("Bijwerken"), *(change.text() for change in row.changes)])
    if row.outcome is Outcome.UNCHANGED:
        if row.repeats is not None:
            return _("Ongewijzigd: staat al eerder in de lijst ({row}).").format(
                row=labels[row.repeats]
            )
        return _("Ongewijzigd")
    if row.repeats is not None:
        lines = [
            _("Twijfel: lijkt op {row} van deze lijst, maar met andere gegevens.").format(
                row=labels[row.repeats]
            )
        ]
    else:
        lines = [_("Twijfel: lijkt op")]
        lines.extend(_contact_text(contact) for contact in row.resembles)
    if row.add_as_new:
        lines.append(_("Wordt als nieuw adres toegevoegd."))
    else:
        lines.append(
            _("Vink aan om als nieuw adres toe te voegen; anders wordt de rij overgeslagen.")
        )
    return "\n".join(lines)


class ImportRowsTable(AddresseeRowsTable):
    """The rows table with one more column: what the import does with each row."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.setColumnCount(OUTCOME_COLUMN + 1)
        self.setHorizontalHeaderLabels([_(column) for column in (*COLUMNS, OUTCOME_HEADER)])
        header = self.horizontalHeader()
        header.setSectionResizeMode(OUTCOME_COLUMN - 1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(OUTCOME_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.setColumnWidth(1, 180)
        self.setColumnWidth(2, 220)
        self.setColumnWidth(OUTCOME_COLUMN - 1, 160)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.resizeRowsToContents()  # the wrapped texts, now that the columns have their width


class AddressImportPreview(QDialog):
    def __init__(
        self,
        source: AddresseeList,
        file_name: str,
        parent: QWidget | None = None,
        existing: list[dict[str, Any]] | None = None,
    ) -> None:
        """`existing`: the address book as it stands (the stored one when not given)."""
        super().__init__(parent)
        self.source = source
        self.existing = existing if existing is not None else open_catalogue("adresboek").items
        self.imported = [row.data for row in source.valid_rows]
        self.plan = plan_import(self.imported, self.existing)
        # The table row of each imported (valid) row, and the names of the rows (`rij 2`).
        self.table_rows = [i for i, row in enumerate(source.rows) if row.valid]
        self.labels = [row.label for row in source.valid_rows]
        self.setObjectName("adressen_importeren")
        self.setWindowTitle(_("Adressen importeren uit ‘{file_name}’").format(file_name=file_name))
        self.resize(1000, 520)
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint_label(
                _(
                    "Controleer de adressen. Wie al in het adresboek staat, wordt bijgewerkt; "
                    "een leeg veld in de lijst wist niets. Nieuwe adressen worden toegevoegd. Bij "
                    "twijfel kiest u zelf. Rijen met fouten worden niet geïmporteerd: verbeter ze "
                    "in de lijst en importeer ze daarna opnieuw."
                )
            )
        )
        self.summary_label = QLabel("")
        self.summary_label.setObjectName("overzicht")
        self.summary_label.setAccessibleName(_("Wat de import doet"))
        font = self.summary_label.font()
        font.setBold(True)
        self.summary_label.setFont(font)
        layout.addWidget(self.summary_label)
        self.table = ImportRowsTable("importrijen")
        self.table.show_rows([view_of_source_row(row) for row in source.rows])
        for row, source_row in enumerate(source.rows):
            if not source_row.valid:
                self._set_outcome(row, _("Niet geïmporteerd"))
        layout.addWidget(self.table)
        self.count_label = QLabel(import_count_text(source))
        self.count_label.setObjectName("telling")
        layout.addWidget(self.count_label)
        self.warning_label = message_label("waarschuwingen", spoken=_("Waarschuwingen"))
        self.warning_label.setText(
            "\n".join(_("Let op: {warning}").format(warning=w) for w in source.warnings)
        )
        layout.addWidget(self.warning_label)
        box = QDialogButtonBox()
        role = QDialogButtonBox.ButtonRole
        self.import_button = add_button(box, "", role.AcceptRole, "importeren")
        self.import_button.setDefault(True)
        add_button(box, _("&Annuleren"), role.RejectRole, "annuleren")
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self._show_plan()
        self.table.itemChanged.connect(self._item_changed)

    # The plan

    def _set_outcome(self, row: int, text: str, planned: PlannedRow | None = None) -> None:
        item = QTableWidgetItem(text)
        item.setToolTip(text)
        item.setTextAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if planned is not None and planned.outcome is Outcome.DOUBT:
            item.setFlags(flags | Qt.ItemFlag.ItemIsUserCheckable)
            checked = Qt.CheckState.Checked if planned.add_as_new else Qt.CheckState.Unchecked
            item.setCheckState(checked)
            item.setBackground(QBrush(_DOUBT_BACKGROUND))
        else:
            item.setFlags(flags)
            if self.table.item(row, 0) is not None:
                item.setBackground(self.table.item(row, 0).background())
        self.table.setItem(row, OUTCOME_COLUMN, item)

    def _show_plan(self) -> None:
        self.table.blockSignals(True)
        try:
            for planned in self.plan.rows:
                text = outcome_text(planned, self.labels)
                self._set_outcome(self.table_rows[planned.index], text, planned)
        finally:
            self.table.blockSignals(False)
        self.table.resizeRowsToContents()
        self.summary_label.setText(plan_summary(self.plan))
        count = self.plan.added + self.plan.count(Outcome.UPDATE)
        label = ngettext("{count} adres &importeren", "{count} adressen &importeren", count).format(
            count=count
        )
        self.import_button.setText(label)
        self.import_button.setAccessibleName(label.replace("&", ""))
        self.import_button.setEnabled(count > 0)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() != OUTCOME_COLUMN or item.row() not in self.table_rows:
            return
        index = self.table_rows.index(item.row())
        chosen = set(self.plan.add_as_new)
        if item.checkState() == Qt.CheckState.Checked:
            chosen.add(index)
        else:
            chosen.discard(index)
        # Made again: a row later in the list may be the same as the one now added.
        self.plan = plan_import(self.imported, self.existing, add_as_new=chosen)
        self._show_plan()

    def outcome_cell(self, source_row: int) -> str:
        """The text of the `Wat er gebeurt` cell of a row of the list (0 = the first)."""
        return self.table.cell_text(source_row, OUTCOME_COLUMN)

    def value(self) -> ImportPlan:
        """What the import does, with the user's choices; `apply_import` carries it out."""
        return self.plan

    @classmethod
    def run(
        cls,
        parent: QWidget | None,
        source: AddresseeList,
        file_name: str,
        existing: list[dict[str, Any]] | None = None,
    ) -> tuple[ImportPlan, bool]:
        """The import as the user chose it, and whether the user chose to import.

        Cancelled: an empty plan, and nothing changes anywhere.
        """
        try:
            dialog = cls(source, file_name, parent, existing)
        except ComposerError as exc:  # the stored address book cannot be read
            show_error(parent, exc)
            return plan_import([], []), False
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        plan = dialog.value() if accepted else plan_import([], [])
        dialog.deleteLater()
        return plan, accepted
