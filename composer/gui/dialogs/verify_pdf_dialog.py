"""Handtekening controleren: choose a PDF, see whether its signature is intact and who signed.

The check runs in the background (`Op`); the dialog shows the one-sentence summary (as
`composer verify-pdf` prints it) and the details: who, when, intact, the whole file, trusted.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from composer.app.last_folders import IMPORT
from composer.gui.dialogs.common import (
    ERROR_STYLE,
    GOOD_STYLE,
    NewestOnly,
    add_button,
    error_text,
    hint_label,
    push_button,
)
from composer.gui.dialogs.open_file import open_file
from composer.gui.ops import Op
from composer.i18n import N_, _
from composer.sending.signing_check import SignatureCheck, signed_on

TITLE = N_("Handtekening controleren")
PDF_FILTER = N_("PDF-bestanden (*.pdf);;Alle bestanden (*)")


def _value(name: str, spoken: str) -> QLabel:
    label = QLabel("")
    label.setObjectName(name)
    label.setAccessibleName(spoken)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _yes_no(value: bool | None, unknown: str = "") -> str:
    if value is None:
        return unknown
    return _("ja") if value else _("nee")


def check_pdf_file(path: Path) -> SignatureCheck:
    """Read `path` and check its signature (runs off the GUI thread)."""
    from composer.sending.signing_check import verify_pdf
    from composer.sending.signing_files import read_signing_file

    return verify_pdf(read_signing_file(path))


class VerifyPdfDialog(QDialog):
    """Choose a PDF; the summary and the details of its signature appear below."""

    def __init__(self, parent: QWidget | None = None, path: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handtekening_controleren")
        self.setWindowTitle(_(TITLE))
        self.resize(600, 320)
        # Replaceable (tests): ask the user for a PDF; None when cancelled.
        self.choose_file: Callable[[], Path | None] = self._ask_file
        self.check: SignatureCheck | None = None
        self._newest = NewestOnly()

        layout = QVBoxLayout(self)
        layout.addWidget(
            hint_label(
                _(
                    "Kies een PDF-bestand. U ziet of het digitaal is ondertekend, door wie en "
                    "wanneer, en of het na het ondertekenen is gewijzigd."
                )
            )
        )
        row = QHBoxLayout()
        self.file_edit = QLineEdit()
        self.file_edit.setObjectName("pdf_bestand")
        self.file_edit.setAccessibleName(_("PDF-bestand"))
        self.file_edit.setReadOnly(True)
        self.choose_button = push_button(_("&Kiezen…"), "kiezen")
        self.choose_button.clicked.connect(self._pick_file)
        file_label = QLabel(_("&Bestand:"))
        file_label.setBuddy(self.choose_button)
        row.addWidget(file_label)
        row.addWidget(self.file_edit, 1)
        row.addWidget(self.choose_button)
        layout.addLayout(row)

        self.summary_label = _value("samenvatting", _("Uitkomst"))
        layout.addWidget(self.summary_label)
        form = QFormLayout()
        self.signer_label = _value("ondertekenaar", _("Ondertekend door"))
        self.time_label = _value("tijdstip", _("Ondertekend op"))
        self.intact_label = _value("intact", _("Handtekening intact"))
        self.whole_label = _value("hele_bestand", _("Hele bestand ondertekend"))
        self.trusted_label = _value("vertrouwd", _("Certificaat vertrouwd"))
        form.addRow(_("Ondertekend door:"), self.signer_label)
        form.addRow(_("Ondertekend op:"), self.time_label)
        form.addRow(_("Handtekening intact:"), self.intact_label)
        form.addRow(_("Hele bestand ondertekend:"), self.whole_label)
        form.addRow(_("Certificaat vertrouwd:"), self.trusted_label)
        layout.addLayout(form)
        layout.addStretch(1)

        box = QDialogButtonBox()
        close = add_button(box, _("S&luiten"), QDialogButtonBox.ButtonRole.RejectRole, "sluiten")
        close.setDefault(True)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        if path is not None:
            self.check_file(path)

    def _ask_file(self) -> Path | None:
        return open_file(self, _("PDF-bestand kiezen"), IMPORT, _(PDF_FILTER))

    def _pick_file(self) -> None:
        path = self.choose_file()
        if path is not None:
            self.check_file(path)

    def check_file(self, path: Path) -> None:
        """Check `path` in the background; the labels show the outcome when it is in."""
        self.file_edit.setText(str(path))
        self.check = None
        self._clear_details()
        self.summary_label.setStyleSheet("")
        self.summary_label.setText(_("‘{name}’ wordt gecontroleerd…").format(name=path.name))
        shown, failed = self._newest.callbacks(self._show, self._failed)
        Op(self, lambda _workspace: check_pdf_file(path)).success(shown).failure(failed).run()

    def _clear_details(self) -> None:
        for label in (
            self.signer_label,
            self.time_label,
            self.intact_label,
            self.whole_label,
            self.trusted_label,
        ):
            label.setText("")

    def _show(self, check: SignatureCheck) -> None:
        self.check = check
        self.summary_label.setText(check.summary)
        good = check.ok and check.trusted is not False
        self.summary_label.setStyleSheet(GOOD_STYLE if good else ERROR_STYLE)
        if not check.signed:
            return
        self.signer_label.setText(check.signer or _("onbekend"))
        self.time_label.setText(signed_on(check.signed_at) if check.signed_at else _("onbekend"))
        self.intact_label.setText(_yes_no(check.intact))
        self.whole_label.setText(
            _yes_no(check.whole_file)
            if check.whole_file
            else _("nee: er is na het ondertekenen iets aan toegevoegd")
        )
        self.trusted_label.setText(
            _yes_no(check.trusted, _("niet gecontroleerd (geen vertrouwde uitgevers opgegeven)"))
        )

    def _failed(self, error: BaseException) -> None:
        self.summary_label.setStyleSheet(ERROR_STYLE)
        self.summary_label.setText(error_text(error))

    @classmethod
    def run(cls, parent: QWidget | None = None, path: Path | None = None) -> None:
        """Show the dialog (modal); with `path`, that file is checked at once."""
        dialog = cls(parent, path)
        dialog.exec()
        dialog.deleteLater()
