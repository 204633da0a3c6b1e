"""Starts the desktop program: the screen language, the window, the library behind it (seeded on
first start)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from composer import __version__
from composer.errors import ComposerError
from composer.i18n import _, current_language, set_language

QT_LANGUAGES = {"nl": QLocale.Language.Dutch}  # not screen text (English is Qt's own)


def install_language(app: QApplication, code: str) -> None:
    """The screen in `code` ("nl", "en"): Composer's texts (gettext) and Qt's own strings for
    standard dialogs and buttons (Annuleren, Opslaan …). Before any window is made."""
    set_language(code)
    for old in app.findChildren(QTranslator, "qt-vertaling"):
        app.removeTranslator(old)
        old.deleteLater()
    language = QT_LANGUAGES.get(current_language())
    if language is None:
        return
    translator = QTranslator(app)
    translator.setObjectName("qt-vertaling")
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(language), "qtbase", "_", folder):
        app.installTranslator(translator)


def offer_drafts(window) -> None:
    """After a crash: the drafts that were never saved are offered back, newest first."""
    for draft in window.session.pending_drafts():
        question = _(
            "Er is een concept dat niet is opgeslagen: {description}\nWilt u het terugzetten?"
        )
        answer = QMessageBox.question(
            window,
            _("Concept terugzetten"),
            question.format(description=draft.description),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        if window.quitting:  # the program was asked to quit while asking: keep the draft
            return
        if answer == QMessageBox.StandardButton.Yes:
            window.session.restore_draft(draft.key)
            return
        window.session.discard_draft(draft.key)


def main(letter: Path | None = None) -> int:
    """The window appears at once; the library opens behind it (it may need a migration)."""
    from composer.logs import setup_logging

    setup_logging()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Brievencomposer")
    app.setApplicationVersion(__version__)
    # Dates and numbers in Qt's widgets read the Dutch way, as in the letters.
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    from composer.app.workspace import Workspace
    from composer.gui.main_window import MainWindow

    try:
        workspace = Workspace.load()  # the one reading of settings.toml
    except ComposerError as exc:  # before the language is known: in Dutch
        install_language(app, "nl")
        QMessageBox.critical(None, _("Brievencomposer"), exc.message)
        return 1
    settings = workspace.settings
    install_language(app, settings.language)
    from composer.gui.garbage import MainThreadGarbageCollector

    collector = MainThreadGarbageCollector(app)
    from composer.gui.wheel_guard import install_wheel_guard

    install_wheel_guard(app)  # the wheel scrolls the form; it changes only a focused field
    from composer.gui.excepthook import ExceptionHook

    hook = ExceptionHook(app)  # a programming error: logged, and a Dutch box on the screen
    hook.install()
    window = MainWindow(workspace, freeze_after_start=True)
    from composer.gui.quit_signals import QuitOnSignals

    def quit_on_signal() -> None:
        window.quit_keeping_drafts()
        app.exit(0)  # also ends a dialog that is open (its event loop)

    signals = QuitOnSignals(quit_on_signal)  # SIGTERM, SIGINT: quit, no questions, drafts kept
    signals.install()
    window.show()

    def opened(seeded: list[int]) -> None:
        if letter is not None:
            window.import_letter_file(letter)
        elif seeded:
            window.open_letter(seeded[0])
        offer_drafts(window)

    def open_library() -> None:
        window.open_library(workspace.configured_library_url, seed=True, then=opened)

    from composer.gui.dialogs.name_dialog import ask_name_on_first_start

    # First start: the name first, so not even the sample letters are saved under a login name.
    asking = ask_name_on_first_start(workspace, window)
    if asking is None:
        open_library()
    else:
        asking.finished.connect(lambda _result: open_library())
    code = app.exec()
    signals.uninstall()
    workspace.close()
    collector.stop()
    collector.deleteLater()
    hook.uninstall()
    return code
