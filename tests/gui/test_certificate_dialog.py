"""Certificaat kiezen: the file and its password are checked before the dialog closes."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit

from composer.gui.dialogs.certificate_dialog import CertificateDialog
from composer.sending.signing import sign_pdf, verify_pdf
from tests.sending.pki import expired_pki, ksf_pki, small_pdf


@pytest.fixture
def p12_file(tmp_path) -> Path:
    path = tmp_path / "directeur.p12"
    path.write_bytes(ksf_pki().p12)
    return path


@pytest.fixture
def dialog(qtbot):
    dialog = CertificateDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _use(qtbot, dialog: CertificateDialog, path: Path, password: str) -> None:
    dialog.choose_file = lambda: path
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    dialog.password_edit.setFocus()
    qtbot.keyClicks(dialog.password_edit, password)
    qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.use_button.isEnabled())


def test_the_password_is_typed_hidden(dialog):
    assert dialog.password_edit.echoMode() == QLineEdit.EchoMode.Password


def test_the_right_password_gives_the_key_and_forgets_the_password(qtbot, dialog, p12_file):
    with qtbot.waitSignal(dialog.finished, timeout=10000):
        _use(qtbot, dialog, p12_file, ksf_pki().password)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.key is not None and dialog.key.signer_name == "Roel Masselink"
    assert dialog.password_edit.text() == ""  # kept nowhere
    assert verify_pdf(sign_pdf(small_pdf(), dialog.key)).signer == "Roel Masselink"


def test_the_visible_signature_is_the_persons_choice(qtbot, dialog, p12_file):
    assert not dialog.visible_box.isChecked()  # invisible unless asked for
    assert dialog.visible_box.text() == "Handtekening ook &zichtbaar op de laatste pagina"
    dialog.visible_box.setChecked(True)
    with qtbot.waitSignal(dialog.finished, timeout=10000):
        _use(qtbot, dialog, p12_file, ksf_pki().password)
    assert dialog.key is not None and dialog.key.visible


def test_a_wrong_password_is_said_beside_the_field(qtbot, dialog, p12_file, message_boxes):
    _use(qtbot, dialog, p12_file, "verkeerd")
    assert dialog.isVisible() and dialog.key is None
    assert dialog.message.text().startswith("Het wachtwoord van het certificaat klopt niet.")
    assert dialog.password_edit.hasFocus() and dialog.password_edit.selectedText() == "verkeerd"
    assert message_boxes == []


def test_a_file_that_is_no_certificate_is_said(qtbot, dialog, tmp_path):
    path = tmp_path / "brief.pdf"
    path.write_bytes(small_pdf())
    _use(qtbot, dialog, path, "x")
    assert dialog.isVisible() and dialog.key is None
    assert "geen certificaat met sleutel" in dialog.message.text()


def test_an_expired_certificate_is_refused(qtbot, dialog, tmp_path):
    path = tmp_path / "oud.p12"
    path.write_bytes(expired_pki().p12)
    _use(qtbot, dialog, path, expired_pki().password)
    assert dialog.key is None
    assert "is verlopen op" in dialog.message.text()


def test_a_missing_file_is_said(qtbot, dialog, tmp_path):
    _use(qtbot, dialog, tmp_path / "weg.p12", "x")
    assert "bestaat niet" in dialog.message.text() and "weg.p12" in dialog.message.text()


def test_without_a_file_the_dialog_asks_for_one(qtbot, dialog):
    qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Kies eerst het certificaatbestand (.p12 of .pfx)."
    assert dialog.isVisible()


def test_cancel_gives_no_key(qtbot, dialog, p12_file):
    dialog.file_edit.setText(str(p12_file))
    qtbot.keyClicks(dialog.password_edit, ksf_pki().password)
    dialog.reject()
    assert dialog.key is None and dialog.password_edit.text() == ""
