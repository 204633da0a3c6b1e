"""Starts the desktop program: Dutch Qt strings, the library (seeded on first start), the window."""

from __future__ import annotations

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
    """The window appears at once; the library opens behind it (it may need a migration)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Brievencomposer")
    app.setApplicationVersion(__version__)
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    _install_qt_translations(app)
    from composer.gui.main_window import MainWindow
    from composer.render.pdf.locate import choose_soffice
    from composer.settings import load_settings

    try:
        settings = load_settings()
    except ComposerError as exc:
        QMessageBox.critical(None, "Brievencomposer", exc.message)
        return 1
    choose_soffice(settings.libreoffice_path)
    window = MainWindow(None, settings)
    window.show()

    def opened(seeded: list[int]) -> None:
        if letter is not None:
            window.import_letter_file(letter)
        elif seeded:
            window.open_letter(seeded[0])
        offer_drafts(window)

    window.open_library(settings.database_url, seed=True, then=opened)
    code = app.exec()
    if window.library is not None:
        window.library.close()
    return code
