"""The review dock: status with the allowed transitions, approvals and comments per version."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from composer.errors import ComposerError
from composer.gui.changes import STATUS, changes
from composer.gui.ops import Op
from composer.gui.show_error import error_text
from composer.i18n import _
from composer.review.transitions import Step, allowed

if TYPE_CHECKING:
    from composer.storage.library import Library


class ReviewPanel(QWidget):
    """Buttons only for what the workflow allows now; every action goes through ReviewService."""

    status_changed = Signal(int)  # letter id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("beoordeling")
        self.setAccessibleName(_("Beoordeling"))
        self.library: Library | None = None
        self.letter_id: int | None = None
        self.author = ""
        # Replaceable in tests: ask for a text (title, label) → (text, accepted).
        self.ask_text: Callable[[str, str], tuple[str, bool]] = self._ask_text
        self._generation = 0  # only the newest refresh is shown
        self._announcing = False
        layout = QVBoxLayout(self)
        self.status_label = QLabel(_("Geen brief gekozen."))
        self.status_label.setObjectName("status")
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        form = QFormLayout()
        self.reviewer_edit = QLineEdit()
        self.reviewer_edit.setAccessibleName(_("Beoordelaar"))
        form.addRow(_("B&eoordelaar:"), self.reviewer_edit)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.submit_button = QPushButton(_("&Indienen"))
        self.approve_button = QPushButton(_("&Goedkeuren"))
        self.reject_button = QPushButton(_("&Afwijzen…"))
        self.send_button = QPushButton(_("Ver&zenden"))
        for button, handler in (
            (self.submit_button, self.submit),
            (self.approve_button, self.approve),
            (self.reject_button, self.reject),
            (self.send_button, self.send),
        ):
            button.clicked.connect(handler)
            buttons.addWidget(button)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(_("Opmerkingen bij deze brief:")))
        self.comments_list = QListWidget()
        self.comments_list.setAccessibleName(_("Opmerkingen"))
        layout.addWidget(self.comments_list, 1)
        self.comment_button = QPushButton(_("&Opmerking toevoegen…"))
        self.comment_button.clicked.connect(self.add_comment)
        layout.addWidget(self.comment_button)
        self.message_label = QLabel("")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet("color: #a00000;")
        layout.addWidget(self.message_label)
        self._update_buttons(None)
        changes().changed.connect(self._letter_changed)  # a save, a send: read the status again

    def _ask_text(self, title: str, label: str) -> tuple[str, bool]:
        text, accepted = QInputDialog.getMultiLineText(self, title, label)
        return text, accepted

    def _service(self):
        from composer.review.service import ReviewService

        assert self.library is not None
        return ReviewService(self.library)

    def set_author(self, name: str) -> None:
        self.author = name
        if not self.reviewer_edit.text():
            self.reviewer_edit.setText(name)

    def show_letter(self, library: Library | None, letter_id: int | None) -> None:
        self.library, self.letter_id = library, letter_id
        self.refresh()

    def refresh(self) -> None:
        """Read the status and comments in an op (the first one imports the review service
        there); the newest refresh's result is shown, the buttons wait for it."""
        self.message_label.setText("")
        self._generation += 1
        if self.library is None or self.letter_id is None:
            self.comments_list.clear()
            self.status_label.setText(_("Geen brief gekozen."))
            self._update_buttons(None)
            return
        generation, library, letter_id = self._generation, self.library, self.letter_id
        self._update_buttons(None)  # until the status arrives

        def read(_workspace: object) -> tuple[object, list]:
            from composer.review.service import ReviewService

            service = ReviewService(library)
            return service.status(letter_id), service.comments(letter_id)

        def failed(error: BaseException) -> None:
            if generation == self._generation and isinstance(error, ComposerError):
                self.message_label.setText(error_text(error))

        Op(self, read).success(lambda result: self._show_status(generation, *result)).failure(
            failed
        ).run()

    def _refresh_now(self) -> None:
        """After an action on the GUI thread (the service is imported): read and show now."""
        self.message_label.setText("")
        self._generation += 1
        service = self._service()
        assert self.letter_id is not None
        status, comments = service.status(self.letter_id), service.comments(self.letter_id)
        self._show_status(self._generation, status, comments)

    def _show_status(self, generation: int, status, comments: list) -> None:
        if generation != self._generation:
            return  # a newer refresh was asked for
        # status.headline is Dutch (`Goedgekeurd (versie 2)`): the same words, translated here.
        self.status_label.setText(
            _("Status: {status} (versie {version})").format(
                status=_(status.label), version=status.version
            )
        )
        self.comments_list.clear()
        for comment in comments:
            self.comments_list.addItem(QListWidgetItem(self._comment_text(comment)))
        self._update_buttons(status.status)

    @staticmethod
    def _comment_text(comment) -> str:
        """`v2, blok 3 · Jan (open): text`: one whole sentence per case, for the translation."""
        values = {
            "version": comment.version,
            "block": comment.block,
            "author": comment.author,
            "text": comment.text,
        }
        if comment.block is None:
            if comment.resolved:
                return _("v{version} · {author} (opgelost): {text}").format(**values)
            return _("v{version} · {author} (open): {text}").format(**values)
        if comment.resolved:
            return _("v{version}, blok {block} · {author} (opgelost): {text}").format(**values)
        return _("v{version}, blok {block} · {author} (open): {text}").format(**values)

    def step_buttons(self) -> dict[Step, QPushButton]:
        """Each button with the workflow step it takes."""
        return {
            Step.SUBMIT: self.submit_button,
            Step.APPROVE: self.approve_button,
            Step.REJECT: self.reject_button,
            Step.SEND: self.send_button,
            Step.COMMENT: self.comment_button,
        }

    def _update_buttons(self, status: str | None) -> None:
        """Enable what the transition table allows in `status` (None: no letter, nothing)."""
        for step, button in self.step_buttons().items():
            button.setEnabled(allowed(status, step))

    def _run(self, action: Callable[[], object]) -> bool:
        try:
            action()
        except ComposerError as exc:
            self.message_label.setText(error_text(exc))
            return False
        self._refresh_now()
        if self.letter_id is not None:
            self._announcing = True  # the others hear it; this panel has just read it
            try:
                self.status_changed.emit(self.letter_id)
            finally:
                self._announcing = False
        return True

    def _reviewer(self) -> str:
        return self.reviewer_edit.text().strip() or self.author

    def _latest(self) -> int:
        assert self.library is not None and self.letter_id is not None
        return self.library.version_info(self.letter_id).number

    def submit(self) -> bool:
        return self._run(lambda: self._service().submit(self.letter_id, author=self.author))

    def approve(self) -> bool:
        return self._run(
            lambda: self._service().approve(
                self.letter_id, version=self._latest(), reviewer=self._reviewer()
            )
        )

    def reject(self) -> bool:
        reason, accepted = self.ask_text(_("Afwijzen"), _("Waarom wijst u deze versie af?"))
        if not accepted or not reason.strip():
            return False
        return self._run(
            lambda: self._service().reject(
                self.letter_id, reason=reason.strip(), reviewer=self._reviewer()
            )
        )

    def send(self) -> bool:
        """Slow (LibreOffice, the archive): an op; every panel follows when it is sent."""
        if self.library is None or self.letter_id is None:
            return False
        letter_id, author = self.letter_id, self.author
        self.send_button.setEnabled(False)
        self.message_label.setText(_("Bezig met verzenden…"))

        def failed(error: BaseException) -> None:
            self.refresh()
            if isinstance(error, ComposerError):
                self.message_label.setText(error_text(error))

        Op(self, lambda workspace: workspace.send(letter_id, author=author)).changes(
            letter_id, STATUS
        ).success(lambda _result: self.refresh()).failure(failed).run()
        return True

    def _letter_changed(self, letter_id: int, _what: str) -> None:
        if self.library is not None and letter_id == self.letter_id and not self._announcing:
            self.refresh()

    def add_comment(self) -> bool:
        text, accepted = self.ask_text(_("Opmerking"), _("Uw opmerking bij de laatste versie:"))
        if not accepted or not text.strip():
            return False
        return self._run(
            lambda: self._service().comment(
                self.letter_id, version=self._latest(), author=self._reviewer(), text=text.strip()
            )
        )
