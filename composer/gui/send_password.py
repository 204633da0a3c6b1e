"""The mail server's password, asked when the password vault has none or the server refused it;
"Bewaren in de wachtwoordkluis" keeps it there (never in the settings)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from composer.gui.dialogs.common import add_button, hint_label, message_label
from composer.i18n import _


class PasswordDialog(QDialog):
    def __init__(self, parent: QWidget | None, *, server: str, user: str, problem: str = ""):
        super().__init__(parent)
        self.setObjectName("mailwachtwoord")
        self.setWindowTitle(_("Wachtwoord van de mailserver"))
        self.setMinimumWidth(400)
        layout = QVBoxLayout(self)
        self.problem_label = message_label("probleem", spoken=_("Melding"))
        self.problem_label.setText(problem)
        self.problem_label.setVisible(bool(problem))
        layout.addWidget(self.problem_label)
        layout.addWidget(
            hint_label(
                _("Geef het wachtwoord van {user} op de mailserver {server}.").format(
                    user=user, server=server
                )
            )
        )
        form = QFormLayout()
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("wachtwoord")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(_("Wachtwoord"))
        form.addRow(_("&Wachtwoord:"), self.password_edit)
        layout.addLayout(form)
        self.keep_box = QCheckBox(_("&Bewaren in de wachtwoordkluis"))
        self.keep_box.setObjectName("bewaren")
        layout.addWidget(self.keep_box)
        layout.addWidget(
            hint_label(
                _("De wachtwoordkluis is die van uw computer; het staat nooit in de instellingen.")
            )
        )
        box = QDialogButtonBox(self)
        self.ok_button = add_button(
            box, _("&Verzenden"), QDialogButtonBox.ButtonRole.AcceptRole, "verzenden"
        )
        add_button(box, _("&Annuleren"), QDialogButtonBox.ButtonRole.RejectRole, "annuleren")
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.password_edit.textChanged.connect(lambda text: self.ok_button.setEnabled(bool(text)))
        self.ok_button.setEnabled(False)

    def password(self) -> str:
        return self.password_edit.text()

    def keep(self) -> bool:
        return self.keep_box.isChecked()
