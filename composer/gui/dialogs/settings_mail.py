"""Instellingen > E-mail: the office's mail server, the sender, cc and bcc, the password (kept
in the operating system's keyring, never in settings.toml) and "Testverbinding"."""

from __future__ import annotations

import copy
import sys
from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from composer.core.catalogues import Profile, load_profile
from composer.errors import ComposerError
from composer.gui.dialogs.common import (
    ERROR_STYLE,
    GOOD_STYLE,
    NewestOnly,
    error_text,
    hint_label,
    labelled_rows,
    message_label,
    push_button,
)
from composer.gui.ops import Op
from composer.i18n import N_, _
from composer.sending.mail import (
    MailSettings,
    check_connection,
    mail_settings,
    set_smtp_password,
    smtp_password,
)
from composer.settings import MAIL_PORTS, MAIL_SECURITY, Settings

# The choices of Beveiliging, in the order of composer.settings.MAIL_SECURITY.
SECURITY_TEXTS = (
    N_("STARTTLS (meestal poort 587)"),
    N_("SSL/TLS (meestal poort 465)"),
    N_("Geen: alleen voor een mailserver op deze computer of in het kantoornetwerk"),
)
TESTING = N_("Verbinding maken met de mailserver…")


def keyring_place() -> str:
    """Where the operating system keeps passwords, in the words of the screen."""
    if sys.platform.startswith("win"):
        return _("de wachtwoordkluis van Windows")
    if sys.platform == "darwin":
        return _("de wachtwoordkluis van macOS")
    return _("de wachtwoordkluis van Linux")


class MailTab(QWidget):
    """The E-mail tab. `value(settings)` gives the settings with the tab's values; the password
    is stored by `store_password()` (on OK, off the GUI thread), never in the settings."""

    def __init__(self, settings: Settings, profile: Profile | None = None) -> None:
        super().__init__()
        self.profile = profile
        self._tests = NewestOnly()
        layout = QVBoxLayout(self)
        layout.addWidget(self._server_box())
        layout.addWidget(self._message_box())
        layout.addStretch(1)
        self._fill(settings)
        self.security_box.currentIndexChanged.connect(self._security_changed)
        self.test_button.clicked.connect(self.test_connection)

    def _server_box(self) -> QGroupBox:
        box = QGroupBox(_("Mailserver (SMTP)"))
        form = QFormLayout(box)
        self.host_edit = QLineEdit()
        self.host_edit.setObjectName("mail_server")
        self.host_edit.setPlaceholderText(_("bijvoorbeeld smtp.office365.com"))
        self.port_box = QSpinBox()
        self.port_box.setObjectName("mail_poort")
        self.port_box.setRange(1, 65535)
        self.port_box.setMaximumWidth(120)
        self.security_box = QComboBox()
        self.security_box.setObjectName("mail_beveiliging")
        for code, text in zip(MAIL_SECURITY, SECURITY_TEXTS, strict=True):
            self.security_box.addItem(_(text), code)
        self.user_edit = QLineEdit()
        self.user_edit.setObjectName("mail_gebruiker")
        self.user_edit.setPlaceholderText(_("leeg als de server geen aanmelding vraagt"))
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("mail_wachtwoord")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(_("leeg laten: het bewaarde wachtwoord blijft"))
        rows = (
            (_("&Server:"), self.host_edit),
            (_("&Poort:"), self.port_box),
            (_("&Beveiliging:"), self.security_box),
            (_("Gebr&uikersnaam:"), self.user_edit),
            (_("&Wachtwoord:"), self.password_edit),
        )
        labelled_rows(form, rows, spoken=True)
        self.password_note = hint_label(
            _("Het wachtwoord wordt bewaard in {place}, niet in de instellingen.").format(
                place=keyring_place()
            )
        )
        self.password_note.setObjectName("mail_wachtwoord_uitleg")
        form.addRow("", self.password_note)
        self.test_button = push_button(_("&Testverbinding"), "mail_testverbinding")
        self.test_label = message_label("mail_testresultaat", spoken=_("Resultaat van de test"))
        row = QHBoxLayout()
        row.addWidget(self.test_button)
        row.addStretch(1)
        form.addRow("", row)
        form.addRow("", self.test_label)
        return box

    def _message_box(self) -> QGroupBox:
        box = QGroupBox(_("Berichten"))
        form = QFormLayout(box)
        self.sender_edit = QLineEdit()
        self.sender_edit.setObjectName("mail_afzender")
        self.cc_edit = QLineEdit()
        self.cc_edit.setObjectName("mail_cc")
        self.bcc_edit = QLineEdit()
        self.bcc_edit.setObjectName("mail_bcc")
        rows = (
            (_("A&fzender:"), self.sender_edit),
            (_("&Kopie aan (cc):"), self.cc_edit),
            (_("Blin&de kopie (bcc):"), self.bcc_edit),
        )
        labelled_rows(form, rows, spoken=True)
        form.addRow(
            hint_label(
                _(
                    "Leeg bij Afzender: het e-mailadres van de organisatie. Meer adressen bij "
                    "Kopie aan en Blinde kopie scheidt u met komma’s."
                )
            )
        )
        return box

    # Values

    def _fill(self, settings: Settings) -> None:
        self.host_edit.setText(settings.mail_host)
        self.port_box.setValue(settings.mail_port)
        index = self.security_box.findData(settings.mail_security)
        self.security_box.setCurrentIndex(max(index, 0))
        self._security = str(self.security_box.currentData())
        self.user_edit.setText(settings.mail_user)
        self.sender_edit.setText(settings.mail_sender)
        self.cc_edit.setText(settings.mail_cc)
        self.bcc_edit.setText(settings.mail_bcc)
        profile = self._profile()
        if profile is not None and profile.email:
            self.sender_edit.setPlaceholderText(f"{profile.name} <{profile.email}>")

    def _profile(self) -> Profile | None:
        if self.profile is None:
            try:
                self.profile = load_profile()
            except ComposerError:
                return None
        return self.profile

    def _security_changed(self) -> None:
        """A port still at the old security's usual number follows to the new one's."""
        new = str(self.security_box.currentData())
        if self.port_box.value() == MAIL_PORTS.get(self._security):
            self.port_box.setValue(MAIL_PORTS[new])
        self._security = new

    def value(self, settings: Settings) -> Settings:
        """A copy of `settings` with this tab's values."""
        result = copy.deepcopy(settings)
        result.mail_host = self.host_edit.text().strip()
        result.mail_port = self.port_box.value()
        result.mail_security = str(self.security_box.currentData())
        result.mail_user = self.user_edit.text().strip()
        result.mail_sender = self.sender_edit.text().strip()
        result.mail_cc = self.cc_edit.text().strip()
        result.mail_bcc = self.bcc_edit.text().strip()
        return result

    def mail(self) -> MailSettings:
        """The MailSettings of the form (ComposerError when an address is wrong)."""
        profile = self._profile() or Profile("", "", "", "", "", "", "", "", "")
        return mail_settings(self.value(Settings()), profile)

    def problem(self) -> str:
        """What to fix before OK, or ""."""
        try:
            mail = self.mail()
        except ComposerError as exc:
            return exc.message
        if mail.user and not mail.host:
            return _("Vul de mailserver in, of maak de gebruikersnaam leeg.")
        if self.password_edit.text() and not mail.user:
            return _("Vul de gebruikersnaam in die bij het wachtwoord hoort.")
        return ""

    # The password and the test

    def password_job(self) -> Callable[[], None] | None:
        """The storing of a typed password in the keyring, to run on OK off the GUI thread (the
        keyring may ask the user to unlock it); None when no password was typed."""
        password = self.password_edit.text()
        if not password:
            return None
        mail = self.mail()
        return lambda: set_smtp_password(mail, password)

    def test_connection(self) -> None:
        """Connect and log in with the form's values (the typed or stored password)."""
        try:
            mail = self.mail()
        except ComposerError as exc:
            self._show_test(exc.message, ok=False)
            return
        typed = self.password_edit.text()
        self._show_test(_(TESTING), ok=True)
        self.test_button.setEnabled(False)

        def work(_workspace: object) -> str:
            password = typed or (smtp_password(mail) if mail.user else None)
            check_connection(mail, password)
            return _("De verbinding met ‘{host}’ werkt.").format(host=mail.host)

        def done(text: str) -> None:
            self.test_button.setEnabled(True)
            self._show_test(text, ok=True)

        def failed(error: BaseException) -> None:
            self.test_button.setEnabled(True)
            self._show_test(error_text(error), ok=False)

        done, failed = self._tests.callbacks(done, failed)
        Op(self, work).success(done).failure(failed).run()

    def _show_test(self, text: str, *, ok: bool) -> None:
        self.test_label.setText(text)
        self.test_label.setStyleSheet(GOOD_STYLE if ok else ERROR_STYLE)
