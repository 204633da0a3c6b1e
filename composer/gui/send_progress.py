"""While the letters go out: "Brief 2 van 4: FNV, mevrouw E. Heemskerk" with Annuleren, which
stops before the next message. The window stays usable (the dialog is not modal)."""

from __future__ import annotations

import threading
from email.utils import parseaddr

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from composer.gui.dialogs.common import add_button
from composer.i18n import _


class ProgressRelay(QObject):
    """Made in the GUI thread; `report` may be called from the worker (a queued signal)."""

    progressed = Signal(int, int, str)  # done, total, the addressee about to get it

    def __init__(self) -> None:
        super().__init__()
        self.stop = threading.Event()
        self.names: dict[str, str] = {}  # e-mail address (lower case) → "FNV, mevrouw E. …"

    def report(self, done: int, total: int, label: str) -> None:  # worker thread
        """`label` as the mail module gives it (`E. Heemskerk <e.heemskerk@fnv.nl>`) is shown
        as the letter names the addressee."""
        address = parseaddr(label)[1].lower()
        self.progressed.emit(done, total, self.names.get(address, label))

    def cancelled(self) -> bool:  # worker thread
        return self.stop.is_set()


class SendProgressDialog(QDialog):
    def __init__(self, parent: QWidget | None, relay: ProgressRelay, *, eml: bool) -> None:
        super().__init__(parent)
        self.setObjectName("verzendvoortgang")
        self.setWindowTitle(_("E-mailbestanden maken") if eml else _("Verzenden per e-mail"))
        self.setMinimumWidth(420)
        self.relay = relay
        layout = QVBoxLayout(self)
        self.label = QLabel(_("Verbinding maken met de mailserver…") if not eml else "")
        self.label.setObjectName("voortgang")
        self.label.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.setAccessibleName(_("Voortgang van het verzenden"))
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        box = QDialogButtonBox(self)
        self.cancel_button = add_button(
            box, _("&Annuleren"), QDialogButtonBox.ButtonRole.RejectRole, "annuleren"
        )
        self.cancel_button.clicked.connect(self.cancel)
        layout.addWidget(box)
        relay.progressed.connect(self.show_progress)

    def show_progress(self, done: int, total: int, label: str) -> None:
        """`done` messages of `total` have gone; `label` is the one going now."""
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, total))
        if self.relay.cancelled():
            return
        if done < total:
            self.label.setText(
                _("Brief {number} van {total}: {name}").format(
                    number=done + 1, total=total, name=label
                )
            )
        else:
            self.label.setText(_("Alle {total} brieven zijn verwerkt.").format(total=total))

    def cancel(self) -> None:
        """Stop before the next message; the one going now still goes."""
        self.relay.stop.set()
        self.cancel_button.setEnabled(False)
        self.label.setText(_("Annuleren… de brief die nu wordt verstuurd, gaat nog weg."))

    def reject(self) -> None:  # Escape, the close button: cancel, the dialog closes when done
        self.cancel()
