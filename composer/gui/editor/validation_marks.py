"""Marks a field with a problem: a red border and the Dutch message in a label under it.

The message wraps to the field's width and never asks for more: a long message makes the row
higher, never the form wider or the field narrower."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

PROBLEM_COLOUR = "#c00000"  # not screen text
_BORDER = f"border: 2px solid {PROBLEM_COLOUR}; border-radius: 3px;"  # not screen text


class FieldMark:
    """The problem label beside one field; shown only while the field has a problem."""

    def __init__(self, field: QWidget, label: QLabel) -> None:
        self.field = field
        self.label = label
        self._description = field.accessibleDescription()

    @property
    def message(self) -> str:
        return self.label.text()

    def show(self, message: str | None) -> None:
        if not message:
            if self.label.text():
                self.label.clear()
                self.label.setVisible(False)
                self.field.setStyleSheet("")
                self.field.setAccessibleDescription(self._description)
            return
        if message == self.label.text():
            return
        self.label.setText(message)
        self.label.setVisible(True)
        self.field.setStyleSheet(_BORDER)
        # A screen reader reads the problem with the field, not only the red border.
        self.field.setAccessibleDescription(message)


def problem_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(f"{name}_probleem")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setStyleSheet(f"color: {PROBLEM_COLOUR};")
    # Ignored across: the label takes the width the field has, whatever the message's length.
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
    label.setVisible(False)
    return label


def marked_field(field: QWidget, name: str) -> tuple[QWidget, FieldMark]:
    """`field` with its (hidden) problem label under it, for a form row."""
    row = QWidget()
    layout = QVBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    label = problem_label(name)
    layout.addWidget(label)
    return row, FieldMark(field, label)


def group_by_path(problems: list[tuple[str, str]]) -> dict[str, str]:
    """Problems per field path; several for one field are joined into one text."""
    grouped: dict[str, list[str]] = {}
    for path, message in problems:
        grouped.setdefault(path, []).append(message)
    return {path: " ".join(messages) for path, messages in grouped.items()}
