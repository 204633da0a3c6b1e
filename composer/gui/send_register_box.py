"""In the review panel, for a sent letter: "Verzonden aan" — per addressee the channel, the
time and the result of each attempt (the message id in the tooltip), "Opnieuw proberen" after a
partial failure, and what the archived PDF's signature says."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from composer.gui.dialogs.common import ERROR_STYLE, GOOD_STYLE, HINT_STYLE, message_label
from composer.gui.send_result import retry_text
from composer.gui.send_work import EMAIL, EML, POST, SENT, SignatureLine, still_to_deliver
from composer.i18n import N_, _, screen_moment

CHANNELS = {POST: N_("per post"), EMAIL: N_("per e-mail"), EML: N_("als .eml-bestand")}


def _moment(value: Any) -> dict[str, str]:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return screen_moment(value)


def register_line(record: Any) -> str:
    """`FNV, mevrouw E. Heemskerk — per e-mail, 17 oktober 2022 om 14:05: verzonden`."""
    channel = _(CHANNELS.get(record.channel, record.channel))
    if record.result == SENT:
        result = _("verzonden")
    else:
        result = _("mislukt: {reason}").format(reason=record.error or _("onbekende reden"))
    return _("{name} — {channel}, {date} om {time}: {result}").format(
        name=record.addressee, channel=channel, result=result, **_moment(record.sent_at)
    )


def shown_rows(records: list[Any]) -> list[Any]:
    """Per addressee (in order) its e-mail/.eml attempts, or its post row when it was not
    e-mailed: the archived copy of a mailed addressee is no letter in the post."""
    mailed = {record.addressee_index for record in records if record.channel != POST}
    rows = [r for r in records if r.channel != POST or r.addressee_index not in mailed]
    return sorted(rows, key=lambda record: record.addressee_index)  # stable: oldest first


class RegisterBox(QWidget):
    """`retry_asked(channel)` for the addressees whose last e-mail or .eml did not go."""

    retry_asked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verzonden_aan")
        self.retry_channel = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(_("Verzonden aan"))
        caption.setStyleSheet("font-weight: bold;")
        self.list = QListWidget()
        self.list.setObjectName("verzendregister")
        self.list.setAccessibleName(_("Verzonden aan"))
        self.list.setMaximumHeight(150)
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        caption.setBuddy(self.list)
        self.retry_button = QPushButton("")
        self.retry_button.setObjectName("opnieuw_proberen")
        self.retry_button.clicked.connect(lambda: self.retry_asked.emit(self.retry_channel))
        self.signature_label = message_label("handtekening", HINT_STYLE, spoken=_("Handtekening"))
        for widget in (caption, self.list, self.retry_button, self.signature_label):
            layout.addWidget(widget)
        self.show_register([])
        self.show_signature(None)

    def show_register(self, records: list[Any]) -> None:
        self.list.clear()
        for record in shown_rows(records):
            item = QListWidgetItem(register_line(record))
            tips = []
            if record.email:
                tips.append(_("Adres: {email}").format(email=record.email))
            if record.message_id:
                tips.append(_("Bericht-id: {id}").format(id=record.message_id))
            item.setToolTip("\n".join(tips))
            self.list.addItem(item)
        self.list.setVisible(bool(records))
        channel, failed = still_to_deliver(records)
        self.retry_channel = channel
        self.retry_button.setText(retry_text(len(failed)))
        self.retry_button.setVisible(bool(failed))
        self.setVisible(bool(records) or bool(self.signature_label.text()))

    def lines(self) -> list[str]:
        return [self.list.item(row).text() for row in range(self.list.count())]

    def show_signature(self, line: SignatureLine | None) -> None:
        self.signature_label.setText(line.text if line is not None else "")
        self.signature_label.setToolTip(line.detail if line is not None else "")
        if line is not None:
            self.signature_label.setStyleSheet(GOOD_STYLE if line.good else ERROR_STYLE)
        self.signature_label.setVisible(line is not None)
        if line is not None:
            self.show()

    def set_busy(self, busy: bool) -> None:
        self.retry_button.setEnabled(not busy)
