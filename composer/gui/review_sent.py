"""What the review panel shows of a sent letter: when, with which kenmerk, where it is archived,
and "Kopie maken" to write a new letter on the basis of it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from composer.gui.dialogs.common import hint_label, message_label
from composer.i18n import _, screen_moment

if TYPE_CHECKING:
    from composer.gui.review_state import ReviewState


class SentBox(QWidget):
    """Shown only for a sent letter (the panel hides it otherwise)."""

    copy_asked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verzonden")
        # Replaceable in tests: open a folder with the system's file manager.
        self.open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl
        self.folder: Path | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.sent_label = message_label("verzonden_op", "", spoken=_("Verzonden"))
        self.sent_label.setStyleSheet("font-weight: bold;")
        self.note_label = message_label(
            "verzendnotitie", "", spoken=_("Vastgelegd bij het verzenden")
        )
        self.archive_label = message_label("archief", "", spoken=_("Archief"))
        self.files_label = message_label("archiefbestanden", "", spoken=_("Archiefbestanden"))
        for label in (self.sent_label, self.note_label, self.archive_label, self.files_label):
            layout.addWidget(label)
        layout.addWidget(
            hint_label(
                _(
                    "Een verzonden brief kan niet meer worden gewijzigd. Met Kopie maken begint "
                    "u een nieuwe brief op basis van deze."
                )
            )
        )
        buttons = QHBoxLayout()
        self.open_button = QPushButton(_("Archief&map openen"))
        self.open_button.setObjectName("archiefmap_openen")
        self.open_button.clicked.connect(self.open_folder)
        self.copy_button = QPushButton(_("&Kopie maken"))
        self.copy_button.setObjectName("kopie_maken")
        self.copy_button.clicked.connect(self.copy_asked)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.copy_button)
        layout.addLayout(buttons)

    def show_state(self, state: ReviewState) -> None:
        status, sent = state.status, state.sent
        kenmerk = status.kenmerk or ""
        if sent is not None:
            self.sent_label.setText(
                _("Verzonden op {date} om {time} door {name}, met kenmerk {kenmerk}.").format(
                    name=sent.actor, kenmerk=kenmerk, **screen_moment(sent.at)
                )
            )
            # The history's own record (Dutch data): approval, and the reason if one was given.
            self.note_label.setText(_("Vastgelegd: {text}").format(text=sent.text))
        else:
            self.sent_label.setText(_("Verzonden met kenmerk {kenmerk}.").format(kenmerk=kenmerk))
            self.note_label.setText("")
        self.note_label.setVisible(bool(self.note_label.text()))
        self.folder = state.archive_folder
        if self.folder is None:
            self.archive_label.setText(_("Er staan geen bestanden van deze brief in het archief."))
            self.files_label.setText("")
        else:
            self.archive_label.setText(_("Archiefmap: {folder}").format(folder=self.folder))
            names = "\n".join(f"• {path.name}" for path in state.archive_paths())
            self.files_label.setText(_("Verzonden bestanden:\n{names}").format(names=names))
        self.files_label.setVisible(bool(self.files_label.text()))
        self.open_button.setEnabled(self.folder is not None)

    def open_folder(self) -> bool:
        if self.folder is None:
            return False
        return bool(self.open_url(QUrl.fromLocalFile(str(self.folder))))

    def set_busy(self, busy: bool) -> None:
        self.copy_button.setEnabled(not busy)
