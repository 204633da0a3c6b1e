"""The send dialog's choices: how the letter goes (post, e-mail, .eml files) with each
addressee's e-mail address, and whether the PDF is signed with a certificate."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from composer.gui.dialogs.common import ERROR_STYLE, HINT_STYLE, hint_label, message_label
from composer.gui.send_work import EMAIL, EML, POST, AddresseeLine, SendChoice
from composer.i18n import _, ngettext


def choose_certificate(parent: QWidget) -> Any:
    """The certificate dialog: the .p12 file and its password (asked each
    time, never stored); the SigningKey, or None when cancelled."""
    from composer.gui.dialogs.certificate_dialog import CertificateDialog

    return CertificateDialog.ask(parent)


def choose_folder(parent: QWidget) -> Path | None:
    folder = QFileDialog.getExistingDirectory(parent, _("Map voor de e-mailbestanden kiezen"))
    return Path(folder) if folder else None


class SendChoices(QWidget):
    """`changed` whenever a choice changes (the dialog enables Verzenden by `ready()`)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Replaceable in tests: the certificate dialog and the folder chooser.
        self.ask_certificate: Callable[[QWidget], Any] = choose_certificate
        self.ask_folder: Callable[[QWidget], Path | None] = choose_folder
        self.signing_key: Any = None
        self.folder: Path | None = None
        self.lines: list[AddresseeLine] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        how = QGroupBox(_("Hoe versturen"))
        how_layout = QVBoxLayout(how)
        self.post_button = QRadioButton(_("Per &post (afdrukken)"))
        self.email_button = QRadioButton(_("Per &e-mail via de mailserver"))
        self.eml_button = QRadioButton(_("Als e-mail&bestanden (.eml) in een map…"))
        self.group = QButtonGroup(self)
        for button, name in (
            (self.post_button, POST),
            (self.email_button, EMAIL),
            (self.eml_button, EML),
        ):
            button.setObjectName(f"kanaal_{name}")
            self.group.addButton(button)
            how_layout.addWidget(button)
        self.post_button.setChecked(True)
        self.no_server_label = hint_label("")
        self.no_server_label.setObjectName("geen_mailserver")
        self.folder_label = message_label("map", HINT_STYLE, spoken=_("Map"))
        how_layout.insertWidget(2, self.no_server_label)
        how_layout.addWidget(self.folder_label)
        self.addresses_box = QWidget()
        self.addresses_layout = QVBoxLayout(self.addresses_box)
        self.addresses_layout.setContentsMargins(12, 0, 0, 0)
        self.address_labels: list[QLabel] = []
        self.addresses_caption = QLabel("")
        self.addresses_layout.addWidget(self.addresses_caption)
        how_layout.addWidget(self.addresses_box)
        layout.addWidget(how)
        sign = QGroupBox(_("Ondertekenen"))
        sign_layout = QVBoxLayout(sign)
        self.sign_box = QCheckBox(_("PDF &ondertekenen met certificaat…"))
        self.sign_box.setObjectName("ondertekenen")
        self.signer_label = message_label("ondertekenaar", HINT_STYLE, spoken=_("Certificaat"))
        sign_layout.addWidget(self.sign_box)
        sign_layout.addWidget(self.signer_label)
        layout.addWidget(sign)
        self.group.buttonClicked.connect(self._channel_clicked)
        self.sign_box.clicked.connect(self._sign_clicked)
        self.set_mail_server(False)
        self._follow()

    # What the dialog read

    def set_mail_server(self, available: bool) -> None:
        """Per e-mail only with a mail server set in Instellingen; else say why."""
        self.email_button.setEnabled(available)
        self.no_server_label.setText(
            ""
            if available
            else _(
                "Per e-mail kan pas als er een mailserver is ingesteld "
                "(Extra > Instellingen > E-mail)."
            )
        )
        self.no_server_label.setVisible(not available)
        if not available and self.email_button.isChecked():
            self.post_button.setChecked(True)
            self._follow()

    def show_addressees(self, lines: list[AddresseeLine]) -> None:
        self.lines = list(lines)
        for label in self.address_labels:
            label.deleteLater()
        self.address_labels = []
        caption = ngettext("Aan {count} geadresseerde:", "Aan {count} geadresseerden:", len(lines))
        self.addresses_caption.setText(caption.format(count=len(lines)))
        for number in range(1, len(self.lines) + 1):
            label = QLabel()
            label.setObjectName(f"adres_{number}")
            label.setWordWrap(True)
            self.addresses_layout.addWidget(label)
            self.address_labels.append(label)
        self._follow()

    # Choices

    def channel(self) -> str:
        if self.email_button.isChecked():
            return EMAIL
        return EML if self.eml_button.isChecked() else POST

    def choice(self) -> SendChoice:
        key = self.signing_key if self.sign_box.isChecked() else None
        folder = self.folder if self.channel() == EML else None
        return SendChoice(self.channel(), folder, key)

    def ready(self) -> bool:
        return self.channel() != EML or self.folder is not None

    def _channel_clicked(self, *_args: object) -> None:
        if self.channel() == EML:
            folder = self.ask_folder(self)
            if folder is not None:
                self.folder = folder
            elif self.folder is None:
                self.post_button.setChecked(True)
        self._follow()

    def _sign_clicked(self, checked: bool) -> None:
        if checked:
            key = self.ask_certificate(self)
            self.signing_key = key
            self.sign_box.setChecked(key is not None)
        else:
            self.signing_key = None
        self._follow()

    def _follow(self) -> None:
        channel = self.channel()
        by_mail = channel in (EMAIL, EML)
        for label, line in zip(self.address_labels, self.lines, strict=True):
            if line.email:
                label.setText(f"• {line.label}: {line.email}")
                label.setStyleSheet("")
            else:
                label.setText(
                    "• "
                    + _("{name}: geen e-mailadres").format(name=line.label)
                    + " "
                    + _("(krijgt de brief niet per e-mail)")
                )
                label.setStyleSheet(ERROR_STYLE)
        self.addresses_box.setVisible(by_mail and bool(self.lines))
        if channel == EML and self.folder is not None:
            self.folder_label.setText(_("Map: {folder}").format(folder=self.folder))
        else:
            self.folder_label.setText("")
        self.folder_label.setVisible(bool(self.folder_label.text()))
        key = self.signing_key if self.sign_box.isChecked() else None
        name = getattr(key, "signer_name", "") if key is not None else ""
        self.signer_label.setText(
            _("De PDF wordt ondertekend door {name}.").format(name=name) if name else ""
        )
        self.signer_label.setVisible(bool(name))
        self.changed.emit()
