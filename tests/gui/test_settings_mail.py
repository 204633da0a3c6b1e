"""Instellingen > E-mail: the fields, the password into the keyring, and Testverbinding."""

from __future__ import annotations

import re
from pathlib import Path

import keyring
import keyring.core
import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel

from composer.gui.dialogs import program_info
from composer.gui.dialogs.settings_dialog import SettingsDialog
from composer.gui.dialogs.settings_mail import MailTab
from composer.sending.mail import KEYRING_SERVICE
from composer.settings import Settings, load_settings, settings_path
from tests.sending.conftest import MemoryKeyring
from tests.sending.smtp_server import SMTP_PASSWORD, SMTP_USER, LocalSmtpServer

LEFT = Qt.MouseButton.LeftButton
MAIL_TAB = 4


@pytest.fixture(autouse=True)
def no_soffice_runs(monkeypatch):
    """Opening Instellingen looks up LibreOffice; a stand-in answers."""
    found = program_info.EngineInfo(Path("/opt/libreoffice/soffice"), "LibreOffice 7.4.7.2")
    monkeypatch.setattr(program_info, "find_engine", lambda configured="": found)


@pytest.fixture
def memory_keyring():
    previous = getattr(keyring.core, "_keyring_backend", None)
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.core._keyring_backend = previous


@pytest.fixture
def login_server():
    server = LocalSmtpServer.start(login=True)
    yield server
    server.stop()


def open_settings(qtbot) -> SettingsDialog:
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentIndex(MAIL_TAB)
    return dialog


def type_into(qtbot, edit, text: str) -> None:
    edit.clear()
    qtbot.keyClicks(edit, text)


def test_the_mail_settings_are_saved_and_the_password_goes_to_the_keyring(qtbot, memory_keyring):
    dialog = open_settings(qtbot)
    tab = dialog.mail_tab
    assert dialog.tabs.tabText(MAIL_TAB) == "&E-mail"
    assert tab.port_box.value() == 587
    assert tab.sender_edit.placeholderText() == (
        "Klantenservice Federatie <info@klantenservicefederatie.nl>"
    )
    assert tab.password_note.text() == (
        "Het wachtwoord wordt bewaard in de wachtwoordkluis van Linux, niet in de instellingen."
    )
    type_into(qtbot, tab.host_edit, "smtp.ksf.nl")
    tab.security_box.setCurrentIndex(tab.security_box.findData("ssl"))
    assert tab.port_box.value() == 465  # the port follows the security
    type_into(qtbot, tab.user_edit, "kantoor@ksf.nl")
    type_into(qtbot, tab.password_edit, "zeer-geheim")
    type_into(qtbot, tab.cc_edit, "archief@ksf.nl, directie@ksf.nl")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted, timeout=10000)

    loaded = load_settings()
    assert (loaded.mail_host, loaded.mail_port, loaded.mail_security) == ("smtp.ksf.nl", 465, "ssl")
    assert loaded.mail_user == "kantoor@ksf.nl"
    assert loaded.mail_cc == "archief@ksf.nl, directie@ksf.nl"
    assert memory_keyring.passwords == {
        (KEYRING_SERVICE, "kantoor@ksf.nl@smtp.ksf.nl"): "zeer-geheim"
    }
    assert "zeer-geheim" not in settings_path().read_text(encoding="utf-8")

    again = open_settings(qtbot)
    assert again.mail_tab.host_edit.text() == "smtp.ksf.nl"
    assert again.mail_tab.security_box.currentData() == "ssl"
    assert again.mail_tab.password_edit.text() == ""
    assert again.mail_tab.password_edit.placeholderText() == (
        "leeg laten: het bewaarde wachtwoord blijft"
    )


def test_a_wrong_cc_address_is_shown_and_nothing_is_saved(qtbot, memory_keyring):
    dialog = open_settings(qtbot)
    dialog.tabs.setCurrentIndex(0)
    type_into(qtbot, dialog.mail_tab.cc_edit, "archief bij ksf")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    assert dialog.tabs.currentIndex() == MAIL_TAB
    assert dialog.message_label.text() == (
        "Kopie aan (cc): ‘archief bij ksf’ is geen geldig e-mailadres. Gebruik de vorm "
        "naam@voorbeeld.nl."
    )
    assert dialog.isVisible()
    assert not settings_path().exists()


def test_testverbinding_logs_in_with_the_typed_password(qtbot, memory_keyring, login_server):
    tab = MailTab(Settings())
    qtbot.addWidget(tab)
    type_into(qtbot, tab.host_edit, login_server.host)
    tab.security_box.setCurrentIndex(tab.security_box.findData("geen"))
    tab.port_box.setValue(login_server.port)
    type_into(qtbot, tab.user_edit, SMTP_USER)
    type_into(qtbot, tab.password_edit, "verkeerd")
    qtbot.mouseClick(tab.test_button, LEFT)
    qtbot.waitUntil(lambda: tab.test_button.isEnabled(), timeout=10000)
    assert tab.test_label.text().startswith(
        f"De mailserver weigert de aanmelding van ‘{SMTP_USER}’"
    )

    type_into(qtbot, tab.password_edit, SMTP_PASSWORD)
    qtbot.mouseClick(tab.test_button, LEFT)
    qtbot.waitUntil(lambda: "werkt" in tab.test_label.text(), timeout=10000)
    assert tab.test_label.text() == "De verbinding met ‘127.0.0.1’ werkt."
    assert memory_keyring.passwords == {}  # a test stores nothing


def test_testverbinding_uses_the_stored_password(qtbot, memory_keyring, login_server):
    memory_keyring.passwords[(KEYRING_SERVICE, f"{SMTP_USER}@127.0.0.1")] = SMTP_PASSWORD
    settings = Settings(
        mail_host="127.0.0.1",
        mail_port=login_server.port,
        mail_security="geen",
        mail_user=SMTP_USER,
    )
    tab = MailTab(settings)
    qtbot.addWidget(tab)
    qtbot.mouseClick(tab.test_button, LEFT)
    qtbot.waitUntil(lambda: tab.test_button.isEnabled(), timeout=10000)
    assert tab.test_label.text() == "De verbinding met ‘127.0.0.1’ werkt."


def _mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def test_no_alt_letter_is_used_twice_on_the_mail_tab(qtbot):
    dialog = open_settings(qtbot)
    texts = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    texts += [b.text() for b in dialog.findChildren(QAbstractButton) if b.isVisible()]
    texts += [g.title() for g in dialog.mail_tab.findChildren(QGroupBox)]
    texts += [
        label.text() for label in dialog.mail_tab.findChildren(QLabel) if label.buddy() is not None
    ]
    letters = [_mnemonic(text) for text in texts if _mnemonic(text)]
    assert len(letters) >= 14
    assert sorted(letters) == sorted(set(letters))


@pytest.mark.skipif(
    __import__("os").environ.get("COMPOSER_SCREENSHOTS") != "1",
    reason="screenshots only with COMPOSER_SCREENSHOTS=1",
)
def test_screenshot_of_the_mail_tab(qtbot, memory_keyring):
    dialog = open_settings(qtbot)
    tab = dialog.mail_tab
    type_into(qtbot, tab.host_edit, "smtp.klantenservicefederatie.nl")
    type_into(qtbot, tab.user_edit, "secretariaat@klantenservicefederatie.nl")
    type_into(qtbot, tab.cc_edit, "archief@klantenservicefederatie.nl")
    dialog.resize(680, 560)
    qtbot.wait(100)
    repo = Path(__file__).resolve().parents[2]
    dialog.grab().save(str(repo / "docs" / "screenshots" / "instellingen-email.png"))
