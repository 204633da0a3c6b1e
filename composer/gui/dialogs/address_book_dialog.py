"""Adresboek: find, add, change, remove and import addressees; saved as file and library version."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from composer.core.catalogue_editing import (
    entry_label,
    entry_matches,
    entry_name,
    unique_id,
)
from composer.core.contact_matching import ImportPlan, apply_import
from composer.gui.dialogs.address_import_preview import AddressImportPreview, import_notice
from composer.gui.dialogs.addressee_edit_dialog import AddresseeEditDialog
from composer.gui.dialogs.catalogue_dialog import CatalogueDialog
from composer.gui.dialogs.common import (
    ADDRESS_LIST_FILTER,
    GOOD_STYLE,
    ask_yes_no,
    error_text,
    hint_label,
    push_button,
)
from composer.gui.dialogs.rows_table import address_summary
from composer.gui.ops import Op
from composer.i18n import N_, _, ngettext
from composer.merge.sources import AddresseeList, read_addressees

COLUMNS = (N_("Naam"), N_("Organisatie"), N_("E-mailadres"), N_("Adres"))
ADDRESS_COLUMN = len(COLUMNS) - 1
ID_ROLE = Qt.ItemDataRole.UserRole


def _columns(item: dict[str, Any]) -> tuple[str, str, str, str]:
    email = item.get("email", "")
    return (
        entry_name(item),
        item.get("organisation", ""),
        email if isinstance(email, str) else "",
        address_summary(item),
    )


class AddressBookDialog(CatalogueDialog):
    catalogue = "adresboek"
    title = N_("Adresboek")

    def build(self) -> None:
        # Replaceable in tests: the entry editor, the file chooser, the import preview, the
        # question before deleting.
        self.edit_entry: Callable[..., tuple[dict[str, Any] | None, bool]] = AddresseeEditDialog.run
        self.choose_file: Callable[[], Path | None] = self._ask_file
        # The preview compares the list with the address book as it stands in this window.
        self.preview_import: Callable[..., tuple[ImportPlan, bool]] = (
            lambda parent, source, file_name: AddressImportPreview.run(
                parent, source, file_name, existing=self.items
            )
        )
        self.confirm_delete: Callable[[str], bool] = lambda label: ask_yes_no(
            self,
            _("Adres verwijderen"),
            _("‘{name}’ uit het adresboek verwijderen?").format(name=label),
        )
        self.reading = False
        self.resize(980, 520)
        layout = QVBoxLayout(self)
        search_row = QHBoxLayout()
        search_label = QLabel(_("&Zoeken:"))
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("zoeken")
        self.search_edit.setAccessibleName(_("Zoeken in het adresboek"))
        self.search_edit.setPlaceholderText(_("Naam, organisatie, e-mailadres, plaats of postcode"))
        self.search_edit.setClearButtonEnabled(True)
        search_label.setBuddy(self.search_edit)
        search_row.addWidget(search_label)
        search_row.addWidget(self.search_edit)
        layout.addLayout(search_row)
        note = self.document.content.get("note", "")
        if isinstance(note, str) and note.strip():
            self.note_label = hint_label(note)
            self.note_label.setObjectName("toelichting")
            layout.addWidget(self.note_label)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("adressen")
        self.table.setAccessibleName(_("Adressen"))
        self.table.setHorizontalHeaderLabels([_(column) for column in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ADDRESS_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 170)
        self.table.setColumnWidth(1, 240)
        self.table.setColumnWidth(2, 220)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.new_button = push_button(_("&Nieuw…"), "nieuw")
        self.edit_button = push_button(_("&Wijzigen…"), "wijzigen")
        self.delete_button = push_button(_("&Verwijderen"), "verwijderen")
        self.import_button = push_button(_("&Importeren…"), "importeren")
        for button in (self.new_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        layout.addLayout(buttons)
        self.count_label = QLabel("")
        self.count_label.setObjectName("telling")
        self.notice_label = QLabel("")
        self.notice_label.setObjectName("gedaan")
        self.notice_label.setStyleSheet(GOOD_STYLE)
        layout.addWidget(self.count_label)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)
        self.search_edit.textChanged.connect(lambda _text: self.refresh())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.edit_selected())
        self.new_button.clicked.connect(self.add_entry)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.import_button.clicked.connect(self.import_file)
        self.refresh()

    # The list

    def shown_ids(self) -> list[str]:
        return [self.table.item(row, 0).data(ID_ROLE) for row in range(self.table.rowCount())]

    def refresh(self, select: str | None = None) -> None:
        """Show the entries that match the search, sorted by organisation and name."""
        query = self.search_edit.text()
        shown = [item for item in self.items if entry_matches(item, query)]
        shown.sort(key=lambda item: (item.get("organisation", "").casefold(), entry_label(item)))
        self.table.setRowCount(len(shown))
        for row, item in enumerate(shown):
            for column, text in enumerate(_columns(item)):
                cell = QTableWidgetItem(text)
                cell.setData(ID_ROLE, item.get("id", ""))
                cell.setToolTip(text)
                self.table.setItem(row, column, cell)
            if item.get("id") == select:
                self.table.selectRow(row)
        total = len(self.items)
        if query.strip():
            count = ngettext(
                "{shown} van {count} adres", "{shown} van {count} adressen", total
            ).format(shown=len(shown), count=total)
        else:
            count = ngettext("{count} adres", "{count} adressen", total).format(count=total)
        self.count_label.setText(count)
        self._update_buttons()

    def selected(self) -> dict[str, Any] | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        entry_id = self.table.item(rows[0].row(), 0).data(ID_ROLE)
        return next((item for item in self.items if item.get("id") == entry_id), None)

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.edit_button.setEnabled(chosen and not self.reading)
        self.delete_button.setEnabled(chosen and not self.reading)
        self.new_button.setEnabled(not self.reading)
        self.import_button.setEnabled(not self.reading)

    # Changes

    def add_entry(self) -> None:
        value, accepted = self.edit_entry(self, None)
        if not accepted or value is None:
            return
        value["id"] = unique_id(entry_label(value), (item.get("id", "") for item in self.items))
        self.items.append(value)
        self._changed(_("‘{name}’ toegevoegd.").format(name=entry_label(value)), value["id"])

    def edit_selected(self) -> None:
        current = self.selected()
        if current is None:
            return
        value, accepted = self.edit_entry(self, current)
        if not accepted or value is None:
            return
        value["id"] = current.get("id") or unique_id(
            entry_label(value), (item.get("id", "") for item in self.items)
        )
        index = next(i for i, item in enumerate(self.items) if item is current)
        self.items[index] = value
        self._changed(_("‘{name}’ gewijzigd.").format(name=entry_label(value)), value["id"])

    def delete_selected(self) -> None:
        current = self.selected()
        if current is None or not self.confirm_delete(entry_label(current)):
            return
        self.items[:] = [item for item in self.items if item is not current]
        self._changed(_("‘{name}’ verwijderd.").format(name=entry_label(current)))

    def _changed(self, notice: str, select: str | None = None) -> None:
        self.mark_changed()
        self.refresh(select)
        self.notice_label.setText(
            _("{notice} Klik op Opslaan om het adresboek te bewaren.").format(notice=notice)
        )

    # Import

    def _ask_file(self) -> Path | None:
        from composer.app.last_folders import IMPORT
        from composer.gui.dialogs.open_file import open_file

        return open_file(self, _("Adressen importeren"), IMPORT, _(ADDRESS_LIST_FILTER))

    def import_file(self) -> None:
        path = self.choose_file()
        if path is None:
            return
        self.reading = True
        self._update_buttons()
        self.notice_label.setText(_("‘{file_name}’ wordt gelezen…").format(file_name=path.name))
        self.message_label.setText("")
        Op(self, lambda _workspace: read_addressees(path)).success(
            lambda source: self._list_read(source, path.name)
        ).failure(self._read_failed).run()

    def _list_read(self, source: AddresseeList, file_name: str) -> None:
        self.reading = False
        self._update_buttons()
        self.notice_label.setText("")
        plan, accepted = self.preview_import(self, source, file_name)
        if not accepted or not plan.changes_anything:
            return
        # Updates and additions in one step, as the preview showed them; saved with Opslaan.
        result = apply_import(plan, self.items)
        self._changed(import_notice(result, len(source.rows) - len(source.valid_rows)))

    def _read_failed(self, error: BaseException) -> None:
        self.reading = False
        self._update_buttons()
        self.notice_label.setText("")
        self.message_label.setText(error_text(error))
