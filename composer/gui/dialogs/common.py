"""Small pieces every dialog uses: the message line, Dutch buttons, the newest answer only."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)

from composer.gui import show_error
from composer.i18n import N_, _

ADDRESS_LIST_FILTER = N_("Adressenlijsten (*.csv *.txt *.xlsx *.vcf *.vcard);;Alle bestanden (*)")
ERROR_STYLE = "color: #a00000;"  # not screen text
GOOD_STYLE = "color: #1b6e20;"  # not screen text
HINT_STYLE = "color: #555555;"  # not screen text
# The accessible names message_label makes of the object names the dialogs give it.


def message_label(name: str, style: str = ERROR_STYLE, *, spoken: str = "") -> QLabel:
    """A wrapping, selectable label for what went wrong (or right); empty until needed.

    `spoken`: what a screen reader calls it (translated already); "Melding" when not given.
    """
    label = QLabel("")
    label.setObjectName(name)
    label.setAccessibleName(spoken or _("Melding"))
    label.setWordWrap(True)
    label.setStyleSheet(style)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def hint_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    return label


def add_button(box: QDialogButtonBox, text: str, role: QDialogButtonBox.ButtonRole, name: str):
    """A button with a Dutch text and mnemonic, whatever Qt translation is loaded."""
    button = box.addButton(text, role)
    button.setObjectName(name)
    button.setAccessibleName(text.replace("&", ""))
    return button


def labelled_rows(
    form: QFormLayout, rows: Iterable[tuple[str, QWidget]], *, spoken: bool = False
) -> None:
    """One form row a (caption, widget): the caption's label is the widget's buddy (Alt+letter).

    With `spoken`, a widget with a caption also takes it (without & and :) as accessible name.
    """
    for caption, widget in rows:
        if spoken and caption:
            widget.setAccessibleName(caption.replace("&", "").rstrip(":"))
        label = QLabel(caption)
        label.setBuddy(widget)
        form.addRow(label, widget)


def push_button(text: str, name: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAccessibleName(text.replace("&", "").rstrip("…"))
    return button


def save_cancel_buttons(parent: QWidget) -> tuple[QDialogButtonBox, QPushButton, QPushButton]:
    box = QDialogButtonBox(parent)
    save = add_button(box, _("&Opslaan"), QDialogButtonBox.ButtonRole.AcceptRole, "opslaan")
    cancel = add_button(box, _("&Annuleren"), QDialogButtonBox.ButtonRole.RejectRole, "annuleren")
    save.setDefault(True)
    return box, save, cancel


def error_text(error: BaseException) -> str:
    """The Dutch message of a ComposerError with its remedy; for a programming error, a plain
    report."""
    return show_error.error_text(error)


def ask_yes_no(parent: QWidget, title: str, text: str) -> bool:
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    answer = QMessageBox.question(parent, title, text, buttons, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


class NewestOnly:
    """For work a user can start again before the last run answered (a program looked up again):
    only the newest run's callbacks run, so a slow earlier answer never overwrites a newer one."""

    def __init__(self) -> None:
        self.number = 0

    def callbacks(self, *callbacks: Callable[[Any], None]) -> tuple[Callable[[Any], None], ...]:
        self.number += 1
        number = self.number

        def newest(callback: Callable[[Any], None]) -> Callable[[Any], None]:
            def call(value: Any) -> None:
                if number == self.number:
                    callback(value)

            return call

        return tuple(newest(callback) for callback in callbacks)


def ask_confirmation(parent: QWidget, title: str, text: str, accept: str) -> bool:
    """A question with the buttons `accept` and Annuleren; Annuleren is the default."""
    no_buttons = QMessageBox.StandardButton.NoButton
    box = QMessageBox(QMessageBox.Icon.Question, title, text, no_buttons, parent)
    yes = box.addButton(accept, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(_("Annuleren"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is yes
