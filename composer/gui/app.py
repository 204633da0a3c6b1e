"""Starts the desktop program: Dutch Qt strings, the library (seeded on first start), the window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from composer import __version__
from composer.errors import ComposerError


def _install_qt_translations(app: QApplication) -> None:
    """Qt's own Dutch strings for standard dialogs and buttons (Annuleren, Opslaan …)."""
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(QLocale.Language.Dutch), "qtbase", "_", folder):
        app.installTranslator(translator)


def seed_samples(library, author: str) -> list[int]:
    """An empty library gets the sample letters, so a first start shows something real."""
    from composer.core.letterfile import load_letter
    from composer.paths import resources_dir

    if library.letters(limit=1):
        return []
    return [
        library.add(load_letter(path), author=author, message="Voorbeeldbrief")
        for path in sorted((resources_dir() / "samples").glob("*.json"))
    ]


def offer_drafts(window) -> None:
    """After a crash: the drafts that were never saved are offered back, newest first."""
    for draft in window.session.pending_drafts():
        answer = QMessageBox.question(
            window,
            "Concept terugzetten",
            f"Er is een concept dat niet is opgeslagen: {draft.description}\n"
            "Wilt u het terugzetten?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            window.session.restore_draft(draft.key)
            return
        window.session.discard_draft(draft.key)


def main(letter: Path | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Brievencomposer")
    app.setApplicationVersion(__version__)
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    _install_qt_translations(app)
    from composer.gui.main_window import MainWindow
    from composer.settings import load_settings
    from composer.storage.library import Library

    try:
        settings = load_settings()
        if settings.libreoffice_path and not os.environ.get("COMPOSER_SOFFICE"):
            os.environ["COMPOSER_SOFFICE"] = settings.libreoffice_path
        library = Library.open(settings.database_url or None)
    except ComposerError as exc:
        QMessageBox.critical(None, "Brievencomposer", exc.message)
        return 1
    seeded = seed_samples(library, settings.author)
    window = MainWindow(library, settings)
    window.show()
    if letter is not None:
        window.import_letter_file(letter)
    elif seeded:
        window.open_letter(seeded[0])
    offer_drafts(window)
    code = app.exec()
    library.close()
    return code
