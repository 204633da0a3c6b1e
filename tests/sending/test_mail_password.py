"""The SMTP password lives in the operating system's keyring (here: one in memory)."""

from __future__ import annotations

import keyring
import pytest

from composer.errors import ComposerError
from composer.sending.mail import KEYRING_SERVICE, set_smtp_password, smtp_password
from composer.sending.mail_settings import MailSettings
from composer.settings import Settings, save_settings

MAIL = MailSettings(host="smtp.ksf.nl", user="kantoor")


def test_the_password_is_stored_per_user_and_server(memory_keyring):
    assert smtp_password(MAIL) is None
    set_smtp_password(MAIL, "geheim")
    assert memory_keyring.passwords == {(KEYRING_SERVICE, "kantoor@smtp.ksf.nl"): "geheim"}
    assert smtp_password(MAIL) == "geheim"
    assert smtp_password(MailSettings(host="smtp.ander.nl", user="kantoor")) is None


def test_an_empty_password_removes_it(memory_keyring):
    set_smtp_password(MAIL, "geheim")
    set_smtp_password(MAIL, "")
    set_smtp_password(MAIL, "")  # nothing left to remove: no error
    assert memory_keyring.passwords == {}


def test_without_user_there_is_no_password(memory_keyring):
    assert smtp_password(MailSettings(host="smtp.ksf.nl")) is None
    with pytest.raises(ComposerError, match="Vul eerst de mailserver en de gebruikersnaam in"):
        set_smtp_password(MailSettings(host="smtp.ksf.nl"), "geheim")


def test_settings_toml_never_holds_the_password(memory_keyring, tmp_path):
    set_smtp_password(MAIL, "geheim-wachtwoord")
    path = save_settings(Settings(mail_host="smtp.ksf.nl", mail_user="kantoor"), tmp_path / "s")
    text = path.read_text(encoding="utf-8")
    assert 'mail_user = "kantoor"' in text
    assert "geheim-wachtwoord" not in text
    assert "password" not in text and "wachtwoord" not in text


def test_without_a_keyring_the_message_says_so(memory_keyring):
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    with pytest.raises(ComposerError) as caught:
        set_smtp_password(MAIL, "geheim")
    assert caught.value.message.startswith(
        "De wachtwoordkluis van het besturingssysteem is niet bereikbaar ("
    )
    assert caught.value.message.endswith("). Het wachtwoord kan niet worden bewaard of gelezen.")
    with pytest.raises(ComposerError, match="wachtwoordkluis"):
        smtp_password(MAIL)
