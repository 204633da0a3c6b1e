"""Sending a sent letter's PDFs by e-mail (or as .eml files) from the window: the password, a
progress dialog with Annuleren, the result with "Opnieuw proberen", all work in ops."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QWidget

from composer.errors import ComposerError
from composer.gui.changes import STATUS
from composer.gui.ops import Op
from composer.gui.send_password import PasswordDialog
from composer.gui.send_progress import ProgressRelay, SendProgressDialog
from composer.gui.send_result import SendResultDialog
from composer.gui.send_work import (
    EMAIL,
    EML,
    addressee_lines,
    deliver_letter,
    keep_password,
    mail_server,
    stored_password,
)
from composer.gui.show_error import error_text
from composer.i18n import _

if TYPE_CHECKING:
    from composer.app.workspace import Workspace

# (parent, server, user, problem) -> (password, keep it) or None when cancelled
AskPassword = Callable[[QWidget, str, str, str], "tuple[str, bool] | None"]


def ask_password(parent: QWidget, server: str, user: str, problem: str) -> tuple[str, bool] | None:
    dialog = PasswordDialog(parent, server=server, user=user, problem=problem)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.password(), dialog.keep()


def login_refused(reason: str) -> bool:
    """The mail server refused the user or password (asking again may help)."""
    text = reason.lower()
    return "aanmelding" in text or "wachtwoord" in text


def refused_login(report: Any) -> str:
    """The server's refusal when nobody got the letter because the login was refused; else ""."""
    reasons = {reason for _name, reason in report.failed}
    if report.sent or len(reasons) != 1:
        return ""
    [reason] = reasons
    return reason if login_refused(reason) else ""


class Delivery(QObject):
    """One round of sending (and its retries) for one letter. `finished(message)` at the end:
    "" when it ran (the result dialog says how it went), else why it could not run."""

    finished = Signal(str)
    result_shown = Signal(object)  # the SendResultDialog

    def __init__(
        self, owner: QWidget, letter_id: int, *, channel: str, author: str, folder: Path | None
    ) -> None:
        super().__init__(owner)
        self.owner, self.letter_id = owner, letter_id
        self.channel, self.author, self.folder = channel, author, folder
        # Replaceable in tests: ask the mail server's password.
        self.ask_password: AskPassword = ask_password
        self.password: str | None = None
        self.keep = False
        self.mail: Any = None
        self.progress_dialog: SendProgressDialog | None = None
        self.result_dialog: SendResultDialog | None = None
        self.report: Any = None
        self.retrying = False  # the result dialog closes for another try

    def start(self, *, only_failed: bool = False) -> None:
        self.only_failed = only_failed
        known = self.mail is not None and (self.password or not getattr(self.mail, "user", ""))
        if self.channel != EMAIL or known:
            self._deliver()
            return

        def read(workspace: Workspace) -> tuple[Any, str | None]:
            mail = mail_server(workspace.settings)
            if mail is None:
                raise ComposerError(
                    _(
                        "Er is geen mailserver ingesteld. Vul bij Extra > Instellingen > E-mail "
                        "de mailserver in, of verstuur de brief als e-mailbestanden."
                    )
                )
            password = stored_password(mail) if getattr(mail, "user", "") else None
            return mail, password

        Op(self.owner, read).success(self._have_password).failure(self._failed).run()

    def _have_password(self, found: tuple[Any, str | None]) -> None:
        self.mail, stored = found
        if stored is not None or not getattr(self.mail, "user", ""):
            self.password = stored
            self._deliver()
        else:
            self._ask("")

    def _ask(self, problem: str) -> None:
        mail = self.mail
        answer = self.ask_password(
            self.owner, getattr(mail, "host", ""), getattr(mail, "user", ""), problem
        )
        if answer is None:
            self.finished.emit(problem or _("Er is niets per e-mail verzonden."))
            return
        self.password, self.keep = answer
        self._deliver()

    def _deliver(self) -> None:
        relay = ProgressRelay()
        dialog = self.progress_dialog = SendProgressDialog(
            self.owner, relay, eml=self.channel == EML
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        channel, folder, password, keep = self.channel, self.folder, self.password, self.keep
        letter_id, author, only_failed, mail = (
            self.letter_id,
            self.author,
            self.only_failed,
            self.mail,
        )

        def work(workspace: Workspace) -> Any:
            lines = addressee_lines(workspace.require_library(), letter_id)
            relay.names = {line.email.lower(): line.label for line in lines if line.email}
            report = deliver_letter(
                workspace,
                letter_id,
                channel=channel,
                author=author,
                folder=folder,
                password=password,
                only_failed=only_failed,
                progress=relay.report,
                cancelled=relay.cancelled,
            )
            if keep and password and mail is not None and not refused_login(report):
                keep_password(mail, password)  # only once the server took it
            return report

        def done(report: Any) -> None:
            self._close_progress()
            refused = refused_login(report) if channel == EMAIL else ""
            if refused and getattr(mail, "user", ""):
                self._ask(refused)  # the same round again with the password typed now
                return
            self.keep = False
            self.show_result(report)

        def failed(error: BaseException) -> None:
            self._close_progress()
            if not isinstance(error, ComposerError):
                self.finished.emit(_("Het verzenden is afgebroken door een fout."))
                return
            if channel == EMAIL and getattr(mail, "user", "") and login_refused(error.message):
                self._ask(error_text(error))
            else:
                self.finished.emit(error_text(error))

        Op(self.owner, work).changes(letter_id, STATUS).success(done).failure(failed).run()

    def _close_progress(self) -> None:
        dialog, self.progress_dialog = self.progress_dialog, None
        if dialog is not None:
            dialog.relay.progressed.disconnect(dialog.show_progress)
            dialog.done(QDialog.DialogCode.Accepted)

    def show_result(self, report: Any) -> None:
        self.report = report
        dialog = self.result_dialog = SendResultDialog(self.owner, report, channel=self.channel)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.retry_asked.connect(self._retry)
        dialog.finished.connect(lambda *_: self._result_closed(dialog))
        dialog.open()
        self.result_shown.emit(dialog)

    def _retry(self) -> None:
        self.retrying = True
        self.start(only_failed=True)

    def _result_closed(self, dialog: SendResultDialog) -> None:
        if self.result_dialog is dialog:
            self.result_dialog = None
        if not self.retrying:
            self.finished.emit("")
        self.retrying = False

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ComposerError):
            self.finished.emit(error_text(error))
        else:
            self.finished.emit(_("Het verzenden is afgebroken door een fout."))
