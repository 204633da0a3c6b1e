"""The library list: search, status filter and a sortable table of letters (Brieven).

A click on a letter opens it (arrows only select, Enter opens); Dupliceren makes a new concept
from it; Verwijderen (or the Delete key) puts it in the prullenbak, which the status filter
shows, with Terugzetten. The list narrows to Betreft and Status in a narrow panel.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from composer.errors import ComposerError
from composer.gui.changes import ADDED, changes
from composer.gui.changes import STATUS as STATUS_CHANGED
from composer.gui.letter_table_model import (
    ADDRESSEES,
    CHANGED,
    COLUMNS,
    KENMERK,
    LETTER_ID_ROLE,
    SORT_ROLE,
    STATUS,
    SUBJECT,
    LetterTableModel,
)
from composer.gui.ops import Op
from composer.gui.show_error import error_text
from composer.i18n import N_, _, ngettext
from composer.review.statuses import STATUS_LABELS
from composer.storage.library_records import LetterSummary

if TYPE_CHECKING:
    from composer.app.workspace import Workspace
    from composer.storage.library import Library

SEARCH_DELAY_MS = 150
SEARCH_PLACEHOLDER = N_("Zoeken in betreft, geadresseerden, kenmerk")
EMPTY_LIBRARY = N_("Nog geen brieven. Kies Bestand > Nieuw.")
NOTHING_FOUND = N_("Geen brieven gevonden. Pas de zoektekst of de status aan.")
NO_LIBRARY = N_("Geen bibliotheek geopend.")
EMPTY_BIN = N_("De prullenbak is leeg.")
NOTHING_FOUND_IN_BIN = N_("Geen brieven gevonden in de prullenbak. Pas de zoektekst aan.")
DELETE_QUESTION = N_(
    "Brief ‘{subject}’ naar de prullenbak verplaatsen?\n\n"
    "De brief en zijn versies blijven bewaard; u kunt hem terugzetten vanuit Status: Prullenbak."
)
LIMIT = 200
# The status filter's last entry: the letters in the prullenbak (not a status).
BIN_FILTER = "prullenbak"  # not screen text
# Narrower than this (pixels), the list shows fewer columns: first without Geadresseerden and
# Kenmerk, then only Betreft and Status (the tooltip of Betreft tells the rest).
MEDIUM_WIDTH = 760
NARROW_WIDTH = 480

# The workflow's own labels (ui-glossary); "afgewezen" is an event that returns a letter to
# concept, not a status a letter stays in, so it is no filter.
# The labels are marked N_ (here and in STATUS_LABELS): translated with _() where shown.
STATUS_FILTER = [(N_("Alle"), None), *((label, value) for value, label in STATUS_LABELS.items())]


def counted_letters(shown: int, *, in_bin: bool = False) -> str:
    if shown >= LIMIT:
        return _("De nieuwste {limit} brieven; zoek om verder te beperken.").format(limit=LIMIT)
    if in_bin:
        return ngettext(
            "{count} brief in de prullenbak", "{count} brieven in de prullenbak", shown
        ).format(count=shown)
    return ngettext("{count} brief", "{count} brieven", shown).format(count=shown)


def hidden_columns(width: int) -> tuple[int, ...]:
    """The columns left out of a list `width` pixels wide."""
    if width < NARROW_WIDTH:
        return (ADDRESSEES, CHANGED, KENMERK)
    if width < MEDIUM_WIDTH:
        return (ADDRESSEES, KENMERK)
    return ()


class LibraryPanel(QWidget):
    """Search field, status filter, the table of letters and what can be done with one.

    A click on a letter (or Enter) opens it: `letter_activated`, once per click, never for
    the letter already open (`set_open_letter`). Dupliceren, Verwijderen and Terugzetten run
    off the GUI thread and tell the window with `letter_duplicated` (the new letter's id, for
    the window to open), `letter_deleted` and `letter_restored`.
    """

    letter_activated = Signal(int)
    letter_duplicated = Signal(int)
    letter_deleted = Signal(int)
    letter_restored = Signal(int)
    current_letter_changed = Signal(object)  # the selected letter's id, or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bibliotheek")
        self.setAccessibleName(_("Brieven"))
        self.library: Library | None = None
        self.open_letter_id: int | None = None
        self._reported_letter: int | None = None
        self._build()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.search)
        self._generation = 0  # the newest read of the list; older search results are dropped
        self.search_field.textChanged.connect(self._search_timer.start)
        self.status_filter.currentIndexChanged.connect(self.refresh)
        self.table.clicked.connect(self._clicked)
        self.table.selectionModel().selectionChanged.connect(self._current_changed)
        self._show_message(_(NO_LIBRARY))
        changes().changed.connect(self._letters_changed)

    def _build(self) -> None:
        self.search_field = QLineEdit()
        self.search_field.setObjectName("zoekveld")
        self.search_field.setPlaceholderText(_(SEARCH_PLACEHOLDER))
        self.search_field.setAccessibleName(_("Zoeken in brieven"))
        self.search_field.setClearButtonEnabled(True)
        self.search_field.installEventFilter(self)
        search_label = QLabel(_("&Zoeken:"))
        search_label.setBuddy(self.search_field)

        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusfilter")
        self.status_filter.setAccessibleName(_("Status"))
        for label, value in STATUS_FILTER:
            self.status_filter.addItem(_(label), value)
        self.status_filter.insertSeparator(self.status_filter.count())
        self.status_filter.addItem(_("Prullenbak"), BIN_FILTER)
        status_label_widget = QLabel(_("S&tatus:"))
        status_label_widget.setBuddy(self.status_filter)

        # Two rows, so that the panel stays usable when it is narrow.
        filters = QGridLayout()
        filters.addWidget(search_label, 0, 0)
        filters.addWidget(self.search_field, 0, 1)
        filters.addWidget(status_label_widget, 1, 0)
        filters.addWidget(self.status_filter, 1, 1, Qt.AlignmentFlag.AlignLeft)
        filters.setColumnStretch(1, 1)

        self.model = LetterTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setObjectName("brieven")
        self.table.setAccessibleName(_("Brieven"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(CHANGED, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside it
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._show_context_menu)
        self.table.installEventFilter(self)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(SUBJECT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ADDRESSEES, QHeaderView.ResizeMode.Interactive)
        for column in (STATUS, CHANGED, KENMERK):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnWidth(ADDRESSEES, 220)

        self.empty_label = QLabel()
        self.empty_label.setObjectName("bibliotheek_leeg")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_label)
        self.count_label = QLabel()
        self.count_label.setObjectName("bibliotheek_aantal")
        self.count_label.setWordWrap(True)

        self._build_actions()
        buttons = QHBoxLayout()
        self.duplicate_button = self._button(self.duplicate_action, "dupliceren")
        self.delete_button = self._button(self.delete_action, "verwijderen")
        self.restore_button = self._button(self.restore_action, "terugzetten")
        for button in (self.duplicate_button, self.delete_button, self.restore_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.count_label)
        self._update_actions()

    def _build_actions(self) -> None:
        self.open_action = QAction(_("&Openen"), self)
        self.open_action.triggered.connect(self.open_selected)
        self.duplicate_action = QAction(_("&Dupliceren"), self)
        self.duplicate_action.setToolTip(
            _("Een nieuwe conceptbrief maken met de inhoud van deze brief")
        )
        self.duplicate_action.triggered.connect(self.duplicate_selected)
        self.delete_action = QAction(_("&Verwijderen"), self)
        self.delete_action.setToolTip(_("De brief naar de prullenbak verplaatsen"))
        # Shown in the context menu; the Delete key itself is handled in eventFilter.
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self.delete_selected)
        self.restore_action = QAction(_("&Terugzetten"), self)
        self.restore_action.setToolTip(_("De brief uit de prullenbak terugzetten in de lijst"))
        self.restore_action.triggered.connect(self.restore_selected)

    def _button(self, action: QAction, name: str) -> QPushButton:
        # No Alt+letter on the buttons: the window's fields and menus have taken the letters;
        # the buttons are reached with Tab, the context menu and the Delete key.
        button = QPushButton(action.text().replace("&", ""))
        button.setObjectName(name)
        button.setToolTip(action.toolTip())
        button.clicked.connect(action.trigger)
        return button

    # Public API

    def set_library(self, library: Library | None) -> None:
        self.library = library
        self.refresh()

    def set_open_letter(self, letter_id: int | None) -> None:
        """The letter the window shows: a click on its row does not open it again."""
        self.open_letter_id = letter_id

    def show_placeholder(self, text: str) -> None:
        """No list, only `text` (the library is being opened, or could not be)."""
        self.model.set_letters([])
        self._show_message(text)

    def status(self) -> str | None:
        """The stored status value the filter asks for; None for `Alle` and the prullenbak."""
        value = self.status_filter.currentData()
        return None if value == BIN_FILTER else value

    def set_status(self, value: str | None) -> None:
        self.status_filter.setCurrentIndex(max(0, self.status_filter.findData(value)))

    def showing_bin(self) -> bool:
        """The list shows the prullenbak (Status: Prullenbak)."""
        return self.status_filter.currentData() == BIN_FILTER

    def show_bin(self, shown: bool = True) -> None:
        self.set_status(BIN_FILTER if shown else None)

    def refresh(self) -> None:
        """Read the letters again for the current search and status; keeps the selection."""
        self._search_timer.stop()
        self._generation += 1  # a search still running answers too late
        if self.library is None:
            self.model.set_letters([])
            self._show_message(_(NO_LIBRARY))
            return
        query, in_bin = self.search_field.text(), self.showing_bin()
        try:
            letters = self.library.letters(query, status=self.status(), limit=LIMIT, in_bin=in_bin)
        except ComposerError as exc:
            self._read_failed(exc)
            return
        self._show_letters(letters, query, in_bin)

    def search(self) -> None:
        """What typing in the search field does (after a pause): the search runs off the GUI
        thread; only the newest search's answer is shown."""
        self._search_timer.stop()
        library = self.library
        if library is None:
            self.refresh()
            return
        self._generation += 1
        generation, query, status = self._generation, self.search_field.text(), self.status()
        in_bin = self.showing_bin()

        def found(letters: list[LetterSummary]) -> None:
            if generation == self._generation and library is self.library:
                self._show_letters(letters, query, in_bin)

        def failed(error: BaseException) -> None:
            if generation == self._generation and isinstance(error, ComposerError):
                self._read_failed(error)

        Op(
            self,
            lambda _workspace: library.letters(query, status=status, limit=LIMIT, in_bin=in_bin),
        ).success(found).failure(failed).run()

    def select_letter(self, letter_id: int) -> bool:
        """Select and show the letter's row; False when it is not in the list."""
        row = self.model.row_of(letter_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, SUBJECT))
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)
        return True

    def current_letter_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows(SUBJECT)
        return rows[0].data(LETTER_ID_ROLE) if rows else None

    def current_subject(self) -> str:
        rows = self.table.selectionModel().selectedRows(SUBJECT)
        return rows[0].data() if rows else ""

    def visible_rows(self) -> list[list[str]]:
        """The table's cells as shown, top to bottom (for tests and screen checks)."""
        proxy = self.proxy
        return [
            [proxy.index(row, column).data() for column in range(proxy.columnCount())]
            for row in range(proxy.rowCount())
        ]

    def shown_columns(self) -> list[str]:
        """The headers of the columns the list shows (a narrow list shows fewer)."""
        return [
            self.proxy.headerData(column, Qt.Orientation.Horizontal)
            for column in range(self.proxy.columnCount())
            if not self.table.isColumnHidden(column)
        ]

    # What can be done with the selected letter

    def open_selected(self) -> None:
        letter_id = self.current_letter_id()
        if letter_id is not None and not self.showing_bin():
            self.letter_activated.emit(letter_id)

    def duplicate_selected(self) -> None:
        """A new concept with the content of the selected letter (the review's copy)."""
        letter_id, library = self.current_letter_id(), self.library
        if letter_id is None or library is None:
            return

        def duplicate(workspace: Workspace) -> int:
            from composer.review.service import ReviewService

            return ReviewService(library).copy(letter_id, author=workspace.settings.author)

        def done(new_id: int) -> None:
            if not self.showing_bin():
                self.select_letter(new_id)
            self.letter_duplicated.emit(new_id)

        Op(self, duplicate).changes(lambda new_id: new_id, ADDED).success(done).run()

    def delete_selected(self) -> None:
        """Ask, then put the selected letter in the prullenbak (undone by Terugzetten)."""
        letter_id, library = self.current_letter_id(), self.library
        if letter_id is None or library is None or self.showing_bin():
            return
        answer = QMessageBox.question(
            self,
            _("Verwijderen"),
            _(DELETE_QUESTION).format(subject=self.current_subject()),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        Op(
            self,
            lambda workspace: library.move_to_bin(letter_id, author=workspace.settings.author),
        ).changes(letter_id, STATUS_CHANGED).success(
            lambda _none: self.letter_deleted.emit(letter_id)
        ).run()

    def restore_selected(self) -> None:
        """Take the selected letter out of the prullenbak, back into the list."""
        letter_id, library = self.current_letter_id(), self.library
        if letter_id is None or library is None or not self.showing_bin():
            return
        Op(self, lambda _workspace: library.restore_from_bin(letter_id)).changes(
            letter_id, STATUS_CHANGED
        ).success(lambda _restored: self.letter_restored.emit(letter_id)).run()

    def context_menu(self) -> QMenu:
        """The menu of the selected letter (what a right click shows)."""
        menu = QMenu(self)
        if self.showing_bin():
            menu.addActions([self.restore_action, self.duplicate_action])
        else:
            menu.addActions([self.open_action, self.duplicate_action])
            menu.addSeparator()
            menu.addAction(self.delete_action)
        return menu

    # Internals

    def _show_context_menu(self, position: Any) -> None:
        index = self.table.indexAt(position)
        if not index.isValid():
            return
        self.select_letter(int(index.data(LETTER_ID_ROLE)))
        menu = self.context_menu()
        menu.exec(self.table.viewport().mapToGlobal(position))
        menu.deleteLater()

    def _letters_changed(self, _letter_id: int, _what: str) -> None:
        """A letter was saved, added, reviewed, or another library opened: read the list."""
        if self.library is not None:
            self.refresh()

    def _read_failed(self, error: ComposerError) -> None:
        self.model.set_letters([])
        self._show_message(error_text(error))

    def _show_letters(self, letters: Sequence[LetterSummary], query: str, in_bin: bool) -> None:
        selected = self.current_letter_id()
        self.model.set_letters(letters, in_bin=in_bin)
        self.count_label.setText(counted_letters(len(letters), in_bin=in_bin))
        if letters:
            self.stack.setCurrentWidget(self.table)
        elif in_bin:
            self._show_message(_(NOTHING_FOUND_IN_BIN) if query.strip() else _(EMPTY_BIN))
        else:
            filtered = bool(query.strip()) or self.status() is not None
            self._show_message(_(NOTHING_FOUND) if filtered else _(EMPTY_LIBRARY))
        if selected is not None:
            self.select_letter(selected)
        self._current_changed()

    def _show_message(self, text: str) -> None:
        self.empty_label.setText(text)
        self.stack.setCurrentWidget(self.empty_label)
        self.count_label.setText("")

    def _clicked(self, index: QModelIndex) -> None:
        """A click (press and release on one row) opens the letter, unless it is open."""
        letter_id = index.data(LETTER_ID_ROLE)
        if letter_id is None or self.showing_bin() or letter_id == self.open_letter_id:
            return
        self.letter_activated.emit(int(letter_id))

    def _current_changed(self, *_indexes: QModelIndex) -> None:
        letter_id = self.current_letter_id()
        if letter_id != self._reported_letter:
            self._reported_letter = letter_id
            self.current_letter_changed.emit(letter_id)
        self._update_actions()

    def _update_actions(self) -> None:
        chosen = self.current_letter_id() is not None
        in_bin = self.showing_bin()
        self.open_action.setEnabled(chosen and not in_bin)
        self.duplicate_action.setEnabled(chosen)
        self.delete_action.setEnabled(chosen and not in_bin)
        self.restore_action.setEnabled(chosen and in_bin)
        self.delete_button.setVisible(not in_bin)
        self.restore_button.setVisible(in_bin)
        for action, button in (
            (self.duplicate_action, self.duplicate_button),
            (self.delete_action, self.delete_button),
            (self.restore_action, self.restore_button),
        ):
            button.setEnabled(action.isEnabled())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        hidden = hidden_columns(self.width())
        for column in range(len(COLUMNS)):
            self.table.setColumnHidden(column, column in hidden)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the search field: Down goes to the list, Enter opens the selected letter. In the
        list: Enter opens the letter, Delete puts it in the prullenbak."""
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        key = event.key()  # type: ignore[attr-defined]
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if watched is self.search_field:
            if key == Qt.Key.Key_Down and self.proxy.rowCount():
                self.table.setFocus()
                if self.current_letter_id() is None:
                    self.table.selectRow(0)
                return True
            if enter:
                if self._search_timer.isActive():
                    self.refresh()  # Enter opens what is found: search now, and wait for it
                if self.current_letter_id() is not None and not self.showing_bin():
                    self.open_selected()
                    return True
        elif watched is self.table:
            if enter and self.current_letter_id() is not None:
                self.open_selected()
                return True
            plain = event.modifiers() == Qt.KeyboardModifier.NoModifier  # type: ignore[attr-defined]
            if key == Qt.Key.Key_Delete and plain:
                self.delete_selected()
                return True
        return super().eventFilter(watched, event)
