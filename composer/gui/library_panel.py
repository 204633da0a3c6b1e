"""The library list: search, status filter and a sortable table of letters (Brieven)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from composer.errors import ComposerError
from composer.gui.changes import changes
from composer.gui.ops import Op
from composer.gui.show_error import error_text
from composer.i18n import N_, _, ngettext
from composer.review.statuses import STATUS_LABELS
from composer.storage.library_records import LetterSummary

if TYPE_CHECKING:
    from composer.storage.library import Library

SEARCH_DELAY_MS = 150
SEARCH_PLACEHOLDER = N_("Zoeken in betreft, geadresseerden, kenmerk")
EMPTY_LIBRARY = N_("Nog geen brieven. Kies Bestand > Nieuw.")
NOTHING_FOUND = N_("Geen brieven gevonden. Pas de zoektekst of de status aan.")
NO_LIBRARY = N_("Geen bibliotheek geopend.")
LIMIT = 200

# The workflow's own labels (ui-glossary); "afgewezen" is an event that returns a letter to
# concept, not a status a letter stays in, so it is no filter.
# The labels are marked N_ (here and in STATUS_LABELS): translated with _() where shown.
STATUS_FILTER = [(N_("Alle"), None), *((label, value) for value, label in STATUS_LABELS.items())]
COLUMNS = (N_("Betreft"), N_("Geadresseerden"), N_("Status"), N_("Gewijzigd"), N_("Kenmerk"))
SUBJECT, ADDRESSEES, STATUS, CHANGED, KENMERK = range(len(COLUMNS))
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
LETTER_ID_ROLE = Qt.ItemDataRole.UserRole + 2

# Pinned rather than CLDR's "MMM" (which says "nov" today and may change): Dutch abbreviations
# take a full stop, "mei" is not abbreviated. Marked N_: translated with _() where used.
_MONTHS = (N_("jan."), N_("feb."), N_("mrt."), N_("apr."), N_("mei"), N_("jun."), N_("jul."),
           N_("aug."), N_("sep."), N_("okt."), N_("nov."), N_("dec."))  # fmt: skip


def status_label(value: str) -> str:
    """The label of a stored status (in the language of the screen); an unknown value as it is
    stored."""
    return _(STATUS_LABELS[value]) if value in STATUS_LABELS else value


def format_moment(moment: datetime, now: datetime | None = None) -> str:
    """In local time: `vandaag 14:05`, `gisteren 09:30`, else `28 nov. 2026 14:05`."""
    local = moment.astimezone()
    today = (now or datetime.now()).astimezone().date()
    clock = f"{local.hour:02d}:{local.minute:02d}"
    if local.date() == today:
        return _("vandaag {time}").format(time=clock)
    if local.date() == today - timedelta(days=1):
        return _("gisteren {time}").format(time=clock)
    month = _(_MONTHS[local.month - 1])
    return _("{day} {month} {year} {time}").format(
        day=local.day, month=month, year=local.year, time=clock
    )


def counted_letters(shown: int) -> str:
    if shown >= LIMIT:
        return _("De nieuwste {limit} brieven; zoek om verder te beperken.").format(limit=LIMIT)
    return ngettext("{count} brief", "{count} brieven", shown).format(count=shown)


class LetterTableModel(QAbstractTableModel):
    """Letter summaries as rows; `SORT_ROLE` gives sortable values, `LETTER_ID_ROLE` the id."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.letters: list[LetterSummary] = []

    def set_letters(self, letters: Sequence[LetterSummary]) -> None:
        self.beginResetModel()
        self.letters = list(letters)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.letters)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(COLUMNS[section])
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        letter = self.letters[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(letter, column)
        if role == SORT_ROLE:
            if column == CHANGED:
                return letter.updated_at.timestamp()
            return self._text(letter, column).casefold()
        if role == LETTER_ID_ROLE:
            return letter.id
        return None

    @staticmethod
    def _text(letter: LetterSummary, column: int) -> str:
        if column == SUBJECT:
            return letter.subject or _("(geen betreft)")
        if column == ADDRESSEES:
            return letter.addressees
        if column == STATUS:
            return status_label(letter.status)
        if column == CHANGED:
            return format_moment(letter.updated_at)
        return letter.kenmerk or ""

    def row_of(self, letter_id: int) -> int | None:
        return next((row for row, item in enumerate(self.letters) if item.id == letter_id), None)


class LibraryPanel(QWidget):
    """Search field, status filter and the table of letters; Enter or a double click opens one."""

    letter_activated = Signal(int)
    current_letter_changed = Signal(object)  # the selected letter's id, or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bibliotheek")
        self.setAccessibleName(_("Brieven"))
        self.library: Library | None = None
        self._reported_letter: int | None = None
        self._build()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.search)
        self._generation = 0  # the newest read of the list; older search results are dropped
        self.search_field.textChanged.connect(self._search_timer.start)
        self.status_filter.currentIndexChanged.connect(self.refresh)
        self.table.activated.connect(self._activate)
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
        status_label_widget = QLabel(_("S&tatus:"))
        status_label_widget.setBuddy(self.status_filter)

        filters = QHBoxLayout()
        filters.addWidget(search_label)
        filters.addWidget(self.search_field, 1)
        filters.addWidget(status_label_widget)
        filters.addWidget(self.status_filter)

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

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.count_label)

    # Public API

    def set_library(self, library: Library | None) -> None:
        self.library = library
        self.refresh()

    def show_placeholder(self, text: str) -> None:
        """No list, only `text` (the library is being opened, or could not be)."""
        self.model.set_letters([])
        self._show_message(text)

    def status(self) -> str | None:
        """The stored status value the filter asks for; None for `Alle`."""
        return self.status_filter.currentData()

    def set_status(self, value: str | None) -> None:
        self.status_filter.setCurrentIndex(max(0, self.status_filter.findData(value)))

    def refresh(self) -> None:
        """Read the letters again for the current search and status; keeps the selection."""
        self._search_timer.stop()
        self._generation += 1  # a search still running answers too late
        if self.library is None:
            self.model.set_letters([])
            self._show_message(_(NO_LIBRARY))
            return
        query = self.search_field.text()
        try:
            letters = self.library.letters(query, status=self.status(), limit=LIMIT)
        except ComposerError as exc:
            self._read_failed(exc)
            return
        self._show_letters(letters, query)

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

        def found(letters: list[LetterSummary]) -> None:
            if generation == self._generation and library is self.library:
                self._show_letters(letters, query)

        def failed(error: BaseException) -> None:
            if generation == self._generation and isinstance(error, ComposerError):
                self._read_failed(error)

        Op(self, lambda _workspace: library.letters(query, status=status, limit=LIMIT)).success(
            found
        ).failure(failed).run()

    def _letters_changed(self, _letter_id: int, _what: str) -> None:
        """A letter was saved, added, reviewed, or another library opened: read the list."""
        if self.library is not None:
            self.refresh()

    def _read_failed(self, error: ComposerError) -> None:
        self.model.set_letters([])
        self._show_message(error_text(error))

    def _show_letters(self, letters: Sequence[LetterSummary], query: str) -> None:
        selected = self.current_letter_id()
        self.model.set_letters(letters)
        self.count_label.setText(counted_letters(len(letters)))
        if letters:
            self.stack.setCurrentWidget(self.table)
        else:
            filtered = bool(query.strip()) or self.status() is not None
            self._show_message(_(NOTHING_FOUND) if filtered else _(EMPTY_LIBRARY))
        if selected is not None:
            self.select_letter(selected)
        self._current_changed()

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

    def visible_rows(self) -> list[list[str]]:
        """The table's cells as shown, top to bottom (for tests and screen checks)."""
        proxy = self.proxy
        return [
            [proxy.index(row, column).data() for column in range(proxy.columnCount())]
            for row in range(proxy.rowCount())
        ]

    # Internals

    def _show_message(self, text: str) -> None:
        self.empty_label.setText(text)
        self.stack.setCurrentWidget(self.empty_label)
        self.count_label.setText("")

    def _activate(self, index: QModelIndex) -> None:
        letter_id = index.data(LETTER_ID_ROLE)
        if letter_id is not None:
            self.letter_activated.emit(int(letter_id))

    def _current_changed(self, *_indexes: QModelIndex) -> None:
        letter_id = self.current_letter_id()
        if letter_id != self._reported_letter:
            self._reported_letter = letter_id
            self.current_letter_changed.emit(letter_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down in the search field goes to the list; Enter there opens the selected letter."""
        if watched is self.search_field and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key == Qt.Key.Key_Down and self.proxy.rowCount():
                self.table.setFocus()
                if self.current_letter_id() is None:
                    self.table.selectRow(0)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._search_timer.isActive():
                    self.refresh()  # Enter opens what is found: search now, and wait for it
                letter_id = self.current_letter_id()
                if letter_id is not None:
                    self.letter_activated.emit(letter_id)
                    return True
        return super().eventFilter(watched, event)
