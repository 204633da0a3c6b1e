"""Handtekening controleren: choose a PDF and read who signed it and whether it is intact."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from composer.gui.dialogs.verify_pdf_dialog import VerifyPdfDialog
from composer.sending.signing import load_signing_key, sign_pdf
from tests.sending.pki import ksf_pki, small_pdf


@pytest.fixture(scope="module")
def signed_pdf() -> bytes:
    pki = ksf_pki()
    return sign_pdf(small_pdf(), load_signing_key(pki.p12, pki.password))


@pytest.fixture
def dialog(qtbot):
    dialog = VerifyPdfDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _label(dialog: VerifyPdfDialog, name: str) -> str:
    return dialog.findChild(QLabel, name).text()


def _choose(qtbot, dialog: VerifyPdfDialog, path: Path) -> None:
    dialog.choose_file = lambda: path
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: dialog.check is not None or "leesbaar" in _label(dialog, "samenvatting")
    )


def test_a_signed_pdf_shows_the_signer_and_intact(qtbot, dialog, signed_pdf, tmp_path):
    path = tmp_path / "KSF-2022-0147.pdf"
    path.write_bytes(signed_pdf)
    _choose(qtbot, dialog, path)
    assert dialog.file_edit.text() == str(path)
    summary = _label(dialog, "samenvatting")
    assert summary.startswith("Ondertekend door Roel Masselink op ")
    assert summary.endswith("; de handtekening is intact.")
    assert _label(dialog, "ondertekenaar") == "Roel Masselink"
    assert " om " in _label(dialog, "tijdstip")
    assert _label(dialog, "intact") == "ja"
    assert _label(dialog, "hele_bestand") == "ja"
    assert _label(dialog, "vertrouwd").startswith("niet gecontroleerd")


def test_a_changed_pdf_says_the_signature_does_not_hold(qtbot, dialog, signed_pdf, tmp_path):
    path = tmp_path / "gewijzigd.pdf"
    path.write_bytes(signed_pdf.replace(b"/Helvetica", b"/Helvetico", 1))
    _choose(qtbot, dialog, path)
    assert _label(dialog, "samenvatting") == (
        "De handtekening klopt niet: het bestand is na het ondertekenen gewijzigd."
    )
    assert _label(dialog, "intact") == "nee"


def test_an_unsigned_pdf_says_so_without_details(qtbot, dialog, tmp_path):
    path = tmp_path / "ongetekend.pdf"
    path.write_bytes(small_pdf())
    _choose(qtbot, dialog, path)
    assert _label(dialog, "samenvatting") == "Dit PDF-bestand is niet ondertekend."
    assert _label(dialog, "ondertekenaar") == ""


def test_a_file_that_is_no_pdf_is_said_in_the_dialog(qtbot, dialog, tmp_path, message_boxes):
    path = tmp_path / "notitie.pdf"
    path.write_text("Geen PDF.", encoding="utf-8")
    _choose(qtbot, dialog, path)
    assert _label(dialog, "samenvatting").startswith("Dit bestand is geen leesbaar PDF-bestand")
    assert message_boxes == []  # beside the file, not in a message box


def test_cancelling_the_file_choice_changes_nothing(qtbot, dialog):
    dialog.choose_file = lambda: None
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert dialog.file_edit.text() == "" and _label(dialog, "samenvatting") == ""
