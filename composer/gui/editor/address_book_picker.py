"""Search-as-you-type over the address book; Enter or Toevoegen hands over the chosen entry."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from composer.core.catalogues import load_address_book
from composer.core.letterfile import addressee_from_dict
from composer.core.models import Addressee
from composer.dutch.names import person_designation
from composer.errors import ComposerError
from composer.i18n import _

_ROLE = Qt.ItemDataRole.UserRole


def addressee_summary(addressee: Addressee) -> str:
    """One line for a list: `WFC — de heer N. van Liemt, Voorbeeldstad`."""
    who = []
    if addressee.organisation.strip():
        who.append(addressee.organisation.strip())
    if addressee.person is not None:
        name = person_designation(addressee.person, start_of_line=False).strip()
        if name:
            who.append(name)
    line = " — ".join(who) or _("(nog geen naam)")
    city = addressee.address.city.strip()
    return f"{line}, {city}" if city else line


def entry_addressee(entry: dict[str, Any]) -> Addressee:
    """The address book entry as an addressee; its catalogue id does not go into the letter."""
    return addressee_from_dict({key: value for key, value in entry.items() if key != "id"})


def _haystack(entry: dict[str, Any]) -> str:
    person = entry.get("person") or {}
    address = entry.get("address") or {}
    words = [entry.get("id", ""), entry.get("organisation", ""), entry.get("department", "")]
    words += [entry.get("role", ""), address.get("city", "")]
    words += [person.get(key, "") for key in ("initials", "first_name", "infix", "surname")]
    return " ".join(str(word) for word in words).lower()


class _SearchField(QLineEdit):
    """Up and Down move through the results while the cursor stays in the search field."""

    def __init__(self, results: QListWidget) -> None:
        super().__init__()
        self.results = results

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(Qt.Key(event.key()))
        if step is None or self.results.count() == 0:
            super().keyPressEvent(event)
            return
        row = max(0, min(self.results.count() - 1, self.results.currentRow() + step))
        self.results.setCurrentRow(row)


class AddressBookPicker(QWidget):
    chosen = Signal(object)  # the Addressee made from the chosen entry

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("adresboek")
        try:
            self.entries = load_address_book()
            problem = ""
        except ComposerError as exc:
            self.entries, problem = [], exc.message
        self.results = QListWidget()
        self.results.setObjectName("adresboek_resultaten")
        self.results.setAccessibleName(_("Gevonden in het adresboek"))
        self.results.setMaximumHeight(90)
        self.search = _SearchField(self.results)
        self.search.setObjectName("adresboek_zoeken")
        self.search.setAccessibleName(_("Zoeken in adresboek"))
        self.search.setPlaceholderText(_("Typ een organisatie, naam of plaats"))
        self.add_button = QPushButton(_("Toe&voegen"))
        self.add_button.setObjectName("adresboek_toevoegen")
        self.add_button.setAccessibleName(_("Geadresseerde uit het adresboek toevoegen"))
        self.message = QLabel(problem)
        self.message.setWordWrap(True)
        self.message.setVisible(bool(problem))
        label = QLabel(_("Zoeken in adr&esboek:"))
        label.setBuddy(self.search)

        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label, 0, 0)
        layout.addWidget(self.search, 0, 1)
        layout.addWidget(self.add_button, 0, 2)
        layout.addWidget(self.results, 1, 1, 1, 2)
        layout.addWidget(self.message, 2, 0, 1, 3)

        self.search.textChanged.connect(self.filter)
        self.search.returnPressed.connect(self.choose_current)
        self.add_button.clicked.connect(self.choose_current)
        self.results.itemActivated.connect(lambda _item: self.choose_current())
        self.filter("")

    def filter(self, text: str) -> None:
        words = text.lower().split()
        self.results.clear()
        for index, entry in enumerate(self.entries):
            haystack = _haystack(entry)
            if all(word in haystack for word in words):
                item = QListWidgetItem(addressee_summary(entry_addressee(entry)))
                item.setData(_ROLE, index)
                self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)
        self.add_button.setEnabled(self.results.count() > 0)

    def matches(self) -> list[str]:
        return [self.results.item(row).text() for row in range(self.results.count())]

    def choose_current(self) -> None:
        item = self.results.currentItem()
        if item is None:
            return
        self.chosen.emit(entry_addressee(self.entries[item.data(_ROLE)]))
        self.search.clear()
