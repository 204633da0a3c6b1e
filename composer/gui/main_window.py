"""The main window: library left, editor centre, preview right; history and review as docks."""

from __future__ import annotations

import copy
import gc
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QMessageBox,
    QScrollArea,
    QWidget,
)

from composer.core.statuses import STATUS_SENT
from composer.errors import ComposerError
from composer.gui.changes import LIBRARY, SAVED, STATUS, changes, watch
from composer.gui.editor.blocks_editor import SPARES_AHEAD
from composer.gui.editor.undo_actions import undo_redo_actions
from composer.gui.library_panel import LibraryPanel
from composer.gui.main_window_layout import WindowLayout, fitting_size
from composer.gui.ops import Op
from composer.gui.session import LetterSession, ReadLetter, read_latest
from composer.gui.show_error import show_error
from composer.i18n import N_, _
from composer.settings import Settings

if TYPE_CHECKING:
    from composer.app.workspace import Workspace
    from composer.gui.editor.letter_editor import LetterEditor
    from composer.gui.history_panel import HistoryPanel
    from composer.gui.review_panel import ReviewPanel
    from composer.storage.library import Library

WINDOW_TITLE = N_("Brievencomposer")
READY_MESSAGE = N_("Kies een brief links, of Bestand > Nieuw.")
OPENING_MESSAGE = N_("De bibliotheek wordt geopend…")
PREVIEW_WAITING = N_("Het voorbeeld verschijnt hier zodra er een brief is.")  # = preview.WAITING


AFTER_PAINT_MS = 30  # what can wait until the letter is on the screen (tab order, the panels)
PREPARE_AFTER_MS = 1500  # templates compiled and code imported behind the window


class MainWindow(WindowLayout):
    """The window on a Workspace. Without a library in it, the window shows at once and
    `open_library` fills it in the background."""

    letter_opened = Signal(int)  # open_letter read and showed this letter

    def __init__(
        self,
        workspace: Workspace,
        *,
        preview: QWidget | None = None,
        freeze_after_start: bool = False,
    ):
        super().__init__()
        self.workspace = workspace
        # The program (not a test that makes many windows): once start-up is done, what it made
        # lives as long as the program, and the cycle collector need not look at it again.
        self.freeze_after_start = freeze_after_start
        self._opening = 0  # numbers open_letter's reads: only the last one is shown
        self._tab_order_timer = QTimer(self)
        self._tab_order_timer.setSingleShot(True)
        self._tab_order_timer.setInterval(AFTER_PAINT_MS)
        self._tab_order_timer.timeout.connect(self.order_tabs)
        from composer.app.recent_letters import RecentLetters

        self.recent_letters = RecentLetters()
        self._recent_pool = QThreadPool(self)
        self._recent_pool.setMaxThreadCount(1)
        library, settings = workspace.library, workspace.settings
        self._applied = copy.deepcopy(settings)  # what apply_settings last put into effect
        watch(workspace)
        changes().settings_changed.connect(self._settings_changed)
        self.setWindowTitle(_(WINDOW_TITLE))
        self.setAcceptDrops(True)
        self.resize(fitting_size(self))
        self._fitted = False  # the panels are arranged for the window's size when it first shows
        self.session = LetterSession(library, author=settings.author, workspace=workspace)
        self.library_panel = LibraryPanel()
        self.library_panel.set_library(library)
        self.undo_action, self.redo_action = undo_redo_actions(self.session.undo_stack, self)
        # The editor, like the preview, is built when the library is there (until then nothing
        # can be opened): the window shows sooner.
        self.editor: LetterEditor | None = None
        self.editor_area = QScrollArea()
        self.editor_area.setWidgetResizable(True)
        self.editor_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields inside
        self.editor_area.setWidget(self._placeholder(_(READY_MESSAGE), "briefeditor_leeg"))
        # The real preview (QtPdf, LibreOffice) is built with the library or the first letter:
        # until then a label holds its place, so the window shows sooner.
        self._preview_pending = preview is None
        self.preview = preview if preview is not None else self._preview_placeholder()
        # History and review, too, come with the library; their docks are there from the start.
        self.history_panel: HistoryPanel | None = None
        self.review_panel: ReviewPanel | None = None
        self._build_layout()
        self._build_actions()
        self._build_menus()
        if not self._preview_pending:
            self._add_zoom_to_view_menu()  # a real preview given from the start
        self._connect()
        self._enable_library_actions(library is not None)
        if library is not None:
            self.ensure_panels()
            self.ensure_preview()
        self.statusBar().showMessage(_(READY_MESSAGE) if library else _(OPENING_MESSAGE))
        self.quitting = False  # quit_keeping_drafts: closing without questions

    @property
    def library(self) -> Library | None:
        return self.workspace.library

    @property
    def settings(self) -> Settings:
        return self.workspace.settings

    # Building

    @staticmethod
    def _placeholder(text: str, name: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setMargin(24)
        return label

    def _preview_placeholder(self) -> QWidget:
        return self._placeholder(_(PREVIEW_WAITING), "voorbeeld_leeg")

    def ensure_panels(self) -> LetterEditor:
        """The letter editor in the centre and the history and review docks, built once."""
        if self.history_panel is None or self.review_panel is None:
            from composer.gui.history_panel import HistoryPanel
            from composer.gui.review_panel import ReviewPanel

            self.history_panel = HistoryPanel()
            self.history_panel.set_author(self.settings.author)
            self.history_panel.restored.connect(self._restored)
            self.review_panel = ReviewPanel()
            self.review_panel.set_author(self.settings.author)
            # Until the review panel runs its actions as ops: its changes reach every panel.
            self.review_panel.status_changed.connect(
                lambda letter_id: changes().changed.emit(letter_id, STATUS)
            )
            self.review_panel.copy_made.connect(self.open_letter)  # Kopie maken: open the copy
            self.review_panel.status_read.connect(self._review_status_read)
            for dock, panel in (
                (self.history_dock, self.history_panel),
                (self.review_dock, self.review_panel),
            ):
                placeholder = dock.widget()
                dock.setWidget(panel)
                placeholder.deleteLater()
        if self.editor is None:
            from composer.gui.editor.letter_editor import LetterEditor

            actions = (self.undo_action, self.redo_action)
            self.editor = LetterEditor(self.session, undo_redo=actions)
            self.editor.defer_blocks = True  # opening a letter: two short stalls, not one long
            self.editor_area.setWidget(self.editor)  # the placeholder goes
            self.editor.tab_order_changed.connect(self._tab_order_timer.start)
            self._build_writing_aids()
            self.order_tabs()
            self.edit_menu.addSeparator()  # Word's Ctrl+F and Ctrl+H, in the letter's text
            self.edit_menu.addActions([self.editor.find_action(), self.editor.replace_action()])
            # Once start-up's own work (listing the library, the first letter) is done.
            QTimer.singleShot(PREPARE_AFTER_MS, self, self._prepare_in_background)
        return self.editor

    def _prepare_in_background(self) -> None:
        """What the first letter a person opens would otherwise pay for on the GUI thread's
        time: the templates checked and compiled, the review and comparison code imported,
        the body's first layout done ahead.
        A template that fails is reported when a letter uses it, not now."""

        def prepare(workspace: Workspace) -> None:
            import composer.history.diff  # the history panel's comparison
            import composer.review.service  # noqa: F401  (the review panel's status)

            workspace.prepare_templates()

        def prepared(_none: None) -> None:
            if self.editor is not None:
                self.editor.blocks.make_spares(SPARES_AHEAD)
            if self.freeze_after_start:
                gc.freeze()  # a full collection over it froze the window for ~100 ms

        Op(self, prepare).success(prepared).failure(lambda _error: None).run()

    def ensure_preview(self) -> None:
        """Put the real preview in place of its placeholder (once)."""
        if not self._preview_pending:
            return
        from composer.gui.preview import PreviewPanel

        self._preview_pending = False
        placeholder, self.preview = self.preview, PreviewPanel(workspace=self.workspace)
        self.splitter.replaceWidget(self.splitter.indexOf(placeholder), self.preview)
        placeholder.deleteLater()
        self._add_zoom_to_view_menu()
        self.order_tabs()

    # The library: opened in the background, so the window is there at once

    def open_library(
        self,
        url: str | None,
        *,
        seed: bool = False,
        then: Callable[[list[int]], None] | None = None,
    ) -> Op[tuple[Library, list[int]]]:
        """Open (create, upgrade) the library at `url` without blocking the window, then show it.

        `seed`: an empty library gets the sample letters. `then(seeded ids)` runs once it is
        shown. A library that cannot be opened is reported; Instellingen stays available to
        choose another one.
        """
        self._enable_library_actions(False)
        self.statusBar().showMessage(_(OPENING_MESSAGE))
        self.library_panel.show_placeholder(_(OPENING_MESSAGE))
        author = self.settings.author

        def work(workspace: Workspace) -> tuple[Library, list[int]]:
            from composer.core.validation import prepare
            from composer.dutch.dates import format_date
            from composer.storage.samples import seed_samples

            prepare()  # jsonschema and babel's Dutch calendar: ready before the first keystroke
            format_date(date.today())
            library = workspace.open_library(url or None)  # with the review rules
            try:
                return library, seed_samples(library, author) if seed else []
            except BaseException:
                library.close()
                raise

        def opened(result: tuple[Library, list[int]]) -> None:
            library, seeded = result
            self.attach_library(library)
            if then is not None:
                then(seeded)

        def failed(error: BaseException) -> None:
            if self.library is not None:
                self._enable_library_actions(True)
            message = error.message if isinstance(error, ComposerError) else str(error)
            self.library_panel.show_placeholder(message)
            self.statusBar().showMessage(_("De bibliotheek kon niet worden geopend."))
            if isinstance(error, ComposerError):  # a programming error is raised by the op
                self._report(error)

        return (
            Op(self, work)
            .success(opened)
            .failure(failed)
            .orphaned(lambda result: result[0].close())  # the window closed meanwhile
            .run()
        )

    def attach_library(self, library: Library) -> None:
        """Show `library` (a newly opened one replaces the previous, which is closed)."""
        previous = self.workspace.use_library(library)
        self.session.library = library
        self.ensure_panels().blocks.spelling.reload_word_list()  # this library's word list
        if previous is not None and previous is not library:
            self.session.close()
            self.session.new_from_template("brief")
            self.history_panel.clear()
            previous.close()
        self.library_panel.set_library(library)
        changes().changed.emit(0, LIBRARY)
        self.ensure_preview()
        self._enable_library_actions(True)
        self.statusBar().showMessage(_(READY_MESSAGE))

    def _connect(self) -> None:
        panel = self.library_panel
        panel.letter_activated.connect(self.open_letter)
        panel.letter_duplicated.connect(self.open_letter)  # Dupliceren: the new concept opens
        panel.letter_deleted.connect(self._letter_deleted)
        panel.letter_restored.connect(
            lambda _id: self.statusBar().showMessage(_("Brief teruggezet uit de prullenbak."))
        )
        self.session.changed.connect(self._letter_changed)
        self.session.loaded.connect(self._letter_loaded)
        self.session.saved.connect(self._letter_saved)
        self.session.dirty_changed.connect(lambda _dirty: self._update_title())
        self.session.autosave_failed.connect(self.statusBar().showMessage)

    # Reacting to the session

    def _update_title(self) -> None:
        subject = self.session.letter.subject if self.session.letter else ""
        mark = "*" if self.session.dirty else ""
        name = subject or _("Nieuwe brief")
        self.setWindowTitle(f"{mark}{name} – {_(WINDOW_TITLE)}")

    def _letter_changed(self) -> None:
        self._update_title()
        self._refresh_preview()

    def _letter_loaded(self) -> None:
        self.ensure_panels()
        if self.editor is not None:  # a sent letter cannot change: shown read-only at once
            self.editor.set_read_only(self.session.status == STATUS_SENT)
        if self.statusBar().currentMessage() == _(READY_MESSAGE):
            self.statusBar().clearMessage()  # a letter is chosen: the hint has done its work
        self._update_title()
        self._start_preview()
        letter_id = self.session.letter_id
        self.library_panel.set_open_letter(letter_id)
        if letter_id is not None:
            self.library_panel.select_letter(letter_id)
            # Remembered now, not with the panels: a letter opened and left quickly was opened.
            self._remember_opened(letter_id, self.session.letter.subject)
        # The panels read in workers: started once the letter is on the screen, so their threads
        # do not compete (for the GIL) with filling the editor and painting it.
        QTimer.singleShot(AFTER_PAINT_MS, self, lambda: self._show_panels_for(letter_id))

    def _show_panels_for(self, letter_id: int | None) -> None:
        if letter_id != self.session.letter_id or self.library is None:
            return  # another letter came meanwhile (its own call follows), or the window closed
        if letter_id is not None:
            self.history_panel.show_letter(self.library, letter_id)
        else:
            self.history_panel.clear()
        self.review_panel.show_letter(self.library if letter_id else None, letter_id)

    def _letter_deleted(self, letter_id: int) -> None:
        if letter_id == self.session.letter_id:
            # The open letter went to the prullenbak: unsaved edits stay as its draft (drafts are
            # kept for a letter in the prullenbak); the window starts a new letter.
            self.session.close()
            self.session.new_from_template("brief")
        self.statusBar().showMessage(
            _("Brief naar de prullenbak verplaatst. Terugzetten: Status > Prullenbak.")
        )

    def _letter_saved(self, letter_id: int, version: int) -> None:
        self.ensure_panels()
        self.statusBar().showMessage(_("Opgeslagen als versie {version}.").format(version=version))
        # The panels have refreshed themselves (changes); a new letter's first version makes it
        # the one they show.
        self.library_panel.select_letter(letter_id)
        if self.history_panel.letter_id != letter_id:
            self.history_panel.show_letter(self.library, letter_id)
        if self.review_panel.letter_id != letter_id:
            self.review_panel.show_letter(self.library, letter_id)
        self._update_title()

    def _start_preview(self) -> None:
        """Another letter (opened, new, restored): the previous one's page goes at once."""
        self.ensure_preview()
        start = getattr(self.preview, "start_letter", None)
        if start is not None and self.session.letter is not None:
            start(self.session.letter)

    def print_letter(self) -> None:
        """Ctrl+P: the letter as it is now, through the system's printer dialog."""
        self.ensure_preview()
        print_letter = getattr(self.preview, "print_letter", None)
        if print_letter is not None:
            print_letter()

    def _refresh_preview(self) -> None:
        self.ensure_preview()
        show = getattr(self.preview, "show_letter", None)
        if show is not None and self.session.letter is not None:
            show(self.session.letter)

    def _restored(self, letter_id: int, version: int) -> None:
        self.session.open(letter_id)  # the history panel's op told the other panels (changes)
        self.statusBar().showMessage(_("Hersteld als versie {version}.").format(version=version))

    # Messages

    def _report(self, error: BaseException) -> None:
        show_error(self, error)

    # Letters

    def confirm_discard(self) -> bool:
        """Unsaved changes: save, throw away or stay. True when it is fine to continue."""
        if not self.session.dirty:
            return True
        answer = QMessageBox.question(
            self,
            _(WINDOW_TITLE),
            _("Deze brief heeft wijzigingen die nog niet zijn opgeslagen."),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.session.discard_draft()
            return True
        return False

    def new_letter(self, template: str) -> None:
        if self.confirm_discard():
            self.session.new_from_template(template)

    def open_letter(self, letter_id: int) -> None:
        """Read the letter off the GUI thread (the library may be a server far away), then
        show it; `letter_opened` says when. Of several clicks in a row the last one wins."""
        if letter_id == self.session.letter_id or not self.confirm_discard():
            return
        self._opening += 1
        opening = self._opening

        def read(workspace: Workspace) -> ReadLetter:
            return read_latest(workspace.library, letter_id, workspace.settings)

        def show(read: ReadLetter) -> None:
            if opening == self._opening:
                self.session.show_read(read)
                self.letter_opened.emit(letter_id)

        def failed(error: BaseException) -> None:
            if opening == self._opening:
                self._report(error)

        Op(self, read).success(show).failure(failed).run()

    def _review_status_read(self, letter_id: int, status: str) -> None:
        """A sent letter is shown read-only (its kenmerk and archive are in the review panel)."""
        if self.editor is not None and letter_id == self.session.letter_id:
            self.editor.set_read_only(status == STATUS_SENT)

    def save(self, message: str = "") -> bool:
        """Save a version; saving during a review first says what it does to the review."""
        # Asked of the library, not of the review panel: it may not have read the letter yet.
        letter_id, library = self.session.letter_id, self.library
        if letter_id is not None and library is not None:
            from composer.gui.review_save import confirm_save

            if not confirm_save(self, library, letter_id):
                return False
        try:
            self.session.save(message)
        except ComposerError as exc:
            self._report(exc)
            return False
        return True

    def save_with_message(self) -> bool:
        message, accepted = QInputDialog.getText(
            self, _("Opslaan"), _("Toelichting bij deze versie (mag leeg blijven):")
        )
        return accepted and self.save(message)

    def finalize(self) -> None:
        if self.session.letter_id is None or not self.confirm_discard():
            return
        try:
            kenmerk = self.library.finalize(
                self.session.letter_id,
                author=self.settings.author,
                pattern=self.settings.kenmerk_pattern,
            )
        except ComposerError as exc:
            self._report(exc)
            return
        letter_id = self.session.letter_id
        self.session.open(letter_id)
        changes().changed.emit(letter_id, SAVED)
        self.statusBar().showMessage(_("Kenmerk {kenmerk} toegekend.").format(kenmerk=kenmerk))

    def show_history(self) -> None:
        self.history_dock.show()
        self.history_dock.raise_()

    def _settings_changed(self, workspace: Workspace) -> None:
        if workspace is self.workspace:
            previous, self._applied = self._applied, copy.deepcopy(workspace.settings)
            self.apply_settings(previous)

    def apply_settings(self, previous: Settings) -> None:
        """What changed in Instellingen takes effect now: name, LibreOffice, library."""
        settings = self.settings
        self.session.author = settings.author
        for panel in (self.history_panel, self.review_panel):
            if panel is not None:
                panel.set_author(settings.author)
        if settings.libreoffice_path != previous.libreoffice_path:
            restart = getattr(self.preview, "restart_engine", None)
            if restart is not None:
                restart()
        if settings.database_url != previous.database_url and self.confirm_discard():
            self.open_library(settings.database_url)

    # Closing

    def quit_keeping_drafts(self) -> None:
        """Close without asking (the system asked: SIGTERM, logout); unsaved edits are kept as
        a draft, offered back at the next start."""
        self.quitting = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.quitting and self.review_panel is not None and self.review_panel.sending:
            QMessageBox.information(
                self,
                _(WINDOW_TITLE),
                _("De brief wordt nog verzonden. Sluit het venster als het verzenden klaar is."),
            )
            event.ignore()
            return
        if not self.quitting and not self.confirm_discard():
            event.ignore()
            return
        self.session.close()
        shutdown = getattr(self.preview, "shutdown", None)
        if shutdown is not None:
            shutdown()
        event.accept()
