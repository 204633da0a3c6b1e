"""The main window's actions, menus and toolbar; MainWindow builds on it."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from composer.i18n import _


class WindowMenus(QMainWindow):
    """Builds the actions and the menus of composer.gui.main_window.MainWindow, which provides the
    handlers (`new_letter`, `save_with_message`, …), the docks and `library_panel`."""

    def _action(self, text: str, handler, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(handler)
        return action

    def _build_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.new_letter_action = self._action(
            _("&Brief"), lambda: self.new_letter("brief"), keys.New
        )
        self.new_letter_action.setIconText(_("Nieuwe brief"))
        self.new_press_action = self._action(
            _("&Persbericht"), lambda: self.new_letter("persbericht")
        )
        self.open_action = self._action(_("&Openen…"), self.choose_letter_file, keys.Open)
        self.save_action = self._action(_("Op&slaan…"), self.save_with_message, keys.Save)
        self.export_docx_action = self._action(
            _("Exporteren als &DOCX…"), lambda: self.choose_export(".docx"), "Ctrl+E"
        )
        self.export_pdf_action = self._action(
            _("Exporteren als &PDF…"), lambda: self.choose_export(".pdf"), "Ctrl+Shift+E"
        )
        self.print_action = self._action(_("Afdru&kken…"), self.print_letter, keys.Print)
        self.print_action.setStatusTip(
            _("De brief afdrukken, precies zoals het voorbeeld hem toont")
        )
        self.merge_action = self._action(_("Samen&voegen…"), self.open_merge, "Ctrl+M")
        self.quit_action = self._action(_("&Afsluiten"), self.close, keys.Quit)
        self.compare_action = self._action(_("&Vergelijken"), self.show_history, "Ctrl+Shift+V")
        self.finalize_action = self._action(_("&Kenmerk toekennen"), self.finalize)
        self.address_book_action = self._action(_("&Adresboek…"), self.open_address_book)
        self.promises_action = self._action(_("&Servicebeloften…"), self.open_promises)
        self.quotes_action = self._action(_("&Citaten van de directeur…"), self.open_quotes)
        self.verify_pdf_action = self._action(
            _("PDF-&handtekening controleren…"), self.open_verify_pdf
        )
        self.verify_pdf_action.setStatusTip(
            _("Nagaan of de handtekening in een PDF intact is en wie hem ondertekende")
        )
        self.settings_action = self._action(
            _("&Instellingen…"), self.open_settings, keys.Preferences
        )
        self.about_action = self._action(_("&Over Brievencomposer"), self.open_about)
        self.log_file_action = self._action(_("&Logbestand openen"), self.open_log_file)
        self.guide_action = self._action(
            _("&Gebruikershandleiding"), self.open_guide, QKeySequence.StandardKey.HelpContents
        )

    def open_guide(self) -> None:
        """The guide shipped with the program, in its own window (one, brought to the front)."""
        from composer.gui.guide_window import GuideWindow

        guide = getattr(self, "guide_window", None)
        if guide is None:
            guide = GuideWindow(self)
            if not guide.load():
                return
            self.guide_window = guide
        guide.show()
        guide.raise_()
        guide.activateWindow()

    def open_verify_pdf(self) -> None:
        """Choose a PDF and see whether its signature is intact and who signed it."""
        from composer.gui.dialogs.verify_pdf_dialog import VerifyPdfDialog

        VerifyPdfDialog.run(self)

    def open_log_file(self) -> None:
        """The log file in the program that shows text; its folder while nothing is logged yet."""
        from composer.logs import log_file

        path = log_file()
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path = path.parent
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _library_actions(self) -> list[QAction]:
        """What needs the library: off while it opens (or when it could not be opened)."""
        return [
            self.new_letter_action,
            self.new_press_action,
            self.open_action,
            self.save_action,
            self.print_action,
            self.merge_action,
            self.compare_action,
            self.finalize_action,
            self.address_book_action,
            self.promises_action,
            self.quotes_action,
        ]

    def _enable_library_actions(self, enabled: bool) -> None:
        for action in self._library_actions():
            action.setEnabled(enabled)
        self.library_panel.setEnabled(enabled)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(_("&Bestand"))
        new_menu = file_menu.addMenu(_("&Nieuw"))
        new_menu.addActions([self.new_letter_action, self.new_press_action])
        file_menu.addAction(self.open_action)
        self.recent_menu = QMenu(_("&Recent geopend"), self)  # the window owns it
        file_menu.addMenu(self.recent_menu)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addAction(self.save_action)
        file_menu.addSeparator()
        file_menu.addActions(
            [self.export_docx_action, self.export_pdf_action, self.print_action, self.merge_action]
        )
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = self.edit_menu = bar.addMenu(_("Be&werken"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        letter_menu = bar.addMenu(_("B&rief"))
        letter_menu.addActions([self.compare_action, self.finalize_action])
        view_menu = self.view_menu = bar.addMenu(_("Bee&ld"))
        view_menu.addActions(
            [
                self.history_dock.toggleViewAction(),
                self.review_dock.toggleViewAction(),
                self.readability_dock.toggleViewAction(),
            ]
        )
        tools_menu = bar.addMenu(_("E&xtra"))
        tools_menu.addActions([self.address_book_action, self.promises_action, self.quotes_action])
        tools_menu.addAction(self.verify_pdf_action)
        tools_menu.addSeparator()
        tools_menu.addAction(self.settings_action)
        help_menu = bar.addMenu(_("&Help"))
        help_menu.addAction(self.guide_action)
        help_menu.addSeparator()
        help_menu.addActions([self.log_file_action, self.about_action])
        toolbar = self.addToolBar(_("Werkbalk"))
        toolbar.setObjectName("werkbalk")
        toolbar.addActions(
            [self.new_letter_action, self.save_action, self.export_pdf_action, self.merge_action]
        )
        toolbar.addSeparator()
        toolbar.addActions([self.undo_action, self.redo_action])
