"""Starts the desktop program: QApplication with Dutch standard buttons, then the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from composer import __version__
from composer.gui.main_window import MainWindow


def _install_qt_translations(app: QApplication) -> None:
    """Qt's own Dutch strings for standard dialogs and buttons (Annuleren, Opslaan …)."""
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(QLocale.Language.Dutch), "qtbase", "_", folder):
        app.installTranslator(translator)


def main(letter: Path | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Brievencomposer")
    app.setApplicationVersion(__version__)
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    _install_qt_translations(app)
    window = MainWindow()
    window.show()
    if letter is not None:
        window.open_letter(letter)
    return app.exec()
