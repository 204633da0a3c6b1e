"""Verzenden: what it will do (the kenmerk it issues, to whom), asked before anything happens.

The plan is read off the GUI thread. With problems (no Betreft, no text, no addressee) there is
nothing to confirm: the dialog lists them and offers only Sluiten. With open comments the sender
must give a reason, which is recorded with the sending. The sender chooses how the letter
goes (post, e-mail through the mail server, .eml files) and whether the PDF is signed
(composer.gui.send_choices).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from composer.errors import ComposerError
from composer.gui.dialogs.common import (
    ERROR_STYLE,
    add_button,
    error_text,
    hint_label,
    message_label,
)
from composer.gui.ops import Op
from composer.gui.send_choices import SendChoices
from composer.gui.send_work import EMAIL, EML, POST, SendChoice, addressee_lines, mail_server
from composer.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from composer.app.workspace import Workspace
    from composer.review.send_plan import SendPlan
    from composer.storage.library import Library


_FROZEN = N_(
    "Composer maakt de PDF, zet de brief met zijn Word-bestand in het archief en daarna kan de "
    "brief niet meer worden gewijzigd."
)
FROZEN_HINTS = {
    POST: _FROZEN,
    EMAIL: N_(
        "Composer maakt de PDF, zet de brief met zijn Word-bestand in het archief en mailt dan "
        "elke geadresseerde met een e-mailadres zijn eigen PDF. Daarna kan de brief niet meer "
        "worden gewijzigd."
    ),
    EML: N_(
        "Composer maakt de PDF, zet de brief met zijn Word-bestand in het archief en schrijft "
        "dan per geadresseerde een e-mailbestand in de map, klaar om te versturen. Daarna kan "
        "de brief niet meer worden gewijzigd."
    ),
}


class SendDialog(QDialog):
    """`accepted` means: send now, as `kenmerk()` with `reason()` and `choice()`; `plan_shown`
    when read."""

    plan_shown = Signal()

    def __init__(self, parent: QWidget | None, library: Library, letter_id: int) -> None:
        super().__init__(parent)
        self.setObjectName("verzenden")
        self.setWindowTitle(_("Brief {letter_id} verzenden").format(letter_id=letter_id))
        self.setMinimumWidth(480)
        self.plan: SendPlan | None = None
        self.mail: object | None = None  # the MailSettings when a mail server is set
        layout = QVBoxLayout(self)
        self.kenmerk_label = message_label("kenmerk", "", spoken=_("Kenmerk"))
        self.kenmerk_label.setText(_("Nagaan wat er wordt verzonden…"))
        self.kenmerk_label.setStyleSheet("font-weight: bold;")
        self.addressees_label = message_label("geadresseerden", "", spoken=_("Geadresseerden"))
        self.problems_label = message_label("problemen", ERROR_STYLE, spoken=_("Wat nog ontbreekt"))
        self.comments_label = message_label("open_opmerkingen", "", spoken=_("Open opmerkingen"))
        self.reason_caption = QLabel(_("&Reden om toch te verzenden:"))
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setObjectName("reden")
        self.reason_edit.setAccessibleName(_("Reden om toch te verzenden"))
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setMaximumHeight(80)
        self.reason_caption.setBuddy(self.reason_edit)
        self.frozen_hint = hint_label(_(FROZEN_HINTS[POST]))
        self.choices = SendChoices()
        self.choices.changed.connect(self._follow_reason)
        for widget in (
            self.kenmerk_label,
            self.addressees_label,
            self.problems_label,
            self.comments_label,
            self.reason_caption,
            self.reason_edit,
            self.choices,
            self.frozen_hint,
        ):
            layout.addWidget(widget)
        box = QDialogButtonBox(self)
        self.send_button = add_button(
            box, _("&Verzenden"), QDialogButtonBox.ButtonRole.AcceptRole, "verzenden"
        )
        self.cancel_button = add_button(
            box, _("&Annuleren"), QDialogButtonBox.ButtonRole.RejectRole, "annuleren"
        )
        self.cancel_button.setDefault(True)  # nothing is sent by pressing Enter
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.reason_edit.textChanged.connect(self._follow_reason)
        for widget in (
            self.problems_label,
            self.comments_label,
            self.reason_caption,
            self.reason_edit,
            self.addressees_label,
            self.choices,
            self.frozen_hint,
        ):
            widget.hide()
        self.send_button.setEnabled(False)  # until the plan is read

        def read(workspace: Workspace) -> tuple[SendPlan, list, object]:
            from composer.review.service import ReviewService

            pattern = workspace.settings.kenmerk_pattern
            plan = ReviewService(library).send_plan(letter_id, pattern=pattern)
            try:
                mail = mail_server(workspace.settings)
            except ComposerError:  # an unreadable profile: post and .eml still go
                mail = None
            return plan, addressee_lines(library, letter_id), mail

        Op(self, read).success(self._read).failure(self._failed).run()

    def _read(self, found: tuple[SendPlan, list, object]) -> None:
        plan, lines, self.mail = found
        self.choices.set_mail_server(self.mail is not None)
        self.choices.show_addressees(lines)
        self.show_plan(plan)
        QTimer.singleShot(0, self, self.adjustSize)  # the choices appeared: room for them

    def show_plan(self, plan: SendPlan) -> None:
        self.plan = plan
        if plan.kenmerk_is_new:
            heading = _("Verzenden geeft kenmerk {kenmerk} uit.")
        else:
            heading = _("De brief wordt verzonden met kenmerk {kenmerk}.")
        self.kenmerk_label.setText(heading.format(kenmerk=plan.kenmerk))
        lines = "\n".join(f"• {line}" for line in plan.addressees)
        if plan.addressees:
            caption = ngettext(
                "Aan {count} geadresseerde:", "Aan {count} geadresseerden:", len(plan.addressees)
            )
            self.addressees_label.setText(f"{caption.format(count=len(plan.addressees))}\n{lines}")
        self.addressees_label.setVisible(bool(plan.addressees))
        if plan.problems:
            self.kenmerk_label.setText(_("Verzenden kan nog niet; er is niets veranderd."))
            self._refuse(
                _("Deze brief kan nog niet worden verzonden:\n{problems}").format(
                    problems="\n".join(f"• {problem}" for problem in plan.problems)
                )
            )
        else:
            self.frozen_hint.show()
            self.choices.show()
            if plan.open_comments:
                self.comments_label.setText(
                    ngettext(
                        "Er staat nog {count} opmerking open.",
                        "Er staan nog {count} opmerkingen open.",
                        plan.open_comments,
                    ).format(count=plan.open_comments)
                    + " "
                    + _("Handel ze af, of geef hieronder op waarom u toch verzendt.")
                )
                for widget in (self.comments_label, self.reason_caption, self.reason_edit):
                    widget.show()
                self.reason_edit.setFocus()
            self._follow_reason()
        self.plan_shown.emit()

    def _refuse(self, text: str) -> None:
        """Nothing to confirm: only Sluiten."""
        self.problems_label.setText(text)
        self.problems_label.show()
        self.send_button.hide()
        self.send_button.setEnabled(False)
        self.cancel_button.setText(_("&Sluiten"))
        self.cancel_button.setAccessibleName(_("Sluiten"))

    def _failed(self, error: BaseException) -> None:
        self.kenmerk_label.setText(_("Verzenden kan nu niet."))
        if isinstance(error, ComposerError):
            self._refuse(error_text(error))
        self.plan_shown.emit()  # a programming error is raised by the op after this

    def _follow_reason(self) -> None:
        plan = self.plan
        ready = plan is not None and not plan.problems
        if ready and plan is not None and plan.open_comments:
            ready = bool(self.reason())
        self.send_button.setEnabled(ready and self.choices.ready())
        channel = self.choices.channel()
        # By e-mail the choices list the addressees with their addresses.
        self.addressees_label.setVisible(bool(plan and plan.addressees) and channel == POST)
        self.frozen_hint.setText(_(FROZEN_HINTS[channel]))
        if self.isVisible():  # lines appeared or went: fit them, once the layout has followed
            QTimer.singleShot(0, self, self.adjustSize)

    def reason(self) -> str:
        """The reason given for sending with open comments ("" when none was asked)."""
        if self.plan is None or not self.plan.open_comments:
            return ""
        return self.reason_edit.toPlainText().strip()

    def choice(self) -> SendChoice:
        """How the letter goes: post, e-mail or .eml (with the folder), signed or not."""
        return self.choices.choice()

    def kenmerk(self) -> str | None:
        """The kenmerk the sender confirmed: sending refuses to issue another."""
        return None if self.plan is None else self.plan.kenmerk

    def accept(self) -> None:
        if self.send_button.isEnabled():  # Enter in a field never sends past a refusal
            super().accept()
