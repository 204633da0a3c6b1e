"""The main window: open a letter file, see what Composer makes of it, export it as DOCX."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QLabel,
    QMainWindow,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from composer.core.letterfile import load_letter
from composer.core.models import Letter
from composer.dutch.addresses import address_lines
from composer.dutch.dates import place_date_line
from composer.dutch.salutations import salutation_for
from composer.errors import ComposerError
from composer.render.docx import write_docx
from composer.settings import load_settings

WINDOW_TITLE = "Brievencomposer"


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.letter: Letter | None = None
        self.letter_path: Path | None = None
        self.setWindowTitle(WINDOW_TITLE)
        self.resize(760, 560)
        self._build_menu()
        self._build_view()
        self.statusBar().showMessage("Open een brief (Bestand > Brief openen…).")

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu("&Bestand")
        self.open_action = QAction("Brief &openen…", self)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self._choose_letter)
        self.export_action = QAction("&Exporteren als DOCX…", self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.setEnabled(False)
        self.export_action.triggered.connect(self._choose_export)
        quit_action = QAction("&Afsluiten", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        menu.addActions([self.open_action, self.export_action])
        menu.addSeparator()
        menu.addAction(quit_action)

    def _build_view(self) -> None:
        central = QWidget(self)
        layout = QVBoxLayout(central)
        form = QFormLayout()
        self.template_label = QLabel("–")
        self.subject_label = QLabel("–")
        self.date_label = QLabel("–")
        self.salutation_label = QLabel("–")
        self.address_view = QPlainTextEdit()
        self.address_view.setReadOnly(True)
        self.address_view.setMaximumHeight(120)
        for label in (self.template_label, self.subject_label, self.salutation_label):
            label.setWordWrap(True)
        form.addRow("Sjabloon:", self.template_label)
        form.addRow("Betreft:", self.subject_label)
        form.addRow("Plaats en datum:", self.date_label)
        form.addRow("Adres:", self.address_view)
        form.addRow("Aanhef:", self.salutation_label)
        layout.addLayout(form)
        self.message_label = QLabel("")
        self.message_label.setObjectName("melding")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet("color: #a00000;")
        layout.addWidget(self.message_label)
        layout.addStretch(1)
        self.setCentralWidget(central)

    def _choose_letter(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Brief openen", "", "Briefbestanden (*.json);;Alle bestanden (*)"
        )
        if path:
            self.open_letter(Path(path))

    def open_letter(self, path: Path) -> bool:
        """Show the letter; on a problem keep the current one and show the message."""
        try:
            letter = load_letter(path)
            addresses = [address_lines(addressee) for addressee in letter.addressees]
        except ComposerError as exc:
            self.message_label.setText(exc.message)
            return False
        self.letter, self.letter_path = letter, Path(path)
        self.message_label.setText("")
        settings = load_settings()
        self.template_label.setText(letter.template)
        self.subject_label.setText(letter.subject)
        self.date_label.setText(place_date_line(letter.place, letter.date))
        self.address_view.setPlainText("\n\n".join("\n".join(lines) for lines in addresses))
        self.salutation_label.setText(
            salutation_for(
                letter.addressees, letter.salutation, group_salutation=settings.group_salutation
            )
        )
        self.export_action.setEnabled(True)
        self.setWindowTitle(f"{Path(path).name} – {WINDOW_TITLE}")
        self.statusBar().showMessage(f"Geopend: {path}")
        return True

    def _choose_export(self) -> None:
        if self.letter is None or self.letter_path is None:
            return
        suggestion = str(self.letter_path.with_suffix(".docx"))
        path, _ = QFileDialog.getSaveFileName(
            self, "Exporteren als DOCX", suggestion, "Word-document (*.docx)"
        )
        if path:
            self.export_docx(Path(path))

    def export_docx(self, out: Path) -> bool:
        if self.letter is None:
            return False
        if out.suffix.lower() != ".docx":
            out = out.with_suffix(".docx")
        try:
            rendered = write_docx(self.letter, out)
        except ComposerError as exc:
            self.message_label.setText(exc.message)
            return False
        self.message_label.setText("\n".join(f"Let op: {w}" for w in rendered.warnings))
        self.statusBar().showMessage(f"Geëxporteerd: {out}")
        return True
