"""The send dialog's choices and what follows them: e-mail only with a mail server, .eml files
in a chosen folder, progress with Annuleren between messages, the password asked in a password
field, and what the review panel says of an unsigned PDF."""

from __future__ import annotations

import threading
from email import message_from_bytes, policy

import pytest

pytest.importorskip("PySide6")
pytest.importorskip("aiosmtpd")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from composer.app.workspace import Workspace
from composer.core.statuses import STATUS_APPROVED, STATUS_SENT
from composer.gui import send_work
from composer.gui.review_panel import ReviewPanel
from composer.gui.send_password import PasswordDialog
from composer.settings import Settings
from tests.gui.test_send_by_email import (
    PEOPLE,
    click,
    four_addressee_letter,
    mail_workspace,
    make_panel,
    memory_keyring,  # noqa: F401 (fixture)
    smtp_server,  # noqa: F401 (fixture)
)
from tests.review.review_helpers import FakeConverter, approved_letter


def open_dialog(qtbot, panel):
    qtbot.mouseClick(panel.send_button, Qt.MouseButton.LeftButton)
    dialog = panel.send_dialog
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=5000)
    return dialog


def test_without_a_mail_server_email_is_off_and_says_where_to_set_it(qtbot, review):
    window = QWidget()
    qtbot.addWidget(window)
    window.workspace = Workspace(Settings(author="Anna"), library=review.library)
    window.workspace.pdf_engine = FakeConverter
    letter_id = approved_letter(review, four_addressee_letter())
    panel = make_panel(qtbot, window, review, letter_id)
    dialog = open_dialog(qtbot, panel)
    choices = dialog.choices
    assert not choices.email_button.isEnabled()
    assert choices.no_server_label.isVisibleTo(dialog)
    assert choices.no_server_label.text() == (
        "Per e-mail kan pas als er een mailserver is ingesteld (Extra > Instellingen > E-mail)."
    )
    assert choices.post_button.isChecked() and choices.eml_button.isEnabled()
    assert dialog.send_button.text() == "&Verzenden" and dialog.send_button.isEnabled()
    assert not choices.addresses_box.isVisibleTo(dialog)  # by post: no e-mail addresses
    assert review.status(letter_id).status == STATUS_APPROVED


def test_eml_files_go_into_the_chosen_folder_and_the_panel_lists_them(
    qtbot,
    review,
    smtp_server,  # noqa: F811
    memory_keyring,  # noqa: F811
    tmp_path,
):
    window = QWidget()
    qtbot.addWidget(window)
    window.workspace = mail_workspace(review, smtp_server)
    letter_id = approved_letter(review, four_addressee_letter())
    panel = make_panel(qtbot, window, review, letter_id)
    dialog = open_dialog(qtbot, panel)
    choices = dialog.choices
    choices.ask_folder = lambda _parent: None  # cancelled: still by post, nothing to send yet
    click(qtbot, choices.eml_button)
    assert choices.channel() == "post"
    folder = tmp_path / "uit"
    folder.mkdir()
    choices.ask_folder = lambda _parent: folder
    click(qtbot, choices.eml_button)
    assert choices.channel() == "eml"
    assert choices.folder_label.text() == f"Map: {folder}"
    assert choices.addresses_box.isVisibleTo(dialog)
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: panel.delivery is not None and panel.delivery.result_dialog is not None,
        timeout=30000,
    )
    result = panel.delivery.result_dialog
    assert result.summary_label.text() == (
        "Voor 4 van 4 geadresseerden is een e-mailbestand gemaakt."
    )
    files = sorted(folder.glob("*.eml"))
    assert len(files) == 4 and smtp_server.messages == []
    kenmerk = review.status(letter_id).kenmerk
    for path in files:
        message = message_from_bytes(path.read_bytes(), policy=policy.default)
        assert kenmerk in message["Subject"] and message["X-Unsent"] == "1"
    qtbot.mouseClick(result.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.delivery is None and not panel.sending, timeout=5000)
    qtbot.waitUntil(lambda: any("als .eml-bestand" in line for line in panel.register_box.lines()))
    rows = [line for line in panel.register_box.lines() if "als .eml-bestand" in line]
    assert len(rows) == 4 and all(row.endswith(": verzonden") for row in rows)


def test_progress_names_the_addressee_and_annuleren_stops_before_the_next(
    qtbot,
    review,
    smtp_server,  # noqa: F811
    memory_keyring,  # noqa: F811
    monkeypatch,
):
    """The second message waits in its progress report until Annuleren is clicked: it still
    goes, the third and fourth do not."""
    window = QWidget()
    qtbot.addWidget(window)
    window.workspace = mail_workspace(review, smtp_server)
    letter_id = approved_letter(review, four_addressee_letter())
    panel = make_panel(qtbot, window, review, letter_id)
    clicked = threading.Event()
    real = send_work.deliver_letter

    def held(workspace, letter_id, *, progress, **options):
        def report(done, total, label):
            progress(done, total, label)
            if done == 1:  # message 2 of 4 is about to go
                assert clicked.wait(20)

        return real(workspace, letter_id, progress=report, **options)

    monkeypatch.setattr(send_work, "deliver_letter", held)
    monkeypatch.setattr("composer.gui.send_delivery.deliver_letter", held)
    dialog = open_dialog(qtbot, panel)
    click(qtbot, dialog.choices.email_button)
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: panel.delivery is not None and panel.delivery.progress_dialog is not None
    )
    progress = panel.delivery.progress_dialog
    second = f"{PEOPLE[0][0]}, mevrouw E. Heemskerk"
    qtbot.waitUntil(lambda: progress.label.text() == f"Brief 2 van 4: {second}", timeout=10000)
    assert progress.isVisible() and panel.isEnabled()  # the window goes on working
    qtbot.mouseClick(progress.cancel_button, Qt.MouseButton.LeftButton)
    clicked.set()
    qtbot.waitUntil(lambda: panel.delivery.result_dialog is not None, timeout=20000)
    result = panel.delivery.result_dialog
    assert result.summary_label.text() == (
        "2 van 4 geadresseerden hebben de brief per e-mail gekregen."
    )
    assert len(smtp_server.messages) == 2
    cancelled = [line for line in result.lines() if "geannuleerd" in line]
    assert len(cancelled) == 2
    assert review.status(letter_id).status == STATUS_SENT
    # The two the cancelled round did not reach can still be sent to, and only they.
    assert result.retry_button.isVisible()
    assert result.retry_button.text() == "&Opnieuw proberen voor 2 geadresseerden"
    qtbot.mouseClick(result.retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(smtp_server.messages) == 4, timeout=20000)


def test_the_password_is_typed_in_a_password_field(qtbot):
    dialog = PasswordDialog(None, server="smtp.ksf.nl", user="kantoor", problem="")
    qtbot.addWidget(dialog)
    assert dialog.password_edit.echoMode() == QLineEdit.EchoMode.Password
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.password_edit, "geheim")
    assert dialog.ok_button.isEnabled() and not dialog.keep()
    assert dialog.keep_box.text() == "&Bewaren in de wachtwoordkluis"
    assert not dialog.problem_label.isVisibleTo(dialog)


def test_an_unsigned_sent_letter_says_so_in_the_panel(qtbot, review):
    window = QWidget()
    qtbot.addWidget(window)
    window.workspace = Workspace(Settings(author="Anna"), library=review.library)
    letter_id = approved_letter(review, four_addressee_letter())
    review.send(letter_id, author="Anna", converter=FakeConverter)
    panel = ReviewPanel(window)
    panel.show_letter(review.library, letter_id)
    box = panel.register_box
    qtbot.waitUntil(lambda: box.signature_label.text() != "", timeout=10000)
    assert box.signature_label.text() == "Handtekening: de PDF is niet ondertekend."
    posted = [line for line in box.lines() if "per post" in line]
    assert len(posted) == 4 and not box.retry_button.isVisibleTo(panel)


def test_a_changed_signed_pdf_is_not_called_intact(tmp_path):
    from composer.sending.signing import load_signing_key, sign_pdf
    from tests.pdf.fake_pdfs import pdfa_bytes
    from tests.sending.pki import ksf_pki

    pki = ksf_pki()
    signed = sign_pdf(pdfa_bytes(note="brief"), load_signing_key(pki.p12, pki.password))
    good = tmp_path / "goed.pdf"
    good.write_bytes(signed)
    line = send_work.check_signature(good)
    assert line.good and line.text == "Handtekening: intact, ondertekend door Roel Masselink."
    changed = tmp_path / "gewijzigd.pdf"
    at = signed.index(b"brief")
    changed.write_bytes(signed[:at] + b"BRIEF" + signed[at + 5 :])
    line = send_work.check_signature(changed)
    assert not line.good and not line.text.startswith("Handtekening: intact")
    assert line.text == line.detail and line.text.startswith("De handtekening klopt niet")
