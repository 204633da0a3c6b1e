"""Servicebeloften: the seven promises, each with topic, official text and source."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
)

from composer.gui.dialogs.catalogue_dialog import CatalogueDialog
from composer.gui.dialogs.common import ERROR_STYLE, HINT_STYLE, hint_label, labelled_rows
from composer.i18n import N_, _


def promise_line(item: dict[str, Any]) -> str:
    """`4 · medewerkers en goed werkgeverschap`, or `6 · technologie — nog geen tekst`."""
    number, topic = item.get("number"), item.get("topic", "")
    if str(item.get("text", "")).strip():
        return f"{number} · {topic}"
    return _("{number} · {topic} — nog geen tekst").format(number=number, topic=topic)


class PromisesDialog(CatalogueDialog):
    catalogue = "servicebeloften"
    title = N_("Servicebeloften")

    def build(self) -> None:
        self.items.sort(key=lambda item: int(item.get("number", 0)))
        self._loading = False
        self.resize(760, 460)
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint_label(
                _(
                    "Een servicebelofte zonder tekst kan niet in een brief; vul de officiële "
                    "formulering in en noem de bron."
                )
            )
        )
        columns = QHBoxLayout()
        self.list = QListWidget()
        self.list.setObjectName("servicebeloften")
        self.list.setAccessibleName(_("Servicebeloften"))
        self.list.setFixedWidth(300)
        self.list.setWordWrap(True)  # the "nog geen tekst" mark must stay visible
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        columns.addWidget(self.list)
        columns.addLayout(self._build_form(), 1)
        layout.addLayout(columns)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)
        for _item in self.items:
            self.list.addItem(QListWidgetItem())
        self._refresh_list()
        self.list.currentRowChanged.connect(self._show)
        self.list.setCurrentRow(0)

    def _build_form(self) -> QFormLayout:
        form = QFormLayout()
        self.number_label = QLabel("")
        self.number_label.setObjectName("nummer")
        self.topic_edit = QLineEdit()
        self.topic_edit.setObjectName("onderwerp")
        self.topic_edit.setAccessibleName(_("Onderwerp"))
        self.text_edit = QPlainTextEdit()
        self.text_edit.setObjectName("tekst")
        self.text_edit.setAccessibleName(_("Tekst van de servicebelofte"))
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setPlaceholderText(_("Nog geen tekst: typ hier de officiële formulering."))
        self.source_edit = QLineEdit()
        self.source_edit.setObjectName("bron")
        self.source_edit.setAccessibleName(_("Bron"))
        self.source_edit.setPlaceholderText(
            _("Waar de tekst vandaan komt (document, datum, adres)")
        )
        self.state_label = QLabel("")
        self.state_label.setObjectName("status")
        self.state_label.setWordWrap(True)
        rows = (
            (_("Nummer:"), self.number_label),
            (_("Onder&werp:"), self.topic_edit),
            (_("&Tekst:"), self.text_edit),
            (_("&Bron:"), self.source_edit),
        )
        labelled_rows(form, rows)
        form.addRow(self.state_label)
        self.topic_edit.textEdited.connect(self._edited)
        self.text_edit.textChanged.connect(self._edited)
        self.source_edit.textEdited.connect(self._edited)
        return form

    def current(self) -> dict[str, Any] | None:
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def select(self, number: int) -> None:
        numbers = [int(item.get("number", 0)) for item in self.items]
        self.list.setCurrentRow(numbers.index(number))

    def _show(self, _row: int) -> None:
        item = self.current()
        if item is None:
            return
        self._loading = True
        self.number_label.setText(str(item.get("number", "")))
        self.topic_edit.setText(item.get("topic", ""))
        self.text_edit.setPlainText(item.get("text", ""))
        self.source_edit.setText(item.get("source", ""))
        self._loading = False
        self._show_state(item)

    def _show_state(self, item: dict[str, Any]) -> None:
        if str(item.get("text", "")).strip():
            self.state_label.setText(_("Deze servicebelofte kan in een brief."))
            self.state_label.setStyleSheet(HINT_STYLE)
        else:
            self.state_label.setText(
                _(
                    "Servicebelofte {number}: nog geen tekst. Een brief met deze "
                    "servicebelofte wordt geweigerd tot de tekst is ingevuld."
                ).format(number=item.get("number"))
            )
            self.state_label.setStyleSheet(ERROR_STYLE)

    def _edited(self) -> None:
        item = self.current()
        if self._loading or item is None:
            return
        item["topic"] = self.topic_edit.text()
        item["text"] = self.text_edit.toPlainText()
        item["source"] = self.source_edit.text()
        self.mark_changed()
        self._refresh_list()
        self._show_state(item)

    def _refresh_list(self) -> None:
        for row, item in enumerate(self.items):
            entry = self.list.item(row)
            entry.setText(promise_line(item))
            font = QFont(entry.font())
            font.setItalic(not str(item.get("text", "")).strip())
            entry.setFont(font)

    def problem(self) -> str:
        for item in self.items:
            if not str(item.get("topic", "")).strip():
                return _("Servicebelofte {number} heeft geen onderwerp. Vul het in.").format(
                    number=item.get("number")
                )
        return ""

    def prepare(self) -> None:
        for item in self.items:
            for key in ("topic", "text", "source"):
                item[key] = str(item.get(key, "")).strip()
            item["placeholder"] = not item["text"]
