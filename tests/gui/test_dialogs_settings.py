"""Instellingen and Over Brievencomposer: what is saved, what is shown."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel

from composer import __version__
from composer.core.catalogue_editing import user_catalogue_path
from composer.core.catalogues import load_profile
from composer.errors import ComposerError
from composer.gui.dialogs import program_info
from composer.gui.dialogs.about_dialog import AboutDialog
from composer.gui.dialogs.settings_dialog import SettingsDialog
from composer.paths import data_dir
from composer.render.pdf.locate import LibreOfficeMissing
from composer.settings import Settings, load_settings, save_settings, settings_path

LEFT = Qt.MouseButton.LeftButton
REAL_FIND_ENGINE = program_info.find_engine
FAKE_SOFFICE = program_info.EngineInfo(Path("/opt/libreoffice/soffice"), "LibreOffice 7.4.7.2")


@pytest.fixture(autouse=True)
def no_soffice_runs(monkeypatch):
    """Finding LibreOffice runs `soffice --version`; these tests use a stand-in."""
    calls = []

    def find_engine(configured: str = "") -> program_info.EngineInfo:
        calls.append(configured)
        if configured.startswith("/nergens"):
            return program_info.EngineInfo(None, f"Op ‘{configured}’ staat geen programma.")
        return FAKE_SOFFICE

    monkeypatch.setattr(program_info, "find_engine", find_engine)
    return calls


def open_settings(qtbot, library=None) -> SettingsDialog:
    dialog = SettingsDialog(library=library)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def type_into(qtbot, edit, text: str) -> None:
    edit.clear()
    qtbot.keyClicks(edit, text)


def test_settings_round_trip(qtbot, library, tmp_path):
    dialog = open_settings(qtbot, library)
    qtbot.waitUntil(lambda: dialog.programs.engine_label.text().startswith("Gevonden"))
    assert dialog.programs.engine_label.text() == "Gevonden: LibreOffice 7.4.7.2"
    assert 20.0 <= dialog.left_box.value() <= 22.0  # issue 13: the window's left edge
    assert dialog.top_box.value() == 50.0
    assert dialog.left_box.suffix() == " mm"
    type_into(qtbot, dialog.author_edit, "Marieke de Wit")
    type_into(qtbot, dialog.pattern_edit, "KSF/{yy}/{seq:03d}")
    assert dialog.pattern_label.text().startswith("Voorbeeld: KSF/")
    assert dialog.pattern_label.text().endswith("/001")
    dialog.top_box.setValue(48.5)
    qtbot.mouseClick(dialog.programs.find_button, LEFT)
    qtbot.waitUntil(lambda: dialog.programs.soffice_edit.text() == "/opt/libreoffice/soffice")
    database = tmp_path / "gedeeld" / "brieven.sqlite"
    dialog.programs.choose_database = lambda: database
    qtbot.mouseClick(dialog.programs.browse_database_button, LEFT)
    assert dialog.programs.sqlite_radio.isChecked()
    profile = dialog.profile_form.fields
    type_into(qtbot, profile["phone"], "030-1234567")
    type_into(qtbot, profile["address.postcode"], "3941zs")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted, timeout=10000)

    loaded = load_settings()
    assert loaded == dialog.saved
    assert loaded.author == "Marieke de Wit"
    assert loaded.kenmerk_pattern == "KSF/{yy}/{seq:03d}"
    assert loaded.layout == {"brief": {"address_top_mm": 48.5}}  # left: the template's own
    assert loaded.libreoffice_path == "/opt/libreoffice/soffice"
    assert loaded.database_url == f"sqlite:///{database}"
    assert loaded.group_salutation == Settings().group_salutation
    assert settings_path().is_file()
    assert load_profile().phone == "030-1234567"
    assert load_profile().postcode == "3941 ZS"
    stored = json.loads(user_catalogue_path("organisatie").read_text(encoding="utf-8"))
    assert stored["press_contact"]["name"] == "Roel Masselink"  # untouched fields kept
    assert library.catalogue("organisatie") == stored

    # Opened again, the dialog shows what was saved.
    again = open_settings(qtbot)
    assert again.author_edit.text() == "Marieke de Wit"
    assert again.top_box.value() == 48.5
    assert again.programs.sqlite_edit.text() == str(database)


def test_a_pattern_without_seq_is_refused_beside_the_field(qtbot):
    dialog = open_settings(qtbot)
    type_into(qtbot, dialog.pattern_edit, "KSF/{yyyy}")
    assert "het volgnummer {seq} ontbreekt" in dialog.pattern_label.text()
    dialog.tabs.setCurrentIndex(1)
    qtbot.mouseClick(dialog.ok_button, LEFT)
    assert dialog.tabs.currentIndex() == 0
    assert "het volgnummer {seq} ontbreekt" in dialog.message_label.text()
    assert dialog.isVisible()
    assert not settings_path().exists()


def test_postgresql_needs_a_valid_address(qtbot):
    dialog = open_settings(qtbot)
    assert dialog.programs.sqlite_edit.text() == str(data_dir() / "bibliotheek.sqlite")
    assert (
        dialog.programs.note_label.text() == "Na OK opent Brievencomposer de gekozen bibliotheek."
    )
    dialog.programs.postgres_radio.setChecked(True)
    qtbot.mouseClick(dialog.ok_button, LEFT)
    assert dialog.message_label.text().startswith("Vul het adres van de PostgreSQL-server in")
    assert dialog.tabs.currentIndex() == 2
    type_into(qtbot, dialog.programs.postgres_edit, "postgresql://composer@db.example/brieven")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted, timeout=10000)
    assert load_settings().database_url == "postgresql://composer@db.example/brieven"
    assert load_settings().layout == {}
    assert not user_catalogue_path("organisatie").exists()  # profile unchanged: not written


def test_a_chosen_program_that_is_not_there_is_reported(qtbot):
    dialog = open_settings(qtbot)
    dialog.programs.choose_soffice = lambda: Path("/nergens/soffice")
    qtbot.mouseClick(dialog.programs.browse_soffice_button, LEFT)
    qtbot.waitUntil(lambda: "staat geen programma" in dialog.programs.engine_label.text())


def test_a_slow_earlier_look_up_does_not_overwrite_the_newest(qtbot, monkeypatch):
    release = threading.Event()

    def find_engine(configured: str = "") -> program_info.EngineInfo:
        if configured.startswith("/nergens"):
            return program_info.EngineInfo(None, f"Op ‘{configured}’ staat geen programma.")
        release.wait(10)  # the look-up when the dialog opens is the slow one
        return FAKE_SOFFICE

    monkeypatch.setattr(program_info, "find_engine", find_engine)
    dialog = open_settings(qtbot)
    dialog.programs.choose_soffice = lambda: Path("/nergens/soffice")
    qtbot.mouseClick(dialog.programs.browse_soffice_button, LEFT)
    qtbot.waitUntil(lambda: "staat geen programma" in dialog.programs.engine_label.text())
    release.set()
    qtbot.wait(300)  # the slow answer arrives and is dropped
    assert "staat geen programma" in dialog.programs.engine_label.text()
    assert dialog.programs.soffice_edit.text() == "/nergens/soffice"


def test_about_shows_version_engine_and_locations(qtbot):
    dialog = AboutDialog(library_location="/srv/brieven/bibliotheek.sqlite")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.version_label.text() == __version__
    assert dialog.data_label.text() == str(data_dir())
    assert dialog.library_label.text() == "/srv/brieven/bibliotheek.sqlite"
    qtbot.waitUntil(lambda: dialog.engine_label.text() != "LibreOffice wordt gezocht…")
    assert dialog.engine_label.text() == "LibreOffice 7.4.7.2 (/opt/libreoffice/soffice)"


def test_about_says_when_libreoffice_is_missing(qtbot, monkeypatch):
    def missing() -> Path:
        raise LibreOfficeMissing("Composer kan geen PDF maken: LibreOffice is niet gevonden.")

    monkeypatch.setattr(program_info, "find_engine", REAL_FIND_ENGINE)
    monkeypatch.setattr(program_info, "find_soffice", missing)
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.engine_label.text() != "LibreOffice wordt gezocht…")
    assert dialog.engine_label.text() == "LibreOffice niet gevonden"
    assert dialog.library_label.text() == str(data_dir() / "bibliotheek.sqlite")


@pytest.mark.libreoffice
def test_about_names_the_installed_libreoffice(qtbot, soffice, monkeypatch):
    monkeypatch.setattr(program_info, "find_engine", REAL_FIND_ENGINE)
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(
        lambda: dialog.engine_label.text() != "LibreOffice wordt gezocht…", timeout=90000
    )
    assert dialog.engine_label.text().startswith("LibreOffice ")
    assert dialog.engine_label.text() != "LibreOffice niet gevonden"


def test_settings_text_survives_quotes_backslashes_and_line_breaks(tmp_path):
    settings = Settings(
        author='Jan "JJ" de Vries',
        group_salutation="Geachte dames en heren,\nbeste leden,",
        kenmerk_pattern="KSF\\{yyyy}\\{seq}",
        libreoffice_path="C:\\Program Files\\LibreOffice\\program\\soffice.exe",
        layout={"brief": {"address_top_mm": 48}, "eigen sjabloon": {"margin_left_mm": 20.5}},
    )
    path = save_settings(settings, tmp_path / "map" / "settings.toml")
    assert load_settings(path) == Settings(
        author='Jan "JJ" de Vries',
        group_salutation="Geachte dames en heren,\nbeste leden,",
        kenmerk_pattern="KSF\\{yyyy}\\{seq}",
        libreoffice_path="C:\\Program Files\\LibreOffice\\program\\soffice.exe",
        layout={"brief": {"address_top_mm": 48.0}, "eigen sjabloon": {"margin_left_mm": 20.5}},
    )
    assert "[layout.brief]\naddress_top_mm = 48.0" in path.read_text(encoding="utf-8")
    assert list(path.parent.iterdir()) == [path]  # no temp file left behind


def test_a_layout_value_that_is_not_a_number_is_refused(tmp_path):
    with pytest.raises(ComposerError, match=r"‘layout\.brief\.address_top_mm’ moet een getal zijn"):
        save_settings(Settings(layout={"brief": {"address_top_mm": float("nan")}}), tmp_path / "s")
    assert not (tmp_path / "s").exists()


def test_the_language_is_chosen_in_settings(qtbot):
    dialog = open_settings(qtbot)
    box = dialog.findChild(QComboBox, "taal")
    assert box is dialog.language_box
    assert box.accessibleName() == "Taal"
    assert box.currentText() == "Nederlands"
    assert [box.itemText(index) for index in range(box.count())] == ["Nederlands", "English"]
    note = dialog.findChild(QLabel, "taal_uitleg")
    assert note.text() == "Een andere taal geldt vanaf de volgende start van Brievencomposer."
    box.setCurrentIndex(box.findText("English"))
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted, timeout=10000)
    assert dialog.saved is not None and dialog.saved.language == "en"
    assert load_settings().language == "en"
    assert 'language = "en"' in settings_path().read_text(encoding="utf-8")

    # Opened again, the dialog shows the language that was saved.
    again = open_settings(qtbot)
    assert again.language_box.currentText() == "English"


def test_an_unknown_language_in_the_settings_file_is_refused():
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('language = "fr"\n', encoding="utf-8")
    with pytest.raises(ComposerError) as refused:
        load_settings()
    assert refused.value.message == (
        f"Instelling ‘language’ in ‘{path}’ is ‘fr’; kies uit ‘nl’, ‘en’."
    )
