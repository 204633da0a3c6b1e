"""The voorbeeld panel: the letter as the exported PDF, refreshed shortly after typing stops."""

from __future__ import annotations

import copy
import time
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from composer.core.models import Letter
from composer.errors import ComposerError
from composer.gui.ops import Op, workspace_of
from composer.gui.preview_toolbar import PreviewToolbar
from composer.gui.show_error import show_error
from composer.gui.tab_order import chain
from composer.i18n import N_, _
from composer.render.pdf import LibreOfficeMissing
from composer.render.pdf.locate import find_soffice
from composer.render.pdf.warm_office import PreviewEngine, PreviewPdf

if TYPE_CHECKING:
    from composer.app.workspace import Workspace

DEBOUNCE_MS = 250
WAITING = N_("Het voorbeeld verschijnt hier zodra er een brief is.")
UPDATING = N_("Voorbeeld wordt bijgewerkt…")
MAKING = N_("Het voorbeeld wordt gemaakt…")
NOT_YET = N_("Nog geen voorbeeld: zie de melding hieronder.")
PRINT_WAITS = N_("Het voorbeeld wordt bijgewerkt; daarna opent het venster Afdrukken.")
DOCX_STILL_WORKS = N_("DOCX-export werkt wel.")
_ERROR_STYLE = "color: #a00000;"  # not screen text


def missing_text(error: LibreOfficeMissing) -> str:
    """The explanation shown instead of the page when LibreOffice cannot be found."""
    return _(
        "Geen voorbeeld: daarvoor is LibreOffice nodig.\n\n{message}\n\n{docx_still_works}"
    ).format(message=error.explanation.rstrip(), docx_still_works=_(DOCX_STILL_WORKS))


class PreviewPanel(QWidget):
    """Shows the letter rendered by the export's own engine (DOCX → LibreOffice → PDF/A).

    `show_letter()` may be called on every keystroke: the refresh starts DEBOUNCE_MS after the
    last call, runs in the background, one conversion at a time; a newer letter supersedes an
    older one, and a result that is no longer the newest is dropped. `start_letter()` is for
    another letter (opened, new, restored): the old page goes at once. `print_letter()` prints
    the PDF of the letter as it is now, never an older page."""

    refresh_started = Signal()  # the debounce fired: typing stopped, a refresh begins or waits
    refreshed = Signal()  # a new page is shown
    failed = Signal(str)  # the Dutch message now in the status line
    print_finished = Signal(bool)  # print_letter() is done: True when it was printed

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        engine: PreviewEngine | None = None,
        workspace: Workspace | None = None,
    ):
        super().__init__(parent)
        # Its settings: the LibreOffice chosen and, at every refresh, layout and aanhef.
        # None: the window's it is in (or, on its own, the settings file's).
        self.workspace = workspace
        self.setObjectName("voorbeeld")
        self.setAccessibleName(_("Voorbeeld"))
        self._letter: Letter | None = None
        self._generation = 0  # the newest request; results of older ones are dropped
        self._running: int | None = None  # the generation being rendered
        self._queued = False
        self._pdf: bytes | None = None  # the PDF on screen and its generation
        self._pdf_generation = -1
        self._print_pending = False
        self._closed = False
        self._buffer: QBuffer | None = None
        self.missing: LibreOfficeMissing | None = None
        self.engine = engine
        if engine is None:
            try:
                self.engine = self._new_engine()
            except LibreOfficeMissing as exc:
                self.missing = exc
        self._build()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._typing_stopped)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        if self.missing is not None:
            self._show_missing(self.missing)

    def _build(self) -> None:
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("voorbeeld_pagina")
        self.view.setAccessibleName(_("Voorbeeld van de brief"))
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # scroll with the keyboard
        self.toolbar = PreviewToolbar(self.view, self)
        self.addActions(self.toolbar.actions_for_shortcuts)  # Ctrl++, PgDn… in the panel
        self.placeholder = self._text_page("voorbeeld_leeg", _(WAITING))
        self.explanation = self._text_page("voorbeeld_uitleg", "")
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.pages = QStackedWidget(self)
        for page in (self.placeholder, self.view, self.explanation):
            self.pages.addWidget(page)
        self.status_label = QLabel("", self)
        self.status_label.setObjectName("voorbeeld_status")
        self.status_label.setAccessibleName(_("Status van het voorbeeld"))
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label.setContentsMargins(6, 3, 6, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.status_label)
        chain([*self.toolbar.buttons, self.view])  # Tab: the bar, then the page

    def _text_page(self, name: str, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName(name)
        label.setAccessibleName(_("Uitleg bij het voorbeeld"))
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setMargin(24)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    # -- what others call -------------------------------------------------------------------

    @property
    def available(self) -> bool:
        """False when LibreOffice is missing: the panel then explains how to get it."""
        return self.missing is None and self.engine is not None

    @property
    def conversions(self) -> int:
        return self.engine.conversions if self.engine is not None else 0

    def show_letter(self, letter: Letter) -> None:
        """Refresh the voorbeeld for `letter` shortly after the last call (cheap to call often)."""
        if self._closed or not self.available:
            return
        self._letter = copy.deepcopy(letter)  # the editor may change it while a worker renders
        self._generation += 1
        self._timer.start()

    def start_letter(self, letter: Letter) -> None:
        """Another letter is shown (opened, new, restored): the previous letter's page goes at
        once, whatever is still being made for it is dropped, and `letter` is made now."""
        if self._closed or not self.available:
            return
        self._letter = copy.deepcopy(letter)
        self._generation += 1
        if self._print_pending:  # the print asked for the previous letter: not this one
            self._print_pending = False
            self.print_finished.emit(False)
        self._forget_pdf()
        self.placeholder.setText(_(MAKING))
        self.pages.setCurrentWidget(self.placeholder)
        self._refresh_now()

    @property
    def up_to_date(self) -> bool:
        """The page shown is the newest letter's (printing it prints the letter as it is)."""
        return self._pdf is not None and self._pdf_generation == self._generation

    def print_letter(self) -> None:
        """Print the letter as it is now (Ctrl+P) through the system's printer dialog: the
        voorbeeld's PDF when it is up to date, else when the refresh that makes it is done."""
        if self._closed:
            return
        if not self.available or self._letter is None:
            message = _("Er is nog geen brief om af te drukken. Open of maak eerst een brief.")
            if self.missing is not None:
                message = _(
                    "Afdrukken kan niet: daarvoor is LibreOffice nodig. In het voorbeeld staat "
                    "hoe u het installeert."
                )
            show_error(self, ComposerError(message))
            self.print_finished.emit(False)
            return
        if self.up_to_date:
            self._print_now()
            return
        if not self._print_pending:
            self._print_pending = True
            self._refresh_now()
            self._set_status(_(PRINT_WAITS))

    def restart_engine(self) -> None:
        """Another LibreOffice was chosen in Instellingen: the next refresh uses it."""
        if self._closed:
            return
        old, self.engine, self.missing = self.engine, None, None
        if old is not None:
            old.close()
        self._generation += 1  # whatever the old engine still delivers is dropped
        try:
            self.engine = self._new_engine()
        except LibreOfficeMissing as exc:
            self._show_missing(exc)
            return
        if self.pages.currentWidget() is self.explanation:
            self.pages.setCurrentWidget(self.placeholder)
            self._set_status("")
        if self._letter is not None:
            self._timer.start()

    def shutdown(self) -> None:
        """Stop LibreOffice and drop what is still running; called on close and on quit."""
        if self._closed:
            return
        self._closed = True
        self._print_pending = False
        self._timer.stop()
        if self.engine is not None:
            self.engine.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def _new_engine(self) -> PreviewEngine:
        """A warm LibreOffice: the one chosen in the settings, else the one found."""
        try:
            chosen = (self.workspace or workspace_of(self)).settings.libreoffice_path
        except ComposerError:  # an unreadable settings file (a panel on its own): look for it
            chosen = ""
        return PreviewEngine(find_soffice(chosen))

    # -- the refresh cycle ------------------------------------------------------------------

    def _typing_stopped(self) -> None:
        self.refresh_started.emit()
        if self._running is not None:
            self._queued = True  # the newest letter goes when the running conversion is done
        else:
            self._start()

    def _refresh_now(self) -> None:
        """Make the newest letter's page without waiting for typing to stop."""
        self._timer.stop()
        if self._running == self._generation:
            return  # it is being made
        self._typing_stopped()

    def _start(self) -> None:
        engine, letter, generation = self.engine, self._letter, self._generation
        if engine is None or letter is None or self._closed:
            return
        self._running, self._queued = generation, False
        self._set_status(_(PRINT_WAITS if self._print_pending else UPDATING))
        Op(
            self,
            lambda workspace: engine.render(letter, workspace.settings),
            workspace=self.workspace,
        ).success(partial(self._rendered, generation)).failure(
            partial(self._render_failed, generation)
        ).run()

    def _finished(self) -> None:
        self._running = None
        if self._queued and not self._timer.isActive() and not self._closed:
            self._start()

    def _rendered(self, generation: int, pdf: PreviewPdf) -> None:
        if not self._closed and generation == self._generation:
            self._show_pdf(pdf)
        self._finished()

    def _render_failed(self, generation: int, error: BaseException) -> None:
        try:
            if self._closed or generation != self._generation:
                return
            if self.pages.currentWidget() is self.placeholder:
                self.placeholder.setText(_(NOT_YET))  # no page of this letter yet
            if self._print_pending:
                self._print_pending = False
                self._print_failed(error)
            if isinstance(error, LibreOfficeMissing):
                self._show_missing(error)
            elif isinstance(error, ComposerError):
                self._show_error(error.message)
            else:  # a programming error: the op raises it (loud in tests, logged and shown)
                self._show_error(
                    _("Het voorbeeld kon niet worden gemaakt door een fout in Composer.")
                )
        finally:
            self._finished()

    # -- what the user sees -----------------------------------------------------------------

    def _show_pdf(self, pdf: PreviewPdf) -> None:
        another_letter = self._pdf is None  # start_letter() or the first page: from the top
        scrolled = self.view.verticalScrollBar().value()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(pdf.data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)  # closes the previous PDF: its buffer may go now
        previous, self._buffer = self._buffer, buffer
        if previous is not None:
            previous.close()
            previous.deleteLater()
        if self.document.status() != QPdfDocument.Status.Ready:
            self._forget_pdf()
            message = _("LibreOffice maakte een PDF die het voorbeeld niet kan tonen.")
            if self._print_pending:
                self._print_pending = False
                self._print_failed(ComposerError(message))
            self._show_error(message)
            return
        self._pdf, self._pdf_generation = pdf.data, self._generation
        self.pages.setCurrentWidget(self.view)
        if another_letter:
            self.toolbar.go_to_page(0)
        else:
            self.view.verticalScrollBar().setValue(scrolled)  # stay where the user was reading
        lines = [_("Voorbeeld bijgewerkt om {time}").format(time=time.strftime("%H:%M:%S"))]
        lines += [_("Let op: {warning}").format(warning=warning) for warning in pdf.warnings]
        self._set_status("\n".join(lines))
        self.refreshed.emit()
        if self._print_pending:  # the printer dialog opens once this refresh has finished
            self._print_pending = False
            QTimer.singleShot(0, self, self.print_letter)

    def _forget_pdf(self) -> None:
        """No page on screen and none to print (another letter is coming)."""
        self._pdf, self._pdf_generation = None, -1
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
            self._buffer = None
        if self.pages.currentWidget() is self.view:
            self.pages.setCurrentWidget(self.placeholder)

    # -- printing ---------------------------------------------------------------------------

    def _print_now(self) -> None:
        from composer.gui.print_pdf import print_pdf  # QtPrintSupport: loaded when printing

        pdf, letter = self._pdf, self._letter
        assert pdf is not None and letter is not None
        title = letter.subject.strip() or _("Brief")
        printed = print_pdf(self, pdf, title)
        if printed:
            self._set_status(_("De brief is naar de printer gestuurd."))
        self.print_finished.emit(printed)

    def _print_failed(self, error: BaseException) -> None:
        reason = error.message if isinstance(error, ComposerError) else ""
        message = _("Afdrukken kan niet: het voorbeeld van de brief kon niet worden gemaakt.")
        if reason:
            message = f"{message}\n\n{reason}"
        show_error(self, ComposerError(message, getattr(error, "remedy", None)))
        self.print_finished.emit(False)

    def _show_error(self, message: str) -> None:
        """The message under the page; the last good page stays visible."""
        self._set_status(message, error=True)
        self.failed.emit(message)

    def _show_missing(self, error: LibreOfficeMissing) -> None:
        self.missing = error
        self.explanation.setText(missing_text(error))
        self.pages.setCurrentWidget(self.explanation)
        status = _("Geen voorbeeld: LibreOffice ontbreekt. {docx_still_works}").format(
            docx_still_works=_(DOCX_STILL_WORKS)
        )
        self._set_status(status, error=True)

    def _set_status(self, text: str, *, error: bool = False) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet(_ERROR_STYLE if error else "")
