"""The review panel's slow work as ops: sending (LibreOffice, the archive) and Kopie maken, and
the busy line shown while a send runs."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from composer.gui.changes import ADDED, STATUS
from composer.gui.ops import Op
from composer.gui.send_work import archive_send
from composer.i18n import _

if TYPE_CHECKING:
    from composer.app.workspace import Workspace
    from composer.review.review_records import SendResult
    from composer.storage.library import Library


class SendingBar(QWidget):
    """ "Verzenden… PDF maken …" with a busy bar (LibreOffice says nothing until it is done)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel("")
        self.label.setObjectName("bezig")
        self.label.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setAccessibleName(_("Voortgang van het verzenden"))
        self.progress.setTextVisible(False)
        layout.addWidget(self.label)
        layout.addWidget(self.progress)
        self.show_busy(False)

    def show_busy(self, busy: bool) -> None:
        self.label.setText(
            _(
                "Verzenden… PDF maken en de brief in het archief zetten. U kunt intussen "
                "verder werken."
            )
            if busy
            else ""
        )
        self.setVisible(busy)


def start_send(
    owner: QWidget,
    letter_id: int,
    *,
    author: str,
    expected_kenmerk: str | None,
    reason: str,
    done: Callable[[SendResult], None],
    failed: Callable[[BaseException], None],
    signing_key: object = None,
) -> None:
    """Send what the sender confirmed, off the GUI thread (the PDFs signed with `signing_key`
    when given); every panel hears of it."""

    def work(workspace: Workspace) -> SendResult:
        return archive_send(
            workspace,
            letter_id,
            author=author,
            reason=reason,
            expected_kenmerk=expected_kenmerk,
            signing_key=signing_key,
        )

    Op(owner, work).changes(letter_id, STATUS).success(done).failure(failed).run()


def start_copy(
    owner: QWidget,
    library: Library,
    letter_id: int,
    *,
    author: str,
    done: Callable[[int], None],
    failed: Callable[[BaseException], None],
) -> None:
    """Kopie maken off the GUI thread: `done(new letter id)`; the library list hears of it."""

    def work(_workspace: object) -> int:
        from composer.review.service import ReviewService

        return ReviewService(library).copy(letter_id, author=author)

    Op(owner, work).changes(lambda new_id: new_id, ADDED).success(done).failure(failed).run()
