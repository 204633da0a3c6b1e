"""The review dock: status with the allowed transitions, comments, sending and the sent letter."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from composer.core.statuses import STATUS_SENT
from composer.errors import ComposerError
from composer.gui.changes import changes
from composer.gui.dialogs.common import message_label
from composer.gui.ops import Op
from composer.gui.review_comments import CommentsBox
from composer.gui.review_save import confirm_save
from composer.gui.review_sending import SendingBar, start_copy, start_send
from composer.gui.review_sent import SentBox
from composer.gui.review_state import ReviewState, read_state
from composer.gui.send_choices import choose_folder
from composer.gui.send_register_box import RegisterBox
from composer.gui.send_work import EML, POST, SendChoice, check_signature
from composer.gui.show_error import error_text
from composer.i18n import _, screen_moment
from composer.review.transitions import Step, allowed

if TYPE_CHECKING:
    from composer.gui.dialogs.send_dialog import SendDialog
    from composer.gui.send_delivery import AskPassword, Delivery
    from composer.storage.library import Library


class ReviewPanel(QWidget):
    """Buttons only for what the workflow allows now; every action goes through ReviewService.

    `status` is the stored status of the letter shown (None until read); `status_read` says
    each time it is read, so the window can make a sent letter read-only.
    """

    status_changed = Signal(int)  # letter id, after an action of this panel
    status_read = Signal(int, str)  # letter id, stored status (e.g. "verzonden")
    copy_made = Signal(int)  # the new letter's id (Kopie maken)
    sending_done = Signal(bool)  # True: sent

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("beoordeling")
        self.setAccessibleName(_("Beoordeling"))
        self.library: Library | None = None
        self.letter_id: int | None = None
        self.author = ""
        self.status: str | None = None
        self.state: ReviewState | None = None
        self.sending = False  # a send runs in the background
        self.send_dialog: SendDialog | None = None
        self.delivery: Delivery | None = None  # e-mail or .eml files going out
        # Replaceable in tests: ask for a text (title, label) → (text, accepted); a folder for
        # .eml files; the mail server's password (send_delivery.AskPassword; None: the dialog).
        self.ask_text: Callable[[str, str], tuple[str, bool]] = self._ask_text
        self.ask_folder: Callable[[QWidget], Path | None] = choose_folder
        self.ask_password: AskPassword | None = None
        self._generation = 0  # only the newest refresh is shown
        self._announcing = False
        layout = QVBoxLayout(self)
        self.status_label = QLabel(_("Geen brief gekozen."))
        self.status_label.setObjectName("status")
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        self.rejection_label = message_label("afwijzing", "", spoken=_("Reden van afwijzing"))
        self.rejection_label.hide()
        layout.addWidget(self.rejection_label)
        form = QFormLayout()
        self.reviewer_edit = QLineEdit()
        self.reviewer_edit.setAccessibleName(_("Beoordelaar"))
        form.addRow(_("B&eoordelaar:"), self.reviewer_edit)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.submit_button = QPushButton(_("&Indienen"))
        self.approve_button = QPushButton(_("&Goedkeuren"))
        self.reject_button = QPushButton(_("&Afwijzen…"))
        self.send_button = QPushButton(_("Ver&zenden…"))
        for button, handler in (
            (self.submit_button, self.submit),
            (self.approve_button, self.approve),
            (self.reject_button, self.reject),
            (self.send_button, self.send),
        ):
            button.clicked.connect(handler)
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.sending_bar = SendingBar()
        self.busy_label, self.progress = self.sending_bar.label, self.sending_bar.progress
        layout.addWidget(self.sending_bar)
        self.sent_box = SentBox()
        self.sent_box.copy_asked.connect(self.make_copy)
        self.sent_box.hide()
        layout.addWidget(self.sent_box)
        self.register_box = RegisterBox()
        self.register_box.retry_asked.connect(self.retry_delivery)
        self.register_box.hide()
        layout.addWidget(self.register_box)
        self.comments_box = CommentsBox()
        self.comments_box.add_asked.connect(self.add_comment)
        self.comments_box.resolve_asked.connect(self.resolve)
        self.comments_list = self.comments_box.list
        self.comment_button = self.comments_box.add_button
        self.resolve_button = self.comments_box.resolve_button
        layout.addWidget(self.comments_box, 1)
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

    # Reading and showing

    def refresh(self) -> None:
        """Read the status and comments in an op (the first one imports the review service
        there); the newest refresh's result is shown, the buttons wait for it."""
        self.message_label.setText("")
        self._generation += 1
        if self.library is None or self.letter_id is None:
            self.comments_box.clear()
            self.status_label.setText(_("Geen brief gekozen."))
            self.status, self.state = None, None
            self.rejection_label.hide()
            self.sent_box.hide()
            self.register_box.hide()
            self._update_buttons(None)
            return
        generation, library, letter_id = self._generation, self.library, self.letter_id
        self._update_buttons(None)  # until the status arrives

        def failed(error: BaseException) -> None:
            if generation == self._generation and isinstance(error, ComposerError):
                self.message_label.setText(error_text(error))

        Op(self, lambda _workspace: read_state(library, letter_id)).success(
            lambda state: self._show_state(generation, state)
        ).failure(failed).run()

    def _refresh_now(self) -> None:
        """After an action on the GUI thread (the service is imported): read and show now."""
        self.message_label.setText("")
        self._generation += 1
        assert self.library is not None and self.letter_id is not None
        self._show_state(self._generation, read_state(self.library, self.letter_id))

    def _show_state(self, generation: int, state: ReviewState) -> None:
        if generation != self._generation:
            return  # a newer refresh was asked for
        status = state.status
        self.state, self.status = state, status.status
        # status.headline is Dutch (`Goedgekeurd (versie 2)`): the same words, translated here.
        self.status_label.setText(
            _("Status: {status} (versie {version})").format(
                status=_(status.label), version=status.version
            )
        )
        rejection = status.rejection
        if rejection is not None:
            self.rejection_label.setText(
                _("Afgewezen door {name} op {date} om {time}: {reason}").format(
                    name=rejection.actor, reason=rejection.text, **screen_moment(rejection.at)
                )
            )
        self.rejection_label.setVisible(rejection is not None)
        sent = status.status == STATUS_SENT
        if sent:
            self.sent_box.show_state(state)
            self.register_box.show_register(state.register)
            self._check_signature(generation, state)
        else:
            self.register_box.hide()
        self.sent_box.setVisible(sent)
        self.comments_box.show_comments(
            state.comments, may_resolve=allowed(status.status, Step.RESOLVE)
        )
        self._update_buttons(status.status)
        if self.letter_id is not None:
            self.status_read.emit(self.letter_id, status.status)

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
        """Enable what the transition table allows in `status` (None: no letter, nothing);
        nothing while a send runs."""
        if self.sending:
            status = None
        for step, button in self.step_buttons().items():
            button.setEnabled(allowed(status, step))
        self.comments_box.set_enabled_for(
            may_comment=allowed(status, Step.COMMENT), may_resolve=allowed(status, Step.RESOLVE)
        )
        self.sent_box.set_busy(not allowed(status, Step.COPY))
        self.register_box.set_busy(self.sending)

    def _check_signature(self, generation: int, state: ReviewState) -> None:
        """What the archived PDF's signature says, read in an op."""
        pdf = state.archived_pdf()
        self.register_box.show_signature(None)
        if pdf is None:
            return

        def shown(line) -> None:
            if generation == self._generation:
                self.register_box.show_signature(line)

        Op(self, lambda _workspace: check_signature(pdf)).success(shown).failure(
            lambda _error: None
        ).run()

    # Steps on the GUI thread (one short transaction each)

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

    def add_comment(self) -> bool:
        text, accepted = self.ask_text(_("Opmerking"), _("Uw opmerking bij de laatste versie:"))
        if not accepted or not text.strip():
            return False
        return self._run(
            lambda: self._service().comment(
                self.letter_id, version=self._latest(), author=self._reviewer(), text=text.strip()
            )
        )

    def resolve(self, comment_id: int) -> bool:
        """Mark a comment afgehandeld, in the name of the beoordelaar field."""
        return self._run(
            lambda: self._service().resolve(self.letter_id, comment_id, by=self._reviewer())
        )

    # Saving during a review

    def confirm_save(self, parent: QWidget | None = None) -> bool:
        """Before a save: when it would withdraw the review or lapse an approval, say so and
        ask. True when saving may go ahead."""
        if self.library is None or self.letter_id is None:
            return True
        return confirm_save(parent or self, self.library, self.letter_id)

    # Sending (slow: LibreOffice and the archive) and copying

    def send(self) -> bool:
        """Ask first (SendDialog: kenmerk, addressees, problems, a reason for open comments);
        send in an op when confirmed."""
        if self.library is None or self.letter_id is None or self.sending:
            return False
        from composer.gui.dialogs.send_dialog import SendDialog

        if self.send_dialog is not None:
            self.send_dialog.close()
        dialog = self.send_dialog = SendDialog(self, self.library, self.letter_id)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        letter_id = self.letter_id

        def confirmed() -> None:
            if self.letter_id == letter_id:
                self.send_now(
                    expected_kenmerk=dialog.kenmerk(),
                    reason=dialog.reason(),
                    choice=dialog.choice(),
                )

        dialog.accepted.connect(confirmed)
        dialog.destroyed.connect(lambda *_: self._forget_dialog(dialog))
        dialog.open()
        return True

    def _forget_dialog(self, dialog: object) -> None:
        if self.send_dialog is dialog:
            self.send_dialog = None

    def send_now(
        self, *, expected_kenmerk: str | None, reason: str = "", choice: SendChoice | None = None
    ) -> bool:
        """Send what the sender confirmed, in an op; every panel follows when it is sent. By
        e-mail or as .eml files, the archived PDFs go out next (send_delivery.Delivery)."""
        if self.library is None or self.letter_id is None or self.sending:
            return False
        choice = choice or SendChoice()
        self._set_sending(True)
        letter_id = self.letter_id

        def done(_result: object) -> None:
            self.refresh()
            if choice.channel == POST:
                self._set_sending(False)
                self.sending_done.emit(True)
            else:
                self.deliver(letter_id, choice.channel, choice.folder, first=True)

        def failed(error: BaseException) -> None:
            self._set_sending(False)
            self.refresh()
            if isinstance(error, ComposerError):
                self.message_label.setText(error_text(error))
            self.sending_done.emit(False)

        start_send(
            self,
            self.letter_id,
            author=self.author,
            expected_kenmerk=expected_kenmerk,
            reason=reason,
            done=done,
            failed=failed,
            signing_key=choice.signing_key,
        )
        return True

    def deliver(
        self,
        letter_id: int,
        channel: str,
        folder: Path | None,
        *,
        first: bool = False,
        only_failed: bool = False,
    ) -> Delivery:
        """E-mail the archived PDFs or write them as .eml files: progress, result, retry."""
        from composer.gui.send_delivery import Delivery

        self._set_sending(True)
        delivery = self.delivery = Delivery(
            self, letter_id, channel=channel, author=self.author, folder=folder
        )
        if self.ask_password is not None:
            delivery.ask_password = self.ask_password

        def finished(problem: str) -> None:
            if self.delivery is delivery:
                self.delivery = None
            self._set_sending(False)
            self.refresh()
            if problem:
                self.message_label.setText(problem)
            if first:
                self.sending_done.emit(True)  # the letter is sent; the result said the rest

        delivery.finished.connect(finished)
        delivery.start(only_failed=only_failed)
        return delivery

    def retry_delivery(self, channel: str) -> bool:
        """Opnieuw proberen: only the addressees whose last e-mail or .eml did not go."""
        if self.letter_id is None or self.sending or not channel:
            return False
        folder = None
        if channel == EML:
            folder = self.ask_folder(self)
            if folder is None:
                return False
        self.deliver(self.letter_id, channel, folder, only_failed=True)
        return True

    def _set_sending(self, sending: bool) -> None:
        self.sending = sending
        self.sending_bar.show_busy(sending)
        if sending:
            self.message_label.setText("")
        self._update_buttons(None if sending else self.status)

    def make_copy(self) -> bool:
        """Kopie maken: a new letter on the basis of this one (in an op); `copy_made` says
        which, and the library list hears of it."""
        if self.library is None or self.letter_id is None:
            return False
        self.sent_box.set_busy(True)

        def done(new_id: int) -> None:
            self.sent_box.set_busy(False)
            self.copy_made.emit(new_id)

        def failed(error: BaseException) -> None:
            self.sent_box.set_busy(False)
            if isinstance(error, ComposerError):
                self.message_label.setText(error_text(error))

        start_copy(self, self.library, self.letter_id, author=self.author, done=done, failed=failed)
        return True

    def _letter_changed(self, letter_id: int, _what: str) -> None:
        if self.library is not None and letter_id == self.letter_id and not self._announcing:
            self.refresh()
