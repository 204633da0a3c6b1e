"""Marks a field with a problem: a red border and the Dutch message in a label beside it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

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
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    label.setVisible(False)
    return label


def marked_field(field: QWidget, name: str) -> tuple[QWidget, FieldMark]:
    """`field` with its (hidden) problem label to the right, for a form row."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(field, 3, Qt.AlignmentFlag.AlignTop)  # level with the row's label
    label = problem_label(name)
    layout.addWidget(label, 2, Qt.AlignmentFlag.AlignTop)
    return row, FieldMark(field, label)


def group_by_path(problems: list[tuple[str, str]]) -> dict[str, str]:
    """Problems per field path; several for one field are joined into one text."""
    grouped: dict[str, list[str]] = {}
    for path, message in problems:
        grouped.setdefault(path, []).append(message)
    return {path: " ".join(messages) for path, messages in grouped.items()}
