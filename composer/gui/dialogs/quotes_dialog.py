"""Citaten van de directeur: text, speaker, role, date, source; only approved ones go in letters."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from composer.core.catalogue_editing import quote_approved, unique_id
from composer.gui.dialogs.catalogue_dialog import CatalogueDialog
from composer.gui.dialogs.common import hint_label, labelled_rows, push_button
from composer.i18n import N_, _

SNIPPET_LENGTH = 60
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")  # not screen text


def quote_line(item: dict[str, Any]) -> str:
    """`✓ 17-10-2022 · Een behoorlijk en duurzaam …` (– instead of ✓: not approved)."""
    text = " ".join(str(item.get("text", "")).split()) or _("(nog geen tekst)")
    if len(text) > SNIPPET_LENGTH:
        text = text[:SNIPPET_LENGTH].rstrip() + "…"
    mark = "✓" if quote_approved(item) else "–"
    date = str(item.get("date", ""))
    return f"{mark} {date} · {text}" if date else f"{mark} {text}"


def date_problem(text: str) -> str:
    """ "" for an empty or valid JJJJ-MM-DD date, else what is wrong and what to do."""
    text = text.strip()
    if not text:
        return ""
    if _DATE.fullmatch(text):
        try:
            dt.date.fromisoformat(text)
        except ValueError:
            return _("De datum ‘{date}’ bestaat niet. Controleer dag en maand.").format(date=text)
        return ""
    return _(
        "De datum ‘{date}’ is ongeldig. Schrijf de datum als JJJJ-MM-DD, zoals 2022-10-17."
    ).format(date=text)


class QuotesDialog(CatalogueDialog):
    catalogue = "citaten"
    title = N_("Citaten van de directeur")

    def build(self) -> None:
        self._loading = False
        self.resize(820, 480)
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint_label(
                _(
                    "Alleen goedgekeurde citaten (✓) worden in de editor aangeboden. Noem bij elk "
                    "citaat de bron."
                )
            )
        )
        columns = QHBoxLayout()
        left = QVBoxLayout()
        self.list = QListWidget()
        self.list.setObjectName("citaten")
        self.list.setAccessibleName(_("Citaten"))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        left.addWidget(self.list)
        row = QHBoxLayout()
        self.new_button = push_button(_("&Nieuw"), "nieuw")
        self.delete_button = push_button(_("&Verwijderen"), "verwijderen")
        row.addWidget(self.new_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        left.addLayout(row)
        columns.addLayout(left, 2)
        self.form_widget = QWidget()
        self.form_widget.setLayout(self._build_form())
        columns.addWidget(self.form_widget, 3)
        layout.addLayout(columns)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)
        self.new_button.clicked.connect(self.add_quote)
        self.delete_button.clicked.connect(self.delete_current)
        self.list.currentRowChanged.connect(self._show)
        self._rebuild_list(0)

    def _build_form(self) -> QFormLayout:
        form = QFormLayout()
        self.text_edit = QPlainTextEdit()
        self.text_edit.setObjectName("tekst")
        self.text_edit.setAccessibleName(_("Tekst van het citaat"))
        self.text_edit.setTabChangesFocus(True)
        self.speaker_edit = QLineEdit()
        self.speaker_edit.setObjectName("spreker")
        self.role_edit = QLineEdit()
        self.role_edit.setObjectName("functie")
        self.date_edit = QLineEdit()
        self.date_edit.setObjectName("datum")
        self.date_edit.setPlaceholderText(_("JJJJ-MM-DD"))
        self.date_problem_label = QLabel("")
        self.date_problem_label.setObjectName("datum.probleem")
        self.date_problem_label.setStyleSheet("color: #a00000;")
        self.date_problem_label.setWordWrap(True)
        self.source_edit = QLineEdit()
        self.source_edit.setObjectName("bron")
        self.approved_check = QCheckBox(_("&Goedgekeurd voor gebruik in brieven"))
        self.approved_check.setObjectName("goedgekeurd")
        rows = (
            (_("&Tekst:"), self.text_edit),
            (_("S&preker:"), self.speaker_edit),
            (_("&Functie:"), self.role_edit),
            (_("&Datum:"), self.date_edit),
            ("", self.date_problem_label),
            (_("&Bron:"), self.source_edit),
            ("", self.approved_check),
        )
        labelled_rows(form, rows, spoken=True)
        self._form = form
        form.setRowVisible(self.date_problem_label, False)
        for edit in (self.speaker_edit, self.role_edit, self.date_edit, self.source_edit):
            edit.textEdited.connect(self._edited)
        self.text_edit.textChanged.connect(self._edited)
        self.approved_check.toggled.connect(self._edited)
        return form

    def current(self) -> dict[str, Any] | None:
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _rebuild_list(self, select: int) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        self.list.addItems([quote_line(item) for item in self.items])
        self.list.blockSignals(False)
        has_items = bool(self.items)
        self.form_widget.setEnabled(has_items)
        self.delete_button.setEnabled(has_items)
        if has_items:
            self.list.setCurrentRow(min(max(select, 0), len(self.items) - 1))
        self._show(self.list.currentRow())

    def _show(self, _row: int) -> None:
        item = self.current() or {}
        self._loading = True
        self.text_edit.setPlainText(item.get("text", ""))
        self.speaker_edit.setText(item.get("speaker", ""))
        self.role_edit.setText(item.get("role", ""))
        self.date_edit.setText(item.get("date", ""))
        self.source_edit.setText(item.get("source", ""))
        for edit in (self.speaker_edit, self.role_edit, self.source_edit):
            edit.setCursorPosition(0)  # show the start of a long source, not its end
        self.approved_check.setChecked(quote_approved(item) if item else False)
        self._loading = False
        self._show_date_problem()

    def _edited(self) -> None:
        item = self.current()
        if self._loading or item is None:
            return
        item["text"] = self.text_edit.toPlainText()
        item["speaker"] = self.speaker_edit.text()
        item["role"] = self.role_edit.text()
        item["date"] = self.date_edit.text()
        item["source"] = self.source_edit.text()
        item["approved"] = self.approved_check.isChecked()
        self._show_date_problem()
        self.mark_changed()
        self.list.item(self.list.currentRow()).setText(quote_line(item))

    def _show_date_problem(self) -> None:
        problem = date_problem(self.date_edit.text())
        self.date_problem_label.setText(problem)
        self._form.setRowVisible(self.date_problem_label, bool(problem))

    def add_quote(self) -> None:
        """A new, not yet approved quote by the director, as the last one was."""
        last = self.items[-1] if self.items else {}
        taken = (str(item.get("id", "")) for item in self.items)
        item = {
            "id": unique_id(f"citaat {dt.date.today().isoformat()}", taken),
            "text": "",
            "speaker": last.get("speaker", ""),
            "role": last.get("role", ""),
            "date": dt.date.today().isoformat(),
            "source": "",
            "approved": False,
        }
        self.items.append(item)
        self.mark_changed()
        self._rebuild_list(len(self.items) - 1)
        self.text_edit.setFocus()

    def delete_current(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.items):
            del self.items[row]
            self.mark_changed()
            self._rebuild_list(row)

    def problem(self) -> str:
        for number, item in enumerate(self.items, start=1):
            if not str(item.get("text", "")).strip():
                return _(
                    "Citaat {number} heeft geen tekst. Vul de tekst in of verwijder het citaat."
                ).format(number=number)
            problem = date_problem(str(item.get("date", "")))
            if problem:
                return _("Citaat {number}: {problem}").format(number=number, problem=problem)
        return ""

    def prepare(self) -> None:
        for item in self.items:
            for key in ("text", "speaker", "role", "date", "source"):
                item[key] = str(item.get(key, "")).strip()
            item["approved"] = quote_approved(item)
