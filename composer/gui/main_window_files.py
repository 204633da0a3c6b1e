"""The main window's files: opening letter files, exporting, dropping files on the window,
the recently opened letters. MainWindow builds on it (it provides `session`, `library`,
`settings`, `_report` and `open_letter`)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox

from composer.errors import ComposerError
from composer.gui.changes import ADDED, changes
from composer.gui.main_window_menus import WindowMenus
from composer.gui.ops import Op
from composer.i18n import _

if TYPE_CHECKING:
    from composer.core.contact_matching import ImportPlan
    from composer.render.export import ExportResult

ADDRESS_FILES = (".csv", ".xlsx", ".vcf", ".vcard", ".txt")  # not screen text


class WindowFiles(WindowMenus):
    """Files in and out of the window."""

    def _remember_opened(self, letter_id: int, subject: str) -> None:
        """Bestand > Recent geopend; written in the background, one at a time, in order."""
        location = self.library.location
        Op(
            self,
            lambda _workspace: self.recent_letters.add(location, letter_id, subject),
            pool=self._recent_pool,
        ).run()

    def _forget_opened(self, location: str) -> None:
        """Lijst wissen: in the same queue as the writes, so a letter being remembered right now
        does not come back after the list was cleared."""
        Op(
            self, lambda _workspace: self.recent_letters.clear(location), pool=self._recent_pool
        ).run()

    def _fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        library = self.library
        recent = self.recent_letters.list(library.location, library) if library else []
        for number, (letter_id, subject) in enumerate(recent, 1):
            shown = (subject or _("Zonder betreft")).replace("&", "&&")  # a & is not a mnemonic
            action = menu.addAction(f"&{number} {shown}")
            action.triggered.connect(lambda _checked=False, i=letter_id: self.open_letter(i))
        if not recent:
            menu.addAction(_("Nog geen brieven geopend")).setEnabled(False)
        else:
            menu.addSeparator()
            clear = menu.addAction(_("Lijst wissen"))
            clear.triggered.connect(lambda: self._forget_opened(library.location))

    def choose_letter_file(self) -> None:
        from composer.app.last_folders import IMPORT, LastFolders

        folders = LastFolders()
        path, _filter = QFileDialog.getOpenFileName(
            self,
            _("Brief openen"),
            str(folders.get(IMPORT)),
            _("Briefbestanden (*.json);;Alle bestanden (*)"),
        )
        if path:
            folders.remember(IMPORT, Path(path).parent)
            self.import_letter_file(Path(path))

    def import_letter_file(self, path: Path) -> int | None:
        """A letter file becomes a letter in the library (version 1) and is opened."""
        from composer.core.letterfile import load_letter

        try:
            letter_id = self.library.add(
                load_letter(path),
                author=self.settings.author,
                message=_("Ingelezen uit {name}").format(name=path.name),
            )
        except ComposerError as exc:
            self._report(exc)
            return None
        changes().changed.emit(letter_id, ADDED)
        if self.confirm_discard():
            self.session.open(letter_id)
        return letter_id

    # Export and merge

    def choose_export(self, suffix: str) -> None:
        """Word's habit: the dialog starts in the folder used last, with the full name filled in
        (kenmerk and betreft)."""
        from composer.app.export_names import export_file_name
        from composer.app.last_folders import EXPORT, LastFolders

        kind = _("Word-document (*.docx)") if suffix == ".docx" else _("PDF-document (*.pdf)")
        folders = LastFolders()
        suggestion = folders.get(EXPORT) / export_file_name(self.session.letter, suffix)
        path, _filter = QFileDialog.getSaveFileName(self, _("Exporteren"), str(suggestion), kind)
        if path:
            chosen = Path(path)
            if chosen.suffix.lower() != suffix:
                # "Versie 1.2 akkoord" keeps its whole name: .pdf is added, nothing replaced
                chosen = chosen.with_name(chosen.name + suffix)
            folders.remember(EXPORT, chosen.parent)
            self.export(chosen)

    def export(self, path: Path) -> None:
        """In the background: rendering a PDF takes a second or two."""
        letter = copy.deepcopy(self.session.letter)  # typing goes on while it renders
        self.statusBar().showMessage(_("Bezig met exporteren naar {name}…").format(name=path.name))
        Op(self, lambda workspace: workspace.export(letter, path)).success(self._exported).run()

    def _exported(self, result: ExportResult) -> None:
        """Say where the file is; warnings (a character the font lacks, a font this computer
        does not have) in a window, as the preview shows them."""
        self.statusBar().showMessage(_("Geëxporteerd: {path}").format(path=result.path))
        if result.warnings:
            self.export_warning = QMessageBox(
                QMessageBox.Icon.Warning,
                _("Geëxporteerd, met waarschuwingen"),
                _("‘{name}’ is geschreven. Let op:").format(name=result.path.name),
                QMessageBox.StandardButton.Ok,
                self,
            )
            self.export_warning.setObjectName("exportwaarschuwing")
            self.export_warning.setInformativeText("\n\n".join(result.warnings))
            self.export_warning.open()

    def open_merge(self) -> None:
        from composer.gui.dialogs.merge_dialog import MergeDialog

        MergeDialog.run(self, self.session.letter)

    # Drag and drop: a letter file opens, an address list goes to the address book.

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.library is not None and any(
            Path(url.toLocalFile()).suffix.lower() in (".json", *ADDRESS_FILES)
            for url in event.mimeData().urls()
        ):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            self.open_dropped(Path(url.toLocalFile()))
        event.acceptProposedAction()

    def open_dropped(self, path: Path) -> None:
        if path.suffix.lower() == ".json":
            self.import_letter_file(path)
        elif path.suffix.lower() in ADDRESS_FILES:
            from composer.gui.dialogs.address_import_preview import AddressImportPreview
            from composer.merge.sources import read_addressees

            try:
                source = read_addressees(path)
            except ComposerError as exc:
                self._report(exc)
                return
            plan, accepted = AddressImportPreview.run(self, source, path.name)
            if accepted and plan.changes_anything:
                self.add_to_address_book(plan)

    def add_to_address_book(self, plan: ImportPlan) -> None:
        """Imported addressees update the matching contacts and join the address book, in one
        step (one new catalogue version)."""
        from composer.core.catalogue_editing import open_catalogue, save_catalogue
        from composer.core.contact_matching import apply_import
        from composer.gui.dialogs.address_import_preview import window_import_notice

        try:
            document = open_catalogue("adresboek")
            result = apply_import(plan, document.items)
            save_catalogue(document, library=self.library, author=self.settings.author)
        except ComposerError as exc:
            self._report(exc)
            return
        self.statusBar().showMessage(window_import_notice(result))
