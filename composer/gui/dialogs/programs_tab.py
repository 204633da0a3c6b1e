"""The settings tab for LibreOffice (found, chosen, its version) and where the library is."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from composer.errors import ComposerError
from composer.gui.dialogs import program_info
from composer.gui.dialogs.common import (
    NewestOnly,
    error_text,
    hint_label,
    push_button,
)
from composer.gui.ops import Op
from composer.i18n import N_, _
from composer.paths import data_dir
from composer.settings import Settings
from composer.storage.engine import DATABASE_URL_VARIABLE, LIBRARY_FILENAME, normalised_url

NEXT_START = N_("Na OK opent Brievencomposer de gekozen bibliotheek.")
SEARCHING = N_("LibreOffice wordt gezocht…")


def standard_library_file() -> Path:
    return data_dir() / LIBRARY_FILENAME


class ProgramsTab(QWidget):
    def __init__(self, settings: Settings, current_library: str | None = None) -> None:
        super().__init__()
        # Replaceable in tests: the file choosers.
        self.choose_soffice: Callable[[], Path | None] = self._ask_soffice
        self.choose_database: Callable[[], Path | None] = self._ask_database
        layout = QVBoxLayout(self)
        layout.addWidget(self._engine_box())
        layout.addWidget(self._library_box(settings, current_library))
        layout.addStretch(1)
        self.soffice_edit.setText(settings.libreoffice_path)
        url = settings.database_url.strip()
        path = program_info.sqlite_path(url) if url else str(standard_library_file())
        self.sqlite_radio.setChecked(path is not None)
        self.postgres_radio.setChecked(path is None)
        self.sqlite_edit.setText(path or "")
        self.postgres_edit.setText("" if path is not None else url)

    def _engine_box(self) -> QGroupBox:
        box = QGroupBox(_("LibreOffice (voor PDF)"))
        grid = QGridLayout(box)
        self.soffice_edit = QLineEdit()
        self.soffice_edit.setObjectName("libreoffice_pad")
        self.soffice_edit.setAccessibleName(_("Pad naar LibreOffice (soffice)"))
        self.soffice_edit.setPlaceholderText(_("Leeg: Brievencomposer zoekt LibreOffice zelf"))
        self.find_button = push_button(_("&Zoeken"), "zoeken")
        self.browse_soffice_button = push_button(_("&Bladeren…"), "libreoffice_bladeren")
        self._look_ups = NewestOnly()  # of the LibreOffice version
        self.engine_label = QLabel("")
        self.engine_label.setObjectName("libreoffice_versie")
        self.engine_label.setWordWrap(True)
        grid.addWidget(QLabel(_("Programma:")), 0, 0)
        grid.addWidget(self.soffice_edit, 0, 1)
        grid.addWidget(self.find_button, 0, 2)
        grid.addWidget(self.browse_soffice_button, 0, 3)
        grid.addWidget(self.engine_label, 1, 1, 1, 3)
        self.find_button.clicked.connect(self.search_engine)
        self.browse_soffice_button.clicked.connect(self._browse_soffice)
        self.soffice_edit.editingFinished.connect(self.look_up_engine)
        return box

    def _library_box(self, settings: Settings, current: str | None) -> QGroupBox:
        box = QGroupBox(_("Bibliotheek (de opgeslagen brieven)"))
        grid = QGridLayout(box)
        self.sqlite_radio = QRadioButton(_("SQLite-bes&tand:"))
        self.sqlite_radio.setObjectName("sqlite")
        self.postgres_radio = QRadioButton(_("&PostgreSQL-server:"))
        self.postgres_radio.setObjectName("postgresql")
        group = QButtonGroup(box)
        group.addButton(self.sqlite_radio)
        group.addButton(self.postgres_radio)
        self.sqlite_edit = QLineEdit()
        self.sqlite_edit.setObjectName("sqlite_bestand")
        self.sqlite_edit.setAccessibleName(_("SQLite-bestand van de bibliotheek"))
        self.browse_database_button = push_button(_("Bla&deren…"), "bibliotheek_bladeren")
        self.postgres_edit = QLineEdit()
        self.postgres_edit.setObjectName("postgresql_adres")
        self.postgres_edit.setAccessibleName(_("Adres van de PostgreSQL-server"))
        self.postgres_edit.setPlaceholderText(_("postgresql://gebruiker@server/bibliotheek"))
        in_use = current or program_info.library_location(settings)
        self.location_label = QLabel(_("Nu in gebruik: {location}").format(location=in_use))
        self.location_label.setObjectName("bibliotheek_nu")
        self.location_label.setWordWrap(True)
        note = _(NEXT_START)
        if os.environ.get(DATABASE_URL_VARIABLE, "").strip():
            overruled = _("Let op: de omgevingsvariabele {variable} gaat voor.")
            note += " " + overruled.format(variable=DATABASE_URL_VARIABLE)
        grid.addWidget(self.sqlite_radio, 0, 0)
        grid.addWidget(self.sqlite_edit, 0, 1)
        grid.addWidget(self.browse_database_button, 0, 2)
        grid.addWidget(self.postgres_radio, 1, 0)
        grid.addWidget(self.postgres_edit, 1, 1, 1, 2)
        grid.addWidget(self.location_label, 2, 0, 1, 3)
        self.note_label = hint_label(note)
        self.note_label.setObjectName("volgende_start")
        grid.addWidget(self.note_label, 3, 0, 1, 3)
        self.browse_database_button.clicked.connect(self._browse_database)
        self.sqlite_edit.textEdited.connect(lambda _text: self.sqlite_radio.setChecked(True))
        self.postgres_edit.textEdited.connect(lambda _text: self.postgres_radio.setChecked(True))
        return box

    # Values

    def libreoffice_path(self) -> str:
        return self.soffice_edit.text().strip()

    def database_url(self) -> str:
        """ "" for the standard file in the data folder, else the chosen file or server."""
        if self.postgres_radio.isChecked():
            return self.postgres_edit.text().strip()
        path = self.sqlite_edit.text().strip()
        if not path or Path(path).expanduser() == standard_library_file():
            return ""
        return program_info.sqlite_url(path)

    def problem(self) -> str:
        url = self.database_url()
        if self.postgres_radio.isChecked() and not url.startswith(("postgresql:", "postgres:")):
            return _(
                "Vul het adres van de PostgreSQL-server in, zoals "
                "postgresql://gebruiker@server/bibliotheek."
            )
        if url:
            try:
                normalised_url(url)
            except ComposerError as exc:
                return exc.message
        return ""

    # LibreOffice

    def look_up_engine(self) -> None:
        """Show the version of the chosen program (or of the one Composer finds)."""
        configured = self.libreoffice_path()
        self._look(lambda: program_info.find_engine(configured), self._engine_found)

    def search_engine(self) -> None:
        """Zoeken: put the program Composer finds itself in the field, with its version."""
        self._look(program_info.find_engine, self._engine_searched)

    def _look(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self.engine_label.setText(_(SEARCHING))
        found, failed = self._look_ups.callbacks(done, self._engine_failed)
        Op(self, lambda _workspace: work()).success(found).failure(failed).run()

    def _engine_searched(self, info: program_info.EngineInfo) -> None:
        if info.path is not None:
            self.soffice_edit.setText(str(info.path))
        self._engine_found(info)

    def _engine_found(self, info: program_info.EngineInfo) -> None:
        found = _("Gevonden: {engine}").format(engine=info.text)
        self.engine_label.setText(info.text if info.path is None else found)

    def _engine_failed(self, error: BaseException) -> None:
        self.engine_label.setText(error_text(error))

    def _ask_soffice(self) -> Path | None:
        name, _filter = QFileDialog.getOpenFileName(self, _("LibreOffice (soffice) kiezen"))
        return Path(name) if name else None

    def _browse_soffice(self) -> None:
        path = self.choose_soffice()
        if path is not None:
            self.soffice_edit.setText(str(path))
            self.look_up_engine()

    def _ask_database(self) -> Path | None:
        name, _filter = QFileDialog.getSaveFileName(
            self,
            _("Bibliotheek kiezen"),
            self.sqlite_edit.text(),
            _("SQLite-bibliotheek (*.sqlite);;Alle bestanden (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        return Path(name) if name else None

    def _browse_database(self) -> None:
        path = self.choose_database()
        if path is not None:
            self.sqlite_edit.setText(str(path))
            self.sqlite_radio.setChecked(True)
