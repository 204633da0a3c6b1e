"""Without a mail server: .eml files that open in Outlook or Thunderbird ready to send."""

from __future__ import annotations

import email
from email.policy import default

from composer.sending.mail import build_mail, write_eml
from composer.sending.mail_settings import MailSettings
from tests.sending.mail_letters import KENMERK, four_addressees, pdf_for, profile
from tests.sending.smtp_server import SENDER, body_text

SETTINGS = MailSettings(host="", security="geen", sender=SENDER, bcc=("directie@ksf.nl",))
NAMES = [
    "01 Van Liemt Werkgeversvereniging Facilitaire Contactcenters (WFC).eml",
    "02 Heemskerk FNV.eml",
    "03 Verbeek De Unie.eml",
    "04 CNV Vakmensen.eml",
]


def _mails():
    letter = four_addressees()
    return [
        build_mail(letter, i, pdf_for(i), kenmerk=KENMERK, profile=profile(), mail=SETTINGS)
        for i in range(4)
    ]


def _read(path):
    return email.message_from_bytes(path.read_bytes(), policy=default)


def test_one_eml_per_addressee_ready_to_send(tmp_path):
    folder = tmp_path / "e-mails"
    results = write_eml(_mails(), folder, SETTINGS)
    assert [r.ok for r in results] == [True] * 4
    assert sorted(p.name for p in folder.iterdir()) == NAMES
    assert [r.path.name for r in results] == NAMES
    for index, result in enumerate(results):
        message = _read(result.path)
        assert message["X-Unsent"] == "1"
        assert message["Message-ID"] == result.message_id
        assert message["Bcc"] == "directie@ksf.nl"
        assert message["Subject"].endswith("(ons kenmerk KSF/2022/0147)")
        [attachment] = list(message.iter_attachments())
        assert attachment.get_content() == pdf_for(index)
    assert body_text(_read(results[1].path)).startswith("Geachte mevrouw Heemskerk,\n\n")


def test_an_existing_file_is_never_overwritten(tmp_path):
    (tmp_path / NAMES[0]).write_bytes(b"eerder bestand")
    (tmp_path / NAMES[0].replace(".eml", " (2).eml")).write_bytes(b"nog een")
    results = write_eml(_mails()[:1], tmp_path)
    assert results[0].path.name == NAMES[0].replace(".eml", " (3).eml")
    assert (tmp_path / NAMES[0]).read_bytes() == b"eerder bestand"
    assert _read(results[0].path)["Bcc"] is None  # without the settings: no bcc
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
