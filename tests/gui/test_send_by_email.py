"""Sending from the window for real: a letter to four addressees, approved, sent by e-mail with
a certificate through the send dialog; the messages arrive at a local SMTP server with the
signed PDF of their own addressee, the review panel lists them under "Verzonden aan" and says the
signature is intact; a refused recipient is named in the result window and "Opnieuw proberen"
sends only to them."""

from __future__ import annotations

import copy
import hashlib
import os
from pathlib import Path

import pytest

pytest.importorskip("PySide6")
pytest.importorskip("aiosmtpd")

import keyring
import keyring.core
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget

from composer.app.workspace import Workspace
from composer.core.letterfile import letter_from_dict
from composer.core.statuses import STATUS_SENT
from composer.gui.review_panel import ReviewPanel
from composer.sending.signing import load_signing_key, verify_pdf
from composer.settings import Settings
from tests.review.review_helpers import FakeConverter, approved_letter
from tests.sending.conftest import MemoryKeyring
from tests.sending.pki import ksf_pki
from tests.sending.smtp_server import SMTP_PASSWORD, SMTP_USER, LocalSmtpServer
from tests.storage.storage_helpers import sample_dict

PEOPLE = [  # organisation, form, initials, surname, e-mail
    ("FNV", "mevrouw", "E.", "Heemskerk", "e.heemskerk@fnv.voorbeeld.nl"),
    ("CNV Vakmensen", "heer", "P.", "Bakker", "p.bakker@cnv.voorbeeld.nl"),
    ("De Unie", "mevrouw", "S.", "Jansen", "s.jansen@unie.voorbeeld.nl"),
]


def four_addressee_letter():
    """The sample letter (WFC, de heer N. van Liemt) and three more, each with an e-mail."""
    data = sample_dict()
    first = data["addressees"][0]
    for organisation, form, initials, surname, email in PEOPLE:
        other = copy.deepcopy(first)
        other["organisation"] = organisation
        other["person"].update(form=form, initials=initials, first_name="", infix="")
        other["person"]["surname"] = surname
        other["email"] = email
        data["addressees"].append(other)
    return letter_from_dict(data)


def mail_workspace(review, server, **changes) -> Workspace:
    settings = Settings(
        author="Anna",
        mail_host=server.host,
        mail_port=server.port,
        mail_security="geen",
        mail_sender="info@klantenservicefederatie.nl",
        **changes,
    )
    workspace = Workspace(settings, library=review.library)
    workspace.pdf_engine = FakeConverter
    return workspace


@pytest.fixture
def smtp_server():
    """A local SMTP server that keeps what arrives (tests/sending/smtp_server.py)."""
    server = LocalSmtpServer.start()
    yield server
    server.stop()


@pytest.fixture
def memory_keyring():
    """The password vault in memory: never the real one."""
    previous = getattr(keyring.core, "_keyring_backend", None)
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.core._keyring_backend = previous


@pytest.fixture
def signing_p12() -> tuple[bytes, str]:
    """Roel Masselink's test certificate (PKCS#12) and its password."""
    pki = ksf_pki()
    return pki.p12, pki.password


# The window


@pytest.fixture
def window(qtbot, review, smtp_server, memory_keyring):
    window = QWidget()
    qtbot.addWidget(window)
    window.workspace = mail_workspace(review, smtp_server)
    return window


def make_panel(qtbot, window, review, letter_id) -> ReviewPanel:
    panel = ReviewPanel(window)
    panel.set_author("Anna")
    panel.show_letter(review.library, letter_id)
    qtbot.waitUntil(lambda: panel.status is not None, timeout=5000)
    return panel


def click(qtbot, button) -> None:
    """Click a radio button or check box on its box (a click right of its text misses)."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(6, button.height() // 2))


def send_by_email_with_certificate(qtbot, panel, p12: bytes, password: str):
    """Verzenden… → Per e-mail, PDF ondertekenen (the certificate dialog's answer: the key
    loaded from the test PKCS#12) → Verzenden; returns the result window."""
    qtbot.mouseClick(panel.send_button, Qt.MouseButton.LeftButton)
    dialog = panel.send_dialog
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=5000)
    choices = dialog.choices
    assert choices.email_button.isEnabled()
    click(qtbot, choices.email_button)
    choices.ask_certificate = lambda _parent: load_signing_key(p12, password)
    click(qtbot, choices.sign_box)
    assert choices.channel() == "email"
    assert choices.signer_label.text() == "De PDF wordt ondertekend door Roel Masselink."
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: panel.delivery is not None and panel.delivery.result_dialog is not None,
        timeout=30000,
    )
    return panel.delivery.result_dialog


def received_by(server) -> dict[str, object]:
    return {message["To"].addresses[0].addr_spec: message for message in server.messages}


def test_four_addressees_get_the_signed_letter_by_email_and_the_panel_lists_them(
    qtbot,
    window,
    review,
    smtp_server,
    signing_p12,
):
    letter_id = approved_letter(review, four_addressee_letter())
    panel = make_panel(qtbot, window, review, letter_id)
    result = send_by_email_with_certificate(qtbot, panel, *signing_p12)

    assert (
        result.summary_label.text() == "4 van 4 geadresseerden hebben de brief per e-mail gekregen."
    )
    assert not result.retry_button.isVisibleTo(result)
    assert any("mevrouw E. Heemskerk: verzonden" in line for line in result.lines())
    kenmerk = review.status(letter_id).kenmerk
    assert review.status(letter_id).status == STATUS_SENT
    arrived = received_by(smtp_server)
    emails = ["n.vanliemt@wfc.voorbeeld.nl", *(person[4] for person in PEOPLE)]
    assert sorted(arrived) == sorted(emails)
    register = [row for row in review.library.send_register(letter_id) if row.channel == "email"]
    assert sorted(row.email for row in register) == sorted(emails)
    for row in register:  # each got the signed PDF archived for that addressee
        message = arrived[row.email]
        assert kenmerk in message["Subject"] and message["Message-ID"] == row.message_id
        [attachment] = list(message.iter_attachments())
        assert attachment.get_content_type() == "application/pdf"
        pdf = attachment.get_content()
        assert hashlib.sha256(pdf).hexdigest() == row.attachment_sha256
        assert pdf == (review.library.data_folder / row.attachment).read_bytes()
        check = verify_pdf(pdf)
        assert check.intact and check.signer == "Roel Masselink"
    assert len({row.attachment_sha256 for row in register}) == 4  # four different PDFs

    qtbot.mouseClick(result.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.delivery is None and not panel.sending, timeout=5000)
    qtbot.waitUntil(lambda: any("per e-mail" in line for line in panel.register_box.lines()))
    email_rows = [line for line in panel.register_box.lines() if "per e-mail" in line]
    assert len(email_rows) == 4 and all(line.endswith(": verzonden") for line in email_rows)
    assert any(line.startswith("FNV, mevrouw E. Heemskerk — per e-mail") for line in email_rows)
    box = panel.register_box
    tooltips = [box.list.item(row).toolTip() for row in range(box.list.count())]
    for row in register:
        assert any(f"Bericht-id: {row.message_id}" in tip for tip in tooltips)
    assert not box.retry_button.isVisibleTo(panel)
    qtbot.waitUntil(lambda: box.signature_label.text() != "", timeout=10000)
    assert box.signature_label.text() == "Handtekening: intact, ondertekend door Roel Masselink."


def test_a_refused_recipient_is_named_and_the_retry_sends_only_to_them(
    qtbot,
    window,
    review,
    smtp_server,
    signing_p12,
):
    letter_id = approved_letter(review, four_addressee_letter())
    panel = make_panel(qtbot, window, review, letter_id)
    smtp_server.refuse.add("e.heemskerk@fnv.voorbeeld.nl")
    result = send_by_email_with_certificate(qtbot, panel, *signing_p12)

    assert (
        result.summary_label.text() == "3 van 4 geadresseerden hebben de brief per e-mail gekregen."
    )
    [failed] = [line for line in result.lines() if line.startswith("✗")]
    assert failed.startswith("✗ FNV, mevrouw E. Heemskerk: niet verzonden.")
    assert "e.heemskerk@fnv.voorbeeld.nl" in failed  # the server's refusal, in Dutch
    assert result.retry_button.text() == "&Opnieuw proberen voor 1 geadresseerde"
    assert len(smtp_server.messages) == 3

    smtp_server.refuse.clear()
    qtbot.mouseClick(result.retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.delivery.result_dialog not in (None, result), timeout=30000)
    again = panel.delivery.result_dialog
    assert again.summary_label.text() == "1 van 1 geadresseerde heeft de brief per e-mail gekregen."
    assert len(smtp_server.messages) == 4
    assert smtp_server.messages[-1]["To"].addresses[0].addr_spec == "e.heemskerk@fnv.voorbeeld.nl"
    qtbot.mouseClick(again.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.delivery is None and not panel.sending, timeout=5000)

    def heemskerk() -> list[str]:
        return [line for line in panel.register_box.lines() if "Heemskerk — per e-mail" in line]

    qtbot.waitUntil(lambda: len(heemskerk()) == 2, timeout=5000)
    assert "mislukt: De mailserver weigert het adres" in heemskerk()[0]
    assert heemskerk()[1].endswith(": verzonden")
    assert not panel.register_box.retry_button.isVisibleTo(panel)


def test_the_retry_in_the_panel_after_the_result_window_is_closed(
    qtbot,
    window,
    review,
    smtp_server,
    signing_p12,
):
    letter_id = approved_letter(review, four_addressee_letter())
    panel = make_panel(qtbot, window, review, letter_id)
    smtp_server.refuse.add("p.bakker@cnv.voorbeeld.nl")
    result = send_by_email_with_certificate(qtbot, panel, *signing_p12)
    qtbot.mouseClick(result.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.delivery is None and not panel.sending, timeout=5000)
    button = panel.register_box.retry_button
    qtbot.waitUntil(lambda: button.isVisibleTo(panel), timeout=5000)
    assert button.text() == "&Opnieuw proberen voor 1 geadresseerde"
    smtp_server.refuse.clear()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: panel.delivery is not None and panel.delivery.result_dialog is not None,
        timeout=30000,
    )
    assert [m["To"].addresses[0].addr_spec for m in smtp_server.messages[3:]] == [
        "p.bakker@cnv.voorbeeld.nl"
    ]


def test_a_missing_password_is_asked_and_kept_in_the_vault_only_when_asked(
    qtbot,
    review,
    memory_keyring,
    signing_p12,
):
    server = LocalSmtpServer.start(login=True)
    try:
        window = QWidget()
        qtbot.addWidget(window)
        window.workspace = mail_workspace(review, server, mail_user=SMTP_USER)
        letter_id = approved_letter(review, four_addressee_letter())
        panel = make_panel(qtbot, window, review, letter_id)
        asked: list[str] = []

        def ask(_parent, host, user, problem):
            asked.append(problem)
            return ("fout", False) if len(asked) == 1 else (SMTP_PASSWORD, True)

        panel.ask_password = ask
        result = send_by_email_with_certificate(qtbot, panel, *signing_p12)
        assert asked[0] == ""  # nothing in the vault: asked without a complaint
        assert "weigert de aanmelding" in asked[1]  # the wrong one: asked again, saying why
        assert result.summary_label.text().startswith("4 van 4")
        assert len(server.messages) == 4
        assert list(memory_keyring.passwords.values()) == [SMTP_PASSWORD]
    finally:
        server.stop()


def test_by_email_each_address_shows_and_a_missing_one_in_red(
    qtbot,
    window,
    review,
    signing_p12,
):
    """Also docs/screenshots/verzenden-email.png (with COMPOSER_SCREENSHOTS=1)."""
    letter = four_addressee_letter()
    letter.addressees[3].email = ""
    letter_id = approved_letter(review, letter)
    panel = make_panel(qtbot, window, review, letter_id)
    qtbot.mouseClick(panel.send_button, Qt.MouseButton.LeftButton)
    dialog = panel.send_dialog
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=5000)
    click(qtbot, dialog.choices.email_button)
    dialog.choices.ask_certificate = lambda _parent: load_signing_key(*signing_p12)
    click(qtbot, dialog.choices.sign_box)
    labels = [label.text() for label in dialog.choices.address_labels]
    assert (
        labels[3]
        == "• De Unie, mevrouw S. Jansen: geen e-mailadres (krijgt de brief niet per e-mail)"
    )
    assert "a00000" in dialog.choices.address_labels[3].styleSheet()
    assert labels[0].endswith(": n.vanliemt@wfc.voorbeeld.nl")
    assert dialog.choices.addresses_caption.text() == "Aan 4 geadresseerden:"
    assert not dialog.addressees_label.isVisibleTo(dialog)  # not twice
    assert "mailt dan elke geadresseerde" in dialog.frozen_hint.text()
    if os.environ.get("COMPOSER_SCREENSHOTS") == "1":
        dialog.adjustSize()
        qtbot.wait(100)
        shots = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
        assert dialog.grab().save(str(shots / "verzenden-email.png"))


def test_from_the_main_window(qtbot, review, smtp_server, memory_keyring, signing_p12, open_letter):
    """The same from the program's window: its review panel sends and lists the e-mails."""
    from composer.gui.main_window import MainWindow

    window = MainWindow(mail_workspace(review, smtp_server), preview=QWidget())
    qtbot.addWidget(window)
    window.resize(1500, 950)
    window.show()
    try:
        letter_id = approved_letter(review, four_addressee_letter())
        open_letter(window, letter_id)
        panel = window.review_panel
        qtbot.waitUntil(lambda: panel.letter_id == letter_id and panel.status is not None)
        result = send_by_email_with_certificate(qtbot, panel, *signing_p12)
        assert result.summary_label.text().startswith("4 van 4")
        assert len(smtp_server.messages) == 4
        qtbot.mouseClick(result.close_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: panel.status == STATUS_SENT and not panel.sending)
        box = panel.register_box
        qtbot.waitUntil(lambda: len([ln for ln in box.lines() if "per e-mail" in ln]) == 4)
        assert box.isVisibleTo(window)
        assert window.editor.field("subject").isReadOnly()  # sent: read-only
    finally:
        window.session.close()
