"""Zoeken en vervangen in the letter's text (Word's Ctrl+F and Ctrl+H): a bar above the form.

It searches the betreft, every alinea, Kop and list item, the text of every citaat and the
slotformule, in the order they stand in the letter. Replacing in the body keeps the marks (bold,
…) of the rest of the paragraph; the new text takes those of the text it replaces. A found
text is selected in its field and scrolled into view;
the cursor stays in the bar, so Enter finds the next one. Each Vervangen is one undo step, and
so is Alles vervangen for all fields together.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)

from composer.gui.editor.body_text import (
    body_text_paths,
    owner_path,
    replace_all_spans,
)
from composer.gui.editor.commands import SetValueCommand, SetValuesCommand
from composer.i18n import _, ngettext

if TYPE_CHECKING:
    from composer.gui.editor.bindings import Binding
    from composer.gui.session import LetterSession

# The paths whose text is searched: betreft, alinea and citaat texts, slotformule.
SEARCHED = re.compile(r"(subject|closing|body\[\d+\]\.text)")  # not screen text
# not screen text: the paths a hit may have (a list item's too)
_SEARCHABLE = re.compile(
    r"(subject|closing|body\[\d+\](\.items\[\d+\])?\.text)"  # not screen text
)


@dataclass(frozen=True)
class Hit:
    path: str
    start: int  # in the field's text (Python characters)
    end: int


def pattern(text: str, *, match_case: bool) -> re.Pattern[str]:
    return re.compile(re.escape(text), 0 if match_case else re.IGNORECASE)


def _utf16(text: str, index: int) -> int:
    """Qt counts in UTF-16 units: an emoji before the hit is two."""
    return len(text[:index].encode("utf-16-le")) // 2


def select_in(widget: QWidget, text: str, hit: Hit) -> None:
    """Select the hit in its field (the field keeps showing the selection without focus)."""
    start, end = _utf16(text, hit.start), _utf16(text, hit.end)
    select_path = getattr(widget, "select_path", None)
    if select_path is not None:  # the body: the path says which block
        select_path(hit.path, hit.start, hit.end)
    elif isinstance(widget, QLineEdit):
        widget.setSelection(start, end - start)
    elif isinstance(widget, QPlainTextEdit):
        cursor = widget.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        widget.setTextCursor(cursor)
        widget.ensureCursorVisible()


class _FindField(QLineEdit):
    """Enter finds the next, Shift+Enter the previous, Escape closes the bar."""

    step = Signal(bool)  # forward
    escape = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.step.emit(not event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        elif key == Qt.Key.Key_Escape:
            self.escape.emit()
        else:
            super().keyPressEvent(event)


class FindReplaceBar(QFrame):
    """Zoeken (Volgende, Vorige) and, opened with Ctrl+H, Vervangen and Alles vervangen."""

    def __init__(
        self,
        session: LetterSession,
        bindings: Callable[[], list[Binding]],
        show_widget: Callable[[QWidget], None],
    ) -> None:
        super().__init__()
        self.session = session
        self._bindings = bindings
        self._show_widget = show_widget
        self.hit: Hit | None = None
        self.read_only = False
        self.setObjectName("zoeken_en_vervangen")
        self.setFrameShape(QFrame.Shape.StyledPanel)

        self.find_edit = _FindField()
        self.find_edit.setObjectName("zoeken_naar")
        self.find_edit.setAccessibleName(_("Zoeken naar"))
        self.replace_edit = _FindField()
        self.replace_edit.setObjectName("vervangen_door")
        self.replace_edit.setAccessibleName(_("Vervangen door"))
        self.match_case = QCheckBox(_("Hoofdlettergevoelig"))
        self.match_case.setObjectName("hoofdlettergevoelig")
        self.previous_button = QPushButton(_("Vorige"))
        self.previous_button.setObjectName("zoeken_vorige")
        self.next_button = QPushButton(_("Volgende"))
        self.next_button.setObjectName("zoeken_volgende")
        self.replace_button = QPushButton(_("Vervangen"))
        self.replace_button.setObjectName("vervangen")
        self.replace_all_button = QPushButton(_("Alles vervangen"))
        self.replace_all_button.setObjectName("alles_vervangen")
        self.close_button = QPushButton(_("Sluiten"))
        self.close_button.setObjectName("zoeken_sluiten")
        self.close_button.setAccessibleName(_("Zoeken sluiten"))
        self.message = QLabel()
        self.message.setObjectName("zoeken_melding")
        self.message.setWordWrap(True)

        self.find_label = QLabel(_("Zoeken naar:"))
        self.find_label.setBuddy(self.find_edit)
        self.replace_label = QLabel(_("Vervangen door:"))
        self.replace_label.setBuddy(self.replace_edit)
        find_buttons = QHBoxLayout()
        for button in (self.previous_button, self.next_button, self.close_button):
            find_buttons.addWidget(button)
        replace_buttons = QHBoxLayout()
        for button in (self.replace_button, self.replace_all_button):
            replace_buttons.addWidget(button)
        replace_buttons.addStretch(1)
        grid = QGridLayout(self)
        grid.setContentsMargins(6, 4, 6, 4)
        grid.addWidget(self.find_label, 0, 0)
        grid.addWidget(self.find_edit, 0, 1)
        grid.addLayout(find_buttons, 1, 1)
        grid.addWidget(self.replace_label, 2, 0)
        grid.addWidget(self.replace_edit, 2, 1)
        grid.addLayout(replace_buttons, 3, 1)
        grid.addWidget(self.match_case, 4, 1)
        grid.addWidget(self.message, 5, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        self.replace_row = [
            self.replace_label,
            self.replace_edit,
            self.replace_button,
            self.replace_all_button,
        ]

        self.find_edit.step.connect(self.find)
        self.replace_edit.step.connect(lambda _forward: self.replace())
        self.find_edit.escape.connect(self.close_bar)
        self.replace_edit.escape.connect(self.close_bar)
        self.find_edit.textEdited.connect(lambda _text: self._forget())
        self.match_case.toggled.connect(lambda _on: self._forget())
        self.next_button.clicked.connect(lambda: self.find(True))
        self.previous_button.clicked.connect(lambda: self.find(False))
        self.replace_button.clicked.connect(self.replace)
        self.replace_all_button.clicked.connect(self.replace_all)
        self.close_button.clicked.connect(self.close_bar)
        session.loaded.connect(self._forget)
        self.hide()

    # Opening and closing

    def open_bar(self, *, replace: bool) -> None:
        """Ctrl+F (find only) or Ctrl+H (with Vervangen); the text selected in a field is the
        first thing looked for, as in Word."""
        for widget in self.replace_row:
            widget.setVisible(replace)
        self.set_read_only(self.read_only)
        selected = self._selected_text()
        if selected:
            self.find_edit.setText(selected)
            self._forget()
        self.message.clear()
        self.show()
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        if self.hit is not None:
            widget = self._widget(self.hit.path)
            if widget is not None:
                widget.setFocus()  # on with typing where the last find was

    def set_read_only(self, read_only: bool) -> None:
        """A letter shown read-only (sent) can be searched, not changed."""
        self.read_only = read_only
        for widget in (self.replace_button, self.replace_all_button, self.replace_edit):
            widget.setEnabled(not read_only)

    # Finding

    def fields(self) -> list[tuple[str, QWidget]]:
        """(path, widget) of every searched field, in the order of the letter."""
        found: list[tuple[str, QWidget]] = []
        for binding in self._bindings():
            if binding.path == "body":  # one field, many texts
                paths = body_text_paths(self.session.letter.body)
                found += [(path, binding.widget) for path in paths]
            elif SEARCHED.fullmatch(binding.path):
                found.append((binding.path, binding.widget))
        return found

    def _text(self, path: str) -> str:
        value = self.session.value(path)
        return value if isinstance(value, str) else ""

    def _widget(self, path: str) -> QWidget | None:
        return next((widget for p, widget in self.fields() if p == path), None)

    def _pattern(self) -> re.Pattern[str] | None:
        text = self.find_edit.text()
        return pattern(text, match_case=self.match_case.isChecked()) if text else None

    def _forget(self) -> None:
        self.hit = None

    def _selected_text(self) -> str:
        focus = QApplication.focusWidget()
        for _path, widget in self.fields():
            if widget is focus:
                if isinstance(widget, QLineEdit):
                    text = widget.selectedText()
                elif isinstance(widget, QPlainTextEdit | QTextEdit):
                    text = widget.textCursor().selectedText()
                else:
                    text = ""
                return text if "\u2029" not in text else ""  # not over a line's end
        return ""

    def find(self, forward: bool = True) -> bool:
        """Select the next (or previous) match after the current one, round the letter."""
        found = self._pattern()
        if found is None:
            return False
        hits = [
            Hit(path, match.start(), match.end())
            for path, _widget in self.fields()
            for match in found.finditer(self._text(path))
            if match.end() > match.start()
        ]
        if not hits:
            self.hit = None
            self.message.setText(_("Niet gevonden: ‘{text}’.").format(text=self.find_edit.text()))
            return False
        self.hit = self._after(hits, forward)
        self.message.clear()
        widget = self._widget(self.hit.path)
        if widget is not None:
            select_in(widget, self._text(self.hit.path), self.hit)
            self._show_widget(widget)
        return True

    def _after(self, hits: list[Hit], forward: bool) -> Hit:
        if self.hit is None:
            return hits[0] if forward else hits[-1]
        order = [path for path, _widget in self.fields()]
        here = (order.index(self.hit.path), self.hit.start) if self.hit.path in order else (-1, 0)

        def place(hit: Hit) -> tuple[int, int]:
            return order.index(hit.path), hit.start

        if forward:
            return next((hit for hit in hits if place(hit) > here), hits[0])
        return next((hit for hit in reversed(hits) if place(hit) < here), hits[-1])

    # Replacing

    def _current_is_a_match(self) -> bool:
        found = self._pattern()
        if self.hit is None or found is None or not _SEARCHABLE.fullmatch(self.hit.path):
            return False
        try:
            text = self._text(self.hit.path)
        except (IndexError, KeyError, AttributeError, ValueError):
            return False
        return found.fullmatch(text[self.hit.start : self.hit.end]) is not None

    def _replaced(self, path: str, spans: list[tuple[int, int]], new: str) -> tuple[str, Any]:
        """(path, value) with `spans` of the text at `path` replaced; in the body the path of
        the paragraph or item, so its marks are kept."""
        if path.startswith("body"):
            owner = owner_path(path)
            return owner, replace_all_spans(self.session.value(owner), spans, new)
        text = self._text(path)
        for start, end in reversed(spans):
            text = text[:start] + new + text[end:]
        return path, text

    def replace(self) -> None:
        """Replace the selected match (one undo step) and go to the next; without one, find."""
        if self.read_only:
            return
        if not self._current_is_a_match():
            self.find(True)
            return
        assert self.hit is not None
        hit, new = self.hit, self.replace_edit.text()
        path, replaced = self._replaced(hit.path, [(hit.start, hit.end)], new)
        self.session.apply(SetValueCommand(self.session, path, replaced, text=_("vervangen")))
        # On after the replacement: a replacement that contains the text is not found again.
        self.hit = Hit(hit.path, hit.start + len(new) - 1, hit.start + len(new))
        if not self.find(True):
            self.message.setText(_("Vervangen. Er is niets meer te vervangen."))

    def replace_all(self) -> int:
        """Replace every match in every searched field as one undo step; says how many."""
        found = self._pattern()
        if self.read_only or found is None:
            return 0
        new = self.replace_edit.text()
        count = 0
        changes: list[tuple[str, Any]] = []
        for path, _widget in self.fields():
            spans = [match.span() for match in found.finditer(self._text(path))]
            spans = [(start, end) for start, end in spans if end > start]
            if spans:
                count += len(spans)
                changes.append(self._replaced(path, spans, new))
        if not count:
            self.message.setText(_("Niet gevonden: ‘{text}’.").format(text=self.find_edit.text()))
            return 0
        self.session.apply(SetValuesCommand(self.session, changes, _("alles vervangen")))
        self.hit = None
        self.message.setText(
            ngettext("{count} keer vervangen.", "{count} keer vervangen.", count).format(
                count=count
            )
        )
        return count
