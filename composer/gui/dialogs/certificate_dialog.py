"""Certificaat kiezen: the .p12/.pfx file and its password, checked before the dialog closes.

    key = CertificateDialog.ask(parent)  # a SigningKey, or None when cancelled

The password is typed each time and kept nowhere: the field is emptied when the dialog closes,
and only the loaded key (in memory) leaves it. A wrong password, a file that is no certificate
or an expired certificate is said beside the fields, and the dialog stays open.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from composer.errors import ComposerError
from composer.gui.dialogs.common import (
    add_button,
    error_text,
    hint_label,
    labelled_rows,
    message_label,
    push_button,
)
from composer.gui.dialogs.open_file import open_file
from composer.gui.ops import Op
from composer.i18n import N_, _
from composer.sending.signing import SigningKey

TITLE = N_("Certificaat voor de handtekening")
CERTIFICATE_FILTER = N_("Certificaten met sleutel (*.p12 *.pfx);;Alle bestanden (*)")
CERTIFICATES = "certificaat"  # not screen text: the kind of file dialog, for LastFolders


def open_signing_key(path: Path, password: str) -> SigningKey:
    """Read the PKCS#12 at `path` and open it with `password` (runs off the GUI thread)."""
    from composer.sending.signing import load_signing_key
    from composer.sending.signing_files import MAX_CERTIFICATE_BYTES, read_signing_file

    return load_signing_key(read_signing_file(path, limit=MAX_CERTIFICATE_BYTES), password)


class CertificateDialog(QDialog):
    """Choose the certificate file, type its password; `key` is set when it opened."""

    def __init__(self, parent: QWidget | None = None, path: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("certificaat_kiezen")
        self.setWindowTitle(_(TITLE))
        self.resize(560, 220)
        # Replaceable (tests): ask the user for the file; None when cancelled.
        self.choose_file: Callable[[], Path | None] = self._ask_file
        self.key: SigningKey | None = None

        layout = QVBoxLayout(self)
        layout.addWidget(
            hint_label(
                _(
                    "De PDF wordt digitaal ondertekend met uw certificaat (een .p12- of "
                    ".pfx-bestand). Het wachtwoord wordt niet bewaard: u typt het elke keer."
                )
            )
        )
        self.file_edit = QLineEdit(str(path) if path else "")
        self.file_edit.setObjectName("certificaatbestand")
        self.file_edit.setPlaceholderText(_("Bijvoorbeeld directeur.p12"))
        self.choose_button = push_button(_("&Kiezen…"), "kiezen")
        self.choose_button.clicked.connect(self._pick_file)
        file_row = QWidget()
        row = QHBoxLayout(file_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.file_edit, 1)
        row.addWidget(self.choose_button)
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("wachtwoord")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        file_label = QLabel(_("&Certificaat:"))
        file_label.setBuddy(self.file_edit)
        self.file_edit.setAccessibleName(_("Certificaat"))
        form.addRow(file_label, file_row)
        labelled_rows(form, [(_("&Wachtwoord:"), self.password_edit)], spoken=True)
        self.message = message_label("melding")
        form.addRow("", self.message)
        self.visible_box = QCheckBox(_("Handtekening ook &zichtbaar op de laatste pagina"))
        self.visible_box.setObjectName("zichtbaar")
        self.visible_box.setToolTip(
            _(
                "Een kader rechtsonder op de laatste pagina: ‘Digitaal ondertekend door …’ met "
                "datum en tijd. Zonder vinkje ziet u de handtekening in het paneel Handtekeningen "
                "van de PDF-lezer."
            )
        )
        form.addRow("", self.visible_box)
        layout.addLayout(form)
        layout.addStretch(1)

        box = QDialogButtonBox()
        self.use_button = add_button(
            box, _("&Gebruiken"), QDialogButtonBox.ButtonRole.AcceptRole, "gebruiken"
        )
        self.use_button.setDefault(True)
        cancel = add_button(
            box, _("&Annuleren"), QDialogButtonBox.ButtonRole.RejectRole, "annuleren"
        )
        cancel.setAutoDefault(False)
        box.accepted.connect(self.try_key)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        (self.password_edit if path else self.file_edit).setFocus()

    def _ask_file(self) -> Path | None:
        return open_file(self, _("Certificaat kiezen"), CERTIFICATES, _(CERTIFICATE_FILTER))

    def _pick_file(self) -> None:
        path = self.choose_file()
        if path is not None:
            self.file_edit.setText(str(path))
            self.message.setText("")
            self.password_edit.setFocus()

    def try_key(self) -> None:
        """Open the certificate in the background; accept when it opens, else say why."""
        name = self.file_edit.text().strip()
        if not name:
            self._refuse(ComposerError(_("Kies eerst het certificaatbestand (.p12 of .pfx).")))
            return
        path, password = Path(name), self.password_edit.text()
        self.message.setText(_("Het certificaat wordt geopend…"))
        self.use_button.setEnabled(False)
        Op(self, lambda _workspace: open_signing_key(path, password)).success(self._opened).failure(
            self._refuse
        ).run()

    def _opened(self, key: SigningKey) -> None:
        self.key = dataclasses.replace(key, visible=self.visible_box.isChecked())
        self.message.setText("")
        self.use_button.setEnabled(True)
        self.accept()

    def _refuse(self, error: BaseException) -> None:
        self.use_button.setEnabled(True)
        self.message.setText(error_text(error))
        self.password_edit.selectAll()
        self.password_edit.setFocus()

    def done(self, result: int) -> None:
        self.password_edit.clear()  # the password is kept nowhere, not even in the dialog
        super().done(result)

    @classmethod
    def ask(cls, parent: QWidget | None = None, path: Path | None = None) -> SigningKey | None:
        """The key from the certificate the user chose, or None when cancelled."""
        dialog = cls(parent, path)
        try:
            return dialog.key if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
