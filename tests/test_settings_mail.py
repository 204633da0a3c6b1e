"""The mail settings in settings.toml, and the MailSettings sending builds from them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from composer.core.catalogues import load_profile
from composer.errors import ComposerError
from composer.sending.mail import mail_settings
from composer.settings import Settings, load_settings, save_settings


def _settings_file(text: str) -> Path:
    path = Path(os.environ["COMPOSER_CONFIG_DIR"]) / "settings.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_mail_settings_survive_saving_and_loading(tmp_path):
    settings = Settings(
        mail_host="smtp.ksf.nl",
        mail_port=465,
        mail_security="ssl",
        mail_user="kantoor@ksf.nl",
        mail_sender="Secretariaat KSF <secretariaat@ksf.nl>",
        mail_cc="archief@ksf.nl, directie@ksf.nl",
        mail_bcc="bcc@ksf.nl",
        layout={"brief": {"address_top_mm": 48.0}},
    )
    path = save_settings(settings, tmp_path / "settings.toml")
    assert load_settings(path) == settings
    text = path.read_text(encoding="utf-8")
    assert 'mail_host = "smtp.ksf.nl"\n' in text
    assert "mail_port = 465\n" in text
    assert text.index("mail_port") < text.index("[layout.brief]")


def test_the_defaults_are_starttls_on_587_without_server():
    settings = load_settings(_settings_file('author = "Roel"\n'))
    assert (settings.mail_host, settings.mail_port, settings.mail_security) == ("", 587, "starttls")


@pytest.mark.parametrize("value", ['"587"', "0", "70000", "true", "587.0"])
def test_a_wrong_port_is_refused_by_name(value):
    path = _settings_file(f"mail_port = {value}\n")
    with pytest.raises(ComposerError) as caught:
        load_settings()
    assert caught.value.message == (
        f"Instelling ‘mail_port’ in ‘{path}’ moet een poortnummer van 1 tot en met 65535 zijn, "
        "zoals 587."
    )


def test_a_wrong_security_is_refused_with_the_choices():
    path = _settings_file('mail_security = "tls"\n')
    with pytest.raises(ComposerError) as caught:
        load_settings()
    assert caught.value.message == (
        f"Instelling ‘mail_security’ in ‘{path}’ is ‘tls’; kies uit ‘starttls’, ‘ssl’, ‘geen’."
    )


def test_saving_refuses_a_wrong_port(tmp_path):
    with pytest.raises(ComposerError, match="De poort van de mailserver moet een getal"):
        save_settings(Settings(mail_port=0), tmp_path / "settings.toml")
    assert not (tmp_path / "settings.toml").exists()


def test_mail_settings_default_to_the_organisation_as_sender():
    mail = mail_settings(
        Settings(mail_host=" smtp.ksf.nl ", mail_cc="a@ksf.nl; b@ksf.nl", mail_bcc=" "),
        load_profile(),
    )
    assert mail.host == "smtp.ksf.nl"
    assert mail.sender == "Klantenservice Federatie <info@klantenservicefederatie.nl>"
    assert mail.cc == ("a@ksf.nl", "b@ksf.nl")
    assert mail.bcc == ()


def test_a_sender_without_name_gets_the_organisation_name():
    profile = load_profile()
    mail = mail_settings(Settings(mail_sender="secretariaat@ksf.nl"), profile)
    assert mail.sender == "Klantenservice Federatie <secretariaat@ksf.nl>"
    mail = mail_settings(Settings(mail_sender="Secretariaat <secretariaat@ksf.nl>"), profile)
    assert mail.sender == "Secretariaat <secretariaat@ksf.nl>"


def test_a_wrong_cc_address_is_named():
    with pytest.raises(ComposerError) as caught:
        mail_settings(Settings(mail_cc="archief@ksf.nl, archief ksf"), load_profile())
    assert caught.value.message == (
        "Kopie aan (cc): ‘archief ksf’ is geen geldig e-mailadres. Gebruik de vorm "
        "naam@voorbeeld.nl."
    )
