"""The desktop window: open a letter, see the Dutch rules applied, export a DOCX."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from composer.gui.main_window import MainWindow
from tests.docx_reading import body_paragraphs

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "resources" / "samples" / "brief-cao-onderhandelaars.json"
SCREENSHOTS = REPO / "docs" / "screenshots"


@pytest.fixture
def window(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    return window


def test_opening_a_letter_shows_what_composer_derives(window):
    assert not window.export_action.isEnabled()
    assert window.open_letter(SAMPLE)
    assert window.subject_label.text() == (
        "Handreiking aan de onderhandelaars cao Facilitaire Contactcenters"
    )
    assert window.salutation_label.text() == "Geachte heer Van Liemt,"
    assert window.date_label.text() == "Doorn, 17 oktober 2022"
    assert window.address_view.toPlainText().splitlines()[-1] == "1234 AB  VOORBEELDSTAD"
    assert window.export_action.isEnabled()
    assert window.windowTitle() == "brief-cao-onderhandelaars.json – Brievencomposer"
    if os.environ.get("COMPOSER_SCREENSHOTS") == "1":
        window.grab().save(str(SCREENSHOTS / "hoofdvenster.png"))


def test_a_bad_letter_shows_the_message_and_keeps_the_open_one(window, tmp_path):
    window.open_letter(SAMPLE)
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["addressees"][0]["address"]["postcode"] = "25110 AB"
    bad = tmp_path / "fout.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    assert not window.open_letter(bad)
    assert "addressees[0].address.postcode" in window.message_label.text()
    assert "‘25110 AB’" in window.message_label.text()
    assert window.letter_path == SAMPLE
    assert window.salutation_label.text() == "Geachte heer Van Liemt,"


def test_export_writes_the_docx(window, tmp_path):
    window.open_letter(SAMPLE)
    out = tmp_path / "brief"
    assert window.export_docx(out)
    assert "Geachte heer Van Liemt," in body_paragraphs(tmp_path / "brief.docx")
    assert "Geëxporteerd" in window.statusBar().currentMessage()


def test_menu_has_standard_shortcuts(window):
    assert window.open_action.shortcut().toString() == "Ctrl+O"
    assert window.export_action.shortcut().toString() == "Ctrl+E"
