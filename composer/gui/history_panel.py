"""The version history of one letter: versions, their differences, restore and a Word redline."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from composer.core.models import Letter
from composer.errors import ComposerError
from composer.gui.changes import SAVED, changes
from composer.gui.dialogs.common import ask_confirmation
from composer.gui.diff_view import DiffView
from composer.gui.letter_table_model import format_moment
from composer.gui.ops import Op
from composer.gui.show_error import error_text
from composer.i18n import N_, _
from composer.storage.library_records import LetterSummary, VersionInfo

if TYPE_CHECKING:
    from composer.app.workspace import Workspace
    from composer.storage.library import Library

COLUMNS = (N_("Versie"), N_("Auteur"), N_("Tijd"), N_("Toelichting"))
HINT = N_(
    "Kies één versie om haar te vergelijken met de vorige, of twee versies (Ctrl+klik) om ze met "
    "elkaar te vergelijken."
)
NO_LETTER = N_("Kies een brief om zijn versiegeschiedenis te zien.")
FIRST_VERSION = N_("Versie 1 is de eerste versie: er is geen vorige versie om mee te vergelijken.")
TOO_MANY = N_("Kies één of twee versies om te vergelijken.")


class HistoryPanel(QWidget):
    """Versions of one letter, newest first; compare two, restore one, export a redline DOCX.

    `confirm`, `choose_path` and `show_error` are attributes so tests (and the main window) can
    replace the dialogs.
    """

    restored = Signal(int, int)  # letter id, number of the new version
    redline_exported = Signal(str)  # the path written
    version_activated = Signal(int, int)  # letter id, version number (Enter or double click)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("versiegeschiedenis")
        self.setAccessibleName(_("Versiegeschiedenis"))
        self.library: Library | None = None
        self.letter_id: int | None = None
        self.versions: list[VersionInfo] = []
        self.author = ""
        self.busy = False
        self._letters: dict[int, Letter] = {}  # versions never change, so they may be kept
        self._reading = 0  # generation of the newest history read: only its result is shown
        self._comparing = 0  # generation of the newest comparison
        self._pending = 0  # reads and comparisons on their way
        self.confirm: Callable[[str, str], bool] = self._confirm_with_dialog
        self.choose_path: Callable[[Path], Path | None] = self._choose_path_with_dialog
        self.show_error: Callable[[str], None] = self._show_error_dialog
        self._build()
        self._update_buttons()
        changes().changed.connect(self._letter_changed)

    def _build(self) -> None:
        self.title_label = QLabel(_(NO_LETTER))
        self.title_label.setObjectName("versiegeschiedenis_titel")
        self.title_label.setWordWrap(True)
        self.version_list = QTreeWidget()
        self.version_list.setObjectName("versies")
        self.version_list.setAccessibleName(_("Versies"))
        self.version_list.setColumnCount(len(COLUMNS))
        self.version_list.setHeaderLabels([_(column) for column in COLUMNS])
        self.version_list.setRootIsDecorated(False)
        self.version_list.setUniformRowHeights(True)
        self.version_list.setAllColumnsShowFocus(True)
        self.version_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.version_list.header()
        header.setStretchLastSection(True)
        for column in range(len(COLUMNS) - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.version_list.itemSelectionChanged.connect(self._selection_changed)
        self.version_list.itemActivated.connect(self._activated)
        self.hint_label = QLabel(_(HINT))
        self.hint_label.setWordWrap(True)

        self.compare_button = QPushButton(_("&Vergelijken"))
        self.restore_button = QPushButton(_("Her&stellen"))
        self.export_button = QPushButton(_("Vergelijkings&document (Word)…"))
        self.compare_button.setObjectName("vergelijken")
        self.restore_button.setObjectName("herstellen")
        self.export_button.setObjectName("vergelijkingsdocument")
        self.compare_button.setToolTip(_("Toon de verschillen tussen de gekozen versies"))
        self.restore_button.setToolTip(
            _("Maak een nieuwe versie met de inhoud van de gekozen versie")
        )
        self.export_button.setToolTip(
            _("Bewaar een Word-document met de verschillen als bijgehouden wijzigingen")
        )
        self.compare_button.clicked.connect(self.compare_selected)
        self.restore_button.clicked.connect(self.restore_selected)
        self.export_button.clicked.connect(self.export_selected)
        buttons = QHBoxLayout()
        for button in (self.compare_button, self.restore_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.diff_heading = QLabel("")
        self.diff_heading.setObjectName("verschillen_titel")
        self.diff_view = DiffView()
        self.message_label = QLabel("")
        self.message_label.setObjectName("versiegeschiedenis_melding")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.title_label)
        top_layout.addWidget(self.version_list, 1)
        top_layout.addWidget(self.hint_label)
        top_layout.addLayout(buttons)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.diff_heading)
        bottom_layout.addWidget(self.diff_view, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([220, 420])  # a few versions above, the differences get the room
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message_label)

    # Public API

    def set_author(self, name: str) -> None:
        """Who restores: the author of the new version."""
        self.author = name

    def show_letter(self, library: Library, letter_id: int) -> None:
        """Show the versions of this letter (newest first) and the last change."""
        if library is not self.library or letter_id != self.letter_id:
            self._letters.clear()
            self._show_nothing()  # not the previous letter's versions while this one is read
        self.library, self.letter_id = library, letter_id
        self.reload(newest_if_after=0)

    def _letter_changed(self, letter_id: int, _what: str) -> None:
        """Someone changed this letter (a save, a restore, a kenmerk): read it again; a new
        version is selected."""
        if self.library is None or letter_id != self.letter_id:
            return
        latest = self.versions[-1].number if self.versions else 0
        self.reload(newest_if_after=latest)

    def clear(self) -> None:
        """No letter: an empty list and no differences."""
        self.library, self.letter_id = None, None
        self._letters.clear()
        self._reading += 1
        self._show_nothing()
        self.message_label.setText("")

    def _show_nothing(self) -> None:
        self.versions = []
        self._comparing += 1
        self.version_list.clear()
        self.title_label.setText(_(NO_LETTER))
        self.diff_heading.setText("")
        self.diff_view.clear()
        self._update_buttons()

    def reload(self, newest_if_after: int | None = None) -> None:
        """Read the history again; keeps the selected versions, or selects the newest one when
        it is newer than version `newest_if_after` (comparing once, not twice)."""
        if self.library is None or self.letter_id is None:
            self.clear()
            return
        self._reading += 1
        reading, library, letter_id = self._reading, self.library, self.letter_id

        def read(_workspace: Workspace) -> tuple[LetterSummary, list[VersionInfo]]:
            return library.summary(letter_id), library.history(letter_id)

        def failed(error: BaseException) -> None:
            self._pending -= 1
            if reading == self._reading and isinstance(error, ComposerError):
                self._show_nothing()
                self.message_label.setText(error_text(error))

        def read_done(result: tuple[LetterSummary, list[VersionInfo]]) -> None:
            self._pending -= 1
            self._show_history(reading, *result, newest_if_after)

        self._pending += 1
        Op(self, read).success(read_done).failure(failed).run()

    def _show_history(
        self,
        reading: int,
        summary: LetterSummary,
        versions: list[VersionInfo],
        newest_if_after: int | None,
    ) -> None:
        if reading != self._reading:
            return  # a newer read was asked for
        selected = self.selected_versions()
        self.versions = versions
        subject = summary.subject or _("(geen betreft)")
        self.title_label.setText(_("Versies van ‘{subject}’").format(subject=subject))
        blocker = self.version_list.blockSignals(True)
        self.version_list.clear()
        for info in reversed(self.versions):
            item = QTreeWidgetItem(
                [str(info.number), info.author, format_moment(info.created_at), info.message]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, info.number)
            item.setTextAlignment(0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(3, info.message)
            self.version_list.addTopLevelItem(item)
        self.version_list.blockSignals(blocker)
        newest = self.versions[-1].number if self.versions else 0
        if newest_if_after is not None and newest > newest_if_after:
            selected = [newest]
        if selected:
            self.select_versions(*selected)
        self._update_buttons()

    def reading(self) -> bool:
        """Whether a history read or a comparison is still on its way (ops)."""
        return self._pending > 0

    def selected_versions(self) -> list[int]:
        """The selected version numbers, oldest first."""
        items = self.version_list.selectedItems()
        return sorted(item.data(0, Qt.ItemDataRole.UserRole) for item in items)

    def select_versions(self, *numbers: int) -> None:
        """Select these versions (the first one current) and show their differences."""
        selection = self.version_list.selectionModel()
        blocker = self.version_list.blockSignals(True)
        self.version_list.clearSelection()
        for row in range(self.version_list.topLevelItemCount()):
            item = self.version_list.topLevelItem(row)
            if item.data(0, Qt.ItemDataRole.UserRole) in numbers:
                index = self.version_list.indexFromItem(item)
                if not selection.isSelected(index):
                    flags = QItemSelectionModel.SelectionFlag.Select
                    selection.setCurrentIndex(index, flags | QItemSelectionModel.SelectionFlag.Rows)
        self.version_list.blockSignals(blocker)
        self._selection_changed()

    def compared_pair(self) -> tuple[int, int] | None:
        """(older, newer) for the selection: two versions, or one with the one before it."""
        selected = self.selected_versions()
        if len(selected) == 2:
            return selected[0], selected[1]
        if len(selected) == 1 and selected[0] > 1:
            return selected[0] - 1, selected[0]
        return None

    def compare(self, old: int, new: int) -> bool:
        """Show the differences between versions `old` and `new` in the diff view."""
        if self.library is None or self.letter_id is None:
            return False
        self._comparing += 1
        comparing, library, letter_id = self._comparing, self.library, self.letter_id
        known = {number: self._letters.get(number) for number in (old, new)}

        def work(_workspace: Workspace) -> tuple[dict[int, Letter], list]:
            from composer.history.diff import diff_letters  # difflib and friends: when comparing

            letters = {
                number: letter if letter is not None else library.version(letter_id, number)
                for number, letter in known.items()
            }
            return letters, diff_letters(letters[old], letters[new])

        def failed(error: BaseException) -> None:
            self._pending -= 1
            if comparing == self._comparing and isinstance(error, ComposerError):
                self.diff_view.show_message(error_text(error))

        def done(result: tuple[dict[int, Letter], list]) -> None:
            self._pending -= 1
            letters, changes = result
            if library is self.library and letter_id == self.letter_id:
                self._letters.update(letters)  # filled here, in the GUI thread
            if comparing != self._comparing:
                return  # a newer comparison (or selection) was asked for
            self.diff_heading.setText(
                _("Verschillen tussen versie {old} en versie {new}").format(old=old, new=new)
            )
            self.diff_view.show_changes(changes)

        self._pending += 1
        Op(self, work).success(done).failure(failed).run()
        return True

    def compare_selected(self) -> None:
        pair = self.compared_pair()
        if pair is not None:
            self.compare(*pair)
            self.diff_view.setFocus()

    def restore_selected(self) -> None:
        """After confirmation: a new version with the content of the selected one."""
        selected = self.selected_versions()
        if self.library is None or self.letter_id is None or len(selected) != 1 or self.busy:
            return
        number, latest = selected[0], self.versions[-1].number
        question = _(
            "Versie {number} herstellen? Er komt een nieuwe versie {new} met de inhoud "
            "van versie {number}. Versie {latest} en alle andere versies blijven bewaard."
        ).format(number=number, new=latest + 1, latest=latest)
        if not self.confirm(_("Versie herstellen"), question):
            return
        library, letter_id, author = self.library, self.letter_id, self.author

        def restored(new_number: int) -> None:
            self._finish(
                _("Versie {number} is hersteld als versie {new_number}.").format(
                    number=number, new_number=new_number
                )
            )  # the list was read again when the op said what changed
            self.restored.emit(letter_id, new_number)

        self._start(
            lambda _workspace: library.restore(letter_id, number, author=author),
            restored,
            changed=letter_id,
        )

    def export_selected(self) -> None:
        """Ask for a file, then write a Word redline of the compared pair in the background."""
        pair = self.compared_pair()
        if self.library is None or self.letter_id is None or pair is None or self.busy:
            return
        old, new = pair
        from composer.app.last_folders import REDLINE, LastFolders

        name = f"vergelijking brief {self.letter_id} versie {old}-{new}.docx"  # not screen text
        suggestion = LastFolders().get(REDLINE) / name
        path = self.choose_path(suggestion)
        if path is None:
            return
        path = Path(path)
        if path.suffix.lower() != ".docx":
            path = path.with_suffix(".docx")
        library, letter_id = self.library, self.letter_id
        known = {number: self._letters.get(number) for number in (old, new)}
        new_info = next(info for info in self.versions if info.number == new)

        def write(workspace: Workspace) -> Path:
            from composer.fileio import write_bytes_atomic
            from composer.history.redline import redline_docx

            old_letter, new_letter = (
                known[number] or library.version(letter_id, number) for number in (old, new)
            )
            data = redline_docx(
                old_letter,
                new_letter,
                author=new_info.author,
                date=new_info.created_at,
                settings=workspace.settings,
            )
            write_bytes_atomic(path, data)
            return path

        def written(result: Path) -> None:
            self._finish(_("Vergelijkingsdocument bewaard: {path}").format(path=result))
            self.redline_exported.emit(str(result))

        self._start(write, written)

    # Internals

    def _start(
        self,
        work: Callable[[Workspace], object],
        done: Callable[[object], None],
        *,
        changed: int | None = None,
    ) -> None:
        """`work` as an op; `changed`: the letter it gives a new version."""
        self.busy = True
        self.message_label.setText(_("Bezig…"))
        self._update_buttons()
        op = Op(self, work).success(done).failure(self._failed)
        if changed is not None:
            op.changes(changed, SAVED)
        op.run()

    def _finish(self, message: str) -> None:
        self.busy = False
        self.message_label.setText(message)
        self._update_buttons()

    def _failed(self, error: BaseException) -> None:
        self._finish("")
        if isinstance(error, ComposerError):
            self.show_error(error_text(error))  # its message and remedy, in the window's words
        # A programming error is raised by the op: sys.excepthook logs and shows it.

    def _selection_changed(self) -> None:
        self._update_buttons()
        selected = self.selected_versions()
        pair = self.compared_pair()
        if pair is not None:
            self.compare(*pair)
            return
        self._comparing += 1  # a comparison still on its way is no longer wanted
        self.diff_heading.setText("")
        if selected == [1]:
            self.diff_view.show_message(_(FIRST_VERSION))
        elif len(selected) > 2:
            self.diff_view.show_message(_(TOO_MANY))
        else:
            self.diff_view.clear()

    def _update_buttons(self) -> None:
        selected = self.selected_versions()
        can_compare = self.compared_pair() is not None
        latest = self.versions[-1].number if self.versions else None
        self.compare_button.setEnabled(can_compare)
        self.export_button.setEnabled(can_compare and not self.busy)
        self.restore_button.setEnabled(
            len(selected) == 1 and selected[0] != latest and not self.busy
        )

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        if self.letter_id is not None:
            self.version_activated.emit(self.letter_id, item.data(0, Qt.ItemDataRole.UserRole))

    def _confirm_with_dialog(self, title: str, text: str) -> bool:
        return ask_confirmation(self, title, text, _("Her&stellen"))

    def _choose_path_with_dialog(self, suggestion: Path) -> Path | None:
        from composer.app.last_folders import REDLINE, LastFolders

        path, _filter = QFileDialog.getSaveFileName(
            self, _("Vergelijkingsdocument bewaren"), str(suggestion), _("Word-document (*.docx)")
        )
        if not path:
            return None
        LastFolders().remember(REDLINE, Path(path).parent)  # the next one starts there
        return Path(path)

    def _show_error_dialog(self, message: str) -> None:
        QMessageBox.warning(self, _("Versiegeschiedenis"), message)
