"""The small dialogs behind Servicebelofte invoegen… and Citaat invoegen… (and Bewerken…)."""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from composer.core.catalogues import ServicePromise
from composer.core.models import Quote
from composer.gui.editor.body_objects import quote_label
from composer.i18n import N_, _

OWN_QUOTE = N_("Eigen citaat (vul hieronder in)")


def narrow_combo(combo: QComboBox) -> QComboBox:
    """A choice whose long item texts do not widen the form (they show in the open list)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(12)
    return combo


def promise_choices(promises: dict[int, ServicePromise], current: int | None) -> list[tuple]:
    """(number, label) of every promise to choose from; a number not in the catalogue too."""
    numbers = sorted({*promises, *([current] if current is not None else [])})
    return [
        (
            number,
            f"{number} – {promises[number].topic}"
            if number in promises
            else _("{number} – niet in de catalogus").format(number=number),
        )
        for number in numbers
    ]


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class PromiseDialog(QDialog):
    def __init__(
        self,
        promises: dict[int, ServicePromise],
        current: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("servicebelofte_kiezen")
        self.setWindowTitle(
            _("Servicebelofte invoegen") if current is None else _("Servicebelofte kiezen")
        )
        self.number = narrow_combo(QComboBox())
        self.number.setObjectName("servicebelofte_nummer")
        self.number.setAccessibleName(_("Nummer van de servicebelofte"))
        for number, label in promise_choices(promises, current):
            self.number.addItem(label, number)
        usable = [n for n, promise in sorted(promises.items()) if not promise.placeholder]
        wanted = current if current is not None else (usable[0] if usable else None)
        if wanted is not None and self.number.findData(wanted) >= 0:
            self.number.setCurrentIndex(self.number.findData(wanted))
        form = QFormLayout()
        form.addRow(_("Servicebelofte:"), self.number)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_buttons(self))

    def chosen(self) -> int | None:
        number = self.number.currentData()
        return int(number) if number is not None else None


class QuoteDialog(QDialog):
    def __init__(
        self, quotes: list[dict[str, Any]], current: Quote | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("citaat_bewerken")
        self.setWindowTitle(_("Citaat invoegen") if current is None else _("Citaat bewerken"))
        self.quotes = quotes
        self.current = current
        self.bank = narrow_combo(QComboBox())
        self.bank.setObjectName("citatenbank")
        self.bank.setAccessibleName(_("Citaat uit de citatenbank"))
        self.bank.addItem(_(OWN_QUOTE), -1)
        for number, entry in enumerate(quotes):
            self.bank.addItem(quote_label(entry), number)
        self.text = QPlainTextEdit()
        self.text.setObjectName("citaat_tekst")
        self.text.setAccessibleName(_("Tekst van het citaat"))
        self.text.setTabChangesFocus(True)
        self.speaker = QLineEdit()
        self.speaker.setObjectName("citaat_spreker")
        self.speaker.setAccessibleName(_("Spreker"))
        self.role = QLineEdit()
        self.role.setObjectName("citaat_functie")
        self.role.setAccessibleName(_("Functie van de spreker"))
        form = QFormLayout()
        form.addRow(_("Uit de citatenbank:"), self.bank)
        form.addRow(_("Citaat:"), self.text)
        form.addRow(_("Spreker:"), self.speaker)
        form.addRow(_("Functie:"), self.role)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_buttons(self))
        if current is not None:
            self.text.setPlainText(current.text)
            self.speaker.setText(current.speaker)
            self.role.setText(current.role)
            for number, entry in enumerate(quotes):
                same = entry.get("speaker", "") == current.speaker
                if entry.get("text") == current.text and same:
                    self.bank.setCurrentIndex(number + 1)
        elif quotes:
            self.bank.setCurrentIndex(1)
            self._chosen(1)
        self.bank.activated.connect(self._chosen)

    def _chosen(self, row: int) -> None:
        number = self.bank.itemData(row)
        if number is None or number < 0:
            return
        entry = self.quotes[number]
        self.text.setPlainText(str(entry.get("text", "")))
        self.speaker.setText(str(entry.get("speaker", "")))
        self.role.setText(str(entry.get("role", "")))

    def chosen(self) -> Quote:
        extra = copy.deepcopy(self.current.extra) if self.current is not None else {}
        return Quote(
            self.text.toPlainText(), speaker=self.speaker.text(), role=self.role.text(), extra=extra
        )
