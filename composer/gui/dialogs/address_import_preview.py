"""Before an import into the address book: every row of the list, with what is wrong with it."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from composer.gui.dialogs.common import add_button, hint_label, message_label
from composer.gui.dialogs.rows_table import AddresseeRowsTable, view_of_source_row
from composer.i18n import _, ngettext
from composer.merge.sources import AddresseeList


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


class AddressImportPreview(QDialog):
    def __init__(
        self, source: AddresseeList, file_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.source = source
        self.setObjectName("adressen_importeren")
        self.setWindowTitle(_("Adressen importeren uit ‘{file_name}’").format(file_name=file_name))
        self.resize(820, 480)
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint_label(
                _(
                    "Controleer de adressen. Alleen rijen die in orde zijn worden aan het "
                    "adresboek toegevoegd; verbeter de andere in de lijst en importeer ze daarna "
                    "opnieuw."
                )
            )
        )
        self.table = AddresseeRowsTable("importrijen")
        self.table.show_rows([view_of_source_row(row) for row in source.rows])
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
        good = len(source.valid_rows)
        label = ngettext("{count} adres &importeren", "{count} adressen &importeren", good).format(
            count=good
        )
        role = QDialogButtonBox.ButtonRole
        self.import_button = add_button(box, label, role.AcceptRole, "importeren")
        self.import_button.setEnabled(good > 0)
        self.import_button.setDefault(True)
        add_button(box, _("&Annuleren"), role.RejectRole, "annuleren")
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)

    def value(self) -> list[dict[str, Any]]:
        """The valid rows, as addressees in letter-file form."""
        return [row.data for row in self.source.valid_rows]

    @classmethod
    def run(
        cls, parent: QWidget | None, source: AddresseeList, file_name: str
    ) -> tuple[list[dict[str, Any]], bool]:
        """The addressees to import (only valid rows), and whether the user chose to import."""
        dialog = cls(source, file_name, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        rows = dialog.value() if accepted else []
        dialog.deleteLater()
        return rows, accepted
