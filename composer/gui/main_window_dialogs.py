"""The main window's dialogs: the address book, the catalogues, Instellingen and Over.
MainWindow builds on it (it provides `library`, `settings`, `workspace` and `_report`)."""

from __future__ import annotations

from composer.errors import ComposerError
from composer.gui.main_window_files import WindowFiles


class WindowDialogs(WindowFiles):
    """Opening the window's dialogs."""

    def open_address_book(self) -> None:
        from composer.gui.dialogs.address_book_dialog import AddressBookDialog

        AddressBookDialog.run(self, library=self.library, author=self.settings.author)

    def open_promises(self) -> None:
        from composer.gui.dialogs.promises_dialog import PromisesDialog

        PromisesDialog.run(self, library=self.library, author=self.settings.author)

    def open_quotes(self) -> None:
        from composer.gui.dialogs.quotes_dialog import QuotesDialog

        QuotesDialog.run(self, library=self.library, author=self.settings.author)

    def open_settings(self) -> None:
        from composer.gui.dialogs.settings_dialog import SettingsDialog

        settings, accepted = SettingsDialog.run(self, self.settings, library=self.library)
        if not accepted or settings is None or settings == self.workspace.settings:
            return  # the dialog saved them through the Workspace: _settings_changed follows
        try:
            self.workspace.update_settings(settings)
        except ComposerError as exc:
            self._report(exc)

    def open_about(self) -> None:
        from composer.gui.dialogs.about_dialog import AboutDialog

        location = self.library.location if self.library is not None else None
        AboutDialog.run(self, library_location=location)
