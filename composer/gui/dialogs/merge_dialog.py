"""Samenvoegen naar afzonderlijke brieven: pick addressees, check them, merge in the background."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from composer.app.last_folders import IMPORT, MERGE, LastFolders
from composer.core.models import Letter
from composer.errors import ComposerError
from composer.gui.dialogs.common import (
    ADDRESS_LIST_FILTER,
    GOOD_STYLE,
    add_button,
    error_text,
    message_label,
    push_button,
)
from composer.gui.dialogs.merge_summary import merge_summary, progress_text
from composer.gui.dialogs.rows_table import (
    AddresseeRowsTable,
    RowView,
    count_text,
    view_of_merge_row,
    view_of_source_row,
)
from composer.gui.ops import Op, workspace_of
from composer.i18n import N_, _
from composer.merge.rows import MergeRow, rows_from_letter
from composer.merge.service import MergeOptions, MergeReport, mark_unfit_rows, run_merge
from composer.merge.sources import AddresseeList, read_addressees
from composer.render.pdf.cancel import CancelToken

if TYPE_CHECKING:
    from composer.app.workspace import Workspace

TITLE = N_("Samenvoegen naar afzonderlijke brieven")
STOPPING = N_("{progress} · wordt afgebroken…")


class _ProgressRelay(QObject):
    """Lives in the GUI thread; the merge (worker thread) emits, the dialog receives (queued)."""

    progressed = Signal(str, int, int)


def rows_of_list(source: AddresseeList) -> tuple[list[MergeRow], list[RowView]]:
    """What to merge and what to show, from one reading of an addressee list."""
    merge_rows, views = [], []
    for row in source.rows:
        if row.valid:
            merge_rows.append(MergeRow(row.label, row.addressee()))
        else:
            merge_rows.append(MergeRow(row.label, None, row.messages()))
        views.append(view_of_source_row(row))
    return merge_rows, views


class MergeDialog(QDialog):
    def __init__(self, letter: Letter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.letter = letter
        self.rows: list[MergeRow] = []
        self.report: MergeReport | None = None
        self.cancel_token: CancelToken | None = None
        self.running = False
        self._reading = False
        self._close_when_done = False
        self.out_dir: Path | None = None
        # Replaceable in tests: the file and folder choosers and the file manager.
        self.choose_file: Callable[[], Path | None] = self._ask_file
        self.choose_folder: Callable[[], Path | None] = self._ask_folder
        self.open_folder: Callable[[Path], object] = lambda path: QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(path))
        )
        self._relay = _ProgressRelay(self)
        self._relay.progressed.connect(self._show_progress)
        self.setObjectName("samenvoegen")
        self.setWindowTitle(_(TITLE))
        self.resize(820, 640)
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_source())
        layout.addWidget(self._build_options())
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("voortgang")
        self.progress_bar.setAccessibleName(_("Voortgang van het samenvoegen"))
        self.progress_bar.setTextVisible(True)
        self.progress_bar.setFormat(_("Nog niet gestart"))
        self.progress_bar.setValue(0)
        layout.addWidget(self.progress_bar)
        self.summary_label = message_label("samenvatting", GOOD_STYLE, spoken=_("Samenvatting"))
        self.message_label = message_label("melding")
        layout.addWidget(self.summary_label)
        layout.addWidget(self.message_label)
        layout.addWidget(self._build_buttons())
        self.use_letter()

    @classmethod
    def run(
        cls, parent: QWidget | None, letter: Letter, out_dir: Path | None = None
    ) -> tuple[MergeReport | None, bool]:
        """The report of the last merge run in the dialog, and whether one ran at all."""
        dialog = cls(letter, parent)
        if out_dir is not None:
            dialog.folder_edit.setText(str(out_dir))
        dialog.exec()
        report = dialog.report
        dialog.deleteLater()
        return report, report is not None

    # Building

    def _build_source(self) -> QGroupBox:
        box = QGroupBox(_("Geadresseerden"))
        grid = QGridLayout(box)
        count = len(self.letter.addressees)
        self.letter_radio = QRadioButton(_("Die van de &brief ({count})").format(count=count))
        self.letter_radio.setObjectName("uit_brief")
        self.file_radio = QRadioButton(_("&Uit een bestand (CSV, Excel, vCard):"))
        self.file_radio.setObjectName("uit_bestand")
        group = QButtonGroup(self)
        group.addButton(self.letter_radio)
        group.addButton(self.file_radio)
        self.file_edit = QLineEdit()
        self.file_edit.setObjectName("adressenlijst")
        self.file_edit.setAccessibleName(_("Adressenlijst"))
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(_("Nog geen bestand gekozen"))
        self.file_button = push_button(_("&Kiezen…"), "bestand_kiezen")
        self.table = AddresseeRowsTable()
        self.count_label = QLabel("")
        self.count_label.setObjectName("telling")
        self.warning_label = message_label("waarschuwingen", spoken=_("Waarschuwingen"))
        grid.addWidget(self.letter_radio, 0, 0, 1, 3)
        grid.addWidget(self.file_radio, 1, 0)
        grid.addWidget(self.file_edit, 1, 1)
        grid.addWidget(self.file_button, 1, 2)
        grid.addWidget(self.table, 2, 0, 1, 3)
        grid.addWidget(self.count_label, 3, 0, 1, 3)
        grid.addWidget(self.warning_label, 4, 0, 1, 3)
        self.letter_radio.clicked.connect(self.use_letter)
        self.file_radio.clicked.connect(self._pick_file)
        self.file_button.clicked.connect(self._pick_file)
        return box

    def _build_options(self) -> QGroupBox:
        box = QGroupBox(_("Uitvoer"))
        grid = QGridLayout(box)
        self.docx_check = QCheckBox("&DOCX")  # not screen text: a format name
        self.docx_check.setObjectName("docx")
        self.docx_check.setChecked(True)
        self.pdf_check = QCheckBox("&PDF")  # not screen text: a format name
        self.pdf_check.setObjectName("pdf")
        self.combined_check = QCheckBox(_("Ook één PDF met alle b&rieven"))
        self.combined_check.setObjectName("alle_brieven")
        self.duplex_check = QCheckBox(_("Lege pagina’s invoegen voor dubbel&zijdig afdrukken"))
        self.duplex_check.setObjectName("dubbelzijdig")
        self.duplex_check.setToolTip(
            _(
                "Na een brief met een oneven aantal pagina’s komt een lege pagina, zodat elke "
                "brief op een voorkant begint."
            )
        )
        self.duplex_check.setEnabled(False)  # only for the combined PDF
        self.combined_check.toggled.connect(self.duplex_check.setEnabled)
        self.skip_check = QCheckBox(_("&Ongeldige overslaan"))
        self.skip_check.setObjectName("ongeldige_overslaan")
        self.force_check = QCheckBox(_("Bestaande bestanden o&verschrijven"))
        self.force_check.setObjectName("overschrijven")
        formats = QHBoxLayout()
        formats.addWidget(self.docx_check)
        formats.addWidget(self.pdf_check)
        formats.addStretch(1)
        grid.addWidget(QLabel(_("Formaten:")), 0, 0)
        grid.addLayout(formats, 0, 1, 1, 2)
        grid.addWidget(self.combined_check, 1, 1, 1, 2)
        duplex = QHBoxLayout()
        duplex.addSpacing(24)  # under the combined PDF, which it belongs to
        duplex.addWidget(self.duplex_check)
        grid.addLayout(duplex, 2, 1, 1, 2)
        grid.addWidget(self.skip_check, 3, 1, 1, 2)
        grid.addWidget(self.force_check, 4, 1, 1, 2)
        folder_label = QLabel(_("&Map:"))
        self.folder_edit = QLineEdit()
        self.folder_edit.setObjectName("map")
        self.folder_edit.setAccessibleName(_("Map voor de brieven"))
        self.folder_edit.setPlaceholderText(_("De map waarin de brieven komen"))
        folder_label.setBuddy(self.folder_edit)
        self.folder_button = push_button(_("K&iezen…"), "map_kiezen")
        self.folder_button.clicked.connect(self._pick_folder)
        grid.addWidget(folder_label, 5, 0)
        grid.addWidget(self.folder_edit, 5, 1)
        grid.addWidget(self.folder_button, 5, 2)
        return box

    def _build_buttons(self) -> QDialogButtonBox:
        box = QDialogButtonBox()
        role = QDialogButtonBox.ButtonRole
        self.open_button = add_button(box, _("Map op&enen"), role.ActionRole, "map_openen")
        self.start_button = add_button(box, _("&Starten"), role.ActionRole, "starten")
        self.cancel_button = add_button(box, _("&Annuleren"), role.ActionRole, "annuleren")
        self.close_button = add_button(box, _("S&luiten"), role.RejectRole, "sluiten")
        self.open_button.setEnabled(False)
        self.cancel_button.setEnabled(False)
        self.start_button.setDefault(True)
        self.open_button.clicked.connect(self._open_folder)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)
        return box

    # Addressees

    def _show_rows(self, rows: list[MergeRow], views: list[RowView], warnings: list[str]) -> None:
        self._mark_unfit(rows, views)
        self.rows = rows
        self.table.show_rows(views)
        self.count_label.setText(count_text(views))
        self.warning_label.setText(
            "\n".join(_("Let op: {warning}").format(warning=warning) for warning in warnings)
        )
        self._update_buttons()

    def _mark_unfit(self, rows: list[MergeRow], views: list[RowView]) -> None:
        """Addresses that would not fit the envelope's window are problems of their row before
        the merge starts, as the merge itself will find them."""
        before = [len(row.problems) for row in rows]
        try:
            mark_unfit_rows(self.letter, rows, workspace_of(self).settings)
        except ComposerError:
            return  # the template cannot be read: the merge says why
        views_by_label = {view.label: view for view in views}
        for row, count in zip(rows, before, strict=True):
            view = views_by_label.get(row.label)
            if view is not None:
                view.problems.extend(row.problems[count:])

    def use_letter(self) -> None:
        self.letter_radio.setChecked(True)
        self.message_label.setText("")
        rows = rows_from_letter(self.letter)
        self._show_rows(rows, [view_of_merge_row(row) for row in rows], [])

    def _ask_file(self) -> Path | None:
        folders = LastFolders()
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Adressenlijst kiezen"), str(folders.get(IMPORT)), _(ADDRESS_LIST_FILTER)
        )
        if not name:
            return None
        folders.remember(IMPORT, Path(name).parent)
        return Path(name)

    def _pick_file(self) -> None:
        path = self.choose_file()
        if path is None:  # cancelled: back to what was shown before
            if self.file_edit.text():
                self.load_file(Path(self.file_edit.text()))
            else:
                self.use_letter()
            return
        self.load_file(path)

    def load_file(self, path: Path) -> None:
        """Read the list in the background; the table shows every row with its problems."""
        self.file_radio.setChecked(True)
        self.file_edit.setText(str(path))
        self.message_label.setText("")
        self.count_label.setText(_("‘{name}’ wordt gelezen…").format(name=path.name))
        self._show_rows([], [], [])
        self._reading = True
        self._update_buttons()
        Op(self, lambda _workspace: read_addressees(path)).success(self._list_read).failure(
            self._read_failed
        ).run()

    def _list_read(self, source: AddresseeList) -> None:
        self._reading = False
        rows, views = rows_of_list(source)
        self._show_rows(rows, views, list(source.warnings))

    def _read_failed(self, error: BaseException) -> None:
        self._reading = False
        self.count_label.setText("")
        self.message_label.setText(error_text(error))
        self._update_buttons()

    # Merging

    def _ask_folder(self) -> Path | None:
        folders = LastFolders()
        start = self.folder_edit.text() or str(folders.get(MERGE))
        name = QFileDialog.getExistingDirectory(self, _("Map voor de brieven"), start)
        if not name:
            return None
        folders.remember(MERGE, Path(name))
        return Path(name)

    def _pick_folder(self) -> None:
        path = self.choose_folder()
        if path is not None:
            self.folder_edit.setText(str(path))

    def options(self) -> MergeOptions:
        formats = tuple(
            kind
            for kind, box in (("docx", self.docx_check), ("pdf", self.pdf_check))
            if box.isChecked()
        )
        return MergeOptions(
            formats=formats,
            combined=self.combined_check.isChecked(),
            force=self.force_check.isChecked(),
            skip_invalid=self.skip_check.isChecked(),
            duplex=self.combined_check.isChecked() and self.duplex_check.isChecked(),
        )

    def _refusal(self, options: MergeOptions) -> str:
        if not self.rows:
            return _("Er zijn geen geadresseerden om samen te voegen. Kies een adressenlijst.")
        if not options.formats:
            return _("Kies een formaat: DOCX, PDF of beide.")
        if not self.folder_edit.text().strip():
            return _("Kies eerst de map waarin de brieven komen (Map: Kiezen…).")
        return ""

    def start(self) -> None:
        if self.running:
            return
        options = self.options()
        refusal = self._refusal(options)
        self.summary_label.setText("")
        self.message_label.setText(refusal)
        if refusal:
            return
        out_dir = Path(self.folder_edit.text().strip()).expanduser()
        token = CancelToken()
        self.cancel_token, self.out_dir, self.running = token, out_dir, True
        self.progress_bar.setRange(0, 0)  # busy until the first letter is done
        self.progress_bar.setFormat(_("Bezig…"))
        self._update_buttons()
        letter, rows, relay = self.letter, list(self.rows), self._relay

        def work(workspace: Workspace) -> MergeReport:  # worker thread: only the relay's signal
            return run_merge(
                letter,
                rows,
                out_dir,
                options,
                progress=relay.progressed.emit,
                cancel=token,
                settings=workspace.settings,
            )

        Op(self, work).success(self._finished).failure(self._failed).run()

    def _show_progress(self, stage: str, done: int, total: int) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)
        text = progress_text(stage, done, total)
        if self.cancel_token and self.cancel_token.cancelled:
            text = _(STOPPING).format(progress=text)
        self.progress_bar.setFormat(text)

    def cancel(self) -> None:
        if self.running and self.cancel_token is not None:
            if not self.cancel_token.cancelled:
                self.cancel_token.cancel()
                self.progress_bar.setFormat(_(STOPPING).format(progress=self.progress_bar.format()))
            self.cancel_button.setEnabled(False)

    def _finished(self, report: MergeReport) -> None:
        self.running = False
        self.report = report
        assert self.out_dir is not None
        if self.progress_bar.maximum() == 0:
            self.progress_bar.setRange(0, 1)
        if report.cancelled:
            self.progress_bar.setFormat(_("Afgebroken"))
        else:
            self.progress_bar.setValue(self.progress_bar.maximum())
            self.progress_bar.setFormat(_("Klaar"))
        self.summary_label.setText(merge_summary(report, self.out_dir))
        self._after_run()

    def _failed(self, error: BaseException) -> None:
        self.running = False
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        self.progress_bar.setFormat(_("Niet samengevoegd"))
        self.message_label.setText(error_text(error))  # the remedy in the dialog's words
        self._after_run()

    def _after_run(self) -> None:
        self._update_buttons()
        if self._close_when_done:
            super().reject()

    def _open_folder(self) -> None:
        if self.out_dir is not None:
            self.open_folder(self.out_dir)

    def _update_buttons(self) -> None:
        busy = self.running or self._reading
        self.start_button.setEnabled(not busy and bool(self.rows))
        self.cancel_button.setEnabled(self.running)
        self.open_button.setEnabled(
            not self.running and self.out_dir is not None and self.out_dir.is_dir()
        )
        for widget in (self.letter_radio, self.file_radio, self.file_button, self.folder_button):
            widget.setEnabled(not busy)

    def reject(self) -> None:
        """Closing while a merge runs stops it first; the dialog closes when it has stopped."""
        if self.running:
            self._close_when_done = True
            self.cancel()
            return
        super().reject()
