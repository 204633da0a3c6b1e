"""The addressees: add from the address book or empty, reorder, remove, edit the selected one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from composer.core.duplicate_addressees import duplicate_warning
from composer.core.models import Address, Addressee
from composer.gui.editor.address_book_picker import AddressBookPicker, addressee_summary
from composer.gui.editor.addressee_form import AddresseeForm
from composer.gui.editor.bindings import Binding, EditKeys
from composer.gui.editor.commands import (
    InsertAddresseeCommand,
    MoveAddresseeCommand,
    RemoveAddresseeCommand,
)
from composer.gui.editor.validation_marks import problem_label
from composer.i18n import _

if TYPE_CHECKING:
    from composer.gui.session import LetterSession


def _button(text: str, name: str, accessible: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAccessibleName(accessible)
    return button


class AddresseesEditor(QWidget):
    shown_changed = Signal()  # the form shows another addressee: its problems must follow

    def __init__(self, session: LetterSession, keys: EditKeys) -> None:
        super().__init__()
        self.session = session
        self.setObjectName("geadresseerden_bewerken")
        self.picker = AddressBookPicker()
        self.list = QListWidget()
        self.list.setObjectName("geadresseerden")
        self.list.setAccessibleName(_("Geadresseerden"))
        self.list.setMaximumHeight(80)
        self.new_button = _button(
            _("&Nieuwe geadresseerde"), "nieuwe_geadresseerde", _("Nieuwe lege geadresseerde")
        )
        self.up_button = _button(_("Omhoog"), "geadresseerde_omhoog", _("Geadresseerde omhoog"))
        self.down_button = _button(_("Omlaag"), "geadresseerde_omlaag", _("Geadresseerde omlaag"))
        self.remove_button = _button(
            _("Verwijderen"), "geadresseerde_verwijderen", _("Geadresseerde verwijderen")
        )
        self.duplicates = problem_label("geadresseerden_dubbel")  # a warning, never a block
        self.form = AddresseeForm(session, keys)

        buttons = QVBoxLayout()
        for button in (self.new_button, self.up_button, self.down_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.picker)
        layout.addLayout(row)
        layout.addWidget(self.duplicates)
        layout.addWidget(self.form)

        self.picker.chosen.connect(self.add)
        self.new_button.clicked.connect(lambda: self.add(Addressee(address=Address())))
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        self.remove_button.clicked.connect(self.remove)
        self.list.currentRowChanged.connect(self._selected)

    @property
    def bindings(self) -> list[Binding]:
        return self.form.bindings

    def current(self) -> int | None:
        row = self.list.currentRow()
        return row if 0 <= row < len(self.session.letter.addressees) else None

    def select(self, index: int | None) -> None:
        self.list.setCurrentRow(-1 if index is None else index)
        self._selected(self.list.currentRow())

    def add(self, addressee: Addressee) -> None:
        index = len(self.session.letter.addressees)
        self.session.apply(InsertAddresseeCommand(self.session, index, addressee))
        self.select(index)

    def move(self, step: int) -> None:
        index = self.current()
        if index is None or not 0 <= index + step < len(self.session.letter.addressees):
            return
        self.session.apply(MoveAddresseeCommand(self.session, index, index + step))
        self.select(index + step)

    def remove(self) -> None:
        index = self.current()
        if index is None:
            return
        self.session.apply(RemoveAddresseeCommand(self.session, index))
        count = len(self.session.letter.addressees)
        self.select(min(index, count - 1) if count else None)

    def _selected(self, row: int) -> None:
        index = row if 0 <= row < len(self.session.letter.addressees) else None
        if index != self.form.index:
            self.form.set_index(index)
            self.shown_changed.emit()
        self._enable_buttons()

    def _enable_buttons(self) -> None:
        index = self.current()
        count = len(self.session.letter.addressees)
        self.up_button.setEnabled(index is not None and index > 0)
        self.down_button.setEnabled(index is not None and index < count - 1)
        self.remove_button.setEnabled(index is not None)

    def reload(self) -> None:
        """Another letter: the form shows its first addressee, also when the row number is the
        same as before (the old letter's addressee must not stay in the fields)."""
        self._fill_list()
        index = 0 if self.session.letter.addressees else None
        self.list.blockSignals(True)
        self.list.setCurrentRow(-1 if index is None else index)
        self.list.blockSignals(False)
        self.form.set_index(index)
        self.shown_changed.emit()
        self._enable_buttons()
        self._show_duplicates()

    def sync(self) -> None:
        self._fill_list()
        index = self.current()
        if index is None and self.session.letter.addressees:
            index = len(self.session.letter.addressees) - 1
            self.list.blockSignals(True)
            self.list.setCurrentRow(index)
            self.list.blockSignals(False)
        if index != self.form.index:
            self.form.set_index(index)
            self.shown_changed.emit()
        else:
            self.form.sync()
        self._enable_buttons()
        self._show_duplicates()

    def _show_duplicates(self) -> None:
        warning = duplicate_warning(self.session.letter.addressees)
        self.duplicates.setText(warning)
        self.duplicates.setVisible(bool(warning))

    def _fill_list(self) -> None:
        lines = [addressee_summary(addressee) for addressee in self.session.letter.addressees]
        current = self.list.currentRow()
        self.list.blockSignals(True)
        try:
            if self.list.count() != len(lines):
                self.list.clear()
                self.list.addItems(lines)
                self.list.setCurrentRow(min(current, len(lines) - 1))
            else:
                for row, line in enumerate(lines):
                    if self.list.item(row).text() != line:
                        self.list.item(row).setText(line)
        finally:
            self.list.blockSignals(False)
