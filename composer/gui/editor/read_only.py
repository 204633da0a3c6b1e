"""A letter shown read-only (a sent letter): every field can be read, selected and copied,
nothing can be typed, pasted, chosen, added, moved or removed."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTextEdit,
    QWidget,
)


def set_read_only(root: QWidget, read_only: bool) -> None:
    """Every field below `root` read-only (text stays selectable) and every choice and button
    off; False undoes it (the owner then puts back which buttons apply, e.g. Omhoog)."""
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit | QAbstractSpinBox):
            if widget.parentWidget() is not None and isinstance(
                widget.parentWidget(), QAbstractSpinBox | QComboBox
            ):
                continue  # the line edit inside a date field: its field decides
            widget.setReadOnly(read_only)
        elif isinstance(widget, QTableWidget):
            _table_read_only(widget, read_only)
        elif isinstance(widget, QComboBox | QAbstractButton):
            widget.setEnabled(not read_only)


def _table_read_only(table: QTableWidget, read_only: bool) -> None:
    triggers = QAbstractItemView.EditTrigger
    table.setEditTriggers(
        triggers.NoEditTriggers
        if read_only
        else triggers.DoubleClicked | triggers.EditKeyPressed | triggers.AnyKeyPressed
    )
