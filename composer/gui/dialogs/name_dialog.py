"""First start: the user's name for versions and tracked changes, instead of the login name."""

from __future__ import annotations

import dataclasses
import getpass
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from composer.errors import ComposerError
from composer.i18n import _

if TYPE_CHECKING:
    from composer.app.workspace import Workspace


def full_name_from_system() -> str:
    """The person's full name as the system knows it (the GECOS field on Linux and macOS), or ""
    when there is none; never the login name."""
    if sys.platform == "win32":
        return ""
    try:
        import pwd

        entry = pwd.getpwnam(getpass.getuser())
    except (ImportError, KeyError, OSError):
        return ""
    name = entry.pw_gecos.split(",")[0].strip()
    return "" if name == entry.pw_name else name


class NameDialog(QDialog):
    """Asks the name once; saved in Instellingen (where it can be changed later)."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setObjectName("naam_vragen")
        self.setWindowTitle(_("Welkom bij Brievencomposer"))
        explanation = QLabel(
            _(
                "Wat is uw naam? Die staat bij elke versie die u opslaat, bij uw opmerkingen en "
                "goedkeuringen, en bij de bijgehouden wijzigingen in Word. U kunt hem later "
                "wijzigen in Instellingen."
            )
        )
        explanation.setWordWrap(True)
        self.name_field = QLineEdit(full_name_from_system())
        self.name_field.setObjectName("uw_naam")
        self.name_field.setAccessibleName(_("Uw naam"))
        self.name_field.setPlaceholderText(_("Bijvoorbeeld Marleen de Vries"))
        self.message = QLabel()
        self.message.setObjectName("melding")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Opslaan"))
        self.buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.name_field)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.name_field.textChanged.connect(self._check)
        self._check()
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.resize(440, self.sizeHint().height())

    def _check(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(self.name_field.text().strip())
        )

    def accept(self) -> None:
        name = " ".join(self.name_field.text().split())
        if not name:
            return
        settings = dataclasses.replace(
            self.workspace.settings, author=name, author_from_login=False
        )
        try:
            self.workspace.update_settings(settings)
        except ComposerError as exc:
            self.message.setText(exc.message)  # the disk is full, say: the field keeps the name
            return
        super().accept()


def ask_name_on_first_start(workspace: Workspace, parent: QWidget) -> NameDialog | None:
    """Show the question over the window (not blocking start-up) while the name is only the
    login name; None when a name was given before."""
    if not workspace.settings.author_from_login:
        return None
    dialog = NameDialog(workspace, parent)
    dialog.open()
    return dialog
