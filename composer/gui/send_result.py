"""After sending by e-mail or writing .eml files: who got the letter and who did not (with the
reason in plain Dutch), and "Opnieuw proberen" for those who did not."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from composer.gui.dialogs.common import GOOD_STYLE, add_button, message_label
from composer.gui.send_work import EML
from composer.i18n import _, ngettext


def retry_text(count: int) -> str:
    return ngettext(
        "&Opnieuw proberen voor {count} geadresseerde",
        "&Opnieuw proberen voor {count} geadresseerden",
        count,
    ).format(count=count)


class SendResultDialog(QDialog):
    """`retry_asked` when the sender wants another try for the ones that failed."""

    retry_asked = Signal()

    def __init__(self, parent: QWidget | None, report: Any, *, channel: str) -> None:
        super().__init__(parent)
        self.setObjectName("verzendresultaat")
        self.setWindowTitle(_("Resultaat van het verzenden"))
        self.setMinimumWidth(600)
        sent, failed = list(report.sent), list(report.failed)
        layout = QVBoxLayout(self)
        self.summary_label = message_label(
            "samenvatting", GOOD_STYLE if not failed else "", spoken=_("Resultaat")
        )
        self.summary_label.setStyleSheet(self.summary_label.styleSheet() + "font-weight: bold;")
        total = len(sent) + len(failed)
        if channel == EML:
            done = ngettext(
                "Voor {sent} van {total} geadresseerde is een e-mailbestand gemaakt.",
                "Voor {sent} van {total} geadresseerden is een e-mailbestand gemaakt.",
                total,
            )
        else:
            done = ngettext(
                "{sent} van {total} geadresseerde heeft de brief per e-mail gekregen.",
                "{sent} van {total} geadresseerden hebben de brief per e-mail gekregen.",
                total,
            )
        self.summary_label.setText(done.format(sent=len(sent), total=total))
        layout.addWidget(self.summary_label)
        self.list = QListWidget()
        self.list.setObjectName("resultaten")
        self.list.setAccessibleName(_("Per geadresseerde"))
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for name, reason in failed:  # first: what needs attention
            self.list.addItem(
                QListWidgetItem(
                    _("✗ {name}: niet verzonden. {reason}").format(name=name, reason=reason)
                )
            )
        for name in sent:
            self.list.addItem(QListWidgetItem(_("✓ {name}: verzonden").format(name=name)))
        layout.addWidget(self.list)
        box = QDialogButtonBox(self)
        # A cancel's addressees have no register row: "Opnieuw proberen" does not reach them.
        retry = len(failed)  # the failed and those a cancelled round did not reach
        self.retry_button = add_button(
            box, retry_text(retry), QDialogButtonBox.ButtonRole.ActionRole, "opnieuw"
        )
        self.retry_button.setVisible(retry > 0)
        self.retry_button.clicked.connect(self._retry)
        self.close_button = add_button(
            box, _("&Sluiten"), QDialogButtonBox.ButtonRole.RejectRole, "sluiten"
        )
        box.rejected.connect(self.reject)
        layout.addWidget(box)

    def lines(self) -> list[str]:
        return [self.list.item(row).text() for row in range(self.list.count())]

    def _retry(self) -> None:
        self.retry_asked.emit()  # first: closing does not end the round
        self.accept()
