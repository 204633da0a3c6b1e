"""Simple editable lists: ondertekenaars (naam, functie), bijlagen and kopie aan."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from composer.core.models import Signatory
from composer.gui.editor.bindings import Binding
from composer.gui.editor.commands import (
    InsertItemCommand,
    MoveItemCommand,
    RemoveItemCommand,
    SetValueCommand,
)
from composer.i18n import _

if TYPE_CHECKING:
    from composer.gui.session import LetterSession


def _sentence(text: str) -> str:
    """`text` with a capital first letter: `ondertekenaar toevoegen` → `Ondertekenaar toevoegen`."""
    return text[:1].upper() + text[1:]


class CellBinding(Binding):
    """One cell of a table shown as a field (finding fields, problems, tests); the table
    itself turns a changed cell into a command (ListTable._cell_changed)."""

    typing = False
    widget: QTableWidget

    def __init__(
        self, session: LetterSession, table: QTableWidget, path: str, row: int, column: int
    ):
        super().__init__(session, table, path)
        self.row = row
        self.column = column

    def read(self) -> str:
        item = self.widget.item(self.row, self.column)
        return item.text() if item is not None else ""

    def _write(self, value: Any) -> None:
        item = self.widget.item(self.row, self.column)
        if item is None:
            self.widget.setItem(self.row, self.column, QTableWidgetItem(str(value)))
        else:
            item.setText(str(value))


class ListTable(QWidget):
    """A table over `list_path`; each column a field of the item (None: the item is text).

    Column headers and `noun` (lower case, `ondertekenaar`) come translated."""

    def __init__(
        self,
        session: LetterSession,
        list_path: str,
        columns: list[tuple[str, str | None]],
        new_item: Callable[[], Any],
        *,
        name: str,
        noun: str,
    ) -> None:
        super().__init__()
        self.session = session
        self.list_path = list_path
        self.columns = columns
        self.new_item = new_item
        self.setObjectName(name)
        self.table = QTableWidget(0, len(columns))
        self.table.setObjectName(f"{name}_tabel")
        self.table.setAccessibleName(_sentence(noun))
        self.table.setHorizontalHeaderLabels([header for header, _field in columns])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.add_button = QPushButton(_("Toevoegen"))
        self.up_button = QPushButton(_("Omhoog"))
        self.down_button = QPushButton(_("Omlaag"))
        self.remove_button = QPushButton(_("Verwijderen"))
        buttons = QVBoxLayout()
        for button, verb, accessible in (
            (self.add_button, "toevoegen", _("{item} toevoegen")),
            (self.up_button, "omhoog", _("{item} omhoog")),
            (self.down_button, "omlaag", _("{item} omlaag")),
            (self.remove_button, "verwijderen", _("{item} verwijderen")),
        ):
            button.setObjectName(f"{name}_{verb}")
            button.setAccessibleName(_sentence(accessible.format(item=noun)))
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(buttons)

        self.table.cellChanged.connect(self._cell_changed)
        self.table.currentCellChanged.connect(lambda *_: self._enable_buttons())
        self.add_button.clicked.connect(self.add)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        self.remove_button.clicked.connect(self.remove)

    def items(self) -> list[Any]:
        return self.session.value(self.list_path)

    @property
    def bindings(self) -> list[Binding]:
        """Every cell as a field, row by row."""
        return [
            CellBinding(self.session, self.table, self.path(row, column), row, column)
            for row in range(min(self.table.rowCount(), len(self.items())))
            for column in range(len(self.columns))
        ]

    def path(self, row: int, column: int) -> str:
        field = self.columns[column][1]
        item = f"{self.list_path}[{row}]"
        return f"{item}.{field}" if field else item

    def cell_text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def _cell_changed(self, row: int, column: int) -> None:
        if self.session.loading or row >= len(self.items()):
            return
        path = self.path(row, column)
        new = self.cell_text(row, column)
        if new != self.session.value(path):
            self.session.apply(SetValueCommand(self.session, path, new))

    def add(self) -> None:
        index = len(self.items())
        self.session.apply(InsertItemCommand(self.session, self.list_path, index, self.new_item()))
        self.table.setCurrentCell(index, 0)
        self.table.editItem(self.table.item(index, 0))

    def move(self, step: int) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.items()) and 0 <= row + step < len(self.items()):
            self.session.apply(MoveItemCommand(self.session, self.list_path, row, row + step))
            self.table.setCurrentCell(row + step, self.table.currentColumn())

    def remove(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.items()):
            self.session.apply(RemoveItemCommand(self.session, self.list_path, row))

    def _enable_buttons(self) -> None:
        row, count = self.table.currentRow(), len(self.items())
        self.up_button.setEnabled(0 < row < count)
        self.down_button.setEnabled(0 <= row < count - 1)
        self.remove_button.setEnabled(0 <= row < count)

    def reload(self) -> None:
        self.sync()

    def sync(self) -> None:
        count = len(self.items())
        self.table.blockSignals(True)
        try:
            if self.table.rowCount() != count:
                self.table.setRowCount(count)
            for row in range(count):
                for column in range(len(self.columns)):
                    text = str(self.session.value(self.path(row, column)))
                    item = self.table.item(row, column)
                    if item is None:
                        self.table.setItem(row, column, QTableWidgetItem(text))
                    elif item.text() != text:
                        item.setText(text)
        finally:
            self.table.blockSignals(False)
        rows = max(count, 1)
        header = self.table.horizontalHeader().height()
        self.table.setFixedHeight(
            header + rows * self.table.verticalHeader().defaultSectionSize() + 4
        )
        self._enable_buttons()


def signatories_table(session: LetterSession) -> ListTable:
    return ListTable(
        session,
        "signatories",
        [(_("Naam"), "name"), (_("Functie"), "role")],
        lambda: Signatory(""),
        name="ondertekenaars",
        noun=_("ondertekenaar"),
    )


def attachments_table(session: LetterSession) -> ListTable:
    return ListTable(
        session, "attachments", [(_("Bijlage"), None)], str, name="bijlagen", noun=_("bijlage")
    )


def copies_table(session: LetterSession) -> ListTable:
    return ListTable(
        session, "copies", [(_("Kopie aan"), None)], str, name="kopie_aan", noun=_("kopie aan")
    )
